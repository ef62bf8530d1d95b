package org.chinaaikg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A client re-fetching what comes from the store alone gets 304: every GET of the home page, {@code /id/…},
 * {@code /ontology}, {@code /queries/…}, {@code /kg/get} and VoID carries an ETag and a Last-Modified, and
 * If-None-Match / If-Modified-Since with them is answered 304 without a body. And the linked-data niceties:
 * Content-Location of the variant sent, Link rel=alternate to the others, foaf:primaryTopic from the document.
 */
class ConditionalRequestsTest {
    @RegisterExtension
    static final ServerExtension server = ServerExtension.onFixtures();

    static final String COMPANIES = "https://w3id.org/china-ai-kg/graph/entities/companies";
    static final String BAIDU = "https://w3id.org/china-ai-kg/id/org/baidu";

    static final List<String[]> PAGES = List.of(
            new String[] {"/", "text/html"},
            new String[] {"/id/org/baidu", "text/turtle"},
            new String[] {"/id/org/baidu", "text/html"},
            new String[] {"/id/org/baidu.nq", null},
            new String[] {"/ontology", "text/turtle"},
            new String[] {"/ontology", "text/html"},
            new String[] {"/ontology.jsonld", null},
            new String[] {"/queries", null},
            new String[] {"/queries/models-per-company", "text/csv"},
            new String[] {"/queries/models-per-company.json", null},
            new String[] {"/kg/get?default", "text/turtle"},
            new String[] {"/kg/get?graph=" + COMPANIES, "application/n-triples"},
            new String[] {"/.well-known/void", "text/turtle"},
            new String[] {"/id/org/", "text/html"},
            new String[] {"/search?q=baidu", "text/html"},
            new String[] {"/search?q=baidu", "application/json"},
            new String[] {"/search/suggest?q=ba", null},
            new String[] {"/reconcile", null},
            new String[] {"/reconcile/preview?id=org/baidu", null},
            new String[] {"/reconcile/suggest/entity?prefix=ba", null},
            new String[] {"/kg", "application/trig"});

