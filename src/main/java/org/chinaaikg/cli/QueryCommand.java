package org.chinaaikg.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.QueryExecHTTPBuilder;
import org.chinaaikg.query.Parameter;
import org.chinaaikg.query.QueryRunner;
import org.chinaaikg.search.LuceneSearch;
import org.chinaaikg.search.TextQuery;
import org.chinaaikg.query.ResultFormat;
import org.chinaaikg.query.SavedQueries;
import org.chinaaikg.query.SavedQuery;
import org.chinaaikg.store.Manifest;
import org.chinaaikg.store.ServingLock;
import org.chinaaikg.store.Stores;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code query}: runs a query file, a saved query or query text against the store, or the server serving it. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Run a SPARQL query against the store: a query file, a saved query's name",
                "(as /queries/NAME runs it) or --query TEXT. While a server serves the store",
                "(serve holds STORE.serving), the query goes to that server over the SPARQL",
                "protocol; otherwise the store is opened directly. Saved queries take their",
                "parameters as --param NAME=VALUE (?_company_iri is the parameter company)."})
public final class QueryCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    static final class Source {
        @Parameters(index = "0", paramLabel = "FILE.rq|NAME",
                description = "A query file (queries/count-by-type.rq) or a saved query's name (count-by-type), looked up in --queries.")
        String file;

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

    @Mixin
    StoreOption storeOption;

    @Option(names = "--queries", defaultValue = "queries", paramLabel = "DIR",
            description = "Saved queries folder, where a query NAME is looked up as NAME.rq (default: ${DEFAULT-VALUE}).")
    Path queries;

    @Option(names = "--timeout", defaultValue = "0", paramLabel = "SECONDS",
            description = "Query timeout in seconds; 0 for none (default: ${DEFAULT-VALUE}; a server's own timeout still applies).")
    double timeout;

