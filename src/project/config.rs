//! The configuration file, `factcheck.toml`: its schema, discovery, merging
//! with command-line flags and the effective configuration.
//!
//! A project keeps its settings next to its content so that `factcheck check`
//! with no arguments does the right thing there, in an editor's terminal and
//! in CI alike. The file is found like typos' or ruff's: from the current
//! directory upward, the closest [`FILE_NAMES`] entry wins. Precedence runs
//! defaults < config file < command-line flags: the CLI turns its flags into
//! a [`Config`] of overrides and [`Config::merge`]s it over the file's.
//!
//! Unknown keys are errors (`PATH:LINE: unknown key `x``): a misspelt key
//! that is silently ignored is a setting that silently does nothing.
//!
//! Relative paths in the file (`refs`, `articles`) are relative to the
//! file's directory; [`parse`] rewrites them relative to the current
//! directory, so that the rest of the program never needs to know where the
//! file was. This module reads files but never prints.
//!
//! # Example
//!
//! ```
//! use std::path::Path;
//! use factcheck::project::config::{self, FailOn};
//!
//! let file = config::parse(Path::new("site/factcheck.toml"), "refs = [\"refs/\"]\nfail-on = \"unsupported\"\n").unwrap();
//! assert_eq!(file.refs, vec![Path::new("site/refs/")]);
//! let cli = config::Config { fail_on: Some(FailOn::Never), ..Default::default() };
//! assert_eq!(file.merge(cli).fail_on(), FailOn::Never);
//! ```

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use globset::{GlobBuilder, GlobMatcher};
use serde::{Deserialize, Deserializer};

use crate::check::Options;
use crate::error::{Error, Result};
use crate::report::Format;
use crate::verdict::{CalibrationError, Profile, Settings, Verdict};

/// File names looked for in each directory, in order of preference.
pub const FILE_NAMES: [&str; 2] = ["factcheck.toml", ".factcheck.toml"];

/// Reference tables used when neither the command line nor the config names any.
pub const DEFAULT_REFS: &str = "references";

/// One configuration layer: what a config file (or the command line) sets.
///
/// Every field is optional; unset fields fall through to the layer below
/// and finally to the defaults (see the accessors such as [`Config::format`]).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default, rename_all = "kebab-case")]
pub struct Config {
    /// Reference tables (CSV files or directories of them).
    pub refs: Vec<PathBuf>,
    /// Glob patterns of the articles `check` reads when given no input
    /// (`content/**/*.md`; `*` stays within a directory, `**` crosses them).
    pub articles: Vec<String>,
    /// Glob patterns of files never read as articles when found by walking
    /// a folder or by `articles` (`drafts/**`). Unlike `articles`, they stay
    /// relative to the config file's folder: they are matched against the
    /// paths reports show (see [`crate::inputs`]).
    pub exclude: Vec<String>,
    /// Output format of `check`.
    pub format: Option<Format>,
    /// Lowest verdict that makes `check` exit with code 1.
    pub fail_on: Option<FailOn>,
    /// Decision profile.
    #[serde(deserialize_with = "profile")]
    pub profile: Option<Profile>,
    /// Coverage a reference needs to support a claim (overrides the profile).
    pub min_support: Option<f64>,
    /// Coverage a reference needs for its conflicts to count (overrides the profile).
    pub min_match: Option<f64>,
    /// Check-worthiness a sentence needs to be checked.
    pub min_score: Option<f64>,
    /// Severity of each kind of finding.
    pub severity: Severities,
    /// Claims never reported.
    pub ignore: IgnoreList,
    /// Whether `check` with exactly two articles adds the cross-article
    /// comparison (`--compare`; default off).
    pub compare: Option<bool>,
}

/// Which verdicts make `check` exit with code 1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    /// Contradicted claims.
    #[default]
    Contradicted,
    /// Contradicted or unsupported claims.
    Unsupported,
    /// Nothing: exit 0 unless there is an error.
    Never,
}

