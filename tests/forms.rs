//! The application form of seed 000 and the grant of seed 001, against
//! values read off the documents by hand.

use referat::record::{DocKind, Record};

fn record(path: &str) -> Record {
    referat::extract(path, &std::fs::read(path).unwrap())
}

#[test]
fn seed_000_application_form() {
    let r = record("fixtures/000_7d8caf8445a2727d.txt");
    assert_eq!(r.kind, DocKind::Application);
    let f = r.form.expect("an application has a form");
    assert_eq!(
        f.title.as_deref(),
        Some(
            "Samordning for et koordineret forebyggelses- og behandlingstilbud for borgere med funktionelle lidelser"
        )
    );
    assert_eq!(
        f.purpose.as_deref(),
        Some(
            "Forbedre kvaliteten af lokale tværsektionelle tilbud til borgere med funktionelle lidelser"
        )
    );
    let a = f.applicant.expect("applicant");
    assert_eq!(a.name, "Søren Landkildehus");
    assert_eq!(a.title.as_deref(), Some("Arbejdsmarkedschef"));
    assert_eq!(a.organisation.as_deref(), Some("Holstebro Kommune"));
    assert_eq!(a.span.line, 11);
    let summary = f.summary.expect("summary");
    assert!(
        summary.starts_with("Lave et samordnet forebyggelses- og behandlingstilbud"),
        "{summary}"
    );
    assert!(summary.len() <= 2100);
    assert_eq!(f.amount_requested.map(|a| a.value), Some(89_500.0));
    assert_eq!(f.total_budget.map(|a| a.value), Some(89_500.0));
    let by_year: Vec<(i32, f64)> = f
        .budget_by_year
        .iter()
        .map(|y| (y.year, y.amount.value))
        .collect();
    assert_eq!(by_year, [(2020, 82_400.0), (2021, 7_100.0)]);
    // `Der er tale om et 2-årigt projekt fra starttidspunktet`: no dates.
    assert_eq!(f.period, None);
    let labels: Vec<&str> = f.fields.0.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(
        labels,
        [
            "REGION",
            "DATO",
            "LØBENR.",
            "ANSØGERS NAVN, MAIL, TLF mm.",
            "PROJEKTANSVARLIG",
            "ØVRIGE DELTAGERE (samarbejdspartnere eller tilknytning til forskningsinst. el.lign)",
            "PROJEKTETS TITEL",
            "PROJEKTETS (ANSØGNINGENS) EMNE",
            "OPDATERING VEDR. TIDLIGERE AFHOLDT PROJEKT (sæt x)",
            "NYOPRETTET PROJEKT (sæt x)",
            "FORMÅL",
            "START- OG SLUTTIDSPUNKT (evt. forventet)",
            "ANSØGT BELYB (2)",
            "BEVILLING (indeværende år og evt. efterfølgende år)",
            "ANSØGT MIDLER SPONSERET FRA ANDRE SIDER",
            "BUDGET FORDELT PÅ ÅR",
            "TOTALBUDGET",
            "AFSLUTTENDE RAPPORT/ARTIKEL SENDES TIL DET REGIONALE SEKRETARIAT",
            "SUPPLERENDE OPLYSNINGER",
            "BILAGSFORTEGNELSE",
            "BUDGET",
        ]
    );
    let value = |l: &str| {
        f.fields
            .0
            .iter()
            .find(|(k, _)| k == l)
            .map(|(_, v)| v.as_str())
    };
    assert_eq!(value("NYOPRETTET PROJEKT (sæt x)"), Some("x"));
    assert_eq!(value("DATO"), Some(""));
    assert_eq!(
        value("BILAGSFORTEGNELSE"),
        Some("Projektbeskrivelse og budget")
    );
    // The JSON object keeps the form's order.
    let json = serde_json::to_string(&f.fields).unwrap();
    assert!(
        json.starts_with(r#"{"REGION":"","DATO":"","LØBENR.":"(udfyldes af regionen)""#),
        "{json}"
    );
}

#[test]
fn seed_001_grant_and_budget_table() {
    let r = record("fixtures/001_f2f7b4d944a37d36.txt");
    assert_eq!(r.kind, DocKind::Report);
    assert!(r.form.is_none());
    let g = r.grant.expect("a report has its grant");
    assert_eq!(g.amount.value, 264_400.0);
    assert_eq!(g.year, Some(2014));
    assert_eq!(
        g.funder.as_deref(),
        Some("Kvalitets- og Efteruddannelsesudvalget for almen praksis")
    );
    let p = g.period.expect("period");
    assert_eq!(
        (p.start.as_deref(), p.end.as_deref()),
        (Some("2014-01-01"), Some("2017-12-31"))
    );
    let t = &r.tables[0];
    assert_eq!(
        t.header,
        ["Aktiviteter", "Angivet i budget", "Anvendt beløb"]
    );
    assert_eq!(t.rows.len(), 4);
    assert_eq!(
        t.rows[1],
        [
            "Honorar til praktiserende læger for deltagelse i laboratorier",
            "156.000 kr.",
            "204.737 kr."
        ]
    );
    assert_eq!(t.rows[3], ["Total", "264.400 kr.", "264.400 kr."]);
}

#[test]
fn minutes_and_memos_have_no_form_or_grant() {
    for path in [
        "fixtures/002_7f83bb290909fca2.txt",
        "fixtures/003_248f04cbab3a95c2.txt",
        "fixtures/004_3f5498eb8e985933.txt",
    ] {
        let r = record(path);
        assert!(r.form.is_none() && r.grant.is_none(), "{path}");
    }
}

/// A form laid out as a table of two columns, in title case: its rows are
/// its fields; the applicant is the first such line naming a person.
#[test]
fn application_form_as_a_table() {
    let r = record("tests/layouts/ansoegning_tabel.md");
    assert_eq!(r.kind, DocKind::Application);
    let f = r.form.expect("an application has a form");
    assert_eq!(
        f.title.as_deref(),
        Some("Sammen om den ældre medicinske patient")
    );
    assert_eq!(f.amount_requested.map(|a| a.value), Some(450_000.0));
    assert_eq!(f.total_budget.map(|a| a.value), Some(1_200_000.0));
    let period = f.period.expect("period");
    assert_eq!(
        (period.start.as_deref(), period.end.as_deref()),
        (Some("2025-03-01"), Some("2027-02-28"))
    );
    let a = f.applicant.expect("applicant");
    assert_eq!(
        (
            a.name.as_str(),
            a.title.as_deref(),
            a.organisation.as_deref()
        ),
        ("Lene Jensen", Some("omsorgschef"), Some("Randers Kommune"))
    );
    // The header rows (`| Felt | Indhold |`, `| År | Beløb |`) are no
    // fields, nor is `## Budget`, a heading that means no slot.
    let labels: Vec<&str> = f.fields.0.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Projektets titel",
            "Ansøger",
            "Kontaktperson",
            "Ansøgt beløb",
            "Samlet budget",
            "Projektperiode",
            "Formål"
        ]
    );
    // `## Formål` and the paragraph under it: a heading's field.
    assert_eq!(
        f.purpose.as_deref(),
        Some("Formålet er at styrke overgangene mellem sygehus og kommune.")
    );
}

