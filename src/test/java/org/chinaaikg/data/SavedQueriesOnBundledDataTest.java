package org.chinaaikg.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVars;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.OpWalker;
import org.apache.jena.sparql.algebra.op.OpExtend;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.aggregate.AggCount;
import org.apache.jena.sparql.expr.aggregate.AggCountDistinct;
import org.apache.jena.sparql.expr.aggregate.AggCountVar;
import org.apache.jena.sparql.expr.aggregate.AggCountVarDistinct;
import org.apache.jena.vocabulary.RDF;
import org.chinaaikg.query.SavedQueries;
import org.chinaaikg.query.SavedQuery;
import org.junit.jupiter.api.BeforeAll;
import org.chinaaikg.search.LuceneSearch;
import org.chinaaikg.search.TextQuery;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every saved query ({@code queries/*.rq}) run on the bundled ontology and data, loaded as the store loads them (one
 * named graph per file, the union as the default graph), returns the rows its description promises. Expected counts
 * come from the data by a simpler independent query, never from a number written here, so that the data can grow.
 */
class SavedQueriesOnBundledDataTest {
    static final Path DATA = Path.of("data");
    static final Path ONTOLOGY = Path.of("ontology");
    static final Path QUERIES = Path.of("queries");
    static final String GRAPH = "https://w3id.org/china-ai-kg/graph/";
    static final String KG = "https://w3id.org/china-ai-kg/ontology#";
    static final String ID = "https://w3id.org/china-ai-kg/id/";
    static final Path EVIDENCE_FIXTURE = Path.of("src", "test", "resources", "saved-queries", "001-evidence-axioms.ttl");
    static final String STATEMENTS_001 = "statements/001-global-times-wuzhen-2024.ttl";

    /** Realistic values for the parameters the saved queries take, by parameter name. */
    static final Map<String, String> PARAMETER_VALUES = Map.of(
            "company", ID + "org/baidu",
            "entity", ID + "org/minimax",
            "name", "iflytec",
            "source", ID + "source/global-times-wuzhen-2024");

    static final String PREFIXES = """
            PREFIX kg: <https://w3id.org/china-ai-kg/ontology#>
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX owl: <http://www.w3.org/2002/07/owl#>
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX schema: <http://schema.org/>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX oa: <http://www.w3.org/ns/oa#>
            PREFIX worg: <http://www.w3.org/ns/org#>
            """;

    /** Graphs that are not data: the ontology and the shapes. */
    static final String NOT_DATA = "FILTER(?g NOT IN (<" + GRAPH + "ontology>, <" + GRAPH + "shapes>))";

    static DatasetGraph bundled;

    @BeforeAll
    static void load() {
        bundled = load(DATA, ONTOLOGY);
        // text:query (find-by-name) over an index of these data, as the server has one of its store.
        TextQuery.register(bundled.getContext(), LuceneSearch.inMemory(bundled));
    }

    // ---- loading, as the store does (see data/README.md: graph IRI = graph base + path under data/ without .ttl) ----

    /**
     * The ontology files into the ontology graph, {@code ontology/*shapes*.ttl} into the shapes graph, and each
     * {@code data/**.ttl} into a graph of its own; every triple also goes into the default graph, which is therefore
     * the union of the named graphs, as the store's union default graph is.
     */
    static DatasetGraph load(Path data, Path ontology) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        for (Path f : ttlFiles(ontology, false)) {
            boolean shapes = f.getFileName().toString().contains("shapes");
            read(dsg, f, GRAPH + (shapes ? "shapes" : "ontology"));
        }
        for (Path f : ttlFiles(data, true)) {
            String rel = data.relativize(f).toString().replace('\\', '/');
            read(dsg, f, GRAPH + rel.substring(0, rel.length() - ".ttl".length()));
        }
        return dsg;
    }

    private static void read(DatasetGraph dsg, Path file, String graph) {
        Node g = NodeFactory.createURI(graph);
        RDFParser.source(file).parse(new StreamRDFBase() {
            @Override
            public void triple(Triple t) {
                dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject());
                dsg.getDefaultGraph().add(t);
            }
        });
    }

    private static List<Path> ttlFiles(Path dir, boolean recursive) {
        try (Stream<Path> walk = recursive ? Files.walk(dir) : Files.list(dir)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".ttl") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- running ----

    /** A saved query's result: its columns and rows. */
    record Result(SavedQuery query, List<String> columns, List<Binding> rows) {
        String value(int row, String column) {
            Node n = rows.get(row).get(Var.alloc(column));
            return n == null ? null : n.isURI() ? n.getURI() : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString();
        }

        List<String> column(String column) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) values.add(value(i, column));
            return values;
        }
    }

    static SavedQuery saved(String name) {
        try {
            return SavedQuery.read(QUERIES.resolve(name + ".rq"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a saved query with its parameters checked and bound the way the server binds them. */
    static Result run(DatasetGraph dsg, String name, Map<String, String> params) {
        SavedQuery q = saved(name);
        Map<String, List<String>> values = new HashMap<>();
        params.forEach((k, v) -> values.put(k, List.of(v)));
        Binding binding;
        try {
            binding = q.bind(values);
        } catch (Exception e) {
            throw new AssertionError(name + ": " + e.getMessage(), e);
        }
        return new Result(q, q.query().getResultVars(), select(dsg, q.query(), binding));
    }

    static Result run(String name, Map<String, String> params) {
        return run(bundled, name, params);
    }

    static Result run(String name) {
        return run(name, Map.of());
    }

    static List<Binding> select(DatasetGraph dsg, Query query, Binding binding) {
        List<Binding> rows = new ArrayList<>();
        try (QueryExec exec = QueryExec.dataset(dsg).query(query).substitution(binding).build()) {
            RowSet rs = exec.select();
            rs.forEachRemaining(rows::add);
        }
        return rows;
    }

    /** An independent check query, with the common prefixes. */
    static List<Binding> check(DatasetGraph dsg, String sparql) {
        return select(dsg, QueryFactory.create(PREFIXES + sparql), BindingFactory.empty());
    }

    static List<Binding> check(String sparql) {
        return check(bundled, sparql);
    }

    static long count(DatasetGraph dsg, String sparql) {
        List<Binding> rows = check(dsg, sparql);
        return Long.parseLong(rows.get(0).get(Var.alloc("n")).getLiteralLexicalForm());
    }

    static long count(String sparql) {
        return count(bundled, sparql);
    }

    static String str(Binding b, String var) {
        Node n = b.get(Var.alloc(var));
        return n == null ? null : n.isURI() ? n.getURI() : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString();
    }

    static Set<String> keys(List<Binding> rows, String... vars) {
        Set<String> keys = new TreeSet<>();
        for (Binding b : rows) {
            List<String> parts = new ArrayList<>();
            for (String v : vars) parts.add(String.valueOf(str(b, v)));
            keys.add(String.join(" | ", parts));
        }
        return keys;
    }

    static Set<String> keys(Result r, String... vars) {
        return keys(r.rows(), vars);
    }

    static Set<String> unorderedPairs(List<Binding> rows, String a, String b) {
        Set<String> pairs = new TreeSet<>();
        for (Binding row : rows) {
            String x = str(row, a), y = str(row, b);
            pairs.add(x.compareTo(y) < 0 ? x + " ~ " + y : y + " ~ " + x);
        }
        return pairs;
    }

    // ---- every query ----

    @TestFactory
    List<DynamicTest> everySavedQueryRunsReturnsRowsAndBindsItsRequiredColumns() {
        List<Path> files = SavedQueries.files(QUERIES);
        assertFalse(files.isEmpty(), "no saved queries in " + QUERIES.toAbsolutePath());
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String name = file.getFileName().toString().replaceFirst("\\.rq$", "");
            SavedQuery q = SavedQuery.read(file);
            Map<String, String> params = new HashMap<>();
            q.parameters().stream().filter(p -> p.required()).forEach(p -> {
                String v = PARAMETER_VALUES.get(p.name());
                if (v == null) fail(name + ": no realistic value for its required parameter '" + p.name() + "' in PARAMETER_VALUES");
                params.put(p.name(), v);
            });
            // facts-with-evidence needs the evidence annotations; until the data carries them, the fixture adds some.
            Result r = run(name.equals("facts-with-evidence") ? withEvidenceFixture() : bundled, name, params);
            assertFalse(r.rows().isEmpty(), name + " returns no row with " + params);
            Set<String> required = requiredColumns(q.query());
            for (int i = 0; i < r.rows().size(); i++) {
                for (String column : required) {
                    assertNotNull(r.value(i, column), name + ": column ?" + column + " unbound in row " + i + ": " + r.rows().get(i));
                }
            }
        })).toList();
    }

    /**
     * The columns bound on every row: the projected variables that the WHERE pattern always binds (not only inside
     * an OPTIONAL or one branch of a UNION, and not a BIND over such a variable), and COUNTs (a GROUP_CONCAT of
     * nothing but unbound values is unbound in Jena).
     */
    static Set<String> requiredColumns(Query query) {
        Op where = Algebra.compile(query.getQueryPattern());
        Set<Var> fixed = new HashSet<>(OpVars.fixedVars(where));
        Map<Var, Expr> binds = new HashMap<>();
        OpWalker.walk(where, new OpVisitorBase() {
            @Override
            public void visit(OpExtend op) {
                op.getVarExprList().forEachVarExpr(binds::put);
            }
        });
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<Var, Expr> bind : binds.entrySet()) {
                if (fixed.contains(bind.getKey()) && !fixed.containsAll(bind.getValue().getVarsMentioned())) {
                    fixed.remove(bind.getKey());
                    changed = true;
                }
            }
        }
        Set<String> required = new LinkedHashSet<>();
        for (Var v : query.getProjectVars()) {
            Expr e = query.getProject().getExpr(v);
            if (e == null) {
                if (fixed.contains(v)) required.add(v.getVarName());
            } else if (e instanceof ExprAggregator agg) {
                var a = agg.getAggregator();
                if (a instanceof AggCount || a instanceof AggCountDistinct || a instanceof AggCountVar || a instanceof AggCountVarDistinct) {
                    required.add(v.getVarName());
                }
            } else {
                Set<Var> mentioned = new HashSet<>(e.getVarsMentioned());
                for (ExprAggregator agg : query.getAggregators()) mentioned.remove(agg.getVar());
                if (fixed.containsAll(mentioned)) required.add(v.getVarName());
            }
        }
        return required;
    }

    @Test
    void everyKgTermThatTheQueriesUseIsDeclaredInTheOntology() throws IOException {
        Model ontology = RDFDataMgr.loadModel(ONTOLOGY.resolve("china-ai-kg.ttl").toString());
        Pattern prefixed = Pattern.compile("(?<![A-Za-z0-9_])kg:([A-Za-z_][A-Za-z0-9_]*)");
        Pattern full = Pattern.compile("<" + Pattern.quote(KG) + "([^>]+)>");
        Pattern kgPrefix = Pattern.compile("(?i)PREFIX\\s+kg:\\s*<([^>]*)>");
        Set<String> undeclared = new TreeSet<>();
        int terms = 0;
        for (Path file : SavedQueries.files(QUERIES)) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Matcher p = kgPrefix.matcher(text);
            while (p.find()) assertEquals(KG, p.group(1), file + " binds kg: to another namespace");
            Set<String> locals = new TreeSet<>();
            for (Matcher m = prefixed.matcher(text); m.find(); ) locals.add(m.group(1));
            for (Matcher m = full.matcher(text); m.find(); ) locals.add(m.group(1));
            for (String local : locals) {
                terms++;
                if (!ontology.contains(ResourceFactory.createResource(KG + local), RDF.type)) {
                    undeclared.add(file.getFileName() + ": kg:" + local);
                }
            }
        }
        assertTrue(terms > 0, "the regular expressions found no kg: term at all");
        assertEquals(Set.of(), undeclared, "kg: terms used in queries/ but not declared (with a type) in ontology/china-ai-kg.ttl");
    }

    // ---- claims and their links ----

    @Test
    void contradictingClaimsListsEveryStoredContradictionOnce() {
        Result r = run("contradicting-claims");
        Set<String> stored = unorderedPairs(check("SELECT ?a ?b WHERE { ?a kg:contradicts ?b }"), "a", "b");
        assertFalse(stored.isEmpty(), "the data holds no kg:contradicts");
        assertEquals(stored, unorderedPairs(r.rows(), "claim_a", "claim_b"));
        assertEquals(stored.size(), r.rows().size(), "each pair once");
    }

    @Test
    void corroboratingClaimsListsEveryStoredCorroborationOnceAndTellsIfTheSourceIsTheSame() {
        Result r = run("corroborating-claims");
        List<Binding> links = check("SELECT ?a ?b ?same WHERE { ?a kg:corroborates ?b . ?a kg:statedIn ?da . ?b kg:statedIn ?db BIND(?da = ?db AS ?same) }");
        Set<String> stored = unorderedPairs(links, "a", "b");
        assertFalse(stored.isEmpty(), "the data holds no kg:corroborates");
        assertEquals(stored, unorderedPairs(r.rows(), "claim_a", "claim_b"));
        assertEquals(stored.size(), r.rows().size(), "each pair once");
        Map<String, String> same = new HashMap<>();
        for (Binding b : links) {
            same.put(str(b, "a") + str(b, "b"), str(b, "same"));
            same.put(str(b, "b") + str(b, "a"), str(b, "same"));
        }
        for (int i = 0; i < r.rows().size(); i++) {
            assertEquals(same.get(r.value(i, "claim_a") + r.value(i, "claim_b")), r.value(i, "same_source"), "same_source of row " + i);
        }
    }

    @Test
    void claimsOfSourceGivesEveryClaimOnceAndOneSourceWhenAsked() {
        assertEquals(count("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a kg:Claim ; kg:statedIn ?s }"), run("claims-of-source").rows().size());
        List<Binding> sources = check("SELECT DISTINCT ?s WHERE { ?c a kg:Claim ; kg:statedIn ?s }");
        assertTrue(sources.size() > 1);
        for (Binding s : sources) {
            String source = str(s, "s");
            Result r = run("claims-of-source", Map.of("source", source));
            assertEquals(count("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a kg:Claim ; kg:statedIn <" + source + "> }"),
                    r.rows().size(), "claims of " + source);
            List<Integer> starts = r.column("start").stream().map(Integer::valueOf).toList();
            assertEquals(starts.stream().sorted().toList(), starts, "claims of " + source + " in the order of the text");
        }
    }

    @Test
    void claimsAboutGivesEveryClaimAboutTheEntity() {
        for (String entity : List.of(ID + "org/minimax", ID + "place/china", ID + "org/baidu")) {
            Result r = run("claims-about", Map.of("entity", entity));
            long expected = count("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a kg:Claim ; schema:about <" + entity + "> }");
            assertTrue(expected > 0, "no claim about " + entity);
            assertEquals(expected, r.rows().size(), "claims about " + entity);
            assertEquals(expected, new HashSet<>(r.column("claim")).size(), "claims about " + entity + ", each once");
        }
    }

    @Test
    void claimsPerSourceKindAddsUpToEveryClaim() {
        Result r = run("claims-per-source-kind");
        long total = r.column("claims").stream().mapToLong(Long::parseLong).sum();
        assertEquals(count("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a kg:Claim ; kg:statedIn ?s }"), total);
        assertEquals(count("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?sk ?ck WHERE { ?c a kg:Claim ; kg:statedIn/kg:sourceKind ?sk ; kg:claimKind ?ck } }"),
                r.rows().size(), "one row per kind of source and kind of claim");
    }

    @Test
    void thirdPartyClaimsGivesEveryAttributedClaimOnce() {
        Result r = run("third-party-claims");
        assertEquals(keys(check("SELECT ?claim ?agent WHERE { ?claim a kg:Claim ; prov:wasAttributedTo ?agent }"), "claim"), keys(r, "claim"));
        assertEquals(count("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?c ?a WHERE { ?c a kg:Claim ; prov:wasAttributedTo ?a } }"),
                r.rows().size(), "one row per claim and agent");
    }

    @Test
    void statisticsGivesEveryTypedQuantityOnceWithANumericValue() {
        Result r = run("statistics");
        assertEquals(count("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?c ?q WHERE { ?c a kg:Claim ; kg:hasQuantity ?q . ?q schema:value ?v } }"),
                r.rows().size());
        for (Binding b : r.rows()) {
            Node v = b.get(Var.alloc("value"));
            assertTrue(v.isLiteral() && v.getLiteralValue() instanceof Number, "value not numeric: " + v);
        }
    }

    // ---- entities ----

    @Test
    void countByTypeCountsEveryTypedThingUnderEachOfItsTypes() {
        Result r = run("count-by-type");
        assertEquals(count("SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE { ?x a ?t }"), r.rows().size(), "one row per type");
        long total = r.column("instances").stream().mapToLong(Long::parseLong).sum();
        assertEquals(count("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?x ?t WHERE { ?x a ?t } }"), total,
                "the counts add up to the typed things, each once per type");
        List<Long> counts = r.column("instances").stream().map(Long::valueOf).toList();
        assertEquals(counts.stream().sorted((a, b) -> Long.compare(b, a)).toList(), counts, "largest first");
    }

    @Test
    void companyProfileGivesEveryFactOnTheCompanyOnce() {
        for (String company : List.of(ID + "org/baidu", ID + "org/minimax", ID + "org/iflytek")) {
            Result r = run("company-profile", Map.of("company", company));
            String c = "<" + company + ">";
            Set<String> expected = new TreeSet<>();
            expected.addAll(keys(check("SELECT ?p ?o ?g WHERE { GRAPH ?g { " + c + " ?p ?o } FILTER(isIRI(?o) && ?p != rdfs:label) }"), "p", "o", "g")
                    .stream().map(k -> "outgoing | " + k).toList());
            expected.addAll(keys(check("SELECT ?p ?s ?g WHERE { GRAPH ?g { ?s ?p " + c + " } FILTER(isIRI(?s) && ?p NOT IN (schema:about, kg:mentions)) }"), "p", "s", "g")
                    .stream().map(k -> "incoming | " + k).toList());
            assertFalse(expected.isEmpty());
            assertEquals(expected, keys(r, "direction", "relation", "thing", "graph"), "facts on " + company);
            assertEquals(expected.size(), r.rows().size(), "facts on " + company + ", each once");
        }
    }

    @Test
    void findByNameFindsEveryEntityWithThatSpelling() {
        // find-by-name runs over the search index (text:query): ranked, typo-tolerant, so it may find more than the
        // entities spelled so; it must find each of them, one row each, those spelled exactly so first with score 100.
        for (String name : List.of("iflytec", "CAC", "字节跳动")) {
            Result r = run("find-by-name", Map.of("name", name));
            // Entities, not the #evidence, #quote, #position parts of a claim: the index speaks for those by the claim.
            Set<String> expected = keys(check("SELECT DISTINCT ?e WHERE { ?e rdfs:label|skos:altLabel ?l "
                    + "FILTER(STRSTARTS(STR(?e), \"" + ID + "\") && !CONTAINS(STR(?e), \"#\") && CONTAINS(LCASE(STR(?l)), LCASE(\"" + name + "\"))) }"), "e");
            assertFalse(expected.isEmpty(), "nothing is spelled " + name);
            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(keys(r, "entity"));
            assertTrue(missing.isEmpty(), "entities spelled " + name + " not found: " + missing);
            assertEquals(keys(r, "entity").size(), r.rows().size(), "one row per entity for " + name);
            Set<String> exact = keys(check("SELECT DISTINCT ?e WHERE { ?e rdfs:label|skos:altLabel ?l "
                    + "FILTER(STRSTARTS(STR(?e), \"" + ID + "\") && LCASE(STR(?l)) = LCASE(\"" + name + "\")) }"), "e");
            assertFalse(exact.isEmpty(), "nothing is spelled exactly " + name);
            Set<String> first = keys(r.rows().subList(0, exact.size()), "entity");
            assertEquals(exact, first, "the exact spellings of " + name + " come first");
            r.rows().subList(0, exact.size()).forEach(b -> assertEquals(100.0,
                    Double.parseDouble(b.get(Var.alloc("score")).getLiteralLexicalForm()), "score of an exact spelling"));
        }
    }

    @Test
    void modelsAndDevelopersGivesEveryModelWithEachDeveloper() {
        Result r = run("models-and-developers");
        Set<String> models = keys(check("SELECT DISTINCT ?m WHERE { ?m a/rdfs:subClassOf* kg:AIModel }"), "m");
        assertEquals(models, keys(r, "model"), "every AI model");
        assertEquals(keys(check("SELECT DISTINCT ?m ?d WHERE { ?m a/rdfs:subClassOf* kg:AIModel ; kg:developedBy ?d }"), "m", "d"),
                keys(r.rows().stream().filter(b -> b.get(Var.alloc("developer")) != null).toList(), "model", "developer"));
        assertEquals(keys(r, "model", "developer").size(), r.rows().size(), "one row per model and developer");
    }

    @Test
    void peopleAndRolesGivesEveryRoleOfEveryMembership() {
        Result r = run("people-and-roles");
        assertEquals(keys(check("SELECT DISTINCT ?p ?o ?role WHERE { ?m a worg:Membership ; worg:member ?p ; worg:organization ?o ; worg:role ?role }"), "p", "o"),
                keys(r, "person", "organization"));
        assertEquals(count("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?m ?role WHERE { ?m a worg:Membership ; worg:member ?p ; worg:organization ?o ; worg:role ?role } }"),
                r.rows().size(), "one row per membership and role");
    }

    @Test
    void ecosystemSegmentsGivesEveryPlayerOfEverySegment() {
        Result r = run("ecosystem-segments");
        assertEquals(count("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?p ?s WHERE { ?p kg:inSegment ?s } }"), r.rows().size());
        assertEquals(keys(check("SELECT DISTINCT ?p WHERE { ?p kg:inSegment ?s }"), "p"), keys(r, "player"));
    }

    @Test
    void policiesGivesEveryPolicyOnceInTheOrderOfIssue() {
        Result r = run("policies");
        Set<String> policies = keys(check("SELECT DISTINCT ?p WHERE { ?p a/rdfs:subClassOf* kg:Policy }"), "p");
        assertFalse(policies.isEmpty());
        assertEquals(policies, keys(r, "policy"));
        assertEquals(policies.size(), r.rows().size(), "one row per policy");
        List<String> issued = r.column("issued").stream().filter(d -> d != null).toList();
        assertEquals(issued.stream().sorted().toList(), issued, "issue dates in chronological order");
    }

    // ---- time and place ----

    /** Every literal that is a date (xsd:date, gYear, gYearMonth, dateTime) on a thing in the data, but a source document's own date. */
    static final String DATED = "SELECT DISTINCT ?thing ?date WHERE { GRAPH ?g { ?thing ?p ?date } " + NOT_DATA
            + " FILTER(isLiteral(?date) && datatype(?date) IN (xsd:date, xsd:gYear, xsd:gYearMonth, xsd:dateTime))"
            + " FILTER NOT EXISTS { ?thing a kg:SourceDocument } FILTER NOT EXISTS { ?thing a owl:Axiom } }";

    @Test
    void timelineHasEveryDatedThingInChronologicalOrder() {
        Result r = run("timeline");
        Set<String> dated = keys(check(DATED), "thing", "date");
        assertTrue(dated.stream().anyMatch(k -> k.endsWith("| 2018")), "the data dates something in 2018");
        assertEquals(dated, keys(r, "thing", "date"), "every dated thing of the data, each with each of its dates");
        assertEquals(count("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?thing ?p ?date WHERE { GRAPH ?g { ?thing ?p ?date } " + NOT_DATA
                        + " FILTER(isLiteral(?date) && datatype(?date) IN (xsd:date, xsd:gYear, xsd:gYearMonth, xsd:dateTime))"
                        + " FILTER NOT EXISTS { ?thing a kg:SourceDocument } FILTER NOT EXISTS { ?thing a owl:Axiom } } }"),
                r.rows().size(), "one row per thing, kind of date and date");
        String previous = "";
        for (int i = 0; i < r.rows().size(); i++) {
            String date = r.value(i, "date");
            assertEquals(Integer.parseInt(date.substring(0, 4)), Integer.parseInt(r.value(i, "year")), "year of row " + i);
            assertTrue(previous.compareTo(date) <= 0, "row " + i + ": " + date + " after " + previous);
            previous = date;
        }
    }

    @Test
    void goingGlobalGivesEveryExpansionAndTargetMarketAndTheClaimsOfGoingAbroad() {
        Result r = run("going-global");
        Set<String> facts = keys(check("SELECT ?who ?p ?place ?g WHERE { GRAPH ?g { ?who ?p ?place } VALUES ?p { kg:expandsTo kg:targetMarket } }"), "who", "place", "g");
        assertFalse(facts.isEmpty());
        List<Binding> factRows = r.rows().stream().filter(b -> b.get(Var.alloc("place")) != null).toList();
        assertEquals(facts, keys(factRows, "who", "place", "graph"), "every kg:expandsTo and kg:targetMarket");
        assertEquals(facts.size(), factRows.size(), "each once");
        // Issue 12: the going-abroad that the texts state without naming a place (MiniMax's Talkie for international
        // users, iFlytek's products launched overseas, ByteDance's apps for global markets).
        Set<String> who = new HashSet<>(r.column("who"));
        for (String e : List.of("product/talkie", "org/minimax", "org/iflytek", "product/gauth", "product/anydoor", "product/coze")) {
            assertTrue(who.contains(ID + e), e + " is missing from going-global");
        }
        for (Binding b : r.rows()) {
            if (b.get(Var.alloc("claim")) == null) continue;
            assertNotNull(b.get(Var.alloc("quote")), "a claim row without its quote: " + b);
            String claim = str(b, "claim"), thing = str(b, "who");
            assertEquals(1, count("SELECT (COUNT(*) AS ?n) WHERE { <" + claim + "> schema:about <" + thing + "> }"), claim + " is not about " + thing);
            assertEquals(0, count("SELECT (COUNT(*) AS ?n) WHERE { <" + claim + "> prov:wasAttributedTo <" + thing + "> }"),
                    thing + " is who says " + claim + ", not who goes abroad");
        }
    }

    // ---- facts with their evidence ----

    @TempDir
    static Path tmp;
    static DatasetGraph withEvidence;

    /** A copy of the bundled data with the fixture's owl:Axiom annotations appended to source 001's statements. */
    static synchronized DatasetGraph withEvidenceFixture() {
        if (withEvidence != null) return withEvidence;
        try {
            Path copy = tmp.resolve("data");
            try (Stream<Path> walk = Files.walk(DATA)) {
                for (Path p : walk.toList()) {
                    Path to = copy.resolve(DATA.relativize(p).toString());
                    if (Files.isDirectory(p)) Files.createDirectories(to); else Files.copy(p, to);
                }
            }
            Files.writeString(copy.resolve(STATEMENTS_001), "\n" + Files.readString(EVIDENCE_FIXTURE, StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            withEvidence = load(copy, ONTOLOGY);
            return withEvidence;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each annotated fact that is stated in the graph of its annotation, with each claim supporting it. */
    static final String SUPPORTED = "SELECT DISTINCT ?s ?p ?o ?claim WHERE { GRAPH ?g { ?a a owl:Axiom ; owl:annotatedSource ?s ; "
            + "owl:annotatedProperty ?p ; owl:annotatedTarget ?o ; kg:supportedBy ?claim . ?s ?p ?o } }";

    @Test
    void factsWithEvidenceOnTheBundledDataGivesEveryAnnotatedFactWithEachClaim() {
        Result r = run("facts-with-evidence");
        assertEquals(count("SELECT (COUNT(*) AS ?n) WHERE { " + SUPPORTED + " }"), r.rows().size());
        assertEquals(List.of("entity", "relation", "value", "claim", "quote", "source"),
                r.columns().stream().filter(c -> List.of("entity", "relation", "value", "claim", "quote", "source").contains(c)).toList(),
                "the columns the description names");
    }

    @Test
    void factsWithEvidenceReturnsTheFixtureFactsWithTheirQuotes() {
        DatasetGraph dsg = withEvidenceFixture();
        Result all = run(dsg, "facts-with-evidence", Map.of());
        assertEquals(count(dsg, "SELECT (COUNT(*) AS ?n) WHERE { " + SUPPORTED + " }"), all.rows().size(), "one row per fact and supporting claim");
        Set<String> rows = keys(all, "entity", "relation", "value", "claim", "quote", "source");
        String source = str(check(dsg, "SELECT ?t WHERE { <" + ID + "source/global-times-wuzhen-2024> rdfs:label ?t }").get(0), "t");
        for (String[] f : List.of(
                new String[] {"org/minimax", "http://schema.org/location", ID + "place/shanghai", "001-companies-going-global"},
                new String[] {"product/talkie", KG + "developedBy", ID + "org/minimax", "001-talkie-traction-profitability"},
                new String[] {"event/wic-wuzhen-summit-2024", "http://schema.org/startDate", "2024-11-19", "001-wuzhen-summit-2024"})) {
            String claim = ID + "claim/" + f[3];
            String quote = str(check(dsg, "SELECT ?q WHERE { <" + claim + "> kg:hasEvidence/oa:hasSelector ?s . ?s a oa:TextQuoteSelector ; oa:exact ?q }").get(0), "q");
            String row = String.join(" | ", ID + f[0], f[1], f[2], claim, quote, source);
            assertTrue(rows.contains(row), "missing: " + row);
        }
        assertFalse(all.rows().stream().anyMatch(b -> (ID + "place/beijing").equals(str(b, "value")) && (ID + "org/minimax").equals(str(b, "entity"))),
                "an annotation of a fact that no graph states came back");

        Result minimax = run(dsg, "facts-with-evidence", Map.of("entity", ID + "org/minimax"));
        assertEquals(count(dsg, "SELECT (COUNT(*) AS ?n) WHERE { " + SUPPORTED.replace("?s ?p ?o } }", "?s ?p ?o } FILTER(?s = <" + ID + "org/minimax>) }") + " }"), minimax.rows().size());
        assertTrue(minimax.rows().size() >= 1);
        assertEquals(Set.of(ID + "org/minimax"), new HashSet<>(minimax.column("entity")), "only MiniMax's facts");

        // The annotations are no facts of the company: they stay out of its profile.
        Result profile = run(dsg, "company-profile", Map.of("company", ID + "org/minimax"));
        assertEquals(Set.of(), profile.rows().stream().filter(b -> b.get(Var.alloc("thing")).isBlank()).map(Binding::toString)
                .collect(Collectors.toSet()), "owl:Axiom annotations listed as facts of the company");
    }
}
