//! Money amounts in Danish text: `1.035.458 kr.`, `1,5 mio. kr.`, `kr. 82.400,-`.
//!
//! Takes normalized text and gives every money amount in it with its value
//! in kroner and its byte range. Precision first: a number is money only when
//! a currency word stands beside it (`kr.`, `kroner`, `DKK`), it has the
//! `,-` ending of Danish accounts, or a money label introduces it
//! (`Prisoverslag: 1.797.666`). Postcodes, phone numbers, case numbers,
//! counts, percentages and years never carry those marks and are left alone.
//! Numbers in tables are handled by [`table_amounts`].
//!
//! ```
//! use referat::amounts::amounts;
//! let found = amounts("Der er afsat 257 mio. kr. årligt og ca. 3,7 mio. kr. i alt.");
//! assert_eq!(found[0].value, 257_000_000.0);
//! assert_eq!(found[0].per.as_deref(), Some("år"));
//! assert!(found[1].approximate);
//! assert_eq!(found[1].value, 3_700_000.0);
//! ```

use crate::caseless::{CapturesIfAny, Caseless, Haystack};
use crate::span::{self, RangeSet};
use regex::{Captures, Regex};
use std::ops::Range;
use std::sync::LazyLock;

/// A money amount found in text.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundAmount {
    /// Value in DKK (the upper bound of a range).
    pub value: f64,
    /// Byte range of the expression in the searched text.
    pub range: Range<usize>,
    /// `ca.`, `cirka`, `omkring`, `prisoverslag`.
    pub approximate: bool,
    /// The unit the amount is per (`år`, `måned`, `time`, `borger`, ...).
    pub per: Option<String>,
    /// Lower and upper bound of a range (`1-2000 kr`).
    pub range_bounds: Option<(f64, f64)>,
}

impl FoundAmount {
    /// An exact amount with no unit and no range.
    fn new(value: f64, range: Range<usize>) -> FoundAmount {
        FoundAmount {
            value,
            range,
            approximate: false,
            per: None,
            range_bounds: None,
        }
    }
}

/// Keeps an amount found at `range`, which no earlier amount overlaps.
fn keep(out: &mut Vec<FoundAmount>, taken: &mut RangeSet, found: FoundAmount) {
    taken.insert(found.range.clone());
    out.push(found);
}

/// A number as written in Danish: `1.035.458`, `14.122,05`, `941,47`, `1.5` (before `mio`).
///
/// In ASCII digits: numbers are parsed with `str::parse`, which reads no
/// others (a match in another script's digits was always dropped), and
/// `[0-9]` lets the regex engine search for the literals around the
/// number (`kr`, `,`), where the many byte sequences of Unicode `\d` left it
/// running its automaton over every byte: the suffixed amounts pattern
/// 359 → 718 MB/s, the accounting one 476 → 2,176 MB/s (captures, 50 MB
/// corpus, lower-cased).
const NUM: &str =
    r"[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]{1,2})?|[0-9]+(?:,[0-9]+)?|[0-9]+\.[0-9]{1,2}";
/// A number with a half (`1½`, `½`), read only before a scale word
/// (`1½ mio. kr.`).
const HALF: &str = r"[0-9]*½";
const SCALE: &str =
    r"mio\.?|millioner|million|mill\.?|mia\.?|milliarder|milliard|mrd\.?|t\.|tusinde?|tkr\.?";

static SUFFIXED: LazyLock<Caseless> = LazyLock::new(|| {
    Caseless::new(&format!(
        r"(?P<num>{HALF}|{NUM})(?:\s*[-–]\s*(?P<num2>{NUM}))?(?:\s*(?P<scale>{SCALE}))?(?P<dash>,-)?\s*(?P<cur>kr\.?|kroner|dkk|tkr\.?)(?:[^\p{{L}}\d]|$)"
    ))
});
/// The currency before the number: `kr. 82.400,-`, `DKK 1,5 mio.`. Its
/// matches are found from the currency words ([`prefixed`]) with two
/// anchored forms of the pattern; a test holds them to the whole one.
#[cfg(test)]
static PREFIXED: LazyLock<Caseless> =
    LazyLock::new(|| Caseless::new(&format!(r"(?:^|[^\p{{L}}]){}", *PREFIXED_REST)));
/// [`PREFIXED`] from its currency word on.
static PREFIXED_REST: LazyLock<String> = LazyLock::new(|| {
    format!(
        r"(?P<cur>t\.\s?kr\.|tkr\.?|kr\.|dkk)[ \u{{a0}}]?(?P<num>{HALF}|{NUM})(?:\s*(?P<scale>{SCALE}))?(?P<dash>,-)?"
    )
});
static CURRENCY_WORD: LazyLock<Caseless> =
    LazyLock::new(|| Caseless::new(r"t\.\s?kr\.|tkr\.?|kr\.|dkk"));
static PREFIXED_AT_START: LazyLock<Caseless> =
    LazyLock::new(|| Caseless::new(&format!("^{}", *PREFIXED_REST)));
static PREFIXED_AFTER_CHAR: LazyLock<Caseless> =
    LazyLock::new(|| Caseless::new(&format!(r"^[^\p{{L}}]{}", *PREFIXED_REST)));

/// [`PREFIXED`]'s matches in the order `captures_iter` gives them, each
/// with its offset (its captures' offsets are relative to it). A match is
/// a currency word and the character before it, not a letter (or the
/// text's start): so each currency word is tried, with the character
/// before it, by a pattern anchored there, which ends where the match
/// does. The whole pattern, opening with a class of all non-letters, has
/// no literal to search for, and its automaton ran over every byte at
/// ~500 MB/s.
fn prefixed<'h>(hay: &'h Haystack) -> Vec<(usize, Captures<'h>)> {
    let text = hay.text();
    let mut out = Vec::new();
    // The end of the last match (no match starts before it), and where the
    // search for the next currency word starts (they may overlap).
    let (mut at, mut next) = (0, 0);
    while let Some(q) = CURRENCY_WORD.find_at(hay, next).map(|m| m.start()) {
        next = q + text[q..].chars().next().map_or(1, char::len_utf8);
        let (start, re) = match text[..q].chars().next_back() {
            None => (0, &PREFIXED_AT_START),
            Some(c) => (q - c.len_utf8(), &PREFIXED_AFTER_CHAR),
        };
        if start < at {
            continue;
        }
        if let Some(c) = re.captures_anchored(hay, start) {
            at = start + c.get(0).unwrap().end();
            next = at;
            out.push((start, c));
        }
    }
    out
}

