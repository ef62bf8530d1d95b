package org.chinaaikg.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import org.chinaaikg.web.Limits;
import org.chinaaikg.web.ServerExtension;
import org.chinaaikg.web.TestServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Input that once made the server answer 500 (and log a stack trace): a malformed form, a charset that does not
 * exist, queries nested past what the parser's or the optimizer's stack can hold, a non-RDF output format asked of a
 * CONSTRUCT, a body that stops arriving. Each now gets a 4xx with a one-line reason, and the server answers after.
 */
class BadInputTest {
    @RegisterExtension
    static final ServerExtension server = ServerExtension.onFixtures();

    static final String FORM = "application/x-www-form-urlencoded";

    @Test
    void badPercentEncodingInAFormIs400() throws Exception {
        for (String body : List.of("query=%zz", "query=ASK%7B%7D&x=%", "query=%E4%B8")) {
            expect(400, "percent-encod", server.send("POST", "/kg/sparql", FORM, body));
        }
        // Chunked (no Content-Length): the body limit reads it first, then the form is parsed from memory.
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(server.base() + "/kg/sparql")).header("Content-Type", FORM)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream("query=%zz".getBytes(StandardCharsets.US_ASCII))))
                .build();
        expect(400, "percent-encod", TestServer.HTTP.send(chunked, HttpResponse.BodyHandlers.ofString()));
        // In a URL's query string (java.net.http refuses to send it: a raw request).
        String answer = raw("GET /kg/sparql?query=ASK%7B%7D&x=%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4).strip();
        assertFalse(body.contains("\n"), "not one line: " + body);
        assertTrue(body.contains("percent-encod"), body);
    }

    @Test
    void aCharsetThatDoesNotExistIs415() throws Exception {
        expect(415, "charset", server.send("POST", "/kg/sparql", FORM + "; charset=bogus", "query=ASK%7B%7D"));
        expect(415, "charset", server.send("POST", "/kg/sparql", "application/sparql-query; charset=bogus", "ASK {}"));
        expect(415, "charset", server.send("POST", "/kg/sparql", "application/sparql-query; charset=\"x y\"", "ASK {}"));
        // A real charset other than UTF-8 is still read.
        assertEquals(200, server.send("POST", "/kg/sparql", "application/sparql-query; charset=ISO-8859-1", "ASK {}").statusCode());
    }

    @Test
    void aQueryNestedTwoThousandLevelsDeepIs400() throws Exception {
        String nested = "SELECT * {".repeat(2000) + " ?s ?p ?o " + "}".repeat(2000);
        expect(400, "nested", server.send("POST", "/kg/sparql", "application/sparql-query", nested));
        String parens = "ASK { FILTER(" + "(".repeat(5000) + "1" + ")".repeat(5000) + ") }";
        expect(400, "nested", server.send("POST", "/kg/sparql", "application/sparql-query", parens));
        // At the limit it still runs.
        int ok = Limits.MAX_QUERY_NESTING - 1;
        String deepButAllowed = "SELECT * {".repeat(ok) + " ?s ?p ?o " + "}".repeat(ok);
        assertEquals(200, server.send("POST", "/kg/sparql", "application/sparql-query", deepButAllowed).statusCode());
    }

    @Test
    void aTwentyThousandBranchUnionIs400() throws Exception {
        String union = "SELECT * WHERE { " + String.join(" UNION ", java.util.Collections.nCopies(20_000, "{?s ?p ?o}")) + " }";
        expect(400, "nested", server.send("POST", "/kg/sparql", "application/sparql-query", union));
        String or = "ASK { FILTER(" + String.join(" || ", java.util.Collections.nCopies(20_000, "false")) + ") }";
        expect(400, "nested", server.send("POST", "/kg/sparql", "application/sparql-query", or));
    }

    @Test
    void aGroupOfTwentyThousandTriplePatternsIs400WithAMessage() throws Exception {
        // Flat text, but the parser recurses once per pattern: its overflow must read as advice, not a class name.
        String patterns = "SELECT * WHERE { " + String.join(" . ", java.util.Collections.nCopies(20_000, "?s <urn:p> ?o")) + " }";
        expect(400, "triple patterns", server.send("POST", "/kg/sparql", "application/sparql-query", patterns));
        assertEquals(200, server.sparql("ASK {}").statusCode());
    }

    @Test
    void aResultsFormatAskedOfAConstructIs406() throws Exception {
        for (String param : List.of("output", "format", "force-accept")) {
            for (String type : List.of("application/sparql-results+json", "text/csv")) {
                String path = "/kg/sparql?query=" + enc("CONSTRUCT WHERE { ?s ?p ?o }") + "&" + param + "=" + enc(type);
                expect(406, "rdf", server.get(path, null));
            }
        }
        expect(406, "rdf", server.get("/kg/sparql?query=" + enc("DESCRIBE <urn:x>") + "&output=" + enc("text/csv"), null));
        // The RDF syntaxes are still served on request.
        assertEquals(200, server.get("/kg/sparql?query=" + enc("CONSTRUCT WHERE { ?s ?p ?o }") + "&output=ttl", null).statusCode());
        assertEquals(200, server.get("/kg/sparql?query=" + enc("CONSTRUCT WHERE { ?s ?p ?o }") + "&output=" + enc("application/ld+json"), null).statusCode());
    }

    @Tag("slow")
    @Test
    void aBodyThatStopsArrivingIs408AfterTheIdleTimeout() throws Exception {
        // Both at once: each waits for the idle timeout.
        CompletableFuture<String> form = CompletableFuture.supplyAsync(() -> stalled(FORM, "query=ASK"));
        CompletableFuture<String> sparql = CompletableFuture.supplyAsync(() -> stalled("application/sparql-query", "ASK {     "));
        for (String answer : List.of(form.get(), sparql.get())) {
            String status = answer.lines().findFirst().orElse("");
            assertTrue(status.startsWith("HTTP/1.1 408"), answer);
            String body = answer.substring(answer.indexOf("\r\n\r\n") + 4).strip();
            assertFalse(body.contains("\n"), "not one line: " + body);
            assertTrue(body.toLowerCase(Locale.ROOT).contains("body"), body);
        }
        assertEquals(200, server.sparql("ASK {}").statusCode());
    }

    /** Announces 100 bytes, sends 10 and waits; what the server answers. */
    private static String stalled(String type, String tenBytes) {
        return raw("POST /kg/sparql HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + type
                + "\r\nContent-Length: 100\r\n\r\n" + tenBytes);
    }

    /** Sends these bytes as they are and reads the answer until the server closes the connection. */
    private static String raw(String request) {
        URI uri = URI.create(server.base());
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout((int) Limits.IDLE_TIMEOUT_MILLIS * 3);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            int n;
            while ((n = in.read(buf)) > 0) got.write(buf, 0, n);
            return got.toString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            return "no answer: " + e;
        }
    }

    private static void expect(int status, String naming, HttpResponse<String> r) throws Exception {
        assertEquals(status, r.statusCode(), r.uri() + " -> " + r.body());
        String body = r.body().strip();
        assertFalse(body.contains("\n"), "not one line: " + body);
        assertTrue(body.toLowerCase(Locale.ROOT).contains(naming), "does not name the problem (" + naming + "): " + body);
        assertEquals(200, server.sparql("ASK {}").statusCode(), "no answer after " + r.uri());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
