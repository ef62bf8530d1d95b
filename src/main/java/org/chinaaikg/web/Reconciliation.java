package org.chinaaikg.web;

import org.chinaaikg.describe.DatasetMetadata;
import org.chinaaikg.describe.EntityCatalog;
import org.chinaaikg.project.Inputs;
import org.chinaaikg.search.EntitySearch;
import org.chinaaikg.search.LabelSearch;
import org.chinaaikg.vocab.Iris;
import org.chinaaikg.vocab.KG;
import org.chinaaikg.vocab.SCHEMA;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonNumber;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.RDFS;

/**
 * The W3C Entity Reconciliation Community Group's Reconciliation Service API, version 0.2, over our entities:
 * what each request of {@link ReconcileServlet} answers, as Jena JSON values. Entity ids are the paths after
 * {@code /id/} ({@code org/baidu}: identifierSpace + id is the IRI); type ids are class IRIs; property ids are the
 * short names of {@link #PROPERTIES}.
 */
public final class Reconciliation {
    /** Candidates per query when the query names no limit, and the most it may ask for. */
    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 100;
    static final int PREVIEW_WIDTH = 400;
    static final int PREVIEW_HEIGHT = 160;

    /** A property that data extension fetches (and queries may use to raise a candidate's score). */
    record ExtensionProperty(String id, String name, String description, Property property, boolean inverse) {}

    static final List<ExtensionProperty> PROPERTIES = List.of(
            new ExtensionProperty("location", "based in", "Where it is based (schema:location)", SCHEMA.location, false),
            new ExtensionProperty("develops", "develops", "What it develops (the subjects of kg:developedBy it is the object of)", KG.developedBy, true),
            new ExtensionProperty("offeredBy", "offered by", "Who offers it (kg:offeredBy)", KG.offeredBy, false),
            new ExtensionProperty("founder", "founder", "Who founded it (schema:founder)", SCHEMA.founder, false),
            new ExtensionProperty("memberOf", "member of", "The organizations it is a member of (org:memberOf)", ORG.memberOf, false));

    /**
     * Kinds left out of a query or suggestion that names no type: claims and memberships are statements about
     * things, not things a spreadsheet names (their types, kg:Claim and org:Membership, still find them).
     */
    static final Set<String> UNTYPED_SKIPS = Set.of("claim", "membership");

    /** The kinds offered first as default types, in this order; the other kinds follow. */
    private static final List<String> FIRST_KINDS = List.of("org", "person", "model", "product", "system", "policy", "place", "event");

    private final Supplier<EntityCatalog> catalog;
    private final EntitySearch search;
    private final DatasetGraph dsg;
    private final DatasetMetadata about;

    Reconciliation(Supplier<EntityCatalog> catalog, EntitySearch search, DatasetGraph dsg, DatasetMetadata about) {
        this.catalog = catalog;
        this.search = search;
        this.dsg = dsg;
        this.about = about;
    }

