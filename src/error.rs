//! Typed errors of the library.
//!
//! Every variant that comes from a file names the file and, where there is
//! one, the 1-based line, so that the CLI can render each error once, on one
//! line, as `PATH:LINE: what is wrong`. The library never prints.

use std::path::PathBuf;

/// Result alias used throughout the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong while reading inputs or writing outputs.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be opened, read or written.
    #[error("{}: {}", one_line(&.path.display().to_string()), one_line(.message))]
    Io {
        /// The file concerned.
        path: PathBuf,
        /// What the operating system said, in words.
        message: String,
    },
    /// A file holds something that is not valid input, at a known line.
    #[error("{}:{line}: {}", one_line(&.path.display().to_string()), one_line(.message))]
    Invalid {
        /// The file concerned.
        path: PathBuf,
        /// 1-based line where the problem is.
        line: u64,
        /// What is wrong, in words.
        message: String,
    },
    /// Bad usage that is not tied to a file (conflicting options and such).
    #[error("{}", one_line(.0))]
    Usage(String),
    /// The inputs of a run cannot be found (see [`crate::inputs`]).
    #[error(transparent)]
    Input(#[from] crate::inputs::InputError),
    /// An output path that would destroy a file, refused before anything is written.
    #[error("{}: {reason}", one_line(&.path.display().to_string()))]
    Output {
        /// The output path as given.
        path: PathBuf,
        /// Why it is refused.
        reason: OutputRefusal,
    },
    /// The calibrated model built into the binary does not parse (an edited
    /// `src/data/calibration.txt`; a unit test checks the shipped one).
    #[error("src/data/calibration.txt (the shipped calibrated model): {0}")]
    Calibration(#[from] crate::calibration::CalibrationError),
}

/// Why an output path is refused (see [`crate::output`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum OutputRefusal {
    /// The output is one of the run's inputs (by path, link or hard link).
    #[error("is an input of this run{}; refusing to overwrite it with the output", other_name(.input))]
    IsInput {
        /// The input as given, when it is given under another name (a
        /// link, a hard link, another spelling of the path).
        input: Option<PathBuf>,
    },
    /// A directory, a block device, a socket: never replaced by a file.
    #[error("is a {kind}, not a regular file; refusing to replace it")]
    NotRegular {
        /// What it is, in words.
        kind: &'static str,
    },
    /// A symbolic link whose target does not exist.
    #[error("is a symbolic link to a missing file; refusing to write through it")]
    DanglingLink,
    /// An existing file that factcheck did not write (`man --dir` replaces
    /// only its own pages).
    #[error("exists and is not {what}; refusing to overwrite it")]
    NotOurs {
        /// What factcheck would have replaced, in words.
        what: &'static str,
    },
    /// Two outputs of one run name the same file.
    #[error("is given as two outputs of this run ({what})")]
    TwoOutputs {
        /// The two options, in words.
        what: &'static str,
    },
}

/// Escapes what would break the one-line rendering or drive a terminal:
/// line breaks, other control characters (escape sequences) and bidi
/// controls, which messages quote from the input (`duplicate id `..``).
pub(crate) fn one_line(text: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| {
        c.is_control()
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
    };
    if !text.contains(bad) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| {
            if bad(c) {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

/// ` (as PATH)` for an input named otherwise than the output.
fn other_name(input: &Option<PathBuf>) -> String {
    input
        .as_ref()
        .map(|p| format!(" (as {})", one_line(&p.display().to_string())))
        .unwrap_or_default()
}

impl Error {
    /// Builds an [`Error::Invalid`].
    pub fn invalid(path: impl Into<PathBuf>, line: u64, message: impl Into<String>) -> Self {
        Error::Invalid {
            path: path.into(),
            line,
            message: message.into(),
        }
    }

    /// Builds an [`Error::Io`] from an `std::io::Error`, in plain words.
    pub fn io(path: impl Into<PathBuf>, err: &std::io::Error) -> Self {
        use std::io::ErrorKind;
        let message = match err.kind() {
            ErrorKind::NotFound => "no such file or directory".to_string(),
            ErrorKind::PermissionDenied => "permission denied".to_string(),
            ErrorKind::IsADirectory => "is a directory, expected a file".to_string(),
            _ => {
                // Strip the "(os error N)" tail: it is noise for an editor.
                let text = err.to_string();
                match text.find(" (os error") {
                    Some(i) => text[..i].to_lowercase(),
                    None => text.to_lowercase(),
                }
            }
        };
        Error::Io {
            path: path.into(),
            message,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_renders_path_line_message() {
        let e = Error::invalid("refs/a.csv", 7, "missing column `id`");
        assert_eq!(e.to_string(), "refs/a.csv:7: missing column `id`");
    }

    #[test]
    fn messages_stay_on_one_line_without_terminal_controls() {
        // Found while building the bad-input catalogue: a duplicate id
        // holding a line break or an escape sequence was printed as is.
        let e = Error::invalid(
            "a\nb.csv",
            3,
            "duplicate id `x\ny\u{1b}[2J\u{202E}` (first on line 2)",
        );
        assert_eq!(
            e.to_string(),
            "a\\nb.csv:3: duplicate id `x\\ny\\u{1b}[2J\\u{202e}` (first on line 2)"
        );
        assert_eq!(Error::Usage("tab\there".into()).to_string(), "tab\\there");
        assert_eq!(
            Error::invalid("k.csv", 1, "Kōno 東京").to_string(),
            "k.csv:1: Kōno 東京"
        );
    }

    #[test]
    fn io_not_found_is_plain_words() {
        let io = std::io::Error::from(std::io::ErrorKind::NotFound);
        assert_eq!(
            Error::io("x.md", &io).to_string(),
            "x.md: no such file or directory"
        );
    }
}
