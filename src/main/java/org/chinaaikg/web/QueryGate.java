package org.chinaaikg.web;

import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.jena.sparql.exec.QueryExec;

/**
 * Bounds query execution. At most {@link Limits#MAX_RUNNING_QUERIES} queries run at once (more are refused with
 * 503 and {@code Retry-After}); of those, at most {@link Limits#MAX_LONG_QUERIES} may run longer than
 * {@link Limits#LONG_QUERY_MILLIS}: a query that reaches that age with no long-running slot free is stopped (503,
 * {@code Retry-After}). So short queries, which end before they need a slot, get through while long ones queue up,
 * and runaway queries never take every core from pings and pages.
 */
public final class QueryGate {
    /** One admitted query. Closing it gives its slots back. */
    public final class Ticket implements AutoCloseable {
        final long started = System.nanoTime();
        /** The thread that runs the query (the one that entered the gate), and what it had allocated by then. */
        private final long thread = Thread.currentThread().getId();
        private final long allocatedBefore = Allocations.of(thread);
        private volatile QueryExec exec;
        private volatile boolean longRunning;
        /** The server's own background work (the saved-query warm-up): never takes a long slot, never stopped for one. */
        private volatile boolean background;
        private volatile String stopped;
        private boolean closed;

        /** The execution to abort if this query must stop; aborts it at once if it already had to. */
        public void attach(QueryExec exec) {
            this.exec = exec;
            if (stopped != null) exec.abort();
        }

        /** Why the gate stopped this query, or null if it did not. */
        public String stoppedBecause() {
            return stopped;
        }

        /** Bytes the query's thread allocated since it was admitted (-1 if the JVM does not tell): how heavy it is. */
        public long allocatedBytes() {
            long now = Allocations.of(thread);
            return now < 0 || allocatedBefore < 0 ? -1 : now - allocatedBefore;
        }

        public long ageMillis() {
            return (System.nanoTime() - started) / 1_000_000;
        }

        /** Stops the query (its execution sees a cancellation at its next step), saying why. */
        public void stop(String why) {
            if (stopped == null) stopped = why;
            QueryExec e = exec;
            if (e != null) e.abort();
        }

        @Override
        public synchronized void close() {
            if (closed) return;
            closed = true;
            running.remove(this);
            if (longRunning) longSlots.release();
            admitted.release();
            if (CURRENT.get() == this) CURRENT.remove();
        }
    }

    /** Refused: every slot is taken. */
    public static final class Full extends Exception {
        Full(String message) {
            super(message, null, false, false);
        }
    }

    private static final ThreadLocal<Ticket> CURRENT = new ThreadLocal<>();

    private final Semaphore admitted;
    private final Semaphore longSlots;
    private final Set<Ticket> running = ConcurrentHashMap.newKeySet();
    private final long longAfterMillis;
    /** The limits this gate was made with, for its messages (tests make gates smaller than the server's). */
    private final int maxRunning;
    private final int maxLong;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "query-gate");
        t.setDaemon(true);
        return t;
    });

    public QueryGate() {
        this(Limits.MAX_RUNNING_QUERIES, Limits.MAX_LONG_QUERIES, Limits.LONG_QUERY_MILLIS);
    }

    public QueryGate(int maxRunning, int maxLong, long longAfterMillis) {
        this.admitted = new Semaphore(maxRunning);
        this.longSlots = new Semaphore(maxLong);
        this.longAfterMillis = longAfterMillis;
        this.maxRunning = maxRunning;
        this.maxLong = maxLong;
        sweeper.scheduleWithFixedDelay(this::sweep, 25, 25, TimeUnit.MILLISECONDS);
    }

    /** Admits a query on this thread, or refuses it. */
    public Ticket enter() throws Full {
        if (!admitted.tryAcquire()) {
            throw new Full("Too many queries running (" + maxRunning + "): retry in "
                    + Limits.RETRY_AFTER_SECONDS + " s.");
        }
        Ticket t = new Ticket();
        running.add(t);
        CURRENT.set(t);
        return t;
    }

    /**
     * Admits the server's own background query (one at a time: the saved-query warm-up): it counts among the running
     * queries and the memory watchdog may stop it, but it takes no long-running slot, so it never makes a client's
     * long query wait or stop.
     */
    public Ticket enterBackground() throws Full {
        Ticket t = enter();
        t.background = true;
        return t;
    }

    /** The query this thread runs, if the gate admitted one. */
    public static Optional<Ticket> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The longest-running query, for the memory watchdog. */
    public Optional<Ticket> oldest() {
        return running.stream().filter(t -> t.stopped == null).max(Comparator.comparingLong(Ticket::ageMillis));
    }

    /** The running query that allocated the most, for the memory watchdog; the oldest if allocations are not known. */
    public Optional<Ticket> heaviest() {
        return running.stream().filter(t -> t.stopped == null)
                .max(Comparator.comparingLong(Ticket::allocatedBytes).thenComparingLong(Ticket::ageMillis));
    }

    public int running() {
        return running.size();
    }

    private void sweep() {
        for (Ticket t : running) {
            if (t.background || t.longRunning || t.stopped != null || t.ageMillis() < longAfterMillis) continue;
            if (longSlots.tryAcquire()) {
                synchronized (t) {
                    if (t.closed) longSlots.release(); else t.longRunning = true;
                }
            } else if (t.exec != null) {
                t.stop("Too many long-running queries (" + maxLong + " may run longer than "
                        + longAfterMillis + " ms at once): this one was stopped; retry in " + Limits.RETRY_AFTER_SECONDS + " s.");
            }
        }
    }

    /** Per-thread allocation counts, where the JVM keeps them (HotSpot does). */
    private static final class Allocations {
        private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

        static long of(long thread) {
            if (THREADS instanceof com.sun.management.ThreadMXBean t && t.isThreadAllocatedMemoryEnabled()) {
                return t.getThreadAllocatedBytes(thread);
            }
            return -1;
        }
    }

    public void shutdown() {
        sweeper.shutdownNow();
    }
}
