package org.chinaaikg.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/** The one way our servlets answer: a status, a media type (UTF-8 for text and JSON) and a body of known length. */
public final class Responses {
    private Responses() {}

    public static void send(HttpServletResponse resp, int status, String mediaType, byte[] body) throws IOException {
        resp.setStatus(status);
        resp.setContentType(withCharset(mediaType));
        resp.setContentLength(body.length);
        try (OutputStream out = resp.getOutputStream()) {
            out.write(body);
        }
    }

    /** A one-line plain-text answer, for errors and refusals. */
    public static void text(HttpServletResponse resp, int status, String message) throws IOException {
        send(resp, status, "text/plain", (message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The media type as sent: text and JSON types name their charset. */
    public static String withCharset(String mediaType) {
        boolean textual = mediaType.startsWith("text/") || mediaType.contains("json") || mediaType.endsWith("xml");
        return textual && !mediaType.contains("charset") ? mediaType + "; charset=utf-8" : mediaType;
    }
}
