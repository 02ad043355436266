//! Comparing two articles: which claims of one line up with claims of the
//! other, and whether each such pair agrees, disagrees or only shares a
//! topic.
//!
//! The matching engine already knows how to line a claim up with a trusted
//! statement; here the "statements" are the other article's claims. Each
//! claim of A is aligned with its best candidates among B's claims and each
//! claim of B with its best candidates among A's, and every pair is judged
//! from both directions:
//!
//! * **conflicting**: the two claims are assigned to each other, cover each
//!   other enough, and a detail clashes read both ways (negation or denial,
//!   date or weekday, number after units and hedges, a name in the same slot
//!   typed place, country or person, a name subject, antonyms or ordinals in
//!   one slot);
//! * **consistent**: the same fact in other words (most of each claim said
//!   about one subject, or a fair share with a date or quantity alike;
//!   rounding, unit conversion and date formats allowed), without a clash;
//! * **related**: they share a topic but say different things — including
//!   two different events ("the second council met in Brussels in 2024" and
//!   "the third council met in Tokyo in 2025" clash on every detail, but the
//!   ordinal in the subject says they are about two councils).
//!
//! Words count by how rare they are in their own article, and words both
//! articles keep repeating ("the EU and Japan") never make a shared topic,
//! so that what the two are about as a whole does not make every pair look
//! alike. Pairs are assigned one to one (a claim is consistent or
//! conflicting with one claim of the other article at most), a claim keeping
//! up to [`Options::per_claim`] links in all. Details are read both ways
//! (`facts`): neither article is the reference. Nothing here reads files except [`compare_paths`], and
//! nothing prints; whether the claims are *true* is `verdict`'s question,
//! answered separately by [`Comparison::judge`].
//!
//! # Example
//!
//! ```
//! use factcheck::input::claim::Claim;
//! use factcheck::compare::{compare, Options, Relation};
//!
//! let claim = |id: &str, text: &str| Claim {
//!     id: id.into(),
//!     article: String::new(),
//!     line: 1,
//!     column: 1,
//!     text: text.into(),
//!     score: 1.0,
//!     ..Claim::default()
//! };
//! let a = [claim("a1", "The Ostrava rail bridge opened to traffic in 2019.")];
//! let b = [
//!     claim("b1", "The Ostrava rail bridge opened to traffic in 2021."),
//!     claim("b2", "Rainfall in the region doubled last spring."),
//! ];
//! let c = compare(&a, &b, &Options::default());
//! assert_eq!(c.pairs.len(), 1);
//! assert_eq!(c.pairs[0].relation, Relation::Conflicting);
//! assert_eq!(c.pairs[0].reason, "date differs: A \"2019\", B \"2021\"");
//! assert_eq!(c.only_b[0].id, "b2");
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

use serde::Serialize;

use crate::claim::Claim;
use crate::error::Result;
use crate::ignore::Ignores;
use crate::inputs::Input;

mod facts;
use crate::index::{all_stems, Index};
use crate::lexicon;
use crate::matching::{align, Alignment, Analysed, Conflict, ConflictKind};
use crate::reference::{defined_acronyms, Reference};
use crate::text::{Shape, Token};
use crate::verdict::{judge, round, Settings, Verdict};
use crate::wordnet;
use facts::Facts;

/// Default check-worthiness threshold when comparing articles: every
/// sentence. What two articles have in common is often said in sentences
/// not worth checking against a table ("5G/6G networks as the nervous system
/// of smart cities"), which are still worth comparing; the lists of claims
/// found in one article only keep to those worth checking
/// ([`Options::min_listed`]).
pub const DEFAULT_MIN_SCORE: f64 = 0.0;
/// Default least score of a pair that only shares a topic.
pub const DEFAULT_MIN_RELATED: f64 = 0.1;
/// Default least share of each claim the other must cover for the two to be
/// consistent.
pub const DEFAULT_MIN_CONSISTENT: f64 = 0.6;
/// Default number of claims of the other article a claim may pair with: its
/// one assigned counterpart and at most one more, `related`, link.
pub const DEFAULT_PER_CLAIM: usize = 2;
/// Candidates retrieved per claim and direction.
const CANDIDATES: usize = 10;
/// Candidates per measured quantity (a number with a unit) found by value.
const MEASURE_CANDIDATES: usize = 2;
/// Candidates retrieved by the subject's words alone.
const SUBJECT_CANDIDATES: usize = 2;
/// Share of a claim the other must cover (counting clashing words) before a
/// clash counts: below it, the two claims are not about the same thing.
const MIN_MATCH: f64 = 0.4;
/// Share of a claim the other must match outright (clashing words not
/// counted) before a weak clash (a name in the same role, a closed class, a
/// detail in the same slot) counts. Not the value `verdict` uses for a
/// reference covering a claim (`WEAK_CONFLICT_COVERAGE`, 0.4): compare's own
/// setting, and not interchangeable; at 0.4 one clash of the article-pairs
/// bench changes kind (a place read as a name).
const WEAK_CONFLICT_SHARE: f64 = 0.5;
/// A claim's second pair must score at least this share of its first.
const SECOND_PAIR_SHARE: f64 = 0.6;
/// A word found in at least this share of the claims of both articles is
/// background: what the two articles are about as a whole.
const BACKGROUND_SHARE: f64 = 0.2;
/// ... and in at least this many claims of each.
const BACKGROUND_LEAST: f64 = 3.0;
/// Link added per date or quantity both claims state alike (after unit
/// conversion): two sentences giving the same figure are likely one fact.
const LINK_PER_QUANTITY: f64 = 0.25;
/// Share of each claim the other must cover (clashing words counted) for
/// the two to be about one thing whatever their subjects.
const MIN_MATCH_ANY_SUBJECT: f64 = 0.5;
/// ... when they also state one date or quantity alike.
const MIN_MATCH_AGREEING: f64 = 0.2;
/// Share of each claim the other must cover (clashing words counted) for
/// the clashes of two claims assigned to each other to count.
const MIN_MATCH_ASSIGNED: f64 = 0.15;
/// Share of each claim the other must cover for two claims about one
/// thing (see `MIN_MATCH_ANY_SUBJECT`) to be consistent.
const MIN_CONSISTENT_ONE_THING: f64 = 0.2;
/// ... and when, besides, their subjects are one.
const MIN_CONSISTENT_SAME_SUBJECT: f64 = 0.3;
/// Words a consistent pair's reason names.
const AGREEMENT_WORDS: usize = 4;

/// Thresholds of a comparison.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// Least score of a `related` pair.
    pub min_related: f64,
    /// Least share of each claim the other must cover to be `consistent`.
    pub min_consistent: f64,
    /// Most claims of the other article one claim pairs with. Only the first
    /// (its one-to-one counterpart) may be consistent or conflicting; the
    /// others are `related` links.
    pub per_claim: usize,
    /// Least check-worthiness of a claim listed in `only_a` or `only_b`.
    /// Every sentence may pair with a sentence of the other article, but a
    /// question or a fragment ("People.") that pairs with nothing is not
    /// worth listing as something one article says and the other does not.
    pub min_listed: f64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            min_related: DEFAULT_MIN_RELATED,
            min_consistent: DEFAULT_MIN_CONSISTENT,
            per_claim: DEFAULT_PER_CLAIM,
            min_listed: crate::extract::DEFAULT_MIN_SCORE,
        }
    }
}

