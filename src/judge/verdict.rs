//! Deciding a verdict for one claim: retrieve candidates, align each, and
//! apply the rules — subject first, then details.
//!
//! * supported: a true-rated reference covers the claim and nothing conflicts;
//! * contradicted: a reference about the same subject conflicts on a detail
//!   (negation, number, date, name in the same role, antonym, closed class),
//!   or the claim matches a reference rated false;
//! * unsupported: nothing covers it well enough, or only references about
//!   another subject share its wording.

use std::fmt;

use serde::Serialize;

pub use crate::calibration::{Calibration, CalibrationError, Features};
use crate::index::{Hit, Index};
use crate::lexicon;
use crate::matching::{align, Alignment, Analysed, ConflictKind};

/// Default share of a claim a reference must cover to support it.
pub const DEFAULT_MIN_SUPPORT: f64 = 0.7;
/// Default share of a claim a reference must cover for its conflicts to count.
pub const DEFAULT_MIN_MATCH: f64 = 0.4;
/// Share of a claim a conflicting reference must account for (matched or
/// in conflict) for a strong conflict to decide on its own.
const CLEAR_CONFLICT_ALIGNED: f64 = 0.999;
/// Share of a claim a reference must account for (matched or in conflict)
/// to decide the claim by its conflicts, whatever the subject gate says.
const EXPLAINED: f64 = 0.6;
/// Share of a claim such a reference must match outright (not only in conflict).
const EXPLAINED_SHARED: f64 = 0.2;
/// How much more of the claim the conflicting reference must account for
/// than the best support does, for the conflict to win.
const EXPLAINED_MARGIN: f64 = 0.05;
/// Share of a claim matched or in conflict above which the conflict decides
/// it even when it outweighs the match: nothing but a description is left
/// ("The team was led by Eric Shipton" / "... was led by John Hunt").
const ACCOUNTED_FOR_ALL: f64 = 0.9;
/// Coverage a reference needs before a weak conflict (category, slot) counts.
/// `compare` has its own, higher share for two article claims
/// (`compare::WEAK_CONFLICT_SHARE`).
const WEAK_CONFLICT_COVERAGE: f64 = 0.4;
/// Share of what the claim says about its subject (the words after its verb)
/// that a supporting reference must have: "X is a masterclass in quiet
/// disruption" is not supported by a reference that only names X.
const MIN_PREDICATE: f64 = 0.2;
/// Coverage each of two references needs to support a claim together.
const JOINT_MIN_COVERAGE: f64 = 0.2;
/// Candidates retrieved by the subject's words alone, added to the others.
const SUBJECT_CANDIDATES: usize = 2;
/// Default number of candidates retrieved per claim.
pub const DEFAULT_CANDIDATES: usize = 5;

/// The three verdicts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// A reference supports the claim.
    Supported,
    /// A reference contradicts the claim.
    Contradicted,
    /// The table cannot decide.
    Unsupported,
}

impl Verdict {
    /// All verdicts, in report order.
    pub const ALL: [Verdict; 3] = [Verdict::Supported, Verdict::Contradicted, Verdict::Unsupported];

    /// Lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Supported => "supported",
            Verdict::Contradicted => "contradicted",
            Verdict::Unsupported => "unsupported",
        }
    }

    /// Parses a lower-case name.
    pub fn parse(s: &str) -> Option<Verdict> {
        Verdict::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A named trade-off between catching problems and crying wolf.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Profile {
    /// Flag only what the evidence makes plain: fewer, surer findings.
    Strict,
    /// The default.
    #[default]
    Balanced,
    /// Flag more, accepting more false alarms.
    Lenient,
}

impl Profile {
    /// All profiles.
    pub const ALL: [Profile; 3] = [Profile::Strict, Profile::Balanced, Profile::Lenient];

    /// Lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Profile::Strict => "strict",
            Profile::Balanced => "balanced",
            Profile::Lenient => "lenient",
        }
    }
}

/// Thresholds of the decision.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// Coverage a reference needs to support a claim (with the calibrated
    /// model: the least coverage at which it may support).
    pub min_support: f64,
    /// Coverage (counting conflicting words) a reference needs for its
    /// conflicts to count.
    pub min_match: f64,
    /// Least probability of `contradicted` the calibrated model needs.
    pub min_contradiction: f64,
    /// Probability of `contradicted` at which the calibrated model calls a
    /// claim contradicted even when another verdict is more probable.
    pub sure_contradiction: f64,
    /// Candidates retrieved per claim.
    pub candidates: usize,
    /// The calibrated model that decides among the verdicts the evidence
    /// allows; `None` decides by the thresholds alone.
    pub calibration: Option<&'static Calibration>,
}

/// The thresholds a profile sets: [`Settings::profile`] picks one of the
/// two support thresholds by the decision mode.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ProfileThresholds {
    /// Coverage a reference needs to support a claim when the calibrated
    /// model decides (the least coverage at which it may support).
    pub min_support_calibrated: f64,
    /// Coverage a reference needs to support a claim when the rules alone decide.
    pub min_support_rules: f64,
    /// Coverage (counting conflicting words) a reference needs for its conflicts to count.
    pub min_match: f64,
    /// Least probability of `contradicted` the calibrated model needs.
    pub min_contradiction: f64,
    /// Probability of `contradicted` at which the calibrated model calls a
    /// claim contradicted even when another verdict is more probable (1: never).
    pub sure_contradiction: f64,
}

