//! Evaluation: records against hand-made gold files (`referat eval`).
//!
//! A gold file is JSON, `<gold dir>/<file stem>.json`, written by hand for
//! one document (every field optional):
//!
//! ```json
//! {"kind": "minutes", "meeting_date": "2024-03-01",
//!  "items": [{"number": "1", "title": "Velkomst", "kind": "velkomst", "outcome": "none"}],
//!  "amounts": [89500.0],
//!  "dates": [{"start": "2024-03-01", "end": "2024-03-01"}],
//!  "participants": ["Thomas Krarup"]}
//! ```
//!
//! [`score`] compares one record with its gold: items (by number), amounts
//! (by value), dates (by first and last day) and participants (by name) as
//! precision, recall and F1; item titles, kinds and outcomes as accuracy
//! over the items found; the document's kind and meeting date as accuracy.
//!
//! ```
//! use referat::eval::{Gold, score};
//! let r = referat::extract("m.md", "# Referat\n\n## Punkt 1: Eventuelt\n\n### Beslutning\n\nGodkendt. 10.000 kr.\n".as_bytes());
//! let gold: Gold = serde_json::from_str(r#"{"items": [{"number": "1"}], "amounts": [10000, 5]}"#).unwrap();
//! let s = score(&r, &gold);
//! assert_eq!((s.items.tp, s.items.fp, s.items.fn_), (1, 0, 0));
//! assert_eq!((s.amounts.tp, s.amounts.fn_), (1, 1));
//! ```

use crate::record::{DocKind, ItemKind, Outcome, Record};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A hand-made gold file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gold {
    /// The document's kind.
    pub kind: Option<DocKind>,
    /// The meeting's date, `YYYY-MM-DD`.
    pub meeting_date: Option<String>,
    /// The agenda items.
    #[serde(default)]
    pub items: Vec<GoldItem>,
    /// Every money amount, in DKK.
    #[serde(default)]
    pub amounts: Vec<f64>,
    /// Every date and period.
    #[serde(default)]
    pub dates: Vec<GoldDate>,
    /// The meeting's participants, by name.
    #[serde(default)]
    pub participants: Vec<String>,
}

/// An agenda item of a gold file; only `number` is required.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldItem {
    /// The item's number as written (`1`, `7a`).
    pub number: String,
    /// Its title.
    pub title: Option<String>,
    /// Its kind.
    pub kind: Option<ItemKind>,
    /// The decision's outcome.
    pub outcome: Option<Outcome>,
}

/// A date or period of a gold file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldDate {
    /// First day, `YYYY-MM-DD`.
    pub start: Option<String>,
    /// Last day, `YYYY-MM-DD`.
    pub end: Option<String>,
}

/// True and false positives and negatives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Found and in the gold.
    pub tp: usize,
    /// Found, not in the gold.
    pub fp: usize,
    /// In the gold, not found.
    pub fn_: usize,
}

impl Counts {
    /// tp / (tp + fp); 1 when nothing was found and nothing was wanted.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// tp / (tp + fn).
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

/// Right answers out of those asked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Accuracy {
    /// Right.
    pub right: usize,
    /// Asked.
    pub total: usize,
}

impl Accuracy {
    /// right / total (1 when nothing was asked).
    pub fn value(&self) -> f64 {
        ratio(self.right, self.total)
    }

    fn check(&mut self, ok: bool) {
        self.total += 1;
        self.right += usize::from(ok);
    }

