//! Rendering a `check` [`Outcome`] (or a [`Comparison`]) into one output
//! format: [`render`] and [`render_comparison`] map each [`Format`] and
//! [`ComparisonFormat`] to its renderer.
//!
//! Every renderer builds the whole output in memory; the CLI writes it once,
//! so no output file is ever half-written. Machine formats carry no colour
//! and no timings, and are byte-identical for the same inputs. Text from
//! articles and tables is escaped through [`escape`]; claims are found in
//! their articles by [`locate()`].

mod claimreview;
mod compare;
mod csv;
pub mod escape;
mod evaluation;
mod github;
mod html;
mod json;
mod junit;
mod locate;
mod markdown;
pub mod output;
mod sarif;
mod table;

use serde::Deserialize;

use crate::check::{Outcome, Report};
use crate::compare::Comparison;
use crate::config::Severities;

pub use self::claimreview::report_claimreview;
pub use self::compare::{
    comparison_csv, comparison_html, comparison_json, comparison_markdown, comparison_table,
    report_json_with_comparison,
};
pub use self::csv::{claims_csv, report_csv};
pub use self::evaluation::{evaluation_json, evaluation_text};
pub use self::github::report_github;
pub use self::html::{is_web_url, report_html, Sources};
pub use self::json::report_json;
pub use self::junit::report_junit;
pub use self::locate::locate;
pub use self::markdown::report_markdown;
pub use self::sarif::report_sarif;
pub use self::table::{report_table, table_rows, table_summary, terminal_width, TableOptions, DEFAULT_WIDTH};

/// Output formats of `check` (the names `--format` takes).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// A readable table for the terminal.
    #[default]
    Table,
    /// JSON: claims and summary.
    Json,
    /// CSV: one row per claim.
    Csv,
    /// GitHub Actions annotations.
    Github,
    /// SARIF 2.1.0.
    Sarif,
    /// JUnit XML.
    Junit,
    /// A Markdown pull-request comment.
    Markdown,
    /// schema.org ClaimReview JSON-LD.
    Claimreview,
    /// A self-contained HTML page.
    Html,
}

impl Format {
    /// The name used in the config file and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Github => "github",
            Format::Sarif => "sarif",
            Format::Junit => "junit",
            Format::Markdown => "markdown",
            Format::Claimreview => "claimreview",
            Format::Html => "html",
        }
    }

    /// True for the formats that list findings for a CI system (GitHub
    /// annotations, SARIF, JUnit, a Markdown comment): findings whose
    /// severity is `off` are left out of them.
    pub fn lists_findings(self) -> bool {
        matches!(
            self,
            Format::Github | Format::Sarif | Format::Junit | Format::Markdown
        )
    }
}

impl Format {
    /// True for the formats that show the cross-article comparison of
    /// `check --compare`: a section after the table, a `comparison` key in JSON.
    pub fn shows_comparison(self) -> bool {
        matches!(self, Format::Table | Format::Json)
    }
}

/// How [`render`] writes a `check` outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderOptions {
    /// The output format.
    pub format: Format,
    /// How the terminal table is drawn.
    pub table: TableOptions,
    /// The table without its rows (the summary line only).
    pub quiet: bool,
    /// The table followed by each claim's candidates.
    pub explain: bool,
    /// Severities of the findings, for the formats that have one (GitHub
    /// annotation commands, SARIF levels).
    pub severities: Severities,
}

impl RenderOptions {
    /// True when the output shows the cross-article comparison: a format
    /// that has it, and not the quiet table.
    pub fn shows_comparison(&self) -> bool {
        self.format.shows_comparison() && !(self.quiet && self.format == Format::Table)
    }
}

/// Renders a `check` outcome: the formats that list findings for a CI
/// system ([`Format::lists_findings`]) show [`Outcome::findings`], the
/// others [`Outcome::report`]; the table and JSON add the cross-article
/// comparison when there is one, and the table ends with its summary line.
pub fn render(outcome: &Outcome, options: &RenderOptions) -> String {
    let format = options.format;
    let shown = if format.lists_findings() {
        &outcome.findings
    } else {
        &outcome.report
    };
    let severities = &options.severities;
    let comparison = outcome.comparison.as_ref().filter(|_| options.shows_comparison());
    match format {
        Format::Table => {
            let mut out = String::new();
            if !options.quiet {
                out.push_str(&table_rows(shown, &options.table));
                if options.explain {
                    out.push_str(&explanations(shown));
                }
            }
            if let Some(c) = comparison {
                out.push_str(&format!(
                    "\ncross-article comparison: A = {}, B = {}\n{}",
                    escape::terminal(&c.a),
                    escape::terminal(&c.b),
                    comparison_table(&c.comparison, options.table.color, Some(options.table.width))
                ));
            }
            // The summary line closes the output, after every section.
            out + &table_summary(shown)
        }
        Format::Json => match comparison {
            Some(c) => report_json_with_comparison(&outcome.report, &c.comparison),
            None => report_json(shown),
        },
        Format::Csv => report_csv(shown),
        Format::Github => report_github(shown, severities),
        Format::Sarif => report_sarif(shown, &outcome.sources(shown), severities),
        Format::Junit => report_junit(shown),
        Format::Markdown => report_markdown(shown),
        Format::Claimreview => report_claimreview(shown),
        Format::Html => report_html(shown, &outcome.sources(shown)),
    }
}

