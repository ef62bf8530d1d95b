package org.chinaaikg.cli;

import org.chinaaikg.provenance.ProvenanceVerifier;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

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

    @Option(names = "--sources", required = true, paramLabel = "DIR", description = "The directory of source text files.")
    Path sources;

    @Option(names = "--data", defaultValue = "data", paramLabel = "DIR",
            description = "The data directory (every *.ttl below it is read; default: ${DEFAULT-VALUE}).")
    Path data;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Model model;
        try {
            model = readTurtleTree(data);
        } catch (RiotException e) {
            throw new UserError(e.getMessage());
        }
        ProvenanceVerifier.Report report = ProvenanceVerifier.forCorpus(sources).verify(model);
        report.failures().forEach(f -> out.println("FAIL " + f));
        out.printf("verify-provenance: %d source documents, %d claims, %d quotes checked: %s%n",
                report.sources(), report.claims(), report.quotes(),
                report.ok() ? "all verified" : report.failures().size() + " failure(s)");
        out.flush();
        return report.ok() ? 0 : 1;
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
