package org.chinaaikg.web;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFWriterRegistry;

/**
 * The {@code output=}, {@code format=} and {@code results=} parameters that SPARQL clients add of their own, made
 * into what Fuseki understands. SPARQLWrapper (1.8.5, 2.x) sends all three, with its own names ({@code rdf+xml},
 * {@code n3}, {@code rdf}, {@code turtle} for a SELECT, {@code csv} for a CONSTRUCT) and sometimes a second value
 * holding a media type; Fuseki reads the first of them and answers 400 to a name it does not know, even when the
 * request's {@code Accept} header is perfectly clear. Here the values are read in Fuseki's order (all of
 * {@code output}, then {@code format}, then {@code results}); the first one that names a syntax of the query's form
 * (results for SELECT and ASK, RDF for CONSTRUCT and DESCRIBE) is passed on as {@code output=} with its media type;
 * when none does, the three are dropped and the {@code Accept} header decides.
 */
public final class FormatParameters implements Filter {
    /** The parameters Fuseki reads, in the order it reads them. */
    static final List<String> NAMES = List.of("output", "format", "results");

    enum Form { RESULTS, GRAPH }

    private static final Map<String, String> RESULTS = new LinkedHashMap<>();
    private static final Map<String, String> GRAPH = new LinkedHashMap<>();

    static {
        for (String[] e : new String[][] {
                {"json", "application/sparql-results+json"}, {"srj", "application/sparql-results+json"},
                {"application/json", "application/sparql-results+json"},
                {"application/sparql-results+json", "application/sparql-results+json"},
                {"xml", "application/sparql-results+xml"}, {"srx", "application/sparql-results+xml"},
                {"sparql", "application/sparql-results+xml"}, {"application/xml", "application/sparql-results+xml"},
                {"text/xml", "application/sparql-results+xml"},
                {"application/sparql-results+xml", "application/sparql-results+xml"},
                {"csv", "text/csv"}, {"text/csv", "text/csv"},
                {"tsv", "text/tab-separated-values"}, {"text/tab-separated-values", "text/tab-separated-values"},
                {"text", "text/plain"}, {"text/plain", "text/plain"},
                {"thrift", "application/sparql-results+thrift"},
                {"application/sparql-results+thrift", "application/sparql-results+thrift"},
                {"protobuf", "application/sparql-results+protobuf"},
                {"application/sparql-results+protobuf", "application/sparql-results+protobuf"}}) {
            RESULTS.put(e[0], e[1]);
        }
        for (String[] e : new String[][] {
                // "json" is JSON-LD for a graph, as Fuseki's own short names have it (and SPARQLWrapper reads it so).
                {"json", "application/ld+json"}, {"json-ld", "application/ld+json"}, {"jsonld", "application/ld+json"},
                {"json-rdf", "application/rdf+json"},
                {"xml", "application/rdf+xml"}, {"rdf", "application/rdf+xml"}, {"rdf+xml", "application/rdf+xml"},
                {"rdfxml", "application/rdf+xml"}, {"rdf/xml", "application/rdf+xml"},
                {"application/xml", "application/rdf+xml"}, {"text/xml", "application/rdf+xml"},
                {"text", "text/turtle"}, {"ttl", "text/turtle"}, {"turtle", "text/turtle"},
                // Turtle is N3 without N3's extensions: what a client asking for N3 can read.
                {"n3", "text/turtle"}, {"text/n3", "text/turtle"}, {"text/rdf+n3", "text/turtle"}, {"application/n3", "text/turtle"},
                {"nt", "application/n-triples"}, {"ntriples", "application/n-triples"}, {"n-triples", "application/n-triples"},
                {"trig", "application/trig"}, {"nq", "application/n-quads"}, {"nquads", "application/n-quads"},
                {"n-quads", "application/n-quads"}}) {
            GRAPH.put(e[0], e[1]);
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        String query = req.getQueryString();
        String type = req.getContentType();
        boolean form = type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
        boolean inUrl = query != null && NAMES.stream().anyMatch(n -> query.contains(n + "="));
        if (!inUrl && !form) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletRequest in = req;
        String text;
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/sparql-query")) {
            // The query is the body: read it (the body limit came first) and hand Fuseki the same bytes.
            byte[] body = req.getInputStream().readAllBytes();
            String enc = req.getCharacterEncoding();
            text = new String(body, enc == null ? StandardCharsets.UTF_8 : Charset.forName(enc));
            in = new BodyInMemory(req, body);
        } else {
            text = req.getParameter("query");
        }
        if (NAMES.stream().allMatch(n -> req.getParameterValues(n) == null)) {
            chain.doFilter(in, response);
            return;
        }
        Optional<Form> queryForm = form(text);
        if (queryForm.isEmpty()) {
            chain.doFilter(in, response);
            return;
        }
        Optional<String> chosen = chosen(in, queryForm.get());
        if (chosen.isEmpty() && namesAMediaType(in)) {
            // A media type the query form cannot give (SPARQL results for a CONSTRUCT) was asked by name, not guessed
            // from a client's short name: the client gets 406 saying so (GraphOutput), not some other format.
            chain.doFilter(in, response);
            return;
        }
        chain.doFilter(new Translated(in, chosen.orElse(null)), response);
    }

