package org.chinaaikg.web;

import org.chinaaikg.describe.DatasetStatistics;
import org.chinaaikg.describe.GraphSources;
import org.chinaaikg.web.html.SavedQueryCard;

import java.util.function.Supplier;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Dataset;

/**
 * Adds the front door to a Fuseki server: the home page, {@code /id/*}, {@code /ontology}, VoID, and the
 * service description at the SPARQL endpoint.
 */
public final class LinkedData {
    private LinkedData() {}

    public static FusekiServer.Builder register(FusekiServer.Builder builder, Dataset dataset,
                                               Supplier<java.util.List<SavedQueryCard>> savedQueries) {
        // The store is read-only while served: what is derived from all of it is computed once.
        Supplier<DatasetStatistics> stats = memoize(() -> DatasetStatistics.of(dataset));
        Supplier<GraphSources> sources = memoize(() -> org.apache.jena.system.Txn.calculateRead(dataset,
                () -> GraphSources.of(dataset.asDatasetGraph())));
        LinkedDataServlet resources = new LinkedDataServlet(dataset, sources);
        // Our own CORS filter, on every path, instead of Fuseki's (which sent no Allow-Origin to our servlets).
        builder.enableCors(false, null);
        builder.addFilter("/*", new Cors());
        builder.addServlet("", WebPages.home(sources, stats, savedQueries));
        builder.addServlet("/webjars/*", StaticFiles.webjars()); // ROUTE: WebJar files (the SPARQL editor), by Jetty's ResourceServlet
        builder.addServlet("/static/*", StaticFiles.site()); // ROUTE: the pages' CSS and JavaScript, src/main/resources/static
        builder.addServlet("/id/*", resources);
        builder.addServlet("/ontology", resources);
        RdfFormats.suffixes().keySet().forEach(suffix -> builder.addServlet("/ontology." + suffix, resources));
        builder.addServlet("/.well-known/void", DescriptionServlets.voidServlet(sources, stats));
        builder.addFilter("/kg/sparql", DescriptionServlets.serviceDescriptionFilter(stats));
        return builder;
    }

    /** The store is read-only while served: compute once, on first use, not at start-up. */
    static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    synchronized (this) {
                        if (value == null) value = supplier.get();
                        v = value;
                    }
                }
                return v;
            }
        };
    }
}
