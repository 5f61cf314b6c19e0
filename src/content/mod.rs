//! The content stage: classifies the files of `content/`, decodes their front matter against a
//! strict schema, merges translations with their default-language file, renders Markdown and
//! checks every link between pages. Pure: reads [`Sources`], returns a [`Library`].

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::{Config, Lang};
use crate::diagnostics::{Diagnostic, Diagnostics, SourceText, Span, suggest};
use crate::frontmatter;
use crate::load::Sources;
use crate::model::*;
use crate::section::Section;
use crate::t;
use crate::urls::{self, Page};

mod case;
mod case_text;
mod course;
mod doc;
mod files;
pub(crate) mod front;
mod links;
mod photos;
mod uncertain;

use case::parse_case;
use course::parse_course;
use doc::parse_doc;
use files::{classify, is_case_dir};
use links::check_links;

/// Documents that exist but are not published, by the kind and slug a link names them with:
/// `true` for a draft, `false` for one that failed (its own errors say all there is to say,
/// so links and courses naming it add nothing).
type Unavailable = HashMap<(Section, String), bool>;

/// Options of the content stage.
#[derive(Debug, Clone, Default)]
pub struct ContentOptions {
    /// Publish drafts.
    pub drafts: bool,
    /// Settings given on the command line, which take the place of site.yaml's.
    pub overrides: crate::config::Overrides,
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

/// The slugs of the cases among `sources`, once each, in path order, without reading them:
/// what a course's sessions may name.
pub fn case_slugs(sources: &Sources, config: &Config) -> Vec<String> {
    let mut slugs: Vec<String> = sources
        .markdown
        .iter()
        .filter_map(|s| classify(&s.path, config).ok())
        .filter(|(kind, _, _)| *kind == Section::Case)
        .map(|(_, slug, _)| slug)
        .collect();
    slugs.dedup();
    slugs
}

/// Runs the content stage over everything the loader read.
pub fn parse(sources: &Sources, opts: &ContentOptions, diags: &mut Diagnostics) -> Option<Library> {
    parse_cached(sources, opts, diags, &mut CaseCache::default())
}

/// [`parse`], reusing the cases of `cache` whose files are unchanged and refreshing it.
pub fn parse_cached(
    sources: &Sources,
    opts: &ContentOptions,
    diags: &mut Diagnostics,
    cache: &mut CaseCache,
) -> Option<Library> {
    parse_from(
        sources,
        sources.markdown.clone(),
        opts,
        Once::No,
        diags,
        cache,
    )
}

/// Whether the content stage runs once (`build`, `check`), letting go of each file's text as
/// soon as it is parsed, or keeps it for its next run (the preview).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Once {
    Yes,
    No,
}

/// [`parse`] for a run that reads each file once (`build`, `check`): the text of a case's
/// files is let go as soon as the case is parsed, unless a course renders its narrative
/// again, so that a large library's texts are never all in memory beside the library.
pub fn parse_once(
    mut sources: Sources,
    opts: &ContentOptions,
    diags: &mut Diagnostics,
) -> Option<Library> {
    let markdown = std::mem::take(&mut sources.markdown);
    let cache = &mut CaseCache::default();
    parse_from(&sources, markdown, opts, Once::Yes, diags, cache)
}

/// Says why there is no `content/site.yaml` to read, unless its own read error says it.
fn missing_site(sources: &Sources, diags: &mut Diagnostics) {
    if sources
        .unreadable
        .iter()
        .any(|(p, _)| p == Path::new("content/site.yaml"))
    {
        return;
    }
    let txt = Path::new("content/site.yaml.txt");
    let d = match sources.assets.iter().find(|a| a.as_path() == txt) {
        // Without its settings there is no site: an error, where elsewhere it is a warning.
        Some(_) => hidden_text_extension(txt).map(|mut d| {
            d.severity = crate::diagnostics::Severity::Error;
            d
        }),
        None => Some(
            Diagnostic::error(
                Span::file_only("content/site.yaml"),
                t!("files-site-yaml-missing"),
            )
            .hint(t!("files-site-yaml-missing-hint")),
        ),
    };
    if let Some(d) = d {
        diags.push(d);
    }
}

