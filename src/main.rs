//! The `factcheck` binary: parse arguments, resolve the configuration, call
//! the library, render, write, exit.

mod cli;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser};

use cli::{CheckArgs, Cli, Command, CompareArgs, CompletionsArgs, ConfigArgs, EvalArgs, EvalFormat};
use cli::{ExtractArgs, IndexArgs, ManArgs, RefsCommand};
use factcheck::check::{self, BaselineUse};
use factcheck::config::{self, Config};
use factcheck::output::{self, Inputs};
use factcheck::reference::{read_tables, tables_or_default};
use factcheck::report::{self, escape};
use factcheck::{baseline, claim, compare, eval, extract, ignore, inputs, lint, Error, Result};

/// Exit codes, as ripgrep, ruff and Vale use them: 0 for nothing at or above
/// `--fail-on`, 1 for findings, 2 for a usage, input or I/O error.
const CLEAN: u8 = 0;
const FINDINGS: u8 = 1;
const ERROR: u8 = 2;

fn main() -> ExitCode {
    let result = match Cli::parse().command {
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
    ExitCode::from(result.unwrap_or_else(|e| {
        eprintln!("factcheck: {e}");
        ERROR
    }))
}

fn run_check(args: &CheckArgs) -> Result<u8> {
    let flags = cli::check_flags(args)?;
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
            .map(|i| format!("{}\n", escape::terminal(&i.name)))
            .collect();
        return emit(&names, None, &Inputs::new()).map(|()| CLEAN);
    }
    let tables = tables_or_default(&cfg.refs)?;
    let mut read = Inputs::new();
    for path in inputs.iter().filter_map(inputs::Input::path) {
        read.add(path);
    }
    read.extend(&tables).extend(&loaded.path).extend(&args.baseline);
    read.refuse(&[args.output.as_deref(), args.write_baseline.as_deref()])?;
    let baseline = match (&args.baseline, &args.write_baseline) {
        (Some(path), _) => BaselineUse::Apply(baseline::Baseline::read(path)?),
        (None, Some(_)) => BaselineUse::Write,
        (None, None) => BaselineUse::None,
    };
    let index = check::load_index(&tables)?;
    let render = cli::render_options(args, &cfg);
    let bar = cli::ProgressBar::for_stderr();
    let progress = bar.as_ref().map(|b| move |done, total| b.update(done, total));
    let run = check::Request {
        options: &options,
        ignore: &cfg.ignore,
        severities: cfg.severity,
        baseline,
        compare: cfg.compare() && render.shows_comparison(),
        progress: progress.as_ref().map(|p| p as &dyn Fn(usize, usize)),
    };
    let outcome = check::run(&run, &index, inputs)?;
    drop(bar);
    // The process ends here: freeing a large index piece by piece only costs time.
    std::mem::forget(index);
    if let (Some(path), Some(entries)) = (&args.write_baseline, &outcome.baseline) {
        write_file(path, baseline::to_json(entries).as_bytes(), &read)?;
        let s = if entries.len() == 1 { "" } else { "s" };
        eprintln!(
            "factcheck: wrote {} finding{s} to the baseline {}",
            entries.len(),
            path.display()
        );
    }
    emit(&report::render(&outcome, &render), args.output.as_deref(), &read)?;
    Ok(if outcome.fails(cfg.fail_on()) {
        FINDINGS
    } else {
        CLEAN
    })
}

fn run_compare(args: &CompareArgs) -> Result<u8> {
    if !(0.0..=1.0).contains(&args.min_score) {
        return Err(Error::Usage(format!(
            "--min-score must be between 0 and 1, got {}",
            args.min_score
        )));
    }
    // Of the config, the profile and the [ignore] list apply: `compare`
    // judges claims against tables only when --refs is given.
    let loaded = config::load(&args.config.source())?;
    let profile = Config {
        profile: args.profile.map(cli::ProfileArg::to_lib),
        ..Config::default()
    };
    let cfg = loaded.config.merge(profile);
    let tables = if args.refs.is_empty() {
        Vec::new()
    } else {
        tables_or_default(&args.refs)?
    };
    let mut read = Inputs::new();
    read.add(&args.a)
        .add(&args.b)
        .extend(&tables)
        .extend(&loaded.path);
    read.refuse(&[args.output.as_deref()])?;
    let ignores = ignore::Ignores::new(&cfg.ignore);
    let options = compare::Options::default();
    let mut comparison = compare::compare_paths(&args.a, &args.b, args.min_score, &ignores, &options)?;
    if !tables.is_empty() {
        let index = check::load_index(&tables)?;
        comparison.judge(
            &index,
            &factcheck::verdict::Settings::profile(cfg.profile(), true)?,
        );
    }
    let names = (args.a.display().to_string(), args.b.display().to_string());
    let color = cli::wants_color(args.output.is_none());
    let out = report::render_comparison(&comparison, args.format.to_lib(), (&names.0, &names.1), color);
    emit(&out, args.output.as_deref(), &read)?;
    Ok(if args.fail_on_conflict && comparison.has_conflict() {
        FINDINGS
    } else {
        CLEAN
    })
}

