//! `factcheck compare` (issue 4) and the cross-article section of `check`:
//! the demo articles and two small articles with planted conflicts.
use serde::Deserialize;

use crate::util::{factcheck, fixture, run};

const DEMO_A: &str = "claims/article-a-second-council.txt";
const DEMO_B: &str = "claims/article-b-boost-tech-ties.txt";

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct JsonComparison {
    pairs: Vec<JsonPair>,
    only_a: Vec<JsonClaim>,
    only_b: Vec<JsonClaim>,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct JsonPair {
    a: JsonClaim,
    b: JsonClaim,
    relation: String,
    score: f64,
    reason: String,
    /// Only with `--refs`, for conflicting pairs.
    #[serde(default)]
    backing: Option<String>,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct JsonClaim {
    id: String,
    text: String,
    line: usize,
    /// Only with `--refs`.
    #[serde(default)]
    verdict: Option<String>,
    /// Only with `--refs`: the deciding reference.
    #[serde(default)]
    reference: Option<String>,
}

/// `check A B --format json`: the report's own keys, then the comparison.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonCheckWithComparison {
    claims: Vec<serde_json::Value>,
    summary: serde_json::Value,
    comparison: JsonComparison,
}

fn compare_json(args: &[&str]) -> (i32, JsonComparison) {
    let (code, out, err) = run(factcheck().arg("compare").args(args).args(["--format", "json"]));
    assert!(err.is_empty(), "stderr: {err}");
    (code, serde_json::from_str(&out).expect("valid JSON"))
}

fn demo() -> JsonComparison {
    let (code, c) = compare_json(&[DEMO_A, DEMO_B]);
    assert_eq!(code, 0);
    c
}

fn fixtures() -> JsonComparison {
    let (code, c) = compare_json(&[&fixture("compare/a.md"), &fixture("compare/b.md")]);
    assert_eq!(code, 0, "conflicts alone do not fail without --fail-on-conflict");
    c
}

fn mentions(text: &str, words: &[&str]) -> bool {
    let lower = text.to_lowercase();
    words.iter().any(|w| lower.contains(&w.to_lowercase()))
}

/// The pair whose A claim and B claim start with these words.
fn pair<'c>(c: &'c JsonComparison, a_start: &str, b_start: &str) -> &'c JsonPair {
    c.pairs
        .iter()
        .find(|p| p.a.text.starts_with(a_start) && p.b.text.starts_with(b_start))
        .unwrap_or_else(|| panic!("no pair {a_start:?} / {b_start:?} in {:#?}", c.pairs))
}

#[test]
fn demo_articles_share_their_topics() {
    let c = demo();
    let topics: &[&[&str]] = &[
        &["Partnership Council"],
        &["submarine cable"],
        &["5G", "6G"],
        &["artificial intelligence", "AI"],
        &["data flow"],
        &["quantum", "HPC", "high-performance computing"],
    ];
    for topic in topics {
        let found = c
            .pairs
            .iter()
            .any(|p| mentions(&p.a.text, topic) && mentions(&p.b.text, topic) && !p.reason.is_empty());
        assert!(
            found,
            "no pair in which both claims mention {topic:?}: {:#?}",
            c.pairs
        );
    }
    for p in &c.pairs {
        assert!((0.0..=1.0).contains(&p.score), "{p:?}");
        assert_eq!(p.score, (p.score * 1000.0).round() / 1000.0, "3 decimals: {p:?}");
    }
}

#[test]
fn second_and_third_council_are_two_events_not_a_conflict() {
    let c = demo();
    let council = pair(
        &c,
        "The second Digital Partnership Council",
        "Their third Digital Partnership Council",
    );
    assert_eq!(council.relation, "related");
    assert!(
        council
            .reason
            .contains("another subject: A \"second\", B \"third\""),
        "{council:?}"
    );
    for p in &c.pairs {
        let second = mentions(&p.a.text, &["second", "Brussels"]);
        let third = mentions(&p.b.text, &["third", "Tokyo"]);
        assert!(
            !(second && third && p.relation == "conflicting"),
            "second-council fact against third-council fact: {p:?}"
        );
    }
    let (code, _, err) = run(factcheck().args(["compare", DEMO_A, DEMO_B, "--fail-on-conflict"]));
    assert_eq!(code, 0, "the demo articles do not contradict each other: {err}");
}

