//! The terminal table (comfy-table): the findings first (contradicted, then
//! unsupported, then supported, each in article order), a row per claim; the
//! summary line is rendered apart ([`table_summary`]) so that it can close the
//! whole output.

use comfy_table::{
    presets::UTF8_FULL_CONDENSED, Cell, Color, ColumnConstraint, ContentArrangement, Table, Width,
};

use super::escape;
use crate::check::{Checked, Report};
use crate::verdict::Verdict;

/// The width when neither the terminal nor `COLUMNS` gives one.
pub const DEFAULT_WIDTH: u16 = 100;

/// How the terminal table is drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableOptions {
    /// ANSI colours for the verdicts.
    pub color: bool,
    /// Total width in columns.
    pub width: u16,
    /// The verdicts shown as rows (the summary counts every claim).
    pub show: Vec<Verdict>,
}

impl Default for TableOptions {
    fn default() -> Self {
        TableOptions {
            color: false,
            width: DEFAULT_WIDTH,
            show: vec![Verdict::Contradicted, Verdict::Unsupported, Verdict::Supported],
        }
    }
}

/// The width of the terminal table: `COLUMNS` when it holds a number, else
/// the terminal's width when standard output is one, else [`DEFAULT_WIDTH`].
pub fn terminal_width(columns: Option<&str>) -> u16 {
    if let Some(n) = columns
        .and_then(|c| c.trim().parse::<u16>().ok())
        .filter(|&n| n > 0)
    {
        return n;
    }
    Table::new().width().filter(|&n| n > 0).unwrap_or(DEFAULT_WIDTH)
}

/// Where a verdict sorts: findings first.
fn rank(v: Verdict) -> u8 {
    match v {
        Verdict::Contradicted => 0,
        Verdict::Unsupported => 1,
        Verdict::Supported => 2,
    }
}

/// Renders a report as a table followed by its summary line; `color` only
/// for a terminal without NO_COLOR. `None` for the width is [`DEFAULT_WIDTH`].
pub fn report_table(report: &Report, color: bool, width: Option<u16>) -> String {
    let options = TableOptions {
        color,
        width: width.unwrap_or(DEFAULT_WIDTH),
        ..TableOptions::default()
    };
    format!("{}{}", table_rows(report, &options), table_summary(report))
}

/// The table alone (no summary line), with the rows of `options.show` only:
/// contradicted, then unsupported, then supported, each by article, line and
/// column. Under the reason of a contradicted claim come the reference
/// statement and its source. Empty when no row is shown.
pub fn table_rows(report: &Report, options: &TableOptions) -> String {
    let mut rows: Vec<&Checked> = report
        .claims
        .iter()
        .filter(|c| options.show.contains(&c.verdict))
        .collect();
    if rows.is_empty() {
        return String::new();
    }
    rows.sort_by(|a, b| {
        (rank(a.verdict), &a.article, a.line, a.column).cmp(&(rank(b.verdict), &b.article, b.line, b.column))
    });
    let mut table = Table::new();
    table
        .load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(options.width)
        .set_header(vec!["location", "claim", "verdict", "reference", "reason"])
        // Locations stay whole (editors click them) when there is room; the
        // claim and the reason share the rest.
        .set_constraints(vec![
            if options.width >= 120 {
                ColumnConstraint::ContentWidth
            } else {
                ColumnConstraint::UpperBoundary(Width::Fixed(options.width * 3 / 10))
            },
            ColumnConstraint::LowerBoundary(Width::Fixed(16)),
            ColumnConstraint::Absolute(Width::Fixed(14)),
            ColumnConstraint::Boundaries {
                lower: Width::Fixed(6),
                upper: Width::Fixed(11),
            },
            ColumnConstraint::LowerBoundary(Width::Fixed(16)),
        ]);
    if options.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    for c in rows {
        let location = if c.line > 0 {
            format!("{}:{}:{}", c.article, c.line, c.column)
        } else {
            format!("{} ({})", c.article, c.id)
        };
        let mut verdict = Cell::new(c.verdict.as_str());
        if options.color {
            verdict = verdict.fg(match c.verdict {
                Verdict::Supported => Color::Green,
                Verdict::Contradicted => Color::Red,
                Verdict::Unsupported => Color::Yellow,
            });
        }
        let mut reason = escape::terminal(&c.reason);
        if let (Verdict::Contradicted, Some(r)) = (c.verdict, &c.reference) {
            reason.push_str(&format!("\n  reference: {}", escape::terminal(&r.statement)));
            if !r.source.trim().is_empty() {
                reason.push_str(&format!("\n  source: {}", escape::terminal(&r.source)));
            }
        }
        table.add_row(vec![
            Cell::new(escape::terminal(&location)),
            Cell::new(escape::terminal(&c.shown_text())),
            verdict,
            Cell::new(
                c.reference
                    .as_ref()
                    .map_or("-".to_string(), |r| escape::terminal(&r.id)),
            ),
            Cell::new(reason),
        ]);
    }
    format!("{table}\n")
}

/// The summary line: every claim of the report, whatever is shown.
pub fn table_summary(report: &Report) -> String {
    let s = &report.summary;
    format!(
        "{} claims: {} supported, {} contradicted, {} unsupported\n",
        report.claims.len(),
        s.supported,
        s.contradicted,
        s.unsupported
    )
}
