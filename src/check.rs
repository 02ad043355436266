//! The check pipeline: inputs (articles or claims CSVs) and reference tables
//! in, a [`Report`] out. Reads files; never prints.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use crate::baseline::{self, Baseline};
use crate::claim::Claim;
use crate::compare::{self, Comparison};
use crate::config::{FailOn, IgnoreList, Severities};
use crate::error::{Error, Result};
use crate::ignore::Ignores;
use crate::index::Index;
use crate::inputs::Input;
use crate::reference::{read_tables, Reference};
use crate::verdict::{judge, Candidate, Features, Settings, Verdict};

/// The reference a verdict rests on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RefSummary {
    /// Reference id.
    pub id: String,
    /// Its statement.
    pub statement: String,
    /// Its source.
    pub source: String,
}

impl From<&Reference> for RefSummary {
    fn from(r: &Reference) -> Self {
        RefSummary {
            id: r.id.clone(),
            statement: r.statement.clone(),
            source: r.source.clone(),
        }
    }
}

/// One checked claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Checked {
    /// Claim id.
    pub id: String,
    /// Article (path as given).
    pub article: String,
    /// 1-based line, 0 when unknown.
    pub line: usize,
    /// 1-based column, 0 when unknown.
    pub column: usize,
    /// Claim text.
    pub text: String,
    /// The whole sentence the claim comes from (empty when unknown).
    pub sentence: String,
    /// The resolved subject of a claim whose own is a pronoun, a description
    /// or missing (empty when none).
    pub subject: String,
    /// Character start and end of the claim in `sentence`.
    pub span: (usize, usize),
    /// Verdict.
    pub verdict: Verdict,
    /// Confidence in the verdict, in [0, 1].
    pub score: f64,
    /// The deciding reference.
    pub reference: Option<RefSummary>,
    /// Why.
    pub reason: String,
    /// Candidates considered (only with `explain`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<Candidate>,
}

impl Checked {
    /// The claim text with its resolved subject shown in brackets after the
    /// words it resolves ("It \[Titanic\] was built in Belfast").
    pub fn shown_text(&self) -> String {
        Claim {
            text: self.text.clone(),
            subject: self.subject.clone(),
            ..Claim::default()
        }
        .shown_text()
    }
}

/// The claims of a report grouped by sentence, in report order: adjacent
/// claims of one article with the same non-empty `sentence` form a group;
/// a claim without a known sentence is a group of its own. For the formats
/// that show one mark per place (GitHub annotations).
pub fn sentence_groups(claims: &[Checked]) -> Vec<&[Checked]> {
    let mut groups = Vec::new();
    let mut start = 0;
    for i in 1..=claims.len() {
        let same = i < claims.len()
            && !claims[i].sentence.is_empty()
            && claims[i].sentence == claims[i - 1].sentence
            && claims[i].article == claims[i - 1].article;
        if !same {
            groups.push(&claims[start..i]);
            start = i;
        }
    }
    groups
}

/// The worst verdict of a group: contradicted, else unsupported, else supported.
pub fn worst_verdict(group: &[Checked]) -> Verdict {
    let rank = |v: Verdict| match v {
        Verdict::Supported => 0,
        Verdict::Unsupported => 1,
        Verdict::Contradicted => 2,
    };
    group
        .iter()
        .map(|c| c.verdict)
        .max_by_key(|&v| rank(v))
        .unwrap_or(Verdict::Supported)
}

/// Counts per verdict.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Supported claims.
    pub supported: usize,
    /// Contradicted claims.
    pub contradicted: usize,
    /// Unsupported claims.
    pub unsupported: usize,
}

impl Summary {
    /// Claims counted.
    pub fn total(&self) -> usize {
        self.supported + self.contradicted + self.unsupported
    }

    /// Count of one verdict.
    pub fn count(&self, v: Verdict) -> usize {
        match v {
            Verdict::Supported => self.supported,
            Verdict::Contradicted => self.contradicted,
            Verdict::Unsupported => self.unsupported,
        }
    }
}

impl Summary {
    /// Counts the verdicts of checked claims (every count of verdicts in
    /// reports is this one).
    pub fn of<'a>(claims: impl IntoIterator<Item = &'a Checked>) -> Summary {
        let mut summary = Summary::default();
        for c in claims {
            match c.verdict {
                Verdict::Supported => summary.supported += 1,
                Verdict::Contradicted => summary.contradicted += 1,
                Verdict::Unsupported => summary.unsupported += 1,
            }
        }
        summary
    }
}

