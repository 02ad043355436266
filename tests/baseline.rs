//! Baselines (issue 5): `--write-baseline` records today's findings,
//! `--baseline` reports and fails only on new ones.

use serde::Deserialize;

use crate::config::{claims_of, summary_of, Repo, LANDMARKS_CSV, LANDMARKS_MD};

/// The file's schema, pinned.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    fingerprint: String,
    id: String,
    verdict: String,
    text: String,
    reference: Option<String>,
}

fn repo() -> Repo {
    let repo = Repo::new();
    repo.write("refs/landmarks.csv", LANDMARKS_CSV)
        .write(
            "factcheck.toml",
            "refs = [\"refs\"]\nformat = \"json\"\nfail-on = \"unsupported\"\n",
        )
        .write("a.md", LANDMARKS_MD);
    repo
}

#[test]
fn written_baseline_lists_findings_sorted_by_fingerprint() {
    let repo = repo();
    let (code, out, err) = repo.run("", &["check", "a.md", "--write-baseline", "baseline.json"]);
    assert_eq!(code, 0, "every finding is now accepted");
    assert_eq!(err, "factcheck: wrote 3 findings to the baseline baseline.json\n");
    assert_eq!(summary_of(&out), (3, 0, 0), "the run reports as --baseline would");
    let text = repo.read("baseline.json");
    let entries: Vec<Entry> = serde_json::from_str(&text).unwrap();
    assert_eq!(entries.len(), 3);
    assert!(entries.windows(2).all(|w| w[0].fingerprint < w[1].fingerprint));
    for e in &entries {
        assert_eq!(e.fingerprint.len(), 16);
        assert!(e.fingerprint.chars().all(|c| c.is_ascii_hexdigit()));
        assert!(e.id.starts_with("a-"));
    }
    let mut found: Vec<(&str, &str, Option<&str>)> = entries
        .iter()
        .map(|e| (e.text.as_str(), e.verdict.as_str(), e.reference.as_deref()))
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            ("The Colosseum hosted 80,000 spectators.", "unsupported", None),
            (
                "The Eiffel Tower was completed in 1899.",
                "contradicted",
                Some("L1")
            ),
            (
                "The Great Wall of China is visible from the Moon with the naked eye.",
                "contradicted",
                Some("L4")
            ),
        ]
    );
    // Written once, atomically: no temporary file is left behind.
    assert_eq!(
        repo.files(""),
        ["a.md", "baseline.json", "factcheck.toml", "refs"]
    );
    // The same findings give the same bytes.
    repo.run("", &["check", "a.md", "--write-baseline", "again.json"]);
    assert_eq!(repo.read("again.json"), text);
}

#[test]
fn moved_findings_stay_baselined_and_new_ones_fail() {
    let repo = repo();
    repo.run("", &["check", "a.md", "--write-baseline", "baseline.json"]);
    let (code, out, _) = repo.run("", &["check", "a.md", "--baseline", "baseline.json"]);
    assert_eq!(code, 0);
    assert_eq!(summary_of(&out), (3, 0, 0));

    // The false claim moves down, into another paragraph: still baselined.
    let moved = format!(
        "Intro.\n\n\n{}\n\nThe Eiffel Tower was completed in 1899.\n",
        LANDMARKS_MD.replace("- The Eiffel Tower was completed in 1899.\n", "")
    );
    repo.write("a.md", &moved);
    let (code, out, _) = repo.run("", &["check", "a.md", "--baseline", "baseline.json"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(summary_of(&out), (3, 0, 0));

    // A new false claim is reported, alone, and fails.
    repo.write("a.md", &format!("{moved}\nNASA was founded in 1959.\n"));
    let (code, out, _) = repo.run("", &["check", "a.md", "--baseline", "baseline.json"]);
    assert_eq!(code, 1);
    let findings: Vec<(u64, String)> = claims_of(&out)
        .into_iter()
        .filter(|(_, _, v)| v != "supported")
        .map(|(_, l, v)| (l, v))
        .collect();
    let last = moved.lines().count() as u64 + 2;
    assert_eq!(findings, [(last, "contradicted".to_string())]);
    assert_eq!(summary_of(&out), (3, 1, 0), "the summary counts what is reported");

    // Without the baseline, everything is back.
    let (code, out, _) = repo.run("", &["check", "a.md"]);
    assert_eq!(code, 1);
    assert_eq!(summary_of(&out), (3, 3, 1));
}

#[test]
fn a_changed_verdict_or_reference_is_a_new_finding() {
    let repo = repo();
    repo.run("", &["check", "a.md", "--write-baseline", "baseline.json"]);
    // The table now holds the Colosseum: the unsupported claim becomes contradicted.
    repo.write(
        "refs/landmarks.csv",
        &format!("{LANDMARKS_CSV}L7,\"The Colosseum hosted 50,000 spectators.\",true,https://colosseo.it,\n"),
    );
    let (code, out, _) = repo.run("", &["check", "a.md", "--baseline", "baseline.json"]);
    let left: Vec<(u64, String)> = claims_of(&out)
        .into_iter()
        .filter(|(_, _, v)| v != "supported")
        .map(|(_, l, v)| (l, v))
        .collect();
    assert_eq!(left, [(10, "contradicted".to_string())], "{out}");
    assert_eq!(code, 1);
}

#[test]
fn baseline_errors() {
    let repo = repo();
    let (code, out, err) = repo.run("", &["check", "a.md", "--baseline", "nope.json"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(err, "factcheck: nope.json: no such file or directory\n");

    repo.write("bad.json", "[\n  {\"fingerprint\": \"0011\", \"id\": \"x\"}\n]\n");
    let (code, _, err) = repo.run("", &["check", "a.md", "--baseline", "bad.json"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "factcheck: bad.json:2: invalid baseline: missing field `verdict`\n"
    );

    let (code, _, err) = repo.run("", &["check", "a.md", "--write-baseline", "missing/dir/b.json"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "factcheck: missing/dir/b.json: directory missing/dir does not exist\n"
    );

    let (code, _, err) = repo.run(
        "",
        &[
            "check",
            "a.md",
            "--baseline",
            "a.json",
            "--write-baseline",
            "b.json",
        ],
    );
    assert_eq!(code, 2);
    assert!(
        err.starts_with("error: the argument '--baseline <FILE>' cannot be used with"),
        "{err}"
    );
}
