package org.chinaaikg.web;

import org.chinaaikg.describe.DatasetMetadata;
import org.chinaaikg.describe.DatasetStatistics;
import org.chinaaikg.describe.GraphSources;
import org.chinaaikg.store.Derived;
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

    /** With what is derived from the whole store computed now, at start (for a store that {@code load} did not build). */
    public static FusekiServer.Builder register(FusekiServer.Builder builder, Dataset dataset,
                                               Supplier<java.util.List<SavedQueryCard>> savedQueries) {
        return register(builder, dataset, Derived.compute(dataset.asDatasetGraph()), savedQueries);
    }

    public static FusekiServer.Builder register(FusekiServer.Builder builder, Dataset dataset, Derived derived,
                                               Supplier<java.util.List<SavedQueryCard>> savedQueries) {
        // What is derived from the whole store was computed by load (or at start): no request scans the store.
        DatasetStatistics counts = DatasetStatistics.of(derived);
        GraphSources graphSources = GraphSources.of(derived);
        DatasetMetadata about = DatasetMetadata.of(derived);
        Supplier<DatasetStatistics> stats = () -> counts;
        Supplier<GraphSources> sources = () -> graphSources;
        LinkedDataServlet resources = new LinkedDataServlet(dataset, sources);
        // Our own CORS filter, on every path, instead of Fuseki's (which sent no Allow-Origin to our servlets).
        builder.enableCors(false, null);
        builder.addFilter("/*", new Cors());
        builder.addServlet("", WebPages.home(about, sources, stats, savedQueries));
        builder.addServlet("/webjars/*", WebPages.webjars());
        builder.addServlet("/id/*", resources);
        builder.addServlet("/ontology", resources);
        RdfFormats.suffixes().keySet().forEach(suffix -> builder.addServlet("/ontology." + suffix, resources));
        builder.addServlet("/.well-known/void", DescriptionServlets.voidServlet(about, sources, stats));
        builder.addFilter("/kg/sparql", DescriptionServlets.serviceDescriptionFilter(about, stats));
        return builder;
    }
}
