//! Negation: cues ("not", "never", "without") whose parity differs between
//! claim and reference where what they govern is on both sides, clause by
//! clause, and negative affixes ("childless" / "three children").

// Sets of stems only asked `contains`: the fast hash, never iterated.
use rustc_hash::FxHashSet as HashSet;

use super::params::NEGATION_SCOPE;
use super::words::word;
use super::{Analysed, Conflict, ConflictKind, Pair, Status};
use crate::lexicon;
use crate::relations;
use crate::text::{self, Shape, Token};
use crate::wordnet;

/// Negation inside a word: "childless" against "three children",
/// "unmarried" against "married", either way round.
pub(super) fn affixes(pair: &mut Pair) {
    let (claim, reference) = (pair.claim, &pair.reference);
    for (i, t) in claim.toks.iter().enumerate() {
        if pair.status[i] != Status::Missing || t.shape != Shape::Word {
            continue;
        }
        if let Some(base) = negated_base(&t.norm) {
            if reference
                .toks
                .iter()
                .any(|r| r.is_content() && same_word(&base, r))
            {
                pair.status[i] = Status::Substituted;
                pair.conflicts.push(Conflict {
                    kind: ConflictKind::Negation,
                    claim: word(&claim.text, t),
                    reference: String::new(),
                });
            }
        }
    }
    for r in pair.ref_only.iter().map(|&j| &reference.toks[j]) {
        if r.shape != Shape::Word {
            continue;
        }
        if let Some(base) = negated_base(&r.norm) {
            if let Some(k) = claim
                .toks
                .iter()
                .position(|t| t.is_content() && same_word(&base, t))
            {
                if pair.status[k] == Status::Matched {
                    pair.conflicts.push(Conflict {
                        kind: ConflictKind::Negation,
                        claim: String::new(),
                        reference: word(&reference.text, r),
                    });
                }
            }
        }
    }
}

/// Negation cues: their parity differs, and what the negation governs is on
/// both sides (otherwise "X is not Y" against "X is Z" says nothing about
/// Y); else clause by clause: "did not perform its deorbit burn: ... were
/// never released" negates twice, but each clause once.
pub(super) fn cues(pair: &mut Pair) {
    let (claim, reference, status) = (pair.claim, &pair.reference, &pair.status);
    let (claim_text, ref_text) = (&claim.text, &reference.text);
    let claim_neg = negations(&claim.toks);
    let ref_neg = negations(&reference.toks);
    if claim_neg.len() % 2 != ref_neg.len() % 2 {
        let (c, r, in_scope) = if claim_neg.len() > ref_neg.len() {
            let k = claim_neg[0];
            let scope = scope_of(claim_text, &claim.toks, k);
            let covered = scope.iter().filter(|&&j| status[j] != Status::Missing).count();
            (
                word(claim_text, &claim.toks[k]),
                String::new(),
                2 * covered >= scope.len(),
            )
        } else {
            let k = ref_neg[0];
            let scope = scope_of(ref_text, &reference.toks, k);
            let covered = scope
                .iter()
                .filter(|&&j| pair.claim_stems.contains(reference.toks[j].stem.as_str()))
                .count();
            (
                String::new(),
                word(ref_text, &reference.toks[k]),
                2 * covered >= scope.len(),
            )
        };
        if in_scope {
            pair.conflicts.push(Conflict {
                kind: ConflictKind::Negation,
                claim: c,
                reference: r,
            });
        }
    } else if let Some((c, r)) = clause_negation(claim, reference, &pair.claim_stems) {
        pair.conflicts.push(Conflict {
            kind: ConflictKind::Negation,
            claim: c,
            reference: r,
        });
    }
}

/// Clauses of a text as token ranges: broken at ";", ":", "." and brackets,
/// and before "but", "while", "whereas", "although".
fn clauses(a: &Analysed) -> Vec<std::ops::Range<usize>> {
    let toks = &a.toks;
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..toks.len() {
        let gap = a.text.get(toks[i - 1].span.end..toks[i].span.start).unwrap_or("");
        let breaks = gap.contains([';', ':', '.', '(', ')'])
            || matches!(toks[i].norm.as_str(), "but" | "while" | "whereas" | "although");
        if breaks {
            out.push(start..i);
            start = i;
        }
    }
    if start < toks.len() {
        out.push(start..toks.len());
    }
    out
}

