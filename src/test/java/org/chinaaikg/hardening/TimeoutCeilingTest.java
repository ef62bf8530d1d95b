package org.chinaaikg.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.chinaaikg.web.ServerExtension;
import org.chinaaikg.web.TestServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The server's {@code --timeout} is a ceiling: the protocol's {@code ?timeout=} can shorten a query, never lengthen it. */
@Tag("slow")
class TimeoutCeilingTest {
    @RegisterExtension
    static final ServerExtension server = ServerExtension.onFixtures("--timeout", "2");

    @Test
    void aTimeoutParameterAboveTheServersDoesNotExtendTheQuery() throws Exception {
        for (String asked : new String[] {"25,25", "25", "25,1"}) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = TestServer.HTTP.send(HttpRequest.newBuilder(URI.create(server.base() + "/kg/sparql?query="
                    + URLEncoder.encode(RunawayQueryTest.CROSS_PRODUCT, StandardCharsets.UTF_8) + "&timeout=" + asked))
                    .header("Accept", "text/csv").timeout(Duration.ofSeconds(8)).GET().build(), HttpResponse.BodyHandlers.ofString());
            double s = (System.nanoTime() - t0) / 1e9;
            assertEquals(503, r.statusCode(), asked + ": " + r.body());
            assertTrue(s < 4.5, "timeout=" + asked + " ran " + s + " s on a server with --timeout 2");
        }
    }
}
