//! Inputs like the content linters (issue 15): folders walked with
//! .gitignore honoured and `exclude` applied, `-` for standard input with
//! `--stdin-filename`, names relative to the configuration's folder from any
//! working directory, `--only-configured`; `man --dir`; the shipped example
//! configuration with `--profile`.

use std::path::Path;

use crate::config::{claims_of, summary_of, Repo, LANDMARKS_MD};
use crate::util::{factcheck, run};

/// A content repository: articles at several depths, plus files a walk
/// must skip (hidden, .gitignore'd, excluded, not an article).
fn site() -> Repo {
    let repo = Repo::with_refs(
        "refs = [\"refs\"]\narticles = [\"content/**/*.md\"]\nexclude = [\"content/drafts/**\"]\n",
    );
    repo.write("content/landmarks.md", LANDMARKS_MD)
        .write("content/news/nasa.txt", "NASA was founded in 1958.\n")
        .write(
            "content/news/deep/moon.markdown",
            "The Eiffel Tower was completed in 1899.\n",
        )
        .write(
            "content/drafts/draft.md",
            "The Eiffel Tower was completed in 1899.\n",
        )
        .write("content/.hidden.md", "The Eiffel Tower was completed in 1899.\n")
        .write(
            "content/build/generated.md",
            "The Eiffel Tower was completed in 1899.\n",
        )
        .write(
            "content/data.csv",
            "id,text\nx,The Eiffel Tower was completed in 1899.\n",
        )
        .write("content/image.png.md.bak", "not an article\n")
        .write(".gitignore", "/content/build/\n")
        .write("LICENSE.txt", "MIT License. Copyright 2024.\n");
    repo
}

fn lines(text: &str) -> Vec<&str> {
    text.lines().collect()
}

#[test]
fn a_folder_is_walked_for_articles_sorted_skipping_ignored_hidden_and_excluded_files() {
    let repo = site();
    let (code, files, err) = repo.run("", &["check", "--show-files", "content"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        lines(&files),
        [
            "content/landmarks.md",
            "content/news/deep/moon.markdown",
            "content/news/nasa.txt"
        ]
    );
    // The folder gives the same report as its articles named one by one,
    // byte for byte, whatever the order they are named in.
    let (code, by_folder, err) = repo.run("", &["check", "content", "--format", "json"]);
    assert_eq!((code, err.as_str()), (1, ""), "{by_folder}");
    let (_, by_files, _) = repo.run(
        "",
        &[
            "check",
            "content/news/nasa.txt",
            "content/news/deep/moon.markdown",
            "content/landmarks.md",
            "--format",
            "json",
        ],
    );
    assert_eq!(by_folder, by_files);
    let articles: std::collections::BTreeSet<String> =
        claims_of(&by_folder).into_iter().map(|c| c.0).collect();
    assert_eq!(articles.len(), 3, "{articles:?}");
    // The configured `articles` (content/**/*.md) are found the same way:
    // not hidden, not .gitignore'd, not excluded; from any folder.
    for cwd in ["", "content/news"] {
        let (code, configured, err) = repo.run(cwd, &["check", "--show-files"]);
        assert_eq!((code, err.as_str()), (0, ""));
        assert_eq!(lines(&configured), ["content/landmarks.md"], "from {cwd:?}");
    }
    // A file named on the command line is read even where a walk skips it.
    let (_, named, _) = repo.run(
        "",
        &["check", "--show-files", "content/drafts/draft.md", "content"],
    );
    assert_eq!(lines(&named)[0], "content/drafts/draft.md");
    assert_eq!(lines(&named).len(), 4, "{named}");
}

#[test]
fn a_folder_is_checked_the_same_from_any_directory_with_repository_relative_names() {
    let repo = site();
    let (code, root, _) = repo.run("", &["check", "--format", "github"]);
    assert_eq!(code, 1);
    let (code, deep, err) = repo.run("content/news/deep", &["check", "--format", "github"]);
    assert_eq!((code, err.as_str()), (1, ""));
    assert_eq!(root, deep, "the same annotations from a sub-folder");
    let (_, named, _) = repo.run(
        "content/news",
        &["check", "../landmarks.md", "--format", "github"],
    );
    let files: Vec<&str> = named
        .lines()
        .map(|l| l.split("file=").nth(1).unwrap().split(',').next().unwrap())
        .collect();
    assert!(!files.is_empty(), "{named}");
    assert!(files.iter().all(|f| *f == "content/landmarks.md"), "{files:?}");
    let (_, sarif, _) = repo.run("content/news", &["check", "..", "--format", "sarif"]);
    let sarif: serde_json::Value = serde_json::from_str(&sarif).unwrap();
    let uris: std::collections::BTreeSet<&str> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert_eq!(
        uris.into_iter().collect::<Vec<_>>(),
        ["content/landmarks.md", "content/news/deep/moon.markdown"]
    );
    // The cross-article section names the articles the same way.
    let (_, compared, _) = repo.run(
        "content/news/deep",
        &[
            "check",
            "--compare",
            "../nasa.txt",
            "../../landmarks.md",
            "--color",
            "never",
        ],
    );
    assert!(
        compared
            .contains("\ncross-article comparison: A = content/landmarks.md, B = content/news/nasa.txt\n"),
        "{compared}"
    );
    // Without a configuration, paths stay as given.
    let (_, plain, _) = repo.run(
        "content/news",
        &[
            "check",
            "--no-config",
            "--refs",
            "../../refs",
            "../landmarks.md",
            "--format",
            "github",
        ],
    );
    assert!(plain.contains("file=../landmarks.md,"), "{plain}");
}

#[test]
fn only_configured_keeps_the_configured_articles_among_the_files_given() {
    let repo = site();
    let changed = [
        "content/landmarks.md",
        "LICENSE.txt",
        "content/drafts/draft.md",
        "content/news/nasa.txt",
        "refs/landmarks.csv",
    ];
    let mut args = vec!["check", "--only-configured", "--show-files"];
    args.extend(changed);
    let (code, files, err) = repo.run("", &args);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        lines(&files),
        ["content/landmarks.md"],
        "`articles` is content/**/*.md"
    );
    let (code, out, err) = repo.run(
        "",
        &["check", "--only-configured", "LICENSE.txt", "--format", "json"],
    );
    assert_eq!((code, err.as_str()), (0, ""), "no configured article is no error");
    assert_eq!(summary_of(&out), (0, 0, 0));

    // The pre-commit hook passes every staged file to its entry: only the
    // configured article is checked (2 contradicted claims, exit 1).
    let hooks = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(".pre-commit-hooks.yaml"))
        .unwrap();
    let entry = hooks
        .lines()
        .find_map(|l| l.trim().strip_prefix("entry: factcheck "))
        .expect("an entry running factcheck");
    let mut args: Vec<&str> = entry.split(' ').collect();
    args.extend(["--format", "json"]);
    args.extend(changed);
    let (code, out, err) = repo.run("", &args);
    assert_eq!((code, err.as_str()), (1, ""));
    let articles: std::collections::BTreeSet<String> = claims_of(&out).into_iter().map(|c| c.0).collect();
    assert_eq!(articles.into_iter().collect::<Vec<_>>(), ["content/landmarks.md"]);
}

