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

use crate::span::{self, OffsetMap};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

mod trie;
use trie::Trie;

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
///
/// A scan has thousands: the word is borrowed from the input, and the
/// correction shared with the thread's cache of corrections (a copy of
/// each was two allocations per word, 3 % of a scan's time).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction<'a> {
    /// Byte range of the damaged word in the input text.
    pub range: std::ops::Range<usize>,
    /// The word as it stood.
    pub from: &'a str,
    /// The word as corrected.
    pub to: Arc<str>,
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
    pub corrections: Vec<Correction<'a>>,
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
    // ASCII letters and the lead bytes of two-byte Latin letters (no byte
    // is both), summed in a byte over runs of 255: a loop the compiler
    // turns into vector code, where a sum in a wider integer stayed a
    // byte at a time.
    let letters = bytes
        .chunks(255)
        .map(|chunk| {
            chunk.iter().fold(0u8, |n, &b| {
                n + u8::from((b | 0x20).wrapping_sub(b'a') < 26)
                    + u8::from(b.wrapping_sub(0xC3) < 3)
            }) as usize
        })
        .sum::<usize>();
    // `æøåÆØÅ`: `C3` before `A6`, `B8`, `A5` or the same less `0x20`;
    // counted on pairs of bytes the same way (a search for `C3` stopped at
    // every Danish letter).
    let danish_pair = |(&x, &y): (&u8, &u8)| {
        let y = y & !0x20;
        u8::from(x == 0xC3) & (u8::from(y == 0x86) | u8::from(y == 0x98) | u8::from(y == 0x85))
    };
    let pairs = bytes.len().saturating_sub(1);
    let danish = (0..pairs)
        .step_by(255)
        .map(|start| {
            let end = (start + 255).min(pairs);
            let pairs = bytes[start..end].iter().zip(&bytes[start + 1..=end]);
            usize::from(pairs.map(danish_pair).sum::<u8>())
        })
        .sum::<usize>();
    (letters, danish)
}

/// Frequent Danish words without `æøå`: many of them in a text mean it is
/// Danish, whatever its letters.
const FUNCTION_WORDS: [&str; 25] = [
    "og", "at", "til", "af", "der", "som", "med", "er", "det", "den", "de", "en", "et", "ikke",
    "vil", "kan", "om", "fra", "har", "skal", "blev", "eller", "hvor", "samt", "ved",
];

/// A word of at most eight bytes as one integer, its first byte lowest
/// (words differ in length by their zero bytes, which no word holds).
const fn word_key(word: &[u8]) -> u64 {
    let mut key = 0;
    let mut i = 0;
    while i < word.len() {
        key |= (word[i] as u64) << (8 * i);
        i += 1;
    }
    key
}

/// The [`FUNCTION_WORDS`]' keys, sorted: a word of a scan's gate is looked
/// up by a binary search of five steps on its key, lowered in the key,
/// where it was copied, lowered and matched against the byte strings
/// (3.5 M fewer instructions over the 50 MB corpus's 324 scanned forms).
const FUNCTION_KEYS: [u64; FUNCTION_WORDS.len()] = {
    let mut keys = [0; FUNCTION_WORDS.len()];
    let mut i = 0;
    while i < keys.len() {
        keys[i] = word_key(FUNCTION_WORDS[i].as_bytes());
        i += 1;
    }
    // Insertion sort, as `sort` is not `const`.
    let mut i = 1;
    while i < keys.len() {
        let mut j = i;
        while j > 0 && keys[j - 1] > keys[j] {
            let t = keys[j];
            keys[j] = keys[j - 1];
            keys[j - 1] = t;
            j -= 1;
        }
        i += 1;
    }
    keys
};

/// Whether `lower` (lower case) is one of the [`FUNCTION_WORDS`].
fn is_function_word(lower: &[u8]) -> bool {
    lower.len() <= 5 && FUNCTION_KEYS.binary_search(&word_key(lower)).is_ok()
}

/// The document gate: many letters, under 0.5 % of them `æøå`, and at
/// least 8 % of the words Danish function words (so English text, which
/// has no `æøå` either, stays untouched).
pub fn looks_scanned(text: &str) -> bool {
    gate(text, letter_counts(text), &mut Vec::new())
}

/// The gate from a text's letter counts; the words that may be corrected
/// go to `found` when its second half runs ([`words_and_counts`]).
fn gate(
    text: &str,
    letter_counts: (usize, usize),
    found: &mut Vec<std::ops::Range<usize>>,
) -> bool {
    may_be_scanned(letter_counts) && danish_by_function_words(words_and_counts(text, found))
}

/// The gate's first half, from the letter counts: many letters, under
/// 0.5 % of them `æøå`.
fn may_be_scanned((letters, danish): (usize, usize)) -> bool {
    letters >= 400 && (danish as f64 / letters as f64) < 0.005
}

/// The gate's second half, from the counts of words (runs of letters) and
/// of function words among them: at least 8 % of the words.
fn danish_by_function_words((words, function): (usize, usize)) -> bool {
    words > 0 && function * 100 >= words * 8
}

