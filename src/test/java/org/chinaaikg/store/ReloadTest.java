package org.chinaaikg.store;

import org.chinaaikg.project.Inputs;

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

import org.apache.jena.fuseki.main.FusekiServer;
import org.chinaaikg.Fixtures;
import org.chinaaikg.Fixtures.Project;
import org.chinaaikg.cli.Main;
import org.chinaaikg.cli.ServeCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} loads only when the store is missing or an input file changed. */
class ReloadTest {
    @TempDir
    Path dir;

    static ServeCommand serve(Project p) {
        var parsed = Main.commandLine().parseArgs("serve", "--port=0", "--queries", p.queries().toString(),
                "--store", p.store().toString(), "--data", p.data().toString(), "--ontology", p.ontology().toString());
        return parsed.subcommand().commandSpec().commandLine().getCommand();
    }

    static String companies(FusekiServer server) throws Exception {
        String q = "SELECT (COUNT(?c) AS ?n) WHERE { ?c a <https://w3id.org/china-ai-kg/ontology#Company> }";
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://localhost:" + server.getHttpPort() + "/kg/sparql?query="
                + URLEncoder.encode(q, StandardCharsets.UTF_8))).header("Accept", "text/csv").build();
        return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString()).body().lines().skip(1).findFirst().orElse("");
    }

    static Object identity(Path store) throws Exception {
        return Files.readAttributes(store, BasicFileAttributes.class).fileKey();
    }

    @Test
    void restartWithUnchangedInputsDoesNotReloadAndAChangedFileIsPickedUp() throws Exception {
        Project p = Fixtures.copyTo(dir);

        ServeCommand first = serve(p);
        assertEquals("3", companies(first.start()));
        assertTrue(first.reloaded(), "a missing store is loaded");
        first.stop();
        Object built = identity(p.store());

        ServeCommand second = serve(p);
        assertEquals("3", companies(second.start()));
        assertFalse(second.reloaded(), "unchanged inputs are not reloaded");
        second.stop();
        assertEquals(built, identity(p.store()), "the same store directory is served");

        Path companies = p.data().resolve("entities").resolve("companies.ttl");
        Files.writeString(companies, Files.readString(companies)
                + "<https://w3id.org/china-ai-kg/id/org/moonshot> a kg:Company ; rdfs:label \"Moonshot AI\"@en .\n");
        ServeCommand third = serve(p);
        assertEquals("4", companies(third.start()));
        assertTrue(third.reloaded(), "a changed file is picked up");
        third.stop();
    }

    @Test
    void aNewOrRemovedFileCountsAsAChange() throws Exception {
        Project p = Fixtures.copyTo(dir);
        Inputs inputs = new Inputs(p.data(), p.ontology());
        assertEquals(0, Fixtures.run("load", "--store", p.store().toString(), "--data", p.data().toString(),
                "--ontology", p.ontology().toString()).exitCode());
        assertTrue(Stores.isCurrent(p.store(), inputs));
        Path extra = p.data().resolve("statements").resolve("002-empty.ttl");
        Files.writeString(extra, "# nothing yet\n");
        assertFalse(Stores.isCurrent(p.store(), inputs));
        Files.delete(extra);
        assertTrue(Stores.isCurrent(p.store(), inputs));
        Files.delete(p.data().resolve("statements").resolve("000-models.ttl"));
        assertFalse(Stores.isCurrent(p.store(), inputs));
    }
}
