package org.chinaaikg.project;

import org.chinaaikg.vocab.Iris;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files a store is built from, and the named graph each one goes into: every {@code data/**.ttl} into a
 * graph of its own, the ontology into one graph, the SHACL shapes ({@code ontology/*shapes*.ttl}) into another.
 */
public record Inputs(Path dataDir, Path ontologyDir) {
    public static final String GRAPH_BASE = Iris.GRAPH;
    public static final String ONTOLOGY_GRAPH = GRAPH_BASE + "ontology";
    public static final String SHAPES_GRAPH = GRAPH_BASE + "shapes";

    /** One input file: where it is, the name it has in the manifest, and its graph. */
    public record InputFile(Path path, String name, String graph) {
        @Override
        public String toString() {
            return path.toString();
        }
    }

    public List<InputFile> dataFiles() {
        return ttlFiles(dataDir, true).stream()
                .map(p -> {
                    String rel = dataDir.relativize(p).toString().replace('\\', '/');
                    return new InputFile(p, "data/" + rel, GRAPH_BASE + rel.substring(0, rel.length() - ".ttl".length()));
                })
                .toList();
    }

    public List<InputFile> ontologyFiles() {
        return ttlFiles(ontologyDir, false).stream().filter(p -> !isShapes(p))
                .map(p -> new InputFile(p, "ontology/" + p.getFileName(), ONTOLOGY_GRAPH)).toList();
    }

    public List<InputFile> shapesFiles() {
        return ttlFiles(ontologyDir, false).stream().filter(Inputs::isShapes)
                .map(p -> new InputFile(p, "ontology/" + p.getFileName(), SHAPES_GRAPH)).toList();
    }

    /** Every input, ontology first, in a stable order. */
    public List<InputFile> all() {
        List<InputFile> all = new ArrayList<>(ontologyFiles());
        all.addAll(shapesFiles());
        all.addAll(dataFiles());
        return all;
    }

    static boolean isShapes(Path p) {
        return p.getFileName().toString().contains("shapes");
    }

    private static List<Path> ttlFiles(Path dir, boolean recursive) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> walk = recursive ? Files.walk(dir) : Files.list(dir)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".ttl") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
