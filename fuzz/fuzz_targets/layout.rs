//! Normalize, blocks, segmentation and tables on arbitrary text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let n = referat::normalize::normalize(text);
    let t = &n.text;
    let format = referat::blocks::detect_format(t);
    let blocks = referat::blocks::blocks(t, format);
    for b in &blocks {
        assert!(t.get(b.start..b.end).is_some(), "{}..{}", b.start, b.end);
    }
    let _ = referat::segment::segment(&blocks);
    let _ = referat::tables::tables(t, &blocks);
    let _ = referat::tables::flattened(&blocks);
});
