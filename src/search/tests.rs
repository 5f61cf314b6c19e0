//! Tests of the search index: tokenizing as search.js does, scores, shard files read back
//! by a reference reader, incremental updates.

use std::collections::HashMap;

use super::format::*;
use super::text::*;
use super::*;
use crate::output::OutData;

fn toks(text: &str) -> Vec<(TokenKind, String, u32)> {
    let mut v = Vec::new();
    tokens(&normalize(text), &mut Stems::new(), |k, t, p, _| {
        v.push((k, t.to_owned(), p))
    });
    v
}

fn terms(text: &str) -> Vec<String> {
    toks(text).into_iter().map(|(_, t, _)| t).collect()
}

#[test]
fn cjk_runs_become_overlapping_bigrams_and_a_final_character() {
    assert_eq!(
        toks("党员中心户"),
        vec![
            (TokenKind::Bigram, "党员".into(), 0),
            (TokenKind::Bigram, "员中".into(), 1),
            (TokenKind::Bigram, "中心".into(), 2),
            (TokenKind::Bigram, "心户".into(), 3),
            (TokenKind::Unigram, "户".into(), 4),
        ]
    );
    // A one-character run is its own unigram.
    assert_eq!(terms("村，镇"), vec!["村", "镇"]);
}

#[test]
fn mixed_scripts_split_at_script_boundaries() {
    assert_eq!(
        terms("石桥村Shiqiao理事会2023年"),
        vec![
            "石桥", "桥村", "村", "shiqiao", "理事", "事会", "会", "2023", "年"
        ]
    );
}

#[test]
fn full_width_forms_fold_to_ascii() {
    assert_eq!(terms("ＳＨＩＱＩＡＯ　１２３"), terms("shiqiao 123"));
    assert_eq!(terms("Ｗａｓｔｅ"), vec!["wast"]);
}

#[test]
fn the_fast_folds_give_what_nfkc_gives() {
    use unicode_normalization::UnicodeNormalization;
    // Every character the fast path folds on its own, alone and between neighbours of each
    // script it meets.
    let chars = (0x20..0x7F)
        .chain(0x2000..=0x206F)
        .chain(0x3000..=0x303F)
        .chain(0xFF01..=0xFF5E)
        .chain(0x4000..=0x9FFF)
        .filter_map(char::from_u32);
    for c in chars {
        for text in [
            c.to_string(),
            format!("中{c}村"),
            format!("A{c}b"),
            format!("{c}{c}"),
        ] {
            let full: String = text.nfkc().flat_map(char::to_lowercase).collect();
            assert_eq!(normalize(&text), full, "U+{:04X} in {text:?}", c as u32);
        }
    }
}

#[test]
fn the_fast_letter_test_agrees_with_the_standard_library() {
    for c in (0x2000..=0x206F)
        .chain(0x3000..=0x303F)
        .filter_map(char::from_u32)
    {
        assert_eq!(is_word_char(c), c.is_alphanumeric(), "U+{:04X}", c as u32);
    }
}

#[test]
fn plain_ascii_runs_end_at_capitals_and_other_scripts() {
    assert_eq!(plain_ascii(b"abcdefgh ijklmno"), 16);
    assert_eq!(plain_ascii(b"abcdefgh ijKlmno"), 8);
    assert_eq!(
        plain_ascii(b"@[`{ ~09abcdefgh"),
        16,
        "the neighbours of A-Z and a-z"
    );
    assert_eq!(plain_ascii(b"abcdefgAijklmnop"), 0);
    assert_eq!(plain_ascii(b"abcdefgZ"), 0);
    assert_eq!(plain_ascii("abcdefg\u{e9}".as_bytes()), 0);
    assert_eq!(
        plain_ascii(b"abc"),
        0,
        "a tail shorter than eight is left to the caller"
    );
}

#[test]
fn english_words_are_lowercased_and_stemmed() {
    assert_eq!(
        terms("Villages volunteering, COUNCILS!"),
        vec!["villag", "volunt", "council"]
    );
}

