//! Every diagnostic casebook can produce, produced: each case below is the minimal site plus
//! one change, with the diagnostic it must give (`file:line:column message`). The last test
//! lists every place in `src/` that makes a diagnostic and fails when one is produced by no
//! case here, so a new message cannot land without a test that shows where it points.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Mutex;

use casebook::i18n::Locale;
use casebook::output::Discard;
use casebook::pipeline::{self, BuildOptions};
use common::Overlay;

/// A case: its name, the site, and the diagnostics it must give (`file:line:col message`).
struct Case {
    name: &'static str,
    site: fn() -> Overlay,
    expect: &'static [&'static str],
}

const ALPHA: &str = "content/cases/alpha/index.md";
const ALPHA_EN: &str = "content/cases/alpha/index.en.md";
const BETA: &str = "content/cases/beta/index.md";
const SITE: &str = "content/site.yaml";
const COURSE: &str = "content/courses/basics.md";

fn min() -> Overlay {
    Overlay::minimal()
}

fn photos() -> Overlay {
    Overlay::of("photos")
}

fn bad_photos() -> Overlay {
    Overlay::of("errors/bad-photos")
}

/// The photos fixture with its PNG replaced by `damage` of it.
fn damaged_png(damage: fn(&[u8]) -> Vec<u8>) -> Overlay {
    let png = std::fs::read(common::fixture("photos").join("content/cases/alpha/small.png"))
        .unwrap_or_else(|e| panic!("{e}"));
    photos()
        .write("content/cases/alpha/damaged.png", damage(&png))
        .replace(ALPHA, "after: small.png", "after: damaged.png")
        .remove("content/cases/alpha/small.png")
}

/// A theme of its own: the default theme's files, copied, so a case can take one away.
fn own_theme(o: Overlay) -> Overlay {
    let from = common::repo().join("themes/default");
    let mut o = o.replace(SITE, "vocabularies:", "theme: own\nvocabularies:");
    for f in common::files(&from) {
        let bytes = std::fs::read(from.join(&f)).unwrap_or_else(|e| panic!("{e}"));
        o = o.write(&format!("themes/own/{f}"), bytes);
    }
    o
}

