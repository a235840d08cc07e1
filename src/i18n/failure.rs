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
pub fn failure(cat: &Catalog, failure: &Failure) -> String {
    match failure {
        Failure::StdinTwice => msg!(cat, "fail-stdin-twice"),
        Failure::TableRead { path, error } => {
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
        Failure::OutputIsInput(p) => {
            msg!(cat, "fail-output-is-input", path = p.display().to_string())
        }
        Failure::InputIsOutput { origin } => msg!(cat, "fail-input-is-output", origin = origin),
        Failure::Reported(_) => String::new(),
    }
}

/// The operating system's reason, in the user's language where we know it.
pub fn io_error(cat: &Catalog, error: &io::Error) -> String {
    use io::ErrorKind::*;
    let known = match error.kind() {
        NotFound => Some(msg!(cat, "io-not-found")),
        PermissionDenied => Some(msg!(cat, "io-permission-denied")),
        StorageFull => Some(msg!(cat, "io-storage-full")),
        IsADirectory => Some(msg!(cat, "io-is-a-directory")),
        NotADirectory => Some(msg!(cat, "io-not-a-directory")),
        ReadOnlyFilesystem => Some(msg!(cat, "io-read-only")),
        BrokenPipe => Some(msg!(cat, "io-broken-pipe")),
        InvalidData => match error.get_ref().and_then(|e| e.downcast_ref::<Utf16Error>()) {
            Some(Utf16Error::Malformed { offset }) => {
                Some(msg!(cat, "io-invalid-utf16", offset = offset.to_string()))
            }
            Some(Utf16Error::NotUtf8) => Some(msg!(cat, "io-output-not-utf8")),
            // What `read_to_string` says of bytes that are not UTF-8.
            None => Some(msg!(cat, "io-invalid-utf8")),
        },
        _ => None,
    };
    match known {
        Some(text) => text,
        // Ours (invalid UTF-16) or the system's own words, as a detail.
        None => msg!(cat, "io-other", detail = error.to_string()),
    }
}
