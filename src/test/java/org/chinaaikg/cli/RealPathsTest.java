package org.chinaaikg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.chinaaikg.Fixtures;
import org.chinaaikg.Fixtures.Run;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code load} names the files it read where they are; {@code verify-provenance} finds the corpus where README puts it. */
class RealPathsTest {
    static final Path SEEDS = Path.of(System.getProperty("kg.seeds", Path.of("..", "shared", "seeds").toString()));

    @TempDir
    Path dir;

    @Test
    void loadPrintsThePathsOfTheFoldersItWasGiven() throws Exception {
        Fixtures.copyTo(dir);
        Path data = Files.move(dir.resolve("data"), dir.resolve("my-data"));
        Path ontology = Files.move(dir.resolve("ontology"), dir.resolve("my-ontology"));
        Run r = Fixtures.run("load", "--store", dir.resolve("store").toString(), "--data", data.toString(),
                "--ontology", ontology.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("loaded " + data.resolve("statements").resolve("000-models.ttl") + " "), r.out());
        assertTrue(r.out().contains("loaded " + ontology.resolve("mini-shapes.ttl") + " "), r.out());
        assertFalse(r.out().contains("loaded data/"), r.out());
        assertFalse(r.out().contains("loaded ontology/"), r.out());
    }

    @Test
    void verifyProvenanceDefaultsToTheCorpusBesideTheProject() {
        Assumptions.assumeTrue(SEEDS.equals(Path.of("..", "shared", "seeds")) && Files.isDirectory(SEEDS),
                "the source corpus is not at ../shared/seeds: skipped");
        Run r = Fixtures.run("verify-provenance");
        assertEquals(0, r.exitCode(), r.err() + r.out());
        assertTrue(r.out().contains("all verified"), r.out());
    }

    @Test
    void aWrongSourcesFolderIsSaidOnceNotOncePerClaim() throws Exception {
        Path wrong = Files.createDirectories(dir.resolve("not-the-corpus"));
        Files.writeString(wrong.resolve("readme.txt"), "nothing to see\n", StandardCharsets.UTF_8);
        Run r = Fixtures.run("verify-provenance", "--sources", wrong.toString(), "--data", "data");
        assertEquals(1, r.exitCode(), r.out());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("verify-provenance: --sources " + wrong + ": no source file found"), r.err());
        assertFalse(r.out().contains("FAIL"), r.out());
    }

    @Test
    void aMissingSourcesFolderIsOneLine() {
        Path missing = dir.resolve("seeds");
        Run r = Fixtures.run("verify-provenance", "--sources", missing.toString(), "--data", "data");
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("verify-provenance: --sources " + missing + ": no such folder"), r.err());
    }
}
