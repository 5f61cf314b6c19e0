//! Generated libraries of many shapes, for properties that must hold for every library: from
//! one case to thousands, page sizes from 1 up, translated and untranslated cases, photos
//! shared between cases under several names, courses, and links to headings everywhere.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::Path;

/// What kind of library to generate.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    /// Published cases.
    pub cases: usize,
    /// `page_size` of site.yaml.
    pub page_size: usize,
    /// Every how many cases one has an English translation (0: none).
    pub translate_every: usize,
    /// Every how many cases one shows a before/after pair (0: none).
    pub photos_every: usize,
    /// Courses, each with up to four sessions.
    pub courses: usize,
    /// Drafts besides the published cases (nothing links to them).
    pub drafts: usize,
    /// Seeds the choices made for each case.
    pub seed: u64,
}

const METHODS: [&str; 3] = ["co-decision", "co-management", "co-sharing"];
const TAGS: [&str; 7] = [
    "党建引领",
    "垃圾分类",
    "老旧小区",
    "志愿服务",
    "议事协商",
    "乡村振兴",
    "Smart village",
];
const CHARS: &str = "柏林寺石桥草店曾厝垵牡丹红安麻城枝江理事会议共谋建管评享党员群众环境垃圾分类老旧小区改造居民志愿者";

fn words(rng: &mut fastrand::Rng, n: usize) -> String {
    let chars: Vec<char> = CHARS.chars().collect();
    (0..n).map(|_| chars[rng.usize(..chars.len())]).collect()
}

/// Tiny photos of three colours: the pool cases draw their before/after pairs from, copied
/// under several names so that the same bytes appear as different files.
fn pool_photo(k: usize) -> Vec<u8> {
    let colours = [[200u8, 40, 40], [40, 160, 60], [30, 60, 200]];
    let img = image::RgbImage::from_pixel(64, 48, image::Rgb(colours[k % 3]));
    let mut out = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(img)
        .write_to(&mut out, image::ImageFormat::Png)
        .unwrap_or_else(|e| panic!("{e}"));
    out.into_inner()
}

fn write(root: &Path, rel: &str, text: impl AsRef<[u8]>) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap_or(root)).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&p, text).unwrap_or_else(|e| panic!("{rel}: {e}"));
}

/// The slug of case `i`.
pub fn slug(i: usize) -> String {
    format!("c{i:04}")
}

/// Writes a library of `shape` into `root` (an empty folder).
pub fn generate(shape: Shape, root: &Path) {
    let mut rng = fastrand::Rng::with_seed(shape.seed);
    write(
        root,
        "content/site.yaml",
        format!(
            "title: {{zh: 生成的案例库, en: Generated library}}
description: {{zh: 测试用。, en: For tests.}}
base_url: https://example.org/lib
default_language: zh
languages:
  zh: {{name: 中文, locale: zh-CN}}
  en: {{name: English, locale: en}}
page_size: {}
photos: {{widths: [32, 64]}}
vocabularies:
  methods:
    co-decision: {{zh: 共谋, en: Co-decision}}
    co-management: {{zh: 共管, en: Co-management}}
    co-sharing: {{zh: 共享, en: Co-sharing}}
  challenges:
    no-money: {{zh: 没钱办事, en: No money}}
    no-one-manages: {{zh: 没人管事, en: No one manages}}
  kinds:
    rural: {{zh: 农村, en: Rural}}
    urban: {{zh: 城市, en: Urban}}
  roles:
    pilot: {{zh: 试点, en: Pilot}}
    model-point: {{zh: 示范点, en: Model point}}
  provinces:
    hubei: {{zh: 湖北省, en: Hubei}}
    fujian: {{zh: 福建省, en: Fujian}}
  changes:
    environment: {{zh: 环境面貌之变, en: Environment}}
    services: {{zh: 服务方式之变, en: Services}}
",
            shape.page_size
        ),
    );
    for (i, m) in METHODS.iter().enumerate() {
        write(
            root,
            &format!("content/methods/{m}.md"),
            format!(
                "---\ntitle: {}\nsummary: 方法说明。\n---\n## 是什么 {{#what}}\n\n见[指南](@/pages/guide#five-changes)与[第一个案例](@/cases/{}#background)，及[本页](#what)。\n",
                words(&mut rng, 2),
                slug(0)
            ),
        );
        if i % 2 == 0 {
            write(
                root,
                &format!("content/methods/{m}.en.md"),
                "---\ntitle: A method\nsummary: What it is.\n---\n## What {#what}\n\nSee [the guide](@/pages/guide#five-changes).\n",
            );
        }
    }
    write(
        root,
        "content/pages/guide.md",
        format!(
            "---\ntitle: 试点指南\nsummary: 怎么做。\n---\n## 五个转变 {{#five-changes}}\n\n从[第一个案例](@/cases/{})开始，再看[共谋](@/methods/co-decision#what)。\n",
            slug(0)
        ),
    );
    write(
        root,
        "content/pages/guide.en.md",
        "---\ntitle: Pilot guide\nsummary: How.\n---\n## Five changes {#five-changes}\n\nStart with [co-decision](@/methods/co-decision#what).\n",
    );
    let pool: Vec<Vec<u8>> = (0..3).map(pool_photo).collect();
    for i in 0..shape.cases + shape.drafts {
        let draft = i >= shape.cases;
        write_case(root, i, draft, shape, &pool, &mut rng);
    }
    for c in 0..shape.courses {
        let mut text = format!(
            "---\ntitle: 课程{}\nsummary: 培训用。\naudience: 村干部\nduration: 一小时\nsessions:\n",
            words(&mut rng, 3)
        );
        // The first case is taught by every course, so that its edits reach course pages.
        let taught =
            std::iter::once(0).chain((1..rng.usize(1..=4)).map(|_| rng.usize(..shape.cases)));
        for i in taught {
            let _ = writeln!(
                text,
                "  - case: {}\n    focus: 看怎么议事。\n    questions: [怎么做？]",
                slug(i)
            );
        }
        text.push_str("questions: [哪个做法最值得学？]\n---\n## 说明 {#notes}\n\n给培训者的说明，见[指南](@/pages/guide#five-changes)。\n");
        write(root, &format!("content/courses/k{c}.md"), text);
    }
}