#[test]
fn shard_keys_keep_prefix_expansions_together() {
    assert_eq!(shard_key("党员"), "党");
    assert_eq!(shard_key("villag"), "vi");
    assert_eq!(shard_key("a"), "a");
    assert_eq!(shard_of("village", 7), shard_of("vi", 7));
    // The browser computes the same FNV-1a: fixed values guard the two against drifting.
    assert_eq!(shard_of("党员", 1000), shard_of("党", 1000));
    // 0x3c49bbe0 % 1_000_000, as the browser computes it.
    assert_eq!(shard_of("vi", 1_000_000), 465_184);
}

#[test]
fn the_narrative_is_indexed_as_the_page_shows_it() {
    let mut out = String::new();
    html_text(
        "<h2 id=\"a\">做法<a class=\"anchor\" href=\"#a\">#</a></h2>\n<p>中<em>国</em> &amp; <a href=\"../x/\">link</a>&#39;s &#x4e2d;</p><table><tr><td>甲</td><td>乙</td></tr></table><!--casebook-photo:0--><script>var x=1</script>end",
        &mut out,
    );
    assert_eq!(
        out,
        "\n做法#\n\n\n中国 & link's 中\n\n\n\n甲\n\n乙\n\n\nend"
    );
    let terms: Vec<String> = {
        let mut v = Vec::new();
        tokens(&normalize(&out), &mut Stems::new(), |_, t, _, _| {
            v.push(t.to_owned())
        });
        v
    };
    assert!(
        terms.contains(&"中国".to_owned()),
        "inline tags join: {terms:?}"
    );
    assert!(
        !terms.contains(&"甲乙".to_owned()),
        "cells do not: {terms:?}"
    );
    assert!(
        !terms
            .iter()
            .any(|t| t == "x" || t == "var" || t == "casebook"),
        "{terms:?}"
    );
}

#[test]
fn vlq_writes_small_numbers_in_one_character() {
    let mut s = String::new();
    vlq(&mut s, 0);
    vlq(&mut s, 31);
    vlq(&mut s, 32);
    vlq(&mut s, 1000);
    assert_eq!(s, "AfgBof");
}

/// The fixture library of `tests/fixtures/search`.
fn fixture() -> Library {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/search");
    let mut d = crate::diagnostics::Diagnostics::new();
    let sources = crate::load::load(&root).unwrap_or_else(|e| panic!("fixture unreadable: {e}"));
    let lib = crate::content::parse(&sources, &crate::content::ContentOptions::default(), &mut d);
    assert!(!d.has_errors(), "{d:?}");
    lib.unwrap_or_else(|| panic!("the fixture does not parse"))
}

/// Reads the files the browser would: the data each registers with `CBS.put(key, data)`.
fn registered(files: &[OutFile], dir: &str) -> HashMap<String, serde_json::Value> {
    files
        .iter()
        .filter_map(|f| {
            let name = f.path.strip_prefix(dir)?;
            let name = name.strip_prefix(FINGERPRINTED).unwrap_or(name);
            if name.contains('/') {
                return None;
            }
            let OutData::Bytes(b) = &f.data else {
                return None;
            };
            let text = std::str::from_utf8(b).ok()?;
            let body = text
                .strip_prefix("CBS.put(\"")?
                .trim_end()
                .strip_suffix(");")?;
            let (key, data) = body.split_once("\",")?;
            Some((key.to_owned(), serde_json::from_str(data).ok()?))
        })
        .collect()
}

