package org.chinaaikg.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The floor: what a request costs before any data is touched. Against a running server, {@code N} times each of
 * {@code POST /kg/sparql} with {@code ASK {}} (a form, JSON results) and {@code GET /$/ping}, one request at a time over
 * one keep-alive HTTP/1.1 connection (the JDK client), after {@code N/4} to warm up; prints p50, p90 and p99 in ms.
 * With {@code --pid}, also the server process's CPU time per request (user + system, from {@code /proc}): steadier
 * than the latency on a shared machine. {@code bench/floor.sh} starts the server on the bundled data and runs this.
 */
public final class Floor {
    private Floor() {}

    public static void main(String[] args) throws Exception {
        String base = "http://localhost:3030";
        int n = 2000;
        long pid = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> base = args[++i].replaceAll("/$", "");
                case "--requests" -> n = Integer.parseInt(args[++i]);
                case "--pid" -> pid = Long.parseLong(args[++i]);
                case "--help", "-h" -> {
                    System.out.println("Usage: Floor [--url http://localhost:3030] [--requests 2000] [--pid SERVER_PID]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (--help)");
            }
        }
        HttpClient http = Bench.client();
        HttpRequest ask = HttpRequest.newBuilder(URI.create(base + "/kg/sparql"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + Bench.enc("ASK {}"))).build();
        HttpRequest ping = HttpRequest.newBuilder(URI.create(base + "/$/ping")).build();
        System.out.println("| request | p50 ms | p90 ms | p99 ms | server CPU per request, µs |");
        System.out.println("|---|--:|--:|--:|--:|");
        for (var r : List.of(List.of("POST /kg/sparql ASK {}", ask), List.of("GET /$/ping", ping))) {
            List<Double> times = new ArrayList<>();
            double cpu = run(http, (HttpRequest) r.get(1), n, pid, times);
            System.out.printf("| %s | %.2f | %.2f | %.2f | %s |%n", r.get(0), Bench.percentile(times, 50),
                    Bench.percentile(times, 90), Bench.percentile(times, 99), pid == 0 ? "" : String.format("%.0f", cpu));
        }
    }

    /** Runs the request n/4 + n times, timing the last n; returns the server's CPU µs per timed request (0 without a pid). */
    static double run(HttpClient http, HttpRequest req, int n, long pid, List<Double> times) throws Exception {
        long cpu0 = 0;
        for (int i = 0; i < n / 4 + n; i++) {
            if (i == n / 4) cpu0 = cpuTicks(pid);
            long t = System.nanoTime();
            HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            double ms = (System.nanoTime() - t) / 1e6;
            if (r.statusCode() != 200) throw new IllegalStateException(req.uri() + ": " + r.statusCode() + " " + new String(r.body()));
            if (i >= n / 4) times.add(ms);
        }
        return pid == 0 ? 0 : (cpuTicks(pid) - cpu0) * 10_000.0 / n;
    }

    /** utime + stime of a process in clock ticks (1/100 s on Linux), or 0. */
    static long cpuTicks(long pid) throws Exception {
        if (pid == 0) return 0;
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
