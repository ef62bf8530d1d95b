package org.chinaaikg.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.chinaaikg.vocab.KG;

/**
 * What {@code ingest} does with one source file: reads it, leaves out what the skip rules mark as not-an-article,
 * splits the rest into sentences, finds the entities the graph knows and candidates for new ones, and proposes
 * claims; {@link DraftWriter} writes it all as a draft statement file.
 */
public final class Ingest {
    /** What the curator says about the document on the command line; null where not given. */
    public record Document(String title, String publisher, String date, String dateInferenceReason, String kind,
                           String language) {}

    /** Everything ingest found, with code-point offsets, before it is written. */
    public record Analysis(Text text, String fileName, List<SkipRules.Skipped> skipped, List<Span> sentences,
                           List<EntityIndex.Mention> mentions, List<EntityCandidates.Candidate> newEntities,
                           List<ClaimCandidates.Candidate> claims) {}

    private Ingest() {}

    public static Analysis analyse(Path file, EntityIndex index, SkipRules skip) throws IOException {
        Text text = Text.read(file);
        List<SkipRules.Skipped> skipped = skip.apply(text.string());
        List<Span> sentences = Sentences.split(text, skipped);
        List<EntityIndex.Mention> mentions = index.find(text, sentences);
        List<EntityCandidates.Candidate> fresh = EntityCandidates.find(text, sentences, mentions, termHeads(index));
        List<ClaimCandidates.Candidate> claims = new ArrayList<>();
        for (Span s : sentences) {
            boolean names = mentions.stream().anyMatch(m -> s.contains(m.start(), m.end()));
            ClaimCandidates.Candidate c = ClaimCandidates.of(s, names);
            if (c != null) claims.add(c);
        }
        return new Analysis(text, file.getFileName().toString(), skipped, sentences, mentions, fresh, claims);
    }

    /**
     * The last words of the technologies the graph knows by a lower-case term of two words or more ("recognition"
     * of "facial recognition"): a new term with the same last word is a candidate technology ("image recognition").
     */
    static Set<String> termHeads(EntityIndex index) {
        Set<String> heads = new java.util.TreeSet<>();
        for (EntityIndex.Label l : index.labels()) {
            String t = l.text();
            if (!index.types(l.iri()).contains(KG.Technology.getURI()) || !t.matches("\\p{Ll}[\\p{Ll}-]*(?: [\\p{Ll}-]+)+")) continue;
            heads.add(t.substring(t.lastIndexOf(' ') + 1));
        }
        return heads;
    }

    /** The next free statement number in {@code data/statements}: one more than the highest NNN there. */
    public static int nextNumber(Path statementsDir) throws IOException {
        int max = -1;
        if (Files.isDirectory(statementsDir)) {
            try (Stream<Path> list = Files.list(statementsDir)) {
                for (Path p : list.toList()) {
                    Matcher m = Pattern.compile("^(\\d{3})-.*\\.ttl$").matcher(p.getFileName().toString());
                    if (m.matches()) max = Math.max(max, Integer.parseInt(m.group(1)));
                }
            }
        }
        return max + 1;
    }

    /** Lower-case ASCII, hyphenated, at most {@code words} words: the IRI convention of data/README.md. */
    public static String slug(String s, int words) {
        String ascii = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replace("’", "").replace("'", "");
        List<String> parts = new ArrayList<>();
        for (String w : ascii.split("[^a-z0-9]+")) {
            if (w.isEmpty() || (parts.isEmpty() && Set.of("the", "a", "an").contains(w))) continue;
            parts.add(w);
            if (parts.size() == words) break;
        }
        return String.join("-", parts);
    }

    /** Distinct IRIs in mention order. */
    static List<String> distinct(List<EntityIndex.Mention> mentions) {
        Set<String> s = new LinkedHashSet<>();
        mentions.forEach(m -> s.add(m.iri()));
        return List.copyOf(s);
    }
}
