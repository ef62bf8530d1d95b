package org.chinaaikg.cli;

import java.nio.file.Path;

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

    Inputs inputs() {
        return new Inputs(data, ontology);
    }
}