impl Profile {
    /// The thresholds of this profile.
    pub fn thresholds(self) -> ProfileThresholds {
        match self {
            Profile::Strict => ProfileThresholds {
                min_support_calibrated: 0.7,
                min_support_rules: 0.8,
                min_match: 0.5,
                min_contradiction: 0.6,
                sure_contradiction: 1.0,
            },
            Profile::Balanced => ProfileThresholds {
                min_support_calibrated: 0.5,
                min_support_rules: DEFAULT_MIN_SUPPORT,
                min_match: DEFAULT_MIN_MATCH,
                min_contradiction: 0.0,
                sure_contradiction: 1.0,
            },
            Profile::Lenient => ProfileThresholds {
                min_support_calibrated: 0.3,
                min_support_rules: 0.55,
                min_match: 0.3,
                min_contradiction: 0.0,
                sure_contradiction: 0.3,
            },
        }
    }
}

impl Settings {
    /// Settings of a profile, with the shipped calibrated model or by rules
    /// alone. Fails only when the shipped model does not parse.
    pub fn profile(profile: Profile, calibrated: bool) -> Result<Settings, CalibrationError> {
        let t = profile.thresholds();
        Ok(Settings {
            min_support: if calibrated {
                t.min_support_calibrated
            } else {
                t.min_support_rules
            },
            min_match: t.min_match,
            min_contradiction: t.min_contradiction,
            sure_contradiction: t.sure_contradiction,
            candidates: DEFAULT_CANDIDATES,
            calibration: if calibrated {
                Some(Calibration::shipped()?)
            } else {
                None
            },
        })
    }

    /// The default settings: the balanced profile with the calibrated model.
    pub fn balanced() -> Result<Settings, CalibrationError> {
        Settings::profile(Profile::Balanced, true)
    }
}

/// A candidate reference with its scores, for `--explain`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    /// Reference id.
    pub id: String,
    /// BM25 retrieval score.
    pub retrieval: f64,
    /// Share of the claim covered.
    pub coverage: f64,
    /// Whether the claim's subject is found in it.
    pub subject: bool,
    /// Share of the claim accounted for: matched or in conflict.
    pub aligned: f64,
    /// Claim words the reference has, heaviest first.
    pub matched: Vec<String>,
    /// The details that differ, as reasons give them.
    pub conflicts: Vec<String>,
}

/// The outcome for one claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    /// The verdict.
    pub verdict: Verdict,
    /// Confidence in the verdict, in [0, 1].
    pub score: f64,
    /// Index position of the deciding reference, if any.
    pub reference: Option<usize>,
    /// One line an editor can check.
    pub reason: String,
    /// The candidates considered, best first.
    pub candidates: Vec<Candidate>,
    /// The features the decision was made from.
    pub features: Features,
}

/// Judges one claim against the index.
pub fn judge(claim: &str, index: &Index, settings: &Settings) -> Judgement {
    let analysed = Analysed::new(claim, index);
    let mut hits = index.search(&analysed.query(), settings.candidates);
    for extra in index.search(&analysed.subject_query(), SUBJECT_CANDIDATES) {
        if !hits.iter().any(|h| h.doc == extra.doc) {
            hits.push(extra);
        }
    }
    let mut alignments: Vec<Alignment> = hits
        .iter()
        .map(|h| align(&analysed, index, h.doc, h.score))
        .collect();
    alignments.sort_by(|a, b| {
        b.subject
            .cmp(&a.subject)
            .then(b.coverage.total_cmp(&a.coverage))
            .then(b.retrieval.total_cmp(&a.retrieval))
            .then(a.doc.cmp(&b.doc))
    });
    let candidates = alignments
        .iter()
        .map(|a| Candidate {
            id: index.refs()[a.doc].id.clone(),
            retrieval: round(a.retrieval),
            coverage: round(a.coverage),
            subject: a.subject,
            aligned: round(a.aligned),
            matched: a.matched.clone(),
            conflicts: a.conflicts.iter().map(ToString::to_string).collect(),
        })
        .collect();
    let evidence = Evidence::gather(&alignments, index, settings);
    let features = evidence.features(&analysed, &alignments, index, &hits);
    let verdict = match settings.calibration {
        Some(model) => evidence.calibrated(model, &features, settings),
        None => evidence.by_rules(settings),
    };
    let (chosen, reason) = evidence.explain(verdict, &analysed, &alignments, index);
    let score = match chosen {
        Some(a) => a.coverage,
        None => 1.0 - alignments.first().map_or(0.0, |a| a.coverage),
    };
    Judgement {
        verdict,
        score: round(score),
        reference: chosen.map(|a| a.doc),
        reason,
        candidates,
        features,
    }
}

/// The candidates that could decide a claim, one per verdict.
struct Evidence<'a> {
    /// Best single true reference without conflict that shares the subject.
    support: Option<&'a Alignment>,
    /// Best pair of true references without conflict covering the claim together.
    joint: Option<(&'a Alignment, &'a Alignment, f64)>,
    /// Best reference rated false that matches without conflict.
    known_false: Option<&'a Alignment>,
    /// Best true reference about the same subject with a conflicting detail.
    conflicting: Option<&'a Alignment>,
    /// The true reference that accounts for most of the claim, when that is
    /// most of it and some of it conflicts: it decides the claim.
    explained: Option<&'a Alignment>,
}

