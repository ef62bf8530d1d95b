package org.chinaaikg.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.query.Dataset;
import org.chinaaikg.describe.DatasetMetadata;
import org.chinaaikg.describe.DatasetPictures;
import org.chinaaikg.describe.DatasetStatistics;
import org.chinaaikg.describe.EntityCatalog;
import org.chinaaikg.describe.GraphSources;
import org.chinaaikg.query.Parameter;
import org.chinaaikg.query.SavedQueries;
import org.chinaaikg.search.LuceneSearch;
import org.chinaaikg.store.Derived;
import org.chinaaikg.store.Downloads;
import org.chinaaikg.store.StoreVersion;
import org.chinaaikg.web.html.SavedQueryCard;

/**
 * Every path this server answers, in one table: what is served where, and which filters stand in front of it.
 * Fuseki itself serves the dataset ({@code /kg}) and {@code /$/ping}; everything else is ours. Before this table
 * exists, while {@code serve} builds the store, {@link Loading} answers every path with 503 "loading".
 */
public final class Routes {
    /** A path (servlet-spec pattern) and what answers it. */
    public record Route(String path, String what, HttpServlet servlet) {}

    /** A filter in front of the paths it names. */
    public record FilterRoute(String path, String what, Filter filter) {}

    /** The whole table, in mounting order; what tests and README read. */
    public record Table(List<FilterRoute> filters, List<Route> routes) {}

    /** Servlet-context attribute: the {@link SavedQueryServlet}, whose cache warm-up runs while the server does. */
    static final String SAVED_QUERIES = Routes.class.getName() + ".savedQueries";

    private Routes() {}

    public static Table table(Dataset dataset, Derived derived, SavedQueries queries, long timeoutMillis, QueryGate gate,
                              LuceneSearch search) {
        return table(dataset, derived, queries, timeoutMillis, gate, search, Limits.MAX_ANSWER_BYTES);
    }

