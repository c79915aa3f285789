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
//! A pattern with no literal of its own (it opens with digits or a class)
//! can still be found fast from a literal inside every match: searched in
//! a window around each occurrence ([`Caseless::find_around`], and
//! [`Caseless::captures_of`] for the groups of the matches kept), or tried
//! anchored at each one ([`Caseless::captures_anchored`]).
//!
//! ```
//! use referat::caseless::{Caseless, Haystack};
//! let re = Caseless::new(r"(\d)\.\s*halvår");
//! let hay = Haystack::new("Start i 2. HALVÅR af 2024");
//! let m = re.find_iter(&hay).next().unwrap();
//! assert_eq!(&hay.text()[m.range()], "2. HALVÅR");
//! ```

use crate::span::is_space;
use regex::{CaptureMatches, Captures, Match, Matches, Regex, RegexSet, SetMatches};
use std::sync::OnceLock;

/// A text with a lower-cased copy to search.
#[derive(Debug, Clone)]
pub struct Haystack<'a> {
    text: &'a str,
    /// `None` when the text holds a character that cannot be lowered in place.
    lower: Option<String>,
    /// Where each of [`SEPARATORS`] stands after what may be a number, in
    /// order: found on first use by a [`Literal::AfterNumber`], then shared
    /// by every pattern that searches for them (a `OnceLock`: a haystack
    /// stays `Sync`).
    separators: OnceLock<Vec<usize>>,
}

