package org.chinaaikg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.chinaaikg.Fixtures;
import org.chinaaikg.Fixtures.Project;
import org.chinaaikg.Fixtures.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} checks its port before any work: a bad or busy port is one line, and nothing is loaded. */
class PortOptionTest {
    @TempDir
    Path dir;

    static Run serve(Project p, String port) {
        // Before the fix a bad port served on another one: the command never returned.
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Fixtures.run("serve", "--port", port,
                "--store", p.store().toString(), "--data", p.data().toString(), "--ontology", p.ontology().toString(),
                "--queries", p.queries().toString()));
    }

    @Test
    void aPortOutOfRangeIsRefusedBeforeLoading() {
        Project p = Fixtures.copyTo(dir);
        for (String port : new String[] {"-1", "70000", "65536"}) {
            Run r = serve(p, port);
            assertEquals(2, r.exitCode(), r.err());
            assertEquals("serve: --port " + port + ": not a port; pass --port N with N from 1 to 65535, or --port 0 for a free one",
                    r.err().strip());
            assertFalse(Files.exists(p.store()), "nothing was loaded");
        }
    }

    @Test
    void aBusyPortIsOneLineBeforeLoading() throws Exception {
        Project p = Fixtures.copyTo(dir);
        try (ServerSocket busy = new ServerSocket(0)) {
            int port = busy.getLocalPort();
            long t0 = System.nanoTime();
            Run r = serve(p, String.valueOf(port));
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertEquals(1, r.exitCode(), r.err());
            assertEquals("serve: port " + port + " is in use; pass --port N or --port 0", r.err().strip());
            assertFalse(Files.exists(p.store()), "nothing was loaded (" + seconds + " s)");
            assertFalse(Files.exists(p.store().resolveSibling("store.serving")), "no lock file left");
        }
    }
}
