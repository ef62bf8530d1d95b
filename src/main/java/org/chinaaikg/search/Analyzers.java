package org.chinaaikg.search;

import java.text.Normalizer;
import java.util.Locale;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * How texts become terms, the same at index and at query time: English words lowercased, folded to ASCII and stemmed
 * (Porter, no stop words: "The Master Algorithm" keeps its "the"), Chinese as overlapping character bigrams (CJK
 * bigrams: 国家互联网 → 国家 家互 互联 联网), and a whole name as one normalised key for exact and prefix matches.
 */
final class Analyzers {
    private Analyzers() {}

    /** English (and any Latin-script) text: standard tokens, lowercase, ASCII folding, possessives off, Porter stems. */
    static Analyzer english() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream t = new LowerCaseFilter(source);
                t = new ASCIIFoldingFilter(t);
                t = new EnglishPossessiveFilter(t);
                t = new PorterStemFilter(t);
                return new TokenStreamComponents(source, t);
            }
        };
    }

    /** Chinese (and Japanese, Korean) text as CJK bigrams, full-width forms folded; no stop words. */
    static Analyzer chinese() {
        return new CJKAnalyzer(CharArraySet.EMPTY_SET);
    }

    /**
     * A name as one key: compatibility forms folded (full-width Ａ → A), accents dropped, lowercase, and every space,
     * hyphen and punctuation mark removed, so that "ERNIE Bot", "ERNIE-Bot" and "erniebot" are the same key, and
     * "Sense time" is "SenseTime".
     */
    static String key(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        folded = Normalizer.normalize(folded, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(folded.length());
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
        return b.toString();
    }

    /** Whether a text has Chinese characters (Han script): it is then also indexed and searched as Chinese. */
    static boolean hasHan(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** Whether a language tag is Chinese in any form: {@code zh}, {@code zh-Hans}, {@code zh-CN}, {@code ZH-hant-TW}. */
    static boolean chineseTag(String lang) {
        if (lang == null || lang.isEmpty()) return false;
        String primary = lang.split("-", 2)[0];
        return primary.equalsIgnoreCase("zh") || primary.equalsIgnoreCase("cmn") || primary.equalsIgnoreCase("yue");
    }
}
