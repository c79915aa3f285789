//! Dates, periods and year ranges in Danish text.
//!
//! Takes normalized text and a [`DateContext`] (the meeting date, a
//! reference date) and gives every calendar expression with its period:
//! days (`d. 01-03-2024`, `1.10.19`, `Fredag d. 01. marts 2024`, `mandag den
//! 22. april`), months (`april 2018`, `ultimo november 2023`), quarters
//! (`1. kvartal 2025`), halves (`2. halvår af 2024`), seasons (`efteråret
//! 2024`), years (`i 2024`, `primo 2024`) and year ranges (`2014-2017`,
//! `2023-25`). A day without a year takes the year that puts it nearest the
//! meeting (or the document's first full date, or the reference date), and
//! is marked `year_inferred`; a weekday written beside a date is checked.
//! Case numbers, version numbers, phone numbers and amounts are not dates.
//!
//! ```
//! use referat::dates::{dates, DateContext};
//! let found = dates("Tidsplanen: åbner i 2. halvår af 2024, deadline mandag den 22. april.", &DateContext { anchor: Some((2024, 3, 1)) });
//! assert_eq!((found[0].start.as_deref(), found[0].end.as_deref()), (Some("2024-07-01"), Some("2024-12-31")));
//! assert_eq!(found[1].value.as_deref(), Some("2024-04-22"));
//! assert!(found[1].year_inferred);
//! ```

use crate::caseless::{CapturesIfAny, Caseless, Haystack, Inner, Literal};
use crate::datetime::{days_in_month, full_year, valid};
use crate::lexicon;
use crate::record::IsoDate;
use crate::span::{self, RangeSet};
use regex::{Captures, Regex};
use std::ops::Range;
use std::sync::LazyLock;

/// What a document's undated days are resolved against.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateContext {
    /// The meeting date, else the document's first full date, else a reference date.
    pub anchor: Option<(i32, u32, u32)>,
}

/// A date or period found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDateRef {
    /// Byte range of the expression in the searched text.
    pub range: Range<usize>,
    /// ISO date when the precision is `day`.
    pub value: Option<IsoDate>,
    /// First day (`None` when the year could not be inferred).
    pub start: Option<IsoDate>,
    /// Last day (`None` when the year could not be inferred).
    pub end: Option<IsoDate>,
    /// `day`, `month`, `quarter`, `half`, `season`, `year`, `years`.
    pub precision: &'static str,
    /// The year was not written.
    pub year_inferred: bool,
    /// A problem a reader should know about (weekday mismatch, no year).
    pub warning: Option<String>,
}

const WEEKDAYS: [&str; 7] = [
    "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
];

fn weekday_index(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_lowercase();
    if n.len() < 3 {
        return None;
    }
    WEEKDAYS
        .iter()
        .position(|w| w.starts_with(&n))
        .map(|i| i as u32)
}

/// Monday = 0 (Sakamoto's method).
pub fn weekday(y: i32, m: u32, d: u32) -> u32 {
    const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if m < 3 { y - 1 } else { y };
    let sunday0 = (y + y / 4 - y / 100 + y / 400 + T[m as usize - 1] + d as i32).rem_euclid(7);
    ((sunday0 + 6) % 7) as u32
}

/// The ISO day of a date [`valid`] holds for (years 1900–2100).
fn iso(y: i32, m: u32, d: u32) -> IsoDate {
    IsoDate::new(y, m, d).expect("a valid date")
}

/// Days since 0000-03-01, for comparing dates.
fn day_number(y: i32, m: u32, d: u32) -> i64 {
    let (y, m) = if m <= 2 {
        (y as i64 - 1, m as i64 + 12)
    } else {
        (y as i64, m as i64)
    };
    365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + d as i64
}

/// Weekday names and abbreviations, longest of each first.
const WEEKDAY_WORDS: [&str; 16] = [
    "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag", "man", "tirs", "tir",
    "ons", "tors", "tor", "fre", "lør", "søn",
];
static WD: LazyLock<String> = LazyLock::new(|| format!("(?:{})", WEEKDAY_WORDS.join("|")));

/// Days written as words: `den første marts`, `tredje marts 2015`.
const DAY_WORDS: [&str; 31] = [
    "første",
    "anden",
    "tredje",
    "fjerde",
    "femte",
    "sjette",
    "syvende",
    "ottende",
    "niende",
    "tiende",
    "ellevte",
    "tolvte",
    "trettende",
    "fjortende",
    "femtende",
    "sekstende",
    "syttende",
    "attende",
    "nittende",
    "tyvende",
    "enogtyvende",
    "toogtyvende",
    "treogtyvende",
    "fireogtyvende",
    "femogtyvende",
    "seksogtyvende",
    "syvogtyvende",
    "otteogtyvende",
    "niogtyvende",
    "tredivte",
    "enogtredivte",
];

static NAMED_DAY: LazyLock<Caseless> = LazyLock::new(|| {
    let months = lexicon::month_alternation();
    let words = DAY_WORDS.join("|");
    let wd = &*WD;
    Caseless::new(&format!(
        r"(?:(?P<wd>{wd})\.?,?\s+)?(?:(?:den\s+|d\.\s*))?(?:(?P<d0>\d{{1,2}})\.?\s*(?:(?P<m0>{months})\.?\s*(?:(?P<y0>\d{{4}})\s*)?)?(?:-|–|til)\s*(?:d\.\s*|den\s+)?)?(?:(?P<d>\d{{1,2}})\.?\s*|(?P<dw>{words})\s+)(?P<m>{months})\.?(?:,?\s+(?P<y>\d{{4}}))?"
    ))
});
/// Whether `text` ends with `word` (in lower case) as `(?i)` matches it:
/// each character lower-cased, and `ſ` (U+017F) as `s`, the one letter of
/// the day words' case pairs that lower-casing leaves (the Kelvin and
/// Ångström signs lower to `k` and `å`). For texts searched without a
/// lower-cased copy ([`Haystack::lowered`]).
fn ends_with_caseless(text: &str, word: &str) -> bool {
    let fold = |c: char| match c {
        'ſ' => 's',
        c if c.is_ascii() => c.to_ascii_lowercase(),
        c => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            }
        }
    };
    let mut chars = text.chars().rev();
    word.chars()
        .rev()
        .all(|w| chars.next().is_some_and(|c| fold(c) == w))
}

/// The most ASCII bytes in one of `words`.
fn longest_ascii<'w>(words: impl Iterator<Item = &'w str>) -> usize {
    words
        .map(|w| w.bytes().filter(u8::is_ascii).count())
        .max()
        .unwrap_or(0)
}

/// [`NAMED_DAY`]'s matches are found from the month names in them
/// ([`Caseless::captures_around`]): the pattern has no literal of its own,
/// and its automaton ran over every byte at ~300 MB/s.
///
/// The literal is every month name's first three letters. A match's first
/// month (`m0`, else `m`) follows its day: digits, perhaps a dot, and
/// perhaps white space, or a day word and white space; and no word before
/// it in the match (weekday, `den`, `d.`, `til`, day word) starts with a
/// month's three letters (a test checks), so an occurrence after anything
/// else is not admitted (`i marts`, `et marked`: over half of those after
/// white space, each a search of its window). Before the first
/// month a match holds at most: a weekday, `.,`, `den`, a day and a dot,
/// `til`, `den`, and a day and a dot or a day word; from it on: a month, a
/// dot, a year, `til`, `den`, a day or day word, a month, `.,` and a year.
static NAMED_DAY_INNER: LazyLock<Inner> = LazyLock::new(|| {
    let month = longest_ascii(lexicon::month_names());
    let day = longest_ascii(DAY_WORDS.iter().copied()).max(3);
    let weekday = longest_ascii(WEEKDAY_WORDS.iter().copied());
    Inner {
        literal: Literal::Words(&MONTH_PREFIXES),
        admits: |text, q| {
            let before = &text[..q];
            let spaced = before.trim_end_matches(char::is_whitespace);
            let day = spaced.strip_suffix('.').unwrap_or(spaced);
            // `is_numeric` holds for every `\d` (and more).
            day.ends_with(char::is_numeric)
                || (spaced.len() < before.len()
                    && DAY_WORDS.iter().any(|w| ends_with_caseless(spaced, w)))
        },
        before: weekday + 2 + 3 + 3 + 3 + 3 + day,
        after: month + 1 + 4 + 3 + 3 + day + month + 2 + 4,
    }
});
/// The words that may stand before a month and its year (`primo marts
/// 2025`), in the order [`MONTH_YEAR`] tries them.
const MONTH_YEAR_PRE: [&str; 10] = [
    "primo",
    "medio",
    "ultimo",
    "starten af",
    "start",
    "slutningen af",
    "udgangen af",
    "slut",
    "begyndelsen af",
    "midten af",
];
/// [`word_then_year`] for a part of a year's word, which may be two
/// (`midten af 2024`): the `af` between the word and its year too.
fn part_then_year(text: &str, q: usize) -> bool {
    let rest = text[q..].trim_start_matches(char::is_alphabetic);
    let spaced = rest.trim_start_matches(char::is_whitespace);
    let after_af = spaced
        .get(..2)
        .filter(|w| w.eq_ignore_ascii_case("af") && spaced.len() < rest.len())
        .map(|_| &spaced[2..]);
    word_then_year(text, q)
        || after_af.is_some_and(|a| {
            let year = a.trim_start_matches(char::is_whitespace);
            year.len() < a.len() && year.starts_with(char::is_numeric)
        })
}

static MONTH_YEAR: LazyLock<Caseless> = LazyLock::new(|| {
    Caseless::new(&format!(
        r"(?:(?P<pre>{})\s+)?(?:(?P<m0>{months})\.?(?:\s*[-–]\s*|\s+til\s+))?(?P<m>{months})\.?\s+(?P<y>\d{{4}})",
        MONTH_YEAR_PRE.join("|"),
        months = lexicon::month_alternation()
    ))
});
/// [`MONTH_YEAR`]'s matches are found from their month, the first three
/// letters of which are a month's ([`month_starts`]): after the month's
/// letters, perhaps a dot, white space and a number. No word before the
/// month in a match ([`MONTH_YEAR_PRE`]) holds a month's first three
/// letters (a test checks), and the first month of a span (`januar-marts
/// 2024`) is followed by a dash or `til`, not a year. Before the month a
/// match holds at most one of those words and a month, a dot and `til`;
/// from it on, a month, a dot and a year.
static MONTH_YEAR_INNER: LazyLock<Inner> = LazyLock::new(|| Inner {
    literal: Literal::Words(&MONTH_PREFIXES),
    admits: word_then_year,
    before: longest_ascii(MONTH_YEAR_PRE.into_iter())
        + longest_ascii(lexicon::month_names())
        + 1
        + "til".len(),
    after: longest_ascii(lexicon::month_names()) + 1 + 4,
});

/// Whether the word at byte `q` of `text` is followed by perhaps a dot,
/// white space and a number: a month's or a season's year (`marts 2024`,
/// `sept. 2025`, `foråret 2026`).
fn word_then_year(text: &str, q: usize) -> bool {
    // `is_alphabetic`: in a text searched with `(?i)`, `ſ` is an `s`.
    let rest = text[q..].trim_start_matches(char::is_alphabetic);
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    let year = rest.trim_start_matches(char::is_whitespace);
    // `is_numeric` holds for every `\d` (and more).
    year.len() < rest.len() && year.starts_with(char::is_numeric)
}

/// The first three letters of every month name and abbreviation (`jan`,
/// `sep`), sorted: every one of them starts with one.
fn month_prefixes() -> Vec<String> {
    let mut prefixes: Vec<String> = lexicon::month_names()
        .map(|m| m.chars().take(3).collect())
        .collect();
    prefixes.sort();
    prefixes.dedup();
    prefixes
}

/// [`month_prefixes`] as one pattern.
static MONTH_PREFIXES: LazyLock<Caseless> =
    LazyLock::new(|| Caseless::new(&month_prefixes().join("|")));

/// Where [`MONTH_PREFIXES`] occur in `hay`'s lower-cased copy, overlapping
/// ones too (`nov` in `junov`), in order: found once, for every pattern
/// found from its months. `None` for a text searched with `(?i)` (no
/// copy), whose patterns search for their months themselves.
fn month_starts(hay: &Haystack) -> Option<Vec<usize>> {
    let bytes = hay.lowered()?.as_bytes();
    let prefix_at = |i: usize| {
        bytes
            .get(i..i + 3)
            .is_some_and(|w| MONTH_PREFIX_BYTES.iter().any(|p| w == p.as_slice()))
    };
    let mut out = Vec::new();
    for m in MONTH_PREFIXES.find_iter(hay) {
        out.push(m.start());
        // The search goes on after the match: those inside it by hand.
        out.extend((m.start() + 1..m.end()).filter(|&i| prefix_at(i)));
    }
    Some(out)
}

/// [`month_prefixes`] as bytes, for [`month_starts`]'s look inside a match.
static MONTH_PREFIX_BYTES: LazyLock<Vec<[u8; 3]>> = LazyLock::new(|| {
    month_prefixes()
        .iter()
        .map(|p| p.as_bytes().try_into().expect("three ASCII letters"))
        .collect()
});
static NUMERIC: LazyLock<Caseless> = LazyLock::new(|| {
    let wd = &*WD;
    Caseless::new(&format!(
        r"(?:(?P<wd>{wd})\.?,?\s+)?(?:(?:den|d\.)\s+)?(?P<d>\d{{1,2}})(?P<s1>[-./])(?P<m>\d{{1,2}})(?P<s2>[-./])(?P<y>\d{{4}}|\d{{2}})"
    ))
});
/// [`NUMERIC`]'s matches are found from their first separator: a dash,
/// dot or slash after a digit, followed by one or two digits, a second
/// separator and a digit (Unicode's numbers, a superset of `\d`). The
/// thousands points of an amount (`1.234.567`) have three digits after
/// them, so most of the 780,000 separators of the 50 MB corpus are not
/// searched around. Before it a match holds at most a weekday, `.,`, `den`
/// and two digits; from it on, two separators, two digits and a year.
static NUMERIC_INNER: LazyLock<Inner> = LazyLock::new(|| {
    let weekday = longest_ascii(WEEKDAY_WORDS.iter().copied());
    Inner {
        literal: Literal::AfterNumber(b"-./"),
        admits: |text, q| {
            // The month, then the second separator and a digit.
            numeric_before(text, q)
                && past_one_or_two_digits(&text[q + 1..]).is_some_and(|rest| {
                    let mut rest = rest.chars();
                    matches!(rest.next(), Some('-' | '.' | '/'))
                        && rest.next().is_some_and(char::is_numeric)
                })
        },
        before: weekday + 2 + 3 + 2,
        after: 1 + 2 + 1 + 4,
    }
});
/// Whether the character before byte `q` of `text` is a number (Unicode's
/// numbers, a superset of `\d`).
fn numeric_before(text: &str, q: usize) -> bool {
    text[..q].chars().next_back().is_some_and(char::is_numeric)
}

/// What follows the one or two numbers that open `rest` (a day or month
/// written `\d{1,2}`), if a number opens it.
fn past_one_or_two_digits(rest: &str) -> Option<&str> {
    let mut chars = rest.chars();
    if !chars.next().is_some_and(char::is_numeric) {
        return None;
    }
    let past_one = chars.as_str();
    Some(if chars.next().is_some_and(char::is_numeric) {
        chars.as_str()
    } else {
        past_one
    })
}

