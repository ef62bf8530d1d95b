package org.chinaaikg.web.html;

import org.chinaaikg.vocab.Iris;

import static org.chinaaikg.web.html.Html.esc;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * The page of one saved query for a browser: what it answers, a form for its parameters, its results
 * as a table (links to entity pages), its SPARQL, and Python that runs it.
 */
public final class QueryPage {
    /** Rows shown on the page; the CSV and JSON links give all of them. */
    static final int MAX_ROWS = 500;

    private QueryPage() {}

    /**
     * @param vars   the result variables, or null when the query was not run (a required parameter is missing)
     * @param rows   the result rows
     * @param notice a message to show above the results (e.g. what is missing), or null
     */
    public static String render(String origin, SavedQueryCard q, Map<String, String> given,
                                List<Var> vars, List<Binding> rows, String notice) {
        StringBuilder b = new StringBuilder(Html.start(q.summary(), null));
        b.append("<h1>").append(esc(q.summary())).append("</h1><div class=\"iri\">/queries/").append(esc(q.name())).append("</div>");
        b.append("<p>").append(esc(q.description())).append("</p>");
        String query = queryString(given);
        b.append("<p class=\"formats\"><b>Results as data:</b> ");
        for (String suffix : List.of("csv", "tsv", "json", "xml")) {
            b.append("<a href=\"/queries/").append(esc(q.name())).append('.').append(suffix).append(esc(query)).append("\">")
                    .append(suffix.toUpperCase()).append("</a>");
        }
        b.append("</p>");
        if (!q.parameters().isEmpty()) {
            b.append("<form method=\"get\" action=\"/queries/").append(esc(q.name())).append("\"><table>");
            for (String p : q.parameters()) {
                b.append("<tr><th><label for=\"p-").append(esc(p)).append("\">").append(esc(p)).append("</label></th><td><input id=\"p-")
                        .append(esc(p)).append("\" name=\"").append(esc(p)).append("\" size=\"60\" value=\"")
                        .append(esc(given.getOrDefault(p, ""))).append("\"></td></tr>");
            }
            b.append("</table><button type=\"submit\">Run</button></form>");
        }
        if (notice != null) b.append("<p><b>").append(esc(notice)).append("</b></p>");
        if (vars != null) {
            b.append("<h2>Results (").append(rows.size()).append(rows.size() > MAX_ROWS ? ", first " + MAX_ROWS + " shown" : "")
                    .append(")</h2><table class=\"results\"><tr>");
            vars.forEach(v -> b.append("<th>").append(esc(v.getVarName())).append("</th>"));
            b.append("</tr>");
            rows.stream().limit(MAX_ROWS).forEach(row -> {
                b.append("<tr>");
                vars.forEach(v -> b.append("<td>").append(cell(row.get(v))).append("</td>"));
                b.append("</tr>");
            });
            b.append("</table>");
        }
        b.append("<h2>SPARQL</h2><pre>").append(esc(q.sparql())).append("</pre>");
        b.append("<h2>From Python</h2><pre>").append(esc(PythonSnippets.forSavedQuery(origin, q))).append("</pre><p>or</p><pre>")
                .append(esc(PythonSnippets.forSparql(origin, q.sparql()))).append("</pre>");
        return b.append(Html.end()).toString();
    }

    private static String cell(Node n) {
        if (n == null) return "";
        if (n.isURI()) {
            String iri = n.getURI();
            String text = iri.startsWith(Iris.ID) ? iri.substring(Iris.ID.length()) : iri;
            return "<a href=\"" + esc(Iris.localLink(iri)) + "\">" + esc(text) + "</a>";
        }
        if (n.isLiteral()) return esc(n.getLiteralLexicalForm());
        return esc(n.toString());
    }

    private static String queryString(Map<String, String> given) {
        StringBuilder b = new StringBuilder();
        given.forEach((k, v) -> b.append(b.length() == 0 ? '?' : '&').append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return b.toString();
    }
}
