package org.chinaaikg.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Says that a store is being served: {@code serve} holds an operating-system lock on the file {@code STORE.serving}
 * beside the store, which names its process and its URL. The lock dies with the process (even under {@code kill -9}),
 * so a file left behind by a dead server counts for nothing. {@code load} refuses to swap a served store, and
 * {@code query} sends its query to the server named here instead of opening the store TDB2 has locked.
 * <p>
 * The lock is on one byte far beyond the file's text, so that the text stays readable on systems whose locks are
 * mandatory.
 */
public final class ServingLock implements AutoCloseable {
    public static final String SUFFIX = ".serving";
    private static final long LOCK_AT = Integer.MAX_VALUE;

    /** The server that holds a store: its process id and, once it listens, its URL (else null). */
    public record Holder(long pid, String url) {
        public boolean thisProcess() {
            return pid == ProcessHandle.current().pid();
        }
    }

    /** Another process serves the store already. */
    public static final class Busy extends Exception {
        public final transient Holder holder;

        Busy(Holder holder) {
            super("served by process " + holder.pid() + (holder.url() == null ? "" : " at " + holder.url()));
            this.holder = holder;
        }
    }

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private ServingLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of a store: {@code STORE.serving}, beside it. */
    public static Path file(Path store) {
        Path target = store.toAbsolutePath().normalize();
        return target.resolveSibling(target.getFileName() + SUFFIX);
    }

    /**
     * Takes the lock for this process, or returns empty when this process holds it already (a second server in one
     * JVM shares TDB2's connection to the store, which is safe). Throws {@link Busy} when another process holds it.
     */
    public static Optional<ServingLock> acquire(Path store) throws IOException, Busy {
        Path file = file(store);
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock = null;
        try {
            // A probe by holder() holds a shared lock for a moment: ask again before calling the store busy.
            for (int i = 0; i < 10 && lock == null; i++) {
                if (i > 0) Thread.sleep(20);
                lock = channel.tryLock(LOCK_AT, 1, false);
            }
        } catch (InterruptedException e) {
            channel.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while locking " + file, e);
        } catch (OverlappingFileLockException heldHere) {
            channel.close();
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new Busy(read(file, -1));
        }
        ServingLock serving = new ServingLock(file, channel, lock);
        serving.write(null);
        return Optional.of(serving);
    }

    /** Records the URL the server answers at, once it listens. */
    public void url(String url) throws IOException {
        write(url);
    }

    private void write(String url) throws IOException {
        String text = "pid=" + ProcessHandle.current().pid() + "\n" + (url == null ? "" : "url=" + url + "\n");
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
    }

    /** Releases the lock and deletes the file. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A file left behind is harmless: nobody holds its lock.
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // Closing the channel releases the lock in any case.
        }
    }

    /** The server that holds the store now, if any; a file whose lock nobody holds is left over and means nothing. */
    public static Optional<Holder> holder(Path store) {
        Path file = file(store);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            FileLock probe;
            try {
                probe = channel.tryLock(LOCK_AT, 1, true);
            } catch (OverlappingFileLockException heldHere) {
                return Optional.of(read(file, ProcessHandle.current().pid()));
            }
            if (probe != null) {
                probe.release();
                return Optional.empty();
            }
            return Optional.of(read(file, -1));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Holder read(Path file, long pidIfUnknown) {
        long pid = pidIfUnknown;
        String url = null;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith("pid=")) pid = Long.parseLong(line.substring(4).trim());
                if (line.startsWith("url=")) url = line.substring(4).trim();
            }
        } catch (IOException | NumberFormatException e) {
            // Being written at this very moment: what was read so far is all there is.
        }
        return new Holder(pid, url);
    }
}
