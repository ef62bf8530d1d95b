package org.chinaaikg.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** The saved queries of a folder ({@code queries/*.rq}), read once, in name order. */
public record SavedQueries(List<SavedQuery> all) {

    /** Reads every query; one that does not parse is reported and left out, so that the others are still served. */
    public static SavedQueries load(Path dir, Consumer<String> problems) {
        List<SavedQuery> queries = new ArrayList<>();
        for (Path file : files(dir)) {
            try {
                queries.add(SavedQuery.read(file));
            } catch (IllegalArgumentException e) {
                problems.accept("saved query left out: " + e.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new SavedQueries(List.copyOf(queries));
    }

    public static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".rq")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<SavedQuery> named(String name) {
        return all.stream().filter(q -> q.name().equals(name)).findFirst();
    }
}