impl<'a> Haystack<'a> {
    /// Lowers `text`'s capitals in a copy (one pass over its bytes).
    pub fn new(text: &'a str) -> Haystack<'a> {
        Haystack {
            text,
            lower: lower_in_place(text),
            separators: OnceLock::new(),
        }
    }

    /// The original text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The lower-cased copy, byte for byte the text's offsets; `None` when
    /// the text holds a character that cannot be lowered in place.
    pub fn lowered(&self) -> Option<&str> {
        self.lower.as_deref()
    }

    /// The offsets of [`SEPARATORS`] right after an ASCII digit or a byte
    /// outside ASCII, in order (one `memchr3` pass, made once).
    fn separators_after_numbers(&self) -> &[usize] {
        self.separators.get_or_init(|| {
            let bytes = self.text.as_bytes();
            let [a, b, c] = SEPARATORS;
            memchr::memchr3_iter(a, b, c, bytes)
                .filter(|&i| i > 0 && (bytes[i - 1].is_ascii_digit() || !bytes[i - 1].is_ascii()))
                .collect()
        })
    }
}

/// `text` with `A`–`Z` and `À`–`Þ` (but `×`) lowered, byte for byte; `None`
/// when it holds `ſ`, `K` (U+212A) or `Å` (U+212B), which `(?i)` folds to
/// a letter of another length.
fn lower_in_place(text: &str) -> Option<String> {
    let mut lower = text.to_owned();
    // ASCII lowered in place on the `String`: no UTF-8 check of the copy,
    // which cost as much as the lowering.
    lower.make_ascii_lowercase();
    let original = text.as_bytes();
    // Blocks of 64 byte pairs are tested at once for a pair that may need
    // work (`C3` before `80`–`9E`: a capital; `C5 BF`; `E2 84`), in a loop
    // the compiler turns into vector code, and only a block with one is
    // read byte by byte: a search for the lead bytes stopped at every
    // Danish letter and dash (`æ` is `C3 A6`, `–` is `E2 80 93`). A lead
    // byte at the text's end needs no work.
    let may_need = |(&x, &y): (&u8, &u8)| {
        (u8::from(x == 0xC3) & u8::from(y.wrapping_sub(0x80) <= 0x1E))
            | (u8::from(x == 0xC5) & u8::from(y == 0xBF))
            | (u8::from(x == 0xE2) & u8::from(y == 0x84))
    };
    let pairs = original.len().saturating_sub(1);
    let mut start = 0;
    while start < pairs {
        let end = (start + 64).min(pairs);
        let block = original[start..end].iter().zip(&original[start + 1..=end]);
        if block.map(may_need).fold(0, |any, hit| any | hit) == 0 {
            start = end;
            continue;
        }
        for at in start..end {
            match (original[at], original[at + 1], original.get(at + 2)) {
                (0xC3, b, _) if crate::span::is_latin1_capital(b) => {
                    // `À`–`Þ` (U+00C0–U+00DE) to `à`–`þ`, 32 code points
                    // on: the same two bytes' length, so the rest stays in
                    // place.
                    let small =
                        char::from_u32(u32::from(b) - 0x80 + 0xE0).expect("a Latin-1 letter");
                    lower.replace_range(at..at + 2, small.encode_utf8(&mut [0; 4]));
                }
                (0xC5, 0xBF, _) | (0xE2, 0x84, Some(0xAA | 0xAB)) => return None,
                _ => {}
            }
        }
        start = end;
    }
    Some(lower)
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
        assert_lower_case(pattern);
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

    /// The index of the group called `name`, for [`Captures::get`]:
    /// [`Captures::name`] hashes the name on every call, which the hottest
    /// loops look up as constants (a test holds each to its name).
    pub fn group_index(&self, name: &str) -> Option<usize> {
        self.lower.capture_names().position(|n| n == Some(name))
    }

    /// Asserts that each of `groups` (name, index) is this pattern's group
    /// of that name: for the loops that read groups by index.
    #[cfg(test)]
    pub(crate) fn assert_group_indices(&self, groups: &[(&str, usize)]) {
        for &(name, i) in groups {
            assert_eq!(self.group_index(name), Some(i), "{name} in {}", self.source);
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

    /// The first match at or after byte `at`, as [`Regex::find_at`].
    pub fn find_at<'h>(&self, hay: &'h Haystack, at: usize) -> Option<Match<'h>> {
        let (re, text) = self.on(hay);
        re.find_at(text, at)
    }

    /// The captures of the first match at or after byte `at` in the text
    /// cut at byte `end`, as [`Regex::captures_at`] gives them there.
    pub fn captures_before<'h>(
        &self,
        hay: &'h Haystack,
        at: usize,
        end: usize,
    ) -> Option<Captures<'h>> {
        let (re, text) = self.on(hay);
        re.captures_at(&text[..end], at)
    }

    /// The captures of a pattern anchored with `^`, matched at byte `at`:
    /// the pattern runs over the text from `at` on, so the offsets are
    /// relative to `at`. The search ends where the match can grow no more.
    pub fn captures_anchored<'h>(&self, hay: &'h Haystack, at: usize) -> Option<Captures<'h>> {
        let (re, text) = self.on(hay);
        re.captures_if_any(&text[at..])
    }

    /// The captures of `m`, a match this pattern found in `hay`
    /// ([`Caseless::find_iter`], [`Caseless::find_around`]), as
    /// [`Caseless::captures_iter`] gives them for it. They are searched
    /// for on the match's own span: a pattern that does not look past its
    /// end has the same best parse there as in the whole text, and the
    /// search is short. Where most matches are thrown away (a range
    /// already taken), finding first and capturing only the kept saves
    /// the captures' slower engine.
    pub fn captures_of<'h>(&self, hay: &'h Haystack, m: Match<'h>) -> Captures<'h> {
        let (re, text) = self.on(hay);
        re.captures_at(&text[..m.end()], m.start())
            .expect("a match of this pattern in this text")
    }

    /// The same captures as [`Caseless::captures_iter`], found from a
    /// literal that every match holds ([`Caseless::find_around`]).
    pub fn captures_around<'r, 'h>(
        &'r self,
        inner: &'r Inner,
        hay: &'h Haystack,
    ) -> impl Iterator<Item = Captures<'h>> + use<'r, 'h> {
        self.find_around(inner, hay)
            .map(move |m| self.captures_of(hay, m))
    }

    /// The same matches as [`Caseless::find_iter`], found from a literal
    /// that every match holds ([`Inner`]): the literal is searched for (a
    /// fast literal search), and the pattern only in a window around each
    /// occurrence. For a pattern with no literal of its own to search for,
    /// whose automaton would otherwise run over every byte, or one whose
    /// own literals are common (a digit).
    pub fn find_around<'r, 'h>(
        &'r self,
        inner: &'r Inner,
        hay: &'h Haystack,
    ) -> FindAround<'r, 'h> {
        FindAround {
            re: self,
            inner,
            hay,
            listed: None,
            at: 0,
            next: 0,
            done: false,
        }
    }

    /// [`Caseless::find_around`] with the occurrences of `inner`'s literal
    /// given, where they are: every one in the text searched for `hay`
    /// (overlapping ones too), in order, as the literal's search would find
    /// them; `None` searches for them. For patterns that share a literal:
    /// its occurrences are found once.
    pub fn find_around_listed<'r, 'h>(
        &'r self,
        inner: &'r Inner,
        hay: &'h Haystack,
        occurrences: Option<&'r [usize]>,
    ) -> FindAround<'r, 'h> {
        FindAround {
            listed: occurrences,
            ..self.find_around(inner, hay)
        }
    }
}

