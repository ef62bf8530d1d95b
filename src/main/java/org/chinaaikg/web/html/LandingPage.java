package org.chinaaikg.web.html;

import org.chinaaikg.describe.DatasetMetadata;
import org.chinaaikg.describe.DatasetPictures;
import org.chinaaikg.describe.DatasetStatistics;
import org.chinaaikg.vocab.KG;
import org.chinaaikg.vocab.SCHEMA;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.RDFS;

/**
 * The home page: what the graph holds (counts by type and by source), the saved queries with a
 * link that runs each, and a SPARQL editor (YASGUI, served from the jar) preloaded with them.
 * This class computes what the page shows; {@code landing.jte} lays it out.
 */
public final class LandingPage {
    static final String YASGUI = "/webjars/zazuko__yasgui/4.5.0/build/";

    /** The classes counted on the home page, in the order shown, each with the kind of IRI its instances have. */
    private static final Map<Resource, Shown> SHOWN = new LinkedHashMap<>();

    private record Shown(String label, String kind) {}

    static {
        SHOWN.put(KG.Company, new Shown("Companies", "org"));
        SHOWN.put(KG.Startup, new Shown("of which start-ups", "org"));
        SHOWN.put(KG.GovernmentBody, new Shown("Government bodies", "org"));
        SHOWN.put(KG.AcademicInstitution, new Shown("Universities and institutes", "org"));
        SHOWN.put(FOAF.Person, new Shown("People", "person"));
        SHOWN.put(KG.AIModel, new Shown("AI models", "model"));
        SHOWN.put(KG.Product, new Shown("Products and platforms", "product"));
        SHOWN.put(KG.Policy, new Shown("Policies", "policy"));
        SHOWN.put(SCHEMA.Event, new Shown("Events", "event"));
        SHOWN.put(SCHEMA.Place, new Shown("Places", "place"));
        SHOWN.put(KG.Claim, new Shown("Claims", "claim"));
    }

    /** A row of the counts table, linked to the list of what it counts ({@code /id/org/?type=…}), or not ({@code href} null). */
    public record Count(String label, long n, String href) {}

    /** A source document and the number of claims taken from it. */
    public record SourceClaims(Link source, long claims) {}

    /** Everything the home page shows. */
    public record Model(DatasetMetadata dataset, String origin, String yasgui, List<Count> counts,
                        List<SourceClaims> sources, List<SavedQueryCard> queries, String python, String savedQueriesJson,
                        BarChart.Model sourcesChart, BarChart.Model kindsChart, YearChart.Model graphTimeline) {}

    private LandingPage() {}

    public static String render(String origin, DatasetStatistics stats, Map<String, String> sourceTitles,
                                List<SavedQueryCard> queries, DatasetMetadata dataset, DatasetPictures pictures) {
        return Templates.render("landing.jte", model(origin, stats, sourceTitles, queries, dataset, pictures));
    }

    static Model model(String origin, DatasetStatistics stats, Map<String, String> sourceTitles,
                       List<SavedQueryCard> queries, DatasetMetadata dataset, DatasetPictures pictures) {
        List<Count> counts = new ArrayList<>();
        counts.add(new Count("Triples", stats.triples(), null));
        counts.add(new Count("Described entities", stats.entities(), "/id/"));
        SHOWN.forEach((cls, shown) -> {
            Long n = stats.entitiesByClassAndSubclasses().get(cls.getURI());
            if (n != null && n > 0) counts.add(new Count(shown.label(), n, KindListPage.pageHref(shown.kind(), cls.getURI(), 1)));
        });
        List<SourceClaims> sources = stats.claimsBySource().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new SourceClaims(Link.to(e.getKey(), sourceTitles.getOrDefault(e.getKey(), e.getKey())), e.getValue()))
                .toList();
        List<SavedQueryCard> sorted = queries.stream().sorted(Comparator.comparing(SavedQueryCard::name)).toList();
        String example = "PREFIX kg: <" + KG.NS + ">\nPREFIX rdfs: <" + RDFS.getURI() + ">\n"
                + "SELECT ?model ?label WHERE { ?model a kg:LargeLanguageModel ; rdfs:label ?label } LIMIT 20";
        return new Model(dataset, origin, YASGUI, counts, sources, sorted, PythonSnippets.forSparql(origin, example), json(queries),
                sourcesChart(sources), kindsChart(pictures),
                YearChart.layout(pictures.datedByYear(), "Dated statements by year, the whole graph: "
                        + pictures.datedByYear().values().stream().mapToLong(Long::longValue).sum()
                        + " dates of releases, policies, events, claims and sources", "dated statements"));
    }

    /** Claims per source document, in the order of the table (by IRI). */
    private static BarChart.Model sourcesChart(List<SourceClaims> sources) {
        List<BarChart.Item> items = sources.stream().map(s -> new BarChart.Item(s.source().text(), s.claims(), s.source().href())).toList();
        return BarChart.layout(items, "Claims per source document: " + items.size() + " sources", "claims");
    }

    /** Claims per kind of source (news site, blog, magazine…), most first. */
    private static BarChart.Model kindsChart(DatasetPictures pictures) {
        List<BarChart.Item> items = pictures.claimsByKind().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new BarChart.Item(pictures.titles().getOrDefault(e.getKey(), e.getKey().substring(e.getKey().lastIndexOf('#') + 1)),
                        e.getValue(), Link.to(e.getKey(), "").href()))
                .toList();
        return BarChart.layout(items, "Claims per kind of source: " + items.size() + " kinds", "claims");
    }

    /** The saved queries for the editor's tabs, read by {@code /static/home.js}. */
    static String json(List<SavedQueryCard> queries) {
        JsonArray all = new JsonArray();
        for (SavedQueryCard q : queries) {
            JsonObject o = new JsonObject();
            o.put("name", q.name());
            o.put("sparql", q.sparql());
            JsonArray parameters = new JsonArray();
            q.parameters().forEach(parameters::add);
            o.put("parameters", parameters);
            all.add(o);
        }
        return ScriptJson.of(all);
    }
}
