//! `casebook new case|course <slug>`: the text of a new, filled-in file for each language,
//! every field commented, vocabulary keys listed. Pure: returns files, writes none.

use crate::config::{Config, Vocabulary, is_key};

/// What to create.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A case folder with `index.md` and one file per other language.
    Case,
    /// A course file per language.
    Course,
}

/// A file to create: path relative to the site root, and its text.
pub type NewFile = (String, String);

fn keys(v: &Vocabulary, lang: usize) -> String {
    v.terms
        .iter()
        .map(|t| format!("{} ({})", t.key, t.labels[lang]))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Checks the slug and returns the files to write, or why not.
pub fn files(kind: Kind, slug: &str, config: &Config, today: &str) -> Result<Vec<NewFile>, String> {
    if !is_key(slug) {
        return Err(format!(
            "`{slug}` is not a valid slug: use lower-case ASCII letters, digits and `-` (it becomes the page's address), for example `baishui-village`"
        ));
    }
    let v = &config.vocab;
    let first = |voc: &Vocabulary| voc.terms.first().map_or("", |t| t.key.as_str()).to_owned();
    let mut out = Vec::new();
    for (lang, l) in config.languages.iter().enumerate() {
        let suffix = if lang == 0 {
            String::new()
        } else {
            format!(".{}", l.code)
        };
        match kind {
            Kind::Case => {
                let path = format!("content/cases/{slug}/index{suffix}.md");
                let text = if lang == 0 {
                    format!(
                        "---\n\
# The case's name: the village or community.\n\
title: {slug}\n\
# One paragraph: what the place did and what changed.\n\
summary: \"\"\n\
# Place names; province is one of: {provinces}\n\
place: {{village: {slug}, town: \"\", county: \"\", province: {province}}}\n\
# kind is one of: {kinds}\n\
kind: {kind}\n\
# role is one of: {roles}\n\
role: {role}\n\
# Year the pilot started (optional).\n\
# since: 2022\n\
# Date of the latest source or revision, YYYY-MM-DD.\n\
updated: {today}\n\
# Problems it solved, any of: {challenges}\n\
challenges: []\n\
# Changes it shows, any of: {changes}\n\
changes: []\n\
# What was done under each method it used; methods are: {methods}\n\
methods:\n  {method}: \"\"\n\
# The replicable practices, each filed under one method.\n\
practices:\n  - name: \"\"\n    method: {method}\n    summary: \"\"\n    steps: []\n    conditions: []\n\
# Measured numbers (optional): {{label, value}} or {{label, before, after, year_before, year_after}}.\n\
figures: []\n\
# Where the facts come from.\n\
sources:\n  - {{title: \"\", url: \"https://\"}}\n\
# Free tags.\n\
tags: []\n\
# Drafts show in `casebook serve` and with `build --drafts` only.\n\
draft: true\n\
---\n\
## Background\n\nWhat the place was like and which problems it faced.\n\n## What was done\n\n## Results\n",
                        provinces = keys(&v.provinces, lang),
                        province = first(&v.provinces),
                        kinds = keys(&v.kinds, lang),
                        kind = first(&v.kinds),
                        roles = keys(&v.roles, lang),
                        role = first(&v.roles),
                        challenges = keys(&v.challenges, lang),
                        changes = keys(&v.changes, lang),
                        methods = keys(&v.methods, lang),
                        method = first(&v.methods),
                        today = today,
                    )
                } else {
                    format!(
                        "---\n\
# The {name} version of index.md. Anything left out here is taken from index.md and shown\n\
# with a \"not yet translated\" note. Keep practices and figures in the same order as index.md.\n\
title: \"\"\n\
summary: \"\"\n\
methods:\n  {method}: \"\"\n\
practices:\n  - name: \"\"\n    method: {method}\n    summary: \"\"\n    steps: []\n    conditions: []\n\
tags: []\n\
---\n",
                        name = l.name,
                        method = first(&v.methods),
                    )
                };
                out.push((path, text));
            }
            Kind::Course => {
                let path = format!("content/courses/{slug}{suffix}.md");
                let text = if lang == 0 {
                    format!(
                        "---\n\
title: {slug}\n\
summary: \"\"\n\
# Who the course is for, and how long it takes (optional).\n\
audience: \"\"\n\
duration: \"\"\n\
# The cases in teaching order: `case` is a case's folder name under content/cases/.\n\
sessions:\n  - case: \"\"\n    focus: \"\"\n    questions: []\n\
# Closing discussion questions.\n\
questions: []\n\
draft: true\n\
---\n\
Notes for the trainer: how to use this pack.\n"
                    )
                } else {
                    format!(
                        "---\n\
# The {name} version. Sessions must name the same cases in the same order.\n\
title: \"\"\n\
summary: \"\"\n\
sessions:\n  - case: \"\"\n    focus: \"\"\n    questions: []\n\
questions: []\n\
---\n",
                        name = l.name
                    )
                };
                out.push((path, text));
            }
        }
    }
    Ok(out)
}
