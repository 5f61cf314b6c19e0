//! The shape of `content/site.yaml` as written, decoded strictly: an unknown field is an
//! error with a "did you mean".

use std::collections::BTreeMap;

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

use super::Labels;

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct SiteFile {
    #[schemars(with = "BTreeMap<String, String>")]
    pub(super) title: Labels,
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, String>")]
    pub(super) description: Labels,
    #[serde(default)]
    pub(super) base_url: Option<String>,
    #[schemars(with = "String")]
    pub(super) default_language: Spanned<String>,
    #[schemars(with = "BTreeMap<String, LanguageFile>")]
    pub(super) languages: IndexMap<Spanned<String>, LanguageFile>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub(super) theme: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) allow_html: bool,
    #[serde(default)]
    pub(super) feed_limit: Option<usize>,
    #[serde(default)]
    #[schemars(with = "Option<usize>")]
    pub(super) page_size: Option<Spanned<usize>>,
    #[serde(default)]
    pub(super) photos: Option<PhotosFile>,
    #[serde(default)]
    pub(super) search: Option<SearchFile>,
    pub(super) vocabularies: VocabulariesFile,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct SearchFile {
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, Vec<Vec<String>>>")]
    pub(super) synonyms: SynonymsFile,
}

/// Synonym groups as written: each language code with its groups, each a list of words.
pub(crate) type SynonymsFile = IndexMap<Spanned<String>, Vec<Spanned<Vec<String>>>>;

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct PhotosFile {
    #[schemars(with = "Option<Vec<u32>>")]
    pub(super) widths: Option<Spanned<Vec<u32>>>,
    #[schemars(with = "Option<u8>")]
    pub(super) quality: Option<Spanned<u8>>,
    pub(super) max_megapixels: Option<u64>,
    pub(super) cache: Option<String>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct LanguageFile {
    pub(super) name: String,
    pub(super) locale: String,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct VocabulariesFile {
    #[schemars(with = "BTreeMap<String, BTreeMap<String, String>>")]
    pub(super) methods: IndexMap<Spanned<String>, Labels>,
    #[schemars(with = "BTreeMap<String, BTreeMap<String, String>>")]
    pub(super) challenges: IndexMap<Spanned<String>, Labels>,
    #[schemars(with = "BTreeMap<String, BTreeMap<String, String>>")]
    pub(super) kinds: IndexMap<Spanned<String>, Labels>,
    #[schemars(with = "BTreeMap<String, BTreeMap<String, String>>")]
    pub(super) roles: IndexMap<Spanned<String>, Labels>,
    #[schemars(with = "BTreeMap<String, BTreeMap<String, String>>")]
    pub(super) provinces: IndexMap<Spanned<String>, Labels>,
    #[schemars(with = "BTreeMap<String, BTreeMap<String, String>>")]
    pub(super) changes: IndexMap<Spanned<String>, Labels>,
}