/// The bytes a match of [`SUFFIXED`] may hold but as its last character,
/// in the lower-cased text: ASCII digits and white space, `.`, `,`, `-`,
/// the bytes of its scale words ([`SCALE`], the pattern's own signs with
/// them) and currency words, and every byte outside ASCII (`–`, and white
/// space such as U+00A0, that `\s` takes). A superset is as right: it
/// only makes longer the stretches searched.
const SUFFIX_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0x80;
    while b < 256 {
        table[b] = true;
        b += 1;
    }
    let lists: [&[u8]; 3] = [
        b"0123456789\t\n\x0B\x0C\r .,-",
        SCALE.as_bytes(),
        b"kr.kronerdkk",
    ];
    let mut l = 0;
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            table[lists[l][i] as usize] = true;
            i += 1;
        }
        l += 1;
    }
    table
};

/// Searchers for the currency words of [`SUFFIXED`], built once.
static CURRENCY_FINDERS: LazyLock<[memchr::memmem::Finder<'static>; 2]> = LazyLock::new(|| {
    [
        memchr::memmem::Finder::new(b"kr"),
        memchr::memmem::Finder::new(b"dkk"),
    ]
});

/// Where the currency words of [`SUFFIXED`] (`kr`, `dkk`) start in a
/// lower-cased text, in order.
fn currency_words(lower: &str) -> Vec<usize> {
    let bytes = lower.as_bytes();
    let [kr, dkk] = &*CURRENCY_FINDERS;
    let mut words: Vec<usize> = kr.find_iter(bytes).chain(dkk.find_iter(bytes)).collect();
    words.sort_unstable();
    words
}

/// [`SUFFIXED`]'s captures, as `captures_iter` gives them, given the
/// [`currency_words`] of the lower-cased text. Every match
/// holds a currency word (`kr`, `dkk`), and holds only [`SUFFIX_BYTES`]
/// but its last character: so each stretch of those bytes around a
/// currency word is searched, with the character after it, and the rest
/// of the text is not (the pattern opens with a digit, which its search
/// stopped at everywhere). No match crosses a byte outside the stretches,
/// so the searches find the matches the search of the whole text does,
/// in order; a text searched with `(?i)` (no lower-cased copy) is
/// searched whole.
fn suffixed_captures<'h>(hay: &'h Haystack, words: Option<&[usize]>) -> Vec<Captures<'h>> {
    let (Some(lower), Some(words)) = (hay.lowered(), words) else {
        return SUFFIXED.captures_iter(hay).collect();
    };
    let bytes = lower.as_bytes();
    let mut out = Vec::new();
    // The character after a stretch (an ASCII byte) may end a match.
    for r in stretches(
        bytes,
        words.iter().copied(),
        |b| SUFFIX_BYTES[usize::from(b)],
        1,
    ) {
        // A match opens with a number: a stretch without a digit (or the
        // last byte of `½`) holds a currency word only inside another word
        // (`krav`, `skriftlig`).
        if !bytes[r.clone()].iter().copied().any(number_byte) {
            continue;
        }
        let mut at = r.start;
        while let Some(c) = SUFFIXED.captures_before(hay, at, r.end) {
            at = c.get(0).expect("group 0").end();
            out.push(c);
        }
    }
    out
}

/// The stretches of `allowed` bytes around each of `anchors` (offsets in
/// order), each with `tail` bytes more, in order and apart: an anchor in a
/// stretch already given gives none. A pattern whose matches each hold an
/// anchor, and only `allowed` bytes but their last `tail`, and that looks
/// at nothing past its match, finds in the stretches (each cut at its
/// end) the matches it finds in the whole text.
fn stretches<'a>(
    bytes: &'a [u8],
    anchors: impl IntoIterator<Item = usize> + 'a,
    allowed: impl Fn(u8) -> bool + 'a,
    tail: usize,
) -> impl Iterator<Item = Range<usize>> + 'a {
    // Where the text is searched up to: no match starts before it.
    let mut done = 0;
    anchors.into_iter().filter_map(move |q| {
        if q < done {
            return None;
        }
        let mut start = q;
        while start > done && allowed(bytes[start - 1]) {
            start -= 1;
        }
        let mut end = q;
        while end < bytes.len() && allowed(bytes[end]) {
            end += 1;
        }
        done = (end + tail).min(bytes.len());
        Some(start..done)
    })
}

/// [`ACCOUNTING`]'s matches, as `find_iter` gives them. A match holds only
/// digits, `.` and `,`, and one comma with `.ddd` before it and two digits
/// after it: the stretches of those bytes around such a comma are
/// searched, and the rest of the text is not (the pattern opens with a
/// digit, which its search stopped at everywhere). No match crosses a
/// byte outside the stretches, and the pattern looks at nothing past its
/// match: the searches find the whole text's matches, in order.
fn accounting_matches(text: &str) -> Vec<regex::Match<'_>> {
    let bytes = text.as_bytes();
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let commas = memchr::memchr_iter(b',', bytes).filter(move |&c| {
        c >= 4
            && bytes[c - 4] == b'.'
            && digit(c - 3)
            && digit(c - 2)
            && digit(c - 1)
            && digit(c + 1)
            && digit(c + 2)
    });
    let number_byte = |b: u8| b.is_ascii_digit() || b == b'.' || b == b',';
    let mut out = Vec::new();
    for r in stretches(bytes, commas, number_byte, 0) {
        let mut at = r.start;
        while let Some(m) = ACCOUNTING.find_at(&text[..r.end], at) {
            at = m.end();
            out.push(m);
        }
    }
    out
}

/// [`SUFFIXED`]'s groups by index: [`regex::Captures::name`] hashes the
/// name on every call (see [`Caseless::group_index`]; a test holds them).
mod suffixed {
    pub const NUM: usize = 1;
    pub const NUM2: usize = 2;
    pub const SCALE: usize = 3;
    pub const CUR: usize = 5;
}
static DASHED: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!(r"(?:{NUM}),-")).unwrap());
static LABELLED: LazyLock<Caseless> = LazyLock::new(|| {
    Caseless::new(
        r"(?:prisoverslag|beløb|budget|totalbudget|udgift|pris|tilskud|bevilling)\s*(?:\(\d\))?\s*:\s*(?:i alt\s+)?(?:ca\.\s*)?(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?)",
    )
});
static ACCOUNTING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9]{1,3}(?:\.[0-9]{3})+,[0-9]{2}").unwrap());
/// A sentence's end: `. `, `! ` or `? ` before a capital letter (not the
/// dot of `pr. år`). [`sentence_ends`] finds its matches without running
/// it; the tests hold the two to each other.
#[cfg(test)]
static SENTENCE_END: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[.!?]\s+\p{Lu}").unwrap());
/// `\p{Lu}` on one character, for capitals outside ASCII and `ÆØÅ`.
static UPPERCASE_LETTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\A\p{Lu}").unwrap());

