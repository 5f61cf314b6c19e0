//! The validated library: plain values every later stage reads and none modifies.
//!
//! Vocabulary references are indexes into [`crate::config::Vocabularies`]; texts are kept per
//! language, each marked when it falls back to the default language.

use std::path::PathBuf;

use jiff::civil::Date;
use serde::Serialize;

use crate::config::{Config, Lang, Vocab};
use crate::diagnostics::{SourceText, Span};
use crate::id::{CaseId, TermId};
use crate::markdown::{Heading, InternalLink};
use std::ops::Range;

/// A value in one language, marked when it was taken from the default language because the
/// translation lacks it (pages show such text with a visible note).
#[derive(Debug, Clone, Default)]
pub struct Localized<T> {
    /// The value.
    pub value: T,
    /// True when this is the default language's value shown in another language.
    pub fallback: bool,
}

impl<T> Localized<T> {
    /// A value written in the page's own language.
    pub fn own(value: T) -> Self {
        Self {
            value,
            fallback: false,
        }
    }

    /// A value inherited from the default language.
    pub fn inherited(value: T) -> Self {
        Self {
            value,
            fallback: true,
        }
    }
}

/// A rendered Markdown body.
#[derive(Debug, Clone, Default)]
pub struct Body {
    /// The HTML, with links relative to the page it belongs to.
    pub html: String,
    /// Its headings, for link checks and tables of contents.
    pub headings: Vec<Heading>,
    /// Links to other pages, checked once every page is known.
    pub links: Vec<InternalLink>,
    /// Images named relative to the page bundle, in the order of their markers in `html`.
    pub images: Vec<crate::markdown::BodyImage>,
    /// The file it came from (shared, not copied) and where the body starts in it, so
    /// course packs can render it again and diagnostics can point into it.
    pub source: Option<(SourceText, usize)>,
    /// Where the body started, in which file, once its text was let go (`build` and `check`
    /// keep only the texts courses render again): a diagnostic reads the file again.
    pub released: Option<(PathBuf, usize)>,
}

impl Body {
    /// The Markdown text.
    pub fn markdown(&self) -> &str {
        self.source
            .as_ref()
            .map_or("", |(s, offset)| &s.text[*offset..])
    }

    /// Lets go of the text of the file the body came from, keeping where it was.
    pub fn release(&mut self) {
        if let Some((source, offset)) = self.source.take() {
            self.released = Some((source.path, offset));
        }
    }

    /// A span of the source file from a byte range of the Markdown text.
    pub fn span(&self, range: &Range<usize>) -> Option<Span> {
        self.source
            .as_ref()
            .map(|(s, offset)| s.span(offset + range.start..offset + range.end))
    }
}

/// Where a case is.
#[derive(Debug, Clone, Default)]
pub struct Place {
    /// Village or community name.
    pub village: String,
    /// Town, township or street.
    pub town: Option<String>,
    /// County, county-level city or district.
    pub county: Option<String>,
    /// Prefecture-level city.
    pub city: Option<String>,
}

/// A replicable practice: the reason the library exists.
#[derive(Debug, Clone)]
pub struct Practice {
    /// Short name.
    pub name: String,
    /// Index of the method it is filed under.
    pub method: TermId,
    /// What it is, in a sentence or two.
    pub summary: String,
    /// How to do it, in order.
    pub steps: Vec<String>,
    /// What must be in place for it to work.
    pub conditions: Vec<String>,
}

/// A measured number, optionally as a before/after pair. Templates see it as it is, so its
/// field names are part of the theme contract.
#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    /// What is measured, with its unit.
    pub label: String,
    /// A single value.
    pub value: Option<String>,
    /// The value before.
    pub before: Option<String>,
    /// The value after.
    pub after: Option<String>,
    /// Year of the value before.
    pub year_before: Option<i32>,
    /// Year of the value after.
    pub year_after: Option<i32>,
}

/// Where a fact comes from. Templates see it as it is (`title`, `url`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    /// Title of the article or document.
    pub title: String,
    /// Its address.
    pub url: Option<String>,
}

/// One side of a before/after pair.
#[derive(Debug, Clone)]
pub struct PhotoSide {
    /// Source file, relative to the site root.
    pub file: PathBuf,
    /// What the photo shows, for readers who cannot see it.
    pub alt: String,
}

/// A before/after pair of photos.
#[derive(Debug, Clone)]
pub struct PhotoPair {
    /// Before.
    pub before: PhotoSide,
    /// After.
    pub after: PhotoSide,
    /// Caption under the pair.
    pub caption: String,
    /// Year of the before photo.
    pub year_before: Option<i32>,
    /// Year of the after photo.
    pub year_after: Option<i32>,
    /// Who took the photos and under which licence.
    pub credit: Option<String>,
    /// Whether the photos only illustrate (stand-ins, not of this place before and after):
    /// shown side by side under "Illustrative photos", without labels or a slider.
    pub illustrative: bool,
}

