//! Baselines: accept the findings a project has today, fail only on new ones.
//!
//! A project that adopts factcheck on years of existing articles cannot fix
//! every contradicted or unsupported claim before turning the CI gate on.
//! `check --write-baseline FILE` records today's findings; `check --baseline
//! FILE` then reports, and fails on, only findings that are not in it.
//!
//! A finding is recognised by its **fingerprint**: a 64-bit FNV-1a hash of
//! the claim's normalised text (whitespace runs collapsed, lower case), its
//! verdict and the id of the deciding reference. It holds no line, column,
//! article or claim id, so moving a paragraph, adding text above it or
//! renaming the file keeps the finding baselined; editing the claim's words,
//! a change of verdict or another deciding reference makes it new. FNV-1a is
//! written out here because `std`'s `DefaultHasher` may change between Rust
//! releases, and a baseline must outlive compiler upgrades.
//!
//! The file is a JSON array, sorted by fingerprint, one entry per distinct
//! fingerprint (`{fingerprint, id, verdict, text, reference}`; `id` and
//! `text` are those of the first claim with that fingerprint, for people
//! reading the file). One entry covers every claim with its fingerprint,
//! in any article.

use std::collections::BTreeSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::check::{Checked, Report};
use crate::error::{Error, Result};
use crate::verdict::Verdict;

/// One recorded finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// 16 hex digits: FNV-1a 64 of normalised text, verdict and reference id.
    pub fingerprint: String,
    /// Claim id when recorded (informative only).
    pub id: String,
    /// `contradicted` or `unsupported`.
    pub verdict: String,
    /// Claim text when recorded (informative only).
    pub text: String,
    /// Id of the deciding reference, if any.
    pub reference: Option<String>,
}

/// A set of accepted findings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Baseline {
    fingerprints: BTreeSet<String>,
}

