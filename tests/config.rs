//! factcheck.toml (issue 5): discovery, precedence, errors, `config --dump`,
//! the shipped example, severities, `--exit-zero`, completions and man page.

use std::path::{Path, PathBuf};

use crate::util::{factcheck, fixture, run};

/// A throw-away content repository in a temp dir, for runs that depend on
/// the current directory (config discovery) or change files between runs.
pub struct Repo {
    dir: tempfile::TempDir,
}

/// The landmarks article (Markdown): 6 claims, 2 contradicted (lines 5 and 6),
/// 1 unsupported (line 10), 3 supported.
pub const LANDMARKS_MD: &str = include_str!("fixtures/articles/landmarks.md");
/// The landmarks reference table.
pub const LANDMARKS_CSV: &str = include_str!("fixtures/refs/landmarks.csv");

impl Repo {
    /// An empty repository.
    pub fn new() -> Repo {
        Repo {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// A repository with `refs/landmarks.csv` and the given config.
    pub fn with_refs(config: &str) -> Repo {
        let repo = Repo::new();
        repo.write("refs/landmarks.csv", LANDMARKS_CSV);
        if !config.is_empty() {
            repo.write("factcheck.toml", config);
        }
        repo
    }

    /// Writes a file (creating its directories).
    pub fn write(&self, rel: &str, text: &str) -> &Repo {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
        self
    }

    /// Absolute path of a file of the repository.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Reads a file of the repository.
    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap()
    }

    /// Runs factcheck in a directory of the repository ("" for its root).
    pub fn run(&self, cwd: &str, args: &[&str]) -> (i32, String, String) {
        let dir = self.path(cwd);
        std::fs::create_dir_all(&dir).unwrap();
        run(factcheck().current_dir(dir).args(args))
    }

    /// Names of the files in a directory of the repository, sorted.
    pub fn files(&self, rel: &str) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.path(rel))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

/// (article, line, verdict) of each claim of a JSON report.
pub fn claims_of(json: &str) -> Vec<(String, u64, String)> {
    let v: serde_json::Value = serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}: {json}"));
    v["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["article"].as_str().unwrap().to_string(),
                c["line"].as_u64().unwrap(),
                c["verdict"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// The JSON summary as (supported, contradicted, unsupported).
pub fn summary_of(json: &str) -> (u64, u64, u64) {
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    let s = &v["summary"];
    (
        s["supported"].as_u64().unwrap(),
        s["contradicted"].as_u64().unwrap(),
        s["unsupported"].as_u64().unwrap(),
    )
}

const SITE: &str = "refs = [\"refs/\"]\narticles = [\"content/**/*.md\"]\nformat = \"json\"\n";

#[test]
fn config_in_a_parent_directory_is_found_from_a_subdirectory() {
    let repo = Repo::with_refs(SITE);
    repo.write("content/landmarks.md", LANDMARKS_MD)
        .write("content/news/nasa.md", "NASA was founded in 1958.\n")
        .write(
            "content/news/notes.txt",
            "Not matched by the glob: NASA was founded in 1950.\n",
        );
    let (code, out, err) = repo.run("content/news", &["check"]);
    assert_eq!((code, err.as_str()), (1, ""), "{out}");
    let claims = claims_of(&out);
    let articles: std::collections::BTreeSet<&str> = claims.iter().map(|c| c.0.as_str()).collect();
    assert_eq!(
        articles.into_iter().collect::<Vec<_>>(),
        ["content/landmarks.md", "content/news/nasa.md"],
        "names relative to the folder of factcheck.toml (issue 15)"
    );
    assert_eq!(claims.len(), 7);
    assert_eq!(repo.run("content/news", &["config"]).1, "../../factcheck.toml\n");
}

#[test]
fn the_closest_config_wins_and_the_dot_name_counts() {
    let repo = Repo::with_refs(SITE);
    repo.write("content/a.md", "NASA was founded in 1958.\n");
    repo.write(
        "content/sub/.factcheck.toml",
        "refs = [\"../../refs\"]\nformat = \"csv\"\n",
    );
    let (code, out, _) = repo.run("content/sub", &["check", "../a.md"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("id,article,line,column,text,verdict"), "{out}");
    assert_eq!(repo.run("content/sub", &["config"]).1, ".factcheck.toml\n");
    // In one directory, factcheck.toml wins over .factcheck.toml.
    repo.write("content/sub/factcheck.toml", "format = \"json\"\n");
    assert_eq!(repo.run("content/sub", &["config"]).1, "factcheck.toml\n");
}

#[test]
fn cli_flags_beat_the_config_which_beats_the_defaults() {
    let repo = Repo::with_refs("");
    repo.write("a.md", LANDMARKS_MD);
    let args = ["check", "a.md", "--refs", "refs"];
    // Defaults: table, fail on contradicted, min-score 0.5 (6 claims).
    let (code, out, _) = repo.run("", &args);
    assert_eq!(code, 1);
    assert!(
        out.ends_with("6 claims: 3 supported, 2 contradicted, 1 unsupported\n"),
        "{out}"
    );

    repo.write(
        "factcheck.toml",
        "format = \"json\"\nfail-on = \"never\"\nmin-score = 0.75\nprofile = \"strict\"\n",
    );
    let (code, out, _) = repo.run("", &args);
    assert_eq!(code, 0, "fail-on = never from the config");
    assert_eq!(claims_of(&out).len(), 5, "min-score 0.75 drops the 0.70 claim");

    let mut flags = args.to_vec();
    flags.extend([
        "--format",
        "csv",
        "--fail-on",
        "contradicted",
        "--min-score",
        "0.5",
    ]);
    let (code, out, _) = repo.run("", &flags);
    assert_eq!(code, 1, "--fail-on beats the config");
    assert!(out.starts_with("id,article,line,column,text,verdict"), "{out}");
    assert_eq!(
        out.lines().count(),
        7,
        "header + 6 claims: --min-score beats the config"
    );

    let mut isolated = args.to_vec();
    isolated.push("--no-config");
    let (code, out, _) = repo.run("", &isolated);
    assert_eq!(code, 1);
    assert!(
        out.ends_with("6 claims: 3 supported, 2 contradicted, 1 unsupported\n"),
        "{out}"
    );

    repo.write("other.toml", "format = \"github\"\n");
    let mut other = args.to_vec();
    other.extend(["--config", "other.toml"]);
    let (code, out, _) = repo.run("", &other);
    assert_eq!(code, 1);
    assert_eq!(
        out.lines().filter(|l| l.starts_with("::error ")).count(),
        2,
        "{out}"
    );
}

#[test]
fn unknown_key_is_an_error_with_path_line_and_exit_2() {
    let repo = Repo::with_refs("# site settings\nrefs = [\"refs/\"]\nfail_on = \"never\"\n");
    repo.write("a.md", LANDMARKS_MD);
    for (cwd, args, path) in [
        ("", vec!["check", "a.md"], "factcheck.toml"),
        ("sub", vec!["check", "../a.md"], "../factcheck.toml"),
        ("", vec!["config", "--dump"], "factcheck.toml"),
        ("", vec!["compare", "a.md", "a.md"], "factcheck.toml"),
    ] {
        let (code, out, err) = repo.run(cwd, &args);
        assert_eq!(code, 2, "{args:?}");
        assert_eq!(out, "");
        assert_eq!(err, format!("factcheck: {path}:3: unknown key `fail_on`\n"));
    }
    // --no-config sidesteps a broken file.
    let (code, _, err) = repo.run("", &["check", "a.md", "--refs", "refs", "--no-config"]);
    assert_eq!((code, err.as_str()), (1, ""));
}

#[test]
fn config_file_errors_name_the_file() {
    let (code, out, err) = run(factcheck().args(["check", "--config", "nope.toml"]));
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(err, "factcheck: nope.toml: no such file or directory\n");
    let (code, _, err) = run(factcheck().args(["config", "--config", &fixture("config/bad-value.toml")]));
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "factcheck: tests/fixtures/config/bad-value.toml:4: `min-support` must be between 0 and 1, got 1.5\n"
    );
    let repo = Repo::with_refs("articles = [\"content/*.md\"]\n");
    let (code, _, err) = repo.run("", &["check"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "factcheck: no input given and no file matches `articles` in factcheck.toml\n"
    );
}

#[test]
fn config_dump_prints_the_effective_configuration() {
    let repo = Repo::with_refs(
        "refs = [\"refs/\"]\narticles = [\"content/**/*.md\"]\nprofile = \"strict\"\n\n[severity]\nunsupported = \"off\"\n\n[ignore]\nids = [\"a-1\"]\n",
    );
    let (code, out, err) = repo.run("content", &["config", "--dump"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        out,
        "# Effective factcheck configuration: defaults < config file < command line.\n\
         # Config file: ../factcheck.toml\n\
         # Paths are relative to the current directory.\n\
         \n\
         refs = [\"../refs/\"]\n\
         articles = [\"../content/**/*.md\"]\n\
         exclude = []\n\
         format = \"table\"\n\
         fail-on = \"contradicted\"\n\
         profile = \"strict\"\n\
         min-support = 0.7\n\
         min-match = 0.5\n\
         min-score = 0.5\n\
         compare = false\n\
         \n\
         [severity]\n\
         contradicted = \"error\"\n\
         unsupported = \"off\"\n\
         \n\
         [ignore]\n\
         claims = []\n\
         ids = [\"a-1\"]\n"
    );
    // The dump is itself a configuration: loaded from where it was printed,
    // it dumps the same settings.
    repo.write("content/dumped.toml", &out);
    let (_, again, _) = repo.run("content", &["config", "--dump", "--config", "dumped.toml"]);
    assert_eq!(
        again.replace("# Config file: dumped.toml", "# Config file: ../factcheck.toml"),
        out
    );
    let (_, none, _) = Repo::new().run("", &["config", "--dump"]);
    assert!(none.contains("# Config file: none\n"), "{none}");
    assert!(none.contains(
        "\nrefs = [\"references\"]\narticles = []  # none: `check` without inputs reads every article in claims/\n"
    ));
    let (_, path, _) = Repo::new().run("", &["config"]);
    assert_eq!(
        path,
        "no configuration file (factcheck.toml or .factcheck.toml in this directory or a parent)\n"
    );
}

#[test]
fn the_example_config_loads_and_checks_the_demo() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("factcheck.example.toml");
    assert!(example.is_file());
    let (code, dump, err) = run(factcheck().args(["config", "--dump", "--config", "factcheck.example.toml"]));
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(dump.contains("\narticles = [\"claims/*.{md,txt}\"]\n"), "{dump}");
    let (code, with_example, _) =
        run(factcheck().args(["check", "--config", "factcheck.example.toml", "--format", "csv"]));
    let (code_default, default, _) = run(factcheck().args(["check", "--no-config", "--format", "csv"]));
    assert_eq!((code, code_default), (1, 1));
    assert_eq!(with_example, default, "the example sets every key to its default");
}

#[test]
fn severities_restyle_github_and_off_leaves_ci_formats_and_exit_code() {
    let repo =
        Repo::with_refs("refs = [\"refs\"]\n[severity]\ncontradicted = \"warning\"\nunsupported = \"off\"\n");
    repo.write("a.md", LANDMARKS_MD);
    let (code, out, _) = repo.run("", &["check", "a.md", "--format", "github"]);
    assert_eq!(code, 1, "fail-on still counts contradicted claims");
    let commands: Vec<&str> = out.lines().map(|l| l.split(' ').next().unwrap()).collect();
    assert_eq!(commands, ["::warning", "::warning"], "{out}");

    repo.write(
        "factcheck.toml",
        "refs = [\"refs\"]\n[severity]\ncontradicted = \"off\"\nunsupported = \"note\"\n",
    );
    let (code, out, _) = repo.run(
        "",
        &["check", "a.md", "--format", "github", "--fail-on", "unsupported"],
    );
    assert_eq!(
        code, 1,
        "the unsupported claim still fails with --fail-on unsupported"
    );
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(
        out.starts_with("::notice file=a.md,line=10,col=27,title=factcheck unsupported::"),
        "{out}"
    );
    let (code, out, _) = repo.run("", &["check", "a.md", "--format", "sarif"]);
    assert_eq!(code, 0, "contradicted findings are off");
    let log: serde_json::Value = serde_json::from_str(&out).unwrap();
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 1);
    assert_eq!(results[0]["level"], "note");
    // The full report still lists them.
    let (_, out, _) = repo.run("", &["check", "a.md", "--format", "json"]);
    assert_eq!(summary_of(&out), (3, 2, 1));
}

#[test]
fn severities_apply_to_an_annotation_for_two_claims_of_one_sentence() {
    // Found in issue 17: the severities were applied by rewriting the
    // rendered annotations one line per claim; when two claims of one
    // sentence gave one annotation, the lines did not match the claims and
    // the built-in `::error` was left.
    let repo = Repo::with_refs("refs = [\"refs\"]\n[severity]\ncontradicted = \"warning\"\n");
    repo.write(
        "a.md",
        "The Eiffel Tower was completed in 1899, and it is located in Rome.\n",
    );
    let (_, json, _) = repo.run("", &["check", "a.md", "--format", "json"]);
    assert_eq!(summary_of(&json), (0, 2, 0), "two contradicted claims: {json}");
    let (code, out, err) = repo.run("", &["check", "a.md", "--format", "github"]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(out.lines().count(), 1, "one annotation for the sentence: {out}");
    assert!(
        out.starts_with("::warning file=a.md,line=1,col=1,title=factcheck contradicted::"),
        "{out}"
    );
}

#[test]
fn exit_zero_is_fail_on_never() {
    let args = [
        "check",
        &fixture("articles/landmarks.md"),
        "--refs",
        &fixture("refs/landmarks.csv"),
        "--format",
        "json",
    ];
    let (code, failing, _) = run(factcheck().args(args));
    assert_eq!(code, 1);
    let (code, out, err) = run(factcheck().args(args).arg("--exit-zero"));
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out, failing);
    let (code, out, err) = run(factcheck()
        .args(args)
        .args(["--exit-zero", "--fail-on", "unsupported"]));
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.starts_with("error: the argument '--exit-zero' cannot be used with '--fail-on <FAIL_ON>'"),
        "{err}"
    );
    // It beats a config's fail-on too.
    let repo = Repo::with_refs("refs = [\"refs\"]\nfail-on = \"unsupported\"\n");
    repo.write("a.md", LANDMARKS_MD);
    assert_eq!(repo.run("", &["check", "a.md"]).0, 1);
    assert_eq!(repo.run("", &["check", "a.md", "--exit-zero"]).0, 0);
}

#[test]
fn completions_and_man_page_come_from_the_cli_definition() {
    let (code, bash, err) = run(factcheck().args(["completions", "bash"]));
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(bash.starts_with("_factcheck() {"), "{bash}");
    for word in [
        "check",
        "compare",
        "refs",
        "lint",
        "--write-baseline",
        "--no-config",
        "--exit-zero",
    ] {
        assert!(bash.contains(word), "bash completions lack {word}");
    }
    assert!(bash.contains("complete -F _factcheck"));
    let (_, zsh, _) = run(factcheck().args(["completions", "zsh"]));
    assert!(zsh.starts_with("#compdef factcheck\n"), "{zsh}");
    let (_, fish, _) = run(factcheck().args(["completions", "fish"]));
    assert!(fish.contains("complete -c factcheck"), "{fish}");
    let (code, _, err) = run(factcheck().args(["completions", "tcsh"]));
    assert_eq!(code, 2);
    assert!(err.contains("invalid value 'tcsh'"), "{err}");

    let (code, man, err) = run(factcheck().arg("man"));
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(man.contains("\n.TH factcheck 1 "), "{man}");
    assert!(
        man.contains("\n.SH NAME\nfactcheck \\- Find the factual claims"),
        "{man}"
    );
    assert!(man.contains("\n.SH SUBCOMMANDS\n"), "{man}");
    assert!(man.contains("factcheck\\-check"), "{man}");
}
