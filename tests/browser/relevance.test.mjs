// The search's own relevance suite: every query of relevance.json, in Chinese and English, run
// in Chromium over HTTP and from file://, must have its expected cases in the first three
// results; the mean reciprocal rank of each language is reported (artifacts/relevance.json)
// and may not fall below the baseline recorded beside the queries.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { openPage, artifacts, builtSite, here } from "./lib.mjs";

const env = builtSite();
const suite = JSON.parse(readFileSync(join(here, "relevance.json"), "utf8"));
const pages = { zh: "cases/index.html", en: "en/cases/index.html" };
const report = {};

/** The slugs of the results of `q`, best first, as the library page shows them. */
async function results(page, url, q) {
  await page.goto(`${url}?q=${encodeURIComponent(q)}`);
  await page.waitForFunction(() => (document.querySelector("#search-status")?.textContent || "").trim() !== "");
  const hrefs = await page.locator("#search-results .result-title").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  return hrefs.map((h) => (/cases\/([^/]+)\//.exec(h) || [])[1]).filter(Boolean);
}

for (const mode of ["http", "file"]) {
  for (const lang of ["zh", "en"]) {
    test(`${mode}, ${lang}: every query finds its cases in the first three`, async () => {
      const base = mode === "http" ? env.server.url : pathToFileURL(env.site).href + "/";
      const { page, problems, context } = await openPage(env.browser);
      const misses = [];
      let rr = 0;
      for (const { q, expect } of suite[lang]) {
        const got = await results(page, base + pages[lang], q);
        const ranks = expect.map((s) => got.indexOf(s) + 1).filter((r) => r > 0);
        rr += ranks.length ? 1 / Math.min(...ranks) : 0;
        const top = got.slice(0, 3);
        if (!expect.every((s) => top.includes(s))) { misses.push(`${q}: expected ${expect.join(", ")}, got ${got.slice(0, 5).join(", ") || "nothing"}`); }
      }
      const mrr = rr / suite[lang].length;
      report[`${mode} ${lang}`] = { queries: suite[lang].length, mrr: Number(mrr.toFixed(3)), misses };
      writeFileSync(join(artifacts, "relevance.json"), JSON.stringify(report, null, 2));
      console.log(`relevance ${mode} ${lang}: ${suite[lang].length} queries, MRR ${mrr.toFixed(3)}`);
      assert.ok(suite[lang].length >= 40, `only ${suite[lang].length} queries`);
      assert.deepEqual(misses, [], misses.join("\n"));
      assert.ok(mrr >= suite.baseline[lang], `MRR ${mrr.toFixed(3)} fell below the baseline ${suite.baseline[lang]}`);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}
