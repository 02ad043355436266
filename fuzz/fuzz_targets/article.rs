//! Article parsing (text and Markdown -> sentences -> claims).
//! The body lives in fuzz/harness.rs, shared with the crasher replay test.
#![no_main]

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::article(data));
