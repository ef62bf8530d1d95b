package org.chinaaikg.search;

import java.util.List;

/**
 * Finding entities by name, as the search box, the typeahead and the reconciliation service ask: ranked, one hit per
 * entity, an exact name or spelling first, then prefix, then fuzzy matches.
 */
public interface EntitySearch {
    /**
     * One entity found: its IRI, its kind ({@code org}, {@code model}, … as in {@code /id/{kind}/}), its label, the
     * spelling that matched, a snippet (for claims, the words of the quote), and a score in [0, 100] (100: an exact
     * name or spelling).
     */
    record Hit(String iri, String kind, String label, String matched, String snippet, double score) {}

    /** Up to {@code limit} hits for {@code text}, best first; {@code kind} null for any kind. */
    List<Hit> search(String text, String kind, int limit);
}
