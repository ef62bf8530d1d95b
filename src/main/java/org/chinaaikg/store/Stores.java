package org.chinaaikg.store;

import org.chinaaikg.project.Inputs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.graph.GraphUnionRead;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.solver.SolverLibTDB;
import org.apache.jena.tdb2.solver.stats.Stats;
import org.apache.jena.tdb2.solver.stats.StatsCollectorNodeId;
import org.apache.jena.tdb2.solver.stats.StatsResults;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.chinaaikg.project.Inputs.InputFile;
import org.chinaaikg.project.RdfFiles;
import org.chinaaikg.query.SavedQueries;
import org.chinaaikg.search.SearchIndex;
import org.chinaaikg.validate.ShaclCheck;

/**
 * Builds, checks and opens the TDB2 store. A build goes into a fresh sibling directory and replaces the store by
 * renaming, so a failed build leaves the previous store exactly as it was.
 */
public final class Stores {
    /** The statistics file TDB2's optimizer reads, in the store's {@code Data-NNNN} directory. */
    public static final String STATS_FILE = "stats.opt";

    private Stores() {}

    /** Why a load failed: every syntax error (file:line:column) or SHACL violation, one per line. */
    public static final class LoadFailed extends Exception {
        public LoadFailed(String message) {
            super(message);
        }
    }

    /**
     * True when the store exists, was built from exactly these input files (same names, same SHA-256) and holds its
     * downloads.
     */
    public static boolean isCurrent(Path storeDir, Inputs inputs) {
        recover(storeDir);
        Manifest stored = Manifest.read(storeDir);
        // A store built before load wrote the downloads (or the saved queries' answers) is rebuilt: they would be
        // missing, never stale.
        return stored != null && stored.equals(Manifest.of(inputs.all())) && Downloads.read(storeDir).isPresent()
                && StoredAnswers.present(storeDir);
    }

    /**
     * Rebuilds the store from the inputs: all or nothing. Each file is parsed straight into TDB2's bulk loader (the one
     * {@code tdb2.tdbloader} uses) writing a fresh sibling directory; syntax errors (every one, file:line:column) and
     * then SHACL violations are found there, and only a store that passed replaces the old one.
     */
    public static void build(Path storeDir, Inputs inputs, Consumer<String> log) throws LoadFailed, IOException {
        build(storeDir, inputs, new SavedQueries(List.of()), log);
    }

    /** As {@link #build(Path, Inputs, Consumer)}, with the answers of these saved queries stored (see {@link StoredAnswers}). */
    public static void build(Path storeDir, Inputs inputs, SavedQueries queries, Consumer<String> log) throws LoadFailed, IOException {
        Manifest manifest = Manifest.of(inputs.all());
        Path absolute = storeDir.toAbsolutePath().normalize();
        recover(absolute);
        if (Files.exists(absolute) && !isStore(absolute)) {
            throw new LoadFailed(storeDir + " exists and is not a store built by load; not replacing it");
        }
        Files.createDirectories(absolute.getParent());
        Path fresh = absolute.resolveSibling(absolute.getFileName() + ".building-" + ProcessHandle.current().pid());
        deleteRecursively(fresh);
        try {
            DatasetGraph dsg = TDB2Factory.connectDataset(fresh.toString()).asDatasetGraph();
            Derived derived;
            try {
                List<String> problems = bulkLoad(dsg, inputs, log);
                if (problems.isEmpty()) problems = drafts(dsg, inputs);
                if (problems.isEmpty()) problems = shaclViolations(dsg, inputs, log);
                if (!problems.isEmpty()) throw new LoadFailed(String.join("\n", problems));
                long entailed = Txn.calculateWrite(dsg, () -> Entailments.addTo(dsg));
                log.accept(String.format("entailed %d triples (subclass and subproperty closure) into <%s>", entailed, Entailments.GRAPH));
                writeStatistics(dsg);
                // What the pages and descriptions show of the whole store, so that no request has to scan it.
                derived = Derived.compute(dsg);
                // The full-text index, inside the fresh store so that it is swapped in (or not) with it.
                long t0 = System.nanoTime();
                long docs = Txn.calculateRead(dsg, () -> buildIndex(dsg, fresh.resolve(SearchIndex.DIR_NAME)));
                log.accept(String.format(java.util.Locale.ROOT, "indexed %d names, statements and quotes for search in %.2f s",
                        docs, (System.nanoTime() - t0) / 1e9));
                // The downloads (dumps, the merged ontology) with their checksums, also inside the fresh store.
                Txn.executeRead(dsg, () -> writeDownloads(dsg, inputs, fresh, log));
                // The answers of the saved queries without parameter values: the first request after start reads a file.
                Txn.executeRead(dsg, () -> writeAnswers(dsg, queries, fresh, log));
            } finally {
                TDBInternal.expel(dsg);
            }
            derived.write(fresh);
            manifest.write(fresh);
            swap(fresh, absolute);
        } finally {
            deleteRecursively(fresh);
        }
    }

