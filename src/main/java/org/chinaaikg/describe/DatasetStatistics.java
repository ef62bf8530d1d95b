package org.chinaaikg.describe;

import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

/**
 * Counts that describe the dataset (for VoID, the service description and the home page), read from
 * the store by live queries. The store is read-only while served, so they are computed once.
 */
public record DatasetStatistics(long triples, long entities, long claims, Map<String, Long> triplesByGraph,
                                Map<String, Long> entitiesByClass, Map<String, Long> entitiesByClassAndSubclasses,
                                Map<String, Long> claimsBySource) {

    public static DatasetStatistics of(Dataset dataset) {
        return Txn.calculateRead(dataset, () -> {
            DatasetGraph dsg = dataset.asDatasetGraph();
            Map<String, Long> byGraph = new TreeMap<>();
            long triples = 0;
            for (java.util.Iterator<Node> it = dsg.listGraphNodes(); it.hasNext(); ) {
                Node g = it.next();
                long n = dsg.getGraph(g).size();
                byGraph.put(g.getURI(), n);
                triples += n;
            }
            Map<String, Long> byClass = new TreeMap<>();
            long entities = 0;
            for (QuerySolution row : select(dataset, """
                    SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {
                      GRAPH ?g { ?s a ?class }
                      FILTER(STRSTARTS(STR(?s), "https://w3id.org/china-ai-kg/id/") && !CONTAINS(STR(?s), "#"))
                    } GROUP BY ?class""")) {
                byClass.put(row.getResource("class").getURI(), row.getLiteral("n").getLong());
            }
            for (QuerySolution row : select(dataset, """
                    SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {
                      GRAPH ?g { ?s a ?class }
                      FILTER(STRSTARTS(STR(?s), "https://w3id.org/china-ai-kg/id/") && !CONTAINS(STR(?s), "#"))
                    }""")) {
                entities = row.getLiteral("n").getLong();
            }
            Map<String, Long> bySuperclass = new TreeMap<>();
            for (QuerySolution row : select(dataset, """
                    SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {
                      GRAPH ?g { ?s a ?type }
                      FILTER(STRSTARTS(STR(?s), "https://w3id.org/china-ai-kg/id/") && !CONTAINS(STR(?s), "#"))
                      GRAPH <https://w3id.org/china-ai-kg/graph/ontology> { ?type <http://www.w3.org/2000/01/rdf-schema#subClassOf>* ?class }
                    } GROUP BY ?class""")) {
                if (row.get("class").isURIResource()) {
                    bySuperclass.put(row.getResource("class").getURI(), row.getLiteral("n").getLong());
                }
            }
            Map<String, Long> bySource = new TreeMap<>();
            long claims = 0;
            for (QuerySolution row : select(dataset, """
                    SELECT ?doc (COUNT(DISTINCT ?c) AS ?n) WHERE {
                      GRAPH ?g { ?c a <https://w3id.org/china-ai-kg/ontology#Claim> ; <https://w3id.org/china-ai-kg/ontology#statedIn> ?doc }
                    } GROUP BY ?doc""")) {
                long n = row.getLiteral("n").getLong();
                bySource.put(row.getResource("doc").getURI(), n);
                claims += n;
            }
            return new DatasetStatistics(triples, entities, claims, Map.copyOf(byGraph), Map.copyOf(byClass), Map.copyOf(bySuperclass), Map.copyOf(bySource));
        });
    }

    private static java.util.List<QuerySolution> select(Dataset dataset, String query) {
        try (QueryExecution exec = QueryExecution.dataset(dataset).query(query).build()) {
            java.util.List<QuerySolution> rows = new java.util.ArrayList<>();
            exec.execSelect().forEachRemaining(rows::add);
            return rows;
        }
    }
}
