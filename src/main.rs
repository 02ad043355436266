//! The `factcheck` binary: parse arguments, call the library, render, exit.

mod cli;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::{CommandFactory, Parser};

use cli::{CheckArgs, Cli, Command, EvalArgs, EvalFormat, ExtractArgs, IndexArgs, Thresholds};
use cli::{CompareArgs, CompareFormat, CompletionsArgs, ConfigArgs, ManArgs, RefsCommand};
use factcheck::baseline::{self, Baseline};
use factcheck::calibration::FEATURE_NAMES;
use factcheck::check::{self, Options, Report};
use factcheck::config::{self, Config, FailOn, Format};
use factcheck::index::Index;
use factcheck::output::{self, Inputs};
use factcheck::reference::read_tables;
use factcheck::verdict::{Settings, Verdict};
use factcheck::{claim, compare, eval, extract, ignore, inputs, lint, report, Error, Result};

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
        Command::Config(args) => run_config(&args),
        Command::Refs(args) => match args.command {
            RefsCommand::Lint(lint) => run_lint(&lint.paths),
            RefsCommand::Index(index) => run_index(&index),
        },
        Command::Completions(args) => run_completions(&args),
        Command::Man(args) => run_man(&args),
    };
    match result {
        Ok(code) => ExitCode::from(code as u8),
        Err(e) => {
            eprintln!("factcheck: {e}");
            ExitCode::from(Exit::Error as u8)
        }
    }
}

/// The thresholds given on the command line, as a configuration layer.
fn threshold_flags(t: &Thresholds) -> Result<Config> {
    let given = [
        ("--min-support", t.min_support),
        ("--min-match", t.min_match),
        ("--min-score", t.min_score),
    ];
    for (name, v) in given {
        if let Some(v) = v.filter(|v| !(0.0..=1.0).contains(v)) {
            return Err(Error::Usage(format!("{name} must be between 0 and 1, got {v}")));
        }
    }
    Ok(Config {
        profile: t.profile.map(cli::ProfileArg::to_lib),
        min_support: t.min_support,
        min_match: t.min_match,
        min_score: t.min_score,
        ..Config::default()
    })
}

/// Every flag of `check` that the config file can also set, as a configuration layer.
fn check_flags(args: &CheckArgs) -> Result<Config> {
    let fail_on = if args.exit_zero {
        Some(FailOn::Never)
    } else {
        args.fail_on.map(cli::FailOn::to_lib)
    };
    Ok(Config {
        refs: args.refs.clone(),
        format: args.format.map(cli::Format::to_lib),
        fail_on,
        compare: args.compare.then_some(true),
        ..threshold_flags(&args.thresholds)?
    })
}

fn run_extract(args: &ExtractArgs) -> Result<Exit> {
    let mut read = Inputs::new();
    read.extend(&args.articles);
    refuse_inputs(&read, &[args.output.as_deref()])?;
    let mut claims = Vec::new();
    for path in &args.articles {
        claims.extend(extract::extract(&factcheck::article::read(path)?, args.min_score));
    }
    emit(&report::claims_csv(&claims), args.output.as_deref(), &read)?;
    Ok(Exit::Clean)
}

/// Expands directories given as reference paths into their CSV files
/// (sub-folders too: see [`factcheck::reference::table_files`]).
fn table_paths(refs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let given = if refs.is_empty() {
        vec![PathBuf::from(config::DEFAULT_REFS)]
    } else {
        refs.to_vec()
    };
    factcheck::reference::table_files(&given)
}

