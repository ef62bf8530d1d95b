package org.chinaaikg.web;

import org.chinaaikg.query.SavedQueries;
import org.chinaaikg.store.Derived;
import org.chinaaikg.vocab.Iris;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.system.Txn;
import org.chinaaikg.store.Derived;
import org.apache.jena.tdb2.TDB2Factory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML pages from their templates, over real HTTP from a real TDB2 store: text from the data is escaped on
 * every page, "Linked from" reads as English with labels, and the static files are served as what they are.
 */
class PagesTest {
    /** A label that breaks out of any markup it is pasted into unescaped. */
    static final String HOSTILE = "Mallory <script>alert(\"x\")</script> & 'friends'";
    /** As text content: quotes need no escape there (in attribute values they get one). */
    static final String HOSTILE_ESCAPED = "Mallory &lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; 'friends'";

    @TempDir
    static Path dir;
    static FusekiServer server;
    static String base;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Dataset dataset = TDB2Factory.connectDataset(dir.resolve("store").toString());
        Txn.executeWrite(dataset, () -> {
            RDFDataMgr.read(dataset.getNamedModel(Iris.GRAPH + "ontology"), "ontology/china-ai-kg.ttl");
            RDFDataMgr.read(dataset.getNamedModel(Iris.GRAPH + "statements/000-test"), "src/test/resources/linkeddata/statements.ttl");
            RDFDataMgr.read(dataset.getNamedModel(Iris.GRAPH + "entities/test"), "src/test/resources/linkeddata/entities.ttl");
            RDFDataMgr.read(dataset.getNamedModel(Iris.GRAPH + "statements/001-pages"), "src/test/resources/linkeddata/pages.ttl");
            // The dataset's title and licence, as every page states them, come from the data.
            RDFDataMgr.read(dataset.getNamedModel(Iris.GRAPH + "dataset"), "data/dataset.ttl");
        });
        // A saved query whose own text (summary, description, SPARQL comment) and result carry the hostile label.
        Path queries = Files.createDirectories(dir.resolve("queries"));
        Files.writeString(queries.resolve("hostile.rq"), "#+ summary: Who is " + HOSTILE + "\n"
                + "#+ description: The label of " + HOSTILE + "\n"
                + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                + "SELECT ?label WHERE { GRAPH ?g { <https://w3id.org/china-ai-kg/id/person/mallory> rdfs:label ?label } FILTER(!BOUND(?__note) || true) }\n");
        // A saved query that takes an entity and answers with entities: the page names them by their labels.
        Files.writeString(queries.resolve("members.rq"), "#+ summary: Members of an organization\n"
                + "PREFIX org: <http://www.w3.org/ns/org#>\n"
                + "SELECT ?person WHERE { GRAPH ?g { ?m org:organization ?_org_iri ; org:member ?person } }\n");
        SavedQueries saved = SavedQueries.load(queries, problem -> { throw new AssertionError(problem); });
        server = KgServer.build(KgServer.builder(dataset, Txn.calculateRead(dataset, () -> Derived.compute(dataset.asDatasetGraph())), saved, Duration.ofSeconds(10)).port(0)).start();
        base = "http://localhost:" + server.getHttpPort();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
    }

    @Test
    void aSavedQueryPageNamesTheEntityItRanOnAndTheEntitiesItFound() throws Exception {
        String baidu = Iris.ID + "org/baidu";
        String page = html("/queries/members?org=" + URLEncoder.encode(baidu, StandardCharsets.UTF_8));
        // The field keeps the IRI (the form sends it again); beside it, whom it names.
        assertTrue(page.contains("value=\"" + baidu + "\""), page);
        assertTrue(page.contains("id=\"p-org-name\">Baidu</span>"), page);
        // The result cell links to the person's page and reads as the person's label, escaped.
        assertTrue(page.contains("href=\"/id/person/mallory\">" + HOSTILE_ESCAPED + "</a>"), page);
        assertFalse(page.contains(">person/mallory<"), page);
    }

    static HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (accept != null) req.header("Accept", accept);
        return HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String html(String path) throws Exception {
        HttpResponse<String> r = get(path, "text/html");
        assertEquals(200, r.statusCode(), path);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
        return r.body();
    }

    static void assertEscaped(String page, String html) {
        assertTrue(html.contains(HOSTILE_ESCAPED), page + " does not show the label, escaped:\n" + html);
        assertFalse(html.contains("<script>alert"), page + " lets the label's markup through");
    }

    @Test
    void textFromTheDataIsEscapedOnTheEntityPageTheHomePageAndTheQueryPage() throws Exception {
        assertEscaped("/id/person/mallory", html("/id/person/mallory"));
        assertTrue(html("/id/person/mallory").contains("<h1>" + HOSTILE_ESCAPED + "</h1>"));
        assertEscaped("/id/org/baidu", html("/id/org/baidu"));

        String home = html("/");
        assertEscaped("/", home);
        // The saved queries reach the editor as JSON in a script block: it parses to the same text, and no
        // text in it can close the block.
        Matcher json = Pattern.compile("(?s)<script type=\"application/json\" id=\"saved-queries\">(.*?)</script>").matcher(home);
        assertTrue(json.find(), "the saved queries' JSON block");
        assertFalse(json.group(1).contains("<"), json.group(1));
        JsonArray parsed = JSON.parseAny(json.group(1)).getAsArray();
        assertTrue(parsed.get(0).getAsObject().get("sparql").getAsString().value().contains(HOSTILE));

        String query = html("/queries/hostile");
        assertEscaped("/queries/hostile", query);
        assertTrue(query.contains("<h1>Who is " + HOSTILE_ESCAPED + "</h1>"), query);
        assertTrue(query.contains("<td>" + HOSTILE_ESCAPED + "</td>"), "the result cell, escaped: " + query);
        // a parameter value echoed into the form's value attribute is escaped for the attribute
        String echoed = get("/queries/hostile?note=" + URLEncoder.encode("\"><script>alert(1)</script>", StandardCharsets.UTF_8), "text/html").body();
        assertFalse(echoed.contains("<script>alert(1)"), echoed);
        // (in a quoted attribute value, escaping the quote, & and < is enough: > cannot end it)
        assertTrue(echoed.contains("name=\"note\" size=\"60\" value=\"&#34;>&lt;script>alert(1)&lt;/script>\""), echoed);
    }

    @Test
    void linkedFromReadsAsEnglishAndShowsLabelsNotIris() throws Exception {
        String baidu = html("/id/org/baidu");
        String linkedFrom = section(baidu, "Linked from");
        assertTrue(linkedFrom.contains("<th>developed by Baidu</th>"), linkedFrom);
        assertTrue(linkedFrom.contains("<a href=\"/id/model/ernie-bot\">ERNIE-Bot</a>"), linkedFrom);
        assertTrue(linkedFrom.contains("<th>member of Baidu</th>"), linkedFrom);
        assertTrue(linkedFrom.contains("<a href=\"/id/person/mallory\">" + HOSTILE_ESCAPED + "</a>"), linkedFrom);
        // a W3C ORG membership has no label: it is named by who holds it, the role and where
        assertTrue(linkedFrom.contains("<th>membership in Baidu</th>"), linkedFrom);
        assertTrue(linkedFrom.contains("<a href=\"/id/membership/mallory-baidu\">" + HOSTILE_ESCAPED + ", chief engineer, at Baidu</a>"), linkedFrom);
        assertFalse(linkedFrom.contains(" this</th>"), "the old 'developed by this' / 'member this' reading");
        assertFalse(linkedFrom.contains(">" + Iris.ID), "a raw IRI as link text: " + linkedFrom);

        // a property named by a noun (schema:founder, "founder") reads by our phrase
        String robin = section(html("/id/person/robin-li"), "Linked from");
        assertTrue(robin.contains("<th>founded by Robin Li</th>"), robin);
        assertTrue(robin.contains("<a href=\"/id/org/baidu\">Baidu</a>"), robin);
        assertFalse(robin.contains("founder"), robin);
    }

    /** The HTML of a page's section, from its heading to the next. */
    static String section(String html, String heading) {
        int start = html.indexOf("<h2>" + heading + "</h2>");
        assertTrue(start >= 0, "no section " + heading + ":\n" + html);
        int end = html.indexOf("<h2>", start + 4);
        return html.substring(start, end < 0 ? html.length() : end);
    }

    @Test
    void everyPageStatesTheDatasetTitleAndTheDataLicence() throws Exception {
        for (String path : new String[] {"/", "/id/org/baidu", "/ontology", "/queries/hostile"}) {
            String html = html(path);
            String footer = html.substring(html.indexOf("<footer>"));
            assertTrue(footer.contains("China AI Knowledge Graph"), path + ": " + footer);
            assertTrue(footer.contains("<a rel=\"license\" href=\"https://creativecommons.org/licenses/by/4.0/\">CC BY 4.0</a>"), path + ": " + footer);
        }
        assertTrue(html("/").contains("The data are published under <a rel=\"license\""), "the home page states the licence");
    }

    @Test
    void staticFilesAndWebJarsAreServedAsWhatTheyAreAndNothingOutside() throws Exception {
        HttpResponse<String> css = get("/static/site.css", null);
        assertEquals(200, css.statusCode());
        assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"), css.headers().toString());
        assertTrue(css.body().contains("header.site"));
        HttpResponse<String> js = get("/static/home.js", null);
        assertEquals(200, js.statusCode());
        assertTrue(js.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"), js.headers().toString());
        assertTrue(js.body().contains("saved-queries"), "the editor script reads the JSON block");

        HttpResponse<String> webjar = get("/webjars/zazuko__yasgui/4.5.0/build/yasgui.min.css", null);
        assertEquals(200, webjar.statusCode());
        assertTrue(webjar.headers().firstValue("Content-Type").orElse("").startsWith("text/css"), webjar.headers().toString());
        assertEquals("public, max-age=31536000, immutable", webjar.headers().firstValue("Cache-Control").orElse(""));
        assertNotEquals("public, max-age=31536000, immutable", css.headers().firstValue("Cache-Control").orElse(""),
                "/static/ is not versioned: it must not be cached for a year");

        for (String path : new String[] {"/static/../pom.xml", "/webjars/../pom.xml", "/static/nothing.css", "/webjars/zazuko__yasgui/4.5.0/none.js"}) {
            HttpResponse<String> r = get(path, null);
            assertEquals(404, r.statusCode(), path);
            assertFalse(r.body().contains("<artifactId>"), path);
        }
        // Encoded dots, and dots above the root, are refused (400) before any servlet sees them: never a file.
        for (String path : new String[] {"/static/%2e%2e/pom.xml", "/webjars/%2e%2e/%2e%2e/pom.xml", "/static/../../pom.xml",
                "/webjars/zazuko__yasgui/../../../../pom.xml"}) {
            HttpResponse<String> r = get(path, null);
            assertTrue(r.statusCode() == 400 || r.statusCode() == 404, path + " gave " + r.statusCode());
            assertFalse(r.body().contains("<artifactId>"), path);
        }
        assertNotEquals(200, get("/static/", null).statusCode(), "no directory listings");
        assertNotEquals(200, get("/webjars/zazuko__yasgui/4.5.0/", null).statusCode(), "no directory listings");
    }
}
