package org.chinaaikg.web.html;

import org.chinaaikg.describe.GraphSources;
import org.chinaaikg.vocab.Iris;
import org.chinaaikg.web.RdfFormats;

import static org.chinaaikg.web.html.Html.esc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * The HTML page of a resource, read like an encyclopedia entry: its names, kinds, facts as links
 * (each with the source it comes from) and the claims about it, each with its quote and source.
 * Callers hold a read transaction on the dataset.
 */
public final class EntityPage {
    private static final Node ABOUT = NodeFactory.createURI("http://schema.org/about");
    private static final Node MENTIONS = NodeFactory.createURI(Iris.KG + "mentions");
    private static final Node STATED_IN = NodeFactory.createURI(Iris.KG + "statedIn");
    private static final Node CLAIM_KIND = NodeFactory.createURI(Iris.KG + "claimKind");
    private static final Node HAS_EVIDENCE = NodeFactory.createURI(Iris.KG + "hasEvidence");
    private static final Node STATEMENT = NodeFactory.createURI(Iris.KG + "statement");
    private static final Node ATTRIBUTED = NodeFactory.createURI("http://www.w3.org/ns/prov#wasAttributedTo");
    private static final Node HAS_SOURCE = NodeFactory.createURI("http://www.w3.org/ns/oa#hasSource");
    private static final Node HAS_SELECTOR = NodeFactory.createURI("http://www.w3.org/ns/oa#hasSelector");
    private static final Node EXACT = NodeFactory.createURI("http://www.w3.org/ns/oa#exact");
    private static final Node PREFIX = NodeFactory.createURI("http://www.w3.org/ns/oa#prefix");
    private static final Node SUFFIX = NodeFactory.createURI("http://www.w3.org/ns/oa#suffix");
    private static final Node START = NodeFactory.createURI("http://www.w3.org/ns/oa#start");
    private static final Node END = NodeFactory.createURI("http://www.w3.org/ns/oa#end");
    private static final Set<Node> NAMES = Set.of(RDF.type.asNode(), RDFS.label.asNode(), SKOS.altLabel.asNode());

    private final DatasetGraph dsg;
    private final GraphSources sources;

    public EntityPage(DatasetGraph dsg, GraphSources sources) {
        this.dsg = dsg;
        this.sources = sources;
    }

    public String render(String iri, DatasetGraph description) {
        Node self = NodeFactory.createURI(iri);
        String label = label(self).orElse(iri.substring(iri.lastIndexOf('/') + 1));
        StringBuilder b = new StringBuilder(Html.start(label, alternateLinks(iri)));
        b.append("<h1>").append(esc(label));
        labelIn(self, "zh").ifPresent(zh -> b.append(" <span lang=\"zh\">").append(esc(zh)).append("</span>"));
        b.append("</h1><div class=\"iri\">").append(esc(iri)).append("</div><p>");
        for (Node type : objects(description, self, RDF.type.asNode())) {
            b.append("<a class=\"badge\" href=\"").append(esc(Iris.localLink(type.getURI()))).append("\">")
                    .append(esc(label(type).orElse(type.getLocalName()))).append("</a>");
        }
        b.append("</p>");
        List<String> alt = objects(description, self, SKOS.altLabel.asNode()).stream()
                .filter(Node::isLiteral).map(Node::getLiteralLexicalForm).sorted().distinct().toList();
        if (!alt.isEmpty()) {
            b.append("<p><b>Also written:</b> ").append(esc(String.join(" · ", alt))).append("</p>");
        }

        evidence(b, self);
        facts(b, description, self);
        claimsAbout(b, self);
        referencedBy(b, description, self);
        mentionedIn(b, self);

        b.append("<p class=\"formats\"><b>This page as data:</b> ");
        RdfFormats.suffixes().forEach((suffix, type) -> {
            if (!type.equals(RdfFormats.HTML)) {
                b.append("<a href=\"").append(esc(Iris.localLink(iri))).append('.').append(suffix).append("\">")
                        .append(suffix).append("</a>");
            }
        });
        b.append("</p>").append(Html.end());
        return b.toString();
    }