#[test]
fn demo_pairs_are_ordered_and_capped() {
    let c = demo();
    let position = |id: &str| id.rsplit('-').next().unwrap().parse::<usize>().unwrap();
    let keys: Vec<(usize, usize)> = c
        .pairs
        .iter()
        .map(|p| (position(&p.a.id), position(&p.b.id)))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort_unstable();
    assert_eq!(keys, sorted, "by A's claim, then B's");
    for (k, _) in &keys {
        assert!(
            keys.iter().filter(|(a, _)| a == k).count() <= 2,
            "A claim {k} pairs with more than 2"
        );
    }
    for (_, k) in &keys {
        assert!(
            keys.iter().filter(|(_, b)| b == k).count() <= 2,
            "B claim {k} pairs with more than 2"
        );
    }
    assert_eq!(c, demo(), "deterministic");
}

#[test]
fn refs_add_each_claims_own_verdict() {
    let (code, c) = compare_json(&[DEMO_A, DEMO_B, "--refs", "references"]);
    assert_eq!(code, 0);
    let all = c
        .pairs
        .iter()
        .flat_map(|p| [&p.a, &p.b])
        .chain(&c.only_a)
        .chain(&c.only_b);
    let mut n = 0;
    for claim in all {
        n += 1;
        assert!(
            matches!(
                claim.verdict.as_deref(),
                Some("supported" | "contradicted" | "unsupported")
            ),
            "{claim:?}"
        );
    }
    assert!(n > 20);
    // Consistent with nothing in A, contradicted by the table: the relation
    // and the verdict are two separate things.
    let aptia = c
        .only_b
        .iter()
        .find(|r| r.text.contains("APTIA"))
        .expect("APTIA claim only in B");
    assert_eq!(aptia.verdict.as_deref(), Some("contradicted"));
    assert!(c.pairs.iter().all(|p| !p.b.text.contains("APTIA")));
    let council = pair(
        &c,
        "The second Digital Partnership Council",
        "Their third Digital Partnership Council",
    );
    assert_eq!(council.relation, "related", "verdicts never change the relation");
}

#[test]
fn planted_conflicts_are_found_with_their_reason() {
    let c = fixtures();
    let cases = [
        (
            "The Harbourline tram extension opened",
            "Västerhamn's long-awaited",
            "date differs: A \"14 March 2023\", B \"14 March 2024\"",
        ),
        (
            "The opening ceremony was held",
            "The opening ceremony was held",
            "name differs: A \"Kvarnholmen\", B \"Solberga\"",
        ),
        (
            "The extension added 12",
            "The extension added 15",
            "number differs: A 12, B 15",
        ),
        (
            "The project was funded",
            "The project was not funded",
            "negation: B says \"not\"",
        ),
    ];
    for (a, b, reason) in cases {
        let p = pair(&c, a, b);
        assert_eq!(p.relation, "conflicting", "{p:?}");
        assert_eq!(p.reason, reason, "{p:?}");
    }
    assert_eq!(
        c.pairs.iter().filter(|p| p.relation == "conflicting").count(),
        cases.len(),
        "{:#?}",
        c.pairs
    );
}

#[test]
fn paraphrases_and_other_events_are_not_conflicts() {
    let c = fixtures();
    for (a, b) in [
        (
            "Mayor Ingrid Sandell cut the ribbon",
            "At the ceremony, the ribbon was cut",
        ),
        (
            "Construction of the extension took four years",
            "Building the extension took four years",
        ),
        (
            "The line carries about 40,000 passengers",
            "Around 40,000 passengers ride the line",
        ),
    ] {
        let p = pair(&c, a, b);
        assert_eq!(p.relation, "consistent", "{p:?}");
        assert!(p.reason.starts_with("same "), "{p:?}");
    }
    let phases = pair(&c, "The first phase", "The second phase");
    assert_eq!(phases.relation, "related", "{phases:?}");
    assert!(
        phases
            .reason
            .contains("another subject: A \"first\", B \"second\""),
        "{phases:?}"
    );
    // The first phase (2011) is not the extension (2024) either.
    assert!(!c
        .pairs
        .iter()
        .any(|p| p.a.text.starts_with("The first phase") && p.relation == "conflicting"));
    let only = |side: &[JsonClaim]| side.iter().map(|r| r.text.clone()).collect::<Vec<_>>();
    assert_eq!(only(&c.only_a), ["Trams run every six minutes during rush hour."]);
    assert_eq!(
        only(&c.only_b),
        ["Cafés near the new stops report more customers since the opening."]
    );
    let line = &pair(&c, "The extension added 12", "The extension added 15");
    assert_eq!((line.a.line, line.b.line), (9, 7));
}