/// One pass over `text` for both what the gate counts and the words that
/// may be corrected. The words' ranges go to `found` (emptied first, a
/// buffer kept between documents): runs of letters, `@` and digits,
/// leaving out chunks (up to and with a whitespace character) that are
/// e-mail addresses or URLs, and pure numbers. The counts of runs of
/// letters (the gate's words) and of [`is_function_word`]s among them are
/// returned. A run of ASCII letters, most of a text's bytes, is passed
/// over at once: it is inside a word of both kinds and changes nothing
/// else.
fn words_and_counts(text: &str, found: &mut Vec<std::ops::Range<usize>>) -> (usize, usize) {
    let bytes = text.as_bytes();
    found.clear();
    let mut counted = 0usize;
    let mut function = 0usize;
    let mut count = |w: &str| {
        counted += 1;
        // An ASCII run is all letters: lowered in its key by `| 0x20`.
        if w.len() <= 5
            && if w.is_ascii() {
                let lower = word_key(w.as_bytes()) | (span::splat(0x20) >> (8 * (8 - w.len())));
                FUNCTION_KEYS.binary_search(&lower).is_ok()
            } else {
                is_function_word(w.to_lowercase().as_bytes())
            }
        {
            function += 1;
        }
    };
    // The current run of letters (the gate's word).
    let mut run = None;
    // The current chunk: where it starts, how many words were found before
    // it, and whether it has a `:` or `@` (a URL or address may follow).
    let mut chunk = 0;
    let mut mark = 0;
    let mut suspect = false;
    // The current word: where it starts, and whether it has a letter.
    let mut word = None;
    let mut alpha = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphabetic() {
            run.get_or_insert(i);
            if word.is_none() {
                word = Some(i);
            }
            alpha = true;
            i = span::ascii_letters_end(bytes, i + 1);
            continue;
        }
        let (len, part, letter, space) = if b < 0x80 {
            let letter = b == b'@';
            let space = span::is_space(b);
            (1, letter || b.is_ascii_digit(), letter, space)
        } else {
            let ch = text[i..].chars().next().unwrap_or(' ');
            let letter = ch.is_alphabetic();
            (
                ch.len_utf8(),
                letter || ch.is_alphanumeric(),
                letter,
                ch.is_whitespace(),
            )
        };
        // `@` is a letter of a word to correct, not of the gate's.
        if letter && b != b'@' {
            run.get_or_insert(i);
        } else if let Some(s) = run.take() {
            count(&text[s..i]);
        }
        suspect |= b == b':' || b == b'@';
        if part {
            if word.is_none() {
                word = Some(i);
                alpha = false;
            }
            alpha |= letter;
        } else if let Some(s) = word.take()
            && alpha
        {
            found.push(s..i);
        }
        i += len;
        if space {
            // Only a chunk opening with `www.` is skipped unless it is suspect.
            if (suspect || bytes[chunk] == b'w') && skipped_chunk(&text[chunk..i], suspect) {
                found.truncate(mark);
            }
            (chunk, mark, suspect) = (i, found.len(), false);
        }
    }
    if let Some(s) = run {
        count(&text[s..]);
    }
    if let Some(s) = word
        && alpha
    {
        found.push(s..text.len());
    }
    if skipped_chunk(&text[chunk..], suspect) {
        found.truncate(mark);
    }
    (counted, function)
}

/// Corrects `text` as `mode` says.
pub fn correct(text: &str, mode: OcrMode) -> Corrected<'_> {
    let counts = letter_counts(text);
    let share = if counts.0 == 0 {
        0.0
    } else {
        counts.1 as f64 / counts.0 as f64
    };
    // The words to correct are found in the gate's own pass (kept for the
    // thread's next document).
    let mut ranges = WORDS.take();
    let scanned = match mode {
        OcrMode::Off => false,
        OcrMode::On => {
            words_and_counts(text, &mut ranges);
            true
        }
        OcrMode::Auto => gate(text, counts, &mut ranges),
    };
    let joins = hyphen_joins(text);
    let mut corrections = Vec::new();
    if scanned {
        corrections = scan_corrections(text, &mut ranges);
        // A word cut by a line break is joined, not corrected in halves.
        // Joins are in text order and do not overlap: the first one that
        // ends after the word starts is the only one that can touch it.
        corrections.retain(|c| {
            let i = joins.partition_point(|j| j.range.end <= c.range.start);
            joins.get(i).is_none_or(|j| j.range.start > c.range.end)
        });
    }
    WORDS.set(ranges);
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
fn hyphen_joins(text: &str) -> Vec<Correction<'_>> {
    let mut out = Vec::new();
    let mut from = 0;
    // Each `-\n` at or after `from`, found with memmem.
    for i in memchr::memmem::find_iter(text.as_bytes(), b"-\n") {
        if i < from {
            continue;
        }
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
            from: &text[i..end],
            to: format!("{word}\n").into(),
        });
        from = end;
    }
    out
}

/// The OCR corrections of a scanned text, in text order, from the ranges
/// of its words ([`words_and_counts`]), which are drained.
fn scan_corrections<'t>(
    text: &'t str,
    ranges: &mut Vec<std::ops::Range<usize>>,
) -> Vec<Correction<'t>> {
    let lex = Lexicon::get();
    let mut corrections = Vec::new();
    WORD_CACHE.with_borrow_mut(|cache| {
        for range in ranges.drain(..) {
            let word = &text[range.clone()];
            if let Some(to) = cache.fixed(word, |word| fix_word(lex, word)) {
                corrections.push(Correction {
                    range,
                    from: word,
                    to: Arc::clone(to),
                });
            }
        }
    });
    corrections.extend(pipe_for_i(text));
    corrections.sort_by_key(|c| c.range.start);
    corrections
}

