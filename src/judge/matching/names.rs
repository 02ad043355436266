//! Names: runs of capitalised words, and the conflicts between the claim's
//! names and the reference's (a name in the role of another, a made-up
//! name no row knows, a known name put in another slot, near misses).

// Sets of stems only asked `contains`: the fast hash, never iterated.
use rustc_hash::FxHashSet as HashSet;

use strsim::normalized_damerau_levenshtein;

use super::params::{
    ATTRIBUTED_REST, ATTRIBUTED_WORDS, NEAR_NAME, NEAR_NAME_LENGTH_GAP, REST_MATCHED, UNKNOWN_REST,
    UNKNOWN_WORDS,
};
use super::roles::{is_verb, subject_end, subject_start};
use super::words::{acronym_run, is_acronym, weight, word};
use super::{Analysed, Conflict, ConflictKind, Pair, Status};
use crate::index::Index;
use crate::lexicon;
use crate::relations;
use crate::text::{self, Shape, Token};
use crate::wordnet;

/// True for a token shaped like a name.
pub(super) fn is_name(t: &Token) -> bool {
    t.shape == Shape::Name
}

/// Leftover names: a name of the claim the reference does not have
/// (wholly, or in its distinguishing words), where the reference has a
/// name of its own that the claim lacks, in the same role (after the
/// same word, or sharing a word: "Pacific Ocean" / "North Atlantic Ocean"):
/// "assembled in Toulouse" / "integrated in Bremen", "Jan Wörner" /
/// "Josef Aschbacher", a made-up "Fiscal Discipline Charter" / the
/// "Stability and Growth Pact".
pub(super) fn leftover(pair: &mut Pair) {
    let (claim, reference, index) = (pair.claim, &pair.reference, pair.index);
    let Some((range, r, unique)) =
        leftover_names(claim, &pair.status, reference, &pair.claim_name_stems, index)
    else {
        return;
    };
    pair.swapped_subject = unique;
    let unknown = unknown_to_table(claim, &range, index);
    for k in range.clone() {
        if pair.status[k] == Status::Missing {
            pair.status[k] = Status::Substituted;
        }
    }
    pair.conflicts.push(Conflict {
        kind: if unknown {
            ConflictKind::Unknown
        } else {
            ConflictKind::Role
        },
        claim: run_text(claim, &range),
        reference: r,
    });
}

/// A name the reference has, in another slot: the reference puts another
/// name where the claim puts this one ("named after Andrew Waugh" /
/// "named after Sir George Everest; ... proposed by ... Andrew Waugh").
pub(super) fn misplaced(pair: &mut Pair) {
    let (claim, reference) = (pair.claim, &pair.reference);
    let Some((range, r)) = misplaced_name(claim, &pair.status, reference, &pair.claim_name_stems) else {
        return;
    };
    for k in range.clone() {
        if claim.toks[k].shape == Shape::Name {
            pair.status[k] = Status::Substituted;
        }
    }
    pair.conflicts.push(Conflict {
        kind: ConflictKind::Role,
        claim: run_text(claim, &range),
        reference: r,
    });
}

/// True when the name at `i` opens a person-like run of two or more
/// capitalised words whose last word (the surname) the reference has:
/// "Alberto Bueno" is the reference's "Bueno".
pub(super) fn given_name_of_found(
    a: &Analysed,
    runs: &[std::ops::Range<usize>],
    status: &[Status],
    i: usize,
) -> bool {
    runs.iter().any(|run| {
        run.len() >= 2
            && run.start == i
            && a.toks[run.clone()].iter().all(|t| t.shape == Shape::Name)
            && status[run.end - 1] == Status::Matched
            && status[run.start + 1..run.end]
                .iter()
                .all(|s| *s == Status::Matched)
    })
}

/// True when the name at `i` is a lone capitalised adjective describing the
/// plain noun after it ("the Allied landings", "a Papal visit"): a
/// description, not an entity the claim is about.
pub(super) fn describes_next(a: &Analysed, i: usize) -> bool {
    let toks = &a.toks;
    let alone = |j: usize| toks.get(j).is_none_or(|t| t.shape != Shape::Name);
    a.text[toks[i].span.clone()].starts_with(char::is_uppercase)
        && i.checked_sub(1).is_none_or(alone)
        && toks
            .get(i + 1)
            .is_some_and(|n| n.is_content() && n.shape == Shape::Word && relations::is_noun(&n.norm))
        && a.text[toks[i].span.end..toks[i + 1].span.start].trim().is_empty()
        && wordnet::is_lemma(&toks[i].norm, wordnet::Pos::Adj)
        // A people or its language ("Chinese", "Irish") tells one place
        // from another: it stays a key detail.
        && !wordnet::is_lemma(&toks[i].norm, wordnet::Pos::Noun)
}

/// True for an amount written without a space ("40million", "£27m"), which
/// the tokeniser may shape like a name; an ordinal in digits ("19th") is a
/// rank, compared as one.
pub(super) fn amount_like(t: &Token) -> bool {
    let ordinal = ["st", "nd", "rd", "th"].iter().any(|e| {
        t.norm
            .strip_suffix(e)
            .is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()))
    });
    t.norm.chars().any(|c| c.is_ascii_digit()) && !ordinal
}

