//! Aligning a claim with a candidate reference, word by word.
//!
//! The index proposes a few candidates; this module tells, for each, which
//! words of the claim the reference covers (exactly, through an alias, or as
//! a spelling variant), whether it is about the same subject, and which
//! details conflict: negation, numbers and dates, names standing in the same
//! role, antonyms and members of one closed class. It decides nothing: that
//! is `verdict`'s job.
//!
//! [`align`] is a short driver over one shared state, a `Pair`: each kind
//! of evidence has its own module and updates the state in turn.
//!
//! - `words`: which claim words the reference has (exact, stem, alias,
//!   acronym, spelling variant, WordNet synonym or hypernym), and their weights;
//! - `numbers`: dates and amounts compared as values (`quantity` parses them);
//! - `names`: names left over on both sides in one role, made-up names,
//!   near misses, a known name put in another slot;
//! - `roles`: words standing in the same place (antonyms, closed classes,
//!   names in one role, slot fillers) and the claim's subject;
//! - `negation`: negation cues and affixes, and their scope;
//! - `alignment`: the scores the verdict reads, from the final state;
//! - `params`: the tuning values, each with a line on what it sets.

// Sets of stems only asked `contains`: the fast hash, never iterated.
use rustc_hash::FxHashSet as HashSet;
use std::sync::Arc;

use crate::index::Index;
use crate::text::{self, Shape, Token};

mod alignment;
mod conflict;
mod names;
mod negation;
mod numbers;
mod params;
pub(crate) mod quantity;
mod roles;
mod words;

pub use alignment::Alignment;
pub use conflict::{Conflict, ConflictKind};
use params::{NAME_BOOST, SUBJECT_BOOST};
use roles::{subject_end, subject_start};

/// A text analysed once for matching.
#[derive(Debug, Clone)]
pub struct Analysed {
    /// The text itself.
    pub text: String,
    /// Its words.
    pub toks: Vec<Token>,
    /// Content stems added by the table's alias groups.
    pub expansion: Vec<String>,
}

impl Analysed {
    /// Tokenises a text and expands it with the index's alias groups.
    pub fn new(text: &str, index: &Index) -> Analysed {
        let toks = text::tokenize(text);
        let stems: Vec<String> = toks.iter().map(|t| t.stem.clone()).collect();
        let expansion = index.expand(&stems);
        Analysed {
            text: text.to_string(),
            toks,
            expansion,
        }
    }

    /// The query for the index: content stems with a boost (names and
    /// numbers weigh more, and words of the subject more again, since the
    /// subject is matched first), plus the alias expansion.
    pub fn query(&self) -> Vec<(String, f64)> {
        let subject = subject_start(&self.text, &self.toks)..subject_end(self);
        self.toks
            .iter()
            .enumerate()
            .filter(|(_, t)| t.is_content())
            .map(|(i, t)| {
                let name = if t.shape == Shape::Word { 1.0 } else { NAME_BOOST };
                let subj = if subject.contains(&i) { SUBJECT_BOOST } else { 1.0 };
                (t.stem.clone(), name * subj)
            })
            .chain(self.expansion.iter().map(|s| (s.clone(), NAME_BOOST)))
            .collect()
    }

