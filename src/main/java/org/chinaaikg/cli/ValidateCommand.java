package org.chinaaikg.cli;

import java.util.concurrent.Callable;

import org.chinaaikg.validate.Validation;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code validate}: every file parses and the data conforms to the shapes. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check that every RDF file parses (errors name file:line:column) and that the data,",
                "with the ontology, conforms to the SHACL shapes in the ontology folder (*shapes*.ttl), if any."})
public final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    InputOptions inputs;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        Validation v = Validation.of(inputs.inputs(), err::println);
        var out = spec.commandLine().getOut();
        // Drafts (what ingest wrote) are no error here: they are work in progress, which load refuses.
        v.drafts().forEach(d -> out.println(d.report() + "; load and serve refuse it until it is accepted"));
        out.flush();
        if (!v.ok()) {
            v.problems().forEach(err::println);
            err.println(v.syntaxErrors().size() + " syntax error(s), " + v.violations().size() + " SHACL violation(s)");
            err.flush();
            return 1;
        }
        out.println(v.graphs().size() + " files parse; "
                + (v.shaclChecked() ? "the data conforms to the SHACL shapes" : "no SHACL shapes found, shapes not checked"));
        out.flush();
        return 0;
    }
}