/// How the two claims of a pair relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    /// They say the same thing.
    Consistent,
    /// They disagree on a detail about the same subject.
    Conflicting,
    /// They share a topic but say different things.
    Related,
}

impl Relation {
    /// Lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Consistent => "consistent",
            Relation::Conflicting => "conflicting",
            Relation::Related => "related",
        }
    }
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One claim of one article, as a comparison shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimRef {
    /// Claim id.
    pub id: String,
    /// Claim text.
    pub text: String,
    /// 1-based line in its article, 0 when unknown.
    pub line: usize,
    /// Its own verdict against reference tables, once [`Comparison::judge`]
    /// ran; independent of how it relates to the other article.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Verdict>,
    /// Id of the reference that decided the verdict, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

impl From<&Claim> for ClaimRef {
    fn from(c: &Claim) -> Self {
        ClaimRef {
            id: c.id.clone(),
            text: c.text.clone(),
            line: c.line,
            verdict: None,
            reference: None,
        }
    }
}

/// A claim of A and a claim of B that line up.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair {
    /// The claim of A.
    pub a: ClaimRef,
    /// The claim of B.
    pub b: ClaimRef,
    /// How they relate.
    pub relation: Relation,
    /// How much they share, in [0, 1] (3 decimals).
    pub score: f64,
    /// One line an editor can check.
    pub reason: String,
    /// For a conflicting pair judged against reference tables: which side
    /// the references back ("A agrees with ref R10; B contradicts it", or
    /// "neither is backed").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backing: Option<String>,
}

/// The result of comparing two articles.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// Pairs, by A's claim order, then B's.
    pub pairs: Vec<Pair>,
    /// Claims of A in no pair, in order (those worth checking: see
    /// [`Options::min_listed`]).
    pub only_a: Vec<ClaimRef>,
    /// Claims of B in no pair, in order (likewise).
    pub only_b: Vec<ClaimRef>,
}

impl Comparison {
    /// True when some pair is conflicting.
    pub fn has_conflict(&self) -> bool {
        self.pairs.iter().any(|p| p.relation == Relation::Conflicting)
    }

    /// Number of pairs with a relation.
    pub fn count(&self, relation: Relation) -> usize {
        self.pairs.iter().filter(|p| p.relation == relation).count()
    }

    /// Gives every claim its own verdict against a reference table, and
    /// each conflicting pair the side the references back
    /// ([`Pair::backing`]). The relation of a pair is left as it is: two
    /// articles may agree with each other and both be wrong.
    pub fn judge(&mut self, index: &Index, settings: &Settings) {
        let mut cache: BTreeMap<String, (Verdict, Option<String>)> = BTreeMap::new();
        let mut verdict_of = |c: &mut ClaimRef| {
            let (v, r) = cache
                .entry(c.text.clone())
                .or_insert_with(|| {
                    let j = judge(&c.text, index, settings);
                    (j.verdict, j.reference.map(|k| index.refs()[k].id.clone()))
                })
                .clone();
            (c.verdict, c.reference) = (Some(v), r);
        };
        for p in &mut self.pairs {
            verdict_of(&mut p.a);
            verdict_of(&mut p.b);
            if p.relation == Relation::Conflicting {
                p.backing = Some(backing(&p.a, &p.b));
            }
        }
        self.only_a.iter_mut().for_each(&mut verdict_of);
        self.only_b.iter_mut().for_each(&mut verdict_of);
    }
}

/// Which side of a conflicting pair the references back, from each side's
/// own verdict: "A agrees with ref R10; B contradicts it", "B agrees with
/// ref R3; A is not backed", or "neither is backed".
fn backing(a: &ClaimRef, b: &ClaimRef) -> String {
    let says = |name: &str, c: &ClaimRef, backed: Option<&str>| -> String {
        match (c.verdict, c.reference.as_deref()) {
            (Some(Verdict::Contradicted), Some(r)) if Some(r) == backed => format!("{name} contradicts it"),
            (Some(Verdict::Contradicted), Some(r)) => format!("{name} contradicts ref {r}"),
            (Some(Verdict::Supported), Some(r)) => format!("{name} agrees with ref {r} too"),
            _ => format!("{name} is not backed"),
        }
    };
    let supported = |c: &ClaimRef| match (c.verdict, c.reference.as_deref()) {
        (Some(Verdict::Supported), Some(r)) => Some(r.to_string()),
        _ => None,
    };
    match (supported(a), supported(b)) {
        (Some(r), _) => format!("A agrees with ref {r}; {}", says("B", b, Some(&r))),
        (None, Some(r)) => format!("B agrees with ref {r}; {}", says("A", a, Some(&r))),
        (None, None) => {
            let contradicted = |c: &ClaimRef| c.verdict == Some(Verdict::Contradicted);
            match (contradicted(a), contradicted(b)) {
                (true, true) => "neither is backed: the references contradict both".to_string(),
                (true, false) => format!("neither is backed; {}", says("A", a, None)),
                (false, true) => format!("neither is backed; {}", says("B", b, None)),
                (false, false) => "neither is backed".to_string(),
            }
        }
    }
}

impl Comparison {
    /// The reason of a pair with the side the references back, if known.
    pub fn reason_with_backing(pair: &Pair) -> String {
        match &pair.backing {
            Some(b) => format!("{} ({b})", pair.reason),
            None => pair.reason.clone(),
        }
    }
}

/// The whole `compare` run: the claims of two files (articles or claims
/// CSVs) loaded as [`compare_paths`] loads them (`ignore` left out) and
/// compared with the default [`Options`]; with reference tables, each
/// claim is also judged against them with the profile's calibrated settings.
pub fn run(
    a: &Path,
    b: &Path,
    min_score: f64,
    ignore: &crate::config::IgnoreList,
    tables: &[std::path::PathBuf],
    profile: crate::verdict::Profile,
) -> Result<Comparison> {
    let ignores = Ignores::new(ignore);
    let mut comparison = compare_paths(a, b, min_score, &ignores, &Options::default())?;
    if !tables.is_empty() {
        let index = crate::check::load_index(tables)?;
        comparison.judge(&index, &Settings::profile(profile, true)?);
    }
    Ok(comparison)
}

/// Loads the claims of two files (articles or claims CSVs) as
/// [`compare_inputs`] does, each named by its path as given.
pub fn compare_paths(
    a: &Path,
    b: &Path,
    min_score: f64,
    ignores: &Ignores,
    options: &Options,
) -> Result<Comparison> {
    compare_inputs(&Input::file(a), &Input::file(b), min_score, ignores, options)
}

