//! The `factcheck` binary: parse arguments, resolve the configuration, call
//! the library, render, write, exit.

mod cli;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;

use cli::{CheckArgs, Cli, Command, CompareArgs, CompletionsArgs, ConfigArgs, EvalArgs, EvalFormat};
use cli::{ExtractArgs, IndexArgs, ManArgs, RefsCommand};
use factcheck::input::reference::{read_tables, table_files, tables_or_default};
use factcheck::input::{article, extract, inputs};
use factcheck::project::{baseline, config, eval, lint};
use factcheck::report::output::{self, Inputs};
use factcheck::retrieval::{index::Index, store};
use factcheck::{check, compare, report, Error, Result};

// Exit codes, as ripgrep, ruff and Vale use them: 0 for nothing at or above
// `--fail-on`, 1 (`u8::from(true)`) for findings, 2 for a usage, input or I/O error.
const CLEAN: u8 = 0;
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
    let request = cli::input_request(args, &cfg, loaded.path.as_deref());
    let inputs = inputs::discover(&request, &mut std::io::stdin().lock())?;
    if args.show_files {
        return emit(&report::input_names(&inputs), None, &Inputs::new()).map(|()| CLEAN);
    }
    let tables = tables_or_default(&cfg.refs)?;
    let mut read = Inputs::new();
    read.extend(inputs.iter().filter_map(inputs::Input::path))
        .extend(&tables)
        .extend(&loaded.path)
        .extend(&args.baseline);
    read.refuse(&[args.output.as_deref(), args.write_baseline.as_deref()])?;
    let baseline = cli::baseline_use(args)?;
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
        emit(&baseline::to_json(entries), Some(path), &read)?;
        let (n, s, to) = (
            entries.len(),
            if entries.len() == 1 { "" } else { "s" },
            path.display(),
        );
        eprintln!("factcheck: wrote {n} finding{s} to the baseline {to}");
    }
    emit(&report::render(&outcome, &render), args.output.as_deref(), &read)?;
    Ok(u8::from(outcome.fails(cfg.fail_on())))
}

fn run_compare(args: &CompareArgs) -> Result<u8> {
    let flags = cli::compare_flags(args)?;
    // Of the config, the profile and the [ignore] list apply: `compare`
    // judges claims against tables only when --refs is given.
    let loaded = config::load(&args.config.source())?;
    let cfg = loaded.config.merge(flags);
    let tables = table_files(&args.refs)?;
    let (a, b) = (&args.a, &args.b);
    let mut read = Inputs::new();
    read.add(a).add(b).extend(&tables).extend(&loaded.path);
    read.refuse(&[args.output.as_deref()])?;
    let comparison = compare::run(a, b, args.min_score, &cfg.ignore, &tables, cfg.profile())?;
    let names = (a.display().to_string(), b.display().to_string());
    let color = cli::wants_color(args.output.is_none());
    let out = report::render_comparison(&comparison, args.format.to_lib(), (&names.0, &names.1), color);
    emit(&out, args.output.as_deref(), &read)?;
    Ok(u8::from(args.fail_on_conflict && comparison.has_conflict()))
}

fn run_extract(args: &ExtractArgs) -> Result<u8> {
    let mut read = Inputs::new();
    read.extend(&args.articles).refuse(&[args.output.as_deref()])?;
    let mut claims = Vec::new();
    for path in &args.articles {
        claims.extend(extract::extract(&article::read(path)?, args.min_score));
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
    let dump = args.dump_features.is_some();
    let (e, features) = eval::run(&args.claims, &tables, args.evidence.as_deref(), &options, dump)?;
    if let (Some(path), Some(features)) = (&args.dump_features, features) {
        emit(&features, Some(path), &read)?;
    }
    let out = match args.format {
        EvalFormat::Table => report::evaluation_text(&e),
        EvalFormat::Json => report::evaluation_json(&e),
    };
    emit(&out, None, &Inputs::new()).map(|()| CLEAN)
}

fn run_config(args: &ConfigArgs) -> Result<u8> {
    let out = config::load(&args.config.source())?.describe(args.dump);
    emit(&out, None, &Inputs::new()).map(|()| CLEAN)
}

fn run_lint(paths: &[PathBuf]) -> Result<u8> {
    let problems = lint::lint(paths)?;
    emit(&lint::summary_text(&problems), None, &Inputs::new())?;
    Ok(u8::from(!problems.is_empty()))
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
    let index = Index::build(read_tables(&tables)?);
    store::save(&index, &args.output, &read)?;
    let (n, to) = (index.refs().len(), args.output.display());
    eprintln!("factcheck: indexed {n} references into {to}");
    // The process ends here: freeing a large index piece by piece only costs time.
    std::mem::forget(index);
    Ok(CLEAN)
}

fn run_completions(args: &CompletionsArgs) -> Result<u8> {
    emit(&cli::completions(args.shell), None, &Inputs::new()).map(|()| CLEAN)
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
        Some(path) if !output::is_stdout(path) => output::write(path, text.as_bytes(), inputs),
        _ => {
            let mut stdout = std::io::stdout().lock();
            match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
                Err(e) => Err(Error::io("<stdout>", &e)),
                Ok(()) => Ok(()),
            }
        }
    }
}
