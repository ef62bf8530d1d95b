package org.chinaaikg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chinaaikg.Fixtures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code mvn package} runs to make the class-data archive: {@code serve --port 0 --exit-after-warm-up} opens
 * the store (or loads it), serves on a free port, sends itself every kind of request and exits 0 by itself. With {@code --port 0} the warm-up
 * used to ask port 0 (Fuseki's port before Jetty had finished starting), stopped at once with a ConnectException and
 * said it was done, so the archive held none of the query path's classes (when the store was current; a serve that
 * loads first answers "loading" on a port it picked, which the server then takes over).
 */
@Tag("slow")
class ClassDataArchiveTest {
    @TempDir
    Path dir;

    @Test
    void serveExitsAfterAWarmUpThatReachedTheServer() throws Exception {
        Fixtures.Project p = Fixtures.copyTo(dir);
        // A current store, as after mvn package: no loading placeholder holds a port for the server to take over.
        assertEquals(0, p.run("load").exitCode());
        List<String> args = new ArrayList<>(List.of("serve", "--port", "0", "--exit-after-warm-up",
                "--queries", p.queries().toString()));
        args.addAll(p.inputOptions());
        // The archive itself needs the jar (CDS takes no class folders): .ci/run starts the jar from it, -Xshare:on.
        ServerProcess serve = ServerProcess.run(null, Map.of(), args.toArray(String[]::new));
        String out = serve.text();
        assertEquals(0, serve.exitCode(), out);
        assertTrue(out.contains("Request path warmed"), out);
        assertFalse(out.contains("Warm-up stopped"), out);
        assertTrue(out.contains("Warm-up done: stopping"), out);
        assertFalse(Files.exists(p.store().resolveSibling("store.serving")), "no lock file left");
    }
}
