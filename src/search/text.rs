//! Text as the index sees it: normalised (NFKC, lower case), cut into CJK characters and
//! words, words stemmed (Snowball); plain text taken from a body's HTML. The browser's
//! `search.js` must cut text exactly so.

use rustc_hash::FxHashMap;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Two adjacent CJK characters.
    Bigram,
    /// The last character of a CJK run (so one-character queries find it).
    Unigram,
    /// A stemmed word of letters or digits.
    Word,
}

/// The English Snowball stemmer with a memory: a library repeats its words, and stemming
/// costs more than looking a word up.
pub struct Stems {
    pub(super) stemmer: Stemmer,
    pub(super) cache: FxHashMap<Box<str>, Box<str>>,
}

impl Stems {
    /// A stemmer with an empty memory.
    pub fn new() -> Self {
        Stems {
            stemmer: Stemmer::create(Algorithm::English),
            cache: FxHashMap::default(),
        }
    }

    /// The stem of `word` (lower-case).
    pub fn stem(&mut self, word: &str) -> &str {
        if !self.cache.contains_key(word) {
            let stem: Box<str> = self.stemmer.stem(word).into();
            self.cache.insert(word.into(), stem);
        }
        self.cache.get(word).map_or("", |s| s)
    }
}

impl Default for Stems {
    fn default() -> Self {
        Self::new()
    }
}

/// Whether `c` is written without spaces between words (Chinese, Japanese, Korean).
pub fn is_cjk(c: char) -> bool {
    // Asked of every character indexed: Latin text and common ideographs are settled by one
    // comparison each before the rarer ranges.
    let c = c as u32;
    if c < 0x3040 {
        return false;
    }
    if (0x4E00..=0x9FFF).contains(&c) {
        return true;
    }
    matches!(c,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0xF900..=0xFAFF | 0xAC00..=0xD7AF | 0x20000..=0x2FFFF)
}

/// Whether a term is a CJK bigram (its postings carry position masks).
pub(super) fn is_bigram(term: &str) -> bool {
    let mut cs = term.chars();
    matches!((cs.next(), cs.next(), cs.next()), (Some(a), Some(b), None) if is_cjk(a) && is_cjk(b))
}

/// Folds full-width forms and compatibility characters (NFKC) and lower-cases.
pub fn normalize(text: &str) -> String {
    let mut out = String::new();
    normalize_into(text, &mut out);
    out
}

/// [`normalize`] into a buffer the caller reuses.
pub(super) fn normalize_into(text: &str, out: &mut String) {
    // Most text is ASCII, CJK ideographs and CJK or full-width punctuation, none of which
    // composes with its neighbours: those characters are folded one by one, which gives what
    // NFKC of the whole text gives, several times faster, and runs that need no folding are
    // copied whole. Anything else takes the full path.
    out.clear();
    out.reserve(text.len());
    let bytes = text.as_bytes();
    let mut copied = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            if b.is_ascii_uppercase() {
                out.push_str(&text[copied..i]);
                out.push(char::from(b.to_ascii_lowercase()));
                copied = i + 1;
            }
            i += 1;
            i += plain_ascii(&bytes[i..]);
            continue;
        }
        // U+4000–9FFF (ideographs and hexagram symbols, which NFKC leaves alone) are the
        // three-byte sequences that start E4–E9: skipped without decoding them.
        if (0xE4..=0xE9).contains(&b) {
            i += 3;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let len = c.len_utf8();
        let folded = match c as u32 {
            0xFF01..=0xFF5E => {
                Some(char::from_u32(c as u32 - 0xFEE0).map_or(c, |a| a.to_ascii_lowercase()))
            }
            0x2000..=0x206F | 0x3000..=0x303F => match punctuation(c) {
                Fold::Keep => None,
                Fold::One(f) => Some(*f),
                Fold::Many(f) => {
                    out.push_str(&text[copied..i]);
                    out.push_str(f);
                    copied = i + len;
                    None
                }
            },
            _ => {
                out.clear();
                out.extend(text.nfkc().flat_map(char::to_lowercase));
                return;
            }
        };
        if let Some(f) = folded {
            out.push_str(&text[copied..i]);
            out.push(f);
            copied = i + len;
        }
        i += len;
    }
    out.push_str(&text[copied..]);
}

