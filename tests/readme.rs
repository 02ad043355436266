//! README.md and docs/*.md stay true: the README's two commands are the ones CI
//! and users run, every shell command shown runs as written, and every relative
//! link (and its `#anchor`) resolves.
//!
//! Commands come from the fenced code blocks: a ```sh block is one command per
//! line (`\` continues a line, `#` starts a comment); a ```console block holds
//! `$ command` lines, each followed by its output, which must match when the
//! block shows all of it (no `…` line). They run with bash, one after another
//! in order, in a temporary copy of the repository (a fresh git repository),
//! with `factcheck` on `PATH` as the binary under test and `HOME` inside the
//! copy. `cargo run --release -- ARGS` runs as `factcheck ARGS` (the README
//! says the two are interchangeable). A command must exit with 0; a factcheck
//! command may also exit with 1 (findings), never with 2 (an error). Commands
//! that build, need the network, root or a browser, or run for minutes are
//! skipped, and the reason is printed (`cargo test -- --nocapture readme`).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::util::{factcheck, run};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// README.md, then docs/*.md in name order.
fn doc_files() -> Vec<PathBuf> {
    let mut docs: Vec<PathBuf> = fs::read_dir(root().join("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    let mut files = vec![root().join("README.md")];
    files.extend(docs);
    files
}

fn rel(path: &Path) -> String {
    path.strip_prefix(root()).unwrap().to_string_lossy().into_owned()
}

/// A fenced code block: its file, the line of its opening fence, its language
/// and its lines.
struct Block {
    file: String,
    line: usize,
    lang: String,
    lines: Vec<String>,
}

fn blocks(path: &Path) -> Vec<Block> {
    let text = fs::read_to_string(path).unwrap();
    let mut out = Vec::new();
    let mut open: Option<(Block, usize)> = None;
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        match open.take() {
            None => {
                if let Some(lang) = trimmed.strip_prefix("```") {
                    let block = Block {
                        file: rel(path),
                        line: i + 1,
                        lang: lang.trim().to_string(),
                        lines: Vec::new(),
                    };
                    open = Some((block, indent));
                }
            }
            Some((mut block, indent_of_fence)) => {
                if trimmed.starts_with("```") {
                    out.push(block);
                } else {
                    let body = line.get(indent_of_fence..).unwrap_or(trimmed);
                    block.lines.push(body.to_string());
                    open = Some((block, indent_of_fence));
                }
            }
        }
    }
    assert!(open.is_none(), "{}: a code block is never closed", rel(path));
    out
}

/// Markdown text outside code blocks (links in code are no links).
fn prose(path: &Path) -> String {
    let text = fs::read_to_string(path).unwrap();
    let mut fence = false;
    let mut out = String::new();
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fence = !fence;
        } else if !fence {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// A shell command shown in the docs, with the output shown after it (console
/// blocks only; `None` when the block does not show all of it).
struct Shown {
    place: String,
    command: String,
    output: Option<String>,
}

fn shown_commands() -> Vec<Shown> {
    let mut all = Vec::new();
    for path in doc_files() {
        for block in blocks(&path) {
            match block.lang.as_str() {
                "sh" | "bash" | "shell" => {
                    let mut pending = String::new();
                    for (i, line) in block.lines.iter().enumerate() {
                        let line = line.trim();
                        if pending.is_empty() && (line.is_empty() || line.starts_with('#')) {
                            continue;
                        }
                        if let Some(head) = line.strip_suffix('\\') {
                            pending.push_str(head);
                            continue;
                        }
                        pending.push_str(line);
                        all.push(Shown {
                            place: format!("{}:{}", block.file, block.line + 1 + i),
                            command: std::mem::take(&mut pending),
                            output: None,
                        });
                    }
                }
                "console" => {
                    let complete = !block.lines.iter().any(|l| l.trim() == "…" || l.trim() == "...");
                    let mut current: Option<Shown> = None;
                    for (i, line) in block.lines.iter().enumerate() {
                        if let Some(command) = line.strip_prefix("$ ") {
                            all.extend(current.take());
                            current = Some(Shown {
                                place: format!("{}:{}", block.file, block.line + 1 + i),
                                command: command.trim().to_string(),
                                output: complete.then(String::new),
                            });
                        } else if let Some(Shown {
                            output: Some(out), ..
                        }) = current.as_mut()
                        {
                            out.push_str(line);
                            out.push('\n');
                        }
                    }
                    all.extend(current);
                }
                _ => {}
            }
        }
    }
    all
}

/// Why a command is not run here, if it is not.
fn skip_reason(command: &str) -> Option<&'static str> {
    let rules: &[(&str, &str)] = &[
        (
            "cargo test",
            "the test command itself (this test is part of it)",
        ),
        (
            "cargo install --path .",
            "builds and installs the release binary; this test runs the binary cargo built",
        ),
        ("cargo install cargo-fuzz", "needs the network"),
        (
            "bash .ci/run",
            "CI itself: installs Chromium, then runs the whole test suite",
        ),
        (
            "bash benches/",
            "a benchmark: builds the release binary, needs ../shared/bench beside the repository, may run for minutes",
        ),
        (
            "bash tools/",
            "retrains the shipped calibration: needs Python packages and minutes",
        ),
        (
            "fuzz/run.sh",
            "fuzzing: needs cargo-fuzz and a nightly compiler, runs for minutes",
        ),
        (
            "sudo ",
            "needs root and writes system-wide; the same command without sudo runs",
        ),
    ];
    rules
        .iter()
        .find(|(pattern, _)| command.starts_with(pattern) || command.contains(&format!(" {pattern}")))
        .map(|(_, reason)| *reason)
        .or_else(|| {
            (command.contains("&& man ") && which("man").is_none()).then_some("`man` is not installed here")
        })
}

fn which(program: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(program))
            .find(|p| p.is_file())
    })
}

