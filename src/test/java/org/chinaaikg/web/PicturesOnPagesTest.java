package org.chinaaikg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.chinaaikg.Fixtures;
import org.chinaaikg.store.Derived;
import org.chinaaikg.store.Entailments;
import org.chinaaikg.vocab.Dates;
import org.chinaaikg.vocab.Iris;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pictures on the bundled data, over real HTTP, each checked against SPARQL on the same server: the entity
 * pages' networks and timelines, the home page's claims per source and per kind and its timeline of the graph.
 */
@Tag("slow")
class PicturesOnPagesTest {
    static final String DATATYPES = Dates.DATATYPES.stream().map(d -> "<" + d + ">").sorted().collect(Collectors.joining(", "));
    static final String PROPERTIES = Dates.PROPERTIES.stream().map(p -> "<" + p.getURI() + ">").collect(Collectors.joining(" "));

    @TempDir
    static Path dir;
    static TestServer server;
    static Fixtures.Project project;

    @BeforeAll
    static void start() throws Exception {
        project = BundledProject.copyTo(dir);
        server = TestServer.start(project);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    static String page(String path) throws Exception {
        HttpResponse<String> r = server.get(path, "text/html");
        assertEquals(200, r.statusCode(), path);
        return r.body();
    }

    /** The rows of a CSV answer, header left out. */
    static List<List<String>> rows(String query) throws Exception {
        HttpResponse<String> r = server.sparql(query);
        assertEquals(200, r.statusCode(), r.body());
        List<List<String>> out = new ArrayList<>();
        String[] lines = r.body().split("\r?\n");
        for (int i = 1; i < lines.length; i++) if (!lines[i].isEmpty()) out.add(List.of(lines[i].split(",", -1)));
        return out;
    }

    static long count(String query) throws Exception {
        return Long.parseLong(rows(query).get(0).get(0));
    }

    /** The dated statements of these subjects, as the timelines count them: each (thing, property, date) once. */
    static String datedOf(String subjects) {
        return "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { " + subjects
                + " VALUES ?p { " + PROPERTIES + " } GRAPH ?g { ?s ?p ?o } FILTER(?g != <" + Entailments.GRAPH + ">)"
                + " FILTER(isIRI(?s) && STRSTARTS(STR(?s), \"" + Iris.ID + "\") && !CONTAINS(STR(?s), \"#\"))"
                + " FILTER(datatype(?o) IN (" + DATATYPES + ")) } }";
    }

    /** The attribute values of an element's attribute, in page order, within one picture. */
    static List<String> attributes(String html, String pictureId, String element, String attribute) {
        int from = html.indexOf("id=\"" + pictureId + "\"");
        assertTrue(from >= 0, "the page has picture " + pictureId);
        String figure = html.substring(from, html.indexOf("</figure>", from));
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<" + element + "\\b[^>]*\\b" + attribute + "=\"([^\"]*)\"").matcher(figure);
        while (m.find()) out.add(m.group(1).replace("&amp;", "&"));
        return out;
    }

