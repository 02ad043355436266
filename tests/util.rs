use std::path::PathBuf;

use assert_cmd::Command;

/// The factcheck binary, run from the repository root.
pub fn factcheck() -> Command {
    let mut cmd = Command::cargo_bin("factcheck").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd.env_remove("NO_COLOR");
    cmd
}

/// Path of a fixture, relative to the repository root.
pub fn fixture(rel: &str) -> String {
    format!("tests/fixtures/{rel}")
}

/// Absolute path of a fixture.
#[allow(dead_code)]
pub fn fixture_abs(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// Runs a command and returns (exit code, stdout, stderr).
pub fn run(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}
