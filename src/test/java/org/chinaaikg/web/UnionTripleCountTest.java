package org.chinaaikg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.VOID;
import org.chinaaikg.vocab.Iris;
import org.chinaaikg.vocab.Prefixes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The default graph's {@code void:triples} in the service description and VoID is what the default graph holds: the
 * union of all graphs counts a triple stated by two sources once (the bundled data has such triples: 8,438 was
 * said where the union held 8,437). Checked against the server's own SPARQL count of its default graph.
 */
class UnionTripleCountTest {
    @RegisterExtension
    static final ServerExtension server = ServerExtension.onBundledData();

    static long count(String query) throws Exception {
        HttpResponse<String> r = server.sparql(query);
        assertEquals(200, r.statusCode(), r.body());
        return Long.parseLong(r.body().lines().skip(1).findFirst().orElseThrow().trim());
    }

    static Model turtle(String path) throws Exception {
        HttpResponse<String> r = server.get(path, "text/turtle");
        assertEquals(200, r.statusCode(), r.body());
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(r.body()).lang(Lang.TURTLE).parse(m);
        return m;
    }

    @Test
    void theDefaultGraphCountsEachTripleOnce() throws Exception {
        long union = count("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");
        long distinct = count("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }");
        long summed = count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }");
        assertEquals(distinct, union, "the union default graph is the distinct triples of all graphs");
        assertTrue(summed > union, "the bundled data has a triple stated in two graphs (" + summed + " quads, " + union + " triples)");

        Model sd = turtle("/kg/sparql");
        Property defaultGraph = sd.createProperty(Prefixes.SD + "defaultGraph");
        Resource g = sd.listObjectsOfProperty(defaultGraph).next().asResource();
        assertEquals(union, g.getRequiredProperty(VOID.triples).getLong(), "service description: the default graph's void:triples");

        Model voidDescription = turtle("/.well-known/void");
        assertEquals(union, voidDescription.getResource(Iris.DATASET).getRequiredProperty(VOID.triples).getLong(),
                "VoID: the dataset's void:triples");
    }
}
