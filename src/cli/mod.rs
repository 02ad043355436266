//! Command-line arguments (clap derive). Declared only by `main.rs`; the
//! library never sees clap.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use factcheck::project::config;
use factcheck::report;

mod flags;
mod progress;

pub use flags::{
    baseline_use, check_flags, compare_flags, input_request, render_options, threshold_flags, wants_color,
};
pub use progress::ProgressBar;

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
    /// Show the configuration file in use, or with --dump the effective configuration.
    Config(ConfigArgs),
    /// Work with reference tables (`refs lint`).
    Refs(RefsArgs),
    /// Print a shell completion script to standard output.
    Completions(CompletionsArgs),
    /// Print the man page (roff) to standard output, or with --dir write one page per subcommand.
    Man(ManArgs),
}

/// Where the configuration comes from: shared by `check`, `compare` and `config`.
#[derive(Debug, Args, Clone)]
pub struct ConfigFileArgs {
    /// Read the configuration from FILE instead of looking for factcheck.toml.
    ///
    /// Without it, factcheck looks for factcheck.toml (then .factcheck.toml) in the current
    /// directory and each parent; the closest wins. Paths in the file are relative to it.
    #[arg(
        long,
        value_name = "FILE",
        conflicts_with = "no_config",
        help_heading = "Configuration"
    )]
    pub config: Option<PathBuf>,
    /// Ignore every configuration file: defaults and flags only.
    #[arg(long, help_heading = "Configuration")]
    pub no_config: bool,
}

impl ConfigFileArgs {
    /// The library's description of the same choice.
    pub fn source(&self) -> config::Source {
        match (&self.config, self.no_config) {
            (_, true) => config::Source::None,
            (Some(path), false) => config::Source::File(path.clone()),
            (None, false) => config::Source::Discover,
        }
    }
}

/// Arguments of `config`.
#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Print the effective configuration (defaults < config file) as TOML.
    #[arg(long)]
    pub dump: bool,
    #[command(flatten)]
    pub config: ConfigFileArgs,
}

/// Arguments of `refs`.
#[derive(Debug, Args)]
pub struct RefsArgs {
    /// What to do with the tables.
    #[command(subcommand)]
    pub command: RefsCommand,
}

/// Subcommands of `refs`.
#[derive(Debug, Subcommand)]
pub enum RefsCommand {
    /// List every problem of reference tables: duplicates, contradictions, missing sources, bad rows.
    ///
    /// Prints one `PATH:LINE: message` line per problem and a count. Exits with 1 when it finds
    /// problems, 0 when the tables are clean and 2 when a table cannot be read.
    Lint(LintArgs),
    /// Index reference tables once into a file that `check --refs FILE.fcidx` loads in a fraction
    /// of the time (for very large tables). Rebuild it when the tables change.
    Index(IndexArgs),
}

/// Arguments of `refs index`.
#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Reference tables (CSV) or directories of them.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// The index file to write (atomically); by convention ending in .fcidx.
    #[arg(short, long, value_name = "FILE", required = true)]
    pub output: PathBuf,
}

/// Arguments of `refs lint`.
#[derive(Debug, Args)]
pub struct LintArgs {
    /// Reference tables (CSV) or directories of them.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

/// Arguments of `man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write factcheck.1 and one page per subcommand (factcheck-check.1, factcheck-refs-lint.1, …)
    /// into DIR, created if missing, instead of printing factcheck.1.
    ///
    /// Existing factcheck pages there are replaced atomically; any other file of the same name is
    /// left alone and the run fails before writing anything.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

/// The completion script for `shell`.
pub fn completions(shell: clap_complete::Shell) -> String {
    use clap::CommandFactory;
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "factcheck", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// Every manual page: `factcheck.1`, then one per subcommand at any depth
/// (`factcheck-refs-lint.1`), as `(file name, roff)`, in a fixed order. The
/// `SUBCOMMANDS` section of each page names the pages below it, so all of
/// them are generated together.
pub fn man_pages() -> std::io::Result<Vec<(String, Vec<u8>)>> {
    fn pages(cmd: &clap::Command, out: &mut Vec<(String, Vec<u8>)>) -> std::io::Result<()> {
        let man = clap_mangen::Man::new(cmd.clone());
        let mut roff = Vec::new();
        man.render(&mut roff)?;
        out.push((man.get_filename(), roff));
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            pages(sub, out)?;
        }
        Ok(())
    }
    use clap::CommandFactory;
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let mut out = Vec::new();
    pages(&cmd, &mut out)?;
    Ok(out)
}

/// Arguments of `completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
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
    #[arg(long, value_name = "SCORE", default_value_t = factcheck::input::extract::DEFAULT_MIN_SCORE)]
    pub min_score: f64,
}

