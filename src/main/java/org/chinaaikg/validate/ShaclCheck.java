package org.chinaaikg.validate;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.shacl.vocabulary.SHACL;

/** Checks the data (with the ontology, so that subclasses count) against the SHACL shapes. */
public final class ShaclCheck {
    private ShaclCheck() {}

    /** One violation, printed as focus node, path, constraint component and message. */
    public record Violation(String focus, String path, String component, String message) {
        @Override
        public String toString() {
            return "focus " + focus + "  path " + path + "  constraint " + component + "\n    " + message;
        }
    }

    /** The violations (severity sh:Violation); warnings and infos do not fail a load. */
    public static List<Violation> violations(Graph shapes, Graph data) {
        ValidationReport report = ShaclValidator.get().validate(Shapes.parse(shapes), data);
        return report.getEntries().stream()
                .filter(e -> e.severity() == null || e.severity().equals(Severity.Violation))
                .map(ShaclCheck::violation)
                .toList();
    }

    private static Violation violation(ReportEntry e) {
        return new Violation(str(e.focusNode()), e.resultPath() == null ? "-" : e.resultPath().toString(),
                str(e.sourceConstraintComponent()), e.message());
    }

    private static String str(Node n) {
        if (n != null && n.isURI() && n.getURI().startsWith(SHACL.NS)) return "sh:" + n.getLocalName();
        return n == null ? "-" : NodeFmtLib.strNT(n);
    }
}
