//! The bad-input catalogue (issue 7): every entry pins the exit code and the
//! exact one-line message `factcheck: PATH:LINE: message`, and, with `-o`,
//! that no output file (nor a temporary one) is left behind.
//!
//! Entries already in `bad_input.rs` are not repeated here; this file covers
//! their variants (claims CSVs, `extract`, `-o`). Small fixtures live in
//! `tests/fixtures/catalogue/`; big or binary ones are generated in a temp dir.
//! Also here: safe output (spreadsheet formulas, terminal controls,
//! `<script>`), determinism, and the replay of kept fuzz crashers.

use std::path::{Path, PathBuf};

use crate::util::{factcheck, fixture, run};

/// A catalogue fixture.
fn cat(name: &str) -> String {
    fixture(&format!("catalogue/{name}"))
}

/// Runs factcheck with `args` plus `-o <tempdir>/out`, and asserts exit code
/// 2, exactly `factcheck: {expected}` on stderr, nothing on stdout and an
/// empty output directory (no report, no temporary file).
fn fails(args: &[&str], expected: &str) {
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("out");
    let (code, stdout, stderr) = run(factcheck().args(args).arg("-o").arg(&out));
    assert_eq!(
        (code, stderr.as_str()),
        (2, format!("factcheck: {expected}\n").as_str()),
        "args {args:?}"
    );
    assert_eq!(stdout, "");
    let left: Vec<PathBuf> = std::fs::read_dir(out_dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert!(left.is_empty(), "output left behind: {left:?}");
}

/// `check ARTICLE --refs TABLE`, failing with `expected`.
fn bad_refs(table: &str, expected: &str) {
    fails(
        &["check", &fixture("articles/plain.txt"), "--refs", table],
        expected,
    );
}

/// `check CLAIMS.csv --refs refs/`, failing with `expected`.
fn bad_claims(claims: &str, expected: &str) {
    fails(&["check", claims, "--refs", &fixture("refs")], expected);
}

/// `extract ARTICLE`, failing with `expected`.
fn bad_article(article: &Path, expected: &str) {
    fails(&["extract", article.to_str().unwrap()], expected);
}

/// Writes `bytes` to `name` in a new temp dir.
fn temp_file(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).unwrap();
    (dir, p)
}

/// Runs `check --format json` and returns (exit code, parsed report); stderr must be empty.
fn check_json(args: &[&str]) -> (i32, serde_json::Value) {
    let (code, out, err) = run(factcheck().arg("check").args(args).args(["--format", "json"]));
    assert_eq!(err, "", "args {args:?}");
    (code, serde_json::from_str(&out).expect("valid JSON"))
}

fn claim_texts(report: &serde_json::Value) -> Vec<&str> {
    report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["text"].as_str().unwrap())
        .collect()
}

// ---------------------------------------------------------------- CSV

#[test]
fn csv_claims_missing_required_column() {
    let p = cat("claims_missing_id.csv");
    bad_claims(&p, &format!("{p}:1: missing required column `id`"));
}

#[test]
fn csv_duplicated_header() {
    // Header names are compared trimmed and case-folded: `ID` repeats `id`.
    let p = cat("duplicated_header.csv");
    bad_refs(&p, &format!("{p}:1: duplicated column `id` in header"));
}

#[test]
fn csv_ragged_row_in_claims() {
    let p = cat("ragged_claims.csv");
    bad_claims(&p, &format!("{p}:3: row has 1 field, the header has 2"));
}

#[test]
fn csv_unbalanced_quote_names_the_opening_line() {
    // The CSV reader alone would read the rest of the file into one cell.
    let p = cat("unbalanced_quote.csv");
    bad_refs(
        &p,
        &format!(
            "{p}:3: unclosed quote: the quoted field that starts on this line runs to the end of the file"
        ),
    );
}

#[test]
fn csv_empty_claims_file() {
    let p = cat("empty_claims.csv");
    bad_claims(&p, &format!("{p}:1: file is empty"));
}

#[test]
fn csv_header_then_only_blank_lines() {
    let p = cat("header_blank_lines.csv");
    bad_claims(&p, &format!("{p}:1: no rows after the header"));
}