/// A case's texts in one language.
#[derive(Debug, Clone, Default)]
pub struct CaseText {
    /// Village or community name as a title.
    pub title: Localized<String>,
    /// One paragraph.
    pub summary: Localized<String>,
    /// Place names.
    pub place: Localized<Place>,
    /// What the case did under each method, in vocabulary order: (method index, text).
    pub methods: Localized<Vec<(TermId, String)>>,
    /// The practices.
    pub practices: Localized<Vec<Practice>>,
    /// Measured numbers.
    pub figures: Localized<Vec<Figure>>,
    /// Sources.
    pub sources: Localized<Vec<Source>>,
    /// Free tags.
    pub tags: Localized<Vec<String>>,
    /// Before/after photo pairs.
    pub photos: Localized<Vec<PhotoPair>>,
    /// The narrative.
    pub body: Localized<std::sync::Arc<Body>>,
    /// Phrases marked uncertain: this file's own, then the default language's that it does not
    /// repeat (they apply to the text it inherits).
    pub uncertain: Vec<Uncertain>,
    /// Whether this language has a file of its own.
    pub translated: bool,
}

impl Case {
    /// Lets go of the text behind each narrative, keeping where it was (see [`Body::release`]).
    pub fn release_texts(&mut self) {
        self.each_body(Body::release);
    }

    /// Calls `f` once with each distinct narrative of the case's languages.
    fn each_body(&mut self, f: impl Fn(&mut Body)) {
        // A translation without a narrative shares the default language's: each distinct
        // body is rebuilt once, and shared again.
        let mut bodies: Vec<(std::sync::Arc<Body>, Vec<usize>)> = Vec::new();
        for (l, t) in self.texts.iter_mut().enumerate() {
            let b = std::mem::take(&mut t.body.value);
            match bodies
                .iter_mut()
                .find(|(x, _)| std::sync::Arc::ptr_eq(x, &b))
            {
                Some((_, langs)) => langs.push(l),
                None => bodies.push((b, vec![l])),
            }
        }
        for (b, langs) in bodies {
            let b = match std::sync::Arc::try_unwrap(b) {
                Ok(mut body) => {
                    f(&mut body);
                    std::sync::Arc::new(body)
                }
                Err(shared) => shared,
            };
            for l in langs {
                self.texts[l].body.value = std::sync::Arc::clone(&b);
            }
        }
    }
}

/// One pilot village or community.
#[derive(Debug, Clone)]
pub struct Case {
    /// Folder name; its URL segment.
    pub slug: String,
    /// Not published unless `--drafts`.
    pub draft: bool,
    /// Shown on the home page.
    pub featured: bool,
    /// Index into the kinds vocabulary.
    pub kind: TermId,
    /// Index into the roles vocabulary.
    pub role: TermId,
    /// Index into the provinces vocabulary.
    pub province: TermId,
    /// Year the pilot started.
    pub since: Option<i32>,
    /// Date of the latest source or revision; orders the feed.
    pub updated: Date,
    /// Indexes into the challenges vocabulary.
    pub challenges: Vec<TermId>,
    /// Indexes into the changes vocabulary.
    pub changes: Vec<TermId>,
    /// Texts per language, indexed by [`Lang`].
    pub texts: Vec<CaseText>,
    /// The case's folder, relative to the site root.
    pub dir: PathBuf,
    /// Every photo the case shows (pairs and body images), with where it is named.
    pub photo_requests: Vec<crate::photos::Request>,
}

impl Case {
    /// Methods the case has something for, in vocabulary order.
    pub fn method_keys(&self) -> impl Iterator<Item = TermId> + '_ {
        self.texts[0].methods.value.iter().map(|(m, _)| *m)
    }

    /// The case's terms of one vocabulary, as indexes into it.
    pub fn terms(&self, v: Vocab) -> Vec<TermId> {
        match v {
            Vocab::Methods => self.method_keys().collect(),
            Vocab::Provinces => vec![self.province],
            Vocab::Kinds => vec![self.kind],
            Vocab::Roles => vec![self.role],
            Vocab::Challenges => self.challenges.clone(),
            Vocab::Changes => self.changes.clone(),
        }
    }
}

