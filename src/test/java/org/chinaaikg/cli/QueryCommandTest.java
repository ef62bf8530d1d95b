package org.chinaaikg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.chinaaikg.Fixtures;
import org.chinaaikg.Fixtures.Project;
import org.chinaaikg.Fixtures.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code query}: saved queries and query text against the store, no server. */
class QueryCommandTest {
    static final String BAIDU = "https://w3id.org/china-ai-kg/id/org/baidu";

    @TempDir
    static Path dir;
    static Project project;

    @BeforeAll
    static void load() {
        project = Fixtures.copyTo(dir);
        assertEquals(0, project.run("load").exitCode());
    }

    @Test
    void savedQueryFileAnswersAsCsv() {
        Run r = project.run("query", project.queries().resolve("models-per-company.rq").toString(), "--format", "csv");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("company,company_label,models", r.out().lines().findFirst().orElseThrow());
        assertEquals(BAIDU + ",Baidu,2", r.out().lines().skip(1).findFirst().orElseThrow());
    }

    @Test
    void queryTextAnswersAsATable() {
        Run r = project.run("query", "--query", "SELECT ?label WHERE { <" + BAIDU + "> ?p ?label FILTER(isLiteral(?label)) }");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\"Baidu\"@en"), r.out());
    }

    @Test
    void parametersAreGivenAsNameEqualsValue() {
        Run r = project.run("query", project.queries().resolve("models-of-company.rq").toString(), "--format", "tsv",
                "--param", "company=" + BAIDU, "--param", "since=2020");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r.out());
        assertTrue(lines.get(1).contains("ERNIE Bot"));
    }

    @Test
    void missingOrBadParameterFailsNamingIt() {
        Run missing = project.run("query", project.queries().resolve("models-of-company.rq").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("'company'"), missing.err());
        Run bad = project.run("query", project.queries().resolve("models-of-company.rq").toString(), "--param", "company=baidu");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("'company'"), bad.err());
    }

    @Test
    void queryWithoutAStoreFailsAndSaysHowToBuildIt() {
        Run r = Fixtures.run("query", "--store", dir.resolve("nowhere").toString(), "--query", "ASK {}");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("load"), r.err());
    }

    @Test
    void querySyntaxErrorNamesLineAndColumn() {
        Run r = project.run("query", "--query", "SELECT * WHERE {\n  ?s ?p \n}");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--query:3:1"), r.err());
    }
}