thread_local! {
    /// The buffer for the word ranges of the text a thread corrects, kept
    /// for its next ([`words_and_counts`] empties it first).
    static WORDS: std::cell::Cell<Vec<std::ops::Range<usize>>> =
        const { std::cell::Cell::new(Vec::new()) };
}

/// The most words the per-thread cache holds before it starts over (about
/// 4 MB).
const WORD_CACHE_MAX: usize = 100_000;
/// ... or words of this many bytes in all.
const WORD_CACHE_BYTES: usize = 4 << 20;

thread_local! {
    /// Each word's correction, kept across the documents a thread corrects:
    /// a batch of scans repeats most of its words. A word's correction
    /// depends on the word alone, so the cache changes no output.
    static WORD_CACHE: std::cell::RefCell<WordCache> = std::cell::RefCell::default();
}

/// Words and their corrections, the words kept end to end in one string
/// and found by a 64-bit hash (checked against the word itself), so that
/// caching a word costs no allocation of its own.
#[derive(Default)]
struct WordCache {
    words: String,
    /// Word hash → where the word is in `words`, and its correction.
    entries: HashMap<u64, (usize, usize, Option<Arc<str>>), foldhash::fast::FixedState>,
}

impl WordCache {
    /// The correction of `word`, from the cache or from `fix` (and then
    /// kept), found with one lookup of the table.
    fn fixed(&mut self, word: &str, fix: impl FnOnce(&str) -> Option<String>) -> Option<&Arc<str>> {
        use std::collections::hash_map::Entry;
        use std::hash::BuildHasher;
        let hash = foldhash::fast::FixedState::with_seed(0x5eed).hash_one(word);
        let full = self.entries.len() >= WORD_CACHE_MAX || self.words.len() >= WORD_CACHE_BYTES;
        if full && !self.entries.contains_key(&hash) {
            // A new word when full: start over.
            self.clear();
        }
        let entry = match self.entries.entry(hash) {
            Entry::Occupied(e) => {
                let e = e.into_mut();
                if &self.words[e.0..e.0 + e.1] != word {
                    // A word whose hash another word holds (about never)
                    // replaces it.
                    *e = (self.words.len(), word.len(), fix(word).map(Arc::from));
                    self.words.push_str(word);
                }
                e
            }
            Entry::Vacant(e) => {
                let at = self.words.len();
                self.words.push_str(word);
                e.insert((at, word.len(), fix(word).map(Arc::from)))
            }
        };
        entry.2.as_ref()
    }

    fn clear(&mut self) {
        self.entries.clear();
        self.words.clear();
    }
}

/// Empties this thread's word cache, so the next scan is corrected from
/// scratch (benchmarks of a document's first visit use it).
pub fn clear_word_cache() {
    WORD_CACHE.with_borrow_mut(WordCache::clear);
}

/// `|` misread for `I` at a line start before a lower-case word
/// (`| samarbejde med`), on lines that are not table rows.
fn pipe_for_i(text: &str) -> Vec<Correction<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in crate::span::split_byte(text, b'\n') {
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
                from: &text[at..at + 1],
                to: "I".into(),
            });
        }
        start += line.len() + 1;
    }
    out
}

/// Whether a chunk of text is a URL or an e-mail address (`suspect`: it
/// has a `:` or an `@`).
#[inline]
fn skipped_chunk(chunk: &str, suspect: bool) -> bool {
    chunk.starts_with("www.")
        || suspect
            && (chunk.contains("://")
                || chunk
                    .find('@')
                    .is_some_and(|i| i > 0 && chunk[i..].contains('.') && !chunk.ends_with(". ")))
}

/// A Danish lexicon: word frequencies (wordfreq) for ranking, the 157,835
/// words of the hunspell-da dictionary, and rules for regular endings and
/// compounds on top of both. (The dictionary's own affix and compound
/// rules, through the `spellbook` crate, were tried: one point more recall,
/// but less precision and 2.6 times slower, see the README.)
///
/// The words are compiled by `build.rs` into a flat trie (lower-cased word
/// → Zipf frequency and flags, see `ocr/shared_with_build.rs`), which
/// costs nothing to load and which the candidate search walks a byte at a time.
pub struct Lexicon {
    trie: Trie,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

impl Lexicon {
    /// The lexicon compiled into referat, loaded on first use.
    pub fn get() -> &'static Lexicon {
        &LEXICON
    }

    fn load() -> Lexicon {
        Lexicon {
            trie: Trie::compiled(),
        }
    }

    /// Zipf frequency of a lower-case word (0 when the list lacks it).
    pub fn zipf(&self, lower: &str) -> f32 {
        self.trie.get(lower.as_bytes()).map_or(0.0, value_zipf)
    }

    /// Whether the frequency list or the dictionary's stems hold `lower`
    /// exactly (or capitalised, for names): the words whose spelling is
    /// attested as written.
    #[cfg(test)]
    fn attested(&self, lower: &str) -> bool {
        self.trie.get(lower.as_bytes()).is_some()
    }

    #[cfg(test)]
    fn stem(&self, lower: &str) -> bool {
        self.trie
            .get(lower.as_bytes())
            .is_some_and(|v| v & STEM_FLAG != 0)
    }

    /// Whether `lower` is known by the lexicon's rules: attested, a stem
    /// with a regular ending (`ansøges` from `ansøge`), or a compound of
    /// two or three such parts, the first ones with an optional linking `s`
    /// or `e` (`mestrings|forløbet`). One walk of the trie.
    fn knows(&self, lower: &str) -> bool {
        let mut walk = Walk::new(self, lower, false, 0, true);
        walk.run();
        !walk.out.is_empty()
    }
}

