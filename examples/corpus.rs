//! Builds a deterministic benchmark corpus from the fixture documents.
//!
//! `cargo run --release --example corpus -- OUT_DIR MEGABYTES [SEED]`
//!
//! Each generated document starts from one of the seeds; minutes get their
//! agenda items recombined with items of other minutes of the same layout
//! (portal items cut at `Tilbage til toppen`, Markdown items at `Punkt N:`
//! headings, renumbered), then numbers, years and first names are varied.
//! About one document in ten is damaged the way scanners damage Danish
//! (`æ` → `ae`, `ø` → `g`, `å` → `a`). A few pathological files are added:
//! empty, binary, Windows-1252, CRLF, a 5 MB document, a document of
//! 10,000 items, and a 1 MB line without a newline. The same seed gives
//! the same bytes on every machine.

// A command-line tool: printing is its output.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::fs;
use std::path::Path;

/// SplitMix64: small, fast, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const FIRST_NAMES: &[&str] = &[
    "Anne", "Hanne", "Thomas", "Maria", "Søren", "Mette", "Lars", "Jens", "Kirsten", "Peter",
    "Camilla", "Morten", "Louise", "Rasmus", "Bente", "Ole",
];

/// Agenda items of a portal document (cut before each `Sagnr.:` line) or a
/// Markdown document (cut before each `Punkt N:` heading): (head, items).
fn split_items(text: &str) -> (String, Vec<String>) {
    let marker = |l: &str| {
        let t = l.trim_start_matches(['#', ' ', '*']);
        l.starts_with("Sagnr.:") || t.starts_with("Punkt ")
    };
    let mut head = String::new();
    let mut items: Vec<String> = Vec::new();
    for line in text.split_inclusive('\n') {
        if marker(line) && !line.contains("....") {
            items.push(String::new());
        }
        match items.last_mut() {
            Some(item) => item.push_str(line),
            None => head.push_str(line),
        }
    }
    (head, items)
}

/// Varies digits (keeping their count, so formats stay valid), four-digit
/// years by a few years, and first names.
fn vary(text: &str, rng: &mut Rng) -> String {
    let shift = rng.below(7) as i64 - 3;
    let mut out = String::with_capacity(text.len());
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String, rng: &mut Rng| {
        if digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20")) {
            let y: i64 = digits.parse().unwrap_or(2024);
            out.push_str(&(y + shift).to_string());
        } else if digits.len() >= 3 {
            // Amounts and counts: new digits, same length, no leading zero.
            for (i, _) in digits.chars().enumerate() {
                let d = if i == 0 {
                    1 + rng.below(9)
                } else {
                    rng.below(10)
                };
                out.push(char::from(b'0' + d as u8));
            }
        } else {
            out.push_str(digits);
        }
        digits.clear();
    };
    for ch in text.chars() {
        if ch.is_ascii_digit() {
            digits.push(ch);
        } else {
            flush(&mut digits, &mut out, rng);
            out.push(ch);
        }
    }
    flush(&mut digits, &mut out, rng);
    let from = FIRST_NAMES[rng.below(FIRST_NAMES.len())];
    let to = FIRST_NAMES[rng.below(FIRST_NAMES.len())];
    out.replace(&format!("{from} "), &format!("{to} "))
}

/// The scanner's damage to Danish letters.
fn damage(text: &str, rng: &mut Rng) -> String {
    text.chars()
        .map(|c| {
            let options: &[&str] = match c {
                'æ' => &["ae", "ee", "z"],
                'ø' => &["g", "o", "@"],
                'å' => &["a", "a", "d"],
                'Æ' => &["AE"],
                'Ø' => &["O", "Q"],
                'Å' => &["A"],
                _ => return c.to_string(),
            };
            options[rng.below(options.len())].to_string()
        })
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: corpus OUT_DIR MEGABYTES [SEED]");
        std::process::exit(2);
    }
    let out = Path::new(&args[1]);
    let megabytes: f64 = args[2].parse().expect("MEGABYTES is a number");
    let seed: u64 = args
        .get(3)
        .map_or(2026, |s| s.parse().expect("SEED is a number"));
    let here = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut seeds: Vec<(String, String)> = fs::read_dir(&here)
        .expect("fixtures/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, fs::read_to_string(&p).expect("seed is UTF-8"))
        })
        .collect();
    seeds.sort();
    let split: Vec<(String, Vec<String>)> = seeds.iter().map(|(_, t)| split_items(t)).collect();
    fs::create_dir_all(out).expect("create OUT_DIR");
    let mut rng = Rng(seed);
    let target = (megabytes * 1e6) as usize;
    let mut written = 0usize;
    let mut n = 0usize;
    while written < target {
        let s = rng.below(seeds.len());
        let (head, items) = &split[s];
        let mut doc = head.clone();
        if items.len() >= 2 {
            // Recombine: items of this document and of others of its layout.
            let count = 2 + rng.below(items.len() * 2);
            for _ in 0..count {
                let donor = &split[rng.below(split.len())].1;
                let portal = |v: &[String]| v[0].starts_with("Sagnr.:");
                let pool = if donor.len() >= 2 && portal(donor) == portal(items) {
                    donor
                } else {
                    items
                };
                doc.push_str(&pool[rng.below(pool.len())]);
            }
        } else {
            doc = seeds[s].1.clone();
        }
        let mut doc = vary(&doc, &mut rng);
        if rng.below(10) == 0 {
            doc = damage(&doc, &mut rng);
        }
        let path = out.join(format!("doc{n:06}.txt"));
        fs::write(&path, doc.as_bytes()).expect("write");
        written += doc.len();
        n += 1;
    }
    // Pathological files.
    let odd = out.join("odd");
    fs::create_dir_all(&odd).expect("create odd/");
    fs::write(odd.join("empty.txt"), b"").unwrap();
    fs::write(
        odd.join("binary.txt"),
        b"%PDF-1.7\x00\x01\x02\xff\xfe binary",
    )
    .unwrap();
    let latin1: Vec<u8> = "Mødet i Århus: beløb 1.500 kr. Godkendt.\n"
        .chars()
        .map(|c| c as u32 as u8)
        .collect();
    fs::write(odd.join("windows-1252.txt"), latin1).unwrap();
    fs::write(odd.join("crlf.txt"), seeds[2].1.replace('\n', "\r\n")).unwrap();
    let mut big = String::new();
    while big.len() < 5_000_000 {
        big.push_str(&seeds[rng.below(seeds.len())].1);
    }
    fs::write(odd.join("five-mb.txt"), big).unwrap();
    let many: String = (1..=10_000)
        .map(|i| format!("Punkt {i}: Sag nummer {i}\n\nBeslutning\n\nGodkendt med 1.000 kr.\n\n"))
        .collect();
    fs::write(odd.join("ten-thousand-items.txt"), many).unwrap();
    let line = "Beløbet er 1.234,50 kr. den 1. marts 2024; ".repeat(1_000_000 / 45);
    fs::write(odd.join("one-mb-line.txt"), line).unwrap();
    println!(
        "{n} documents, {:.1} MB, and 7 pathological files in {}",
        written as f64 / 1e6,
        out.display()
    );
}
