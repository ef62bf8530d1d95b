package org.chinaaikg.store;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.chinaaikg.project.Inputs;
import org.chinaaikg.vocab.Iris;

/**
 * The RDFS entailments of the ontology's hierarchy, served so that a superclass or superproperty query answers as a
 * reasoner would: for every {@code x a C} also {@code x a D} for each superclass D of C (rdfs9), for every {@code s p o}
 * also {@code s q o} for each superproperty q of p (rdfs7), and the transitive closure of {@code rdfs:subClassOf}
 * and {@code rdfs:subPropertyOf} themselves (rdfs11, rdfs5). Nothing is inferred from domains or ranges. The
 * hierarchy is the ontology graph's; the entailed triples that no graph states go into a graph of their own.
 */
public final class Entailments {
    public static final String GRAPH = Iris.GRAPH + "entailments";

    private Entailments() {}

    /** Adds the entailments to the store; the caller holds a write transaction. Returns how many were added. */
    public static long addTo(DatasetGraph dsg) {
        Graph ontology = dsg.getGraph(NodeFactory.createURI(Inputs.ONTOLOGY_GRAPH));
        Map<Node, Set<Node>> superClasses = closure(ontology, RDFS.subClassOf.asNode());
        Map<Node, Set<Node>> superProperties = closure(ontology, RDFS.subPropertyOf.asNode());
        Node type = RDF.type.asNode();
        Set<Triple> entailed = new LinkedHashSet<>();
        dsg.find().forEachRemaining(q -> {
            Node p = q.getPredicate();
            if (p.equals(type)) {
                for (Node d : superClasses.getOrDefault(q.getObject(), Set.of())) entailed.add(Triple.create(q.getSubject(), type, d));
            }
            for (Node sup : superProperties.getOrDefault(p, Set.of())) entailed.add(Triple.create(q.getSubject(), sup, q.getObject()));
        });
        superClasses.forEach((c, supers) -> supers.forEach(d -> entailed.add(Triple.create(c, RDFS.subClassOf.asNode(), d))));
        superProperties.forEach((p, supers) -> supers.forEach(q -> entailed.add(Triple.create(p, RDFS.subPropertyOf.asNode(), q))));
        Graph union = dsg.getUnionGraph();
        Node graph = NodeFactory.createURI(GRAPH);
        long added = 0;
        for (Triple t : entailed) {
            if (union.contains(t)) continue;
            dsg.add(Quad.create(graph, t));
            added++;
        }
        return added;
    }

    /** Each IRI's strict ancestors along a hierarchy property (IRIs only: no restrictions or other blank nodes). */
    static Map<Node, Set<Node>> closure(Graph ontology, Node hierarchy) {
        Map<Node, Set<Node>> parents = new HashMap<>();
        ontology.find(Node.ANY, hierarchy, Node.ANY).forEachRemaining(t -> {
            if (t.getSubject().isURI() && t.getObject().isURI() && !t.getSubject().equals(t.getObject())) {
                parents.computeIfAbsent(t.getSubject(), k -> new HashSet<>()).add(t.getObject());
            }
        });
        Map<Node, Set<Node>> ancestors = new HashMap<>();
        for (Node start : parents.keySet()) {
            Set<Node> seen = new LinkedHashSet<>();
            Deque<Node> todo = new ArrayDeque<>(parents.get(start));
            while (!todo.isEmpty()) {
                Node n = todo.pop();
                if (n.equals(start) || !seen.add(n)) continue;
                todo.addAll(parents.getOrDefault(n, Set.of()));
            }
            ancestors.put(start, seen);
        }
        return ancestors;
    }
}