    @Test
    void baidusNetworkLinksToWhatItDevelopsAndOffers() throws Exception {
        String html = page("/id/org/baidu");
        List<String> nodes = attributes(html, "network", "a", "href");
        assertTrue(nodes.contains("/id/model/ernie-bot"), "ERNIE Bot (developed by Baidu): " + nodes);
        assertTrue(nodes.contains("/id/product/qianfan"), "Qianfan (offered by Baidu): " + nodes);
        assertTrue(nodes.contains("/id/org/louis-vuitton"), "Louis Vuitton (partner of Baidu): " + nodes);
        assertFalse(nodes.stream().anyMatch(n -> n.startsWith("/id/claim/") || n.startsWith("/id/source/")), "no claims or sources: " + nodes);
        // every entity linked to Baidu, either way, by a property between entities (memberships by their ends)
        Set<String> expected = new HashSet<>();
        for (List<String> row : rows("PREFIX org: <http://www.w3.org/ns/org#> SELECT DISTINCT ?n WHERE { GRAPH ?g {"
                + " { <" + Iris.ID + "org/baidu> ?p ?n } UNION { ?n ?p <" + Iris.ID + "org/baidu> } }"
                + " FILTER(?g != <" + Entailments.GRAPH + ">) FILTER(isIRI(?n) && STRSTARTS(STR(?n), \"" + Iris.ID + "\"))"
                + " FILTER(!STRSTARTS(STR(?n), \"" + Iris.ID + "claim/\") && !STRSTARTS(STR(?n), \"" + Iris.ID + "source/\"))"
                + " FILTER(?p NOT IN (<http://schema.org/about>, <" + Iris.KG + "mentions>, <" + Iris.KG + "statedIn>))"
                + " FILTER NOT EXISTS { ?n org:member ?m } }")) {
            expected.add(Iris.localLink(row.get(0)));
        }
        for (List<String> row : rows("PREFIX org: <http://www.w3.org/ns/org#> SELECT DISTINCT ?person WHERE {"
                + " ?m org:organization <" + Iris.ID + "org/baidu> ; org:member ?person }")) {
            expected.add(Iris.localLink(row.get(0)));
        }
        assertEquals(expected, new HashSet<>(nodes), "the nodes are Baidu's neighbours");
        assertEquals(nodes.size(), new HashSet<>(nodes).size(), "each once");
    }

    @Test
    void aTimelineHasAPointForEachDatedStatementAboutTheEntity() throws Exception {
        for (String id : List.of("org/baidu", "event/wic-wuzhen-summit-2024", "place/wuzhen", "policy/made-in-china-2025",
                "source/global-times-wuzhen-2024")) {
            String html = page("/id/" + id);
            List<String> neighbours = attributes(html, "network", "a", "href");
            String iri = "<" + Iris.ID + id + ">";
            StringBuilder values = new StringBuilder(iri);
            neighbours.forEach(n -> values.append(" <").append(Iris.ID).append(n.substring("/id/".length())).append(">"));
            long expected = count(datedOf("{ VALUES ?s { " + values + " } } UNION { ?s <http://schema.org/about> " + iri
                    + " } UNION { ?s <" + Iris.KG + "statedIn> " + iri + " }"));
            assertTrue(expected > 0, id + " has dates in the data");
            List<String> dates = attributes(html, "entity-timeline", "g", "data-date");
            assertEquals(expected, dates.size(), id + ": one point per dated statement " + dates);
            List<String> sorted = new ArrayList<>(dates);
            sorted.sort(null);
            assertEquals(sorted, dates, id + ": in date order");
        }
        String event = page("/id/event/wic-wuzhen-summit-2024");
        List<String> dates = attributes(event, "entity-timeline", "g", "data-date");
        assertTrue(dates.containsAll(List.of("2024-11-19", "2024-11-22")), "the summit's start and end: " + dates);
        assertTrue(attributes(event, "entity-timeline", "g", "data-source").contains("source 001"), "each point names its source");
    }

    @Test
    void withoutDatesOrNeighboursThereIsNoPicture() throws Exception {
        // a role: linked only through memberships, dated by nothing
        String html = page("/id/role/senior-product-manager");
        assertFalse(html.contains("id=\"entity-timeline\""), "no empty timeline");
        long dated = count(datedOf("{ VALUES ?s { <" + Iris.ID + "role/senior-product-manager> } }"));
        assertEquals(0, dated);
        // DeepHi: named in claims, linked to no other entity, dated by nothing
        String deephi = "<" + Iris.ID + "org/deephi>";
        assertEquals(0, count(datedOf("{ VALUES ?s { " + deephi + " } } UNION { ?s <http://schema.org/about> " + deephi + " }")));
        String page = page("/id/org/deephi");
        assertFalse(page.contains("id=\"network\""), "no empty network");
        assertFalse(page.contains("id=\"entity-timeline\""), "no empty timeline");
        assertFalse(page.contains("<svg"), "no picture at all");
    }

