package org.chinaaikg.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.junit.jupiter.api.Test;

/** The SHACL shapes accept the bundled data and reject broken data with a report a person can act on. */
class ShapesTest {

    private static final String PREFIXES = """
            @prefix kg: <https://w3id.org/china-ai-kg/ontology#> .
            @prefix oa: <http://www.w3.org/ns/oa#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            @prefix schema: <http://schema.org/> .
            @prefix dcterms: <http://purl.org/dc/terms/> .
            @prefix id: <https://w3id.org/china-ai-kg/id/> .
            """;

    private static ValidationReport validate(Model data) {
        Shapes shapes = Shapes.parse(RDFDataMgr.loadGraph(ProjectFiles.SHAPES.toString()));
        Model union = ModelFactory.createUnion(data, ProjectFiles.ontology());
        return ShaclValidator.get().validate(shapes, union.getGraph());
    }

    private static Model turtle(String body) {
        Model m = ModelFactory.createDefaultModel();
        RDFDataMgr.read(m, new StringReader(PREFIXES + body), null, Lang.TURTLE);
        return m;
    }

    private static String messages(ValidationReport report) {
        return report.getEntries().stream()
                .map(e -> e.focusNode() + " " + e.resultPath() + " " + e.message())
                .collect(Collectors.joining("\n"));
    }

    @Test
    void bundledDataConforms() {
        ValidationReport report = validate(ProjectFiles.data());
        assertTrue(report.conforms(), "SHACL violations in data/:\n" + messages(report));
    }

    @Test
    void claimWithoutEvidenceOrKindIsReportedWithItsIriAndTheRule() {
        ValidationReport report = validate(turtle("""
                <https://w3id.org/china-ai-kg/id/claim/x> a kg:Claim ; rdfs:label "x"@en ;
                    schema:about <https://w3id.org/china-ai-kg/id/place/china> .
                """));
        assertFalse(report.conforms());
        String text = messages(report);
        assertTrue(text.contains("https://w3id.org/china-ai-kg/id/claim/x"), text);
        assertTrue(text.contains("a claim has evidence"), text);
        assertTrue(text.contains("a claim has exactly one kind"), text);
        assertTrue(text.contains("a claim is stated in exactly one source document"), text);
    }

    @Test
    void sourceWithUpperCaseDigestAndNoKindIsRejected() {
        ValidationReport report = validate(turtle("""
                <https://w3id.org/china-ai-kg/id/source/s> a kg:SourceDocument ; dcterms:title "S"@en ;
                    dcterms:issued "2024-01-01"^^xsd:date ;
                    kg:sha256 "D9FE1E3FF470453D3353AC6A02759B19E17436AEA4A6EB3E9FAEA630FA9F5ACC" .
                """));
        String text = messages(report);
        assertTrue(text.contains("kg:sha256: 64 lower-case hex digits"), text);
        assertTrue(text.contains("exactly one kind from kg:SourceKindScheme"), text);
    }

    @Test
    void modelWithoutDeveloperAndDateOfWrongTypeAreRejected() {
        ValidationReport report = validate(turtle("""
                <https://w3id.org/china-ai-kg/id/model/m> a kg:AIModel ; rdfs:label "M"@en ;
                    kg:releaseDate "July 2023" .
                """));
        List<String> paths = report.getEntries().stream().map(e -> String.valueOf(e.resultPath())).toList();
        String text = messages(report);
        assertTrue(text.contains("every AI model has a developer"), text);
        assertTrue(paths.stream().anyMatch(p -> p.contains("releaseDate")), text);
    }

    @Test
    void evidenceWithOffsetsReversedIsRejected() {
        ValidationReport report = validate(turtle("""
                <https://w3id.org/china-ai-kg/id/claim/x#position> a oa:TextPositionSelector ; oa:start 20 ; oa:end 10 .
                """));
        assertEquals(1, report.getEntries().size(), messages(report));
        assertTrue(messages(report).contains("less than its oa:end"), messages(report));
    }
}
