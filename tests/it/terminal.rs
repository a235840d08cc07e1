//! What only a terminal sees, in a pseudo-terminal: the progress line of a
//! long batch.

use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::process::{Command as Process, Stdio};
use std::thread;
use std::time::Duration;

use super::pty::pty;

/// Everything the terminal side was sent, until every writer closed it.
fn drain(mut controller: File) -> thread::JoinHandle<String> {
    thread::spawn(move || {
        let mut text = Vec::new();
        let mut buf = [0u8; 4096];
        // Once the last writer is gone, Linux answers EIO: the end.
        while let Ok(n @ 1..) = controller.read(&mut buf) {
            text.extend_from_slice(&buf[..n]);
        }
        String::from_utf8_lossy(&text).replace(['\u{202f}', '\u{a0}'], " ")
    })
}

#[test]
fn a_long_batch_shows_its_progress_on_a_terminal_then_clears_it() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("communes.csv");
    let mut text = String::from("nom,type,budget\n");
    for i in 0..70_000 {
        text.push_str(&format!("Commune {i},commune,{}\n", 1_000 + i));
    }
    std::fs::write(&input, text).unwrap();
    // Rows priced by workers, and on the reading thread alone.
    for threads in ["2", "1"] {
        let seen = progress_of(&input, threads);
        // `dues batch : 32 768 lignes, 47 %, encore 0 s…`, then cleared.
        let progress = seen
            .split("\r\x1b[K")
            .find(|part| part.starts_with("dues batch : ") && part.contains(" lignes, "))
            .unwrap_or_else(|| panic!("no progress line in {seen:?} on {threads} threads"));
        assert!(progress.contains(" %, encore "), "{progress:?}");
        // Every row read is at least 23 bytes (`Commune 0,commune,1000`):
        // the share read is at least that of the rows done.
        let figures: Vec<u64> = progress
            .split(|c: char| !c.is_ascii_digit() && c != ' ')
            .map(|f| f.replace(' ', ""))
            .filter_map(|f| f.parse().ok())
            .collect();
        let (rows, percent) = (figures[0], figures[1]);
        let size = std::fs::metadata(&input).unwrap().len();
        assert!(percent >= rows * 23 * 100 / size, "{progress:?}");
        assert!(progress.ends_with('…'), "{progress:?}");
        assert!(
            seen.ends_with("\r\x1b[Kdues batch : 70 000 lignes chiffrées ; 0 en erreur\r\n"),
            "{seen:?}"
        );
    }
}

/// What a terminal shows of `dues batch` on `input` with `threads`, its
/// rows waiting in a full pipe for more than a second: a long run.
fn progress_of(input: &std::path::Path, threads: &str) -> String {
    let (controller, terminal) = pty(100);
    let stderr = OpenOptions::new().write(true).open(&terminal).unwrap();
    let mut child = Process::new(env!("CARGO_BIN_EXE_dues"))
        .arg("batch")
        .arg(input)
        .args(["--threads", threads])
        .env_remove("DUES_LANG")
        .env_remove("DUES_TIERS")
        .stdout(Stdio::piped())
        .stderr(stderr)
        .spawn()
        .unwrap();
    let seen = drain(controller);
    let mut stdout = child.stdout.take().unwrap();
    thread::sleep(Duration::from_millis(1500));
    let mut rows = Vec::new();
    stdout.read_to_end(&mut rows).unwrap();
    assert!(child.wait().unwrap().success());
    assert_eq!(rows.iter().filter(|&&b| b == b'\n').count(), 70_001);
    seen.join().unwrap()
}

/// What a terminal on its stderr shows of `dues batch ARGS`, `stdin` its
/// input, its rows written elsewhere; it must succeed.
fn stderr_on_a_terminal(args: &[&str], stdin: &[u8]) -> String {
    let (controller, terminal) = pty(100);
    let stderr = OpenOptions::new().write(true).open(&terminal).unwrap();
    let mut child = Process::new(env!("CARGO_BIN_EXE_dues"))
        .arg("batch")
        .args(args)
        .env_remove("DUES_LANG")
        .env_remove("DUES_TIERS")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(stderr)
        .spawn()
        .unwrap();
    let seen = drain(controller);
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin).unwrap();
    drop(input);
    assert!(child.wait().unwrap().success());
    seen.join().unwrap()
}

#[test]
fn a_short_batch_shows_no_progress() {
    assert_eq!(
        stderr_on_a_terminal(&[], b"nom,type,budget\nA,commune,5000000\n"),
        "dues batch : 1 ligne chiffrée ; 0 en erreur\r\n"
    );
}

#[test]
fn a_batch_done_within_a_second_shows_no_progress_however_many_rows() {
    let mut text = String::from("nom,type,budget\n");
    for i in 0..40_000 {
        text.push_str(&format!("Commune {i},commune,{}\n", 1_000 + i));
    }
    assert_eq!(
        stderr_on_a_terminal(&["-j", "1"], text.as_bytes()),
        "dues batch : 40 000 lignes chiffrées ; 0 en erreur\r\n"
    );
}

#[test]
fn a_summary_on_a_narrow_terminal_fits_it_its_headings_in_bold() {
    let dir = tempfile::tempdir().unwrap();
    let rows = dir.path().join("out.csv");
    let input = super::data("batch/prospects-utf8.csv");
    let args = ["batch", &input, "-o", rows.to_str().unwrap(), "--summary"];
    let session = super::pty::Session::spawn_sized(60, &args, &[]);
    let (code, shown) = session.wait();
    assert_eq!(code, 0);
    let text = super::pty::screen(&shown);
    assert!(text.contains("╭"), "{text}");
    // The labels are wrapped so that every line of the boxes fits, and the
    // boxes line up one under the other.
    let boxes = text
        .lines()
        .filter(|l| l.starts_with(['╭', '│', '╞', '├', '╰']));
    let widths: Vec<usize> = boxes.map(|l| l.chars().count()).collect();
    assert!(widths.len() > 10, "{text}");
    assert!(widths.iter().all(|&w| w == widths[0] && w <= 60), "{text}");
    // The total and its figures in bold.
    let raw = String::from_utf8_lossy(&shown);
    let bold: Vec<&str> = raw.split("\x1b[1m").skip(1).map(str::trim_start).collect();
    assert!(bold.iter().any(|b| b.starts_with("Total ")), "{raw:?}");
    assert!(bold.iter().any(|b| b.starts_with("41 ")), "{raw:?}");
}

#[test]
fn rows_typed_into_a_terminal_are_priced_back_onto_it() {
    // The terminal is both the input and the output: a device, read and
    // written at once harmlessly, not a file read back as its own output.
    // One Ctrl-D ends the input: a terminal says so once, and a second
    // read would wait for more typing.
    let mut session = super::pty::Session::spawn(&["--lang", "en", "batch"]);
    session.answer("name,kind,budget");
    session.answer("Quimper,commune,98000000");
    session.send("\x04");
    let (code, screen) = session.finish();
    assert_eq!(code, 0, "{screen}");
    // Echoed as typed, then priced: the header and the row with their dues.
    let lines: Vec<&str> = screen.lines().map(str::trim_end).collect();
    assert_eq!(
        lines,
        [
            "name,kind,budget",
            "Quimper,commune,98000000",
            "name,kind,budget,tier,fee,fee_basis,error",
            "Quimper,commune,98000000,large,5000,fixed,",
            "dues batch: 1 row priced; 0 in error",
        ]
    );
}
