package org.chinaaikg.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.chinaaikg.Fixtures;
import org.chinaaikg.Fixtures.Project;
import org.chinaaikg.vocab.KG;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code load} computes what the server shows of the whole store and keeps it inside the store directory, so that it
 * is replaced with the store, all or nothing: a failed load leaves the old figures with the old store.
 */
class DerivedFileTest {
    static final String COMPANY = KG.Company.getURI();

    @TempDir
    Path dir;

    static Derived derived(Project p) {
        return Derived.read(p.store()).orElseThrow(() -> new AssertionError("no " + Derived.FILE_NAME + " in " + p.store()));
    }

    static long count(Project p, String query) {
        return Long.parseLong(p.run("query", "--query", query, "--format", "csv").out().lines().toList().get(1).trim());
    }

    @Test
    void loadWritesTheFileInsideTheStoreWithTheStoresCounts() throws Exception {
        Project p = Fixtures.copyTo(dir);
        assertEquals(0, p.run("load").exitCode());
        assertTrue(Files.isRegularFile(p.store().resolve(Derived.FILE_NAME)), "inside the store directory");
        try (Stream<Path> beside = Files.list(dir)) {
            assertEquals(0, beside.filter(f -> f.getFileName().toString().contains("derived")).count(), "nothing beside the store");
        }
        Derived d = derived(p);
        assertEquals(count(p, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"), d.triples());
        assertEquals(count(p, "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a <" + COMPANY + "> }"),
                d.entitiesByClass().get(COMPANY).longValue());
        assertEquals(count(p, "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { } }"), d.triplesByGraph().size());
    }

    @Test
    void aNewLoadReplacesTheFileWithTheStoreAndAFailedLoadLeavesTheOldOne() throws Exception {
        Project p = Fixtures.copyTo(dir);
        assertEquals(0, p.run("load").exitCode());
        long companies = derived(p).entitiesByClass().get(COMPANY);

        Path file = p.data().resolve("entities").resolve("companies.ttl");
        Files.writeString(file, Files.readString(file)
                + "<https://w3id.org/china-ai-kg/id/org/moonshot> a kg:Company ; rdfs:label \"Moonshot AI\"@en .\n");
        assertEquals(0, p.run("load").exitCode(), "a store holding the derived file is still a store load may replace");
        assertEquals(companies + 1, derived(p).entitiesByClass().get(COMPANY).longValue());
        byte[] before = Files.readAllBytes(p.store().resolve(Derived.FILE_NAME));

        Files.writeString(file, Files.readString(file)
                + "<https://w3id.org/china-ai-kg/id/org/deepseek> a kg:Company ; rdfs:label \"DeepSeek\"@en .\n");
        Path broken = p.data().resolve("statements").resolve("001-broken.ttl");
        Files.writeString(broken, "<urn:a> <urn:b> \"unterminated .\n");
        assertEquals(1, p.run("load").exitCode());
        assertArrayEquals(before, Files.readAllBytes(p.store().resolve(Derived.FILE_NAME)), "the old store keeps its old figures");
        try (Stream<Path> beside = Files.list(dir)) {
            assertFalse(beside.anyMatch(f -> f.getFileName().toString().startsWith("store.")), "no half-built store left");
        }
    }

    @Test
    void aStoreWithoutTheFileHasItComputedFromTheStore() throws Exception {
        Project p = Fixtures.copyTo(dir);
        assertEquals(0, p.run("load").exitCode());
        Derived written = derived(p);
        Files.delete(p.store().resolve(Derived.FILE_NAME));
        assertTrue(Derived.read(p.store()).isEmpty());
        org.apache.jena.query.Dataset dataset = Stores.open(p.store());
        try {
            assertEquals(written, Derived.compute(dataset.asDatasetGraph()));
        } finally {
            Stores.release(dataset);
        }
        Files.writeString(p.store().resolve(Derived.FILE_NAME), "{ \"version\": 1, \"triples\": ");
        assertTrue(Derived.read(p.store()).isEmpty(), "a file cut short is not trusted");
    }
}
