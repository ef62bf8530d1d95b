package org.chinaaikg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.chinaaikg.Fixtures;
import org.chinaaikg.Fixtures.Project;
import org.chinaaikg.Fixtures.Run;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every user error is one line naming the file or option and what to do; the stack trace only with --verbose. */
class OneLineErrorsTest {
    @TempDir
    Path dir;

    /**
     * Makes a folder read-only for this process: without write permission, or, for root (whom permissions do not
     * stop), immutable ({@code chattr +i}). Skips the test where neither is possible.
     */
    static void readOnly(Path folder) throws Exception {
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (Files.isWritable(folder)) {
            int rc = new ProcessBuilder("chattr", "+i", folder.toString()).redirectErrorStream(true).start().waitFor();
            Assumptions.assumeTrue(rc == 0 && !Files.isWritable(folder), "cannot make " + folder + " read-only here");
        }
    }

    static void writable(Path folder) throws Exception {
        new ProcessBuilder("chattr", "-i", folder.toString()).redirectErrorStream(true).start().waitFor();
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    static void assertOneLine(Run r, int exitCode, String expected) {
        assertEquals(exitCode, r.exitCode(), r.err());
        assertEquals(List.of(expected), r.err().lines().toList());
    }

    @Test
    void loadOrServeIntoAReadOnlyFolderIsOneLineNamingTheFolder() throws Exception {
        Project p = Fixtures.copyTo(dir);
        Path ro = Files.createDirectories(dir.resolve("ro"));
        readOnly(ro);
        try {
            Path store = ro.resolve("store");
            String expected = "--store " + store + ": cannot write in " + ro
                    + " (permission denied; the store is built beside its final place and renamed); pass --store DIR in a folder you can write";
            assertOneLine(Fixtures.run("load", "--store", store.toString(), "--data", p.data().toString(),
                    "--ontology", p.ontology().toString()), 2, "load: " + expected);
            assertOneLine(Fixtures.run("serve", "--port", "0", "--store", store.toString(), "--data", p.data().toString(),
                    "--ontology", p.ontology().toString(), "--queries", p.queries().toString()), 2, "serve: " + expected);

            Run verbose = Fixtures.run("--verbose", "load", "--store", store.toString(), "--data", p.data().toString(),
                    "--ontology", p.ontology().toString());
            assertTrue(verbose.err().startsWith("load: " + expected + "\n"), verbose.err());
            assertTrue(verbose.err().contains("\tat org.chinaaikg.cli."), "--verbose shows the stack trace: " + verbose.err());
            Run verboseAfter = Fixtures.run("load", "--verbose", "--store", store.toString(), "--data", p.data().toString(),
                    "--ontology", p.ontology().toString());
            assertTrue(verboseAfter.err().contains("\tat org.chinaaikg.cli."), "--verbose after the command too: " + verboseAfter.err());
        } finally {
            writable(ro);
        }
    }

    @Test
    void queryOnAReadOnlyStoreIsOneLine() throws Exception {
        Project p = Fixtures.copyTo(dir);
        assertEquals(0, p.run("load").exitCode());
        readOnly(p.store());
        try {
            assertOneLine(p.run("query", "--query", "ASK {}"), 1, "query: --store " + p.store()
                    + ": the folder is read-only (TDB2 writes its lock file in it); make it writable");
        } finally {
            writable(p.store());
        }
    }

    @Test
    void aMissingQueryFileIsOneLineNamingIt() {
        Project p = Fixtures.copyTo(dir);
        assertEquals(0, p.run("load").exitCode());
        Path missing = dir.resolve("queries").resolve("typo.rq");
        Run r = Fixtures.run("query", missing.toString(), "--store", p.store().toString(), "--queries", p.queries().toString());
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("query: " + missing + ": no such query file"), r.err());
    }

    @Test
    void anUnreadableQueryFileIsOneLineNamingIt() throws Exception {
        Project p = Fixtures.copyTo(dir);
        assertEquals(0, p.run("load").exitCode());
        Path file = p.queries().resolve("models-per-company.rq");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        Assumptions.assumeFalse(Files.isReadable(file), "root reads every file");
        Run r = p.run("query", file.toString());
        assertOneLine(r, 1, "query: " + file + ": permission denied (--verbose shows the stack trace)");
    }

    @Test
    void commandsPrintThroughTheCommandLinesWriters(@TempDir Path corpus) throws Exception {
        Path source = corpus.resolve("s.txt");
        Files.writeString(source, "The quick brown fox.", StandardCharsets.UTF_8);
        Run located = Fixtures.run("locate", "--source", source.toString(), "brown");
        assertEquals(0, located.exitCode(), located.err());
        assertTrue(located.out().contains("start  10"), located.out());
        Run missing = Fixtures.run("locate", "--source", corpus.resolve("nope.txt").toString(), "brown");
        assertOneLine(missing, 2, "locate: --source " + corpus.resolve("nope.txt") + ": no such file; pass --source FILE, the source text");
        Run notThere = Fixtures.run("locate", "--source", source.toString(), "purple");
        assertEquals(1, notThere.exitCode());
        assertEquals(1, notThere.err().lines().count(), notThere.err());
        assertFalse(notThere.err().isBlank());

        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("d.ttl"), "<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n");
        Run verified = Fixtures.run("verify-provenance", "--sources", corpus.toString(), "--data", data.toString());
        assertEquals(0, verified.exitCode(), verified.err());
        assertTrue(verified.out().contains("verify-provenance: 0 source documents, 0 claims, 0 quotes checked: all verified"),
                verified.out());
    }
}
