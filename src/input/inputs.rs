//! The inputs of `check`, found as the content linters (ruff, typos, Vale,
//! lychee) find theirs: files and folders on the command line, `-` for
//! standard input, else the configuration's `articles`, else `claims/`.
//!
//! - A folder is walked as ripgrep walks one (the `ignore` crate): hidden
//!   files and folders, and whatever `.gitignore`, `.ignore` and
//!   `.git/info/exclude` name, are skipped; only article files
//!   ([`ARTICLE_EXTENSIONS`]) are kept, sorted by path. The user's global
//!   git excludes are not read, so that the same repository gives the same
//!   inputs on every machine.
//! - The configuration's `exclude` globs leave out files found by walking a
//!   folder or by `articles`; a file named on the command line is always
//!   read, unless `only_configured` asks to keep only the configured
//!   articles among the files given (for hooks and CI that pass every
//!   changed file).
//! - Each input has a *name*, the path reports show: relative to the
//!   configuration file's folder (the repository root) when a configuration
//!   is in use and the file is under it, so that GitHub annotations land on
//!   the diff from any working directory; else the path as given.
//!
//! Reads files and standard input; never prints.

use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Component, Path, PathBuf};

use globset::GlobMatcher;

use crate::claim::Claim;
use crate::error::{one_line, Result};

/// Extensions (lower case) of the files a folder walk reads as articles:
/// the ones `check` reads from `claims/` by default.
pub const ARTICLE_EXTENSIONS: [&str; 3] = ["md", "markdown", "txt"];

/// The command-line input that means standard input.
pub const STDIN: &str = "-";

/// The name of standard input in reports and errors when no
/// `--stdin-filename` is given.
pub const STDIN_NAME: &str = "stdin";

/// Why the inputs of a run cannot be found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum InputError {
    /// A path on the command line that does not exist.
    #[error("{}: no such file or directory", one_line(&.0.display().to_string()))]
    Missing(PathBuf),
    /// A folder on the command line with no article file in it.
    #[error(
        "{}: the folder holds no article (.md, .markdown or .txt files that are not hidden, ignored or excluded)",
        one_line(&.0.display().to_string())
    )]
    EmptyFolder(PathBuf),
    /// A folder that cannot be walked.
    #[error("{}: {}", one_line(&.path.display().to_string()), one_line(.message))]
    Walk {
        /// The folder or file concerned.
        path: PathBuf,
        /// What went wrong, in words.
        message: String,
    },
    /// `-` given more than once.
    #[error("`-` (standard input) is given more than once")]
    StdinTwice,
    /// `--stdin-filename` without `-` among the inputs.
    #[error("--stdin-filename names standard input: give `-` among the inputs")]
    StdinFilenameWithoutStdin,
    /// No input given and the configuration's `articles` match nothing.
    #[error("no input given and no file matches `articles` in {}", one_line(.0))]
    NoConfiguredArticle(String),
    /// No input given, no `articles`, and `claims/` holds no article.
    #[error("no input given and claims/ holds no article")]
    NoDefaultArticle,
    /// An `exclude` pattern that is not a valid glob.
    #[error("invalid glob `{}` in `exclude`: {}", one_line(.pattern), one_line(.message))]
    BadExclude {
        /// The pattern.
        pattern: String,
        /// What is wrong with it.
        message: String,
    },
}

/// What to look for: the command line and the configuration in use.
#[derive(Debug, Clone, Copy, Default)]
pub struct Request<'a> {
    /// Files, folders and `-` given on the command line.
    pub given: &'a [PathBuf],
    /// `--stdin-filename`: the name of standard input in reports.
    pub stdin_filename: Option<&'a Path>,
    /// The configuration's `articles` globs (relative to the current directory).
    pub articles: &'a [String],
    /// The configuration's `exclude` globs (relative to its folder).
    pub exclude: &'a [String],
    /// The configuration file in use, if any: its folder is the root the
    /// names are relative to.
    pub config_file: Option<&'a Path>,
    /// Keep only the given files that the configured `articles` (or, with
    /// none, `claims/`) select and `exclude` does not; none left is no error.
    pub only_configured: bool,
}

