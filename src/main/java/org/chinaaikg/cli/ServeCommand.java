package org.chinaaikg.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Dataset;
import org.chinaaikg.query.SavedQueries;
import org.chinaaikg.search.LuceneSearch;
import org.chinaaikg.web.KgServer;
import org.chinaaikg.web.Loading;
import org.chinaaikg.project.Inputs;
import org.chinaaikg.store.Derived;
import org.chinaaikg.store.ServingLock;
import org.chinaaikg.store.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code serve}: loads the store if its inputs changed, then serves it read-only over SPARQL. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the knowledge graph: SPARQL at /kg/sparql, Graph Store Protocol (read only) at /kg/get,",
                "saved queries at /queries, health at /$/ping. Loads the store first if it is missing or any input",
                "file changed (SHA-256 of each file); with unchanged inputs it starts without reloading. While it loads,",
                "every path (/$/ping too) answers 503 with Retry-After and {\"status\": \"loading\"}."})
public final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger("china-ai-kg");
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1");

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", defaultValue = "${env:KG_PORT:-3030}",
            description = "HTTP port; 0 picks a free one (default: ${DEFAULT-VALUE}; the environment variable KG_PORT sets the default).")
    int port;

    @Option(names = "--host", defaultValue = "${env:KG_HOST:-localhost}",
            description = {"localhost (this machine only) or 0.0.0.0 (every interface, e.g. in Docker) (default: ${DEFAULT-VALUE};",
                    "the environment variable KG_HOST sets the default)."})
    String host;

    @Mixin
    StoreOption storeOption;

    @Mixin
    InputOptions inputs;

    @Mixin
    QueriesOption queries;

    @Option(names = "--max-answer-mb", defaultValue = "1024", paramLabel = "MB",
            description = "The largest answer of a SPARQL query, in MB (default: ${DEFAULT-VALUE}); an answer is held whole "
                    + "before its status (memory to 8 MB, then a temporary file), and a larger one gets 422.")
    long maxAnswerMb;

    @Option(names = "--timeout", defaultValue = "10", paramLabel = "SECONDS",
            description = "Query timeout in seconds (default: ${DEFAULT-VALUE}).")
    double timeout;

    @Option(names = "--exit-after-warm-up",
            description = {"Stop once the server has warmed its request path (every kind of request, sent to itself), and",
                    "exit 0: `mvn package` runs this under -XX:ArchiveClassesAtExit to make the class-data archive",
                    "target/china-ai-kg.jsa that `java -XX:SharedArchiveFile=target/china-ai-kg.jsa -jar …` starts from."})
    boolean exitAfterWarmUp;

    private FusekiServer server;
    private Dataset dataset;
    private ServingLock lock;
    private LuceneSearch search;
    private boolean reloaded;
    private Loading loading;

    @Override
    public Integer call() throws Exception {
        try {
            start();
        } catch (Stores.LoadFailed e) {
            spec.commandLine().getErr().println("serve: load failed; " + Stores.unchanged(storeOption.store) + ":\n" + e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("serve: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 2;
        }
        ServingLock held = lock;
        if (held != null) Runtime.getRuntime().addShutdownHook(new Thread(held::close)); // Ctrl-C: no file left behind
        if (exitAfterWarmUp) {
            awaitWarmUp();
            stop();
            return 0;
        }
        server.join();
        return 0;
    }

    /** Until {@code GET /queries} says {@code X-Warm-Up: done}, asked over loopback as a client would (at most 10 minutes). */
    private void awaitWarmUp() throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest req = HttpRequest.newBuilder(URI.create(url() + "queries"))
                .header("Accept", "application/json").build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            try {
                var r = http.send(req, HttpResponse.BodyHandlers.discarding());
                if ("done".equals(r.headers().firstValue("X-Warm-Up").orElse(""))) {
                    LOG.info("Warm-up done: stopping (--exit-after-warm-up)");
                    return;
                }
            } catch (IOException notYet) {
                // the server answers once its port is open
            }
            Thread.sleep(100);
        }
        LOG.warn("The warm-up was not done after 10 minutes: stopping anyway (--exit-after-warm-up)");
    }

    /** Loads if needed and starts the server without waiting for it to stop. */
    public FusekiServer start() throws Exception {
        Path store = storeOption.store;
        if (!host.equals("0.0.0.0") && !LOOPBACK.contains(host)) {
            throw new IllegalArgumentException("--host must be localhost or 0.0.0.0, not " + host);
        }
        // Every option is checked before any work: a mistake is told at once, not after a load.
        if (port < 0 || port > 65535) {
            throw new UserError("--port " + port + ": not a port; pass --port N with N from 1 to 65535, or --port 0 for a free one");
        }
        maxAnswerMegabytes();
        checkPortFree();
        Inputs in = inputs.inputs();
        storeOption.checkWritable();
        try {
            lock = ServingLock.acquire(store).orElse(null);
        } catch (ServingLock.Busy e) {
            throw new UserError(1, store + " is being served by process " + e.holder.pid()
                    + (e.holder.url() == null ? "" : " at " + e.holder.url())
                    + "; stop it first, or serve another --store");
        }
        try {
            return startLocked(store, in);
        } catch (Exception | Error e) {
            stop();
            throw e;
        }
    }

    /** Binds the port for a moment, as the server will: a busy port is told before the store is loaded. */
    private void checkPortFree() {
        if (port == 0) return;
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host.equals("0.0.0.0") ? null : InetAddress.getByName(host), port));
        } catch (IOException e) {
            throw new UserError(1, portInUse());
        }
    }

    private long maxAnswerMegabytes() {
        if (maxAnswerMb < 1 || maxAnswerMb > 1L << 20) {
            throw new UserError("--max-answer-mb " + maxAnswerMb + ": give a number of megabytes from 1 to 1048576");
        }
        return maxAnswerMb * 1024 * 1024;
    }

    private String portInUse() {
        return "port " + port + " is in use; pass --port N or --port 0";
    }

    private FusekiServer startLocked(Path store, Inputs in) throws Exception {
        long t0 = System.nanoTime();
        int listen = port;
        SavedQueries saved = SavedQueries.load(queries.queries, LOG::warn);
        if (Stores.isCurrent(store, in)) {
            LOG.info("Store {} is current ({} input files unchanged): not reloading", store, in.all().size());
        } else {
            // While the store is built, the port answers 503 "loading" (ping included): up at once, never ready early.
            try {
                loading = Loading.listen(LOOPBACK.contains(host) ? "localhost" : null, port);
            } catch (Exception e) {
                for (Throwable t = e; t != null; t = t.getCause()) {
                    if (t instanceof java.net.BindException) throw new UserError(1, portInUse());
                }
                throw e;
            }
            listen = loading.port();
            LOG.info("Store {} is missing or its inputs changed: loading (port {} answers 503 \"loading\" meanwhile)", store, listen);
            Loading status = loading;
            Stores.build(store, in, saved, line -> {
                status.step(line);
                LOG.info(line);
            });
            reloaded = true;
        }
        dataset = Stores.open(store);
        // Counts, graph-to-source map, title and licence: as load kept them, or (a store built before load kept
        // them) computed here, once, before listening and without the query timeout.
        Derived derived = Derived.read(store).orElseGet(() -> {
            LOG.info("Store {} has no {}: computing its counts now", store, Derived.FILE_NAME);
            return Derived.compute(dataset.asDatasetGraph());
        });
        // The search index load built in the store, or (a store built before load kept one, or an older layout of it)
        // built now, in memory.
        search = LuceneSearch.openIn(store);
        if (search == null) {
            LOG.info("Store {} has no search index (or one of an older layout; load rebuilds it): building it in memory now", store);
            search = LuceneSearch.inMemory(dataset.asDatasetGraph());
        }
        server = KgServer.build(KgServer.builder(dataset, derived, saved, Duration.ofMillis((long) (timeout * 1000)), search,
                maxAnswerMegabytes())
                .port(listen)
                .loopback(LOOPBACK.contains(host)));
        if (loading != null) {
            // The real server takes the port over: a request in the few milliseconds between is refused, not wrong.
            loading.close();
            loading = null;
        }
        try {
            server.start();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof java.net.BindException) throw new UserError(1, portInUse());
            }
            throw e;
        }
        if (lock != null) lock.url(url());
        search.warmInBackground();
        LOG.info("China AI KG ready at http://{}:{}/ (SPARQL: /kg/sparql, {} saved queries: /queries) in {} s; Apache Jena {}",
                host.equals("0.0.0.0") ? "localhost" : host, server.getHttpPort(), saved.all().size(),
                String.format("%.2f", (System.nanoTime() - t0) / 1e9), Versions.jena());
        return server;
    }

    /** Whether the last {@link #start()} rebuilt the store. */
    public boolean reloaded() {
        return reloaded;
    }

    /** Stops the server and releases the store (so that it can be rebuilt by this process). */
    public void stop() {
        if (loading != null) loading.close();
        loading = null;
        if (server != null) server.stop();
        if (dataset != null) Stores.release(dataset);
        if (lock != null) lock.close();
        if (search != null) search.close();
        search = null;
        server = null;
        dataset = null;
        lock = null;
    }

    /** The URL the server answers at, from this machine. */
    private String url() {
        String name = host.equals("0.0.0.0") ? "localhost" : host.contains(":") ? "[" + host + "]" : host;
        return "http://" + name + ":" + server.getHttpPort() + "/";
    }
}
