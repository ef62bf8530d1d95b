package org.chinaaikg.web.html;

import org.chinaaikg.describe.DatasetMetadata;
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

    /** The classes counted on the home page, in the order shown. */
    private static final Map<Resource, String> SHOWN = new LinkedHashMap<>();

    static {
        SHOWN.put(KG.Company, "Companies");
        SHOWN.put(KG.Startup, "of which start-ups");
        SHOWN.put(KG.GovernmentBody, "Government bodies");
        SHOWN.put(KG.AcademicInstitution, "Universities and institutes");
        SHOWN.put(FOAF.Person, "People");
        SHOWN.put(KG.AIModel, "AI models");
        SHOWN.put(KG.Product, "Products and platforms");
        SHOWN.put(KG.Policy, "Policies");
        SHOWN.put(SCHEMA.Event, "Events");
        SHOWN.put(SCHEMA.Place, "Places");
        SHOWN.put(KG.Claim, "Claims");
    }

    /** A row of the counts table. */
    public record Count(String label, long n) {}

    /** A source document and the number of claims taken from it. */
    public record SourceClaims(Link source, long claims) {}

    /** Everything the home page shows. */
    public record Model(DatasetMetadata dataset, String origin, String yasgui, List<Count> counts,
                        List<SourceClaims> sources, List<SavedQueryCard> queries, String python, String savedQueriesJson) {}

    private LandingPage() {}

    public static String render(String origin, DatasetStatistics stats, Map<String, String> sourceTitles,
                                List<SavedQueryCard> queries, DatasetMetadata dataset) {
        return Templates.render("landing.jte", model(origin, stats, sourceTitles, queries, dataset));
    }

    static Model model(String origin, DatasetStatistics stats, Map<String, String> sourceTitles,
                       List<SavedQueryCard> queries, DatasetMetadata dataset) {
        List<Count> counts = new ArrayList<>();
        counts.add(new Count("Triples", stats.triples()));
        counts.add(new Count("Described entities", stats.entities()));
        SHOWN.forEach((cls, label) -> {
            Long n = stats.entitiesByClassAndSubclasses().get(cls.getURI());
            if (n != null && n > 0) counts.add(new Count(label, n));
        });
        List<SourceClaims> sources = stats.claimsBySource().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new SourceClaims(Link.to(e.getKey(), sourceTitles.getOrDefault(e.getKey(), e.getKey())), e.getValue()))
                .toList();
        List<SavedQueryCard> sorted = queries.stream().sorted(Comparator.comparing(SavedQueryCard::name)).toList();
        String example = "PREFIX kg: <" + KG.NS + ">\nPREFIX rdfs: <" + RDFS.getURI() + ">\n"
                + "SELECT ?model ?label WHERE { ?model a kg:LargeLanguageModel ; rdfs:label ?label } LIMIT 20";
        return new Model(dataset, origin, YASGUI, counts, sources, sorted, PythonSnippets.forSparql(origin, example), json(queries));
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
