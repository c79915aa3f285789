//! Dates, periods, and times on arbitrary text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use referat::dates::{DateContext, dates};

fuzz_target!(|text: &str| {
    let ctx = DateContext {
        anchor: Some((2024, 2, 29)),
    };
    for d in dates(text, &ctx) {
        assert!(text.get(d.range.clone()).is_some(), "{:?}", d.range);
    }
    let _ = dates(text, &DateContext::default());
    let _ = referat::datetime::find_date(text);
    let _ = referat::datetime::find_times(text);
    let _ = referat::datetime::parse_iso_date(text);
});
