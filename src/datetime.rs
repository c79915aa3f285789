//! Danish calendar dates and clock times, as minutes write them.
//!
//! Takes a short piece of text (a title, a `Mødedato` line) and gives the
//! first date or clock time in it with its byte range. Used for the meeting
//! header and item time slots.
//!
//! ```
//! use referat::datetime::{find_date, find_times};
//! assert_eq!(find_date("Fredag d. 01. marts 2024 kl. 13:30").unwrap().iso(), "2024-03-01");
//! assert_eq!(find_date("d. 01-03-2024").unwrap().iso(), "2024-03-01");
//! let t = find_times("(kl. 14:15 – 14:30)").unwrap();
//! assert_eq!((t.start.as_str(), t.end.as_deref()), ("14:15", Some("14:30")));
//! ```

use crate::caseless::{CapturesIfAny, Caseless, Haystack};
use crate::lexicon;
use crate::record::IsoDate;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A calendar date found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundDate {
    /// Year, four digits.
    pub year: i32,
    /// Month 1–12.
    pub month: u32,
    /// Day 1–31.
    pub day: u32,
    /// Where it stands in the searched text.
    pub range: (usize, usize),
}

impl FoundDate {
    /// `YYYY-MM-DD` (a found date is [`valid`]: its year is 1900–2100).
    pub fn iso(&self) -> IsoDate {
        IsoDate::new(self.year, self.month, self.day).expect("a valid date")
    }

    /// The byte range in the searched text.
    pub fn range(&self) -> Range<usize> {
        self.range.0..self.range.1
    }
}

/// A clock time or time range, `HH:MM`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundTimes {
    /// Start, `HH:MM`.
    pub start: String,
    /// End, `HH:MM`, when a range is given.
    pub end: Option<String>,
    /// Where it stands in the searched text.
    pub range: Range<usize>,
}

/// A day, a month name and a year (`5. marts 2024`), in lower case.
fn named_date_pattern() -> String {
    format!(
        r"(?-u:\b)(\d{{1,2}})\.?\s*({})\.?\s+(\d{{4}})(?-u:\b)",
        lexicon::month_alternation()
    )
}
/// [`named_date_pattern`] in any case, for the short texts of a head.
static NAMED_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("(?i){}", named_date_pattern())).unwrap());
static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^\d.\-/])(\d{1,2})([-./])(\d{1,2})([-./])(\d{4}|\d{2})(?:$|[^\d\-/]|\.(?:\D|$))",
    )
    .unwrap()
});
static ISO_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(\d{4})-(\d{2})-(\d{2})(?-u:\b)").unwrap());

/// Days in `month` of `year`.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// Whether the date exists (years 1900–2100).
pub fn valid(year: i32, month: u32, day: u32) -> bool {
    (1900..=2100).contains(&year)
        && (1..=12).contains(&month)
        && day >= 1
        && day <= days_in_month(year, month)
}

/// Expands a two-digit year: `19` → 2019, `98` → 1998.
pub fn full_year(digits: &str) -> Option<i32> {
    let y: i32 = digits.parse().ok()?;
    Some(match digits.len() {
        2 if y <= 69 => 2000 + y,
        2 => 1900 + y,
        _ => y,
    })
}

/// [`NAMED_DATE`] as a [`Caseless`] pattern, for a whole document's
/// [`Haystack`]: searched in the lower-cased text, its month names are
/// literals the engine finds fast, where the `(?i)` pattern ran its
/// automaton over every byte of a document without a named date.
static NAMED_DATE_LOWER: LazyLock<Caseless> =
    LazyLock::new(|| Caseless::new(&named_date_pattern()));

/// The first complete calendar date in `text` (day, month and year written).
pub fn find_date(text: &str) -> Option<FoundDate> {
    // Every date read has its day and year in ASCII digits (`str::parse`
    // reads no others): a text without one has none, and most of a
    // head's lines are searched for nothing.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    first_date(text, NAMED_DATE.captures_if_any(text), true)
}

