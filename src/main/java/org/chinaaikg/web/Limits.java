package org.chinaaikg.web;

/**
 * Every limit the public endpoint sets, with its reason in one line. README's "What the server does" states them and
 * what a client gets when it meets each one; {@code src/test/java/org/chinaaikg/hardening/} tests each.
 */
public final class Limits {
    private Limits() {}

    // ---- Threads and connections (slow readers, stalled uploads)

    /** Jetty threads: Fuseki's default of 20 let 20 slow clients take every thread, so that even ping waited. */
    public static final int MAX_THREADS = 256;
    /** A connection with no bytes in or out for this long is closed: it holds a thread or a buffer for nothing. */
    public static final long IDLE_TIMEOUT_MILLIS = 10_000;
    /** A request body slower than this (bytes/s) is cut: a stalled upload must not hold a thread until the idle timeout. */
    public static final long MIN_REQUEST_DATA_RATE = 1024;
    /** A client reading the answer slower than this (bytes/s) is cut: a slow reader must not hold a thread for minutes. */
    public static final long MIN_RESPONSE_DATA_RATE = 8 * 1024;

    // ---- Query execution

    /**
     * Queries admitted at once (SPARQL endpoint and saved queries); more get 503 with {@code Retry-After}. Each is a
     * thread and memory: beyond this the machine only runs each one slower.
     */
    public static final int MAX_RUNNING_QUERIES = 24;
    /** A query running longer than this is long-running and needs one of the {@link #MAX_LONG_QUERIES} slots. */
    public static final long LONG_QUERY_MILLIS = 300;
    /**
     * Queries allowed to run longer than {@link #LONG_QUERY_MILLIS} at once: one per core, so that long queries
     * never take all the CPU from pings, pages and short queries. A long query with no slot is stopped with 503 and
     * {@code Retry-After}.
     */
    public static final int MAX_LONG_QUERIES = Math.max(1, Runtime.getRuntime().availableProcessors());
    /** What {@code Retry-After} says when a query is refused or stopped for lack of a slot. */
    public static final int RETRY_AFTER_SECONDS = 5;

    // ---- Request and answer sizes

    /** Request bodies: a SPARQL query is text a person or program wrote; 1 MB is far more than any real one. */
    public static final long MAX_REQUEST_BODY = BodyLimit.DEFAULT_LIMIT;
    /**
     * A query answer is buffered whole before its status is sent, so that a timeout gives 503 and not a 200 with a
     * truncated body; an answer larger than this gets 422 naming the limit (page with LIMIT and OFFSET). The default
     * of {@code serve --max-answer-mb}: an answer of 83,000 rows (the saved {@code models-and-developers} at 10M
     * triples) is about 40 MB of JSON.
     */
    public static final long MAX_ANSWER_BYTES = 1024L * 1024 * 1024;
    /** The first bytes of an answer held in memory; the rest wait in a temporary file (disk, not heap). */
    public static final int ANSWER_MEMORY_BYTES = 8 * 1024 * 1024;
    /** All answers' temporary files at once, at most this many bytes: past it a query gets 503 with Retry-After. */
    public static final long ANSWER_FILES_BYTES = 8L * 1024 * 1024 * 1024;
    /**
     * All answers being buffered at once, at most this share of the heap: past it a query gets 503 with
     * {@code Retry-After} rather than an OutOfMemoryError for everyone.
     */
    public static final double ANSWER_BUFFERS_HEAP_SHARE = 0.25;

    // ---- Bad input

    /**
     * Brackets ({@code { ( [}) open at once in a query: 2,000 nested sub-selects overflowed the parser's stack (a
     * StackOverflowError and a 500). Counted on the text before parsing; past it, 400. Real queries nest a few levels.
     */
    public static final int MAX_QUERY_NESTING = 200;

    // ---- Memory

    /**
     * The longest string a query may build (CONCAT, GROUP_CONCAT, REPLACE, any function): a chain of CONCATs doubling
     * a string exhausted the heap in one 100-byte query. Past it, 422 naming the limit.
     */
    public static final int MAX_STRING_CHARS = 1 << 20;
    /**
     * When the heap in use after a garbage collection passes this share, the running query that allocated the most is
     * stopped (503, {@code Retry-After}), before an OutOfMemoryError hits whichever request asks for memory next.
     */
    public static final double HEAP_WATCHDOG_SHARE = 0.70;
    /** A query that allocated less than this cannot be what fills the heap: the watchdog leaves it alone. */
    public static final long HEAP_WATCHDOG_MIN_QUERY_BYTES = 16L * 1024 * 1024;
}
