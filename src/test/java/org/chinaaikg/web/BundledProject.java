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

    /**
     * The distinct triples of every graph, with the RDFS entailments that load adds in a graph of their own (none of
     * them stated by a file): what the union default graph's VoID {@code void:triples} counts. A triple that two files
     * state counts once, as it is once in the union.
     */
    static long triples(Map<String, Model> graphs) {
        Model all = ModelFactory.createDefaultModel();
        graphs.values().forEach(all::add);
        return all.size() + entailed(graphs);
    }

    /**
     * The subclass and subproperty entailments that no file states, found by SPARQL property paths over the files
     * (an oracle apart from the loader's own closure code).
     */
    static long entailed(Map<String, Model> graphs) {
        Model all = ModelFactory.createDefaultModel();
        graphs.values().forEach(all::add);
        Model ontology = graphs.get(Inputs.ONTOLOGY_GRAPH);
        String query = """
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT (COUNT(*) AS ?n) WHERE {
                  SELECT DISTINCT ?s ?p ?o WHERE {
                    { ?s a ?c . SERVICE <urn:ontology> { ?c rdfs:subClassOf+ ?o } BIND(rdf:type AS ?p) }
                    UNION { ?s ?q ?o . SERVICE <urn:ontology> { ?q rdfs:subPropertyOf+ ?p } }
                    UNION { SERVICE <urn:ontology> { ?s rdfs:subClassOf+ ?o } BIND(rdfs:subClassOf AS ?p) }
                    UNION { SERVICE <urn:ontology> { ?s rdfs:subPropertyOf+ ?o } BIND(rdfs:subPropertyOf AS ?p) }
                    FILTER(isIRI(?o) && isIRI(?p) && ?s != ?o)
                    FILTER NOT EXISTS { ?s ?p ?o }
                  }
                }""";
        // The hierarchy is the ontology graph's alone: query it apart (no SERVICE call leaves the JVM: a local rewrite).
        String local = query.replace("SERVICE <urn:ontology> ", "GRAPH <urn:ontology> ");
        org.apache.jena.query.Dataset ds = org.apache.jena.query.DatasetFactory.create(all);
        ds.addNamedModel("urn:ontology", ontology);
        try (var exec = org.apache.jena.query.QueryExecution.dataset(ds)
                .query("PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n" + local).build()) {
            return exec.execSelect().next().getLiteral("n").getLong();
        }
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
