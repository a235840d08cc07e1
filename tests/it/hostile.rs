//! What a hostile user tried, and what must hold: nothing destroyed, nothing
//! misread, no panic. Each test guards one defect found that way (issue 6).
//!
//! None of these tests touches the machine's own special files: a device or a
//! FIFO is made in a temporary folder (`mknod` needs root: those tests say so
//! and pass without checking anything when not root), and a full disk is a
//! private `/dev/full` node, or the process's own stdout/stderr redirected.

use std::fs;
use std::io::Write;
use std::os::unix::fs::{FileTypeExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};
use std::time::{Duration, Instant};

use crate::{data, dues, plain};

const ROWS: &str = "name,kind,budget\nA,commune,5\nB,association,2300000\n";
const PRICED: &str = "name,kind,budget,tier,fee,fee_basis,error\n\
                      A,commune,5,small,1000,fixed,\n\
                      B,association,2300000,medium,2500,fixed,\n";

/// `dues` with a clean environment (no table override, no language, no
/// colour preference), as a plain process.
fn bin() -> Process {
    let mut cmd = Process::new(env!("CARGO_BIN_EXE_dues"));
    cmd.env_remove("DUES_TIERS")
        .env_remove("DUES_LANG")
        .env_remove("NO_COLOR");
    cmd
}

/// A temporary folder holding `in.csv` (= [`ROWS`]).
fn workdir() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.csv");
    fs::write(&input, ROWS).unwrap();
    (dir, input)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Makes a node with `mknod`; false when not allowed (not root).
