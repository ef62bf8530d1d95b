package org.chinaaikg.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.apache.jena.atlas.json.JSON;
import org.chinaaikg.web.ServerExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A client can tell from the status that an answer is incomplete: a query that times out after its first row is a
 * 503, not a 200 with a truncated body; an answer past the memory part is held on disk and sent whole; one over
 * {@code --max-answer-mb} is a 422 naming the limit.
 */
@Tag("slow")
class CompleteAnswersTest {
    /** A first row at once, then a cross product that runs into the timeout. */
    static final String FIRST_ROW_THEN_TIMEOUT = "SELECT * WHERE { { BIND(1 AS ?x) } UNION { SELECT (COUNT(*) AS ?n) WHERE { "
            + "?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o } } }";

    @RegisterExtension
    static final ServerExtension server = ServerExtension.onFixtures("--timeout", "3");

    /** A server whose timeout cannot come first: on a busy machine 40 MB took longer than 3 s to compute. */
    @RegisterExtension
    static final ServerExtension patient = ServerExtension.onFixtures("--timeout", "60", "--max-answer-mb", "32");

    /** The default limit (1024 MB): the same 40 MB answer is held (8 MB in memory, the rest on disk) and sent whole. */
    @RegisterExtension
    static final ServerExtension roomy = ServerExtension.onFixtures("--timeout", "60");

    /** Each row carries a 1 MB string: 40 rows are over 32 MB, quickly. */
    static final String FORTY_MB = "SELECT ?s WHERE { VALUES ?i { 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 } "
            + "BIND(REPLACE(\"" + "x".repeat(1000) + "\", \"x\", \"" + "y".repeat(1000) + "\") AS ?s) }";

    static HttpResponse<String> query(String query, String accept) throws Exception {
        return server.get("/kg/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8), accept);
    }

    @Test
    void aTimeoutAfterTheFirstRowIs503NotATruncated200() throws Exception {
        for (String accept : new String[] {"application/sparql-results+json", "text/csv", "application/sparql-results+xml"}) {
            HttpResponse<String> r = query(FIRST_ROW_THEN_TIMEOUT, accept);
            assertEquals(503, r.statusCode(), accept + ": " + r.body());
            assertTrue(r.body().contains("timed out"), r.body());
            assertTrue(!r.body().contains("Incomplete"), r.body());
        }
    }

    @Test
    void anAnswerLargerThanTheBufferIs422NamingTheLimit() throws Exception {
        HttpResponse<String> r = patient.get("/kg/sparql?query=" + URLEncoder.encode(FORTY_MB, StandardCharsets.UTF_8),
                "application/sparql-results+json");
        assertEquals(422, r.statusCode(), r.body().length() > 300 ? r.body().substring(0, 300) : r.body());
        assertTrue(r.body().contains("32 MB"), r.body());
    }

    @Test
    void anAnswerPastTheMemoryPartIsSentWholeFromDisk() throws Exception {
        HttpResponse<String> r = roomy.get("/kg/sparql?query=" + URLEncoder.encode(FORTY_MB, StandardCharsets.UTF_8),
                "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body().length() > 300 ? r.body().substring(0, 300) : r.body());
        assertEquals(String.valueOf(r.body().getBytes(StandardCharsets.UTF_8).length), r.headers().firstValue("Content-Length").orElse(""));
        assertEquals(40, JSON.parse(r.body()).get("results").getAsObject().get("bindings").getAsArray().size(), "every row, in JSON that parses");
        assertTrue(r.body().length() > 40_000_000, "over 40 MB: " + r.body().length());
    }

    @Test
    void aNormalAnswerIsWholeWithItsLength() throws Exception {
        HttpResponse<String> r = query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }", "application/sparql-results+json");
        assertEquals(200, r.statusCode());
        JSON.parse(r.body());
        assertEquals(String.valueOf(r.body().getBytes(StandardCharsets.UTF_8).length), r.headers().firstValue("Content-Length").orElse(""));
    }
}
