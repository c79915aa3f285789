//! Stage 2b, OCR correction: normalized text of a scanned document to text
//! with its Danish letters restored.
//!
//! Scanners lose `æ`, `ø` and `å` (`laeger`, `Sgren`, `forlgbet`, `pa`,
//! `P38`, `ANSQ@GERS`); every later stage then misses section headings,
//! form labels, names and month names. [`correct`] takes the normalized
//! text and gives a [`Corrected`] text with an [`OffsetMap`] back to it, so
//! spans still point into the source after corrections changed lengths.
//!
//! It works in two steps:
//!
//! 1. A document gate ([`looks_scanned`]): Danish prose has about 2 % of its
//!    letters in `æøå`; a document with many letters, almost none of them
//!    `æøå`, and plenty of Danish function words is taken for a scan.
//!    Clean documents pay for this one pass only and are never changed.
//! 2. Inside a scanned document, every word the [`Lexicon`] does not know
//!    gets candidates from a confusion set of OCR damage (`g`/`@`/`Q` → `ø`,
//!    `ae`/`ee`/`z` → `æ`, `a`/`d`/`3`/`38` → `å`, ...), up to three
//!    substitutions per word; candidates the lexicon knows are ranked by
//!    word frequency minus edit cost, and case is carried over. Known words
//!    that are real-word damage (`pa`, `ar`, `bade`, `mal`) are changed only
//!    when the candidate is far more frequent. Words that already hold
//!    `æøå`, numbers, e-mail addresses and URLs are never touched.
//!
//! ```
//! use referat::ocr::{correct, OcrMode};
//! let c = correct("Mødet blev holdt.", OcrMode::Auto);
//! assert!(!c.scanned && c.corrections.is_empty());
//! let c = correct("Det er vigtigt for laeger pa landet", OcrMode::On);
//! assert_eq!(c.text, "Det er vigtigt for læger på landet");
//! ```

use crate::span::OffsetMap;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Whether OCR correction runs (`--ocr on|off|auto`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum OcrMode {
    /// Correct documents the gate takes for scans.
    #[default]
    Auto,
    /// Correct every document.
    On,
    /// Never correct.
    Off,
}

/// One word changed by the corrector.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    /// Byte range of the damaged word in the input text.
    pub range: std::ops::Range<usize>,
    /// The word as it stood.
    pub from: String,
    /// The word as corrected.
    pub to: String,
}

/// Text after OCR correction.
#[derive(Debug, Clone)]
pub struct Corrected<'a> {
    /// The corrected text (the input itself when nothing changed).
    pub text: Cow<'a, str>,
    /// Offsets of `text` to offsets of the input.
    pub map: OffsetMap,
    /// Whether the document was corrected (the gate said scan, or `On`).
    pub scanned: bool,
    /// Share of `æøåÆØÅ` among the letters of the input.
    pub danish_letter_share: f64,
    /// The word corrections of a scan, in text order.
    pub corrections: Vec<Correction>,
    /// Words hyphenated across a line break that were joined.
    pub joins: usize,
}

/// Share of `æøåÆØÅ` among the letters of `text` (0 when it has none).
pub fn danish_letter_share(text: &str) -> f64 {
    let (letters, danish) = letter_counts(text);
    if letters == 0 {
        0.0
    } else {
        danish as f64 / letters as f64
    }
}

/// Letters and `æøåÆØÅ` of `text`, counted on bytes: ASCII letters, and
/// the two-byte UTF-8 Latin letters (lead byte `0xC3`, `0xC5`...); other
/// non-ASCII characters (dashes, quotes) are not letters.
fn letter_counts(text: &str) -> (usize, usize) {
    let bytes = text.as_bytes();
    let mut letters = 0usize;
    let mut danish = 0usize;
    for (i, &b) in bytes.iter().enumerate() {
        // Branch-free for the common bytes: ASCII letters and the lead
        // bytes of two-byte Latin letters.
        letters +=
            usize::from((b | 0x20).wrapping_sub(b'a') < 26) + usize::from(b.wrapping_sub(0xC3) < 3);
        if b == 0xC3 {
            danish += usize::from(matches!(
                bytes.get(i + 1),
                Some(0xA6 | 0xB8 | 0xA5 | 0x86 | 0x98 | 0x85)
            ));
        }
    }
    (letters, danish)
}

