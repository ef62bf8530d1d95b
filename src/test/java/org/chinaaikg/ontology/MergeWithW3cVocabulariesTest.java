package org.chinaaikg.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.OWL2;
import org.junit.jupiter.api.Test;
import org.semanticweb.HermiT.ReasonerFactory;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.io.StreamDocumentSource;
import org.semanticweb.owlapi.model.AxiomType;
import org.semanticweb.owlapi.model.OWLAxiom;
import org.semanticweb.owlapi.model.OWLClass;
import org.semanticweb.owlapi.model.OWLDataFactory;
import org.semanticweb.owlapi.model.OWLEntity;
import org.semanticweb.owlapi.model.OWLLogicalAxiom;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyLoaderConfiguration;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.model.OWLSubClassOfAxiom;
import org.semanticweb.owlapi.model.MissingImportHandlingStrategy;
import org.semanticweb.owlapi.reasoner.OWLReasoner;

/**
 * Our ontology merged with the real W3C vocabularies it reuses (PROV-O, ORG, Web Annotation, SKOS, DCTERMS,
 * FOAF, and the schema.org terms we use; copies in {@code src/test/resources/w3c/}, each with its source and
 * licence) stays consistent, with no unsatisfiable class or property, also with ordinary triples that those
 * vocabularies allow. An axiom of ours on a reused term (a domain, a range, a functional property, a
 * disjointness the vocabulary does not state) breaks one of these.
 */
class MergeWithW3cVocabulariesTest {

    static final Path W3C = Path.of("src", "test", "resources", "w3c");
    static final List<String> VOCABULARIES = List.of("prov.nt", "org.nt", "oa.nt", "skos.nt", "dcterms.nt", "foaf.nt", "schema.nt");

    /** The real vocabularies, merged, without their owl:imports (they are all here; nothing is fetched). */
    static Model vocabularies() {
        Model m = ModelFactory.createDefaultModel();
        for (String f : VOCABULARIES) RDFDataMgr.read(m, W3C.resolve(f).toString());
        m.removeAll(null, OWL2.imports, (RDFNode) null);
        return m;
    }

    static Model ordinaryData() {
        return RDFDataMgr.loadModel(W3C.resolve("ordinary-data.ttl").toString());
    }

    static OWLOntology owl(OWLOntologyManager manager, Model model) throws Exception {
        ByteArrayOutputStream turtle = new ByteArrayOutputStream();
        RDFDataMgr.write(turtle, model, Lang.TURTLE);
        return manager.loadOntologyFromOntologyDocument(new StreamDocumentSource(new ByteArrayInputStream(turtle.toByteArray())),
                new OWLOntologyLoaderConfiguration().setMissingImportHandlingStrategy(MissingImportHandlingStrategy.SILENT));
    }

    @Test
    void theFixturesAreTheRealVocabularies() {
        Model v = vocabularies();
        // A few axioms each document states, so that a truncated or hand-written copy is caught.
        for (String[] t : new String[][] {
                {"http://www.w3.org/ns/prov#Activity", OWL2.disjointWith.getURI(), "http://www.w3.org/ns/prov#Entity"},
                {"http://www.w3.org/ns/org#resultedFrom", "http://www.w3.org/2000/01/rdf-schema#subPropertyOf", "http://www.w3.org/ns/prov#wasGeneratedBy"},
                {"http://www.w3.org/ns/org#Organization", OWL2.equivalentClass.getURI(), "http://xmlns.com/foaf/0.1/Organization"},
                {"http://www.w3.org/2004/02/skos/core#Collection", OWL2.disjointWith.getURI(), "http://www.w3.org/2004/02/skos/core#Concept"},
                {"http://www.w3.org/ns/oa#TextQuoteSelector", "http://www.w3.org/2000/01/rdf-schema#subClassOf", "http://www.w3.org/ns/oa#Selector"},
                {"http://xmlns.com/foaf/0.1/Person", OWL2.disjointWith.getURI(), "http://xmlns.com/foaf/0.1/Organization"},
                {"http://purl.org/dc/terms/publisher", "http://purl.org/dc/dcam/rangeIncludes", "http://purl.org/dc/terms/Agent"},
                {"http://schema.org/City", "http://www.w3.org/2000/01/rdf-schema#subClassOf", "http://schema.org/AdministrativeArea"}}) {
            assertTrue(v.contains(v.createResource(t[0]), v.createProperty(t[1]), v.createResource(t[2])), "fixture lacks " + String.join(" ", t));
        }
        assertTrue(v.size() > 4000, "the vocabularies hold " + v.size() + " triples");
    }

