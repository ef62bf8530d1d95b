package org.chinaaikg.store;

import org.chinaaikg.project.Inputs;
import org.chinaaikg.vocab.DCAT3;
import org.chinaaikg.vocab.Iris;
import org.chinaaikg.vocab.Prefixes;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * The files of {@code /downloads}, written by {@code load} into the fresh store ({@value #DIR_NAME}/, with their
 * sizes and SHA-256 in {@value #FILE_NAME}), so that they are swapped in with the store or not at all, and a store
 * never serves another store's downloads:
 * <ul>
 * <li>the whole store as TriG and as N-Quads, gzipped: every named graph as served, the entailments graph
 * included, quad for quad as in TDB2;</li>
 * <li>the ontology and every data file merged into one Turtle file that Protégé opens alone: one
 * {@code owl:Ontology} ({@value #MERGED_ONTOLOGY}), the data files' ontology headers (their {@code owl:imports} of
 * the ontology) left out, every other triple of the ontology and the data files kept, the facts' {@code owl:Axiom}
 * annotations too. Not the SHACL shapes nor the entailments: what a reasoner is given, not what it infers.</li>
 * </ul>
 * The file names carry the release version: the dataset's own ({@code owl:versionInfo} or {@code dcat:version} of
 * the dataset in {@code data/dataset.ttl}) if the data give one, else the ontology's {@code owl:versionInfo}; no
 * version at all when neither says one.
 *
 * @param release the release version, or null
 * @param files   the files, in the order shown
 * @param dir     where the files are (the store's {@value #DIR_NAME}/), or null for none
 */
public record Downloads(String release, List<Distribution> files, Path dir) {
    public static final String DIR_NAME = "downloads";
    public static final String FILE_NAME = "downloads.json";
    /** The one ontology the merged file declares: the ontology with all data (as {@code data/china-ai-kg-all.owl}). */
    public static final String MERGED_ONTOLOGY = Iris.GRAPH + "all";
    static final String BASE_NAME = "china-ai-kg";
    /** Bumped when the file's content changes; a file of another version counts as missing (the store is rebuilt). */
    static final long VERSION = 1;

    /**
     * One file.
     *
     * @param mediaType the media type of what it holds, once decoded ({@code application/trig})
     * @param encoding  {@code gzip}, or null for none
     * @param format    the W3C format IRI ({@code http://www.w3.org/ns/formats/TriG})
     */
    public record Distribution(String name, String title, String mediaType, String encoding, String format, long bytes, String sha256) {
        /** The type it is sent as: {@code application/gzip} for a gzipped file (its bytes as they are), else its media type. */
        public String contentType() {
            return encoding == null ? mediaType : "application/gzip";
        }

        /** The IANA IRI of its media type (DCAT's {@code dcat:mediaType}). */
        public String mediaTypeIri() {
            return DCAT3.MEDIA_TYPES + mediaType;
        }

        /** The IANA IRI of its compression ({@code dcat:compressFormat}), or null. */
        public String compressFormatIri() {
            return encoding == null ? null : DCAT3.MEDIA_TYPES + "application/gzip";
        }

        /** Whether it is a complete dump of the store (every graph), rather than a part of it. */
        public boolean wholeStore() {
            return encoding != null;
        }
    }

    public Downloads {
        files = List.copyOf(files);
    }

    /** No downloads (a store that is not a TDB2 store on disk). */
    public static Downloads none() {
        return new Downloads(null, List.of(), null);
    }

    public Optional<Distribution> file(String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** Where a file of this list is on disk. */
    public Path path(Distribution file) {
        return dir.resolve(file.name());
    }

    /** The downloads of the store a dataset serves, or none. */
    public static Downloads of(DatasetGraph dsg) {
        Path store = StoreVersion.storeDirectory(dsg);
        return store == null ? none() : read(store).orElse(none());
    }

    /**
     * Writes the files into {@code storeDir}/{@value #DIR_NAME} and the list into {@code storeDir}/{@value #FILE_NAME};
     * the caller holds a read transaction on the store.
     */
    static Downloads write(DatasetGraph dsg, Inputs inputs, Path storeDir, Consumer<String> log) throws IOException {
        String release = release(dsg);
        Path dir = storeDir.resolve(DIR_NAME);
        Files.createDirectories(dir);
        String base = BASE_NAME + (release == null ? "" : "-" + release.replaceAll("[^A-Za-z0-9._-]", "_"));
        List<Distribution> files = new ArrayList<>();
        files.add(write(dir, base + ".trig.gz", "Every graph of the store (the entailments graph included), TriG",
                "application/trig", "gzip", Prefixes.FORMATS + "TriG", RDFFormat.TRIG_BLOCKS, out -> quads(dsg, out)));
        files.add(write(dir, base + ".nq.gz", "Every graph of the store (the entailments graph included), N-Quads",
                "application/n-quads", "gzip", Prefixes.FORMATS + "N-Quads", RDFFormat.NQUADS, out -> quads(dsg, out)));
        files.add(write(dir, base + "-ontology-and-data.ttl", "The ontology and all data in one OWL ontology (for Protégé), Turtle",
                "text/turtle", null, Prefixes.FORMATS + "Turtle", RDFFormat.TURTLE_BLOCKS, out -> merged(dsg, inputs, release, out)));
        for (Distribution f : files) log.accept(String.format("wrote %-50s %,10d bytes  sha256 %s", dir.resolve(f.name()), f.bytes(), f.sha256()));
        Downloads downloads = new Downloads(release, files, dir);
        downloads.writeList(storeDir);
        return downloads;
    }

    private static Distribution write(Path dir, String name, String title, String mediaType, String encoding, String format,
                                      RDFFormat syntax, Consumer<StreamRDF> content) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             OutputStream out = encoding == null ? raw : new GZIPOutputStream(raw, 1 << 16)) {
            StreamRDF stream = StreamRDFWriter.getWriterStream(out, syntax);
            stream.start();
            Prefixes.all().getNsPrefixMap().forEach(stream::prefix);
            content.accept(stream);
            stream.finish();
        }
        // Size and checksum of the bytes on disk, read back: what a client receives.
        return new Distribution(name, title, mediaType, encoding, format, Files.size(file), Manifest.sha256(file));
    }

    /** Every quad of the store, graph by graph, as TDB2 holds them. */
    private static void quads(DatasetGraph dsg, StreamRDF out) {
        dsg.find().forEachRemaining(out::quad);
    }

    /** The ontology graph and every data graph as one ontology, with one header (see the class comment). */
    private static void merged(DatasetGraph dsg, Inputs inputs, String release, StreamRDF out) {
        Node merged = NodeFactory.createURI(MERGED_ONTOLOGY);
        out.triple(Triple.create(merged, RDF.type.asNode(), OWL2.Ontology.asNode()));
        String title = datasetTitle(dsg);
        if (title != null) {
            out.triple(Triple.create(merged, RDFS.label.asNode(), NodeFactory.createLiteralLang(title + ": ontology and all data", "en")));
        }
        if (release != null) out.triple(Triple.create(merged, OWL2.versionInfo.asNode(), NodeFactory.createLiteralString(release)));
        Set<Node> graphs = new java.util.LinkedHashSet<>();
        graphs.add(NodeFactory.createURI(Inputs.ONTOLOGY_GRAPH));
        inputs.dataFiles().forEach(f -> graphs.add(NodeFactory.createURI(f.graph())));
        Set<Node> ontologyProperties = Set.of(OWL2.imports.asNode(), OWL2.versionIRI.asNode(), OWL2.priorVersion.asNode(),
                OWL2.backwardCompatibleWith.asNode(), OWL2.incompatibleWith.asNode());
        for (Node g : graphs) {
            Set<Node> headers = new HashSet<>();
            dsg.find(g, Node.ANY, RDF.type.asNode(), OWL2.Ontology.asNode()).forEachRemaining(q -> headers.add(q.getSubject()));
            dsg.find(g, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
                if (headers.contains(q.getSubject())) {
                    Node p = q.getPredicate();
                    if (ontologyProperties.contains(p) || (p.equals(RDF.type.asNode()) && q.getObject().equals(OWL2.Ontology.asNode()))) return;
                }
                out.triple(q.asTriple());
            });
        }
    }

    /**
     * The release version: the dataset's own version in the data ({@code owl:versionInfo} or {@code dcat:version} of
     * the dataset), else the ontology's {@code owl:versionInfo}, else null.
     */
    static String release(DatasetGraph dsg) {
        Node dataset = NodeFactory.createURI(Iris.DATASET);
        for (Node p : List.of(OWL2.versionInfo.asNode(), DCAT3.version.asNode())) {
            String v = literal(dsg.find(Node.ANY, dataset, p, Node.ANY));
            if (v != null) return v;
        }
        Node ontologyGraph = NodeFactory.createURI(Inputs.ONTOLOGY_GRAPH);
        String v = literal(dsg.find(ontologyGraph, NodeFactory.createURI(Iris.ONTOLOGY), OWL2.versionInfo.asNode(), Node.ANY));
        if (v != null) return v;
        for (Iterator<Quad> it = dsg.find(ontologyGraph, Node.ANY, RDF.type.asNode(), OWL2.Ontology.asNode()); it.hasNext(); ) {
            v = literal(dsg.find(ontologyGraph, it.next().getSubject(), OWL2.versionInfo.asNode(), Node.ANY));
            if (v != null) return v;
        }
        return null;
    }

    private static String literal(Iterator<Quad> it) {
        while (it.hasNext()) {
            Node o = it.next().getObject();
            if (o.isLiteral() && !o.getLiteralLexicalForm().isBlank()) return o.getLiteralLexicalForm().strip();
        }
        return null;
    }

    private static String datasetTitle(DatasetGraph dsg) {
        Node dataset = NodeFactory.createURI(Iris.DATASET);
        String any = null;
        for (Iterator<Quad> it = dsg.find(Node.ANY, dataset, DCTerms.title.asNode(), Node.ANY); it.hasNext(); ) {
            Node o = it.next().getObject();
            if (!o.isLiteral()) continue;
            if (o.getLiteralLanguage().equalsIgnoreCase("en")) return o.getLiteralLexicalForm();
            if (any == null) any = o.getLiteralLexicalForm();
        }
        return any;
    }

    private void writeList(Path storeDir) throws IOException {
        JsonObject json = new JsonObject();
        json.put("version", VERSION);
        if (release != null) json.put("release", release);
        JsonArray list = new JsonArray();
        for (Distribution f : files) {
            JsonObject o = new JsonObject();
            o.put("name", f.name());
            o.put("title", f.title());
            o.put("mediaType", f.mediaType());
            if (f.encoding() != null) o.put("encoding", f.encoding());
            o.put("format", f.format());
            o.put("bytes", f.bytes());
            o.put("sha256", f.sha256());
            list.add(o);
        }
        json.put("files", list);
        try (OutputStream out = Files.newOutputStream(storeDir.resolve(FILE_NAME))) {
            JSON.write(out, json);
        }
    }

    /** The list a store directory keeps, with its files present; empty if there is none, or one of another version. */
    public static Optional<Downloads> read(Path storeDir) {
        Path file = storeDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try (InputStream in = Files.newInputStream(file)) {
            JsonObject json = JSON.parse(in);
            if (!json.hasKey("version") || json.getNumber("version").longValue() != VERSION) return Optional.empty();
            List<Distribution> files = new ArrayList<>();
            for (JsonValue v : json.get("files").getAsArray()) {
                JsonObject o = v.getAsObject();
                Distribution d = new Distribution(o.getString("name"), o.getString("title"), o.getString("mediaType"),
                        o.hasKey("encoding") ? o.getString("encoding") : null, o.getString("format"),
                        o.getNumber("bytes").longValue(), o.getString("sha256"));
                if (!Files.isRegularFile(storeDir.resolve(DIR_NAME).resolve(d.name()))) return Optional.empty();
                files.add(d);
            }
            return Optional.of(new Downloads(json.hasKey("release") ? json.getString("release") : null, files, storeDir.resolve(DIR_NAME)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