#[rustfmt::skip]
const CASES: &[Case] = &[
    // site.yaml
    Case { name: "unknown vocabulary key", site: || min().replace(ALPHA, "kind: rural", "kind: rurall"), expect: &["content/cases/alpha/index.md:5:7 unknown kind key `rurall`"] },
    Case { name: "default language not listed", site: || min().replace(SITE, "default_language: zh", "default_language: fr"), expect: &["content/site.yaml:4:19 default language `fr` is not listed under `languages`"] },
    Case { name: "language code not lower-case", site: || min().replace(SITE, "  en: {name: English", "  EN: {name: English"), expect: &["content/site.yaml:7:3 language code `EN` is not a lower-case ASCII code"] },
    Case { name: "page size out of range", site: || min().replace(SITE, "vocabularies:", "page_size: 0\nvocabularies:"), expect: &["content/site.yaml:8:12 page_size 0 is out of range"] },
    Case { name: "synonyms of an unknown language", site: || min().replace(SITE, "vocabularies:", "search:\n  synonyms:\n    fr:\n      - [a, b]\nvocabularies:"), expect: &["content/site.yaml:10:5 `fr` is not a language of this site"] },
    Case { name: "a synonym group of one word", site: || min().replace(SITE, "vocabularies:", "search:\n  synonyms:\n    en:\n      - [rubbish]\nvocabularies:"), expect: &["content/site.yaml:11:9 a group of synonyms needs at least two words"] },
    Case { name: "photo widths", site: || min().replace(SITE, "vocabularies:", "photos: {widths: [8]}\nvocabularies:"), expect: &["content/site.yaml:8:18 photo widths must be between 16 and 8192 pixels"] },
    Case { name: "photo quality", site: || min().replace(SITE, "vocabularies:", "photos: {quality: 0}\nvocabularies:"), expect: &["content/site.yaml:8:19 photo quality must be from 1 to 100"] },
    Case { name: "label in a language the site lacks", site: || min().replace(SITE, "en: Test Library}", "en: Test Library, fr: Bibliothèque}"), expect: &["content/site.yaml:1:38 `fr` is not a language of this site"] },
    Case { name: "label missing a language", site: || min().replace(SITE, ", en: Test Library}", "}"), expect: &["content/site.yaml:1:9 title has no `en` text"] },
    Case { name: "vocabulary key not a key", site: || min().replace(SITE, "    co-management: {zh: 共管", "    Co_Management: {zh: 共管"), expect: &["content/site.yaml:11:5 vocabulary key `Co_Management` is not a valid key"] },
    Case { name: "site.yaml missing", site: || min().remove(SITE), expect: &["content/site.yaml:1:1 content/site.yaml is missing"] },
    Case { name: "YAML syntax", site: || min().replace(ALPHA, "kind: rural", "kind: 'rural"), expect: &["content/cases/alpha/index.md:5:7 invalid YAML"] },
    Case { name: "a bracket not closed on its line", site: || min().replace(ALPHA, "tags: [党建引领, 垃圾分类]", "tags: [党建引领, 垃圾分类"), expect: &["content/cases/alpha/index.md:25:7 this `[` is not closed on its line — hint: end it with `]` on the same line: `tags: [党建引领, 垃圾分类]`"] },
    Case { name: "a list item under a field with its value", site: || min().replace(ALPHA, "kind: rural", "kind: rural\n- urban"), expect: &["content/cases/alpha/index.md:6:1 a list item here, but `kind` above has its value already — hint: to give `kind` a list, write it as `kind: [urban]`"] },
    Case { name: "a value begun with &, read as an anchor", site: || min().replace(ALPHA, "title: 甲村", "title: &甲村"), expect: &["content/cases/alpha/index.md:2:8 the value of `title` starts with `&`, which YAML reads as a sign, not as text — hint: put the value in quotes: `title: \"&甲村\"`"] },
    Case { name: "a value begun with a reserved character", site: || min().replace(ALPHA, "title: 甲村", "title: *重点*村"), expect: &["content/cases/alpha/index.md:2:8 the value of `title` starts with `*`, which YAML reads as a sign, not as text — hint: put the value in quotes: `title: \"*重点*村\"`"] },
    Case { name: "a list where one value belongs", site: || min().replace(ALPHA, "title: 甲村", "title: [甲村"), expect: &["content/cases/alpha/index.md:2:8 this needs one value (text, a number, true or false), not a list or a group of fields — hint: check indentation and quoting"] },
    Case { name: "one value where a list belongs", site: || min().replace(ALPHA, "challenges: [no-one-manages]", "challenges: no-one-manages"), expect: &["content/cases/alpha/index.md:10:13 this needs a list — hint: check the value's shape"] },
    Case { name: "one value where fields belong", site: || min().replace(ALPHA, "place: {village: 甲村, town: 一镇, county: 二县, province: hubei}", "place: 甲村"), expect: &["content/cases/alpha/index.md:4:8 this needs fields written `key: value`"] },
    Case { name: "a list item begun with a full-width dash", site: || min().replace(ALPHA, "challenges: [no-one-manages]", "challenges:\n－ no-one-manages"), expect: &["content/cases/alpha/index.md:11:1 this list item starts with `－`, which YAML does not read as a list's hyphen — hint: type an ASCII hyphen and a space (switch the input method to English punctuation): `- no-one-manages`"] },
    Case { name: "a colon and a space inside a value", site: || min().replace(ALPHA, "summary: 甲村用理事会议事，垃圾分类有人管。", "summary: 甲村: 议事"), expect: &["content/cases/alpha/index.md:3:12 the `: ` inside the value of `summary` starts another field — hint: put the whole value in quotes: `summary: \"甲村: 议事\"`"] },
    Case { name: "a field indented with a full-width space", site: || min().replace(ALPHA, "kind: rural", "\u{3000}kind: rural"), expect: &["content/cases/alpha/index.md:5:1 `kind` is preceded by a full-width space `　`, which YAML reads as part of the field's name — hint: delete the space before `kind`"] },
    Case { name: "a field without its colon", site: || min().replace(ALPHA, "kind: rural", "kind rural"), expect: &["content/cases/alpha/index.md:5:1 `kind` has no colon after it — hint: type a colon and a space after the name: `kind: rural`"] },
    Case { name: "a value wrapped onto a new line", site: || min().replace(ALPHA, "summary: 甲村用理事会议事，垃圾分类有人管。", "summary: 甲村用理事会议事，\n垃圾分类有人管。"), expect: &["content/cases/alpha/index.md:4:1 this line is read as a new field, not as more of the text above"] },
    Case { name: "a field indented by mistake", site: || min().replace(ALPHA, "kind: rural", "  kind: rural"), expect: &["content/cases/alpha/index.md:5:1 `kind` is indented, but the line above opens nothing to nest it in"] },
    Case { name: "tab in the indentation", site: || min().replace(ALPHA, "  co-management: 党员", "\tco-management: 党员"), expect: &["content/cases/alpha/index.md:14:1 a tab indents this line"] },
    Case { name: "unknown field", site: || min().replace(ALPHA, "title: 甲村", "titel: 甲村"), expect: &["content/cases/alpha/index.md:2:1 unknown field `titel`"] },
    Case { name: "missing field of site.yaml", site: || min().replace(SITE, "default_language: zh\n", ""), expect: &["content/site.yaml:7:1 missing field `default_language`"] },
    // files and folders
    Case { name: "translation without its default file", site: || min().write("content/pages/solo.en.md", "---\ntitle: Solo\n---\n"), expect: &["content/pages/solo.en.md:1:1 translation has no default-language file beside it"] },
    Case { name: "method without its page", site: || min().remove("content/methods/co-management.md"), expect: &["content/site.yaml:1:1 method `co-management` has no page text"] },
    Case { name: "page of a method the site lacks", site: || min().write("content/methods/co-sharing.md", "---\ntitle: 共享\n---\n"), expect: &["content/methods/co-sharing.md:1:1 `co-sharing` is not a method of this site"] },
    Case { name: "page with a reserved name", site: || min().write("content/pages/cases.md", "---\ntitle: 案例\n---\n"), expect: &["content/pages/cases.md:1:1 a page cannot be called `cases`: that address is used by the site"] },
    Case { name: "photo its case does not show", site: || photos().copy("tests/fixtures/photos/content/cases/alpha/small.png", "content/cases/alpha/extra.png"), expect: &["content/cases/alpha/extra.png:1:1 photo is not shown by its case"] },
    Case { name: "file outside any page", site: || min().write("content/notes.txt", "笔记"), expect: &["content/notes.txt:1:1 file is not part of any page and is not published"] },
    Case { name: "Markdown outside any page", site: || min().write("content/notes.md", "笔记"), expect: &["content/notes.md:1:1 Markdown file is not part of any page"] },
    Case { name: "default language in a file name", site: || min().write("content/pages/about.zh.md", "---\ntitle: 关于\n---\n"), expect: &["content/pages/about.zh.md:1:1 `zh` is the site's default language, whose file names have no language code"] },
    Case { name: "case text saved with .txt added", site: || min().write("content/cases/gamma/index.md.txt", "---\ntitle: 丙村\n---\n"), expect: &["content/cases/gamma/index.md.txt:1:1 `index.md.txt` ends in `.txt`, so casebook does not read it"] },
    Case { name: "site.yaml saved with .txt added", site: || min().write("content/site.yaml.txt", common::read(&common::fixture("minimal").join(SITE))).remove(SITE), expect: &["content/site.yaml.txt:1:1 `site.yaml.txt` ends in `.txt`, so casebook does not read it"] },
    Case { name: "translation language the site lacks", site: || min().write("content/cases/alpha/index.fr.md", "---\ntitle: A\n---\n"), expect: &["content/cases/alpha/index.fr.md:1:1 `fr` in the file name is not a translation language of this site"] },
    Case { name: "other Markdown in a case folder", site: || min().write("content/cases/alpha/notes.md", "笔记"), expect: &["content/cases/alpha/notes.md:1:1 Markdown file in a case folder that is not the case text"] },
    Case { name: "slug not valid", site: || min().write("content/pages/Guide_2.md", "---\ntitle: 指南\n---\n"), expect: &["content/pages/Guide_2.md:1:1 `Guide_2` is not a valid slug"] },
    Case { name: "no front matter", site: || min().write("content/pages/guide.md", "## 五个转变 {#five-changes}\n"), expect: &["content/pages/guide.md:1:1 file does not start with front matter"] },
    Case { name: "front matter not closed", site: || min().write("content/pages/guide.md", "---\ntitle: 指南\n"), expect: &["content/pages/guide.md:1:1 front matter is not closed"] },
    Case { name: "saved as GBK", site: || min().write("content/pages/guide.md", b"---\ntitle: \xbc\xd7\xb4\xe5\n---\n"), expect: &["content/pages/guide.md:2:8 file is saved as GBK (the older Chinese Windows encoding), not UTF-8"] },
    Case { name: "saved as UTF-16", site: || min().write("content/pages/guide.md", b"\xff\xfe-\x00-\x00-\x00\n\x00"), expect: &["content/pages/guide.md:1:1 file is saved as UTF-16, not UTF-8"] },
    Case { name: "not UTF-8", site: || min().write("content/pages/guide.md", b"---\ntitle: \xff\x80\n---\n"), expect: &["content/pages/guide.md:2:8 file is not valid UTF-8 text"] },
    // cases
    Case { name: "uncertain phrase without a reason", site: || min().replace(ALPHA, "title: 甲村\n", "uncertain:\n  - text: 一镇\ntitle: 甲村\n"), expect: &["content/cases/alpha/index.md:3:11 `一镇` is marked uncertain but does not say why"] },
    Case { name: "uncertain phrase the text never says", site: || min().replace(ALPHA, "title: 甲村\n", "uncertain:\n  - text: 七镇\n    why: 由译文推断\ntitle: 甲村\n"), expect: &["content/cases/alpha/index.md:3:11 `七镇` is marked uncertain, but this file's text never says it"] },
    Case { name: "uncertain phrase listed twice", site: || min().replace(ALPHA, "title: 甲村\n", "uncertain:\n  - text: 一镇\n    why: 由译文推断\n  - text: 一镇\n    why: 待核实\ntitle: 甲村\n"), expect: &["content/cases/alpha/index.md:5:11 `一镇` is listed twice under `uncertain`"] },
    Case { name: "title missing", site: || min().replace(ALPHA, "title: 甲村\n", ""), expect: &["content/cases/alpha/index.md:1:1 `title` is missing"] },
    Case { name: "province missing", site: || min().replace(ALPHA, ", province: hubei}", "}"), expect: &["content/cases/alpha/index.md:1:1 `place.province` is missing"] },
    Case { name: "not a date", site: || min().replace(ALPHA, "updated: 2022-09-06", "updated: 2022-13-45"), expect: &["content/cases/alpha/index.md:8:10 `2022-13-45` is not a date"] },
    Case { name: "updated missing", site: || min().replace(ALPHA, "updated: 2022-09-06\n", ""), expect: &["content/cases/alpha/index.md:1:1 `updated` is missing"] },
    Case { name: "implausible year", site: || min().replace(ALPHA, "since: 2017", "since: 1800"), expect: &["content/cases/alpha/index.md:7:8 `1800` is not a plausible year"] },
    Case { name: "kind missing", site: || min().replace(ALPHA, "kind: rural\n", ""), expect: &["content/cases/alpha/index.md:1:1 `kind` is missing"] },
    Case { name: "translation changes a shared field", site: || min().replace(ALPHA_EN, "methods:", "kind: urban\nmethods:"), expect: &["content/cases/alpha/index.en.md:5:7 `kind` differs from the default-language file"] },
    Case { name: "village missing", site: || min().replace(ALPHA, "{village: 甲村, ", "{"), expect: &["content/cases/alpha/index.md:1:1 `place.village` is missing"] },
    Case { name: "place missing", site: || min().replace(ALPHA, "place: {village: 甲村, town: 一镇, county: 二县, province: hubei}\n", ""), expect: &["content/cases/alpha/index.md:1:1 `place` is missing"] },
    Case { name: "translated method the default file lacks", site: || min().write("content/cases/beta/index.en.md", "---\ntitle: Community B\nmethods:\n  co-management: Residents manage.\n---\n"), expect: &["content/cases/beta/index.en.md:4:3 method `co-management` is not in the default-language file"] },
    Case { name: "mistyped method key", site: || min().replace(BETA, "  co-decision: 广泛征求居民意见", "  co-decison: 广泛征求居民意见"), expect: &["content/cases/beta/index.md:10:3 unknown method key `co-decison`"] },
    Case { name: "full-width colon after a key", site: || min().replace(ALPHA, "since: 2017", "since： 2017"), expect: &["content/cases/alpha/index.md:7:6 `since` is followed by a full-width colon `：`"] },
    Case { name: "Chinese quotation marks", site: || min().replace(ALPHA, "title: 甲村", "title: “甲村: 经验”"), expect: &["content/cases/alpha/index.md:2:8 `“` is a Chinese quotation mark, which YAML does not read as a quote"] },
    Case { name: "yes written in Chinese", site: || min().replace(ALPHA, "featured: true", "featured: 是"), expect: &["content/cases/alpha/index.md:9:11 only true or false can be written here"] },
    Case { name: "address in Chinese quotes", site: || min().replace(ALPHA, "url: \"https://example.org/article\"", "url: “https：//example.org/article”"), expect: &["content/cases/alpha/index.md:24:35 `“https：//example.org/article”` is not a web address — hint: write it `https://example.org/article`"] },
    Case { name: "end line typed with a Chinese input method", site: || min().replace(BETA, "意见\n---\n", "意见\n——\n"), expect: &["content/cases/beta/index.md:11:1 the line that ends the front matter is written `——` — hint: the end line is exactly three hyphens"] },
    Case { name: "end line of four hyphens", site: || min().replace(BETA, "意见\n---\n", "意见\n----\n"), expect: &["content/cases/beta/index.md:11:1 the line that ends the front matter is written `----`"] },
    Case { name: "a quote closed with a Chinese mark inside a flow mapping", site: || min().replace(ALPHA, "value: \"5\"}", "value: \"5”}"), expect: &["content/cases/alpha/index.md:22:28 this quote is closed with a Chinese quotation mark `”`, which YAML does not read as its end — hint: type an ASCII `\"` to end it: `- {label: 党小组（个）, value: \"5\"}`"] },
    Case { name: "a quote closed with a Chinese mark, the error on its line", site: || min().replace(ALPHA, "value: \"5\"}", "value: \"5”, note: \"x\"}"), expect: &["content/cases/alpha/index.md:22:28 this quote is closed with a Chinese quotation mark `”`, which YAML does not read as its end — hint: type an ASCII `\"` to end it: `- {label: 党小组（个）, value: \"5\", note: \"x\"}`"] },
    Case { name: "unclosed quote", site: || min().replace(ALPHA, "title: 甲村", "title: \"甲村"), expect: &["content/cases/alpha/index.md:2:8 this quote is not closed on its line"] },
    Case { name: "number with a unit", site: || min().replace(ALPHA, "since: 2017", "since: 2017年"), expect: &["content/cases/alpha/index.md:7:8 `2017年` is not a number"] },
    Case { name: "duplicate key", site: || min().replace(ALPHA, "kind: rural\n", "kind: rural\ntitle: 甲村二\n"), expect: &["content/cases/alpha/index.md:6:1 `title` is given twice"] },
    Case { name: "keys joined by a Chinese comma", site: || min().replace(ALPHA, "challenges: [no-one-manages]", "challenges: [no-one-manages， no-money]"), expect: &["content/cases/alpha/index.md:10:14 unknown challenge key `no-one-manages， no-money`"] },
    Case { name: "summary left empty", site: || min().replace(BETA, "summary: 乙社区居民共建共管。", "summary: \"\""), expect: &["content/cases/beta/index.md:3:1 `summary` is empty"] },
    Case { name: "an empty file", site: || min().write(BETA, ""), expect: &["content/cases/beta/index.md:1:1 this file is empty — hint: write its front matter between two `---` lines"] },
    Case { name: "methods empty", site: || min().replace(BETA, "methods:\n  co-decision: 广泛征求居民意见", "methods: {}"), expect: &["content/cases/beta/index.md:9:1 `methods` is empty"] },
    Case { name: "methods missing", site: || min().replace(BETA, "methods:\n  co-decision: 广泛征求居民意见\n", ""), expect: &["content/cases/beta/index.md:1:1 `methods` is missing"] },
    Case { name: "translation with more practices", site: || min().replace(ALPHA_EN, "figures:", "  - {name: Another, method: co-decision}\nfigures:"), expect: &["content/cases/alpha/index.en.md:8:11 2 practices here, 1 in the default-language file", "content/cases/alpha/index.en.md:14:12 this practice of a translation does not say which practice of index.md it translates"] },
    Case { name: "practice under an unknown method", site: || min().replace(ALPHA, "method: co-management", "method: co-managment"), expect: &["content/cases/alpha/index.md:17:13 unknown method"] },
    Case { name: "translated practice under another method", site: || min().replace(ALPHA_EN, "method: co-management", "method: co-decision"), expect: &["content/cases/alpha/index.en.md:10:13 practice is filed under another method than in the default-language file"] },
    Case { name: "translated practice naming no practice", site: || min().replace(ALPHA_EN, "translates: 党员中心户", "translates: 党员中心"), expect: &["content/cases/alpha/index.en.md:9:17 index.md has no practice named “党员中心”"] },
    Case { name: "translated practice not saying which", site: || min().replace(ALPHA_EN, "    translates: 党员中心户\n", ""), expect: &["content/cases/alpha/index.en.md:8:11 this practice of a translation does not say which practice of index.md it translates"] },
    Case { name: "practice translated twice", site: || min().replace(ALPHA, "practices:\n", "practices:\n  - {name: 议事会, method: co-decision}\n").replace(ALPHA_EN, "practices:\n", "practices:\n  - {name: Council, translates: 党员中心户, method: co-management}\n"), expect: &["content/cases/alpha/index.en.md:10:17 the practice “党员中心户” is already translated on line 8"] },
    Case { name: "two practices of one name", site: || min().replace(ALPHA, "practices:\n", "practices:\n  - {name: 党员中心户, method: co-management}\n"), expect: &["content/cases/alpha/index.md:17:11 line 16 already has a practice named “党员中心户”"] },
    Case { name: "practice without a name", site: || min().replace(ALPHA, "- name: 党员中心户", "- name: \"\""), expect: &["content/cases/alpha/index.md:16:11 practice has no name"] },
    Case { name: "translation with more figures", site: || min().replace(ALPHA_EN, "  - {label: Party groups}", "  - {label: Party groups}\n  - {label: More}"), expect: &["content/cases/alpha/index.en.md:15:13 2 figures here, 1 in the default-language file"] },
    Case { name: "figure without a number", site: || min().replace(ALPHA, "{label: 党小组（个）, value: \"5\"}", "{label: 党小组（个）}"), expect: &["content/cases/alpha/index.md:22:13 figure has no number"] },
    Case { name: "source without a web address", site: || min().replace(ALPHA, "url: \"https://example.org/article\"", "url: example.org/article"), expect: &["content/cases/alpha/index.md:24:35 `example.org/article` is not a web address"] },
    Case { name: "empty tag", site: || min().replace(ALPHA, "tags: [党建引领, 垃圾分类]", "tags: [党建引领, \"\"]"), expect: &["content/cases/alpha/index.md:1:1 empty tag"] },
    // photos named by cases
    Case { name: "translation with more photo pairs", site: || photos().replace(ALPHA_EN, "tags:", "photos:\n  - {caption: a}\n  - {caption: b}\ntags:"), expect: &["content/cases/alpha/index.en.md:1:1 2 photo pairs here, 1 in the default-language file"] },
    Case { name: "translation names another photo", site: || photos().replace(ALPHA_EN, "tags:", "photos:\n  - {before: small.png}\ntags:"), expect: &["content/cases/alpha/index.en.md:17:14 `before` differs from the default-language file"] },
    Case { name: "photo not in the folder", site: || photos().replace(ALPHA, "before: phone.jpg", "before: missing.jpg"), expect: &["content/cases/alpha/index.md:26:13 photo `missing.jpg` is not in the case folder"] },
    Case { name: "photo pair without an after", site: || photos().replace(ALPHA, "    after: small.png\n", ""), expect: &["content/cases/alpha/index.md:1:1 photo pair 1 has no `after` file"] },
    Case { name: "photo without alt text", site: || photos().replace(ALPHA, "    alt_before: 手机拍摄的山间草坡\n", ""), expect: &["content/cases/alpha/index.md:26:13 photo pair 1 has no `alt_before` text"] },
    // courses
    Case { name: "translated course with fewer sessions", site: || min().write("content/courses/basics.en.md", "---\ntitle: Basics\nsessions:\n  - case: alpha\n---\n"), expect: &["content/courses/basics.en.md:4:11 1 session here, 2 in the default-language file"] },
    Case { name: "translated course in another order", site: || min().write("content/courses/basics.en.md", "---\ntitle: Basics\nsessions:\n  - case: beta\n  - case: alpha\n---\n"), expect: &["content/courses/basics.en.md:4:11 session names another case than the default-language file"] },
    Case { name: "course session on a draft", site: || min().replace(COURSE, "case: beta", "case: gamma"), expect: &["content/courses/basics.md:10:11 case `gamma` is a draft"] },
    Case { name: "course session on no case", site: || min().replace(COURSE, "case: beta", "case: delta"), expect: &["content/courses/basics.md:10:11 no case `delta`"] },
    Case { name: "course without sessions", site: || min().write(COURSE, "---\ntitle: 入门课\nsessions: []\n---\n"), expect: &["content/courses/basics.md:1:1 course has no sessions"] },
    Case { name: "course sessions missing", site: || min().write(COURSE, "---\ntitle: 入门课\n---\n"), expect: &["content/courses/basics.md:1:1 `sessions` is missing"] },
    // links and images in Markdown
    Case { name: "link copied from the preview's address bar", site: || min().replace(ALPHA, "(@/cases/beta)", "(http://127.0.0.1:1111/cases/beta/)"), expect: &["content/cases/alpha/index.md:29:11 link to `http://127.0.0.1:1111/cases/beta/` points at the preview on this computer"] },
    Case { name: "link relative to the case page", site: || min().replace(ALPHA, "(@/cases/beta)", "(../beta/)"), expect: &["content/cases/alpha/index.md:29:11 link `../beta/` is relative to this page: course packs that show this narrative are elsewhere, and it breaks there — hint: write `@/cases/beta`"] },
    Case { name: "link from the site's root to no page", site: || min().replace(ALPHA, "(@/cases/beta)", "(/cases/btea/)"), expect: &["content/cases/alpha/index.md:29:11 link `/cases/btea/` starts at the site's root", "content/cases/alpha/index.md:29:11 link to a case `btea` that does not exist — hint: did you mean `beta`?"] },
    Case { name: "link from the site's root", site: || min().replace(ALPHA, "(@/cases/beta)", "(/cases/beta/)"), expect: &["content/cases/alpha/index.md:29:11 link `/cases/beta/` starts at the site's root"] },
    Case { name: "summary pasted into the title", site: || min().replace(ALPHA, "title: 甲村", &format!("title: {}", "甲村用理事会议事。".repeat(40))), expect: &["content/cases/alpha/index.md:2:1 `title` is 360 characters long; it is usually under 30"] },
    Case { name: "whole article pasted into the summary", site: || min().replace(ALPHA, "summary: 甲村用理事会议事，垃圾分类有人管。", &format!("summary: {}", "甲村用理事会议事，垃圾分类有人管。".repeat(200))), expect: &["content/cases/alpha/index.md:3:1 `summary` is 3400 characters long; it is usually under 300"] },
    Case { name: "empty source left from the template", site: || min().replace(ALPHA, "{title: 湖北日报 2022-09-06, url: \"https://example.org/article\"}", "{title: \"\", url: \"https://\"}"), expect: &["content/cases/alpha/index.md:24:22 a source with no title and only `https://` as its address is left out"] },
    Case { name: "source address left as a placeholder", site: || min().replace(ALPHA, "url: \"https://example.org/article\"", "url: \"https://\""), expect: &["content/cases/alpha/index.md:24:35 `https://` is only the start of an address: the source is shown without a link"] },
    Case { name: "link to a draft", site: || min().replace(ALPHA, "(@/cases/beta)", "(@/cases/gamma)"), expect: &["content/cases/alpha/index.md:29:11 link to the draft case `gamma`"] },
    Case { name: "link to nothing", site: || min().replace(ALPHA, "(@/cases/beta)", "(@/cases/delta)"), expect: &["content/cases/alpha/index.md:29:11 link to a case `delta` that does not exist"] },
    Case { name: "link to a missing heading", site: || min().replace(ALPHA, "(@/cases/beta)", "(@/pages/guide#nope)"), expect: &["content/cases/alpha/index.md:29:11 no heading `#nope` on the page `guide`"] },
    Case { name: "image not in the folder", site: || min().replace(ALPHA, "## 做法", "![图](missing.png)\n\n## 做法"), expect: &["content/cases/alpha/index.md:31:1 image `missing.png` is not in the case folder"] },
    Case { name: "script link", site: || min().replace(ALPHA, "(@/cases/beta)", "(javascript:alert(1))"), expect: &["content/cases/alpha/index.md:29:11 link to `javascript` removed"] },
    Case { name: "@/ link to no kind of page", site: || min().replace(ALPHA, "(@/cases/beta)", "(@/beta)"), expect: &["content/cases/alpha/index.md:29:11 `@/beta` is not a link to a page of this site"] },
    Case { name: "link to a Markdown file", site: || min().replace(ALPHA, "(@/cases/beta)", "(../beta/index.md)"), expect: &["content/cases/alpha/index.md:29:11 link to the file `../beta/index.md` will not exist on the site"] },
    Case { name: "image from another host", site: || min().replace(ALPHA, "## 做法", "![图](https://example.org/a.png)\n\n## 做法"), expect: &["content/cases/alpha/index.md:31:1 image `https://example.org/a.png` is not a file beside this page"] },
    Case { name: "image outside a case", site: || min().replace("content/pages/guide.md", "环境面貌之变。", "![图](a.png)"), expect: &["content/pages/guide.md:7:1 images can only be placed in case texts"] },
    Case { name: "image without a description", site: || photos().replace(ALPHA, "## 做法", "![](small.png)\n\n## 做法"), expect: &["content/cases/alpha/index.md:39:1 image `small.png` has no description"] },
    // photo files
    Case { name: "damaged photos", site: bad_photos, expect: &["content/cases/alpha/index.md:26:14 photo content/cases/alpha/empty.jpg is an empty file", "content/cases/alpha/index.md:26:32 photo content/cases/alpha/truncated.jpg is truncated", "content/cases/alpha/index.md:27:14 photo content/cases/alpha/anim.gif is not a JPEG, PNG or WebP image", "content/cases/alpha/index.md:27:31 photo content/cases/alpha/bomb.png is 30000×30000 pixels (900 megapixels), more than the 100 allowed"] },
    Case { name: "photo with a broken header", site: || damaged_png(|png| [&png[..8], b"not a PNG header at all".as_slice()].concat()), expect: &["content/cases/alpha/index.md:27:12 photo content/cases/alpha/damaged.png cannot be read"] },
    Case { name: "photo cut short", site: || damaged_png(|png| png[..png.len() * 2 / 3].to_vec()), expect: &["content/cases/alpha/index.md:27:12 photo content/cases/alpha/damaged.png is damaged or truncated"] },
    Case { name: "photo cache that cannot be written", site: || photos().replace(SITE, "vocabularies:", "photos: {cache: /dev/null/cache}\nvocabularies:"), expect: &["content/cases/alpha/index.md:26:13 cannot write the processed photo to the cache /dev/null/cache"] },
    // theme
    Case { name: "unknown theme", site: || min().replace(SITE, "vocabularies:", "theme: fancy\nvocabularies:"), expect: &["content/site.yaml:8:8 theme `fancy` not found"] },
    Case { name: "template not UTF-8", site: || min().write("templates/case.html", b"\xff\xfe"), expect: &["templates/case.html:1:1 template is not valid UTF-8"] },
    Case { name: "template error", site: || min().write("templates/case.html", "{% extends \"base.html\" %}{% block main %}{{ nope( }}{% endblock %}"), expect: &["templates/case.html:1:"] },
    Case { name: "theme without a template", site: || own_theme(min()).remove("themes/own/templates/case.html"), expect: &["themes/own/templates/case.html:1:1 theme `own` has no template `case.html`"] },
    Case { name: "theme without a language's strings", site: || own_theme(min()).remove("themes/own/i18n/en.yaml"), expect: &["themes/own/i18n/en.yaml:1:1 theme `own` has no UI strings for `en`"] },
    Case { name: "theme missing one UI string", site: || own_theme(min()).replace("themes/own/i18n/en.yaml", "draft_notice:", "draft_notice_old:"), expect: &["themes/own/i18n/en.yaml:1:1 UI string `draft_notice` is missing"] },
];

