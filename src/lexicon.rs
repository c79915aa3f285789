//! Word lists compiled in from `data/*.tsv`: section headings, item kinds,
//! decision phrases and month names.
//!
//! Each list is parsed once, on first use. Lookups take text as written and
//! fold case and trailing punctuation themselves.
//!
//! ```
//! use referat::lexicon::section_for_heading;
//! use referat::record::SectionName;
//! assert_eq!(section_for_heading("### **RESUMÉ**".trim_start_matches(['#', ' ', '*']).trim_end_matches('*')), Some(SectionName::Resume));
//! assert_eq!(section_for_heading("Beslutning i Økonomiudvalget den 5. marts 2024"), Some(SectionName::Beslutning));
//! assert_eq!(section_for_heading("Beslutningen om deltagelse træffes i de 21 sundhedsklynger."), None);
//! ```

use crate::caseless::{Caseless, CaselessSet};
use crate::record::{ItemKind, Outcome, SectionName};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

const SECTIONS: &str = include_str!("../data/sections.tsv");
const ITEM_KINDS: &str = include_str!("../data/item_kinds.tsv");
const OUTCOMES: &str = include_str!("../data/outcomes.tsv");
const MONTHS: &str = include_str!("../data/months.tsv");

/// The non-comment, non-empty rows of a TSV file, split on tabs.
fn rows(tsv: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    tsv.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// A set of the program's own words (or names), looked up with a fast
/// hash of fixed seed: a text looked up in a set it does not fill can crowd
/// no bucket. SipHash, std's default, was most of a lookup's cost.
pub(crate) type WordSet<T> = HashSet<T, foldhash::fast::FixedState>;

/// A map keyed by the program's own words, hashed as a [`WordSet`].
pub(crate) type WordMap<K, V> = HashMap<K, V, foldhash::fast::FixedState>;

static SECTION_MAP: LazyLock<WordMap<&'static str, SectionName>> = LazyLock::new(|| {
    rows(SECTIONS)
        .map(|r| {
            let name = match r[1] {
                "resume" => SectionName::Resume,
                "sagsfremstilling" => SectionName::Sagsfremstilling,
                "indstilling" => SectionName::Indstilling,
                "beslutning" => SectionName::Beslutning,
                "konklusion" => SectionName::Konklusion,
                "bilag" => SectionName::Bilag,
                other => panic!("data/sections.tsv: unknown section {other}"),
            };
            (r[0], name)
        })
        .collect()
});

/// Words that may follow a section word in a qualified heading:
/// `Beslutning i Byrådet den ...`, `Indstilling fra direktionen`.
const QUALIFIERS: [&str; 8] = ["i", "fra", "på", "af", "til", "den", "d.", "-"];

/// Folds a heading for lookup: lower case, single spaces, no trailing colon.
fn fold(heading: &str) -> String {
    let mut out = String::new();
    fold_into(heading, &mut out);
    out
}

/// [`fold`] into `out` (emptied first), so that a caller that folds line
/// after line reuses one buffer.
fn fold_into(heading: &str, out: &mut String) {
    out.clear();
    // ASCII is lowered in place on the one copy; other text is lowered
    // first (Unicode lowering may change a word's length).
    let ascii = heading.is_ascii();
    let lower = if ascii {
        Cow::Borrowed(heading)
    } else {
        Cow::Owned(heading.to_lowercase())
    };
    crate::span::collapse_whitespace_into(&lower, out);
    if ascii {
        out.make_ascii_lowercase();
    }
    let end = out.trim_end_matches([':', ' ', '.']).len();
    out.truncate(end);
}

