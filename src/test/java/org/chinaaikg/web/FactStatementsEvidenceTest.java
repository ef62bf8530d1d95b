package org.chinaaikg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.chinaaikg.Fixtures;
import org.chinaaikg.vocab.Iris;
import org.chinaaikg.vocab.KG;
import org.chinaaikg.vocab.Prefixes;
import org.chinaaikg.vocab.SCHEMA;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * On the bundled data, over HTTP: the description of an entity, in every syntax of triples, gives each of its facts as
 * an {@code rdf:Statement} with {@code dcterms:source} its graph and {@code prov:wasDerivedFrom} exactly the claims that
 * the data files name for that fact ({@code owl:Axiom} + {@code kg:supportedBy}, in the same file), with each claim's
 * label; the axioms themselves do not come as loose fragments. TriG gives the axioms whole, in their graphs.
 * The expected claims are read from the files with plain Jena, never written here.
 */
@Tag("slow")
class FactStatementsEvidenceTest {
    static final String MINIMAX = Iris.ID + "org/minimax";
    static final String SHANGHAI = Iris.ID + "place/shanghai";
    static final String PROV_DERIVED = Prefixes.PROV + "wasDerivedFrom";
    static final Map<String, Lang> SYNTAXES = Map.of("text/turtle", Lang.TURTLE, "application/ld+json", Lang.JSONLD,
            "application/rdf+xml", Lang.RDFXML, "application/n-triples", Lang.NTRIPLES);

    @RegisterExtension
    static final ServerExtension server = ServerExtension.onBundledData();
    static Map<String, Model> graphs;

    @BeforeAll
    static void start() throws Exception {
        Fixtures.Project p = server.project();
        graphs = BundledProject.graphs(p);
    }


    /** The claims that the file of {@code graph} names for the fact (s, p, o), if that file states the fact. */
    static Set<String> claimsInData(String graph, Resource s, Resource p, RDFNode o) {
        Model g = graphs.get(graph);
        Set<String> claims = new TreeSet<>();
        if (!g.contains(s, g.createProperty(p.getURI()), o)) return claims;
        for (Resource axiom : g.listSubjectsWithProperty(OWL2.annotatedSource, s).toList()) {
            if (axiom.hasProperty(OWL2.annotatedProperty, p) && axiom.hasProperty(OWL2.annotatedTarget, o)) {
                axiom.listProperties(KG.supportedBy).forEach(st -> claims.add(st.getResource().getURI()));
            }
        }
        return claims;
    }

    static Model description(String path, String accept, Lang lang) throws Exception {
        HttpResponse<String> r = server.get(path, accept);
        assertEquals(200, r.statusCode(), accept + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(accept), r.headers().toString());
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(r.body()).lang(lang).base(server.base() + path).parse(m);
        return m;
    }

    /** The prov:wasDerivedFrom of the description's statements of (s, p, o) from {@code graph}. */
    static Set<String> derivedFrom(Model m, String graph, Resource s, Resource p, RDFNode o) {
        String q = """
                PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
                SELECT ?claim WHERE {
                  ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; <%s> ?g .
                  OPTIONAL { ?st <%s> ?claim }
                }""".formatted(DCTerms.source.getURI(), PROV_DERIVED);
        Set<String> claims = new TreeSet<>();
        boolean found = false;
        ParameterizedSparqlString pq = new ParameterizedSparqlString(q);
        pq.setParam("s", s);
        pq.setParam("p", p);
        pq.setParam("o", o);
        pq.setIri("g", graph);
        try (QueryExecution exec = QueryExecution.model(m).query(pq.asQuery()).build()) {
            ResultSet rs = exec.execSelect();
            while (rs.hasNext()) {
                QuerySolution row = rs.next();
                found = true;
                if (row.contains("claim")) claims.add(row.getResource("claim").getURI());
            }
        }
        assertTrue(found, "no rdf:Statement of " + s + " " + p + " " + o + " with dcterms:source " + graph);
        return claims;
    }