fn run_check(args: &CheckArgs) -> Result<Exit> {
    let flags = check_flags(args)?;
    let loaded = config::load(&args.config.source())?;
    let cfg = loaded.config.merge(flags);
    let options = cfg.options(!args.thresholds.rules, args.explain)?;
    let request = inputs::Request {
        given: &args.inputs,
        stdin_filename: args.stdin_filename.as_deref(),
        articles: &cfg.articles,
        exclude: &cfg.exclude,
        config_file: loaded.path.as_deref(),
        only_configured: args.only_configured,
    };
    let inputs = inputs::discover(&request, &mut std::io::stdin().lock())?;
    if args.show_files {
        let names: String = inputs
            .iter()
            .map(|i| format!("{}\n", report::strip_controls(&i.name)))
            .collect();
        emit(&names, None, &Inputs::new())?;
        return Ok(Exit::Clean);
    }
    let tables = table_paths(&cfg.refs)?;
    let mut read = Inputs::new();
    for path in inputs.iter().filter_map(inputs::Input::path) {
        read.add(path);
    }
    read.extend(&tables).extend(&loaded.path).extend(&args.baseline);
    refuse_inputs(&read, &[args.output.as_deref(), args.write_baseline.as_deref()])?;
    let accepted = args.baseline.as_deref().map(Baseline::read).transpose()?;
    let index = check::load_index(&tables)?;
    let ignores = ignore::Ignores::new(&cfg.ignore);
    let per_input = inputs
        .iter()
        .map(|input| input.load_claims(options.min_score))
        .collect::<Result<Vec<_>>>()?;
    let names: Vec<PathBuf> = inputs.iter().map(|i| PathBuf::from(&i.name)).collect();
    let mut claims = check::unique_ids(&names, per_input)?;
    claims.retain(|c| !ignores.matches(c));
    let mut report = check_with_progress_bar(claims, &index, &options);
    if let Some(path) = &args.write_baseline {
        let entries = baseline::entries(&report);
        write_file(path, baseline::to_json(&entries).as_bytes(), &read)?;
        eprintln!(
            "factcheck: wrote {} finding{} to the baseline {}",
            entries.len(),
            if entries.len() == 1 { "" } else { "s" },
            path.display()
        );
        Baseline::from_entries(&entries).apply(&mut report);
    } else if let Some(accepted) = &accepted {
        accepted.apply(&mut report);
    }
    if args.explain {
        for c in &mut report.claims {
            c.candidates.truncate(3);
        }
    }
    // Findings whose severity is `off` leave the CI formats and the exit code.
    let mut findings = report.clone();
    findings.retain(|c| !cfg.severity.is_off(c.verdict));
    let format = cfg.format();
    let shown = if format.lists_findings() {
        &findings
    } else {
        &report
    };
    let table = table_options(args);
    let out = render(shown, format, &table, args.quiet, args.explain, &inputs);
    let out = restyle(out, shown, format, &cfg.severity);
    let out = if cfg.compare() && !(args.quiet && format == Format::Table) {
        with_cross_article(out, &report, &inputs, format, &table, &ignores)?
    } else {
        out
    };
    // The table's summary line closes the output, after every section.
    let out = if format == Format::Table {
        out + &report::table_summary(shown)
    } else {
        out
    };
    emit(&out, args.output.as_deref(), &read)?;
    // The process ends here: freeing a large index piece by piece only costs time.
    std::mem::forget(index);
    Ok(exit_for(&findings, cfg.fail_on()))
}

/// Judges the claims with a progress bar on standard error, shown only when
/// standard error is a terminal and the run has lasted about a second.
fn check_with_progress_bar(claims: Vec<factcheck::claim::Claim>, index: &Index, options: &Options) -> Report {
    if !std::io::stderr().is_terminal() {
        return check::check_claims(claims, index, options);
    }
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(claims.len() as u64),
        indicatif::ProgressDrawTarget::hidden(),
    );
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} checking claims {bar:40} {pos}/{len} ({eta} left)",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let started = Instant::now();
    let shown = std::cell::Cell::new(false);
    let report = check::check_claims_with_progress(claims, index, options, &|done| {
        if !shown.get() && started.elapsed() >= Duration::from_secs(1) {
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            shown.set(true);
        }
        bar.set_position(done as u64);
    });
    bar.finish_and_clear();
    report
}

/// Gives findings the severities of the config in the formats that have
/// one: GitHub annotation commands and SARIF levels. The renderers write
/// the built-in severities (contradicted = error, unsupported = warning);
/// with those, the output is left as it is.
fn restyle(out: String, shown: &Report, format: Format, severities: &config::Severities) -> String {
    if severities.is_default() {
        return out;
    }
    match format {
        Format::Github => config::restyle_github(&out, shown, severities),
        Format::Sarif => config::restyle_sarif(&out, severities),
        _ => out,
    }
}

