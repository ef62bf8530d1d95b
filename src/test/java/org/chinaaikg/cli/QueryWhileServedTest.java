package org.chinaaikg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.chinaaikg.Fixtures;
import org.chinaaikg.Fixtures.Project;
import org.chinaaikg.Fixtures.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code query} while {@code serve} serves the same store (README's "Add a query" asks for exactly that): the query
 * goes to the server, and the answer is the one the store gives when nobody serves it. Saved queries go by name too.
 */
class QueryWhileServedTest {
    static final String BAIDU = "https://w3id.org/china-ai-kg/id/org/baidu";

    @TempDir
    Path dir;

    static Run query(Project p, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("query", "--store", p.store().toString(), "--queries", p.queries().toString()));
        all.addAll(List.of(args));
        return Fixtures.run(all.toArray(String[]::new));
    }

    @Test
    void queriesWhileServedGoToTheServerAndAnswerAsTheStoreDoes() throws Exception {
        Project p = Fixtures.copyTo(dir);
        Run byName, byFile, withParams, ask, table;
        try (ServerProcess server = ServerProcess.serve(p)) {
            byName = query(p, "models-per-company", "--format", "csv");
            byFile = query(p, p.queries().resolve("models-per-company.rq").toString(), "--format", "csv");
            withParams = query(p, "models-of-company", "--format", "tsv", "--param", "company=" + BAIDU, "--param", "since=2020");
            ask = query(p, "--query", "ASK { <" + BAIDU + "> ?p ?o }", "--format", "json");
            table = query(p, "--query", "SELECT ?label WHERE { <" + BAIDU + "> ?p ?label FILTER(isLiteral(?label)) }");
        }
        for (Run r : List.of(byName, byFile, withParams, ask, table)) assertEquals(0, r.exitCode(), r.err());
        assertEquals("company,company_label,models", byName.out().lines().findFirst().orElseThrow());
        assertEquals(BAIDU + ",Baidu,2", byName.out().lines().skip(1).findFirst().orElseThrow());
        assertEquals(byName.out(), byFile.out());
        assertEquals(2, withParams.out().lines().count(), withParams.out());
        assertTrue(withParams.out().contains("ERNIE Bot"), withParams.out());
        assertTrue(ask.out().contains("\"boolean\" : true"), ask.out());
        assertTrue(table.out().contains("\"Baidu\"@en"), table.out());

        // The same queries on the store itself, no server: the very same answers.
        assertEquals(byName.out(), query(p, "models-per-company", "--format", "csv").out());
        assertEquals(withParams.out(), query(p, "models-of-company", "--format", "tsv", "--param", "company=" + BAIDU,
                "--param", "since=2020").out());
        assertEquals(ask.out(), query(p, "--query", "ASK { <" + BAIDU + "> ?p ?o }", "--format", "json").out());
    }

    @Test
    void aSavedQueryNameWorksAsQueriesSlashNameDoes() {
        Project p = Fixtures.copyTo(dir);
        assertEquals(0, p.run("load").exitCode());
        // The repository's own saved query, by name, as /queries/count-by-type runs it.
        Run r = Fixtures.run("query", "count-by-type", "--queries", "queries", "--store", p.store().toString(), "--format", "csv");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("type,instances", r.out().lines().findFirst().orElseThrow());
        assertTrue(r.out().contains("https://w3id.org/china-ai-kg/ontology#Company,3"), r.out());
        Run withSuffix = Fixtures.run("query", "count-by-type.rq", "--queries", "queries", "--store", p.store().toString(), "--format", "csv");
        assertEquals(r.out(), withSuffix.out());
    }

    @Test
    void anUnknownQueryIsOneLineNamingItAndTheSavedQueries() {
        Project p = Fixtures.copyTo(dir);
        assertEquals(0, p.run("load").exitCode());
        Run r = query(p, "no-such-query");
        assertEquals(2, r.exitCode());
        assertEquals("query: no-such-query: no such query file, and no saved query no-such-query.rq in " + p.queries()
                + " (saved queries: models-of-company, models-per-company)", r.err().strip());
    }
}
