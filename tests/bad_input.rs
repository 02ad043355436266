use crate::util::{factcheck, fixture, run};

/// Runs `check` on the plain article with the given reference table and
/// returns (code, stderr).
fn check_refs(table: &str) -> (i32, String) {
    let (code, out, err) = run(factcheck().args(["check", &fixture("articles/plain.txt"), "--refs", table]));
    assert!(out.is_empty(), "no report on error: {out}");
    (code, err)
}

fn assert_error(table: &str, expected: &str) {
    let (code, err) = check_refs(table);
    assert_eq!(code, 2, "{err}");
    assert_eq!(err, format!("factcheck: {expected}\n"));
}

#[test]
fn missing_column() {
    let p = fixture("bad/missing_column.csv");
    assert_error(&p, &format!("{p}:1: missing required column `statement`"));
}

#[test]
fn ragged_row() {
    let p = fixture("bad/ragged.csv");
    assert_error(&p, &format!("{p}:3: row has 2 fields, the header has 3"));
}

#[test]
fn empty_file() {
    let p = fixture("bad/empty.csv");
    assert_error(&p, &format!("{p}:1: file is empty"));
}

#[test]
fn header_only() {
    let p = fixture("bad/header_only.csv");
    assert_error(&p, &format!("{p}:1: no rows after the header"));
}

#[test]
fn duplicate_ids() {
    let p = fixture("bad/duplicate_ids.csv");
    assert_error(
        &p,
        &format!("{p}:4: duplicate reference id `R1` (first at line 2)"),
    );
}

#[test]
fn semicolon_separated() {
    let p = fixture("bad/semicolon.csv");
    assert_error(
        &p,
        &format!("{p}:1: missing required column `id` (the file looks semicolon-separated; factcheck reads comma-separated CSV)"),
    );
}

#[test]
fn unknown_path() {
    assert_error(
        "tests/fixtures/nope.csv",
        "tests/fixtures/nope.csv: no such file or directory",
    );
}

#[test]
fn invalid_utf8_article_names_line_and_offset() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bad.txt");
    std::fs::write(&p, b"Fine first line.\nBroken \xff second line.\n").unwrap();
    let (code, _, err) = run(factcheck().args(["check", p.to_str().unwrap(), "--refs", &fixture("refs")]));
    assert_eq!(code, 2);
    assert_eq!(
        err,
        format!("factcheck: {}:2: invalid UTF-8 at byte offset 24\n", p.display())
    );
}

#[test]
fn binary_article() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bin.md");
    std::fs::write(&p, b"abc\0\x01\x02").unwrap();
    let (code, _, err) = run(factcheck().args(["extract", p.to_str().unwrap()]));
    assert_eq!(code, 2);
    assert_eq!(
        err,
        format!(
            "factcheck: {}:1: binary file (NUL byte at offset 3), expected UTF-8 text\n",
            p.display()
        )
    );
}

#[test]
fn folder_without_articles() {
    // A folder is walked for articles (issue 15); one that holds none (only
    // CSVs here) is an error naming it, before any reference is read.
    let (code, out, err) = run(factcheck().args(["check", &fixture("refs"), "--refs", &fixture("refs")]));
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        "factcheck: tests/fixtures/refs: the folder holds no article (.md, .markdown or .txt files that are not hidden, ignored or excluded)\n"
    );
}

#[test]
fn duplicate_ids_across_tables() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("copy.csv");
    std::fs::write(&p, "id,statement\nL2,Another statement.\n").unwrap();
    let (code, _, err) = run(factcheck().args([
        "check",
        &fixture("articles/plain.txt"),
        "--refs",
        &fixture("refs/landmarks.csv"),
        "--refs",
        p.to_str().unwrap(),
    ]));
    assert_eq!(code, 2);
    assert_eq!(
        err,
        format!(
            "factcheck: {}:2: duplicate reference id `L2` (first at {}:3)\n",
            p.display(),
            fixture("refs/landmarks.csv")
        )
    );
}

#[test]
fn claims_csv_without_text_column() {
    let (code, _, err) =
        run(factcheck().args(["check", &fixture("bad/ragged.csv"), "--refs", &fixture("refs")]));
    assert_eq!(code, 2);
    assert_eq!(
        err,
        format!(
            "factcheck: {}:1: missing required column `text`\n",
            fixture("bad/ragged.csv")
        )
    );
}

#[test]
fn usage_errors_exit_2() {
    let (code, _, err) = run(factcheck().args(["check", "--format", "yaml"]));
    assert_eq!(code, 2);
    assert!(err.contains("invalid value 'yaml'"), "{err}");
    let (code, _, err) =
        run(factcheck().args(["check", "--min-support", "1.5", &fixture("articles/plain.txt")]));
    assert_eq!(code, 2);
    assert_eq!(err, "factcheck: --min-support must be between 0 and 1, got 1.5\n");
}

#[test]
fn output_in_missing_directory_writes_nothing() {
    let (code, _, err) = run(factcheck().args([
        "check",
        &fixture("articles/plain.txt"),
        "--refs",
        &fixture("refs"),
        "-o",
        "no/such/dir/out.json",
    ]));
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "factcheck: no/such/dir/out.json: directory no/such/dir does not exist\n"
    );
}

#[test]
fn same_stem_in_two_folders_gets_distinct_ids_and_csv_clashes_fail() {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["a", "b"] {
        std::fs::create_dir(dir.path().join(sub)).unwrap();
        std::fs::write(
            dir.path().join(sub).join("index.md"),
            "The Eiffel Tower was completed in 1889.\n",
        )
        .unwrap();
    }
    let (code, out, err) = run(factcheck()
        .current_dir(dir.path())
        .args(["check", "a/index.md", "b/index.md", "--format", "json", "--refs"])
        .arg(crate::util::fixture_abs("refs/landmarks.csv")));
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let ids: Vec<&str> = v["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, vec!["a-index-1", "b-index-1"]);
    let csv = dir.path().join("c.csv");
    std::fs::write(&csv, "id,text\nindex-1,The Louvre is in Paris.\n").unwrap();
    std::fs::write(
        dir.path().join("d.csv"),
        "id,text\nindex-1,The Louvre is in Paris.\n",
    )
    .unwrap();
    let (code, _, err) = run(factcheck()
        .current_dir(dir.path())
        .args(["check", "c.csv", "d.csv", "--refs"])
        .arg(crate::util::fixture_abs("refs/landmarks.csv")));
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "factcheck: claim id `index-1` appears in both c.csv and d.csv; ids must be unique across inputs\n"
    );
}
