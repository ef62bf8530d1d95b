package org.chinaaikg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VOID;
import org.chinaaikg.Fixtures;
import org.chinaaikg.project.Inputs;
import org.chinaaikg.store.Entailments;
import org.chinaaikg.vocab.DCAT3;
import org.chinaaikg.vocab.Iris;
import org.chinaaikg.vocab.KG;
import org.chinaaikg.vocab.SPDX;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.formats.RDFDocumentFormat;
import org.semanticweb.owlapi.io.RDFParserMetaData;
import org.semanticweb.owlapi.model.AxiomType;
import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.model.MissingImportHandlingStrategy;
import org.semanticweb.owlapi.model.OWLAnnotation;
import org.semanticweb.owlapi.model.OWLObjectPropertyAssertionAxiom;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyLoaderConfiguration;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileReport;

/**
 * The downloads on the bundled data, over real HTTP: each file's bytes are what {@code /downloads} advertises (size,
 * SHA-256), the TriG and N-Quads dumps hold every graph the server serves, quad for quad, the merged file opens in
 * the OWL API alone (no imports, no IRI mapper) with every property assertion and evidence annotation of the data
 * files, VoID and DCAT describe them, and a client that holds a file gets 304.
 */
@Tag("slow")
class DownloadsTest {
    @TempDir
    static Path dir;
    static Fixtures.Project project;
    static TestServer server;
    static List<JsonObject> files;

