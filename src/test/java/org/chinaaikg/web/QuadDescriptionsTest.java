package org.chinaaikg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TriG and N-Quads descriptions give in their default graph what Turtle gives: a client that reads the default graph
 * only (Comunica dereferences with N-Quads first and found 0 triples for /id/org/baidu) sees the whole description.
 * The named graphs still say which source states each fact.
 */
class QuadDescriptionsTest {
    @RegisterExtension
    static final ServerExtension server = ServerExtension.onFixtures();

    static final String BAIDU = "https://w3id.org/china-ai-kg/id/org/baidu";

    static DatasetGraph quads(String path, String accept, Lang lang) throws Exception {
        HttpResponse<String> r = server.get(path, accept);
        assertEquals(200, r.statusCode(), path + " " + accept);
        DatasetGraph dsg = DatasetGraphFactory.createGeneral();
        RDFParser.fromString(r.body()).lang(lang).base(server.base() + path).parse(dsg);
        return dsg;
    }

    static Model turtle(String path) throws Exception {
        HttpResponse<String> r = server.get(path, "text/turtle");
        assertEquals(200, r.statusCode());
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(r.body()).lang(Lang.TURTLE).base(server.base() + path).parse(m);
        return m;
    }

    @Test
    void defaultGraphOfNQuadsAndTrigIsTheTurtleDescription() throws Exception {
        Model turtle = ModelFactory.createModelForGraph(without(turtle("/id/org/baidu").getGraph(),
                NodeFactory.createURI("http://xmlns.com/foaf/0.1/primaryTopic")));
        assertFalse(turtle.isEmpty());
        for (Object[] variant : new Object[][] {
                {"/id/org/baidu", "application/n-quads", Lang.NQUADS},
                // Comunica's Accept when it dereferences: N-Quads first
                {"/id/org/baidu", "application/n-quads,application/trig;q=0.95,application/ld+json;q=0.9,"
                        + "application/n-triples;q=0.8,text/turtle;q=0.6,application/rdf+xml;q=0.5,text/n3;q=0.35", Lang.NQUADS},
                {"/id/org/baidu", "application/trig", Lang.TRIG},
                {"/id/org/baidu.nq", null, Lang.NQUADS},
                {"/id/org/baidu.trig", null, Lang.TRIG}}) {
            DatasetGraph dsg = quads((String) variant[0], (String) variant[1], (Lang) variant[2]);
            Graph dflt = dsg.getDefaultGraph();
            assertTrue(dflt.size() > 0, variant[0] + " " + variant[1] + ": the default graph is empty");
            // Each names its own document (the request URL) as about Baidu; the rest is the same description.
            Node topic = NodeFactory.createURI("http://xmlns.com/foaf/0.1/primaryTopic");
            assertTrue(dflt.contains(NodeFactory.createURI(server.base() + variant[0]), topic, NodeFactory.createURI(BAIDU)),
                    variant[0] + ": no foaf:primaryTopic from the document");
            dflt = without(dflt, topic);
            assertEquals(turtle.size(), dflt.size(), variant[0] + " " + variant[1] + ": triples in the default graph");
            assertTrue(dflt.isIsomorphicWith(turtle.getGraph()),
                    variant[0] + " " + variant[1] + ": the default graph is not the Turtle description");
        }
    }

    static Graph without(Graph g, Node predicate) {
        Graph copy = GraphFactory.createDefaultGraph();
        g.find().forEachRemaining(t -> {
            if (!t.getPredicate().equals(predicate)) copy.add(t);
        });
        return copy;
    }

    @Test
    void namedGraphsStillCarryTheSources() throws Exception {
        DatasetGraph dsg = quads("/id/org/baidu", "application/n-quads", Lang.NQUADS);
        Graph named = GraphFactory.createDefaultGraph();
        dsg.listGraphNodes().forEachRemaining(g -> dsg.getGraph(g).find().forEachRemaining(named::add));
        assertTrue(named.size() > 0, "no named graphs");
        // every quad's triple is in the default graph too
        named.find().forEachRemaining(t -> assertTrue(dsg.getDefaultGraph().contains(t), "missing from the default graph: " + t));
        Node baidu = NodeFactory.createURI(BAIDU);
        assertTrue(named.contains(baidu, Node.ANY, Node.ANY));
    }
}
