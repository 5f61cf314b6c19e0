// The classroom: the demo course pack printed to PDF in Chromium is one booklet (cover,
// contents, each case from a new page, page numbers, every case title in the text); a case
// page prints as a short handout; teaching mode shows one section at a time and leaves with
// Esc. PDFs and PNGs of their first pages are kept in artifacts/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { openPage, artifacts, builtSite } from "./lib.mjs";

const env = builtSite();

async function printPdf(url, name) {
  const { page, context } = await openPage(env.browser);
  await page.goto(env.server.url + url);
  // Lazy photos are loaded before printing, as a browser's print does.
  await page.evaluate(async () => {
    document.querySelectorAll("img[loading=lazy]").forEach((i) => { i.loading = "eager"; });
    await Promise.all(Array.from(document.images).map((i) => i.decode().catch(() => {})));
  });
  const path = join(artifacts, `${name}.pdf`);
  await page.pdf({ path, format: "A4", printBackground: true, preferCSSPageSize: true });
  await context.close();
  const info = spawnSync("pdfinfo", [path], { encoding: "utf8" });
  const pages = Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1]);
  const text = (first, last) => spawnSync("pdftotext", ["-layout", "-f", String(first), "-l", String(last ?? first), path, "-"], { encoding: "utf8" }).stdout;
  spawnSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "3", path, join(artifacts, name)]);
  return { pages, text };
}

const titles = ["柏林寺村", "石桥村", "曹店村", "曾厝垵", "牡丹社区"];

test("the course pack prints as one booklet: cover, contents, a new page per case, page numbers", async () => {
  const { pages, text } = await printPdf("courses/joint-creation-basics/index.html", "course-pack-zh");
  assert.ok(pages >= 2 + titles.length && pages <= 40, `${pages} pages`);
  const cover = text(1);
  assert.match(cover, /共同缔造入门/);
  assert.match(cover, /资料来源/);
  assert.match(cover, /\d{4}-\d{2}-\d{2}/, "the cover carries the date of the sources");
  assert.doesNotMatch(cover, /目录/, "the contents start on their own page");
  const all = text(1, pages);
  for (const [i, title] of titles.entries()) {
    assert.ok(all.includes(title), `${title} is in the pack`);
    // Each session starts a page: its heading is the first line of some page.
    const heading = `${i + 1}. ${title}`;
    const starts = Array.from({ length: pages }, (_, p) => text(p + 1).trimStart().startsWith(heading));
    assert.ok(starts.some(Boolean), `“${heading}” starts a page`);
  }
  // Page numbers from page 2 on, and the address of each full case after its link.
  assert.match(text(2), new RegExp(`2 / ${pages}`));
  assert.match(all.replace(/\s+/g, ""), /https:\/\/casebook\.netlify\.app\/cases\/bailinsi\/index\.html/);
});

test("a case page prints as a handout of two to four pages", async () => {
  for (const c of ["bailinsi", "zengcuoan"]) {
    const { pages, text } = await printPdf(`cases/${c}/index.html`, `handout-${c}`);
    assert.ok(pages >= 2 && pages <= 4, `${c}: ${pages} pages`);
    assert.doesNotMatch(text(1, pages), /教学模式|相似案例/, "controls and related cards are not printed");
    assert.match(text(1, pages), /存疑之处/, "the notes of uncertain names are printed");
    assert.match(text(1, pages), /\?1/, "uncertain names carry their note's number in print");
    assert.match(text(1, pages), /示意图片/, "stand-in photos are labelled illustrative in print");
    assert.doesNotMatch(text(1, pages), /改造前|改造后/, "stand-in photos carry no before/after labels in print");
  }
});

test("teaching mode shows one section at a time, moves with the arrows and leaves with Esc", async () => {
  const { page, problems, context } = await openPage(env.browser, { width: 1920, height: 1080 });
  await page.goto(env.server.url + "cases/shiqiao/index.html");
  const visible = () => page.evaluate(() => Array.from(document.querySelectorAll("article.case > header, article.case > section"))
    .filter((s) => s.offsetParent !== null).map((s) => s.id || s.tagName.toLowerCase()));
  const all = await visible();
  await page.click(".teach-button");
  assert.deepEqual(await visible(), ["header"]);
  assert.equal(await page.locator(".site-header").isVisible(), false);
  await page.keyboard.press("ArrowRight");
  assert.deepEqual(await visible(), ["methods"]);
  assert.match(await page.locator(".teach-bar").textContent(), /第 2 部分，共 \d+ 部分/);
  await page.screenshot({ path: join(artifacts, "teaching-mode.png") });
  await page.keyboard.press("End");
  const last = await visible();
  assert.equal(last.length, 1);
  assert.notEqual(last[0], "related", "similar cases are not a section to teach");
  await page.keyboard.press("ArrowLeft");
  assert.notDeepEqual(await visible(), last);
  await page.keyboard.press("Escape");
  assert.deepEqual(await visible(), all);
  assert.equal(await page.locator(".teach-bar").count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement.className), "button teach-button");
  assert.deepEqual(problems, []);
  await context.close();

  const noJs = await env.browser.newContext({ javaScriptEnabled: false });
  const p2 = await noJs.newPage();
  await p2.goto(env.server.url + "cases/shiqiao/index.html");
  assert.equal(await p2.locator(".teach-button").isVisible(), false, "without JavaScript the page is unchanged");
  await noJs.close();
});
