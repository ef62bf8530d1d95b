package org.chinaaikg.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.chinaaikg.Fixtures;
import org.chinaaikg.cli.Main;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At 10M triples the memory watchdog stopped queries that plain Fuseki answered, reporting 4.2 of 6 GB in use while
 * the server at rest held 45 MB: a young collection counts the dead objects a finished scan left in the old
 * generation. Here the server runs in its own 256 MB JVM ({@link #main}), a quarter of the heap short of the
 * watchdog's share is filled with objects that then die in the old generation, and a query that allocates hundreds of
 * megabytes but holds almost nothing must answer 200, not 503.
 */
@Tag("slow")
class GarbageInOldGenerationTest {
    static final String QUERY = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

    @TempDir
    Path dir;

    @Test
    void deadObjectsInTheOldGenerationDoNotStopAQuery() throws Exception {
        Fixtures.Project p = Fixtures.copyTo(dir);
        assertEquals(0, p.run("load").exitCode());
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-XX:+UseG1GC", "-cp", classpath(),
                GarbageInOldGenerationTest.class.getName(), String.valueOf(port), "serve", "--port", String.valueOf(port),
                "--queries", p.queries().toString()));
        command.addAll(p.inputOptions());
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out;
        try {
            out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the server's JVM did not end");
        } finally {
            child.destroyForcibly();
        }
        String answer = out.lines().filter(l -> l.startsWith("ANSWER ")).findFirst().orElse("no answer: " + out);
        assertTrue(out.contains("GARBAGE "), out);
        assertEquals("ANSWER 200", answer.replaceFirst("^(ANSWER \\d+).*", "$1"), out);
    }

    /** In the server's JVM: serve, fill the old generation with what then dies, ask the query, print its status. */
    public static void main(String[] args) throws Exception {
        String base = "http://localhost:" + args[0];
        String[] serve = java.util.Arrays.copyOfRange(args, 1, args.length);
        Thread server = new Thread(() -> Main.run(serve), "serve");
        server.setDaemon(true);
        server.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        waitFor(http, base);
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        // Past the watchdog's share by a twentieth of the heap, in small objects a full collection moves to the old
        // generation; then nothing refers to them, and only a full collection or G1's mixed ones would free them.
        long garbage = (long) (rt.maxMemory() * 0.75) - live;
        List<long[]> held = new ArrayList<>();
        for (long n = 0; n < garbage; n += 144) held.add(new long[16]);
        System.gc();
        System.out.println("GARBAGE " + (garbage >> 20) + " MB beside " + (live >> 20) + " MB live, of " + (rt.maxMemory() >> 20));
        held = null;
        HttpRequest query = HttpRequest.newBuilder(URI.create(base + "/kg/sparql?query=" + URLEncoder.encode(QUERY, StandardCharsets.UTF_8)))
                .header("Accept", "text/csv").timeout(Duration.ofSeconds(60)).build();
        HttpResponse<String> r = http.send(query, HttpResponse.BodyHandlers.ofString());
        System.out.println("ANSWER " + r.statusCode() + " " + r.body().strip().replace('\n', ' '));
        System.exit(0);
    }

    /** Until the server answers and its request-path warm-up is done. */
    private static void waitFor(HttpClient http, String base) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/queries")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && "done".equals(r.headers().firstValue("X-Warm-Up").orElse(""))) return;
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the server was not ready and warm within 90 s");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String classpath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return String.join(File.pathSeparator, cp.split(File.pathSeparator));
    }
}
