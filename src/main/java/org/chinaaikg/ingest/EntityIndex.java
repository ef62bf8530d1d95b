package org.chinaaikg.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * Every spelling of every entity the graph knows: each {@code rdfs:label} and {@code skos:altLabel} in
 * {@code data/entities/}, in any language, and the entity's types. Finds them in a text case-insensitively and
 * word-bounded (a Latin label is not found inside a longer word; a Chinese one is found anywhere), longest match
 * first, so that "Baidu Cloud" is one mention and not "Baidu".
 */
public final class EntityIndex {
    /** One spelling of one entity. */
    public record Label(String text, String iri) {}

    /** Where the text names a known entity. */
    public record Mention(int start, int end, String text, String iri) {}

    private final List<Label> labels;
    private final Map<String, List<String>> types;

    public EntityIndex(List<Label> labels, Map<String, List<String>> types) {
        this.labels = labels.stream().filter(l -> !l.text().isBlank())
                .sorted(Comparator.comparingInt((Label l) -> -l.text().length()).thenComparing(Label::iri)).toList();
        this.types = types;
    }

    /** The labels of every entity described in {@code entitiesDir} (*.ttl). */
    public static EntityIndex fromEntities(Path entitiesDir) {
        Model m = ModelFactory.createDefaultModel();
        if (Files.isDirectory(entitiesDir)) {
            try (Stream<Path> files = Files.list(entitiesDir)) {
                files.filter(p -> p.toString().endsWith(".ttl")).sorted().forEach(p -> RDFDataMgr.read(m, p.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return fromModel(m);
    }

    public static EntityIndex fromModel(Model m) {
        List<Label> labels = new ArrayList<>();
        Map<String, List<String>> types = new TreeMap<>();
        for (var p : List.of(RDFS.label, SKOS.altLabel)) {
            m.listStatements(null, p, (RDFNode) null).forEach((Statement s) -> {
                if (s.getSubject().isURIResource() && s.getObject().isLiteral()) {
                    labels.add(new Label(s.getLiteral().getLexicalForm().strip(), s.getSubject().getURI()));
                }
            });
        }
        m.listStatements(null, RDF.type, (RDFNode) null).forEach(s -> {
            if (s.getSubject().isURIResource() && s.getObject().isURIResource()) {
                types.computeIfAbsent(s.getSubject().getURI(), k -> new ArrayList<>()).add(s.getObject().asResource().getURI());
            }
        });
        return new EntityIndex(labels, types);
    }

    /** Only the entities {@code keep} accepts (leave one out: the entities the other sources mention). */
    public EntityIndex restrictedTo(Predicate<String> keep) {
        return new EntityIndex(labels.stream().filter(l -> keep.test(l.iri())).toList(), types);
    }

    public List<Label> labels() { return labels; }

    public Set<String> iris() {
        return new java.util.TreeSet<>(labels.stream().map(Label::iri).toList());
    }

    /** Every spelling of one entity. */
    public List<String> spellings(String iri) {
        return labels.stream().filter(l -> l.iri().equals(iri)).map(Label::text).toList();
    }

    public List<String> types(String iri) {
        return types.getOrDefault(iri, List.of());
    }

    /** Mentions inside the given sentences, longest match first and never overlapping (one span may name several homonyms). */
    public List<Mention> find(Text text, List<Span> sentences) {
        String s = text.string();
        String lower = lower(s);
        List<int[]> accepted = new ArrayList<>();
        List<Mention> out = new ArrayList<>();
        Map<String, Integer> taken = new LinkedHashMap<>();
        for (Label label : labels) {
            // A short all-capital acronym (IT, US, CAC) is matched in its case: "it" and "us" are words.
            boolean exact = acronym(label.text());
            String needle = exact ? label.text() : lower(label.text());
            String hay = exact ? s : lower;
            int from = 0;
            while (true) {
                int at = hay.indexOf(needle, from);
                if (at < 0) break;
                from = at + 1;
                int end = at + needle.length();
                if (!bounded(s, at, end)) continue;
                int cs = text.cp(at), ce = text.cp(end);
                if (sentences.stream().noneMatch(x -> x.contains(cs, ce))) continue;
                String key = cs + ":" + ce;
                Integer same = taken.get(key);
                if (same == null) {
                    boolean overlaps = accepted.stream().anyMatch(a -> cs < a[1] && a[0] < ce);
                    if (overlaps) continue;
                    accepted.add(new int[] {cs, ce});
                    taken.put(key, out.size());
                } else if (out.stream().anyMatch(mm -> mm.start() == cs && mm.end() == ce && mm.iri().equals(label.iri()))) {
                    continue;
                }
                out.add(new Mention(cs, ce, s.substring(at, end), label.iri()));
            }
        }
        out.sort(Comparator.comparingInt(Mention::start).thenComparing(Mention::iri));
        return out;
    }

    static boolean acronym(String label) {
        return label.length() <= 4 && label.codePoints().allMatch(c -> Character.isUpperCase(c) || Character.isDigit(c))
                && label.codePoints().anyMatch(Character::isUpperCase);
    }

    /** Lower case, one char for one char, so that indexes stay those of the text. */
    static String lower(String s) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) c[i] = Character.toLowerCase(c[i]);
        // Curly and straight apostrophes spell the same name (Baidu’s, Baidu's).
        for (int i = 0; i < c.length; i++) if (c[i] == '\u2019') c[i] = '\'';
        return new String(c);
    }

    static boolean bounded(String s, int start, int end) {
        return !(start > 0 && word(s.charAt(start - 1)) && word(s.charAt(start)))
                && !(end < s.length() && word(s.charAt(end)) && word(s.charAt(end - 1)));
    }

    /** A character that words are made of, in a script that separates words by spaces (not Han). */
    static boolean word(char c) {
        return Character.isLetterOrDigit(c) && Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN;
    }
}
