//! Every message exists in Chinese and in English: the Fluent files of both languages parse,
//! hold the same ids with the same arguments, every id the code names exists, and none is
//! left that the code no longer names. Then the command line, end to end, speaks the
//! language `--lang`, the environment or the site asks for.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use casebook::i18n::SOURCES;
use fluent_bundle::FluentResource;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

/// The messages of one Fluent source: id → the names of the arguments it uses.
fn messages(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = match FluentResource::try_new(source.to_owned()) {
        Ok(r) => r,
        Err((_, errors)) => panic!("Fluent syntax errors: {errors:?}\n{source}"),
    };
    resource
        .entries()
        .filter_map(|e| match e {
            Entry::Message(m) => {
                let mut args = BTreeSet::new();
                if let Some(p) = &m.value {
                    variables(p, &mut args);
                }
                Some((m.id.name.to_owned(), args))
            }
            _ => None,
        })
        .collect()
}

fn variables(p: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let PatternElement::Placeable { expression } = el {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(e: &Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        Expression::Inline(i) => inline_variables(i, out),
        Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for v in variants {
                variables(&v.value, out);
            }
        }
    }
}

fn inline_variables(i: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

#[test]
fn both_languages_have_every_message_with_the_same_arguments() {
    let [(zh_tag, zh), (en_tag, en)] = SOURCES;
    assert!(zh_tag.starts_with("zh") && en_tag.starts_with("en"));
    for (file, (zh, en)) in ["cli", "content", "site"]
        .iter()
        .zip(zh.iter().zip(en.iter()))
    {
        let (zh, en) = (messages(zh), messages(en));
        let only_en: Vec<&String> = en.keys().filter(|k| !zh.contains_key(*k)).collect();
        let only_zh: Vec<&String> = zh.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(
            only_en.is_empty() && only_zh.is_empty(),
            "{file}.ftl: in English only: {only_en:?}; in Chinese only: {only_zh:?}"
        );
        for (id, args) in &en {
            assert_eq!(
                Some(args),
                zh.get(id),
                "{file}.ftl: `{id}` takes other arguments in Chinese than in English"
            );
        }
    }
}

/// Every `t!("id"` in the source, by id.
fn ids_in_code() -> BTreeSet<String> {
    let src = common::repo().join("src");
    let mut ids = BTreeSet::new();
    for f in common::files(&src)
        .into_iter()
        .filter(|f| f.ends_with(".rs"))
    {
        let code = common::read(&src.join(&f));
        for (at, _) in code.match_indices("t!(") {
            // `format!(` ends the same way.
            let before = code[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let rest = code[at + 3..].trim_start();
            if let Some(lit) = rest.strip_prefix('"')
                && let Some(end) = lit.find('"')
            {
                ids.insert(lit[..end].to_owned());
            }
        }
    }
    ids
}

#[test]
fn every_message_the_code_names_exists_and_every_message_is_named() {
    let en: BTreeMap<String, BTreeSet<String>> =
        SOURCES[1].1.iter().flat_map(|s| messages(s)).collect();
    let named = ids_in_code();
    let missing: Vec<&String> = named.iter().filter(|id| !en.contains_key(*id)).collect();
    assert!(
        missing.is_empty(),
        "named in src/ but in no Fluent file: {missing:?}"
    );
    let unused: Vec<&String> = en.keys().filter(|id| !named.contains(*id)).collect();
    assert!(
        unused.is_empty(),
        "in the Fluent files but named nowhere in src/: {unused:?}"
    );
}

/// `casebook check` on the minimal site (default language Chinese) with a mistake, with
/// `args` and `env` added.
fn check(args: &[&str], env: &[(&str, &str)]) -> String {
    let site = common::Overlay::minimal().replace(
        "content/cases/alpha/index.md",
        "kind: rural",
        "kind: rurall",
    );
    let root = site.root().to_string_lossy().into_owned();
    let mut all = vec!["check", "--root", root.as_str()];
    all.extend_from_slice(args);
    run(&all, env)
}

#[test]
fn the_command_line_speaks_the_language_asked_for() {
    let zh = check(&[], &[("LANG", "C.UTF-8")]);
    assert!(
        zh.contains("1 个错误，0 个警告"),
        "site's default language: {zh}"
    );
    let en = check(&["--lang", "en"], &[]);
    assert!(en.contains("1 error, 0 warnings"), "--lang en: {en}");
    let env = check(&[], &[("LANG", "en_US.UTF-8")]);
    assert!(
        env.contains("1 error, 0 warnings"),
        "LANG=en_US.UTF-8: {env}"
    );
    let both = check(&["--lang", "zh"], &[("LC_ALL", "en_US.UTF-8")]);
    assert!(both.contains("1 个错误"), "--lang before LC_ALL: {both}");
}

/// Runs the binary with `args`, with no language in the environment but `env`; returns what it
/// printed on both streams.
fn run(args: &[&str], env: &[(&str, &str)]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_casebook"))
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .envs(env.iter().copied())
        .env("NO_COLOR", "1")
        .output()
        .unwrap_or_else(|e| panic!("cannot run casebook: {e}"));
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn help_and_usage_errors_speak_the_language_too() {
    let zh = run(&["serve", "--help"], &[("LANG", "zh_CN.UTF-8")]);
    assert!(
        zh.contains("用法：casebook serve") && zh.contains("监听的端口"),
        "{zh}"
    );
    assert!(
        !zh.contains("Port to listen on") && !zh.contains("Print help"),
        "{zh}"
    );
    let en = run(&["--lang", "en", "--help"], &[("LANG", "zh_CN.UTF-8")]);
    assert!(
        en.contains("Usage: casebook") && en.contains("Preview the site"),
        "{en}"
    );
    let typo = run(&["buld", "--lang", "zh"], &[]);
    assert!(typo.contains("运行 `casebook --help` 查看用法"), "{typo}");
}

#[test]
fn a_folder_without_content_is_said_in_the_language_asked_for() {
    let empty = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = empty.path().to_string_lossy().into_owned();
    let zh = run(&["check", "--root", &root, "--lang", "zh"], &[]);
    assert!(zh.contains("里没有 content/ 文件夹"), "{zh}");
    let en = run(&["check", "--root", &root, "--lang", "en"], &[]);
    assert!(en.contains("has no content/ folder"), "{en}");
}
