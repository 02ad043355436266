//! Property tests (issue 7): on arbitrary text, article parsing, sentence
//! splitting, claim extraction and CSV loading never panic and keep the
//! invariants the rest of the program relies on; the JSON and CSV renderers
//! produce output that parses back to what was rendered.
//!
//! Case counts are kept small so the whole module runs in a few seconds in
//! a debug build; the fuzz targets (fuzz/) explore the same ground for longer.

use std::path::Path;

use proptest::prelude::*;

use factcheck::check::{Checked, RefSummary, Report, Summary};
use factcheck::input::article::{decode, Article};
use factcheck::input::claim::{parse_claims, Claim};
use factcheck::input::csv_input::CsvTable;
use factcheck::input::extract::{extract, DEFAULT_MIN_SCORE};
use factcheck::input::reference::parse_table;
use factcheck::judge::verdict::Verdict;
use factcheck::report::escape::spreadsheet as safe_cell;
use factcheck::report::{claims_csv, report_csv, report_json, report_table};
use factcheck::text::split_sentences;
use factcheck::Error;

/// Characters that break naive text handling: controls, bidi overrides and
/// isolates, zero-width characters, line and paragraph separators, a BOM,
/// combining marks.
const NASTY: &[char] = &[
    '\0', '\u{1}', '\u{7}', '\u{8}', '\u{b}', '\u{c}', '\u{1b}', '\u{7f}', '\u{85}', '\r', '\t', '\u{200B}',
    '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}',
    '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{2028}', '\u{2029}', '\u{FEFF}',
    '\u{301}', '\u{FFFD}',
];

/// Pieces of prose and markup that reach the interesting branches: sentence
/// ends, abbreviations, clause connectors, quotes, Markdown block markers.
const MARKS: &[&str] = &[
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    ". ",
    "! ",
    "? ",
    "...",
    "; ",
    ", and ",
    ", but ",
    " — ",
    "—",
    " – ",
    " - ",
    ", ",
    ": ",
    "\"",
    "“",
    "”",
    "'",
    "’s",
    "(",
    ")",
    "U.S. ",
    "Dr. ",
    "No. 5",
    "e.g. ",
    "3.5",
    "1,000",
    "# ",
    "> ",
    "- ",
    "* ",
    "1. ",
    "`",
    "```\n",
    "| a | b |\n|---|---|\n",
    "<b>",
    "&amp;",
    "[x](http://y)",
    "\\",
    "**",
    "_",
    "<script>alert(1)</script>",
    "The ",
    "Paris ",
    "was founded in ",
    "creating ",
];

fn chars_between(lo: char, hi: char, max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(proptest::char::range(lo, hi), 1..max).prop_map(|v| v.into_iter().collect())
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[A-Za-z]{1,10}",
        1 => "[0-9]{1,5}",
        4 => prop::sample::select(MARKS).prop_map(String::from),
        2 => prop::sample::select(NASTY).prop_map(String::from),
        1 => any::<char>().prop_map(String::from),
        // CJK (with its full stop), Hebrew and Arabic.
        1 => chars_between('\u{4E00}', '\u{9FFF}', 8).prop_map(|s| s + "。"),
        1 => chars_between('\u{05D0}', '\u{05EA}', 8),
        1 => chars_between('\u{0621}', '\u{064A}', 8),
        // A huge word.
        1 => (100usize..3000).prop_map(|n| "w".repeat(n)),
    ]
}

/// Text made of the pieces above.
fn hostile_text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..50).prop_map(|v| v.concat())
}

/// Characters of the line a 1-based line number points at.
fn line_width(source: &str, line: usize) -> Option<usize> {
    source.split('\n').nth(line - 1).map(|l| l.chars().count())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    #[test]
    fn extraction_never_panics_and_claims_point_inside_the_source(
        text in hostile_text(),
        markdown in any::<bool>(),
    ) {
        let article = Article::parse("prop.md", text.clone(), markdown);
        for min_score in [0.0, DEFAULT_MIN_SCORE] {
            for claim in extract(&article, min_score) {
                prop_assert!(claim.line >= 1, "{claim:?}");
                let width = line_width(&text, claim.line);
                prop_assert!(width.is_some(), "line {} outside the source: {claim:?}", claim.line);
                prop_assert!(
                    claim.column >= 1 && claim.column <= width.unwrap() + 1,
                    "column {} outside line {} ({} chars): {claim:?}", claim.column, claim.line, width.unwrap()
                );
                prop_assert!(!claim.text.trim().is_empty(), "{claim:?}");
                prop_assert!((0.0..=1.0).contains(&claim.score));
            }
        }
        // Every block offset maps inside the source, on a real line.
        for block in &article.blocks {
            for i in [0, block.text.len() / 2, block.text.len()] {
                let offset = block.source_offset(i);
                prop_assert!(offset <= text.len());
                let (line, column) = article.line_col(offset);
                prop_assert!(line >= 1 && column >= 1);
                prop_assert!(line_width(&text, line).is_some_and(|w| column <= w + 1));
            }
        }
    }

    #[test]
    fn sentence_ranges_are_in_bounds_ordered_disjoint_and_trimmed(text in hostile_text()) {
        let mut end = 0;
        for r in split_sentences(&text) {
            prop_assert!(r.start >= end, "{r:?} overlaps the previous sentence (ends at {end})");
            prop_assert!(r.start < r.end && r.end <= text.len(), "{r:?} of {}", text.len());
            prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            let s = &text[r.clone()];
            prop_assert_eq!(s, s.trim());
            end = r.end;
        }
        // Nothing but whitespace is left out.
        let kept: usize = split_sentences(&text).iter().map(|r| r.len()).sum();
        let words: usize = text.split_whitespace().map(str::len).sum();
        prop_assert!(kept >= words);
    }

    #[test]
    fn decoding_any_bytes_gives_text_or_an_error_with_a_line(
        bytes in prop::collection::vec(any::<u8>(), 0..200),
    ) {
        match decode(Path::new("a.txt"), bytes.clone()) {
            Ok(text) => prop_assert!(!text.trim().is_empty()),
            Err(Error::Invalid { line, .. }) => {
                let lines = bytes.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
                prop_assert!(line >= 1 && line <= lines, "line {line} of {lines}");
            }
            Err(e) => prop_assert!(false, "unexpected error {e:?}"),
        }
    }
}

