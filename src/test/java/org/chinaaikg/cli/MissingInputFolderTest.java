package org.chinaaikg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.chinaaikg.Fixtures;
import org.chinaaikg.Fixtures.Project;
import org.chinaaikg.Fixtures.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A --data or --ontology folder that does not exist or holds no Turtle is an error, never an empty graph. */
class MissingInputFolderTest {
    @TempDir
    Path dir;

    static Run run(String command, Project p, Path data, Path ontology) {
        return Fixtures.run(command, "--port", "0", "--store", p.store().toString(), "--data", data.toString(),
                "--ontology", ontology.toString(), "--queries", p.queries().toString());
    }

    static Run runNoPort(String command, Project p, Path data, Path ontology) {
        return Fixtures.run(command, "--store", p.store().toString(), "--data", data.toString(), "--ontology", ontology.toString());
    }

    static Run validate(Path data, Path ontology) {
        return Fixtures.run("validate", "--data", data.toString(), "--ontology", ontology.toString());
    }

    static void assertOneLine(Run r, String command, String startsWith) {
        assertEquals(2, r.exitCode(), r.out() + r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith(command + ": " + startsWith), r.err());
    }

    @Test
    void aMissingDataFolderIsAnErrorForValidateLoadAndServe() {
        Project p = Fixtures.copyTo(dir);
        Path missing = dir.resolve("dta");
        assertOneLine(validate(missing, p.ontology()), "validate", "--data " + missing + ": no such folder");
        assertOneLine(runNoPort("load", p, missing, p.ontology()), "load", "--data " + missing + ": no such folder");
        assertOneLine(run("serve", p, missing, p.ontology()), "serve", "--data " + missing + ": no such folder");
        assertFalse(Files.exists(p.store()), "nothing was built");
    }

    @Test
    void aMissingOntologyFolderIsAnError() {
        Project p = Fixtures.copyTo(dir);
        Path missing = dir.resolve("ontologie");
        assertOneLine(validate(p.data(), missing), "validate", "--ontology " + missing + ": no such folder");
        assertOneLine(runNoPort("load", p, p.data(), missing), "load", "--ontology " + missing + ": no such folder");
    }

    @Test
    void aFolderWithoutTurtleFilesIsAnError() throws Exception {
        Project p = Fixtures.copyTo(dir);
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "not Turtle\n");
        assertOneLine(validate(empty, p.ontology()), "validate", "--data " + empty + ": holds no .ttl file");
        assertOneLine(validate(p.data(), empty), "validate", "--ontology " + empty + ": holds no .ttl file");
        assertOneLine(run("serve", p, empty, p.ontology()), "serve", "--data " + empty + ": holds no .ttl file");
        assertFalse(Files.exists(p.store()), "nothing was built");
    }
}
