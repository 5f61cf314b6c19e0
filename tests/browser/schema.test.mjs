// The JSON Schemas `casebook schema` writes, checked with an independent validator (Ajv,
// draft 2020-12): every file of the demo library passes, and the schemas refuse what the build
// refuses — an unknown field, an unknown vocabulary key.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { parse } from "yaml";
import { casebookBin, repo } from "./lib.mjs";

const out = mkdtempSync(join(tmpdir(), "casebook-schema-"));
const r = spawnSync(casebookBin(), ["schema", "--root", repo, "--out", out, "--lang", "en"], { encoding: "utf8" });
assert.equal(r.status, 0, r.stderr);

const ajv = new Ajv2020({ allErrors: true, strict: true });
// Read by YAML language servers to explain each key in completion; not a validation keyword.
ajv.addKeyword("markdownEnumDescriptions");
const validators = Object.fromEntries(
  ["case", "course", "page", "site"].map((form) => {
    const schema = JSON.parse(readFileSync(join(out, `${form}.schema.json`), "utf8"));
    return [form, ajv.compile(schema)];
  }),
);

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** The front matter of a Markdown file, as data. */
function frontMatter(text) {
  const m = text.replace(/\r\n/g, "\n").match(/^---\n([\s\S]*?)\n---(\n|$)/);
  assert.ok(m, "no front matter");
  return parse(m[1]) ?? {};
}

/** Which schema a content file follows, from where it is. */
function formOf(rel) {
  const [top, kind] = rel.split(sep);
  if (top !== "content") return null;
  if (rel.endsWith("site.yaml")) return "site";
  if (!rel.endsWith(".md")) return null;
  return { cases: "case", courses: "course", pages: "page", methods: "page" }[kind] ?? null;
}

function errors(form, data) {
  const ok = validators[form](data);
  return ok ? [] : validators[form].errors.map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
}

test("every file of the demo library follows its schema", () => {
  let checked = 0;
  for (const file of files(join(repo, "content"))) {
    const rel = relative(repo, file);
    const form = formOf(rel);
    if (!form) continue;
    const text = readFileSync(file, "utf8");
    const data = form === "site" ? parse(text) : frontMatter(text);
    assert.deepEqual(errors(form, data), [], rel);
    checked++;
  }
  assert.ok(checked >= 20, `only ${checked} files checked`);
});

test("the schemas refuse an unknown field and an unknown vocabulary key", () => {
  const text = readFileSync(join(repo, "content/cases/shiqiao/index.md"), "utf8");
  const good = frontMatter(text);
  assert.deepEqual(errors("case", good), []);
  const cases = [
    [{ ...good, titel: "x" }, "additionalProperties"],
    [{ ...good, kind: "rurall" }, "enum"],
    [{ ...good, challenges: ["no-mony"] }, "enum"],
    [{ ...good, methods: { ...good.methods, "co-decison": "text" } }, "additionalProperties"],
    [{ ...good, place: { ...good.place, province: "hubie" } }, "enum"],
    [{ ...good, practices: [{ ...good.practices[0], method: "co-buildng" }] }, "enum"],
    [{ ...good, practices: [{ ...good.practices[0], nmae: "x" }] }, "additionalProperties"],
    [{ ...good, since: "2019年" }, "type"],
  ];
  for (const [data, keyword] of cases) {
    const found = errors("case", data);
    assert.ok(found.length > 0, `accepted: ${JSON.stringify(data).slice(0, 200)}`);
    assert.ok(
      validators.case.errors.some((e) => e.keyword === keyword),
      `expected a "${keyword}" error, got ${found.join("; ")}`,
    );
  }
  const site = parse(readFileSync(join(repo, "content/site.yaml"), "utf8"));
  assert.deepEqual(errors("site", site), []);
  assert.ok(errors("site", { ...site, default_languge: "zh" }).length > 0);
  assert.ok(errors("site", { ...site, default_language: "fr" }).length > 0);
  const course = frontMatter(readFileSync(join(repo, "content/courses/joint-creation-basics.md"), "utf8"));
  assert.deepEqual(errors("course", course), []);
  assert.ok(errors("course", { ...course, sessions: [{ case: "no-such-case" }] }).length > 0);
});

test("a new case and its translation point at the schemas, which `new` writes, and follow them", () => {
  const site = mkdtempSync(join(tmpdir(), "casebook-new-"));
  cpSync(join(repo, "tests/fixtures/minimal"), site, { recursive: true });
  const run = (...args) => {
    const r = spawnSync(casebookBin(), [...args, "--root", site, "--lang", "en"], { encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
  };
  run("new", "case", "baishui-village");
  run("new", "translation", "baishui-village", "en");
  const schemas = join(site, ".casebook/schema");
  for (const name of ["index.md", "index.en.md"]) {
    const text = readFileSync(join(site, "content/cases/baishui-village", name), "utf8");
    const line = text.split("\n")[1];
    assert.equal(line, "# yaml-language-server: $schema=../../../.casebook/schema/case.schema.json");
    const schema = JSON.parse(readFileSync(join(schemas, "case.schema.json"), "utf8"));
    const validate = ajv.compile({ ...schema, $id: `new-${name}` });
    assert.ok(validate(frontMatter(text)), `${name}: ${JSON.stringify(validate.errors)}`);
  }
  const course = JSON.parse(readFileSync(join(schemas, "course.schema.json"), "utf8"));
  assert.ok(course.$defs.SessionFront.properties.case.enum.includes("baishui-village"));
});

test("the demo's files carry the line too, so editors who copy one keep it", () => {
  for (const file of files(join(repo, "content"))) {
    const rel = relative(repo, file);
    const form = formOf(rel);
    if (!form) continue;
    const depth = rel.split(sep).length - 1;
    const line = `# yaml-language-server: $schema=${"../".repeat(depth)}.casebook/schema/${form}.schema.json`;
    const text = readFileSync(file, "utf8");
    assert.ok(text.startsWith(form === "site" ? `${line}\n` : `---\n${line}\n`), rel);
  }
});