#[test]
fn standard_input_is_an_article_named_by_stdin_filename() {
    let repo = site();
    let from_file = repo.run("", &["check", "content/landmarks.md", "--format", "github"]);
    let mut cmd = factcheck();
    cmd.current_dir(repo.path("content/news")).args([
        "check",
        "-",
        "--stdin-filename",
        "../landmarks.md",
        "--format",
        "github",
    ]);
    let piped = run(cmd.write_stdin(LANDMARKS_MD));
    assert_eq!(piped, from_file, "the same annotations as the file itself");
    assert_eq!(piped.0, 1);

    let mut cmd = factcheck();
    cmd.current_dir(repo.path(""))
        .args(["check", "-", "--format", "json"]);
    let (code, json, _) = run(cmd.write_stdin("The Eiffel Tower was completed in 1899.\n"));
    assert_eq!(code, 1);
    let claims = claims_of(&json);
    assert_eq!(claims, [("stdin".to_string(), 1, "contradicted".to_string())]);
}

#[test]
fn bad_standard_input_is_a_one_line_error() {
    let repo = site();
    let bad = |stdin: &[u8], extra: &[&str]| {
        let mut cmd = factcheck();
        cmd.current_dir(repo.path("")).args(["check", "-"]).args(extra);
        run(cmd.write_stdin(stdin.to_vec()))
    };
    let (code, out, err) = bad(b"", &[]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(err, "factcheck: stdin:1: file is empty\n");
    let (code, out, err) = bad(
        b"line one\nNASA \xff was founded\n",
        &["--stdin-filename", "a.md"],
    );
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(err, "factcheck: a.md:2: invalid UTF-8 at byte offset 14\n");
    let (code, _, err) = bad(b"x", &["-"]);
    assert_eq!(
        (code, err.as_str()),
        (2, "factcheck: `-` (standard input) is given more than once\n")
    );
    let (code, _, err) = repo.run("", &["check", "content/landmarks.md", "--stdin-filename", "a.md"]);
    assert_eq!(code, 2);
    assert!(err.contains("--stdin-filename names standard input"), "{err}");
}

#[test]
fn unknown_paths_and_empty_folders_are_errors_before_any_output() {
    let repo = site();
    std::fs::create_dir_all(repo.path("empty/.git")).unwrap();
    repo.write("empty/only.csv", "a,b\n");
    for (args, expected) in [
        (vec!["check", "missing/"], "factcheck: missing/: no such file or directory\n"),
        (
            vec!["check", "empty", "-o", "out.json"],
            "factcheck: empty: the folder holds no article (.md, .markdown or .txt files that are not hidden, ignored or excluded)\n",
        ),
    ] {
        let (code, out, err) = repo.run("", &args);
        assert_eq!((code, out.as_str(), err.as_str()), (2, "", expected));
    }
    assert!(!repo.path("out.json").exists(), "no output written");
    repo.write("factcheck.toml", "refs = [\"refs\"]\nexclude = [\"a/[b\"]\n");
    let (code, _, err) = repo.run("", &["check", "content"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("factcheck: factcheck.toml:2: invalid glob `a/[b` in `exclude`"),
        "{err}"
    );
}

/// The page names a roff page refers to: `name(1)`, written `name\-sub(1)`.
fn references(page: &str) -> Vec<String> {
    let text = page.replace("\\-", "-");
    let mut out = Vec::new();
    for (i, _) in text.match_indices("(1)") {
        let name: String = text[..i]
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric() || *c == '-')
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if name.starts_with("factcheck") {
            out.push(name);
        }
    }
    out
}

#[test]
fn man_dir_writes_a_page_per_subcommand_and_every_reference_resolves() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("man1");
    let out_s = out.to_str().unwrap();
    let (code, stdout, err) = run(factcheck().args(["man", "--dir", out_s]));
    assert_eq!((code, stdout.as_str()), (0, ""), "{err}");
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for page in [
        "factcheck.1",
        "factcheck-check.1",
        "factcheck-refs.1",
        "factcheck-refs-lint.1",
    ] {
        assert!(names.contains(&page.to_string()), "{names:?}");
    }
    let mut referenced = 0;
    for name in &names {
        let page = std::fs::read_to_string(out.join(name)).unwrap();
        let title = name.trim_end_matches(".1");
        assert!(page.contains(&format!("\n.TH {title} 1 ")), "{name}");
        for r in references(&page) {
            assert!(
                names.contains(&format!("{r}.1")),
                "{name} refers to {r}(1), not written"
            );
            referenced += 1;
        }
    }
    assert!(referenced >= 8, "the pages refer to their subcommands");
    // The page printed without --dir is the main page.
    let (_, main_page, _) = run(factcheck().arg("man"));
    assert_eq!(
        main_page,
        std::fs::read_to_string(out.join("factcheck.1")).unwrap()
    );

    // Regenerating replaces factcheck's own pages; a user's file of the same
    // name is never replaced, and then nothing is written at all.
    assert_eq!(run(factcheck().args(["man", "--dir", out_s])).0, 0);
    std::fs::write(out.join("factcheck-eval.1"), "my notes\n").unwrap();
    std::fs::remove_file(out.join("factcheck-check.1")).unwrap();
    let (code, _, err) = run(factcheck().args(["man", "--dir", out_s]));
    assert_eq!(code, 2);
    assert_eq!(
        err,
        format!(
            "factcheck: {}: exists and is not a factcheck manual page; refusing to overwrite it\n",
            out.join("factcheck-eval.1").display()
        )
    );
    assert_eq!(
        std::fs::read_to_string(out.join("factcheck-eval.1")).unwrap(),
        "my notes\n"
    );
    assert!(!out.join("factcheck-check.1").exists(), "nothing written");
}