/// The matches of `[.!?]\s+\p{Lu}` in `s`, as (the mark's offset, the
/// capital's offset), in either order of offsets. The matches cannot
/// overlap (white space and a capital are no marks), so each mark followed
/// by white space and a capital is one: found with `memchr3` and checked
/// by hand, many times cheaper than the pattern on the few dozen bytes
/// around each amount. `\s` is Unicode's `White_Space`, which is what
/// `char::is_whitespace` tests.
fn sentence_ends(s: &str) -> impl DoubleEndedIterator<Item = (usize, usize)> + '_ {
    memchr::memchr3_iter(b'.', b'!', b'?', s.as_bytes()).filter_map(move |p| {
        let rest = &s[p + 1..];
        let ws = rest
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(rest.len());
        let capital = rest[ws..].chars().next()?;
        let upper = match capital {
            'A'..='Z' | 'Æ' | 'Ø' | 'Å' => true,
            c if c.is_ascii() => false,
            _ => UPPERCASE_LETTER.is_match(&rest[ws..]),
        };
        (ws > 0 && upper).then_some((p, p + 1 + ws))
    })
}
static APPROX_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?-u:\b)ca\.|(?-u:\b)cirka|(?-u:\b)omkring|(?-u:\b)prisoverslag(?-u:\b)[^.\n]{0,40}|(?-u:\b)skønnet|(?-u:\b)estimeret|(?-u:\b)anslået)\s*(?:kr\.\s*)?$").unwrap()
});
static PER_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:(?:pr\.|per|om|i|/)\s*(?:påbegyndt\s+|påbegyndte\s+)?(?P<unit>(?:året|år|måneden|måned|timen|time|dagen|dag|ugen|uge|borger|indbygger|deltager|person|patient|kvartal|halvår|hold|forløb|elev|barn)(?-u:\b)|md(?:\.|(?-u:\b)))|(?P<adv>årligt|månedligt|ugentligt|dagligt))").unwrap()
});

/// Reads a Danish number. `1.5` (a point before one or two digits) is a
/// decimal only when a scale follows; otherwise it is not read, and nor is
/// a half (`1½`, `½`).
pub fn parse_number(s: &str, scaled: bool) -> Option<f64> {
    let s = s.trim();
    let (neg, s) = match s.strip_prefix(['-', '−']) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, s),
    };
    if let Some(whole) = s.strip_suffix('½') {
        if !scaled || !whole.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let v = whole.parse::<f64>().unwrap_or(0.0) + 0.5;
        return Some(if neg { -v } else { v });
    }
    let grouped = s
        .split(',')
        .next()?
        .split('.')
        .skip(1)
        .all(|g| g.len() == 3);
    let v: f64 = if s.contains('.') && !grouped {
        if !scaled || s.contains(',') {
            return None;
        }
        s.parse().ok()?
    } else {
        // Group dots dropped and the decimal comma a point, in one copy.
        let mut t = String::with_capacity(s.len() + 1);
        for c in s.chars() {
            match c {
                '.' => {}
                ',' => t.push('.'),
                c => t.push(c),
            }
        }
        if t.starts_with('.') {
            t.insert(0, '0');
        }
        t.parse().ok()?
    };
    Some(if neg { -v } else { v })
}

fn scale_factor(scale: Option<&str>) -> f64 {
    let Some(s) = scale else { return 1.0 };
    let s = s.to_lowercase();
    if s.starts_with("mia") || s.starts_with("milliard") || s.starts_with("mrd") {
        1e9
    } else if s.starts_with("mio") || s.starts_with("mill") {
        1e6
    } else {
        1e3
    }
}

/// The number words read before a scale word (`tre mio. kr.`, `en halv
/// million kroner`), with their values; the longer of two that end alike
/// first (`en halv` before `en`, ...).
const NUMBER_WORDS: [(&str, f64); 22] = [
    ("en halv", 0.5),
    ("et halvt", 0.5),
    ("halvanden", 1.5),
    ("halvtreds", 50.0),
    ("hundrede", 100.0),
    ("elleve", 11.0),
    ("femten", 15.0),
    ("tredive", 30.0),
    ("fyrre", 40.0),
    ("tyve", 20.0),
    ("tolv", 12.0),
    ("seks", 6.0),
    ("otte", 8.0),
    ("fire", 4.0),
    ("fem", 5.0),
    ("syv", 7.0),
    ("tre", 3.0),
    ("to", 2.0),
    ("ti", 10.0),
    ("ni", 9.0),
    ("en", 1.0),
    ("et", 1.0),
];

/// A scale word and a currency after it, from the scale word on: the rest
/// of an amount written with a number word ([`worded`]).
static WORDED_REST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:mio\.?|millioner|million|mill\.?|mia\.?|milliarder|milliard|mrd\.?)\s*(?P<cur>kr\.?|kroner|dkk)(?:[^\p{L}\d]|$)",
    )
    .unwrap()
});

/// Amounts of millions and billions written with a number word: `tre mio.
/// kr.`, `en halv million kroner`, `to mia. kr.` (a currency after the
/// scale word: `to millioner borgere` is no money), added to `out` where
/// nothing is `taken`. The scale words are looked for right before the
/// `currency` words when they are found already ([`currency_words`]), else
/// at every `m`; the word before one is looked up in [`NUMBER_WORDS`], and
/// only then the rest matched.
fn worded(
    text: &str,
    currency: Option<&[usize]>,
    out: &mut Vec<FoundAmount>,
    taken: &mut RangeSet,
) {
    let bytes = text.as_bytes();
    // The scale words: each before a currency word (its white space
    // between), in a text whose [`currency_words`] are found; else every
    // `m` and `M` is tried.
    let starts: Vec<usize> = match currency {
        Some(words) => words
            .iter()
            .filter_map(|&w| scale_word_before(text, w))
            .collect(),
        None => memchr::memchr2_iter(b'm', b'M', bytes).collect(),
    };
    for q in starts {
        if !opens_scale_word(bytes, q) {
            continue;
        }
        let head = text[..q].trim_end();
        let Some((word_start, value)) = number_word_before(head) else {
            continue;
        };
        let Some(c) = WORDED_REST.captures_if_any(&text[q..]) else {
            continue;
        };
        let cur = c.name("cur").unwrap();
        let range = word_start..q + cur.end();
        if taken.overlaps(&range) {
            continue;
        }
        let scale = text[q..q + cur.start()].trim_end();
        keep(
            out,
            taken,
            FoundAmount::new(value * scale_factor(Some(scale)), range),
        );
    }
}

/// Where the word right before byte `w` (white space between them) starts
/// when it may be a scale word: it opens with `m` or `M` and is no longer
/// than `milliarder`.
fn scale_word_before(text: &str, w: usize) -> Option<usize> {
    let before = text.get(..w)?.trim_end();
    // `mio.kr.`: glued after the scale word's full stop.
    if before.len() == w && !before.ends_with('.') {
        return None;
    }
    let start = before.rfind(|c: char| c.is_whitespace())? + 1;
    let first = before.as_bytes().get(start)?;
    (matches!(first, b'm' | b'M') && before.len() - start <= "milliarder".len()).then_some(start)
}