/// Places in `src/` that make a diagnostic no case here can reach, each with why and where
/// it is tested instead.
const ELSEWHERE: &[(&str, &str)] = &[
    (
        "src/photos/mod.rs:req.span.clone(), message",
        "the helper `photo_error` itself: what it makes is attributed to its caller",
    ),
    (
        "src/content/doc.rs:Diagnostic::warning(span, p.message)",
        "forwards a Markdown problem, attributed to where it was found",
    ),
    (
        "src/content/doc.rs:Diagnostic::error(span, p.message)",
        "forwards a Markdown problem, attributed to where it was found",
    ),
    (
        "src/serve/mod.rs:internal_error(&everything, &panic)",
        "a panic in the preview's first build: tests/sound.rs injects one",
    ),
    (
        "src/load.rs:files-cannot-read",
        "a file that vanishes between listing and reading; needs a racing disk",
    ),
    (
        "src/photos/mod.rs:photos-cannot-read",
        "a photo that vanishes between listing and reading; needs a racing disk",
    ),
    (
        "src/photos/cache.rs:photos-cannot-resize",
        "the resizer refuses only sizes the decoder already refused",
    ),
    (
        "src/photos/cache.rs:photos-cannot-encode",
        "the JPEG encoder fails only on a failing writer into memory",
    ),
    (
        "src/photos/cache.rs:photos-cache-damaged",
        "another build's half-written cache entry, met while renaming",
    ),
    (
        "src/photos/decode.rs:photos-limits-hint",
        "the decoder's memory limit, reached only by images beyond the pixel limit checked first",
    ),
    (
        "src/theme/compile.rs:detail = first_line",
        "a Tera error without a source location, which Tera 2 does not raise for templates that compiled",
    ),
];

