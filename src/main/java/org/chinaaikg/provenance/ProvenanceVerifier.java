package org.chinaaikg.provenance;

import org.chinaaikg.vocab.Prefixes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;

/**
 * Checks that every claim's evidence can be found, word for word, where it says it is: the source
 * document's SHA-256 matches a file of the corpus, the quote sits verbatim at its offsets (code
 * points from 0), and the prefix and suffix match the text around it.
 */
public final class ProvenanceVerifier {

    /** A quote longer than this is no longer "a sentence or so" of evidence. */
    public static final int MAX_QUOTE_CODE_POINTS = 600;

    /** One failed check, about one resource (a claim or a source document). */
    public record Failure(String resource, String message) {
        @Override
        public String toString() {
            return "<" + resource + "> " + message;
        }
    }

    /** What was checked and what failed. */
    public record Report(int sources, int claims, int quotes, List<Failure> failures) {
        public boolean ok() {
            return failures.isEmpty();
        }
    }

    private static final String PREFIXES = Prefixes.sparql();

    private final Map<String, SourceText> corpusBySha256;
    private final Path corpusDir;

    private ProvenanceVerifier(Path corpusDir, Map<String, SourceText> corpusBySha256) {
        this.corpusDir = corpusDir;
        this.corpusBySha256 = corpusBySha256;
    }

    /** Reads every regular file of {@code corpusDir} (not recursively) and indexes it by SHA-256. */
    public static ProvenanceVerifier forCorpus(Path corpusDir) throws IOException {
        if (!Files.isDirectory(corpusDir)) {
            throw new IOException(corpusDir + ": not a directory of source files");
        }
        Map<String, SourceText> bySha = new HashMap<>();
        try (Stream<Path> files = Files.list(corpusDir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                try {
                    SourceText text = SourceText.read(file);
                    bySha.put(text.sha256(), text);
                } catch (IOException notText) {
                    // A file that is not UTF-8 text cannot be a source; a claim pointing at it fails below.
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new ProvenanceVerifier(corpusDir, bySha);
    }

    public Report verify(Model data) {
        List<Failure> failures = new ArrayList<>();
        Map<String, SourceText> textBySource = new HashMap<>();
        int sources = 0;
        for (QuerySolution row : select(data, """
                SELECT ?doc ?sha WHERE { ?doc a kg:SourceDocument OPTIONAL { ?doc kg:sha256 ?sha } } ORDER BY ?doc""")) {
            sources++;
            String doc = row.getResource("doc").getURI();
            RDFNode sha = row.get("sha");
            if (sha == null) {
                failures.add(new Failure(doc, "has no kg:sha256"));
                continue;
            }
            SourceText text = corpusBySha256.get(sha.asLiteral().getLexicalForm());
            if (text == null) {
                failures.add(new Failure(doc, "no file in " + corpusDir + " has SHA-256 " + sha.asLiteral().getLexicalForm()));
            } else {
                textBySource.put(doc, text);
            }
        }

        int claims = 0;
        for (QuerySolution row : select(data, """
                SELECT ?claim (COUNT(?ev) AS ?n) WHERE { ?claim a kg:Claim OPTIONAL { ?claim kg:hasEvidence ?ev } }
                GROUP BY ?claim ORDER BY ?claim""")) {
            claims++;
            if (row.getLiteral("n").getInt() == 0) {
                failures.add(new Failure(row.getResource("claim").getURI(), "has no evidence (kg:hasEvidence)"));
            }
        }

        int quotes = 0;
        for (QuerySolution row : select(data, """
                SELECT ?claim ?ev ?doc ?exact ?prefix ?suffix ?start ?end WHERE {
                  ?claim kg:hasEvidence ?ev .
                  OPTIONAL { ?ev oa:hasSource ?doc }
                  OPTIONAL { ?ev oa:hasSelector ?q . ?q a oa:TextQuoteSelector ; oa:exact ?exact .
                             OPTIONAL { ?q oa:prefix ?prefix } OPTIONAL { ?q oa:suffix ?suffix } }
                  OPTIONAL { ?ev oa:hasSelector ?p . ?p a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end }
                } ORDER BY ?claim ?ev""")) {
            quotes++;
            String claim = row.getResource("claim").getURI();
            if (row.get("doc") == null || !row.get("doc").isURIResource()) {
                failures.add(new Failure(claim, "evidence has no oa:hasSource document"));
                continue;
            }
            String doc = row.getResource("doc").getURI();
            SourceText text = textBySource.get(doc);
            if (text == null) {
                failures.add(new Failure(claim, "evidence source <" + doc + "> is not a source document whose file was found"));
                continue;
            }
            if (row.get("exact") == null || row.get("start") == null || row.get("end") == null) {
                failures.add(new Failure(claim, "evidence lacks a text quote selector (oa:exact) or a text position selector (oa:start, oa:end)"));
                continue;
            }
            checkQuote(claim, text, row, failures);
        }
        return new Report(sources, claims, quotes, List.copyOf(failures));
    }

    private static void checkQuote(String claim, SourceText text, QuerySolution row, List<Failure> failures) {
        String exact = row.getLiteral("exact").getLexicalForm();
        int start = row.getLiteral("start").getInt();
        int end = row.getLiteral("end").getInt();
        String where = text.file().getFileName() + " [" + start + "," + end + ")";
        int length = (int) exact.codePoints().count();
        if (start < 0 || end > text.length() || start >= end) {
            failures.add(new Failure(claim, where + ": offsets outside the text (" + text.length() + " code points)"));
            return;
        }
        if (end - start != length) {
            failures.add(new Failure(claim, where + ": end - start = " + (end - start) + " but the quote has " + length + " code points"));
        }
        String atOffsets = text.slice(start, end);
        if (!atOffsets.equals(exact)) {
            int[] elsewhere = text.occurrences(exact);
            failures.add(new Failure(claim, where + ": quote is not at its offsets; the text there is \"" + atOffsets + "\""
                    + (elsewhere.length > 0 ? "; the quote occurs at " + java.util.Arrays.toString(elsewhere) : "; the quote is nowhere in the file")));
            return;
        }
        if (length > MAX_QUOTE_CODE_POINTS) {
            failures.add(new Failure(claim, where + ": quote of " + length + " code points is longer than a sentence or so (" + MAX_QUOTE_CODE_POINTS + ")"));
        }
        Literal prefix = row.getLiteral("prefix");
        if (prefix != null) {
            String p = prefix.getLexicalForm();
            String before = text.slice(start - (int) p.codePoints().count(), start);
            if (!before.equals(p)) {
                failures.add(new Failure(claim, where + ": prefix \"" + p + "\" does not match the text before the quote \"" + before + "\""));
            }
        }
        Literal suffix = row.getLiteral("suffix");
        if (suffix != null) {
            String s = suffix.getLexicalForm();
            String after = text.slice(end, end + (int) s.codePoints().count());
            if (!after.equals(s)) {
                failures.add(new Failure(claim, where + ": suffix \"" + s + "\" does not match the text after the quote \"" + after + "\""));
            }
        }
    }

    private static List<QuerySolution> select(Model data, String body) {
        Query query = QueryFactory.create(PREFIXES + body);
        try (QueryExecution exec = QueryExecution.create(query, data)) {
            List<QuerySolution> rows = new ArrayList<>();
            ResultSet results = exec.execSelect();
            results.forEachRemaining(rows::add);
            return rows;
        }
    }
}