    @BeforeAll
    static void start() throws Exception {
        project = BundledProject.copyTo(dir);
        server = TestServer.start(project);
        HttpResponse<String> list = server.get("/downloads", "application/json");
        assertEquals(200, list.statusCode(), list.body());
        files = new ArrayList<>();
        for (JsonValue v : JSON.parse(list.body()).get("files").getAsArray()) files.add(v.getAsObject());
        assertEquals(3, files.size(), list.body());
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    static HttpResponse<byte[]> fetch(String method, String url, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return TestServer.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static JsonObject file(String mediaType) {
        return files.stream().filter(f -> f.getString("mediaType").equals(mediaType)).findFirst()
                .orElseThrow(() -> new AssertionError("no download of type " + mediaType + " in " + files));
    }

    static byte[] body(JsonObject f) throws Exception {
        HttpResponse<byte[]> r = fetch("GET", f.getString("url"));
        assertEquals(200, r.statusCode(), f.getString("url"));
        return r.body();
    }

    static byte[] gunzip(byte[] gz) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void eachFileIsTheBytesItsSizeAndChecksumSay() throws Exception {
        String release = JSON.parse(server.get("/downloads", "application/json").body()).getString("version");
        assertEquals("0.1.0", release, "the release version is the ontology's owl:versionInfo (the data give none)");
        for (JsonObject f : files) {
            String name = f.getString("name");
            assertTrue(name.contains("-" + release), name + ": the file name carries the release version");
            HttpResponse<byte[]> r = fetch("GET", f.getString("url"));
            assertEquals(200, r.statusCode(), name);
            assertEquals(f.getNumber("size").longValue(), r.body().length, name + ": size");
            assertEquals(f.getString("sha256"), sha256(r.body()), name + ": SHA-256 of the bytes received");
            assertEquals(String.valueOf(r.body().length), r.headers().firstValue("Content-Length").orElse(null), name + ": Content-Length");
            assertFalse(r.headers().firstValue("Content-Encoding").isPresent(), name + ": sent as it is, no Content-Encoding");
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (f.getString("encoding").equals("gzip")) {
                assertEquals("application/gzip", type, name);
                assertEquals(0x1f, r.body()[0] & 0xff, name + ": gzip magic");
                assertEquals(0x8b, r.body()[1] & 0xff, name + ": gzip magic");
                assertTrue(name.endsWith(".gz"), name);
            } else {
                assertEquals("identity", f.getString("encoding"), name);
                assertTrue(type.startsWith(f.getString("mediaType")), name + ": " + type);
            }
        }
        assertEquals(Set.of("application/trig", "application/n-quads", "text/turtle"),
                files.stream().map(f -> f.getString("mediaType")).collect(Collectors.toSet()));
    }

    @Test
    void theDumpsHoldEveryGraphQuadForQuad() throws Exception {
        DatasetGraph nquads = DatasetGraphFactory.createTxnMem();
        RDFParser.source(new ByteArrayInputStream(gunzip(body(file("application/n-quads"))))).lang(Lang.NQUADS).parse(nquads);
        DatasetGraph trig = DatasetGraphFactory.createTxnMem();
        RDFParser.source(new ByteArrayInputStream(gunzip(body(file("application/trig"))))).lang(Lang.TRIG).parse(trig);

        // The graphs the server serves, and its quads, as SPARQL sees them.
        Set<String> served = new TreeSet<>(server.sparql("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").body().lines()
                .skip(1).map(String::strip).toList());
        long quads = Long.parseLong(server.sparql("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").body().lines()
                .skip(1).findFirst().orElseThrow().strip());
        assertTrue(served.contains(Entailments.GRAPH), "the entailments graph is served, so it is in the dumps");
        for (DatasetGraph dump : List.of(nquads, trig)) {
            assertEquals(served, names(dump), "the dump's graphs are the served ones");
            assertEquals(quads, dump.stream().count(), "the dump's quads");
            assertTrue(dump.getDefaultGraph().isEmpty(), "every quad in its named graph; nothing in the default graph");
        }
        Map<String, Model> fromFiles = BundledProject.graphs(project);
        for (String g : served) {
            Graph fromServer = ModelFactory.createDefaultModel().getGraph();
            HttpResponse<String> r = server.get("/kg/get?graph=" + java.net.URLEncoder.encode(g, StandardCharsets.UTF_8), "application/n-triples");
            assertEquals(200, r.statusCode(), g);
            RDFParser.fromString(r.body()).lang(Lang.NTRIPLES).parse(fromServer);
            Node name = org.apache.jena.graph.NodeFactory.createURI(g);
            assertTrue(nquads.getGraph(name).isIsomorphicWith(fromServer), g + ": N-Quads dump = the graph served");
            assertTrue(trig.getGraph(name).isIsomorphicWith(fromServer), g + ": TriG dump = the graph served");
            // And, apart from the server: each file's graph is the file, triple for triple.
            if (fromFiles.containsKey(g)) {
                assertTrue(nquads.getGraph(name).isIsomorphicWith(fromFiles.get(g).getGraph()), g + ": the dump holds the file's triples");
            }
        }
        assertEquals(BundledProject.entailed(fromFiles), nquads.getGraph(org.apache.jena.graph.NodeFactory.createURI(Entailments.GRAPH)).size(),
                "the entailments graph in the dump");
    }

    static Set<String> names(DatasetGraph dsg) {
        Set<String> names = new TreeSet<>();
        dsg.listGraphNodes().forEachRemaining(n -> names.add(n.getURI()));
        return names;
    }

    @Test
    void theMergedFileOpensAloneInTheOwlApiWithEveryPropertyAssertion() throws Exception {
        JsonObject merged = file("text/turtle");
        Path local = dir.resolve(merged.getString("name"));
        Files.write(local, body(merged));

        // As Protégé opens a file: a fresh manager, here with no IRI mapper at all, and a missing import an error.
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        OWLOntology o = manager.loadOntologyFromOntologyDocument(new org.semanticweb.owlapi.io.FileDocumentSource(local.toFile()),
                new OWLOntologyLoaderConfiguration().setMissingImportHandlingStrategy(MissingImportHandlingStrategy.THROW_EXCEPTION));
        assertEquals(1, manager.ontologies().count(), "one ontology, nothing imported");
        assertEquals(0, o.importsDeclarations().count(), "no owl:imports");
        assertEquals(IRI.create(Iris.GRAPH + "all"), o.getOntologyID().getOntologyIRI().orElse(null));
        RDFDocumentFormat format = (RDFDocumentFormat) manager.getOntologyFormat(o);
        RDFParserMetaData meta = (RDFParserMetaData) format.getOntologyLoaderMetaData().orElseThrow();
        assertEquals(List.of(), meta.getUnparsedTriples().map(Object::toString).limit(20).toList(), "triples the OWL API could not read");
        OWLProfileReport report = new OWL2DLProfile().checkOntology(o);
        assertTrue(report.isInProfile(), report.getViolations().stream().limit(20).map(Object::toString).collect(Collectors.joining("\n")));

        // Counted from the files themselves, with plain Jena: the ontology and every data file, merged.
        Model files = ModelFactory.createDefaultModel();
        for (Inputs.InputFile f : new Inputs(project.data(), project.ontology()).all()) {
            if (!f.graph().equals(Inputs.SHAPES_GRAPH)) org.apache.jena.riot.RDFDataMgr.read(files, f.path().toString());
        }
        Set<String> objectProperties = declared(files, OWL2.ObjectProperty);
        Set<String> dataProperties = declared(files, OWL2.DatatypeProperty);
        long objectTriples = count(files, objectProperties), dataTriples = count(files, dataProperties);
        assertTrue(objectTriples > 1000 && dataTriples > 1000, objectTriples + " object and " + dataTriples + " data property triples");
        assertEquals(objectTriples, o.axioms(AxiomType.OBJECT_PROPERTY_ASSERTION).map(a -> a.getAxiomWithoutAnnotations()).distinct().count(),
                "object property assertions");
        assertEquals(dataTriples, o.axioms(AxiomType.DATA_PROPERTY_ASSERTION).map(a -> a.getAxiomWithoutAnnotations()).distinct().count(),
                "data property assertions");

        // The evidence of each relation (its owl:Axiom's kg:supportedBy claims), as the files annotate it.
        Set<String> evidence = new TreeSet<>();
        files.listSubjectsWithProperty(RDF.type, OWL2.Axiom).forEachRemaining(ax -> {
            Resource p = ax.getPropertyResourceValue(OWL2.annotatedProperty);
            RDFNode target = ax.getProperty(OWL2.annotatedTarget).getObject();
            if (p == null || !objectProperties.contains(p.getURI()) || !target.isURIResource()) return;
            String s = ax.getPropertyResourceValue(OWL2.annotatedSource).getURI();
            ax.listProperties(KG.supportedBy).forEachRemaining(c -> evidence.add(s + " " + p.getURI() + " " + target.asResource().getURI()
                    + " <- " + c.getResource().getURI()));
        });
        assertTrue(evidence.size() > 100, evidence.size() + " annotated relations");
        Set<String> annotated = new TreeSet<>();
        o.axioms(AxiomType.OBJECT_PROPERTY_ASSERTION).forEach((OWLObjectPropertyAssertionAxiom a) -> {
            for (OWLAnnotation an : a.annotations().toList()) {
                if (!an.getProperty().getIRI().toString().equals(KG.supportedBy.getURI())) continue;
                annotated.add(a.getSubject().asOWLNamedIndividual().getIRI() + " " + a.getProperty().asOWLObjectProperty().getIRI() + " "
                        + a.getObject().asOWLNamedIndividual().getIRI() + " <- " + an.getValue().asIRI().orElseThrow());
            }
        });
        assertEquals(evidence, annotated, "every relation's evidence, as an axiom annotation");
    }

    static Set<String> declared(Model m, Resource type) {
        Set<String> s = new TreeSet<>();
        m.listSubjectsWithProperty(RDF.type, type).forEachRemaining(r -> { if (r.isURIResource()) s.add(r.getURI()); });
        return s;
    }

    static long count(Model m, Set<String> properties) {
        return m.listStatements(null, null, (RDFNode) null).toList().stream()
                .map(Statement::getPredicate).filter(p -> properties.contains(p.getURI())).count();
    }

    @Test
    void voidAndDcatDescribeEachDownload() throws Exception {
        HttpResponse<String> r = server.get("/.well-known/void", "text/turtle");
        assertEquals(200, r.statusCode());
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(r.body()).lang(Lang.TURTLE).parse(m);
        Resource ds = m.getResource(Iris.DATASET);
        Set<String> dumps = new TreeSet<>();
        ds.listProperties(VOID.dataDump).forEachRemaining(s -> dumps.add(s.getResource().getURI()));
        assertEquals(files.stream().filter(f -> f.getString("encoding").equals("gzip")).map(f -> f.getString("url")).collect(Collectors.toCollection(TreeSet::new)),
                dumps, "void:dataDump: the TriG and N-Quads dumps");
        assertEquals("0.1.0", ds.getRequiredProperty(OWL2.versionInfo).getString());
        assertEquals("0.1.0", ds.getRequiredProperty(DCAT3.version).getString());
        List<Resource> distributions = ds.listProperties(DCAT.distribution).mapWith(Statement::getResource).toList();
        assertEquals(files.size(), distributions.size());
        for (JsonObject f : files) {
            Resource d = distributions.stream().filter(x -> x.getPropertyResourceValue(DCAT.downloadURL).getURI().equals(f.getString("url")))
                    .findFirst().orElseThrow(() -> new AssertionError("no dcat:Distribution for " + f.getString("url")));
            String name = f.getString("name");
            assertTrue(d.hasProperty(RDF.type, DCAT.Distribution), name);
            assertEquals("http://www.iana.org/assignments/media-types/" + f.getString("mediaType"), d.getPropertyResourceValue(DCAT.mediaType).getURI(), name);
            var size = d.getRequiredProperty(DCAT.byteSize).getLiteral();
            assertEquals(org.apache.jena.vocabulary.XSD.nonNegativeInteger.getURI(), size.getDatatypeURI(), name + ": byteSize datatype");
            assertEquals(f.getNumber("size").longValue(), size.getLong(), name + ": dcat:byteSize");
            Resource checksum = d.getPropertyResourceValue(SPDX.checksum);
            assertTrue(checksum.hasProperty(RDF.type, SPDX.Checksum), name);
            assertEquals(SPDX.checksumAlgorithm_sha256, checksum.getPropertyResourceValue(SPDX.algorithm), name);
            assertEquals(f.getString("sha256"), checksum.getRequiredProperty(SPDX.checksumValue).getLiteral().getLexicalForm(), name + ": spdx:checksumValue");
            assertEquals(f.getString("encoding").equals("gzip"), d.hasProperty(DCAT.compressFormat), name + ": dcat:compressFormat");
        }
    }

    @Test
    void aClientHoldingAFileGets304AndHeadHasTheLength() throws Exception {
        for (JsonObject f : files) {
            String url = f.getString("url"), name = f.getString("name");
            HttpResponse<byte[]> first = fetch("GET", url);
            String etag = first.headers().firstValue("ETag").orElseThrow(() -> new AssertionError(name + ": no ETag"));
            String lastModified = first.headers().firstValue("Last-Modified").orElseThrow(() -> new AssertionError(name + ": no Last-Modified"));
            assertEquals("\"" + f.getString("sha256") + "\"", etag, name + ": a strong tag, its SHA-256");
            HttpResponse<byte[]> again = fetch("GET", url, "If-None-Match", etag);
            assertEquals(304, again.statusCode(), name + ": If-None-Match");
            assertEquals(0, again.body().length, name);
            assertEquals(304, fetch("GET", url, "If-Modified-Since", lastModified).statusCode(), name + ": If-Modified-Since");
            assertEquals(200, fetch("GET", url, "If-None-Match", "\"another\"").statusCode(), name + ": another tag");
            HttpResponse<byte[]> head = fetch("HEAD", url);
            assertEquals(200, head.statusCode(), name + ": HEAD");
            assertEquals(String.valueOf(f.getNumber("size").longValue()), head.headers().firstValue("Content-Length").orElse(null), name + ": HEAD length");
            assertEquals(0, head.body().length);
            assertEquals(etag, head.headers().firstValue("ETag").orElse(null), name + ": HEAD tag");
        }
        HttpResponse<byte[]> list = fetch("GET", server.base + "/downloads", "Accept", "application/json");
        String etag = list.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, fetch("GET", server.base + "/downloads", "Accept", "application/json", "If-None-Match", etag).statusCode(), "the list");
    }

    @Test
    void onlyListedNamesAreServed() throws Exception {
        assertEquals(404, fetch("GET", server.base + "/downloads/china-ai-kg-0.0.0.nq.gz").statusCode());
        assertEquals(404, fetch("HEAD", server.base + "/downloads/nothing.ttl").statusCode());
        for (String path : List.of("/downloads/..%2Fderived.json", "/downloads/%2e%2e/inputs.sha256", "/downloads/..%2f..%2fpom.xml",
                "/downloads//etc/passwd", "/downloads/downloads.json")) {
            HttpResponse<byte[]> r = fetch("GET", server.base + path);
            assertNotEquals(200, r.statusCode(), path);
            // What the store's files hold (inputs.sha256, downloads.json): SHA-256 hex.
            assertFalse(java.util.regex.Pattern.compile("[0-9a-f]{64}").matcher(new String(r.body(), StandardCharsets.UTF_8)).find(),
                    path + " leaked a store file");
        }
    }

    @Test
    void theHomePageAndTheListPageLinkTheFiles() throws Exception {
        HttpResponse<String> home = server.get("/", "text/html");
        assertTrue(home.body().contains("href=\"/downloads\""), "the home page links /downloads");
        HttpResponse<String> page = server.get("/downloads", "text/html");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        for (JsonObject f : files) {
            assertTrue(page.body().contains("href=\"/downloads/" + f.getString("name") + "\""), f.getString("name"));
            assertTrue(page.body().contains(f.getString("sha256") + "  " + f.getString("name")), "sha256sum line of " + f.getString("name"));
        }
    }
}