/// Frequent Danish words without `æøå`: many of them in a text mean it is
/// Danish, whatever its letters.
const FUNCTION_WORDS: &[&str] = &[
    "og", "at", "til", "af", "der", "som", "med", "er", "det", "den", "de", "en", "et", "ikke",
    "vil", "kan", "om", "fra", "har", "skal", "blev", "eller", "hvor", "samt", "ved",
];

/// The document gate: many letters, under 0.5 % of them `æøå`, and at
/// least 8 % of the words Danish function words (so English text, which
/// has no `æøå` either, stays untouched).
pub fn looks_scanned(text: &str) -> bool {
    gate(text, letter_counts(text))
}

fn gate(text: &str, (letters, danish): (usize, usize)) -> bool {
    if letters < 400 || danish as f64 / letters as f64 >= 0.005 {
        return false;
    }
    let mut words = 0usize;
    let mut function = 0usize;
    for w in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        if w.len() <= 5 && FUNCTION_WORDS.contains(&w.to_lowercase().as_str()) {
            function += 1;
        }
    }
    words > 0 && function * 100 >= words * 8
}

/// Corrects `text` as `mode` says.
pub fn correct(text: &str, mode: OcrMode) -> Corrected<'_> {
    let counts = letter_counts(text);
    let share = if counts.0 == 0 {
        0.0
    } else {
        counts.1 as f64 / counts.0 as f64
    };
    let scanned = match mode {
        OcrMode::Off => false,
        OcrMode::On => true,
        OcrMode::Auto => gate(text, counts),
    };
    let joins = hyphen_joins(text);
    let mut corrections = Vec::new();
    if scanned {
        corrections = scan_corrections(text);
        // A word cut by a line break is joined, not corrected in halves.
        // Joins are in text order and do not overlap: the first one that
        // ends after the word starts is the only one that can touch it.
        corrections.retain(|c| {
            let i = joins.partition_point(|j| j.range.end <= c.range.start);
            joins.get(i).is_none_or(|j| j.range.start > c.range.end)
        });
    }
    let changes: Vec<&Correction> = {
        let mut all: Vec<&Correction> = corrections.iter().chain(&joins).collect();
        all.sort_by_key(|c| c.range.start);
        all
    };
    if changes.is_empty() {
        return Corrected {
            text: Cow::Borrowed(text),
            map: OffsetMap::shifted(0),
            scanned,
            danish_letter_share: share,
            corrections,
            joins: 0,
        };
    }
    let mut out = String::with_capacity(text.len() + 64);
    let mut map = OffsetMap::builder();
    map.same(0, 0);
    let mut at = 0;
    for c in changes {
        out.push_str(&text[at..c.range.start]);
        let start = out.len();
        out.push_str(&c.to);
        map.changed(start, c.range.start, out.len(), c.range.end);
        at = c.range.end;
        map.same(out.len(), at);
    }
    out.push_str(&text[at..]);
    Corrected {
        text: Cow::Owned(out),
        map: map.finish(),
        scanned,
        danish_letter_share: share,
        joins: joins.len(),
        corrections,
    }
}

/// Words that follow a line-break hyphen but continue a sentence, not a
/// word: `social- og sundhed` keeps its hyphen.
const NOT_A_WORD_END: &[&str] = &["og", "eller", "samt", "til", "som", "men", "at", "el"];

/// Words hyphenated across a line break (`forløb-⏎et aftales`): the
/// hyphen, the break and the word's rest become the rest and the break
/// (`forløbet⏎aftales`), so the line count stays. Only between lower-case
/// letters: `forebyggelses-⏎/mestringskonsulent` and `Social-⏎og` stay.
fn hyphen_joins(text: &str) -> Vec<Correction> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find("-\n").map(|i| i + from) {
        from = i + 2;
        let before = text[..i].chars().rev().take(2).collect::<Vec<_>>();
        if before.len() < 2 || !before.iter().all(|c| c.is_lowercase()) {
            continue;
        }
        let rest = &text[i + 2..];
        let word_len = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        let word = &rest[..word_len];
        if word.is_empty()
            || !word.chars().next().is_some_and(char::is_lowercase)
            || NOT_A_WORD_END.contains(&word)
        {
            continue;
        }
        // Swallow one space after the word, so the next line does not start
        // with it.
        let end = i + 2 + word_len + usize::from(rest[word_len..].starts_with(' '));
        out.push(Correction {
            range: i..end,
            from: text[i..end].to_string(),
            to: format!("{word}\n"),
        });
        from = end;
    }
    out
}

