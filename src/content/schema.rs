//! The front-matter schemas: what each kind of file may say, decoded strictly (an unknown
//! field is an error with a "did you mean").

use indexmap::IndexMap;
use serde::Deserialize;
use serde_saphyr::Spanned;

/// Front matter of a case file. A translation uses the same fields; it may leave out the
/// language-neutral ones, which it inherits.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct CaseFront {
    pub(super) title: Option<String>,
    pub(super) summary: Option<String>,
    pub(super) place: Option<PlaceFront>,
    pub(super) kind: Option<Spanned<String>>,
    pub(super) role: Option<Spanned<String>>,
    pub(super) since: Option<Spanned<i32>>,
    pub(super) updated: Option<Spanned<String>>,
    pub(super) challenges: Option<Vec<Spanned<String>>>,
    pub(super) changes: Option<Vec<Spanned<String>>>,
    pub(super) methods: Option<IndexMap<Spanned<String>, String>>,
    pub(super) practices: Option<Vec<PracticeFront>>,
    pub(super) figures: Option<Vec<FigureFront>>,
    pub(super) sources: Option<Vec<SourceFront>>,
    pub(super) tags: Option<Vec<String>>,
    pub(super) photos: Option<Vec<PhotoFront>>,
    pub(super) featured: Option<bool>,
    pub(super) draft: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PhotoFront {
    pub(super) before: Option<Spanned<String>>,
    pub(super) after: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) caption: String,
    pub(super) alt_before: Option<Spanned<String>>,
    pub(super) alt_after: Option<Spanned<String>>,
    pub(super) year_before: Option<i32>,
    pub(super) year_after: Option<i32>,
    pub(super) credit: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct PlaceFront {
    pub(super) village: Option<String>,
    pub(super) town: Option<String>,
    pub(super) county: Option<String>,
    pub(super) city: Option<String>,
    pub(super) province: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PracticeFront {
    pub(super) name: Spanned<String>,
    pub(super) method: Spanned<String>,
    #[serde(default)]
    pub(super) summary: String,
    #[serde(default)]
    pub(super) steps: Vec<String>,
    #[serde(default)]
    pub(super) conditions: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FigureFront {
    pub(super) label: Spanned<String>,
    pub(super) value: Option<String>,
    pub(super) before: Option<String>,
    pub(super) after: Option<String>,
    pub(super) year_before: Option<i32>,
    pub(super) year_after: Option<i32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SourceFront {
    pub(super) title: String,
    pub(super) url: Option<Spanned<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct DocFront {
    pub(super) title: Option<String>,
    pub(super) summary: Option<String>,
    pub(super) draft: Option<bool>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct CourseFront {
    pub(super) title: Option<String>,
    pub(super) summary: Option<String>,
    pub(super) audience: Option<String>,
    pub(super) duration: Option<String>,
    pub(super) sessions: Option<Vec<SessionFront>>,
    pub(super) questions: Option<Vec<String>>,
    pub(super) draft: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SessionFront {
    pub(super) case: Spanned<String>,
    #[serde(default)]
    pub(super) focus: String,
    #[serde(default)]
    pub(super) questions: Vec<String>,
}
