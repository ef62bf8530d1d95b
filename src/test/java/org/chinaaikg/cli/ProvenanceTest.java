package org.chinaaikg.cli;

import org.chinaaikg.Corpus;

import org.chinaaikg.provenance.QuoteLocation;
import org.chinaaikg.provenance.SourceText;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** Quotes are located and verified in Unicode code points, and every failure names the claim. */
class ProvenanceTest {
    static final String CLAIM = "https://w3id.org/china-ai-kg/id/claim/t-1";
    static final String DOC = "https://w3id.org/china-ai-kg/id/source/t";

    /** Runs a command through picocli, as the CLI does, capturing stdout. */
    static Run run(Object command, String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(command).execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(saved);
        }
    }

    record Run(int exitCode, String out) {}

    @Test
    void offsetsCountCodePointsNotUtf16Units(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("s.txt");
        Files.writeString(source, "A 😀 emoji before the quote here.", StandardCharsets.UTF_8);
        Run r = run(new LocateCommand(), "--source", source.toString(), "the quote");
        assertEquals(0, r.exitCode());
        // "A 😀 emoji before " is 17 code points (18 UTF-16 units).
        assertTrue(r.out().contains("start  17"), r.out());
        assertTrue(r.out().contains("end    26"), r.out());
        assertTrue(r.out().contains("prefix \"A 😀 emoji before \""), r.out());
    }

    @Test
    void locateFailsOnAQuoteThatIsNotVerbatim(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("s.txt");
        Files.writeString(source, "The quick brown fox.", StandardCharsets.UTF_8);
        assertEquals(1, run(new LocateCommand(), "--source", source.toString(), "the quick").exitCode());
        assertEquals(1, run(new LocateCommand(), "--source", source.toString(), "quick", "--nth", "2").exitCode());
    }

    @Test
    void locateOutputPassesVerification(@TempDir Path dir) throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Path source = corpus.resolve("s.txt");
        Files.writeString(source, "Line one.\nIt said \"yes\" — twice.\nEnd.", StandardCharsets.UTF_8);
        Run located = run(new LocateCommand(), "--source", source.toString(), "--claim", CLAIM, "--source-iri", DOC,
                "It said \"yes\" — twice.");
        assertEquals(0, located.exitCode());
        Path data = writeData(dir, SourceText.read(source).sha256(), located.out());
        Run verified = run(new VerifyProvenanceCommand(), "--sources", corpus.toString(), "--data", data.toString());
        assertEquals(0, verified.exitCode(), verified.out());
        assertTrue(verified.out().contains("1 claims, 1 quotes checked: all verified"), verified.out());
    }

    @Test
    void shiftedOffsetsAndWrongPrefixAreReportedWithTheClaimIri(@TempDir Path dir) throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Path source = corpus.resolve("s.txt");
        Files.writeString(source, "Alpha beta gamma delta.", StandardCharsets.UTF_8);
        String evidence = LocateCommand.turtle(QuoteLocation.locate(SourceText.read(source), "gamma", 1), CLAIM, DOC)
                .replace("oa:start 11 ; oa:end 16", "oa:start 12 ; oa:end 17");
        Path data = writeData(dir, SourceText.read(source).sha256(), evidence);
        Run r = run(new VerifyProvenanceCommand(), "--sources", corpus.toString(), "--data", data.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.out().contains("FAIL <" + CLAIM + "> s.txt [12,17): quote is not at its offsets"), r.out());
        assertTrue(r.out().contains("the quote occurs at [11]"), r.out());
    }

    @Test
    void aSourceWhoseFileChangedIsReported(@TempDir Path dir) throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("s.txt"), "Alpha beta.", StandardCharsets.UTF_8);
        Path data = writeData(dir, "0".repeat(64), "");
        Run r = run(new VerifyProvenanceCommand(), "--sources", corpus.toString(), "--data", data.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.out().contains("FAIL <" + DOC + "> no file in"), r.out());
    }

    @Test
    void aClaimWithoutEvidenceIsReported(@TempDir Path dir) throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("s.txt"), "Alpha.", StandardCharsets.UTF_8);
        Path data = writeData(dir, SourceText.read(corpus.resolve("s.txt")).sha256(),
                "<" + CLAIM + "> a kg:Claim .\n");
        Run r = run(new VerifyProvenanceCommand(), "--sources", corpus.toString(), "--data", data.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.out().contains("FAIL <" + CLAIM + "> has no evidence"), r.out());
    }

    /** The bundled data against the corpus it was built from: what `.ci/run` also checks. */
    @Test
    void everyQuoteOfTheBundledDataIsVerbatimAtItsOffsets() {
        Path seeds = Corpus.required();
        Run r = run(new VerifyProvenanceCommand(), "--sources", seeds.toString(), "--data", "data");
        assertEquals(0, r.exitCode(), r.out());
        long documents = org.apache.jena.riot.RDFDataMgr.loadModel("data/documents.ttl")
                .listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type, org.chinaaikg.vocab.KG.SourceDocument).toList().size();
        assertTrue(r.out().contains(documents + " source documents"), r.out());
    }

    private static Path writeData(Path dir, String sha256, String evidenceTurtle) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("d.ttl"), """
                @prefix kg: <https://w3id.org/china-ai-kg/ontology#> .
                @prefix oa: <http://www.w3.org/ns/oa#> .
                <%s> a kg:SourceDocument ; kg:sha256 "%s" .
                <%s> a kg:Claim ; kg:statedIn <%s> .
                """.formatted(DOC, sha256, CLAIM, DOC) + evidenceTurtle, StandardCharsets.UTF_8);
        return data;
    }
}