/// Whether the `m` at `q` follows white space and opens `mio`, `mia`,
/// `mill` or `mrd` (any case): a scale word of [`WORDED_REST`] may start
/// there.
fn opens_scale_word(bytes: &[u8], q: usize) -> bool {
    let lower = |k: usize| bytes.get(q + k).map(u8::to_ascii_lowercase);
    q > 0
        && bytes[q - 1].is_ascii_whitespace()
        && match (lower(1), lower(2)) {
            (Some(b'i'), Some(b'o' | b'a')) | (Some(b'r'), Some(b'd')) => true,
            (Some(b'i'), Some(b'l')) => lower(3) == Some(b'l'),
            _ => false,
        }
}

/// The number word that ends `head` as a word of its own (`fem-seks` is
/// none), where it starts and its value ([`NUMBER_WORDS`]).
fn number_word_before(head: &str) -> Option<(usize, f64)> {
    NUMBER_WORDS.iter().find_map(|&(w, v)| {
        let start = head.len().checked_sub(w.len())?;
        let word = head.get(start..)?;
        let alone = head[..start].is_empty() || head[..start].ends_with(char::is_whitespace);
        (alone && word.eq_ignore_ascii_case(w)).then_some((start, v))
    })
}

/// The factor of a currency word: 1,000 for thousands of kroner (`tkr.`,
/// `t.kr.`), else 1.
fn thousands_of(currency: &str) -> f64 {
    if currency.starts_with(['t', 'T']) {
        1e3
    } else {
        1.0
    }
}

fn per_unit(unit: &str) -> String {
    let u = unit.to_lowercase();
    match u.as_str() {
        "året" | "år" | "årligt" => "år",
        "måneden" | "måned" | "md." | "md" | "månedligt" => "måned",
        "timen" | "time" => "time",
        "dagen" | "dag" | "dagligt" => "dag",
        "ugen" | "uge" | "ugentligt" => "uge",
        other => return other.to_string(),
    }
    .to_string()
}

/// Whether the byte before `at` continues a number or word (so a match
/// starting at `at` would cut a token in two).
fn glued_before(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '.' || c == ',' || c == '-' || c == '/')
        && !text[..at].ends_with(". ")
}

/// Where the minus sign before a number at `at` starts: `-` or `−` right
/// before it, at the text's start or after white space, `(`, `:` or `=`
/// (not the dash of a range, `1-2000`, nor a word's hyphen).
fn minus_before(text: &str, at: usize) -> Option<usize> {
    let before = &text[..at];
    let sign = before.strip_suffix(['-', '−'])?;
    sign.chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | ':' | '='))
        .then_some(sign.len())
}

/// Is `num` written like a year (four digits, 1900–2099, no separators)?
fn year_like(num: &str) -> bool {
    num.len() == 4
        && (num.starts_with("19") || num.starts_with("20"))
        && num.bytes().all(|b| b.is_ascii_digit())
}

/// All money amounts in `text`, in order, without overlaps.
pub fn amounts(text: &str) -> Vec<FoundAmount> {
    // No lower-cased copy for a text that can hold no amount (see
    // [`amounts_in`]): most table cells.
    if !has_number(text) {
        return worded_only(text);
    }
    found_in(&Haystack::new(text))
}

/// The amounts of a text without an ASCII digit: those written with a
/// number word ([`worded`]).
fn worded_only(text: &str) -> Vec<FoundAmount> {
    let mut out = Vec::new();
    worded(text, None, &mut out, &mut RangeSet::default());
    finish(text, out)
}

/// Whether `text` holds an ASCII digit or a half, one of which every
/// amount but a worded one holds.
fn has_number(text: &str) -> bool {
    text.bytes().any(number_byte)
}

/// An ASCII digit, or the last byte of `½` (`C2 BD`): a byte a number of
/// the patterns holds.
fn number_byte(b: u8) -> bool {
    b.is_ascii_digit() || b == 0xBD
}

/// [`amounts`] of a text whose lower-cased copy is made already.
pub fn amounts_in(hay: &Haystack) -> Vec<FoundAmount> {
    // Every amount but those written with a number word holds an ASCII
    // digit or a half: the numbers of all patterns but [`LABELLED`] are ASCII, and
    // its `\d` in another script is not parsed. Most table cells, which
    // are searched one by one, hold none.
    if !has_number(hay.text()) {
        return worded_only(hay.text());
    }
    found_in(hay)
}

