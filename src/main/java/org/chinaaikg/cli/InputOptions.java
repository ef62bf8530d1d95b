package org.chinaaikg.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.chinaaikg.project.Inputs;

import picocli.CommandLine.Option;

/** Where the input files are: shared by {@code serve}, {@code load} and {@code validate}. */
final class InputOptions {
    @Option(names = "--data", defaultValue = "data", paramLabel = "DIR",
            description = "Data folder: every *.ttl under it becomes a named graph (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--ontology", defaultValue = "ontology", paramLabel = "DIR",
            description = "Ontology folder: *.ttl, with SHACL shapes in *shapes*.ttl (default: ${DEFAULT-VALUE}).")
    Path ontology;

    /** The inputs, once both folders are found to hold Turtle files: a missing or empty folder is a mistake, not an empty graph. */
    Inputs inputs() {
        requireTurtle("--data", data, true, "the folder of the data's Turtle files");
        requireTurtle("--ontology", ontology, false, "the folder of the ontology and its shapes");
        return new Inputs(data, ontology);
    }

    /** Fails, in one line naming the option and the path, unless {@code dir} is a folder holding at least one .ttl file. */
    static void requireTurtle(String option, Path dir, boolean recursive, String what) {
        if (!Files.exists(dir)) {
            throw new UserError(option + " " + dir + ": no such folder (in " + Path.of("").toAbsolutePath()
                    + "); pass " + option + " DIR, " + what);
        }
        if (!Files.isDirectory(dir)) {
            throw new UserError(option + " " + dir + ": not a folder; pass " + option + " DIR, " + what);
        }
        try (Stream<Path> files = recursive ? Files.walk(dir) : Files.list(dir)) {
            if (files.noneMatch(p -> p.getFileName().toString().endsWith(".ttl") && Files.isRegularFile(p))) {
                throw new UserError(option + " " + dir + ": holds no .ttl file" + (recursive ? "" : " (subfolders are not read)")
                        + "; pass " + option + " DIR, " + what);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
