//! The `referat` binary over a folder of good and bad inputs: every input
//! gives exactly one record line, in sorted-path order, and the exit code
//! says whether any failed.

use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn referat(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_referat"))
        .args(args)
        .output()
        .unwrap()
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// A folder holding the seeds and one file of each bad kind.
fn hostile_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for entry in std::fs::read_dir("fixtures").unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "txt") {
            std::fs::copy(&p, d.join(p.file_name().unwrap())).unwrap();
        }
    }
    std::fs::write(d.join("a_empty.txt"), b"").unwrap();
    std::fs::write(d.join("b_binary.txt"), b"%PDF-1.7\n\x00\x01\x02binary").unwrap();
    std::fs::write(
        d.join("c_cp1252.txt"),
        b"Referat\n\nPunkt 1: M\xf8dekalender\n\nBeslutning\n\nGodkendt.\n",
    )
    .unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "Referat\r\n\r\nPunkt 1: Økonomi\r\n\r\nBeslutning\r\n\r\nTaget til efterretning.\r\n"
        .encode_utf16()
    {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    std::fs::write(d.join("d_utf16.txt"), utf16).unwrap();
    std::fs::write(
        d.join("e_bom_crlf.md"),
        "\u{FEFF}# Referat\r\n\r\n## Punkt 1: Budget\r\n\r\n### Beslutning\r\n\r\nGodkendt.\r\n",
    )
    .unwrap();
    std::fs::write(d.join("f_huge.txt"), vec![b'x'; 150_000]).unwrap();
    std::fs::write(d.join("g_ignored.pdf"), b"not taken from folders").unwrap();
    std::fs::write(d.join(".hidden.txt"), b"hidden").unwrap();
    dir
}

fn by_name<'a>(records: &'a [Value], name: &str) -> &'a Value {
    records
        .iter()
        .find(|r| r["source"]["path"].as_str().unwrap().ends_with(name))
        .unwrap_or_else(|| panic!("no record for {name}"))
}

#[test]
fn every_input_gets_one_record_and_bad_ones_are_reported() {
    let dir = hostile_folder();
    let d = dir.path().to_str().unwrap();
    let missing = format!("{d}/zz_missing.txt");
    let out = referat(&["extract", "--max-bytes", "100000", d, &missing]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records = lines(&out);
    // 5 seeds + 6 bad files + the missing path; no .pdf, no hidden file.
    assert_eq!(records.len(), 12);
    let paths: Vec<&str> = records
        .iter()
        .map(|r| r["source"]["path"].as_str().unwrap())
        .collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted, "records in sorted-path order");

    let empty = by_name(&records, "a_empty.txt");
    assert_eq!(empty["kind"], "unknown");
    assert!(empty["error"].is_null());
    assert!(empty["warnings"][0].as_str().unwrap().contains("empty"));

    assert_eq!(
        by_name(&records, "b_binary.txt")["error"]["kind"],
        "not_text"
    );

    let cp = by_name(&records, "c_cp1252.txt");
    assert_eq!(cp["source"]["encoding"], "windows-1252");
    assert_eq!(cp["items"][0]["title"], "Mødekalender");
    // The span is in the source's bytes: the title line is 22 bytes in Windows-1252.
    let span = &cp["items"][0]["span"];
    assert_eq!(span["start"], 9);
    assert_eq!(span["line"], 3);

    let u16 = by_name(&records, "d_utf16.txt");
    assert_eq!(u16["source"]["encoding"], "utf-16le");
    assert_eq!(u16["items"][0]["title"], "Økonomi");
    assert_eq!(u16["items"][0]["decision"]["outcome"], "noted");

    let bom = by_name(&records, "e_bom_crlf.md");
    assert_eq!(bom["source"]["format"], "markdown");
    assert_eq!(bom["items"][0]["decision"]["outcome"], "approved");
    assert_eq!(
        bom["items"][0]["span"]["start"],
        3 + "# Referat\r\n\r\n".len()
    );

    let huge = by_name(&records, "f_huge.txt");
    assert_eq!(huge["error"]["kind"], "too_large");
    assert_eq!(huge["source"]["bytes"], 150_000);

    assert_eq!(by_name(&records, "zz_missing.txt")["error"]["kind"], "io");

    let seed = by_name(&records, "002_7f83bb290909fca2.txt");
    assert_eq!(seed["items"].as_array().unwrap().len(), 15);
    assert_eq!(seed["schema"], "referat/1");
    assert_eq!(seed["id"].as_str().unwrap().len(), 16);

    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("12 files") && stderr.contains("3 with errors"),
        "{stderr}"
    );
}

#[test]
fn output_is_the_same_whatever_the_thread_count() {
    let dir = hostile_folder();
    let d = dir.path().to_str().unwrap();
    let one = referat(&["extract", "--jobs", "1", "-q", d]);
    let many = referat(&["extract", "--jobs", "4", "-q", d]);
    assert!(!one.stdout.is_empty());
    assert_eq!(one.stdout, many.stdout);
}

