// Every page type of the demo library, in both languages: no axe-core violations, no console
// errors, no third-party requests; every built page passes the Nu HTML validator.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { openPage, axe, artifacts, here, builtSite, buildSite, serve, repo } from "./lib.mjs";

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

test("a real before/after pair is a slider that moves with the keyboard; without JavaScript the photos stand side by side", async () => {
  // The demo's photos are stand-ins (illustrative); the photos fixture has a real pair.
  const site = buildSite(join(repo, "tests/fixtures/photos"));
  const server = await serve(site);
  try {
    const { page, problems, context } = await openPage(env.browser);
    await page.goto(server.url + "cases/alpha/index.html");
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
    await p2.goto(server.url + "cases/alpha/index.html");
    assert.equal(await p2.locator(".compare-range").count(), 0);
    const boxes = await p2.locator(".compare-side").evaluateAll((els) => els.slice(0, 2).map((e) => e.getBoundingClientRect().x));
    assert.ok(boxes[1] > boxes[0] + 100, `side by side: ${boxes}`);
    await noJs.close();
  } finally {
    await server.close();
  }
});

test("illustrative photos say so first and never show before/after labels or a slider, on screen or in print", async () => {
  for (const [path, heading, label] of [["cases/bailinsi/index.html", "照片", "示意图片"], ["en/cases/shiqiao/index.html", "Photos", "Illustrative photos"]]) {
    for (const media of ["screen", "print"]) {
      const { page, problems, context } = await openPage(env.browser, { width: 1280, height: 900 });
      await page.emulateMedia({ media });
      await page.goto(env.server.url + path);
      const photos = page.locator("#photos");
      assert.equal(await photos.locator("h2").textContent(), heading, "a case of stand-ins does not head its photos before/after");
      assert.equal(await photos.locator(".illustrative-caption strong").first().textContent(), label);
      assert.equal(await photos.locator(".compare-range, [data-compare], .compare-side").count(), 0, `${path} (${media})`);
      const text = await photos.innerText();
      assert.doesNotMatch(text, /改造前|改造后|\bBefore\b|\bAfter\b/, `${path} (${media}): ${text}`);
      const first = photos.locator(".photo-pair").first();
      const caption = await first.locator(".illustrative-caption").boundingBox();
      const imgs = await first.locator("img").evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y })));
      assert.ok(caption.y < imgs[0].y, `${path} (${media}): the caption comes first`);
      assert.ok(imgs[1].x > imgs[0].x + 100 && Math.abs(imgs[1].y - imgs[0].y) < 2, `${path} (${media}): side by side ${JSON.stringify(imgs)}`);
      if (media === "screen") await photos.screenshot({ path: join(artifacts, `illustrative-${path.replaceAll("/", "_")}.png`) });
      assert.deepEqual(problems, []);
      await context.close();
    }
  }
});

test("an uncertain name shows its reason on hover and on keyboard focus, and in the page's notes", async () => {
  for (const width of [360, 1280]) {
    const { page, problems, context } = await openPage(env.browser, { width, height: 900 });
    await page.goto(env.server.url + "cases/bailinsi/index.html");
    const mark = page.locator(".uncertain[tabindex]", { hasText: "七里坪镇" }).first();
    const why = await mark.getAttribute("data-why");
    assert.match(why, /Qiling Town/);
    const tip = () => mark.evaluate((el) => getComputedStyle(el, "::after").content);
    assert.equal(await tip(), "none", "no reason shown before");
    await mark.focus();
    assert.equal(await tip(), JSON.stringify(why), "the reason shows on focus");
    const box = await mark.evaluate((el) => { const r = el.getBoundingClientRect(); return r.right; });
    assert.ok(box <= width, "the mark is on screen");
    const noteId = await mark.getAttribute("aria-describedby");
    const note = page.locator(`#${noteId}`);
    assert.match(await note.innerText(), /七里坪镇.*Qiling Town/s);
    const n = (await mark.locator(".uncertain-ref").textContent()).trim();
    assert.equal(n, `?${noteId.replace("uncertain-", "")}`);
    await page.screenshot({ path: join(artifacts, `uncertain-focus-${width}.png`) });
    await page.locator(".uncertain", { hasText: "四边四化" }).first().hover();
    assert.match(await page.locator(".uncertain", { hasText: "四边四化" }).first().evaluate((el) => getComputedStyle(el, "::after").content), /four sides/);
    assert.deepEqual(problems, []);
    await context.close();
  }
});