    private static void writeDownloads(DatasetGraph dsg, Inputs inputs, Path dir, Consumer<String> log) {
        try {
            Downloads.write(dsg, inputs, dir, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeAnswers(DatasetGraph dsg, SavedQueries queries, Path dir, Consumer<String> log) {
        try {
            StoredAnswers.write(dsg, queries, dir, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long buildIndex(DatasetGraph dsg, Path dir) {
        try {
            return SearchIndex.build(dsg, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Streams every file into its graph; after the first syntax error the rest are only parsed, to report theirs. */
    private static List<String> bulkLoad(DatasetGraph dsg, Inputs inputs, Consumer<String> log) {
        List<String> errors = new ArrayList<>();
        DataLoader loader = LoaderFactory.phasedLoader(dsg, (fmt, args) -> log.accept(String.format(fmt, args)));
        loader.startBulk();
        try {
            for (InputFile file : inputs.all()) {
                IntoGraph into = new IntoGraph(errors.isEmpty() ? loader.stream() : StreamRDFLib.sinkNull(),
                        NodeFactory.createURI(file.graph()));
                try {
                    RdfFiles.parse(file.path(), into, log);
                    log.accept(String.format("loaded %-50s %7d triples  <%s>", file.path(), into.count, file.graph()));
                } catch (RdfFiles.SyntaxError e) {
                    errors.add(e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            loader.finishException(e);
            throw e;
        }
        loader.finishBulk();
        return errors;
    }

    /** A file's triples as quads of its graph, counted; its prefixes stay out of the store (files disagree on them). */
    private static final class IntoGraph extends StreamRDFWrapper {
        private final Node graph;
        long count;

        IntoGraph(StreamRDF loader, Node graph) {
            super(loader);
            this.graph = graph;
        }

        @Override
        public void triple(Triple triple) {
            count++;
            other.quad(Quad.create(graph, triple));
        }

        @Override
        public void prefix(String prefix, String iri) {}
    }

    /**
     * The data files that hold drafts ({@code kg:curationStatus kg:Draft}, what {@code ingest} writes), one line each:
     * a draft is never loaded, so nothing a curator has not accepted is ever served.
     */
    private static List<String> drafts(DatasetGraph dsg, Inputs inputs) {
        return Txn.calculateRead(dsg, () -> {
            List<String> out = new ArrayList<>();
            for (InputFile f : inputs.dataFiles()) {
                var d = org.chinaaikg.validate.Drafts.of(f, dsg.getGraph(NodeFactory.createURI(f.graph())));
                if (d != null) out.add(d.refusal());
            }
            return out;
        });
    }

    /** The data and ontology graphs (not the shapes) checked against the shapes graph, as loaded. */
    private static List<String> shaclViolations(DatasetGraph dsg, Inputs inputs, Consumer<String> log) {
        if (inputs.shapesFiles().isEmpty()) return List.of();
        Node shapesGraph = NodeFactory.createURI(Inputs.SHAPES_GRAPH);
        List<Node> dataGraphs = inputs.all().stream().map(f -> NodeFactory.createURI(f.graph()))
                .filter(g -> !g.equals(shapesGraph)).distinct().toList();
        return Txn.calculateRead(dsg, () -> {
            Graph data = GraphFactory.createDefaultGraph();
            GraphUtil.addInto(data, new GraphUnionRead(dsg, dataGraphs));
            log.accept(String.format("checking %d triples against the SHACL shapes", data.size()));
            return ShaclCheck.violations(dsg.getGraph(shapesGraph), data).stream().map(Object::toString).toList();
        });
    }

    /** A directory that {@code load} may replace: empty, or a TDB2 store (with or without our manifest and derived file). */
    private static boolean isStore(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return false;
        try (Stream<Path> list = Files.list(dir)) {
            return list.allMatch(p -> {
                String name = p.getFileName().toString();
                return name.equals(Manifest.FILE_NAME) || name.equals(Derived.FILE_NAME) || name.equals(SearchIndex.DIR_NAME)
                        || name.equals(Downloads.DIR_NAME) || name.equals(Downloads.FILE_NAME)
                        || name.equals(StoredAnswers.DIR_NAME) || name.equals(StoredAnswers.FILE_NAME) || name.equals("tdb.lock") || name.matches("Data-\\d+|Backups");
            });
        }
    }

    /**
     * Writes TDB2's statistics ({@code Data-NNNN/stats.opt}: the count of each predicate over the union graph), which
     * the query optimizer reads when it opens the store to order a query's triple patterns by selectivity; without
     * it TDB2 falls back to a fixed heuristic. The store is read-only once served, so the figures never go stale.
     * This is what {@code tdb2.tdbstats --graph urn:x-arq:UnionGraph} computes.
     */
    private static void writeStatistics(DatasetGraph dsg) {
        DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(dsg);
        StatsResults results = Txn.calculateRead(tdb, () -> {
            StatsCollectorNodeId stats = new StatsCollectorNodeId(tdb.getQuadTable().getNodeTupleTable().getNodeTable());
            SolverLibTDB.unionGraph(tdb.getQuadTable().getNodeTupleTable())
                    .forEachRemaining(t -> stats.record(t.get(0), t.get(1), t.get(2), t.get(3)));
            return stats.results();
        });
        Stats.write(tdb.getLocation().getPath(STATS_FILE), results);
    }

    /** What a failed build left, in words: the previous store, untouched, or no store at all. */
    public static String unchanged(Path storeDir) {
        return Files.exists(storeDir) ? "the store at " + storeDir + " is unchanged" : "no store was built at " + storeDir;
    }

    /** Opens the store; the default graph that queries see is the union of all named graphs. */
    public static Dataset open(Path storeDir) {
        recover(storeDir);
        Dataset dataset = TDB2Factory.connectDataset(storeDir.toString());
        dataset.getContext().set(TDB2.symUnionDefaultGraph, true);
        return dataset;
    }

    /** Closes the store and forgets it, so that it can be rebuilt in this process. */
    public static void release(Dataset dataset) {
        TDBInternal.expel(dataset.asDatasetGraph());
    }

    /**
     * Undoes what a load killed with {@code kill -9} left behind, so that the store holds the old data or the new,
     * never none and never a mix. The build itself only ever writes the sibling {@code STORE.building-PID}, and
     * {@link #swap} is two renames: {@code STORE -> STORE.old-PID}, then {@code STORE.building-PID -> STORE}. A kill
     * between the two leaves no {@code STORE} but a complete {@code STORE.old-PID}: it is renamed back (opening the
     * missing store instead would silently create an empty one). Leftovers of processes that are no longer running
     * are deleted; those of a load still running elsewhere are left alone.
     */
    public static void recover(Path storeDir) {
        Path target = storeDir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) return;
        String name = target.getFileName().toString();
        List<Path> leftovers;
        try (Stream<Path> list = Files.list(parent)) {
            leftovers = list.filter(p -> p.getFileName().toString().matches(Pattern.quote(name) + "\\.(old|building)-\\d+"))
                    .filter(p -> !running(p))
                    .sorted(Comparator.comparing(Stores::modified).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path p : leftovers) {
            try {
                if (!Files.exists(target) && p.getFileName().toString().startsWith(name + ".old-")) {
                    move(p, target);
                } else {
                    deleteRecursively(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Whether the process whose id ends this leftover's name is still running (and is not this one). */
    private static boolean running(Path leftover) {
        String n = leftover.getFileName().toString();
        long pid = Long.parseLong(n.substring(n.lastIndexOf('-') + 1));
        return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void swap(Path fresh, Path target) throws IOException {
        if (!Files.exists(target)) {
            move(fresh, target);
            return;
        }
        Path old = target.resolveSibling(target.getFileName() + ".old-" + ProcessHandle.current().pid());
        deleteRecursively(old);
        move(target, old);
        try {
            move(fresh, target);
        } catch (IOException e) {
            move(old, target);
            throw e;
        }
        deleteRecursively(old);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
