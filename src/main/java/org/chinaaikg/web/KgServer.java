package org.chinaaikg.web;

import java.time.Duration;
import java.util.List;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.riot.WebContent;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.DatasetGraph;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.chinaaikg.web.html.SavedQueryCard;
import org.chinaaikg.query.Parameter;
import org.chinaaikg.query.SavedQueries;

/**
 * The server's wiring: dataset {@code /kg} with query and read-only Graph Store Protocol endpoints and nothing
 * else (no update, no upload), request bodies over 1 MB refused, {@code SERVICE} calls off, a query timeout, and the saved queries at
 * {@code /queries}. Returns the builder so that callers choose the port (tests use {@code .port(0)}).
 */
public final class KgServer {
    public static final String DATASET = "/kg";

    /**
     * The response buffer: Jetty's default pool keeps buffers up to 64 KB. Fuseki asks for 5 MB, which that pool does
     * not keep, so every response, even {@code /$/ping}, allocated and zeroed a fresh 5 MB direct buffer: about 20 ms
     * a request on a two-core machine, and direct memory that only a GC gives back.
     */
    public static final int RESPONSE_BUFFER_BYTES = 64 * 1024;

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
        QueryGate gate = new QueryGate();
        SavedQueryServlet saved = new SavedQueryServlet(dsg, queries, timeout.toMillis(), gate);
        FusekiServer.Builder builder = FusekiServer.create()
                .enablePing(true)
                .maxServerThreads(Limits.MAX_THREADS) // ROUTE: Fuseki's 20 threads were all a few slow clients needed
                .registerOperation(Operation.Query, WebContent.contentTypeSPARQLQuery, new GuardedQuery(timeout.toMillis(), gate)) // ROUTE: the query endpoint with our limits
                .addFilter("/*", new RequestEncoding()) // ROUTE: compressed request bodies get 415
                // Oversized bodies get 413 before anything reads them.
                .addFilter("/*", new BodyLimit(BodyLimit.DEFAULT_LIMIT))
                .addFilter("/*", new ErrorMessageLength())
                .addFilter(DATASET + "/*", new BufferedAnswers()) // ROUTE: query answers are buffered whole before the status
                .add(DATASET, readOnly)
                .addServlet("/queries", saved)
                .addServlet("/queries/*", saved);
        List<SavedQueryCard> cards = queries.all().stream()
                .map(q -> new SavedQueryCard(q.name(), q.summary(), q.description(),
                        q.parameters().stream().map(Parameter::name).toList(), q.text()))
                .toList();
        // The home page, /id/ and /ontology pages, VoID and the service description.
        return LinkedData.register(builder, dataset, () -> cards);
    }

    /** Builds the server from {@link #builder}, with a response buffer that Jetty's pool reuses. */
    public static FusekiServer build(FusekiServer.Builder builder) {
        FusekiServer server = builder.build();
        Connections.limit(server.getJettyServer()); // ROUTE: idle timeout and minimum data rates per connection
        for (Connector connector : server.getJettyServer().getConnectors()) {
            HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
            if (http != null) http.getHttpConfiguration().setOutputBufferSize(RESPONSE_BUFFER_BYTES);
        }
        return server;
    }
}
