package org.chinaaikg.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine.Option;

/** Where the TDB2 store is: shared by {@code serve}, {@code load} and {@code query}; {@code KG_STORE} sets the default. */
final class StoreOption {
    @Option(names = "--store", defaultValue = "${env:KG_STORE:-target/store}", paramLabel = "DIR",
            description = "TDB2 store directory (default: ${DEFAULT-VALUE}; the environment variable KG_STORE sets the default).")
    Path store;

    /**
     * Checks that the store can be built or opened here: a build writes a sibling folder and renames it, and TDB2
     * writes its lock file into the store, so the store's folder (or its nearest existing ancestor) and the store itself
     * must be writable folders.
     */
    void checkWritable() {
        Path absolute = store.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            if (!Files.isDirectory(absolute)) {
                throw new UserError("--store " + store + ": is a file, not a folder; pass --store DIR");
            }
            if (!Files.isWritable(absolute)) {
                throw new UserError("--store " + store + ": the folder is read-only (TDB2 writes its lock file in it); "
                        + "make it writable, or pass --store DIR in a folder you can write");
            }
        }
        Path ancestor = absolute.getParent();
        while (ancestor != null && !Files.exists(ancestor)) ancestor = ancestor.getParent();
        if (ancestor == null) return;
        if (!Files.isDirectory(ancestor)) {
            throw new UserError("--store " + store + ": " + ancestor + " is a file, not a folder; pass --store DIR");
        }
        if (!Files.isWritable(ancestor)) {
            throw new UserError("--store " + store + ": cannot write in " + ancestor
                    + " (permission denied; the store is built beside its final place and renamed); "
                    + "pass --store DIR in a folder you can write");
        }
    }
}
