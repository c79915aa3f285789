// What `build.rs`, which compiles the lexicon, and the corrector
// (`src/ocr.rs`) must agree on: both `include!` this file. The layout of a
// word's value in the trie, and the real-word step's rules (`build.rs`
// marks the words the step may change, so the mark and the step cannot
// disagree).

/// A word's value in the lexicon: `zipf × 100 << ZIPF_SHIFT | REAL_WORD_FLAG
/// | STEM_FLAG`.
const ZIPF_SHIFT: u32 = 2;
/// The word is in the dictionary, which takes regular endings.
const STEM_FLAG: u64 = 1;
/// A word of at most [`REAL_WORD_MAX`] bytes with a reading by
/// [`REAL_WORD_RULES`] at least [`REAL_WORD_MARGIN`] more frequent.
const REAL_WORD_FLAG: u64 = 2;
/// The value of a trie node that ends no word.
const NOT_FINAL: u16 = u16::MAX;

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

/// A word's Zipf frequency from its lexicon value.
fn value_zipf(v: u64) -> f32 {
    (v >> ZIPF_SHIFT) as f32 / 100.0
}
