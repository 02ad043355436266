//! The report formats of `check`: github, sarif, junit, markdown,
//! claimreview and html, each on the demo data and on small fixtures
//! (tests/fixtures/formats/) whose text carries markup, quotes and
//! `<script>` tags. Every output is parsed back and compared with the JSON
//! report of the same run.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::util::{factcheck, fixture, run};

/// Runs `check` with a format and returns (exit code, stdout).
fn check(args: &[&str], format: &str) -> (i32, String) {
    let mut cmd = factcheck();
    cmd.arg("check").args(args).args(["--format", format]);
    let (code, out, err) = run(&mut cmd);
    assert!(err.is_empty(), "stderr: {err}");
    (code, out)
}

/// The JSON report of the same run, for comparison.
fn json_report(args: &[&str]) -> Value {
    serde_json::from_str(&check(args, "json").1).expect("valid JSON report")
}

fn claims(report: &Value) -> &Vec<Value> {
    report["claims"].as_array().expect("claims array")
}

fn summary(report: &Value, verdict: &str) -> usize {
    report["summary"][verdict].as_u64().unwrap() as usize
}

/// The fixture run: a Markdown and a plain article with markup, quotes and
/// `<script>` tags, and a claims CSV whose first claim names an article
/// file that does not exist.
fn fixture_args() -> Vec<String> {
    vec![
        fixture("formats/xss.md"),
        fixture("formats/script.txt"),
        fixture("formats/claims.csv"),
        "--refs".into(),
        fixture("formats/refs.csv"),
    ]
}

fn args(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

/// The exit code `check` gives for a report: 1 with contradicted claims.
fn expected_code(report: &Value) -> i32 {
    i32::from(summary(report, "contradicted") > 0)
}

fn is_finding(c: &Value) -> bool {
    c["verdict"] != "supported"
}

// ---------------------------------------------------------------- github

#[test]
fn github_demo_has_one_annotation_per_sentence_with_a_finding() {
    let report = json_report(&[]);
    let (code, out) = check(&[], "github");
    assert_eq!(code, expected_code(&report));
    // Adjacent claims of one article and one (known) sentence share a mark,
    // which takes their worst verdict.
    let all = claims(&report);
    let mut groups: Vec<Vec<&Value>> = Vec::new();
    for c in all {
        match groups.last_mut() {
            Some(g)
                if c["sentence"] != ""
                    && g[0]["sentence"] == c["sentence"]
                    && g[0]["article"] == c["article"] =>
            {
                g.push(c)
            }
            _ => groups.push(vec![c]),
        }
    }
    let rank = |v: &Value| match v.as_str() {
        Some("contradicted") => 2,
        Some("unsupported") => 1,
        _ => 0,
    };
    let findings: Vec<(&Value, &Value)> = groups
        .iter()
        .filter_map(|g| {
            let worst = g.iter().max_by_key(|c| rank(&c["verdict"]))?;
            is_finding(worst).then_some((g[0], *worst))
        })
        .collect();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), findings.len());
    for (line, (first, worst)) in lines.iter().zip(&findings) {
        let command = if worst["verdict"] == "contradicted" {
            "error"
        } else {
            "warning"
        };
        let expected = format!(
            "::{command} file={},line={},col={},title=factcheck {}::",
            first["article"].as_str().unwrap(),
            first["line"],
            first["column"],
            worst["verdict"].as_str().unwrap()
        );
        assert!(line.starts_with(&expected), "{line}\nexpected start: {expected}");
        // The worst claim's text (its end: a resolved subject is shown in
        // brackets after the words it resolves).
        let text: Vec<char> = worst["text"]
            .as_str()
            .unwrap()
            .replace('%', "%25")
            .chars()
            .collect();
        let tail: String = text[text.len().saturating_sub(30)..].iter().collect();
        assert!(line.contains(&format!("{tail} \u{2014} ")), "{line}");
    }
}