/// Thresholds shared by `check` and `eval`.
#[derive(Debug, Args, Clone, Copy)]
pub struct Thresholds {
    /// Trade-off between catching problems and false alarms [default: balanced].
    #[arg(long, value_enum, help_heading = "Thresholds")]
    pub profile: Option<ProfileArg>,
    /// Share of a claim a reference must cover to support it (0 to 1); overrides the profile.
    #[arg(long, value_name = "SHARE", help_heading = "Thresholds")]
    pub min_support: Option<f64>,
    /// Share a reference must cover for a conflicting detail to count (0 to 1); overrides the profile.
    #[arg(long, value_name = "SHARE", help_heading = "Thresholds")]
    pub min_match: Option<f64>,
    /// Keep sentences whose check-worthiness reaches this score (0 to 1) [default: 0.5].
    #[arg(long, value_name = "SCORE", help_heading = "Thresholds")]
    pub min_score: Option<f64>,
    /// Decide by the thresholds alone, without the calibrated model.
    #[arg(long, help_heading = "Thresholds")]
    pub rules: bool,
}

/// Named profiles (see `factcheck::judge::verdict::Profile`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ProfileArg {
    /// Fewer, surer findings: for a CI gate that must not cry wolf.
    Strict,
    /// The default.
    Balanced,
    /// More findings, more false alarms: for an editor's first pass.
    Lenient,
}

/// A verdict to show in the table (`--show`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowArg {
    /// Claims a reference contradicts.
    Contradicted,
    /// Claims no reference decides.
    Unsupported,
    /// Claims a reference supports.
    Supported,
}

impl ShowArg {
    /// The library's verdict.
    pub fn to_lib(self) -> factcheck::judge::verdict::Verdict {
        use factcheck::judge::verdict::Verdict;
        match self {
            ShowArg::Contradicted => Verdict::Contradicted,
            ShowArg::Unsupported => Verdict::Unsupported,
            ShowArg::Supported => Verdict::Supported,
        }
    }
}

/// When the table is coloured (`--color`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    /// Only on a terminal, and never with NO_COLOR set.
    Auto,
    /// Always, even into a pipe or a file.
    Always,
    /// Never.
    Never,
}

/// Arguments of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Articles (.txt, .md), claims CSVs, folders of articles, or `-` for standard input.
    ///
    /// A folder is walked as ripgrep walks one: .gitignore'd and hidden files are skipped, and
    /// only .md, .markdown and .txt files are read, sorted by path; the `exclude` globs of
    /// factcheck.toml apply. Default: the `articles` of factcheck.toml, else every article in
    /// claims/. Reports name each file relative to the folder of factcheck.toml when one is in
    /// use.
    #[arg(value_name = "PATH")]
    pub inputs: Vec<PathBuf>,
    /// The name of standard input (`-`) in reports and claim ids, as if it were that file; its
    /// extension says whether it is Markdown [default: stdin, plain text].
    #[arg(long, value_name = "NAME", help_heading = "Inputs")]
    pub stdin_filename: Option<PathBuf>,
    /// Of the files given, check only the configured articles: those the `articles` globs of
    /// factcheck.toml (else claims/) match and `exclude` does not. For hooks and CI that pass
    /// every changed file; none left is no error.
    #[arg(long, help_heading = "Inputs")]
    pub only_configured: bool,
    /// Print the inputs that would be checked, one per line as reports name them, and exit.
    #[arg(long, help_heading = "Inputs")]
    pub show_files: bool,
    /// Reference table (CSV) or a directory of them; repeatable. Default: the `refs` of
    /// factcheck.toml, else references/.
    #[arg(long = "refs", value_name = "PATH")]
    pub refs: Vec<PathBuf>,
    /// Output format [default: table].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Exit with code 1 when a claim is at or above this verdict [default: contradicted].
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Exit with code 0 whatever the findings: the same as --fail-on never.
    #[arg(long, conflicts_with = "fail_on")]
    pub exit_zero: bool,
    /// Write the report here (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Show the top 3 candidate references of each claim with their scores.
    #[arg(long)]
    pub explain: bool,
    /// Verdicts shown as rows of the table, a comma list [default: all]; the summary counts
    /// every claim.
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        value_name = "VERDICTS",
        help_heading = "Table output"
    )]
    pub show: Vec<ShowArg>,
    /// Colour the table: auto (only on a terminal, never with NO_COLOR set), always or never.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto, help_heading = "Table output")]
    pub color: ColorArg,
    /// Print only the summary line of the table (the exit code is unchanged).
    #[arg(short, long, help_heading = "Table output")]
    pub quiet: bool,
    /// With exactly two articles, also compare them (as `compare A B`) after the report.
    ///
    /// Table output gets a cross-article section, JSON a `comparison` key. Default: the
    /// `compare` key of factcheck.toml, else off.
    #[arg(long)]
    pub compare: bool,
    /// Report and fail only on findings that are not in this baseline file.
    ///
    /// A finding is known by a fingerprint of its claim's text, verdict and deciding reference,
    /// never its line: moving a paragraph keeps it baselined. Baselined findings are left out of
    /// the output, the summary and the exit code.
    #[arg(long, value_name = "FILE", help_heading = "Baseline")]
    pub baseline: Option<PathBuf>,
    /// Record every current finding in this baseline file (written atomically), then report as
    /// --baseline FILE would: only supported claims remain, and the run exits with 0.
    #[arg(
        long,
        value_name = "FILE",
        conflicts_with = "baseline",
        help_heading = "Baseline"
    )]
    pub write_baseline: Option<PathBuf>,
    #[command(flatten)]
    pub thresholds: Thresholds,
    #[command(flatten)]
    pub config: ConfigFileArgs,
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
    /// Profile of the verdicts given with --refs [default: balanced].
    #[arg(long, value_enum)]
    pub profile: Option<ProfileArg>,
    #[command(flatten)]
    pub config: ConfigFileArgs,
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
    /// One self-contained HTML page: the two articles side by side, conflicts highlighted and
    /// linked between the columns.
    Html,
}

