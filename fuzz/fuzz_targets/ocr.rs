//! OCR correction on arbitrary text: the offset map leads every corrected
//! offset back inside the input.
#![no_main]
use libfuzzer_sys::fuzz_target;
use referat::ocr::{OcrMode, correct};

fuzz_target!(|text: &str| {
    let c = correct(text, OcrMode::On);
    for w in &c.corrections {
        assert!(text.get(w.range.clone()).is_some(), "{:?}", w.range);
    }
    let _ = correct(text, OcrMode::Auto);
});
