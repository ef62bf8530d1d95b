package org.chinaaikg.bench;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;

/**
 * Peers side by side ({@code bench/run.sh --peers}), on the bundled data by default: our server, plain Apache Jena Fuseki on a
 * copy of the same store, OpenLink Virtuoso 7.2 (Debian's {@code virtuoso-opensource}, started here on loopback with
 * its own ini in a work directory) and Oxigraph (npm {@code oxigraph}, in process in Node, no HTTP). Every engine
 * gets the same quads: our {@code load} builds the store (the files, one named graph per file, plus the entailments
 * graph), {@code tdb2.tdbdump} writes it as N-Quads, and Virtuoso's bulk loader and Oxigraph load that file, so each
 * triple sits in the same named graph everywhere; queries see the union of the graphs as their default graph.
 * <p>
 * The queries are every saved query of {@code queries/} (parameters written into the text: Baidu, "iflytek";
 * optional ones left unbound) and {@code ASK {}} (the floor). Engines run one after another, each alone on the
 * machine; per engine, each query is sent 3 times to warm up and then {@code --repeats} times (p50). HTTP engines
 * share one client (JDK, HTTP/1.1 keep-alive, a form POST to the SPARQL endpoint, JSON results). The whole is
 * done {@code --rounds} times; a figure is the median of the rounds' p50s. A query whose row count differs
 * between engines is reported, not timed.
 * <p>
 * {@code --sizes bundled,1m,10m} adds synthetic data ({@link SyntheticData}, the Bench's seed), each size in its own
 * work directory: our {@code load} (timed), the dump, each peer's own loader on it (timed); our server waits for its
 * saved-query warm-up before it is measured; the queries are the Bench's mix, the saved queries that find something
 * in that data, and {@code ASK {}}, each with a time budget (see {@link Plan}) and a timeout.
 */
public final class Peers {
    static final String KG = "https://w3id.org/china-ai-kg/id/";
    static final String[] ENGINES = {"ours", "plain Fuseki", "Virtuoso", "Oxigraph"};
    static final String USAGE = "usage: bench/run.sh --peers [--sizes bundled,1m,10m] [--repeats 20] [--rounds 2] [--seed 42]"
            + " [--budget 10] [--timeout 120] [--ours-only STORE --data DIR] [--resume DIR --ours-only STORE --triples N] [--slow-min 3]\n  --sizes: the bundled data and/or synthetic sizes (SyntheticData, --seed as in the"
            + " Bench); default bundled\n  --budget: at synthetic sizes, seconds of timed repeats a query gets on each engine"
            + " (at least 5 repeats, at most --repeats)\n  --timeout: at synthetic sizes, seconds one request may take before the"
            + " query is reported as failed on that engine";

    record Q(String name, String text) {}

    /** Timed calls at least, for a query whose first call takes over a fifth of the budget ({@code --slow-min}). */
    static int slowMin = 3;

    /**
     * How a query is measured on an engine: {@code warmups} calls, then timed calls until {@code max}, stopping after
     * {@code min} once {@code budget} seconds are spent; a query whose first call takes over a fifth of the budget gets
     * one warm-up and 3 timed calls at least. A call over {@code timeout} seconds (0: none) fails the query.
     */
    record Plan(int warmups, int min, int max, double budget, double timeout) {
        static Plan fixed(int repeats) {
            return new Plan(3, repeats, repeats, Double.POSITIVE_INFINITY, 0);
        }
    }

    /** What one engine measured for the queries, round after round. */
    static final class Figures {
        final Map<String, Map<String, List<Double>>> p50 = new LinkedHashMap<>();
        final Map<String, Map<String, List<Double>>> p99 = new LinkedHashMap<>();
        final Map<String, Map<String, Integer>> samples = new LinkedHashMap<>();
        final Map<String, Map<String, Long>> rows = new LinkedHashMap<>();
        final Map<String, Map<String, String>> errors = new LinkedHashMap<>();

        void add(String engine, String query, long n, List<Double> times, String error) {
            rows.computeIfAbsent(engine, k -> new LinkedHashMap<>()).put(query, n);
            p50.computeIfAbsent(engine, k -> new LinkedHashMap<>()).computeIfAbsent(query, k -> new ArrayList<>())
                    .add(times.isEmpty() ? Double.NaN : Bench.percentile(times, 50));
            p99.computeIfAbsent(engine, k -> new LinkedHashMap<>()).computeIfAbsent(query, k -> new ArrayList<>())
                    .add(times.isEmpty() ? Double.NaN : Bench.percentile(times, 99));
            samples.computeIfAbsent(engine, k -> new LinkedHashMap<>()).merge(query, times.size(), Integer::sum);
            if (error != null) errors.computeIfAbsent(engine, k -> new LinkedHashMap<>()).put(query, error);
        }

        void add(String engine, String query, long n, double p50ms, double p99ms, int count, String error) {
            rows.computeIfAbsent(engine, k -> new LinkedHashMap<>()).put(query, n);
            p50.computeIfAbsent(engine, k -> new LinkedHashMap<>()).computeIfAbsent(query, k -> new ArrayList<>()).add(p50ms);
            p99.computeIfAbsent(engine, k -> new LinkedHashMap<>()).computeIfAbsent(query, k -> new ArrayList<>()).add(p99ms);
            samples.computeIfAbsent(engine, k -> new LinkedHashMap<>()).merge(query, count, Integer::sum);
            if (error != null) errors.computeIfAbsent(engine, k -> new LinkedHashMap<>()).put(query, error);
        }
    }

