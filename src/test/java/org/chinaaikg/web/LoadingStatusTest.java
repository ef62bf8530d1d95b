package org.chinaaikg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * While {@code serve} builds the store, its port answers every path with 503, Retry-After and a JSON "loading"
 * status: {@code /$/ping} above all, since health checks (HAProxy's {@code expect status 200}, {@code curl -f}) must
 * not take a loading server for a ready one. Closed, it frees the port for the real server.
 */
class LoadingStatusTest {
    static HttpResponse<String> send(String method, String url) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody());
        return TestServer.HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyPathSaysLoadingWith503AndRetryAfterUntilClosed() throws Exception {
        Loading loading = Loading.listen("localhost", 0);
        int port = loading.port();
        String base = "http://localhost:" + port;
        try {
            loading.step("loaded data/documents.ttl");
            for (String path : new String[] {"/$/ping", "/kg/sparql?query=ASK%20%7B%7D", "/", "/queries/count-by-type", "/id/org/baidu"}) {
                HttpResponse<String> r = send("GET", base + path);
                assertEquals(503, r.statusCode(), path);
                assertEquals(String.valueOf(Loading.RETRY_AFTER_SECONDS), r.headers().firstValue("Retry-After").orElse(""), path);
                assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""), path);
                assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
                assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), path);
                JsonObject status = JSON.parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
                assertEquals("loading", status.get("status").getAsString().value(), path);
                assertEquals("loaded data/documents.ttl", status.get("step").getAsString().value(), path);
            }
            HttpResponse<String> post = TestServer.HTTP.send(HttpRequest.newBuilder(URI.create(base + "/kg/sparql"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("query=ASK%20%7B%7D")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(503, post.statusCode());
            HttpResponse<String> head = send("HEAD", base + "/$/ping");
            assertEquals(503, head.statusCode());
            assertEquals("", head.body());
        } finally {
            loading.close();
        }
        assertThrows(ConnectException.class, () -> send("GET", base + "/$/ping"), "closed, the port is free for the real server");
    }
}
