package org.chinaaikg.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;

/**
 * Splits a text into sentences, each with its code-point offsets, leaving out what the skip rules leave out.
 * The text is first cut into lines (a line break always ends a sentence: headings, list items and captions stand
 * on lines of their own) and around every skipped stretch; then each piece is split into sentences: English by
 * Apache OpenNLP's sentence detector with the model of {@code opennlp-models-sentdetect-en} (Universal
 * Dependencies English Web Treebank, read from the classpath; it knows abbreviations such as "Mr." and "U.S."),
 * Chinese (a piece that is mostly Han characters) after 。！？ (and ！？ in half width), with any closing quote or
 * bracket that follows.
 */
public final class Sentences {
    static final String MODEL = "/opennlp-en-ud-ewt-sentence-1.2-2.5.0.bin";
    private static volatile SentenceModel model;

    /** List markers and heading marks that open a line but are no part of its sentence. */
    private static final Pattern LEADING = Pattern.compile("^(?:[\\s#>•›·\\-–—]+|\\d{1,2}[.)]\\s+)+");
    private static final Pattern CHINESE_END = Pattern.compile("[。！？!?]+[”’」』）)\"']*");

    private Sentences() {}

    static SentenceModel model() {
        if (model == null) {
            synchronized (Sentences.class) {
                if (model == null) {
                    try (InputStream in = Sentences.class.getResourceAsStream(MODEL)) {
                        if (in == null) throw new IllegalStateException("the English sentence model " + MODEL + " is not on the classpath (opennlp-models-sentdetect-en)");
                        model = new SentenceModel(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return model;
    }

    /** The sentences of {@code text} outside the skipped stretches, in order. */
    public static List<Span> split(Text text, List<SkipRules.Skipped> skipped) {
        String s = text.string();
        boolean[] out = new boolean[s.length()];
        for (SkipRules.Skipped k : skipped) for (int i = k.from(); i < k.to(); i++) out[i] = true;
        List<Span> sentences = new ArrayList<>();
        SentenceDetectorME english = new SentenceDetectorME(model());
        int i = 0;
        while (i < s.length()) {
            if (out[i] || s.charAt(i) == '\n' || s.charAt(i) == '\r') { i++; continue; }
            int j = i;
            while (j < s.length() && !out[j] && s.charAt(j) != '\n' && s.charAt(j) != '\r') j++;
            piece(text, i, j, english, sentences);
            i = j;
        }
        return sentences;
    }

    private static void piece(Text text, int from, int to, SentenceDetectorME english, List<Span> into) {
        String piece = text.string().substring(from, to);
        Matcher lead = LEADING.matcher(piece);
        int skip = lead.find() ? lead.end() : 0;
        String body = piece.substring(skip);
        if (body.isBlank()) return;
        int base = from + skip;
        if (isChinese(body)) {
            int start = 0;
            Matcher m = CHINESE_END.matcher(body);
            while (m.find()) {
                add(text, base + start, base + m.end(), into);
                start = m.end();
            }
            add(text, base + start, base + body.length(), into);
        } else {
            for (opennlp.tools.util.Span sp : english.sentPosDetect(body)) add(text, base + sp.getStart(), base + sp.getEnd(), into);
        }
    }

    private static void add(Text text, int from, int to, List<Span> into) {
        String s = text.string();
        while (from < to && Character.isWhitespace(s.charAt(from))) from++;
        while (to > from && Character.isWhitespace(s.charAt(to - 1))) to--;
        if (to <= from) return;
        // A sentence has at least one letter or digit: a lone bullet or rule of dashes is no sentence.
        if (s.substring(from, to).codePoints().noneMatch(Character::isLetterOrDigit)) return;
        into.add(new Span(text.cp(from), text.cp(to), s.substring(from, to)));
    }

    /** Mostly Han characters (of the letters): split the Chinese way. */
    static boolean isChinese(String s) {
        long letters = s.codePoints().filter(Character::isLetter).count();
        long han = s.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
        return letters > 0 && han * 2 >= letters;
    }
}
