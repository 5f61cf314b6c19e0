//! JSON Schemas (draft 2020-12) of each kind of front matter and of site.yaml, for editors'
//! tools: completion of field names and of the site's vocabulary keys, and errors while
//! typing. The shapes come from the types the build decodes (`content::front`,
//! `config::file`), so a schema cannot accept what a build refuses; the keys and labels come
//! from the site's own vocabularies; every field is described in the editor's language.

mod describe;

use std::path::Path;

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde_json::{Map, Value, json};

use crate::config::file::SiteFile;
use crate::config::{Config, Vocab};
use crate::content::front::{CaseFront, CourseFront, DocFront};
use crate::i18n::Locale;

/// The folder, relative to the site root, the schemas are written into. The files `new`
/// writes point here by a relative path, so a site folder can be moved or shared whole.
pub const FOLDER: &str = ".casebook/schema";

/// A kind of file with front matter of its own shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// A case file, in any language.
    Case,
    /// A course file.
    Course,
    /// A page or a method's page: a title, a summary and a text.
    Page,
    /// `content/site.yaml`.
    Site,
}

impl Form {
    /// Every form, in the order `casebook schema` lists them.
    pub const ALL: [Form; 4] = [Form::Case, Form::Course, Form::Page, Form::Site];

    /// The schema's file name in [`FOLDER`].
    pub const fn file_name(self) -> &'static str {
        match self {
            Form::Case => "case.schema.json",
            Form::Course => "course.schema.json",
            Form::Page => "page.schema.json",
            Form::Site => "site.schema.json",
        }
    }
}

/// The comment that tells a YAML language server which schema a file at `rel` (relative to
/// the site root) follows.
pub fn modeline(form: Form, rel: &Path) -> String {
    let depth = rel.parent().map_or(0, |p| p.components().count());
    format!(
        "# yaml-language-server: $schema={}{FOLDER}/{}",
        "../".repeat(depth),
        form.file_name()
    )
}

/// What a schema needs to know of the site besides its shapes.
pub struct Site<'a> {
    /// The site's settings, with its vocabularies and languages.
    pub config: &'a Config,
    /// The slugs of its cases, which a course's sessions name.
    pub cases: &'a [String],
    /// The language of descriptions.
    pub locale: Locale,
}

/// The schema of one form for this site.
pub fn schema(form: Form, site: &Site<'_>) -> Value {
    let (mut value, root) = match form {
        Form::Case => (shape::<CaseFront>(), "CaseFront"),
        Form::Course => (shape::<CourseFront>(), "CourseFront"),
        Form::Page => (shape::<DocFront>(), "DocFront"),
        Form::Site => (shape::<SiteFile>(), "SiteFile"),
    };
    if let Some(obj) = value.as_object_mut() {
        obj.insert(
            "title".into(),
            describe::title(form).in_locale(site.locale).into(),
        );
        annotate(obj, root, site);
        let names: Vec<String> = obj
            .get("$defs")
            .and_then(Value::as_object)
            .map(|d| d.keys().cloned().collect())
            .unwrap_or_default();
        for name in names {
            if let Some(def) = obj
                .get_mut("$defs")
                .and_then(|d| d.get_mut(&name))
                .and_then(Value::as_object_mut)
            {
                annotate(def, &name, site);
            }
        }
    }
    value
}

/// Every form's schema as the file to write into [`FOLDER`]: its name and text.
pub fn files(site: &Site<'_>) -> Vec<(&'static str, String)> {
    Form::ALL
        .into_iter()
        .map(|form| {
            let text = serde_json::to_string_pretty(&schema(form, site)).unwrap_or_default();
            (form.file_name(), text)
        })
        .collect()
}

/// The shape of a type as the build decodes it. Integer formats (`int32`, `uint8`) are Rust's
/// and mean nothing to an editor; their ranges are kept as `minimum`/`maximum`.
fn shape<T: JsonSchema>() -> Value {
    let mut v = SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<T>()
        .to_value();
    strip_formats(&mut v);
    v
}

