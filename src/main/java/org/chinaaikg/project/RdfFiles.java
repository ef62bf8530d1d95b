package org.chinaaikg.project;

import java.nio.file.Path;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.graph.GraphFactory;

/** Reads one Turtle file: the first error fails it, naming file:line:column; warnings are reported the same way. */
public final class RdfFiles {
    private RdfFiles() {}

    /** A file that does not parse; the message reads {@code file:line:column: what is wrong}. */
    public static final class SyntaxError extends Exception {
        public SyntaxError(String message) {
            super(message);
        }
    }

    public static Graph parse(Path file, Consumer<String> warnings) throws SyntaxError {
        Graph graph = GraphFactory.createDefaultGraph();
        parse(file, StreamRDFLib.graph(graph), warnings);
        return graph;
    }

    /** Streams the file's triples into {@code sink} as they are read; a syntax error stops it part way through. */
    public static void parse(Path file, StreamRDF sink, Consumer<String> warnings) throws SyntaxError {
        try {
            RDFParser.source(file).lang(Lang.TURTLE).errorHandler(new Located(file, warnings)).parse(sink);
        } catch (LocatedError e) {
            throw new SyntaxError(e.getMessage());
        } catch (RiotException e) {
            throw new SyntaxError(file + ": " + e.getMessage());
        }
    }

    private static final class LocatedError extends RuntimeException {
        LocatedError(String message) {
            super(message, null, false, false);
        }
    }

    private record Located(Path file, Consumer<String> warnings) implements ErrorHandler {
        @Override
        public void warning(String message, long line, long col) {
            warnings.accept(file + ":" + line + ":" + col + ": warning: " + message);
        }

        @Override
        public void error(String message, long line, long col) {
            throw located(message, line, col);
        }

        @Override
        public void fatal(String message, long line, long col) {
            throw located(message, line, col);
        }

        private LocatedError located(String message, long line, long col) {
            return new LocatedError(file + ":" + line + ":" + col + ": " + message);
        }
    }
}
