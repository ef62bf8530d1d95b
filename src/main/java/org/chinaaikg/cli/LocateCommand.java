package org.chinaaikg.cli;

import org.chinaaikg.provenance.QuoteLocation;
import org.chinaaikg.provenance.SourceText;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.out.NodeFmtLib;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code locate}: computes a quote's Web Annotation selectors, so that offsets are never counted by hand. */
@Command(name = "locate", mixinStandardHelpOptions = true,
        description = {"Locate a verbatim quote in a source file and print its start and end (Unicode code points from 0),",
                "prefix and suffix; with --claim, print the claim's evidence as Turtle, ready to paste."})
public final class LocateCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--source", required = true, paramLabel = "FILE", description = "The source text file.")
    Path source;

    @Parameters(index = "0", paramLabel = "QUOTE", description = "The exact words, as they stand in the file.")
    String quote;

    @Option(names = "--nth", defaultValue = "1", paramLabel = "N",
            description = "Which occurrence to take when the quote occurs more than once (default: ${DEFAULT-VALUE}).")
    int nth;

    @Option(names = "--claim", paramLabel = "IRI", description = "The claim's IRI: print its evidence as Turtle.")
    String claim;

    @Option(names = "--source-iri", paramLabel = "IRI",
            description = "The source document's IRI for oa:hasSource (with --claim).")
    String sourceIri;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(source)) {
            throw new UserError("--source " + source + ": no such file; pass --source FILE, the source text");
        }
        SourceText text = SourceText.read(source);
        QuoteLocation at;
        try {
            at = QuoteLocation.locate(text, quote, nth);
        } catch (IllegalArgumentException e) {
            err.println("locate: " + e.getMessage());
            err.flush();
            return 1;
        }
        int occurrences = text.occurrences(quote).length;
        if (occurrences > 1) {
            err.println("locate: note: the quote occurs " + occurrences + " times; occurrence " + nth + " is used");
        }
        err.flush();
        out.print(claim == null ? plain(at) : turtle(at, claim, sourceIri == null ? "SOURCE-IRI" : sourceIri));
        out.flush();
        return 0;
    }

    static String plain(QuoteLocation at) {
        return "start  " + at.start() + "\nend    " + at.end()
                + "\nprefix " + literal(at.prefix()) + "\nsuffix " + literal(at.suffix()) + "\n";
    }

    static String turtle(QuoteLocation at, String claim, String sourceIri) {
        return "<" + claim + "> kg:hasEvidence <" + claim + "#evidence> .\n"
                + "<" + claim + "#evidence> a oa:SpecificResource ;\n"
                + "    oa:hasSource <" + sourceIri + "> ;\n"
                + "    oa:hasSelector <" + claim + "#quote> , <" + claim + "#position> .\n"
                + "<" + claim + "#quote> a oa:TextQuoteSelector ;\n"
                + "    oa:exact " + literal(at.exact()) + " ;\n"
                + "    oa:prefix " + literal(at.prefix()) + " ;\n"
                + "    oa:suffix " + literal(at.suffix()) + " .\n"
                + "<" + claim + "#position> a oa:TextPositionSelector ; oa:start " + at.start() + " ; oa:end " + at.end() + " .\n";
    }

    /** A Turtle string literal with Turtle's escapes (quotes, backslashes, newlines). */
    static String literal(String s) {
        return NodeFmtLib.strTTL(NodeFactory.createLiteralString(s));
    }
}
