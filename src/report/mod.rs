//! Rendering a [`Report`](crate::check::Report) into one output format.
//!
//! Every renderer builds the whole output in memory; the CLI writes it once,
//! so no output file is ever half-written. Machine formats carry no colour
//! and no timings, and are byte-identical for the same inputs.

mod claimreview;
mod compare;
mod csv;
mod evaluation;
mod github;
mod html;
mod json;
mod junit;
mod markdown;
mod sarif;
mod table;

pub use self::claimreview::report_claimreview;
pub use self::compare::{
    comparison_csv, comparison_json, comparison_markdown, comparison_table, report_json_with_comparison,
};
pub use self::csv::{claims_csv, report_csv};
pub use self::evaluation::{evaluation_json, evaluation_text};
pub use self::github::report_github;
pub use self::html::{escape_html, is_web_url, locate, report_html, Sources};
pub use self::json::report_json;
pub use self::junit::report_junit;
pub use self::markdown::report_markdown;
pub use self::sarif::report_sarif;
pub use self::table::report_table;

/// Neutralises a cell for spreadsheets: a leading `= + - @`, tab or carriage
/// return would start a formula, so it is prefixed with a single quote.
pub fn safe_cell(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// Removes control characters (escape sequences included) from text bound for a terminal.
pub fn strip_controls(text: &str) -> String {
    text.chars()
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .filter(|c| !c.is_control() && !is_bidi_control(*c))
        .collect()
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_that_start_formulas_are_neutralised() {
        assert_eq!(safe_cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(safe_cell("@x"), "'@x");
        assert_eq!(safe_cell("-1"), "'-1");
        assert_eq!(safe_cell("plain"), "plain");
    }

    #[test]
    fn control_characters_are_stripped() {
        assert_eq!(strip_controls("a\u{1b}[31mred\u{202E}"), "a[31mred");
    }
}