    /** Whether a format parameter holds a full media type (type/subtype) rather than a short name. */
    private static boolean namesAMediaType(HttpServletRequest req) {
        return NAMES.stream().map(req::getParameterValues).filter(java.util.Objects::nonNull)
                .flatMap(java.util.Arrays::stream).anyMatch(v -> v != null && v.contains("/"));
    }

    /** The media type for the first value of the three parameters that names a syntax of the form, if any. */
    static Optional<String> chosen(HttpServletRequest req, Form form) {
        for (String name : NAMES) {
            String[] values = req.getParameterValues(name);
            if (values == null) continue;
            for (String v : values) {
                Optional<String> type = mediaType(v, form);
                if (type.isPresent()) return type;
            }
        }
        return Optional.empty();
    }

    /** A client's value (short name or media type, any case, parameters after ';' ignored) as a media type Fuseki writes. */
    static Optional<String> mediaType(String value, Form form) {
        if (value == null) return Optional.empty();
        String key = value.trim().toLowerCase(Locale.ROOT);
        int semicolon = key.indexOf(';');
        if (semicolon >= 0) key = key.substring(0, semicolon).trim();
        if (key.isEmpty()) return Optional.empty();
        Map<String, String> names = form == Form.RESULTS ? RESULTS : GRAPH;
        String known = names.get(key);
        if (known != null) return Optional.of(known);
        if (form == Form.GRAPH && key.contains("/")) {
            Lang lang = RDFLanguages.contentTypeToLang(key);
            if (lang != null && RDFWriterRegistry.contains(lang)) {
                return Optional.of(lang.getHeaderString());
            }
        }
        return Optional.empty();
    }

    /**
     * The form of a query from its first keyword after the prologue (comments, BASE, PREFIX), without parsing it;
     * empty for anything else (an update, a syntax error), which is passed on untouched for Fuseki to judge.
     */
    static Optional<Form> form(String query) {
        if (query == null) return Optional.empty();
        int i = 0;
        int n = query.length();
        while (i < n) {
            char c = query.charAt(i);
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                i++;
            } else if (c == '#') {
                while (i < n && query.charAt(i) != '\n' && query.charAt(i) != '\r') i++;
            } else if (startsWord(query, i, "BASE") || startsWord(query, i, "PREFIX")) {
                int iri = query.indexOf('<', i);
                int end = iri < 0 ? -1 : query.indexOf('>', iri);
                if (end < 0) return Optional.empty();
                i = end + 1;
            } else {
                break;
            }
        }
        if (startsWord(query, i, "SELECT") || startsWord(query, i, "ASK")) return Optional.of(Form.RESULTS);
        if (startsWord(query, i, "CONSTRUCT") || startsWord(query, i, "DESCRIBE")) return Optional.of(Form.GRAPH);
        return Optional.empty();
    }

    private static boolean startsWord(String s, int at, String word) {
        if (!s.regionMatches(true, at, word, 0, word.length())) return false;
        int after = at + word.length();
        return after >= s.length() || !Character.isLetterOrDigit(s.charAt(after)) && s.charAt(after) != '_';
    }

    /** The request as Fuseki sees it: {@code output=} the chosen media type, or none; no {@code format}/{@code results}. */
    private static final class Translated extends HttpServletRequestWrapper {
        private final String output;

        Translated(HttpServletRequest req, String output) {
            super(req);
            this.output = output;
        }

        @Override
        public String getParameter(String name) {
            if (NAMES.contains(name)) return name.equals("output") ? output : null;
            return super.getParameter(name);
        }

        @Override
        public String[] getParameterValues(String name) {
            if (NAMES.contains(name)) return name.equals("output") && output != null ? new String[] {output} : null;
            return super.getParameterValues(name);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> map = new LinkedHashMap<>(super.getParameterMap());
            NAMES.forEach(map::remove);
            if (output != null) map.put("output", new String[] {output});
            return Collections.unmodifiableMap(map);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }
    }

}