fn run_extract(args: &ExtractArgs) -> Result<u8> {
    let mut read = Inputs::new();
    read.extend(&args.articles).refuse(&[args.output.as_deref()])?;
    let mut claims = Vec::new();
    for path in &args.articles {
        claims.extend(extract::extract(&factcheck::article::read(path)?, args.min_score));
    }
    emit(&report::claims_csv(&claims), args.output.as_deref(), &read).map(|()| CLEAN)
}

fn run_eval(args: &EvalArgs) -> Result<u8> {
    // `eval` measures the engine: it reads no configuration file.
    let options =
        cli::threshold_flags(&args.thresholds)?.options(!args.thresholds.rules, args.evidence.is_some())?;
    let tables = tables_or_default(&args.refs)?;
    let mut read = Inputs::new();
    read.add(&args.claims).extend(&args.evidence).extend(&tables);
    read.refuse(&[args.dump_features.as_deref()])?;
    let gold = claim::read_labels(&args.claims)?;
    let evidence = args.evidence.as_deref().map(eval::read_evidence).transpose()?;
    let index = check::load_index(&tables)?;
    let claims = claim::read_claims(&args.claims)?;
    if let Some(path) = &args.dump_features {
        let features = check::features_of(&claims, &index, &options.settings);
        write_file(path, eval::features_csv(&features, &gold).as_bytes(), &read)?;
    }
    let report = check::check_claims(claims, &index, &options);
    let mut e = eval::evaluate(&report, &gold);
    e.retrieval = evidence.map(|ev| eval::retrieval(&report, &ev));
    let out = match args.format {
        EvalFormat::Table => report::evaluation_text(&e),
        EvalFormat::Json => report::evaluation_json(&e),
    };
    emit(&out, None, &Inputs::new()).map(|()| CLEAN)
}

fn run_config(args: &ConfigArgs) -> Result<u8> {
    let loaded = config::load(&args.config.source())?;
    let out = match (&loaded.path, args.dump) {
        (path, true) => loaded.config.dump(path.as_deref()),
        (Some(p), false) => format!("{}\n", p.display()),
        (None, false) => format!(
            "no configuration file ({} or {} in this directory or a parent)\n",
            config::FILE_NAMES[0],
            config::FILE_NAMES[1]
        ),
    };
    emit(&out, None, &Inputs::new()).map(|()| CLEAN)
}

fn run_lint(paths: &[PathBuf]) -> Result<u8> {
    let problems = lint::lint(paths)?;
    emit(&lint::summary_text(&problems), None, &Inputs::new())?;
    Ok(if problems.is_empty() { CLEAN } else { FINDINGS })
}

fn run_index(args: &IndexArgs) -> Result<u8> {
    let tables = tables_or_default(&args.paths)?;
    let mut read = Inputs::new();
    read.extend(&tables).refuse(&[Some(&args.output)])?;
    if output::is_stdout(&args.output) {
        return Err(Error::Usage(
            "refs index writes a binary file: give a file name to -o".into(),
        ));
    }
    let index = factcheck::index::Index::build(read_tables(&tables)?);
    factcheck::store::save(&index, &args.output, &read)?;
    let (n, to) = (index.refs().len(), args.output.display());
    eprintln!("factcheck: indexed {n} references into {to}");
    // The process ends here: freeing a large index piece by piece only costs time.
    std::mem::forget(index);
    Ok(CLEAN)
}

fn run_completions(args: &CompletionsArgs) -> Result<u8> {
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "factcheck", &mut out);
    emit(&String::from_utf8_lossy(&out), None, &Inputs::new()).map(|()| CLEAN)
}

fn run_man(args: &ManArgs) -> Result<u8> {
    let pages = cli::man_pages().map_err(|e| Error::io("<man page>", &e))?;
    let Some(dir) = &args.dir else {
        return emit(&String::from_utf8_lossy(&pages[0].1), None, &Inputs::new()).map(|()| CLEAN);
    };
    let written = output::write_man_pages(dir, &pages)?;
    eprintln!("factcheck: wrote {} manual pages into {}", written, dir.display());
    Ok(CLEAN)
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
