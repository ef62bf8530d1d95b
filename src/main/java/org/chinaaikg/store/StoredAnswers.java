package org.chinaaikg.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.query.ARQ;
import org.apache.jena.riot.thrift.ThriftRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.chinaaikg.query.Parameter;
import org.chinaaikg.query.ResultFormat;
import org.chinaaikg.query.SavedQueries;
import org.chinaaikg.query.SavedQuery;

/**
 * The answers of the saved queries that need no parameter value (the counts, aggregates and lists over everything),
 * computed by {@code load} into the fresh store, so that they are swapped in with the store or not at all and the
 * first request after start reads a file, at any size of the data. In {@value #DIR_NAME}/: {@code NAME.srt} (the
 * rows in Jena's binary results format, read back for the query's page) and one file per format {@code /queries/NAME}
 * serves ({@code NAME.json}, {@code .csv}, {@code .tsv}, {@code .xml}); {@value #FILE_NAME} lists them with the
 * SHA-256 of the query text each answers and its row count. A saved query edited since (another text) is not
 * answered from here: the server runs it live until the next {@code load}.
 *
 * @param answers by saved query name
 * @param dir     the store's {@value #DIR_NAME}/
 */
public record StoredAnswers(Map<String, Answer> answers, Path dir) {
    public static final String DIR_NAME = "answers";
    public static final String FILE_NAME = "answers.json";
    /** Bumped when what is written changes; answers of another version count as missing (the store is rebuilt). */
    static final long VERSION = 1;
    private static final String ROWS_SUFFIX = "srt";

    /**
     * One saved query's answer.
     *
     * @param querySha256 the SHA-256 of the text of the saved query it answers
     * @param rows        how many rows
     * @param bytes       the size of each format's file
     */
    public record Answer(String name, String querySha256, long rows, Map<ResultFormat, Long> bytes) {}

    public static StoredAnswers none() {
        return new StoredAnswers(Map.of(), null);
    }

    /** The answers stored with the store this dataset was opened from (none for a store without them). */
    public static StoredAnswers of(DatasetGraph dsg) {
        Path store = StoreVersion.storeDirectory(dsg);
        return store == null ? none() : read(store).orElse(none());
    }

    /** The stored answer of this saved query, if it was computed from the same text. */
    public Optional<Answer> current(SavedQuery query) {
        Answer a = answers.get(query.name());
        return a != null && a.querySha256().equals(StoreVersion.sha256(query.text())) ? Optional.of(a) : Optional.empty();
    }

    /** The file holding an answer in a format. */
    public Path file(Answer answer, ResultFormat format) {
        return dir.resolve(answer.name() + "." + format.suffix);
    }