impl CompareFormat {
    /// The library's format.
    pub fn to_lib(self) -> report::ComparisonFormat {
        match self {
            CompareFormat::Table => report::ComparisonFormat::Table,
            CompareFormat::Json => report::ComparisonFormat::Json,
            CompareFormat::Csv => report::ComparisonFormat::Csv,
            CompareFormat::Markdown => report::ComparisonFormat::Markdown,
            CompareFormat::Html => report::ComparisonFormat::Html,
        }
    }
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

impl Format {
    /// The library's name for the same format.
    pub fn to_lib(self) -> report::Format {
        match self {
            Format::Table => report::Format::Table,
            Format::Json => report::Format::Json,
            Format::Csv => report::Format::Csv,
            Format::Github => report::Format::Github,
            Format::Sarif => report::Format::Sarif,
            Format::Junit => report::Format::Junit,
            Format::Markdown => report::Format::Markdown,
            Format::Claimreview => report::Format::Claimreview,
            Format::Html => report::Format::Html,
        }
    }
}

impl FailOn {
    /// The library's name for the same rule.
    pub fn to_lib(self) -> config::FailOn {
        match self {
            FailOn::Contradicted => config::FailOn::Contradicted,
            FailOn::Unsupported => config::FailOn::Unsupported,
            FailOn::Never => config::FailOn::Never,
        }
    }
}

impl ProfileArg {
    /// The library's profile.
    pub fn to_lib(self) -> factcheck::judge::verdict::Profile {
        match self {
            ProfileArg::Strict => factcheck::judge::verdict::Profile::Strict,
            ProfileArg::Balanced => factcheck::judge::verdict::Profile::Balanced,
            ProfileArg::Lenient => factcheck::judge::verdict::Profile::Lenient,
        }
    }
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

    #[test]
    fn every_format_name_is_the_library_name() {
        for f in Format::value_variants() {
            let name = f.to_possible_value().unwrap().get_name().to_string();
            assert_eq!(f.to_lib().as_str(), name);
        }
        for f in FailOn::value_variants() {
            let name = f.to_possible_value().unwrap().get_name().to_string();
            assert_eq!(f.to_lib().as_str(), name);
        }
        for p in ProfileArg::value_variants() {
            let name = p.to_possible_value().unwrap().get_name().to_string();
            assert_eq!(p.to_lib().as_str(), name);
        }
    }

    #[test]
    fn documented_min_score_default_is_the_library_default() {
        let cmd = Cli::command();
        let check = cmd.find_subcommand("check").unwrap();
        let arg = check.get_arguments().find(|a| a.get_id() == "min_score").unwrap();
        let help = arg.get_help().unwrap().to_string();
        assert!(
            help.ends_with(&format!(
                "[default: {}]",
                factcheck::input::extract::DEFAULT_MIN_SCORE
            )),
            "{help}"
        );
    }

    #[test]
    fn exit_zero_conflicts_with_fail_on_and_baselines_with_each_other() {
        assert!(Cli::try_parse_from(["factcheck", "check", "--exit-zero"]).is_ok());
        assert!(Cli::try_parse_from(["factcheck", "check", "--exit-zero", "--fail-on", "never"]).is_err());
        assert!(
            Cli::try_parse_from(["factcheck", "check", "--baseline", "a", "--write-baseline", "b"]).is_err()
        );
        assert!(Cli::try_parse_from(["factcheck", "config", "--config", "a", "--no-config"]).is_err());
    }
}
