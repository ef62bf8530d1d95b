package org.chinaaikg.describe;

import org.chinaaikg.vocab.KG;
import org.chinaaikg.vocab.Prefixes;

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
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * The description of one resource, as quads so that every fact keeps the named graph (the source
 * file) it comes from: the resource's own triples and those of its hash-IRI parts (a claim's
 * {@code #evidence}, {@code #quote}, {@code #position}, {@code #q1}), the triples that point at it, and
 * the labels of everything they link to, and of the claims that support its facts. The {@code owl:Axiom}
 * annotations that point at it are left out: {@link #asTriples} and {@link #asQuads} give what they say, whole.
 * Callers hold a read transaction on the dataset.
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

        // The supporting claims of its facts are named in its description (by prov:wasDerivedFrom, see asTriples):
        // their labels come with it, so that a reader sees what each claim says.
        linked.addAll(FactEvidence.of(dsg, resource).claims());

        Iterator<Quad> incoming = dsg.find(Node.ANY, Node.ANY, Node.ANY, resource);
        for (int n = 0; incoming.hasNext() && n < MAX_INCOMING; ) {
            Quad q = incoming.next();
            if (q.isDefaultGraph() || isAxiomPart(q)) continue;
            n++;
            out.add(q);
            linked.add(q.getSubject());
        }

        linked.add(resource);
        for (Node node : linked) {
            addLabels(dsg, out, node);
        }
        return out;
    }

    /**
     * A triple of an {@code owl:Axiom} annotation that points at the resource ({@code _:ax owl:annotatedSource <it>}):
     * alone it says nothing; the evidence it carries comes as {@code prov:wasDerivedFrom} on each fact's statement.
     */
    private static boolean isAxiomPart(Quad q) {
        Node p = q.getPredicate();
        return q.getSubject().isBlank() && (p.equals(FactEvidence.ANNOTATED_SOURCE) || p.equals(FactEvidence.ANNOTATED_TARGET));
    }

    /**
     * The description in a syntax of triples: its triples plus, for each of the resource's own facts, an
     * {@code rdf:Statement} of it whose {@code dcterms:source} is the named graph (the source file) that states it,
     * with {@code prov:wasDerivedFrom} each claim whose quote states it and {@code kg:curatorNote} each note where
     * the value is the curators' (both from the {@code owl:Axiom} annotations of that graph, see {@link FactEvidence}).
     */
    public static Model asTriples(DatasetGraph dsg, DatasetGraph description, String iri) {
        Model model = ModelFactory.createDefaultModel();
        model.setNsPrefixes(Prefixes.all());
        Node self = NodeFactory.createURI(iri);
        FactEvidence evidence = FactEvidence.of(dsg, self);
        Property derivedFrom = model.createProperty(Prefixes.PROV + "wasDerivedFrom");
        description.find().forEachRemaining((Quad q) -> {
            model.getGraph().add(q.asTriple());
            if (!q.getSubject().equals(self)) return;
            Resource statement = model.createResource()
                    .addProperty(RDF.type, RDF.Statement)
                    .addProperty(RDF.subject, model.wrapAsResource(q.getSubject()))
                    .addProperty(RDF.predicate, model.wrapAsResource(q.getPredicate()))
                    .addProperty(RDF.object, model.asRDFNode(q.getObject()))
                    .addProperty(DCTerms.source, model.wrapAsResource(q.getGraph()));
            FactEvidence.Annotations a = evidence.of(q);
            a.claims().forEach(claim -> statement.addProperty(derivedFrom, model.asRDFNode(claim)));
            a.curatorNotes().forEach(note -> statement.addProperty(KG.curatorNote, model.asRDFNode(note)));
        });
        return model;
    }

    /**
     * The description in a syntax of named graphs: its quads as they are, plus, in the graph of each of the
     * resource's own facts, the whole {@code owl:Axiom} that annotates it there (as the source file states it).
     */
    public static DatasetGraph asQuads(DatasetGraph dsg, DatasetGraph description, String iri) {
        DatasetGraph out = DatasetGraphFactory.createGeneral();
        Prefixes.all().getNsPrefixMap().forEach((p, ns) -> out.prefixes().add(p, ns));
        description.find().forEachRemaining(out::add);
        Node self = NodeFactory.createURI(iri);
        FactEvidence evidence = FactEvidence.of(dsg, self);
        description.find(Node.ANY, self, Node.ANY, Node.ANY).forEachRemaining(q -> {
            for (Node axiom : evidence.of(q).axioms()) {
                dsg.find(q.getGraph(), axiom, Node.ANY, Node.ANY).forEachRemaining(out::add);
            }
        });
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
