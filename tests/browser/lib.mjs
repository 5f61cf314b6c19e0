// Shared helpers for the browser tests: build a site with the casebook binary, serve it over
// loopback HTTP, and drive Debian's Chromium with playwright-core (never a downloaded browser).
import { spawnSync } from "node:child_process";
import { createServer } from "node:http";
import { mkdtempSync, readFileSync, existsSync, statSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, extname, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { before, after } from "node:test";
import { parse as parseToml } from "smol-toml";

export const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, "../..");
export const artifacts = join(here, "artifacts");
mkdirSync(artifacts, { recursive: true });

export function casebookBin() {
  const bin = process.env.CASEBOOK_BIN || join(repo, "target/debug/casebook");
  if (!existsSync(bin)) throw new Error(`no casebook binary at ${bin}: run cargo build first`);
  return bin;
}

/** Builds the site at `root` into a fresh temp folder and returns that folder. */
export function buildSite(root = repo, extra = []) {
  const out = mkdtempSync(join(tmpdir(), "casebook-site-"));
  const r = spawnSync(casebookBin(), ["build", "--root", root, "--out", out, ...extra], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`casebook build failed (${r.status}):\n${r.stderr}`);
  return out;
}

const types = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json",
  ".xml": "application/xml", ".csv": "text/csv", ".txt": "text/plain", ".jpg": "image/jpeg", ".webp": "image/webp",
  ".png": "image/png", ".svg": "image/svg+xml",
};

/** Serves `dir` on a free loopback port; `headers` (an object, or a function of the URL path
 * returning one) are added to the responses. */
export async function serve(dir, headers = {}) {
  const server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (path.includes("..")) { res.writeHead(404); res.end(); return; }
    let file = join(dir, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    const found = existsSync(file);
    if (!found) file = join(dir, "404.html");
    const extra = typeof headers === "function" ? headers(path) : headers;
    res.writeHead(found ? 200 : 404, { "content-type": types[extname(file)] || "application/octet-stream", ...extra });
    res.end(readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

/** The headers netlify.toml gives a path, as a function of the path: Netlify applies every
 * rule whose pattern matches. */
export function netlifyHeaders() {
  const rules = parseToml(readFileSync(join(repo, "netlify.toml"), "utf8")).headers;
  return (path) => {
    const out = {};
    for (const { for: p, values } of rules) {
      if (p.endsWith("*") ? path.startsWith(p.slice(0, -1)) : path === p) Object.assign(out, values);
    }
    return out;
  };
}

/** Builds the demo library (with `extra` build arguments), serves it (with `headers`, as for
 * `serve`) and launches Chromium before the file's tests, and closes both after them. The
 * returned object holds `site`, `server` and `browser` once the tests run. */
export function builtSite(extra = [], headers = {}) {
  const env = {};
  before(async () => {
    env.site = buildSite(repo, extra);
    env.server = await serve(env.site, headers);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--disable-quic"],
  });
}

/** Opens a page that records console errors, page errors and requests to other hosts. */
export async function openPage(browser, { width = 1280, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (!["127.0.0.1", ""].includes(u.hostname) && u.protocol !== "data:" && u.protocol !== "file:") problems.push(`third-party request: ${r.url()}`);
  });
  return { page, problems, context };
}

/** Runs axe-core on the current page; returns its violations. */
export async function axe(page) {
  await page.addScriptTag({ path: join(here, "node_modules/axe-core/axe.min.js") });
  const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}
