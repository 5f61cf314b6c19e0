//! The content stage: classifies the files of `content/`, decodes their front matter against a
//! strict schema, merges translations with their default-language file, renders Markdown and
//! checks every link between pages. Pure: reads [`Sources`], returns a [`Library`].

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use indexmap::IndexMap;
use rayon::prelude::*;
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::config::{Config, Lang, is_key};
use crate::diagnostics::{Diagnostic, Diagnostics, SourceText, Span, suggest};
use crate::frontmatter::{self, Split, SplitError};
use crate::load::Sources;
use crate::markdown::{self, TargetKind};
use crate::model::*;
use crate::yaml::YamlDoc;

/// Ids every case page has besides its headings, so `@/cases/x#practices` can be checked.
pub const CASE_PAGE_IDS: &[&str] = &[
    "summary",
    "methods",
    "practices",
    "figures",
    "photos",
    "story",
    "sources",
    "related",
];
/// Ids every method page has besides its headings.
pub const METHOD_PAGE_IDS: &[&str] = &["practices", "cases"];
/// Ids every course page has besides its headings.
pub const COURSE_PAGE_IDS: &[&str] = &["contents", "questions"];
/// Top-level URL segments the generator uses, which a free page may not take (besides the
/// taxonomy names of [`crate::views::TAXONOMIES`]).
pub const RESERVED_SLUGS: &[&str] = &[
    "assets",
    "cases",
    "methods",
    "practices",
    "matrix",
    "courses",
    "data",
    "photos",
    "search",
    "404",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum DocKind {
    Case,
    Method,
    Course,
    Page,
}

impl DocKind {
    /// The kind of page a link to this document names.
    fn target(self) -> TargetKind {
        match self {
            DocKind::Case => TargetKind::Case,
            DocKind::Method => TargetKind::Method,
            DocKind::Course => TargetKind::Course,
            DocKind::Page => TargetKind::Page,
        }
    }
}

/// Documents that exist but are not published, by the kind and slug a link names them with:
/// `true` for a draft, `false` for one that failed (its own errors say all there is to say,
/// so links and courses naming it add nothing).
type Unavailable = HashMap<(TargetKind, String), bool>;

/// Front matter of a case file. A translation uses the same fields; it may leave out the
/// language-neutral ones, which it inherits.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct CaseFront {
    title: Option<String>,
    summary: Option<String>,
    place: Option<PlaceFront>,
    kind: Option<Spanned<String>>,
    role: Option<Spanned<String>>,
    since: Option<Spanned<i32>>,
    updated: Option<Spanned<String>>,
    challenges: Option<Vec<Spanned<String>>>,
    changes: Option<Vec<Spanned<String>>>,
    methods: Option<IndexMap<Spanned<String>, String>>,
    practices: Option<Vec<PracticeFront>>,
    figures: Option<Vec<FigureFront>>,
    sources: Option<Vec<SourceFront>>,
    tags: Option<Vec<String>>,
    photos: Option<Vec<PhotoFront>>,
    featured: Option<bool>,
    draft: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PhotoFront {
    before: Option<Spanned<String>>,
    after: Option<Spanned<String>>,
    #[serde(default)]
    caption: String,
    alt_before: Option<Spanned<String>>,
    alt_after: Option<Spanned<String>>,
    year_before: Option<i32>,
    year_after: Option<i32>,
    credit: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct PlaceFront {
    village: Option<String>,
    town: Option<String>,
    county: Option<String>,
    city: Option<String>,
    province: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PracticeFront {
    name: Spanned<String>,
    method: Spanned<String>,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    steps: Vec<String>,
    #[serde(default)]
    conditions: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FigureFront {
    label: Spanned<String>,
    value: Option<String>,
    before: Option<String>,
    after: Option<String>,
    year_before: Option<i32>,
    year_after: Option<i32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceFront {
    title: String,
    url: Option<Spanned<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct DocFront {
    title: Option<String>,
    summary: Option<String>,
    draft: Option<bool>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct CourseFront {
    title: Option<String>,
    summary: Option<String>,
    audience: Option<String>,
    duration: Option<String>,
    sessions: Option<Vec<SessionFront>>,
    questions: Option<Vec<String>>,
    draft: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SessionFront {
    case: Spanned<String>,
    #[serde(default)]
    focus: String,
    #[serde(default)]
    questions: Vec<String>,
}

/// A file of one document in one language, split and ready to decode.
struct Variant<'a> {
    source: &'a SourceText,
    split: Split<'a>,
}

impl<'a> Variant<'a> {
    fn doc(&self) -> YamlDoc<'a> {
        YamlDoc {
            source: self.source,
            yaml: self.split.yaml,
            first_line: self.split.yaml_line,
        }
    }

    /// The opening `---`: where problems of the front matter as a whole are shown.
    fn top(&self) -> Span {
        self.source.span_at(1, 1, 3)
    }

    fn parse<T: for<'de> Deserialize<'de>>(&self, diags: &mut Diagnostics) -> Option<T> {
        match self.doc().parse::<T>() {
            Ok(v) => Some(v),
            Err(d) => {
                diags.push(d);
                None
            }
        }
    }
}

/// Options of the content stage.
#[derive(Debug, Clone, Copy, Default)]
pub struct ContentOptions {
    /// Publish drafts.
    pub drafts: bool,
}

/// What a case is parsed from: the text of each language's file, and the other files of its
/// folder (a photo added or removed changes what the case's checks find).
#[derive(Debug)]
struct CaseInputs {
    texts: Vec<Option<Arc<str>>>,
    files: Vec<PathBuf>,
}

impl CaseInputs {
    fn of(files: &[Option<&SourceText>], sources: &Sources) -> CaseInputs {
        let dir = files
            .iter()
            .flatten()
            .next()
            .and_then(|f| f.path.parent())
            .unwrap_or(Path::new(""));
        // `assets` is sorted, so a folder's files are one run of it.
        let start = sources.assets.partition_point(|a| a.as_path() < dir);
        let files_here = sources.assets[start..]
            .iter()
            .take_while(|a| a.starts_with(dir))
            .cloned()
            .collect();
        CaseInputs {
            texts: files.iter().map(|f| f.map(|f| f.text.clone())).collect(),
            files: files_here,
        }
    }

    /// The same inputs: the same files in the folder and the very same texts (shared, so a
    /// pointer comparison says it).
    fn same(&self, other: &CaseInputs) -> bool {
        self.files == other.files
            && self.texts.len() == other.texts.len()
            && self
                .texts
                .iter()
                .zip(&other.texts)
                .all(|(a, b)| match (a, b) {
                    (Some(a), Some(b)) => Arc::ptr_eq(a, b),
                    (None, None) => true,
                    _ => false,
                })
    }
}

/// A case with the inputs it was parsed from and its diagnostics.
type CachedCase = (CaseInputs, Option<Arc<Case>>, Diagnostics);

/// Parsed cases kept between runs of the content stage (in preview), keyed by slug, each
/// with the texts it was parsed from: a case whose files did not change is not parsed again.
#[derive(Debug, Default)]
pub struct CaseCache {
    cases: HashMap<String, CachedCase>,
}

impl CaseCache {
    /// Forgets everything: needed when site.yaml changed, since cases are parsed against its
    /// vocabularies and languages.
    pub fn clear(&mut self) {
        self.cases.clear();
    }
}

/// Runs the content stage over everything the loader read.
pub fn parse(sources: &Sources, opts: ContentOptions, diags: &mut Diagnostics) -> Option<Library> {
    parse_cached(sources, opts, diags, &mut CaseCache::default())
}

/// [`parse`], reusing the cases of `cache` whose files are unchanged and refreshing it.
pub fn parse_cached(
    sources: &Sources,
    opts: ContentOptions,
    diags: &mut Diagnostics,
    cache: &mut CaseCache,
) -> Option<Library> {
    // A file that could not be read is reported once, here, for as long as it stays unreadable.
    for (_, d) in &sources.unreadable {
        diags.push(d.clone());
    }
    let Some(site) = &sources.site else {
        if sources
            .unreadable
            .iter()
            .any(|(p, _)| p == Path::new("content/site.yaml"))
        {
            return None;
        }
        diags.push(
            Diagnostic::error(Span::file_only("content/site.yaml"), "content/site.yaml is missing")
                .hint("every site needs content/site.yaml with its title, languages and vocabularies; `casebook new` sites come with one"),
        );
        return None;
    };
    let config = Config::parse(site, diags)?;

    let mut groups: BTreeMap<(DocKind, String), Vec<Option<&SourceText>>> = BTreeMap::new();
    for file in &sources.markdown {
        match classify(&file.path, &config) {
            Ok((kind, slug, lang)) => {
                let slot = groups
                    .entry((kind, slug))
                    .or_insert_with(|| vec![None; config.languages.len()]);
                slot[lang] = Some(file);
            }
            Err(d) => diags.push(d),
        }
    }

    // Documents whose default-language file exists but could not be read: nothing more is said
    // about them, their translations, or links to them.
    let mut unavailable = Unavailable::new();
    for (path, _) in &sources.unreadable {
        if let Ok((kind, slug, 0)) = classify(path, &config) {
            unavailable.insert((kind.target(), slug), false);
        }
    }

    let mut case_groups = Vec::new();
    let mut method_groups = HashMap::new();
    let mut course_groups = Vec::new();
    let mut page_groups = Vec::new();
    for ((kind, slug), files) in groups {
        let Some(default) = files[0] else {
            if unavailable.contains_key(&(kind.target(), slug.clone())) {
                continue;
            }
            if let Some(first) = files.iter().flatten().next() {
                diags.push(
                    Diagnostic::error(
                        first.whole(),
                        "translation has no default-language file beside it",
                    )
                    .hint(format!(
                        "add the {} version first; a translation inherits from it",
                        config.languages[0].name
                    )),
                );
            }
            continue;
        };
        let _ = default;
        match kind {
            DocKind::Case => case_groups.push((slug, files)),
            DocKind::Method => {
                method_groups.insert(slug, files);
            }
            DocKind::Course => course_groups.push((slug, files)),
            DocKind::Page => page_groups.push((slug, files)),
        }
    }

    // Cases are independent of each other: parse them in parallel, then merge diagnostics in a
    // stable order (Diagnostics sorts on output).
    let old = std::mem::take(&mut cache.cases);
    let asset_set: HashSet<&Path> = sources.assets.iter().map(PathBuf::as_path).collect();
    let parsed: Vec<(Option<Arc<Case>>, Diagnostics)> = case_groups
        .par_iter()
        .map(|(slug, files)| {
            if let Some((inputs, case, d)) = old.get(slug)
                && inputs.same(&CaseInputs::of(files, sources))
            {
                return (case.clone(), d.clone());
            }
            let mut d = Diagnostics::new();
            let case = parse_case(slug, files, &config, &asset_set, &mut d).map(Arc::new);
            (case, d)
        })
        .collect();
    for ((slug, files), (case, d)) in case_groups.iter().zip(&parsed) {
        cache.cases.insert(
            slug.clone(),
            (CaseInputs::of(files, sources), case.clone(), d.clone()),
        );
    }
    let mut cases = Vec::new();
    // Slugs of cases that exist but are not published (drafts) or did not parse: links and
    // courses naming them get a precise message, or none when the case's own errors say it all.
    let mut unpublished: HashMap<String, bool> = unavailable
        .iter()
        .filter(|((kind, _), _)| *kind == TargetKind::Case)
        .map(|((_, slug), draft)| (slug.clone(), *draft))
        .collect();
    for ((slug, files), (case, mut d)) in case_groups.iter().zip(parsed) {
        // A draft that is not being published may be unfinished: its problems are reported as
        // warnings, so it does not stop the build of everything else.
        if !opts.drafts && is_draft(case.as_ref(), files[0]) {
            d = d.downgraded("in a draft, which is not published");
        }
        diags.extend(d);
        match case {
            Some(c) if !c.draft || opts.drafts => cases.push(c),
            Some(_) => {
                unpublished.insert(slug.clone(), true);
            }
            None => {
                unpublished.insert(slug.clone(), false);
            }
        }
    }
    for (slug, draft) in &unpublished {
        unavailable.insert((TargetKind::Case, slug.clone()), *draft);
    }
    cases.sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| a.slug.cmp(&b.slug)));

    let mut methods = Vec::new();
    for (i, term) in config.vocab.methods.terms.iter().enumerate() {
        let failed = (TargetKind::Method, term.key.clone());
        let texts = match method_groups.remove(&term.key) {
            Some(files) => {
                let texts = parse_doc(&files, &config, 2, diags).map(|(t, _)| t);
                if texts.is_none() {
                    unavailable.insert(failed, false);
                }
                texts
            }
            None if unavailable.contains_key(&failed) => None,
            None => {
                diags.push(
                    Diagnostic::warning(
                        site.whole(),
                        format!("method `{}` has no page text", term.key),
                    )
                    .hint(format!(
                        "add content/methods/{}.md saying what the method means and how to run it",
                        term.key
                    )),
                );
                None
            }
        };
        methods.push(MethodDoc { method: i, texts });
    }
    for (key, files) in method_groups {
        if let Some(f) = files.iter().flatten().next() {
            diags.push(
                Diagnostic::error(f.whole(), format!("`{key}` is not a method of this site")).hint(
                    suggest(
                        &key,
                        "the file name",
                        config.vocab.methods.terms.iter().map(|t| t.key.as_str()),
                    ),
                ),
            );
        }
    }

    let mut pages = Vec::new();
    for (slug, files) in &page_groups {
        if RESERVED_SLUGS.contains(&slug.as_str())
            || crate::views::TAXONOMIES.contains(&slug.as_str())
            || config.lang(slug).is_some()
        {
            if let Some(f) = files[0] {
                diags.push(
                    Diagnostic::error(
                        f.whole(),
                        format!(
                            "a page cannot be called `{slug}`: that address is used by the site"
                        ),
                    )
                    .hint("rename the file"),
                );
            }
            continue;
        }
        match parse_doc(files, &config, 1, diags) {
            Some((texts, draft)) if !draft || opts.drafts => pages.push(Page {
                slug: slug.clone(),
                texts,
            }),
            other => {
                unavailable.insert((TargetKind::Page, slug.clone()), other.is_some());
            }
        }
    }

    let mut courses = Vec::new();
    for (slug, files) in &course_groups {
        let mut d = Diagnostics::new();
        let parsed = parse_course(slug, files, &config, &cases, &unpublished, &mut d);
        let draft = parsed
            .as_ref()
            .map_or_else(|| is_draft(None, files[0]), |(_, draft)| *draft);
        if !opts.drafts && draft {
            d = d.downgraded("in a draft, which is not published");
        }
        diags.extend(d);
        match parsed {
            Some((course, draft)) if !draft || opts.drafts => courses.push(course),
            other => {
                unavailable.insert((TargetKind::Course, slug.clone()), other.is_some());
            }
        }
    }

    let mut assets = Vec::new();
    let case_dirs: HashMap<&Path, &str> = cases
        .iter()
        .map(|c| (c.dir.as_path(), c.slug.as_str()))
        .collect();
    let named: HashSet<&Path> = cases
        .iter()
        .flat_map(|c| c.photo_requests.iter().map(|r| r.file.as_path()))
        .collect();
    for path in &sources.assets {
        let parent = path.parent().unwrap_or(Path::new(""));
        // Photos are published only as processed copies (resized, without metadata): the
        // originals, which may carry GPS positions, never are.
        if crate::photos::is_photo(path) {
            if !named.contains(path.as_path()) && case_dirs.contains_key(parent) {
                diags.push(
                    Diagnostic::warning(Span::file_only(path), "photo is not shown by its case")
                        .hint("add it to `photos:` in index.md, or show it in the text with ![description](file name), or remove it"),
                );
            }
            continue;
        }
        match (case_dirs.get(parent), path.file_name()) {
            (Some(slug), Some(name)) => assets.push(Asset {
                source: path.clone(),
                output: format!("cases/{}/{}", slug, name.to_string_lossy()),
            }),
            _ if is_case_dir(parent) => {} // a draft's files, or a folder without index.md (reported there)
            _ => diags.push(
                Diagnostic::warning(
                    Span::file_only(path),
                    "file is not part of any page and is not published",
                )
                .hint("photos and documents belong in a case folder, beside its index.md"),
            ),
        }
    }

    let lib = Library {
        config,
        cases,
        methods,
        courses,
        pages,
        assets,
        photos: HashMap::new(),
    };
    check_links(&lib, sources, &unavailable, diags);
    Some(lib)
}

/// Whether a case is a draft: from its parsed front matter, or, when that failed to parse,
/// from a `draft: true` line in it.
fn is_draft(case: Option<&Arc<Case>>, file: Option<&SourceText>) -> bool {
    match case {
        Some(c) => c.draft,
        None => file
            .and_then(|f| frontmatter::split(&f.text).ok())
            .is_some_and(|s| s.yaml.lines().any(|l| l.trim() == "draft: true")),
    }
}

fn is_case_dir(p: &Path) -> bool {
    let mut c = p.components();
    matches!((c.next(), c.next(), c.next(), c.next()), (Some(a), Some(b), Some(_), None) if a.as_os_str() == "content" && b.as_os_str() == "cases")
}

/// Works out what a Markdown file is from its path: `content/cases/<slug>/index.en.md` is the
/// English text of a case.
fn classify(path: &Path, config: &Config) -> Result<(DocKind, String, Lang), Diagnostic> {
    let parts: Vec<String> = path
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    let unknown = || {
        Diagnostic::warning(Span::file_only(path), "Markdown file is not part of any page")
            .hint("cases go in content/cases/<slug>/index.md, methods in content/methods/<key>.md, courses in content/courses/<slug>.md and free pages in content/pages/<slug>.md")
    };
    let (kind, slug, file) = match parts.as_slice() {
        ["content", "cases", slug, file] => (DocKind::Case, *slug, *file),
        ["content", "methods", file] => (DocKind::Method, "", *file),
        ["content", "courses", file] => (DocKind::Course, "", *file),
        ["content", "pages", file] => (DocKind::Page, "", *file),
        _ => return Err(unknown()),
    };
    let stem = file.strip_suffix(".md").ok_or_else(unknown)?;
    let (name, lang) = match stem.rsplit_once('.') {
        Some((name, code)) => match config.lang(code) {
            Some(l) if l > 0 => (name, l),
            _ => {
                return Err(Diagnostic::error(
                    Span::file_only(path),
                    format!("`{code}` in the file name is not a translation language of this site"),
                )
                .hint(suggest(
                    code,
                    "the language code",
                    config.languages.iter().skip(1).map(|l| l.code.as_str()),
                )));
            }
        },
        None => (stem, 0),
    };
    let slug = match kind {
        DocKind::Case => {
            if name != "index" {
                return Err(Diagnostic::warning(
                    Span::file_only(path),
                    "Markdown file in a case folder that is not the case text",
                )
                .hint("a case's text is index.md (and index.<lang>.md for translations)"));
            }
            slug
        }
        _ => name,
    };
    if !is_key(slug) {
        return Err(Diagnostic::error(Span::file_only(path), format!("`{slug}` is not a valid slug"))
            .hint("slugs are lower-case ASCII letters, digits and `-` (they become the page's address): rename the file or folder"));
    }
    Ok((kind, slug.to_owned(), lang))
}

fn split_variants<'a>(
    files: &[Option<&'a SourceText>],
    diags: &mut Diagnostics,
) -> Option<Vec<Option<Variant<'a>>>> {
    let mut out = Vec::new();
    let mut ok = true;
    for f in files {
        match f {
            None => out.push(None),
            Some(source) => match frontmatter::split(&source.text) {
                Ok(split) => out.push(Some(Variant { source, split })),
                Err(e) => {
                    ok = false;
                    let (msg, hint) = match e {
                        SplitError::NoOpeningFence => (
                            "file does not start with front matter",
                            "start the file with a line `---`, the YAML fields, and another `---` line",
                        ),
                        SplitError::NoClosingFence => (
                            "front matter is not closed",
                            "end the YAML fields with a line that holds only `---`",
                        ),
                    };
                    diags.push(Diagnostic::error(source.whole(), msg).hint(hint));
                    out.push(None);
                }
            },
        }
    }
    ok.then_some(out)
}

fn root_for(depth: usize, lang: Lang) -> String {
    "../".repeat(depth + usize::from(lang > 0))
}

/// Renders a body and reports its problems into `diags`.
fn render_body(
    v: &Variant<'_>,
    config: &Config,
    lang: Lang,
    depth: usize,
    bundle: Option<&str>,
    diags: &mut Diagnostics,
) -> Body {
    let root = root_for(depth, lang);
    let ctx = markdown::Ctx {
        allow_html: config.allow_html,
        root: &root,
        lang_prefix: &config.languages[lang].prefix,
        bundle,
        id_prefix: "",
    };
    let r = markdown::render(v.split.body, &ctx);
    for p in &r.problems {
        let span = v
            .source
            .span(v.split.body_offset + p.range.start..v.split.body_offset + p.range.end);
        let d = if p.warning {
            Diagnostic::warning(span, &p.message)
        } else {
            Diagnostic::error(span, &p.message)
        };
        diags.push(d.hint(&p.hint).made_at(p.origin));
    }
    // Kept for the whole build: without the slack a growing string leaves.
    let mut html = r.html;
    html.shrink_to_fit();
    Body {
        html,
        headings: r.headings,
        links: r.links,
        images: r.images,
        source: Some((v.source.clone(), v.split.body_offset)),
    }
}

fn text_or_missing(
    v: &Variant<'_>,
    field: &str,
    value: Option<String>,
    diags: &mut Diagnostics,
) -> String {
    match value {
        Some(s) if !s.trim().is_empty() => s,
        _ => {
            diags.push(
                Diagnostic::error(v.top(), format!("`{field}` is missing")).hint(format!(
                    "add `{field}: …` to the front matter; every file of this kind needs it"
                )),
            );
            String::new()
        }
    }
}

/// Parses one case: its default-language file and its translations.
fn parse_case(
    slug: &str,
    files: &[Option<&SourceText>],
    config: &Config,
    assets: &HashSet<&Path>,
    diags: &mut Diagnostics,
) -> Option<Case> {
    let variants = split_variants(files, diags)?;
    let base = variants[0].as_ref()?;
    let before = diags.error_count();
    let front: CaseFront = base.parse(diags)?;
    let doc = base.doc();
    let v = &config.vocab;

    let kind = check_required(
        base,
        "kind",
        front.kind.as_ref(),
        |k| v.kinds.check(&doc, k),
        diags,
    );
    let role = check_required(
        base,
        "role",
        front.role.as_ref(),
        |k| v.roles.check(&doc, k),
        diags,
    );
    let place_front = front.place.as_ref();
    let province = match place_front.and_then(|p| p.province.as_ref()) {
        Some(p) => v.provinces.check(&doc, p).map_err(|d| diags.push(d)).ok(),
        None => {
            diags.push(
                Diagnostic::error(base.top(), "`place.province` is missing").hint(
                    "add `province: <key>` to `place`, with a key from `vocabularies.provinces`",
                ),
            );
            None
        }
    };
    let challenges = check_list(
        &doc,
        front.challenges.as_deref(),
        |k| v.challenges.check(&doc, k),
        diags,
    );
    let changes = check_list(
        &doc,
        front.changes.as_deref(),
        |k| v.changes.check(&doc, k),
        diags,
    );
    let updated = match &front.updated {
        Some(s) => match s.value.parse::<jiff::civil::Date>() {
            Ok(d) => Some(d),
            Err(_) => {
                diags.push(
                    Diagnostic::error(doc.at(s), format!("`{}` is not a date", s.value))
                        .hint("write the date as YYYY-MM-DD, for example 2022-09-06"),
                );
                None
            }
        },
        None => {
            diags.push(Diagnostic::error(base.top(), "`updated` is missing").hint("add `updated: YYYY-MM-DD`, the date of the latest source or revision; it orders the feed"));
            None
        }
    };
    if let Some(since) = &front.since
        && !(1949..=2100).contains(&since.value)
    {
        diags.push(
            Diagnostic::error(
                doc.at(since),
                format!("`{}` is not a plausible year", since.value),
            )
            .hint("write the year the pilot started, such as 2017"),
        );
    }

    let bundle = format!("cases/{slug}/");
    let dir = base
        .source
        .path
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let photo_files = PhotoFiles {
        dir: &dir,
        assets,
        requests: std::sync::Mutex::new(Vec::new()),
    };
    let default_text = case_text(base, &front, None, config, 0, &bundle, &photo_files, diags);
    // A translation is checked against its default-language file only once that file is
    // right: until then, what differs is the default file's mistake, already reported there.
    let base_ok = diags.error_count() == before;
    let mut texts = vec![default_text];
    for (lang, variant) in variants.iter().enumerate().skip(1) {
        let text = match variant {
            Some(tv) => {
                let Some(tf) = tv.parse::<CaseFront>(diags).filter(|_| base_ok) else {
                    texts.push(inherit_case_text(&texts[0]));
                    continue;
                };
                check_neutral(tv, &front, &tf, diags);
                case_text(
                    tv,
                    &tf,
                    Some((&texts[0], &front)),
                    config,
                    lang,
                    &bundle,
                    &photo_files,
                    diags,
                )
            }
            None => inherit_case_text(&texts[0]),
        };
        texts.push(text);
    }

    // A case with errors in its texts is still returned when its core fields resolved, so
    // links and courses naming it do not add follow-on errors; the build fails on the errors
    // already reported.
    Some(Case {
        slug: slug.to_owned(),
        draft: front.draft.unwrap_or(false),
        featured: front.featured.unwrap_or(false),
        kind: kind?,
        role: role?,
        province: province?,
        since: front.since.map(|s| s.value),
        updated: updated?,
        challenges,
        changes,
        texts,
        photo_requests: photo_files.requests.into_inner().unwrap_or_default(),
        dir,
    })
}

fn check_required(
    v: &Variant<'_>,
    field: &str,
    value: Option<&Spanned<String>>,
    check: impl FnOnce(&Spanned<String>) -> Result<usize, Diagnostic>,
    diags: &mut Diagnostics,
) -> Option<usize> {
    match value {
        Some(k) => check(k).map_err(|d| diags.push(d)).ok(),
        None => {
            diags.push(
                Diagnostic::error(v.top(), format!("`{field}` is missing")).hint(format!(
                    "add `{field}: <key>` with a key from `vocabularies` in content/site.yaml"
                )),
            );
            None
        }
    }
}

fn check_list(
    _doc: &YamlDoc<'_>,
    values: Option<&[Spanned<String>]>,
    check: impl Fn(&Spanned<String>) -> Result<usize, Diagnostic>,
    diags: &mut Diagnostics,
) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for k in values.unwrap_or_default() {
        if let Ok(i) = check(k).map_err(|d| diags.push(d))
            && !out.contains(&i)
        {
            out.push(i);
        }
    }
    out.sort_unstable();
    out
}

/// A translation may repeat a language-neutral field, but only with the same value: a
/// different one would silently lose to the default language's file.
fn check_neutral(tv: &Variant<'_>, base: &CaseFront, tr: &CaseFront, diags: &mut Diagnostics) {
    let doc = tv.doc();
    let mut differs = |span: Span, field: &str| {
        diags.push(
            Diagnostic::error(span, format!("`{field}` differs from the default-language file"))
                .hint(format!("a translation inherits `{field}` from index.md: remove it here, or make it the same")),
        );
    };
    let same = |a: Option<&Spanned<String>>, b: Option<&Spanned<String>>| {
        a.map(|x| &x.value) == b.map(|x| &x.value)
    };
    if let Some(k) = &tr.kind
        && !same(Some(k), base.kind.as_ref())
    {
        differs(doc.at(k), "kind");
    }
    if let Some(k) = &tr.role
        && !same(Some(k), base.role.as_ref())
    {
        differs(doc.at(k), "role");
    }
    if let Some(p) = tr.place.as_ref().and_then(|p| p.province.as_ref())
        && !same(
            Some(p),
            base.place.as_ref().and_then(|p| p.province.as_ref()),
        )
    {
        differs(doc.at(p), "place.province");
    }
    if let Some(s) = &tr.since
        && Some(s.value) != base.since.as_ref().map(|b| b.value)
    {
        differs(doc.at(s), "since");
    }
    if let Some(s) = &tr.updated
        && !same(Some(s), base.updated.as_ref())
    {
        differs(doc.at(s), "updated");
    }
    let keys = |l: Option<&Vec<Spanned<String>>>| {
        l.map(|l| l.iter().map(|k| k.value.clone()).collect::<Vec<_>>())
    };
    for (field, t, b) in [
        ("challenges", &tr.challenges, &base.challenges),
        ("changes", &tr.changes, &base.changes),
    ] {
        if let Some(list) = t
            && keys(Some(list)) != keys(b.as_ref())
        {
            differs(list.first().map_or_else(|| tv.top(), |k| doc.at(k)), field);
        }
    }
    if tr.draft.is_some() && tr.draft != base.draft {
        differs(tv.top(), "draft");
    }
    if tr.featured.is_some() && tr.featured != base.featured {
        differs(tv.top(), "featured");
    }
}

fn inherit_case_text(base: &CaseText) -> CaseText {
    CaseText {
        title: Loc::inherited(base.title.value.clone()),
        summary: Loc::inherited(base.summary.value.clone()),
        place: Loc::inherited(base.place.value.clone()),
        methods: Loc::inherited(base.methods.value.clone()),
        practices: Loc::inherited(base.practices.value.clone()),
        figures: Loc::inherited(base.figures.value.clone()),
        sources: Loc::inherited(base.sources.value.clone()),
        tags: Loc::inherited(base.tags.value.clone()),
        photos: Loc::inherited(base.photos.value.clone()),
        body: Loc::inherited(base.body.value.clone()),
        translated: false,
    }
}

/// Builds one language's texts. For a translation, `base` holds the default language's texts
/// and front matter: what the translation leaves out is inherited and marked.
#[allow(clippy::too_many_arguments)]
fn case_text(
    v: &Variant<'_>,
    f: &CaseFront,
    base: Option<(&CaseText, &CaseFront)>,
    config: &Config,
    lang: Lang,
    bundle: &str,
    files: &PhotoFiles<'_>,
    diags: &mut Diagnostics,
) -> CaseText {
    let doc = v.doc();
    let vocab = &config.vocab;
    let inherit = |own: Option<String>, pick: &dyn Fn(&CaseText) -> String| match (own, base) {
        (Some(s), _) => Loc::own(s),
        (None, Some((b, _))) => Loc::inherited(pick(b)),
        (None, None) => Loc::own(String::new()),
    };

    let title = match base {
        None => Loc::own(text_or_missing(v, "title", f.title.clone(), diags)),
        Some(_) => inherit(f.title.clone(), &|b| b.title.value.clone()),
    };
    let summary = match base {
        None => Loc::own(text_or_missing(v, "summary", f.summary.clone(), diags)),
        Some(_) => inherit(f.summary.clone(), &|b| b.summary.value.clone()),
    };

    let place = match (&f.place, base) {
        (Some(p), b) => {
            let fallback =
                |pick: fn(&Place) -> Option<String>| b.and_then(|(b, _)| pick(&b.place.value));
            let village = match (&p.village, b) {
                (Some(s), _) => s.clone(),
                (None, Some((b, _))) => b.place.value.village.clone(),
                (None, None) => {
                    diags.push(
                        Diagnostic::error(v.top(), "`place.village` is missing").hint(
                            "add `village:` to `place`: the name of the village or community",
                        ),
                    );
                    String::new()
                }
            };
            Loc::own(Place {
                village,
                town: p.town.clone().or_else(|| fallback(|p| p.town.clone())),
                county: p.county.clone().or_else(|| fallback(|p| p.county.clone())),
                city: p.city.clone().or_else(|| fallback(|p| p.city.clone())),
            })
        }
        (None, Some((b, _))) => Loc::inherited(b.place.value.clone()),
        (None, None) => {
            diags.push(
                Diagnostic::error(v.top(), "`place` is missing")
                    .hint("add `place: {village: …, province: <key>}`"),
            );
            Loc::own(Place::default())
        }
    };

    let methods = match (&f.methods, base) {
        (Some(m), b) => {
            let mut list = Vec::new();
            for (key, text) in m {
                if let Ok(i) = vocab.methods.check(&doc, key) {
                    if let Some((bt, _)) = b
                        && !bt.methods.value.iter().any(|(bm, _)| *bm == i)
                    {
                        diags.push(
                                Diagnostic::error(doc.at(key), format!("method `{}` is not in the default-language file", key.value))
                                    .hint("a translation translates the methods of index.md; add it there first"),
                            );
                    }
                    list.push((i, text.clone()));
                }
            }
            if let Some((bt, _)) = b {
                // A method the translation skipped keeps its default-language text.
                for (bm, bt) in &bt.methods.value {
                    if !list.iter().any(|(m, _)| m == bm) {
                        list.push((*bm, bt.clone()));
                    }
                }
            }
            list.sort_by_key(|(m, _)| *m);
            if list.is_empty() && b.is_none() {
                diags.push(
                    Diagnostic::error(v.top(), "`methods` is empty")
                        .hint("say what the case did under at least one of the methods"),
                );
            }
            Loc::own(list)
        }
        (None, Some((b, _))) => Loc::inherited(b.methods.value.clone()),
        (None, None) => {
            diags.push(Diagnostic::error(v.top(), "`methods` is missing").hint(
                "add `methods:` with a line per method the case used, for example `co-decision: …`",
            ));
            Loc::own(Vec::new())
        }
    };

    let practices = match (&f.practices, base) {
        (Some(list), b) => {
            let base_list = b.map(|(b, _)| &b.practices.value);
            if let Some((_, bf)) = b {
                let base_len = bf.practices.as_ref().map_or(0, Vec::len);
                if base_len != list.len() {
                    diags.push(
                        Diagnostic::error(
                            list.first().map_or_else(|| v.top(), |p| doc.at(&p.name)),
                            format!(
                                "{} practices here, {} in the default-language file",
                                list.len(),
                                base_len
                            ),
                        )
                        .hint("a translation lists the same practices in the same order"),
                    );
                }
            }
            let mut out = Vec::new();
            for (i, p) in list.iter().enumerate() {
                let method = match vocab.methods.check(&doc, &p.method) {
                    Ok(m) => m,
                    Err(d) => {
                        diags.push(d);
                        continue;
                    }
                };
                if let Some(bp) = base_list.and_then(|bl| bl.get(i))
                    && bp.method != method
                {
                    diags.push(
                            Diagnostic::error(doc.at(&p.method), "practice is filed under another method than in the default-language file")
                                .hint("keep the practices in the same order as index.md, with the same methods"),
                        );
                }
                if p.name.value.trim().is_empty() {
                    diags.push(
                        Diagnostic::error(doc.at(&p.name), "practice has no name")
                            .hint("give the practice a short name"),
                    );
                }
                out.push(Practice {
                    name: p.name.value.clone(),
                    method,
                    summary: p.summary.clone(),
                    steps: p.steps.clone(),
                    conditions: p.conditions.clone(),
                });
            }
            Loc::own(out)
        }
        (None, Some((b, _))) => Loc::inherited(b.practices.value.clone()),
        (None, None) => Loc::own(Vec::new()),
    };

    let figures = match (&f.figures, base) {
        (Some(list), b) => {
            let base_list = b.map(|(b, _)| &b.figures.value);
            if let Some((_, bf)) = b {
                let base_len = bf.figures.as_ref().map_or(0, Vec::len);
                if base_len != list.len() {
                    diags.push(
                        Diagnostic::error(list.first().map_or_else(|| v.top(), |x| doc.at(&x.label)), format!("{} figures here, {} in the default-language file", list.len(), base_len))
                            .hint("a translation lists the same figures in the same order; it may give only `label`"),
                    );
                }
            }
            let out = list
                .iter()
                .enumerate()
                .map(|(i, x)| {
                    let bf = base_list.and_then(|bl| bl.get(i));
                    if bf.is_none()
                        && x.value.is_none()
                        && (x.before.is_none() || x.after.is_none())
                    {
                        diags.push(
                            Diagnostic::error(doc.at(&x.label), "figure has no number")
                                .hint("give `value`, or both `before` and `after`"),
                        );
                    }
                    Figure {
                        label: x.label.value.clone(),
                        value: x.value.clone().or_else(|| bf.and_then(|b| b.value.clone())),
                        before: x
                            .before
                            .clone()
                            .or_else(|| bf.and_then(|b| b.before.clone())),
                        after: x.after.clone().or_else(|| bf.and_then(|b| b.after.clone())),
                        year_before: x.year_before.or_else(|| bf.and_then(|b| b.year_before)),
                        year_after: x.year_after.or_else(|| bf.and_then(|b| b.year_after)),
                    }
                })
                .collect();
            Loc::own(out)
        }
        (None, Some((b, _))) => Loc::inherited(b.figures.value.clone()),
        (None, None) => Loc::own(Vec::new()),
    };

    let sources = match (&f.sources, base) {
        (Some(list), _) => {
            let mut out = Vec::new();
            for s in list {
                if let Some(u) = &s.url
                    && !(u.value.starts_with("https://") || u.value.starts_with("http://"))
                {
                    diags.push(
                        Diagnostic::error(doc.at(u), format!("`{}` is not a web address", u.value))
                            .hint("write the full address, starting with https://"),
                    );
                }
                out.push(Source {
                    title: s.title.clone(),
                    url: s.url.as_ref().map(|u| u.value.clone()),
                });
            }
            Loc::own(out)
        }
        (None, Some((b, _))) => Loc::inherited(b.sources.value.clone()),
        (None, None) => Loc::own(Vec::new()),
    };

    let tags = match (&f.tags, base) {
        (Some(t), _) => {
            let mut out: Vec<String> = Vec::new();
            for tag in t {
                let tag = tag.trim();
                if tag.is_empty() {
                    diags.push(
                        Diagnostic::error(v.top(), "empty tag")
                            .hint("remove the empty entry from `tags`"),
                    );
                } else if !out.iter().any(|x| x == tag) {
                    out.push(tag.to_owned());
                }
            }
            Loc::own(out)
        }
        (None, Some((b, _))) => Loc::inherited(b.tags.value.clone()),
        (None, None) => Loc::own(Vec::new()),
    };

    let body = if v.split.body.trim().is_empty() {
        match base {
            Some((b, _)) => Loc::inherited(b.body.value.clone()),
            None => Loc::own(Arc::default()),
        }
    } else {
        Loc::own(Arc::new(render_body(
            v,
            config,
            lang,
            2,
            Some(bundle),
            diags,
        )))
    };

    let photos = photo_pairs(v, f, base, files, diags);
    if let Loc {
        value: b,
        fallback: false,
    } = &body
    {
        for img in &b.images {
            if let Some(span) = b.span(&img.range) {
                files.request(&img.dest, span);
            }
        }
    }

    CaseText {
        title,
        summary,
        place,
        methods,
        practices,
        figures,
        sources,
        tags,
        photos,
        body,
        translated: true,
    }
}

/// The photo files beside a case, and the photos its texts ask for.
struct PhotoFiles<'a> {
    /// The case folder, relative to the site root.
    dir: &'a Path,
    /// Every non-Markdown file of the site.
    assets: &'a HashSet<&'a Path>,
    requests: std::sync::Mutex<Vec<crate::photos::Request>>,
}

impl PhotoFiles<'_> {
    /// The file a case names, if it is in the case folder.
    fn resolve(&self, name: &str) -> Option<PathBuf> {
        if name.split(['/', '\\']).any(|s| s == ".." || s.is_empty()) || name.starts_with('/') {
            return None;
        }
        let file = self.dir.join(name);
        self.assets.contains(file.as_path()).then_some(file)
    }

    fn request(&self, name: &str, span: Span) {
        if let Some(file) = self.resolve(name)
            && let Ok(mut r) = self.requests.lock()
        {
            r.push(crate::photos::Request { file, span });
        }
    }
}

