package org.chinaaikg.describe;

import static org.apache.jena.vocabulary.VOID._class;
import static org.apache.jena.vocabulary.VOID.classPartition;
import static org.apache.jena.vocabulary.VOID.classes;
import static org.apache.jena.vocabulary.VOID.dataDump;
import static org.apache.jena.vocabulary.VOID.entities;
import static org.apache.jena.vocabulary.VOID.inDataset;
import static org.apache.jena.vocabulary.VOID.rootResource;
import static org.apache.jena.vocabulary.VOID.sparqlEndpoint;
import static org.apache.jena.vocabulary.VOID.subset;
import static org.apache.jena.vocabulary.VOID.triples;
import static org.apache.jena.vocabulary.VOID.uriSpace;
import static org.apache.jena.vocabulary.VOID.vocabulary;

import org.chinaaikg.store.Downloads;
import org.chinaaikg.vocab.DCAT3;
import org.chinaaikg.vocab.Iris;
import org.chinaaikg.vocab.KG;
import org.chinaaikg.vocab.Prefixes;
import org.chinaaikg.vocab.SCHEMA;
import org.chinaaikg.vocab.SPDX;

import java.util.Map;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * The dataset described for machines: a VoID description ({@code /.well-known/void}) and a SPARQL 1.1
 * Service Description (what the endpoint answers to a request without a query). Both are drawn from what
 * {@code load} derived (counts, graph-to-source map) and from {@code data/dataset.ttl} (title, description,
 * licence); nothing here reads the store.
 */
public final class DatasetDescriptions {
    /** Namespaces, for callers that build IRIs (the code itself uses Jena's and {@code vocab}'s constants). */
    public static final String VOID = org.apache.jena.vocabulary.VOID.NS;
    public static final String SD = Prefixes.SD;
    public static final String FORMATS = Prefixes.FORMATS;
    public static final String PROV = Prefixes.PROV;
    public static final String DATASET_IRI = Iris.DATASET;

    private static final Resource VOID_DATASET = org.apache.jena.vocabulary.VOID.Dataset;
    private static final Property WAS_DERIVED_FROM = ResourceFactory.createProperty(PROV + "wasDerivedFrom");

    private DatasetDescriptions() {}

    private static Property sd(String local) {
        return ResourceFactory.createProperty(SD + local);
    }

    private static Resource sdClass(String local) {
        return ResourceFactory.createResource(SD + local);
    }

    /**
     * VoID: title, licence, sizes, vocabularies, the endpoint, each named graph with the source document it speaks for,
     * and the downloads (whose names start with {@code files}, the absolute URL of {@code /downloads/}).
     */
    public static Model voidDescription(DatasetMetadata about, GraphSources sources, DatasetStatistics stats, String endpoint,
                                        Downloads downloads, String files) {
        Model m = prefixed();
        Resource ds = describeDataset(m, about);
        describeDownloads(m, ds, downloads, files);
        ds
                .addProperty(sparqlEndpoint, m.createResource(endpoint))
                .addProperty(uriSpace, Iris.ID)
                .addLiteral(triples, stats.triples())
                .addLiteral(entities, stats.entities())
                .addLiteral(classes, (long) stats.entitiesByClass().size())
                .addProperty(rootResource, m.createResource(Iris.ONTOLOGY));
        for (String vocab : new String[] {KG.NS, PROV, OA.NS, ORG.NS, SCHEMA.NS, DCTerms.NS, SKOS.getURI(), FOAF.NS}) {
            ds.addProperty(vocabulary, m.createResource(vocab));
        }
        for (Map.Entry<String, Long> e : stats.entitiesByClass().entrySet()) {
            ds.addProperty(classPartition, m.createResource()
                    .addProperty(_class, m.createResource(e.getKey()))
                    .addLiteral(entities, e.getValue().longValue()));
        }
        for (Map.Entry<String, Long> e : stats.triplesByGraph().entrySet()) {
            Resource graph = m.createResource(e.getKey())
                    .addProperty(RDF.type, VOID_DATASET)
                    .addProperty(sd("name"), m.createResource(e.getKey()))
                    .addLiteral(triples, e.getValue().longValue())
                    .addProperty(sparqlEndpoint, m.createResource(endpoint));
            sources.sourceOf(e.getKey()).ifPresent(s -> {
                graph.addProperty(WAS_DERIVED_FROM, m.createResource(s.iri()));
                graph.addProperty(DCTerms.title, m.createLiteral("What \"" + s.title() + "\" states", "en"));
                Long claims = stats.claimsBySource().get(s.iri());
                if (claims != null) {
                    graph.addProperty(classPartition, m.createResource()
                            .addProperty(_class, KG.Claim)
                            .addLiteral(entities, claims.longValue()));
                }
            });
            ds.addProperty(subset, graph);
        }
        return m;
    }

