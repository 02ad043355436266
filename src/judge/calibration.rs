//! The calibrated scorer: a small multinomial logistic regression over the
//! features of a claim's evidence, whose weights ship in
//! `src/data/calibration.txt` (trained by `tools/train_calibration.py` on a
//! named split of the public benchmark, see the file's header).
//!
//! It only chooses among the verdicts the evidence can explain (see
//! `verdict`); it never invents a reference or a reason.

use std::sync::OnceLock;

/// Declares [`Features`] and [`FEATURE_NAMES`] from one list, so that the
/// field names, their order and the weights file's column names cannot
/// drift apart.
macro_rules! features {
    ($($(#[doc = $doc:literal])+ $name:ident,)+) => {
        /// Feature values of one claim's evidence, by name.
        #[derive(Debug, Clone, Copy, PartialEq, Default)]
        pub struct Features {
            $($(#[doc = $doc])+ pub $name: f64,)+
        }

        /// Names of the features, in the order of [`Features::values`]: the
        /// field names of [`Features`], the column names of the weights file
        /// and of `eval --dump-features`.
        pub const FEATURE_NAMES: [&str; FEATURE_COUNT] = [$(stringify!($name)),+];

        impl Features {
            /// The values, in the order of [`FEATURE_NAMES`].
            pub fn values(&self) -> [f64; FEATURE_COUNT] {
                [$(self.$name),+]
            }
        }
    };
}

/// Number of features.
pub const FEATURE_COUNT: usize = 23;

features! {
    /// Always 1: the intercept.
    bias,
    /// Best coverage of the claim by any candidate.
    best_coverage,
    /// Best coverage by a candidate about the claim's subject.
    subject_coverage,
    /// Best share accounted for (matched or in conflict) by a candidate about the subject.
    subject_aligned,
    /// 1 when some candidate is about the claim's subject.
    any_subject,
    /// Coverage of the best supporting reference.
    support_coverage,
    /// Share of the claim's predicate the best supporting reference has.
    support_predicate,
    /// Coverage of the best pair of supporting references together.
    joint_coverage,
    /// Coverage of the best conflicting reference.
    conflict_coverage,
    /// 1 when that reference has a strong conflict.
    conflict_strong,
    /// 1 when it has a negation conflict.
    conflict_negation,
    /// 1 when it has a number or date conflict.
    conflict_number_date,
    /// 1 when it has a name or role conflict.
    conflict_name,
    /// 1 when it has a closed-class or antonym conflict.
    conflict_category_antonym,
    /// 1 when it has another detail conflict.
    conflict_detail,
    /// Coverage of the best matching reference rated false.
    known_false_coverage,
    /// Top BM25 score over the query's total IDF, capped at 2.
    retrieval,
    /// ln(1 + the claim's content words).
    log_length,
    /// Hedging and subjective words in the claim, capped at 3.
    hedges,
    /// 1 when the claim holds a negation.
    claim_negated,
    /// Coverage of the claim by all candidates together.
    union_coverage,
    /// Share of candidates about the claim's subject.
    share_same_subject,
    /// Share of candidates with a conflict.
    share_conflicting,
}

/// The verdict rows of the weights file, in the order of
/// [`Calibration::probabilities`].
const ROWS: [&str; 3] = ["supported", "contradicted", "unsupported"];

/// Why a weights file does not parse (lines are 1-based).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum CalibrationError {
    /// A weights row comes before the `features` line naming the columns.
    #[error("line {line}: weights before the `features` line that names their columns")]
    NoHeader {
        /// The line.
        line: usize,
    },
    /// The `features` line is given twice.
    #[error("line {line}: a second `features` line")]
    SecondHeader {
        /// The line.
        line: usize,
    },
    /// The `features` line names a feature this version does not compute.
    #[error("line {line}: unknown feature `{name}`")]
    UnknownFeature {
        /// The line.
        line: usize,
        /// The name.
        name: String,
    },
    /// The `features` line names a feature twice.
    #[error("line {line}: feature `{name}` named twice")]
    DuplicateFeature {
        /// The line.
        line: usize,
        /// The name.
        name: String,
    },
    /// The `features` line leaves out a feature this version computes.
    #[error("line {line}: feature `{name}` missing")]
    MissingFeature {
        /// The line.
        line: usize,
        /// The name.
        name: &'static str,
    },
    /// A row other than a verdict.
    #[error("line {line}: unknown row `{row}` (expected supported, contradicted or unsupported)")]
    UnknownRow {
        /// The line.
        line: usize,
        /// The row's first word.
        row: String,
    },
    /// A verdict row given twice.
    #[error("line {line}: second `{row}` row")]
    DuplicateRow {
        /// The line.
        line: usize,
        /// The verdict.
        row: &'static str,
    },
    /// A row with more or fewer weights than there are columns.
    #[error("line {line}: {found} weights for {expected} features")]
    WeightCount {
        /// The line.
        line: usize,
        /// Weights on the line.
        found: usize,
        /// Features named by the `features` line.
        expected: usize,
    },
    /// A weight that is not a finite number.
    #[error("line {line}: bad weight `{value}`")]
    BadNumber {
        /// The line.
        line: usize,
        /// The text.
        value: String,
    },
    /// A verdict has no row.
    #[error("no `{row}` row")]
    MissingRow {
        /// The verdict.
        row: &'static str,
    },
}

/// Weights per verdict (supported, contradicted, unsupported), each in the
/// order of [`FEATURE_NAMES`].
#[derive(Debug, Clone, PartialEq)]
pub struct Calibration {
    weights: [[f64; FEATURE_COUNT]; 3],
}

impl Calibration {
    /// Parses the text format: `#` comments, a `features` line naming the
    /// columns (every feature once, in any order), then one line per verdict
    /// with its weights in the columns' order.
    pub fn parse(text: &str) -> Result<Calibration, CalibrationError> {
        let mut weights = [[0.0; FEATURE_COUNT]; 3];
        let mut seen = [false; 3];
        // Column i of the file holds feature `columns[i]` (an index in FEATURE_NAMES).
        let mut columns: Option<Vec<usize>> = None;
        for (n, line) in text.lines().enumerate() {
            let line_no = n + 1;
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.split_whitespace();
            let head = parts.next().unwrap_or("");
            let rest: Vec<&str> = parts.collect();
            if head == "features" {
                if columns.is_some() {
                    return Err(CalibrationError::SecondHeader { line: line_no });
                }
                columns = Some(header(line_no, &rest)?);
                continue;
            }
            let Some(row) = ROWS.iter().position(|r| *r == head) else {
                return Err(CalibrationError::UnknownRow {
                    line: line_no,
                    row: head.to_string(),
                });
            };
            let Some(columns) = &columns else {
                return Err(CalibrationError::NoHeader { line: line_no });
            };
            if seen[row] {
                return Err(CalibrationError::DuplicateRow {
                    line: line_no,
                    row: ROWS[row],
                });
            }
            if rest.len() != columns.len() {
                return Err(CalibrationError::WeightCount {
                    line: line_no,
                    found: rest.len(),
                    expected: columns.len(),
                });
            }
            for (&feature, v) in columns.iter().zip(&rest) {
                weights[row][feature] = v.parse::<f64>().ok().filter(|w| w.is_finite()).ok_or_else(|| {
                    CalibrationError::BadNumber {
                        line: line_no,
                        value: v.to_string(),
                    }
                })?;
            }
            seen[row] = true;
        }
        match seen.iter().position(|s| !s) {
            Some(row) => Err(CalibrationError::MissingRow { row: ROWS[row] }),
            None => Ok(Calibration { weights }),
        }
    }

    /// The model shipped with factcheck (`src/data/calibration.txt`, parsed
    /// once). A unit test checks that it parses; should an edited file not,
    /// this is the error, never a model of zeros.
    pub fn shipped() -> Result<&'static Calibration, CalibrationError> {
        static MODEL: OnceLock<Result<Calibration, CalibrationError>> = OnceLock::new();
        MODEL
            .get_or_init(|| Calibration::parse(include_str!("../data/calibration.txt")))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Probabilities of supported, contradicted and unsupported.
    pub fn probabilities(&self, f: &Features) -> [f64; 3] {
        let values = f.values();
        let z: Vec<f64> = self
            .weights
            .iter()
            .map(|w| w.iter().zip(values.iter()).map(|(a, b)| a * b).sum())
            .collect();
        let max = z.iter().copied().fold(f64::MIN, f64::max);
        let e: Vec<f64> = z.iter().map(|v| (v - max).exp()).collect();
        let sum: f64 = e.iter().sum();
        [e[0] / sum, e[1] / sum, e[2] / sum]
    }
}

/// The columns a `features` line names, as indices in [`FEATURE_NAMES`]:
/// every name known, none twice, none missing.
fn header(line: usize, names: &[&str]) -> Result<Vec<usize>, CalibrationError> {
    let mut columns = Vec::with_capacity(names.len());
    for name in names {
        let Some(i) = FEATURE_NAMES.iter().position(|f| f == name) else {
            return Err(CalibrationError::UnknownFeature {
                line,
                name: name.to_string(),
            });
        };
        if columns.contains(&i) {
            return Err(CalibrationError::DuplicateFeature {
                line,
                name: name.to_string(),
            });
        }
        columns.push(i);
    }
    match (0..FEATURE_COUNT).find(|i| !columns.contains(i)) {
        Some(i) => Err(CalibrationError::MissingFeature {
            line,
            name: FEATURE_NAMES[i],
        }),
        None => Ok(columns),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A weights file with the given columns and rows.
    fn file(columns: &[&str], rows: &[(&str, Vec<String>)]) -> String {
        let mut text = format!("# test model\nfeatures {}\n", columns.join(" "));
        for (row, w) in rows {
            text.push_str(&format!("{row} {}\n", w.join(" ")));
        }
        text
    }

    fn zeros() -> Vec<String> {
        vec!["0".to_string(); FEATURE_COUNT]
    }

    #[test]
    fn shipped_model_parses() {
        let model = Calibration::shipped().expect("src/data/calibration.txt parses");
        // Not a model of zeros: the intercepts differ per verdict.
        assert!(model.weights.iter().any(|w| w[0] != 0.0));
    }

    #[test]
    fn names_match_fields() {
        let f = Features {
            support_coverage: 0.5,
            share_conflicting: 0.25,
            ..Features::default()
        };
        let values = f.values();
        let at = |name: &str| values[FEATURE_NAMES.iter().position(|n| *n == name).unwrap()];
        assert_eq!(at("support_coverage"), 0.5);
        assert_eq!(at("share_conflicting"), 0.25);
        assert_eq!(values.iter().sum::<f64>(), 0.75);
    }

    #[test]
    fn probabilities_follow_weights_by_column_name() {
        // Columns in reverse order: the weight of 4 is under `best_coverage`.
        let columns: Vec<&str> = FEATURE_NAMES.iter().rev().copied().collect();
        let mut sup = zeros();
        let col = columns.iter().position(|c| *c == "best_coverage").unwrap();
        sup[col] = "4".into();
        let text = file(
            &columns,
            &[
                ("supported", sup),
                ("contradicted", zeros()),
                ("unsupported", zeros()),
            ],
        );
        let model = Calibration::parse(&text).unwrap();
        let f = Features {
            best_coverage: 1.0,
            ..Features::default()
        };
        let p = model.probabilities(&f);
        assert!(p[0] > 0.9, "{p:?}");
        assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        // Another feature set to 1 does not move it.
        let g = Features {
            support_coverage: 1.0,
            ..Features::default()
        };
        assert!((model.probabilities(&g)[0] - 1.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn bad_files_are_typed_errors() {
        let all = || FEATURE_NAMES.to_vec();
        let rows = || {
            vec![
                ("supported", zeros()),
                ("contradicted", zeros()),
                ("unsupported", zeros()),
            ]
        };
        let parse = |text: String| Calibration::parse(&text).unwrap_err();

        let mut unknown = all();
        unknown[3] = "subject_alined";
        assert_eq!(
            parse(file(&unknown, &rows())),
            CalibrationError::UnknownFeature {
                line: 2,
                name: "subject_alined".into()
            }
        );
        let mut twice = all();
        twice[3] = "bias";
        assert_eq!(
            parse(file(&twice, &rows())),
            CalibrationError::DuplicateFeature {
                line: 2,
                name: "bias".into()
            }
        );
        let missing = &all()[..FEATURE_COUNT - 1];
        assert_eq!(
            parse(file(missing, &rows())),
            CalibrationError::MissingFeature {
                line: 2,
                name: "share_conflicting"
            }
        );
        let mut short = rows();
        short[1].1.pop();
        assert_eq!(
            parse(file(&all(), &short)),
            CalibrationError::WeightCount {
                line: 4,
                found: FEATURE_COUNT - 1,
                expected: FEATURE_COUNT
            }
        );
        let mut nan = rows();
        nan[2].1[5] = "NaN".into();
        assert_eq!(
            parse(file(&all(), &nan)),
            CalibrationError::BadNumber {
                line: 5,
                value: "NaN".into()
            }
        );
        assert_eq!(
            parse(file(&all(), &rows()[..2])),
            CalibrationError::MissingRow { row: "unsupported" }
        );
        let mut again = rows();
        again[2].0 = "supported";
        assert_eq!(
            parse(file(&all(), &again)),
            CalibrationError::DuplicateRow {
                line: 5,
                row: "supported"
            }
        );
        let mut other = rows();
        other[0].0 = "maybe";
        assert_eq!(
            parse(file(&all(), &other)),
            CalibrationError::UnknownRow {
                line: 3,
                row: "maybe".into()
            }
        );
        assert_eq!(
            parse(format!("supported {}\n", zeros().join(" "))),
            CalibrationError::NoHeader { line: 1 }
        );
    }
}
