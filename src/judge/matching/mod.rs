//! Aligning a claim with a candidate reference, word by word.
//!
//! The index proposes a few candidates; this module tells, for each, which
//! words of the claim the reference covers (exactly, through an alias, or as
//! a spelling variant), whether it is about the same subject, and which
//! details conflict: negation, numbers and dates, names standing in the same
//! role, antonyms and members of one closed class. It decides nothing: that
//! is `verdict`'s job.

// Sets of stems only asked `contains`: the fast hash, never iterated.
use rustc_hash::FxHashSet as HashSet;
use std::fmt;

use serde::Serialize;
use strsim::normalized_damerau_levenshtein;

use crate::index::Index;
use crate::lexicon;
use crate::relations;
use crate::text::{self, Shape, Token};
use crate::wordnet;

pub(crate) mod quantity;
use quantity::{Kind, Relation};

/// Retrieval boost of a name, a number or an acronym.
const NAME_BOOST: f64 = 1.5;
/// Retrieval boost of a word of the claim's subject.
const SUBJECT_BOOST: f64 = 1.5;
/// Share of a claim's other words a reference must have for a rank in the
/// claim's subject to be an error rather than another event.
const SAME_EVENT: f64 = 0.6;
/// Share of a claim's weight that missing names may have in a supporting reference.
const MINOR_NAME_SHARE: f64 = 0.1;
/// Similarity at or above which two names are the same name spelled differently.
const SAME_NAME: f64 = 0.85;
/// Similarity at or above which two different names are a near miss.
const NEAR_NAME: f64 = 0.5;
/// Most letters two near-miss names may differ in length by: "Kenyatta" is
/// not a misspelt "Kenya", "Heatly" is a misspelt "Heatley".
const NEAR_NAME_LENGTH_GAP: usize = 2;
/// Share of a claim, its subject name left aside, that a reference must
/// match for another name in its subject to be the error.
const REST_MATCHED: f64 = 0.6;

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

/// What kind of detail conflicts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ConflictKind {
    /// One side negates what the other affirms.
    Negation,
    /// A different year or date.
    Date,
    /// A different number.
    Number,
    /// A name spelled close to the reference's name (APTIA / APPI).
    Name,
    /// Another name in the same role (same neighbouring words).
    Role,
    /// Like `Role`, with a claim name no reference of the table mentions: a
    /// made-up organisation, law or person, or one the table does not know.
    Unknown,
    /// Words of opposite meaning.
    Antonym,
    /// Another word in the same slot ("is a singer" vs "is a dog").
    Detail,
    /// Two members of one closed class (a month, a nationality, a genre...).
    Category(&'static str),
}

impl ConflictKind {
    /// Another name standing where the reference names someone or something
    /// (known to the table or not).
    pub fn is_role(self) -> bool {
        matches!(self, ConflictKind::Role | ConflictKind::Unknown)
    }

    /// Strong kinds decide on their own; weak ones need a well-covered claim.
    pub fn is_strong(self) -> bool {
        matches!(
            self,
            ConflictKind::Negation
                | ConflictKind::Date
                | ConflictKind::Number
                | ConflictKind::Antonym
                | ConflictKind::Name
                // "the second woman" / "the third woman": a rank is a number.
                | ConflictKind::Category("ordinal")
        )
    }
}

