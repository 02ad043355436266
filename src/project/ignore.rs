//! Ignoring claims: inline markers in articles and the config's `[ignore]`
//! list.
//!
//! An editor who has checked a claim by hand, or who quotes a false claim on
//! purpose, silences it where it is written, with an HTML comment (in
//! Markdown and in plain text alike):
//!
//! | marker | ignores claims that start |
//! |---|---|
//! | `<!-- factcheck: ignore -->` after text on its line | on the marker's line only |
//! | `<!-- factcheck: ignore -->` alone on its line | on the line after it |
//! | `<!-- factcheck: off -->` … `<!-- factcheck: on -->` | on any line from `off` to `on` (to the end of the file without `on`) |
//! | `<!-- factcheck: ignore-file -->` | anywhere in the file |
//!
//! The Markdown parser drops HTML comments, so markers are found in the raw
//! source. A comment that starts with `factcheck:` but names no known
//! directive is an error, as an unknown config key is: a misspelt marker
//! would otherwise silence nothing without a word.
//!
//! Ignored claims are removed before judging: they are not in the report,
//! not counted and never fail a run. This module reads files but never
//! prints.

use std::collections::HashSet;
use std::ops::Range;
use std::path::Path;

use crate::article::Article;
use crate::claim::Claim;
use crate::config::IgnoreList;
use crate::error::{Error, Result};
use crate::extract::extract;

/// A marker directive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Directive {
    /// `ignore`: after text on its line, that line; alone on its line, the next.
    Ignore,
    /// `off`: from here until `on`.
    Off,
    /// `on`: ends an `off` block.
    On,
    /// `ignore-file`: the whole file.
    IgnoreFile,
}

/// One marker found in a source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    /// What it asks for.
    pub directive: Directive,
    /// 1-based line of the comment's start.
    pub line: usize,
    /// 1-based line of the comment's end.
    pub end_line: usize,
    /// True when nothing but spaces shares the marker's lines.
    pub alone: bool,
    /// Byte range of the whole comment in the source.
    pub span: Range<usize>,
}

/// The lines an article's markers silence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Markers {
    /// The markers, in source order.
    pub markers: Vec<Marker>,
    /// True when the whole file is ignored.
    pub whole_file: bool,
    /// Inclusive ranges of 1-based lines whose claims are ignored.
    pub lines: Vec<(usize, usize)>,
}

impl Markers {
    /// Finds the markers of a source; `path` only names it in errors.
    ///
    /// # Example
    ///
    /// ```
    /// use std::path::Path;
    /// use factcheck::project::ignore::Markers;
    ///
    /// let src = "A.\n<!-- factcheck: ignore -->\nB.\n<!-- factcheck: off -->\nC.\nD.\n<!-- factcheck: on -->\nE.\n";
    /// let m = Markers::scan(Path::new("a.md"), src).unwrap();
    /// let ignored: Vec<usize> = (1..=8).filter(|&l| m.ignores(l)).collect();
    /// assert_eq!(ignored, [2, 3, 4, 5, 6, 7]);
    /// ```
    pub fn scan(path: &Path, source: &str) -> Result<Markers> {
        let mut markers = Vec::new();
        let mut from = 0;
        // Lines counted once, forward: recounting from the start for each
        // marker was quadratic in a file full of markers.
        let mut lines_to = LineCount::default();
        while let Some(open) = source[from..].find("<!--").map(|i| from + i) {
            let Some(close) = source[open + 4..].find("-->").map(|i| open + 4 + i + 3) else {
                break;
            };
            from = close;
            let inner = source[open + 4..close - 3].trim();
            let Some(rest) = inner.strip_prefix("factcheck:") else {
                continue;
            };
            let line = lines_to.line_at(source, open);
            let directive = match rest.trim() {
                "ignore" => Directive::Ignore,
                "off" => Directive::Off,
                "on" => Directive::On,
                "ignore-file" => Directive::IgnoreFile,
                other => {
                    return Err(Error::invalid(
                        path,
                        line as u64,
                        format!(
                            "unknown factcheck marker `{other}` (expected ignore, off, on or ignore-file)"
                        ),
                    ))
                }
            };
            let line_start = source[..open].rfind('\n').map_or(0, |i| i + 1);
            let line_end = source[close..].find('\n').map_or(source.len(), |i| close + i);
            let alone =
                source[line_start..open].trim().is_empty() && source[close..line_end].trim().is_empty();
            markers.push(Marker {
                directive,
                line,
                end_line: lines_to.line_at(source, close),
                alone,
                span: open..close,
            });
        }
        let mut lines = Vec::new();
        let mut off_since = None;
        let mut whole_file = false;
        for m in &markers {
            match m.directive {
                // A marker after a claim on its line silences that line
                // only; alone on its line, it silences the line after it.
                Directive::Ignore if m.alone => lines.push((m.line, m.end_line + 1)),
                Directive::Ignore => lines.push((m.line, m.end_line)),
                Directive::Off => {
                    off_since.get_or_insert(m.line);
                }
                Directive::On => {
                    if let Some(start) = off_since.take() {
                        lines.push((start, m.line));
                    }
                }
                Directive::IgnoreFile => whole_file = true,
            }
        }
        if let Some(start) = off_since {
            lines.push((start, usize::MAX));
        }
        Ok(Markers {
            markers,
            whole_file,
            lines,
        })
    }

