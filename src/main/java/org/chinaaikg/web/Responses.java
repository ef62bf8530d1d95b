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

    /**
     * A file as it is on disk, streamed (never held in memory), with its length; a HEAD gets the headers alone. The
     * bytes go out as they are: a gzipped file is sent as {@code application/gzip}, with no {@code Content-Encoding},
     * so that no client decodes it on the way.
     */
    public static void file(HttpServletResponse resp, String mediaType, java.nio.file.Path file, long length, boolean head) throws IOException {
        resp.setStatus(200);
        resp.setContentType(withCharset(mediaType));
        resp.setContentLengthLong(length);
        if (head) return;
        try (OutputStream out = resp.getOutputStream()) {
            java.nio.file.Files.copy(file, out);
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