/// With `--compare` (or `compare = true`) and exactly two articles, `check`
/// also compares them, as `compare A B` does with its defaults: a section after the verdict table, or a
/// `comparison` key after the report's own keys in JSON. A is the article
/// whose name (as reports show it) sorts first, so that, like the report,
/// the output does not depend on the order of the inputs. Other formats and
/// claims CSVs (which may hold several articles) are left as they are.
fn with_cross_article(
    out: String,
    report: &Report,
    inputs: &[inputs::Input],
    format: Format,
    table: &report::TableOptions,
    ignores: &ignore::Ignores,
) -> Result<String> {
    let [a, b] = inputs else { return Ok(out) };
    if a.is_claims_csv() || b.is_claims_csv() {
        return Ok(out);
    }
    let (a, b) = if a.name <= b.name { (a, b) } else { (b, a) };
    let comparison = || -> Result<compare::Comparison> {
        let load = |input: &inputs::Input| -> Result<Vec<claim::Claim>> {
            let mut claims = input.load_claims(compare::DEFAULT_MIN_SCORE)?;
            claims.retain(|c| !ignores.matches(c));
            Ok(claims)
        };
        Ok(compare::compare(
            &load(a)?,
            &load(b)?,
            &compare::Options::default(),
        ))
    };
    Ok(match format {
        Format::Table => format!(
            "{out}\ncross-article comparison: A = {}, B = {}\n{}",
            report::strip_controls(&a.name),
            report::strip_controls(&b.name),
            report::comparison_table(&comparison()?, table.color, Some(table.width))
        ),
        Format::Json => report::report_json_with_comparison(report, &comparison()?),
        _ => out,
    })
}

/// How `check` draws its table: `--color`, the width of the terminal (or
/// `COLUMNS`, else 100) and the verdicts of `--show` (default all).
fn table_options(args: &CheckArgs) -> report::TableOptions {
    let color = match args.color {
        cli::ColorArg::Always => true,
        cli::ColorArg::Never => false,
        cli::ColorArg::Auto => wants_color(args.output.is_none()),
    };
    let columns = std::env::var("COLUMNS").ok();
    let mut options = report::TableOptions {
        color,
        width: report::terminal_width(columns.as_deref()),
        ..report::TableOptions::default()
    };
    if !args.show.is_empty() {
        options.show = args.show.iter().map(|v| v.to_lib()).collect();
    }
    options
}