/// Runs every stage on the site in-process, writing nothing: every diagnostic as `file:line:col message`, and
/// where in `src/` each was made.
fn check(root: &Path) -> (Vec<String>, Vec<String>) {
    let opts = BuildOptions {
        minify: false,
        ..BuildOptions::new(root)
    };
    let outcome = pipeline::build(&opts, &Discard::default()).unwrap_or_else(|e| panic!("{e}"));
    let d = &outcome.diagnostics;
    let mut seen = Vec::new();
    let mut origins = Vec::new();
    for x in d.sorted() {
        seen.push(
            format!(
                "{}:{}:{} {}",
                x.span
                    .path()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default(),
                x.span.line,
                x.span.column,
                x.message.en()
            ) + &x
                .hint
                .as_ref()
                .map(|h| format!(" — hint: {}", h.en()))
                .unwrap_or_default(),
        );
        origins.push(format!("{}:{}", x.origin().file(), x.origin().line()));
        // Every text an editor reads exists in Chinese: said in Chinese, it is not the English.
        for t in std::iter::once(&x.message).chain(&x.label).chain(&x.hint) {
            let (zh, en) = (t.in_locale(Locale::Zh), t.en());
            assert!(zh != en, "`{}` reads the same in Chinese: {en}", t.id());
        }
    }
    (seen, origins)
}