/// The query evaluation of search.js, on the files as written: the reference the browser
/// tests hold the JavaScript to. Returns slugs, best first.
fn search(files: &[OutFile], dir: &str, q: &str) -> Vec<String> {
    let data = registered(files, dir);
    let meta = &data["meta"];
    let n = meta["shards"].as_u64().unwrap_or(1) as usize;
    // The part holding `t` (or, for prefixes, every part of its bucket).
    let parts_of = |t: &str| {
        let b = shard_of(t, n);
        match meta["split"][b.to_string()].as_u64() {
            Some(k) => (0..k).map(|j| format!("s{b}-{j}")).collect::<Vec<_>>(),
            None => vec![format!("s{b}")],
        }
    };
    let part = |t: &str| {
        let all = parts_of(t);
        let j = part_of(t, all.len());
        &data[&all[j]]
    };
    let decode = |s: &str, bigram: bool| {
        let val = |c: u8| B64.iter().position(|&x| x == c).unwrap_or(0) as u32;
        let b = s.as_bytes();
        let (mut k, mut doc, mut out) = (0, -1i64, Vec::new());
        while k < b.len() {
            let (mut v, mut shift) = (0u32, 0);
            loop {
                let c = val(b[k]);
                k += 1;
                v |= (c & 31) << shift;
                shift += 5;
                if c & 32 == 0 {
                    break;
                }
            }
            doc += i64::from(v) + 1;
            let imp = val(b[k]) as f64;
            k += 1;
            let mask = if bigram {
                k += 1;
                val(b[k - 1])
            } else {
                0
            };
            out.push((doc as usize, imp, mask));
        }
        out
    };
    let groups = {
        let norm = normalize(q);
        let chars: Vec<char> = norm.chars().collect();
        let mut g: Vec<(char, String)> = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let mut j = i + 1;
            if is_cjk(chars[i]) {
                while j < chars.len() && is_cjk(chars[j]) {
                    j += 1;
                }
                g.push(('c', chars[i..j].iter().collect()));
            } else if chars[i].is_alphanumeric() {
                while j < chars.len() && chars[j].is_alphanumeric() {
                    j += 1;
                }
                g.push(('w', chars[i..j].iter().collect()));
            }
            i = j;
        }
        g
    };
    let mut total: Option<HashMap<usize, f64>> = None;
    for (kind, text) in groups {
        let mut scores: HashMap<usize, f64> = HashMap::new();
        let chars: Vec<char> = text.chars().collect();
        if kind == 'w' {
            let stem = part(&text)["a"][&text].as_str().unwrap_or(&text).to_owned();
            for (d, imp, _) in decode(part(&stem)["t"][&stem].as_str().unwrap_or(""), false) {
                scores.insert(d, imp);
            }
        } else if chars.len() == 1 {
            let mut lists = vec![decode(
                part(&text)["t"][&text].as_str().unwrap_or(""),
                false,
            )];
            for p in parts_of(&text) {
                for (g, masked) in [("b", true), ("c", false)] {
                    for (k, v) in data[&p][g].as_object().into_iter().flatten() {
                        if k.starts_with(&text) {
                            lists.push(decode(v.as_str().unwrap_or(""), masked));
                        }
                    }
                }
            }
            for (d, imp, _) in lists.into_iter().flatten() {
                let e = scores.entry(d).or_default();
                *e = e.max(imp);
            }
        } else {
            let bigrams: Vec<String> = chars.windows(2).map(|w| w.iter().collect()).collect();
            let mut acc: HashMap<usize, (f64, usize, Vec<u32>)> = HashMap::new();
            for (j, b) in bigrams.iter().enumerate() {
                let list = match part(b)["b"][b].as_str() {
                    Some(l) => decode(l, true),
                    // A common bigram has no masks: any position may be next to any.
                    None => decode(part(b)["c"][b].as_str().unwrap_or(""), false)
                        .into_iter()
                        .map(|(d, imp, _)| (d, imp, 63))
                        .collect(),
                };
                for (d, imp, mask) in list {
                    let a = acc.entry(d).or_insert((0.0, 0, vec![0; bigrams.len()]));
                    a.0 += imp;
                    a.1 += 1;
                    a.2[j] = mask;
                }
            }
            for (d, (sum, count, masks)) in acc {
                if count < bigrams.len().div_ceil(2) {
                    continue;
                }
                let mut score = sum * count as f64 / bigrams.len() as f64;
                let m = masks
                    .iter()
                    .skip(1)
                    .fold(masks[0], |m, &x| (((m << 1) | (m >> 5)) & 63) & x);
                if count == bigrams.len() && m != 0 {
                    score *= 2.0;
                }
                scores.insert(d, score);
            }
        }
        total = Some(match total {
            None => scores,
            Some(t) => t
                .into_iter()
                .filter_map(|(d, v)| Some((d, v + scores.get(&d)?)))
                .collect(),
        });
    }
    let mut hits: Vec<(usize, f64)> = total.unwrap_or_default().into_iter().collect();
    hits.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let chunk = meta["chunk"].as_u64().unwrap_or(8) as usize;
    hits.into_iter()
        .map(|(d, _)| {
            data[&format!("d{}", d / chunk)][d % chunk][0]
                .as_str()
                .unwrap_or_default()
                .to_owned()
        })
        .collect()
}

