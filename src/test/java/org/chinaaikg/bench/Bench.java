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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
 * The benchmark behind {@code bench/run.sh}: synthetic data at several sizes, loaded by our {@code load} and by
 * {@code tdb2.tdbloader}, then served in turn by our server and by plain Apache Jena Fuseki over the same TDB2 store,
 * each measured the same way: start to first answer, {@code /$/ping}, the saved-query mix at 1, 4 and 16 clients,
 * peak RSS. Prints a table of figures and ratios (ours / plain), medians over the repeats.
 */
public final class Bench {
    static final String KG = "https://w3id.org/china-ai-kg/id/";

    record Options(List<Long> sizes, int repeats, double seconds, long seed, Path work, Path fusekiJar, Path ourJar) {}

    public static void main(String[] args) throws Exception {
        List<Long> sizes = List.of(10_000L, 100_000L, 1_000_000L);
        int repeats = 3;
        double seconds = 5;
        long seed = 42;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sizes" -> sizes = Arrays.stream(args[++i].split(",")).map(Bench::size).toList();
                case "--repeats" -> repeats = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: [--sizes 10k,100k,1m,10m] [--repeats 3] [--seconds 5] [--seed 42]");
            }
        }
        Options o = new Options(sizes, repeats, seconds, seed, Path.of("bench", "work").toAbsolutePath(),
                Path.of("bench", "lib", "jena-fuseki-server-5.6.0.jar").toAbsolutePath(), Path.of("target", "china-ai-kg.jar").toAbsolutePath());
        List<String> table = new ArrayList<>();
        table.add(String.format("| %-8s | %-44s | %12s | %12s | %7s |", "triples", "measure", "ours", "plain Fuseki", "ours/plain"));
        table.add("|----------|----------------------------------------------|-------------:|-------------:|-----------:|");
        for (long size : o.sizes()) table.addAll(runSize(o, size));
        System.out.println();
        table.forEach(System.out::println);
    }

    static long size(String s) {
        s = s.trim().toLowerCase(Locale.ROOT);
        long mult = s.endsWith("k") ? 1_000 : s.endsWith("m") ? 1_000_000 : 1;
        return Long.parseLong(mult == 1 ? s : s.substring(0, s.length() - 1)) * mult;
    }

    static List<String> runSize(Options o, long size) throws Exception {
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
                "--data", data.toString(), "--ontology", ontology.toString()), dir);
        List<String> files = new ArrayList<>(List.of(java(), "-cp", o.fusekiJar().toString(), "tdb2.tdbloader", "--loc",
                dir.resolve("store-tdbloader").toString()));
        try (Stream<Path> walk = Files.walk(data)) {
            walk.filter(p -> p.toString().endsWith(".ttl")).sorted().forEach(p -> files.add(p.toString()));
        }
        files.add(ontology.resolve("china-ai-kg.ttl").toString());
        double plainLoad = time(files, dir);
        log("load: ours %.1f s, tdb2.tdbloader %.1f s", oursLoad, plainLoad);

        Path config = dir.resolve("fuseki.ttl");
        Files.writeString(config, """
                @prefix fuseki: <http://jena.apache.org/fuseki#> .
                @prefix tdb2:   <http://jena.apache.org/2016/tdb#> .
                <#service> a fuseki:Service ; fuseki:name "kg" ;
                    fuseki:endpoint [ fuseki:operation fuseki:query ; fuseki:name "sparql" ] ;
                    fuseki:dataset <#dataset> .
                <#dataset> a tdb2:DatasetTDB2 ; tdb2:location "%s" ; tdb2:unionDefaultGraph true .
                """.formatted(store.toString().replace("\\", "/")));

        Map<String, List<Double>> ours = new LinkedHashMap<>();
        Map<String, List<Double>> plain = new LinkedHashMap<>();
        List<Query> mix = mix();
        for (int r = 0; r < o.repeats(); r++) {
            measure(o, mix, ours, port -> List.of(java(), "-jar", o.ourJar().toString(), "serve", "--port", String.valueOf(port),
                    "--store", store.toString(), "--data", data.toString(), "--ontology", ontology.toString(),
                    "--queries", "queries", "--timeout", "120"), dir, "ours");
            measure(o, mix, plain, port -> List.of(java(), "-jar", o.fusekiJar().toString(), "--config", config.toString(),
                    "--port", String.valueOf(port)), dir, "plain");
        }
        List<String> rows = new ArrayList<>();
        String label = String.format("%,d", triples);
        rows.add(row(label, "load, triples/s (ours: load; plain: tdb2.tdbloader)", triples / oursLoad, triples / plainLoad, "%.0f"));
        for (String key : ours.keySet()) {
            String fmt = key.contains("req/s") || key.contains("MB") ? "%.0f" : key.contains("ms") ? "%.1f" : "%.2f";
            rows.add(row(label, key, median(ours.get(key)), median(plain.getOrDefault(key, List.of())), fmt));
        }
        return rows;
    }

    interface Command {
        List<String> at(int port);
    }

    record Query(String name, String text) {}

    /** The saved queries, with parameters filled in: an aggregate over all claims, a label filter, lookups. */
    static List<Query> mix() throws IOException {
        List<Query> mix = new ArrayList<>();
        mix.add(new Query("claims-per-source-kind", Files.readString(Path.of("queries", "claims-per-source-kind.rq"))));
        mix.add(new Query("count-by-type", Files.readString(Path.of("queries", "count-by-type.rq"))));
        mix.add(new Query("find-by-name", Files.readString(Path.of("queries", "find-by-name.rq")).replace("?_name", "\"company 7\"")));
        mix.add(new Query("claims-about", Files.readString(Path.of("queries", "claims-about.rq")).replace("?_entity_iri", "<" + KG + "org/c7>")));
        mix.add(new Query("models-and-developers", Files.readString(Path.of("queries", "models-and-developers.rq"))));
        return mix;
    }

    static void measure(Options o, List<Query> mix, Map<String, List<Double>> into, Command command, Path dir, String who) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path logFile = dir.resolve(who + "-server.log");
        long t0 = System.nanoTime();
        Process server = new ProcessBuilder(command.at(port)).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(logFile.toFile()).start();
        try {
            String base = "http://localhost:" + port;
            HttpClient http = client();
            String ask = base + "/kg/sparql?query=" + URLEncoder.encode("ASK { ?s ?p ?o }", StandardCharsets.UTF_8);
            while (true) {
                if (!server.isAlive()) throw new IllegalStateException(who + " server exited; see " + logFile);
                try {
                    if (http.send(HttpRequest.newBuilder(URI.create(ask)).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) break;
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(20);
                if (seconds(t0) > 600) throw new IllegalStateException(who + " server did not answer in 600 s");
            }
            add(into, "start to first answer, s", seconds(t0));

            List<Double> pings = new ArrayList<>();
            HttpRequest ping = HttpRequest.newBuilder(URI.create(base + "/$/ping")).build();
            for (int i = 0; i < 300; i++) {
                long p = System.nanoTime();
                int status = http.send(ping, HttpResponse.BodyHandlers.ofString()).statusCode();
                if (status != 200) throw new IllegalStateException("ping gave " + status);
                if (i >= 100) pings.add((System.nanoTime() - p) / 1e6);
            }
            add(into, "/$/ping p50, ms", percentile(pings, 50));

            // Warm-up, then each query alone (p50 of 5), then the mix at 1, 4 and 16 clients.
            run(base, mix, 4, Math.min(2, o.seconds()));
            for (Query q : mix) {
                List<Double> times = new ArrayList<>();
                for (int i = 0; i < 5; i++) times.add(run(base, List.of(q), 1, 0).latencies.get(0));
                add(into, "  " + q.name() + " alone, p50 ms", percentile(times, 50));
            }
            for (int clients : new int[] {1, 4, 16}) {
                Result r = run(base, mix, clients, o.seconds());
                if (r.errors > 0) log("%s: %d errors at %d clients", who, r.errors, clients);
                add(into, "mix, " + clients + " clients: req/s", r.latencies.size() / r.seconds);
                add(into, "mix, " + clients + " clients: p50 ms", percentile(r.latencies, 50));
                add(into, "mix, " + clients + " clients: p99 ms", percentile(r.latencies, 99));
                add(into, "mix, " + clients + " clients: errors", r.errors);
            }
            add(into, "peak RSS of the server, MB", vmHwmMb(server.pid()));
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    record Result(List<Double> latencies, int errors, double seconds) {}

    /** {@code clients} threads, each on its own connection, cycling through the mix for {@code seconds} (0: once). */
    static Result run(String base, List<Query> mix, int clients, double seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Double> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
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
                        Query q = mix.get(i++ % mix.size());
                        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/kg/sparql"))
                                .header("Content-Type", "application/sparql-query")
                                .header("Accept", "application/sparql-results+json")
                                .POST(HttpRequest.BodyPublishers.ofString(q.text())).build();
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

    static double vmHwmMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
        }
        return Double.NaN;
    }

    static double time(List<String> command, Path dir) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("load-" + (command.contains("tdb2.tdbloader") ? "tdbloader" : "ours") + ".log").toFile()).start();
        if (p.waitFor() != 0) throw new IllegalStateException("failed: " + String.join(" ", command));
        return seconds(t0);
    }

    static String row(String size, String measure, double ours, double plain, String fmt) {
        String ratio = Double.isNaN(plain) || plain == 0 ? "" : String.format("%.2f", ours / plain);
        return String.format(Locale.ROOT, "| %-8s | %-44s | %12s | %12s | %10s |", size, measure,
                String.format(Locale.ROOT, fmt, ours), Double.isNaN(plain) ? "" : String.format(Locale.ROOT, fmt, plain), ratio);
    }

    static void add(Map<String, List<Double>> into, String key, double value) {
        into.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }

    static double median(List<Double> xs) {
        return xs.isEmpty() ? Double.NaN : percentile(xs, 50);
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

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
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
