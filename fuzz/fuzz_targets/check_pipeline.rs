//! The whole check: reference table + article -> index -> judge -> reports.
//! The body lives in fuzz/harness.rs, shared with the crasher replay test.
#![no_main]

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::check_pipeline(data));
