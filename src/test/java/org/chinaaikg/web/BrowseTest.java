package org.chinaaikg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.chinaaikg.Fixtures;
import org.chinaaikg.vocab.Iris;
import org.chinaaikg.vocab.KG;
import org.chinaaikg.vocab.SCHEMA;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Browsing without SPARQL, on the bundled data: {@code /id/{kind}/} lists every entity of a kind, paged and sorted by
 * label, with counts; the home page's counts link to those lists, with the same figures; entity pages link to their
 * kind's list; a source's page lists its claims in the order of its text. Every expectation is read from the data
 * files with plain Jena, apart from the server.
 */
class BrowseTest {
    @RegisterExtension
    static final ServerExtension server = ServerExtension.onBundledData();
    /** Every file's triples together (no entailments). */
    static Model files;

    @BeforeAll
    static void start() throws Exception {
        Fixtures.Project p = server.project();
        files = ModelFactory.createDefaultModel();
        BundledProject.graphs(p).values().forEach(files::add);
    }


    static JsonObject json(String path) throws Exception {
        HttpResponse<String> r = server.get(path, "application/json");
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), path);
        return JSON.parse(r.body());
    }

    /** Our typed instances of a kind, as the files state them. */
    static Set<String> ofKind(String kind) {
        Set<String> out = new HashSet<>();
        files.listSubjectsWithProperty(RDF.type).forEach(s -> {
            if (s.isURIResource() && s.getURI().startsWith(Iris.ID + kind + "/") && !s.getURI().contains("#")) out.add(s.getURI());
        });
        return out;
    }

    static List<String> iris(JsonObject page) {
        List<String> out = new ArrayList<>();
        page.get("items").getAsArray().forEach(v -> out.add(v.getAsObject().getString("iri")));
        return out;
    }

    @Test
    void aKindListHasEveryEntityOfTheKindSortedByLabel() throws Exception {
        JsonObject page = json("/id/org/");
        Set<String> expected = ofKind("org");
        assertEquals(expected.size(), page.getNumber("total").longValue(), "total");
        assertEquals(1, page.getNumber("pages").intValue());
        assertEquals(expected, new HashSet<>(iris(page)), "exactly the orgs of the files");
        List<String> labels = new ArrayList<>();
        page.get("items").getAsArray().forEach(v -> labels.add(v.getAsObject().getString("label")));
        List<String> sorted = new ArrayList<>(labels);
        sorted.sort(String.CASE_INSENSITIVE_ORDER);
        assertEquals(sorted, labels, "sorted by label, ignoring case");
        assertEquals("Baidu", item(page, Iris.ID + "org/baidu").getString("label"));
    }

    @Test
    void countsPerEntityAreItsClaimsAndFacts() throws Exception {
        JsonObject baidu = item(json("/id/org/"), Iris.ID + "org/baidu");
        Resource b = files.getResource(Iris.ID + "org/baidu");
        Set<Resource> claims = new HashSet<>(files.listSubjectsWithProperty(SCHEMA.about, b).toList());
        claims.addAll(files.listSubjectsWithProperty(KG.statedIn, b).toList());
        assertTrue(claims.size() > 5, "Baidu has claims about it");
        assertEquals(claims.size(), baidu.getNumber("claims").longValue(), "claims about Baidu");
        // Facts: at least the things it develops and offers (kg:developedBy / kg:offeredBy pointing at it).
        long developedOrOffered = files.listStatements(null, KG.developedBy, b).toList().size()
                + files.listStatements(null, KG.offeredBy, b).toList().size();
        assertTrue(baidu.getNumber("facts").longValue() >= developedOrOffered && developedOrOffered > 0, baidu.toString());
        JsonObject source = item(json("/id/source/"), Iris.ID + "source/global-times-wuzhen-2024");
        long stated = files.listSubjectsWithProperty(KG.statedIn, files.getResource(Iris.ID + "source/global-times-wuzhen-2024"))
                .filterKeep(s -> s.hasProperty(RDF.type, KG.Claim)).toList().size();
        assertEquals(stated, source.getNumber("claims").longValue(), "a source counts the claims stated in it");
    }

    @Test
    void longListsComeAHundredAPageWithLinksBetweenPages() throws Exception {
        Set<String> expected = ofKind("claim");
        assertTrue(expected.size() > 200, "the bundled data has over two pages of claims");
        int pages = (expected.size() + 99) / 100;
        List<String> seen = new ArrayList<>();
        String previousLast = null;
        for (int n = 1; n <= pages; n++) {
            JsonObject page = json("/id/claim/" + (n == 1 ? "" : "?page=" + n));
            assertEquals(n, page.getNumber("page").intValue());
            assertEquals(pages, page.getNumber("pages").intValue());
            assertEquals(expected.size(), page.getNumber("total").longValue());
            List<String> iris = iris(page);
            assertEquals(n < pages ? 100 : expected.size() - 100 * (pages - 1), iris.size(), "page " + n);
            assertEquals(n < pages, page.hasKey("next"), "next on page " + n);
            assertEquals(n > 1, page.hasKey("previous"), "previous on page " + n);
            if (n < pages) assertEquals("/id/claim/?page=" + (n + 1), page.getString("next"));
            String first = page.get("items").getAsArray().get(0).getAsObject().getString("label");
            if (previousLast != null) assertTrue(String.CASE_INSENSITIVE_ORDER.compare(previousLast, first) <= 0, "sorted across pages");
            var items = page.get("items").getAsArray();
            previousLast = items.get(items.size() - 1).getAsObject().getString("label");
            seen.addAll(iris);
        }
        assertEquals(expected.size(), seen.size(), "no claim on two pages");
        assertEquals(expected, new HashSet<>(seen), "every claim on some page");
        assertEquals(404, server.get("/id/claim/?page=" + (pages + 1), "application/json").statusCode(), "past the last page");
        assertEquals(400, server.get("/id/claim/?page=0", "application/json").statusCode());
        assertEquals(400, server.get("/id/claim/?page=two", "application/json").statusCode());
        assertEquals(404, server.get("/id/no-such-kind/", "application/json").statusCode());

        String html = server.get("/id/claim/?page=2", "text/html").body();
        assertTrue(html.contains("rel=\"prev\" href=\"/id/claim/\"") && html.contains("rel=\"next\" href=\"/id/claim/?page=3\""), html);
        assertTrue(html.contains("<td class=\"meta\">101</td>"), "rows numbered across pages");
    }

    @Test
    void listsComeAsHtmlJsonOrTurtleByAccept() throws Exception {
        HttpResponse<String> html = server.get("/id/org/", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(html.body().contains("<a href=\"/id/org/baidu\">Baidu</a> <span lang=\"zh\">百度</span>"), html.body());
        assertTrue(html.body().contains("<a href=\"/id/\">All kinds</a>"));
        HttpResponse<String> ttl = server.get("/id/model/", "text/turtle");
        assertTrue(ttl.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(ttl.body()).lang(Lang.TURTLE).parse(m);
        Set<String> members = new HashSet<>();
        m.listObjectsOfProperty(m.getResource(Iris.ID + "model/"), RDFS.member).forEach(o -> members.add(o.asResource().getURI()));
        assertEquals(ofKind("model"), members);
        assertEquals("application/json", server.get("/id/model/", null).headers().firstValue("Content-Type").orElse("").split(";")[0],
                "JSON without an Accept header");
        // Paths below a kind are still the resources themselves.
        assertEquals(200, server.get("/id/org/baidu", "text/turtle").statusCode());
        JsonObject index = json("/id/");
        long sum = 0;
        for (JsonValue k : index.get("kinds").getAsArray()) sum += k.getAsObject().getNumber("entities").longValue();
        assertEquals(index.getNumber("entities").longValue(), sum);
    }

    @Test
    void theHomePageCountsLinkToListsWithTheSameCounts() throws Exception {
        String home = server.get("/", "text/html").body();
        Matcher table = Pattern.compile("(?s)<table id=\"counts\">(.*?)</table>").matcher(home);
        assertTrue(table.find(), home);
        Matcher row = Pattern.compile("<th>([^<]+)</th><td>(\\d+)</td><td class=\"list\"><a href=\"([^\"]+)\">list</a></td>").matcher(table.group(1));
        Map<String, String> linked = new TreeMap<>();
        while (row.find()) {
            String href = row.group(3).replace("&amp;", "&");
            long n = Long.parseLong(row.group(2));
            JsonObject list = json(href);
            long total = list.hasKey("total") ? list.getNumber("total").longValue() : list.getNumber("entities").longValue();
            assertEquals(n, total, row.group(1) + " → " + href);
            linked.put(row.group(1), href);
        }
        assertTrue(linked.containsKey("Companies") && linked.containsKey("Claims") && linked.containsKey("People")
                && linked.containsKey("Described entities"), "the counts link: " + linked);
        assertEquals("/id/org/?type=" + URLEncoder.encode(KG.Company.getURI(), StandardCharsets.UTF_8), linked.get("Companies"));
        assertTrue(Pattern.compile("<th>Triples</th><td>\\d+</td><td class=\"list\"></td>").matcher(table.group(1)).find(), "triples are counted, not linked");
    }

    @Test
    void everyEntityPageLinksToItsKindsList() throws Exception {
        for (String path : List.of("/id/org/baidu", "/id/model/ernie-bot", "/id/claim/001-companies-going-global", "/id/source/global-times-wuzhen-2024")) {
            String kind = path.split("/")[2];
            String html = server.get(path, "text/html").body();
            assertTrue(html.contains("<a class=\"kind-list\" href=\"/id/" + kind + "/\">"), path);
        }
    }

    @Test
    void aSourcePageListsItsClaimsInTheOrderOfTheText() throws Exception {
        List<Resource> sources = files.listSubjectsWithProperty(RDF.type, KG.SourceDocument).toList();
        boolean textOrderIsNotIriOrder = false;
        assertTrue(sources.size() >= 5);
        for (Resource source : sources) {
            record Placed(long start, String iri, List<String> quotes) {}
            List<Placed> expected = new ArrayList<>();
            for (Resource claim : files.listSubjectsWithProperty(KG.statedIn, source).filterKeep(c -> c.hasProperty(RDF.type, KG.Claim)).toList()) {
                long start = Long.MAX_VALUE;
                List<String> quotes = new ArrayList<>();
                for (RDFNode ev : files.listObjectsOfProperty(claim, KG.hasEvidence).toList()) {
                    for (RDFNode sel : files.listObjectsOfProperty(ev.asResource(), OA.hasSelector).toList()) {
                        Resource s = sel.asResource();
                        if (s.hasProperty(OA.start)) start = Math.min(start, s.getProperty(OA.start).getLong());
                        if (s.hasProperty(OA.exact)) quotes.add(s.getProperty(OA.exact).getString());
                    }
                }
                expected.add(new Placed(start, claim.getURI(), quotes));
            }
            expected.sort(Comparator.comparingLong(Placed::start).thenComparing(Placed::iri));
            assertFalse(expected.isEmpty(), source + " has claims");

            String html = server.get(Iris.localLink(source.getURI()), "text/html").body();
            Matcher section = Pattern.compile("(?s)<ol class=\"stated-claims\">(.*?)</ol>").matcher(html);
            assertTrue(section.find(), source + ": " + html);
            Matcher link = Pattern.compile("<li class=\"claim\"><a href=\"([^\"]+)\">").matcher(section.group(1));
            List<String> shown = new ArrayList<>();
            while (link.find()) shown.add(Iris.ID + link.group(1).substring("/id/".length()));
            assertEquals(expected.stream().map(Placed::iri).toList(), shown, source + ": claims in text order");
            if (!expected.stream().map(Placed::iri).sorted().toList().equals(shown)) textOrderIsNotIriOrder = true;
            for (Placed p : expected) {
                for (String q : p.quotes()) assertTrue(section.group(1).contains("<blockquote>" + escape(q) + "</blockquote>"), p.iri() + ": quote");
            }
            // Their evidence is not listed again as raw "#evidence" links.
            assertFalse(html.contains("#evidence\">"), source + ": no raw #evidence links");
        }
        assertTrue(textOrderIsNotIriOrder, "some source's text order differs from the order of its claims' IRIs (else this proves little)");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static JsonObject item(JsonObject page, String iri) {
        for (JsonValue v : page.get("items").getAsArray()) {
            if (v.getAsObject().getString("iri").equals(iri)) return v.getAsObject();
        }
        throw new AssertionError(iri + " not in " + page);
    }
}
