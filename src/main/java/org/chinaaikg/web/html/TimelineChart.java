package org.chinaaikg.web.html;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The layout of a timeline, computed here so that the page draws it as SVG without JavaScript: a time axis with
 * its years at the top, and one row per dated thing below it, sorted by date, each a dot at its date with its text
 * beside it (right of the dot in the left part, left of it in the right part, so that the text stays inside).
 */
public final class TimelineChart {
    static final double WIDTH = 760;
    static final double MARGIN = 16;
    static final double AXIS_Y = 30;
    static final double FIRST_ROW = 54;
    static final double ROW = 22;
    /** Rows shown at most; the rest are counted in {@link Model#hidden()}. */
    static final int MAX_POINTS = 60;

    /**
     * A dated thing as the data state it.
     *
     * @param date   the lexical form of the date ({@code 2024}, {@code 2024-11}, {@code 2024-11-19})
     * @param what   what is dated ("release date", a claim's label)
     * @param link   the claim or thing the point links to
     * @param source the source that states the date, or null where it is the curators' data
     */
    public record Item(String date, String what, Link link, Link source, boolean curated) {}

    /** A year on the axis. */
    public record Tick(double x, String year) {}

    /** A placed point: its dot, its guide from the axis, and its text (shortened; {@code title} has all of it). */
    public record Point(double cx, double cy, double tx, double ty, String anchor, String text, String title, String href,
                        String date, String source, boolean curated) {}

    /** The picture: its size, axis and points, how many items were left out, and what it shows in words. */
    public record Model(double width, double height, double axisFrom, double axisTo, double axisY, List<Tick> ticks,
                        List<Point> points, int hidden, String label) {}

    private TimelineChart() {}

    /** The layout of the items, or null when there are none (no empty picture). */
    public static Model layout(List<Item> items, String label) {
        List<Item> dated = items.stream().filter(i -> fraction(i.date()) != null)
                .sorted(Comparator.comparing((Item i) -> fraction(i.date())).thenComparing(Item::what)).toList();
        if (dated.isEmpty()) return null;
        List<Item> shown = dated.subList(0, Math.min(MAX_POINTS, dated.size()));
        int from = (int) Math.floor(fraction(shown.get(0).date()));
        int to = (int) Math.floor(fraction(shown.get(shown.size() - 1).date())) + 1;
        int step = step(to - from);
        from = Math.floorDiv(from, step) * step;
        to = Math.floorDiv(to + step - 1, step) * step;
        double left = MARGIN + 8;
        double right = WIDTH - MARGIN - 8;
        final int start = from;
        final double span = to - from;
        java.util.function.DoubleUnaryOperator x = t -> left + (t - start) / span * (right - left);
        List<Tick> ticks = new ArrayList<>();
        for (int y = from; y <= to; y += step) ticks.add(new Tick(Svg.round(x.applyAsDouble(y)), String.valueOf(y)));
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            Item item = shown.get(i);
            double cx = Svg.round(x.applyAsDouble(fraction(item.date())));
            double cy = FIRST_ROW + i * ROW;
            boolean toRight = cx < WIDTH * 0.55;
            double tx = toRight ? cx + 9 : cx - 9;
            double room = toRight ? WIDTH - MARGIN - tx : tx - MARGIN;
            // the source before what is dated, so that a shortened row still names it
            String full = item.date() + " · " + (item.source() != null ? item.source().text() + ": " : "") + item.what();
            String title = full + (item.curated() ? " · curators' addition" : "");
            points.add(new Point(cx, cy, tx, cy + 4, toRight ? "start" : "end", Svg.shorten(full, Svg.fits(room)), title,
                    item.link() == null ? null : item.link().href(), item.date(),
                    item.source() == null ? null : item.source().text(), item.curated()));
        }
        double height = FIRST_ROW + (shown.size() - 1) * ROW + 16;
        return new Model(WIDTH, height, left, right, AXIS_Y, ticks, points, dated.size() - shown.size(), label);
    }

    /** Years between ticks: at most about 12 ticks. */
    static int step(int years) {
        for (int s : new int[] {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000}) {
            if (years / s <= 12) return s;
        }
        return 1000;
    }

    /**
     * A date as a year with its fraction ({@code 2024-07} is 2024.5, {@code 2024} is 2024.0), or null when it is not
     * one of the forms of xsd:date, xsd:dateTime, xsd:gYearMonth or xsd:gYear.
     */
    static Double fraction(String date) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(-?\\d{4,9})(?:-(\\d{2})(?:-(\\d{2}))?)?(?:[T Z+].*|-\\d{2}:\\d{2})?$")
                .matcher(date == null ? "" : date.strip());
        if (!m.matches()) return null;
        double y = Long.parseLong(m.group(1));
        int month = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        int day = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
        if (month < 1 || month > 12 || day < 1 || day > 31) return null;
        return y + (month - 1) / 12.0 + (day - 1) / 366.0;
    }
}