    @Test
    void minimaxInShanghaiComesWithItsClaimsInEverySyntaxOfTriples() throws Exception {
        String graph = Iris.GRAPH + "statements/001-global-times-wuzhen-2024";
        Model any = ModelFactory.createDefaultModel();
        Resource s = any.createResource(MINIMAX);
        Resource p = any.createResource(SCHEMA.location.getURI());
        Resource o = any.createResource(SHANGHAI);
        Set<String> expected = new TreeSet<>();
        String statedIn = null;
        for (String g : graphs.keySet()) {
            Set<String> claims = claimsInData(g, s, p, o);
            if (!claims.isEmpty()) {
                expected.addAll(claims);
                statedIn = g;
            }
        }
        assertFalse(expected.isEmpty(), "the data names no claim for minimax schema:location shanghai");
        assertEquals(graph, statedIn, "the fact and its axiom are in source 001's file");
        for (Map.Entry<String, Lang> syntax : SYNTAXES.entrySet()) {
            Model m = description("/id/org/minimax", syntax.getKey(), syntax.getValue());
            assertEquals(expected, derivedFrom(m, statedIn, s, p, o), syntax.getKey());
            for (String claim : expected) {
                assertTrue(m.getResource(claim).hasProperty(RDFS.label), syntax.getKey() + ": no label of " + claim);
            }
        }
    }

    @Test
    void everyFactOfMinimaxNamesTheClaimsItsFileNames() throws Exception {
        Model m = description("/id/org/minimax", "text/turtle", Lang.TURTLE);
        int annotated = 0;
        for (Map.Entry<String, Model> e : graphs.entrySet()) {
            Model g = e.getValue();
            for (Statement st : g.listStatements(g.getResource(MINIMAX), null, (RDFNode) null).toList()) {
                Set<String> expected = claimsInData(e.getKey(), st.getSubject(), st.getPredicate(), st.getObject());
                assertEquals(expected, derivedFrom(m, e.getKey(), st.getSubject(), st.getPredicate(), st.getObject()),
                        st + " in " + e.getKey());
                if (!expected.isEmpty()) annotated++;
            }
        }
        assertTrue(annotated >= 2, "minimax has annotated facts in the data: " + annotated);
    }

    @Test
    void theAxiomsDoNotComeAsLooseFragments() throws Exception {
        for (Map.Entry<String, Lang> syntax : SYNTAXES.entrySet()) {
            Model m = description("/id/org/minimax", syntax.getKey(), syntax.getValue());
            assertFalse(m.contains(null, OWL2.annotatedSource, (RDFNode) null), syntax.getKey() + ": owl:annotatedSource fragments");
            assertFalse(m.contains(null, OWL2.annotatedTarget, (RDFNode) null), syntax.getKey() + ": owl:annotatedTarget fragments");
        }
        String html = server.get("/id/org/minimax", "text/html").body();
        assertFalse(html.contains("annotated source") || html.contains("annotated target"), "axiom rows under Linked from");
    }

    @Test
    void trigCarriesEachFactsAxiomWholeInItsGraph() throws Exception {
        HttpResponse<String> r = server.get("/id/org/minimax.trig", null);
        assertEquals(200, r.statusCode());
        DatasetGraph quads = DatasetGraphFactory.createGeneral();
        RDFParser.fromString(r.body()).lang(Lang.TRIG).parse(quads);
        String graph = Iris.GRAPH + "statements/001-global-times-wuzhen-2024";
        Model g = ModelFactory.createModelForGraph(quads.getGraph(NodeFactory.createURI(graph)));
        Model data = graphs.get(graph);
        Resource s = data.getResource(MINIMAX);
        Set<String> expected = claimsInData(graph, s, SCHEMA.location, data.getResource(SHANGHAI));
        Set<String> served = new HashSet<>();
        for (Resource ax : g.listSubjectsWithProperty(OWL2.annotatedSource, g.getResource(MINIMAX)).toList()) {
            if (ax.hasProperty(OWL2.annotatedProperty, SCHEMA.location) && ax.hasProperty(OWL2.annotatedTarget, g.getResource(SHANGHAI))) {
                assertTrue(ax.hasProperty(RDF.type, OWL2.Axiom));
                ax.listProperties(KG.supportedBy).forEach(st -> served.add(st.getResource().getURI()));
            }
        }
        assertEquals(expected, new TreeSet<>(served));
    }
}
