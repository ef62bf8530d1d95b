package org.chinaaikg.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chinaaikg.Fixtures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries of a hundred bytes that took the whole heap: in a 256 MB heap, a chain of CONCATs doubling a string,
 * GROUP_CONCAT over a cross product, ORDER BY and DISTINCT over a cross product of strings threw OutOfMemoryError
 * (a 500, and failures for other queries after). The real server runs in its own JVM with {@code -Xmx256m}; each
 * hostile query gets a 503 or a 4xx naming the limit, never a 500, and then 50 normal queries all succeed.
 */
@Tag("slow")
class MemoryLimitsTest {
    static final String CROSS3 = "?a ?b ?c. ?d ?e ?f. ?g ?h ?i ";
    static final String LONG_ROW = "BIND(CONCAT(STR(?a),STR(?b),STR(?c),STR(?d),STR(?e),STR(?f),STR(?g),STR(?h),STR(?i)) AS ?y) "
            + "BIND(CONCAT(?y,?y,?y) AS ?x)";

    static final List<String> HOSTILE = List.of(
            // Each BIND quadruples the string: 10 × 4^12 characters at the end.
            "SELECT (STRLEN(?m) AS ?n) {BIND(\"0123456789\" AS ?a) " + chain("abcdefghijklm") + "}",
            "SELECT (GROUP_CONCAT(?c) AS ?x) {?a ?b ?c. ?d ?e ?f. ?g ?h ?i. ?j ?k ?l}",
            "SELECT ?x {" + CROSS3 + LONG_ROW + "} ORDER BY ?x OFFSET 1000000",
            "SELECT DISTINCT ?x {" + CROSS3 + LONG_ROW + "} OFFSET 1000000",
            "SELECT (GROUP_CONCAT(DISTINCT ?x) AS ?all) {" + CROSS3 + LONG_ROW + "}");

    static final List<String> NORMAL = List.of(
            "ASK {}",
            "SELECT * { ?s ?p ?o } LIMIT 10",
            "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
            "SELECT ?s (GROUP_CONCAT(STR(?p)) AS ?ps) { ?s ?p ?o } GROUP BY ?s ORDER BY ?s",
            "SELECT DISTINCT ?p { ?s ?p ?o } ORDER BY ?p");

    @TempDir
    Path dir;

    @Test
    void hostileQueriesGetALimitNotAnOutOfMemoryErrorAndTheServerStaysWhole() throws Exception {
        Fixtures.Project p = Fixtures.copyTo(dir);
        Process server = new ProcessBuilder(List.of(java(), "-Xmx256m",
                // The test class path logs at error level; the ready line (with the port) is at info.
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info", "-Dorg.slf4j.simpleLogger.log.org.eclipse.jetty=warn", "-cp", classpath(), "org.chinaaikg.cli.Main", "serve",
                "--port", "0", "--store", p.store().toString(), "--data", p.data().toString(), "--ontology",
                p.ontology().toString(), "--queries", p.queries().toString()))
                .redirectErrorStream(true).start();
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<String> base = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            Pattern ready = Pattern.compile("ready at (http://localhost:\\d+)/");
            try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    log.add(line);
                    Matcher m = ready.matcher(line);
                    if (m.find()) base.complete(m.group(1));
                }
            } catch (Exception e) {
                // the process ended
            }
            base.complete(null);
        });
        reader.setDaemon(true);
        reader.start();
        try {
            String url = base.get(120, TimeUnit.SECONDS);
            assertTrue(url != null, "the server did not start: " + log);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            for (String q : HOSTILE) {
                HttpResponse<String> r = sparql(http, url, q);
                System.out.printf("%d %s%n  %s%n", r.statusCode(), q, r.body().strip());
                assertNotEquals(500, r.statusCode(), q + " -> " + r.body());
                assertTrue(r.statusCode() == 503 || (r.statusCode() >= 400 && r.statusCode() < 500), q + " -> " + r.statusCode());
                assertTrue(r.body().matches("(?s).*(limit|memory|timed out).*"), "does not name the limit: " + r.body());
                assertTrue(server.isAlive(), "the server died after " + q);
            }
            List<String> failed = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String q = NORMAL.get(i % NORMAL.size());
                HttpResponse<String> r = sparql(http, url, q);
                if (r.statusCode() != 200) failed.add(r.statusCode() + " " + q + ": " + r.body());
            }
            HttpResponse<String> saved = http.send(HttpRequest.newBuilder(URI.create(url + "/queries/models-per-company.csv")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (saved.statusCode() != 200) failed.add(saved.statusCode() + " saved query: " + saved.body());
            assertEquals(List.of(), failed, "normal queries failed after the hostile ones");
            assertTrue(server.isAlive());
            assertTrue(log.stream().noneMatch(l -> l.contains("OutOfMemoryError")), "an OutOfMemoryError was logged");
        } finally {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) server.destroyForcibly().waitFor();
        }
    }

    /** BIND(CONCAT(?a,?a,?a,?a) AS ?b) BIND(CONCAT(?b,…) AS ?c) … over the variable names given. */
    static String chain(String vars) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i + 1 < vars.length(); i++) {
            String v = "?" + vars.charAt(i);
            s.append("BIND(CONCAT(").append(String.join(",", Collections.nCopies(4, v))).append(") AS ?").append(vars.charAt(i + 1)).append(") ");
        }
        return s.toString();
    }

    static HttpResponse<String> sparql(HttpClient http, String base, String query) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/kg/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .header("Accept", "text/csv").timeout(Duration.ofSeconds(120)).build();
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The test class path: Surefire passes it in a property, its own JVM sees only a launcher jar. */
    private static String classpath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return String.join(File.pathSeparator, cp.split(File.pathSeparator));
    }
}
