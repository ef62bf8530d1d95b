package org.chinaaikg.web.html;

import org.chinaaikg.describe.DatasetMetadata;
import org.chinaaikg.store.Downloads;

import java.util.List;
import java.util.Locale;

/**
 * {@code /downloads}: the files {@code load} wrote with the store (the dumps and the merged ontology), each with its
 * size and SHA-256, and how to check one. This class computes what the page shows; {@code downloads.jte} lays it out.
 */
public final class DownloadsPage {
    /** One file: its link, what it is, its format, compression, size and checksum. */
    public record Row(Link file, String title, String mediaType, String compression, String size, long bytes, String sha256) {}

    /**
     * @param version   the release version the names carry, or null
     * @param sha256sum the {@code sha256sum -c} lines of every file
     */
    public record Model(DatasetMetadata dataset, String version, List<Row> rows, String sha256sum, String merged) {}

    private DownloadsPage() {}

    public static Model model(DatasetMetadata dataset, Downloads downloads) {
        List<Row> rows = downloads.files().stream()
                .map(f -> new Row(new Link("/downloads/" + f.name(), f.name()), f.title(), f.mediaType(),
                        f.encoding() == null ? "none" : f.encoding(), size(f.bytes()), f.bytes(), f.sha256()))
                .toList();
        StringBuilder sums = new StringBuilder();
        downloads.files().forEach(f -> sums.append(f.sha256()).append("  ").append(f.name()).append('\n'));
        String merged = downloads.files().stream().filter(f -> !f.wholeStore()).map(Downloads.Distribution::name).findFirst().orElse(null);
        return new Model(dataset, downloads.release(), rows, sums.toString(), merged);
    }

    public static String render(Model model) {
        return Templates.render("downloads.jte", model);
    }

    /** A size for people: 118.4 KB, 2.1 MB (powers of 1,000, as the byte count beside it). */
    static String size(long bytes) {
        if (bytes < 1000) return bytes + " bytes";
        if (bytes < 1_000_000) return String.format(Locale.ROOT, "%.1f KB", bytes / 1e3);
        if (bytes < 1_000_000_000) return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }
}
