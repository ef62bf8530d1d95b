package org.chinaaikg.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.chinaaikg.store.StoreVersion;

/**
 * Conditional GETs of what is derived from the store alone: the home page, {@code /id/…}, {@code /ontology},
 * {@code /queries/…}, {@code /search}, {@code /reconcile}, {@code /kg}, {@code /kg/get}, {@code /.well-known/void} and
 * the list {@code /downloads} (the files under it have their own strong tags, their SHA-256: {@code DownloadsServlet}).
 * The store is read only while served, so each
 * answer carries an {@code ETag} (the store's version, and a hash of the representation's media type and of the
 * {@code Host} for answers that embed it) and a {@code Last-Modified} (when the store was built), and a request whose
 * {@code If-None-Match} or {@code If-Modified-Since} says the client holds it gets 304 without a body. The answer is
 * made (into a buffer) before it is compared: what it is known by is its media type, which content negotiation chose.
 */
public final class ConditionalRequests implements Filter {
    private final StoreVersion version;
    private final String lastModified;

    public ConditionalRequests(StoreVersion version) {
        this.version = version;
        this.lastModified = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(version.built().atZone(java.time.ZoneOffset.UTC));
    }

    /** Whether a path answers from the store alone (so that its answer changes only with the store). */
    static boolean covered(String path, String method, HttpServletRequest req) {
        if (!"GET".equals(method) && !"HEAD".equals(method)) return false;
        if (path.isEmpty() || path.equals("/")) return true;
        if (path.startsWith("/id/") || path.equals("/ontology") || path.startsWith("/ontology.")) return true;
        if (path.equals("/queries") || path.startsWith("/queries/")) return true;
        if (path.equals("/.well-known/void") || path.equals("/downloads")) return true;
        // The search index and the reconciliation service are built with the store and change only with it.
        if (path.equals("/search") || path.equals("/search/suggest")) return true;
        if (path.equals("/reconcile") || path.startsWith("/reconcile/")) return true;
        boolean graphStore = path.equals(KgServer.DATASET) || path.equals(KgServer.DATASET + "/")
                || path.equals(KgServer.DATASET + "/get") || path.equals(KgServer.DATASET + "/get/");
        return graphStore && req.getParameter("query") == null;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        String path = req.getRequestURI().substring(req.getContextPath().length());
        boolean head = "HEAD".equals(req.getMethod());
        if (!covered(path, req.getMethod(), req)) {
            chain.doFilter(request, response);
            return;
        }
        // A HEAD is made as the GET it stands for, so that its validators and length are the GET's.
        HttpServletRequest asGet = head ? new HttpServletRequestWrapper(req) {
            @Override public String getMethod() { return "GET"; }
        } : req;
        Capture capture = new Capture(resp, this, req, head);
        req.setAttribute(HELD, capture);
        chain.doFilter(asGet, capture);
        capture.flushWriter();
        if (capture.passedOn || resp.isCommitted()) return;
        if (resp.getStatus() != 200) {
            capture.send(head);
            return;
        }
        if (answeredNotModified(req, resp)) return;
        capture.send(head);
    }

    /**
     * Sets the answer's validators (from the content type and {@code Vary} set on it, and the request's {@code Host});
     * when the client holds this answer, turns it into a 304 and says so.
     */
    private boolean answeredNotModified(HttpServletRequest req, HttpServletResponse resp) {
        String etag = etag(resp.getContentType(), resp.getHeader("Vary"), req.getHeader("Host"));
        resp.setHeader("ETag", etag);
        resp.setHeader("Last-Modified", lastModified);
        if (resp.getHeader("Cache-Control") == null) resp.setHeader("Cache-Control", "no-cache");
        if (!notModified(req, etag)) return false;
        resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
        resp.setContentType(null);
        return true;
    }

    private static final String HELD = ConditionalRequests.class.getName() + ".held";

    /**
     * What a servlet that streams its answer learns before it writes: whether the client holds it already (304, sent)
     * and whether the request is a HEAD (headers, no body).
     */
    public record Streamed(boolean notModified, boolean head) {}

