// Browser tests of the pictures (issue 14): the entity pages' network and timeline, the home page's charts and
// timeline, the SPARQL editor's Chart and Timeline views, in Debian's headless Chromium against the real server
// started from the built jar on the bundled data. Each picture is screenshot into web-tests/artifacts/ (kept as a
// test artifact, not in git) and checked to hold the nodes, bars or points that SPARQL on the same server counts.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { startServerAndBrowser, watch } from "./server.js";

const ARTIFACTS = join(import.meta.dirname, "artifacts");
const ID = "https://w3id.org/china-ai-kg/id/";
const KG = "https://w3id.org/china-ai-kg/ontology#";
const ENTAILMENTS = "https://w3id.org/china-ai-kg/graph/entailments";
const XSD = "http://www.w3.org/2001/XMLSchema#";
// As vocab/Dates.java: the properties that date things and the datatypes of a date.
const DATE_PROPERTIES = ["http://purl.org/dc/terms/date", "http://purl.org/dc/terms/issued", "http://purl.org/dc/terms/created",
  "http://purl.org/dc/terms/modified", "http://schema.org/startDate", "http://schema.org/endDate", "http://schema.org/datePublished",
  "http://schema.org/dateCreated", "http://schema.org/foundingDate", "http://schema.org/birthDate", KG + "releaseDate",
  KG + "effectiveDate", KG + "targetYear", KG + "referenceYear", KG + "inferredDate"];
const DATATYPES = ["date", "dateTime", "dateTimeStamp", "gYear", "gYearMonth"].map(t => "<" + XSD + t + ">").join(", ");

let browser, base, stop;

async function sparql(query) {
  const r = await fetch(base + "/kg/sparql", {
    method: "POST", headers: { "Content-Type": "application/sparql-query", Accept: "application/sparql-results+json" }, body: query
  });
  assert.equal(r.status, 200, query);
  return (await r.json()).results.bindings;
}

// The dated statements of some subjects, each (thing, property, date) once: what a timeline draws.
function datedOf(subjects) {
  return "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { " + subjects +
    " VALUES ?p { " + DATE_PROPERTIES.map(p => "<" + p + ">").join(" ") + " } GRAPH ?g { ?s ?p ?o } FILTER(?g != <" + ENTAILMENTS + ">)" +
    " FILTER(isIRI(?s) && STRSTARTS(STR(?s), \"" + ID + "\") && !CONTAINS(STR(?s), \"#\"))" +
    " FILTER(datatype(?o) IN (" + DATATYPES + ")) } }";
}

const external = seen => seen.requests.filter(u => !u.startsWith(base + "/") && u !== base && !u.startsWith("data:"));

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ base, browser, stop } = await startServerAndBrowser("kg-pictures-"));
});

after(async () => { await stop?.(); });

test("Baidu's page draws its neighbours, ERNIE Bot among them, and a timeline of what the sources date about it", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const seen = watch(page);
  await page.goto(base + "/id/org/baidu");
  const network = page.locator("#network svg");
  await network.scrollIntoViewIfNeeded();
  assert.ok(await network.isVisible(), "the network is drawn");
  const ernie = network.locator('g.node a[href="/id/model/ernie-bot"]');
  assert.equal(await ernie.count(), 1, "a node links to ERNIE Bot's page");
  assert.match(await ernie.locator("text").textContent(), /ERNIE/);
  assert.match(await ernie.locator("title").textContent(), /ERNIE-Bot developed by Baidu/);
  const box = await ernie.locator("circle").boundingBox();
  assert.ok(box && box.width > 0, "the ERNIE Bot node is on screen");
  await page.locator("#network").screenshot({ path: join(ARTIFACTS, "entity-baidu-network.png") });

  const neighbours = await network.locator("g.node a").evaluateAll(as => as.map(a => a.getAttribute("href")));
  const subjects = ["<" + ID + "org/baidu>", ...neighbours.map(h => "<" + ID + h.substring("/id/".length) + ">")];
  const [{ n }] = await sparql(datedOf("{ VALUES ?s { " + subjects.join(" ") + " } } UNION { ?s <http://schema.org/about> <" + ID +
    "org/baidu> } UNION { ?s <" + KG + "statedIn> <" + ID + "org/baidu> }"));
  const points = page.locator("#entity-timeline svg g.point");
  assert.equal(await points.count(), Number(n.value), "one point per dated statement SPARQL finds");
  assert.ok(Number(n.value) > 0);
  await page.locator("#entity-timeline").screenshot({ path: join(ARTIFACTS, "entity-baidu-timeline.png") });
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(external(seen), [], "no request leaves the server");
  await page.close();
});

