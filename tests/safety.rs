//! Issue 14: never destroy a file, and stay linear on hostile input.
//! Output targets, cut claims, escape sequences, huge cells and lines,
//! reference folders.

use std::path::{Path, PathBuf};

use crate::util::{factcheck, fixture_abs, run};

/// A contradicted claim (the fixtures' L1 says 1889).
const FALSE_CLAIM: &str = "The Eiffel Tower was completed in 1899.\n";

/// A temporary folder with `a.md` (one contradicted claim), a copy of the
/// fixture reference table in `refs/landmarks.csv` and a `factcheck.toml`
/// that names `refs`.
fn setup() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    std::fs::write(root.join("a.md"), FALSE_CLAIM).unwrap();
    std::fs::create_dir(root.join("refs")).unwrap();
    std::fs::copy(fixture_abs("refs/landmarks.csv"), root.join("refs/landmarks.csv")).unwrap();
    std::fs::write(root.join("factcheck.toml"), "refs = [\"refs\"]\n").unwrap();
    (dir, root)
}

/// Runs factcheck in `root` with no configuration file.
fn in_dir(root: &Path, args: &[&str]) -> (i32, String, String) {
    let mut cmd = factcheck();
    // A wide table, so that a claim's text stays on one line of its cell.
    cmd.current_dir(root).args(args).env("COLUMNS", "200");
    run(&mut cmd)
}

/// Asserts that a run fails with exit 2 and one line naming `path`, and
/// that none of `kept` changed.
fn assert_refused(root: &Path, args: &[&str], path: &str, kept: &[&str]) {
    let before: Vec<Vec<u8>> = kept
        .iter()
        .map(|k| std::fs::read(root.join(k)).unwrap())
        .collect();
    let (code, out, err) = in_dir(root, args);
    assert_eq!(code, 2, "{args:?}: {err}");
    assert_eq!(out, "", "{args:?}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with(&format!("factcheck: {path}: ")),
        "{args:?}: {err}"
    );
    for (k, b) in kept.iter().zip(before) {
        assert_eq!(
            std::fs::read(root.join(k)).unwrap(),
            b,
            "{k} was changed by {args:?}"
        );
    }
}

#[test]
fn an_input_is_never_the_output() {
    let (_dir, root) = setup();
    std::fs::write(root.join("known.json"), "[]\n").unwrap();
    let kept = ["a.md", "refs/landmarks.csv", "factcheck.toml", "known.json"];
    for (args, path) in [
        (vec!["check", "a.md", "-o", "a.md"], "a.md"),
        (vec!["check", "a.md", "-o", "./a.md"], "./a.md"),
        (
            vec!["check", "a.md", "-o", "refs/landmarks.csv"],
            "refs/landmarks.csv",
        ),
        (vec!["check", "a.md", "-o", "factcheck.toml"], "factcheck.toml"),
        (
            vec!["check", "a.md", "--baseline", "known.json", "-o", "known.json"],
            "known.json",
        ),
        (vec!["check", "a.md", "--write-baseline", "a.md"], "a.md"),
        (
            vec!["check", "a.md", "--write-baseline", "refs/landmarks.csv"],
            "refs/landmarks.csv",
        ),
        (
            vec!["check", "a.md", "-o", "r.json", "--write-baseline", "r.json"],
            "r.json",
        ),
        (vec!["extract", "a.md", "-o", "a.md"], "a.md"),
        (
            vec!["refs", "index", "refs", "-o", "refs/landmarks.csv"],
            "refs/landmarks.csv",
        ),
        (
            vec!["compare", "a.md", "refs/landmarks.csv", "-o", "a.md"],
            "a.md",
        ),
    ] {
        assert_refused(&root, &args, path, &kept);
    }
    let (_, _, err) = in_dir(&root, &["check", "a.md", "-o", "a.md"]);
    assert_eq!(
        err,
        "factcheck: a.md: is an input of this run; refusing to overwrite it with the output\n"
    );
    assert!(!root.join("r.json").exists());
}

