//! The whole pipeline on arbitrary bytes: never panics, the record
//! serializes, and every span lies inside the input.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let record = referat::extract("fuzz.txt", bytes);
    let json = serde_json::to_value(&record).expect("a record serializes");
    check_spans(&json, bytes.len());
});

fn check_spans(v: &serde_json::Value, len: usize) {
    match v {
        serde_json::Value::Object(map) => {
            if let (Some(s), Some(e)) = (map.get("start"), map.get("end"))
                && let (Some(s), Some(e)) = (s.as_u64(), e.as_u64())
                && map.contains_key("line")
            {
                assert!(s <= e && e as usize <= len, "span {s}..{e} outside {len} bytes");
            }
            map.values().for_each(|v| check_spans(v, len));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| check_spans(v, len)),
        _ => {}
    }
}
