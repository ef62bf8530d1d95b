package org.chinaaikg.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled data keeps its promise: every fact traces to a claim with a quote, every entity is
 * described once with its labels, and every source is covered in depth.
 */
class DataTraceabilityTest {
    static final String ID = "https://w3id.org/china-ai-kg/id/";
    static final String KG = "https://w3id.org/china-ai-kg/ontology#";
    static final Path DATA = Path.of("data");

    static Map<Path, Model> statementFiles;
    static Model entities;
    static Model links;
    static Model all;

    @BeforeAll
    static void read() throws IOException {
        statementFiles = new TreeMap<>();
        try (Stream<Path> files = Files.list(DATA.resolve("statements"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".ttl")).sorted().toList()) {
                statementFiles.put(f, RDFDataMgr.loadModel(f.toString()));
            }
        }
        entities = ModelFactory.createDefaultModel();
        try (Stream<Path> files = Files.list(DATA.resolve("entities"))) {
            files.filter(p -> p.toString().endsWith(".ttl")).sorted().forEach(f -> RDFDataMgr.read(entities, f.toString()));
        }
        links = ModelFactory.createDefaultModel();
        try (Stream<Path> files = Files.list(DATA.resolve("links"))) {
            files.filter(p -> p.toString().endsWith(".ttl")).sorted().forEach(f -> RDFDataMgr.read(links, f.toString()));
        }
        all = ModelFactory.createDefaultModel().add(entities).add(links).add(RDFDataMgr.loadModel(DATA.resolve("documents.ttl").toString()));
        statementFiles.values().forEach(all::add);
    }

    private static Property kg(String local) {
        return ModelFactory.createDefaultModel().createProperty(KG + local);
    }

    private static final Property ABOUT = ModelFactory.createDefaultModel().createProperty("http://schema.org/about");
    private static final Resource MEMBERSHIP = ModelFactory.createDefaultModel().createResource("http://www.w3.org/ns/org#Membership");
    private static final Property MEMBER = ModelFactory.createDefaultModel().createProperty("http://www.w3.org/ns/org#member");
    private static final Property ORGANIZATION = ModelFactory.createDefaultModel().createProperty("http://www.w3.org/ns/org#organization");

    private static boolean isEntity(RDFNode n) {
        if (!n.isURIResource()) return false;
        String iri = n.asResource().getURI();
        return iri.startsWith(ID) && !iri.contains("#") && !iri.startsWith(ID + "claim/")
                && !iri.startsWith(ID + "source/") && !iri.startsWith(ID + "membership/");
    }

    @Test
    void everyFactBetweenEntitiesIsBackedByAClaimOfTheSameSource() {
        Set<String> untraced = new TreeSet<>();
        statementFiles.forEach((file, model) -> {
            for (Statement st : model.listStatements().toList()) {
                Resource s = st.getSubject();
                if (st.getPredicate().equals(RDF.type) || st.getPredicate().equals(kg("mentions"))) continue;
                List<Resource> ends;
                if (model.contains(s, RDF.type, MEMBERSHIP)) {
                    if (!st.getPredicate().equals(MEMBER)) continue; // one check per membership
                    ends = List.of(st.getObject().asResource(), model.getRequiredProperty(s, ORGANIZATION).getResource());
                } else if (isEntity(s) && isEntity(st.getObject())) {
                    ends = List.of(s, st.getObject().asResource());
                } else {
                    continue;
                }
                boolean backed = model.listSubjectsWithProperty(ABOUT, ends.get(0)).toList().stream()
                        .anyMatch(claim -> model.contains(claim, ABOUT, ends.get(1)) && model.contains(claim, kg("hasEvidence")));
                if (!backed) {
                    untraced.add(file.getFileName() + ": " + s.getURI().replace(ID, "") + " "
                            + st.getModel().shortForm(st.getPredicate().getURI()) + " " + ends.get(1).getURI().replace(ID, ""));
                }
            }
        });
        assertEquals(Set.of(), untraced, "facts with no claim about both ends in the same source file");
    }

    @Test
    void everyEntityUsedIsDescribedWithATypeAndOneEnglishLabel() {
        Set<String> undescribed = new TreeSet<>();
        for (Statement st : all.listStatements().toList()) {
            for (RDFNode n : List.of(st.getSubject(), st.getObject())) {
                if (!isEntity(n)) continue;
                Resource e = n.asResource();
                long english = entities.listObjectsOfProperty(e, RDFS.label).toList().stream()
                        .filter(l -> l.isLiteral() && "en".equals(l.asLiteral().getLanguage())).count();
                if (!entities.contains(e, RDF.type) || english != 1) {
                    undescribed.add(e.getURI().replace(ID, "") + " (types " + entities.listObjectsOfProperty(e, RDF.type).toList().size()
                            + ", English labels " + english + ")");
                }
            }
        }
        assertEquals(Set.of(), undescribed, "entities without a description in data/entities/");
    }

    @Test
    void entityFilesHoldDescriptionsOnly() {
        Set<Property> allowed = Set.of(RDF.type, RDFS.label, RDFS.comment, SKOS.altLabel, SKOS.prefLabel,
                SKOS.definition, SKOS.scopeNote, SKOS.note, SKOS.editorialNote, SKOS.broader, SKOS.inScheme);
        Set<String> relations = entities.listStatements().toList().stream()
                .filter(st -> !allowed.contains(st.getPredicate()))
                .filter(st -> !entities.contains(st.getSubject(), RDF.type, OWL2.Axiom)) // curators' notes on a label
                // each file's ontology header (its owl:imports of the ontology) is no relation between entities
                .filter(st -> !entities.contains(st.getSubject(), RDF.type, org.apache.jena.vocabulary.OWL2.Ontology))
                .map(st -> st.getSubject() + " " + st.getPredicate())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), relations, "data/entities/ is for labels and types; relations belong to a source's statement file");
    }

    @Test
    void eachSourceHasItsStatementFileWithClaimsAndMentions() {
        Resource sourceDocument = all.createResource(KG + "SourceDocument");
        List<Resource> sources = all.listSubjectsWithProperty(RDF.type, sourceDocument).toList();
        assertEquals(statementFiles.size(), sources.size(), "documents.ttl describes one source per statement file");
        for (Resource source : sources) {
            Model model = statementFiles.values().stream().filter(m -> m.contains(null, kg("statedIn"), source))
                    .findFirst().orElse(null);
            assertTrue(model != null, "no statement file states claims of " + source);
            long claims = model.listSubjectsWithProperty(kg("statedIn"), source).toList().size();
            long mentions = model.listObjectsOfProperty(source, kg("mentions")).toList().size();
            assertTrue(claims >= 15, source + " has only " + claims + " claims");
            assertTrue(mentions >= 10, source + " mentions only " + mentions + " entities");
        }
    }

    @Test
    void theGraphNamesWellOverAHundredEntitiesAndClaims() {
        long claims = all.listSubjectsWithProperty(RDF.type, all.createResource(KG + "Claim")).toList().size();
        long described = entities.listSubjectsWithProperty(RDF.type).toList().stream().filter(DataTraceabilityTest::isEntity).count();
        assertTrue(claims > 100, "claims: " + claims);
        assertTrue(described > 100, "entities: " + described);
    }

    @Test
    void everySpellingLeadsToTheSameResource() {
        Map<String, String> spellings = Map.of(
                "iFlytec", "org/iflytek", "iFLY TEK", "org/iflytek", "iFlyTek", "org/iflytek",
                "Sense time", "org/sensetime", "Minimax", "org/minimax", "CAC", "org/cyberspace-administration-of-china");
        spellings.forEach((spelling, iri) -> {
            Set<String> found = new TreeSet<>();
            entities.listStatements().forEachRemaining(st -> {
                if ((st.getPredicate().equals(RDFS.label) || st.getPredicate().equals(SKOS.altLabel))
                        && st.getObject().isLiteral() && st.getObject().asLiteral().getLexicalForm().equals(spelling)) {
                    found.add(st.getSubject().getURI().replace(ID, ""));
                }
            });
            assertEquals(Set.of(iri), found, "resources labelled \"" + spelling + "\"");
        });
    }

    @Test
    void claimLinksJoinClaimsThatExistAndSpanSources() {
        Set<String> dangling = new TreeSet<>();
        Set<String> sourcesLinked = new TreeSet<>();
        Resource claimClass = all.createResource(KG + "Claim");
        for (Property p : List.of(kg("corroborates"), kg("contradicts"))) {
            links.listStatements(null, p, (RDFNode) null).forEachRemaining(st -> {
                for (Resource c : List.of(st.getSubject(), st.getObject().asResource())) {
                    if (!all.contains(c, RDF.type, claimClass)) dangling.add(c.getURI());
                    all.listObjectsOfProperty(c, kg("statedIn")).forEachRemaining(d -> sourcesLinked.add(d.toString()));
                }
            });
        }
        assertEquals(Set.of(), dangling, "claim links naming claims that do not exist");
        assertTrue(links.listStatements(null, kg("contradicts"), (RDFNode) null).hasNext(), "no contradiction recorded");
        assertTrue(sourcesLinked.size() >= 3, "links should join claims of several sources: " + sourcesLinked);
    }
}