#[test]
fn github_fixture_escapes_properties_and_skips_supported() {
    let a = fixture_args();
    let report = json_report(&args(&a));
    let (code, out) = check(&args(&a), "github");
    assert_eq!(code, 1);
    let findings = claims(&report).iter().filter(|c| is_finding(c)).count();
    assert_eq!(out.lines().count(), findings);
    assert!(out
        .lines()
        .all(|l| l.starts_with("::error ") || l.starts_with("::warning ")));
    // `,` and `:` in a file name are escaped; the message keeps its text.
    let first = out.lines().next().unwrap();
    assert!(
        first.starts_with(
            "::error file=notes/missing%2C article%3A 1.md,line=2,col=5,title=factcheck contradicted::\
             The Eiffel Tower was completed in 1899. \u{2014} "
        ),
        "{first}"
    );
    assert!(first.contains("X1"), "names the reference: {first}");
    // A claim without a position has no line or col.
    assert!(out.contains(
        "::error file=tests/fixtures/formats/claims.csv,title=factcheck contradicted::The Great Wall"
    ));
    assert!(out.contains("::warning file=tests/fixtures/formats/script.txt,line=1,col=1,"));
}

// ---------------------------------------------------------------- sarif

fn sarif_validator() -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sarif-schema-2.1.0.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    // Offline: the crate is built without its HTTP and file resolvers, and
    // the schema's references are all local (`#/definitions/...`).
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles")
}

fn assert_valid_sarif(log: &Value) {
    let validator = sarif_validator();
    let errors: Vec<String> = validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "SARIF schema errors:\n{}", errors.join("\n"));
}

fn sarif_results(log: &Value) -> &Vec<Value> {
    log["runs"][0]["results"].as_array().unwrap()
}

