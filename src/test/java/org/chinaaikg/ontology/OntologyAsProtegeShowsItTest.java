package org.chinaaikg.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;

/**
 * What a person sees in Protégé's panes: each label names one term, each class appears once in the
 * asserted hierarchy, concept-scheme members are SKOS concepts with preferred labels, and the header's
 * metadata are annotations with typed dates.
 */
class OntologyAsProtegeShowsItTest {

    private static final String ONTOLOGY_IRI = "https://w3id.org/china-ai-kg/ontology";

    @Test
    void noLabelNamesTwoTermsOfTheOntologyOrATermAndADataResource() {
        Model onto = ProjectFiles.ontology();
        Map<String, Set<String>> byLabel = new TreeMap<>();
        collectLabels(onto, byLabel);
        // Data resources too: a property labelled "founder" beside the role "founder" shows two rows alike.
        Model data = ProjectFiles.data();
        Set<String> ontologyTerms = new HashSet<>();
        onto.listSubjects().forEachRemaining(s -> { if (s.isURIResource()) ontologyTerms.add(s.getURI()); });
        Map<String, Set<String>> dataLabels = new HashMap<>();
        collectLabels(data, dataLabels);
        Map<String, Set<String>> clashes = new TreeMap<>();
        byLabel.forEach((label, terms) -> {
            Set<String> all = new TreeSet<>(terms);
            all.addAll(dataLabels.getOrDefault(label, Set.of()));
            if (all.size() > 1) clashes.put(label, all);
        });
        assertEquals(Map.of(), clashes, "labels shared by two terms (or by a term and a data resource)");
        assertTrue(byLabel.size() > 150, "expected the ontology's labels, found " + byLabel.size());
        assertTrue(ontologyTerms.size() > 100);
    }

    private static void collectLabels(Model m, Map<String, Set<String>> byLabel) {
        for (Statement st : m.listStatements(null, RDFS.label, (RDFNode) null).toList()) {
            if (!st.getSubject().isURIResource() || !st.getObject().isLiteral()) continue;
            Literal l = st.getLiteral();
            String key = l.getLexicalForm().trim().toLowerCase() + "@" + l.getLanguage();
            byLabel.computeIfAbsent(key, k -> new TreeSet<>()).add(st.getSubject().getURI());
        }
    }

    /** Protégé shows a class under each asserted superclass: one that is already an ancestor of another puts it twice. */
    @Test
    void noClassHasAnAssertedSuperclassThatIsAlsoAnAncestorThroughAnother() {
        Model onto = ProjectFiles.ontology();
        Set<String> redundant = new TreeSet<>();
        for (Resource c : onto.listSubjectsWithProperty(RDF.type, OWL2.Class).toList()) {
            List<Resource> supers = onto.listObjectsOfProperty(c, RDFS.subClassOf).toList().stream()
                    .filter(RDFNode::isURIResource).map(RDFNode::asResource).toList();
            for (Resource a : supers) {
                for (Resource b : supers) {
                    if (!a.equals(b) && ancestors(onto, b).contains(a)) {
                        redundant.add(c.getURI() + " ⊑ " + a.getURI() + " (already through " + b.getURI() + ")");
                    }
                }
            }
        }
        assertEquals(Set.of(), redundant, "redundant asserted superclasses");
    }

    private static Set<Resource> ancestors(Model m, Resource c) {
        Set<Resource> seen = new HashSet<>();
        List<Resource> todo = new java.util.ArrayList<>(List.of(c));
        while (!todo.isEmpty()) {
            Resource x = todo.remove(todo.size() - 1);
            for (RDFNode s : m.listObjectsOfProperty(x, RDFS.subClassOf).toList()) {
                if (s.isURIResource() && seen.add(s.asResource())) todo.add(s.asResource());
            }
        }
        return seen;
    }

    @Test
    void membersOfTheConceptSchemesAreSkosConceptsWithPreferredLabels() {
        Model onto = ProjectFiles.ontology();
        Set<String> wrong = new TreeSet<>();
        List<Resource> members = onto.listSubjectsWithProperty(SKOS.inScheme).toList();
        assertTrue(members.size() >= 18, "expected the 18 members of the three schemes, found " + members.size());
        for (Resource m : members) {
            if (!onto.contains(m, RDF.type, SKOS.Concept)) wrong.add(m.getURI() + " is not a skos:Concept");
            boolean en = onto.listObjectsOfProperty(m, SKOS.prefLabel).toList().stream()
                    .anyMatch(l -> l.isLiteral() && l.asLiteral().getLanguage().equals("en"));
            if (!en) wrong.add(m.getURI() + " has no English skos:prefLabel");
        }
        assertEquals(Set.of(), wrong);
    }

    @Test
    void headerMetadataAreAnnotationsWithTypedDates() {
        Model onto = ProjectFiles.ontology();
        Resource header = onto.getResource(ONTOLOGY_IRI);
        Set<String> notAnnotation = new TreeSet<>();
        for (Statement st : header.listProperties().toList()) {
            Resource p = st.getPredicate();
            if (p.getURI().startsWith("http://purl.org/dc/terms/") && !onto.contains(p, RDF.type, OWL2.AnnotationProperty)) {
                notAnnotation.add(p.getURI());
            }
        }
        assertEquals(Set.of(), notAnnotation, "DCTERMS properties of the header that are not annotation properties");
        Resource publisher = onto.getResource("http://purl.org/dc/terms/publisher");
        assertTrue(onto.contains(publisher, RDF.type, OWL2.AnnotationProperty), "dcterms:publisher is an annotation property");
        for (String p : List.of("http://purl.org/dc/terms/created", "http://purl.org/dc/terms/modified")) {
            Statement st = header.getProperty(onto.getProperty(p));
            assertTrue(st != null && st.getObject().isLiteral()
                    && XSDDatatype.XSDdate.getURI().equals(st.getLiteral().getDatatypeURI()), p + " is an xsd:date");
        }
    }

    @Test
    void ourTermsAreDefinedByTheOntologyIriNotTheNamespace() {
        Model onto = ProjectFiles.ontology();
        Set<String> wrong = new TreeSet<>();
        for (Statement st : onto.listStatements(null, RDFS.isDefinedBy, (RDFNode) null).toList()) {
            if (st.getSubject().isURIResource() && st.getSubject().getURI().startsWith(ProjectFiles.NS)
                    && !st.getObject().equals(onto.getResource(ONTOLOGY_IRI))) {
                wrong.add(st.getSubject().getURI() + " -> " + st.getObject());
            }
        }
        assertEquals(Set.of(), wrong);
    }
}
