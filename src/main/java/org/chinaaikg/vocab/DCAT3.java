package org.chinaaikg.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The DCAT 3 terms that Jena's {@code DCAT} lacks, and the IANA media type IRIs DCAT recommends as values of
 * {@code dcat:mediaType} and {@code dcat:compressFormat}.
 */
public final class DCAT3 {
    public static final String NS = org.apache.jena.vocabulary.DCAT.NS;
    /** The IANA registry: {@code MEDIA_TYPES + "application/trig"} names a media type. */
    public static final String MEDIA_TYPES = "http://www.iana.org/assignments/media-types/";

    /** The version indicator (a name or an identifier) of a resource: a literal. */
    public static final Property version = ResourceFactory.createProperty(NS + "version");

    private DCAT3() {}
}
