//! The seed documents' expected records.
//!
//! Two layers: hand-checked assertions of what the issue requires for each
//! seed (item counts, titles, kinds, times, outcomes, meeting facts), and a
//! full snapshot of every record (`tests/snapshots/`, reviewed when it changes).

use referat::record::{DocKind, ItemKind, Outcome, Record, SectionName};

fn record(name: &str) -> Record {
    let path = format!("fixtures/{name}");
    let bytes = std::fs::read(&path).unwrap();
    referat::extract(&path, &bytes)
}

fn outcome(r: &Record, number: &str) -> Option<Outcome> {
    let item = r.items.iter().find(|i| i.number == number).unwrap();
    item.decision.as_ref().map(|d| d.outcome)
}

#[test]
fn seed_002_markdown_minutes() {
    let r = record("002_7f83bb290909fca2.txt");
    assert_eq!(r.kind, DocKind::Minutes);
    assert_eq!(r.source.format.as_deref(), Some("markdown"));
    assert_eq!(
        r.title.as_deref(),
        Some("REFERAT Sundhedsklynge Lillebælt - Fagligt strategisk niveau d. 01-03-2024")
    );
    assert_eq!(
        r.body.as_deref(),
        Some("Sundhedsklynge Lillebælt - Fagligt strategisk niveau")
    );
    let m = r.meeting.as_ref().unwrap();
    assert_eq!(m.date.as_deref(), Some("2024-03-01"));
    assert_eq!(m.start_time.as_deref(), Some("13:30"));
    assert_eq!(
        m.location.as_deref(),
        Some("Byrådssalen, Middelfart Rådhus - Nytorv 9, 5500 Middelfart")
    );

    // 15 items numbered 1–15; the table of contents is not items.
    let numbers: Vec<&str> = r.items.iter().map(|i| i.number.as_str()).collect();
    let want: Vec<String> = (1..=15).map(|n| n.to_string()).collect();
    assert_eq!(numbers, want);

    let i2 = &r.items[1];
    assert_eq!(
        i2.title,
        "Behandlingstilbud i kommunerne til børn og unge i psykisk mistrivsel"
    );
    assert_eq!(i2.kind, Some(ItemKind::Droeftelsessag));
    let t = i2.time.as_ref().unwrap();
    assert_eq!(
        (t.start.as_str(), t.end.as_deref()),
        ("13:35", Some("14:15"))
    );
    let names: Vec<SectionName> = i2.sections.iter().map(|s| s.name).collect();
    use SectionName::*;
    assert_eq!(
        names,
        [
            Resume,
            Sagsfremstilling,
            Indstilling,
            Bilag,
            Beslutning,
            Konklusion,
            Bilag
        ]
    );
    assert_eq!(
        i2.recommendations,
        ["Tager orienteringer og drøftelse til efterretning"]
    );
    assert_eq!(
        i2.attachments,
        ["Faktaark børn og unge psykisk mistrivsel.pdf"]
    );

    // Kinds from prefixes, including the split "Beslutnings sag" and "Beslutningsag".
    let kinds: Vec<Option<ItemKind>> = r.items.iter().map(|i| i.kind).collect();
    use ItemKind::*;
    assert_eq!(
        kinds,
        [
            Some(Velkomst),
            Some(Droeftelsessag),
            Some(Beslutningssag),
            Some(Beslutningssag),
            Some(Beslutningssag),
            Some(Beslutningssag),
            Some(Beslutningssag),
            Some(Pause),
            Some(Droeftelsessag),
            Some(Droeftelsessag),
            Some(Droeftelsessag),
            Some(Eventuelt),
            Some(SkriftligOrientering),
            Some(SkriftligOrientering),
            Some(SkriftligOrientering),
        ]
    );
    assert_eq!(r.items[7].title, "PAUSE");
    assert_eq!(
        r.items[2].title,
        "Godkendelse af kompetenceinitiativer på børne- og ungeområdet"
    );
    // Time slots on items 1–12, none on the written orientations.
    assert!(r.items[..12].iter().all(|i| i.time.is_some()));
    assert!(r.items[12..].iter().all(|i| i.time.is_none()));

    // Decision outcomes named by the issue, and the rest as read by hand.
    assert_eq!(outcome(&r, "6"), Some(Outcome::Approved));
    assert_eq!(outcome(&r, "2"), Some(Outcome::Noted));
    assert_eq!(outcome(&r, "11"), Some(Outcome::Discussed));
    assert_eq!(outcome(&r, "4"), Some(Outcome::Approved));
    assert_eq!(outcome(&r, "12"), Some(Outcome::None));
    assert_eq!(outcome(&r, "3"), Some(Outcome::Approved));
    assert_eq!(outcome(&r, "5"), Some(Outcome::Mixed)); // parts approved, one "ikke tilslutning"
    assert_eq!(outcome(&r, "7"), Some(Outcome::Approved));
    assert_eq!(outcome(&r, "9"), Some(Outcome::Noted));
    for n in ["1", "8", "13", "14", "15"] {
        assert_eq!(outcome(&r, n), None, "item {n} has no beslutning");
    }

    // Every item with an INDSTILLING has recommendations.
    for item in &r.items {
        let has_indstilling = item.sections.iter().any(|s| s.name == Indstilling);
        assert_eq!(
            has_indstilling,
            !item.recommendations.is_empty(),
            "item {}",
            item.number
        );
    }
    assert_eq!(r.items[2].recommendations.len(), 3);
    assert_eq!(r.items[2].attachments.len(), 4);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn seed_003_portal_minutes() {
    let r = record("003_248f04cbab3a95c2.txt");
    assert_eq!(r.kind, DocKind::Minutes);
    assert_eq!(r.source.format.as_deref(), Some("text"));
    assert_eq!(r.body.as_deref(), Some("Klyngestyregruppemøde RRA"));
    let m = r.meeting.as_ref().unwrap();
    assert_eq!(m.date.as_deref(), Some("2024-04-12"));
    assert_eq!(m.start_time.as_deref(), Some("12:00"));
    assert_eq!(
        m.location.as_deref(),
        Some("Mødelokale 3, Regionshospitalet Randers")
    );

    assert_eq!(r.items.len(), 12);
    let cases: Vec<&str> = r
        .items
        .iter()
        .map(|i| i.case_number.as_deref().unwrap())
        .collect();
    assert_eq!(
        cases,
        [
            "1-00-3-23",
            "1-36-70-7-22",
            "1-36-70-7-22",
            "1-34-100-1-24",
            "1-30-100-5-24",
            "1-30-100-2-24",
            "1-30-72-89-23",
            "1-00-12-24",
            "1-30-72-262-22",
            "1-30-72-80-23",
            "1-00-12-24",
            "1-00-12-24",
        ]
    );
    assert_eq!(r.items[0].title, "Mødedeltagere");
    assert_eq!(
        r.items[1].title,
        "Afrapportering fra klyngens deltagere i det nationale ledelsesprogram på sundhedsområdet"
    );
    // `Det indstilles,` + `at ...` clauses.
    assert_eq!(
        r.items[1].recommendations,
        [
            "at klyngestyregruppen tager de foreløbige resultater fra klyngens deltagelse i det nationale ledelsesprogram på sundhedsområdet til efterretning"
        ]
    );
    assert_eq!(r.items[5].recommendations.len(), 2);
    assert_eq!(r.items[6].recommendations.len(), 2);
    // Numbered points inside item 9's and 12's sagsfremstilling are not items or recommendations.
    assert_eq!(r.items[8].recommendations.len(), 1);
    let d4 = r.items[3].decision.as_ref().unwrap();
    assert!(d4.text.starts_with("Anbefalingerne blev godkendt."));
    assert_eq!(d4.outcome, Outcome::Approved);
    let outcomes: Vec<Option<Outcome>> = r
        .items
        .iter()
        .map(|i| i.decision.as_ref().map(|d| d.outcome))
        .collect();
    use Outcome::*;
    assert_eq!(
        outcomes,
        [
            Option::None,
            Some(Approved),
            Some(Approved),
            Some(Approved),
            Some(Approved),
            Some(Approved),
            Some(Approved),
            Some(Noted),
            Some(Discussed),
            Some(Approved),
            Some(Noted),
            Some(Noted)
        ]
    );
    // "Tilbage til toppen" belongs to no section.
    for item in &r.items {
        for s in &item.sections {
            assert!(
                !s.text.contains("Tilbage til toppen"),
                "item {}",
                item.number
            );
        }
    }
}

#[test]
fn seeds_000_001_004_are_not_minutes() {
    for (name, kind) in [
        ("000_7d8caf8445a2727d.txt", DocKind::Application),
        ("001_f2f7b4d944a37d36.txt", DocKind::Report),
        ("004_3f5498eb8e985933.txt", DocKind::Memo),
    ] {
        let r = record(name);
        assert_eq!(r.kind, kind, "{name}");
        assert!(r.items.is_empty(), "{name}: invented items");
        assert!(r.title.is_some(), "{name}");
        assert!(r.meeting.is_none(), "{name}");
        assert!(r.error.is_none());
    }
    assert_eq!(
        record("004_3f5498eb8e985933.txt").title.as_deref(),
        Some("Notat vedr status på Sundhedsaftalen 2019-2023 i Vestklyngen – februar 2021")
    );
}

/// `source[span]` is the item or section as written: it starts with the
/// heading (or first line) and every section lies inside its item.
#[test]
fn spans_point_into_the_source() {
    for entry in std::fs::read_dir("fixtures").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let src = std::str::from_utf8(&bytes).unwrap();
        let r = referat::extract(&path.to_string_lossy(), &bytes);
        for item in &r.items {
            let text = &src[item.span.start..item.span.end];
            assert!(
                text.contains(item.title.split_whitespace().next().unwrap()),
                "{text}"
            );
            assert_eq!(
                src[..item.span.start].matches('\n').count() + 1,
                item.span.line
            );
            for s in &item.sections {
                assert!(s.span.start >= item.span.start && s.span.end <= item.span.end);
                let written = &src[s.span.start..s.span.end];
                if let Some(h) = &s.heading {
                    let first_word = h.split_whitespace().next().unwrap();
                    assert!(written.contains(first_word), "{h} / {written}");
                }
            }
        }
    }
}

#[test]
fn snapshots_of_every_seed() {
    let mut names: Vec<String> = std::fs::read_dir("fixtures")
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 5);
    for name in names {
        let r = record(&name);
        insta::assert_json_snapshot!(name.clone(), r);
    }
}
