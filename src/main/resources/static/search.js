// The search box's typeahead, on every page (layout.jte), and on the fields that take an entity (query.jte).
// Each <input data-typeahead="go|iri" [data-kind="org"]> asks /search/suggest as one types:
//   go:  picking a name opens the entity's page (the header's box, the search page's);
//   iri: picking a name puts the entity's IRI in the field (a saved query's parameter) and shows the name beside it.
// Without JavaScript, the header's form submits to /search and a parameter field takes an IRI.
(function () {
  "use strict";
  let counter = 0;

  function attach(input) {
    const mode = input.dataset.typeahead;
    const list = document.createElement("ul");
    const id = "typeahead-" + (++counter);
    list.id = id;
    list.className = "typeahead";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", id);
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("autocomplete", "off");
    const box = input.closest(".typeahead-box") || input.parentNode;
    box.appendChild(list);
    const chosen = mode === "iri" ? document.getElementById(input.id + "-name") : null;
    let items = [], active = -1, timer = null, asked = "";

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function show(results) {
      items = results;
      list.replaceChildren();
      results.forEach((r, i) => {
        const li = document.createElement("li");
        li.id = id + "-" + i;
        li.setAttribute("role", "option");
        li.dataset.index = String(i);
        const name = document.createElement("span");
        name.textContent = r.label;
        const kind = document.createElement("span");
        kind.className = "badge";
        kind.textContent = r.kind;
        li.append(name, " ", kind);
        if (r.matched && r.matched !== r.label) {
          const m = document.createElement("span");
          m.className = "meta";
          m.textContent = " " + r.matched;
          li.append(m);
        }
        li.addEventListener("mousedown", e => { e.preventDefault(); pick(i); });
        list.appendChild(li);
      });
      list.hidden = results.length === 0;
      input.setAttribute("aria-expanded", String(results.length > 0));
      active = -1;
    }

    function highlight(i) {
      const options = list.querySelectorAll("li");
      options.forEach(o => o.setAttribute("aria-selected", "false"));
      if (i < 0 || i >= options.length) { active = -1; input.removeAttribute("aria-activedescendant"); return; }
      active = i;
      options[i].setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", options[i].id);
    }

    function pick(i) {
      const r = items[i];
      if (!r) return;
      close();
      if (mode === "iri") {
        input.value = r.iri;
        if (chosen) chosen.textContent = r.label + " (" + r.kind + ")";
        input.dispatchEvent(new Event("change", { bubbles: true }));
      } else {
        location.href = r.page;
      }
    }

    function ask() {
      const q = input.value.trim();
      if (q === asked) return;
      asked = q;
      if (!q || (mode === "iri" && /^https?:\/\//.test(q))) { show([]); return; }
      const params = new URLSearchParams({ q: q, limit: "8" });
      if (input.dataset.kind) params.set("kind", input.dataset.kind);
      fetch("/search/suggest?" + params, { headers: { Accept: "application/json" } })
        .then(r => r.ok ? r.json() : { results: [] })
        .then(answer => { if (answer.query === input.value.trim()) show(answer.results || []); })
        .catch(() => show([]));
    }

    input.addEventListener("input", () => {
      if (chosen) chosen.textContent = "";
      clearTimeout(timer);
      timer = setTimeout(ask, 60);
    });
    input.addEventListener("keydown", e => {
      if (list.hidden) return;
      if (e.key === "ArrowDown") { e.preventDefault(); highlight(Math.min(active + 1, items.length - 1)); }
      else if (e.key === "ArrowUp") { e.preventDefault(); highlight(Math.max(active - 1, -1)); }
      else if (e.key === "Enter" && active >= 0) { e.preventDefault(); pick(active); }
      else if (e.key === "Escape") { close(); }
    });
    input.addEventListener("blur", () => setTimeout(close, 100));
  }

  function start() {
    document.querySelectorAll("input[data-typeahead]").forEach(attach);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