    /// True when claims starting on this 1-based line are ignored.
    pub fn ignores(&self, line: usize) -> bool {
        self.whole_file || self.lines.iter().any(|&(a, b)| (a..=b).contains(&line))
    }

    /// True when the source has no marker.
    pub fn is_empty(&self) -> bool {
        self.markers.is_empty()
    }
}

/// 1-based lines of increasing byte offsets, counted forward once.
#[derive(Default)]
struct LineCount {
    pos: usize,
    newlines: usize,
}

impl LineCount {
    fn line_at(&mut self, source: &str, offset: usize) -> usize {
        if offset > self.pos {
            self.newlines += source.as_bytes()[self.pos..offset]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            self.pos = offset;
        }
        self.newlines + 1
    }
}

/// The source with every marker replaced by spaces (newlines kept), so that
/// in plain text a marker never becomes part of a claim while every other
/// byte keeps its line and column.
pub fn blank_markers(source: &str, markers: &Markers) -> String {
    let mut out = String::with_capacity(source.len());
    let mut at = 0;
    for m in &markers.markers {
        out.push_str(&source[at..m.span.start]);
        // One space per byte, so that offsets after the marker are unchanged.
        for c in source[m.span.clone()].chars() {
            if c == '\n' {
                out.push('\n');
            } else {
                out.push_str(&" ".repeat(c.len_utf8()));
            }
        }
        at = m.span.end;
    }
    out.push_str(&source[at..]);
    out
}

fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "md" | "markdown" | "mdx"))
}

/// The claims of an article's decoded `source`, named `name` (the path
/// reports show; its extension says whether it is Markdown), without the
/// claims its inline markers silence. Errors name `path`.
pub fn claims_of(name: &str, path: &Path, source: String, min_score: f64) -> Result<Vec<Claim>> {
    let markdown = is_markdown(Path::new(name));
    let markers = Markers::scan(path, &source)?;
    if markers.whole_file {
        return Ok(Vec::new());
    }
    let article = if markers.is_empty() || markdown {
        Article::parse(name, source, markdown)
    } else {
        Article::parse(name, blank_markers(&source, &markers), false)
    };
    let mut claims = extract(&article, min_score);
    if !markers.is_empty() {
        claims.retain(|c| !markers.ignores(c.line));
    }
    Ok(claims)
}

/// Whitespace runs as one space, trimmed: how claim texts are compared.
pub fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The config's `[ignore]` list, ready for matching.
#[derive(Debug, Clone, Default)]
pub struct Ignores {
    claims: HashSet<String>,
    ids: HashSet<String>,
}

impl Ignores {
    /// Builds the matcher of an `[ignore]` list.
    pub fn new(list: &IgnoreList) -> Ignores {
        Ignores {
            claims: list.claims.iter().map(|c| normalise(c)).collect(),
            ids: list.ids.iter().map(|i| i.trim().to_string()).collect(),
        }
    }

