package org.chinaaikg.store;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.CodeSource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.store.DatasetGraphSwitchable;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Which store, built when, a server serves: what a validator (ETag) and a date (Last-Modified) stand for. The store is
 * read only while served, so every answer derived from it stays the same until another store, or another build of the
 * server, is served. {@code tag} hashes the store's manifest ({@value Manifest#FILE_NAME}: the SHA-256 of every input
 * file) and the server's code (its jar's or class folder's date); {@code built} is the later of the two dates.
 * A store without a manifest (one a test filled directly) gets a tag and date of the moment it was opened.
 */
public record StoreVersion(String tag, Instant built) {

    public static StoreVersion of(DatasetGraph dsg) {
        Instant code = codeDate();
        Path dir = storeDirectory(dsg);
        Path manifest = dir == null ? null : dir.resolve(Manifest.FILE_NAME);
        try {
            if (manifest != null && Files.isRegularFile(manifest)) {
                Instant stored = Files.getLastModifiedTime(manifest).toInstant();
                String tag = sha256(Files.readString(manifest, StandardCharsets.UTF_8) + "\n" + code.toEpochMilli());
                return new StoreVersion(tag.substring(0, 16), later(stored, code).truncatedTo(ChronoUnit.SECONDS));
            }
        } catch (IOException e) {
            // fall through: a version for this run only
        }
        Instant now = Instant.now();
        return new StoreVersion(sha256("opened " + now.toEpochMilli() + " " + System.identityHashCode(dsg)).substring(0, 16),
                now.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The TDB2 store's directory, or null when the dataset is not a TDB2 store on disk. */
    static Path storeDirectory(DatasetGraph dsg) {
        try {
            DatasetGraphSwitchable container = TDBInternal.getDatabaseContainer(dsg);
            return container != null && container.hasContainerPath() ? container.getContainerPath() : null;
        } catch (RuntimeException notTdb2) {
            return null;
        }
    }

    /** When the server's code was built: the jar's (or the class folder's) modification date. */
    static Instant codeDate() {
        try {
            CodeSource source = StoreVersion.class.getProtectionDomain().getCodeSource();
            if (source != null) {
                Path p = Path.of(source.getLocation().toURI());
                Path file = Files.isDirectory(p) ? p.resolve(StoreVersion.class.getName().replace('.', '/') + ".class") : p;
                return Files.getLastModifiedTime(file).toInstant();
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // unknown: the epoch
        }
        return Instant.EPOCH;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