fn mknod(path: &Path, major: u32, minor: u32) -> bool {
    Process::new("mknod")
        .arg(path)
        .args(["c", &major.to_string(), &minor.to_string()])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn mkfifo(path: &Path) {
    assert!(Process::new("mkfifo").arg(path).status().unwrap().success());
}

/// The names in a folder, sorted: to see that no temporary file is left.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

// ─── 1. -o onto what is not a regular file ──────────────────────────────────

#[test]
fn output_into_a_fifo_writes_the_rows_and_keeps_the_fifo() {
    let (dir, input) = workdir();
    let fifo = dir.path().join("rows.fifo");
    mkfifo(&fifo);
    // The reader is a process of its own, so that a run that never opens
    // the FIFO fails the test instead of leaving it blocked.
    let capture = tempfile::NamedTempFile::new().unwrap();
    let mut reader = Process::new("cat")
        .arg(&fifo)
        .stdout(capture.reopen().unwrap())
        .spawn()
        .unwrap();
    let out = bin()
        .args(["batch", s(&input), "-o", s(&fifo)])
        .output()
        .unwrap();
    let started = Instant::now();
    while reader.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(10) {
            reader.kill().unwrap();
            panic!("nothing was written into the FIFO");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(out.status.code(), Some(0), "{}", plain(&out.stderr));
    assert_eq!(fs::read_to_string(capture.path()).unwrap(), PRICED);
    assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo());
    assert_eq!(names(dir.path()), ["in.csv", "rows.fifo"]);
}

#[test]
fn output_onto_a_null_device_discards_the_rows_and_keeps_the_device() {
    let (dir, input) = workdir();
    let null = dir.path().join("null");
    if !mknod(&null, 1, 3) {
        eprintln!("not root: cannot make a private null device; skipped");
        return;
    }
    let out = bin()
        .args(["batch", s(&input), "-o", s(&null), "--summary"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", plain(&out.stderr));
    assert!(out.stdout.is_empty());
    assert!(plain(&out.stderr).contains("Total"), "the summary is shown");
    assert!(fs::metadata(&null).unwrap().file_type().is_char_device());
    assert_eq!(names(dir.path()), ["in.csv", "null"]);
}

#[test]
fn output_onto_a_full_device_is_an_error_naming_it() {
    let (dir, input) = workdir();
    let full = dir.path().join("full");
    if !mknod(&full, 1, 7) {
        eprintln!("not root: cannot make a private full device; skipped");
        return;
    }
    let out = bin()
        .args(["batch", s(&input), "-o", s(&full)])
        .env("DUES_LANG", "en")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = plain(&out.stderr);
    assert_eq!(
        stderr,
        format!(
            "dues: error: cannot write {}: no space left on the device\n",
            full.display()
        )
    );
    assert!(fs::metadata(&full).unwrap().file_type().is_char_device());
}

// ─── 2. -o onto a symlink ───────────────────────────────────────────────────

#[test]
fn output_through_a_symlink_writes_its_target_and_keeps_the_link() {
    let (dir, input) = workdir();
    let target = dir.path().join("priced.csv");
    fs::write(&target, "old\n").unwrap();
    let link = dir.path().join("latest.csv");
    symlink("priced.csv", &link).unwrap();
    let out = bin()
        .args(["batch", s(&input), "-o", s(&link)])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", plain(&out.stderr));
    assert!(fs::symlink_metadata(&link).unwrap().is_symlink());
    assert_eq!(fs::read_to_string(&target).unwrap(), PRICED);
    assert_eq!(names(dir.path()), ["in.csv", "latest.csv", "priced.csv"]);

    // A dangling link: its target is created.
    let dangling = dir.path().join("next.csv");
    symlink("sub/next-target.csv", &dangling).unwrap();
    fs::create_dir(dir.path().join("sub")).unwrap();
    let out = bin()
        .args(["batch", s(&input), "-o", s(&dangling)])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", plain(&out.stderr));
    assert!(fs::symlink_metadata(&dangling).unwrap().is_symlink());
    assert_eq!(
        fs::read_to_string(dir.path().join("sub/next-target.csv")).unwrap(),
        PRICED
    );
}

// ─── 3. reading its own output ──────────────────────────────────────────────

#[test]
fn appending_to_the_input_file_is_refused() {
    let (_dir, input) = workdir();
    let append = fs::OpenOptions::new().append(true).open(&input).unwrap();
    let out = bin()
        .args(["batch", s(&input)])
        .env("DUES_LANG", "en")
        .stdout(append)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        plain(&out.stderr),
        format!(
            "dues: error: {}: the input file is also the output (stdout); write the priced rows \
             to another file\n",
            input.display()
        )
    );
    assert_eq!(fs::read_to_string(&input).unwrap(), ROWS);
}

#[test]
fn output_onto_the_file_that_is_stdin_is_refused() {
    let (_dir, input) = workdir();
    let out = bin()
        .args(["batch", "-", "-o", s(&input)])
        .env("DUES_LANG", "en")
        .stdin(fs::File::open(&input).unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        plain(&out.stderr),
        format!(
            "dues: error: -o {} is the input file; write to another file\n",
            input.display()
        )
    );
    assert_eq!(fs::read_to_string(&input).unwrap(), ROWS);
}

// ─── 4. signals ─────────────────────────────────────────────────────────────

fn interrupted_run_leaves_nothing(signal: &str, code: i32) {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("priced.csv");
    fs::write(&target, "previous output\n").unwrap();
    let mut child = bin()
        .args(["batch", "-", "-o", s(&target)])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // More than the sniffed first MiB, then nothing: dues is left waiting
    // for the rest with its temporary file open.
    let mut stdin = child.stdin.take().unwrap();
    let mut text = String::from("name,kind,budget\n");
    while text.len() < 1_200_000 {
        text.push_str("Commune de Test,commune,2300000\n");
    }
    stdin.write_all(text.as_bytes()).unwrap();
    stdin.flush().unwrap();
    let started = Instant::now();
    while names(dir.path()).len() < 2 {
        assert!(started.elapsed() < Duration::from_secs(20), "no temp file");
        std::thread::sleep(Duration::from_millis(20));
    }
    let pid = child.id().to_string();
    assert!(
        Process::new("kill")
            .args([signal, &pid])
            .status()
            .unwrap()
            .success()
    );
    let status = child.wait().unwrap();
    drop(stdin);
    assert_eq!(status.code(), Some(code));
    assert_eq!(names(dir.path()), ["priced.csv"], "temporary file removed");
    assert_eq!(fs::read_to_string(&target).unwrap(), "previous output\n");
}

#[test]
fn sigint_during_output_removes_the_temporary_file() {
    interrupted_run_leaves_nothing("-INT", 130);
}

#[test]
fn sigterm_during_output_removes_the_temporary_file() {
    interrupted_run_leaves_nothing("-TERM", 143);
}

// ─── 5. an unclosed quote in the header ─────────────────────────────────────

#[test]
fn an_unclosed_quote_in_the_header_is_an_error() {
    for format in ["csv", "jsonl"] {
        let out = bin()
            .args(["batch", "--format", format])
            .env("DUES_LANG", "en")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .and_then(|mut c| {
                c.stdin
                    .take()
                    .unwrap()
                    .write_all(b"name,kind,\"budget\nA,commune,5\nB,commune,7\n")?;
                c.wait_with_output()
            })
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{format}");
        assert!(out.stdout.is_empty());
        let stderr = plain(&out.stderr);
        assert_eq!(
            stderr,
            "dues: error: <stdin>: line 1: a quote opened in the header is never closed, so the \
             whole file went into one header field; close the quote\n",
            "{format}"
        );
    }
}

// ─── 6, 7. rows with more fields than the header ────────────────────────────

#[test]
fn surplus_fields_come_after_the_appended_columns() {
    let input = "name;kind;budget\r\nA;région;5;oui\r\nB;commune;7;;\r\nC;commune;1 500 000;\r\n";
    let out = dues()
        .args(["batch", "-"])
        .env("DUES_LANG", "en")
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .flexible(true)
        .from_reader(&out.stdout[..])
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    assert_eq!(
        rows[0],
        [
            "name",
            "kind",
            "budget",
            "tier",
            "fee",
            "fee_basis",
            "error"
        ]
    );
    // Read by header, the row shows its error and no fee; the surplus follows.
    assert_eq!(
        rows[1],
        [
            "A",
            "région",
            "5",
            "",
            "",
            "",
            "line 2: 4 fields where the header has 3; a field too many, or a delimiter inside \
             a field that should be quoted",
            "oui"
        ]
    );
    // Excel's trailing `;`: empty surplus fields hide no value; the row is priced.
    assert_eq!(
        rows[2],
        ["B", "commune", "7", "small", "1000", "fixed", "", "", ""]
    );
    assert_eq!(
        rows[3],
        [
            "C",
            "commune",
            "1 500 000",
            "medium",
            "2500",
            "fixed",
            "",
            ""
        ]
    );
    // Every byte of every field is still there, in order.
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains(
        ";oui\r\nB;commune;7;small;1000;fixed;;;\r\nC;commune;1 500 000;medium;2500;fixed;;\r\n"
    ));
}

#[test]
fn a_quoted_surplus_field_is_kept_whole() {
    let input = "name,kind,budget\nA,commune,5,\"x,\"\"y\"\"\nz\"\n";
    let out = dues()
        .args(["batch", "-"])
        .env("DUES_LANG", "en")
        .write_stdin(input)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.ends_with(",\"x,\"\"y\"\"\nz\"\n")
            && text.contains(
                "A,commune,5,,,,\"line 2: 4 fields where the header has 3; a field too many, or \
                 a delimiter inside a field that should be quoted\","
            ),
        "{text}"
    );
}