/// Panics unless `pattern` is written in lower case, without a class that
/// depends on case: both would match differently under `(?i)`.
fn assert_lower_case(pattern: &str) {
    assert!(
        !has_capital(pattern) && !CASED_CLASSES.iter().any(|c| pattern.contains(c)),
        "a caseless pattern is written in lower case: {pattern}"
    );
}

/// A set of patterns written in lower case that match as `(?i)` would:
/// [`RegexSet`] as [`Caseless`] is [`Regex`].
#[derive(Debug)]
pub struct CaselessSet {
    sources: Vec<String>,
    lower: RegexSet,
    any_case: OnceLock<RegexSet>,
}

impl CaselessSet {
    /// Compiles `patterns`.
    ///
    /// # Panics
    /// As [`Caseless::new`], for any of the patterns.
    pub fn new<S: AsRef<str>>(patterns: impl IntoIterator<Item = S>) -> CaselessSet {
        let sources: Vec<String> = patterns
            .into_iter()
            .map(|p| p.as_ref().to_string())
            .collect();
        for p in &sources {
            assert_lower_case(p);
        }
        CaselessSet {
            lower: RegexSet::new(&sources).unwrap_or_else(|e| panic!("{e}")),
            sources,
            any_case: OnceLock::new(),
        }
    }

    /// Which patterns match, as [`RegexSet::matches`].
    pub fn matches(&self, hay: &Haystack) -> SetMatches {
        match &hay.lower {
            Some(lower) => self.lower.matches(lower),
            None => self
                .any_case
                .get_or_init(|| {
                    RegexSet::new(self.sources.iter().map(|p| format!("(?i){p}")))
                        .expect("compiled once already")
                })
                .matches(hay.text),
        }
    }
}

/// [`Regex::captures`] that costs no allocation when the pattern does not
/// match.
///
/// `captures` allocates its groups' slots (and counts a reference to the
/// pattern's group names) for every search, matched or not, and most of
/// the pipeline's searches fail: a label pattern is tried on every line, a
/// unit after every amount. [`Regex::is_match`] allocates nothing, so it
/// is asked first; a search that matches runs twice, the second time with
/// the same result as `captures` alone.
pub trait CapturesIfAny {
    /// The captures of the leftmost match in `text`, as [`Regex::captures`].
    fn captures_if_any<'h>(&self, text: &'h str) -> Option<Captures<'h>>;
}

impl CapturesIfAny for Regex {
    fn captures_if_any<'h>(&self, text: &'h str) -> Option<Captures<'h>> {
        if self.is_match(text) {
            self.captures(text)
        } else {
            None
        }
    }
}

/// The captures of `full` in `text`, where `full` is `head` and then one
/// last group that takes the rest of the text on one line (`(.*)$`,
/// `(\S.*)$`), whose matches `rest_ok` tells: `head`'s captures and the
/// rest, or `full`'s and its last group.
///
/// A pattern's captures run a backtracking search over the whole match,
/// a long paragraph's when the rest is one, clearing a table of the
/// pattern's states by the match's bytes first. `head`'s captures are
/// `full`'s when the rest after them matches: `full` tries the choices
/// of `head` first, in the same order. Otherwise `full`'s own are taken.
pub fn captures_head_rest<'h>(
    full: &Regex,
    head: &Regex,
    text: &'h str,
    rest_ok: fn(&str) -> bool,
) -> Option<(Captures<'h>, &'h str)> {
    // Most texts are no match: telling so without captures is cheaper
    // than `head`'s captures (10 M instructions over the 12 MB corpus).
    if !full.is_match(text) {
        return None;
    }
    if let Some(c) = head.captures(text) {
        let rest = &text[c.get(0).expect("group 0").end()..];
        if rest_ok(rest) {
            return Some((c, rest));
        }
    }
    let c = full.captures(text)?;
    let rest = c.get(c.len() - 1).map_or("", |g| g.as_str());
    Some((c, rest))
}

