//! Ignoring claims (issue 5): inline markers in Markdown and plain text,
//! and the config's `[ignore]` list.

use crate::config::{claims_of, summary_of, Repo, LANDMARKS_CSV};

/// Four contradicted claims, one per paragraph, on lines 1, 3, 5 and 7.
const FOUR_FALSE: &str = "The Eiffel Tower was completed in 1899.\n\
\n\
NASA was founded in 1959.\n\
\n\
The Eiffel Tower was completed in 1879.\n\
\n\
The Great Wall of China is visible from the Moon with the naked eye.\n";

fn repo() -> Repo {
    let repo = Repo::new();
    repo.write("refs/landmarks.csv", LANDMARKS_CSV)
        .write("factcheck.toml", "refs = [\"refs\"]\nformat = \"json\"\n");
    repo
}

/// What a check of one article gives: exit code, (line, verdict) of each
/// claim, and the summary.
type Checked = (i32, Vec<(u64, String)>, (u64, u64, u64));

fn check(repo: &Repo, article: &str) -> Checked {
    let (code, out, err) = repo.run("", &["check", article]);
    assert_eq!(err, "", "{article}");
    let lines = claims_of(&out).into_iter().map(|(_, l, v)| (l, v)).collect();
    (code, lines, summary_of(&out))
}

fn lines(list: &[(u64, String)]) -> Vec<u64> {
    list.iter().map(|(l, _)| *l).collect()
}

#[test]
fn without_markers_every_claim_is_reported() {
    let repo = repo();
    repo.write("a.md", FOUR_FALSE);
    let (code, claims, summary) = check(&repo, "a.md");
    assert_eq!(code, 1);
    assert_eq!(lines(&claims), [1, 3, 5, 7]);
    assert_eq!(summary, (0, 4, 0));
}

#[test]
fn ignore_marker_on_the_line_before_or_on_the_claims_line() {
    let repo = repo();
    repo.write(
        "a.md",
        "<!-- factcheck: ignore -->\n\
         The Eiffel Tower was completed in 1899.\n\
         \n\
         NASA was founded in 1959. <!-- factcheck: ignore -->\n\
         \n\
         The Eiffel Tower was completed in 1879.\n",
    );
    let (code, claims, summary) = check(&repo, "a.md");
    assert_eq!(code, 1);
    assert_eq!(lines(&claims), [6], "{claims:?}");
    assert_eq!(summary, (0, 1, 0), "ignored claims are not counted");
}

#[test]
fn an_end_of_line_marker_does_not_hide_the_next_line() {
    // Issue 14: a wrong date planted on the line after a trailing marker
    // was never reported.
    let repo = repo();
    repo.write(
        "a.md",
        "NASA was founded in 1959. <!-- factcheck: ignore -->\n\
         The Eiffel Tower was completed in 1899.\n",
    );
    let (code, claims, summary) = check(&repo, "a.md");
    assert_eq!(code, 1);
    assert_eq!(claims, [(2, "contradicted".to_string())]);
    assert_eq!(summary, (0, 1, 0));
    // Alone on its line, the marker silences the line after it, and only it.
    repo.write(
        "b.md",
        "<!-- factcheck: ignore -->\n\
         NASA was founded in 1959.\n\
         The Eiffel Tower was completed in 1899.\n",
    );
    let (_, claims, _) = check(&repo, "b.md");
    assert_eq!(lines(&claims), [3], "{claims:?}");
}

#[test]
fn off_on_block_ignores_everything_between() {
    let repo = repo();
    repo.write(
        "a.md",
        "The Eiffel Tower was completed in 1899.\n\
         \n\
         <!-- factcheck: off -->\n\
         NASA was founded in 1959.\n\
         \n\
         The Eiffel Tower was completed in 1879.\n\
         <!-- factcheck: on -->\n\
         \n\
         The Great Wall of China is visible from the Moon with the naked eye.\n",
    );
    let (_, claims, _) = check(&repo, "a.md");
    assert_eq!(lines(&claims), [1, 9]);
}

#[test]
fn ignore_file_anywhere_silences_the_whole_article() {
    let repo = repo();
    repo.write(
        "a.md",
        &format!("{FOUR_FALSE}\n<!-- factcheck: ignore-file -->\n"),
    );
    let (code, claims, summary) = check(&repo, "a.md");
    assert_eq!(code, 0, "nothing left to fail");
    assert!(claims.is_empty());
    assert_eq!(summary, (0, 0, 0));
}

#[test]
fn plain_text_articles_take_the_same_markers() {
    let repo = repo();
    repo.write(
        "a.txt",
        "The Eiffel Tower was completed in 1899. <!-- factcheck: ignore -->\n\
         \n\
         <!-- factcheck: off -->\n\
         NASA was founded in 1959.\n\
         <!-- factcheck: on -->\n\
         \n\
         The Eiffel Tower was completed in 1879.\n",
    );
    let (code, out, _) = repo.run("", &["check", "a.txt"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let claims = v["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 1, "{out}");
    assert_eq!(claims[0]["line"], 7);
    assert_eq!(claims[0]["text"], "The Eiffel Tower was completed in 1879.");
    repo.write(
        "b.txt",
        "Intro line.\n<!-- factcheck: ignore-file -->\nNASA was founded in 1959.\n",
    );
    assert_eq!(check(&repo, "b.txt").0, 0);
}

#[test]
fn config_ignores_claims_by_text_and_by_id() {
    let repo = repo();
    repo.write("a.md", FOUR_FALSE).write(
        "factcheck.toml",
        "refs = [\"refs\"]\nformat = \"json\"\n\n[ignore]\n\
         claims = [\"  NASA was founded\\n in   1959. \"]\n\
         ids = [\"a-4\"]\n",
    );
    let (code, claims, summary) = check(&repo, "a.md");
    assert_eq!(code, 1);
    assert_eq!(lines(&claims), [1, 5]);
    assert_eq!(summary, (0, 2, 0));
}

#[test]
fn a_misspelt_marker_is_an_error() {
    let repo = repo();
    repo.write(
        "a.md",
        "The Eiffel Tower was completed in 1899.\n\n<!-- factcheck: of -->\n",
    );
    let (code, out, err) = repo.run("", &["check", "a.md"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        "factcheck: a.md:3: unknown factcheck marker `of` (expected ignore, off, on or ignore-file)\n"
    );
}