#[test]
fn every_case_gives_its_diagnostic_at_its_place() {
    let failures = Mutex::new(Vec::new());
    let origins = Mutex::new(BTreeSet::new());
    std::thread::scope(|s| {
        for chunk in CASES.chunks(CASES.len().div_ceil(2)) {
            let (failures, origins) = (&failures, &origins);
            s.spawn(move || {
                for case in chunk {
                    let site = (case.site)();
                    let (seen, from) = check(site.root());
                    for want in case.expect {
                        if !seen.iter().any(|s| s.starts_with(want))
                            && let Ok(mut f) = failures.lock()
                        {
                            f.push(format!(
                                "{}: no `{want}` among\n    {}",
                                case.name,
                                seen.join("\n    ")
                            ));
                        }
                    }
                    if let Ok(mut o) = origins.lock() {
                        o.extend(from);
                    }
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap_or_default();
    assert!(failures.is_empty(), "{}", failures.join("\n"));

    // Every place that makes a diagnostic was reached by some case, or is listed in
    // ELSEWHERE with the reason.
    let reached = origins.into_inner().unwrap_or_default();
    let mut unreached = Vec::new();
    for (site, line, text) in diagnostic_sites() {
        let here = format!("{site}:{line}");
        let excused = ELSEWHERE.iter().any(|(k, _)| {
            k.split_once(':')
                .is_some_and(|(f, t)| f == site && text.contains(t))
        });
        if !reached.contains(&here) && !excused {
            unreached.push(format!("{here}: {}", text.trim()));
        }
    }
    assert!(
        unreached.is_empty(),
        "diagnostics no test produces (add a case to tests/diagnostics.rs):\n{}",
        unreached.join("\n")
    );
}

/// Every place in `src/` (tests left out) that makes a diagnostic: the file, the line of the
/// call, and the text of the call up to its message.
fn diagnostic_sites() -> Vec<(String, usize, String)> {
    let makers = [
        "Diagnostic::error(",
        "Diagnostic::warning(",
        "Problem::error(",
        "Problem::warning(",
        "photo_error(",
    ];
    let mut out = Vec::new();
    let src = common::repo().join("src");
    for f in common::files(&src)
        .into_iter()
        .filter(|f| f.ends_with(".rs"))
    {
        let text = common::read(&src.join(&f));
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        let lines: Vec<&str> = code.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            if line.trim_start().starts_with("//")
                || line.contains("fn photo_error(")
                || line.contains("fn error(")
                || line.contains("fn warning(")
            {
                continue;
            }
            if makers.iter().any(|m| line.contains(m)) {
                let call: String = lines[i..lines.len().min(i + 5)].join(" ");
                out.push((format!("src/{f}"), i + 1, call));
            }
        }
    }
    assert!(
        out.len() > 60,
        "only {} places found: has the way diagnostics are made changed?",
        out.len()
    );
    out
}

#[test]
fn the_excused_places_still_exist() {
    let sites = diagnostic_sites();
    for (key, why) in ELSEWHERE {
        let (file, text) = key.split_once(':').unwrap_or((key, ""));
        assert!(
            sites.iter().any(|(f, _, t)| f == file && t.contains(text)),
            "ELSEWHERE names `{key}` ({why}), which is gone: remove it from the list"
        );
    }
}
