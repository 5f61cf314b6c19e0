//! Writes a synthetic library of N cases in the real content format, for benchmarks:
//! `cargo run --release --example gen_corpus -- --cases 10000 --out DIR`.
//!
//! The site settings, methods, pages, course and five cases come from the demo library
//! (`content/`); the other cases are generated: mixed Chinese and English text, 3–6 KB bodies, every vocabulary used,
//! half of them with an English translation, links between cases and to method pages.

#![allow(clippy::print_stdout)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const ZH: &[&str] = &[
    "村党支部组织群众召开院落会，共同商议垃圾分类和公共空间改造方案。",
    "党员中心户每人联系五到十户群众，及时收集意见并反馈到理事会。",
    "理事会提议、群众决议，把修路、改厕、建小游园等实事一件件落实。",
    "群众投工投劳，乡贤捐资捐物，以奖代补项目撬动社会资金参与建设。",
    "建立门前三包责任制和志愿服务积分制度，做到建成之后有人管。",
    "开展文明家庭、美丽庭院评比，评比结果张榜公示，激发群众积极性。",
    "集体经济收入用于公共设施维护，群众共享共同缔造的成果。",
    "干部作风由替民做主转变为由民做主，基层治理格局发生深刻变化。",
];
const EN: &[&str] = &[
    "The village party branch gathered residents in courtyard meetings to plan waste sorting together.",
    "Each party-member household keeps in touch with five to ten neighbours and reports their views to the council.",
    "The council proposes and residents decide, so that roads, toilets and small parks are built one by one.",
    "Residents contribute labour, local worthies donate materials, and award-based subsidies draw in outside funds.",
    "A doorstep responsibility system and volunteer points make sure someone looks after what was built.",
    "Annual appraisals of model households and courtyards are posted publicly and spur everyone on.",
];
const TAGS_ZH: &[&str] = &[
    "党建引领",
    "垃圾分类",
    "村湾理事会",
    "志愿服务",
    "以奖代补",
    "积分制",
    "老旧小区",
    "乡贤",
];
const TAGS_EN: &[&str] = &[
    "party leadership",
    "waste sorting",
    "village council",
    "volunteering",
    "award-based subsidy",
    "points system",
];

struct Rng(u64);
impl Rng {
    // A small deterministic generator keeps corpora identical across runs and machines.
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[(self.next() % v.len() as u64) as usize]
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn keys(site: &str, section: &str) -> Vec<String> {
    // The vocabularies are read from site.yaml by indentation: two spaces for a vocabulary,
    // four for its keys. Good enough for the demo file this tool copies.
    let mut out = Vec::new();
    let mut inside = false;
    for line in site.lines() {
        if line.starts_with("  ") && !line.starts_with("   ") {
            inside = line.trim_start().starts_with(&format!("{section}:"));
            continue;
        }
        if inside
            && line.starts_with("    ")
            && !line.starts_with("     ")
            && let Some((k, _)) = line.trim().split_once(':')
        {
            out.push(k.to_owned());
        }
    }
    out
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for e in std::fs::read_dir(from)? {
        let e = e?;
        if e.file_type()?.is_file() {
            std::fs::copy(e.path(), to.join(e.file_name()))?;
        }
    }
    Ok(())
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let n: usize = arg("--cases").and_then(|s| s.parse().ok()).unwrap_or(1000);
    let out = PathBuf::from(arg("--out").unwrap_or_else(|| "corpus".into()));
    let demo = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content");

    if out.exists() {
        std::fs::remove_dir_all(&out)?;
    }
    let content = out.join("content");
    std::fs::create_dir_all(content.join("cases"))?;
    let site = std::fs::read_to_string(demo.join("site.yaml"))?;
    std::fs::write(content.join("site.yaml"), &site)?;
    // The demo library's own cases, methods, pages and course come along, so its links resolve.
    for section in ["methods", "pages", "courses"] {
        copy_dir(&demo.join(section), &content.join(section))?;
    }
    for e in std::fs::read_dir(demo.join("cases"))? {
        let e = e?;
        copy_dir(&e.path(), &content.join("cases").join(e.file_name()))?;
    }

    let methods = keys(&site, "methods");
    let challenges = keys(&site, "challenges");
    let kinds = keys(&site, "kinds");
    let roles = keys(&site, "roles");
    let provinces = keys(&site, "provinces");
    let changes = keys(&site, "changes");
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);

