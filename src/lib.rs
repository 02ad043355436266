//! factcheck finds the factual claims in an article, matches each against a
//! reference table of trusted statements, and labels every claim
//! **supported**, **contradicted** or **unsupported**, with the deciding
//! reference and a reason.
//!
//! The library never prints; the `factcheck` binary is a thin layer over it.
//!
//! # Example
//!
//! ```
//! use factcheck::input::reference::Reference;
//! use factcheck::judge::verdict::{judge, Settings, Verdict};
//! use factcheck::retrieval::index::Index;
//!
//! let refs = vec![Reference {
//!     id: "R1".into(),
//!     statement: "The Eiffel Tower was completed in 1889.".into(),
//!     source: "https://www.toureiffel.paris".into(),
//!     rating: true,
//!     aliases: vec![],
//!     origin: ("refs.csv".into(), 2),
//! }];
//! let index = Index::build(refs);
//! let settings = Settings::balanced()?; // fails only if the shipped model does not parse
//! let j = judge("The Eiffel Tower was completed in 1899.", &index, &settings);
//! assert_eq!(j.verdict, Verdict::Contradicted);
//! assert_eq!(j.reason, "date differs: claim 1899, reference 1889 (ref R1)");
//! # Ok::<(), factcheck::judge::verdict::CalibrationError>(())
//! ```
#![deny(missing_docs)]
#![warn(clippy::print_stdout, clippy::print_stderr)]

// The pipeline, in order: what a run reads and the claims in it; the
// language they are written in; the candidate references of each claim;
// the verdict; the whole `check` run; the comparison of two articles; what
// a project sets around a run; the outputs.
pub mod check;
pub mod compare;
pub mod error;
pub mod input;
pub mod judge;
pub mod project;
pub mod report;
pub mod retrieval;
pub mod text;

// Short paths inside the crate (`crate::verdict`), as before the modules
// were grouped, so that the files did not change when they moved.
use input::{article, capped, claim, csv_input, extract, inputs, reference};
use judge::{calibration, matching, verdict};
use project::{baseline, config, eval, ignore};
use report::output;
use retrieval::{index, store};
use text::{lexicon, relations, wordnet};

pub use error::{Error, Result};
