// Search benchmark, run by `benches/run --search`: serves a built site the way Netlify does
// (gzip for text), opens it in Debian's headless Chromium and reports, per query, the bytes a
// cold query fetches (search.js and index files, raw and as transferred) and the time from the
// keystroke to the results on screen, cold (first query of a fresh page) and warm.
//
//   node benches/search.mjs SITE_DIR
import { createServer } from "node:http";
import { readFileSync, existsSync, statSync } from "node:fs";
import { join, extname } from "node:path";
import { gzipSync } from "node:zlib";
import { createRequire } from "node:module";

const require = createRequire(new URL("../tests/browser/package.json", import.meta.url));
const { chromium } = require("playwright-core");

const site = process.argv[2];
const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css" };
let log = [];
const server = createServer((req, res) => {
  let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  let file = join(site, path);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
  if (!existsSync(file)) { res.writeHead(404); res.end(); return; }
  const raw = readFileSync(file);
  const type = types[extname(file)] || "application/octet-stream";
  const gz = /gzip/.test(req.headers["accept-encoding"] || "") && type.startsWith("text/");
  const body = gz ? gzipSync(raw, { level: 6 }) : raw;
  log.push({ path, raw: raw.length, sent: body.length });
  res.writeHead(200, { "content-type": type, ...(gz ? { "content-encoding": "gzip" } : {}) });
  res.end(body);
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});

// Types `q` into the box at once (as an input method commits a word) and times until the
// result count is announced.
async function timed(page, box, statusSel, q) {
  return page.evaluate(async ([box, statusSel, q]) => {
    const input = document.querySelector(box), status = document.querySelector(statusSel);
    const before = status.textContent;
    const done = new Promise((ok) => {
      const obs = new MutationObserver(() => { if (status.textContent && status.textContent !== before) { obs.disconnect(); ok(); } });
      obs.observe(status, { childList: true, characterData: true, subtree: true });
    });
    const t = performance.now();
    input.value = q;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    await done;
    return [performance.now() - t, status.textContent];
  }, [box, statusSel, q]);
}

const kb = (n) => (n / 1024).toFixed(1);
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const queries = ["理事会", "垃圾分类", "党员中心户", "volunteer", "示例村 1234", "村"];
const rows = [];
for (const [where, url, box, statusSel] of [
  ["header (case page)", "cases/case-05000/index.html", "#site-q", ".search-pop .search-status"],
  ["library page", "cases/index.html", "#library-q", "#search-status"],
]) {
  for (const q of queries) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(base + url);
    await page.waitForFunction(() => window.CBS);
    const js = log.filter((r) => r.path.includes("/assets/search."));
    log = [];
    const [cold, status] = await timed(page, box, statusSel, q);
    const fetched = [...js, ...log.filter((r) => r.path.includes("/search/"))];
    const warm = [];
    for (let k = 0; k < 5; k++) {
      // Another query in between, so the status changes when this one's results are in.
      await timed(page, box, statusSel, "量子计算机");
      warm.push((await timed(page, box, statusSel, q))[0]);
    }
    rows.push({ where, q, status, files: fetched.length, raw: fetched.reduce((a, r) => a + r.raw, 0), sent: fetched.reduce((a, r) => a + r.sent, 0), cold, warm: median(warm) });
    log = [];
    await context.close();
  }
}
console.log(`${"where".padEnd(20)} ${"query".padEnd(12)} ${"files".padStart(5)} ${"raw KB".padStart(8)} ${"gzip KB".padStart(8)} ${"cold ms".padStart(8)} ${"warm ms".padStart(8)}  result`);
for (const r of rows) {
  console.log(`${r.where.padEnd(20)} ${r.q.padEnd(12)} ${String(r.files).padStart(5)} ${kb(r.raw).padStart(8)} ${kb(r.sent).padStart(8)} ${r.cold.toFixed(1).padStart(8)} ${r.warm.toFixed(1).padStart(8)}  ${r.status}`);
}
await browser.close();
server.close();
