// Browser tests: the home page, its SPARQL editor and an entity page, in Debian's headless Chromium,
// against the real server started from the built jar on the bundled data. Screenshots are kept in
// target/screenshots/ as test artifacts.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT, startServerAndBrowser, watch } from "./server.js";

const SHOTS = join(ROOT, "target", "screenshots");

let browser, base, stop;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ({ base, browser, stop } = await startServerAndBrowser("kg-browser-"));
});

after(async () => { await stop?.(); });

test("home page shows what the graph holds and the saved queries", async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", e => errors.push(String(e)));
  await page.goto(base + "/");
  assert.match(await page.locator("h1").first().innerText(), /China AI Knowledge Graph/);
  assert.ok(await page.locator("#counts tr").count() >= 3, "counts by type");
  assert.ok(await page.locator(".saved-query").count() >= 5, "saved queries listed");
  await page.screenshot({ path: join(SHOTS, "home.png"), fullPage: false });
  assert.deepEqual(errors, [], "no script errors on the home page");
  await page.close();
});

test("the home page opens at its top, with its title in view, after the editor has started", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(base + "/");
  // the editor is up (its tabs are drawn) before we look: it used to take focus and scroll the page down to it
  await page.locator("#yasgui .tabsList .tab").first().waitFor();
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => window.scrollY), 0, "the page is scrolled down on load");
  const h1 = page.locator("h1").first();
  assert.ok(await h1.isVisible(), "the title is visible");
  const box = await h1.boundingBox();
  assert.ok(box && box.y >= 0 && box.y + box.height <= 800, "the title is inside the first screen: " + JSON.stringify(box));
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true, "nothing has taken focus");
  await page.screenshot({ path: join(SHOTS, "home-top.png"), fullPage: false });
  await page.close();
});

test("a saved query runs in the SPARQL editor and shows result rows", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const external = [];
  page.on("request", r => { if (!r.url().startsWith(base)) external.push(r.url()); });
  await page.goto(base + "/");
  await page.locator('.open-in-editor[data-name="count-by-type"]').click();
  await page.locator(".tabPanel.active .CodeMirror").waitFor();
  assert.match(await page.locator(".tabsList .tab.active").innerText(), /^count-by-type\b/);
  await page.locator(".tabPanel.active .yasqe_queryButton").click();
  const rows = page.locator(".tabPanel.active .yasr tbody tr");
  await rows.first().waitFor({ timeout: 30_000 });
  assert.ok(await rows.count() > 0, "result rows");
  await page.locator("#sparql").scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, "editor-results.png"), fullPage: true });
  assert.deepEqual(external, [], "the page works offline: no request leaves the server");
  await page.close();
});

test("an entity page reads like an encyclopedia entry, with claims and their quotes", async () => {
  const page = await browser.newPage();
  const response = await page.goto(base + "/id/org/baidu");
  assert.equal(response.status(), 200);
  assert.match(await page.locator("h1").innerText(), /Baidu/);
  assert.ok(await page.locator("blockquote").count() > 0, "claims about Baidu with their quotes");
  await page.locator("a.src").first().waitFor();
  await page.screenshot({ path: join(SHOTS, "entity-baidu.png"), fullPage: true });
  await page.close();
});

test("under each fact its quotes open on a click, and the curators' values say so", async () => {
  const page = await browser.newPage();
  const response = await page.goto(base + "/id/org/minimax");
  assert.equal(response.status(), 200);
  const fact = page.locator("table.facts div.fact", { has: page.locator('a[href="/id/place/shanghai"]') });
  const details = fact.locator("details.support");
  assert.ok(await details.count() > 0, "the quotes that support 'MiniMax is in Shanghai'");
  const quote = details.first().locator("blockquote");
  assert.equal(await quote.isVisible(), false, "a quote stays folded until asked for");
  await details.first().locator("summary").click();
  assert.equal(await quote.isVisible(), true, "a click on the summary shows the quote");
  assert.match(await quote.innerText(), /Shanghai-based/);
  assert.ok(await details.first().locator('a[href^="/id/claim/"]').count() > 0, "a link to the claim");
  assert.ok(await details.first().locator('a[href^="/id/source/"]').count() > 0, "a link to the source");
  await page.screenshot({ path: join(SHOTS, "entity-minimax.png"), fullPage: true });

  await page.goto(base + "/id/org/baidu");
  const badge = page.locator("h1 .curated");
  assert.equal(await badge.count(), 1, "the Chinese label is marked as the curators'");
  assert.match(await badge.getAttribute("title"), /curators/);
  await page.close();
});

