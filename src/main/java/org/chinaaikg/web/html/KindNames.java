package org.chinaaikg.web.html;

import java.util.Map;

/** What a kind of IRI ({@code /id/{kind}/…}) is called on a page: {@code org} is "Organizations". */
public final class KindNames {
    private static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("org", "Organizations"), Map.entry("person", "People"), Map.entry("model", "AI models"),
            Map.entry("product", "Products and platforms"), Map.entry("system", "AI systems"), Map.entry("policy", "Policies"),
            Map.entry("event", "Events"), Map.entry("place", "Places"), Map.entry("segment", "Ecosystem segments"),
            Map.entry("tech", "Technologies"), Map.entry("role", "Roles"), Map.entry("report", "Cited reports"),
            Map.entry("membership", "Memberships"), Map.entry("claim", "Claims"), Map.entry("source", "Source documents"));

    private KindNames() {}

    public static String title(String kind) {
        return TITLES.getOrDefault(kind, kind);
    }

    /** The kind of one of our IRIs ({@code …/id/org/baidu} → {@code org}), or null. */
    public static String kindOf(String iri) {
        String id = org.chinaaikg.vocab.Iris.ID;
        if (!iri.startsWith(id)) return null;
        int slash = iri.indexOf('/', id.length());
        return slash > id.length() ? iri.substring(id.length(), slash) : null;
    }

    /** The local path of a kind's list. */
    public static String listPath(String kind) {
        return "/id/" + kind + "/";
    }
}
