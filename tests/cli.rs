use serde::Deserialize;

use crate::util::{factcheck, fixture, run};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonReport {
    claims: Vec<JsonClaim>,
    summary: JsonSummary,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonClaim {
    id: String,
    article: String,
    line: usize,
    column: usize,
    text: String,
    sentence: String,
    subject: String,
    span: (usize, usize),
    verdict: String,
    score: f64,
    reference: Option<JsonRef>,
    reason: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonRef {
    id: String,
    statement: String,
    source: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonSummary {
    supported: usize,
    contradicted: usize,
    unsupported: usize,
}

fn check_json(args: &[&str]) -> (i32, JsonReport) {
    let mut cmd = factcheck();
    cmd.arg("check").args(args).args(["--format", "json"]);
    let (code, out, err) = run(&mut cmd);
    assert!(err.is_empty(), "stderr: {err}");
    (code, serde_json::from_str(&out).expect("valid JSON"))
}

fn landmarks() -> (i32, JsonReport) {
    check_json(&[
        &fixture("articles/landmarks.md"),
        "--refs",
        &fixture("refs/landmarks.csv"),
    ])
}

fn claim<'a>(r: &'a JsonReport, text_start: &str) -> &'a JsonClaim {
    r.claims
        .iter()
        .find(|c| c.text.starts_with(text_start))
        .unwrap_or_else(|| panic!("no claim starting with {text_start:?} in {:#?}", r.claims))
}

#[test]
fn json_claims_carry_their_sentence_span_and_resolved_subject() {
    let (_, r) = landmarks();
    let it = claim(&r, "It is located in Paris");
    assert_eq!(it.subject, "Eiffel Tower");
    assert_eq!(it.sentence, "It is located in Paris.");
    assert_eq!(it.span, (0, 23));
    let first = claim(&r, "The Eiffel Tower was completed in 1889");
    assert_eq!(first.subject, "");
}

#[test]
fn check_markdown_article_json_verdicts_and_locations() {
    let (code, r) = landmarks();
    assert_eq!(code, 1, "contradicted claims fail by default");
    let ok = claim(&r, "The Eiffel Tower was completed in 1889");
    assert_eq!(ok.verdict, "supported");
    assert_eq!(ok.reference.as_ref().unwrap().id, "L1");
    assert_eq!((ok.line, ok.column), (3, 1));
    assert!(ok.article.ends_with("landmarks.md"));
    assert!(ok.id.starts_with("landmarks-"));
    assert!((0.0..=1.0).contains(&ok.score));

    let located = claim(&r, "It is located in Paris");
    assert!(
        !located.text.contains('['),
        "markdown link leaked: {}",
        located.text
    );

    let wrong_year = claim(&r, "The Eiffel Tower was completed in 1899");
    assert_eq!(wrong_year.verdict, "contradicted");
    assert_eq!(
        wrong_year.reason,
        "date differs: claim 1899, reference 1889 (ref L1)"
    );
    assert_eq!((wrong_year.line, wrong_year.column), (5, 3));

    let myth = claim(&r, "The Great Wall");
    assert_eq!(myth.verdict, "contradicted");
    assert!(myth.reason.contains("rated false"), "{}", myth.reason);
    let src = &myth.reference.as_ref().unwrap();
    assert_eq!(
        (src.id.as_str(), src.source.as_str()),
        ("L4", "https://www.nasa.gov/")
    );
    // The statement as the table gives it.
    let table = factcheck::input::reference::read_tables(&[fixture("refs/landmarks.csv").into()]).unwrap();
    let l4 = table.iter().find(|t| t.id == "L4").unwrap();
    assert_eq!(src.statement, l4.statement);

    let acronym = claim(&r, "NASA was founded in 1958");
    assert_eq!(acronym.verdict, "supported", "{}", acronym.reason);

    let unknown = claim(&r, "The Colosseum");
    assert_eq!(unknown.verdict, "unsupported");
    assert!(unknown.reference.is_none());

    assert!(r
        .claims
        .iter()
        .all(|c| !c.text.contains("Imagine") && !c.text.ends_with('?')));
    let counted = r.summary.supported + r.summary.contradicted + r.summary.unsupported;
    assert_eq!(counted, r.claims.len());
    assert_eq!(r.summary.contradicted, 2);
}

#[test]
fn json_output_is_byte_identical_on_repeat() {
    let args = [
        "check",
        "--format",
        "json",
        &fixture("articles/landmarks.md"),
        &fixture("articles/plain.txt"),
    ];
    let refs = ["--refs", &fixture("refs")];
    let (_, a, _) = run(factcheck().args(args).args(refs));
    let (_, b, _) = run(factcheck().args(args).args(refs));
    assert_eq!(a, b);
    // Inputs in another order give the same report.
    let (_, c, _) = run(factcheck()
        .args([
            "check",
            "--format",
            "json",
            &fixture("articles/plain.txt"),
            &fixture("articles/landmarks.md"),
        ])
        .args(refs));
    assert_eq!(a, c);
}

#[test]
fn refs_directory_and_several_tables() {
    let (_, r) = check_json(&[&fixture("articles/plain.txt"), "--refs", &fixture("refs")]);
    let everest = claim(&r, "Mount Everest");
    assert_eq!(everest.verdict, "supported");
    assert_eq!(everest.reference.as_ref().unwrap().id, "M1");
    let louvre = claim(&r, "The Louvre is not");
    assert_eq!(louvre.verdict, "contradicted");
    assert!(louvre.reason.starts_with("negation"), "{}", louvre.reason);
}

#[test]
fn fail_on_controls_exit_code() {
    let base = [fixture("articles/plain.txt"), "--refs".into(), fixture("refs")];
    let code = |extra: &[&str]| run(factcheck().arg("check").args(&base).args(extra)).0;
    assert_eq!(code(&[]), 1);
    assert_eq!(code(&["--fail-on", "never"]), 0);
    // Against more.csv alone nothing is contradicted and the Louvre claim is
    // unsupported: the default rule passes, --fail-on unsupported fails.
    let more = [
        fixture("articles/plain.txt"),
        "--refs".into(),
        fixture("refs/more.csv"),
    ];
    let (_, r) = check_json(&more.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(r.summary.contradicted, 0, "{:#?}", r.claims);
    assert_eq!(claim(&r, "The Louvre is not").verdict, "unsupported");
    let code = |extra: &[&str]| run(factcheck().arg("check").args(&more).args(extra)).0;
    assert_eq!(code(&[]), 0);
    assert_eq!(code(&["--fail-on", "unsupported"]), 1);
}

#[test]
fn table_format_has_rows_and_summary_without_colour_off_terminal() {
    let (code, out, _) = run(factcheck()
        .args([
            "check",
            &fixture("articles/landmarks.md"),
            "--refs",
            &fixture("refs/landmarks.csv"),
        ])
        .env("COLUMNS", "200"));
    assert_eq!(code, 1);
    assert!(out.contains("contradicted"));
    assert!(out.contains("tests/fixtures/articles/landmarks.md:5:3"));
    assert!(!out.contains('\u{1b}'), "no colour when not a terminal");
    // The summary line ends the table, with the counts of the JSON report.
    let (_, r) = landmarks();
    let s = &r.summary;
    let summary = format!(
        "{} claims: {} supported, {} contradicted, {} unsupported",
        r.claims.len(),
        s.supported,
        s.contradicted,
        s.unsupported
    );
    assert_eq!(s.supported + s.contradicted + s.unsupported, r.claims.len());
    assert_eq!(out.lines().last(), Some(summary.as_str()));
}

#[test]
fn csv_format_parses_back_with_same_rows() {
    let (_, out, _) = run(factcheck().args([
        "check",
        "--format",
        "csv",
        &fixture("articles/landmarks.md"),
        "--refs",
        &fixture("refs/landmarks.csv"),
    ]));
    let mut rdr = csv::Reader::from_reader(out.as_bytes());
    let headers = rdr.headers().unwrap().clone();
    assert_eq!(&headers[0], "id");
    assert_eq!(&headers[5], "verdict");
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    let (_, r) = landmarks();
    assert_eq!(rows.len(), r.claims.len());
    for (row, c) in rows.iter().zip(&r.claims) {
        assert_eq!(&row[0], c.id);
        assert_eq!(&row[5], c.verdict);
    }
}

#[test]
fn explain_lists_candidates() {
    let (_, out, _) = run(factcheck().args([
        "check",
        "--explain",
        &fixture("articles/landmarks.md"),
        "--refs",
        &fixture("refs/landmarks.csv"),
    ]));
    assert!(out.contains(
        "candidates (retrieval score, coverage, subject found; accounted for, matched words, conflicts):"
    ));
    assert!(out.contains("landmarks-1: L1 ("), "{out}");
    // Each candidate shows the claim words it matched and what conflicts.
    let line = out
        .lines()
        .find(|l| l.trim_start().starts_with("landmarks-1:"))
        .unwrap();
    assert!(
        line.contains("[") && (line.contains("no conflict") || line.contains("differs")),
        "{line}"
    );
}

#[test]
fn extract_writes_claims_csv_that_check_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("claims.csv");
    let (code, _, err) = run(factcheck()
        .args(["extract", &fixture("articles/landmarks.md"), "-o"])
        .arg(&out));
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&out).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("id,article,line,column,text,score,sentence,subject")
    );
    let first = lines.next().unwrap();
    assert!(
        first.starts_with(
            "landmarks-1,tests/fixtures/articles/landmarks.md,3,1,The Eiffel Tower was completed in 1889."
        ),
        "{first}"
    );
    // Checking the CSV gives the same verdicts as checking the article.
    let (_, from_csv) = check_json(&[out.to_str().unwrap(), "--refs", &fixture("refs/landmarks.csv")]);
    let (_, from_article) = landmarks();
    let verdicts = |r: &JsonReport| {
        r.claims
            .iter()
            .map(|c| (c.id.clone(), c.verdict.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(verdicts(&from_csv), verdicts(&from_article));
}

#[test]
fn eval_prints_figures_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let labelled = dir.path().join("labelled.csv");
    std::fs::write(
        &labelled,
        "id,text,label\nc1,The Eiffel Tower was completed in 1889.,supported\nc2,The Eiffel Tower was completed in 1901.,contradicted\nc3,The Colosseum is in Rome.,unsupported\nc4,The Louvre is in Berlin.,supported\n",
    )
    .unwrap();
    let (code, out, err) = run(factcheck().args([
        "eval",
        labelled.to_str().unwrap(),
        "--refs",
        &fixture("refs/landmarks.csv"),
    ]));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("claims: 4"));
    assert!(out.contains("accuracy: 0.7500"), "{out}");
    let (_, json, _) = run(factcheck().args([
        "eval",
        labelled.to_str().unwrap(),
        "--refs",
        &fixture("refs/landmarks.csv"),
        "--format",
        "json",
    ]));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["claims"], 4);
    assert_eq!(v["confusion"]["supported"]["unsupported"], 1);
    assert_eq!(v["labels"]["contradicted"]["recall"], 1.0);
}