/// [`amounts_in`]'s patterns, run over the text.
fn found_in(hay: &Haystack) -> Vec<FoundAmount> {
    let text = hay.text();
    let mut out: Vec<FoundAmount> = Vec::new();
    let mut taken = RangeSet::default();

    // `kr. 82.400,-`: the currency before the number. Found first, so that
    // in `2020 kr. 82.400,-` the year is not read as 2020 kroner.
    for (at, c) in prefixed(hay) {
        let cur = at + c.name("cur").unwrap().start();
        let num = c.name("num").unwrap();
        let scale = c.name("scale").map(|m| m.as_str());
        let end = at + c.name("dash").or(c.name("scale")).unwrap_or(num).end();
        if text[end..].starts_with(|ch: char| ch.is_ascii_digit()) {
            continue;
        }
        // `34.400 kr. 31.138`: the currency ends the number before it,
        // unless that number is a year (`2020 kr. 82.400,-`).
        let before = span::before(text, cur, 40).trim_end_matches([' ', '\u{a0}']);
        let prev_token = before
            .rsplit(|ch: char| ch.is_whitespace())
            .next()
            .unwrap_or("");
        if !prev_token.is_empty()
            && prev_token
                .chars()
                .all(|ch| ch.is_ascii_digit() || ch == '.' || ch == ',' || ch == '-')
            && prev_token.chars().any(|ch| ch.is_ascii_digit())
            && !year_like(prev_token)
        {
            continue;
        }
        let Some(v) = parse_number(num.as_str(), scale.is_some()) else {
            continue;
        };
        let range = cur..end;
        // `t.kr. 1.250`, `tkr. 350`: thousands of kroner.
        let thousands = thousands_of(c.name("cur").unwrap().as_str());
        keep(
            &mut out,
            &mut taken,
            FoundAmount::new(v * scale_factor(scale) * thousands, range),
        );
    }
    let words = hay.lowered().map(currency_words);
    for c in suffixed_captures(hay, words.as_deref()) {
        let num = c.get(suffixed::NUM).unwrap();
        let cur = c.get(suffixed::CUR).unwrap();
        // `et mindreforbrug på -1,3 mio. kr.`: a minus sign of its own (a
        // range is read as before: no sign).
        let minus = minus_before(text, num.start()).filter(|_| c.get(suffixed::NUM2).is_none());
        if minus.is_none() && glued_before(text, num.start()) {
            continue;
        }
        let scale = c.get(suffixed::SCALE).map(|m| m.as_str());
        let range = minus.unwrap_or(num.start())..cur.end();
        if taken.overlaps(&range) {
            // `2020 kr. 82.400,-`: the currency belongs to the number after it.
            continue;
        }
        if year_like(num.as_str()) && scale.is_none() && c.get(suffixed::NUM2).is_none() {
            let after = &text[cur.end()..];
            if after
                .trim_start()
                .starts_with(|ch: char| ch.is_ascii_digit())
            {
                continue;
            }
        }
        let Some(high_raw) = parse_number(
            c.get(suffixed::NUM2).unwrap_or(num).as_str(),
            scale.is_some(),
        ) else {
            continue;
        };
        let sign = if minus.is_some() { -1.0 } else { 1.0 };
        let factor = sign * scale_factor(scale) * thousands_of(cur.as_str());
        let mut found = FoundAmount::new(high_raw * factor, range);
        if c.get(suffixed::NUM2).is_some() {
            let Some(low) = parse_number(num.as_str(), scale.is_some()) else {
                continue;
            };
            if low >= high_raw {
                continue;
            }
            found.range_bounds = Some((low * factor, high_raw * factor));
        }
        keep(&mut out, &mut taken, found);
    }
    // The number is the match less its `,-`: found without the captures'
    // engine.
    for m in DASHED.find_iter(text) {
        let range = m.range();
        if glued_before(text, range.start) || taken.overlaps(&range) {
            continue;
        }
        let Some(v) = parse_number(&m.as_str()[..m.len() - 2], false) else {
            continue;
        };
        keep(&mut out, &mut taken, FoundAmount::new(v, range));
    }
    for c in LABELLED.captures_iter(hay) {
        let num = c.name("num").unwrap();
        let range = num.range();
        if taken.overlaps(&range) || text[range.end..].starts_with(|ch: char| ch.is_ascii_digit()) {
            continue;
        }
        let Some(v) = parse_number(num.as_str(), false) else {
            continue;
        };
        keep(&mut out, &mut taken, FoundAmount::new(v, range));
    }
    // `= 14.122,05` on a line that is about money: the Danish accounting
    // format (thousands points, two decimals) with no currency of its own.
    for m in accounting_matches(text) {
        let range = m.range();
        if glued_before(text, range.start)
            || taken.overlaps(&range)
            || text[range.end..].starts_with(|ch: char| ch.is_ascii_digit())
        {
            continue;
        }
        // The line around it, within a sentence's reach.
        let left = span::before(text, range.start, 200);
        let left = left.rfind('\n').map_or(left, |i| &left[i + 1..]);
        let right = span::after(text, range.end, 200);
        let right = right.find('\n').map_or(right, |i| &right[..i]);
        if !MONEY_LABEL.is_match(left) && !MONEY_LABEL.is_match(right) {
            continue;
        }
        let Some(v) = parse_number(m.as_str(), false) else {
            continue;
        };
        keep(&mut out, &mut taken, FoundAmount::new(v, range));
    }
    worded(text, words.as_deref(), &mut out, &mut taken);
    finish(text, out)
}

/// `out` in the text's order, each marked approximate (`ca.` before it)
/// and given the unit it is per (`pr. år` after it).
fn finish(text: &str, mut out: Vec<FoundAmount>) -> Vec<FoundAmount> {
    out.sort_by_key(|a| a.range.start);
    for a in &mut out {
        let left = span::before(text, a.range.start, 80);
        let left = left.rfind('\n').map_or(left, |i| &left[i + 1..]);
        a.approximate = APPROX_BEFORE.is_match(left);
        if let Some(c) = PER_AFTER.captures_if_any(span::after(text, a.range.end, 80)) {
            let unit = c.name("unit").or(c.name("adv")).unwrap().as_str();
            a.per = Some(per_unit(unit));
        }
    }
    out
}

/// The sentence around `range`, at most `max` bytes, cut on char boundaries.
pub fn context(text: &str, range: &Range<usize>, max: usize) -> String {
    // Only a window of the line matters: a sentence longer than that is cut.
    let left = span::before(text, range.start, max);
    let left_start = range.start - left.len();
    let line_start = left.rfind('\n').map_or(left_start, |i| left_start + i + 1);
    let right = span::after(text, range.end, max);
    let line_end = range.end + right.find('\n').unwrap_or(right.len());
    // Sentences end at `. ` before a capital letter (not at `pr. år`).
    let sent_start = sentence_ends(&text[line_start..range.start])
        .next_back()
        .map_or(line_start, |(_, capital)| line_start + capital);
    let sent_end = sentence_ends(&text[range.end..line_end])
        .next()
        .map_or(line_end, |(mark, _)| range.end + mark + 1);
    let (mut s, mut e) = (sent_start, sent_end);
    if e - s > max {
        // Trim the longer side, keeping the amount whole.
        let spare = max.saturating_sub(range.len());
        let (l, r) = (range.start - s, e - range.end);
        let keep_l = l.min(spare - r.min(spare / 2));
        let keep_r = r.min(spare - keep_l);
        s = range.start - keep_l;
        e = range.end + keep_r;
    }
    while !text.is_char_boundary(s) {
        s += 1;
    }
    while !text.is_char_boundary(e) {
        e -= 1;
    }
    text[s..e.max(s)].trim().to_string()
}

static MONEY_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)kr(?-u:\b)|(?-u:\b)kroner(?-u:\b)|(?-u:\b)dkk(?-u:\b)|beløb|budget|udgift|bevil|finansiering|omkostning|tilskud|midler(?-u:\b)|(?-u:\b)pris").unwrap()
});
static TABLE_SCALE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\(\s*(1\.000|1\.000\.000)\s*kr\.?\s*\)|(?-u:\b)(t\.\s*kr|tkr|mio\.\s*kr|mio\.)",
    )
    .unwrap()
});
static BARE_CELL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^-?\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?$|^-?\d{1,6}(?:,\d{1,2})?$").unwrap()
});

/// A table row: its cells (text and byte range in the document) and whether
/// it is the first row of its table.
#[derive(Debug, Clone)]
pub struct TableRow<'a> {
    /// The cells with their byte ranges in the document's normalized text.
    pub cells: Vec<(&'a str, Range<usize>)>,
}