#[test]
fn jsonl_surplus_fields_never_overwrite_a_header() {
    let input = "field_4,kind,budget\nA,commune,5,surplus\n";
    let out = dues()
        .args(["batch", "-", "--format", "jsonl"])
        .write_stdin(input)
        .output()
        .unwrap();
    let line = String::from_utf8(out.stdout).unwrap();
    let value: serde_json::Value = serde_json::from_str(line.trim()).unwrap();
    assert_eq!(value["field_4"], "A");
    assert_eq!(value["extra_fields"], serde_json::json!(["surplus"]));
}

// ─── 8. stdin read once ─────────────────────────────────────────────────────

fn built_in_source() -> String {
    fs::read_to_string(format!("{}/tiers-2022.toml", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

#[test]
fn a_table_from_stdin_is_read_once() {
    let table = built_in_source().replace(
        "title = { fr = \"Adhésion 2022\"",
        "title = { fr = \"Adhésion 2023\"",
    );
    let out = dues()
        .args(["--tiers", "-", "tiers", "--format", "toml"])
        .write_stdin(table.clone())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), table);
}

#[test]
fn stdin_as_both_table_and_input_is_refused_before_reading() {
    for args in [
        &["--tiers", "-", "batch", "-"][..],
        &["--tiers", "-", "batch"],
    ] {
        dues()
            .args(args)
            .env("DUES_LANG", "en")
            .write_stdin("not a table")
            .assert()
            .code(2)
            .stderr(
                "dues: error: the tier table (--tiers - or DUES_TIERS=-) and the batch input both \
                 read stdin; give one of them as a file\n",
            );
    }
}

// ─── 9, 10, 11, 13. tables that must be refused ─────────────────────────────

fn with(from: &str, to: &str) -> String {
    let text = built_in_source();
    assert!(text.contains(from), "{from}");
    text.replacen(from, to, 1)
}

/// Every command refuses the table, exit 2, with `message` (in English).
fn refused_everywhere(table: &str, message: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.toml");
    fs::write(&path, table).unwrap();
    let p = s(&path);
    let commands: [&[&str]; 4] = [
        &["--tiers", p, "quote", "--budget", "5", "--kind", "commune"],
        &["--tiers", p, "batch", &data("batch/prospects-utf8.csv")],
        &["--tiers", p, "tiers"],
        &["check", p],
    ];
    for args in commands {
        let out = dues().args(args).env("DUES_LANG", "en").output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let stderr = plain(&out.stderr);
        assert!(stderr.contains(message), "{args:?}: {stderr}");
    }
}

#[test]
fn a_table_whose_examples_fail_is_refused_by_every_command() {
    refused_everywhere(
        &with(
            "budget = \"850 k€\"\nkind = \"Département\"\nnetwork_strategy = \"non\"\ntier = \"small\"",
            "budget = \"850 k€\"\nkind = \"Département\"\nnetwork_strategy = \"non\"\ntier = \"medium\"",
        ),
        "example (budget `850 k€`, kind `Département`, network_strategy `non`) expects tier \
         `medium` at €1,000, got tier `small` at €1,000\n",
    );
}

#[test]
fn currency_markers_that_hold_numbers_signs_or_multipliers_are_refused() {
    for (marker, why) in [
        ("M€", "begins or ends with a multiplier"),
        ("k€", "begins or ends with a multiplier"),
        ("MEUR", "begins or ends with a multiplier"),
        ("-", "holds a sign"),
        ("+", "holds a sign"),
        ("€1", "holds a digit"),
        ("", "is empty"),
        ("EUR.", "holds a separator"),
        ("e,", "holds a separator"),
    ] {
        refused_everywhere(
            &with(
                "accepted = [\"€\", \"EUR\", \"euro\", \"euros\"]",
                &format!("accepted = [\"€\", \"EUR\", \"euro\", \"euros\", \"{marker}\"]"),
            ),
            &format!(
                "currency marker `{marker}` {why}: a marker is typed beside an amount, so it \
                 holds no digit, sign or separator (“,”, “.”, a space), and does not begin or \
                 end with a multiplier (k, M, Md…), lest “2,3 M€” read as €2.30\n"
            ),
        );
    }
}

#[test]
fn a_table_with_no_kind_or_an_empty_tier_id_is_refused() {
    let text = built_in_source();
    let start = text.find("[[kind]]").unwrap();
    let end = text.find("# ─── Benefits").unwrap();
    let mut no_kind = text.clone();
    no_kind.replace_range(start..end, "");
    let no_kind = no_kind.replace(
        "rule = { kinds = [\"region\", \"departement\", \"metropole\"], network_strategy = true }",
        "budget = { at_least = 0 }\nrule = { kinds = [], network_strategy = true }",
    );
    let no_kind = {
        let cut = no_kind.find("# ─── Examples").unwrap();
        format!("kind = []\n{}", &no_kind[..cut])
    };
    refused_everywhere(
        &no_kind,
        "the table defines no kind: add a [[kind]] for each kind of organisation\n",
    );
    refused_everywhere(
        &with("id = \"small\"", "id = \"\""),
        "t.toml:49: a tier has an empty id\n",
    );
}

#[test]
fn fees_and_bounds_beyond_the_documented_range_are_refused() {
    refused_everywhere(
        &with("amount = 1_000,", "amount = 1_000_000_001,"),
        "t.toml:49: tier `small`: the fee must be at most €1,000,000,000, not €1,000,000,001\n",
    );
    refused_everywhere(
        &with(
            "amount = 1_000,",
            "amount = \"79228162514264337593543950335\",",
        ),
        "t.toml:54:18: 79,228,162,514,264,337,593,543,950,335 is more than a table may hold: \
         amounts are at most 1,000,000,000,000,000\n",
    );
    refused_everywhere(
        &with(
            "budget = { above = 10_000_000 }",
            "budget = { above = \"79228162514264337593543950335\" }",
        ),
        "t.toml:68:20: 79,228,162,514,264,337,593,543,950,335 is more than a table may hold: \
         amounts are at most 1,000,000,000,000,000\n",
    );
}

#[test]
fn the_summary_of_a_huge_fee_never_overflows() {
    // The largest fee a table may hold, over many rows: exact, no panic.
    let table = with("amount = 1_000,", "amount = 1_000_000_000,");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.toml");
    fs::write(
        &path,
        table.replace("fee = 1_000\n", "fee = 1_000_000_000\n"),
    )
    .unwrap();
    let mut rows = String::from("name,kind,budget\n");
    for _ in 0..1000 {
        rows.push_str("A,commune,5\n");
    }
    let out = dues()
        .args(["--tiers", s(&path), "batch", "-", "--summary"])
        .write_stdin(rows)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", plain(&out.stderr));
    assert!(
        plain(&out.stderr).contains("1 000 000 000 000 €"),
        "{}",
        plain(&out.stderr)
    );
}

// ─── 12, 14. failed writes: an error, never a panic ─────────────────────────

/// A private /dev/full, opened anew for each use; None when not root.
fn full_device(dir: &Path) -> Option<fs::File> {
    let full = dir.join("full");
    if !full.exists() && !mknod(&full, 1, 7) {
        return None;
    }
    Some(fs::OpenOptions::new().write(true).open(full).unwrap())
}

#[test]
fn a_failed_write_to_stderr_is_no_panic() {
    let dir = tempfile::tempdir().unwrap();
    let Some(_) = full_device(dir.path()) else {
        eprintln!("not root; skipped");
        return;
    };
    let cases: [(&[&str], i32); 4] = [
        (&["quote", "--budget", "1,500", "--kind", "commune"], 1),
        (
            &[
                "quote",
                "--budget",
                "5",
                "--kind",
                "commune",
                "--network-strategy",
                "oui",
            ],
            0,
        ),
        (&["quote", "--bugdet", "5"], 2),
        (&["check", "/nonexistent/t.toml"], 2),
    ];
    for (args, code) in cases {
        let out = bin()
            .args(args)
            .stderr(full_device(dir.path()).unwrap())
            .stdout(Stdio::null())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(code), "{args:?}");
    }
    // stderr a pipe whose reader has gone.
    let mut child = bin()
        .args(["quote", "--budget", "1,500", "--kind", "commune"])
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    drop(child.stderr.take());
    assert_eq!(child.wait().unwrap().code(), Some(1));
}