fn photo_pairs(
    v: &Variant<'_>,
    f: &CaseFront,
    base: Option<(&CaseText, &CaseFront)>,
    files: &PhotoFiles<'_>,
    diags: &mut Diagnostics,
) -> Loc<Vec<PhotoPair>> {
    let doc = v.doc();
    let Some(list) = &f.photos else {
        return match base {
            Some((b, _)) => Loc::inherited(b.photos.value.clone()),
            None => Loc::own(Vec::new()),
        };
    };
    let base_list = base.map(|(b, _)| &b.photos.value);
    if let Some((_, bf)) = base {
        let base_len = bf.photos.as_ref().map_or(0, Vec::len);
        if base_len != list.len() {
            diags.push(
                Diagnostic::error(v.top(), format!("{} photo pairs here, {} in the default-language file", list.len(), base_len))
                    .hint("a translation lists the same photo pairs in the same order; it may give only captions and alt texts"),
            );
        }
    }
    let mut out = Vec::new();
    for (i, p) in list.iter().enumerate() {
        let inherited = base_list.and_then(|b| b.get(i));
        let mut side = |file: &Option<Spanned<String>>,
                        alt: &Option<Spanned<String>>,
                        which: &str,
                        pick: fn(&PhotoPair) -> &PhotoSide|
         -> PhotoSide {
            let resolved = match (file, inherited) {
                (Some(name), _) => match files.resolve(&name.value) {
                    Some(path) => {
                        if let Some(b) = inherited
                            && pick(b).file != path
                        {
                            diags.push(
                                Diagnostic::error(doc.at(name), format!("`{which}` differs from the default-language file"))
                                    .hint("photos are the same in every language: leave the file out here, or make it the same"),
                            );
                        }
                        if base.is_none() {
                            files.request(&name.value, doc.at(name));
                        }
                        path
                    }
                    None => {
                        diags.push(
                            Diagnostic::error(doc.at(name), format!("photo `{}` is not in the case folder", name.value))
                                .label("missing file")
                                .hint("put the photo beside index.md and write its file name exactly (names are case-sensitive); paths may not leave the case folder"),
                        );
                        PathBuf::new()
                    }
                },
                (None, Some(b)) => pick(b).file.clone(),
                (None, None) => {
                    diags.push(
                        Diagnostic::error(
                            v.top(),
                            format!("photo pair {} has no `{which}` file", i + 1),
                        )
                        .hint(format!("add `{which}: <file name>` to the pair")),
                    );
                    PathBuf::new()
                }
            };
            let alt = match (alt, inherited) {
                (Some(a), _) if !a.value.trim().is_empty() => a.value.clone(),
                (None, Some(b)) => pick(b).alt.clone(),
                (a, _) => {
                    let span = a.as_ref().map_or_else(
                        || file.as_ref().map_or_else(|| v.top(), |f| doc.at(f)),
                        |a| doc.at(a),
                    );
                    diags.push(
                        Diagnostic::error(span, format!("photo pair {} has no `alt_{which}` text", i + 1))
                            .hint(format!("add `alt_{which}: …` describing what the photo shows, for readers who cannot see it")),
                    );
                    String::new()
                }
            };
            PhotoSide {
                file: resolved,
                alt,
            }
        };
        let before = side(&p.before, &p.alt_before, "before", |b| &b.before);
        let after = side(&p.after, &p.alt_after, "after", |b| &b.after);
        out.push(PhotoPair {
            before,
            after,
            caption: if p.caption.is_empty() {
                inherited.map(|b| b.caption.clone()).unwrap_or_default()
            } else {
                p.caption.clone()
            },
            year_before: p
                .year_before
                .or_else(|| inherited.and_then(|b| b.year_before)),
            year_after: p
                .year_after
                .or_else(|| inherited.and_then(|b| b.year_after)),
            credit: p
                .credit
                .clone()
                .or_else(|| inherited.and_then(|b| b.credit.clone())),
        });
    }
    Loc::own(out)
}