/// In ASCII digits, as the numbers are parsed (see `amounts::NUM`).
static ISO: LazyLock<Caseless> =
    LazyLock::new(|| Caseless::new(r"(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})"));
/// [`ISO`]'s matches are found from their first dash: after four digits
/// (the year; nothing else comes before it in a match), and followed by
/// one or two digits, a dash and a digit. The pattern's own search for
/// its dashes stopped at every dash of the text (compounds, lists, ranges)
/// and ran its automaton back from each.
static ISO_INNER: LazyLock<Inner> = LazyLock::new(|| Inner {
    literal: Literal::AfterNumber(b"-"),
    admits: |text, q| {
        let digit = |b: &u8| b.is_ascii_digit();
        let (before, after) = (&text.as_bytes()[..q], &text.as_bytes()[q + 1..]);
        let month = after.iter().take_while(|b| digit(b)).count();
        before.len() >= 4
            && before[before.len() - 4..].iter().all(digit)
            && (1..=2).contains(&month)
            && after.get(month) == Some(&b'-')
            && after.get(month + 1).is_some_and(digit)
    },
    before: 4,
    after: 1 + 2 + 1 + 2,
});
static DAY_MONTH_CUED: LazyLock<Caseless> = LazyLock::new(|| {
    Caseless::new(&format!(
        r"(?:(?:{})\s+)(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})|(?P<d2>\d{{1,2}})[/-](?P<m2>\d{{1,2}})\s+(?:kl\.?|klokken)\s",
        DAY_MONTH_CUES.map(|c| c.replace('.', r"\.")).join("|")
    ))
});
/// The words before `den 5/3` ([`DAY_MONTH_CUED`]): a deadline (`frist:
/// 15/5`), a word that opens a date, or a weekday ([`WEEKDAYS`], at the
/// end).
const DAY_MONTH_CUES: [&str; 19] = [
    "den",
    "d.",
    "fra",
    "til",
    "inden",
    "senest",
    "pr.",
    "per",
    "frist",
    "frist:",
    "deadline",
    "deadline:",
    WEEKDAYS[0],
    WEEKDAYS[1],
    WEEKDAYS[2],
    WEEKDAYS[3],
    WEEKDAYS[4],
    WEEKDAYS[5],
    WEEKDAYS[6],
];
/// The longest of [`DAY_MONTH_CUES`], in bytes.
const DAY_MONTH_CUE_MAX: usize = {
    let (mut i, mut max) = (0, 0);
    while i < DAY_MONTH_CUES.len() {
        if DAY_MONTH_CUES[i].len() > max {
            max = DAY_MONTH_CUES[i].len();
        }
        i += 1;
    }
    max
};
/// [`DAY_MONTH_CUED`]'s matches are found from their slash or dash (`den
/// 5/3`, `5/3 kl.`, `5-3 kl.`), the first of either in a match: after a
/// digit, and either one or two digits, white space and `kl` after it, or
/// (a slash) a digit after it and a cue word and white space before the
/// digits before it (a number range, `1-2 møder`, `2023/2024`, has
/// neither). At most a cue word and two digits come before it; from it on
/// at most two digits and `klokken`. (Found from `/` or `kl`, the
/// pattern's own literals, its search ran a regex search per occurrence —
/// 200,000 in the 50 MB corpus, most of them the `kl` of `udvikling` and
/// of every time of day.)
static DAY_MONTH_CUED_INNER: LazyLock<Inner> = LazyLock::new(|| Inner {
    literal: Literal::AfterNumber(b"/-"),
    admits: |text, q| {
        let rest = &text[q + 1..];
        // A text searched with `(?i)` may spell `k` or `s` outside ASCII
        // (`K`, `ſ`): where one may stand, the word is not told.
        let kl_after = || {
            past_one_or_two_digits(rest).is_some_and(|r| {
                let t = r.trim_start();
                t.len() < r.len()
                    && (t.get(..2).is_some_and(|w| w.eq_ignore_ascii_case("kl"))
                        || t.starts_with(|c: char| !c.is_ascii()))
            })
        };
        let cue_before = || {
            let day = text[..q].trim_end_matches(char::is_numeric);
            let spaced = day.trim_end();
            let mut tail = spaced.chars().rev().take(DAY_MONTH_CUE_MAX);
            spaced.len() < day.len()
                && (tail.any(|c| !c.is_ascii())
                    || DAY_MONTH_CUES.iter().any(|cue| {
                        spaced.len() >= cue.len()
                            && spaced.as_bytes()[spaced.len() - cue.len()..]
                                .eq_ignore_ascii_case(cue.as_bytes())
                    }))
        };
        numeric_before(text, q)
            && (kl_after()
                || text.as_bytes()[q] == b'/' && rest.starts_with(char::is_numeric) && cue_before())
    },
    before: DAY_MONTH_CUE_MAX + 2,
    after: 1 + 2 + "klokken".len(),
});
static HALF: LazyLock<Caseless> = LazyLock::new(|| {
    Caseless::new(r"(?P<n>1|2|første|andet)\.?\s*halvår(?:\s+(?:af|i))?(?:\s+(?P<y>\d{4}))?")
});
static QUARTER: LazyLock<Caseless> = LazyLock::new(|| {
    Caseless::new(
        r"(?:(?P<n>[1-4]|første|andet|anden|tredje|fjerde)\.?\s*(?:kvartal|kvt\.)(?:\s+(?:af|i))?(?:\s+(?P<y>\d{4}))?|(?-u:\b)q(?P<q>[1-4])\s+(?P<qy>\d{4}))",
    )
});
/// The words every [`QUARTER`] match holds one of.
const QUARTER_WORDS: &str = "kvartal|kvt\\.|q[1-4]";
/// [`QUARTER_WORDS`] as a pattern.
static QUARTER_WORD: LazyLock<Caseless> = LazyLock::new(|| Caseless::new(QUARTER_WORDS));
/// [`QUARTER`]'s matches are found from `kvartal` or `q1`–`q4` (its own
/// literals are the digits that open `3. kvartal`, found everywhere): a
/// match holds one of them, none stands in a match before it, and `q`
/// opens a word. Before `kvartal` a match holds at most a number word and
/// a dot; from it on `kvartal`, `af` and a year, or `q`, a digit and a year.
static QUARTER_INNER: LazyLock<Inner> = LazyLock::new(|| Inner {
    literal: Literal::Words(&QUARTER_WORD),
    admits: |text, q| {
        !matches!(text.as_bytes()[q], b'q' | b'Q')
            || !text.as_bytes()[..q]
                .last()
                .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_')
    },
    before: longest_ascii(["første", "andet", "anden", "tredje", "fjerde"].into_iter()) + 1,
    after: "kvartal".len() + "af".len() + 4,
});
/// A week by its number, from `uge` on: `uge 12`, `uge 12-14`, `uge 12
/// 2024`, `uge 12, 2024`, `uge 12 i 2024`, `uge 12/2024`, `ugenr. 12`
/// (matched at each `uge` that starts a word: [`week_starts`]).
static WEEK: LazyLock<Caseless> = LazyLock::new(|| {
    Caseless::new(
        r"^uge(?:\s*nr\.?)?\s*(?P<w>[0-9]{1,2})(?:\s*[-–]\s*(?P<w2>[0-9]{1,2}))?(?:(?:,\s*|\s+i\s+|\s*/\s*|\s+)(?P<y>(?:19|20)[0-9]{2}))?",
    )
});
/// Searcher for `uge` in a lower-cased text.
static WEEK_FINDER: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new(b"uge"));
static SEASON: LazyLock<Caseless> = LazyLock::new(|| {
    Caseless::new(
        r"(?P<s>forår(?:et)?|sommer(?:en)?|efterår(?:et)?|vinter(?:en)?)\s+(?P<y>\d{4})(?:\s*[-/]\s*(?P<y2>\d{4}|\d{2}))?",
    )
});
/// The seasons' stems: every season word of [`SEASON`] and [`SEASON_WORD`]
/// starts with one.
const SEASON_STEMS: [&str; 4] = ["forår", "sommer", "efterår", "vinter"];
/// The seasons' words with their article, as [`SEASON_WORD`] finds them.
const SEASON_WORDS: [&str; 4] = ["foråret", "sommeren", "efteråret", "vinteren"];
/// [`SEASON_STEMS`], [`PART_WORDS`] and [`HALF_YEAR`] as one pattern: one
/// search of a text for all. (With [`QUARTER_WORDS`] too, the search took
/// more than the two apart: `q1`–`q4` are two letters long.)
static PERIOD_WORD: LazyLock<Caseless> = LazyLock::new(|| {
    Caseless::new(&format!(
        "{}|{}|{HALF_YEAR}",
        SEASON_STEMS.join("|"),
        PART_WORDS.join("|")
    ))
});
/// [`SEASON_STEMS`] as one pattern.
static SEASON_STEM: LazyLock<Caseless> = LazyLock::new(|| Caseless::new(&SEASON_STEMS.join("|")));
/// [`SEASON`]'s matches are found from their season's stem, where they
/// start ([`period_starts`]): the season word, white space and a year
/// follow; from the stem on a match holds a word, a year, a dash and a
/// year.
static SEASON_INNER: LazyLock<Inner> = LazyLock::new(|| Inner {
    literal: Literal::Words(&SEASON_STEM),
    admits: word_then_year,
    before: 0,
    after: longest_ascii(SEASON_WORDS.into_iter()) + 4 + 1 + 4,
});

/// Where the words of periods occur in a text's lower-cased copy, in
/// order: each list the places of one kind's words ([`period_starts`]).
#[derive(Debug, Default, PartialEq)]
struct Periods {
    /// [`SEASON_STEMS`].
    seasons: Vec<usize>,
    /// [`PART_WORDS`].
    parts: Vec<usize>,
    /// [`HALF_YEAR`].
    halves: Vec<usize>,
}

/// The [`Periods`] of `hay`, found in one search ([`PERIOD_WORD`]) and
/// told apart by their first letter (the kinds share none: a test
/// checks). No word ends with another's beginning, so the search finds
/// every one (a test checks). `None` for a text searched with `(?i)`, as
/// [`month_starts`].
fn period_starts(hay: &Haystack) -> Option<Periods> {
    let bytes = hay.lowered()?.as_bytes();
    let mut out = Periods::default();
    for m in PERIOD_WORD.find_iter(hay) {
        let q = m.start();
        let list = match bytes[q] {
            b'h' => &mut out.halves,
            b if SEASON_INITIALS.contains(&b) => &mut out.seasons,
            _ => &mut out.parts,
        };
        list.push(q);
    }
    Some(out)
}

/// The first letters of [`SEASON_STEMS`].
const SEASON_INITIALS: &[u8] = b"fsev";
static PART_OF_YEAR: LazyLock<Caseless> = LazyLock::new(|| {
    Caseless::new(&format!(
        r"(?P<p>{})\s+(?P<y>\d{{4}})",
        PART_WORDS.join("|")
    ))
});
/// The words of a part of a year (`primo 2025`, `begyndelsen af 2024`;
/// `starten af` and `slutningen af` are the year's cues: a period word's
/// first letter tells its kind, and `s` is a season's).
const PART_WORDS: [&str; 5] = ["primo", "medio", "ultimo", "begyndelsen af", "midten af"];
/// [`PART_WORDS`] as one pattern.
static PART_WORD: LazyLock<Caseless> = LazyLock::new(|| Caseless::new(&PART_WORDS.join("|")));
/// [`PART_OF_YEAR`]'s matches are found from their word, where they start
/// ([`period_starts`]): a word and a year.
static PART_OF_YEAR_INNER: LazyLock<Inner> = LazyLock::new(|| Inner {
    literal: Literal::Words(&PART_WORD),
    admits: part_then_year,
    before: 0,
    after: longest_ascii(PART_WORDS.into_iter()) + 4,
});
/// The pattern [`year_ranges`] finds the matches of (the tests' oracle).
#[cfg(test)]
static YEAR_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?P<y1>(?:19|20)\d\d)(?:\s*[-–/]\s*(?P<y2>(?:19|20)\d\d|\d\d)|\s+til\s+(?P<y2t>(?:19|20)\d\d))",
    )
    .unwrap()
});
/// A word that every match of [`HALF`] contains, under the pattern's own
/// flags ([`gated`]): the pattern opens with its numbers (`1`, `2`), which
/// its search stopped at everywhere, and most documents have no
/// `halvår`. (The season and part-of-year patterns open with their words:
/// a gate of the same words was a second search of the text wherever
/// they stand.)
static HALF_WORD: LazyLock<Caseless> = LazyLock::new(|| Caseless::new(HALF_YEAR));
/// The word every [`HALF`] match holds.
const HALF_YEAR: &str = "halvår";

/// The matches of `re` in `text`; none, at once, when `text` lacks `gate`
/// (a pattern that every match of `re` contains).
fn gated<'r, 'h>(
    gate: &Caseless,
    re: &'r Caseless,
    hay: &'h Haystack,
) -> impl Iterator<Item = regex::Match<'h>> + use<'r, 'h> {
    gate.is_match(hay)
        .then(|| re.find_iter(hay))
        .into_iter()
        .flatten()
}

/// A year after a cue word (`i 2024`, `udgangen af 2025`, `i 2023 og
/// 2024`): the year found first ([`years`]), then the cue before it
/// ([`cued`]).
#[cfg(test)]
static YEAR_WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?:19|20)\d\d").unwrap());
/// [`YEAR_WORD`] at the start of a text, for years in other scripts' digits.
static YEAR_AT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:19|20)\d\d").unwrap());

/// Every place in `text` where a match of [`YEAR_WORD`] can start, with
/// its end, in order, those that overlap included (`2019` in `202019`):
/// `19` or `20` and two ASCII digits decided byte by byte, other digits by
/// the pattern. Made once, for [`years`] and [`year_ranges`]: the
/// pattern's search for its literals stopped at every `19` and `20` of the
/// amounts and dates and ran its automaton from each.
fn year_candidates(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'1', b'2', bytes)
        .filter_map(|i| {
            if !matches!(bytes.get(i..i + 2), Some(b"19" | b"20")) {
                return None;
            }
            let end = match bytes.get(i + 2..i + 4) {
                Some([a, b]) if a.is_ascii_digit() && b.is_ascii_digit() => Some(i + 4),
                _ if bytes[i + 2..].iter().take(2).any(|b| !b.is_ascii()) => {
                    YEAR_AT.find(&text[i..]).map(|m| i + m.end())
                }
                _ => None,
            };
            end.map(|end| i..end)
        })
        .collect()
}

/// The matches of [`YEAR_WORD`], in order: the leftmost of the
/// [`year_candidates`], then the leftmost after it, and so on (each match
/// is four characters, so no other choice is left).
fn years(candidates: &[Range<usize>]) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut end = 0;
    candidates
        .iter()
        .filter(move |y| {
            let free = y.start >= end;
            if free {
                end = y.end;
            }
            free
        })
        .cloned()
}

/// A year range's rest after its first year (`-2024`, ` – 25`, `/2026`,
/// ` til 2026`: a whole year after `til`, as `til 25` may count).
static YEAR_RANGE_REST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s*[-–/]\s*(?P<y2>(?:19|20)\d\d|\d\d)|\s+til\s+(?P<y2t>(?:19|20)\d\d))")
        .unwrap()
});

