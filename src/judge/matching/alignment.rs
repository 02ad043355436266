//! The alignment of a claim with one reference as the verdict reads it:
//! coverage, conflict share, subject, key details, and the words found and
//! missing; `score` computes it from the final state of a `Pair`.

use super::names::{describes_next, given_name_of_found, is_name, name_runs};
use super::params::{ASIDE_FACTOR, DESCRIBED_PREDICATE, MINOR_NAME_SHARE};
use super::roles::{described_subject, is_verb, subject_end, subject_found};
use super::words::{parenthesised, weight, word};
use super::{Conflict, Pair, Status};
use crate::text::Shape;

/// How a claim lines up with one reference.
#[derive(Debug, Clone)]
pub struct Alignment {
    /// Position of the reference in the index.
    pub doc: usize,
    /// BM25 score of the candidate.
    pub retrieval: f64,
    /// Weighted share of the claim's content words the reference covers, in [0, 1].
    pub coverage: f64,
    /// Like `coverage`, counting words in conflict as aligned too.
    pub aligned: f64,
    /// Weighted share of the claim in conflict, where a run of conflicting
    /// name words in a slot the reference shares ("led by Eric Shipton")
    /// counts once, by its heaviest word: one wrong name is one wrong
    /// detail, however many words it has.
    pub conflicted: f64,
    /// True when the claim's subject is found in the reference.
    pub subject: bool,
    /// Weighted share of the words after the subject's verb that are found (1 when none).
    pub predicate: f64,
    /// Claim words found in the reference, heaviest first.
    pub matched: Vec<String>,
    /// Claim words not found, heaviest first.
    pub missing: Vec<String>,
    /// Conflicting details.
    pub conflicts: Vec<Conflict>,
    /// Weight of each claim token (0 for stop words).
    pub weights: Vec<f64>,
    /// Whether each claim token is found in the reference.
    pub found: Vec<bool>,
    /// Whether each claim token is a key detail (a name outside brackets)
    /// that a supporting reference must account for.
    pub key: Vec<bool>,
}

impl Alignment {
    /// True when the key details of the claim (its names) are found in this
    /// reference or in `other`, all but a minor one: a missing name may weigh
    /// at most `MINOR_NAME_SHARE` of the claim ("the Allied landings").
    pub fn accounts_for_keys(&self, other: Option<&Alignment>) -> bool {
        let total: f64 = self.weights.iter().sum();
        let missing: f64 = (0..self.key.len())
            .filter(|&i| {
                self.key[i]
                    && !self.found[i]
                    && !other.is_some_and(|o| o.found.get(i).copied().unwrap_or(false))
            })
            .map(|i| self.weights[i])
            .sum();
        missing <= MINOR_NAME_SHARE * total
    }

    /// Coverage of the claim by this reference and another together.
    pub fn joint_coverage(&self, other: &Alignment) -> f64 {
        let total: f64 = self.weights.iter().sum();
        if total <= 0.0 {
            return 0.0;
        }
        let covered: f64 = self
            .weights
            .iter()
            .zip(self.found.iter().zip(&other.found))
            .filter(|(_, (a, b))| **a || **b)
            .map(|(w, _)| w)
            .sum();
        covered / total
    }
}