/// True for a month or a weekday: part of a date (compared as one by the
/// numbers step), never a name standing against a place or a person.
pub(super) fn date_word(t: &Token) -> bool {
    lexicon::is_month(&t.norm) || lexicon::is_weekday(&t.norm)
}

/// Runs of name tokens (consecutive, or joined by "of", "and", "for" or "the").
pub(super) fn name_runs(a: &Analysed) -> Vec<std::ops::Range<usize>> {
    let toks = &a.toks;
    // A date's month or weekday, or an amount glued to its scale
    // ("40million"), is no name.
    let named = |t: &Token| t.shape == Shape::Name && !date_word(t) && !amount_like(t);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !named(&toks[i]) {
            i += 1;
            continue;
        }
        // The capitalised first word of the text, which the tokeniser does
        // not call a name, belongs to the name after it ("Jan Wörner").
        let start = if i == 1
            && !toks[0].stop
            && a.text[toks[0].span.clone()].starts_with(char::is_uppercase)
            && a.text[toks[0].span.end..toks[1].span.start].trim().is_empty()
        {
            0
        } else {
            i
        };
        let mut end = i + 1;
        loop {
            let plain_gap = |x: usize, y: usize| {
                a.text
                    .get(toks[x].span.end..toks[y].span.start)
                    .is_some_and(|g| g.trim().is_empty() || g == "-")
            };
            if end < toks.len() && named(&toks[end]) && plain_gap(end - 1, end) {
                end += 1;
            } else if end + 1 < toks.len()
                && matches!(toks[end].norm.as_str(), "of" | "and" | "for")
                && named(&toks[end + 1])
                && plain_gap(end - 1, end)
                && plain_gap(end, end + 1)
            {
                end += 2;
            } else {
                break;
            }
        }
        // A capitalised pronoun or article alone ("He", "They" after a
        // quotation) names nothing.
        if !toks[start..end].iter().all(stop_like) {
            out.push(start..end);
        }
        i = end;
    }
    out
}

/// True for a stop word, capitalised or not ("He" after a quotation is
/// shaped like a name).
pub(super) fn stop_like(t: &Token) -> bool {
    t.stop || lexicon::is_stop_word(&t.norm)
}

/// True when a name run opens its text (only stop words before it).
fn opens(a: &Analysed, run: &std::ops::Range<usize>) -> bool {
    a.toks[..run.start].iter().all(|t| t.stop)
}

/// Prepositions that mark the slot a name fills after a content word
/// ("named after", "led by", "born in"): the slot is the pair.
const SLOT_PREPOSITIONS: &[&str] = &["after", "by", "from", "in", "at", "to", "with", "for", "on"];

/// The slot a name run fills: the stem of the content word and the
/// preposition just before it ("named after \[the\] X" gives ("name", "after")).
fn slot_before(a: &Analysed, run: &std::ops::Range<usize>) -> Option<(String, String)> {
    let mut k = run.start.checked_sub(1)?;
    while matches!(a.toks[k].norm.as_str(), "the" | "a" | "an") {
        k = k.checked_sub(1)?;
    }
    let p = &a.toks[k];
    if !SLOT_PREPOSITIONS.contains(&p.norm.as_str()) {
        return None;
    }
    let v = &a.toks[k.checked_sub(1)?];
    (v.is_content() && v.shape == Shape::Word).then(|| (v.stem.clone(), p.norm.clone()))
}

/// A claim name the reference has too, put by the claim in a slot where
/// the reference has another name: the run, and the reference's name.
fn misplaced_name(
    claim: &Analysed,
    status: &[Status],
    reference: &Analysed,
    claim_name_stems: &HashSet<String>,
) -> Option<(std::ops::Range<usize>, String)> {
    let names = |a: &Analysed, r: &std::ops::Range<usize>| -> Vec<usize> {
        r.clone()
            .filter(|&k| a.toks[k].shape == Shape::Name && a.toks[k].is_content())
            .collect()
    };
    let ref_runs = name_runs(reference);
    for run in name_runs(claim) {
        let own = names(claim, &run);
        if own.is_empty() || listed(claim, &run) || !own.iter().all(|&k| status[k] == Status::Matched) {
            continue;
        }
        let Some(slot) = slot_before(claim, &run) else {
            continue;
        };
        let own_stems: Vec<&str> = own.iter().map(|&k| claim.toks[k].stem.as_str()).collect();
        let other = ref_runs.iter().find(|r| {
            !listed(reference, r)
                && !in_list(reference, r)
                // "on the American television series Homeland": the claim's
                // name is in the reference's phrase for the slot.
                && !phrase_from(reference, r.start)
                    .iter()
                    .any(|t| own_stems.contains(&t.stem.as_str()))
                && slot_before(reference, r).as_ref() == Some(&slot)
                // "in the U.S." / "in the United States": one name, spelled out.
                && !acronym_of(claim, &run, reference, r)
                && !acronym_of(reference, r, claim, &run)
                && names(reference, r)
                    .iter()
                    .all(|&k| !claim_name_stems.contains(&reference.toks[k].stem))
        });
        if let Some(r) = other {
            return Some((run, run_text(reference, r)));
        }
    }
    None
}

