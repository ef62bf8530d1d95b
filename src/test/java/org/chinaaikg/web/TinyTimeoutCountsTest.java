package org.chinaaikg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.VOID;
import org.chinaaikg.Fixtures;
import org.chinaaikg.store.Derived;
import org.chinaaikg.vocab.Iris;
import org.chinaaikg.vocab.KG;
import org.chinaaikg.vocab.Prefixes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The counts behind the home page, VoID and the service description come from {@code load}, not from queries run on
 * a request: a server whose query timeout is 1 ms (every whole-store query would be cancelled) still draws them, with
 * the figures the data files hold.
 */
class TinyTimeoutCountsTest {
    @RegisterExtension
    static final ServerExtension server = ServerExtension.onBundledData("--timeout", "0.001");
    static Map<String, Model> graphs;
    static Resource dataset;

    @BeforeAll
    static void start() throws Exception {
        Fixtures.Project p = server.project();
        graphs = BundledProject.graphs(p);
        dataset = graphs.get(Iris.GRAPH + "dataset").getResource(Iris.DATASET);
    }


    static Model turtle(HttpResponse<String> r) {
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(r.body()).lang(Lang.TURTLE).parse(m);
        return m;
    }

    @Test
    void homePageAnswersWithTheCountsOfTheData() throws Exception {
        HttpResponse<String> r = server.get("/", "text/html");
        assertEquals(200, r.statusCode(), r.body());
        String html = r.body();
        assertTrue(html.contains("<th>Triples</th><td>" + BundledProject.triples(graphs) + "</td>"), html);
        assertTrue(html.contains("<th>Claims</th><td>" + BundledProject.instances(graphs, KG.Claim) + "</td>"), "claims");
        Matcher sources = Pattern.compile("(?s)<table id=\"sources\">(.*?)</table>").matcher(html);
        assertTrue(sources.find(), "the table of claims by source");
        assertEquals(BundledProject.documents(graphs), sources.group(1).split("claims</td></tr>", -1).length - 1,
                "one row per source document: " + sources.group(1));
        Resource license = dataset.getRequiredProperty(DCTerms.license).getResource();
        assertTrue(html.contains("<h1>" + dataset.getRequiredProperty(DCTerms.title).getString() + "</h1>"), "title from data/dataset.ttl");
        assertTrue(html.contains("<a rel=\"license\" href=\"" + license.getURI() + "\">" + license.getRequiredProperty(RDFS.label).getString() + "</a>"),
                "licence from data/dataset.ttl");
    }

    @Test
    void voidAnswersWithTheCountsOfTheData() throws Exception {
        HttpResponse<String> r = server.get("/.well-known/void", "text/turtle");
        assertEquals(200, r.statusCode(), r.body());
        Model m = turtle(r);
        Resource ds = m.getResource(Iris.BASE + "void#dataset");
        assertEquals(BundledProject.triples(graphs), ds.getRequiredProperty(VOID.triples).getLong());
        for (Property p : new Property[] {DCTerms.title, DCTerms.description, DCTerms.license}) {
            assertEquals(dataset.getRequiredProperty(p).getObject(), ds.getRequiredProperty(p).getObject(), "from data/dataset.ttl: " + p);
        }
        assertEquals(graphs.size() + 1, m.listObjectsOfProperty(ds, VOID.subset).toList().size(), "one subset per named graph: each file's and the entailments'");
        Property derivedFrom = m.createProperty(Prefixes.PROV + "wasDerivedFrom");
        assertEquals(BundledProject.documents(graphs), m.listObjectsOfProperty(derivedFrom).toList().size(),
                "one statement graph per source document");
    }

    @Test
    void serviceDescriptionAnswersWithTheCountsOfTheData() throws Exception {
        HttpResponse<String> r = server.get("/kg/sparql", "text/turtle");
        assertEquals(200, r.statusCode(), r.body());
        Model m = turtle(r);
        Property sd = m.createProperty(Prefixes.SD + "defaultGraph");
        Resource defaultGraph = m.listObjectsOfProperty(sd).next().asResource();
        assertEquals(BundledProject.triples(graphs), defaultGraph.getRequiredProperty(VOID.triples).getLong());
        assertEquals(graphs.size() + 1, m.listObjectsOfProperty(m.createProperty(Prefixes.SD + "namedGraph")).toList().size());
        assertEquals(dataset.getRequiredProperty(DCTerms.title).getObject(),
                m.getResource(Iris.DATASET).getRequiredProperty(DCTerms.title).getObject(), "the dataset it serves, titled");
    }

    @Test
    void aStoreWithoutTheDerivedFileIsCountedAtStartNotOnARequest(@TempDir Path other) throws Exception {
        Fixtures.Project p = Fixtures.copyTo(other);
        assertEquals(0, p.run("load").exitCode());
        java.nio.file.Files.delete(p.store().resolve(Derived.FILE_NAME));
        long triples = BundledProject.triples(BundledProject.graphs(p));
        try (TestServer old = TestServer.start(p, "--timeout", "0.001")) {
            HttpResponse<String> r = old.get("/.well-known/void", "text/turtle");
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(triples, turtle(r).getResource(Iris.DATASET).getRequiredProperty(VOID.triples).getLong());
            assertEquals(200, old.get("/", "text/html").statusCode());
        }
    }
}