/// The content stage over `sources`, whose Markdown files are `markdown` (owned, so that each
/// can be let go once parsed).
fn parse_from(
    sources: &Sources,
    markdown: Vec<SourceText>,
    opts: &ContentOptions,
    once: Once,
    diags: &mut Diagnostics,
    cache: &mut CaseCache,
) -> Option<Library> {
    // A file that could not be read is reported once, here, for as long as it stays unreadable.
    for (_, d) in &sources.unreadable {
        diags.push(d.clone());
    }
    let Some(site) = &sources.site else {
        missing_site(sources, diags);
        return None;
    };
    let config = Config::parse(site, diags)?.overridden(&opts.overrides);
    let (groups, mut unavailable) = group_files(markdown, sources, &config, diags);
    let (cases, unpublished) = parse_cases(
        groups.cases,
        &match once {
            Once::Yes => named_in_courses(&groups.courses),
            Once::No => HashSet::new(),
        },
        sources,
        &config,
        opts,
        once,
        cache,
        &mut unavailable,
        diags,
    );
    let methods = parse_methods(groups.methods, site, &config, &mut unavailable, diags);
    let pages = parse_pages(&groups.pages, &config, opts, &mut unavailable, diags);
    let courses = parse_courses(
        &groups.courses,
        &config,
        opts,
        &cases,
        &unpublished,
        &mut unavailable,
        diags,
    );
    let assets = case_files(sources, &cases, diags);
    let lib = Library {
        config,
        cases,
        methods,
        courses,
        pages,
        assets,
    };
    check_links(&lib, sources, &unavailable, diags);
    Some(if once == Once::Yes {
        // Nothing reads this library's cases again: the cache lets go of its share of them.
        cache.clear();
        lib.without_sources()
    } else {
        lib
    })
}

/// The files of one document, by language (`None` where a language has no file).
type Files<'a> = Vec<Option<&'a SourceText>>;

/// [`Files`] held by the document they belong to.
type OwnedFiles = Vec<Option<SourceText>>;

/// The files of `owned`, to read.
fn view(owned: &OwnedFiles) -> Files<'_> {
    owned.iter().map(Option::as_ref).collect()
}

/// Every document's files, by kind, each keyed by its slug.
struct Groups {
    cases: Vec<(String, OwnedFiles)>,
    methods: HashMap<String, OwnedFiles>,
    courses: Vec<(String, OwnedFiles)>,
    pages: Vec<(String, OwnedFiles)>,
}

