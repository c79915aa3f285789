//! Hostile inputs must stay linear: `cargo bench --bench pathological`
//! (also run by `cargo bench -- pathological`).
//!
//! Each input is built at two sizes, n and 4n; the pipeline must process the
//! larger in less than 8 times the smaller's time (linear would be 4 times)
//! and at least 1 MB/s. Prints a table; exits with 1 when a bound fails.

#![allow(clippy::print_stdout)]

use std::time::{Duration, Instant};

fn median_time(bytes: &[u8]) -> Duration {
    let mut times: Vec<Duration> = (0..3)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(referat::extract("pathological.md", bytes));
            t.elapsed()
        })
        .collect();
    times.sort();
    times[1]
}

type Maker = fn(usize) -> String;

fn inputs() -> Vec<(&'static str, Maker, usize)> {
    vec![
        (
            "10k-items",
            |n| {
                (1..=n).map(|i| format!("## Punkt {i}: Sag {i}\n\n### Beslutning\n\nGodkendt {i}. kr. 1.000,-\n\n")).collect()
            },
            2_500,
        ),
        (
            "1MB-line",
            |n| "Der er afsat 1,5 mio. kr. den 1. marts 2024 og ".repeat(n),
            5_000,
        ),
        (
            "punkt-1-lines",
            |n| "Punkt 1: Eventuelt\n".repeat(n),
            25_000,
        ),
        (
            "nested-lists",
            |n| {
                (0..n)
                    .map(|i| format!("{}- punkt {i}\n", "  ".repeat(i % 200)))
                    .collect()
            },
            5_000,
        ),
        (
            "digits-and-dots",
            |n| "1.2.3.4.5.6.7.8.9.0.".repeat(n),
            12_500,
        ),
        (
            "amount-per-line",
            |n| {
                (0..n)
                    .map(|i| format!("{i}\t{}.000 kr.\n", i % 999 + 1))
                    .collect()
            },
            10_000,
        ),
        (
            "table-of-numbers",
            |n| {
                (0..n)
                    .map(|i| format!("Budget {i}\t{}.{:03}\t2024\n", i % 999 + 1, i % 1000))
                    .collect()
            },
            10_000,
        ),
        (
            // A scan (no æøå, Danish function words) whose every damaged
            // word is new: the OCR word cache never helps.
            "scan-new-words",
            |n| {
                (0..n)
                    .map(|i| {
                        let w: String = format!("{i:x}")
                            .chars()
                            .map(|c| (b'k' + c.to_digit(16).unwrap() as u8) as char)
                            .collect();
                        format!("og det er {w}ae til {w}@ og q{w} ")
                    })
                    .collect()
            },
            5_000,
        ),
        (
            // Month names, day/month cues and quarters far apart in white
            // space: the date patterns searched in windows around them
            // (`Caseless::find_around`) reach to their limit each time.
            "dates-in-white-space",
            |n| {
                let w = " ".repeat(300);
                format!("den 5.{w}marts{w}x jan{w}3/4{w}kl 5-{w}6-2024 3.{w}kvartal{w}q1{w}2024 ")
                    .repeat(n)
            },
            250,
        ),
        (
            // Organisation names' anchor words glued and overlapping, each
            // opening a search of the names around it, and long names
            // over and over (`orgs`: the tries before and after an anchor).
            "names-and-anchors",
            |n| {
                "Ringkøbing-Skjern Kommunekommunes regionregion Region Midtjyllands PLOplo \
                 Sundhedsklyngenklynge Psykiatrien Region Syddanmark sygehushospital "
                    .repeat(n)
            },
            2_000,
        ),
        (
            // Items anchored two ways in turn (a case number before the
            // odd ones, a section heading after the even ones): each even
            // item fitted in among the others, and weeks and amounts in
            // number words on every line.
            "anchored-items",
            |n| {
                (1..=n)
                    .map(|i| {
                        if i % 2 == 1 {
                            format!("Sagsnr.: 24/{i}\n\n{i}. Sag om uge 12 og tre mio. kr.\n\nTekst.\n\n")
                        } else {
                            format!("{i}. Sag {i}\nBeslutning\nGodkendt 01.04.2024-31.03.2026.\n\n")
                        }
                    })
                    .collect()
            },
            2_500,
        ),
        (
            // A decision of one long line of votes, groups and lists (each
            // group's clause and each count's parties looked for after
            // it), and listed days, months and quarters.
            "votes-one-line",
            |n| {
                let mut t = String::from("## Punkt 1: Budget\n\n### Beslutning\n\n");
                for _ in 0..n {
                    t.push_str("et flertal (A og V) stemte for, 3 imod (O, 1. og 2. marts og april 2024, 3. og 4. kvartal 2024 ");
                }
                t
            },
            2_500,
        ),
        (
            "scan-1MB-word",
            |n| format!("og det er til af {}", "ae@q".repeat(n)),
            60_000,
        ),
    ]
}

fn main() {
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let mut failed = false;
    println!(
        "{:<18} {:>10} {:>10} {:>8} {:>10}",
        "input", "bytes(4n)", "time(4n)", "ratio", "MB/s"
    );
    for (name, make, n) in inputs() {
        if filter
            .as_deref()
            .is_some_and(|f| !name.contains(f) && !"pathological".contains(f))
        {
            continue;
        }
        let small = make(n);
        let large = make(4 * n);
        let ts = median_time(small.as_bytes());
        let tl = median_time(large.as_bytes());
        let ratio = tl.as_secs_f64() / ts.as_secs_f64().max(1e-9);
        let mbs = large.len() as f64 / 1e6 / tl.as_secs_f64().max(1e-9);
        let ok = ratio < 8.0 && mbs >= 1.0;
        failed |= !ok;
        println!(
            "{name:<18} {:>10} {:>9.3}s {ratio:>8.2} {mbs:>10.1} {}",
            large.len(),
            tl.as_secs_f64(),
            if ok { "ok" } else { "FAIL" }
        );
    }
    if failed {
        std::process::exit(1);
    }
}
