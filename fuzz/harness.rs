//! The bodies of the fuzz targets, shared with the test that replays kept
//! crashers (`tests/catalogue.rs`, `fuzz_crashers_stay_fixed`): a crasher
//! is fixed when its target's function returns on it without panicking.
//!
//! Each function checks more than "no panic": the invariants the rest of
//! the program relies on (locations inside the source, errors with a line).

// Each target uses one of these functions.
#![allow(dead_code)]

use std::path::Path;

use factcheck::check::check_claims;
use factcheck::input::article::{decode, Article};
use factcheck::input::claim::parse_claims;
use factcheck::input::extract::extract;
use factcheck::input::reference::{alias_groups, parse_table};
use factcheck::report;
use factcheck::retrieval::index::Index;
use factcheck::text::split_sentences;
use factcheck::Error;

/// Article parsing: bytes -> UTF-8 check -> plain text or Markdown blocks
/// -> sentences -> claims. The first byte picks Markdown (odd) or text (even).
pub fn article(data: &[u8]) {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let markdown = mode & 1 == 1;
    let name = if markdown { "fuzz.md" } else { "fuzz.txt" };
    let Ok(source) = decode(Path::new(name), rest.to_vec()) else {
        return;
    };
    let article = Article::parse(name, source, markdown);
    for block in &article.blocks {
        let mut end = 0;
        for r in split_sentences(&block.text) {
            assert!(
                r.start >= end && r.start < r.end && r.end <= block.text.len(),
                "{r:?}"
            );
            assert!(block.text.is_char_boundary(r.start) && block.text.is_char_boundary(r.end));
            end = r.end;
        }
    }
    let lines: Vec<&str> = article.source.split('\n').collect();
    for claim in extract(&article, 0.0) {
        assert!(
            claim.line >= 1 && claim.line <= lines.len(),
            "line {}",
            claim.line
        );
        let width = lines[claim.line - 1].chars().count();
        assert!(
            claim.column >= 1 && claim.column <= width + 1,
            "column {}",
            claim.column
        );
        assert!(!claim.text.is_empty());
    }
}

fn assert_located<T>(result: Result<T, Error>) -> Option<T> {
    match result {
        Ok(v) => Some(v),
        Err(Error::Invalid { line, .. }) => {
            assert!(line >= 1, "line 0");
            None
        }
        Err(e) => panic!("unexpected error kind: {e:?}"),
    }
}

/// Reference and claims CSV loading from text: rows come back, or an
/// `Invalid` error that names a line >= 1.
pub fn reference_csv(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // Lines as the loader counts them: LF, CRLF or a lone CR ends one.
    let bytes = text.as_bytes();
    let lines = 1
        + (0..bytes.len())
            .filter(|&i| bytes[i] == b'\n' || (bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
            .count() as u64;
    if let Some(refs) = assert_located(parse_table(Path::new("refs.csv"), text)) {
        for r in &refs {
            let line = r.origin.1;
            assert!(line >= 2 && line <= lines, "row line {line} of {lines}");
        }
        let _ = alias_groups(&refs);
    }
    assert_located(parse_claims(Path::new("claims.csv"), text));
}

/// The whole check: a reference table and an article in, every report
/// format out. The input is split at its first 0xFF byte (never valid
/// UTF-8, so it cannot occur inside either text): table before, article after.
pub fn check_pipeline(data: &[u8]) {
    let Some(cut) = data.iter().position(|&b| b == 0xFF) else {
        return;
    };
    let Ok(table) = std::str::from_utf8(&data[..cut]) else {
        return;
    };
    let Ok(refs) = parse_table(Path::new("refs.csv"), table) else {
        return;
    };
    let Ok(source) = decode(Path::new("a.md"), data[cut + 1..].to_vec()) else {
        return;
    };
    let index = Index::build(refs);
    let markdown = source.len() % 2 == 0;
    let article = Article::parse("a.md", source, markdown);
    let claims = extract(&article, 0.0);
    let n = claims.len();
    let options = factcheck::project::config::Config::default()
        .options(true, true)
        .expect("the shipped model parses");
    let report = check_claims(claims, &index, &options);
    assert_eq!(report.claims.len(), n);
    for c in &report.claims {
        assert!((0.0..=1.0).contains(&c.score), "score {}", c.score);
    }
    let json = report::report_json(&report);
    serde_json::from_str::<serde_json::Value>(&json).expect("JSON parses back");
    let _ = report::report_csv(&report);
    let table = report::report_table(&report, false, Some(100));
    assert!(!table.contains('\u{1b}'), "escape in table");
}
