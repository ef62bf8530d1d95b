package org.chinaaikg.web;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.jena.query.QueryDeniedException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A query's answer is buffered whole before its status is sent, so that a client can tell from the status that an
 * answer is incomplete. Fuseki streams SELECT results: a query that timed out after its first row was a 200 with
 * a truncated body (JSON that does not parse, CSV ending in {@code **** Incomplete results ****}). Here it is a 503;
 * an answer larger than {@link Limits#MAX_ANSWER_BYTES} is a 422 naming the limit; past the heap share for all
 * buffers at once, a 503 with {@code Retry-After}. Buffering also frees the query from a slow reader: it ends, and
 * only the bytes wait.
 */
public final class BufferedAnswers implements Filter {
    /** Request attribute: why the query was cancelled while its answer was written (set by {@link GuardedQuery}). */
    public static final String CANCELLED = BufferedAnswers.class.getName() + ".cancelled";
    /** Request attribute: set when the cancellation came from the gate or the watchdog, which want Retry-After. */
    public static final String RETRY = BufferedAnswers.class.getName() + ".retry";
    /** Request attribute: the status for a cancellation other than 503 (a string over its limit is a 422). */
    public static final String STATUS = BufferedAnswers.class.getName() + ".status";

    private static final int CHUNK = 64 * 1024;
    /**
     * The first chunk starts this small and doubles up to {@link #CHUNK}: most answers are a few hundred bytes, and a
     * 64 KB array allocated and zeroed for each of them was most of what an {@code ASK {}} allocated in this filter.
     */
    private static final int FIRST_CHUNK = 2 * 1024;

    private final int maxAnswer;
    private final long budget;
    private final AtomicLong inUse = new AtomicLong();

    public BufferedAnswers() {
        this(Limits.MAX_ANSWER_BYTES, (long) (Runtime.getRuntime().maxMemory() * Limits.ANSWER_BUFFERS_HEAP_SHARE));
    }

    public BufferedAnswers(int maxAnswer, long budget) {
        this.maxAnswer = maxAnswer;
        this.budget = budget;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        if (!isQuery(req)) {
            chain.doFilter(request, response);
            return;
        }
        Buffer buffer = new Buffer(resp);
        try {
            chain.doFilter(request, buffer);
            if (resp.isCommitted()) return;
            Object cancelled = req.getAttribute(CANCELLED);
            if (buffer.out.tooLarge) {
                replace(resp, 422, "The answer is larger than the " + (maxAnswer >> 20) + " MB the server buffers: "
                        + "ask for fewer rows (LIMIT and OFFSET page through a large answer).", false);
            } else if (buffer.out.noBudget) {
                replace(resp, 503, "The server is buffering too many large answers at once: retry in "
                        + Limits.RETRY_AFTER_SECONDS + " s.", true);
            } else if (cancelled != null) {
                Object status = req.getAttribute(STATUS);
                replace(resp, status instanceof Integer code ? code : 503, cancelled.toString(), req.getAttribute(RETRY) != null);
            } else {
                resp.setContentLengthLong(buffer.out.size);
                ServletOutputStream out = resp.getOutputStream();
                List<byte[]> chunks = buffer.out.chunks;
                for (int i = 0; i < chunks.size(); i++) {
                    out.write(chunks.get(i), 0, (int) Math.min(CHUNK, buffer.out.size - (long) i * CHUNK));
                }
            }
        } finally {
            buffer.out.release();
        }
    }

    /** Queries (by parameter or by body) are buffered; the service description and Graph Store reads are not. */
    private static boolean isQuery(HttpServletRequest req) {
        String type = req.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/sparql-query")) return true;
        return req.getParameter("query") != null;
    }

    private static void replace(HttpServletResponse resp, int status, String message, boolean retry) throws IOException {
        resp.reset();
        resp.setStatus(status);
        if (retry) resp.setHeader("Retry-After", String.valueOf(Limits.RETRY_AFTER_SECONDS));
        resp.setHeader("Cache-Control", "no-store");
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        resp.setContentType("text/plain;charset=utf-8");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    private final class Buffer extends HeldResponse {
        final Bytes out = new Bytes();

        Buffer(HttpServletResponse resp) {
            super(resp);
        }

        @Override ServletOutputStream body() { return out; }
        @Override void clearBody() { out.clear(); }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            out.clear();
            super.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            out.clear();
            super.sendError(sc);
        }
    }

    /** The answer's bytes in chunks (no copying as it grows), counted against the limit and the shared budget. */
    private final class Bytes extends ServletOutputStream {
        final List<byte[]> chunks = new ArrayList<>();
        long size;
        long reserved;
        boolean tooLarge;
        boolean noBudget;

        /** As Jetty's own stream does: the base class refuses characters outside Latin-1 (a parse error quoting 百度). */
        @Override
        public void print(String text) {
            byte[] b = String.valueOf(text).getBytes(StandardCharsets.UTF_8);
            write(b, 0, b.length);
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (tooLarge || noBudget) return;
            if (size + len > maxAnswer) {
                tooLarge = true;
                clear();
                // Stops the writer; Fuseki answers it with a 422 that the filter replaces by its own.
                throw new QueryDeniedException("answer over " + maxAnswer + " bytes");
            }
            while (len > 0) {
                int at = (int) (size % CHUNK);
                int index = (int) (size / CHUNK);
                if (at == 0 && index == chunks.size()) {
                    // The budget counts whole chunks, whatever their arrays' length so far.
                    if (inUse.addAndGet(CHUNK) > budget) {
                        inUse.addAndGet(-CHUNK);
                        noBudget = true;
                        clear();
                        throw new QueryDeniedException("answer buffers full");
                    }
                    reserved += CHUNK;
                    chunks.add(new byte[index == 0 ? FIRST_CHUNK : CHUNK]);
                }
                int n = Math.min(len, CHUNK - at);
                byte[] chunk = chunks.get(index);
                if (at + n > chunk.length) {
                    chunk = java.util.Arrays.copyOf(chunk, Math.min(CHUNK, Math.max(2 * chunk.length, at + n)));
                    chunks.set(index, chunk);
                }
                System.arraycopy(b, off, chunk, at, n);
                size += n;
                off += n;
                len -= n;
            }
        }

        void clear() {
            chunks.clear();
            size = 0;
            release();
        }

        void release() {
            inUse.addAndGet(-reserved);
            reserved = 0;
        }

        @Override public boolean isReady() { return true; }
        @Override public void setWriteListener(WriteListener listener) { throw new UnsupportedOperationException(); }
    }
}
