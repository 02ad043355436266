//! The `factcheck` binary: parse arguments, call the library, render, exit.

mod cli;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;

use cli::{
    CheckArgs, Cli, Command, EvalArgs, EvalFormat, ExtractArgs, FailOn, Format, ProfileArg, Thresholds,
};
use cli::{CompareArgs, CompareFormat};
use factcheck::calibration::FEATURE_NAMES;
use factcheck::check::{self, Options, Report};
use factcheck::index::Index;
use factcheck::reference::read_tables;
use factcheck::verdict::{Profile, Settings, Verdict};
use factcheck::{claim, compare, eval, extract, report, Error, Result};

/// Exit codes, as ripgrep, ruff and Vale use them.
#[derive(Debug, Clone, Copy)]
enum Exit {
    /// Nothing at or above `--fail-on`.
    Clean = 0,
    /// Findings at or above `--fail-on`.
    Findings = 1,
    /// Usage, input or I/O error.
    Error = 2,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => run_extract(&args),
        Command::Check(args) => run_check(&args),
        Command::Eval(args) => run_eval(&args),
        Command::Compare(args) => run_compare(&args),
    };
    match result {
        Ok(code) => ExitCode::from(code as u8),
        Err(e) => {
            eprintln!("factcheck: {e}");
            ExitCode::from(Exit::Error as u8)
        }
    }
}

fn options(t: &Thresholds, explain: bool) -> Result<Options> {
    let given = [
        ("--min-support", t.min_support),
        ("--min-match", t.min_match),
        ("--min-score", Some(t.min_score)),
    ];
    for (name, v) in given {
        if let Some(v) = v.filter(|v| !(0.0..=1.0).contains(v)) {
            return Err(Error::Usage(format!("{name} must be between 0 and 1, got {v}")));
        }
    }
    let profile = match t.profile {
        ProfileArg::Strict => Profile::Strict,
        ProfileArg::Balanced => Profile::Balanced,
        ProfileArg::Lenient => Profile::Lenient,
    };
    let mut settings = Settings::profile(profile, !t.rules);
    if let Some(v) = t.min_support {
        settings.min_support = v;
    }
    if let Some(v) = t.min_match {
        settings.min_match = v;
    }
    Ok(Options {
        settings,
        min_score: t.min_score,
        explain,
    })
}

fn run_extract(args: &ExtractArgs) -> Result<Exit> {
    let mut claims = Vec::new();
    for path in &args.articles {
        claims.extend(extract::extract(&factcheck::article::read(path)?, args.min_score));
    }
    emit(&report::claims_csv(&claims), args.output.as_deref())?;
    Ok(Exit::Clean)
}

/// Expands directories given as reference paths into their CSV files.
fn table_paths(refs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let given = if refs.is_empty() {
        vec![PathBuf::from("references")]
    } else {
        refs.to_vec()
    };
    let mut out = Vec::new();
    for p in given {
        if p.is_dir() {
            let files = check::files_in(&p, &["csv"])?;
            if files.is_empty() {
                return Err(Error::Io {
                    path: p,
                    message: "directory holds no .csv reference table".into(),
                });
            }
            out.extend(files);
        } else {
            out.push(p);
        }
    }
    Ok(out)
}

fn run_check(args: &CheckArgs) -> Result<Exit> {
    let options = options(&args.thresholds, args.explain)?;
    let inputs = if args.inputs.is_empty() {
        let files = check::files_in(Path::new("claims"), &["txt", "md", "markdown"])?;
        if files.is_empty() {
            return Err(Error::Usage("no input given and claims/ holds no article".into()));
        }
        files
    } else {
        args.inputs.clone()
    };
    let mut report = check::check_paths(&inputs, &table_paths(&args.refs)?, &options)?;
    if args.explain {
        for c in &mut report.claims {
            c.candidates.truncate(3);
        }
    }
    let out = render(&report, args.format, args.output.is_none(), args.explain);
    let out = with_cross_article(out, &report, &inputs, args.format, args.output.is_none())?;
    emit(&out, args.output.as_deref())?;
    Ok(exit_for(&report, args.fail_on))
}

/// With exactly two articles, `check` also compares them, as `compare A B`
/// does with its defaults: a section after the verdict table, or a
/// `comparison` key after the report's own keys in JSON. A is the article
/// whose path sorts first, so that, like the report, the output does not
/// depend on the order of the inputs. Other formats and claims CSVs (which
/// may hold several articles) are left as they are.
fn with_cross_article(
    out: String,
    report: &Report,
    inputs: &[PathBuf],
    format: Format,
    to_terminal: bool,
) -> Result<String> {
    let [a, b] = inputs else { return Ok(out) };
    if check::is_claims_csv(a) || check::is_claims_csv(b) {
        return Ok(out);
    }
    let (a, b) = if a <= b { (a, b) } else { (b, a) };
    let comparison = || compare::compare_paths(a, b, compare::DEFAULT_MIN_SCORE, &compare::Options::default());
    Ok(match format {
        Format::Table => format!(
            "{out}\ncross-article comparison: A = {}, B = {}\n{}",
            a.display(),
            b.display(),
            report::comparison_table(&comparison()?, wants_color(to_terminal), None)
        ),
        Format::Json => report::report_json_with_comparison(report, &comparison()?),
        _ => out,
    })
}

