package org.chinaaikg.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.Test;
import org.semanticweb.HermiT.ReasonerFactory;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.formats.RDFDocumentFormat;
import org.semanticweb.owlapi.io.RDFParserMetaData;
import org.semanticweb.owlapi.io.StreamDocumentSource;
import org.semanticweb.owlapi.model.OWLClass;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.model.MissingImportHandlingStrategy;
import org.semanticweb.owlapi.model.OWLOntologyLoaderConfiguration;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileReport;
import org.semanticweb.owlapi.reasoner.OWLReasoner;

/**
 * What Protégé does when it opens the ontology, done with the same libraries (OWL API 5 and HermiT):
 * the file parses with no unparsed triples and no missing import, it is in the OWL 2 DL profile, and
 * HermiT finds it consistent with no unsatisfiable class. The same holds with all instance data added.
 */
class OntologyOpensInProtegeTest {

    @Test
    void ontologyAloneIsCleanOwl2DlAndConsistent() throws Exception {
        // The file itself, byte for byte, as Protégé would open it.
        assertOpensCleanly(Files.readAllBytes(ProjectFiles.ONTOLOGY), "ontology");
    }

    @Test
    void ontologyWithAllDataIsCleanOwl2DlAndConsistent() throws Exception {
        // Merged with Jena: the data files' own ontology headers (each imports the ontology, which is
        // merged in here) are left out; DataOpensInProtegeTest opens each file with its header.
        Model data = ProjectFiles.data();
        data.listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type, org.apache.jena.vocabulary.OWL2.Ontology).toList()
                .forEach(h -> data.removeAll(h, null, (org.apache.jena.rdf.model.RDFNode) null));
        Model all = ProjectFiles.ontology().add(data);
        ByteArrayOutputStream turtle = new ByteArrayOutputStream();
        RDFDataMgr.write(turtle, all, Lang.TURTLE);
        assertOpensCleanly(turtle.toByteArray(), "ontology + data");
    }

    private static void assertOpensCleanly(byte[] turtle, String what) throws Exception {
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        // Protégé fails loudly on an import it cannot resolve offline; so do we.
        OWLOntologyLoaderConfiguration config = new OWLOntologyLoaderConfiguration()
                .setMissingImportHandlingStrategy(MissingImportHandlingStrategy.THROW_EXCEPTION);
        OWLOntology ontology = manager.loadOntologyFromOntologyDocument(
                new StreamDocumentSource(new ByteArrayInputStream(turtle)), config);

        RDFDocumentFormat format = (RDFDocumentFormat) manager.getOntologyFormat(ontology);
        RDFParserMetaData meta = (RDFParserMetaData) format.getOntologyLoaderMetaData().orElseThrow();
        List<String> unparsed = meta.getUnparsedTriples().map(Object::toString).sorted().toList();
        assertEquals(List.of(), unparsed, what + ": triples the OWL API could not parse");

        OWLProfileReport report = new OWL2DLProfile().checkOntology(ontology);
        assertTrue(report.isInProfile(), what + ": OWL 2 DL profile violations:\n"
                + report.getViolations().stream().limit(30).map(Object::toString).collect(Collectors.joining("\n")));

        OWLReasoner hermit = new ReasonerFactory().createReasoner(ontology);
        try {
            assertTrue(hermit.isConsistent(), what + ": HermiT finds the ontology inconsistent");
            List<String> unsatisfiable = hermit.getUnsatisfiableClasses().getEntitiesMinusBottom().stream()
                    .map(OWLClass::toString).sorted().toList();
            assertEquals(List.of(), unsatisfiable, what + ": unsatisfiable classes");
        } finally {
            hermit.dispose();
        }
    }
}
