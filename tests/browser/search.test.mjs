// Search and facets on the built demo library, over HTTP and opened from file:// (no server):
// Chinese and English queries, facets with and without a query, no results, the URL round trip,
// the header box on other pages, and the library page without JavaScript.
import { test } from "node:test";
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import { openPage, axe, builtSite } from "./lib.mjs";

const env = builtSite();

const titles = (page, scope = "#search-results") => page.locator(`${scope} .result-title`).allTextContents();
const status = (page) => page.locator("#search-status").textContent();
// Waits until the results for what was typed are shown (they follow the typing asynchronously).
async function settled(page, text) {
  await page.waitForFunction((t) => document.querySelector("#search-status")?.textContent.includes(t), text);
}

for (const mode of ["http", "file"]) {
  const base = () => (mode === "http" ? env.server.url : pathToFileURL(env.site).href + "/");

  test(`${mode}: a Chinese query ranks the case naming the phrase first and marks it`, async () => {
    const { page, problems, context } = await openPage(env.browser);
    await page.goto(base() + "cases/index.html");
    await page.fill("#library-q", "党员中心户");
    await settled(page, "找到 3 个案例");
    assert.deepEqual(await titles(page), ["柏林寺村", "曹店村", "牡丹社区"]);
    assert.ok((await page.locator("#search-results mark").allTextContents()).includes("党员中心户"));
    assert.equal(await page.locator(".results").isHidden(), true, "the plain list gives way to the results");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${mode}: an English query on the English site finds English pages`, async () => {
    const { page, problems, context } = await openPage(env.browser);
    await page.goto(base() + "en/cases/index.html");
    await page.fill("#library-q", "volunteer");
    await settled(page, "2 cases found");
    assert.deepEqual((await titles(page)).sort(), ["Caodian Village", "Zengcuo'an"]);
    const href = await page.locator("#search-results .result-title").first().getAttribute("href");
    assert.match(href, /^\.\.\/\.\.\/en\/cases\/[a-z]+\/index\.html$/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${mode}: an English word form the library does not contain finds what its stem finds`, async () => {
    const { page, problems, context } = await openPage(env.browser);
    await page.goto(base() + "en/cases/index.html");
    // The demo says "volunteer" and "volunteers", never "volunteered" or "volunteering".
    for (const q of ["volunteered", "volunteering"]) {
      await page.fill("#library-q", q);
      await settled(page, "2 cases found");
      assert.deepEqual((await titles(page)).sort(), ["Caodian Village", "Zengcuo'an"], q);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${mode}: the site's synonyms find what the cases call otherwise`, async () => {
    const { page, problems, context } = await openPage(env.browser);
    // site.yaml: 垃圾 = 废弃物 = 废品; rubbish = garbage = waste; old residential estate = old neighbourhood.
    await page.goto(base() + "cases/index.html");
    await page.fill("#library-q", "垃圾");
    await settled(page, "找到 1 个案例");
    const direct = await titles(page);
    await page.fill("#library-q", "废弃物");
    await settled(page, "找到 1 个案例");
    assert.deepEqual(await titles(page), direct);
    assert.deepEqual(direct, ["曹店村"]);
    await page.goto(base() + "en/cases/index.html");
    for (const [q, found] of [["garbage", ["Caodian Village"]], ["waste", ["Caodian Village"]], ["old neighbourhood", ["Peony Community"]]]) {
      await page.fill("#library-q", q);
      await settled(page, "1 case found");
      assert.deepEqual(await titles(page), found, q);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${mode}: pinyin finds Chinese names, with or without spaces and tone marks, and by initials`, async () => {
    const { page, problems, context } = await openPage(env.browser);
    await page.goto(base() + "cases/index.html");
    for (const [q, name] of [["shiqiao", "石桥村"], ["bailinsi", "柏林寺村"], ["bai lin si", "柏林寺村"], ["mudan shequ", "牡丹社区"], ["cáodiàn", "曹店村"], ["blsc", "柏林寺村"], ["zengcuoan", "曾厝垵"]]) {
      await page.fill("#library-q", q);
      await page.waitForFunction((n) => document.querySelector("#search-results .result-title")?.textContent === n, name, { timeout: 5000 })
        .catch(async () => assert.fail(`${q}: first result ${await titles(page)}`));
    }
    // An exact Chinese match still ranks first: 石桥 names Shiqiao, and Zengcuo'an mentions it.
    await page.fill("#library-q", "石桥");
    await settled(page, "找到 2 个案例");
    assert.equal((await titles(page))[0], "石桥村");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${mode}: a query with two facets, a facet alone, and no results`, async () => {
    const { page, problems, context } = await openPage(env.browser);
    await page.goto(base() + "cases/index.html");
    await page.fill("#library-q", "理事会");
    await settled(page, "找到 3 个案例");
    await page.check('input[name=method][value="co-management"]');
    await page.check('input[name=province][value="hubei"]');
    await settled(page, "找到 2 个案例");
    assert.deepEqual(await titles(page), ["柏林寺村", "石桥村"]);
    // Live counts: what each value would give with the query and the other facet.
    const count = (name, value) => page.locator(`input[name=${name}][value="${value}"]`).locator("xpath=..").locator(".count").textContent();
    assert.equal(await count("province", "fujian"), "1");
    assert.equal(await count("province", "liaoning"), "0");
    assert.equal(await count("kind", "urban"), "0");

    await page.click(".search-clear");
    await page.waitForFunction(() => document.querySelector("#search-results").hidden);
    await page.check('input[name=province][value="fujian"]');
    await settled(page, "找到 1 个案例");
    assert.deepEqual(await titles(page), ["曾厝垵"]);

    await page.uncheck('input[name=province][value="fujian"]');
    await page.fill("#library-q", "量子计算机");
    await settled(page, "没有找到");
    assert.equal(await status(page), "没有找到与“量子计算机”相符的案例。请减少关键词，或取消一些筛选。");
    assert.equal(await page.locator("#search-results .result").count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${mode}: the URL holds the query and facets; reloading and Back restore them`, async () => {
    const { page, problems, context } = await openPage(env.browser);
    await page.goto(base() + "cases/index.html");
    await page.fill("#library-q", "垃圾分类");
    await settled(page, "找到");
    await page.waitForTimeout(1600); // a pause makes the next change a new history entry
    await page.check('input[name=kind][value="rural"]');
    await page.waitForFunction(() => location.search.includes("kind=rural"));
    const url = new URL(page.url());
    assert.equal(url.searchParams.get("q"), "垃圾分类");
    assert.deepEqual(url.searchParams.getAll("kind"), ["rural"]);
    const shown = await titles(page);

    const { page: p2, context: c2 } = await openPage(env.browser);
    await p2.goto(page.url());
    await p2.waitForFunction(() => !document.querySelector("#search-results").hidden);
    assert.equal(await p2.inputValue("#library-q"), "垃圾分类");
    assert.equal(await p2.isChecked('input[name=kind][value="rural"]'), true);
    assert.deepEqual(await titles(p2), shown);
    await c2.close();

    await page.goBack();
    await page.waitForFunction(() => !location.search.includes("kind="));
    assert.equal(await page.isChecked('input[name=kind][value="rural"]'), false);
    assert.equal(await page.inputValue("#library-q"), "垃圾分类");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${mode}: the header box on any page shows the first results and leads to the library`, async () => {
    const { page, problems, context } = await openPage(env.browser);
    await page.goto(base() + "methods/co-decision/index.html");
    await page.fill("#site-q", "石桥");
    await page.waitForFunction(() => !document.querySelector(".search-pop").hidden);
    // Zengcuo'an links to Shiqiao, so it is found too, below the case itself.
    assert.deepEqual(await titles(page, ".search-pop"), ["石桥村", "曾厝垵"]);
    await page.keyboard.press("Escape");
    assert.equal(await page.locator(".search-pop").isHidden(), true);
    await page.focus("#site-q");
    await page.keyboard.press("Enter");
    await page.waitForURL(/cases\/index\.html\?q=/);
    await settled(page, "找到 2 个案例");
    assert.deepEqual(await titles(page), ["石桥村", "曾厝垵"]);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("the search controls are labelled and keyboard operable (axe, with results showing)", async () => {
  const { page, context } = await openPage(env.browser);
  await page.goto(env.server.url + "en/cases/index.html");
  await page.focus("#library-q");
  await page.keyboard.type("council");
  await settled(page, "found");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Space");
  await page.waitForFunction(() => location.search.includes("method="));
  assert.deepEqual(await axe(page), []);
  await page.goto(env.server.url + "en/cases/bailinsi/index.html");
  await page.fill("#site-q", "council");
  await page.waitForFunction(() => !document.querySelector(".search-pop").hidden);
  assert.deepEqual(await axe(page), []);
  await context.close();
});

test("without JavaScript the library lists and filters by facet pages", async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(env.server.url + "cases/index.html");
  assert.equal(await page.locator("#library-search").isHidden(), true);
  assert.equal(await page.locator(".cards .card").count(), 5);
  await page.click('nav.facets a[data-key="fujian"]');
  assert.match(page.url(), /provinces\/fujian\/index\.html$/);
  await context.close();
});
