//! factcheck finds the factual claims in an article, matches each against a
//! reference table of trusted statements, and labels every claim
//! **supported**, **contradicted** or **unsupported**, with the deciding
//! reference and a reason.
//!
//! The library never prints; the `factcheck` binary is a thin layer over it:
//! it parses its arguments, resolves the configuration, calls one function
//! of the library, renders, writes and exits.
//!
//! # The API
//!
//! The modules follow the pipeline:
//!
//! | module | what it does |
//! |---|---|
//! | [`input`] | what a run reads (articles, claims CSVs, reference tables, the inputs of `check`) and the claims extracted from articles |
//! | [`text`] | sentences, tokens and stems |
//! | [`retrieval`] | the index of the reference tables that proposes candidates, and its saved form |
//! | [`judge`] | aligning a claim with each candidate, the verdict and its reason |
//! | [`check`] | the whole `check` run |
//! | [`compare`] | comparing the claims of two articles |
//! | [`project`] | configuration, ignored claims, baselines, `refs lint`, `eval` |
//! | [`report`] | rendering into every output format, and writing outputs safely |
//!
//! The entry points:
//!
//! - [`check::run`] takes a [`check::Request`] (thresholds, ignores,
//!   severities, baseline, comparison), the [`retrieval::index::Index`] of
//!   the tables ([`check::load_index`]) and the
//!   [`input::inputs::Input`]s ([`input::inputs::discover`]), and gives an
//!   [`check::Outcome`]; [`report::render`] writes it in a
//!   [`report::Format`].
//! - [`compare::run`] compares two articles; [`report::render_comparison`]
//!   writes the comparison.
//! - [`judge::verdict::judge`] judges one claim, as below.
//! - [`project::config::load`] finds and reads `factcheck.toml`.
//!
//! Errors are one type, [`Error`], whose message names the file and line.
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
