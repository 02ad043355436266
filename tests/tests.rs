//! The one integration-test binary (see Cargo.toml: autotests = false).

// Shared helpers: the binary under test and fixture paths.
mod util;

// Every subcommand, format and exit code, on small fixtures.
mod cli;
// Bad inputs: each gets a one-line `PATH:LINE: message` and exit code 2.
mod bad_input;
// The bundled demo data gives a credible result.
mod demo;
// Report formats (github, sarif, junit, markdown, claimreview, html), parsed back; html also in headless Chromium.
mod formats;
// Property tests (proptest): parsing, extraction and rendering never panic and keep their invariants.
mod properties;
// The bad-input catalogue, safe output, determinism and replayed fuzz crashers (issue 7).
mod catalogue;
// `compare` on the demo articles and on two articles with planted conflicts (issue 4).
mod compare;
// factcheck.toml: discovery, precedence, errors, dump, example, severities, --exit-zero, completions, man (issue 5).
mod config;
// Inline ignore markers and the config's [ignore] list (issue 5).
mod ignore;
// Baselines: --write-baseline and --baseline (issue 5).
mod baseline;
// `refs lint` on fixtures with each problem kind and on the demo table (issue 5).
mod lint;
// A content repository adopts factcheck: config, baseline, new finding, inline ignore (issue 5).
mod adoption;
// Outputs never destroy a file; cut claims, escape sequences, huge cells and lines, reference folders (issue 14).
mod safety;
// The terminal table for people: width, findings first, summary last, --show, --color, -q (issue 15).
mod terminal;
// Inputs like the content linters: folders, stdin, repository-relative names, --only-configured; man --dir; the example configuration (issue 15).
mod inputs;
// The GitHub Action's script against a temporary git repository with a base and a head commit (issue 15).
mod action;
// README.md and docs/*.md: the two commands, every shell command shown runs as written, links resolve (issue 17).
mod readme;