#[test]
fn sarif_demo_is_valid_and_matches_the_report() {
    let report = json_report(&[]);
    let (code, out) = check(&[], "sarif");
    assert_eq!(code, expected_code(&report));
    let log: Value = serde_json::from_str(&out).unwrap();
    assert_valid_sarif(&log);
    let driver = &log["runs"][0]["tool"]["driver"];
    assert_eq!(driver["name"], "factcheck");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let findings: Vec<&Value> = claims(&report).iter().filter(|c| is_finding(c)).collect();
    let results = sarif_results(&log);
    assert_eq!(results.len(), findings.len());
    for (r, c) in results.iter().zip(&findings) {
        assert_eq!(r["ruleId"], c["verdict"]);
        let level = if c["verdict"] == "contradicted" {
            "error"
        } else {
            "warning"
        };
        assert_eq!(r["level"], level);
        assert_eq!(r["properties"]["claimId"], c["id"]);
        let loc = &r["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], c["article"]);
        assert_eq!(loc["region"]["startLine"], c["line"]);
        assert_eq!(loc["region"]["startColumn"], c["column"]);
        assert!(
            loc["region"]["endColumn"].as_u64().is_some(),
            "article text gives the end: {r}"
        );
        let message = r["message"]["text"].as_str().unwrap();
        assert!(message.starts_with(c["text"].as_str().unwrap()));
        assert!(message.ends_with(c["reason"].as_str().unwrap()));
    }
}

#[test]
fn sarif_fixture_is_valid_with_regions_and_reference_locations() {
    let a = fixture_args();
    let (_, out) = check(&args(&a), "sarif");
    let log: Value = serde_json::from_str(&out).unwrap();
    assert_valid_sarif(&log);
    let by_claim: BTreeMap<&str, &Value> = sarif_results(&log)
        .iter()
        .map(|r| (r["properties"]["claimId"].as_str().unwrap(), r))
        .collect();
    // `- The Eiffel Tower was completed in 1899.` at 5:3, one line: the end
    // column follows the last character.
    let r = by_claim["xss-3"];
    let region = &r["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(5), Some(3))
    );
    assert_eq!(
        region["endColumn"],
        3 + "The Eiffel Tower was completed in 1899.".chars().count()
    );
    // The deciding reference: its URL, made a valid URI, and a message.
    let related = &r["relatedLocations"][0];
    assert_eq!(
        related["physicalLocation"]["artifactLocation"]["uri"],
        "https://www.toureiffel.paris/en/history?a=1&b=%3C2%3E"
    );
    let text = related["message"]["text"].as_str().unwrap();
    assert!(
        text.starts_with("Reference X1: The Eiffel Tower was completed in 1889."),
        "{text}"
    );
    // A source that is no URL stays in the message only.
    let related = &by_claim["xss-4"]["relatedLocations"][0];
    assert!(related.get("physicalLocation").is_none());
    assert!(related["message"]["text"]
        .as_str()
        .unwrap()
        .ends_with("(source: Space agency \"myths\" page, p. 3)"));
    // A claim whose article cannot be read: start only; the path is a URI reference.
    let loc = &by_claim["csv-1"]["locations"][0]["physicalLocation"];
    assert_eq!(
        loc["artifactLocation"]["uri"],
        "notes/missing,%20article%3A%201.md"
    );
    assert_eq!(loc["region"]["startLine"], 2);
    assert!(loc["region"].get("endColumn").is_none());
    // Supported claims give no result.
    assert!(!by_claim.contains_key("xss-1"));
}

#[test]
fn sarif_schema_check_rejects_a_broken_log() {
    let (_, out) = check(&[], "sarif");
    let mut log: Value = serde_json::from_str(&out).unwrap();
    log["runs"][0]["results"][0]["level"] = "fatal".into();
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0.into();
    let validator = sarif_validator();
    assert!(
        !validator.is_valid(&log),
        "the validator must catch a bad level and line"
    );
}

// ---------------------------------------------------------------- junit

fn junit_matches_report(xml: &str, report: &Value) {
    let doc = roxmltree::Document::parse(xml).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let all = claims(report);
    assert_eq!(root.attribute("tests"), Some(all.len().to_string().as_str()));
    assert_eq!(
        root.attribute("failures"),
        Some(summary(report, "contradicted").to_string().as_str())
    );
    assert_eq!(
        root.attribute("skipped"),
        Some(summary(report, "unsupported").to_string().as_str())
    );
    let mut seen = 0;
    for suite in root.children().filter(|n| n.has_tag_name("testsuite")) {
        let article = suite.attribute("name").unwrap();
        let cases: Vec<_> = suite.children().filter(|n| n.has_tag_name("testcase")).collect();
        let expected: Vec<&Value> = all.iter().filter(|c| c["article"] == article).collect();
        assert_eq!(cases.len(), expected.len(), "suite {article}");
        assert_eq!(suite.attribute("tests"), Some(cases.len().to_string().as_str()));
        for (case, c) in cases.iter().zip(expected) {
            assert_eq!(case.attribute("name"), c["id"].as_str());
            assert_eq!(case.attribute("classname"), Some(article));
            let child = case.first_element_child().unwrap();
            match c["verdict"].as_str().unwrap() {
                "contradicted" => {
                    assert_eq!(child.tag_name().name(), "failure");
                    assert_eq!(child.attribute("type"), Some("contradicted"));
                    assert_eq!(child.attribute("message"), c["reason"].as_str());
                }
                "unsupported" => {
                    assert_eq!(child.tag_name().name(), "skipped");
                    assert_eq!(child.attribute("message"), c["reason"].as_str());
                }
                _ => assert_eq!(child.tag_name().name(), "system-out"),
            }
            let body = child.text().unwrap();
            assert!(
                body.starts_with(&format!("claim: {}", c["text"].as_str().unwrap())),
                "{body}"
            );
            seen += 1;
        }
    }
    assert_eq!(seen, all.len());
}

#[test]
fn junit_demo_parses_with_a_suite_per_article() {
    let report = json_report(&[]);
    let (code, out) = check(&[], "junit");
    assert_eq!(code, expected_code(&report));
    junit_matches_report(&out, &report);
    assert_eq!(
        roxmltree::Document::parse(&out)
            .unwrap()
            .root_element()
            .children()
            .filter(|n| n.has_tag_name("testsuite"))
            .count(),
        2
    );
}

#[test]
fn junit_fixture_escapes_markup_and_quotes() {
    let a = fixture_args();
    let report = json_report(&args(&a));
    let (_, out) = check(&args(&a), "junit");
    junit_matches_report(&out, &report);
    assert!(!out.contains("<script"), "markup is escaped");
    let doc = roxmltree::Document::parse(&out).unwrap();
    let case = doc
        .descendants()
        .find(|n| n.attribute("name") == Some("csv-2"))
        .unwrap();
    assert!(case
        .first_element_child()
        .unwrap()
        .text()
        .unwrap()
        .contains("say <script>alert(4)</script> \"guides\"."));
}

// ---------------------------------------------------------------- markdown

fn table_rows(md: &str) -> Vec<&str> {
    md.lines().filter(|l| l.starts_with("| ")).skip(2).collect()
}

#[test]
fn markdown_demo_lists_findings_contradicted_first() {
    let report = json_report(&[]);
    let (code, out) = check(&[], "markdown");
    assert_eq!(code, expected_code(&report));
    assert!(out.starts_with("## factcheck report\n"));
    let counts = format!(
        "**{}** contradicted \u{b7} **{}** unsupported \u{b7} **{}** supported",
        summary(&report, "contradicted"),
        summary(&report, "unsupported"),
        summary(&report, "supported")
    );
    assert!(out.contains(&counts), "{out}");
    let rows = table_rows(&out);
    let findings = claims(&report).iter().filter(|c| is_finding(c)).count();
    assert_eq!(rows.len(), findings);
    let contradicted = summary(&report, "contradicted");
    assert!(rows[..contradicted]
        .iter()
        .all(|r| r.contains("| \u{274C} contradicted |")));
    assert!(rows[contradicted..].iter().all(|r| r.contains("unsupported |")));
    // Contradicted first, then unsupported, each in report order; a web
    // source becomes a link.
    let ordered = ["contradicted", "unsupported"]
        .into_iter()
        .flat_map(|v| claims(&report).iter().filter(move |c| c["verdict"] == v));
    for (row, c) in rows.iter().zip(ordered) {
        assert!(
            row.contains(&format!(":{}:{} | ", c["line"], c["column"])),
            "{row}"
        );
        if let Some(r) = c["reference"].as_object() {
            let id = r["id"].as_str().unwrap();
            if r["source"].as_str().unwrap().starts_with("https://") {
                assert!(row.contains(&format!("| [{id}](https://")), "{row}");
            }
        }
    }
}

#[test]
fn markdown_fixture_cells_are_escaped() {
    let a = fixture_args();
    let (_, out) = check(&args(&a), "markdown");
    assert!(!out.contains("<script"), "{out}");
    let row = table_rows(&out)
        .into_iter()
        .find(|r| r.contains("naked eye, say"))
        .unwrap();
    assert!(
        row.contains("say &lt;script&gt;alert(4)&lt;/script&gt; \"guides\"."),
        "{row}"
    );
    assert!(
        row.contains("| X3 (Space agency \"myths\" page, p. 3) |"),
        "{row}"
    );
    let row = table_rows(&out)
        .into_iter()
        .find(|r| r.contains("notes/missing"))
        .unwrap();
    assert!(
        row.contains("[X1](https://www.toureiffel.paris/en/history?a=1&b=%3C2%3E)"),
        "{row}"
    );
    for r in table_rows(&out) {
        assert_eq!(r.matches(" | ").count(), 4, "five cells: {r}");
    }
}

// ---------------------------------------------------------------- claimreview

fn claimreview_matches_report(out: &str, report: &Value) {
    let reviews: Vec<Value> = serde_json::from_str(out).expect("a JSON array");
    let all = claims(report);
    assert_eq!(reviews.len(), all.len());
    for (r, c) in reviews.iter().zip(all) {
        assert_eq!(r["@context"], "https://schema.org");
        assert_eq!(r["@type"], "ClaimReview");
        assert_eq!(r["claimReviewed"], c["text"]);
        assert_eq!(r["identifier"], c["id"]);
        let rating = &r["reviewRating"];
        assert_eq!(rating["@type"], "Rating");
        let value = match c["verdict"].as_str().unwrap() {
            "contradicted" => 1,
            "unsupported" => 2,
            _ => 3,
        };
        assert_eq!(rating["ratingValue"], value);
        assert_eq!(
            (rating["bestRating"].as_u64(), rating["worstRating"].as_u64()),
            (Some(3), Some(1))
        );
        assert_eq!(rating["alternateName"], c["verdict"]);
        assert_eq!(r["itemReviewed"]["@type"], "Claim");
        assert_eq!(r["itemReviewed"]["appearance"]["@type"], "CreativeWork");
        assert_eq!(r["itemReviewed"]["appearance"]["name"], c["article"]);
        assert_eq!(
            r["author"],
            serde_json::json!({"@type": "Organization", "name": "factcheck"})
        );
        let source = c["reference"]["source"].as_str().unwrap_or("");
        assert_eq!(r.get("url").is_some(), source.starts_with("http"), "{r}");
    }
}

#[test]
fn claimreview_demo_has_one_review_per_claim() {
    let report = json_report(&[]);
    let (code, out) = check(&[], "claimreview");
    assert_eq!(code, expected_code(&report));
    claimreview_matches_report(&out, &report);
}

#[test]
fn claimreview_fixture_round_trips_awkward_text() {
    let a = fixture_args();
    let report = json_report(&args(&a));
    let (_, out) = check(&args(&a), "claimreview");
    claimreview_matches_report(&out, &report);
    let reviews: Vec<Value> = serde_json::from_str(&out).unwrap();
    let csv2 = reviews.iter().find(|r| r["identifier"] == "csv-2").unwrap();
    assert!(csv2["claimReviewed"]
        .as_str()
        .unwrap()
        .contains("<script>alert(4)</script> \"guides\""));
    assert!(csv2.get("url").is_none(), "a non-URL source gives no url");
    let csv1 = reviews.iter().find(|r| r["identifier"] == "csv-1").unwrap();
    assert_eq!(
        csv1["url"],
        "https://www.toureiffel.paris/en/history?a=1&b=%3C2%3E"
    );
}

// ---------------------------------------------------------------- all formats

#[test]
fn every_format_is_deterministic_and_written_whole_with_output() {
    let a = fixture_args();
    let dir = tempfile::tempdir().unwrap();
    for format in ["github", "sarif", "junit", "markdown", "claimreview", "html"] {
        let (code, first) = check(&args(&a), format);
        let (_, second) = check(&args(&a), format);
        assert_eq!(first, second, "{format} output differs between runs");
        assert!(
            !first.contains(env!("CARGO_MANIFEST_DIR")),
            "{format} has an absolute path"
        );
        let path = dir.path().join(format!("report.{format}"));
        let mut cmd = factcheck();
        cmd.arg("check")
            .args(args(&a))
            .args(["--format", format, "-o"])
            .arg(&path);
        let (code_o, out, err) = run(&mut cmd);
        assert_eq!((code_o, out.as_str(), err.as_str()), (code, "", ""), "{format}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), first, "{format} with -o");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().contains("factcheck-tmp"))
            .collect();
        assert!(leftovers.is_empty(), "temporary file left behind");
    }
}

// ---------------------------------------------------------------- html

/// The opening tags of the highlighted claims: (data-id, data-verdict).
fn claim_tags(html: &str) -> Vec<(String, String)> {
    html.match_indices("<span class=\"claim")
        .map(|(i, _)| {
            let tag = &html[i..i + html[i..].find('>').unwrap()];
            (attr(tag, "data-id"), attr(tag, "data-verdict"))
        })
        .collect()
}

fn attr(tag: &str, name: &str) -> String {
    let key = format!(" {name}=\"");
    let start = tag.find(&key).unwrap_or_else(|| panic!("no {name} in {tag}")) + key.len();
    tag[start..start + tag[start..].find('"').unwrap()].to_string()
}

/// The summary bar's count of a verdict.
fn bar_count(html: &str, verdict: &str) -> usize {
    let key = format!("class=\"count\" data-verdict=\"{verdict}\" data-count=\"");
    let start = html.find(&key).unwrap() + key.len();
    html[start..start + html[start..].find('"').unwrap()]
        .parse()
        .unwrap()
}

fn html_matches_report(html: &str, report: &Value) {
    let tags = claim_tags(html);
    let all = claims(report);
    assert_eq!(tags.len(), all.len(), "one highlighted element per claim");
    let verdicts: BTreeMap<String, String> = all
        .iter()
        .map(|c| {
            (
                c["id"].as_str().unwrap().to_string(),
                c["verdict"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    for (id, verdict) in &tags {
        assert_eq!(verdicts.get(id), Some(verdict), "claim {id}");
    }
    for v in ["supported", "contradicted", "unsupported"] {
        assert_eq!(bar_count(html, v), summary(report, v), "summary bar: {v}");
    }
}

#[test]
fn html_demo_highlights_every_claim_in_the_article_text() {
    let report = json_report(&[]);
    let (code, html) = check(&[], "html");
    assert_eq!(code, expected_code(&report));
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<meta name=\"viewport\""));
    assert_eq!(html.matches("<script").count(), 1);
    assert!(
        !html.contains("src=\"http") && !html.contains("<link"),
        "no external assets"
    );
    html_matches_report(&html, &report);
    // Both demo articles are shown as text, not as lists.
    assert_eq!(html.matches("<div class=\"text\">").count(), 2);
    assert!(!html.contains("not available"));
}

#[test]
fn html_fixture_escapes_text_and_falls_back_to_a_list() {
    let a = fixture_args();
    let report = json_report(&args(&a));
    let (_, html) = check(&args(&a), "html");
    html_matches_report(&html, &report);
    assert_eq!(html.matches("<script").count(), 1, "only the page's own script");
    assert!(html.contains("# Towers &amp; &lt;script&gt;alert(1)&lt;/script&gt; &quot;quotes&quot;"));
    assert!(html.contains("The Eiffel Tower is located in Paris &lt;script&gt;alert(1)&lt;/script&gt;."));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(!html.contains("href=\"javascript"));
    assert!(html.contains("Source: javascript:alert(1)</span>"));
    assert!(html.contains("href=\"https://www.toureiffel.paris/en/history?a=1&amp;b=%3C2%3E\""));
    // The claims CSV and the missing article: listed, not an error.
    assert_eq!(html.matches("The article text is not available").count(), 2);
    // A highlight covers the Markdown markup of its claim.
    assert!(html.contains("</span>The Eiffel Tower was completed in **1889**.<span class=\"tip\""));
}

/// Headless Chromium on the PATH (`chromium`, as `.ci/run` installs it, or
/// `chromium-browser`).
fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| ["chromium", "chromium-browser"].map(|name| dir.join(name)))
        .find(|p| p.is_file())
}

/// Whether a browser test can run. Without Chromium it says on standard
/// error that `test` is skipped (straight to the stream, past the test
/// harness's capture, so that the skip shows in every run); with
/// `FACTCHECK_REQUIRE_BROWSER=1`, which CI sets since it installs Chromium,
/// a missing browser fails the test instead.
fn browser_present(test: &str) -> bool {
    if chromium().is_some() {
        return true;
    }
    if std::env::var("FACTCHECK_REQUIRE_BROWSER").is_ok_and(|v| v == "1") {
        panic!("{test}: no chromium on the PATH, and FACTCHECK_REQUIRE_BROWSER=1 requires the browser test to run");
    }
    let _ = writeln!(
        std::io::stderr(),
        "skipped {test}: no chromium on the PATH (set FACTCHECK_REQUIRE_BROWSER=1 to fail instead)"
    );
    false
}

/// Runs headless Chromium on a file (`fragment` is `#...` or empty) and
/// returns the DOM after scripts ran.
fn dump_dom(page: &Path, fragment: &str, profile: &Path) -> String {
    let mut child = Command::new(chromium().expect("checked by browser_present"))
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}{fragment}", page.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        stdout.read_to_string(&mut s).map(|_| s)
    });
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish within 120 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    reader.join().unwrap().expect("chromium output is UTF-8")
}