/// The OCR corrections of a scanned text, in text order.
fn scan_corrections(text: &str) -> Vec<Correction> {
    let lex = &*LEXICON;
    let mut cache: HashMap<&str, Option<String>> = HashMap::new();
    let mut corrections = Vec::new();
    for (range, word) in words(text) {
        let fixed = cache
            .entry(word)
            .or_insert_with(|| fix_word(lex, word))
            .clone();
        if let Some(to) = fixed {
            corrections.push(Correction {
                range,
                from: word.to_string(),
                to,
            });
        }
    }
    corrections.extend(pipe_for_i(text));
    corrections.sort_by_key(|c| c.range.start);
    corrections
}

/// `|` misread for `I` at a line start before a lower-case word
/// (`| samarbejde med`), on lines that are not table rows.
fn pipe_for_i(text: &str) -> Vec<Correction> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end();
        let indent = body.len() - body.trim_start().len();
        let rest = &body[indent..];
        if let Some(after) = rest.strip_prefix("| ")
            && after.chars().next().is_some_and(|c| c.is_lowercase())
            && !after.contains('|')
        {
            let at = start + indent;
            out.push(Correction {
                range: at..at + 1,
                from: "|".to_string(),
                to: "I".to_string(),
            });
        }
        start += line.len();
    }
    out
}

/// The words of `text` that may be corrected, with their byte ranges:
/// runs of letters, `@` and digits, leaving out chunks that are e-mail
/// addresses or URLs, and pure numbers.
fn words(text: &str) -> impl Iterator<Item = (std::ops::Range<usize>, &str)> {
    let mut chunk_start = 0;
    text.split_inclusive(char::is_whitespace)
        .flat_map(move |chunk| {
            let base = chunk_start;
            chunk_start += chunk.len();
            let skip = chunk.contains("://")
                || chunk.starts_with("www.")
                || chunk
                    .find('@')
                    .is_some_and(|i| i > 0 && chunk[i..].contains('.') && !chunk.ends_with(". "));
            let mut found = Vec::new();
            if !skip {
                let mut start = None;
                for (i, ch) in chunk
                    .char_indices()
                    .chain(std::iter::once((chunk.len(), ' ')))
                {
                    let part = ch.is_alphanumeric() || ch == '@';
                    match (part, start) {
                        (true, None) => start = Some(i),
                        (false, Some(s)) => {
                            found.push((base + s..base + i, &chunk[s..i]));
                            start = None;
                        }
                        _ => {}
                    }
                }
            }
            found
        })
        .filter(|(_, w)| w.chars().any(|c| c.is_alphabetic() || c == '@'))
}

/// A Danish lexicon: word frequencies (wordfreq) for ranking, the 157,835
/// words of the hunspell-da dictionary, and rules for regular endings and
/// compounds on top of both. (The dictionary's own affix and compound
/// rules, through the `spellbook` crate, were tried: one point more recall,
/// but less precision and 2.6 times slower, see the README.)
pub struct Lexicon {
    zipf: HashMap<String, f32, Fast>,
    /// The dictionary's words, lower-cased (names included).
    stems: HashSet<String, Fast>,
}

/// A quick hasher for the lexicon's many short-string lookups.
type Fast = foldhash::fast::RandomState;

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