/// Regular endings of Danish nouns, verbs and adjectives, longest first.
const SUFFIXES: &[&str] = &[
    "erne", "ende", "ene", "ens", "ets", "ede", "ers", "er", "en", "et", "es", "ne", "te", "e",
    "n", "r", "s", "t",
];

/// `s` in lower case, borrowed when it is already.
fn lowercase(s: &str) -> Cow<'_, str> {
    if s.chars().any(char::is_uppercase) {
        Cow::Owned(s.to_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

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

/// The rules by the first byte of their damaged form.
static RULES_BY_BYTE: [[u8; 6]; 256] = rules_by_byte();

/// [`RULES_BY_BYTE`]: for each byte, the indices of the rules whose
/// damaged form starts with it, then `u8::MAX`s (at most six rules a byte,
/// checked when compiling).
const fn rules_by_byte() -> [[u8; 6]; 256] {
    let mut by = [[u8::MAX; 6]; 256];
    let mut i = 0;
    while i < RULES.len() {
        let b = RULES[i].damaged.as_bytes()[0] as usize;
        let mut k = 0;
        while by[b][k] != u8::MAX {
            k += 1;
        }
        by[b][k] = i as u8;
        i += 1;
    }
    by
}

include!("ocr/shared_with_build.rs");

/// The most substitutions tried in one word, and the most candidates.
const MAX_EDITS: usize = 3;
const MAX_CANDIDATES: usize = 600;
const MAX_COST: f32 = 3.6;

/// The longest word (in bytes) the corrector looks at.
const MAX_WORD: usize = 60;

/// The correction of one word, or `None` to leave it.
fn fix_word(lex: &Lexicon, word: &str) -> Option<String> {
    match word {
        // `tlf.` (telephone) with the l read as i.
        "tif" => return Some("tlf".to_string()),
        "Tif" => return Some("Tlf".to_string()),
        _ => {}
    }
    // No Danish word is that long: a run of letters that is, is not one.
    if word.chars().nth(1).is_none()
        || word.len() > MAX_WORD
        || has_danish_letter(word)
        || !plausible_digits(word)
    {
        return None;
    }
    // Most words of a scan are ASCII (the damage took their `æøå`): those
    // are lower-cased on the stack.
    let mut buf = [0u8; MAX_WORD];
    let lower = if word.is_ascii() {
        span::lower_on_stack(word, &mut buf)
    } else {
        lowercase(word)
    };
    let caps = Case::of(word);
    // `P3` is a radio channel, but `p3` in a scan is `på`.
    let has_digit = lower.contains('3');
    if !has_digit && let Some(v) = lex.trie.get(lower.as_bytes()) {
        // Only words marked by `build.rs` have a far more frequent reading.
        if v & REAL_WORD_FLAG == 0 {
            return None;
        }
        return real_word(lex, &lower, value_zipf(v)).map(|c| caps.apply(&c));
    }
    let clean_letters = lower.chars().all(char::is_alphabetic);
    let initial_capital_i = word.starts_with('I') && caps == Case::Title;
    let best = best_candidate(lex, &lower, initial_capital_i, clean_letters)?;
    if initial_capital_i && best.starts_with('l') {
        // The capital was the damage: `Igbende` is `løbende`.
        return Some(best);
    }
    Some(caps.apply(&best))
}

/// Whether `word` has one of `æøåÆØÅ` (all `0xC3` and a second byte in
/// UTF-8).
fn has_danish_letter(word: &str) -> bool {
    word.as_bytes()
        .windows(2)
        .any(|w| w[0] == 0xC3 && matches!(w[1], 0xA6 | 0xB8 | 0xA5 | 0x86 | 0x98 | 0x85))
}

/// Digits are allowed only as one `3` or `38` after a letter (`s3`, `P38`,
/// `omr3det`): `A4`, `2020`, `COVID19` and the unit `m3` stay as written.
fn plausible_digits(word: &str) -> bool {
    if !word.bytes().any(|b| b.is_ascii_digit()) {
        return true;
    }
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

/// The real-word correction of `lower`, a word the lexicon holds with Zipf
/// frequency `own`: a reading by one substitution that is far more frequent
/// than it, and than any other reading.
fn real_word(lex: &Lexicon, lower: &str, own: f32) -> Option<String> {
    if lower.len() > REAL_WORD_MAX {
        return None;
    }
    // (score, zipf, candidate)
    let mut best: Option<(f32, f32, String)> = None;
    let mut runner_up = f32::MIN;
    real_word_variants(lower, |cand, cost| {
        let z = lex.zipf(cand);
        let score = z - 1.2 * cost;
        if z < own + REAL_WORD_MARGIN {
            return;
        }
        match &best {
            Some((s, _, _)) if score <= *s => runner_up = runner_up.max(z),
            _ => {
                runner_up = runner_up.max(best.as_ref().map_or(f32::MIN, |b| b.1));
                best = Some((score, z, cand.to_string()));
            }
        }
    });
    // Two readings about as frequent (`made`: `måde` or `møde`): leave it.
    best.filter(|(_, z, _)| *z - runner_up >= 1.0)
        .map(|(_, _, c)| c)
}

/// A candidate correction found by the lexicon walk.
struct Candidate {
    text: String,
    cost: f32,
    edits: usize,
    /// The lexicon holds it as written (not only by an ending or as a
    /// compound).
    attested: bool,
    /// Its Zipf frequency (0 for words known by rule only).
    zipf: f32,
    /// Damage glyphs left in it ([`residue`]).
    residue: f32,
}

/// The best correction of the lower-case word `lower` by the confusion
/// set, or `None`. Candidates are fewer edits first; within an edit count,
/// words the lexicon holds as written before inflections and compounds; a
/// count that yields a candidate free of damage glyphs ends the search.
/// Among the found, the one with the best word frequency minus edit cost
/// minus left-over damage wins. A word known by rule (an inflection, a
/// compound; only when it is all letters) may only be replaced by a word
/// attested as written.
fn best_candidate(
    lex: &Lexicon,
    lower: &str,
    initial_capital_i: bool,
    clean_letters: bool,
) -> Option<String> {
    // Each edit beyond the first needs a glyph that no Danish word has
    // (`@`, `ae`, a `g` between consonants): words with none get one edit.
    let max_edits = MAX_EDITS.min(1 + damage_marks(lower) + usize::from(initial_capital_i));
    // Words attested as written first (a walk with no compounds, so
    // cheap). One edit to a clean attested word settles the choice by the
    // rules above, whatever inflections and compounds a wider walk finds,
    // and whether the word is known by rule or not.
    let attested = candidates(lex, lower, initial_capital_i, max_edits, false);
    let settled = attested.iter().any(|c| c.edits == 1 && c.residue == 0.0);
    if settled || clean_letters && lex.knows(lower) {
        return pick(&attested, max_edits, true);
    }
    let all = candidates(lex, lower, initial_capital_i, max_edits, true);
    pick(&all, max_edits, false)
}

/// The candidates of one walk (with inflections and compounds when
/// `by_rule`), in a deterministic order whatever order the walk found them
/// in, each reading once.
fn candidates(
    lex: &Lexicon,
    lower: &str,
    initial_capital_i: bool,
    max_edits: usize,
    by_rule: bool,
) -> Vec<Candidate> {
    let mut walk = Walk::new(lex, lower, initial_capital_i, max_edits, by_rule);
    walk.run();
    let mut cands = std::mem::take(&mut walk.out);
    cands.sort_by(|a, b| {
        (a.edits, &a.text, !a.attested)
            .cmp(&(b.edits, &b.text, !b.attested))
            .then(a.cost.total_cmp(&b.cost))
    });
    cands.dedup_by(|b, a| a.edits == b.edits && a.text == b.text && a.attested == b.attested);
    cands
}

/// The choice among `cands` (see [`best_candidate`]).
fn pick(cands: &[Candidate], max_edits: usize, attested_only: bool) -> Option<String> {
    let score = |c: &Candidate| c.zipf.max(1.5) - 1.2 * c.cost - c.residue;
    let clean = |c: &&Candidate| c.residue == 0.0;
    let mut found: Vec<&Candidate> = Vec::new();
    for edits in 1..=max_edits {
        let level = cands.iter().filter(|c| c.edits == edits);
        let attested: Vec<&Candidate> = level.clone().filter(|c| c.attested).collect();
        let done = attested.iter().any(clean);
        found.extend(attested);
        if done {
            break;
        }
        if !attested_only {
            found.extend(level.filter(|c| !c.attested));
        }
        if found.iter().any(clean) {
            break;
        }
    }
    found
        .into_iter()
        .map(|c| (score(c), c))
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.text.cmp(&a.1.text)))
        .map(|(_, c)| c.text.clone())
}

/// A depth-first walk of the lexicon trie along a damaged word: at each
/// position the word's own byte is followed, or a rule of the confusion set
/// is applied, as long as some lexicon word starts that way. At a word's
/// end, the walk may start a compound's next part from the root (after an
/// optional linking `s` or `e`), or take the word's rest as a regular
/// ending. Dead prefixes are cut at once, so the search costs a few trie
/// steps per position instead of a lookup per candidate.
struct Walk<'a> {
    trie: Trie,
    word: &'a [u8],
    initial_capital_i: bool,
    max_edits: usize,
    /// Inflections and compounds are wanted too.
    by_rule: bool,
    buf: Vec<u8>,
    out: Vec<Candidate>,
}