/// Bare numbers in table cells that are money: the table's header, a
/// caption line above it or the row's label says kr./beløb/budget, or other
/// cells of the table are amounts. A caption such as `(1.000 kr.)`, `t. kr.`
/// or `mio. kr.` scales the cells. Rows are the table's rows in order;
/// `caption` is the line just above the table.
pub fn table_amounts(rows: &[TableRow], caption: &str) -> Vec<FoundAmount> {
    let header_text: String = rows
        .first()
        .map(|r| r.cells.iter().map(|c| c.0).collect::<Vec<_>>().join(" "))
        .unwrap_or_default();
    let scale_text = format!("{caption} {header_text}");
    let factor = match TABLE_SCALE.captures_if_any(&scale_text) {
        Some(c) => match c.get(1).map(|m| m.as_str()) {
            Some("1.000") => 1e3,
            Some(_) => 1e6,
            None => {
                let t = c.get(2).unwrap().as_str().to_lowercase();
                if t.starts_with("mio") { 1e6 } else { 1e3 }
            }
        },
        None => 1.0,
    };
    let table_is_money = MONEY_LABEL.is_match(&scale_text)
        || rows
            .iter()
            .any(|r| r.cells.first().is_some_and(|c| MONEY_LABEL.is_match(c.0)))
        || rows
            .iter()
            .flat_map(|r| &r.cells)
            .any(|c| !amounts(c.0).is_empty());
    let mut out = Vec::new();
    if !table_is_money {
        return out;
    }
    for row in rows {
        // A table of contents: `Title .....<tab>17` is a page number.
        if row
            .cells
            .iter()
            .any(|c| c.0.ends_with("...") || c.0.ends_with('…'))
        {
            continue;
        }
        for (k, (cell, range)) in row.cells.iter().enumerate() {
            let t = cell.trim();
            if k == 0 || !BARE_CELL.is_match(t) || year_like(t) {
                continue;
            }
            // Unscaled, an amount has at least three digits; `17` is a page or a count.
            if factor == 1.0 && t.chars().filter(char::is_ascii_digit).count() < 3 {
                continue;
            }
            if let Some(v) = parse_number(t, false) {
                out.push(FoundAmount::new(v * factor, range.clone()));
            }
        }
    }
    out
}

/// This stage's patterns and tables, each built on first use; built ahead
/// by [`crate::prepare`].
pub(crate) const PREPARE: &[fn()] = builders![
    SUFFIXED,
    PREFIXED_REST,
    CURRENCY_WORD,
    PREFIXED_AT_START,
    PREFIXED_AFTER_CHAR,
    CURRENCY_FINDERS,
    DASHED,
    LABELLED,
    ACCOUNTING,
    UPPERCASE_LETTER,
    APPROX_BEFORE,
    PER_AFTER,
    WORDED_REST,
    MONEY_LABEL,
    TABLE_SCALE,
    BARE_CELL,
];

#[cfg(test)]
mod tests {
    use super::*;

    /// A text without ASCII digits has no amount, whatever its words and
    /// other digits: the patterns find none there either.
    #[test]
    fn no_amount_without_ascii_digits() {
        let texts = [
            "Budget: ١٢٣.٤٥٦ kr.",
            "beløb: ١.٠٠٠.٠٠٠,٥٠ kroner",
            "kr. ١٢٣,- og DKK ٤٥٦ mio.",
            "Tilskud: ༡༢༣.༤༥༦,༧༨ dkk",
            "Pris: ١٢٣.٤٥٦,٧٨ = ١٢٣.٤٥٦,٧٨",
            "kr. og kroner, dkk og mio. uden tal",
            "",
        ];
        for t in texts {
            assert!(found_in(&Haystack::new(t)).is_empty(), "{t}");
            assert!(amounts(t).is_empty(), "{t}");
        }
        // The same with ASCII digits are amounts.
        for t in ["Budget: 123.456 kr.", "kr. 123,- og DKK 456 mio."] {
            assert!(!amounts(t).is_empty(), "{t}");
        }
    }

    /// A minus sign of its own makes the amount negative; before a range
    /// it is no sign (a range's bounds stay in order).
    #[test]
    fn minus_signs() {
        let values = |t: &str| amounts(t).iter().map(|a| a.value).collect::<Vec<_>>();
        assert_eq!(values("mindreforbrug på -1,3 mio. kr."), [-1_300_000.0]);
        assert_eq!(values("(−245.000 kr.)"), [-245_000.0]);
        assert_eq!(values("1-2000 kr"), [2000.0]);
        for a in amounts("Et beløb på -5-10 kr.") {
            assert!(a.value >= 0.0, "{a:?}");
            if let Some((low, high)) = a.range_bounds {
                assert!(low <= high, "{a:?}");
            }
        }
    }

    /// The group indices the amounts loop uses are the groups' names.
    #[test]
    fn group_indices_are_the_named_groups() {
        SUFFIXED.assert_group_indices(&[
            ("num", suffixed::NUM),
            ("num2", suffixed::NUM2),
            ("scale", suffixed::SCALE),
            ("cur", suffixed::CUR),
        ]);
    }

    /// `check` on each tricky text, then on every seed and devset document.
    fn each_tricky_or_document(tricky: &[&str], check: impl Fn(&str)) {
        let docs = crate::test_documents();
        for text in tricky
            .iter()
            .copied()
            .chain(docs.iter().map(String::as_str))
        {
            check(text);
        }
    }

    /// That the matches found around a literal (`both`'s first) are the
    /// whole text's (its second) on each tricky text and every seed and
    /// devset document; the whole text's matches in the tricky texts.
    fn assert_around_as_whole<T: PartialEq + std::fmt::Debug>(
        tricky: &[&str],
        both: impl Fn(&str) -> [Vec<T>; 2],
    ) -> usize {
        each_tricky_or_document(tricky, |text| {
            let [around, whole] = both(text);
            assert_eq!(around, whole, "{text:?}");
        });
        tricky.iter().map(|t| both(t)[1].len()).sum()
    }

    /// Every group of every match of [`prefixed`], at its offset in the text.
    fn prefixed_groups(text: &str) -> Vec<Vec<Option<std::ops::Range<usize>>>> {
        let hay = Haystack::new(text);
        prefixed(&hay)
            .into_iter()
            .map(|(at, c)| {
                c.iter()
                    .skip(1)
                    .map(|g| g.map(|g| at + g.start()..at + g.end()))
                    .collect()
            })
            .collect()
    }

    /// Every group of every match of the whole pattern, but the whole
    /// match (which [`prefixed`] starts at the character before the
    /// currency word in both cases).
    fn whole_groups(text: &str) -> Vec<Vec<Option<std::ops::Range<usize>>>> {
        PREFIXED
            .captures_iter(&Haystack::new(text))
            .map(|c| c.iter().skip(1).map(|g| g.map(|g| g.range())).collect())
            .collect()
    }

