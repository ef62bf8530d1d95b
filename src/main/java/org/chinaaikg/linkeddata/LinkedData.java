package org.chinaaikg.linkeddata;

import java.util.function.Supplier;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Dataset;

/** Adds the linked-data front door to a Fuseki server: {@code /id/*}, {@code /ontology}, VoID, service description. */
public final class LinkedData {
    private LinkedData() {}

    public static FusekiServer.Builder register(FusekiServer.Builder builder, Dataset dataset) {
        LinkedDataServlet resources = new LinkedDataServlet(dataset);
        Supplier<DatasetStatistics> stats = memoize(() -> DatasetStatistics.of(dataset));
        builder.addServlet("/id/*", resources);
        builder.addServlet("/ontology", resources);
        RdfFormats.suffixes().keySet().forEach(suffix -> builder.addServlet("/ontology." + suffix, resources));
        builder.addServlet("/.well-known/void", DescriptionServlets.voidServlet(dataset, stats));
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
