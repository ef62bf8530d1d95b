package org.chinaaikg.describe;

import org.chinaaikg.store.Derived;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the home page's pictures show of the whole graph, as {@code load} computed it ({@link Derived}): the claims
 * of each source document and of each kind of source, and the dated statements per year.
 *
 * @param claimsBySource document IRI to its claims
 * @param kindOfSource   document IRI to its {@code kg:sourceKind}
 * @param claimsByKind   kind IRI to the claims of its documents
 * @param titles         the labels of documents and kinds
 * @param datedByYear    year to the distinct dated statements of that year
 */
public record DatasetPictures(Map<String, Long> claimsBySource, Map<String, String> kindOfSource,
                              Map<String, Long> claimsByKind, Map<String, String> titles, Map<Integer, Long> datedByYear) {

    public static DatasetPictures of(Derived derived) {
        Map<String, Long> byKind = new TreeMap<>();
        derived.claimsBySource().forEach((doc, n) -> {
            String kind = derived.kindOfSource().get(doc);
            if (kind != null) byKind.merge(kind, n, Long::sum);
        });
        return new DatasetPictures(Map.copyOf(derived.claimsBySource()), Map.copyOf(derived.kindOfSource()),
                Map.copyOf(byKind), Map.copyOf(derived.titles()), Map.copyOf(derived.datedByYear()));
    }
}
