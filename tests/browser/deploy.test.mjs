// The site as deployed and as carried offline: every page type served with the headers of
// netlify.toml (its Content-Security-Policy above all) shows no CSP violation; the zip of
// `casebook build --zip`, unzipped, works from file:// (navigation, photos, language switch,
// search).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { openPage, netlifyHeaders, builtSite } from "./lib.mjs";

const zip = join(mkdtempSync(join(tmpdir(), "casebook-zip-")), "casebook.zip");
const env = builtSite(["--zip", zip], netlifyHeaders());

// Records CSP violations the page reports, before any script of the page runs.
async function watchCsp(page) {
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

const pages = [
  "index.html", "cases/index.html", "cases/bailinsi/index.html", "methods/co-decision/index.html",
  "practices/index.html", "matrix/index.html", "provinces/hubei/index.html", "courses/joint-creation-basics/index.html",
  "guide/index.html", "404.html",
];

test("the CSP of netlify.toml is served and no page violates it, even when used", async () => {
  const res = await fetch(env.server.url + "index.html");
  assert.match(res.headers.get("content-security-policy") || "", /script-src 'self'/);
  for (const prefix of ["", "en/"]) {
    for (const p of pages) {
      const { page, problems, context } = await openPage(env.browser);
      await watchCsp(page);
      await page.goto(env.server.url + prefix + p);
      // Use what the page offers: the search, the slider, teaching mode.
      if (await page.locator("#site-q").count()) {
        await page.fill("#site-q", prefix ? "council" : "理事会");
        await page.waitForFunction(() => !document.querySelector(".search-pop").hidden);
      }
      if (await page.locator("#library-q").count()) {
        await page.fill("#library-q", prefix ? "council" : "理事会");
        await page.waitForFunction(() => !document.querySelector("#search-results").hidden);
      }
      if (await page.locator(".compare-range").count()) {
        await page.locator(".compare-range").first().focus();
        await page.keyboard.press("End");
      }
      const csp = await page.evaluate(() => window.__csp);
      assert.deepEqual(csp, [], `${prefix}${p}: ${csp.join("\n")}`);
      assert.deepEqual(problems, [], `${prefix}${p}: ${problems.join("\n")}`);
      await context.close();
    }
  }
});

test("the offline zip works unzipped, from file://: pages, photos, language switch, search", async () => {
  const dir = mkdtempSync(join(tmpdir(), "casebook-unzipped-"));
  const r = spawnSync("unzip", ["-q", zip, "-d", dir], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const index = join(dir, "casebook", "index.html");
  assert.ok(existsSync(index), "the zip holds one folder named after it");

  const { page, problems, context } = await openPage(env.browser);
  await page.goto(pathToFileURL(index).href);
  await page.click('.site-nav a[href$="cases/index.html"]');
  await page.click('.card a[href*="bailinsi"]');
  assert.match(page.url(), /^file:.*\/casebook\/cases\/bailinsi\/index\.html$/);
  const photo = page.locator("#photos img").first();
  await photo.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => { const i = document.querySelector("#photos img"); return i && i.complete && i.naturalWidth > 0; });
  assert.ok((await photo.evaluate((i) => i.currentSrc)).startsWith("file:"), "the photo comes from the bundle");

  await page.click('.lang-switch a[hreflang="en"]');
  assert.match(page.url(), /\/casebook\/en\/cases\/bailinsi\/index\.html$/);
  await page.fill("#site-q", "volunteer");
  await page.waitForFunction(() => !document.querySelector(".search-pop").hidden);
  const found = await page.locator(".search-pop .result-title").allTextContents();
  assert.ok(found.includes("Zengcuo'an"), found.join(", "));
  await page.locator(".search-pop .result-title", { hasText: "Zengcuo'an" }).click();
  assert.match(page.url(), /\/casebook\/en\/cases\/zengcuoan\/index\.html$/);
  assert.deepEqual(problems, []);
  await context.close();
});
