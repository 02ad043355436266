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
    #[error("{}: {message}", path.display())]
    Io {
        /// The file concerned.
        path: PathBuf,
        /// What the operating system said, in words.
        message: String,
    },
    /// A file holds something that is not valid input, at a known line.
    #[error("{}:{line}: {message}", path.display())]
    Invalid {
        /// The file concerned.
        path: PathBuf,
        /// 1-based line where the problem is.
        line: u64,
        /// What is wrong, in words.
        message: String,
    },
    /// Bad usage that is not tied to a file (conflicting options and such).
    #[error("{0}")]
    Usage(String),
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
    fn io_not_found_is_plain_words() {
        let io = std::io::Error::from(std::io::ErrorKind::NotFound);
        assert_eq!(
            Error::io("x.md", &io).to_string(),
            "x.md: no such file or directory"
        );
    }
}
