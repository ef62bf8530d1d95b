package org.chinaaikg.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.chinaaikg.store.Stores;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code load}: rebuilds the store, all or nothing. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Rebuild the TDB2 store from the ontology and data, reporting each file.",
                "All or nothing: the store is built beside the old one and swapped in only when every file parses",
                "and the data conforms to the SHACL shapes; on failure the previous store is left exactly as it was."})
public final class LoadCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--store", defaultValue = "target/store", paramLabel = "DIR",
            description = "TDB2 store directory (default: ${DEFAULT-VALUE}).")
    Path store;

    @Mixin
    InputOptions inputs;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        long start = System.nanoTime();
        try {
            Stores.build(store, inputs.inputs(), line -> {
                out.println(line);
                out.flush();
            });
        } catch (Stores.LoadFailed e) {
            var err = spec.commandLine().getErr();
            err.println("load failed; " + Stores.unchanged(store) + ":");
            err.println(e.getMessage());
            err.flush();
            return 1;
        }
        out.printf("store %s rebuilt in %.2f s%n", store, (System.nanoTime() - start) / 1e9);
        out.flush();
        return 0;
    }
}