/// The result of a check.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Checked claims, by article, line, column and id.
    pub claims: Vec<Checked>,
    /// Counts per verdict.
    pub summary: Summary,
}

impl Report {
    /// Keeps the claims for which `keep` is true and counts again, so that
    /// the summary always describes the claims reported (ignores, baselines
    /// and severities remove claims after the check).
    pub fn retain(&mut self, keep: impl FnMut(&Checked) -> bool) {
        self.claims.retain(keep);
        self.summary = Summary::of(&self.claims);
    }
}

/// Options of a check.
#[derive(Debug, Clone)]
pub struct Options {
    /// Decision thresholds.
    pub settings: Settings,
    /// Check-worthiness threshold for articles.
    pub min_score: f64,
    /// Keep the candidates of each claim.
    pub explain: bool,
}

/// True for paths read as claims CSVs rather than articles.
pub fn is_claims_csv(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"))
}

/// Files in a directory with one of the given extensions, sorted by name.
pub fn files_in(dir: &Path, extensions: &[&str]) -> Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, &e))?;
    let mut out = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| Error::io(dir, &e))?.path();
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        if path.is_file() && ext.is_some_and(|e| extensions.contains(&e.as_str())) {
            out.push(path);
        }
    }
    out.sort();
    Ok(out)
}

/// Most words of a claim used for retrieval and alignment: alignment grows
/// with the square of a claim's length, and a paragraph without punctuation
/// is one claim.
pub const MAX_CLAIM_WORDS: usize = 150;

/// Most bytes of a claim used for retrieval and alignment (a "word" without
/// spaces can hold many tokens).
pub const MAX_CLAIM_BYTES: usize = 2000;