/// The section a whole-line heading opens, or `None` for anything else.
///
/// Matches a known heading (`RESUMÉ`, `Bilag:`, `Det indstilles,`) or one
/// qualified by a body or date (`Beslutning i Byrådet den 12-09-2023`).
/// Sentences (ending in a full stop after more than a few words) never match.
pub fn section_for_heading(text: &str) -> Option<SectionName> {
    if text.len() > 100 {
        return None;
    }
    let text = text.trim_end_matches(',');
    if !may_be_heading(text) {
        return owned_section(text);
    }
    thread_local! {
        /// The folded heading: a buffer for each line's, not a copy each.
        static FOLDED: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    FOLDED.with_borrow_mut(|folded| {
        fold_into(text, folded);
        if let Some(&name) = SECTION_MAP.get(folded.as_str()) {
            return Some(name);
        }
        if let Some(name) = fuzzy_section(folded) {
            return Some(name);
        }
        if text.trim_end().ends_with('.') && !text.trim_end().ends_with("d.") {
            return None;
        }
        let mut words = folded.splitn(3, ' ');
        let (first, second) = (words.next()?, words.next()?);
        let name = *SECTION_MAP.get(first)?;
        match name {
            SectionName::Beslutning | SectionName::Indstilling | SectionName::Sagsfremstilling
                if QUALIFIERS.contains(&second) =>
            {
                Some(name)
            }
            _ => None,
        }
    })
}

/// The section words an owner may stand before: `Udvalgets beslutning`.
const OWNED_SECTIONS: [(&str, SectionName); 4] = [
    ("beslutning", SectionName::Beslutning),
    ("beslutninger", SectionName::Beslutning),
    ("indstilling", SectionName::Indstilling),
    ("indstillinger", SectionName::Indstilling),
];

/// A decision or recommendation under its owner's name: `Udvalgets
/// beslutning`, `Social- og Sundhedsudvalgets beslutning den 12-03-2024`,
/// `Direktørens indstilling:`. The owner is a name in the genitive (its
/// last word ends in `s`, its first opens with a capital; its other words
/// are capitalised, `og`, or end in a hyphen: `Social- og`), at most four
/// words; after the section word, nothing or a qualifier (`den`, `i`, ...).
/// A sentence (`Sagen afventer styregruppens beslutning.`) is none: its
/// words are not a name's, or it ends in a full stop.
fn owned_section(text: &str) -> Option<SectionName> {
    let text = text.trim();
    // The owner's name opens with a capital (most lines do not, or end in
    // a full stop), and the line holds `slutning` or `stilling` in any
    // case: found from their `g`s (most lines hold a few).
    let capital = |w: &str| w.starts_with(char::is_uppercase);
    if !capital(text) || text.ends_with('.') && !text.ends_with("d.") {
        return None;
    }
    let bytes = text.as_bytes();
    let holds_word = memchr::memchr2_iter(b'g', b'G', bytes).any(|g| {
        g >= 7 && {
            let w = &bytes[g - 7..g];
            w.eq_ignore_ascii_case(b"slutnin") || w.eq_ignore_ascii_case(b"stillin")
        }
    });
    if !holds_word {
        return None;
    }
    let words: Vec<&str> = text
        .trim_end_matches([':', '.'])
        .split_whitespace()
        .take(12)
        .collect();
    // The section word among the first five, compared without lowering:
    // ASCII in any case.
    let (k, name) = words
        .iter()
        .enumerate()
        .take(5)
        .skip(1)
        .find_map(|(k, w)| {
            let w = w.trim_end_matches(':');
            OWNED_SECTIONS
                .iter()
                .find(|(word, _)| w.eq_ignore_ascii_case(word))
                .map(|&(_, name)| (k, name))
        })?;
    let owner = &words[..k];
    let genitive = owner[k - 1].len() > 2
        && owner[k - 1].ends_with(['s', 'S'])
        && owner[k - 1].chars().all(char::is_alphabetic);
    let name_words = owner[..k - 1]
        .iter()
        .all(|w| capital(w) || *w == "og" || w.ends_with('-'));
    let after = words
        .get(k + 1)
        .is_none_or(|w| QUALIFIERS.contains(&w.to_lowercase().as_str()));
    (capital(owner[0]) && genitive && name_words && after).then_some(name)
}

/// The first words of the [`SECTION_MAP`] keys (a one-word key is its own
/// first word), and the length in bytes of the longest.
static KEY_FIRST_WORDS: LazyLock<(WordSet<&'static str>, usize)> = LazyLock::new(|| {
    let words: WordSet<&'static str> = SECTION_MAP
        .keys()
        .filter_map(|k| k.split(' ').next())
        .collect();
    let longest = words.iter().map(|w| w.len()).max().unwrap_or(0);
    (words, longest)
});

