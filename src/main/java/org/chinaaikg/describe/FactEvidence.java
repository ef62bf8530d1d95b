package org.chinaaikg.describe;

import org.chinaaikg.vocab.KG;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.OWL2;

/**
 * What the data says about each fact of a resource: the claims whose quotes state it ({@code kg:supportedBy}) and
 * the curators' notes where the value is theirs ({@code kg:curatorNote}), read from the {@code owl:Axiom}
 * annotations in the same named graph as the fact ({@code owl:annotatedSource} the subject,
 * {@code owl:annotatedProperty} the predicate, {@code owl:annotatedTarget} the object). An axiom in another graph
 * than the fact's does not count: a source file answers for its own facts. Callers hold a read transaction.
 */
public final class FactEvidence {
    static final Node ANNOTATED_SOURCE = OWL2.annotatedSource.asNode();
    static final Node ANNOTATED_PROPERTY = OWL2.annotatedProperty.asNode();
    static final Node ANNOTATED_TARGET = OWL2.annotatedTarget.asNode();
    private static final Node SUPPORTED_BY = KG.supportedBy.asNode();
    private static final Node CURATOR_NOTE = KG.curatorNote.asNode();

    /**
     * The annotations of one fact: its supporting claims (IRIs, sorted), the curators' notes (literals), and the
     * axiom nodes that carry them (with the graph they sit in), for syntaxes that show the axioms themselves.
     */
    public record Annotations(List<Node> claims, List<Node> curatorNotes, List<Node> axioms) {
        public boolean isEmpty() {
            return claims.isEmpty() && curatorNotes.isEmpty();
        }
    }

    private static final Annotations NONE = new Annotations(List.of(), List.of(), List.of());

    private final Map<Quad, Annotations> byFact;

    private FactEvidence(Map<Quad, Annotations> byFact) {
        this.byFact = byFact;
    }

    /** The annotations of every fact whose subject is {@code subject}, in every named graph of {@code dsg}. */
    public static FactEvidence of(DatasetGraph dsg, Node subject) {
        Map<Quad, Set<Node>> claims = new LinkedHashMap<>();
        Map<Quad, Set<Node>> notes = new LinkedHashMap<>();
        Map<Quad, Set<Node>> axioms = new LinkedHashMap<>();
        dsg.find(Node.ANY, Node.ANY, ANNOTATED_SOURCE, subject).forEachRemaining(q -> {
            if (q.isDefaultGraph()) return;
            Node g = q.getGraph();
            Node axiom = q.getSubject();
            for (Node p : objects(dsg, g, axiom, ANNOTATED_PROPERTY)) {
                for (Node o : objects(dsg, g, axiom, ANNOTATED_TARGET)) {
                    Quad fact = Quad.create(g, subject, p, o);
                    claims.computeIfAbsent(fact, k -> sorted()).addAll(objects(dsg, g, axiom, SUPPORTED_BY));
                    notes.computeIfAbsent(fact, k -> sorted()).addAll(objects(dsg, g, axiom, CURATOR_NOTE));
                    axioms.computeIfAbsent(fact, k -> sorted()).add(axiom);
                }
            }
        });
        Map<Quad, Annotations> out = new LinkedHashMap<>();
        axioms.forEach((fact, ax) -> out.put(fact, new Annotations(List.copyOf(claims.get(fact)),
                List.copyOf(notes.get(fact)), List.copyOf(ax))));
        return new FactEvidence(out);
    }

    /** The annotations of the fact {@code q} (subject, predicate, object, in graph {@code q.getGraph()}). */
    public Annotations of(Quad q) {
        return byFact.getOrDefault(Quad.create(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject()), NONE);
    }

    /** Every claim that supports some fact of the subject. */
    public Set<Node> claims() {
        Set<Node> all = sorted();
        byFact.values().forEach(a -> all.addAll(a.claims()));
        return all;
    }

    /** Every fact (as a quad in its graph) that an axiom annotates. */
    public Set<Quad> facts() {
        return byFact.keySet();
    }

    private static List<Node> objects(DatasetGraph dsg, Node g, Node s, Node p) {
        List<Node> out = new ArrayList<>();
        dsg.find(g, s, p, Node.ANY).forEachRemaining(q -> out.add(q.getObject()));
        return out;
    }

    private static Set<Node> sorted() {
        return new TreeSet<>(Comparator.comparing(Node::toString));
    }
}
