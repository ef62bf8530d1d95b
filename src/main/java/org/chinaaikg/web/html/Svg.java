package org.chinaaikg.web.html;

/** Small helpers the picture layouts share: rounding coordinates, estimating and shortening text. */
final class Svg {
    /** Roughly how wide a character of the pictures' 12 px text is, to keep labels inside the picture. */
    static final double CHAR_WIDTH = 6.6;

    private Svg() {}

    /** A coordinate to one decimal, as the SVG attributes print it. */
    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** The text, shortened to at most {@code max} characters with an ellipsis. */
    static String shorten(String text, int max) {
        if (text == null) return "";
        String t = text.strip().replaceAll("\\s+", " ");
        if (t.codePointCount(0, t.length()) <= max) return t;
        int end = t.offsetByCodePoints(0, Math.max(1, max - 1));
        return t.substring(0, end).stripTrailing() + "…";
    }

    /** The estimated width of a text in the pictures' font. */
    static double width(String text) {
        return text.codePointCount(0, text.length()) * CHAR_WIDTH;
    }

    /** How many characters fit in a width. */
    static int fits(double width) {
        return (int) Math.max(4, Math.floor(width / CHAR_WIDTH));
    }
}
