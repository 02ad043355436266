//! The one integration-test binary (see Cargo.toml: autotests = false).

// Shared helpers: the binary under test and fixture paths.
mod util;

// Every subcommand, format and exit code, on small fixtures.
mod cli;
// Bad inputs: each gets a one-line `PATH:LINE: message` and exit code 2.
mod bad_input;
// The bundled demo data gives a credible result.
mod demo;
