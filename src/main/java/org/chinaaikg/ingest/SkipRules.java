package org.chinaaikg.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What a curator marks as not-an-article (advertisements, page-builder shortcodes, navigation, captions), so that
 * none of it becomes a sentence, a mention or a claim. A rule file has one rule a line ({@code #} starts a comment
 * line; blank lines are ignored); each REGEX is a Java regular expression, matched against the whole file:
 * <pre>
 * span: REGEX                 leave out every match (e.g. a shortcode: span: \[/?et_pb_[^\]]*\])
 * line: REGEX                 leave out every line in which REGEX finds a match
 * block: START ==> END        leave out from each match of START to the end of the next match of END after it
 * from: REGEX                 leave out from the first match of REGEX to the end of the file
 * until: REGEX                leave out from the start of the file to the end of the first match of REGEX
 * </pre>
 * Regular expressions are case-sensitive unless they start with {@code (?i)}; a literal text is {@code \Q…\E}.
 */
public final class SkipRules {
    public enum Kind { SPAN, LINE, BLOCK, FROM, UNTIL }

    public record Rule(Kind kind, Pattern pattern, Pattern end, String source, int line) {}

    private final List<Rule> rules;

    private SkipRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static SkipRules none() {
        return new SkipRules(List.of());
    }

    public List<Rule> rules() { return rules; }

    /** Reads the rule files, in order; a malformed rule is an error naming file:line. */
    public static SkipRules read(List<Path> files) throws IOException {
        List<Rule> rules = new ArrayList<>();
        for (Path f : files) rules.addAll(parse(Files.readString(f, StandardCharsets.UTF_8), f.toString()));
        return new SkipRules(rules);
    }

    public static SkipRules parse(String text) {
        return new SkipRules(parse(text, "rules"));
    }

    private static List<Rule> parse(String text, String source) {
        List<Rule> rules = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            int colon = line.indexOf(':');
            String where = source + ":" + (i + 1);
            if (colon < 0) throw new IllegalArgumentException(where + ": a rule is 'span:', 'line:', 'block:', 'from:' or 'until:' and a regex, not: " + line);
            String name = line.substring(0, colon).strip();
            String arg = line.substring(colon + 1).strip();
            Kind kind;
            try {
                kind = Kind.valueOf(name.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": unknown rule '" + name + "' (span, line, block, from, until)");
            }
            if (arg.isEmpty()) throw new IllegalArgumentException(where + ": the rule has no regex");
            try {
                if (kind == Kind.BLOCK) {
                    int sep = arg.indexOf("==>");
                    if (sep < 0) throw new IllegalArgumentException(where + ": a block rule is 'block: START ==> END'");
                    rules.add(new Rule(kind, Pattern.compile(arg.substring(0, sep).strip()),
                            Pattern.compile(arg.substring(sep + 3).strip()), where, i + 1));
                } else {
                    rules.add(new Rule(kind, Pattern.compile(arg), null, where, i + 1));
                }
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(where + ": not a regular expression: " + e.getDescription() + " in " + arg);
            }
        }
        return rules;
    }

    /** A left-out stretch of a text (UTF-16 indexes) and the rule that left it out. */
    public record Skipped(int from, int to, Rule rule) {}

    /** Every stretch of {@code s} the rules leave out, in order of position (they may overlap). */
    public List<Skipped> apply(String s) {
        List<Skipped> out = new ArrayList<>();
        for (Rule r : rules) {
            Matcher m = r.pattern().matcher(s);
            switch (r.kind()) {
                case SPAN -> { while (m.find()) if (m.end() > m.start()) out.add(new Skipped(m.start(), m.end(), r)); }
                case LINE -> {
                    while (m.find()) {
                        int a = s.lastIndexOf('\n', Math.max(0, m.start() - 1));
                        int from = m.start() == 0 || s.charAt(m.start() - 1) == '\n' ? m.start() : a + 1;
                        int b = s.indexOf('\n', m.end());
                        out.add(new Skipped(Math.max(0, from), b < 0 ? s.length() : b, r));
                    }
                }
                case BLOCK -> {
                    int at = 0;
                    while (at <= s.length() && m.find(at)) {
                        Matcher e = r.end().matcher(s);
                        int to = e.find(m.end()) ? e.end() : s.length();
                        out.add(new Skipped(m.start(), to, r));
                        at = Math.max(to, m.start() + 1);
                    }
                }
                case FROM -> { if (m.find()) out.add(new Skipped(m.start(), s.length(), r)); }
                case UNTIL -> { if (m.find()) out.add(new Skipped(0, m.end(), r)); }
            }
        }
        out.sort(java.util.Comparator.comparingInt(Skipped::from));
        return out;
    }
}
