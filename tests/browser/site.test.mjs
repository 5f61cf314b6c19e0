// Every page type of the demo library, in both languages: no axe-core violations, no console
// errors, no third-party requests; every built page passes the Nu HTML validator.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { openPage, axe, artifacts, here, builtSite } from "./lib.mjs";

const pages = [
  "index.html", "cases/index.html", "cases/bailinsi/index.html", "cases/zengcuoan/index.html",
  "methods/index.html", "methods/co-management/index.html", "practices/index.html", "matrix/index.html",
  "provinces/index.html", "provinces/hubei/index.html", "tags/index.html", "courses/index.html",
  "courses/joint-creation-basics/index.html", "guide/index.html", "about/index.html", "404.html",
];

const env = builtSite();

for (const prefix of ["", "en/"]) {
  for (const p of pages) {
    test(`${prefix}${p}: no axe violations, console errors or third-party requests`, async () => {
      const { page, problems, context } = await openPage(env.browser);
      const res = await page.goto(env.server.url + prefix + p);
      assert.ok(res.ok() || p === "404.html", `HTTP ${res.status()}`);
      const violations = await axe(page);
      assert.deepEqual(violations, [], violations.join("\n"));
      assert.deepEqual(problems, [], problems.join("\n"));
      await context.close();
    });
  }
}

test("the language switch leads to the same page in the other language", async () => {
  const { page, context } = await openPage(env.browser);
  await page.goto(env.server.url + "cases/shiqiao/index.html");
  await page.click('.lang-switch a[hreflang="en"]');
  assert.match(page.url(), /\/en\/cases\/shiqiao\/index\.html$/);
  assert.equal(await page.getAttribute("html", "lang"), "en");
  await page.click('.lang-switch a[hreflang="zh-CN"]');
  assert.match(page.url(), /\/cases\/shiqiao\/index\.html$/);
  await context.close();
});

test("screenshots at phone and desktop widths", async () => {
  for (const [name, width] of [["phone", 360], ["desktop", 1280]]) {
    for (const p of ["index.html", "cases/bailinsi/index.html", "en/cases/index.html", "en/matrix/index.html"]) {
      const { page, context } = await openPage(env.browser, { width, height: 800 });
      await page.goto(env.server.url + p);
      // No horizontal scrolling of the page itself at any width (the matrix scrolls inside its box).
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 1, `${p} at ${width}px overflows by ${overflow}px`);
      await page.screenshot({ path: join(artifacts, `${name}-${p.replaceAll("/", "_")}.png`), fullPage: false });
      await context.close();
    }
  }
});

test("every built page and stylesheet passes the Nu HTML validator", () => {
  const jar = join(here, "node_modules/vnu-jar/build/dist/vnu.jar");
  const r = spawnSync("java", ["-jar", jar, "--errors-only", "--skip-non-html", "--also-check-css", "--format", "gnu", env.site], { encoding: "utf8" });
  assert.equal(r.status, 0, `vnu reported errors:\n${r.stderr}${r.stdout}`);
});

test("the before/after slider moves with the keyboard; without JavaScript the photos stand side by side", async () => {
  const { page, problems, context } = await openPage(env.browser);
  await page.goto(env.server.url + "cases/bailinsi/index.html");
  const range = page.locator(".compare-range").first();
  assert.equal(await range.getAttribute("aria-label"), "拖动滑块比较改造前后");
  const split = () => page.locator(".compare-pair").first().evaluate((el) => el.style.getPropertyValue("--split"));
  const clip = () => page.locator(".compare-side.after").first().evaluate((el) => getComputedStyle(el).clipPath);
  assert.equal(await split(), "50%");
  const before = await clip();
  await range.focus();
  await page.keyboard.press("End");
  assert.equal(await split(), "100%");
  await page.keyboard.press("ArrowLeft");
  assert.equal(await split(), "99%");
  await page.keyboard.press("Home");
  assert.equal(await split(), "0%");
  assert.notEqual(await clip(), before, "the visible split moved");
  assert.equal(await range.getAttribute("aria-valuetext"), "0%");
  assert.deepEqual(problems, []);
  await context.close();

  const noJs = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const p2 = await noJs.newPage();
  await p2.goto(env.server.url + "cases/bailinsi/index.html");
  assert.equal(await p2.locator(".compare-range").count(), 0);
  const boxes = await p2.locator(".compare-side").evaluateAll((els) => els.slice(0, 2).map((e) => e.getBoundingClientRect().x));
  assert.ok(boxes[1] > boxes[0] + 100, `side by side: ${boxes}`);
  await noJs.close();
});
