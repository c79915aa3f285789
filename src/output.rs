//! Write stage, files: outputs that appear whole or not at all.
//!
//! An [`AtomicFile`] is written under a temporary name in the target's
//! folder and renamed over the target by [`AtomicFile::commit`]; dropped
//! without a commit (an error, a panic, an interrupted run), it removes the
//! temporary file, so a truncated output never stands under the final name
//! and a previous file of that name is untouched. A target that exists and
//! is not a regular file (`/dev/null`, `/dev/stdout`, a named pipe) is
//! written directly: renaming over it would replace the device or pipe
//! with a plain file.
//!
//! ```
//! use std::io::Write;
//! let dir = tempfile::tempdir().unwrap();
//! let path = dir.path().join("out.ndjson");
//! let mut f = referat::output::AtomicFile::create(&path).unwrap();
//! f.write_all(b"{}\n").unwrap();
//! assert!(!path.exists());
//! f.commit().unwrap();
//! assert_eq!(std::fs::read(&path).unwrap(), b"{}\n");
//! ```

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// A file written under a temporary name and renamed into place.
#[derive(Debug)]
pub struct AtomicFile {
    /// `None` when the target is written directly ([`written_in_place`]).
    tmp: Option<PathBuf>,
    dest: PathBuf,
    out: Option<BufWriter<File>>,
}

/// Whether `dest` is written directly rather than renamed into place: it
/// exists and is not a regular file (a device such as `/dev/null`, a named
/// pipe, a socket), after following links.
pub fn written_in_place(dest: &Path) -> bool {
    std::fs::metadata(dest).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

impl AtomicFile {
    /// Creates the temporary file next to `dest`.
    pub fn create(dest: &Path) -> io::Result<AtomicFile> {
        if written_in_place(dest) {
            let file = std::fs::OpenOptions::new().write(true).open(dest)?;
            return Ok(AtomicFile {
                tmp: None,
                dest: dest.to_path_buf(),
                out: Some(BufWriter::new(file)),
            });
        }
        let dir = match dest.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = dest
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "output".to_string());
        let tmp = dir.join(format!(".{name}.referat-{}.tmp", std::process::id()));
        let file = File::create(&tmp)?;
        Ok(AtomicFile {
            tmp: Some(tmp),
            dest: dest.to_path_buf(),
            out: Some(BufWriter::new(file)),
        })
    }

    /// Flushes, syncs and renames the file into place (a target written
    /// in place is only flushed).
    pub fn commit(mut self) -> io::Result<()> {
        let out = self.out.take().expect("not yet committed");
        let file = out.into_inner().map_err(|e| e.into_error())?;
        match &self.tmp {
            Some(tmp) => {
                file.sync_all()?;
                std::fs::rename(tmp, &self.dest)
            }
            None => Ok(()),
        }
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.out.as_mut().expect("not committed").write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.as_mut().expect("not committed").flush()
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.out.take().is_some()
            && let Some(tmp) = &self.tmp
        {
            let _ = std::fs::remove_file(tmp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_uncommitted_file_leaves_the_old_one_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("records.ndjson");
        std::fs::write(&path, b"old\n").unwrap();
        {
            let mut f = AtomicFile::create(&path).unwrap();
            f.write_all(b"half a reco").unwrap();
            // Dropped: an error happened.
        }
        assert_eq!(std::fs::read(&path).unwrap(), b"old\n");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn devices_are_written_in_place_files_are_not() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("records.ndjson");
        std::fs::write(&file, b"old\n").unwrap();
        assert!(written_in_place(Path::new("/dev/null")));
        assert!(!written_in_place(&file));
        assert!(!written_in_place(&dir.path().join("new.ndjson")));
    }

    /// `-o` to a named pipe: the pipe stays a pipe and its reader gets the
    /// records (renaming over it, it would be replaced by a plain file).
    #[test]
    fn a_named_pipe_stays_a_pipe() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("records.fifo");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo runs");
        assert!(made.success());
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read(fifo).unwrap())
        };
        let mut f = AtomicFile::create(&fifo).unwrap();
        f.write_all(b"{}\n").unwrap();
        f.commit().unwrap();
        // Checked before joining: had the pipe been replaced, its reader
        // would wait for a writer forever.
        let kind = std::fs::metadata(&fifo).unwrap().file_type();
        assert!(kind.is_fifo());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        assert_eq!(reader.join().unwrap(), b"{}\n");
    }

    #[test]
    fn an_unwritable_folder_is_an_error_not_a_panic() {
        let err = AtomicFile::create(Path::new("/nonexistent-referat-dir/x.ndjson")).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::NotFound);
    }
}