#[test]
fn fail_on_conflict_exits_1() {
    let (a, b) = (fixture("compare/a.md"), fixture("compare/b.md"));
    let (code, out, _) = run(factcheck().args(["compare", &a, &b, "--fail-on-conflict"]));
    assert_eq!(code, 1);
    assert!(out.contains("conflicting"));
    let (code, _, _) = run(factcheck().args(["compare", &a, &b]));
    assert_eq!(code, 0);
}

#[test]
fn table_csv_and_markdown_render_the_same_pairs() {
    let (a, b) = (fixture("compare/a.md"), fixture("compare/b.md"));
    let render = |format: &str| {
        let (code, out, err) = run(factcheck().args(["compare", &a, &b, "--format", format]));
        assert_eq!(code, 0, "{err}");
        out
    };
    let table = render("table");
    assert!(
        table.contains("only in A") && table.contains("only in B"),
        "{table}"
    );
    assert!(
        table.ends_with("pairs: 8 (3 consistent, 4 conflicting, 1 related); only in A: 1; only in B: 1\n"),
        "{table}"
    );
    assert!(!table.contains('\u{1b}'), "no colour when not a terminal");

    let csv = render("csv");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "relation",
            "score",
            "reason",
            "a_id",
            "a_line",
            "a_text",
            "a_verdict",
            "b_id",
            "b_line",
            "b_text",
            "b_verdict",
            "backing"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 8 + 2);
    assert!(rows
        .iter()
        .any(|r| &r[0] == "conflicting" && &r[2] == "number differs: A 12, B 15"));
    assert_eq!(&rows[8][0], "only_a");
    assert_eq!(&rows[9][0], "only_b");

    let md = render("markdown");
    assert!(
        md.starts_with("| A | relation | B | score | reason |\n|---|---|---|---|---|\n"),
        "{md}"
    );
    assert!(
        md.contains("| Only in A |") && md.contains("| Only in B |"),
        "{md}"
    );
    assert_eq!(
        md.lines().filter(|l| l.contains("| conflicting |")).count(),
        4,
        "{md}"
    );
}

#[test]
fn output_file_holds_the_same_json() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cmp.json");
    let (a, b) = (fixture("compare/a.md"), fixture("compare/b.md"));
    let (code, out, err) = run(factcheck().args([
        "compare",
        &a,
        &b,
        "--format",
        "json",
        "-o",
        path.to_str().unwrap(),
    ]));
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""));
    let written: JsonComparison = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(written, fixtures());
}

#[test]
fn claims_csvs_compare_like_articles() {
    let (code, c) = compare_json(&[
        "claims/article-a-second-council.claims.csv",
        "claims/article-b-boost-tech-ties.claims.csv",
    ]);
    assert_eq!(code, 0);
    assert!(
        c.pairs.iter().all(|p| p.relation != "conflicting"),
        "{:#?}",
        c.pairs
    );
    assert!(
        c.only_b.iter().any(|r| r.id == "article-b-boost-tech-ties-15"),
        "APTIA claim only in B"
    );
}

#[test]
fn bad_inputs_exit_2_with_one_line() {
    let (code, out, err) = run(factcheck().args(["compare", "nope.md", &fixture("compare/b.md")]));
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert_eq!(err, "factcheck: nope.md: no such file or directory\n");
    let (a, b) = (fixture("compare/a.md"), fixture("compare/b.md"));
    let (code, _, err) = run(factcheck().args(["compare", &a, &b, "--min-score", "1.5"]));
    assert_eq!(code, 2);
    assert!(err.contains("--min-score must be between 0 and 1"), "{err}");
    let (code, _, _) = run(factcheck().args(["compare", &a]));
    assert_eq!(code, 2, "B is required");
    let (code, _, err) = run(factcheck().args(["compare", &a, &b, "--refs", "nope.csv"]));
    assert_eq!(code, 2);
    assert!(err.starts_with("factcheck: nope.csv: "), "{err}");
}

