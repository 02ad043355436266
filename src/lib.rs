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
//! use factcheck::{index::Index, reference::Reference, verdict::{judge, Settings, Verdict}};
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
//! # Ok::<(), factcheck::verdict::CalibrationError>(())
//! ```
#![deny(missing_docs)]
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod article;
pub mod baseline;
pub mod calibration;
pub mod capped;
pub mod check;
pub mod claim;
pub mod compare;
pub mod config;
pub mod csv_input;
pub mod error;
pub mod eval;
pub mod extract;
pub mod ignore;
pub mod index;
pub mod inputs;
pub mod lexicon;
pub mod lint;
pub mod matching;
pub mod output;
pub mod reference;
pub mod relations;
pub mod report;
pub mod store;
pub mod text;
pub mod verdict;
pub mod wordnet;

pub use error::{Error, Result};
