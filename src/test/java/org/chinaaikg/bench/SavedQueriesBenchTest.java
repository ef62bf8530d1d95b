package org.chinaaikg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.chinaaikg.web.ServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The saved-query benchmark's own parts: its row count, its calls on a real server, its list of calls. */
class SavedQueriesBenchTest {
    @RegisterExtension
    static final ServerExtension server = ServerExtension.onFixtures("--timeout", "5");

    static final String COMPANY = "https://w3id.org/china-ai-kg/id/org/baidu";

    @Test
    void countsTheBindingsAsJenaDoes() throws Exception {
        SavedQueriesBench.Answer a = SavedQueriesBench.call(Bench.client(), server.base(),
                new SavedQueriesBench.Call("m", "/queries/models-of-company?company=" + Bench.enc(COMPANY)), Duration.ofSeconds(30));
        assertEquals(200, a.status(), a.error());
        byte[] body = server.get("/queries/models-of-company?company=" + Bench.enc(COMPANY), "application/sparql-results+json")
                .body().getBytes(StandardCharsets.UTF_8);
        long jena = ResultSetFormatter.consume(ResultSetMgr.read(new ByteArrayInputStream(body), ResultSetLang.RS_JSON));
        assertTrue(jena > 0, "the fixture has models of Baidu");
        assertEquals(jena, a.rows());
        assertEquals(jena, SavedQueriesBench.rows(body));
    }

    @Test
    void rowsAreNotFooledByNamesOrStrings() {
        String json = """
                {"head": {"vars": ["bindings", "x"]},
                 "results": {"bindings": [
                   {"x": {"type": "literal", "value": "a \\"bindings\\": [{ } ] { quote"}},
                   {"bindings": {"type": "literal", "value": "}}]]"}, "x": {"type": "uri", "value": "http://e/"}},
                   {}
                 ]}}
                """;
        assertEquals(3, SavedQueriesBench.rows(json.getBytes(StandardCharsets.UTF_8)));
        assertEquals(0, SavedQueriesBench.rows("{\"head\": {\"vars\": []}, \"results\": {\"bindings\": []}}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, SavedQueriesBench.rows("{\"head\": {}, \"boolean\": false}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(-1, SavedQueriesBench.rows("not json".getBytes(StandardCharsets.UTF_8)));
        // and as Jena's own writer writes the same rows
        var rs = ResultSetFactory.copyResults(ResultSetMgr.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_JSON));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ResultSetMgr.write(out, rs, ResultSetLang.RS_JSON);
        assertEquals(3, SavedQueriesBench.rows(out.toByteArray()));
    }

    @Test
    void aNonOkAnswerIsItsStatusAndFirstLineNotATime() {
        SavedQueriesBench.Answer missing = SavedQueriesBench.call(Bench.client(), server.base(),
                new SavedQueriesBench.Call("m", "/queries/models-of-company"), Duration.ofSeconds(30));
        assertEquals(400, missing.status());
        assertTrue(missing.error().startsWith("400 ") && !missing.error().contains("\n"), missing.error());
        SavedQueriesBench.Answer none = SavedQueriesBench.call(Bench.client(), server.base(),
                new SavedQueriesBench.Call("n", "/queries/no-such-query"), Duration.ofSeconds(30));
        assertEquals(404, none.status());
    }

    @Test
    void everySavedQueryHasARealisticCallAndOptionalParametersTwo() throws Exception {
        for (boolean bundled : new boolean[] {true, false}) {
            List<SavedQueriesBench.Call> calls = SavedQueriesBench.calls(Path.of("queries"), bundled);
            List<String> labels = calls.stream().map(SavedQueriesBench.Call::label).toList();
            try (var files = java.nio.file.Files.list(Path.of("queries"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".rq")).toList()) {
                    String name = f.getFileName().toString().replace(".rq", "");
                    long n = labels.stream().filter(l -> l.equals(name) || l.startsWith(name + "?")).count();
                    assertEquals(java.nio.file.Files.readString(f).contains("?__") ? 2 : 1, n, name + " in " + labels);
                }
            }
            assertTrue(labels.contains("claims-of-source"), labels.toString());
            assertTrue(labels.contains(bundled ? "claims-of-source?source=id/source/global-times-wuzhen-2024" : "claims-of-source?source=id/doc/d7"), labels.toString());
            assertTrue(labels.contains("facts-with-evidence"), labels.toString());
            assertTrue(labels.contains(bundled ? "find-by-name?name=iflytek" : "find-by-name?name=company 7"), labels.toString());
            assertTrue(calls.stream().noneMatch(c -> c.label().equals("company-profile") || c.label().equals("claims-about")),
                    "required parameters are always given");
        }
    }
}