/// Whether [`section_for_heading`] can find a section in `text`, told
/// without folding it (most lines are none): a text of several words
/// (after [`fold`] drops trailing `:` and `.`) names a section only by a
/// key or by a key as its first word, so its first word, lowered as `fold`
/// lowers it, is a key's first word; a text of one word may also be a near
/// miss ([`fuzzy_section`]), and is looked up.
fn may_be_heading(text: &str) -> bool {
    let text = crate::span::trim_start(text);
    // The first word ends at white space: ASCII bytes are told at once,
    // the rest from the first byte outside ASCII on, by character.
    let bytes = text.as_bytes();
    let end = match bytes
        .iter()
        .position(|&b| crate::span::is_space(b) || !b.is_ascii())
    {
        Some(i) if !bytes[i].is_ascii() => text[i..]
            .find(char::is_whitespace)
            .map_or(text.len(), |j| i + j),
        Some(i) => i,
        None => text.len(),
    };
    let (first, rest) = text.split_at(end);
    if first.is_empty() {
        return false;
    }
    let (keys, longest) = &*KEY_FIRST_WORDS;
    // Lowering shortens a character to no less than a third of its bytes
    // (the Kelvin sign, three bytes, is `k`), so a first word of more than
    // `3 * longest` bytes lowers to no key. One word and then only `:`
    // and `.` (a rest of white space, colons and full stops) is looked up
    // too.
    first.len() <= 3 * longest
        && keys.contains(&*crate::span::lower_on_stack(first, &mut [0u8; 32]))
        || rest
            .trim_matches(|c: char| c.is_whitespace() || c == ':' || c == '.')
            .is_empty()
}

/// A one-word heading one edit away from a known one (`Sagsfremstiling`,
/// `Beslutnlng`): typos and OCR damage. Only words of eight letters or more,
/// where one edit cannot turn one real word into another of the list.
fn fuzzy_section(folded: &str) -> Option<SectionName> {
    if folded.chars().count() < 8 || folded.contains(' ') {
        return None;
    }
    let n = folded.chars().count();
    ONE_WORD_SECTIONS
        .iter()
        .filter(|(_, len, _)| len.abs_diff(n) <= 1)
        .find(|(key, _, _)| within_one_edit(key, folded))
        .map(|&(_, _, name)| name)
}

/// Whether `a` becomes `b` by at most one edit of a character (replaced,
/// added or removed): `strsim::levenshtein(a, b) <= 1` without the full
/// table (a test holds the two to each other), as each one-word line is
/// compared with every heading of about its length.
fn within_one_edit(a: &str, b: &str) -> bool {
    // Less their common beginning and then their common end, each holds
    // at most the one character edited.
    let same = |x: (char, char)| x.0 == x.1;
    let bytes = |x: (char, char)| x.0.len_utf8();
    let start: usize = a
        .chars()
        .zip(b.chars())
        .take_while(|&x| same(x))
        .map(bytes)
        .sum();
    let (a, b) = (&a[start..], &b[start..]);
    let end: usize = (a.chars().rev().zip(b.chars().rev()))
        .take_while(|&x| same(x))
        .map(bytes)
        .sum();
    let (a, b) = (&a[..a.len() - end], &b[..b.len() - end]);
    a.chars().nth(1).is_none() && b.chars().nth(1).is_none()
}

/// The one-word section headings of eight letters or more, with their
/// lengths in chars, for [`fuzzy_section`]; sorted, so that the first of
/// two near matches is the same in every run (a hash map's order is not).
static ONE_WORD_SECTIONS: LazyLock<Vec<(&'static str, usize, SectionName)>> = LazyLock::new(|| {
    let mut keys: Vec<_> = SECTION_MAP
        .iter()
        .filter(|(key, _)| !key.contains(' ') && key.chars().count() >= 8)
        .map(|(key, &name)| (*key, key.chars().count(), name))
        .collect();
    keys.sort_by_key(|&(key, _, _)| key);
    keys
});

/// The section opened by an inline label such as `Beslutning: Godkendt.`,
/// with the text after the colon.
pub fn inline_section(text: &str) -> Option<(SectionName, &str, &str)> {
    let colon = crate::span::find_byte(text, b':')?;
    let (label, rest) = (&text[..colon], text[colon + 1..].trim());
    if rest.is_empty() || label.split_whitespace().count() > 2 {
        return None;
    }
    let name = *SECTION_MAP.get(fold(label).as_str())?;
    Some((name, label.trim(), rest))
}

struct KindRow {
    prefix: &'static str,
    kind: ItemKind,
    standalone: bool,
}

