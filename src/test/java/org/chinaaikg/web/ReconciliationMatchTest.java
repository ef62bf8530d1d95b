package org.chinaaikg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.chinaaikg.describe.DatasetMetadata;
import org.chinaaikg.describe.EntityCatalog;
import org.chinaaikg.search.LabelSearch;
import org.chinaaikg.vocab.Iris;
import org.junit.jupiter.api.Test;

/**
 * {@code match: true} only when certain: the text is a name or spelling of the candidate and of no other candidate.
 * Two organizations that a source both calls "Zhipu" (a real TDB2 store, in memory) are found, neither matched.
 */
class ReconciliationMatchTest {
    static final String DATA = """
            PREFIX kg:   <https://w3id.org/china-ai-kg/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX org:  <https://w3id.org/china-ai-kg/id/org/>
            org:zhipu-ai a kg:Company ; rdfs:label "Zhipu AI"@en ; skos:altLabel "Zhipu"@en .
            org:zhipu-huazhang a kg:Company ; rdfs:label "Zhipu Huazhang"@en ; skos:altLabel "zhipu"@en .
            org:unique a kg:Company ; rdfs:label "Unique Research"@en .
            """;

    @Test
    void aSpellingOfTwoEntitiesIsNoCertainMatch() {
        Dataset ds = TDB2Factory.createDataset();
        Txn.executeWrite(ds, () -> RDFParser.fromString(DATA).lang(Lang.TURTLE).parse(ds.getNamedModel(Iris.GRAPH + "entities/test")));
        var catalog = EntityCatalog.lazy(ds.asDatasetGraph());
        Reconciliation service = new Reconciliation(catalog, new LabelSearch(catalog), ds.asDatasetGraph(),
                new DatasetMetadata("Test", null, null, null));
        JsonObject got = service.reconcile(JSON.parse("{\"a\":{\"query\":\"Zhipu\"},\"b\":{\"query\":\"Unique Research\"}}"));
        ReconciliationSchemas.assertValid("reconciliation-result-batch", JSON.toString(got));
        JsonArray a = got.getObj("a").get("result").getAsArray();
        assertEquals(2, a.size(), "both Zhipus found: " + a);
        a.forEach(r -> {
            assertEquals(100, r.getAsObject().getNumber("score").intValue(), r.toString());
            assertFalse(r.getAsObject().get("match").getAsBoolean().value(), "two entities are spelled so: no certain match");
        });
        JsonArray b = got.getObj("b").get("result").getAsArray();
        assertTrue(b.get(0).getAsObject().get("match").getAsBoolean().value(), b.toString());
        assertEquals("org/unique", b.get(0).getAsObject().getString("id"));
    }
}
