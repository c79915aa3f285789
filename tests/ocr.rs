//! OCR correction measured on seed 000 (every damaged word annotated in
//! `fixtures/ocr/`), on the clean seeds (no change allowed), and on clean
//! seeds damaged by a seeded noise channel of the same kind.

// The figures are the point of these tests: they are printed.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod common;

use referat::ocr::{OcrMode, correct};
use std::collections::HashMap;

const SEED_000: &str = "fixtures/000_7d8caf8445a2727d.txt";

fn normalized(path: &str) -> String {
    let bytes = std::fs::read(path).unwrap();
    let decoded = referat::decode::decode(&bytes).unwrap();
    referat::normalize::normalize(&decoded.text)
        .text
        .into_owned()
}

#[test]
fn seed_000_is_corrected_with_high_precision_and_recall() {
    let rows = common::tsv_rows("fixtures/ocr/seed000-errors-annotated.tsv");
    let mut gold: HashMap<String, String> = HashMap::new();
    let mut occurrences = 0usize;
    for r in &rows {
        if r[0] == "damaged" {
            continue;
        }
        gold.insert(r[0].clone(), r[1].clone());
        occurrences += r[2].parse::<usize>().unwrap();
    }
    assert_eq!(occurrences, 214);
    let text = normalized(SEED_000);
    let c = correct(&text, OcrMode::Auto);
    assert!(c.scanned, "the gate takes seed 000 for a scan");
    let mut right = 0usize;
    let mut wrong = Vec::new();
    for k in &c.corrections {
        // Gold forms may hold a word's neighbours (`tif.`, `2-arigt`).
        let fits =
            |(d, c): (&String, &String)| d.contains(k.from) && d.replacen(k.from, &k.to, 1) == *c;
        if gold.get(k.from).map(String::as_str) == Some(&*k.to) || gold.iter().any(fits) {
            right += 1;
        } else {
            wrong.push(format!("{} → {}", k.from, k.to));
        }
    }
    let precision = right as f64 / c.corrections.len() as f64;
    let recall = right as f64 / occurrences as f64;
    println!(
        "seed 000: {} changes, {right} right; precision {precision:.3}, recall {recall:.3} of {occurrences}",
        c.corrections.len()
    );
    println!("wrong: {wrong:?}");
    let fixed: std::collections::HashSet<&str> = c.corrections.iter().map(|k| k.from).collect();
    let missed: Vec<&String> = gold
        .keys()
        .filter(|d| !fixed.iter().any(|f| d.contains(f)))
        .collect();
    println!("missed forms: {missed:?}");
    assert!(precision >= 0.99, "precision {precision:.3}: {wrong:?}");
    assert!(recall >= 0.95, "recall {recall:.3}: missed {missed:?}");
}

const CLEAN: &[&str] = &[
    "fixtures/001_f2f7b4d944a37d36.txt",
    "fixtures/002_7f83bb290909fca2.txt",
    "fixtures/003_248f04cbab3a95c2.txt",
    "fixtures/004_3f5498eb8e985933.txt",
];

#[test]
fn clean_seeds_are_not_touched() {
    for path in CLEAN {
        let text = normalized(path);
        let c = correct(&text, OcrMode::Auto);
        assert!(!c.scanned, "{path}: taken for a scan");
        assert!(c.corrections.is_empty(), "{path}");
        assert_eq!(c.text, text);
        assert!(
            c.danish_letter_share > 0.015,
            "{path}: {}",
            c.danish_letter_share
        );
    }
}

/// A small deterministic generator (SplitMix64), so the noise is the same
/// on every machine.
struct Noise(u64);

impl Noise {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn pick<'a>(&mut self, options: &[&'a str]) -> &'a str {
        options[(self.next() % options.len() as u64) as usize]
    }

    /// The scanner's damage to one letter, as seen in seed 000.
    fn damage(&mut self, ch: char) -> String {
        let s = match ch {
            'æ' => self.pick(&["ae", "ae", "ae", "ee", "z", "ze"]),
            'ø' => self.pick(&["g", "g", "g", "o", "@", "q"]),
            'å' => self.pick(&["a", "a", "a", "a", "d", "3"]),
            'Æ' => self.pick(&["AE", "A"]),
            'Ø' => self.pick(&["O", "Q", "@"]),
            'Å' => self.pick(&["A", "A"]),
            _ => return ch.to_string(),
        };
        s.to_string()
    }
}

#[test]
fn synthetic_damage_of_clean_seeds_is_undone() {
    let mut noise = Noise(2026);
    let (mut damaged_words, mut changes, mut right) = (0usize, 0, 0);
    for path in CLEAN {
        let clean = normalized(path);
        // Damage every word with æ/ø/å; remember where each ended up.
        let mut text = String::new();
        let mut truth: HashMap<usize, String> = HashMap::new();
        let mut word = String::new();
        let flush = |word: &mut String,
                     text: &mut String,
                     truth: &mut HashMap<usize, String>,
                     noise: &mut Noise| {
            if word.chars().any(|c| "æøåÆØÅ".contains(c)) {
                truth.insert(text.len(), word.clone());
                let bad: String = word.chars().map(|c| noise.damage(c)).collect();
                text.push_str(&bad);
            } else {
                text.push_str(word);
            }
            word.clear();
        };
        for ch in clean.chars() {
            if ch.is_alphanumeric() {
                word.push(ch);
            } else {
                flush(&mut word, &mut text, &mut truth, &mut noise);
                text.push(ch);
            }
        }
        flush(&mut word, &mut text, &mut truth, &mut noise);
        damaged_words += truth.len();
        let c = correct(&text, OcrMode::On);
        for k in &c.corrections {
            changes += 1;
            if truth.get(&k.range.start).map(String::as_str) == Some(&*k.to) {
                right += 1;
            }
        }
    }
    let precision = right as f64 / changes as f64;
    let recall = right as f64 / damaged_words as f64;
    println!(
        "synthetic: {damaged_words} damaged words, {changes} changes, precision {precision:.3}, recall {recall:.3}"
    );
    assert!(precision >= 0.98, "precision {precision:.3}");
    assert!(recall >= 0.90, "recall {recall:.3}");
}

#[test]
fn spans_of_a_corrected_scan_point_into_the_source() {
    let bytes = std::fs::read(SEED_000).unwrap();
    let source = std::str::from_utf8(&bytes).unwrap();
    let record = referat::extract(SEED_000, &bytes);
    assert!(record.normalization.ocr);
    assert!(!record.amounts.is_empty());
    for a in &record.amounts {
        // Amounts hold no damaged letters: the source says what they say.
        assert_eq!(&source[a.span.start..a.span.end], a.raw, "{a:?}");
    }
    for d in &record.dates {
        // A date whose words were corrected differs from the source by them.
        let raw = &source[d.span.start..d.span.end];
        assert!(
            raw == d.raw || d.raw.contains(['æ', 'ø', 'å']),
            "{raw} vs {}",
            d.raw
        );
    }
}
