package org.chinaaikg.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.semanticweb.HermiT.ReasonerFactory;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.formats.RDFDocumentFormat;
import org.semanticweb.owlapi.io.RDFParserMetaData;
import org.semanticweb.owlapi.model.AxiomType;
import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.model.MissingImportHandlingStrategy;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyLoaderConfiguration;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.model.parameters.Imports;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileReport;
import org.semanticweb.owlapi.reasoner.OWLReasoner;
import org.semanticweb.owlapi.util.SimpleIRIMapper;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Each data file opened on its own as Protégé opens it: the OWL API reads the file, with the
 * {@code catalog-v001.xml} of its folder as IRI mapper (no network), resolves its owl:imports of the
 * ontology, and reads every relation as a property assertion, not as an annotation. The entry file
 * {@code data/china-ai-kg-all.owl} imports them all.
 */
class DataOpensInProtegeTest {

    static final String ONTOLOGY_IRI = "https://w3id.org/china-ai-kg/ontology";
    static final String GRAPH_BASE = "https://w3id.org/china-ai-kg/graph/";
    static final Path ENTRY = ProjectFiles.DATA.resolve("china-ai-kg-all.owl");

    /** What Protégé does on File ▸ Open: a fresh manager whose IRI mappers are the catalog beside the file. */
    static OWLOntology openAsProtege(Path file) throws Exception {
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        Path catalog = file.toAbsolutePath().getParent().resolve("catalog-v001.xml");
        assertTrue(Files.isRegularFile(catalog), "no catalog-v001.xml beside " + file + ": Protégé would fetch the imports from the web");
        NodeList uris = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(catalog.toFile()).getElementsByTagName("uri");
        for (int i = 0; i < uris.getLength(); i++) {
            Element e = (Element) uris.item(i);
            Path target = catalog.getParent().resolve(e.getAttribute("uri")).normalize();
            assertTrue(Files.isRegularFile(target), catalog + " maps " + e.getAttribute("name") + " to a missing file " + target);
            manager.getIRIMappers().add(new SimpleIRIMapper(IRI.create(e.getAttribute("name")), IRI.create(target.toUri())));
        }
        OWLOntologyLoaderConfiguration config = new OWLOntologyLoaderConfiguration()
                .setMissingImportHandlingStrategy(MissingImportHandlingStrategy.THROW_EXCEPTION);
        return manager.loadOntologyFromOntologyDocument(
                new org.semanticweb.owlapi.io.FileDocumentSource(file.toFile()), config);
    }

    static List<String> unparsed(OWLOntology o) {
        RDFDocumentFormat format = (RDFDocumentFormat) o.getOWLOntologyManager().getOntologyFormat(o);
        RDFParserMetaData meta = (RDFParserMetaData) format.getOntologyLoaderMetaData().orElseThrow();
        return meta.getUnparsedTriples().map(Object::toString).sorted().toList();
    }