/// The names of the inputs, one a line, as reports show them
/// (`check --show-files`).
pub fn input_names(inputs: &[crate::inputs::Input]) -> String {
    inputs
        .iter()
        .map(|i| format!("{}\n", escape::terminal(&i.name)))
        .collect()
}

/// Output formats of `compare` (the names its `--format` takes).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ComparisonFormat {
    /// A readable table for the terminal.
    #[default]
    Table,
    /// JSON: pairs and the claims of each article alone.
    Json,
    /// CSV: one row per pair or lone claim.
    Csv,
    /// Markdown tables.
    Markdown,
    /// A self-contained HTML page, the articles side by side.
    Html,
}

/// Renders a comparison of articles `a` and `b` (their names as given);
/// `color` only for the table.
pub fn render_comparison(
    c: &Comparison,
    format: ComparisonFormat,
    names: (&str, &str),
    color: bool,
) -> String {
    match format {
        ComparisonFormat::Table => comparison_table(c, color, None),
        ComparisonFormat::Json => comparison_json(c),
        ComparisonFormat::Csv => comparison_csv(c),
        ComparisonFormat::Markdown => comparison_markdown(c),
        ComparisonFormat::Html => comparison_html(c, names.0, names.1),
    }
}

/// The candidates of each claim, under the table (`check --explain`).
fn explanations(report: &Report) -> String {
    let mut out = String::from(
        "\ncandidates (retrieval score, coverage, subject found; accounted for, matched words, conflicts):\n",
    );
    for c in &report.claims {
        let list: Vec<String> = c
            .candidates
            .iter()
            .map(|k| {
                let conflicts = if k.conflicts.is_empty() {
                    "no conflict".to_string()
                } else {
                    k.conflicts.join("; ")
                };
                format!(
                    "{} ({:.2}, {:.2}, {}; {:.2}, [{}], {})",
                    escape::terminal(&k.id),
                    k.retrieval,
                    k.coverage,
                    if k.subject { "yes" } else { "no" },
                    k.aligned,
                    escape::terminal(&k.matched.join(", ")),
                    escape::terminal(&conflicts)
                )
            })
            .collect();
        out.push_str(&format!(
            "  {}: {}\n",
            escape::terminal(&c.id),
            if list.is_empty() {
                "none".to_string()
            } else {
                list.join(", ")
            }
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Severity;
    use crate::verdict::Verdict;

    fn sample_report() -> crate::check::Report {
        use crate::check::{Checked, Report, Summary};
        let claim = |id: &str, line: usize, verdict: Verdict| Checked {
            id: id.into(),
            article: "a.md".into(),
            line,
            column: 1,
            text: format!("Claim {id}."),
            verdict,
            score: 0.5,
            reference: None,
            reason: "why".into(),
            candidates: Vec::new(),
            sentence: String::new(),
            subject: String::new(),
            span: (0, 0),
        };
        let claims = vec![
            claim("a-1", 1, Verdict::Supported),
            claim("a-2", 2, Verdict::Contradicted),
            claim("a-3", 3, Verdict::Unsupported),
        ];
        Report {
            summary: Summary::of(&claims),
            claims,
        }
    }

    #[test]
    fn github_commands_follow_the_severities() {
        let report = sample_report();
        let severities = Severities {
            contradicted: Some(Severity::Warning),
            unsupported: Some(Severity::Note),
        };
        let out = report_github(&report, &severities);
        let commands: Vec<&str> = out.lines().map(|l| l.split(' ').next().unwrap()).collect();
        assert_eq!(commands, ["::warning", "::notice"]);
        assert!(
            out.lines().next().unwrap().ends_with("::Claim a-2. \u{2014} why"),
            "{out}"
        );
    }

    #[test]
    fn sarif_levels_follow_the_severities_and_nothing_else_changes() {
        let report = sample_report();
        let original = report_sarif(&report, &Sources::new(), &Severities::default());
        let severities = Severities {
            contradicted: Some(Severity::Note),
            unsupported: Some(Severity::Error),
        };
        let out = report_sarif(&report, &Sources::new(), &severities);
        let log: serde_json::Value = serde_json::from_str(&out).unwrap();
        let run = &log["runs"][0];
        let levels: Vec<&str> = run["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["level"].as_str().unwrap())
            .collect();
        assert_eq!(levels, ["note", "error"]);
        let rules: Vec<&str> = run["tool"]["driver"]["rules"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["defaultConfiguration"]["level"].as_str().unwrap())
            .collect();
        assert_eq!(rules, ["note", "error", "note"]);
        assert_eq!(out.lines().count(), original.lines().count());
        let differing = out.lines().zip(original.lines()).filter(|(a, b)| a != b).count();
        assert_eq!(
            differing, 4,
            "only the levels of two results and two rules change"
        );
    }

    #[test]
    fn github_severities_apply_to_claims_that_share_a_sentence() {
        // Found in issue 17: the severities were applied by rewriting the
        // rendered lines, one per claim, and left the output as it was when
        // two claims of one sentence gave one annotation.
        let mut report = sample_report();
        for c in &mut report.claims {
            c.sentence = "One sentence.".into();
        }
        report.claims[2].verdict = Verdict::Contradicted;
        let severities = Severities {
            contradicted: Some(Severity::Warning),
            unsupported: None,
        };
        let out = report_github(&report, &severities);
        assert_eq!(out.lines().count(), 1, "{out}");
        assert!(out.starts_with("::warning "), "{out}");
    }
}