#[test]
fn help_and_version_onto_a_full_disk_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    if full_device(dir.path()).is_none() {
        eprintln!("not root; skipped");
        return;
    }
    for args in [
        &["--version"][..],
        &["--help"],
        &["quote", "--help"],
        &["-V"],
        &["help"],
        &["completions", "bash"],
        &["man"],
        &["tiers"],
    ] {
        let out = bin()
            .args(args)
            .stdout(full_device(dir.path()).unwrap())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = plain(&out.stderr);
        assert!(stderr.contains("stdout"), "{args:?}: {stderr}");
    }
}

// ─── 15. UTF-16 ─────────────────────────────────────────────────────────────

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        out.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    out
}

#[test]
fn excel_unicode_text_comes_back_in_utf16() {
    // Excel's « Texte Unicode »: UTF-16LE with a BOM, tab-separated, CRLF.
    let text = "Nom\tType\tBudget annuel (€)\r\nRégion Île-de-France\tRégion\t5 000 000 000 €\r\n\
                Œuvre d’Orient\tAssociation\t1 499 999,99 €\r\n";
    for big_endian in [false, true] {
        let out = dues()
            .args(["batch", "-"])
            .write_stdin(utf16(text, big_endian))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", plain(&out.stderr));
        let want = "Nom\tType\tBudget annuel (€)\ttier\tfee\tfee_basis\terror\r\n\
                    Région Île-de-France\tRégion\t5 000 000 000 €\t\t\t\t";
        assert!(out.stdout.starts_with(&utf16(want, big_endian)));
        let tail = "Œuvre d’Orient\tAssociation\t1 499 999,99 €\tsmall\t1000\tfixed\t\r\n";
        let tail = &utf16(tail, big_endian)[2..];
        assert!(out.stdout.ends_with(tail));
    }
}