/// The claim ids the findings list links to, in order, from a DOM.
fn finding_links(dom: &str) -> Vec<String> {
    let start = dom.find("<nav class=\"findings\"").expect("a findings list");
    let list = &dom[start..start + dom[start..].find("</nav>").unwrap()];
    list.match_indices("<li class=\"finding\"")
        .map(|(i, _)| {
            let rest = &list[i..];
            let h = rest.find("<a href=\"#").unwrap() + "<a href=\"#".len();
            rest[h..h + rest[h..].find('"').unwrap()].to_string()
        })
        .collect()
}

#[test]
fn html_renders_in_headless_chromium() {
    if !browser_present("html_renders_in_headless_chromium") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("profile");

    // The demo report, as a browser builds it.
    let report = json_report(&[]);
    let page = dir.path().join("demo.html");
    let mut cmd = factcheck();
    cmd.args(["check", "--format", "html", "-o"]).arg(&page);
    run(&mut cmd);
    let dom = dump_dom(&page, "", &profile);
    assert!(dom.contains("<body"), "chromium printed no DOM: {dom:.200}");
    html_matches_report(&dom, &report);
    assert_eq!(dom.matches("<script").count(), 1);
    assert!(!dom.contains("class=\"claim open\""));
    // The findings list at the top: every contradicted claim, then every
    // unsupported one, in report order, each linking to its claim by id.
    let expected: Vec<String> = ["contradicted", "unsupported"]
        .iter()
        .flat_map(|v| {
            claims(&report)
                .iter()
                .filter(move |c| c["verdict"] == *v)
                .map(|c| c["id"].as_str().unwrap().to_string())
        })
        .collect();
    assert_eq!(
        expected.len(),
        summary(&report, "contradicted") + summary(&report, "unsupported")
    );
    let links = finding_links(&dom);
    assert_eq!(
        links, expected,
        "findings list: contradicted first, then unsupported"
    );
    let claim_start = dom.find("<div class=\"text\">").unwrap();
    assert!(
        dom.find("id=\"findings\"").unwrap() < claim_start,
        "the findings come first"
    );
    for id in &expected {
        let tag = format!("id=\"{id}\" data-verdict=");
        let at = dom
            .find(&tag)
            .unwrap_or_else(|| panic!("no claim with anchor {id}"));
        assert!(
            dom[..at].ends_with("<span class=\"claim\" "),
            "the anchor {id} is a claim"
        );
        assert!(dom[at..].starts_with(&format!("{tag}\"")));
    }
    // The count chips filter: links with the verdict they show.
    for v in ["contradicted", "unsupported", "supported"] {
        assert!(
            dom.contains(&format!("href=\"#findings\" data-only=\"{v}\"")),
            "chip {v}"
        );
    }
    // Printed, a claim's reason shows under it: the print stylesheet is there.
    assert!(dom.contains("@media print{"));
    // The page's script ran: a link to a claim's id opens its details.
    let first = &expected[0];
    let dom = dump_dom(&page, &format!("#{first}"), &profile);
    assert_eq!(dom.matches("class=\"claim open\"").count(), 1);
    assert!(dom.contains(&format!("<span class=\"claim open\" id=\"{first}\"")));
    // `n` twice, then `p`: the second finding, then the first, opened (the
    // key presses come from a script added to a copy of the page).
    let keys = |presses: &[&str]| {
        let html = std::fs::read_to_string(&page).unwrap();
        let events: String = presses
            .iter()
            .map(|k| format!("document.dispatchEvent(new KeyboardEvent('keydown',{{key:'{k}'}}));"))
            .collect();
        let copy = dir.path().join("keys.html");
        std::fs::write(
            &copy,
            html.replace("</body>", &format!("<script>{events}</script></body>")),
        )
        .unwrap();
        let dom = dump_dom(&copy, "", &profile);
        assert_eq!(dom.matches("class=\"claim open\"").count(), 1, "{presses:?}");
        let at = dom.find("class=\"claim open\" id=\"").unwrap() + "class=\"claim open\" id=\"".len();
        dom[at..at + dom[at..].find('"').unwrap()].to_string()
    };
    // In the text the findings come in article order: the first of them is
    // the first non-supported claim of the first article shown.
    let in_text: Vec<String> = claim_tags(&dom)
        .into_iter()
        .filter(|(_, v)| v != "supported")
        .map(|(id, _)| id)
        .collect();
    assert_eq!(keys(&["n", "n"]), in_text[1]);
    assert_eq!(keys(&["n", "n", "p"]), in_text[0]);
    assert_eq!(
        keys(&["p"]),
        in_text[in_text.len() - 1],
        "p from the start wraps to the last"
    );

    // The fixture with <script> in the article, a claim and a reference:
    // the only live script element is the page's own.
    let a = fixture_args();
    let report = json_report(&args(&a));
    let page = dir.path().join("xss.html");
    let mut cmd = factcheck();
    cmd.arg("check")
        .args(args(&a))
        .args(["--format", "html", "-o"])
        .arg(&page);
    run(&mut cmd);
    let dom = dump_dom(&page, "", &profile);
    html_matches_report(&dom, &report);
    assert_eq!(
        dom.matches("<script").count(),
        1,
        "injected markup became elements"
    );
    assert_eq!(dom.matches("<img").count(), 0);
    assert!(
        dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "shown as text"
    );
    assert!(!dom.contains("href=\"javascript"));
}

