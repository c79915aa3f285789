//! The item stream loaded into a real search engine (tantivy): an item is
//! found by a Danish word of its decision, and filtered by meeting date.

use tantivy::collector::TopDocs;
use tantivy::query::QueryParser;
use tantivy::schema::{FAST, INDEXED, STORED, STRING, Schema, TEXT, Value};
use tantivy::{DateTime, Index, TantivyDocument, doc};

#[test]
fn items_are_found_by_a_decision_word_and_a_date_range() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_referat"))
        .args(["extract", "--quiet", "--items", "fixtures"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();

    let mut sb = Schema::builder();
    let item_id = sb.add_text_field("item_id", STRING | STORED);
    let decision = sb.add_text_field("decision", TEXT);
    let text = sb.add_text_field("text", TEXT);
    let date = sb.add_date_field("meeting_date", INDEXED | FAST | STORED);
    let index = Index::create_in_ram(sb.build());
    let mut writer = index.writer(20_000_000).unwrap();
    for l in &lines {
        let mut d = doc!(
            item_id => l["item_id"].as_str().unwrap(),
            text => l["text"].as_str().unwrap(),
        );
        if let Some(t) = l["decision"]["text"].as_str() {
            d.add_text(decision, t);
        }
        if let Some(day) = l["meeting_date"].as_str() {
            let secs = days_from_civil(day) * 86_400;
            d.add_date(date, DateTime::from_timestamp_secs(secs));
        }
        writer.add_document(d).unwrap();
    }
    writer.commit().unwrap();
    let searcher = index.reader().unwrap().searcher();
    let parser = QueryParser::for_index(&index, vec![decision, text]);
    let ids = |q: &str| -> Vec<String> {
        let query = parser.parse_query(q).unwrap();
        searcher
            .search(&query, &TopDocs::with_limit(50).order_by_score())
            .unwrap()
            .into_iter()
            .map(|(_, addr)| {
                let d: TantivyDocument = searcher.doc(addr).unwrap();
                d.get_first(item_id)
                    .and_then(|v| v.as_str())
                    .unwrap()
                    .to_string()
            })
            .collect()
    };
    let seed_003 = lines
        .iter()
        .find(|l| l["source_path"].as_str().unwrap().contains("003_"))
        .unwrap()["doc_id"]
        .as_str()
        .unwrap()
        .to_string();
    // Item 8 of seed 003 decided: `Data fra vaccinationssæsonen 2023-24 blev taget til efterretning`.
    let hits = ids("decision:vaccinationssæsonen");
    assert_eq!(hits, [format!("{seed_003}-8")]);
    // The same word within the meeting's month, and not in another year.
    let april = ids(
        "decision:vaccinationssæsonen AND meeting_date:[2024-04-01T00:00:00Z TO 2024-05-01T00:00:00Z]",
    );
    assert_eq!(april, [format!("{seed_003}-8")]);
    let other = ids(
        "decision:vaccinationssæsonen AND meeting_date:[2023-01-01T00:00:00Z TO 2024-01-01T00:00:00Z]",
    );
    assert!(other.is_empty());
    // Full text: a word of seed 002's item texts finds items of that meeting only.
    let march = ids(
        "text:hoftebrudsforløb AND meeting_date:[2024-03-01T00:00:00Z TO 2024-03-02T00:00:00Z]",
    );
    assert!(!march.is_empty());
    assert!(march.iter().all(|id| !id.starts_with(&seed_003)));
}

/// Days since 1970-01-01 of an ISO day (Howard Hinnant's algorithm).
fn days_from_civil(iso: &str) -> i64 {
    let p: Vec<i64> = iso.split('-').map(|x| x.parse().unwrap()).collect();
    let (y, m, d) = (if p[1] <= 2 { p[0] - 1 } else { p[0] }, p[1], p[2]);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}
