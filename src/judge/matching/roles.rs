//! Roles: words of the claim standing where the reference has other words
//! (antonyms, members of one closed class, near-miss names, names in one
//! role, slot fillers after a shared anchor), and the claim's subject.

// Sets of stems only asked `contains`: the fast hash, never iterated.
use rustc_hash::FxHashSet as HashSet;

use super::names::{
    amount_like, date_word, derived_name, is_name, name_phrase, near_miss, phrase_overlaps,
    phrase_overlaps_tok, stop_like,
};
use super::params::{SAME_EVENT, SUBJECT_FOUND_SHARE};
use super::words::{parenthesised, quantity, weight, word};
use super::{Analysed, Conflict, ConflictKind, Pair, Status};
use crate::index::Index;
use crate::lexicon;
use crate::relations;
use crate::text::{Shape, Token};
use crate::wordnet;

/// Word-level substitutions: a missing claim word against a reference word
/// the claim lacks, as antonyms, members of one closed class, near-miss
/// names, or names in the same role.
pub(super) fn substitutions(pair: &mut Pair) {
    let (claim, reference) = (pair.claim, &pair.reference);
    let ref_only: Vec<&Token> = pair.ref_only.iter().map(|&j| &reference.toks[j]).collect();
    let status = &mut pair.status;
    for (i, t) in claim.toks.iter().enumerate() {
        if status[i] != Status::Missing || quantity(t).is_some() {
            continue;
        }
        for r in &ref_only {
            let kind = if lexicon::are_antonyms(&t.stem, &r.stem)
                || (t.shape == Shape::Word
                    && r.shape == Shape::Word
                    && !lexicon::is_count_word(&t.norm)
                    && !lexicon::is_count_word(&r.norm)
                    && relations::antonyms(&t.norm, &r.norm)
                    // Opposite in one sense, the same in another ("sits" /
                    // "lies": both "is located") is no contradiction.
                    && !wordnet::synonyms_in_any_sense(&t.norm, &r.norm))
            {
                Some(ConflictKind::Antonym)
            } else if let Some(class) = lexicon::shared_class(&t.norm, &r.norm).filter(|_| {
                !ref_only
                    .iter()
                    .any(|x| x.norm != t.norm && x.norm.contains(t.norm.as_str()))
            }) {
                Some(ConflictKind::Category(class))
            } else if !stop_like(t) && !stop_like(r) && is_name(t) && is_name(r) && near_miss(t, r) {
                status[i] = Status::NearMiss;
                Some(ConflictKind::Name)
            } else if is_name(t)
                && is_name(r)
                // A capitalised pronoun or article ("He" after a quotation)
                // and a date's month or weekday are not names.
                && ![t, r]
                    .iter()
                    .any(|x| stop_like(x) || date_word(x) || amount_like(x))
                && !phrase_overlaps(&claim.toks, i, &|x: &Token| {
                    pair.ref_name_stems.contains(x.stem.as_str())
                })
                && !phrase_overlaps_tok(&reference.toks, r, &|x: &Token| {
                    pair.claim_name_stems.contains(x.stem.as_str())
                })
                && same_role(claim, i, reference, r)
                && !derived_name(&t.norm, &r.norm)
            {
                Some(ConflictKind::Role)
            } else {
                None
            };
            if let Some(kind) = kind {
                if status[i] != Status::NearMiss {
                    status[i] = Status::Substituted;
                }
                pair.conflicts.push(Conflict {
                    kind,
                    claim: word(&claim.text, t),
                    reference: if kind == ConflictKind::Role {
                        name_phrase(reference, r)
                    } else {
                        word(&reference.text, r)
                    },
                });
                break;
            }
        }
    }
}

