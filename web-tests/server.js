// What every browser test file needs: the real server, started from the built jar on the bundled data with a fresh
// store of its own on a free port, and Debian's headless Chromium; both stopped (and the store deleted) by stop().
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";

export const ROOT = resolve(import.meta.dirname, "..");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.on("error", fail);
    s.listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => ok(port)); });
  });
}

// /$/ping answers 503 while the store is built: ready is a 200.
async function waitForPing(url, deadlineMs) {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    try { if ((await fetch(url + "/$/ping")).ok) return; } catch { /* not up yet */ }
    await new Promise(r => setTimeout(r, 250));
  }
  throw new Error("server did not answer /$/ping at " + url);
}

/** Starts the server and the browser; resolves to { base, browser, stop }. */
export async function startServerAndBrowser(prefix) {
  const store = mkdtempSync(join(tmpdir(), prefix));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn("java", ["-jar", join(ROOT, "target", "china-ai-kg.jar"), "serve", "--port", String(port),
    "--host", "127.0.0.1", "--store", join(store, "store")], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  let browser;
  const stop = async () => {
    await browser?.close();
    server.kill();
    rmSync(store, { recursive: true, force: true });
  };
  try {
    await waitForPing(base, 120_000);
    browser = await chromium.launch({
      executablePath: CHROMIUM, headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"],
    });
  } catch (e) {
    await stop();
    throw e;
  }
  return { base, browser, stop };
}

// Every console error, uncaught exception and CSP violation a page reports, and every request it makes.
export function watch(page) {
  const seen = { errors: [], requests: [] };
  page.on("pageerror", e => seen.errors.push("pageerror: " + String(e)));
  page.on("console", m => { if (m.type() === "error") seen.errors.push("console: " + m.text()); });
  page.on("request", r => seen.requests.push(r.url()));
  return seen;
}
