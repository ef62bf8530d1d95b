// Browser tests: the home page, its SPARQL editor and an entity page, in Debian's headless Chromium,
// against the real server started from the built jar on the bundled data. Screenshots are kept in
// target/screenshots/ as test artifacts.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";

const ROOT = resolve(import.meta.dirname, "..");
const SHOTS = join(ROOT, "target", "screenshots");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

let server, browser, base, store;

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.on("error", fail);
    s.listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => ok(port)); });
  });
}

async function waitForPing(url, deadlineMs) {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    try { if ((await fetch(url + "/$/ping")).ok) return; } catch { /* not up yet */ }
    await new Promise(r => setTimeout(r, 250));
  }
  throw new Error("server did not answer /$/ping at " + url);
}

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  store = mkdtempSync(join(tmpdir(), "kg-browser-"));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn("java", ["-jar", join(ROOT, "target", "china-ai-kg.jar"), "serve", "--port", String(port),
    "--host", "127.0.0.1", "--store", join(store, "store")], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  await waitForPing(base, 120_000);
  browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
});

after(async () => {
  await browser?.close();
  server?.kill();
  rmSync(store, { recursive: true, force: true });
});

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
