package org.chinaaikg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.chinaaikg.query.SavedQueries;
import org.chinaaikg.store.Stores;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The warm-up a server sends itself at start covers every kind of request (each parameterised saved query with a value
 * from the data, an entity's page, search, SPARQL in each format), and each of them is answered 200: a warm-up that
 * only collects 400s and 404s would warm the error path.
 */
@Tag("slow")
class WarmUpTest {
    @RegisterExtension
    static final ServerExtension server = ServerExtension.onBundledData();

    @Test
    void everyKindOfRequestIsWarmedAndAnswered() throws Exception {
        // The server's own store (TDB2 hands this process the dataset it already has open).
        WarmUp warmUp = WarmUp.of(server.base(), Stores.open(server.project().store()).asDatasetGraph(),
                SavedQueries.load(server.project().queries(), problem -> {}));
        List<String> kinds = warmUp.kinds();
        for (String path : List.of("/queries/claims-about", "/queries/company-profile", "/queries/find-by-name",
                "/queries/facts-with-evidence", "/queries/claims-of-source", "/kg/sparql", "/search", "/")) {
            assertTrue(kinds.stream().anyMatch(k -> k.endsWith(" " + path)), path + " in " + kinds);
        }
        assertTrue(kinds.stream().anyMatch(k -> k.startsWith("GET /id/")), "an entity's page: " + kinds);
        List<Integer> statuses = warmUp.sendOnce();
        for (int i = 0; i < statuses.size(); i++) assertEquals(200, statuses.get(i), kinds.get(i));
    }
}
