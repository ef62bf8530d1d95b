package org.chinaaikg.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.chinaaikg.query.Parameter;
import org.chinaaikg.query.SavedQueries;
import org.chinaaikg.query.SavedQuery;
import org.chinaaikg.vocab.Iris;

/**
 * Right after start, in the background, the server sends itself over loopback a few passes of every kind of request
 * it answers (SPARQL in each results and graph format, each saved query that takes parameters with a value from the
 * data, an entity's page and data, search, the home page; the SPARQL endpoint in the first two passes only, since
 * Fuseki logs each of its requests, as {@value #USER_AGENT}), so that the first clients find the request path loaded
 * and compiled: in a fresh JVM the first parameterised query took 1 to 2 s (class loading, the interpreter), a warm
 * one milliseconds. Each request is small at any size of the data (LIMITs, one entity); they pass the query gate
 * like any client's, and the passes stop when the server stops.
 */
final class WarmUp {
    static final int PASSES = 10;
    /** Passes that include the SPARQL endpoint, each of whose requests is a line in Fuseki's request log. */
    static final int SPARQL_PASSES = 2;
    static final String USER_AGENT = "china-ai-kg warm-up";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("china-ai-kg");

    private final Supplier<List<HttpRequest>> prepare;
    private volatile List<HttpRequest> requests;
    private volatile boolean stopping;
    private volatile boolean done;
    private Thread thread;

    private WarmUp(Supplier<List<HttpRequest>> prepare) {
        this.prepare = prepare;
    }

    /** The requests of one pass against {@code base} ({@code http://localhost:PORT}), prepared now. */
    static WarmUp of(String base, DatasetGraph dsg, SavedQueries queries) {
        WarmUp w = later(base, dsg, queries);
        w.requests();
        return w;
    }

    /**
     * The same, its requests prepared on its own thread once started: finding an entity of the data is a query, which
     * at 10M triples held Jetty's started event for a second while the port already answered, and {@code GET /queries}
     * had no {@code X-Warm-Up} yet.
     */
    static WarmUp later(String base, DatasetGraph dsg, SavedQueries queries) {
        return new WarmUp(() -> requestsOf(base, dsg, queries));
    }

    private List<HttpRequest> requests() {
        List<HttpRequest> r = requests;
        if (r == null) requests = r = prepare.get();
        return r;
    }

    private static List<HttpRequest> requestsOf(String base, DatasetGraph dsg, SavedQueries queries) {
        List<HttpRequest> r = new ArrayList<>();
        r.add(form(base, "ASK {}", "application/sparql-results+json"));
        String select = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10";
        for (String accept : List.of("application/sparql-results+json", "application/sparql-results+xml", "text/csv", "text/tab-separated-values")) {
            r.add(get(base + KgServer.DATASET + "/sparql?query=" + enc(select), accept));
        }
        String construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 10";
        for (String accept : List.of("text/turtle", "application/ld+json", "application/rdf+xml", "application/n-triples")) {
            r.add(form(base, construct, accept));
        }
        Optional<String> entity = anEntity(dsg);
        for (SavedQuery q : queries.all()) {
            List<String> values = new ArrayList<>();
            boolean all = true;
            for (Parameter p : q.parameters()) {
                String v = p.type().equals("iri") ? entity.orElse(null) : p.type().equals("string") ? "a" : null;
                if (v == null) {
                    all = false;
                    break;
                }
                values.add(p.name() + "=" + enc(v));
            }
            if (!all || values.isEmpty()) continue;
            // Live (no-cache): the query path itself is what is warmed, not the cache.
            r.add(HttpRequest.newBuilder(URI.create(base + "/queries/" + q.name() + "?" + String.join("&", values)))
                    .header("Accept", "application/sparql-results+json").header("Cache-Control", "no-cache").header("User-Agent", USER_AGENT)
                    .timeout(Duration.ofSeconds(30)).build());
        }
        entity.filter(iri -> iri.startsWith(Iris.ID)).ifPresent(iri -> {
            String path = base + "/" + iri.substring(Iris.BASE.length());
            r.add(get(path, "text/html"));
            r.add(get(path, "text/turtle"));
        });
        r.add(get(base + "/search?q=a", "text/html"));
        r.add(get(base + "/search?q=a", "application/json"));
        r.add(get(base + "/", "text/html"));
        return List.copyOf(r);
    }

    /** One entity of the data (the subject of a label, under /id/ if there is one near the start of the index). */
    private static Optional<String> anEntity(DatasetGraph dsg) {
        Query q = QueryFactory.create("SELECT ?s WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l FILTER(STRSTARTS(STR(?s), \""
                + Iris.ID + "\")) } LIMIT 1");
        try {
            return Txn.calculateRead(dsg, () -> {
                try (QueryExec exec = QueryExec.dataset(dsg).query(q).timeout(2, java.util.concurrent.TimeUnit.SECONDS).build()) {
                    RowSet rows = exec.select();
                    if (!rows.hasNext()) return Optional.<String>empty();
                    Node s = rows.next().get("s");
                    return s != null && s.isURI() ? Optional.of(s.getURI()) : Optional.<String>empty();
                }
            });
        } catch (RuntimeException tooSlow) {
            return Optional.empty();
        }
    }

    synchronized void start() {
        if (thread != null) return;
        thread = new Thread(this::run, "warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        stopping = true;
        Thread t = thread;
        if (t != null) t.interrupt();
    }

    private void run() {
        long t0 = System.nanoTime();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int sent = 0;
        try {
            List<HttpRequest> requests = requests();
            for (int pass = 0; pass < PASSES && !stopping; pass++) {
                for (HttpRequest req : requests) {
                    if (stopping) return;
                    if (pass >= SPARQL_PASSES && req.uri().getPath().startsWith(KgServer.DATASET)) continue;
                    http.send(req, HttpResponse.BodyHandlers.discarding());
                    sent++;
                }
            }
            LOG.info("Request path warmed: {} requests of {} kinds in {} s", sent, requests.size(),
                    String.format("%.2f", (System.nanoTime() - t0) / 1e9));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.io.IOException | RuntimeException e) {
            if (!stopping) LOG.warn("Warm-up stopped: {}", e.toString());
        } finally {
            done = true;
        }
    }

    private static HttpRequest get(String url, String accept) {
        return HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).header("User-Agent", USER_AGENT)
                .timeout(Duration.ofSeconds(30)).build();
    }

    private static HttpRequest form(String base, String query, String accept) {
        return HttpRequest.newBuilder(URI.create(base + KgServer.DATASET + "/sparql"))
                .header("Accept", accept).header("Content-Type", "application/x-www-form-urlencoded").header("User-Agent", USER_AGENT)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("query=" + enc(query))).build();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** {@code running}, or {@code done} once every pass was sent (shown as {@code X-Warm-Up} on {@code GET /queries}). */
    String status() {
        return done ? "done" : "running";
    }

    /** Sends each request of a pass once; their statuses, in order (for tests: every one should be a 200). */
    List<Integer> sendOnce() throws java.io.IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        List<Integer> statuses = new ArrayList<>();
        for (HttpRequest req : requests()) statuses.add(http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode());
        return statuses;
    }

    /** For the log and tests: the kinds of request one pass sends. */
    List<String> kinds() {
        return requests().stream().map(r -> r.method() + " " + r.uri().getPath()).collect(Collectors.toList());
    }
}