/// Colour only on a terminal, and never with NO_COLOR set.
fn wants_color(to_terminal: bool) -> bool {
    to_terminal && std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

fn run_compare(args: &CompareArgs) -> Result<Exit> {
    if !(0.0..=1.0).contains(&args.min_score) {
        return Err(Error::Usage(format!(
            "--min-score must be between 0 and 1, got {}",
            args.min_score
        )));
    }
    let mut comparison = compare::compare_paths(&args.a, &args.b, args.min_score, &compare::Options::default())?;
    if !args.refs.is_empty() {
        let profile = match args.profile {
            ProfileArg::Strict => Profile::Strict,
            ProfileArg::Balanced => Profile::Balanced,
            ProfileArg::Lenient => Profile::Lenient,
        };
        let index = Index::build(read_tables(&table_paths(&args.refs)?)?);
        comparison.judge(&index, &Settings::profile(profile, true));
    }
    let out = match args.format {
        CompareFormat::Table => report::comparison_table(&comparison, wants_color(args.output.is_none()), None),
        CompareFormat::Json => report::comparison_json(&comparison),
        CompareFormat::Csv => report::comparison_csv(&comparison),
        CompareFormat::Markdown => report::comparison_markdown(&comparison),
    };
    emit(&out, args.output.as_deref())?;
    Ok(if args.fail_on_conflict && comparison.has_conflict() {
        Exit::Findings
    } else {
        Exit::Clean
    })
}

fn render(report: &Report, format: Format, to_terminal: bool, explain: bool) -> String {
    match format {
        Format::Table => {
            let tty = to_terminal && std::io::stdout().is_terminal();
            let color = tty && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            let mut out = report::report_table(report, color, None);
            if explain {
                out.push_str(&explanations(report));
            }
            out
        }
        Format::Json => report::report_json(report),
        Format::Csv => report::report_csv(report),
        Format::Github => report::report_github(report),
        Format::Sarif => report::report_sarif(report, &article_sources(report)),
        Format::Junit => report::report_junit(report),
        Format::Markdown => report::report_markdown(report),
        Format::Claimreview => report::report_claimreview(report),
        Format::Html => report::report_html(report, &article_sources(report)),
    }
}

/// The source text of each article named in the report, for the formats
/// that show or locate claims in it (HTML, SARIF). Claims CSVs and articles
/// that cannot be read are left out: those formats fall back to the claims.
fn article_sources(report: &Report) -> report::Sources {
    let names: std::collections::BTreeSet<&str> = report.claims.iter().map(|c| c.article.as_str()).collect();
    names
        .into_iter()
        .filter(|name| !name.is_empty() && !check::is_claims_csv(Path::new(name)))
        .filter_map(|name| {
            let article = factcheck::article::read(Path::new(name)).ok()?;
            Some((name.to_string(), article.source))
        })
        .collect()
}

fn explanations(report: &Report) -> String {
    let mut out = String::from("\ncandidates (retrieval score, coverage, subject found):\n");
    for c in &report.claims {
        let list: Vec<String> = c
            .candidates
            .iter()
            .map(|k| {
                format!(
                    "{} ({:.2}, {:.2}, {})",
                    k.id,
                    k.retrieval,
                    k.coverage,
                    if k.subject { "yes" } else { "no" }
                )
            })
            .collect();
        out.push_str(&format!(
            "  {}: {}\n",
            c.id,
            if list.is_empty() {
                "none".to_string()
            } else {
                list.join(", ")
            }
        ));
    }
    out
}

fn exit_for(report: &Report, fail_on: FailOn) -> Exit {
    let s = &report.summary;
    let failing = match fail_on {
        FailOn::Never => 0,
        FailOn::Contradicted => s.count(Verdict::Contradicted),
        FailOn::Unsupported => s.count(Verdict::Contradicted) + s.count(Verdict::Unsupported),
    };
    if failing > 0 {
        Exit::Findings
    } else {
        Exit::Clean
    }
}

fn run_eval(args: &EvalArgs) -> Result<Exit> {
    let options = options(&args.thresholds, args.evidence.is_some())?;
    let gold = claim::read_labels(&args.claims)?;
    let evidence = args.evidence.as_deref().map(eval::read_evidence).transpose()?;
    let index = Index::build(read_tables(&table_paths(&args.refs)?)?);
    let claims = claim::read_claims(&args.claims)?;
    if let Some(path) = &args.dump_features {
        let mut out = format!("id,label,{}\n", FEATURE_NAMES.join(","));
        for (id, f) in check::features_of(&claims, &index, &options.settings) {
            let values: Vec<String> = f.0.iter().map(|v| format!("{v:.6}")).collect();
            let label = gold.get(&id).map_or("", String::as_str);
            out.push_str(&format!("{id},{label},{}\n", values.join(",")));
        }
        write_atomic(path, out.as_bytes())?;
    }
    let report = check::check_claims(claims, &index, &options);
    let mut e = eval::evaluate(&report, &gold);
    e.retrieval = evidence.map(|ev| eval::retrieval(&report, &ev));
    let out = match args.format {
        EvalFormat::Table => report::evaluation_text(&e),
        EvalFormat::Json => report::evaluation_json(&e),
    };
    emit(&out, None)?;
    Ok(Exit::Clean)
}

/// Writes output once: to a file atomically (temp file + rename), or to
/// standard output, where a closed pipe ends the program quietly.
fn emit(text: &str, output: Option<&Path>) -> Result<()> {
    match output {
        Some(path) => write_atomic(path, text.as_bytes()),
        None => {
            let mut stdout = std::io::stdout().lock();
            match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
                Err(e) => Err(Error::io("<stdout>", &e)),
                Ok(()) => Ok(()),
            }
        }
    }
}

fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        return Err(Error::Io {
            path: path.to_path_buf(),
            message: format!("directory {} does not exist", dir.display()),
        });
    }
    let name = path
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.factcheck-tmp-{}", std::process::id()));
    let result = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path));
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::io(path, &e));
    }
    Ok(())
}