/// Pieces of CSV: cells, separators, quotes (balanced or not), line ends.
fn csv_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => "[a-zA-Z0-9 ]{0,8}",
        3 => prop::sample::select(vec![
            ",", ",", "\n", "\r\n", "\r", "\"", "\"\"", ";", "id", "statement", "text", "rating", "true",
            "maybe", "aliases", "a|b; c|d", "(ABC)", "\u{FEFF}", "\t", "=1+1", " ",
        ])
        .prop_map(String::from),
        1 => prop::sample::select(NASTY).prop_map(String::from),
    ];
    let header = prop::sample::select(vec![
        "id,statement\n",
        "id,text\n",
        "id,statement,rating,source,aliases\n",
        "id,text,line,column,score,article\n",
        "\u{FEFF}id,statement\r\n",
        "",
    ]);
    (header, prop::collection::vec(piece, 0..40)).prop_map(|(h, body)| format!("{h}{}", body.concat()))
}

fn line_breaks(text: &str) -> u64 {
    let b = text.as_bytes();
    (0..b.len())
        .filter(|&i| b[i] == b'\n' || (b[i] == b'\r' && b.get(i + 1) != Some(&b'\n')))
        .count() as u64
}

/// Either rows, each on a line after the header, or an `Invalid` error
/// whose line is inside the text.
fn assert_located<T>(
    text: &str,
    result: factcheck::Result<T>,
    rows: impl Fn(&T) -> Vec<u64>,
) -> Result<(), TestCaseError> {
    let last = line_breaks(text) + 1;
    match result {
        Ok(v) => {
            for line in rows(&v) {
                prop_assert!(line >= 2 && line <= last, "row on line {line} of {last}");
            }
        }
        Err(Error::Invalid { line, .. }) => prop_assert!(line >= 1 && line <= last, "line {line} of {last}"),
        Err(e) => prop_assert!(false, "unexpected error {e:?}"),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn csv_loading_parses_or_names_a_line(text in csv_text()) {
        let p = Path::new("t.csv");
        assert_located(&text, CsvTable::parse(p, &text, &["id"]), |t| t.rows.iter().map(|r| r.0).collect())?;
        assert_located(&text, parse_table(p, &text), |refs| refs.iter().map(|r| r.origin.1).collect())?;
        assert_located(&text, parse_claims(p, &text), |_| Vec::new())?;
    }

    #[test]
    fn well_formed_reference_tables_round_trip(
        rows in prop::collection::vec(("[A-Za-z0-9]{1,6}", hostile_text(), "[a-z:/.]{0,12}"), 1..8),
    ) {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(["id", "statement", "source"]).unwrap();
        let mut expected = Vec::new();
        for (n, (id, statement, source)) in rows.iter().enumerate() {
            let id = format!("{id}-{n}");
            w.write_record([id.as_str(), statement, source]).unwrap();
            expected.push((id, statement.trim().to_string(), source.clone()));
        }
        let text = String::from_utf8(w.into_inner().unwrap()).unwrap();
        match parse_table(Path::new("r.csv"), &text) {
            Ok(refs) => {
                let got: Vec<(String, String, String)> =
                    refs.into_iter().map(|r| (r.id, r.statement, r.source)).collect();
                prop_assert_eq!(got, expected);
            }
            // Only an empty statement is refused, on its own line.
            Err(Error::Invalid { message, .. }) => {
                prop_assert!(message.starts_with("empty `statement`"), "{message}");
                prop_assert!(expected.iter().any(|e| e.1.is_empty()));
            }
            Err(e) => prop_assert!(false, "{e:?}"),
        }
    }
}

fn any_verdict() -> impl Strategy<Value = Verdict> {
    prop::sample::select(vec![
        Verdict::Supported,
        Verdict::Contradicted,
        Verdict::Unsupported,
    ])
}

/// Cells that start formulas, hold quotes, separators, line breaks, controls.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => hostile_text().prop_map(|s| s.chars().take(80).collect()),
        1 => prop::sample::select(vec!["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"http://x\",\"y\")", "a,b", "\"q\"", ""])
            .prop_map(String::from),
    ]
}

fn checked() -> impl Strategy<Value = Checked> {
    (
        (cell(), cell(), 0usize..100_000, 0usize..1000, cell()),
        (
            any_verdict(),
            0.0f64..=1.0,
            prop::option::of((cell(), cell(), cell())),
            cell(),
        ),
    )
        .prop_map(
            |((id, article, line, column, text), (verdict, score, reference, reason))| Checked {
                id,
                article,
                line,
                column,
                text,
                verdict,
                score,
                reference: reference.map(|(id, statement, source)| RefSummary {
                    id,
                    statement,
                    source,
                }),
                reason,
                candidates: Vec::new(),
                sentence: String::new(),
                subject: String::new(),
                span: (0, 0),
            },
        )
}

fn report() -> impl Strategy<Value = Report> {
    prop::collection::vec(checked(), 0..6).prop_map(|claims| {
        let mut summary = Summary::default();
        for c in &claims {
            match c.verdict {
                Verdict::Supported => summary.supported += 1,
                Verdict::Contradicted => summary.contradicted += 1,
                Verdict::Unsupported => summary.unsupported += 1,
            }
        }
        Report { claims, summary }
    })
}

fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    r.records()
        .map(|rec| rec.unwrap().iter().map(String::from).collect())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn json_report_parses_back_to_the_same_values(report in report()) {
        let v: serde_json::Value = serde_json::from_str(&report_json(&report)).unwrap();
        let claims = v["claims"].as_array().unwrap();
        prop_assert_eq!(claims.len(), report.claims.len());
        for (j, c) in claims.iter().zip(&report.claims) {
            prop_assert_eq!(j["id"].as_str(), Some(c.id.as_str()));
            prop_assert_eq!(j["article"].as_str(), Some(c.article.as_str()));
            prop_assert_eq!(j["line"].as_u64(), Some(c.line as u64));
            prop_assert_eq!(j["column"].as_u64(), Some(c.column as u64));
            prop_assert_eq!(j["text"].as_str(), Some(c.text.as_str()));
            prop_assert_eq!(j["verdict"].as_str(), Some(c.verdict.as_str()));
            prop_assert_eq!(j["reason"].as_str(), Some(c.reason.as_str()));
            prop_assert_eq!(j["reference"]["statement"].as_str(), c.reference.as_ref().map(|r| r.statement.as_str()));
        }
        prop_assert_eq!(v["summary"]["supported"].as_u64(), Some(report.summary.supported as u64));
    }

    #[test]
    fn csv_report_parses_back_with_formula_cells_neutralised(report in report()) {
        let rows = read_csv(&report_csv(&report));
        prop_assert_eq!(rows.len(), report.claims.len() + 1);
        prop_assert_eq!(rows[0].len(), 11);
        for (row, c) in rows[1..].iter().zip(&report.claims) {
            let (rid, rst, rsrc) = c.reference.as_ref().map_or(("", "", ""), |r| (&r.id, &r.statement, &r.source));
            let expected: Vec<String> = [
                c.id.as_str(), &c.article, &c.line.to_string(), &c.column.to_string(), &c.text,
                c.verdict.as_str(), &format!("{:.3}", c.score), rid, rst, rsrc, &c.reason,
            ]
            .iter()
            .map(|s| safe_cell(s))
            .collect();
            prop_assert_eq!(row, &expected);
            for cell in row {
                prop_assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{cell:?}");
            }
        }
    }

    #[test]
    fn claims_csv_parses_back(rows in prop::collection::vec((cell(), cell(), cell(), 0.0f64..=1.0), 0..6)) {
        let claims: Vec<Claim> = rows
            .into_iter()
            .enumerate()
            .map(|(n, (id, article, text, score))| Claim { id, article, line: n, column: n * 2, text, score, ..Claim::default() })
            .collect();
        let rows = read_csv(&claims_csv(&claims));
        prop_assert_eq!(rows.len(), claims.len() + 1);
        for (row, c) in rows[1..].iter().zip(&claims) {
            prop_assert_eq!(&row[0], &safe_cell(&c.id));
            prop_assert_eq!(&row[1], &safe_cell(&c.article));
            prop_assert_eq!(&row[4], &safe_cell(&c.text));
        }
    }

    #[test]
    fn terminal_table_holds_no_control_characters(report in report()) {
        let table = report_table(&report, false, Some(100));
        let bad: Vec<char> = table
            .chars()
            .filter(|&c| (c.is_control() && c != '\n') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}'))
            .collect();
        prop_assert!(bad.is_empty(), "{bad:?} in\n{table}");
    }
}
