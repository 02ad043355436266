//! The terminal table (comfy-table): a row per claim, then a summary line.

use comfy_table::{
    presets::UTF8_FULL_CONDENSED, Cell, Color, ColumnConstraint, ContentArrangement, Table, Width,
};

use super::strip_controls;
use crate::check::Report;
use crate::verdict::Verdict;

/// Renders a report as a table; `color` only for a terminal without NO_COLOR.
pub fn report_table(report: &Report, color: bool, width: Option<u16>) -> String {
    let mut table = Table::new();
    table
        .load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width.unwrap_or(160))
        .set_header(vec!["location", "claim", "verdict", "reference", "reason"])
        // Locations stay whole (editors click them); the claim and the reason share the rest.
        .set_constraints(vec![
            ColumnConstraint::ContentWidth,
            ColumnConstraint::LowerBoundary(Width::Fixed(30)),
            ColumnConstraint::Absolute(Width::Fixed(14)),
            ColumnConstraint::UpperBoundary(Width::Fixed(11)),
            ColumnConstraint::LowerBoundary(Width::Fixed(30)),
        ]);
    for c in &report.claims {
        let location = if c.line > 0 {
            format!("{}:{}:{}", c.article, c.line, c.column)
        } else {
            format!("{} ({})", c.article, c.id)
        };
        let mut verdict = Cell::new(c.verdict.as_str());
        if color {
            verdict = verdict.fg(match c.verdict {
                Verdict::Supported => Color::Green,
                Verdict::Contradicted => Color::Red,
                Verdict::Unsupported => Color::Yellow,
            });
        }
        table.add_row(vec![
            Cell::new(strip_controls(&location)),
            Cell::new(strip_controls(&c.shown_text())),
            verdict,
            Cell::new(
                c.reference
                    .as_ref()
                    .map_or("-".to_string(), |r| strip_controls(&r.id)),
            ),
            Cell::new(strip_controls(&c.reason)),
        ]);
    }
    let s = &report.summary;
    format!(
        "{table}\n{} claims: {} supported, {} contradicted, {} unsupported\n",
        report.claims.len(),
        s.supported,
        s.contradicted,
        s.unsupported
    )
}