/// The alignment the state of `pair` gives, once every kind of evidence
/// has run; `other_subject` when a conflict in the claim's subject was set
/// aside as another subject.
pub(super) fn score(pair: Pair, retrieval: f64, other_subject: bool) -> Alignment {
    let Pair {
        claim,
        reference,
        index,
        doc,
        status,
        conflicts,
        swapped_subject,
        ..
    } = pair;
    let claim_text = &claim.text;
    // Coverage, weighted by how informative each word is.
    let mut total = 0.0;
    let mut covered = 0.0;
    let mut substituted = 0.0;
    let mut weighed: Vec<(f64, usize)> = Vec::new();
    let mut weights = vec![0.0; claim.toks.len()];
    let parens = parenthesised(&claim.text);
    for (i, t) in claim.toks.iter().enumerate() {
        if !t.is_content() {
            continue;
        }
        // Words in parentheses restate or add side detail: they count little.
        let inside = parens.iter().any(|r| r.contains(&t.span.start));
        let w = weight(index, t, is_name(t)) * if inside { ASIDE_FACTOR } else { 1.0 };
        total += w;
        match status[i] {
            Status::Matched => covered += w,
            Status::Substituted | Status::NearMiss => substituted += w,
            Status::Missing => {}
        }
        weighed.push((w, i));
        weights[i] = w;
    }
    weighed.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let words = |want: Status| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for &(_, i) in &weighed {
            let w = word(claim_text, &claim.toks[i]);
            if status[i] == want && !out.contains(&w) {
                out.push(w);
            }
        }
        out
    };

    // A run of conflicting name words is one wrong detail when it fills a
    // slot the reference has too: the content word before it, or the verb
    // after it, is matched ("led by Eric Shipton" / "led by John Hunt").
    // Otherwise each word counts.
    let conflicted = {
        let (mut sum, mut run, mut run_full) = (0.0, 0.0_f64, 0.0);
        let mut anchored = false;
        let mut last_content: Option<usize> = None;
        for (i, t) in claim.toks.iter().enumerate() {
            if !t.is_content() {
                continue;
            }
            let conflicting = matches!(status[i], Status::Substituted | Status::NearMiss);
            if conflicting && t.shape == Shape::Name {
                if run_full == 0.0 {
                    anchored = last_content.is_some_and(|k| status[k] == Status::Matched);
                }
                run = run.max(weights[i]);
                run_full += weights[i];
            } else {
                // Or the verb after it: "The British Antibiotics Council paid".
                anchored |= run_full > 0.0 && status[i] == Status::Matched && is_verb(t);
                sum += if anchored { run } else { run_full };
                (run, run_full) = (0.0, 0.0);
                if conflicting {
                    sum += weights[i];
                }
            }
            last_content = Some(i);
        }
        sum + if anchored { run } else { run_full }
    };

    // Share of the words after the subject's verb whose status is one of `want`.
    let predicate_share = |want: &[Status]| {
        let end = subject_end(claim);
        let (mut all, mut hit) = (0.0, 0.0);
        for (i, w) in weights.iter().enumerate().skip(end) {
            all += w;
            if want.contains(&status[i]) {
                hit += w;
            }
        }
        if all > 0.0 {
            hit / all
        } else {
            1.0
        }
    };
    // A reference whose subject is a description ("The ship was built by")
    // may be about the claim's named subject when it says the rest of the
    // claim, matched or in conflict.
    let described = described_subject(&reference)
        && predicate_share(&[Status::Matched, Status::Substituted, Status::NearMiss]) >= DESCRIBED_PREDICATE;
    Alignment {
        doc,
        retrieval,
        coverage: if total > 0.0 { covered / total } else { 0.0 },
        conflicted: if total > 0.0 { conflicted / total } else { 0.0 },
        aligned: if total > 0.0 {
            (covered + substituted) / total
        } else {
            0.0
        },
        subject: !other_subject && (swapped_subject || subject_found(claim, &status, index) || described),
        predicate: predicate_share(&[Status::Matched]),
        matched: words(Status::Matched),
        missing: words(Status::Missing),
        found: status.iter().map(|s| *s == Status::Matched).collect(),
        key: {
            let runs = name_runs(claim);
            claim
                .toks
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    t.is_content()
                        && t.shape == Shape::Name
                        && !parens.iter().any(|r| r.contains(&t.span.start))
                        && !describes_next(claim, i)
                        && !given_name_of_found(claim, &runs, &status, i)
                })
                .collect()
        },

        weights,
        conflicts,
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::alignment;

    #[test]
    fn a_reference_with_a_described_subject_may_be_about_the_claims() {
        // "The ship" stands for a ship named elsewhere; the rest agrees.
        let a = alignment(
            "Titanic was built by Harland and Wolff in Belfast.",
            "The ship was built by Harland and Wolff in Belfast.",
        );
        assert!(a.subject, "{a:?}");
        // When the rest does not line up, a description tells nothing.
        let a = alignment(
            "Titanic was built by Harland and Wolff in Belfast.",
            "The ship was later sold for scrap in Glasgow.",
        );
        assert!(!a.subject, "{a:?}");
        // A named subject that differs still counts against it.
        let a = alignment(
            "Titanic was built by Harland and Wolff in Belfast.",
            "Olympic was built by Harland and Wolff in Belfast.",
        );
        assert!(!a.subject, "{a:?}");
    }
}