#[test]
fn csv_byte_order_mark_is_accepted() {
    let (code, r) = check_json(&[&fixture("articles/landmarks.md"), "--refs", &cat("bom.csv")]);
    assert_eq!(code, 1, "1899 contradicts L1");
    let supported = r["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["text"] == "The Eiffel Tower was completed in 1889.")
        .unwrap();
    assert_eq!(supported["verdict"], "supported");
    assert_eq!(supported["reference"]["id"], "L1");
}

#[test]
fn csv_crlf_is_accepted_and_lines_are_counted_once() {
    let (code, r) = check_json(&[&fixture("articles/landmarks.md"), "--refs", &cat("crlf.csv")]);
    assert_eq!(code, 1);
    assert_eq!(r["summary"]["contradicted"], 1, "{r}");
    // Line 4, not 7: CR LF is one line break, and the blank line counts once.
    let p = cat("crlf_empty_statement.csv");
    bad_refs(&p, &format!("{p}:4: empty `statement` for reference `L2`"));
}

#[test]
fn csv_semicolon_separated_claims() {
    let p = cat("semicolon_claims.csv");
    bad_claims(
        &p,
        &format!(
            "{p}:1: missing required column `id` (the file looks semicolon-separated; factcheck reads comma-separated CSV)"
        ),
    );
}

#[test]
fn csv_duplicate_ids_within_claims() {
    let p = cat("duplicate_claim_ids.csv");
    bad_claims(&p, &format!("{p}:4: duplicate id `c1` (first on line 2)"));
}

#[test]
fn csv_duplicate_id_with_a_line_break_and_an_escape_stays_one_line() {
    // The message quotes the id; before the fix its line break split the
    // message in two and its escape sequence reached the terminal.
    let p = cat("hostile_duplicate_ids.csv");
    bad_claims(
        &p,
        &format!("{p}:4: duplicate id `c\\n1\\u{{1b}}[31m` (first on line 2)"),
    );
}

#[test]
fn csv_duplicate_ids_across_tables_of_a_directory() {
    // Tables of a directory are read in name order: b.csv repeats a.csv's id.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.csv"), "id,statement\nX1,The sky is blue.\n").unwrap();
    std::fs::write(
        dir.path().join("b.csv"),
        "id,statement\nX2,Grass is green.\nX1,Snow is white.\n",
    )
    .unwrap();
    let d = dir.path().display();
    bad_refs(
        dir.path().to_str().unwrap(),
        &format!("{d}/b.csv:3: duplicate reference id `X1` (first at {d}/a.csv:2)"),
    );
}

#[test]
fn csv_empty_statement() {
    // A cell of spaces is empty.
    let p = cat("empty_statement.csv");
    bad_refs(&p, &format!("{p}:3: empty `statement` for reference `L2`"));
}

#[test]
fn csv_unknown_rating() {
    let p = cat("unknown_rating.csv");
    bad_refs(
        &p,
        &format!("{p}:2: unknown rating `maybe` for reference `L1` (expected true or false)"),
    );
}

#[test]
fn csv_ten_megabyte_cell() {
    let mut table = b"id,statement\nL1,".to_vec();
    table.extend(std::iter::repeat_n(b'x', 10 << 20));
    table.push(b'\n');
    let (_dir, p) = temp_file("big.csv", &table);
    bad_refs(
        p.to_str().unwrap(),
        &format!(
            "{}:2: cell 2 is larger than 1048576 bytes (unbalanced quote?)",
            p.display()
        ),
    );
}

// ---------------------------------------------------------------- articles

#[test]
fn article_empty() {
    let (_dir, p) = temp_file("empty.md", b"");
    bad_article(&p, &format!("{}:1: file is empty", p.display()));
}

#[test]
fn article_whitespace_only() {
    let (_dir, p) = temp_file("blank.txt", b" \n\t\r\n  \n");
    bad_article(&p, &format!("{}:1: file is empty", p.display()));
}

#[test]
fn article_binary_names_line_and_offset_of_the_nul() {
    let (_dir, p) = temp_file("bin.txt", b"Line one.\nLine two.\n\x89PNG\0\x01");
    fails(
        &["check", p.to_str().unwrap(), "--refs", &fixture("refs")],
        &format!(
            "{}:3: binary file (NUL byte at offset 24), expected UTF-8 text",
            p.display()
        ),
    );
}

#[test]
fn article_invalid_utf8_cut_in_the_middle_of_a_character() {
    // "é" is C3 A9; the file ends after C3.
    let (_dir, p) = temp_file("cut.md", b"# Title\n\nCaf\xc3");
    bad_article(&p, &format!("{}:3: invalid UTF-8 at byte offset 12", p.display()));
}

#[test]
fn article_utf16_is_refused_with_a_clear_message() {
    // Kept as a refusal (not decoded): the message says what to do.
    let text = "The Eiffel Tower was completed in 1889.\n";
    for (name, bom, big_endian) in [("le.txt", [0xFF, 0xFE], false), ("be.txt", [0xFE, 0xFF], true)] {
        let mut bytes = bom.to_vec();
        for unit in text.encode_utf16() {
            let b = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            bytes.extend(b);
        }
        let (_dir, p) = temp_file(name, &bytes);
        bad_article(
            &p,
            &format!(
                "{}:1: file is UTF-16 (byte-order mark found); convert it to UTF-8",
                p.display()
            ),
        );
    }
}

/// A realistic article of at least `bytes` bytes: paragraphs of claims,
/// compounds, a question, numbers that vary.
fn big_article(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 400);
    let mut i = 0usize;
    while out.len() < bytes {
        i += 1;
        out.push_str(&format!(
            "The council met in Brussels on {} April {}. The Eiffel Tower was completed in {}, and it is located in Paris. Do you like towers? NASA was founded in {}; the Colosseum hosted {} spectators.\n\n",
            i % 28 + 1,
            1900 + i % 120,
            1800 + i % 200,
            1900 + i % 100,
            i * 7 % 90_000
        ));
    }
    out
}

