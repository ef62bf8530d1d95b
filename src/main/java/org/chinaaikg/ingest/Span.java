package org.chinaaikg.ingest;

/** A stretch of the source text: start and end in Unicode code points from 0 (end exclusive), and its words. */
public record Span(int start, int end, String text) {
    public boolean contains(int s, int e) {
        return start <= s && e <= end;
    }

    public boolean overlaps(int s, int e) {
        return s < end && start < e;
    }
}