/// True when the run `short` of `a` is one acronym whose letters start the
/// words of the run `long` of `b` ("U.S." and "United States").
fn acronym_of(
    a: &Analysed,
    short: &std::ops::Range<usize>,
    b: &Analysed,
    long: &std::ops::Range<usize>,
) -> bool {
    short.len() == 1
        && is_acronym(a, &a.toks[short.start])
        && acronym_run(&a.toks[short.start].norm, &b.toks[long.clone()]).is_some()
}

/// The stem of a name run's head word: the last word before its first "of"
/// ("Bank of England" is a bank), else its last word.
fn name_head(a: &Analysed, run: &std::ops::Range<usize>) -> Option<String> {
    let end = run.clone().find(|&k| a.toks[k].norm == "of").unwrap_or(run.end);
    (run.start..end)
        .rev()
        .find(|&k| a.toks[k].shape == Shape::Name)
        .map(|k| a.toks[k].stem.clone())
}

/// The text of a run of tokens.
fn run_text(a: &Analysed, run: &std::ops::Range<usize>) -> String {
    a.text[a.toks[run.start].span.start..a.toks[run.end - 1].span.end].to_string()
}

/// True when a name run joins names with "and" ("Hillary and Tenzing").
fn listed(a: &Analysed, run: &std::ops::Range<usize>) -> bool {
    a.toks[run.clone()].iter().any(|t| t.norm == "and")
}

/// True when some word of a name run is in no row of the table: the name is
/// made up, or unknown to it ("Fiscal Discipline Charter", "Eric Shipton").
/// True when no row of the table has any word of a name run.
fn wholly_unknown(a: &Analysed, run: &std::ops::Range<usize>, index: &Index) -> bool {
    a.toks[run.clone()]
        .iter()
        .filter(|t| t.shape == Shape::Name && t.norm.chars().count() > 1)
        .all(|t| index.doc_freq(&t.stem) == 0)
}

fn unknown_to_table(a: &Analysed, run: &std::ops::Range<usize>, index: &Index) -> bool {
    a.toks[run.clone()]
        .iter()
        .any(|t| t.shape == Shape::Name && t.norm.chars().count() > 1 && index.doc_freq(&t.stem) == 0)
}

/// True when a name run is one item of a list: "and", "or", or a comma and
/// another name follow it ("modelled for Mango, Ralph Lauren and
/// L'Oréal"); a comma and a description do not ("Sir George Everest, a
/// former Surveyor General").
fn in_list(a: &Analysed, run: &std::ops::Range<usize>) -> bool {
    let after = a.text[a.toks[run.end - 1].span.end..].trim_start();
    let next = a.toks.get(run.end);
    next.is_some_and(|t| matches!(t.norm.as_str(), "and" | "or"))
        || (after.starts_with(',') && next.is_some_and(|t| t.shape == Shape::Name))
}

/// The words of the phrase that starts at token `start`: up to a
/// punctuation mark or a verb.
fn phrase_from(a: &Analysed, start: usize) -> &[Token] {
    let mut end = start;
    while end < a.toks.len() {
        if end > start && is_verb(&a.toks[end]) {
            break;
        }
        end += 1;
        let gap = a
            .toks
            .get(end)
            .map_or("", |next| &a.text[a.toks[end - 1].span.end..next.span.start]);
        if gap
            .chars()
            .any(|c| matches!(c, ',' | ';' | ':' | '.' | '(' | ')'))
        {
            break;
        }
    }
    &a.toks[start..end]
}

/// True when a name run lies in its text's subject, before the first verb
/// ("A grant from the Rockefeller Foundation paid ...").
fn in_subject(a: &Analysed, run: &std::ops::Range<usize>) -> bool {
    let start = subject_start(&a.text, &a.toks);
    start <= run.start && run.end <= subject_end(a)
}

/// True when a name run is followed by a copula and a definite description:
/// "the ..." or a possessive ("X was ESA's director general").
fn definite_after(a: &Analysed, run: &std::ops::Range<usize>) -> bool {
    let rest = &a.toks[run.end..];
    let copula = rest
        .first()
        .is_some_and(|t| matches!(t.norm.as_str(), "is" | "was" | "are" | "were"));
    copula
        && rest.get(1).is_some_and(|next| {
            let possessive = |w: &str| w.ends_with("'s") || w.ends_with("’s");
            next.norm == "the"
                || possessive(&a.text[next.span.clone()])
                || a.text[next.span.end..]
                    .split_whitespace()
                    .next()
                    .is_some_and(possessive)
        })
}

/// True when the first content word after a name run is a verb found in
/// the reference: the name is the subject of a predicate the reference has.
fn verb_after_matched(a: &Analysed, run: &std::ops::Range<usize>, status: &[Status]) -> bool {
    (run.end..a.toks.len())
        .find(|&k| a.toks[k].is_content())
        .is_some_and(|k| status[k] == Status::Matched && is_verb(&a.toks[k]))
}

