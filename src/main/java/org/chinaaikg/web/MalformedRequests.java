package org.chinaaikg.web;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;

/**
 * Requests that cannot be read get a 4xx with a one-line reason here, before any servlet or filter that reads them
 * (each was a 500, most with a stack trace in the log):
 * <ul>
 * <li>a {@code charset} in {@code Content-Type} that this JVM does not know: 415 (Jetty threw
 * UnsupportedCharsetException);</li>
 * <li>a form body or URL query string that is not valid percent-encoding ({@code query=%zz}): 400, in one line
 * (Jetty's HTML page, or a 500 for a chunked form);</li>
 * <li>a body that stops arriving (Content-Length 100, 10 bytes sent): 408 once Jetty's idle timeout or minimum data
 * rate cuts it; a body shorter than its Content-Length: 400 (Fuseki read the query in its servlet and answered 500).</li>
 * </ul>
 * A {@code application/sparql-query} body is read here, whole (the body limit before this filter bounds it), and
 * served from memory to what follows.
 */
public final class MalformedRequests implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        // The header, not getContentType(): Jetty's throws UnsupportedCharsetException for an unknown charset.
        String type = req.getHeader("Content-Type");
        String charset = charset(type);
        if (charset != null && !supported(charset)) {
            refuse(resp, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "Unsupported charset '" + printable(charset)
                    + "' in Content-Type: send the body as UTF-8 (or leave the charset out).", true);
            return;
        }
        HttpServletRequest next = req;
        boolean post = "POST".equals(req.getMethod());
        if (post && type != null && type.toLowerCase(Locale.ROOT).startsWith("application/sparql-query")) {
            try {
                next = new InMemory(req, req.getInputStream().readAllBytes());
            } catch (IOException | RuntimeException e) {
                refuseBody(resp, e);
                return;
            }
        }
        try {
            // Parses the URL's query string, and a form body (reading it): what every later getParameter sees.
            next.getParameterMap();
        } catch (RuntimeException e) {
            boolean form = post && type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
            if (form && bodyFailure(e) != null) {
                refuseBody(resp, e);
            } else {
                refuse(resp, HttpServletResponse.SC_BAD_REQUEST, "Bad request: the " + (form ? "form body or the " : "")
                        + "URL's query string is not valid percent-encoding (a % must be followed by two hex digits, "
                        + "and the bytes must be valid " + (charset == null ? "UTF-8" : printable(charset)) + ").", form);
            }
            return;
        }
        chain.doFilter(next, response);
    }

    /** A body that could not be read: stalled (408) or cut short (400). The connection is closed after. */
    private static void refuseBody(HttpServletResponse resp, Throwable e) throws IOException {
        if ("timeout".equals(bodyFailure(e))) {
            refuse(resp, HttpServletResponse.SC_REQUEST_TIMEOUT, "The request body stopped arriving: the server waits "
                    + Limits.IDLE_TIMEOUT_MILLIS / 1000 + " s at most and needs " + Limits.MIN_REQUEST_DATA_RATE
                    + " bytes/s; send the whole body at once.", true);
        } else {
            refuse(resp, HttpServletResponse.SC_BAD_REQUEST, "The request body could not be read: it ended before "
                    + "its Content-Length, or the connection failed.", true);
        }
    }

    /** "timeout", "broken" (the body ended early), or null when the failure is not the body's (a decoding error). */
    static String bodyFailure(Throwable e) {
        boolean io = false;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TimeoutException) return "timeout";
            if (t instanceof HttpException h && h.getCode() == HttpServletResponse.SC_REQUEST_TIMEOUT) return "timeout";
            if (t instanceof EofException) io = true;
        }
        return io ? "broken" : null;
    }

    private static void refuse(HttpServletResponse resp, int status, String message, boolean close) throws IOException {
        // The body was not read (or not to its end): close rather than read the rest.
        if (close) resp.setHeader("Connection", "close");
        Responses.text(resp, status, message);
    }

    /** The {@code charset} parameter of a Content-Type, unquoted, or null. */
    static String charset(String contentType) {
        if (contentType == null) return null;
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            int eq = p.indexOf('=');
            if (eq < 0 || !p.substring(0, eq).trim().equalsIgnoreCase("charset")) continue;
            String v = p.substring(eq + 1).trim();
            if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) v = v.substring(1, v.length() - 1);
            return v;
        }
        return null;
    }

    private static boolean supported(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A value echoed in a one-line plain-text answer: printable ASCII, at most 40 characters. */
    private static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        return cut.replaceAll("[^\\x20-\\x7E]", "?");
    }

    /** The request with its (bounded, already read) body served from memory. */
    private static final class InMemory extends BodyInMemory {
        InMemory(HttpServletRequest req, byte[] body) {
            super(req, body);
        }

        @Override public int getContentLength() { return body.length; }
        @Override public long getContentLengthLong() { return body.length; }
    }
}
