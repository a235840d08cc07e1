/*!
Where `dues batch -o FILE` writes, without ever destroying what is there.

- A regular file (or a new one) is written whole or not at all: a temporary
  file beside it, renamed over it when complete, as `NamedTempFile::persist`
  does. A symlink is followed, so its target is replaced and the link kept.
- Anything else — a FIFO, `/dev/null`, a terminal, any device — is written
  straight into, as `sort -o` does: renaming over it would replace the device
  itself with a regular file. So is a file reached through one of the
  process's own descriptors (`-o /dev/stdout >> log.csv`, `/dev/fd/N`): it is
  the file the shell opened, appended to, never renamed over.
- SIGINT, SIGTERM or SIGHUP while a temporary file exists removes it and exits
  with the conventional 128 + signal number, leaving the old output untouched.
*/

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once, PoisonError};

use dues::failure::{Failure, Target};
use tempfile::NamedTempFile;

/// The output of a batch run.
pub enum OutFile {
    /// Into a temporary file renamed over `target` by [`OutFile::commit`].
    Atomic {
        temp: NamedTempFile,
        target: PathBuf,
    },
    /// Straight into what is not a regular file.
    Direct(File),
}

/// The temporary file to remove if a signal ends the run.
static PENDING: Mutex<Option<PathBuf>> = Mutex::new(None);

impl OutFile {
    /// Opens `path` for writing; `path` names it in messages.
    pub fn create(path: &Path) -> Result<OutFile, Failure> {
        let failed = |error| Failure::Output {
            target: Target::File(path.to_path_buf()),
            error,
        };
        // What the path finally is, every link followed by the system.
        if let Ok(meta) = fs::metadata(path) {
            if meta.is_dir() {
                return Err(Failure::OutputIsFolder(path.to_path_buf()));
            }
            let descriptor = through_descriptor(path);
            if !meta.is_file() || descriptor {
                let file = fs::OpenOptions::new()
                    .write(true)
                    .append(descriptor && meta.is_file())
                    .open(path)
                    .map_err(failed)?;
                return Ok(OutFile::Direct(file));
            }
        }
        let target = follow_links(path)?;
        let dir = target
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        guard_signals();
        let mut pending = PENDING.lock().unwrap_or_else(PoisonError::into_inner);
        let temp = temp_file_for(&target, dir).map_err(|error| Failure::OutputDir {
            dir: dir.to_path_buf(),
            error,
        })?;
        *pending = Some(temp.path().to_path_buf());
        Ok(OutFile::Atomic { temp, target })
    }

    pub fn writer(&mut self) -> &mut File {
        match self {
            OutFile::Atomic { temp, .. } => temp.as_file_mut(),
            OutFile::Direct(file) => file,
        }
    }

    /// The output is complete: put it in place.
    pub fn commit(self) -> io::Result<()> {
        match self {
            OutFile::Atomic { temp, target } => {
                let mut pending = PENDING.lock().unwrap_or_else(PoisonError::into_inner);
                let persisted = temp.persist(&target).map(drop).map_err(|e| e.error);
                *pending = None;
                persisted
            }
            OutFile::Direct(mut file) => file.flush(),
        }
    }

    /// The run failed: remove the temporary file, leave the target as it was.
    pub fn abandon(self) {
        let mut pending = PENDING.lock().unwrap_or_else(PoisonError::into_inner);
        *pending = None;
        drop(self);
    }
}

/// Does `path` reach its file through one of the process's own descriptors
/// (`/dev/stdout`, `/dev/fd/N`, `/proc/self/fd/N`)? Such a link names an
/// open file, not a place to rename onto.
fn through_descriptor(path: &Path) -> bool {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        if current.starts_with("/proc") || current.starts_with("/dev/fd") {
            return true;
        }
        match fs::read_link(&current) {
            Ok(link) => current = pointed(&current, &link),
            Err(_) => return false,
        }
    }
    false
}

/// The path a chain of symlinks ends at (which may not exist yet).
fn follow_links(path: &Path) -> Result<PathBuf, Failure> {
    let mut current = path.to_path_buf();
    // As many links as the kernel follows (Linux: 40).
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = fs::read_link(&current).map_err(|error| Failure::Output {
                    target: Target::File(path.to_path_buf()),
                    error,
                })?;
                current = pointed(&current, &link);
            }
            _ => return Ok(current),
        }
    }
    Err(Failure::TooManyLinks(path.to_path_buf()))
}

/// Where the symlink at `path` points: `link`, its content, read from the
/// link's folder (an absolute one is itself: `join` replaces the whole path).
fn pointed(path: &Path, link: &Path) -> PathBuf {
    path.parent().unwrap_or(Path::new("")).join(link)
}

/// Removes the pending temporary file on SIGINT, SIGTERM or SIGHUP, then
/// exits with 128 + the signal's number.
fn guard_signals() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
            return;
        };
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                // Held until the process ends: no rename can start after this.
                let mut pending = PENDING.lock().unwrap_or_else(PoisonError::into_inner);
                if let Some(temp) = pending.take() {
                    let _ = fs::remove_file(temp);
                }
                std::process::exit(128 + signal);
            }
        });
    });
}

/// A temporary file beside `target`, with the permissions `target` has
/// (set after creation, so that the umask does not take the group's write
/// bit away), or else those a new file gets (0666 less the umask), not
/// tempfile's 0600.
fn temp_file_for(target: &Path, dir: &Path) -> io::Result<NamedTempFile> {
    use std::os::unix::fs::PermissionsExt;
    let mut builder = tempfile::Builder::new();
    builder
        .prefix(".dues-")
        .suffix(".tmp")
        .permissions(fs::Permissions::from_mode(0o666));
    let temp = builder.tempfile_in(dir)?;
    if let Ok(meta) = fs::metadata(target) {
        temp.as_file().set_permissions(meta.permissions())?;
    }
    Ok(temp)
}
