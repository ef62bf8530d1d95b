package org.chinaaikg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The requests real SPARQL clients send with their default settings, byte for byte, for every return format and every
 * query form: each gets a 200 with an answer that parses. SPARQLWrapper (1.8.5, Debian's; 2.x builds them the same
 * way) adds {@code format=}, {@code output=} and {@code results=} with its own names, and for TSV, JSON-LD and RDF/XML
 * a second {@code format}/{@code output}/{@code results} value holding the media type; its Accept header depends on
 * the format and the query form (SPARQLWrapper/Wrapper.py, {@code _getRequestEncodedParameters} and
 * {@code _getAcceptHeader}). Fuseki answered 400 to {@code n3}, {@code rdf}, {@code rdf+xml}, and to {@code turtle}
 * for a SELECT or {@code csv} for a CONSTRUCT. rdflib's SPARQLStore, Jena's RDFConnection and Comunica send no format
 * parameter; their Accept headers are tried too.
 */
class ClientDefaultsTest {
    @RegisterExtension
    static final ServerExtension server = ServerExtension.onFixtures();

    static final String BAIDU = "https://w3id.org/china-ai-kg/id/org/baidu";

    /** SPARQLWrapper's query-form keys and a query of each form on the fixture data. */
    static final Map<String, String> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("SELECT", "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\nSELECT ?s ?label WHERE { ?s rdfs:label ?label } LIMIT 3");
        QUERIES.put("ASK", "ASK { ?s ?p ?o }");
        QUERIES.put("CONSTRUCT", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 5");
        QUERIES.put("DESCRIBE", "DESCRIBE <" + BAIDU + ">");
    }

    /** SPARQLWrapper's return formats: the constant's value. */
    static final List<String> FORMATS = List.of("json", "xml", "csv", "tsv", "n3", "turtle", "rdf", "rdf+xml", "json-ld");

    /** SPARQLWrapper's {@code _getAcceptHeader}, for a format and a query form. */
    static String sparqlWrapperAccept(String format, String form) {
        boolean results = form.equals("SELECT") || form.equals("ASK");
        if (results) {
            return switch (format) {
                case "xml" -> "application/sparql-results+xml";
                case "json" -> "application/sparql-results+json,application/json,text/javascript,application/javascript";
                case "csv" -> "text/csv";
                case "tsv" -> "text/tab-separated-values";
                default -> "*/*";
            };
        }
        return switch (format) {
            case "turtle" -> "application/turtle,text/turtle";
            case "n3" -> "application/turtle,text/turtle,text/rdf+n3,application/n-triples,application/n3,text/n3";
            case "xml", "rdf+xml" -> "application/rdf+xml";
            case "json-ld" -> "application/ld+json,application/x-json+ld";
            default -> "*/*";
        };
    }

    /** SPARQLWrapper's {@code _getRequestEncodedParameters}: query first, then format, output, results (quote_plus, safe '/'). */
    static String sparqlWrapperParameters(String query, String format, String form) {
        List<String> pairs = new ArrayList<>();
        if (query != null) pairs.add("query=" + quotePlus(query));
        for (String name : List.of("format", "output", "results")) {
            pairs.add(name + "=" + quotePlus(format));
            if (List.of("tsv", "json-ld", "rdf+xml").contains(format)) {
                String accept = sparqlWrapperAccept(format, form);
                pairs.add(name + "=" + quotePlus(accept.contains("*/*") ? "" : accept));
            }
        }
        return String.join("&", pairs);
    }

    /** Python's urllib.parse.quote_plus(value, safe='/'). */
    static String quotePlus(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%2F", "/").replace("*", "%2A").replace("%7E", "~");
    }

