package org.chinaaikg.web.html;

import org.chinaaikg.describe.DatasetMetadata;
import org.chinaaikg.describe.FactEvidence;
import org.chinaaikg.describe.GraphSources;
import org.chinaaikg.vocab.Iris;
import org.chinaaikg.vocab.KG;
import org.chinaaikg.vocab.Prefixes;
import org.chinaaikg.vocab.SCHEMA;

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
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * The HTML page of a resource, read like an encyclopedia entry: its names, kinds, facts as links
 * (each with the source it comes from, the quotes of the claims that support it, and a badge where the value is the
 * curators'), the claims about it, each with its quote and source, and what links to it. This class computes what the page shows ({@link Model}); {@code entity.jte} lays it out.
 * Callers hold a read transaction on the dataset.
 */
public final class EntityPage {
    private static final Node ABOUT = SCHEMA.about.asNode();
    private static final Node MENTIONS = KG.mentions.asNode();
    private static final Node STATED_IN = KG.statedIn.asNode();
    private static final Node CLAIM_KIND = KG.claimKind.asNode();
    private static final Node HAS_EVIDENCE = KG.hasEvidence.asNode();
    private static final Node STATEMENT = KG.statement.asNode();
    private static final Node ROLE_TITLE = term("kg:roleTitle");
    private static final Node ATTRIBUTED = term("prov:wasAttributedTo");
    private static final Node HAS_SOURCE = OA.hasSource.asNode();
    private static final Node HAS_SELECTOR = OA.hasSelector.asNode();
    private static final Node EXACT = OA.exact.asNode();
    private static final Node PREFIX = OA.prefix.asNode();
    private static final Node SUFFIX = OA.suffix.asNode();
    private static final Node START = OA.start.asNode();
    private static final Node END = OA.end.asNode();
    private static final Set<Node> NAMES = Set.of(RDF.type.asNode(), RDFS.label.asNode(), SKOS.altLabel.asNode());

    /**
     * A value of a fact: a link, or a literal with its language or datatype; the sources that state it; the quotes of
     * the claims that support it; and, where the value is the curators' and no source's, their notes.
     */
    public record Value(Link link, String text, String hint, List<SourceBadge> sources, List<Support> support,
                        List<String> curatorNotes) {}

    /**
     * A claim that supports a fact: what it says (its label), a link to it named by its IRI's path
     * ({@code claim/001-…}), its exact quote, and the source document it quotes.
     */
    public record Support(String label, Link claim, String quote, Link source) {}

    /** The source a fact comes from, as a small badge; {@code graph} is the named graph that states it. */
    public record SourceBadge(Link link, String graph) {}

    /** A row of the facts table: a property and its values. */
    public record Fact(String property, List<Value> values) {}

    /** The exact words of a claim's source, with the text around them. */
    public record Evidence(String prefix, String exact, String suffix, Link document, String position) {}

    /** A claim about the resource: its quotes, kind, who it is attributed to and where it is stated. */
    public record ClaimCard(Link claim, String kind, List<String> quotes, List<Link> attributedTo, Link statedIn) {}

    /** A claim of a source document, where it stands in the text: its quotes and the characters they span. */
    public record StatedClaim(Link claim, String kind, List<String> quotes, String position) {}

    /** Resources that link here by one property, read from their side: "developed by Baidu". */
    public record Incoming(String phrase, List<Value> from) {}

    /** Everything the page of a resource shows. */
    public record Model(DatasetMetadata dataset, String iri, String path, String label, String zhLabel,
                        List<String> zhLabelNotes, List<Link> types,
                        List<String> alsoWritten, String statement, List<Evidence> evidence, List<Fact> facts,
                        List<ClaimCard> claims, List<StatedClaim> statedHere, List<Incoming> linkedFrom, List<Link> mentionedIn,
                        List<Link> formats, Link kindList, TimelineChart.Model timeline, NetworkChart.Model network) {}

    private final DatasetGraph dsg;
    private final GraphSources sources;
    private final DatasetMetadata dataset;
    private final List<String> dataSuffixes;

    /**
     * @param dataSuffixes the suffixes of this page's data representations ("ttl", "jsonld", ...), linked at its foot
     */
    public EntityPage(DatasetGraph dsg, GraphSources sources, DatasetMetadata dataset, List<String> dataSuffixes) {
        this.dsg = dsg;
        this.sources = sources;
        this.dataset = dataset;
        this.dataSuffixes = dataSuffixes;
    }

    public String render(String iri, DatasetGraph description) {
        return Templates.render("entity.jte", model(iri, description));
    }

    Model model(String iri, DatasetGraph description) {
        Node self = NodeFactory.createURI(iri);
        String label = label(self).orElse(iri.substring(iri.lastIndexOf('/') + 1));
        List<Link> types = objects(description, self, RDF.type.asNode()).stream()
                .map(t -> Link.to(t.getURI(), label(t).orElse(t.getLocalName()))).toList();
        List<String> alt = objects(description, self, SKOS.altLabel.asNode()).stream()
                .filter(Node::isLiteral).map(Node::getLiteralLexicalForm).sorted().distinct().toList();
        String here = Iris.localLink(iri);
        List<Link> formats = dataSuffixes.stream().map(s -> new Link(here + "." + s, s)).toList();
        FactEvidence annotations = FactEvidence.of(dsg, self);
        Optional<Node> zh = labelNodeIn(self, "zh");
        List<String> zhNotes = zh.map(z -> curatorNotes(description, annotations, self, RDFS.label.asNode(), z)).orElse(List.of());
        String kind = KindNames.kindOf(iri);
        Link kindList = kind == null ? null : new Link(KindNames.listPath(kind), "All " + KindNames.title(kind).toLowerCase(java.util.Locale.ROOT));
        List<StatedClaim> statedHere = statedIn(self);
        EntityPictures pictures = new EntityPictures(dsg, sources, this::name);
        List<NetworkChart.Neighbour> neighbours = pictures.neighbours(self);
        NetworkChart.Model network = NetworkChart.layout(label, kind, neighbours);
        // the dates of the neighbours the network draws (a page's cost stays that of its network, however linked it is)
        List<TimelineChart.Item> dated = pictures.timeline(self,
                EntityPictures.nodes(neighbours.subList(0, Math.min(NetworkChart.MAX_NODES, neighbours.size()))));
        TimelineChart.Model timeline = TimelineChart.layout(dated, "What the sources date about " + label + ": "
                + dated.size() + (dated.size() == 1 ? " dated statement" : " dated statements"));
        return new Model(dataset, iri, here, label, zh.map(Node::getLiteralLexicalForm).orElse(null), zhNotes, types, alt,
                first(self, STATEMENT).map(Node::getLiteralLexicalForm).orElse(null), evidence(self),
                facts(description, self, annotations), claimsAbout(self), statedHere,
                linkedFrom(description, self, label, !statedHere.isEmpty()), mentionedIn(self), formats, kindList,
                timeline, network);
    }

    /** For a claim: the exact words of its source, with the text around them. */
    private List<Evidence> evidence(Node claim) {
        List<Evidence> out = new ArrayList<>();
        for (Node ev : objects(dsg, claim, HAS_EVIDENCE)) {
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
            out.add(new Evidence(prefix, exact, suffix, first(ev, HAS_SOURCE).map(this::link).orElse(null), position));
        }
        return out;
    }

    private List<Fact> facts(DatasetGraph description, Node self, FactEvidence annotations) {
        Map<String, List<Quad>> byProperty = new TreeMap<>();
        description.find(Node.ANY, self, Node.ANY, Node.ANY).forEachRemaining(q -> {
            if (!NAMES.contains(q.getPredicate()) && !q.getPredicate().equals(HAS_EVIDENCE) && !q.getPredicate().equals(STATEMENT)) {
                byProperty.computeIfAbsent(label(q.getPredicate()).orElse(q.getPredicate().getLocalName()), k -> new ArrayList<>()).add(q);
            }
        });
        List<Fact> facts = new ArrayList<>();
        byProperty.forEach((property, quads) -> {
            Map<Node, Set<String>> values = new LinkedHashMap<>();
            Map<Node, Set<Node>> claims = new LinkedHashMap<>();
            Map<Node, Set<String>> notes = new LinkedHashMap<>();
            quads.stream().sorted(Comparator.comparing(q -> q.getObject().toString())).forEach(q -> {
                values.computeIfAbsent(q.getObject(), k -> new TreeSet<>()).add(q.getGraph().getURI());
                FactEvidence.Annotations a = annotations.of(q);
                claims.computeIfAbsent(q.getObject(), k -> new TreeSet<>(Comparator.comparing(Node::toString))).addAll(a.claims());
                a.curatorNotes().forEach(n -> notes.computeIfAbsent(q.getObject(), k -> new TreeSet<>()).add(n.getLiteralLexicalForm()));
            });
            List<Value> shown = new ArrayList<>();
            values.forEach((value, graphs) -> shown.add(value(value, graphs.stream().map(this::sourceBadge).toList(),
                    claims.get(value).stream().map(this::support).toList(), List.copyOf(notes.getOrDefault(value, Set.of())))));
            facts.add(new Fact(property, shown));
        });
        return facts;
    }

    private List<ClaimCard> claimsAbout(Node self) {
        List<ClaimCard> cards = new ArrayList<>();
        for (Node claim : subjects(self, ABOUT)) {
            List<String> quotes = new ArrayList<>();
            for (Node ev : objects(dsg, claim, HAS_EVIDENCE)) {
                for (Node selector : objects(dsg, ev, HAS_SELECTOR)) {
                    first(selector, EXACT).ifPresent(q -> quotes.add(q.getLiteralLexicalForm()));
                }
            }
            cards.add(new ClaimCard(link(claim), first(claim, CLAIM_KIND).flatMap(this::label).orElse(null), quotes,
                    objects(dsg, claim, ATTRIBUTED).stream().map(this::link).toList(),
                    first(claim, STATED_IN).map(this::link).orElse(null)));
        }
        return cards;
    }

    /**
     * For a source document: the claims stated in it, in the order of the text (the {@code oa:start} of each claim's
     * {@code oa:TextPositionSelector}; claims without one last, by IRI), each with its quotes.
     */
    private List<StatedClaim> statedIn(Node doc) {
        record Placed(long start, StatedClaim claim, String iri) {}
        List<Placed> placed = new ArrayList<>();
        for (Node claim : subjects(doc, STATED_IN)) {
            if (!claim.isURI() || !dsg.contains(Node.ANY, claim, RDF.type.asNode(), KG.Claim.asNode())) continue;
            List<String> quotes = new ArrayList<>();
            long start = Long.MAX_VALUE;
            long end = -1;
            for (Node ev : objects(dsg, claim, HAS_EVIDENCE)) {
                for (Node selector : objects(dsg, ev, HAS_SELECTOR)) {
                    first(selector, EXACT).ifPresent(q -> quotes.add(q.getLiteralLexicalForm()));
                    Optional<Long> s = first(selector, START).flatMap(EntityPage::integer);
                    if (s.isPresent() && s.get() < start) {
                        start = s.get();
                        end = first(selector, END).flatMap(EntityPage::integer).orElse(-1L);
                    }
                }
            }
            String position = start == Long.MAX_VALUE ? null : "characters " + start + "–" + (end < 0 ? "?" : end);
            placed.add(new Placed(start, new StatedClaim(link(claim), first(claim, CLAIM_KIND).flatMap(this::label).orElse(null),
                    quotes, position), claim.getURI()));
        }
        placed.sort(Comparator.comparingLong(Placed::start).thenComparing(Placed::iri));
        return placed.stream().map(Placed::claim).toList();
    }

    private static Optional<Long> integer(Node n) {
        if (!n.isLiteral()) return Optional.empty();
        try {
            return Optional.of(Long.parseLong(n.getLiteralLexicalForm().strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * What links here, grouped by property and read from the linking side with the phrase of {@link InversePhrases}:
     * "developed by Baidu" ERNIE-Bot, "member of Baidu" Robin Li; each by its label, linked to its page.
     */
    private List<Incoming> linkedFrom(DatasetGraph description, Node self, String selfLabel, boolean claimsListed) {
        Map<String, Set<Node>> byPhrase = new TreeMap<>();
        description.find(Node.ANY, Node.ANY, Node.ANY, self).forEachRemaining(q -> {
            Node p = q.getPredicate();
            if (p.equals(ABOUT) || p.equals(MENTIONS) || p.equals(RDF.type.asNode())) return;
            // A source's claims and their evidence are listed in text order: not again as raw links.
            if (claimsListed && (p.equals(STATED_IN) || p.equals(HAS_SOURCE))) return;
            if (q.getSubject().isURI() && q.getSubject().getURI().startsWith(self.getURI() + "#")) return;
            byPhrase.computeIfAbsent(InversePhrases.of(p, labelIn(p, "en")) + " " + selfLabel,
                    k -> new TreeSet<>(Comparator.comparing(this::name, String.CASE_INSENSITIVE_ORDER).thenComparing((Node n) -> n.toString())))
                    .add(q.getSubject());
        });
        List<Incoming> out = new ArrayList<>();
        byPhrase.forEach((phrase, subjects) -> out.add(new Incoming(phrase, subjects.stream().map(s -> value(s, List.of(), List.of(), List.of())).toList())));
        return out;
    }

    private List<Link> mentionedIn(Node self) {
        return subjects(self, MENTIONS).stream().map(this::link).toList();
    }

    /** A claim that supports a fact, with the quote of its evidence and the document it quotes. */
    private Support support(Node claim) {
        String quote = null;
        Link source = null;
        for (Node ev : objects(dsg, claim, HAS_EVIDENCE)) {
            for (Node selector : objects(dsg, ev, HAS_SELECTOR)) {
                Optional<Node> exact = first(selector, EXACT);
                if (exact.isPresent() && quote == null) quote = exact.get().getLiteralLexicalForm();
            }
            if (source == null) source = first(ev, HAS_SOURCE).map(this::link).orElse(null);
        }
        if (source == null) source = first(claim, STATED_IN).map(this::link).orElse(null);
        if (!claim.isURI() || !claim.getURI().startsWith(Iris.ID)) return new Support(name(claim), link(claim), quote, source);
        String path = Iris.localLink(claim.getURI());
        return new Support(name(claim), new Link(path, path.substring("/id/".length())), quote, source);
    }

    /** The curators' notes on one fact, in whichever graphs of the description state it. */
    private static List<String> curatorNotes(DatasetGraph description, FactEvidence annotations, Node s, Node p, Node o) {
        Set<String> notes = new TreeSet<>();
        description.find(Node.ANY, s, p, o).forEachRemaining(q ->
                annotations.of(q).curatorNotes().forEach(n -> notes.add(n.getLiteralLexicalForm())));
        return List.copyOf(notes);
    }

    private Value value(Node value, List<SourceBadge> from, List<Support> support, List<String> notes) {
        if (value.isURI()) return new Value(link(value), null, null, from, support, notes);
        if (value.isLiteral()) {
            String dt = value.getLiteralDatatypeURI();
            String lang = value.getLiteralLanguage();
            String hint = !lang.isEmpty() ? "@" + lang
                    : dt != null && !dt.endsWith("#string") ? dt.substring(dt.lastIndexOf('#') + 1) : null;
            return new Value(null, value.getLiteralLexicalForm(), hint, from, support, notes);
        }
        return new Value(null, value.toString(), null, from, support, notes);
    }

    private Link link(Node node) {
        if (!node.isURI()) return new Link(null, node.toString());
        return Link.to(node.getURI(), name(node));
    }

    private SourceBadge sourceBadge(String graph) {
        Optional<GraphSources.Source> source = sources.sourceOf(graph);
        String text = source.map(GraphSources.Source::shortName).orElse(Iris.graphName(graph));
        String href = source.map(s -> Iris.localLink(s.iri())).orElse(Iris.localLink(graph));
        return new SourceBadge(new Link(href, text), graph);
    }

    /**
     * What a resource is called on a page: its label; for a W3C ORG membership without one, who holds it, the role
     * and where ("Wang Xiaochuan, Sogou founder, at Sogou"); for a part such as {@code claim/x#evidence}, its
     * whole's name and the part; else the last segment of its IRI. Never the IRI where a name can be had.
     */
    private String name(Node node) {
        if (!node.isURI()) return node.toString();
        Optional<String> label = label(node);
        if (label.isPresent()) return label.get();
        Optional<Node> org = first(node, ORG.organization.asNode());
        Optional<Node> member = first(node, ORG.member.asNode());
        if (org.isPresent() || member.isPresent()) {
            List<String> parts = new ArrayList<>();
            member.map(this::name).ifPresent(parts::add);
            first(node, ROLE_TITLE).map(Node::getLiteralLexicalForm)
                    .or(() -> first(node, ORG.role.asNode()).flatMap(this::label)).ifPresent(parts::add);
            org.map(o -> "at " + name(o)).ifPresent(parts::add);
            return String.join(", ", parts);
        }
        String iri = node.getURI();
        int hash = iri.indexOf('#');
        if (hash > 0 && iri.startsWith(Iris.ID)) {
            return name(NodeFactory.createURI(iri.substring(0, hash))) + " › " + iri.substring(hash + 1);
        }
        if (iri.startsWith(Iris.ID)) return iri.substring(iri.lastIndexOf('/') + 1).replace('-', ' ');
        return iri;
    }

    private Optional<String> label(Node node) {
        return labelIn(node, "en").or(() -> first(node, RDFS.label.asNode()).map(Node::getLiteralLexicalForm));
    }

    private Optional<String> labelIn(Node node, String lang) {
        return labelNodeIn(node, lang).map(Node::getLiteralLexicalForm);
    }

    private Optional<Node> labelNodeIn(Node node, String lang) {
        return objects(dsg, node, RDFS.label.asNode()).stream()
                .filter(l -> l.isLiteral() && l.getLiteralLanguage().equalsIgnoreCase(lang)).findFirst();
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

    private static Node term(String curie) {
        return NodeFactory.createURI(Prefixes.all().expandPrefix(curie));
    }
}
