package org.chinaaikg.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.impl.WrappedGraph;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.chinaaikg.vocab.Prefixes;

/**
 * The Graph Store Protocol's reads on {@code /kg/get} and {@code /kg}, answered so that they agree with SPARQL:
 * {@code ?default} is the union of all graphs, as the query endpoint's default graph is (and as the service
 * description says with {@code sd:UnionDefaultGraph}); Fuseki served the store's own default graph, which is empty.
 * {@code ?graph=} must be an absolute IRI (a relative one is 400, not 404); a graph with no triples is 404. HEAD
 * answers with the length the GET would have. Every method the dataset does not serve gets 405 with {@code Allow}
 * (Fuseki answered PATCH on {@code /kg} with 400 and sent no {@code Allow}). A HEAD of a query is run as a GET whose
 * body is not sent, so that its length is the real one.
 */
public final class GraphStoreReads implements Filter {
    static final String GSP_ALLOW = "GET, HEAD, OPTIONS";
    static final String DATASET_ALLOW = "GET, HEAD, POST, OPTIONS";

    /** What a graph is offered as, Turtle first (Fuseki's default too). */
    static final List<String> OFFERS = List.of("text/turtle", "application/n-triples", "application/ld+json",
            "application/rdf+xml", "application/trig", "application/n-quads", "text/plain");

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final DatasetGraph dataset;

    public GraphStoreReads(DatasetGraph dataset) {
        this.dataset = dataset;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        String path = req.getRequestURI().substring(req.getContextPath().length());
        String endpoint = path.startsWith(KgServer.DATASET) ? path.substring(KgServer.DATASET.length()) : path;
        String method = req.getMethod();
        boolean gsp = endpoint.equals("/get") || endpoint.equals("/get/");
        boolean dataset = endpoint.isEmpty() || endpoint.equals("/");
        boolean query = dataset || endpoint.equals("/sparql") || endpoint.equals("/query");
        if (gsp && !READS.contains(method)) {
            refuse(resp, GSP_ALLOW, method);
            return;
        }
        if (query && !READS.contains(method) && !"POST".equals(method)) {
            refuse(resp, DATASET_ALLOW, method);
            return;
        }
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        if (read && (gsp || dataset) && req.getParameter("query") == null
                && (req.getParameter("default") != null || req.getParameter("graph") != null)) {
            serveGraph(req, resp);
            return;
        }
        if ("HEAD".equals(method) && query && req.getParameter("query") != null) {
            chain.doFilter(new HttpServletRequestWrapper(req) {
                @Override public String getMethod() { return "GET"; }
            }, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void serveGraph(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String graphParam = req.getParameter("graph");
        boolean dflt = req.getParameter("default") != null;
        if (dflt && graphParam != null) {
            Responses.text(resp, 400, "Bad request: name either ?default or ?graph=IRI, not both.");
            return;
        }
        Node name = null;
        if (!dflt) {
            String iri = graphParam.trim();
            boolean absolute;
            try {
                absolute = !iri.isEmpty() && IRIx.create(iri).isAbsolute();
            } catch (IRIException e) {
                absolute = false;
            }
            if (!absolute) {
                Responses.text(resp, 400, "Bad request: ?graph= must be an absolute IRI, such as "
                        + "https://w3id.org/china-ai-kg/graph/ontology (a relative one names no graph here).");
                return;
            }
            name = NodeFactory.createURI(iri);
        }
        String mediaType = Conneg.choose(req.getHeader("Accept"), OFFERS).orElse("text/turtle");
        if (mediaType.equals("text/plain")) mediaType = "application/n-triples";
        Lang lang = RDFLanguages.contentTypeToLang(mediaType);
        Node graphName = name;
        byte[] body = Txn.calculateRead(dataset, () -> {
            Graph graph = graphName == null || Quad.isUnionGraph(graphName) ? dataset.getUnionGraph() : dataset.getGraph(graphName);
            if (graph.isEmpty()) return null;
            return write(graph, lang);
        });
        resp.setHeader("Vary", "Accept");
        if (body == null) {
            if (dflt) {
                body = write(org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph(), lang);
            } else {
                Responses.text(resp, 404, "Not found: no graph " + graphName.getURI() + " in this dataset.");
                return;
            }
        }
        resp.setStatus(200);
        resp.setContentType(Responses.withCharset(mediaType));
        resp.setContentLength(body.length);
        if (!"HEAD".equals(req.getMethod())) {
            resp.getOutputStream().write(body);
        }
    }

    /** A graph in a syntax, with our prefixes (the store's graphs are read in a read transaction: not modified). */
    static byte[] write(Graph graph, Lang lang) {
        PrefixMapping prefixes = Prefixes.all();
        Graph withPrefixes = new WrappedGraph(graph) {
            @Override public PrefixMapping getPrefixMapping() { return prefixes; }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (RDFLanguages.isQuads(lang)) {
            DatasetGraph ds = DatasetGraphFactory.wrap(withPrefixes);
            RDFDataMgr.write(out, ds, lang);
        } else {
            RDFDataMgr.write(out, withPrefixes, lang);
        }
        return out.toByteArray();
    }

    private static void refuse(HttpServletResponse resp, String allow, String method) throws IOException {
        resp.setHeader("Allow", allow);
        Responses.text(resp, HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                "Method not allowed: " + method + ". This dataset is read only: " + allow + ".");
    }
}
