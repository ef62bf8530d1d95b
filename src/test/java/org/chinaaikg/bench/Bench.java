package org.chinaaikg.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The benchmark behind {@code bench/run.sh}. Two parts:
 * <ol>
 * <li>The bundled data served by our server in a 256 MB heap: start to first answer, every saved query (first and
 * repeated, i.e. cached), 16 clients on a mix of saved queries, SPARQL and pages, errors, peak RSS.</li>
 * <li>Synthetic data at each size: load throughput of our {@code load} against {@code tdb2.tdbloader}; then three
 * servers up at once, each on its own copy of the store our {@code load} built: ours, plain Apache Jena Fuseki, and
 * plain Fuseki on the copy without {@code stats.opt}. Every measurement alternates between them request by request
 * (single queries, pings) or block by block (the mix at 1, 4 and 16 clients), so that the machine's noise falls on
 * all three alike; the ratios are what to read.</li>
 * </ol>
 * Prints tables in Markdown; figures are medians (latencies: percentiles over all samples).
 */
public final class Bench {
    static final String KG = "https://w3id.org/china-ai-kg/id/";
    static final String[] WHO = {"ours", "plain", "plain, no stats"};

    record Options(List<Long> sizes, int repeats, double seconds, long seed, boolean bundled, boolean oursAlone, boolean searchOnly, Path work,
                   Path fusekiJar, Path ourJar) {}

    public static void main(String[] args) throws Exception {
        List<Long> sizes = List.of(10_000L, 100_000L, 1_000_000L);
        int repeats = 3;
        double seconds = 5;
        long seed = 42;
        boolean bundled = true;
        boolean oursAlone = false;
        boolean searchOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sizes" -> sizes = args[++i].isBlank() ? List.of() : Arrays.stream(args[i].split(",")).map(Bench::size).toList();
                case "--repeats" -> repeats = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--no-bundled" -> bundled = false;
                case "--ours-alone" -> oursAlone = true;
                case "--search-only" -> searchOnly = true;
                case "--help", "-h" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        Options o = new Options(sizes, repeats, seconds, seed, bundled, oursAlone, searchOnly, Path.of("bench", "work").toAbsolutePath(),
                Path.of("bench", "lib", "jena-fuseki-server-5.6.0.jar").toAbsolutePath(), Path.of("target", "china-ai-kg.jar").toAbsolutePath());
        List<String> out = new ArrayList<>();
        if (o.bundled()) out.addAll(bundled(o));
        Map<Long, Map<String, Double>> growth = new LinkedHashMap<>();
        if (!o.sizes().isEmpty()) {
            out.add("");
            out.add(String.format("| %-9s | %-52s | %10s | %10s | %10s | %15s | %12s |", "triples", "measure", "ours",
                    "plain", "ours/plain", "plain, no stats", "stats effect"));
            out.add("|-----------|------------------------------------------------------|-----------:|-----------:|-----------:|----------------:|-------------:|");
            for (long size : o.sizes()) out.addAll(runSize(o, size, growth));
            out.addAll(growthTable(growth));
            out.addAll(SEARCH_TABLES);
        }
        System.out.println();
        out.forEach(System.out::println);
    }

    static final String USAGE = "usage: bench/run.sh [--sizes 10k,100k,1m,10m] [--repeats 3] [--seconds 5] [--seed 42] [--no-bundled]"
            + " [--ours-alone]\n  --ours-alone: after the loads, only our server, each query once to warm up and then 3 times"
            + " (for 10M: three servers with three copies of the store do not fit in 24 GB of page cache and heaps)"
            + "\n  --search-only: our load and the search measures only (no plain Fuseki, no tdbloader)";

    static long size(String s) {
        s = s.trim().toLowerCase(Locale.ROOT);
        long mult = s.endsWith("k") ? 1_000 : s.endsWith("m") ? 1_000_000 : 1;
        return Long.parseLong(mult == 1 ? s : s.substring(0, s.length() - 1)) * mult;
    }

    // ---------------------------------------------------------------- the bundled data in a 256 MB heap

