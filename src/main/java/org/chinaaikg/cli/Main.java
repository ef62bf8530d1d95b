package org.chinaaikg.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code china-ai-kg} command line: build, check, query and serve the knowledge graph. */
@Command(name = "china-ai-kg", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "An RDF knowledge graph of the Chinese AI industry, served over SPARQL.",
        subcommands = {
                ServeCommand.class,
                LoadCommand.class,
                QueryCommand.class,
                ValidateCommand.class,
                LocateCommand.class,
                VerifyProvenanceCommand.class,
                IngestCommand.class,
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "On an error, print the stack trace too (by default an error is one line).")
    boolean verbose;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code: what {@code main} does, minus the exit. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The command line, for callers that want to set its output streams. */
    public static CommandLine commandLine() {
        Main main = new Main();
        CommandLine cl = new CommandLine(main);
        cl.setExecutionExceptionHandler((e, failed, parsed) -> {
            PrintWriter err = failed.getErr();
            err.println(failed.getCommandName() + ": " + oneLine(e)
                    + (main.verbose || e instanceof UserError ? "" : " (--verbose shows the stack trace)"));
            if (main.verbose) e.printStackTrace(err);
            err.flush();
            return e instanceof UserError u ? u.exitCode : 1;
        });
        cl.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            PrintWriter err = failed.getErr();
            String suggestions = e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()
                    ? " (did you mean " + String.join(" or ", u.getSuggestions()) + "?)" : "";
            err.println(failed.getCommandName() + ": " + Main.oneLine(e) + suggestions + "; "
                    + failed.getCommandSpec().qualifiedName() + " --help lists the options");
            err.flush();
            return failed.getCommandSpec().exitCodeOnInvalidInput();
        });
        return cl;
    }

    /** What went wrong, in one line: the file and the reason for a file system error, else the first line of the message. */
    static String oneLine(Throwable e) {
        if (e instanceof UserError) return e.getMessage();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UncheckedIOException && t.getCause() != null) continue;
            if (t instanceof FileSystemException f && f.getFile() != null) {
                String why = f instanceof AccessDeniedException ? "permission denied"
                        : f instanceof NoSuchFileException ? "no such file or folder"
                        : f instanceof NotDirectoryException ? "not a folder"
                        : f.getReason() != null ? f.getReason() : f.getClass().getSimpleName();
                return f.getFile() + (f.getOtherFile() != null ? " -> " + f.getOtherFile() : "") + ": " + why;
            }
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) return e.getClass().getSimpleName();
        return message.lines().findFirst().orElse("").strip();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"china-ai-kg " + Versions.of("org.chinaaikg", "china-ai-kg"),
                    "Apache Jena " + Versions.jena()};
        }
    }
}
