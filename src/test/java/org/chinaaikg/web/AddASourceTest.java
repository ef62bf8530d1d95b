package org.chinaaikg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.VOID;
import org.chinaaikg.Fixtures;
import org.chinaaikg.vocab.Iris;
import org.chinaaikg.vocab.KG;
import org.chinaaikg.vocab.Prefixes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's "Add a source", done on a copy of the project: one more document in {@code documents.ttl} and its statement
 * file with one claim. It loads, and the home page and VoID count one more source document and one more graph, with
 * nothing in the code or the tests to change.
 */
class AddASourceTest {
    static final String DOC = Iris.ID + "source/test-added-source";
    static final String GRAPH = Iris.GRAPH + "statements/900-test-added-source";

    /** A made-up document for this test only (never the real data): what the shapes require of a source and a claim. */
    static final String DOCUMENT = """

            <https://w3id.org/china-ai-kg/id/source/test-added-source> a kg:SourceDocument ;
                rdfs:label "A test source added by AddASourceTest"@en ;
                dcterms:title "A test source added by AddASourceTest"@en ;
                kg:sourceKind kg:NewsSite ;
                dcterms:issued "2024"^^xsd:gYear ;
                kg:fileName "900_test.txt" ;
                kg:sha256 "0000000000000000000000000000000000000000000000000000000000000000" .
            """;

    static final String STATEMENTS = """
            @prefix kg: <https://w3id.org/china-ai-kg/ontology#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix oa: <http://www.w3.org/ns/oa#> .
            @prefix schema: <http://schema.org/> .

            <https://w3id.org/china-ai-kg/id/source/test-added-source> kg:mentions <https://w3id.org/china-ai-kg/id/org/baidu> .
            <https://w3id.org/china-ai-kg/id/claim/900-test> a kg:Claim ;
                rdfs:label "A test claim"@en ;
                kg:claimKind kg:FactualStatement ;
                kg:statement "A test claim." ;
                schema:about <https://w3id.org/china-ai-kg/id/org/baidu> ;
                kg:statedIn <https://w3id.org/china-ai-kg/id/source/test-added-source> ;
                kg:hasEvidence <https://w3id.org/china-ai-kg/id/claim/900-test#evidence> .
            <https://w3id.org/china-ai-kg/id/claim/900-test#evidence> a oa:SpecificResource ;
                oa:hasSource <https://w3id.org/china-ai-kg/id/source/test-added-source> ;
                oa:hasSelector <https://w3id.org/china-ai-kg/id/claim/900-test#quote> , <https://w3id.org/china-ai-kg/id/claim/900-test#position> .
            <https://w3id.org/china-ai-kg/id/claim/900-test#quote> a oa:TextQuoteSelector ;
                oa:exact "Baidu" ; oa:prefix "" ; oa:suffix "" .
            <https://w3id.org/china-ai-kg/id/claim/900-test#position> a oa:TextPositionSelector ;
                oa:start 0 ; oa:end 5 .
            """;

    @TempDir
    Path dir;

    @Test
    void anAddedSourceIsCountedOnTheHomePageAndInVoid() throws Exception {
        long documentsBefore = BundledProject.documents(BundledProject.graphs(BundledProject.copyTo(dir.resolve("before"))));
        Fixtures.Project p = BundledProject.copyTo(dir.resolve("after"));
        Path documents = p.data().resolve("documents.ttl");
        Files.writeString(documents, Files.readString(documents) + DOCUMENT);
        Files.writeString(p.data().resolve("statements").resolve("900-test-added-source.ttl"), STATEMENTS);
        Map<String, Model> graphs = BundledProject.graphs(p);
        assertEquals(documentsBefore + 1, BundledProject.documents(graphs));

        try (TestServer server = TestServer.start(p)) {
            String html = server.get("/", "text/html").body();
            Matcher sources = Pattern.compile("(?s)<table id=\"sources\">(.*?)</table>").matcher(html);
            assertTrue(sources.find(), html);
            assertEquals(documentsBefore + 1, sources.group(1).split("claims</td></tr>", -1).length - 1, sources.group(1));
            assertTrue(sources.group(1).contains("A test source added by AddASourceTest</a></th><td>1 claims"), sources.group(1));
            assertTrue(html.contains("<th>Triples</th><td>" + BundledProject.triples(graphs) + "</td>"), "triples");

            HttpResponse<String> r = server.get("/.well-known/void", "text/turtle");
            assertEquals(200, r.statusCode());
            Model m = ModelFactory.createDefaultModel();
            RDFParser.fromString(r.body()).lang(Lang.TURTLE).parse(m);
            Resource ds = m.getResource(Iris.DATASET);
            assertEquals(graphs.size() + 1, m.listObjectsOfProperty(ds, VOID.subset).toList().size(), "graphs: each file's and the entailments'");
            assertEquals(documentsBefore + 1, m.listObjectsOfProperty(m.createProperty(Prefixes.PROV + "wasDerivedFrom")).toList().size());
            assertTrue(m.contains(m.getResource(GRAPH), m.createProperty(Prefixes.PROV + "wasDerivedFrom"), m.getResource(DOC)));
            assertEquals(BundledProject.instances(graphs, KG.Claim), count(m, ds, KG.Claim), "claims");
        }
    }

    /** The entities of one class partition of the dataset. */
    static long count(Model m, Resource ds, Resource cls) {
        return m.listObjectsOfProperty(ds, VOID.classPartition).toList().stream().map(n -> n.asResource())
                .filter(part -> part.hasProperty(VOID._class, cls)).findFirst()
                .map(part -> part.getRequiredProperty(VOID.entities).getLong()).orElse(-1L);
    }
}
