package org.chinaaikg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A saved query's parameter value is bound to its variable as a literal, never pasted into the query's text. */
class ParameterBindingTest {
    static final String QUERY = """
            #+ summary: Models whose label contains a text
            #+ description: One row per model whose label contains `text`.
            PREFIX kg: <https://w3id.org/china-ai-kg/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?model WHERE { ?model a kg:AIModel ; rdfs:label ?label FILTER(CONTAINS(STR(?label), ?_text)) }
            """;

    @RegisterExtension
    static final ServerExtension server = ServerExtension.onFixtures().preparing(project -> {
        try {
            Files.writeString(project.queries().resolve("models-labelled.rq"), QUERY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    });

    static List<String> rows(String text) throws Exception {
        HttpResponse<String> r = server.get("/queries/models-labelled.csv?text=" + URLEncoder.encode(text, StandardCharsets.UTF_8), null);
        assertEquals(200, r.statusCode(), r.body());
        return r.body().lines().skip(1).toList();
    }

    @Test
    void aValueThatWouldRewriteThePastedQueryMatchesNothing() throws Exception {
        assertEquals(1, rows("Qwen").size(), "the query works with an ordinary value");
        // Pasted, this would close the string and the FILTER and add a pattern that matches every model.
        assertEquals(List.of(), rows("\")) } UNION { ?model a kg:AIModel } #"));
        assertEquals(List.of(), rows("\" || true || \""));
    }
}