/// Slots: a phrase of the claim missing from the reference, where the
/// reference fills the same slot (after the same word) with another phrase.
pub(super) fn slot(pair: &mut Pair) {
    let (claim, reference) = (pair.claim, &pair.reference);
    let Some((i, r)) = slot_substitution(claim, &pair.status, reference, &pair.claim_stems) else {
        return;
    };
    let kind = if is_name(&claim.toks[i]) && is_name(r) {
        ConflictKind::Role
    } else {
        ConflictKind::Detail
    };
    pair.status[i] = Status::Substituted;
    pair.conflicts.push(Conflict {
        kind,
        claim: word(&claim.text, &claim.toks[i]),
        reference: if kind == ConflictKind::Role {
            name_phrase(reference, r)
        } else {
            word(&reference.text, r)
        },
    });
}

/// Drops the weak conflicts inside the claim's subject: they mean another
/// subject ("the third council" is not "the second council"), not a
/// contradiction. True when one was dropped.
pub(super) fn drop_subject_conflicts(pair: &mut Pair) -> bool {
    let (claim, status) = (pair.claim, &pair.status);
    let claim_text = &claim.text;
    let subject_range = subject_start(&claim.text, &claim.toks)..subject_end(claim);
    let mut other_subject = false;
    // A rank in the subject ("the third flight") names another event unless
    // the rest of the claim tells the reference's event (same date, same
    // payload): then the rank is the error.
    let ranks: Vec<&str> = pair
        .conflicts
        .iter()
        .filter(|c| c.kind == ConflictKind::Category("ordinal"))
        .map(|c| c.claim.as_str())
        .collect();
    let told: Vec<usize> = (0..claim.toks.len())
        .filter(|&k| {
            claim.toks[k].is_content() && !ranks.contains(&word(claim_text, &claim.toks[k]).as_str())
        })
        .collect();
    let matched = told.iter().filter(|&&k| status[k] == Status::Matched).count();
    // Another date or number as well as another rank: another event
    // ("the first phase opened in 2011" / "the second phase ... in 2016").
    let other_detail = pair
        .conflicts
        .iter()
        .any(|c| matches!(c.kind, ConflictKind::Date | ConflictKind::Number));
    let same_event = !told.is_empty() && !other_detail && matched as f64 >= SAME_EVENT * told.len() as f64;
    let swapped_subject = pair.swapped_subject;
    pair.conflicts.retain(|c| {
        let rank = c.kind == ConflictKind::Category("ordinal");
        // The subject named in place of the one holder of a role is the error.
        let swapped = swapped_subject && c.kind.is_role();
        let in_subject = c.kind != ConflictKind::Name
            && !swapped
            && (!c.kind.is_strong() || (rank && !same_event))
            && claim.toks[subject_range.clone()]
                .iter()
                .any(|t| word(claim_text, t) == c.claim);
        other_subject |= in_subject;
        !in_subject
    });
    other_subject
}

/// Chunks: runs of content words not broken by a stop word, a verb or punctuation.
fn chunks(text: &str, toks: &[Token]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, t) in toks.iter().enumerate() {
        let breaks_before = i > 0
            && text.get(toks[i - 1].span.end..t.span.start).is_some_and(|gap| {
                gap.chars()
                    .any(|c| matches!(c, ',' | ';' | ':' | '(' | ')' | '"' | '.'))
            });
        let member = t.is_content()
            && !lexicon::is_verb_like(&t.norm)
            && t.shape != Shape::Number
            && (t.norm.chars().count() > 2 || t.shape == Shape::Name);
        if let Some(s) = start {
            if !member || breaks_before {
                out.push(s..i);
                start = None;
            }
        }
        if member && start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push(s..toks.len());
    }
    out
}

/// The word before a chunk that anchors its slot, skipping articles and
/// numbers ("is a 1973 film").
fn anchor_before(toks: &[Token], chunk_start: usize) -> Option<usize> {
    let mut k = chunk_start.checked_sub(1)?;
    while matches!(toks[k].norm.as_str(), "a" | "an" | "the") || toks[k].shape == Shape::Number {
        k = k.checked_sub(1)?;
    }
    Some(k)
}

