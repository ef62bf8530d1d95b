package org.chinaaikg.web;

import org.chinaaikg.describe.DatasetMetadata;
import org.chinaaikg.search.EntitySearch.Hit;
import org.chinaaikg.search.LuceneSearch;
import org.chinaaikg.vocab.Iris;
import org.chinaaikg.web.html.SearchPage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;

/**
 * {@code GET /search?q=TEXT[&kind=KIND][&limit=N]}: a page for browsers, JSON for {@code Accept: application/json}
 * ({@code {"query", "results": [{"iri", "kind", "label", "matched", "snippet", "score", "page"}]}}); and
 * {@code GET /search/suggest?q=TEXT[&kind=KIND][&limit=N]}, the typeahead's few names, always JSON
 * ({@code {"query", "results": [{"iri", "kind", "label", "matched", "page"}]}}).
 */
public final class SearchServlet extends HttpServlet {
    static final String HTML = "text/html";
    static final String JSON = "application/json";
    static final List<String> OFFERED = List.of(HTML, JSON);
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    static final int SUGGEST_LIMIT = 8;
    static final int MAX_SUGGEST_LIMIT = 20;

    private final LuceneSearch search;
    private final DatasetMetadata about;
    private final boolean suggest;

    private SearchServlet(LuceneSearch search, DatasetMetadata about, boolean suggest) {
        this.search = search;
        this.about = about;
        this.suggest = suggest;
    }

    public static SearchServlet search(LuceneSearch search, DatasetMetadata about) {
        return new SearchServlet(search, about, false);
    }

    public static SearchServlet suggest(LuceneSearch search) {
        return new SearchServlet(search, null, true);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String q = req.getParameter("q");
        q = q == null ? "" : q.strip();
        String kind = req.getParameter("kind");
        if (kind != null && kind.isBlank()) kind = null;
        if (kind != null && !kind.matches("[a-z][a-z0-9-]{0,40}")) {
            Responses.text(resp, 400, "kind must be a kind of entity as in /id/{kind}/ (org, model, person, claim…)");
            return;
        }
        if (q.length() > LuceneSearch.MAX_QUERY_CHARS) {
            Responses.text(resp, 400, "q is over " + LuceneSearch.MAX_QUERY_CHARS + " characters");
            return;
        }
        int limit = suggest ? SUGGEST_LIMIT : DEFAULT_LIMIT;
        String l = req.getParameter("limit");
        if (l != null && !l.isBlank()) {
            try {
                limit = Integer.parseInt(l.strip());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            int max = suggest ? MAX_SUGGEST_LIMIT : MAX_LIMIT;
            if (limit < 1 || limit > max) {
                Responses.text(resp, 400, "limit must be an integer from 1 to " + max);
                return;
            }
        }
        List<Hit> hits = q.isEmpty() ? List.of() : suggest ? search.suggest(q, kind, limit) : search.search(q, kind, limit);
        resp.setHeader("Vary", "Accept");
        if (suggest) {
            resp.setHeader("Cache-Control", "max-age=60");
            send(resp, JSON, org.apache.jena.atlas.json.JSON.toStringFlat(json(q, hits, false)));
            return;
        }
        String type = Conneg.choose(req.getHeader("Accept"), OFFERED).orElse(HTML);
        if (type.equals(JSON)) {
            send(resp, JSON, json(q, hits, true).toString());
        } else {
            send(resp, HTML, SearchPage.render(about, q, kind, search.kinds(), hits));
        }
    }

    private static void send(HttpServletResponse resp, String type, String body) throws IOException {
        Responses.send(resp, 200, type, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The documented JSON shape (README, "Search"). */
    static JsonObject json(String q, List<Hit> hits, boolean full) {
        JsonObject o = new JsonObject();
        o.put("query", q);
        JsonArray results = new JsonArray();
        for (Hit h : hits) {
            JsonObject r = new JsonObject();
            r.put("iri", h.iri());
            r.put("kind", h.kind());
            r.put("label", h.label());
            r.put("matched", h.matched());
            if (full) {
                r.put("snippet", h.snippet());
                r.put("score", org.apache.jena.atlas.json.JsonNumber.value(h.score()));
            }
            r.put("page", Iris.localLink(h.iri()));
            results.add(r);
        }
        o.put("results", results);
        return o;
    }
}
