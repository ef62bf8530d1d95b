package org.chinaaikg.web.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The layout of the home page's timeline of the whole graph: a column per year from the first dated year to the
 * last (years without a date get none), scaled to the busiest year, on an axis with the years written under it.
 */
public final class YearChart {
    static final double WIDTH = 760;
    static final double HEIGHT = 200;
    static final double LEFT = 36;
    static final double RIGHT = 16;
    static final double TOP = 18;
    static final double BASE = 170;

    /** A year's column; {@code count} dated statements. */
    public record Column(double x, double y, double width, double height, int year, long count, String title) {}

    public record Tick(double x, String year) {}

    public record Model(double width, double height, double baseY, double left, double right, List<Column> columns,
                        List<Tick> ticks, long max, long total, String label) {}

    private YearChart() {}

    /** The layout of the counts per year, or null when there are none. */
    public static Model layout(Map<Integer, Long> byYear, String label, String unit) {
        Map<Integer, Long> years = new TreeMap<>();
        byYear.forEach((y, n) -> { if (y != null && n != null && n > 0) years.put(y, n); });
        if (years.isEmpty()) return null;
        int from = ((TreeMap<Integer, Long>) years).firstKey();
        int to = ((TreeMap<Integer, Long>) years).lastKey();
        int slots = to - from + 1;
        long max = years.values().stream().mapToLong(Long::longValue).max().orElse(1);
        double slot = (WIDTH - LEFT - RIGHT) / slots;
        double barWidth = Svg.round(Math.max(2, Math.min(40, slot * 0.7)));
        List<Column> columns = new ArrayList<>();
        years.forEach((y, n) -> {
            double h = Svg.round((BASE - TOP) * n / max);
            double x = Svg.round(LEFT + (y - from) * slot + (slot - barWidth) / 2);
            columns.add(new Column(x, Svg.round(BASE - h), barWidth, h, y, n, y + ": " + n + " " + unit));
        });
        int step = TimelineChart.step(slots);
        List<Tick> ticks = new ArrayList<>();
        for (int y = from; y <= to; y++) {
            if ((y - from) % step == 0) {
                ticks.add(new Tick(Svg.round(LEFT + (y - from) * slot + slot / 2), String.valueOf(y)));
            }
        }
        long total = years.values().stream().mapToLong(Long::longValue).sum();
        return new Model(WIDTH, HEIGHT, BASE, LEFT, WIDTH - RIGHT, columns, ticks, max, total, label);
    }
}
