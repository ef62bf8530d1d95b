package org.chinaaikg.web;

import org.chinaaikg.describe.DatasetDescriptions;
import org.chinaaikg.describe.DatasetMetadata;
import org.chinaaikg.describe.DatasetStatistics;
import org.chinaaikg.describe.GraphSources;
import org.chinaaikg.store.Downloads;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Supplier;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;

/** {@code /.well-known/void} and the service description answered at the SPARQL endpoint. */
public final class DescriptionServlets {
    private DescriptionServlets() {}

    /** Serves the VoID description (with the DCAT distributions of the downloads), in the RDF syntax asked for (Turtle by default). */
    public static HttpServlet voidServlet(DatasetMetadata about, Supplier<GraphSources> sources, Supplier<DatasetStatistics> stats,
                                          Downloads downloads) {
        return new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                String endpoint = Http.absolute(req, "/kg/sparql");
                String files = Http.absolute(req, DownloadsServlet.PATH + "/");
                write(resp, req.getHeader("Accept"), DatasetDescriptions.voidDescription(about, sources.get(), stats.get(), endpoint,
                        downloads, files));
            }
        };
    }

    /**
     * A filter in front of the SPARQL endpoint: a GET without a query gets the SPARQL 1.1 Service
     * Description (plain Fuseki answers 404, which breaks clients that introspect an endpoint).
     */
    public static Filter serviceDescriptionFilter(DatasetMetadata about, Supplier<DatasetStatistics> stats) {
        return new Filter() {
            @Override
            public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
                HttpServletRequest req = (HttpServletRequest) request;
                if (("GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod()))
                        && req.getParameter("query") == null && req.getParameter("update") == null) {
                    String endpoint = Http.absolute(req, req.getRequestURI().substring(req.getContextPath().length()));
                    write((HttpServletResponse) response, req.getHeader("Accept"), DatasetDescriptions.serviceDescription(about, stats.get(), endpoint));
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    static void write(HttpServletResponse resp, String accept, Model model) throws IOException {
        String mediaType = RdfFormats.negotiate(accept);
        Lang lang = RdfFormats.lang(mediaType);
        if (lang == null || RdfFormats.carriesGraphs(lang)) {
            mediaType = "text/turtle";
            lang = Lang.TURTLE;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, model, lang);
        // Both embed the endpoint URL, named after the request's Host.
        resp.setHeader("Vary", "Accept, Host");
        Responses.send(resp, 200, mediaType, out.toByteArray());
    }
}