/// The anchor of reference chunk `n`; a chunk joined to the one before by
/// "and" or "or" shares its anchor ("is a Mexican and American musician").
fn ref_anchor(toks: &[Token], chunks: &[std::ops::Range<usize>], n: usize) -> Option<usize> {
    let k = anchor_before(toks, chunks[n].start)?;
    let joined = matches!(toks[k].norm.as_str(), "and" | "or") && n > 0 && chunks[n - 1].end == k;
    if joined {
        anchor_before(toks, chunks[n - 1].start)
    } else {
        Some(k)
    }
}

fn same_anchor(a: &Token, b: &Token) -> bool {
    const BE: &[&str] = &["is", "are", "was", "were", "be", "been"];
    a.stem == b.stem || (BE.contains(&a.norm.as_str()) && BE.contains(&b.norm.as_str()))
}

/// Finds a claim chunk whose words the reference lacks, after an anchor word
/// the reference also has, where the reference's chunk after that anchor is
/// entirely its own. Returns the claim chunk's head and the reference's.
fn slot_substitution<'r>(
    claim: &Analysed,
    status: &[Status],
    reference: &'r Analysed,
    claim_stems: &HashSet<&str>,
) -> Option<(usize, &'r Token)> {
    let ref_chunks = chunks(&reference.text, &reference.toks);
    // Side remarks in parentheses ("X (born 1987) is a model") do not
    // separate a slot from the words that fix it.
    let ref_parens = parenthesised(&reference.text);
    let aside = |t: &Token| ref_parens.iter().any(|p| p.contains(&t.span.start));
    for chunk in chunks(&claim.text, &claim.toks) {
        if status[chunk.end - 1] != Status::Missing {
            continue;
        }
        let Some(anchor) = anchor_before(&claim.toks, chunk.start) else {
            continue;
        };
        // The slot is fixed by the anchor and the content word before it
        // ("state in _", "Seohyun is _"), which the reference must share.
        let Some(lead) = claim.toks[..anchor].iter().rev().find(|t| t.is_content()) else {
            continue;
        };
        let head = chunk.end - 1;
        for (n, rc) in ref_chunks.iter().enumerate() {
            let Some(ra) = ref_anchor(&reference.toks, &ref_chunks, n) else {
                continue;
            };
            if !same_anchor(&claim.toks[anchor], &reference.toks[ra]) {
                continue;
            }
            let lead_shared = reference.toks[..ra]
                .iter()
                .rev()
                .filter(|t| t.is_content() && t.norm.chars().count() > 1 && !aside(t))
                .take(3)
                .any(|t| t.stem == lead.stem);
            if !lead_shared {
                continue;
            }
            if claim_stems.contains(reference.toks[rc.end - 1].stem.as_str()) {
                continue;
            }
            let c = &claim.toks[head];
            // A name in the claim's slot stands against the first name the
            // reference puts in that slot ("in Mexico" / "in the southwestern
            // region of the United States").
            // A date's month is no name against a place ("in California" /
            // "in December 2000"): dates are compared by the numbers step.
            if c.shape == Shape::Name {
                let named = reference.toks[rc.start..]
                    .iter()
                    .take(8)
                    .find(|t| t.shape == Shape::Name && !claim_stems.contains(t.stem.as_str()))
                    .filter(|t| !date_word(t) && !date_word(c));
                if let Some(r) = named.filter(|r| !derived_name(&c.norm, &r.norm)) {
                    return Some((head, r));
                }
                continue;
            }
            // The head of the reference's phrase: its last noun ("archipelagic
            // state within" is a state).
            let r = reference.toks[rc.clone()]
                .iter()
                .rev()
                .find(|t| t.shape != Shape::Word || relations::is_noun(&t.norm))
                .unwrap_or(&reference.toks[rc.end - 1]);
            if claim_stems.contains(r.stem.as_str()) {
                continue;
            }
            // Two words WordNet files under one parent (jazz / rock, painting
            // / sculpture), or after "is a", two unrelated classes ("a golfer"
            // / "an actress"): exclusive.
            let copula = matches!(claim.toks[anchor].norm.as_str(), "is" | "are" | "was" | "were");
            let exclusive = c.shape == Shape::Word
                && r.shape == Shape::Word
                && (relations::siblings(&c.norm, &r.norm)
                    || (copula && relations::unrelated_nouns(&c.norm, &r.norm)));
            if exclusive {
                return Some((head, r));
            }
        }
    }
    None
}

