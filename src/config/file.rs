//! The shape of `content/site.yaml` as written, decoded strictly: an unknown field is an
//! error with a "did you mean".

use indexmap::IndexMap;
use serde::Deserialize;
use serde_saphyr::Spanned;

use super::Labels;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SiteFile {
    pub(super) title: Labels,
    #[serde(default)]
    pub(super) description: Labels,
    #[serde(default)]
    pub(super) base_url: Option<String>,
    pub(super) default_language: Spanned<String>,
    pub(super) languages: IndexMap<Spanned<String>, LanguageFile>,
    #[serde(default)]
    pub(super) theme: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) allow_html: bool,
    #[serde(default)]
    pub(super) feed_limit: Option<usize>,
    #[serde(default)]
    pub(super) page_size: Option<Spanned<usize>>,
    #[serde(default)]
    pub(super) photos: Option<PhotosFile>,
    pub(super) vocabularies: VocabulariesFile,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PhotosFile {
    pub(super) widths: Option<Spanned<Vec<u32>>>,
    pub(super) quality: Option<Spanned<u8>>,
    pub(super) max_megapixels: Option<u64>,
    pub(super) cache: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct LanguageFile {
    pub(super) name: String,
    pub(super) locale: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct VocabulariesFile {
    pub(super) methods: IndexMap<Spanned<String>, Labels>,
    pub(super) challenges: IndexMap<Spanned<String>, Labels>,
    pub(super) kinds: IndexMap<Spanned<String>, Labels>,
    pub(super) roles: IndexMap<Spanned<String>, Labels>,
    pub(super) provinces: IndexMap<Spanned<String>, Labels>,
    pub(super) changes: IndexMap<Spanned<String>, Labels>,
}
