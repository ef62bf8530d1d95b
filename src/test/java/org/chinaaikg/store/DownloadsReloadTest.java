package org.chinaaikg.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.chinaaikg.Fixtures;
import org.chinaaikg.project.Inputs;
import org.chinaaikg.web.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The downloads belong to the store they were written with: {@code load} writes them inside the new store, so a new
 * load with changed data has new files and checksums (and serves those), a failed load leaves the old ones byte for
 * byte, and a store without its downloads is rebuilt rather than served without them. The fixture ontology has no
 * version and the data none: the names then carry none (nothing is made up).
 */
class DownloadsReloadTest {
    @TempDir
    Path dir;

    static final String MOONSHOT = "https://w3id.org/china-ai-kg/id/org/moonshot";

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** Each file's SHA-256, computed here from the bytes on disk, checked against what the list says. */
    static Map<String, String> checked(Path store) throws Exception {
        Downloads d = Downloads.read(store).orElseThrow(() -> new AssertionError("no " + Downloads.FILE_NAME + " in " + store));
        Map<String, String> sums = new TreeMap<>();
        for (Downloads.Distribution f : d.files()) {
            Path file = store.resolve(Downloads.DIR_NAME).resolve(f.name());
            assertEquals(Files.size(file), f.bytes(), f.name() + ": size");
            assertEquals(sha256(file), f.sha256(), f.name() + ": SHA-256");
            sums.put(f.name(), f.sha256());
        }
        try (var list = Files.list(store.resolve(Downloads.DIR_NAME))) {
            assertEquals(sums.keySet(), new java.util.TreeSet<>(list.map(p -> p.getFileName().toString()).toList()),
                    "the store's downloads folder holds exactly the listed files");
        }
        return sums;
    }

    static DatasetGraph nquads(Path store) throws Exception {
        Path file = store.resolve(Downloads.DIR_NAME).resolve("china-ai-kg.nq.gz");
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            RDFParser.source(in).lang(Lang.NQUADS).parse(dsg);
        }
        return dsg;
    }

    @Test
    void aNewLoadWithChangedDataHasNewChecksumsAndServesThem() throws Exception {
        Fixtures.Project p = Fixtures.copyTo(dir);
        assertEquals(0, p.run("load").exitCode());
        Map<String, String> first = checked(p.store());
        assertEquals(java.util.Set.of("china-ai-kg.trig.gz", "china-ai-kg.nq.gz", "china-ai-kg-ontology-and-data.ttl"), first.keySet(),
                "no version in the ontology or the data: no version in the names");
        assertNull(Downloads.read(p.store()).orElseThrow().release());
        assertFalse(nquads(p.store()).contains(NodeFactory.createURI(Inputs.GRAPH_BASE + "entities/companies"),
                NodeFactory.createURI(MOONSHOT), RDFS.label.asNode(), NodeFactory.createLiteralLang("Moonshot AI", "en")));

        Path companies = p.data().resolve("entities").resolve("companies.ttl");
        Files.writeString(companies, Files.readString(companies)
                + "<" + MOONSHOT + "> a kg:Company ; rdfs:label \"Moonshot AI\"@en .\n");
        assertEquals(0, p.run("load").exitCode());
        Map<String, String> second = checked(p.store());
        assertEquals(first.keySet(), second.keySet());
        for (String name : first.keySet()) assertNotEquals(first.get(name), second.get(name), name + ": changed data, changed checksum");
        assertTrue(nquads(p.store()).contains(NodeFactory.createURI(Inputs.GRAPH_BASE + "entities/companies"),
                NodeFactory.createURI(MOONSHOT), RDFS.label.asNode(), NodeFactory.createLiteralLang("Moonshot AI", "en")),
                "the new dump holds the new triple");

        // A load that fails leaves the store, and so its downloads, exactly as they were.
        byte[] before = Files.readAllBytes(p.store().resolve(Downloads.DIR_NAME).resolve("china-ai-kg.nq.gz"));
        Files.writeString(companies, Files.readString(companies) + "<broken\n");
        assertNotEquals(0, p.run("load").exitCode());
        assertEquals(second, checked(p.store()));
        assertArrayEquals(before, Files.readAllBytes(p.store().resolve(Downloads.DIR_NAME).resolve("china-ai-kg.nq.gz")));
        Files.writeString(companies, Files.readString(companies).replace("<broken\n", ""));

        // The server serves the store's own downloads: the new checksum.
        try (TestServer server = TestServer.start(p)) {
            String url = server.base + "/downloads/china-ai-kg.nq.gz";
            HttpResponse<byte[]> r = TestServer.HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode());
            assertEquals(second.get("china-ai-kg.nq.gz"), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(r.body())));
            assertEquals("\"" + second.get("china-ai-kg.nq.gz") + "\"", r.headers().firstValue("ETag").orElse(null));
            // The tag of the first load's file is not this one's: a client holding the old file gets the new.
            HttpResponse<byte[]> stale = TestServer.HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .header("If-None-Match", "\"" + first.get("china-ai-kg.nq.gz") + "\"").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, stale.statusCode());
        }
    }

    @Test
    void aStoreWithoutItsDownloadsIsNotCurrent() throws Exception {
        Fixtures.Project p = Fixtures.copyTo(dir);
        Inputs inputs = new Inputs(p.data(), p.ontology());
        assertEquals(0, p.run("load").exitCode());
        assertTrue(Stores.isCurrent(p.store(), inputs));
        Path one = p.store().resolve(Downloads.DIR_NAME).resolve("china-ai-kg.trig.gz");
        Files.delete(one);
        assertFalse(Stores.isCurrent(p.store(), inputs), "a listed file is missing: rebuild");
        assertEquals(0, p.run("load").exitCode());
        assertTrue(Files.isRegularFile(one));
        Files.delete(p.store().resolve(Downloads.FILE_NAME));
        assertFalse(Stores.isCurrent(p.store(), inputs), "a store built before load wrote downloads: rebuild");
    }
}
