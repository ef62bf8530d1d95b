package org.chinaaikg.search;

import org.chinaaikg.describe.EntityCatalog;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A small in-memory {@link EntitySearch} over the labels and alternative labels of every entity, for a store
 * without a full-text index (and for tests): an exact normalised name or spelling scores 100, a prefix (the text
 * begins a spelling, or a spelling of three or more characters begins the text at a word's end) 80, a spelling at
 * a Levenshtein distance of 1 or 2 {@code 60 - distance}. Normalised: Unicode NFKC, lower case, runs of spaces as
 * one. One hit per entity (its best spelling); ties by label.
 */
public final class LabelSearch implements EntitySearch {
    private final Supplier<EntityCatalog> catalog;

    public LabelSearch(Supplier<EntityCatalog> catalog) {
        this.catalog = catalog;
    }

    /** Case, width and spacing folded: what "the same spelling" means here. */
    public static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }

    @Override
    public List<Hit> search(String text, String kind, int limit) {
        String q = normalise(text == null ? "" : text);
        if (q.isEmpty() || limit <= 0) return List.of();
        List<Hit> hits = new ArrayList<>();
        for (EntityCatalog.Entry e : catalog.get().all()) {
            if (kind != null && !kind.equals(e.kind())) continue;
            double best = 0;
            String matched = null;
            for (String spelling : e.spellings()) {
                double s = score(q, normalise(spelling));
                if (s > best) {
                    best = s;
                    matched = spelling;
                }
            }
            if (best > 0) hits.add(new Hit(e.iri(), e.kind(), e.label(), matched, snippet(e), best));
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed()
                .thenComparing(Hit::label, String.CASE_INSENSITIVE_ORDER).thenComparing(Hit::iri));
        return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : List.copyOf(hits);
    }

    static double score(String q, String spelling) {
        if (q.equals(spelling)) return 100;
        if (spelling.startsWith(q)) return 80;
        if (spelling.length() >= 3 && q.startsWith(spelling) && !Character.isLetterOrDigit(q.charAt(spelling.length()))) return 80;
        int d = distance(q, spelling, 2);
        return d <= 2 ? 60 - d : 0;
    }

    /** Levenshtein distance, or {@code max + 1} as soon as it is known to exceed {@code max}. */
    static int distance(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) return max + 1;
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > max) return max + 1;
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static String snippet(EntityCatalog.Entry e) {
        return String.join(" · ", e.spellings());
    }
}
