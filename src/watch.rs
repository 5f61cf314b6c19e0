//! What a set of changed files means for the preview: rebuild nothing, swap a stylesheet,
//! re-render with new templates, re-read the content, or rebuild everything. Pure: paths in,
//! a plan out, so the decision is tested without a file system.

use std::path::{Component, Path};

use crate::load::is_ignored_name;

/// The least work that brings the preview up to date with a set of changes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Plan {
    /// Re-read site.yaml and everything that depends on it (a theme switch, a vocabulary).
    pub config: bool,
    /// Re-read content files (cases, methods, courses, pages, photos).
    pub content: bool,
    /// Recompile the theme (templates, UI strings, scripts).
    pub theme: bool,
    /// Only stylesheets changed: the browser can swap them without reloading.
    pub css_only: bool,
    /// The case whose file was saved (slug, language code or empty for the default), so the
    /// browser can be taken to it.
    pub edited_case: Option<(String, String)>,
    /// Changed files under content/, relative to the root.
    pub content_files: Vec<std::path::PathBuf>,
    /// Whether every content change is a Markdown file of the one edited case, so only the
    /// pages that show that case need rendering again.
    pub single_case: bool,
}

impl Plan {
    /// Everything: what a first build does.
    pub fn everything() -> Plan {
        Plan {
            config: true,
            content: true,
            theme: true,
            ..Plan::default()
        }
    }

    /// Whether anything needs rebuilding.
    pub fn is_empty(&self) -> bool {
        !(self.config || self.content || self.theme)
    }
}

/// Classifies changed paths (absolute or relative to `root`) into a plan. Editor temp files,
/// the output folder and anything outside content/, themes/ and templates/ are ignored.
pub fn plan<'a>(root: &Path, paths: impl IntoIterator<Item = &'a Path>) -> Plan {
    let mut p = Plan::default();
    let mut css = 0;
    let mut other_theme = 0;
    for path in paths {
        let rel = path.strip_prefix(root).unwrap_or(path);
        let parts: Vec<String> = rel
            .components()
            .filter_map(|c| match c {
                Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
                _ => None,
            })
            .collect();
        let Some(name) = parts.last() else { continue };
        if parts.iter().any(|s| is_ignored_name(s)) {
            continue;
        }
        match parts.first().map(String::as_str) {
            Some("content") if parts.len() == 2 && name == "site.yaml" => p.config = true,
            Some("content") => {
                p.content = true;
                p.content_files.push(parts.iter().collect());
                if parts.len() == 4
                    && parts[1] == "cases"
                    && let Some(stem) = name.strip_suffix(".md")
                {
                    let lang = stem
                        .strip_prefix("index")
                        .unwrap_or("")
                        .trim_start_matches('.');
                    p.edited_case = Some((parts[2].clone(), lang.to_owned()));
                }
            }
            Some("themes") | Some("templates") => {
                p.theme = true;
                if name.ends_with(".css") {
                    css += 1;
                } else {
                    other_theme += 1;
                }
            }
            _ => {}
        }
    }
    p.css_only = css > 0 && other_theme == 0 && !p.content && !p.config;
    p.single_case = match &p.edited_case {
        Some((slug, _)) => p.content_files.iter().all(|f| {
            let s: Vec<String> = f.iter().map(|c| c.to_string_lossy().into_owned()).collect();
            s.len() == 4 && s[1] == "cases" && s[2] == *slug && s[3].ends_with(".md")
        }),
        None => false,
    };
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan_of(paths: &[&str]) -> Plan {
        plan(Path::new("/site"), paths.iter().map(Path::new))
    }

    #[test]
    fn a_saved_case_is_content_and_names_the_case() {
        let p = plan_of(&["/site/content/cases/shiqiao/index.en.md"]);
        assert!(p.content && !p.theme && !p.config);
        assert_eq!(p.edited_case, Some(("shiqiao".into(), "en".into())));
        assert!(p.single_case);
        let p = plan_of(&["/site/content/cases/shiqiao/index.md"]);
        assert_eq!(p.edited_case, Some(("shiqiao".into(), String::new())));
        let p = plan_of(&[
            "/site/content/cases/shiqiao/index.md",
            "/site/content/cases/mudan/index.md",
        ]);
        assert!(p.content && !p.single_case);
    }

    #[test]
    fn a_photo_is_content_but_names_no_case_page() {
        let p = plan_of(&["/site/content/cases/shiqiao/lane.jpg"]);
        assert!(p.content);
        assert_eq!(p.edited_case, None);
    }

    #[test]
    fn site_yaml_rebuilds_everything() {
        assert!(plan_of(&["/site/content/site.yaml"]).config);
    }

    #[test]
    fn stylesheet_changes_swap_without_reload() {
        let p = plan_of(&["/site/themes/default/static/style.css"]);
        assert!(p.theme && p.css_only);
        let p = plan_of(&[
            "/site/themes/default/static/style.css",
            "/site/themes/default/templates/case.html",
        ]);
        assert!(p.theme && !p.css_only);
        let p = plan_of(&["/site/templates/case.html"]);
        assert!(p.theme && !p.css_only && !p.content);
    }

    #[test]
    fn editor_temp_files_and_output_are_ignored() {
        let p = plan_of(&[
            "/site/content/cases/a/.index.md.swp",
            "/site/content/cases/a/index.md~",
            "/site/content/cases/a/#index.md#",
            "/site/public/index.html",
            "/site/.casebook-cache/x",
            "/site/target/debug/casebook",
        ]);
        assert!(p.is_empty(), "{p:?}");
    }
}