    @Test
    void sparqlWrapperDefaultsForEveryFormatAndForm() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String form : QUERIES.keySet()) {
            for (String format : FORMATS) {
                String accept = sparqlWrapperAccept(format, form);
                String query = QUERIES.get(form);
                // GET, as SPARQLWrapper does by default
                HttpResponse<byte[]> get = send(HttpRequest.newBuilder(URI.create(server.base() + "/kg/sparql?"
                        + sparqlWrapperParameters(query, format, form))).GET(), accept);
                check(failures, "GET " + form + " " + format, form, get);
                // POST, as setMethod(POST) does: the same parameters in a form body
                HttpResponse<byte[]> post = send(HttpRequest.newBuilder(URI.create(server.base() + "/kg/sparql"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(sparqlWrapperParameters(query, format, form))), accept);
                check(failures, "POST " + form + " " + format, form, post);
                // POSTDIRECTLY: the query as the body, the parameters in the URL
                HttpResponse<byte[]> direct = send(HttpRequest.newBuilder(URI.create(server.base() + "/kg/sparql?"
                                + sparqlWrapperParameters(null, format, form)))
                        .header("Content-Type", "application/sparql-query")
                        .POST(HttpRequest.BodyPublishers.ofString(query)), accept);
                check(failures, "POSTDIRECTLY " + form + " " + format, form, direct);
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " requests failed:\n" + String.join("\n", failures));
    }

    /** A named syntax wins over Accept when it fits the form: ?format=json gives JSON whatever the browser accepts. */
    @Test
    void aFormatThatFitsTheFormStillWins() throws Exception {
        String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        HttpResponse<byte[]> select = send(HttpRequest.newBuilder(URI.create(server.base() + "/kg/sparql?query="
                + quotePlus(QUERIES.get("SELECT")) + "&format=json")).GET(), browser);
        assertEquals(200, select.statusCode());
        assertTrue(contentType(select).startsWith("application/sparql-results+json"), contentType(select));
        HttpResponse<byte[]> construct = send(HttpRequest.newBuilder(URI.create(server.base() + "/kg/sparql?query="
                + quotePlus(QUERIES.get("CONSTRUCT")) + "&output=n3")).GET(), browser);
        assertEquals(200, construct.statusCode());
        assertTrue(contentType(construct).startsWith("text/turtle"), contentType(construct));
        HttpResponse<byte[]> rdfxml = send(HttpRequest.newBuilder(URI.create(server.base() + "/kg/sparql?query="
                + quotePlus(QUERIES.get("DESCRIBE")) + "&format=rdf%2Bxml")).GET(), "text/turtle");
        assertEquals(200, rdfxml.statusCode());
        assertTrue(contentType(rdfxml).startsWith("application/rdf+xml"), contentType(rdfxml));
    }

    /** Accept headers of clients that send no format parameter: rdflib's SPARQLStore, Comunica, SPARQLWrapper 2.x's CSV/TSV. */
    @Test
    void otherClientsAcceptHeaders() throws Exception {
        List<String> failures = new ArrayList<>();
        List<String> accepts = List.of(
                // rdflib SPARQLStore / SPARQLConnector, returnFormat xml (its default), json, csv, tsv
                "application/sparql-results+xml, application/rdf+xml", "application/sparql-results+json", "text/csv",
                "text/tab-separated-values",
                // Comunica (fetch-sparql-endpoint): results as JSON, graphs as N-Triples/Turtle
                "application/sparql-results+json", "application/n-triples,text/turtle;q=0.9",
                // Jena's QueryExecHTTP defaults
                "application/sparql-results+json, application/sparql-results+xml;q=0.9, text/tab-separated-values;q=0.7, text/csv;q=0.5, application/json;q=0.2, application/xml;q=0.2, */*;q=0.1",
                "text/turtle, application/n-triples;q=0.9, application/ld+json;q=0.8, application/rdf+xml;q=0.7, */*;q=0.5");
        for (String form : QUERIES.keySet()) {
            for (String accept : accepts) {
                HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create(server.base() + "/kg/sparql?query="
                        + quotePlus(QUERIES.get(form)))).GET(), accept);
                check(failures, form + " Accept " + accept, form, r);
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " requests failed:\n" + String.join("\n", failures));
    }

    /** Jena's own client, as a Java user would call it, for each form. */
    @Test
    void jenaRdfConnectionDefaults() {
        try (RDFConnection conn = RDFConnection.connect(server.base() + "/kg/sparql")) {
            try (QueryExecution qe = conn.query(QUERIES.get("SELECT"))) {
                assertTrue(ResultSetFormatter.consume(qe.execSelect()) > 0);
            }
            try (QueryExecution qe = conn.query(QUERIES.get("ASK"))) {
                assertTrue(qe.execAsk());
            }
            try (QueryExecution qe = conn.query(QUERIES.get("CONSTRUCT"))) {
                assertFalse(qe.execConstruct().isEmpty());
            }
            try (QueryExecution qe = conn.query(QUERIES.get("DESCRIBE"))) {
                assertFalse(qe.execDescribe().isEmpty());
            }
        }
    }

    @Test
    void queryFormIsReadPastThePrologue() {
        assertEquals(FormatParameters.Form.GRAPH, FormatParameters.form(
                "# a comment with SELECT in it\nBASE <http://x/>\nPREFIX ex: <http://x/#>\n  describe ex:a").orElseThrow());
        assertEquals(FormatParameters.Form.RESULTS, FormatParameters.form("PREFIX : <http://x/>\nSelect * {}").orElseThrow());
        assertTrue(FormatParameters.form("INSERT DATA {}").isEmpty());
        assertTrue(FormatParameters.form("SELECTED").isEmpty());
    }

    static HttpResponse<byte[]> send(HttpRequest.Builder req, String accept) throws Exception {
        req.header("Accept", accept).header("User-Agent", "sparqlwrapper 1.8.5 (rdflib.github.io/sparqlwrapper)");
        return TestServer.HTTP.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String contentType(HttpResponse<?> r) {
        return r.headers().firstValue("Content-Type").orElse("");
    }

    /** 200, and a body that parses as what its Content-Type says, of the kind the form answers. */
    static void check(List<String> failures, String what, String form, HttpResponse<byte[]> r) {
        if (r.statusCode() != 200) {
            failures.add(what + ": " + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8).lines().findFirst().orElse(""));
            return;
        }
        String type = contentType(r).split(";")[0].trim();
        try {
            if (form.equals("SELECT") || form.equals("ASK")) {
                Lang lang = RDFLanguages.contentTypeToLang(type);
                if (lang == null) lang = type.equals("text/plain") ? ResultSetLang.RS_Text : null;
                if (lang == null) throw new IllegalStateException("not a results syntax: " + type);
                if (lang == ResultSetLang.RS_Text) return;
                if (form.equals("ASK")) {
                    if (lang == ResultSetLang.RS_CSV || lang == ResultSetLang.RS_TSV) {
                        String body = new String(r.body(), StandardCharsets.UTF_8);
                        if (!body.contains("true")) throw new IllegalStateException("no boolean: " + body);
                    } else {
                        ResultSetMgr.readBoolean(new ByteArrayInputStream(r.body()), lang);
                    }
                } else {
                    ResultSetMgr.read(new ByteArrayInputStream(r.body()), lang).rewindable().size();
                }
            } else {
                Lang lang = RDFLanguages.contentTypeToLang(type);
                if (lang == null) throw new IllegalStateException("not an RDF syntax: " + type);
                Model m = ModelFactory.createDefaultModel();
                RDFParser.source(new ByteArrayInputStream(r.body())).lang(lang).base("http://example/").parse(m);
                if (m.isEmpty()) throw new IllegalStateException("no triples");
            }
        } catch (RuntimeException e) {
            failures.add(what + ": " + type + " does not parse: " + e.getMessage());
        }
    }
}