/// A report's grant: the first grant sentence that names an amount, in
/// the wordings reports use (`bevilget`, `tilskud på`, `tilsagn om`,
/// `modtaget`).
#[test]
fn grants_in_other_wordings() {
    for (text, amount, year, funder) in [
        (
            "Projektet blev tildelt midler i 2022. Der blev i alt bevilget 250.000 kr. fra Klyngepuljen til projektet.",
            250_000.0,
            None,
            Some("Klyngepuljen"),
        ),
        (
            "Projektet modtog i 2023 et tilskud på 300.000 kr. fra Sundhedsstyrelsen.",
            300_000.0,
            Some(2023),
            Some("Sundhedsstyrelsen"),
        ),
        (
            "Klyngen gav i 2023 tilsagn om 120.000 kr. til projektet.",
            120_000.0,
            Some(2023),
            None,
        ),
        (
            "Projektet fik i januar 2023 tilsagn om 825.000 kr. fra Sundhedsklynge Viborg-Skive.",
            825_000.0,
            Some(2023),
            Some("Sundhedsklynge Viborg-Skive"),
        ),
        (
            "Der blev bevilget i alt 2000 kr. fra Puljen.",
            2_000.0,
            None,
            Some("Puljen"),
        ),
        (
            "Der er modtaget 75.000 kr. fra Region Midtjylland i 2024.",
            75_000.0,
            Some(2024),
            Some("Region Midtjylland"),
        ),
    ] {
        let doc = format!("Afrapportering\n\n{text}\n");
        let r = referat::extract("rapport.txt", doc.as_bytes());
        assert_eq!(r.kind, DocKind::Report, "{text}");
        let g = r.grant.unwrap_or_else(|| panic!("no grant in {text}"));
        assert_eq!(
            (g.amount.value, g.year, g.funder.as_deref()),
            (amount, year, funder),
            "{text}"
        );
    }
}