    public static void main(String[] args) throws Exception {
        int repeats = 20;
        int rounds = 2;
        long seed = 42;
        double budget = 10;
        double timeout = 120;
        List<String> sizes = List.of("bundled");
        Path oursStore = null;
        Path oursData = null;
        Path resume = null;
        long triples = -1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--peers" -> { }
                case "--ours-only" -> oursStore = Path.of(args[++i]).toAbsolutePath();
                case "--resume" -> resume = Path.of(args[++i]).toAbsolutePath();
                case "--triples" -> triples = Long.parseLong(args[++i]);
                case "--slow-min" -> slowMin = Integer.parseInt(args[++i]);
                case "--data" -> oursData = Path.of(args[++i]).toAbsolutePath();
                case "--repeats" -> repeats = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--budget" -> budget = Double.parseDouble(args[++i]);
                case "--timeout" -> timeout = Double.parseDouble(args[++i]);
                case "--sizes" -> sizes = Arrays.stream(args[++i].split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
                case "--help", "-h" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        for (String size : sizes) {
            if (!size.equals("bundled")) Bench.size(size); // fails early on a bad size
        }
        Path root = Path.of("").toAbsolutePath();
        if (resume != null) {
            if (oursStore == null) throw new IllegalArgumentException("--resume DIR needs --ours-only STORE (a store current for this code)\n" + USAGE);
            resumed(root, resume, oursStore, triples, seed, new Plan(3, Math.min(5, repeats), repeats, budget, timeout), timeout).forEach(System.out::println);
            return;
        }
        if (oursStore != null) {
            if (oursData == null) throw new IllegalArgumentException("--ours-only STORE needs --data DIR (what the store was loaded from)\n" + USAGE);
            oursOnly(root, oursStore, oursData, new Plan(3, Math.min(5, repeats), repeats, budget, timeout)).forEach(System.out::println);
            return;
        }
        for (String size : sizes) {
            List<String> out = size.equals("bundled") ? bundled(root, repeats, rounds)
                    : synthetic(root, size, Bench.size(size), seed, repeats, rounds, budget, timeout);
            System.out.println();
            out.forEach(System.out::println);
            System.out.flush();
        }
    }

    static List<String> bundled(Path root, int repeats, int rounds) throws Exception {
        Path work = root.resolve("bench/work/peers");
        Bench.deleteRecursively(work);
        Files.createDirectories(work);
        Path jar = root.resolve("target/china-ai-kg.jar");
        Path fusekiJar = root.resolve("bench/lib/jena-fuseki-server-5.6.0.jar");

        // The same quads for every engine.
        Path store = work.resolve("store");
        double ourLoad = Bench.time(List.of(Bench.java(), "-jar", jar.toString(), "load", "--store", store.toString(),
                "--data", root.resolve("data").toString(), "--ontology", root.resolve("ontology").toString()), work, "ours");
        Path nq = dump(work, fusekiJar, store);
        long quads = quads(nq);
        Set<String> ourGraphs = graphs(nq);
        Bench.log("%,d quads in %d named graphs (ours: load %.1f s)", quads, ourGraphs.size(), ourLoad);

        List<Q> queries = queries(root);
        Figures f = new Figures();
        Plan plan = Plan.fixed(repeats);
        Map<String, String> loads = new LinkedHashMap<>();
        loads.put("ours", String.format(Locale.ROOT, "`load` %.1f s (JVM start, parse, SHACL, entailments, indexes)", ourLoad));
        for (int r = 0; r < rounds; r++) {
            // ours
            Bench.Command ours = port -> Bench.ourCommand(jar, List.of(), "serve", "--port", String.valueOf(port),
                    "--store", store.toString(), "--data", root.resolve("data").toString(), "--ontology", root.resolve("ontology").toString(),
                    "--queries", root.resolve("queries").toString());
            Bench.Server s = Bench.Server.start(ours, work, "ours");
            try {
                waitForWarmUp(s.base, 600);
                measureHttp("ours", s.base + "/kg/sparql", "", queries, plan, f);
            } finally {
                s.stop();
            }
            measurePlain(fusekiJar, jar, store, work, queries, plan, f);
            // Virtuoso
            Virtuoso v = Virtuoso.start(work.resolve("virtuoso"), nq.getParent(), 100_000, 60_000, 60);
            try {
                if (r == 0) loads.put("Virtuoso", String.format(Locale.ROOT, "`ld_dir` + `rdf_loader_run` + `checkpoint` %.1f s (server running)", v.loadSeconds));
                measureHttp("Virtuoso", v.sparql, v.defines(ourGraphs, r == 0), queries, plan, f);
            } finally {
                v.stop();
            }
            // Oxigraph, in process in Node
            OxLoad ox = oxigraph(root, work, nq, false, queries, plan, 600, f);
            loads.putIfAbsent("Oxigraph", String.format(Locale.ROOT, "`Store.load` %.1f s (in process, %d quads)", ox.seconds(), ox.size()));
        }

        // The table.
        List<String> out = new ArrayList<>();
        out.add("");
        out.add(String.format(Locale.ROOT, "%,d quads, %d named graphs; engines one after another, %d rounds, %d repeats a query (p50, ms; median of the rounds)",
                quads, ourGraphs.size(), rounds, repeats));
        out.add("");
        table(queries, f, out);
        out.add("");
        out.add("Loads of the same " + String.format("%,d", quads) + " quads:");
        loads.forEach((k, v) -> out.add("- " + k + ": " + v));
        return out;
    }

    /** The p50 table (ratios, geometric means) and the list of queries whose row counts differ. */
    static void table(List<Q> queries, Figures f, List<String> out) {
        out.add("| query | rows | ours | plain Fuseki | Virtuoso | Oxigraph | ours/plain | ours/Virtuoso | ours/Oxigraph |");
        out.add("|---|--:|--:|--:|--:|--:|--:|--:|--:|");
        double[] logSum = new double[3];
        int[] n = new int[3];
        List<String> differing = new ArrayList<>();
        for (Q q : queries) {
            Long base = f.rows.get("ours").get(q.name());
            StringBuilder line = new StringBuilder("| `" + q.name() + "` | " + base + " |");
            double[] t = new double[ENGINES.length];
            boolean[] same = new boolean[ENGINES.length];
            List<String> diff = new ArrayList<>();
            for (int e = 0; e < ENGINES.length; e++) {
                Long got = f.rows.get(ENGINES[e]).get(q.name());
                same[e] = base != null && base >= 0 && base.equals(got);
                t[e] = Bench.median(f.p50.get(ENGINES[e]).get(q.name()));
                line.append(same[e] ? String.format(Locale.ROOT, " %.2f |", t[e]) : (got != null && got < 0 ? " failed |" : " rows " + got + " |"));
                if (e > 0 && !same[e]) diff.add(ENGINES[e] + " " + (got != null && got < 0 ? "failed" : got));
            }
            for (int e = 1; e < ENGINES.length; e++) {
                if (same[e] && same[0]) {
                    double ratio = t[0] / t[e];
                    line.append(String.format(Locale.ROOT, " %.2f |", ratio));
                    logSum[e - 1] += Math.log(ratio);
                    n[e - 1]++;
                } else line.append(" |");
            }
            out.add(line.toString());
            if (!diff.isEmpty()) differing.add("`" + q.name() + "`: ours " + (base != null && base < 0 ? "failed" : base + " rows") + ", " + String.join(", ", diff));
        }
        StringBuilder geo = new StringBuilder("| **geometric mean of ours/peer** | | | | | |");
        for (int e = 0; e < 3; e++) geo.append(n[e] == 0 ? " |" : String.format(Locale.ROOT, " **%.2f** (%d) |", Math.exp(logSum[e] / n[e]), n[e]));
        out.add(geo.toString());
        out.add("");
        if (differing.isEmpty()) out.add("Every engine returned the same number of rows for every query.");
        else {
            out.add("Row counts that differ (not timed):");
            differing.forEach(d -> out.add("- " + d));
        }
        f.errors.forEach((engine, byQuery) -> byQuery.forEach((q, e) -> out.add("- " + engine + ", `" + q + "`: " + e)));
    }

    // ---------------------------------------------------------------- synthetic data

    /**
     * Synthetic data ({@link SyntheticData}, the Bench's seed) at one size: our {@code load} (a fresh JVM, wall clock),
     * the store dumped as N-Quads, Virtuoso's bulk loader and Oxigraph's {@code Store.load} on those quads (timed),
     * plain Fuseki on a copy of our store; then the Bench's mix, the saved queries that find something in this
     * data, and {@code ASK {}}, engine after engine, round after round.
     */
    static List<String> synthetic(Path root, String label, long size, long seed, int repeats, int rounds, double budget, double timeout) throws Exception {
        long started = System.nanoTime();
        Path work = root.resolve("bench/work/peers-" + label.toLowerCase(Locale.ROOT));
        Bench.deleteRecursively(work);
        Files.createDirectories(work);
        Path jar = root.resolve("target/china-ai-kg.jar");
        Path fusekiJar = root.resolve("bench/lib/jena-fuseki-server-5.6.0.jar");
        Path data = work.resolve("data");
        long triples = SyntheticData.write(data, size, seed);
        // The ontology without its SHACL shapes, as in the Bench: the synthetic claims do not carry everything they ask.
        Path ontology = Files.createDirectories(work.resolve("ontology"));
        Files.copy(root.resolve("ontology/china-ai-kg.ttl"), ontology.resolve("china-ai-kg.ttl"));
        Bench.log("%,d triples generated in %s", triples, data);

        Path store = work.resolve("store");
        double ourLoad = Bench.time(List.of(Bench.java(), "-jar", jar.toString(), "load", "--store", store.toString(),
                "--data", data.toString(), "--ontology", ontology.toString()), work, "ours");
        long t0 = System.nanoTime();
        Path nq = dump(work, fusekiJar, store);
        double dumpSeconds = Bench.seconds(t0);
        long quads = quads(nq);
        Set<String> ourGraphs = graphs(nq);
        Bench.log("%,d triples generated; our store: %,d quads in %d named graphs (load %.1f s, tdbdump %.1f s)",
                triples, quads, ourGraphs.size(), ourLoad, dumpSeconds);

        List<Q> queries = syntheticQueries(root);
        Figures f = new Figures();
        Plan plan = new Plan(3, Math.min(5, repeats), repeats, budget, timeout);
        List<Double> virtuosoLoads = new ArrayList<>();
        List<Double> oxigraphLoads = new ArrayList<>();
        Map<String, List<Double>> oursOnly = new LinkedHashMap<>();
        Map<String, Long> oursOnlyRows = new LinkedHashMap<>();
        int buffers = size > 2_000_000 ? 680_000 : 170_000; // 8 KB pages: 1.3 GB at 1M, 5.4 GB at 10M
        for (int r = 0; r < rounds; r++) {
            measureOurs(root, jar, store, data, ontology, work, "ours", queries, plan, timeout, f, oursOnly, oursOnlyRows);
            measurePlain(fusekiJar, jar, store, work, queries, plan, f);
            Virtuoso v = Virtuoso.start(work.resolve("virtuoso"), nq.getParent(), buffers, buffers * 3 / 4, (long) Math.ceil(timeout));
            try {
                virtuosoLoads.add(v.loadSeconds);
                Bench.log("Virtuoso: bulk load %.1f s", v.loadSeconds);
                measureHttp("Virtuoso", v.sparql, v.defines(ourGraphs, r == 0), queries, plan, f);
            } finally {
                v.stop();
            }
            Bench.deleteRecursively(work.resolve("virtuoso"));
            oxigraphLoads.add(oxigraph(root, work, nq, true, queries, plan, timeout, f).seconds());
            if (r < rounds - 1) {
                Bench.log("after round %d of %d:", r + 1, rounds);
                syntheticTable(label, seed, triples, quads, ourGraphs.size(), r + 1, plan, started, queries, f, oursOnly, oursOnlyRows,
                        ourLoad, virtuosoLoads, oxigraphLoads, dumpSeconds).forEach(l -> System.err.println(l));
            }
        }
        return syntheticTable(label, seed, triples, quads, ourGraphs.size(), rounds, plan, started, queries, f, oursOnly, oursOnlyRows,
                ourLoad, virtuosoLoads, oxigraphLoads, dumpSeconds);
    }

    static List<String> syntheticTable(String label, long seed, long triples, long quads, int graphs, int rounds, Plan plan, long started,
                                       List<Q> queries, Figures f, Map<String, List<Double>> oursOnly, Map<String, Long> oursOnlyRows,
                                       double ourLoad, List<Double> virtuosoLoads, List<Double> oxigraphLoads, double dumpSeconds) {
        List<String> out = new ArrayList<>();
        out.add("");
        out.add(String.format(Locale.ROOT, "Synthetic data, %s (seed %d): %,d triples generated; %,d quads in %d named graphs in our store"
                + " (with the entailments); engines one after another, %s; each query %d warm-up calls, then %d to %d timed"
                + " within %.0f s (p50, ms; median of the rounds); %.1f minutes from the start", label, seed, triples, quads, graphs, rounds == 1 ? "1 round" : rounds + " rounds",
                plan.warmups(), plan.min(), plan.max(), plan.budget(), Bench.seconds(started) / 60));
        out.add("");
        table(queries, f, out);
        out.add("");
        out.add("Against the best HTTP peer (plain Fuseki or Virtuoso, where its row count is ours), p50:");
        out.add("");
        out.add("| query | best HTTP peer | its p50 ms | ours p50 ms | ours/best |");
        out.add("|---|---|--:|--:|--:|");
        double logBest = 0;
        int nBest = 0;
        for (Q q : queries) {
            Long base = f.rows.get("ours").get(q.name());
            if (base == null || base < 0) continue;
            String best = null;
            double bestT = Double.POSITIVE_INFINITY;
            for (String e : List.of("plain Fuseki", "Virtuoso")) {
                double t = Bench.median(f.p50.get(e).get(q.name()));
                if (base.equals(f.rows.get(e).get(q.name())) && t < bestT) {
                    best = e;
                    bestT = t;
                }
            }
            if (best == null) continue;
            double ours = Bench.median(f.p50.get("ours").get(q.name()));
            logBest += Math.log(ours / bestT);
            nBest++;
            out.add(String.format(Locale.ROOT, "| `%s` | %s | %.2f | %.2f | %.2f |", q.name(), best, bestT, ours, ours / bestT));
        }
        if (nBest > 0) out.add(String.format(Locale.ROOT, "| **geometric mean** | | | | **%.2f** (%d) |", Math.exp(logBest / nBest), nBest));
        out.add("");
        out.add("p99, ms (with " + plan.min() + " to " + plan.max() + " samples a round: the slowest or next to slowest call; median of the rounds), and samples in all:");
        out.add("");
        out.add("| query | ours | plain Fuseki | Virtuoso | Oxigraph | samples (ours, plain, Virtuoso, Oxigraph) |");
        out.add("|---|--:|--:|--:|--:|--:|");
        for (Q q : queries) {
            StringBuilder line = new StringBuilder("| `" + q.name() + "` |");
            List<String> n = new ArrayList<>();
            for (String e : ENGINES) {
                double p = Bench.median(f.p99.get(e).get(q.name()));
                line.append(Double.isNaN(p) ? " |" : String.format(Locale.ROOT, " %.2f |", p));
                n.add(String.valueOf(f.samples.get(e).getOrDefault(q.name(), 0)));
            }
            out.add(line.append(" ").append(String.join(", ", n)).append(" |").toString());
        }
        out.add("");
        out.add("Ours only, for scale (the peers have no text index), the same name:");
        out.add("");
        out.add("| request | rows | p50 ms | p99 ms |");
        out.add("|---|--:|--:|--:|");
        for (String q : oursOnlyRows.keySet()) {
            out.add(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f |", q, oursOnlyRows.get(q),
                    Bench.median(oursOnly.getOrDefault(q + " p50", List.of())), Bench.median(oursOnly.getOrDefault(q + " p99", List.of()))));
        }
        out.add("");
        out.add(String.format(Locale.ROOT, "Loads of the same %,d quads (each engine's own loader; quads/s; ours/peer: seconds over seconds, as for the queries):", quads));
        out.add("");
        out.add("| engine | loader | seconds | quads/s | ours/peer |");
        out.add("|---|---|--:|--:|--:|");
        double ours = quads / ourLoad;
        out.add(String.format(Locale.ROOT, "| ours | `load`: a fresh JVM, parse %,d triples of Turtle, entailments, six quad indexes, statistics, text index | %.1f | %.0f | |",
                triples, ourLoad, ours));
        double vl = Bench.median(virtuosoLoads);
        out.add(String.format(Locale.ROOT, "| Virtuoso | `ld_dir` + `rdf_loader_run` + `checkpoint` on the N-Quads, server running (rounds: %s s) | %.1f | %.0f | %.2f |",
                secondsList(virtuosoLoads), vl, quads / vl, ourLoad / vl));
        double ol = Bench.median(oxigraphLoads);
        out.add(String.format(Locale.ROOT, "| Oxigraph | `Store.load` of the N-Quads (streamed, in memory, in process; rounds: %s s) | %.1f | %.0f | %.2f |",
                secondsList(oxigraphLoads), ol, quads / ol, ourLoad / ol));
        out.add(String.format(Locale.ROOT, "| (dump) | `tdb2.tdbdump` of our store to N-Quads, for the peers | %.1f | %.0f | |", dumpSeconds, quads / dumpSeconds));
        return out;
    }

