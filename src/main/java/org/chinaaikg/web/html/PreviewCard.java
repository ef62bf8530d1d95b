package org.chinaaikg.web.html;

import org.chinaaikg.describe.EntityCatalog;

import java.util.List;

/**
 * The small card the reconciliation service's preview shows in OpenRefine (an iframe of 400 × 160): name, Chinese
 * name, kinds, other spellings, counts and a link to the entity's page. No script, no stylesheet of its own.
 */
public final class PreviewCard {
    public record Model(String title, Link page, String zhLabel, List<String> types, List<String> alsoWritten, long claims, long facts) {}

    private PreviewCard() {}

    /** {@code origin}: the server as its client names it, so that the link works from OpenRefine's page. */
    public static String render(EntityCatalog catalog, EntityCatalog.Entry e, String origin) {
        List<String> also = e.spellings().stream().filter(s -> !s.equals(e.label()) && !s.equals(e.zhLabel())).toList();
        Model m = new Model(e.label(), new Link(origin + "/id/" + e.id(), e.label()), e.zhLabel(),
                e.types().stream().map(catalog::classLabel).toList(), also, e.claims(), e.facts());
        return Templates.render("preview.jte", m);
    }
}