    /** The rows of an answer, read as they are needed from its binary file; the caller closes it. */
    public Rows rows(Answer answer) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(dir.resolve(answer.name() + "." + ROWS_SUFFIX)), 1 << 16);
        return new Rows(ThriftRDF.readRowSet(in), in);
    }

    /** An answer's rows, open on its file. */
    public record Rows(RowSet rows, InputStream file) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            file.close();
        }
    }

    /** Whether the store holds answers written by this version of the code (not whether they are current). */
    static boolean present(Path storeDir) {
        return read(storeDir).isPresent();
    }

    /**
     * Runs each saved query that binds without parameter values and returns rows (over the union of the graphs, as
     * served), inside the caller's read
     * transaction, writing its rows once in the binary format and then each served format from those, so that a large
     * answer is never held in memory; then the list.
     */
    static StoredAnswers write(DatasetGraph dsg, SavedQueries queries, Path storeDir, Consumer<String> log) throws IOException {
        Path dir = Files.createDirectories(storeDir.resolve(DIR_NAME));
        Map<String, Answer> answers = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        long allRows = 0;
        for (SavedQuery q : queries.all()) {
            if (!q.query().isSelectType()) continue;
            Binding binding;
            try {
                binding = q.bind(Map.of());
            } catch (Parameter.BadParameter needsAValue) {
                continue;
            }
            long t = System.nanoTime();
            long rows;
            try {
                rows = writeRows(dsg, q, binding, dir.resolve(q.name() + "." + ROWS_SUFFIX));
            } catch (RuntimeException failed) {
                // A query that fails on this data is left to the server, which answers it live (and says why).
                log.accept("saved query " + q.name() + " not answered for the store: " + failed.getMessage());
                continue;
            }
            Map<ResultFormat, Long> bytes = new EnumMap<>(ResultFormat.class);
            StoredAnswers sofar = new StoredAnswers(answers, dir);
            Answer pending = new Answer(q.name(), StoreVersion.sha256(q.text()), rows, bytes);
            for (ResultFormat f : ResultFormat.suffixed()) {
                Path file = sofar.file(pending, f);
                try (Rows read = sofar.rows(pending); OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                    ResultsWriter.create().lang(f.resultsLang).write(out, read.rows());
                }
                bytes.put(f, Files.size(file));
            }
            answers.put(q.name(), pending);
            allRows += rows;
            if ((System.nanoTime() - t) > 2_000_000_000L) {
                log.accept(String.format(Locale.ROOT, "answered saved query %s: %,d rows in %.1f s", q.name(), rows, (System.nanoTime() - t) / 1e9));
            }
        }
        JsonObject list = new JsonObject();
        list.put("version", VERSION);
        JsonObject all = new JsonObject();
        for (Answer a : answers.values()) {
            JsonObject o = new JsonObject();
            o.put("querySha256", a.querySha256());
            o.put("rows", a.rows());
            JsonObject sizes = new JsonObject();
            a.bytes().forEach((f, n) -> sizes.put(f.suffix, n));
            o.put("bytes", sizes);
            all.put(a.name(), o);
        }
        list.put("answers", all);
        try (OutputStream out = Files.newOutputStream(storeDir.resolve(FILE_NAME))) {
            JSON.write(out, list);
        }
        log.accept(String.format(Locale.ROOT, "answered %d saved queries (those without parameter values; %,d rows) for the store in %.2f s",
                answers.size(), allRows, (System.nanoTime() - t0) / 1e9));
        return new StoredAnswers(answers, dir);
    }

    /** The query's rows into the binary file, as they come; how many. */
    private static long writeRows(DatasetGraph dsg, SavedQuery q, Binding binding, Path file) throws IOException {
        try (QueryExec exec = QueryExec.dataset(dsg).query(q.query()).substitution(binding)
                .set(ARQ.httpServiceAllowed, false).set(org.apache.jena.tdb2.TDB2.symUnionDefaultGraph, true).build();
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            RowSet rows = exec.select();
            long[] n = {0};
            Iterator<Binding> counted = new Iterator<>() {
                @Override public boolean hasNext() { return rows.hasNext(); }
                @Override public Binding next() {
                    n[0]++;
                    return rows.next();
                }
            };
            // Terms as they are (no value encoding), so that every format written from them has the live lexical forms.
            ThriftRDF.writeRowSet(out, RowSetStream.create(rows.getResultVars(), counted), false);
            return n[0];
        }
    }

    /** The answers listed in a store, if written by this version of the code and all there. */
    static Optional<StoredAnswers> read(Path storeDir) {
        Path file = storeDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try (InputStream in = Files.newInputStream(file)) {
            JsonObject json = JSON.parse(in);
            if (!json.hasKey("version") || json.getNumber("version").longValue() != VERSION) return Optional.empty();
            Path dir = storeDir.resolve(DIR_NAME);
            Map<String, Answer> answers = new LinkedHashMap<>();
            JsonObject all = json.getObj("answers");
            for (String name : all.keys()) {
                JsonObject o = all.getObj(name);
                Map<ResultFormat, Long> bytes = new EnumMap<>(ResultFormat.class);
                JsonObject sizes = o.getObj("bytes");
                for (ResultFormat f : ResultFormat.suffixed()) {
                    JsonValue n = sizes.get(f.suffix);
                    if (n == null || !Files.isRegularFile(dir.resolve(name + "." + f.suffix))) return Optional.empty();
                    bytes.put(f, n.getAsNumber().value().longValue());
                }
                if (!Files.isRegularFile(dir.resolve(name + "." + ROWS_SUFFIX))) return Optional.empty();
                answers.put(name, new Answer(name, o.getString("querySha256"), o.getNumber("rows").longValue(), bytes));
            }
            return Optional.of(new StoredAnswers(Map.copyOf(answers), dir));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
