//! Names, participant lines, organisations and decisions on arbitrary text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for (_, r) in referat::people::mentions(text) {
        assert!(text.get(r.clone()).is_some(), "{r:?}");
    }
    for line in text.lines() {
        let _ = referat::people::parse_line(line, true);
        let _ = referat::people::parse_line(line, false);
    }
    let _ = referat::orgs::mentions(text);
    let _ = referat::orgs::organisations(text);
    let _ = referat::decision::outcome(text);
});
