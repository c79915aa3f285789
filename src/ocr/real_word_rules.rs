// The real-word step's rules, shared by the corrector (`src/ocr.rs`) and
// `build.rs`, which marks the lexicon's words that the step may change:
// both `include!` this file, so the mark and the step cannot disagree.

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

/// The longest word (in bytes) the real-word step looks at.
const REAL_WORD_MAX: usize = 8;

/// Calls `each(variant, cost)` for every reading of the lower-case `word`
/// with one real-word substitution, rule by rule, each rule's matches left
/// to right and not overlapping.
fn real_word_variants(word: &str, mut each: impl FnMut(&str, f32)) {
    let mut variant = String::with_capacity(word.len() + 2);
    for &(damaged, correct, cost) in REAL_WORD_RULES {
        let mut after = 0;
        for (i, w) in word.as_bytes().windows(damaged.len()).enumerate() {
            if i < after || w != damaged.as_bytes() {
                continue;
            }
            after = i + damaged.len();
            variant.clear();
            variant.push_str(&word[..i]);
            variant.push_str(correct);
            variant.push_str(&word[after..]);
            each(&variant, cost);
        }
    }
}

/// A word's Zipf frequency from its lexicon value (`zipf × 100` in the
/// bits above the two flags).
fn value_zipf(v: u64) -> f32 {
    (v >> 2) as f32 / 100.0
}