/// Where an input is read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A file.
    File(PathBuf),
    /// Standard input, already read and decoded.
    Stdin(String),
}

/// One input of a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The path reports show and claim ids derive from (see the module
    /// documentation).
    pub name: String,
    /// Where its text comes from.
    pub origin: Origin,
}

impl Input {
    /// The file at `path`, named by the path as given.
    pub fn file(path: &Path) -> Input {
        Input {
            name: path.display().to_string(),
            origin: Origin::File(path.to_path_buf()),
        }
    }

    /// The file it is read from (`None` for standard input).
    pub fn path(&self) -> Option<&Path> {
        match &self.origin {
            Origin::File(p) => Some(p),
            Origin::Stdin(_) => None,
        }
    }

    /// True for a claims CSV (by its name's extension).
    pub fn is_claims_csv(&self) -> bool {
        crate::check::is_claims_csv(Path::new(&self.name))
    }

    /// Its claims: extracted from an article (without those its inline
    /// markers silence) or read from a claims CSV. Articles are named
    /// [`Input::name`] in the claims.
    pub fn load_claims(&self, min_score: f64) -> Result<Vec<Claim>> {
        match &self.origin {
            Origin::File(path) if path.is_dir() => Err(crate::Error::Io {
                path: path.clone(),
                message: "is a directory, expected a file".into(),
            }),
            Origin::File(path) if self.is_claims_csv() => {
                crate::claim::read_claims(path).map(crate::extract::resolve_subjects)
            }
            Origin::File(path) => {
                let bytes = crate::capped::read_article(path)?;
                let source = crate::article::decode(path, bytes)?;
                crate::ignore::claims_of(&self.name, path, source, min_score)
            }
            Origin::Stdin(text) if self.is_claims_csv() => {
                crate::claim::parse_claims(Path::new(&self.name), text).map(crate::extract::resolve_subjects)
            }
            Origin::Stdin(text) => {
                crate::ignore::claims_of(&self.name, Path::new(&self.name), text.clone(), min_score)
            }
        }
    }

    /// The article's source text, for the formats that show it (HTML,
    /// SARIF regions); `None` for claims CSVs and unreadable files.
    pub fn source(&self) -> Option<String> {
        if self.is_claims_csv() {
            return None;
        }
        match &self.origin {
            Origin::File(path) => crate::article::read(path).ok().map(|a| a.source),
            Origin::Stdin(text) => Some(text.clone()),
        }
    }
}

/// Finds the inputs of a run, sorted by name within each folder walked and
/// without duplicates; `stdin` is read only when `-` is given.
pub fn discover(request: &Request, stdin: &mut dyn Read) -> Result<Vec<Input>> {
    let root = request.config_file.map(config_root);
    let exclude = Exclude::new(request.exclude)?;
    let naming = Naming {
        root: root.as_deref(),
    };
    let stdin_given = request.given.iter().filter(|p| p.as_os_str() == STDIN).count();
    if stdin_given > 1 {
        return Err(InputError::StdinTwice.into());
    }
    if stdin_given == 0 && request.stdin_filename.is_some() {
        return Err(InputError::StdinFilenameWithoutStdin.into());
    }
    let mut found = Found::default();
    if request.given.is_empty() {
        let files = if request.articles.is_empty() {
            default_articles()?
        } else {
            configured_articles(request.articles)?
        };
        for path in files {
            let name = naming.name(&path);
            if !exclude.matches(&name) {
                found.push(Input {
                    name,
                    origin: Origin::File(path),
                });
            }
        }
        if found.inputs.is_empty() {
            return Err(match request.config_file {
                Some(file) if !request.articles.is_empty() => {
                    InputError::NoConfiguredArticle(file.display().to_string())
                }
                None if !request.articles.is_empty() => {
                    InputError::NoConfiguredArticle("the configuration".into())
                }
                _ => InputError::NoDefaultArticle,
            }
            .into());
        }
        return Ok(found.inputs);
    }
    let configured = if request.only_configured {
        let files = if request.articles.is_empty() {
            default_articles()?
        } else {
            configured_articles(request.articles)?
        };
        Some(
            files
                .iter()
                .filter_map(|p| identity(p))
                .collect::<BTreeSet<PathBuf>>(),
        )
    } else {
        None
    };
    for path in request.given {
        if path.as_os_str() == STDIN {
            let name = request
                .stdin_filename
                .map_or_else(|| STDIN_NAME.to_string(), |p| naming.name(p));
            let mut bytes = Vec::new();
            stdin
                .read_to_end(&mut bytes)
                .map_err(|e| crate::Error::io(&name, &e))?;
            let text = crate::article::decode(Path::new(&name), bytes)?;
            found.push(Input {
                name,
                origin: Origin::Stdin(text),
            });
            continue;
        }
        let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => InputError::Missing(path.clone()).into(),
            _ => crate::Error::io(path, &e),
        })?;
        if meta.is_dir() {
            let files = walk(path, &naming, &exclude)?;
            let files: Vec<PathBuf> = match &configured {
                Some(set) => files
                    .into_iter()
                    .filter(|f| identity(f).is_some_and(|id| set.contains(&id)))
                    .collect(),
                None => files,
            };
            if files.is_empty() && configured.is_none() {
                return Err(InputError::EmptyFolder(path.clone()).into());
            }
            for file in files {
                found.push(Input {
                    name: naming.name(&file),
                    origin: Origin::File(file),
                });
            }
            continue;
        }
        let name = naming.name(path);
        if let Some(set) = &configured {
            let selected = identity(path).is_some_and(|id| set.contains(&id));
            if !selected || exclude.matches(&name) {
                continue;
            }
        }
        found.push(Input {
            name,
            origin: Origin::File(path.clone()),
        });
    }
    Ok(found.inputs)
}

