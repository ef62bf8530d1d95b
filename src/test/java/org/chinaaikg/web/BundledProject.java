package org.chinaaikg.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.chinaaikg.Fixtures;
import org.chinaaikg.project.Inputs;
import org.chinaaikg.vocab.KG;

/**
 * A copy of the project's own ontology, data and saved queries in a temporary folder (tests may add to it; the real
 * {@code data/} is never touched), and what its files hold, counted with plain Jena from the files themselves.
 */
final class BundledProject {
    private BundledProject() {}

    static Fixtures.Project copyTo(Path dir) {
        for (String folder : List.of("data", "ontology", "queries")) {
            Path from = Path.of(folder);
            try (Stream<Path> walk = Files.walk(from)) {
                for (Path p : walk.toList()) {
                    Path to = dir.resolve(folder).resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) Files.createDirectories(to); else Files.copy(p, to);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Fixtures.Project(dir);
    }

    /** Each named graph of the project's files (as {@link Inputs} assigns them) with its triples, parsed from the files. */
    static Map<String, Model> graphs(Fixtures.Project p) {
        Map<String, Model> graphs = new LinkedHashMap<>();
        for (Inputs.InputFile f : new Inputs(p.data(), p.ontology()).all()) {
            RDFDataMgr.read(graphs.computeIfAbsent(f.graph(), g -> ModelFactory.createDefaultModel()), f.path().toString());
        }
        return graphs;
    }

    /** Triples of every graph added up: what the union default graph's VoID {@code void:triples} counts. */
    static long triples(Map<String, Model> graphs) {
        return graphs.values().stream().mapToLong(Model::size).sum();
    }

    static long instances(Map<String, Model> graphs, org.apache.jena.rdf.model.Resource type) {
        Model all = ModelFactory.createDefaultModel();
        graphs.values().forEach(all::add);
        return all.listSubjectsWithProperty(RDF.type, type).toList().size();
    }

    static long documents(Map<String, Model> graphs) {
        return instances(graphs, KG.SourceDocument);
    }
}