/// True when the reference tells the claim's event apart from others with
/// the name run left aside: nothing else conflicts, every other name or
/// number is found, one name at least, and most of the rest by weight
/// ("... paid for his journey to the United States").
fn rest_matched(a: &Analysed, run: &std::ops::Range<usize>, status: &[Status], index: &Index) -> bool {
    let rest = || (0..a.toks.len()).filter(|k| !run.contains(k) && a.toks[*k].is_content());
    let keyed = |k: usize| matches!(a.toks[k].shape, Shape::Name | Shape::Number);
    let clean =
        rest().all(|k| matches!(status[k], Status::Matched) || (status[k] == Status::Missing && !keyed(k)));
    let pinned = rest().any(|k| status[k] == Status::Matched && a.toks[k].shape == Shape::Name);
    let (mut all, mut hit) = (0.0, 0.0);
    for k in rest() {
        let w = weight(index, &a.toks[k], a.toks[k].shape == Shape::Name);
        all += w;
        if status[k] == Status::Matched {
            hit += w;
        }
    }
    clean && pinned && hit >= REST_MATCHED * all
}

/// True when a name run opens the subject of a verb: only function words,
/// or a date ("In May 1940 Florey's team infected"), come before it.
fn heads_subject(a: &Analysed, run: &std::ops::Range<usize>) -> bool {
    let start = subject_start(&a.text, &a.toks);
    let end = subject_end(a);
    start <= run.start
        && run.end <= end
        && end < a.toks.len()
        && a.toks[start..run.start]
            .iter()
            .all(|t| t.stop || t.shape == Shape::Number || date_word(t))
}

/// True for a name run of one word that is an adjective: a people or a
/// place describing someone ("The Mexican scored", "The Roman outfit").
fn lone_adjective(a: &Analysed, run: &std::ops::Range<usize>) -> bool {
    let named: Vec<&Token> = a.toks[run.clone()]
        .iter()
        .filter(|t| t.shape == Shape::Name)
        .collect();
    named.len() == 1 && wordnet::is_lemma(&named[0].norm, wordnet::Pos::Adj)
}

/// How well the reference tells the rest of the claim, the name run left
/// aside, as one dated event (a date or an amount of it found): whether it
/// is clean (nothing else conflicts, every other name and number is found),
/// the words found and their share of the rest's weight. `None` when no
/// date or amount is found.
fn event_told(
    a: &Analysed,
    run: &std::ops::Range<usize>,
    status: &[Status],
    index: &Index,
) -> Option<(bool, usize, f64)> {
    let rest = || (0..a.toks.len()).filter(|k| !run.contains(k) && a.toks[*k].is_content());
    let counted = |t: &Token| t.shape == Shape::Number || text::spelled_number(&t.norm).is_some();
    let keyed = |t: &Token| t.shape == Shape::Name || counted(t);
    let clean =
        rest().all(|k| status[k] == Status::Matched || (status[k] == Status::Missing && !keyed(&a.toks[k])));
    let dated =
        rest().any(|k| status[k] == Status::Matched && (counted(&a.toks[k]) || date_word(&a.toks[k])));
    let told = rest().filter(|&k| status[k] == Status::Matched).count();
    let (mut all, mut hit) = (0.0, 0.0);
    for k in rest() {
        let w = weight(index, &a.toks[k], a.toks[k].shape == Shape::Name);
        all += w;
        if status[k] == Status::Matched {
            hit += w;
        }
    }
    (dated && all > 0.0).then(|| (clean, told, hit / all))
}

/// The word just before a run, if it is a function word that marks a role
/// ("in", "by", "from", "at", "of") or a content word.
fn role_word(a: &Analysed, run: &std::ops::Range<usize>) -> Option<String> {
    let mut k = run.start.checked_sub(1)?;
    while matches!(a.toks[k].norm.as_str(), "the" | "a" | "an") {
        k = k.checked_sub(1)?;
    }
    Some(a.toks[k].stem.clone())
}

