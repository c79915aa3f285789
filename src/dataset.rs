//! Write stage, datasets: records to normalized tables, written as an
//! SQLite database (`--sqlite`) or as CSV files (`--csv`).
//!
//! [`rows`] takes one [`Record`] and gives its rows for each table of
//! [`TABLES`]: `documents`, `items`, `sections`, `decisions`, `amounts`,
//! `dates`, `participants`, `attachments`, `organisations`, `tables_cells`. Every row
//! carries its document's id, so a document's rows can be replaced when
//! the same file is processed again. [`Sqlite`] and [`CsvDir`] write them.
//!
//! ```
//! let r = referat::extract("m.md", "# Referat\n\n## Punkt 1: Eventuelt\n\n### Beslutning\n\nGodkendt. Der afsættes 10.000 kr.\n".as_bytes());
//! let rows = referat::dataset::rows(&r);
//! assert_eq!(rows.get("items").len(), 1);
//! assert_eq!(rows.get("amounts").len(), 1);
//! ```

use crate::record::{AgendaItem, Amount, DateRef, IsoDate, Participant, Record, item_id};
use rusqlite::types::{ToSqlOutput, Value as SqlValue};
use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

/// A cell of a dataset row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// No value.
    Null,
    /// An integer (positions, flags, years).
    Int(i64),
    /// A number (amounts).
    Real(f64),
    /// Text.
    Text(String),
}

impl From<Option<String>> for Cell {
    fn from(v: Option<String>) -> Cell {
        v.map_or(Cell::Null, Cell::Text)
    }
}

impl From<Option<IsoDate>> for Cell {
    fn from(v: Option<IsoDate>) -> Cell {
        v.map_or(Cell::Null, |d| Cell::Text(d.to_string()))
    }
}

impl From<String> for Cell {
    fn from(v: String) -> Cell {
        Cell::Text(v)
    }
}

impl From<&str> for Cell {
    fn from(v: &str) -> Cell {
        Cell::Text(v.to_string())
    }
}

impl From<bool> for Cell {
    fn from(v: bool) -> Cell {
        Cell::Int(i64::from(v))
    }
}

impl From<usize> for Cell {
    fn from(v: usize) -> Cell {
        Cell::Int(v as i64)
    }
}

impl rusqlite::ToSql for Cell {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Owned(match self {
            Cell::Null => SqlValue::Null,
            Cell::Int(i) => SqlValue::Integer(*i),
            Cell::Real(f) => SqlValue::Real(*f),
            Cell::Text(t) => SqlValue::Text(t.clone()),
        }))
    }
}

/// A table of the dataset: its name, its columns with SQL types, and the
/// DDL after the columns (keys).
pub struct TableDef {
    /// Table name.
    pub name: &'static str,
    /// `(column, SQL type and constraints)`.
    pub columns: &'static [(&'static str, &'static str)],
    /// Table constraints (primary and foreign keys).
    pub constraints: &'static str,
    /// Columns to index.
    pub indexes: &'static [&'static str],
}

const SPAN: [(&str, &str); 3] = [
    ("span_start", "INTEGER"),
    ("span_end", "INTEGER"),
    ("line", "INTEGER"),
];