/// The part of a claim that is judged: its first [`MAX_CLAIM_WORDS`] words,
/// at most [`MAX_CLAIM_BYTES`] bytes, and the number of words kept when it
/// was cut (`None` when the whole claim is judged).
pub fn matching_text(text: &str) -> (&str, Option<usize>) {
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        if i + c.len_utf8() > MAX_CLAIM_BYTES {
            return (&text[..i], Some(words + usize::from(in_word)));
        }
        if c.is_whitespace() {
            if in_word {
                words += 1;
                if words == MAX_CLAIM_WORDS && !text[i..].trim().is_empty() {
                    return (&text[..i], Some(words));
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    (text, None)
}

/// Judges a claim by its [`matching_text`], terminal escape sequences
/// removed (their bytes are not words); a cut claim says so in its reason.
fn judge_claim(text: &str, index: &Index, settings: &Settings) -> crate::verdict::Judgement {
    let clean = crate::report::escape::strip_escapes(text);
    let (judged, cut) = matching_text(&clean);
    let mut j = judge(judged, index, settings);
    // A name's appositive is a claim of its own: when it is contradicted,
    // so is the claim ("Hillary, a beekeeper from Australia, later built
    // schools"). Extraction splits it off articles; claims CSVs keep it whole.
    if j.verdict != Verdict::Contradicted {
        if let Some(fact) = crate::extract::appositive_fact(judged) {
            let part = judge(&fact, index, settings);
            if part.verdict == Verdict::Contradicted {
                j = crate::verdict::Judgement {
                    reason: format!("{} (in \"{fact}\")", part.reason),
                    features: j.features,
                    ..part
                };
            }
        }
    }
    if let Some(words) = cut {
        j.reason = format!("{} (claim cut to its first {words} words for matching)", j.reason);
    }
    j
}

/// Judges claims against an index.
///
/// Claims are judged in parallel (rayon); each judgement depends only on its
/// claim and the index, and the result is sorted, so the report is the same
/// whatever the number of threads.
pub fn check_claims(claims: Vec<Claim>, index: &Index, options: &Options) -> Report {
    let mut checked: Vec<Checked> = claims
        .into_par_iter()
        .map(|c| {
            let j = judge_claim(&c.judged_text(), index, &options.settings);
            Checked {
                id: c.id,
                article: c.article,
                line: c.line,
                column: c.column,
                text: c.text,
                sentence: c.sentence,
                subject: c.subject,
                span: c.span,
                verdict: j.verdict,
                score: j.score,
                reference: j.reference.map(|d| RefSummary::from(&index.refs()[d])),
                reason: j.reason,
                candidates: if options.explain { j.candidates } else { Vec::new() },
            }
        })
        .collect();
    sort_checked(&mut checked);
    let summary = Summary::of(&checked);
    Report {
        claims: checked,
        summary,
    }
}

/// [`check_claims`] with a progress hook: `progress(done)` is called on the
/// calling thread with the number of claims judged so far, after each slice
/// of claims, so that a front end can draw a progress bar (the library
/// itself never prints).
///
/// The claims are judged by [`check_claims`] in slices; the report is the
/// same as one call would give, since it is sorted by the same stable key.
pub fn check_claims_with_progress(
    claims: Vec<Claim>,
    index: &Index,
    options: &Options,
    progress: &dyn Fn(usize),
) -> Report {
    // Big enough to keep every thread busy, small enough for a bar that moves.
    let slice = (claims.len() / 100).max(64);
    let mut checked = Vec::with_capacity(claims.len());
    let mut rest = claims;
    while !rest.is_empty() {
        let tail = rest.split_off(slice.min(rest.len()));
        checked.extend(check_claims(rest, index, options).claims);
        progress(checked.len());
        rest = tail;
    }
    sort_checked(&mut checked);
    let summary = Summary::of(&checked);
    Report {
        claims: checked,
        summary,
    }
}

/// The features of each claim's evidence, for training the calibrated
/// model (`factcheck eval --dump-features`).
pub fn features_of(claims: &[Claim], index: &Index, settings: &Settings) -> Vec<(String, Features)> {
    claims
        .par_iter()
        .map(|c| {
            (
                c.id.clone(),
                judge_claim(&c.judged_text(), index, settings).features,
            )
        })
        .collect()
}

/// Report order: by article, line, column, then id.
fn sort_checked(checked: &mut [Checked]) {
    checked.sort_by(|a, b| {
        (a.article.as_str(), a.line, a.column, a.id.as_str()).cmp(&(
            b.article.as_str(),
            b.line,
            b.column,
            b.id.as_str(),
        ))
    });
}

/// Makes claim ids unique across inputs. Articles with the same file stem
/// in different folders (`a/index.md`, `b/index.md`) get their path in their
/// ids (`a-index-1`, `b-index-1`); any id still repeated (two claims CSVs
/// that share ids) is an error naming both inputs.
pub fn unique_ids(inputs: &[PathBuf], per_input: Vec<Vec<Claim>>) -> Result<Vec<Claim>> {
    let stem = |p: &Path| {
        p.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    let mut seen: std::collections::BTreeMap<String, PathBuf> = std::collections::BTreeMap::new();
    for (input, claims) in inputs.iter().zip(per_input) {
        let clash = !is_claims_csv(input)
            && inputs
                .iter()
                .filter(|o| !is_claims_csv(o) && stem(o) == stem(input))
                .count()
                > 1;
        for mut c in claims {
            if clash {
                let long: String = input
                    .with_extension("")
                    .to_string_lossy()
                    .chars()
                    .map(|ch| {
                        if ch.is_alphanumeric() || ch == '-' || ch == '_' {
                            ch
                        } else {
                            '-'
                        }
                    })
                    .collect();
                let long = long.trim_matches('-').to_string();
                if let Some(n) = c.id.strip_prefix(&format!("{}-", stem(input))) {
                    c.id = format!("{long}-{n}");
                }
            }
            if let Some(first) = seen.get(&c.id) {
                return Err(Error::Usage(format!(
                    "claim id `{}` appears in both {} and {}; ids must be unique across inputs",
                    c.id,
                    first.display(),
                    input.display()
                )));
            }
            seen.insert(c.id.clone(), input.clone());
            out.push(c);
        }
    }
    Ok(out)
}

/// Loads the reference index: one saved index file (`.fcidx`, see
/// [`crate::store`]), or CSV tables read and indexed now.
pub fn load_index(paths: &[PathBuf]) -> Result<Index> {
    match paths {
        [one] if crate::store::is_index_file(one) => crate::store::load(one),
        _ => {
            if let Some(p) = paths.iter().find(|p| crate::store::is_index_file(p)) {
                return Err(Error::Usage(format!(
                    "{}: a saved index cannot be mixed with other reference tables",
                    p.display()
                )));
            }
            warm_up();
            Ok(Index::build(read_tables(paths)?))
        }
    }
}

/// Builds the word lists and the WordNet database that indexing and
/// judging look words up in, on a thread of its own while the tables are
/// read: each is built once per process (whichever thread asks first
/// builds it, the others wait for it), so only the time it is built at
/// changes, never what it holds.
fn warm_up() {
    let _ = std::thread::Builder::new()
        .name("factcheck-warm-up".into())
        .spawn(|| {
            crate::text::wordnet::is_lemma("house", crate::text::wordnet::Pos::Noun);
            crate::text::lexicon::is_stop_word("the");
            crate::text::lexicon::is_common_word("the");
            crate::text::lexicon::is_subjective("good");
            crate::text::lexicon::class_of("red");
            crate::text::stem("houses");
        });
}

/// What to do with a baseline in [`run`].
#[derive(Debug, Clone, Default)]
pub enum BaselineUse {
    /// No baseline: every finding is reported.
    #[default]
    None,
    /// Leave out the findings this baseline (`--baseline FILE`) accepts.
    Apply(Baseline),
    /// Record today's findings (`--write-baseline FILE`): they are returned
    /// in [`Outcome::baseline`] for the caller to write, and left out of
    /// the report as a later run with that baseline would leave them out.
    Write,
}

/// The whole `check` run but its inputs and its reference index:
/// thresholds, the configuration's ignores and severities, a baseline and
/// whether to compare two articles. Built by the front end from its flags
/// and the configuration file; the library knows neither.
#[derive(Clone)]
pub struct Request<'a> {
    /// Thresholds and whether to keep candidates.
    pub options: &'a Options,
    /// Claims never reported (the configuration's `[ignore]`).
    pub ignore: &'a IgnoreList,
    /// Severities of the findings: `off` leaves them out of
    /// [`Outcome::findings`].
    pub severities: Severities,
    /// The baseline, if any.
    pub baseline: BaselineUse,
    /// With exactly two articles (not claims CSVs), compare them as
    /// `compare A B` does with its defaults.
    pub compare: bool,
    /// Called on the calling thread with (claims judged, claims in all)
    /// while claims are judged, for a front end's progress bar.
    pub progress: Option<&'a dyn Fn(usize, usize)>,
}

/// Two articles compared by [`run`]: A is the one whose name sorts first.
#[derive(Debug, Clone, PartialEq)]
pub struct CrossArticle {
    /// The name of article A, as reports show it.
    pub a: String,
    /// The name of article B.
    pub b: String,
    /// Their comparison.
    pub comparison: Comparison,
}

/// What a `check` run found.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Every claim checked, ignored and baselined claims left out; with
    /// `explain`, at most three candidates per claim.
    pub report: Report,
    /// [`Outcome::report`] without the findings whose severity is `off`:
    /// what the formats that list findings show and what the exit code
    /// counts.
    pub findings: Report,
    /// The cross-article comparison, when asked for and there are exactly
    /// two articles.
    pub comparison: Option<CrossArticle>,
    /// With [`BaselineUse::Write`]: the findings to record.
    pub baseline: Option<Vec<baseline::Entry>>,
    /// The inputs of the run, for the formats that show the articles.
    pub inputs: Vec<Input>,
}

impl Outcome {
    /// True when a finding that `fail_on` counts is left (exit code 1).
    pub fn fails(&self, fail_on: FailOn) -> bool {
        Verdict::ALL
            .into_iter()
            .any(|v| fail_on.fails(v) && self.findings.summary.count(v) > 0)
    }

    /// The source text of each article named in `report`, for the formats
    /// that show or locate claims in it (HTML, SARIF). Claims CSVs and
    /// articles that cannot be read are left out: those formats fall back
    /// to the claims.
    pub fn sources(&self, report: &Report) -> crate::report::Sources {
        let named: std::collections::BTreeSet<&str> =
            report.claims.iter().map(|c| c.article.as_str()).collect();
        let mut sources = crate::report::Sources::new();
        for name in named {
            let text = match self.inputs.iter().find(|i| i.name == name) {
                Some(input) => input.source(),
                // An article a claims CSV names: read where it says.
                None if !name.is_empty() && !is_claims_csv(Path::new(name)) => {
                    crate::article::read(Path::new(name)).ok().map(|a| a.source)
                }
                None => None,
            };
            if let Some(text) = text {
                sources.insert(name.to_string(), text);
            }
        }
        sources
    }
}

/// The whole `check` pipeline once the reference index is loaded (see
/// [`load_index`]): loads the claims of every input (inline ignore markers
/// honoured, ids made unique), leaves out the claims the configuration
/// ignores, judges the rest against `index`, applies the baseline and the
/// severities, and compares two articles when asked.
pub fn run(request: &Request<'_>, index: &Index, inputs: Vec<Input>) -> Result<Outcome> {
    let options = request.options;
    let ignores = Ignores::new(request.ignore);
    let per_input = inputs
        .iter()
        .map(|input| input.load_claims(options.min_score))
        .collect::<Result<Vec<_>>>()?;
    let names: Vec<PathBuf> = inputs.iter().map(|i| PathBuf::from(&i.name)).collect();
    let mut claims = unique_ids(&names, per_input)?;
    claims.retain(|c| !ignores.matches(c));
    let mut report = match request.progress {
        None => check_claims(claims, index, options),
        Some(progress) => {
            let total = claims.len();
            check_claims_with_progress(claims, index, options, &|done| progress(done, total))
        }
    };
    let mut written = None;
    match &request.baseline {
        BaselineUse::None => {}
        BaselineUse::Apply(accepted) => accepted.apply(&mut report),
        BaselineUse::Write => {
            let entries = baseline::entries(&report);
            Baseline::from_entries(&entries).apply(&mut report);
            written = Some(entries);
        }
    }
    if options.explain {
        for c in &mut report.claims {
            c.candidates.truncate(3);
        }
    }
    let mut findings = report.clone();
    findings.retain(|c| !request.severities.is_off(c.verdict));
    let comparison = if request.compare {
        cross_article(&inputs, &ignores)?
    } else {
        None
    };
    Ok(Outcome {
        report,
        findings,
        comparison,
        baseline: written,
        inputs,
    })
}

/// With exactly two articles, their comparison as `compare A B` makes it
/// with its defaults; A is the one whose name sorts first, so that the
/// output does not depend on the order of the inputs.
fn cross_article(inputs: &[Input], ignores: &Ignores) -> Result<Option<CrossArticle>> {
    let [a, b] = inputs else { return Ok(None) };
    if a.is_claims_csv() || b.is_claims_csv() {
        return Ok(None);
    }
    let (a, b) = if a.name <= b.name { (a, b) } else { (b, a) };
    let comparison = compare::compare_inputs(
        a,
        b,
        compare::DEFAULT_MIN_SCORE,
        ignores,
        &compare::Options::default(),
    )?;
    Ok(Some(CrossArticle {
        a: a.name.clone(),
        b: b.name.clone(),
        comparison,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::parse_table;

    /// The default options: balanced profile, calibrated model.
    fn default_options() -> Options {
        crate::config::Config::default().options(true, false).unwrap()
    }

    #[test]
    fn long_claims_are_cut_for_matching_and_say_so() {
        let short = "The Eiffel Tower was completed in 1899.";
        assert_eq!(matching_text(short), (short, None));
        let words = vec!["tower"; MAX_CLAIM_WORDS].join(" ");
        assert_eq!(matching_text(&format!("{words}  \n")).1, None, "exactly the cap");
        let long = format!("{words} and more");
        assert_eq!(matching_text(&long), (words.as_str(), Some(MAX_CLAIM_WORDS)));
        let spaceless = "é".repeat(MAX_CLAIM_BYTES);
        let (cut, n) = matching_text(&spaceless);
        assert_eq!((cut.len(), n), (MAX_CLAIM_BYTES, Some(1)));
        let refs = parse_table(
            Path::new("r.csv"),
            "id,statement\nR1,The Eiffel Tower was completed in 1889.\n",
        )
        .unwrap();
        let index = Index::build(refs);
        let claim = Claim {
            id: "a-1".into(),
            article: "a.txt".into(),
            line: 1,
            column: 1,
            text: format!(
                "The Eiffel Tower was completed in 1899 {}",
                "and then ".repeat(1000)
            ),
            score: 1.0,
            sentence: String::new(),
            subject: String::new(),
            span: (0, 0),
        };
        let report = check_claims(vec![claim], &index, &default_options());
        let reason = &report.claims[0].reason;
        assert!(
            reason.ends_with(&format!(
                "(claim cut to its first {MAX_CLAIM_WORDS} words for matching)"
            )),
            "{reason}"
        );
        assert_eq!(
            report.claims[0].text.len(),
            39 + 9000,
            "the report keeps the whole claim"
        );
    }

    #[test]
    fn progress_variant_gives_the_same_report_and_counts_up() {
        let refs = parse_table(
            Path::new("r.csv"),
            "id,statement\nR1,The Eiffel Tower was completed in 1889.\nR2,NASA was founded in 1958.\n",
        )
        .unwrap();
        let index = Index::build(refs);
        let claims: Vec<Claim> = (0..150)
            .map(|i| Claim {
                id: format!("a-{i}"),
                article: format!("a{}.md", i % 3),
                line: 150 - i,
                column: 1,
                text: match i % 3 {
                    0 => "The Eiffel Tower was completed in 1899.".into(),
                    1 => "NASA was founded in 1958.".into(),
                    _ => "The moon is made of cheese.".into(),
                },
                score: 1.0,
                ..Claim::default()
            })
            .collect();
        let options = default_options();
        let seen = std::cell::RefCell::new(Vec::new());
        let with =
            check_claims_with_progress(claims.clone(), &index, &options, &|n| seen.borrow_mut().push(n));
        assert_eq!(with, check_claims(claims, &index, &options));
        assert_eq!(*seen.borrow(), vec![64, 128, 150]);
        assert_eq!(with.summary, Summary::of(&with.claims));
    }

    #[test]
    fn a_ready_made_claim_is_contradicted_by_its_appositive() {
        let refs = parse_table(
            Path::new("r.csv"),
            "id,statement\nR1,Ada Lovelace was a mathematician from London.\nR2,Ada Lovelace wrote notes on the Analytical Engine.\n",
        )
        .unwrap();
        let index = Index::build(refs);
        let claim = |text: &str| Claim {
            id: "a-1".into(),
            text: text.into(),
            ..Claim::default()
        };
        let report = check_claims(
            vec![claim(
                "Lovelace, a mathematician from Paris, later wrote notes on the Analytical Engine.",
            )],
            &index,
            &default_options(),
        );
        let c = &report.claims[0];
        assert_eq!(c.verdict, Verdict::Contradicted, "{c:?}");
        assert!(
            c.reason.contains("\"Paris\"")
                && c.reason
                    .contains("(in \"Lovelace was a mathematician from Paris\")"),
            "{c:?}"
        );
        // A true appositive leaves the claim to the whole sentence.
        let report = check_claims(
            vec![claim(
                "Lovelace, a mathematician from London, later wrote notes on the Analytical Engine.",
            )],
            &index,
            &default_options(),
        );
        assert_ne!(
            report.claims[0].verdict,
            Verdict::Contradicted,
            "{:?}",
            report.claims[0]
        );
    }

    #[test]
    fn the_resolved_subject_is_what_gets_judged() {
        let refs = parse_table(
            Path::new("r.csv"),
            "id,statement\nR1,The Eiffel Tower was completed in 1889.\nR2,The Ostrava rail bridge was completed in 1899.\n",
        )
        .unwrap();
        let index = Index::build(refs);
        let claim = |subject: &str| Claim {
            id: "a-1".into(),
            text: "It was completed in 1899.".into(),
            subject: subject.into(),
            ..Claim::default()
        };
        let with = check_claims(vec![claim("The Ostrava rail bridge")], &index, &default_options());
        assert_eq!(with.claims[0].verdict, Verdict::Supported, "{:?}", with.claims[0]);
        assert_eq!(with.claims[0].subject, "The Ostrava rail bridge");
        // The same words about the other subject are an error.
        let other = check_claims(vec![claim("The Eiffel Tower")], &index, &default_options());
        assert_eq!(
            other.claims[0].verdict,
            Verdict::Contradicted,
            "{:?}",
            other.claims[0]
        );
        assert_eq!(
            other.claims[0].reference.as_ref().map(|r| r.id.as_str()),
            Some("R1")
        );
    }
}
