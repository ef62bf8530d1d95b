package org.chinaaikg.query;

import java.util.List;
import java.util.Locale;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.resultset.ResultSetLang;

/** The formats results are written in: SPARQL results for SELECT and ASK, an RDF syntax for CONSTRUCT and DESCRIBE. */
public enum ResultFormat {
    TABLE("text/plain", null, Lang.TURTLE, null),
    CSV("text/csv", ResultSetLang.RS_CSV, Lang.TURTLE, "csv"),
    TSV("text/tab-separated-values", ResultSetLang.RS_TSV, Lang.TURTLE, "tsv"),
    JSON("application/sparql-results+json", ResultSetLang.RS_JSON, Lang.JSONLD, "json"),
    XML("application/sparql-results+xml", ResultSetLang.RS_XML, Lang.RDFXML, "xml");

    public final String contentType;
    public final Lang resultsLang;
    public final Lang graphLang;
    /** The file suffix that names it ({@code /queries/NAME.csv}, a stored answer's file), or null for none. */
    public final String suffix;

    ResultFormat(String contentType, Lang resultsLang, Lang graphLang, String suffix) {
        this.contentType = contentType;
        this.resultsLang = resultsLang;
        this.graphLang = graphLang;
        this.suffix = suffix;
    }

    /** The format a file suffix asks for ({@code csv}, {@code tsv}, {@code json}, {@code xml}), or null. */
    public static ResultFormat ofSuffix(String suffix) {
        String s = suffix.toLowerCase(Locale.ROOT);
        for (ResultFormat f : values()) {
            if (s.equals(f.suffix)) return f;
        }
        return null;
    }

    /** The formats a file suffix names: those {@code /queries/NAME} serves. */
    public static List<ResultFormat> suffixed() {
        return java.util.Arrays.stream(values()).filter(f -> f.suffix != null).toList();
    }

    /** The format whose media type this is ({@code application/xml} and {@code application/json} too), or null. */
    public static ResultFormat ofMediaType(String mediaType) {
        for (ResultFormat f : values()) {
            if (f != TABLE && f.contentType.equals(mediaType)) return f;
        }
        return switch (mediaType) {
            case "application/xml" -> XML;
            case "application/json" -> JSON;
            default -> null;
        };
    }
}
