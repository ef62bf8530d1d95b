package org.chinaaikg.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.chinaaikg.web.ServerExtension;
import org.chinaaikg.web.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A form body with raw UTF-8 and no charset runs the query that was sent, chunked or not. */
class FormCharsetTest {
    static final String QUERY = "SELECT ?x WHERE { BIND(\"百度 ümlaut\" AS ?x) }";

    @RegisterExtension
    static final ServerExtension server = ServerExtension.onFixtures();

    @Test
    void rawUtf8InAChunkedFormIsDecodedAsUtf8() throws Exception {
        byte[] body = ("query=" + QUERY).getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(server.base() + "/kg/sparql"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        HttpResponse<String> r = TestServer.HTTP.send(chunked, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(List.of("x", "百度 ümlaut"), r.body().lines().toList());
    }

    @Test
    void rawUtf8InAFormWithALengthIsDecodedAsUtf8() throws Exception {
        HttpRequest sized = HttpRequest.newBuilder(URI.create(server.base() + "/kg/sparql"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(("query=" + QUERY).getBytes(StandardCharsets.UTF_8))).build();
        HttpResponse<String> r = TestServer.HTTP.send(sized, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(List.of("x", "百度 ümlaut"), r.body().lines().toList());
    }
}