    @Test
    void ontologyMergedWithTheVocabulariesIsConsistentWithNothingUnsatisfiable() throws Exception {
        assertSatisfiable(ProjectFiles.ontology().add(vocabularies()), "ontology + W3C vocabularies");
    }

    @Test
    void ordinaryTriplesOfTheVocabulariesStayConsistentWithOurOntology() throws Exception {
        assertSatisfiable(ProjectFiles.ontology().add(vocabularies()).add(ordinaryData()),
                "ontology + W3C vocabularies + ordinary data (" + W3C.resolve("ordinary-data.ttl") + ")");
    }

    @Test
    void ontologyAndAllDataMergedWithTheVocabulariesAreConsistent() throws Exception {
        Model data = ProjectFiles.data();
        // The data files' headers import the ontology, which is merged in here.
        data.listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type, OWL2.Ontology).toList()
                .forEach(h -> data.removeAll(h, null, (RDFNode) null));
        assertSatisfiable(ProjectFiles.ontology().add(data).add(vocabularies()), "ontology + data + W3C vocabularies");
    }

    /**
     * Reused terms are left as their vocabularies define them: every logical axiom of ours that names no
     * kg: term (a domain or range of a reused property, a characteristic, a disjointness, a subclass link
     * between reused classes) must already follow from the real vocabularies. Only subclass links between
     * reused classes are restated (so that Protégé's tree and SPARQL's superclass queries work offline).
     */
    @Test
    void ourAxiomsOnReusedTermsAreOnlyTheVocabulariesOwn() throws Exception {
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        OWLOntology ours = owl(manager, ProjectFiles.ontology());
        OWLOntology theirs = owl(OWLManager.createOWLOntologyManager(), vocabularies());
        OWLReasoner hermit = new ReasonerFactory().createReasoner(theirs);
        Set<String> added = new TreeSet<>();
        Set<String> notSubclass = new TreeSet<>();
        try {
            for (OWLLogicalAxiom ax : ours.getLogicalAxioms()) {
                boolean ownTerm = ax.signature().anyMatch(e -> e.getIRI().toString().startsWith(ProjectFiles.NS));
                if (ownTerm) continue;
                if (!(ax.isOfType(AxiomType.SUBCLASS_OF) && !((OWLSubClassOfAxiom) ax).getSubClass().isAnonymous()
                        && !((OWLSubClassOfAxiom) ax).getSuperClass().isAnonymous())) {
                    notSubclass.add(ax.toString());
                }
                if (!hermit.isEntailed(ax)) added.add(ax.toString());
            }
        } finally {
            hermit.dispose();
        }
        assertEquals(Set.of(), added, "axioms of ours on reused terms that their vocabularies do not state");
        assertEquals(Set.of(), notSubclass, "axioms on reused terms other than a subclass link between two of them");
    }

    static void assertSatisfiable(Model model, String what) throws Exception {
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        OWLOntology ontology = owl(manager, model);
        OWLDataFactory df = manager.getOWLDataFactory();
        OWLReasoner hermit = new ReasonerFactory().createReasoner(ontology);
        try {
            assertTrue(hermit.isConsistent(), what + ": HermiT finds it inconsistent");
            List<String> classes = hermit.getUnsatisfiableClasses().getEntitiesMinusBottom().stream()
                    .map(OWLClass::toString).sorted().toList();
            assertEquals(List.of(), classes, what + ": unsatisfiable classes");
            // A property no individual can have (its domain is empty) is as broken as an unsatisfiable class.
            List<String> properties = Stream.concat(
                    ontology.objectPropertiesInSignature().filter(p -> !p.isOWLTopObjectProperty() && !p.isOWLBottomObjectProperty())
                            .filter(p -> !hermit.isSatisfiable(df.getOWLObjectSomeValuesFrom(p, df.getOWLThing())))
                            .map(OWLEntity::toString),
                    ontology.dataPropertiesInSignature().filter(p -> !p.isOWLTopDataProperty() && !p.isOWLBottomDataProperty())
                            .filter(p -> !hermit.isSatisfiable(df.getOWLDataSomeValuesFrom(p, df.getTopDatatype())))
                            .map(OWLEntity::toString))
                    .sorted().toList();
            assertEquals(List.of(), properties, what + ": unsatisfiable properties");
        } finally {
            hermit.dispose();
        }
    }
}
