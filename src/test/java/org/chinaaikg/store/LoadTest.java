package org.chinaaikg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.chinaaikg.Fixtures;
import org.chinaaikg.Fixtures.Project;
import org.chinaaikg.Fixtures.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code load}: a store built file by file, all or nothing. */
class LoadTest {
    static final String COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";

    @TempDir
    Path dir;

    @Test
    void loadReportsEachFileWithItsTripleCountAndGraph() {
        Project p = Fixtures.copyTo(dir);
        Run load = p.run("load");
        assertEquals(0, load.exitCode(), load.err());
        // Each file by the path it was read from (here the project's temporary copy), not by the default folder's name.
        assertTrue(load.out().matches("(?s).*loaded \\Q" + p.data().resolve("statements").resolve("000-models.ttl") + "\\E\\s+16 triples\\s+"
                + "<https://w3id.org/china-ai-kg/graph/statements/000-models>.*"), load.out());
        assertTrue(load.out().contains("loaded " + p.data().resolve("entities").resolve("companies.ttl")), load.out());
        assertTrue(load.out().contains("loaded " + p.ontology().resolve("mini-shapes.ttl")), load.out());
        assertTrue(Files.isRegularFile(p.store().resolve(Manifest.FILE_NAME)));
    }

    @Test
    void syntaxErrorFailsTheLoadNamingFileLineColumnAndLeavesTheStoreAsItWas() throws Exception {
        Project p = Fixtures.copyTo(dir);
        assertEquals(0, p.run("load").exitCode());
        String before = p.run("query", "--query", COUNT, "--format", "csv").out();
        String manifestBefore = Files.readString(p.store().resolve(Manifest.FILE_NAME));

        Path broken = p.data().resolve("statements").resolve("001-broken.ttl");
        Files.writeString(broken, "@prefix kg: <https://w3id.org/china-ai-kg/ontology#> .\n\n<urn:x> kg:p <urn:y> <urn:z> .\n");
        // A second broken file after the first: the load reports both, not just the first it meets.
        Path alsoBroken = p.data().resolve("statements").resolve("002-also-broken.ttl");
        Files.writeString(alsoBroken, "<urn:a> <urn:b> \"unterminated .\n");
        Run load = p.run("load");

        assertEquals(1, load.exitCode());
        assertTrue(load.err().matches("(?s).*\\Q" + broken + "\\E:3:\\d+: .*"), load.err());
        assertTrue(load.err().matches("(?s).*\\Q" + alsoBroken + "\\E:\\d+:\\d+: .*"), load.err());
        assertEquals(before, p.run("query", "--query", COUNT, "--format", "csv").out());
        assertEquals(manifestBefore, Files.readString(p.store().resolve(Manifest.FILE_NAME)));
        assertEquals(1, siblings(p), "no half-built store left beside the store");
    }

    @Test
    void shaclViolationFailsTheLoadNamingFocusNodeAndRule() throws Exception {
        Project p = Fixtures.copyTo(dir);
        assertEquals(0, p.run("load").exitCode());
        String before = p.run("query", "--query", COUNT, "--format", "csv").out();
        Files.writeString(p.data().resolve("entities").resolve("unnamed.ttl"),
                "<https://w3id.org/china-ai-kg/id/org/nameless> a <https://w3id.org/china-ai-kg/ontology#Company> .\n");

        Run load = p.run("load");

        assertEquals(1, load.exitCode());
        assertTrue(load.err().contains("<https://w3id.org/china-ai-kg/id/org/nameless>"), load.err());
        assertTrue(load.err().contains("MinCountConstraintComponent"), load.err());
        assertTrue(load.err().contains("A company needs a label."), load.err());
        assertEquals(before, p.run("query", "--query", COUNT, "--format", "csv").out());
    }

    @Test
    void loadWithoutShapesSkipsShacl() throws Exception {
        Project p = Fixtures.copyTo(dir);
        Files.delete(p.ontology().resolve("mini-shapes.ttl"));
        Files.writeString(p.data().resolve("entities").resolve("unnamed.ttl"),
                "<https://w3id.org/china-ai-kg/id/org/nameless> a <https://w3id.org/china-ai-kg/ontology#Company> .\n");
        assertEquals(0, p.run("load").exitCode());
    }

    @Test
    void loadRefusesToReplaceADirectoryThatIsNotAStore() throws Exception {
        Project p = Fixtures.copyTo(dir);
        Files.createDirectories(p.store());
        Files.writeString(p.store().resolve("notes.txt"), "mine");
        Run load = p.run("load");
        assertEquals(1, load.exitCode());
        assertTrue(load.err().contains("not a store"), load.err());
        assertEquals("mine", Files.readString(p.store().resolve("notes.txt")));
    }

    private long siblings(Project p) throws Exception {
        try (Stream<Path> list = Files.list(p.store().getParent())) {
            return list.filter(x -> x.getFileName().toString().startsWith("store")).count();
        }
    }
}