/// 64-bit FNV-1a.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// The text as fingerprinted: whitespace runs as one space, trimmed, lower case.
pub fn normalise(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The fingerprint of a finding.
///
/// # Example
///
/// ```
/// use factcheck::project::baseline::fingerprint;
/// use factcheck::judge::verdict::Verdict;
///
/// let a = fingerprint("The Tower was built in 1899.", Verdict::Contradicted, Some("L1"));
/// assert_eq!(a, fingerprint("the tower  was built\nin 1899.", Verdict::Contradicted, Some("L1")));
/// assert_ne!(a, fingerprint("The Tower was built in 1899.", Verdict::Unsupported, None));
/// assert_eq!(a.len(), 16);
/// ```
pub fn fingerprint(text: &str, verdict: Verdict, reference: Option<&str>) -> String {
    // The unit separator cannot occur in normalised text or a verdict name,
    // so the three fields never run into each other.
    let key = format!(
        "{}\u{1f}{}\u{1f}{}",
        normalise(text),
        verdict.as_str(),
        reference.unwrap_or("")
    );
    format!("{:016x}", fnv1a(key.as_bytes()))
}

/// The fingerprint of a checked claim.
pub fn fingerprint_of(c: &Checked) -> String {
    fingerprint(&c.text, c.verdict, c.reference.as_ref().map(|r| r.id.as_str()))
}

/// The findings of a report (contradicted and unsupported claims) as
/// baseline entries, sorted by fingerprint, one per fingerprint.
pub fn entries(report: &Report) -> Vec<Entry> {
    let mut out: Vec<Entry> = report
        .claims
        .iter()
        .filter(|c| c.verdict != Verdict::Supported)
        .map(|c| Entry {
            fingerprint: fingerprint_of(c),
            id: c.id.clone(),
            verdict: c.verdict.as_str().to_string(),
            text: c.text.clone(),
            reference: c.reference.as_ref().map(|r| r.id.clone()),
        })
        .collect();
    // The report is in (article, line) order, so the first of equal
    // fingerprints is the first in the report.
    out.sort_by(|a, b| a.fingerprint.cmp(&b.fingerprint));
    out.dedup_by(|b, a| a.fingerprint == b.fingerprint);
    out
}

/// Baseline entries as the file's JSON (pretty, newline-terminated).
pub fn to_json(entries: &[Entry]) -> String {
    let mut out = serde_json::to_string_pretty(entries).unwrap_or_else(|_| "[]".into());
    out.push('\n');
    out
}

impl Baseline {
    /// Reads a baseline file.
    pub fn read(path: &Path) -> Result<Baseline> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, &e))?;
        Baseline::parse(path, &text)
    }

    /// Parses a baseline file's text; `path` only names it in errors.
    pub fn parse(path: &Path, text: &str) -> Result<Baseline> {
        let entries: Vec<Entry> = serde_json::from_str(text).map_err(|e| {
            let message = e.to_string();
            let message = match message.rfind(" at line ") {
                Some(i) => message[..i].to_string(),
                None => message,
            };
            Error::invalid(
                path,
                e.line().max(1) as u64,
                format!("invalid baseline: {message}"),
            )
        })?;
        Ok(Baseline::from_entries(&entries))
    }

    /// A baseline holding these entries.
    pub fn from_entries(entries: &[Entry]) -> Baseline {
        Baseline {
            fingerprints: entries.iter().map(|e| e.fingerprint.clone()).collect(),
        }
    }

    /// Number of distinct findings accepted.
    pub fn len(&self) -> usize {
        self.fingerprints.len()
    }

    /// True when nothing is accepted.
    pub fn is_empty(&self) -> bool {
        self.fingerprints.is_empty()
    }

    /// True when this claim is a finding the baseline accepts.
    pub fn accepts(&self, c: &Checked) -> bool {
        c.verdict != Verdict::Supported && self.fingerprints.contains(&fingerprint_of(c))
    }

    /// Removes accepted findings from a report; the summary then counts only
    /// the claims still reported.
    pub fn apply(&self, report: &mut Report) {
        report.retain(|c| !self.accepts(c));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{RefSummary, Summary};

    fn checked(id: &str, line: usize, text: &str, verdict: Verdict, reference: Option<&str>) -> Checked {
        Checked {
            id: id.into(),
            article: "a.md".into(),
            line,
            column: 1,
            text: text.into(),
            verdict,
            score: 0.5,
            reference: reference.map(|r| RefSummary {
                id: r.into(),
                statement: "s".into(),
                source: String::new(),
            }),
            reason: "r".into(),
            candidates: Vec::new(),
            sentence: String::new(),
            subject: String::new(),
            span: (0, 0),
        }
    }

    fn report(claims: Vec<Checked>) -> Report {
        let summary = Summary::of(&claims);
        Report { claims, summary }
    }

    #[test]
    fn fnv1a_matches_the_published_vectors() {
        assert_eq!(fnv1a(b""), 0xcbf29ce484222325);
        assert_eq!(fnv1a(b"a"), 0xaf63dc4c8601ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x85944171f73967e8);
    }

    #[test]
    fn fingerprints_are_pinned() {
        // A change here invalidates every baseline in the wild.
        assert_eq!(
            fingerprint(
                "The Eiffel Tower was completed in 1899.",
                Verdict::Contradicted,
                Some("L1")
            ),
            format!(
                "{:016x}",
                fnv1a("the eiffel tower was completed in 1899.\u{1f}contradicted\u{1f}L1".as_bytes())
            )
        );
        assert_eq!(fingerprint("x", Verdict::Unsupported, None).len(), 16);
    }

    #[test]
    fn entries_hold_findings_only_sorted_and_deduplicated() {
        let r = report(vec![
            checked("a-1", 1, "Fine.", Verdict::Supported, Some("R1")),
            checked("a-2", 2, "Wrong.", Verdict::Contradicted, Some("R1")),
            checked("a-3", 3, "Unknown.", Verdict::Unsupported, None),
            checked("a-4", 9, "wrong.", Verdict::Contradicted, Some("R1")),
        ]);
        let e = entries(&r);
        assert_eq!(e.len(), 2);
        assert!(e[0].fingerprint < e[1].fingerprint);
        let wrong = e.iter().find(|x| x.verdict == "contradicted").unwrap();
        assert_eq!(
            (wrong.id.as_str(), wrong.reference.as_deref()),
            ("a-2", Some("R1"))
        );
        let json = to_json(&e);
        assert!(json.ends_with("]\n"));
        let back = Baseline::parse(Path::new("b.json"), &json).unwrap();
        assert_eq!(back.len(), 2);
    }

    #[test]
    fn applying_drops_accepted_findings_wherever_they_moved_and_counts_again() {
        let old = report(vec![checked(
            "a-2",
            2,
            "Wrong.",
            Verdict::Contradicted,
            Some("R1"),
        )]);
        let baseline = Baseline::from_entries(&entries(&old));
        let mut now = report(vec![
            checked("a-1", 1, "Fine.", Verdict::Supported, Some("R1")),
            checked("b-7", 40, "Wrong.", Verdict::Contradicted, Some("R1")),
            checked("b-8", 41, "Wrong.", Verdict::Contradicted, Some("R2")),
            checked("b-9", 42, "New and wrong.", Verdict::Contradicted, Some("R1")),
        ]);
        baseline.apply(&mut now);
        let ids: Vec<&str> = now.claims.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["a-1", "b-8", "b-9"]);
        assert_eq!(
            now.summary,
            Summary {
                supported: 1,
                contradicted: 2,
                unsupported: 0
            }
        );
    }

    #[test]
    fn bad_files_name_the_line() {
        let e = Baseline::parse(Path::new("b.json"), "[\n  {\"fingerprint\": \"x\"}\n]\n").unwrap_err();
        assert_eq!(e.to_string(), "b.json:2: invalid baseline: missing field `id`");
        let e = Baseline::parse(Path::new("b.json"), "{}").unwrap_err();
        assert_eq!(
            e.to_string(),
            "b.json:1: invalid baseline: invalid type: map, expected a sequence"
        );
    }
}