    /** A request the service cannot answer, with the reason (a 400). */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }

    // ---- manifest

    /** The service manifest; {@code origin} is this server as its client names it ({@code http://localhost:3030}). */
    JsonObject manifest(String origin) {
        JsonObject m = new JsonObject();
        m.put("versions", strings(List.of("0.2")));
        m.put("name", (about.title() == null ? "China AI Knowledge Graph" : about.title()) + " reconciliation");
        m.put("identifierSpace", Iris.ID);
        m.put("schemaSpace", Iris.KG);
        m.put("documentation", origin + "/");
        JsonArray types = new JsonArray();
        defaultTypes().forEach(types::add);
        m.put("defaultTypes", types);
        JsonObject view = new JsonObject();
        view.put("url", origin + "/id/{{id}}");
        m.put("view", view);
        JsonObject preview = new JsonObject();
        preview.put("url", origin + "/reconcile/preview?id={{id}}");
        preview.put("width", PREVIEW_WIDTH);
        preview.put("height", PREVIEW_HEIGHT);
        m.put("preview", preview);
        JsonObject suggest = new JsonObject();
        for (String what : List.of("entity", "type", "property")) {
            JsonObject service = new JsonObject();
            service.put("service_url", origin + "/reconcile");
            service.put("service_path", "/suggest/" + what);
            suggest.put(what, service);
        }
        m.put("suggest", suggest);
        JsonObject extend = new JsonObject();
        JsonObject propose = new JsonObject();
        propose.put("service_url", origin + "/reconcile");
        propose.put("service_path", "/propose_properties");
        extend.put("propose_properties", propose);
        JsonArray settings = new JsonArray();
        JsonObject limit = new JsonObject();
        limit.put("type", "number");
        limit.put("label", "Limit");
        limit.put("name", "limit");
        limit.put("default", 0);
        limit.put("help_text", "The most values to fetch per entity (0: all)");
        settings.add(limit);
        extend.put("property_settings", settings);
        m.put("extend", extend);
        return m;
    }

    /** Our kinds as types: each kind's class (org: org:Organization), kinds of people's interest first. */
    private List<JsonObject> defaultTypes() {
        EntityCatalog c = catalog.get();
        List<String> kinds = new ArrayList<>(FIRST_KINDS.stream().filter(c.kinds()::contains).toList());
        c.kinds().stream().filter(k -> !kinds.contains(k)).forEach(kinds::add);
        Set<String> classes = new LinkedHashSet<>();
        kinds.forEach(k -> c.classOf(k).ifPresent(classes::add));
        return classes.stream().map(cls -> type(c, cls)).toList();
    }

    // ---- reconciliation queries

    /** Answers a batch {@code {"q0": {"query": …, "type": …, "limit": …, "properties": […]}, …}}. */
    JsonObject reconcile(JsonObject batch) {
        JsonObject out = new JsonObject();
        for (String key : batch.keys()) {
            JsonValue q = batch.get(key);
            if (!q.isObject()) throw new BadRequest("query '" + key + "' is not a JSON object");
            JsonObject result = new JsonObject();
            result.put("result", candidates(q.getAsObject()));
            out.put(key, result);
        }
        return out;
    }

    private JsonArray candidates(JsonObject q) {
        EntityCatalog c = catalog.get();
        String text = q.hasKey("query") && q.get("query").isString() ? q.getString("query") : "";
        List<String> types = typesOf(q.get("type"));
        int limit = DEFAULT_LIMIT;
        if (q.hasKey("limit")) {
            if (!q.get("limit").isNumber()) throw new BadRequest("'limit' must be a number");
            limit = Math.max(0, Math.min(MAX_LIMIT, q.getNumber("limit").intValue()));
        }
        JsonArray candidates = new JsonArray();
        if (text.isBlank() || limit == 0) return candidates;

        // The search narrowed to a kind when the types are all of one; candidates then filtered by type.
        Set<String> kinds = new LinkedHashSet<>();
        types.forEach(t -> kinds.addAll(c.kindsOf(t)));
        if (!types.isEmpty() && kinds.isEmpty()) return candidates;
        String kind = kinds.size() == 1 ? kinds.iterator().next() : null;
        List<EntitySearch.Hit> hits = search.search(text, kind, Math.max(limit * 5, 50)).stream()
                .filter(h -> types.isEmpty() ? !UNTYPED_SKIPS.contains(h.kind())
                        : c.entry(h.iri()).map(e -> types.stream().anyMatch(e.allTypes()::contains)).orElse(false))
                .filter(h -> c.entry(h.iri()).isPresent())
                .toList();
        long exact = hits.stream().filter(Reconciliation::exact).count();
        List<JsonValue> properties = q.hasKey("properties") && q.get("properties").isArray() ? q.get("properties").getAsArray() : List.of();

        record Scored(EntitySearch.Hit hit, EntityCatalog.Entry entry, double score) {}
        List<Scored> scored = new ArrayList<>();
        Txn.executeRead(dsg, () -> hits.forEach(h -> {
            EntityCatalog.Entry e = c.entry(h.iri()).orElseThrow();
            scored.add(new Scored(h, e, Math.min(100, h.score() + propertyBonus(e, properties))));
        }));
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(s -> s.entry().label(), String.CASE_INSENSITIVE_ORDER)
                .thenComparing(s -> s.entry().iri()));
        for (Scored s : scored.subList(0, Math.min(limit, scored.size()))) {
            JsonObject r = new JsonObject();
            r.put("id", s.entry().id());
            r.put("name", s.entry().label());
            description(s.entry()).ifPresent(d -> r.put("description", d));
            JsonArray ts = new JsonArray();
            s.entry().types().forEach(t -> ts.add(type(c, t)));
            r.put("type", ts);
            r.put("score", JsonNumber.value(Math.round(s.score() * 10) / 10.0));
            // Certain only when the text is a name or spelling of this entity, and of no other candidate.
            r.put("match", exact(s.hit()) && exact == 1);
            candidates.add(r);
        }
        return candidates;
    }

    private static boolean exact(EntitySearch.Hit h) {
        return h.score() >= 100;
    }

    private static List<String> typesOf(JsonValue type) {
        if (type == null || type.isNull()) return List.of();
        if (type.isString()) return List.of(type.getAsString().value());
        if (type.isArray()) {
            List<String> out = new ArrayList<>();
            for (JsonValue t : type.getAsArray()) {
                if (!t.isString()) throw new BadRequest("'type' must be a type id or a list of them");
                out.add(t.getAsString().value());
            }
            return out;
        }
        throw new BadRequest("'type' must be a type id or a list of them");
    }

    /**
     * Up to 10 points for each query property ({@code {"pid": "location", "v": "Beijing"}}) whose value is one of
     * the candidate's (by id, or by a name or spelling of the value); never makes a match by itself.
     */
    private double propertyBonus(EntityCatalog.Entry e, List<JsonValue> properties) {
        double bonus = 0;
        for (JsonValue p : properties) {
            if (!p.isObject() || !p.getAsObject().hasKey("pid")) continue;
            Optional<ExtensionProperty> prop = property(p.getAsObject().get("pid").isString() ? p.getAsObject().getString("pid") : "");
            if (prop.isEmpty()) continue;
            List<Value> values = values(e.iri(), prop.get());
            JsonValue v = p.getAsObject().get("v");
            List<JsonValue> wanted = v == null ? List.of() : v.isArray() ? v.getAsArray() : List.of(v);
            boolean hit = wanted.stream().anyMatch(w -> values.stream().anyMatch(have -> sameValue(w, have)));
            if (hit) bonus += 10;
        }
        return bonus;
    }

    private boolean sameValue(JsonValue wanted, Value have) {
        if (wanted.isObject() && wanted.getAsObject().hasKey("id") && wanted.getAsObject().get("id").isString()) {
            String id = wanted.getAsObject().getString("id");
            return have.id() != null && (id.equals(have.id()) || id.equals(Iris.ID + have.id()));
        }
        String text = wanted.isString() ? wanted.getAsString().value() : wanted.isNumber() ? wanted.getAsNumber().value().toString() : null;
        if (text == null) return false;
        String n = LabelSearch.normalise(text);
        if (have.id() != null) {
            return catalog.get().entry(Iris.ID + have.id()).map(e -> e.spellings().stream().anyMatch(s -> LabelSearch.normalise(s).equals(n)))
                    .orElse(LabelSearch.normalise(have.name()).equals(n));
        }
        return LabelSearch.normalise(have.name()).equals(n);
    }

    /** What a candidate is, to tell namesakes apart: its Chinese name and other spellings. */
    private static Optional<String> description(EntityCatalog.Entry e) {
        List<String> others = e.spellings().stream().filter(s -> !s.equals(e.label())).toList();
        return others.isEmpty() ? Optional.empty() : Optional.of("also " + String.join(" · ", others));
    }

    private static JsonObject type(EntityCatalog c, String classIri) {
        JsonObject t = new JsonObject();
        t.put("id", classIri);
        t.put("name", c.classLabel(classIri));
        return t;
    }

    // ---- suggest

    /** Entities whose name or spelling begins with (or is near) {@code prefix}, optionally of one type. */
    JsonObject suggestEntities(String prefix, String type, int cursor, int limit) {
        EntityCatalog c = catalog.get();
        JsonArray result = new JsonArray();
        if (prefix != null && !prefix.isBlank()) {
            Set<String> kinds = type == null ? Set.of() : c.kindsOf(type);
            String kind = kinds.size() == 1 ? kinds.iterator().next() : null;
            List<EntityCatalog.Entry> found = search.search(prefix, kind, cursor + limit + 50).stream()
                    .map(h -> c.entry(h.iri()).orElse(null))
                    .filter(e -> e != null && (type == null ? !UNTYPED_SKIPS.contains(e.kind()) : e.allTypes().contains(type)))
                    .skip(cursor).limit(limit).toList();
            for (EntityCatalog.Entry e : found) {
                JsonObject r = new JsonObject();
                r.put("id", e.id());
                r.put("name", e.label());
                description(e).ifPresent(d -> r.put("description", d));
                JsonArray notable = new JsonArray();
                e.types().forEach(t -> notable.add(type(c, t)));
                r.put("notable", notable);
                result.add(r);
            }
        }
        JsonObject out = new JsonObject();
        out.put("result", result);
        return out;
    }

    /** The classes our entities have whose label (or a word of it) or local name begins with {@code prefix}. */
    JsonObject suggestTypes(String prefix, int cursor, int limit) {
        EntityCatalog c = catalog.get();
        String p = prefix == null ? "" : LabelSearch.normalise(prefix);
        JsonArray result = new JsonArray();
        Map<String, String> matching = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String cls : c.classes()) {
            String label = c.classLabel(cls);
            String local = cls.substring(Math.max(cls.lastIndexOf('#'), cls.lastIndexOf('/')) + 1);
            if (startsAWord(LabelSearch.normalise(label), p) || LabelSearch.normalise(local).startsWith(p)) matching.put(label + " " + cls, cls);
        }
        matching.values().stream().skip(cursor).limit(limit).forEach(cls -> {
            JsonObject t = type(c, cls);
            t.put("description", cls);
            result.add(t);
        });
        JsonObject out = new JsonObject();
        out.put("result", result);
        return out;
    }

    /** The properties of data extension whose name or id begins with {@code prefix}. */
    JsonObject suggestProperties(String prefix, int cursor, int limit) {
        String p = prefix == null ? "" : LabelSearch.normalise(prefix);
        JsonArray result = new JsonArray();
        PROPERTIES.stream().filter(x -> startsAWord(x.name(), p) || x.id().toLowerCase(Locale.ROOT).startsWith(p))
                .skip(cursor).limit(limit).forEach(x -> result.add(propertyJson(x)));
        JsonObject out = new JsonObject();
        out.put("result", result);
        return out;
    }

    private static boolean startsAWord(String text, String prefix) {
        if (prefix.isEmpty() || text.startsWith(prefix)) return true;
        for (int i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) {
            if (text.startsWith(prefix, i + 1)) return true;
        }
        return false;
    }

    private static JsonObject propertyJson(ExtensionProperty x) {
        JsonObject o = new JsonObject();
        o.put("id", x.id());
        o.put("name", x.name());
        o.put("description", x.description());
        return o;
    }

    // ---- data extension

    /** The properties worth proposing for a type: those some entity of the type has a value of. */
    JsonObject proposeProperties(String type, int limit) {
        EntityCatalog c = catalog.get();
        JsonArray props = new JsonArray();
        Txn.executeRead(dsg, () -> PROPERTIES.stream()
                .filter(x -> type == null || type.isBlank() || subjectTypes(x).contains(type))
                .limit(limit <= 0 ? PROPERTIES.size() : limit)
                .forEach(x -> props.add(propertyJson(x))));
        JsonObject out = new JsonObject();
        if (type != null && !type.isBlank()) out.put("type", type);
        if (limit > 0) out.put("limit", limit);
        out.put("properties", props);
        return out;
    }

    private final Map<String, Set<String>> subjectTypes = new java.util.concurrent.ConcurrentHashMap<>();

    /** The classes (with superclasses) of the entities that have a value of a property; computed once per property. */
    private Set<String> subjectTypes(ExtensionProperty x) {
        return subjectTypes.computeIfAbsent(x.id(), id -> {
            EntityCatalog c = catalog.get();
            Set<String> out = new java.util.HashSet<>();
            dsg.find(Node.ANY, Node.ANY, x.property().asNode(), Node.ANY).forEachRemaining(q -> {
                Node holder = x.inverse() ? q.getObject() : q.getSubject();
                if (holder.isURI()) c.entry(holder.getURI()).ifPresent(e -> out.addAll(e.allTypes()));
            });
            return Set.copyOf(out);
        });
    }

    /** Answers {@code {"ids": […], "properties": [{"id": …, "settings": {"limit": N}}]}}. */
    JsonObject extend(JsonObject query) {
        if (!query.hasKey("ids") || !query.get("ids").isArray()) throw new BadRequest("'ids' must be a list of entity ids");
        if (!query.hasKey("properties") || !query.get("properties").isArray()) throw new BadRequest("'properties' must be a list of {\"id\": …}");
        EntityCatalog c = catalog.get();
        List<String> ids = new ArrayList<>();
        for (JsonValue id : query.get("ids").getAsArray()) {
            if (!id.isString()) throw new BadRequest("'ids' must be a list of entity ids");
            ids.add(id.getAsString().value());
        }
        record Asked(ExtensionProperty property, int limit) {}
        List<Asked> asked = new ArrayList<>();
        for (JsonValue p : query.get("properties").getAsArray()) {
            if (!p.isObject() || !p.getAsObject().hasKey("id") || !p.getAsObject().get("id").isString()) {
                throw new BadRequest("each of 'properties' must be {\"id\": …}");
            }
            String id = p.getAsObject().getString("id");
            ExtensionProperty x = property(id).orElseThrow(() -> new BadRequest("unknown property '" + id + "'; the properties are "
                    + String.join(", ", PROPERTIES.stream().map(ExtensionProperty::id).toList())));
            int limit = 0;
            JsonValue settings = p.getAsObject().get("settings");
            if (settings != null && settings.isObject() && settings.getAsObject().hasKey("limit")) {
                JsonValue l = settings.getAsObject().get("limit");
                if (l.isNumber()) limit = Math.max(0, l.getAsNumber().value().intValue());
                else if (l.isString() && l.getAsString().value().matches("\\d{1,9}")) limit = Integer.parseInt(l.getAsString().value());
            }
            asked.add(new Asked(x, limit));
        }
        JsonArray meta = new JsonArray();
        Txn.executeRead(dsg, () -> asked.forEach(a -> {
            JsonObject m = new JsonObject();
            m.put("id", a.property().id());
            m.put("name", a.property().name());
            rangeOf(a.property()).ifPresent(t -> m.put("type", type(c, t)));
            meta.add(m);
        }));
        JsonObject rows = new JsonObject();
        Txn.executeRead(dsg, () -> {
            for (String id : ids) {
                JsonObject row = new JsonObject();
                Optional<EntityCatalog.Entry> e = entity(id);
                for (Asked a : asked) {
                    JsonArray vs = new JsonArray();
                    List<Value> values = e.map(x -> values(x.iri(), a.property())).orElse(List.of());
                    values.stream().limit(a.limit() == 0 ? Long.MAX_VALUE : a.limit()).forEach(v -> {
                        JsonObject o = new JsonObject();
                        if (v.id() != null) {
                            o.put("id", v.id());
                            o.put("name", v.name());
                        } else {
                            o.put("str", v.name());
                        }
                        vs.add(o);
                    });
                    row.put(a.property().id(), vs);
                }
                rows.put(id, row);
            }
        });
        JsonObject out = new JsonObject();
        out.put("meta", meta);
        out.put("rows", rows);
        return out;
    }

    /** The class a property's values have, as the ontology says: its range (its domain, read inversely). */
    private Optional<String> rangeOf(ExtensionProperty x) {
        Node ontology = NodeFactory.createURI(Inputs.ONTOLOGY_GRAPH);
        Node which = x.inverse() ? RDFS.domain.asNode() : RDFS.range.asNode();
        var it = dsg.find(ontology, x.property().asNode(), which, Node.ANY);
        while (it.hasNext()) {
            Node o = it.next().getObject();
            if (o.isURI()) return Optional.of(o.getURI());
        }
        return Optional.empty();
    }

    /** A value of a property: an entity of ours (its id and label) or a literal or other IRI (name only, id null). */
    record Value(String id, String name) {}

    /** The values of a property of an entity, sorted by name; callers hold a read transaction. */
    private List<Value> values(String iri, ExtensionProperty x) {
        EntityCatalog c = catalog.get();
        Node self = NodeFactory.createURI(iri);
        Set<Node> nodes = new LinkedHashSet<>();
        if (x.inverse()) dsg.find(Node.ANY, Node.ANY, x.property().asNode(), self).forEachRemaining(q -> nodes.add(q.getSubject()));
        else dsg.find(Node.ANY, self, x.property().asNode(), Node.ANY).forEachRemaining(q -> nodes.add(q.getObject()));
        Map<String, Value> out = new LinkedHashMap<>();
        for (Node n : nodes) {
            if (n.isURI()) {
                Value v = c.entry(n.getURI()).map(e -> new Value(e.id(), e.label())).orElse(new Value(null, n.getURI()));
                out.putIfAbsent(v.id() != null ? v.id() : v.name(), v);
            } else if (n.isLiteral()) {
                out.putIfAbsent(n.getLiteralLexicalForm(), new Value(null, n.getLiteralLexicalForm()));
            }
        }
        return out.values().stream().sorted(Comparator.comparing(Value::name, String.CASE_INSENSITIVE_ORDER).thenComparing(Value::name)).toList();
    }

    private static Optional<ExtensionProperty> property(String id) {
        return PROPERTIES.stream().filter(x -> x.id().equals(id)).findFirst();
    }

    /** An entity by its id ({@code org/baidu}) or its IRI. */
    Optional<EntityCatalog.Entry> entity(String id) {
        if (id == null) return Optional.empty();
        return catalog.get().entry(id.startsWith(Iris.ID) ? id : Iris.ID + id);
    }

    private static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }
}