#[test]
#[ignore = "about 50 s in a debug build; fuzz/limits.sh times it in release (README, Limits and errors)"]
fn article_of_50_megabytes() {
    let (_dir, p) = temp_file("big.txt", big_article(50 << 20).as_bytes());
    let (code, out, err) = run(factcheck().args(["extract", p.to_str().unwrap()]));
    assert_eq!((code, err.as_str()), (0, ""));
    // Four claims per paragraph (the question is dropped), each on its own row.
    let paragraphs = (50 << 20) / 200;
    assert!(out.lines().count() > 3 * paragraphs, "{}", out.lines().count());
}

#[test]
fn article_line_of_5_megabytes_without_spaces() {
    // One 5 MB word is one claim (benches/hostile.sh times it: a quadratic
    // scan would take minutes).
    let mut text = vec![b'a'; 5 << 20];
    text.extend(b" is a word.\n");
    let (_dir, p) = temp_file("long.txt", &text);
    let (code, out, err) = run(factcheck().args(["extract", p.to_str().unwrap()]));
    assert_eq!((code, err.as_str()), (0, ""));
    let rows: Vec<&str> = out.lines().collect();
    assert_eq!(rows.len(), 2, "one claim");
    assert!(rows[1].starts_with(&format!("long-1,{},1,1,Aaaaaaaa", p.display())));
    assert!(
        rows[1].ends_with("aaaa is a word.,0.70,,"),
        "{}",
        &rows[1][rows[1].len() - 40..]
    );
}

#[test]
fn article_line_of_a_megabyte_of_connectors_and_sentences() {
    // Many clauses and claims on one line: connectors were quadratic
    // (split_clauses) and so were columns (line_col); both are linear now.
    let text = "The council met in Brussels in 2024; the council met in Paris in 1999. ".repeat(14_000);
    let (_dir, p) = temp_file("connectors.txt", text.as_bytes());
    let (code, out, err) = run(factcheck().args(["extract", p.to_str().unwrap()]));
    assert_eq!((code, err.as_str()), (0, ""));
    let rows: Vec<&str> = out.lines().collect();
    assert_eq!(rows.len(), 1 + 28_000);
    let last = rows.last().unwrap();
    let column = text.len() - "the council met in Paris in 1999. ".len() + 1;
    assert!(
        last.starts_with(&format!(
            "connectors-28000,{},1,{column},The council met in Paris",
            p.display()
        )),
        "{last}"
    );
}