test("an event's timeline has its start and end, each naming its source; a click on a node opens its page", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(base + "/id/event/wic-wuzhen-summit-2024");
  const points = page.locator("#entity-timeline svg g.point");
  const dates = await points.evaluateAll(gs => gs.map(g => g.getAttribute("data-date")));
  assert.ok(dates.includes("2024-11-19") && dates.includes("2024-11-22"), "start and end: " + dates);
  const start = points.filter({ has: page.locator("title", { hasText: "start date" }) });
  assert.match(await start.locator("title").textContent(), /source 001/, "the source that states it");
  await page.locator("#entity-timeline").screenshot({ path: join(ARTIFACTS, "entity-wuzhen-summit-timeline.png") });
  const wuzhen = page.locator('#network g.node a[href="/id/place/wuzhen"]');
  assert.equal(await wuzhen.count(), 1, "the summit's place");
  await Promise.all([page.waitForURL(base + "/id/place/wuzhen"), wuzhen.locator("circle").click()]);
  assert.match(await page.locator("h1").innerText(), /Wuzhen/);
  await page.close();
});

test("the pictures are there without JavaScript", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(base + "/id/org/baidu");
  assert.equal(await page.locator('#network g.node a[href="/id/model/ernie-bot"]').count(), 1);
  assert.ok(await page.locator("#entity-timeline g.point").count() > 0);
  await page.goto(base + "/");
  assert.ok(await page.locator("#chart-sources g.bar").count() > 0);
  await context.close();
});

test("the home page charts claims per source and per kind of source, and the timeline of the graph", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const seen = watch(page);
  await page.goto(base + "/");
  const expected = {};
  for (const b of await sparql("PREFIX kg: <" + KG + "> SELECT ?doc (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a kg:Claim ; kg:statedIn ?doc } GROUP BY ?doc")) {
    expected["/id/" + b.doc.value.substring(ID.length)] = Number(b.n.value);
  }
  const bars = await page.locator("#chart-sources g.bar").evaluateAll(gs =>
    Object.fromEntries(gs.map(g => [g.getAttribute("data-href"), Number(g.getAttribute("data-value"))])));
  assert.deepEqual(bars, expected, "one bar per source, its claims as SPARQL counts them");
  const widths = await page.locator("#chart-sources g.bar rect").evaluateAll(rs => rs.map(r => r.getBoundingClientRect().width));
  const values = Object.values(bars);
  const i = values.indexOf(Math.max(...values));
  assert.equal(widths[i], Math.max(...widths), "the source with the most claims has the longest bar");
  await page.locator("#chart-sources").screenshot({ path: join(ARTIFACTS, "home-claims-per-source.png") });

  const kinds = {};
  for (const b of await sparql("PREFIX kg: <" + KG + "> SELECT ?kind (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a kg:Claim ; kg:statedIn ?doc . ?doc kg:sourceKind ?kind } GROUP BY ?kind")) {
    kinds["/ontology#" + b.kind.value.substring(KG.length)] = Number(b.n.value);
  }
  const kindBars = await page.locator("#chart-kinds g.bar").evaluateAll(gs =>
    Object.fromEntries(gs.map(g => [g.getAttribute("data-href"), Number(g.getAttribute("data-value"))])));
  assert.deepEqual(kindBars, kinds, "one bar per kind of source");
  await page.locator("#chart-kinds").screenshot({ path: join(ARTIFACTS, "home-claims-per-kind.png") });

  const [{ n }] = await sparql(datedOf(""));
  const columns = await page.locator("#chart-years g.year").evaluateAll(gs => gs.map(g => Number(g.getAttribute("data-count"))));
  assert.equal(columns.reduce((a, b) => a + b, 0), Number(n.value), "the columns add up to every dated statement");
  await page.locator("#chart-years").screenshot({ path: join(ARTIFACTS, "home-graph-timeline.png") });
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(external(seen), []);
  await page.close();
});

// Runs the active tab's query, or first puts the given one in its editor.
async function runInEditor(page, query) {
  await page.locator(".tabPanel.active .CodeMirror").waitFor();
  if (query) await page.evaluate(q => document.querySelector(".tabPanel.active .CodeMirror").CodeMirror.setValue(q), query);
  await page.locator(".tabPanel.active .yasqe_queryButton").click();
  await page.locator(".tabPanel.active .yasr tbody tr").first().waitFor({ timeout: 30_000 });
}

