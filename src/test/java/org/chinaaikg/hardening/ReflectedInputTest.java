package org.chinaaikg.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.chinaaikg.web.ServerExtension;
import org.chinaaikg.web.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Nothing a request sends comes back as markup or script; every answer says how it may be read and framed. */
class ReflectedInputTest {
    @RegisterExtension
    static final ServerExtension server = ServerExtension.onFixtures();

    static final String SCRIPT = "<script>alert(1)</script>";

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void aJsonpCallbackThatIsNotAJavaScriptNameIsRefused() throws Exception {
        HttpResponse<String> bad = server.get("/kg/sparql?query=" + q("ASK {}") + "&callback=" + q(SCRIPT), "application/sparql-results+json");
        assertEquals(400, bad.statusCode(), bad.body());
        assertFalse(bad.body().contains(SCRIPT), bad.body());
        assertTrue(bad.body().contains("'callback'"), bad.body());
        HttpResponse<String> good = server.get("/kg/sparql?query=" + q("ASK {}") + "&callback=jsonp_1", "application/sparql-results+json");
        assertEquals(200, good.statusCode(), good.body());
        assertTrue(good.body().startsWith("jsonp_1("), good.body());
    }

    @Test
    void aFormBodyCallbackIsCheckedToo() throws Exception {
        HttpResponse<String> bad = server.send("POST", "/kg/sparql", "application/x-www-form-urlencoded",
                "query=" + q("ASK {}") + "&callback=" + q(SCRIPT));
        assertEquals(400, bad.statusCode(), bad.body());
    }

    @Test
    void anXmlStylesheetThatCouldCloseTheInstructionIsRefused() throws Exception {
        String stylesheet = "x.xsl\"?><x:script xmlns:x=\"http://www.w3.org/1999/xhtml\">alert(1)</x:script><?a b=\"";
        HttpResponse<String> bad = server.get("/kg/sparql?query=" + q("SELECT * {}") + "&stylesheet=" + q(stylesheet), "application/sparql-results+xml");
        assertEquals(400, bad.statusCode(), bad.body());
        assertFalse(bad.body().contains("alert(1)"), bad.body());
        HttpResponse<String> good = server.get("/kg/sparql?query=" + q("SELECT * {}") + "&stylesheet=/static/results.xsl", "application/sparql-results+xml");
        assertEquals(200, good.statusCode(), good.body());
    }

    @Test
    void everyAnswerForbidsSniffingAndFraming() throws Exception {
        for (String path : new String[] {"/", "/id/org/" + q(SCRIPT), "/queries/no-such-query", "/kg/sparql?query=" + q("ASK {}")}) {
            HttpResponse<String> r = server.get(path, null);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""), path);
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("default-src 'self'"), path + ": " + csp);
        }
    }

    @Test
    void traceIsRefusedAndEchoesNothing() throws Exception {
        HttpRequest trace = HttpRequest.newBuilder(URI.create(server.base() + "/")).header("X-Probe", SCRIPT)
                .method("TRACE", HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> r = TestServer.HTTP.send(trace, HttpResponse.BodyHandlers.ofString());
        assertEquals(405, r.statusCode(), r.body());
        assertFalse(r.body().contains(SCRIPT), r.body());
    }

    @Test
    void aHostHeaderWithMarkupNeverReachesAPage() throws Exception {
        for (String path : new String[] {"/.well-known/void", "/", "/kg/sparql"}) {
            String answer = raw("GET " + path + " HTTP/1.1\r\nHost: x\"><script>alert(1)</script>\r\nAccept: text/turtle\r\nConnection: close\r\n\r\n");
            assertFalse(answer.contains("<script>alert(1)"), path + ": " + answer);
            assertFalse(answer.startsWith("HTTP/1.1 5"), path + ": " + answer);
        }
        String named = raw("GET /.well-known/void HTTP/1.1\r\nHost: kg.example.org\r\nAccept: text/turtle\r\nConnection: close\r\n\r\n");
        assertTrue(named.contains("http://kg.example.org/kg/sparql"), "links follow a well-formed Host: " + named);
        assertTrue(named.matches("(?s).*\r\nVary: [^\r]*Host.*"), "an answer naming the Host varies by it: " + named);
    }

    @Test
    void javaFunctionUrisLoadNoClass() throws Exception {
        HttpResponse<String> r = server.sparql("SELECT (<java:org.chinaaikg.hardening.LoadedByName>(1) AS ?x) WHERE {}");
        assertTrue(r.statusCode() < 500, r.statusCode() + " " + r.body());
        assertFalse(LoadedByName.Initialised.yes, "a query made the server load and initialise a class by name");
        HttpResponse<String> pf = server.sparql("SELECT * WHERE { ?s <java:org.chinaaikg.hardening.LoadedByName> ?o }");
        assertTrue(pf.statusCode() < 500, pf.statusCode() + " " + pf.body());
        assertFalse(LoadedByName.Initialised.yes, "a property function name made the server load a class");
        // The registered library still works, afn: included.
        HttpResponse<String> afn = server.sparql("PREFIX afn: <http://jena.apache.org/ARQ/function#> "
                + "SELECT (afn:localname(<https://w3id.org/china-ai-kg/id/org/baidu>) AS ?x) WHERE {}");
        assertEquals("x\r\nbaidu", afn.body().strip(), afn.body());
    }

    private static String raw(String request) throws Exception {
        URI base = URI.create(server.base());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
