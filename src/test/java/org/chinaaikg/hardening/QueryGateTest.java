package org.chinaaikg.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.chinaaikg.web.ServerExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sixteen concurrent cross products on a server with a 5 s timeout: the query gate lets only a few run long and stops
 * or refuses the rest with 503 and Retry-After, so that ping and a short query answer promptly meanwhile.
 */
@Tag("slow")
class QueryGateTest {
    static final String SHORT = "SELECT ?c WHERE { ?c a <https://w3id.org/china-ai-kg/ontology#Company> }";

    @RegisterExtension
    static final ServerExtension server = ServerExtension.onFixtures("--timeout", "5");

    @Test
    void pingAndShortQueriesStayPromptUnderSixteenCrossProducts() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(16);
        HttpClient attackers = HttpClient.newBuilder().executor(threads).build();
        try {
            warmUp();
            String url = server.base() + "/kg/sparql?query=" + URLEncoder.encode(RunawayQueryTest.CROSS_PRODUCT, StandardCharsets.UTF_8);
            List<CompletableFuture<HttpResponse<String>>> runaways = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < 16; i++) {
                runaways.add(attackers.sendAsync(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/csv")
                        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString()));
            }
            Thread.sleep(100);
            List<Double> pings = new ArrayList<>();
            List<Double> queries = new ArrayList<>();
            while (runaways.stream().anyMatch(f -> !f.isDone()) && RunawayQueryTest.seconds(t0) < 12) {
                long p = System.nanoTime();
                assertEquals(200, server.get("/$/ping", null).statusCode());
                pings.add(RunawayQueryTest.seconds(p));
                long q = System.nanoTime();
                HttpResponse<String> simple = server.sparql(SHORT);
                assertEquals(200, simple.statusCode(), simple.body());
                queries.add(RunawayQueryTest.seconds(q));
                Thread.sleep(20);
            }
            int withRetryAfter = 0;
            for (CompletableFuture<HttpResponse<String>> f : runaways) {
                HttpResponse<String> r = f.get();
                assertEquals(503, r.statusCode(), r.body());
                if (r.headers().firstValue("Retry-After").isPresent()) withRetryAfter++;
            }
            pings.sort(null);
            queries.sort(null);
            System.out.printf("QueryGateTest: %d pings, median %.3f s, slowest %.3f s; short queries median %.3f s, slowest %.3f s; %d of 16 with Retry-After%n",
                    pings.size(), pings.get(pings.size() / 2), pings.get(pings.size() - 1),
                    queries.get(queries.size() / 2), queries.get(queries.size() - 1), withRetryAfter);
            assertTrue(pings.size() >= 10, "only " + pings.size() + " pings answered meanwhile");
            assertTrue(withRetryAfter >= 16 - 2 * Runtime.getRuntime().availableProcessors(),
                    withRetryAfter + " of 16 cross products were refused or stopped with Retry-After");
            assertTrue(percentile(pings, 0.9) < 0.1, "pings: " + pings);
            assertTrue(percentile(queries, 0.9) < 0.1, "short queries: " + queries);
            assertTrue(pings.get(pings.size() - 1) < 0.5, "slowest ping " + pings.get(pings.size() - 1));
        } finally {
            threads.shutdownNow();
        }
        assertEquals(200, server.sparql("ASK {}").statusCode());
    }

    static void warmUp() throws Exception {
        for (int i = 0; i < 20; i++) {
            server.get("/$/ping", null);
            server.sparql(SHORT);
        }
    }

    static double percentile(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * sorted.size())));
    }
}