impl<'a> Evidence<'a> {
    fn gather(alignments: &'a [Alignment], index: &Index, settings: &Settings) -> Evidence<'a> {
        let refs = index.refs();
        let relevant = |a: &&Alignment| a.subject && a.aligned >= settings.min_match;
        let support = alignments
            .iter()
            .filter(relevant)
            .filter(|a| {
                refs[a.doc].rating
                    && a.conflicts.is_empty()
                    && a.predicate >= MIN_PREDICATE
                    && a.accounts_for_keys(None)
            })
            .max_by(|a, b| a.coverage.total_cmp(&b.coverage).then(b.doc.cmp(&a.doc)));
        let known_false = alignments
            .iter()
            .filter(relevant)
            .filter(|a| !refs[a.doc].rating && a.conflicts.is_empty())
            .max_by(|a, b| a.coverage.total_cmp(&b.coverage).then(b.doc.cmp(&a.doc)));
        let pool: Vec<&Alignment> = alignments
            .iter()
            .filter(|a| refs[a.doc].rating && a.conflicts.is_empty() && a.coverage >= JOINT_MIN_COVERAGE)
            .take(3)
            .collect();
        let mut joint: Option<(&Alignment, &Alignment, f64)> = None;
        for (k, a) in pool.iter().enumerate() {
            for b in pool[k + 1..]
                .iter()
                .filter(|b| (a.subject || b.subject) && a.predicate.max(b.predicate) >= MIN_PREDICATE)
            {
                let c = a.joint_coverage(b);
                if a.accounts_for_keys(Some(b)) && joint.is_none_or(|(_, _, bc)| c > bc) {
                    joint = Some((a, b, c));
                }
            }
        }
        // Strong conflicts (near-miss names, numbers, dates, negation,
        // antonyms) count once the reference is about the claim; weak ones
        // (a category, a name or a detail in the same slot) need most of the
        // claim covered.
        let conflicting = alignments.iter().filter(relevant).find(|a| {
            refs[a.doc].rating
                && a.conflicts.iter().any(|c| {
                    c.kind.is_strong() || a.coverage >= settings.min_match.max(WEAK_CONFLICT_COVERAGE)
                })
        });
        // The reference that explains the claim best: most of the claim
        // accounted for, matched or in conflict, about the claim's subject
        // (a subject without a name, "The agency", is not held against it).
        let explained = alignments
            .iter()
            .filter(|a| {
                refs[a.doc].rating
                    && a.subject
                    && a.aligned >= EXPLAINED
                    && a.coverage >= EXPLAINED_SHARED
                    // More of the claim matched than in conflict: a claim
                    // that only shares its frame with a reference is not
                    // decided by it.
                    && (a.coverage >= a.conflicted || a.aligned >= ACCOUNTED_FOR_ALL)
                    // A closed class or a slot filler needs the claim as well
                    // covered here as elsewhere; a name in the same role and
                    // the strong kinds do not.
                    && a.conflicts.iter().any(|c| {
                        c.kind.is_strong() || c.kind.is_role() || a.coverage >= WEAK_CONFLICT_COVERAGE
                    })
            })
            .max_by(|a, b| {
                a.aligned
                    .total_cmp(&b.aligned)
                    .then(a.coverage.total_cmp(&b.coverage))
                    .then(b.doc.cmp(&a.doc))
            })
            .filter(|a| !a.conflicts.is_empty());
        let support_best = support
            .map_or(0.0, |a| a.coverage)
            .max(joint.map_or(0.0, |j| j.2));
        let explained = explained.filter(|a| a.aligned > support_best + EXPLAINED_MARGIN);
        Evidence {
            support,
            joint,
            known_false,
            conflicting: explained.or(conflicting),
            explained,
        }
    }

    fn support_coverage(&self) -> f64 {
        self.support.map_or(0.0, |a| a.coverage)
    }

    fn joint_coverage(&self) -> f64 {
        self.joint.map_or(0.0, |j| j.2)
    }

    /// The decision by thresholds alone.
    fn by_rules(&self, settings: &Settings) -> Verdict {
        if self
            .known_false
            .is_some_and(|a| a.coverage >= settings.min_support)
            || self.explained.is_some()
        {
            Verdict::Contradicted
        } else if self.support_coverage() >= settings.min_support
            || self.joint_coverage() >= settings.min_support
        {
            Verdict::Supported
        } else if self.conflicting.is_some() || self.explained.is_some() {
            Verdict::Contradicted
        } else {
            Verdict::Unsupported
        }
    }

    /// The decision of the calibrated model, among the verdicts the evidence
    /// can explain: supported needs a supporting reference, contradicted a
    /// conflict or a reference rated false.
    fn calibrated(&self, model: &Calibration, features: &Features, settings: &Settings) -> Verdict {
        let p = model.probabilities(features);
        let can_support = self.support_coverage().max(self.joint_coverage()) >= settings.min_support;
        let can_contradict =
            (self.conflicting.is_some() || self.known_false.is_some()) && p[1] >= settings.min_contradiction;
        let mut best = (Verdict::Unsupported, p[2]);
        if can_support && p[0] > best.1 {
            best = (Verdict::Supported, p[0]);
        }
        if can_contradict && (p[1] > best.1 || p[1] >= settings.sure_contradiction) {
            best = (Verdict::Contradicted, p[1]);
        }
        // A reference that says everything the claim says, about the same
        // subject, except one strong detail (a date, a number, a negation, a
        // near-miss name, an antonym) contradicts it, whatever the odds.
        // Unless another reference says all of it without conflict ("set
        // up on 1 June 1998" against the row that says so, not the row on
        // the 2002 coins).
        let support_best = self.support_coverage().max(self.joint_coverage());
        let clear = self.conflicting.is_some_and(|a| {
            a.aligned >= CLEAR_CONFLICT_ALIGNED
                && a.conflicts.iter().any(|c| c.kind.is_strong())
                && support_best < a.aligned
        });
        if clear || self.explained.is_some() {
            best = (Verdict::Contradicted, p[1]);
        }
        best.0
    }

    /// The deciding reference and a one-line reason for a verdict.
    fn explain(
        &self,
        verdict: Verdict,
        analysed: &Analysed,
        alignments: &'a [Alignment],
        index: &Index,
    ) -> (Option<&'a Alignment>, String) {
        let refs = index.refs();
        match verdict {
            Verdict::Contradicted => {
                if let Some(a) = self
                    .known_false
                    .filter(|_| self.conflicting.is_none())
                    .or(self.known_false)
                {
                    if self.conflicting.is_none()
                        || a.coverage >= self.conflicting.map_or(0.0, |c| c.coverage)
                    {
                        return (
                            Some(a),
                            format!("matches a statement rated false ({})", ref_tag(index, a)),
                        );
                    }
                }
                if let Some(a) = self.conflicting {
                    let details: Vec<String> = a.conflicts.iter().map(ToString::to_string).collect();
                    return (Some(a), format!("{} ({})", details.join("; "), ref_tag(index, a)));
                }
            }
            Verdict::Supported => {
                let single = self.support_coverage();
                if let Some((a, b, c)) = self
                    .joint
                    .filter(|j| j.2 > single + 0.05 || self.support.is_none())
                {
                    let mut words = a.matched.clone();
                    words.extend(b.matched.iter().filter(|w| !a.matched.contains(w)).cloned());
                    let _ = c;
                    return (
                        Some(a),
                        format!(
                            "matches refs {} and {} together on {}",
                            refs[a.doc].id,
                            refs[b.doc].id,
                            quote_list(&words, 5)
                        ),
                    );
                }
                if let Some(a) = self.support {
                    return (
                        Some(a),
                        format!("matches {} on {}", ref_tag(index, a), quote_list(&a.matched, 4)),
                    );
                }
            }
            Verdict::Unsupported => {}
        }
        let reason = match alignments.first() {
            None => {
                let words: Vec<String> = analysed
                    .toks
                    .iter()
                    .filter(|t| t.is_content())
                    .map(|t| analysed.text[t.span.clone()].to_string())
                    .collect();
                format!("no reference mentions {}", quote_list(&words, 3))
            }
            Some(a) if !a.subject => format!(
                "closest reference {} is about another subject; it does not mention {}",
                refs[a.doc].id,
                quote_list(&a.missing, 3)
            ),
            Some(a) => format!(
                "closest reference {} covers {:.0}% of the claim; it does not mention {}",
                refs[a.doc].id,
                a.coverage * 100.0,
                quote_list(&a.missing, 3)
            ),
        };
        (None, reason)
    }

    /// Numeric features of the evidence, for the calibrated model.
    fn features(
        &self,
        analysed: &Analysed,
        alignments: &[Alignment],
        index: &Index,
        hits: &[Hit],
    ) -> Features {
        let best_cov = alignments.iter().map(|a| a.coverage).fold(0.0, f64::max);
        let subject_cov = alignments
            .iter()
            .filter(|a| a.subject)
            .map(|a| a.coverage)
            .fold(0.0, f64::max);
        let subject_aligned = alignments
            .iter()
            .filter(|a| a.subject)
            .map(|a| a.aligned)
            .fold(0.0, f64::max);
        let conflict = |pred: &dyn Fn(ConflictKind) -> bool| {
            f64::from(u8::from(
                self.conflicting
                    .is_some_and(|a| a.conflicts.iter().any(|c| pred(c.kind))),
            ))
        };
        let query_idf: f64 = analysed
            .toks
            .iter()
            .filter(|t| t.is_content())
            .map(|t| index.idf(&t.stem))
            .sum::<f64>()
            .max(1e-9);
        let retrieval = hits.first().map_or(0.0, |h| (h.score / query_idf).min(2.0));
        let content = analysed.toks.iter().filter(|t| t.is_content()).count() as f64;
        let hedges = analysed
            .toks
            .iter()
            .filter(|t| lexicon::is_hedge(&t.norm) || lexicon::is_subjective(&t.norm))
            .count() as f64;
        let negated = analysed.toks.iter().any(|t| lexicon::is_negation(&t.norm));
        Features {
            bias: 1.0,
            best_coverage: best_cov,
            subject_coverage: subject_cov,
            subject_aligned,
            any_subject: f64::from(u8::from(alignments.iter().any(|a| a.subject))),
            support_coverage: self.support_coverage(),
            support_predicate: self.support.map_or(0.0, |a| a.predicate),
            joint_coverage: self.joint_coverage(),
            conflict_coverage: self.conflicting.map_or(0.0, |a| a.coverage),
            conflict_strong: conflict(&|k| k.is_strong()),
            conflict_negation: conflict(&|k| k == ConflictKind::Negation),
            conflict_number_date: conflict(&|k| matches!(k, ConflictKind::Date | ConflictKind::Number)),
            conflict_name: conflict(&|k| k == ConflictKind::Name || k.is_role()),
            conflict_category_antonym: conflict(&|k| {
                matches!(k, ConflictKind::Category(_) | ConflictKind::Antonym)
            }),
            conflict_detail: conflict(&|k| k == ConflictKind::Detail),
            known_false_coverage: self.known_false.map_or(0.0, |a| a.coverage),
            retrieval,
            log_length: (1.0 + content).ln(),
            hedges: hedges.min(3.0),
            claim_negated: f64::from(u8::from(negated)),
            union_coverage: union_coverage(alignments),
            share_same_subject: alignments.iter().filter(|a| a.subject).count() as f64
                / settings_candidates(alignments),
            share_conflicting: alignments.iter().filter(|a| !a.conflicts.is_empty()).count() as f64
                / settings_candidates(alignments),
        }
    }
}

/// Coverage of the claim by all candidates together.
fn union_coverage(alignments: &[Alignment]) -> f64 {
    let Some(first) = alignments.first() else {
        return 0.0;
    };
    let total: f64 = first.weights.iter().sum();
    if total <= 0.0 {
        return 0.0;
    }
    let covered: f64 = (0..first.weights.len())
        .filter(|&i| alignments.iter().any(|a| a.found[i]))
        .map(|i| first.weights[i])
        .sum();
    covered / total
}

fn settings_candidates(alignments: &[Alignment]) -> f64 {
    alignments.len().max(1) as f64
}

fn ref_tag(index: &Index, a: &Alignment) -> String {
    format!("ref {}", index.refs()[a.doc].id)
}

fn quote_list(words: &[String], n: usize) -> String {
    if words.is_empty() {
        return "its key words".to_string();
    }
    words
        .iter()
        .take(n)
        .map(|w| format!("\"{w}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Rounds to 3 decimals so that reports are stable across platforms.
pub fn round(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::Reference;

    fn r(id: &str, statement: &str, rating: bool) -> Reference {
        Reference {
            id: id.into(),
            statement: statement.into(),
            source: String::new(),
            rating,
            aliases: Vec::new(),
            origin: ("t.csv".into(), 2),
        }
    }

    fn index() -> Index {
        Index::build(vec![
            r(
                "R1",
                "The second Digital Partnership Council was held in Brussels on 30 April 2024.",
                true,
            ),
            r(
                "R2",
                "The Act on the Protection of Personal Information (APPI) is Japan's data protection law.",
                true,
            ),
            r(
                "R3",
                "Daggering is a dance associated with dancehall music.",
                true,
            ),
            r("R4", "The Cretaceous ended 66 million years ago.", true),
            r("R5", "The Moon is made of cheese.", false),
            r("R6", "Marie Curie won the Nobel Prize in Physics in 1903.", true),
            r("R7", "The Eiffel Tower is not located in Berlin.", true),
            r(
                "R8",
                "Tomas Brenner [ˈtoːmas] (born 4 May 1961) is a German sculptor.",
                true,
            ),
            r("R9", "Harbour Lights is a 1987 Danish drama film.", true),
            r(
                "R12",
                "Harwick College is a large, highly residential university.",
                true,
            ),
            r(
                "R13",
                "Marta Quell married Ivo Brandt, with whom she had three children.",
                true,
            ),
            r(
                "R14",
                "Settlers won the right to farm at Port Esk (now Halden).",
                true,
            ),
            r("R15", "The Gift of the Sea is a short story by Ana Vell.", true),
            r(
                "R16",
                "Harlan Dunmore is a Canadian and Irish painter who lives in Cork.",
                true,
            ),
            r(
                "R17",
                "Port Alder is an island state within the Coral Archipelago.",
                true,
            ),
            r(
                "R18",
                "The Shire was created by English writer J. R. R. Tolkien.",
                true,
            ),
            r(
                "R19",
                "Halden University is a major Norwegian research university.",
                true,
            ),
            r(
                "R20",
                "Arctic sea ice extent has declined in every decade since 1979.",
                true,
            ),
            r(
                "R21",
                "Rhea Stone was born in New Orleans and grew up in Texas.",
                true,
            ),
            r(
                "R10",
                "The Kestrel Film Unit produced more than 400 training films.",
                true,
            ),
            r(
                "R11",
                "Dana Whitfield (born September 30, 1946) wrote science fiction and horror films.",
                true,
            ),
        ])
    }

    /// Asserts that a claim is contradicted with a reason that says `why`.
    fn contradicts(claim: &str, why: &str) {
        let (v, reason) = verdict(claim);
        assert_eq!(v, Verdict::Contradicted, "{claim}: {reason}");
        assert!(reason.contains(why), "{claim}: {reason}");
    }

    fn verdict(claim: &str) -> (Verdict, String) {
        let j = judge(claim, &index(), &Settings::balanced().unwrap());
        (j.verdict, j.reason)
    }

    #[test]
    fn paraphrase_is_supported() {
        let (v, reason) = verdict("The second Digital Partnership Council was held in Brussels in 2024.");
        assert_eq!(v, Verdict::Supported, "{reason}");
        assert!(reason.contains("ref R1"));
    }

    #[test]
    fn different_date_contradicts() {
        contradicts(
            "The second Digital Partnership Council was held in Brussels in 2023.",
            "date differs: claim 2023, reference 2024",
        );
    }

    #[test]
    fn near_miss_name_contradicts() {
        contradicts(
            "The APTIA is Japan's data protection law.",
            "name differs: claim \"APTIA\", reference \"APPI\"",
        );
    }

    #[test]
    fn closed_class_and_antonym_contradict() {
        contradicts("Daggering is associated with death metal music.", "genre differs");
        contradicts(
            "Harwick College is a small, highly residential university.",
            "opposite meaning: claim \"small\", reference \"large\"",
        );
    }

    #[test]
    fn other_class_in_the_same_slot_contradicts_across_asides_and_years() {
        // Bracketed asides between the name and "is".
        contradicts(
            "Tomas Brenner is a German senator.",
            "claim \"senator\", reference \"sculptor\"",
        );
        // A year between "is a" and the class.
        contradicts(
            "Harbour Lights is a painting.",
            "claim \"painting\", reference \"film\"",
        );
    }

    #[test]
    fn slot_heads_are_nouns_and_coordinated_phrases_share_the_slot() {
        // "is a Canadian and Irish painter": the slot of "is a" reaches "painter".
        contradicts(
            "Harlan Dunmore is a Canadian senator.",
            "claim \"senator\", reference \"painter\"",
        );
        // "an island state within ...": the head is "state", not "within".
        contradicts("Port Alder is a city.", "claim \"city\", reference \"state\"");
    }

    #[test]
    fn shared_initials_do_not_make_two_names_one() {
        contradicts(
            "The Shire was created by English writer J. R. R. Martin.",
            "claim \"Martin\", reference \"Tolkien\"",
        );
    }

    #[test]
    fn spelled_numbers_compare_with_digits_and_days_only_with_days() {
        contradicts(
            "The Kestrel Film Unit produced zero training films.",
            "number differs: claim zero, reference more than 400",
        );
        // "30" is a day of September, not a count of genres.
        let (_, reason) = verdict("Dana Whitfield wrote films in two genres.");
        assert!(!reason.contains("number differs"), "{reason}");
    }

    #[test]
    fn a_decade_holds_its_years() {
        contradicts(
            "Dana Whitfield was born in the fifties.",
            "date differs: claim fifties, reference 1946",
        );
        let (v, reason) = verdict("Dana Whitfield was born in the 1940's.");
        assert_ne!(v, Verdict::Contradicted, "{reason}");
        assert!(!reason.contains("date differs"), "{reason}");
    }

    #[test]
    fn a_name_and_its_derived_form_are_not_a_near_miss() {
        let (v, reason) = verdict("Halden University is in Norway.");
        assert!(!reason.contains("name differs"), "{v}: {reason}");
        assert_ne!(v, Verdict::Contradicted, "{reason}");
    }

    #[test]
    fn since_and_before_bound_dates() {
        let (v, reason) = verdict("Arctic sea ice extent has declined since the 1960s.");
        assert_ne!(v, Verdict::Contradicted, "{reason}");
        contradicts(
            "Arctic sea ice extent has declined in every decade since 1985.",
            "date differs",
        );
    }

    #[test]
    fn a_name_in_the_same_role_is_named_whole() {
        contradicts(
            "Rhea Stone was born in Denver.",
            "name differs: claim \"Denver\", reference \"New Orleans\"",
        );
    }

    #[test]
    fn negation_contradicts() {
        let (v, reason) = verdict("Marie Curie never won the Nobel Prize in Physics.");
        assert_eq!(v, Verdict::Contradicted, "{reason}");
        assert!(reason.starts_with("negation"), "{reason}");
    }

    #[test]
    fn negative_adverbs_negate() {
        let (v, reason) = verdict("Harwick College is barely residential.");
        assert_eq!(v, Verdict::Contradicted, "{reason}");
        assert!(reason.starts_with("negation: claim says \"barely\""), "{reason}");
    }

    #[test]
    fn negative_affixes_negate() {
        let (v, reason) = verdict("Marta Quell is childless.");
        assert_eq!(v, Verdict::Contradicted, "{reason}");
        assert!(
            reason.starts_with("negation: claim says \"childless\""),
            "{reason}"
        );
        let (v, reason) = verdict("Marta Quell was unmarried.");
        assert_eq!(v, Verdict::Contradicted, "{reason}");
    }

    #[test]
    fn names_match_by_form_not_by_stem() {
        // "The Gifted" is not "The Gift".
        let j = judge("The Gifted is Swedish.", &index(), &Settings::balanced().unwrap());
        assert_ne!(j.verdict, Verdict::Contradicted, "{}", j.reason);
        assert!(
            j.candidates.iter().all(|c| c.id != "R15" || !c.subject),
            "{:?}",
            j.candidates
        );
    }

    #[test]
    fn known_false_statement_contradicts() {
        let (v, reason) = verdict("The Moon is made of cheese.");
        assert_eq!(v, Verdict::Contradicted);
        assert!(reason.contains("rated false"), "{reason}");
    }

    #[test]
    fn other_subject_with_same_template_is_unsupported() {
        let (v, reason) = verdict("Pierre Dupont won the Nobel Prize in Physics in 1903.");
        assert_eq!(v, Verdict::Unsupported, "{reason}");
    }

    #[test]
    fn nothing_related_is_unsupported_with_missing_words() {
        let (v, reason) = verdict("Quantum sensors are subject to export controls.");
        assert_eq!(v, Verdict::Unsupported);
        assert!(reason.contains("no reference mentions \"Quantum\""), "{reason}");
    }

    /// A small made-up table of one event, for the article-style conflicts.
    fn ship() -> Index {
        Index::build(vec![
            r(
                "T1",
                "RMS Titanic sank in the North Atlantic Ocean on 15 April 1912 after striking an iceberg.",
                true,
            ),
            r("T3", "The ship was built by Harland and Wolff in Belfast.", true),
            r("T4", "More than 1,500 people died in the sinking.", true),
            r("T5", "The RMS Carpathia rescued about 705 survivors.", true),
            r(
                "T6",
                "Titanic left Southampton on her maiden voyage on 10 April 1912.",
                true,
            ),
            r(
                "T7",
                "Each lifeboat held about 65 people and weighed roughly 2 tonnes.",
                true,
            ),
            r(
                "T8",
                "Titanic was the second Olympic-class liner built for the White Star Line.",
                true,
            ),
            r("T9", "The maiden voyage was commanded by Edward Smith.", true),
            r(
                "T10",
                "Lifeboat 7 was the first to be lowered, and it later turned back for survivors.",
                true,
            ),
            r("T11", "The body of Mr Smith was never recovered.", true),
            r(
                "T12",
                "Bruce Ismay was the chairman of the White Star Line.",
                true,
            ),
            r("T13", "Bruce Ismay was a passenger on the maiden voyage.", true),
            r(
                "T14",
                "The Board of Trade approved the number of lifeboats on Titanic.",
                true,
            ),
            r(
                "T15",
                "Titanic left Belfast for her sea trials on 2 April 1912.",
                true,
            ),
            r(
                "T17",
                "Titanic served only five days, ending her career on 15 April 1912.",
                true,
            ),
            r(
                "T16",
                "The band was led by Wallace Hartley, a violinist; its cellist was John Wesley Woodward.",
                true,
            ),
        ])
    }

    fn on_ship(claim: &str) -> (Verdict, String) {
        let j = judge(claim, &ship(), &Settings::balanced().unwrap());
        (j.verdict, j.reason)
    }

    #[test]
    fn another_name_of_the_same_kind_contradicts() {
        let (v, reason) = on_ship("Titanic sank in the Pacific Ocean on 15 April 1912.");
        assert_eq!(v, Verdict::Contradicted, "{reason}");
        assert!(
            reason.contains("claim \"Pacific Ocean\", reference \"North Atlantic Ocean\"")
                && reason.ends_with("(ref T1)"),
            "{reason}"
        );
        let (v, reason) = on_ship("The RMS Californian rescued about 705 survivors.");
        assert_eq!(v, Verdict::Contradicted, "{reason}");
        assert!(
            reason.contains("reference \"RMS Carpathia\"") && reason.ends_with("(ref T5)"),
            "{reason}"
        );
        let (v, reason) = on_ship("Titanic was built by the Belfast Maritime Heritage Society.");
        assert_eq!(v, Verdict::Contradicted, "{reason}");
        assert!(
            reason.contains("claim \"Belfast Maritime Heritage Society\", reference \"Harland and Wolff\"")
                && reason.ends_with("(ref T3)"),
            "{reason}"
        );
    }

    #[test]
    fn bounds_that_exclude_each_other_contradict() {
        let (v, reason) = on_ship("Fewer than 500 people died in the sinking.");
        assert_eq!(v, Verdict::Contradicted, "{reason}");
        assert!(
            reason.contains("claim Fewer than 500, reference More than 1,500"),
            "{reason}"
        );
        // A bound the reference's value satisfies is no conflict.
        let (v, reason) = on_ship("More than 1,000 people died in the sinking.");
        assert_eq!(v, Verdict::Supported, "{reason}");
    }

    #[test]
    fn a_description_of_the_subject_is_not_another_subject() {
        let (v, reason) = on_ship("The liner had left Southampton on 10 April 1912 for her maiden voyage.");
        assert_eq!(v, Verdict::Supported, "{reason}");
        assert!(reason.contains("ref T6"), "{reason}");
    }

    #[test]
    fn units_convert_and_a_unit_mix_up_contradicts() {
        // 2,000 kg is 2 tonnes; "some" is a rounding.
        let (v, reason) = on_ship("Each lifeboat held about 65 people and weighed some 2,000 kg.");
        assert_eq!(v, Verdict::Supported, "{reason}");
        let (v, reason) = on_ship("Each lifeboat held about 65 people and weighed roughly 2 kg.");
        assert_eq!(v, Verdict::Contradicted, "{reason}");
        assert!(
            reason.contains("claim roughly 2 kg, reference roughly 2 tonnes"),
            "{reason}"
        );
    }

    #[test]
    fn another_rank_contradicts() {
        let (v, reason) = on_ship("Titanic was the third Olympic-class liner built for the White Star Line.");
        assert_eq!(v, Verdict::Contradicted, "{reason}");
        assert!(
            reason.contains("ordinal differs: claim \"third\", reference \"second\""),
            "{reason}"
        );
    }

    #[test]
    fn one_wrong_name_is_one_wrong_detail_however_many_words_it_has() {
        // Two words of name in conflict against one matched verb: still the
        // reference that explains the claim.
        let (v, reason) = on_ship("The voyage was commanded by William Murdoch.");
        assert_eq!(v, Verdict::Contradicted, "{reason}");
        assert!(
            reason.contains("Edward Smith") && reason.contains("ref T9"),
            "{reason}"
        );
    }

    #[test]
    fn a_rank_is_not_matched_by_another_sense_of_its_word() {
        // "second" is also a verb meaning "back": not the reference's "turned back".
        let (v, reason) = on_ship("Lifeboat 7 was the second to be lowered.");
        assert_eq!(v, Verdict::Contradicted, "{reason}");
        assert!(
            reason.contains("claim \"second\", reference \"first\""),
            "{reason}"
        );
    }

    #[test]
    fn one_surname_in_two_forms_is_one_person() {
        let (v, reason) = on_ship("Captain Edward Smith's body was never recovered.");
        assert_ne!(v, Verdict::Contradicted, "{reason}");
    }

    #[test]
    fn another_name_for_the_one_holder_of_a_role_contradicts() {
        // A definite description has one holder: another name is an error.
        let (v, reason) = on_ship("Thomas Andrews was the chairman of the White Star Line.");
        assert_eq!(v, Verdict::Contradicted, "{reason}");
        assert!(
            reason.contains("Bruce Ismay") && reason.contains("ref T12"),
            "{reason}"
        );
        // An indefinite one ("a passenger") has many: another subject.
        let (v, reason) = on_ship("Thomas Andrews was a passenger on the maiden voyage.");
        assert_eq!(v, Verdict::Unsupported, "{reason}");
    }

    #[test]
    fn a_name_no_reference_knows_in_the_subject_of_a_known_act_contradicts() {
        let (v, reason) = on_ship("The Maritime Safety Council approved the number of lifeboats on Titanic.");
        assert_eq!(v, Verdict::Contradicted, "{reason}");
        assert!(
            reason.contains("claim \"Maritime Safety Council\", reference \"Board of Trade\"")
                && reason.contains("no row of the table names \"Maritime Safety Council\"")
                && reason.contains("ref T14"),
            "{reason}"
        );
        // Anywhere in the subject phrase, not only at its head.
        let (v, reason) =
            on_ship("A panel of the Maritime Safety Council approved the number of lifeboats on Titanic.");
        assert_eq!(v, Verdict::Contradicted, "{reason}");
        assert!(reason.contains("\"Board of Trade\""), "{reason}");
        // Without a name of the rest that the reference has, the act is not
        // pinned down: another subject, not an error.
        let (v, reason) = on_ship("The Maritime Safety Council approved the number of lifeboats.");
        assert_eq!(v, Verdict::Unsupported, "{reason}");
    }

    #[test]
    fn a_wrong_name_is_the_error_when_nothing_else_is_left() {
        // Only a description ("the crossing") besides the name and the verb.
        let (v, reason) = on_ship("The crossing was commanded by William Murdoch.");
        assert_eq!(v, Verdict::Contradicted, "{reason}");
        assert!(
            reason.contains("William Murdoch")
                && reason.contains("Edward Smith")
                && reason.contains("ref T9"),
            "{reason}"
        );
    }

    #[test]
    fn a_name_the_reference_puts_in_another_slot_contradicts() {
        let (v, reason) = on_ship("The band was led by John Wesley Woodward, a cellist.");
        assert_eq!(v, Verdict::Contradicted, "{reason}");
        assert!(
            reason.contains("claim \"John Wesley Woodward\", reference \"Wallace Hartley\"")
                && reason.contains("ref T16"),
            "{reason}"
        );
        let (v, reason) = on_ship("The band was led by Wallace Hartley, a violinist.");
        assert_eq!(v, Verdict::Supported, "{reason}");
    }

    #[test]
    fn an_amount_that_shares_only_its_unit_with_a_reference_is_no_conflict() {
        // "days" is all the claim shares with T17: another amount of another thing.
        let (v, reason) = on_ship("The inquiry took nine days.");
        assert_eq!(v, Verdict::Unsupported, "{reason}");
        // With the act shared too, the amount is the error.
        let (v, reason) = on_ship("Each lifeboat weighed roughly 15 tonnes.");
        assert_eq!(v, Verdict::Contradicted, "{reason}");
        assert!(reason.contains("ref T7"), "{reason}");
    }

    #[test]
    fn a_reference_that_says_it_all_outweighs_one_with_another_date() {
        // T15 has every word of the claim but another date; T6 says it.
        let (v, reason) = on_ship("Titanic left on 10 April 1912.");
        assert_eq!(v, Verdict::Supported, "{reason}");
        assert!(reason.contains("ref T6"), "{reason}");
    }
}
