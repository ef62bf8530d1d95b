package org.chinaaikg.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.chinaaikg.web.ServerExtension;
import org.chinaaikg.web.TestServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 24 clients that read a large answer at 1 KB/s and 24 that send headers and part of a body and stall: none holds
 * the server, ping and a short query answer within 100 ms meanwhile.
 */
@Tag("slow")
class SlowClientsTest {
    static final String LARGE = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } LIMIT 20000";

    @RegisterExtension
    static final ServerExtension server = ServerExtension.onFixtures();

    @Test
    void slowReadersAndStalledUploadsDoNotHoldTheServer() throws Exception {
        int port = URI.create(server.base()).getPort();
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(48);
        List<Socket> sockets = new ArrayList<>();
        try {
            String get = "GET /kg/sparql?query=" + URLEncoder.encode(LARGE, StandardCharsets.UTF_8) + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Accept: application/sparql-results+json\r\n\r\n";
            for (int i = 0; i < 24; i++) {
                Socket s = new Socket();
                s.setReceiveBufferSize(4096);
                s.connect(new java.net.InetSocketAddress("localhost", port));
                sockets.add(s);
                clients.submit(() -> {
                    s.getOutputStream().write(get.getBytes(StandardCharsets.US_ASCII));
                    InputStream in = s.getInputStream();
                    byte[] buf = new byte[1024];
                    while (!done.get() && in.read(buf) > 0) Thread.sleep(1000);
                    return null;
                });
            }
            String body = "query=" + URLEncoder.encode("SELECT * WHERE { ?s ?p ?o }", StandardCharsets.UTF_8);
            for (int i = 0; i < 24; i++) {
                Socket s = new Socket("localhost", port);
                sockets.add(s);
                clients.submit(() -> {
                    OutputStream out = s.getOutputStream();
                    out.write(("POST /kg/sparql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                            + "Content-Length: " + (body.length() + 1000) + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    InputStream in = s.getInputStream();
                    while (!done.get() && in.read() >= 0) { /* wait for the server to give up */ }
                    return null;
                });
            }
            Thread.sleep(1500);
            List<Double> pings = new ArrayList<>();
            List<Double> queries = new ArrayList<>();
            long t0 = System.nanoTime();
            while (RunawayQueryTest.seconds(t0) < 6) {
                long p = System.nanoTime();
                HttpResponse<String> ping = TestServer.HTTP.send(HttpRequest.newBuilder(URI.create(server.base() + "/$/ping"))
                        .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, ping.statusCode());
                pings.add(RunawayQueryTest.seconds(p));
                long q = System.nanoTime();
                HttpResponse<String> simple = TestServer.HTTP.send(HttpRequest.newBuilder(URI.create(server.base() + "/kg/sparql?query="
                        + URLEncoder.encode(QueryGateTest.SHORT, StandardCharsets.UTF_8))).header("Accept", "text/csv")
                        .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, simple.statusCode(), simple.body());
                queries.add(RunawayQueryTest.seconds(q));
                Thread.sleep(100);
            }
            pings.sort(null);
            queries.sort(null);
            System.out.printf("SlowClientsTest: %d pings, median %.3f s, slowest %.3f s; short queries median %.3f s, slowest %.3f s%n",
                    pings.size(), pings.get(pings.size() / 2), pings.get(pings.size() - 1),
                    queries.get(queries.size() / 2), queries.get(queries.size() - 1));
            assertTrue(QueryGateTest.percentile(pings, 0.9) < 0.1, "pings: " + pings);
            assertTrue(QueryGateTest.percentile(queries, 0.9) < 0.1, "short queries: " + queries);
        } finally {
            done.set(true);
            for (Socket s : sockets) s.close();
            clients.shutdownNow();
        }
    }
}
