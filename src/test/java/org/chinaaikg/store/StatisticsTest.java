package org.chinaaikg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.chinaaikg.Fixtures;
import org.chinaaikg.Fixtures.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code load} leaves TDB2 statistics for the query optimizer, counted over the union of every graph. */
class StatisticsTest {
    @TempDir
    Path dir;

    @Test
    void loadWritesStatsOptWithPredicateCounts() throws Exception {
        Project p = Fixtures.copyTo(dir);
        assertEquals(0, p.run("load").exitCode());
        List<Path> stats;
        try (Stream<Path> walk = Files.walk(p.store())) {
            stats = walk.filter(f -> f.getFileName().toString().equals(Stores.STATS_FILE)).toList();
        }
        assertEquals(1, stats.size(), "stats.opt files: " + stats);
        assertTrue(stats.get(0).getParent().getFileName().toString().matches("Data-\\d+"), stats.get(0).toString());
        String text = Files.readString(stats.get(0));
        // The fixture's data and ontology hold 7 labels: three companies, four models (the ontology has none).
        String labels = p.run("query", "--query", "SELECT (COUNT(*) AS ?n) WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?o }",
                "--format", "csv").out().lines().toList().get(1).trim();
        assertTrue(text.contains("(<http://www.w3.org/2000/01/rdf-schema#label> " + labels + ")"), labels + " labels; " + text);
        assertTrue(text.contains("(count "), text);
    }
}