#[test]
fn output_file_is_written_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.json");
    let (code, stdout, _) = run(factcheck()
        .args([
            "check",
            "--format",
            "json",
            &fixture("articles/plain.txt"),
            "--refs",
            &fixture("refs"),
            "-o",
        ])
        .arg(&out));
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(v["summary"]["supported"], 1);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temp file left behind"
    );
}

#[test]
fn saved_index_gives_the_same_report_as_the_tables() {
    let dir = tempfile::tempdir().unwrap();
    let idx = dir.path().join("refs.fcidx");
    let (code, _, err) = run(factcheck()
        .args(["refs", "index", &fixture("refs"), "-o"])
        .arg(&idx));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("indexed 7 references"), "{err}");
    let article = fixture("articles/landmarks.md");
    let (_, from_index, _) = run(factcheck()
        .args(["check", "--format", "json", &article, "--refs"])
        .arg(&idx));
    let (_, from_tables, _) =
        run(factcheck().args(["check", "--format", "json", &article, "--refs", &fixture("refs")]));
    assert_eq!(from_index, from_tables);
    // A saved index stands alone.
    let (code, _, err) = run(factcheck()
        .args(["check", &article, "--refs", &fixture("refs/more.csv"), "--refs"])
        .arg(&idx));
    assert_eq!(code, 2);
    assert!(
        err.ends_with("a saved index cannot be mixed with other reference tables\n"),
        "{err}"
    );
    // A truncated index (a copy cut short) is refused in one line, naming the file.
    let bytes = std::fs::read(&idx).unwrap();
    let cut = dir.path().join("cut.fcidx");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let (code, out, err) = run(factcheck().args(["check", &article, "--refs"]).arg(&cut));
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        format!(
            "factcheck: {}:1: truncated index ({} bytes, the file says {}); rebuild it with `factcheck refs index`\n",
            cut.display(),
            bytes.len() / 2,
            bytes.len()
        )
    );
    // A file that is not an index is refused clearly.
    let fake = dir.path().join("fake.fcidx");
    std::fs::write(&fake, "id,statement\n").unwrap();
    let (code, _, err) = run(factcheck().args(["check", &article, "--refs"]).arg(&fake));
    assert_eq!(code, 2);
    assert_eq!(
        err,
        format!(
            "factcheck: {}:1: not a factcheck index of this version; rebuild it with `factcheck refs index`\n",
            fake.display()
        )
    );
}