fn write_case(
    root: &Path,
    i: usize,
    draft: bool,
    shape: Shape,
    pool: &[Vec<u8>],
    rng: &mut fastrand::Rng,
) {
    let s = slug(i);
    let n = rng.usize(2..6);
    let title = format!("{}村", words(rng, n));
    let used: Vec<&str> = METHODS.iter().copied().filter(|_| rng.bool()).collect();
    let used = if used.is_empty() {
        vec![METHODS[i % 3]]
    } else {
        used
    };
    let mut text = format!(
        "---\ntitle: {title}\nsummary: {}。\nplace: {{village: {title}, town: {}镇, county: {}县, province: {}}}\nkind: {}\nrole: {}\nupdated: 20{:02}-{:02}-{:02}\n",
        words(rng, 20),
        words(rng, 2),
        words(rng, 2),
        if rng.u8(..4) == 0 { "fujian" } else { "hubei" },
        if rng.bool() { "rural" } else { "urban" },
        if rng.u8(..3) == 0 {
            "model-point"
        } else {
            "pilot"
        },
        rng.u8(15..25),
        rng.u8(1..13),
        rng.u8(1..29),
    );
    if draft {
        text.push_str("draft: true\n");
    }
    if rng.bool() {
        text.push_str("challenges: [no-money]\n");
    }
    text.push_str("changes: [environment, services]\nmethods:\n");
    for m in &used {
        let _ = writeln!(text, "  {m}: {}", words(rng, 12));
    }
    let practices: Vec<&str> = (0..rng.usize(0..4))
        .map(|_| used[rng.usize(..used.len())])
        .collect();
    let practice_names: Vec<String> = (0..practices.len())
        .map(|k| format!("做法{k}：{}", words(rng, 4)))
        .collect();
    if !practices.is_empty() {
        text.push_str("practices:\n");
        for (name, m) in practice_names.iter().zip(&practices) {
            let _ = writeln!(
                text,
                "  - name: \"{name}\"\n    method: {m}\n    summary: {}。",
                words(rng, 10)
            );
        }
    }
    let tags: Vec<&str> = TAGS.iter().copied().filter(|_| rng.u8(..3) == 0).collect();
    let _ = writeln!(text, "tags: [{}]", tags.join(", "));
    let photos = shape.photos_every > 0 && i.is_multiple_of(shape.photos_every);
    if photos {
        // The same bytes under the names other cases use and under names of their own.
        let (a, b) = (rng.usize(..3), rng.usize(..3));
        let before = format!("before-{}.png", rng.usize(..3));
        let after = if rng.bool() {
            "after.png".to_owned()
        } else {
            format!("p{i}.png")
        };
        write(root, &format!("content/cases/{s}/{before}"), &pool[a]);
        write(root, &format!("content/cases/{s}/{after}"), &pool[b]);
        let _ = writeln!(
            text,
            "photos:\n  - before: {before}\n    after: {after}\n    alt_before: 改造前的{title}\n    alt_after: 改造后的{title}\n    caption: {title}的变化"
        );
    }
    let other = slug(rng.usize(..shape.cases.max(1)));
    let _ = write!(
        text,
        "---\n## 背景 {{#background}}\n\n{}。参见[另一个案例](@/cases/{other}#background)、[共谋](@/methods/co-decision#what)与[指南](@/pages/guide#five-changes)。\n\n## 做法\n\n{}，见[背景](#background)。\n",
        words(rng, 40),
        words(rng, 30)
    );
    write(root, &format!("content/cases/{s}/index.md"), text);

    if shape.translate_every > 0 && i.is_multiple_of(shape.translate_every) {
        let mut en = format!("---\ntitle: Village {i}\nsummary: A generated case.\nmethods:\n");
        for m in &used {
            let _ = writeln!(en, "  {m}: What was done, in English.");
        }
        if !practices.is_empty() {
            en.push_str("practices:\n");
            // Listed in reverse: a translation's order does not pair its texts.
            for (k, m) in practices.iter().enumerate().rev() {
                let original = practice_names.get(k).map_or("", String::as_str);
                let _ = writeln!(
                    en,
                    "  - name: Practice {k}\n    translates: \"{original}\"\n    method: {m}\n    summary: In English."
                );
            }
        }
        let _ = write!(
            en,
            "---\n## Background {{#background}}\n\nSee [another case](@/cases/{other}#background) and [the guide](@/pages/guide#five-changes).\n"
        );
        write(root, &format!("content/cases/{s}/index.en.md"), en);
    }
}