static KINDS: LazyLock<Vec<KindRow>> = LazyLock::new(|| {
    let mut v: Vec<KindRow> = rows(ITEM_KINDS)
        .map(|r| KindRow {
            prefix: r[0],
            kind: match r[1] {
                "beslutningssag" => ItemKind::Beslutningssag,
                "drøftelsessag" => ItemKind::Droeftelsessag,
                "orienteringssag" => ItemKind::Orienteringssag,
                "skriftlig orientering" => ItemKind::SkriftligOrientering,
                "meddelelse" => ItemKind::Meddelelse,
                "eventuelt" => ItemKind::Eventuelt,
                "pause" => ItemKind::Pause,
                "velkomst" => ItemKind::Velkomst,
                "other" => ItemKind::Other,
                other => panic!("data/item_kinds.tsv: unknown kind {other}"),
            },
            standalone: r[2] == "yes",
        })
        .collect();
    // Longest prefix first, so `skriftlig orientering` wins over `orientering`.
    v.sort_by_key(|k| std::cmp::Reverse(k.prefix.len()));
    v
});

/// Splits an item title into its kind and the title proper.
///
/// `Drøftelsessag: Behandlingstilbud` → (drøftelsessag, `Behandlingstilbud`);
/// `PAUSE` → (pause, `PAUSE`); `Velkomst v. Hanne` → (velkomst, unchanged).
pub fn item_kind(title: &str) -> (Option<ItemKind>, &str) {
    let lower = title.to_lowercase();
    for row in KINDS.iter() {
        if !lower.starts_with(row.prefix) {
            continue;
        }
        // Same byte length: lower-casing Danish letters keeps their width.
        let Some(rest) = title.get(row.prefix.len()..) else {
            continue;
        };
        let trimmed = rest.trim_start();
        if let Some(after) = trimmed.strip_prefix([':', '–', '-', '—']) {
            let after = after.trim();
            if !after.is_empty() {
                return (Some(row.kind), after);
            }
        }
        if row.standalone {
            let at_word_end = rest.is_empty() || rest.starts_with([' ', '(', ',']);
            if at_word_end {
                // `Godkendelse af dagsorden (Beslutning)`: the title before the kind.
                return (Some(row.kind), kind_after(title).map_or(title, |(_, t)| t));
            }
        }
    }
    kind_after(title).map_or((None, title), |(kind, t)| (Some(kind), t))
}

/// The kind a title names in parentheses at its end, and the title before
/// them: `Budget 2025 (Beslutning)`, `Status (til orientering)`.
fn kind_after(title: &str) -> Option<(ItemKind, &str)> {
    let inner = title.trim_end().strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let word = inner[open + 1..].trim().to_lowercase();
    let word = word.strip_prefix("til ").unwrap_or(&word);
    let row = KINDS.iter().find(|row| row.prefix == word)?;
    let before = title[..open].trim_end();
    (!before.is_empty()).then_some((row.kind, before))
}

/// One decision phrase and the outcome it signals.
pub struct OutcomePhrase {
    /// The compiled phrase, case-insensitive, on word boundaries.
    pub regex: Caseless,
    /// What it signals.
    pub outcome: Outcome,
    /// A decision taken, in general words (`besluttede`, `decided` in the
    /// file): an approval that gives way to a postponement or a rejection
    /// in the same part.
    pub general: bool,
}

/// The outcome phrases without their word boundaries, one pattern each in
/// [`OUTCOME_PHRASES`]' order: a phrase can match a text only where its
/// entry here does, and one pass of this set over a text says which (the
/// Unicode `\b` of a phrase sends the regex engine to its slow path, so
/// running all of them over every text cost more than the set). Both are
/// searched in a lower-cased copy of the text ([`Caseless`]): the set's
/// automaton for `(?i)` patterns was most of its time on short texts.
pub static OUTCOME_WORDS: LazyLock<CaselessSet> =
    LazyLock::new(|| CaselessSet::new(outcome_patterns()));

/// The patterns of `data/outcomes.tsv`, in its order.
pub fn outcome_patterns() -> impl Iterator<Item = &'static str> {
    rows(OUTCOMES).map(|r| r[0])
}