/// A claim name none of whose words is found, and the reference's name in
/// the same role that the claim does not have (see `align`).
fn leftover_names(
    claim: &Analysed,
    status: &[Status],
    reference: &Analysed,
    claim_name_stems: &HashSet<String>,
    index: &Index,
) -> Option<(std::ops::Range<usize>, String, bool)> {
    // A near miss ("APTIA" / "APPI") is told as such, not as another name.
    let near = |t: &Token| {
        reference
            .toks
            .iter()
            .any(|r| r.shape == Shape::Name && near_miss(t, r))
    };
    let unmatched = |run: &std::ops::Range<usize>| {
        let missing: Vec<&Token> = run
            .clone()
            .filter(|&k| status[k] == Status::Missing && claim.toks[k].shape == Shape::Name)
            .map(|k| &claim.toks[k])
            .collect();
        !missing.is_empty() && !missing.iter().any(|t| near(t))
    };
    let claim_left: Vec<std::ops::Range<usize>> = name_runs(claim).into_iter().filter(unmatched).collect();
    if claim_left.is_empty() {
        return None;
    }
    let ref_left: Vec<std::ops::Range<usize>> = name_runs(reference)
        .into_iter()
        .filter(|run| {
            reference.toks[run.clone()]
                .iter()
                .any(|t| t.shape == Shape::Name && !claim_name_stems.contains(&t.stem))
        })
        .collect();
    if ref_left.is_empty() {
        return None;
    }
    for run in &claim_left {
        let role = role_word(claim, run);
        let names_of = |a: &Analysed, r: &std::ops::Range<usize>| -> Vec<String> {
            a.toks[r.clone()]
                .iter()
                .filter(|t| t.shape == Shape::Name && t.norm.chars().count() > 1)
                .map(|t| t.stem.clone())
                .collect()
        };
        // Two names of one kind share their head or their lead: "Pacific
        // Ocean" / "North Atlantic Ocean", "RMS Californian" / "RMS Carpathia".
        let own = names_of(claim, run);
        let titled = |a: &Analysed, r: &std::ops::Range<usize>| {
            a.toks[r.start.saturating_sub(1)..r.end]
                .iter()
                .any(|t| lexicon::is_person_title(&t.norm))
        };
        // Two names of several words each, neither a list nor titled: a
        // shared surname with a title on either side is one person
        // ("William Ruto" and "Mr Ruto").
        let two_names = |r: &std::ops::Range<usize>, theirs: &[String]| {
            !listed(claim, run)
                && !listed(reference, r)
                && own.len() > 1
                && theirs.len() > 1
                && !titled(claim, run)
                && !titled(reference, r)
        };
        let same_kind = |r: &std::ops::Range<usize>| {
            let theirs = names_of(reference, r);
            two_names(r, &theirs)
                && own.last() == theirs.last()
                // "Duke of York" is a duke, "New York" a city: the head of
                // a name with "of" comes before it.
                && name_head(claim, run) == name_head(reference, r)
        };
        // A name some of whose words are found differs only by the others:
        // it needs a name of the same kind; a wholly unknown one, the same role.
        let whole = run
            .clone()
            .all(|k| claim.toks[k].shape != Shape::Name || status[k] == Status::Missing);
        // A made-up name may borrow a known word ("the Belfast Maritime
        // Heritage Society" / "built by Harland and Wolff in Belfast"): its
        // head is missing and some word of it is in no row of the table.
        let head_missing = run
            .clone()
            .rev()
            .find(|&k| claim.toks[k].shape == Shape::Name)
            .is_some_and(|k| status[k] == Status::Missing);
        // Not a person's title and name ("Kenya's Deputy President William
        // Ruto"), whose known words tell who it is.
        let made_up = whole
            || (head_missing
                && unknown_to_table(claim, run, index)
                && !titled(claim, run)
                && !run_text(claim, run).contains(['\'', '’']));
        // Two names led by one acronym and otherwise different, each opening
        // its text or in one role ("The RMS Californian rescued" / "The RMS
        // Carpathia rescued"): two of the kind the acronym says. A shared
        // given name ("Johanna") tells no kind.
        let same_lead = |r: &std::ops::Range<usize>| {
            let theirs = names_of(reference, r);
            is_acronym(claim, &claim.toks[run.start])
                && two_names(r, &theirs)
                && own.first() == theirs.first()
                && own[1..].iter().all(|w| !theirs[1..].contains(w))
                && ((opens(claim, run) && opens(reference, r))
                    || (role.is_some() && role_word(reference, r) == role))
        };
        let foreign = |r: &std::ops::Range<usize>| {
            reference.toks[r.clone()]
                .iter()
                .filter(|t| t.shape == Shape::Name)
                .all(|t| !claim_name_stems.contains(&t.stem))
        };
        // The name a definite description belongs to ("X was ESA's director
        // general", "X is the author of"): one holder, so another name in
        // the reference's subject is a conflict. "X is an actor" is not.
        let unique = |r: &std::ops::Range<usize>| {
            whole && foreign(r) && opens(claim, run) && opens(reference, r) && definite_after(claim, run)
        };
        // A name no row of the table has, in the subject of the verb the
        // reference gives its own subject ("A grant from the British
        // Antibiotics Council paid for his journey" / "The Rockefeller
        // Foundation funded a visit"): someone else is said to do what the
        // reference's subject did.
        let made_up_subject = |r: &std::ops::Range<usize>| {
            whole
                && foreign(r)
                && in_subject(claim, run)
                && in_subject(reference, r)
                && verb_after_matched(claim, run, status)
                && rest_matched(claim, run, status, index)
                && unknown_to_table(claim, run, index)
        };
        // A known name in the subject of an act the reference gives its own
        // subject, told apart by a date or an amount and nearly all of its
        // words ("Fleming ran the test in May 1940, giving penicillin to
        // four of eight mice" / "In May 1940 Florey's team infected eight
        // mice ... gave penicillin to four"): the act is attributed to
        // someone else.
        let attributed = |r: &std::ops::Range<usize>| {
            whole
                && foreign(r)
                && heads_subject(claim, run)
                && heads_subject(reference, r)
                && !lone_adjective(claim, run)
                && !lone_adjective(reference, r)
                && event_told(claim, run, status, index).is_some_and(|(clean, told, share)| {
                    clean && told >= ATTRIBUTED_WORDS && share >= ATTRIBUTED_REST
                })
        };
        let swap = |r: &std::ops::Range<usize>| unique(r) || made_up_subject(r) || attributed(r);
        // A name no row has any word of, where the reference tells the rest
        // of the claim as one dated event under another name ("signed the
        // Fiscal Discipline Charter of 1997, which caps deficits at 3%" /
        // "the Stability and Growth Pact ... of June 1997 ... deficits below
        // 3%"): a made-up name for the reference's. Both names have two
        // words or more: one word is as often a place or a people.
        let unknown_for_known = |r: &std::ops::Range<usize>| {
            whole
                && foreign(r)
                && own.len() > 1
                && names_of(reference, r).len() > 1
                && wholly_unknown(claim, run, index)
                && event_told(claim, run, status, index)
                    .is_some_and(|(_, told, share)| told >= UNKNOWN_WORDS && share >= UNKNOWN_REST)
        };
        let same_role = ref_left.iter().find(|r| {
            (made_up && foreign(r) && role.is_some() && role_word(reference, r) == role)
                || unknown_for_known(r)
                || same_kind(r)
                || same_lead(r)
                || swap(r)
        });
        if let Some(r) = same_role {
            let (c, rp) = (run_text(claim, run), run_text(reference, r));
            let derived = claim.toks[run.clone()].iter().any(|t| {
                reference.toks[r.clone()]
                    .iter()
                    .any(|x| derived_name(&t.norm, &x.norm))
            });
            // The same name, or "Villa'sFA Cup" for "Villa's FA Cup" with a space lost.
            let spaced_alike =
                c.split_whitespace().collect::<String>() == rp.split_whitespace().collect::<String>();
            if !derived && !spaced_alike {
                return Some((run.clone(), rp, swap(r)));
            }
        }
    }
    None
}