    /** The table, with the largest query answer the endpoint buffers, in bytes. */
    public static Table table(Dataset dataset, Derived derived, SavedQueries queries, long timeoutMillis, QueryGate gate,
                              LuceneSearch search, long maxAnswerBytes) {
        // What is derived from the whole store was computed by load (or once at start): no request scans the store.
        DatasetStatistics counts = DatasetStatistics.of(derived);
        GraphSources graphSources = GraphSources.of(derived);
        DatasetMetadata about = DatasetMetadata.of(derived);
        DatasetPictures pictures = DatasetPictures.of(derived);
        Supplier<DatasetStatistics> stats = () -> counts;
        Supplier<GraphSources> sources = () -> graphSources;
        List<SavedQueryCard> cards = queries.all().stream()
                .map(q -> new SavedQueryCard(q.name(), q.summary(), q.description(),
                        q.parameters().stream().map(Parameter::name).toList(), q.text()))
                .toList();
        // Every entity with its kind, names, types and counts: computed once, on first use (index look-ups, no scan).
        Supplier<EntityCatalog> catalog = EntityCatalog.lazy(dataset.asDatasetGraph());
        SavedQueryServlet saved = new SavedQueryServlet(dataset.asDatasetGraph(), queries, timeoutMillis, gate, about,
                iri -> catalog.get().entry(iri).map(EntityCatalog.Entry::label));
        LinkedDataServlet resources = new LinkedDataServlet(dataset, sources, about);
        // The files load wrote inside the store (dumps, the merged ontology) with their sizes and checksums.
        Downloads downloads = Downloads.of(dataset.asDatasetGraph());
        DownloadsServlet files = new DownloadsServlet(downloads, about);

        List<FilterRoute> filters = List.of(
                new FilterRoute("/*", "compressed request bodies get 415 (inflated, they would pass the body limit)", new RequestEncoding()),
                new FilterRoute("/*", "request bodies over 1 MB get 413 before anything reads them", new BodyLimit(BodyLimit.DEFAULT_LIMIT)),
                new FilterRoute("/*", "unreadable requests (unknown charset, bad percent-encoding, a stalled body) get a one-line 4xx", new MalformedRequests()),
                new FilterRoute("/*", "error bodies sent with their length in bytes (a Fuseki bug)", new ErrorMessageLength()),
                new FilterRoute("/*", "TRACE and raw-echoed JSONP/stylesheet values refused (after the body limit: it may read a form)", new SecurityHeaders()),
                new FilterRoute("/*", "CORS: any origin may GET and POST; preflight answered", new Cors()),
                new FilterRoute("/*", "conditional GETs of what comes from the store alone (pages, /id, /ontology, /queries, /search, /reconcile, /kg, VoID): "
                        + "ETag and Last-Modified of the store's version, 304", new ConditionalRequests(StoreVersion.of(dataset.asDatasetGraph()))),
                new FilterRoute(KgServer.DATASET + "/*", "Graph Store reads: ?default is the union (as in SPARQL), a relative ?graph= "
                        + "is 400, HEAD has the real length; other methods 405 with Allow", new GraphStoreReads(dataset.asDatasetGraph())),
                new FilterRoute(KgServer.DATASET + "/*", "clients' own output=/format=/results= names (SPARQLWrapper's rdf+xml, n3…) "
                        + "made media types Fuseki writes, or dropped so that Accept decides", new FormatParameters()),
                new FilterRoute(KgServer.DATASET + "/*", "query answers buffered whole before the status (past 8 MB in a temporary file): "
                        + "a timeout is a 503, never a cut body; over --max-answer-mb a 422", new BufferedAnswers(maxAnswerBytes)),
                new FilterRoute(KgServer.DATASET + "/sparql", "a GET without a query gets the SPARQL service description",
                        DescriptionServlets.serviceDescriptionFilter(about, stats)),
                new FilterRoute("/id/*", "the lists of /id/: /id/ (the kinds) and /id/{kind}/ (its entities, paged); other paths go on",
                        new KindLists(catalog, about)));

        List<Route> routes = new ArrayList<>();
        routes.add(new Route("", "the home page", WebPages.home(about, sources, stats, () -> cards, () -> pictures)));
        routes.add(new Route("/webjars/*", "the SPARQL editor's files, from the jar (Jetty's ResourceServlet)", StaticFiles.webjars()));
        routes.add(new Route("/static/*", "the pages' CSS and JavaScript, src/main/resources/static", StaticFiles.site()));
        routes.add(new Route("/id/*", "every instance IRI, dereferenced (RDF or HTML)", resources));
        routes.add(new Route("/ontology", "the ontology (RDF or HTML documentation)", resources));
        RdfFormats.suffixes().keySet().forEach(suffix ->
                routes.add(new Route("/ontology." + suffix, "the ontology in one syntax", resources)));
        routes.add(new Route("/.well-known/void", "the VoID description of the dataset", DescriptionServlets.voidServlet(about, sources, stats, downloads)));
        routes.add(new Route("/downloads", "the downloads load wrote with the store, with size and SHA-256 (page, or JSON by Accept)", files));
        routes.add(new Route("/downloads/*", "one download as it is on disk (a .gz as application/gzip); ETag its SHA-256, 304", files));
        ReconcileServlet reconcile = new ReconcileServlet(catalog, search, dataset.asDatasetGraph(), about);
        routes.add(new Route("/reconcile", "the OpenRefine reconciliation service (API 0.2): manifest, queries, extension", reconcile));
        routes.add(new Route("/reconcile/*", "the reconciliation service's suggest, preview and property proposals", reconcile));
        routes.add(new Route("/search", "search by name or words (page, or JSON by Accept)", SearchServlet.search(search, about)));
        routes.add(new Route("/search/suggest", "the search box's typeahead (JSON)", SearchServlet.suggest(search)));
        routes.add(new Route("/queries", "the saved queries, as JSON", saved));
        routes.add(new Route("/queries/*", "a saved query run (results, or its page for a browser)", saved));
        return new Table(filters, List.copyOf(routes));
    }

    /** Mounts the table and the read-only dataset on a Fuseki builder. */
    public static FusekiServer.Builder mount(FusekiServer.Builder builder, DataService dataService, Table table) {
        // Our own CORS filter, on every path, instead of Fuseki's (which sent no Allow-Origin to our servlets).
        builder.enableCors(false, null).enablePing(true).add(KgServer.DATASET, dataService);
        table.filters().forEach(f -> builder.addFilter(f.path(), f.filter()));
        table.routes().forEach(r -> builder.addServlet(r.path(), r.servlet()));
        // The saved queries' servlet, for KgServer.build to start and stop its cache warm-up with the server.
        table.routes().stream().map(Route::servlet).filter(SavedQueryServlet.class::isInstance).findFirst()
                .ifPresent(s -> builder.addServletAttribute(SAVED_QUERIES, s));
        return builder;
    }
}
