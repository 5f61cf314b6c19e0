// The preview in a real browser: a saved edit reloads the open page, a YAML mistake shows an
// overlay naming the file and line over the last good page, and fixing it removes the overlay.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { casebookBin, repo, launch, openPage, axe, artifacts } from "./lib.mjs";

let root, server, url, browser;
before(async () => {
  root = mkdtempSync(join(tmpdir(), "casebook-serve-"));
  cpSync(join(repo, "tests/fixtures/minimal"), root, { recursive: true });
  // The fixture has no theme folder; a copy of the default theme lets a test edit its CSS.
  cpSync(join(repo, "themes/default"), join(root, "themes/default"), { recursive: true });
  server = spawn(casebookBin(), ["serve", "--lang", "en", "--port", "0", "--root", root], { stdio: ["ignore", "ignore", "pipe"] });
  url = await new Promise((ok, fail) => {
    let log = "";
    server.stderr.on("data", (d) => {
      log += d;
      const m = log.match(/serving on (http:\/\/\S+)/);
      if (m) ok(m[1]);
    });
    server.on("exit", (code) => fail(new Error(`serve exited (${code}):\n${log}`)));
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.kill();
});

const file = () => join(root, "content/cases/alpha/index.md");

/** Opens a preview page and waits until its live-reload connection is up. */
async function openLive(path) {
  const opened = await openPage(browser);
  await opened.page.goto(url + path);
  await opened.page.waitForFunction(() => document.documentElement.dataset.casebookLive === "connected", null, { timeout: 15000 });
  return opened;
}

test("a saved edit reloads the page; a broken file shows an overlay; fixing it removes it", async () => {
  const original = readFileSync(file(), "utf8");
  const { page, problems, context } = await openLive("cases/alpha/index.html");
  assert.equal(await page.textContent("h1"), "甲村");

  writeFileSync(file(), original.replace("title: 甲村", "title: 甲村已更新"));
  await page.waitForFunction(() => document.querySelector("h1")?.textContent === "甲村已更新", null, { timeout: 15000 });

  writeFileSync(file(), original.replace("kind: rural", "kind: [rural"));
  const overlay = page.locator("#casebook-errors");
  await overlay.waitFor({ state: "visible", timeout: 15000 });
  assert.match(await overlay.textContent(), /content\/cases\/alpha\/index\.md:5:7/);
  assert.equal(await page.textContent("h1"), "甲村已更新", "the last good page stays underneath");

  writeFileSync(file(), original);
  await overlay.waitFor({ state: "detached", timeout: 15000 });
  await page.waitForFunction(() => document.querySelector("h1")?.textContent === "甲村", null, { timeout: 15000 });
  assert.deepEqual(problems, []);
  await context.close();
});

test("the overlay marks the problem itself in its line, so Chinese text cannot push it aside", async () => {
  const original = readFileSync(file(), "utf8");
  const { page, context } = await openLive("cases/alpha/index.html");
  writeFileSync(file(), original.replace("title: 甲村", "title：甲村"));
  const overlay = page.locator("#casebook-errors");
  await overlay.waitFor({ state: "visible", timeout: 15000 });
  const error = overlay.locator(".casebook-error").first();
  assert.equal(await error.locator("mark").textContent(), "：");
  assert.match(await error.locator("pre").textContent(), /^\d+ \| title：甲村$/);
  assert.match(await error.textContent(), /full-width/);
  assert.match(await error.textContent(), /help: /);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(artifacts, "overlay-phone.png") });
  writeFileSync(file(), original);
  await overlay.waitFor({ state: "detached", timeout: 15000 });
  await context.close();
});

test("an edit takes the browser to the case just edited", async () => {
  const { page, context } = await openLive("index.html");
  const original = readFileSync(file(), "utf8");
  writeFileSync(file(), original.replace("summary: 甲村用", "summary: 甲村现在用"));
  await page.waitForURL(/\/cases\/alpha\/$/, { timeout: 15000 });
  assert.match(await page.textContent("#summary"), /甲村现在用/);
  writeFileSync(file(), original);
  await context.close();
});

test("a stylesheet change is swapped in without a reload", async () => {
  const css = join(root, "themes/default/static/style.css");
  const { page, context } = await openLive("cases/alpha/index.html");
  await page.evaluate(() => { window.__marker = 1; });
  writeFileSync(css, readFileSync(css, "utf8") + "\nh1 { color: rgb(1, 2, 3); }\n");
  await page.waitForFunction(() => getComputedStyle(document.querySelector("h1")).color === "rgb(1, 2, 3)", null, { timeout: 15000 });
  assert.equal(await page.evaluate(() => window.__marker), 1, "the page was not reloaded");
  await context.close();
});

test("the dashboard lists every document with its state and updates after a save", async () => {
  const { page, problems, context } = await openLive("__casebook/");
  const row = (slug) => page.locator(`tr[data-slug="${slug}"]`);
  assert.match(await row("alpha").textContent(), /published, 0 errors/);
  assert.match(await row("beta").textContent(), /en: no file yet/);
  assert.match(await row("gamma").textContent(), /draft/);
  assert.equal(await row("alpha").locator("a").getAttribute("href"), "/cases/alpha/");
  assert.deepEqual(await axe(page), []);
  await page.screenshot({ path: join(artifacts, "dashboard.png"), fullPage: true });

  const original = readFileSync(file(), "utf8");
  writeFileSync(file(), original.replace("kind: rural", "kind: rurall"));
  await page.waitForFunction(() => /1 error\b/.test(document.querySelector('tr[data-slug="alpha"]')?.textContent ?? ""), null, { timeout: 15000 });
  assert.equal(new URL(page.url()).pathname, "/__casebook/", "the dashboard stays where it is");
  writeFileSync(file(), original);
  await page.waitForFunction(() => /0 errors/.test(document.querySelector('tr[data-slug="alpha"]')?.textContent ?? ""), null, { timeout: 15000 });
  assert.deepEqual(problems, []);
  await context.close();
});