/// The applicant's title after the name, but not an organisation there.
#[test]
fn applicant_title_after_the_name() {
    for (line, title) in [
        ("Per Holm, Holstebro Kommune, per@holstebro.dk", None),
        (
            "Per Holm, projektleder, per@holstebro.dk",
            Some("projektleder"),
        ),
    ] {
        let doc = format!(
            "Ansøgning\n\nPROJEKTETS TITEL: Bedre forløb\nANSØGERS NAVN: {line}\nANSØGT BELØB: 10.000 kr.\n"
        );
        let r = referat::extract("ansøgning.txt", doc.as_bytes());
        let a = r.form.and_then(|f| f.applicant).expect("applicant");
        assert_eq!(
            (
                a.name.as_str(),
                a.title.as_deref(),
                a.organisation.as_deref()
            ),
            ("Per Holm", title, Some("Holstebro Kommune")),
            "{line}"
        );
    }
}

/// A form whose labels are numbered section headings with the value
/// under each: the typed slots are read from them; the applicant is the
/// contact person, of the organisation the `Ansøger` section names.
#[test]
fn application_form_of_numbered_sections() {
    let r = record("tests/layouts/ansoegning_nummererede_afsnit.txt");
    assert_eq!(r.kind, DocKind::Application);
    let f = r.form.expect("an application has a form");
    assert_eq!(
        f.title.as_deref(),
        Some("Fælles forløb for borgere med KOL")
    );
    assert_eq!(f.amount_requested.map(|a| a.value), Some(640_000.0));
    let period = f.period.expect("period");
    assert_eq!(
        (period.start.as_deref(), period.end.as_deref()),
        (Some("2025-04-01"), Some("2027-03-31"))
    );
    assert!(
        f.purpose
            .is_some_and(|p| p.starts_with("Projektet skal sikre"))
    );
    let a = f.applicant.expect("applicant");
    assert_eq!(
        (
            a.name.as_str(),
            a.title.as_deref(),
            a.organisation.as_deref()
        ),
        (
            "Birgitte Lund",
            Some("sundhedschef"),
            Some("Hillerød Kommune")
        )
    );
    // A section heading whose label means no slot (`3. Samarbejdspartnere`,
    // `7. Budget`) is no field.
    let labels: Vec<&str> = f.fields.0.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Projektets titel",
            "Ansøger",
            "Kontaktperson",
            "Telefon",
            "E-mail",
            "Ansøgt beløb",
            "Projektperiode",
            "Formål",
            "Dato"
        ]
    );
}
