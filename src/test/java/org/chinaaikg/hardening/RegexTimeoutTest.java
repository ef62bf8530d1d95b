package org.chinaaikg.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.chinaaikg.web.ServerExtension;
import org.chinaaikg.web.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A regular expression with catastrophic backtracking stops at the timeout, in REGEX and in REPLACE. */
class RegexTimeoutTest {
    static final String TEXT = "a".repeat(50) + "b";

    @RegisterExtension
    static final ServerExtension server = ServerExtension.onFixtures("--timeout", "1");

    static HttpResponse<String> query(String q) throws Exception {
        return TestServer.HTTP.send(HttpRequest.newBuilder(URI.create(server.base() + "/kg/sparql?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                .header("Accept", "text/csv").timeout(Duration.ofSeconds(6)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void catastrophicBacktrackingStopsAtTheTimeout() throws Exception {
        for (String q : List.of(
                "SELECT ?x WHERE { BIND(\"" + TEXT + "\" AS ?x) FILTER(REGEX(?x, \"^(.*a){10}$\")) }",
                "SELECT ?y WHERE { BIND(REPLACE(\"" + TEXT + "\", \"^(.*a){10}$\", \"z\") AS ?y) }")) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = query(q);
            double s = RunawayQueryTest.seconds(t0);
            assertEquals(503, r.statusCode(), q + " -> " + r.body());
            assertTrue(s < 3.5, q + " took " + s + " s with a 1 s timeout");
        }
    }

    @Test
    void ordinaryRegexAndReplaceStillWork() throws Exception {
        HttpResponse<String> r = query("SELECT ?y WHERE { BIND(\"Baidu ERNIE\" AS ?x) FILTER(REGEX(?x, \"^bai\", \"i\")) "
                + "BIND(REPLACE(?x, \"E(R)\", \"e$1\") AS ?y) }");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(List.of("y", "Baidu eRNIE"), r.body().lines().toList());
    }
}