/// A literal inside every match of a pattern, and how far a match reaches
/// around it: what [`Caseless::captures_around`] needs to find the
/// pattern's matches from the literal's.
///
/// The bounds count ASCII bytes other than white space, as a pattern with
/// `\s*` between its words has no bound in bytes. The pattern may not look
/// past its end (`\b` or `$` there): a window cuts the text after it. A
/// look behind (`\b` before `q1`) sees the text before the window, as the
/// search starts inside the whole text.
#[derive(Debug)]
pub struct Inner {
    /// The literal.
    pub literal: Literal,
    /// Whether the occurrence at a byte offset of the text can be a match's
    /// anchor. Every match must hold an admitted occurrence (its anchor),
    /// and no admitted occurrence may start inside a match before its
    /// anchor.
    pub admits: fn(&str, usize) -> bool,
    /// The most ASCII non-space bytes a match holds before its anchor.
    pub before: usize,
    /// The most ASCII non-space bytes a match holds from its anchor to its
    /// end.
    pub after: usize,
}

/// The bytes a [`Literal::AfterNumber`] may name: the dash, dot and slash
/// that separate the numbers of a date.
pub const SEPARATORS: [u8; 3] = [b'-', b'.', b'/'];

/// The literal of an [`Inner`].
#[derive(Debug)]
pub enum Literal {
    /// Words, as a caseless pattern (`jan|feb|mar`), which patterns that
    /// share the literal share.
    Words(&'static Caseless),
    /// Any of the given [`SEPARATORS`] (ASCII bytes that have no case)
    /// right after what may be a number: an ASCII digit, or a character
    /// outside ASCII (`char::is_numeric` holds for some). The separators of
    /// the numbers in dates, looked up in the list of every separator after
    /// a number that the haystack makes once (one `memchr3` pass) and
    /// shares among the patterns (no pattern search per occurrence); those
    /// after a letter or a space (a sentence's full stops, most dashes) are
    /// never offered to the pattern's `admits`. Only for patterns whose
    /// anchor follows a number.
    AfterNumber(&'static [u8]),
}

impl Literal {
    /// The start of the first occurrence at or after `at` in `text` (the
    /// text a pattern runs over for `hay`).
    fn find_at(&self, hay: &Haystack, text: &str, at: usize) -> Option<usize> {
        match self {
            Literal::Words(words) => words.on(hay).0.find_at(text, at).map(|m| m.start()),
            Literal::AfterNumber(set) => {
                debug_assert!(set.iter().all(|b| SEPARATORS.contains(b)), "{set:?}");
                // The lower-cased copy has the same bytes at these offsets.
                let bytes = text.as_bytes();
                let found = hay.separators_after_numbers();
                found[found.partition_point(|&i| i < at)..]
                    .iter()
                    .copied()
                    .find(|&i| set.contains(&bytes[i]))
            }
        }
    }
}

/// How far past an occurrence a window may reach before the search falls
/// back to the rest of the text (a long run of white space).
const MAX_REACH: usize = 512;

/// The iterator of [`Caseless::find_around`].
///
/// It keeps the `captures_iter` order of search: from the end of the last
/// match (`at`), the leftmost match is either one whose anchor is the next
/// admitted occurrence `q` (no admitted occurrence stands before a match's
/// anchor, so a match starting at or before `q` is anchored there; it
/// starts at most `before` non-space bytes before `q` and ends at most
/// `after` after it, so a search of that window finds it as the whole text
/// would), or one that starts after `q`, found from the next occurrence.
#[derive(Debug)]
pub struct FindAround<'r, 'h> {
    re: &'r Caseless,
    inner: &'r Inner,
    hay: &'h Haystack<'h>,
    /// The literal's occurrences, when they are given.
    listed: Option<&'r [usize]>,
    at: usize,
    /// Where the search for the next occurrence starts (occurrences may
    /// overlap: each is found).
    next: usize,
    done: bool,
}

impl<'h> Iterator for FindAround<'_, 'h> {
    type Item = Match<'h>;

    fn next(&mut self) -> Option<Match<'h>> {
        let (re, text) = self.re.on(self.hay);
        let bytes = text.as_bytes();
        while !self.done {
            let found = match self.listed {
                Some(list) => list[list.partition_point(|&q| q < self.next)..]
                    .first()
                    .copied(),
                None => self.inner.literal.find_at(self.hay, text, self.next),
            };
            let Some(q) = found else {
                self.done = true;
                break;
            };
            let past_q = q + text[q..].chars().next().map_or(1, char::len_utf8);
            self.next = past_q;
            if !(self.inner.admits)(text, q) {
                // A match may still start before it: `at` stays.
                continue;
            }
            let from = window_start(bytes, self.at, q, self.inner.before);
            let end = window_end(bytes, q, self.inner.after);
            match re.find_at(&text[..end], from) {
                Some(m) if end == text.len() || m.start() <= q => {
                    self.at = m.end();
                    self.next = self.at;
                    return Some(m);
                }
                None if end == text.len() => self.done = true,
                // No match starts at or before `q`.
                _ => self.at = past_q,
            }
        }
        None
    }
}

