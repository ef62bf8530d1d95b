package org.chinaaikg.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.chinaaikg.project.Inputs.InputFile;
import org.chinaaikg.vocab.KG;

/**
 * Files that hold anything marked {@code kg:curationStatus kg:Draft} (what {@code ingest} writes): validate reports
 * them, load and serve refuse them until a curator accepts or deletes what is marked.
 */
public final class Drafts {
    /** A draft file: how many resources are marked, how many of them are claims. */
    public record Draft(InputFile file, int marked, int claims) {
        /** The one line that validate prints for this file. */
        public String report() {
            return "DRAFT " + file.name() + ": " + claims + " draft claim(s), " + marked + " resource(s) marked kg:curationStatus kg:Draft";
        }

        /** The one line that load and serve fail with. */
        public String refusal() {
            return file.name() + " is a draft (" + claims + " draft claim(s), " + marked + " resource(s) marked kg:curationStatus kg:Draft): "
                    + "accept each by deleting its kg:curationStatus line, or delete the claim, before loading";
        }
    }

    private static final Node STATUS = KG.curationStatus.asNode();
    private static final Node DRAFT = KG.Draft.asNode();

    private Drafts() {}

    /** The draft among these parsed files, in their order. */
    public static List<Draft> in(Map<InputFile, Graph> graphs) {
        List<Draft> out = new ArrayList<>();
        graphs.forEach((f, g) -> {
            Draft d = of(f, g);
            if (d != null) out.add(d);
        });
        return out;
    }

    /** The file as a draft, or null when nothing in it is marked. */
    public static Draft of(InputFile f, Graph g) {
        List<Node> marked = g.find(Node.ANY, STATUS, DRAFT).mapWith(Triple::getSubject).toList();
        if (marked.isEmpty()) return null;
        int claims = (int) marked.stream().filter(s -> g.contains(s, RDF.type.asNode(), KG.Claim.asNode())).count();
        return new Draft(f, marked.size(), claims);
    }
}