/// Title, summary and body of a page in one language.
#[derive(Debug, Clone, Default)]
pub struct DocText {
    /// Title.
    pub title: Localized<String>,
    /// One-sentence summary.
    pub summary: Localized<String>,
    /// The Markdown body.
    pub body: Localized<Body>,
    /// Phrases marked uncertain, as [`CaseText::uncertain`].
    pub uncertain: Vec<Uncertain>,
    /// Whether this language has a file of its own.
    pub translated: bool,
}

/// A phrase an editor marks as uncertain or reconstructed, and why: readers see it marked
/// wherever the page shows it, and the open data carries it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Uncertain {
    /// The phrase, exactly as the text writes it.
    pub text: String,
    /// Why it is uncertain, for readers.
    pub why: String,
}

/// The page of one method.
#[derive(Debug, Clone)]
pub struct MethodDoc {
    /// Index into the methods vocabulary.
    pub method: TermId,
    /// Texts per language; `None` when `content/methods/<key>.md` is missing.
    pub texts: Option<Vec<DocText>>,
}

/// A free page (about, the pilot guide).
#[derive(Debug, Clone)]
pub struct Page {
    /// File name; its URL segment.
    pub slug: String,
    /// Texts per language.
    pub texts: Vec<DocText>,
}

/// One case of a course, with what to discuss.
#[derive(Debug, Clone)]
pub struct Session {
    /// Index into [`Library::cases`].
    pub case: CaseId,
    /// What to look at in this case.
    pub focus: String,
    /// Discussion questions.
    pub questions: Vec<String>,
}

/// A course's texts in one language.
#[derive(Debug, Clone, Default)]
pub struct CourseText {
    /// Title, summary and introduction.
    pub doc: DocText,
    /// Who it is for.
    pub audience: Option<String>,
    /// How long it takes.
    pub duration: Option<String>,
    /// The cases in teaching order.
    pub sessions: Localized<Vec<Session>>,
    /// Closing questions.
    pub questions: Localized<Vec<String>>,
}

/// A training pack: ordered cases and questions.
#[derive(Debug, Clone)]
pub struct Course {
    /// File name; its URL segment.
    pub slug: String,
    /// Texts per language.
    pub texts: Vec<CourseText>,
}

/// A file copied unchanged into the output (a PDF beside a case, say).
#[derive(Debug, Clone)]
pub struct Asset {
    /// Source file, relative to the site root.
    pub source: PathBuf,
    /// Path in the output folder.
    pub output: String,
}

/// Everything the site is built from, validated.
#[derive(Debug, Clone)]
pub struct Library {
    /// Site settings and vocabularies.
    pub config: Config,
    /// Published cases, newest first (shared, so the preview reuses unchanged ones).
    pub cases: Vec<std::sync::Arc<Case>>,
    /// One entry per method of the vocabulary, in its order.
    pub methods: Vec<MethodDoc>,
    /// Courses, by slug.
    pub courses: Vec<Course>,
    /// Free pages, by slug.
    pub pages: Vec<Page>,
    /// Files copied as they are.
    pub assets: Vec<Asset>,
}

impl Library {
    /// Number of languages.
    pub fn lang_count(&self) -> usize {
        self.config.languages.len()
    }

    /// Every case with its id, in library order.
    pub fn case_ids(&self) -> impl DoubleEndedIterator<Item = (CaseId, &Case)> + ExactSizeIterator {
        self.cases
            .iter()
            .enumerate()
            .map(|(i, c)| (CaseId::at(i), c.as_ref()))
    }

    /// Index of a case by slug.
    pub fn case_index(&self, slug: &str) -> Option<CaseId> {
        self.cases
            .iter()
            .position(|c| c.slug == slug)
            .map(CaseId::at)
    }

    /// The library without the text of the files behind case narratives, which only the
    /// content stage quotes (kept for the cases a course shows, whose narratives it renders
    /// again). The content stage of `build` and `check` returns this, which gives back a third
    /// of the memory of a large library; the preview keeps everything for its next rebuild.
    /// Photo requests keep their file's text until the photo stage has reported on them.
    pub(crate) fn without_sources(mut self) -> Library {
        let in_course: std::collections::HashSet<CaseId> = self
            .courses
            .iter()
            .flat_map(|c| c.texts.iter())
            .flat_map(|t| t.sessions.value.iter().map(|s| s.case))
            .collect();
        for (i, case) in self.cases.iter_mut().enumerate() {
            let Some(c) = std::sync::Arc::get_mut(case) else {
                continue;
            };
            if in_course.contains(&CaseId::at(i)) {
                continue;
            }
            c.each_body(|body| body.source = None);
        }
        self
    }

    /// The languages, as indexes.
    pub fn langs(&self) -> impl Iterator<Item = Lang> + use<> {
        Lang::all(self.lang_count())
    }
}
