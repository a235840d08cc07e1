//! The words of whatever ends a run: a table that cannot be used, a file
//! that cannot be read or written, and the operating system's reasons.

use std::io;

use super::Catalog;
use super::batch::batch_error;
use super::table::table_error;
use crate::batch::BatchError;
use crate::batch::utf16::Utf16Error;
use crate::failure::{Failure, Target};
use crate::msg;

/// The message of a failure, without the `dues: error:` prefix.
/// The table could not be read from `path` (`None`: stdin).
fn table_read(cat: &Catalog, path: Option<&std::path::Path>, error: &std::io::Error) -> String {
    let io = io_error(cat, error);
    match path {
        Some(p) => msg!(
            cat,
            "fail-table-read",
            path = p.display().to_string(),
            error = io
        ),
        None => msg!(cat, "fail-table-read-stdin", error = io),
    }
}

pub fn failure(cat: &Catalog, failure: &Failure) -> String {
    match failure {
        Failure::StdinTwice => msg!(cat, "fail-stdin-twice"),
        Failure::TableRead { path, error } => table_read(cat, path.as_deref(), error),
        Failure::Table(e) => table_error(cat, e),
        Failure::InputOpen { origin, error } => {
            msg!(
                cat,
                "fail-input-read",
                origin = origin,
                error = io_error(cat, error)
            )
        }
        Failure::Batch { origin, error } => match error {
            BatchError::Read(e) => {
                msg!(
                    cat,
                    "fail-input-read",
                    origin = origin,
                    error = io_error(cat, e)
                )
            }
            other => msg!(
                cat,
                "fail-in",
                origin = origin,
                error = batch_error(cat, other)
            ),
        },
        Failure::Output { target, error } => {
            let io = io_error(cat, error);
            match target {
                Target::Stdout => msg!(cat, "fail-write-stdout", error = io),
                Target::File(p) => msg!(
                    cat,
                    "fail-write",
                    path = p.display().to_string(),
                    error = io
                ),
            }
        }
        Failure::OutputDir { dir, error } => msg!(
            cat,
            "fail-write-in",
            dir = dir.display().to_string(),
            error = io_error(cat, error)
        ),
        Failure::OutputIsFolder(p) => {
            msg!(cat, "fail-output-folder", path = p.display().to_string())
        }
        Failure::TooManyLinks(p) => {
            msg!(cat, "fail-too-many-links", path = p.display().to_string())
        }
        Failure::OutputIsInput { option, path } => msg!(
            cat,
            "fail-output-is-input",
            option = *option,
            path = path.display().to_string()
        ),
        Failure::Clock => msg!(cat, "fail-clock"),
        Failure::XlsxFormat(format) => msg!(cat, "fail-xlsx-format", format = format),
        Failure::WorkbookFormat(extension) => {
            msg!(cat, "fail-workbook-format", extension = extension)
        }
        Failure::NoIssuer { origin } => msg!(cat, "fail-no-issuer", origin = origin),
        Failure::Terminal(error) => msg!(cat, "fail-terminal", error = io_error(cat, error)),
        Failure::SameOutputs(path) => {
            msg!(cat, "fail-same-outputs", path = path.display().to_string())
        }
        Failure::InputIsOutput { origin } => msg!(cat, "fail-input-is-output", origin = origin),
        Failure::Reported(_) => String::new(),
    }
}

/// The operating system's reason, in the user's language: by its kind, else
/// by its error number, else a generic word (never the system's English).
pub fn io_error(cat: &Catalog, error: &io::Error) -> String {
    use io::ErrorKind::*;
    match error.kind() {
        NotFound => return msg!(cat, "io-not-found"),
        PermissionDenied => return msg!(cat, "io-permission-denied"),
        StorageFull => return msg!(cat, "io-storage-full"),
        IsADirectory => return msg!(cat, "io-is-a-directory"),
        NotADirectory => return msg!(cat, "io-not-a-directory"),
        ReadOnlyFilesystem => return msg!(cat, "io-read-only"),
        BrokenPipe => return msg!(cat, "io-broken-pipe"),
        InvalidData => {
            return match error.get_ref().and_then(|e| e.downcast_ref::<Utf16Error>()) {
                Some(Utf16Error::Malformed { offset }) => {
                    msg!(cat, "io-invalid-utf16", offset = offset.to_string())
                }
                Some(Utf16Error::NotUtf8) => msg!(cat, "io-output-not-utf8"),
                // What `read_to_string` says of bytes that are not UTF-8.
                None => msg!(cat, "io-invalid-utf8"),
            };
        }
        _ => {}
    }
    // Linux's error numbers, for what has no kind of its own in Rust.
    match error.raw_os_error() {
        Some(40) => msg!(cat, "io-too-many-links"),
        Some(36) => msg!(cat, "io-name-too-long"),
        Some(27) => msg!(cat, "io-file-too-large"),
        Some(122) => msg!(cat, "io-quota"),
        Some(18) => msg!(cat, "io-cross-device"),
        Some(9) => msg!(cat, "io-bad-descriptor"),
        Some(24) => msg!(cat, "io-too-many-files"),
        Some(code) => msg!(cat, "io-os-error", code = code.to_string()),
        None => msg!(cat, "io-other"),
    }
}
