package org.chinaaikg.provenance;

/**
 * Where a verbatim quote sits in a source: the data of a Web Annotation TextPositionSelector
 * (start, end in code points) and TextQuoteSelector (exact, prefix, suffix).
 */
public record QuoteLocation(int start, int end, String exact, String prefix, String suffix) {

    /** How many code points of context a prefix and a suffix carry. */
    public static final int CONTEXT = 32;

    /** Locates the {@code nth} (1-based) occurrence of {@code quote} in {@code text}. */
    public static QuoteLocation locate(SourceText text, String quote, int nth) {
        int[] hits = text.occurrences(quote);
        if (hits.length == 0) {
            throw new IllegalArgumentException(text.file() + ": quote not found verbatim: \"" + quote + "\"");
        }
        if (nth < 1 || nth > hits.length) {
            throw new IllegalArgumentException(text.file() + ": the quote occurs " + hits.length
                    + " time(s); occurrence " + nth + " was asked for");
        }
        int start = hits[nth - 1];
        int end = start + (int) quote.codePoints().count();
        return new QuoteLocation(start, end, quote,
                text.slice(start - CONTEXT, start), text.slice(end, end + CONTEXT));
    }
}