    @Override
    public Integer call() throws Exception {
        Path store = storeOption.store;
        ResultFormat fmt;
        try {
            fmt = ResultFormat.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError("--format " + format + ": unknown format; use table, csv, tsv, json or xml");
        }
        SavedQuery query;
        try {
            query = source.file != null ? SavedQuery.read(queryFile(source.file)) : SavedQuery.parse("query", source.text, "--query");
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        Binding binding = bind(query);
        Optional<ServingLock.Holder> server = ServingLock.holder(store);
        QueryRunner.Result result;
        if (server.isPresent()) {
            result = remote(server.get(), store, query.query(), binding);
        } else {
            result = local(store, query.query(), binding);
        }
        PrintWriter out = spec.commandLine().getOut();
        var bytes = new ByteArrayOutputStream();
        QueryRunner.write(result, fmt, bytes);
        out.print(bytes.toString(StandardCharsets.UTF_8));
        out.flush();
        return 0;
    }

    /** The file a FILE.rq|NAME argument means: the file itself, or the saved query NAME.rq in --queries. */
    private Path queryFile(String arg) {
        Path file = Path.of(arg);
        if (Files.isRegularFile(file)) return file;
        if (Files.isDirectory(file)) throw new UserError(arg + ": is a folder; pass a query file, a saved query's name or --query TEXT");
        String name = arg.endsWith(".rq") ? arg.substring(0, arg.length() - 3) : arg;
        if (!name.contains("/") && !name.contains(java.io.File.separator)) {
            Path saved = queries.resolve(name + ".rq");
            if (Files.isRegularFile(saved)) return saved;
        }
        List<Path> files = SavedQueries.files(queries);
        String names = files.isEmpty() ? "none in " + queries + "; pass --queries DIR"
                : files.stream().map(p -> p.getFileName().toString().replaceFirst("\\.rq$", "")).collect(Collectors.joining(", "));
        throw new UserError(arg + ": no such query file, and no saved query " + name + ".rq in " + queries
                + " (saved queries: " + names + ")");
    }

    /** The store, opened here: no server has it. */
    private QueryRunner.Result local(Path store, Query query, Binding binding) {
        Stores.recover(store); // a load killed mid-swap may have left the previous store beside this path
        if (Manifest.read(store) == null) {
            throw new UserError(1, "no store at " + store + "; build it with: load --store " + store);
        }
        if (!Files.isWritable(store)) {
            throw new UserError(1, "--store " + store + ": the folder is read-only (TDB2 writes its lock file in it); make it writable");
        }
        Dataset dataset;
        LuceneSearch search;
        try {
            dataset = Stores.open(store);
        } catch (RuntimeException e) {
            throw new UserError(1, "cannot open the store " + store + " (is another program using it?): " + Main.oneLine(e));
        }
        // text:query over the index load built beside the store (or one built now, for an older store).
        search = LuceneSearch.openIn(store);
        if (search == null) search = LuceneSearch.inMemory(dataset.asDatasetGraph());
        TextQuery.register(dataset.getContext(), search);
        try {
            return QueryRunner.run(dataset.asDatasetGraph(), query, binding, (long) (timeout * 1000));
        } catch (RuntimeException e) {
            throw new UserError(1, QueryRunner.isTimeout(e) ? "timed out after " + timeout + " s; pass --timeout SECONDS" : Main.oneLine(e));
        } finally {
            Stores.release(dataset);
            search.close();
        }
    }

    /** The server that serves the store answers, over the SPARQL protocol; its answer is printed as a local one would be. */
    private QueryRunner.Result remote(ServingLock.Holder server, Path store, Query query, Binding binding) {
        if (server.url() == null) {
            throw new UserError(1, store + " is being loaded by a server starting in process " + server.pid()
                    + "; try again when it is ready");
        }
        String endpoint = server.url() + "kg/sparql";
        QueryExecHTTPBuilder builder = QueryExecHTTP.service(endpoint);
        builder.query(withValues(query, binding));
        if (timeout > 0) builder.timeout((long) (timeout * 1000), TimeUnit.MILLISECONDS);
        try (QueryExec exec = builder.build()) {
            if (query.isSelectType()) return new QueryRunner.Rows(exec.select().rewindable());
            if (query.isAskType()) return new QueryRunner.Bool(exec.ask());
            if (query.isConstructType()) return new QueryRunner.Triples(exec.construct());
            return new QueryRunner.Triples(exec.describe());
        } catch (org.apache.jena.sparql.engine.http.QueryExceptionHTTP e) {
            String why = e.getStatusCode() > 0 ? "answered " + e.getStatusCode() + ": " + Main.oneLine(e) : Main.oneLine(e);
            throw new UserError(1, "the server serving " + store + " at " + server.url() + " (process " + server.pid() + ") " + why);
        } catch (RuntimeException e) {
            throw new UserError(1, "asking the server at " + server.url() + " (process " + server.pid() + "): " + Main.oneLine(e));
        }
    }

    /**
     * The query with the parameters' values as a VALUES block opening its WHERE group: what the store does with them
     * (the values are bound before the pattern is matched, filters see them), where substituting them into the text
     * would give invalid SPARQL such as {@code BOUND(2020)}.
     */
    static Query withValues(Query query, Binding binding) {
        if (binding.isEmpty() || query.getQueryPattern() == null) return query;
        Query q = query.cloneQuery();
        ElementData values = new ElementData();
        binding.vars().forEachRemaining(values::add);
        values.add(binding);
        ElementGroup group = new ElementGroup();
        group.addElement(values);
        if (q.getQueryPattern() instanceof ElementGroup where) {
            where.getElements().forEach(group::addElement);
        } else {
            group.addElement(q.getQueryPattern());
        }
        q.setQueryPattern(group);
        return q;
    }

    private Binding bind(SavedQuery query) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        params.forEach((k, v) -> values.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        try {
            return query.bind(values);
        } catch (Parameter.BadParameter e) {
            throw new UserError(e.getMessage());
        }
    }
}