#[test]
fn check_with_two_articles_and_compare_adds_the_cross_article_section() {
    let (a, b) = (fixture("compare/a.md"), fixture("compare/b.md"));
    let refs = fixture("refs/landmarks.csv");
    // Found in issue 16: two articles alone used to add the section.
    let (_, plain, err) = run(factcheck().args(["check", &a, &b, "--refs", &refs]));
    assert!(err.is_empty(), "{err}");
    assert!(!plain.contains("cross-article"), "only with --compare: {plain}");
    let (_, plain_json, _) = run(factcheck().args(["check", &a, &b, "--refs", &refs, "--format", "json"]));
    assert!(!plain_json.contains("\"comparison\""), "{plain_json}");
    let wide = |args: &[&str]| run(factcheck().args(args).env("COLUMNS", "200"));
    let (_, table, err) = wide(&["check", &a, &b, "--refs", &refs, "--compare"]);
    assert!(err.is_empty(), "{err}");
    let (_, swapped, _) = wide(&["check", &b, &a, "--refs", &refs, "--compare"]);
    assert_eq!(
        table, swapped,
        "A is the path that sorts first, whatever the order of the inputs"
    );
    let at = table
        .find("cross-article comparison: A = ")
        .expect("cross-article section");
    assert!(
        table[..at].contains("┆ reference ┆") && !table[..at].contains(" claims: "),
        "after the verdict table, before its summary: {table}"
    );
    let last = table.lines().last().unwrap();
    assert!(
        last.contains(" claims: ") && last.contains(" contradicted, "),
        "the summary line of the check comes last: {last}"
    );
    assert!(table[at..].contains("number differs: A 12, B 15"), "{table}");

    let (_, json, _) =
        run(factcheck().args(["check", &a, &b, "--refs", &refs, "--format", "json", "--compare"]));
    let with: JsonCheckWithComparison = serde_json::from_str(&json).unwrap();
    assert_eq!(with.comparison, fixtures(), "the same data as `compare A B`");
    assert!(!with.claims.is_empty() && with.summary.is_object());
    let keys: Vec<&str> = json.lines().filter(|l| l.starts_with("  \"")).collect();
    assert_eq!(keys.len(), 3, "{keys:?}");
    assert!(
        keys[0].starts_with("  \"claims\"") && keys[2].starts_with("  \"comparison\""),
        "{keys:?}"
    );

    // One article, or claims CSVs: the report alone.
    let (_, one, _) = run(factcheck().args(["check", &a, "--refs", &refs, "--compare"]));
    assert!(!one.contains("cross-article"));
    let csvs = [
        "claims/article-a-second-council.claims.csv",
        "claims/article-b-boost-tech-ties.claims.csv",
    ];
    let (_, from_csv, _) = run(factcheck()
        .arg("check")
        .args(csvs)
        .args(["--format", "json", "--compare"]));
    assert!(!from_csv.contains("\"comparison\""));
}

#[test]
fn readme_command_shows_the_demo_comparison() {
    // `check` with no input checks every article in claims/: there are two.
    let (_, out, err) = run(factcheck().args(["check", "--compare"]));
    assert!(err.is_empty(), "{err}");
    let at = out.find("cross-article comparison: A = claims/article-a-second-council.txt, B = claims/article-b-boost-tech-ties.txt").expect("section");
    assert!(out[at..].contains("Partnership Council"), "{out}");
}

/// Two small articles written into a temporary folder.
fn two_articles(a: &str, b: &str) -> (tempfile::TempDir, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let (pa, pb) = (dir.path().join("a.md"), dir.path().join("b.md"));
    std::fs::write(&pa, a).unwrap();
    std::fs::write(&pb, b).unwrap();
    let s = |p: std::path::PathBuf| p.to_string_lossy().into_owned();
    (dir, s(pa), s(pb))
}

#[test]
fn ignored_claims_are_out_of_the_comparison() {
    // Found in issue 16: a claim under `<!-- factcheck: ignore -->` still
    // showed as a conflict in `compare` and in check's cross-article section.
    let (_dir, a, b) = two_articles(
        "The Brennmoor ferry terminal opened to passengers on 3 October 2019.\n\n\
         The ferry crossing takes 40 minutes in calm weather.\n",
        "<!-- factcheck: ignore -->\n\
         The Brennmoor ferry terminal opened to passengers on 3 October 2021.\n\n\
         The ferry crossing takes 40 minutes in calm weather.\n",
    );
    let (_, c) = compare_json(&[&a, &b]);
    let all_b: Vec<&str> = c
        .pairs
        .iter()
        .map(|p| p.b.text.as_str())
        .chain(c.only_b.iter().map(|r| r.text.as_str()))
        .collect();
    assert!(!all_b.iter().any(|t| t.contains("2021")), "{c:#?}");
    assert!(c.pairs.iter().all(|p| p.relation != "conflicting"), "{c:#?}");
    // Without the marker the same two articles conflict on the date.
    let (_dir2, a2, b2) = two_articles(
        "The Brennmoor ferry terminal opened to passengers on 3 October 2019.\n",
        "The Brennmoor ferry terminal opened to passengers on 3 October 2021.\n",
    );
    let (_, c2) = compare_json(&[&a2, &b2]);
    assert!(c2.pairs.iter().any(|p| p.relation == "conflicting"), "{c2:#?}");
    // check's cross-article section loads claims the same way.
    let (_, json, err) = run(factcheck().args([
        "check",
        &a,
        &b,
        "--compare",
        "--format",
        "json",
        "--refs",
        &fixture("refs/landmarks.csv"),
    ]));
    assert!(err.is_empty(), "{err}");
    let with: JsonCheckWithComparison = serde_json::from_str(&json).unwrap();
    assert_eq!(with.comparison, c, "the same comparison as `compare A B`");
}

