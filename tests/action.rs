//! The GitHub Action's script (scripts/action.sh, issue 15), run against a
//! temporary git repository with a base and a head commit: which changed
//! files it checks, what it writes to the step outputs, the job summary and
//! the SARIF log, and the fallback to annotations for forks.

use std::path::Path;
use std::process::Command;

use crate::config::{Repo, LANDMARKS_MD};

/// True when a program runs (`git --version`).
fn have(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn git(repo: &Repo, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(args)
        .current_dir(repo.path(""))
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.com")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.com")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

/// What one run of the script left: exit code, stdout, stderr, the step
/// outputs (`key=value` lines) and the job summary.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
    outputs: String,
    summary: String,
}

impl Run {
    fn output(&self, key: &str) -> &str {
        self.outputs
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{key}=")))
            .unwrap_or_else(|| panic!("no {key} in {}", self.outputs))
    }
}

fn action(repo: &Repo, cwd: &str, env: &[(&str, &str)]) -> Run {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/action.sh");
    let tmp = tempfile::tempdir().unwrap();
    let outputs = tmp.path().join("outputs");
    let summary = tmp.path().join("summary.md");
    let mut cmd = Command::new("bash");
    cmd.arg(script)
        .current_dir(repo.path(cwd))
        .env("FACTCHECK", env!("CARGO_BIN_EXE_factcheck"))
        .env("GITHUB_OUTPUT", &outputs)
        .env("GITHUB_STEP_SUMMARY", &summary)
        .env("FACTCHECK_SARIF_FILE", tmp.path().join("factcheck.sarif"))
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    let read = |p: &Path| std::fs::read_to_string(p).unwrap_or_default();
    let run = Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
        outputs: read(&outputs),
        summary: read(&summary),
    };
    // The SARIF log lives in the temp dir: parse it before it goes.
    if let Some(sarif) = run.outputs.lines().find_map(|l| l.strip_prefix("sarif=")) {
        if !sarif.is_empty() {
            let log: serde_json::Value = serde_json::from_str(&read(Path::new(sarif))).unwrap();
            let uris: Vec<String> = log["runs"][0]["results"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| {
                    r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                        .as_str()
                        .unwrap()
                        .to_string()
                })
                .collect();
            return Run {
                outputs: format!("{}sarif-uris={}\n", run.outputs, uris.join(" ")),
                ..run
            };
        }
    }
    run
}

/// Base: the config, the table, an article with a contradiction that the
/// pull request leaves alone, one it deletes, a LICENSE.txt. Head: a new
/// article with contradictions, a changed LICENSE.txt, a new text file
/// outside `articles`, the deleted article gone.
fn two_commits() -> Option<(Repo, String, String)> {
    if !have("git") || !have("bash") {
        let _ = std::io::Write::write_all(
            &mut std::io::stderr(),
            b"skipped: the action script test needs git and bash\n",
        );
        return None;
    }
    let repo = Repo::with_refs(
        "refs = [\"refs\"]\narticles = [\"content/**/*.md\"]\nexclude = [\"content/drafts/**\"]\n",
    );
    repo.write(
        "content/untouched.md",
        "The Eiffel Tower was completed in 1899.\n",
    )
    .write("content/gone.md", "The Eiffel Tower was completed in 1899.\n")
    .write("LICENSE.txt", "MIT License.\n");
    git(&repo, &["init", "-q", "-b", "main"]);
    git(&repo, &["add", "-A"]);
    git(&repo, &["commit", "-qm", "base"]);
    let base = git(&repo, &["rev-parse", "HEAD"]);
    repo.write("content/news/landmarks.md", LANDMARKS_MD)
        .write(
            "content/drafts/wip.md",
            "The Eiffel Tower was completed in 1899.\n",
        )
        .write("LICENSE.txt", "MIT License. Copyright 2024.\n")
        .write("notes.md", "The Eiffel Tower was completed in 1899.\n");
    std::fs::remove_file(repo.path("content/gone.md")).unwrap();
    git(&repo, &["add", "-A"]);
    git(&repo, &["commit", "-qm", "head"]);
    let head = git(&repo, &["rev-parse", "HEAD"]);
    Some((repo, base, head))
}

#[test]
fn the_action_checks_only_the_changed_configured_articles_and_summarises() {
    let Some((repo, base, head)) = two_commits() else {
        return;
    };
    let run = action(&repo, "", &[("FACTCHECK_BASE", &base), ("FACTCHECK_HEAD", &head)]);
    assert_eq!(run.code, 0, "findings do not fail the script: {}", run.stderr);
    assert_eq!(run.output("articles"), "1", "{}", run.outputs);
    assert_eq!(run.output("status"), "1", "the article has contradictions");
    let uris = run.output("sarif-uris");
    assert!(!uris.is_empty());
    assert!(
        uris.split(' ').all(|u| u == "content/news/landmarks.md"),
        "only the changed configured article: {uris}"
    );
    assert_eq!(run.stdout, "", "SARIF, not annotations");
    // The summary names the article checked and holds the report's counts.
    assert!(run.summary.starts_with("## factcheck\n"), "{}", run.summary);
    assert!(
        run.summary.contains("- `content/news/landmarks.md`\n"),
        "{}",
        run.summary
    );
    assert!(run.summary.contains("**2** contradicted"), "{}", run.summary);
    assert!(
        run.summary.contains("| content/news/landmarks.md:5:3 |"),
        "{}",
        run.summary
    );
    for other in ["untouched.md", "gone.md", "wip.md", "LICENSE", "notes.md"] {
        assert!(
            !run.summary.contains(other),
            "{other} is not checked: {}",
            run.summary
        );
    }
}

#[test]
fn the_action_falls_back_to_annotations_for_forks_and_passes_without_articles() {
    let Some((repo, base, head)) = two_commits() else {
        return;
    };
    let fork = action(
        &repo,
        "content",
        &[
            ("FACTCHECK_BASE", &base),
            ("FACTCHECK_HEAD", &head),
            ("FACTCHECK_FORK", "true"),
        ],
    );
    assert_eq!(fork.code, 0, "{}", fork.stderr);
    assert_eq!(fork.output("sarif"), "", "no SARIF from a fork");
    let files: Vec<&str> = fork
        .stdout
        .lines()
        .map(|l| l.split("file=").nth(1).unwrap().split(',').next().unwrap())
        .collect();
    assert!(fork.stdout.starts_with("::error file="), "{}", fork.stdout);
    assert!(
        files.iter().all(|f| *f == "content/news/landmarks.md"),
        "{files:?}"
    );
    assert_eq!(fork.output("status"), "1");

    // A pull request that changes no configured article: nothing to check.
    let none = action(&repo, "", &[("FACTCHECK_BASE", &head), ("FACTCHECK_HEAD", &head)]);
    assert_eq!(
        (none.code, none.output("status"), none.output("articles")),
        (0, "0", "0")
    );
    assert!(
        none.summary.contains("No configured article changed"),
        "{}",
        none.summary
    );

    // Without a base (a push), every configured article is checked.
    let all = action(&repo, "", &[]);
    assert_eq!(all.output("articles"), "2", "{}", all.stderr);
    assert!(
        all.summary.contains("- `content/untouched.md`\n"),
        "{}",
        all.summary
    );

    // A base that is not there is an error, not a silent pass.
    let missing = action(
        &repo,
        "",
        &[("FACTCHECK_BASE", "0123456789abcdef0123456789abcdef01234567")],
    );
    assert_eq!(missing.code, 2);
    assert!(missing.stderr.contains("not found"), "{}", missing.stderr);
}
