//! Open data: every published case as `data/cases.json` and `data/cases.csv`, one record per
//! case, per language. The columns are documented in README.md ("Open data").

use serde::Serialize;

use crate::config::Lang;
use crate::model::{Library, Uncertain};
use crate::urls::{self, Page};

#[derive(Serialize)]
struct Record<'a> {
    slug: &'a str,
    url: String,
    title: &'a str,
    summary: &'a str,
    village: &'a str,
    town: Option<&'a str>,
    county: Option<&'a str>,
    city: Option<&'a str>,
    province: &'a str,
    province_label: &'a str,
    kind: &'a str,
    role: &'a str,
    since: Option<i32>,
    updated: String,
    methods: Vec<&'a str>,
    challenges: Vec<&'a str>,
    changes: Vec<&'a str>,
    practices: Vec<PracticeRecord<'a>>,
    tags: &'a [String],
    sources: Vec<SourceRecord<'a>>,
    uncertain: &'a [Uncertain],
    translated: bool,
}

#[derive(Serialize)]
struct PracticeRecord<'a> {
    name: &'a str,
    method: &'a str,
    summary: &'a str,
    steps: &'a [String],
    conditions: &'a [String],
}

#[derive(Serialize)]
struct SourceRecord<'a> {
    title: &'a str,
    url: Option<&'a str>,
}

/// The records of every case, made one at a time as they are written: a whole library's
/// records at once would cost more memory than the files they make.
fn records(lib: &Library, lang: Lang) -> impl Iterator<Item = Record<'_>> {
    let c = &lib.config;
    let v = &c.vocab;
    lib.cases.iter().map(move |case| {
        let t = &case.texts[lang];
        let p = &t.place.value;
        Record {
            slug: &case.slug,
            url: urls::absolute(
                &c.base_url,
                &urls::site_file(c.prefix(lang), &Page::Case { slug: &case.slug }.path()),
            ),
            title: &t.title.value,
            summary: &t.summary.value,
            village: &p.village,
            town: p.town.as_deref(),
            county: p.county.as_deref(),
            city: p.city.as_deref(),
            province: &v.provinces.terms[case.province].key,
            province_label: &v.provinces.terms[case.province].labels[lang],
            kind: &v.kinds.terms[case.kind].key,
            role: &v.roles.terms[case.role].key,
            since: case.since,
            updated: case.updated.to_string(),
            methods: case
                .method_keys()
                .map(|m| v.methods.terms[m].key.as_str())
                .collect(),
            challenges: case
                .challenges
                .iter()
                .map(|&i| v.challenges.terms[i].key.as_str())
                .collect(),
            changes: case
                .changes
                .iter()
                .map(|&i| v.changes.terms[i].key.as_str())
                .collect(),
            practices: t
                .practices
                .value
                .iter()
                .map(|pr| PracticeRecord {
                    name: &pr.name,
                    method: &v.methods.terms[pr.method].key,
                    summary: &pr.summary,
                    steps: &pr.steps,
                    conditions: &pr.conditions,
                })
                .collect(),
            tags: &t.tags.value,
            sources: t
                .sources
                .value
                .iter()
                .map(|s| SourceRecord {
                    title: &s.title,
                    url: s.url.as_deref(),
                })
                .collect(),
            uncertain: &t.uncertain,
            translated: t.translated,
        }
    })
}

/// `data/cases.json`: an array of case records, one record to a line. Indented, the file was
/// nearly twice as large (the keys' indentation repeats in every record); a line per record
/// still reads, and diffs, case by case.
pub fn json(lib: &Library, lang: Lang) -> String {
    let mut out = String::from("[");
    for (k, record) in records(lib, lang).enumerate() {
        out.push_str(if k == 0 { "\n" } else { ",\n" });
        // A record is strings, numbers and lists of them, which always serialize; were one
        // to fail, `null` keeps the file valid JSON.
        out.push_str(&serde_json::to_string(&record).unwrap_or_else(|_| "null".to_owned()));
    }
    out.push_str("\n]\n");
    out
}

/// `data/cases.csv`: one row per case; list columns are joined with `;`.
pub fn csv(lib: &Library, lang: Lang) -> String {
    // A UTF-8 byte-order mark, so spreadsheet programs open the Chinese text correctly.
    let mut w = csv::Writer::from_writer("\u{feff}".as_bytes().to_vec());
    let header = [
        "slug",
        "url",
        "title",
        "summary",
        "village",
        "town",
        "county",
        "city",
        "province",
        "province_label",
        "kind",
        "role",
        "since",
        "updated",
        "methods",
        "challenges",
        "changes",
        "practices",
        "tags",
        "uncertain",
        "translated",
    ];
    // Writing to a Vec cannot fail.
    let _ = w.write_record(header);
    for r in records(lib, lang) {
        let _ = w.write_record([
            r.slug.to_owned(),
            r.url,
            r.title.to_owned(),
            r.summary.to_owned(),
            r.village.to_owned(),
            r.town.unwrap_or_default().to_owned(),
            r.county.unwrap_or_default().to_owned(),
            r.city.unwrap_or_default().to_owned(),
            r.province.to_owned(),
            r.province_label.to_owned(),
            r.kind.to_owned(),
            r.role.to_owned(),
            r.since.map(|s| s.to_string()).unwrap_or_default(),
            r.updated,
            r.methods.join(";"),
            r.challenges.join(";"),
            r.changes.join(";"),
            r.practices
                .iter()
                .map(|p| p.name)
                .collect::<Vec<_>>()
                .join(";"),
            r.tags.join(";"),
            r.uncertain
                .iter()
                .map(|u| format!("{} ({})", u.text, u.why))
                .collect::<Vec<_>>()
                .join(";"),
            r.translated.to_string(),
        ]);
    }
    w.into_inner()
        .map(|b| {
            String::from_utf8(b)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
        })
        .unwrap_or_default()
}
