package org.chinaaikg.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;

import org.chinaaikg.project.Inputs;
import org.chinaaikg.search.EntitySearch.Hit;
import org.chinaaikg.store.Stores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index {@code load} builds from the project's own data, searched as a person would: by any spelling, with typos. */
class SearchOnBundledDataTest {
    static final String ID = "https://w3id.org/china-ai-kg/id/";

    @TempDir
    static Path dir;
    static LuceneSearch search;

    @BeforeAll
    static void load() throws Exception {
        for (String folder : List.of("data", "ontology")) copy(Path.of(folder), dir.resolve(folder));
        Path store = dir.resolve("store");
        Stores.build(store, new Inputs(dir.resolve("data"), dir.resolve("ontology")), line -> {});
        assertTrue(Files.isDirectory(store.resolve(SearchIndex.DIR_NAME)), "load builds the index inside the store");
        search = LuceneSearch.openIn(store);
        assertNotNull(search);
    }

    @AfterAll
    static void close() {
        if (search != null) search.close();
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t); else Files.copy(p, t);
            }
        }
    }

    static Hit first(String text) {
        List<Hit> hits = search.search(text, null, 10);
        assertFalse(hits.isEmpty(), "nothing found for " + text);
        return hits.get(0);
    }

    @Test
    void anExactNameComesFirstWithScore100() {
        Hit baidu = first("Baidu");
        assertEquals(ID + "org/baidu", baidu.iri());
        assertEquals("org", baidu.kind());
        assertEquals("Baidu", baidu.label());
        assertEquals("Baidu", baidu.matched());
        assertEquals(100.0, baidu.score());
        // Baidu Cloud and the rest come after, below 100.
        List<Hit> hits = search.search("Baidu", null, 10);
        assertTrue(hits.size() > 1, hits.toString());
        assertTrue(hits.stream().skip(1).allMatch(h -> h.score() < 100), hits.toString());
    }

    @Test
    void aTypoFindsTheName() {
        assertEquals(ID + "org/baidu", first("Bidu").iri());
    }

    @Test
    void spacesAndHyphensAreIgnoredInNames() {
        Hit ernie = first("ERNIE Bot");
        assertEquals(ID + "model/ernie-bot", ernie.iri());
        assertEquals("ERNIE-Bot", ernie.matched());
        assertEquals(100.0, ernie.score());
        Hit sensetime = first("sense time");
        assertEquals(ID + "org/sensetime", sensetime.iri());
        assertEquals(100.0, sensetime.score());
    }

    @Test
    void aLongerNameFindsTheShorterOne() {
        assertEquals(ID + "org/moonshot", first("Moonshot AI").iri());
    }

    @Test
    void aPrefixFindsTheName() {
        Hit h = first("Sensetim");
        assertEquals(ID + "org/sensetime", h.iri());
        assertTrue(h.score() < 100 && h.score() >= 60, h.toString());
    }

    @Test
    void chineseFindsTheEntity() {
        Hit baidu = first("百度");
        assertEquals(ID + "org/baidu", baidu.iri());
        assertEquals("百度", baidu.matched());
        assertEquals("Baidu", baidu.label());
        // A word inside a longer Chinese name: CJK bigrams.
        assertEquals(ID + "org/cyberspace-administration-of-china", first("互联网信息").iri());
    }

    @Test
    void oneHitPerEntity() {
        List<Hit> hits = search.search("SenseTime", null, 50);
        assertEquals(hits.size(), new HashSet<>(hits.stream().map(Hit::iri).toList()).size(), hits.toString());
    }

    @Test
    void aClaimIsFoundByWordsOfItsQuote() {
        // Only the quote of claim 003-alphago-defeat says "humankind's most complicated board game".
        List<Hit> hits = search.search("most complicated board game", null, 5);
        assertFalse(hits.isEmpty());
        Hit h = hits.get(0);
        assertEquals(ID + "claim/003-alphago-defeat", h.iri());
        assertEquals("claim", h.kind());
        assertTrue(h.snippet().contains("complicated board game"), h.snippet());
        // English stemming: "defeating" finds "defeated".
        assertTrue(search.search("AlphaGo defeating", "claim", 10).stream().anyMatch(x -> x.iri().equals(ID + "claim/003-alphago-defeat")));
    }

    @Test
    void kindRestrictsTheHits() {
        List<Hit> hits = search.search("Baidu", "product", 10);
        assertFalse(hits.isEmpty());
        assertTrue(hits.stream().allMatch(h -> h.kind().equals("product")), hits.toString());
    }

    @Test
    void suggestOffersNamesNotClaims() {
        List<Hit> hits = search.suggest("Sense", null, 8);
        assertEquals(ID + "org/sensetime", hits.get(0).iri());
        assertTrue(hits.stream().noneMatch(h -> h.kind().equals("claim")), hits.toString());
    }

    @Test
    void nothingForBlankOrHostileText() {
        assertTrue(search.search("   ", null, 10).isEmpty());
        // Query syntax means nothing here: it is searched as text.
        search.search("AND OR ( ) \" * ? ~ [ } \\", null, 10);
        search.search("x".repeat(10_000), null, 10);
    }

    static {
        // Fail early and clearly when run from elsewhere than the project root.
        if (!Files.isDirectory(Path.of("data"))) throw new UncheckedIOException(new IOException("run from the project root"));
    }
}