/// The whole name a name token belongs to, as written: "New" of "born in New
/// Orleans" is "New Orleans".
pub(super) fn name_phrase(text: &Analysed, t: &Token) -> String {
    let toks = &text.toks;
    let Some(i) = toks.iter().position(|x| x.span == t.span) else {
        return word(&text.text, t);
    };
    let joined = |a: &Token, b: &Token| {
        a.shape == Shape::Name
            && b.shape == Shape::Name
            && text
                .text
                .get(a.span.end..b.span.start)
                .is_some_and(|gap| gap.trim().is_empty())
    };
    let mut start = i;
    while start > 0 && joined(&toks[start - 1], &toks[start]) {
        start -= 1;
    }
    let mut end = i;
    while end + 1 < toks.len() && joined(&toks[end], &toks[end + 1]) {
        end += 1;
    }
    text.text
        .get(toks[start].span.start..toks[end].span.end)
        .map_or_else(|| word(&text.text, t), str::to_string)
}

/// Two names are a near miss when spelled alike with the same initial (APTIA / APPI).
pub(super) fn near_miss(t: &Token, r: &Token) -> bool {
    t.norm.chars().next() == r.norm.chars().next()
        && t.norm.chars().count().abs_diff(r.norm.chars().count()) <= NEAR_NAME_LENGTH_GAP
        && normalized_damerau_levenshtein(&t.norm, &r.norm) >= NEAR_NAME
        && !derived_name(&t.norm, &r.norm)
}

/// One name derived from the other by a people/language ending: "China" /
/// "Chinese", "Mexico" / "Mexican", "Norway" / "Norwegian", "Israel" / "Israeli".
pub(super) fn derived_name(a: &str, b: &str) -> bool {
    const ENDINGS: &[&str] = &["ese", "ian", "an", "i", "ish", "ic", "er", "ean", "ern"];
    // "Scotland" / "Scottish", "Finland" / "Finnish", "Poland" / "Polish".
    let land = |x: &str, y: &str| {
        x.strip_suffix("land")
            .zip(y.strip_suffix("ish"))
            .is_some_and(|(p, q)| {
                p.chars().count() >= 2 && p.chars().zip(q.chars()).take_while(|(c, d)| c == d).count() >= 2
            })
    };
    if land(a, b) || land(b, a) {
        return true;
    }
    let (short, long) = if a.chars().count() <= b.chars().count() {
        (a, b)
    } else {
        (b, a)
    };
    let n = short.chars().count();
    let shared = short
        .chars()
        .zip(long.chars())
        .take_while(|(x, y)| x == y)
        .count();
    long.chars().count() > n
        && shared >= (n.saturating_sub(2)).max(3)
        && ENDINGS.iter().any(|e| long.ends_with(e))
}

/// True when a word of the name phrase around position `i` satisfies `found`.
pub(super) fn phrase_overlaps(toks: &[Token], i: usize, found: &dyn Fn(&Token) -> bool) -> bool {
    let mut start = i;
    while start > 0 && toks[start - 1].shape == Shape::Name {
        start -= 1;
    }
    let mut end = i + 1;
    while end < toks.len() && toks[end].shape == Shape::Name {
        end += 1;
    }
    // Initials ("J. R. R.") are shared by many names: they do not make two
    // names one.
    (start..end).any(|k| k != i && toks[k].norm.chars().count() > 1 && found(&toks[k]))
}

