//! Amounts and dates: the table-driven corpus in `fixtures/cases/` and the
//! hand-checked gold of every seed in `fixtures/gold/`, whose precision and
//! recall this test prints and holds to a floor.

#![allow(clippy::print_stdout)]

use referat::{ExtractOptions, extract_with};

mod common;
use common::tsv_rows as rows;

fn ymd(s: &str) -> Option<(i32, u32, u32)> {
    (s.len() == 10).then(|| {
        (
            s[..4].parse().unwrap(),
            s[5..7].parse().unwrap(),
            s[8..].parse().unwrap(),
        )
    })
}

fn run(text: &str, anchor: Option<(i32, u32, u32)>) -> referat::record::Record {
    extract_with(
        "case.txt",
        text.as_bytes(),
        &ExtractOptions {
            reference_date: anchor,
            ..Default::default()
        },
    )
}

#[test]
fn amount_cases() {
    let cases = rows("fixtures/cases/amounts.tsv");
    let mut failures = Vec::new();
    for c in &cases {
        let r = run(&c[0].replace("\\t", "\t"), None);
        let got: Vec<_> = r.amounts.iter().collect();
        let ok = got.len() == 1 && {
            let a = got[0];
            let value_ok = (a.value - c[1].parse::<f64>().unwrap()).abs() < 1e-6;
            let approx_ok = c[2].is_empty() || a.approximate == (c[2] == "true");
            let per_ok = c[3].is_empty() || a.per.as_deref() == Some(c[3].as_str());
            let range_ok = c[4].is_empty()
                || a.range.as_ref().is_some_and(|rg| {
                    rg.low == c[4].parse::<f64>().unwrap()
                        && rg.high == c[5].parse::<f64>().unwrap()
                });
            value_ok && approx_ok && per_ok && range_ok
        };
        if !ok {
            failures.push(format!(
                "{:?} ({}): got {:?}",
                c[0],
                c[6],
                got.iter()
                    .map(|a| (a.value, a.approximate, a.per.clone()))
                    .collect::<Vec<_>>()
            ));
        }
    }
    println!(
        "amount cases: {} of {} pass",
        cases.len() - failures.len(),
        cases.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn date_cases() {
    let cases = rows("fixtures/cases/dates.tsv");
    let mut failures = Vec::new();
    for c in &cases {
        let r = run(&c[0], ymd(&c[4]));
        let ok = r.dates.len() == 1 && {
            let d = &r.dates[0];
            d.start.as_deref() == Some(c[1].as_str())
                && d.end.as_deref() == Some(c[2].as_str())
                && d.precision == c[3]
        };
        if !ok {
            failures.push(format!(
                "{:?} ({}): got {:?}",
                c[0],
                c[5],
                r.dates
                    .iter()
                    .map(|d| (&d.raw, &d.start, &d.end, &d.precision))
                    .collect::<Vec<_>>()
            ));
        }
    }
    println!(
        "date cases: {} of {} pass",
        cases.len() - failures.len(),
        cases.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn near_misses_are_neither_money_nor_dates() {
    let cases = rows("fixtures/cases/not_values.tsv");
    assert!(cases.len() >= 60);
    let mut failures = Vec::new();
    for c in &cases {
        let r = run(&c[0], Some((2024, 3, 1)));
        if !r.amounts.is_empty() || !r.dates.is_empty() {
            failures.push(format!(
                "{:?} ({}): amounts {:?} dates {:?}",
                c[0],
                c[1],
                r.amounts.iter().map(|a| &a.raw).collect::<Vec<_>>(),
                r.dates.iter().map(|d| &d.raw).collect::<Vec<_>>()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn corpus_is_large_enough() {
    let n = rows("fixtures/cases/amounts.tsv").len() + rows("fixtures/cases/dates.tsv").len();
    assert!(n >= 300, "{n} expressions");
}

/// Precision and recall of amounts and dates on the five seeds against
/// their hand-checked gold. A found value counts as correct when the gold
/// has the same kind, line and raw text with the same value (amounts) or
/// the same start, end and precision (dates).
#[test]
fn seed_precision_and_recall() {
    let mut totals = [(0usize, 0usize, 0usize); 2]; // (correct, found, gold) for amounts, dates
    for entry in std::fs::read_dir("fixtures/gold").unwrap() {
        let gold_path = entry.unwrap().path();
        if gold_path.extension().is_none_or(|e| e != "tsv") {
            continue; // the `referat eval` JSON files and notes
        }
        let stem = gold_path
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let doc = format!("fixtures/{stem}.txt");
        if !std::path::Path::new(&doc).exists() {
            continue; // participants.tsv: checked by tests/people.rs
        }
        let r = referat::extract(&doc, &std::fs::read(&doc).unwrap());
        let gold: Vec<Vec<String>> = std::fs::read_to_string(&gold_path)
            .unwrap()
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .map(|l| l.split('\t').map(|c| c.replace("\\t", "\t")).collect())
            .collect();
        let mut unmatched: Vec<&Vec<String>> = gold.iter().collect();
        let mut take = |key: Vec<String>| -> bool {
            match unmatched.iter().position(|g| **g == key) {
                Some(i) => {
                    unmatched.remove(i);
                    true
                }
                None => false,
            }
        };
        for a in &r.amounts {
            let v = a.value;
            let value = if v.fract() == 0.0 {
                format!("{}", v as i64)
            } else {
                format!("{v}")
            };
            let ok = take(vec![
                "amount".into(),
                a.span.line.to_string(),
                a.raw.clone(),
                value,
            ]);
            totals[0].0 += usize::from(ok);
            totals[0].1 += 1;
        }
        for d in &r.dates {
            let key = vec![
                "date".into(),
                d.span.line.to_string(),
                d.raw.clone(),
                d.start.as_deref().unwrap_or_default().to_string(),
                d.end.as_deref().unwrap_or_default().to_string(),
                d.precision.to_string(),
            ];
            let ok = take(key);
            totals[1].0 += usize::from(ok);
            totals[1].1 += 1;
        }
        totals[0].2 += gold.iter().filter(|g| g[0] == "amount").count();
        totals[1].2 += gold.iter().filter(|g| g[0] == "date").count();
    }
    for (name, (correct, found, gold)) in ["amounts", "dates"].iter().zip(totals) {
        let p = correct as f64 / found.max(1) as f64;
        let r = correct as f64 / gold.max(1) as f64;
        println!(
            "seeds {name}: precision {p:.3} ({correct}/{found}), recall {r:.3} ({correct}/{gold})"
        );
        assert!(p >= 0.97, "{name} precision {p}");
        assert!(r >= 0.90, "{name} recall {r}");
    }
}
