package org.chinaaikg.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.chinaaikg.web.ServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sixteen clients, each with its own connection, for ten seconds, over loopback: no error at all. */
class ConcurrentClientsTest {
    static final int CLIENTS = 16;
    static final long MILLIS = 10_000;

    @RegisterExtension
    static final ServerExtension server = ServerExtension.onFixtures();

    static String q(String sparql) {
        return "/kg/sparql?query=" + URLEncoder.encode(sparql, StandardCharsets.UTF_8);
    }

    @Test
    void sixteenClientsForTenSecondsGetNoError() throws Exception {
        List<String[]> mix = List.of(
                new String[] {"/$/ping", null},
                new String[] {"/queries/models-per-company", "application/sparql-results+json"},
                new String[] {"/queries/models-of-company.csv?company=https://w3id.org/china-ai-kg/id/org/baidu", null},
                new String[] {q("SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?label"), "text/csv"},
                new String[] {q("SELECT ?t (COUNT(*) AS ?n) WHERE { ?s a ?t } GROUP BY ?t"), "application/sparql-results+json"},
                new String[] {q("CONSTRUCT WHERE { ?s a ?t }"), "text/turtle"},
                new String[] {"/id/org/baidu", "text/html"},
                new String[] {"/id/model/ernie", "text/turtle"},
                new String[] {"/", "text/html"});
        Map<String, String> errors = new ConcurrentHashMap<>();
        AtomicInteger requests = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long end = System.currentTimeMillis() + MILLIS;
        try {
            List<Future<?>> clients = new java.util.ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int offset = c;
                clients.add(pool.submit(() -> {
                    HttpClient http = HttpClient.newHttpClient();
                    for (int i = offset; System.currentTimeMillis() < end && errors.size() < 20; i++) {
                        String[] call = mix.get(i % mix.size());
                        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(server.base() + call[0])).timeout(java.time.Duration.ofSeconds(10));
                        if (call[1] != null) req.header("Accept", call[1]);
                        try {
                            HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() != 200 || r.body().isEmpty()) errors.put(call[0], r.statusCode() + " " + r.body());
                        } catch (Exception e) {
                            errors.put(call[0], e.toString());
                        }
                        requests.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : clients) f.get(MILLIS + 30_000, TimeUnit.MILLISECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(Map.of(), errors);
        assertTrue(requests.get() > CLIENTS * 10, "only " + requests.get() + " requests in " + MILLIS / 1000 + " s");
        System.out.printf("%d clients: %d requests in %d s, no error%n", CLIENTS, requests.get(), MILLIS / 1000);
    }
}
