//! Case-insensitive patterns, run as case-sensitive ones over a lower-cased
//! copy of the text.
//!
//! Takes a text and gives a [`Haystack`]: the text with its capitals lowered
//! in place (`A`–`Z`, `À`–`Þ`), so every byte offset still points at the
//! same character of the original. A [`Caseless`] pattern is written in
//! lower case and searched in that copy without `(?i)`: the regex engine
//! then finds its literal words with a fast literal search, where the
//! `(?i)` pattern had to run its automaton over every byte (a half-year or
//! labelled-amount pattern goes from ~200 MB/s to several GB/s). Matches
//! are the ones `(?i)` gives on the original text: the three characters
//! whose case pair is written with a different number of bytes (`ſ`, the
//! Kelvin sign `K`, the Ångström sign `Å`) cannot be lowered in place, so a
//! text holding one is searched with the `(?i)` pattern instead.
//!
//! ```
//! use referat::caseless::{Caseless, Haystack};
//! let re = Caseless::new(r"(\d)\.\s*halvår");
//! let hay = Haystack::new("Start i 2. HALVÅR af 2024");
//! let m = re.find_iter(&hay).next().unwrap();
//! assert_eq!(&hay.text()[m.range()], "2. HALVÅR");
//! ```

use regex::{CaptureMatches, Matches, Regex};
use std::sync::OnceLock;

/// A text with a lower-cased copy to search.
#[derive(Debug, Clone)]
pub struct Haystack<'a> {
    text: &'a str,
    /// `None` when the text holds a character that cannot be lowered in place.
    lower: Option<String>,
}

impl<'a> Haystack<'a> {
    /// Lowers `text`'s capitals in a copy (one pass over its bytes).
    pub fn new(text: &'a str) -> Haystack<'a> {
        Haystack {
            text,
            lower: lower_in_place(text),
        }
    }

    /// The original text.
    pub fn text(&self) -> &'a str {
        self.text
    }
}

/// `text` with `A`–`Z` and `À`–`Þ` (but `×`) lowered, byte for byte; `None`
/// when it holds `ſ`, `K` (U+212A) or `Å` (U+212B), which `(?i)` folds to
/// a letter of another length.
fn lower_in_place(text: &str) -> Option<String> {
    let mut bytes = text.as_bytes().to_vec();
    bytes.make_ascii_lowercase();
    let original = text.as_bytes();
    for at in memchr::memchr3_iter(0xC3, 0xC5, 0xE2, original) {
        match (original[at], original.get(at + 1), original.get(at + 2)) {
            (0xC3, Some(&b), _) if (0x80..=0x9E).contains(&b) && b != 0x97 => {
                bytes[at + 1] = b + 0x20;
            }
            (0xC5, Some(0xBF), _) | (0xE2, Some(0x84), Some(0xAA | 0xAB)) => return None,
            _ => {}
        }
    }
    // Only ASCII letters and two-byte Latin-1 letters changed, each for a
    // letter of the same length and the same UTF-8 lead byte.
    Some(String::from_utf8(bytes).expect("lowering in place keeps UTF-8"))
}

/// A pattern written in lower case that matches as `(?i)` would.
#[derive(Debug)]
pub struct Caseless {
    source: String,
    lower: Regex,
    any_case: OnceLock<Regex>,
}

/// Unicode classes whose meaning `(?i)` changes.
const CASED_CLASSES: [&str; 6] = [
    r"\p{Lu}", r"\p{Ll}", r"\p{Lt}", r"\P{Lu}", r"\P{Ll}", r"\P{Lt}",
];

impl Caseless {
    /// Compiles `pattern`.
    ///
    /// # Panics
    /// When the pattern is invalid, or holds a capital letter or a class
    /// that depends on case (`\p{Lu}`) outside an escape: both would match
    /// differently under `(?i)`. The patterns are constants, so a test that
    /// builds them catches this.
    pub fn new(pattern: &str) -> Caseless {
        assert!(
            !has_capital(pattern) && !CASED_CLASSES.iter().any(|c| pattern.contains(c)),
            "a caseless pattern is written in lower case: {pattern}"
        );
        Caseless {
            source: pattern.to_string(),
            lower: Regex::new(pattern).unwrap_or_else(|e| panic!("{pattern}: {e}")),
            any_case: OnceLock::new(),
        }
    }

