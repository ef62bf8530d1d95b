package org.chinaaikg.store;

import org.chinaaikg.project.Inputs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SHA-256 of every input file a store was built from, kept in the store directory in {@code sha256sum}
 * format. A store is current when the inputs hash to exactly the same manifest (same files, same contents).
 */
public record Manifest(Map<String, String> sha256ByName) {
    public static final String FILE_NAME = "inputs.sha256";

    public static Manifest of(List<Inputs.InputFile> files) {
        Map<String, String> hashes = new TreeMap<>();
        files.forEach(f -> hashes.put(f.name(), sha256(f.path())));
        return new Manifest(hashes);
    }

    /** The manifest stored in a store directory, or null if there is none. */
    public static Manifest read(Path storeDir) {
        Path file = storeDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) return null;
        try {
            Map<String, String> hashes = new TreeMap<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int sep = line.indexOf("  ");
                if (sep > 0) hashes.put(line.substring(sep + 2), line.substring(0, sep));
            }
            return new Manifest(hashes);
        } catch (IOException e) {
            return null;
        }
    }

    public void write(Path storeDir) throws IOException {
        StringBuilder b = new StringBuilder();
        sha256ByName.forEach((name, hash) -> b.append(hash).append("  ").append(name).append('\n'));
        Files.writeString(storeDir.resolve(FILE_NAME), b, StandardCharsets.UTF_8);
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