/// Copies the repository (without `target/` and `.git/`) into `to`.
fn copy_repo(from: &Path, to: &Path) {
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name();
        if from == root() && (name == "target" || name == ".git") {
            continue;
        }
        let (src, dst) = (entry.path(), to.join(&name));
        let kind = entry.file_type().unwrap();
        if kind.is_dir() {
            fs::create_dir_all(&dst).unwrap();
            copy_repo(&src, &dst);
        } else if kind.is_file() {
            fs::copy(&src, &dst).unwrap();
        }
    }
}

#[test]
fn readme_is_short() {
    let text = fs::read_to_string(root().join("README.md")).unwrap();
    let lines = text.lines().count();
    assert!(
        lines <= 300,
        "README.md has {lines} lines; keep it to 300 and move details to docs/"
    );
}

#[test]
fn readme_two_commands_are_what_ci_and_users_run() {
    let readme = fs::read_to_string(root().join("README.md")).unwrap();
    let lines: Vec<&str> = readme.lines().collect();
    let start = lines
        .iter()
        .position(|l| *l == "## The two commands")
        .expect("README.md has a section `## The two commands`");
    let end = (start + 1..lines.len())
        .find(|&i| lines[i].starts_with("## "))
        .unwrap_or(lines.len());
    let commands: Vec<String> = blocks(&root().join("README.md"))
        .into_iter()
        .filter(|b| b.line > start && b.line <= end && b.lang == "sh")
        .map(|b| b.lines.join("\n"))
        .collect();
    assert_eq!(
        commands,
        ["cargo run --release -- check", "cargo test --locked"],
        "the two commands of README.md"
    );
    let ci = fs::read_to_string(root().join(".ci/run")).unwrap();
    assert!(
        ci.lines().any(|l| l.trim() == "cargo test --locked"),
        ".ci/run runs the README's test command"
    );
}

#[test]
fn readme_check_command_runs_the_demo() {
    // `cargo run --release -- check` is this binary's `check` from the repository root.
    let (code, stdout, stderr) = run(factcheck().arg("check").env_remove("COLUMNS"));
    assert_eq!(code, 1, "the demo holds a contradicted claim; stderr: {stderr}");
    let last = stdout.lines().last().unwrap_or_default();
    let words: Vec<&str> = last.split(' ').collect();
    assert!(
        matches!(
            words.as_slice(),
            [n, "claims:", s, "supported,", "1", "contradicted,", u, "unsupported"]
                if [n, s, u].iter().all(|w| w.parse::<u32>().is_ok())
        ),
        "the summary line comes last: {last:?}"
    );
}

