//! What a project sets around a run: the configuration file, ignored
//! claims, baselines, the linting of its reference tables, and the
//! evaluation of the engine on labelled claims.

pub mod baseline;
pub mod config;
pub mod eval;
pub mod ignore;
pub mod lint;
