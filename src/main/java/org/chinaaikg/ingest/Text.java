package org.chinaaikg.ingest;

import java.io.IOException;
import java.nio.file.Path;

import org.chinaaikg.provenance.SourceText;

/**
 * A source's text as a Java string (for regular expressions and the sentence detector, which count UTF-16 units)
 * with the map from UTF-16 index to Unicode code point, which is what every offset ingest writes counts.
 */
public final class Text {
    private final SourceText source;
    private final String string;
    private final int[] codePointAt;

    private Text(SourceText source, String string) {
        this.source = source;
        this.string = string;
        this.codePointAt = new int[string.length() + 1];
        int cp = 0;
        for (int i = 0; i < string.length(); i++) {
            codePointAt[i] = cp;
            if (!Character.isHighSurrogate(string.charAt(i)) || i + 1 >= string.length()
                    || !Character.isLowSurrogate(string.charAt(i + 1))) cp++;
        }
        codePointAt[string.length()] = cp;
    }

    public static Text read(Path file) throws IOException {
        SourceText source = SourceText.read(file);
        return new Text(source, source.slice(0, source.length()));
    }

    public SourceText source() { return source; }

    public String string() { return string; }

    /** The code point offset of a UTF-16 index. */
    public int cp(int utf16) { return codePointAt[utf16]; }

    /** The UTF-16 index of a code point offset. */
    public int utf16(int codePoint) {
        return string.offsetByCodePoints(0, codePoint);
    }
}
