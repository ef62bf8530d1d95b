package org.chinaaikg.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.chinaaikg.Fixtures;
import org.chinaaikg.Fixtures.Project;
import org.chinaaikg.Fixtures.Run;
import org.chinaaikg.web.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} during {@code load}: the store that the next command opens holds the old data or the new, never a
 * mix and never nothing. The load runs as a separate JVM, killed at several moments after its first "loaded" line.
 */
class KillDuringLoadTest {
    static final String COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";
    static final int BULK = 150_000;

    @TempDir
    Path dir;

    @Test
    void aLoadKilledMidwayLeavesTheOldStoreOrTheNewOne() throws Exception {
        Project p = Fixtures.copyTo(dir);
        assertEquals(0, p.run("load").exitCode());
        long before = count(p);
        writeBulk(p.data().resolve("statements").resolve("zzz-bulk.ttl"), BULK);
        long after = before + BULK;

        int killedMidway = 0;
        for (long delay : new long[] {0, 250, 600}) {
            Process load = new ProcessBuilder(List.of(java(), "-cp", classpath(), "org.chinaaikg.cli.Main", "load",
                    "--store", p.store().toString(), "--data", p.data().toString(), "--ontology", p.ontology().toString()))
                    .redirectErrorStream(true).start();
            List<String> seen = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(load.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                long t0 = System.nanoTime();
                while ((line = out.readLine()) != null) {
                    seen.add(line);
                    if (line.startsWith("loaded ")) break;
                }
                assertTrue(seen.stream().anyMatch(l -> l.startsWith("loaded ")), "no progress line: " + seen);
                Thread.sleep(delay);
                boolean alive = load.isAlive();
                load.destroyForcibly();
                assertTrue(load.waitFor(30, TimeUnit.SECONDS));
                if (alive && load.exitValue() != 0) killedMidway++;
                System.out.printf("kill %d ms after the first loaded line (%.1f s after start): %s%n", delay,
                        (System.nanoTime() - t0) / 1e9, alive ? "killed" : "had finished");
            }
            long now = count(p);
            assertTrue(now == before || now == after, "after a kill " + delay + " ms into the load the store holds "
                    + now + " quads, neither the old " + before + " nor the new " + after);
            assertEquals(List.of("store"), siblings(p), "leftovers beside the store");
        }
        assertTrue(killedMidway >= 2, "only " + killedMidway + " loads were killed before they finished");

        try (TestServer server = TestServer.start(p)) {
            assertEquals(List.of("n", String.valueOf(after)), server.sparql(COUNT).body().lines().toList());
        }
    }

    @Test
    void aKillBetweenTheTwoRenamesOfTheSwapPutsTheOldStoreBack() throws Exception {
        Project p = Fixtures.copyTo(dir);
        assertEquals(0, p.run("load").exitCode());
        long before = count(p);
        long dead = deadPid();
        // What swap() leaves when killed between "store -> store.old-PID" and "store.building-PID -> store".
        Files.move(p.store(), p.store().resolveSibling("store.old-" + dead));
        Path building = Files.createDirectories(p.store().resolveSibling("store.building-" + dead).resolve("Data-0001"));
        Files.writeString(building.resolve("half-written"), "x");

        assertEquals(before, count(p));
        assertEquals(List.of("store"), siblings(p));
    }

    @Test
    void leftoversOfALoadThatIsStillRunningAreLeftAlone() throws Exception {
        Project p = Fixtures.copyTo(dir);
        assertEquals(0, p.run("load").exitCode());
        // Another process that stays alive while we look: it stands for a load still running.
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            Path building = Files.createDirectories(p.store().resolveSibling("store.building-" + other.pid()));
            count(p);
            assertTrue(other.isAlive(), "the stand-in for a running load ended before the check");
            assertTrue(Files.isDirectory(building), "a running load's build was deleted");
        } finally {
            other.destroyForcibly();
            other.waitFor();
        }
    }

    private static long count(Project p) {
        Run r = p.run("query", "--query", COUNT, "--format", "csv");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("n", lines.get(0).trim());
        return Long.parseLong(lines.get(1).trim());
    }

    private static List<String> siblings(Project p) throws Exception {
        try (Stream<Path> list = Files.list(p.store().getParent())) {
            return list.map(x -> x.getFileName().toString()).filter(n -> n.startsWith("store")).sorted().toList();
        }
    }

    private static void writeBulk(Path file, int n) throws Exception {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            for (int i = 0; i < n; i++) w.printf("<urn:bulk:s%d> <urn:bulk:p%d> \"%d\" .%n", i, i % 17, i);
        }
    }

    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder(java(), "-version").start();
        p.waitFor();
        assertFalse(p.isAlive());
        return p.pid();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The test class path: Surefire passes it in a property, its own JVM sees only a launcher jar. */
    private static String classpath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return String.join(File.pathSeparator, cp.split(File.pathSeparator));
    }
}
