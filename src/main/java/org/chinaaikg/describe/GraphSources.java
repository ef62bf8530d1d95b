package org.chinaaikg.describe;

import org.chinaaikg.vocab.Iris;
import org.chinaaikg.vocab.KG;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDFS;

/**
 * Which source document each named graph speaks for: a statement graph is the graph whose claims
 * are {@code kg:statedIn} one document. Other graphs (entities, documents, links) are the curators'.
 */
public final class GraphSources {
    public record Source(String iri, String title, String shortName) {}

    private final Map<String, Source> byGraph;

    private GraphSources(Map<String, Source> byGraph) {
        this.byGraph = byGraph;
    }

    /** Reads the mapping from the dataset; callers hold a read transaction. */
    public static GraphSources of(DatasetGraph dsg) {
        Map<String, Source> byGraph = new HashMap<>();
        Node statedIn = KG.statedIn.asNode();
        dsg.find(Node.ANY, Node.ANY, statedIn, Node.ANY).forEachRemaining(q -> {
            String graph = q.getGraph().getURI();
            if (byGraph.containsKey(graph) || !q.getObject().isURI()) return;
            String title = dsg.find(Node.ANY, q.getObject(), RDFS.label.asNode(), Node.ANY).hasNext()
                    ? dsg.find(Node.ANY, q.getObject(), RDFS.label.asNode(), Node.ANY).next().getObject().getLiteralLexicalForm()
                    : q.getObject().getURI();
            String name = Iris.graphName(graph);
            String number = name.replaceAll("^statements/(\\d+).*$", "$1");
            byGraph.put(graph, new Source(q.getObject().getURI(), title, number.equals(name) ? name : "source " + number));
        });
        return new GraphSources(byGraph);
    }

    public Optional<Source> sourceOf(String graph) {
        return Optional.ofNullable(byGraph.get(graph));
    }

    public Map<String, Source> all() {
        return Map.copyOf(byGraph);
    }
}