impl FailOn {
    /// The name used in the config file and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            FailOn::Contradicted => "contradicted",
            FailOn::Unsupported => "unsupported",
            FailOn::Never => "never",
        }
    }

    /// True when a claim with this verdict fails the run.
    pub fn fails(self, verdict: Verdict) -> bool {
        match self {
            FailOn::Contradicted => verdict == Verdict::Contradicted,
            FailOn::Unsupported => verdict != Verdict::Supported,
            FailOn::Never => false,
        }
    }
}

/// How a finding is shown where the output format has a severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// GitHub `::error`, SARIF `error`.
    Error,
    /// GitHub `::warning`, SARIF `warning`.
    Warning,
    /// GitHub `::notice`, SARIF `note`.
    Note,
    /// Not reported in github, sarif, junit and markdown output, and never
    /// fails the run.
    Off,
}

impl Severity {
    /// The name used in the config file.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
            Severity::Off => "off",
        }
    }
}

/// The `[severity]` table: a severity per kind of finding. Supported claims
/// are never findings, so they have no severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default, rename_all = "kebab-case")]
pub struct Severities {
    /// Severity of contradicted claims (default `error`).
    pub contradicted: Option<Severity>,
    /// Severity of unsupported claims (default `warning`).
    pub unsupported: Option<Severity>,
}

impl Severities {
    /// Severity of a verdict; `None` for supported claims, which are not findings.
    pub fn of(&self, verdict: Verdict) -> Option<Severity> {
        match verdict {
            Verdict::Contradicted => Some(self.contradicted.unwrap_or(Severity::Error)),
            Verdict::Unsupported => Some(self.unsupported.unwrap_or(Severity::Warning)),
            Verdict::Supported => None,
        }
    }

    /// True when every finding keeps its built-in severity.
    pub fn is_default(&self) -> bool {
        self.of(Verdict::Contradicted) == Some(Severity::Error)
            && self.of(Verdict::Unsupported) == Some(Severity::Warning)
    }

    /// True when findings of this verdict are switched off.
    pub fn is_off(&self, verdict: Verdict) -> bool {
        self.of(verdict) == Some(Severity::Off)
    }
}

/// The `[ignore]` table: claims left out of every report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default, rename_all = "kebab-case")]
pub struct IgnoreList {
    /// Claim texts, compared after whitespace normalisation.
    pub claims: Vec<String>,
    /// Claim ids (`article-3`).
    pub ids: Vec<String>,
}

fn profile<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Option<Profile>, D::Error> {
    let name = String::deserialize(d)?;
    Profile::ALL
        .into_iter()
        .find(|p| p.as_str() == name)
        .map(Some)
        .ok_or_else(|| {
            serde::de::Error::custom(format!(
                "unknown variant `{name}`, expected one of `strict`, `balanced`, `lenient`"
            ))
        })
}

impl Config {
    /// This layer with `over` on top: every field `over` sets wins.
    pub fn merge(self, over: Config) -> Config {
        fn list<T>(below: Vec<T>, over: Vec<T>) -> Vec<T> {
            if over.is_empty() {
                below
            } else {
                over
            }
        }
        Config {
            refs: list(self.refs, over.refs),
            articles: list(self.articles, over.articles),
            exclude: list(self.exclude, over.exclude),
            format: over.format.or(self.format),
            fail_on: over.fail_on.or(self.fail_on),
            profile: over.profile.or(self.profile),
            min_support: over.min_support.or(self.min_support),
            min_match: over.min_match.or(self.min_match),
            min_score: over.min_score.or(self.min_score),
            severity: Severities {
                contradicted: over.severity.contradicted.or(self.severity.contradicted),
                unsupported: over.severity.unsupported.or(self.severity.unsupported),
            },
            ignore: IgnoreList {
                claims: list(self.ignore.claims, over.ignore.claims),
                ids: list(self.ignore.ids, over.ignore.ids),
            },
            compare: over.compare.or(self.compare),
        }
    }

