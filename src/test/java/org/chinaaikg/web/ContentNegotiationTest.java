package org.chinaaikg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One content negotiation for every resource, with q-values honoured (q=0 is "not this one"). */
class ContentNegotiationTest {
    @RegisterExtension
    static final ServerExtension server = ServerExtension.onFixtures();

    static final List<String> OFFERS = List.of("application/json", "text/csv", "text/html");

    @Test
    void theBestQualityWinsAndTiesGoToTheFirstOffer() {
        assertEquals(Optional.of("text/csv"), Conneg.choose("text/html;q=0, text/csv", OFFERS));
        assertEquals(Optional.of("text/html"), Conneg.choose("text/csv;q=0.5, text/html", OFFERS));
        assertEquals(Optional.of("application/json"), Conneg.choose("*/*", OFFERS));
        assertEquals(Optional.of("application/json"), Conneg.choose(null, OFFERS));
        // The most specific range decides: text/* at q=0.9 does not lift text/html, excluded by name.
        assertEquals(Optional.of("text/csv"), Conneg.choose("text/*;q=0.9, text/html;q=0", OFFERS));
        assertEquals(Optional.empty(), Conneg.choose("image/png", OFFERS));
        assertEquals(Optional.empty(), Conneg.choose("text/html;q=0", OFFERS));
    }

    @Test
    void aSavedQueryRefusedAsHtmlIsSentAsTheAcceptedFormat() throws Exception {
        HttpResponse<String> r = server.get("/queries/models-per-company", "text/html;q=0, text/csv");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), r.headers().toString());
        assertEquals("company,company_label,models", r.body().lines().findFirst().orElse(""));
    }

    @Test
    void aBrowserThatPrefersCsvGetsCsvNotThePage() throws Exception {
        HttpResponse<String> r = server.get("/queries/models-per-company", "text/csv, text/html;q=0.5");
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), r.headers().toString());
    }

    @Test
    void anEntityRefusedAsHtmlIsSentAsRdf() throws Exception {
        HttpResponse<String> r = server.get("/ontology", "text/html;q=0, application/n-triples;q=0.5");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/n-triples"), r.headers().toString());
    }
}