/// The tables, in the order they are created and written.
pub const TABLES: &[TableDef] = &[
    TableDef {
        name: "documents",
        columns: &[
            ("doc_id", "TEXT NOT NULL"),
            ("source_path", "TEXT NOT NULL"),
            ("sha256", "TEXT"),
            ("bytes", "INTEGER NOT NULL"),
            ("kind", "TEXT NOT NULL"),
            ("title", "TEXT"),
            ("body", "TEXT"),
            ("meeting_date", "TEXT"),
            ("start_time", "TEXT"),
            ("end_time", "TEXT"),
            ("location", "TEXT"),
            ("ocr", "INTEGER NOT NULL"),
            ("error_kind", "TEXT"),
            ("error_message", "TEXT"),
        ],
        constraints: "PRIMARY KEY (doc_id)",
        indexes: &["meeting_date", "body", "kind"],
    },
    TableDef {
        name: "items",
        columns: &[
            ("item_id", "TEXT NOT NULL"),
            ("doc_id", "TEXT NOT NULL"),
            ("position", "INTEGER NOT NULL"),
            ("number", "TEXT NOT NULL"),
            ("title", "TEXT NOT NULL"),
            ("kind", "TEXT"),
            ("case_number", "TEXT"),
            ("start_time", "TEXT"),
            ("end_time", "TEXT"),
            ("outcome", "TEXT"),
            ("span_start", "INTEGER"),
            ("span_end", "INTEGER"),
            ("line", "INTEGER"),
        ],
        constraints: "PRIMARY KEY (item_id), FOREIGN KEY (doc_id) REFERENCES documents(doc_id) ON DELETE CASCADE",
        indexes: &["doc_id", "kind", "outcome"],
    },
    TableDef {
        name: "sections",
        columns: &[
            ("doc_id", "TEXT NOT NULL"),
            ("item_id", "TEXT NOT NULL"),
            ("position", "INTEGER NOT NULL"),
            ("name", "TEXT NOT NULL"),
            ("heading", "TEXT"),
            ("text", "TEXT NOT NULL"),
        ],
        constraints: "PRIMARY KEY (item_id, position), FOREIGN KEY (item_id) REFERENCES items(item_id) ON DELETE CASCADE",
        indexes: &["doc_id", "name"],
    },
    TableDef {
        name: "decisions",
        columns: &[
            ("doc_id", "TEXT NOT NULL"),
            ("item_id", "TEXT NOT NULL"),
            ("outcome", "TEXT NOT NULL"),
            ("text", "TEXT NOT NULL"),
            ("votes_for", "INTEGER"),
            ("votes_against", "INTEGER"),
            ("votes_abstained", "INTEGER"),
            ("unanimous", "INTEGER"),
            ("for_by", "TEXT"),
            ("against_by", "TEXT"),
            ("abstained_by", "TEXT"),
        ],
        constraints: "PRIMARY KEY (item_id), FOREIGN KEY (item_id) REFERENCES items(item_id) ON DELETE CASCADE",
        indexes: &["doc_id", "outcome"],
    },
    TableDef {
        name: "amounts",
        columns: &[
            ("doc_id", "TEXT NOT NULL"),
            ("item_id", "TEXT"),
            ("position", "INTEGER NOT NULL"),
            ("value", "REAL NOT NULL"),
            ("currency", "TEXT NOT NULL"),
            ("raw", "TEXT NOT NULL"),
            ("approximate", "INTEGER NOT NULL"),
            ("per", "TEXT"),
            ("low", "REAL"),
            ("high", "REAL"),
            ("in_table", "INTEGER NOT NULL"),
            ("context", "TEXT NOT NULL"),
            SPAN[0],
            SPAN[1],
            SPAN[2],
        ],
        constraints: "PRIMARY KEY (doc_id, position), FOREIGN KEY (doc_id) REFERENCES documents(doc_id) ON DELETE CASCADE",
        indexes: &["item_id", "value"],
    },
    TableDef {
        name: "dates",
        columns: &[
            ("doc_id", "TEXT NOT NULL"),
            ("item_id", "TEXT"),
            ("position", "INTEGER NOT NULL"),
            ("raw", "TEXT NOT NULL"),
            ("value", "TEXT"),
            ("start", "TEXT"),
            ("end", "TEXT"),
            ("precision", "TEXT NOT NULL"),
            ("year_inferred", "INTEGER NOT NULL"),
            SPAN[0],
            SPAN[1],
            SPAN[2],
        ],
        constraints: "PRIMARY KEY (doc_id, position), FOREIGN KEY (doc_id) REFERENCES documents(doc_id) ON DELETE CASCADE",
        indexes: &["item_id", "value", "start"],
    },
    TableDef {
        name: "participants",
        columns: &[
            ("doc_id", "TEXT NOT NULL"),
            ("item_id", "TEXT"),
            ("position", "INTEGER NOT NULL"),
            ("name", "TEXT NOT NULL"),
            ("title", "TEXT"),
            ("organisation", "TEXT"),
            ("party", "TEXT"),
            ("role", "TEXT"),
            ("absent", "INTEGER NOT NULL"),
            SPAN[0],
            SPAN[1],
            SPAN[2],
        ],
        constraints: "PRIMARY KEY (doc_id, position), FOREIGN KEY (doc_id) REFERENCES documents(doc_id) ON DELETE CASCADE",
        indexes: &["item_id", "name", "organisation"],
    },
    TableDef {
        name: "attachments",
        columns: &[
            ("doc_id", "TEXT NOT NULL"),
            ("item_id", "TEXT NOT NULL"),
            ("position", "INTEGER NOT NULL"),
            ("name", "TEXT NOT NULL"),
        ],
        constraints: "PRIMARY KEY (item_id, position), FOREIGN KEY (item_id) REFERENCES items(item_id) ON DELETE CASCADE",
        indexes: &["doc_id"],
    },
    TableDef {
        name: "organisations",
        columns: &[
            ("doc_id", "TEXT NOT NULL"),
            ("item_id", "TEXT"),
            ("name", "TEXT NOT NULL"),
        ],
        constraints: "FOREIGN KEY (doc_id) REFERENCES documents(doc_id) ON DELETE CASCADE",
        indexes: &["doc_id", "item_id", "name"],
    },
    TableDef {
        name: "tables_cells",
        columns: &[
            ("doc_id", "TEXT NOT NULL"),
            ("table_index", "INTEGER NOT NULL"),
            ("row", "INTEGER NOT NULL"),
            ("col", "INTEGER NOT NULL"),
            ("header", "INTEGER NOT NULL"),
            ("text", "TEXT NOT NULL"),
        ],
        constraints: "PRIMARY KEY (doc_id, table_index, row, col), FOREIGN KEY (doc_id) REFERENCES documents(doc_id) ON DELETE CASCADE",
        indexes: &[],
    },
];

