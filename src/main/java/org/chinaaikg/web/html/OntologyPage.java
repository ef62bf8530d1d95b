package org.chinaaikg.web.html;

import org.chinaaikg.vocab.Iris;

import static org.chinaaikg.web.html.Html.esc;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/** The ontology's documentation page, generated from the ontology itself: classes, properties, vocabularies. */
public final class OntologyPage {
    private OntologyPage() {}

    public static String render(Model onto) {
        Resource header = onto.getResource(Iris.ONTOLOGY);
        String title = literal(header, DCTerms.title).orElse("China AI Knowledge Graph ontology");
        StringBuilder b = new StringBuilder(Html.start(title, null));
        b.append("<h1>").append(esc(title)).append("</h1><div class=\"iri\">").append(esc(Iris.ONTOLOGY)).append("</div>");
        literal(header, DCTerms.description).ifPresent(d -> b.append("<p>").append(esc(d)).append("</p>"));
        b.append("<table>");
        row(b, "Version", literal(header, OWL2.versionInfo).orElse("") + " (" + header.getPropertyResourceValue(OWL2.versionIRI) + ")");
        row(b, "Namespace", Iris.KG + " (prefix kg:)");
        Resource license = header.getPropertyResourceValue(DCTerms.license);
        if (license != null) row(b, "License", license.getURI());
        b.append("</table><p class=\"formats\"><b>As data:</b> <a href=\"/ontology.ttl\">Turtle</a> <a href=\"/ontology.rdf\">RDF/XML</a>"
                + " <a href=\"/ontology.jsonld\">JSON-LD</a> <a href=\"/ontology.nt\">N-Triples</a></p>");

        section(b, onto, "Classes", OWL2.Class);
        section(b, onto, "Object properties", OWL2.ObjectProperty);
        section(b, onto, "Datatype properties", OWL2.DatatypeProperty);
        section(b, onto, "Annotation properties", OWL2.AnnotationProperty);

        b.append("<h2>Controlled vocabularies</h2>");
        for (Resource scheme : sorted(onto.listSubjectsWithProperty(RDF.type, SKOS.ConceptScheme).toList())) {
            b.append("<h3 id=\"").append(esc(anchor(scheme))).append("\">").append(esc(label(scheme))).append("</h3><ul>");
            for (Resource concept : sorted(onto.listSubjectsWithProperty(SKOS.inScheme, scheme).toList())) {
                b.append("<li id=\"").append(esc(anchor(concept))).append("\"><b>").append(esc(label(concept))).append("</b> <code>")
                        .append(esc(curie(concept))).append("</code> — ").append(esc(definition(concept))).append("</li>");
            }
            b.append("</ul>");
        }
        return b.append(Html.end()).toString();
    }

    private static void section(StringBuilder b, Model onto, String heading, Resource type) {
        List<Resource> terms = sorted(onto.listSubjectsWithProperty(RDF.type, type).toList());
        b.append("<h2>").append(heading).append(" (").append(terms.size()).append(")</h2>");
        for (Resource term : terms) {
            b.append("<div class=\"claim\" id=\"").append(esc(anchor(term))).append("\"><b>").append(esc(label(term))).append("</b> ");
            literalIn(term, RDFS.label, "zh").ifPresent(zh -> b.append("<span lang=\"zh\">").append(esc(zh)).append("</span> "));
            b.append("<code>").append(esc(curie(term))).append("</code><div>").append(esc(definition(term))).append("</div><div class=\"meta\">");
            links(b, "subclass of", term, RDFS.subClassOf);
            links(b, "subproperty of", term, RDFS.subPropertyOf);
            links(b, "domain", term, RDFS.domain);
            links(b, "range", term, RDFS.range);
            literal(term, SKOS.scopeNote).ifPresent(n -> b.append("<div>Use: ").append(esc(n)).append("</div>"));
            b.append("</div></div>");
        }
    }

    private static void links(StringBuilder b, String what, Resource term, Property p) {
        List<RDFNode> values = term.listProperties(p).mapWith(s -> s.getObject()).toList();
        if (values.isEmpty()) return;
        b.append("<div>").append(what).append(": ");
        for (RDFNode v : values) {
            if (v.isURIResource()) {
                String target = v.asResource().getURI().startsWith(Iris.KG) || term.getModel().contains(v.asResource(), RDF.type)
                        ? "#" + anchor(v.asResource()) : v.asResource().getURI();
                b.append("<a href=\"").append(esc(target)).append("\">").append(esc(curie(v.asResource()))).append("</a> ");
            }
        }
        b.append("</div>");
    }

    /** kg: terms are anchored by their local name, so that {@code /ontology#Claim} works; reused terms by prefix-local. */
    static String anchor(Resource r) {
        String uri = r.getURI();
        if (uri.startsWith(Iris.KG)) return uri.substring(Iris.KG.length());
        return curie(r).replace(':', '-');
    }

    private static String curie(Resource r) {
        String c = r.getModel() == null ? null : r.getModel().qnameFor(r.getURI());
        return c != null ? c : r.getURI().startsWith(Iris.KG) ? "kg:" + r.getURI().substring(Iris.KG.length()) : r.getURI();
    }

    private static String label(Resource r) {
        return literalIn(r, RDFS.label, "en").orElse(r.getLocalName());
    }

    private static String definition(Resource r) {
        return literal(r, SKOS.definition).or(() -> literal(r, RDFS.comment)).orElse("");
    }

    private static Optional<String> literal(Resource r, Property p) {
        return r.listProperties(p).toList().stream().filter(s -> s.getObject().isLiteral())
                .map(s -> s.getObject().asLiteral().getLexicalForm()).findFirst();
    }

    private static Optional<String> literalIn(Resource r, Property p, String lang) {
        return r.listProperties(p).toList().stream().filter(s -> s.getObject().isLiteral()
                        && s.getObject().asLiteral().getLanguage().equalsIgnoreCase(lang))
                .map(s -> s.getObject().asLiteral().getLexicalForm()).findFirst();
    }

    private static List<Resource> sorted(List<Resource> rs) {
        return rs.stream().filter(Resource::isURIResource).sorted(Comparator.comparing(OntologyPage::label, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    private static void row(StringBuilder b, String k, String v) {
        b.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>");
    }
}