#[test]
fn article_zero_width_and_bidi_controls() {
    // ZWSP inside a word, ZWJ, an RLO override and an isolate: the claim is
    // still found and judged, the terminal table shows none of the controls.
    let text = "Title\n\nThe Eiffel Tower was com\u{200B}pleted in 1889.\u{202E} Mount\u{2067} Everest is the highest mountain above sea level.\u{2069}\u{200D}\n";
    let (_dir, p) = temp_file("controls.txt", text.as_bytes());
    let (code, r) = check_json(&[p.to_str().unwrap(), "--refs", &fixture("refs")]);
    assert_eq!(code, 0);
    assert_eq!(
        claim_texts(&r),
        vec![
            "The Eiffel Tower was com\u{200B}pleted in 1889.\u{202E}",
            "Mount\u{2067} Everest is the highest mountain above sea level.\u{2069}\u{200D}"
        ]
    );
    // Before the fix, the trailing isolate and joiner made the paragraph a
    // title (no final period seen) and "Mount\u{2067}" matched no "Mount".
    assert_eq!(r["summary"]["supported"], 2, "{r}");
    assert_eq!(r["claims"][1]["reference"]["id"], "M1", "{r}");
    assert_eq!(
        (r["claims"][1]["line"].as_u64(), r["claims"][1]["column"].as_u64()),
        (Some(3), Some(43))
    );
    let (code, table, err) =
        run(factcheck().args(["check", p.to_str().unwrap(), "--refs", &fixture("refs")]));
    assert_eq!((code, err.as_str()), (0, ""));
    for bad in ['\u{202E}', '\u{2067}', '\u{2069}', '\u{1b}'] {
        assert!(!table.contains(bad), "{bad:?} in table:\n{table}");
    }
}

#[test]
fn article_cjk_and_right_to_left_text() {
    // Columns count characters; a paragraph in another script than the
    // article's is left out as boilerplate; a sentence in a script without
    // case starts after a period; a final "。" ends a paragraph (before the
    // fix, the last paragraph was taken for a title and dropped).
    let text = "東京タワーは1958年に完成した. The Tokyo Tower was completed in 1958 in Tokyo.\n\nשלום עולם. مرحبا بالعالم.\n\nThe Eiffel Tower was completed in 1889 in Paris. 埃菲尔铁塔于1889年建成。\n";
    let (_dir, p) = temp_file("scripts.txt", text.as_bytes());
    let (code, out, err) = run(factcheck().args(["extract", p.to_str().unwrap()]));
    assert_eq!((code, err.as_str()), (0, ""));
    let d = p.display();
    assert_eq!(
        out,
        format!(
            "id,article,line,column,text,score,sentence,subject\n\
             scripts-1,{d},1,1,東京タワーは1958年に完成した.,0.70,東京タワーは1958年に完成した.,\n\
             scripts-2,{d},1,19,The Tokyo Tower was completed in 1958 in Tokyo.,0.95,The Tokyo Tower was completed in 1958 in Tokyo.,\n\
             scripts-3,{d},5,1,The Eiffel Tower was completed in 1889 in Paris.,0.95,The Eiffel Tower was completed in 1889 in Paris.,\n\
             scripts-4,{d},5,50,埃菲尔铁塔于1889年建成。,0.50,埃菲尔铁塔于1889年建成。,\n"
        )
    );
}

#[test]
fn article_deeply_nested_markdown() {
    // 10,000 nested block quotes and 10,000 nested list levels: no stack
    // overflow, no quadratic time, the innermost text is still read.
    let mut text = format!(
        "{} The Eiffel Tower was completed in 1889.\n\n",
        ">".repeat(10_000)
    );
    for level in 0..10_000 {
        text.push_str(&" ".repeat(2 * level.min(200)));
        text.push_str("- item\n");
    }
    text.push_str("\nNASA was founded in 1958.\n");
    let (_dir, p) = temp_file("nested.md", text.as_bytes());
    let (code, out, err) = run(factcheck().args(["extract", p.to_str().unwrap()]));
    assert_eq!((code, err.as_str()), (0, ""));
    let texts: Vec<&str> = out
        .lines()
        .skip(1)
        .map(|l| l.rsplit_once(',').unwrap().0)
        .collect();
    assert!(
        texts[0].ends_with(",The Eiffel Tower was completed in 1889."),
        "{out}"
    );
    assert!(
        texts.last().unwrap().ends_with(",NASA was founded in 1958."),
        "{out}"
    );
}

#[test]
fn article_directory_given_as_a_file() {
    bad_article(
        Path::new("tests/fixtures"),
        "tests/fixtures: is a directory, expected a file",
    );
}

