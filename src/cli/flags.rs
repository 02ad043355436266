//! Flags turned into the library's values: configuration layers and render
//! options.

use std::io::IsTerminal;
use std::path::Path;

use factcheck::check::BaselineUse;
use factcheck::input::inputs::Request;
use factcheck::project::baseline::Baseline;

use factcheck::project::config::{Config, FailOn};
use factcheck::report::{self, RenderOptions};
use factcheck::{Error, Result};

use super::{CheckArgs, ColorArg, CompareArgs, Thresholds};

/// The thresholds given on the command line, as a configuration layer.
pub fn threshold_flags(t: &Thresholds) -> Result<Config> {
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
        profile: t.profile.map(super::ProfileArg::to_lib),
        min_support: t.min_support,
        min_match: t.min_match,
        min_score: t.min_score,
        ..Config::default()
    })
}

/// Every flag of `check` that the config file can also set, as a configuration layer.
pub fn check_flags(args: &CheckArgs) -> Result<Config> {
    let fail_on = if args.exit_zero {
        Some(FailOn::Never)
    } else {
        args.fail_on.map(super::FailOn::to_lib)
    };
    Ok(Config {
        refs: args.refs.clone(),
        format: args.format.map(super::Format::to_lib),
        fail_on,
        compare: args.compare.then_some(true),
        ..threshold_flags(&args.thresholds)?
    })
}

/// Where `check` looks for its inputs: the command line and the configuration in use.
pub fn input_request<'a>(args: &'a CheckArgs, cfg: &'a Config, config_file: Option<&'a Path>) -> Request<'a> {
    Request {
        given: &args.inputs,
        stdin_filename: args.stdin_filename.as_deref(),
        articles: &cfg.articles,
        exclude: &cfg.exclude,
        config_file,
        only_configured: args.only_configured,
    }
}

/// `--baseline FILE` (read now) or `--write-baseline FILE`.
pub fn baseline_use(args: &CheckArgs) -> Result<BaselineUse> {
    Ok(match (&args.baseline, &args.write_baseline) {
        (Some(path), _) => BaselineUse::Apply(Baseline::read(path)?),
        (None, Some(_)) => BaselineUse::Write,
        (None, None) => BaselineUse::None,
    })
}

/// The flags of `compare` that the config file can also set (the
/// profile), as a configuration layer; `--min-score` checked.
pub fn compare_flags(args: &CompareArgs) -> Result<Config> {
    if !(0.0..=1.0).contains(&args.min_score) {
        return Err(Error::Usage(format!(
            "--min-score must be between 0 and 1, got {}",
            args.min_score
        )));
    }
    Ok(Config {
        profile: args.profile.map(super::ProfileArg::to_lib),
        ..Config::default()
    })
}

/// How `check` renders: the configured format and severities; for the
/// table, `--color`, the width of the terminal (or `COLUMNS`, else 100) and
/// the verdicts of `--show` (default all).
pub fn render_options(args: &CheckArgs, cfg: &Config) -> RenderOptions {
    let color = match args.color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => wants_color(args.output.is_none()),
    };
    let columns = std::env::var("COLUMNS").ok();
    let mut table = report::TableOptions {
        color,
        width: report::terminal_width(columns.as_deref()),
        ..report::TableOptions::default()
    };
    if !args.show.is_empty() {
        table.show = args.show.iter().map(|v| v.to_lib()).collect();
    }
    RenderOptions {
        format: cfg.format(),
        table,
        quiet: args.quiet,
        explain: args.explain,
        severities: cfg.severity,
    }
}

/// Colour only on a terminal, and never with NO_COLOR set.
pub fn wants_color(to_terminal: bool) -> bool {
    to_terminal
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}
