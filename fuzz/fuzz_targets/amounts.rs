//! The amount extractor on arbitrary text: ranges on char boundaries.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for a in referat::amounts::amounts(text) {
        assert!(text.get(a.range.clone()).is_some(), "{:?}", a.range);
        let _ = referat::amounts::context(text, &a.range, 200);
    }
    let _ = referat::amounts::parse_number(text, true);
    let _ = referat::amounts::parse_number(text, false);
});
