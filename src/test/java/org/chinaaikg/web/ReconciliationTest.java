package org.chinaaikg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.ORG;
import org.chinaaikg.Fixtures;
import org.chinaaikg.vocab.Iris;
import org.chinaaikg.vocab.KG;
import org.chinaaikg.vocab.SCHEMA;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reconciliation service at {@code /reconcile} (Reconciliation Service API 0.2, as OpenRefine uses it), on the
 * bundled data, over real HTTP: every answer validated against the specification's own JSON Schemas
 * (src/test/resources/reconciliation-0.2), and what it finds checked against the data files.
 */
class ReconciliationTest {
    static final String ORGANIZATION = ORG.Organization.getURI();

    @RegisterExtension
    static final ServerExtension server = ServerExtension.onBundledData();
    static Model files;

    @BeforeAll
    static void start() throws Exception {
        Fixtures.Project p = server.project();
        files = ModelFactory.createDefaultModel();
        BundledProject.graphs(p).values().forEach(files::add);
    }


    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A JSON answer: 200, application/json, valid against the named schema of the specification. */
    static JsonObject valid(HttpResponse<String> r, String schema) {
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse("").split(";")[0].strip());
        ReconciliationSchemas.assertValid(schema, r.body());
        return JSON.parse(r.body());
    }

    static JsonObject get(String path, String schema) throws Exception {
        return valid(server.get(path, "application/json"), schema);
    }

    @Test
    void theManifestFollowsTheSpecification() throws Exception {
        JsonObject m = get("/reconcile", "manifest");
        assertTrue(m.get("versions").getAsArray().contains(new org.apache.jena.atlas.json.JsonString("0.2")));
        assertEquals(Iris.ID, m.getString("identifierSpace"));
        assertEquals(Iris.KG, m.getString("schemaSpace"));
        assertEquals(server.base() + "/id/{{id}}", m.getObj("view").getString("url"));
        assertEquals(server.base() + "/reconcile/preview?id={{id}}", m.getObj("preview").getString("url"));
        Set<String> types = new HashSet<>();
        m.get("defaultTypes").getAsArray().forEach(t -> types.add(t.getAsObject().getString("id")));
        assertTrue(types.containsAll(Set.of(ORGANIZATION, "http://xmlns.com/foaf/0.1/Person", SCHEMA.Place.getURI())), types.toString());
        assertEquals("/suggest/entity", m.getObj("suggest").getObj("entity").getString("service_path"));
        assertEquals("/suggest/type", m.getObj("suggest").getObj("type").getString("service_path"));
        assertEquals("/propose_properties", m.getObj("extend").getObj("propose_properties").getString("service_path"));
        // The view template leads to the entity's page.
        String baidu = m.getObj("view").getString("url").replace("{{id}}", "org/baidu").substring(server.base().length());
        assertEquals(200, server.get(baidu, "text/html").statusCode());
        // The schema is not a rubber stamp: a manifest without its version fails it.
        JsonObject broken = JSON.parse(JSON.toString(m));
        broken.remove("versions");
        assertFalse(ReconciliationSchemas.problems("manifest", JSON.toString(broken)).isEmpty());
    }

    /** A journalist's column of names, misspellings among them, as OpenRefine sends it. */
    static final Map<String, String> COLUMN = Map.of("q0", "Baidu", "q1", "Bidu", "q2", "Alibaba Group", "q3", "Tencent",
            "q4", "sense time", "q5", "MiniMax", "q6", "iFlytec");

    static String batch(String type) {
        JsonObject b = new JsonObject();
        COLUMN.forEach((k, name) -> {
            JsonObject q = new JsonObject();
            q.put("query", name);
            if (type != null) q.put("type", type);
            q.put("limit", 5);
            b.put(k, q);
        });
        String json = JSON.toString(b);
        ReconciliationSchemas.assertValid("reconciliation-query-batch", json);
        return json;
    }

    @Test
    void aBatchOfNamesWithMisspellingsFindsTheRightEntities() throws Exception {
        for (String type : new String[] {ORGANIZATION, null}) {
            JsonObject posted = valid(server.send("POST", "/reconcile", "application/x-www-form-urlencoded",
                    "queries=" + enc(batch(type))), "reconciliation-result-batch");
            JsonObject got = get("/reconcile?queries=" + enc(batch(type)), "reconciliation-result-batch");
            assertEquals(JSON.toString(posted), JSON.toString(got), "GET and POST answer alike");

            // The names (label or a spelling a source uses) match, certainly; misspellings are found, not matched.
            expect(got, "q0", "org/baidu", true);
            expect(got, "q1", "org/baidu", false);            // "Bidu": a typo
            expect(got, "q2", "org/alibaba", false);          // "Alibaba Group": no source writes it so
            expect(got, "q3", "org/tencent", true);
            expect(got, "q4", "org/sensetime", true);         // "Sense time": source 003's spelling (skos:altLabel)
            expect(got, "q5", "org/minimax", true);
            expect(got, "q6", "org/iflytek", true);           // "iFlytec": a source's spelling (skos:altLabel)
            for (String key : COLUMN.keySet()) {
                JsonArray results = got.getObj(key).get("result").getAsArray();
                long matches = results.stream().filter(r -> r.getAsObject().get("match").getAsBoolean().value()).count();
                assertTrue(matches <= 1, key + ": at most one certain match");
                double previous = 101;
                for (JsonValue r : results) {
                    double score = r.getAsObject().getNumber("score").doubleValue();
                    assertTrue(score <= previous && score >= 0 && score <= 100, key + ": scores in [0, 100], best first");
                    previous = score;
                    if (type != null) {
                        Set<String> types = new HashSet<>();
                        r.getAsObject().get("type").getAsArray().forEach(t -> types.add(t.getAsObject().getString("id")));
                        assertTrue(isA(r.getAsObject().getString("id"), ORGANIZATION), key + ": only organizations: " + r);
                        assertFalse(types.isEmpty());
                    }
                }
            }
            JsonObject baidu = got.getObj("q0").get("result").getAsArray().get(0).getAsObject();
            assertEquals("Baidu", baidu.getString("name"));
            assertEquals(100, baidu.getNumber("score").intValue());
            assertEquals(KG.Company.getURI(), baidu.get("type").getAsArray().get(0).getAsObject().getString("id"));
        }
    }

    static void expect(JsonObject answer, String key, String id, boolean match) {
        JsonArray results = answer.getObj(key).get("result").getAsArray();
        assertFalse(results.isEmpty(), key + " " + COLUMN.get(key) + ": no candidate");
        JsonObject first = results.get(0).getAsObject();
        assertEquals(id, first.getString("id"), key + " " + COLUMN.get(key) + ": " + results);
        assertEquals(match, first.get("match").getAsBoolean().value(), key + " " + COLUMN.get(key) + ": match? " + first);
    }

    /** Whether the files give an entity a type that is the class or one of its subclasses (one level of the ontology suffices here). */
    static boolean isA(String id, String classIri) {
        Resource e = files.getResource(Iris.ID + id);
        Resource c = files.getResource(classIri);
        for (RDFNode t : files.listObjectsOfProperty(e, org.apache.jena.vocabulary.RDF.type).toList()) {
            if (t.equals(c) || reaches(t.asResource(), c, new HashSet<>())) return true;
        }
        return false;
    }

    private static boolean reaches(Resource from, Resource to, Set<Resource> seen) {
        if (!seen.add(from)) return false;
        for (RDFNode sup : files.listObjectsOfProperty(from, org.apache.jena.vocabulary.RDFS.subClassOf).toList()) {
            if (sup.equals(to) || (sup.isResource() && reaches(sup.asResource(), to, seen))) return true;
        }
        return false;
    }

    @Test
    void aTypeNarrowsTheCandidatesAndLimitIsKept() throws Exception {
        JsonObject q = new JsonObject();
        JsonObject one = new JsonObject();
        one.put("query", "Baidu");
        one.put("type", KG.Product.getURI());
        q.put("p", one);
        JsonObject two = new JsonObject();
        two.put("query", "Baidu");
        two.put("limit", 1);
        q.put("l", two);
        JsonObject got = get("/reconcile?queries=" + enc(JSON.toString(q)), "reconciliation-result-batch");
        JsonArray products = got.getObj("p").get("result").getAsArray();
        assertFalse(products.isEmpty());
        for (JsonValue r : products) {
            assertTrue(isA(r.getAsObject().getString("id"), KG.Product.getURI()), "a product: " + r);
            assertFalse(r.getAsObject().get("match").getAsBoolean().value(), "no product is called Baidu: " + r);
        }
        assertEquals(1, got.getObj("l").get("result").getAsArray().size());
    }

    @Test
    void aPropertyValueRaisesACandidatesScore() throws Exception {
        // "Moonshot" is Beijing-based in source 001: with the city given, the fuzzy candidate scores higher.
        assertTrue(files.contains(files.getResource(Iris.ID + "org/moonshot"), SCHEMA.location, files.getResource(Iris.ID + "place/beijing")));
        String plain = "{\"q\":{\"query\":\"Moonshoot\"}}";
        String withCity = "{\"q\":{\"query\":\"Moonshoot\",\"properties\":[{\"pid\":\"location\",\"v\":\"Beijing\"}]}}";
        ReconciliationSchemas.assertValid("reconciliation-query-batch", withCity);
        JsonObject a = get("/reconcile?queries=" + enc(plain), "reconciliation-result-batch").getObj("q").get("result").getAsArray().get(0).getAsObject();
        JsonObject b = get("/reconcile?queries=" + enc(withCity), "reconciliation-result-batch").getObj("q").get("result").getAsArray().get(0).getAsObject();
        assertEquals("org/moonshot", a.getString("id"));
        assertEquals("org/moonshot", b.getString("id"));
        assertTrue(b.getNumber("score").doubleValue() > a.getNumber("score").doubleValue(), a + " vs " + b);
        assertFalse(b.get("match").getAsBoolean().value(), "a property never makes a misspelling certain");
    }

    @Test
    void badQueriesGet400() throws Exception {
        assertEquals(400, server.get("/reconcile?queries=" + enc("{not json"), "application/json").statusCode());
        assertEquals(400, server.get("/reconcile?queries=" + enc("[1,2]"), "application/json").statusCode());
        assertEquals(400, server.get("/reconcile?queries=" + enc("{\"q\":{\"query\":\"x\",\"limit\":\"ten\"}}"), "application/json").statusCode());
        assertEquals(400, server.get("/reconcile?extend=" + enc("{\"ids\":[\"org/baidu\"],\"properties\":[{\"id\":\"nope\"}]}"), "application/json").statusCode());
        assertEquals(404, server.get("/reconcile/nothing", "application/json").statusCode());
    }

    @Test
    void suggestServicesForEntitiesTypesAndProperties() throws Exception {
        JsonObject entities = get("/reconcile/suggest/entity?prefix=Bai", "suggest-entities-response");
        List<String> ids = new ArrayList<>();
        entities.get("result").getAsArray().forEach(r -> ids.add(r.getAsObject().getString("id")));
        assertTrue(ids.contains("org/baidu"), ids.toString());
        assertFalse(ids.stream().anyMatch(id -> id.startsWith("claim/")), "claims are not suggested without their type: " + ids);
        JsonObject typed = get("/reconcile/suggest/entity?prefix=Bai&type=" + enc(KG.Product.getURI()), "suggest-entities-response");
        assertFalse(typed.get("result").getAsArray().isEmpty());
        typed.get("result").getAsArray().forEach(r -> assertTrue(isA(r.getAsObject().getString("id"), KG.Product.getURI()), r.toString()));
        JsonObject chinese = get("/reconcile/suggest/entity?prefix=" + enc("百度"), "suggest-entities-response");
        assertEquals("org/baidu", chinese.get("result").getAsArray().get(0).getAsObject().getString("id"));

        JsonObject types = get("/reconcile/suggest/type?prefix=comp", "suggest-types-response");
        Set<String> typeIds = new HashSet<>();
        types.get("result").getAsArray().forEach(t -> typeIds.add(t.getAsObject().getString("id")));
        assertTrue(typeIds.contains(KG.Company.getURI()), typeIds.toString());
        assertFalse(typeIds.contains(KG.Policy.getURI()));
        JsonObject startUp = get("/reconcile/suggest/type?prefix=start", "suggest-types-response");
        assertEquals(KG.Startup.getURI(), startUp.get("result").getAsArray().get(0).getAsObject().getString("id"));

        JsonObject props = get("/reconcile/suggest/property?prefix=based", "suggest-properties-response");
        assertEquals("location", props.get("result").getAsArray().get(0).getAsObject().getString("id"));
    }

    @Test
    void thePreviewIsASmallCardWithoutScript() throws Exception {
        HttpResponse<String> r = server.get("/reconcile/preview?id=org/baidu", "text/html");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String html = r.body();
        assertTrue(html.contains(">Baidu</a>") && html.contains("百度"), html);
        assertTrue(html.contains("href=\"" + server.base() + "/id/org/baidu\""), "links to the entity's page");
        assertFalse(html.toLowerCase().contains("<script"), "no script");
        assertTrue(html.length() < 2000, "small: " + html.length());
        // OpenRefine shows it in a frame: this answer alone may be framed, and runs nothing.
        assertTrue(r.headers().firstValue("X-Frame-Options").isEmpty(), r.headers().map().toString());
        assertEquals(ReconcileServlet.PREVIEW_POLICY, r.headers().firstValue("Content-Security-Policy").orElse(""));
        assertEquals("DENY", server.get("/id/org/baidu", "text/html").headers().firstValue("X-Frame-Options").orElse(""),
                "other pages still refuse frames");
        assertEquals(404, server.get("/reconcile/preview?id=org/no-such-org", "text/html").statusCode());
        assertEquals(200, server.get("/reconcile/preview?id=" + enc(Iris.ID + "org/baidu"), "text/html").statusCode(), "the IRI works too");
    }

    @Test
    void dataExtensionFetchesWhatTheFilesState() throws Exception {
        List<String> ids = List.of("org/baidu", "org/minimax", "org/sogou", "person/yan-junjie", "product/duer", "org/no-such-org");
        Map<String, Property> forward = Map.of("location", SCHEMA.location, "offeredBy", KG.offeredBy, "founder", SCHEMA.founder,
                "memberOf", ORG.memberOf);
        JsonObject query = new JsonObject();
        JsonArray idArray = new JsonArray();
        ids.forEach(idArray::add);
        query.put("ids", idArray);
        JsonArray props = new JsonArray();
        for (String p : List.of("location", "develops", "offeredBy", "founder", "memberOf")) {
            JsonObject o = new JsonObject();
            o.put("id", p);
            props.add(o);
        }
        query.put("properties", props);
        ReconciliationSchemas.assertValid("data-extension-query", JSON.toString(query));
        JsonObject got = valid(server.send("POST", "/reconcile", "application/x-www-form-urlencoded", "extend=" + enc(JSON.toString(query))),
                "data-extension-response");
        assertEquals(5, got.get("meta").getAsArray().size());
        assertEquals("based in", got.get("meta").getAsArray().get(0).getAsObject().getString("name"));
        JsonObject rows = got.getObj("rows");
        int nonEmpty = 0;
        for (String id : ids) {
            Resource e = files.getResource(Iris.ID + id);
            for (String p : List.of("location", "develops", "offeredBy", "founder", "memberOf")) {
                Set<String> expected = new HashSet<>();
                if (p.equals("develops")) {
                    files.listSubjectsWithProperty(KG.developedBy, e).forEach(s -> expected.add(s.getURI().substring(Iris.ID.length())));
                } else {
                    files.listObjectsOfProperty(e, forward.get(p)).forEach(o -> expected.add(o.asResource().getURI().substring(Iris.ID.length())));
                }
                Set<String> actual = new HashSet<>();
                rows.getObj(id).get(p).getAsArray().forEach(v -> actual.add(v.getAsObject().getString("id")));
                assertEquals(expected, actual, id + " " + p);
                if (!actual.isEmpty()) nonEmpty++;
            }
        }
        assertTrue(nonEmpty >= 6, "the chosen ids have values: " + rows);
        // The limit setting.
        String limited = "{\"ids\":[\"org/baidu\"],\"properties\":[{\"id\":\"develops\",\"settings\":{\"limit\":1}}]}";
        JsonObject one = get("/reconcile?extend=" + enc(limited), "data-extension-response");
        assertEquals(1, one.getObj("rows").getObj("org/baidu").get("develops").getAsArray().size());
    }

    @Test
    void propertiesAreProposedForATypeThatHasThem() throws Exception {
        JsonObject orgs = get("/reconcile/propose_properties?type=" + enc(ORGANIZATION), "data-extension-property-proposal");
        Set<String> ids = new HashSet<>();
        orgs.get("properties").getAsArray().forEach(p -> ids.add(p.getAsObject().getString("id")));
        assertTrue(ids.containsAll(Set.of("location", "develops", "founder")), ids.toString());
        assertFalse(ids.contains("memberOf"), "organizations are not members of anything in these files");
        JsonObject people = get("/reconcile/propose_properties?type=" + enc("http://xmlns.com/foaf/0.1/Person"), "data-extension-property-proposal");
        Set<String> personIds = new HashSet<>();
        people.get("properties").getAsArray().forEach(p -> personIds.add(p.getAsObject().getString("id")));
        assertTrue(personIds.contains("memberOf"), personIds.toString());
    }

    @Test
    void jsonpCallbacksMustBeJavaScriptNames() throws Exception {
        HttpResponse<String> r = server.get("/reconcile?callback=jsonp_1", null);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/javascript"));
        assertTrue(r.body().startsWith("jsonp_1(") && r.body().endsWith(");"), r.body());
        ReconciliationSchemas.assertValid("manifest", r.body().substring("jsonp_1(".length(), r.body().length() - 2));
        HttpResponse<String> s = server.get("/reconcile/suggest/entity?prefix=Bai&callback=app.receive", null);
        assertTrue(s.body().startsWith("app.receive("), s.body());
        HttpResponse<String> refused = server.get("/reconcile?callback=" + enc("alert(1)//"), null);
        assertEquals(400, refused.statusCode());
        assertFalse(refused.body().contains("alert(1)"), "not echoed");
    }
}