/// A year range: the whole, the first year and the second.
struct YearRange {
    range: Range<usize>,
    y1: Range<usize>,
    y2: Range<usize>,
}

/// The matches of [`YEAR_RANGE`] in `text`, found from its
/// [`year_candidates`]: the pattern opens with a year, so its leftmost
/// match from a place starts at the first candidate there that the rest
/// ([`YEAR_RANGE_REST`]) follows, and the next is looked for after it.
/// The rest is matched only where a dash or slash follows the year, after
/// white space or none.
fn year_ranges(text: &str, candidates: &[Range<usize>]) -> Vec<YearRange> {
    let mut out = Vec::new();
    let mut end = 0;
    for y1 in candidates {
        let after = text[y1.end..].trim_start();
        if y1.start < end || !(after.starts_with(['-', '–', '/']) || after.starts_with("til")) {
            continue;
        }
        if let Some(c) = YEAR_RANGE_REST.captures(&text[y1.end..]) {
            let y2 = c.name("y2").or(c.name("y2t")).expect("group y2").range();
            end = y1.end + y2.end;
            out.push(YearRange {
                range: y1.start..end,
                y1: y1.clone(),
                y2: y1.end + y2.start..end,
            });
        }
    }
    out
}

const YEAR_CUES: &[&str] = &[
    "i",
    "fra",
    "til",
    "for",
    "siden",
    "inden",
    "før",
    "efter",
    "året",
    "år",
    "udgangen af",
    "slutningen af",
    "starten af",
    "begyndelsen af",
    "løbet af",
    "frem mod",
    "til og med",
    "henover",
    "hen over",
];
/// Each cued year: the cue's start, the year, and a second year joined by
/// `og`/`eller`, as the pattern `(?:cue|...)\s+(year)(?:\s+(?:og|eller)\s+
/// (year))?` would match them leftmost-first.
fn cued_years(
    hay: &Haystack,
    year_candidates: &[Range<usize>],
) -> Vec<(usize, Range<usize>, Option<Range<usize>>)> {
    let text = hay.text();
    let mut out = Vec::new();
    let mut consumed = 0;
    for (cue, y) in cued(years(year_candidates), YEAR_CUES, text) {
        // A joined year belongs to the cue before it: not read again.
        if cue < consumed {
            continue;
        }
        let y2 = AND_YEAR.captures_if_any(&text[y.end..]).map(|c| {
            let m = c.get(1).unwrap();
            y.end + m.start()..y.end + m.end()
        });
        consumed = y2.as_ref().map_or(y.end, |r| r.end);
        out.push((cue, y, y2));
    }
    out
}

/// A second year joined to a cued one: `og 2025`, `eller 2025`.
static AND_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s+(?:og|eller)\s+((?:19|20)\d\d)").unwrap());
/// A month or season name standing alone (`i marts`, `i efteråret`): the
/// name is found first (a fast literal search), then the cue word before
/// it ([`cued`]), which is quicker than a pattern opening with `i`.
static MONTH_WORD: LazyLock<Caseless> =
    LazyLock::new(|| Caseless::new(&format!(r"(?:{})(?-u:\b)", lexicon::MONTH_NAMES.join("|"))));

/// The matches of `(?:name|...)(?-u:\b)` for `names` in `lower` (a
/// lower-cased copy), found from `starts`, the places a name can start (a
/// start of each name is among them): a name and the end of an ASCII word.
/// For [`MONTH_WORD`] from the month starts ([`month_starts`]) and
/// [`SEASON_WORD`] from the season starts ([`period_starts`]): no name
/// holds a start but at its beginning, so no match starts inside another.
fn words_at(lower: &str, starts: &[usize], names: &[&str]) -> Vec<Range<usize>> {
    let bytes = lower.as_bytes();
    starts
        .iter()
        .filter_map(|&q| {
            let name = names
                .iter()
                .find(|m| bytes[q..].starts_with(m.as_bytes()))?;
            let end = q + name.len();
            let word_goes_on = bytes
                .get(end)
                .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_');
            (!word_goes_on).then_some(q..end)
        })
        .collect()
}
static SEASON_WORD: LazyLock<Caseless> =
    LazyLock::new(|| Caseless::new(&format!(r"(?:{})(?-u:\b)", SEASON_WORDS.join("|"))));
const MONTH_CUES: &[&str] = &[
    "i",
    "til",
    "fra",
    "inden",
    "primo",
    "medio",
    "ultimo",
    "siden",
    "frem til",
    "i løbet af",
];
const SEASON_CUES: &[&str] = &[
    "i",
    "til",
    "fra",
    "inden",
    "hen over",
    "henover",
    "i løbet af",
];

/// The names `found` (ranges of `text`, in order) that follow one of
/// `cues` and white space, each with the start of its cue: the
/// earliest-starting cue, not overlapping the last name, as a pattern
/// `(?:cue|...)\s+name` would match it.
fn cued<'t>(
    found: impl Iterator<Item = Range<usize>> + 't,
    cues: &'t [&'t str],
    text: &'t str,
) -> impl Iterator<Item = (usize, Range<usize>)> + 't {
    let mut last_end = 0;
    found.filter_map(move |m| {
        let before = text[..m.start].trim_end();
        if before.len() == m.start {
            return None;
        }
        cues.iter()
            .filter_map(|cue| {
                let start = before.len().checked_sub(cue.len())?;
                let tail = before.get(start..)?;
                let fits = tail.eq_ignore_ascii_case(cue)
                    || !tail.is_ascii()
                        && tail.chars().flat_map(char::to_lowercase).eq(cue.chars());
                (fits && start >= last_end).then_some(start)
            })
            .min()
            .map(|start| {
                last_end = m.end;
                (start, m)
            })
    })
}

/// Whether a cue word starting at `at` is the tail of a longer word (`hvori`
/// is not `i`). The cue patterns do without `\b`, which would make the regex
/// engine fall back to its slow path on non-ASCII text.
fn cue_glued(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

/// `kr`, `kr.`, `kroner` after a year: `2020 kr.` is money.
fn starts_with_kr(s: &str) -> bool {
    s.trim_start()
        .get(..2)
        .is_some_and(|p| p.eq_ignore_ascii_case("kr"))
}

/// Whether a match at `range` is glued to neighbouring digits, dots or
/// dashes (a case number, a version, a longer number), or to a case
/// number's `-S00`.
fn glued(text: &str, range: &Range<usize>) -> bool {
    let before = text[..range.start].chars().next_back();
    let mut rest = text[range.end..].chars();
    let after = [rest.next(), rest.next()];
    let b = before.is_some_and(|c| {
        c.is_ascii_digit()
            || c == '-'
            || c == '/'
            || c.is_alphabetic()
            || c == '.'
                && text[..range.start].len() >= 2
                && text[..range.start - 1].ends_with(|ch: char| ch.is_ascii_digit())
    });
    let a = match after {
        [Some(c), _] if c.is_ascii_digit() || c.is_alphabetic() => true,
        [Some('-' | '/' | '.'), Some(d)] if d.is_ascii_digit() => true,
        // A municipal case number's subject code (KLE, `27.12.00-S00-3-24`).
        [Some('-'), Some(l)] if l.is_ascii_uppercase() => {
            text[range.end + 2..].starts_with(|c: char| c.is_ascii_digit())
        }
        _ => false,
    };
    b || a
}

struct Builder<'a> {
    text: &'a str,
    anchor: Anchor<'a>,
    out: Vec<FoundDateRef>,
    taken: RangeSet,
}

/// The anchor of [`DateContext`], found when a date first needs it: the
/// pipeline's fallback anchor (the document's first full date) is a
/// search of the whole text, which most documents never need.
struct Anchor<'a> {
    find: &'a dyn Fn() -> Option<(i32, u32, u32)>,
    found: std::cell::OnceCell<Option<(i32, u32, u32)>>,
}

impl Anchor<'_> {
    fn get(&self) -> Option<(i32, u32, u32)> {
        *self.found.get_or_init(self.find)
    }
}

impl Builder<'_> {
    fn free(&self, r: &Range<usize>) -> bool {
        !self.taken.overlaps(r)
    }

    /// The captures of `m`, a match of `re`, when its range is free. For
    /// the periods, pushed whole or not at all: a match whose range is
    /// taken (`marts 2024` of `5. marts 2024`) is passed over before its
    /// groups are captured.
    fn captures_if_free<'h>(
        &self,
        re: &Caseless,
        hay: &'h Haystack,
        m: regex::Match<'h>,
    ) -> Option<Captures<'h>> {
        self.free(&m.range()).then(|| re.captures_of(hay, m))
    }

    fn add(&mut self, found: FoundDateRef) {
        self.taken.insert(found.range.clone());
        self.out.push(found);
    }

    fn push_period(
        &mut self,
        range: Range<usize>,
        start: (i32, u32, u32),
        end: (i32, u32, u32),
        precision: &'static str,
    ) {
        if !valid(start.0, start.1, start.2) || !valid(end.0, end.1, end.2) || !self.free(&range) {
            return;
        }
        self.add(FoundDateRef {
            range,
            value: None,
            start: Some(iso(start.0, start.1, start.2)),
            end: Some(iso(end.0, end.1, end.2)),
            precision,
            year_inferred: false,
            warning: None,
        });
    }

    /// The day pushed at `at`, if it was, made a span to the day
    /// `end_of` gives for the start's year; read nothing when that is no
    /// day after the start (`15-3 marts`, `mellem 1. og 31. april`).
    fn span_to(&mut self, at: usize, end_of: impl FnOnce(i32) -> (i32, u32, u32)) {
        let Some(start) = self.out.get(at).and_then(|f| f.start) else {
            return;
        };
        let (y, m, d) = end_of(start.year());
        if valid(y, m, d) && iso(y, m, d) > start {
            let f = &mut self.out[at];
            f.end = Some(iso(y, m, d));
            f.value = None;
        } else {
            let f = self.out.remove(at);
            self.taken.remove(&f.range);
        }
    }

    /// [`Builder::push_period`], marked `year_inferred` when `inferred`.
    fn push_period_inferred(
        &mut self,
        range: Range<usize>,
        start: (i32, u32, u32),
        end: (i32, u32, u32),
        precision: &'static str,
        inferred: bool,
    ) {
        let before = self.out.len();
        self.push_period(range, start, end, precision);
        if let Some(f) = self.out.get_mut(before) {
            f.year_inferred = inferred;
        }
    }

    /// A day; `year` None means infer it. `wd` is a written weekday.
    fn push_day(
        &mut self,
        range: Range<usize>,
        year: Option<i32>,
        m: u32,
        d: u32,
        wd: Option<u32>,
    ) {
        if !self.free(&range) {
            return;
        }
        let raw = &self.text[range.clone()];
        let (y, inferred, mut warning) = match year {
            Some(y) => (Some(y), false, None),
            None => match self.anchor.get() {
                Some((ay, am, ad)) => {
                    let anchor = day_number(ay, am, ad);
                    let mut cands: Vec<i32> =
                        (ay - 1..=ay + 1).filter(|&y| valid(y, m, d)).collect();
                    if let Some(w) = wd {
                        let matching: Vec<i32> = (ay - 1..=ay + 3)
                            .filter(|&y| valid(y, m, d) && weekday(y, m, d) == w)
                            .collect();
                        if !matching.is_empty() {
                            cands = matching;
                        }
                    }
                    let best = cands
                        .into_iter()
                        .min_by_key(|&y| (day_number(y, m, d) - anchor).abs());
                    (best, true, None)
                }
                None => (
                    None,
                    true,
                    Some(format!("date without year and no meeting date: {raw}")),
                ),
            },
        };
        match y {
            Some(y) if valid(y, m, d) => {
                if let Some(w) = wd
                    && weekday(y, m, d) != w
                {
                    warning = Some(format!("weekday does not match the date: {raw}"));
                }
                let v = iso(y, m, d);
                self.add(FoundDateRef {
                    range,
                    value: Some(v),
                    start: Some(v),
                    end: Some(v),
                    precision: "day",
                    year_inferred: inferred,
                    warning,
                });
            }
            Some(_) => {}
            None => {
                if (1..=12).contains(&m) && d >= 1 && d <= days_in_month(2000, m) {
                    self.add(FoundDateRef {
                        range,
                        value: None,
                        start: None,
                        end: None,
                        precision: "day",
                        year_inferred: true,
                        warning,
                    });
                }
            }
        }
    }
}

/// The words that join a list's last members (`1., 2. og 3.`); commas
/// join the others.
const LIST_WORDS: [&str; 3] = ["og", "samt", "eller"];

/// The items listed before an expression at `at` (`1. og ` before `2.
/// oktober`, `3., 4. og ` before `5. juni`, `marts og ` before `april
/// 2024`): each read by `read` from the text up to its end (where it
/// starts and its value), and followed by `,`, `og`, `samt` or `eller`;
/// in the text's order. `None` unless each is less than the one after it
/// (`last`, the expression's own): a list that does not rise is no list
/// (`12. og 3. marts`: no guess which is meant).
fn listed_before<T: PartialOrd + Copy>(
    text: &str,
    at: usize,
    last: T,
    read: impl Fn(&str) -> Option<(usize, T)>,
) -> Option<Vec<(Range<usize>, T)>> {
    let mut out = Vec::new();
    let (mut rest, mut next) = (&text[..at], last);
    loop {
        let t = rest.trim_end();
        let t = match LIST_WORDS.iter().find_map(|w| {
            t.strip_suffix(w)
                .filter(|s| s.ends_with(char::is_whitespace))
        }) {
            Some(s) => s,
            None => match t.strip_suffix(',') {
                Some(s) => s,
                None => break,
            },
        };
        let t = t.trim_end();
        let Some((start, v)) = read(t) else { break };
        if v >= next {
            return None;
        }
        out.push((start..t.len(), v));
        (rest, next) = (&t[..start], v);
    }
    out.reverse();
    Some(out)
}

/// The days listed before a named day at `at` (`1. og ` in `1. og 2.
/// oktober`): each a day's one or two digits and its dot, after a word's
/// start ([`listed_before`]; the last one is `day`).
fn listed_days_before(text: &str, at: usize, day: u32) -> Vec<(Range<usize>, u32)> {
    listed_before(text, at, day, |t| {
        let t = t.strip_suffix('.')?;
        let digits = t.len() - t.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let start = t.len() - digits;
        if !(1..=2).contains(&digits)
            || t[..start].ends_with(|c: char| c.is_alphanumeric() || c == '.')
        {
            return None;
        }
        let d = t[start..].parse::<u32>().ok().filter(|&d| d > 0)?;
        Some((start, d))
    })
    .unwrap_or_default()
}

/// The quarter before a dash that ends `before` (`1.-` of `1.-3. kvartal`):
/// where its digit stands and its number.
fn quarter_before_dash(before: &str) -> Option<(usize, u32)> {
    quarter_at_end(before.trim_end().strip_suffix(['-', '–'])?.trim_end())
}

/// A quarter's digit and its dot ending `t` (`3.`), after a word's start:
/// where the digit stands and the quarter. (The byte before the dot is
/// looked at before `t` is cut there: it may be a letter's last byte.)
fn quarter_at_end(t: &str) -> Option<(usize, u32)> {
    let t = t.strip_suffix('.')?;
    let at = t.len().checked_sub(1)?;
    let q = match t.as_bytes()[at] {
        b @ b'1'..=b'4' => u32::from(b - b'0'),
        _ => return None,
    };
    (!t[..at].ends_with(|ch: char| ch.is_alphanumeric() || ch == '.')).then_some((at, q))
}

