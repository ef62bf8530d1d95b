package org.chinaaikg.web;

import java.time.Duration;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.riot.WebContent;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.DatasetGraph;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.chinaaikg.query.ClosedFunctions;
import org.chinaaikg.query.SavedQueries;
import org.chinaaikg.search.LuceneSearch;
import org.chinaaikg.search.TextQuery;
import org.chinaaikg.store.Derived;

/**
 * The server's wiring: dataset {@code /kg} with query and read-only Graph Store Protocol endpoints and nothing
 * else (no update, no upload), {@code SERVICE} calls off, and a query timeout; every other path is in {@link Routes}.
 * Returns the builder so that callers choose the port (tests use {@code .port(0)}).
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

    /** As {@link #builder(Dataset, Derived, SavedQueries, Duration, LuceneSearch)}, with a search index built now, in memory. */
    public static FusekiServer.Builder builder(Dataset dataset, Derived derived, SavedQueries queries, Duration timeout) {
        return builder(dataset, derived, queries, timeout, LuceneSearch.inMemory(dataset.asDatasetGraph()));
    }

    /**
     * {@code derived}: what {@code load} computed from the whole store (counts, graph-to-source map, title, licence);
     * {@code search}: the full-text index {@code load} built beside it (search pages, typeahead, {@code text:query}).
     */
    public static FusekiServer.Builder builder(Dataset dataset, Derived derived, SavedQueries queries, Duration timeout,
                                               LuceneSearch search) {
        return builder(dataset, derived, queries, timeout, search, Limits.MAX_ANSWER_BYTES);
    }

    /** As above, with the largest query answer the endpoint buffers ({@code serve --max-answer-mb}), in bytes. */
    public static FusekiServer.Builder builder(Dataset dataset, Derived derived, SavedQueries queries, Duration timeout,
                                               LuceneSearch search, long maxAnswerBytes) {
        DatasetGraph dsg = dataset.asDatasetGraph();
        dsg.getContext().set(ARQ.queryTimeout, timeout.toMillis());
        // No SERVICE to anywhere: a public endpoint must not become a proxy to other hosts.
        dsg.getContext().set(ARQ.httpServiceAllowed, false);
        // No <java:any.Class> function names: they make the JVM load and initialise any class on the classpath.
        ClosedFunctions.install(dsg.getContext());
        // text:query over the search index, in the closed registry just installed.
        TextQuery.register(dsg.getContext(), search);
        // No spill to disk for sorts: a spilling sort noticed the timeout tens of seconds late (once after 389 s);
        // the heap watchdog and the string cap bound a query's memory instead (MemoryLimitsTest, in 256 MB).
        DataService readOnly = DataService.newBuilder(dsg)
                .addEndpoint(Operation.Query, "sparql")
                .addEndpoint(Operation.Query, "query")
                .addEndpoint(Operation.Query)
                .addEndpoint(Operation.GSP_R, "get")
                .addEndpoint(Operation.GSP_R)
                .build();
        QueryGate gate = new QueryGate();
        // Under memory pressure the heaviest running query is stopped (503) before the heap is gone.
        MemoryWatchdog.watch(gate);
        FusekiServer.Builder builder = FusekiServer.create()
                // Fuseki's 20 threads were all that a few slow clients needed to hold the server.
                .maxServerThreads(Limits.MAX_THREADS)
                // The query endpoint with our limits: the timeout is a ceiling, the gate bounds concurrency, REGEX stops.
                .registerOperation(Operation.Query, WebContent.contentTypeSPARQLQuery, new GuardedQuery(timeout.toMillis(), gate));
        return Routes.mount(builder, readOnly, Routes.table(dataset, derived, queries, timeout.toMillis(), gate, search, maxAnswerBytes));
    }

    /**
     * The port the server listens on, from its connector: while Jetty reports itself started, Fuseki still gives the
     * port it was asked for, 0 with {@code --port 0}, and the warm-up found nothing there.
     */
    private static int localPort(FusekiServer server) {
        for (Connector c : server.getJettyServer().getConnectors()) {
            if (c instanceof ServerConnector sc && sc.getLocalPort() > 0) return sc.getLocalPort();
        }
        return server.getHttpPort();
    }

    /** Builds the server from {@link #builder}, with a response buffer that Jetty's pool reuses and our headers on every answer. */
    public static FusekiServer build(FusekiServer.Builder builder) {
        FusekiServer server = builder.build();
        server.getJettyServer().setErrorHandler(new ErrorPages());
        if (server.getServletContext().getAttribute(Routes.SAVED_QUERIES) instanceof SavedQueryServlet saved) {
            // The saved-query cache fills in the background once the server listens; it stops before the store is released.
            // So does the request path: a few passes of every kind of request, sent to itself (see WarmUp).
            WarmUp[] path = new WarmUp[1];
            server.getJettyServer().addEventListener(new org.eclipse.jetty.util.component.LifeCycle.Listener() {
                @Override public void lifeCycleStarted(org.eclipse.jetty.util.component.LifeCycle event) {
                    saved.startWarming();
                    path[0] = WarmUp.later("http://localhost:" + localPort(server), saved.dataset(), saved.queries());
                    saved.pathWarmUp(path[0]);
                    path[0].start();
                }
                @Override public void lifeCycleStopping(org.eclipse.jetty.util.component.LifeCycle event) {
                    if (path[0] != null) path[0].stop();
                    saved.stopWarming();
                }
            });
        }
        // Idle timeout and minimum data rates per connection: one slow client must not hold a thread.
        Connections.limit(server.getJettyServer());
        for (Connector connector : server.getJettyServer().getConnectors()) {
            HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
            if (http == null) continue;
            http.getHttpConfiguration().setOutputBufferSize(RESPONSE_BUFFER_BYTES);
            http.getHttpConfiguration().addCustomizer(SecurityHeaders.onEveryResponse());
        }
        return server;
    }
}