#[test]
fn utf16_without_a_bom_is_refused_by_name() {
    let bytes = &utf16("name,kind,budget\nA,commune,5\n", false)[2..];
    let out = dues()
        .args(["batch", "-"])
        .write_stdin(bytes)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(
        plain(&out.stderr).contains("UTF-16"),
        "{}",
        plain(&out.stderr)
    );
}

// ─── 16. a write error names what failed ────────────────────────────────────

#[test]
fn a_full_stdout_is_named_not_the_input() {
    let (dir, input) = workdir();
    if full_device(dir.path()).is_none() {
        eprintln!("not root; skipped");
        return;
    }
    // Rows held in a buffer until the end fail when it is written out.
    for format in ["csv", "jsonl"] {
        let out = bin()
            .args(["batch", s(&input), "--format", format])
            .stdout(full_device(dir.path()).unwrap())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{format}");
        let stderr = plain(&out.stderr);
        assert!(
            stderr.contains("stdout") && !stderr.contains("in.csv"),
            "{format}: {stderr}"
        );
    }
}

// ─── 17. what is really wrong with an amount ────────────────────────────────

#[test]
fn dash_cents_and_ungrouped_thousandths_are_diagnosed_for_what_they_are() {
    let out = dues()
        .args(["quote", "--budget", "1 500 000,-", "--kind", "commune"])
        .env("DUES_LANG", "en")
        .output()
        .unwrap();
    let stderr = plain(&out.stderr);
    assert!(!stderr.contains("cannot be negative"), "{stderr}");
    assert!(
        stderr.starts_with(
            "dues: error: --budget: “1 500 000,-” is not an amount: “,-” for “no cents” is not \
             read; write 1 500 000 or 1 500 000,00; write a non-negative amount"
        ),
        "{stderr}"
    );
    // `1500000` is no group of three: the comma can only be a decimal mark.
    let out = dues()
        .args([
            "quote",
            "--budget",
            "1500000,000",
            "--kind",
            "commune",
            "--format",
            "csv",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", plain(&out.stderr));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains(",1500000,,medium,2500,")
    );
}

// ─── 18. the line ending is the header record's ─────────────────────────────

#[test]
fn a_line_break_inside_a_quoted_header_cell_does_not_set_the_line_ending() {
    let input = "Nom;\"Budget annuel\n(€)\";Type\r\nA;5;commune\r\nB;x;commune\r\nC;y;commune\r\n";
    let out = dues()
        .args(["batch", "-"])
        .write_stdin(input)
        .output()
        .unwrap();
    let text = plain(&out.stdout);
    assert!(
        text.starts_with("Nom;\"Budget annuel\n(€)\";Type;tier;fee;fee_basis;error\r\nA;5;commune;small;1000;fixed;\r\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "B;x;commune;;;;\"ligne 4, colonne « Budget annuel\n(€) » : « x » n’est pas un montant"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "C;y;commune;;;;\"ligne 5, colonne « Budget annuel\n(€) » : « y » n’est pas un montant"
        ),
        "{text}"
    );
    assert_eq!(
        plain(&out.stderr),
        "dues batch : 1 ligne chiffrée ; 2 en erreur \
         (lignes 4, 5)\n"
    );
}

// ─── What a review found after issue 6 landed ───────────────────────────────

#[test]
fn output_through_the_process_own_stdout_appends_to_what_the_shell_opened() {
    // `-o` naming the process's own stdout, as `>> log.csv` opened it: fd 1
    // is the temporary log.csv here (then a pipe), never a device. The same
    // through a chain of links, as `/dev/stdout` is one: a relative link is
    // read from its own folder, not from where dues runs.
    let (dir, input) = workdir();
    symlink("/proc/self/fd/1", dir.path().join("stdout")).unwrap();
    symlink("stdout", dir.path().join("out.csv")).unwrap();
    let log = dir.path().join("log.csv");
    for output in ["/proc/self/fd/1", s(&dir.path().join("out.csv"))] {
        fs::write(&log, "KEEP ME\n").unwrap();
        let append = fs::OpenOptions::new().append(true).open(&log).unwrap();
        let out = bin()
            .args(["batch", s(&input), "-o", output])
            .stdout(append)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", plain(&out.stderr));
        let appended = fs::read_to_string(&log).unwrap();
        assert_eq!(appended, format!("KEEP ME\n{PRICED}"), "{output}");
    }
    assert_eq!(
        names(dir.path()),
        ["in.csv", "log.csv", "out.csv", "stdout"]
    );
    // Into a pipe, the same way.
    let out = bin()
        .args(["batch", s(&input), "-o", "/proc/self/fd/1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", plain(&out.stderr));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), PRICED);
}