test("the editor's Chart view draws one bar per result row, and a pie and a line of the same rows", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const seen = watch(page);
  await page.goto(base + "/");
  await page.locator('.open-in-editor[data-name="count-by-type"]').click();
  await page.locator(".tabPanel.active .CodeMirror").waitFor();
  assert.match(await page.locator(".tabsList .tab.active").innerText(), /^count-by-type\b/);
  await runInEditor(page, null);
  const query = await page.evaluate(() => document.querySelector(".tabPanel.active .CodeMirror").CodeMirror.getValue());
  const rows = await sparql(query);
  await page.locator(".tabPanel.active .yasr .select_chart").click();
  const chart = page.locator(".tabPanel.active .kg-chart svg");
  await chart.waitFor();
  assert.equal(await chart.locator("g.row rect.bar").count(), rows.length, "one bar per result row");
  const first = chart.locator("g.row").first();
  const numeric = Object.keys(rows[0]).find(v => rows.every(r => r[v] && /integer|decimal/.test(r[v].datatype || "")));
  assert.equal(await first.getAttribute("data-value"), rows[0][numeric].value, "the bars are the count column, in the rows' order");
  await page.locator(".tabPanel.active .kg-chart").screenshot({ path: join(ARTIFACTS, "editor-chart-bars.png") });
  await page.selectOption(".tabPanel.active select[data-choice=chart]", "pie");
  assert.equal(await page.locator(".tabPanel.active .kg-chart svg g.row .slice").count(), rows.filter(r => Number(r[numeric].value) > 0).length, "a slice per row");
  await page.locator(".tabPanel.active .kg-chart").screenshot({ path: join(ARTIFACTS, "editor-chart-pie.png") });
  await page.selectOption(".tabPanel.active select[data-choice=chart]", "line");
  assert.equal(await page.locator(".tabPanel.active .kg-chart svg g.row circle.dot").count(), rows.length, "a point per row");
  await page.locator(".tabPanel.active .kg-chart").screenshot({ path: join(ARTIFACTS, "editor-chart-line.png") });
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(external(seen), [], "the chart needs no network");
  await page.close();
});

test("the editor's Timeline view puts each dated row on a time axis", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const seen = watch(page);
  const query = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\nPREFIX schema: <http://schema.org/>\nPREFIX dcterms: <http://purl.org/dc/terms/>\n" +
    "PREFIX kg: <" + KG + ">\nSELECT ?thing ?label ?date WHERE {\n  VALUES ?p { dcterms:issued kg:effectiveDate schema:startDate kg:releaseDate }\n" +
    "  ?thing ?p ?date ; rdfs:label ?label FILTER(lang(?label) = \"en\")\n} ORDER BY ?label";
  await page.goto(base + "/");
  await runInEditor(page, query);
  const rows = await sparql(query);
  assert.ok(rows.length > 3, "dated rows in the data");
  await page.locator(".tabPanel.active .yasr .select_timeline").click();
  const points = page.locator(".tabPanel.active .kg-chart svg g.point");
  await points.first().waitFor();
  assert.equal(await points.count(), rows.length, "one point per row");
  const hrefs = await points.locator("a").evaluateAll(as => as.map(a => a.getAttribute("href")).sort());
  assert.deepEqual(hrefs, rows.map(r => "/id/" + r.thing.value.substring(ID.length)).sort(), "each point links to its thing's page");
  const texts = await points.locator("text").allTextContents();
  assert.ok(texts.some(t => t.includes("Made in China 2025")), "the points are labelled by name: " + texts);
  const dates = await points.evaluateAll(gs => gs.map(g => g.getAttribute("data-date")));
  assert.deepEqual(dates, [...dates].sort((a, b) => a.localeCompare(b)), "in date order");
  assert.deepEqual([...dates].sort(), rows.map(r => r.date.value).sort(), "the rows' dates");
  const xs = await points.locator("circle").evaluateAll(cs => cs.map(c => Number(c.getAttribute("cx"))));
  for (let k = 1; k < xs.length; k++) assert.ok(xs[k] >= xs[k - 1], "later is not further left");
  await page.locator(".tabPanel.active .kg-chart").screenshot({ path: join(ARTIFACTS, "editor-timeline.png") });
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(external(seen), []);
  await page.close();
});