    @TestFactory
    Stream<DynamicTest> eachDataFileOpensOnItsOwnWithItsPropertyAssertions() {
        Model onto = ProjectFiles.ontology();
        Set<String> objectProperties = iris(onto, OWL2.ObjectProperty);
        Set<String> dataProperties = iris(onto, OWL2.DatatypeProperty);
        return ProjectFiles.dataFiles().stream().map(file -> DynamicTest.dynamicTest(file.toString(), () -> {
            String rel = ProjectFiles.DATA.relativize(file).toString().replace('\\', '/');
            String graph = GRAPH_BASE + rel.substring(0, rel.length() - ".ttl".length());
            OWLOntology o = openAsProtege(file);
            assertEquals(IRI.create(graph), o.getOntologyID().getOntologyIRI().orElse(null),
                    file + ": the ontology header names the file as its graph");
            assertTrue(o.importsClosure().anyMatch(i -> i.getOntologyID().getOntologyIRI().map(IRI::toString).orElse("").equals(ONTOLOGY_IRI)),
                    file + ": imports the ontology");
            assertEquals(List.of(), unparsed(o), file + ": triples the OWL API could not parse");

            // Every triple whose predicate the ontology declares an object (data) property is read as an
            // object (data) property assertion, none as an annotation.
            Model m = RDFDataMgr.loadModel(file.toString());
            long objectTriples = count(m, objectProperties), dataTriples = count(m, dataProperties);
            assertEquals(objectTriples, o.getAxiomCount(AxiomType.OBJECT_PROPERTY_ASSERTION), file + ": object property assertions");
            assertEquals(dataTriples, o.getAxiomCount(AxiomType.DATA_PROPERTY_ASSERTION), file + ": data property assertions");
            if (rel.startsWith("statements/") || rel.startsWith("links/") || rel.equals("documents.ttl")) {
                assertTrue(objectTriples > 0, file + " states relations, so it must give object property assertions");
            }
            if (rel.startsWith("entities/") || rel.equals("documents.ttl")) {
                assertTrue(o.getAxiomCount(AxiomType.CLASS_ASSERTION) > 0, file + ": class assertions");
            }

            OWLProfileReport report = new OWL2DLProfile().checkOntology(o);
            assertTrue(report.isInProfile(), file + ": OWL 2 DL profile violations:\n"
                    + report.getViolations().stream().limit(20).map(Object::toString).collect(Collectors.joining("\n")));
            OWLReasoner hermit = new ReasonerFactory().createReasoner(o);
            try {
                assertTrue(hermit.isConsistent(), file + ": HermiT finds it inconsistent with the ontology");
            } finally {
                hermit.dispose();
            }
        }));
    }

    @Test
    void theEntryFileImportsEveryDataFileAndTheOntology() throws Exception {
        OWLOntology all = openAsProtege(ENTRY);
        Set<String> imported = new TreeSet<>();
        all.importsClosure().forEach(o -> o.getOntologyID().getOntologyIRI().ifPresent(i -> imported.add(i.toString())));
        Set<String> expected = new TreeSet<>();
        expected.add(ONTOLOGY_IRI);
        expected.add(GRAPH_BASE + "all");
        for (Path f : ProjectFiles.dataFiles()) {
            String rel = ProjectFiles.DATA.relativize(f).toString().replace('\\', '/');
            expected.add(GRAPH_BASE + rel.substring(0, rel.length() - ".ttl".length()));
        }
        assertEquals(expected, imported, ENTRY + " (with data/catalog-v001.xml) must import every data file and the ontology");

        // Distinct assertions, as the merged graph has them (a triple stated in two files is one assertion, whatever
        // evidence each file annotates it with).
        Model merged = ProjectFiles.ontology().add(ProjectFiles.data());
        long objectTriples = count(merged, iris(merged, OWL2.ObjectProperty));
        assertEquals(objectTriples, all.axioms(AxiomType.OBJECT_PROPERTY_ASSERTION, Imports.INCLUDED).map(a -> a.getAxiomWithoutAnnotations()).distinct().count(),
                "object property assertions of the whole graph opened through " + ENTRY);
        OWLProfileReport report = new OWL2DLProfile().checkOntology(all);
        assertTrue(report.isInProfile(), report.getViolations().stream().limit(20).map(Object::toString).collect(Collectors.joining("\n")));
        OWLReasoner hermit = new ReasonerFactory().createReasoner(all);
        try {
            assertTrue(hermit.isConsistent(), "the whole graph is consistent");
            assertEquals(List.of(), new ArrayList<>(hermit.getUnsatisfiableClasses().getEntitiesMinusBottom()), "unsatisfiable classes");
        } finally {
            hermit.dispose();
        }
    }

    private static Set<String> iris(Model m, org.apache.jena.rdf.model.Resource type) {
        Set<String> s = new TreeSet<>();
        m.listSubjectsWithProperty(RDF.type, type).forEachRemaining(r -> { if (r.isURIResource()) s.add(r.getURI()); });
        return s;
    }

    private static long count(Model m, Set<String> properties) {
        return m.listStatements(null, null, (RDFNode) null).toList().stream()
                .map(Statement::getPredicate).filter(p -> properties.contains(p.getURI())).count();
    }
}
