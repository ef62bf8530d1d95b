package org.chinaaikg.query;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetMem;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.apache.jena.system.Txn;

/**
 * Runs a query on the store with values bound to its parameters, and writes the result. Results are computed in
 * full before anything is written, so that a timeout or an error is reported as such and not as a truncated file.
 */
public final class QueryRunner {
    private QueryRunner() {}

    /** What a query gives: rows, a boolean, or a graph. */
    public sealed interface Result permits Rows, Bool, Triples {}

    public record Rows(RowSetRewindable rows) implements Result {}

    public record Bool(boolean value) implements Result {}

    public record Triples(Graph graph) implements Result {}

    public static Result run(DatasetGraph dsg, Query query, Binding binding, long timeoutMillis) {
        return run(dsg, query, binding, timeoutMillis, exec -> {});
    }

    /** As {@link #run(DatasetGraph, Query, Binding, long)}, telling {@code started} the execution (to abort it). */
    public static Result run(DatasetGraph dsg, Query query, Binding binding, long timeoutMillis, Consumer<QueryExec> started) {
        return Txn.calculateRead(dsg, () -> {
            var builder = QueryExec.dataset(dsg).query(query).substitution(binding)
                    .set(ARQ.httpServiceAllowed, false);
            if (timeoutMillis > 0) builder = builder.timeout(timeoutMillis, TimeUnit.MILLISECONDS);
            try (QueryExec exec = builder.build()) {
                started.accept(exec);
                if (query.isSelectType()) return new Rows(materialize(exec.select()));
                if (query.isAskType()) return new Bool(exec.ask());
                if (query.isConstructType()) return new Triples(exec.construct());
                if (query.isDescribeType()) return new Triples(exec.describe());
                throw new IllegalArgumentException("not a query: " + query.queryType());
            }
        });
    }

    /** Copies the rows out of the store's lazy bindings, which can only be read inside the transaction. */
    private static RowSetRewindable materialize(RowSet rows) {
        List<Var> vars = rows.getResultVars();
        List<Binding> copied = new ArrayList<>();
        rows.forEachRemaining(b -> {
            BindingBuilder copy = BindingFactory.builder();
            vars.forEach(v -> {
                Node n = b.get(v);
                if (n != null) copy.add(v, n);
            });
            copied.add(copy.build());
        });
        return RowSetMem.create(RowSetStream.create(vars, copied.iterator()));
    }

    /** The content type a result is written with in a format. */
    public static String contentType(Result result, ResultFormat format) {
        return result instanceof Triples ? format.graphLang.getHeaderString() : format.contentType;
    }

    public static void write(Result result, ResultFormat format, OutputStream out) {
        if (result instanceof Rows r) {
            r.rows().reset();
            if (format == ResultFormat.TABLE) {
                ResultSetFormatter.out(out, ResultSet.adapt(r.rows()));
            } else {
                ResultsWriter.create().lang(format.resultsLang).write(out, r.rows());
            }
        } else if (result instanceof Bool b) {
            if (format == ResultFormat.TABLE) {
                PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
                ps.println(b.value() ? "yes" : "no");
            } else {
                ResultsWriter.create().lang(format.resultsLang).write(out, b.value());
            }
        } else if (result instanceof Triples t) {
            RDFDataMgr.write(out, t.graph(), format.graphLang);
        }
    }

    /** A timeout, for callers that report it differently from other errors. */
    public static boolean isTimeout(Throwable e) {
        return e instanceof org.apache.jena.query.QueryCancelledException;
    }
}
