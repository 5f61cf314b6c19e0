// Lighthouse scores of the demo library (accessibility, best practices, SEO) for the home
// page, a case page and the library page, in both languages, served with the headers of
// netlify.toml. Not a CI gate: the numbers move a little between runs.
//
//   node benches/lighthouse.mjs        (installs lighthouse@12 into target/lighthouse once)
import { spawnSync, execFile } from "node:child_process";
import { promisify } from "node:util";
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const tools = join(repo, "target", "lighthouse");
if (!existsSync(join(tools, "node_modules", "lighthouse"))) {
  mkdirSync(tools, { recursive: true });
  const r = spawnSync("npm", ["install", "--prefix", tools, "--no-audit", "--no-fund", "lighthouse@12"], { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const lib = await import(join(repo, "tests", "browser", "lib.mjs"));
process.env.CASEBOOK_BIN ||= join(repo, "target", "release", "casebook");
const site = lib.buildSite(repo);
const server = await lib.serve(site, lib.netlifyHeaders());
const out = mkdtempSync(join(tmpdir(), "casebook-lighthouse-"));
const cli = join(tools, "node_modules", "lighthouse", "cli", "index.js");
const rows = [];
for (const page of ["index.html", "cases/bailinsi/index.html", "cases/index.html", "en/index.html", "en/cases/bailinsi/index.html", "en/cases/index.html"]) {
  const report = join(out, page.replaceAll("/", "_") + ".json");
  // Asynchronously: the server answering Lighthouse runs in this process.
  try {
    await promisify(execFile)(process.execPath, [cli, server.url + page, "--quiet", "--output=json", `--output-path=${report}`,
      "--only-categories=accessibility,best-practices,seo", "--form-factor=mobile",
      "--chrome-flags=--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking"],
      { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM || "/usr/bin/chromium" }, timeout: 180000 });
  } catch (e) {
    console.error(`lighthouse failed on ${page}: ${e.message}\n${e.stderr ?? ""}`);
    process.exit(1);
  }
  const c = JSON.parse(readFileSync(report, "utf8")).categories;
  rows.push([page, c.accessibility.score, c["best-practices"].score, c.seo.score]);
}
await server.close();
console.log(`${"page".padEnd(32)} a11y  best  seo`);
for (const [p, a, b, s] of rows) console.log(`${p.padEnd(32)} ${String(Math.round(a * 100)).padStart(4)} ${String(Math.round(b * 100)).padStart(5)} ${String(Math.round(s * 100)).padStart(4)}`);
console.log(`reports: ${out}`);