/// Inputs in order, each name once.
#[derive(Default)]
struct Found {
    inputs: Vec<Input>,
    names: BTreeSet<String>,
}

impl Found {
    fn push(&mut self, input: Input) {
        if self.names.insert(input.name.clone()) {
            self.inputs.push(input);
        }
    }
}

/// The files the `articles` globs match, sorted, as
/// [`crate::config::expand_articles`] finds them (only each pattern's
/// literal folder is walked) but walked as a folder input is: hidden and
/// .gitignore'd files are not articles either.
fn configured_articles(patterns: &[String]) -> Result<Vec<PathBuf>> {
    let mut found = BTreeSet::new();
    for pattern in patterns {
        let (base, rest) = crate::config::split_glob(pattern);
        if rest.is_empty() {
            if base.is_file() {
                found.insert(base);
            }
            continue;
        }
        let matcher = crate::config::glob(&rest)
            .map_err(|e| crate::Error::Usage(format!("invalid glob `{pattern}`: {}", e.kind())))?;
        let dir = if base.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            base.clone()
        };
        if !dir.is_dir() {
            continue;
        }
        for entry in walker(&dir).build() {
            let entry = entry.map_err(|e| walk_error(&dir, &e))?;
            if !is_file(&entry) {
                continue;
            }
            let Ok(rel) = entry.path().strip_prefix(&dir) else {
                continue;
            };
            let rel_slash = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            if matcher.is_match(&rel_slash) {
                found.insert(base.join(rel));
            }
        }
    }
    Ok(found.into_iter().collect())
}

/// A walk as ripgrep's: hidden files and what .gitignore, .ignore and
/// .git/info/exclude name are skipped (also outside a git checkout, and
/// never by the user's global excludes), links are not followed, entries
/// come sorted by name.
fn walker(dir: &Path) -> ignore::WalkBuilder {
    let mut builder = ignore::WalkBuilder::new(dir);
    builder
        .standard_filters(true)
        .git_global(false)
        .require_git(false)
        .follow_links(false)
        .sort_by_file_name(|a, b| a.cmp(b));
    builder
}

fn is_file(entry: &ignore::DirEntry) -> bool {
    entry.file_type().is_some_and(|t| t.is_file()) || (entry.path_is_symlink() && entry.path().is_file())
}

/// Every article in `claims/` (the default without `articles`).
fn default_articles() -> Result<Vec<PathBuf>> {
    let dir = Path::new("claims");
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    crate::check::files_in(dir, &ARTICLE_EXTENSIONS)
}