/// The length of the run of lower-case ASCII (which normalizing leaves alone) that `bytes`
/// starts with, give or take the last few bytes: passed over eight bytes at a time.
pub(super) fn plain_ascii(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut n = 0;
    while let Some(chunk) = bytes
        .get(n..n + 8)
        .and_then(|c| <[u8; 8]>::try_from(c).ok())
    {
        let x = u64::from_le_bytes(chunk);
        // With every byte below 0x80 nothing carries from one byte into the next: adding
        // 0x3F sets a byte's high bit from 'A' up, adding 0x25 from past 'Z'.
        let upper = x.wrapping_add(0x3F * ONES) & !x.wrapping_add(0x25 * ONES);
        if (x | upper) & HIGH != 0 {
            break;
        }
        n += 8;
    }
    n
}

/// Whether `c` is a letter or digit ([`char::is_alphanumeric`]), settled without a table
/// lookup for the punctuation of Chinese text, which is neither.
pub(super) fn is_word_char(c: char) -> bool {
    match c as u32 {
        0x2000..=0x206F => false,
        0x3000..=0x3004 | 0x3008..=0x3020 | 0x302A..=0x3030 | 0x3036 | 0x3037 | 0x303D..=0x303F => {
            false
        }
        _ => c.is_alphanumeric(),
    }
}

/// What NFKC and lower-casing make of one character.
enum Fold {
    Keep,
    One(char),
    Many(Box<str>),
}

/// The fold of a general or CJK punctuation mark (U+2000–206F, U+3000–303F), looked up: Chinese
/// text has one every few characters, and normalizing one costs more than the rest of
/// indexing it.
fn punctuation(c: char) -> &'static Fold {
    static TABLE: std::sync::LazyLock<Vec<Fold>> = std::sync::LazyLock::new(|| {
        (0x2000..=0x206F)
            .chain(0x3000..=0x303F)
            .filter_map(char::from_u32)
            .map(|c| {
                let f: String = std::iter::once(c)
                    .nfkc()
                    .flat_map(char::to_lowercase)
                    .collect();
                let mut cs = f.chars();
                match (cs.next(), cs.next()) {
                    (Some(one), None) if one == c => Fold::Keep,
                    (Some(one), None) => Fold::One(one),
                    _ => Fold::Many(f.into()),
                }
            })
            .collect()
    });
    let i = match c as u32 {
        n @ 0x2000..=0x206F => n - 0x2000,
        n => n.wrapping_sub(0x3000) + 0x70,
    };
    TABLE.get(i as usize).unwrap_or(&Fold::Keep)
}

/// Longest word indexed, in bytes; longer runs are cut (they are URLs or noise).
pub(super) const MAX_WORD: usize = 40;

/// One token of normalized text, as [`scan`] finds it.
pub(super) enum Tok<'a> {
    /// Two adjacent CJK characters, and the position of the first.
    Bigram(char, char, u32),
    /// The last character of a CJK run, and its position.
    Unigram(char, u32),
    /// A word of letters or digits (cut at `MAX_WORD` bytes), not yet stemmed.
    Word(&'a str),
}

/// Calls `f` with every token of `text` (already normalized), positions counted in
/// characters.
pub(super) fn scan<'a>(text: &'a str, mut f: impl FnMut(Tok<'a>)) {
    let bytes = text.as_bytes();
    let mut word_start: Option<usize> = None;
    // The previous character, when it was CJK, and its position.
    let mut prev: Option<(char, u32)> = None;
    let word = |start: usize, end: usize| {
        let mut end = end.min(start + MAX_WORD);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        Tok::Word(&text[start..end])
    };
    let mut pos = 0u32;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if let Some((pc, pp)) = prev.take() {
                f(Tok::Unigram(pc, pp));
            }
            if b.is_ascii_alphanumeric() {
                // Most words are ASCII: their letters are passed over without decoding.
                let run = bytes[i..]
                    .iter()
                    .position(|b| !b.is_ascii_alphanumeric())
                    .unwrap_or(bytes.len() - i);
                word_start.get_or_insert(i);
                pos += run as u32;
                i += run;
                continue;
            }
            if let Some(s) = word_start.take() {
                f(word(s, i));
            }
            pos += 1;
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if is_cjk(c) {
            if let Some(s) = word_start.take() {
                f(word(s, i));
            }
            if let Some((pc, pp)) = prev {
                f(Tok::Bigram(pc, c, pp));
            }
            prev = Some((c, pos));
        } else {
            if let Some((pc, pp)) = prev.take() {
                f(Tok::Unigram(pc, pp));
            }
            if is_word_char(c) {
                word_start.get_or_insert(i);
            } else if let Some(s) = word_start.take() {
                f(word(s, i));
            }
        }
        pos += 1;
        i += c.len_utf8();
    }
    if let Some((pc, pp)) = prev {
        f(Tok::Unigram(pc, pp));
    }
    if let Some(s) = word_start {
        f(word(s, text.len()));
    }
}