    fn add(&mut self, o: Accuracy) {
        self.right += o.right;
        self.total += o.total;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// The scores of one document, or of many added up.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Scores {
    /// Items, matched by number.
    pub items: Counts,
    /// Amounts, matched by value (to the øre).
    pub amounts: Counts,
    /// Dates, matched by first and last day.
    pub dates: Counts,
    /// Participants, matched by name (case and spacing ignored).
    pub participants: Counts,
    /// Titles of matched items (whitespace ignored).
    pub titles: Accuracy,
    /// Kinds of matched items the gold gives a kind for.
    pub kinds: Accuracy,
    /// Outcomes of matched items the gold gives an outcome for.
    pub outcomes: Accuracy,
    /// The document's kind.
    pub doc_kind: Accuracy,
    /// The meeting date.
    pub meeting_date: Accuracy,
}

impl Scores {
    /// Adds another document's scores.
    pub fn add(&mut self, o: &Scores) {
        self.items.add(o.items);
        self.amounts.add(o.amounts);
        self.dates.add(o.dates);
        self.participants.add(o.participants);
        self.titles.add(o.titles);
        self.kinds.add(o.kinds);
        self.outcomes.add(o.outcomes);
        self.doc_kind.add(o.doc_kind);
        self.meeting_date.add(o.meeting_date);
    }
}

/// Multiset matching: how many of `found` are in `gold`, counting repeats.
fn multiset<K: std::hash::Hash + Eq>(found: Vec<K>, gold: Vec<K>) -> Counts {
    let mut want: HashMap<K, usize> = HashMap::new();
    let gold_len = gold.len();
    for g in gold {
        *want.entry(g).or_default() += 1;
    }
    let found_len = found.len();
    let mut tp = 0;
    for f in found {
        if let Some(n) = want.get_mut(&f)
            && *n > 0
        {
            *n -= 1;
            tp += 1;
        }
    }
    Counts {
        tp,
        fp: found_len - tp,
        fn_: gold_len - tp,
    }
}

fn squash(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Compares one record with its gold.
pub fn score(r: &Record, gold: &Gold) -> Scores {
    let mut s = Scores {
        items: multiset(
            r.items.iter().map(|i| i.number.clone()).collect(),
            gold.items.iter().map(|i| i.number.clone()).collect(),
        ),
        amounts: multiset(
            r.amounts
                .iter()
                .map(|a| (a.value * 100.0).round() as i64)
                .collect(),
            gold.amounts
                .iter()
                .map(|v| (v * 100.0).round() as i64)
                .collect(),
        ),
        dates: multiset(
            r.dates
                .iter()
                .map(|d| GoldDate {
                    start: d.start.map(|s| s.to_string()),
                    end: d.end.map(|e| e.to_string()),
                })
                .collect(),
            gold.dates.clone(),
        ),
        participants: multiset(
            r.participants.iter().map(|p| squash(&p.name)).collect(),
            gold.participants.iter().map(|n| squash(n)).collect(),
        ),
        ..Scores::default()
    };
    for g in &gold.items {
        let Some(found) = r.items.iter().find(|i| i.number == g.number) else {
            continue;
        };
        if let Some(t) = &g.title {
            s.titles.check(squash(t) == squash(&found.title));
        }
        if let Some(k) = g.kind {
            s.kinds.check(found.kind == Some(k));
        }
        if let Some(o) = g.outcome {
            s.outcomes
                .check(found.decision.as_ref().map_or(Outcome::None, |d| d.outcome) == o);
        }
    }
    if let Some(k) = gold.kind {
        s.doc_kind.check(r.kind == k);
    }
    if let Some(d) = &gold.meeting_date {
        s.meeting_date
            .check(r.meeting.as_ref().and_then(|m| m.date.as_deref()) == Some(d.as_str()));
    }
    s
}

/// The scores as a table: one line per measure.
pub fn report(s: &Scores) -> String {
    let mut out = String::from("measure        precision  recall      f1   (tp/fp/fn)\n");
    for (name, c) in [
        ("items", s.items),
        ("amounts", s.amounts),
        ("dates", s.dates),
        ("participants", s.participants),
    ] {
        out.push_str(&format!(
            "{name:<14} {:>9.3} {:>7.3} {:>7.3}   ({}/{}/{})\n",
            c.precision(),
            c.recall(),
            c.f1(),
            c.tp,
            c.fp,
            c.fn_
        ));
    }
    out.push_str("measure        accuracy   (right/asked)\n");
    for (name, a) in [
        ("item titles", s.titles),
        ("item kinds", s.kinds),
        ("outcomes", s.outcomes),
        ("document kind", s.doc_kind),
        ("meeting date", s.meeting_date),
    ] {
        out.push_str(&format!(
            "{name:<14} {:>8.3}   ({}/{})\n",
            a.value(),
            a.right,
            a.total
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multisets_count_repeats() {
        let c = multiset(vec![1, 1, 2, 3], vec![1, 2, 2, 4]);
        assert_eq!((c.tp, c.fp, c.fn_), (2, 2, 2));
        assert!((c.precision() - 0.5).abs() < 1e-9);
        assert!((c.f1() - 0.5).abs() < 1e-9);
        let none = multiset::<i32>(vec![], vec![]);
        assert_eq!(none.precision(), 1.0);
    }

    #[test]
    fn a_wrong_gold_scores_low() {
        let r = crate::extract(
            "m.md",
            "# Referat\n\n## Punkt 1: Eventuelt\n\n### Beslutning\n\nGodkendt.\n".as_bytes(),
        );
        let gold: Gold = serde_json::from_str(
            r#"{"kind": "agenda", "items": [{"number": "2"}, {"number": "1", "title": "Andet", "outcome": "rejected"}]}"#,
        )
        .unwrap();
        let s = score(&r, &gold);
        assert_eq!((s.items.tp, s.items.fn_), (1, 1));
        assert_eq!((s.titles.right, s.titles.total), (0, 1));
        assert_eq!((s.outcomes.right, s.outcomes.total), (0, 1));
        assert_eq!((s.doc_kind.right, s.doc_kind.total), (0, 1));
    }
}
