package org.chinaaikg.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Guards the data fixes of the audit of issue 12 (every claim and relation read against the texts): what was read
 * into the texts stays out, and what the curators add is marked as theirs in the file that holds it, as an
 * {@code owl:Axiom} on the triple with a {@code kg:curatorNote}.
 */
class AuditFixesTest {
    static final String ID = "https://w3id.org/china-ai-kg/id/";
    static final String KG = "https://w3id.org/china-ai-kg/ontology#";
    static final Path DATA = Path.of("data");

    static final Property ABOUT = ResourceFactory.createProperty("http://schema.org/about");
    static final Property EXACT = ResourceFactory.createProperty("http://www.w3.org/ns/oa#exact");
    static final Property HAS_SELECTOR = ResourceFactory.createProperty("http://www.w3.org/ns/oa#hasSelector");

    /** Every data file, by its path under data/, read on its own. */
    static Map<String, Model> files;
    static Model all;

    @BeforeAll
    static void read() throws IOException {
        files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(DATA)) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".ttl")).sorted().toList()) {
                files.put(DATA.relativize(f).toString().replace('\\', '/'), RDFDataMgr.loadModel(f.toString()));
            }
        }
        all = ModelFactory.createDefaultModel();
        files.values().forEach(all::add);
    }

    static Property kg(String local) {
        return ResourceFactory.createProperty(KG + local);
    }

    static Resource id(String path) {
        return ResourceFactory.createResource(ID + path);
    }

    /** The curators' note on the triple (s, p, o), given in the same model as an owl:Axiom, or null. */
    static String curatorNote(Model m, Resource s, Property p, RDFNode o) {
        for (Resource axiom : m.listSubjectsWithProperty(OWL2.annotatedSource, s).toList()) {
            if (m.contains(axiom, RDF.type, OWL2.Axiom) && m.contains(axiom, OWL2.annotatedProperty, p)
                    && m.contains(axiom, OWL2.annotatedTarget, o)) {
                for (RDFNode note : m.listObjectsOfProperty(axiom, kg("curatorNote")).toList()) {
                    if (note.isLiteral() && !note.asLiteral().getLexicalForm().isBlank()) return note.asLiteral().getLexicalForm();
                }
            }
        }
        return null;
    }

    @Test
    void chatGlm6bHasNoParameterCountReadFromItsName() {
        Resource chatglm = id("model/chatglm-6b");
        assertFalse(all.contains(chatglm, kg("parameterCount")), "the text gives no parameter count for ChatGLM-6B");
        assertFalse(all.contains(id("claim/000-chatglm-6b-six-billion-parameters"), null, (RDFNode) null),
                "the claim that read 6 billion parameters from the name '-6B'");
        assertTrue(all.contains(chatglm, kg("developedBy"), id("org/tsinghua-university")), "what the text does say stays");
    }

    @Test
    void theTwoRegulationsOfSource000HaveNoIssuer() {
        for (String policy : List.of("regulations-algorithmic-recommendations-internet-information-services",
                "regulations-deep-synthesis-internet-information-services")) {
            Resource p = id("policy/" + policy);
            assertFalse(all.contains(p, kg("issuedBy")), policy + ": the text names no issuer");
            assertTrue(all.contains(p, kg("effectiveDate")), policy + ": its effective date, which the text gives, stays");
        }
    }

    @Test
    void theSocialCreditSentenceIsAForecast() {
        Resource claim = id("claim/002-social-credit-2014-2020");
        assertEquals(Set.of(KG + "Forecast"), objects(claim, kg("claimKind")),
                "'the advances in AI will help the system to be fully operational by 2020' predicts; it sets no target");
    }

    static final List<List<String>> REMOVED_LINKS = List.of(
            List.of("contradicts", "000-llms-genai-require-government-approval", "004-april-draft-registration"),
            List.of("contradicts", "002-us-leader-another-decade", "001-zhou-leading-position"),
            List.of("corroborates", "002-ngaidp-published-2017", "003-party-plan-2030"),
            List.of("corroborates", "000-llms-genai-require-government-approval", "004-cac-insider-prior-approval"),
            List.of("corroborates", "002-bat-number-ones", "000-figure1-internet-giants-baidu-alibaba-tencent"),
            List.of("corroborates", "002-followed-by-iflytek-sensetime", "000-figure1-ai-companies-sensetime-iflytek"),
            List.of("corroborates", "004-april-draft-registration", "001-models-registered-cac-197"));

    static final List<List<String>> ADDED_LINKS = List.of(
            List.of("corroborates", "000-internet-giants-core-big-model-development", "000-figure1-internet-giants-strong-ai-foundation"),
            List.of("corroborates", "000-china-course-world-leader-ai", "003-china-determined-ai-leader"),
            List.of("corroborates", "002-ranked-second-after-us", "001-china-us-lead-wid-report"),
            List.of("corroborates", "000-regulations-on-ai-companies-increasing", "004-strict-regulations-penalties"),
            List.of("corroborates", "000-regulations-government-commitment-innovation-risk", "004-beijing-balance"),
            List.of("corroborates", "002-privacy-laws-not-barrier", "003-no-strict-data-privacy-laws"),
            List.of("corroborates", "002-facial-recognition-1-4-billion-photos", "003-track-1-4-billion"),
            List.of("corroborates", "004-china-ai-surveillance", "003-track-1-4-billion"),
            List.of("corroborates", "002-facial-recognition-1-4-billion-photos", "004-china-ai-surveillance"),
            List.of("corroborates", "002-1-4-billion-residents", "003-track-1-4-billion"),
            List.of("contradicts", "002-1-4-billion-residents", "003-face-plus-plus-police-1-3bn"));

    static boolean linked(String property, String a, String b) {
        Property p = kg(property);
        Resource ca = id("claim/" + a);
        Resource cb = id("claim/" + b);
        return all.contains(ca, p, cb) || all.contains(cb, p, ca);
    }

    @Test
    void linksTheTextsDoNotSupportAreGone() {
        Set<String> present = new TreeSet<>();
        for (List<String> link : REMOVED_LINKS) {
            if (linked(link.get(0), link.get(1), link.get(2))) present.add(String.join(" ", link));
        }
        assertEquals(Set.of(), present, "links the audit found unsupported by the texts");
    }

    @Test
    void linksTheTextsSupportAreRecorded() {
        Set<String> missing = new TreeSet<>();
        for (List<String> link : ADDED_LINKS) {
            if (!linked(link.get(0), link.get(1), link.get(2))) missing.add(String.join(" ", link));
        }
        assertEquals(Set.of(), missing, "links the texts support (same quantity, event or assertion)");
    }

    @Test
    void everyLinkSaysWhyInAComment() throws IOException {
        List<String> lines = Files.readAllLines(DATA.resolve("links/claim-links.ttl"));
        Set<String> unexplained = new TreeSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("claim:") && (line.contains(" kg:corroborates ") || line.contains(" kg:contradicts "))
                    && (i == 0 || !lines.get(i - 1).startsWith("#"))) {
                unexplained.add(line);
            }
        }
        assertEquals(Set.of(), unexplained, "each link in claim-links.ttl follows a comment giving its reason");
    }

    @Test
    void everyContradictionHasAnEditorialNote() {
        Set<String> bare = new TreeSet<>();
        all.listStatements(null, kg("contradicts"), (RDFNode) null).forEachRemaining(st -> {
            Resource a = st.getSubject();
            Resource b = st.getObject().asResource();
            if (!all.contains(a, org.apache.jena.vocabulary.SKOS.editorialNote) && !all.contains(b, org.apache.jena.vocabulary.SKOS.editorialNote)) {
                bare.add(a.getURI().replace(ID, "") + " / " + b.getURI().replace(ID, ""));
            }
        });
        assertEquals(Set.of(), bare, "contradictions whose claims carry no editorial note on the pair");
    }

    @Test
    void readmeCountsTheLinksThereAre() throws IOException {
        String readme = Files.readString(DATA.resolve("README.md"));
        Matcher m = Pattern.compile("records\\s+(\\d+)\\s+corroborations\\s+and\\s+(\\d+)\\s+contradictions").matcher(readme);
        assertTrue(m.find(), "data/README.md states how many links there are");
        long corroborations = all.listStatements(null, kg("corroborates"), (RDFNode) null).toList().size();
        long contradictions = all.listStatements(null, kg("contradicts"), (RDFNode) null).toList().size();
        assertEquals(corroborations, Long.parseLong(m.group(1)), "corroborations in data/README.md");
        assertEquals(contradictions, Long.parseLong(m.group(2)), "contradictions in data/README.md");
        Matcher total = Pattern.compile("\\| \\*\\*all\\*\\* \\| \\| \\*\\*(\\d+)\\*\\*").matcher(readme);
        assertTrue(total.find(), "data/README.md gives the number of claims");
        long claims = all.listSubjectsWithProperty(RDF.type, all.createResource(KG + "Claim")).toList().size();
        assertEquals(claims, Long.parseLong(total.group(1)), "claims in data/README.md");
    }

    @Test
    void noSourceIsTypedStateAffiliated() {
        Model documents = files.get("documents.ttl");
        Set<String> kinds = new TreeSet<>();
        documents.listObjectsOfProperty(kg("sourceKind")).forEachRemaining(k -> kinds.add(k.toString()));
        assertFalse(kinds.contains(KG + "StateAffiliatedNewsMedia"), "neither 001's text nor the corpus README says so: " + kinds);
        assertFalse(Files.exists(Path.of("ontology", "china-ai-kg.ttl")) && kinds.stream().anyMatch(k -> {
            Model ontology = RDFDataMgr.loadModel(Path.of("ontology", "china-ai-kg.ttl").toString());
            return ontology.listObjectsOfProperty(ResourceFactory.createResource(k), RDFS.label).toList().stream()
                    .anyMatch(l -> l.toString().toLowerCase().contains("state-affiliated"));
        }), "a source kind labelled state-affiliated");
    }

    @Test
    void dateReasonsCiteOnlyWhatTheArticlesSay() {
        Model documents = files.get("documents.ttl");
        String tendulkar = reason(documents, "source/china-ai-marathon-tendulkar");
        assertFalse(tendulkar.contains("'last year'"), "003 does not date its 'last year' episode (the books): " + tendulkar);
        String boom = reason(documents, "source/ai-boom-caught-china-by-surprise");
        assertFalse(boom.toLowerCase().contains("advertisement") || boom.toLowerCase().contains("cryptocurrenc"),
                "004's date is not taken from the advertisement: " + boom);
    }

    static String reason(Model m, String source) {
        return m.getRequiredProperty(id(source), kg("dateInferenceReason")).getString();
    }

    @Test
    void everySourceKindIsMarkedAsTheCurators() {
        Model documents = files.get("documents.ttl");
        Set<String> unmarked = new TreeSet<>();
        documents.listStatements(null, kg("sourceKind"), (RDFNode) null).forEachRemaining(st -> {
            if (curatorNote(documents, st.getSubject(), st.getPredicate(), st.getObject()) == null) unmarked.add(st.getSubject().getURI());
        });
        assertEquals(5, documents.listStatements(null, kg("sourceKind"), (RDFNode) null).toList().size(), "five documents, one kind each");
        assertEquals(Set.of(), unmarked, "source kinds without a curator note axiom in documents.ttl");
    }

    @Test
    void everyChineseLabelIsMarkedAsTheCurators() {
        Set<String> unmarked = new TreeSet<>();
        int chinese = 0;
        for (Map.Entry<String, Model> file : files.entrySet()) {
            if (!file.getKey().startsWith("entities/")) continue;
            Model m = file.getValue();
            for (Statement st : m.listStatements(null, RDFS.label, (RDFNode) null).toList()) {
                if (!st.getObject().isLiteral() || !"zh".equals(st.getLiteral().getLanguage())) continue;
                chinese++;
                if (curatorNote(m, st.getSubject(), RDFS.label, st.getObject()) == null) {
                    unmarked.add(file.getKey() + ": " + st.getSubject().getURI().replace(ID, "") + " " + st.getLiteral().getLexicalForm());
                }
            }
        }
        assertTrue(chinese >= 15, "the Chinese labels of data/entities/: " + chinese);
        assertEquals(Set.of(), unmarked, "Chinese labels (no source gives them) without a curator note axiom in their file");
    }

    static final Set<XSDDatatype> DATES = Set.of(XSDDatatype.XSDgYear, XSDDatatype.XSDgYearMonth, XSDDatatype.XSDdate);

    /**
     * A year or date on a claim or an entity is one the text gives: it is in the quote of that claim, or of a claim
     * of the same file about that entity. Otherwise the curators read it from elsewhere (a neighbouring sentence,
     * the document's date), and say so in a note on the triple.
     */
    @Test
    void everyYearNotInAQuoteIsMarkedAsInferred() {
        Set<String> unmarked = new TreeSet<>();
        int dated = 0;
        for (Map.Entry<String, Model> file : files.entrySet()) {
            if (!file.getKey().startsWith("statements/")) continue;
            Model m = file.getValue();
            for (Statement st : m.listStatements().toList()) {
                if (!st.getObject().isLiteral() || !DATES.contains(st.getLiteral().getDatatype())) continue;
                if (st.getSubject().isAnon()) continue;
                dated++;
                String year = st.getLiteral().getLexicalForm().substring(0, 4);
                Set<Resource> claims = new java.util.HashSet<>(m.listSubjectsWithProperty(ABOUT, st.getSubject()).toList());
                claims.add(st.getSubject());
                String iri = st.getSubject().getURI();
                if (iri.contains("#")) claims.add(m.createResource(iri.substring(0, iri.indexOf('#')))); // a claim's #q1
                boolean quoted = claims.stream().anyMatch(c -> quotes(m, c).stream().anyMatch(q -> q.contains(year)));
                if (!quoted && curatorNote(m, st.getSubject(), st.getPredicate(), st.getObject()) == null) {
                    unmarked.add(file.getKey() + ": " + st.getSubject().getURI().replace(ID, "") + " "
                            + m.shortForm(st.getPredicate().getURI()) + " " + st.getLiteral().getLexicalForm());
                }
            }
        }
        assertTrue(dated > 30, "dated triples in the statement files: " + dated);
        assertEquals(Set.of(), unmarked, "years the quotes do not give, without a curator note saying where they come from");
    }

    static List<String> quotes(Model m, Resource claim) {
        return m.listObjectsOfProperty(claim, kg("hasEvidence")).toList().stream()
                .flatMap(e -> m.listObjectsOfProperty(e.asResource(), HAS_SELECTOR).toList().stream())
                .flatMap(s -> m.listObjectsOfProperty(s.asResource(), EXACT).toList().stream())
                .map(l -> ((Literal) l).getLexicalForm()).toList();
    }

    @Test
    void noClaimStatementFillsInAYearTheTextLeavesOut() {
        String wang = all.getRequiredProperty(id("claim/004-wang-xiaochuan-own-openai"), kg("statement")).getString();
        assertFalse(wang.contains("2023"), "004 says 'in February of this year', not 2023: " + wang);
    }

    static Set<String> objects(Resource s, Property p) {
        Set<String> out = new TreeSet<>();
        all.listObjectsOfProperty(s, p).forEachRemaining(o -> out.add(o.toString()));
        return out;
    }
}