/// How many bytes before and after an occurrence a window takes at first:
/// enough for a pattern's reach in most texts (44 and 64 took the fewest
/// instructions over the 5 MB corpus of 40/56, 44/64, 48/80 and 64/96).
const BACK: usize = 44;
const AHEAD: usize = 64;

/// How many of `bytes` are printable ASCII (`!` to DEL): at most the count
/// of ASCII non-space bytes, as it leaves out control characters; a loop
/// the compiler vectorizes.
fn printable(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b > b' ' && b < 0x80).count()
}

/// Where a window for the occurrence at `q` starts: a char boundary not
/// before `at` such that no match can start before it, as the bytes from
/// there to `q` hold more than `most` ASCII non-space bytes.
fn window_start(bytes: &[u8], at: usize, q: usize, most: usize) -> usize {
    let mut lo = q.saturating_sub(BACK).max(at);
    while lo < q && (0x80..0xC0).contains(&bytes[lo]) {
        lo += 1;
    }
    if lo == at || printable(&bytes[lo..q]) > most {
        lo
    } else {
        reach_back(bytes, at, q, most)
    }
}

/// Where a window for the occurrence at `q` ends: a char boundary such that
/// the bytes from `q` to it hold more than `most` ASCII non-space bytes
/// (no match reaches past it), or the text's end.
fn window_end(bytes: &[u8], q: usize, most: usize) -> usize {
    let mut hi = (q + AHEAD).min(bytes.len());
    while hi > q && hi < bytes.len() && (0x80..0xC0).contains(&bytes[hi]) {
        hi -= 1;
    }
    if hi == bytes.len() || printable(&bytes[q..hi]) > most {
        hi
    } else {
        reach_forward(bytes, q, most)
    }
}

/// The earliest start, not before `at`, that leaves at most `most` ASCII
/// non-space bytes between it and `q`: a char boundary (`at`, or just
/// after an ASCII byte).
fn reach_back(bytes: &[u8], at: usize, q: usize, most: usize) -> usize {
    let mut count = 0;
    let mut i = q;
    while i > at {
        let b = bytes[i - 1];
        if b.is_ascii() && !is_space(b) {
            if count == most {
                break;
            }
            count += 1;
        }
        i -= 1;
    }
    i
}

