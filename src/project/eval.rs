//! Accuracy figures of a check against gold labels: accuracy, macro-F1,
//! per-label precision / recall / F1 and the confusion matrix.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Serialize;

use crate::check::Report;
use crate::csv_input::CsvTable;
use crate::error::Result;
use crate::verdict::Verdict;

/// Gold evidence: claim id -> ids of the references that decide it.
pub type Evidence = BTreeMap<String, BTreeSet<String>>;

/// Reads an evidence map (`claim_id,ref_id`, optional `evidence_label` or
/// `status`). Rows without a reference, or whose evidence label is
/// `unsupported`, are not evidence.
pub fn read_evidence(path: &Path) -> Result<Evidence> {
    let table = CsvTable::read(path, &["claim_id", "ref_id"])?;
    let mut out = Evidence::new();
    for (_, record) in &table.rows {
        let r = table.get(record, "ref_id");
        let label = table.get(record, "evidence_label");
        if r.is_empty() || label.eq_ignore_ascii_case("unsupported") {
            continue;
        }
        out.entry(table.get(record, "claim_id").to_string())
            .or_default()
            .insert(r.to_string());
    }
    Ok(out)
}

/// Retrieval figures: how often the deciding reference (or, when none
/// decided, the best candidate) is gold; how often a gold reference is among
/// the first five candidates; and how often BM25 alone ranks a gold one first.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Retrieval {
    /// Claims with gold evidence in the report.
    pub claims: usize,
    /// Share with a gold reference ranked first.
    pub recall_at_1: f64,
    /// Share with a gold reference among the first five.
    pub recall_at_5: f64,
    /// Share whose best BM25 candidate (before re-ranking) is gold.
    pub retriever_at_1: f64,
}

/// Computes recall@1 and recall@5 over the candidates kept in a report
/// (check with `explain` on so that candidates are kept).
pub fn retrieval(report: &Report, evidence: &Evidence) -> Retrieval {
    let (mut n, mut at1, mut at5, mut bm1) = (0usize, 0usize, 0usize, 0usize);
    for c in &report.claims {
        let Some(gold) = evidence.get(&c.id) else { continue };
        n += 1;
        // The deciding reference, or the best candidate when none decided.
        let first = c
            .reference
            .as_ref()
            .map(|r| &r.id)
            .or(c.candidates.first().map(|k| &k.id));
        if first.is_some_and(|id| gold.contains(id)) {
            at1 += 1;
        }
        let by_bm25 = c
            .candidates
            .iter()
            .max_by(|a, b| a.retrieval.total_cmp(&b.retrieval).then(b.id.cmp(&a.id)));
        if by_bm25.is_some_and(|k| gold.contains(&k.id)) {
            bm1 += 1;
        }
        if c.candidates.iter().take(5).any(|k| gold.contains(&k.id)) {
            at5 += 1;
        }
    }
    let share = |k: usize| if n > 0 { r4(k as f64 / n as f64) } else { 0.0 };
    Retrieval {
        claims: n,
        recall_at_1: share(at1),
        recall_at_5: share(at5),
        retriever_at_1: share(bm1),
    }
}

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
    /// `confusion[gold][predicted]` = count.
    pub confusion: BTreeMap<String, BTreeMap<String, usize>>,
    /// Retrieval figures, when gold evidence was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retrieval: Option<Retrieval>,
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
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        labels.insert(
            l,
            LabelScores {
                precision: r4(precision),
                recall: r4(recall),
                f1: r4(f1),
                support,
            },
        );
    }
    let macro_f1 = labels.values().map(|s| s.f1).sum::<f64>() / 3.0;
    Evaluation {
        claims: n,
        accuracy: r4(if n > 0 { correct as f64 / n as f64 } else { 0.0 }),
        macro_f1: r4(macro_f1),
        labels,
        confusion,
        retrieval: None,
    }
}

fn r4(v: f64) -> f64 {
    (v * 10000.0).round() / 10000.0
}

/// The whole `eval` run: reads the labelled claims, the evidence map (if
/// any) and the reference tables, checks the claims and scores the
/// verdicts (and, with evidence, retrieval) against the labels. With
/// `features`, also the [`features_csv`] of the claims.
pub fn run(
    claims: &Path,
    tables: &[std::path::PathBuf],
    evidence: Option<&Path>,
    options: &crate::check::Options,
    features: bool,
) -> Result<(Evaluation, Option<String>)> {
    let gold = crate::claim::read_labels(claims)?;
    let evidence = evidence.map(read_evidence).transpose()?;
    let index = crate::check::load_index(tables)?;
    let claims = crate::claim::read_claims(claims)?;
    let features = features.then(|| {
        features_csv(
            &crate::check::features_of(&claims, &index, &options.settings),
            &gold,
        )
    });
    let report = crate::check::check_claims(claims, &index, options);
    let mut e = evaluate(&report, &gold);
    e.retrieval = evidence.map(|ev| retrieval(&report, &ev));
    Ok((e, features))
}

/// The features of each claim's evidence with its gold label, as the CSV
/// `eval --dump-features` writes for training the calibrated model
/// (`id,label,` then one column per feature, 6 decimals).
pub fn features_csv(
    features: &[(String, crate::verdict::Features)],
    gold: &BTreeMap<String, String>,
) -> String {
    let mut out = format!("id,label,{}\n", crate::calibration::FEATURE_NAMES.join(","));
    for (id, f) in features {
        let values: Vec<String> = f.values().iter().map(|v| format!("{v:.6}")).collect();
        let label = gold.get(id).map_or("", String::as_str);
        out.push_str(&format!("{id},{label},{}\n", values.join(",")));
    }
    out
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
            sentence: String::new(),
            subject: String::new(),
            span: (0, 0),
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
        let gold: BTreeMap<String, String> = [
            ("a", "supported"),
            ("b", "contradicted"),
            ("c", "contradicted"),
            ("d", "unsupported"),
        ]
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
