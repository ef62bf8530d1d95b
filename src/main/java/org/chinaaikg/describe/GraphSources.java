package org.chinaaikg.describe;

import org.chinaaikg.store.Derived;
import org.chinaaikg.vocab.Iris;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

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

    /** The mapping {@code load} derived ({@link Derived#sourceOfGraph()}), with each document's title. */
    public static GraphSources of(Derived derived) {
        Map<String, Source> byGraph = new HashMap<>();
        derived.sourceOfGraph().forEach((graph, doc) -> {
            String name = Iris.graphName(graph);
            String number = name.replaceAll("^statements/(\\d+).*$", "$1");
            byGraph.put(graph, new Source(doc, derived.titles().getOrDefault(doc, doc), number.equals(name) ? name : "source " + number));
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
