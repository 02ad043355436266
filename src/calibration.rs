//! The calibrated scorer: a small multinomial logistic regression over the
//! features of a claim's evidence, whose weights ship in
//! `src/data/calibration.txt` (trained by `tools/train_calibration.py` on a
//! named split of the public benchmark, see the file's header).
//!
//! It only chooses among the verdicts the evidence can explain (see
//! `verdict`); it never invents a reference or a reason.

use std::sync::OnceLock;

/// Names of the features, in order.
pub const FEATURE_NAMES: [&str; 23] = [
    "bias",
    "best_coverage",
    "subject_coverage",
    "subject_aligned",
    "any_subject",
    "support_coverage",
    "support_predicate",
    "joint_coverage",
    "conflict_coverage",
    "conflict_strong",
    "conflict_negation",
    "conflict_number_date",
    "conflict_name",
    "conflict_category_antonym",
    "conflict_detail",
    "known_false_coverage",
    "retrieval",
    "log_length",
    "hedges",
    "claim_negated",
    "union_coverage",
    "share_same_subject",
    "share_conflicting",
];

/// Feature values of one claim, in the order of [`FEATURE_NAMES`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Features(pub [f64; FEATURE_NAMES.len()]);

/// Weights per verdict (supported, contradicted, unsupported).
#[derive(Debug, Clone, PartialEq)]
pub struct Calibration {
    weights: [[f64; FEATURE_NAMES.len()]; 3],
}

impl Calibration {
    /// Parses the text format: `#` comments, a `features` line naming the
    /// features in order, then one line per verdict with its weights.
    pub fn parse(text: &str) -> Result<Calibration, String> {
        let mut weights = [[0.0; FEATURE_NAMES.len()]; 3];
        let mut seen = [false; 3];
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.split_whitespace();
            let head = parts.next().unwrap_or("");
            let rest: Vec<&str> = parts.collect();
            if head == "features" {
                if rest != FEATURE_NAMES {
                    return Err(format!("line {}: feature names do not match this version", n + 1));
                }
                continue;
            }
            let row = match head {
                "supported" => 0,
                "contradicted" => 1,
                "unsupported" => 2,
                other => return Err(format!("line {}: unknown row `{other}`", n + 1)),
            };
            if rest.len() != FEATURE_NAMES.len() {
                return Err(format!(
                    "line {}: expected {} weights",
                    n + 1,
                    FEATURE_NAMES.len()
                ));
            }
            for (w, v) in weights[row].iter_mut().zip(&rest) {
                *w = v
                    .parse()
                    .map_err(|_| format!("line {}: bad number `{v}`", n + 1))?;
            }
            seen[row] = true;
        }
        if seen.iter().all(|s| *s) {
            Ok(Calibration { weights })
        } else {
            Err("missing a verdict row".into())
        }
    }

    /// The model shipped with factcheck.
    pub fn shipped() -> &'static Calibration {
        static MODEL: OnceLock<Calibration> = OnceLock::new();
        MODEL.get_or_init(|| {
            // The file is part of the source tree and checked by a unit test.
            Calibration::parse(include_str!("data/calibration.txt")).unwrap_or(Calibration {
                weights: [[0.0; FEATURE_NAMES.len()]; 3],
            })
        })
    }

    /// Probabilities of supported, contradicted and unsupported.
    pub fn probabilities(&self, f: &Features) -> [f64; 3] {
        let z: Vec<f64> = self
            .weights
            .iter()
            .map(|w| w.iter().zip(f.0.iter()).map(|(a, b)| a * b).sum())
            .collect();
        let max = z.iter().copied().fold(f64::MIN, f64::max);
        let e: Vec<f64> = z.iter().map(|v| (v - max).exp()).collect();
        let sum: f64 = e.iter().sum();
        [e[0] / sum, e[1] / sum, e[2] / sum]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_model_parses() {
        assert!(Calibration::parse(include_str!("data/calibration.txt")).is_ok());
    }

    #[test]
    fn probabilities_follow_weights() {
        let mut text = format!("features {}\n", FEATURE_NAMES.join(" "));
        let zeros = vec!["0"; FEATURE_NAMES.len()].join(" ");
        let mut sup = vec!["0"; FEATURE_NAMES.len()];
        sup[1] = "4";
        text.push_str(&format!(
            "supported {}\ncontradicted {zeros}\nunsupported {zeros}\n",
            sup.join(" ")
        ));
        let model = Calibration::parse(&text).unwrap();
        let mut f = Features([0.0; FEATURE_NAMES.len()]);
        f.0[1] = 1.0;
        let p = model.probabilities(&f);
        assert!(p[0] > 0.9 && (p.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        assert!(Calibration::parse("supported 1 2\n").is_err());
    }
}
