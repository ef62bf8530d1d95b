package org.chinaaikg.web.html;

import org.chinaaikg.describe.FactEvidence;
import org.chinaaikg.describe.GraphSources;
import org.chinaaikg.vocab.Dates;
import org.chinaaikg.vocab.Iris;
import org.chinaaikg.vocab.KG;
import org.chinaaikg.vocab.Prefixes;
import org.chinaaikg.vocab.SCHEMA;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.RDFS;

/**
 * What an entity page's pictures show, read from the store (index look-ups only):
 * <ul>
 * <li>the timeline: every dated statement ({@link Dates}) of the entity, of the claims about it ({@code schema:about})
 *     or stated in it ({@code kg:statedIn}), and of the neighbours its network draws (a model's release, a policy's issue, an event's
 *     start); each distinct (thing, property, date) once, linked to its supporting claim, else to the claim or thing,
 *     and naming the source whose graph states it;</li>
 * <li>the network: the entities linked to it by a property between entities, either way (claims, documents and
 *     the claim structure left out; a W3C ORG membership is drawn as the person or organization at its other end).</li>
 * </ul>
 * Callers hold a read transaction.
 */
final class EntityPictures {
    /** Properties that structure claims and documents, or classify: not a relation between two entities. */
    private static final Set<Node> NOT_RELATIONS = Set.of(term("rdf:type"), SCHEMA.about.asNode(), KG.mentions.asNode(),
            KG.statedIn.asNode(), KG.claimKind.asNode(), KG.sourceKind.asNode(), KG.hasEvidence.asNode(),
            KG.supportedBy.asNode(), term("prov:wasAttributedTo"), term("prov:wasDerivedFrom"), term("oa:hasSource"),
            term("rdfs:isDefinedBy"), term("rdfs:seeAlso"), term("owl:sameAs"), term("skos:inScheme"));
    /** Kinds of IRI that are not drawn as neighbours. */
    private static final Set<String> NOT_NEIGHBOURS = Set.of("claim", "source");
    /** The order of kinds around the circle (and which come first when there are too many to draw). */
    private static final List<String> KIND_ORDER = List.of("org", "model", "product", "system", "person", "policy",
            "event", "report", "tech", "segment", "role", "membership", "place");

    private final DatasetGraph dsg;
    private final GraphSources sources;
    private final Function<Node, String> name;
    private final Node entailments = NodeFactory.createURI(org.chinaaikg.store.Entailments.GRAPH);

    EntityPictures(DatasetGraph dsg, GraphSources sources, Function<Node, String> name) {
        this.dsg = dsg;
        this.sources = sources;
        this.name = name;
    }

    /** The dated things of the timeline of {@code self}, with the given neighbours' dates. */
    List<TimelineChart.Item> timeline(Node self, List<Node> neighbours) {
        Map<String, TimelineChart.Item> items = new LinkedHashMap<>();
        dated(self, self, items);
        Set<Node> claims = new TreeSet<>(Comparator.comparing(Node::toString));
        dsg.find(Node.ANY, Node.ANY, SCHEMA.about.asNode(), self).forEachRemaining(q -> claims.add(q.getSubject()));
        dsg.find(Node.ANY, Node.ANY, KG.statedIn.asNode(), self).forEachRemaining(q -> claims.add(q.getSubject()));
        for (Node claim : claims) if (Dates.isEntity(claim)) dated(self, claim, items);
        for (Node n : neighbours) dated(self, n, items);
        return List.copyOf(items.values());
    }

    /** Adds the dated statements of {@code subject}, one item per distinct (property, date). */
    private void dated(Node self, Node subject, Map<String, TimelineChart.Item> items) {
        FactEvidence evidence = null;
        for (Node p : Dates.PROPERTIES) {
            List<Quad> quads = new ArrayList<>();
            dsg.find(Node.ANY, subject, p, Node.ANY).forEachRemaining(quads::add);
            quads.sort(Comparator.comparing((Quad q) -> q.getObject().toString()).thenComparing(q -> q.getGraph().toString()));
            for (Quad q : quads) {
                if (q.getGraph().equals(entailments) || !Dates.isDate(q.getObject())) continue;
                String key = subject.getURI() + " " + p.getURI() + " " + q.getObject();
                TimelineChart.Item known = items.get(key);
                if (evidence == null) evidence = FactEvidence.of(dsg, subject);
                FactEvidence.Annotations a = evidence.of(q);
                Optional<GraphSources.Source> source = sources.sourceOf(q.getGraph().getURI());
                if (known != null && (known.source() != null || source.isEmpty())) continue;
                String property = propertyName(p);
                boolean isClaim = isClaim(subject);
                String what = subject.equals(self) ? property
                        : isClaim ? name.apply(subject) + " (" + property + ")"
                        : name.apply(subject) + ": " + property;
                Node target = !a.claims().isEmpty() && !isClaim ? a.claims().get(0) : subject;
                Link link = Link.to(target.getURI(), name.apply(target));
                Link from = source.map(s -> new Link(Iris.localLink(s.iri()), s.shortName())).orElse(null);
                boolean curated = !a.curatorNotes().isEmpty() || p.equals(Dates.INFERRED);
                items.put(key, new TimelineChart.Item(q.getObject().getLiteralLexicalForm(), what, link, from, curated));
            }
        }
    }

