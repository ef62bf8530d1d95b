package org.chinaaikg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.jena.query.Dataset;
import org.chinaaikg.query.Parameter;
import org.chinaaikg.query.QueryRunner;
import org.chinaaikg.search.LuceneSearch;
import org.chinaaikg.search.TextQuery;
import org.chinaaikg.query.ResultFormat;
import org.chinaaikg.query.SavedQuery;
import org.chinaaikg.store.Manifest;
import org.chinaaikg.store.Stores;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code query}: runs a query file or text against the store, without a server. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Run a SPARQL query against the store, without a server. Saved queries take their",
                "parameters as --param NAME=VALUE (a variable ?_company_iri is the parameter company)."})
public final class QueryCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    static final class Source {
        @Parameters(index = "0", paramLabel = "FILE.rq", description = "A query file, e.g. queries/count-by-type.rq.")
        Path file;

        @Option(names = "--query", paramLabel = "TEXT", description = "The query text.")
        String text;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table, csv, tsv, json or xml (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A saved-query parameter, e.g. company=https://w3id.org/china-ai-kg/id/org/baidu.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--store", defaultValue = "target/store", paramLabel = "DIR",
            description = "TDB2 store directory (default: ${DEFAULT-VALUE}).")
    Path store;

    @Option(names = "--timeout", defaultValue = "0", paramLabel = "SECONDS",
            description = "Query timeout in seconds; 0 for none (default: ${DEFAULT-VALUE}).")
    double timeout;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        ResultFormat fmt;
        try {
            fmt = ResultFormat.valueOf(format.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            err.println("query: unknown format '" + format + "'; use table, csv, tsv, json or xml");
            return 2;
        }
        Stores.recover(store); // a load killed mid-swap may have left the previous store beside this path
        if (Manifest.read(store) == null) {
            err.println("query: no store at " + store + "; build it with: load --store " + store);
            return 1;
        }
        SavedQuery query;
        try {
            query = source.file != null ? SavedQuery.read(source.file) : SavedQuery.parse("query", source.text, "--query");
        } catch (IllegalArgumentException e) {
            err.println("query: " + e.getMessage());
            return 2;
        }
        var binding = bind(query, err);
        if (binding == null) return 2;
        Dataset dataset = Stores.open(store);
        // text:query over the index load built beside the store (or one built now, for an older store).
        LuceneSearch search = LuceneSearch.openIn(store);
        if (search == null) search = LuceneSearch.inMemory(dataset.asDatasetGraph());
        TextQuery.register(dataset.getContext(), search);
        try {
            QueryRunner.Result result = QueryRunner.run(dataset.asDatasetGraph(), query.query(), binding, (long) (timeout * 1000));
            PrintWriter out = spec.commandLine().getOut();
            var bytes = new java.io.ByteArrayOutputStream();
            QueryRunner.write(result, fmt, bytes);
            out.print(bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
            out.flush();
            return 0;
        } catch (RuntimeException e) {
            err.println("query: " + (QueryRunner.isTimeout(e) ? "timed out after " + timeout + " s" : e.getMessage()));
            return 1;
        } finally {
            Stores.release(dataset);
            search.close();
        }
    }

    private org.apache.jena.sparql.engine.binding.Binding bind(SavedQuery query, PrintWriter err) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        params.forEach((k, v) -> values.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        try {
            return query.bind(values);
        } catch (Parameter.BadParameter e) {
            err.println("query: " + e.getMessage());
            return null;
        }
    }
}
