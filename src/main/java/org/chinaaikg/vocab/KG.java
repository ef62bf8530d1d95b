package org.chinaaikg.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** Our own terms, {@code https://w3id.org/china-ai-kg/ontology#}, as the code uses them (the ontology defines them all). */
public final class KG {
    public static final String NS = Iris.KG;

    public static final Resource Claim = resource("Claim");
    public static final Resource SourceDocument = resource("SourceDocument");
    public static final Resource Company = resource("Company");
    public static final Resource Startup = resource("Startup");
    public static final Resource GovernmentBody = resource("GovernmentBody");
    public static final Resource AcademicInstitution = resource("AcademicInstitution");
    public static final Resource AIModel = resource("AIModel");
    public static final Resource Product = resource("Product");
    public static final Resource Policy = resource("Policy");
    public static final Resource Technology = resource("Technology");
    /** The curation status of what {@code ingest} proposed and no curator has accepted yet. */
    public static final Resource Draft = resource("Draft");
    public static final Resource SourceKind = resource("SourceKind");

    public static final Property statedIn = property("statedIn");
    public static final Property statement = property("statement");
    public static final Property mentions = property("mentions");
    public static final Property hasEvidence = property("hasEvidence");
    public static final Property claimKind = property("claimKind");
    public static final Property sourceKind = property("sourceKind");
    public static final Property corroborates = property("corroborates");
    public static final Property contradicts = property("contradicts");
    public static final Property supportedBy = property("supportedBy");
    public static final Property curatorNote = property("curatorNote");
    public static final Property sha256 = property("sha256");
    public static final Property fileName = property("fileName");
    public static final Property curationStatus = property("curationStatus");
    public static final Property developedBy = property("developedBy");
    public static final Property offeredBy = property("offeredBy");

    private KG() {}

    private static Resource resource(String local) {
        return ResourceFactory.createResource(NS + local);
    }

    private static Property property(String local) {
        return ResourceFactory.createProperty(NS + local);
    }
}
