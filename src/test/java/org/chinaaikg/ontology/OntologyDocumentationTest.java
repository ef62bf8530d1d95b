package org.chinaaikg.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;

/** Every term is explained, and nothing uses a term of our namespace that the ontology does not declare. */
class OntologyDocumentationTest {

    private static final List<Resource> TERM_TYPES = List.of(
            OWL2.Class, OWL2.ObjectProperty, OWL2.DatatypeProperty, OWL2.AnnotationProperty);

    @Test
    void everyClassAndPropertyHasAnEnglishLabelAndADefinition() {
        Model onto = ProjectFiles.ontology();
        Set<String> undocumented = new TreeSet<>();
        int terms = 0;
        for (Resource type : TERM_TYPES) {
            for (Resource term : onto.listSubjectsWithProperty(RDF.type, type).toList()) {
                terms++;
                boolean english = onto.listObjectsOfProperty(term, RDFS.label).toList().stream()
                        .anyMatch(l -> l.isLiteral() && l.asLiteral().getLanguage().equals("en"));
                boolean defined = onto.contains(term, RDFS.comment) || onto.contains(term, SKOS.definition);
                if (!english || !defined) {
                    undocumented.add(term.getURI() + (english ? "" : " [no @en label]") + (defined ? "" : " [no definition]"));
                }
            }
        }
        assertTrue(terms > 100, "expected the ontology to declare its terms, found " + terms);
        assertEquals(Set.of(), undocumented);
    }

    @Test
    void ourOwnTermsAreDefinedByTheOntology() {
        Model onto = ProjectFiles.ontology();
        Set<String> wrong = new TreeSet<>();
        onto.listStatements(null, RDF.type, (RDFNode) null).forEachRemaining(s -> {
            Resource term = s.getSubject();
            if (term.isURIResource() && term.getURI().startsWith(ProjectFiles.NS)
                    && TERM_TYPES.contains(s.getObject()) && !onto.contains(term, RDFS.isDefinedBy)) {
                wrong.add(term.getURI());
            }
        });
        assertEquals(Set.of(), wrong, "kg: terms without rdfs:isDefinedBy");
    }

    /** Turtle coins a new IRI for a misspelled term without a word; this catches it (W3C ORG once had org:subOrganzationOf). */
    @Test
    void dataAndShapesUseOnlyDeclaredTermsOfOurNamespace() {
        Model onto = ProjectFiles.ontology();
        Set<String> declared = new TreeSet<>();
        onto.listSubjects().forEachRemaining(s -> { if (s.isURIResource()) declared.add(s.getURI()); });

        Model used = ProjectFiles.data().add(RDFDataMgr.loadModel(ProjectFiles.SHAPES.toString()));
        Set<String> undeclared = new TreeSet<>();
        for (Statement st : used.listStatements().toList()) {
            for (RDFNode node : List.of(st.getSubject(), st.getPredicate(), st.getObject())) {
                if (node.isURIResource() && node.asResource().getURI().startsWith(ProjectFiles.NS)
                        && !declared.contains(node.asResource().getURI())) {
                    undeclared.add(node.asResource().getURI());
                }
            }
        }
        assertEquals(Set.of(), undeclared, "IRIs of the ontology namespace that the ontology does not declare");
    }

    @Test
    void headerCarriesTitleVersionLicenseAndPreferredPrefix() {
        Model onto = ProjectFiles.ontology();
        Resource header = onto.getResource("https://w3id.org/china-ai-kg/ontology");
        assertTrue(onto.contains(header, RDF.type, OWL2.Ontology));
        for (String p : List.of("http://purl.org/dc/terms/title", "http://purl.org/dc/terms/description",
                "http://purl.org/dc/terms/creator", "http://purl.org/dc/terms/license",
                OWL2.versionIRI.getURI(), OWL2.versionInfo.getURI(),
                "http://purl.org/vocab/vann/preferredNamespacePrefix", "http://purl.org/vocab/vann/preferredNamespaceUri")) {
            assertTrue(header.hasProperty(onto.getProperty(p)), "ontology header lacks " + p);
        }
    }

    @Test
    void protegeCatalogPointsAtFilesThatExist() throws Exception {
        var xml = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(ProjectFiles.ONTOLOGY.resolveSibling("catalog-v001.xml").toFile());
        var uris = xml.getElementsByTagName("uri");
        assertTrue(uris.getLength() > 0, "catalog-v001.xml maps no IRI");
        for (int i = 0; i < uris.getLength(); i++) {
            var entry = (org.w3c.dom.Element) uris.item(i);
            assertTrue(java.nio.file.Files.isRegularFile(ProjectFiles.ONTOLOGY.resolveSibling(entry.getAttribute("uri"))),
                    entry.getAttribute("name") + " maps to a missing file " + entry.getAttribute("uri"));
        }
    }
}