/// Two names fill the same role when a neighbouring content word is shared.
fn same_role(claim: &Analysed, i: usize, reference: &Analysed, r: &Token) -> bool {
    let neighbours = |toks: &[Token], at: usize| -> (Option<String>, Option<String>) {
        let before = toks[..at]
            .iter()
            .rev()
            .find(|x| x.is_content())
            .map(|x| x.stem.clone());
        let after = toks[at + 1..]
            .iter()
            .find(|x| x.is_content())
            .map(|x| x.stem.clone());
        (before, after)
    };
    let Some(j) = reference.toks.iter().position(|x| x.span == r.span) else {
        return false;
    };
    let (cb, ca) = neighbours(&claim.toks, i);
    let (rb, ra) = neighbours(&reference.toks, j);
    (cb.is_some() && cb == rb) || (ca.is_some() && ca == ra)
}

/// Position of the subject's verb (the end of the subject).
pub(super) fn subject_end(claim: &Analysed) -> usize {
    let start = subject_start(&claim.text, &claim.toks);
    claim
        .toks
        .iter()
        .enumerate()
        .skip(start)
        .find(|(_, t)| is_verb(t))
        .map_or(claim.toks.len(), |(i, _)| i)
}

/// The subject: content words before the first verb (after a leading
/// prepositional phrase). It is found when one of its names is matched or
/// when most of its weight is.
pub(super) fn subject_found(claim: &Analysed, status: &[Status], index: &Index) -> bool {
    let toks = &claim.toks;
    let start = subject_start(&claim.text, toks);
    let end = subject_end(claim);
    let parens = parenthesised(&claim.text);
    let subject: Vec<usize> = (start..end)
        .filter(|&i| toks[i].is_content() && !parens.iter().any(|r| r.contains(&toks[i].span.start)))
        .collect();
    if subject.is_empty() {
        return true;
    }
    // With names, the names decide; a near-miss name stands for the known one.
    let names: Vec<usize> = subject.iter().copied().filter(|&i| is_name(&toks[i])).collect();
    // A subject without a name ("The agency", "The two climbers") is a
    // description of something the article named earlier: it tells no
    // other subject apart, so it is not held against the reference.
    if names.is_empty() {
        return true;
    }
    let (words, found): (&[usize], &dyn Fn(Status) -> bool) = if names.is_empty() {
        (&subject, &|s| s == Status::Matched)
    } else {
        (&names, &|s| matches!(s, Status::Matched | Status::NearMiss))
    };
    let total: f64 = words
        .iter()
        .map(|&i| weight(index, &toks[i], is_name(&toks[i])))
        .sum();
    let hit: f64 = words
        .iter()
        .filter(|&&i| found(status[i]))
        .map(|&i| weight(index, &toks[i], is_name(&toks[i])))
        .sum();
    hit >= SUBJECT_FOUND_SHARE * total
}

/// True when a text's subject is a description without a name, opened by a
/// determiner ("The ship was built by ...", "Its founder hoped ..."): it
/// stands for something named elsewhere, so a claim's named subject is not
/// told apart from it.
pub(super) fn described_subject(a: &Analysed) -> bool {
    let subject = &a.toks[subject_start(&a.text, &a.toks)..subject_end(a)];
    subject.first().is_some_and(|t| t.stop)
        && subject.iter().any(|t| t.is_content())
        && subject.iter().all(|t| !is_name(t) && t.shape != Shape::Number)
}

