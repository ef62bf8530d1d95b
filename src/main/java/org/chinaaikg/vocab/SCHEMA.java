package org.chinaaikg.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The schema.org terms we reuse, in the {@code http://schema.org/} namespace the data uses (Jena's own
 * {@code SchemaDO} is {@code https://schema.org/}, a different IRI to a SPARQL engine).
 */
public final class SCHEMA {
    public static final String NS = "http://schema.org/";

    public static final Resource Event = ResourceFactory.createResource(NS + "Event");
    public static final Resource Place = ResourceFactory.createResource(NS + "Place");
    public static final Property about = ResourceFactory.createProperty(NS + "about");
    public static final Property location = ResourceFactory.createProperty(NS + "location");
    public static final Property founder = ResourceFactory.createProperty(NS + "founder");

    private SCHEMA() {}
}