    /**
     * The downloads as the dataset's DCAT distributions, each with its download URL, IANA media type (and compression),
     * format, size in bytes and SHA-256 (an {@code spdx:Checksum}, as DCAT 3 recommends); the complete dumps also as
     * {@code void:dataDump}; the release version as {@code owl:versionInfo} and {@code dcat:version} of the dataset.
     * ({@code dcterms:hasVersion} would name another resource, a version of it, not give a version number.)
     */
    static void describeDownloads(Model m, Resource ds, Downloads downloads, String files) {
        if (downloads.release() != null) {
            ds.addProperty(OWL2.versionInfo, downloads.release()).addProperty(DCAT3.version, downloads.release());
        }
        Resource page = m.createResource(files.endsWith("/") ? files.substring(0, files.length() - 1) : files);
        for (Downloads.Distribution f : downloads.files()) {
            Resource url = m.createResource(files + f.name());
            Resource d = m.createResource()
                    .addProperty(RDF.type, DCAT.Distribution)
                    .addProperty(DCTerms.title, m.createLiteral(f.title(), "en"))
                    .addProperty(DCAT.downloadURL, url)
                    .addProperty(DCAT.accessURL, page)
                    .addProperty(DCAT.mediaType, m.createResource(f.mediaTypeIri()))
                    .addProperty(DCTerms.format, m.createResource(f.format()))
                    .addProperty(DCAT.byteSize, m.createTypedLiteral(Long.toString(f.bytes()), XSDDatatype.XSDnonNegativeInteger))
                    .addProperty(SPDX.checksum, m.createResource()
                            .addProperty(RDF.type, SPDX.Checksum)
                            .addProperty(SPDX.algorithm, SPDX.checksumAlgorithm_sha256)
                            .addProperty(SPDX.checksumValue, m.createTypedLiteral(f.sha256(), XSDDatatype.XSDhexBinary)));
            if (f.compressFormatIri() != null) d.addProperty(DCAT.compressFormat, m.createResource(f.compressFormatIri()));
            if (downloads.release() != null) d.addProperty(DCAT3.version, downloads.release());
            ds.addProperty(DCAT.distribution, d);
            if (f.wholeStore()) ds.addProperty(dataDump, url);
        }
    }

    /** SPARQL 1.1 Service Description of the read-only endpoint, with its union default graph and named graphs. */
    public static Model serviceDescription(DatasetMetadata about, DatasetStatistics stats, String endpoint) {
        Model m = prefixed();
        Resource defaultGraph = m.createResource().addProperty(RDF.type, sdClass("Graph"))
                .addLiteral(triples, stats.triples());
        Resource dataset = m.createResource().addProperty(RDF.type, sdClass("Dataset"))
                .addProperty(sd("defaultGraph"), defaultGraph);
        for (Map.Entry<String, Long> e : stats.triplesByGraph().entrySet()) {
            dataset.addProperty(sd("namedGraph"), m.createResource().addProperty(RDF.type, sdClass("NamedGraph"))
                    .addProperty(sd("name"), m.createResource(e.getKey()))
                    .addProperty(sd("graph"), m.createResource().addProperty(RDF.type, sdClass("Graph"))
                            .addLiteral(triples, e.getValue().longValue())));
        }
        Resource service = m.createResource(endpoint + "#service")
                .addProperty(RDF.type, sdClass("Service"))
                .addProperty(sd("endpoint"), m.createResource(endpoint))
                .addProperty(sd("supportedLanguage"), sdClass("SPARQL11Query"))
                .addProperty(sd("feature"), sdClass("UnionDefaultGraph"))
                .addProperty(sd("defaultDataset"), dataset)
                .addProperty(inDataset, describeDataset(m, about));
        // No sd:BasicFederatedQuery: SERVICE is refused (the server makes no outgoing requests).
        for (String f : new String[] {"SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                "Turtle", "JSON-LD", "RDF_XML", "N-Triples"}) {
            service.addProperty(sd("resultFormat"), m.createResource(FORMATS + f));
        }
        return m;
    }

    /** The dataset resource with what {@code data/dataset.ttl} says of it (each part only if the data says it). */
    private static Resource describeDataset(Model m, DatasetMetadata about) {
        Resource ds = m.createResource(DATASET_IRI).addProperty(RDF.type, VOID_DATASET).addProperty(RDF.type, DCAT.Dataset);
        if (about.title() != null) ds.addProperty(DCTerms.title, m.createLiteral(about.title(), "en"));
        if (about.description() != null) ds.addProperty(DCTerms.description, m.createLiteral(about.description(), "en"));
        if (about.licenseIri() != null) {
            Resource license = m.createResource(about.licenseIri());
            ds.addProperty(DCTerms.license, license);
            if (about.licenseName() != null) {
                license.addProperty(RDFS.label, m.createLiteral(about.licenseName(), "en"));
            }
        }
        return ds;
    }

    private static Model prefixed() {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefixes(Prefixes.all());
        m.setNsPrefix("dcat", DCAT.NS);
        m.setNsPrefix("spdx", SPDX.NS);
        return m;
    }
}
