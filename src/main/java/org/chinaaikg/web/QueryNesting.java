package org.chinaaikg.web;

/**
 * How deeply a query's brackets nest, counted on its text before it is parsed. ARQ's parser and its algebra walkers
 * recurse once per level: 2,000 nested sub-selects threw StackOverflowError (a 500 and a 1,000-line stack trace in
 * the log). Past {@link Limits#MAX_QUERY_NESTING} a query is refused with 400. Brackets inside strings, IRIs and
 * comments do not count. Long flat chains ({@code {…} UNION {…} UNION …}, {@code a || b || …}) nest in the algebra,
 * not in the text: {@link GuardedQuery} turns the StackOverflowError they may still cause into a 400.
 */
public final class QueryNesting {
    private QueryNesting() {}

    /** Why the query is refused, or null if it nests within the limit. */
    public static String refusal(String query) {
        int depth = depth(query, Limits.MAX_QUERY_NESTING);
        if (depth <= Limits.MAX_QUERY_NESTING) return null;
        return "The query is nested too deeply: more than " + Limits.MAX_QUERY_NESTING
                + " brackets ({ ( [) open at once; flatten it or split it into several queries.";
    }

    /** The deepest nesting of {@code { ( [} in the text, counting no further than {@code stopAbove + 1}. */
    static int depth(String q, int stopAbove) {
        int depth = 0;
        int max = 0;
        int n = q.length();
        for (int i = 0; i < n; i++) {
            char c = q.charAt(i);
            switch (c) {
                case '{', '(', '[' -> {
                    if (++depth > max) max = depth;
                    if (max > stopAbove) return max;
                }
                case '}', ')', ']' -> {
                    if (depth > 0) depth--;
                }
                case '#' -> {
                    while (i + 1 < n && q.charAt(i + 1) != '\n' && q.charAt(i + 1) != '\r') i++;
                }
                case '"', '\'' -> i = endOfString(q, i);
                case '<' -> i = endOfIri(q, i);
                default -> { }
            }
        }
        return max;
    }

    /** The index of a string's closing quote (short or long form, with backslash escapes). */
    private static int endOfString(String q, int start) {
        char quote = q.charAt(start);
        int n = q.length();
        boolean triple = start + 2 < n && q.charAt(start + 1) == quote && q.charAt(start + 2) == quote;
        int i = start + (triple ? 3 : 1);
        while (i < n) {
            char c = q.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (!triple) return i;
                if (i + 2 < n && q.charAt(i + 1) == quote && q.charAt(i + 2) == quote) return i + 2;
            } else if (!triple && (c == '\n' || c == '\r')) {
                return i;
            }
            i++;
        }
        return n;
    }

    /** Past an IRI ({@code <…>} of IRI characters), or {@code start} when the {@code <} is an operator. */
    private static int endOfIri(String q, int start) {
        int n = q.length();
        for (int i = start + 1; i < n; i++) {
            char c = q.charAt(i);
            if (c == '>') return i;
            if (c <= ' ' || c == '<' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' || c == '`' || c == '\\') return start;
        }
        return start;
    }
}
