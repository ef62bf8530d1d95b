package org.chinaaikg.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.chinaaikg.describe.DatasetMetadata;
import org.chinaaikg.query.Parameter;
import org.chinaaikg.query.QueryRunner;
import org.chinaaikg.query.ResultFormat;
import org.chinaaikg.query.SavedQueries;
import org.chinaaikg.query.SavedQuery;
import org.chinaaikg.store.StoredAnswers;
import org.chinaaikg.web.html.QueryPage;
import org.chinaaikg.web.html.SavedQueryCard;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /queries}: the saved queries as JSON; {@code GET /queries/NAME} runs one (format by Accept, or by a
 * {@code .csv}, {@code .tsv}, {@code .json}, {@code .xml} suffix), with parameters from the URL's query string.
 * Answers are cached (header {@code X-Cache: hit} or {@code miss}); a request with {@code Cache-Control: no-cache}
 * is answered live (and refreshes the cache). From start, a background thread fills the cache with the answer of every
 * saved query that needs no parameter value (the aggregates over everything: counts, statistics...) in each format,
 * one query at a time through the gate (without taking a long-running slot from clients), so that their first request is a hit; {@code GET /queries} tells how far it
 * got in the header {@code X-Cache-Warm} ({@code running N/M}, then {@code done N/M}), and {@code X-Warm-Up} how far the
 * request path's warm-up is ({@link WarmUp}: {@code running}, {@code done}).
 */
public final class SavedQueryServlet extends HttpServlet {
    private final DatasetGraph dsg;
    private final SavedQueries queries;
    private final long timeoutMillis;
    /**
     * Answers by query, format and parameter values. The store is opened read-only for the life of the server, so an
     * answer stays right until the next start (a new store version starts with an empty cache). Bounded by bytes.
     */
    private final Cache<String, Answer> cache = Caffeine.newBuilder()
            .maximumWeight(CACHE_BYTES)
            .weigher((String k, Answer a) -> a.body().length + k.length())
            .build();

    private static final String HTML = "text/html";

    /**
     * What {@code /queries/NAME} offers, JSON first (the default of clients that accept anything); a browser, which
     * names text/html, gets the query's page with its form, results and code.
     */
    private static final List<String> OFFERED = List.of(ResultFormat.JSON.contentType, "application/json",
            ResultFormat.CSV.contentType, ResultFormat.TSV.contentType, ResultFormat.XML.contentType, "application/xml", HTML);

    static final long CACHE_BYTES = 64L * 1024 * 1024;
    static final int MAX_CACHED_ANSWER = 4 * 1024 * 1024;

    private final QueryGate gate;

    private final DatasetMetadata about;

    /** An entity's label by its IRI, for the page (the form shows whom it was run on, the results name what they link). */
    private final QueryPage.Labels labels;

    /** The formats an answer is warmed in: every one {@code /queries/NAME} serves. */
    static final List<ResultFormat> WARM_FORMATS = ResultFormat.suffixed();
    /** A warm-up query runs in the background, one at a time: it may take longer than a request (an aggregate at 10M). */
    static final long WARM_TIMEOUT_MILLIS = 10 * 60 * 1000;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("china-ai-kg");
    private final java.util.concurrent.atomic.AtomicInteger warmed = new java.util.concurrent.atomic.AtomicInteger();
    private volatile int warmable = -1;
    private volatile boolean warmDone;
    private volatile boolean stopping;
    private volatile QueryGate.Ticket warming;
    private Thread warmer;

    /** The answers load stored with the store, for the saved queries without parameter values (read from disk). */
    private final StoredAnswers stored;

    public SavedQueryServlet(DatasetGraph dsg, SavedQueries queries, long timeoutMillis, QueryGate gate, DatasetMetadata about,
                             QueryPage.Labels labels) {
        this(dsg, queries, timeoutMillis, gate, about, labels, StoredAnswers.of(dsg));
    }

    SavedQueryServlet(DatasetGraph dsg, SavedQueries queries, long timeoutMillis, QueryGate gate, DatasetMetadata about,
                      QueryPage.Labels labels, StoredAnswers stored) {
        this.stored = stored;
        this.dsg = dsg;
        this.about = about;
        this.labels = labels;
        this.queries = queries;
        this.timeoutMillis = timeoutMillis;
        this.gate = gate;
    }