#[test]
fn clean_batch_exits_zero_and_writes_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("records.ndjson");
    let out = referat(&["extract", "fixtures/", "-o", out_path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    let written = std::fs::read_to_string(&out_path).unwrap();
    assert_eq!(written.lines().count(), 5);
}

#[test]
fn pretty_is_one_json_array() {
    let out = referat(&["extract", "--pretty", "-q", "fixtures/"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 5);
}

/// Runs the binary with `input` on standard input.
fn referat_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_referat"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A binary that rejects its flags exits before reading: the pipe breaks.
    if let Err(e) = child.stdin.take().unwrap().write_all(input) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe);
    }
    child.wait_with_output().unwrap()
}

#[test]
fn stdin_is_one_document() {
    let out = referat_stdin(
        &["extract", "-q", "-"],
        b"Referat\n\nPunkt 1: Eventuelt\n\nBeslutning\n\nIntet at bemaerke.\n",
    );
    assert_eq!(out.status.code(), Some(0));
    let records = lines(&out);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["source"]["path"], "-");
    assert_eq!(records[0]["items"][0]["kind"], "eventuelt");
}

#[test]
fn reference_date_gives_undated_days_a_year() {
    let text = b"Vi ses mandag den 18. februar.\n";
    let out = referat_stdin(
        &["extract", "-q", "--reference-date", "2013-02-12", "-"],
        text,
    );
    assert_eq!(out.status.code(), Some(0));
    let date = &lines(&out)[0]["dates"][0];
    assert_eq!(date["value"], "2013-02-18");
    assert_eq!(date["year_inferred"], true);

    // Without it: no value, and a warning says why.
    let out = referat_stdin(&["extract", "-q", "-"], text);
    let record = &lines(&out)[0];
    assert!(record["dates"][0]["value"].is_null());
    assert!(record["warnings"].to_string().contains("without year"));

    let out = referat_stdin(&["extract", "--reference-date", "2013-02-30", "-"], text);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("YYYY-MM-DD"));
}