#[test]
fn article_missing_path() {
    bad_article(
        Path::new("tests/fixtures/no-such-article.md"),
        "tests/fixtures/no-such-article.md: no such file or directory",
    );
}

#[test]
fn article_unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, p) = temp_file("secret.txt", b"The Eiffel Tower was completed in 1889.\n");
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&p).is_ok() {
        // Root (and CAP_DAC_OVERRIDE) reads it anyway. Straight to standard
        // error, past the test harness's capture, so that the skip shows.
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "skipped article_unreadable_file: a chmod 000 file is readable here (running as root?)"
        );
        return;
    }
    bad_article(&p, &format!("{}: permission denied", p.display()));
}

// ---------------------------------------------------------------- CLI

#[test]
fn cli_unknown_format() {
    // clap's own message (several lines; the list of formats grows, so only
    // the first line is pinned). No report is written.
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("out");
    let (code, stdout, err) = run(factcheck()
        .args(["check", &fixture("articles/plain.txt"), "--format", "yaml", "-o"])
        .arg(&out));
    assert_eq!(code, 2);
    assert_eq!(stdout, "");
    assert_eq!(
        err.lines().next(),
        Some("error: invalid value 'yaml' for '--format <FORMAT>'")
    );
    assert!(!out.exists());
}

#[test]
fn cli_conflicting_flags() {
    // No two flags of `check` exclude each other; the conflict a user can
    // write is the same flag twice with different values.
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("out");
    let (code, stdout, err) = run(factcheck()
        .args([
            "check",
            &fixture("articles/plain.txt"),
            "--format",
            "json",
            "--format",
            "csv",
            "-o",
        ])
        .arg(&out));
    assert_eq!(code, 2);
    assert_eq!(stdout, "");
    assert_eq!(
        err.lines().next(),
        Some("error: the argument '--format <FORMAT>' cannot be used multiple times")
    );
    assert!(!out.exists());
}

#[test]
fn cli_output_in_a_missing_directory() {
    let (code, stdout, err) = run(factcheck().args([
        "extract",
        &fixture("articles/plain.txt"),
        "-o",
        "tests/fixtures/no-such-dir/claims.csv",
    ]));
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert_eq!(
        err,
        "factcheck: tests/fixtures/no-such-dir/claims.csv: directory tests/fixtures/no-such-dir does not exist\n"
    );
    assert!(!Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/no-such-dir")
        .exists());
}

// ---------------------------------------------------------------- safe output

/// Claims whose id, article and text start formulas, judged against a
/// reference whose id, statement and source do too.
fn hostile_check(format: &str) -> (i32, String) {
    let (code, out, err) = run(factcheck().args([
        "check",
        &cat("hostile_claims.csv"),
        "--refs",
        &cat("hostile_refs.csv"),
        "--format",
        format,
    ]));
    assert_eq!(err, "");
    (code, out)
}

#[test]
fn csv_output_neutralises_formula_cells() {
    let (code, out) = hostile_check("csv");
    assert_eq!(code, 0);
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    for row in &rows {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?} in {row:?}"
            );
        }
    }
    let row = rows.iter().find(|r| &r[0] == "'=cmd|' /C calc'!A0").unwrap();
    assert_eq!(&row[1], "'@article");
    assert_eq!(
        &row[4],
        "'=HYPERLINK(\"http://evil.example\",\"x\") The Eiffel Tower was completed in 1889."
    );
    assert_eq!(&row[5], "supported");
    assert_eq!(&row[7], "'+R1");
    assert_eq!(
        &row[8],
        "'=HYPERLINK(\"http://evil.example\",\"y\") The Eiffel Tower was completed in 1889."
    );
    assert_eq!(&row[9], "'-2+3");
    // JSON carries the same text untouched: it is data, not a spreadsheet.
    let (_, json) = hostile_check("json");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let c = v["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "=cmd|' /C calc'!A0")
        .unwrap();
    assert_eq!(
        c["reference"]["statement"],
        "=HYPERLINK(\"http://evil.example\",\"y\") The Eiffel Tower was completed in 1889."
    );
}