    /**
     * Runs a saved query through the gate, with the endpoint's protections: REGEX and REPLACE stop at the deadline,
     * strings at their length limit, and the gate (or the memory watchdog) can stop it. Null when it was refused or
     * stopped: the answer (503 with Retry-After, or 422 for a string over the limit) is sent.
     */
    private QueryRunner.Result run(HttpServletResponse resp, SavedQuery query, Binding binding) throws IOException {
        try (QueryGate.Ticket ticket = gate.enter()) {
            if (timeoutMillis > 0) BoundedRegex.deadline(System.nanoTime() + timeoutMillis * 1_000_000);
            try {
                return QueryRunner.run(dsg, guarded.computeIfAbsent(query.name(),
                        n -> BoundedStrings.bound(BoundedRegex.bound(query.query()))), binding, timeoutMillis, ticket::attach);
            } catch (BoundedStrings.TooLong e) {
                text(resp, 422, e.getMessage());
                return null;
            } catch (org.apache.jena.query.QueryCancelledException e) {
                if (ticket.stoppedBecause() == null) throw e;
                busy(resp, ticket.stoppedBecause());
                return null;
            } catch (OutOfMemoryError e) {
                busy(resp, "The server ran out of memory for this query: retry in " + Limits.RETRY_AFTER_SECONDS + " s.");
                return null;
            } finally {
                BoundedRegex.clear();
            }
        } catch (QueryGate.Full full) {
            busy(resp, full.getMessage());
            return null;
        }
    }

    private static void busy(HttpServletResponse resp, String message) throws IOException {
        resp.setHeader("Retry-After", String.valueOf(Limits.RETRY_AFTER_SECONDS));
        text(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, message);
    }

    /** Each saved query with its REGEX, REPLACE and string functions bounded, made once. */
    private final java.util.Map<String, org.apache.jena.query.Query> guarded = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        if (req.getServletPath().equals("/queries") && (path.isEmpty() || path.equals("/"))) {
            list(resp);
            return;
        }
        String name = path.startsWith("/") ? path.substring(1) : path;
        String negotiated = Conneg.choose(req.getHeader("Accept"), OFFERED).orElse(OFFERED.get(0));
        ResultFormat format = negotiated.equals(HTML) ? ResultFormat.JSON : ResultFormat.ofMediaType(negotiated);
        int dot = name.lastIndexOf('.');
        boolean suffixed = dot > 0 && ResultFormat.ofSuffix(name.substring(dot + 1)) != null;
        if (suffixed) {
            format = ResultFormat.ofSuffix(name.substring(dot + 1));
            name = name.substring(0, dot);
        }
        SavedQuery query = queries.named(name).orElse(null);
        if (query == null) {
            text(resp, HttpServletResponse.SC_NOT_FOUND, "No saved query named '" + name + "'. The list is at /queries.");
            return;
        }
        if (!suffixed && negotiated.equals(HTML)) {
            page(req, resp, query);
            return;
        }
        Binding binding;
        Map<String, List<String>> values = new LinkedHashMap<>();
        try {
            req.getParameterMap().forEach((k, v) -> values.put(k, Arrays.asList(v)));
            binding = query.bind(values);
        } catch (Parameter.BadParameter e) {
            text(resp, HttpServletResponse.SC_BAD_REQUEST, "Bad request: " + e.getMessage());
            return;
        }
        String key = key(name, format, binding);
        String cacheControl = req.getHeader("Cache-Control");
        boolean live = cacheControl != null && cacheControl.toLowerCase(java.util.Locale.ROOT).contains("no-cache");
        Optional<StoredAnswers.Answer> answered = values.isEmpty() && !live ? stored.current(query) : Optional.empty();
        if (answered.isPresent()) {
            sendStored(req, resp, answered.get(), format);
            return;
        }
        Answer cached = live ? null : cache.getIfPresent(key);
        if (cached != null) {
            send(resp, cached, "hit");
            return;
        }
        QueryRunner.Result result;
        try {
            result = run(resp, query, binding);
            if (result == null) return;
        } catch (RuntimeException e) {
            if (QueryRunner.isTimeout(e)) {
                text(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Query '" + name + "' timed out after " + timeoutMillis + " ms.");
                return;
            }
            throw e;
        }
        Answer answer = answer(result, format);
        if (answer.body().length <= MAX_CACHED_ANSWER) cache.put(key, answer);
        send(resp, answer, "miss");
    }

    /** What an answer is cached under: the query, the format and the values bound (the same for live and warmed). */
    private static String key(String name, ResultFormat format, Binding binding) {
        return name + " " + format + " " + binding;
    }