/// Sorts the Markdown files into documents, each with its languages' files; the documents
/// whose default-language file could not be read are unavailable.
fn group_files(
    markdown: Vec<SourceText>,
    sources: &Sources,
    config: &Config,
    diags: &mut Diagnostics,
) -> (Groups, Unavailable) {
    let mut groups: BTreeMap<(Section, String), OwnedFiles> = BTreeMap::new();
    for file in markdown {
        match classify(&file.path, config) {
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
        if let Ok((kind, slug, Lang::DEFAULT)) = classify(path, config) {
            unavailable.insert((kind, slug), false);
        }
    }

    let mut out = Groups {
        cases: Vec::new(),
        methods: HashMap::new(),
        courses: Vec::new(),
        pages: Vec::new(),
    };
    for ((kind, slug), files) in groups {
        if files[0].is_none() {
            if unavailable.contains_key(&(kind, slug.clone())) {
                continue;
            }
            if let Some(first) = files.iter().flatten().next() {
                diags.push(
                    Diagnostic::error(first.whole(), t!("files-translation-alone")).hint(t!(
                        "files-translation-alone-hint",
                        language = &config.languages[0].name
                    )),
                );
            }
            continue;
        }
        match kind {
            Section::Case => out.cases.push((slug, files)),
            Section::Method => {
                out.methods.insert(slug, files);
            }
            Section::Course => out.courses.push((slug, files)),
            Section::Page => out.pages.push((slug, files)),
        }
    }

    (out, unavailable)
}

/// The slugs a course's file names (any of its words), whose narratives the course renders
/// again: read before the courses are parsed, so that the other cases' texts can be let go
/// as soon as they are parsed. A word that only looks like a slug keeps a text for nothing.
fn named_in_courses(courses: &[(String, OwnedFiles)]) -> HashSet<String> {
    courses
        .iter()
        .flat_map(|(_, files)| files.iter().flatten())
        .flat_map(|f| {
            f.text
                .split(|c: char| c.is_whitespace() || ":,[]{}\"'#".contains(c))
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// One case parsed: the case, its diagnostics, whether it is a draft, and (for the cache) what
/// it was parsed from.
type ParsedCase = (
    String,
    Option<Arc<Case>>,
    Diagnostics,
    bool,
    Option<CaseInputs>,
);

/// Parses every case (those whose files did not change come from `cache`), in parallel. Returns
/// the published cases, newest first, and which cases exist but are unpublished (`true` for a
/// draft, `false` for one that failed). Each case's files are let go once it is parsed.
#[allow(clippy::too_many_arguments)]
fn parse_cases(
    groups: Vec<(String, OwnedFiles)>,
    in_courses: &HashSet<String>,
    sources: &Sources,
    config: &Config,
    opts: &ContentOptions,
    once: Once,
    cache: &mut CaseCache,
    unavailable: &mut Unavailable,
    diags: &mut Diagnostics,
) -> (Vec<Arc<Case>>, HashMap<String, bool>) {
    // Cases are independent of each other: parse them in parallel, then merge diagnostics in a
    // stable order (Diagnostics sorts on output).
    let old = std::mem::take(&mut cache.cases);
    let asset_set: HashSet<&Path> = sources.assets.iter().map(PathBuf::as_path).collect();
    let parsed: Vec<ParsedCase> = groups
        .into_par_iter()
        .map(|(slug, owned)| {
            let files = view(&owned);
            // A run that reads each file once keeps no cache.
            let inputs = (once == Once::No).then(|| CaseInputs::of(&files, sources));
            let (case, d) = match (&inputs, old.get(&slug)) {
                (Some(now), Some((before, case, d))) if before.same(now) => {
                    (case.clone(), d.clone())
                }
                _ => {
                    let mut d = Diagnostics::new();
                    let case =
                        parse_case(&slug, &files, config, &asset_set, &mut d).map(|mut c| {
                            if once == Once::Yes && !in_courses.contains(&slug) {
                                c.release_texts();
                            }
                            Arc::new(c)
                        });
                    (case, d)
                }
            };
            let draft = is_draft(case.as_ref(), files[0]);
            (slug, case, d, draft, inputs)
        })
        .collect();
    let mut cases = Vec::new();
    // Slugs of cases that exist but are not published (drafts) or did not parse: links and
    // courses naming them get a precise message, or none when the case's own errors say it all.
    let mut unpublished: HashMap<String, bool> = unavailable
        .iter()
        .filter(|((kind, _), _)| *kind == Section::Case)
        .map(|((_, slug), draft)| (slug.clone(), *draft))
        .collect();
    for (slug, case, mut d, draft, inputs) in parsed {
        if let Some(inputs) = inputs {
            cache
                .cases
                .insert(slug.clone(), (inputs, case.clone(), d.clone()));
        }
        // A draft may be unfinished: its problems are warnings, in the preview as in `check`
        // and `build`, so a case just begun neither blocks the preview nor the build.
        if draft {
            d = d.downgraded(&t!("in-draft"));
        }
        diags.extend(d);
        match case {
            Some(c) if !c.draft || opts.drafts => cases.push(c),
            Some(_) => {
                unpublished.insert(slug, true);
            }
            None => {
                unpublished.insert(slug, false);
            }
        }
    }
    for (slug, draft) in &unpublished {
        unavailable.insert((Section::Case, slug.clone()), *draft);
    }
    cases.sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| a.slug.cmp(&b.slug)));

    (cases, unpublished)
}

/// The method pages, one per method of the vocabulary; a page for a method the site lacks is
/// an error.
fn parse_methods(
    mut groups: HashMap<String, OwnedFiles>,
    site: &SourceText,
    config: &Config,
    unavailable: &mut Unavailable,
    diags: &mut Diagnostics,
) -> Vec<MethodDoc> {
    let mut methods = Vec::new();
    for (i, term) in config.vocab.methods.iter() {
        let failed = (Section::Method, term.key.clone());
        let texts = match groups.remove(&term.key) {
            Some(files) => {
                let page = Page::Method {
                    key: &term.key,
                    page: 1,
                }
                .path();
                let texts = parse_doc(&view(&files), config, &page, diags).map(|(t, _)| t);
                if texts.is_none() {
                    unavailable.insert(failed, false);
                }
                texts
            }
            None if unavailable.contains_key(&failed) => None,
            None => {
                diags.push(
                    Diagnostic::warning(site.whole(), t!("files-method-no-page", key = &term.key))
                        .hint(t!("files-method-no-page-hint", key = &term.key)),
                );
                None
            }
        };
        methods.push(MethodDoc { method: i, texts });
    }
    for (key, files) in groups {
        if let Some(f) = files.iter().flatten().next() {
            diags.push(
                Diagnostic::error(f.whole(), t!("files-not-a-method", key = &key)).hint(suggest(
                    &key,
                    t!("what-file-name"),
                    config.vocab.methods.terms.iter().map(|t| t.key.as_str()),
                )),
            );
        }
    }

    methods
}

/// The free pages, but those named as the site's own folders.
fn parse_pages(
    groups: &[(String, OwnedFiles)],
    config: &Config,
    opts: &ContentOptions,
    unavailable: &mut Unavailable,
    diags: &mut Diagnostics,
) -> Vec<crate::model::Page> {
    let mut pages = Vec::new();
    for (slug, files) in groups {
        if urls::is_reserved(slug) || config.lang(slug).is_some() {
            if let Some(f) = &files[0] {
                diags.push(
                    Diagnostic::error(f.whole(), t!("files-page-reserved", slug = slug))
                        .hint(t!("files-page-reserved-hint")),
                );
            }
            continue;
        }
        match parse_doc(&view(files), config, &Page::Doc { slug }.path(), diags) {
            Some((texts, draft)) if !draft || opts.drafts => pages.push(crate::model::Page {
                slug: slug.clone(),
                texts,
            }),
            other => {
                unavailable.insert((Section::Page, slug.clone()), other.is_some());
            }
        }
    }

    pages
}

/// The course packs; a draft's problems are warnings unless drafts are published.
fn parse_courses(
    groups: &[(String, OwnedFiles)],
    config: &Config,
    opts: &ContentOptions,
    cases: &[Arc<Case>],
    unpublished: &HashMap<String, bool>,
    unavailable: &mut Unavailable,
    diags: &mut Diagnostics,
) -> Vec<Course> {
    let mut courses = Vec::new();
    for (slug, files) in groups {
        let mut d = Diagnostics::new();
        let files = view(files);
        let parsed = parse_course(slug, &files, config, cases, unpublished, &mut d);
        let draft = parsed
            .as_ref()
            .map_or_else(|| is_draft(None, files[0]), |(_, draft)| *draft);
        if draft {
            d = d.downgraded(&t!("in-draft"));
        }
        diags.extend(d);
        match parsed {
            Some((course, draft)) if !draft || opts.drafts => courses.push(course),
            other => {
                unavailable.insert((Section::Course, slug.clone()), other.is_some());
            }
        }
    }

    courses
}

/// The files beside published cases that are published as they are (a PDF, say); photos are
/// published only as processed copies, and other files are warned about.
fn case_files(sources: &Sources, cases: &[Arc<Case>], diags: &mut Diagnostics) -> Vec<Asset> {
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
        if let Some(d) = hidden_text_extension(path) {
            diags.push(d);
            continue;
        }
        // Photos are published only as processed copies (resized, without metadata): the
        // originals, which may carry GPS positions, never are.
        if crate::photos::is_photo(path) {
            if !named.contains(path.as_path()) && case_dirs.contains_key(parent) {
                diags.push(
                    Diagnostic::warning(Span::file_only(path), t!("files-photo-not-shown"))
                        .hint(t!("files-photo-not-shown-hint")),
                );
            }
            continue;
        }
        match (case_dirs.get(parent), path.file_name()) {
            (Some(slug), Some(name)) => assets.push(Asset {
                source: path.clone(),
                output: urls::case_file(slug, &name.to_string_lossy()),
            }),
            _ if is_case_dir(parent) => {} // a draft's files, or a folder without index.md (reported there)
            _ => diags.push(
                Diagnostic::warning(Span::file_only(path), t!("files-not-published"))
                    .hint(t!("files-not-published-hint")),
            ),
        }
    }

    assets
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

/// `index.md.txt`: a file Notepad saved with `.txt` added, which Windows Explorer shows as
/// `index.md` while hiding known extensions. It is not published, and the editor is told.
fn hidden_text_extension(path: &Path) -> Option<Diagnostic> {
    let name = path.file_name()?.to_str()?;
    let meant = name
        .strip_suffix(".txt")
        .or_else(|| name.strip_suffix(".TXT"))?;
    if !(meant.ends_with(".md") || meant.ends_with(".yaml")) {
        return None;
    }
    Some(
        Diagnostic::warning(Span::file_only(path), t!("files-hidden-txt", name = name))
            .hint(t!("files-hidden-txt-hint", meant = meant)),
    )
}