/// One conflicting detail between a claim and a reference.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conflict {
    /// Its kind.
    pub kind: ConflictKind,
    /// The claim's word(s).
    pub claim: String,
    /// The reference's word(s).
    pub reference: String,
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            ConflictKind::Negation => {
                if self.claim.is_empty() {
                    write!(
                        f,
                        "negation: reference says \"{}\", claim does not",
                        self.reference
                    )
                } else {
                    write!(f, "negation: claim says \"{}\", reference does not", self.claim)
                }
            }
            ConflictKind::Date => write!(
                f,
                "date differs: claim {}, reference {}",
                self.claim, self.reference
            ),
            ConflictKind::Number => write!(
                f,
                "number differs: claim {}, reference {}",
                self.claim, self.reference
            ),
            ConflictKind::Name | ConflictKind::Role => write!(
                f,
                "name differs: claim \"{}\", reference \"{}\"",
                self.claim, self.reference
            ),
            ConflictKind::Unknown => write!(
                f,
                "name differs: claim \"{}\", reference \"{}\"; no reference mentions \"{}\"",
                self.claim, self.reference, self.claim
            ),
            ConflictKind::Detail => write!(
                f,
                "detail differs: claim \"{}\", reference \"{}\"",
                self.claim, self.reference
            ),
            ConflictKind::Antonym => write!(
                f,
                "opposite meaning: claim \"{}\", reference \"{}\"",
                self.claim, self.reference
            ),
            ConflictKind::Category(class) => {
                write!(
                    f,
                    "{class} differs: claim \"{}\", reference \"{}\"",
                    self.claim, self.reference
                )
            }
        }
    }
}

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

