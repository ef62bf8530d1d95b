package org.chinaaikg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonValue;
import org.chinaaikg.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the bundled data and queries: the saved queries that need no parameter value (the aggregates over everything)
 * are answered on their first request after start from the answers {@code load} stored with the store ({@code
 * X-Cache: stored}); one added after the store was built is answered from the cache the server fills in the
 * background ({@code hit}); and each such answer, in each format, has the bytes and headers of the same answer
 * computed live.
 */
@Tag("slow")
class SavedQueryWarmCacheTest {
    @TempDir
    static Path dir;
    static TestServer server;
    /** A saved query added after load: not among the stored answers. */
    static final String ADDED = "count-by-type-added";

    @BeforeAll
    static void start() throws Exception {
        Fixtures.Project p = BundledProject.copyTo(dir);
        // The store is built with the bundled queries; then a query is added that load did not answer.
        org.chinaaikg.store.Stores.build(p.store(), new org.chinaaikg.project.Inputs(p.data(), p.ontology()),
                org.chinaaikg.query.SavedQueries.load(p.queries(), problem -> {}), line -> {});
        java.nio.file.Files.writeString(p.queries().resolve(ADDED + ".rq"),
                java.nio.file.Files.readString(p.queries().resolve("count-by-type.rq")).replace("#+ summary:", "#+ summary: (again)"));
        server = TestServer.start(p);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    static HttpResponse<byte[]> get(String path, boolean live) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(server.base + path)).GET();
        if (live) req.header("Cache-Control", "no-cache");
        return TestServer.HTTP.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The names of the saved queries with no required parameter, from GET /queries, once the warm-up is done. */
    static List<String> warmedQueries() throws Exception {
        HttpResponse<String> list = null;
        // Waits for the warm-up to report that it is done; a bound on the number of looks, not an assertion on time.
        for (int i = 0; i < 1200; i++) {
            list = server.get("/queries", "application/json");
            if (list.headers().firstValue("X-Cache-Warm").orElse("").startsWith("done")) break;
            Thread.sleep(100);
        }
        String status = list.headers().firstValue("X-Cache-Warm").orElse("none");
        List<String> names = new ArrayList<>();
        JsonArray all = JSON.parseAny(new ByteArrayInputStream(list.body().getBytes(StandardCharsets.UTF_8))).getAsArray();
        for (JsonValue q : all) {
            boolean required = false;
            for (JsonValue p : q.getAsObject().get("parameters").getAsArray()) {
                required |= p.getAsObject().get("required").getAsBoolean().value();
            }
            if (!required) names.add(q.getAsObject().get("name").getAsString().value());
        }
        assertEquals("done " + names.size() + "/" + names.size(), status, "every saved query without required parameters warmed");
        return names;
    }

    @Test
    void aggregatesAnswerTheirFirstRequestFromTheWarmedCacheWithTheLiveBytes() throws Exception {
        List<String> names = warmedQueries();
        assertTrue(names.contains("count-by-type") && names.contains("statistics") && names.contains("claims-per-source-kind")
                && names.contains(ADDED), names.toString());
        for (String name : names) {
            for (String suffix : List.of(".json", ".csv", ".tsv", ".xml", "")) {
                String path = "/queries/" + name + suffix;
                HttpResponse<byte[]> first = get(path, false);
                assertEquals(200, first.statusCode(), path);
                assertEquals(name.equals(ADDED) ? "hit" : "stored", first.headers().firstValue("X-Cache").orElse("none"),
                        path + ": its first request after start");
                HttpResponse<byte[]> live = get(path, true);
                assertEquals(200, live.statusCode(), path);
                assertEquals("miss", live.headers().firstValue("X-Cache").orElse("none"), path + " with Cache-Control: no-cache");
                assertEquals(new String(live.body(), StandardCharsets.UTF_8), new String(first.body(), StandardCharsets.UTF_8), path);
                for (String h : List.of("Content-Type", "Content-Length", "ETag", "Vary")) {
                    assertEquals(live.headers().firstValue(h), first.headers().firstValue(h), path + ": " + h);
                }
            }
        }
    }
}
