package org.chinaaikg.web.html;

import org.chinaaikg.describe.DatasetMetadata;
import org.chinaaikg.describe.EntityCatalog;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The list of every entity of one kind ({@code /id/org/}), a page of {@value #PAGE_SIZE} at a time, sorted by
 * label, with the number of claims and facts of each; or, at {@code /id/}, the kinds with their counts. This class
 * computes what the page shows; {@code kinds.jte} lays it out.
 */
public final class KindListPage {
    public static final int PAGE_SIZE = 100;

    /** One entity of the list. */
    public record Row(String iri, Link entity, String zhLabel, List<Link> types, long claims, long facts) {}

    /** One kind of the index page. */
    public record KindRow(Link list, String kind, long entities) {}

    /**
     * @param type  the class the list is restricted to ({@code ?type=}), or null
     * @param first the position (from 1) of the page's first row
     */
    public record Model(DatasetMetadata dataset, String kind, String title, Link kindClass, String typeIri, Link type, long total,
                        int page, int pages, long first, List<Row> rows, Link previous, Link next, List<KindRow> kinds) {}

    private KindListPage() {}

    /** The page's model; {@code entries} are all of the kind (and type), sorted. */
    public static Model model(DatasetMetadata dataset, EntityCatalog catalog, String kind, String typeIri,
                              List<EntityCatalog.Entry> entries, int page) {
        int pages = Math.max(1, (entries.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int from = Math.min(entries.size(), (page - 1) * PAGE_SIZE);
        List<Row> rows = entries.subList(from, Math.min(entries.size(), from + PAGE_SIZE)).stream()
                .map(e -> new Row(e.iri(), Link.to(e.iri(), e.label()), e.zhLabel(),
                        e.types().stream().map(t -> Link.to(t, catalog.classLabel(t))).toList(), e.claims(), e.facts()))
                .toList();
        Link kindClass = catalog.classOf(kind).map(c -> Link.to(c, catalog.classLabel(c))).orElse(null);
        Link type = typeIri == null ? null : Link.to(typeIri, catalog.classLabel(typeIri));
        return new Model(dataset, kind, KindNames.title(kind), kindClass, typeIri, type, entries.size(), page, pages, from + 1L, rows,
                page > 1 ? new Link(pageHref(kind, typeIri, page - 1), "previous") : null,
                page < pages ? new Link(pageHref(kind, typeIri, page + 1), "next") : null, List.of());
    }

    /** The index of kinds ({@code /id/}). */
    public static Model index(DatasetMetadata dataset, EntityCatalog catalog) {
        List<KindRow> kinds = catalog.kinds().stream()
                .map(k -> new KindRow(new Link(KindNames.listPath(k), KindNames.title(k)), k, catalog.ofKind(k).size())).toList();
        long total = kinds.stream().mapToLong(KindRow::entities).sum();
        return new Model(dataset, null, "Everything described", null, null, null, total, 1, 1, 1, List.of(), null, null, kinds);
    }

    public static String render(Model model) {
        return Templates.render("kinds.jte", model);
    }

    /** The path of a page of a list. */
    public static String pageHref(String kind, String typeIri, int page) {
        StringBuilder href = new StringBuilder(KindNames.listPath(kind));
        String sep = "?";
        if (typeIri != null) {
            href.append(sep).append("type=").append(URLEncoder.encode(typeIri, StandardCharsets.UTF_8));
            sep = "&";
        }
        if (page > 1) href.append(sep).append("page=").append(page);
        return href.toString();
    }
}