    /// Found from the currency words, the prefixed amounts are those the
    /// whole pattern finds: at the text's start, side by side, glued to
    /// letters, overlapping (`dkkr.`), after non-ASCII characters, in
    /// texts searched with the `(?i)` pattern, and in every seed and devset
    /// document.
    #[test]
    fn prefixed_as_by_the_whole_pattern() {
        let tricky = [
            "kr. 5",
            "Kr. 82.400,- og DKK 1,5 mio. samt kr.\u{a0}3 tkr.",
            "kr. 5kr. 6 kr. 7,-kr. 8 xkr. 9 (kr. 10) ækr. 11 ½kr. 12",
            "dkkr. 5 og ddkk 6 og dkk. 7 og 5 dkkdkk 8",
            "ſum: kr. 5 og \u{212a}r. 6 og DKK 7",
            "kr.",
            "dkk",
            "kr. mio.",
            "x",
            "",
            "\u{345}kr. 5 og \u{2160}kr. 6",
            "t.kr. 1.250 og T. KR. 3 og tkr. 980, tkr 5, atkr. 6 og at.kr. 7",
            "t.tkr. 8 og t.kr.kr. 9 og tkr.t.kr. 10",
        ];
        each_tricky_or_document(&tricky, |text| {
            assert_eq!(prefixed_groups(text), whole_groups(text), "{text:?}");
        });
        let n: usize = tricky.iter().map(|t| whole_groups(t).len()).sum();
        assert!(n >= 12, "{n}");
    }

    /// Every group of every match of [`suffixed_captures`], and of the
    /// pattern's search of the whole text.
    fn suffixed_groups(text: &str) -> [Vec<Vec<Option<std::ops::Range<usize>>>>; 2] {
        let hay = Haystack::new(text);
        let groups = |c: Captures| c.iter().map(|g| g.map(|g| g.range())).collect();
        [
            suffixed_captures(&hay, hay.lowered().map(currency_words).as_deref())
                .into_iter()
                .map(groups)
                .collect(),
            SUFFIXED.captures_iter(&hay).map(groups).collect(),
        ]
    }

    /// Searched around the currency words, the suffixed amounts are those
    /// the search of the whole text finds: side by side, with ranges and
    /// scales, glued to letters, with a currency word inside a word before
    /// it (`krav`), at the text's ends, after a character outside ASCII,
    /// in texts searched with the `(?i)` pattern, and in every seed and
    /// devset document.
    #[test]
    fn suffixed_as_by_the_whole_text() {
        let tricky = [
            "5 kr",
            "5 kr.",
            "1.000 kr. 2.000,- kr og 3 - 4 mio. kroner, 5 dkk; 6 tkr. kr 7 tusind kr",
            "krav 5 kr skriftlig 6dkk7 kr",
            "12 krone og 13 kroner14 kr15 kr.x 16 kr.",
            "5\u{a0}kr og 6 – 7 mio kr og 8\u{2009}kr",
            "ſum 5 kr og 6 \u{212a}r og 7 KR",
            "kr 5",
            "5",
            "",
            "mio. kr. 5 mio. kr.\n6\n\nkr",
        ];
        let n = assert_around_as_whole(&tricky, suffixed_groups);
        assert!(n >= 20, "{n}");
    }

    /// The accounting matches found around their commas, and the
    /// pattern's over the whole text.
    fn accounting_both(text: &str) -> [Vec<std::ops::Range<usize>>; 2] {
        [
            accounting_matches(text)
                .iter()
                .map(regex::Match::range)
                .collect(),
            ACCOUNTING.find_iter(text).map(|m| m.range()).collect(),
        ]
    }

    /// Searched around their commas, the accounting amounts are those the
    /// search of the whole text finds: side by side, in runs of digits and
    /// marks, at the text's ends, and in every seed and devset document.
    #[test]
    fn accounting_as_by_the_whole_text() {
        let tricky = [
            "14.122,05",
            "= 1.234.567,89 i alt",
            "1.000,00,2.000,00 og 12.345,678.901,23",
            "x1.234,56y 1234,56 1.23,45 .123,45 9.999,9",
            ",12 1.000,",
            "1.000,001.000,00",
            "",
        ];
        let n = assert_around_as_whole(&tricky, accounting_both);
        assert!(n >= 7, "{n}");
    }

    proptest::proptest! {
        /// Texts of digits, points, commas and what stops a stretch.
        #[test]
        fn accounting_as_by_the_whole_text_in_any_text(
            text in crate::texts_of(vec![
                "1", "12", "123", "1.000", ".", ",", ",05", " ", "x", "æ", "-",
            ])
        ) {
            let [around, whole] = accounting_both(&text);
            proptest::prop_assert_eq!(around, whole);
        }

        /// Texts of the pattern's own pieces and of what stops a stretch,
        /// in any order.
        #[test]
        fn suffixed_as_by_the_whole_text_in_any_text(
            text in crate::texts_of(vec![
                "kr", "Kr.", "kroner", "dkk", "DKK", "d", "k", "5", "1.000", ",5", ",-", " ",
                "\u{a0}", "\n", "mio.", "tkr", "t.", "-", "–", "x", "v", "æ", "ſ", "(", ".", ":",
            ])
        ) {
            let [around, whole] = suffixed_groups(&text);
            proptest::prop_assert_eq!(around, whole);
        }

        /// Texts of the pattern's own pieces, in any order.
        #[test]
        fn prefixed_as_by_the_whole_pattern_in_any_text(
            text in crate::texts_of(vec![
                "kr.", "Kr", "dkk", "DKK", "d", "k", "5", "1.000", ",5", ",-", " ", "\u{a0}",
                "\n", "mio.", "x", "æ", "ſ", "(", ".",
            ])
        ) {
            proptest::prop_assert_eq!(prefixed_groups(&text), whole_groups(&text));
        }

        /// Texts of marks, white space and letters of every case.
        #[test]
        fn sentence_ends_as_the_pattern_in_any_text(
            text in crate::texts_of(vec![
                ".", "!", "?", " ", "\t", "\u{a0}", "\u{3000}", "\n", "A", "a", "Æ", "æ",
                "ǅ", "Ⅷ", "Σ", "1", "-",
            ])
        ) {
            proptest::prop_assert_eq!(sentence_ends(&text).collect::<Vec<_>>(), ends_by_pattern(&text));
        }
    }

    /// `sentence_ends` as the pattern's matches: (the match's start, the
    /// start of its last character).
    fn ends_by_pattern(s: &str) -> Vec<(usize, usize)> {
        SENTENCE_END
            .find_iter(s)
            .map(|m| {
                (
                    m.start(),
                    m.end() - m.as_str().chars().last().unwrap().len_utf8(),
                )
            })
            .collect()
    }

