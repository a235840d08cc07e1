//! Pseudo-terminals for the tests of what only a terminal sees: a session
//! runs `dues` with a terminal for stdin, stdout and stderr, 100 columns
//! wide, types into it and reads what it shows.

use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
use rustix::termios::{Winsize, tcsetwinsize};

/// Rows of every pseudo-terminal here: room for a whole quote.
pub const ROWS: u16 = 60;

/// A pseudo-terminal `columns` wide: its controller, and the path of its
/// terminal side.
pub fn pty(columns: u16) -> (File, String) {
    let controller = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY).unwrap();
    grantpt(&controller).unwrap();
    unlockpt(&controller).unwrap();
    let size = Winsize {
        ws_row: ROWS,
        ws_col: columns,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    tcsetwinsize(&controller, size).unwrap();
    let name = ptsname(&controller, Vec::new()).unwrap();
    (File::from(controller), name.into_string().unwrap())
}

/// Everything the terminal side was sent, as it comes.
fn collect(mut controller: File, into: Arc<Mutex<Vec<u8>>>) -> thread::JoinHandle<()> {
    thread::spawn(move || {
        let mut buf = [0u8; 4096];
        // Once the last writer is gone, Linux answers EIO: the end.
        while let Ok(n @ 1..) = controller.read(&mut buf) {
            into.lock().unwrap().extend_from_slice(&buf[..n]);
        }
    })
}

/// Text as a person reads it off the screen: escape sequences out, French
/// no-break spaces plain.
pub fn screen(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\x1b' {
            out.push(c);
            continue;
        }
        // CSI: ESC [ parameters final-byte; others: ESC and one byte.
        if chars.peek() == Some(&'[') {
            chars.next();
            for c in chars.by_ref() {
                if ('@'..='~').contains(&c) {
                    break;
                }
            }
        } else {
            chars.next();
        }
    }
    out.replace(['\u{202f}', '\u{a0}'], " ")
}

/// `dues` running in a pseudo-terminal.
pub struct Session {
    writer: File,
    shown: Arc<Mutex<Vec<u8>>>,
    reader: Option<thread::JoinHandle<()>>,
    child: Child,
}

impl Session {
    /// `dues args`, in French unless `--lang` says, in a terminal 100
    /// columns wide.
    pub fn spawn(args: &[&str]) -> Session {
        Session::spawn_sized(100, args, &[])
    }

    /// `dues args` in a terminal `columns` wide (0: one that reports no
    /// width), with `env` set.
    pub fn spawn_sized(columns: u16, args: &[&str], env: &[(&str, &str)]) -> Session {
        let (controller, terminal) = pty(columns);
        let side = || {
            OpenOptions::new()
                .read(true)
                .write(true)
                .open(&terminal)
                .unwrap()
        };
        let child = Command::new(env!("CARGO_BIN_EXE_dues"))
            .args(args)
            .env_remove("DUES_LANG")
            .env_remove("DUES_TIERS")
            .env_remove("NO_COLOR")
            .env_remove("COLUMNS")
            .envs(env.iter().copied())
            .env("TERM", "xterm-256color")
            .stdin(Stdio::from(side()))
            .stdout(Stdio::from(side()))
            .stderr(Stdio::from(side()))
            .spawn()
            .unwrap();
        let shown = Arc::new(Mutex::new(Vec::new()));
        let writer = controller.try_clone().unwrap();
        let reader = Some(collect(controller, shown.clone()));
        Session {
            writer,
            shown,
            reader,
            child,
        }
    }

    /// What the terminal has shown so far.
    pub fn shown(&self) -> String {
        screen(&self.shown.lock().unwrap())
    }

    /// Waits (10 s at most) until `text` has been shown.
    pub fn expect(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if self.shown().contains(text) {
                return;
            }
            thread::sleep(Duration::from_millis(20));
        }
        panic!("never shown: {text:?}\nscreen:\n{}", self.shown());
    }

    /// Types `keys`, as a person would, a key at a time.
    pub fn send(&mut self, keys: &str) {
        for c in keys.chars() {
            let mut buf = [0u8; 4];
            self.writer
                .write_all(c.encode_utf8(&mut buf).as_bytes())
                .unwrap();
            thread::sleep(Duration::from_millis(5));
        }
    }

    /// Erases `count` characters before the cursor, as Backspace does.
    pub fn erase(&mut self, count: usize) {
        self.send(&"\x7f".repeat(count));
    }

    /// Types a line and Enter.
    pub fn answer(&mut self, line: &str) {
        self.send(line);
        self.send("\r");
    }

    /// The exit code once `dues` has ended, and the screen as a person sees
    /// it then: what a terminal `columns` wide shows, every line trimmed,
    /// the blank ones at the end left out.
    pub fn final_screen(self, columns: u16) -> (i32, String) {
        let (code, shown) = self.wait();
        let size = |n: u16| std::num::NonZeroU16::new(n).expect("a screen has a size");
        let mut parser = vt100::Parser::new(size(ROWS), size(columns), 0);
        parser.process(&shown);
        let contents = parser.screen().contents();
        let lines: Vec<&str> = contents.lines().map(str::trim_end).collect();
        let end = lines
            .iter()
            .rposition(|l| !l.is_empty())
            .map_or(0, |i| i + 1);
        (code, lines[..end].join("\n") + "\n")
    }

    /// The exit code once `dues` has ended (10 s at most), and the screen.
    pub fn finish(self) -> (i32, String) {
        let (code, shown) = self.wait();
        (code, screen(&shown))
    }

    /// The exit code once `dues` has ended (10 s at most), and every byte
    /// it showed.
    pub fn wait(mut self) -> (i32, Vec<u8>) {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            if start.elapsed() > Duration::from_secs(10) {
                let _ = self.child.kill();
                panic!("still running; screen:\n{}", self.shown());
            }
            thread::sleep(Duration::from_millis(20));
        };
        drop(self.writer);
        if let Some(reader) = self.reader.take() {
            reader.join().unwrap();
        }
        let code = status.code().unwrap_or(-1);
        let shown = self.shown.lock().unwrap().clone();
        (code, shown)
    }
}
