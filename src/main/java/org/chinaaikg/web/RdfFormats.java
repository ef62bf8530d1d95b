package org.chinaaikg.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.jena.riot.Lang;

/**
 * Content negotiation for linked-data responses: the representations offered, by media type and by
 * file suffix (for links such as {@code /id/org/baidu.ttl}), and how an Accept header picks one.
 */
public final class RdfFormats {

    /** HTML is not an RDF syntax; it stands for the human-readable page. */
    public static final String HTML = "text/html";

    /** Media types offered, in order of preference when the client accepts several equally. */
    private static final Map<String, Lang> BY_MEDIA_TYPE = new LinkedHashMap<>();
    private static final Map<String, String> BY_SUFFIX = new LinkedHashMap<>();

    static {
        BY_MEDIA_TYPE.put("text/turtle", Lang.TURTLE);
        BY_MEDIA_TYPE.put("application/ld+json", Lang.JSONLD);
        BY_MEDIA_TYPE.put("application/rdf+xml", Lang.RDFXML);
        BY_MEDIA_TYPE.put("application/n-triples", Lang.NTRIPLES);
        BY_MEDIA_TYPE.put("application/trig", Lang.TRIG);
        BY_MEDIA_TYPE.put("application/n-quads", Lang.NQUADS);
        BY_SUFFIX.put("ttl", "text/turtle");
        BY_SUFFIX.put("jsonld", "application/ld+json");
        BY_SUFFIX.put("rdf", "application/rdf+xml");
        BY_SUFFIX.put("nt", "application/n-triples");
        BY_SUFFIX.put("trig", "application/trig");
        BY_SUFFIX.put("nq", "application/n-quads");
        BY_SUFFIX.put("html", HTML);
    }

    /** N-Triples' media type before RDF 1.1, still what some clients (rdflib) ask for. */
    private static final String LEGACY_NTRIPLES = "text/plain";

    /**
     * RDF first, HTML last: a client whose best match is a wildcard (rdflib sends text/plain and a wildcard at q=0.1) gets
     * data; browsers name text/html and get the page.
     */
    private static final List<String> OFFERED = Stream.concat(
            Stream.concat(BY_MEDIA_TYPE.keySet().stream(), Stream.of(LEGACY_NTRIPLES)), Stream.of(HTML)).toList();

    private RdfFormats() {}

    /** The suffixes a link may carry, and their media types. */
    public static Map<String, String> suffixes() {
        return BY_SUFFIX;
    }

    /** The media type for a suffix such as "ttl", if it is one of ours. */
    public static Optional<String> forSuffix(String suffix) {
        return Optional.ofNullable(BY_SUFFIX.get(suffix));
    }

    /**
     * The representation to send for an Accept header: Turtle when there is none or it says
     * only {@code *}{@code /*} (a linked-data client), HTML when a browser asks for it, and Turtle again
     * when nothing offered is acceptable, rather than a 406 that helps nobody.
     */
    public static String negotiate(String accept) {
        String chosen = Conneg.choose(accept, OFFERED).orElse("text/turtle");
        return chosen.equals(LEGACY_NTRIPLES) ? "application/n-triples" : chosen;
    }

    public static Lang lang(String mediaType) {
        return BY_MEDIA_TYPE.get(mediaType);
    }

    /**
     * Whether the response is sent as quads (TriG, N-Quads). JSON-LD is sent as one default graph like
     * Turtle: clients that read JSON-LD into a graph (rdflib, Jena models) drop named graphs.
     */
    public static boolean carriesGraphs(Lang lang) {
        return lang == Lang.TRIG || lang == Lang.NQUADS;
    }
}
