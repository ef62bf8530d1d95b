package org.chinaaikg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The w3id.org rules in {@code w3id/china-ai-kg/.htaccess}, applied by a small interpreter of the mod_rewrite subset
 * they use ({@code RewriteCond %{HTTP_ACCEPT} … [NC,OR]}, {@code RewriteRule … [E=…]}, {@code [R=303,L,NE]},
 * {@code %{ENV:…}} and {@code $N}), in a per-directory context as w3id.org runs them (the path after
 * {@code /china-ai-kg/}). Each redirect is then followed on a real server, with the client's Accept header, to check
 * that it lands on what the client asked for.
 */
class W3idRedirectsTest {
    @RegisterExtension
    static final ServerExtension server = ServerExtension.onFixtures();

    static final Path HTACCESS = Path.of("w3id", "china-ai-kg", ".htaccess");
    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
    static final String COMUNICA = "application/n-quads,application/trig;q=0.95,application/ld+json;q=0.9,"
            + "application/n-triples;q=0.8,text/turtle;q=0.6,application/rdf+xml;q=0.5,text/n3;q=0.35,text/html;q=0.2";

    /** A redirect: status and Location. */
    record Redirect(int status, String location) {}

    record Cond(String test, Pattern pattern, boolean or) {}

    record Rule(List<Cond> conds, Pattern pattern, String substitution, Map<String, String> flags) {}

