package org.chinaaikg.provenance;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The text of a source file, addressed in Unicode code points from 0 as W3C Web Annotation's
 * TextPositionSelector counts them (not UTF-16 units, which is what Java's String indexes).
 */
public final class SourceText {
    private final Path file;
    private final int[] codePoints;
    private final String sha256;

    private SourceText(Path file, int[] codePoints, String sha256) {
        this.file = file;
        this.codePoints = codePoints;
        this.sha256 = sha256;
    }

    /** Reads a UTF-8 file exactly as given: no newline normalisation, malformed bytes are an error. */
    public static SourceText read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException(file + ": not valid UTF-8: " + e.getMessage(), e);
        }
        return new SourceText(file, text.codePoints().toArray(), sha256Hex(bytes));
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    public Path file() { return file; }

    public String sha256() { return sha256; }

    /** Length in code points. */
    public int length() { return codePoints.length; }

    /** The text from code point {@code start} (inclusive) to {@code end} (exclusive), clamped to the text. */
    public String slice(int start, int end) {
        int s = Math.max(0, Math.min(start, codePoints.length));
        int e = Math.max(s, Math.min(end, codePoints.length));
        return new String(codePoints, s, e - s);
    }

    /** Code-point offsets of every occurrence of {@code quote}, in order. */
    public int[] occurrences(String quote) {
        int[] needle = quote.codePoints().toArray();
        if (needle.length == 0) return new int[0];
        java.util.List<Integer> hits = new java.util.ArrayList<>();
        outer:
        for (int i = 0; i + needle.length <= codePoints.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (codePoints[i + j] != needle[j]) continue outer;
            }
            hits.add(i);
        }
        return hits.stream().mapToInt(Integer::intValue).toArray();
    }
}