impl Lexicon {
    /// The lexicon compiled into referat, loaded on first use.
    pub fn get() -> &'static Lexicon {
        &LEXICON
    }

    fn load() -> Lexicon {
        let dic = include_str!("../data/hunspell/da_DK.dic");
        let zipf = include_str!("../data/wordfreq_da.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (w, z) = l.split_once('\t')?;
                Some((w.to_string(), z.parse().ok()?))
            })
            .collect();
        let stems = dic
            .lines()
            .skip(1)
            .filter_map(|l| l.split(['/', '\t', ' ']).next())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        Lexicon { zipf, stems }
    }

    /// Zipf frequency of a lower-case word (0 when the list lacks it).
    pub fn zipf(&self, lower: &str) -> f32 {
        self.zipf.get(lower).copied().unwrap_or(0.0)
    }

    /// Whether the frequency list or the dictionary's stems hold `lower`
    /// exactly (or capitalised, for names): the words whose spelling is
    /// attested as written.
    fn attested(&self, lower: &str) -> bool {
        self.zipf.contains_key(lower) || self.stems.contains(lower)
    }

    /// [`Lexicon::attested`], or a stem of the dictionary with a regular
    /// Danish ending (`ansøges` from `ansøge`).
    fn inflected(&self, lower: &str) -> bool {
        self.attested(lower)
            || SUFFIXES.iter().any(|suf| {
                lower.len() > suf.len() + 2
                    && lower.ends_with(suf)
                    && self.stems.contains(&lower[..lower.len() - suf.len()])
            })
    }

    /// Whether `lower` is known from hash lookups alone: attested,
    /// inflected, or a compound of two or three such parts, the first ones
    /// with an optional linking `s` or `e` (`mestrings|forløbet`).
    fn knows_fast(&self, lower: &str) -> bool {
        self.inflected(lower) || self.compound(lower, 3, true)
    }

    /// `lower` split into a head that is a word (with an optional linking
    /// `s` or `e`) and a tail that is an inflected word or, while `parts`
    /// allows, a compound itself. Heads are tried first: they are a hash
    /// lookup or two, and few of them fit.
    fn compound(&self, lower: &str, parts: usize, first: bool) -> bool {
        if parts < 2 || lower.len() < 6 {
            return false;
        }
        lower.char_indices().skip(3).any(|(i, _)| {
            let (head, tail) = lower.split_at(i);
            tail.chars().count() >= 4
                && self.compound_head(head, first)
                && (self.inflected(tail) || self.compound(tail, parts - 1, false))
        })
    }

    fn compound_head(&self, head: &str, first: bool) -> bool {
        // Three-letter heads only first and when they are frequent words
        // (`sår|vurdering`), or `ans|eges` and `mestrings|for|labet` pass.
        let fits = |h: &str| {
            let n = h.chars().count();
            n >= 4 && self.attested(h) || first && n == 3 && self.zipf(h) >= 4.0
        };
        fits(head)
            || head
                .strip_suffix(['s', 'e'])
                .is_some_and(|h| h.chars().count() >= 4 && self.attested(h))
    }
}

/// Regular endings of Danish nouns, verbs and adjectives, longest first.
const SUFFIXES: &[&str] = &[
    "erne", "ende", "ene", "ens", "ets", "ede", "ers", "er", "en", "et", "es", "ne", "te", "e",
    "n", "r", "s", "t",
];

