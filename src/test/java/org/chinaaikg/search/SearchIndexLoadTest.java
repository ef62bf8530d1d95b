package org.chinaaikg.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.chinaaikg.Fixtures;
import org.chinaaikg.Fixtures.Project;
import org.chinaaikg.search.EntitySearch.Hit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index is built by {@code load} inside the store and swapped with it, all or nothing; Chinese by any tag's form. */
class SearchIndexLoadTest {
    static final String ORG = "https://w3id.org/china-ai-kg/id/org/";

    @TempDir
    Path dir;

    static List<String> found(Path store, String text) {
        try (LuceneSearch search = LuceneSearch.openIn(store)) {
            return search.search(text, null, 10).stream().map(Hit::iri).toList();
        }
    }

    @Test
    void loadBuildsTheIndexAndAFailedLoadKeepsTheOldOne() throws Exception {
        Project p = Fixtures.copyTo(dir);
        assertEquals(0, p.run("load").exitCode());
        assertTrue(Files.isDirectory(p.store().resolve(SearchIndex.DIR_NAME)));
        assertEquals(ORG + "zhipu", found(p.store(), "Zhipu").get(0));

        // A new company in one file, a syntax error in another: the load fails, the index is the old one.
        Path added = p.data().resolve("entities").resolve("more.ttl");
        Files.writeString(added, "<https://w3id.org/china-ai-kg/id/org/minimax> a <https://w3id.org/china-ai-kg/ontology#Company> ;"
                + " <http://www.w3.org/2000/01/rdf-schema#label> \"MiniMax\"@en .\n");
        Path broken = p.data().resolve("statements").resolve("009-broken.ttl");
        Files.writeString(broken, "<urn:a> <urn:b> .\n");
        assertNotEquals(0, p.run("load").exitCode());
        assertTrue(found(p.store(), "MiniMax").isEmpty(), "the failed load's index was not swapped in");
        assertEquals(ORG + "zhipu", found(p.store(), "Zhipu").get(0), "the old index is still there");

        Files.delete(broken);
        assertEquals(0, p.run("load").exitCode());
        assertEquals(ORG + "minimax", found(p.store(), "MiniMax").get(0));
        try (var list = Files.list(p.store().getParent())) {
            assertEquals(List.of("store"), list.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("store")).toList());
        }
    }

    @Test
    void chineseIsAnalysedWhateverTheLanguageTagsForm() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        var g = NodeFactory.createURI("urn:g");
        String[][] rows = {{"a", "阿里巴巴集团", "zh"}, {"b", "腾讯控股有限公司", "zh-Hans"}, {"c", "字节跳动科技", "zh-CN"},
                {"d", "月之暗面", "ZH-hant-TW"}};
        for (String[] r : rows) {
            dsg.add(Quad.create(g, NodeFactory.createURI(ORG + r[0]), RDFS.label.asNode(), NodeFactory.createLiteralLang(r[1], r[2])));
        }
        dsg.add(Quad.create(g, NodeFactory.createURI(ORG + "e"), SKOS.altLabel.asNode(), NodeFactory.createLiteralString("智谱华章")));
        try (LuceneSearch search = LuceneSearch.inMemory(dsg)) {
            // A word inside each name (not its start, so no key prefix): only the Chinese bigrams find it.
            assertEquals(ORG + "a", search.search("巴巴", null, 5).get(0).iri());
            assertEquals(ORG + "b", search.search("控股", null, 5).get(0).iri());
            assertEquals(ORG + "c", search.search("跳动", null, 5).get(0).iri());
            assertEquals(ORG + "d", search.search("暗面", null, 5).get(0).iri());
            // No language tag: the script tells.
            assertEquals(ORG + "e", search.search("华章", null, 5).get(0).iri());
            // Whole names are exact.
            assertEquals(100.0, search.search("腾讯控股有限公司", null, 5).get(0).score());
        }
    }
}