    /// True when the claim's id is listed, or its text is (exactly, after
    /// whitespace normalisation).
    pub fn matches(&self, claim: &Claim) -> bool {
        self.ids.contains(&claim.id)
            || (!self.claims.is_empty() && self.claims.contains(&normalise(&claim.text)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(src: &str) -> Markers {
        Markers::scan(Path::new("a.md"), src).unwrap()
    }

    #[test]
    fn ignore_after_text_covers_its_own_line_only() {
        // Found in issue 14: the marker also hid a wrong date on the next line.
        let m = scan("one\ntwo <!-- factcheck: ignore -->\nthree\nfour\n");
        assert_eq!(m.lines, vec![(2, 2)]);
        assert!(!m.ignores(1) && m.ignores(2) && !m.ignores(3) && !m.ignores(4));
    }

    #[test]
    fn ignore_alone_on_its_line_covers_the_next() {
        let m = scan("one\n  <!-- factcheck: ignore -->  \nthree\nfour\n<!-- factcheck:\nignore -->\nsix\n");
        assert_eq!(m.lines, vec![(2, 3), (5, 7)]);
        assert!(!m.ignores(1) && m.ignores(3) && !m.ignores(4) && m.ignores(7));
    }

    #[test]
    fn off_on_blocks_and_unclosed_off() {
        let m = scan("<!-- factcheck: off -->\na\n<!-- factcheck: on -->\nb\n<!--factcheck:off-->\nc\n");
        assert_eq!(m.lines, vec![(1, 3), (5, usize::MAX)]);
        assert!(m.ignores(2) && !m.ignores(4) && m.ignores(6) && m.ignores(1000));
    }

    #[test]
    fn on_without_off_and_repeated_off_change_nothing() {
        let m = scan("<!-- factcheck: on -->\n<!-- factcheck: off -->\n<!-- factcheck: off -->\nx\n<!-- factcheck: on -->\n");
        assert_eq!(m.lines, vec![(2, 5)]);
    }

    #[test]
    fn ignore_file_anywhere() {
        let m = scan("a\nb\n\n<!--   factcheck:   ignore-file   -->\n");
        assert!(m.whole_file && m.ignores(1));
    }

    #[test]
    fn other_comments_are_not_markers() {
        let m = scan("<!-- a note --> <!-- factcheck is great --> <!-- unclosed factcheck: off\n");
        assert!(m.is_empty());
    }

    #[test]
    fn unknown_directive_is_an_error_with_its_line() {
        let e = Markers::scan(Path::new("a.md"), "x\n\n<!-- factcheck: ignroe -->\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "a.md:3: unknown factcheck marker `ignroe` (expected ignore, off, on or ignore-file)"
        );
    }

    #[test]
    fn blanking_keeps_every_offset() {
        let src = "Rome was founded in 753 BC. <!-- factcheck: ignore -->\nNext é.\n";
        let m = scan(src);
        let blank = blank_markers(src, &m);
        assert_eq!(blank.len(), src.len());
        assert_eq!(blank.find("Next"), src.find("Next"));
        assert!(!blank.contains("factcheck"));
    }

    #[test]
    fn config_ignores_match_text_after_whitespace_normalisation_or_id() {
        let ignores = Ignores::new(&IgnoreList {
            claims: vec!["  The moon is\n made of   cheese. ".into()],
            ids: vec!["a-2".into()],
        });
        let claim = |id: &str, text: &str| Claim {
            id: id.into(),
            article: "a.md".into(),
            line: 1,
            column: 1,
            text: text.into(),
            score: 1.0,
            ..Claim::default()
        };
        assert!(ignores.matches(&claim("a-1", "The moon is made of\tcheese.")));
        assert!(ignores.matches(&claim("a-2", "Anything.")));
        assert!(!ignores.matches(&claim("a-3", "The moon is made of cheese!")));
        assert!(!ignores.matches(&claim("a-3", "the moon is made of cheese.")));
    }
}