    /// The query made of the subject's words alone: it finds the references
    /// about the subject even when the rest of the claim pulls elsewhere.
    pub fn subject_query(&self) -> Vec<(String, f64)> {
        let subject = subject_start(&self.text, &self.toks)..subject_end(self);
        self.toks[subject]
            .iter()
            .filter(|t| t.is_content())
            .map(|t| {
                (
                    t.stem.clone(),
                    if t.shape == Shape::Word { 1.0 } else { NAME_BOOST },
                )
            })
            .collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Status {
    /// Found in the reference.
    Matched,
    /// Stands where the reference has another word (a conflict).
    Substituted,
    /// A name spelled close to another name of the reference (a conflict).
    NearMiss,
    /// Not found.
    Missing,
}

/// One claim against one reference while they are aligned: what each kind
/// of evidence has found so far.
struct Pair<'a> {
    claim: &'a Analysed,
    reference: Arc<Analysed>,
    index: &'a Index,
    /// Position of the reference in the index.
    doc: usize,
    /// The claim's stems, with its alias expansion.
    claim_stems: HashSet<&'a str>,
    /// Stems of the claim's name words; two names share a word only when it
    /// is a name on both sides ("New Haven Hospital" / "a Boston hospital").
    claim_name_stems: HashSet<String>,
    /// Stems of the reference's name words.
    ref_name_stems: HashSet<String>,
    /// Positions of the reference's content words the claim does not have:
    /// candidates for a conflict.
    ref_only: Vec<usize>,
    /// What became of each claim token.
    status: Vec<Status>,
    /// Conflicting details found so far.
    conflicts: Vec<Conflict>,
    /// True when the claim names another holder of a role the reference's
    /// subject holds alone: then a conflict in the subject is the error.
    swapped_subject: bool,
}

impl<'a> Pair<'a> {
    fn new(claim: &'a Analysed, index: &'a Index, doc: usize) -> Pair<'a> {
        // Analysed once per statement and kept by the index for later claims.
        let reference = index.analysed(doc);
        let claim_stems: HashSet<&str> = claim
            .toks
            .iter()
            .map(|t| t.stem.as_str())
            .chain(claim.expansion.iter().map(String::as_str))
            .collect();
        let name_stems = |a: &Analysed| -> HashSet<String> {
            a.toks
                .iter()
                .filter(|t| names::is_name(t))
                .map(|t| t.stem.clone())
                .collect()
        };
        let ref_only = (0..reference.toks.len())
            .filter(|&j| {
                let r = &reference.toks[j];
                r.is_content() && !claim_stems.contains(r.stem.as_str())
            })
            .collect();
        Pair {
            claim_name_stems: name_stems(claim),
            ref_name_stems: name_stems(&reference),
            status: vec![Status::Missing; claim.toks.len()],
            claim,
            reference,
            index,
            doc,
            claim_stems,
            ref_only,
            conflicts: Vec::new(),
            swapped_subject: false,
        }
    }
}

/// Aligns an analysed claim with reference `doc` of the index: each kind of
/// evidence in turn, then the scores.
pub fn align(claim: &Analysed, index: &Index, doc: usize, retrieval: f64) -> Alignment {
    let mut pair = Pair::new(claim, index, doc);
    words::match_words(&mut pair);
    numbers::compare(&mut pair);
    names::leftover(&mut pair);
    if pair.conflicts.is_empty() {
        names::misplaced(&mut pair);
    }
    roles::substitutions(&mut pair);
    negation::affixes(&mut pair);
    if pair.conflicts.is_empty() {
        roles::slot(&mut pair);
    }
    negation::cues(&mut pair);
    pair.conflicts.dedup();
    let other_subject = roles::drop_subject_conflicts(&mut pair);
    alignment::score(pair, retrieval, other_subject)
}
#[cfg(test)]
mod test_support {
    use super::{align, Alignment, Analysed, Conflict};
    use crate::index::Index;

    /// The alignment of a claim with a one-row table holding `reference`.
    pub(super) fn alignment(claim: &str, reference: &str) -> Alignment {
        let index = Index::build(vec![crate::reference::Reference {
            id: "R1".into(),
            statement: reference.into(),
            source: String::new(),
            rating: true,
            aliases: Vec::new(),
            origin: ("t.csv".into(), 2),
        }]);
        align(&Analysed::new(claim, &index), &index, 0, 1.0)
    }

    /// The conflicts of that alignment.
    pub(super) fn conflicts(claim: &str, reference: &str) -> Vec<Conflict> {
        alignment(claim, reference).conflicts
    }
}