/// Parses a method or free page: title, summary and body per language. Returns the texts and
/// whether the page is a draft.
fn parse_doc(
    files: &[Option<&SourceText>],
    config: &Config,
    depth: usize,
    diags: &mut Diagnostics,
) -> Option<(Vec<DocText>, bool)> {
    let variants = split_variants(files, diags)?;
    let base = variants[0].as_ref()?;
    let before = diags.error_count();
    let front: DocFront = base.parse(diags)?;
    let mut texts = vec![doc_text(base, &front, None, config, 0, depth, diags)];
    for (lang, variant) in variants.iter().enumerate().skip(1) {
        let t = match variant {
            Some(tv) => match tv.parse::<DocFront>(diags) {
                Some(tf) => doc_text(tv, &tf, Some(&texts[0]), config, lang, depth, diags),
                None => inherit_doc(&texts[0]),
            },
            None => inherit_doc(&texts[0]),
        };
        texts.push(t);
    }
    (diags.error_count() == before).then_some((texts, front.draft.unwrap_or(false)))
}

fn inherit_doc(b: &DocText) -> DocText {
    DocText {
        title: Loc::inherited(b.title.value.clone()),
        summary: Loc::inherited(b.summary.value.clone()),
        body: Loc::inherited(b.body.value.clone()),
        translated: false,
    }
}

