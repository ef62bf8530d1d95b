package org.chinaaikg.validate;

import org.chinaaikg.project.RdfFiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.chinaaikg.project.Inputs;
import org.chinaaikg.project.Inputs.InputFile;

/**
 * Parses every input file and checks the union of data and ontology against the shapes: what {@code validate}
 * reports and what {@code load} requires before it touches the store.
 */
public record Validation(Map<InputFile, Graph> graphs, List<String> syntaxErrors, List<ShaclCheck.Violation> violations,
                         boolean shaclChecked) {

    /** The files that hold drafts (kg:curationStatus kg:Draft): reported by validate, refused by load. */
    public List<Drafts.Draft> drafts() {
        return Drafts.in(graphs);
    }

    public boolean ok() {
        return syntaxErrors.isEmpty() && violations.isEmpty();
    }

    /** Every problem, one entry per syntax error or violation, ready to print. */
    public List<String> problems() {
        List<String> all = new ArrayList<>(syntaxErrors);
        violations.forEach(v -> all.add(v.toString()));
        return all;
    }

    public static Validation of(Inputs inputs, Consumer<String> log) {
        Map<InputFile, Graph> graphs = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        for (InputFile f : inputs.all()) {
            try {
                graphs.put(f, RdfFiles.parse(f.path(), log));
            } catch (RdfFiles.SyntaxError e) {
                errors.add(e.getMessage());
            }
        }
        List<InputFile> shapesFiles = inputs.shapesFiles();
        if (!errors.isEmpty() || shapesFiles.isEmpty()) {
            return new Validation(graphs, errors, List.of(), false);
        }
        Graph shapes = GraphFactory.createDefaultGraph();
        Graph data = GraphFactory.createDefaultGraph();
        graphs.forEach((f, g) -> g.find().forEach(shapesFiles.contains(f) ? shapes::add : data::add));
        return new Validation(graphs, errors, ShaclCheck.violations(shapes, data), true);
    }
}