    #[test]
    fn sentence_ends_are_the_patterns_matches() {
        let tricky = [
            "Det koster 5 kr. pr. år. Beløbet er bevilget! Og? Nej. ",
            "a. B",
            "a.B",
            "a.  \t B",
            "a.\u{a0}Æ",
            "a. ø",
            "a. Ø",
            "x! Å",
            "x? Ǆ",
            "x. ǅ",
            "x. Ⅷ",
            "x. Σ",
            "x.\u{2003}Ω",
            "x.\u{200b}A",
            ". . A",
            "...  B",
            "?",
            ". ",
            ".\n\nA",
            "slut. 1. Punkt",
            "x.\u{85}É",
        ];
        let docs = crate::test_documents();
        for s in tricky
            .iter()
            .copied()
            .chain(docs.iter().map(String::as_str))
        {
            assert_eq!(
                sentence_ends(s).collect::<Vec<_>>(),
                ends_by_pattern(s),
                "{s:?}"
            );
            let mut back: Vec<_> = sentence_ends(s).rev().collect();
            back.reverse();
            assert_eq!(back, ends_by_pattern(s), "{s:?}");
        }
        let n: usize = docs.iter().map(|d| ends_by_pattern(d).len()).sum();
        assert!(n > 100, "{n}");
    }

    fn values(text: &str) -> Vec<f64> {
        amounts(text).iter().map(|a| a.value).collect()
    }

    /// Numbers are read in ASCII digits only: another script's digits
    /// are not a number the record could hold (`str::parse` reads none).
    #[test]
    fn other_scripts_digits_are_no_amount() {
        assert!(amounts("\u{FF11}.\u{FF10}\u{FF10}\u{FF10} kr.").is_empty());
        assert!(amounts("\u{663}\u{660}\u{660} kroner og 1.000,00 kr.").len() == 1);
    }

    #[test]
    fn forms_of_the_genre() {
        for (text, want) in [
            ("1.035.458 kr.", 1_035_458.0),
            ("1.5 mio kr", 1_500_000.0),
            ("1,5 mio. kr.", 1_500_000.0),
            ("ca. 3,7 mio. kr.", 3_700_000.0),
            ("257 mio. kr. årligt", 257_000_000.0),
            ("ca. 89.500,-", 89_500.0),
            ("kr. 82.400,-", 82_400.0),
            ("75.318,- kr.", 75_318.0),
            ("941,47 kr.", 941.47),
            ("1.543 kr. pr. påbegyndt måned", 1543.0),
            ("op til 15.000 kr.", 15_000.0),
            ("10 mio. kr.", 10_000_000.0),
            ("2 mia. kr.", 2e9),
            ("500 t. kr.", 500_000.0),
            ("6000 kr.", 6000.0),
            ("300.000 kroner", 300_000.0),
            ("DKK 1.200", 1200.0),
            ("Prisoverslag: I alt 404.060 kr. ved 6 forløb.", 404_060.0),
            ("Prisoverslag: 1.797.666 ved 6 forløb.", 1_797_666.0),
        ] {
            assert_eq!(values(text), [want], "{text}");
        }
    }

    #[test]
    fn attributes() {
        let a = &amounts("1.543 kr. pr. påbegyndt måned")[0];
        assert_eq!(a.per.as_deref(), Some("måned"));
        let a = &amounts("ca. 89.500,-")[0];
        assert!(a.approximate);
        let a = &amounts("(1-2000 kr) i hver part")[0];
        assert_eq!(a.range_bounds, Some((1.0, 2000.0)));
        assert_eq!(a.value, 2000.0);
        let a = &amounts("Prisoverslag: 1.797.666 ved 6 forløb.")[0];
        assert!(a.approximate);
    }

    #[test]
    fn accounting_format_on_a_money_line() {
        assert_eq!(
            values("15 timer x 941,47 kr. = 14.122,05"),
            [941.47, 14122.05]
        );
        assert!(values("Andel: 1.234,56 af befolkningen").is_empty());
    }

    #[test]
    fn suffix_currency_in_a_table_row() {
        assert_eq!(
            values("Honorar\t34.400 kr.\t31.138 kr."),
            [34_400.0, 31_138.0]
        );
    }

    #[test]
    fn context_is_the_sentence() {
        let text =
            "Første sætning. Forløb med pumpe 1.543 kr. pr. påbegyndt måned (30 dage). Næste.";
        let a = &amounts(text)[0];
        assert_eq!(
            context(text, &a.range, 80),
            "Forløb med pumpe 1.543 kr. pr. påbegyndt måned (30 dage)."
        );
    }

    #[test]
    fn year_before_prefixed_amount() {
        assert_eq!(
            values("BUDGET FORDELT PA AR: 2020 kr. 82.400,- 2021 kr. 7.100,-"),
            [82_400.0, 7_100.0]
        );
    }

    #[test]
    fn never_money() {
        for text in [
            "5500 Middelfart",
            "tlf. 22751071",
            "Sagsnr. 710-2014-13731",
            "1 sårsygeplejerske pr. 15.000 borgere",
            "78,7 %",
            "12%",
            "i 2024",
            "kl. 13:30",
            "Punkt 12",
            "Ubuntu 24.04",
            "version 7.0.3",
        ] {
            assert!(amounts(text).is_empty(), "{text}: {:?}", amounts(text));
        }
    }

    #[test]
    fn numbers() {
        assert_eq!(parse_number("14.122,05", false), Some(14122.05));
        assert_eq!(parse_number("1.200.000", false), Some(1_200_000.0));
        assert_eq!(parse_number("1,1", false), Some(1.1));
        assert_eq!(parse_number(",77", false), Some(0.77));
        assert_eq!(parse_number("- 1.200.000", false), Some(-1_200_000.0));
        assert_eq!(parse_number("1.5", false), None);
        assert_eq!(parse_number("1.5", true), Some(1.5));
        assert_eq!(parse_number("1½", true), Some(1.5));
        assert_eq!(parse_number("½", true), Some(0.5));
        assert_eq!(parse_number("1½", false), None);
        assert_eq!(parse_number("1,5½", true), None);
    }

    #[test]
    fn tables_scaled_by_caption() {
        let cells = |v: &[&'static str]| TableRow {
            cells: v.iter().map(|c| (*c, 0..c.len())).collect(),
        };
        let rows = [cells(&["Aktivitet", "2024"]), cells(&["Drift", "3.549"])];
        let got = table_amounts(&rows, "Budget (1.000 kr.)");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].value, 3_549_000.0);
        // A table of contents is not money, even with a money word in a title.
        let rows = [cells(&[
            "Beslutningssag: Klyngemidler (kl. 14:55 – 15:00).....",
            "17",
        ])];
        assert!(table_amounts(&rows, "").is_empty());
        // A table of counts is not money.
        let rows = [cells(&["Kommune", "Borgere"]), cells(&["Randers", "312"])];
        assert!(table_amounts(&rows, "").is_empty());
        // Row labels that say money.
        let rows = [
            cells(&[
                "Samlet udgift til kompetenceudvikling i 2023-2025",
                "3.549.518",
            ]),
            cells(&["Tidligere bevilget (okt 2023)", "1.014.060"]),
        ];
        assert_eq!(
            table_amounts(&rows, "")
                .iter()
                .map(|a| a.value)
                .collect::<Vec<_>>(),
            [3_549_518.0, 1_014_060.0]
        );
    }
}
