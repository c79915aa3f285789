//! `--sqlite` and `--csv` over the fixtures: the tables, keys, the README's
//! example queries, replacing a document's rows on a second run, and CSV
//! cells that cannot run as spreadsheet formulas.

use std::process::Command;

fn referat(args: &[&str]) -> std::process::Output {
    let out = Command::new(env!("CARGO_BIN_EXE_referat"))
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.code().is_some_and(|c| c <= 1), "{out:?}");
    out
}

fn count(db: &rusqlite::Connection, table: &str) -> i64 {
    db.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

/// The three queries of the README's "SQLite dataset" section.
const TOTAL_APPROVED: &str =
    "SELECT d.body, substr(d.meeting_date, 1, 4) AS year, SUM(a.value) AS dkk
FROM amounts a JOIN items i ON a.item_id = i.item_id JOIN documents d ON d.doc_id = i.doc_id
WHERE i.outcome = 'approved'
GROUP BY d.body, year ORDER BY dkk DESC";
const MUNICIPALITY_DECISIONS: &str = "SELECT d.meeting_date, i.number, i.title, x.outcome
FROM organisations o JOIN items i ON o.item_id = i.item_id
JOIN decisions x ON x.item_id = i.item_id JOIN documents d ON d.doc_id = i.doc_id
WHERE o.name = ?1 ORDER BY d.meeting_date, i.position";
const MOST_ABSENT: &str = "SELECT name, organisation, SUM(absent) AS absences, COUNT(*) AS meetings
FROM participants WHERE item_id IS NULL
GROUP BY name, organisation HAVING absences > 0 ORDER BY absences DESC, name";

#[test]
fn sqlite_dataset_of_the_fixtures() {
    let dir = tempfile::tempdir().unwrap();
    let db_path = dir.path().join("dataset.db");
    let db_arg = db_path.to_str().unwrap();
    let out = referat(&["extract", "--quiet", "--sqlite", db_arg, "fixtures"]);
    // With only a dataset asked for, nothing goes to standard output.
    assert!(out.stdout.is_empty());
    let db = rusqlite::Connection::open(&db_path).unwrap();
    assert_eq!(count(&db, "documents"), 5);
    assert_eq!(count(&db, "items"), 27);
    assert_eq!(count(&db, "amounts"), 52);
    let version: String = db
        .query_row(
            "SELECT value FROM meta WHERE key = 'schema_version'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(version, "referat/1");

    // Total approved amounts per body and year: seed 002's approved items.
    let totals: Vec<(Option<String>, Option<String>, f64)> = db
        .prepare(TOTAL_APPROVED)
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(!totals.is_empty());
    assert!(
        totals.iter().all(|(_, y, v)| y.is_some() && *v > 0.0),
        "{totals:?}"
    );

    // Decisions of items that name Randers Kommune (seed 003).
    let decisions: Vec<(String, String, String)> = db
        .prepare(MUNICIPALITY_DECISIONS)
        .unwrap()
        .query_map(["Randers Kommune"], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(3)?))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(!decisions.is_empty());
    assert!(
        decisions.iter().all(|(d, _, _)| d == "2024-04-12"),
        "{decisions:?}"
    );

    // Participants marked (afbud): seed 003's meeting.
    let absent: Vec<(String, i64)> = db
        .prepare(MOST_ABSENT)
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(!absent.is_empty());
    assert!(absent.iter().all(|(_, n)| *n == 1));

    // Every foreign key holds.
    let broken: i64 = db
        .query_row("SELECT COUNT(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(broken, 0);

    // A second run over the same files replaces their rows.
    drop(db);
    referat(&[
        "extract",
        "--quiet",
        "--sqlite",
        db_arg,
        "fixtures/003_248f04cbab3a95c2.txt",
    ]);
    referat(&["extract", "--quiet", "--sqlite", db_arg, "fixtures"]);
    let db = rusqlite::Connection::open(&db_path).unwrap();
    assert_eq!(count(&db, "documents"), 5);
    assert_eq!(count(&db, "items"), 27);
    assert_eq!(count(&db, "amounts"), 52);
}

#[test]
fn csv_files_with_headers_and_defused_formulas() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("formel.md");
    std::fs::write(
        &doc,
        "# Referat\n\n## Punkt 1: =HYPERLINK(\"http://x\")\n\n### Beslutning\n\nGodkendt.\n",
    )
    .unwrap();
    let out_dir = dir.path().join("csv");
    let raw_dir = dir.path().join("raw");
    let doc_arg = doc.to_str().unwrap();
    referat(&[
        "extract",
        "-q",
        "--csv",
        out_dir.to_str().unwrap(),
        doc_arg,
        "fixtures",
    ]);
    referat(&[
        "extract",
        "-q",
        "--csv",
        raw_dir.to_str().unwrap(),
        "--csv-raw",
        doc_arg,
    ]);
    let titles = |dir: &std::path::Path| -> Vec<String> {
        let mut r = csv::Reader::from_path(dir.join("items.csv")).unwrap();
        let headers = r.headers().unwrap().clone();
        let col = headers.iter().position(|h| h == "title").unwrap();
        r.records()
            .map(|rec| rec.unwrap()[col].to_string())
            .collect()
    };
    let safe = titles(&out_dir);
    assert!(
        safe.contains(&"'=HYPERLINK(\"http://x\")".to_string()),
        "{safe:?}"
    );
    assert!(safe.iter().all(|t| !t.starts_with('=')));
    assert_eq!(titles(&raw_dir), ["=HYPERLINK(\"http://x\")"]);
    // Every table has its file, a header row, and rows as wide as it.
    for t in referat::dataset::TABLES {
        let mut r = csv::Reader::from_path(out_dir.join(format!("{}.csv", t.name))).unwrap();
        assert_eq!(r.headers().unwrap().len(), t.columns.len(), "{}", t.name);
        for rec in r.records() {
            assert_eq!(rec.unwrap().len(), t.columns.len(), "{}", t.name);
        }
    }
}

#[test]
fn shards_concatenate_to_the_whole_run() {
    let whole = referat(&["extract", "-q", "fixtures"]).stdout;
    let mut joined = Vec::new();
    for k in 1..=3 {
        joined.extend(referat(&["extract", "-q", "--shard", &format!("{k}/3"), "fixtures"]).stdout);
    }
    assert_eq!(
        String::from_utf8(joined).unwrap(),
        String::from_utf8(whole).unwrap()
    );
    let bad = Command::new(env!("CARGO_BIN_EXE_referat"))
        .args(["extract", "--shard", "4/3", "fixtures"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn stdin_ndjson_gives_the_records_of_the_files_in_order() {
    use base64::Engine as _;
    use std::io::Write;
    let names = [
        "fixtures/003_248f04cbab3a95c2.txt",
        "fixtures/001_f2f7b4d944a37d36.txt",
    ];
    let mut input = String::new();
    let a = std::fs::read_to_string(names[0]).unwrap();
    input.push_str(&serde_json::json!({"path": names[0], "text": a}).to_string());
    input.push('\n');
    let b = std::fs::read(names[1]).unwrap();
    let b64 = base64::engine::general_purpose::STANDARD.encode(&b);
    input.push_str(&serde_json::json!({"path": names[1], "base64": b64}).to_string());
    input.push_str("\n{broken\n");
    let mut child = Command::new(env!("CARGO_BIN_EXE_referat"))
        .args(["extract", "-q", "--stdin-ndjson"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1), "the broken line is an error");
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    for (line, name) in lines.iter().zip(names) {
        let direct = referat::extract(name, &std::fs::read(name).unwrap());
        assert_eq!(line["id"], direct.id.as_str());
        assert_eq!(line["items"].as_array().unwrap().len(), direct.items.len());
        assert_eq!(line["source"]["path"], name);
    }
    assert_eq!(lines[2]["error"]["kind"], "io");
}

/// A decision's votes are columns of its row: the counts, unanimity and
/// who voted each way joined by `; `; a decision that names no vote has
/// them null.
#[test]
fn votes_are_columns_of_the_decision() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("byraad.md");
    std::fs::write(
        &doc,
        "# Referat\n\nMødedato: 4. marts 2024\n\n## 1. Budget 2025\n\n### Beslutning\n\n\
         Godkendt.\n\nFor stemte: 20 (A, V, F)\n\nImod stemte: 3 (O)\n\n\
         ## 2. Eventuelt\n\n### Beslutning\n\nGodkendt.\n",
    )
    .unwrap();
    let db_path = dir.path().join("dataset.db");
    let db_arg = db_path.to_str().unwrap();
    referat(&[
        "extract",
        "--quiet",
        "--sqlite",
        db_arg,
        doc.to_str().unwrap(),
    ]);
    let db = rusqlite::Connection::open(&db_path).unwrap();
    type Row = (
        Option<i64>,
        Option<i64>,
        Option<i64>,
        Option<i64>,
        Option<String>,
        Option<String>,
    );
    let rows: Vec<Row> = db
        .prepare(
            "SELECT votes_for, votes_against, votes_abstained, unanimous, for_by, against_by \
             FROM decisions ORDER BY item_id",
        )
        .unwrap()
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows.len(), 2, "{rows:?}");
    let voted = rows
        .iter()
        .find(|r| r.0.is_some())
        .expect("a row with votes");
    assert_eq!(
        voted,
        &(
            Some(20),
            Some(3),
            None,
            Some(0),
            Some("A; V; F".to_string()),
            Some("O".to_string())
        )
    );
    assert!(
        rows.contains(&(None, None, None, None, None, None)),
        "{rows:?}"
    );
}