#[cfg(unix)]
#[test]
fn an_input_behind_a_link_or_a_hard_link_is_refused() {
    let (_dir, root) = setup();
    std::fs::hard_link(root.join("a.md"), root.join("hard.md")).unwrap();
    std::os::unix::fs::symlink("a.md", root.join("soft.md")).unwrap();
    let (_, _, err) = in_dir(&root, &["check", "a.md", "-o", "hard.md"]);
    assert_eq!(
        err,
        "factcheck: hard.md: is an input of this run (as a.md); refusing to overwrite it with the output\n"
    );
    assert_refused(&root, &["check", "a.md", "-o", "soft.md"], "soft.md", &["a.md"]);
    assert_refused(&root, &["check", "soft.md", "-o", "a.md"], "a.md", &["a.md"]);
}

#[test]
fn dash_and_dev_stdout_write_to_standard_output() {
    let (_dir, root) = setup();
    for target in ["-", "/dev/stdout"] {
        let (code, out, err) = in_dir(&root, &["check", "a.md", "--format", "json", "-o", target]);
        assert_eq!((code, err.as_str()), (1, ""), "{target}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["summary"]["contradicted"], 1, "{target}");
    }
    assert!(!root.join("-").exists());
}

#[cfg(unix)]
#[test]
fn dev_stderr_redirected_to_a_file_keeps_the_file() {
    use std::os::unix::fs::MetadataExt;
    let (_dir, root) = setup();
    let log = root.join("log.txt");
    std::fs::write(&log, "before\n").unwrap();
    let ino = std::fs::metadata(&log).unwrap().ino();
    let append = std::fs::OpenOptions::new().append(true).open(&log).unwrap();
    let status = std::process::Command::new(assert_cmd::cargo::cargo_bin("factcheck"))
        .current_dir(&root)
        .args(["check", "a.md", "--format", "json", "-o", "/dev/stderr"])
        .stderr(append)
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1));
    assert_eq!(
        std::fs::metadata(&log).unwrap().ino(),
        ino,
        "the same file, not a new one"
    );
    let text = std::fs::read_to_string(&log).unwrap();
    let report = text.strip_prefix("before\n").expect("appended");
    let v: serde_json::Value = serde_json::from_str(report).unwrap();
    assert_eq!(v["summary"]["contradicted"], 1);
}

#[cfg(unix)]
#[test]
fn a_character_device_is_written_through_never_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let (_dir, root) = setup();
    let (code, out, err) = in_dir(&root, &["check", "a.md", "-o", "/dev/null"]);
    assert_eq!((code, out.as_str(), err.as_str()), (1, "", ""));
    let t = std::fs::symlink_metadata("/dev/null").unwrap().file_type();
    assert!(t.is_char_device(), "/dev/null is still a device");
}

#[cfg(unix)]
#[test]
fn a_fifo_is_written_through() {
    use std::os::unix::fs::FileTypeExt;
    let (_dir, root) = setup();
    let fifo = root.join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo failed");
    let mut reader = std::process::Command::new("cat")
        .arg(&fifo)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("cat runs");
    let (code, _, err) = in_dir(&root, &["check", "a.md", "--format", "json", "-o", "pipe"]);
    if code != 1 {
        let _ = reader.kill();
        panic!("check failed on a FIFO: {code} {err}");
    }
    let read = reader.wait_with_output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&read.stdout).unwrap();
    assert_eq!(v["summary"]["contradicted"], 1);
    assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
}

#[cfg(unix)]
#[test]
fn a_link_is_followed_and_its_target_replaced() {
    let (_dir, root) = setup();
    std::fs::create_dir(root.join("out")).unwrap();
    std::fs::write(root.join("out/report.json"), "old").unwrap();
    std::os::unix::fs::symlink("out/report.json", root.join("link.json")).unwrap();
    let (code, _, err) = in_dir(&root, &["check", "a.md", "--format", "json", "-o", "link.json"]);
    assert_eq!((code, err.as_str()), (1, ""));
    assert!(std::fs::symlink_metadata(root.join("link.json"))
        .unwrap()
        .file_type()
        .is_symlink());
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("out/report.json")).unwrap()).unwrap();
    assert_eq!(v["summary"]["contradicted"], 1);
    let left: Vec<_> = std::fs::read_dir(root.join("out")).unwrap().collect();
    assert_eq!(left.len(), 1, "no temporary file left");
    // A dangling link is refused and left as it is.
    std::os::unix::fs::symlink("missing/x.json", root.join("dangling.json")).unwrap();
    let (code, _, err) = in_dir(&root, &["check", "a.md", "-o", "dangling.json"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "factcheck: dangling.json: is a symbolic link to a missing file; refusing to write through it\n"
    );
}

