//! Finding the candidate references of a claim: the in-memory index of the
//! reference tables, and its saved form (`refs index`, `.fcidx`).

pub mod index;
pub mod store;
