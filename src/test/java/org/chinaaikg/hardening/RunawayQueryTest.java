package org.chinaaikg.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.chinaaikg.web.ServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runaway queries are stopped by the timeout, and the server keeps answering everyone else meanwhile. */
class RunawayQueryTest {
    static final String CROSS_PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o }";

    @RegisterExtension
    static final ServerExtension server = ServerExtension.onFixtures("--timeout", "2");

    @Test
    void crossProductsGet503AtTheTimeoutWhilePingAndSimpleQueriesStayPrompt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            long t0 = System.nanoTime();
            List<Future<HttpResponse<String>>> runaways = new ArrayList<>();
            for (int i = 0; i < 2; i++) runaways.add(pool.submit(() -> server.sparql(CROSS_PRODUCT)));
            Thread.sleep(200);
            double slowestPing = 0;
            double slowestQuery = 0;
            int answered = 0;
            while (runaways.stream().anyMatch(f -> !f.isDone()) && seconds(t0) < 10) {
                long p = System.nanoTime();
                assertEquals(200, server.get("/$/ping", null).statusCode());
                slowestPing = Math.max(slowestPing, seconds(p));
                long q = System.nanoTime();
                HttpResponse<String> simple = server.sparql("SELECT ?c WHERE { ?c a <https://w3id.org/china-ai-kg/ontology#Company> }");
                assertEquals(200, simple.statusCode());
                assertEquals(4, simple.body().lines().count(), simple.body());
                slowestQuery = Math.max(slowestQuery, seconds(q));
                answered++;
                Thread.sleep(50);
            }
            for (Future<HttpResponse<String>> f : runaways) {
                HttpResponse<String> r = f.get();
                assertEquals(503, r.statusCode(), r.body());
            }
            double total = seconds(t0);
            assertTrue(total < 6, "the 2 s timeout stopped the cross products after " + total + " s");
            assertTrue(answered >= 5, "only " + answered + " pings and queries answered meanwhile");
            assertTrue(slowestPing < 0.5, "slowest ping during the runaway queries: " + slowestPing + " s");
            assertTrue(slowestQuery < 1.0, "slowest simple query during the runaway queries: " + slowestQuery + " s");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(200, server.sparql("ASK {}").statusCode());
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
