package org.chinaaikg.web.html;

import org.chinaaikg.describe.DatasetMetadata;
import org.chinaaikg.search.EntitySearch.Hit;
import org.chinaaikg.vocab.Iris;

import java.util.List;

/**
 * The search page for a browser: the search box again (with a kind to restrict to), and each hit with its kind, the
 * spelling that matched and a snippet, linking to its page. This class computes what the page shows ({@link Model});
 * {@code search.jte} lays it out.
 */
public final class SearchPage {
    /** One hit as shown: a link to its page, its kind, the spelling that matched when it is not the label, a snippet. */
    public record Result(Link link, String kind, String matched, String snippet, double score) {}

    /** What the page shows; {@code query} is empty before a search. */
    public record Model(DatasetMetadata dataset, String query, String kind, List<String> kinds, List<Result> results) {}

    private SearchPage() {}

    public static String render(DatasetMetadata dataset, String query, String kind, List<String> kinds, List<Hit> hits) {
        return Templates.render("search.jte", model(dataset, query, kind, kinds, hits));
    }

    static Model model(DatasetMetadata dataset, String query, String kind, List<String> kinds, List<Hit> hits) {
        List<Result> results = hits.stream().map(h -> new Result(new Link(Iris.localLink(h.iri()), h.label()), h.kind(),
                h.matched().equals(h.label()) || h.matched().equals(h.snippet()) ? null : h.matched(), h.snippet(), h.score())).toList();
        return new Model(dataset, query == null ? "" : query, kind == null ? "" : kind, kinds, results);
    }
}
