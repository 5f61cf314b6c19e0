//! `casebook new case|course <slug>` and `casebook new translation <slug> <lang>`: the text of
//! a new file in the language it is written in, every field commented, vocabulary keys listed.
//! A new case or course is a draft with its fields left empty, which count as not written
//! yet, so it previews at once. Pure: returns files, writes none.

use crate::config::{Config, Lang, Vocabulary, is_key};
use crate::i18n::{Locale, Text};
use crate::schema::{self, Form};
use crate::section::Section;
use crate::t;

/// The documents casebook has a template for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Template {
    /// A case folder with its `index.md`.
    Case,
    /// A course file.
    Course,
}

impl Template {
    /// The section of `content/` its files go to.
    pub fn section(self) -> Section {
        match self {
            Template::Case => Section::Case,
            Template::Course => Section::Course,
        }
    }
}

/// A file to create: path relative to the site root, and its text.
pub type NewFile = (String, String);

/// The keys of a vocabulary with their labels in `lang`: `rural (农村), urban (城市)`.
fn keys(v: &Vocabulary, lang: Lang) -> String {
    v.terms
        .iter()
        .map(|t| format!("{} ({})", t.key, t.labels[lang]))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The first key of a vocabulary, as a placeholder the editor replaces.
fn first(v: &Vocabulary) -> &str {
    v.terms.first().map_or("", |t| t.key.as_str())
}

/// Comments of a file written in `lang`: in that language when casebook speaks it, else in
/// English.
struct Comments(Locale);

impl Comments {
    fn of(config: &Config, lang: Lang) -> Self {
        let l = &config.languages[lang];
        Comments(
            Locale::from_tag(&l.code)
                .or_else(|| Locale::from_tag(&l.locale))
                .unwrap_or(Locale::En),
        )
    }

    /// `text` as YAML comment lines.
    fn line(&self, text: Text) -> String {
        text.in_locale(self.0)
            .lines()
            .map(|l| format!("# {l}\n"))
            .collect()
    }

    fn say(&self, text: Text) -> String {
        text.in_locale(self.0)
    }
}

/// The slug checked, or why it cannot be one.
fn check_slug(slug: &str) -> Result<(), Text> {
    if is_key(slug) {
        Ok(())
    } else {
        Err(t!("new-invalid-slug", slug = slug))
    }
}

/// The file of a new case or course, in the site's default language.
pub fn files(
    kind: Template,
    slug: &str,
    config: &Config,
    today: &str,
) -> Result<Vec<NewFile>, Text> {
    check_slug(slug)?;
    let c = Comments::of(config, Lang::DEFAULT);
    let (path, text) = match kind {
        Template::Case => (
            Section::Case.file(slug, None),
            case(slug, config, today, &c),
        ),
        Template::Course => (Section::Course.file(slug, None), course(slug, &c)),
    };
    Ok(vec![with_schema(kind, path, &text)])
}

/// The file with the line that tells the editor's YAML tools which schema its front matter
/// follows, first in the front matter (`casebook schema` writes the schemas).
fn with_schema(kind: Template, path: String, text: &str) -> NewFile {
    let form = match kind {
        Template::Case => Form::Case,
        Template::Course => Form::Course,
    };
    let line = schema::modeline(form, std::path::Path::new(&path));
    let body = text.strip_prefix("---\n").unwrap_or(text);
    let text = format!("---\n{line}\n{body}");
    (path, text)
}

fn case(slug: &str, config: &Config, today: &str, c: &Comments) -> String {
    let v = &config.vocab;
    let mut s = String::from("---\n");
    s += &c.line(t!("new-empty-fields"));
    s += &c.line(t!("new-case-title"));
    s += &format!("title: {slug}\n");
    s += &c.line(t!("new-case-summary"));
    s += "summary: \"\"\n";
    s += &c.line(t!(
        "new-case-place",
        keys = keys(&v.provinces, Lang::DEFAULT)
    ));
    s += &format!(
        "place: {{village: {slug}, town: \"\", county: \"\", province: {}}}\n",
        first(&v.provinces)
    );
    s += &c.line(t!("new-case-kind", keys = keys(&v.kinds, Lang::DEFAULT)));
    s += &format!("kind: {}\n", first(&v.kinds));
    s += &c.line(t!("new-case-role", keys = keys(&v.roles, Lang::DEFAULT)));
    s += &format!("role: {}\n", first(&v.roles));
    s += &c.line(t!("new-case-since"));
    s += "# since: 2022\n";
    s += &c.line(t!("new-case-updated"));
    s += &format!("updated: {today}\n");
    s += &c.line(t!(
        "new-case-challenges",
        keys = keys(&v.challenges, Lang::DEFAULT)
    ));
    s += "challenges: []\n";
    s += &c.line(t!(
        "new-case-changes",
        keys = keys(&v.changes, Lang::DEFAULT)
    ));
    s += "changes: []\n";
    s += &c.line(t!(
        "new-case-methods",
        keys = keys(&v.methods, Lang::DEFAULT)
    ));
    s += &format!("methods:\n  {}: \"\"\n", first(&v.methods));
    s += &c.line(t!("new-case-practices"));
    s += &format!(
        "practices:\n  - name: \"\"\n    method: {}\n    summary: \"\"\n    steps: []\n    conditions: []\n",
        first(&v.methods)
    );
    s += &c.line(t!("new-case-figures"));
    s += "figures: []\n";
    s += &c.line(t!("new-case-sources"));
    s += "sources:\n  - {title: \"\", url: \"https://\"}\n";
    s += &c.line(t!("new-case-photos"));
    s += "# photos:\n#   - {before: before.jpg, after: after.jpg, alt_before: \"\", alt_after: \"\", caption: \"\"}\n";
    s += &c.line(t!("new-case-tags"));
    s += "tags: []\n";
    s += &c.line(t!("new-draft"));
    s += "draft: true\n---\n";
    s += &format!(
        "## {}\n\n<!-- {} -->\n\n## {}\n\n## {}\n",
        c.say(t!("new-case-heading-background")),
        c.say(t!("new-case-background")),
        c.say(t!("new-case-heading-done")),
        c.say(t!("new-case-heading-results")),
    );
    s
}

fn course(slug: &str, c: &Comments) -> String {
    let mut s = String::from("---\n");
    s += &c.line(t!("new-empty-fields"));
    s += &format!("title: {slug}\nsummary: \"\"\n");
    s += &c.line(t!("new-course-audience"));
    s += "audience: \"\"\nduration: \"\"\n";
    s += &c.line(t!("new-course-sessions"));
    s += "sessions:\n  - case: \"\"\n    focus: \"\"\n    questions: []\n";
    s += &c.line(t!("new-course-questions"));
    s += "questions: []\n";
    s += &c.line(t!("new-draft"));
    s += "draft: true\n---\n";
    s += &format!("{}\n", c.say(t!("new-course-notes")));
    s
}

/// The file of a translation into `lang` of the case or course `slug`: its fields left empty,
/// so until they are written the page shows the default language's text, marked.
pub fn translation(
    kind: Template,
    slug: &str,
    lang: &str,
    config: &Config,
) -> Result<NewFile, Text> {
    check_slug(slug)?;
    let l = match config.lang(lang) {
        Some(l) if !l.is_default() => l,
        _ => {
            let codes: Vec<&str> = config.languages[1..]
                .iter()
                .map(|l| l.code.as_str())
                .collect();
            return Err(t!(
                "new-not-a-translation",
                lang = lang,
                codes = codes.join(", ")
            ));
        }
    };
    let c = Comments::of(config, l);
    let name = config.languages[l].name.as_str();
    let mut s = String::from("---\n");
    s += &c.line(t!("new-translation", name = name));
    s += "title: \"\"\nsummary: \"\"\n";
    let path = match kind {
        Template::Case => {
            s += &c.line(t!("new-translation-case"));
            Section::Case.file(slug, Some(lang))
        }
        Template::Course => {
            s += &c.line(t!("new-translation-course"));
            Section::Course.file(slug, Some(lang))
        }
    };
    s += "---\n";
    Ok(with_schema(kind, path, &s))
}