/// The months listed before a month and its year at `at` (`marts og ` in
/// `marts og april 2024`): each a month's name or its short form, a word
/// of its own ([`listed_before`]; the last one is `month`).
fn listed_months_before(text: &str, at: usize, month: u32) -> Vec<(Range<usize>, u32)> {
    listed_before(text, at, month, |t| {
        let t = t.strip_suffix('.').unwrap_or(t);
        let start = t.trim_end_matches(char::is_alphabetic).len();
        let word = &t[start..];
        if start == t.len() || t[..start].ends_with(|c: char| c.is_alphanumeric()) {
            return None;
        }
        Some((start, lexicon::month(word)?))
    })
    .unwrap_or_default()
}

/// A [`NUMERIC`] match read: where it starts (its weekday when it has
/// one), its day, month and year, and the weekday written.
struct NumericDay {
    start: usize,
    /// The day, month and year as written.
    core: Range<usize>,
    ymd: (i32, u32, u32),
    wd: Option<u32>,
}

impl NumericDay {
    /// `m` read, or `None` when its separators differ (but Danish
    /// `d/m-yyyy`, `10/4-2026`, and `d/m-yy` after `den`, `d.` or a
    /// weekday) or a part is no number.
    fn of(m: regex::Match) -> Option<NumericDay> {
        let c = NumericParts::of(m);
        let core = c.d.start()..c.y.end();
        let (s1, s2) = (c.s1.as_str(), c.s2.as_str());
        // `10/4-2026`; `d. 3/4-24` only after a cue or weekday (a two-digit
        // year after the dash could be a count).
        let cued = core.start > m.start();
        let seps_ok = s1 == s2 || (s1 == "/" && s2 == "-" && (c.y.as_str().len() == 4 || cued));
        if !seps_ok {
            return None;
        }
        let ymd = (
            full_year(c.y.as_str())?,
            c.m.as_str().parse().ok()?,
            c.d.as_str().parse().ok()?,
        );
        let wd = c.wd.and_then(|w| weekday_index(w.as_str()));
        let start = if wd.is_some() { m.start() } else { core.start };
        Some(NumericDay {
            start,
            core,
            ymd,
            wd,
        })
    }
}

/// Whether `between` joins the first and last day of a span written in
/// numbers: a dash or `til`, with or without white space.
fn joins_days(between: &str) -> bool {
    matches!(between.trim(), "-" | "–" | "til")
}

/// Where a word `uge` may start in `hay`: at each `uge` after no letter
/// or digit (`bruge`, `ugentlig` are passed over by [`WEEK`]'s digits).
fn week_starts(hay: &Haystack) -> Vec<usize> {
    let text = hay.text();
    let alone = |at: &usize| !text[..*at].ends_with(char::is_alphanumeric);
    match hay.lowered() {
        Some(lower) => WEEK_FINDER
            .find_iter(lower.as_bytes())
            .filter(alone)
            .collect(),
        None => text
            .char_indices()
            .filter(|(i, _)| {
                text[*i..]
                    .get(..3)
                    .is_some_and(|w| w.eq_ignore_ascii_case("uge"))
            })
            .map(|(i, _)| i)
            .filter(alone)
            .collect(),
    }
}

/// Weeks by their numbers (ISO 8601: Monday to Sunday, week 1 holds the
/// year's first Thursday), precision `week`; a span of weeks from the
/// first one's Monday to the last one's Sunday. Without a year, the year
/// that puts the week nearest the anchor.
fn weeks(b: &mut Builder, hay: &Haystack) {
    let text = hay.text();
    for at in week_starts(hay) {
        let Some(c) = WEEK.captures_anchored(hay, at) else {
            continue;
        };
        let end = at + c.get(0).unwrap().end();
        // `uge 123`, `uge 12a`: no week.
        if text[end..].starts_with(char::is_alphanumeric) {
            continue;
        }
        let w1: u32 = c["w"].parse().unwrap_or(0);
        let w2: u32 = c.name("w2").map_or(w1, |w| w.as_str().parse().unwrap_or(0));
        let year = c.name("y").and_then(|y| y.as_str().parse::<i32>().ok());
        let inferred = year.is_none();
        let Some(y) = year.or_else(|| {
            let (ay, am, ad) = b.anchor.get()?;
            let anchor = day_number(ay, am, ad);
            (ay - 1..=ay + 1)
                .filter_map(|y| Some((y, week_monday(y, w1)?)))
                .min_by_key(|&(_, (my, mm, md))| (day_number(my, mm, md) - anchor).abs())
                .map(|(y, _)| y)
        }) else {
            continue;
        };
        let (Some(first), Some(last)) = (week_monday(y, w1), week_monday(y, w2)) else {
            continue;
        };
        if w2 < w1 {
            continue;
        }
        b.push_period_inferred(at..end, first, after_days(last, 6), "week", inferred);
        if c.name("w2").is_none() && c.name("y").is_none() {
            // `uge 12 og 13`, `uge 12, 13 og 14`: the weeks listed after
            // it, in the same year.
            for (r, w) in weeks_listed_after(text, end, w1) {
                if let Some(monday) = week_monday(y, w) {
                    b.push_period_inferred(r, monday, after_days(monday, 6), "week", inferred);
                }
            }
        }
    }
}

/// The week numbers listed after a week at `end` (` og 13`, `, 13 og
/// 14`): each after `,`, `og`, `samt` or `eller`, one or two digits that
/// no letter or digit follows, each greater than the one before (the first
/// is `first`). Their ranges and numbers, in order.
fn weeks_listed_after(text: &str, end: usize, first: u32) -> Vec<(Range<usize>, u32)> {
    let mut out = Vec::new();
    let (mut at, mut prev) = (end, first);
    loop {
        let t = text[at..].trim_start();
        let after_sep = LIST_WORDS
            .iter()
            .find_map(|w| {
                t.strip_prefix(w)
                    .filter(|r| r.starts_with(char::is_whitespace))
            })
            .or_else(|| t.strip_prefix(','));
        let Some(rest) = after_sep else { break };
        let num = rest.trim_start();
        let digits = num.bytes().take_while(u8::is_ascii_digit).count();
        if !(1..=2).contains(&digits) || num[digits..].starts_with(char::is_alphanumeric) {
            break;
        }
        let Ok(w) = num[..digits].parse::<u32>() else {
            break;
        };
        if w <= prev {
            break;
        }
        let start = text.len() - num.len();
        out.push((start..start + digits, w));
        (at, prev) = (start + digits, w);
    }
    out
}

/// The Monday of ISO week `w` of year `y`; `None` for a week the year
/// does not have (0, 54, or 53 in a year of 52).
fn week_monday(y: i32, w: u32) -> Option<(i32, u32, u32)> {
    if !(1..=53).contains(&w) {
        return None;
    }
    // 4 January is in week 1; its weekday (Monday 0) says where week 1
    // starts, counted in days from 1 January.
    let offset = 3 - i64::from(weekday(y, 1, 4)) + 7 * i64::from(w - 1);
    let monday = after_days((y, 1, 1), offset);
    // The week's Thursday is in its year.
    (after_days(monday, 3).0 == y).then_some(monday)
}

/// The day `n` days after `day` (before it when `n` is negative).
fn after_days(day: (i32, u32, u32), n: i64) -> (i32, u32, u32) {
    let (mut y, mut m, mut d) = day;
    let mut n = n;
    while n < 0 {
        if d > 1 {
            d -= 1;
        } else {
            (y, m) = if m == 1 { (y - 1, 12) } else { (y, m - 1) };
            d = days_in_month(y, m);
        }
        n += 1;
    }
    while n > 0 {
        let left = i64::from(days_in_month(y, m) - d);
        if n <= left {
            d += n as u32;
            n = 0;
        } else {
            n -= left + 1;
            (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            d = 1;
        }
    }
    (y, m, d)
}

fn num(c: &Captures, name: &str) -> Option<u32> {
    c.name(name).and_then(|m| m.as_str().parse().ok())
}

/// A [`NUMERIC`] match taken apart by hand, as its groups capture it: the
/// pattern's captures cost more than finding the match (it is the most
/// frequent date), and a match's parts are plain to see. Before the day,
/// a match holds no number (a weekday, `.`, `,`, `den`, `d.`, white
/// space), so its first number opens the day; no weekday word starts with
/// `d`, so `den` and `d.` are told from it by their first letter; the
/// weekday is the run of letters that opens the match; the day, month
/// and year are numbers, so the first two separators after the day's
/// start are the pattern's two.
struct NumericParts<'h> {
    wd: Option<Group<'h>>,
    d: Group<'h>,
    s1: Group<'h>,
    m: Group<'h>,
    s2: Group<'h>,
    y: Group<'h>,
}

impl<'h> NumericParts<'h> {
    fn of(m: regex::Match<'h>) -> NumericParts<'h> {
        let text = m.as_str();
        let group = |r: Range<usize>| Group::within(m, r);
        let d = text
            .find(char::is_numeric)
            .expect("a NUMERIC match holds its day");
        let wd = (d > 0 && !text.starts_with(['d', 'D']))
            .then(|| group(0..text.find(|ch: char| !ch.is_alphabetic()).unwrap_or(d)));
        let sep = |from: usize| {
            from + text[from..]
                .find(['-', '.', '/'])
                .expect("a NUMERIC match holds two separators")
        };
        let s1 = sep(d);
        let s2 = sep(s1 + 1);
        NumericParts {
            wd,
            d: group(d..s1),
            s1: group(s1..s1 + 1),
            m: group(s1 + 1..s2),
            s2: group(s2..s2 + 1),
            y: group(s2 + 1..text.len()),
        }
    }
}

/// A group of a [`NUMERIC`] or [`NAMED_DAY`] match: where it starts in
/// the text, and its text.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Group<'h> {
    start: usize,
    text: &'h str,
}

impl<'h> Group<'h> {
    /// The part `r` (offsets within `m`) of the match `m`.
    fn within(m: regex::Match<'h>, r: Range<usize>) -> Group<'h> {
        Group {
            start: m.start() + r.start,
            text: &m.as_str()[r],
        }
    }

    fn start(&self) -> usize {
        self.start
    }
    fn end(&self) -> usize {
        self.start + self.text.len()
    }
    fn as_str(&self) -> &'h str {
        self.text
    }
}

/// The groups of a [`NAMED_DAY`] match (indices as in [`named`]).
struct NamedParts<'h> {
    groups: [Option<Group<'h>>; 9],
}

impl<'h> NamedParts<'h> {
    /// The groups of `m`, a match of [`NAMED_DAY`] in `hay`: a day and a
    /// month (`12. marts 2024`, by far the most frequent) taken apart by
    /// hand, anything else captured by the pattern, whose captures cost
    /// more than finding the match (a backtracking search of 800 states).
    fn of(hay: &'h Haystack, m: regex::Match<'h>) -> NamedParts<'h> {
        if let Some(parts) = Self::day_and_month(m) {
            return parts;
        }
        let c = NAMED_DAY.captures_of(hay, m);
        NamedParts {
            groups: std::array::from_fn(|i| c.get(i).map(|g| Group::within(g, 0..g.len()))),
        }
    }

    /// A match that is a day, a month and perhaps a year, after perhaps a
    /// weekday and `den` or `d.` (`[wd\.?,?\s+][den\s+|d\.\s*]d\.?\s*m\.?`
    /// then `(,?\s+y)?`), with ASCII digits: the pattern takes it apart as
    /// this does. A run of letters that opens it is its weekday if it is
    /// one (no weekday is `den`, `d` or a day word, and a shorter weekday
    /// would leave letters before the `\.?,?\s+` that must follow); then
    /// digits open the day (not a word); it holds no `-`, `–` or `til`
    /// (no month opens with `til`), so it is no span of days; the day's
    /// digits, the month's letters and the year's digits are runs that the
    /// characters between them end, and the month is the run of letters as
    /// far as the match goes (the pattern's month is followed by no letter
    /// in the match). `None` where the match is anything else, or its words
    /// are not written as the lists write them.
    fn day_and_month(m: regex::Match<'h>) -> Option<NamedParts<'h>> {
        let s = m.as_str();
        let b = s.as_bytes();
        let group = |r: Range<usize>| Some(Group::within(m, r));
        let spaces = |at: usize| s[at..].len() - s[at..].trim_start().len();
        let mut at = 0;
        let mut weekday = None;
        let run = s.find(|c: char| !c.is_alphabetic()).unwrap_or(s.len());
        if run > 0 && WEEKDAY_WORDS.contains(&&s[..run]) {
            weekday = Some(0..run);
            at = run;
            at += usize::from(b.get(at) == Some(&b'.'));
            at += usize::from(b.get(at) == Some(&b','));
            let n = spaces(at);
            if n == 0 {
                return None;
            }
            at += n;
        }
        if s[at..].starts_with("den") && spaces(at + 3) > 0 {
            at += 3 + spaces(at + 3);
        } else if s[at..].starts_with("d.") {
            at += 2 + spaces(at + 2);
        }
        let day = at..at + b[at..].iter().take_while(|c| c.is_ascii_digit()).count();
        if !(1..=2).contains(&day.len()) {
            return None;
        }
        at = day.end + usize::from(b.get(day.end) == Some(&b'.'));
        at += spaces(at);
        let month_start = at;
        at += s[at..]
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(s.len() - at);
        let month = month_start..at;
        if !lexicon::month_names().any(|n| n == &s[month.clone()]) {
            return None;
        }
        at += usize::from(b.get(at) == Some(&b'.'));
        let mut year = None;
        if at < s.len() {
            at += usize::from(b[at] == b',');
            let n = spaces(at);
            let y = at + n..s.len();
            if n == 0 || y.len() != 4 || !b[y.clone()].iter().all(u8::is_ascii_digit) {
                return None;
            }
            year = Some(y);
        }
        let mut groups = [None; 9];
        groups[0] = group(0..s.len());
        groups[named::WD] = weekday.and_then(group);
        groups[named::D] = group(day);
        groups[named::M] = group(month);
        groups[named::Y] = year.and_then(group);
        Some(NamedParts { groups })
    }

    fn get(&self, i: usize) -> Option<Group<'h>> {
        self.groups[i]
    }

    /// Group `i`'s text; the group must have matched.
    fn str(&self, i: usize) -> &'h str {
        self.groups[i].expect("a group that matched").text
    }

    /// Group `i` as a number.
    fn num(&self, i: usize) -> Option<u32> {
        self.groups[i].and_then(|g| g.text.parse().ok())
    }
}

/// The groups of a [`MONTH_YEAR`] match: the word before the month, the
/// month (their text lower-cased where the pattern ran on the lower-cased
/// copy), and where the year stands.
#[derive(Debug, PartialEq)]
struct MonthYear<'h> {
    pre: Option<&'h str>,
    /// The first month of a span (`januar` in `januar-marts 2024`).
    m0: Option<&'h str>,
    m: &'h str,
    y: Range<usize>,
}

