package org.chinaaikg.web;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the heaviest running query before the heap is gone. After every garbage collection the JVM reports what is
 * left in use. A young or mixed collection counts the old generation as it is, dead objects included: at 10M triples
 * a finished scan left 4 GB of garbage there and the next queries were stopped for it. So when such a collection
 * reports more than {@link Limits#HEAP_WATCHDOG_SHARE} of the heap, a full collection is asked for (on a thread of
 * its own; at most once a second, and each time one finds the heap below the share, twice as long before the next, up
 * to half a minute, so that a heap whose live objects sit just under the share is not collected whole every second)
 * and only what is in use after it counts; a full collection's own report (the JVM's, before an OutOfMemoryError)
 * counts at once. Past the share, the running query whose thread has allocated the most since it was admitted (at
 * least {@link Limits#HEAP_WATCHDOG_MIN_QUERY_BYTES}) is stopped: a 503 with {@code Retry-After} for it, instead of
 * an OutOfMemoryError for whichever request asked for memory next. One query at a time, then a pause, so that what
 * it held can be collected before another is judged.
 */
public final class MemoryWatchdog {
    private static final Logger LOG = LoggerFactory.getLogger("china-ai-kg");
    private static final Set<QueryGate> GATES = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private static final AtomicLong LAST_STOP = new AtomicLong();
    private static final AtomicLong LAST_CONFIRMATION = new AtomicLong();
    private static final AtomicBoolean CONFIRMING = new AtomicBoolean();
    private static final long PAUSE_NANOS = 500_000_000L;
    private static final long MIN_CONFIRMATION_INTERVAL_NANOS = 1_000_000_000L;
    private static final long MAX_CONFIRMATION_INTERVAL_NANOS = 30_000_000_000L;
    private static volatile long confirmationInterval = MIN_CONFIRMATION_INTERVAL_NANOS;
    /** How HotSpot names the end of a collection of the whole heap (Serial, Parallel and G1 alike). */
    private static final String FULL_COLLECTION = "end of major GC";
    private static boolean installed;

    private MemoryWatchdog() {}

    /** Watches the queries of this gate (the gates of every server in this JVM share one listener). */
    public static synchronized void watch(QueryGate gate) {
        GATES.add(gate);
        if (installed) return;
        installed = true;
        List<String> heapPools = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) heapPools.add(pool.getName());
        }
        long max = Runtime.getRuntime().maxMemory();
        long limit = (long) (max * Limits.HEAP_WATCHDOG_SHARE);
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!(gc instanceof NotificationEmitter emitter)) continue;
            emitter.addNotificationListener((Notification n, Object handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                long used = 0;
                for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    if (heapPools.contains(e.getKey())) used += e.getValue().getUsed();
                }
                if (used <= limit || !anyRunning()) return;
                if (FULL_COLLECTION.equals(info.getGcAction())) stopHeaviest(used, max);
                else confirm(limit, max);
            }, null, null);
        }
    }

    /** A full collection, then what is still in use: the live objects, which a young collection cannot tell apart. */
    private static void confirm(long limit, long max) {
        long now = System.nanoTime();
        long last = LAST_CONFIRMATION.get();
        if (last != 0 && now - last < confirmationInterval) return;
        if (!CONFIRMING.compareAndSet(false, true)) return;
        LAST_CONFIRMATION.set(now);
        Thread t = new Thread(() -> {
            try {
                // A full collection reports itself to the listener, which judges it; this covers a JVM where
                // System.gc() is disabled or concurrent, and reports nothing or only a young collection.
                System.gc();
                MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
                long used = memory.getHeapMemoryUsage().getUsed();
                if (used > limit) {
                    confirmationInterval = MIN_CONFIRMATION_INTERVAL_NANOS;
                    stopHeaviest(used, max);
                } else {
                    confirmationInterval = Math.min(2 * confirmationInterval, MAX_CONFIRMATION_INTERVAL_NANOS);
                }
            } finally {
                CONFIRMING.set(false);
            }
        }, "china-ai-kg memory watchdog");
        t.setDaemon(true);
        t.start();
    }

    private static boolean anyRunning() {
        synchronized (GATES) {
            return GATES.stream().anyMatch(g -> g.heaviest().isPresent());
        }
    }

    private static void stopHeaviest(long used, long max) {
        long now = System.nanoTime();
        long last = LAST_STOP.get();
        if (last != 0 && now - last < PAUSE_NANOS) return;
        Optional<QueryGate.Ticket> heaviest;
        synchronized (GATES) {
            heaviest = GATES.stream().flatMap(g -> g.heaviest().stream())
                    .max((a, b) -> Long.compare(a.allocatedBytes(), b.allocatedBytes()));
        }
        if (heaviest.isEmpty()) return;
        QueryGate.Ticket t = heaviest.get();
        long allocated = t.allocatedBytes();
        if (allocated >= 0 && allocated < Limits.HEAP_WATCHDOG_MIN_QUERY_BYTES) return;
        if (!LAST_STOP.compareAndSet(last, now)) return;
        t.stop("The server is short of memory (" + (used >> 20) + " of " + (max >> 20) + " MB in use): the query that "
                + "needed the most was stopped; retry in " + Limits.RETRY_AFTER_SECONDS + " s, or ask for less "
                + "(LIMIT, fewer rows to sort, group or join).");
        LOG.warn("Memory: {} of {} MB in use after garbage collection; stopped the heaviest query ({} MB allocated in {} ms)",
                used >> 20, max >> 20, allocated >> 20, t.ageMillis());
    }
}
