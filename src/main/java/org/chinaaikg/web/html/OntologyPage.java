package org.chinaaikg.web.html;

import org.chinaaikg.describe.DatasetMetadata;
import org.chinaaikg.vocab.Iris;
import org.chinaaikg.vocab.KG;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * The ontology's documentation page, generated from the ontology itself: classes, properties, vocabularies.
 * This class computes what the page shows ({@link Model}); {@code ontology.jte} lays it out.
 */
public final class OntologyPage {
    /** A row of the header table. */
    public record Row(String key, String value) {}

    /** "subclass of", "domain", ...: the terms a term points to. */
    public record Related(String what, List<Link> terms) {}

    /** A class or property. */
    public record Term(String anchor, String label, String zhLabel, String curie, String definition,
                       List<Related> related, String use) {}

    public record Section(String heading, List<Term> terms) {}

    public record Concept(String anchor, String label, String curie, String definition) {}

    public record Scheme(String anchor, String label, List<Concept> concepts) {}

    /** Everything the ontology page shows. */
    public record Model(DatasetMetadata dataset, String title, String iri, String description, List<Row> header,
                        List<Section> sections, List<Scheme> schemes) {}

    private OntologyPage() {}

    public static String render(org.apache.jena.rdf.model.Model onto, DatasetMetadata dataset) {
        return Templates.render("ontology.jte", model(onto, dataset));
    }

    static Model model(org.apache.jena.rdf.model.Model onto, DatasetMetadata dataset) {
        Resource header = onto.getResource(Iris.ONTOLOGY);
        String title = literal(header, DCTerms.title).orElse("China AI Knowledge Graph ontology");
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("Version", literal(header, OWL2.versionInfo).orElse("") + " (" + header.getPropertyResourceValue(OWL2.versionIRI) + ")"));
        rows.add(new Row("Namespace", KG.NS + " (prefix kg:)"));
        Resource license = header.getPropertyResourceValue(DCTerms.license);
        if (license != null) rows.add(new Row("License", license.getURI()));
        List<Section> sections = List.of(
                section(onto, "Classes", OWL2.Class),
                section(onto, "Object properties", OWL2.ObjectProperty),
                section(onto, "Datatype properties", OWL2.DatatypeProperty),
                section(onto, "Annotation properties", OWL2.AnnotationProperty));
        List<Scheme> schemes = new ArrayList<>();
        for (Resource scheme : sorted(onto.listSubjectsWithProperty(RDF.type, SKOS.ConceptScheme).toList())) {
            List<Concept> concepts = sorted(onto.listSubjectsWithProperty(SKOS.inScheme, scheme).toList()).stream()
                    .map(c -> new Concept(anchor(c), label(c), curie(c), definition(c))).toList();
            schemes.add(new Scheme(anchor(scheme), label(scheme), concepts));
        }
        return new Model(dataset, title, Iris.ONTOLOGY, literal(header, DCTerms.description).orElse(null), rows, sections, schemes);
    }

    private static Section section(org.apache.jena.rdf.model.Model onto, String heading, Resource type) {
        List<Term> terms = new ArrayList<>();
        for (Resource term : sorted(onto.listSubjectsWithProperty(RDF.type, type).toList())) {
            List<Related> related = new ArrayList<>();
            related(related, "subclass of", term, RDFS.subClassOf);
            related(related, "subproperty of", term, RDFS.subPropertyOf);
            related(related, "domain", term, RDFS.domain);
            related(related, "range", term, RDFS.range);
            terms.add(new Term(anchor(term), label(term), literalIn(term, RDFS.label, "zh").orElse(null), curie(term),
                    definition(term), related, literal(term, SKOS.scopeNote).orElse(null)));
        }
        return new Section(heading, terms);
    }

    private static void related(List<Related> out, String what, Resource term, Property p) {
        List<RDFNode> values = term.listProperties(p).mapWith(s -> s.getObject()).toList();
        if (values.isEmpty()) return;
        List<Link> links = new ArrayList<>();
        for (RDFNode v : values) {
            if (v.isURIResource()) {
                String target = v.asResource().getURI().startsWith(KG.NS) || term.getModel().contains(v.asResource(), RDF.type)
                        ? "#" + anchor(v.asResource()) : v.asResource().getURI();
                links.add(new Link(target, curie(v.asResource())));
            }
        }
        out.add(new Related(what, links));
    }

    /** kg: terms are anchored by their local name, so that {@code /ontology#Claim} works; reused terms by prefix-local. */
    static String anchor(Resource r) {
        String uri = r.getURI();
        if (uri.startsWith(KG.NS)) return uri.substring(KG.NS.length());
        return curie(r).replace(':', '-');
    }

    private static String curie(Resource r) {
        String c = r.getModel() == null ? null : r.getModel().qnameFor(r.getURI());
        return c != null ? c : r.getURI().startsWith(KG.NS) ? "kg:" + r.getURI().substring(KG.NS.length()) : r.getURI();
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
}