#[test]
fn a_directory_is_never_replaced() {
    let (_dir, root) = setup();
    std::fs::create_dir(root.join("out")).unwrap();
    let (code, _, err) = in_dir(&root, &["check", "a.md", "-o", "out"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "factcheck: out: is a directory, not a regular file; refusing to replace it\n"
    );
    assert!(root.join("out").is_dir());
}

#[test]
fn a_failed_run_leaves_the_output_untouched_and_a_good_one_completes_it() {
    // For each bad input: exit 2, the existing output keeps its bytes; then
    // a good run writes a whole report over it.
    let (_dir, root) = setup();
    std::fs::write(root.join("report.json"), "previous report").unwrap();
    let bad: [(&str, &str); 5] = [
        ("bad.csv", "id,statement\nR1,\"open\n"),
        ("bad2.csv", "id\nR1\n"),
        ("empty.md", ""),
        ("nul.md", "a\0b"),
        ("ragged.csv", "id,statement\nR1,a,b\n"),
    ];
    for (name, text) in bad {
        std::fs::write(root.join(name), text).unwrap();
        let args: Vec<&str> = if name.ends_with(".csv") {
            vec![
                "check",
                "a.md",
                "--refs",
                name,
                "--format",
                "json",
                "-o",
                "report.json",
            ]
        } else {
            vec![
                "check",
                name,
                "--refs",
                "refs",
                "--format",
                "json",
                "-o",
                "report.json",
            ]
        };
        let (code, _, err) = in_dir(&root, &args);
        assert_eq!(code, 2, "{name}: {err}");
        assert_eq!(
            std::fs::read(root.join("report.json")).unwrap(),
            b"previous report",
            "{name}"
        );
    }
    let (code, _, _) = in_dir(
        &root,
        &[
            "check",
            "a.md",
            "--refs",
            "refs",
            "--format",
            "json",
            "-o",
            "report.json",
        ],
    );
    assert_eq!(code, 1);
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("report.json")).unwrap()).unwrap();
    assert_eq!(v["claims"].as_array().unwrap().len(), 1);
}

#[test]
fn a_paragraph_without_punctuation_is_judged_on_its_first_words() {
    let (_dir, root) = setup();
    let words = "the tower in Paris was completed in 1899 and ".repeat(2000);
    std::fs::write(root.join("long.txt"), format!("{words}\n")).unwrap();
    let (_, out, err) = in_dir(
        &root,
        &["check", "long.txt", "--refs", "refs", "--format", "json"],
    );
    assert_eq!(err, "");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let claims = v["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 1);
    let reason = claims[0]["reason"].as_str().unwrap();
    assert!(
        reason.ends_with("(claim cut to its first 150 words for matching)"),
        "{reason}"
    );
}

#[test]
fn escape_sequences_leave_no_residue_in_terminal_and_ci_formats() {
    let (_dir, root) = setup();
    std::fs::write(
        root.join("a.txt"),
        "The Eiffel \u{1b}[31mTower\u{1b}[0m was completed in \u{1b}]0;pwned\u{7}1899.\n",
    )
    .unwrap();
    for format in ["table", "github", "markdown", "junit"] {
        let (code, out, _) = in_dir(&root, &["check", "a.txt", "--refs", "refs", "--format", format]);
        assert_eq!(code, 1, "judged without the escape sequences: {format}: {out}");
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{7}'),
            "{format}: {out:?}"
        );
        assert!(
            !out.contains("[31m") && !out.contains("[0m") && !out.contains("pwned"),
            "{format}: {out}"
        );
        assert!(out.contains("Tower was completed in 1899"), "{format}: {out}");
    }
    let (_, out, _) = in_dir(&root, &["check", "a.txt", "--refs", "refs", "--format", "github"]);
    assert!(
        out.starts_with("::") && out.contains("::The Eiffel Tower was completed in 1899."),
        "{out}"
    );
}