/// The folder of a configuration file (`.` for `factcheck.toml`).
fn config_root(file: &Path) -> PathBuf {
    match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A file's identity for comparing paths spelt differently: its folder's
/// canonical path joined with its name (a link is not followed to its target).
fn identity(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?;
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    Some(std::fs::canonicalize(parent).ok()?.join(name))
}

/// How inputs are named in reports.
struct Naming<'a> {
    root: Option<&'a Path>,
}

impl Naming<'_> {
    /// The path relative to the root, with `/`, when there is a root and the
    /// file is under it; else the path as given.
    fn name(&self, path: &Path) -> String {
        let given = path.display().to_string();
        let Some(root) = self.root else {
            return given;
        };
        let Ok(root) = std::fs::canonicalize(root) else {
            return given;
        };
        let Some(file) = identity(path).or_else(|| lexical_identity(path)) else {
            return given;
        };
        match file.strip_prefix(&root) {
            Ok(rel) if !rel.as_os_str().is_empty() => rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/"),
            _ => given,
        }
    }
}

/// The absolute path of a file that need not exist (a `--stdin-filename`),
/// with `.` and `..` resolved by their spelling.
fn lexical_identity(path: &Path) -> Option<PathBuf> {
    let absolute = std::path::absolute(path).ok()?;
    let mut out = PathBuf::new();
    for c in absolute.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            c => out.push(c),
        }
    }
    // The existing part is made canonical, so that it compares with the root.
    let mut existing = out.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        rest.push(existing.file_name()?.to_os_string());
        if !existing.pop() {
            return None;
        }
    }
    let mut canonical = std::fs::canonicalize(&existing).ok()?;
    for part in rest.into_iter().rev() {
        canonical.push(part);
    }
    Some(canonical)
}

/// The `exclude` globs, matched against input names.
struct Exclude {
    matchers: Vec<GlobMatcher>,
}

impl Exclude {
    fn new(patterns: &[String]) -> Result<Exclude> {
        let matchers = patterns
            .iter()
            .map(|p| {
                crate::config::glob(p.trim_start_matches("./")).map_err(|e| InputError::BadExclude {
                    pattern: p.clone(),
                    message: e.kind().to_string(),
                })
            })
            .collect::<std::result::Result<Vec<_>, _>>()?;
        Ok(Exclude { matchers })
    }

    /// True when a name, or one of the folders it is in, matches a pattern.
    fn matches(&self, name: &str) -> bool {
        if self.matchers.is_empty() {
            return false;
        }
        let mut prefix = String::new();
        for (i, part) in name.split('/').enumerate() {
            if i > 0 {
                prefix.push('/');
            }
            prefix.push_str(part);
            if self.matchers.iter().any(|m| m.is_match(&prefix)) {
                return true;
            }
        }
        false
    }
}

/// The article files under a folder, walked as ripgrep does, sorted by path.
fn walk(dir: &Path, naming: &Naming, exclude: &Exclude) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in walker(dir).build() {
        let entry = entry.map_err(|e| walk_error(dir, &e))?;
        let path = entry.path();
        if !is_file(&entry) || !is_article(path) {
            continue;
        }
        if exclude.matches(&naming.name(path)) {
            continue;
        }
        files.push(path.to_path_buf());
    }
    files.sort();
    Ok(files)
}

fn is_article(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

fn walk_error(dir: &Path, e: &ignore::Error) -> crate::Error {
    let path = match e {
        ignore::Error::WithPath { path, .. } => path.clone(),
        _ => dir.to_path_buf(),
    };
    let message = match e.io_error() {
        Some(io) => return crate::Error::io(path, io),
        None => e.to_string(),
    };
    InputError::Walk { path, message }.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exclude_matches_a_file_or_a_folder_it_is_in() {
        let ex = Exclude::new(&["drafts/**".into(), "*.draft.md".into(), "old".into()]).unwrap();
        assert!(ex.matches("drafts/a.md"));
        assert!(ex.matches("x.draft.md"));
        assert!(!ex.matches("content/x.draft.md"), "`*` stays within a folder");
        assert!(ex.matches("old/deep/a.md"));
        assert!(!ex.matches("content/a.md"));
        assert!(Exclude::new(&["a/[b".into()]).is_err());
    }
}