/// Negation cues of a clause, and the content words the first one governs.
fn negated_clause(a: &Analysed, clause: &std::ops::Range<usize>) -> Option<(usize, Vec<usize>)> {
    let cues: Vec<usize> = clause
        .clone()
        .filter(|&i| lexicon::is_negation(&a.toks[i].norm))
        .collect();
    if cues.len().is_multiple_of(2) {
        return None;
    }
    let scope: Vec<usize> = scope_of(&a.text, &a.toks, cues[0])
        .into_iter()
        .filter(|j| clause.contains(j))
        .collect();
    Some((cues[0], scope))
}

/// A clause one side negates whose words the other side states without
/// negation: the claim's word (or "") and the reference's.
fn clause_negation(
    claim: &Analysed,
    reference: &Analysed,
    claim_stems: &HashSet<&str>,
) -> Option<(String, String)> {
    let ref_stems: HashSet<&str> = reference.toks.iter().map(|t| t.stem.as_str()).collect();
    // Which tokens of a text sit in a clause it negates.
    let negated_tokens = |a: &Analysed| -> Vec<bool> {
        let mut out = vec![false; a.toks.len()];
        for c in clauses(a) {
            if negated_clause(a, &c).is_some() {
                out[c].fill(true);
            }
        }
        out
    };
    let (claim_negated, ref_negated) = (negated_tokens(claim), negated_tokens(reference));
    let negated_near = |a: &Analysed, negated: &[bool], stem: &str| {
        a.toks
            .iter()
            .zip(negated)
            .filter(|(t, _)| t.stem == stem)
            .all(|(_, n)| *n)
    };
    // Both ways round: a negated clause on one side, its words affirmed on the other.
    for (neg, other, other_stems, other_negated, claim_side) in [
        (reference, claim, claim_stems, &claim_negated, false),
        (claim, reference, &ref_stems, &ref_negated, true),
    ] {
        for clause in clauses(neg) {
            let Some((cue, scope)) = negated_clause(neg, &clause) else {
                continue;
            };
            let shared: Vec<&str> = scope
                .iter()
                .map(|&j| neg.toks[j].stem.as_str())
                .filter(|s| other_stems.contains(s))
                .collect();
            if scope.len() < 2 || 2 * shared.len() < scope.len() {
                continue;
            }
            if shared.iter().all(|s| !negated_near(other, other_negated, s)) {
                let w = word(&neg.text, &neg.toks[cue]);
                return Some(if claim_side {
                    (w, String::new())
                } else {
                    (String::new(), w)
                });
            }
        }
    }
    None
}

/// The word a negative affix negates: "childless" -> "child", "unmarried" ->
/// "married", "non-profit" -> "profit". Only when what remains is a known
/// word of at least four letters ("under", "unless" and "universe" are not
/// negations).
fn negated_base(word: &str) -> Option<String> {
    let base = if let Some(b) = word.strip_suffix("less") {
        b
    } else if let Some(b) = word.strip_prefix("non") {
        b.trim_start_matches('-')
    } else {
        word.strip_prefix("un")?
    };
    (base.chars().count() >= 4 && !lexicon::is_stop_word(word) && relations::is_lemma(base))
        .then(|| base.to_string())
}

/// A token is a form of a word: same stem, or a WordNet base form of it
/// ("children" is a form of "child").
fn same_word(base: &str, t: &Token) -> bool {
    t.stem == text::stem(base)
        || [wordnet::Pos::Noun, wordnet::Pos::Verb, wordnet::Pos::Adj]
            .into_iter()
            .any(|pos| wordnet::base_forms(&t.norm, pos).iter().any(|b| b == base))
}

/// Prepositions that deny what they govern ("climbed without bottled
/// oxygen" / "used open-circuit oxygen"): negation cues for alignment.
const NEGATING_PREPOSITIONS: &[&str] = &["without"];