#[test]
fn markdown_defuses_mentions() {
    // Found in issue 16: `compare --format markdown` printed a raw @octocat,
    // which pings that user when pasted into a pull-request comment.
    let (_dir, a, b) = two_articles(
        "The Brennmoor ferry app was built by @octocat in 2019.\n",
        "The Brennmoor ferry app was built by @octocat in 2020.\n",
    );
    let (code, md, err) = run(factcheck().args(["compare", &a, &b, "--format", "markdown"]));
    assert_eq!(code, 0, "{err}");
    assert!(md.contains("octocat"), "{md}");
    assert!(!md.contains("@octocat"), "{md}");
    assert!(md.contains("@\u{2060}octocat"), "{md}");
}

#[test]
fn the_config_compare_key_adds_the_section() {
    let (dir, a, b) = two_articles(
        "The Brennmoor ferry terminal opened to passengers on 3 October 2019.\n",
        "The Brennmoor ferry terminal opened to passengers on 3 October 2021.\n",
    );
    let refs = fixture("refs/landmarks.csv");
    let cfg = dir.path().join("factcheck.toml");
    std::fs::write(&cfg, "compare = true\n").unwrap();
    let cfg = cfg.to_string_lossy().into_owned();
    let (_, out, err) = run(factcheck().args(["check", &a, &b, "--refs", &refs, "--config", &cfg]));
    assert!(err.is_empty(), "{err}");
    assert!(out.contains("cross-article comparison: A = "), "{out}");
    assert!(out.contains("date differs"), "{out}");
    let (_, out, _) = run(factcheck().args(["check", &a, &b, "--refs", &refs, "--no-config"]));
    assert!(!out.contains("cross-article"), "{out}");
}

#[test]
fn refs_say_which_side_of_a_conflict_they_back() {
    let dir = tempfile::tempdir().unwrap();
    let refs = dir.path().join("refs.csv");
    std::fs::write(
        &refs,
        "id,statement,source,rating\n\
         H1,The Harbourline extension added 12 new stops to the tram network.,https://example.org/h1,true\n",
    )
    .unwrap();
    let (a, b) = (fixture("compare/a.md"), fixture("compare/b.md"));
    let refs = refs.to_string_lossy().into_owned();
    let (code, c) = compare_json(&[&a, &b, "--refs", &refs]);
    assert_eq!(code, 0);
    let stops = pair(&c, "The extension added 12", "The extension added 15");
    assert_eq!(stops.relation, "conflicting");
    assert_eq!(stops.a.reference.as_deref(), Some("H1"));
    assert_eq!(
        stops.backing.as_deref(),
        Some("A agrees with ref H1; B contradicts it"),
        "{stops:?}"
    );
    // A conflict the table says nothing about backs neither side.
    let date = pair(
        &c,
        "The Harbourline tram extension opened",
        "Västerhamn's long-awaited",
    );
    assert_eq!(
        date.backing
            .as_deref()
            .map(|b| b.starts_with("neither is backed")),
        Some(true),
        "{date:?}"
    );
    // Without --refs there is no backing.
    assert!(fixtures().pairs.iter().all(|p| p.backing.is_none()));
    let (_, md, _) = run(factcheck().args(["compare", &a, &b, "--refs", &refs, "--format", "markdown"]));
    assert!(
        md.contains("number differs: A 12, B 15 (A agrees with ref H1; B contradicts it)"),
        "{md}"
    );
}

#[test]
fn html_shows_the_articles_side_by_side() {
    let (a, b) = (fixture("compare/a.md"), fixture("compare/b.md"));
    let (code, html, err) = run(factcheck().args(["compare", &a, &b, "--format", "html"]));
    assert_eq!(code, 0, "{err}");
    assert!(
        html.starts_with("<!DOCTYPE html>") && html.ends_with("</html>\n"),
        "{html}"
    );
    assert_eq!(html.matches("<section aria-label=\"Article ").count(), 2);
    assert!(html.contains("<li class=\"claim conflicting\""), "{html}");
    assert!(html.contains("number differs: A 12, B 15"), "{html}");
    assert!(
        !html.contains("<script") && !html.contains("src="),
        "self-contained: {html}"
    );
    let (_, again, _) = run(factcheck().args(["compare", &a, &b, "--format", "html"]));
    assert_eq!(html, again, "deterministic");
}
