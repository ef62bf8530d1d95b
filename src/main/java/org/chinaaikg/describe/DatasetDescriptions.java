package org.chinaaikg.describe;

import org.chinaaikg.vocab.Iris;

import java.util.Map;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;

/**
 * The dataset described for machines: a VoID description ({@code /.well-known/void}) and a SPARQL 1.1
 * Service Description (what the endpoint answers to a request without a query).
 */
public final class DatasetDescriptions {
    public static final String VOID = "http://rdfs.org/ns/void#";
    public static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    public static final String FORMATS = "http://www.w3.org/ns/formats/";
    public static final String PROV = "http://www.w3.org/ns/prov#";
    public static final String DATASET_IRI = Iris.BASE + "void#dataset";

    private DatasetDescriptions() {}

    private static Property v(Model m, String local) {
        return m.createProperty(VOID + local);
    }

    private static Property sd(Model m, String local) {
        return m.createProperty(SD + local);
    }

    /** VoID: sizes, vocabularies, the endpoint, and each named graph with the source document it speaks for. */
    public static Model voidDescription(GraphSources sources, DatasetStatistics stats, String endpoint) {
        Model m = prefixed();
        Resource ds = m.createResource(DATASET_IRI)
                .addProperty(RDF.type, m.createResource(VOID + "Dataset"))
                .addProperty(DCTerms.title, m.createLiteral("China AI Knowledge Graph", "en"))
                .addProperty(DCTerms.description, m.createLiteral("Companies, AI models, products, policies, organizations, "
                        + "people, places and events of the Chinese AI industry, and the claims of five source documents, "
                        + "each traced to its exact words (W3C Web Annotation selectors).", "en"))
                .addProperty(DCTerms.license, m.createResource("https://creativecommons.org/licenses/by/4.0/"))
                .addProperty(v(m, "sparqlEndpoint"), m.createResource(endpoint))
                .addProperty(v(m, "uriSpace"), Iris.ID)
                .addLiteral(v(m, "triples"), stats.triples())
                .addLiteral(v(m, "entities"), stats.entities())
                .addLiteral(v(m, "classes"), (long) stats.entitiesByClass().size())
                .addProperty(v(m, "rootResource"), m.createResource(Iris.ONTOLOGY));
        for (String vocab : new String[] {Iris.KG, PROV, "http://www.w3.org/ns/oa#", "http://www.w3.org/ns/org#",
                "http://schema.org/", DCTerms.NS, "http://www.w3.org/2004/02/skos/core#", "http://xmlns.com/foaf/0.1/"}) {
            ds.addProperty(v(m, "vocabulary"), m.createResource(vocab));
        }
        for (Map.Entry<String, Long> e : stats.entitiesByClass().entrySet()) {
            ds.addProperty(v(m, "classPartition"), m.createResource()
                    .addProperty(v(m, "class"), m.createResource(e.getKey()))
                    .addLiteral(v(m, "entities"), e.getValue().longValue()));
        }
        for (Map.Entry<String, Long> e : stats.triplesByGraph().entrySet()) {
            Resource graph = m.createResource(e.getKey())
                    .addProperty(RDF.type, m.createResource(VOID + "Dataset"))
                    .addProperty(m.createProperty(SD + "name"), m.createResource(e.getKey()))
                    .addLiteral(v(m, "triples"), e.getValue().longValue())
                    .addProperty(v(m, "sparqlEndpoint"), m.createResource(endpoint));
            sources.sourceOf(e.getKey()).ifPresent(s -> {
                graph.addProperty(m.createProperty(PROV + "wasDerivedFrom"), m.createResource(s.iri()));
                graph.addProperty(DCTerms.title, m.createLiteral("What \"" + s.title() + "\" states", "en"));
                Long claims = stats.claimsBySource().get(s.iri());
                if (claims != null) {
                    graph.addProperty(v(m, "classPartition"), m.createResource()
                            .addProperty(v(m, "class"), m.createResource(Iris.KG + "Claim"))
                            .addLiteral(v(m, "entities"), claims.longValue()));
                }
            });
            ds.addProperty(v(m, "subset"), graph);
        }
        return m;
    }

    /** SPARQL 1.1 Service Description of the read-only endpoint, with its union default graph and named graphs. */
    public static Model serviceDescription(DatasetStatistics stats, String endpoint) {
        Model m = prefixed();
        Resource defaultGraph = m.createResource().addProperty(RDF.type, m.createResource(SD + "Graph"))
                .addLiteral(v(m, "triples"), stats.triples());
        Resource dataset = m.createResource().addProperty(RDF.type, m.createResource(SD + "Dataset"))
                .addProperty(sd(m, "defaultGraph"), defaultGraph);
        for (Map.Entry<String, Long> e : stats.triplesByGraph().entrySet()) {
            dataset.addProperty(sd(m, "namedGraph"), m.createResource().addProperty(RDF.type, m.createResource(SD + "NamedGraph"))
                    .addProperty(sd(m, "name"), m.createResource(e.getKey()))
                    .addProperty(sd(m, "graph"), m.createResource().addProperty(RDF.type, m.createResource(SD + "Graph"))
                            .addLiteral(v(m, "triples"), e.getValue().longValue())));
        }
        Resource service = m.createResource(endpoint + "#service")
                .addProperty(RDF.type, m.createResource(SD + "Service"))
                .addProperty(sd(m, "endpoint"), m.createResource(endpoint))
                .addProperty(sd(m, "supportedLanguage"), m.createResource(SD + "SPARQL11Query"))
                .addProperty(sd(m, "feature"), m.createResource(SD + "UnionDefaultGraph"))
                .addProperty(sd(m, "defaultDataset"), dataset)
                .addProperty(m.createProperty(VOID + "inDataset"), m.createResource(DATASET_IRI));
        // No sd:BasicFederatedQuery: SERVICE is refused (the server makes no outgoing requests).
        for (String f : new String[] {"SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                "Turtle", "JSON-LD", "RDF_XML", "N-Triples"}) {
            service.addProperty(sd(m, "resultFormat"), m.createResource(FORMATS + f));
        }
        return m;
    }

    private static Model prefixed() {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("void", VOID);
        m.setNsPrefix("sd", SD);
        m.setNsPrefix("dcterms", DCTerms.NS);
        m.setNsPrefix("prov", PROV);
        m.setNsPrefix("kg", Iris.KG);
        m.setNsPrefix("formats", FORMATS);
        m.setNsPrefix("graph", Iris.GRAPH);
        m.setNsPrefix("xsd", "http://www.w3.org/2001/XMLSchema#");
        return m;
    }

}