thread_local! {
    /// The bytes a walk builds its candidates in, kept for the thread's
    /// next walk.
    static WALK_BUF: std::cell::Cell<Vec<u8>> = const { std::cell::Cell::new(Vec::new()) };
}

impl Drop for Walk<'_> {
    fn drop(&mut self) {
        let mut buf = std::mem::take(&mut self.buf);
        buf.clear();
        WALK_BUF.set(buf);
    }
}

/// The characters in UTF-8 `bytes` (bytes that do not continue one).
fn char_count(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

/// Where the walk stands.
#[derive(Clone, Copy)]
struct At {
    /// Position in the damaged word.
    pos: usize,
    /// Compound part (0, 1, 2) and where each part starts in `buf`.
    part: usize,
    starts: [usize; 3],
    edits: usize,
    cost: f32,
}

impl<'a> Walk<'a> {
    fn new(
        lex: &'a Lexicon,
        lower: &'a str,
        initial_capital_i: bool,
        max_edits: usize,
        by_rule: bool,
    ) -> Walk<'a> {
        Walk {
            trie: lex.trie,
            word: lower.as_bytes(),
            initial_capital_i,
            max_edits,
            by_rule,
            buf: WALK_BUF.take(),
            out: Vec::new(),
        }
    }

    /// Walks the whole word; with no edits allowed, stops at the first
    /// reading found.
    fn run(&mut self) {
        let at = At {
            pos: 0,
            part: 0,
            starts: [0; 3],
            edits: 0,
            cost: 0.0,
        };
        self.step(Trie::ROOT, at);
    }

    fn accept(&mut self, at: At, rest: &[u8], attested: bool, zipf: f32) {
        if at.edits == 0 && self.max_edits > 0 || self.out.len() >= MAX_CANDIDATES {
            return;
        }
        // A compound's every tail has four letters or more, and every
        // compound (the whole, or a tail split again) six bytes or more;
        // the candidate is `buf` and then `rest`.
        let len = self.buf.len() + rest.len();
        let chars = |from: usize| char_count(&self.buf[from..]) + char_count(rest);
        if (1..=at.part).any(|k| chars(at.starts[k]) < 4 || len - at.starts[k - 1] < 6) {
            return;
        }
        let mut text = Vec::with_capacity(len);
        text.extend_from_slice(&self.buf);
        text.extend_from_slice(rest);
        if let Ok(text) = String::from_utf8(text) {
            self.out.push(Candidate {
                residue: residue(&text),
                text,
                cost: at.cost,
                edits: at.edits,
                attested,
                zipf,
            });
        }
    }

    fn step(&mut self, node: trie::Node, at: At) {
        if self.max_edits == 0 && !self.out.is_empty() {
            return;
        }
        let word = self.word;
        if let Some(value) = self.trie.value(node) {
            let part = at.starts[at.part]..self.buf.len();
            if at.pos == word.len() {
                if at.part == 0 {
                    self.accept(at, &[], true, value_zipf(value));
                } else {
                    self.accept(at, &[], false, 0.0);
                }
            } else if self.by_rule {
                let rest = &word[at.pos..];
                if rest.len() <= 4
                    && value & STEM_FLAG != 0
                    && part.len() > 2
                    && SUFFIXES.iter().any(|s| s.as_bytes() == rest)
                {
                    self.accept(at, rest, false, 0.0);
                }
                // A compound's next part has four letters or more, and
                // edits never lengthen the rest of the word.
                let room = char_count(rest);
                if at.part < 2 && room >= 4 {
                    let chars = char_count(&self.buf[part]);
                    let head = chars >= 4 || at.part == 0 && chars == 3 && value_zipf(value) >= 4.0;
                    let mut next = At {
                        part: at.part + 1,
                        ..at
                    };
                    next.starts[next.part] = self.buf.len();
                    if head {
                        self.step(Trie::ROOT, next);
                    }
                    if chars >= 4 && room >= 5 && matches!(word[at.pos], b's' | b'e') {
                        self.buf.push(word[at.pos]);
                        let mut linked = At {
                            pos: at.pos + 1,
                            ..next
                        };
                        linked.starts[linked.part] = self.buf.len();
                        self.step(Trie::ROOT, linked);
                        self.buf.pop();
                    }
                }
            }
        }
        if at.pos == word.len() {
            return;
        }
        // The byte as written.
        if let Some(child) = self.trie.child(node, word[at.pos]) {
            self.buf.push(word[at.pos]);
            let next = At {
                pos: at.pos + 1,
                ..at
            };
            self.step(child, next);
            self.buf.pop();
        }
        if at.edits == self.max_edits {
            return;
        }
        // A rule of the confusion set.
        let rules = RULES_BY_BYTE[usize::from(word[at.pos])];
        for &r in rules.iter().take_while(|&&r| r != u8::MAX) {
            let r = &RULES[usize::from(r)];
            let cost = at.cost + r.cost;
            if cost > MAX_COST
                || !word[at.pos..].starts_with(r.damaged.as_bytes())
                || r.initial && at.pos != 0
                // `i` → `l` only for a capital I that opened the word
                // (`Igbende`).
                || r.damaged == "i" && (at.pos != 0 || !self.initial_capital_i)
            {
                continue;
            }
            let len = self.buf.len();
            let mut n = node;
            let mut alive = true;
            for &b in r.correct.as_bytes() {
                match self.trie.child(n, b) {
                    Some(child) => {
                        n = child;
                        self.buf.push(b);
                    }
                    None => {
                        alive = false;
                        break;
                    }
                }
            }
            if alive {
                let next = At {
                    pos: at.pos + r.damaged.len(),
                    edits: at.edits + 1,
                    cost,
                    ..at
                };
                self.step(n, next);
            }
            self.buf.truncate(len);
        }
    }
}

