//! Throughput of each pipeline stage and of the whole pipeline on the seeds.
//!
//! `cargo bench` (or `cargo bench -- segment` for one stage). Every group
//! reports bytes per second of source text.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn seeds() -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir("fixtures")
        .expect("run from the repository root")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

fn stages(c: &mut Criterion) {
    let seeds = seeds();
    let all: Vec<u8> = seeds.iter().flat_map(|(_, b)| b.iter().copied()).collect();
    let total = all.len() as u64;

    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::Bytes(total));
    g.bench_function("decode", |b| {
        b.iter(|| {
            for (_, bytes) in &seeds {
                black_box(referat::decode::decode(bytes).unwrap());
            }
        })
    });
    let decoded: Vec<String> = seeds
        .iter()
        .map(|(_, b)| referat::decode::decode(b).unwrap().text.into_owned())
        .collect();
    g.bench_function("normalize", |b| {
        b.iter(|| {
            for t in &decoded {
                black_box(referat::normalize::normalize(t));
            }
        })
    });
    let normalized: Vec<(String, referat::blocks::Format)> = decoded
        .iter()
        .map(|t| {
            let n = referat::normalize::normalize(t).text.into_owned();
            let f = referat::blocks::detect_format(&n);
            (n, f)
        })
        .collect();
    g.bench_function("blocks", |b| {
        b.iter(|| {
            for (t, f) in &normalized {
                black_box(referat::blocks::blocks(t, *f));
            }
        })
    });
    let blocks: Vec<_> = normalized
        .iter()
        .map(|(t, f)| referat::blocks::blocks(t, *f))
        .collect();
    g.bench_function("segment", |b| {
        b.iter(|| {
            for bl in &blocks {
                black_box(referat::segment::segment(bl));
            }
        })
    });
    // The value extractors, each over the normalized text of every seed.
    g.bench_function("amounts", |b| {
        b.iter(|| {
            for (t, _) in &normalized {
                black_box(referat::amounts::amounts(t));
            }
        })
    });
    g.bench_function("dates", |b| {
        let ctx = referat::dates::DateContext {
            anchor: Some((2024, 3, 1)),
        };
        b.iter(|| {
            for (t, _) in &normalized {
                black_box(referat::dates::dates(t, &ctx));
            }
        })
    });
    g.bench_function("times", |b| {
        b.iter(|| {
            for (t, _) in &normalized {
                // Every clock time, as item titles and heads are read.
                for line in t.lines() {
                    black_box(referat::datetime::find_times(line));
                }
            }
        })
    });
    // The OCR gate on all seeds (four clean, one scan, which is corrected
    // from scratch: the per-thread word cache emptied each time).
    g.bench_function("ocr", |b| {
        use referat::ocr::{OcrMode, clear_word_cache, correct};
        b.iter(|| {
            clear_word_cache();
            for (t, _) in &normalized {
                black_box(correct(t, OcrMode::Auto));
            }
        })
    });
    let records: Vec<_> = seeds.iter().map(|(n, b)| referat::extract(n, b)).collect();
    g.bench_function("serialize", |b| {
        b.iter(|| {
            for r in &records {
                black_box(serde_json::to_vec(r).unwrap());
            }
        })
    });
    g.finish();

    // OCR correction alone: the scanned seed, corrected; the clean seeds,
    // gate only. The lexicon is loaded before timing starts.
    let _ = referat::ocr::Lexicon::get();
    let mut g = c.benchmark_group("ocr");
    for (scan, set) in [(true, "scan"), (false, "clean")] {
        let texts: Vec<&String> = normalized
            .iter()
            .map(|(t, _)| t)
            .filter(|t| referat::ocr::looks_scanned(t) == scan)
            .collect();
        g.throughput(Throughput::Bytes(
            texts.iter().map(|t| t.len() as u64).sum(),
        ));
        // A document's first visit: the per-thread word cache emptied
        // before each document, untimed (emptying it is no part of
        // correcting a document).
        g.bench_function(set, |b| {
            b.iter_custom(|iters| {
                let mut total = std::time::Duration::ZERO;
                for _ in 0..iters {
                    for t in &texts {
                        referat::ocr::clear_word_cache();
                        let start = std::time::Instant::now();
                        black_box(referat::ocr::correct(t, referat::ocr::OcrMode::Auto));
                        total += start.elapsed();
                    }
                }
                total
            })
        });
        if scan {
            // In a batch, the words of earlier scans are known already.
            g.bench_function("scan-warm", |b| {
                b.iter(|| {
                    for t in &texts {
                        black_box(referat::ocr::correct(t, referat::ocr::OcrMode::Auto));
                    }
                })
            });
        }
    }
    g.finish();

    // Each document as if seen for the first time: the OCR word cache,
    // which would otherwise remember the scan from the last iteration, is
    // emptied.
    let mut g = c.benchmark_group("pipeline");
    for (name, bytes) in &seeds {
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), bytes, |b, bytes| {
            b.iter(|| {
                referat::ocr::clear_word_cache();
                black_box(referat::extract(name, bytes))
            })
        });
    }
    g.throughput(Throughput::Bytes(total));
    g.bench_function("all-seeds", |b| {
        b.iter(|| {
            referat::ocr::clear_word_cache();
            for (name, bytes) in &seeds {
                black_box(referat::extract(name, bytes));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
