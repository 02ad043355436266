//! Aligning a claim with a candidate reference, word by word.
//!
//! The index proposes a few candidates; this module tells, for each, which
//! words of the claim the reference covers (exactly, through an alias, or as
//! a spelling variant), whether it is about the same subject, and which
//! details conflict: negation, numbers and dates, names standing in the same
//! role, antonyms and members of one closed class. It decides nothing: that
//! is `verdict`'s job.

use std::collections::HashSet;
use std::fmt;

use serde::Serialize;
use strsim::normalized_damerau_levenshtein;

use crate::index::Index;
use crate::lexicon;
use crate::text::{self, Shape, Token};

/// Similarity at or above which two names are the same name spelled differently.
const SAME_NAME: f64 = 0.85;
/// Similarity at or above which two different names are a near miss.
const NEAR_NAME: f64 = 0.5;

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

    /// The query for the index: content stems, flagged when they are names
    /// or numbers, plus the alias expansion.
    pub fn query(&self) -> Vec<(String, bool)> {
        self.toks
            .iter()
            .filter(|t| t.is_content())
            .map(|t| (t.stem.clone(), t.shape != Shape::Word))
            .chain(self.expansion.iter().map(|s| (s.clone(), true)))
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
    /// A different name in the same role.
    Name,
    /// Words of opposite meaning.
    Antonym,
    /// Two members of one closed class (a month, a nationality, a genre...).
    Category(&'static str),
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
            ConflictKind::Name => write!(
                f,
                "name differs: claim \"{}\", reference \"{}\"",
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
    /// True when the claim's subject is found in the reference.
    pub subject: bool,
    /// Claim words found in the reference, heaviest first.
    pub matched: Vec<String>,
    /// Claim words not found, heaviest first.
    pub missing: Vec<String>,
    /// Conflicting details.
    pub conflicts: Vec<Conflict>,
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
    let reference = Analysed::new(&index.refs()[doc].statement, index);
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

    let mut status = Vec::with_capacity(claim.toks.len());
    for t in &claim.toks {
        let found = !t.is_content()
            || ref_stems.contains(t.stem.as_str())
            || (t.norm.chars().count() >= 4
                && reference.toks.iter().any(|r| {
                    r.is_content()
                        && r.norm.chars().count() >= 4
                        && normalized_damerau_levenshtein(&t.norm, &r.norm) >= SAME_NAME
                }));
        status.push(if found { Status::Matched } else { Status::Missing });
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

    // Negation: parity of negation cues differs.
    let claim_neg: Vec<&Token> = claim
        .toks
        .iter()
        .filter(|t| lexicon::is_negation(&t.norm))
        .collect();
    let ref_neg: Vec<&Token> = reference
        .toks
        .iter()
        .filter(|t| lexicon::is_negation(&t.norm))
        .collect();
    if claim_neg.len() % 2 != ref_neg.len() % 2 {
        let (c, r) = if claim_neg.len() > ref_neg.len() {
            (word(claim_text, claim_neg[0]), String::new())
        } else {
            (String::new(), word(ref_text, ref_neg[0]))
        };
        conflicts.push(Conflict {
            kind: ConflictKind::Negation,
            claim: c,
            reference: r,
        });
    }

    // Numbers and dates.
    let ref_numbers: Vec<(f64, &Token)> = reference
        .toks
        .iter()
        .filter(|t| t.shape == Shape::Number)
        .filter_map(|t| text::number_value(&t.norm).map(|v| (v, t)))
        .collect();
    for (i, t) in claim.toks.iter().enumerate() {
        if t.shape != Shape::Number {
            continue;
        }
        let Some(v) = text::number_value(&t.norm) else {
            continue;
        };
        let bound = bound_before(&claim.toks, i);
        if ref_numbers.iter().any(|(rv, _)| satisfies(*rv, v, bound)) {
            status[i] = Status::Matched;
            continue;
        }
        status[i] = Status::Missing;
        let year = is_year(v);
        let counterpart = ref_numbers
            .iter()
            .find(|(rv, _)| is_year(*rv) == year && !claim_has_number(claim, *rv));
        if let Some((_, r)) = counterpart {
            status[i] = Status::Substituted;
            conflicts.push(Conflict {
                kind: if year {
                    ConflictKind::Date
                } else {
                    ConflictKind::Number
                },
                claim: word(claim_text, t),
                reference: word(ref_text, r),
            });
        }
    }

    // Word-level substitutions: antonyms, closed classes, names in the same role.
    for (i, t) in claim.toks.iter().enumerate() {
        if status[i] != Status::Missing || t.shape == Shape::Number {
            continue;
        }
        for r in &ref_only {
            let kind = if lexicon::are_antonyms(&t.stem, &r.stem) {
                Some(ConflictKind::Antonym)
            } else if let Some(class) = lexicon::shared_class(&t.stem, &r.stem) {
                Some(ConflictKind::Category(class))
            } else if is_name(t) && is_name(r) && near_miss(t, r) {
                status[i] = Status::NearMiss;
                Some(ConflictKind::Name)
            } else if is_name(t) && is_name(r) && same_role(claim, i, &reference, r) {
                Some(ConflictKind::Name)
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
                    reference: word(ref_text, r),
                });
                break;
            }
        }
    }
    conflicts.dedup();

    // Coverage, weighted by how informative each word is.
    let mut total = 0.0;
    let mut covered = 0.0;
    let mut substituted = 0.0;
    let mut weighed: Vec<(f64, usize)> = Vec::new();
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

    Alignment {
        doc,
        retrieval,
        coverage: if total > 0.0 { covered / total } else { 0.0 },
        aligned: if total > 0.0 {
            (covered + substituted) / total
        } else {
            0.0
        },
        subject: subject_found(claim, &status, index, &is_name),
        matched: words(Status::Matched),
        missing: words(Status::Missing),
        conflicts,
    }
}

/// Byte ranges of parenthesised parts of a text.
fn parenthesised(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut open = None;
    for (i, c) in text.char_indices() {
        match c {
            '(' if open.is_none() => open = Some(i),
            ')' => {
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

fn weight(index: &Index, t: &Token, name: bool) -> f64 {
    let idf = index.idf(&t.stem).clamp(0.5, 8.0);
    if name || t.shape == Shape::Number {
        idf * 1.5
    } else {
        idf
    }
}

fn is_year(v: f64) -> bool {
    v.fract() == 0.0 && (1000.0..=2100.0).contains(&v)
}

fn claim_has_number(claim: &Analysed, v: f64) -> bool {
    claim
        .toks
        .iter()
        .any(|t| t.shape == Shape::Number && text::number_value(&t.norm) == Some(v))
}

/// A bound a claim puts on a number ("over 100", "at least 5", "about 40").
#[derive(Debug, Clone, Copy, PartialEq)]
enum Bound {
    Exact,
    Above,
    Below,
    About,
}

fn bound_before(toks: &[Token], i: usize) -> Bound {
    let prev = |k: usize| i.checked_sub(k).map(|j| toks[j].norm.as_str());
    match (prev(2), prev(1)) {
        (_, Some("over" | "above" | "exceeding"))
        | (Some("more" | "greater"), Some("than"))
        | (Some("at"), Some("least")) => Bound::Above,
        (_, Some("under" | "below"))
        | (Some("less" | "fewer"), Some("than"))
        | (Some("at"), Some("most")) => Bound::Below,
        (_, Some("about" | "around" | "approximately" | "nearly" | "almost" | "roughly" | "some")) => {
            Bound::About
        }
        _ => Bound::Exact,
    }
}

fn satisfies(reference: f64, claim: f64, bound: Bound) -> bool {
    match bound {
        Bound::Exact => reference == claim,
        Bound::Above => reference >= claim,
        Bound::Below => reference <= claim,
        Bound::About => (reference - claim).abs() <= claim.abs() * 0.1,
    }
}

/// Two names are a near miss when spelled alike with the same initial (APTIA / APPI).
fn near_miss(t: &Token, r: &Token) -> bool {
    t.norm.chars().next() == r.norm.chars().next()
        && normalized_damerau_levenshtein(&t.norm, &r.norm) >= NEAR_NAME
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
fn subject_found(
    claim: &Analysed,
    status: &[Status],
    index: &Index,
    is_name: &dyn Fn(&Token) -> bool,
) -> bool {
    let toks = &claim.toks;
    let mut start = 0;
    const PREPOSITIONS: &[&str] = &[
        "after", "at", "before", "by", "during", "for", "from", "in", "on", "since", "through", "under",
        "with",
    ];
    if toks
        .first()
        .is_some_and(|t| PREPOSITIONS.contains(&t.norm.as_str()))
    {
        // Skip to the first word after the first comma-delimited phrase: approximate
        // by skipping the preposition and the words up to the next name.
        start = toks
            .iter()
            .skip(1)
            .position(|t| t.shape == Shape::Word && !t.is_content())
            .map_or(1, |p| p + 1);
    }
    let end = toks
        .iter()
        .enumerate()
        .skip(start)
        .find(|(_, t)| is_verb(t))
        .map_or(toks.len(), |(i, _)| i);
    let subject: Vec<usize> = (start..end).filter(|&i| toks[i].is_content()).collect();
    if subject.is_empty() {
        return true;
    }
    // With names, the names decide; a near-miss name stands for the known one.
    let names: Vec<usize> = subject.iter().copied().filter(|&i| is_name(&toks[i])).collect();
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

fn is_verb(t: &Token) -> bool {
    t.shape == Shape::Word && (lexicon::is_verb_like(&t.norm) || lexicon::is_negation(&t.norm))
}
