// The home page's SPARQL editor: YASGUI from the WebJar, one tab per saved query without parameters.
// The saved queries come from the page's <script type="application/json" id="saved-queries"> block.
(function () {
  "use strict";
  const SAVED = JSON.parse(document.getElementById("saved-queries").textContent);
  const ENDPOINT = { endpoint: location.origin + "/kg/sparql", method: "POST" };
  // Offline: no prefix.cc or LOV look-ups from the editor, and our endpoint on every tab.
  if (Yasgui.Yasqe) Yasgui.Yasqe.defaults.autocompleters = ["variables"];
  Yasgui.defaults.requestConfig = { ...Yasgui.defaults.requestConfig, ...ENDPOINT };
  // autofocus: false, or the editor takes focus on load and the browser scrolls down to it: the page
  // must open at its top, with its title and the saved queries in view.
  const yasgui = new Yasgui(document.getElementById("yasgui"), {
    autofocus: false, requestConfig: ENDPOINT, copyEndpointOnNewTab: false, persistenceId: null,
    endpointCatalogueOptions: { getData: () => [] }, yasqe: { autocompleters: ["variables"] }
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
      yasqe: { ...Yasgui.Tab.getDefaults().yasqe, value: q.sparql, autocompleters: ["variables"] } });
  }
  SAVED.filter(q => q.parameters.length === 0).forEach(q => openSaved(q.name, false));
  const first = SAVED.find(q => q.parameters.length === 0);
  if (first) { const t = tabNamed(first.name); if (t) yasgui.selectTabId(t.getId()); }
  document.querySelectorAll(".open-in-editor").forEach(a => a.addEventListener("click", () => openSaved(a.dataset.name, true)));
  // Whatever the editor did while starting, a visit without a #fragment starts at the top.
  if (!location.hash) window.scrollTo(0, 0);
})();
