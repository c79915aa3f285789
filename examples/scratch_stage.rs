//! Times one stage over a folder's documents, in process: best of N rounds.
use referat::caseless::Haystack;
use std::time::Instant;
fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let stage = std::env::args().nth(2).unwrap();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    let texts: Vec<String> = files
        .iter()
        .map(|f| {
            let b = std::fs::read(f).unwrap();
            let d = referat::decode::decode(&b).unwrap();
            let n = referat::normalize::normalize(&d.text).text.to_string();
            referat::ocr::correct(&n, referat::ocr::OcrMode::Auto)
                .text
                .to_string()
        })
        .collect();
    let hays: Vec<Haystack> = texts.iter().map(|t| Haystack::new(t)).collect();
    let mut best = f64::MAX;
    let mut n = 0;
    for _ in 0..7 {
        let t = Instant::now();
        n = 0;
        for h in &hays {
            n += match stage.as_str() {
                "dates" => referat::dates::dates_in(
                    h,
                    &referat::dates::DateContext {
                        anchor: Some((2024, 3, 1)),
                    },
                )
                .len(),
                "orgs" => referat::orgs::mentions_in(h).len(),
                "amounts" => referat::amounts::amounts_in(h).len(),
                "ocr" => referat::ocr::correct(h.text(), referat::ocr::OcrMode::Auto)
                    .corrections
                    .len(),
                _ => panic!("stage"),
            };
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    eprintln!("{stage}: {n} found, best {:.2} ms", best * 1e3);
}
