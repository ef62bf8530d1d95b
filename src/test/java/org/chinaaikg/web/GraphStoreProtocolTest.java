package org.chinaaikg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Graph Store Protocol's reads agree with SPARQL: {@code ?default} is the union that a query's default graph is,
 * HEAD sends the length of what GET sends, a relative {@code ?graph=} is a bad request, and writes are 405 with Allow.
 */
class GraphStoreProtocolTest {
    @RegisterExtension
    static final ServerExtension server = ServerExtension.onFixtures();

    static final String COMPANIES = "https://w3id.org/china-ai-kg/graph/entities/companies";

    static Model turtle(String body) {
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(body, Lang.TURTLE).parse(m);
        return m;
    }

    @Test
    void theDefaultGraphIsTheUnionAsInSparql() throws Exception {
        for (String path : List.of("/kg/get?default", "/kg?default")) {
            HttpResponse<String> r = server.get(path, "text/turtle");
            assertEquals(200, r.statusCode(), path);
            Model dflt = turtle(r.body());
            HttpResponse<String> construct = server.get("/kg/sparql?query="
                    + URLEncoder.encode("CONSTRUCT WHERE { ?s ?p ?o }", StandardCharsets.UTF_8), "text/turtle");
            Model sparql = turtle(construct.body());
            assertTrue(sparql.size() > 0);
            assertEquals(sparql.size(), dflt.size(), path + ": triples of the default graph");
            assertTrue(dflt.isIsomorphicWith(sparql), path + ": not SPARQL's default graph");
        }
        HttpResponse<String> count = server.sparql("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");
        long n = Long.parseLong(count.body().lines().skip(1).findFirst().orElseThrow().trim());
        assertEquals(n, turtle(server.get("/kg/get?default", null).body()).size());
    }

    @Test
    void headSendsTheLengthGetSends() throws Exception {
        for (String path : List.of("/kg/get?default", "/kg/get?graph=" + COMPANIES, "/kg?graph=" + COMPANIES,
                "/kg/sparql?query=" + URLEncoder.encode("SELECT * WHERE { ?s ?p ?o }", StandardCharsets.UTF_8))) {
            HttpResponse<byte[]> get = TestServer.HTTP.send(HttpRequest.newBuilder(URI.create(server.base() + path))
                    .header("Accept", "text/turtle").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            HttpResponse<byte[]> head = TestServer.HTTP.send(HttpRequest.newBuilder(URI.create(server.base() + path))
                    .header("Accept", "text/turtle").method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, get.statusCode(), path);
            assertEquals(200, head.statusCode(), "HEAD " + path);
            assertTrue(get.body().length > 0, path);
            assertEquals(0, head.body().length, "HEAD " + path + " sent a body");
            head.headers().firstValue("Content-Length").ifPresent(len ->
                    assertEquals(String.valueOf(get.body().length), len, "HEAD " + path + ": Content-Length"));
            assertEquals(get.headers().firstValue("Content-Type"), head.headers().firstValue("Content-Type"), "HEAD " + path);
        }
    }

    @Test
    void aRelativeGraphNameIsABadRequestAndAnUnknownOneIsNotFound() throws Exception {
        for (String relative : List.of("entities/companies", "companies", "../x", "#g")) {
            HttpResponse<String> r = server.get("/kg/get?graph=" + URLEncoder.encode(relative, StandardCharsets.UTF_8), "text/turtle");
            assertEquals(400, r.statusCode(), "?graph=" + relative);
        }
        assertEquals(404, server.get("/kg/get?graph=https://w3id.org/china-ai-kg/graph/no-such-graph", "text/turtle").statusCode());
        assertEquals(200, server.get("/kg/get?graph=" + COMPANIES, "text/turtle").statusCode());
        assertEquals(400, server.get("/kg/get?default&graph=" + COMPANIES, "text/turtle").statusCode());
    }

    @Test
    void writesGet405WithAllow() throws Exception {
        String turtle = "<urn:a> <urn:b> <urn:c> .";
        for (String method : List.of("PATCH", "PUT", "POST", "DELETE")) {
            for (String path : List.of("/kg/get?default", "/kg/get?graph=" + COMPANIES, "/kg/get")) {
                HttpResponse<String> r = server.send(method, path, "text/turtle", turtle);
                assertEquals(405, r.statusCode(), method + " " + path);
                assertEquals("GET, HEAD, OPTIONS", r.headers().firstValue("Allow").orElse(null), method + " " + path);
            }
        }
        for (String method : List.of("PATCH", "PUT", "DELETE")) {
            for (String path : List.of("/kg", "/kg?default", "/kg/sparql")) {
                HttpResponse<String> r = server.send(method, path, "application/rdf-patch", "A <urn:a> <urn:b> <urn:c> .");
                assertEquals(405, r.statusCode(), method + " " + path);
                assertEquals("GET, HEAD, POST, OPTIONS", r.headers().firstValue("Allow").orElse(null), method + " " + path);
            }
        }
    }

    @Test
    void otherSyntaxesOfTheDefaultGraph() throws Exception {
        HttpResponse<String> nt = server.get("/kg/get?default", "application/n-triples");
        assertEquals(200, nt.statusCode());
        assertTrue(nt.headers().firstValue("Content-Type").orElse("").startsWith("application/n-triples"));
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(nt.body(), Lang.NTRIPLES).parse(m);
        assertEquals(turtle(server.get("/kg/get?default", "text/turtle").body()).size(), m.size());
    }
}
