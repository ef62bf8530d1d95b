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
 * a truncated body (JSON that does not parse, CSV ending in {@code **** Incomplete results ****}). Here it is a 503.
 * The first {@link Limits#ANSWER_MEMORY_BYTES} of an answer are held in memory (within the heap share for all buffers
 * at once, past which a 503 with {@code Retry-After}); the rest goes to a temporary file (within the disk budget for
 * all such files at once, likewise), so that a large answer costs disk, not heap; an answer larger than the limit
 * ({@code serve --max-answer-mb}) is a 422 naming it. Buffering also frees the query from a slow reader: it ends, and
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
    /** The disk budget is taken in steps of this many bytes. */
    private static final long SPILL_STEP = 1 << 20;

    private final long maxAnswer;
    private final long budget;
    private final AtomicLong inUse = new AtomicLong();
    private final AtomicLong onDisk = new AtomicLong();
    /** Past this many bytes in memory, an answer's further bytes go to its temporary file. */
    private final int inMemory;

    public BufferedAnswers() {
        this(Limits.MAX_ANSWER_BYTES);
    }

    public BufferedAnswers(long maxAnswer) {
        this(maxAnswer, Limits.ANSWER_MEMORY_BYTES, (long) (Runtime.getRuntime().maxMemory() * Limits.ANSWER_BUFFERS_HEAP_SHARE));
    }

    BufferedAnswers(long maxAnswer, int inMemory, long budget) {
        this.maxAnswer = maxAnswer;
        this.inMemory = inMemory;
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
            } else if (buffer.out.noDisk) {
                replace(resp, 503, "The server is holding too many large answers on disk at once: retry in "
                        + Limits.RETRY_AFTER_SECONDS + " s.", true);
            } else if (buffer.out.noBudget) {
                replace(resp, 503, "The server is buffering too many large answers at once: retry in "
                        + Limits.RETRY_AFTER_SECONDS + " s.", true);
            } else if (cancelled != null) {
                Object status = req.getAttribute(STATUS);
                replace(resp, status instanceof Integer code ? code : 503, cancelled.toString(), req.getAttribute(RETRY) != null);
            } else {
                resp.setContentLengthLong(buffer.out.size + buffer.out.spilled);
                ServletOutputStream out = resp.getOutputStream();
                List<byte[]> chunks = buffer.out.chunks;
                for (int i = 0; i < chunks.size(); i++) {
                    out.write(chunks.get(i), 0, (int) Math.min(CHUNK, buffer.out.size - (long) i * CHUNK));
                }
                buffer.out.sendSpilled(out);
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
        boolean noDisk;
        /** The bytes past {@link #inMemory}, in a temporary file. */
        java.nio.file.Path spill;
        java.io.OutputStream spillOut;
        long spilled;
        long diskReserved;

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
            if (tooLarge || noBudget || noDisk) return;
            if (size + spilled + len > maxAnswer) {
                tooLarge = true;
                clear();
                // Stops the writer; Fuseki answers it with a 422 that the filter replaces by its own.
                throw new QueryDeniedException("answer over " + maxAnswer + " bytes");
            }
            if (spillOut != null || size + len > inMemory) {
                spill(b, off, len);
                return;
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

        /** Past the memory part: to the answer's temporary file, counted against the disk budget in chunks. */
        private void spill(byte[] b, int off, int len) {
            try {
                while (spilled + len > diskReserved) {
                    if (onDisk.addAndGet(SPILL_STEP) > Limits.ANSWER_FILES_BYTES) {
                        onDisk.addAndGet(-SPILL_STEP);
                        noDisk = true;
                        clear();
                        throw new QueryDeniedException("answer files full");
                    }
                    diskReserved += SPILL_STEP;
                }
                if (spillOut == null) {
                    spill = java.nio.file.Files.createTempFile("china-ai-kg-answer-", ".part");
                    spill.toFile().deleteOnExit();
                    spillOut = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(spill), CHUNK);
                }
                spillOut.write(b, off, len);
                spilled += len;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        void sendSpilled(ServletOutputStream out) throws IOException {
            if (spillOut == null) return;
            spillOut.close();
            Responses.copy(spill, out);
        }

        void clear() {
            chunks.clear();
            size = 0;
            release();
        }

        void release() {
            inUse.addAndGet(-reserved);
            reserved = 0;
            if (spillOut != null) {
                try {
                    spillOut.close();
                    java.nio.file.Files.deleteIfExists(spill);
                } catch (IOException ignored) {
                    // a temporary file; deleteOnExit still has it
                }
                spillOut = null;
                spill = null;
            }
            spilled = 0;
            onDisk.addAndGet(-diskReserved);
            diskReserved = 0;
        }

        @Override public boolean isReady() { return true; }
        @Override public void setWriteListener(WriteListener listener) { throw new UnsupportedOperationException(); }
    }
}
