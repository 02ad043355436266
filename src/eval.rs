//! Accuracy figures of a check against gold labels: accuracy, macro-F1,
//! per-label precision / recall / F1 and the confusion matrix.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::check::Report;
use crate::verdict::Verdict;

/// Precision, recall and F1 of one label.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LabelScores {
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
    /// Gold count.
    pub support: usize,
}

/// The figures of an evaluation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluation {
    /// Claims evaluated.
    pub claims: usize,
    /// Share of claims with the gold verdict.
    pub accuracy: f64,
    /// Mean F1 over the three labels.
    pub macro_f1: f64,
    /// Scores per label.
    pub labels: BTreeMap<String, LabelScores>,
    /// confusion[gold][predicted] = count.
    pub confusion: BTreeMap<String, BTreeMap<String, usize>>,
}

/// Compares a report with gold labels (claim id -> label). Claims without a
/// gold label are left out.
pub fn evaluate(report: &Report, gold: &BTreeMap<String, String>) -> Evaluation {
    let mut confusion: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for g in Verdict::ALL {
        let row = confusion.entry(g.to_string()).or_default();
        for p in Verdict::ALL {
            row.insert(p.to_string(), 0);
        }
    }
    let mut n = 0;
    let mut correct = 0;
    for c in &report.claims {
        let Some(g) = gold.get(&c.id) else { continue };
        n += 1;
        if g == c.verdict.as_str() {
            correct += 1;
        }
        if let Some(row) = confusion.get_mut(g) {
            *row.entry(c.verdict.to_string()).or_default() += 1;
        }
    }
    let mut labels = BTreeMap::new();
    for v in Verdict::ALL {
        let l = v.to_string();
        let tp = confusion[&l][&l] as f64;
        let predicted: usize = confusion.values().map(|row| row[&l]).sum();
        let support: usize = confusion[&l].values().sum();
        let precision = if predicted > 0 { tp / predicted as f64 } else { 0.0 };
        let recall = if support > 0 { tp / support as f64 } else { 0.0 };
        let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
        labels.insert(l, LabelScores { precision: r4(precision), recall: r4(recall), f1: r4(f1), support });
    }
    let macro_f1 = labels.values().map(|s| s.f1).sum::<f64>() / 3.0;
    Evaluation {
        claims: n,
        accuracy: r4(if n > 0 { correct as f64 / n as f64 } else { 0.0 }),
        macro_f1: r4(macro_f1),
        labels,
        confusion,
    }
}

fn r4(v: f64) -> f64 {
    (v * 10000.0).round() / 10000.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Checked, Summary};

    fn checked(id: &str, v: Verdict) -> Checked {
        Checked {
            id: id.into(),
            article: String::new(),
            line: 0,
            column: 0,
            text: String::new(),
            verdict: v,
            score: 1.0,
            reference: None,
            reason: String::new(),
            candidates: Vec::new(),
        }
    }

    #[test]
    fn computes_accuracy_f1_and_confusion() {
        let report = Report {
            claims: vec![
                checked("a", Verdict::Supported),
                checked("b", Verdict::Supported),
                checked("c", Verdict::Contradicted),
                checked("d", Verdict::Unsupported),
            ],
            summary: Summary::default(),
        };
        let gold: BTreeMap<String, String> = [("a", "supported"), ("b", "contradicted"), ("c", "contradicted"), ("d", "unsupported")]
            .into_iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        let e = evaluate(&report, &gold);
        assert_eq!(e.claims, 4);
        assert_eq!(e.accuracy, 0.75);
        assert_eq!(e.confusion["contradicted"]["supported"], 1);
        let s = &e.labels["supported"];
        assert_eq!((s.precision, s.recall), (0.5, 1.0));
        let c = &e.labels["contradicted"];
        assert_eq!((c.precision, c.recall), (1.0, 0.5));
        // F1: supported 0.6667, contradicted 0.6667, unsupported 1.0
        assert_eq!(e.macro_f1, 0.7778);
    }
}
