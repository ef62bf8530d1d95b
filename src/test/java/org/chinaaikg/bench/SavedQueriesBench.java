package org.chinaaikg.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The goal of issue 15 for our server alone ({@code bench/run.sh --saved}): every saved query, the parameterised ones
 * with a realistic value, answers at {@code /queries/NAME} with p99 under 100 ms, cold (the first request after start)
 * and warm. For each size: the data (the bundled {@code data/} and {@code ontology/}, or {@link SyntheticData} with the
 * Bench's seed and the ontology without its SHACL shapes, as in {@link Peers}; {@code --data DIR} reuses a generated
 * data directory), our {@code load} timed (a fresh JVM, run from the project's folder), then {@code --starts} times:
 * {@code serve} started, and as soon as it answers (start-to-ready) each saved query once in turn (cold: no waiting for
 * the saved-query warm-up, whose {@code X-Cache-Warm} at that moment is recorded), then each {@code --repeats} times
 * (warm: p50, p99, max over all starts). A query with an optional parameter is measured twice: unbound and bound.
 * JSON results, the whole body read, rows counted; a non-200 is reported with its status and first line, not timed.
 * Each start's figures go to stderr as it ends; the tables to stdout at the end of each size.
 */
public final class SavedQueriesBench {
    static final String KG = "https://w3id.org/china-ai-kg/id/";
    static final double GOAL_MS = 100;
    static final String USAGE = "usage: bench/run.sh --saved [--sizes bundled,1m,10m] [--data DIR] [--starts 3] [--repeats 20]"
            + " [--timeout 120] [--budget 60] [--seed 42] [--wait-warm-up] [--reuse-store]\n  --sizes: the bundled data and/or synthetic sizes (SyntheticData, --seed);"
            + " default bundled\n  --data DIR: for the one synthetic size, an existing generated data directory (e.g."
            + " bench/work/peers-10m/data) instead of generating; only read\n  --timeout: serve's query timeout, seconds\n"
            + "  --budget: seconds of warm calls a query gets per start (at least 3 calls, at most --repeats)\n"
            + "  --reuse-store: serve the store the last run of this size left in bench/work/saved-SIZE/ (no load)\n"
            + "  --wait-warm-up: the cold calls wait until GET /queries says X-Cache-Warm done and X-Warm-Up done";

    /** One measured request: a saved query, maybe with parameters. */
    record Call(String label, String path) {}

    /** What one call answered: status (or -1 for no answer), rows, milliseconds, X-Cache, the first line if not 200. */
    record Answer(int status, long rows, double ms, String cache, String error) {
        boolean ok() {
            return status == 200;
        }
    }

    /** Everything measured for one call over the starts. */
    static final class Figures {
        final List<Double> cold = new ArrayList<>();
        final List<Double> warm = new ArrayList<>();
        final Set<Long> rows = new LinkedHashSet<>();
        final Map<String, Integer> coldCache = new LinkedHashMap<>();
        final Map<String, Integer> warmCache = new LinkedHashMap<>();
        final List<String> errors = new ArrayList<>();
    }

    /** Whether the cold calls wait for the server's own warm-up (X-Cache-Warm and X-Warm-Up done) first. */
    static boolean waitWarmUp;
    /** Whether a store the last run of this size left in bench/work/ is served again instead of loaded anew. */
    static boolean reuseStore;

    public static void main(String[] args) throws Exception {
        List<String> sizes = List.of("bundled");
        Path data = null;
        int starts = 3;
        int repeats = 20;
        long timeout = 120;
        double budget = 60;
        long seed = 42;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--saved" -> { }
                case "--sizes" -> sizes = Arrays.stream(args[++i].split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
                case "--data" -> data = Path.of(args[++i]).toAbsolutePath();
                case "--starts" -> starts = Integer.parseInt(args[++i]);
                case "--repeats" -> repeats = Integer.parseInt(args[++i]);
                case "--timeout" -> timeout = Long.parseLong(args[++i]);
                case "--budget" -> budget = Double.parseDouble(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--wait-warm-up" -> waitWarmUp = true;
                case "--reuse-store" -> reuseStore = true;
                case "--help", "-h" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        long synthetic = sizes.stream().filter(s -> !s.equals("bundled")).peek(Bench::size).count(); // a bad size fails here
        if (data != null && synthetic != 1) {
            System.err.println("bench: --data " + data + " stands for one synthetic size; give exactly one in --sizes (e.g. --sizes 10m)");
            System.exit(2);
        }
        if (data != null && !Files.isDirectory(data)) {
            System.err.println("bench: --data " + data + ": no such directory; give a data directory SyntheticData wrote");
            System.exit(2);
        }
        Path root = Path.of("").toAbsolutePath();
        String before = Bench.loadAverage();
        List<String> head = new ArrayList<>();
        head.add("Command: `bench/run.sh " + String.join(" ", args) + "`");
        head.add("");
        head.add("Machine: " + machine() + "; `uptime` load average (1, 5, 15 min) before: " + before + ".");
        head.forEach(System.out::println);
        for (String size : sizes) {
            List<String> out = run(root, size, data, seed, starts, repeats, timeout, budget);
            System.out.println();
            out.forEach(System.out::println);
            System.out.flush();
        }
        System.out.println();
        System.out.println("Load average after: " + Bench.loadAverage() + ".");
    }

    static List<String> run(Path root, String size, Path givenData, long seed, int starts, int repeats, long timeout, double budget) throws Exception {
        long started = System.nanoTime();
        boolean bundled = size.equals("bundled");
        String label = bundled ? "bundled" : size.toLowerCase(Locale.ROOT);
        Path work = root.resolve("bench/work/saved-" + label);
        boolean reuse = reuseStore && Files.isRegularFile(work.resolve("store/answers.json"));
        if (!reuse) Bench.deleteRecursively(work);
        Files.createDirectories(work);
        Path jar = root.resolve("target/china-ai-kg.jar");
        Path data;
        Path ontology;
        String what;
        if (bundled) {
            data = root.resolve("data");
            ontology = root.resolve("ontology");
            what = "the bundled data (`data/`, `ontology/` with its SHACL shapes)";
        } else {
            // The ontology without its SHACL shapes, as in the Bench and Peers: the synthetic claims do not carry what they ask.
            ontology = Files.createDirectories(work.resolve("ontology"));
            Files.copy(root.resolve("ontology/china-ai-kg.ttl"), ontology.resolve("china-ai-kg.ttl"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            if (givenData != null) {
                data = givenData;
                what = "synthetic data " + label + " from `" + root.relativize(givenData) + "` (not regenerated), the ontology without its SHACL shapes";
            } else if (reuse) {
                data = work.resolve("data");
                what = "synthetic data " + label + " (seed " + seed + ", generated by the previous run)";
            } else {
                data = work.resolve("data");
                long triples = SyntheticData.write(data, Bench.size(size), seed);
                what = String.format(Locale.ROOT, "synthetic data %s (seed %d, %,d triples generated), the ontology without its SHACL shapes", label, seed, triples);
            }
        }
        Bench.log("saved queries, %s: %s", label, what);

        Path store = work.resolve("store");
        // From the project's folder, as a user runs it, so that load's defaults (e.g. queries/) are the project's.
        double load = reuse ? Double.NaN : Bench.time(List.of(Bench.java(), "-jar", jar.toString(), "load", "--store", store.toString(),
                "--data", data.toString(), "--ontology", ontology.toString()), root, work, "ours");
        Bench.log("load %.1f s", load);

        List<Call> calls = calls(root.resolve("queries"), bundled);
        Map<String, Figures> figures = new LinkedHashMap<>();
        for (Call c : calls) figures.put(c.label(), new Figures());
        List<Double> ready = new ArrayList<>();
        List<String> warmAtStart = new ArrayList<>();
        List<String> warmAtEnd = new ArrayList<>();
        Bench.Command serve = port -> Bench.ourCommand(jar, List.of(), "serve", "--port", String.valueOf(port),
                "--store", store.toString(), "--data", data.toString(), "--ontology", ontology.toString(),
                "--queries", root.resolve("queries").toString(), "--timeout", String.valueOf(timeout));
        Duration requestTimeout = Duration.ofSeconds(timeout + 60);
        for (int s = 0; s < starts; s++) {
            Bench.Server server = Bench.Server.start(serve, work, "serve-" + (s + 1));
            Map<String, Answer> cold = new LinkedHashMap<>();
            Map<String, List<Double>> warm = new LinkedHashMap<>();
            Map<String, Map<String, Integer>> warmCache = new LinkedHashMap<>();
            String warmStart;
            String warmEnd;
            try {
                ready.add(server.startSeconds);
                if (waitWarmUp) {
                    long w0 = System.nanoTime();
                    while (!cacheWarm(server, requestTimeout).matches("done .*, X-Warm-Up done") && Bench.seconds(w0) < 1800) Thread.sleep(200);
                    Bench.log("saved queries: the server's warm-up done %.1f s after ready", Bench.seconds(w0));
                }
                warmStart = cacheWarm(server, requestTimeout);
                warmAtStart.add(warmStart);
                for (Call c : calls) cold.put(c.label(), call(server, c, requestTimeout));
                for (Call c : calls) {
                    List<Double> times = new ArrayList<>();
                    Map<String, Integer> caches = warmCache.computeIfAbsent(c.label(), k -> new LinkedHashMap<>());
                    long t0 = System.nanoTime();
                    for (int i = 0; i < repeats && (i < 3 || Bench.seconds(t0) < budget); i++) {
                        Answer a = call(server, c, requestTimeout);
                        if (!a.ok()) {
                            figures.get(c.label()).errors.add("start " + (s + 1) + ", warm: " + a.error());
                            break;
                        }
                        times.add(a.ms());
                        caches.merge(a.cache(), 1, Integer::sum);
                    }
                    warm.put(c.label(), times);
                }
                warmEnd = cacheWarm(server, requestTimeout);
                warmAtEnd.add(warmEnd);
            } finally {
                server.stop();
            }
            for (Call c : calls) {
                Figures f = figures.get(c.label());
                Answer a = cold.get(c.label());
                if (a.ok()) {
                    f.cold.add(a.ms());
                    f.rows.add(a.rows());
                    f.coldCache.merge(a.cache(), 1, Integer::sum);
                } else f.errors.add("start " + (s + 1) + ", cold: " + a.error());
                f.warm.addAll(warm.get(c.label()));
                warmCache.get(c.label()).forEach((k, v) -> f.warmCache.merge(k, v, Integer::sum));
            }
            perStart(s + 1, label, server.startSeconds, warmStart, warmEnd, calls, cold, warm, warmCache).forEach(System.err::println);
        }
        return table(label, what, starts, repeats, budget, timeout, load, ready, warmAtStart, warmAtEnd, calls, figures, Bench.seconds(started));
    }

    // ---------------------------------------------------------------- the calls

    /** A grlc parameter in a saved query's text: {@code ?_company_iri} is the required {@code company}, {@code ?__source_iri} the optional {@code source}. */
    static final Pattern PARAMETER = Pattern.compile("\\?(_{1,2})([A-Za-z0-9]+)");

    /**
     * Every saved query of {@code dir} (sorted), required parameters given a value the data holds; a query with
     * optional parameters twice, without them and with them.
     */
    static List<Call> calls(Path dir, boolean bundled) throws Exception {
        List<Call> calls = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".rq")).sorted().toList()) {
                String name = f.getFileName().toString().replace(".rq", "");
                Map<String, Boolean> params = new LinkedHashMap<>(); // name -> required
                Matcher m = PARAMETER.matcher(Files.readString(f));
                while (m.find()) params.merge(m.group(2), m.group(1).length() == 1, Boolean::logicalOr);
                String required = query(params, bundled, true);
                String all = query(params, bundled, false);
                calls.add(new Call(name + label(required), "/queries/" + name + required));
                if (!all.equals(required)) calls.add(new Call(name + label(all), "/queries/" + name + all));
            }
        }
        return calls;
    }

    /** The query string for the required parameters only, or for all of them. */
    static String query(Map<String, Boolean> params, boolean bundled, boolean requiredOnly) {
        StringBuilder q = new StringBuilder();
        params.forEach((p, required) -> {
            if (requiredOnly && !required) return;
            q.append(q.length() == 0 ? "?" : "&").append(p).append('=').append(Bench.enc(value(p, bundled)));
        });
        return q.toString();
    }

    /**
     * A realistic value for a parameter, one the data holds. Bundled: Baidu, "iflytek", the Global Times report on the
     * Wuzhen summit ({@code data/documents.ttl}). Synthetic ({@link SyntheticData}): company 7 (as the Bench and Peers
     * use), "company 7", source document 7 (both exist from 10k triples up: 41 companies and 16 documents there).
     */
    static String value(String parameter, boolean bundled) {
        return switch (parameter) {
            case "company", "entity" -> KG + (bundled ? "org/baidu" : "org/c7");
            case "name" -> bundled ? "iflytek" : "company 7";
            case "source" -> KG + (bundled ? "source/global-times-wuzhen-2024" : "doc/d7");
            default -> throw new IllegalArgumentException("saved query parameter '" + parameter
                    + "': no realistic value known; add one to SavedQueriesBench.value");
        };
    }

    static String label(String query) {
        return java.net.URLDecoder.decode(query, StandardCharsets.UTF_8).replace(KG, "id/");
    }

    /** One GET of a call, JSON results, the whole body read; rows counted after the clock stops. */
    static Answer call(Bench.Server server, Call c, Duration timeout) {
        return call(server.http, server.base, c, timeout);
    }

    static Answer call(HttpClient http, String base, Call c, Duration timeout) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + c.path())).timeout(timeout)
                .header("Accept", "application/sparql-results+json").build();
        long t = System.nanoTime();
        try {
            HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            double ms = (System.nanoTime() - t) / 1e6;
            String cache = r.headers().firstValue("X-Cache").orElse("none");
            if (r.statusCode() != 200) {
                String body = new String(r.body(), StandardCharsets.UTF_8).strip();
                String first = body.isEmpty() ? "(empty body)" : body.lines().findFirst().orElse("");
                return new Answer(r.statusCode(), -1, ms, cache, r.statusCode() + " " + (first.length() > 160 ? first.substring(0, 160) + "…" : first));
            }
            return new Answer(200, rows(r.body()), ms, cache, null);
        } catch (Exception e) {
            return new Answer(-1, -1, (System.nanoTime() - t) / 1e6, "none",
                    String.format(Locale.ROOT, "no answer after %.1f s: %s", (System.nanoTime() - t) / 1e9, e));
        }
    }

    /** What {@code X-Cache-Warm} says on {@code GET /queries} now. */
    static String cacheWarm(Bench.Server server, Duration timeout) {
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(server.base + "/queries")).timeout(timeout)
                    .header("Accept", "application/json").build();
            HttpResponse<Void> r = server.http.send(req, HttpResponse.BodyHandlers.discarding());
            return r.headers().firstValue("X-Cache-Warm").orElse("(no header; status " + r.statusCode() + ")")
                    + r.headers().firstValue("X-Warm-Up").map(w -> ", X-Warm-Up " + w).orElse("");
        } catch (Exception e) {
            return "(no answer: " + e + ")";
        }
    }

    /**
     * Rows of a SPARQL JSON result: the objects in {@code results.bindings} (1 for an ASK's {@code boolean}), counted by
     * a scan of the bytes, so that an answer of hundreds of MB is not built as a tree; -1 if neither is found.
     */
    static long rows(byte[] b) {
        int depth = 0;
        int bindings = -1; // depth of the bindings array while inside it
        boolean sawBoolean = false;
        String last = null;
        long n = 0;
        for (int i = 0; i < b.length; i++) {
            byte c = b[i];
            if (c == '"') {
                int start = ++i;
                while (i < b.length && b[i] != '"') {
                    if (b[i] == '\\') i++;
                    i++;
                }
                last = i - start <= 16 ? new String(b, start, i - start, StandardCharsets.UTF_8) : null;
                if (depth == 1 && "boolean".equals(last)) sawBoolean = true;
            } else if (c == '{' || c == '[') {
                depth++;
                if (c == '[' && depth == 3 && bindings < 0 && "bindings".equals(last)) bindings = depth;
                else if (c == '{' && bindings > 0 && depth == bindings + 1) n++;
            } else if (c == '}' || c == ']') {
                if (depth == bindings) bindings = 0; // done: 0 marks "found"
                depth--;
            }
        }
        return bindings >= 0 ? n : sawBoolean ? 1 : -1;
    }

    // ---------------------------------------------------------------- output

    static List<String> perStart(int start, String label, double ready, String warmStart, String warmEnd, List<Call> calls,
                                 Map<String, Answer> cold, Map<String, List<Double>> warm, Map<String, Map<String, Integer>> warmCache) {
        List<String> out = new ArrayList<>();
        out.add("");
        out.add(String.format(Locale.ROOT, "bench: saved queries, %s, start %d: ready in %.2f s; X-Cache-Warm %s at the first call, %s after the warm calls",
                label, start, ready, warmStart, warmEnd));
        out.add("| call | status | rows | cold ms | cold X-Cache | warm calls | warm X-Cache | warm p50 ms | warm max ms |");
        out.add("|---|--:|--:|--:|---|--:|---|--:|--:|");
        for (Call c : calls) {
            Answer a = cold.get(c.label());
            List<Double> w = warm.get(c.label());
            out.add(String.format(Locale.ROOT, "| `%s` | %s | %s | %s | %s | %d | %s | %s | %s |", c.label(), a.ok() ? "200" : a.error(),
                    a.ok() ? String.valueOf(a.rows()) : "", a.ok() ? ms(a.ms()) : "", a.cache(), w.size(), tally(warmCache.get(c.label()), true),
                    ms(Bench.percentile(w, 50)), ms(Bench.percentile(w, 100))));
        }
        return out;
    }

    static List<String> table(String label, String what, int starts, int repeats, double budget, long timeout, double load, List<Double> ready,
                              List<String> warmAtStart, List<String> warmAtEnd, List<Call> calls, Map<String, Figures> figures, double seconds) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "Saved queries at `/queries/NAME`, %s: our server alone (`serve --timeout %d`, default heap), %s;"
                + " cold = the first request after start, each query once in turn " + (waitWarmUp ? "once the server's own warm-up is done (`--wait-warm-up`)" : "as soon as the server answers") + " (median and worst of the"
                + " starts); warm = then each %d times (at most %.0f s a query a start; p50, p99, max over all starts); JSON results,"
                + " the whole body read; %.1f minutes in all.", what, timeout, starts == 1 ? "1 start" : starts + " starts", repeats, budget, seconds / 60));
        out.add("");
        out.add(Double.isNaN(load) ? "- `load`: not run (`--reuse-store`: the previous run's store)"
                : String.format(Locale.ROOT, "- `load` (a fresh JVM, wall clock): %.1f s", load));
        out.add("- start to ready (process start to the first 200 of `ASK` at `/kg/sparql`), s: " + list(ready));
        out.add("- `X-Cache-Warm` on `GET /queries` right before the cold calls: " + String.join("; ", warmAtStart)
                + "; after the warm calls: " + String.join("; ", warmAtEnd));
        out.add("");
        out.add("| call | rows | cold median ms | cold worst ms | cold X-Cache | warm X-Cache | warm p50 ms | warm p99 ms | warm max ms | cold < 100 ms | warm p99 < 100 ms |");
        out.add("|---|--:|--:|--:|---|---|--:|--:|--:|:-:|:-:|");
        int coldMet = 0;
        int warmMet = 0;
        List<String> errors = new ArrayList<>();
        for (Call c : calls) {
            Figures f = figures.get(c.label());
            double worst = Bench.percentile(f.cold, 100);
            double p99 = Bench.percentile(f.warm, 99);
            boolean coldOk = !f.cold.isEmpty() && f.cold.size() == starts && worst < GOAL_MS;
            boolean warmOk = !f.warm.isEmpty() && f.errors.stream().noneMatch(e -> e.contains("warm")) && p99 < GOAL_MS;
            if (coldOk) coldMet++;
            if (warmOk) warmMet++;
            String rows = f.rows.isEmpty() ? "" : f.rows.size() == 1 ? String.valueOf(f.rows.iterator().next())
                    : f.rows.stream().map(String::valueOf).reduce((a, b) -> a + " / " + b).orElse("");
            out.add(String.format(Locale.ROOT, "| `%s` | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |", c.label(), rows, ms(Bench.median(f.cold)),
                    ms(worst), tally(f.coldCache, starts > 1), tally(f.warmCache, true), ms(Bench.percentile(f.warm, 50)), ms(p99), ms(Bench.percentile(f.warm, 100)),
                    coldOk ? "yes" : "**no**", warmOk ? "yes" : "**no**"));
            for (String e : f.errors) errors.add("`" + c.label() + "`, " + e);
        }
        out.add(String.format(Locale.ROOT, "| **met** | | | | | | | | | **%d of %d** | **%d of %d** |", coldMet, calls.size(), warmMet, calls.size()));
        if (!errors.isEmpty()) {
            out.add("");
            out.add("Not 200 (not timed):");
            errors.forEach(e -> out.add("- " + e));
        }
        return out;
    }

    /** X-Cache values and how often each came: "hit ×57, miss ×3". */
    static String tally(Map<String, Integer> counts, boolean withCounts) {
        if (counts == null) return "";
        StringBuilder b = new StringBuilder();
        counts.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(withCounts ? " ×" + v : ""));
        return b.toString();
    }

    static String ms(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, v < 10 ? "%.2f" : "%.1f", v);
    }

    static String list(List<Double> xs) {
        return String.join(", ", xs.stream().map(x -> String.format(Locale.ROOT, "%.2f", x)).toList());
    }

    /** Cores, CPU model, memory, Java, kernel. */
    static String machine() {
        String cpu = "";
        String mem = "";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.replaceAll(".*:\\s*", "")).findFirst().orElse("");
            mem = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> String.format(Locale.ROOT, "%.0f GB", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0)).findFirst().orElse("");
        } catch (Exception e) {
            // not Linux: leave them out
        }
        return String.format(Locale.ROOT, "%d cores%s%s, Java %s (%s), %s %s", Runtime.getRuntime().availableProcessors(),
                cpu.isEmpty() ? "" : " (" + cpu + ")", mem.isEmpty() ? "" : ", " + mem, System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.name"), System.getProperty("os.name"), System.getProperty("os.version"));
    }
}
