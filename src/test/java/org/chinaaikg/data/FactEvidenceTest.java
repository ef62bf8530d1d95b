package org.chinaaikg.data;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
 * Every fact of a statement file names, in the same file, the claim or claims whose quote states it:
 * an {@code owl:Axiom} with {@code owl:annotatedSource}, {@code owl:annotatedProperty},
 * {@code owl:annotatedTarget} (the fact) and {@code kg:supportedBy} (each claim).
 *
 * <p>A fact is every triple of a statement file whose subject is an instance (an IRI of {@code …/id/}
 * that is not a claim, a source or a hash node such as a claim's evidence), other than its type, its
 * labels and {@code kg:mentions}: relations between two instances and the dated, numeric and textual
 * values on an instance (release dates, start and end dates, parameter counts, role titles, a
 * membership's member, organization and role).
 *
 * <p>A supporting claim's quote must contain a spelling ({@code rdfs:label}, {@code skos:altLabel} or
 * {@code skos:prefLabel}, any language, any case) of one end of the fact (a membership is spelled by
 * its member and its organization; a literal by its lexical form), unless the claim carries a
 * {@code kg:curatorNote} that says how the quote names it.
 */
class FactEvidenceTest {
    static final String ID = "https://w3id.org/china-ai-kg/id/";
    static final String KG = "https://w3id.org/china-ai-kg/ontology#";
    static final String OA = "http://www.w3.org/ns/oa#";
    static final String ORG = "http://www.w3.org/ns/org#";
    static final Path DATA = Path.of("data");

    static final Model M = ModelFactory.createDefaultModel();
    static final Property SUPPORTED_BY = M.createProperty(KG + "supportedBy");
    static final Property CURATOR_NOTE = M.createProperty(KG + "curatorNote");
    static final Property MENTIONS = M.createProperty(KG + "mentions");
    static final Property HAS_EVIDENCE = M.createProperty(KG + "hasEvidence");
    static final Resource CLAIM = M.createResource(KG + "Claim");
    static final Property HAS_SELECTOR = M.createProperty(OA + "hasSelector");
    static final Property EXACT = M.createProperty(OA + "exact");
    static final Resource MEMBERSHIP = M.createResource(ORG + "Membership");
    static final Property MEMBER = M.createProperty(ORG + "member");
    static final Property ORGANIZATION = M.createProperty(ORG + "organization");
    static final Set<Property> NOT_FACTS = Set.of(RDF.type, RDFS.label, SKOS.altLabel, SKOS.prefLabel, RDFS.comment,
            MENTIONS, CURATOR_NOTE);

    static Map<Path, Model> statementFiles;
    /** Entity descriptions and the ontology: where the spellings are. */
    static Model labels;

    @BeforeAll
    static void read() throws IOException {
        statementFiles = new TreeMap<>();
        try (Stream<Path> files = Files.list(DATA.resolve("statements"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".ttl")).sorted().toList()) {
                statementFiles.put(f, RDFDataMgr.loadModel(f.toString()));
            }
        }
        labels = ModelFactory.createDefaultModel();
        try (Stream<Path> files = Files.list(DATA.resolve("entities"))) {
            files.filter(p -> p.toString().endsWith(".ttl")).sorted().forEach(f -> RDFDataMgr.read(labels, f.toString()));
        }
        RDFDataMgr.read(labels, Path.of("ontology", "china-ai-kg.ttl").toString());
    }

    static boolean isInstance(RDFNode n) {
        if (!n.isURIResource()) return false;
        String iri = n.asResource().getURI();
        return iri.startsWith(ID) && !iri.contains("#") && !iri.startsWith(ID + "claim/") && !iri.startsWith(ID + "source/");
    }

    static List<Statement> facts(Model model) {
        return model.listStatements().toList().stream()
                .filter(st -> isInstance(st.getSubject()) && !NOT_FACTS.contains(st.getPredicate()) && !st.getObject().isAnon())
                .toList();
    }

    static String show(Model model, Statement st) {
        RDFNode o = st.getObject();
        return model.shortForm(st.getSubject().getURI()) + " " + model.shortForm(st.getPredicate().getURI()) + " "
                + (o.isURIResource() ? model.shortForm(o.asResource().getURI()) : o.asLiteral().getLexicalForm());
    }

    /** The claims that the file's owl:Axiom annotations name for a triple. */
    static Set<Resource> supporters(Model model, Resource s, Property p, RDFNode o) {
        Set<Resource> claims = new HashSet<>();
        for (Resource ax : model.listSubjectsWithProperty(RDF.type, OWL2.Axiom).toList()) {
            if (model.contains(ax, OWL2.annotatedSource, s) && model.contains(ax, OWL2.annotatedProperty, p)
                    && model.contains(ax, OWL2.annotatedTarget, o)) {
                model.listObjectsOfProperty(ax, SUPPORTED_BY).forEachRemaining(c -> claims.add(c.asResource()));
            }
        }
        return claims;
    }

    static Set<String> spellings(Model model, RDFNode n) {
        Set<String> out = new HashSet<>();
        if (n.isLiteral()) {
            out.add(n.asLiteral().getLexicalForm());
            return out;
        }
        Resource r = n.asResource();
        if (model.contains(r, RDF.type, MEMBERSHIP)) {
            model.listObjectsOfProperty(r, MEMBER).forEachRemaining(x -> out.addAll(spellings(model, x)));
            model.listObjectsOfProperty(r, ORGANIZATION).forEachRemaining(x -> out.addAll(spellings(model, x)));
            return out;
        }
        for (Model m : List.of(model, labels)) {
            for (Property p : List.of(RDFS.label, SKOS.altLabel, SKOS.prefLabel)) {
                m.listObjectsOfProperty(r, p).forEachRemaining(l -> {
                    if (l.isLiteral()) out.add(l.asLiteral().getLexicalForm());
                });
            }
        }
        return out;
    }

    static List<String> quotes(Model model, Resource claim) {
        List<String> out = new ArrayList<>();
        model.listObjectsOfProperty(claim, HAS_EVIDENCE).forEachRemaining(ev ->
                model.listObjectsOfProperty(ev.asResource(), HAS_SELECTOR).forEachRemaining(sel ->
                        model.listObjectsOfProperty(sel.asResource(), EXACT).forEachRemaining(x -> out.add(x.asLiteral().getLexicalForm()))));
        return out;
    }

    /** The first few of a long list, one a line. */
    static String first(Set<String> items) {
        return items.stream().limit(25).map(x -> "\n  " + x).reduce("", String::concat) + (items.size() > 25 ? "\n  …" : "");
    }

    @Test
    void everyFactNamesAClaimOfItsFile() {
        Set<String> unsupported = new TreeSet<>();
        int facts = 0;
        for (var e : statementFiles.entrySet()) {
            Model model = e.getValue();
            for (Statement st : facts(model)) {
                facts++;
                if (supporters(model, st.getSubject(), st.getPredicate(), st.getObject()).isEmpty()) {
                    unsupported.add(e.getKey().getFileName() + ": " + show(model, st));
                }
            }
        }
        assertTrue(facts > 200, "facts found in the statement files: " + facts);
        assertTrue(unsupported.isEmpty(), unsupported.size() + " of " + facts + " facts name no claim (kg:supportedBy on an owl:Axiom) of their file: " + first(unsupported));
    }

    @Test
    void everyAxiomNamesATripleOfItsFileAndClaimsOfItsFile() {
        Set<String> wrong = new TreeSet<>();
        int axioms = 0;
        for (var e : statementFiles.entrySet()) {
            Model model = e.getValue();
            String file = e.getKey().getFileName() + ": ";
            for (Resource ax : model.listSubjectsWithProperty(RDF.type, OWL2.Axiom).toList()) {
                axioms++;
                List<RDFNode> s = model.listObjectsOfProperty(ax, OWL2.annotatedSource).toList();
                List<RDFNode> p = model.listObjectsOfProperty(ax, OWL2.annotatedProperty).toList();
                List<RDFNode> o = model.listObjectsOfProperty(ax, OWL2.annotatedTarget).toList();
                if (s.size() != 1 || p.size() != 1 || o.size() != 1 || !s.get(0).isResource() || !p.get(0).isURIResource()) {
                    wrong.add(file + "axiom " + ax + " needs one source, one property and one target");
                    continue;
                }
                Property prop = model.createProperty(p.get(0).asResource().getURI());
                if (!model.contains(s.get(0).asResource(), prop, o.get(0))) {
                    wrong.add(file + "axiom names a triple not in the file: " + s.get(0) + " " + prop + " " + o.get(0));
                }
                List<RDFNode> claims = model.listObjectsOfProperty(ax, SUPPORTED_BY).toList();
                boolean curators = model.contains(ax, CURATOR_NOTE, (RDFNode) null);
                if (claims.isEmpty() && !curators) wrong.add(file + "axiom on " + s.get(0) + " " + prop + " names no claim and no curator's note");
                for (RDFNode c : claims) {
                    if (!c.isURIResource() || !model.contains(c.asResource(), RDF.type, CLAIM)) {
                        wrong.add(file + "kg:supportedBy " + c + " is not a kg:Claim of this file");
                    }
                }
            }
        }
        assertTrue(axioms > 0, "no owl:Axiom in the statement files");
        assertTrue(wrong.isEmpty(), wrong.size() + " owl:Axiom annotations that do not hold: " + first(wrong));
    }

    @Test
    void everySupportingQuoteSpellsAnEndOfTheFactOrSaysWhyNot() {
        Set<String> unspelled = new TreeSet<>();
        for (var e : statementFiles.entrySet()) {
            Model model = e.getValue();
            for (Statement st : facts(model)) {
                Set<String> ends = new HashSet<>(spellings(model, st.getSubject()));
                ends.addAll(spellings(model, st.getObject()));
                for (Resource claim : supporters(model, st.getSubject(), st.getPredicate(), st.getObject())) {
                    if (model.contains(claim, CURATOR_NOTE)) continue;
                    boolean spelled = quotes(model, claim).stream().map(q -> q.toLowerCase(Locale.ROOT))
                            .anyMatch(q -> ends.stream().anyMatch(sp -> !sp.isBlank() && q.contains(sp.toLowerCase(Locale.ROOT))));
                    if (!spelled) {
                        unspelled.add(e.getKey().getFileName() + ": " + show(model, st) + " <- " + model.shortForm(claim.getURI()));
                    }
                }
            }
        }
        assertTrue(unspelled.isEmpty(), unspelled.size() + " supporting quotes spell neither end of their fact and carry no kg:curatorNote: " + first(unspelled));
    }

    @Test
    void evidenceNodesAndMembershipsSayWhoseTheyAre() {
        Set<String> unlabelled = new TreeSet<>();
        Set<Resource> kinds = Set.of(M.createResource(OA + "SpecificResource"), M.createResource(OA + "TextQuoteSelector"),
                M.createResource(OA + "TextPositionSelector"), MEMBERSHIP, M.createResource("http://schema.org/QuantitativeValue"));
        for (var e : statementFiles.entrySet()) {
            Model model = e.getValue();
            for (Resource kind : kinds) {
                for (Resource n : model.listSubjectsWithProperty(RDF.type, kind).toList()) {
                    boolean english = model.listObjectsOfProperty(n, RDFS.label).toList().stream()
                            .anyMatch(l -> l.isLiteral() && "en".equals(l.asLiteral().getLanguage()));
                    if (!english) unlabelled.add(e.getKey().getFileName() + ": " + n);
                }
            }
        }
        assertTrue(unlabelled.isEmpty(), unlabelled.size() + " evidence, selector, quantity and membership nodes without an English rdfs:label: " + first(unlabelled));
    }
}
