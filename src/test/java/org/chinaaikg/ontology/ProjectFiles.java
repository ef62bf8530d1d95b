package org.chinaaikg.ontology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;

/** The project's own ontology and data files, as the tests read them (paths relative to the Maven base dir). */
final class ProjectFiles {
    static final Path ONTOLOGY = Path.of("ontology", "china-ai-kg.ttl");
    static final Path SHAPES = Path.of("ontology", "china-ai-kg-shapes.ttl");
    static final Path DATA = Path.of("data");
    static final String NS = "https://w3id.org/china-ai-kg/ontology#";

    private ProjectFiles() {}

    static List<Path> dataFiles() {
        try (Stream<Path> walk = Files.walk(DATA)) {
            return walk.filter(p -> p.toString().endsWith(".ttl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Model ontology() {
        return RDFDataMgr.loadModel(ONTOLOGY.toString());
    }

    static Model data() {
        Model model = ModelFactory.createDefaultModel();
        dataFiles().forEach(f -> RDFDataMgr.read(model, f.toString()));
        return model;
    }
}
