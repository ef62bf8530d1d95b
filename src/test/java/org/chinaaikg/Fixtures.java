package org.chinaaikg;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.chinaaikg.cli.Main;

import picocli.CommandLine;

/**
 * The service tests' own small project (src/test/resources/fixtures: a tiny ontology with shapes, two data files,
 * two saved queries), copied into a temporary folder so that tests can break it; and the command line, run for real.
 */
public final class Fixtures {
    public static final Path SOURCE = Path.of("src", "test", "resources", "fixtures");

    private Fixtures() {}

    /** A fresh copy of the fixture project in {@code dir}. */
    public static Project copyTo(Path dir) {
        try (Stream<Path> walk = Files.walk(SOURCE)) {
            for (Path p : walk.toList()) {
                Path to = dir.resolve(SOURCE.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to); else Files.copy(p, to);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Project(dir);
    }

    public record Project(Path dir) {
        public Path data() { return dir.resolve("data"); }
        public Path ontology() { return dir.resolve("ontology"); }
        public Path queries() { return dir.resolve("queries"); }
        public Path store() { return dir.resolve("store"); }

        /** The options that point a command at this project. */
        public List<String> inputOptions() {
            return List.of("--store", store().toString(), "--data", data().toString(), "--ontology", ontology().toString());
        }

        public Run run(String command, String... more) {
            List<String> args = new ArrayList<>(List.of(command));
            if (!command.equals("query")) args.addAll(inputOptions()); else args.addAll(List.of("--store", store().toString()));
            args.addAll(List.of(more));
            return Fixtures.run(args.toArray(String[]::new));
        }
    }

    /** What a command line did: its exit code and what it printed. */
    public record Run(int exitCode, String out, String err) {}

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
