package org.chinaaikg.web;

import org.chinaaikg.describe.DatasetMetadata;
import org.chinaaikg.describe.GraphSources;
import org.chinaaikg.describe.ResourceDescriber;
import org.chinaaikg.vocab.Iris;
import org.chinaaikg.vocab.Prefixes;
import org.chinaaikg.web.html.EntityPage;
import org.chinaaikg.web.html.OntologyPage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.sparql.vocabulary.FOAF;

/**
 * Dereferenceable IRIs: {@code /id/{kind}/{slug}} serves {@code https://w3id.org/china-ai-kg/id/{kind}/{slug}}
 * and {@code /ontology} serves the ontology, each as Turtle, JSON-LD, RDF/XML, N-Triples, TriG,
 * N-Quads or HTML, by Accept header or by a suffix such as {@code .ttl}. Unknown IRIs give 404. Each answer names the
 * variant sent ({@code Content-Location}) and the others ({@code Link: rel=alternate}); the RDF says that the
 * document (the request URL) has the thing as its {@code foaf:primaryTopic}.
 */
public final class LinkedDataServlet extends HttpServlet {
    static final String ONTOLOGY_GRAPH = org.chinaaikg.project.Inputs.ONTOLOGY_GRAPH;

    private final Dataset dataset;
    private final java.util.function.Supplier<GraphSources> sources;

    private final DatasetMetadata about;

    public LinkedDataServlet(Dataset dataset, java.util.function.Supplier<GraphSources> sources, DatasetMetadata about) {
        this.dataset = dataset;
        this.about = about;
        this.sources = sources;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        String suffixType = null;
        int dot = path.lastIndexOf('.');
        if (dot > path.lastIndexOf('/')) {
            String maybe = RdfFormats.forSuffix(path.substring(dot + 1)).orElse(null);
            if (maybe != null) {
                suffixType = maybe;
                path = path.substring(0, dot);
            }
        }
        String mediaType = suffixType != null ? suffixType : RdfFormats.negotiate(req.getHeader("Accept"));
        // The RDF names its document (the request URL, after the Host header) as the one about the thing.
        resp.setHeader("Vary", "Accept, Host");
        String document = Http.absolute(req, req.getRequestURI().substring(req.getContextPath().length()));

        if (path.equals("/ontology")) {
            serveOntology(mediaType, document, path, resp);
        } else if (path.startsWith("/id/") && path.length() > 4) {
            serveResource(Iris.ID + path.substring(4), mediaType, document, path, resp);
        } else {
            notFound(resp, path);
        }
    }

    private void serveResource(String iri, String mediaType, String document, String path, HttpServletResponse resp) throws IOException {
        byte[] body = Txn.calculateRead(dataset, () -> {
            DatasetGraph dsg = dataset.asDatasetGraph();
            DatasetGraph description = ResourceDescriber.describe(dsg, iri);
            if (description.isEmpty()) return null;
            if (mediaType.equals(RdfFormats.HTML)) {
                return new EntityPage(dsg, sources.get(), about, RdfFormats.suffixes().entrySet().stream().filter(e -> !e.getValue().equals(RdfFormats.HTML)).map(java.util.Map.Entry::getKey).toList()).render(iri, description).getBytes(StandardCharsets.UTF_8);
            }
            return serialize(dsg, description, iri, document, RdfFormats.lang(mediaType));
        });
        if (body == null) {
            notFound(resp, iri);
            return;
        }
        variants(resp, path, mediaType);
        send(resp, mediaType, body);
    }

    private void serveOntology(String mediaType, String document, String path, HttpServletResponse resp) throws IOException {
        byte[] body = Txn.calculateRead(dataset, () -> {
            Graph ontology = dataset.asDatasetGraph().getGraph(NodeFactory.createURI(ONTOLOGY_GRAPH));
            if (ontology.isEmpty()) return null;
            Model copy = ModelFactory.createDefaultModel().add(ModelFactory.createModelForGraph(ontology));
            copy.setNsPrefixes(Prefixes.all());
            if (mediaType.equals(RdfFormats.HTML)) {
                return OntologyPage.render(copy, about).getBytes(StandardCharsets.UTF_8);
            }
            copy.add(copy.createResource(document), FOAF.primaryTopic, copy.createResource(Iris.ONTOLOGY));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            RDFDataMgr.write(out, copy, RdfFormats.lang(mediaType));
            return out.toByteArray();
        });
        if (body == null) {
            notFound(resp, Iris.ONTOLOGY);
            return;
        }
        variants(resp, path, mediaType);
        send(resp, mediaType, body);
    }

    /**
     * Which variant was sent ({@code Content-Location}, e.g. {@code /id/org/baidu.ttl}) and where the others are
     * ({@code Link: <…>; rel="alternate"; type="…"}), as linked-data validators expect.
     */
    static void variants(HttpServletResponse resp, String path, String mediaType) {
        StringBuilder links = new StringBuilder();
        RdfFormats.suffixes().forEach((suffix, type) -> {
            if (type.equals(mediaType)) {
                resp.setHeader("Content-Location", path + "." + suffix);
            } else {
                if (links.length() > 0) links.append(", ");
                links.append('<').append(path).append('.').append(suffix).append(">; rel=\"alternate\"; type=\"").append(type).append('"');
            }
        });
        resp.setHeader("Link", links.toString());
    }

    /**
     * Triple syntaxes get the description with each own fact as an rdf:Statement (its source graph, its claims); TriG
     * and N-Quads give the same triples in their default graph, so that a client that reads only the default graph
     * (Comunica asks for N-Quads first) sees what a Turtle client sees, and the quads with each fact's axioms in the
     * named graph that states it. The description document is about the thing ({@code foaf:primaryTopic}).
     */
    static byte[] serialize(DatasetGraph dsg, DatasetGraph description, String iri, String document, Lang lang) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        Model model = ResourceDescriber.asTriples(dsg, description, iri);
        if (document != null) model.add(model.createResource(document), FOAF.primaryTopic, model.createResource(iri));
        if (RdfFormats.carriesGraphs(lang)) {
            DatasetGraph quads = ResourceDescriber.asQuads(dsg, description, iri);
            model.getGraph().find().forEachRemaining(quads.getDefaultGraph()::add);
            RDFDataMgr.write(out, quads, lang);
        } else {
            RDFDataMgr.write(out, model, lang);
        }
        return out.toByteArray();
    }

    private static void send(HttpServletResponse resp, String mediaType, byte[] body) throws IOException {
        Responses.send(resp, 200, mediaType, body);
    }

    private static void notFound(HttpServletResponse resp, String what) throws IOException {
        Responses.text(resp, 404, "Not found: " + what + "\nNothing in the graph is described by this IRI.");
    }
}
