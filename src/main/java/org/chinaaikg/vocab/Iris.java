package org.chinaaikg.vocab;

/** Our IRIs and where this server serves them. */
public final class Iris {
    public static final String BASE = "https://w3id.org/china-ai-kg/";
    public static final String ID = BASE + "id/";
    public static final String ONTOLOGY = BASE + "ontology";
    public static final String KG = ONTOLOGY + "#";
    public static final String GRAPH = BASE + "graph/";
    /** The dataset as a whole: what {@code data/dataset.ttl} and the VoID description speak of. */
    public static final String DATASET = BASE + "void#dataset";

    private Iris() {}

    /** The local path that serves an IRI of ours (so pages browse this server), or the IRI itself. */
    public static String localLink(String iri) {
        if (iri.startsWith(ID)) return "/id/" + iri.substring(ID.length());
        if (iri.startsWith(ONTOLOGY)) return "/ontology" + iri.substring(ONTOLOGY.length());
        if (iri.startsWith(GRAPH)) return "/kg/get?graph=" + java.net.URLEncoder.encode(iri, java.nio.charset.StandardCharsets.UTF_8);
        return iri;
    }

    /** The short name of a graph IRI, e.g. {@code statements/001-global-times-wuzhen-2024}. */
    public static String graphName(String graphIri) {
        return graphIri.startsWith(GRAPH) ? graphIri.substring(GRAPH.length()) : graphIri;
    }
}