#[test]
fn a_case_naming_the_phrase_ranks_above_cases_with_its_parts() {
    let files = Index::build(&fixture()).files();
    // `named` has the phrase; `scattered` has every bigram of it, apart; `many` says 党员
    // often but has none of the rest, so it does not match at all.
    assert_eq!(
        search(&files, "search/", "党员中心户"),
        ["named", "scattered"]
    );
    assert_eq!(
        search(&files, "search/", "党员"),
        ["many", "named", "scattered"]
    );
}

#[test]
fn one_character_finds_it_anywhere_in_a_run() {
    let files = Index::build(&fixture()).files();
    let mut hits = search(&files, "search/", "户");
    hits.sort();
    assert_eq!(hits, ["named", "scattered"]);
}

#[test]
fn words_match_by_stem_and_full_width_forms_fold() {
    let files = Index::build(&fixture()).files();
    assert_eq!(search(&files, "en/search/", "volunteering"), ["english"]);
    assert_eq!(search(&files, "en/search/", "Villages"), ["english"]);
    assert_eq!(search(&files, "search/", "shiqiao 垃圾"), ["english"]);
    assert_eq!(search(&files, "search/", "ｓｈｉｑｉａｏ"), ["english"]);
    assert!(
        search(&files, "search/", "volunteer").is_empty(),
        "the Chinese site has Chinese text"
    );
    assert!(search(&files, "en/search/", "nothing-like-this").is_empty());
}

#[test]
fn many_small_shards_cut_in_parts_give_the_same_results() {
    let index = Index::build(&fixture());
    let files = index.files_sized(40);
    let data = registered(&files, "search/");
    assert!(data["meta"]["shards"].as_u64().unwrap_or(0) > 10);
    assert!(
        data["meta"]["split"]
            .as_object()
            .is_some_and(|m| !m.is_empty()),
        "some buckets are cut in parts"
    );
    assert_eq!(
        search(&files, "search/", "党员中心户"),
        ["named", "scattered"]
    );
    let mut hits = search(&files, "search/", "户");
    hits.sort();
    assert_eq!(hits, ["named", "scattered"]);
    assert_eq!(search(&files, "en/search/", "Villages"), ["english"]);
}

#[test]
fn facets_are_stored_per_case() {
    let files = Index::build(&fixture()).files();
    let data = registered(&files, "search/");
    let list = data["meta"]["facets"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let names: Vec<&str> = list.iter().filter_map(|f| f["name"].as_str()).collect();
    assert_eq!(names, ["method", "province", "kind", "role", "challenge"]);
    let table = data["f"].as_str().unwrap_or_default();
    // Five one-character facets per case, four cases.
    assert_eq!(table.len(), 20);
}

#[test]
fn an_updated_case_gives_the_same_files_as_a_full_build() {
    let lib = fixture();
    let mut index = Index::build(&lib);
    let mut edited = lib.clone();
    let id = edited
        .case_index("english")
        .unwrap_or(crate::id::CaseId::at(0));
    let i = id.index();
    let mut case = (*edited.cases[i]).clone();
    case.texts[1].summary.value = "Residents sort waste; volunteers patrol.".into();
    case.texts[0].summary.value = "丁村建立党员中心户。".into();
    edited.cases[i] = std::sync::Arc::new(case);
    index.update_case(&edited, id);
    let paths = |files: Vec<OutFile>| {
        files
            .into_iter()
            .map(|f| match f.data {
                OutData::Bytes(b) => (f.path, b),
                OutData::Copy(_) => (f.path, Vec::new()),
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(paths(index.files()), paths(Index::build(&edited).files()));
    assert_eq!(search(&index.files(), "search/", "党员中心户")[0], "named");
    assert!(search(&index.files(), "en/search/", "patrol") == ["english"]);
}

#[test]
fn names_written_with_an_apostrophe_are_also_indexed_joined() {
    let mut out = String::new();
    for name in [
        "Zengcuo'an",
        "Xi’an City",
        "residents' council",
        "don't",
        "'quoted'",
        "曾厝垵",
    ] {
        super::tokenize::joined_at_apostrophes(name, &mut out);
    }
    assert_eq!(out, " Zengcuoan Xian dont");
}
