package org.chinaaikg.cli;

import org.chinaaikg.provenance.ProvenanceVerifier;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RiotException;
import org.chinaaikg.project.Inputs;
import org.chinaaikg.project.RdfFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code verify-provenance}: every quote of every claim, checked against the source files. */
@Command(name = "verify-provenance", mixinStandardHelpOptions = true,
        description = {"Check that every source document's SHA-256 matches a file in the sources directory, that every",
                "claim has evidence, and that every quote sits verbatim at its offsets with its prefix and suffix.",
                "Prints each failure with the claim's IRI; exits 1 if any."})
public final class VerifyProvenanceCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    private static final Logger LOG = LoggerFactory.getLogger(VerifyProvenanceCommand.class);

    /** Where README's layout puts the corpus: {@code shared/seeds} beside the project folder. */
    static final String DEFAULT_SOURCES = "../shared/seeds";

    /** How the verifier words a claim whose source document's file was not found; they are counted, not listed. */
    private static final String UNFOUND_SOURCE = "evidence source <";

    @Option(names = "--sources", defaultValue = DEFAULT_SOURCES, paramLabel = "DIR",
            description = "The directory of source text files (default: ${DEFAULT-VALUE}, beside the project folder).")
    Path sources;

    @Option(names = "--data", defaultValue = "data", paramLabel = "DIR",
            description = "The data directory (every *.ttl below it is read; default: ${DEFAULT-VALUE}).")
    Path data;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isDirectory(sources)) {
            throw new UserError("--sources " + sources + ": no such folder (in " + Path.of("").toAbsolutePath()
                    + "); pass --sources DIR, the folder of the source text files");
        }
        InputOptions.requireTurtle("--data", data, true, "the folder of the data's Turtle files");
        Model model;
        try {
            model = readTurtleTree(data);
        } catch (RiotException e) {
            throw new UserError(e.getMessage());
        }
        ProvenanceVerifier.Report report = ProvenanceVerifier.forCorpus(sources).verify(model);
        long withHash = report.sources() - report.failures().stream().filter(f -> f.message().equals("has no kg:sha256")).count();
        List<ProvenanceVerifier.Failure> notFound = report.failures().stream().filter(f -> f.message().startsWith("no file in ")).toList();
        if (withHash > 1 && notFound.size() == withHash) {
            // Not one source file found: a wrong folder. Say so once, not once per document and once per claim.
            throw new UserError(1, "--sources " + sources + ": no source file found: no file there has the SHA-256 of any of the "
                    + withHash + " source documents; pass --sources DIR, the folder of the source text files");
        }
        // A claim whose source document's file is missing adds nothing to the document's own failure: count them there.
        List<String> unfound = notFound.stream().map(ProvenanceVerifier.Failure::resource).toList();
        Map<String, Long> citing = report.failures().stream().map(VerifyProvenanceCommand::unfoundSource)
                .filter(unfound::contains).collect(Collectors.groupingBy(doc -> doc, Collectors.counting()));
        for (ProvenanceVerifier.Failure f : report.failures()) {
            if (unfound.contains(unfoundSource(f))) continue;
            Long n = notFound.contains(f) ? citing.get(f.resource()) : null;
            out.println("FAIL " + f + (n == null ? "" : " (so the quotes of " + n + " claim(s) citing it are not checked)"));
        }
        out.printf("verify-provenance: %d source documents, %d claims, %d quotes checked: %s%n",
                report.sources(), report.claims(), report.quotes(),
                report.ok() ? "all verified" : report.failures().size() + " failure(s)");
        out.flush();
        return report.ok() ? 0 : 1;
    }

    /** The source document a claim's failure says had no file found, or null for other failures. */
    private static String unfoundSource(ProvenanceVerifier.Failure f) {
        String m = f.message();
        return m.startsWith(UNFOUND_SOURCE) && m.indexOf('>') > 0 ? m.substring(UNFOUND_SOURCE.length(), m.indexOf('>')) : null;
    }

    /** Reads every data file, as the store does; a syntax error names file, line and column. */
    static Model readTurtleTree(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": not a directory");
        }
        Model model = ModelFactory.createDefaultModel();
        for (Inputs.InputFile file : new Inputs(dir, dir).dataFiles()) {
            LOG.debug("reading {}", file.path());
            try {
                model.add(ModelFactory.createModelForGraph(RdfFiles.parse(file.path(), LOG::warn)));
            } catch (RdfFiles.SyntaxError e) {
                throw new RiotException(e.getMessage(), e);
            }
        }
        return model;
    }
}
