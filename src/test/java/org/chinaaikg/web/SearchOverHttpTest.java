package org.chinaaikg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /search, /search/suggest and text:query over HTTP, on the fixture project with a few more names. */
class SearchOverHttpTest {
    static final String ORG = "https://w3id.org/china-ai-kg/id/org/";
    static final String TEXT = "PREFIX text: <http://jena.apache.org/text#>\n";

    @RegisterExtension
    static final ServerExtension server = ServerExtension.onFixtures("--timeout", "5").preparing(project -> {
        try {
            Files.writeString(project.data().resolve("entities").resolve("names.ttl"),
                    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
                            + "<" + ORG + "baidu> rdfs:label \"百度\"@zh-Hans ; skos:altLabel \"Bai-du Inc\"@en .\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    });

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static JsonObject json(String path) throws Exception {
        HttpResponse<String> r = server.get(path, "application/json");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
        return JSON.parse(r.body());
    }

    @Test
    void searchAnswersJsonInTheDocumentedShape() throws Exception {
        JsonObject o = json("/search?q=" + enc("Bidu"));
        assertEquals(Set.of("query", "results"), o.keys());
        assertEquals("Bidu", o.getString("query"));
        JsonArray results = o.get("results").getAsArray();
        assertFalse(results.isEmpty());
        JsonObject first = results.get(0).getAsObject();
        assertEquals(Set.of("iri", "kind", "label", "matched", "snippet", "score", "page"), first.keys());
        assertEquals(ORG + "baidu", first.getString("iri"));
        assertEquals("org", first.getString("kind"));
        assertEquals("Baidu", first.getString("label"));
        assertEquals("/id/org/baidu", first.getString("page"));
        double score = first.get("score").getAsNumber().value().doubleValue();
        assertTrue(score > 0 && score < 100, "a typo is not an exact match: " + score);
    }

    @Test
    void exactFirstAndChineseByAnyTag() throws Exception {
        JsonObject first = json("/search?q=" + enc("百度")).get("results").getAsArray().get(0).getAsObject();
        assertEquals(ORG + "baidu", first.getString("iri"));
        assertEquals("百度", first.getString("matched"));
        assertEquals(100, first.get("score").getAsNumber().value().intValue());
        // An alternative spelling, with spaces and hyphens as they come.
        JsonObject alt = json("/search?q=" + enc("bai du inc")).get("results").getAsArray().get(0).getAsObject();
        assertEquals("Bai-du Inc", alt.getString("matched"));
    }

    @Test
    void kindAndLimitRestrictAndBadOnesAre400() throws Exception {
        JsonArray r = json("/search?q=a&kind=model&limit=2").get("results").getAsArray();
        assertTrue(r.size() <= 2);
        for (JsonValue v : r) assertEquals("model", v.getAsObject().getString("kind"));
        assertEquals(400, server.get("/search?q=x&limit=0", "application/json").statusCode());
        assertEquals(400, server.get("/search?q=x&limit=many", "application/json").statusCode());
        assertEquals(400, server.get("/search?q=x&kind=" + enc("<script>"), "application/json").statusCode());
        assertEquals(0, json("/search?q=").get("results").getAsArray().size());
    }

    @Test
    void suggestGivesFewSmallAnswers() throws Exception {
        HttpResponse<String> r = server.get("/search/suggest?q=" + enc("Zhip"), null);
        assertEquals(200, r.statusCode());
        JsonObject o = JSON.parse(r.body());
        JsonObject first = o.get("results").getAsArray().get(0).getAsObject();
        assertEquals(ORG + "zhipu", first.getString("iri"));
        assertEquals(Set.of("iri", "kind", "label", "matched", "page"), first.keys());
        assertTrue(r.body().length() < 2000, r.body());
        assertTrue(o.get("results").getAsArray().size() <= 8);
    }

    @Test
    void searchPageForBrowsersListsHitsWithLinks() throws Exception {
        HttpResponse<String> r = server.get("/search?q=" + enc("Alibab"), "text/html");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("<a href=\"/id/org/alibaba\">Alibaba</a>"), r.body());
        // The text searched for is escaped where it is shown.
        HttpResponse<String> hostile = server.get("/search?q=" + enc("<b>x</b>"), "text/html");
        assertFalse(hostile.body().contains("<b>x</b>"), hostile.body());
    }

    @Test
    void textQueryWorksOnTheEndpoint() throws Exception {
        HttpResponse<String> r = server.sparql(TEXT + "SELECT ?s ?score ?m WHERE { (?s ?score ?m) text:query (\"zhipu ai\" 5) }");
        assertEquals(200, r.statusCode(), r.body());
        // CSV: s,score,m; the first row is the exact name.
        String[] first = r.body().split("\r?\n")[1].split(",");
        assertEquals(ORG + "zhipu", first[0]);
        assertEquals(100.0, Double.parseDouble(first[1]));
        assertEquals("Zhipu AI", first[2]);
        // Restricted to a property: the Chinese label only.
        HttpResponse<String> zh = server.sparql(TEXT + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                + "SELECT ?s WHERE { ?s text:query (rdfs:label \"百度\") }");
        assertTrue(zh.body().contains(ORG + "baidu"), zh.body());
    }

    @Test
    void malformedTextQueryIs400() throws Exception {
        for (String bad : List.of("?s text:query 42", "?s text:query \"\"", "?s text:query (\"x\" -1)", "?s text:query (\"x\" 10 11)",
                "?s text:query (<urn:not-indexed> \"x\")", "BIND(1 AS ?q) ?s text:query ?q", "(?s <urn:x>) text:query \"x\"")) {
            HttpResponse<String> r = server.sparql(TEXT + "SELECT * WHERE { " + bad + " }");
            assertEquals(400, r.statusCode(), bad + ": " + r.body());
            assertTrue(r.body().contains("text:query"), r.body());
        }
    }

    @Test
    void everyPageHasTheSearchBoxInItsHeader() throws Exception {
        Set<String> without = new TreeSet<>();
        for (String path : List.of("/", "/id/org/baidu", "/ontology", "/queries/models-of-company", "/search", "/search?q=baidu")) {
            HttpResponse<String> r = server.get(path, "text/html");
            assertEquals(200, r.statusCode(), path);
            String header = r.body().substring(r.body().indexOf("<header"), r.body().indexOf("</header>"));
            boolean ok = header.contains("<form class=\"site-search typeahead-box\" method=\"get\" action=\"/search\"")
                    && header.contains("name=\"q\"") && header.contains("data-typeahead=\"go\"")
                    && r.body().contains("<script src=\"/static/search.js\" defer></script>");
            if (!ok) without.add(path);
        }
        assertEquals(Set.of(), without, "pages without the search box");
        assertEquals(200, server.get("/static/search.js", null).statusCode());
    }

    @Test
    void anEntityParameterFieldOffersNames() throws Exception {
        String page = server.get("/queries/models-of-company", "text/html").body();
        assertTrue(page.matches("(?s).*<input id=\"p-company\" name=\"company\"[^>]*data-typeahead=\"iri\" data-kind=\"org\">.*"), page);
        // Not on a parameter that takes a number.
        assertFalse(page.matches("(?s).*<input id=\"p-since\"[^>]*data-typeahead.*"), page);
        // The API keeps taking IRIs, not names.
        assertEquals(400, server.get("/queries/models-of-company.json?company=Baidu", null).statusCode());
    }
}
