package org.chinaaikg.describe;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * The description of one resource, as quads so that every fact keeps the named graph (the source
 * file) it comes from: the resource's own triples and those of its hash-IRI parts (a claim's
 * {@code #evidence}, {@code #quote}, {@code #position}, {@code #q1}), the triples that point at it, and
 * the labels of everything they link to. Callers hold a read transaction on the dataset.
 */
public final class ResourceDescriber {

    /** Enough incoming links for any resource of this graph, bounded so a page stays small. */
    static final int MAX_INCOMING = 2000;

    private ResourceDescriber() {}

    /** Returns an empty dataset when nothing is said about {@code iri}. */
    public static DatasetGraph describe(DatasetGraph dsg, String iri) {
        DatasetGraph out = DatasetGraphFactory.createGeneral();
        Node resource = NodeFactory.createURI(iri);
        Set<Node> linked = new HashSet<>();

        Deque<Node> parts = new ArrayDeque<>();
        Set<Node> seen = new HashSet<>();
        parts.add(resource);
        while (!parts.isEmpty()) {
            Node subject = parts.poll();
            if (!seen.add(subject)) continue;
            dsg.find(Node.ANY, subject, Node.ANY, Node.ANY).forEachRemaining(q -> {
                if (q.isDefaultGraph()) return;
                out.add(q);
                Node o = q.getObject();
                if (o.isURI()) {
                    linked.add(o);
                    if (o.getURI().startsWith(iri + "#")) parts.add(o);
                }
            });
        }
        if (out.isEmpty()) return out;

        Iterator<Quad> incoming = dsg.find(Node.ANY, Node.ANY, Node.ANY, resource);
        for (int n = 0; incoming.hasNext() && n < MAX_INCOMING; n++) {
            Quad q = incoming.next();
            if (q.isDefaultGraph()) continue;
            out.add(q);
            linked.add(q.getSubject());
        }

        linked.add(resource);
        for (Node node : linked) {
            addLabels(dsg, out, node);
        }
        return out;
    }

    private static void addLabels(DatasetGraph dsg, DatasetGraph out, Node node) {
        for (Node p : new Node[] {RDFS.label.asNode(), SKOS.altLabel.asNode()}) {
            dsg.find(Node.ANY, node, p, Node.ANY).forEachRemaining(q -> {
                if (!q.isDefaultGraph()) out.add(q);
            });
        }
    }
}