/// Calls `f` with every token of `text` (already normalized): its kind, its term, its
/// position in characters, and for words the surface form. Stemming uses the English
/// Snowball stemmer for every word, on both sites: pinyin and English names appear in both.
pub fn tokens(text: &str, stems: &mut Stems, mut f: impl FnMut(TokenKind, &str, u32, &str)) {
    scan(text, |t| match t {
        Tok::Bigram(a, b, pos) => {
            let mut buf = [0u8; 8];
            let la = a.encode_utf8(&mut buf).len();
            let lb = b.encode_utf8(&mut buf[la..]).len();
            let term = std::str::from_utf8(&buf[..la + lb]).unwrap_or_default();
            f(TokenKind::Bigram, term, pos, "");
        }
        Tok::Unigram(c, pos) => f(TokenKind::Unigram, c.encode_utf8(&mut [0u8; 4]), pos, ""),
        Tok::Word(w) => f(TokenKind::Word, stems.stem(w), 0, w),
    });
}

/// The text of rendered HTML, for indexing: tags, comments and scripts left out, entities
/// decoded, a line break where a block ends.
pub(super) fn html_text(html: &str, out: &mut String) {
    out.clear();
    let mut rest = html;
    while let Some(i) = memchr::memchr2(b'<', b'&', rest.as_bytes()) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with('&') {
            let end = rest[..rest.len().min(12)].find(';');
            let decoded = end.and_then(|e| entity(&rest[1..e]));
            match (end, decoded) {
                (Some(e), Some(c)) => {
                    out.push(c);
                    rest = &rest[e + 1..];
                }
                _ => {
                    out.push('&');
                    rest = &rest[1..];
                }
            }
            continue;
        }
        let skip_to =
            |rest: &str, close: &str| rest.find(close).map_or(rest.len(), |e| e + close.len());
        let lower = |n: usize| rest.get(1..n.min(rest.len())).map(str::to_ascii_lowercase);
        let end = if rest.starts_with("<!--") {
            skip_to(rest, "-->")
        } else if lower(7).as_deref() == Some("script") {
            skip_to(rest, "</script>")
        } else if lower(6).as_deref() == Some("style") {
            skip_to(rest, "</style>")
        } else {
            let end = rest.find('>').map_or(rest.len(), |e| e + 1);
            // Inline elements join their text to the words around them; others end a line.
            let name: String = rest[1..end.max(1)]
                .trim_start_matches('/')
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_lowercase())
                .collect();
            if !INLINE.contains(&name.as_str()) {
                out.push('\n');
            }
            end
        };
        rest = &rest[end..];
    }
    out.push_str(rest);
}

/// Elements whose tags do not separate words.
pub(super) const INLINE: [&str; 16] = [
    "a", "abbr", "b", "code", "del", "em", "i", "kbd", "mark", "s", "small", "span", "strong",
    "sub", "sup", "u",
];

/// The character of an entity's name or number (`amp`, `#39`, `#x4e2d`).
pub(super) fn entity(name: &str) -> Option<char> {
    let num = |s: &str, radix| u32::from_str_radix(s, radix).ok().and_then(char::from_u32);
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        _ => match name.strip_prefix('#') {
            Some(hex) if hex.starts_with(['x', 'X']) => num(&hex[1..], 16),
            Some(dec) => num(dec, 10),
            None => None,
        },
    }
}