/// The decision phrases of `data/outcomes.tsv`.
pub static OUTCOME_PHRASES: LazyLock<Vec<OutcomePhrase>> = LazyLock::new(|| {
    rows(OUTCOMES)
        .map(|r| OutcomePhrase {
            regex: Caseless::new(&format!(r"\b(?:{})\b", r[0])),
            general: r[1] == "decided",
            outcome: match r[1] {
                "approved" | "decided" => Outcome::Approved,
                "noted" => Outcome::Noted,
                "discussed" => Outcome::Discussed,
                "rejected" => Outcome::Rejected,
                "postponed" => Outcome::Postponed,
                "none" => Outcome::None,
                other => panic!("data/outcomes.tsv: unknown outcome {other}"),
            },
        })
        .collect()
});

static MONTH_MAP: LazyLock<WordMap<&'static str, u32>> = LazyLock::new(|| {
    rows(MONTHS)
        .map(|r| (r[0], r[1].parse().expect("data/months.tsv: month number")))
        .collect()
});

/// The months' full names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];

/// The month number of a Danish month name or abbreviation (`marts`, `sept.`).
pub fn month(name: &str) -> Option<u32> {
    let name = name.trim_end_matches('.');
    // The keys are in lower case: a name found as it is needs no
    // lower-cased copy (most are written in lower case).
    MONTH_MAP
        .get(name)
        .or_else(|| MONTH_MAP.get(name.to_lowercase().as_str()))
        .copied()
}

/// Every month name and abbreviation, in lower case.
pub fn month_names() -> impl Iterator<Item = &'static str> {
    MONTH_MAP.keys().copied()
}

/// The regex alternation of all month names, longest first, for patterns.
pub fn month_alternation() -> String {
    let mut names: Vec<&str> = MONTH_MAP.keys().copied().collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names.join("|")
}

