package org.chinaaikg.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;

/**
 * Peers side by side on the bundled data ({@code bench/run.sh --peers}): our server, plain Apache Jena Fuseki on a
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
 */
public final class Peers {
    static final String KG = "https://w3id.org/china-ai-kg/id/";
    static final String[] ENGINES = {"ours", "plain Fuseki", "Virtuoso", "Oxigraph"};

    record Q(String name, String text) {}

    public static void main(String[] args) throws Exception {
        int repeats = 20;
        int rounds = 2;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--peers" -> { }
                case "--repeats" -> repeats = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "\nusage: bench/run.sh --peers [--repeats 20] [--rounds 2]");
            }
        }
        Path root = Path.of("").toAbsolutePath();
        Path work = root.resolve("bench/work/peers");
        Bench.deleteRecursively(work);
        Files.createDirectories(work);
        Path jar = root.resolve("target/china-ai-kg.jar");
        Path fusekiJar = root.resolve("bench/lib/jena-fuseki-server-5.6.0.jar");

        // The same quads for every engine.
        Path store = work.resolve("store");
        double ourLoad = Bench.time(List.of(Bench.java(), "-jar", jar.toString(), "load", "--store", store.toString(),
                "--data", root.resolve("data").toString(), "--ontology", root.resolve("ontology").toString()), work, "ours");
        Path nq = Files.createDirectories(work.resolve("nquads")).resolve("all.nq");
        Process dump = new ProcessBuilder(Bench.java(), "-cp", fusekiJar.toString(), "tdb2.tdbdump", "--loc", store.toString())
                .redirectOutput(nq.toFile()).redirectError(work.resolve("dump.log").toFile()).start();
        if (dump.waitFor() != 0) throw new IllegalStateException("tdb2.tdbdump failed; see " + work.resolve("dump.log"));
        long quads;
        try (Stream<String> lines = Files.lines(nq)) {
            quads = lines.filter(l -> !l.isBlank()).count();
        }
        Set<String> ourGraphs = new LinkedHashSet<>();
        try (Stream<String> lines = Files.lines(nq)) {
            lines.filter(l -> !l.isBlank()).forEach(l -> {
                String t = l.substring(0, l.lastIndexOf('.')).trim();
                ourGraphs.add(t.substring(t.lastIndexOf('<') + 1, t.length() - 1));
            });
        }
        Bench.log("%,d quads in %d named graphs (ours: load %.1f s)", quads, ourGraphs.size(), ourLoad);

        List<Q> queries = queries(root);
        // engine -> query -> p50 of each round; engine -> query -> rows
        Map<String, Map<String, List<Double>>> p50 = new LinkedHashMap<>();
        Map<String, Map<String, Long>> rows = new LinkedHashMap<>();
        Map<String, String> loads = new LinkedHashMap<>();
        loads.put("ours", String.format(Locale.ROOT, "`load` %.1f s (JVM start, parse, SHACL, entailments, indexes)", ourLoad));
        for (int r = 0; r < rounds; r++) {
            // ours
            Bench.Command ours = port -> List.of(Bench.java(), "-jar", jar.toString(), "serve", "--port", String.valueOf(port),
                    "--store", store.toString(), "--data", root.resolve("data").toString(), "--ontology", root.resolve("ontology").toString(),
                    "--queries", root.resolve("queries").toString());
            Bench.Server s = Bench.Server.start(ours, work, "ours");
            try {
                measureHttp("ours", s.base + "/kg/sparql", "", queries, repeats, p50, rows);
            } finally {
                s.stop();
            }
            // plain Fuseki on a copy of the same store
            Path plainStore = Bench.copy(store, work.resolve("store-plain"));
            Bench.Options o = new Bench.Options(List.of(), 1, 1, 1, false, false, false, work, fusekiJar, jar);
            s = Bench.Server.start(Bench.fuseki(o, work, plainStore, "plain"), work, "plain");
            try {
                measureHttp("plain Fuseki", s.base + "/kg/sparql", "", queries, repeats, p50, rows);
            } finally {
                s.stop();
            }
            // Virtuoso
            Virtuoso v = Virtuoso.start(work.resolve("virtuoso"), nq.getParent());
            try {
                if (r == 0) loads.put("Virtuoso", String.format(Locale.ROOT, "`ld_dir` + `rdf_loader_run` + `checkpoint` %.1f s (server running)", v.loadSeconds));
                Set<String> extra = new LinkedHashSet<>(v.graphs());
                extra.removeAll(ourGraphs);
                // Virtuoso's default graph is every graph it holds, its own system graphs too: leave those out, so
                // that the default graph is the union of ours, as on the other engines.
                StringBuilder defines = new StringBuilder();
                for (String g : extra) defines.append("define input:default-graph-exclude <").append(g).append(">\n")
                        .append("define input:named-graph-exclude <").append(g).append(">\n");
                if (r == 0) Bench.log("Virtuoso: graphs of its own, excluded from queries: %s", extra);
                measureHttp("Virtuoso", v.sparql, defines.toString(), queries, repeats, p50, rows);
            } finally {
                v.stop();
            }
            // Oxigraph, in process in Node
            oxigraph(root, work, nq, queries, repeats, p50, rows, loads);
        }

        // The table.
        List<String> out = new ArrayList<>();
        out.add("");
        out.add(String.format(Locale.ROOT, "%,d quads, %d named graphs; engines one after another, %d rounds, %d repeats a query (p50, ms; median of the rounds)",
                quads, ourGraphs.size(), rounds, repeats));
        out.add("");
        out.add("| query | rows | ours | plain Fuseki | Virtuoso | Oxigraph | ours/plain | ours/Virtuoso | ours/Oxigraph |");
        out.add("|---|--:|--:|--:|--:|--:|--:|--:|--:|");
        double[] logSum = new double[3];
        int[] n = new int[3];
        List<String> differing = new ArrayList<>();
        for (Q q : queries) {
            Long base = rows.get("ours").get(q.name());
            StringBuilder line = new StringBuilder("| `" + q.name() + "` | " + base + " |");
            double[] t = new double[ENGINES.length];
            boolean[] same = new boolean[ENGINES.length];
            List<String> diff = new ArrayList<>();
            for (int e = 0; e < ENGINES.length; e++) {
                Long got = rows.get(ENGINES[e]).get(q.name());
                same[e] = base != null && base.equals(got);
                t[e] = Bench.median(p50.get(ENGINES[e]).get(q.name()));
                line.append(same[e] ? String.format(Locale.ROOT, " %.2f |", t[e]) : " rows " + got + " |");
                if (!same[e]) diff.add(ENGINES[e] + " " + got);
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
            if (!diff.isEmpty()) differing.add("`" + q.name() + "`: ours " + base + " rows, " + String.join(", ", diff));
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
        out.add("");
        out.add("Loads of the same " + String.format("%,d", quads) + " quads:");
        loads.forEach((k, v) -> out.add("- " + k + ": " + v));
        System.out.println();
        out.forEach(System.out::println);
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

    static void measureHttp(String engine, String endpoint, String prefix, List<Q> queries, int repeats,
                            Map<String, Map<String, List<Double>>> p50, Map<String, Map<String, Long>> rows) throws Exception {
        HttpClient http = Bench.client();
        for (Q q : queries) {
            HttpRequest req = HttpRequest.newBuilder(URI.create(endpoint))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/sparql-results+json")
                    .POST(HttpRequest.BodyPublishers.ofString("query=" + Bench.enc(prefix + q.text()))).build();
            List<Double> times = new ArrayList<>();
            byte[] last = null;
            String error = null;
            for (int i = 0; i < 3 + repeats; i++) {
                long t = System.nanoTime();
                HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                double ms = (System.nanoTime() - t) / 1e6;
                if (r.statusCode() != 200) {
                    error = r.statusCode() + ": " + new String(r.body()).lines().limit(3).reduce("", (a, b) -> a + " " + b);
                    break;
                }
                if (i >= 3) times.add(ms);
                last = r.body();
            }
            long n = error != null ? -1 : count(last);
            if (error != null) Bench.log("%s: %s failed: %s", engine, q.name(), error);
            rows.computeIfAbsent(engine, k -> new LinkedHashMap<>()).put(q.name(), n);
            p50.computeIfAbsent(engine, k -> new LinkedHashMap<>()).computeIfAbsent(q.name(), k -> new ArrayList<>())
                    .add(times.isEmpty() ? Double.NaN : Bench.percentile(times, 50));
        }
        Bench.log("%s measured", engine);
    }

    /** Rows of a SELECT answer in SPARQL JSON; 1 for an ASK answer. */
    static long count(byte[] json) {
        JsonObject r = JSON.parse(new ByteArrayInputStream(json));
        if (r.hasKey("boolean")) return 1;
        return r.getObj("results").get("bindings").getAsArray().size();
    }

    // ---------------------------------------------------------------- Oxigraph

    static final String OXIGRAPH_JS = """
            const ox = require('oxigraph');
            const fs = require('fs');
            const [nq, queriesFile, repeats] = process.argv.slice(2);
            const queries = JSON.parse(fs.readFileSync(queriesFile, 'utf8'));
            const store = new ox.Store();
            let t = process.hrtime.bigint();
            store.load(fs.readFileSync(nq, 'utf8'), { format: 'application/n-quads' });
            const loadMs = Number(process.hrtime.bigint() - t) / 1e6;
            const out = { loadMs, size: store.size, queries: {} };
            for (const q of queries) {
              const times = []; let rows = -1; let error = null;
              try {
                for (let i = 0; i < 3 + Number(repeats); i++) {
                  t = process.hrtime.bigint();
                  const r = store.query(q.text, { use_default_graph_as_union: true });
                  rows = typeof r === 'boolean' ? 1 : r.length;
                  const ms = Number(process.hrtime.bigint() - t) / 1e6;
                  if (i >= 3) times.push(ms);
                }
              } catch (e) { error = String(e); rows = -1; }
              times.sort((a, b) => a - b);
              const p50 = times.length ? times[Math.max(0, Math.ceil(times.length / 2) - 1)] : null;
              out.queries[q.name] = { rows, p50, error };
            }
            console.log(JSON.stringify(out));
            """;

    static void oxigraph(Path root, Path work, Path nq, List<Q> queries, int repeats, Map<String, Map<String, List<Double>>> p50,
                         Map<String, Map<String, Long>> rows, Map<String, String> loads) throws Exception {
        Path node = root.resolve("bench/work/node");
        if (!Files.isDirectory(node.resolve("node_modules/oxigraph"))) {
            throw new IllegalStateException("no Oxigraph: run bench/run.sh (it installs npm oxigraph into bench/work/node)");
        }
        Path script = node.resolve("oxigraph-bench.js");
        Files.writeString(script, OXIGRAPH_JS);
        StringBuilder json = new StringBuilder("[");
        for (Q q : queries) {
            if (json.length() > 1) json.append(',');
            json.append("{\"name\":").append(jsonString(q.name())).append(",\"text\":").append(jsonString(q.text())).append('}');
        }
        Path qf = work.resolve("queries.json");
        Files.writeString(qf, json.append(']').toString());
        Process p = new ProcessBuilder("node", script.toString(), nq.toString(), qf.toString(), String.valueOf(repeats))
                .directory(node.toFile()).redirectError(work.resolve("oxigraph.log").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IllegalStateException("oxigraph failed; see " + work.resolve("oxigraph.log"));
        // A small reading of the one-line JSON the script prints: {"loadMs":…,"size":…,"queries":{"name":{"rows":…,"p50":…,"error":…}}}
        JsonObject tree = JSON.parse(out.trim());
        loads.putIfAbsent("Oxigraph", String.format(Locale.ROOT, "`Store.load` %.1f s (in process, %d quads)",
                tree.get("loadMs").getAsNumber().value().doubleValue() / 1000, tree.get("size").getAsNumber().value().longValue()));
        for (Q q : queries) {
            JsonObject r = tree.getObj("queries").getObj(q.name());
            if (!r.get("error").isNull()) Bench.log("Oxigraph: %s failed: %s", q.name(), r.get("error").getAsString().value());
            rows.computeIfAbsent("Oxigraph", k -> new LinkedHashMap<>()).put(q.name(), r.get("rows").getAsNumber().value().longValue());
            p50.computeIfAbsent("Oxigraph", k -> new LinkedHashMap<>()).computeIfAbsent(q.name(), k -> new ArrayList<>())
                    .add(r.get("p50").isNull() ? Double.NaN : r.get("p50").getAsNumber().value().doubleValue());
        }
        Bench.log("Oxigraph measured");
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

        static Virtuoso start(Path dir, Path nquads) throws Exception {
            Bench.deleteRecursively(dir);
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
                    NumberOfBuffers = 100000
                    MaxDirtyBuffers = 60000
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
                    MaxQueryExecutionTime = 60
                    MaxQueryCostEstimationTime = 400
                    """.formatted(d, sql, nquads.toString(), http));
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
            int rc = v.isql("ld_dir('" + nquads + "', '*.nq', 'urn:x-bench:none'); rdf_loader_run(); checkpoint;");
            v.loadSeconds = Bench.seconds(t1);
            if (rc != 0) throw new IllegalStateException("Virtuoso bulk load failed");
            String errors = v.isqlOut("SELECT ll_file, ll_error FROM DB.DBA.LOAD_LIST WHERE ll_error IS NOT NULL;");
            if (errors.contains("/")) throw new IllegalStateException("Virtuoso bulk load errors: " + errors);
            HttpClient client = Bench.client();
            HttpRequest ask = HttpRequest.newBuilder(URI.create(v.sparql + "?query=" + Bench.enc("ASK {}"))).build();
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

        /** The graphs Virtuoso holds. */
        List<String> graphs() throws Exception {
            HttpRequest req = HttpRequest.newBuilder(URI.create(sparql))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/sparql-results+json")
                    .POST(HttpRequest.BodyPublishers.ofString("query=" + Bench.enc("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"))).build();
            byte[] body = Bench.client().send(req, HttpResponse.BodyHandlers.ofByteArray()).body();
            List<String> gs = new ArrayList<>();
            for (var b : JSON.parse(new ByteArrayInputStream(body)).getObj("results").get("bindings").getAsArray()) {
                gs.add(b.getAsObject().getObj("g").get("value").getAsString().value());
            }
            return gs;
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