/// Starts writing `head` then endless `x` bytes into a new FIFO at `path`,
/// from a thread, so that a reader that waits for the end of the file never
/// gets it: only a reader that stops at its limit can finish.
#[cfg(unix)]
fn endless_fifo(path: &Path, head: &'static [u8]) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo failed");
    let path = path.to_path_buf();
    std::thread::spawn(move || {
        use std::io::Write;
        let mut f = std::fs::OpenOptions::new().write(true).open(path).unwrap();
        f.write_all(head).unwrap();
        let block = vec![b'x'; 1 << 16];
        // Ends when the reader closes the FIFO (the write fails: SIGPIPE is ignored).
        while f.write_all(&block).is_ok() {}
    });
}

#[cfg(unix)]
#[test]
fn a_huge_csv_cell_is_refused_without_reading_the_rest() {
    let (_dir, root) = setup();
    endless_fifo(&root.join("endless.csv"), b"id,statement\nL1,\"The tower ");
    let mut cmd = factcheck();
    cmd.current_dir(&root)
        .args(["check", "a.md", "--refs", "endless.csv"])
        .timeout(std::time::Duration::from_secs(60));
    let (code, out, err) = run(&mut cmd);
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    assert_eq!(
        err,
        "factcheck: endless.csv:2: cell 2 is larger than 1048576 bytes (unbalanced quote?)\n"
    );
}

#[cfg(unix)]
#[test]
fn a_huge_article_line_is_refused_without_reading_the_rest() {
    let (_dir, root) = setup();
    endless_fifo(&root.join("endless.md"), b"# Title\n\nThe tower ");
    let mut cmd = factcheck();
    cmd.current_dir(&root)
        .args(["check", "endless.md"])
        .timeout(std::time::Duration::from_secs(60));
    let (code, out, err) = run(&mut cmd);
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    assert_eq!(
        err,
        format!(
            "factcheck: endless.md:3: line is longer than {} bytes; break it into lines or paragraphs\n",
            factcheck::input::capped::MAX_ARTICLE_LINE_BYTES
        )
    );
}

#[test]
fn reference_folders_are_walked_in_sorted_order() {
    let (_dir, root) = setup();
    std::fs::create_dir_all(root.join("nested/b/deep")).unwrap();
    std::fs::create_dir_all(root.join("nested/a")).unwrap();
    std::fs::create_dir_all(root.join("nested/.git")).unwrap();
    std::fs::write(root.join("nested/.git/x.csv"), "not a table").unwrap();
    std::fs::copy(
        root.join("refs/landmarks.csv"),
        root.join("nested/b/deep/landmarks.csv"),
    )
    .unwrap();
    std::fs::write(
        root.join("nested/a/nasa.csv"),
        "id,statement\nN1,NASA was founded in 1958.\n",
    )
    .unwrap();
    std::fs::write(root.join("nested/a/README.md"), "tables\n").unwrap();
    std::fs::write(root.join("b.md"), "NASA was founded in 1959.\n").unwrap();
    let (code, out, err) = in_dir(
        &root,
        &["check", "a.md", "b.md", "--refs", "nested", "--format", "json"],
    );
    assert_eq!((code, err.as_str()), (1, ""));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["summary"]["contradicted"], 2, "{out}");
    // The same folder, linted: tables in sorted order, one id each.
    let (code, out, _) = in_dir(&root, &["refs", "lint", "nested"]);
    assert!(code < 2, "{out}");
    // Two tables sharing an id name the first in walking order (a/ before b/).
    std::fs::write(
        root.join("nested/b/deep/dup.csv"),
        "id,statement\nN1,NASA is an agency.\n",
    )
    .unwrap();
    let (code, _, err) = in_dir(&root, &["check", "a.md", "--refs", "nested"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("duplicate reference id `N1` (first at nested/a/nasa.csv:2)"),
        "{err}"
    );
}

#[test]
fn a_folder_without_a_table_is_an_error_for_check_and_lint() {
    let (_dir, root) = setup();
    std::fs::create_dir_all(root.join("nested/empty")).unwrap();
    std::fs::copy(root.join("refs/landmarks.csv"), root.join("nested/landmarks.csv")).unwrap();
    for args in [
        vec!["check", "a.md", "--refs", "nested"],
        vec!["refs", "lint", "nested"],
    ] {
        let (code, out, err) = in_dir(&root, &args);
        assert_eq!((code, out.as_str()), (2, ""), "{args:?}");
        assert_eq!(
            err,
            "factcheck: nested/empty: directory holds no .csv reference table\n"
        );
    }
}

