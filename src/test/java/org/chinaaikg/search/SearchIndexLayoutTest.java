package org.chinaaikg.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDFS;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A query ranks on the index's doc values: an index of the layout before them is not opened (serve rebuilds it). */
class SearchIndexLayoutTest {
    static final String ORG = "https://w3id.org/china-ai-kg/id/org/";

    @TempDir
    Path store;

    @Test
    void anIndexWithoutDocValuesIsNotOpened() throws Exception {
        try (FSDirectory dir = FSDirectory.open(store.resolve(SearchIndex.DIR_NAME));
             IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(SearchIndex.analyzer()))) {
            Document doc = new Document();
            doc.add(new StringField(SearchIndex.IRI, ORG + "baidu", Field.Store.YES));
            doc.add(new StringField(SearchIndex.KIND, "org", Field.Store.YES));
            doc.add(new StoredField(SearchIndex.LABEL, "Baidu"));
            doc.add(new StringField(SearchIndex.KEY, "baidu", Field.Store.YES));
            writer.addDocument(doc);
        }
        assertNull(LuceneSearch.openIn(store));
    }

    @Test
    void anIndexOfThisLayoutIsOpenedAndFindsByDocValues() throws Exception {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        dsg.executeWrite(() -> {
            dsg.add(Quad.defaultGraphIRI, NodeFactory.createURI(ORG + "baidu"), RDFS.label.asNode(), NodeFactory.createLiteralLang("Baidu", "en"));
            dsg.add(Quad.defaultGraphIRI, NodeFactory.createURI(ORG + "baidu"), RDFS.label.asNode(), NodeFactory.createLiteralLang("百度", "zh"));
            dsg.add(Quad.defaultGraphIRI, NodeFactory.createURI(ORG + "baichuan"), RDFS.label.asNode(), NodeFactory.createLiteralLang("Baichuan", "en"));
        });
        dsg.executeRead(() -> {
            try {
                SearchIndex.build(dsg, store.resolve(SearchIndex.DIR_NAME));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try (LuceneSearch search = LuceneSearch.openIn(store)) {
            assertNotNull(search);
            var hits = search.search("Bidu", null, 10);
            assertEquals(ORG + "baidu", hits.get(0).iri());
            assertEquals("Baidu", hits.get(0).label());
            assertEquals(1, hits.stream().filter(h -> h.iri().equals(ORG + "baidu")).count(), "one hit per entity");
            assertEquals("百度", search.search("百度", null, 10).get(0).matched());
        }
    }
}
