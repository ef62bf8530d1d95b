package org.chinaaikg.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.chinaaikg.project.Inputs;
import org.chinaaikg.query.SavedQueries;
import org.chinaaikg.store.ServingLock;
import org.chinaaikg.store.Stores;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code load}: rebuilds the store, all or nothing. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Rebuild the TDB2 store from the ontology and data, reporting each file.",
                "All or nothing: the store is built beside the old one and swapped in only when every file parses",
                "and the data conforms to the SHACL shapes; on failure the previous store is left exactly as it was.",
                "The downloads (/downloads: TriG and N-Quads dumps, the ontology with all data in one file, each with",
                "its size and SHA-256) are written inside the new store and swapped in with it, and so are the answers",
                "of the saved queries (--queries) that need no parameter value, which /queries/NAME serves from disk.",
                "A store that a server is serving is not replaced: stop the server first,",
                "or load into another --store."})
public final class LoadCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreOption storeOption;

    @Mixin
    InputOptions inputs;

    @Mixin
    QueriesOption queries;

    @CommandLine.Option(names = "--if-changed",
            description = "Only if the store is missing or an input file changed (as serve decides); otherwise say so and stop.")
    boolean ifChanged;

    @Override
    public Integer call() throws Exception {
        Path store = storeOption.store;
        Inputs in = inputs.inputs();
        if (ifChanged && Stores.isCurrent(store, in)) {
            spec.commandLine().getOut().printf("store %s is current (%d input files unchanged): not rebuilt%n", store, in.all().size());
            spec.commandLine().getOut().flush();
            return 0;
        }
        refuseIfServed(store);
        storeOption.checkWritable();
        var out = spec.commandLine().getOut();
        long start = System.nanoTime();
        try {
            var err = spec.commandLine().getErr();
            Stores.build(store, in, SavedQueries.load(queries.queries, problem -> {
                err.println("warning: " + problem);
                err.flush();
            }), line -> {
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

    /**
     * A server keeps reading the files of the store it opened: swapping the store under it would leave it answering
     * from deleted files, blind to the new data. So a served store is not replaced.
     */
    static void refuseIfServed(Path store) {
        ServingLock.holder(store).ifPresent(h -> {
            throw new UserError(1, store + " is being served by process " + h.pid()
                    + (h.url() == null ? " (starting)" : " at " + h.url())
                    + "; stop it first, or load into another --store");
        });
    }
}