    /// The regex to run and the text to run it over.
    fn on<'h>(&self, hay: &'h Haystack) -> (&Regex, &'h str) {
        match &hay.lower {
            Some(lower) => (&self.lower, lower),
            None => (
                self.any_case.get_or_init(|| {
                    Regex::new(&format!("(?i){}", self.source)).expect("compiled once already")
                }),
                hay.text,
            ),
        }
    }

    /// Whether the pattern matches anywhere.
    pub fn is_match(&self, hay: &Haystack) -> bool {
        let (re, text) = self.on(hay);
        re.is_match(text)
    }

    /// The matches, as [`Regex::find_iter`]; offsets are the original text's.
    pub fn find_iter<'r, 'h>(&'r self, hay: &'h Haystack) -> Matches<'r, 'h> {
        let (re, text) = self.on(hay);
        re.find_iter(text)
    }

    /// The captures, as [`Regex::captures_iter`]. Their offsets are the
    /// original text's; their text is lower-cased (take it from
    /// [`Haystack::text`] where case matters).
    pub fn captures_iter<'r, 'h>(&'r self, hay: &'h Haystack) -> CaptureMatches<'r, 'h> {
        let (re, text) = self.on(hay);
        re.captures_iter(text)
    }
}

/// Whether `pattern` has a capital letter that is not part of an escape
/// (`\S`, `\D`, `\p{L}`, `\u{A0}`) or of a group name's `(?P<`.
fn has_capital(pattern: &str) -> bool {
    let pattern = pattern.replace("(?P<", "(?<");
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some('p' | 'P' | 'u' | 'x') = chars.next() {
                let rest = chars.as_str();
                if let Some(body) = rest.strip_prefix('{') {
                    let close = body.find('}').map_or(rest.len(), |i| i + 2);
                    chars = rest[close..].chars();
                }
            }
        } else if c.is_uppercase() {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowering_keeps_every_offset() {
        let text = "ÆBLE, Øre og ÅEN: 2. HALVÅR × É";
        let lower = lower_in_place(text).unwrap();
        assert_eq!(lower, "æble, øre og åen: 2. halvår × é");
        assert_eq!(lower.len(), text.len());
        for (a, b) in text.char_indices().zip(lower.char_indices()) {
            assert_eq!(a.0, b.0);
        }
    }

    #[test]
    fn odd_length_case_pairs_fall_back_to_the_any_case_pattern() {
        for text in ["Faſt", "5 \u{212A}R", "\u{212B}rhus"] {
            assert_eq!(lower_in_place(text), None, "{text}");
        }
        let re = Caseless::new("kr");
        let hay = Haystack::new("5 \u{212A}R og 6 KR");
        let found: Vec<_> = re.find_iter(&hay).map(|m| m.start()).collect();
        assert_eq!(found, [2, 12]);
    }

    #[test]
    fn matches_are_those_of_the_any_case_pattern() {
        let patterns = [
            r"(\d)\.\s*halvår",
            r"(?:primo|medio|ultimo)\s+(\d{4})",
            r"(?:[^\p{L}\d]|^)(kr\.|dkk)\s?\d+",
            r"(?-u:\b)q[1-4]\s+\d{4}",
            r"lørdag|søndag|[a-zæøå]+ssag",
        ];
        let texts = [
            "1. HALVÅR, 2.halvår og 2. Halvår",
            "PRIMO 2024, Medio 2025 og ultimo\n2026",
            "KR. 100, Dkk 5, xkr. 7 og DKK 12",
            "Q1 2024, q2 2025, XQ3 2026",
            "LØRDAG, Søndag, DAGSORDENSSAG, Æblessag",
        ];
        for (p, t) in patterns.iter().zip(texts) {
            let any = Regex::new(&format!("(?i){p}")).unwrap();
            let want: Vec<_> = any.find_iter(t).map(|m| m.range()).collect();
            let got: Vec<_> = Caseless::new(p)
                .find_iter(&Haystack::new(t))
                .map(|m| m.range())
                .collect();
            assert!(!want.is_empty(), "{p}");
            assert_eq!(got, want, "{p} on {t}");
        }
    }

    #[test]
    fn capitals_outside_escapes_are_refused() {
        assert!(!has_capital(r"\S+\s\D\p{L}\u{A0}(?P<n>kr)"));
        assert!(has_capital(r"\S+Q"));
        assert!(has_capital(r"\p{L}Æ"));
        assert!(std::panic::catch_unwind(|| Caseless::new(r"\p{Lu}x")).is_err());
    }
}