/// Aligns an analysed claim with reference `doc` of the index.
pub fn align(claim: &Analysed, index: &Index, doc: usize, retrieval: f64) -> Alignment {
    let reference = index.analysed(doc);
    let ref_stems: HashSet<&str> = reference
        .toks
        .iter()
        .map(|t| t.stem.as_str())
        .chain(index.expansion(doc).iter().map(String::as_str))
        .collect();
    let claim_stems: HashSet<&str> = claim
        .toks
        .iter()
        .map(|t| t.stem.as_str())
        .chain(claim.expansion.iter().map(String::as_str))
        .collect();
    let is_name = |t: &Token| t.shape == Shape::Name;
    // Two names share a word only when it is a name on both sides: "New
    // Haven Hospital" and "a Boston hospital" name two places.
    let name_stems = |a: &Analysed| -> HashSet<String> {
        a.toks
            .iter()
            .filter(|t| is_name(t))
            .map(|t| t.stem.clone())
            .collect()
    };
    let (claim_name_stems, ref_name_stems) = (name_stems(claim), name_stems(&reference));

    let mut status = Vec::with_capacity(claim.toks.len());
    for t in &claim.toks {
        // A name matches a name: "Right" in "Hot Right Now" is not the
        // word "right", "The Gifted" is not "The Gift".
        let stem_found = if is_name(t) {
            index.expansion(doc).contains(&t.stem)
                || reference.toks.iter().any(|r| {
                    r.stem == t.stem
                        && (is_name(r) || r.shape == Shape::Number)
                        && same_name_form(&t.norm, &r.norm)
                })
        } else {
            ref_stems.contains(t.stem.as_str())
        };
        // A name spelled like another name of the reference is a near miss
        // (a conflict, below), not the same name: "Heatly" is not "Heatley".
        let found = !t.is_content()
            || stem_found
            || reference
                .toks
                .iter()
                .any(|r| r.is_content() && !(is_name(t) && is_name(r)) && spelled_alike(&t.norm, &r.norm))
            || (is_acronym(claim, t) && acronym_in(&t.norm, &reference))
            // A number word or an ordinal means one value: WordNet's other
            // senses ("second" = "back") do not match it.
            || (t.shape == Shape::Word && !lexicon::is_count_word(&t.norm) && entailed_by_word(&t.norm, &reference));
        status.push(if found { Status::Matched } else { Status::Missing });
    }
    // A phrase of the claim spelled out by an acronym of the reference.
    for r in reference.toks.iter().filter(|r| is_acronym(&reference, r)) {
        if let Some(run) = acronym_run(&r.norm, &claim.toks) {
            for k in run {
                status[k] = Status::Matched;
            }
        }
    }

    // Reference words the claim does not have: candidates for a conflict.
    let ref_only: Vec<&Token> = reference
        .toks
        .iter()
        .filter(|r| r.is_content() && !claim_stems.contains(r.stem.as_str()))
        .collect();
    let mut conflicts = Vec::new();
    let claim_text = &claim.text;
    let ref_text = &reference.text;

    // Dates, then numbers as quantities (bounds, scales, units, counted nouns).
    numbers_and_dates(claim, &reference, &mut status, &mut conflicts);

    // Leftover names: a name of the claim the reference does not have
    // (wholly, or in its distinguishing words), where the reference has a
    // name of its own that the claim lacks, in the same role (after the
    // same word, or sharing a word: "Pacific Ocean" / "North Atlantic Ocean"):
    // "assembled in Toulouse" / "integrated in Bremen", "Jan Wörner" /
    // "Josef Aschbacher", a made-up "Fiscal Discipline Charter" / the
    // "Stability and Growth Pact".
    let mut swapped_subject = false;
    if let Some((range, r, unique)) = leftover_names(claim, &status, &reference, &claim_name_stems, index) {
        swapped_subject = unique;
        let unknown = unknown_to_table(claim, &range, index);
        for k in range.clone() {
            if status[k] == Status::Missing {
                status[k] = Status::Substituted;
            }
        }
        conflicts.push(Conflict {
            kind: if unknown {
                ConflictKind::Unknown
            } else {
                ConflictKind::Role
            },
            claim: run_text(claim, &range),
            reference: r,
        });
    }

    // A name the reference has, in another slot: the reference puts another
    // name where the claim puts this one ("named after Andrew Waugh" /
    // "named after Sir George Everest; ... proposed by ... Andrew Waugh").
    if conflicts.is_empty() {
        if let Some((range, r)) = misplaced_name(claim, &status, &reference, &claim_name_stems) {
            for k in range.clone() {
                if claim.toks[k].shape == Shape::Name {
                    status[k] = Status::Substituted;
                }
            }
            conflicts.push(Conflict {
                kind: ConflictKind::Role,
                claim: run_text(claim, &range),
                reference: r,
            });
        }
    }

    // Word-level substitutions: antonyms, closed classes, names in the same role.
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
                    .any(|x| stop_like(x) || lexicon::is_month(&x.norm) || lexicon::is_weekday(&x.norm))
                && !phrase_overlaps(&claim.toks, i, &|x: &Token| {
                    ref_name_stems.contains(x.stem.as_str())
                })
                && !phrase_overlaps_tok(&reference.toks, r, &|x: &Token| {
                    claim_name_stems.contains(x.stem.as_str())
                })
                && same_role(claim, i, &reference, r)
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
                conflicts.push(Conflict {
                    kind,
                    claim: word(claim_text, t),
                    reference: if kind == ConflictKind::Role {
                        name_phrase(&reference, r)
                    } else {
                        word(ref_text, r)
                    },
                });
                break;
            }
        }
    }
    // Negation inside a word: "childless" against "three children",
    // "unmarried" against "married", either way round.
    for (i, t) in claim.toks.iter().enumerate() {
        if status[i] != Status::Missing || t.shape != Shape::Word {
            continue;
        }
        if let Some(base) = negated_base(&t.norm) {
            if reference
                .toks
                .iter()
                .any(|r| r.is_content() && same_word(&base, r))
            {
                status[i] = Status::Substituted;
                conflicts.push(Conflict {
                    kind: ConflictKind::Negation,
                    claim: word(claim_text, t),
                    reference: String::new(),
                });
            }
        }
    }
    for r in &ref_only {
        if r.shape != Shape::Word {
            continue;
        }
        if let Some(base) = negated_base(&r.norm) {
            if let Some(k) = claim
                .toks
                .iter()
                .position(|t| t.is_content() && same_word(&base, t))
            {
                if status[k] == Status::Matched {
                    conflicts.push(Conflict {
                        kind: ConflictKind::Negation,
                        claim: String::new(),
                        reference: word(ref_text, r),
                    });
                }
            }
        }
    }

    // Slots: a phrase of the claim missing from the reference, where the
    // reference fills the same slot (after the same word) with another phrase.
    if conflicts.is_empty() {
        if let Some((i, r)) = slot_substitution(claim, &status, &reference, &claim_stems) {
            let kind = if is_name(&claim.toks[i]) && is_name(r) {
                ConflictKind::Role
            } else {
                ConflictKind::Detail
            };
            status[i] = Status::Substituted;
            conflicts.push(Conflict {
                kind,
                claim: word(claim_text, &claim.toks[i]),
                reference: if kind == ConflictKind::Role {
                    name_phrase(&reference, r)
                } else {
                    word(ref_text, r)
                },
            });
        }
    }

    // Negation: parity of negation cues differs, and what the negation
    // governs is on both sides (otherwise "X is not Y" against "X is Z"
    // says nothing about Y).
    let claim_neg = negations(&claim.toks);
    let ref_neg = negations(&reference.toks);
    if claim_neg.len() % 2 != ref_neg.len() % 2 {
        let (c, r, in_scope) = if claim_neg.len() > ref_neg.len() {
            let k = claim_neg[0];
            let scope = scope_of(&claim.toks, k);
            let covered = scope.iter().filter(|&&j| status[j] != Status::Missing).count();
            (
                word(claim_text, &claim.toks[k]),
                String::new(),
                2 * covered >= scope.len(),
            )
        } else {
            let k = ref_neg[0];
            let scope = scope_of(&reference.toks, k);
            let covered = scope
                .iter()
                .filter(|&&j| claim_stems.contains(reference.toks[j].stem.as_str()))
                .count();
            (
                String::new(),
                word(ref_text, &reference.toks[k]),
                2 * covered >= scope.len(),
            )
        };
        if in_scope {
            conflicts.push(Conflict {
                kind: ConflictKind::Negation,
                claim: c,
                reference: r,
            });
        }
    }
    // Negation clause by clause: "did not perform its deorbit burn: ... were
    // never released" negates twice, but each clause once.
    if claim_neg.len() % 2 == ref_neg.len() % 2 {
        if let Some((c, r)) = clause_negation(claim, &reference, &claim_stems) {
            conflicts.push(Conflict {
                kind: ConflictKind::Negation,
                claim: c,
                reference: r,
            });
        }
    }
    conflicts.dedup();
    // A weak conflict inside the subject means another subject ("the third
    // council" is not "the second council"), not a contradiction.
    let subject_range = subject_start(&claim.text, &claim.toks)..subject_end(claim);
    let mut other_subject = false;
    // A rank in the subject ("the third flight") names another event unless
    // the rest of the claim tells the reference's event (same date, same
    // payload): then the rank is the error.
    let ranks: Vec<&str> = conflicts
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
    let other_detail = conflicts
        .iter()
        .any(|c| matches!(c.kind, ConflictKind::Date | ConflictKind::Number));
    let same_event = !told.is_empty() && !other_detail && matched as f64 >= SAME_EVENT * told.len() as f64;
    conflicts.retain(|c| {
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
        let w = weight(index, t, is_name(t)) * if inside { 0.25 } else { 1.0 };
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
        subject: !other_subject && (swapped_subject || subject_found(claim, &status, index, &is_name)),
        predicate: {
            // Share of the words after the subject's verb that the reference has.
            let end = subject_end(claim);
            let (mut all, mut hit) = (0.0, 0.0);
            for (i, w) in weights.iter().enumerate().skip(end) {
                all += w;
                if status[i] == Status::Matched {
                    hit += w;
                }
            }
            if all > 0.0 {
                hit / all
            } else {
                1.0
            }
        },
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

/// Compares the dates and the quantities of a claim with a reference's:
/// each claim date or amount the reference holds is matched; one that a
/// reference value of the same kind excludes is a conflict (a date, or a
/// number); the rest is left missing.
fn numbers_and_dates(
    claim: &Analysed,
    reference: &Analysed,
    status: &mut [Status],
    conflicts: &mut Vec<Conflict>,
) {
    let claim_dates = quantity::dates(claim);
    let ref_dates = quantity::dates(reference);
    let mut in_dates: Vec<usize> = Vec::new();
    for d in &claim_dates {
        in_dates.extend(&d.toks);
        if ref_dates.iter().any(|r| d.agrees(r)) {
            for &k in &d.toks {
                status[k] = Status::Matched;
            }
            continue;
        }
        // The reference's date that stands against it: one of the same
        // month or year, else the first.
        // A reference date the claim states elsewhere ("the first day of
        // 2001 ... 1 January 2002" against "1 January 2001") is another
        // fact's date, not this one's counterpart.
        let claim_years: Vec<i64> = claim
            .toks
            .iter()
            .enumerate()
            .filter(|(k, _)| !d.toks.contains(k))
            .filter_map(|(_, t)| quantity::value(t))
            .filter(|v| v.fract() == 0.0)
            .map(|v| v as i64)
            .collect();
        let candidates: Vec<&quantity::Date> = ref_dates
            .iter()
            .filter(|r| {
                r.year
                    .is_none_or(|y| !claim_years.contains(&y) || Some(y) == d.year)
            })
            .collect();
        let counterpart = candidates
            .iter()
            .find(|r| r.month == d.month || (r.year.is_some() && r.year == d.year))
            .or(candidates.first())
            .copied();
        if let Some(r) = counterpart {
            // The parts both dates give alike stay matched ("14 March" of
            // "14 March 2023" against "14 March 2024").
            let ref_parts: Vec<String> = text::tokenize(&r.text).into_iter().map(|t| t.norm).collect();
            for &k in &d.toks {
                status[k] = if ref_parts.contains(&claim.toks[k].norm) {
                    Status::Matched
                } else {
                    Status::Substituted
                };
            }
            conflicts.push(Conflict {
                kind: ConflictKind::Date,
                claim: d.text.clone(),
                reference: r.text.clone(),
            });
        } else {
            // No date in the reference: its year and day are checked as numbers.
            in_dates.retain(|k| !d.toks.contains(k));
        }
    }
    let ref_amounts = quantity::amounts(reference, &[]);
    // The values the claim writes down (a bound's own number, not its range).
    let claim_values: Vec<f64> = quantity::amounts(claim, &[])
        .iter()
        .map(|a| {
            if a.ref_high.is_finite() {
                (a.ref_low + a.ref_high) / 2.0
            } else {
                a.ref_low
            }
        })
        .collect();
    for c in quantity::amounts(claim, &in_dates) {
        // Values of the same kind that count the same thing stand against
        // the claim's ("6.55957 Deutsche Marks" against "1.95583 Deutsche
        // Mark", not against "6.55957 French francs"). When the reference
        // counts nothing the claim counts, its values of the same kind may
        // still hold the claim's ("308 million people" / "inhabitants").
        let same_kind: Vec<&quantity::Amount> = ref_amounts
            .iter()
            .filter(|r| quantity::same_kind(&c, r))
            .collect();
        let comparable: Vec<&quantity::Amount> = same_kind
            .iter()
            .copied()
            .filter(|r| quantity::same_noun(&c, r))
            .collect();
        let counts_same = comparable.iter().any(|r| r.noun.is_some() && c.noun.is_some());
        let holders = if counts_same { &comparable } else { &same_kind };
        if holders
            .iter()
            .any(|r| quantity::relation(&c, r) == Relation::Holds)
        {
            // "roughly 330 feet" held by "about 100 m": the bound is accounted for too.
            for &k in c.toks.iter().chain(&c.bound) {
                status[k] = Status::Matched;
            }
            continue;
        }
        for &k in &c.toks {
            if status[k] != Status::Matched || claim.toks[k].shape == Shape::Number || k == c.toks[0] {
                status[k] = Status::Missing;
            }
        }
        // A reference value the claim repeats elsewhere is not this one's counterpart.
        let counterpart = comparable.iter().find(|r| {
            quantity::relation(&c, r) == Relation::Excludes
                && !claim_values.iter().any(|v| *v >= r.ref_low && *v <= r.ref_high)
        });
        if let Some(r) = counterpart {
            // The unit or counted noun belongs to the amount in conflict
            // ("four years" / "27 years"): it tells nothing on its own.
            for &k in &c.toks {
                if k == c.toks[0] || status[k] == Status::Matched {
                    status[k] = Status::Substituted;
                }
            }
            conflicts.push(Conflict {
                kind: if c.kind == Kind::Year {
                    ConflictKind::Date
                } else {
                    ConflictKind::Number
                },
                claim: c.text.clone(),
                reference: r.text.clone(),
            });
        }
    }
}

/// True when the name at `i` opens a person-like run of two or more
/// capitalised words whose last word (the surname) the reference has:
/// "Alberto Bueno" is the reference's "Bueno".
fn given_name_of_found(a: &Analysed, runs: &[std::ops::Range<usize>], status: &[Status], i: usize) -> bool {
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
fn describes_next(a: &Analysed, i: usize) -> bool {
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

/// Runs of name tokens (consecutive, or joined by "of", "and", "for" or "the").
fn name_runs(a: &Analysed) -> Vec<std::ops::Range<usize>> {
    let toks = &a.toks;
    // A month or a weekday is part of a date (compared as one), not a name.
    let named =
        |t: &Token| t.shape == Shape::Name && !lexicon::is_month(&t.norm) && !lexicon::is_weekday(&t.norm);
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
fn stop_like(t: &Token) -> bool {
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
/// preposition just before it ("named after [the] X" gives ("name", "after")).
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
        let same_kind = |r: &std::ops::Range<usize>| {
            let theirs = names_of(reference, r);
            !listed(claim, run)
                && !listed(reference, r)
                && own.len() > 1
                && theirs.len() > 1
                && own.last() == theirs.last()
                // "Duke of York" is a duke, "New York" a city: the head of
                // a name with "of" comes before it.
                && name_head(claim, run) == name_head(reference, r)
                // A shared surname with a title on either side is one
                // person: "William Ruto" and "Mr Ruto".
                && !titled(claim, run)
                && !titled(reference, r)
        };
        // A name some of whose words are found differs only by the others:
        // it needs a name of the same kind; a wholly unknown one, the same role.
        let whole = run
            .clone()
            .all(|k| claim.toks[k].shape != Shape::Name || status[k] == Status::Missing);
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
        let swap = |r: &std::ops::Range<usize>| unique(r) || made_up_subject(r);
        let same_role = ref_left.iter().find(|r| {
            (whole && foreign(r) && role.is_some() && role_word(reference, r) == role)
                || same_kind(r)
                || swap(r)
        });
        if let Some(r) = same_role {
            let (c, rp) = (run_text(claim, run), run_text(reference, r));
            let derived = claim.toks[run.clone()].iter().any(|t| {
                reference.toks[r.clone()]
                    .iter()
                    .any(|x| derived_name(&t.norm, &x.norm))
            });
            if !derived && c != rp {
                return Some((run.clone(), rp, swap(r)));
            }
        }
    }
    None
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
    let scope: Vec<usize> = scope_of(&a.toks, cues[0])
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

/// Two spellings of one name: equal, or one the plural of the other.
fn same_name_form(a: &str, b: &str) -> bool {
    a == b || a.strip_suffix('s') == Some(b) || b.strip_suffix('s') == Some(a)
}

/// Byte ranges of parenthesised (or bracketed) parts of a text.
fn parenthesised(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut open = None;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' if open.is_none() => open = Some(i),
            ')' | ']' => {
                if let Some(o) = open.take() {
                    out.push(o..i);
                }
            }
            _ => {}
        }
    }
    out
}

/// The word a token spans in its text.
fn word(text: &str, t: &Token) -> String {
    text.get(t.span.clone())
        .map_or_else(|| t.norm.clone(), str::to_string)
}

/// The whole name a name token belongs to, as written: "New" of "born in New
/// Orleans" is "New Orleans".
fn name_phrase(text: &Analysed, t: &Token) -> String {
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

/// How much a claim word matters: its rarity in the table; a common English
/// word that no reference uses is mostly filler ("brought", "pivotal") and
/// weighs little, while a rare one ("APTIA", "heist") stays heavy.
fn weight(index: &Index, t: &Token, name: bool) -> f64 {
    let unseen_common = index.doc_freq(&t.stem) == 0 && lexicon::is_common_word(&t.norm);
    if name || t.shape == Shape::Number {
        1.5
    } else if unseen_common {
        0.3
    } else {
        1.0
    }
}

/// The value of a number, in digits or spelled out ("zero", "three").
fn quantity(t: &Token) -> Option<f64> {
    match t.shape {
        Shape::Number => text::number_value(&t.norm),
        Shape::Word => text::spelled_number(&t.norm).or_else(|| text::decade_start(&t.norm)),
        _ => None,
    }
}

/// Two names are a near miss when spelled alike with the same initial (APTIA / APPI).
fn near_miss(t: &Token, r: &Token) -> bool {
    t.norm.chars().next() == r.norm.chars().next()
        && t.norm.chars().count().abs_diff(r.norm.chars().count()) <= NEAR_NAME_LENGTH_GAP
        && normalized_damerau_levenshtein(&t.norm, &r.norm) >= NEAR_NAME
        && !derived_name(&t.norm, &r.norm)
}

/// One name derived from the other by a people/language ending: "China" /
/// "Chinese", "Mexico" / "Mexican", "Norway" / "Norwegian", "Israel" / "Israeli".
fn derived_name(a: &str, b: &str) -> bool {
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

/// True when a word of the reference means the claim's word or is a kind of
/// it (WordNet): "movie" for "film", "dog" for "animal".
fn entailed_by_word(claim_word: &str, reference: &Analysed) -> bool {
    if claim_word.chars().count() < 3 || !relations::is_lemma(claim_word) {
        return false;
    }
    reference
        .toks
        .iter()
        .filter(|r| r.is_content() && r.shape == Shape::Word)
        .any(|r| relations::synonyms(claim_word, &r.norm) || relations::broader(claim_word, &r.norm))
}

/// Same word spelled differently: "Kōno"/"Kono" fold alike already; this
/// catches "Hickman"/"Hickam" and small typos in longer words.
fn spelled_alike(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    // Spelling variants share their first letter and about their length.
    if la < 4 || lb < 4 || a.chars().next() != b.chars().next() || la.abs_diff(lb) * 4 > la.max(lb) {
        return false;
    }
    normalized_damerau_levenshtein(a, b) >= SAME_NAME
        || (la.min(lb) >= 5 && strsim::jaro_winkler(a, b) >= 0.93)
}

/// True when a token is written as an acronym ("US", "U.S", "NASA").
fn is_acronym(text: &Analysed, t: &Token) -> bool {
    let original = &text.text[t.span.clone()];
    let letters = original.chars().filter(|c| c.is_alphabetic()).count();
    (2..=8).contains(&letters)
        && original
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
}

/// Positions of a run of capitalised words whose initials spell `acronym`
/// (folded); "of", "the", "and", "for" may sit inside the run.
fn acronym_run(acronym: &str, toks: &[Token]) -> Option<Vec<usize>> {
    let letters: Vec<char> = acronym.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2 {
        return None;
    }
    'start: for s in 0..toks.len() {
        let mut run = Vec::new();
        let mut k = s;
        for &l in &letters {
            while k < toks.len()
                && !run.is_empty()
                && matches!(toks[k].norm.as_str(), "of" | "the" | "and" | "for")
            {
                k += 1;
            }
            match toks.get(k) {
                Some(t) if t.norm.starts_with(l) && t.shape != Shape::Number => run.push(k),
                _ => continue 'start,
            }
            k += 1;
        }
        return Some(run);
    }
    None
}

fn acronym_in(acronym: &str, text: &Analysed) -> bool {
    acronym_run(acronym, &text.toks).is_some_and(|run| {
        run.iter()
            .all(|&k| text.toks[k].shape == Shape::Name || k == run[0])
    })
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
            if c.shape == Shape::Name {
                let named = reference.toks[rc.start..]
                    .iter()
                    .take(8)
                    .find(|t| t.shape == Shape::Name && !claim_stems.contains(t.stem.as_str()));
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

/// Positions of negation cues.
/// Prepositions that deny what they govern ("climbed without bottled
/// oxygen" / "used open-circuit oxygen"): negation cues for alignment.
const NEGATING_PREPOSITIONS: &[&str] = &["without"];

fn negations(toks: &[Token]) -> Vec<usize> {
    toks.iter()
        .enumerate()
        .filter(|(_, t)| lexicon::is_negation(&t.norm) || NEGATING_PREPOSITIONS.contains(&t.norm.as_str()))
        .map(|(i, _)| i)
        .collect()
}

/// The content words a negation at `k` governs: the next three.
fn scope_of(toks: &[Token], k: usize) -> Vec<usize> {
    toks.iter()
        .enumerate()
        .skip(k + 1)
        .filter(|(_, t)| t.is_content() && !lexicon::is_negation(&t.norm))
        .take(3)
        .map(|(i, _)| i)
        .collect()
}

/// True when a word of the name phrase around position `i` satisfies `found`.
fn phrase_overlaps(toks: &[Token], i: usize, found: &dyn Fn(&Token) -> bool) -> bool {
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

fn phrase_overlaps_tok(toks: &[Token], t: &Token, found: &dyn Fn(&Token) -> bool) -> bool {
    toks.iter()
        .position(|x| x.span == t.span)
        .is_some_and(|i| phrase_overlaps(toks, i, found))
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

/// The subject: content words before the first verb (after a leading
/// prepositional phrase). It is found when one of its names is matched or
/// when most of its weight is.
/// Position of the subject's verb (the end of the subject).
fn subject_end(claim: &Analysed) -> usize {
    let start = subject_start(&claim.text, &claim.toks);
    claim
        .toks
        .iter()
        .enumerate()
        .skip(start)
        .find(|(_, t)| is_verb(t))
        .map_or(claim.toks.len(), |(i, _)| i)
}

fn subject_found(
    claim: &Analysed,
    status: &[Status],
    index: &Index,
    is_name: &dyn Fn(&Token) -> bool,
) -> bool {
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
    hit >= 0.5 * total
}

/// Where the grammatical subject starts: after a leading phrase that opens
/// with a preposition, a subordinator, an imperative or an -ing word and
/// ends at the first comma or colon ("In 2019, the EU ...", "Take data
/// privacy: Japan's ...").
fn subject_start(text: &str, toks: &[Token]) -> usize {
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
        || crate::claim::is_participle(&first.norm);
    if !opens {
        return 0;
    }
    let Some(cut) = text.find([',', ':']) else {
        return 0;
    };
    toks.iter().position(|t| t.span.start > cut).unwrap_or(0)
}

fn is_verb(t: &Token) -> bool {
    t.shape == Shape::Word
        && (lexicon::is_verb_like(&t.norm)
            || lexicon::is_negation(&t.norm)
            || relations::is_inflected_verb(&t.norm))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_country_and_its_adjective_are_one_name() {
        assert!(derived_name("scotland", "scottish"));
        assert!(derived_name("polish", "poland"));
        assert!(derived_name("norway", "norwegian"));
        assert!(!derived_name("scotland", "sweden"));
        assert!(!derived_name("kenya", "kenyatta"));
    }

    fn alignment(claim: &str, reference: &str) -> Alignment {
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

    fn conflicts(claim: &str, reference: &str) -> Vec<Conflict> {
        alignment(claim, reference).conflicts
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
}