    /// Whether `check` compares two articles (default `false`).
    pub fn compare(&self) -> bool {
        self.compare.unwrap_or(false)
    }

    /// Output format (default `table`).
    pub fn format(&self) -> Format {
        self.format.unwrap_or_default()
    }

    /// Exit-code rule (default `contradicted`).
    pub fn fail_on(&self) -> FailOn {
        self.fail_on.unwrap_or_default()
    }

    /// Profile (default `balanced`).
    pub fn profile(&self) -> Profile {
        self.profile.unwrap_or_default()
    }

    /// Reference tables: the configured ones, or `references/`.
    pub fn refs(&self) -> Vec<PathBuf> {
        if self.refs.is_empty() {
            vec![PathBuf::from(DEFAULT_REFS)]
        } else {
            self.refs.clone()
        }
    }

    /// Check options: the profile's settings (with the calibrated model or
    /// by rules alone) with the configured thresholds over them. Fails only
    /// when the shipped calibrated model does not parse.
    pub fn options(&self, calibrated: bool, explain: bool) -> Result<Options, CalibrationError> {
        let mut settings = Settings::profile(self.profile(), calibrated)?;
        (settings.min_support, settings.min_match) = self.coverage_thresholds(calibrated);
        Ok(Options {
            settings,
            min_score: self.min_score(),
            explain,
        })
    }

    /// Coverage needed to support and for conflicts to count: the
    /// configured values, or the profile's.
    fn coverage_thresholds(&self, calibrated: bool) -> (f64, f64) {
        let t = self.profile().thresholds();
        let profile_support = if calibrated {
            t.min_support_calibrated
        } else {
            t.min_support_rules
        };
        (
            self.min_support.unwrap_or(profile_support),
            self.min_match.unwrap_or(t.min_match),
        )
    }

    /// Check-worthiness threshold: the configured one or the default.
    fn min_score(&self) -> f64 {
        self.min_score.unwrap_or(crate::extract::DEFAULT_MIN_SCORE)
    }

    /// The effective configuration as TOML: every key with the value in
    /// use, defaults filled in, paths relative to the current directory.
    /// `file` names the config file it came from (in a comment).
    ///
    /// The output is itself a valid config file for the current directory.
    pub fn dump(&self, file: Option<&Path>) -> String {
        let string = |s: &str| toml::Value::String(s.to_string()).to_string();
        let strings = |items: &mut dyn Iterator<Item = String>| {
            let items: Vec<String> = items.map(|s| string(&s)).collect();
            format!("[{}]", items.join(", "))
        };
        let (min_support, min_match) = self.coverage_thresholds(true);
        let mut out =
            String::from("# Effective factcheck configuration: defaults < config file < command line.\n");
        match file {
            Some(p) => {
                let _ = writeln!(out, "# Config file: {}", p.display());
            }
            None => out.push_str("# Config file: none\n"),
        }
        out.push_str("# Paths are relative to the current directory.\n\n");
        let refs = self.refs();
        let _ = writeln!(
            out,
            "refs = {}",
            strings(&mut refs.iter().map(|p| p.to_string_lossy().into_owned()))
        );
        let _ = write!(out, "articles = {}", strings(&mut self.articles.iter().cloned()));
        if self.articles.is_empty() {
            out.push_str("  # none: `check` without inputs reads every article in claims/");
        }
        out.push('\n');
        let _ = write!(out, "exclude = {}", strings(&mut self.exclude.iter().cloned()));
        if !self.exclude.is_empty() {
            out.push_str("  # relative to the config file's folder");
        }
        out.push('\n');
        let _ = writeln!(out, "format = {}", string(self.format().as_str()));
        let _ = writeln!(out, "fail-on = {}", string(self.fail_on().as_str()));
        let _ = writeln!(out, "profile = {}", string(self.profile().as_str()));
        let _ = writeln!(out, "min-support = {}", number(min_support));
        let _ = writeln!(out, "min-match = {}", number(min_match));
        let _ = writeln!(out, "min-score = {}", number(self.min_score()));
        let _ = writeln!(out, "compare = {}", self.compare());
        out.push_str("\n[severity]\n");
        for v in [Verdict::Contradicted, Verdict::Unsupported] {
            let s = self.severity.of(v).map_or("off", Severity::as_str);
            let _ = writeln!(out, "{} = {}", v.as_str(), string(s));
        }
        out.push_str("\n[ignore]\n");
        let _ = writeln!(
            out,
            "claims = {}",
            strings(&mut self.ignore.claims.iter().cloned())
        );
        let _ = writeln!(out, "ids = {}", strings(&mut self.ignore.ids.iter().cloned()));
        out
    }
}