    @Test
    void theHomePageChartsClaimsPerSourceAndKindAsSparqlCountsThem() throws Exception {
        String html = page("/");
        Map<String, Long> bySource = new TreeMap<>();
        for (List<String> row : rows("PREFIX kg: <" + Iris.KG + "> SELECT ?doc (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a kg:Claim ; kg:statedIn ?doc } GROUP BY ?doc")) {
            bySource.put(Iris.localLink(row.get(0)), Long.parseLong(row.get(1)));
        }
        Map<String, Long> bars = new TreeMap<>();
        List<String> hrefs = attributes(html, "chart-sources", "g", "data-href");
        List<String> values = attributes(html, "chart-sources", "g", "data-value");
        for (int i = 0; i < hrefs.size(); i++) bars.put(hrefs.get(i), Long.parseLong(values.get(i)));
        assertEquals(bySource, bars, "one bar per source, as long as its claims");

        Map<String, Long> byKind = new HashMap<>();
        for (List<String> row : rows("PREFIX kg: <" + Iris.KG + "> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>"
                + " SELECT ?label (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a kg:Claim ; kg:statedIn ?doc . ?doc kg:sourceKind ?kind ."
                + " ?kind rdfs:label ?label FILTER(lang(?label) = \"en\") } GROUP BY ?label")) {
            byKind.put(row.get(0), Long.parseLong(row.get(1)));
        }
        Map<String, Long> kindBars = new HashMap<>();
        List<String> labels = attributes(html, "chart-kinds", "g", "data-label");
        List<String> kindValues = attributes(html, "chart-kinds", "g", "data-value");
        for (int i = 0; i < labels.size(); i++) kindBars.put(labels.get(i), Long.parseLong(kindValues.get(i)));
        assertEquals(byKind, kindBars, "one bar per kind of source");
    }

    @Test
    void theHomeTimelineCountsEveryDatedStatementByYear() throws Exception {
        String html = page("/");
        Map<String, Long> expected = new TreeMap<>();
        for (List<String> row : rows("SELECT ?year (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o ?year WHERE {"
                + " VALUES ?p { " + PROPERTIES + " } GRAPH ?g { ?s ?p ?o } FILTER(?g != <" + Entailments.GRAPH + ">)"
                + " FILTER(isIRI(?s) && STRSTARTS(STR(?s), \"" + Iris.ID + "\") && !CONTAINS(STR(?s), \"#\"))"
                + " FILTER(datatype(?o) IN (" + DATATYPES + ")) BIND(SUBSTR(STR(?o), 1, 4) AS ?year) } } GROUP BY ?year")) {
            expected.put(row.get(0), Long.parseLong(row.get(1)));
        }
        Map<String, Long> columns = new TreeMap<>();
        List<String> years = attributes(html, "chart-years", "g", "data-year");
        List<String> counts = attributes(html, "chart-years", "g", "data-count");
        for (int i = 0; i < years.size(); i++) columns.put(years.get(i), Long.parseLong(counts.get(i)));
        assertEquals(expected, columns, "a column per year, as high as its dated statements");
        Map<String, Long> derived = new TreeMap<>();
        Derived.read(project.store()).orElseThrow().datedByYear().forEach((y, n) -> derived.put(String.valueOf(y), n));
        assertEquals(expected, derived, "load keeps them in derived.json");
    }

    @Test
    void everyDateInTheDataIsOnADatePropertyTheTimelinesKnow() throws Exception {
        Set<String> known = Dates.PROPERTIES.stream().map(p -> p.getURI()).collect(Collectors.toSet());
        for (List<String> row : rows("SELECT DISTINCT ?p WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g != <" + Entailments.GRAPH + ">)"
                + " FILTER(isIRI(?s) && STRSTARTS(STR(?s), \"" + Iris.ID + "\")) FILTER(datatype(?o) IN (" + DATATYPES + ")) }")) {
            assertTrue(known.contains(row.get(0)), row.get(0) + " dates things but no timeline shows it: add it to vocab/Dates");
        }
    }
}