#[test]
fn output_onto_a_shared_file_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, input) = workdir();
    let target = dir.path().join("shared.csv");
    fs::write(&target, "old\n").unwrap();
    fs::set_permissions(&target, fs::Permissions::from_mode(0o664)).unwrap();
    let out = bin()
        .args(["batch", s(&input), "-o", s(&target)])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let mode = fs::metadata(&target).unwrap().permissions().mode() & 0o777;
    assert_eq!(
        mode, 0o664,
        "the group keeps its write bit, whatever the umask"
    );
}

#[test]
fn strict_onto_a_fifo_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("bad.csv");
    fs::write(&input, "name,kind,budget\nA,commune,5\nB,commune,x\n").unwrap();
    let fifo = dir.path().join("rows.fifo");
    mkfifo(&fifo);
    let capture = tempfile::NamedTempFile::new().unwrap();
    let mut reader = Process::new("cat")
        .arg(&fifo)
        .stdout(capture.reopen().unwrap())
        .spawn()
        .unwrap();
    let out = bin()
        .args(["batch", s(&input), "--strict", "-o", s(&fifo)])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", plain(&out.stderr));
    // dues opened the FIFO and closed it empty: the reader ends.
    let started = Instant::now();
    while reader.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(10) {
            reader.kill().unwrap();
            panic!("the FIFO was never closed");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(fs::read_to_string(capture.path()).unwrap(), "");
}

