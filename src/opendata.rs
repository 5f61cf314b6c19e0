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

/// Records to one piece of an open data file (about half a megabyte of JSON): the files of a
/// large library are written piece by piece, never whole in memory (at 100,000 cases one
/// language's JSON is about 170 MB).
const RECORDS_PER_PIECE: usize = 256;

/// The library's records in pieces of [`RECORDS_PER_PIECE`], each made by `piece` from its
/// records and the number of the first; the last piece is the first that comes out empty.
fn pieces<'a>(
    lib: &'a Library,
    lang: Lang,
    mut piece: impl FnMut(usize, &mut dyn Iterator<Item = Record<'a>>) -> Vec<u8> + 'a,
) -> impl Iterator<Item = Vec<u8>> + 'a {
    let mut all = records(lib, lang).peekable();
    let mut first = 0;
    std::iter::from_fn(move || {
        all.peek()?;
        let bytes = piece(first, &mut all.by_ref().take(RECORDS_PER_PIECE));
        first += RECORDS_PER_PIECE;
        Some(bytes)
    })
}

/// `data/cases.json`: an array of case records, one record to a line, in pieces. Indented,
/// the file was nearly twice as large (the keys' indentation repeats in every record); a line
/// per record still reads, and diffs, case by case.
pub fn json(lib: &Library, lang: Lang) -> impl Iterator<Item = Vec<u8>> + '_ {
    let records = pieces(lib, lang, |first, records| {
        let mut out = Vec::new();
        for (k, record) in records.enumerate() {
            out.extend_from_slice(if first + k == 0 { b"\n" } else { b",\n" });
            // A record is strings, numbers and lists of them, which always serialize; were
            // one to fail, `null` keeps the file valid JSON.
            match serde_json::to_vec(&record) {
                Ok(v) => out.extend_from_slice(&v),
                Err(_) => out.extend_from_slice(b"null"),
            }
        }
        out
    });
    std::iter::once(b"[".to_vec())
        .chain(records)
        .chain(std::iter::once(b"\n]\n".to_vec()))
}

/// `data/cases.csv`: one row per case, in pieces; list columns are joined with `;`.
pub fn csv(lib: &Library, lang: Lang) -> impl Iterator<Item = Vec<u8>> + '_ {
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
    let first = w.into_inner().unwrap_or_default();
    let rows = pieces(lib, lang, |_, records| {
        let mut w = csv::Writer::from_writer(Vec::new());
        for r in records {
            row(&mut w, r);
        }
        w.into_inner().unwrap_or_default()
    });
    std::iter::once(first).chain(rows)
}

/// Writes one case's row.
fn row(w: &mut csv::Writer<Vec<u8>>, r: Record<'_>) {
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
