//! Compiles the OCR lexicon (`data/`) into a flat trie at build time, so
//! referat loads it with no work at run time and the corrector can walk it
//! a byte at a time (see `src/ocr/trie.rs` for the layout).
//!
//! Keys: every word of the hunspell-da dictionary and of wordfreq's Danish
//! list, lower-cased. Values: the word's Zipf frequency (0 when the
//! frequency list lacks it) and two flags, a word of the dictionary (which
//! takes regular endings) and a word the real-word step may change (a
//! reading far more frequent than it), laid out as
//! `src/ocr/shared_with_build.rs` says.

use std::collections::BTreeMap;
use std::path::PathBuf;

include!("src/ocr/shared_with_build.rs");

fn main() {
    let dic = "data/hunspell/da_DK.dic";
    let freq = "data/wordfreq_da.tsv";
    println!("cargo::rerun-if-changed={dic}");
    println!("cargo::rerun-if-changed={freq}");
    println!("cargo::rerun-if-changed=src/ocr/shared_with_build.rs");
    let mut words: BTreeMap<String, (u64, bool)> = BTreeMap::new();
    let text = std::fs::read_to_string(freq).expect("data/wordfreq_da.tsv");
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let Some((w, z)) = line.split_once('\t') else {
            continue;
        };
        let Ok(zipf) = z.trim().parse::<f64>() else {
            continue;
        };
        words.entry(w.to_string()).or_default().0 = (zipf * 100.0).round() as u64;
    }
    let text = std::fs::read_to_string(dic).expect("data/hunspell/da_DK.dic");
    for line in text.lines().skip(1) {
        let w = line.split(['/', '\t', ' ']).next().unwrap_or("");
        if !w.is_empty() {
            words.entry(w.to_lowercase()).or_default().1 = true;
        }
    }
    let zipf_of = |w: &str| {
        words
            .get(w)
            .map_or(0.0, |&(z, _)| value_zipf(z << ZIPF_SHIFT))
    };
    let keys: Vec<(&[u8], u16)> = words
        .iter()
        .map(|(w, (zipf, stem))| {
            // The real-word step's precondition, as `real_word` in
            // `src/ocr.rs` tests it.
            let own = value_zipf(zipf << ZIPF_SHIFT);
            let mut real_word = false;
            if w.len() <= REAL_WORD_MAX {
                real_word_variants(w, |v, _| real_word |= zipf_of(v) >= own + REAL_WORD_MARGIN);
            }
            let value = zipf << ZIPF_SHIFT
                | if real_word { REAL_WORD_FLAG } else { 0 }
                | if *stem { STEM_FLAG } else { 0 };
            let value = u16::try_from(value).expect("zipf < 163");
            assert_ne!(value, NOT_FINAL);
            (w.as_bytes(), value)
        })
        .collect();
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    std::fs::write(out.join("trie.bin"), trie(&keys)).expect("write trie.bin");
}

/// Lays out the trie of the sorted `keys` depth first, each node as one
/// record: its number of children `n` (a byte), its value (`u16`, or
/// `NOT_FINAL`), the children's `n` bytes in order, and their `n` offsets
/// (`u32`), all little-endian. The root is at offset 0; a node's first
/// child follows it, so a walk down a word mostly reads nearby bytes.
fn trie(keys: &[(&[u8], u16)]) -> Vec<u8> {
    let mut out = Vec::new();
    emit(keys, 0, &mut out);
    out
}

/// Writes the node of the keys `keys` (all sharing their first `depth`
/// bytes) and its subtree; returns its offset.
fn emit(keys: &[(&[u8], u16)], depth: usize, out: &mut Vec<u8>) -> u32 {
    let at = out.len();
    // Sorted keys: the one that is the prefix itself comes first.
    let (value, rest) = match keys.first() {
        Some((k, v)) if k.len() == depth => (*v, &keys[1..]),
        _ => (NOT_FINAL, keys),
    };
    let mut groups = Vec::new();
    let mut lo = 0;
    while lo < rest.len() {
        let byte = rest[lo].0[depth];
        let hi = lo + rest[lo..].partition_point(|(k, _)| k[depth] == byte);
        groups.push((byte, &rest[lo..hi]));
        lo = hi;
    }
    let n = u8::try_from(groups.len()).expect("at most 255 children");
    out.push(n);
    out.extend_from_slice(&value.to_le_bytes());
    out.extend(groups.iter().map(|(b, _)| *b));
    let offsets = out.len();
    out.resize(offsets + 4 * groups.len(), 0);
    for (k, (_, group)) in groups.iter().enumerate() {
        let child = emit(group, depth + 1, out);
        out[offsets + 4 * k..offsets + 4 * k + 4].copy_from_slice(&child.to_le_bytes());
    }
    u32::try_from(at).expect("a trie under 4 GB")
}
