//! Layouts beyond the seeds: the unlabeled development set in
//! `../shared/devset/` (Greve Kommune portal text, Folketinget PDF text, OS2
//! Markdown). Checks the facts that can be read off each layout by eye.
//! Skipped, with a note, when the folder is not beside the checkout.

#![allow(clippy::print_stderr)]

use referat::record::{DocKind, Record};
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
