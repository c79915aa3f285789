//! Form fields, slots, summaries and grant sentences on arbitrary text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let fields = referat::forms::fields(text);
    let _ = referat::forms::slots(&fields);
    let _ = referat::forms::fields_with(text, true);
    let _ = referat::forms::summary_block(text, 2000);
    let _ = referat::forms::grant_sentence(text);
});