#[test]
fn every_shown_command_runs_as_written() {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_factcheck"));
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().join("factcheck");
    fs::create_dir_all(repo.join(".home")).unwrap();
    copy_repo(&root(), &repo);
    let git = |args: &[&str]| {
        let status = Command::new("git")
            .args(args)
            .current_dir(&repo)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .stdout(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "git {args:?}");
    };
    git(&["init", "-q"]);
    git(&["-c", "user.name=t", "-c", "user.email=t@example.org", "add", "-A"]);
    let path = std::env::join_paths(std::iter::once(bin.parent().unwrap().to_path_buf()).chain(
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
    ))
    .unwrap();

    let commands = shown_commands();
    assert!(commands.len() > 20, "found only {} commands", commands.len());
    let mut failures = Vec::new();
    let mut ran = 0;
    let mut compared = 0;
    for shown in &commands {
        if let Some(reason) = skip_reason(&shown.command) {
            eprintln!("skipped {}: `{}`: {reason}", shown.place, shown.command);
            continue;
        }
        let script = match shown.command.strip_prefix("cargo run --release -- ") {
            Some(args) => format!("factcheck {args}"),
            None => shown.command.clone(),
        };
        let started = std::time::Instant::now();
        let out = Command::new("bash")
            .args(["-c", &script])
            .current_dir(&repo)
            .env("PATH", &path)
            .env("HOME", repo.join(".home"))
            .env("MANPAGER", "cat")
            .env("PAGER", "cat")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_AUTHOR_NAME", "t")
            .env("GIT_AUTHOR_EMAIL", "t@example.org")
            .env_remove("COLUMNS")
            .env_remove("NO_COLOR")
            .env_remove("FACTCHECK_BASE")
            .env_remove("FACTCHECK_HEAD")
            .stdin(Stdio::null())
            .output()
            .unwrap();
        ran += 1;
        let took = started.elapsed().as_secs_f64();
        if took > 2.0 {
            eprintln!("slow {}: `{}` took {took:.1} s", shown.place, shown.command);
        }
        let code = out.status.code().unwrap_or(-1);
        let is_factcheck = script
            .split_whitespace()
            .find(|w| !w.contains('='))
            .is_some_and(|w| w == "factcheck");
        let allowed: &[i32] = if is_factcheck { &[0, 1] } else { &[0] };
        let stdout = String::from_utf8_lossy(&out.stdout);
        if !allowed.contains(&code) {
            failures.push(format!(
                "{}: `{}` exited with {code}\n{}",
                shown.place,
                shown.command,
                String::from_utf8_lossy(&out.stderr)
            ));
        } else if let Some(expected) = shown.output.as_ref().filter(|e| !e.trim().is_empty()) {
            let trim = |s: &str| -> String { s.lines().map(|l| l.trim_end().to_string() + "\n").collect() };
            compared += 1;
            if trim(expected) != trim(&stdout) {
                failures.push(format!(
                    "{}: `{}` printed\n{stdout}\nwhere the docs show\n{expected}",
                    shown.place, shown.command
                ));
            }
        }
    }
    eprintln!(
        "ran {ran} of {} commands shown in README.md and docs/; {compared} outputs compared",
        commands.len()
    );
    assert!(compared >= 4, "only {compared} outputs were compared");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// GitHub's anchor for a heading: lower case, punctuation dropped, spaces as `-`.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

fn anchors(path: &Path) -> Vec<String> {
    prose(path)
        .lines()
        .filter_map(|l| {
            l.trim_start_matches('#')
                .strip_prefix(' ')
                .filter(|_| l.starts_with('#'))
        })
        .map(slug)
        .collect()
}

#[test]
fn links_between_readme_and_docs_resolve() {
    let mut broken = Vec::new();
    let mut checked = 0;
    for path in doc_files() {
        let text = prose(&path);
        for (start, _) in text.match_indices("](") {
            let rest = &text[start + 2..];
            let Some(end) = rest.find(')') else { continue };
            let target = rest[..end].split_whitespace().next().unwrap_or("");
            if target.is_empty() || target.contains("://") || target.starts_with("mailto:") {
                continue;
            }
            checked += 1;
            let (file, anchor) = match target.split_once('#') {
                Some((file, anchor)) => (file, Some(anchor)),
                None => (target, None),
            };
            let dest = if file.is_empty() {
                path.clone()
            } else {
                path.parent().unwrap().join(file)
            };
            if !dest.exists() {
                broken.push(format!("{}: `{target}`: no such file", rel(&path)));
            } else if let Some(anchor) = anchor {
                if dest.extension().is_some_and(|e| e == "md") && !anchors(&dest).iter().any(|a| a == anchor)
                {
                    broken.push(format!("{}: `{target}`: no such heading", rel(&path)));
                }
            }
        }
    }
    assert!(checked > 10, "found only {checked} relative links");
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}