fn capitalize(lower: &str) -> String {
    let mut chars = lower.chars();
    match chars.next() {
        Some(f) => f.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// One rule of the confusion set: OCR wrote `damaged` for `correct`.
struct Rule {
    damaged: &'static str,
    correct: &'static str,
    cost: f32,
    /// Only at the start of the word.
    initial: bool,
}

const fn rule(damaged: &'static str, correct: &'static str, cost: f32) -> Rule {
    Rule {
        damaged,
        correct,
        cost,
        initial: false,
    }
}

/// The confusion set, on lower-cased words. Costs rank candidates: glyphs
/// that are never Danish letters (`@`, `q`, `3`, `ae`) are cheap, letters
/// that are also right in many words (`a`, `e`, `o`) dear.
const RULES: &[Rule] = &[
    rule("q@", "ø", 0.3),
    rule("qo", "ø", 0.5),
    rule("@g", "ø", 0.4),
    rule("a@", "ø", 0.5),
    rule("@", "ø", 0.3),
    rule("q", "ø", 0.5),
    rule("9", "ø", 1.0),
    rule("g", "ø", 1.0),
    rule("o", "ø", 1.2),
    rule("d", "ø", 1.5),
    rule("e", "ø", 1.6),
    rule("a", "ø", 1.6),
    rule("s", "ø", 1.6),
    Rule {
        damaged: "j",
        correct: "ø",
        cost: 1.4,
        initial: true,
    },
    rule("eae", "æ", 0.6),
    rule("ae", "æ", 0.4),
    rule("ee", "æ", 0.6),
    rule("ze", "æ", 0.5),
    rule("z", "æ", 0.8),
    rule("se", "æ", 1.2),
    rule("aa", "æ", 1.2),
    rule("e", "æ", 1.3),
    rule("a", "æ", 1.5),
    rule("38", "å", 0.3),
    rule("3", "å", 0.6),
    rule("é", "å", 0.8),
    rule("a", "å", 1.0),
    rule("d", "å", 1.2),
    rule("i", "l", 0.8),
];

/// Substitutions of the real-word step: one letter, and the result must be
/// a frequent word.
const REAL_WORD_RULES: &[(&str, &str, f32)] = &[
    ("a", "å", 1.0),
    ("a", "ø", 1.6),
    ("o", "ø", 1.2),
    ("ae", "æ", 0.4),
    ("a", "æ", 1.5),
    ("d", "å", 1.2),
];

/// How much more frequent (in Zipf units, i.e. powers of ten) a real-word
/// candidate must be than the word as written.
const REAL_WORD_MARGIN: f32 = 1.0;

/// The most substitutions tried in one word, and the most candidates.
const MAX_EDITS: usize = 3;
const MAX_CANDIDATES: usize = 600;
const MAX_COST: f32 = 3.6;

/// The correction of one word, or `None` to leave it.
fn fix_word(lex: &Lexicon, word: &str) -> Option<String> {
    match word {
        // `tlf.` (telephone) with the l read as i.
        "tif" => return Some("tlf".to_string()),
        "Tif" => return Some("Tlf".to_string()),
        _ => {}
    }
    if word.chars().count() < 2
        || word
            .chars()
            .any(|c| matches!(c, 'æ' | 'ø' | 'å' | 'Æ' | 'Ø' | 'Å'))
        || !plausible_digits(word)
    {
        return None;
    }
    let lower = word.to_lowercase();
    let caps = Case::of(word);
    // `P3` is a radio channel, but `p3` in a scan is `på`.
    let has_digit = lower.contains('3');
    if !has_digit && lex.attested(&lower) {
        return real_word(lex, &lower).map(|c| caps.apply(&c));
    }
    // Known only by rule (an inflection, a compound): only a word attested
    // as written may replace it.
    let clean_letters = lower.chars().all(char::is_alphabetic);
    let by_rule = clean_letters && lex.knows_fast(&lower);
    let initial_capital_i = word.starts_with('I') && caps == Case::Title;
    let best = best_candidate(lex, &lower, initial_capital_i, by_rule)?;
    if initial_capital_i && best.starts_with('l') {
        // The capital was the damage: `Igbende` is `løbende`.
        return Some(best);
    }
    Some(caps.apply(&best))
}

/// Digits are allowed only as one `3` or `38` after a letter (`s3`, `P38`,
/// `omr3det`): `A4`, `2020`, `COVID19` and the unit `m3` stay as written.
fn plausible_digits(word: &str) -> bool {
    let digits: String = word.chars().filter(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return true;
    }
    let glyph = if word.contains("38") { "38" } else { "3" };
    (digits == "3" || digits == "38")
        && word.chars().next().is_some_and(char::is_alphabetic)
        && !word.eq_ignore_ascii_case("m3")
        && word.split(glyph).count() == 2
}

fn real_word(lex: &Lexicon, lower: &str) -> Option<String> {
    if lower.len() > 8 {
        return None;
    }
    let own = lex.zipf(lower);
    // (score, zipf, candidate)
    let mut best: Option<(f32, f32, String)> = None;
    let mut runner_up = f32::MIN;
    for &(damaged, correct, cost) in REAL_WORD_RULES {
        for (i, _) in lower.match_indices(damaged) {
            let cand = format!("{}{}{}", &lower[..i], correct, &lower[i + damaged.len()..]);
            let z = lex.zipf(&cand);
            let score = z - 1.2 * cost;
            if z < own + REAL_WORD_MARGIN {
                continue;
            }
            match &best {
                Some((s, _, _)) if score <= *s => runner_up = runner_up.max(z),
                _ => {
                    runner_up = runner_up.max(best.as_ref().map_or(f32::MIN, |b| b.1));
                    best = Some((score, z, cand));
                }
            }
        }
    }
    // Two readings about as frequent (`made`: `måde` or `møde`): leave it.
    best.filter(|(_, z, _)| *z - runner_up >= 1.0)
        .map(|(_, _, c)| c)
}

/// A place in the word where a rule applies.
struct Site {
    start: usize,
    end: usize,
    correct: &'static str,
    cost: f32,
}

fn best_candidate(
    lex: &Lexicon,
    lower: &str,
    initial_capital_i: bool,
    attested_only: bool,
) -> Option<String> {
    let mut sites = Vec::new();
    for r in RULES {
        for (i, _) in lower.match_indices(r.damaged) {
            if r.initial && i != 0 {
                continue;
            }
            // `i` → `l` only for a capital I that opened the word (`Igbende`).
            if r.damaged == "i" && (i != 0 || !initial_capital_i) {
                continue;
            }
            sites.push(Site {
                start: i,
                end: i + r.damaged.len(),
                correct: r.correct,
                cost: r.cost,
            });
        }
    }
    if sites.is_empty() {
        return None;
    }
    sites.sort_by(|a, b| a.cost.total_cmp(&b.cost));
    let score = |cost: f32, cand: &str| lex.zipf(cand).max(1.5) - 1.2 * cost - residue(cand);
    // Fewer edits first; within a level, the cheap exact lookups before
    // inflections and compounds. A level that yields a candidate free of
    // damage glyphs ends the search.
    let mut found: Vec<(f32, String)> = Vec::new();
    let mut chosen: Vec<usize> = Vec::new();
    // Each edit beyond the first needs a glyph that no Danish word has
    // (`@`, `ae`, a `g` between consonants): words with none get one edit.
    let max_edits = MAX_EDITS.min(1 + damage_marks(lower) + usize::from(initial_capital_i));
    for edits in 1..=max_edits {
        let mut cands = Vec::new();
        enumerate(lower, &sites, 0, 0.0, edits, &mut chosen, &mut cands);
        let tests: &[fn(&Lexicon, &str) -> bool] = if attested_only {
            &[Lexicon::attested]
        } else {
            &[Lexicon::attested, Lexicon::knows_fast]
        };
        for test in tests {
            let hits: Vec<&(f32, String)> = cands.iter().filter(|(_, c)| test(lex, c)).collect();
            let clean = hits.iter().any(|(_, c)| residue(c) == 0.0);
            found.extend(hits.into_iter().cloned());
            if clean {
                break;
            }
        }
        if found.iter().any(|(_, c)| residue(c) == 0.0) {
            break;
        }
    }
    found
        .into_iter()
        .map(|(cost, cand)| (score(cost, &cand), cand))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// Glyphs and letter groups that mark a word as damaged.
fn damage_marks(lower: &str) -> usize {
    let glyphs = ["ae", "ee", "@", "q", "3", "z"]
        .iter()
        .map(|g| lower.matches(g).count())
        .sum::<usize>();
    let consonant = |c: u8| c.is_ascii_alphabetic() && !b"aeiouy".contains(&c);
    let b = lower.as_bytes();
    let g_between = (1..b.len().saturating_sub(1))
        .filter(|&i| b[i] == b'g' && consonant(b[i - 1]) && consonant(b[i + 1]))
        .count();
    glyphs + g_between
}

/// Damage glyphs still in a candidate: one fix that leaves `ee` or `@`
/// behind is worse than two that leave none.
fn residue(cand: &str) -> f32 {
    ["ae", "ee", "@", "q", "3"]
        .iter()
        .map(|g| cand.matches(g).count() as f32)
        .sum()
}

/// Every combination of `edits` non-overlapping sites whose cost stays
/// under [`MAX_COST`], applied to `lower`.
fn enumerate(
    lower: &str,
    sites: &[Site],
    from: usize,
    cost: f32,
    edits: usize,
    chosen: &mut Vec<usize>,
    out: &mut Vec<(f32, String)>,
) {
    for i in from..sites.len() {
        if out.len() >= MAX_CANDIDATES {
            return;
        }
        let s = &sites[i];
        let total = cost + s.cost;
        if total > MAX_COST {
            // Sites are sorted by cost: the rest cost more.
            return;
        }
        if chosen
            .iter()
            .any(|&c| sites[c].start < s.end && s.start < sites[c].end)
        {
            continue;
        }
        chosen.push(i);
        if chosen.len() == edits {
            out.push((total, apply(lower, sites, chosen)));
        } else {
            enumerate(lower, sites, i + 1, total, edits, chosen, out);
        }
        chosen.pop();
    }
}

fn apply(lower: &str, sites: &[Site], chosen: &[usize]) -> String {
    let mut order: Vec<&Site> = chosen.iter().map(|&i| &sites[i]).collect();
    order.sort_by_key(|s| s.start);
    let mut out = String::with_capacity(lower.len() + 4);
    let mut at = 0;
    for s in order {
        out.push_str(&lower[at..s.start]);
        out.push_str(s.correct);
        at = s.end;
    }
    out.push_str(&lower[at..]);
    out
}

/// The letter case of a word, carried over to its correction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    Lower,
    Title,
    Upper,
}

impl Case {
    fn of(word: &str) -> Case {
        let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
        let upper = letters.iter().filter(|c| c.is_uppercase()).count();
        if letters.len() >= 2 && upper == letters.len() {
            Case::Upper
        } else if letters.first().is_some_and(|c| c.is_uppercase())
            || word
                .chars()
                .next()
                .is_some_and(|c| c == '@' || c.is_ascii_digit())
                && upper > 0
        {
            Case::Title
        } else {
            Case::Lower
        }
    }

    fn apply(self, lower: &str) -> String {
        match self {
            Case::Lower => lower.to_string(),
            Case::Upper => lower.to_uppercase(),
            Case::Title => capitalize(lower),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(w: &str) -> Option<String> {
        fix_word(Lexicon::get(), w)
    }

    #[test]
    fn confusions_are_undone() {
        for (damaged, want) in [
            ("laeger", "læger"),
            ("Sgren", "Søren"),
            ("forlgbet", "forløbet"),
            ("ANSQ@GERS", "ANSØGERS"),
            ("FORMAL", "FORMÅL"),
            ("P38", "På"),
            ("s3", "så"),
            ("lzeger", "læger"),
            ("undgd", "undgå"),
            ("Igbende", "løbende"),
            ("JVRIGE", "ØVRIGE"),
        ] {
            assert_eq!(fix(damaged).as_deref(), Some(want), "{damaged}");
        }
    }

    #[test]
    fn real_words_change_only_for_far_more_frequent_ones() {
        assert_eq!(fix("pa").as_deref(), Some("på"));
        assert_eq!(fix("Pa").as_deref(), Some("På"));
        assert_eq!(fix("bade").as_deref(), Some("både"));
        // `far` (father) is frequent itself: left alone.
        assert_eq!(fix("far"), None);
        // `gar` is `går` or `gør`, `made` `måde` or `møde`: too close to call.
        assert_eq!(fix("gar"), None);
        assert_eq!(fix("made"), None);
        assert_eq!(fix("og"), None);
        assert_eq!(fix("kommune"), None);
    }

    #[test]
    fn protected_tokens_stay() {
        for w in ["læger", "2020", "A4", "COVID19", "x"] {
            assert_eq!(fix(w), None, "{w}");
        }
        let c = correct(
            "Skriv til soren@example.dk eller www.laeger.dk pa mandag",
            OcrMode::On,
        );
        assert_eq!(
            c.text,
            "Skriv til soren@example.dk eller www.laeger.dk på mandag"
        );
    }

    #[test]
    fn letters_are_counted_on_bytes() {
        assert_eq!(letter_counts("Æble, øl – å! é"), (8, 3));
        assert!((danish_letter_share("ab") - 0.0).abs() < 1e-9);
    }

    #[test]
    fn gate_tells_scans_from_clean_and_english_text() {
        let clean = "Mødet blev holdt på rådhuset, og udvalget drøftede sagen. ".repeat(20);
        assert!(!looks_scanned(&clean));
        let scan = "Modet blev holdt pa radhuset, og udvalget drgftede sagen. ".repeat(20);
        assert!(looks_scanned(&scan));
        let english =
            "The meeting was held in the town hall and the board discussed it. ".repeat(20);
        assert!(!looks_scanned(&english));
    }

    #[test]
    fn words_broken_at_a_line_end_are_joined_in_any_text() {
        let text = "hvor behandlingsforløb-\net aftales, og social-\nog sundhed samt forebyggelses-\n/mestring";
        let c = correct(text, OcrMode::Off);
        assert_eq!(
            c.text,
            "hvor behandlingsforløbet\naftales, og social-\nog sundhed samt forebyggelses-\n/mestring"
        );
        assert_eq!(c.joins, 1);
        assert!(c.corrections.is_empty());
        let at = c.text.find("aftales").unwrap();
        assert_eq!(&text[c.map.to_origin(at)..][..7], "aftales");
    }

    #[test]
    fn offsets_lead_back_through_longer_and_shorter_words() {
        let text = "Det er P38 tide at laeger tager pa hjem";
        let c = correct(text, OcrMode::On);
        assert_eq!(c.text, "Det er På tide at læger tager på hjem");
        let at = c.text.find("hjem").unwrap();
        assert_eq!(&text[c.map.to_origin(at)..], "hjem");
        let læ = c.text.find("læger").unwrap();
        assert_eq!(c.map.to_origin(læ), text.find("laeger").unwrap());
    }
}