/// Colour only on a terminal, and never with NO_COLOR set.
fn wants_color(to_terminal: bool) -> bool {
    to_terminal
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

fn run_compare(args: &CompareArgs) -> Result<Exit> {
    if !(0.0..=1.0).contains(&args.min_score) {
        return Err(Error::Usage(format!(
            "--min-score must be between 0 and 1, got {}",
            args.min_score
        )));
    }
    // Of the config, the profile and the [ignore] list apply: `compare`
    // judges claims against tables only when --refs is given.
    let cfg = config::load(&args.config.source())?.config.merge(Config {
        profile: args.profile.map(cli::ProfileArg::to_lib),
        ..Config::default()
    });
    let tables = if args.refs.is_empty() {
        Vec::new()
    } else {
        table_paths(&args.refs)?
    };
    let mut read = Inputs::new();
    read.add(&args.a)
        .add(&args.b)
        .extend(&tables)
        .extend(&loaded_path(&args.config.source()));
    refuse_inputs(&read, &[args.output.as_deref()])?;
    let ignores = ignore::Ignores::new(&cfg.ignore);
    let mut comparison = compare::compare_paths(
        &args.a,
        &args.b,
        args.min_score,
        &ignores,
        &compare::Options::default(),
    )?;
    if !tables.is_empty() {
        let index = check::load_index(&tables)?;
        comparison.judge(&index, &Settings::profile(cfg.profile(), true)?);
    }
    let out = match args.format {
        CompareFormat::Table => {
            report::comparison_table(&comparison, wants_color(args.output.is_none()), None)
        }
        CompareFormat::Json => report::comparison_json(&comparison),
        CompareFormat::Csv => report::comparison_csv(&comparison),
        CompareFormat::Markdown => report::comparison_markdown(&comparison),
        CompareFormat::Html => report::comparison_html(
            &comparison,
            &args.a.display().to_string(),
            &args.b.display().to_string(),
        ),
    };
    emit(&out, args.output.as_deref(), &read)?;
    Ok(if args.fail_on_conflict && comparison.has_conflict() {
        Exit::Findings
    } else {
        Exit::Clean
    })
}

/// The report in `format`; for the table, without its summary line (the
/// caller ends the output with it), and nothing at all with `quiet`.
fn render(
    report: &Report,
    format: Format,
    table: &report::TableOptions,
    quiet: bool,
    explain: bool,
    inputs: &[inputs::Input],
) -> String {
    match format {
        Format::Table => {
            if quiet {
                return String::new();
            }
            let mut out = report::table_rows(report, table);
            if explain {
                out.push_str(&explanations(report));
            }
            out
        }
        Format::Json => report::report_json(report),
        Format::Csv => report::report_csv(report),
        Format::Github => report::report_github(report),
        Format::Sarif => report::report_sarif(report, &article_sources(report, inputs)),
        Format::Junit => report::report_junit(report),
        Format::Markdown => report::report_markdown(report),
        Format::Claimreview => report::report_claimreview(report),
        Format::Html => report::report_html(report, &article_sources(report, inputs)),
    }
}

/// The source text of each article named in the report, for the formats
/// that show or locate claims in it (HTML, SARIF). Claims CSVs and articles
/// that cannot be read are left out: those formats fall back to the claims.
fn article_sources(report: &Report, inputs: &[inputs::Input]) -> report::Sources {
    let named: std::collections::BTreeSet<&str> = report.claims.iter().map(|c| c.article.as_str()).collect();
    let mut sources = report::Sources::new();
    for name in named {
        let text = match inputs.iter().find(|i| i.name == name) {
            Some(input) => input.source(),
            // An article a claims CSV names: read where it says.
            None if !name.is_empty() && !check::is_claims_csv(Path::new(name)) => {
                factcheck::article::read(Path::new(name)).ok().map(|a| a.source)
            }
            None => None,
        };
        if let Some(text) = text {
            sources.insert(name.to_string(), text);
        }
    }
    sources
}

fn explanations(report: &Report) -> String {
    let mut out = String::from(
        "\ncandidates (retrieval score, coverage, subject found; accounted for, matched words, conflicts):\n",
    );
    for c in &report.claims {
        let list: Vec<String> = c
            .candidates
            .iter()
            .map(|k| {
                let conflicts = if k.conflicts.is_empty() {
                    "no conflict".to_string()
                } else {
                    k.conflicts.join("; ")
                };
                format!(
                    "{} ({:.2}, {:.2}, {}; {:.2}, [{}], {})",
                    report::strip_controls(&k.id),
                    k.retrieval,
                    k.coverage,
                    if k.subject { "yes" } else { "no" },
                    k.aligned,
                    report::strip_controls(&k.matched.join(", ")),
                    report::strip_controls(&conflicts)
                )
            })
            .collect();
        out.push_str(&format!(
            "  {}: {}\n",
            report::strip_controls(&c.id),
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
    let failing: usize = Verdict::ALL
        .into_iter()
        .filter(|v| fail_on.fails(*v))
        .map(|v| s.count(v))
        .sum();
    if failing > 0 {
        Exit::Findings
    } else {
        Exit::Clean
    }
}

fn run_config(args: &ConfigArgs) -> Result<Exit> {
    let loaded = config::load(&args.config.source())?;
    let out = if args.dump {
        loaded.config.dump(loaded.path.as_deref())
    } else {
        match &loaded.path {
            Some(p) => format!("{}\n", p.display()),
            None => format!(
                "no configuration file ({} or {} in this directory or a parent)\n",
                config::FILE_NAMES[0],
                config::FILE_NAMES[1]
            ),
        }
    };
    emit(&out, None, &Inputs::new())?;
    Ok(Exit::Clean)
}

fn run_lint(paths: &[PathBuf]) -> Result<Exit> {
    let problems = lint::lint(paths)?;
    let mut out: String = problems.iter().map(|p| format!("{p}\n")).collect();
    out.push_str(&match problems.len() {
        0 => "no problems found\n".to_string(),
        1 => "1 problem found\n".to_string(),
        n => format!("{n} problems found\n"),
    });
    emit(&out, None, &Inputs::new())?;
    Ok(if problems.is_empty() {
        Exit::Clean
    } else {
        Exit::Findings
    })
}

fn run_index(args: &IndexArgs) -> Result<Exit> {
    let tables = table_paths(&args.paths)?;
    let mut read = Inputs::new();
    read.extend(&tables);
    refuse_inputs(&read, &[Some(&args.output)])?;
    if output::is_stdout(&args.output) {
        return Err(Error::Usage(
            "refs index writes a binary file: give a file name to -o".into(),
        ));
    }
    let index = Index::build(read_tables(&tables)?);
    factcheck::store::save(&index, &args.output, &read)?;
    eprintln!(
        "factcheck: indexed {} references into {}",
        index.refs().len(),
        args.output.display()
    );
    // The process ends here: freeing a large index piece by piece only costs time.
    std::mem::forget(index);
    Ok(Exit::Clean)
}

fn run_completions(args: &CompletionsArgs) -> Result<Exit> {
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "factcheck", &mut out);
    emit(&String::from_utf8_lossy(&out), None, &Inputs::new())?;
    Ok(Exit::Clean)
}

fn run_man(args: &ManArgs) -> Result<Exit> {
    let pages = cli::man_pages().map_err(|e| Error::io("<man page>", &e))?;
    let Some(dir) = &args.dir else {
        let (_, main_page) = &pages[0];
        emit(&String::from_utf8_lossy(main_page), None, &Inputs::new())?;
        return Ok(Exit::Clean);
    };
    let written = output::write_man_pages(dir, &pages)?;
    eprintln!("factcheck: wrote {} manual pages into {}", written, dir.display());
    Ok(Exit::Clean)
}

fn run_eval(args: &EvalArgs) -> Result<Exit> {
    // `eval` measures the engine: it reads no configuration file.
    let options =
        threshold_flags(&args.thresholds)?.options(!args.thresholds.rules, args.evidence.is_some())?;
    let tables = table_paths(&args.refs)?;
    let mut read = Inputs::new();
    read.add(&args.claims).extend(&args.evidence).extend(&tables);
    refuse_inputs(&read, &[args.dump_features.as_deref()])?;
    let gold = claim::read_labels(&args.claims)?;
    let evidence = args.evidence.as_deref().map(eval::read_evidence).transpose()?;
    let index = check::load_index(&tables)?;
    let claims = claim::read_claims(&args.claims)?;
    if let Some(path) = &args.dump_features {
        let mut out = format!("id,label,{}\n", FEATURE_NAMES.join(","));
        for (id, f) in check::features_of(&claims, &index, &options.settings) {
            let values: Vec<String> = f.values().iter().map(|v| format!("{v:.6}")).collect();
            let label = gold.get(&id).map_or("", String::as_str);
            out.push_str(&format!("{id},{label},{}\n", values.join(",")));
        }
        write_file(path, out.as_bytes(), &read)?;
    }
    let report = check::check_claims(claims, &index, &options);
    let mut e = eval::evaluate(&report, &gold);
    e.retrieval = evidence.map(|ev| eval::retrieval(&report, &ev));
    let out = match args.format {
        EvalFormat::Table => report::evaluation_text(&e),
        EvalFormat::Json => report::evaluation_json(&e),
    };
    emit(&out, None, &Inputs::new())?;
    Ok(Exit::Clean)
}

/// Writes output once: to a file through [`output::write`] (never over an
/// input, atomically for a regular file), or to standard output (`-`,
/// `/dev/stdout` or no `-o`), where a closed pipe ends the program quietly.
fn emit(text: &str, output: Option<&Path>, inputs: &Inputs) -> Result<()> {
    match output {
        Some(path) => write_file(path, text.as_bytes(), inputs),
        None => write_stdout(text.as_bytes()),
    }
}

/// [`output::write`], or standard output for `-` and `/dev/stdout`.
fn write_file(path: &Path, bytes: &[u8], inputs: &Inputs) -> Result<()> {
    if output::is_stdout(path) {
        write_stdout(bytes)
    } else {
        output::write(path, bytes, inputs)
    }
}

fn write_stdout(bytes: &[u8]) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => Err(Error::io("<stdout>", &e)),
        Ok(()) => Ok(()),
    }
}

/// Refuses, before any work, outputs that are inputs of the run, and two
/// outputs that name the same file.
fn refuse_inputs(read: &Inputs, outputs: &[Option<&Path>]) -> Result<()> {
    let outputs: Vec<&Path> = outputs.iter().flatten().copied().collect();
    for out in &outputs {
        read.check(out)?;
    }
    if let [a, b] = outputs[..] {
        if !output::is_stdout(a) && output::same_file(a, b) {
            return Err(Error::Output {
                path: b.to_path_buf(),
                reason: factcheck::error::OutputRefusal::TwoOutputs {
                    what: "-o and --write-baseline",
                },
            });
        }
    }
    Ok(())
}

/// The configuration file a source names or discovers, if any.
fn loaded_path(source: &config::Source) -> Option<PathBuf> {
    config::load(source).ok().and_then(|l| l.path)
}