/// A float as TOML writes it, rounded to 6 decimals so that the dump never
/// shows binary noise.
fn number(v: f64) -> String {
    let rounded = (v * 1e6).round() / 1e6;
    toml::Value::Float(rounded).to_string()
}

/// Where the configuration comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The closest `factcheck.toml` / `.factcheck.toml` from the current directory upward.
    Discover,
    /// This file (`--config PATH`); it must exist.
    File(PathBuf),
    /// No file at all (`--no-config`).
    None,
}

/// A loaded configuration and the file it came from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Loaded {
    /// The file's settings, paths relative to the current directory.
    pub config: Config,
    /// The file, as found (relative to the current directory when discovered).
    pub path: Option<PathBuf>,
}

impl Loaded {
    /// What `config` prints: with `dump`, the configuration in effect as a
    /// file ([`Config::dump`]); else the file in use, or that there is none.
    pub fn describe(&self, dump: bool) -> String {
        match (&self.path, dump) {
            (path, true) => self.config.dump(path.as_deref()),
            (Some(p), false) => format!("{}\n", p.display()),
            (None, false) => format!(
                "no configuration file ({} or {} in this directory or a parent)\n",
                FILE_NAMES[0], FILE_NAMES[1]
            ),
        }
    }
}

/// Loads the configuration from `source`. Discovery that finds nothing gives
/// the empty configuration; a named file that cannot be read is an error.
pub fn load(source: &Source) -> Result<Loaded> {
    let path = match source {
        Source::None => return Ok(Loaded::default()),
        Source::File(p) => p.clone(),
        Source::Discover => match discover(Path::new("")) {
            Some(p) => p,
            None => return Ok(Loaded::default()),
        },
    };
    Ok(Loaded {
        config: read(&path)?,
        path: Some(path),
    })
}

/// The closest config file from `dir` upward, as a path built from `dir`
/// and `..` steps (so `""` finds `factcheck.toml`, `../factcheck.toml`, …),
/// never an absolute path unless `dir` is one. In one directory,
/// `factcheck.toml` wins over `.factcheck.toml`.
pub fn discover(dir: &Path) -> Option<PathBuf> {
    let absolute = if dir.as_os_str().is_empty() {
        std::env::current_dir().ok()?
    } else {
        dir.canonicalize().ok()?
    };
    let mut here = dir.to_path_buf();
    for _ in absolute.ancestors() {
        for name in FILE_NAMES {
            let candidate = here.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
        here.push("..");
    }
    None
}

/// Reads and parses a config file.
pub fn read(path: &Path) -> Result<Config> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, &e))?;
    let text = crate::article::decode(path, bytes).or_else(|e| match e {
        // An empty config file is a valid one: everything at its default.
        Error::Invalid { ref message, .. } if message == "file is empty" => Ok(String::new()),
        e => Err(e),
    })?;
    parse(path, &text)
}

