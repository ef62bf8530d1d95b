package org.chinaaikg.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** The SPDX terms DCAT 3 uses for a distribution's checksum ({@code spdx:checksum [ a spdx:Checksum ; … ]}). */
public final class SPDX {
    public static final String NS = "http://spdx.org/rdf/terms#";

    public static final Resource Checksum = ResourceFactory.createResource(NS + "Checksum");
    public static final Resource checksumAlgorithm_sha256 = ResourceFactory.createResource(NS + "checksumAlgorithm_sha256");
    public static final Property checksum = ResourceFactory.createProperty(NS + "checksum");
    public static final Property algorithm = ResourceFactory.createProperty(NS + "algorithm");
    public static final Property checksumValue = ResourceFactory.createProperty(NS + "checksumValue");

    private SPDX() {}
}
