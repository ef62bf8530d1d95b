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
 * {@code data/entities/} or to ignore. Each kind is a pattern of the words themselves (no model): an organisation
 * (capitalised words ended by Inc., Group, Technology, University, …, "University of X", "government of X", an
 * institute after a name; in Chinese, Han characters ended by 公司, 集团, 大学, …), a model-like token (letters with
 * digits: GPT-4, ChatGLM-6B, Qwen2.5, 5G), a title (in quotation marks, before "by Author", or a document ending in
 * Plan, Measures, Regulations, Report, …), a term (an e-word, or a lower-case term ending in the last word of a
 * technology the graph knows), and a capitalised name (two or more capitalised words, one that the text never
 * writes in lower case and that does not open its sentence, a list item's head, words set in bold).
 */
public final class EntityCandidates {
    public enum Hint { ORGANIZATION, MODEL, NAME, TITLE, TERM }

    public record Candidate(int start, int end, String text, Hint hint) {}

    private static final String CAP = "\\p{Lu}[\\p{L}\\p{N}&'’.-]*";
    private static final Pattern ORG = Pattern.compile(
            "(?:(?<![\\p{N},.])\\p{N}{2,3}\\s+)?(?:" + CAP + "\\s+){0,4}" + CAP + "\\s+(?:Inc\\.?|Group|Technology|Technologies|University|Corporation|Corp\\.?|Co\\.|Ltd\\.?|Limited"
                    + "|Institute|Academy|Laboratory|Lab|Labs|Foundation|Holdings|Association|Administration|Ministry|Commission|Council|Bank)(?![\\p{L}])");
    private static final Pattern ORG_OF = Pattern.compile(
            "(?:(?:" + CAP + "\\s+){0,3})(?:University|Institute|Academy|Ministry|Bank|Government)\\s+of\\s+(?:the\\s+)?" + CAP + "(?:\\s+" + CAP + "){0,3}");
    private static final Pattern ORG_ZH = Pattern.compile("\\p{IsHan}{2,12}?(?:公司|集团|大学|研究院|研究所|实验室|科技|委员会|部)");
    private static final Pattern MODEL = Pattern.compile("(?<![\\p{L}\\p{N}])(?:\\p{L}[\\p{L}]*[-.]?\\p{N}[\\p{L}\\p{N}.]*(?:-[\\p{L}\\p{N}]+)*|\\p{N}+\\.\\p{Lu}{2,}"
            + "|(?<![.,$])\\p{N}{1,3}\\p{Lu}{1,2}(?![\\p{L}\\p{N}]))");
    /** A title in quotation marks: a report, a book, a policy ("Made in China 2025"), up to a dozen words. */
    private static final Pattern QUOTED = Pattern.compile("[“\"]([\\p{Lu}\\p{N}][^“”\"\\n]{1,140}?)[”\"]");
    /** What the markup sets in bold: a heading of a table or a diagram ("<b>UGC Platforms</b>", "**Startups**"). */
    private static final Pattern BOLD = Pattern.compile("<(b|strong)>\\s*([^<\\n]{2,60}?)\\s*</\\1>|\\*\\*([^*\\n]{2,60}?)\\*\\*");
    /** The head of a list item, "4. Deephi — Builds …", "Ping An- It is …": the name that the item describes. */
    private static final Pattern LIST_HEAD = Pattern.compile("^\\s*(?:\\d{1,2}\\s*[.)]\\s*)?((?:\\p{Lu}|\\p{Ll}\\p{Lu})[^—–\\-.,;:!?\\n]{0,40}?)\\s*(?:—|–|-)\\s+\\p{Lu}");
    /** A title followed by its author: "Augmented: Life in the Smart Lane by Brett King". */
    private static final Pattern TITLE_BY = Pattern.compile("((?:\\p{Lu}[\\p{L}’'-]*|of|for|on|in|the|a|an|to|and|with|from|at|by)"
            + "(?:(?::\\s+|\\s+)(?:\\p{Lu}[\\p{L}’'-]*|of|for|on|in|the|a|an|to|with|from|at)){1,16})\\s+by\\s+\\p{Lu}");
    /** A document of law, policy or research by its title: "the … Measures / Regulations / Plan / Report (2024)". */
    private static final Pattern DOCUMENT = Pattern.compile("(?:" + CAP + "\\s+(?:(?:of|for|on|and|the|in|to)\\s+){0,2}){1,12}"
            + "(?:Plan|Measures|Regulations|Provisions|Rules|Law|Act|Strategy|Guidelines|Opinions|Standards|Initiative|Programme|Program|Report|White Paper)"
            + "(?![\\p{L}])(?:\\s+\\d{4}(?![\\p{N}]))?");
    /** A government by its country: "the government of Zimbabwe", "the US government". */
    private static final Pattern GOVERNMENT = Pattern.compile("(?:[Gg]overnment\\s+of\\s+(?:the\\s+)?" + CAP + "(?:\\s+" + CAP + "){0,3}"
            + "|(?!(?:The|A|An|This|That|Its|Their|Our|Every|Each)\\s)" + CAP + "(?:\\s+" + CAP + "){0,2}\\s+government)(?![\\p{L}])");
    /** An institute in lower case after a name: "the iFlytek AI research institute". */
    private static final Pattern INSTITUTE = Pattern.compile("(?:\\p{Lu}|\\p{Ll}\\p{Lu})[\\p{L}\\p{N}&-]*(?:\\s+(?:\\p{Lu}|\\p{Ll}\\p{Lu})[\\p{L}\\p{N}&-]*){0,3}"
            + "(?:\\s+research)?\\s+(?:institute|laboratory|lab)(?![\\p{L}])");
    /** An e-word, the coinage of the internet age: "e-commerce", "e-government". */
    private static final Pattern E_WORD = Pattern.compile("(?<![\\p{L}\\p{N}-])[eE]-\\p{Ll}{3,}(?![\\p{L}-])");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}&'’.+/-]*");
    /** The nouns of bodies that are named "… of the …" ("National Congress of the Communist Party"). */
    private static final Pattern INSTITUTION = Pattern.compile("Congress|Party|Bank|Ministry|Academy|University|Institute|Government"
            + "|Commission|Council|Committee|Department|Bureau|Office|Republic|Federation|Union|Association|Court|Assembly|Army|Chamber");
    private static final Pattern ORDINAL = Pattern.compile("\\p{N}{1,3}(?:st|nd|rd|th)");
    private static final Set<String> CONNECTORS = Set.of("of", "for", "and", "the", "de", "&", "on", "as", "a");
    /**
     * Function words (articles, prepositions, conjunctions, pronouns, a few adverbs): capitalised inside a sentence
     * they belong to a name ("Ping An", "Google Now", "The Master Algorithm"); opening it, they are no name.
     */
    private static final Set<String> FUNCTION = Set.of("the", "a", "an", "in", "on", "at", "for", "from", "with", "by", "as",
            "and", "but", "or", "if", "this", "that", "these", "those", "it", "its", "they", "their", "we", "our", "you",
            "your", "he", "she", "his", "her", "there", "here", "what", "when", "where", "which", "who", "why", "how",
            "not", "no", "so", "then", "now", "after", "before", "since", "while", "about", "over", "under", "into", "than",
            "will", "can", "is", "are", "to");
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
    /** Speech, not a title: a quotation with a pronoun of the first or second person, or one that a verb of saying follows. */
    private static final Pattern SPEECH = Pattern.compile("(?<![\\p{L}])(?:I|[Ww]e|[Oo]ur|us|[Yy]ou|[Yy]our|[Mm]y|me)(?![\\p{L}’'])");
    private static final Pattern SAID = Pattern.compile("^[\\s,.]*(?:\\p{L}+\\s+){0,3}(?:said|says|told|added|noted|explained|stated)\\b");

    private EntityCandidates() {}

    /** Candidates inside the sentences that overlap no known mention, in order of position. */
    public static List<Candidate> find(Text text, List<Span> sentences, List<EntityIndex.Mention> known) {
        return find(text, sentences, known, Set.of());
    }

    /**
     * As {@link #find(Text, List, List)}, and lower-case terms ending in one of {@code termHeads} ("image
     * recognition" when the graph knows "facial recognition"): the last words of the technologies the graph knows.
     */
    public static List<Candidate> find(Text text, List<Span> sentences, List<EntityIndex.Mention> known, Set<String> termHeads) {
        String s = text.string();
        String lower = EntityIndex.lower(s);
        Pattern term = termHeads.isEmpty() ? null : Pattern.compile("(?<![\\p{L}\\p{N}-])(\\p{L}[\\p{L}-]{2,})\\s+(?:"
                + String.join("|", termHeads.stream().sorted().map(Pattern::quote).toList()) + ")(?![\\p{L}\\p{N}])");
        List<Candidate> out = new ArrayList<>();
        List<Candidate> inner = new ArrayList<>();
        List<Candidate> titles = new ArrayList<>();
        quoted(text, sentences, titles);
        for (Span sentence : sentences) {
            int base = text.utf16(sentence.start());
            String str = sentence.text();
            List<Candidate> here = new ArrayList<>();
            for (Candidate t : titles) if (t.start() >= sentence.start() && t.start() < sentence.end()) here.add(t);
            bold(str, text, base, here);
            Matcher lh = LIST_HEAD.matcher(str);
            if (lh.find()) owned(lh.start(1), lh.end(1), text, base, Hint.NAME, here);
            Matcher tb = TITLE_BY.matcher(str);
            while (tb.find()) {
                int from = tb.start(1);
                String g = tb.group(1);
                // Only a title of two capitalised words or more, from its first capitalised word ("and Augmented: …").
                int lead = 0;
                Matcher w = WORD.matcher(g);
                while (w.find() && !Character.isUpperCase(g.charAt(w.start()))) lead = w.end();
                while (lead < g.length() && Character.isWhitespace(g.charAt(lead))) lead++;
                String t = g.substring(lead);
                if (t.chars().filter(Character::isUpperCase).count() >= 2 && t.contains(" ") && !headline(str)) {
                    here.add(candidate(text, base + from + lead, base + tb.end(1), Hint.TITLE));
                }
            }
            collect(DOCUMENT.matcher(str), Hint.TITLE, text, base, here);
            collect(ORG_OF.matcher(str), Hint.ORGANIZATION, text, base, here);
            collect(ORG.matcher(str), Hint.ORGANIZATION, text, base, here);
            collect(INSTITUTE.matcher(str), Hint.ORGANIZATION, text, base, here);
            collect(GOVERNMENT.matcher(str), Hint.ORGANIZATION, text, base, here);
            Matcher gov = GOVERNMENT.matcher(str);
            while (gov.find()) {                   // the country is a place of its own: "Zimbabwe" of "the government of Zimbabwe"
                Matcher of = Pattern.compile("^[Gg]overnment\\s+of\\s+(?:the\\s+)?").matcher(gov.group());
                if (of.find()) inner.add(candidate(text, base + gov.start() + of.end(), base + gov.end(), Hint.NAME));
            }
            collect(ORG_ZH.matcher(str), Hint.ORGANIZATION, text, base, here);
            Matcher mm = MODEL.matcher(str);
            while (mm.find()) {
                String t = trimDot(mm.group());
                if (t.codePoints().anyMatch(Character::isUpperCase) && t.codePoints().anyMatch(Character::isLetter)
                        && !t.matches("\\p{L}\\.\\p{N}.*")) {
                    here.add(candidate(text, base + mm.start(), base + mm.start() + t.length(), Hint.MODEL));
                }
            }
            Matcher ew = E_WORD.matcher(str);
            while (ew.find()) here.add(candidate(text, base + ew.start(), base + ew.end(), Hint.TERM));
            if (term != null) {
                Matcher tm = term.matcher(str);
                while (tm.find()) {
                    String mod = tm.group(1).toLowerCase(Locale.ROOT);
                    if (STOP.contains(mod) || FUNCTION.contains(mod) || mod.endsWith("ly") || mod.endsWith("ing") || mod.endsWith("ed")) continue;
                    // A verb before its object ("to store data", "we recommend learning") or a word capitalised by position.
                    String before = str.substring(Math.max(0, tm.start() - 12), tm.start()).toLowerCase(Locale.ROOT);
                    if (before.matches("(?s).*(?:^|\\W)(?:to|can|will|would|could|should|may|must|we|they|you|i|\\p{L}{3,}ly)\\s+$")) continue;
                    if (str.substring(0, tm.start()).strip().isEmpty() || str.substring(0, tm.start()).matches("(?s).*[.!?]\\s+$")) continue;
                    here.add(candidate(text, base + tm.start(), base + tm.end(), Hint.TERM));
                }
            }
            names(str, text, base, lower, headline(str), here);
            for (Candidate c : here) {
                // A known name inside a longer one ("Alibaba" in "Alibaba Cloud", "AI" in "Pony AI") does not hide it.
                if (known.stream().anyMatch(k -> c.start() < k.end() && k.start() < c.end()
                        && !(c.start() <= k.start() && k.end() <= c.end() && c.end() - c.start() > k.end() - k.start()))) continue;
                if (out.stream().anyMatch(o -> c.start() < o.end() && o.start() < c.end())) continue;
                out.add(c);
            }
        }
        for (Candidate c : inner) {
            if (known.stream().noneMatch(k -> c.start() < k.end() && k.start() < c.end())
                    && out.stream().noneMatch(o -> o.start() == c.start() && o.end() == c.end())) out.add(c);
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

    /**
     * Titles in quotation marks (their closing full stop or comma is no part of them), over the whole text, for a
     * title may hold a full stop ("Preparing students for a changing world. Results of PISA 2022."): both its ends
     * must lie in sentences (not in what the skip rules leave out). Speech is left alone.
     */
    private static void quoted(Text text, List<Span> sentences, List<Candidate> into) {
        String str = text.string();
        Matcher q = QUOTED.matcher(str);
        while (q.find()) {
            int from = q.start(1), to = q.end(1);
            while (to > from && ".,;:!?".indexOf(str.charAt(to - 1)) >= 0) to--;
            if (to <= from) continue;
            String t = str.substring(from, to);
            int words = t.split("\\s+").length;
            if (words == 1 && STOP.contains(t.toLowerCase(Locale.ROOT))) continue;          // “He”
            if (words > 14 || SPEECH.matcher(t).find() || SAID.matcher(str.substring(q.end(), Math.min(str.length(), q.end() + 80))).find()) continue;
            int cs = text.cp(from), ce = text.cp(to);
            if (sentences.stream().noneMatch(x -> x.contains(cs, cs)) || sentences.stream().noneMatch(x -> x.contains(ce, ce))) continue;
            into.add(candidate(text, from, to, Hint.TITLE));
        }
    }

    /** The words that the markup sets in bold, without a possessive owner. */
    private static void bold(String str, Text text, int base, List<Candidate> into) {
        Matcher m = BOLD.matcher(str);
        while (m.find()) {
            int g = m.group(2) != null ? 2 : 3;
            owned(m.start(g), m.end(g), text, base, Hint.NAME, into);
        }
    }

    /** From..to of the sentence, without an owner ("Alibaba’s Magic mirror" names the mirror), at most six words. */
    private static void owned(int from, int to, Text text, int base, Hint hint, List<Candidate> into) {
        String t = text.string().substring(base + from, base + to);
        Matcher poss = Pattern.compile("^\\S+[’']s\\s+").matcher(t);
        if (poss.find()) from += poss.end();
        while (to > from && Character.isWhitespace(text.string().charAt(base + to - 1))) to--;
        String rest = text.string().substring(base + from, base + to);
        if (rest.isBlank() || rest.split("\\s+").length > 6 || !rest.codePoints().anyMatch(Character::isLetter)) return;
        into.add(candidate(text, base + from, base + to, hint));
    }

    private static void collect(Matcher m, Hint hint, Text text, int base, List<Candidate> into) {
        while (m.find()) {
            int from = m.start();
            String g = m.group();
            // "The University of X": the article is no part of the name (a nationality is: "Chinese Academy of …").
            Matcher w = WORD.matcher(g);
            while (w.find() && (FUNCTION.contains(w.group().toLowerCase(Locale.ROOT)) || Set.of("however", "meanwhile", "also", "according")
                    .contains(w.group().toLowerCase(Locale.ROOT))) && w.end() < g.length()) {
                from = m.start() + w.end();
                while (from < m.end() && Character.isWhitespace(text.string().charAt(base + from))) from++;
            }
            String rest = text.string().substring(base + from, base + m.end());
            if (!rest.contains(" ") && !Sentences.isChinese(rest)) continue;               // "By University": the suffix alone is no name
            into.add(candidate(text, base + from, base + m.end(), hint));
        }
    }

    /** Whether a word is written as a name: a capital first ("Baidu"), or a small letter before a capital ("iFlytek"). */
    static boolean capitalised(String word) {
        int c0 = word.codePointAt(0);
        if (Character.isUpperCase(c0)) return true;
        return Character.isLowerCase(c0) && word.length() > 2 && Character.isUpperCase(word.codePointAt(1));
    }

    /** An adjective made of a name: "Shanghai-based", "AI-related", "Party-run" (the last part in lower case). */
    private static boolean adjectival(String word) {
        int dash = word.lastIndexOf('-');
        return dash > 0 && dash < word.length() - 1 && Character.isLowerCase(word.charAt(dash + 1));
    }

    /**
     * Runs of capitalised words (joined by "of", "and", "&" …, by one space and not across a line or a table's cells),
     * minus stop words at either end; a possessive ends a run ("East China's | Zhejiang Province") unless the text
     * writes the owner in lower case too ("People’s Liberation Army"). In a heading only words that the text never
     * writes in lower case make a name.
     */
    private static void names(String str, Text text, int base, String lowerText, boolean heading, List<Candidate> into) {
        Matcher w = WORD.matcher(str);
        List<int[]> run = new ArrayList<>();
        boolean first = true;
        int pendingOrdinal = -1;
        while (true) {
            boolean found = w.find();
            String word = found ? trimDot(w.group()) : null;
            if (found && word.isEmpty()) continue;
            int ws = found ? w.start() : -1;
            boolean possessive = false;
            if (found && word.length() > 2 && (word.endsWith("'s") || word.endsWith("’s"))) {
                String owner = word.substring(0, word.length() - 2);
                String lo = owner.toLowerCase(Locale.ROOT);
                if (!lowerCaseSomewhere(text.string(), lowerText, lo) && standsAlone(lowerText, lo)) {
                    word = owner;
                    possessive = true;
                }
            }
            String lw = found ? word.toLowerCase(Locale.ROOT) : null;
            boolean cap = found && capitalised(word) && !adjectival(word) && !Sentences.isChinese(word)
                    && (!STOP.contains(lw) || !first && !run.isEmpty() && FUNCTION.contains(lw) && joinable(str, run, ws)
                        || !first && run.isEmpty() && FUNCTION.contains(lw) && !lw.equals("i"));
            if (heading && cap && lowerCaseSomewhere(text.string(), lowerText, lw)) cap = false;
            if (found && !cap && !run.isEmpty() && CONNECTORS.contains(word) && joinable(str, run, ws)) {
                first = false;
                continue;                                  // "Endowment for International": wait for the next word
            }
            if (cap && (run.isEmpty() || joinable(str, run, ws))) {
                if (run.isEmpty() && pendingOrdinal >= 0 && str.substring(pendingOrdinal, ws).matches("\\S+ ")) {
                    run.add(new int[] {pendingOrdinal, ws - 1, 0});   // "19th National Congress"
                }
                run.add(new int[] {ws, ws + word.length(), first ? 1 : 0});
            } else {
                emit(run, str, text, base, lowerText, heading, into);
                run.clear();
                if (cap) run.add(new int[] {ws, ws + word.length(), first ? 1 : 0});
            }
            if (possessive && !run.isEmpty()) {
                emit(run, str, text, base, lowerText, heading, into);
                run.clear();
            }
            if (!found) break;
            pendingOrdinal = ORDINAL.matcher(word).matches() ? ws : -1;
            if (word.codePoints().anyMatch(Character::isLetter) && !ORDINAL.matcher(word).matches()) first = false;
        }
    }

    /** Only one space, and at most two connectors ("of the", "as a"), between the run's last word and {@code start}. */
    private static boolean joinable(String str, List<int[]> run, int start) {
        String gap = str.substring(run.get(run.size() - 1)[1], start);
        if (gap.equals(" ") || gap.equals("\u00a0")) return true;
        String[] words = gap.strip().split(" ");
        if (!gap.startsWith(" ") || !gap.endsWith(" ") || words.length > 2 || gap.contains("  ")) return false;
        for (String x : words) if (!CONNECTORS.contains(x)) return false;
        return !words[words.length - 1].equals("a") || words[0].equals("as");    // "Model as a Service", not "Find a Balance"
    }

    private static void emit(List<int[]> run, String str, Text text, int base, String lowerText, boolean heading, List<Candidate> into) {
        if (run.isEmpty()) return;
        // "Meitu and Tezan" are two names: a run joined by "and" or "&" is emitted as its parts.
        for (int i = 1; i < run.size(); i++) {
            String gap = str.substring(run.get(i - 1)[1], run.get(i)[0]).strip();
            String left = str.substring(run.get(i - 1)[0], run.get(i - 1)[1]);
            if (gap.equals("and") || gap.equals("&") || gap.equals("and the") || gap.equals("of the") && !INSTITUTION.matcher(left).matches()) {
                emit(new ArrayList<>(run.subList(0, i)), str, text, base, lowerText, heading, into);
                emit(new ArrayList<>(run.subList(i, run.size())), str, text, base, lowerText, heading, into);
                return;
            }
        }
        // Function words alone ("It", "The") are no name.
        if (run.stream().allMatch(r -> FUNCTION.contains(str.substring(r[0], r[1]).toLowerCase(Locale.ROOT)))) return;
        int from = run.get(0)[0], to = run.get(run.size() - 1)[1];
        // In a heading, only a name of two or three words, none in capitals throughout ("Sushrut Tendulkar").
        if (heading && (run.size() < 2 || run.size() > 3 || run.stream().anyMatch(r -> {
            String x = str.substring(r[0], r[1]);
            return x.length() < 3 || x.equals(x.toUpperCase(Locale.ROOT));
        }))) return;
        if (run.size() == 1) {
            String word = str.substring(from, to);
            // Opening its sentence, a word is capitalised anyway: a name only if followed by no comma ("Indeed,")
            // and never written in lower case (below).
            if (run.get(0)[2] == 1 && (to < str.length() && str.charAt(to) == ',' || word.length() < 3)) return;
            if (word.codePointCount(0, word.length()) < 2) return;
            // A word the text also writes in lower case is a common word, not a name.
            if (!word.equals(word.toUpperCase(Locale.ROOT)) && lowerCaseSomewhere(text.string(), lowerText, word.toLowerCase(Locale.ROOT))) return;
        }
        String named = str.substring(from, to);
        if (named.endsWith("'s") || named.endsWith("’s")) to -= 2;                 // "BMW’s catchphrase"
        // "Face ++": the pluses are part of the name.
        Matcher plus = Pattern.compile("^ ?\\+\\+").matcher(str.substring(to));
        if (plus.find()) to += plus.end();
        into.add(candidate(text, base + from, base + to, Hint.NAME));
    }

    /** Whether the text writes the word without a possessive somewhere ("China" beside "China's"). */
    private static boolean standsAlone(String lowerText, String lowerWord) {
        int at = 0;
        while ((at = lowerText.indexOf(lowerWord, at)) >= 0) {
            int end = at + lowerWord.length();
            if (EntityIndex.bounded(lowerText, at, end) && !lowerText.startsWith("'s", end)) return true;
            at = end;
        }
        return false;
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