/// Like lychee's `test_config_example`: the shipped example, copied into a
/// repository as its factcheck.toml, loads, checks, and leaves `--profile`
/// in effect.
#[test]
fn the_example_configuration_copied_into_a_repository_keeps_profiles_working() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let repo = Repo::new();
    repo.write(
        "factcheck.toml",
        &std::fs::read_to_string(root.join("factcheck.example.toml")).unwrap(),
    );
    for dir in ["claims", "references"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            let name = format!("{dir}/{}", path.file_name().unwrap().to_string_lossy());
            repo.write(&name, &std::fs::read_to_string(&path).unwrap());
        }
    }
    let json = |cwd: &str, args: &[&str]| {
        let mut all = vec!["check", "--format", "json"];
        all.extend(args);
        let (code, out, err) = repo.run(cwd, &all);
        assert_eq!((code, err.as_str()), (1, ""), "{out}");
        summary_of(&out)
    };
    let balanced = json("", &[]);
    let strict = json("", &["--profile", "strict"]);
    let lenient = json("", &["--profile", "lenient"]);
    assert_ne!(strict, balanced, "--profile strict takes effect with the example");
    assert_ne!(
        lenient, balanced,
        "--profile lenient takes effect with the example"
    );
    let default_of = |args: &[&str]| {
        let mut all = vec!["check", "--no-config", "--format", "json"];
        all.extend(args);
        summary_of(&run(factcheck().args(&all)).1)
    };
    assert_eq!(balanced, default_of(&[]), "the example sets the defaults");
    assert_eq!(strict, default_of(&["--profile", "strict"]));
    assert_eq!(
        json("claims", &["--profile", "strict"]),
        strict,
        "found from a sub-folder"
    );
}