/// Forms of "do" that, with "away with", remove what follows ("did away
/// with a physical keyboard" / "there was no keyboard").
const DO_FORMS: &[&str] = &["do", "does", "did", "done", "doing"];

/// Positions of negation cues.
fn negations(toks: &[Token]) -> Vec<usize> {
    let done_away = |i: usize| {
        toks[i].norm == "away"
            && i.checked_sub(1)
                .is_some_and(|p| DO_FORMS.contains(&toks[p].norm.as_str()))
            && toks.get(i + 1).is_some_and(|n| n.norm == "with")
    };
    toks.iter()
        .enumerate()
        .filter(|&(i, t)| {
            lexicon::is_negation(&t.norm) || NEGATING_PREPOSITIONS.contains(&t.norm.as_str()) || done_away(i)
        })
        .map(|(i, _)| i)
        .collect()
}

/// The content words a negation at `k` governs: the next `NEGATION_SCOPE`,
/// within its clause (up to a comma, a semicolon, a colon or a full stop:
/// "without bottled oxygen, relying on ...").
fn scope_of(text: &str, toks: &[Token], k: usize) -> Vec<usize> {
    let end = (k + 1..toks.len())
        .find(|&j| {
            text.get(toks[j - 1].span.end..toks[j].span.start)
                .is_some_and(|gap| gap.contains([',', ';', ':', '.']))
        })
        .unwrap_or(toks.len());
    toks[..end]
        .iter()
        .enumerate()
        .skip(k + 1)
        .filter(|(_, t)| t.is_content() && !lexicon::is_negation(&t.norm))
        .take(NEGATION_SCOPE)
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{alignment, conflicts};
    use super::*;

    #[test]
    fn doing_away_with_a_thing_denies_it() {
        let found = conflicts(
            "The phone did away with a physical keyboard.",
            "The phone had no keyboard.",
        );
        assert!(
            !found.iter().any(|c| c.kind == ConflictKind::Negation),
            "{found:?}"
        );
        let found = conflicts(
            "The phone did away with a physical keyboard.",
            "The phone had a keyboard.",
        );
        assert!(
            found.iter().any(|c| c.kind == ConflictKind::Negation),
            "{found:?}"
        );
    }

    #[test]
    fn a_negations_scope_ends_with_its_clause() {
        // The words after the comma are not what "without" negates.
        let found = conflicts(
            "The crew sailed without a radio, relying on flags and signal lamps.",
            "The crew sailed with a radio.",
        );
        assert!(
            found.iter().any(|c| c.kind == ConflictKind::Negation),
            "{found:?}"
        );
    }

    #[test]
    fn a_negated_auxiliary_is_not_in_any_spelling() {
        for claim in [
            "The council didn't approve the plan.",
            "The council did n't approve the plan.",
            "The council did not approve the plan.",
        ] {
            let a = alignment(claim, "The council did not approve the plan.");
            assert!(a.conflicts.is_empty() && a.coverage > 0.99, "{claim}: {a:?}");
            let a = alignment(claim, "The council approved the plan.");
            assert!(
                a.conflicts.iter().any(|c| c.kind == ConflictKind::Negation),
                "{claim}: {a:?}"
            );
        }
    }

    #[test]
    fn without_denies_what_it_governs() {
        let found = conflicts(
            "The pair climbed without bottled oxygen.",
            "The pair climbed with bottled oxygen.",
        );
        assert!(
            found
                .iter()
                .any(|c| c.kind == ConflictKind::Negation && c.claim == "without"),
            "{found:?}"
        );
        // Said on both sides, it is no conflict.
        let found = conflicts(
            "The pair climbed without bottled oxygen.",
            "The pair climbed without oxygen.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_negative_affix_negates_its_base() {
        let found = conflicts(
            "The couple were childless in 1990.",
            "The couple had three children in 1990.",
        );
        assert!(
            found.iter().any(|c| c.kind == ConflictKind::Negation),
            "{found:?}"
        );
        assert_eq!(negated_base("childless").as_deref(), Some("child"));
        assert_eq!(negated_base("under"), None);
    }
}
