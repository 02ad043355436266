//! The terminal table for people (issue 15): width, findings first, the
//! summary last, --show, --color and -q, on the demo data.

use crate::util::{factcheck, run};

/// The demo's summary line, from the counts its JSON report gives: the
/// table must end on the same counts.
fn summary() -> String {
    let (_, out) = check(&["--format", "json"], &[]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let n = |k: &str| json["summary"][k].as_u64().unwrap();
    let (s, c, u) = (n("supported"), n("contradicted"), n("unsupported"));
    format!(
        "{} claims: {s} supported, {c} contradicted, {u} unsupported",
        s + c + u
    )
}

fn check(args: &[&str], env: &[(&str, &str)]) -> (i32, String) {
    let mut cmd = factcheck();
    cmd.arg("check").args(args).env_remove("COLUMNS");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let (code, out, err) = run(&mut cmd);
    assert!(code == 0 || code == 1, "{code}: {err}");
    (code, out)
}

fn widest(out: &str) -> usize {
    out.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

/// The index of the first line whose verdict cell says `verdict`.
fn first_row(out: &str, verdict: &str) -> Option<usize> {
    let cell = format!("┆ {verdict:<12} ┆");
    out.lines().position(|l| l.contains(&cell))
}

#[test]
fn the_table_fits_columns_and_defaults_to_100_off_a_terminal() {
    for (columns, most) in [("80", 80), ("120", 120)] {
        let (_, out) = check(&[], &[("COLUMNS", columns)]);
        assert!(widest(&out) <= most, "COLUMNS={columns}: {}", widest(&out));
        assert!(widest(&out) > most - 10, "COLUMNS={columns} uses the room");
    }
    let (_, out) = check(&[], &[]);
    assert!(widest(&out) <= 100 && widest(&out) > 90, "{}", widest(&out));
}

#[test]
fn findings_come_first_and_the_summary_last() {
    let (code, out) = check(&[], &[("COLUMNS", "100")]);
    assert_eq!(code, 1);
    let contradicted = first_row(&out, "contradicted").expect("a contradicted row");
    let unsupported = first_row(&out, "unsupported").expect("an unsupported row");
    let supported = first_row(&out, "supported").expect("a supported row");
    assert!(contradicted < unsupported && unsupported < supported, "{out}");
    assert_eq!(out.lines().last(), Some(summary().as_str()));
    // The reference statement of the contradicted claim is shown under its reason.
    let head: String = out.lines().take(40).collect::<Vec<_>>().join("\n");
    assert!(head.contains("reference: The EU's"), "{head}");
}

#[test]
fn show_hides_rows_but_the_summary_counts_every_claim() {
    let (code, out) = check(&["--show", "contradicted"], &[]);
    assert_eq!(code, 1);
    assert!(first_row(&out, "contradicted").is_some(), "{out}");
    assert!(first_row(&out, "supported").is_none(), "{out}");
    assert!(first_row(&out, "unsupported").is_none(), "{out}");
    assert_eq!(out.lines().last(), Some(summary().as_str()));
    let (_, out) = check(&["--show", "contradicted,supported"], &[]);
    assert!(first_row(&out, "supported").is_some() && first_row(&out, "unsupported").is_none());
}

#[test]
fn quiet_prints_only_the_summary_and_keeps_the_exit_code() {
    let (code, out) = check(&["-q"], &[]);
    assert_eq!(code, 1);
    assert_eq!(out, format!("{}\n", summary()));
    let (code, _) = check(&["-q", "--exit-zero"], &[]);
    assert_eq!(code, 0);
}

#[test]
fn color_always_paints_and_never_does_not() {
    let (_, out) = check(&["--color", "always"], &[]);
    assert!(out.contains("\u{1b}["), "no ANSI code with --color always");
    for args in [&["--color", "never"][..], &[][..]] {
        let (_, out) = check(args, &[]);
        assert!(!out.contains('\u{1b}'), "{args:?}");
    }
}

/// On a real terminal (a pty from `script`), auto colours unless NO_COLOR is set.
#[test]
fn color_auto_follows_the_terminal_and_no_color() {
    let bin = env!("CARGO_BIN_EXE_factcheck");
    let on_pty = |no_color: bool| {
        let mut cmd = std::process::Command::new("script");
        // Standard error (the progress bar, drawn with escape sequences
        // when a loaded machine makes the run last over a second) is left
        // out: only the table's colours are under test.
        cmd.args([
            "-qec",
            &format!("{bin} check --show contradicted 2>/dev/null"),
            "/dev/null",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("COLUMNS", "100")
        .env_remove("NO_COLOR");
        if no_color {
            cmd.env("NO_COLOR", "1");
        }
        let out = cmd.output().expect("script(1) from util-linux");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let painted = on_pty(false);
    assert!(painted.contains("contradicted"), "{painted}");
    assert!(has_colour(&painted), "auto colours on a terminal");
    let plain = on_pty(true);
    assert!(plain.contains("contradicted"), "{plain}");
    // Colour codes only: the pty also shows standard error, where a run
    // slower than a second (a debug build on a busy machine) draws and then
    // clears a progress bar with cursor codes.
    assert!(!has_colour(&plain), "NO_COLOR: {plain:?}");
}

/// True when a text holds an SGR (colour or style) escape: ESC [ digits and
/// semicolons, then `m`.
fn has_colour(text: &str) -> bool {
    text.split('\u{1b}').skip(1).any(|rest| {
        rest.strip_prefix('[').is_some_and(|codes| {
            let end = codes.find(|c: char| !(c.is_ascii_digit() || c == ';'));
            end.is_some_and(|i| codes[i..].starts_with('m'))
        })
    })
}
