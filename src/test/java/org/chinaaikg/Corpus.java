package org.chinaaikg;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * The source corpus the bundled data was curated from: {@code ../shared/seeds} beside the project, or the folder the
 * system property {@code kg.seeds} names. Tests that need it are skipped, with a message, on a clone without it;
 * {@code .ci/run} checks the quotes against it with {@code verify-provenance} all the same.
 */
public final class Corpus {
    private Corpus() {}

    public static Path seeds() {
        return Path.of(System.getProperty("kg.seeds", Path.of("..", "shared", "seeds").toString()));
    }

    /** The corpus folder, or the test is skipped saying where it was looked for. */
    public static Path required() {
        Path seeds = seeds();
        Assumptions.assumeTrue(Files.isDirectory(seeds), "the source corpus is not at " + seeds.toAbsolutePath()
                + " (set -Dkg.seeds=DIR): skipped");
        return seeds;
    }
}