    /**
     * For an answer too large to hold, such as a saved query's answer stored with the store: its validators and the
     * 304 are decided now, from the content type and {@code Vary} the servlet has set, and its body then goes straight
     * to the client instead of into this filter's buffer. On a path this filter does not cover, the body is sent.
     */
    public static Streamed streamed(HttpServletRequest req, HttpServletResponse resp) {
        if (!(req.getAttribute(HELD) instanceof Capture capture)) return new Streamed(false, false);
        capture.passedOn = true;
        return new Streamed(capture.filter.answeredNotModified(capture.original, (HttpServletResponse) capture.getResponse()), capture.head);
    }

    /** Weak: the same store, code, media type and host give the same content, not necessarily the same bytes. */
    String etag(String contentType, String vary, String host) {
        String key = (contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).replace(" ", ""));
        if (vary != null && vary.toLowerCase(Locale.ROOT).contains("host")) key += "|" + host;
        return "W/\"" + version.tag() + "-" + sha256(key).substring(0, 12) + "\"";
    }

    boolean notModified(HttpServletRequest req, String etag) {
        return notModified(req, etag, version.built());
    }

    /**
     * RFC 9110 section 13.1: If-None-Match (weak comparison) first; If-Modified-Since only without it. For any answer
     * known by a tag and a date, e.g. a download file ({@code DownloadsServlet}).
     */
    static boolean notModified(HttpServletRequest req, String etag, java.time.Instant lastModified) {
        String inm = req.getHeader("If-None-Match");
        if (inm != null) {
            String mine = opaque(etag);
            for (String tag : inm.split(",")) {
                String t = tag.trim();
                if (t.equals("*") || opaque(t).equals(mine)) return true;
            }
            return false;
        }
        long since;
        try {
            since = req.getDateHeader("If-Modified-Since");
        } catch (IllegalArgumentException unparseable) {
            return false;
        }
        return since >= 0 && lastModified.toEpochMilli() <= since;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The answer's body, held until the status is known; errors sent with sendError pass on at once. */
    private static final class Capture extends HeldResponse {
        final ByteArrayOutputStream held = new ByteArrayOutputStream();
        boolean passedOn;
        private final ServletOutputStream out = new ServletOutputStream() {
            @Override public void write(int b) { held.write(b); }
            @Override public void write(byte[] b, int off, int len) { held.write(b, off, len); }
            @Override public void print(String s) {
                byte[] b = String.valueOf(s).getBytes(StandardCharsets.UTF_8);
                held.write(b, 0, b.length);
            }
            @Override public boolean isReady() { return true; }
            @Override public void setWriteListener(WriteListener listener) { throw new UnsupportedOperationException(); }
        };

        final ConditionalRequests filter;
        final HttpServletRequest original;
        final boolean head;

        Capture(HttpServletResponse resp, ConditionalRequests filter, HttpServletRequest original, boolean head) {
            super(resp);
            this.filter = filter;
            this.original = original;
            this.head = head;
        }

        /** Held, or once passed on (an error, or a streamed answer) the client's own stream. */
        @Override ServletOutputStream body() {
            if (!passedOn) return out;
            try {
                return getResponse().getOutputStream();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override public void setContentLength(int len) {
            if (passedOn) getResponse().setContentLength(len);
        }

        @Override public void setContentLengthLong(long len) {
            if (passedOn) getResponse().setContentLengthLong(len);
        }
        @Override void clearBody() { held.reset(); }
        @Override public boolean isCommitted() { return passedOn || getResponse().isCommitted(); }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            passedOn = true;
            super.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            passedOn = true;
            super.sendError(sc);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            passedOn = true;
            super.sendRedirect(location);
        }

        void send(boolean head) throws IOException {
            HttpServletResponse resp = (HttpServletResponse) getResponse();
            resp.setContentLength(held.size());
            if (!head) resp.getOutputStream().write(held.toByteArray());
        }
    }
}
