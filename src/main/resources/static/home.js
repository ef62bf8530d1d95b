// The home page's SPARQL editor: YASGUI from the WebJar, one tab per saved query without parameters.
// The saved queries come from the page's <script type="application/json" id="saved-queries"> block.
(function () {
  "use strict";
  const SAVED = JSON.parse(document.getElementById("saved-queries").textContent);
  const ENDPOINT = { endpoint: location.origin + "/kg/sparql", method: "POST" };
  // Offline: no prefix.cc or LOV look-ups from the editor, and our endpoint on every tab. Classes and
  // properties complete from our own ontology (one SPARQL query to this server), entities from /search/suggest.
  const COMPLETERS = ["variables", "kg-class", "kg-property", "kg-entity"];
  if (Yasgui.Yasqe) registerCompleters(Yasgui.Yasqe);
  if (Yasgui.Yasqe) Yasgui.Yasqe.defaults.autocompleters = COMPLETERS;
  Yasgui.defaults.requestConfig = { ...Yasgui.defaults.requestConfig, ...ENDPOINT };
  // autofocus: false, or the editor takes focus on load and the browser scrolls down to it: the page
  // must open at its top, with its title and the saved queries in view.
  const yasgui = new Yasgui(document.getElementById("yasgui"), {
    autofocus: false, requestConfig: ENDPOINT, copyEndpointOnNewTab: false, persistenceId: null,
    endpointCatalogueOptions: { getData: () => [] }, yasqe: { autocompleters: COMPLETERS }
  });
  function tabNamed(name) {
    return Object.values(yasgui._tabs || {}).find(t => t.getName && t.getName() === name);
  }
  function openSaved(name, active) {
    const q = SAVED.find(s => s.name === name);
    if (!q) return;
    const existing = tabNamed(q.name);
    if (existing) { yasgui.selectTabId(existing.getId()); return; }
    yasgui.addTab(active, { ...Yasgui.Tab.getDefaults(), name: q.name, requestConfig: ENDPOINT,
      yasqe: { ...Yasgui.Tab.getDefaults().yasqe, value: q.sparql, autocompleters: COMPLETERS } });
  }
  SAVED.filter(q => q.parameters.length === 0).forEach(q => openSaved(q.name, false));
  const first = SAVED.find(q => q.parameters.length === 0);
  if (first) { const t = tabNamed(first.name); if (t) yasgui.selectTabId(t.getId()); }
  document.querySelectorAll(".open-in-editor").forEach(a => a.addEventListener("click", () => openSaved(a.dataset.name, true)));
  function registerCompleters(Yasqe) {
    const ID = "https://w3id.org/china-ai-kg/id/";
    const ONTOLOGY = "https://w3id.org/china-ai-kg/graph/ontology";
    let terms = null;
    // Every class and property the ontology declares or relates to (W3C terms it reuses too), fetched once.
    function ontologyTerms() {
      if (terms) return terms;
      const query = "PREFIX owl: <http://www.w3.org/2002/07/owl#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> " +
        "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> SELECT DISTINCT ?term ?kind WHERE { GRAPH <" + ONTOLOGY + "> {" +
        " { ?term a owl:Class BIND(\"class\" AS ?kind) } UNION { ?x rdfs:subClassOf ?term BIND(\"class\" AS ?kind) } UNION" +
        " { ?term a ?pt VALUES ?pt { owl:ObjectProperty owl:DatatypeProperty owl:AnnotationProperty rdf:Property } BIND(\"property\" AS ?kind) } UNION" +
        " { ?x rdfs:subPropertyOf ?term BIND(\"property\" AS ?kind) } UNION { ?x rdfs:domain|rdfs:range ?term BIND(\"class\" AS ?kind) } }" +
        " FILTER(isIRI(?term)) }";
      terms = fetch("/kg/sparql", { method: "POST", headers: { "Content-Type": "application/sparql-query", Accept: "application/sparql-results+json" }, body: query })
        .then(r => r.ok ? r.json() : { results: { bindings: [] } })
        .then(j => j.results.bindings.map(b => ({ iri: b.term.value, kind: b.kind.value })))
        .catch(() => []);
      return terms;
    }
    function matching(kind, token) {
      const typed = (token.autocompletionString || "").toLowerCase();
      return ontologyTerms().then(all => all.filter(t => t.kind === kind).map(t => t.iri)
        .filter((iri, i, list) => list.indexOf(iri) === i)
        .filter(iri => !typed || (/^https?:/.test(typed) ? iri.toLowerCase().startsWith(typed) : iri.toLowerCase().includes(typed)))
        .sort().slice(0, 50));
    }
    // autoShow: the hints open as one types (the ontology is fetched once, then filtered here), not only on Ctrl-Space;
    // YASQE's own class and property completers wait for Ctrl-Space because each keystroke would ask LOV.
    Yasqe.forkAutocompleter("class", { name: "kg-class", autoShow: true, get: (yasqe, token) => matching("class", token) }, false);
    Yasqe.forkAutocompleter("property", { name: "kg-property", autoShow: true, get: (yasqe, token) => matching("property", token) }, false);
    // Entities: after "<" or a prefix of ours (org:, model:…), by name, from the search index.
    Yasqe.forkAutocompleter("property", {
      name: "kg-entity",
      autoShow: true,
      isValidCompletionPosition: yasqe => {
        const t = yasqe.getCompleteToken();
        const s = t.string || "";
        if (s.length < 2 || s[0] === "?" || s[0] === "$") return false;
        if (t.state && t.state.possibleCurrent && t.state.possibleCurrent.indexOf("a") >= 0) return false;
        // not in a PREFIX declaration's IRI (the hints open as one types: no search per keystroke of a namespace)
        const line = yasqe.getDoc().getLine(yasqe.getDoc().getCursor().line).substring(0, t.start);
        if (/PREFIX\s+[^\s:]*:\s*$/i.test(line) || /BASE\s*$/i.test(line)) return false;
        // a full IRI only once it is one of ours and goes beyond the namespace
        if (s[0] === "<") return s.indexOf(">") < 0 && s.substring(1).startsWith(ID) && s.length > ID.length + 1;
        const colon = s.indexOf(":");
        if (colon < 0) return false;
        const ns = yasqe.getPrefixesFromQuery()[s.substring(0, colon)];
        return !!ns && ns.startsWith(ID);
      },
      get: (yasqe, token) => {
        let text = token.autocompletionString || "";
        let kind = "";
        if (text.startsWith(ID)) {
          const rest = text.substring(ID.length);
          const slash = rest.indexOf("/");
          if (slash > 0) { kind = rest.substring(0, slash); text = rest.substring(slash + 1); } else { text = rest; }
        }
        text = text.replace(/[-_]/g, " ").trim();
        if (!text) return Promise.resolve([]);
        const params = new URLSearchParams({ q: text, limit: "20" });
        if (kind) params.set("kind", kind);
        return fetch("/search/suggest?" + params).then(r => r.ok ? r.json() : { results: [] })
          .then(j => j.results.map(r => r.iri).filter(iri => !token.tokenPrefixUri || iri.startsWith(token.tokenPrefixUri)))
          .catch(() => []);
      }
    }, false);
  }
  // Whatever the editor did while starting, a visit without a #fragment starts at the top.
  if (!location.hash) window.scrollTo(0, 0);
})();
