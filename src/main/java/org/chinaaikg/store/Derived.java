package org.chinaaikg.store;

import org.chinaaikg.project.Inputs;
import org.chinaaikg.vocab.Dates;
import org.chinaaikg.vocab.Iris;
import org.chinaaikg.vocab.KG;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonString;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * What the server shows of the store as a whole, computed once by {@code load} and kept in the store directory
 * ({@value #FILE_NAME}, beside {@code inputs.sha256}), so that it is replaced with the store, all or nothing, and no
 * request ever scans the store: the counts (triples, per graph, entities per class with and without subclasses,
 * claims per source document), which source document each statement graph speaks for, the titles of those
 * documents, and the dataset's own title, description and licence ({@code data/dataset.ttl}).
 *
 * <p>Computed with plain Jena (index look-ups and scans, no SPARQL), so no query timeout applies.
 *
 * @param triples              the distinct triples of the union of all graphs (the default graph SPARQL queries)
 * @param triplesByGraph       the triples of each named graph (their sum counts twice what two graphs state)
 * @param entitiesByClass      our instance IRIs ({@code …/id/…}, no {@code #} part) per {@code rdf:type}
 * @param entitiesByClassAndSubclasses the same, each counted also under every superclass in the ontology graph
 * @param sourceOfGraph        graph IRI to the document its claims are {@code kg:statedIn}
 * @param titles               the {@code rdfs:label} of each such document and of the dataset's licence
 * @param about                the dataset's {@code dcterms:} title, description and licence, or null fields
 * @param kindOfSource         each such document's {@code kg:sourceKind} (its label is in {@code titles})
 * @param datedByYear          the dated statements ({@link Dates}) per year, each distinct triple once, the
 *                             entailments left out: the home page's timeline of the whole graph
 */
public record Derived(long triples, long entities, Map<String, Long> triplesByGraph, Map<String, Long> entitiesByClass,
                      Map<String, Long> entitiesByClassAndSubclasses, Map<String, Long> claimsBySource,
                      Map<String, String> sourceOfGraph, Map<String, String> titles, About about,
                      Map<String, String> kindOfSource, Map<Integer, Long> datedByYear) {
    public static final String FILE_NAME = "derived.json";
    /** Bumped when the file's content changes; a file of another version is computed afresh. */
    static final long VERSION = 2;

    /** The dataset's own description, from {@code data/dataset.ttl}; a field is null when the data lacks it. */
    public record About(String title, String description, String license) {}

    public Derived {
        triplesByGraph = Map.copyOf(triplesByGraph);
        entitiesByClass = Map.copyOf(entitiesByClass);
        entitiesByClassAndSubclasses = Map.copyOf(entitiesByClassAndSubclasses);
        claimsBySource = Map.copyOf(claimsBySource);
        sourceOfGraph = Map.copyOf(sourceOfGraph);
        titles = Map.copyOf(titles);
        kindOfSource = Map.copyOf(kindOfSource);
        datedByYear = Map.copyOf(datedByYear);
    }

    /** The claims of every source document added up. */
    public long claims() {
        return claimsBySource.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Computes everything from the store, in one read transaction. */
    public static Derived compute(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> computeInTxn(dsg));
    }

    private static Derived computeInTxn(DatasetGraph dsg) {
        Map<String, Long> byGraph = new TreeMap<>();
        for (Iterator<Node> it = dsg.listGraphNodes(); it.hasNext(); ) {
            Node g = it.next();
            byGraph.put(g.getURI(), (long) dsg.getGraph(g).size());
        }
        // What the default graph (the union, entailments included) holds: a triple two sources state counts once.
        // TDB2's union graph reads its SPOG index and drops adjacent repeats: no set of every triple in memory.
        long triples = org.apache.jena.atlas.iterator.Iter.count(dsg.getUnionGraph().find());

        Map<Node, Set<Node>> instances = new HashMap<>();
        Set<Node> entities = new HashSet<>();
        Set<Node> claims = new HashSet<>();
        Node claim = KG.Claim.asNode();
        dsg.find(Node.ANY, Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(q -> {
            Node s = q.getSubject();
            if (q.getObject().equals(claim)) claims.add(s);
            if (s.isURI() && s.getURI().startsWith(Iris.ID) && !s.getURI().contains("#") && q.getObject().isURI()) {
                instances.computeIfAbsent(q.getObject(), c -> new HashSet<>()).add(s);
                entities.add(s);
            }
        });
        Map<String, Long> byClass = new TreeMap<>();
        instances.forEach((c, s) -> byClass.put(c.getURI(), (long) s.size()));
        Map<Node, Set<Node>> withSubclasses = new HashMap<>();
        Function<Node, Set<Node>> superclasses = superclasses(dsg);
        instances.forEach((c, s) -> superclasses.apply(c)
                .forEach(sup -> withSubclasses.computeIfAbsent(sup, x -> new HashSet<>()).addAll(s)));
        Map<String, Long> bySuperclass = new TreeMap<>();
        withSubclasses.forEach((c, s) -> bySuperclass.put(c.getURI(), (long) s.size()));

        Map<Node, Set<Node>> claimsOf = new HashMap<>();
        Map<String, String> sourceOfGraph = new TreeMap<>();
        dsg.find(Node.ANY, Node.ANY, KG.statedIn.asNode(), Node.ANY).forEachRemaining(q -> {
            if (!q.getObject().isURI()) return;
            sourceOfGraph.putIfAbsent(q.getGraph().getURI(), q.getObject().getURI());
            if (claims.contains(q.getSubject())) claimsOf.computeIfAbsent(q.getObject(), d -> new HashSet<>()).add(q.getSubject());
        });
        Map<String, Long> bySource = new TreeMap<>();
        claimsOf.forEach((d, c) -> bySource.put(d.getURI(), (long) c.size()));

        Node dataset = NodeFactory.createURI(Iris.DATASET);
        Node license = object(dsg, dataset, DCTerms.license.asNode()).filter(Node::isURI).orElse(null);
        About about = new About(english(dsg, dataset, DCTerms.title.asNode()), english(dsg, dataset, DCTerms.description.asNode()),
                license == null ? null : license.getURI());

        Map<String, String> titles = new TreeMap<>();
        for (String doc : new HashSet<>(sourceOfGraph.values())) {
            String label = english(dsg, NodeFactory.createURI(doc), RDFS.label.asNode());
            if (label != null) titles.put(doc, label);
        }
        if (license != null) {
            String name = english(dsg, license, RDFS.label.asNode());
            if (name != null) titles.put(license.getURI(), name);
        }
        Map<String, String> kindOfSource = new TreeMap<>();
        for (String doc : new HashSet<>(sourceOfGraph.values())) {
            object(dsg, NodeFactory.createURI(doc), KG.sourceKind.asNode()).filter(Node::isURI).ifPresent(kind -> {
                kindOfSource.put(doc, kind.getURI());
                String name = english(dsg, kind, RDFS.label.asNode());
                if (name != null) titles.put(kind.getURI(), name);
            });
        }
        return new Derived(triples, entities.size(), byGraph, byClass, bySuperclass, bySource, sourceOfGraph, titles, about,
                kindOfSource, datedByYear(dsg));
    }

    /** The distinct dated statements per year, by the index of each date property (no scan of every triple). */
    private static Map<Integer, Long> datedByYear(DatasetGraph dsg) {
        Set<org.apache.jena.graph.Triple> dated = new HashSet<>();
        Node entailments = NodeFactory.createURI(Entailments.GRAPH);
        for (Node p : Dates.PROPERTIES) {
            dsg.find(Node.ANY, Node.ANY, p, Node.ANY).forEachRemaining(q -> {
                if (!q.getGraph().equals(entailments) && Dates.isEntity(q.getSubject()) && Dates.isDate(q.getObject())) {
                    dated.add(q.asTriple());
                }
            });
        }
        Map<Integer, Long> byYear = new TreeMap<>();
        dated.forEach(t -> byYear.merge(Dates.year(t.getObject()), 1L, Long::sum));
        return byYear;
    }

    /** Each class with itself and all its superclasses ({@code rdfs:subClassOf*} in the ontology graph, IRIs only). */
    private static Function<Node, Set<Node>> superclasses(DatasetGraph dsg) {
        Map<Node, Set<Node>> parents = new HashMap<>();
        dsg.find(NodeFactory.createURI(Inputs.ONTOLOGY_GRAPH), Node.ANY, RDFS.subClassOf.asNode(), Node.ANY).forEachRemaining(q -> {
            if (q.getObject().isURI()) parents.computeIfAbsent(q.getSubject(), c -> new HashSet<>()).add(q.getObject());
        });
        return c -> {
            Set<Node> seen = new HashSet<>();
            Deque<Node> todo = new ArrayDeque<>();
            todo.add(c);
            while (!todo.isEmpty()) {
                Node n = todo.pop();
                if (seen.add(n)) todo.addAll(parents.getOrDefault(n, Set.of()));
            }
            return seen;
        };
    }

    private static Optional<Node> object(DatasetGraph dsg, Node s, Node p) {
        Iterator<Quad> it = dsg.find(Node.ANY, s, p, Node.ANY);
        return it.hasNext() ? Optional.of(it.next().getObject()) : Optional.empty();
    }

    /** The English literal (or one without a language tag, or else any literal) of a subject's property, or null. */
    private static String english(DatasetGraph dsg, Node s, Node p) {
        String plain = null;
        String any = null;
        for (Iterator<Quad> it = dsg.find(Node.ANY, s, p, Node.ANY); it.hasNext(); ) {
            Node o = it.next().getObject();
            if (!o.isLiteral()) continue;
            String lang = o.getLiteralLanguage();
            if (lang.equalsIgnoreCase("en")) return o.getLiteralLexicalForm();
            if (lang.isEmpty() && plain == null) plain = o.getLiteralLexicalForm();
            if (any == null) any = o.getLiteralLexicalForm();
        }
        return plain != null ? plain : any;
    }

    /** Writes {@value #FILE_NAME} into a store directory. */
    public void write(Path storeDir) throws IOException {
        JsonObject json = new JsonObject();
        json.put("version", VERSION);
        json.put("triples", triples);
        json.put("entities", entities);
        json.put("triplesByGraph", counts(triplesByGraph));
        json.put("entitiesByClass", counts(entitiesByClass));
        json.put("entitiesByClassAndSubclasses", counts(entitiesByClassAndSubclasses));
        json.put("claimsBySource", counts(claimsBySource));
        json.put("sourceOfGraph", strings(sourceOfGraph));
        json.put("titles", strings(titles));
        JsonObject a = new JsonObject();
        if (about.title() != null) a.put("title", about.title());
        if (about.description() != null) a.put("description", about.description());
        if (about.license() != null) a.put("license", about.license());
        json.put("dataset", a);
        json.put("kindOfSource", strings(kindOfSource));
        JsonObject years = new JsonObject();
        new TreeMap<>(datedByYear).forEach((y, n) -> years.put(String.valueOf(y), n));
        json.put("datedByYear", years);
        try (OutputStream out = Files.newOutputStream(storeDir.resolve(FILE_NAME))) {
            JSON.write(out, json);
        }
    }

    /** What a store directory keeps; empty if it has no {@value #FILE_NAME} (an older store), or one of another version. */
    public static Optional<Derived> read(Path storeDir) {
        Path file = storeDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try (InputStream in = Files.newInputStream(file)) {
            JsonObject json = JSON.parse(in);
            if (!json.hasKey("version") || json.getNumber("version").longValue() != VERSION) return Optional.empty();
            JsonObject a = json.getObj("dataset");
            return Optional.of(new Derived(json.getNumber("triples").longValue(), json.getNumber("entities").longValue(),
                    counts(json.getObj("triplesByGraph")), counts(json.getObj("entitiesByClass")),
                    counts(json.getObj("entitiesByClassAndSubclasses")), counts(json.getObj("claimsBySource")),
                    strings(json.getObj("sourceOfGraph")), strings(json.getObj("titles")),
                    new About(string(a, "title"), string(a, "description"), string(a, "license")),
                    strings(json.getObj("kindOfSource")), years(json.getObj("datedByYear"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // Unreadable (cut short, edited by hand): compute it afresh rather than serve wrong figures.
            return Optional.empty();
        }
    }

    private static JsonObject counts(Map<String, Long> map) {
        JsonObject o = new JsonObject();
        new TreeMap<>(map).forEach(o::put);
        return o;
    }

    private static JsonObject strings(Map<String, String> map) {
        JsonObject o = new JsonObject();
        new TreeMap<>(map).forEach((k, v) -> o.put(k, v));
        return o;
    }

    private static Map<String, Long> counts(JsonObject o) {
        Map<String, Long> map = new TreeMap<>();
        o.forEach((k, v) -> map.put(k, v.getAsNumber().value().longValue()));
        return map;
    }

    private static Map<Integer, Long> years(JsonObject o) {
        Map<Integer, Long> map = new TreeMap<>();
        o.forEach((k, v) -> map.put(Integer.valueOf(k), v.getAsNumber().value().longValue()));
        return map;
    }

    private static Map<String, String> strings(JsonObject o) {
        Map<String, String> map = new TreeMap<>();
        o.forEach((k, v) -> map.put(k, v.getAsString().value()));
        return map;
    }

    private static String string(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v instanceof JsonString s ? s.value() : null;
    }
}