    static List<String> bundled(Options o) throws Exception {
        Path dir = o.work().resolve("bundled");
        deleteRecursively(dir);
        Files.createDirectories(dir);
        Path store = dir.resolve("store");
        Path root = Path.of("").toAbsolutePath();
        Command serve = port -> ourCommand(o.ourJar(), List.of("-Xmx256m"), "serve", "--port", String.valueOf(port),
                "--store", store.toString(), "--data", root.resolve("data").toString(), "--ontology", root.resolve("ontology").toString(),
                "--queries", root.resolve("queries").toString());
        Map<String, List<Double>> m = new LinkedHashMap<>();
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < o.repeats(); r++) {
            deleteRecursively(store);
            Server fresh = Server.start(serve, dir, "bundled-fresh");
            add(m, "load + start to first answer (no store yet), s", fresh.startSeconds);
            fresh.stop();
            Server current = Server.start(serve, dir, "bundled");
            add(m, "start to first answer (store current), s", current.startSeconds);
            if (r < o.repeats() - 1) current.stop();
            else {
                add(m, "/$/ping p50, ms", percentile(current.pings(300), 50));
                List<HttpRequest> saved = savedQueryRequests(current.base);
                List<Double> first = new ArrayList<>();
                List<Double> again = new ArrayList<>();
                for (HttpRequest q : saved) {
                    first.add(current.time(q));
                    for (int i = 0; i < 20; i++) again.add(current.time(q));
                }
                add(m, "16 saved queries, first call: p50, ms", percentile(first, 50));
                add(m, "16 saved queries, first call: slowest, ms", percentile(first, 100));
                add(m, "saved queries repeated (cached): p50, ms", percentile(again, 50));
                add(m, "saved queries repeated (cached): p99, ms", percentile(again, 99));
                List<HttpRequest> mix = new ArrayList<>(saved);
                mix.addAll(sparqlRequests(current.base, mix(KG + "org/baidu", "baidu")));
                for (String page : List.of("/", "/id/org/baidu", "/id/model/ernie-bot", "/ontology", "/.well-known/void", "/queries")) {
                    mix.add(HttpRequest.newBuilder(URI.create(current.base + page)).build());
                }
                Result load = run(mix, 16, Math.max(10, o.seconds() * 2));
                add(m, "16 clients, " + mix.size() + " requests (queries, SPARQL, pages): req/s", load.perSecond());
                add(m, "16 clients: p50, ms", percentile(load.latencies, 50));
                add(m, "16 clients: p99, ms", percentile(load.latencies, 99));
                add(m, "16 clients: errors (non-200 or failed)", load.errors);
                add(m, "peak RSS of the server, MB", current.peakRssMb());
                current.stop();
                add(m, "OutOfMemoryError in the server log", Files.readString(current.log).contains("OutOfMemoryError") ? 1 : 0);
            }
        }
        rows.add("Bundled data (" + Files.readString(dir.resolve("bundled.log")).lines()
                .filter(l -> l.contains("China AI KG ready")).findFirst().map(l -> "server log: " + l.replaceAll(".*ready", "ready")).orElse("")
                + "), our server with `-Xmx256m`:");
        rows.add("");
        rows.add(String.format("| %-60s | %10s |", "measure", "value"));
        rows.add("|--------------------------------------------------------------|-----------:|");
        m.forEach((k, v) -> rows.add(String.format(Locale.ROOT, "| %-60s | %10s |", k, fmt(k, median(v)))));
        return rows;
    }

    /** Every saved query at /queries/NAME, with the required parameters filled in from the bundled data. */
    static List<HttpRequest> savedQueryRequests(String base) throws IOException {
        Map<String, String> params = Map.of("claims-about", "entity=" + enc(KG + "org/baidu"),
                "company-profile", "company=" + enc(KG + "org/baidu"), "find-by-name", "name=iflytek");
        List<HttpRequest> requests = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("queries"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".rq")).sorted().toList()) {
                String name = f.getFileName().toString().replace(".rq", "");
                String query = params.containsKey(name) ? "?" + params.get(name) : "";
                requests.add(HttpRequest.newBuilder(URI.create(base + "/queries/" + name + query))
                        .header("Accept", "application/sparql-results+json").build());
            }
        }
        return requests;
    }

    // ---------------------------------------------------------------- synthetic data, three servers side by side

    static List<String> runSize(Options o, long size, Map<Long, Map<String, Double>> growth) throws Exception {
        Path dir = o.work().resolve(String.valueOf(size));
        deleteRecursively(dir);
        Path data = dir.resolve("data");
        long triples = SyntheticData.write(data, size, o.seed());
        // The ontology without its SHACL shapes: the synthetic claims do not carry everything the real shapes ask.
        Path ontology = Files.createDirectories(dir.resolve("ontology"));
        Files.copy(Path.of("ontology", "china-ai-kg.ttl"), ontology.resolve("china-ai-kg.ttl"));
        log("%,d triples generated in %s", triples, data);

        Path store = dir.resolve("store");
        double oursLoad = time(List.of(java(), "-jar", o.ourJar().toString(), "load", "--store", store.toString(),
                "--data", data.toString(), "--ontology", ontology.toString()), dir, "ours");
        String label = String.format("%,d", triples);
        if (o.searchOnly()) return searchRows(o, dir, store, data, ontology, label, oursLoad);
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(data)) {
            walk.filter(p -> p.toString().endsWith(".ttl")).sorted().forEach(p -> files.add(p.toString()));
        }
        files.add(ontology.resolve("china-ai-kg.ttl").toString());
        List<String> tdbloader = List.of(java(), "-cp", o.fusekiJar().toString(), "tdb2.tdbloader", "--loc");
        double plainLoad = time(concat(tdbloader, List.of(dir.resolve("store-tdbloader").toString()), files), dir, "tdbloader");
        double graphLoad = time(concat(tdbloader, List.of(dir.resolve("store-tdbloader-graph").toString(),
                "--graph=https://w3id.org/china-ai-kg/graph/all"), files), dir, "tdbloader-graph");
        deleteRecursively(dir.resolve("store-tdbloader"));
        deleteRecursively(dir.resolve("store-tdbloader-graph"));
        log("load: ours %.1f s, tdb2.tdbloader %.1f s, tdb2.tdbloader --graph %.1f s", oursLoad, plainLoad, graphLoad);

        List<String> rows = new ArrayList<>();
        rows.add(row(label, "load, triples/s: ours against tdb2.tdbloader", new double[] {triples / oursLoad, triples / plainLoad, Double.NaN}, "%.0f"));
        rows.add(row(label, "  against tdb2.tdbloader --graph (quads, like ours)", new double[] {triples / oursLoad, triples / graphLoad, Double.NaN}, "%.0f"));
        if (o.oursAlone()) {
            rows.addAll(oursAlone(o, dir, store, data, ontology, label, growth.computeIfAbsent(triples, k -> new LinkedHashMap<>())));
            rows.addAll(searchRows(o, dir, store, data, ontology, label, oursLoad));
            return rows;
        }
        // Each server its own copy of the same store (TDB2 allows one process per store).
        Path plainStore = copy(store, dir.resolve("store-plain"));
        Path noStats = copy(store, dir.resolve("store-plain-nostats"));
        try (Stream<Path> stats = Files.walk(noStats)) {
            for (Path p : stats.filter(p -> p.getFileName().toString().equals("stats.opt")).toList()) Files.delete(p);
        }
        Command ours = ours(o, store, data, ontology);
        Command plain = fuseki(o, dir, plainStore, "plain");
        Command plainNoStats = fuseki(o, dir, noStats, "plain-nostats");
        Command[] commands = {ours, plain, plainNoStats};

        Map<String, double[]> m = new LinkedHashMap<>();

        // Each repeat starts the three servers afresh (one at a time, nothing else running, for the start time), then
        // measures them side by side; every figure is the median over the repeats, each repeat being one JVM life
        // per server (JIT decisions differ from one process to the next).
        Map<String, List<List<Double>>> perRepeat = new LinkedHashMap<>();
        List<Query> mix = mix(KG + "org/c7", "company 7");
        Map<String, Double> grows = growth.computeIfAbsent(triples, k -> new LinkedHashMap<>());
        for (int r = 0; r < o.repeats(); r++) {
            Server[] servers = new Server[3];
            try {
                for (int s = 0; s < 3; s++) {
                    servers[s] = Server.start(commands[s], dir, WHO[s].replace(", ", "-").replace(" ", "-"));
                    record(perRepeat, "start to first answer, s", s, servers[s].startSeconds);
                    // Let the JVM settle before the next one starts.
                    Thread.sleep(1000);
                }
                measureSideBySide(o, r, servers, mix, perRepeat);
            } finally {
                for (Server s : servers) if (s != null) s.stop();
            }
        }
        perRepeat.forEach((k, v) -> m.put(k, k.contains("errors")
                ? v.stream().mapToDouble(xs -> xs.stream().mapToDouble(Double::doubleValue).sum()).toArray()
                : v.stream().mapToDouble(Bench::median).toArray()));
        for (Query q : mix) grows.put(q.name(), m.get("  " + q.name() + " alone, p50 ms")[0]);
        m.forEach((k, v) -> rows.add(row(label, k, v, fmtOf(k))));
        rows.addAll(searchRows(o, dir, store, data, ontology, label, oursLoad));
        deleteRecursively(plainStore);
        deleteRecursively(noStats);
        return rows;
    }

    static Command ours(Options o, Path store, Path data, Path ontology) {
        return port -> ourCommand(o.ourJar(), List.of(), "serve", "--port", String.valueOf(port),
                "--store", store.toString(), "--data", data.toString(), "--ontology", ontology.toString(),
                "--queries", Path.of("queries").toAbsolutePath().toString(), "--timeout", "900");
    }

    /** Our server alone: start, ping, each query of the mix once to warm up and then 3 times (p50, slowest), RSS. */
    static List<String> oursAlone(Options o, Path dir, Path store, Path data, Path ontology, String label,
                                  Map<String, Double> grows) throws Exception {
        List<String> rows = new ArrayList<>();
        Server s = Server.start(ours(o, store, data, ontology), dir, "ours-alone");
        try {
            rows.add(row(label, "start to first answer, s", new double[] {s.startSeconds, Double.NaN, Double.NaN}, "%.2f"));
            rows.add(row(label, "/$/ping p50, ms", new double[] {percentile(s.pings(300), 50), Double.NaN, Double.NaN}, "%.1f"));
            List<Query> mix = mix(KG + "org/c7", "company 7");
            List<HttpRequest> requests = sparqlRequests(s.base, mix);
            for (int q = 0; q < mix.size(); q++) {
                double first = s.time(requests.get(q));
                List<Double> times = new ArrayList<>();
                for (int i = 0; i < 3; i++) times.add(s.time(requests.get(q)));
                rows.add(row(label, "  " + mix.get(q).name() + " first call, ms", new double[] {first, Double.NaN, Double.NaN}, "%.1f"));
                rows.add(row(label, "  " + mix.get(q).name() + " alone, p50 ms (of 3)", new double[] {percentile(times, 50), Double.NaN, Double.NaN}, "%.1f"));
                rows.add(row(label, "  " + mix.get(q).name() + " alone, slowest ms (of 3)", new double[] {percentile(times, 100), Double.NaN, Double.NaN}, "%.1f"));
                grows.put(mix.get(q).name(), percentile(times, 50));
            }
            rows.add(row(label, "peak RSS of the server, MB", new double[] {s.peakRssMb(), Double.NaN, Double.NaN}, "%.0f"));
        } finally {
            s.stop();
        }
        return rows;
    }

    /** One repeat's measurements of the three running servers, in turns; adds one value per server to each figure. */
    static void measureSideBySide(Options o, int repeat, Server[] servers, List<Query> mix, Map<String, List<List<Double>>> into) throws Exception {
        List<List<Double>> pings = samples();
        for (int i = 0; i < 400; i++) {
            for (int k = 0; k < 3; k++) {
                int s = (k + i) % 3;
                double t = servers[s].time(servers[s].ping);
                if (i >= 100) pings.get(s).add(t);
            }
        }
        record(into, "/$/ping p50, ms", pings, 50);

        List<List<HttpRequest>> requests = new ArrayList<>();
        for (Server s : servers) requests.add(sparqlRequests(s.base, mix));
        // Warm-up: each server runs the mix twice.
        for (int s = 0; s < 3; s++) for (int i = 0; i < 2; i++) for (HttpRequest q : requests.get(s)) servers[s].time(q);
        for (int q = 0; q < mix.size(); q++) {
            List<List<Double>> times = samples();
            long t0 = System.nanoTime();
            // At least 5 and at most 100 rounds, within a budget of 4 × --seconds per query.
            for (int round = 0; round < 100 && (round < 5 || seconds(t0) < 4 * o.seconds()); round++) {
                for (int k = 0; k < 3; k++) {
                    int s = (k + round) % 3;
                    times.get(s).add(servers[s].time(requests.get(s).get(q)));
                }
            }
            record(into, "  " + mix.get(q).name() + " alone, p50 ms", times, 50);
            record(into, "  " + mix.get(q).name() + " alone, p99 ms", times, 99);
            record(into, "  " + mix.get(q).name() + " alone, samples", s -> (double) times.get(s).size());
        }

        // Ours only: a saved query through /queries (cached after its first call) against the ping floor; the
        // plain columns repeat plain Fuseki's p50 for the same query over SPARQL, for scale.
        Server ours = servers[0];
        HttpRequest cachedReq = HttpRequest.newBuilder(URI.create(ours.base + "/queries/claims-about?entity=" + enc(KG + "org/c7")))
                .header("Accept", "application/sparql-results+json").build();
        double firstCall = ours.time(cachedReq);
        List<Double> cached = new ArrayList<>();
        List<Double> floor = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            cached.add(ours.time(cachedReq));
            floor.add(ours.time(ours.ping));
        }
        List<List<Double>> claimsAbout = into.get("  claims-about alone, p50 ms");
        record(into, "claims-about via /queries, first call, ms", s -> s == 0 ? firstCall : last(claimsAbout.get(s)));
        record(into, "claims-about via /queries, repeated (cached) p50 ms", s -> s == 0 ? percentile(cached, 50) : last(claimsAbout.get(s)));
        record(into, "  the same, over ours' /$/ping p50 (x)", s -> s == 0 ? percentile(cached, 50) / percentile(floor, 50) : Double.NaN);

        for (int clients : new int[] {1, 4, 16}) {
            List<List<Double>> lat = samples();
            double[] rate = new double[3];
            double[] errors = new double[3];
            for (int k = 0; k < 3; k++) {
                int s = (k + repeat) % 3;
                Result res = run(requests.get(s), clients, o.seconds());
                lat.get(s).addAll(res.latencies);
                rate[s] = res.perSecond();
                errors[s] = res.errors;
            }
            record(into, "mix, " + clients + " clients: req/s", s -> rate[s]);
            record(into, "mix, " + clients + " clients: p50 ms", lat, 50);
            record(into, "mix, " + clients + " clients: p99 ms", lat, 99);
            record(into, "mix, " + clients + " clients: errors", s -> errors[s]);
        }
        double[] rss = new double[3];
        for (int s = 0; s < 3; s++) rss[s] = servers[s].peakRssMb();
        record(into, "peak RSS of the server, MB", s -> rss[s]);
    }

    static List<List<Double>> samples() {
        return List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    static void record(Map<String, List<List<Double>>> into, String key, int server, double value) {
        into.computeIfAbsent(key, k -> samples()).get(server).add(value);
    }

    static void record(Map<String, List<List<Double>>> into, String key, java.util.function.IntToDoubleFunction value) {
        for (int s = 0; s < 3; s++) record(into, key, s, value.applyAsDouble(s));
    }

    static void record(Map<String, List<List<Double>>> into, String key, List<List<Double>> samples, double percentile) {
        record(into, key, s -> percentile(samples.get(s), percentile));
    }

    static double last(List<Double> xs) {
        return xs.get(xs.size() - 1);
    }

    static Command fuseki(Options o, Path dir, Path store, String name) throws IOException {
        Path config = dir.resolve(name + ".ttl");
        Files.writeString(config, """
                @prefix fuseki: <http://jena.apache.org/fuseki#> .
                @prefix tdb2:   <http://jena.apache.org/2016/tdb#> .
                <#service> a fuseki:Service ; fuseki:name "kg" ;
                    fuseki:endpoint [ fuseki:operation fuseki:query ; fuseki:name "sparql" ] ;
                    fuseki:dataset <#dataset> .
                <#dataset> a tdb2:DatasetTDB2 ; tdb2:location "%s" ; tdb2:unionDefaultGraph true .
                """.formatted(store.toString().replace("\\", "/")));
        return port -> List.of(java(), "-jar", o.fusekiJar().toString(), "--config", config.toString(), "--port", String.valueOf(port));
    }

    static List<String> growthTable(Map<Long, Map<String, Double>> growth) {
        List<String> rows = new ArrayList<>();
        if (growth.size() < 2) return rows;
        List<Long> sizes = new ArrayList<>(growth.keySet());
        rows.add("");
        rows.add("Growth: each query alone on our server, p50 ms, by size (last column: largest size over smallest).");
        rows.add("");
        StringBuilder head = new StringBuilder("| query                  |");
        StringBuilder rule = new StringBuilder("|------------------------|");
        for (long s : sizes) {
            head.append(String.format(" %12s |", String.format("%,d", s)));
            rule.append("-------------:|");
        }
        rows.add(head.append(" growth |").toString());
        rows.add(rule.append("-------:|").toString());
        for (String q : growth.get(sizes.get(0)).keySet()) {
            StringBuilder line = new StringBuilder(String.format("| %-22s |", q));
            for (long s : sizes) line.append(String.format(Locale.ROOT, " %12.1f |", growth.get(s).get(q)));
            double g = growth.get(sizes.get(sizes.size() - 1)).get(q) / growth.get(sizes.get(0)).get(q);
            rows.add(line.append(String.format(Locale.ROOT, " %6.1f |", g)).toString());
        }
        return rows;
    }

    // ---------------------------------------------------------------- queries and requests

    record Query(String name, String text) {}

    /** queries/find-by-name.rq before the search index: a case-insensitive CONTAINS over every label and spelling. */
    static final String SUBSTRING_FIND_BY_NAME = """
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT DISTINCT ?entity ?label ?type ?matched
            WHERE {
              ?entity rdfs:label|skos:altLabel ?matched .
              FILTER(CONTAINS(LCASE(STR(?matched)), LCASE(STR(?_name))))
              ?entity rdfs:label ?label . FILTER(langMatches(lang(?label), "en"))
              OPTIONAL { ?entity a ?type }
              FILTER(STRSTARTS(STR(?entity), "https://w3id.org/china-ai-kg/id/"))
            }
            ORDER BY ?label
            """;

    // ---------------------------------------------------------------- search (our server only)

    /**
     * Search against the old substring find-by-name, on our server alone: /search (exact name, a typo, Chinese),
     * /search/suggest, find-by-name over text:query, each {@value #SEARCH_SAMPLES} times after 100 to warm up (p50, p99);
     * the substring query 3 times after one (it scans every label); and what the index adds to load (from load's own
     * log). Rows of the main table, and a Markdown table of its own (with the load average before and after).
     */
    static List<String> searchRows(Options o, Path dir, Path store, Path data, Path ontology, String label, double oursLoad) throws Exception {
        List<String> rows = new ArrayList<>();
        List<String> table = new ArrayList<>();
        String before = loadAverage();
        String logged = Files.readString(dir.resolve("load-ours.log"));
        java.util.regex.Matcher indexed = java.util.regex.Pattern.compile("indexed (\\d+) names.* in ([0-9.]+) s").matcher(logged);
        double index = Double.NaN;
        double documents = Double.NaN;
        if (indexed.find()) {
            index = Double.parseDouble(indexed.group(2));
            documents = Double.parseDouble(indexed.group(1));
            rows.add(row(label, "search: load with the index, s", new double[] {oursLoad, Double.NaN, Double.NaN}, "%.1f"));
            rows.add(row(label, "search: load without it (less the index phase), s", new double[] {oursLoad - index, Double.NaN, Double.NaN}, "%.1f"));
            rows.add(row(label, "search: index documents", new double[] {documents, Double.NaN, Double.NaN}, "%.0f"));
        }
        Server s = Server.start(ours(o, store, data, ontology), dir, "ours-search");
        double old;
        double oldSlowest;
        Map<String, double[]> ours = new LinkedHashMap<>();
        try {
            Map<String, HttpRequest> fast = new LinkedHashMap<>();
            fast.put("/search?q=company 7", get(s.base, "/search?q=" + enc("company 7")));
            fast.put("/search?q=compnay 7 (typo)", get(s.base, "/search?q=" + enc("compnay 7")));
            fast.put("/search?q=公司7", get(s.base, "/search?q=" + enc("公司7")));
            fast.put("/search/suggest?q=comp", get(s.base, "/search/suggest?q=comp"));
            fast.put("find-by-name over text:query", sparqlRequests(s.base, List.of(new Query("fbn",
                    Files.readString(Path.of("queries", "find-by-name.rq")).replace("?_name", "\"company 7\"")))).get(0));
            for (Map.Entry<String, HttpRequest> e : fast.entrySet()) {
                for (int i = 0; i < 100; i++) s.time(e.getValue());
                List<Double> times = new ArrayList<>();
                for (int i = 0; i < SEARCH_SAMPLES; i++) times.add(s.time(e.getValue()));
                ours.put(e.getKey(), new double[] {percentile(times, 50), percentile(times, 99), percentile(times, 100)});
                rows.add(row(label, "search: " + e.getKey() + " p50 ms", new double[] {percentile(times, 50), Double.NaN, Double.NaN}, "%.1f"));
                rows.add(row(label, "search: " + e.getKey() + " p99 ms", new double[] {percentile(times, 99), Double.NaN, Double.NaN}, "%.1f"));
            }
            HttpRequest substring = sparqlRequests(s.base, List.of(new Query("old",
                    SUBSTRING_FIND_BY_NAME.replace("?_name", "\"company 7\"")))).get(0);
            s.time(substring);
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < 3; i++) times.add(s.time(substring));
            old = percentile(times, 50);
            oldSlowest = percentile(times, 100);
            rows.add(row(label, "search: old substring find-by-name p50 ms (of 3)", new double[] {old, Double.NaN, Double.NaN}, "%.1f"));
        } finally {
            s.stop();
        }
        String after = loadAverage();
        table.add("");
        table.add("Search at " + label + " triples, our server alone (" + SEARCH_SAMPLES + " requests each after 100; the old query 3"
                + " after one); load average (1, 5, 15 min) before " + before + ", after " + after + ":");
        table.add("");
        table.add("| request                                   |  p50 ms |  p99 ms | slowest ms | old substring find-by-name p50 / ours p50 |");
        table.add("|-------------------------------------------|--------:|--------:|-----------:|------------------------------------------:|");
        ours.forEach((k, v) -> table.add(String.format(Locale.ROOT, "| %-41s | %7.1f | %7.1f | %10.1f | %41.0f |", "`" + k + "`", v[0], v[1], v[2], old / v[0])));
        table.add(String.format(Locale.ROOT, "| %-41s | %7.1f | %7s | %10.1f | %41s |", "old substring `find-by-name` (of 3)", old, "", oldSlowest, "1"));
        table.add("");
        table.add("| load of " + label + " triples                |      s |");
        table.add("|-------------------------------------------|-------:|");
        table.add(String.format(Locale.ROOT, "| %-41s | %6.1f |", "with the search index", oursLoad));
        table.add(String.format(Locale.ROOT, "| %-41s | %6.1f |", "without it (less the index phase)", oursLoad - index));
        table.add(String.format(Locale.ROOT, "| %-41s | %6.1f |", "the index phase", index));
        table.add(String.format(Locale.ROOT, "| %-41s | %6.0f |", "index documents (names, statements)", documents));
        SEARCH_TABLES.addAll(table);
        return rows;
    }

    static final int SEARCH_SAMPLES = 500;
    /** The search tables of every size, printed after the main table. */
    static final List<String> SEARCH_TABLES = new ArrayList<>();

    /** The load averages of /proc/loadavg (1, 5, 15 minutes), as uptime prints them. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    static HttpRequest get(String base, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET().build();
    }

    /** Five saved queries as SPARQL, parameters filled in: aggregates over all claims and types, a label filter, lookups. */
    static List<Query> mix(String entity, String name) throws IOException {
        List<Query> mix = new ArrayList<>();
        mix.add(new Query("claims-per-source-kind", Files.readString(Path.of("queries", "claims-per-source-kind.rq"))));
        mix.add(new Query("count-by-type", Files.readString(Path.of("queries", "count-by-type.rq"))));
        // The substring find-by-name as it was before the search index (plain Fuseki has no text:query).
        mix.add(new Query("find-by-name", SUBSTRING_FIND_BY_NAME.replace("?_name", "\"" + name + "\"")));
        mix.add(new Query("claims-about", Files.readString(Path.of("queries", "claims-about.rq")).replace("?_entity_iri", "<" + entity + ">")));
        mix.add(new Query("models-and-developers", Files.readString(Path.of("queries", "models-and-developers.rq"))));
        return mix;
    }

    static List<HttpRequest> sparqlRequests(String base, List<Query> mix) {
        return mix.stream().map(q -> HttpRequest.newBuilder(URI.create(base + "/kg/sparql"))
                .header("Content-Type", "application/sparql-query")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString(q.text())).build()).toList();
    }

    interface Command {
        List<String> at(int port);
    }

    /** A server process on a free port, answering; one HTTP/1.1 connection for the single-request measurements. */
    static final class Server {
        final Process process;
        final String base;
        final Path log;
        final double startSeconds;
        final HttpClient http = client();
        final HttpRequest ping;

        private Server(Process process, String base, Path log, double startSeconds) {
            this.process = process;
            this.base = base;
            this.log = log;
            this.startSeconds = startSeconds;
            this.ping = HttpRequest.newBuilder(URI.create(base + "/$/ping")).build();
        }

        static Server start(Command command, Path dir, String name) throws Exception {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Path log = dir.resolve(name + ".log");
            long t0 = System.nanoTime();
            Process process = new ProcessBuilder(command.at(port)).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            String base = "http://localhost:" + port;
            HttpClient http = client();
            HttpRequest ask = HttpRequest.newBuilder(URI.create(base + "/kg/sparql?query=" + enc("ASK { ?s ?p ?o }"))).build();
            while (true) {
                if (!process.isAlive()) throw new IllegalStateException(name + " server exited; see " + log);
                try {
                    if (http.send(ask, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) break;
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(10);
                if (seconds(t0) > 900) throw new IllegalStateException(name + " server did not answer in 900 s");
            }
            return new Server(process, base, log, seconds(t0));
        }

        /** Milliseconds to a complete answer; anything but 200 stops the benchmark. */
        double time(HttpRequest request) throws Exception {
            long t = System.nanoTime();
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) throw new IllegalStateException(request.uri() + " gave " + r.statusCode() + " from " + base);
            return (System.nanoTime() - t) / 1e6;
        }

        List<Double> pings(int n) throws Exception {
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < n + 100; i++) {
                double t = time(ping);
                if (i >= 100) times.add(t);
            }
            return times;
        }

        double peakRssMb() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
            return Double.NaN;
        }

        void stop() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
    }

    record Result(List<Double> latencies, int errors, double seconds) {
        double perSecond() {
            return latencies.size() / seconds;
        }
    }

    /** {@code clients} threads, each on its own connection, cycling through the requests for {@code seconds}. */
    static Result run(List<HttpRequest> requests, int clients, double seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        long t0 = System.nanoTime();
        long end = t0 + (long) (seconds * 1e9);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int offset = c;
                futures.add(pool.submit(() -> {
                    HttpClient http = client();
                    int i = offset;
                    do {
                        HttpRequest req = requests.get(i++ % requests.size());
                        long s = System.nanoTime();
                        try {
                            HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                            if (r.statusCode() != 200) errors.incrementAndGet();
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        latencies.add((System.nanoTime() - s) / 1e6);
                    } while (System.nanoTime() < end);
                    return null;
                }));
            }
            for (Future<?> f : futures) f.get();
        } finally {
            pool.shutdownNow();
        }
        return new Result(new ArrayList<>(latencies), errors.get(), seconds(t0));
    }

    /** Plain HTTP/1.1: the JDK client otherwise asks every new connection to upgrade to h2c. */
    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    // ---------------------------------------------------------------- helpers

    static double time(List<String> command, Path dir, String name) throws Exception {
        return time(command, dir, dir, name);
    }

    /** Seconds a command takes, run in {@code cwd}, its output in {@code dir}/load-NAME.log. */
    static double time(List<String> command, Path cwd, Path dir, String name) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("load-" + name + ".log").toFile()).start();
        if (p.waitFor() != 0) throw new IllegalStateException("failed (see load-" + name + ".log): " + String.join(" ", command.subList(0, 6)));
        return seconds(t0);
    }

    static String row(String size, String measure, double[] v, String fmt) {
        if (measure.contains("samples")) v = new double[] {v[0], Double.NaN, Double.NaN};
        return String.format(Locale.ROOT, "| %-9s | %-52s | %10s | %10s | %10s | %15s | %12s |", size, measure,
                num(fmt, v[0]), num(fmt, v[1]), ratio(v[0], v[1]), num(fmt, v[2]), ratio(v[1], v[2]));
    }

    static String fmtOf(String key) {
        return key.contains("req/s") || key.contains("MB") || key.contains("triples/s") ? "%.0f"
                : key.contains("errors") || key.contains("samples") || key.contains("Error") ? "%.0f" : key.contains("(x)") ? "%.2f" : key.contains("ms") ? "%.1f" : "%.2f";
    }

    static String fmt(String key, double v) {
        return num(fmtOf(key), v);
    }

    static String num(String fmt, double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, fmt, v);
    }

    static String ratio(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) || b == 0 ? "" : String.format(Locale.ROOT, "%.2f", a / b);
    }

    static double[] percentiles(List<List<Double>> samples, double p) {
        return samples.stream().mapToDouble(xs -> percentile(xs, p)).toArray();
    }

    static void add(Map<String, List<Double>> into, String key, double value) {
        into.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }

    /**
     * The median of the values that are numbers (a failed measurement's NaN left out): the middle one, or the mean of
     * the two middle ones for an even count (so of two rounds, their mean); NaN if there is none.
     */
    static double median(List<Double> xs) {
        double[] sorted = xs.stream().mapToDouble(Double::doubleValue).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (sorted.length == 0) return Double.NaN;
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    static double percentile(List<Double> xs, double p) {
        if (xs.isEmpty()) return Double.NaN;
        double[] sorted = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @SafeVarargs
    static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> p : parts) all.addAll(p);
        return all;
    }

    static Path copy(Path from, Path to) throws IOException {
        deleteRecursively(to);
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else if (!p.getFileName().toString().equals("tdb.lock")) Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return to;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Our jar's command line as README starts it: java, these options, the class-data archive that {@code mvn package}
     * makes beside the jar ({@code china-ai-kg.jsa}) when it is there, {@code -jar JAR}, then these arguments.
     */
    static List<String> ourCommand(Path jar, List<String> jvmOptions, String... args) {
        List<String> c = new ArrayList<>(List.of(java()));
        c.addAll(jvmOptions);
        Path archive = jar.resolveSibling(jar.getFileName().toString().replaceFirst("\\.jar$", "") + ".jsa");
        if (Files.exists(archive)) c.add("-XX:SharedArchiveFile=" + archive);
        c.addAll(List.of("-jar", jar.toString()));
        c.addAll(List.of(args));
        return c;
    }

    static void log(String fmt, Object... args) {
        System.err.printf("bench: " + fmt + "%n", args);
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