fn doc_text(
    v: &Variant<'_>,
    f: &DocFront,
    base: Option<&DocText>,
    config: &Config,
    lang: Lang,
    depth: usize,
    diags: &mut Diagnostics,
) -> DocText {
    let title = match (base, &f.title) {
        (_, Some(t)) if !t.trim().is_empty() => Loc::own(t.clone()),
        (Some(b), _) => Loc::inherited(b.title.value.clone()),
        (None, t) => Loc::own(text_or_missing(v, "title", t.clone(), diags)),
    };
    let summary = match (base, &f.summary) {
        (_, Some(s)) => Loc::own(s.clone()),
        (Some(b), None) => Loc::inherited(b.summary.value.clone()),
        (None, None) => Loc::own(String::new()),
    };
    let body = match base {
        Some(b) if v.split.body.trim().is_empty() => Loc::inherited(b.body.value.clone()),
        _ => Loc::own(render_body(v, config, lang, depth, None, diags)),
    };
    DocText {
        title,
        summary,
        body,
        translated: true,
    }
}

fn parse_course(
    slug: &str,
    files: &[Option<&SourceText>],
    config: &Config,
    cases: &[Arc<Case>],
    unpublished: &HashMap<String, bool>,
    diags: &mut Diagnostics,
) -> Option<(Course, bool)> {
    let variants = split_variants(files, diags)?;
    let base = variants[0].as_ref()?;
    let before = diags.error_count();
    let front: CourseFront = base.parse(diags)?;
    let mut texts: Vec<CourseText> = Vec::new();
    for (lang, variant) in variants.iter().enumerate() {
        let Some(v) = variant else {
            let b = &texts[0];
            texts.push(CourseText {
                doc: inherit_doc(&b.doc),
                audience: b.audience.clone(),
                duration: b.duration.clone(),
                sessions: Loc::inherited(b.sessions.value.clone()),
                questions: Loc::inherited(b.questions.value.clone()),
            });
            continue;
        };
        let f = if lang == 0 {
            None
        } else {
            match v.parse::<CourseFront>(diags) {
                Some(f) => Some(f),
                None => continue,
            }
        };
        let f = f.as_ref().unwrap_or(&front);
        let doc_front = DocFront {
            title: f.title.clone(),
            summary: f.summary.clone(),
            draft: None,
        };
        let doc = doc_text(
            v,
            &doc_front,
            texts.first().map(|t| &t.doc),
            config,
            lang,
            2,
            diags,
        );
        let ydoc = v.doc();
        let sessions = match (&f.sessions, texts.first()) {
            (Some(list), b) => {
                let mut out = Vec::new();
                let base_len = front.sessions.as_ref().map_or(0, Vec::len);
                if b.is_some() && base_len != list.len() {
                    diags.push(
                        Diagnostic::error(
                            list.first().map_or_else(|| v.top(), |s| ydoc.at(&s.case)),
                            format!(
                                "{} sessions here, {} in the default-language file",
                                list.len(),
                                base_len
                            ),
                        )
                        .hint("a translation lists the same sessions in the same order"),
                    );
                }
                for (i, s) in list.iter().enumerate() {
                    match cases.iter().position(|c| c.slug == s.case.value) {
                        Some(ci) => {
                            if let Some(bs) = texts.first().and_then(|b| b.sessions.value.get(i))
                                && bs.case != ci {
                                    diags.push(Diagnostic::error(ydoc.at(&s.case), "session names another case than the default-language file").hint("keep the sessions in the same order as the default-language file"));
                                }
                            out.push(Session { case: ci, focus: s.focus.clone(), questions: s.questions.clone() });
                        }
                        None => match unpublished.get(&s.case.value) {
                            Some(true) => diags.push(
                                Diagnostic::error(ydoc.at(&s.case), format!("case `{}` is a draft", s.case.value))
                                    .hint("publish the case (remove `draft: true`) or take it out of the course"),
                            ),
                            Some(false) => {} // the case's own errors are reported in its file
                            None => diags.push(
                                Diagnostic::error(ydoc.at(&s.case), format!("no case `{}`", s.case.value))
                                    .hint(suggest(&s.case.value, "the case", cases.iter().map(|c| c.slug.as_str()))),
                            ),
                        },
                    }
                }
                if list.is_empty() && lang == 0 {
                    diags.push(
                        Diagnostic::error(v.top(), "course has no sessions")
                            .hint("add `sessions:` with at least one `- case: <slug>`"),
                    );
                }
                Loc::own(out)
            }
            (None, Some(b)) => Loc::inherited(b.sessions.value.clone()),
            (None, None) => {
                diags.push(
                    Diagnostic::error(v.top(), "`sessions` is missing")
                        .hint("add `sessions:`, the cases of the course in teaching order"),
                );
                Loc::own(Vec::new())
            }
        };
        let questions = match (&f.questions, texts.first()) {
            (Some(q), _) => Loc::own(q.clone()),
            (None, Some(b)) => Loc::inherited(b.questions.value.clone()),
            (None, None) => Loc::own(Vec::new()),
        };
        let first = texts.first();
        texts.push(CourseText {
            doc,
            audience: f
                .audience
                .clone()
                .or_else(|| first.and_then(|b| b.audience.clone())),
            duration: f
                .duration
                .clone()
                .or_else(|| first.and_then(|b| b.duration.clone())),
            sessions,
            questions,
        });
    }
    if diags.error_count() > before || texts.len() != config.languages.len() {
        return None;
    }
    Some((
        Course {
            slug: slug.to_owned(),
            texts,
        },
        front.draft.unwrap_or(false),
    ))
}

