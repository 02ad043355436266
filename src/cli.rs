//! Command-line arguments (clap derive). Declared only by `main.rs`; the
//! library never sees clap.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Find the factual claims in articles and check them against reference tables.
#[derive(Debug, Parser)]
#[command(name = "factcheck", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract check-worthy claims from articles into a claims CSV.
    Extract(ExtractArgs),
    /// Check claims (articles or claims CSVs) against reference tables.
    Check(CheckArgs),
    /// Measure accuracy against a labelled claims CSV.
    Eval(EvalArgs),
    /// Compare two articles: which claims agree, conflict or share a topic.
    Compare(CompareArgs),
}

/// Arguments of `extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Articles (.txt or .md).
    #[arg(required = true)]
    pub articles: Vec<PathBuf>,
    /// Write the claims CSV here instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Keep sentences whose check-worthiness reaches this score (0 to 1).
    #[arg(long, value_name = "SCORE", default_value_t = factcheck::extract::DEFAULT_MIN_SCORE)]
    pub min_score: f64,
}

/// Thresholds shared by `check` and `eval`.
#[derive(Debug, Args, Clone, Copy)]
pub struct Thresholds {
    /// Trade-off between catching problems and false alarms.
    #[arg(long, value_enum, default_value_t = ProfileArg::Balanced, help_heading = "Thresholds")]
    pub profile: ProfileArg,
    /// Share of a claim a reference must cover to support it (0 to 1); overrides the profile.
    #[arg(long, value_name = "SHARE", help_heading = "Thresholds")]
    pub min_support: Option<f64>,
    /// Share a reference must cover for a conflicting detail to count (0 to 1); overrides the profile.
    #[arg(long, value_name = "SHARE", help_heading = "Thresholds")]
    pub min_match: Option<f64>,
    /// Keep sentences whose check-worthiness reaches this score (0 to 1).
    #[arg(long, value_name = "SCORE", default_value_t = factcheck::extract::DEFAULT_MIN_SCORE, help_heading = "Thresholds")]
    pub min_score: f64,
    /// Decide by the thresholds alone, without the calibrated model.
    #[arg(long, help_heading = "Thresholds")]
    pub rules: bool,
}

/// Named profiles (see `factcheck::verdict::Profile`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ProfileArg {
    /// Fewer, surer findings: for a CI gate that must not cry wolf.
    Strict,
    /// The default.
    Balanced,
    /// More findings, more false alarms: for an editor's first pass.
    Lenient,
}

/// Arguments of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Articles (.txt, .md) or claims CSVs. Default: every article in claims/.
    pub inputs: Vec<PathBuf>,
    /// Reference table (CSV) or a directory of them; repeatable. Default: references/.
    #[arg(long = "refs", value_name = "PATH")]
    pub refs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Exit with code 1 when a claim is at or above this verdict.
    #[arg(long, value_enum, default_value_t = FailOn::Contradicted)]
    pub fail_on: FailOn,
    /// Write the report here (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Show the top 3 candidate references of each claim with their scores.
    #[arg(long)]
    pub explain: bool,
    #[command(flatten)]
    pub thresholds: Thresholds,
}

/// Arguments of `compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Article A (.txt, .md) or its claims CSV.
    pub a: PathBuf,
    /// Article B (.txt, .md) or its claims CSV.
    pub b: PathBuf,
    /// Also judge every claim against this reference table (CSV) or directory of them; repeatable.
    ///
    /// Each claim's own verdict is shown next to it, apart from how it relates to the other
    /// article: two articles can agree with each other and both be wrong.
    #[arg(long = "refs", value_name = "PATH")]
    pub refs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CompareFormat::Table)]
    pub format: CompareFormat,
    /// Write the comparison here (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Exit with code 1 when a claim of A conflicts with a claim of B.
    #[arg(long)]
    pub fail_on_conflict: bool,
    /// Compare sentences whose check-worthiness reaches this score (0 to 1).
    ///
    /// The default, 0, compares every sentence of the articles: what two articles share is often
    /// said in sentences that are not worth checking on their own.
    #[arg(long, value_name = "SCORE", default_value_t = factcheck::compare::DEFAULT_MIN_SCORE)]
    pub min_score: f64,
    /// Profile of the verdicts given with --refs.
    #[arg(long, value_enum, default_value_t = ProfileArg::Balanced)]
    pub profile: ProfileArg,
}

/// Output formats of `compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    /// Readable tables for the terminal.
    Table,
    /// JSON: pairs, only_a, only_b.
    Json,
    /// CSV: one row per pair, then one per claim found in one article only.
    Csv,
    /// A Markdown table, for a pull request or a wiki.
    Markdown,
}

/// Arguments of `eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Claims CSV with a `label` column (supported, contradicted, unsupported).
    pub claims: PathBuf,
    /// Reference table (CSV) or a directory of them; repeatable.
    #[arg(long = "refs", value_name = "PATH", required = true)]
    pub refs: Vec<PathBuf>,
    /// Write each claim's evidence features and gold label to this CSV (to
    /// train the calibrated model with tools/train_calibration.py).
    #[arg(long, value_name = "FILE")]
    pub dump_features: Option<PathBuf>,
    /// Gold evidence map (`claim_id,ref_id`): adds recall@1 and recall@5.
    #[arg(long, value_name = "FILE")]
    pub evidence: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = EvalFormat::Table)]
    pub format: EvalFormat,
    #[command(flatten)]
    pub thresholds: Thresholds,
}

/// Report formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A readable table for the terminal.
    Table,
    /// JSON: claims and summary.
    Json,
    /// CSV: one row per claim.
    Csv,
    /// GitHub Actions annotations: one ::error/::warning line per finding.
    Github,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
    /// JUnit XML: a test suite per article, a test case per claim.
    Junit,
    /// Markdown: a pull-request comment with a table of findings.
    Markdown,
    /// schema.org ClaimReview JSON-LD, one review per claim.
    Claimreview,
    /// One self-contained HTML page with the claims highlighted in the text.
    Html,
}

/// Output formats of `eval`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EvalFormat {
    /// Readable figures.
    Table,
    /// JSON figures.
    Json,
}

/// Which verdicts fail the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Fail on contradicted claims.
    Contradicted,
    /// Fail on contradicted or unsupported claims.
    Unsupported,
    /// Never fail on findings.
    Never,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
