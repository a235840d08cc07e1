//! What ends a run of `dues` early, as typed values: the text layer words
//! them ([`crate::i18n::failure`]), `main` prints them and exits with
//! [`Failure::exit_code`].

use std::io;
use std::path::PathBuf;

use dues_core::table::TableError;

use crate::batch::BatchError;

/// Where output was going.
#[derive(Debug)]
pub enum Target {
    Stdout,
    File(PathBuf),
}

#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// `--tiers -` and a batch reading stdin: one stream cannot be both.
    #[error("stdin_twice")]
    StdinTwice,
    /// The table file could not be read; `None`: stdin.
    #[error("table_read: {error}")]
    TableRead {
        path: Option<PathBuf>,
        error: io::Error,
    },
    #[error(transparent)]
    Table(#[from] TableError),
    /// The batch input could not be opened.
    #[error("input_open ({origin}): {error}")]
    InputOpen { origin: String, error: io::Error },
    /// The batch could not start or go on; `origin` names its input.
    #[error("batch ({origin}): {error}")]
    Batch { origin: String, error: BatchError },
    /// Output could not be written.
    #[error("output: {error}")]
    Output { target: Target, error: io::Error },
    /// No temporary file could be made beside the output.
    #[error("output_dir ({}): {error}", dir.display())]
    OutputDir { dir: PathBuf, error: io::Error },
    #[error("output_is_folder")]
    OutputIsFolder(PathBuf),
    #[error("too_many_links")]
    TooManyLinks(PathBuf),
    /// `-o` names the file being read.
    #[error("output_is_input")]
    OutputIsInput {
        /// `-o` or `--summary-json`.
        option: &'static str,
        path: PathBuf,
    },
    /// Stdout is the file being read (`dues batch f.csv >> f.csv`).
    #[error("input_is_output")]
    InputIsOutput { origin: String },
    /// `--summary-json` names the `-o` file.
    #[error("same_outputs")]
    SameOutputs(PathBuf),
    /// `-o FILE.xlsx` with `--format`: a workbook is neither CSV nor JSON
    /// lines.
    #[error("xlsx_format ({0})")]
    XlsxFormat(String),
    /// `-o` names a workbook of another format than xlsx (`.ods`, `.xls`).
    #[error("workbook_format ({0})")]
    WorkbookFormat(String),
    /// Today's date could not be told (a system clock out of range).
    #[error("clock")]
    Clock,
    /// A letter was asked of a table with no `[issuer]`.
    #[error("no_issuer ({origin})")]
    NoIssuer { origin: String },
    /// The terminal a prompt was on could not be read or written.
    #[error("terminal: {0}")]
    Terminal(io::Error),
    /// Already told the user (an input that cannot be quoted): the exit code.
    #[error("reported")]
    Reported(u8),
}

impl Failure {
    /// A closed pipe downstream (`dues … | head`): not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(
            self,
            Failure::Output { error, .. } if error.kind() == io::ErrorKind::BrokenPipe
        )
    }
}
