package org.chinaaikg.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.chinaaikg.web.ServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a public endpoint meets: malformed queries, huge bodies, nonsense {@code Accept} headers. */
class HostileRequestsTest {
    static final int MB = 1024 * 1024;

    @RegisterExtension
    static final ServerExtension server = ServerExtension.onFixtures();

    @Test
    void malformedQueriesGet400WithTheParsersLineAndColumn() throws Exception {
        String[][] cases = {
                {"SELECT * WHERE {\n  ?s ?p ", "line 2, column 8"},
                {"SELECT * WHERE { ?s ?p ?o } LIMIT x", "line 1, column 36"},
                {"PREFIX kg: <https://w3id.org/china-ai-kg/ontology#>\nSELECT ?x WHERE {\n  ?x a kg:Company .\n  FILTER(\n}", "line 5, column 1"},
                {"SELECT ?s WHERE {\n  ?s 百度:name ?o }", "line 2, column 6"},
                {"SELEKT ?s WHERE { ?s ?p ?o }", "line 1, column 7"},
        };
        for (String[] c : cases) {
            HttpResponse<String> get = server.sparql(c[0]);
            assertEquals(400, get.statusCode(), c[0]);
            assertTrue(get.body().toLowerCase().contains(c[1]), c[0] + " -> " + get.body());
            HttpResponse<String> post = server.send("POST", "/kg/sparql", "application/sparql-query", c[0]);
            assertEquals(400, post.statusCode(), c[0]);
            assertTrue(post.body().toLowerCase().contains(c[1]), c[0] + " -> " + post.body());
        }
    }

    @Test
    void aTwentyMegabyteQueryIsRefusedWith413BeforeItsBodyIsSent() throws Exception {
        // Announce 20 MB, send only 64 kB, and wait: the refusal must come from the Content-Length alone.
        for (String type : List.of("application/sparql-query", "application/x-www-form-urlencoded")) {
            URI uri = URI.create(server.base());
            try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
                socket.setSoTimeout(5000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /kg/sparql HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + type
                        + "\r\nContent-Length: " + (20 * MB) + "\r\n\r\nquery=ASK{}").getBytes(StandardCharsets.US_ASCII));
                byte[] chunk = new byte[64 * 1024];
                Arrays.fill(chunk, (byte) '+');
                out.write(chunk);
                out.flush();
                String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
                assertEquals("HTTP/1.1 413 Payload Too Large", status, type);
            }
        }
        assertEquals(200, server.sparql("ASK {}").statusCode(), "still answering");
    }

    @Test
    void aTwentyMegabyteChunkedBodyIsRefusedWithoutBeingReadToTheEnd() throws Exception {
        for (String type : List.of("application/sparql-query", "application/x-www-form-urlencoded")) {
            AtomicLong sent = new AtomicLong();
            HttpResponse<String> r;
            try {
                r = post(type, HttpRequest.BodyPublishers.ofInputStream(() -> spaces(20L * MB, sent)));
            } catch (IOException e) {
                // The server may close the connection while the client is still sending: refused all the same.
                r = null;
            }
            if (r != null) assertEquals(413, r.statusCode(), type + " gave " + r.statusCode());
            assertTrue(sent.get() < 20L * MB, type + ": the server read all " + sent.get() + " bytes");
        }
        assertEquals(200, server.sparql("ASK {}").statusCode(), "still answering");
    }

    @Test
    void aQueryJustUnderTheLimitIsStillAnswered() throws Exception {
        String q = "ASK {}" + " ".repeat(900 * 1024);
        HttpResponse<String> r = server.send("POST", "/kg/sparql", "application/sparql-query", q);
        assertEquals(200, r.statusCode(), r.body());
    }

    @Test
    void badAcceptHeadersFallBackToADefaultFormat() throws Exception {
        String select = "/kg/sparql?query=" + URLEncoder.encode("SELECT ?s WHERE { ?s a ?t } LIMIT 1", StandardCharsets.UTF_8);
        String construct = "/kg/sparql?query=" + URLEncoder.encode("CONSTRUCT WHERE { ?s a ?t } LIMIT 1", StandardCharsets.UTF_8);
        List<String> paths = List.of(select, construct, "/queries/models-per-company", "/queries",
                "/id/org/baidu", "/ontology", "/", "/kg/get?graph=https://w3id.org/china-ai-kg/graph/entities/companies", "/$/ping");
        List<String> accepts = List.of("garbage/*;q=x", "*/*;q=abc", "text/html;q=2, */*;q=-1", ";;;,,,", "a/b/c/d",
                "application/sparql-results+json;q=0", "x".repeat(4000), "\u00e9t\u00e9/\u00e9t\u00e9");
        for (String path : paths) {
            for (String accept : accepts) {
                HttpResponse<String> r;
                try {
                    r = server.get(path, accept);
                } catch (IllegalArgumentException e) {
                    continue; // the client itself refuses to send a non-ASCII header
                }
                String what = path + " with Accept: " + accept.substring(0, Math.min(40, accept.length()));
                assertTrue(r.statusCode() < 500, what + " gave " + r.statusCode() + ": " + r.body());
                assertTrue(r.statusCode() == 200 || r.statusCode() == 406, what + " gave " + r.statusCode());
                if (r.statusCode() == 200) assertTrue(!r.body().isEmpty(), what + " gave an empty body");
            }
        }
    }

    private static HttpResponse<String> post(String type, HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(server.base() + "/kg/sparql"))
                .header("Content-Type", type).POST(body).build();
        // A new client per request: the server closes the connection after refusing a body.
        return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
    }

    /** {@code n} spaces after {@code query=ASK{}}, made as they are read, counting what the client sent. */
    private static InputStream spaces(long n, AtomicLong sent) {
        byte[] head = "query=ASK{}".getBytes(StandardCharsets.US_ASCII);
        return new InputStream() {
            @Override
            public int read() {
                long i = sent.getAndIncrement();
                if (i >= n) return -1;
                return i < head.length ? head[(int) i] : '+';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                long left = n - sent.get();
                if (left <= 0) return -1;
                int k = (int) Math.min(len, left);
                for (int j = 0; j < k; j++) b[off + j] = (byte) read();
                return k;
            }
        };
    }
}
