package org.chinaaikg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.chinaaikg.Fixtures;
import org.chinaaikg.Fixtures.Project;
import org.chinaaikg.Fixtures.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate}: every file parses, and the data conforms to the shapes. */
class ValidateCommandTest {
    @TempDir
    Path dir;

    static Run validate(Project p) {
        return Fixtures.run("validate", "--data", p.data().toString(), "--ontology", p.ontology().toString());
    }

    @Test
    void conformingProjectValidates() {
        Run r = validate(Fixtures.copyTo(dir));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("4 files parse; the data conforms to the SHACL shapes"), r.out());
    }

    @Test
    void everyBrokenFileIsNamedWithLineAndColumn() throws Exception {
        Project p = Fixtures.copyTo(dir);
        Path first = p.data().resolve("statements").resolve("001-bad.ttl");
        Path second = p.ontology().resolve("extra.ttl");
        Files.writeString(first, "<urn:a> <urn:b> .\n");
        Files.writeString(second, "\n\n  undeclared:x <urn:b> <urn:c> .\n");
        Run r = validate(p);
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains(first + ":1:"), r.err());
        assertTrue(r.err().contains(second + ":3:3:"), r.err());
    }

    @Test
    void violationNamesFocusNodePathAndConstraint() throws Exception {
        Project p = Fixtures.copyTo(dir);
        Files.writeString(p.data().resolve("statements").resolve("001-orphan.ttl"),
                "<https://w3id.org/china-ai-kg/id/model/orphan> a <https://w3id.org/china-ai-kg/ontology#AIModel> ;"
                        + " <http://www.w3.org/2000/01/rdf-schema#label> \"Orphan\" .\n");
        Run r = validate(p);
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("focus <https://w3id.org/china-ai-kg/id/model/orphan>"), r.err());
        assertTrue(r.err().contains("path <https://w3id.org/china-ai-kg/ontology#developedBy>"), r.err());
        assertTrue(r.err().contains("MinCountConstraintComponent"), r.err());
    }
}
