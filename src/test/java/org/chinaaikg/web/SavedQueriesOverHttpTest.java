package org.chinaaikg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.resultset.ResultsReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The saved queries of a folder, listed and run over HTTP, with their parameters checked and bound. */
class SavedQueriesOverHttpTest {
    static final String BAIDU = "https://w3id.org/china-ai-kg/id/org/baidu";

    @RegisterExtension
    static final ServerExtension server = ServerExtension.onFixtures();

    static List<String> csvLines(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return r.body().lines().toList();
    }

    @Test
    void everySavedQueryReturnsRowsAndItsKeyAnswer() throws Exception {
        List<String> perCompany = csvLines(server.get("/queries/models-per-company.csv", null));
        assertEquals("company,company_label,models", perCompany.get(0));
        assertEquals(BAIDU + ",Baidu,2", perCompany.get(1));
        assertEquals(4, perCompany.size());

        List<String> ofBaidu = csvLines(server.get("/queries/models-of-company.csv?company=" + BAIDU, null));
        assertEquals(3, ofBaidu.size());
        assertTrue(ofBaidu.get(1).contains("ERNIE") && ofBaidu.get(2).contains("ERNIE Bot"), ofBaidu.toString());
    }

    @Test
    void csvAndJsonResultsMatch() throws Exception {
        List<String> csv = csvLines(server.get("/queries/models-per-company.csv", null));
        HttpResponse<String> json = server.get("/queries/models-per-company.json", null);
        assertEquals("application/sparql-results+json", json.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        RowSet rows = ResultsReader.create().lang(ResultSetLang.RS_JSON).build()
                .readRowSet(new ByteArrayInputStream(json.body().getBytes(StandardCharsets.UTF_8)));
        List<String> fromJson = new ArrayList<>();
        fromJson.add(String.join(",", rows.getResultVars().stream().map(v -> v.getVarName()).toList()));
        rows.forEachRemaining(b -> fromJson.add(b.get("company").getURI() + "," + b.get("company_label").getLiteralLexicalForm()
                + "," + b.get("models").getLiteralLexicalForm()));
        assertEquals(csv, fromJson);
    }

    @Test
    void acceptHeaderChoosesTheFormat() throws Exception {
        assertEquals("text/csv", contentType(server.get("/queries/models-per-company", "text/csv")));
        assertEquals("text/tab-separated-values", contentType(server.get("/queries/models-per-company", "text/tab-separated-values")));
        assertEquals("application/sparql-results+xml", contentType(server.get("/queries/models-per-company", "application/sparql-results+xml")));
        assertEquals("application/sparql-results+json", contentType(server.get("/queries/models-per-company", null)));
        assertEquals("text/tab-separated-values", contentType(server.get("/queries/models-per-company.tsv", "application/json")));
    }

    static String contentType(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return r.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
    }

    @Test
    void queryListNamesEveryQueryWithItsDecoratorsParametersAndLinks() throws Exception {
        HttpResponse<String> r = server.get("/queries", null);
        assertEquals(200, r.statusCode());
        JsonArray list = JSON.parseAny(r.body()).getAsArray();
        Map<String, JsonObject> byName = list.stream().map(JsonValue::getAsObject)
                .collect(Collectors.toMap(o -> o.getString("name"), o -> o));
        assertEquals(List.of("models-of-company", "models-per-company"), byName.keySet().stream().sorted().toList());
        JsonObject perCompany = byName.get("models-per-company");
        assertEquals("How many AI models each company develops", perCompany.getString("summary"));
        assertTrue(perCompany.getString("description").startsWith("One row per company"));
        assertEquals(List.of("companies", "models"), perCompany.get("tags").getAsArray().stream().map(v -> v.getAsString().value()).toList());
        assertEquals("/queries/models-per-company.csv", perCompany.getObj("links").getString("csv"));

        JsonArray params = byName.get("models-of-company").get("parameters").getAsArray();
        assertEquals(2, params.size());
        assertEquals("company", params.get(0).getAsObject().getString("name"));
        assertEquals("iri", params.get(0).getAsObject().getString("type"));
        assertTrue(params.get(0).getAsObject().get("required").getAsBoolean().value());
        assertEquals("since", params.get(1).getAsObject().getString("name"));
        assertTrue(!params.get(1).getAsObject().get("required").getAsBoolean().value());
    }

    @Test
    void optionalParameterNarrowsTheAnswerWhenGiven() throws Exception {
        List<String> since2020 = csvLines(server.get("/queries/models-of-company.csv?company=" + BAIDU + "&since=2020", null));
        assertEquals(2, since2020.size());
        assertTrue(since2020.get(1).contains("ERNIE Bot"));
    }

    @Test
    void anIriParameterWithQuerySyntaxInItIsRefused() throws Exception {
        // Not an IRI, so refused before any query runs (ParameterBindingTest shows that values are bound, not pasted).
        String injection = "x> } UNION { ?model ?p ?o } #";
        HttpResponse<String> r = server.get("/queries/models-of-company.csv?company="
                + java.net.URLEncoder.encode("https://example.org/" + injection, StandardCharsets.UTF_8), null);
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("company"));
    }

    @Test
    void badParameterGives400NamingIt() throws Exception {
        Map<String, String> cases = Map.of(
                "/queries/models-of-company.csv?company=baidu", "company",
                "/queries/models-of-company.csv?company=ftp://example.org/x", "company",
                "/queries/models-of-company.csv", "company",
                "/queries/models-of-company.csv?company=" + BAIDU + "&since=last-year", "since",
                "/queries/models-of-company.csv?company=" + BAIDU + "&colour=red", "colour",
                "/queries/models-per-company.csv?company=" + BAIDU, "company");
        for (var c : cases.entrySet()) {
            HttpResponse<String> r = server.get(c.getKey(), null);
            assertEquals(400, r.statusCode(), c.getKey());
            assertTrue(r.body().contains("'" + c.getValue() + "'"), c.getKey() + " -> " + r.body());
        }
    }

    @Test
    void homePageListsTheSavedQueries() throws Exception {
        HttpResponse<String> r = server.get("/", "text/html");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("/queries/models-per-company"), "the home page links each saved query");
    }

    @Test
    void unknownQueryGives404() throws Exception {
        assertEquals(404, server.get("/queries/no-such-query", null).statusCode());
        assertEquals(404, server.get("/queries/no-such-query.csv", null).statusCode());
    }

    @Test
    void browsersGetAPageWithTheResultsTheSparqlAndPython() throws Exception {
        HttpResponse<String> r = server.get("/queries/models-of-company?company=" + BAIDU, "text/html,*/*;q=0.8");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String html = r.body();
        assertTrue(html.contains("<h1>The models one company develops</h1>"), html);
        assertTrue(html.contains("ERNIE Bot"), "results table");
        assertTrue(html.contains("pd.read_csv(") && html.contains("/queries/models-of-company.csv?company="), "pandas snippet");
        assertTrue(html.contains("SPARQLWrapper"), "SPARQLWrapper snippet");
        // A first visit without its required parameter shows the form, not an error.
        HttpResponse<String> form = server.get("/queries/models-of-company", "text/html");
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("name=\"company\""), form.body());
        assertEquals(400, server.get("/queries/models-of-company?company=baidu", "text/html").statusCode());
    }
}
