package org.chinaaikg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A saved query asked again with the same parameters and format answers from the cache, with the same bytes. */
class SavedQueryCacheTest {
    static final String BAIDU = "/queries/models-of-company.csv?company=https://w3id.org/china-ai-kg/id/org/baidu";
    static final String ZHIPU = "/queries/models-of-company.csv?company=https://w3id.org/china-ai-kg/id/org/zhipu";

    @RegisterExtension
    static final ServerExtension server = ServerExtension.onFixtures();

    static String cache(HttpResponse<String> r) {
        return r.headers().firstValue("X-Cache").orElse("none");
    }

    @Test
    void aRepeatedSavedQueryAnswersFromTheCache() throws Exception {
        HttpResponse<String> first = server.get(BAIDU, null);
        HttpResponse<String> second = server.get(BAIDU, null);
        assertEquals(200, first.statusCode(), first.body());
        assertEquals("miss", cache(first));
        assertEquals("hit", cache(second));
        assertEquals(first.body(), second.body());
        assertEquals(first.headers().firstValue("Content-Type"), second.headers().firstValue("Content-Type"));
    }

    @Test
    void otherParametersOrFormatsAreOtherAnswers() throws Exception {
        HttpResponse<String> baidu = server.get(BAIDU, null);
        HttpResponse<String> zhipu = server.get(ZHIPU, null);
        assertEquals("miss", cache(zhipu));
        assertNotEquals(baidu.body(), zhipu.body());
        HttpResponse<String> json = server.get(BAIDU.replace(".csv", ""), "application/sparql-results+json");
        assertEquals("miss", cache(json));
        assertEquals("hit", cache(server.get(BAIDU.replace(".csv", ""), "application/sparql-results+json")));
    }

    @Test
    void refusedParametersAreNeverCached() throws Exception {
        String refused = "/queries/models-of-company.csv?company=not-an-iri";
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> bad = server.get(refused, null);
            assertEquals(400, bad.statusCode());
            assertEquals(java.util.Optional.empty(), bad.headers().firstValue("X-Cache"), "a refusal is neither cached nor served from the cache");
        }
        // The same query with a good value is answered and cached as usual: the cache is on in this server.
        String good = "/queries/models-of-company.csv?company=https://w3id.org/china-ai-kg/id/org/refused-then-good";
        assertEquals("miss", server.get(good, null).headers().firstValue("X-Cache").orElse(""));
        assertEquals("hit", server.get(good, null).headers().firstValue("X-Cache").orElse(""));
    }
}
