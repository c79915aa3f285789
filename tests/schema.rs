//! Every record the fixtures give validates against `referat schema`.

use std::process::Command;

#[test]
fn fixture_records_validate_against_the_schema() {
    let schema = referat::record::json_schema();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let mut checked = 0;
    for entry in std::fs::read_dir("fixtures").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let record = referat::extract(&path.to_string_lossy(), &bytes);
        let value = serde_json::to_value(&record).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
        // And the JSON reads back into the same record (no unknown fields).
        let back: referat::record::Record = serde_json::from_value(value).unwrap();
        assert_eq!(back, record);
        checked += 1;
    }
    assert_eq!(checked, 5);
}

#[test]
fn error_records_validate_too() {
    let schema = referat::record::json_schema();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let r = referat::extract("x.pdf", b"%PDF-1.7\x00\x00");
    assert!(validator.is_valid(&serde_json::to_value(&r).unwrap()));
    // A record missing a required field does not validate: the check can fail.
    let mut v = serde_json::to_value(&r).unwrap();
    v.as_object_mut().unwrap().remove("items");
    assert!(!validator.is_valid(&v));
}

#[test]
fn schema_command_prints_the_schema() {
    let out = Command::new(env!("CARGO_BIN_EXE_referat"))
        .arg("schema")
        .output()
        .unwrap();
    assert!(out.status.success());
    let printed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(printed, referat::record::json_schema());
    assert!(printed["properties"]["items"].is_object());
}

/// The schema files in `schema/` are what `referat schema [--items]`
/// prints: regenerate them when the types change
/// (`referat schema > schema/referat.schema.json`,
/// `referat schema --items > schema/referat-item.schema.json`).
#[test]
fn checked_in_schemas_match_the_types() {
    for (file, schema) in [
        ("schema/referat.schema.json", referat::record::json_schema()),
        (
            "schema/referat-item.schema.json",
            referat::record::item_json_schema(),
        ),
    ] {
        let text = std::fs::read_to_string(file).unwrap();
        let checked_in: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            checked_in, schema,
            "{file} is stale: regenerate it with `referat schema`"
        );
    }
}

#[test]
fn item_lines_validate_against_the_item_schema() {
    let schema = referat::record::item_json_schema();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let opts = referat::ExtractOptions {
        keep_text: true,
        ..Default::default()
    };
    let mut lines = 0;
    for entry in std::fs::read_dir("fixtures").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let record = referat::extract_with(&path.to_string_lossy(), &bytes, &opts);
        for item in referat::record::item_records(&record) {
            let value = serde_json::to_value(&item).unwrap();
            let errors: Vec<String> = validator
                .iter_errors(&value)
                .map(|e| e.to_string())
                .collect();
            assert!(errors.is_empty(), "{}: {errors:?}", item.item_id);
            assert!(!item.text.is_empty(), "{}", item.item_id);
            lines += 1;
        }
    }
    // 15 + 12 items in the minutes, one line for each of the other three.
    assert_eq!(lines, 30);
}
