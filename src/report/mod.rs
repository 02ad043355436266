//! Rendering a [`Report`](crate::check::Report) into one output format.
//!
//! Every renderer builds the whole output in memory; the CLI writes it once,
//! so no output file is ever half-written. Machine formats carry no colour
//! and no timings, and are byte-identical for the same inputs.

mod csv;
mod evaluation;
mod json;
mod table;

pub use self::csv::{claims_csv, report_csv};
pub use self::evaluation::{evaluation_json, evaluation_text};
pub use self::json::report_json;
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
