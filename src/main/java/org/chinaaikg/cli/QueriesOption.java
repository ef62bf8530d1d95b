package org.chinaaikg.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** Where the saved queries are: {@code serve} serves them, {@code load} stores the answers of those without parameters. */
final class QueriesOption {
    @Option(names = "--queries", defaultValue = "queries", paramLabel = "DIR",
            description = "Saved queries folder, *.rq with grlc decorators (default: ${DEFAULT-VALUE}).")
    Path queries;
}
