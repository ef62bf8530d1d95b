package org.chinaaikg.ingest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which sentences may be claims, of what kind, with which quantities: patterns of the words, for a curator to
 * check. A sentence is a candidate when it has a number, an amount of money, a percentage, a year or a date,
 * a ranking, a target, attributed speech ("said", "according to"; 表示, 称, 据), or names an entity the graph knows
 * (most curated claims are statements of fact about named entities).
 */
public final class ClaimCandidates {
    public enum Trigger { NUMBER, MONEY, PERCENT, YEAR, DATE, RANKING, TARGET, FORECAST, SPEECH, ENTITY }

    /** A typed value: what {@code schema:QuantitativeValue} holds; {@code currency} or {@code unit} is set. */
    public record Quantity(String text, BigDecimal value, String unit, String currency, String qualifier) {}

    public record Candidate(Span sentence, String kind, Set<Trigger> triggers, List<Quantity> quantities, List<String> years) {}

    private static final String NUM = "(?<![\\p{IsLatin}\\p{N}/.,])(?<num>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)(?![\\p{N}]|[.,]\\d|/)";
    private static final Pattern QUANTITY = Pattern.compile(
            "(?<qual>nearly|almost|about|around|approximately|roughly|some|over|more than|at least|less than|up to|近|约|超过|逾)?\\s*"
                    + "(?<cur>US\\$|\\$|USD\\s?|RMB\\s?|¥|￥|€)?" + NUM
                    + "(?:(?<abbr>[tbm]n?)(?![\\p{L}])|\\s*(?<scale>trillion|billion|million|thousand|bn|mn|万亿|亿|万)(?![\\p{IsLatin}]))?"
                    + "(?:\\s*(?<unit>percent|per cent|%|％|yuan|RMB|dollars|USD|euros|元|美元|人民币)(?![\\p{IsLatin}])|(?<noun>\\s+(?:[\\p{Ll}][\\p{L}-]*)(?:\\s+[\\p{Ll}][\\p{L}-]*)?)|(?<zh>[名个家款位项台所条]\\p{IsHan}{0,4}))?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern YEAR = Pattern.compile("(?<![\\p{N}.,$])(?:19|20)\\d{2}(?![\\p{N}])(?:年)?");
    private static final Pattern DATE = Pattern.compile("(?i)\\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sep\\.?|Sept\\.?|Oct\\.?|Nov\\.?|Dec\\.?)\\s+\\d{1,2}\\b|\\d{1,2}月\\d{1,2}日|\\d{4}年\\d{1,2}月");
    private static final Pattern SPEECH = Pattern.compile("(?i)\\b(?:said|says|say|stated|states|told|according to|noted|notes|commented|added|explained|argued|claimed|announced|believes|warned|quoted)\\b|表示|指出|认为|称|说|据");
    private static final Pattern TARGET = Pattern.compile("(?i)\\b(?:aims?|aiming|goals?|targets?|plans? to|planning to|strives?|seeks? to|ambition|intends? to|in order to become|to become)\\b|目标|力争|计划");
    private static final Pattern FORECAST = Pattern.compile("(?i)\\b(?:expected to|is expected|are expected|forecasts?|predicts?|projected|will reach|is set to|estimated to reach|likely to|by 20\\d{2})\\b|预计|预测|将达");
    private static final Pattern RANKING = Pattern.compile("(?i)\\b(?:first|second|third|largest|biggest|leading|leader|top \\d+|top|number one|number ones|No\\. ?\\d+|ranked|ranks|ranking|most|fastest|best|world's|ahead of|lead)\\b|第一|第二|排名|首位|领先");
    private static final Set<String> NOT_UNITS = Set.of("in", "to", "by", "from", "and", "of", "or", "the", "a", "an", "at", "on", "for",
            "with", "is", "are", "was", "were", "as", "than", "that", "which", "per", "percent", "while", "but", "when");

    private ClaimCandidates() {}

    /** The candidate, or null when the sentence has none of the triggers. */
    public static Candidate of(Span sentence, boolean namesKnownEntity) {
        String s = sentence.text();
        Set<Trigger> triggers = new LinkedHashSet<>();
        List<String> years = new ArrayList<>();
        Matcher y = YEAR.matcher(s);
        while (y.find()) years.add(y.group().replace("年", ""));
        if (!years.isEmpty()) triggers.add(Trigger.YEAR);
        if (DATE.matcher(s).find()) triggers.add(Trigger.DATE);
        List<Quantity> quantities = quantities(s);
        for (Quantity q : quantities) {
            if (q.currency() != null) triggers.add(Trigger.MONEY);
            else if ("percent".equals(q.unit())) triggers.add(Trigger.PERCENT);
            else triggers.add(Trigger.NUMBER);
        }
        if (quantities.isEmpty() && s.replaceAll(YEAR.pattern(), "").matches("(?s).*\\d.*")) triggers.add(Trigger.NUMBER);
        if (SPEECH.matcher(s).find()) triggers.add(Trigger.SPEECH);
        if (TARGET.matcher(s).find()) triggers.add(Trigger.TARGET);
        if (FORECAST.matcher(s).find()) triggers.add(Trigger.FORECAST);
        if (RANKING.matcher(s).find()) triggers.add(Trigger.RANKING);
        if (namesKnownEntity) triggers.add(Trigger.ENTITY);
        if (triggers.isEmpty()) return null;
        return new Candidate(sentence, kind(triggers), triggers, quantities, years);
    }

    /** The most specific kind the triggers suggest; a draft, for the curator to correct. */
    static String kind(Set<Trigger> t) {
        if (t.contains(Trigger.SPEECH)) return "Quotation";
        if (t.contains(Trigger.TARGET)) return "Target";
        if (t.contains(Trigger.FORECAST)) return "Forecast";
        if (t.contains(Trigger.RANKING) && !t.contains(Trigger.MONEY) && !t.contains(Trigger.PERCENT)) return "Ranking";
        if (t.contains(Trigger.MONEY) || t.contains(Trigger.PERCENT) || t.contains(Trigger.NUMBER)) return "Statistic";
        return "FactualStatement";
    }

    /** Every number with a unit or a currency, scaled out (23.74 billion yuan is 23740000000 CNY). Years are no quantities. */
    public static List<Quantity> quantities(String s) {
        List<Quantity> out = new ArrayList<>();
        Matcher m = QUANTITY.matcher(s);
        while (m.find()) {
            String num = m.group("num");
            String cur = m.group("cur"), scale = m.group("scale") != null ? m.group("scale") : m.group("abbr"), unit = m.group("unit"), noun = m.group("noun"), zh = m.group("zh");
            boolean year = cur == null && scale == null && unit == null && num.matches("(?:19|20)\\d{2}");
            if (year) continue;
            BigDecimal value = new BigDecimal(num.replace(",", ""));
            if (scale != null) value = value.multiply(scale(scale));
            String currency = currency(cur, unit);
            String unitText = null;
            if (unit != null && currency == null) unitText = "percent";
            if (currency == null && unitText == null && noun != null) {
                List<String> words = new ArrayList<>();
                for (String w : noun.strip().split("\\s+")) {
                    if (NOT_UNITS.contains(w.toLowerCase(Locale.ROOT))) break;
                    words.add(w);
                }
                if (!words.isEmpty()) unitText = String.join(" ", words);
            }
            if (currency == null && unitText == null && zh != null) unitText = zh;
            if (currency == null && unitText == null) continue;
            String text = s.substring(m.start("num") - (cur == null ? 0 : cur.length()), m.end(unit != null ? "unit" : m.group("scale") != null ? "scale" : m.group("abbr") != null ? "abbr" : "num"));
            if (zh != null && unitText == zh) text = text + zh;
            else if (unitText != null && unit == null) text = text + " " + unitText;
            out.add(new Quantity(text.strip(), value.stripTrailingZeros().scale() <= 0 ? value.setScale(0) : value.stripTrailingZeros(),
                    unitText, currency, qualifier(m.group("qual"))));
        }
        return out;
    }

    static BigDecimal scale(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "trillion", "万亿", "t" -> new BigDecimal("1000000000000");
            case "billion", "bn", "b" -> new BigDecimal("1000000000");
            case "million", "mn", "m" -> new BigDecimal("1000000");
            case "thousand" -> new BigDecimal("1000");
            case "亿" -> new BigDecimal("100000000");
            case "万" -> new BigDecimal("10000");
            default -> BigDecimal.ONE;
        };
    }

    static String currency(String cur, String unit) {
        String c = cur == null ? "" : cur.strip().toUpperCase(Locale.ROOT);
        String u = unit == null ? "" : unit.toLowerCase(Locale.ROOT);
        if (c.equals("$") || c.equals("US$") || c.equals("USD") || u.equals("dollars") || u.equals("usd") || u.equals("美元")) return "USD";
        if (c.equals("RMB") || c.equals("¥") || c.equals("￥") || u.equals("yuan") || u.equals("rmb") || u.equals("元") || u.equals("人民币")) return "CNY";
        if (c.equals("€") || u.equals("euros")) return "EUR";
        return null;
    }

    /** The words before a number, as {@code kg:valueQualifier} spells them (the shapes list the values). */
    static String qualifier(String q) {
        if (q == null) return "exact";
        return switch (q.toLowerCase(Locale.ROOT)) {
            case "nearly", "近" -> "nearly";
            case "almost" -> "almost";
            case "about", "around", "approximately", "roughly", "some", "约" -> "approximately";
            case "over", "逾" -> "over";
            case "more than", "超过" -> "more than";
            case "at least" -> "at least";
            case "less than" -> "less than";
            case "up to" -> "up to";
            default -> "exact";
        };
    }
}
