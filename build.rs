//! Compiles the OCR lexicon (`data/`) into a flat trie at build time, so
//! referat loads it with no work at run time and the corrector can walk it
//! a byte at a time (see `src/ocr/trie.rs` for the layout).
//!
//! Keys: every word of the hunspell-da dictionary and of wordfreq's Danish
//! list, lower-cased. Values: `zipf × 100 << 2 | real_word << 1 | stem`,
//! where `stem` marks a word of the dictionary (which takes regular
//! endings), `real_word` a word the real-word step may change (a reading
//! far more frequent than it, see `src/ocr/real_word_rules.rs`), and `zipf`
//! is the word's Zipf frequency (0 when the frequency list lacks it).

use std::collections::BTreeMap;
use std::path::PathBuf;

include!("src/ocr/real_word_rules.rs");

fn main() {
    let dic = "data/hunspell/da_DK.dic";
    let freq = "data/wordfreq_da.tsv";
    println!("cargo::rerun-if-changed={dic}");
    println!("cargo::rerun-if-changed={freq}");
    println!("cargo::rerun-if-changed=src/ocr/real_word_rules.rs");
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
    let zipf_of = |w: &str| words.get(w).map_or(0.0, |&(z, _)| value_zipf(z << 2));
    let keys: Vec<(&[u8], u16)> = words
        .iter()
        .map(|(w, (zipf, stem))| {
            // The real-word step's precondition, as `real_word` in
            // `src/ocr.rs` tests it.
            let own = value_zipf(zipf << 2);
            let mut real_word = false;
            if w.len() <= REAL_WORD_MAX {
                real_word_variants(w, |v, _| real_word |= zipf_of(v) >= own + REAL_WORD_MARGIN);
            }
            let value = zipf << 2 | u64::from(real_word) << 1 | u64::from(*stem);
            let value = u16::try_from(value).expect("zipf < 163");
            assert_ne!(value, NOT_FINAL);
            (w.as_bytes(), value)
        })
        .collect();
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    let (first, labels, values) = trie(&keys);
    std::fs::write(out.join("trie_first.bin"), first).expect("write trie_first.bin");
    std::fs::write(out.join("trie_labels.bin"), labels).expect("write trie_labels.bin");
    std::fs::write(out.join("trie_values.bin"), values).expect("write trie_values.bin");
}

/// The value of a node that ends no word (see `src/ocr/trie.rs`).
const NOT_FINAL: u16 = u16::MAX;

/// Lays out the trie of the sorted `keys` breadth first: node 0 is the
/// root, the children of node `i` are the nodes `first[i]..first[i + 1]`
/// in byte order, `labels[j]` is the byte that leads to node `j`, and
/// `values[j]` the value of the word ending there (or `NOT_FINAL`). Returns
/// the three arrays as little-endian bytes.
fn trie(keys: &[(&[u8], u16)]) -> (Vec<u8>, Vec<u8>, Vec<u8>) {
    // Each node as the range of keys that start with its prefix, and its depth.
    let mut queue = std::collections::VecDeque::from([(0..keys.len(), 0usize)]);
    let (mut first, mut labels, mut values) = (Vec::new(), vec![0u8], Vec::new());
    let mut next_id: u32 = 1;
    while let Some((range, depth)) = queue.pop_front() {
        let mut lo = range.start;
        // Sorted keys: the one that is the prefix itself comes first.
        let value = match keys.get(lo) {
            Some((k, v)) if lo < range.end && k.len() == depth => {
                lo += 1;
                *v
            }
            _ => NOT_FINAL,
        };
        values.extend_from_slice(&value.to_le_bytes());
        first.extend_from_slice(&next_id.to_le_bytes());
        while lo < range.end {
            let byte = keys[lo].0[depth];
            let hi = lo + keys[lo..range.end].partition_point(|(k, _)| k[depth] == byte);
            labels.push(byte);
            queue.push_back((lo..hi, depth + 1));
            next_id += 1;
            lo = hi;
        }
    }
    first.extend_from_slice(&next_id.to_le_bytes());
    (first, labels, values)
}
