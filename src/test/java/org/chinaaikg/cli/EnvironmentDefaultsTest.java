package org.chinaaikg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.chinaaikg.Fixtures;
import org.chinaaikg.Fixtures.Project;
import org.chinaaikg.store.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * KG_STORE, KG_HOST and KG_PORT set the defaults of --store, --host and --port, so that an image can put the store
 * on a writable volume whatever command line it is run with (docker/Dockerfile; docker/test-image.sh runs the image).
 */
class EnvironmentDefaultsTest {
    @TempDir
    Path dir;

    @Test
    void kgStoreIsTheDefaultStoreOfLoadQueryAndServe() throws Exception {
        Project p = Fixtures.copyTo(dir);
        Path store = dir.resolve("volume").resolve("store");
        Map<String, String> env = Map.of("KG_STORE", store.toString());

        ServerProcess load = ServerProcess.run(dir, env, "load", "--data", p.data().toString(), "--ontology", p.ontology().toString());
        assertEquals(0, load.exitCode(), load.text());
        assertTrue(Files.isRegularFile(store.resolve(Manifest.FILE_NAME)), "built at KG_STORE: " + load.text());
        assertFalse(Files.exists(dir.resolve("target").resolve("store")), "not at target/store");

        ServerProcess query = ServerProcess.run(dir, env, "query", "models-per-company", "--queries", p.queries().toString(),
                "--format", "csv");
        assertEquals(0, query.exitCode(), query.text());
        assertTrue(query.text().contains("https://w3id.org/china-ai-kg/id/org/baidu,Baidu,2"), query.text());

        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (ServerProcess serve = ServerProcess.serve(List.of("serve", "--data", p.data().toString(), "--ontology",
                p.ontology().toString(), "--queries", p.queries().toString()), dir,
                Map.of("KG_STORE", store.toString(), "KG_PORT", String.valueOf(port), "KG_HOST", "0.0.0.0"))) {
            assertEquals("http://localhost:" + port + "/", serve.url());
            assertTrue(serve.text().contains("Store " + store + " is current"), serve.text());
            HttpResponse<String> ping = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(serve.url() + "$/ping")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ping.statusCode());
        }
    }
}
