//! A theme's own scripts and stylesheets made small once, when the theme is compiled: every
//! reader downloads them, and the search script is most of what a first query fetches.
//!
//! The minifiers are the ones minify-html uses for inline scripts and styles (oxc for
//! JavaScript, lightningcss for CSS), with the same cautious settings. A file that cannot
//! parse is served as written: the browser reports its error as the theme's author wrote it.

use std::borrow::Cow;

use oxc_allocator::Allocator;
use oxc_codegen::{Codegen, CodegenOptions, CommentOptions};
use oxc_minifier::{CompressOptions, MangleOptions, Minifier, MinifierOptions};
use oxc_parser::Parser;
use oxc_span::SourceType;

/// `bytes` of the static file `name` (`search.js`, `style.css`, …), minified when it is a
/// script or a stylesheet that parses.
pub fn minified<'a>(name: &str, bytes: &'a [u8]) -> Cow<'a, [u8]> {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Cow::Borrowed(bytes);
    };
    let small = if name.ends_with(".js") {
        js(text)
    } else if name.ends_with(".css") {
        css(text)
    } else {
        None
    };
    match small {
        Some(s) if s.len() < bytes.len() => Cow::Owned(s.into_bytes()),
        _ => Cow::Borrowed(bytes),
    }
}

/// A classic script (the theme's scripts are loaded without `type="module"`), names mangled
/// inside functions only: globals such as `CBS` keep theirs.
fn js(text: &str) -> Option<String> {
    let allocator = Allocator::default();
    let parsed = Parser::new(&allocator, text, SourceType::cjs()).parse();
    if !parsed.errors.is_empty() || parsed.panicked {
        return None;
    }
    let mut program = parsed.program;
    let minified = Minifier::new(MinifierOptions {
        mangle: Some(MangleOptions::default()),
        compress: Some(CompressOptions::safest()),
    })
    .minify(&allocator, &mut program);
    let options = CodegenOptions {
        minify: true,
        comments: CommentOptions::disabled(),
        ..CodegenOptions::default()
    };
    // The mangled names live in the minifier's scopes: without them the printer would write
    // the names as declared.
    let code = Codegen::new()
        .with_options(options)
        .with_scoping(minified.scoping)
        .with_private_member_mappings(minified.class_private_mappings)
        .build(&program)
        .code;
    Some(code)
}

fn css(text: &str) -> Option<String> {
    use lightningcss::stylesheet::{MinifyOptions, ParserOptions, PrinterOptions, StyleSheet};
    let mut sheet = StyleSheet::parse(text, ParserOptions::default()).ok()?;
    sheet.minify(MinifyOptions::default()).ok()?;
    let options = PrinterOptions {
        minify: true,
        ..PrinterOptions::default()
    };
    sheet.to_css(options).ok().map(|out| out.code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_stylesheets_shrink_and_other_files_stay() {
        let js = b"(function () {\n  // a comment\n  var longName = 1;\n  window.CBS = longName;\n})();\n";
        let out = minified("a.js", js);
        assert!(out.len() < js.len());
        let out = String::from_utf8_lossy(&out);
        assert!(out.contains("window.CBS"), "{out}");
        assert!(
            !out.contains("longName") && !out.contains("comment"),
            "{out}"
        );
        // A site's own theme may call its top-level functions from its templates.
        let js = b"function showMore(button) {\n  var hiddenItems = button.dataset.items;\n  return hiddenItems;\n}\n";
        let out = minified("site.js", js);
        let out = String::from_utf8_lossy(&out);
        assert!(
            out.contains("function showMore(") && !out.contains("hiddenItems"),
            "{out}"
        );
        let css = b"body {\n  color: #ff0000;\n}\n";
        assert_eq!(&*minified("a.css", css), b"body{color:red}");
        let svg = b"<svg>  </svg>";
        assert_eq!(&*minified("a.svg", svg), svg);
    }

    #[test]
    fn a_file_that_does_not_parse_is_served_as_written() {
        let js = b"function (  {\n";
        assert_eq!(&*minified("broken.js", js), js);
        let css = b"body { color: red; }}}} @media {";
        assert_eq!(&*minified("broken.css", css), css);
    }
}