#[test]
fn table_output_strips_control_characters_from_every_cell() {
    let (code, out) = hostile_check("table");
    assert_eq!(code, 0);
    assert!(
        !out.chars()
            .any(|c| (c.is_control() && c != '\n') || ('\u{202A}'..='\u{202E}').contains(&c)),
        "{out:?}"
    );
    // Whole escape sequences go, with no `[31m` residue (issue 14).
    assert!(
        out.contains("evred") && !out.contains("[31m") && !out.contains("[2J"),
        "{out}"
    );
}

#[test]
fn script_tag_in_an_article_is_never_markup() {
    let text = "The Eiffel Tower was completed in 1889 <script>alert(1)</script>.\n\nMount Everest is the highest mountain above sea level. <script>alert(2)</script>\n";
    for name in ["script.txt", "script.md"] {
        let (_dir, p) = temp_file(name, text.as_bytes());
        let args = [p.to_str().unwrap(), "--refs", &fixture("refs")];
        // JSON: only through serde, the text round-trips as data.
        let (_, r) = check_json(&args);
        for t in claim_texts(&r) {
            assert!(!t.contains("<script>") || name == "script.txt", "{t}");
        }
        // HTML, when the format exists: never an unescaped tag.
        let (_, help, _) = run(factcheck().args(["check", "--help"]));
        if help.contains("html") {
            let (_, html, err) = run(factcheck().arg("check").args(args).args(["--format", "html"]));
            assert_eq!(err, "");
            assert!(
                !html.contains("<script>alert"),
                "unescaped script in {name}:\n{html}"
            );
            assert!(!html.contains("</script>alert") && !html.to_lowercase().contains("<script>alert"));
        }
    }
}

// ---------------------------------------------------------------- determinism

#[test]
fn same_inputs_in_any_order_give_byte_identical_reports() {
    // Three inputs (with exactly two, `check` adds an A-versus-B comparison,
    // where order is meant to matter) and three tables, two of which hold
    // the same statement under different ids: before the fix the deciding
    // reference of that claim was the one of the first `--refs` given.
    let inputs = [
        cat("order.txt"),
        fixture("articles/plain.txt"),
        fixture("articles/landmarks.md"),
    ];
    let tables = [
        cat("order_refs_a.csv"),
        cat("order_refs_b.csv"),
        fixture("refs/landmarks.csv"),
    ];
    let (_, help, _) = run(factcheck().args(["check", "--help"]));
    let mut formats = vec!["json", "csv"];
    if help.contains("sarif") {
        formats.push("sarif");
    }
    let orders: [[usize; 3]; 4] = [[0, 1, 2], [0, 1, 2], [2, 0, 1], [1, 2, 0]];
    for format in formats {
        let mut outputs = Vec::new();
        for (n, order) in orders.iter().enumerate() {
            let mut cmd = factcheck();
            cmd.arg("check");
            cmd.args(order.map(|i| &inputs[i]));
            // Tables in reverse order of the inputs' permutation.
            for i in order.iter().rev() {
                cmd.args(["--refs", &tables[*i]]);
            }
            let (code, out, err) = run(cmd.args(["--format", format]));
            assert_eq!((code, err.as_str()), (1, ""), "{format}, order {n}");
            outputs.push(out);
        }
        // SARIF lists findings only; the tied claim is supported.
        assert!(
            format == "sarif" || outputs[0].contains("A1"),
            "{format}: the tie goes to the first table by path:\n{}",
            outputs[0]
        );
        assert!(!outputs[0].contains("B1"), "{format}");
        for (n, out) in outputs.iter().enumerate().skip(1) {
            assert!(out == &outputs[0], "{format}: order {n} differs from order 0");
        }
    }
}

// ---------------------------------------------------------------- fuzzing

#[path = "../fuzz/harness.rs"]
mod harness;

#[test]
fn fuzz_crashers_stay_fixed() {
    // Inputs that crashed or hung a fuzz target, kept once fixed; each is
    // replayed through the same function as its target.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    type Target = fn(&[u8]);
    let targets: [(&str, Target); 3] = [
        ("article", harness::article),
        ("reference_csv", harness::reference_csv),
        ("check_pipeline", harness::check_pipeline),
    ];
    let mut replayed = 0;
    for (target, run_target) in targets {
        let Ok(entries) = std::fs::read_dir(root.join(target)) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            run_target(&std::fs::read(&path).unwrap());
            replayed += 1;
        }
    }
    assert!(replayed > 0, "no crasher found under {}", root.display());
}