    static String secondsList(List<Double> xs) {
        return String.join(", ", xs.stream().map(x -> String.format(Locale.ROOT, "%.1f", x)).toList());
    }

    /**
     * The Bench's mix on synthetic data (claims-per-source-kind, count-by-type, the substring find-by-name "company 7",
     * claims-about one company, models-and-developers), the saved queries that find something in this data
     * (company-profile of that company, policies, third-party-claims), and ASK {}. The other saved queries ask for what
     * the synthetic data has none of (text positions, axioms, quantities, dates, memberships, segments, contradicting
     * and corroborating claims): 0 rows everywhere, so they measure nothing but a plan.
     */
    /**
     * Our server alone on a synthetic store an earlier run built ({@code --ours-only STORE --data DIR}, the ontology
     * beside the store's folder in {@code ontology/}): the synthetic queries, the saved {@code policies} text of before
     * issue 15 beside the current one, and the ours-only name searches, by the same plan; a table of rows, p50, p99.
     */
    static List<String> oursOnly(Path root, Path store, Path data, Plan plan) throws Exception {
        Figures f = new Figures();
        Map<String, List<Double>> oursOnly = new LinkedHashMap<>();
        Map<String, Long> oursOnlyRows = new LinkedHashMap<>();
        measureOurs(root, root.resolve("target/china-ai-kg.jar"), store, data, store.getParent().resolve("ontology"), store.getParent(),
                "ours-only", withPoliciesBefore(root, syntheticQueries(root)), plan, plan.timeout(), f, oursOnly, oursOnlyRows);
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "Ours alone on %s, once its warm-ups are done; each query %d warm-up calls, then %d to %d"
                + " timed within %.0f s; a request over %.0f s fails", store, plan.warmups(), plan.min(), plan.max(), plan.budget(), plan.timeout()));
        out.add("");
        out.add("| query | rows | p50 ms | p99 ms | samples |");
        out.add("|---|--:|--:|--:|--:|");
        for (String q : f.rows.get("ours").keySet()) {
            String err = f.errors.getOrDefault("ours", Map.of()).get(q);
            out.add(String.format(Locale.ROOT, "| `%s` | %d | %s | %s | %d |", q, f.rows.get("ours").get(q),
                    err != null ? "failed: " + err : String.format(Locale.ROOT, "%.2f", f.p50.get("ours").get(q).get(0)),
                    err != null ? "" : String.format(Locale.ROOT, "%.2f", f.p99.get("ours").get(q).get(0)), f.samples.get("ours").get(q)));
        }
        oursOnlyRows.forEach((q, n) -> out.add(String.format(Locale.ROOT, "| `%s` | %d | %.2f | %.2f | |", q, n,
                oursOnly.get(q + " p50").get(0), oursOnly.get(q + " p99").get(0))));
        return out;
    }

    /**
     * The engines again, one round, on what an earlier synthetic run left in {@code dir} ({@code --resume
     * bench/work/peers-10m}): its data, N-Quads dump and loaded Virtuoso database; ours on {@code oursStore} (loaded
     * from the same data by the current code), plain Fuseki on a copy of the earlier run's store, Oxigraph loading the
     * dump. For a run that stopped after its loads: the loads are not timed again.
     */
    static List<String> resumed(Path root, Path dir, Path oursStore, long triples, long seed, Plan plan, double timeout) throws Exception {
        long started = System.nanoTime();
        String label = dir.getFileName().toString().replaceFirst("^peers-", "").toUpperCase(Locale.ROOT);
        Path jar = root.resolve("target/china-ai-kg.jar");
        Path fusekiJar = root.resolve("bench/lib/jena-fuseki-server-5.6.0.jar");
        Path data = dir.resolve("data");
        Path nq = dir.resolve("nquads/all.nq");
        long quads = quads(nq);
        Set<String> ourGraphs = graphs(nq);
        List<Q> queries = withPoliciesBefore(root, syntheticQueries(root));
        Figures f = new Figures();
        Map<String, List<Double>> oursOnly = new LinkedHashMap<>();
        Map<String, Long> oursOnlyRows = new LinkedHashMap<>();
        measureOurs(root, jar, oursStore, data, oursStore.getParent().resolve("ontology"), dir, "ours-resumed", queries, plan, timeout,
                f, oursOnly, oursOnlyRows);
        Bench.log("ours measured");
        measurePlain(fusekiJar, jar, dir.resolve("store"), dir, queries, plan, f);
        Bench.log("plain Fuseki measured");
        int buffers = quads > 2_000_000 ? 680_000 : 170_000;
        Virtuoso v = Virtuoso.start(dir.resolve("virtuoso"), nq.getParent(), buffers, buffers * 3 / 4, (long) Math.ceil(timeout), false);
        try {
            measureHttp("Virtuoso", v.sparql, v.defines(ourGraphs, true), queries, plan, f);
        } finally {
            v.stop();
        }
        Bench.log("Virtuoso measured");
        List<Double> oxigraphLoads = new ArrayList<>();
        oxigraphLoads.add(oxigraph(root, dir, nq, true, queries, plan, timeout, f).seconds());
        return syntheticTable(label, seed, triples, quads, ourGraphs.size(), 1, plan, started, queries, f, oursOnly, oursOnlyRows,
                Double.NaN, List.of(), oxigraphLoads, Double.NaN);
    }

    /**
     * Our server on a store, measured once its warm-ups are done: the queries into {@code f}, and for scale (the peers
     * have no text index) the name search over {@code text:query} and {@code /search} into {@code oursOnly}.
     */
    static void measureOurs(Path root, Path jar, Path store, Path data, Path ontology, Path work, String name, List<Q> queries,
                            Plan plan, double timeout, Figures f, Map<String, List<Double>> oursOnly, Map<String, Long> oursOnlyRows)
            throws Exception {
        Bench.Command ours = port -> Bench.ourCommand(jar, List.of(), "serve", "--port", String.valueOf(port),
                "--store", store.toString(), "--data", data.toString(), "--ontology", ontology.toString(),
                "--queries", root.resolve("queries").toString(), "--timeout", String.valueOf((long) Math.ceil(timeout)));
        Bench.Server s = Bench.Server.start(ours, work, name);
        try {
            double warm = waitForWarmUp(s.base, 1800);
            Bench.log("ours: up in %.1f s, warm-ups done %.1f s later", s.startSeconds, warm);
            measureHttp("ours", s.base + "/kg/sparql", "", queries, plan, f);
            Figures mine = new Figures();
            String fbn = Files.readString(root.resolve("queries/find-by-name.rq")).replace("?_name", "\"company 7\"");
            measureHttp("ours", s.base + "/kg/sparql", "", List.of(new Q("find-by-name over text:query", fbn)), plan, mine);
            measureGet("ours", s.base + "/search?q=" + Bench.enc("company 7"), "/search?q=company 7", plan, mine);
            mine.p50.get("ours").forEach((q, v) -> oursOnly.computeIfAbsent(q + " p50", k -> new ArrayList<>()).addAll(v));
            mine.p99.get("ours").forEach((q, v) -> oursOnly.computeIfAbsent(q + " p99", k -> new ArrayList<>()).addAll(v));
            oursOnlyRows.putAll(mine.rows.get("ours"));
            mine.errors.forEach((e, m) -> m.forEach((q, err) -> Bench.log("ours: %s failed: %s", q, err)));
        } finally {
            s.stop();
        }
    }

    /** Plain Fuseki on a copy of the store (TDB2 allows one process per store), the queries into {@code f}; the copy is removed. */
    static void measurePlain(Path fusekiJar, Path jar, Path store, Path work, List<Q> queries, Plan plan, Figures f) throws Exception {
        Path plainStore = Bench.copy(store, work.resolve("store-plain"));
        Bench.Options o = new Bench.Options(List.of(), 1, 1, 1, false, false, false, work, fusekiJar, jar);
        Bench.Server s = Bench.Server.start(Bench.fuseki(o, work, plainStore, "plain"), work, "plain");
        try {
            measureHttp("plain Fuseki", s.base + "/kg/sparql", "", queries, plan, f);
        } finally {
            s.stop();
        }
        Bench.deleteRecursively(plainStore);
    }

    /** The queries, with the saved {@code policies} text of before issue 15 before the last ({@code ASK {}}), if it is there. */
    static List<Q> withPoliciesBefore(Path root, List<Q> queries) throws IOException {
        List<Q> all = new ArrayList<>(queries);
        Path before = root.resolve("src/test/resources/saved-queries-before-15/policies.rq");
        if (Files.isRegularFile(before)) all.add(all.size() - 1, new Q("policies (text before issue 15)", Files.readString(before)));
        return all;
    }

    static List<Q> syntheticQueries(Path root) throws IOException {
        List<Q> qs = new ArrayList<>();
        Path dir = root.resolve("queries");
        for (Bench.Query q : Bench.mix(KG + "org/c7", "company 7")) {
            qs.add(new Q(q.name().equals("find-by-name") ? "find-by-name (substring)" : q.name(), q.text()));
        }
        for (String name : List.of("company-profile", "policies", "third-party-claims")) {
            qs.add(new Q(name, Files.readString(dir.resolve(name + ".rq")).replace("?_company_iri", "<" + KG + "org/c7>")));
        }
        qs.add(new Q("ASK {}", "ASK {}"));
        return qs;
    }

    /** Seconds until GET /queries says both warm-ups at start are done ({@code X-Cache-Warm}, {@code X-Warm-Up}). */
    static double waitForWarmUp(String base, double max) throws Exception {
        HttpClient http = Bench.client();
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/queries")).header("Accept", "application/json").build();
        long t0 = System.nanoTime();
        while (Bench.seconds(t0) < max) {
            HttpResponse<Void> r = http.send(req, HttpResponse.BodyHandlers.discarding());
            String warm = r.headers().firstValue("X-Cache-Warm").orElse("");
            // And the request path's warm-up (X-Warm-Up), whose requests would otherwise run beside the first timed ones;
            // until Jetty's started event has set it up, the header is not there yet (not: nothing to wait for).
            String path = r.headers().firstValue("X-Warm-Up").orElse("not yet");
            if (!warm.startsWith("running") && path.equals("done")) return Bench.seconds(t0);
            Thread.sleep(200);
        }
        throw new IllegalStateException("the saved-query warm-up at " + base + " did not finish in " + max + " s");
    }

    /** The store as N-Quads ({@code tdb2.tdbdump}), alone in a directory for Virtuoso's {@code ld_dir}. */
    static Path dump(Path work, Path fusekiJar, Path store) throws Exception {
        Path nq = Files.createDirectories(work.resolve("nquads")).resolve("all.nq");
        Process dump = new ProcessBuilder(Bench.java(), "-cp", fusekiJar.toString(), "tdb2.tdbdump", "--loc", store.toString())
                .redirectOutput(nq.toFile()).redirectError(work.resolve("dump.log").toFile()).start();
        if (dump.waitFor() != 0) throw new IllegalStateException("tdb2.tdbdump failed; see " + work.resolve("dump.log"));
        return nq;
    }

    static long quads(Path nq) throws IOException {
        try (Stream<String> lines = Files.lines(nq)) {
            return lines.filter(l -> !l.isBlank()).count();
        }
    }

    static Set<String> graphs(Path nq) throws IOException {
        Set<String> graphs = new LinkedHashSet<>();
        try (Stream<String> lines = Files.lines(nq)) {
            lines.filter(l -> !l.isBlank()).forEach(l -> {
                String t = l.substring(0, l.lastIndexOf('.')).trim();
                graphs.add(t.substring(t.lastIndexOf('<') + 1, t.length() - 1));
            });
        }
        return graphs;
    }

    /** Every saved query, its grlc parameters written into the text (optional ones left unbound), then ASK {}. */
    static List<Q> queries(Path root) throws IOException {
        List<Q> qs = new ArrayList<>();
        try (Stream<Path> files = Files.list(root.resolve("queries"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".rq")).sorted().toList()) {
                String text = Files.readString(f)
                        .replace("?_entity_iri", "<" + KG + "org/baidu>")
                        .replace("?_company_iri", "<" + KG + "org/baidu>")
                        .replace("?_name", "\"iflytek\"");
                qs.add(new Q(f.getFileName().toString().replace(".rq", ""), text));
            }
        }
        qs.add(new Q("ASK {}", "ASK {}"));
        return qs;
    }

    static void measureHttp(String engine, String endpoint, String prefix, List<Q> queries, Plan plan, Figures f) throws Exception {
        HttpClient http = Bench.client();
        for (Q q : queries) {
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(endpoint))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/sparql-results+json")
                    .POST(HttpRequest.BodyPublishers.ofString("query=" + Bench.enc(prefix + q.text())));
            if (plan.timeout() > 0) req.timeout(Duration.ofMillis((long) (plan.timeout() * 1000)));
            measure(engine, q.name(), http, req.build(), plan, f, Peers::count);
        }
        Bench.log("%s measured", engine);
    }

    /** A GET answering JSON with a {@code results} array (our /search). */
    static void measureGet(String engine, String url, String name, Plan plan, Figures f) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").GET();
        if (plan.timeout() > 0) req.timeout(Duration.ofMillis((long) (plan.timeout() * 1000)));
        measure(engine, name, Bench.client(), req.build(), plan, f,
                body -> JSON.parse(new ByteArrayInputStream(body)).get("results").getAsArray().size());
    }

    /** One query on one engine by the plan; an answer other than a complete 200 fails it (rows -1). */
    static void measure(String engine, String name, HttpClient http, HttpRequest req, Plan plan, Figures f,
                        ToLongFunction<byte[]> counter) throws Exception {
        List<Double> times = new ArrayList<>();
        byte[] last = null;
        String error = null;
        int warmups = plan.warmups();
        int min = plan.min();
        long t0 = 0;
        for (int i = 0; ; i++) {
            if (i >= warmups) {
                int n = i - warmups;
                if (n == 0) t0 = System.nanoTime();
                if (n >= plan.max() || (n >= min && Bench.seconds(t0) >= plan.budget())) break;
            }
            long t = System.nanoTime();
            HttpResponse<byte[]> r;
            try {
                r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            } catch (HttpTimeoutException e) {
                error = String.format(Locale.ROOT, "no answer in %.0f s", plan.timeout());
                break;
            }
            double ms = (System.nanoTime() - t) / 1e6;
            if (r.statusCode() != 200) {
                error = r.statusCode() + ": " + new String(r.body()).lines().limit(3).reduce("", (a, b) -> a + " " + b);
                break;
            }
            // Virtuoso's "anytime" answer: what it found before its time limit, with a 200.
            String state = r.headers().firstValue("X-SQL-State").orElse(null);
            if (state != null) {
                error = "partial answer (X-SQL-State " + state + ", " + r.headers().firstValue("X-SQL-Message").orElse("") + ")";
                break;
            }
            if (i == 0 && ms > plan.budget() * 1000 / 5) {
                warmups = 1;
                min = Math.min(min, slowMin);
            }
            if (i >= warmups) times.add(ms);
            last = r.body();
        }
        long n = error != null ? -1 : counter.applyAsLong(last);
        if (error != null) Bench.log("%s: %s failed: %s", engine, name, error);
        f.add(engine, name, n, times, error);
    }

    /** Rows of a SELECT answer in SPARQL JSON; 1 for an ASK answer. */
    static long count(byte[] json) {
        JsonObject r = JSON.parse(new ByteArrayInputStream(json));
        if (r.hasKey("boolean")) return 1;
        return r.getObj("results").get("bindings").getAsArray().size();
    }

    // ---------------------------------------------------------------- Oxigraph

    /**
     * Node's side: load the N-Quads (whole, or streamed in 1 MB chunks), then each query by the plan. One JSON line per
     * event (the load, a query's start, each call, a query's figures), so that the bench sees where it is.
     */
    static final String OXIGRAPH_JS = """
            const ox = require('oxigraph');
            const fs = require('fs');
            const [nq, queriesFile, warmupsArg, minArg, maxArg, budgetArg, stream] = process.argv.slice(2);
            const queries = JSON.parse(fs.readFileSync(queriesFile, 'utf8'));
            const max = Number(maxArg), budgetMs = Number(budgetArg);
            function* chunks(file) {
              const fd = fs.openSync(file, 'r');
              const buf = Buffer.alloc(1 << 20);
              try {
                let n;
                while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) yield new Uint8Array(buf.subarray(0, n));
              } finally { fs.closeSync(fd); }
            }
            const store = new ox.Store();
            let t = process.hrtime.bigint();
            if (stream === '1') store.load(chunks(nq), { format: 'application/n-quads', no_transaction: true });
            else store.load(fs.readFileSync(nq, 'utf8'), { format: 'application/n-quads' });
            const loadMs = Number(process.hrtime.bigint() - t) / 1e6;
            console.log(JSON.stringify({ loadMs, size: store.size }));
            const pick = (xs, p) => xs.length ? xs[Math.max(0, Math.ceil(xs.length * p) - 1)] : null;
            for (const q of queries) {
              console.log(JSON.stringify({ start: q.name }));
              const times = []; let rows = -1; let error = null;
              let warmups = Number(warmupsArg), min = Number(minArg), t0 = 0n;
              try {
                for (let i = 0; ; i++) {
                  if (i >= warmups) {
                    const n = i - warmups;
                    if (n === 0) t0 = process.hrtime.bigint();
                    if (n >= max || (n >= min && Number(process.hrtime.bigint() - t0) / 1e6 >= budgetMs)) break;
                  }
                  t = process.hrtime.bigint();
                  const r = store.query(q.text, { use_default_graph_as_union: true });
                  rows = typeof r === 'boolean' ? 1 : r.length;
                  const ms = Number(process.hrtime.bigint() - t) / 1e6;
                  console.log(JSON.stringify({ call: ms }));
                  if (i === 0 && ms > budgetMs / 5) { warmups = 1; min = Math.min(min, Number(process.env.BENCH_SLOW_MIN || 3)); }
                  if (i >= warmups) times.push(ms);
                }
              } catch (e) { error = String(e); rows = -1; }
              times.sort((a, b) => a - b);
              console.log(JSON.stringify({ query: q.name, rows, p50: pick(times, 0.5), p99: pick(times, 0.99), n: times.length, error }));
            }
            """;

    record OxLoad(double seconds, long size) {}

    /**
     * Oxigraph in Node on the N-Quads: the load, then the queries. A call that gives no sign for {@code callTimeout}
     * seconds fails its query: Node is stopped and started again (the load again) for the queries after it.
     * Returns the first load.
     */
    static OxLoad oxigraph(Path root, Path work, Path nq, boolean stream, List<Q> queries, Plan plan, double callTimeout,
                           Figures f) throws Exception {
        Path node = root.resolve("bench/work/node");
        if (!Files.isDirectory(node.resolve("node_modules/oxigraph"))) {
            throw new IllegalStateException("no Oxigraph: run bench/run.sh (it installs npm oxigraph into bench/work/node)");
        }
        Path script = node.resolve("oxigraph-bench.js");
        Files.writeString(script, OXIGRAPH_JS);
        List<Q> remaining = new ArrayList<>(queries);
        OxLoad first = null;
        String end = "\u0000end";
        while (!remaining.isEmpty()) {
            StringBuilder json = new StringBuilder("[");
            for (Q q : remaining) {
                if (json.length() > 1) json.append(',');
                json.append("{\"name\":").append(jsonString(q.name())).append(",\"text\":").append(jsonString(q.text())).append('}');
            }
            Path qf = work.resolve("queries.json");
            Files.writeString(qf, json.append(']').toString());
            ProcessBuilder pb = new ProcessBuilder("node", script.toString(), nq.toString(), qf.toString(), String.valueOf(plan.warmups()),
                    String.valueOf(plan.min()), String.valueOf(plan.max()), String.valueOf(plan.budget() * 1000), stream ? "1" : "0")
                    .directory(node.toFile()).redirectError(ProcessBuilder.Redirect.appendTo(work.resolve("oxigraph.log").toFile()));
            pb.environment().put("BENCH_SLOW_MIN", String.valueOf(slowMin));
            Process p = pb.start();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String l; (l = in.readLine()) != null; ) lines.add(l);
                } catch (IOException e) {
                    // the process is gone
                } finally {
                    lines.add(end);
                }
            });
            reader.setDaemon(true);
            reader.start();
            String current = null;
            boolean loaded = false;
            try {
                while (true) {
                    // The load gets an hour; a call gets callTimeout.
                    String line = lines.poll(loaded ? (long) callTimeout : 3600, TimeUnit.SECONDS);
                    if (line == null || line.equals(end)) {
                        String why = line == null ? String.format(Locale.ROOT, "no answer in %.0f s", loaded ? callTimeout : 3600)
                                : "node exited (" + p.waitFor() + "; see " + work.resolve("oxigraph.log") + ")";
                        if (!loaded) {
                            Bench.log("Oxigraph: the load failed: %s", why);
                            for (Q q : remaining) f.add("Oxigraph", q.name(), -1, List.of(), "the load failed: " + why);
                            remaining.clear();
                        } else if (current != null) {
                            Bench.log("Oxigraph: %s failed: %s", current, why);
                            f.add("Oxigraph", current, -1, List.of(), why);
                            String c = current;
                            remaining.removeIf(q -> q.name().equals(c));
                        } else if (!remaining.isEmpty()) {
                            throw new IllegalStateException("oxigraph failed; see " + work.resolve("oxigraph.log"));
                        }
                        break;
                    }
                    JsonObject o = JSON.parse(line);
                    if (o.hasKey("loadMs")) {
                        loaded = true;
                        if (first == null) first = new OxLoad(o.get("loadMs").getAsNumber().value().doubleValue() / 1000,
                                o.get("size").getAsNumber().value().longValue());
                    } else if (o.hasKey("start")) {
                        current = o.get("start").getAsString().value();
                    } else if (o.hasKey("query")) {
                        String name = o.get("query").getAsString().value();
                        if (!o.get("error").isNull()) Bench.log("Oxigraph: %s failed: %s", name, o.get("error").getAsString().value());
                        f.add("Oxigraph", name, o.get("rows").getAsNumber().value().longValue(), number(o, "p50"), number(o, "p99"),
                                o.get("n").getAsNumber().value().intValue(), o.get("error").isNull() ? null : o.get("error").getAsString().value());
                        remaining.removeIf(q -> q.name().equals(name));
                        current = null;
                    }
                }
            } finally {
                p.destroyForcibly();
                p.waitFor();
            }
        }
        Bench.log("Oxigraph measured");
        return first == null ? new OxLoad(Double.NaN, 0) : first;
    }

    static double number(JsonObject o, String key) {
        return o.get(key).isNull() ? Double.NaN : o.get(key).getAsNumber().value().doubleValue();
    }

    static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }

    // ---------------------------------------------------------------- Virtuoso

    /** Virtuoso 7.2 on loopback ports with its own ini and database in {@code dir}, the N-Quads bulk-loaded. */
    static final class Virtuoso {
        final Process process;
        final int sqlPort;
        final String sparql;
        double loadSeconds;

        Virtuoso(Process process, int sqlPort, int httpPort) {
            this.process = process;
            this.sqlPort = sqlPort;
            this.sparql = "http://127.0.0.1:" + httpPort + "/sparql";
        }

        static Virtuoso start(Path dir, Path nquads, int buffers, int dirtyBuffers, long maxQuerySeconds) throws Exception {
            return start(dir, nquads, buffers, dirtyBuffers, maxQuerySeconds, true);
        }

        /** As above; with {@code load} false, on the database an earlier run loaded into {@code dir} (not loaded again). */
        static Virtuoso start(Path dir, Path nquads, int buffers, int dirtyBuffers, long maxQuerySeconds, boolean load) throws Exception {
            if (load) Bench.deleteRecursively(dir);
            Files.createDirectories(dir);
            int sql = freePort();
            int http = freePort();
            String d = dir.toString();
            Files.writeString(dir.resolve("virtuoso.ini"), """
                    [Database]
                    DatabaseFile = %1$s/virtuoso.db
                    ErrorLogFile = %1$s/virtuoso.log
                    LockFile = %1$s/virtuoso.lck
                    TransactionFile = %1$s/virtuoso.trx
                    xa_persistent_file = %1$s/virtuoso.pxa
                    ErrorLogLevel = 7
                    FileExtend = 200
                    MaxCheckpointRemap = 2000
                    Striping = 0
                    TempStorage = TempDatabase
                    [TempDatabase]
                    DatabaseFile = %1$s/virtuoso-temp.db
                    TransactionFile = %1$s/virtuoso-temp.trx
                    MaxCheckpointRemap = 2000
                    Striping = 0
                    [Parameters]
                    ServerPort = 127.0.0.1:%2$d
                    DisableUnixSocket = 1
                    MaxClientConnections = 20
                    CheckpointInterval = 60
                    CaseMode = 2
                    DirsAllowed = ., %1$s, %3$s, /usr/share/virtuoso-opensource-7/vad
                    NumberOfBuffers = %5$d
                    MaxDirtyBuffers = %6$d
                    MaxQueryMem = 1G
                    ThreadsPerQuery = 2
                    [HTTPServer]
                    ServerPort = 127.0.0.1:%4$d
                    ServerRoot = /var/lib/virtuoso-opensource-7/vsp
                    MaxClientConnections = 20
                    ServerThreads = 20
                    MaxKeepAlives = 20
                    KeepAliveTimeout = 10
                    Charset = UTF-8
                    EnabledGzipContent = 0
                    [SPARQL]
                    ResultSetMaxRows = 1000000
                    MaxQueryExecutionTime = %7$d
                    MaxQueryCostEstimationTime = 400
                    """.formatted(d, sql, nquads.toString(), http, buffers, dirtyBuffers, maxQuerySeconds));
            Process p = new ProcessBuilder("virtuoso-t", "+foreground", "+configfile", dir.resolve("virtuoso.ini").toString())
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
            Virtuoso v = new Virtuoso(p, sql, http);
            long t0 = System.nanoTime();
            while (v.isql("status();") != 0) {
                if (!p.isAlive()) throw new IllegalStateException("virtuoso-t exited; see " + dir.resolve("virtuoso.log"));
                if (Bench.seconds(t0) > 120) throw new IllegalStateException("virtuoso-t did not answer in 120 s");
                Thread.sleep(200);
            }
            long t1 = System.nanoTime();
            if (load) {
                int rc = v.isql("ld_dir('" + nquads + "', '*.nq', 'urn:x-bench:none'); rdf_loader_run(); checkpoint;");
                v.loadSeconds = Bench.seconds(t1);
                if (rc != 0) throw new IllegalStateException("Virtuoso bulk load failed");
                String errors = v.isqlOut("SELECT ll_file, ll_error FROM DB.DBA.LOAD_LIST WHERE ll_error IS NOT NULL;");
                if (errors.contains("/")) throw new IllegalStateException("Virtuoso bulk load errors: " + errors);
            } else {
                v.loadSeconds = Double.NaN;
            }
            HttpClient client = Bench.client();
            HttpRequest ask = HttpRequest.newBuilder(URI.create(v.sparql + "?query=" + Bench.enc("ASK {}"))).build();
            t0 = System.nanoTime();
            while (true) {
                try {
                    if (client.send(ask, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) break;
                } catch (IOException e) {
                    // not yet
                }
                if (Bench.seconds(t0) > 120) throw new IllegalStateException("Virtuoso's /sparql did not answer");
                Thread.sleep(200);
            }
            return v;
        }

        int isql(String sql) throws Exception {
            Process p = new ProcessBuilder("isql-vt", String.valueOf(sqlPort), "dba", "dba", "exec=" + sql)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor();
        }

        String isqlOut(String sql) throws Exception {
            Process p = new ProcessBuilder("isql-vt", String.valueOf(sqlPort), "dba", "dba", "exec=" + sql).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            return out;
        }

        /**
         * Virtuoso's default graph is every graph it holds, its own system graphs too: {@code define}s that leave those
         * out, so that the default graph is the union of ours, as on the other engines.
         */
        String defines(Set<String> ourGraphs, boolean log) throws Exception {
            Set<String> extra = new LinkedHashSet<>(graphs());
            extra.removeAll(ourGraphs);
            StringBuilder defines = new StringBuilder();
            for (String g : extra) defines.append("define input:default-graph-exclude <").append(g).append(">\n")
                    .append("define input:named-graph-exclude <").append(g).append(">\n");
            if (log) Bench.log("Virtuoso: graphs of its own, excluded from queries: %s", extra);
            return defines.toString();
        }

        /** The graphs of its own a fresh Virtuoso 7.2 holds (as listed at the bundled size and at 1M). */
        static final List<String> OWN_GRAPHS = List.of("http://www.openlinksw.com/schemas/virtrdf#", "http://www.w3.org/ns/ldp#",
                "http://localuriqaserver/sparql");

        /**
         * The graphs Virtuoso holds. Listing them is a scan of every quad: at 10M it ran into the query time limit
         * (an error text instead of JSON), so then its own graphs are what was found at the smaller sizes.
         */
        List<String> graphs() throws Exception {
            HttpRequest req = HttpRequest.newBuilder(URI.create(sparql)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/sparql-results+json")
                    .POST(HttpRequest.BodyPublishers.ofString("query=" + Bench.enc("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"))).build();
            try {
                byte[] body = Bench.client().send(req, HttpResponse.BodyHandlers.ofByteArray()).body();
                List<String> gs = new ArrayList<>();
                for (var b : JSON.parse(new ByteArrayInputStream(body)).getObj("results").get("bindings").getAsArray()) {
                    gs.add(b.getAsObject().getObj("g").get("value").getAsString().value());
                }
                return gs;
            } catch (java.net.http.HttpTimeoutException | RuntimeException tooLarge) {
                Bench.log("Virtuoso: the graphs could not be listed (%s): excluding its own graphs as found at smaller sizes", tooLarge.toString());
                return OWN_GRAPHS;
            }
        }

        void stop() throws Exception {
            process.destroy();
            process.waitFor();
        }

        static int freePort() throws IOException {
            try (ServerSocket s = new ServerSocket(0)) {
                return s.getLocalPort();
            }
        }
    }
}