/// One record's rows, by table name.
#[derive(Debug, Default)]
pub struct Rows(BTreeMap<&'static str, Vec<Vec<Cell>>>);

impl Rows {
    /// The rows of one table (empty when it has none).
    pub fn get(&self, table: &str) -> &[Vec<Cell>] {
        self.0.get(table).map_or(&[], Vec::as_slice)
    }

    fn push(&mut self, table: &'static str, row: Vec<Cell>) {
        self.0.entry(table).or_default().push(row);
    }
}

fn span_cells(s: &crate::span::Span) -> [Cell; 3] {
    [s.start.into(), s.end.into(), s.line.into()]
}

fn json_name<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The item a source offset belongs to: the item whose span holds it
/// (items are in document order, so a binary search finds it).
fn owner(items: &[AgendaItem], ids: &[String], start: usize) -> Cell {
    let i = items.partition_point(|it| it.span.start <= start);
    match i.checked_sub(1) {
        Some(i) if start < items[i].span.end => Cell::Text(ids[i].clone()),
        _ => Cell::Null,
    }
}

/// The rows of one record for every table.
pub fn rows(r: &Record) -> Rows {
    let mut out = Rows::default();
    let doc = || Cell::Text(r.id.clone());
    let meeting = r.meeting.as_ref();
    out.push(
        "documents",
        vec![
            doc(),
            r.source.path.as_str().into(),
            r.source.sha256.clone().into(),
            Cell::Int(r.source.bytes as i64),
            json_name(&r.kind).into(),
            r.title.clone().into(),
            r.body.clone().into(),
            meeting.and_then(|m| m.date).into(),
            meeting.and_then(|m| m.start_time.clone()).into(),
            meeting.and_then(|m| m.end_time.clone()).into(),
            meeting.and_then(|m| m.location.clone()).into(),
            r.normalization.ocr.into(),
            r.error.as_ref().map(|e| json_name(&e.kind)).into(),
            r.error.as_ref().map(|e| e.message.clone()).into(),
        ],
    );
    let ids: Vec<String> = (1..=r.items.len()).map(|n| item_id(&r.id, n)).collect();
    for (i, (item, id)) in r.items.iter().zip(&ids).enumerate() {
        let item_cell = || Cell::Text(id.clone());
        let outcome = item.decision.as_ref().map(|d| json_name(&d.outcome));
        let [s, e, l] = span_cells(&item.span);
        out.push(
            "items",
            vec![
                item_cell(),
                doc(),
                (i + 1).into(),
                item.number.as_str().into(),
                item.title.as_str().into(),
                item.kind.map(|k| json_name(&k)).into(),
                item.case_number.clone().into(),
                item.time.as_ref().map(|t| t.start.clone()).into(),
                item.time.as_ref().and_then(|t| t.end.clone()).into(),
                outcome.clone().into(),
                s,
                e,
                l,
            ],
        );
        for (j, sec) in item.sections.iter().enumerate() {
            out.push(
                "sections",
                vec![
                    doc(),
                    item_cell(),
                    (j + 1).into(),
                    json_name(&sec.name).into(),
                    sec.heading.clone().into(),
                    sec.text.as_str().into(),
                ],
            );
        }
        if let Some(d) = &item.decision {
            let v = d.votes.as_ref();
            let count = |n: Option<u32>| n.map_or(Cell::Null, |n| Cell::Int(i64::from(n)));
            // Who voted each way, joined by `; ` (null when no one is named).
            let who = |w: Option<&Vec<String>>| -> Cell {
                w.filter(|w| !w.is_empty()).map(|w| w.join("; ")).into()
            };
            out.push(
                "decisions",
                vec![
                    doc(),
                    item_cell(),
                    json_name(&d.outcome).into(),
                    d.text.as_str().into(),
                    count(v.and_then(|v| v.in_favour)),
                    count(v.and_then(|v| v.against)),
                    count(v.and_then(|v| v.abstained)),
                    v.map_or(Cell::Null, |v| v.unanimous.into()),
                    who(v.map(|v| &v.for_by)),
                    who(v.map(|v| &v.against_by)),
                    who(v.map(|v| &v.abstained_by)),
                ],
            );
        }
        for (j, a) in item.attachments.iter().enumerate() {
            out.push(
                "attachments",
                vec![doc(), item_cell(), (j + 1).into(), a.as_str().into()],
            );
        }
    }
    for (j, a) in r.amounts.iter().enumerate() {
        out.push(
            "amounts",
            amount_row(doc(), owner(&r.items, &ids, a.span.start), j, a),
        );
    }
    for (j, d) in r.dates.iter().enumerate() {
        out.push(
            "dates",
            date_row(doc(), owner(&r.items, &ids, d.span.start), j, d),
        );
    }
    // Meeting participants first (no item), then the people of each item.
    let mut position = 0;
    let mut person = |out: &mut Rows, item: Cell, p: &Participant| {
        position += 1;
        out.push("participants", participant_row(doc(), item, position, p));
    };
    for p in &r.participants {
        person(&mut out, Cell::Null, p);
    }
    for (item, id) in r.items.iter().zip(&ids) {
        for p in &item.people {
            person(&mut out, Cell::Text(id.clone()), p);
        }
    }
    // The document's bodies (no item), then each item's.
    for name in &r.organisations {
        out.push(
            "organisations",
            vec![doc(), Cell::Null, name.as_str().into()],
        );
    }
    for (item, id) in r.items.iter().zip(&ids) {
        for name in &item.organisations {
            let item = Cell::Text(id.clone());
            out.push("organisations", vec![doc(), item, name.as_str().into()]);
        }
    }
    for (t, table) in r.tables.iter().enumerate() {
        let rows =
            std::iter::once((true, &table.header)).chain(table.rows.iter().map(|r| (false, r)));
        for (ri, (header, row)) in rows.enumerate() {
            for (ci, cell) in row.iter().enumerate() {
                out.push(
                    "tables_cells",
                    vec![
                        doc(),
                        t.into(),
                        ri.into(),
                        ci.into(),
                        header.into(),
                        cell.as_str().into(),
                    ],
                );
            }
        }
    }
    out
}

fn amount_row(doc: Cell, item: Cell, j: usize, a: &Amount) -> Vec<Cell> {
    let [s, e, l] = span_cells(&a.span);
    vec![
        doc,
        item,
        (j + 1).into(),
        Cell::Real(a.value),
        a.currency.as_ref().into(),
        a.raw.as_str().into(),
        a.approximate.into(),
        a.per.clone().into(),
        a.range.as_ref().map_or(Cell::Null, |r| Cell::Real(r.low)),
        a.range.as_ref().map_or(Cell::Null, |r| Cell::Real(r.high)),
        a.in_table.into(),
        a.context.as_str().into(),
        s,
        e,
        l,
    ]
}

fn date_row(doc: Cell, item: Cell, j: usize, d: &DateRef) -> Vec<Cell> {
    let [s, e, l] = span_cells(&d.span);
    vec![
        doc,
        item,
        (j + 1).into(),
        d.raw.as_str().into(),
        d.value.into(),
        d.start.into(),
        d.end.into(),
        d.precision.as_ref().into(),
        d.year_inferred.into(),
        s,
        e,
        l,
    ]
}

fn participant_row(doc: Cell, item: Cell, position: usize, p: &Participant) -> Vec<Cell> {
    let [s, e, l] = span_cells(&p.span);
    vec![
        doc,
        item,
        position.into(),
        p.name.as_str().into(),
        p.title.clone().into(),
        p.organisation.clone().into(),
        p.party.clone().into(),
        p.role.clone().into(),
        p.absent.into(),
        s,
        e,
        l,
    ]
}

/// A failure writing a dataset.
#[derive(Debug, thiserror::Error)]
pub enum DatasetError {
    /// SQLite refused.
    #[error("{path}: {source}")]
    Sqlite {
        /// The database file.
        path: PathBuf,
        /// What SQLite said.
        source: rusqlite::Error,
    },
    /// A CSV file could not be written.
    #[error("{path}: {source}")]
    Csv {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: io::Error,
    },
}

/// An SQLite dataset being written: records are buffered and committed in
/// batches, one transaction each, so an interrupted run leaves whole
/// documents only. A document already in the database (same id) has its
/// rows replaced.
pub struct Sqlite {
    conn: rusqlite::Connection,
    path: PathBuf,
    pending: Vec<Rows>,
    batch: usize,
}

/// Documents per transaction.
const BATCH: usize = 256;

impl Sqlite {
    /// Opens (or creates) the database at `path` and its tables.
    pub fn open(path: &Path) -> Result<Sqlite, DatasetError> {
        let err = |source| DatasetError::Sqlite {
            path: path.to_path_buf(),
            source,
        };
        let conn = rusqlite::Connection::open(path).map_err(err)?;
        conn.execute_batch(&schema_sql()).map_err(err)?;
        conn.execute(
            "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?1), ('referat_version', ?2)",
            [crate::record::SCHEMA_VERSION, env!("CARGO_PKG_VERSION")],
        )
        .map_err(err)?;
        Ok(Sqlite {
            conn,
            path: path.to_path_buf(),
            pending: Vec::new(),
            batch: BATCH,
        })
    }

    /// Adds one record (written at the next batch boundary or [`Sqlite::finish`]).
    pub fn add(&mut self, r: &Record) -> Result<(), DatasetError> {
        self.pending.push(rows(r));
        if self.pending.len() >= self.batch {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), DatasetError> {
        let path = self.path.clone();
        let err = |source| DatasetError::Sqlite {
            path: path.clone(),
            source,
        };
        let tx = self.conn.transaction().map_err(err)?;
        for rows in self.pending.drain(..) {
            if let Some(doc) = rows.get("documents").first().and_then(|r| r.first()) {
                // Children first: replacing a document replaces all its rows.
                for t in TABLES.iter().rev() {
                    tx.execute(&format!("DELETE FROM {} WHERE doc_id = ?1", t.name), [doc])
                        .map_err(err)?;
                }
            }
            for t in TABLES {
                let marks = vec!["?"; t.columns.len()].join(", ");
                let mut stmt = tx
                    .prepare_cached(&format!("INSERT INTO {} VALUES ({marks})", t.name))
                    .map_err(err)?;
                for row in rows.get(t.name) {
                    stmt.execute(rusqlite::params_from_iter(row.iter()))
                        .map_err(err)?;
                }
            }
        }
        tx.commit().map_err(err)
    }

    /// Writes what is pending and closes the database.
    pub fn finish(mut self) -> Result<(), DatasetError> {
        self.flush()
    }
}

/// The DDL of the dataset: tables, indexes and `meta`.
pub fn schema_sql() -> String {
    let mut sql = String::from(
        "PRAGMA foreign_keys = ON;\nCREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);\n",
    );
    for t in TABLES {
        let cols: Vec<String> = t
            .columns
            .iter()
            .map(|(c, ty)| format!("\"{c}\" {ty}"))
            .collect();
        sql.push_str(&format!(
            "CREATE TABLE IF NOT EXISTS {} ({}, {});\n",
            t.name,
            cols.join(", "),
            t.constraints
        ));
        for c in t.indexes {
            sql.push_str(&format!(
                "CREATE INDEX IF NOT EXISTS {0}_{1} ON {0}(\"{1}\");\n",
                t.name, c
            ));
        }
    }
    sql
}

/// CSV files of the dataset in a folder, one per table, each with a header
/// row (RFC 4180 quoting, UTF-8). Text cells that a spreadsheet would take
/// for a formula (`=`, `+`, `-`, `@`, tab, carriage return first) get a `'`
/// in front unless `raw` is set.
pub struct CsvDir {
    dir: PathBuf,
    writers: Vec<csv::Writer<crate::output::AtomicFile>>,
    raw: bool,
}

impl CsvDir {
    /// Creates the folder (if needed) and one file per table, each under a
    /// temporary name until [`CsvDir::finish`]: a run that fails or is
    /// interrupted leaves the folder's previous files as they were.
    pub fn create(dir: &Path, raw: bool) -> Result<CsvDir, DatasetError> {
        let err = |path: PathBuf, source| DatasetError::Csv { path, source };
        std::fs::create_dir_all(dir).map_err(|e| err(dir.to_path_buf(), e))?;
        let mut writers = Vec::new();
        for t in TABLES {
            let path = dir.join(format!("{}.csv", t.name));
            let file =
                crate::output::AtomicFile::create(&path).map_err(|e| err(path.clone(), e))?;
            let mut w = csv::Writer::from_writer(file);
            w.write_record(t.columns.iter().map(|(c, _)| *c))
                .map_err(|e| err(path.clone(), e.into()))?;
            writers.push(w);
        }
        Ok(CsvDir {
            dir: dir.to_path_buf(),
            writers,
            raw,
        })
    }

    /// Writes one record's rows.
    pub fn add(&mut self, r: &Record) -> Result<(), DatasetError> {
        let rows = rows(r);
        for (t, w) in TABLES.iter().zip(&mut self.writers) {
            for row in rows.get(t.name) {
                let cells = row.iter().map(|c| csv_cell(c, self.raw));
                w.write_record(cells).map_err(|e| DatasetError::Csv {
                    path: self.dir.join(format!("{}.csv", t.name)),
                    source: e.into(),
                })?;
            }
        }
        Ok(())
    }

    /// Flushes every file and renames it into place.
    pub fn finish(self) -> Result<(), DatasetError> {
        for (t, w) in TABLES.iter().zip(self.writers) {
            let err = |source| DatasetError::Csv {
                path: self.dir.join(format!("{}.csv", t.name)),
                source,
            };
            let file = w.into_inner().map_err(|e| err(e.into_error()))?;
            file.commit().map_err(err)?;
        }
        Ok(())
    }
}

/// One CSV cell; text that opens like a formula is defused with a `'`.
pub fn csv_cell(c: &Cell, raw: bool) -> String {
    match c {
        Cell::Null => String::new(),
        Cell::Int(i) => i.to_string(),
        Cell::Real(f) => f.to_string(),
        Cell::Text(t) if !raw && t.starts_with(['=', '+', '-', '@', '\t', '\r']) => format!("'{t}"),
        Cell::Text(t) => t.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_fits_its_table() {
        for path in std::fs::read_dir("fixtures").unwrap() {
            let path = path.unwrap().path();
            if path.extension().is_none_or(|e| e != "txt") {
                continue;
            }
            let r = crate::extract(&path.to_string_lossy(), &std::fs::read(&path).unwrap());
            let rows = rows(&r);
            for t in TABLES {
                for row in rows.get(t.name) {
                    assert_eq!(row.len(), t.columns.len(), "{}", t.name);
                }
            }
            assert_eq!(rows.get("documents").len(), 1);
            assert_eq!(rows.get("items").len(), r.items.len());
            assert_eq!(rows.get("amounts").len(), r.amounts.len());
        }
    }

    #[test]
    fn formulas_are_defused_unless_raw() {
        let c = Cell::Text("=HYPERLINK(\"x\")".into());
        assert_eq!(csv_cell(&c, false), "'=HYPERLINK(\"x\")");
        assert_eq!(csv_cell(&c, true), "=HYPERLINK(\"x\")");
        assert_eq!(csv_cell(&Cell::Text("-5 kr.".into()), false), "'-5 kr.");
        assert_eq!(csv_cell(&Cell::Real(-5.0), false), "-5");
        assert_eq!(csv_cell(&Cell::Text("Godkendt".into()), false), "Godkendt");
    }
}