// ---- Search (issue 11): the header's typeahead, the /search page, entity fields, the editor's completion ----

function external(seen) {
  return seen.requests.filter(u => !u.startsWith(base + "/") && u !== base && !u.startsWith("data:"));
}

test("the header's search box suggests Baidu for 'Bidu' and opens its page on a click", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const seen = watch(page);
  await page.goto(base + "/");
  const box = page.locator("#site-search");
  await box.click();
  await box.pressSequentially("Bidu", { delay: 30 });
  const list = page.locator("header .typeahead");
  await list.waitFor({ state: "visible" });
  const baidu = list.locator("li", { hasText: "Baidu" }).first();
  await baidu.waitFor();
  assert.equal(await box.getAttribute("aria-expanded"), "true");
  const shown = await list.boundingBox();
  assert.ok(shown.x >= 0 && shown.x + shown.width <= 1280, "the suggestions stay inside the window: " + JSON.stringify(shown));
  await page.screenshot({ path: join(SHOTS, "typeahead-bidu.png") });
  await Promise.all([page.waitForURL(base + "/id/org/baidu"), baidu.click()]);
  assert.match(await page.locator("h1").innerText(), /Baidu/);
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(external(seen), []);
  await page.close();
});

test("the header's search box: arrow down and Enter open the suggestion; 百度 suggests Baidu", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const seen = watch(page);
  await page.goto(base + "/");
  const box = page.locator("#site-search");
  await box.click();
  await box.pressSequentially("Bidu", { delay: 30 });
  const first = page.locator("header .typeahead li").first();
  await first.waitFor();
  assert.match(await first.innerText(), /Baidu/, "Baidu is the first suggestion for 'Bidu'");
  await box.press("ArrowDown");
  assert.equal(await first.getAttribute("aria-selected"), "true");
  assert.equal(await box.getAttribute("aria-activedescendant"), await first.getAttribute("id"));
  await Promise.all([page.waitForURL(base + "/id/org/baidu"), box.press("Enter")]);

  await page.goto(base + "/");
  await page.locator("#site-search").fill("百度");
  const zh = page.locator("header .typeahead li", { hasText: "Baidu" }).first();
  await zh.waitFor();
  await page.screenshot({ path: join(SHOTS, "typeahead-baidu-zh.png") });
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test("Enter on 'sense time' in the header's box opens the search page with SenseTime first", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const seen = watch(page);
  await page.goto(base + "/");
  const box = page.locator("#site-search");
  await box.click();
  await box.pressSequentially("sense time", { delay: 30 });
  await page.locator("header .typeahead li").first().waitFor();   // suggestions shown, none chosen
  await Promise.all([page.waitForURL(u => u.pathname === "/search"), box.press("Enter")]);
  assert.equal(new URL(page.url()).searchParams.get("q"), "sense time");
  const first = page.locator("ol.search-results > li").first();
  await first.waitFor();
  assert.match(await first.locator("a").first().innerText(), /SenseTime/);
  assert.equal(await first.locator("a").first().getAttribute("href"), "/id/org/sensetime");
  await page.screenshot({ path: join(SHOTS, "search-sense-time.png"), fullPage: true });
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test("a saved query's entity field takes a name: picking Baidu submits its IRI and shows Baidu's rows", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const seen = watch(page);
  await page.goto(base + "/queries/company-profile");
  const field = page.locator("#p-company");
  await field.click();
  await field.pressSequentially("Baidu", { delay: 30 });
  const option = page.locator("td.typeahead-box .typeahead li", { hasText: "Baidu" }).first();
  await option.waitFor();
  await page.screenshot({ path: join(SHOTS, "query-field-typeahead.png") });
  await option.click();
  assert.equal(await field.inputValue(), "https://w3id.org/china-ai-kg/id/org/baidu");
  assert.match(await page.locator("#p-company-name").innerText(), /Baidu/);
  await Promise.all([page.waitForURL(u => u.searchParams.has("company")), page.locator("main form button[type=submit]").click()]);
  assert.equal(new URL(page.url()).searchParams.get("company"), "https://w3id.org/china-ai-kg/id/org/baidu");
  const rows = page.locator("table.results tr");
  assert.ok(await rows.count() > 1, "result rows for Baidu");
  assert.ok(await page.locator('table.results a[href="/id/model/ernie-bot"]').count() > 0, "Baidu develops ERNIE Bot");
  assert.equal(await page.locator("#p-company").inputValue(), "https://w3id.org/china-ai-kg/id/org/baidu");
  await page.screenshot({ path: join(SHOTS, "query-company-baidu.png"), fullPage: true });
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(external(seen), []);
  await page.close();
});

test("the SPARQL editor completes kg:Comp to kg:Company from our endpoint, and asks no other host", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const seen = watch(page);
  await page.goto(base + "/");
  const editor = page.locator(".tabPanel.active .CodeMirror");
  await editor.waitFor();
  // a fresh query: select all, type ours
  await editor.click();
  await page.keyboard.press("Control+a");
  await page.keyboard.press("Delete");
  await page.keyboard.type("PREFIX kg: <https://w3id.org/china-ai-kg/ontology#>\nSELECT * WHERE { ?c a kg:Comp", { delay: 20 });
  const hints = page.locator(".CodeMirror-hints");
  const company = hints.locator("li", { hasText: "kg:Company" }).first();
  await company.waitFor({ timeout: 10_000 });
  await page.locator("#sparql").scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, "editor-complete-class.png") });
  await company.click();
  const text = await page.evaluate(() => document.querySelector(".tabPanel.active .CodeMirror").CodeMirror.getValue());
  assert.match(text, /\?c a kg:Company\b/);
  const bad = seen.requests.filter(u => !u.startsWith(base + "/"));
  assert.deepEqual(bad, [], "every request goes to the server");
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test("the SPARQL editor completes org:bai to org:baidu from our search, not while a PREFIX is typed", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const seen = watch(page);
  await page.goto(base + "/");
  const editor = page.locator(".tabPanel.active .CodeMirror");
  await editor.waitFor();
  await editor.click();
  await page.keyboard.press("Control+a");
  await page.keyboard.press("Delete");
  await page.keyboard.type("PREFIX org: <https://w3id.org/china-ai-kg/id/org/>\n", { delay: 20 });
  await page.waitForTimeout(300);
  const suggest = () => seen.requests.filter(u => u.startsWith(base + "/search/suggest"));
  assert.deepEqual(suggest(), [], "no search for each keystroke of a namespace");
  await page.keyboard.type("SELECT * WHERE { ?x ?y org:bai", { delay: 20 });
  const baidu = page.locator(".CodeMirror-hints li", { hasText: /^org:baidu$/ }).first();
  await baidu.waitFor({ timeout: 10_000 });
  assert.ok(suggest().length > 0 && suggest().every(u => new URL(u).searchParams.get("kind") === "org"), suggest().join(" "));
  await page.locator("#sparql").scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, "editor-complete-entity.png") });
  await baidu.click();
  const text = await page.evaluate(() => document.querySelector(".tabPanel.active .CodeMirror").CodeMirror.getValue());
  assert.match(text, /\?y org:baidu\b/);
  assert.deepEqual(seen.requests.filter(u => !u.startsWith(base + "/")), [], "every request goes to the server");
  assert.deepEqual(seen.errors, []);
  await page.close();
});

for (const path of ["/", "/search?q=baidu", "/id/org/baidu", "/queries/company-profile"]) {
  test(`no CSP violation and no script error on ${path}`, async () => {
    const page = await browser.newPage();
    const seen = watch(page);
    await page.addInitScript(() => {
      window.__csp = [];
      document.addEventListener("securitypolicyviolation", e => window.__csp.push(e.violatedDirective + " " + e.blockedURI));
    });
    const response = await page.goto(base + path);
    assert.equal(response.status(), 200);
    assert.match(response.headers()["content-security-policy"] || "", /script-src 'self'/);
    await page.waitForLoadState("networkidle");
    // the typeahead is attached (search.js ran)
    assert.equal(await page.locator("#site-search").getAttribute("role"), "combobox");
    assert.deepEqual(await page.evaluate(() => window.__csp), [], "CSP violations");
    assert.deepEqual(seen.errors, [], "console errors");
    assert.deepEqual(external(seen), []);
    await page.close();
  });
}
