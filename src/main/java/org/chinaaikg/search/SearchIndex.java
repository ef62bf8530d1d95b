package org.chinaaikg.search;

import org.chinaaikg.vocab.Iris;
import org.chinaaikg.vocab.KG;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The full-text index of the store, built by {@code load} into the fresh store directory ({@value #DIR_NAME}) before
 * the store is swapped in, so that it is replaced with the store, all or nothing.
 *
 * <p>One Lucene document per text of an entity of ours ({@code …/id/{kind}/{slug}}): each {@code rdfs:label},
 * {@code skos:prefLabel}, {@code skos:altLabel} and {@code skos:hiddenLabel} (every spelling a source uses), and for a
 * claim its label, its {@code kg:statement} and the {@code oa:exact} words of its {@code #quote}. Each document keeps
 * the entity's IRI, kind, preferred label and a snippet, so a hit needs no look-up in the store; the IRI, kind, label
 * and key are also doc values, so that a query ranks and collapses its candidates without reading stored documents
 * (only the few hits it returns).
 */
public final class SearchIndex {
    /** The index's directory inside the store directory. */
    public static final String DIR_NAME = "search";

    // Field names.
    static final String IRI = "iri";
    static final String KIND = "kind";
    static final String LABEL = "label";
    static final String TEXT = "text";
    /** Which property the text comes from: {@code label}, {@code altLabel}, {@code statement}, {@code quote}. */
    static final String PROP = "prop";
    static final String SNIPPET = "snippet";
    /** The normalised name ({@link Analyzers#key}), for exact and prefix matches; names only, not claim texts. */
    static final String KEY = "key";
    static final String KEY_LENGTH = "keylen";
    static final String EN = "en";
    static final String ZH = "zh";
    /** {@code name} for a name of an entity, {@code text} for what a claim says. */
    static final String ROLE = "role";

    static final Map<Node, String> NAME_PROPERTIES = new LinkedHashMap<>();
    static {
        NAME_PROPERTIES.put(RDFS.label.asNode(), "label");
        NAME_PROPERTIES.put(SKOS.prefLabel.asNode(), "prefLabel");
        NAME_PROPERTIES.put(SKOS.altLabel.asNode(), "altLabel");
        NAME_PROPERTIES.put(SKOS.hiddenLabel.asNode(), "hiddenLabel");
    }
    /** The property IRI of each {@link #PROP} value, for {@code text:query}'s property argument. */
    static final Map<String, String> PROPERTY_OF = Map.of(
            RDFS.label.getURI(), "label", SKOS.prefLabel.getURI(), "prefLabel", SKOS.altLabel.getURI(), "altLabel",
            SKOS.hiddenLabel.getURI(), "hiddenLabel", KG.statement.getURI(), "statement", OA.exact.getURI(), "quote");

    private static final int SNIPPET_CHARS = 200;

    private SearchIndex() {}

    static Analyzer analyzer() {
        return new PerFieldAnalyzerWrapper(Analyzers.english(), Map.of(ZH, Analyzers.chinese()));
    }

    /** Builds the index of {@code dsg} into {@code dir} (created); call inside a read transaction. Returns the documents written. */
    public static long build(DatasetGraph dsg, Path dir) throws IOException {
        try (Directory d = FSDirectory.open(dir)) {
            return build(dsg, d);
        }
    }

    /** One text of an entity. */
    private record Text(String prop, String text, String lang) {}

    static long build(DatasetGraph dsg, Directory dir) throws IOException {
        Map<String, Set<Text>> texts = new HashMap<>();
        Map<String, String> english = new HashMap<>();
        Map<String, Integer> labelRank = new HashMap<>();
        Map<String, String> definitions = new HashMap<>();
        Map<String, String> quotes = new HashMap<>();
        Map<String, String> statements = new HashMap<>();

        for (Map.Entry<Node, String> p : NAME_PROPERTIES.entrySet()) {
            forEach(dsg, p.getKey(), (s, o) -> {
                if (!entity(s)) return;
                texts.computeIfAbsent(s, x -> new LinkedHashSet<>()).add(new Text(p.getValue(), o.getLiteralLexicalForm(), o.getLiteralLanguage()));
                if (p.getValue().equals("label")) preferEnglish(english, labelRank, s, o);
            });
        }
        forEach(dsg, KG.statement.asNode(), (s, o) -> {
            if (!entity(s)) return;
            texts.computeIfAbsent(s, x -> new LinkedHashSet<>()).add(new Text("statement", o.getLiteralLexicalForm(), o.getLiteralLanguage()));
            statements.putIfAbsent(s, o.getLiteralLexicalForm());
        });
        forEach(dsg, OA.exact.asNode(), (s, o) -> {
            int hash = s.indexOf('#');
            if (hash < 0) return;
            String claim = s.substring(0, hash);
            if (!entity(claim)) return;
            texts.computeIfAbsent(claim, x -> new LinkedHashSet<>()).add(new Text("quote", o.getLiteralLexicalForm(), o.getLiteralLanguage()));
            quotes.putIfAbsent(claim, o.getLiteralLexicalForm());
        });
        forEach(dsg, SKOS.definition.asNode(), (s, o) -> {
            if (entity(s) && (o.getLiteralLanguage().isEmpty() || o.getLiteralLanguage().equalsIgnoreCase("en"))) definitions.putIfAbsent(s, o.getLiteralLexicalForm());
        });

        long docs = 0;
        IndexWriterConfig config = new IndexWriterConfig(analyzer()).setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(64);
        try (IndexWriter writer = new IndexWriter(dir, config)) {
            for (Map.Entry<String, Set<Text>> e : texts.entrySet()) {
                String iri = e.getKey();
                String kind = kind(iri);
                String label = english.getOrDefault(iri, iri.substring(iri.lastIndexOf('/') + 1));
                boolean claim = kind.equals("claim");
                String entitySnippet = claim ? quotes.getOrDefault(iri, statements.getOrDefault(iri, label))
                        : definitions.getOrDefault(iri, spellings(e.getValue()));
                for (Text t : e.getValue()) {
                    Document doc = new Document();
                    doc.add(new StringField(IRI, iri, Field.Store.YES));
                    doc.add(new SortedDocValuesField(IRI, value(iri)));
                    doc.add(new StringField(KIND, kind, Field.Store.YES));
                    doc.add(new SortedDocValuesField(KIND, value(kind)));
                    doc.add(new StoredField(LABEL, label));
                    doc.add(new SortedDocValuesField(LABEL, value(label)));
                    doc.add(new StoredField(TEXT, t.text()));
                    doc.add(new StringField(PROP, t.prop(), Field.Store.YES));
                    boolean name = NAME_PROPERTIES.containsValue(t.prop()) && !claim;
                    doc.add(new StringField(ROLE, name ? "name" : "text", Field.Store.NO));
                    doc.add(new StoredField(SNIPPET, abbreviate(entitySnippet)));
                    if (name) {
                        String key = Analyzers.key(t.text());
                        if (!key.isEmpty()) {
                            doc.add(new StringField(KEY, key, Field.Store.YES));
                            doc.add(new SortedDocValuesField(KEY, value(key)));
                            doc.add(new NumericDocValuesField(KEY_LENGTH, key.codePointCount(0, key.length())));
                        }
                    }
                    doc.add(new TextField(EN, t.text(), Field.Store.NO));
                    if (Analyzers.chineseTag(t.lang()) || Analyzers.hasHan(t.text())) doc.add(new TextField(ZH, t.text(), Field.Store.NO));
                    writer.addDocument(doc);
                    docs++;
                }
            }
            writer.forceMerge(1);
        }
        return docs;
    }

    /** Our entities (and claims): {@code …/id/{kind}/{slug}}, no {@code #} part. */
    private static boolean entity(String iri) {
        if (!iri.startsWith(Iris.ID) || iri.contains("#")) return false;
        return iri.indexOf('/', Iris.ID.length()) > Iris.ID.length();
    }

    /** The {@code {kind}} of {@code …/id/{kind}/{slug}}. */
    static String kind(String iri) {
        int start = Iris.ID.length();
        return iri.substring(start, iri.indexOf('/', start));
    }

    private interface LiteralOf {
        void accept(String subject, Node literal);
    }

    private static void forEach(DatasetGraph dsg, Node property, LiteralOf action) {
        for (Iterator<Quad> it = dsg.find(Node.ANY, Node.ANY, property, Node.ANY); it.hasNext(); ) {
            Quad q = it.next();
            if (q.getSubject().isURI() && q.getObject().isLiteral()) action.accept(q.getSubject().getURI(), q.getObject());
        }
    }

    /** Keeps the English label, else one without a language tag, else the first seen. */
    private static void preferEnglish(Map<String, String> english, Map<String, Integer> rank, String s, Node o) {
        String lang = o.getLiteralLanguage();
        int r = lang.equalsIgnoreCase("en") ? 0 : lang.isEmpty() ? 1 : 2;
        Integer old = rank.get(s);
        if (old == null || r < old) {
            rank.put(s, r);
            english.put(s, o.getLiteralLexicalForm());
        }
    }

    private static String spellings(Set<Text> texts) {
        List<String> names = new ArrayList<>();
        for (Text t : texts) if (!names.contains(t.text())) names.add(t.text());
        return String.join(" · ", names);
    }

    /** A doc value: at most 8,000 characters (Lucene's limit is 32,766 bytes; a label that long is not a name). */
    private static BytesRef value(String s) {
        return new BytesRef(s.length() <= 8000 ? s : s.substring(0, s.offsetByCodePoints(0, s.codePointCount(0, 7999))));
    }

    static String abbreviate(String s) {
        return s.codePointCount(0, s.length()) <= SNIPPET_CHARS ? s : s.substring(0, s.offsetByCodePoints(0, SNIPPET_CHARS - 1)) + "…";
    }
}
