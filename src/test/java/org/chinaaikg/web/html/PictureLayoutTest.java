package org.chinaaikg.web.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The pictures' layouts (computed in Java, drawn by {@code src/main/jte/pictures/}) without a server: every node,
 * point and text stays inside the picture, the order and the links are the data's, text from the data is escaped,
 * and nothing to draw gives no picture.
 */
class PictureLayoutTest {
    static final String HOSTILE = "Mallory <script>alert(\"x\")</script> & 'friends'";

    static List<NetworkChart.Neighbour> neighbours(int n) {
        List<NetworkChart.Neighbour> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new NetworkChart.Neighbour(new Link("/id/org/n" + i, "Neighbour number " + i + " with a rather long name"),
                    "org", i % 3 == 0 ? List.of("partner of") : List.of(), i % 3 == 0 ? List.of() : List.of("developed by")));
        }
        return out;
    }

    /** The estimated box of a text at (x, y) with its anchor, checked against the picture's bounds. */
    static void textInside(double x, double y, String anchor, String text, double width, double height, String what) {
        double w = Svg.width(text);
        double left = anchor.equals("start") ? x : anchor.equals("end") ? x - w : x - w / 2;
        assertTrue(left >= 0 && left + w <= width, what + " runs out of the picture sideways: " + text + " at " + x);
        assertTrue(y - 12 >= 0 && y + 4 <= height, what + " runs out of the picture vertically: " + text + " at " + y);
    }

    @Test
    void theNetworkStaysInsideAndIsTheSameEveryTime() {
        for (int n : new int[] {1, 2, 5, 12, 18, 40}) {
            NetworkChart.Model m = NetworkChart.layout("Centre of a long name, longer than fits", "org", neighbours(n));
            assertEquals(Math.min(n, NetworkChart.MAX_NODES), m.nodes().size(), n + " neighbours");
            assertEquals(Math.max(0, n - NetworkChart.MAX_NODES), m.hidden(), "the ones not drawn are counted");
            for (NetworkChart.Node node : m.nodes()) {
                assertTrue(node.cx() - NetworkChart.NODE >= 0 && node.cx() + NetworkChart.NODE <= m.width(), "node x " + node.cx());
                assertTrue(node.cy() - NetworkChart.NODE >= 0 && node.cy() + NetworkChart.NODE <= m.height(), "node y " + node.cy());
                textInside(node.tx(), node.ty(), node.anchor(), node.name(), m.width(), m.height(), "name");
                textInside(node.tx(), node.ty() + 14, node.anchor(), node.relation(), m.width() + Svg.width(node.relation()) * 0.2, m.height(), "relation");
            }
            assertEquals(m, NetworkChart.layout("Centre of a long name, longer than fits", "org", neighbours(n)), "deterministic");
        }
        NetworkChart.Model one = NetworkChart.layout("Baidu", "org", neighbours(4));
        assertEquals("/id/org/n0", one.nodes().get(0).href(), "in the order given, the first at the top");
        assertTrue(one.nodes().get(0).cy() < one.cy() && Math.abs(one.nodes().get(0).cx() - one.cx()) < 0.5, "the first at the top");
        assertTrue(one.nodes().get(1).cx() > one.cx(), "then clockwise");
        assertEquals("out", one.nodes().get(0).direction());
        assertEquals("in", one.nodes().get(1).direction());
        assertEquals("Neighbour number 1 with a rather long name developed by Baidu", one.nodes().get(1).title(), "the tooltip says it in words");
        assertNull(NetworkChart.layout("Alone", "org", List.of()), "no neighbours, no picture");
    }

    @Test
    void theTimelineIsInDateOrderOnItsAxisAndInside() {
        List<TimelineChart.Item> items = List.of(
                new TimelineChart.Item("2024-11-19", "start date", new Link("/id/event/e", "e"), new Link("/id/source/a", "source 001"), false),
                new TimelineChart.Item("2017", "issued", new Link("/id/policy/p", "p"), null, false),
                new TimelineChart.Item("2030", "target year of a claim whose label is far too long to be written out in full on one row of the picture", new Link("/id/claim/c", "c"), new Link("/id/source/b", "source 000"), false),
                new TimelineChart.Item("2019-01-27", "inferred date", new Link("/id/source/s", "s"), null, true),
                new TimelineChart.Item("not a date", "ignored", new Link("/id/x", "x"), null, false));
        TimelineChart.Model m = TimelineChart.layout(items, "label");
        assertEquals(4, m.points().size(), "a value that is not a date is not drawn");
        assertEquals(List.of("2017", "2019-01-27", "2024-11-19", "2030"), m.points().stream().map(TimelineChart.Point::date).toList());
        for (int i = 1; i < m.points().size(); i++) {
            assertTrue(m.points().get(i).cx() > m.points().get(i - 1).cx(), "later is further right");
            assertTrue(m.points().get(i).cy() > m.points().get(i - 1).cy(), "one row each");
        }
        for (TimelineChart.Point p : m.points()) {
            assertTrue(p.cx() >= m.axisFrom() && p.cx() <= m.axisTo(), "on the axis: " + p.cx());
            textInside(p.tx(), p.ty(), p.anchor(), p.text(), m.width(), m.height(), "point text");
        }
        assertEquals("2030 · source 000: target year of a claim whose label is far too long to be written out in full on one row of the picture",
                m.points().get(3).title(), "the tooltip has the whole text");
        assertTrue(m.points().get(3).text().endsWith("…") && m.points().get(3).text().startsWith("2030 · source 000: "),
                "the row has what fits, its source first");
        assertEquals("source 001", m.points().get(2).source());
        assertTrue(m.points().get(1).curated());
        List<String> years = m.ticks().stream().map(TimelineChart.Tick::year).toList();
        assertTrue(Integer.parseInt(years.get(0)) <= 2017 && Integer.parseInt(years.get(years.size() - 1)) > 2030,
                "the axis spans the dates: " + years);
        assertTrue(m.ticks().size() <= 13, "at most about a dozen years written: " + years);
        assertNull(TimelineChart.layout(List.of(), "none"), "no dates, no picture");
        assertNull(TimelineChart.layout(List.of(items.get(4)), "none"), "no dates, no picture");
    }

    @Test
    void datesReadAsTheirPlaceInTheYear() {
        assertEquals(2024.0, TimelineChart.fraction("2024"));
        assertEquals(2024.5, TimelineChart.fraction("2024-07"));
        assertEquals(2024 + 10 / 12.0 + 18 / 366.0, TimelineChart.fraction("2024-11-19"), 1e-9);
        assertNotNull(TimelineChart.fraction("2024-11-19T10:00:00Z"));
        assertNull(TimelineChart.fraction("2024-13"));
        assertNull(TimelineChart.fraction("soon"));
    }

    @Test
    void barsAreScaledToTheLargestAndInside() {
        BarChart.Model m = BarChart.layout(List.of(new BarChart.Item("a", 10, "/id/source/a"), new BarChart.Item("b", 40, null),
                new BarChart.Item("c", 0, null)), "label", "claims");
        assertEquals(3, m.bars().size());
        BarChart.Bar a = m.bars().get(0), b = m.bars().get(1);
        assertEquals(4.0, b.width() / a.width(), 0.05, "widths in proportion to the values");
        for (BarChart.Bar bar : m.bars()) {
            assertTrue(bar.x() + bar.width() + Svg.width(String.valueOf(bar.value())) + 6 <= m.width(), "bar and value inside");
            assertTrue(bar.y() + bar.height() <= m.height());
        }
        assertNull(BarChart.layout(List.of(), "none", "claims"));
    }

    @Test
    void yearColumnsStandOnTheAxisInYearOrder() {
        Map<Integer, Long> years = new TreeMap<>(Map.of(2000, 1L, 2018, 9L, 2030, 3L));
        YearChart.Model m = YearChart.layout(years, "label", "dated statements");
        assertEquals(List.of(2000, 2018, 2030), m.columns().stream().map(YearChart.Column::year).toList());
        assertEquals(13L, m.total());
        for (YearChart.Column c : m.columns()) {
            assertEquals(m.baseY(), c.y() + c.height(), 0.2, "on the axis");
            assertTrue(c.x() >= m.left() && c.x() + c.width() <= m.right(), "inside");
        }
        assertEquals(YearChart.BASE - YearChart.TOP, m.columns().get(1).height(), 0.1, "the busiest year is the tallest");
        assertNull(YearChart.layout(Map.of(), "none", "x"));
    }

    /** The SVG of a rendered picture, parsed as XML: it must be well formed. */
    static Element svg(String html) throws Exception {
        int from = html.indexOf("<svg");
        int to = html.indexOf("</svg>") + "</svg>".length();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(html.substring(from, to))));
        return doc.getDocumentElement();
    }

    @Test
    void theTemplatesEscapeTextAndLinkEachNode() throws Exception {
        List<NetworkChart.Neighbour> nb = List.of(
                new NetworkChart.Neighbour(new Link("/id/org/mallory?a=1&b=\"2\"", HOSTILE), "org", List.of("partner of"), List.of()),
                new NetworkChart.Neighbour(new Link("/id/model/ernie-bot", "ERNIE-Bot"), "model", List.of(), List.of("developed by")));
        String html = Templates.renderWith("pictures/network.jte", Map.of("chart", NetworkChart.layout(HOSTILE, "org", nb), "id", "network"));
        assertFalse(html.contains("<script>"), "no markup from the data: " + html);
        Element svg = svg(html);
        assertEquals("group", svg.getAttribute("role"));
        assertEquals("network-title", svg.getAttribute("aria-labelledby"));
        NodeList links = svg.getElementsByTagName("a");
        assertEquals(2, links.getLength(), "one link per node");
        assertEquals("/id/org/mallory?a=1&b=\"2\"", ((Element) links.item(0)).getAttribute("href"), "the href, escaped and read back");
        assertEquals("/id/model/ernie-bot", ((Element) links.item(1)).getAttribute("href"));
        assertTrue(svg.getTextContent().contains("Mallory <script>alert"), "the text is the label's, as text");
        assertTrue(svg.getElementsByTagName("title").item(0).getTextContent().startsWith("Neighbours of " + HOSTILE));

        String timeline = Templates.renderWith("pictures/timeline.jte", Map.of("chart", TimelineChart.layout(List.of(
                new TimelineChart.Item("2018", HOSTILE, new Link("/id/claim/x", "x"), new Link("/id/source/s", "source <1>"), false)), "T " + HOSTILE),
                "id", "tl"));
        assertFalse(timeline.contains("<script>"));
        Element t = svg(timeline);
        assertEquals("/id/claim/x", ((Element) t.getElementsByTagName("a").item(0)).getAttribute("href"));
        assertEquals("source <1>", ((Element) t.getElementsByTagName("g").item(0)).getAttribute("data-source"));

        String bars = Templates.renderWith("pictures/bars.jte", Map.of("chart", BarChart.layout(List.of(new BarChart.Item(HOSTILE, 3, null)), "B", "claims"), "id", "b"));
        assertFalse(bars.contains("<script>"));
        Element b = svg(bars);
        assertEquals("img", b.getAttribute("role"));
        assertEquals("3", ((Element) b.getElementsByTagName("g").item(0)).getAttribute("data-value"));
    }
}
