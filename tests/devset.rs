//! Layouts beyond the seeds: the unlabeled development set in
//! `../shared/devset/` (Greve Kommune portal text, Folketinget PDF text, OS2
//! Markdown). Checks the facts that can be read off each layout by eye.
//! Skipped, with a note, when the folder is not beside the checkout.

#![allow(clippy::print_stderr)]

use referat::record::{DocKind, Outcome, Record};
use std::path::Path;

fn devset(name: &str) -> Option<Record> {
    let path = Path::new("../shared/devset").join(name);
    let bytes = std::fs::read(&path).ok()?;
    Some(referat::extract(&path.to_string_lossy(), &bytes))
}

#[test]
fn greve_portal_minutes() {
    let Some(r) = devset("01_greve-plan-tryghed-2023-09-12.txt") else {
        eprintln!("../shared/devset not found: skipped");
        return;
    };
    assert_eq!(r.kind, DocKind::Minutes);
    assert_eq!(r.body.as_deref(), Some("Plan- og Tryghedsudvalget"));
    assert_eq!(
        r.meeting.as_ref().unwrap().date.as_deref(),
        Some("2023-09-12")
    );
    assert_eq!(r.items.len(), 9);
    assert!(r.items.iter().all(|i| i.case_number.is_some()));
    assert_eq!(r.items[0].case_number.as_deref(), Some("22-003654"));
    assert_eq!(
        r.items[1].title,
        "Mødekalender 2024 for Plan- og Tryghedsudvalget"
    );
    let r = devset("03_greve-byraad-2024-01-08.txt").unwrap();
    assert_eq!(r.body.as_deref(), Some("Byråd 2022-2025"));
    assert_eq!(r.items.len(), 3);
}

#[test]
fn parliament_records_with_announced_items() {
    let Some(r) = devset("07_folketinget-2023-06-02-m71-punkt1-5.txt") else {
        eprintln!("../shared/devset not found: skipped");
        return;
    };
    // The portion holds the agenda list (54 entries) and items 1-5 as
    // debated: the announced items are the items, the list is preamble.
    let numbers: Vec<&str> = r.items.iter().map(|i| i.number.as_str()).collect();
    assert_eq!(numbers, ["1", "2", "3", "4", "5"]);
    assert_eq!(r.items[4].title, "3. behandling af lovforslag nr. L 124");
    assert_eq!(
        r.meeting.as_ref().unwrap().date.as_deref(),
        Some("2023-06-02")
    );
    // Each item's vote (`Afstemning`) is its decision: the proposals and
    // the bill were adopted (`... er vedtaget`), so the record is minutes.
    assert_eq!(r.kind, DocKind::Minutes);
    for item in &r.items {
        let d = item.decision.as_ref().expect("a vote");
        assert_eq!(d.outcome, Outcome::Approved, "item {}", item.number);
    }
    // One item each, announced on a line of its own or glued to the
    // sentence before (`... valgt.Det eneste punkt på dagsordenen er:`).
    for (name, title) in [
        (
            "06_folketinget-2023-01-05-m11.txt",
            "Valg af stående udvalg m.v.",
        ),
        (
            "08_folketinget-2023-09-01-m72.txt",
            "Meddelelser fra formanden.",
        ),
    ] {
        let r = devset(name).unwrap();
        let titles: Vec<&str> = r.items.iter().map(|i| i.title.as_str()).collect();
        assert_eq!(titles, [title], "{name}");
    }
}

#[test]
fn os2_markdown_minutes_with_ad_items() {
    let Some(r) = devset("11_os2-aiheatcontrol-2026-04-21.txt") else {
        eprintln!("../shared/devset not found: skipped");
        return;
    };
    assert_eq!(r.kind, DocKind::Minutes);
    // The agenda list above the minutes is not items; the `AD N:` headings are.
    assert_eq!(r.items.len(), 6);
    assert_eq!(r.items[0].title, "Formalia");
    let m = r.meeting.as_ref().unwrap();
    assert_eq!(
        (
            m.date.as_deref(),
            m.start_time.as_deref(),
            m.end_time.as_deref()
        ),
        (Some("2026-04-21"), Some("09:00"), Some("12:00"))
    );
}

/// An agenda with its minutes below it (`## Dagsorden`, then `##
/// Mødereferat` with the items and their decisions in prose): minutes.
#[test]
fn os2_agenda_then_minutes_is_minutes() {
    let Some(r) = devset("13_os2borgerpc-styregruppe-2026-09-17.txt") else {
        eprintln!("../shared/devset not found: skipped");
        return;
    };
    assert_eq!(r.kind, DocKind::Minutes);
    assert_eq!(r.items.len(), 3);
    assert_eq!(r.items[1].title, "Temaer for dagens møde");
}

/// The participants table of seven, its name in its second column (one
/// with a title before it), and `-` for the two who sent apologies.
#[test]
fn os2_participants_table_read_by_its_header() {
    let Some(r) = devset("09_os2-aiheatcontrol-2026-01-20.txt") else {
        eprintln!("../shared/devset not found: skipped");
        return;
    };
    let names: Vec<(&str, bool)> = r
        .participants
        .iter()
        .map(|p| (p.name.as_str(), p.absent))
        .collect();
    assert_eq!(
        names,
        [
            ("Jesper Buchhardt", false),
            ("Mikkel Groot Andersen", false),
            ("Anders Aschlund Bach Burkarl", false),
            ("Jakob Hovgaard Kaiser", false),
            ("Martin Hansen", false),
            ("Rasmus Frey", true),
            ("Jakob Nørby", true),
        ]
    );
    assert_eq!(r.participants[0].title.as_deref(), Some("Projektleder"));
    assert_eq!(r.participants[6].organisation.as_deref(), Some("4BC"));
}

#[test]
fn no_document_fails() {
    let Ok(dir) = std::fs::read_dir("../shared/devset") else {
        eprintln!("../shared/devset not found: skipped");
        return;
    };
    let mut n = 0;
    for entry in dir {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let r = referat::extract(&path.to_string_lossy(), &bytes);
        assert!(r.error.is_none(), "{}", path.display());
        for item in &r.items {
            assert!(item.span.start < item.span.end && item.span.end <= bytes.len());
        }
        n += 1;
    }
    assert!(n >= 16);
}
