package org.chinaaikg.query;

import java.util.Locale;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.resultset.ResultSetLang;

/** The formats results are written in: SPARQL results for SELECT and ASK, an RDF syntax for CONSTRUCT and DESCRIBE. */
public enum ResultFormat {
    TABLE("text/plain", null, Lang.TURTLE),
    CSV("text/csv", ResultSetLang.RS_CSV, Lang.TURTLE),
    TSV("text/tab-separated-values", ResultSetLang.RS_TSV, Lang.TURTLE),
    JSON("application/sparql-results+json", ResultSetLang.RS_JSON, Lang.JSONLD),
    XML("application/sparql-results+xml", ResultSetLang.RS_XML, Lang.RDFXML);

    public final String contentType;
    public final Lang resultsLang;
    public final Lang graphLang;

    ResultFormat(String contentType, Lang resultsLang, Lang graphLang) {
        this.contentType = contentType;
        this.resultsLang = resultsLang;
        this.graphLang = graphLang;
    }

    /** The format a file suffix asks for ({@code csv}, {@code tsv}, {@code json}, {@code xml}), or null. */
    public static ResultFormat ofSuffix(String suffix) {
        return switch (suffix.toLowerCase(Locale.ROOT)) {
            case "csv" -> CSV;
            case "tsv" -> TSV;
            case "json" -> JSON;
            case "xml" -> XML;
            default -> null;
        };
    }

    /** The format an Accept header asks for; SPARQL JSON results when it names none of ours. */
    public static ResultFormat ofAccept(String accept) {
        if (accept == null) return JSON;
        String a = accept.toLowerCase(Locale.ROOT);
        if (a.contains("text/csv")) return CSV;
        if (a.contains("text/tab-separated-values")) return TSV;
        if (a.contains("application/sparql-results+xml") || a.contains("application/xml")) return XML;
        return JSON;
    }
}