pub(super) fn phrase_overlaps_tok(toks: &[Token], t: &Token, found: &dyn Fn(&Token) -> bool) -> bool {
    toks.iter()
        .position(|x| x.span == t.span)
        .is_some_and(|i| phrase_overlaps(toks, i, found))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{alignment, conflicts};
    use super::*;

    #[test]
    fn a_country_and_its_adjective_are_one_name() {
        assert!(derived_name("scotland", "scottish"));
        assert!(derived_name("polish", "poland"));
        assert!(derived_name("norway", "norwegian"));
        assert!(!derived_name("scotland", "sweden"));
        assert!(!derived_name("kenya", "kenyatta"));
    }

    #[test]
    fn pronouns_weekdays_and_spelled_out_acronyms_are_no_other_name() {
        // A pronoun capitalised after a quotation is no name in the role of one.
        let found = conflicts(
            "The manager called the club 'a circus' He believes he could have saved Leeds.",
            "Former manager Redknapp believes he could have saved Leeds.",
        );
        assert!(found.is_empty(), "{found:?}");
        // A weekday is part of a date, not a name against a team.
        let found = conflicts(
            "Rangers won 4-0 at Ibrox on Sunday.",
            "Rangers won 4-0 at Ibrox over Hibernian.",
        );
        assert!(found.is_empty(), "{found:?}");
        // "in the U.S." and "in the United States" fill the slot with one name.
        let found = conflicts(
            "Protests followed incidents in the U.S. involving police.",
            "Protests followed incidents in the United States in which police shot men.",
        );
        assert!(found.is_empty(), "{found:?}");
        // Another name in that slot still conflicts.
        let found = conflicts(
            "Protests followed incidents in the Netherlands involving police.",
            "Protests followed incidents in the United States in which police shot men.",
        );
        assert!(
            found
                .iter()
                .any(|c| c.kind.is_role() || c.kind == ConflictKind::Name),
            "{found:?}"
        );
    }

    #[test]
    fn names_with_of_are_headed_by_the_word_before_it() {
        // A duke is no city: they share a word, not a kind.
        let found = conflicts(
            "The princess was seen in New York on Friday.",
            "The princess, daughter of the Duke of York, was seen on Friday.",
        );
        assert!(found.is_empty(), "{found:?}");
        // Two banks are of one kind.
        let found = conflicts(
            "The loan came from the Bank of France in 1990.",
            "The loan came from the Bank of England in 1990.",
        );
        assert!(!found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_surname_the_reference_has_accounts_for_the_person() {
        let a = alignment(
            "On Saturday Jack Marsh scored twice for Leeds.",
            "On Saturday Marsh scored twice for Leeds.",
        );
        assert!(a.accounts_for_keys(None) && a.conflicts.is_empty(), "{a:?}");
        // Another given name with that surname is another person.
        let a = alignment(
            "On Saturday Jack Marsh scored twice for Leeds.",
            "On Saturday Ann Marsh scored twice for Leeds.",
        );
        assert!(!a.conflicts.is_empty(), "{a:?}");
    }

    #[test]
    fn a_capitalised_adjective_describes_but_a_people_is_a_key_detail() {
        let reference = "The convoy reached Halifax with 40 ships in June 1941.";
        // "Papal" only describes the ships; a missing description is no missing name.
        assert!(alignment(
            "The Papal convoy reached Halifax with 40 ships in June 1941.",
            reference
        )
        .accounts_for_keys(None));
        // "Irish" names a people: which ships they were is part of the claim.
        assert!(!alignment(
            "The convoy reached Halifax with 40 Irish ships in June 1941.",
            reference
        )
        .accounts_for_keys(None));
        // A name is a key detail, however it is written.
        assert!(!alignment(
            "The convoy reached Halifax with 40 ships in June 1941 for Canada.",
            reference
        )
        .accounts_for_keys(None));
    }

    #[test]
    fn another_name_in_the_same_role_conflicts() {
        let reference =
            "RMS Titanic sank in the North Atlantic Ocean on 15 April 1912 after striking an iceberg.";
        // Two oceans: names of one kind, sharing their head.
        let found = conflicts("Titanic sank in the Pacific Ocean on 15 April 1912.", reference);
        assert!(
            found.iter().any(|c| c.kind.is_role()
                && c.claim == "Pacific Ocean"
                && c.reference == "North Atlantic Ocean"),
            "{found:?}"
        );
        // The same name is none.
        assert!(conflicts(
            "Titanic sank in the North Atlantic Ocean on 15 April 1912.",
            reference
        )
        .is_empty());
    }

    #[test]
    fn a_name_no_row_knows_in_the_subject_of_the_reference_verb_is_unknown() {
        let found = conflicts(
            "The Maritime Safety Council approved the number of lifeboats on Titanic.",
            "The Board of Trade approved the number of lifeboats on Titanic.",
        );
        assert!(
            found
                .iter()
                .any(|c| c.kind == ConflictKind::Unknown && c.claim == "Maritime Safety Council"),
            "{found:?}"
        );
    }

    #[test]
    fn names_led_by_one_acronym_are_of_one_kind() {
        let found = conflicts(
            "The RMS Californian rescued about 705 survivors.",
            "The RMS Carpathia rescued about 705 survivors.",
        );
        assert!(
            found
                .iter()
                .any(|c| c.kind.is_role() && c.claim == "RMS Californian" && c.reference == "RMS Carpathia"),
            "{found:?}"
        );
        // A shared given name tells no kind: two people, not a swap.
        let found = conflicts(
            "Johanna Braddy is known for her television appearances.",
            "Johanna Mansfield Sullivan Macy is known as the teacher of Helen Keller.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_made_up_name_may_borrow_a_known_word() {
        let found = conflicts(
            "The ship was built by the Belfast Maritime Heritage Society.",
            "The ship was built by Harland and Wolff in Belfast.",
        );
        assert!(
            found.iter().any(|c| c.kind == ConflictKind::Unknown
                && c.claim == "Belfast Maritime Heritage Society"
                && c.reference == "Harland and Wolff"),
            "{found:?}"
        );
    }

    #[test]
    fn a_name_with_a_lost_space_is_the_same_name() {
        // The same name with a space lost in the text.
        let found = conflicts(
            "He has played in all four of Villa'sFA Cup matches this season.",
            "He has played in all four of Villa's FA Cup matches this season.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_titled_person_is_not_a_made_up_name() {
        // A titled person some of whose words the reference has is no made-up name.
        let found = conflicts(
            "A man attacked an officer at the home of Kenya's Deputy President William Ruto.",
            "The deputy had left for a rally in the town of Kitale, where he joined President Uhuru Kenyatta.",
        );
        assert!(
            !found.iter().any(|c| c.kind == ConflictKind::Unknown),
            "{found:?}"
        );
    }

    #[test]
    fn a_name_spelled_close_to_the_reference_is_a_near_miss() {
        let found = conflicts(
            "Japan's APTIA aligns with the GDPR.",
            "Japan's APPI is recognised as adequate under the GDPR.",
        );
        assert!(found.iter().any(|c| c.kind == ConflictKind::Name), "{found:?}");
        assert!(near_miss(
            &crate::text::tokenize("Heatly")[0],
            &crate::text::tokenize("Heatley")[0]
        ));
    }

    #[test]
    fn a_long_event_given_to_another_subject_is_an_attribution() {
        // Made up: the act, its date and its counts match; its actor differs.
        // The table knows the claim's name from another row.
        let row = |id: &str, statement: &str| crate::reference::Reference {
            id: id.into(),
            statement: statement.into(),
            source: String::new(),
            rating: true,
            aliases: Vec::new(),
            origin: ("t.csv".into(), 2),
        };
        let index = Index::build(vec![
            row(
                "R1",
                "In December 1911 Bjaaland's Norwegian party crossed the plateau with four companions and fifty-two dogs; only the dogs were eaten.",
            ),
            row("R2", "Amundsen wrote a book about the journey."),
        ]);
        let claim = Analysed::new(
            "Amundsen himself made the final march in December 1911, crossing the plateau with four companions and fifty-two dogs; only the dogs were eaten.",
            &index,
        );
        let found = super::super::align(&claim, &index, 0, 1.0).conflicts;
        assert!(
            found.iter().any(|c| c.kind.is_role() && c.claim == "Amundsen"),
            "{found:?}"
        );
        // A short claim tells no single event: two actors may share it.
        let found = conflicts(
            "Kate Winslet was in two films in 2005.",
            "Dafoe was in two films in 2005.",
        );
        assert!(!found.iter().any(|c| c.kind.is_role()), "{found:?}");
        // A people describing the subject is no other actor.
        let found = conflicts(
            "Lazio beat Napoli in the cup semi-final on Wednesday to reach the final for the first time in four years.",
            "The Roman outfit beat Napoli in the cup semi-final on Wednesday to reach the final for the first time in four years.",
        );
        assert!(!found.iter().any(|c| c.kind.is_role()), "{found:?}");
    }

    #[test]
    fn a_made_up_name_for_a_dated_known_act_is_unknown() {
        // Made up: the act, its year and its figure match under another name.
        let found = conflicts(
            "To protect rivers, the states adopted the Blue Stream Accord of 1972, which limits discharges to 5% of flow.",
            "The Federal Water Pollution Control Act of October 1972 limits discharges by the states to 5% of flow.",
        );
        assert!(
            found
                .iter()
                .any(|c| c.kind == ConflictKind::Unknown && c.claim == "Blue Stream Accord"),
            "{found:?}"
        );
        // A lone adjective ("the Allied landings") is no made-up name.
        let found = conflicts(
            "By June 1944, more than two million doses were ready for the Allied landings in Normandy.",
            "About 2.3 million doses had been made in the United States by June 1944 for the landings in Normandy.",
        );
        assert!(
            !found.iter().any(|c| c.kind == ConflictKind::Unknown),
            "{found:?}"
        );
    }
}
