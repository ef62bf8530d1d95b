package org.chinaaikg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SPARQL endpoint: every result format, the union default graph, and what it must refuse. */
class SparqlEndpointTest {
    static final String PREFIXES = "PREFIX kg: <https://w3id.org/china-ai-kg/ontology#>\n"
            + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n";
    static final String ERNIE = "<https://w3id.org/china-ai-kg/id/model/ernie>";

    @RegisterExtension
    static final ServerExtension server = ServerExtension.onFixtures("--timeout", "1");

    static String form(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void pingAnswers() throws Exception {
        assertEquals(200, server.get("/$/ping", null).statusCode());
    }

    @Test
    void responsesUseABufferThatJettysPoolReuses() {
        // A buffer bigger than the pool keeps is allocated and zeroed anew for every response (20 ms a ping here).
        for (Connector connector : server.server().server.getJettyServer().getConnectors()) {
            int buffer = connector.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration().getOutputBufferSize();
            ArrayByteBufferPool pool = (ArrayByteBufferPool) connector.getByteBufferPool();
            assertTrue(buffer <= pool.getMaxCapacity(), buffer + " bytes, the pool keeps up to " + pool.getMaxCapacity());
        }
    }

    @Test
    void defaultGraphIsTheUnionOfEveryFile() throws Exception {
        HttpResponse<String> r = server.sparql(PREFIXES + "SELECT (COUNT(?c) AS ?companies) (COUNT(?m) AS ?models) "
                + "WHERE { { ?c a kg:Company } UNION { ?m a kg:AIModel } UNION { kg:Company a ?t } }");
        assertEquals(List.of("companies,models", "3,4"), r.body().lines().toList());
    }

    @Test
    void graphVariableTellsWhichFileATripleComesFrom() throws Exception {
        HttpResponse<String> r = server.sparql(PREFIXES + "SELECT ?g WHERE { GRAPH ?g { " + ERNIE + " kg:developedBy ?c } }");
        assertEquals(List.of("g", "https://w3id.org/china-ai-kg/graph/statements/000-models"), r.body().lines().toList());
        HttpResponse<String> graphs = server.sparql("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g");
        assertEquals(List.of("g", "https://w3id.org/china-ai-kg/graph/entities/companies",
                "https://w3id.org/china-ai-kg/graph/ontology", "https://w3id.org/china-ai-kg/graph/shapes",
                "https://w3id.org/china-ai-kg/graph/statements/000-models"), graphs.body().lines().toList());
    }

    @Test
    void selectAnswersInEveryResultFormatOverGetAndPost() throws Exception {
        String q = PREFIXES + "SELECT ?label WHERE { " + ERNIE + " rdfs:label ?label }";
        for (String accept : List.of("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                "text/tab-separated-values")) {
            HttpResponse<String> get = server.get("/kg/sparql?" + form("query", q), accept);
            assertEquals(200, get.statusCode(), accept);
            assertTrue(get.headers().firstValue("Content-Type").orElse("").startsWith(accept), accept);
            assertTrue(get.body().contains("ERNIE"), accept);
        }
        HttpResponse<String> direct = server.send("POST", "/kg/sparql", "application/sparql-query", q);
        assertEquals(200, direct.statusCode());
        assertTrue(direct.body().contains("ERNIE"));
        HttpResponse<String> viaForm = server.send("POST", "/kg/sparql", "application/x-www-form-urlencoded", form("query", q));
        assertEquals(200, viaForm.statusCode());
        assertTrue(viaForm.body().contains("ERNIE"));
    }

    @Test
    void constructAnswersInEveryRdfSyntaxByAccept() throws Exception {
        String q = "CONSTRUCT { ?s ?p ?o } WHERE { BIND(" + ERNIE + " AS ?s) ?s ?p ?o }";
        for (Object[] c : new Object[][] {{"text/turtle", Lang.TURTLE}, {"application/ld+json", Lang.JSONLD},
                {"application/rdf+xml", Lang.RDFXML}, {"application/n-triples", Lang.NTRIPLES}}) {
            HttpResponse<String> r = server.get("/kg/sparql?" + form("query", q), (String) c[0]);
            assertEquals(200, r.statusCode(), (String) c[0]);
            Model m = ModelFactory.createDefaultModel();
            RDFParser.fromString(r.body(), (Lang) c[1]).parse(m);
            assertEquals(4, m.size(), (String) c[0]);
        }
    }

    @Test
    void graphStoreProtocolReadsANamedGraph() throws Exception {
        HttpResponse<String> r = server.get("/kg/get?" + form("graph", "https://w3id.org/china-ai-kg/graph/entities/companies"),
                "text/turtle");
        assertEquals(200, r.statusCode());
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(r.body(), Lang.TURTLE).parse(m);
        assertEquals(6, m.size());
    }

    @Test
    void updatesAreRefusedEverywhereAndTheDataStaysTheSame() throws Exception {
        String update = "INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> <urn:c> } } ; CLEAR ALL";
        String turtle = "<urn:a> <urn:b> <urn:c> .";
        String before = server.sparql("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").body();
        List<HttpResponse<String>> attempts = List.of(
                server.send("POST", "/kg/sparql", "application/sparql-update", update),
                server.send("POST", "/kg/sparql", "application/x-www-form-urlencoded", form("update", update)),
                server.send("POST", "/kg/update", "application/sparql-update", update),
                server.send("POST", "/kg/update", "application/x-www-form-urlencoded", form("update", update)),
                server.send("POST", "/kg", "application/sparql-update", update),
                server.send("POST", "/kg", "application/x-www-form-urlencoded", form("update", update)),
                server.send("POST", "/kg/query", "application/sparql-update", update),
                server.send("PUT", "/kg/get?default", "text/turtle", turtle),
                server.send("POST", "/kg/get?default", "text/turtle", turtle),
                server.send("DELETE", "/kg/get?default", "text/turtle", ""),
                server.send("PUT", "/kg?default", "text/turtle", turtle),
                server.send("POST", "/kg?default", "text/turtle", turtle),
                server.send("POST", "/kg/data?default", "text/turtle", turtle),
                server.send("POST", "/kg/upload", "text/turtle", turtle),
                server.send("POST", "/kg/shacl?graph=default", "text/turtle", turtle),
                server.send("POST", "/$/datasets", "application/x-www-form-urlencoded", "dbName=x&dbType=mem"),
                server.send("POST", "/$/compact/kg", "text/plain", ""));
        for (HttpResponse<String> r : attempts) {
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, r.request().method() + " " + r.uri() + " gave " + r.statusCode());
        }
        assertEquals(before, server.sparql("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").body());
    }

    @Test
    void serviceAndFromNeverConnectToAnotherHost() throws Exception {
        try (ServerSocket trap = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger connections = new AtomicInteger();
            Thread listener = new Thread(() -> {
                try {
                    trap.setSoTimeout(200);
                    while (!trap.isClosed()) {
                        try (Socket s = trap.accept()) {
                            connections.incrementAndGet();
                        } catch (SocketTimeoutException e) {
                            // keep listening
                        }
                    }
                } catch (IOException e) {
                    // closed
                }
            });
            listener.start();
            String url = "http://127.0.0.1:" + trap.getLocalPort() + "/sparql";
            HttpResponse<String> service = server.sparql("SELECT * WHERE { SERVICE <" + url + "> { ?s ?p ?o } }");
            HttpResponse<String> silent = server.sparql("SELECT * WHERE { SERVICE SILENT <" + url + "> { ?s ?p ?o } }");
            HttpResponse<String> from = server.sparql("SELECT * FROM <" + url + "> WHERE { ?s ?p ?o }");
            HttpResponse<String> fromNamed = server.sparql("SELECT * FROM NAMED <" + url + "> WHERE { GRAPH ?g { ?s ?p ?o } }");
            Thread.sleep(300);
            trap.close();
            listener.join();
            assertEquals(0, connections.get(), "connections to the trap");
            assertEquals(422, service.statusCode(), service.body());
            assertEquals(List.of("s,p,o", ",,"), silent.body().lines().toList(), "SERVICE SILENT gives one empty row");
            assertEquals(List.of("s,p,o"), from.body().lines().toList(), "FROM names a graph the store does not have");
            assertEquals(List.of("s,p,o,g"), fromNamed.body().lines().toList());
        }
    }

    @Test
    void queryTimeoutStopsACrossProduct() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r = server.sparql("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o . ?p ?q ?r }");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(503, r.statusCode(), r.body());
        assertTrue(seconds < 5, "the 1 s timeout took " + seconds + " s");
    }
}
