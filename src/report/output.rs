//! Writing output files without destroying anything: the one place where
//! factcheck writes a file (reports with `-o`, `--write-baseline`,
//! `refs index -o`, `extract -o`, `eval --dump-features`).
//!
//! - An output that is one of the run's inputs (the same path once
//!   canonical, or on unix the same device and inode: a hard link) is
//!   refused before anything is written.
//! - A regular file (or a path that does not exist yet) is replaced
//!   atomically: a new temporary file in the same folder, then a rename, so
//!   a failed run never leaves a half-written file. Behind a symbolic link,
//!   the link's target is replaced and the link kept.
//! - A character device (`/dev/null`, a terminal) or a FIFO is written
//!   through, never replaced by a regular file; so is an open descriptor
//!   (`/dev/stderr`, `/dev/fd/N`), appending, whatever it is.
//! - Any other kind of file (a directory, a block device, a socket) and a
//!   dangling link are refused.
//!
//! Standard output (`-`, `/dev/stdout`) is the caller's: see [`is_stdout`].

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, OutputRefusal, Result};

/// True when an output path means standard output: `-`, `/dev/stdout`,
/// `/dev/fd/1` or `/proc/self/fd/1`. Writing these through the process's
/// own standard output keeps a shell redirection (`> report.txt`) intact.
pub fn is_stdout(path: &Path) -> bool {
    matches!(
        path.to_str(),
        Some("-" | "/dev/stdout" | "/dev/fd/1" | "/proc/self/fd/1")
    )
}

/// True for paths that name an open descriptor of the process
/// (`/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N`): written through,
/// appending, even when the descriptor is a regular file, so that a shell
/// redirection (`2>> log`) keeps its file.
fn is_descriptor(path: &Path) -> bool {
    path.to_str()
        .is_some_and(|p| p == "/dev/stderr" || p.starts_with("/dev/fd/") || p.starts_with("/proc/self/fd/"))
}

/// Identity of an existing file.
#[derive(Debug, Clone, PartialEq, Eq)]
struct FileId {
    canonical: Option<PathBuf>,
    #[cfg(unix)]
    dev_ino: (u64, u64),
}

impl FileId {
    /// The identity of a regular file; `None` for anything else (devices
    /// and FIFOs may be shared by input and output, as `/dev/tty` is).
    fn of(path: &Path) -> Option<FileId> {
        let meta = std::fs::metadata(path).ok()?;
        if !meta.is_file() {
            return None;
        }
        Some(FileId {
            canonical: std::fs::canonicalize(path).ok(),
            #[cfg(unix)]
            dev_ino: {
                use std::os::unix::fs::MetadataExt;
                (meta.dev(), meta.ino())
            },
        })
    }

    fn same(&self, other: &FileId) -> bool {
        #[cfg(unix)]
        if self.dev_ino == other.dev_ino {
            return true;
        }
        self.canonical.is_some() && self.canonical == other.canonical
    }
}

/// The files a run reads, which no output of the run may replace.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    files: Vec<(PathBuf, FileId)>,
}

impl Inputs {
    /// No inputs.
    pub fn new() -> Inputs {
        Inputs::default()
    }

    /// Adds an input; paths that are not existing regular files are left
    /// out (they cannot be overwritten by mistake, or the run fails on them).
    pub fn add(&mut self, path: &Path) -> &mut Inputs {
        if let Some(id) = FileId::of(path) {
            self.files.push((path.to_path_buf(), id));
        }
        self
    }

    /// Adds several inputs.
    pub fn extend<P: AsRef<Path>>(&mut self, paths: impl IntoIterator<Item = P>) -> &mut Inputs {
        for p in paths {
            self.add(p.as_ref());
        }
        self
    }

    /// Refuses, before any work, outputs that are inputs of the run, and
    /// two outputs (`-o` and `--write-baseline`) that name the same file.
    pub fn refuse(&self, outputs: &[Option<&Path>]) -> Result<()> {
        let outputs: Vec<&Path> = outputs.iter().flatten().copied().collect();
        for out in &outputs {
            self.check(out)?;
        }
        if let [a, b] = outputs[..] {
            if !is_stdout(a) && same_file(a, b) {
                return Err(Error::Output {
                    path: b.to_path_buf(),
                    reason: OutputRefusal::TwoOutputs {
                        what: "-o and --write-baseline",
                    },
                });
            }
        }
        Ok(())
    }

    /// Refuses an output path that is one of the inputs.
    pub fn check(&self, output: &Path) -> Result<()> {
        if is_stdout(output) {
            return Ok(());
        }
        let Some(id) = FileId::of(output) else {
            return Ok(());
        };
        match self.files.iter().find(|(_, input)| input.same(&id)) {
            Some((input, _)) => Err(Error::Output {
                path: output.to_path_buf(),
                reason: OutputRefusal::IsInput {
                    input: (input != output).then(|| input.clone()),
                },
            }),
            None => Ok(()),
        }
    }
}

/// True when two output paths name the same file: the same existing file,
/// or the same absolute path.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (FileId::of(a), FileId::of(b)) {
        (Some(x), Some(y)) => x.same(&y),
        _ => std::path::absolute(a).ok() == std::path::absolute(b).ok(),
    }
}

