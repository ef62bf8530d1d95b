package org.chinaaikg.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.chinaaikg.provenance.SourceText;
import org.chinaaikg.vocab.Iris;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** English text: sentences and their code-point offsets, skip rules, mentions, candidates and quantities, on small fixtures. */
class IngestEnglishTest {
    static final Path ARTICLE = Path.of("src/test/resources/ingest/fictional-lanternfish-en.txt");
    static final Path RULES = Path.of("src/test/resources/ingest/fictional-lanternfish.skip");
    static final String BAIDU = Iris.ID + "org/baidu", BAIDU_CLOUD = Iris.ID + "product/baidu-cloud", IT = Iris.ID + "tech/it";

    @TempDir
    Path dir;

    static EntityIndex index() {
        return new EntityIndex(List.of(new EntityIndex.Label("Baidu", BAIDU), new EntityIndex.Label("Baidu Cloud", BAIDU_CLOUD),
                new EntityIndex.Label("IT", IT), new EntityIndex.Label("Hangzhou", Iris.ID + "place/hangzhou")), Map.of());
    }

    Ingest.Analysis analyse(String text, SkipRules rules) throws Exception {
        Path f = dir.resolve("t.txt");
        Files.writeString(f, text);
        return Ingest.analyse(f, index(), rules);
    }

    @Test
    void sentencesKeepAbbreviationsWholeAndCountCodePoints() throws Exception {
        // The rocket is one code point and two UTF-16 units: every offset after it is one less than Java's index.
        String text = "🚀 Dr. Wang moved to the U.S. in 2019. She joined Baidu Cloud, not Baidu.\nA heading\n\nIt grew 60 percent.";
        Ingest.Analysis a = analyse(text, SkipRules.none());
        List<String> s = a.sentences().stream().map(Span::text).toList();
        assertEquals(List.of("🚀 Dr. Wang moved to the U.S. in 2019.", "She joined Baidu Cloud, not Baidu.", "A heading", "It grew 60 percent."), s);
        SourceText source = a.text().source();
        for (Span sp : a.sentences()) assertEquals(sp.text(), source.slice(sp.start(), sp.end()), "offsets of " + sp);
        assertEquals(38, a.sentences().get(1).start(), "code points, not UTF-16 units (Java's index is 39)");
    }

    @Test
    void mentionsAreLongestFirstWordBoundedAndCaseInsensitive() throws Exception {
        Ingest.Analysis a = analyse("She joined BAIDU CLOUD, not baidu. Baiduland is no company. Let it be; IT is.", SkipRules.none());
        List<String> found = a.mentions().stream().map(m -> m.text() + "=" + m.iri()).toList();
        assertEquals(List.of("BAIDU CLOUD=" + BAIDU_CLOUD, "baidu=" + BAIDU, "IT=" + IT), found,
                "\"Baidu Cloud\" is one mention, \"Baiduland\" none, and \"it\" is no IT");
        EntityIndex.Mention cloud = a.mentions().get(0);
        assertEquals("BAIDU CLOUD", a.text().source().slice(cloud.start(), cloud.end()));
    }

    @Test
    void theWorkedExampleLeavesOutTheCaptionAndTheAdvertisement() throws Exception {
        Ingest.Analysis a = Ingest.analyse(ARTICLE, index(), SkipRules.read(List.of(RULES)));
        String all = String.join("\n", a.sentences().stream().map(Span::text).toList());
        assertFalse(all.contains("robot arm"), "the caption is left out");
        assertFalse(all.contains("FastCloud") || all.contains("50%") || all.contains("SPONSORED"), "the advertisement is left out");
        assertTrue(a.claims().stream().noneMatch(c -> c.sentence().text().contains("number one cloud")));
        assertTrue(a.newEntities().stream().noneMatch(c -> c.text().contains("FastCloud")));
        // Without the rules the advertisement would be proposed: the rules are what keeps it out.
        Ingest.Analysis raw = Ingest.analyse(ARTICLE, index(), SkipRules.none());
        assertTrue(raw.claims().stream().anyMatch(c -> c.sentence().text().contains("FastCloud")));
    }

    @Test
    void theWorkedExampleHasCandidatesWithTypedQuantities() throws Exception {
        Ingest.Analysis a = Ingest.analyse(ARTICLE, index(), SkipRules.read(List.of(RULES)));
        List<String> fresh = a.newEntities().stream().map(c -> c.text() + "/" + c.hint()).toList();
        assertTrue(fresh.contains("Lanternfish Robotics Inc./ORGANIZATION"), fresh.toString());
        assertTrue(fresh.contains("Lumen-7B/MODEL"), fresh.toString());
        assertTrue(fresh.contains("Mei Tanaka-Ruiz/NAME"), fresh.toString());
        ClaimCandidates.Candidate lab = claim(a, "will open a research lab");
        assertEquals("Quotation", lab.kind(), "\"said\" is attributed speech");
        assertEquals(new ClaimCandidates.Quantity("120 engineers", new BigDecimal(120), "engineers", null, "exact"), lab.quantities().get(0));
        ClaimCandidates.Candidate money = claim(a, "45 million yuan");
        assertEquals(new BigDecimal("45000000"), money.quantities().get(0).value());
        assertEquals("CNY", money.quantities().get(0).currency());
        assertEquals("approximately", money.quantities().get(0).qualifier());
        assertEquals("Ranking", claim(a, "ranks first").kind());
        assertEquals("Target", claim(a, "aims to double").kind());
        assertEquals(List.of("2027"), claim(a, "aims to double").years());
    }

    @Test
    void moneyIsScaledOutWithItsCurrency() {
        var q = ClaimCandidates.quantities("worth 23.74 billion yuan (3.5 billion dollars), nearly 70 percent, around $50 million and $15.7T");
        assertEquals(List.of("23740000000 CNY", "3500000000 USD", "70 percent", "50000000 USD", "15700000000000 USD"),
                q.stream().map(x -> x.value().toPlainString() + " " + (x.currency() != null ? x.currency() : x.unit())).toList());
        assertEquals("nearly", q.get(2).qualifier());
    }

    @Test
    void skipRulesAreCheckedAndNameTheirLine() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> SkipRules.parse("# ok\nspan: [unclosed"));
        assertTrue(e.getMessage().startsWith("rules:2: not a regular expression"), e.getMessage());
        var f = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> SkipRules.parse("drop: x"));
        assertTrue(f.getMessage().contains("unknown rule 'drop'"), f.getMessage());
    }

    static ClaimCandidates.Candidate claim(Ingest.Analysis a, String words) {
        return a.claims().stream().filter(c -> c.sentence().text().contains(words)).findFirst()
                .orElseThrow(() -> new AssertionError("no candidate claim with \"" + words + "\" among " + a.claims()));
    }
}
