package org.chinaaikg.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names in the text that no known entity spells: candidates for new entities, for the curator to describe in
 * {@code data/entities/} or to ignore. Three kinds, each a pattern of the words themselves (no model):
 * an organisation (capitalised words ended by Inc., Group, Technology, University, …, or "University of X";
 * in Chinese, Han characters ended by 公司, 集团, 大学, …), a model-like token (letters with digits: GPT-4,
 * ChatGLM-6B, Qwen2.5), and a capitalised name (two or more capitalised words, or one that the text never writes
 * in lower case and that does not open its sentence).
 */
public final class EntityCandidates {
    public enum Hint { ORGANIZATION, MODEL, NAME }

    public record Candidate(int start, int end, String text, Hint hint) {}

    private static final String CAP = "\\p{Lu}[\\p{L}\\p{N}&'’.-]*";
    private static final Pattern ORG = Pattern.compile(
            "(?:" + CAP + "\\s+){0,4}" + CAP + "\\s+(?:Inc\\.?|Group|Technology|Technologies|University|Corporation|Corp\\.?|Co\\.|Ltd\\.?|Limited"
                    + "|Institute|Academy|Laboratory|Lab|Labs|Foundation|Holdings|Association|Administration|Ministry|Commission|Council|Bank)(?![\\p{L}])");
    private static final Pattern ORG_OF = Pattern.compile(
            "(?:(?:" + CAP + "\\s+){0,3})(?:University|Institute|Academy|Ministry|Bank|Government)\\s+of\\s+(?:the\\s+)?" + CAP + "(?:\\s+" + CAP + "){0,3}");
    private static final Pattern ORG_ZH = Pattern.compile("\\p{IsHan}{2,12}?(?:公司|集团|大学|研究院|研究所|实验室|科技|委员会|部)");
    private static final Pattern MODEL = Pattern.compile("(?<![\\p{L}\\p{N}])(?:\\p{L}[\\p{L}]*[-.]?\\p{N}[\\p{L}\\p{N}.]*(?:-[\\p{L}\\p{N}]+)*|\\p{N}+\\.\\p{Lu}{2,})");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}&'’.+/-]*");
    private static final Set<String> CONNECTORS = Set.of("of", "for", "and", "the", "de", "&", "on");
    /** Capitalised words that are no names on their own. */
    private static final Set<String> STOP = Set.of("the", "a", "an", "in", "on", "at", "for", "from", "with", "by", "as",
            "and", "but", "or", "if", "this", "that", "these", "those", "it", "its", "they", "their", "we", "our", "you",
            "your", "he", "she", "his", "her", "i", "there", "here", "what", "when", "where", "which", "who", "why", "how",
            "however", "meanwhile", "furthermore", "moreover", "indeed", "today", "also", "some", "many", "most", "all",
            "each", "every", "one", "two", "three", "figure", "table", "source", "photo", "see", "contact", "read", "more",
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "mr", "mrs", "ms", "dr", "prof", "not", "no", "yes", "so", "thus", "then", "now", "after", "before",
            "since", "while", "although", "because", "according", "said", "new", "first", "second", "third", "last",
            "next", "about", "over", "under", "into", "than", "such", "other", "another", "both", "even", "still",
            "already", "only", "just", "well", "let", "let’s", "let's", "anyways", "anyway", "again", "chinese");

    private EntityCandidates() {}

    /** Candidates inside the sentences that overlap no known mention, in order of position. */
    public static List<Candidate> find(Text text, List<Span> sentences, List<EntityIndex.Mention> known) {
        String s = text.string();
        String lower = EntityIndex.lower(s);
        List<Candidate> out = new ArrayList<>();
        for (Span sentence : sentences) {
            int base = text.utf16(sentence.start());
            String str = sentence.text();
            List<Candidate> here = new ArrayList<>();
            collect(ORG_OF.matcher(str), Hint.ORGANIZATION, text, base, here);
            collect(ORG.matcher(str), Hint.ORGANIZATION, text, base, here);
            collect(ORG_ZH.matcher(str), Hint.ORGANIZATION, text, base, here);
            Matcher mm = MODEL.matcher(str);
            while (mm.find()) {
                String t = trimDot(mm.group());
                if (t.codePoints().anyMatch(Character::isUpperCase) && t.codePoints().anyMatch(Character::isLetter)
                        && !t.matches("\\p{L}\\.\\p{N}.*")) {
                    here.add(candidate(text, base + mm.start(), base + mm.start() + t.length(), Hint.MODEL));
                }
            }
            if (!headline(str)) names(str, text, base, lower, here);
            for (Candidate c : here) {
                // A known name inside a longer one ("Alibaba" in "Alibaba Cloud", "AI" in "Pony AI") does not hide it.
                if (known.stream().anyMatch(k -> c.start() < k.end() && k.start() < c.end()
                        && !(c.start() <= k.start() && k.end() <= c.end() && c.end() - c.start() > k.end() - k.start()))) continue;
                if (out.stream().anyMatch(o -> c.start() < o.end() && o.start() < c.end())) continue;
                out.add(c);
            }
        }
        out.sort(Comparator.comparingInt(Candidate::start));
        return out;
    }

    /** A heading in title case ("China’s AI Sector is Limited by the Country’s Desire"): its capitals are no names. */
    static boolean headline(String sentence) {
        if (sentence.strip().matches("(?s).*[.!?。！？:;”\"]$")) return false;   // a heading ends with no full stop
        Matcher w = WORD.matcher(sentence);
        int words = 0, caps = 0;
        while (w.find()) {
            if (w.group().length() < 4) continue;
            words++;
            if (Character.isUpperCase(w.group().codePointAt(0))) caps++;
        }
        return words >= 2 && caps * 10 >= words * 7;
    }

    private static void collect(Matcher m, Hint hint, Text text, int base, List<Candidate> into) {
        while (m.find()) {
            int from = m.start();
            String g = m.group();
            // "The University of X": the article is no part of the name.
            Matcher w = WORD.matcher(g);
            while (w.find() && STOP.contains(w.group().toLowerCase(Locale.ROOT)) && w.end() < g.length()) {
                from = m.start() + w.end();
                while (from < m.end() && Character.isWhitespace(text.string().charAt(base + from))) from++;
            }
            String rest = text.string().substring(base + from, base + m.end());
            if (!rest.contains(" ") && !Sentences.isChinese(rest)) continue;               // "By University": the suffix alone is no name
            into.add(candidate(text, base + from, base + m.end(), hint));
        }
    }

    /** Runs of capitalised words (joined by "of", "and", "&" …), minus stop words at either end. */
    private static void names(String str, Text text, int base, String lowerText, List<Candidate> into) {
        Matcher w = WORD.matcher(str);
        List<int[]> run = new ArrayList<>();
        boolean first = true;
        while (true) {
            boolean found = w.find();
            String word = found ? trimDot(w.group()) : null;
            boolean cap = found && Character.isUpperCase(word.codePointAt(0)) && !STOP.contains(word.toLowerCase(Locale.ROOT))
                    && !Sentences.isChinese(word);
            if (found && !cap && !run.isEmpty() && CONNECTORS.contains(word) && joinable(str, run, w.start())) {
                first = false;
                continue;                                  // "Endowment for International": wait for the next word
            }
            if (cap && (run.isEmpty() || joinable(str, run, w.start()))) {
                run.add(new int[] {w.start(), w.start() + word.length(), first ? 1 : 0});
            } else {
                emit(run, str, text, base, lowerText, into);
                run.clear();
                if (cap) run.add(new int[] {w.start(), w.start() + word.length(), first ? 1 : 0});
            }
            if (!found) break;
            first = false;
        }
    }

    /** Only spaces and at most two connectors ("of the") between the run's last word and {@code start}. */
    private static boolean joinable(String str, List<int[]> run, int start) {
        String gap = str.substring(run.get(run.size() - 1)[1], start);
        if (gap.matches("\\s+")) return true;
        String[] words = gap.strip().split("\\s+");
        if (!gap.startsWith(" ") || !gap.endsWith(" ") || words.length > 2) return false;
        for (String x : words) if (!CONNECTORS.contains(x)) return false;
        return true;
    }

    private static void emit(List<int[]> run, String str, Text text, int base, String lowerText, List<Candidate> into) {
        if (run.isEmpty()) return;
        // "Meitu and Tezan" are two names: a run joined by "and" or "&" is emitted as its parts.
        for (int i = 1; i < run.size(); i++) {
            String gap = str.substring(run.get(i - 1)[1], run.get(i)[0]).strip();
            if (gap.equals("and") || gap.equals("&") || gap.equals("of the")) {
                emit(new ArrayList<>(run.subList(0, i)), str, text, base, lowerText, into);
                emit(new ArrayList<>(run.subList(i, run.size())), str, text, base, lowerText, into);
                return;
            }
        }
        int from = run.get(0)[0], to = run.get(run.size() - 1)[1];
        if (run.size() == 1) {
            String word = str.substring(from, to);
            // Opening its sentence, a word is capitalised anyway: a name only if followed by no comma ("Indeed,")
            // and never written in lower case (below).
            if (run.get(0)[2] == 1 && (to < str.length() && str.charAt(to) == ',' || word.length() < 3)) return;
            if (word.codePointCount(0, word.length()) < 2) return;
            // A word the text also writes in lower case is a common word, not a name.
            if (!word.equals(word.toUpperCase(Locale.ROOT)) && lowerCaseSomewhere(text.string(), lowerText, word.toLowerCase(Locale.ROOT))) return;
        }
        into.add(candidate(text, base + from, base + to, Hint.NAME));
    }

    /** Whether the text writes the word in lower case somewhere (then it is a common word, capitalised by position). */
    private static boolean lowerCaseSomewhere(String text, String lowerText, String lowerWord) {
        int at = 0;
        while ((at = lowerText.indexOf(lowerWord, at)) >= 0) {
            int end = at + lowerWord.length();
            if (EntityIndex.bounded(lowerText, at, end) && Character.isLowerCase(text.charAt(at))) return true;
            at = end;
        }
        return false;
    }

    private static String trimDot(String s) {
        while (s.endsWith(".") || s.endsWith("’") || s.endsWith("'") || s.endsWith("-")) s = s.substring(0, s.length() - 1);
        return s;
    }

    private static Candidate candidate(Text text, int from, int to, Hint hint) {
        return new Candidate(text.cp(from), text.cp(to), text.string().substring(from, to), hint);
    }
}