/// Glyphs and letter groups that mark a word as damaged.
fn damage_marks(lower: &str) -> usize {
    let b = lower.as_bytes();
    let consonant = |c: u8| c.is_ascii_alphabetic() && !b"aeiouy".contains(&c);
    let g_between = (1..b.len().saturating_sub(1))
        .filter(|&i| b[i] == b'g' && consonant(b[i - 1]) && consonant(b[i + 1]))
        .count();
    glyphs(b, true) + g_between
}

/// Damage glyphs still in a candidate: one fix that leaves `ee` or `@`
/// behind is worse than two that leave none.
fn residue(cand: &str) -> f32 {
    glyphs(cand.as_bytes(), false) as f32
}

/// Occurrences of the damage glyphs `ae`, `ee`, `@`, `q`, `3` (and `z` when
/// asked), each pair counted without overlap, as `str::matches` would.
fn glyphs(b: &[u8], z: bool) -> usize {
    let count = |pat: &[u8]| {
        let (mut n, mut i) = (0, 0);
        while i + pat.len() <= b.len() {
            if &b[i..i + pat.len()] == pat {
                n += 1;
                i += pat.len();
            } else {
                i += 1;
            }
        }
        n
    };
    let singles = b
        .iter()
        .filter(|&&c| c == b'@' || c == b'q' || c == b'3' || z && c == b'z')
        .count();
    count(b"ae") + count(b"ee") + singles
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
        let mut letters = word.chars().filter(|c| c.is_alphabetic());
        let first = letters.next();
        let (n, upper) = letters.fold(
            (
                usize::from(first.is_some()),
                usize::from(first.is_some_and(char::is_uppercase)),
            ),
            |(n, u), c| (n + 1, u + usize::from(c.is_uppercase())),
        );
        if n >= 2 && upper == n {
            Case::Upper
        } else if first.is_some_and(char::is_uppercase)
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

/// This stage's patterns and tables, each built on first use; built ahead
/// by [`crate::prepare`].
pub(crate) const PREPARE: &[fn()] = builders![LEXICON];

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(w: &str) -> Option<String> {
        fix_word(Lexicon::get(), w)
    }

    /// The lexicon's rules written as plain lookups: the oracle the trie
    /// walk is checked against.
    fn knows_by_lookup(lex: &Lexicon, lower: &str) -> bool {
        fn inflected(lex: &Lexicon, lower: &str) -> bool {
            lex.attested(lower)
                || SUFFIXES.iter().any(|suf| {
                    lower.len() > suf.len() + 2
                        && lower.ends_with(suf)
                        && lex.stem(&lower[..lower.len() - suf.len()])
                })
        }
        fn head(lex: &Lexicon, head: &str, first: bool) -> bool {
            let n = head.chars().count();
            n >= 4 && lex.attested(head)
                || first && n == 3 && lex.zipf(head) >= 4.0
                || head
                    .strip_suffix(['s', 'e'])
                    .is_some_and(|h| h.chars().count() >= 4 && lex.attested(h))
        }
        fn compound(lex: &Lexicon, lower: &str, parts: usize, first: bool) -> bool {
            if parts < 2 || lower.len() < 6 {
                return false;
            }
            lower.char_indices().skip(3).any(|(i, _)| {
                let (h, tail) = lower.split_at(i);
                tail.chars().count() >= 4
                    && head(lex, h, first)
                    && (inflected(lex, tail) || compound(lex, tail, parts - 1, false))
            })
        }
        inflected(lex, lower) || compound(lex, lower, 3, true)
    }

    /// The letters and Danish letters counted on bytes are the ones
    /// counted on characters: every kind of character at every offset
    /// around the blocks of 255 pairs, and Danish letters next to each
    /// other.
    #[test]
    fn letters_counted_on_bytes_as_on_characters() {
        let by_char = |text: &str| {
            let letters = text
                .chars()
                .filter(|c| c.is_ascii_alphabetic() || ('\u{c0}'..='\u{17f}').contains(c));
            let danish = text.chars().filter(|c| "æøåÆØÅ".contains(*c)).count();
            (letters.count(), danish)
        };
        for piece in [
            "æ", "Ø", "å", "Å", "é", "×", "ş", "–", "€", "1", "x", "Ææ", "øøø",
        ] {
            for before in (0..20).chain(240..270).chain(500..520) {
                let text = format!("{}{piece}", "a".repeat(before));
                assert_eq!(letter_counts(&text), by_char(&text), "{piece} {before}");
                let text = format!("{} {piece} z", "Å".repeat(before));
                assert_eq!(letter_counts(&text), by_char(&text), "{piece} {before}");
            }
        }
    }

    #[test]
    fn the_word_cache_fixes_each_word_once_and_forgets_when_full() {
        let mut cache = WordCache::default();
        let calls = std::cell::Cell::new(0);
        let fix = |w: &str| {
            calls.set(calls.get() + 1);
            (w == "mgde").then(|| "møde".to_string())
        };
        assert_eq!(cache.fixed("mgde", fix).map(|s| &**s), Some("møde"));
        assert_eq!(cache.fixed("og", fix), None);
        assert_eq!(cache.fixed("mgde", fix).map(|s| &**s), Some("møde"));
        assert_eq!(cache.fixed("og", fix), None);
        assert_eq!(calls.get(), 2);
        cache.clear();
        assert_eq!(cache.fixed("mgde", fix).map(|s| &**s), Some("møde"));
        assert_eq!(calls.get(), 3);
        // Words of WORD_CACHE_BYTES in all: the next new word starts it over.
        let long = "a".repeat(WORD_CACHE_BYTES);
        let _ = cache.fixed(&long, fix);
        assert_eq!(cache.fixed("mgde", fix).map(|s| &**s), Some("møde"));
        assert_eq!(calls.get(), 4);
        assert_eq!(cache.fixed("ny", fix), None);
        assert_eq!(cache.fixed("mgde", fix).map(|s| &**s), Some("møde"));
        assert_eq!(calls.get(), 6);
        assert_eq!(cache.entries.len(), 2);
    }

    /// The seed documents at the top of `fixtures/`.
    fn seed_texts() -> Vec<String> {
        std::fs::read_dir("fixtures")
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_file())
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect()
    }

    /// `words` as it was: chunk by chunk, char by char (the oracle).
    fn words_by_chunks(text: &str) -> Vec<(std::ops::Range<usize>, &str)> {
        let mut found = Vec::new();
        let mut base = 0;
        for chunk in text.split_inclusive(char::is_whitespace) {
            let chunk_base = base;
            base += chunk.len();
            let skip = chunk.contains("://")
                || chunk.starts_with("www.")
                || chunk
                    .find('@')
                    .is_some_and(|i| i > 0 && chunk[i..].contains('.') && !chunk.ends_with(". "));
            if skip {
                continue;
            }
            let mut start = None;
            let mut alpha = false;
            for (i, ch) in chunk
                .char_indices()
                .chain(std::iter::once((chunk.len(), ' ')))
            {
                let part = ch.is_alphanumeric() || ch == '@';
                match (part, start) {
                    (true, None) => {
                        start = Some(i);
                        alpha = ch.is_alphabetic() || ch == '@';
                    }
                    (true, Some(_)) => alpha |= ch.is_alphabetic() || ch == '@',
                    (false, Some(s)) => {
                        if alpha {
                            found.push((chunk_base + s..chunk_base + i, &chunk[s..i]));
                        }
                        start = None;
                    }
                    (false, None) => {}
                }
            }
        }
        found
    }

    #[test]
    fn words_are_the_ones_the_chunk_by_chunk_reading_found() {
        let mut texts = seed_texts();
        texts.extend(
            [
                "se www.sundhed.dk/x og mail: a.b@region.dk. Tlf",
                "skriv til x@y. Derefter @ og q@ og P38 i 2020 og A4",
                "https://æøå.dk/side?a=1 og ftp://x\u{a0}igen",
                "ord\u{2003}ord\u{85}ord\u{3000}slut",
                "\u{a0}\u{a0}Sgren Landkildehus, Sundhedsklyngen",
                "mailto:x@y.dk",
                "ende uden mellemrum@",
                "OG At til3af og@det de2en ÉN Øen eller\u{2003}samt ved",
                "Der1som med_er om-fra har/skal blev:hvor ſom og",
                "",
            ]
            .map(String::from),
        );
        let mut function_words = 0;
        for text in &texts {
            let mut found = Vec::new();
            let counts = words_and_counts(text, &mut found);
            let found: Vec<_> = found.into_iter().map(|r| (r.clone(), &text[r])).collect();
            assert_eq!(found, words_by_chunks(text), "{text:.60}");
            // The gate's words: the runs of letters.
            let runs: Vec<&str> = text
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .collect();
            let function = runs
                .iter()
                .filter(|w| is_function_word(w.to_lowercase().as_bytes()))
                .count();
            assert_eq!(counts, (runs.len(), function), "{text:.60}");
            function_words += function;
        }
        assert!(function_words > 1000, "{function_words}");
    }

    #[test]
    fn the_real_word_flag_marks_every_word_the_step_changes() {
        let lex = Lexicon::get();
        let seeds: String = seed_texts().concat();
        let mut changed = 0;
        let extra = [
            "pa", "ar", "bade", "mal", "made", "for", "sa", "nar", "vaere",
        ];
        for w in seeds
            .split(|c: char| !c.is_alphabetic())
            .map(str::to_lowercase)
            .chain(extra.map(String::from))
        {
            let Some(v) = lex.trie.get(w.as_bytes()) else {
                continue;
            };
            if real_word(lex, &w, value_zipf(v)).is_some() {
                changed += 1;
                assert_ne!(v & REAL_WORD_FLAG, 0, "{w}");
            }
        }
        assert!(changed >= 4, "{changed}");
    }

    #[test]
    fn the_trie_walk_knows_what_the_lookups_know() {
        let lex = Lexicon::get();
        let seeds: String = [
            "000_7d8caf8445a2727d.txt",
            "002_7f83bb290909fca2.txt",
            "003_248f04cbab3a95c2.txt",
        ]
        .iter()
        .map(|f| std::fs::read_to_string(format!("fixtures/{f}")).unwrap())
        .collect();
        let words: Vec<String> = seeds
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.len() >= 2)
            .map(str::to_lowercase)
            .collect();
        // The seeds' words, and pairs and triples of them run together
        // (compounds real and false).
        let mut tried = 0;
        let mut known = 0;
        for (i, w) in words.iter().enumerate() {
            let next = &words[(i * 7 + 3) % words.len()];
            let third = &words[(i * 13 + 5) % words.len()];
            for cand in [
                w.clone(),
                format!("{w}{next}"),
                format!("{w}s{next}{third}"),
            ] {
                let want = knows_by_lookup(lex, &cand);
                assert_eq!(lex.knows(&cand), want, "{cand}");
                tried += 1;
                known += usize::from(want);
            }
        }
        // Both answers occur often enough for the check to mean something.
        assert!(
            tried > 10_000 && known > tried / 4 && known < tried * 3 / 4,
            "{known}/{tried}"
        );
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
    fn letters_are_counted_as_one_by_one() {
        let long = format!("{}{}", "æøåÆØÅ".repeat(300), "Zz".repeat(300));
        let docs = crate::test_documents();
        for text in docs
            .iter()
            .map(String::as_str)
            .chain([long.as_str(), "", "A"])
        {
            let letters = text.chars().filter(|c| c.is_ascii_alphabetic()).count()
                + text.bytes().filter(|b| (0xC3..=0xC5).contains(b)).count();
            let danish = text.chars().filter(|c| "æøåÆØÅ".contains(*c)).count();
            assert_eq!(letter_counts(text), (letters, danish));
        }
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