#[cfg(unix)]
#[test]
fn dangling_links_and_loops_in_reference_folders_are_errors() {
    let (_dir, root) = setup();
    std::fs::create_dir_all(root.join("nested/sub")).unwrap();
    std::fs::copy(
        root.join("refs/landmarks.csv"),
        root.join("nested/sub/landmarks.csv"),
    )
    .unwrap();
    std::os::unix::fs::symlink("..", root.join("nested/sub/up")).unwrap();
    for args in [
        vec!["check", "a.md", "--refs", "nested"],
        vec!["refs", "lint", "nested"],
    ] {
        let (code, _, err) = in_dir(&root, &args);
        assert_eq!(code, 2, "{args:?}");
        assert!(
            err.starts_with("factcheck: nested/sub/up: symbolic link loop: leads back to ")
                && err.ends_with("nested, which is being read\n"),
            "{err}"
        );
    }
    std::fs::remove_file(root.join("nested/sub/up")).unwrap();
    std::os::unix::fs::symlink("gone.csv", root.join("nested/sub/old.csv")).unwrap();
    for args in [
        vec!["check", "a.md", "--refs", "nested"],
        vec!["refs", "lint", "nested"],
    ] {
        let (code, _, err) = in_dir(&root, &args);
        assert_eq!(code, 2, "{args:?}");
        assert_eq!(
            err,
            "factcheck: nested/sub/old.csv: dangling symbolic link (its target does not exist)\n"
        );
    }
}

/// What `-o` names in the property test below.
#[derive(Debug, Clone, Copy)]
enum Target {
    /// A file that does not exist yet.
    New,
    /// An existing report.
    Existing,
    /// The article being checked.
    Article,
    /// The reference table being read.
    Table,
    /// A directory.
    Directory,
    /// A symbolic link to an existing report (unix).
    Link,
}

/// Bytes, is a directory, is a link: a path's state (following no link).
type Snapshot = Option<(Vec<u8>, bool, bool)>;

/// Bytes and file type of a path (following no link), for before/after comparisons.
fn snapshot(p: &Path) -> Snapshot {
    let meta = std::fs::symlink_metadata(p).ok()?;
    let bytes = if meta.is_file() {
        std::fs::read(p).ok()?
    } else {
        Vec::new()
    };
    Some((bytes, meta.is_dir(), meta.file_type().is_symlink()))
}

/// Every entry of a folder, recursively, with its snapshot.
fn tree(root: &Path) -> Vec<(PathBuf, Snapshot)> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for p in entries {
            if std::fs::symlink_metadata(&p).unwrap().is_dir() {
                stack.push(p.clone());
            }
            out.push((p.clone(), snapshot(&p)));
        }
    }
    out
}

mod output_property {
    use super::*;

    const ARTICLES: &[&[u8]] = &[
        b"The Eiffel Tower was completed in 1899.\n",
        b"The Eiffel Tower was completed in 1889.\n\nNASA was founded in 1958.\n",
        b"",
        b"binary\0file\n",
        b"bad \xff utf-8\n",
        b"x <!-- factcheck: of -->\n",
    ];
    const TABLES: &[&str] = &[
        "id,statement\nL1,The Eiffel Tower was completed in 1889.\n",
        "id,statement\nL1,\"never closed\n",
        "id\nL1\n",
        "id,statement\nL1,a,b\n",
    ];
    const TARGETS: &[Target] = &[
        Target::New,
        Target::Existing,
        Target::Article,
        Target::Table,
        Target::Directory,
        Target::Link,
    ];

