package org.chinaaikg.describe;

import org.chinaaikg.project.Inputs;
import org.chinaaikg.store.Entailments;
import org.chinaaikg.vocab.Iris;
import org.chinaaikg.vocab.KG;
import org.chinaaikg.vocab.SCHEMA;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * Every instance of ours ({@code …/id/{kind}/{slug}}, no {@code #} part) with what the lists, the reconciliation
 * service and the name search show of it: its kind, label, spellings, types, and how many claims and facts it has.
 * Computed once (by predicate and per-entity index look-ups, never by a scan of every triple) and kept while the
 * store is served: the store is read-only then.
 */
public final class EntityCatalog {
    /**
     * One entity.
     *
     * @param label     its English {@code rdfs:label} (else any label, else its slug)
     * @param zhLabel   its Chinese label, or null
     * @param spellings every {@code rdfs:label} and {@code skos:altLabel}, the label first
     * @param types     its {@code rdf:type}s as the files state them
     * @param allTypes  the same with every superclass (the entailments served)
     * @param claims    the claims about it ({@code schema:about}) or stated in it ({@code kg:statedIn})
     * @param facts     the triples that link it to another resource or give it a value (names, kinds, notes,
     *                  mentions, claim structure and OWL annotations left out)
     */
    public record Entry(String iri, String kind, String slug, String label, String zhLabel, List<String> spellings,
                        Set<String> types, Set<String> allTypes, long claims, long facts) {
        /** The path after {@code /id/}: {@code org/baidu}. */
        public String id() {
            return kind + "/" + slug;
        }
    }

    /** Predicates that name, classify, annotate or structure rather than state a fact. */
    private static final Set<Node> NOT_FACTS = Set.of(RDF.type.asNode(), RDFS.label.asNode(), SKOS.altLabel.asNode(),
            SKOS.scopeNote.asNode(), SKOS.definition.asNode(), SKOS.note.asNode(), SCHEMA.about.asNode(),
            KG.mentions.asNode(), KG.statedIn.asNode(), KG.hasEvidence.asNode(), OA.hasSource.asNode(),
            NodeFactory.createURI(KG.NS + "curatorNote"));
    private static final Set<String> NOT_DATA = Set.of(Inputs.ONTOLOGY_GRAPH, Inputs.SHAPES_GRAPH, Entailments.GRAPH);

    private final Map<String, Entry> byIri;
    private final Map<String, List<Entry>> byKind;
    private final Map<String, String> classOfKind;
    private final Map<String, String> classLabels;
    private final Map<String, Set<String>> kindsOfClass;

    private EntityCatalog(Map<String, Entry> byIri, Map<String, String> classOfKind, Map<String, String> classLabels) {
        this.byIri = byIri;
        this.classOfKind = classOfKind;
        this.classLabels = classLabels;
        Map<String, List<Entry>> kinds = new TreeMap<>();
        byIri.values().forEach(e -> kinds.computeIfAbsent(e.kind(), k -> new ArrayList<>()).add(e));
        kinds.replaceAll((k, list) -> list.stream().sorted(BY_LABEL).toList());
        this.byKind = Collections.unmodifiableMap(kinds);
        Map<String, Set<String>> kindsOf = new TreeMap<>();
        byIri.values().forEach(e -> e.allTypes().forEach(t -> kindsOf.computeIfAbsent(t, x -> new TreeSet<>()).add(e.kind())));
        this.kindsOfClass = Collections.unmodifiableMap(kindsOf);
    }

    /** Sorted by label, ignoring case, then by IRI. */
    public static final Comparator<Entry> BY_LABEL =
            Comparator.comparing(Entry::label, String.CASE_INSENSITIVE_ORDER).thenComparing(Entry::label).thenComparing(Entry::iri);

    /** Computed on first use, then kept: the server starts without waiting for it. */
    public static Supplier<EntityCatalog> lazy(DatasetGraph dsg) {
        return new Supplier<>() {
            private volatile EntityCatalog catalog;

            @Override
            public EntityCatalog get() {
                EntityCatalog c = catalog;
                if (c == null) {
                    synchronized (this) {
                        if (catalog == null) catalog = of(dsg);
                        c = catalog;
                    }
                }
                return c;
            }
        };
    }

    /** Computes the catalog in one read transaction. */
    public static EntityCatalog of(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> compute(dsg));
    }

    private static EntityCatalog compute(DatasetGraph dsg) {
        Map<Node, Set<String>> stated = new LinkedHashMap<>();
        Map<Node, Set<String>> all = new HashMap<>();
        dsg.find(Node.ANY, Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(q -> {
            Node s = q.getSubject();
            if (!ours(s) || !q.getObject().isURI()) return;
            all.computeIfAbsent(s, x -> new TreeSet<>()).add(q.getObject().getURI());
            Set<String> direct = stated.computeIfAbsent(s, x -> new TreeSet<>());
            if (!q.getGraph().getURI().equals(Entailments.GRAPH)) direct.add(q.getObject().getURI());
        });

        Map<Node, List<Node>> labels = new HashMap<>();
        Map<Node, List<Node>> altLabels = new HashMap<>();
        collect(dsg, RDFS.label.asNode(), labels);
        collect(dsg, SKOS.altLabel.asNode(), altLabels);

        Map<Node, Set<Node>> claims = new HashMap<>();
        for (Node p : List.of(SCHEMA.about.asNode(), KG.statedIn.asNode())) {
            dsg.find(Node.ANY, Node.ANY, p, Node.ANY).forEachRemaining(q ->
                    claims.computeIfAbsent(q.getObject(), x -> new HashSet<>()).add(q.getSubject()));
        }

        Map<String, Entry> byIri = new LinkedHashMap<>();
        for (Map.Entry<Node, Set<String>> e : stated.entrySet()) {
            Node s = e.getKey();
            String iri = s.getURI();
            String path = iri.substring(Iris.ID.length());
            int slash = path.indexOf('/');
            if (slash <= 0 || slash == path.length() - 1) continue;
            String kind = path.substring(0, slash);
            String slug = path.substring(slash + 1);
            List<Node> ls = labels.getOrDefault(s, List.of());
            String label = pick(ls, "en").or(() -> ls.stream().map(Node::getLiteralLexicalForm).findFirst()).orElse(slug);
            String zh = pick(ls, "zh").orElse(null);
            Set<String> spellings = new LinkedHashSet<>();
            spellings.add(label);
            ls.forEach(l -> spellings.add(l.getLiteralLexicalForm()));
            altLabels.getOrDefault(s, List.of()).forEach(l -> spellings.add(l.getLiteralLexicalForm()));
            byIri.put(iri, new Entry(iri, kind, slug, label, zh, List.copyOf(spellings), Set.copyOf(e.getValue()),
                    Set.copyOf(all.get(s)), claims.getOrDefault(s, Set.of()).size(), facts(dsg, s)));
        }

        Map<String, String> classLabels = new TreeMap<>();
        Node ontology = NodeFactory.createURI(Inputs.ONTOLOGY_GRAPH);
        dsg.find(ontology, Node.ANY, RDFS.label.asNode(), Node.ANY).forEachRemaining(q -> {
            if (q.getSubject().isURI() && q.getObject().isLiteral() && q.getObject().getLiteralLanguage().equalsIgnoreCase("en")) {
                classLabels.putIfAbsent(q.getSubject().getURI(), q.getObject().getLiteralLexicalForm());
            }
        });
        return new EntityCatalog(Collections.unmodifiableMap(byIri), classOfKind(dsg, byIri), Collections.unmodifiableMap(classLabels));
    }

    /** Distinct facts with the entity at one end, in the data's graphs. */
    private static long facts(DatasetGraph dsg, Node s) {
        Set<List<Node>> facts = new HashSet<>();
        for (Quad q : (Iterable<Quad>) () -> dsg.find(Node.ANY, s, Node.ANY, Node.ANY)) {
            if (fact(q) && (q.getObject().isLiteral() || whole(q.getObject()))) facts.add(List.of(s, q.getPredicate(), q.getObject()));
        }
        for (Quad q : (Iterable<Quad>) () -> dsg.find(Node.ANY, Node.ANY, Node.ANY, s)) {
            if (fact(q) && whole(q.getSubject())) facts.add(List.of(q.getSubject(), q.getPredicate(), s));
        }
        return facts.size();
    }

    private static boolean fact(Quad q) {
        return !NOT_FACTS.contains(q.getPredicate()) && !q.getPredicate().getURI().startsWith("http://www.w3.org/2002/07/owl#")
                && !NOT_DATA.contains(q.getGraph().getURI());
    }

    /** An IRI that is not a part ({@code #…}) of another resource. */
    private static boolean whole(Node n) {
        return n.isURI() && !n.getURI().contains("#");
    }

    private static boolean ours(Node s) {
        return s.isURI() && s.getURI().startsWith(Iris.ID) && !s.getURI().contains("#");
    }

    private static void collect(DatasetGraph dsg, Node p, Map<Node, List<Node>> into) {
        dsg.find(Node.ANY, Node.ANY, p, Node.ANY).forEachRemaining(q -> {
            if (ours(q.getSubject()) && q.getObject().isLiteral()) {
                List<Node> list = into.computeIfAbsent(q.getSubject(), x -> new ArrayList<>());
                if (!list.contains(q.getObject())) list.add(q.getObject());
            }
        });
        into.values().forEach(list -> list.sort(Comparator.comparing(Node::getLiteralLexicalForm)));
    }

    /** The literal in a language (any region or script: {@code zh}, {@code zh-Hans}, {@code zh-CN}). */
    private static Optional<String> pick(List<Node> literals, String lang) {
        return literals.stream().filter(l -> {
            String tag = l.getLiteralLanguage().toLowerCase(java.util.Locale.ROOT);
            return tag.equals(lang) || tag.startsWith(lang + "-");
        }).map(Node::getLiteralLexicalForm).findFirst();
    }

    /**
     * The class of each kind: the most specific class that every entity of the kind has (with superclasses):
     * {@code org} is {@code org:Organization}, {@code model} {@code kg:AIModel}.
     */
    private static Map<String, String> classOfKind(DatasetGraph dsg, Map<String, Entry> byIri) {
        Map<String, Set<String>> common = new TreeMap<>();
        byIri.values().forEach(e -> common.merge(e.kind(), new HashSet<>(e.allTypes()), (a, b) -> {
            a.retainAll(b);
            return a;
        }));
        Node subClassOf = RDFS.subClassOf.asNode();
        Map<String, String> out = new TreeMap<>();
        common.forEach((kind, classes) -> {
            // A class none of whose subclasses is also common; ties: ours first, then by IRI.
            classes.stream()
                    .filter(c -> classes.stream().noneMatch(d -> !d.equals(c)
                            && dsg.contains(Node.ANY, NodeFactory.createURI(d), subClassOf, NodeFactory.createURI(c))))
                    .min(Comparator.comparing((String c) -> !c.startsWith(KG.NS)).thenComparing(c -> c))
                    .ifPresent(c -> out.put(kind, c));
        });
        return Collections.unmodifiableMap(out);
    }

    public Optional<Entry> entry(String iri) {
        return Optional.ofNullable(byIri.get(iri));
    }

    /** Every entity, in no particular order. */
    public java.util.Collection<Entry> all() {
        return byIri.values();
    }

    /** The entities of a kind, sorted by {@link #BY_LABEL}; empty for an unknown kind. */
    public List<Entry> ofKind(String kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    /** The kinds, sorted. */
    public Set<String> kinds() {
        return byKind.keySet();
    }

    /** The class of a kind ({@code org} → {@code org:Organization}), if its entities share one. */
    public Optional<String> classOf(String kind) {
        return Optional.ofNullable(classOfKind.get(kind));
    }

    public Map<String, String> classesOfKinds() {
        return classOfKind;
    }

    /** The kinds of the instances of a class ({@code kg:Company} → {@code org}); empty when it has none of ours. */
    public Set<String> kindsOf(String classIri) {
        return kindsOfClass.getOrDefault(classIri, Set.of());
    }

    /** Every class that one of our entities has (with superclasses). */
    public Set<String> classes() {
        return kindsOfClass.keySet();
    }

    /** The English label of a class of the ontology, or its local name. */
    public String classLabel(String classIri) {
        String label = classLabels.get(classIri);
        if (label != null) return label;
        int cut = Math.max(classIri.lastIndexOf('#'), classIri.lastIndexOf('/'));
        return classIri.substring(cut + 1);
    }
}
