//! Compiles the OCR lexicon (`data/`) into an `fst` map at build time, so
//! referat loads it with no work at run time and the corrector can walk it
//! as a trie.
//!
//! Keys: every word of the hunspell-da dictionary and of wordfreq's Danish
//! list, lower-cased. Values: `zipf × 100 << 1 | stem`, where `stem` marks a
//! word of the dictionary (which takes regular endings) and `zipf` is the
//! word's Zipf frequency (0 when the frequency list lacks it).

use std::collections::BTreeMap;
use std::path::PathBuf;

fn main() {
    let dic = "data/hunspell/da_DK.dic";
    let freq = "data/wordfreq_da.tsv";
    println!("cargo::rerun-if-changed={dic}");
    println!("cargo::rerun-if-changed={freq}");
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
    let mut map = fst::MapBuilder::memory();
    for (w, (zipf, stem)) in &words {
        map.insert(w, zipf << 1 | u64::from(*stem))
            .expect("sorted keys");
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR")).join("lexicon.fst");
    std::fs::write(out, map.into_inner().expect("fst")).expect("write lexicon.fst");
}
