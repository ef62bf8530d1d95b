package org.chinaaikg.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * {@link EntitySearch} over the Lucene index that {@code load} built ({@link SearchIndex}). A query runs in tiers,
 * each scored into its own band of [0, 100], and each entity keeps its best hit:
 * <ol>
 * <li>100: the whole query is a name or spelling of the entity (compared as keys: case, spaces, hyphens and
 *     punctuation ignored, so "sense time" is SenseTime and "ERNIE Bot" is ERNIE-Bot);</li>
 * <li>60–90: the query begins a name ("Baid"), shorter names first;</li>
 * <li>45–75: a name begins the query ("Moonshot AI" → Moonshot);</li>
 * <li>50–70: every word of the query is in a name (English stemmed, Chinese as bigrams); 20–45: some words are; ten
 *     points less for the words of a claim (its label, statement or quote);</li>
 * <li>35–55: the query is one or two edits from a name ("Bidu" → Baidu); 10–35: words within an edit or two.</li>
 * </ol>
 */
public final class LuceneSearch implements EntitySearch, AutoCloseable {
    /** Search texts are cut to this many characters; past it, the words add nothing but work. */
    public static final int MAX_QUERY_CHARS = 500;
    private static final int MAX_TERMS = 32;
    private static final int WINDOW = 160;

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Analyzer analyzer = SearchIndex.analyzer();

    private final List<String> kinds;
    /**
     * Readers hold it shared, {@link #close} alone: the index's files are memory-mapped, and a search still reading
     * them when they were unmapped crashed the JVM (SIGSEGV in the search warm-up of a server being stopped).
     */
    private final ReentrantReadWriteLock open = new ReentrantReadWriteLock();
    private boolean closed;

    private LuceneSearch(Directory directory) throws IOException {
        this.directory = directory;
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        List<String> k = new ArrayList<>();
        Terms terms = MultiTerms.getTerms(reader, SearchIndex.KIND);
        if (terms != null) {
            TermsEnum it = terms.iterator();
            for (BytesRef t = it.next(); t != null; t = it.next()) k.add(t.utf8ToString());
        }
        this.kinds = List.copyOf(k);
    }

    /** The kinds of entity in the index ({@code claim}, {@code model}, {@code org}…), sorted. */
    public List<String> kinds() {
        return kinds;
    }