#[test]
fn compare_html_renders_in_headless_chromium() {
    if !browser_present("compare_html_renders_in_headless_chromium") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("profile");
    // Two plain-text articles with markup in them: it must stay text in the page.
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    std::fs::write(
        &a,
        "The Brennmoor <script>alert(1)</script> ferry terminal opened on 3 October 2019.\n",
    )
    .unwrap();
    std::fs::write(
        &b,
        "The Brennmoor <img src=x onerror=alert(1)> ferry terminal opened on 3 October 2021.\n",
    )
    .unwrap();
    let page = dir.path().join("compare.html");
    let mut cmd = factcheck();
    cmd.arg("compare")
        .arg(&a)
        .arg(&b)
        .args(["--format", "html", "-o"])
        .arg(&page);
    let (code, _, err) = run(&mut cmd);
    assert_eq!(code, 0, "{err}");
    let dom = dump_dom(&page, "", &profile);
    assert!(dom.contains("<body"), "chromium printed no DOM: {dom:.200}");
    assert_eq!(dom.matches("<script").count(), 0, "{dom}");
    assert_eq!(dom.matches("<img").count(), 0, "{dom}");
    assert!(
        dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "shown as text: {dom}"
    );
    assert_eq!(dom.matches("<section aria-label=\"Article ").count(), 2, "{dom}");
    assert_eq!(dom.matches("class=\"claim conflicting\"").count(), 2, "{dom}");
    assert!(
        dom.contains("href=\"#b1\"") && dom.contains("href=\"#a1\""),
        "{dom}"
    );
}