    static HttpResponse<String> get(String path, String accept, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path)).GET();
        if (accept != null) b.header("Accept", accept);
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return TestServer.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyStoreAnswerRevalidatesTo304() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String[] page : PAGES) {
            String what = page[0] + " (" + page[1] + ")";
            HttpResponse<String> first = get(page[0], page[1]);
            if (first.statusCode() != 200) { failures.add(what + ": " + first.statusCode()); continue; }
            String etag = first.headers().firstValue("ETag").orElse(null);
            String lastModified = first.headers().firstValue("Last-Modified").orElse(null);
            if (etag == null || lastModified == null) { failures.add(what + ": ETag " + etag + ", Last-Modified " + lastModified); continue; }
            HttpResponse<String> again = get(page[0], page[1], "If-None-Match", etag);
            if (again.statusCode() != 304 || !again.body().isEmpty()) failures.add(what + ": If-None-Match gave " + again.statusCode());
            if (!etag.equals(again.headers().firstValue("ETag").orElse(null))) failures.add(what + ": 304 without the same ETag");
            HttpResponse<String> since = get(page[0], page[1], "If-Modified-Since", lastModified);
            if (since.statusCode() != 304) failures.add(what + ": If-Modified-Since gave " + since.statusCode());
            HttpResponse<String> list = get(page[0], page[1], "If-None-Match", "\"other\", " + etag);
            if (list.statusCode() != 304) failures.add(what + ": a list of tags holding it gave " + list.statusCode());
            HttpResponse<String> stale = get(page[0], page[1], "If-None-Match", "W/\"not-this-one\"");
            // (the same content, not always the same bytes: blank node labels differ, hence a weak tag)
            if (stale.statusCode() != 200 || stale.body().length() == 0) failures.add(what + ": another tag gave " + stale.statusCode());
            HttpResponse<String> old = get(page[0], page[1], "If-Modified-Since", "Thu, 01 Jan 1970 00:00:00 GMT");
            if (old.statusCode() != 200) failures.add(what + ": an old date gave " + old.statusCode());
            HttpResponse<String> head = TestServer.HTTP.send(HttpRequest.newBuilder(URI.create(server.base() + page[0]))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).headers(page[1] == null ? new String[] {"X-No", "1"}
                            : new String[] {"Accept", page[1]}).build(), HttpResponse.BodyHandlers.ofString());
            if (!etag.equals(head.headers().firstValue("ETag").orElse(null))) failures.add(what + ": HEAD has another ETag");
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void eachRepresentationHasItsOwnTag() throws Exception {
        String turtle = get("/id/org/baidu", "text/turtle").headers().firstValue("ETag").orElseThrow();
        String html = get("/id/org/baidu", "text/html").headers().firstValue("ETag").orElseThrow();
        assertNotEquals(turtle, html);
        assertEquals(200, get("/id/org/baidu", "text/html", "If-None-Match", turtle).statusCode(), "the Turtle's tag is not the page's");
        String tag = get("/", "text/html").headers().firstValue("ETag").orElseThrow();
        assertTrue(tag.startsWith("W/\""), "weak: the same content, not always the same bytes (blank node labels)");
        assertEquals(tag, get("/", "text/html").headers().firstValue("ETag").orElseThrow(), "stable");
    }

    @Test
    void queriesAndErrorsCarryNoValidator() throws Exception {
        assertTrue(get("/kg/sparql?query=ASK%7B%7D", "application/sparql-results+json").headers().firstValue("ETag").isEmpty());
        HttpResponse<String> missing = get("/id/org/no-such-thing", "text/turtle");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.headers().firstValue("ETag").isEmpty());
    }

    @Test
    void variantsAreNamed() throws Exception {
        HttpResponse<String> r = get("/id/org/baidu", "text/turtle");
        assertEquals("/id/org/baidu.ttl", r.headers().firstValue("Content-Location").orElse(null));
        String link = String.join(", ", r.headers().allValues("Link"));
        for (String alt : List.of("</id/org/baidu.jsonld>; rel=\"alternate\"; type=\"application/ld+json\"",
                "</id/org/baidu.rdf>; rel=\"alternate\"; type=\"application/rdf+xml\"",
                "</id/org/baidu.nq>; rel=\"alternate\"; type=\"application/n-quads\"",
                "</id/org/baidu.html>; rel=\"alternate\"; type=\"text/html\"")) {
            assertTrue(link.contains(alt), "Link lacks " + alt + ": " + link);
        }
        assertTrue(!link.contains("baidu.ttl>"), "the variant sent is not an alternate of itself");
        assertEquals("/id/org/baidu.html", get("/id/org/baidu", "text/html").headers().firstValue("Content-Location").orElse(null));
        assertEquals("/ontology.rdf", get("/ontology", "application/rdf+xml").headers().firstValue("Content-Location").orElse(null));
        assertEquals("/id/org/baidu.jsonld", get("/id/org/baidu.jsonld", null).headers().firstValue("Content-Location").orElse(null));
    }

    @Test
    void theOntologyPageLinksToItsRdf() throws Exception {
        String html = get("/ontology", "text/html").body();
        assertTrue(html.contains("<link rel=\"alternate\" type=\"text/turtle\" href=\"/ontology.ttl\">"), "no alternate link");
        assertTrue(get("/ontology", "text/html").headers().allValues("Link").toString().contains("</ontology.ttl>; rel=\"alternate\""));
    }

    @Test
    void theDocumentHasTheThingAsItsPrimaryTopic() throws Exception {
        for (String path : List.of("/id/org/baidu", "/id/org/baidu.ttl")) {
            Model m = ModelFactory.createDefaultModel();
            RDFParser.fromString(get(path, "text/turtle").body()).lang(Lang.TURTLE).parse(m);
            assertTrue(m.contains(m.createResource(server.base() + path), FOAF.primaryTopic, m.createResource(BAIDU)),
                    path + ": no foaf:primaryTopic from the document");
        }
        Model o = ModelFactory.createDefaultModel();
        RDFParser.fromString(get("/ontology.ttl", null).body()).lang(Lang.TURTLE).parse(o);
        assertTrue(o.contains(o.createResource(server.base() + "/ontology.ttl"), FOAF.primaryTopic,
                o.createResource(org.chinaaikg.vocab.Iris.ONTOLOGY)));
    }
}