/// [`find_date`] of a document whose lower-cased copy is made already.
pub fn find_date_in(hay: &Haystack) -> Option<FoundDate> {
    let named = NAMED_DATE_LOWER.captures_iter(hay).next();
    first_date(hay.text(), named, true)
}

/// The first date in `text`, given the first match of [`NAMED_DATE`] (its
/// groups' text lower-cased or not: month names are looked up in any case).
/// `bounded`: a date found ends the search for the others shortly after
/// it (the tests compare it with the search of the whole text).
fn first_date(text: &str, named: Option<regex::Captures>, bounded: bool) -> Option<FoundDate> {
    let mut best: Option<FoundDate> = None;
    // The earliest valid date.
    let consider = |best: &mut Option<FoundDate>, (year, month, day), range: (usize, usize)| {
        if valid(year, month, day) && best.is_none_or(|b| range.0 < b.range.0) {
            *best = Some(FoundDate {
                year,
                month,
                day,
                range,
            });
        }
    };
    if let Some(c) = named {
        let day = c[1].parse().unwrap_or(0);
        let month = lexicon::month(&c[2]).unwrap_or(0);
        let year = c[3].parse().unwrap_or(0);
        let m = c.get(0).unwrap();
        consider(&mut best, (year, month, day), (m.start(), m.end()));
    }
    // A date found bounds the search for an earlier one: a match is at
    // most 15 bytes long, so any starting before it ends long before the
    // cut, and what is cut off (a `$` matched there) starts after it.
    let upto = |best: &Option<FoundDate>| match best {
        Some(b) if bounded => {
            let mut cut = (b.range.0 + 64).min(text.len());
            while !text.is_char_boundary(cut) {
                cut += 1;
            }
            &text[..cut]
        }
        _ => text,
    };
    for c in NUMERIC_DATE.captures_iter(upto(&best)) {
        if c[2] != c[4] {
            continue;
        }
        let (day, month) = (c[1].parse().unwrap_or(0), c[3].parse().unwrap_or(0));
        if let Some(year) = full_year(&c[5])
            && valid(year, month, day)
        {
            let (s, e) = (c.get(1).unwrap().start(), c.get(5).unwrap().end());
            consider(&mut best, (year, month, day), (s, e));
            break;
        }
    }
    if let Some(c) = ISO_DATE.captures_if_any(upto(&best)) {
        let (year, month, day) = (
            c[1].parse().unwrap_or(0),
            c[2].parse().unwrap_or(0),
            c[3].parse().unwrap_or(0),
        );
        let m = c.get(0).unwrap();
        consider(&mut best, (year, month, day), (m.start(), m.end()));
    }
    best
}

/// A calendar date written `YYYY-MM-DD`, checked.
///
/// ```
/// assert_eq!(referat::datetime::parse_iso_date("2013-02-12"), Some((2013, 2, 12)));
/// assert_eq!(referat::datetime::parse_iso_date("2013-02-30"), None);
/// ```
pub fn parse_iso_date(s: &str) -> Option<(i32, u32, u32)> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i32 = s[..4].parse().ok()?;
    let m: u32 = s[5..7].parse().ok()?;
    let d: u32 = s[8..].parse().ok()?;
    valid(y, m, d).then_some((y, m, d))
}

/// `kl. 13.30`, `klokken 15`, or a bare `13:30` (a colon, two-digit
/// minutes), optionally a range to a second time.
static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:(?-u:\b)(?:kl\.?|klokken)\s*(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?|(?-u:\b)(?P<bh>\d{1,2}):(?P<bm>\d{2}))(?:\s*(?:[-–—]|til)\s*(?:kl\.?\s*|klokken\s*)?(?P<h2>\d{1,2})(?:[:.](?P<m2>\d{2}))?)?",
    )
    .unwrap()
});

