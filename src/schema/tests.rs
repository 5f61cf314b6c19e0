//! The schemas describe every field, narrow every key field to the site's keys, and say no
//! to what the build says no to.

use super::*;
use crate::diagnostics::{Diagnostics, SourceText};

/// The minimal fixture's settings, with two case slugs.
fn with_site(check: impl Fn(&Site<'_>)) {
    let text = include_str!("../../tests/fixtures/minimal/content/site.yaml");
    let mut d = Diagnostics::new();
    let config = Config::parse(&SourceText::new("content/site.yaml", text), &mut d)
        .unwrap_or_else(|| panic!("fixture settings do not parse: {d:?}"));
    let cases = ["shiqiao".to_owned(), "柏林寺".to_owned()];
    for locale in Locale::ALL {
        check(&Site {
            config: &config,
            cases: &cases,
            locale,
        });
    }
}

/// Every object schema in `v`, with where it is.
fn objects<'a>(v: &'a Value, at: String, out: &mut Vec<(String, &'a Map<String, Value>)>) {
    match v {
        Value::Object(o) => {
            if o.contains_key("properties") {
                out.push((at.clone(), o));
            }
            for (k, x) in o {
                objects(x, format!("{at}/{k}"), out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                objects(x, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_field_of_every_form_is_described() {
    with_site(|site| {
        for form in Form::ALL {
            let s = schema(form, site);
            assert_eq!(
                s["$schema"], "https://json-schema.org/draft/2020-12/schema",
                "{form:?}"
            );
            assert!(s["title"].as_str().is_some_and(|t| !t.is_empty()));
            let mut found = Vec::new();
            objects(&s, String::new(), &mut found);
            assert!(!found.is_empty());
            for (at, o) in found {
                for (field, p) in o["properties"].as_object().into_iter().flatten() {
                    let d = p["description"].as_str().unwrap_or("");
                    assert!(!d.is_empty(), "{form:?} {at}/{field} has no description");
                }
            }
        }
    });
}

#[test]
fn key_fields_take_the_sites_keys_with_their_labels() {
    with_site(|site| {
        let case = schema(Form::Case, site);
        let p = &case["properties"];
        assert_eq!(p["kind"]["enum"], json!(["rural", "urban", null]));
        assert_eq!(
            p["kind"]["markdownEnumDescriptions"][0], "农村 · Rural",
            "{:#}",
            p["kind"]
        );
        assert_eq!(p["challenges"]["items"]["enum"][0], "no-money");
        let methods = p["methods"]["properties"].as_object();
        let keys: Vec<&String> = methods.into_iter().flat_map(|m| m.keys()).collect();
        assert_eq!(keys, ["co-decision", "co-management"]);
        assert_eq!(p["methods"]["additionalProperties"], false);
        let defs = &case["$defs"];
        assert_eq!(
            defs["PracticeFront"]["properties"]["method"]["enum"][1],
            "co-management"
        );
        assert_eq!(
            defs["PlaceFront"]["properties"]["province"]["enum"][0],
            "hubei"
        );
        assert_eq!(p["updated"]["type"], json!(["string", "null"]));
        let course = schema(Form::Course, site);
        assert_eq!(
            course["$defs"]["SessionFront"]["properties"]["case"]["enum"],
            json!(["shiqiao", "柏林寺"])
        );
        let settings = schema(Form::Site, site);
        assert_eq!(
            settings["properties"]["default_language"]["enum"],
            json!(["zh", "en"])
        );
    });
}

#[test]
fn unknown_fields_are_refused_everywhere_and_integer_formats_are_left_out() {
    with_site(|site| {
        for form in Form::ALL {
            let s = schema(form, site);
            let mut found = Vec::new();
            objects(&s, String::new(), &mut found);
            for (at, o) in found {
                if at.ends_with("/properties/methods") {
                    continue;
                }
                assert_eq!(
                    o.get("additionalProperties"),
                    Some(&json!(false)),
                    "{form:?} {at}"
                );
            }
            assert!(!s.to_string().contains("\"format\""), "{form:?}");
        }
    });
}

#[test]
fn every_form_is_written_as_pretty_json() {
    with_site(|site| {
        let files = files(site);
        let names: Vec<&str> = files.iter().map(|(n, _)| *n).collect();
        assert_eq!(
            names,
            [
                "case.schema.json",
                "course.schema.json",
                "page.schema.json",
                "site.schema.json"
            ]
        );
        for (name, text) in files {
            let v: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(v["properties"].is_object(), "{name}");
        }
    });
}

#[test]
fn the_modeline_points_up_to_the_site_root() {
    assert_eq!(
        modeline(Form::Case, Path::new("content/cases/x/index.md")),
        "# yaml-language-server: $schema=../../../.casebook/schema/case.schema.json"
    );
    assert_eq!(
        modeline(Form::Site, Path::new("content/site.yaml")),
        "# yaml-language-server: $schema=../.casebook/schema/site.schema.json"
    );
}