    /**
     * The index {@code load} built in a store directory, or null if that store has none (built before the index) or
     * has one of an older layout (before its doc values: {@code load} again rebuilds it).
     */
    public static LuceneSearch openIn(Path storeDir) {
        Path dir = storeDir.resolve(SearchIndex.DIR_NAME);
        if (!Files.isDirectory(dir)) return null;
        try {
            LuceneSearch search = new LuceneSearch(FSDirectory.open(dir));
            if (search.current()) return search;
            search.close();
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the index has the doc values a query ranks on (an empty index has no fields at all). */
    private boolean current() {
        if (reader.numDocs() == 0) return true;
        FieldInfo iri = FieldInfos.getMergedFieldInfos(reader).fieldInfo(SearchIndex.IRI);
        return iri != null && iri.getDocValuesType() == DocValuesType.SORTED;
    }

    /** An index of a dataset built in memory, now: for stores without one, and for tests. */
    public static LuceneSearch inMemory(DatasetGraph dsg) {
        try {
            Directory dir = new ByteBuffersDirectory();
            Txn.executeRead(dsg, () -> {
                try {
                    SearchIndex.build(dsg, dir);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return new LuceneSearch(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs a few hundred searches and suggestions in a background thread (names of the index, their prefixes and a
     * typo of each), so that the first people to search do not wait for the JIT compiler and cold index pages.
     */
    public void warmInBackground() {
        Thread t = new Thread(() -> {
            try {
                List<String> names = new ArrayList<>();
                open.readLock().lock();
                try {
                    if (closed) return;
                    Terms terms = MultiTerms.getTerms(reader, SearchIndex.KEY);
                    if (terms == null) return;
                    TermsEnum it = terms.iterator();
                    for (BytesRef b = it.next(); b != null && names.size() < 40; b = it.next()) names.add(b.utf8ToString());
                } finally {
                    open.readLock().unlock();
                }
                long end = System.nanoTime() + 10_000_000_000L;
                for (int round = 0; round < 5 && System.nanoTime() < end; round++) {
                    for (String name : names) {
                        search(name, null, 20);
                        suggest(name.substring(0, name.offsetByCodePoints(0, Math.min(3, name.codePointCount(0, name.length())))), null, 8);
                        if (name.length() > 4) search(name.charAt(0) + name.substring(2, 4) + name.charAt(1) + name.substring(4) + " x", null, 20);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // Closed while warming (the server stopped): nothing to warm.
            }
        }, "search-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** How many documents (texts of entities) the index holds. */
    public int documents() {
        open.readLock().lock();
        try {
            if (closed) throw closedIndex();
            return reader.numDocs();
        } finally {
            open.readLock().unlock();
        }
    }

    private static IllegalStateException closedIndex() {
        return new IllegalStateException("The search index is closed: the server is stopping or reloading.");
    }

    @Override
    public List<Hit> search(String text, String kind, int limit) {
        return search(text, kind, null, false, limit);
    }

    /** Names only (no claim texts, no claims unless {@code kind} is {@code claim}): what the typeahead offers. */
    public List<Hit> suggest(String text, String kind, int limit) {
        return search(text, kind, null, true, limit);
    }

    /**
     * @param property  only texts of this property IRI ({@code rdfs:label}, {@code skos:altLabel}, {@code kg:statement},
     *                  {@code oa:exact}), or null for all
     * @param namesOnly only names of entities (no claim texts)
     */
    public List<Hit> search(String text, String kind, String property, boolean namesOnly, int limit) {
        open.readLock().lock();
        try {
            if (closed) throw closedIndex();
            return searchOpen(text, kind, property, namesOnly, limit);
        } finally {
            open.readLock().unlock();
        }
    }

    private List<Hit> searchOpen(String text, String kind, String property, boolean namesOnly, int limit) {
        if (text == null || limit <= 0) return List.of();
        if (text.length() > MAX_QUERY_CHARS) text = text.substring(0, MAX_QUERY_CHARS);
        String q = text.strip();
        if (q.isEmpty()) return List.of();
        List<Query> filters = new ArrayList<>();
        if (kind != null && !kind.isBlank()) filters.add(new TermQuery(new Term(SearchIndex.KIND, kind)));
        else if (namesOnly) filters.add(new TermQuery(new Term(SearchIndex.ROLE, "name")));
        if (property != null) {
            String prop = SearchIndex.PROPERTY_OF.get(property);
            if (prop == null) return List.of();
            filters.add(new TermQuery(new Term(SearchIndex.PROP, prop)));
        }
        if (namesOnly && kind != null && !kind.equals("claim")) filters.add(new TermQuery(new Term(SearchIndex.ROLE, "name")));

        Collector hits = new Collector(q, limit);
        int n = limit * 4 + 16;
        try {
            // Each tier runs only if it can change the answer: not once `limit` entities score above its best.
            String key = Analyzers.key(q);
            int qlen = key.codePointCount(0, key.length());
            boolean allExact = true;
            if (!key.isEmpty()) {
                TopDocs exact = top(new TermQuery(new Term(SearchIndex.KEY, key)), filters, n);
                allExact = exact.scoreDocs.length < n;
                hits.add(exact, false, (doc, s, max) -> 100);
                Sort shortest = new Sort(new SortField(SearchIndex.KEY_LENGTH, SortField.Type.INT));
                if (!hits.settled(90)) {
                    hits.add(searcher.search(filtered(new PrefixQuery(new Term(SearchIndex.KEY, key)), filters), n, shortest), false,
                            (doc, s, max) -> 60 + 30.0 * qlen / Math.max(qlen + 1, doc.keyLength()));
                }
                if (qlen >= 4 && !hits.settled(75)) {
                    BooleanQuery.Builder starts = new BooleanQuery.Builder();
                    int from = Math.max(3, qlen - 60);
                    for (int i = from; i < qlen; i++) {
                        starts.add(new TermQuery(new Term(SearchIndex.KEY, key.substring(0, key.offsetByCodePoints(0, i)))), Occur.SHOULD);
                    }
                    hits.add(top(starts.build(), filters, n), false, (doc, s, max) -> 45 + 30.0 * doc.keyLength() / qlen);
                }
            }
            List<String> en = terms(SearchIndex.EN, q);
            List<String> zh = Analyzers.hasHan(q) ? terms(SearchIndex.ZH, q) : List.of();
            if (!en.isEmpty() || !zh.isEmpty()) {
                if (!hits.settled(70)) hits.add(top(words(en, zh, Occur.MUST), filters, n), false, (doc, s, max) -> 50 + 20.0 * s / max - claimText(doc));
                if (en.size() + zh.size() > 1 && !hits.settled(45)) {
                    hits.add(top(words(en, zh, Occur.SHOULD), filters, n), false, (doc, s, max) -> 20 + 25.0 * s / max - claimText(doc));
                }
            }
            // A key within an edit or two: 35-55, or 100 for the query's own key, which the first tier found (unless
            // it had more than n documents of it).
            if (qlen >= 3 && !hits.settled(allExact ? 55 : 100)) {
                int edits = qlen >= 6 ? 2 : 1;
                hits.add(top(new FuzzyQuery(new Term(SearchIndex.KEY, key), edits, 0), filters, n), true, (doc, s, max) -> {
                    int d = distance(key, doc.key());
                    return d == 0 ? 100 : 55 - 10.0 * (d - 1);
                });
            }
            BooleanQuery.Builder fuzzyWords = new BooleanQuery.Builder();
            int clauses = 0;
            for (String t : en) {
                if (t.length() < 4) continue;
                fuzzyWords.add(new FuzzyQuery(new Term(SearchIndex.EN, t), t.length() >= 6 ? 2 : 1, 1), Occur.SHOULD);
                clauses++;
            }
            if (clauses > 0 && !hits.settled(35)) hits.add(top(fuzzyWords.build(), filters, n), false, (doc, s, max) -> 10 + 25.0 * s / max);
            return hits.best();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Words found in what a claim says weigh less than the same words in a name: 10 points less. */
    private static double claimText(Candidate doc) {
        return doc.claim() ? 10 : 0;
    }

    private TopDocs top(Query query, List<Query> filters, int n) throws IOException {
        return searcher.search(filtered(query, filters), n);
    }

    private static Query filtered(Query query, List<Query> filters) {
        if (filters.isEmpty()) return query;
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(query, Occur.MUST);
        filters.forEach(f -> b.add(f, Occur.FILTER));
        return b.build();
    }

    /** Every English term (and every Chinese bigram) in a name or claim text; {@code occur} MUST for all words. */
    private static Query words(List<String> en, List<String> zh, Occur occur) {
        BooleanQuery.Builder either = new BooleanQuery.Builder();
        if (!en.isEmpty()) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            en.forEach(t -> b.add(new TermQuery(new Term(SearchIndex.EN, t)), occur));
            either.add(b.build(), Occur.SHOULD);
        }
        if (!zh.isEmpty()) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            zh.forEach(t -> b.add(new TermQuery(new Term(SearchIndex.ZH, t)), occur));
            either.add(b.build(), Occur.SHOULD);
        }
        return either.build();
    }

    private List<String> terms(String field, String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && terms.size() < MAX_TERMS) terms.add(term.toString());
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(terms);
    }

    private static int length(String key) {
        return key == null ? Integer.MAX_VALUE / 2 : key.codePointCount(0, key.length());
    }

    /** Levenshtein distance between two keys, in code points. */
    static int distance(String a, String b) {
        if (b == null) return Integer.MAX_VALUE / 2;
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        int[] prev = new int[y.length + 1];
        int[] cur = new int[y.length + 1];
        for (int j = 0; j <= y.length; j++) prev[j] = j;
        for (int i = 1; i <= x.length; i++) {
            cur[0] = i;
            for (int j = 1; j <= y.length; j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[y.length];
    }

    private interface Scorer {
        double score(Candidate doc, float luceneScore, float maxScore);
    }

    /**
     * A document a tier found, with its doc values (no stored fields): what ranking and collapsing need. {@code entity}
     * is the IRI's ordinal in a one-segment index (the index {@code load} writes), else the IRI; {@code key} only for
     * the tiers that ask for it.
     */
    private record Candidate(int doc, Object entity, boolean claim, int keyLength, String key, double score) {
        Candidate scored(double s) {
            return new Candidate(doc, entity, claim, keyLength, key, s);
        }
    }

    /** The doc values of a tier's documents, read leaf by leaf in document order (doc values iterate forwards). */
    private Map<Integer, Candidate> candidates(ScoreDoc[] hits, boolean withKey) throws IOException {
        int[] docs = new int[hits.length];
        for (int i = 0; i < hits.length; i++) docs[i] = hits[i].doc;
        Arrays.sort(docs);
        Map<Integer, Candidate> out = new HashMap<>();
        boolean oneLeaf = reader.leaves().size() == 1;
        int i = 0;
        for (LeafReaderContext leaf : reader.leaves()) {
            int end = leaf.docBase + leaf.reader().maxDoc();
            if (i >= docs.length) break;
            if (docs[i] >= end) continue;
            SortedDocValues iri = DocValues.getSorted(leaf.reader(), SearchIndex.IRI);
            SortedDocValues kind = DocValues.getSorted(leaf.reader(), SearchIndex.KIND);
            int claimOrd = kind.lookupTerm(CLAIM);
            SortedDocValues keys = withKey ? DocValues.getSorted(leaf.reader(), SearchIndex.KEY) : null;
            NumericDocValues lengths = DocValues.getNumeric(leaf.reader(), SearchIndex.KEY_LENGTH);
            for (; i < docs.length && docs[i] < end; i++) {
                int d = docs[i] - leaf.docBase;
                if (out.containsKey(docs[i]) || !iri.advanceExact(d)) continue;
                Object entity = oneLeaf ? (Object) iri.ordValue() : iri.lookupOrd(iri.ordValue()).utf8ToString();
                boolean claim = claimOrd >= 0 && kind.advanceExact(d) && kind.ordValue() == claimOrd;
                int length = lengths.advanceExact(d) ? (int) lengths.longValue() : Integer.MAX_VALUE / 2;
                String key = keys != null && keys.advanceExact(d) ? keys.lookupOrd(keys.ordValue()).utf8ToString() : null;
                out.put(docs[i], new Candidate(docs[i], entity, claim, length, key, 0));
            }
        }
        return out;
    }

    private static final BytesRef CLAIM = new BytesRef("claim");

    /** The label (doc value) of each candidate's document, read in document order. */
    private Map<Integer, String> labels(List<Candidate> candidates) throws IOException {
        int[] docs = candidates.stream().mapToInt(Candidate::doc).sorted().distinct().toArray();
        Map<Integer, String> out = new HashMap<>();
        int i = 0;
        for (LeafReaderContext leaf : reader.leaves()) {
            int end = leaf.docBase + leaf.reader().maxDoc();
            if (i >= docs.length) break;
            SortedDocValues labels = DocValues.getSorted(leaf.reader(), SearchIndex.LABEL);
            for (; i < docs.length && docs[i] < end; i++) {
                out.put(docs[i], labels.advanceExact(docs[i] - leaf.docBase) ? labels.lookupOrd(labels.ordValue()).utf8ToString() : "");
            }
        }
        return out;
    }

    /**
     * Keeps each entity's best hit over the tiers; the first tier to reach a score keeps it. Ranks on doc values only;
     * reads the stored fields (matched text, snippet) of the few hits it returns.
     */
    private final class Collector {
        private final String query;
        private final int limit;
        private final Map<Object, Candidate> best = new LinkedHashMap<>();

        Collector(String query, int limit) {
            this.query = query;
            this.limit = limit;
        }

        void add(TopDocs top, boolean withKey, Scorer scorer) throws IOException {
            if (top.scoreDocs.length == 0) return;
            float max = 0;
            for (ScoreDoc sd : top.scoreDocs) max = Math.max(max, Float.isNaN(sd.score) ? 0 : sd.score);
            if (max <= 0) max = 1;
            Map<Integer, Candidate> found = candidates(top.scoreDocs, withKey);
            for (ScoreDoc sd : top.scoreDocs) {
                Candidate c = found.get(sd.doc);
                if (c == null) continue;
                double score = Math.max(0, Math.min(100, scorer.score(c, Float.isNaN(sd.score) ? 0 : sd.score, max)));
                score = Math.round(score * 10) / 10.0;
                Candidate old = best.get(c.entity());
                if (old != null && old.score() >= score) continue;
                best.put(c.entity(), c.scored(score));
            }
        }

        /** Whether {@code limit} entities score above {@code ceiling}: a tier that scores at most that changes nothing. */
        boolean settled(double ceiling) {
            if (best.size() < limit) return false;
            int above = 0;
            for (Candidate c : best.values()) if (c.score() > ceiling && ++above >= limit) return true;
            return false;
        }

        List<Hit> best() throws IOException {
            // Labels break ties of score: read them only for the entities that can be in the answer.
            List<Candidate> byScore = best.values().stream().sorted(Comparator.comparingDouble(Candidate::score).reversed()).toList();
            if (byScore.isEmpty()) return List.of();
            double last = byScore.get(Math.min(limit, byScore.size()) - 1).score();
            List<Candidate> in = new ArrayList<>();
            for (Candidate c : best.values()) if (c.score() >= last) in.add(c);
            Map<Integer, String> labels = labels(in);
            List<Candidate> top = in.stream()
                    .sorted(Comparator.comparingDouble(Candidate::score).reversed()
                            .thenComparingInt(c -> labels.get(c.doc()).length())
                            .thenComparing(c -> labels.get(c.doc())))
                    .limit(limit).toList();
            StoredFields stored = searcher.storedFields();
            List<Hit> hits = new ArrayList<>(top.size());
            for (Candidate c : top) {
                Document doc = stored.document(c.doc(), STORED);
                String prop = doc.get(SearchIndex.PROP);
                String text = doc.get(SearchIndex.TEXT);
                boolean claimText = prop.equals("quote") || prop.equals("statement");
                String snippet = claimText ? window(text, query) : doc.get(SearchIndex.SNIPPET);
                String matched = claimText ? window(text, query) : text;
                hits.add(new Hit(doc.get(SearchIndex.IRI), doc.get(SearchIndex.KIND), doc.get(SearchIndex.LABEL), matched, snippet, c.score()));
            }
            return hits;
        }
    }

    private static final Set<String> STORED = Set.of(SearchIndex.IRI, SearchIndex.KIND, SearchIndex.LABEL, SearchIndex.PROP, SearchIndex.TEXT, SearchIndex.SNIPPET);

    /** Up to {@value #WINDOW} characters of a text around the first word of the query it contains. */
    static String window(String text, String query) {
        if (text.length() <= WINDOW) return text;
        String lower = text.toLowerCase(Locale.ROOT);
        int at = -1;
        for (String w : query.toLowerCase(Locale.ROOT).split("[\\s\\p{Punct}]+")) {
            if (w.length() < 2) continue;
            int i = lower.indexOf(w.length() > 5 ? w.substring(0, 5) : w);
            if (i >= 0 && (at < 0 || i < at)) at = i;
        }
        if (at < 0) at = 0;
        int start = Math.max(0, Math.min(at - WINDOW / 4, text.length() - WINDOW));
        int end = Math.min(text.length(), start + WINDOW);
        while (start > 0 && start < text.length() && Character.isLowSurrogate(text.charAt(start))) start--;
        while (end < text.length() && Character.isLowSurrogate(text.charAt(end))) end++;
        return (start > 0 ? "…" : "") + text.substring(start, end).strip() + (end < text.length() ? "…" : "");
    }

    @Override
    public void close() {
        open.writeLock().lock();
        try {
            if (closed) return;
            closed = true;
            reader.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            open.writeLock().unlock();
        }
    }
}
