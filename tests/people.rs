//! Participants, item people and organisations on the seeds, against the
//! hand-read gold in `fixtures/gold/participants.tsv`: precision and recall
//! are printed and held to a floor.

#![allow(clippy::print_stdout)]

mod common;

use referat::record::Record;

fn record(name: &str) -> Record {
    let path = format!("fixtures/{name}");
    referat::extract(&path, &std::fs::read(&path).unwrap())
}

const SEEDS: [&str; 5] = [
    "000_7d8caf8445a2727d.txt",
    "001_f2f7b4d944a37d36.txt",
    "002_7f83bb290909fca2.txt",
    "003_248f04cbab3a95c2.txt",
    "004_3f5498eb8e985933.txt",
];

#[test]
fn participants_precision_and_recall() {
    let gold = common::tsv_rows("fixtures/gold/participants.tsv");
    let (mut found, mut correct, mut org_right, mut flags_right) = (0, 0, 0, 0);
    for seed in SEEDS {
        let r = record(seed);
        let want: Vec<&Vec<String>> = gold.iter().filter(|g| seed.starts_with(&g[0])).collect();
        found += r.participants.len();
        for p in &r.participants {
            if let Some(g) = want.iter().find(|g| g[1] == p.name) {
                correct += 1;
                org_right += usize::from(p.organisation.as_deref().unwrap_or("") == g[2]);
                flags_right += usize::from(
                    p.role.as_deref().unwrap_or("") == g[3] && p.absent == (g[4] == "true"),
                );
            } else {
                println!("{seed}: not in gold: {}", p.name);
            }
        }
        for g in &want {
            if !r.participants.iter().any(|p| p.name == g[1]) {
                println!("{seed}: missed: {}", g[1]);
            }
        }
    }
    let precision = correct as f64 / found.max(1) as f64;
    let recall = correct as f64 / gold.len() as f64;
    println!(
        "participants: precision {precision:.3} ({correct}/{found}), recall {recall:.3} ({correct}/{}), \
         organisation right {org_right}/{correct}, role and absence right {flags_right}/{correct}",
        gold.len()
    );
    assert!(precision >= 0.95 && recall >= 0.95);
    assert!(org_right as f64 >= 0.9 * correct as f64);
    assert_eq!(flags_right, correct);
}

#[test]
fn item_people_belong_to_their_items() {
    let r = record("003_248f04cbab3a95c2.txt");
    let lab = r.items.iter().find(|i| i.number == "5").unwrap();
    let names: Vec<&str> = lab.people.iter().map(|p| p.name.as_str()).collect();
    assert!(names.starts_with(&["Karina Kurtzmann", "Sara Storm Jensen", "Louise Hartvig"]));
    let karina = &lab.people[0];
    assert_eq!(karina.title.as_deref(), Some("Afdelingsleder"));
    assert_eq!(karina.organisation.as_deref(), Some("Norddjurs Kommune"));
    // The laboratory's members are not the meeting's participants.
    assert!(!r.participants.iter().any(|p| p.name == "Karina Kurtzmann"));

    let r = record("002_7f83bb290909fca2.txt");
    let item4 = r.items.iter().find(|i| i.number == "4").unwrap();
    let staun = item4
        .people
        .iter()
        .find(|p| p.name == "Maria Staun")
        .unwrap();
    assert_eq!(staun.title.as_deref(), Some("forbedringskonsulent"));
    assert_eq!(staun.organisation.as_deref(), Some("Sygehus Lillebælt"));
    // Every person's span is the line that names them.
    let src = std::fs::read_to_string("fixtures/002_7f83bb290909fca2.txt").unwrap();
    for p in r
        .participants
        .iter()
        .chain(r.items.iter().flat_map(|i| &i.people))
    {
        let line = &src[p.span.start..p.span.end];
        let surname = p.name.split_whitespace().last().unwrap();
        assert!(line.contains(surname), "{} not in {line:?}", p.name);
    }
}

#[test]
fn organisations_of_items_and_documents() {
    let r = record("003_248f04cbab3a95c2.txt");
    let item1 = &r.items[0];
    for org in [
        "Randers Kommune",
        "Norddjurs Kommune",
        "Favrskov Kommune",
        "Syddjurs Kommune",
        "Regionshospitalet Randers",
        "Psykiatrien Region Midtjylland",
    ] {
        assert!(item1.organisations.iter().any(|o| o == org), "{org}");
        assert!(r.organisations.iter().any(|o| o == org), "{org}");
    }
    // The document's list is the union of its parts: every item's bodies are in it.
    for it in &r.items {
        for o in &it.organisations {
            assert!(r.organisations.contains(o), "{o}");
        }
    }
    let r = record("002_7f83bb290909fca2.txt");
    assert!(
        r.organisations
            .iter()
            .any(|o| o == "Sundhedsklynge Lillebælt")
    );
    assert!(r.organisations.iter().any(|o| o == "Kolding Kommune"));
}