fn hhmm(h: &str, m: Option<&str>) -> Option<String> {
    let h: u32 = h.parse().ok()?;
    let m: u32 = m.map_or(Some(0), |m| m.parse().ok())?;
    (h <= 24 && m < 60).then(|| format!("{h:02}:{m:02}"))
}

/// The first clock time (`kl. HH:MM`, `klokken 15`, a bare `13:30`) or time
/// range (`kl. 13:30-13:35`, `9:30 til 11:00`) in `text`.
pub fn find_times(text: &str) -> Option<FoundTimes> {
    for c in CLOCK.captures_iter(text) {
        let whole = c.get(0).unwrap();
        let (h, m) = match c.name("h") {
            Some(h) => (h, c.name("m")),
            None => {
                // A bare time is not part of a longer number (`1.10:30`,
                // `15:23:24`, `3:1`).
                let before = text[..whole.start()].chars().next_back();
                let after = &text[whole.end()..];
                let glued_after = after.starts_with(|ch: char| ch.is_ascii_digit())
                    || (after.starts_with([':', '.', ','])
                        && after[1..].starts_with(|ch: char| ch.is_ascii_digit()));
                if before.is_some_and(|ch| {
                    ch.is_alphanumeric() || matches!(ch, '.' | ',' | ':' | '/' | '-')
                }) || glued_after
                {
                    continue;
                }
                (c.name("bh").unwrap(), c.name("bm"))
            }
        };
        let Some(start) = hhmm(h.as_str(), m.map(|m| m.as_str())) else {
            continue;
        };
        let end = c
            .name("h2")
            .and_then(|h| hhmm(h.as_str(), c.name("m2").map(|m| m.as_str())));
        let range = match end {
            Some(_) => whole.range(),
            None => whole.start()..m.unwrap_or(h).end(),
        };
        return Some(FoundTimes { start, end, range });
    }
    None
}