    /** The entities linked to {@code self}, either way, in the order the picture draws them. */
    List<NetworkChart.Neighbour> neighbours(Node self) {
        Map<Node, Set<String>> out = new HashMap<>();
        Map<Node, Set<String>> in = new HashMap<>();
        dsg.find(Node.ANY, self, Node.ANY, Node.ANY).forEachRemaining(q -> {
            if (q.getGraph().equals(entailments) || NOT_RELATIONS.contains(q.getPredicate())) return;
            relate(self, q.getObject(), q.getPredicate(), out, in, true);
        });
        dsg.find(Node.ANY, Node.ANY, Node.ANY, self).forEachRemaining(q -> {
            if (q.getGraph().equals(entailments) || NOT_RELATIONS.contains(q.getPredicate())) return;
            relate(self, q.getSubject(), q.getPredicate(), out, in, false);
        });
        Set<Node> all = new LinkedHashSet<>(out.keySet());
        all.addAll(in.keySet());
        List<NetworkChart.Neighbour> neighbours = new ArrayList<>();
        for (Node n : all) {
            // a membership with its role says more than a plain org:memberOf of the same two
            for (Map<Node, Set<String>> side : List.of(out, in)) {
                Set<String> rs = side.get(n);
                if (rs != null && rs.stream().anyMatch(r -> r.startsWith("member of ("))) rs.remove("member of");
            }
            String kind = KindNames.kindOf(n.getURI());
            neighbours.add(new NetworkChart.Neighbour(Link.to(n.getURI(), name.apply(n)), kind,
                    List.copyOf(out.getOrDefault(n, Set.of())), List.copyOf(in.getOrDefault(n, Set.of()))));
        }
        neighbours.sort(Comparator.comparingInt((NetworkChart.Neighbour nb) -> kindRank(nb.kind()))
                .thenComparing(nb -> nb.link().text(), String.CASE_INSENSITIVE_ORDER)
                .thenComparing(nb -> nb.link().href()));
        return neighbours;
    }

    /** The neighbours' nodes, for their dates on the timeline. */
    static List<Node> nodes(List<NetworkChart.Neighbour> neighbours) {
        return neighbours.stream().map(nb -> NodeFactory.createURI(Iris.ID + nb.link().href().substring("/id/".length()))).toList();
    }

    private void relate(Node self, Node other, Node p, Map<Node, Set<String>> out, Map<Node, Set<String>> in, boolean outgoing) {
        if (!Dates.isEntity(other) || other.equals(self)) return;
        String kind = KindNames.kindOf(other.getURI());
        if (kind == null || NOT_NEIGHBOURS.contains(kind) || isClaim(self)) return;
        if (kind.equals("membership")) {
            // a person's membership of an organization: drawn as the organization (or, on its page, the person)
            Optional<Node> member = object(other, ORG.member.asNode());
            Optional<Node> organization = object(other, ORG.organization.asNode());
            if (member.isPresent() && organization.isPresent()) {
                String role = object(other, term("kg:roleTitle")).map(Node::getLiteralLexicalForm)
                        .or(() -> object(other, ORG.role.asNode()).map(name)).orElse(null);
                String relation = "member of" + (role == null ? "" : " (" + role + ")");
                if (member.get().equals(self) && Dates.isEntity(organization.get())) {
                    out.computeIfAbsent(organization.get(), k -> new TreeSet<>()).add(relation);
                    return;
                }
                if (organization.get().equals(self) && Dates.isEntity(member.get())) {
                    in.computeIfAbsent(member.get(), k -> new TreeSet<>()).add(relation);
                    return;
                }
            }
        }
        (outgoing ? out : in).computeIfAbsent(other, k -> new TreeSet<>()).add(propertyName(p));
    }

    private boolean isClaim(Node n) {
        return n.isURI() && "claim".equals(KindNames.kindOf(n.getURI()));
    }

    private static int kindRank(String kind) {
        int i = KIND_ORDER.indexOf(kind);
        return i < 0 ? KIND_ORDER.size() - 1 : i;
    }

    private String propertyName(Node p) {
        List<Node> labels = new ArrayList<>();
        dsg.find(Node.ANY, p, RDFS.label.asNode(), Node.ANY).forEachRemaining(q -> labels.add(q.getObject()));
        return labels.stream().filter(l -> l.isLiteral() && l.getLiteralLanguage().equalsIgnoreCase("en"))
                .map(Node::getLiteralLexicalForm).sorted().findFirst()
                .orElseGet(() -> InversePhrases.words(p.getLocalName()));
    }

    private Optional<Node> object(Node s, Node p) {
        List<Node> all = new ArrayList<>();
        dsg.find(Node.ANY, s, p, Node.ANY).forEachRemaining(q -> all.add(q.getObject()));
        return all.stream().min(Comparator.comparing(Node::toString));
    }

    private static Node term(String curie) {
        return NodeFactory.createURI(Prefixes.all().expandPrefix(curie));
    }
}
