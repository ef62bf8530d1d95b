package org.chinaaikg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDFS;
import org.chinaaikg.Fixtures;
import org.chinaaikg.vocab.Iris;
import org.chinaaikg.vocab.KG;
import org.chinaaikg.vocab.SCHEMA;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * On the bundled data, over HTTP: an entity page shows under each fact the quote of each claim that supports it, with
 * links to the claim and to the source document; a value the curators supply (a Chinese label, a document's kind) has
 * a "curators' addition" badge whose title is their note. Quotes, notes and claims are read from the data files.
 */
@Tag("slow")
class EvidenceOnPagesTest {
    @RegisterExtension
    static final ServerExtension server = ServerExtension.onBundledData();
    static Model all;

    @BeforeAll
    static void start() throws Exception {
        Fixtures.Project p = server.project();
        all = ModelFactory.createDefaultModel();
        BundledProject.graphs(p).values().forEach(all::add);
    }


    static String page(String iri) throws Exception {
        HttpResponse<String> r = server.get(Iris.localLink(iri), "text/html");
        assertEquals(200, r.statusCode(), iri);
        return r.body();
    }

    /** The page's text with the entities an HTML escaper may use turned back into characters. */
    static String unescape(String html) {
        return html.replace("&#34;", "\"").replace("&quot;", "\"").replace("&#39;", "'").replace("&#x27;", "'")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** The axioms of the data that annotate (s, p, ?) and carry {@code property}. */
    static List<Resource> axioms(Resource s, org.apache.jena.rdf.model.Property p, org.apache.jena.rdf.model.Property property) {
        List<Resource> out = new ArrayList<>();
        for (Resource ax : all.listSubjectsWithProperty(OWL2.annotatedSource, s).toList()) {
            if (ax.hasProperty(OWL2.annotatedProperty, p) && ax.hasProperty(property)) out.add(ax);
        }
        return out;
    }

    /** The exact words of a claim's quote, from the data. */
    static String quote(Resource claim) {
        Resource evidence = claim.getRequiredProperty(KG.hasEvidence).getResource();
        for (RDFNode sel : all.listObjectsOfProperty(evidence, OA.hasSelector).toList()) {
            if (sel.asResource().hasProperty(OA.exact)) return sel.asResource().getRequiredProperty(OA.exact).getString();
        }
        throw new AssertionError("no quote for " + claim);
    }

    @Test
    void underShanghaiTheMinimaxPageShowsTheQuoteOfEachSupportingClaimWithLinks() throws Exception {
        Resource minimax = all.getResource(Iris.ID + "org/minimax");
        Resource shanghai = all.getResource(Iris.ID + "place/shanghai");
        List<Resource> claims = new ArrayList<>();
        for (Resource ax : axioms(minimax, SCHEMA.location, KG.supportedBy)) {
            if (ax.hasProperty(OWL2.annotatedTarget, shanghai)) {
                ax.listProperties(KG.supportedBy).forEach(st -> claims.add(st.getResource()));
            }
        }
        assertFalse(claims.isEmpty(), "the data names no claim for MiniMax in Shanghai");

        String html = page(minimax.getURI());
        int start = html.indexOf("<a href=\"/id/place/shanghai\">Shanghai</a>", html.indexOf("<table class=\"facts\">"));
        assertTrue(start > 0, "no fact 'Shanghai' in the facts table:\n" + html);
        int end = html.indexOf("</td>", start);
        String fact = unescape(html.substring(start, end));
        for (Resource claim : claims) {
            String q = quote(claim);
            int details = fact.indexOf("<details");
            assertTrue(details > 0, "no expandable evidence under Shanghai:\n" + fact);
            int at = fact.indexOf("<blockquote>" + q + "</blockquote>");
            assertTrue(at > details, "the quote of " + claim + " is not under Shanghai, in a <details>:\n" + q + "\n" + fact);
            assertTrue(fact.contains("href=\"" + Iris.localLink(claim.getURI()) + "\""), "no link to " + claim + ":\n" + fact);
            Resource source = all.getRequiredProperty(claim.getRequiredProperty(KG.hasEvidence).getResource(), OA.hasSource).getResource();
            assertTrue(fact.contains("href=\"" + Iris.localLink(source.getURI()) + "\""), "no link to the source " + source + ":\n" + fact);
        }
    }

    @Test
    void everyChineseLabelWithACuratorsNoteShowsTheBadge() throws Exception {
        Map<String, String[]> labels = new TreeMap<>();
        for (Resource ax : all.listSubjectsWithProperty(KG.curatorNote).toList()) {
            if (!ax.hasProperty(OWL2.annotatedProperty, RDFS.label)) continue;
            Literal label = ax.getRequiredProperty(OWL2.annotatedTarget).getLiteral();
            if (!label.getLanguage().equals("zh")) continue;
            labels.put(ax.getRequiredProperty(OWL2.annotatedSource).getResource().getURI(),
                    new String[] {label.getString(), ax.getRequiredProperty(KG.curatorNote).getString()});
        }
        assertFalse(labels.isEmpty(), "the data has Chinese labels marked as the curators'");
        for (Map.Entry<String, String[]> e : labels.entrySet()) {
            String html = unescape(page(e.getKey()));
            String h1 = html.substring(html.indexOf("<h1>"), html.indexOf("</h1>"));
            assertTrue(h1.contains("<span lang=\"zh\">" + e.getValue()[0] + "</span> <span class=\"curated\" title=\"" + e.getValue()[1] + "\""),
                    e.getKey() + ": no curators' badge beside its Chinese label:\n" + h1);
        }
    }

    @Test
    void aDocumentsKindAssignedByTheCuratorsShowsTheBadge() throws Exception {
        int checked = 0;
        for (Resource ax : all.listSubjectsWithProperty(KG.curatorNote).toList()) {
            if (!ax.hasProperty(OWL2.annotatedProperty, KG.sourceKind)) continue;
            Resource doc = ax.getRequiredProperty(OWL2.annotatedSource).getResource();
            Resource kind = ax.getRequiredProperty(OWL2.annotatedTarget).getResource();
            String html = unescape(page(doc.getURI()));
            String kindLink = "<a href=\"" + Iris.localLink(kind.getURI()) + "\">";
            int at = html.indexOf(kindLink, html.indexOf("<table class=\"facts\">"));
            assertTrue(at > 0, doc + ": no kind of source " + kind);
            String value = html.substring(at, html.indexOf("</div>", at));
            assertTrue(value.contains("<span class=\"curated\" title=\"" + ax.getRequiredProperty(KG.curatorNote).getString() + "\""),
                    doc + ": no curators' badge on its kind:\n" + value);
            checked++;
        }
        assertTrue(checked > 0, "the data has kinds of source marked as the curators'");
    }
}