/// This stage's patterns and tables, each built on first use; built ahead
/// by [`crate::prepare`].
pub(crate) const PREPARE: &[fn()] = builders![
    SECTION_MAP,
    KEY_FIRST_WORDS,
    ONE_WORD_SECTIONS,
    KINDS,
    OUTCOME_WORDS,
    OUTCOME_PHRASES,
    MONTH_MAP,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_names_are_the_months_in_order() {
        for (i, name) in MONTH_NAMES.iter().enumerate() {
            assert_eq!(month(name), Some(i as u32 + 1), "{name}");
        }
    }

    proptest::proptest! {
        /// `within_one_edit` is `strsim::levenshtein(a, b) <= 1`: on any
        /// two texts of a few letters (most far apart) ...
        #[test]
        fn within_one_edit_is_levenshtein_at_most_one(
            a in crate::texts_of(vec!["a", "b", "æ", "ø", "ab", "ba"]),
            b in crate::texts_of(vec!["a", "b", "æ", "ø", "ab", "ba"]),
        ) {
            proptest::prop_assert_eq!(within_one_edit(&a, &b), strsim::levenshtein(&a, &b) <= 1);
        }

        /// ... and on a text and the text after one or two edits (added,
        /// removed or replaced characters), most of them near.
        #[test]
        fn within_one_edit_after_edits(
            a in crate::texts_of(vec!["a", "b", "æ", "ab", "ba", "aab"]),
            edits in proptest::collection::vec((0..60usize, 0..3u8, proptest::sample::select(vec!['a', 'b', 'æ'])), 1..3),
        ) {
            let mut b: Vec<char> = a.chars().collect();
            for (at, op, c) in edits {
                let i = at % (b.len() + 1);
                match op {
                    0 => b.insert(i, c),
                    1 if i < b.len() => { b.remove(i); }
                    _ if i < b.len() => b[i] = c,
                    _ => {}
                }
            }
            let b: String = b.into_iter().collect();
            proptest::prop_assert_eq!(within_one_edit(&a, &b), strsim::levenshtein(&a, &b) <= 1);
        }
    }

    #[test]
    fn within_one_edit_of_headings() {
        for (a, b) in [
            ("beslutning", "beslutnig"),
            ("beslutning", "beslutningg"),
            ("beslutning", "bes1utning"),
            ("beslutning", "beslutnign"),
            ("sagsfremstilling", "sagsfremstiling"),
            ("resumé", "resume"),
            ("resumé", "resum"),
            ("", "a"),
            ("", "ab"),
        ] {
            for (x, y) in [(a, b), (b, a), (a, a)] {
                assert_eq!(
                    within_one_edit(x, y),
                    strsim::levenshtein(x, y) <= 1,
                    "{x} {y}"
                );
            }
        }
    }

    #[test]
    fn every_list_loads() {
        assert!(SECTION_MAP.len() >= 20);
        assert!(KINDS.len() >= 20);
        assert!(OUTCOME_PHRASES.len() >= 20);
        assert_eq!(MONTH_MAP.values().copied().max(), Some(12));
    }

    /// The check before folding passes every line that names a section:
    /// the seeds' and the devset's lines, and tricky ones.
    #[test]
    fn lines_that_name_a_section_pass_the_check() {
        let docs = crate::test_documents();
        let tricky = [
            "Beslutning i Byrådet den 12-09-2023",
            "BILAG :",
            "Bilag : .",
            "Sagsfremstiling",
            "ÆNDRINGER",
            "Det indstilles,",
            "  Resumé  ",
            "\u{212A}ONKLUSION og mere",
            "AFGØRELSE i sagen",
            "Forslag til beslutning",
            "kort RESUMÉ",
        ];
        let mut named = 0;
        for line in tricky
            .into_iter()
            .chain(docs.iter().flat_map(|d| d.lines()))
        {
            let line = line.trim_end_matches(',');
            let slow = line.len() <= 100 && {
                let folded = fold(line);
                SECTION_MAP.contains_key(folded.as_str())
                    || fuzzy_section(&folded).is_some()
                    || folded
                        .split(' ')
                        .next()
                        .is_some_and(|w| SECTION_MAP.contains_key(w))
            };
            if slow {
                assert!(may_be_heading(line), "{line:?}");
                named += 1;
            }
        }
        assert!(named >= 30, "{named}");
        assert!(!may_be_heading("Mødet blev holdt på rådhuset."));
        // The check as first written, word by word, on every line and on
        // lines of odd white space and trailing marks.
        let word_by_word = |text: &str| {
            let mut words = text.split_whitespace();
            words.next().is_some_and(|first| {
                KEY_FIRST_WORDS.0.contains(first.to_lowercase().as_str())
                    || words.all(|w| w.chars().all(|c| c == ':' || c == '.'))
            })
        };
        for line in crate::test_lines(&[
            "Bilag\u{2003}:",
            "  Beslutning . :",
            "Bilag:x",
            "Resumé\u{a0}.",
            "\u{3000}Referat og mere",
            "Afgørelse\u{85}i sagen",
            "Sagsfremstilling.x",
            "Det\tindstilles",
            "Sagsfremstiling :.",
            "Beslutnlng\u{2003}.",
            "",
            "   ",
        ]) {
            assert_eq!(may_be_heading(&line), word_by_word(&line), "{line:?}");
        }
        // A first word that opens no key, though a key's first letter.
        assert!(!may_be_heading("Sagen blev drøftet i udvalget"));
        assert!(may_be_heading("SAGSFREMSTILLING og vurdering"));
    }

    #[test]
    fn section_headings() {
        for (h, want) in [
            ("RESUMÉ", Some(SectionName::Resume)),
            ("Resume", Some(SectionName::Resume)),
            ("SAGSFREMSTILLING", Some(SectionName::Sagsfremstilling)),
            ("Det indstilles,", Some(SectionName::Indstilling)),
            ("Bilag:", Some(SectionName::Bilag)),
            ("Konklusion:", Some(SectionName::Konklusion)),
            ("Konklusion og opfølgning", Some(SectionName::Konklusion)),
            ("Kort resume", Some(SectionName::Resume)),
            ("Protokol", Some(SectionName::Beslutning)),
            ("Protokollat:", Some(SectionName::Beslutning)),
            // A working group's recommendations inside a case: no section.
            ("Anbefalinger", None),
            (
                "Beslutning i Plan- og Tryghedsudvalget den 12-09-2023",
                Some(SectionName::Beslutning),
            ),
            ("Beslutning om deltagelse på næste hold", None),
            ("Baggrund", None),
            ("Økonomi", None),
            ("Proces for beslutning om deltagelse", None),
            ("Sagsfremstiling", Some(SectionName::Sagsfremstilling)),
            ("Beslutnlng", Some(SectionName::Beslutning)),
            ("INDSTILLNG:", Some(SectionName::Indstilling)),
            ("Betalingen", None),
            ("Bilaget", None),
            // The vote of a parliament record: what was decided.
            ("Afstemning", Some(SectionName::Beslutning)),
            // Under the owner's name.
            ("Udvalgets beslutning", Some(SectionName::Beslutning)),
            ("BYRÅDETS BESLUTNING:", Some(SectionName::Beslutning)),
            (
                "Social- og Sundhedsudvalgets beslutning den 12-03-2024",
                Some(SectionName::Beslutning),
            ),
            (
                "Klyngestyregruppens beslutninger",
                Some(SectionName::Beslutning),
            ),
            ("Direktørens indstilling", Some(SectionName::Indstilling)),
            ("Sagen afventer styregruppens beslutning", None),
            ("Udvalgets beslutning blev udsat.", None),
            ("Udvalgets beslutning skal foreligge inden mødet", None),
            ("Byrådet beslutning", None),
            ("Den endelige beslutning", None),
            ("styregruppens beslutning", None),
            ("Jf. Udvalgets beslutning.", None),
            ("Sagsresumé", Some(SectionName::Resume)),
            ("Beslutningstema", Some(SectionName::Resume)),
        ] {
            assert_eq!(section_for_heading(h), want, "{h}");
        }
    }

    #[test]
    fn inline_labels() {
        let (name, label, rest) = inline_section("Beslutning: Godkendt.").unwrap();
        assert_eq!(
            (name, label, rest),
            (SectionName::Beslutning, "Beslutning", "Godkendt.")
        );
        assert!(inline_section("Beslutningen blev: godkendt").is_none());
        assert!(inline_section("Bilag:").is_none());
    }

    #[test]
    fn item_kinds() {
        assert_eq!(
            item_kind("Drøftelsessag: Behandlingstilbud i kommunerne"),
            (
                Some(ItemKind::Droeftelsessag),
                "Behandlingstilbud i kommunerne"
            )
        );
        assert_eq!(
            item_kind("Beslutnings sag: Klyngemidler"),
            (Some(ItemKind::Beslutningssag), "Klyngemidler")
        );
        assert_eq!(
            item_kind("SKRIFTLIG ORIENTERING: Justeret aftale"),
            (Some(ItemKind::SkriftligOrientering), "Justeret aftale")
        );
        assert_eq!(item_kind("PAUSE"), (Some(ItemKind::Pause), "PAUSE"));
        assert_eq!(
            item_kind("Velkomst v. Hanne Andersen"),
            (Some(ItemKind::Velkomst), "Velkomst v. Hanne Andersen")
        );
        assert_eq!(
            item_kind("Beslutning om deltagelse på næste hold"),
            (None, "Beslutning om deltagelse på næste hold")
        );
        // An information or discussion item named by its first word.
        assert_eq!(
            item_kind("Orientering om sundhedsklyngens arbejde"),
            (
                Some(ItemKind::Orienteringssag),
                "Orientering om sundhedsklyngens arbejde"
            )
        );
        assert_eq!(
            item_kind("Drøftelse af budget 2026"),
            (Some(ItemKind::Droeftelsessag), "Drøftelse af budget 2026")
        );
        assert_eq!(
            item_kind("Orienteringsmøde om budget"),
            (None, "Orienteringsmøde om budget")
        );
        assert_eq!(
            item_kind("Pausehold for ældre"),
            (None, "Pausehold for ældre")
        );
        assert_eq!(
            item_kind("Godkendelse af dagsorden (Beslutning)"),
            (Some(ItemKind::Other), "Godkendelse af dagsorden")
        );
        // The kind in parentheses after the title.
        assert_eq!(
            item_kind("Budget 2025 (Beslutning)"),
            (Some(ItemKind::Beslutningssag), "Budget 2025")
        );
        assert_eq!(
            item_kind("Status på sundhedsaftalen (til orientering) "),
            (Some(ItemKind::Orienteringssag), "Status på sundhedsaftalen")
        );
        assert_eq!(
            item_kind("Tilskud (Drøftelsessag)"),
            (Some(ItemKind::Droeftelsessag), "Tilskud")
        );
        for title in [
            "Budget (2025)",
            "Plan (kl. 13:00)",
            "(Beslutning)",
            "Møde (beslutning om budget)",
        ] {
            assert_eq!(item_kind(title), (None, title));
        }
    }

    #[test]
    fn months() {
        assert_eq!(month("marts"), Some(3));
        assert_eq!(month("Sept."), Some(9));
        assert_eq!(month("maj"), Some(5));
        assert_eq!(month("mandag"), None);
    }
}
