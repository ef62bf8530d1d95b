package org.chinaaikg.query;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every saved query of the repository parses and opens with grlc's summary and description. */
class RepositoryQueriesTest {
    @TestFactory
    List<DynamicTest> everySavedQueryParsesAndIsDecorated() {
        return SavedQueries.files(Path.of("queries")).stream()
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    SavedQuery q = SavedQuery.read(file);
                    assertFalse(q.summary().isBlank(), file + ": #+ summary: is missing");
                    assertFalse(q.description().isBlank(), file + ": #+ description: is missing");
                }))
                .toList();
    }
}