/// Parses the text of a config file found at `path`: relative paths are
/// rewritten relative to the current directory (joined to the file's
/// directory), thresholds and glob patterns are checked.
pub fn parse(path: &Path, text: &str) -> Result<Config> {
    let mut config: Config = toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(1, |s| line_at(text, s.start));
        Error::invalid(path, line, toml_message(e.message()))
    })?;
    for (key, value) in [
        ("min-support", config.min_support),
        ("min-match", config.min_match),
        ("min-score", config.min_score),
    ] {
        if let Some(v) = value.filter(|v| !(0.0..=1.0).contains(v)) {
            return Err(Error::invalid(
                path,
                key_line(text, key),
                format!("`{key}` must be between 0 and 1, got {v}"),
            ));
        }
    }
    for (key, patterns) in [("articles", &config.articles), ("exclude", &config.exclude)] {
        for pattern in patterns {
            if let Err(e) = glob(pattern) {
                return Err(Error::invalid(
                    path,
                    value_line(text, pattern),
                    format!("invalid glob `{pattern}` in `{key}`: {}", e.kind()),
                ));
            }
        }
    }
    let base = path.parent().unwrap_or(Path::new(""));
    config.refs = config.refs.iter().map(|p| base.join(p)).collect();
    config.articles = config.articles.iter().map(|p| join_pattern(base, p)).collect();
    Ok(config)
}

/// serde's "unknown field" becomes "unknown key"; the rest is toml's own words.
fn toml_message(message: &str) -> String {
    let message = message.trim();
    if let Some(rest) = message.strip_prefix("unknown field `") {
        if let Some(end) = rest.find('`') {
            return format!("unknown key `{}`", &rest[..end]);
        }
    }
    message.to_string()
}

/// 1-based line of a byte offset.
fn line_at(text: &str, offset: usize) -> u64 {
    let end = offset.min(text.len());
    text.as_bytes()[..end].iter().filter(|&&b| b == b'\n').count() as u64 + 1
}

