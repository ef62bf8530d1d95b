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
