package org.chinaaikg.server;

import java.time.Duration;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.DatasetGraph;
import org.chinaaikg.query.SavedQueries;

/**
 * The server's wiring: dataset {@code /kg} with query and read-only Graph Store Protocol endpoints and nothing
 * else (no update, no upload), {@code SERVICE} calls off, a query timeout, and the saved queries at
 * {@code /queries}. Returns the builder so that callers choose the port (tests use {@code .port(0)}).
 */
public final class KgServer {
    public static final String DATASET = "/kg";

    private KgServer() {}

    public static FusekiServer.Builder builder(Dataset dataset, SavedQueries queries, Duration timeout) {
        DatasetGraph dsg = dataset.asDatasetGraph();
        dsg.getContext().set(ARQ.queryTimeout, timeout.toMillis());
        // No SERVICE to anywhere: a public endpoint must not become a proxy to other hosts.
        dsg.getContext().set(ARQ.httpServiceAllowed, false);
        DataService readOnly = DataService.newBuilder(dsg)
                .addEndpoint(Operation.Query, "sparql")
                .addEndpoint(Operation.Query, "query")
                .addEndpoint(Operation.Query)
                .addEndpoint(Operation.GSP_R, "get")
                .addEndpoint(Operation.GSP_R)
                .build();
        SavedQueryServlet saved = new SavedQueryServlet(dsg, queries, timeout.toMillis());
        return FusekiServer.create()
                .enablePing(true)
                .add(DATASET, readOnly)
                .addServlet("/queries", saved)
                .addServlet("/queries/*", saved);
    }
}