/// Checks every `@/` link and `#fragment` of every body against the pages that exist.
fn check_links(
    lib: &Library,
    sources: &Sources,
    unavailable: &Unavailable,
    diags: &mut Diagnostics,
) {
    let langs = lib.lang_count();
    let ids = |headings: &[markdown::Heading], fixed: &[&str]| -> HashSet<String> {
        headings
            .iter()
            .map(|h| h.id.clone())
            .chain(fixed.iter().map(|s| (*s).to_owned()))
            .collect()
    };
    // Target ids per language, by (kind, slug).
    let mut targets: HashMap<(TargetKind, &str), Vec<HashSet<String>>> = HashMap::new();
    for c in &lib.cases {
        let v = (0..langs)
            .map(|l| {
                let mut s = ids(&c.texts[l].body.value.headings, CASE_PAGE_IDS);
                s.extend((1..=c.texts[0].practices.value.len()).map(|i| format!("practice-{i}")));
                s
            })
            .collect();
        targets.insert((TargetKind::Case, &c.slug), v);
    }
    for (i, m) in lib.methods.iter().enumerate() {
        let key = lib.config.vocab.methods.terms[i].key.as_str();
        let v = (0..langs)
            .map(|l| {
                ids(
                    m.texts
                        .as_ref()
                        .map_or(&[][..], |t| &t[l].body.value.headings),
                    METHOD_PAGE_IDS,
                )
            })
            .collect();
        targets.insert((TargetKind::Method, key), v);
    }
    for p in &lib.pages {
        targets.insert(
            (TargetKind::Page, &p.slug),
            (0..langs)
                .map(|l| ids(&p.texts[l].body.value.headings, &[]))
                .collect(),
        );
    }
    for c in &lib.courses {
        let v = (0..langs)
            .map(|l| {
                let mut s = ids(&c.texts[l].doc.body.value.headings, COURSE_PAGE_IDS);
                s.extend((1..=c.texts[0].sessions.value.len()).map(|i| format!("session-{i}")));
                s
            })
            .collect();
        targets.insert((TargetKind::Course, &c.slug), v);
    }

    // Every own-language body, with the page it belongs to.
    let mut bodies: Vec<(&Body, Lang, (TargetKind, &str))> = Vec::new();
    for c in &lib.cases {
        for (l, t) in c.texts.iter().enumerate() {
            if t.translated && !t.body.fallback {
                bodies.push((&t.body.value, l, (TargetKind::Case, &c.slug)));
            }
        }
    }
    for (i, m) in lib.methods.iter().enumerate() {
        let key = lib.config.vocab.methods.terms[i].key.as_str();
        for (l, t) in m.texts.iter().flatten().enumerate() {
            if t.translated && !t.body.fallback {
                bodies.push((&t.body.value, l, (TargetKind::Method, key)));
            }
        }
    }
    for p in &lib.pages {
        for (l, t) in p.texts.iter().enumerate() {
            if t.translated && !t.body.fallback {
                bodies.push((&t.body.value, l, (TargetKind::Page, &p.slug)));
            }
        }
    }
    for c in &lib.courses {
        for (l, t) in c.texts.iter().enumerate() {
            if t.doc.translated && !t.doc.body.fallback {
                bodies.push((&t.doc.body.value, l, (TargetKind::Course, &c.slug)));
            }
        }
    }
    let assets: HashSet<&Path> = sources.assets.iter().map(PathBuf::as_path).collect();

    let found: Vec<Diagnostic> = bodies
        .par_iter()
        .flat_map_iter(|(body, lang, (own_kind, own_slug))| {
            let mut out = Vec::new();
            let Some((source, _)) = &body.source else { return out };
            let span = |range: &std::ops::Range<usize>| body.span(range).unwrap_or_else(|| source.whole());
            for link in &body.links {
                let (kind, slug) = if link.kind == TargetKind::SamePage { (*own_kind, *own_slug) } else { (link.kind, link.slug.as_str()) };
                let state = || unavailable.get(&(kind, slug.to_owned())).copied();
                let Some(target) = targets.get(&(kind, slug)) else {
                    match state() {
                        Some(true) => {
                            out.push(
                                Diagnostic::error(span(&link.range), format!("link to the draft {} `{slug}`", kind_name(kind)))
                                    .label("not published")
                                    .hint("publish it first, or remove the link"),
                            );
                            continue;
                        }
                        Some(false) => continue,
                        None => {}
                    }
                    let candidates: Vec<&str> = targets.keys().filter(|(k, _)| *k == kind).map(|(_, s)| *s).collect();
                    out.push(
                        Diagnostic::error(span(&link.range), format!("link to a {} `{}` that does not exist", kind_name(kind), slug))
                            .label("broken link")
                            .hint(suggest(slug, "the slug", candidates.iter().copied())),
                    );
                    continue;
                };
                if let Some(f) = &link.fragment
                    && !target[*lang].contains(f)
                    && state().is_none()
                {
                    let mut known: Vec<&str> = target[*lang].iter().map(String::as_str).collect();
                    known.sort_unstable();
                    out.push(
                        Diagnostic::error(span(&link.range), format!("no heading `#{f}` on the {} `{}`", kind_name(kind), slug))
                            .label("broken anchor")
                            .hint(suggest(f, "the anchor", known.iter().copied())),
                    );
                }
            }
            for img in &body.images {
                let file = source.path.parent().map(|p| p.join(&img.dest));
                let exists = file.as_deref().is_some_and(|f| assets.contains(f));
                let escapes = img.dest.split('/').any(|s| s == "..");
                if escapes || !exists {
                    out.push(
                        Diagnostic::error(span(&img.range), format!("image `{}` is not in the case folder", img.dest))
                            .label("missing file")
                            .hint("put the file beside index.md and write its file name exactly (names are case-sensitive)"),
                    );
                }
            }
            out
        })
        .collect();
    for d in found {
        diags.push(d);
    }
}

fn kind_name(k: TargetKind) -> &'static str {
    match k {
        TargetKind::Case => "case",
        TargetKind::Method => "method",
        TargetKind::Course => "course",
        TargetKind::Page | TargetKind::SamePage => "page",
    }
}