fn strip_formats(v: &mut Value) {
    match v {
        Value::Object(o) => {
            o.remove("format");
            o.values_mut().for_each(strip_formats);
        }
        Value::Array(a) => a.iter_mut().for_each(strip_formats),
        _ => {}
    }
}

/// Describes each property of the object schema `def` (the type named `name`) and narrows
/// those that take a vocabulary key, a case slug or a language code to the site's own.
fn annotate(def: &mut Map<String, Value>, name: &str, site: &Site<'_>) {
    let Some(props) = def.get_mut("properties").and_then(Value::as_object_mut) else {
        return;
    };
    for (field, prop) in props.iter_mut() {
        let Some(p) = prop.as_object_mut() else {
            continue;
        };
        if let Some(text) = describe::field(name, field) {
            p.insert("description".into(), text.in_locale(site.locale).into());
        }
        if let Some(keys) = allowed(name, field, site) {
            restrict(p, &keys);
        }
    }
}

/// The keys a field may hold, each with what it means, when the site decides them.
fn allowed(def: &str, field: &str, site: &Site<'_>) -> Option<Vec<(String, String)>> {
    if let Some(v) = vocabulary_at(def, field) {
        let terms = &site.config.vocab.get(v).terms;
        return Some(
            terms
                .iter()
                .map(|t| (t.key.clone(), labels(&t.labels)))
                .collect(),
        );
    }
    match (def, field) {
        ("SessionFront", "case") => Some(
            site.cases
                .iter()
                .map(|slug| (slug.clone(), String::new()))
                .collect(),
        ),
        ("SiteFile", "default_language") => Some(
            site.config
                .languages
                .iter()
                .map(|l| (l.code.clone(), l.name.clone()))
                .collect(),
        ),
        _ => None,
    }
}

/// The vocabulary whose keys the field `field` of type `def` holds: a case names the
/// multi-valued ones by their plural (`methods:`), the others by their singular (`kind:`),
/// its province under `place:`; a practice names its method.
fn vocabulary_at(def: &str, field: &str) -> Option<Vocab> {
    Vocab::ALL.into_iter().find(|v| match def {
        "CaseFront" if *v != Vocab::Provinces => {
            field == if v.multi() { v.name() } else { v.singular() }
        }
        "PlaceFront" => *v == Vocab::Provinces && field == v.singular(),
        "PracticeFront" => *v == Vocab::Methods && field == v.singular(),
        _ => false,
    })
}

/// A term's labels in every language, once each (`共谋 · Co-decision`).
fn labels(all: &[String]) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for l in all {
        if !l.is_empty() && !seen.contains(&l.as_str()) {
            seen.push(l);
        }
    }
    seen.join(" · ")
}

/// Narrows a property to `keys`: the value itself for a single key, each item of a list,
/// each field name of a map (`methods:`).
fn restrict(p: &mut Map<String, Value>, keys: &[(String, String)]) {
    if let Some(items) = p.get_mut("items").and_then(Value::as_object_mut) {
        return restrict(items, keys);
    }
    if p.contains_key("additionalProperties") {
        let value = p.remove("additionalProperties").unwrap_or(json!({}));
        let props: Map<String, Value> = keys
            .iter()
            .map(|(k, label)| {
                let mut v = value.clone();
                if let Some(o) = v.as_object_mut() {
                    o.insert("description".into(), label.clone().into());
                }
                (k.clone(), v)
            })
            .collect();
        p.insert("properties".into(), props.into());
        p.insert("additionalProperties".into(), false.into());
        return;
    }
    let nullable = p
        .get("type")
        .and_then(Value::as_array)
        .is_some_and(|t| t.iter().any(|t| t == "null"));
    let mut values: Vec<Value> = keys.iter().map(|(k, _)| k.clone().into()).collect();
    let mut notes: Vec<Value> = keys.iter().map(|(_, l)| l.clone().into()).collect();
    if nullable {
        values.push(Value::Null);
        notes.push("".into());
    }
    p.insert("enum".into(), values.into());
    // Read by VS Code's and other YAML language servers to explain each key in completion.
    p.insert("markdownEnumDescriptions".into(), notes.into());
}

#[cfg(test)]
mod tests;