    private static String alternateLinks(String iri) {
        return "<link rel=\"alternate\" type=\"text/turtle\" href=\"" + esc(Iris.localLink(iri)) + ".ttl\">"
                + "<link rel=\"alternate\" type=\"application/ld+json\" href=\"" + esc(Iris.localLink(iri)) + ".jsonld\">";
    }

    /** For a claim: its statement and the exact words of its source, with the text around them. */
    private void evidence(StringBuilder b, Node claim) {
        Optional<Node> statement = first(claim, STATEMENT);
        statement.ifPresent(s -> b.append("<p>").append(esc(s.getLiteralLexicalForm())).append("</p>"));
        List<Node> evidence = objects(dsg, claim, HAS_EVIDENCE);
        if (evidence.isEmpty()) return;
        b.append("<h2>Evidence</h2>");
        for (Node ev : evidence) {
            Optional<Node> doc = first(ev, HAS_SOURCE);
            String exact = "", prefix = "", suffix = "", position = "";
            for (Node selector : objects(dsg, ev, HAS_SELECTOR)) {
                exact = first(selector, EXACT).map(Node::getLiteralLexicalForm).orElse(exact);
                prefix = first(selector, PREFIX).map(Node::getLiteralLexicalForm).orElse(prefix);
                suffix = first(selector, SUFFIX).map(Node::getLiteralLexicalForm).orElse(suffix);
                Optional<Node> start = first(selector, START);
                if (start.isPresent()) {
                    position = "characters " + start.get().getLiteralLexicalForm() + "–"
                            + first(selector, END).map(Node::getLiteralLexicalForm).orElse("?");
                }
            }
            b.append("<blockquote><span class=\"ctx\">…").append(esc(prefix)).append("</span><b>").append(esc(exact))
                    .append("</b><span class=\"ctx\">").append(esc(suffix)).append("…</span></blockquote><div class=\"meta\">");
            doc.ifPresent(d -> b.append(link(d)));
            b.append(" · ").append(esc(position)).append(" (Unicode code points from 0)</div>");
        }
    }

    private void facts(StringBuilder b, DatasetGraph description, Node self) {
        Map<String, List<Quad>> byProperty = new TreeMap<>();
        description.find(Node.ANY, self, Node.ANY, Node.ANY).forEachRemaining(q -> {
            if (!NAMES.contains(q.getPredicate()) && !q.getPredicate().equals(HAS_EVIDENCE) && !q.getPredicate().equals(STATEMENT)) {
                byProperty.computeIfAbsent(label(q.getPredicate()).orElse(q.getPredicate().getLocalName()), k -> new ArrayList<>()).add(q);
            }
        });
        if (byProperty.isEmpty()) return;
        b.append("<h2>Facts</h2><table>");
        byProperty.forEach((property, quads) -> {
            b.append("<tr><th>").append(esc(property)).append("</th><td>");
            Map<Node, Set<String>> values = new LinkedHashMap<>();
            quads.stream().sorted(Comparator.comparing(q -> q.getObject().toString()))
                    .forEach(q -> values.computeIfAbsent(q.getObject(), k -> new TreeSet<>()).add(q.getGraph().getURI()));
            values.forEach((value, graphs) -> {
                b.append("<div>").append(value(value));
                graphs.forEach(g -> b.append(sourceBadge(g)));
                b.append("</div>");
            });
            b.append("</td></tr>");
        });
        b.append("</table>");
    }

    private void claimsAbout(StringBuilder b, Node self) {
        List<Node> claims = subjects(self, ABOUT);
        if (claims.isEmpty()) return;
        b.append("<h2>Claims about ").append(esc(label(self).orElse("it"))).append(" (").append(claims.size()).append(")</h2>");
        for (Node claim : claims) {
            b.append("<div class=\"claim\">").append(link(claim));
            first(claim, CLAIM_KIND).flatMap(this::label).ifPresent(k -> b.append(" <span class=\"badge\">").append(esc(k)).append("</span>"));
            for (Node ev : objects(dsg, claim, HAS_EVIDENCE)) {
                for (Node selector : objects(dsg, ev, HAS_SELECTOR)) {
                    first(selector, EXACT).ifPresent(q -> b.append("<blockquote>").append(esc(q.getLiteralLexicalForm())).append("</blockquote>"));
                }
            }
            b.append("<div class=\"meta\">");
            List<Node> by = objects(dsg, claim, ATTRIBUTED);
            if (!by.isEmpty()) {
                b.append("attributed to ");
                by.forEach(a -> b.append(link(a)).append(' '));
                b.append("· ");
            }
            first(claim, STATED_IN).ifPresent(d -> b.append("stated in ").append(link(d)));
            b.append("</div></div>");
        }
    }