impl<'h> MonthYear<'h> {
    /// The groups of `m`, a match of [`MONTH_YEAR`] in `hay`: taken apart
    /// by hand, as the pattern takes it (its captures cost more than
    /// finding it: a backtracking search of the month names twice over).
    /// The match ends with four digits, the year, after white space,
    /// after the month and perhaps a dot; the month is one word (the
    /// longest name it starts with that is followed by what follows, as
    /// the names are tried longest first), and what is before it, if
    /// anything, is one of the words before a month and white space.
    /// Anything else is captured by the pattern.
    fn of(hay: &'h Haystack, m: regex::Match<'h>) -> MonthYear<'h> {
        Self::by_hand(m).unwrap_or_else(|| Self::captured(hay, m))
    }

    /// The groups of `m` as the pattern captures them.
    fn captured(hay: &'h Haystack, m: regex::Match<'h>) -> MonthYear<'h> {
        let c = MONTH_YEAR.captures_of(hay, m);
        MonthYear {
            pre: c.name("pre").map(|p| p.as_str()),
            m0: c.name("m0").map(|p| p.as_str()),
            m: c.name("m").map_or("", |g| g.as_str()),
            y: c.name("y").map_or(m.end()..m.end(), |g| g.range()),
        }
    }

    fn by_hand(m: regex::Match<'h>) -> Option<MonthYear<'h>> {
        let s = m.as_str();
        let y_at = s.char_indices().rev().nth(3)?.0;
        if !s[y_at..].chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let before_y = &s[..y_at];
        let month_end = before_y.trim_end_matches(char::is_whitespace);
        if month_end.len() == before_y.len() {
            return None;
        }
        let month_end = month_end.strip_suffix('.').unwrap_or(month_end);
        let month_at = month_end.rfind(char::is_whitespace).map_or(0, |i| {
            i + month_end[i..].chars().next().map_or(1, char::len_utf8)
        });
        let month = &month_end[month_at..];
        if lexicon::month(month).is_none() || !month.bytes().all(|b| b.is_ascii_lowercase()) {
            return None;
        }
        let pre = s[..month_at].trim_end_matches(char::is_whitespace);
        let pre = match pre {
            "" => None,
            _ if MONTH_YEAR_PRE.contains(&pre) => Some(pre),
            _ => return None,
        };
        Some(MonthYear {
            pre,
            m0: None,
            m: month,
            y: m.start() + y_at..m.end(),
        })
    }
}

/// [`NAMED_DAY`]'s groups by index (see [`Caseless::group_index`]).
mod named {
    pub const WD: usize = 1;
    pub const D0: usize = 2;
    pub const M0: usize = 3;
    pub const Y0: usize = 4;
    pub const D: usize = 5;
    pub const DW: usize = 6;
    pub const M: usize = 7;
    pub const Y: usize = 8;
}

fn word_number(s: &str) -> u32 {
    match s.to_lowercase().as_str() {
        "første" => 1,
        "andet" | "anden" => 2,
        "tredje" => 3,
        "fjerde" => 4,
        other => other.parse().unwrap_or(0),
    }
}

/// All dates and periods in `text`, in order, without overlaps.
pub fn dates(text: &str, ctx: &DateContext) -> Vec<FoundDateRef> {
    dates_in(&Haystack::new(text), ctx)
}

/// [`dates`] of a text whose lower-cased copy is made already (the
/// pipeline makes one for both this and [`crate::amounts::amounts_in`]).
pub fn dates_in(hay: &Haystack, ctx: &DateContext) -> Vec<FoundDateRef> {
    dates_anchored(hay, &|| ctx.anchor)
}

/// [`dates_in`] with the anchor found by `anchor`, called at most once and
/// only when a date needs the anchor (a day, month, season, half or
/// quarter without a year).
pub fn dates_anchored(
    hay: &Haystack,
    anchor: &dyn Fn() -> Option<(i32, u32, u32)>,
) -> Vec<FoundDateRef> {
    let text = hay.text();
    let mut b = Builder {
        text,
        anchor: Anchor {
            find: anchor,
            found: std::cell::OnceCell::new(),
        },
        out: Vec::new(),
        taken: RangeSet::default(),
    };
    // Most specific first; later patterns skip what is taken.
    let numeric: Vec<Option<NumericDay>> = NUMERIC
        .find_around(&NUMERIC_INNER, hay)
        .map(NumericDay::of)
        .collect();
    let mut k = 0;
    while k < numeric.len() {
        let Some(day) = &numeric[k] else {
            k += 1;
            continue;
        };
        // `01.04.2024-31.03.2026`, `01.04.2024 til 31.03.2026`: a span of
        // days (each alone is glued to the other by the dash).
        if let Some(Some(last)) = numeric.get(k + 1)
            && joins_days(&text[day.core.end..last.start])
            && !glued(text, &(day.core.start..last.core.end))
            && day.ymd <= last.ymd
        {
            let (y, m, d) = day.ymd;
            let (y2, m2, d2) = last.ymd;
            b.push_period(day.start..last.core.end, (y, m, d), (y2, m2, d2), "day");
            k += 2;
            continue;
        }
        if !glued(text, &day.core) {
            let (y, m, d) = day.ymd;
            b.push_day(day.start..day.core.end, Some(y), m, d, day.wd);
        }
        k += 1;
    }
    for c in ISO.captures_around(&ISO_INNER, hay) {
        let r = c.get(0).unwrap().range();
        if glued(text, &r) {
            continue;
        }
        let (Some(y), Some(m), Some(d)) = (num(&c, "y"), num(&c, "m"), num(&c, "d")) else {
            continue;
        };
        b.push_day(r, Some(y as i32), m, d, None);
    }
    let months = month_starts(hay);
    for m in NAMED_DAY.find_around_listed(&NAMED_DAY_INNER, hay, months.as_deref()) {
        let c = NamedParts::of(hay, m);
        let m0 = c.get(0).unwrap();
        let dm = c
            .get(named::D0)
            .or(c.get(named::D))
            .or(c.get(named::DW))
            .unwrap();
        let glued_d = text[..dm.start()].ends_with(|ch: char| ch.is_alphanumeric() || ch == ',')
            || (text[..dm.start()].ends_with('.')
                && !span::before(text, dm.start(), 2).eq_ignore_ascii_case("d."));
        if glued_d {
            continue;
        }
        let Some(month) = lexicon::month(c.str(named::M)) else {
            continue;
        };
        if text[m0.end()..].starts_with(|ch: char| ch.is_alphanumeric()) {
            continue;
        }
        let day = match c.get(named::DW) {
            Some(w) => {
                let w = w.as_str().to_lowercase();
                DAY_WORDS.iter().position(|x| *x == w).map(|i| i as u32 + 1)
            }
            None => c.num(named::D),
        };
        let (Some(d), year) = (day, c.get(named::Y).and_then(|y| y.as_str().parse().ok())) else {
            continue;
        };
        let wd = c.get(named::WD).and_then(|w| weekday_index(w.as_str()));
        let start = if wd.is_some() { m0.start() } else { dm.start() };
        // A full month name takes no dot: a dot after it ends the sentence.
        let mut end = m0.end();
        let month_word = c.get(named::M).unwrap();
        if c.get(named::Y).is_none()
            && month_word.as_str().len() >= 5
            && text[month_word.end()..].starts_with('.')
        {
            end = month_word.end();
        }
        let m0 = &(m0.start()..end);
        if let Some(d0) = c.num(named::D0) {
            // `13-15 juli`, `8. aug. - 12. sep. 2024`: a span of days.
            let month0 = c.get(named::M0).and_then(|m| lexicon::month(m.as_str()));
            let year0 = c.get(named::Y0).and_then(|y| y.as_str().parse().ok());
            let before = b.out.len();
            // The start's year: its own, else the end's (one less when
            // the span crosses New Year), else inferred.
            let start_year = year0.or(year.map(|y: i32| {
                if month0.is_some_and(|m0| m0 > month) {
                    y - 1
                } else {
                    y
                }
            }));
            b.push_day(start..m0.end, start_year, month0.unwrap_or(month), d0, None);
            b.span_to(before, |y0| {
                let y = year.unwrap_or(if month0.is_some_and(|m0| m0 > month) {
                    y0 + 1
                } else {
                    y0
                });
                (y, month, d)
            });
            continue;
        }
        if wd.is_none() {
            let listed = listed_days_before(text, dm.start(), d);
            // `mellem 1. og 15. marts`: the days between the two.
            if let [(ref r0, d0)] = listed[..]
                && span::before(text, r0.start, 8)
                    .trim_end()
                    .to_lowercase()
                    .ends_with("mellem")
            {
                let before = b.out.len();
                b.push_day(r0.start..m0.end, year, month, d0, None);
                b.span_to(before, |y0| (y0, month, d));
                continue;
            }
            // `den 1. og 2. oktober 2024`: the days listed before share
            // its month and year.
            for (r, d0) in listed {
                b.push_day(r, year, month, d0, None);
            }
        }
        b.push_day(start..m0.end, year, month, d, wd);
    }
    for c in DAY_MONTH_CUED.captures_around(&DAY_MONTH_CUED_INNER, hay) {
        let (dn, mn) = if c.name("d").is_some() {
            ("d", "m")
        } else {
            ("d2", "m2")
        };
        let r = c.name(dn).unwrap().start()..c.name(mn).unwrap().end();
        // More of a number after it (`5/3-2024`, `1/3.5`); a full stop
        // ends the sentence (`pr. 1/7.`).
        let after = &text.as_bytes()[r.end..];
        if after
            .first()
            .is_some_and(|&ch| ch.is_ascii_digit() || ch == b'-' || ch == b'/')
            || after.starts_with(b".") && after.get(1).is_some_and(u8::is_ascii_digit)
        {
            continue;
        }
        let (Some(d), Some(m)) = (num(&c, dn), num(&c, mn)) else {
            continue;
        };
        // `d. 12/3 2024`: a year after the cued day and month (a whole
        // one, 1900–2099, and no digit after it) is theirs.
        let mut r = r;
        let mut year = None;
        if dn == "d" {
            let after = &text[r.end..];
            let y = after.trim_start_matches([' ', '\u{a0}']);
            let digits = y
                .as_bytes()
                .get(..4)
                .filter(|b| b.iter().all(u8::is_ascii_digit));
            if y.len() < after.len()
                && digits.is_some_and(|b| b.starts_with(b"19") || b.starts_with(b"20"))
                && !y[4..].starts_with(|ch: char| ch.is_ascii_digit())
            {
                year = y[..4].parse().ok();
                r.end += after.len() - y.len() + 4;
            }
        }
        b.push_day(r, year, m, d, None);
    }
    for m in MONTH_YEAR.find_around_listed(&MONTH_YEAR_INNER, hay, months.as_deref()) {
        if !b.free(&m.range()) {
            continue;
        }
        let c = MonthYear::of(hay, m);
        let r = m.range();
        if text[..r.start].ends_with(|ch: char| ch.is_alphanumeric())
            || glued(text, &c.y) && text[c.y.end..].starts_with(|ch: char| ch.is_ascii_digit())
        {
            continue;
        }
        let (Some(m), Some(y)) = (lexicon::month(c.m), text[c.y].parse::<i32>().ok()) else {
            continue;
        };
        let last = days_in_month(y, m);
        let (d1, d2) = match c.pre.map(str::to_lowercase).as_deref() {
            Some("primo" | "start" | "starten af" | "begyndelsen af") => (1, 10),
            Some("medio" | "midten af") => (11, 20),
            Some("ultimo" | "slut" | "slutningen af" | "udgangen af") => (21, last),
            _ => (1, last),
        };
        // `januar-marts 2024`: from the first month; `november-januar
        // 2025` from the year before.
        let from = match c.m0.and_then(lexicon::month) {
            Some(m0) if m0 < m => (y, m0, 1),
            Some(m0) if m0 > m => (y - 1, m0, 1),
            _ => (y, m, d1),
        };
        if c.pre.is_none() && c.m0.is_none() {
            // `marts og april 2024`: the months listed before share its year.
            for (lr, lm) in listed_months_before(text, r.start, m) {
                b.push_period(lr, (y, lm, 1), (y, lm, days_in_month(y, lm)), "month");
            }
        }
        b.push_period(r, from, (y, m, d2), "month");
    }
    let periods = period_starts(hay);
    let halves = match &periods {
        Some(p) => (!p.halves.is_empty())
            .then(|| HALF.find_iter(hay))
            .into_iter()
            .flatten()
            .collect(),
        None => gated(&HALF_WORD, &HALF, hay).collect::<Vec<_>>(),
    };
    for m in halves {
        let Some(c) = b.captures_if_free(&HALF, hay, m) else {
            continue;
        };
        let r = m.range();
        if text[..r.start].ends_with(|ch: char| ch.is_alphanumeric()) {
            continue;
        }
        let half = word_number(&c["n"]);
        let y = c
            .name("y")
            .and_then(|y| y.as_str().parse().ok())
            .or_else(|| b.anchor.get().map(|a| a.0));
        let Some(y) = y else { continue };
        let (s, e) = if half == 1 {
            ((y, 1, 1), (y, 6, 30))
        } else {
            ((y, 7, 1), (y, 12, 31))
        };
        b.push_period_inferred(r, s, e, "half", c.name("y").is_none());
    }
    for m in QUARTER.find_around(&QUARTER_INNER, hay) {
        let Some(c) = b.captures_if_free(&QUARTER, hay, m) else {
            continue;
        };
        let r = m.range();
        if text[..r.start].ends_with(|ch: char| ch.is_alphanumeric()) {
            continue;
        }
        let q = c
            .name("n")
            .map(|n| word_number(n.as_str()))
            .or(num(&c, "q"))
            .unwrap_or(0);
        let y = c
            .name("y")
            .or(c.name("qy"))
            .and_then(|y| y.as_str().parse().ok())
            .or_else(|| b.anchor.get().map(|a| a.0));
        let (Some(y), true) = (y, (1..=4).contains(&q)) else {
            continue;
        };
        let (m1, m2) = (3 * q - 2, 3 * q);
        let inferred = c.name("y").is_none() && c.name("qy").is_none();
        let digit = c.name("n").is_some_and(|n| n.as_str().len() == 1);
        // `1.-3. kvartal 2024`: a span from the first quarter named.
        if digit
            && let Some((at, q0)) = quarter_before_dash(&text[..r.start]).filter(|&(_, q0)| q0 < q)
        {
            let (s, e) = ((y, 3 * q0 - 2, 1), (y, m2, days_in_month(y, m2)));
            b.push_period_inferred(at..r.end, s, e, "quarter", inferred);
            continue;
        }
        if digit {
            // `3. og 4. kvartal 2024`: the quarters listed before share its year.
            let listed = listed_before(text, r.start, q, quarter_at_end);
            for (lr, q0) in listed.unwrap_or_default() {
                let m0 = 3 * q0;
                let (s, e) = ((y, m0 - 2, 1), (y, m0, days_in_month(y, m0)));
                b.push_period_inferred(lr, s, e, "quarter", inferred);
            }
        }
        let (s, e) = ((y, m1, 1), (y, m2, days_in_month(y, m2)));
        b.push_period_inferred(r, s, e, "quarter", inferred);
    }
    weeks(&mut b, hay);
    let seasons = periods.as_ref().map(|p| &p.seasons[..]);
    for m in SEASON.find_around_listed(&SEASON_INNER, hay, seasons) {
        let Some(c) = b.captures_if_free(&SEASON, hay, m) else {
            continue;
        };
        let r = m.range();
        if text[..r.start].ends_with(|ch: char| ch.is_alphanumeric())
            || text[r.end..].starts_with(|ch: char| ch.is_ascii_digit())
        {
            continue;
        }
        let Ok(y) = c["y"].parse::<i32>() else {
            continue;
        };
        let season = c["s"].to_lowercase();
        let (s, e) = if season.starts_with("forår") {
            ((y, 3, 1), (y, 5, 31))
        } else if season.starts_with("sommer") {
            ((y, 6, 1), (y, 8, 31))
        } else if season.starts_with("efterår") {
            ((y, 9, 1), (y, 11, 30))
        } else {
            // Winter Y runs from December Y into February Y+1 (`vinteren 2023-24`).
            ((y, 12, 1), (y + 1, 2, days_in_month(y + 1, 2)))
        };
        b.push_period(r, s, e, "season");
    }
    let parts = periods.as_ref().map(|p| &p.parts[..]);
    for m in PART_OF_YEAR.find_around_listed(&PART_OF_YEAR_INNER, hay, parts) {
        let Some(c) = b.captures_if_free(&PART_OF_YEAR, hay, m) else {
            continue;
        };
        let r = m.range();
        if text[r.end..].starts_with(|ch: char| ch.is_ascii_digit() || ch == '-') {
            continue;
        }
        let Ok(y) = c["y"].parse::<i32>() else {
            continue;
        };
        let (s, e) = match c["p"].to_lowercase().as_str() {
            "primo" | "begyndelsen af" => ((y, 1, 1), (y, 4, 30)),
            "medio" | "midten af" => ((y, 5, 1), (y, 8, 31)),
            _ => ((y, 9, 1), (y, 12, 31)),
        };
        b.push_period(r, s, e, "year");
    }
    let year_candidates = year_candidates(text);
    for YearRange { range: r, y1, y2 } in year_ranges(text, &year_candidates) {
        if glued(text, &r) {
            continue;
        }
        let Ok(y1) = text[y1].parse::<i32>() else {
            continue;
        };
        let y2s = &text[y2];
        let Ok(mut y2) = y2s.parse::<i32>() else {
            continue;
        };
        if y2s.len() == 2 {
            y2 += y1 / 100 * 100;
        }
        if y2 <= y1 || y2 - y1 > 50 {
            continue;
        }
        b.push_period(r, (y1, 1, 1), (y2, 12, 31), "years");
    }
    for (cue, y, y2) in cued_years(hay, &year_candidates) {
        if cue_glued(text, cue) {
            continue;
        }
        for r in std::iter::once(y).chain(y2) {
            if glued(text, &r) || starts_with_kr(span::after(text, r.end, 12)) {
                continue;
            }
            let Ok(year) = text[r.clone()].parse::<i32>() else {
                continue;
            };
            b.push_period(r, (year, 1, 1), (year, 12, 31), "year");
        }
    }
    // `i marts`, `i efteråret`: a month or season without a year, after a
    // preposition, in the year that puts it nearest the anchor.
    let names = match (&months, hay.lowered()) {
        (Some(starts), Some(lower)) => words_at(lower, starts, &lexicon::MONTH_NAMES),
        _ => MONTH_WORD.find_iter(hay).map(|m| m.range()).collect(),
    };
    let yearless = |(cue, r): (usize, Range<usize>)| {
        let year_after = text[r.end..]
            .trim_start()
            .starts_with(|ch: char| ch.is_ascii_digit());
        (!cue_glued(text, cue) && !year_after).then_some(r)
    };
    let month_words: Vec<(Range<usize>, u32)> = cued(names.into_iter(), MONTH_CUES, text)
        .filter_map(yearless)
        .filter_map(|r| Some((r.clone(), lexicon::month(&text[r])?)))
        .collect();
    let names = match (seasons, hay.lowered()) {
        (Some(starts), Some(lower)) => words_at(lower, starts, &SEASON_WORDS),
        _ => SEASON_WORD.find_iter(hay).map(|m| m.range()).collect(),
    };
    let season_words: Vec<Range<usize>> = cued(names.into_iter(), SEASON_CUES, text)
        .filter_map(yearless)
        .collect();
    let any = !month_words.is_empty() || !season_words.is_empty();
    if let Some((ay, am, _)) = any.then(|| b.anchor.get()).flatten() {
        // Minutes look ahead more than back: from three months before the
        // anchor to eight months after it.
        let nearest = |m: u32| -> i32 {
            let diff = m as i32 - am as i32;
            if diff > 8 {
                ay - 1
            } else if diff < -3 {
                ay + 1
            } else {
                ay
            }
        };
        for (r, m) in month_words {
            let y = nearest(m);
            let (s, e) = ((y, m, 1), (y, m, days_in_month(y, m)));
            b.push_period_inferred(r, s, e, "month", true);
        }
        for r in season_words {
            let season = text[r.clone()].to_lowercase();
            let (s, e) = match season.as_str() {
                "foråret" => {
                    let y = nearest(4);
                    ((y, 3, 1), (y, 5, 31))
                }
                "sommeren" => {
                    let y = nearest(7);
                    ((y, 6, 1), (y, 8, 31))
                }
                "efteråret" => {
                    let y = nearest(10);
                    ((y, 9, 1), (y, 11, 30))
                }
                _ => {
                    let y = if am <= 2 { ay - 1 } else { ay };
                    ((y, 12, 1), (y + 1, 2, days_in_month(y + 1, 2)))
                }
            };
            b.push_period_inferred(r, s, e, "season", true);
        }
    }
    b.out.sort_by_key(|f| f.range.start);
    b.out
}

