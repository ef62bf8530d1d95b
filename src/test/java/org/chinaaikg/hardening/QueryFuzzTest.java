package org.chinaaikg.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.chinaaikg.web.ServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Mutated saved queries (tokens deleted, duplicated, swapped; random bytes inserted), from a fixed seed so that a
 * failure can be replayed: the server may refuse them (4xx) or stop them (503, the timeout), never fail with 5xx.
 */
class QueryFuzzTest {
    static final long SEED = 20261125L;
    static final int MUTANTS = 1200;
    static final Pattern TOKEN = Pattern.compile("\\s+|[{}().;,]|[^\\s{}().;,]+");

    @RegisterExtension
    static final ServerExtension server = ServerExtension.onFixtures("--timeout", "1");

    @Test
    void mutatedSavedQueriesNeverGetA5xxOtherThanTheTimeout() throws Exception {
        List<String> seeds = new ArrayList<>();
        try (Stream<Path> rq = Files.list(Path.of("queries"))) {
            for (Path p : rq.filter(p -> p.toString().endsWith(".rq")).sorted().toList()) seeds.add(Files.readString(p));
        }
        assertTrue(seeds.size() >= 5, "saved queries found: " + seeds.size());
        Random random = new Random(SEED);
        List<byte[]> mutants = new ArrayList<>();
        for (int i = 0; i < MUTANTS; i++) mutants.add(mutate(seeds.get(random.nextInt(seeds.size())), random));

        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<Integer, String> failures = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < mutants.size(); i++) {
                int n = i;
                results.add(pool.submit(() -> send(n, mutants.get(n), failures)));
            }
            for (Future<Integer> f : results) statuses.merge(f.get(), 1, Integer::sum);
        } finally {
            pool.shutdownNow();
        }
        System.out.println("fuzz: " + MUTANTS + " mutated queries, statuses " + statuses);
        assertEquals(Map.of(), failures, "seed " + SEED);
        assertTrue(statuses.getOrDefault(400, 0) > MUTANTS / 10, "most mutants should be refused: " + statuses);
        assertTrue(statuses.getOrDefault(200, 0) > 10, "some mutants should still run: " + statuses);
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Mutant {@code n}: even ones POSTed as application/sparql-query, odd ones as a GET. */
    private static int send(int n, byte[] query, Map<Integer, String> failures) throws Exception {
        HttpRequest req;
        if (n % 2 == 0) {
            req = HttpRequest.newBuilder(URI.create(server.base() + "/kg/sparql"))
                    .header("Content-Type", "application/sparql-query").header("Accept", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(query)).build();
        } else {
            String text = new String(query, StandardCharsets.UTF_8);
            req = HttpRequest.newBuilder(URI.create(server.base() + "/kg/sparql?query=" + URLEncoder.encode(text, StandardCharsets.UTF_8)))
                    .header("Accept", "application/sparql-results+json").GET().build();
        }
        HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 500 && r.statusCode() != 503) {
            failures.put(n, r.statusCode() + " for\n" + new String(query, StandardCharsets.UTF_8) + "\n" + r.body());
        }
        return r.statusCode();
    }

    /** One to three mutations of the query's tokens, or a few random bytes. */
    static byte[] mutate(String query, Random random) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(query);
        while (m.find()) tokens.add(m.group());
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && !tokens.isEmpty(); e++) {
            int i = random.nextInt(tokens.size());
            switch (random.nextInt(4)) {
                case 0 -> tokens.remove(i);
                case 1 -> tokens.add(i, tokens.get(i));
                case 2 -> {
                    int j = random.nextInt(tokens.size());
                    String t = tokens.get(i);
                    tokens.set(i, tokens.get(j));
                    tokens.set(j, t);
                }
                default -> {
                    byte[] junk = new byte[1 + random.nextInt(8)];
                    random.nextBytes(junk);
                    tokens.add(i, new String(junk, StandardCharsets.ISO_8859_1));
                }
            }
        }
        String text = String.join("", tokens);
        // Raw bytes: the junk goes out as it is, not necessarily valid UTF-8.
        return text.getBytes(StandardCharsets.ISO_8859_1.newEncoder().canEncode(text) ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }
}
