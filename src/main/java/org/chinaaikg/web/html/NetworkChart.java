package org.chinaaikg.web.html;

import java.util.ArrayList;
import java.util.List;

/**
 * The layout of an entity's neighbourhood: the entity in the middle, its neighbours on an ellipse around it, evenly
 * spaced in the order given, the first at the top, clockwise; a line
 * from the middle to each, with an arrow in the direction of the property (ERNIE Bot → Baidu: developed by), and each
 * neighbour's name and relations beside it, outward. Deterministic: the same neighbours give the same picture.
 */
public final class NetworkChart {
    static final double WIDTH = 800;
    static final double HEIGHT = 500;
    static final double RX = 230;
    static final double RY = 190;
    static final double NODE = 7;
    static final double MARGIN = 4;
    /** Neighbours drawn at most (more crowd the labels); the rest are counted in {@link Model#hidden()}. */
    static final int MAX_NODES = 18;
    static final int NAME_CHARS = 26;

    /**
     * A neighbour: its link (page and name), its kind ({@code org}, {@code model}…), and the properties that link it
     * to the entity, from the entity to it ({@code outgoing}) and from it to the entity ({@code incoming}).
     */
    public record Neighbour(Link link, String kind, List<String> outgoing, List<String> incoming) {}

    /** A placed node. {@code direction} is "out", "in" or "both"; {@code x1,y1,x2,y2} the line, ending at the circles. */
    public record Node(double cx, double cy, double tx, double ty, String anchor, String name, String relation,
                       String title, String href, String kind, String direction,
                       double x1, double y1, double x2, double y2) {}

    public record Model(double width, double height, double cx, double cy, String centre, String centreKind,
                        List<Node> nodes, int hidden, String label) {}

    private NetworkChart() {}

    /** The layout, or null when the entity has no neighbours (no empty picture). */
    public static Model layout(String centre, String centreKind, List<Neighbour> neighbours) {
        if (neighbours.isEmpty()) return null;
        List<Neighbour> shown = neighbours.subList(0, Math.min(MAX_NODES, neighbours.size()));
        int n = shown.size();
        double cx = WIDTH / 2;
        double cy = HEIGHT / 2;
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Neighbour nb = shown.get(i);
            double angle = -Math.PI / 2 + 2 * Math.PI * i / n;
            double cos = Math.cos(angle);
            double sin = Math.sin(angle);
            double x = Svg.round(cx + RX * cos);
            double y = Svg.round(cy + RY * sin);
            String anchor = cos > 0.25 ? "start" : cos < -0.25 ? "end" : "middle";
            double tx = Svg.round(anchor.equals("middle") ? x : x + (NODE + 5) * Math.signum(cos));
            double ty = Svg.round(anchor.equals("middle") ? (sin < 0 ? y - NODE - 20 : y + NODE + 14) : y - 2);
            String relation = String.join(", ", relations(nb));
            String direction = nb.outgoing().isEmpty() ? "in" : nb.incoming().isEmpty() ? "out" : "both";
            String title = sentence(centre, nb);
            // the line from the centre's circle to the neighbour's, so that the arrows show
            double d = Math.hypot(x - cx, y - cy);
            double ux = (x - cx) / d;
            double uy = (y - cy) / d;
            double gap = NODE + 3;
            double centreGap = 14;
            // the texts as long as they fit between the node and the picture's edge
            double room = anchor.equals("start") ? WIDTH - MARGIN - tx : anchor.equals("end") ? tx - MARGIN
                    : 2 * Math.min(tx - MARGIN, WIDTH - MARGIN - tx);
            int fits = Svg.fits(room);
            nodes.add(new Node(x, y, tx, ty, anchor, Svg.shorten(nb.link().text(), Math.min(NAME_CHARS, fits)),
                    Svg.shorten(relation, Math.min(NAME_CHARS + 6, (int) (fits * 1.2))), title, nb.link().href(), nb.kind(), direction,
                    Svg.round(cx + ux * centreGap), Svg.round(cy + uy * centreGap), Svg.round(x - ux * gap), Svg.round(y - uy * gap)));
        }
        return new Model(WIDTH, HEIGHT, cx, cy, Svg.shorten(centre, NAME_CHARS), centreKind, nodes,
                neighbours.size() - n, "Neighbours of " + centre + ": " + neighbours.size() + " entities linked to it");
    }

    /** The relations as the picture writes them: "developed by →" (from the entity), "← developed by" (to it). */
    static List<String> relations(Neighbour nb) {
        List<String> out = new ArrayList<>();
        // the relation text is 10.5 px where the name is 12: about 1.2 times as many characters fit
        nb.outgoing().forEach(p -> out.add(p + " →"));
        nb.incoming().forEach(p -> out.add("← " + p));
        return out;
    }

    /** The relations in words, for the node's tooltip: "Baidu partner of Louis Vuitton; Louis Vuitton partner of Baidu". */
    static String sentence(String centre, Neighbour nb) {
        List<String> parts = new ArrayList<>();
        nb.outgoing().forEach(p -> parts.add(centre + " " + p + " " + nb.link().text()));
        nb.incoming().forEach(p -> parts.add(nb.link().text() + " " + p + " " + centre));
        return String.join("; ", parts);
    }
}