/// This stage's patterns and tables, each built on first use; built ahead
/// by [`crate::prepare`].
pub(crate) const PREPARE: &[fn()] = builders![
    WD,
    NAMED_DAY,
    NAMED_DAY_INNER,
    MONTH_YEAR,
    MONTH_YEAR_INNER,
    MONTH_PREFIXES,
    MONTH_PREFIX_BYTES,
    NUMERIC,
    NUMERIC_INNER,
    ISO,
    ISO_INNER,
    DAY_MONTH_CUED,
    DAY_MONTH_CUED_INNER,
    HALF,
    QUARTER,
    QUARTER_WORD,
    QUARTER_INNER,
    WEEK,
    WEEK_FINDER,
    SEASON,
    PERIOD_WORD,
    SEASON_STEM,
    SEASON_INNER,
    PART_OF_YEAR,
    PART_WORD,
    PART_OF_YEAR_INNER,
    HALF_WORD,
    YEAR_AT,
    YEAR_RANGE_REST,
    AND_YEAR,
    MONTH_WORD,
    SEASON_WORD,
];

#[cfg(test)]
mod tests {
    use super::*;

    /// `lines`, then the text of every seed in `fixtures/`.
    fn with_seeds(lines: &[&str]) -> Vec<String> {
        let mut texts: Vec<String> = lines.iter().map(|s| s.to_string()).collect();
        for e in std::fs::read_dir("fixtures").unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "txt" || x == "md") {
                texts.push(std::fs::read_to_string(p).unwrap());
            }
        }
        texts
    }

    /// The patterns found from an inner literal, each with its literal.
    fn found_around() -> [(&'static str, &'static Caseless, &'static Inner); 8] {
        [
            ("iso", &ISO, &ISO_INNER),
            ("named day", &NAMED_DAY, &NAMED_DAY_INNER),
            ("month and year", &MONTH_YEAR, &MONTH_YEAR_INNER),
            ("season", &SEASON, &SEASON_INNER),
            ("part of a year", &PART_OF_YEAR, &PART_OF_YEAR_INNER),
            ("numeric", &NUMERIC, &NUMERIC_INNER),
            ("cued day/month", &DAY_MONTH_CUED, &DAY_MONTH_CUED_INNER),
            ("quarter", &QUARTER, &QUARTER_INNER),
        ]
    }

    /// Every group of every match, as `captures_iter` gives them.
    fn all_groups<'h>(found: impl Iterator<Item = Captures<'h>>) -> Vec<Vec<Option<Range<usize>>>> {
        found
            .map(|c| c.iter().map(|g| g.map(|g| g.range())).collect())
            .collect()
    }

    fn assert_found_around_as_by_the_whole_pattern(text: &str) {
        let hay = Haystack::new(text);
        for (name, re, inner) in found_around() {
            assert_eq!(
                all_groups(re.captures_around(inner, &hay)),
                all_groups(re.captures_iter(&hay)),
                "{name} in {text:?}"
            );
        }
        // Those found from their months or seasons, found once.
        let (Some(months), Some(periods)) = (month_starts(&hay), period_starts(&hay)) else {
            return;
        };
        for (name, re, inner, starts) in [
            ("named day", &NAMED_DAY, &NAMED_DAY_INNER, &months),
            ("month and year", &MONTH_YEAR, &MONTH_YEAR_INNER, &months),
            ("season", &SEASON, &SEASON_INNER, &periods.seasons),
            (
                "part of a year",
                &PART_OF_YEAR,
                &PART_OF_YEAR_INNER,
                &periods.parts,
            ),
        ] {
            let listed: Vec<_> = re
                .find_around_listed(inner, &hay, Some(starts))
                .map(|m| m.range())
                .collect();
            let all: Vec<_> = re.find_iter(&hay).map(|m| m.range()).collect();
            assert_eq!(listed, all, "{name} in {text:?}");
        }
    }

    /// The month starts are every place a month's first three letters
    /// stand in the lower-cased copy, and the month words found from them
    /// are [`MONTH_WORD`]'s matches; the same of the periods' words (each
    /// kind's list every place of its words) and [`SEASON_WORD`].
    fn assert_month_starts_and_words(text: &str) -> usize {
        let hay = Haystack::new(text);
        let (Some(starts), Some(lower)) = (month_starts(&hay), hay.lowered()) else {
            assert!(hay.lowered().is_none(), "{text:?}");
            return 0;
        };
        let prefixes = month_prefixes();
        let every: Vec<usize> = (0..lower.len())
            .filter(|&i| {
                prefixes
                    .iter()
                    .any(|p| lower.as_bytes()[i..].starts_with(p.as_bytes()))
            })
            .collect();
        assert_eq!(starts, every, "{text:?}");
        let want: Vec<_> = MONTH_WORD.find_iter(&hay).map(|m| m.range()).collect();
        assert_eq!(
            words_at(lower, &starts, &lexicon::MONTH_NAMES),
            want,
            "{text:?}"
        );
        // The same of the seasons, and the places of the parts of a year.
        let periods = period_starts(&hay).expect("a lower-cased copy");
        let every_of = |words: &[&str]| -> Vec<usize> {
            (0..lower.len())
                .filter(|&i| {
                    words
                        .iter()
                        .any(|p| lower.as_bytes()[i..].starts_with(p.as_bytes()))
                })
                .collect()
        };
        let want_periods = Periods {
            seasons: every_of(&SEASON_STEMS),
            parts: every_of(&PART_WORDS),
            halves: every_of(&[HALF_YEAR]),
        };
        assert_eq!(periods, want_periods, "{text:?}");
        let want_seasons: Vec<_> = SEASON_WORD.find_iter(&hay).map(|m| m.range()).collect();
        assert_eq!(
            words_at(lower, &periods.seasons, &SEASON_WORDS),
            want_seasons,
            "{text:?}"
        );
        want.len() + want_seasons.len()
    }

    /// On overlapping beginnings (`junov`), names glued to letters, digits
    /// and `_`, in capitals, beside letters outside ASCII, in every seed and
    /// devset document, and in random texts of their pieces.
    #[test]
    fn month_starts_and_words_are_the_patterns() {
        let seen = crate::checked_on_documents(
            &[
                "junovember, jujuli, JUNI_ marts2 martsø MARTS. i maj og Maj, septembersep",
                "samarbejde, markedet, decdecember, ø-januar, øjanuar, \u{e5}april",
                "nov",
                "",
                "i foråret, FORÅRET_ sommerenx vintervinteren efterårets, i Efteråret.",
                "sommerforåret, ø-vinteren, 2vinteren, sommeren2",
                "primomedio ultimoforåret, sommerprimo, Medio, ULTIMO_",
                "kvartalq1 Q4q5 hhalvår HALVÅRkvartal q12 andet halvår",
            ],
            assert_month_starts_and_words,
        );
        assert!(seen > 50, "{seen}");
    }

    proptest::proptest! {
        #[test]
        fn month_starts_and_words_are_the_patterns_in_any_text(
            text in crate::texts_of(vec![
                "ju", "n", "ov", "ember", "jun", "nov", "i", "li", "MAR", "ts", "_", "2", "ø", " ", "ſ",
                "forår", "et", "som", "mer", "en", "VINTER", "efter", "år", "primo", "medi", "o",
                "ult", "imo", "kvartal", "q", "3", "Q", "halv", "halvår",
            ])
        ) {
            assert_month_starts_and_words(&text);
        }
    }

    /// No word a named day holds before its first month starts or holds a
    /// month's first three letters, so no admitted occurrence stands inside
    /// a match before its anchor ([`NAMED_DAY_INNER`]).
    #[test]
    fn the_kinds_of_period_words_share_no_first_letter() {
        let initials: Vec<u8> = SEASON_STEMS.iter().map(|w| w.as_bytes()[0]).collect();
        assert_eq!(initials, SEASON_INITIALS);
        let parts: Vec<&str> = PART_WORDS.to_vec();
        let kinds = [SEASON_STEMS.to_vec(), parts, vec![HALF_YEAR]];
        for (i, a) in kinds.iter().enumerate() {
            for b in &kinds[i + 1..] {
                for (x, y) in a.iter().flat_map(|x| b.iter().map(move |y| (x, y))) {
                    assert_ne!(x.as_bytes()[0], y.as_bytes()[0], "{x} {y}");
                }
            }
        }
    }

    #[test]
    fn no_word_before_a_month_holds_a_month_literal() {
        let prefixes: Vec<String> = lexicon::month_names()
            .map(|m| m.chars().take(3).collect())
            .collect();
        let words = WEEKDAY_WORDS
            .iter()
            .chain(&DAY_WORDS)
            .chain(&["den", "d.", "til"]);
        for w in words.chain(&MONTH_YEAR_PRE) {
            assert!(!prefixes.iter().any(|p| w.contains(p.as_str())), "{w}");
        }
        let inner = &*NAMED_DAY_INNER;
        assert_eq!((inner.before, inner.after), (34, 48));
    }

    /// Found from their inner literals, the patterns give every match and
    /// group the whole pattern gives: at the edges of their reach (the
    /// longest matches, white space past the windows), with matches side by
    /// side, with literals that are no anchor, in texts searched with the
    /// `(?i)` pattern (`ſ`), and in every seed and devset document.
    #[test]
    fn found_around_as_by_the_whole_pattern() {
        let mut tricky = vec![
            "Torsdag., den 12. september 2024 til den enogtredivte december, 2024".to_string(),
            "tirsdag., d. 12.september 2024 - 3. oktober og fireogtyvende marts".to_string(),
            "mødet d. 01-03-2022 og d. 1.3.22; fredag, den 2/3-2024 kl. 10".to_string(),
            "5. marts6. april7.maj, 1-2-2024-3-4-2025, den 5/3/4 kl 5/6 kl 7-8 klokken 9"
                .to_string(),
            "ſøndag 5. ſeptember 2024, 3/4 kl. 5 og Mandag 1.2.2024".to_string(),
            "5.\u{a0}marts\u{2003}2024, 12\u{3000}jan. og den\u{a0}3/4".to_string(),
            "٥ marts ٢٠٢٤, ١٢/٣ kl ١, ١-٢-٢٠٢٤ og den ٣/٤".to_string(),
            "martsmarked 5 marked, 5 mar, renovering i nov. 2024; separat sep".to_string(),
            "den ſyvende marts, SYVENDE\u{a0}april, Første. maj, første  juni, førstejuli, \
             12.\u{2003}. marts, 12 . marts, x. marts, 12x marts, tyvende.marts"
                .to_string(),
            "2024-03-01, 2024-3-1, 12024-12-12 og 2024-123-1; x2024-1-1x, 2024--1-1, 2024-1--1, \
             ٢٠٢٤-1-1, 2024-٣-1, 2024-1-"
                .to_string(),
            "foråret 2024, Sommeren\u{a0}2025-26, EFTERÅRET 2023 / 24, vinter 2024–25, \
             ſommeren 2024, efterårets 2024, sommerferie 2024, vinteren 20245"
                .to_string(),
            "primo 2025, Medio\u{a0}2026, ULTIMO 2027-, primomedio 2025, ultimo. 2024, ſlut"
                .to_string(),
            "5 mar".to_string(),
            "marts 5.".to_string(),
            "januar".to_string(),
            "31/12".to_string(),
            "3. kvartal 2024, Q4 2025,q1 2026, xq2 2024, fjerde Kvartal i 2023, 4.kvartal"
                .to_string(),
            "førstekvartal af\u{a0}2024 kvartalq3 2025 q5 2024 _q1 2024 éq2 2024".to_string(),
            "4. kvt. 2024, 1.kvt 2025, tredje KVT. i 2026, kvt.kvt. 2024".to_string(),
            "januar-marts 2024, Nov. – jan. 2025, maj til juni 2024, ultimo januar-februar 2025, \
             marts-2024 april, januar til\u{a0}marts\u{2003}2024, jan-feb-mar 2024"
                .to_string(),
            "5 fra 12/3 og 3/4-5 kl 6 og 7/8kl, 9-10\u{a0}kl. 11, 12 x kl 1 og 1-2 klokken"
                .to_string(),
            "SENEST\u{a0}7/3, Inden 8/3, xden 9/3, fra 123/4, d.\u{2003}5/3, TIL٣/4, til ٣/4, \
             1-2 møder, 2023/2024, 5-3 Kl. 9, 5/3\u{a0}KLOKKEN 8, den5/3, 7-8\u{212a}l"
                .to_string(),
            // Words spelt outside ASCII, each alone (a match found from a
            // later slash in its window would hide a slash passed over).
            "ſenest 5/3".to_string(),
            "ſeneſt 6/3".to_string(),
            "5/3 \u{212a}l. 10".to_string(),
            "5-3 \u{212a}lokken 10".to_string(),
        ];
        // The longest matches, spread by white space wider than the first
        // windows (44 and 64 bytes), in all wider than the farthest reach
        // (512), and wider than that in one run.
        for w in [
            " ".repeat(40),
            " ".repeat(100),
            " ".repeat(600),
            "\n\u{a0}".repeat(20),
        ] {
            tricky.push(format!(
                "x torsdag.,{w}den{w}12.{w}september.{w}2024{w}til{w}den{w}otteogtyvende{w}september.,{w}2024 x"
            ));
            tricky.push(format!(
                "x torsdag.,{w}den{w}12.{w}til{w}den{w}otteogtyvende{w}september x"
            ));
            tricky.push(format!(
                "x torsdag.,{w}den{w}12-12-2024{w}x og fredag,{w}d.{w}1/2/24 x"
            ));
            tricky.push(format!(
                "x senest{w}12/3 og 12/31{w}klokken x 12-3{w}klokken x 4/5{w}kl. x"
            ));
            tricky.push(format!("x jan{w}x 6. marts{w}2024 og 5 jan"));
            tricky.push(format!(
                "x slutningen af{w}september.{w}2024 og primo{w}x marts{w}2025 x"
            ));
            tricky.push(format!(
                "x efteråret{w}2024{w}/{w}2025 og vinter{w}2023{w}-{w}24 x"
            ));
            tricky.push(format!("x primo{w}2025 og ultimo{w}2026 x"));
            tricky.push(format!(
                "x tredje.{w}kvartal{w}af{w}2024 og 2{w}kvartal{w}2025 og q3{w}2026 x"
            ));
        }
        for text in &tricky {
            assert_found_around_as_by_the_whole_pattern(text);
        }
        for doc in crate::test_documents() {
            assert_found_around_as_by_the_whole_pattern(&doc);
        }
    }

    /// [`MonthYear::by_hand`] gives the pattern's groups wherever it gives
    /// any, and does for most matches of the documents.
    fn assert_month_year_by_hand(text: &str) -> (usize, usize) {
        let hay = Haystack::new(text);
        let (mut all, mut by_hand) = (0, 0);
        for m in MONTH_YEAR.find_iter(&hay) {
            all += 1;
            let Some(parts) = MonthYear::by_hand(m) else {
                continue;
            };
            by_hand += 1;
            let want = MonthYear::captured(&hay, m);
            assert_eq!(parts, want, "{:?} in {text:.80?}", m.as_str());
        }
        (all, by_hand)
    }

    #[test]
    fn month_year_by_hand_as_by_the_pattern() {
        let mut texts = vec![
            "primo marts 2024, starten af sept. 2025, start  maj 2026, slutningen af\u{a0}juni\u{2003}2027",
            "Ultimo Marts 2024; UDGANGEN AF DEC. 2023; xmarts 2024; marts.. 2024; sept.2024",
            "slut okt 2024 slutningen  af nov 2024 medio ſeptember 2024 marts ٢٠٢٤ juni 20245",
        ]
        .into_iter()
        .map(str::to_string)
        .collect::<Vec<_>>();
        texts.extend(crate::test_documents());
        let (mut all, mut by_hand) = (0, 0);
        for t in &texts {
            let (a, h) = assert_month_year_by_hand(t);
            all += a;
            by_hand += h;
        }
        assert!(by_hand * 10 >= all * 9, "{by_hand} of {all} by hand");
    }

    proptest::proptest! {
        #[test]
        fn month_year_by_hand_in_any_text(
            text in crate::texts_of(vec![
                "primo", "starten af", "start", "slut", "slutningen af", "Medio", "ULTIMO",
                "marts", "mar", "sept", "september", "Sept", "maj", " ", "  ", "\u{a0}", ".",
                "2024", "12", "x", "\n", "ſ", "٢",
            ])
        ) {
            assert_month_year_by_hand(&text);
        }

        /// Texts of the patterns' own pieces, in any order.
        #[test]
        fn found_around_as_by_the_whole_pattern_in_any_text(
            text in crate::texts_of(vec![
                "5", "12", "2024", ".", ",", " ", "  ", "\n", "\u{a0}", "-", "–", "/",
                "marts", "mar", "jan", "sept", "den ", "d.", "til", "kl", "klokken",
                "tors", "fredag", "første", "enogtyvende", "x", "Marts", "ſ", "٣",
                "kvartal", "q", "Q3", "af", "i", "tredje", "_", "TREDJE", "ſyvende",
                "syvende", "Første", "marked", "primo ", "starten af", "slut", "nov", "ju",
                "senest", "inden", "fra", "\u{212a}", "KL",
            ])
        ) {
            assert_found_around_as_by_the_whole_pattern(&text);
        }
    }

    /// Each gate is found in every match of its pattern, so gating skips
    /// nothing the pattern would find.
    #[test]
    fn every_match_of_a_gated_pattern_holds_its_gate() {
        let texts = with_seeds(&[
            "1. halvår 2025, andet HALVÅR af 2026 og 2.halvår",
            "foråret 2024, Sommeren 2025, EFTERÅRET 2023-24, vinteren 2023/2024",
            "primo 2025, Medio 2026, ULTIMO 2027",
        ]);
        let pairs: [(&Caseless, &Caseless); 1] = [(&HALF_WORD, &HALF)];
        let mut matches = 0;
        for (gate, re) in pairs {
            for t in &texts {
                let hay = Haystack::new(t);
                for m in re.find_iter(&hay) {
                    assert!(gate.is_match(&Haystack::new(m.as_str())), "{}", m.as_str());
                    matches += 1;
                }
                let all: Vec<_> = re
                    .captures_iter(&hay)
                    .map(|c| c.get(0).unwrap().range())
                    .collect();
                let some: Vec<_> = gated(gate, re, &hay).map(|m| m.range()).collect();
                assert_eq!(all, some);
            }
        }
        assert!(matches >= 3, "{matches}");
    }

    /// `cued` finds what the pattern it replaced found, `(?:cue|...)\s+name`
    /// searched leftmost-first: on tricky lines and on every seed.
    #[test]
    fn cued_names_are_those_the_old_pattern_found() {
        let old = Regex::new(r"(?i)(?:i|til|fra|inden|primo|medio|ultimo|siden|frem til|i løbet af)\s+(?P<m>januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)(?-u:\b)").unwrap();
        let old_season = Regex::new(r"(?i)(?:i|til|fra|inden|hen over|henover|i løbet af)\s+(?P<s>foråret|sommeren|efteråret|vinteren)(?-u:\b)").unwrap();
        let texts = with_seeds(&[
            "i marts",
            "I MARTS",
            "frem til juni",
            "xfrem til juni",
            "hvori marts",
            "i juli marts",
            "til i maj",
            "I LØBET AF april",
            "i\n\nmarts",
            "imarts",
            "i martsen",
            "fra  august og til september",
            "siden december.",
            "hen over sommeren",
            "i løbet af Efteråret",
            "henover vinteren i foråret",
        ]);
        let mut seen = 0;
        for t in &texts {
            let want: Vec<(usize, std::ops::Range<usize>)> = old
                .captures_iter(t)
                .map(|c| (c.get(0).unwrap().start(), c.name("m").unwrap().range()))
                .collect();
            let hay = Haystack::new(t);
            let months = MONTH_WORD.find_iter(&hay).map(|m| m.range());
            let got: Vec<(usize, std::ops::Range<usize>)> = cued(months, MONTH_CUES, t).collect();
            assert_eq!(got, want, "{}", &t[..t.len().min(60)]);
            seen += want.len();
            let want: Vec<_> = old_season
                .captures_iter(t)
                .map(|c| (c.get(0).unwrap().start(), c.name("s").unwrap().range()))
                .collect();
            let seasons = SEASON_WORD.find_iter(&hay).map(|m| m.range());
            let got: Vec<_> = cued(seasons, SEASON_CUES, t).collect();
            assert_eq!(got, want, "{}", &t[..t.len().min(60)]);
        }
        assert!(seen > 20, "{seen}");
    }

    fn assert_years_as_by_the_pattern(text: &str) {
        let want: Vec<_> = YEAR_WORD.find_iter(text).map(|m| m.range()).collect();
        let got: Vec<_> = years(&year_candidates(text)).collect();
        assert_eq!(got, want, "{text:?}");
    }

    /// The years found byte by byte are the pattern's matches: overlapping
    /// candidates, other scripts' digits, the text's end, every seed and
    /// devset document, and random texts of digits.
    #[test]
    fn years_are_the_year_pattern_matches() {
        for text in [
            "2019 1920 120245 19192020 201 20 19",
            "20\u{663}\u{664} 2\u{0660}24 19\u{664}4 20٢4x 1920٣",
            "i 2024, 1999-2000 og 20012",
            "ø2024ø 201\u{663} 191٩",
        ] {
            assert_years_as_by_the_pattern(text);
        }
        assert_eq!(years(&year_candidates("20٢٤ og 1999")).count(), 2);
        for doc in crate::test_documents() {
            assert_years_as_by_the_pattern(&doc);
        }
    }

    proptest::proptest! {
        #[test]
        fn years_are_the_year_pattern_matches_in_any_text(
            text in crate::texts_of(vec!["1", "2", "9", "0", "19", "20", "٢", "x", " ", "ø"])
        ) {
            assert_years_as_by_the_pattern(&text);
        }
    }

    fn assert_year_ranges_as_by_the_pattern(text: &str) -> usize {
        let want: Vec<_> = YEAR_RANGE
            .captures_iter(text)
            .map(|c| {
                let y2 = c.name("y2").or(c.name("y2t")).unwrap();
                (
                    c[0].to_string(),
                    c["y1"].to_string(),
                    y2.as_str().to_string(),
                )
            })
            .collect();
        let got: Vec<_> = year_ranges(text, &year_candidates(text))
            .into_iter()
            .map(|r| {
                (
                    text[r.range].to_string(),
                    text[r.y1].to_string(),
                    text[r.y2].to_string(),
                )
            })
            .collect();
        assert_eq!(got, want, "{text:?}");
        want.len()
    }

    /// The year ranges found from the year candidates are the pattern's
    /// matches: with white space and en dashes, two-digit ends, a range
    /// inside a longer one (`X2019 - 2020-2021`: the first match takes the
    /// second year, so the next starts after it), overlapping candidates,
    /// other scripts' digits, every seed and devset document, and random
    /// texts of their pieces.
    #[test]
    fn year_ranges_are_the_pattern_matches() {
        let seen = crate::checked_on_documents(
            &[
                "2019-2020, 2019 – 2020, 2023/24, 1999 -\n 2001 og 2020-",
                "X2019 - 2020-2021 og 202019-2020-2021",
                "2020 - 2021 - 2022 2022/2023/2024 2019-20190",
                "20\u{663}\u{664}-2025 2024-٢٠٢٥ 2024\u{a0}–\u{2003}25",
                "2024 -x 2024- 2024/ 2 2024-2",
                "fra 2024 til 2026, 2024 til 26, 2024til 2025, 2024 til\u{a0}2025 til 2026",
            ],
            assert_year_ranges_as_by_the_pattern,
        );
        assert!(seen > 15, "{seen}");
    }

    proptest::proptest! {
        #[test]
        fn year_ranges_are_the_pattern_matches_in_any_text(
            text in crate::texts_of(vec!["19", "20", "2", "4", "٢", "-", "–", "/", " ", "x", "2024", "-20", "til"])
        ) {
            assert_year_ranges_as_by_the_pattern(&text);
        }
    }

    #[test]
    fn cued_years_are_those_the_old_pattern_found() {
        let old = Regex::new(r"(?i)(?:i|fra|til|for|siden|inden|før|efter|året|år|udgangen af|slutningen af|starten af|begyndelsen af|løbet af|frem mod|til og med|henover|hen over)\s+(?P<y>(?:19|20)\d\d)(?:\s+(?:og|eller)\s+(?P<y2>(?:19|20)\d\d))?").unwrap();
        let texts = with_seeds(&[
            "i 2024",
            "I 2024 og 2025",
            "i 2023 og i 2024",
            "i 2023 til 2024",
            "ÅRET 2022",
            "hvori 2024",
            "i 12019",
            "i 192019",
            "til og med 2026 eller 2027",
            "år 2020  OG  2021",
            "2019 og 2020",
            "i 2019 og 2020 og 2021",
            "frem mod\n2030",
            "i 20٢٤ og 19٩٩",
        ]);
        let mut seen = 0;
        for t in &texts {
            let want: Vec<_> = old
                .captures_iter(t)
                .map(|c| {
                    let y2 = c.name("y2").map(|m| m.range());
                    (c.get(0).unwrap().start(), c.name("y").unwrap().range(), y2)
                })
                .collect();
            assert_eq!(
                cued_years(&Haystack::new(t), &year_candidates(t)),
                want,
                "{}",
                &t[..t.len().min(60)]
            );
            seen += want.len();
        }
        assert!(seen > 20, "{seen}");
    }

    /// The anchor is sought once, and only for a date without a year: not
    /// for texts whose dates all have one (or that have none), once for
    /// several yearless days, months, seasons, halves and quarters; and the
    /// dates are those found with the anchor given.
    #[test]
    fn the_anchor_is_sought_only_when_needed() {
        let anchor = Some((2024, 3, 1));
        let calls = |text: &str| {
            let n = std::cell::Cell::new(0);
            let found = dates_anchored(&Haystack::new(text), &|| {
                n.set(n.get() + 1);
                anchor
            });
            assert_eq!(found, dates(text, &DateContext { anchor }), "{text}");
            n.get()
        };
        for text in [
            "Mødet den 12. marts 2024 og i 2. halvår 2025.",
            "Ingen datoer her.",
            "Fra 1.3.2024 til 31. december 2024, Q1 2025.",
        ] {
            assert_eq!(calls(text), 0, "{text}");
        }
        for text in [
            "i marts",
            "i efteråret",
            "den 12. marts",
            "i 2. halvår",
            "i 1. kvartal",
            "i marts og i april, den 3. maj, i foråret og i 2. halvår",
        ] {
            assert_eq!(calls(text), 1, "{text}");
        }
    }

    fn one(text: &str, anchor: Option<(i32, u32, u32)>) -> FoundDateRef {
        let found = dates(text, &DateContext { anchor });
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found.into_iter().next().unwrap()
    }

    /// [`NUMERIC`]'s matches taken apart by hand give the groups its
    /// captures give: after weekdays in full and short, with `den`, `d.`,
    /// in capitals (a text that is searched with `(?i)`, as the Kelvin
    /// sign cannot be lowered in place), with numbers other than ASCII
    /// digits, and in every document of the seeds and the devset.
    #[test]
    fn numeric_parts_are_the_patterns_groups() {
        let tricky = [
            "mandag den 1.2.2024",
            "Man., d. 12/3-24",
            "tors. 01-03-2024",
            "d.1.2.2024",
            "TIRSDAG 5.6.07",
            "lørdag,  7/8/2025",
            "søn. den\u{a0}9.10.11",
            "LØRDAG D. 7.8.2025",
            "\u{212a} Den 1.2.2024, TORSDAG 3.4.2025 og ONS. 5.6.26",
            "\u{661}\u{662}.\u{663}.\u{662}\u{660}\u{662}\u{664}",
            "tormandag 1.2.2024",
            "112.05.2024 og 1.2.3.2024",
            "den 3.4.2025 og 5-6-2026",
        ];
        let docs = crate::test_documents();
        let (mut seen, mut weekdays) = (0, 0);
        for text in tricky
            .iter()
            .copied()
            .chain(docs.iter().map(String::as_str))
        {
            let hay = Haystack::new(text);
            for c in NUMERIC.captures_iter(&hay) {
                let m = c.get(0).unwrap();
                let p = NumericParts::of(m);
                let want = |name: &str| c.name(name).map(|g| Group::within(g, 0..g.len()));
                assert_eq!(p.wd, want("wd"), "{:?}", m.as_str());
                assert_eq!(Some(p.d), want("d"), "{:?}", m.as_str());
                assert_eq!(Some(p.s1), want("s1"), "{:?}", m.as_str());
                assert_eq!(Some(p.m), want("m"), "{:?}", m.as_str());
                assert_eq!(Some(p.s2), want("s2"), "{:?}", m.as_str());
                assert_eq!(Some(p.y), want("y"), "{:?}", m.as_str());
                seen += 1;
                weekdays += usize::from(p.wd.is_some());
            }
        }
        assert!(seen >= 20 && weekdays >= 9, "{seen} {weekdays}");
    }

    /// A day and a month taken apart by hand give the groups the pattern
    /// captures, and matches of other shapes are left to the pattern:
    /// after dots, odd white space, commas, abbreviations, glued letters
    /// and digits, in capitals, with numbers other than ASCII digits, and
    /// in every document of the seeds and the devset.
    #[test]
    fn named_days_taken_apart_are_the_patterns_groups() {
        let tricky = [
            "12. marts 2024",
            "1.marts",
            "3 maj, 2025",
            "30. sept. 2024",
            "5. december.",
            "1. septembers",
            "12.\u{a0}marts\u{2003}2024",
            "2. MARTS 2024",
            "1. marts 20245",
            "7. jan.,  2026",
            "den 1. marts 2024",
            "d.30 april",
            "d. 26. april.",
            "mandag den 22. april",
            "fredag d. 01. marts 2024",
            "tirs.,\u{a0}den\t3. maj",
            "LØRDAG D. 7. SEPT. 2025",
            "søn den 4. maj",
            "tormandag den 1. maj",
            "dens 1. maj",
            "mandagden 1. maj",
            "mandag d. 3. april 2024",
            "13-15 juli",
            "8. aug. - 12. sep. 2024",
            "1. til 3. maj",
            "første marts",
            "\u{661}. marts",
            "\u{212a} 3. Marts 2024 og 4. APRIL",
        ];
        let docs = crate::test_documents();
        let (mut fast, mut slow) = (0, 0);
        for text in tricky
            .iter()
            .copied()
            .chain(docs.iter().map(String::as_str))
        {
            let hay = Haystack::new(text);
            for c in NAMED_DAY.captures_iter(&hay) {
                let m = c.get(0).unwrap();
                let Some(parts) = NamedParts::day_and_month(m) else {
                    slow += 1;
                    continue;
                };
                for i in 0..9 {
                    let want = c.get(i).map(|g| (g.start(), g.as_str()));
                    let got = parts.get(i).map(|g| (g.start(), g.as_str()));
                    assert_eq!(got, want, "group {i} of {:?}", m.as_str());
                }
                fast += 1;
            }
        }
        assert!(fast >= 20 && slow >= 7, "{fast} {slow}");
    }

    /// The group indices the hot loops use are the groups' names.
    #[test]
    fn group_indices_are_the_named_groups() {
        NAMED_DAY.assert_group_indices(&[
            ("wd", named::WD),
            ("d0", named::D0),
            ("m0", named::M0),
            ("y0", named::Y0),
            ("d", named::D),
            ("dw", named::DW),
            ("m", named::M),
            ("y", named::Y),
        ]);
    }

    #[test]
    fn days() {
        for (text, want) in [
            ("d. 01-03-2024", "2024-03-01"),
            ("01.03.2024", "2024-03-01"),
            ("1.10.19", "2019-10-01"),
            ("Fredag d. 01. marts 2024", "2024-03-01"),
            ("den 12. april 2024", "2024-04-12"),
            ("1. januar 2024", "2024-01-01"),
            ("29. marts 2023", "2023-03-29"),
            ("17. sept. 2026", "2026-09-17"),
            ("2026-08-21", "2026-08-21"),
            ("03.08.26", "2026-08-03"),
        ] {
            let f = one(text, None);
            assert_eq!(f.value.as_deref(), Some(want), "{text}");
            assert_eq!(f.precision, "day");
            assert!(!f.year_inferred);
        }
    }

    #[test]
    fn day_without_year_takes_the_meeting_year() {
        let f = one("Deadline er mandag den 22. april.", Some((2024, 3, 1)));
        assert_eq!(f.range.end, "Deadline er mandag den 22. april".len());
        assert_eq!(f.value.as_deref(), Some("2024-04-22"));
        assert!(f.year_inferred && f.warning.is_none());
        let f = one("den 5. februar", None);
        assert_eq!(f.value, None);
        assert!(f.warning.is_some());
        // The weekday picks the year: 2014-07-18 is a Friday.
        let f = one("fredag den 18. juli", Some((2013, 2, 12)));
        assert_eq!(f.value.as_deref(), Some("2014-07-18"));
    }

    #[test]
    fn periods_without_year_after_a_cue() {
        let found = dates(
            "drøftes i marts og behandles politisk i efteråret",
            &DateContext {
                anchor: Some((2024, 3, 1)),
            },
        );
        let got: Vec<(&str, &str, bool)> = found
            .iter()
            .map(|f| {
                (
                    f.start.as_deref().unwrap_or_default(),
                    f.precision,
                    f.year_inferred,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("2024-03-01", "month", true),
                ("2024-09-01", "season", true)
            ]
        );
        // Without an anchor there is nothing to infer from: not reported.
        assert!(dates("i marts", &DateContext::default()).is_empty());
    }

    #[test]
    fn years_joined_by_og_and_glued_day() {
        let found = dates("i løbet af 2024 og 2025", &DateContext::default());
        assert_eq!(found.len(), 2);
        let f = one("d.30 april og", Some((2024, 4, 12)));
        assert_eq!(f.value.as_deref(), Some("2024-04-30"));
    }

    #[test]
    fn weekday_mismatch_warns() {
        let f = one("Torsdag d. 01. marts 2024", None);
        assert!(f.warning.unwrap().contains("weekday"));
    }

    #[test]
    fn periods() {
        for (text, start, end, precision) in [
            ("april 2018", "2018-04-01", "2018-04-30", "month"),
            ("ultimo november 2023", "2023-11-21", "2023-11-30", "month"),
            ("primo 2024", "2024-01-01", "2024-04-30", "year"),
            ("2. halvår af 2024", "2024-07-01", "2024-12-31", "half"),
            ("1. halvår 2024", "2024-01-01", "2024-06-30", "half"),
            ("1. kvartal 2025", "2025-01-01", "2025-03-31", "quarter"),
            ("efteråret 2024", "2024-09-01", "2024-11-30", "season"),
            ("vinteren 2023-24", "2023-12-01", "2024-02-29", "season"),
            ("2014-2017", "2014-01-01", "2017-12-31", "years"),
            ("2023-25", "2023-01-01", "2025-12-31", "years"),
            ("i 2024", "2024-01-01", "2024-12-31", "year"),
        ] {
            let f = one(text, None);
            assert_eq!(
                (
                    f.start.as_deref().unwrap_or_default(),
                    f.end.as_deref().unwrap_or_default(),
                    f.precision
                ),
                (start, end, precision),
                "{text}"
            );
        }
    }

    /// ISO weeks: week 1 holds the year's first Thursday; a year has 53
    /// weeks only when its last one's Thursday is in it.
    #[test]
    fn week_mondays() {
        assert_eq!(week_monday(2024, 1), Some((2024, 1, 1)));
        assert_eq!(week_monday(2021, 1), Some((2021, 1, 4)));
        assert_eq!(week_monday(2026, 1), Some((2025, 12, 29)));
        assert_eq!(week_monday(2020, 53), Some((2020, 12, 28)));
        assert_eq!(week_monday(2021, 53), None);
        assert_eq!(week_monday(2024, 0), None);
        assert_eq!(week_monday(2024, 54), None);
        assert_eq!(after_days((2024, 2, 28), 2), (2024, 3, 1));
        assert_eq!(after_days((2024, 1, 1), -1), (2023, 12, 31));
        assert_eq!(after_days((2024, 12, 30), 400), (2026, 2, 3));
    }

    /// Days listed before a named day share its month and year, and
    /// months before a month its year, each its own date at its own
    /// words; a list that does not rise, or a number glued to another, is
    /// not read.
    #[test]
    fn listed_days_share_the_month() {
        let ctx = DateContext {
            anchor: Some((2024, 3, 4)),
        };
        let read = |text: &str| -> Vec<(String, String)> {
            dates(text, &ctx)
                .into_iter()
                .map(|f| (text[f.range].to_string(), f.start.unwrap().to_string()))
                .collect()
        };
        let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
            v.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        assert_eq!(
            read("Mødet holdes den 1. og 2. oktober 2024."),
            pairs(&[("1.", "2024-10-01"), ("2. oktober 2024", "2024-10-02")])
        );
        assert_eq!(
            read("Kurset afholdes 3., 4. og 5. juni 2024."),
            pairs(&[
                ("3.", "2024-06-03"),
                ("4.", "2024-06-04"),
                ("5. juni 2024", "2024-06-05")
            ])
        );
        assert_eq!(
            read("Møder d. 12. samt 26. marts"),
            pairs(&[("12.", "2024-03-12"), ("26. marts", "2024-03-26")])
        );
        assert_eq!(
            read("Den 12. og 3. marts 2024"),
            pairs(&[("3. marts 2024", "2024-03-03")])
        );
        assert_eq!(
            read("version 2.1. og 3. marts 2024"),
            pairs(&[("3. marts 2024", "2024-03-03")])
        );
        // `mellem` two listed days: the days between them.
        let span = dates("Mellem 1. og 15. marts 2024 er der lukket.", &ctx);
        assert_eq!(span.len(), 1, "{span:?}");
        assert_eq!(
            (
                span[0].start.unwrap().to_string(),
                span[0].end.unwrap().to_string()
            ),
            ("2024-03-01".to_string(), "2024-03-15".to_string())
        );
        assert_eq!(
            read("Afsnit 1 og 2. marts 2024"),
            pairs(&[("2. marts 2024", "2024-03-02")])
        );
        // Months listed before a month and its year share the year.
        assert_eq!(
            read("januar, februar og marts 2025"),
            pairs(&[
                ("januar", "2025-01-01"),
                ("februar", "2025-02-01"),
                ("marts 2025", "2025-03-01")
            ])
        );
        assert_eq!(
            read("jan. eller feb. 2025"),
            pairs(&[("jan.", "2025-01-01"), ("feb. 2025", "2025-02-01")])
        );
        assert_eq!(
            read("juni og maj 2024"),
            pairs(&[("maj 2024", "2024-05-01")])
        );
        assert_eq!(
            read("Budget og marts 2024"),
            pairs(&[("marts 2024", "2024-03-01")])
        );
        // Weeks listed after a week, rising.
        assert_eq!(
            read("i uge 12, 13 og 14"),
            pairs(&[
                ("uge 12", "2024-03-18"),
                ("13", "2024-03-25"),
                ("14", "2024-04-01")
            ])
        );
        assert_eq!(read("i uge 12 og 3"), pairs(&[("uge 12", "2024-03-18")]));
        // Quarters listed before a quarter and its year.
        assert_eq!(
            read("i 3. og 4. kvartal 2024"),
            pairs(&[("3.", "2024-07-01"), ("4. kvartal 2024", "2024-10-01")])
        );
        assert_eq!(
            read("i 4. og 3. kvartal 2024"),
            pairs(&[("3. kvartal 2024", "2024-07-01")])
        );
        // A letter of two bytes before the dot is no quarter (it cut the
        // text inside the letter).
        assert_eq!(
            read("hø.-3. kvartal 2024, sø. og 4. kvartal 2024"),
            pairs(&[
                ("3. kvartal 2024", "2024-07-01"),
                ("4. kvartal 2024", "2024-10-01")
            ])
        );
    }

    #[test]
    fn not_dates() {
        for text in [
            "Sagnr.: 1-36-70-7-22",
            "710-2014-13731",
            "Ubuntu 22.04",
            "version 7.0.3",
            "tlf. 22751071",
            "1.035.458 kr.",
            "12-20 seminaret",
            "kl. 13.30",
            "5500 Middelfart",
        ] {
            assert!(
                dates(text, &DateContext::default()).is_empty(),
                "{text}: {:?}",
                dates(text, &DateContext::default())
            );
        }
    }

    #[test]
    fn weekdays() {
        assert_eq!(weekday(2024, 3, 1), 4); // Friday
        assert_eq!(weekday(2013, 2, 12), 1); // Tuesday
    }
}