/// The name recogniser over `fixtures/cases/names.tsv`: names with and
/// without titles come out as the name alone; organisations, places, job
/// titles and headings are no person.
#[test]
fn name_recogniser_cases() {
    let rows = common::tsv_rows("fixtures/cases/names.tsv");
    assert!(rows.len() >= 80, "{} cases", rows.len());
    let mut wrong = Vec::new();
    for r in &rows {
        let input = r[0].as_str();
        let want_name = r.get(1).map(String::as_str).unwrap_or("");
        let want_title = r.get(2).map(String::as_str).filter(|t| !t.is_empty());
        let got = referat::people::parse_line(input, true);
        let got_name = got.as_ref().map_or("", |p| p.name.as_str());
        if got_name != want_name {
            wrong.push(format!("{input:?}: name {got_name:?}, want {want_name:?}"));
            continue;
        }
        if let Some(t) = want_title
            && got.as_ref().and_then(|p| p.title.as_deref()) != Some(t)
        {
            wrong.push(format!(
                "{input:?}: title {:?}, want {t:?}",
                got.and_then(|p| p.title)
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} wrong:\n{}",
        wrong.len(),
        rows.len(),
        wrong.join("\n")
    );
}

/// A participants table is read by its header: the name from the column
/// headed `Navn` wherever it stands (a title before the name too), the
/// organisation, title and presence (`-`: absent) from theirs; a table
/// without such a header is read name first, as before.
#[test]
fn participants_tables_read_by_their_headers() {
    let text = "# Referat af styregruppemøde 20.01.2026\n\n#### Deltagere:\n\n\
        |Virksomhed/Afdeling | Navn | Init. | Tilstede |\n|---|---|---|---|\n\
        | Silkeborg Kommune, EJD | Projektleder, Jesper Buchhardt | JB | X |\n\
        | OS2 - Fællesskabet | Rasmus Frey | RF | - |\n\
        | 4BC | Jakob Nørby | JN | X |\n\n\
        | Navn | Titel | Organisation |\n|---|---|---|\n\
        | Mette Frost | Referent | Region Midtjylland |\n\
        | Søren Holm | Overlæge | 4BC |\n\n\
        | Anna Berg | Randers Kommune | AB |\n|---|---|---|\n| Ole Dam | Norddjurs Kommune | OD |\n\n\
        ## Referat\n\n### AD 1: Velkomst\n\nIntet.\n\n### AD 2: Eventuelt\n\nIntet.\n";
    let r = referat::extract("styregruppe.md", text.as_bytes());
    // Name, title, organisation, role, absent.
    type Row<'a> = (
        &'a str,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        bool,
    );
    let got: Vec<Row> = r
        .participants
        .iter()
        .map(|p| {
            (
                p.name.as_str(),
                p.title.as_deref(),
                p.organisation.as_deref(),
                p.role.as_deref(),
                p.absent,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "Jesper Buchhardt",
                Some("Projektleder"),
                Some("Silkeborg Kommune"),
                None,
                false
            ),
            ("Rasmus Frey", None, Some("OS2 - Fællesskabet"), None, true),
            ("Jakob Nørby", None, Some("4BC"), None, false),
            (
                "Mette Frost",
                None,
                Some("Region Midtjylland"),
                Some("referent"),
                false
            ),
            ("Søren Holm", Some("Overlæge"), Some("4BC"), None, false),
            ("Anna Berg", None, Some("Randers Kommune"), None, false),
            ("Ole Dam", None, Some("Norddjurs Kommune"), None, false),
        ]
    );
}

/// A bullet of a participants list that names no one (two names for one
/// seat) leaves the bullets after it in the list.
#[test]
fn participants_list_goes_on_past_a_bullet_of_no_one() {
    let text = "# Referat\n\n#### Deltagere\n\n\
        - [x] Mikkel Groot Andersen, Silkeborg Kommune\n\
        - [x] Martin Hansen / Michael Kjær Maagaard, Kolding Kommune\n\
        - [x] Lone Dam, OS2-sekretariatet\n\
        - [ ]\n\
        - [x] Per Kjær\n\n\
        Mødet blev holdt online.\n\n\
        - Kurt Ravn\n\n\
        ## Referat\n\n### AD 1: Velkomst\n\nIntet.\n";
    let r = referat::extract("liste.md", text.as_bytes());
    let names: Vec<&str> = r.participants.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Mikkel Groot Andersen", "Lone Dam", "Per Kjær"]);
}

/// A label that names someone and ends with a colon opens a list: the
/// bullets under it say more of them (`(Referent)`).
#[test]
fn label_with_names_and_a_colon_opens_a_list() {
    let text = "# Referat\n\n#### Deltagere:\n\n- Mette Frost, Aarhus Kommune\n\n\
        #### Faciliteret af Jesper Buchhardt:\n\n- Jesper Buchhardt (Referent)\n\n\
        Referent: Ole Dam\n\n- Kurt Ravn\n\n\
        ## Referat\n\n### AD 1: Velkomst\n\nIntet.\n";
    let r = referat::extract("faciliteret.md", text.as_bytes());
    let got: Vec<(&str, Option<&str>)> = r
        .participants
        .iter()
        .map(|p| (p.name.as_str(), p.role.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("Mette Frost", None),
            ("Jesper Buchhardt", Some("referent")),
            ("Ole Dam", Some("referent")),
        ]
    );
}

/// A meeting table's rows of a label and its names (`| Medlemmer: | ... |`,
/// `| Fraværende: | ... |`) are read as the label's line; a row of another
/// label gives no one.
#[test]
fn label_rows_of_a_meeting_table() {
    let text = "# Referat\n\n| | |\n|---|---|\n| Dato: | 4. marts 2024 |\n\
        | Sted: | Byrådssalen |\n\
        | Medlemmer: | Hanne Dahl (A), Søren Kjær (V), Lis Mikkelsen (F) |\n\
        | Fraværende: | Søren Kjær (V) |\n\n\
        ## 1. Eventuelt\n\n### Beslutning\n\nIntet.\n";
    let r = referat::extract("tabel.md", text.as_bytes());
    let got: Vec<(&str, bool)> = r
        .participants
        .iter()
        .map(|p| (p.name.as_str(), p.absent))
        .collect();
    assert_eq!(
        got,
        [
            ("Hanne Dahl", false),
            ("Søren Kjær", true),
            ("Lis Mikkelsen", false)
        ]
    );
}

/// A role alone between a label's commas is the role of the name before
/// it (`Mette Hansen (A), formand, Lars Ege (V)`); one before any name
/// is no one's.
#[test]
fn role_between_commas_of_a_label() {
    let text = "# Referat\n\nDeltagere: Anne Berg\n\nMedlemmer: formand, Mette Hansen (A), formand, Lars Ege (V), \
        Kirsten Bach (F), næstformand, Ole Sand (O)\n\n\
        ## 1. Eventuelt\n\n### Beslutning\n\nIntet.\n";
    let r = referat::extract("roller.md", text.as_bytes());
    let got: Vec<(&str, Option<&str>)> = r
        .participants
        .iter()
        .map(|p| (p.name.as_str(), p.role.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("Anne Berg", None),
            ("Mette Hansen", Some("formand")),
            ("Lars Ege", None),
            ("Kirsten Bach", Some("næstformand")),
            ("Ole Sand", None),
        ]
    );
}

/// A participants list's lines in other shapes: a dash after the name
/// (`Karen Dam – Region Midtjylland`), a title before it (`Sundhedschef
/// Lise Berg`; not the unlisted first name of `Ronni Mark Nielsen`), a
/// remark after a dash, and an organisation's people on its own line
/// (`Fra PLO: Jens Holt og Mette Rask`), after which the list goes on.
#[test]
fn list_lines_with_dashes_titles_and_organisations() {
    let text = "Referat\n\nDeltagere:\nKaren Dam – Region Midtjylland\n\
        Sundhedschef Lise Berg, Syddjurs Kommune\n\
        Ronni Mark Nielsen, Greve Kommune\n\
        Ole Sand, Norddjurs Kommune – deltog under punkt 1-3\n\
        Fra PLO: Jens Holt og Mette Rask\n\
        Anne-Marie Kjærgaard Nielsen, overlæge, Regionshospitalet Randers\n\n\
        1. Eventuelt\n\nBeslutning\nIntet.\n";
    let r = referat::extract("deltagere.txt", text.as_bytes());
    let got: Vec<(&str, Option<&str>, Option<&str>)> = r
        .participants
        .iter()
        .map(|p| {
            (
                p.name.as_str(),
                p.title.as_deref(),
                p.organisation.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("Karen Dam", None, Some("Region Midtjylland")),
            ("Lise Berg", Some("Sundhedschef"), Some("Syddjurs Kommune")),
            ("Ronni Mark Nielsen", None, Some("Greve Kommune")),
            ("Ole Sand", None, Some("Norddjurs Kommune")),
            ("Jens Holt", None, Some("PLO")),
            ("Mette Rask", None, Some("PLO")),
            (
                "Anne-Marie Kjærgaard Nielsen",
                Some("overlæge"),
                Some("Regionshospitalet Randers")
            ),
        ]
    );
}