#[test]
fn a_symlink_loop_is_told_in_the_user_language() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.csv"), dir.path().join("b.csv"));
    symlink(&b, &a).unwrap();
    symlink(&a, &b).unwrap();
    let out = bin().args(["batch", s(&a)]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        plain(&out.stderr),
        format!(
            "dues : erreur : impossible de lire {} : trop de niveaux de liens symboliques\n",
            a.display()
        )
    );
}

#[test]
fn a_utf16_file_read_under_another_forced_encoding_is_named() {
    let out = dues()
        .args(["batch", "-", "--encoding", "utf-8", "--lang", "en"])
        .write_stdin(utf16("name,kind,budget\nA,commune,5\n", false))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        plain(&out.stderr),
        "dues: error: <stdin>: the input is UTF-16 (it starts with its byte-order mark), not in \
         the encoding --encoding gives; leave --encoding out\n"
    );
}

#[test]
fn dues_lang_may_be_empty_a_locale_or_unknown() {
    let check = |lang: &str| {
        let out = dues().env("DUES_LANG", lang).arg("check").output().unwrap();
        (out.status.code(), plain(&out.stdout), plain(&out.stderr))
    };
    let (code, stdout, stderr) = check("");
    assert_eq!((code, stderr.as_str()), (Some(0), ""));
    assert!(stdout.starts_with("tiers-2022.toml (intégrée) : valide"));
    let (code, stdout, _) = check("en_GB.UTF-8");
    assert_eq!(code, Some(0));
    assert!(stdout.starts_with("tiers-2022.toml (built in): valid"));
    let (code, stdout, stderr) = check("de");
    assert_eq!(code, Some(0));
    assert!(stdout.starts_with("tiers-2022.toml (intégrée) : valide"));
    assert_eq!(
        stderr,
        "dues : attention : DUES_LANG=de n’est pas une langue de dues (fr ou en) : la sortie est \
         en français\n"
    );
}

#[test]
fn a_table_whose_symbol_would_not_read_back_is_refused() {
    refused_everywhere(
        &with("symbol = \"€\"", "symbol = \"CHF\""),
        "symbol `CHF` is not among the accepted markers (`accepted`): an amount written the way \
         dues prints it would not read back",
    );
}

#[test]
fn zsh_completions_are_in_the_user_language() {
    let out = dues().args(["completions", "zsh"]).output().unwrap();
    let script = String::from_utf8(out.stdout).unwrap();
    assert!(script.contains("_describe -t commands 'dues : commandes' commands"));
    assert!(script.contains("'::entrée -- La liste à chiffrer"));
    assert!(!script.contains("'dues commands'") && !script.contains("'::input --"));
}

#[test]
fn help_into_a_closed_pipe_is_no_error() {
    // `dues --help | head -0`: the reader is gone before a byte is written.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = bin()
        .arg("--help")
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty(), "{}", plain(&out.stderr));
}
