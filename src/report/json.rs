//! JSON output: the [`Report`] serialised by serde, pretty-printed.

use crate::check::Report;

/// Renders a report as JSON (`{"claims":[...],"summary":{...}}`), newline-terminated.
pub fn report_json(report: &Report) -> String {
    let mut out = serde_json::to_string_pretty(report).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    out.push('\n');
    out
}
