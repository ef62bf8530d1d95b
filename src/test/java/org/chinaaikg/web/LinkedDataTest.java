package org.chinaaikg.web;

import org.chinaaikg.describe.DatasetDescriptions;
import org.chinaaikg.query.SavedQueries;
import org.chinaaikg.store.Derived;
import org.chinaaikg.vocab.Iris;
import org.chinaaikg.web.html.SavedQueryCard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Linked-data consumers dereference our IRIs over real HTTP, from a real TDB2 store behind Fuseki. */
class LinkedDataTest {
    static final String BAIDU = "https://w3id.org/china-ai-kg/id/org/baidu";

    @TempDir
    static Path storeDir;
    static FusekiServer server;
    static String base;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Dataset dataset = TDB2Factory.connectDataset(storeDir.resolve("store").toString());
        Txn.executeWrite(dataset, () -> {
            RDFDataMgr.read(dataset.getNamedModel(Iris.GRAPH + "ontology"), "ontology/china-ai-kg.ttl");
            RDFDataMgr.read(dataset.getNamedModel(Iris.GRAPH + "statements/000-test"), "src/test/resources/linkeddata/statements.ttl");
            RDFDataMgr.read(dataset.getNamedModel(Iris.GRAPH + "entities/test"), "src/test/resources/linkeddata/entities.ttl");
        });
        Path queries = Files.createDirectories(storeDir.resolve("queries"));
        Files.writeString(queries.resolve("models.rq"), "#+ summary: AI models\n#+ description: Every model.\n"
                + "SELECT ?m WHERE { ?m a <https://w3id.org/china-ai-kg/ontology#LargeLanguageModel> }\n");
        server = KgServer.build(KgServer.builder(dataset, Txn.calculateRead(dataset, () -> Derived.compute(dataset.asDatasetGraph())), SavedQueries.load(queries, problem -> {}), Duration.ofSeconds(10)).port(0)).start();
        base = "http://localhost:" + server.getHttpPort();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
    }

    static HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (accept != null) req.header("Accept", accept);
        return HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Model parse(String body, Lang lang) {
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(body).lang(lang).parse(m);
        return m;
    }

    @Test
    void instanceIriIsServedInEveryRdfSyntaxByAccept() throws Exception {
        for (Object[] c : new Object[][] {{"text/turtle", Lang.TURTLE}, {"application/ld+json", Lang.JSONLD},
                {"application/rdf+xml", Lang.RDFXML}, {"application/n-triples", Lang.NTRIPLES}}) {
            HttpResponse<String> r = get("/id/org/baidu", (String) c[0]);
            assertEquals(200, r.statusCode(), (String) c[0]);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith((String) c[0]));
            Model m = parse(r.body(), (Lang) c[1]);
            Resource baidu = m.getResource(BAIDU);
            assertTrue(m.contains(baidu, RDFS.label, m.createLiteral("Baidu", "en")), c[0] + " lacks the label");
        }
    }

    @Test
    void clientsAskingForLegacyOrWildcardTypesGetRdfNotHtml() throws Exception {
        // rdflib's own request for N-Triples
        HttpResponse<String> nt = get("/id/org/baidu", "text/plain, */*;q=0.1");
        assertTrue(nt.headers().firstValue("Content-Type").orElse("").startsWith("application/n-triples"), nt.headers().toString());
        assertTrue(parse(nt.body(), Lang.NTRIPLES).contains(null, RDFS.label, "Baidu", "en"));
        assertTrue(get("/id/org/baidu", "*/*;q=0.1").headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
        assertTrue(get("/id/org/baidu", "garbage/;;q=x").headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
    }

    @Test
    void suffixLinksPickTheSyntax() throws Exception {
        HttpResponse<String> r = get("/id/org/baidu.nt", "text/html");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/n-triples"));
    }

    @Test
    void descriptionCarriesLinkedLabelsIncomingLinksAndTheGraphOfEachFact() throws Exception {
        Model m = parse(get("/id/model/ernie-bot", "text/turtle").body(), Lang.TURTLE);
        // the label of what it links to
        assertTrue(m.contains(m.getResource(BAIDU), RDFS.label, m.createLiteral("Baidu", "en")));
        // the claim about it (incoming)
        assertTrue(m.contains(m.getResource("https://w3id.org/china-ai-kg/id/claim/000-ernie"), null, m.getResource("https://w3id.org/china-ai-kg/id/model/ernie-bot")));
        // the source graph of its own fact, as a reified statement
        String q = """
                PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
                ASK { ?st rdf:subject <https://w3id.org/china-ai-kg/id/model/ernie-bot> ;
                          rdf:predicate <https://w3id.org/china-ai-kg/ontology#developedBy> ;
                          <http://purl.org/dc/terms/source> <https://w3id.org/china-ai-kg/graph/statements/000-test> }""";
        try (var exec = org.apache.jena.query.QueryExecution.model(m).query(q).build()) {
            assertTrue(exec.execAsk(), "the fact's graph is not given");
        }
        // and in TriG the quads keep their graphs
        DatasetGraph quads = DatasetGraphFactory.createGeneral();
        RDFParser.fromString(get("/id/model/ernie-bot.trig", null).body()).lang(Lang.TRIG).parse(quads);
        assertTrue(quads.getGraph(org.apache.jena.graph.NodeFactory.createURI(Iris.GRAPH + "statements/000-test")).size() > 0);
    }

    @Test
    void claimDescriptionIncludesItsEvidence() throws Exception {
        Model m = parse(get("/id/claim/000-ernie", "text/turtle").body(), Lang.TURTLE);
        assertTrue(m.contains(m.getResource("https://w3id.org/china-ai-kg/id/claim/000-ernie#quote"),
                m.createProperty("http://www.w3.org/ns/oa#exact"), "Baidu with its ERNIE-Bot"));
    }

    @Test
    void browsersGetAnEncyclopediaPageWithClaimsAndQuotes() throws Exception {
        HttpResponse<String> r = get("/id/org/baidu", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String html = r.body();
        assertTrue(html.contains("<h1>Baidu <span lang=\"zh\">百度</span></h1>"), html);
        assertTrue(html.contains("Baidu Inc"), "alternative name missing");
        assertTrue(html.contains("Baidu with its ERNIE-Bot"), "quote of the claim about it missing");
        assertTrue(html.contains("href=\"/id/model/ernie-bot\""), "facts must link to their pages");
        assertTrue(html.contains("A source &lt;with&gt; markup"), "labels must be escaped");
        assertFalse(html.contains("<with>"));
    }

    @Test
    void unknownIriGives404() throws Exception {
        assertEquals(404, get("/id/org/no-such-company", "text/turtle").statusCode());
        assertEquals(404, get("/id/org/no-such-company", "text/html").statusCode());
    }

    @Test
    void ontologyIsServedAsDataAndAsDocumentation() throws Exception {
        Model m = parse(get("/ontology", "text/turtle").body(), Lang.TURTLE);
        assertTrue(m.contains(m.getResource(Iris.KG + "Claim"), RDFS.label));
        assertEquals(200, get("/ontology.rdf", null).statusCode());
        String html = get("/ontology", "text/html").body();
        assertTrue(html.contains("id=\"Claim\""), "kg:Claim is anchored at /ontology#Claim");
        assertTrue(html.contains("Web Annotation"), "definitions come from the ontology");
    }

    @Test
    void voidDescribesTheDatasetItsGraphsAndTheirSources() throws Exception {
        HttpResponse<String> r = get("/.well-known/void", null);
        assertEquals(200, r.statusCode());
        Model m = parse(r.body(), Lang.TURTLE);
        Resource ds = m.getResource(DatasetDescriptions.DATASET_IRI);
        assertTrue(ds.hasProperty(m.createProperty(DatasetDescriptions.VOID + "sparqlEndpoint"), m.createResource(base + "/kg/sparql")));
        assertTrue(ds.getProperty(m.createProperty(DatasetDescriptions.VOID + "triples")).getLong() > 100);
        assertTrue(m.contains(m.getResource(Iris.GRAPH + "statements/000-test"),
                m.createProperty(DatasetDescriptions.PROV + "wasDerivedFrom"), m.getResource("https://w3id.org/china-ai-kg/id/source/s")));
    }

    @Test
    void sparqlEndpointWithoutAQueryAnswersWithAServiceDescription() throws Exception {
        HttpResponse<String> r = get("/kg/sparql", "text/turtle");
        assertEquals(200, r.statusCode());
        Model m = parse(r.body(), Lang.TURTLE);
        assertTrue(m.contains(null, m.createProperty(DatasetDescriptions.SD + "endpoint"), m.createResource(base + "/kg/sparql")));
        // and with a query it is still the SPARQL endpoint
        HttpResponse<String> q = get("/kg/sparql?query=" + java.net.URLEncoder.encode("ASK {}", "UTF-8"), "application/sparql-results+json");
        assertEquals(200, q.statusCode());
        assertTrue(q.body().contains("\"boolean\""));
    }

    @Test
    void homePageShowsLiveCountsSavedQueriesAndTheEditorFromTheJar() throws Exception {
        HttpResponse<String> r = get("/", "text/html");
        assertEquals(200, r.statusCode());
        String html = r.body();
        assertTrue(html.contains("<th>AI models</th><td>1</td>"), "counts by type, subclasses included");
        assertTrue(html.contains("A source &lt;with&gt; markup</a></th><td>1 claims"), "claims by source");
        assertTrue(html.contains("href=\"/queries/models\""), "saved query link");
        assertTrue(html.contains("from SPARQLWrapper import SPARQLWrapper"), "Python snippet");
        String js = html.replaceAll("(?s).*<script src=\"([^\"]+yasgui.min.js)\".*", "$1");
        HttpResponse<String> editor = get(js, null);
        assertEquals(200, editor.statusCode(), js);
        assertTrue(editor.body().length() > 100_000, "the YASGUI bundle is served from the WebJar");
        assertEquals(404, get("/webjars/../pom.xml", null).statusCode());
    }

    @Test
    void corsAllowsPagesServedElsewhereToQueryAndDereference() throws Exception {
        for (String path : new String[] {"/kg/sparql?query=ASK%7B%7D", "/id/org/baidu", "/.well-known/void"}) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Origin", "http://notebook.example").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), path);
            assertEquals(List.of("*"), r.headers().allValues("Access-Control-Allow-Origin"), path);
        }
        HttpResponse<String> preflight = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/kg/sparql"))
                .header("Origin", "http://notebook.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, preflight.statusCode());
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
        assertEquals("content-type", preflight.headers().firstValue("Access-Control-Allow-Headers").orElse(""));
    }
}