/// Writes `bytes` to `path` as the module documentation says, after
/// checking that `path` is none of `inputs`. `path` must not mean standard
/// output ([`is_stdout`]): that is the caller's to write.
pub fn write(path: &Path, bytes: &[u8], inputs: &Inputs) -> Result<()> {
    inputs.check(path)?;
    let refuse = |reason| Error::Output {
        path: path.to_path_buf(),
        reason,
    };
    let target = match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(Error::io(path, &e)),
        Ok(link) if link.file_type().is_symlink() => match std::fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(refuse(OutputRefusal::DanglingLink))
            }
            Err(e) => return Err(Error::io(path, &e)),
            Ok(meta) => Some(meta),
        },
        Ok(meta) => Some(meta),
    };
    match target {
        Some(meta) if is_descriptor(path) && !meta.is_dir() => std::fs::OpenOptions::new()
            .append(true)
            .open(path)
            .and_then(|mut f| f.write_all(bytes).and_then(|()| f.flush()))
            .map_err(|e| Error::io(path, &e)),
        None => replace(path, path, bytes, None),
        Some(meta) if meta.is_file() => {
            let real = std::fs::canonicalize(path).map_err(|e| Error::io(path, &e))?;
            replace(path, &real, bytes, Some(meta.permissions()))
        }
        Some(meta) if writes_through(&meta) => std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .and_then(|mut f| f.write_all(bytes).and_then(|()| f.flush()))
            .map_err(|e| Error::io(path, &e)),
        Some(meta) => Err(refuse(OutputRefusal::NotRegular { kind: kind_of(&meta) })),
    }
}

/// Writes manual pages (`(file name, roff)`) into `dir`, creating it if
/// missing, and returns how many were written. Nothing is written unless
/// every page can be: an existing file of the same name is replaced
/// (atomically, by [`write()`]) only when it is a page of the same command
/// (its `.TH` line names it), so that regenerating the pages works and a
/// user's own file is never lost.
pub fn write_man_pages(dir: &Path, pages: &[(String, Vec<u8>)]) -> Result<usize> {
    if dir.exists() && !dir.is_dir() {
        return Err(Error::Io {
            path: dir.to_path_buf(),
            message: "is not a directory".into(),
        });
    }
    for (name, _) in pages {
        let path = dir.join(name);
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        let title = format!(".TH {} ", name.trim_end_matches(".1"));
        let ours = meta.is_file()
            && std::fs::read(&path).is_ok_and(|old| {
                String::from_utf8_lossy(&old)
                    .lines()
                    .any(|l| l.starts_with(&title))
            });
        if !ours {
            return Err(Error::Output {
                path,
                reason: OutputRefusal::NotOurs {
                    what: "a factcheck manual page",
                },
            });
        }
    }
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, &e))?;
    for (name, roff) in pages {
        write(&dir.join(name), roff, &Inputs::new())?;
    }
    Ok(pages.len())
}

/// Character devices and FIFOs are written into, not replaced.
fn writes_through(meta: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        t.is_char_device() || t.is_fifo()
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        false
    }
}

fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_block_device() {
            return "block device";
        }
        if t.is_socket() {
            return "socket";
        }
    }
    if meta.is_dir() {
        "directory"
    } else {
        "special file"
    }
}

/// Replaces `real` (the file `shown` names, behind any links) with a
/// temporary file renamed over it, keeping its permissions.
fn replace(shown: &Path, real: &Path, bytes: &[u8], permissions: Option<std::fs::Permissions>) -> Result<()> {
    let dir = match real.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        return Err(Error::Io {
            path: shown.to_path_buf(),
            message: format!("directory {} does not exist", dir.display()),
        });
    }
    let name = real
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    // A new file (never one planted under the same name, nor a link).
    let mut attempt = 0;
    let (tmp, mut file) = loop {
        let tmp = dir.join(format!(".{name}.factcheck-tmp-{}-{attempt}", std::process::id()));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
        {
            Ok(f) => break (tmp, f),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            Err(e) => return Err(Error::io(shown, &e)),
        }
    };
    let result = file
        .write_all(bytes)
        .and_then(|()| file.sync_all())
        .and_then(|()| match permissions {
            Some(p) => std::fs::set_permissions(&tmp, p),
            None => Ok(()),
        })
        .and_then(|()| std::fs::rename(&tmp, real));
    drop(file);
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::io(shown, &e));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stdout_names() {
        assert!(is_stdout(Path::new("-")) && is_stdout(Path::new("/dev/stdout")));
        assert!(!is_stdout(Path::new("./-")) && !is_stdout(Path::new("out.json")));
    }

    #[test]
    fn an_input_is_refused_by_any_name_and_a_new_file_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.md");
        std::fs::write(&a, "x").unwrap();
        let mut inputs = Inputs::new();
        inputs.add(&a).add(&dir.path().join("missing.md"));
        let other = dir.path().join(".").join("a.md");
        let e = write(&other, b"report", &inputs).unwrap_err().to_string();
        assert!(e.contains("is an input of this run"), "{e}");
        assert_eq!(std::fs::read(&a).unwrap(), b"x");
        let out = dir.path().join("out.txt");
        write(&out, b"report", &inputs).unwrap();
        write(&out, b"again", &inputs).unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"again");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            2,
            "no temporary file left"
        );
    }
}