/// The end of the window from `q` holding `most` ASCII non-space bytes (at
/// the next such byte, a char boundary), or the text's end when that is
/// nearer or more than [`MAX_REACH`] bytes away.
fn reach_forward(bytes: &[u8], q: usize, most: usize) -> usize {
    let mut count = 0;
    for (i, &b) in bytes.iter().enumerate().skip(q).take(MAX_REACH) {
        if b.is_ascii() && !is_space(b) {
            if count == most {
                return i;
            }
            count += 1;
        }
    }
    bytes.len()
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

    /// A haystack can be shared between threads.
    #[test]
    fn a_haystack_is_send_and_sync() {
        fn shared<T: Send + Sync>() {}
        shared::<Haystack>();
    }

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

    /// The same groups as `captures`, matched or not.
    #[test]
    fn captures_if_any_is_captures() {
        let re = Regex::new(r"(?P<d>\d+)\.?\s*(?P<m>marts|maj)?").unwrap();
        let groups = |c: Option<Captures>| {
            c.map(|c| c.iter().map(|g| g.map(|g| g.range())).collect::<Vec<_>>())
        };
        let mut matched = 0;
        for text in [
            "",
            "x",
            "5. marts",
            "den 12 maj og 3",
            "år 2024",
            "ingen tal",
        ] {
            let want = groups(re.captures(text));
            matched += usize::from(want.is_some());
            assert_eq!(groups(re.captures_if_any(text)), want, "{text:?}");
        }
        assert_eq!(matched, 3);
    }

    #[test]
    fn latin_1_capitals_are_lowered_as_rust_lowers_them() {
        let capitals: String = ('\u{c0}'..='\u{de}').chain('A'..='Z').collect();
        let text = format!("x{capitals}y");
        assert_eq!(lower_in_place(&text).unwrap(), text.to_lowercase());
    }

    /// Long texts too, where the pairs are tested in blocks: each kind of
    /// character at every offset around the blocks' edges, and next to
    /// another at the last offsets.
    #[test]
    fn lowered_as_char_by_char_at_every_offset() {
        let by_char = |text: &str| {
            if text.contains(['ſ', '\u{212A}', '\u{212B}']) {
                return None;
            }
            let lower = |c: char| match c {
                'A'..='Z' | '\u{c0}'..='\u{de}' if c != '×' => c.to_lowercase().next().unwrap(),
                c => c,
            };
            Some(text.chars().map(lower).collect::<String>())
        };
        let pieces = [
            "Æ", "Ø", "Å", "É", "×", "æ", "ø", "å", "–", "“", "™", "ſ", "\u{212A}", "\u{212B}", "Ÿ",
        ];
        for piece in pieces {
            for (before, after) in (0..140).flat_map(|b| [(b, 3), (b, 0)]) {
                let text = format!("{}{piece}{}", "a".repeat(before), "B".repeat(after));
                assert_eq!(lower_in_place(&text), by_char(&text), "{text:?}");
                let text = format!("{}É{piece}", "x".repeat(before));
                assert_eq!(lower_in_place(&text), by_char(&text), "{text:?}");
            }
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

    /// A caseless set says what the `(?i)` set says: the decision phrases
    /// on the seeds' and the devset's lines, and on texts that fall back.
    #[test]
    fn set_matches_are_those_of_the_any_case_set() {
        let phrases: Vec<&str> = crate::lexicon::outcome_patterns().collect();
        let set = CaselessSet::new(&phrases);
        let any = RegexSet::new(phrases.iter().map(|p| format!("(?i){p}"))).unwrap();
        let docs = crate::test_documents();
        let tricky = [
            "GODKENDT. Taget til efterretning",
            "Forslaget blev AFVIST af ſtyrelsen",
            "Udsat \u{212A}",
            "DRØFTEDE og \u{212B}",
        ];
        let mut matched = 0;
        for text in tricky
            .into_iter()
            .chain(docs.iter().flat_map(|d| d.lines()))
        {
            let got: Vec<usize> = set.matches(&Haystack::new(text)).into_iter().collect();
            let want: Vec<usize> = any.matches(text).into_iter().collect();
            assert_eq!(got, want, "{text:?}");
            matched += usize::from(!want.is_empty());
        }
        assert!(matched >= 20, "{matched}");
    }

    #[test]
    fn capitals_outside_escapes_are_refused() {
        assert!(!has_capital(r"\S+\s\D\p{L}\u{A0}(?P<n>kr)"));
        assert!(has_capital(r"\S+Q"));
        assert!(has_capital(r"\p{L}Æ"));
        assert!(std::panic::catch_unwind(|| Caseless::new(r"\p{Lu}x")).is_err());
    }
}
