package org.chinaaikg.web.html;

import org.chinaaikg.describe.DatasetMetadata;
import org.chinaaikg.describe.DatasetStatistics;
import org.chinaaikg.vocab.Iris;

import static org.chinaaikg.web.html.Html.esc;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The home page: what the graph holds (counts by type and by source), the saved queries with a
 * link that runs each, and a SPARQL editor (YASGUI, served from the jar) preloaded with them.
 */
public final class LandingPage {
    static final String YASGUI = "/webjars/zazuko__yasgui/4.5.0/build/";

    /** The classes counted on the home page, in the order shown. */
    private static final Map<String, String> SHOWN = new java.util.LinkedHashMap<>();

    static {
        SHOWN.put(Iris.KG + "Company", "Companies");
        SHOWN.put(Iris.KG + "Startup", "of which start-ups");
        SHOWN.put(Iris.KG + "GovernmentBody", "Government bodies");
        SHOWN.put(Iris.KG + "AcademicInstitution", "Universities and institutes");
        SHOWN.put("http://xmlns.com/foaf/0.1/Person", "People");
        SHOWN.put(Iris.KG + "AIModel", "AI models");
        SHOWN.put(Iris.KG + "Product", "Products and platforms");
        SHOWN.put(Iris.KG + "Policy", "Policies");
        SHOWN.put("http://schema.org/Event", "Events");
        SHOWN.put("http://schema.org/Place", "Places");
        SHOWN.put(Iris.KG + "Claim", "Claims");
    }

    private LandingPage() {}

    public static String render(String origin, DatasetMetadata about, DatasetStatistics stats, Map<String, String> sourceTitles,
                                List<SavedQueryCard> queries) {
        StringBuilder b = new StringBuilder(Html.start("Home",
                "<link rel=\"stylesheet\" href=\"" + YASGUI + "yasgui.min.css\"><script src=\"" + YASGUI + "yasgui.min.js\"></script>"));
        b.append("<h1>").append(esc(about.title() != null ? about.title() : "China AI Knowledge Graph")).append("</h1><p>Which companies build which models, which regulations bind them, and "
                + "<b>who claimed what, where</b>: an RDF knowledge graph of the Chinese AI industry in which every fact "
                + "traces to the exact words of the source that states it.</p>");

        b.append("<h2>What it holds</h2><table id=\"counts\">");
        b.append("<tr><th>Triples</th><td>").append(stats.triples()).append("</td></tr>");
        b.append("<tr><th>Described entities</th><td>").append(stats.entities()).append("</td></tr>");
        SHOWN.forEach((cls, label) -> {
            Long n = stats.entitiesByClassAndSubclasses().get(cls);
            if (n != null && n > 0) {
                b.append("<tr><th>").append(esc(label)).append("</th><td>").append(n).append("</td></tr>");
            }
        });
        b.append("</table><h3>Claims by source</h3><table id=\"sources\">");
        stats.claimsBySource().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> b.append("<tr><th><a href=\"")
                .append(esc(Iris.localLink(e.getKey()))).append("\">").append(esc(sourceTitles.getOrDefault(e.getKey(), e.getKey())))
                .append("</a></th><td>").append(e.getValue()).append(" claims</td></tr>"));
        b.append("</table>");
        if (about.licenseIri() != null) {
            b.append("<p id=\"license\">Data licence: <a href=\"").append(esc(about.licenseIri())).append("\">")
                    .append(esc(about.licenseName() != null ? about.licenseName() : about.licenseIri())).append("</a></p>");
        }