    for i in 0..n {
        let slug = format!("case-{i:05}");
        let dir = content.join("cases").join(&slug);
        std::fs::create_dir_all(&dir)?;
        let mut f = String::new();
        let _ = writeln!(
            f,
            "---\ntitle: 示例村 {i} Sample Village {i}\nsummary: {}{}",
            rng.pick(ZH),
            rng.pick(EN)
        );
        let _ = writeln!(
            f,
            "place: {{village: 示例村{i}, town: 第{}镇, county: 第{}县, province: {}}}",
            rng.below(90),
            rng.below(40),
            provinces[i % provinces.len()]
        );
        let _ = writeln!(
            f,
            "kind: {}\nrole: {}\nsince: {}\nupdated: 20{:02}-{:02}-{:02}",
            kinds[i % kinds.len()],
            roles[i % roles.len()],
            2015 + rng.below(8),
            18 + rng.below(7),
            1 + rng.below(12),
            1 + rng.below(28)
        );
        let _ = writeln!(
            f,
            "challenges: [{}, {}]",
            challenges[i % challenges.len()],
            challenges[(i + 1) % challenges.len()]
        );
        let _ = writeln!(f, "changes: [{}]", changes[i % changes.len()]);
        let _ = writeln!(f, "methods:");
        for (k, m) in methods.iter().enumerate() {
            if k == i % methods.len() {
                let _ = writeln!(f, "  {m}: {}", rng.pick(EN));
            } else if rng.below(5) < 4 {
                let _ = writeln!(f, "  {m}: {}", rng.pick(ZH));
            }
        }
        let _ = writeln!(f, "practices:");
        for p in 0..(1 + rng.below(3)) {
            let _ = writeln!(
                f,
                "  - name: 做法 {p} Practice {p}\n    method: {}\n    summary: {}\n    steps: [{}, {}]\n    conditions: [{}]",
                methods[(i + p as usize) % methods.len()],
                rng.pick(ZH),
                rng.pick(EN),
                rng.pick(ZH),
                rng.pick(ZH)
            );
        }
        let _ = writeln!(
            f,
            "figures:\n  - {{label: 参与户数, before: \"{}\", after: \"{}\", year_before: 2017, year_after: 2021}}",
            rng.below(100),
            100 + rng.below(300)
        );
        let _ = writeln!(
            f,
            "sources:\n  - {{title: Synthetic source {i}, url: \"https://example.org/{i}\"}}"
        );
        let _ = writeln!(f, "tags: [{}, {}]", rng.pick(TAGS_ZH), rng.pick(TAGS_EN));
        let _ = writeln!(f, "---");
        let target = 3000 + rng.below(3000) as usize;
        let mut section = 0;
        while f.len() < target {
            let _ = writeln!(f, "\n## 第{section}部分 Part {section}\n");
            for _ in 0..4 {
                let _ = write!(f, "{}{} ", rng.pick(ZH), rng.pick(EN));
            }
            if rng.below(3) == 0 && i > 0 {
                let _ = write!(
                    f,
                    "参见[相邻案例](@/cases/case-{:05})与[方法](@/methods/{}).",
                    rng.below(i as u64),
                    rng.pick(&methods)
                );
            }
            let _ = writeln!(f);
            section += 1;
        }
        std::fs::write(dir.join("index.md"), f)?;
        if i % 2 == 0 {
            let mut e = String::new();
            let _ = writeln!(
                e,
                "---\ntitle: Sample Village {i}\nsummary: {}\nplace: {{village: Sample Village {i}}}\ntags: [{}]\n---",
                rng.pick(EN),
                rng.pick(TAGS_EN)
            );
            for s in 0..6 {
                let _ = writeln!(
                    e,
                    "\n## Part {s}\n\n{} {} {} {}",
                    rng.pick(EN),
                    rng.pick(EN),
                    rng.pick(EN),
                    rng.pick(EN)
                );
            }
            std::fs::write(dir.join("index.en.md"), e)?;
        }
    }
    println!("wrote {n} cases to {}", out.display());
    Ok(())
}