/// This stage's patterns and tables, each built on first use; built ahead
/// by [`crate::prepare`].
pub(crate) const PREPARE: &[fn()] =
    builders![NAMED_DATE, NUMERIC_DATE, ISO_DATE, NAMED_DATE_LOWER, CLOCK];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_written_in_minutes() {
        for (text, want) in [
            (
                "REFERAT Sundhedsklynge Lillebælt d. 01-03-2024",
                "2024-03-01",
            ),
            ("Fredag d. 01. marts 2024 kl. 13:30", "2024-03-01"),
            ("den 12. april 2024 kl. 12:00", "2024-04-12"),
            ("tirsdag den 12. september 2023 kl. 16.00", "2023-09-12"),
            ("Tid: 21.04.2026 kl. 9-12", "2026-04-21"),
            ("Mødedato: 03.08.26", "2026-08-03"),
            ("Dato: 2026-08-21", "2026-08-21"),
            ("1.10.19 niveau", "2019-10-01"),
            ("17. sept. 2026", "2026-09-17"),
        ] {
            assert_eq!(
                find_date(text).map(|d| d.iso()).as_deref(),
                Some(want),
                "{text}"
            );
        }
    }

    /// The whole-document search finds the date the `(?i)` pattern finds:
    /// in capitals, with `ſ` (searched with the `(?i)` pattern), and in
    /// every seed and devset document.
    #[test]
    fn find_date_in_is_find_date() {
        let mut texts: Vec<String> = [
            "Referat 12. MARTS 2024 og 3. April 2025",
            "ſidst: 5. Sept. 2026, før 2026-01-02",
            "x5. marts 2024 og 1-2-2024, ÅRHUS 7. DECEMBER 2023",
            "intet",
        ]
        .map(String::from)
        .to_vec();
        texts.extend(crate::test_documents());
        let mut found = 0;
        for text in &texts {
            let want = find_date(text);
            found += usize::from(want.is_some());
            assert_eq!(find_date_in(&Haystack::new(text)), want, "{text}");
        }
        assert!(found >= 3, "{found}");
    }

    /// Texts without an ASCII digit are passed over as the patterns would
    /// pass them: dates in other scripts' digits (which `\d` matches) are
    /// read by none, and every line and paragraph of the seeds and the
    /// devset gives what the search gives.
    #[test]
    fn texts_without_ascii_digits_have_no_date() {
        let tricky = [
            "١٢. marts ٢٠٢٤",
            "５.３.２０２４",
            "１２-０３-２０２４ og ٢٠٢٤-٠٣-١٢",
            "den tolvte marts",
            "12. marts 2024",
        ];
        let mut found = 0;
        for text in &crate::test_lines_and_paragraphs(&tricky) {
            let text = text.as_str();
            let want = first_date(text, NAMED_DATE.captures_if_any(text), true);
            assert_eq!(find_date(text), want, "{text:?}");
            found += usize::from(want.is_some());
        }
        assert!(found >= 5, "{found}");
    }

    /// The search bounded by a date found finds what the search of the
    /// whole text finds.
    fn assert_bound_changes_nothing(text: &str) {
        let named = || NAMED_DATE.captures_if_any(text);
        assert_eq!(
            first_date(text, named(), true),
            first_date(text, named(), false),
            "{text:?}"
        );
    }

    #[test]
    fn a_date_found_bounds_the_search() {
        let pad = " ".repeat(49);
        for text in [
            "12.03.2024 1. marts 2024".to_string(),
            format!("1. marts 2024{pad}12.03.2024 og 2024-03-02"),
            format!("5. maj 2024 {pad}1.2.2024"),
            format!("5. maj 2024 {pad}x 1.2.2024"),
            format!("2024-05-06{pad}   12.3.24"),
            format!("ø 5. maj 2024{pad}ø1.2.2024"),
        ] {
            assert_bound_changes_nothing(&text);
        }
        for doc in crate::test_documents() {
            assert_bound_changes_nothing(&doc);
        }
    }

    proptest::proptest! {
        #[test]
        fn a_date_found_bounds_the_search_in_any_text(
            text in crate::texts_of(vec![
                "5", "12", "2024", "24", ".", "-", "/", " ", "          ",
                "1. marts 2024", "2024-03-04", "x", "ø",
            ])
        ) {
            assert_bound_changes_nothing(&text);
        }
    }

    #[test]
    fn not_dates() {
        for text in [
            "Sagnr.: 1-36-70-7-22",
            "Ubuntu 22.04",
            "tlf. 22751071",
            "31. februar 2024",
            "version 7.0.3",
            "710-2014-13731",
        ] {
            assert_eq!(find_date(text), None, "{text}");
        }
    }

    #[test]
    fn clock_times() {
        let t = find_times("Fredag d. 01. marts 2024 kl. 13:30").unwrap();
        assert_eq!((t.start.as_str(), t.end), ("13:30", None));
        let t = find_times("(kl. 13:30-13:35)").unwrap();
        assert_eq!(t.end.as_deref(), Some("13:35"));
        let t = find_times("21.04.2026 kl. 9-12").unwrap();
        assert_eq!(
            (t.start.as_str(), t.end.as_deref()),
            ("09:00", Some("12:00"))
        );
        assert!(find_times("kl. 99:99").is_none());
        let t = find_times("9:30 til 11:00").unwrap();
        assert_eq!(
            (t.start.as_str(), t.end.as_deref()),
            ("09:30", Some("11:00"))
        );
        assert_eq!(find_times("klokken 15").unwrap().start, "15:00");
        assert_eq!(find_times("Mødet 10:30 i salen").unwrap().start, "10:30");
        for not_times in ["15:23:24", "sag 1.10:30", "forhold 3:1", "1-36-70:10"] {
            assert!(find_times(not_times).is_none(), "{not_times}");
        }
    }
}
