//! CSV outputs: the check report flattened, and the claims CSV of `extract`.
//! Cells that would start a spreadsheet formula are neutralised.

use super::escape;
use crate::check::Report;
use crate::claim::Claim;

fn write_rows(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    // Writing to a Vec cannot fail.
    let _ = w.write_record(header);
    for row in rows {
        let _ = w.write_record(row.iter().map(|c| escape::spreadsheet(c)));
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// Renders a report as CSV, one row per claim.
pub fn report_csv(report: &Report) -> String {
    let header = [
        "id",
        "article",
        "line",
        "column",
        "text",
        "verdict",
        "score",
        "reference_id",
        "reference_statement",
        "reference_source",
        "reason",
    ];
    write_rows(
        &header,
        report.claims.iter().map(|c| {
            let (rid, rst, rsrc) = c
                .reference
                .as_ref()
                .map_or((String::new(), String::new(), String::new()), |r| {
                    (r.id.clone(), r.statement.clone(), r.source.clone())
                });
            vec![
                c.id.clone(),
                c.article.clone(),
                c.line.to_string(),
                c.column.to_string(),
                c.text.clone(),
                c.verdict.to_string(),
                format!("{:.3}", c.score),
                rid,
                rst,
                rsrc,
                c.reason.clone(),
            ]
        }),
    )
}

/// Renders extracted claims as a claims CSV (`id,article,line,column,text,score`).
pub fn claims_csv(claims: &[Claim]) -> String {
    write_rows(
        &[
            "id", "article", "line", "column", "text", "score", "sentence", "subject",
        ],
        claims.iter().map(|c| {
            vec![
                c.id.clone(),
                c.article.clone(),
                c.line.to_string(),
                c.column.to_string(),
                c.text.clone(),
                format!("{:.2}", c.score),
                c.sentence.clone(),
                c.subject.clone(),
            ]
        }),
    )
}