    /// A failed run changes no file; a successful one leaves a whole report
    /// at the output and changes nothing else. Every combination of the
    /// inputs and targets above (144 runs), rather than a random sample: the
    /// few combinations that must fail are then always tried.
    #[test]
    fn a_failed_run_changes_nothing_and_a_good_run_writes_a_whole_report() {
        let mut succeeded = 0;
        for (article, table, target) in (0..ARTICLES.len())
            .flat_map(|a| (0..TABLES.len()).map(move |t| (a, t)))
            .flat_map(|(a, t)| (0..TARGETS.len()).map(move |o| (a, t, o)))
        {
            let dir = tempfile::tempdir().unwrap();
            let root = dir.path();
            std::fs::write(root.join("a.md"), ARTICLES[article]).unwrap();
            std::fs::write(root.join("t.csv"), TABLES[table]).unwrap();
            std::fs::write(root.join("old.json"), "previous").unwrap();
            std::fs::create_dir(root.join("dir")).unwrap();
            let out = match TARGETS[target] {
                Target::New => "new.json",
                Target::Existing => "old.json",
                Target::Article => "a.md",
                Target::Table => "t.csv",
                Target::Directory => "dir",
                Target::Link => {
                    #[cfg(unix)]
                    std::os::unix::fs::symlink("old.json", root.join("link.json")).unwrap();
                    #[cfg(not(unix))]
                    std::fs::write(root.join("link.json"), "previous").unwrap();
                    "link.json"
                }
            };
            let before = tree(root);
            let case = format!("article {article}, table {table}, target {:?}", TARGETS[target]);
            let (code, stdout, err) = in_dir(
                root,
                &[
                    "check",
                    "a.md",
                    "--refs",
                    "t.csv",
                    "--no-config",
                    "--format",
                    "json",
                    "-o",
                    out,
                ],
            );
            assert_eq!(stdout, "");
            let after = tree(root);
            if code == 2 {
                assert_eq!(err.lines().count(), 1, "{case}: {err}");
                assert!(before == after, "{case}: a failed run changed files: {err}");
            } else {
                assert!(code == 0 || code == 1, "{} {}", code, err);
                assert!(
                    !matches!(
                        TARGETS[target],
                        Target::Article | Target::Table | Target::Directory
                    ),
                    "{case}: an input or a directory was replaced by the report"
                );
                let written = match TARGETS[target] {
                    Target::Link => root.join("old.json"),
                    _ => root.join(out),
                };
                let v: serde_json::Value =
                    serde_json::from_str(&std::fs::read_to_string(&written).unwrap()).unwrap();
                assert!(v["claims"].is_array() && v["summary"].is_object());
                // Nothing else changed: only the output's entry differs.
                let changed: Vec<&PathBuf> = after
                    .iter()
                    .filter(|(p, s)| before.iter().find(|(q, _)| q == p).map(|(_, t)| t) != Some(s))
                    .map(|(p, _)| p)
                    .collect();
                assert!(changed.iter().all(|p| **p == written), "{:?}", changed);
                assert_eq!(after.len(), before.len() + usize::from(out == "new.json"));
                succeeded += 1;
            }
        }
        // Good article and table, into the three safe targets.
        assert_eq!(succeeded, 2 * 3, "the good runs ran");
    }
}

mod escape_property {
    use factcheck::report::escape::{strip_escapes, terminal as strip_controls};
    use proptest::prelude::*;

    /// Pieces of escape sequences and the text around them.
    const PIECES: &[&str] = &[
        "\u{1b}", "[", "]", "P", "_", "(", "\u{7}", "\\", "\u{9b}", "\u{9c}", "\u{9d}", "31", ";", "m", "0",
        "?", " ", "\n", "\t", "a", "é", "東", "\u{202E}",
    ];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

        /// No ESC or C1 control survives, nothing else is invented, and text
        /// without escapes is kept as it is.
        #[test]
        fn no_escape_survives(pieces in proptest::collection::vec(0..PIECES.len(), 0..40)) {
            let text: String = pieces.iter().map(|&i| PIECES[i]).collect();
            let out = strip_escapes(&text);
            prop_assert!(!out.chars().any(|c| c == '\u{1b}' || ('\u{80}'..='\u{9f}').contains(&c)), "{:?}", out);
            let mut rest = text.chars();
            prop_assert!(out.chars().all(|c| rest.any(|d| d == c)), "a subsequence of the input");
            if !text.contains(['\u{1b}', '\u{9b}', '\u{9c}', '\u{9d}']) {
                prop_assert_eq!(out.as_ref(), text.as_str());
            }
            prop_assert!(!strip_controls(&text).chars().any(char::is_control));
        }
    }
}
