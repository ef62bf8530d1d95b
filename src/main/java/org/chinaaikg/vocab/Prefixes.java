package org.chinaaikg.vocab;

import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.VOID;
import org.apache.jena.vocabulary.XSD;

/** The one prefix map of everything we write: the ontology's prefixes (so {@code org:} is W3C ORG) and our IRI bases. */
public final class Prefixes {
    public static final String PROV = "http://www.w3.org/ns/prov#";
    public static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    public static final String FORMATS = "http://www.w3.org/ns/formats/";
    public static final String VANN = "http://purl.org/vocab/vann/";

    private static final PrefixMapping ALL = PrefixMapping.Factory.create()
            .setNsPrefix("kg", KG.NS)
            .setNsPrefix("rdf", RDF.getURI())
            .setNsPrefix("rdfs", RDFS.getURI())
            .setNsPrefix("xsd", XSD.getURI())
            .setNsPrefix("owl", OWL.getURI())
            .setNsPrefix("skos", SKOS.getURI())
            .setNsPrefix("dcterms", DCTerms.NS)
            .setNsPrefix("prov", PROV)
            .setNsPrefix("oa", OA.NS)
            .setNsPrefix("org", ORG.NS)
            .setNsPrefix("foaf", FOAF.NS)
            .setNsPrefix("schema", SCHEMA.NS)
            .setNsPrefix("void", VOID.NS)
            .setNsPrefix("sd", SD)
            .setNsPrefix("formats", FORMATS)
            .setNsPrefix("vann", VANN)
            .setNsPrefix("id", Iris.ID)
            .setNsPrefix("graph", Iris.GRAPH)
            .lock();

    private Prefixes() {}

    /** Every prefix, read only. */
    public static PrefixMapping all() {
        return ALL;
    }

    /** The same prefixes as SPARQL {@code PREFIX} lines, for queries written in Java. */
    public static String sparql() {
        StringBuilder b = new StringBuilder();
        ALL.getNsPrefixMap().forEach((p, ns) -> b.append("PREFIX ").append(p).append(": <").append(ns).append(">\n"));
        return b.toString();
    }
}