/// Where the grammatical subject starts: after a leading phrase that opens
/// with a preposition, a subordinator, an imperative or an -ing word and
/// ends at the first comma or colon ("In 2019, the EU ...", "Take data
/// privacy: Japan's ...").
pub(super) fn subject_start(text: &str, toks: &[Token]) -> usize {
    const OPENERS: &[&str] = &[
        "after",
        "although",
        "as",
        "at",
        "because",
        "before",
        "beyond",
        "by",
        "despite",
        "during",
        "for",
        "from",
        "if",
        "in",
        "meanwhile",
        "on",
        "since",
        "though",
        "through",
        "under",
        "unlike",
        "when",
        "whereas",
        "while",
        "with",
    ];
    let Some(first) = toks.first() else { return 0 };
    let opens = OPENERS.contains(&first.norm.as_str())
        || lexicon::is_imperative(&first.norm)
        // A name is no participle ("Fleming ran ...").
        || (first.shape == Shape::Word && crate::claim::is_participle(&first.norm));
    if !opens {
        return 0;
    }
    let Some(cut) = text.find([',', ':']) else {
        return 0;
    };
    toks.iter().position(|t| t.span.start > cut).unwrap_or(0)
}

pub(super) fn is_verb(t: &Token) -> bool {
    t.shape == Shape::Word
        && (lexicon::is_verb_like(&t.norm)
            || lexicon::is_negation(&t.norm)
            || relations::is_inflected_verb(&t.norm))
}

#[cfg(test)]
mod tests {
    use super::super::names::amount_like;
    use super::super::test_support::conflicts;
    use super::*;

    #[test]
    fn an_amount_glued_to_its_scale_is_no_name_but_a_rank_is_compared() {
        let found = conflicts(
            "The Wing at Silverstone was damaged by winds.",
            "The Wing cost 40million and was damaged by winds.",
        );
        assert!(!found.iter().any(|c| c.kind.is_role()), "{found:?}");
        let t = |w: &str| crate::text::tokenize(w).remove(0);
        assert!(amount_like(&t("40million")) && !amount_like(&t("19th")) && !amount_like(&t("2nd")));
    }

    #[test]
    fn a_month_in_a_slot_is_no_name_against_a_place() {
        // "in California" / "in December 2000": the place and the date fill
        // the slot after "in" side by side, they do not conflict.
        let found = conflicts(
            "The writer was killed at her home in California in 2000.",
            "The writer was killed at her home in December 2000.",
        );
        assert!(!found.iter().any(|c| c.kind.is_role()), "{found:?}");
        // Another place in that slot still does.
        let found = conflicts(
            "The writer was killed at her home in California in 2000.",
            "The writer was killed at her home in Nevada in 2000.",
        );
        assert!(found.iter().any(|c| c.kind.is_role()), "{found:?}");
    }

    #[test]
    fn opposite_words_conflict() {
        let found = conflicts("Prices rose sharply in 2020.", "Prices fell sharply in 2020.");
        assert!(found.iter().any(|c| c.kind == ConflictKind::Antonym), "{found:?}");
        // A listed pair WordNet does not link.
        let found = conflicts(
            "The patient survived the infection in 1941.",
            "The patient died of the infection in 1941.",
        );
        assert!(found.iter().any(|c| c.kind == ConflictKind::Antonym), "{found:?}");
    }

    #[test]
    fn members_of_one_closed_class_conflict() {
        let found = conflicts(
            "The band played jazz in Paris on Monday.",
            "The band played jazz in Paris on Friday.",
        );
        assert!(
            found.iter().any(|c| matches!(c.kind, ConflictKind::Category(_))),
            "{found:?}"
        );
    }

    #[test]
    fn a_rank_in_the_subject_is_the_error_only_of_the_same_event() {
        use super::super::test_support::alignment;
        // The rest tells the reference's event: the rank is the error.
        let a = alignment(
            "The third council met in Tokyo in May.",
            "The second council met in Tokyo in May.",
        );
        assert!(
            a.conflicts
                .iter()
                .any(|c| c.kind == ConflictKind::Category("ordinal")),
            "{a:?}"
        );
        // Another year as well: another council, another subject.
        let a = alignment(
            "The third council met in Tokyo in 2023.",
            "The second council met in Tokyo in 2022.",
        );
        assert!(
            !a.subject
                && !a
                    .conflicts
                    .iter()
                    .any(|c| c.kind == ConflictKind::Category("ordinal")),
            "{a:?}"
        );
    }
}