    private void referencedBy(StringBuilder b, DatasetGraph description, Node self) {
        Map<String, Set<Node>> byProperty = new TreeMap<>();
        description.find(Node.ANY, Node.ANY, Node.ANY, self).forEachRemaining(q -> {
            Node p = q.getPredicate();
            if (p.equals(ABOUT) || p.equals(MENTIONS) || p.equals(RDF.type.asNode())) return;
            if (q.getSubject().isURI() && q.getSubject().getURI().startsWith(self.getURI() + "#")) return;
            byProperty.computeIfAbsent(label(p).orElse(p.getLocalName()), k -> new TreeSet<>(Comparator.comparing(Node::toString)))
                    .add(q.getSubject());
        });
        if (byProperty.isEmpty()) return;
        b.append("<h2>Linked from</h2><table>");
        byProperty.forEach((property, subjects) -> {
            b.append("<tr><th>").append(esc(property)).append(" this</th><td>");
            subjects.forEach(s -> b.append("<div>").append(value(s)).append("</div>"));
            b.append("</td></tr>");
        });
        b.append("</table>");
    }

    private void mentionedIn(StringBuilder b, Node self) {
        List<Node> docs = subjects(self, MENTIONS);
        if (docs.isEmpty()) return;
        b.append("<h2>Mentioned in</h2><ul>");
        docs.forEach(d -> b.append("<li>").append(link(d)).append("</li>"));
        b.append("</ul>");
    }

    private String value(Node value) {
        if (value.isURI()) return link(value);
        if (value.isLiteral()) {
            String dt = value.getLiteralDatatypeURI();
            String lang = value.getLiteralLanguage();
            String hint = !lang.isEmpty() ? " <span class=\"meta\">@" + esc(lang) + "</span>"
                    : dt != null && !dt.endsWith("#string") ? " <span class=\"meta\">" + esc(dt.substring(dt.lastIndexOf('#') + 1)) + "</span>" : "";
            return esc(value.getLiteralLexicalForm()) + hint;
        }
        return esc(value.toString());
    }

    private String link(Node node) {
        if (!node.isURI()) return esc(node.toString());
        return "<a href=\"" + esc(Iris.localLink(node.getURI())) + "\">" + esc(label(node).orElse(node.getURI())) + "</a>";
    }

    private String sourceBadge(String graph) {
        Optional<GraphSources.Source> source = sources.sourceOf(graph);
        String text = source.map(GraphSources.Source::shortName).orElse(Iris.graphName(graph));
        String href = source.map(s -> Iris.localLink(s.iri())).orElse(Iris.localLink(graph));
        return "<a class=\"src\" title=\"from graph " + esc(graph) + "\" href=\"" + esc(href) + "\">" + esc(text) + "</a>";
    }

    private Optional<String> label(Node node) {
        return labelIn(node, "en").or(() -> first(node, RDFS.label.asNode()).map(Node::getLiteralLexicalForm));
    }

    private Optional<String> labelIn(Node node, String lang) {
        return objects(dsg, node, RDFS.label.asNode()).stream()
                .filter(l -> l.isLiteral() && l.getLiteralLanguage().equalsIgnoreCase(lang))
                .map(Node::getLiteralLexicalForm).findFirst();
    }

    private Optional<Node> first(Node s, Node p) {
        List<Node> all = objects(dsg, s, p);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    private static List<Node> objects(DatasetGraph g, Node s, Node p) {
        Set<Node> out = new TreeSet<>(Comparator.comparing(Node::toString));
        g.find(Node.ANY, s, p, Node.ANY).forEachRemaining(q -> out.add(q.getObject()));
        return new ArrayList<>(out);
    }

    private List<Node> subjects(Node o, Node p) {
        Set<Node> out = new TreeSet<>(Comparator.comparing(Node::toString));
        dsg.find(Node.ANY, Node.ANY, p, o).forEachRemaining(q -> out.add(q.getSubject()));
        return new ArrayList<>(out);
    }
}
