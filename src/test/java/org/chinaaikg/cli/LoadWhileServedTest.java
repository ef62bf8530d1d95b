package org.chinaaikg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import org.chinaaikg.Fixtures;
import org.chinaaikg.Fixtures.Project;
import org.chinaaikg.Fixtures.Run;
import org.chinaaikg.web.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code load} never swaps a store out from under a server that serves it. */
class LoadWhileServedTest {
    static final String COMPANIES = "SELECT (COUNT(?c) AS ?n) WHERE { ?c a <https://w3id.org/china-ai-kg/ontology#Company> }";

    @TempDir
    Path dir;

    static String companies(String base) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "kg/sparql?query=" + URLEncoder.encode(COMPANIES, StandardCharsets.UTF_8)))
                .header("Accept", "text/csv").build();
        return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString()).body().lines().skip(1).findFirst().orElse("");
    }

    static Object identity(Path store) throws Exception {
        return Files.readAttributes(store, BasicFileAttributes.class).fileKey();
    }

    static void addCompany(Project p) throws Exception {
        Path companies = p.data().resolve("entities").resolve("companies.ttl");
        Files.writeString(companies, Files.readString(companies)
                + "<https://w3id.org/china-ai-kg/id/org/moonshot> a kg:Company ; rdfs:label \"Moonshot AI\"@en .\n");
    }

    @Test
    void loadRefusesAStoreServedByAnotherProcessNamingItsPidAndUrl() throws Exception {
        Project p = Fixtures.copyTo(dir);
        try (ServerProcess server = ServerProcess.serve(p)) {
            String url = server.url();
            assertEquals("3", companies(url));
            Object served = identity(p.store());
            addCompany(p);

            Run load = p.run("load");

            assertEquals(1, load.exitCode(), load.out() + load.err());
            assertEquals(1, load.err().lines().count(), load.err());
            assertEquals("load: " + p.store() + " is being served by process " + server.pid() + " at " + url
                    + "; stop it first, or load into another --store", load.err().strip());
            assertEquals(served, identity(p.store()), "the served store is still in place");
            assertEquals("3", companies(url), "the server still answers from its store");
        }
        // Once the server is gone, nothing is left to refuse: the same load goes through.
        assertFalse(Files.exists(p.store().resolveSibling("store.serving")), "a stopped server leaves no lock file");
        Run load = p.run("load");
        assertEquals(0, load.exitCode(), load.err());
    }

    @Test
    void aServerKilledWithKill9DoesNotBlockTheNextLoad() throws Exception {
        Project p = Fixtures.copyTo(dir);
        ServerProcess server = ServerProcess.serve(p);
        server.kill();
        assertTrue(Files.exists(p.store().resolveSibling("store.serving")), "kill -9 leaves the file, but not its lock");
        Run load = p.run("load");
        assertEquals(0, load.exitCode(), load.err());
    }

    @Test
    void loadRefusesAStoreServedInThisProcess() throws Exception {
        Project p = Fixtures.copyTo(dir);
        try (TestServer server = TestServer.start(p)) {
            Object served = identity(p.store());
            Run load = p.run("load");
            assertEquals(1, load.exitCode(), load.out() + load.err());
            assertTrue(load.err().contains("is being served by process " + ProcessHandle.current().pid() + " at " + server.base + "/"),
                    load.err());
            assertEquals(served, identity(p.store()));
        }
        assertEquals(0, p.run("load").exitCode());
    }

    @Test
    void aSecondServerOnAServedStoreIsRefused() throws Exception {
        Project p = Fixtures.copyTo(dir);
        try (ServerProcess first = ServerProcess.serve(p)) {
            Run second = Fixtures.run("serve", "--port", "0", "--store", p.store().toString(), "--data", p.data().toString(),
                    "--ontology", p.ontology().toString(), "--queries", p.queries().toString());
            assertEquals(1, second.exitCode(), second.err());
            assertTrue(second.err().contains("is being served by process " + first.pid()), second.err());
        }
    }
}
