//! Deciding a claim: aligning it word by word with each candidate
//! reference, the verdict and its reason, and the calibrated model that
//! turns the evidence into a confidence.

pub mod calibration;
pub mod matching;
pub mod verdict;
