package org.chinaaikg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The answers load stores for the saved queries without parameter values are read from disk, not computed: with a
 * query timeout of one millisecond, which no live run of these queries meets, they still answer in full, as files
 * (304 on their validators, HEAD with the GET's length), and their pages show the stored rows.
 */
@Tag("slow")
class StoredAnswersTest {
    @RegisterExtension
    static final ServerExtension server = ServerExtension.onBundledData("--timeout", "0.001");

    static HttpResponse<String> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(server.base() + path)).method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) req.header(headers[i], headers[i + 1]);
        return TestServer.HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aStoredAnswerIsReadNotRunAndLiveItTimesOut() throws Exception {
        HttpResponse<String> stored = send("GET", "/queries/claims-of-source.csv");
        assertEquals(200, stored.statusCode(), stored.body());
        assertEquals("stored", stored.headers().firstValue("X-Cache").orElse("none"));
        // Every claim of every source: one line a row after the header.
        assertEquals(279, stored.body().lines().count(), "the header and the 278 claims");
        HttpResponse<String> live = send("GET", "/queries/claims-of-source.csv", "Cache-Control", "no-cache");
        assertEquals(503, live.statusCode(), "run live, the query does not finish in 1 ms: " + live.body());
    }

    @Test
    void aStoredAnswerHasValidatorsA304AndAHead() throws Exception {
        HttpResponse<String> get = send("GET", "/queries/count-by-type.json");
        assertEquals(200, get.statusCode());
        String etag = get.headers().firstValue("ETag").orElseThrow();
        assertTrue(get.headers().firstValue("Last-Modified").isPresent());
        assertEquals(String.valueOf(get.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length),
                get.headers().firstValue("Content-Length").orElse("none"));
        HttpResponse<String> again = send("GET", "/queries/count-by-type.json", "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        HttpResponse<String> head = send("HEAD", "/queries/count-by-type.json");
        assertEquals(200, head.statusCode());
        assertEquals(get.headers().firstValue("Content-Length"), head.headers().firstValue("Content-Length"));
        assertEquals(etag, head.headers().firstValue("ETag").orElse("none"));
        assertEquals("", head.body());
    }

    @Test
    void thePageOfAStoredAnswerShowsItsRows() throws Exception {
        HttpResponse<String> page = send("GET", "/queries/claims-of-source", "Accept", "text/html");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Results (278)"), "the page counts the stored rows");
        assertTrue(page.body().contains("global-times-wuzhen-2024") || page.body().contains("Global Times"), "and shows them");
    }
}
