package org.chinaaikg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.OpWalker;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.expr.E_Exists;
import org.apache.jena.sparql.expr.E_NotExists;
import org.apache.jena.sparql.expr.Expr;
import org.chinaaikg.project.Inputs;
import org.chinaaikg.search.LuceneSearch;
import org.chinaaikg.search.TextQuery;
import org.chinaaikg.store.Stores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 reworked the plans of saved queries (the shape of their text, never what they mean). On the bundled data,
 * each parameterised saved query with a realistic value, and {@code policies}, answers exactly what it answered
 * before: the same rows in the same order as the text before the rework ({@code saved-queries-before-15/}) run on the
 * same store (whatever the data hold then: no answer is pinned, so the test survives a growing corpus).
 */
@Tag("slow")
class SavedQueryAnswersTest {
    static final String ID = "https://w3id.org/china-ai-kg/id/";
    static final Path BEFORE = Path.of("src/test/resources/saved-queries-before-15");

    /** One call of a saved query: its name in reports, the query, its parameter values. */
    record Call(String answer, String query, Map<String, String> values) {}

    static final List<Call> CALLS = List.of(
            new Call("claims-about-baidu", "claims-about", Map.of("entity", ID + "org/baidu")),
            new Call("claims-about-minimax", "claims-about", Map.of("entity", ID + "org/minimax")),
            new Call("company-profile-baidu", "company-profile", Map.of("company", ID + "org/baidu")),
            new Call("find-by-name-iflytek", "find-by-name", Map.of("name", "iflytek")),
            new Call("claims-of-source-china-ai-industry-insights", "claims-of-source",
                    Map.of("source", ID + "source/china-ai-industry-insights")),
            new Call("claims-of-source-global-times-wuzhen-2024", "claims-of-source",
                    Map.of("source", ID + "source/global-times-wuzhen-2024")),
            new Call("facts-with-evidence-sensetime", "facts-with-evidence", Map.of("entity", ID + "org/sensetime")),
            new Call("facts-with-evidence-minimax", "facts-with-evidence", Map.of("entity", ID + "org/minimax")),
            new Call("policies", "policies", Map.of()));

    @TempDir
    static Path dir;
    static Dataset dataset;
    static LuceneSearch search;

    @BeforeAll
    static void load() throws Exception {
        Path store = dir.resolve("store");
        Stores.build(store, new Inputs(Path.of("data"), Path.of("ontology")), line -> {});
        dataset = Stores.open(store);
        search = LuceneSearch.openIn(store);
        TextQuery.register(dataset.getContext(), search);
    }

    @AfterAll
    static void close() {
        if (search != null) search.close();
        if (dataset != null) Stores.release(dataset);
    }

    static String csv(SavedQuery q, Map<String, String> values) throws Exception {
        Map<String, List<String>> given = new java.util.HashMap<>();
        values.forEach((k, v) -> given.put(k, List.of(v)));
        QueryRunner.Result result = QueryRunner.run(dataset.asDatasetGraph(), q.query(), q.bind(given), 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QueryRunner.write(result, ResultFormat.CSV, out);
        return out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    @TestFactory
    List<DynamicTest> eachAnswersAsBeforeTheRework() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Call call : CALLS) {
            tests.add(DynamicTest.dynamicTest(call.answer(), () -> {
                String now = csv(SavedQuery.read(Path.of("queries", call.query() + ".rq")), call.values());
                String before = csv(SavedQuery.read(BEFORE.resolve(call.query() + ".rq")), call.values());
                assertTrue(now.lines().count() > 1, call.answer() + ": no rows at all");
                assertEquals(before, now, call.answer() + ": the saved query answers otherwise than its text before the rework");
            }));
        }
        return tests;
    }

    /**
     * {@code policies} walks no {@code *} or {@code +} path: the store holds the closure of {@code rdfs:subClassOf},
     * and OpenLink Virtuoso 7.2 answered the old text's NOT EXISTS over {@code rdfs:subClassOf+} between two variables
     * with no rows at all (bench/README.md, peers).
     */
    @Test
    void policiesWalksNoPathOfArbitraryLength() throws IOException {
        assertFalse(arbitraryLengthPaths(SavedQuery.read(BEFORE.resolve("policies.rq"))).isEmpty(),
                "the old text has the paths this test looks for");
        assertEquals(List.of(), arbitraryLengthPaths(SavedQuery.read(Path.of("queries/policies.rq"))));
    }

    /** The * and + paths of a query, inside FILTER (NOT) EXISTS too. */
    static List<String> arbitraryLengthPaths(SavedQuery q) {
        List<String> found = new ArrayList<>();
        OpVisitorBase ops = new OpVisitorBase() {
            @Override public void visit(OpPath op) {
                // Jena writes these paths with a trailing * or + (a closure of any length): p*, (p/q)+.
                String path = op.getTriplePath().getPath().toString();
                if (path.replaceAll("<[^>]*>", "").matches(".*[*+].*")) found.add(path);
            }

            @Override public void visit(OpFilter op) {
                for (Expr e : op.getExprs()) {
                    if (e instanceof E_NotExists ne) OpWalker.walk(ne.getGraphPattern(), this);
                    if (e instanceof E_Exists ex) OpWalker.walk(ex.getGraphPattern(), this);
                }
            }
        };
        Op op = Algebra.compile(q.query());
        OpWalker.walk(op, ops);
        return found;
    }
}
