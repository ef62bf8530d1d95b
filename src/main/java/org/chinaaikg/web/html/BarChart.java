package org.chinaaikg.web.html;

import java.util.ArrayList;
import java.util.List;

/**
 * The layout of a horizontal bar chart (the home page's claims per source and per kind of source): one row per
 * bar, its name at the left, the bar scaled to the largest value, the value at its end; each bar may link to a page.
 */
public final class BarChart {
    static final double WIDTH = 760;
    static final double LABEL_WIDTH = 300;
    static final double ROW = 26;
    static final double TOP = 8;

    /** A value to draw. */
    public record Item(String label, long value, String href) {}

    /** A placed bar with its label and value texts. */
    public record Bar(double y, double x, double width, double height, double labelX, double valueX, double textY,
                      String label, String title, long value, String href) {}

    public record Model(double width, double height, List<Bar> bars, String label) {}

    private BarChart() {}

    /** The layout, or null when there is nothing to draw. */
    public static Model layout(List<Item> items, String label, String unit) {
        if (items.isEmpty()) return null;
        long max = Math.max(1, items.stream().mapToLong(Item::value).max().orElse(1));
        double x = LABEL_WIDTH + 10;
        double room = WIDTH - x - 60;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            double y = TOP + i * ROW;
            double w = Svg.round(Math.max(1, room * item.value() / max));
            bars.add(new Bar(y, x, w, ROW - 8, LABEL_WIDTH, Svg.round(x + w + 6), y + (ROW - 8) / 2 + 4,
                    Svg.shorten(item.label(), Svg.fits(LABEL_WIDTH - 6)), item.label() + ": " + item.value() + " " + unit,
                    item.value(), item.href()));
        }
        return new Model(WIDTH, TOP + items.size() * ROW, bars, label);
    }
}
