//! `factcheck refs lint` (issue 5): every problem of a reference table as
//! `PATH:LINE: message`, exit 1 on problems, 0 when clean, 2 when unreadable.

use crate::util::{factcheck, fixture, run};

#[test]
fn every_problem_kind_is_listed_with_its_line() {
    let (code, out, err) = run(factcheck().args(["refs", "lint", &fixture("lint/problems.csv")]));
    assert_eq!((code, err.as_str()), (1, ""));
    assert_eq!(
        out,
        "tests/fixtures/lint/problems.csv:3: unknown rating `maybe` for reference `L2` (expected true or false)\n\
         tests/fixtures/lint/problems.csv:4: reference `L3` has no source\n\
         tests/fixtures/lint/problems.csv:5: empty `id`\n\
         tests/fixtures/lint/problems.csv:6: empty `statement` for reference `L5`\n\
         tests/fixtures/lint/problems.csv:7: duplicate reference id `L1` (first at line 2)\n\
         tests/fixtures/lint/problems.csv:8: reference `L7` contradicts `L1` (line 2): date differs: 1899 here, 1889 there\n\
         tests/fixtures/lint/problems.csv:9: unknown rating `maybe` for reference `L8` (expected true or false)\n\
         tests/fixtures/lint/problems.csv:9: reference `L8` repeats `L2` (line 3)\n\
         tests/fixtures/lint/problems.csv:11: reference `L10` nearly repeats `L9` (line 10, similarity 0.96)\n\
         tests/fixtures/lint/problems.csv:13: reference `L12` contradicts `L11` (line 12): the same statement is rated true here and false there\n\
         tests/fixtures/lint/problems.csv:14: row has 3 fields, the header has 4\n\
         tests/fixtures/lint/problems.csv:14: reference `L13` has no source\n\
         12 problems found\n"
    );
}

#[test]
fn a_clean_table_exits_0() {
    let (code, out, err) = run(factcheck().args(["refs", "lint", &fixture("lint/clean.csv")]));
    assert_eq!((code, out.as_str(), err.as_str()), (0, "no problems found\n", ""));
}

#[test]
fn duplicate_ids_are_found_across_tables() {
    let (code, out, _) = run(factcheck().args([
        "refs",
        "lint",
        &fixture("lint/clean.csv"),
        &fixture("lint/other.csv"),
    ]));
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "tests/fixtures/lint/other.csv:2: duplicate reference id `C2` (first at tests/fixtures/lint/clean.csv:3)\n\
         1 problem found\n"
    );
}

#[test]
fn the_demo_table_is_clean() {
    let (code, out, err) = run(factcheck().args(["refs", "lint", "references/"]));
    assert_eq!((code, out.as_str(), err.as_str()), (0, "no problems found\n", ""));
}

#[test]
fn unreadable_tables_exit_2() {
    let (code, out, err) = run(factcheck().args(["refs", "lint", &fixture("lint/missing.csv")]));
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        "factcheck: tests/fixtures/lint/missing.csv: no such file or directory\n"
    );
    let (code, _, err) = run(factcheck().args(["refs", "lint", &fixture("config")]));
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "factcheck: tests/fixtures/config: directory holds no .csv reference table\n"
    );
    let (code, _, err) = run(factcheck().args(["refs", "lint"]));
    assert_eq!(code, 2);
    assert!(
        err.starts_with("error: the following required arguments were not provided"),
        "{err}"
    );
}
