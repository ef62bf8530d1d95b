package org.chinaaikg.web.html;

import org.chinaaikg.describe.DatasetMetadata;
import org.chinaaikg.vocab.Iris;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * The page of one saved query for a browser: what it answers, a form for its parameters, its results
 * as a table (links to entity pages), its SPARQL, and Python that runs it. This class computes what the page
 * shows ({@link Model}); {@code query.jte} lays it out.
 */
public final class QueryPage {
    /** Rows shown on the page; the CSV and JSON links give all of them. */
    public static final int MAX_ROWS = 500;

    /**
     * A form field: a parameter's name and the value given for it; {@code entity} when it takes an entity's IRI, with
     * the kind of entity its name suggests ({@code company} → {@code org}; empty for any kind).
     */
    public record Field(String name, String value, boolean entity, String kind, String chosen) {}

    /** An entity's label by its IRI; empty for what is not one of our entities. */
    @FunctionalInterface
    public interface Labels {
        Optional<String> of(String iri);
    }

    /** The kind of entity a parameter's name asks for, as in {@code /id/{kind}/}; empty for any. */
    static String kindOf(String parameter) {
        return switch (parameter) {
            case "company", "org", "organization", "developer", "regulator" -> "org";
            case "model" -> "model";
            case "person" -> "person";
            case "source", "document" -> "source";
            case "policy" -> "policy";
            case "claim" -> "claim";
            case "product" -> "product";
            default -> "";
        };
    }

    /** The results: their column names, the rows shown (a cell is a link or text; null when unbound) and how many in all. */
    public record Results(List<String> columns, List<List<Link>> rows, int total) {}

    /** Everything the page of a saved query shows; {@code results} is null when the query was not run. */
    public record Model(DatasetMetadata dataset, SavedQueryCard query, List<Link> formats, List<Field> fields,
                        String notice, Results results, int maxRows, String pandas, String sparqlWrapper) {}

    private QueryPage() {}

    /**
     * @param vars   the result variables, or null when the query was not run (a required parameter is missing)
     * @param rows   the result rows
     * @param notice a message to show above the results (e.g. what is missing), or null
     */
    public static String render(String origin, SavedQueryCard q, DatasetMetadata dataset, Labels labels,
                                Map<String, String> given, List<Var> vars, List<Binding> rows, String notice) {
        return render(origin, q, dataset, labels, given, vars, rows, rows.size(), notice);
    }

    /** As above, for an answer of {@code total} rows of which {@code rows} holds the first (at least those shown). */
    public static String render(String origin, SavedQueryCard q, DatasetMetadata dataset, Labels labels,
                                Map<String, String> given, List<Var> vars, List<Binding> rows, long total, String notice) {
        return Templates.render("query.jte", model(origin, q, dataset, labels, given, vars, rows, total, notice));
    }

    static Model model(String origin, SavedQueryCard q, DatasetMetadata dataset, Labels labels, Map<String, String> given,
                       List<Var> vars, List<Binding> rows, String notice) {
        return model(origin, q, dataset, labels, given, vars, rows, rows.size(), notice);
    }

    static Model model(String origin, SavedQueryCard q, DatasetMetadata dataset, Labels labels, Map<String, String> given,
                       List<Var> vars, List<Binding> rows, long total, String notice) {
        String query = queryString(given);
        List<Link> formats = List.of("csv", "tsv", "json", "xml").stream()
                .map(s -> new Link("/queries/" + q.name() + "." + s + query, s.toUpperCase(Locale.ROOT))).toList();
        List<Field> fields = q.parameters().stream().map(p -> {
            String value = given.getOrDefault(p, "").strip();
            boolean entity = q.entities().contains(p);
            String chosen = entity && !value.isEmpty() ? labels.of(value).orElse("") : "";
            return new Field(p, value, entity, kindOf(p), chosen);
        }).toList();
        Results results = null;
        if (vars != null) {
            List<List<Link>> shown = rows.stream().limit(MAX_ROWS)
                    .map(row -> vars.stream().map(v -> cell(row.get(v), labels)).toList()).toList();
            results = new Results(vars.stream().map(Var::getVarName).toList(), shown, (int) Math.min(Integer.MAX_VALUE, total));
        }
        return new Model(dataset, q, formats, fields, notice, results, MAX_ROWS,
                PythonSnippets.forSavedQuery(origin, q), PythonSnippets.forSparql(origin, q.sparql()));
    }

    /** An IRI shows as its entity's label (as Wikidata's label service does), else as its path under /id/. */
    private static Link cell(Node n, Labels labels) {
        if (n == null) return null;
        if (n.isURI()) {
            String iri = n.getURI();
            String text = labels.of(iri).orElse(iri.startsWith(Iris.ID) ? iri.substring(Iris.ID.length()) : iri);
            return new Link(Iris.localLink(iri), text);
        }
        if (n.isLiteral()) return new Link(null, n.getLiteralLexicalForm());
        return new Link(null, n.toString());
    }

    private static String queryString(Map<String, String> given) {
        StringBuilder b = new StringBuilder();
        given.forEach((k, v) -> b.append(b.length() == 0 ? '?' : '&').append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return b.toString();
    }
}