    static List<Rule> parse(Path file) throws IOException {
        List<Rule> rules = new ArrayList<>();
        List<Cond> conds = new ArrayList<>();
        for (String raw : Files.readAllLines(file)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] parts = line.split("\\s+");
            Map<String, String> flags = parts.length == 4 ? flags(parts[3]) : Map.of();
            switch (parts[0]) {
                case "Options", "RewriteEngine" -> { }
                case "RewriteCond" -> {
                    int flags2 = flags.containsKey("NC") ? Pattern.CASE_INSENSITIVE : 0;
                    conds.add(new Cond(parts[1], Pattern.compile(parts[2], flags2), flags.containsKey("OR")));
                }
                case "RewriteRule" -> {
                    int flags2 = flags.containsKey("NC") ? Pattern.CASE_INSENSITIVE : 0;
                    rules.add(new Rule(List.copyOf(conds), Pattern.compile(parts[1], flags2), parts[2], flags));
                    conds.clear();
                }
                default -> throw new IllegalArgumentException("not in the subset this test interprets: " + line);
            }
        }
        return rules;
    }

    static Map<String, String> flags(String bracketed) {
        Map<String, String> flags = new HashMap<>();
        if (!bracketed.startsWith("[")) return flags;
        for (String f : bracketed.substring(1, bracketed.length() - 1).split(",")) {
            int eq = f.indexOf('=');
            flags.put(eq < 0 ? f : f.substring(0, eq), eq < 0 ? "" : f.substring(eq + 1));
        }
        return flags;
    }

    /** Applies the rules to a path (relative to the folder, as in .htaccess) and an Accept header. */
    static Redirect apply(List<Rule> rules, String path, String accept) {
        Map<String, String> env = new HashMap<>();
        for (Rule rule : rules) {
            Matcher m = rule.pattern().matcher(path);
            if (!m.find()) continue;
            if (!conditionsHold(rule.conds(), accept, env)) continue;
            if (rule.flags().containsKey("E")) {
                String[] kv = rule.flags().get("E").split(":", 2);
                env.put(kv[0], kv[1]);
            }
            if (rule.substitution().equals("-")) {
                if (rule.flags().containsKey("L")) return null;
                continue;
            }
            String target = expand(rule.substitution(), m, env);
            if (rule.flags().containsKey("R")) {
                String r = rule.flags().get("R");
                return new Redirect(r.isEmpty() ? 302 : Integer.parseInt(r), target);
            }
            path = target;
            if (rule.flags().containsKey("L")) return null;
        }
        return null;
    }

    static boolean conditionsHold(List<Cond> conds, String accept, Map<String, String> env) {
        boolean result = true;
        boolean orPending = false;
        for (Cond c : conds) {
            String value = expand(c.test(), null, env).replace("%{HTTP_ACCEPT}", accept == null ? "" : accept);
            boolean holds = c.pattern().matcher(value).find();
            if (orPending) {
                result = result || holds;
            } else {
                if (!result) return false;
                result = holds;
            }
            orPending = c.or();
        }
        return result;
    }

    static String expand(String s, Matcher m, Map<String, String> env) {
        Matcher e = Pattern.compile("%\\{ENV:([A-Za-z_]+)}").matcher(s);
        StringBuilder b = new StringBuilder();
        while (e.find()) e.appendReplacement(b, Matcher.quoteReplacement(env.getOrDefault(e.group(1), "")));
        e.appendTail(b);
        String out = b.toString();
        if (m != null) {
            for (int i = m.groupCount(); i >= 1; i--) out = out.replace("$" + i, m.group(i) == null ? "" : m.group(i));
        }
        return out;
    }

    static String host() throws IOException {
        Matcher m = Pattern.compile("\\[E=KG:([^\\]]+)]").matcher(Files.readString(HTACCESS));
        assertTrue(m.find(), "the server's address in an E=KG: flag");
        String host = m.group(1);
        assertTrue(!m.find(), "the server's address is set on one line only");
        return host;
    }

    @Test
    void theServersAddressIsOneLine() throws IOException {
        String host = host();
        assertTrue(host.matches("https?://[^/]+"), host);
        long mentions = Files.readAllLines(HTACCESS).stream().filter(l -> !l.startsWith("#") && l.contains(host)).count();
        assertEquals(1, mentions, "the address appears on one line");
    }

    @Test
    void eachIriIsSentToTheServerWithTheRightNegotiation() throws Exception {
        List<Rule> rules = parse(HTACCESS);
        String kg = host();
        Object[][] cases = {
                // path, Accept, Location, what the server then answers with the same Accept (Content-Type)
                {"id/org/baidu", "text/turtle", kg + "/id/org/baidu", "text/turtle"},
                {"id/org/baidu", "application/ld+json", kg + "/id/org/baidu", "application/ld+json"},
                {"id/org/baidu", "application/rdf+xml", kg + "/id/org/baidu", "application/rdf+xml"},
                {"id/org/baidu", COMUNICA, kg + "/id/org/baidu", "application/n-quads"},
                {"id/org/baidu", BROWSER, kg + "/id/org/baidu.html", "text/html"},
                {"id/org/baidu", null, kg + "/id/org/baidu", "text/turtle"},
                {"id/org/baidu", "*/*", kg + "/id/org/baidu", "text/turtle"},
                {"id/org/baidu.ttl", BROWSER, kg + "/id/org/baidu.ttl", "text/turtle"},
                {"id/org/baidu.jsonld", null, kg + "/id/org/baidu.jsonld", "application/ld+json"},
                {"id/org/baidu.nq", null, kg + "/id/org/baidu.nq", "application/n-quads"},
                {"ontology", "text/turtle", kg + "/ontology", "text/turtle"},
                {"ontology", BROWSER, kg + "/ontology.html", "text/html"},
                {"ontology", null, kg + "/ontology", "text/turtle"},
                {"ontology.rdf", null, kg + "/ontology.rdf", "application/rdf+xml"},
                {"graph/entities/companies", "text/turtle",
                        kg + "/kg/get?graph=https://w3id.org/china-ai-kg/graph/entities/companies", "text/turtle"},
                {"", BROWSER, kg + "/", "text/html"},
        };
        List<String> failures = new ArrayList<>();
        for (Object[] c : cases) {
            String path = (String) c[0];
            String accept = (String) c[1];
            Redirect r = apply(rules, path, accept);
            String what = "/china-ai-kg/" + path + " Accept " + accept;
            if (r == null) { failures.add(what + ": no redirect"); continue; }
            if (r.status() != 303) failures.add(what + ": " + r.status() + ", not 303");
            if (!c[2].equals(r.location())) { failures.add(what + ": to " + r.location() + ", not " + c[2]); continue; }
            // The client asks again, with its Accept, at the server (here the test server in the host's place).
            String local = server.base() + r.location().substring(kg.length());
            HttpResponse<String> answer = TestServer.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(local))
                    .headers(accept == null ? new String[] {"X-No-Accept", "1"} : new String[] {"Accept", accept}).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            String type = answer.headers().firstValue("Content-Type").orElse("");
            if (answer.statusCode() != 200 || !type.startsWith((String) c[3])) {
                failures.add(what + ": the server answered " + answer.statusCode() + " " + type + ", not " + c[3]);
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void otherPathsAreNotRedirected() throws IOException {
        List<Rule> rules = parse(HTACCESS);
        for (String path : List.of("foo", "id/org", "id/org/baidu/extra", "kg/sparql", "id/org/baidu.exe")) {
            assertNull(apply(rules, path, "text/turtle"), path);
        }
        assertNotNull(apply(rules, "ontology/", "text/turtle"));
    }
}
