// The SPARQL editor's "Chart" and "Timeline" views (YASR plugins, registered before home.js starts the editor):
// our own small SVG drawing, no library and no network. Chart: a bar, line or pie chart of a numeric column
// (a count) against a label column, one bar, point or slice per result row. Timeline: the rows that have a date
// (xsd:date, xsd:dateTime, xsd:gYearMonth, xsd:gYear) on a time axis, one point per row, sorted by date.
(function () {
  "use strict";
  if (!window.Yasgui || !Yasgui.Yasr) return;
  const SVG = "http://www.w3.org/2000/svg";
  const XSD = "http://www.w3.org/2001/XMLSchema#";
  const NUMERIC = ["integer", "decimal", "double", "float", "long", "int", "short", "byte", "nonNegativeInteger",
    "positiveInteger", "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort",
    "unsignedByte"].map(t => XSD + t);
  const DATES = ["date", "dateTime", "dateTimeStamp", "gYearMonth", "gYear"].map(t => XSD + t);
  const MAX_ROWS = 500;
  const WIDTH = 760;

  function el(name, attrs, text) {
    const e = document.createElementNS(SVG, name);
    Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, String(v)));
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function html(name, attrs, text) {
    const e = document.createElement(name);
    Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, String(v)));
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function shorten(text, max) {
    const chars = Array.from(String(text).replace(/\s+/g, " ").trim());
    return chars.length <= max ? chars.join("") : chars.slice(0, Math.max(1, max - 1)).join("").trimEnd() + "…";
  }
  const round = v => Math.round(v * 10) / 10;

  function isNumber(cell) {
    if (!cell || cell.type === "uri" || cell.type === "bnode") return false;
    if (cell.datatype && NUMERIC.includes(cell.datatype)) return true;
    return !cell.datatype && /^\s*-?\d+(\.\d+)?([eE][-+]?\d+)?\s*$/.test(cell.value);
  }
  function isDate(cell) {
    return !!cell && cell.type !== "uri" && DATES.includes(cell.datatype) && dateFraction(cell.value) !== null;
  }
  // 2024-07 is 2024.5; 2024 is 2024.0; null when not a date of those forms.
  function dateFraction(text) {
    const m = /^(-?\d{4,9})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T Z+].*|-\d{2}:\d{2})?$/.exec(String(text).trim());
    if (!m) return null;
    const month = m[2] ? Number(m[2]) : 1, day = m[3] ? Number(m[3]) : 1;
    if (month < 1 || month > 12 || day < 1 || day > 31) return null;
    return Number(m[1]) + (month - 1) / 12 + (day - 1) / 366;
  }
  // What a cell reads as: a literal's text; an IRI by the prefix the query declares, else its last segment.
  function text(cell, prefixes) {
    if (!cell) return "";
    if (cell.type !== "uri") return cell.value;
    for (const [p, ns] of Object.entries(prefixes || {})) {
      if (ns && cell.value.startsWith(ns) && cell.value.length > ns.length) return p + ":" + cell.value.substring(ns.length);
    }
    const m = /[^/#]+$/.exec(cell.value);
    return m ? m[0] : cell.value;
  }
  function link(cell) {
    if (!cell || cell.type !== "uri") return null;
    const ID = "https://w3id.org/china-ai-kg/id/";
    return cell.value.startsWith(ID) ? "/id/" + cell.value.substring(ID.length) : null;
  }

  // The row's first entity of ours, for a point whose label is a name rather than the entity.
  function firstLink(row, vars) {
    for (const v of vars) { const h = link(row[v]); if (h) return h; }
    return null;
  }

  // The columns of a result: numeric ones (every bound value a number), label ones (the others), date ones.
  function columns(yasr) {
    const vars = yasr.results.getVariables() || [];
    const rows = yasr.results.getBindings() || [];
    const numeric = vars.filter(v => rows.some(r => r[v]) && rows.every(r => !r[v] || isNumber(r[v])));
    const labels = vars.filter(v => !numeric.includes(v));
    const dates = vars.filter(v => rows.some(r => isDate(r[v])));
    return { vars, rows, numeric, labels: labels.length ? labels : vars, dates };
  }
  function prefixesOf(yasr) {
    try { return yasr.getPrefixes ? yasr.getPrefixes() : {}; } catch { return {}; }
  }
  function select(name, values, chosen, onChange) {
    const label = html("label", {}, name + " ");
    const s = html("select", { "data-choice": name.toLowerCase() });
    values.forEach(v => { const o = html("option", { value: v }, v); if (v === chosen) o.selected = true; s.appendChild(o); });
    s.addEventListener("change", () => onChange(s.value));
    label.appendChild(s);
    return label;
  }
  function figure(svg, caption) {
    const f = html("figure", { class: "picture" });
    f.appendChild(svg);
    f.appendChild(html("figcaption", {}, caption));
    return f;
  }
  function icon(kind) {
    const s = el("svg", { viewBox: "0 0 16 16", width: 16, height: 16, "aria-hidden": "true" });
    if (kind === "chart") [[1, 9, 3, 6], [6, 4, 3, 11], [11, 7, 3, 8]].forEach(([x, y, w, h]) => s.appendChild(el("rect", { x, y, width: w, height: h })));
    else { s.appendChild(el("line", { x1: 1, y1: 8, x2: 15, y2: 8, stroke: "currentColor" }));
      [3, 8, 13].forEach(cx => s.appendChild(el("circle", { cx, cy: 8, r: 2 }))); }
    return s;
  }

  // -- Chart ------------------------------------------------------------------------------------------------
  class Chart {
    constructor(yasr) {
      this.yasr = yasr;
      this.priority = 5;
      this.label = "Chart";
      this.state = { type: "bar", label: null, value: null };
    }
    canHandleResults() {
      const r = this.yasr.results;
      if (!r || !r.getVariables || !r.getBindings || !r.getBindings() || r.getBindings().length === 0) return false;
      return columns(this.yasr).numeric.length > 0;
    }
    getIcon() { return icon("chart"); }
    draw() {
      const c = columns(this.yasr);
      const st = this.state;
      if (!c.numeric.includes(st.value)) st.value = c.numeric[0];
      if (!c.vars.includes(st.label) || st.label === st.value) st.label = c.labels.find(v => v !== st.value) || c.labels[0];
      const box = html("div", { class: "kg-chart" });
      const controls = html("div", { class: "kg-chart-controls" });
      const redraw = () => { box.remove(); this.draw(); };
      controls.appendChild(select("Chart", ["bar", "line", "pie"], st.type, v => { st.type = v; redraw(); }));
      controls.appendChild(select("Label", c.vars, st.label, v => { st.label = v; redraw(); }));
      controls.appendChild(select("Value", c.numeric, st.value, v => { st.value = v; redraw(); }));
      box.appendChild(controls);
      const prefixes = prefixesOf(this.yasr);
      const rows = c.rows.slice(0, MAX_ROWS).map((r, i) => ({
        i, label: text(r[st.label], prefixes) || "(unbound)", value: r[st.value] ? Number(r[st.value].value) : 0, href: link(r[st.label]) || firstLink(r, c.vars)
      }));
      const more = c.rows.length > MAX_ROWS ? "; the first " + MAX_ROWS + " of " + c.rows.length + " rows" : "";
      const caption = "?" + st.value + " by ?" + st.label + ", " + rows.length + " rows" + more;
      const svg = st.type === "pie" ? pie(rows, caption) : st.type === "line" ? line(rows, caption) : bars(rows, caption);
      box.appendChild(figure(svg, caption));
      this.yasr.resultsEl.appendChild(box);
    }
  }

  function frame(height, caption, cls) {
    const svg = el("svg", { class: "kg-chart-svg " + cls, viewBox: "0 0 " + WIDTH + " " + height, width: WIDTH, height, role: "img", "aria-label": caption });
    svg.appendChild(el("title", {}, caption));
    return svg;
  }
  function wrap(node, row) {
    const g = el("g", { class: "row", "data-row": row.i, "data-label": row.label, "data-value": row.value });
    g.appendChild(el("title", {}, row.label + ": " + row.value));
    if (row.href) { const a = el("a", { href: row.href }); a.appendChild(node); g.appendChild(a); } else g.appendChild(node);
    return g;
  }
  function bars(rows, caption) {
    const ROW = 22, LABEL = 250, x0 = LABEL + 10, room = WIDTH - x0 - 70;
    const max = Math.max(...rows.map(r => Math.abs(r.value)), 1);
    const svg = frame(rows.length * ROW + 10, caption, "bars");
    rows.forEach((r, i) => {
      const y = 5 + i * ROW, w = round(Math.max(1, room * Math.abs(r.value) / max));
      const g = el("g", {});
      g.appendChild(el("text", { class: "label", x: LABEL, y: y + 12, "text-anchor": "end" }, shorten(r.label, 36)));
      g.appendChild(el("rect", { class: "bar", x: x0, y, width: w, height: ROW - 7 }));
      g.appendChild(el("text", { class: "value", x: round(x0 + w + 6), y: y + 12 }, String(r.value)));
      svg.appendChild(wrap(g, r));
    });
    return svg;
  }
  function line(rows, caption) {
    const H = 320, L = 50, R = 20, T = 16, B = 230;
    const max = Math.max(...rows.map(r => r.value), 0), min = Math.min(...rows.map(r => r.value), 0);
    const span = max - min || 1;
    const x = i => round(rows.length === 1 ? (L + WIDTH - R) / 2 : L + i * (WIDTH - L - R) / (rows.length - 1));
    const y = v => round(B - (v - min) / span * (B - T));
    const svg = frame(H, caption, "line");
    svg.appendChild(el("line", { class: "axis", x1: L, y1: y(min), x2: WIDTH - R, y2: y(min) }));
    svg.appendChild(el("line", { class: "axis", x1: L, y1: T, x2: L, y2: B }));
    svg.appendChild(el("text", { class: "tick", x: L - 6, y: y(max) + 4, "text-anchor": "end" }, String(max)));
    svg.appendChild(el("text", { class: "tick", x: L - 6, y: y(min) + 4, "text-anchor": "end" }, String(min)));
    svg.appendChild(el("polyline", { class: "series", points: rows.map(r => x(r.i) + "," + y(r.value)).join(" ") }));
    const every = Math.max(1, Math.ceil(rows.length / 12));
    rows.forEach(r => {
      svg.appendChild(wrap(el("circle", { class: "dot", cx: x(r.i), cy: y(r.value), r: 4 }), r));
      if (r.i % every === 0) {
        svg.appendChild(el("text", { class: "tick", x: x(r.i), y: B + 14, "text-anchor": "end",
          transform: "rotate(-35 " + x(r.i) + " " + (B + 14) + ")" }, shorten(r.label, 16)));
      }
    });
    return svg;
  }
  function pie(rows, caption) {
    const shown = rows.filter(r => r.value > 0);
    const total = shown.reduce((s, r) => s + r.value, 0) || 1;
    const H = Math.max(260, shown.length * 20 + 20), cx = 140, cy = 130, rad = 115;
    const svg = frame(H, caption, "pie");
    let a = -Math.PI / 2;
    shown.forEach((r, k) => {
      const da = 2 * Math.PI * r.value / total;
      const x1 = round(cx + rad * Math.cos(a)), y1 = round(cy + rad * Math.sin(a));
      const x2 = round(cx + rad * Math.cos(a + da)), y2 = round(cy + rad * Math.sin(a + da));
      const slice = shown.length === 1 ? el("circle", { cx, cy, r: rad, class: "slice s" + (k % 8) })
        : el("path", { class: "slice s" + (k % 8), d: "M" + cx + "," + cy + "L" + x1 + "," + y1 + "A" + rad + "," + rad + " 0 " + (da > Math.PI ? 1 : 0) + " 1 " + x2 + "," + y2 + "Z" });
      svg.appendChild(wrap(slice, r));
      const ly = 14 + k * 20;
      svg.appendChild(el("rect", { class: "slice s" + (k % 8), x: 290, y: ly, width: 12, height: 12 }));
      svg.appendChild(el("text", { class: "label", x: 308, y: ly + 11 },
        shorten(r.label, 48) + " · " + r.value + " (" + Math.round(100 * r.value / total) + "%)"));
      a += da;
    });
    return svg;
  }

  // -- Timeline ---------------------------------------------------------------------------------------------
  class Timeline {
    constructor(yasr) {
      this.yasr = yasr;
      this.priority = 4;
      this.label = "Timeline";
      this.state = { date: null, label: null };
    }
    canHandleResults() {
      const r = this.yasr.results;
      if (!r || !r.getVariables || !r.getBindings || !r.getBindings() || r.getBindings().length === 0) return false;
      return columns(this.yasr).dates.length > 0;
    }
    getIcon() { return icon("timeline"); }
    draw() {
      const c = columns(this.yasr);
      const st = this.state;
      if (!c.dates.includes(st.date)) st.date = c.dates[0];
      // the label: a column of literals (a name) if there is one, else any other column
      const others = c.vars.filter(v => v !== st.date && !c.numeric.includes(v));
      if (!c.vars.includes(st.label) || st.label === st.date) {
        st.label = others.find(v => c.rows.every(r => !r[v] || r[v].type !== "uri")) || others[0] || st.date;
      }
      const box = html("div", { class: "kg-chart" });
      const controls = html("div", { class: "kg-chart-controls" });
      const redraw = () => { box.remove(); this.draw(); };
      controls.appendChild(select("Date", c.dates, st.date, v => { st.date = v; redraw(); }));
      controls.appendChild(select("Label", c.vars, st.label, v => { st.label = v; redraw(); }));
      box.appendChild(controls);
      const prefixes = prefixesOf(this.yasr);
      const dated = c.rows.map((r, i) => ({ i, cell: r[st.date], r }))
        .filter(d => isDate(d.cell))
        .map(d => ({ i: d.i, date: d.cell.value, t: dateFraction(d.cell.value), label: text(d.r[st.label], prefixes), href: link(d.r[st.label]) || firstLink(d.r, c.vars) }))
        .sort((a, b) => a.t - b.t || a.label.localeCompare(b.label) || a.i - b.i);
      const rows = dated.slice(0, MAX_ROWS);
      const caption = "?" + st.label + " by ?" + st.date + ": " + dated.length + " dated rows of " + c.rows.length
        + (dated.length > MAX_ROWS ? ", the first " + MAX_ROWS + " drawn" : "");
      box.appendChild(figure(timeline(rows, caption), caption));
      this.yasr.resultsEl.appendChild(box);
    }
  }
  function step(years) {
    for (const s of [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]) if (Math.floor(years / s) <= 12) return s;
    return 1000;
  }
  function timeline(rows, caption) {
    const M = 24, AXIS = 30, FIRST = 54, ROW = 22;
    let from = Math.floor(rows[0].t), to = Math.floor(rows[rows.length - 1].t) + 1;
    const s = step(to - from);
    from = Math.floor(from / s) * s; to = Math.ceil(to / s) * s;
    const x = t => round(M + (t - from) / (to - from) * (WIDTH - 2 * M));
    const H = FIRST + (rows.length - 1) * ROW + 16;
    const svg = frame(H, caption, "timeline");
    svg.appendChild(el("line", { class: "axis", x1: M, y1: AXIS, x2: WIDTH - M, y2: AXIS }));
    for (let y = from; y <= to; y += s) {
      svg.appendChild(el("line", { class: "tick", x1: x(y), y1: AXIS - 4, x2: x(y), y2: H - 4 }));
      svg.appendChild(el("text", { class: "year", x: x(y), y: AXIS - 10, "text-anchor": "middle" }, String(y)));
    }
    rows.forEach((r, k) => {
      const cx = x(r.t), cy = FIRST + k * ROW, right = cx < WIDTH * 0.55;
      const room = right ? WIDTH - 16 - (cx + 9) : cx - 9 - 16;
      const g = el("g", { class: "point", "data-row": r.i, "data-date": r.date });
      g.appendChild(el("title", {}, r.date + " · " + r.label));
      const inner = el("g", {});
      inner.appendChild(el("line", { class: "guide", x1: cx, y1: AXIS, x2: cx, y2: cy }));
      inner.appendChild(el("circle", { cx, cy, r: 5 }));
      inner.appendChild(el("text", { x: right ? cx + 9 : cx - 9, y: cy + 4, "text-anchor": right ? "start" : "end" },
        shorten(r.date + " · " + r.label, Math.max(4, Math.floor(room / 6.6)))));
      if (r.href) { const a = el("a", { href: r.href }); a.appendChild(inner); g.appendChild(a); } else g.appendChild(inner);
      svg.appendChild(g);
    });
    return svg;
  }

  Yasgui.Yasr.registerPlugin("chart", Chart);
  Yasgui.Yasr.registerPlugin("timeline", Timeline);
})();