        b.append("<h2 id=\"queries\">Saved queries</h2><p>Each runs live; add <code>.csv</code>, <code>.tsv</code> or "
                + "<code>.json</code> for data, or open it in the editor below.</p>");
        for (SavedQueryCard q : queries.stream().sorted(Comparator.comparing(SavedQueryCard::name)).toList()) {
            b.append("<div class=\"claim saved-query\" data-name=\"").append(esc(q.name())).append("\"><b><a href=\"/queries/")
                    .append(esc(q.name())).append("\">").append(esc(q.summary())).append("</a></b> <code>").append(esc(q.name()))
                    .append("</code><div>").append(esc(q.description())).append("</div><div class=\"meta formats\">");
            if (q.parameters().isEmpty()) {
                b.append("<a href=\"/queries/").append(esc(q.name())).append(".csv\">CSV</a><a href=\"/queries/")
                        .append(esc(q.name())).append(".json\">JSON</a>");
            } else {
                b.append("parameters: ").append(esc(String.join(", ", q.parameters()))).append(' ');
            }
            b.append("<a href=\"#sparql\" class=\"open-in-editor\" data-name=\"").append(esc(q.name())).append("\">open in editor</a></div></div>");
        }

        b.append("<h2 id=\"sparql\">SPARQL</h2><p>Endpoint: <code>").append(esc(origin)).append("/kg/sparql</code> "
                + "(read-only; JSON, XML, CSV, TSV results; CONSTRUCT as Turtle, JSON-LD, RDF/XML). The default graph is the union "
                + "of all graphs; <code>GRAPH ?g</code> tells which source file each triple comes from.</p><div id=\"yasgui\"></div>");
        b.append("<h3>From Python</h3><pre>").append(esc(PythonSnippets.forSparql(origin,
                "PREFIX kg: <https://w3id.org/china-ai-kg/ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                        + "SELECT ?model ?label WHERE { ?model a kg:LargeLanguageModel ; rdfs:label ?label } LIMIT 20"))).append("</pre>");

        b.append("<script>const SAVED = ").append(json(queries)).append(";\n").append("""
                const ENDPOINT = { endpoint: location.origin + "/kg/sparql", method: "POST" };
                // Offline: no prefix.cc or LOV look-ups from the editor, and our endpoint on every tab.
                if (Yasgui.Yasqe) Yasgui.Yasqe.defaults.autocompleters = ["variables"];
                Yasgui.defaults.requestConfig = { ...Yasgui.defaults.requestConfig, ...ENDPOINT };
                const yasgui = new Yasgui(document.getElementById("yasgui"), {
                  requestConfig: ENDPOINT, copyEndpointOnNewTab: false, persistenceId: null,
                  endpointCatalogueOptions: { getData: () => [] }, yasqe: { autocompleters: ["variables"] }
                });
                function openSaved(name, active) {
                  const q = SAVED.find(s => s.name === name);
                  if (!q) return;
                  const existing = Object.values(yasgui._tabs || {}).find(t => t.getName && t.getName() === q.name);
                  if (existing) { yasgui.selectTabId(existing.getId()); return; }
                  yasgui.addTab(active, { ...Yasgui.Tab.getDefaults(), name: q.name, requestConfig: ENDPOINT,
                    yasqe: { ...Yasgui.Tab.getDefaults().yasqe, value: q.sparql, autocompleters: ["variables"] } });
                }
                SAVED.filter(q => q.parameters.length === 0).forEach(q => openSaved(q.name, false));
                const first = SAVED.find(q => q.parameters.length === 0);
                if (first) { const t = Object.values(yasgui._tabs).find(t => t.getName() === first.name); if (t) yasgui.selectTabId(t.getId()); }
                document.querySelectorAll(".open-in-editor").forEach(a => a.addEventListener("click", () => openSaved(a.dataset.name, true)));
                </script>""");
        return b.append(Html.end()).toString();
    }

    /** The saved queries as a JSON array for the page's script (escaped so that no text can close the script element). */
    static String json(List<SavedQueryCard> queries) {
        StringBuilder b = new StringBuilder("[");
        for (SavedQueryCard q : queries) {
            if (b.length() > 1) b.append(',');
            b.append("{\"name\":").append(str(q.name())).append(",\"sparql\":").append(str(q.sparql()))
                    .append(",\"parameters\":[");
            for (int i = 0; i < q.parameters().size(); i++) {
                b.append(i > 0 ? "," : "").append(str(q.parameters().get(i)));
            }
            b.append("]}");
        }
        return b.append(']').toString();
    }

    private static String str(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '<' -> b.append("\\u003c");
                case '>' -> b.append("\\u003e");
                case '&' -> b.append("\\u0026");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c)); else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }
}