/// Loads the claims of two inputs with the loader `check` uses
/// ([`Input::load_claims`]: inline `factcheck: ignore` markers honoured),
/// drops those the config's `[ignore]` list names, and compares the rest.
/// An ignored claim is in no pair and in neither `only` list.
pub fn compare_inputs(
    a: &Input,
    b: &Input,
    min_score: f64,
    ignores: &Ignores,
    options: &Options,
) -> Result<Comparison> {
    let load = |input: &Input| -> Result<Vec<Claim>> {
        let mut claims = input.load_claims(min_score)?;
        claims.retain(|c| !ignores.matches(c));
        Ok(claims)
    };
    Ok(compare(&load(a)?, &load(b)?, options))
}

/// One article's claims, indexed as if they were reference statements.
struct Side<'c> {
    claims: &'c [Claim],
    index: Index,
}

impl<'c> Side<'c> {
    /// Indexes claims; `groups` are the acronym definitions of both
    /// articles, so that "AI" in one finds "artificial intelligence" in the
    /// other.
    fn new(claims: &'c [Claim], groups: &[Vec<String>]) -> Side<'c> {
        let refs = claims
            .iter()
            .map(|c| {
                // Bounded as in `check` (a paragraph without punctuation is one claim).
                let text = crate::check::matching_text(&c.text).0;
                let stems = all_stems(text);
                Reference {
                    id: c.id.clone(),
                    statement: text.to_string(),
                    source: String::new(),
                    rating: true,
                    aliases: groups
                        .iter()
                        .filter(|g| g.iter().any(|name| contains_run(&stems, &all_stems(name))))
                        .cloned()
                        .collect(),
                    origin: (c.article.clone().into(), c.line as u64),
                }
            })
            .collect();
        Side {
            claims,
            index: Index::build(refs),
        }
    }
}

fn contains_run(haystack: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// What both articles are about as a whole.
struct Background {
    /// Stems found in a large share of the claims of *both* articles ("EU",
    /// "Japan" in two articles on EU-Japan ties): they never make a topic.
    common: BTreeSet<String>,
}

impl Background {
    fn new(a: &Side, b: &Side) -> Background {
        let frequent = |side: &Side, stem: &str| {
            let least = (BACKGROUND_SHARE * side.claims.len() as f64)
                .ceil()
                .max(BACKGROUND_LEAST);
            side.index.doc_freq(stem) as f64 >= least
        };
        let common = a
            .index
            .refs()
            .iter()
            .flat_map(|r| all_stems(&r.statement))
            .chain((0..a.claims.len()).flat_map(|k| a.index.expansion(k).to_vec()))
            .filter(|s| frequent(a, s) && frequent(b, s))
            .collect();
        Background { common }
    }

    /// True for a word that can be part of a topic: not background, not a
    /// function word (title case makes "Are" look like a name) and not a
    /// number word.
    fn counts(&self, t: &Token) -> bool {
        !self.common.contains(&t.stem) && !lexicon::is_stop_word(&t.norm) && !lexicon::is_count_word(&t.norm)
    }

    /// True for a word that makes a topic on its own: one that counts and
    /// is a number or a word outside everyday English ("quantum", "HPC").
    fn is_topical(&self, t: &Token) -> bool {
        use wordnet::Pos;
        let everyday = lexicon::is_common_word;
        self.counts(t)
            && (t.shape == Shape::Number
                || !(everyday(&t.norm)
                    || [Pos::Noun, Pos::Verb, Pos::Adj]
                        .iter()
                        .any(|&pos| wordnet::base_forms(&t.norm, pos).iter().any(|b| everyday(b)))))
    }
}

/// A claim aligned with a claim of the other article. Its words weigh as
/// `align` weighs them (names and numbers more), times their rarity in the
/// claim's own article: the words an article keeps repeating say what it is
/// about as a whole, not what this claim says. (Rarity across both articles
/// would instead punish every word the two share.)
struct Directed {
    alignment: Alignment,
    /// Weight of each word of the claim (0 for stop words).
    weight: Vec<f64>,
    /// Share of the claim the other covers.
    share: f64,
    /// Like `share`, counting clashing words as covered.
    aligned: f64,
}

impl Directed {
    fn new(claim: &Analysed, own: &Index, other: &Index, doc: usize) -> Directed {
        let alignment = align(claim, other, doc, 0.0);
        let clashing: BTreeSet<&str> = alignment.conflicts.iter().map(|c| c.claim.as_str()).collect();
        let weight: Vec<f64> = claim
            .toks
            .iter()
            .zip(&alignment.weights)
            .map(|(t, w)| w * own.idf(&t.stem))
            .collect();
        let (mut total, mut found, mut aligned) = (0.0, 0.0, 0.0);
        for (k, t) in claim.toks.iter().enumerate() {
            let w = weight[k];
            total += w;
            if alignment.found[k] {
                found += w;
                aligned += w;
            } else if clashing.contains(&claim.text[t.span.clone()]) {
                aligned += w;
            }
        }
        let share = |x: f64| if total > 0.0 { x / total } else { 0.0 };
        Directed {
            share: share(found),
            aligned: share(aligned),
            alignment,
            weight,
        }
    }

    /// The clashes that count once the pair is about one thing: strong
    /// kinds always, weak ones only with most of the claim covered.
    fn clashes(&self) -> impl Iterator<Item = &Conflict> {
        self.alignment
            .conflicts
            .iter()
            .filter(|c| c.kind.is_strong() || self.share >= WEAK_CONFLICT_SHARE)
    }
}

/// A candidate pair judged from both directions.
struct Judged {
    a: usize,
    b: usize,
    /// The relation and reason when the two are assigned to each other.
    relation: Relation,
    reason: String,
    /// The reason of a `related` link, kept when either claim is assigned
    /// elsewhere.
    related: Option<String>,
    score: f64,
    /// How surely the two state one fact: what one-to-one assignment ranks by.
    link: f64,
}

/// Compares the claims of article A with those of article B.
///
/// Every claim is aligned with its best candidates in the other article;
/// each candidate pair gets a relation, a score (the mean of the shares each
/// claim has in the other, words weighted by rarity) and a reason. A claim
/// keeps at most `options.per_claim` pairs: conflicts first, then the best
/// scores, and a second pair only when it scores nearly as well as the
/// first. The result is deterministic.
pub fn compare(a: &[Claim], b: &[Claim], options: &Options) -> Comparison {
    let groups: Vec<Vec<String>> = a
        .iter()
        .chain(b)
        .flat_map(|c| defined_acronyms(&c.text))
        .map(|(long, short)| vec![long, short])
        .collect();
    let side_a = Side::new(a, &groups);
    let side_b = Side::new(b, &groups);
    let background = Background::new(&side_a, &side_b);
    // Each claim analysed against the other side's index (its alias groups).
    let analysed = |c: &Claim, other: &Index| Analysed::new(crate::check::matching_text(&c.text).0, other);
    let analysed_a: Vec<Analysed> = a.iter().map(|c| analysed(c, &side_b.index)).collect();
    let analysed_b: Vec<Analysed> = b.iter().map(|c| analysed(c, &side_a.index)).collect();

    let mut candidates: BTreeSet<(usize, usize)> = BTreeSet::new();
    for (i, q) in analysed_a.iter().enumerate() {
        candidates.extend(retrieve(q, &side_b.index).into_iter().map(|j| (i, j)));
    }
    for (j, q) in analysed_b.iter().enumerate() {
        candidates.extend(retrieve(q, &side_a.index).into_iter().map(|i| (i, j)));
    }

    let facts_a = article_facts(a, &analysed_a);
    let facts_b = article_facts(b, &analysed_b);
    candidates.extend(facts::measured_pairs(&facts_a, &facts_b, MEASURE_CANDIDATES));
    let mut judged: Vec<Judged> = candidates
        .into_iter()
        .filter_map(|(i, j)| {
            let ab = Directed::new(&analysed_a[i], &side_a.index, &side_b.index, j);
            let ba = Directed::new(&analysed_b[j], &side_b.index, &side_a.index, i);
            classify(
                (&analysed_a[i], &ab, &facts_a[i]),
                (&analysed_b[j], &ba, &facts_b[j]),
                &background,
                options,
            )
            .map(|(relation, reason, related, score, link)| Judged {
                a: i,
                b: j,
                relation,
                reason,
                related,
                score,
                link,
            })
        })
        .collect();
    select(&mut judged, options, &sentence_numbers(a), &sentence_numbers(b));
    judged.sort_by_key(|p| (p.a, p.b));

    let paired_a: BTreeSet<usize> = judged.iter().map(|p| p.a).collect();
    let paired_b: BTreeSet<usize> = judged.iter().map(|p| p.b).collect();
    let unpaired = |side: &Side, paired: &BTreeSet<usize>| -> Vec<ClaimRef> {
        side.claims
            .iter()
            .enumerate()
            .filter(|(k, c)| !paired.contains(k) && c.score >= options.min_listed)
            .map(|(_, c)| ClaimRef::from(c))
            .collect()
    };
    Comparison {
        only_a: unpaired(&side_a, &paired_a),
        only_b: unpaired(&side_b, &paired_b),
        pairs: judged
            .into_iter()
            .map(|p| Pair {
                a: ClaimRef::from(&a[p.a]),
                b: ClaimRef::from(&b[p.b]),
                relation: p.relation,
                score: p.score,
                reason: p.reason,
                backing: None,
            })
            .collect(),
    }
}

/// The facts of each claim of one article, a date without a year read in
/// the year the article last named, "that evening" on the day it last named
/// (claims of another article start afresh).
fn article_facts(claims: &[Claim], analysed: &[Analysed]) -> Vec<Facts> {
    let mut context = facts::Context::default();
    let mut article: Option<&str> = None;
    claims
        .iter()
        .zip(analysed)
        .map(|(c, x)| {
            if article != Some(c.article.as_str()) {
                (article, context) = (Some(c.article.as_str()), facts::Context::default());
            }
            let f = Facts::new(x, &context);
            context = context.after(&f);
            f
        })
        .collect()
}

/// Positions of the other side's claims worth aligning with a claim.
fn retrieve(claim: &Analysed, other: &Index) -> Vec<usize> {
    let mut docs: Vec<usize> = other
        .search(&claim.query(), CANDIDATES)
        .into_iter()
        .map(|h| h.doc)
        .collect();
    for h in other.search(&claim.subject_query(), SUBJECT_CANDIDATES) {
        if !docs.contains(&h.doc) {
            docs.push(h.doc);
        }
    }
    docs
}

/// The relation, score, link and reason of a pair, or `None` when the two
/// claims share no topic worth showing.
fn classify(
    (a, ab, fa): (&Analysed, &Directed, &Facts),
    (b, ba, fb): (&Analysed, &Directed, &Facts),
    background: &Background,
    options: &Options,
) -> Option<(Relation, String, Option<String>, f64, f64)> {
    let score = round((ab.share + ba.share) / 2.0);
    let agreeing = fa.agreeing_quantities(fb).min(fb.agreeing_quantities(fa));
    let link = (ab.aligned + ba.aligned) / 2.0 + LINK_PER_QUANTITY * agreeing as f64;
    // One thing, said twice: a claim's subject is found in the other, and
    // when a direction sees another subject, no two words of one closed
    // class tell the subjects apart ("second" / "third" council: two events,
    // whose differing details are no contradiction).
    let clash = if ab.alignment.subject && ba.alignment.subject {
        None
    } else {
        subject_clash((a, ab), (b, ba))
    };
    let same_subject = (ab.alignment.subject || ba.alignment.subject) && clash.is_none();
    // Each claim must line up with the other, clashing words included:
    // with names deciding the subject, "the first phase of the Västerhamn
    // network opened in 2011" finds the subject of "Västerhamn's tram
    // extension opened in 2024", yet says little of what the latter says.
    // A pair that agrees on a date or a quantity, or whose words cover
    // each other well, is about one thing even when the subjects are worded
    // apart ("Apple's chief executive" / "Steve Jobs").
    let overlap = ab.aligned.min(ba.aligned);
    let about_one_thing = clash.is_none()
        && ((same_subject && overlap >= MIN_MATCH)
            || overlap >= MIN_MATCH_ANY_SUBJECT
            || (agreeing > 0 && overlap >= MIN_MATCH_AGREEING));
    let related = (score >= options.min_related)
        .then(|| shared_topic(a, ab, b, &b.expansion, background))
        .flatten()
        .map(|topic| {
            let mut reason = format!("related topic: \"{topic}\"");
            if let Some((x, y)) = &clash {
                reason.push_str(&format!("; another subject: A \"{x}\", B \"{y}\""));
            }
            reason
        });
    // Conflicts count only between claims assigned to each other (see
    // `select`); those about one thing show every clash, others that share
    // enough only the clashes read both ways (a name merely spelled like
    // another is no evidence on its own).
    let reasons = if clash.is_none() && overlap >= MIN_MATCH_ASSIGNED {
        clashes((a, ab, fa), (b, ba, fb))
    } else {
        Vec::new()
    };
    let shown: Vec<String> = reasons
        .into_iter()
        .filter(|(_, firm)| about_one_thing || *firm)
        .map(|(r, _)| r)
        .collect();
    // Consistent: most of each claim said by the other about one subject;
    // or, about one thing, a fair share said when the subjects or a date or
    // quantity also agree.
    let consistent = (same_subject && ab.share.min(ba.share) >= options.min_consistent)
        || (about_one_thing && same_subject && ab.share.min(ba.share) >= MIN_CONSISTENT_SAME_SUBJECT)
        || (about_one_thing && agreeing > 0 && ab.share.min(ba.share) >= MIN_CONSISTENT_ONE_THING);
    // A question states no fact: it can share a topic, never agree or clash.
    let question = |x: &Analysed| x.text.trim_end().ends_with('?');
    let asserts = !question(a) && !question(b);
    let (relation, reason) = if asserts && !shown.is_empty() {
        (Relation::Conflicting, shown.join("; "))
    } else if asserts && consistent {
        (Relation::Consistent, agreement(a, ab))
    } else {
        (Relation::Related, related.clone()?)
    };
    Some((relation, reason, related, score, link))
}

/// Every clash between two claims about one thing, worded with A first.
/// The engine's one-way conflicts are kept where they stand both ways:
/// a number only when it has no compatible value on the other side
/// (units, hedges and bounds read), a word of opposite meaning or in a slot
/// only when both words stand in one slot, a negation unless it is "not
/// ... until". Dates are compared symmetrically here, and so are names in
/// one slot and a thing one side denies.
fn clashes(
    (a, ab, fa): (&Analysed, &Directed, &Facts),
    (b, ba, fb): (&Analysed, &Directed, &Facts),
) -> Vec<(String, bool)> {
    let mut reasons: Vec<(String, bool)> = Vec::new();
    let push = |r: (String, bool), reasons: &mut Vec<(String, bool)>| {
        if !reasons.iter().any(|(x, _)| *x == r.0) {
            reasons.push(r);
        }
    };
    let mut negation = false;
    let mut names = false;
    for (c, swapped) in ab
        .clashes()
        .map(|c| (c, false))
        .chain(ba.clashes().map(|c| (c, true)))
    {
        // The claim aligned (`own`) and the one it was aligned with.
        let ((own, own_facts), (other, other_facts)) = if swapped {
            ((b, fb), (a, fa))
        } else {
            ((a, fa), (b, fb))
        };
        let stands = match c.kind {
            ConflictKind::Date => false,
            ConflictKind::Number => {
                !own_facts.number_has_partner(&c.claim, other_facts)
                    && !other_facts.number_has_partner(&c.reference, own_facts)
            }
            ConflictKind::Negation => {
                let (negating, word, plain) = if c.claim.is_empty() {
                    (other, &c.reference, own)
                } else {
                    (own, &c.claim, other)
                };
                facts::real_negation(negating, word) && !facts::negates_by_contrast(plain)
            }
            ConflictKind::Antonym | ConflictKind::Detail | ConflictKind::Role | ConflictKind::Unknown => {
                same_slot((own, &c.claim), (other, &c.reference))
            }
            ConflictKind::Category(class) => {
                class == "ordinal" || same_slot((own, &c.claim), (other, &c.reference))
            }
            ConflictKind::Name => true,
        };
        if stands {
            negation |= c.kind == ConflictKind::Negation;
            names |= matches!(
                c.kind,
                ConflictKind::Name | ConflictKind::Role | ConflictKind::Unknown
            );
            // A name spelled close to another is firm only inside one slot.
            let firm = c.kind != ConflictKind::Name || same_slot((own, &c.claim), (other, &c.reference));
            push((describe(c, swapped), firm), &mut reasons);
        }
    }
    for r in Facts::date_clashes(fa, fb) {
        push((r, true), &mut reasons);
    }
    if !names {
        if let Some(r) = facts::name_clash((a, &ab.alignment.found), (b, &ba.alignment.found)) {
            push((r, true), &mut reasons);
        }
    }
    if !negation {
        if let Some((words, is_b)) = facts::denial(a, b) {
            let side = if is_b { "B" } else { "A" };
            push((format!("negation: {side} says \"{words}\""), true), &mut reasons);
        }
    }
    reasons
}

/// True when two clashing words stand in one slot: the nearest word before
/// or after each (articles skipped) is the same ("Ridership ... rose in" /
/// "fell in"; not "first met" / "the last few metres").
fn same_slot((x, wx): (&Analysed, &str), (y, wy): (&Analysed, &str)) -> bool {
    let position = |c: &Analysed, w: &str| {
        let first = w.split_whitespace().next().unwrap_or(w);
        c.toks
            .iter()
            .position(|t| c.text[t.span.clone()].eq_ignore_ascii_case(first))
    };
    let (Some(i), Some(j)) = (position(x, wx), position(y, wy)) else {
        return true;
    };
    let article = |t: &Token| matches!(t.norm.as_str(), "the" | "a" | "an");
    let before = |c: &Analysed, k: usize| {
        c.toks[..k]
            .iter()
            .rev()
            .find(|t| !article(t))
            .map(|t| t.stem.clone())
    };
    let after = |c: &Analysed, k: usize| {
        let span = wx.split_whitespace().count().max(1);
        c.toks
            .iter()
            .skip(k + span)
            .find(|t| !article(t))
            .map(|t| t.stem.clone())
    };
    let same = |p: Option<String>, q: Option<String>| p.is_some() && p == q;
    same(before(x, i), before(y, j)) || same(after(x, i), after(y, j))
}

/// A conflict found aligning one claim with the other, worded with A and B.
/// `swapped` is true when the aligned claim is B's.
fn describe(c: &Conflict, swapped: bool) -> String {
    let (a, b) = if swapped {
        (c.reference.as_str(), c.claim.as_str())
    } else {
        (c.claim.as_str(), c.reference.as_str())
    };
    match c.kind {
        ConflictKind::Negation => {
            if a.is_empty() {
                format!("negation: B says \"{b}\"")
            } else {
                format!("negation: A says \"{a}\"")
            }
        }
        ConflictKind::Date => format!("date differs: A {a}, B {b}"),
        ConflictKind::Number => format!("number differs: A {a}, B {b}"),
        ConflictKind::Name | ConflictKind::Role | ConflictKind::Unknown => {
            format!("name differs: A \"{a}\", B \"{b}\"")
        }
        ConflictKind::Antonym => format!("opposite meaning: A \"{a}\", B \"{b}\""),
        ConflictKind::Detail => format!("detail differs: A \"{a}\", B \"{b}\""),
        ConflictKind::Category(class) => format!("{class} differs: A \"{a}\", B \"{b}\""),
    }
}

/// The reason of a consistent pair: the rarest words both say.
fn agreement(a: &Analysed, ab: &Directed) -> String {
    let mut words: Vec<(f64, usize, String)> = a
        .toks
        .iter()
        .enumerate()
        .filter(|(k, _)| ab.alignment.weights[*k] > 0.0 && ab.alignment.found[*k])
        .map(|(k, t)| (ab.weight[k], k, a.text[t.span.clone()].to_string()))
        .collect();
    words.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    let mut shown: Vec<String> = Vec::new();
    for (_, _, w) in words {
        if shown.len() < AGREEMENT_WORDS && !shown.iter().any(|s| s.eq_ignore_ascii_case(&w)) {
            shown.push(w);
        }
    }
    let list: Vec<String> = shown.iter().map(|w| format!("\"{w}\"")).collect();
    format!("same {}", list.join(", "))
}

/// The topic two claims share, as A words it: the heaviest run of A's
/// words that B also has. A run keeps "of", "and" and background words
/// inside ("Memorandum of Cooperation") but neither starts nor ends with
/// them, and breaks at punctuation, at other stop words and at words B
/// lacks. It is a topic when
/// it holds two words that are not background, or one topical word
/// ("quantum", "HPC").
fn shared_topic(
    a: &Analysed,
    ab: &Directed,
    b: &Analysed,
    b_aliases: &[String],
    background: &Background,
) -> Option<String> {
    // A topic is said in so many words: the same word (or its plural) or a
    // name the two articles define as the same thing ("AI", "artificial
    // intelligence"), not a synonym or a word with the same stem
    // ("advancement", "advanced").
    fn forms(w: &str) -> [Option<&str>; 3] {
        [Some(w), w.strip_suffix('s'), w.strip_suffix("es")]
    }
    let same_word = |x: &str, y: &str| forms(x).iter().flatten().any(|f| forms(y).contains(&Some(*f)));
    let literal =
        |t: &Token| b_aliases.contains(&t.stem) || b.toks.iter().any(|r| same_word(&r.norm, &t.norm));
    #[derive(Clone, Copy)]
    struct Run {
        weight: f64,
        start: usize,
        end: usize,
        words: usize,
        topical: bool,
    }
    let mut best: Option<Run> = None;
    let mut run: Option<Run> = None;
    let mut close = |run: &mut Option<Run>| {
        if let Some(r) = run.take() {
            let is_topic = r.words >= 2 || r.topical;
            if is_topic && best.is_none_or(|b| r.weight > b.weight) {
                best = Some(r);
            }
        }
    };
    for (k, t) in a.toks.iter().enumerate() {
        let breaks = k > 0
            && a.text
                .get(a.toks[k - 1].span.end..t.span.start)
                .is_some_and(|gap| gap.chars().any(|c| ",;:()\"“”—–.!?".contains(c)));
        if breaks {
            close(&mut run);
        }
        let content = ab.alignment.weights[k] > 0.0;
        let shared = content && ab.alignment.found[k] && literal(t);
        // Inside a run, only the short glue of a noun phrase ("of", "and").
        let glue = !content && matches!(t.norm.as_str(), "of" | "and" | "&" | "the");
        if !shared && !glue {
            close(&mut run);
        } else if shared && background.counts(t) {
            let w = ab.weight[k];
            let r = run.get_or_insert(Run {
                weight: 0.0,
                start: k,
                end: k,
                words: 0,
                topical: false,
            });
            r.weight += w;
            r.end = k;
            r.words += 1;
            r.topical |= background.is_topical(t);
        }
        // Glue and background words neither start nor end a run.
    }
    close(&mut run);
    let r = best?;
    Some(a.text[a.toks[r.start].span.start..a.toks[r.end].span.end].to_string())
}

/// Two words of one closed class, each missing from the other claim, that
/// tell the subjects apart ("second" / "third").
fn subject_clash(
    (a, ab): (&Analysed, &Directed),
    (b, ba): (&Analysed, &Directed),
) -> Option<(String, String)> {
    let missing = |x: &Analysed, d: &Directed| -> Vec<(String, String)> {
        x.toks
            .iter()
            .enumerate()
            .filter(|(k, t)| !d.alignment.found[*k] && t.is_content())
            .map(|(_, t)| (t.norm.clone(), x.text[t.span.clone()].to_string()))
            .collect()
    };
    let (from_a, from_b) = (missing(a, ab), missing(b, ba));
    from_a.iter().find_map(|(na, wa)| {
        from_b
            .iter()
            .find(|(nb, _)| lexicon::shared_class(na, nb).is_some())
            .map(|(_, wb)| (wa.clone(), wb.clone()))
    })
}

/// One-to-one assignment: pairs in order of link (the surest first, ties
/// by position), each claim in at most one consistent or conflicting pair,
/// so that a claim pairs with the sentence stating its fact rather than one
/// that merely shares a name. One sentence split into several claims ("NASA
/// built the spacecraft, and the instruments came from Germany") counts as
/// one: a claim may be assigned to several parts of its counterpart's
/// sentence, so that the part that clashes is seen. A claim may also keep
/// `related` links, up to `per_claim` pairs in all, a further one scoring
/// nearly as well as its first. `sentence_a[k]` numbers the sentence of A's
/// claim `k` (likewise for B).
fn select(judged: &mut Vec<Judged>, options: &Options, sentence_a: &[usize], sentence_b: &[usize]) {
    judged.sort_by(|x, y| y.link.total_cmp(&x.link).then((x.a, x.b).cmp(&(y.a, y.b))));
    let mut assigned_a: BTreeMap<usize, usize> = BTreeMap::new();
    let mut assigned_b: BTreeMap<usize, usize> = BTreeMap::new();
    let mut taken_a: BTreeMap<usize, (usize, f64)> = BTreeMap::new();
    let mut taken_b: BTreeMap<usize, (usize, f64)> = BTreeMap::new();
    let fits = |taken: Option<&(usize, f64)>, p: &Judged| match taken {
        None => true,
        Some(&(n, first)) => n < options.per_claim && p.score >= SECOND_PAIR_SHARE * first,
    };
    judged.retain_mut(|p| {
        // Free: neither claim assigned, or one assigned to another part of
        // the other's sentence.
        let free = match (assigned_a.get(&p.a), assigned_b.get(&p.b)) {
            (None, None) => true,
            (Some(&b0), None) => sentence_b[b0] == sentence_b[p.b],
            (None, Some(&a0)) => sentence_a[a0] == sentence_a[p.a],
            (Some(_), Some(_)) => false,
        };
        if free {
            assigned_a.entry(p.a).or_insert(p.b);
            assigned_b.entry(p.b).or_insert(p.a);
        } else {
            let fit = fits(taken_a.get(&p.a), p) && fits(taken_b.get(&p.b), p);
            let Some(reason) = p.related.take().filter(|_| fit) else {
                return false;
            };
            (p.relation, p.reason) = (Relation::Related, reason);
        }
        for (taken, k) in [(&mut taken_a, p.a), (&mut taken_b, p.b)] {
            taken.entry(k).or_insert((0, p.score)).0 += 1;
        }
        true
    });
}

/// Numbers the sentences of an article's claims: claims split from one
/// sentence (same line and sentence text) share a number.
fn sentence_numbers(claims: &[Claim]) -> Vec<usize> {
    let mut out = Vec::with_capacity(claims.len());
    let mut n = 0;
    for (k, c) in claims.iter().enumerate() {
        let same = k > 0 && {
            let p = &claims[k - 1];
            !c.sentence.is_empty() && p.sentence == c.sentence && p.line == c.line && p.article == c.article
        };
        if k > 0 && !same {
            n += 1;
        }
        out.push(n);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::Reference;

    fn claims(prefix: &str, texts: &[&str]) -> Vec<Claim> {
        texts
            .iter()
            .enumerate()
            .map(|(k, t)| Claim {
                id: format!("{prefix}{}", k + 1),
                article: format!("{prefix}.md"),
                line: k + 1,
                column: 1,
                text: t.to_string(),
                score: 1.0,
                ..Claim::default()
            })
            .collect()
    }

    /// Compares one claim with one claim.
    fn one(a: &str, b: &str) -> Comparison {
        compare(&claims("a", &[a]), &claims("b", &[b]), &Options::default())
    }

    /// The relation and reason of the only pair of two one-claim articles.
    fn pair(a: &str, b: &str) -> (Relation, String) {
        let c = one(a, b);
        assert_eq!(c.pairs.len(), 1, "{c:#?}");
        (c.pairs[0].relation, c.pairs[0].reason.clone())
    }

    fn conflict(a: &str, b: &str, reason: &str) {
        let (relation, got) = pair(a, b);
        assert_eq!(relation, Relation::Conflicting, "{got}");
        assert!(got.contains(reason), "expected {reason:?} in {got:?}");
    }

    #[test]
    fn a_different_date_conflicts() {
        conflict(
            "The Harbourline tram extension opened to passengers on 14 March 2023.",
            "The Harbourline tram extension opened to passengers on 14 March 2024.",
            "date differs: A \"14 March 2023\", B \"14 March 2024\"",
        );
    }

    #[test]
    fn a_different_number_conflicts() {
        conflict(
            "The extension added 12 new stops to the network.",
            "The extension added 15 new stops to the network.",
            "number differs: A 12, B 15",
        );
    }

    #[test]
    fn negation_names_the_side_that_negates() {
        conflict(
            "The project was funded by the Nordic Investment Bank.",
            "The project was not funded by the Nordic Investment Bank.",
            "negation: B says \"not\"",
        );
        conflict(
            "The project was never funded by the Nordic Investment Bank.",
            "The project was funded by the Nordic Investment Bank.",
            "negation: A says \"never\"",
        );
    }

    #[test]
    fn a_name_spelled_close_to_another_conflicts() {
        conflict(
            "Japan's data protection law is the APTIA.",
            "Japan's data protection law is the APPI.",
            "name differs: A \"APTIA\", B \"APPI\"",
        );
    }

    #[test]
    fn another_name_in_the_same_role_conflicts() {
        conflict(
            "The opening ceremony was held at Kvarnholmen depot.",
            "The opening ceremony was held at Solberga depot.",
            "name differs: A \"Kvarnholmen\", B \"Solberga\"",
        );
    }

    #[test]
    fn antonyms_conflict() {
        conflict(
            "Ridership on the Harbourline rose in 2022.",
            "Ridership on the Harbourline fell in 2022.",
            "opposite meaning: A \"rose\", B \"fell\"",
        );
    }

    #[test]
    fn two_members_of_a_closed_class_conflict() {
        conflict(
            "The Tampere light rail festival took place in March 2021.",
            "The Tampere light rail festival took place in April 2021.",
            "date differs: A \"March 2021\", B \"April 2021\"",
        );
    }

    #[test]
    fn another_word_in_the_same_slot_conflicts() {
        conflict(
            "Ada Lindqvist, who designed the stations, is a painter.",
            "Ada Lindqvist, who designed the stations, is a sculptor.",
            "differs: A \"painter\", B \"sculptor\"",
        );
    }

    #[test]
    fn two_events_are_related_not_conflicting() {
        let (relation, reason) = pair(
            "The second council met in Brussels in 2024.",
            "The third council met in Tokyo in 2025.",
        );
        assert_eq!(relation, Relation::Related, "{reason}");
        assert!(
            reason.contains("another subject: A \"second\", B \"third\""),
            "{reason}"
        );
    }

    #[test]
    fn a_paraphrase_is_consistent() {
        let (relation, reason) = pair(
            "Mayor Ingrid Sandell cut the ribbon at the ceremony.",
            "At the ceremony, the ribbon was cut by Mayor Ingrid Sandell.",
        );
        assert_eq!(relation, Relation::Consistent, "{reason}");
        assert!(reason.starts_with("same \"Ingrid\", \"Sandell\""), "{reason}");
        let (relation, reason) = pair(
            "The line carries about 40,000 passengers a day.",
            "Around 40,000 passengers ride the line every day.",
        );
        assert_eq!(relation, Relation::Consistent, "{reason}");
    }

    #[test]
    fn a_question_only_shares_a_topic() {
        let (relation, reason) = pair(
            "Did the Harbourline tram extension open to passengers on 14 March 2023?",
            "The Harbourline tram extension opened to passengers on 14 March 2024.",
        );
        assert_eq!(relation, Relation::Related, "{reason}");
    }

    #[test]
    fn a_shared_topic_is_named() {
        let (relation, reason) = pair(
            "Engineers inspected the submarine cables off Hokkaido in May.",
            "Storms damaged two submarine cables near the Faroe Islands.",
        );
        assert_eq!(relation, Relation::Related, "{reason}");
        assert_eq!(reason, "related topic: \"submarine cables\"");
    }

    #[test]
    fn acronyms_defined_in_one_article_match_the_other() {
        let (_, reason) = pair(
            "The institute opened a lab for artificial intelligence (AI) in Lyon.",
            "Funding for AI research doubled in France last year.",
        );
        assert!(reason.contains("artificial intelligence"), "{reason}");
    }

    #[test]
    fn unrelated_claims_are_listed_on_their_side() {
        let c = one(
            "The Harbourline tram extension opened in 2023.",
            "Rainfall in the Faroe Islands doubled last spring.",
        );
        assert!(c.pairs.is_empty(), "{c:#?}");
        assert_eq!(c.only_a[0].id, "a1");
        assert_eq!(c.only_b[0].id, "b1");
    }

    #[test]
    fn claims_not_worth_checking_pair_but_are_not_listed() {
        let mut a = claims(
            "a",
            &["The Harbourline tram extension opened in 2023.", "People."],
        );
        a[1].score = 0.05;
        let b = claims("b", &["Rainfall in the Faroe Islands doubled last spring."]);
        let c = compare(&a, &b, &Options::default());
        assert_eq!(c.only_a.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["a1"]);
        let all = compare(
            &a,
            &b,
            &Options {
                min_listed: 0.0,
                ..Options::default()
            },
        );
        assert_eq!(all.only_a.len(), 2);
    }

    #[test]
    fn one_to_one_a_claim_pairs_with_the_sentence_of_its_fact() {
        let a = claims(
            "a",
            &["The Harbourline tram extension opened to passengers on 14 March 2023."],
        );
        let b = claims(
            "b",
            &[
                "Rainfall in the Faroe Islands doubled last spring.",
                "The Harbourline tram extension opened to passengers on 14 March 2024.",
                "The Harbourline tram extension opened to passengers on 14 March 2023.",
                "The Harbourline tram extension opened to passengers in 2023.",
            ],
        );
        let c = compare(&a, &b, &Options::default());
        // The same fact wins; the near-copy with another date does not
        // conflict with a claim already paired with its own sentence.
        let assigned: Vec<&Pair> = c
            .pairs
            .iter()
            .filter(|p| p.relation != Relation::Related)
            .collect();
        assert_eq!(assigned.len(), 1, "{c:#?}");
        assert_eq!(
            (assigned[0].b.id.as_str(), assigned[0].relation),
            ("b3", Relation::Consistent)
        );
        assert!(!c.has_conflict(), "{c:#?}");
        assert!(c.pairs.len() <= 2, "at most per_claim links: {c:#?}");
        let ids: Vec<&str> = c.pairs.iter().map(|p| p.b.id.as_str()).collect();
        assert!(ids.windows(2).all(|w| w[0] < w[1]), "{ids:?}");
        assert_eq!(c, compare(&a, &b, &Options::default()), "deterministic");
        // Without its own sentence, the claim pairs with the near-copy and conflicts.
        let b2 = claims(
            "b",
            &["The Harbourline tram extension opened to passengers on 14 March 2024."],
        );
        assert!(compare(&a, &b2, &Options::default()).has_conflict());
        let one = compare(
            &a,
            &b,
            &Options {
                per_claim: 1,
                ..Options::default()
            },
        );
        assert_eq!(one.pairs.len(), 1);
    }

    #[test]
    fn a_claim_may_pair_with_every_part_of_a_split_sentence() {
        let a = claims(
            "a",
            &["The Vesterby bridge opened in May 1962 and carried 4,000 cars a day in its first year."],
        );
        let sentence =
            "The Vesterby bridge opened in May 1962, and in its first year it carried 4,000 cars a day.";
        let mut b = claims(
            "b",
            &[
                "The Vesterby bridge opened in May 1962",
                "In its first year the Vesterby bridge carried 4,000 cars a day.",
            ],
        );
        for c in &mut b {
            (c.sentence, c.line) = (sentence.to_string(), 1);
        }
        let c = compare(&a, &b, &Options::default());
        let kinds: Vec<(&str, Relation)> = c.pairs.iter().map(|p| (p.b.id.as_str(), p.relation)).collect();
        assert_eq!(
            kinds,
            [("b1", Relation::Consistent), ("b2", Relation::Consistent)],
            "{c:#?}"
        );
        // Two sentences of their own: one-to-one.
        b[1].sentence = "In its first year the Vesterby bridge carried 4,000 cars a day.".into();
        let c = compare(&a, &b, &Options::default());
        assert_eq!(
            c.pairs
                .iter()
                .filter(|p| p.relation == Relation::Consistent)
                .count(),
            1,
            "{c:#?}"
        );
    }

    #[test]
    fn rounding_units_spelled_numbers_and_date_formats_are_consistent() {
        for (x, y) in [
            (
                "Season tickets cost $349 for adults and $449 for families.",
                "Season tickets cost roughly $350 for adults, or $450 for families.",
            ),
            (
                "The Vesterby ring road runs for about 40 km around the town.",
                "The Vesterby ring road runs for some 25 miles around the town.",
            ),
            (
                "The Lumo handset has a 4.5-inch screen and weighs 120 grams.",
                "The Lumo handset has a screen of four and a half inches and weighs 120 g.",
            ),
            (
                "The Karsby dam was completed on 3 September 1962.",
                "The Karsby dam was completed on Monday, September 3, 1962.",
            ),
            (
                "Thirty-two climbers reached the summit of Mount Varda that week.",
                "That week 32 climbers reached the summit of Mount Varda.",
            ),
            (
                "The Karsby dam was completed on 3 September 1962.",
                "The Karsby dam was completed in September 1962.",
            ),
        ] {
            let (relation, reason) = pair(x, y);
            assert_eq!(relation, Relation::Consistent, "{x} / {y}: {reason}");
        }
    }

    #[test]
    fn typed_conflicts_between_articles() {
        conflict(
            "The Karsby dam was opened by the mayor, Jonas Ekberg, in 1962.",
            "Helena Strand, then mayor, opened the Karsby dam in 1962.",
            "differs: A \"Jonas Ekberg\", B \"Helena Strand\"",
        );
        conflict(
            "The first ferry left from the northern quay at Ravnsholt in 1962.",
            "The first ferry left from the northern quay at Ostervik in 1962.",
            "Ravnsholt",
        );
        conflict(
            "Twelve divers were injured during the salvage of the Orla wreck.",
            "Remarkably, not a single diver was hurt in the salvage of the Orla wreck.",
            "negation: B says",
        );
        conflict(
            "Brennport Telecom was the only carrier allowed to sell the Lumo handset in 2012.",
            "Velka Mobile was the only carrier allowed to sell the Lumo handset in 2012.",
            "differs: A \"Brennport Telecom\", B \"Velka Mobile\"",
        );
    }

    #[test]
    fn a_weekday_against_a_date_of_the_article_conflicts() {
        // 4 March 2011 was a Friday; B says Sunday.
        let a = claims(
            "a",
            &[
                "The Vesterby bridge was finished in 2011.",
                "Traffic first crossed the Vesterby bridge on 4 March, after a short ceremony.",
            ],
        );
        let b = claims(
            "b",
            &["Traffic first crossed the Vesterby bridge that Sunday, after a short ceremony."],
        );
        let c = compare(&a, &b, &Options::default());
        let p = c
            .pairs
            .iter()
            .find(|p| p.relation == Relation::Conflicting)
            .expect("a conflict");
        assert!(
            p.reason.contains("(a Friday in 2011), B \"Sunday\""),
            "{}",
            p.reason
        );
    }

    #[test]
    fn not_until_and_first_against_last_are_no_conflicts() {
        let (relation, reason) = pair(
            "The Vesterby council did not approve the budget until 9 May.",
            "The Vesterby council approved the budget on 9 May.",
        );
        assert_ne!(relation, Relation::Conflicting, "{reason}");
        let (relation, reason) = pair(
            "Work on the Karsby dam first began in May 1958, when the river was diverted.",
            "In May 1958 the builders of the Karsby dam diverted the river through the last open channel.",
        );
        assert_ne!(relation, Relation::Conflicting, "{reason}");
    }

    #[test]
    fn scores_have_three_decimals() {
        let c = one(
            "The extension added 12 new stops to the network.",
            "The extension added 15 new stops to the network.",
        );
        let s = c.pairs[0].score;
        assert!((0.0..=1.0).contains(&s));
        assert_eq!(s, (s * 1000.0).round() / 1000.0);
    }

    #[test]
    fn verdicts_are_added_apart_from_the_relation() {
        let mut c = one(
            "The Harbourline tram extension opened to passengers on 14 March 2023.",
            "The Harbourline tram extension opened to passengers on 14 March 2024.",
        );
        let index = Index::build(vec![Reference {
            id: "R1".into(),
            statement: "The Harbourline tram extension opened to passengers on 14 March 2023.".into(),
            source: String::new(),
            rating: true,
            aliases: vec![],
            origin: ("t.csv".into(), 2),
        }]);
        c.judge(&index, &Settings::balanced().unwrap());
        let p = &c.pairs[0];
        assert_eq!(p.relation, Relation::Conflicting);
        assert_eq!(p.a.verdict, Some(Verdict::Supported));
        assert_eq!(p.b.verdict, Some(Verdict::Contradicted));
        let json = serde_json::to_value(&c).unwrap();
        assert_eq!(json["pairs"][0]["b"]["verdict"], "contradicted");
        assert_eq!(json["pairs"][0]["relation"], "conflicting");
    }

    #[test]
    fn empty_articles_compare_to_nothing() {
        let c = compare(
            &[],
            &claims("b", &["The line opened in 2023."]),
            &Options::default(),
        );
        assert!(c.pairs.is_empty());
        assert!(c.only_a.is_empty());
        assert_eq!(c.only_b.len(), 1);
    }
}