/// Line of the first `key =` in the text (1 when not found).
fn key_line(text: &str, key: &str) -> u64 {
    text.lines()
        .position(|l| {
            l.trim_start()
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map_or(1, |i| i as u64 + 1)
}

/// Line of the first line that quotes `value` (1 when not found).
fn value_line(text: &str, value: &str) -> u64 {
    text.lines()
        .position(|l| l.contains(value))
        .map_or(1, |i| i as u64 + 1)
}

/// A glob pattern as `articles` and `exclude` read it: `*` stays within a
/// directory, `**` crosses directories, `\\` escapes.
pub fn glob(pattern: &str) -> std::result::Result<GlobMatcher, globset::Error> {
    Ok(GlobBuilder::new(pattern)
        .literal_separator(true)
        .backslash_escape(true)
        .build()?
        .compile_matcher())
}

/// `base/pattern` with forward slashes; an absolute pattern stays as it is.
fn join_pattern(base: &Path, pattern: &str) -> String {
    if base.as_os_str().is_empty() || Path::new(pattern).is_absolute() {
        pattern.to_string()
    } else {
        format!("{}/{pattern}", base.to_string_lossy().trim_end_matches('/'))
    }
}

/// The files matching glob patterns, sorted and without duplicates.
///
/// Each pattern is split into a literal base (`content/` in
/// `content/**/*.md`) and the glob below it; only the base is walked, with
/// `std::fs`, so a pattern never makes factcheck read a whole repository.
/// Hidden directories (`.git`) below the base and symbolic links to
/// directories are not entered. A pattern that matches nothing adds
/// nothing; the caller decides whether no file at all is an error.
pub fn expand_articles(patterns: &[String]) -> Result<Vec<PathBuf>> {
    let mut found = BTreeSet::new();
    for pattern in patterns {
        let (base, rest) = split_glob(pattern);
        if rest.is_empty() {
            if base.is_file() {
                found.insert(base);
            }
            continue;
        }
        let matcher =
            glob(&rest).map_err(|e| Error::Usage(format!("invalid glob `{pattern}`: {}", e.kind())))?;
        if base.as_os_str().is_empty() || base.is_dir() {
            walk(&base, "", &matcher, &mut found)?;
        }
    }
    Ok(found.into_iter().collect())
}

/// Splits a pattern at its first component holding a glob character: the
/// literal folder to walk and the glob below it.
pub fn split_glob(pattern: &str) -> (PathBuf, String) {
    let special = |c: char| matches!(c, '*' | '?' | '[' | ']' | '{' | '}' | '\\');
    let parts: Vec<&str> = pattern.split('/').collect();
    let first = parts
        .iter()
        .position(|p| p.contains(special))
        .unwrap_or(parts.len());
    let mut base = PathBuf::new();
    if pattern.starts_with('/') {
        base.push("/");
    }
    for p in &parts[..first] {
        if !p.is_empty() {
            base.push(p);
        }
    }
    (base, parts[first..].join("/"))
}

/// Adds the files under `dir` whose path relative to the walk's base
/// (`rel`, with `/`) matches.
fn walk(dir: &Path, rel: &str, matcher: &GlobMatcher, found: &mut BTreeSet<PathBuf>) -> Result<()> {
    let read_from = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let entries = std::fs::read_dir(read_from).map_err(|e| Error::io(read_from, &e))?;
    let mut children = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(read_from, &e))?;
        let kind = entry.file_type().map_err(|e| Error::io(entry.path(), &e))?;
        children.push((entry.file_name().to_string_lossy().into_owned(), kind));
    }
    children.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, kind) in children {
        let path = dir.join(&name);
        let rel = if rel.is_empty() {
            name.clone()
        } else {
            format!("{rel}/{name}")
        };
        if kind.is_dir() {
            if !name.starts_with('.') {
                walk(&path, &rel, matcher, found)?;
            }
        } else if (kind.is_file() || (kind.is_symlink() && path.is_file())) && matcher.is_match(&rel) {
            found.insert(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(text: &str) -> Config {
        parse(Path::new("factcheck.toml"), text).unwrap()
    }

    fn parse_err(text: &str) -> String {
        parse(Path::new("cfg/factcheck.toml"), text)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn every_key_parses() {
        let c = parse_ok(
            r#"
refs = ["references/", "more.csv"]
articles = ["content/**/*.md"]
format = "sarif"
fail-on = "unsupported"
profile = "strict"
min-support = 0.6
min-match = 0.5
min-score = 0.3

[severity]
contradicted = "warning"
unsupported = "off"

[ignore]
claims = ["The moon is made of cheese."]
ids = ["article-1"]
"#,
        );
        assert_eq!(
            c.refs,
            vec![PathBuf::from("references/"), PathBuf::from("more.csv")]
        );
        assert_eq!(c.articles, vec!["content/**/*.md".to_string()]);
        assert_eq!(c.format, Some(Format::Sarif));
        assert_eq!(c.fail_on, Some(FailOn::Unsupported));
        assert_eq!(c.profile, Some(Profile::Strict));
        assert_eq!(
            (c.min_support, c.min_match, c.min_score),
            (Some(0.6), Some(0.5), Some(0.3))
        );
        assert_eq!(c.severity.of(Verdict::Contradicted), Some(Severity::Warning));
        assert!(c.severity.is_off(Verdict::Unsupported));
        assert_eq!(c.ignore.ids, vec!["article-1".to_string()]);
    }

    #[test]
    fn empty_file_means_defaults() {
        let c = parse_ok("");
        assert_eq!(c, Config::default());
        assert_eq!(c.format(), Format::Table);
        assert_eq!(c.fail_on(), FailOn::Contradicted);
        assert_eq!(c.profile(), Profile::Balanced);
        assert_eq!(c.refs(), vec![PathBuf::from("references")]);
        assert!(c.severity.is_default());
    }

    #[test]
    fn unknown_keys_name_the_key_and_line() {
        assert_eq!(
            parse_err("format = \"json\"\nfail_on = \"never\"\n"),
            "cfg/factcheck.toml:2: unknown key `fail_on`"
        );
        assert_eq!(
            parse_err("[severity]\ncontradicted = \"error\"\nsupported = \"note\"\n"),
            "cfg/factcheck.toml:3: unknown key `supported`"
        );
        assert_eq!(
            parse_err("[ignore]\n\nclaim = [\"x\"]\n"),
            "cfg/factcheck.toml:3: unknown key `claim`"
        );
    }

    #[test]
    fn bad_values_name_the_line() {
        assert_eq!(
            parse_err("\nformat = \"xml\"\n"),
            "cfg/factcheck.toml:2: unknown variant `xml`, expected one of `table`, `json`, `csv`, `github`, `sarif`, `junit`, `markdown`, `claimreview`, `html`"
        );
        assert_eq!(
            parse_err("profile = \"picky\"\n"),
            "cfg/factcheck.toml:1: unknown variant `picky`, expected one of `strict`, `balanced`, `lenient`"
        );
        assert_eq!(
            parse_err("refs = []\nmin-score = 1.5\n"),
            "cfg/factcheck.toml:2: `min-score` must be between 0 and 1, got 1.5"
        );
        assert_eq!(
            parse_err("\n\narticles = [\"a/[b.md\"]\n"),
            "cfg/factcheck.toml:3: invalid glob `a/[b.md` in `articles`: unclosed character class; missing ']'"
        );
        assert!(parse_err("min-match = \"high\"\n").starts_with("cfg/factcheck.toml:1: invalid type: string"));
        assert!(parse_err("refs = [\n").starts_with("cfg/factcheck.toml:"));
    }

    #[test]
    fn paths_are_relative_to_the_config_file() {
        let c = parse(
            Path::new("../site/factcheck.toml"),
            "refs = [\"refs/\", \"/abs/t.csv\"]\narticles = [\"content/**/*.md\", \"/abs/*.md\"]\n",
        )
        .unwrap();
        assert_eq!(
            c.refs,
            vec![PathBuf::from("../site/refs/"), PathBuf::from("/abs/t.csv")]
        );
        assert_eq!(
            c.articles,
            vec!["../site/content/**/*.md".to_string(), "/abs/*.md".to_string()]
        );
    }

    #[test]
    fn command_line_layer_wins_and_unset_fields_fall_through() {
        let file = parse_ok("format = \"json\"\nprofile = \"lenient\"\nrefs = [\"a.csv\"]\n[severity]\nunsupported = \"off\"\n");
        let cli = Config {
            format: Some(Format::Csv),
            ..Default::default()
        };
        let c = file.merge(cli);
        assert_eq!(c.format(), Format::Csv);
        assert_eq!(c.profile(), Profile::Lenient);
        assert_eq!(c.refs, vec![PathBuf::from("a.csv")]);
        assert!(c.severity.is_off(Verdict::Unsupported));
        let c = c.merge(Config {
            refs: vec![PathBuf::from("b.csv")],
            ..Default::default()
        });
        assert_eq!(c.refs, vec![PathBuf::from("b.csv")]);
    }

    #[test]
    fn options_follow_profile_then_thresholds() {
        let c = parse_ok("profile = \"strict\"\nmin-match = 0.25\nmin-score = 0.2\n");
        let o = c.options(true, false).unwrap();
        let strict = Settings::profile(Profile::Strict, true).unwrap();
        assert_eq!(o.settings.min_support, strict.min_support);
        assert_eq!(o.settings.min_match, 0.25);
        assert_eq!(o.min_score, 0.2);
    }

    #[test]
    fn dump_is_a_config_that_loads_back_to_the_same_values() {
        let c = parse_ok("articles = [\"content/*.md\"]\nfail-on = \"never\"\n[ignore]\nclaims = [\"a \\\"quoted\\\" claim\"]\n");
        let dump = c.dump(Some(Path::new("factcheck.toml")));
        assert!(dump.contains("# Config file: factcheck.toml\n"), "{dump}");
        assert!(dump.contains("\nfail-on = \"never\"\n"), "{dump}");
        let min_score = format!("\nmin-score = {}\n", number(crate::extract::DEFAULT_MIN_SCORE));
        assert!(dump.contains(&min_score), "{dump}");
        assert!(dump.contains("\nclaims = ['a \"quoted\" claim']\n"), "{dump}");
        let back = parse_ok(&dump);
        assert_eq!(back.articles, c.articles);
        assert_eq!(back.fail_on(), FailOn::Never);
        assert_eq!(back.ignore, c.ignore);
        assert_eq!(back.dump(Some(Path::new("factcheck.toml"))), dump);
    }

    #[test]
    fn example_config_sets_every_key_it_sets_to_its_default() {
        // Like lychee's `test_config_example`: the shipped example must load,
        // and (since it documents the defaults) change nothing.
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("factcheck.example.toml");
        let c = read(&path).unwrap();
        assert_eq!(c.refs, vec![path.parent().unwrap().join("references/")]);
        assert_eq!(c.articles.len(), 1);
        assert!(c.articles[0].ends_with("/claims/*.{md,txt}"), "{:?}", c.articles);
        assert_eq!(c.format, Some(Format::default()));
        assert_eq!(c.fail_on, Some(FailOn::default()));
        assert_eq!(c.profile, Some(Profile::default()));
        let defaults = Config::default().options(true, false).unwrap();
        let set = c.options(true, false).unwrap();
        assert_eq!(set.settings.min_support, defaults.settings.min_support);
        assert_eq!(set.settings.min_match, defaults.settings.min_match);
        assert_eq!(set.min_score, defaults.min_score);
        // Thresholds are left to the profile, so that `--profile` still takes effect.
        assert_eq!((c.min_support, c.min_match, c.min_score), (None, None, None));
        assert!(c.exclude.is_empty());
        assert_eq!(c.severity.contradicted, Some(Severity::Error));
        assert_eq!(c.severity.unsupported, Some(Severity::Warning));
        assert_eq!(c.ignore, IgnoreList::default());
    }

    #[test]
    fn patterns_split_into_a_literal_base_and_a_glob() {
        assert_eq!(
            split_glob("content/**/*.md"),
            (PathBuf::from("content"), "**/*.md".into())
        );
        assert_eq!(
            split_glob("../site/a/*.txt"),
            (PathBuf::from("../site/a"), "*.txt".into())
        );
        assert_eq!(split_glob("*.md"), (PathBuf::new(), "*.md".into()));
        assert_eq!(
            split_glob("notes/a.md"),
            (PathBuf::from("notes/a.md"), String::new())
        );
    }

    #[test]
    fn articles_expand_sorted_recursive_and_skip_hidden_directories() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for f in [
            "content/b.md",
            "content/a.md",
            "content/x/c.md",
            "content/x/d.txt",
            "content/.git/e.md",
            "other/f.md",
        ] {
            let p = root.join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "x").unwrap();
        }
        let base = root.to_string_lossy();
        let got =
            expand_articles(&[format!("{base}/content/**/*.md"), format!("{base}/other/f.md")]).unwrap();
        let rel: Vec<String> = got
            .iter()
            .map(|p| p.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/"))
            .collect();
        assert_eq!(
            rel,
            ["content/a.md", "content/b.md", "content/x/c.md", "other/f.md"]
        );
        let shallow =
            expand_articles(&[format!("{base}/content/*.md"), format!("{base}/missing/*.md")]).unwrap();
        assert_eq!(shallow.len(), 2);
    }
}