    private static Answer answer(QueryRunner.Result result, ResultFormat format) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        QueryRunner.write(result, format, body);
        return new Answer(QueryRunner.contentType(result, format), body.toByteArray());
    }

    /** The request path's warm-up, whose state {@code GET /queries} shows too. */
    private volatile WarmUp pathWarmUp;

    void pathWarmUp(WarmUp warmUp) {
        this.pathWarmUp = warmUp;
    }

    DatasetGraph dataset() {
        return dsg;
    }

    SavedQueries queries() {
        return queries;
    }

    /** Starts filling the cache in the background (once; {@link KgServer#build} calls it when the server has started). */
    public synchronized void startWarming() {
        if (warmer != null) return;
        warmer = new Thread(this::warm, "saved-query-warm");
        warmer.setDaemon(true);
        warmer.start();
    }

    /** Stops the warm-up (its running query is stopped) and waits a little for it, so that the store can be released. */
    public void stopWarming() {
        Thread t;
        synchronized (this) {
            stopping = true;
            t = warmer;
        }
        if (t == null) return;
        QueryGate.Ticket ticket = warming;
        if (ticket != null) ticket.stop("The server is stopping.");
        t.interrupt();
        try {
            t.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** "running N/M" or "done N/M": saved queries warmed, of those that need no parameter value. */
    String warmStatus() {
        int of = warmable;
        return (warmDone ? "done " : "running ") + warmed.get() + "/" + (of < 0 ? "?" : String.valueOf(of));
    }

    private void warm() {
        long t0 = System.nanoTime();
        try {
            List<SavedQuery> all = queries.all().stream().filter(q -> {
                try {
                    q.bind(Map.of());
                    return true;
                } catch (Parameter.BadParameter e) {
                    return false;
                }
            }).toList();
            warmable = all.size();
            for (SavedQuery q : all) {
                if (stopping) return;
                if (stored.current(q).isPresent()) {
                    // Answered from the store's files: nothing to compute.
                    warmed.incrementAndGet();
                    continue;
                }
                Binding binding = q.bind(Map.of());
                QueryRunner.Result result = warmRun(q, binding);
                if (result == null) continue;
                for (ResultFormat f : WARM_FORMATS) {
                    String key = key(q.name(), f, binding);
                    if (cache.getIfPresent(key) != null) continue;
                    Answer a = answer(result, f);
                    if (a.body().length <= MAX_CACHED_ANSWER) cache.put(key, a);
                }
                warmed.incrementAndGet();
            }
            LOG.info("Saved-query cache warm: {} of {} saved queries (those without required parameters) in {} s",
                    warmed.get(), queries.all().size(), String.format("%.2f", (System.nanoTime() - t0) / 1e9));
        } catch (RuntimeException | Parameter.BadParameter e) {
            if (!stopping) LOG.warn("Saved-query cache warm-up stopped: {}", e.toString());
        } finally {
            warmDone = true;
        }
    }

    /** Runs a query for the warm-up through the gate (waiting for a slot); null if it failed or the server stops. */
    private QueryRunner.Result warmRun(SavedQuery query, Binding binding) {
        while (!stopping) {
            try (QueryGate.Ticket ticket = gate.enterBackground()) {
                warming = ticket;
                BoundedRegex.deadline(System.nanoTime() + WARM_TIMEOUT_MILLIS * 1_000_000);
                try {
                    return QueryRunner.run(dsg, guarded.computeIfAbsent(query.name(),
                            n -> BoundedStrings.bound(BoundedRegex.bound(query.query()))), binding, WARM_TIMEOUT_MILLIS, ticket::attach);
                } catch (RuntimeException | OutOfMemoryError e) {
                    if (!stopping) LOG.warn("Saved query {} not warmed: {}", query.name(), e.toString());
                    return null;
                } finally {
                    warming = null;
                    BoundedRegex.clear();
                }
            } catch (QueryGate.Full full) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** A saved query's answer, as sent. */
    private record Answer(String contentType, byte[] body) {}

    /**
     * A stored answer as load wrote it, streamed from its file (whatever its size, never held), with the validators of
     * the store's version; {@code X-Cache: stored}.
     */
    private void sendStored(HttpServletRequest req, HttpServletResponse resp, StoredAnswers.Answer answer, ResultFormat format) throws IOException {
        resp.setHeader("Vary", "Accept");
        resp.setHeader("X-Cache", "stored");
        resp.setContentType(Responses.withCharset(format.contentType));
        ConditionalRequests.Streamed streamed = ConditionalRequests.streamed(req, resp);
        if (streamed.notModified()) return;
        Responses.file(resp, format.contentType, stored.file(answer, format), answer.bytes().get(format), streamed.head());
    }

    private static void send(HttpServletResponse resp, Answer answer, String cacheStatus) throws IOException {
        resp.setHeader("Vary", "Accept");
        resp.setHeader("X-Cache", cacheStatus);
        Responses.send(resp, HttpServletResponse.SC_OK, answer.contentType(), answer.body());
    }

    private void page(HttpServletRequest req, HttpServletResponse resp, SavedQuery query) throws IOException {
        Map<String, String> given = new LinkedHashMap<>();
        req.getParameterMap().forEach((k, v) -> given.put(k, v.length > 0 ? v[0] : ""));
        SavedQueryCard card = new SavedQueryCard(query.name(), query.summary(), query.description(),
                query.parameters().stream().map(Parameter::name).toList(), query.text(),
                query.parameters().stream().filter(p -> p.type().equals("iri")).map(Parameter::name).toList());
        String origin = Http.absolute(req, "");
        int status = HttpServletResponse.SC_OK;
        String html;
        try {
            Map<String, List<String>> values = new LinkedHashMap<>();
            given.forEach((k, v) -> values.put(k, List.of(v)));
            Binding binding = query.bind(values);
            Optional<StoredAnswers.Answer> answered = given.isEmpty() ? stored.current(query) : Optional.empty();
            if (answered.isPresent()) {
                // The stored answer's first rows, read from its file: the page of an aggregate at 10M is a read too.
                try (StoredAnswers.Rows open = stored.rows(answered.get())) {
                    org.apache.jena.sparql.exec.RowSet rows = open.rows();
                    List<Binding> first = new java.util.ArrayList<>();
                    while (rows.hasNext() && first.size() < QueryPage.MAX_ROWS) first.add(rows.next());
                    html = QueryPage.render(origin, card, about, labels, given, rows.getResultVars(), first, answered.get().rows(), null);
                }
            } else {
                QueryRunner.Result result = run(resp, query, binding);
                if (result == null) return;
                html = page(origin, card, given, result);
            }
        } catch (Parameter.BadParameter e) {
            // A first visit without parameters is not an error: the page shows the form.
            status = given.isEmpty() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_BAD_REQUEST;
            html = QueryPage.render(origin, card, about, labels, given, null, List.of(), given.isEmpty() ? "Fill in the parameters and run." : e.getMessage());
        } catch (RuntimeException e) {
            if (!QueryRunner.isTimeout(e)) throw e;
            status = HttpServletResponse.SC_SERVICE_UNAVAILABLE;
            html = QueryPage.render(origin, card, about, labels, given, null, List.of(), "The query timed out after " + timeoutMillis + " ms.");
        }
        resp.setHeader("Vary", "Accept, Host");
        Responses.send(resp, status, HTML, html.getBytes(StandardCharsets.UTF_8));
    }

    /** The page of a live answer: its rows, or a note for a query that returns none. */
    private String page(String origin, SavedQueryCard card, Map<String, String> given, QueryRunner.Result result) {
        if (!(result instanceof QueryRunner.Rows rows)) {
            return QueryPage.render(origin, card, about, labels, given, null, List.of(), "This query does not return rows: use the data links.");
        }
        rows.rows().reset();
        List<Binding> list = new java.util.ArrayList<>();
        rows.rows().forEachRemaining(list::add);
        return QueryPage.render(origin, card, about, labels, given, rows.rows().getResultVars(), list, null);
    }

    private void list(HttpServletResponse resp) throws IOException {
        JsonArray list = new JsonArray();
        for (SavedQuery q : queries.all()) {
            JsonObject o = new JsonObject();
            o.put("name", q.name());
            o.put("summary", q.summary());
            o.put("description", q.description());
            JsonArray tags = new JsonArray();
            q.tags().forEach(tags::add);
            o.put("tags", tags);
            JsonArray params = new JsonArray();
            for (Parameter p : q.parameters()) {
                JsonObject po = new JsonObject();
                po.put("name", p.name());
                po.put("type", p.type());
                po.put("required", p.required());
                po.put("description", p.describe());
                params.add(po);
            }
            o.put("parameters", params);
            JsonObject links = new JsonObject();
            links.put("json", "/queries/" + q.name() + ".json");
            links.put("csv", "/queries/" + q.name() + ".csv");
            links.put("tsv", "/queries/" + q.name() + ".tsv");
            links.put("xml", "/queries/" + q.name() + ".xml");
            o.put("links", links);
            o.put("sparql", q.text());
            list.add(o);
        }
        resp.setHeader("X-Cache-Warm", warmStatus());
        WarmUp path = pathWarmUp;
        if (path != null) resp.setHeader("X-Warm-Up", path.status());
        Responses.send(resp, HttpServletResponse.SC_OK, "application/json", JSON.toString(list).getBytes(StandardCharsets.UTF_8));
    }

    private static void text(HttpServletResponse resp, int status, String message) throws IOException {
        Responses.text(resp, status, message);
    }
}
