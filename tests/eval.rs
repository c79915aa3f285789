//! `referat eval` on the seeds against their hand-made gold files in
//! `fixtures/gold/` (JSON, built from the hand-checked TSVs there and the
//! hand-read items of `tests/fixtures.rs`).

#![allow(clippy::print_stdout)]

use referat::eval::{Gold, Scores, score};

#[test]
fn library_scores_of_the_seeds() {
    let mut total = Scores::default();
    for entry in std::fs::read_dir("fixtures").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let gold: Gold = serde_json::from_str(
            &std::fs::read_to_string(format!("fixtures/gold/{stem}.json")).unwrap(),
        )
        .unwrap();
        let record = referat::extract(&path.to_string_lossy(), &std::fs::read(&path).unwrap());
        total.add(&score(&record, &gold));
    }
    println!("{}", referat::eval::report(&total));
    assert_eq!(total.items.tp, 27);
    assert!(total.items.f1() >= 0.99);
    assert!(total.amounts.precision() >= 0.99 && total.amounts.recall() >= 0.99);
    assert!(total.dates.precision() >= 0.95 && total.dates.recall() >= 0.90);
    assert!(total.participants.f1() >= 0.99);
    assert_eq!(total.doc_kind.right, 5);
}

#[test]
fn the_command_prints_the_table() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_referat"))
        .args(["eval", "--gold", "fixtures/gold", "-v", "fixtures"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("== all: 5 files scored, 0 without gold"),
        "{text}"
    );
    let items = text.lines().rev().find(|l| l.starts_with("items")).unwrap();
    assert!(items.contains("(27/0/0)"), "{items}");
    // With no gold folder that fits, the command fails plainly.
    let none = std::process::Command::new(env!("CARGO_BIN_EXE_referat"))
        .args(["eval", "--gold", "src", "fixtures"])
        .output()
        .unwrap();
    assert_eq!(none.status.code(), Some(2));
}
