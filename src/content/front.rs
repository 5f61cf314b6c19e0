//! The shapes of front matter: what each kind of file may say, decoded strictly (an unknown
//! field is an error with a "did you mean"). The same types describe themselves to editors as
//! JSON Schemas (`crate::schema`), so what completion offers is what a build accepts.

use std::collections::BTreeMap;

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer};
use serde_saphyr::Spanned;

/// Front matter of a case file. A translation uses the same fields; it may leave out the
/// language-neutral ones, which it inherits.
#[derive(Deserialize, Default, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct CaseFront {
    #[serde(default, deserialize_with = "blank_as_none")]
    pub(super) title: Option<String>,
    #[serde(default, deserialize_with = "blank_as_none")]
    pub(super) summary: Option<String>,
    pub(super) place: Option<PlaceFront>,
    #[schemars(with = "Option<String>")]
    pub(super) kind: Option<Spanned<String>>,
    #[schemars(with = "Option<String>")]
    pub(super) role: Option<Spanned<String>>,
    #[schemars(with = "Option<i32>")]
    pub(super) since: Option<Spanned<i32>>,
    #[schemars(with = "Option<String>")]
    pub(super) updated: Option<Spanned<String>>,
    #[schemars(with = "Option<Vec<String>>")]
    pub(super) challenges: Option<Vec<Spanned<String>>>,
    #[schemars(with = "Option<Vec<String>>")]
    pub(super) changes: Option<Vec<Spanned<String>>>,
    #[schemars(with = "Option<BTreeMap<String, String>>")]
    pub(super) methods: Option<IndexMap<Spanned<String>, String>>,
    pub(super) practices: Option<Vec<PracticeFront>>,
    pub(super) figures: Option<Vec<FigureFront>>,
    pub(super) sources: Option<Vec<SourceFront>>,
    pub(super) tags: Option<Vec<String>>,
    pub(super) photos: Option<Vec<PhotoFront>>,
    pub(super) illustrative_photos: Option<bool>,
    pub(super) uncertain: Option<Vec<UncertainFront>>,
    pub(super) featured: Option<bool>,
    pub(super) draft: Option<bool>,
}

#[derive(Deserialize, Clone, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct UncertainFront {
    #[schemars(with = "String")]
    pub(super) text: Spanned<String>,
    #[serde(default)]
    pub(super) why: String,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct PhotoFront {
    #[schemars(with = "Option<String>")]
    pub(super) before: Option<Spanned<String>>,
    #[schemars(with = "Option<String>")]
    pub(super) after: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) caption: String,
    #[schemars(with = "Option<String>")]
    pub(super) alt_before: Option<Spanned<String>>,
    #[schemars(with = "Option<String>")]
    pub(super) alt_after: Option<Spanned<String>>,
    pub(super) year_before: Option<i32>,
    pub(super) year_after: Option<i32>,
    pub(super) credit: Option<String>,
    pub(super) illustrative: Option<bool>,
}

#[derive(Deserialize, Default, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct PlaceFront {
    #[serde(default, deserialize_with = "blank_as_none")]
    pub(super) village: Option<String>,
    #[serde(default, deserialize_with = "blank_as_none")]
    pub(super) town: Option<String>,
    #[serde(default, deserialize_with = "blank_as_none")]
    pub(super) county: Option<String>,
    #[serde(default, deserialize_with = "blank_as_none")]
    pub(super) city: Option<String>,
    #[schemars(with = "Option<String>")]
    pub(super) province: Option<Spanned<String>>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct PracticeFront {
    #[schemars(with = "String")]
    pub(super) name: Spanned<String>,
    #[schemars(with = "String")]
    pub(super) method: Spanned<String>,
    /// In a translation: the name, in the default-language file, of the practice this one
    /// translates. Pairing by name, not by position, keeps a reordered list from putting one
    /// practice's text under another.
    #[schemars(with = "Option<String>")]
    pub(super) translates: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) summary: String,
    #[serde(default)]
    pub(super) steps: Vec<String>,
    #[serde(default)]
    pub(super) conditions: Vec<String>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct FigureFront {
    #[schemars(with = "String")]
    pub(super) label: Spanned<String>,
    #[serde(default, deserialize_with = "blank_as_none")]
    pub(super) value: Option<String>,
    #[serde(default, deserialize_with = "blank_as_none")]
    pub(super) before: Option<String>,
    #[serde(default, deserialize_with = "blank_as_none")]
    pub(super) after: Option<String>,
    pub(super) year_before: Option<i32>,
    pub(super) year_after: Option<i32>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct SourceFront {
    pub(super) title: String,
    #[schemars(with = "Option<String>")]
    pub(super) url: Option<Spanned<String>>,
}

#[derive(Deserialize, Default, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct DocFront {
    #[serde(default, deserialize_with = "blank_as_none")]
    pub(super) title: Option<String>,
    #[serde(default, deserialize_with = "blank_as_none")]
    pub(super) summary: Option<String>,
    pub(super) uncertain: Option<Vec<UncertainFront>>,
    pub(super) draft: Option<bool>,
}

#[derive(Deserialize, Default, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct CourseFront {
    #[serde(default, deserialize_with = "blank_as_none")]
    pub(super) title: Option<String>,
    #[serde(default, deserialize_with = "blank_as_none")]
    pub(super) summary: Option<String>,
    #[serde(default, deserialize_with = "blank_as_none")]
    pub(super) audience: Option<String>,
    #[serde(default, deserialize_with = "blank_as_none")]
    pub(super) duration: Option<String>,
    pub(super) sessions: Option<Vec<SessionFront>>,
    pub(super) questions: Option<Vec<String>>,
    pub(super) uncertain: Option<Vec<UncertainFront>>,
    pub(super) draft: Option<bool>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct SessionFront {
    #[schemars(with = "String")]
    pub(super) case: Spanned<String>,
    #[serde(default)]
    pub(super) focus: String,
    #[serde(default)]
    pub(super) questions: Vec<String>,
}

/// A text field left empty (`title: ""`, the placeholder `casebook new` writes) counts as left
/// out: a translation inherits it, a default-language file is told it is missing, and no page
/// shows an empty heading.
fn blank_as_none<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let s: Option<String> = Option::deserialize(d)?;
    Ok(s.filter(|s| !s.trim().is_empty()))
}
