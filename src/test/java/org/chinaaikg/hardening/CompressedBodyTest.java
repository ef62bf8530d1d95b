package org.chinaaikg.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import org.chinaaikg.web.ServerExtension;
import org.chinaaikg.web.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A compressed request body does not get round the body limit: a few KB of gzip inflated to megabytes of query text
 * that Fuseki parsed outside any time limit. Compressed bodies are refused with 415.
 */
class CompressedBodyTest {
    @RegisterExtension
    static final ServerExtension server = ServerExtension.onFixtures();

    static byte[] gzip(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    HttpResponse<String> post(String contentType, String encoding, byte[] body) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(server.base() + "/kg/sparql"))
                .header("Content-Type", contentType).header("Content-Encoding", encoding).header("Accept", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return TestServer.HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aGzipBodyThatInflatesPastTheLimitIsRefused() throws Exception {
        String query = "ASK {} #" + "x".repeat(4 * 1024 * 1024);
        byte[] body = gzip(query);
        assertTrue(body.length < 10_000, "compressed to " + body.length + " bytes");
        for (String[] type : new String[][] {{"application/sparql-query", query}, {"application/x-www-form-urlencoded", "query=" + query}}) {
            HttpResponse<String> r = post(type[0], "gzip", gzip(type[1]));
            assertEquals(415, r.statusCode(), type[0] + ": " + r.body());
            assertTrue(r.body().contains("Content-Encoding"), r.body());
        }
    }

    @Test
    void aSmallGzipBodyIsRefusedToo_andAPlainOneAnswered() throws Exception {
        assertEquals(415, post("application/sparql-query", "deflate", gzip("ASK {}")).statusCode());
        assertEquals(200, post("application/sparql-query", "identity", "ASK {}".getBytes(StandardCharsets.UTF_8)).statusCode());
    }
}
