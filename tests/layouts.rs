//! Minutes in layouts the seeds do not show (`tests/layouts/`): items,
//! their case numbers, sections and decisions, and the participants, each
//! against what a reader takes from the text.

use referat::record::Record;

fn record(name: &str) -> Record {
    let path = format!("tests/layouts/{name}");
    referat::extract(&path, &std::fs::read(&path).unwrap())
}

/// Each item as `number|title|case number|section names|outcome`.
fn items(r: &Record) -> Vec<String> {
    r.items
        .iter()
        .map(|it| {
            let sections: Vec<String> = it
                .sections
                .iter()
                .map(|s| format!("{:?}", s.name).to_lowercase())
                .collect();
            format!(
                "{}|{}|{}|{}|{}",
                it.number,
                it.title,
                it.case_number.as_deref().unwrap_or("-"),
                sections.join(","),
                it.decision
                    .as_ref()
                    .map_or("-".to_string(), |d| format!("{:?}", d.outcome)
                        .to_lowercase()),
            )
        })
        .collect()
}

/// Each participant as `name|role|absent`.
fn participants(r: &Record) -> Vec<String> {
    r.participants
        .iter()
        .map(|p| {
            format!(
                "{}|{}|{}",
                p.name,
                p.role.as_deref().unwrap_or("-"),
                p.absent
            )
        })
        .collect()
}

#[test]
fn portal_minutes_listed_in_a_table_of_contents() {
    let r = record("portal_beslutningstema.txt");
    assert_eq!(
        items(&r),
        [
            "1|Godkendelse af dagsorden|24/1234|other,resume,indstilling,beslutning|approved",
            "2|Budgetopfølgning 2024|24/2345|other,resume,sagsfremstilling,indstilling,beslutning,bilag|approved",
            "3|Eventuelt|-|beslutning|none",
        ]
    );
    // The decision's `Ad 1:` parts are no items; the attachment list ends
    // before the next item.
    assert_eq!(
        r.items[1].attachments,
        [
            "1. Budgetopfølgning marts 2024.pdf",
            "2. Oversigt over merforbrug.xlsx"
        ]
    );
    assert_eq!(r.items[1].recommendations.len(), 2);
    assert_eq!(
        participants(&r),
        [
            "Anne Hansen|-|false",
            "Bo Jensen|-|false",
            "Carl Nielsen|-|true",
            "Dorte Mikkelsen|-|false",
        ]
    );
}

#[test]
fn committee_minutes_with_their_agenda_listed_first() {
    let r = record("udvalg_sager_paa_modet.txt");
    assert_eq!(
        items(&r),
        [
            "1|Meddelelser|24/567|other,resume,beslutning|noted",
            "2|Skolestruktur 2025|24/890|other,resume,indstilling,sagsfremstilling,beslutning,bilag|approved",
            "3|Eventuelt|-|beslutning|none",
        ]
    );
    assert_eq!(
        participants(&r),
        [
            "Jens Jensen|formand|false",
            "Mette Olsen|-|true",
            "Peter Hansen|-|false",
        ]
    );
}

#[test]
fn region_minutes_with_sag_n_items() {
    let r = record("region_sag_n.txt");
    assert_eq!(
        items(&r),
        [
            "1|Godkendelse af dagsorden|-|resume,indstilling,beslutning|approved",
            "2|Regnskab 2023|-|resume,sagsfremstilling,indstilling,beslutning,bilag|approved",
            "3|Eventuelt|-|beslutning|none",
        ]
    );
    assert_eq!(
        participants(&r),
        [
            "Stephanie Lose|formand|false",
            "Bo Libergren|-|false",
            "Karsten Uno Petersen|næstformand|false",
            "Poul-Erik Svendsen|-|false",
            "Thomas Andresen|-|true",
        ]
    );
}

#[test]
fn council_minutes_with_punkt_n_and_no_colon() {
    let r = record("aeldreraad_punkt_n_uden_kolon.txt");
    assert_eq!(
        items(&r),
        [
            "1|Godkendelse af dagsorden|-|beslutning|approved",
            "2|Orientering fra formanden|-|other,beslutning|noted",
            "3|Høring om budget 2025|-|other,beslutning|rejected",
            "4|Eventuelt|-|other|-",
        ]
    );
    let m = r.meeting.as_ref().unwrap();
    assert_eq!(
        (m.start_time.as_deref(), m.end_time.as_deref()),
        (Some("13:00"), Some("15:30"))
    );
    assert_eq!(
        participants(&r),
        [
            "Hanne Larsen|formand|false",
            "Poul Erik Jensen|næstformand|false",
            "Birthe Nielsen|-|true",
            "Knud Andersen|-|false",
        ]
    );
    // The absence line is no one's title.
    assert!(r.participants.iter().all(|p| p.title.is_none()));
}

#[test]
fn cluster_minutes_in_markdown_with_a_participants_table() {
    let r = record("klynge_markdown_tabel.md");
    assert_eq!(
        items(&r),
        [
            "1|Velkomst og godkendelse af dagsorden|-|other|approved",
            "2|Status på klyngemidler 2024|-|other,indstilling,beslutning|approved",
            "3|Eventuelt|-|other|-",
            "4|Næste møde|-|other|-",
        ]
    );
    assert_eq!(
        participants(&r),
        [
            "Mette Kjær|-|false",
            "Jens Pedersen|-|false",
            "Lone Sørensen|-|false",
            "Henrik Madsen|-|true",
            "Anna Holm|referent|false",
        ]
    );
    let orgs: Vec<_> = r
        .participants
        .iter()
        .map(|p| p.organisation.as_deref().unwrap_or("-"))
        .collect();
    assert_eq!(
        orgs,
        [
            "Aalborg Kommune",
            "Aalborg Universitetshospital",
            "PLO Nordjylland",
            "Hjørring Kommune",
            "-"
        ]
    );
    let amounts: Vec<f64> = r.amounts.iter().map(|a| a.value).collect();
    assert_eq!(amounts, [4_200_000.0, 1_100_000.0]);
}

#[test]
fn portal_minutes_with_open_and_closed_items() {
    let r = record("portal_aabent_lukket_punkt.txt");
    assert_eq!(
        items(&r),
        [
            "1|Godkendelse af dagsorden|24/1234|beslutning|approved",
            "2|Budgetopfølgning pr. 29. februar 2024|24/2231|other,resume,sagsfremstilling,indstilling,beslutning,bilag|noted",
            "3|Salg af ejendom|-|beslutning|approved",
        ]
    );
    // The `Åbent punkt` line is the next item's, in no section's text.
    let bilag = r.items[1].sections.last().unwrap();
    assert_eq!(bilag.text, "1. Budgetopfølgning februar 2024.pdf");
    assert_eq!(
        participants(&r),
        [
            "Jens Hansen|-|false",
            "Mette Olsen|-|false",
            "Peter Nielsen|-|false",
            "Karin Berg|-|true",
        ]
    );
}
