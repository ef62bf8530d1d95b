package org.chinaaikg.cli;


import picocli.CommandLine;
import picocli.CommandLine.Command;

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

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code: what {@code main} does, minus the exit. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The command line, for callers that want to set its output streams. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main());
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
