//! Rendering of `eval` figures: a readable block or JSON.

use comfy_table::{presets::UTF8_FULL_CONDENSED, Table};

use crate::eval::Evaluation;
use crate::verdict::Verdict;

/// Renders evaluation figures for a terminal.
pub fn evaluation_text(e: &Evaluation) -> String {
    let mut labels = Table::new();
    labels
        .load_preset(UTF8_FULL_CONDENSED)
        .set_header(vec!["label", "precision", "recall", "f1", "gold"]);
    for (label, s) in &e.labels {
        labels.add_row(vec![
            label.clone(),
            format!("{:.4}", s.precision),
            format!("{:.4}", s.recall),
            format!("{:.4}", s.f1),
            s.support.to_string(),
        ]);
    }
    let mut confusion = Table::new();
    let mut header = vec!["gold \\ predicted".to_string()];
    header.extend(Verdict::ALL.iter().map(|v| v.to_string()));
    confusion.load_preset(UTF8_FULL_CONDENSED).set_header(header);
    for g in Verdict::ALL {
        let row = &e.confusion[g.as_str()];
        let mut cells = vec![g.to_string()];
        cells.extend(Verdict::ALL.iter().map(|p| row[p.as_str()].to_string()));
        confusion.add_row(cells);
    }
    let retrieval = e.retrieval.map_or(String::new(), |r| {
        format!(
            "retrieval over {} claims with gold evidence: recall@1 {:.4} (deciding reference), recall@5 {:.4}, BM25 top-1 {:.4}\n",
            r.claims, r.recall_at_1, r.recall_at_5, r.retriever_at_1
        )
    });
    format!(
        "claims: {}\naccuracy: {:.4}\nmacro-F1: {:.4}\n{labels}\n{confusion}\n{retrieval}",
        e.claims, e.accuracy, e.macro_f1
    )
}

/// Renders evaluation figures as JSON.
pub fn evaluation_json(e: &Evaluation) -> String {
    let mut out = serde_json::to_string_pretty(e).unwrap_or_default();
    out.push('\n');
    out
}