#[test]
fn fatal_errors_exit_two() {
    assert_eq!(
        referat(&["extract", "--jobs", "0", "fixtures/"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        referat(&["extract", "--no-such-flag", "fixtures/"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(referat(&["extract"]).status.code(), Some(2));
    let out = referat(&["extract", "fixtures/", "-o", "/nonexistent-dir/x.ndjson"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent-dir/x.ndjson"));
}

#[test]
fn broken_pipe_is_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    // Enough records to fill the pipe after the reader has gone.
    for i in 0..300 {
        std::fs::copy(
            "fixtures/002_7f83bb290909fca2.txt",
            dir.path().join(format!("{i:04}.txt")),
        )
        .unwrap();
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_referat"))
        .args(["extract", "-q", dir.path().to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(Path::new(dir.path()).exists());
}

#[test]
fn normalize_prints_the_corrected_text_or_its_changes() {
    let seed = "fixtures/000_7d8caf8445a2727d.txt";
    let diff = referat(&["normalize", "--diff", seed]);
    assert!(diff.status.success());
    let diff = String::from_utf8(diff.stdout).unwrap();
    assert!(
        diff.lines().any(|l| l == "11: ANSQ@GERS → ANSØGERS"),
        "{diff}"
    );
    let text = referat(&["normalize", seed]);
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.trim_start().starts_with("FÆLLES ANSØGNINGSSKEMA"));
    // `--ocr off` leaves the scan as it is, in `normalize` and in `extract`.
    let off = referat(&["normalize", "--diff", "--ocr", "off", seed]);
    assert!(off.stdout.is_empty());
    let records = lines(&referat(&["extract", "--quiet", "--ocr", "off", seed]));
    assert_eq!(records[0]["normalization"]["ocr"], false);
    assert_eq!(
        records[0]["title"].as_str().unwrap().split(' ').next(),
        Some("FALLES")
    );
    // One line per correction the record counts.
    let records = lines(&referat(&["extract", "--quiet", seed]));
    let counted = records[0]["normalization"]["corrections"].as_u64().unwrap();
    assert!(counted > 200);
    assert_eq!(diff.lines().count() as u64, counted);
}

#[test]
fn output_files_appear_whole_and_unwritable_ones_are_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("records.ndjson");
    std::fs::write(&out_path, "previous\n").unwrap();
    let out = referat(&[
        "extract",
        "-q",
        "fixtures/",
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(&out_path).unwrap().lines().count(),
        5
    );
    // Only the output itself is left in the folder: no temporary file.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    // A folder that does not exist: a clear fatal error naming the path.
    let missing = dir.path().join("no/such/dir/x.ndjson");
    let out = referat(&[
        "extract",
        "-q",
        "fixtures/",
        "-o",
        missing.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("no/such/dir/x.ndjson"), "{err}");
}

#[test]
fn ctrl_c_stops_the_batch_with_130_and_leaves_no_partial_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    let seed = std::fs::read("fixtures/002_7f83bb290909fca2.txt").unwrap();
    for i in 0..4000 {
        std::fs::write(docs.join(format!("{i:05}.txt")), &seed).unwrap();
    }
    let out_path = dir.path().join("records.ndjson");
    std::fs::write(&out_path, "previous\n").unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_referat"))
        .args(["extract", "-q", "--jobs", "1", "-o"])
        .arg(&out_path)
        .arg(&docs)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(700));
    let killed = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(130),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("interrupted after"));
    // The previous output stands, and no temporary file is left.
    assert_eq!(std::fs::read_to_string(&out_path).unwrap(), "previous\n");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
}

#[test]
fn max_items_caps_a_document_with_a_warning() {
    let doc: String = (1..=50)
        .map(|i| format!("Punkt {i}: Sag {i}\n\nBeslutning\n\nGodkendt.\n\n"))
        .collect();
    let out = referat_stdin(&["extract", "-q", "--max-items", "10", "-"], doc.as_bytes());
    let records = lines(&out);
    assert_eq!(records[0]["items"].as_array().unwrap().len(), 10);
    let warnings = records[0]["warnings"].to_string();
    assert!(
        warnings.contains("50 agenda items found; only the first 10"),
        "{warnings}"
    );
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_names_that_are_not_utf8_do_not_stop_a_walk() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::copy("fixtures/004_3f5498eb8e985933.txt", d.join("a.txt")).unwrap();
    std::fs::create_dir(d.join("sub")).unwrap();
    std::os::unix::fs::symlink("..", d.join("sub/loop")).unwrap();
    let odd = std::ffi::OsStr::from_bytes(b"bad\xffname.txt");
    std::fs::copy("fixtures/001_f2f7b4d944a37d36.txt", d.join(odd)).unwrap();
    let out = referat(&["extract", "-q", d.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let records = lines(&out);
    // Both files once each; the loop is not followed.
    assert_eq!(records.len(), 2);
    let paths: Vec<&str> = records
        .iter()
        .map(|r| r["source"]["path"].as_str().unwrap())
        .collect();
    assert!(paths.iter().any(|p| p.ends_with("a.txt")));
    // The name is written lossily (U+FFFD), and the file is read.
    let bad = records
        .iter()
        .find(|r| r["source"]["path"].as_str().unwrap().contains('\u{FFFD}'))
        .unwrap();
    assert_eq!(bad["kind"], "report");
}

#[test]
fn a_full_disk_is_a_fatal_error_naming_the_output() {
    // Standard output on `/dev/full`: every write fails with ENOSPC.
    let out = Command::new(env!("CARGO_BIN_EXE_referat"))
        .args(["extract", "-q", "fixtures/"])
        .stdout(std::fs::File::create("/dev/full").unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("cannot write standard output"), "{err}");
    assert!(err.contains("No space left"), "{err}");
}

/// A 64 KiB tmpfs, unmounted on drop; `None` where mounting is not allowed.
struct TinyDisk(tempfile::TempDir);

impl TinyDisk {
    fn mount() -> Option<TinyDisk> {
        let dir = tempfile::tempdir().unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
            .arg(dir.path())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(TinyDisk(dir))
    }
}

impl Drop for TinyDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.0.path()).status();
    }
}

#[test]
#[allow(clippy::print_stderr)]
fn a_disk_that_fills_up_leaves_the_previous_outputs_whole() {
    let Some(disk) = TinyDisk::mount() else {
        eprintln!("skipped: no tmpfs can be mounted here (needs root)");
        return;
    };
    let d = disk.0.path();
    let records = d.join("records.ndjson");
    std::fs::write(&records, "old\n").unwrap();
    std::fs::create_dir(d.join("csv")).unwrap();
    std::fs::write(d.join("csv/documents.csv"), "old\n").unwrap();
    // The seeds' records (over 200 KB) cannot fit in 64 KiB.
    for args in [
        vec!["-o", records.to_str().unwrap()],
        vec!["--csv", d.join("csv").to_str().unwrap()],
    ] {
        let out = referat(&[&["extract", "-q", "fixtures/"], &args[..]].concat());
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains("No space left"), "{err}");
        assert!(err.contains(d.to_str().unwrap()), "names the path: {err}");
    }
    assert_eq!(std::fs::read_to_string(&records).unwrap(), "old\n");
    assert_eq!(
        std::fs::read_to_string(d.join("csv/documents.csv")).unwrap(),
        "old\n"
    );
    // No temporary file is left behind.
    assert_eq!(std::fs::read_dir(d).unwrap().count(), 2);
    assert_eq!(std::fs::read_dir(d.join("csv")).unwrap().count(), 1);
}

#[test]
fn a_file_that_vanishes_before_it_is_read_is_an_io_error_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::copy("fixtures/002_7f83bb290909fca2.txt", d.join("a.txt")).unwrap();
    // Named on the command line, gone by the time it is read: the same path
    // a file deleted between the walk and the read takes.
    let gone = d.join("b_gone.txt");
    let out = referat(&[
        "extract",
        "-q",
        d.join("a.txt").to_str().unwrap(),
        gone.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let records = lines(&out);
    assert_eq!(records.len(), 2);
    assert!(records[0]["error"].is_null());
    assert_eq!(records[1]["error"]["kind"], "io");
}
