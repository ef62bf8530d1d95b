package org.chinaaikg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.system.Txn;
import org.chinaaikg.Fixtures;
import org.chinaaikg.project.Inputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Superclass and superproperty queries answer on the served store as a reasoner would; domains and ranges infer nothing. */
class EntailmentsTest {
    static final String PREFIXES = """
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX org: <http://www.w3.org/ns/org#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX kg: <https://w3id.org/china-ai-kg/ontology#>
            """;

    @TempDir
    Path dir;

    static long count(Dataset ds, String where) {
        return Txn.calculateRead(ds, () -> {
            try (QueryExecution exec = QueryExecution.dataset(ds).query(PREFIXES + "SELECT (COUNT(*) AS ?n) WHERE { " + where + " }").build()) {
                return exec.execSelect().next().getLiteral("n").getLong();
            }
        });
    }

    @Test
    void theBundledDataAnswersSuperclassAndSuperpropertyQueries() throws Exception {
        Path store = dir.resolve("store");
        Stores.build(store, new Inputs(Path.of("data"), Path.of("ontology")), line -> {});
        // The oracle: the files themselves, with the hierarchy followed by property paths.
        Dataset files = DatasetFactory.create();
        for (Inputs.InputFile f : new Inputs(Path.of("data"), Path.of("ontology")).all()) RDFDataMgr.read(files.getDefaultModel(), f.path().toString());
        Dataset served = Stores.open(store);
        try {
            long organizations = count(files, "SELECT DISTINCT ?x { ?x a/rdfs:subClassOf* org:Organization }");
            assertTrue(organizations > 40, "organizations in the files: " + organizations);
            assertEquals(organizations, count(served, "SELECT DISTINCT ?x { ?x a org:Organization }"), "?x a org:Organization");
            long companies = count(files, "SELECT DISTINCT ?x { ?x a/rdfs:subClassOf* kg:Company }");
            assertEquals(companies, count(served, "SELECT DISTINCT ?x { ?x a kg:Company }"), "start-ups and research firms are companies");
            long derivations = count(files, "SELECT DISTINCT ?c ?d { ?c kg:statedIn ?d }");
            assertTrue(derivations > 250);
            assertEquals(derivations, count(served, "SELECT DISTINCT ?c ?d { ?c prov:wasDerivedFrom ?d ; a kg:Claim }"), "kg:statedIn is a prov:wasDerivedFrom");
            assertEquals(count(files, "SELECT DISTINCT ?c ?d { ?c rdfs:subClassOf+ ?d FILTER(isIRI(?d)) }"),
                    count(served, "SELECT DISTINCT ?c ?d { ?c rdfs:subClassOf ?d FILTER(isIRI(?d)) }"), "subClassOf is transitive");
        } finally {
            served.close();
        }
    }

    @Test
    void domainsAndRangesInferNothing() throws Exception {
        Fixtures.Project p = Fixtures.copyTo(dir);
        java.nio.file.Files.writeString(p.ontology().resolve("extra-hierarchy.ttl"), """
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                @prefix ex: <https://example.org/> .
                ex:p rdfs:domain ex:D ; rdfs:range ex:R ; rdfs:subPropertyOf ex:q .
                ex:C rdfs:subClassOf ex:B . ex:B rdfs:subClassOf ex:A .
                """);
        java.nio.file.Files.writeString(p.data().resolve("statements").resolve("999-extra.ttl"), """
                @prefix ex: <https://example.org/> .
                ex:x ex:p ex:y . ex:c a ex:C .
                """);
        Stores.build(p.store(), new Inputs(p.data(), p.ontology()), line -> {});
        Dataset served = Stores.open(p.store());
        try {
            assertEquals(List.of(1L, 1L, 1L, 0L, 0L), List.of(
                    count(served, "<https://example.org/x> <https://example.org/q> <https://example.org/y>"),
                    count(served, "<https://example.org/c> a <https://example.org/A>"),
                    count(served, "<https://example.org/C> rdfs:subClassOf <https://example.org/A>"),
                    count(served, "<https://example.org/x> a <https://example.org/D>"),
                    count(served, "<https://example.org/y> a <https://example.org/R>")));
        } finally {
            served.close();
        }
    }
}
