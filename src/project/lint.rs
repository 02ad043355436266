//! `refs lint`: the problems of reference tables, all of them at once.
//!
//! Loading a table for `check` stops at its first error, which is right for
//! a check and tedious for the person curating the table. Lint reads each
//! table leniently, row by row, and lists every problem as
//! `PATH:LINE: message`:
//!
//! - rows that do not parse: a wrong number of fields, a quote left open;
//! - empty ids and statements, duplicate ids (across all tables given);
//! - ratings other than true/false (and their synonyms), rows without a
//!   source (or a table without a `source` column);
//! - statements that repeat one another: equal once normalised (case,
//!   diacritics, punctuation and spacing ignored), or with a normalised
//!   Levenshtein similarity of at least [`NEAR_DUPLICATE`]. Only statements
//!   that share their first two content words are compared, so the work
//!   grows with the size of these buckets, not with the square of the table;
//! - rows that contradict each other, found by the matching engine itself:
//!   each true statement is treated as a claim, its best candidates are
//!   retrieved from an index of the tables and aligned with it, and a pair
//!   is reported when, read either way, the alignment finds the subject,
//!   covers at least [`CONTRADICTION_COVERAGE`] of the statement, lines up
//!   with it but for the conflicting details ([`SAME_BUT_DETAILS`]) and
//!   still has a conflicting detail (a date, a number, a name, a
//!   negation...). The same statement rated true in one row and false in
//!   another is a contradiction too.
//!
//! A problem between two rows is reported once, on the later row, naming the
//! earlier one. Files that cannot be read as text are errors (exit code 2 in
//! the CLI), not problems. The module never prints.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::index::Index;
use crate::matching::{align, Analysed, Conflict, ConflictKind};
use crate::reference::Reference;
use crate::text;

/// Similarity (normalised Levenshtein) from which two statements nearly repeat each other.
pub const NEAR_DUPLICATE: f64 = 0.9;

/// Share of a statement another must cover for a conflict between them to count.
pub const CONTRADICTION_COVERAGE: f64 = 0.6;

/// Share of a statement's words that must line up with the other's,
/// conflicting words included, for the two to be "the same statement but
/// for a detail".
pub const SAME_BUT_DETAILS: f64 = 0.9;

/// Candidates retrieved per statement when looking for contradictions.
const CANDIDATES: usize = 5;

/// One problem in a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The table.
    pub path: PathBuf,
    /// 1-based line of the row (1 for the header or the whole table).
    pub line: u64,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Problem {
    /// `PATH:LINE: message`, on one line whatever the table holds.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rendered = Error::invalid(&self.path, self.line, &self.message).to_string();
        f.write_str(&rendered)
    }
}

/// A row good enough to compare with others.
#[derive(Debug, Clone)]
struct Row {
    table: usize,
    line: u64,
    id: String,
    statement: String,
    rating: bool,
}

/// Lints reference tables: CSV files, or directories whose `.csv` files are
/// linted. Problems come in table order, then line order.
///
/// # Example
///
/// ```
/// use std::path::Path;
/// use factcheck::project::lint::lint_text;
///
/// let problems = lint_text(Path::new("r.csv"), "id,statement,source\nR1,The sky is blue.,\nR1,Grass is green.,https://x\n");
/// let lines: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
/// assert_eq!(lines, [
///     "r.csv:2: reference `R1` has no source",
///     "r.csv:3: duplicate reference id `R1` (first at line 2)",
/// ]);
/// ```
pub fn lint(paths: &[PathBuf]) -> Result<Vec<Problem>> {
    let files = crate::reference::table_files(paths)?;
    let mut texts = Vec::with_capacity(files.len());
    for f in &files {
        let bytes = crate::capped::read_csv(f)?;
        texts.push(crate::article::decode(f, bytes)?);
    }
    let tables: Vec<(&Path, &str)> = files
        .iter()
        .map(PathBuf::as_path)
        .zip(texts.iter().map(String::as_str))
        .collect();
    Ok(lint_tables(&tables))
}

/// Lints one table given as text; `path` names it in the problems.
pub fn lint_text(path: &Path, text: &str) -> Vec<Problem> {
    lint_tables(&[(path, text)])
}

/// Lints several tables given as (path, text).
pub fn lint_tables(tables: &[(&Path, &str)]) -> Vec<Problem> {
    let mut problems: Vec<(usize, Problem)> = Vec::new();
    let mut rows = Vec::new();
    for (t, (path, text)) in tables.iter().enumerate() {
        let mut found = Vec::new();
        read_rows(path, text, t, &mut rows, &mut found);
        problems.extend(found.into_iter().map(|p| (t, p)));
    }
    let paths: Vec<&Path> = tables.iter().map(|(p, _)| *p).collect();
    let at = |r: &Row, from: &Row| {
        if r.table == from.table {
            format!("line {}", r.line)
        } else {
            format!("{}:{}", paths[r.table].display(), r.line)
        }
    };
    let mut report = |later: &Row, message: String| {
        problems.push((
            later.table,
            Problem {
                path: paths[later.table].to_path_buf(),
                line: later.line,
                message,
            },
        ));
    };

    let mut first_of: HashMap<&str, &Row> = HashMap::new();
    for r in &rows {
        match first_of.get(r.id.as_str()) {
            Some(first) => report(
                r,
                format!("duplicate reference id `{}` (first at {})", r.id, at(first, r)),
            ),
            None => {
                first_of.insert(&r.id, r);
            }
        }
    }

    let contradictions = contradictions(&rows);
    let pairs: HashSet<(usize, usize)> = contradictions.iter().map(|(a, b, _)| (*a, *b)).collect();
    for (a, b, why) in &contradictions {
        let (a, b) = (&rows[*a], &rows[*b]);
        report(
            b,
            format!(
                "reference `{}` contradicts `{}` ({}): {why}",
                b.id,
                a.id,
                at(a, b)
            ),
        );
    }
    for (a, b, similarity) in repeats(&rows) {
        if pairs.contains(&(a, b)) {
            continue;
        }
        let (a, b) = (&rows[a], &rows[b]);
        let message = if similarity >= 1.0 {
            format!("reference `{}` repeats `{}` ({})", b.id, a.id, at(a, b))
        } else {
            format!(
                "reference `{}` nearly repeats `{}` ({}, similarity {similarity:.2})",
                b.id,
                a.id,
                at(a, b)
            )
        };
        report(b, message);
    }
    // Stable: problems of one row keep the order in which they were found.
    problems.sort_by_key(|(t, p)| (*t, p.line));
    problems.into_iter().map(|(_, p)| p).collect()
}

/// Reads the rows of one table leniently, noting each problem.
fn read_rows(path: &Path, text: &str, table: usize, rows: &mut Vec<Row>, problems: &mut Vec<Problem>) {
    let problem = |line: u64, message: String| Problem {
        path: path.to_path_buf(),
        line,
        message,
    };
    if let Some(line) = unclosed_quote(text) {
        problems.push(problem(
            line,
            "unclosed quote: the quoted field that starts on this line runs to the end of the file".into(),
        ));
    }
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |byte: usize| {
        // Skip the line breaks before a record, as the CSV reader does.
        let mut b = byte;
        while b < text.len() && matches!(text.as_bytes()[b], b'\n' | b'\r') {
            b += 1;
        }
        line_starts.partition_point(|&s| s <= b) as u64
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            problems.push(problem(1, format!("unreadable header: {e}")));
            return;
        }
    };
    let mut columns: HashMap<String, usize> = HashMap::new();
    for (i, name) in headers.iter().enumerate() {
        let key = name.trim().to_ascii_lowercase();
        if key.is_empty() {
            continue;
        }
        if let std::collections::hash_map::Entry::Vacant(e) = columns.entry(key.clone()) {
            e.insert(i);
        } else {
            problems.push(problem(1, format!("duplicated column `{key}` in header")));
        }
    }
    let missing: Vec<&str> = ["id", "statement"]
        .into_iter()
        .filter(|c| !columns.contains_key(*c))
        .collect();
    for col in &missing {
        problems.push(problem(1, format!("missing required column `{col}`")));
    }
    if !missing.is_empty() {
        return;
    }
    let has_source = columns.contains_key("source");
    if !has_source {
        problems.push(problem(1, "no `source` column: no reference has a source".into()));
    }
    let mut any = false;
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(1, |p| line_of(p.byte() as usize));
                problems.push(problem(line, format!("unreadable row: {e}")));
                continue;
            }
        };
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        any = true;
        let line = record.position().map_or(1, |p| line_of(p.byte() as usize));
        if record.len() != headers.len() {
            problems.push(problem(
                line,
                format!(
                    "row has {} fields, the header has {}",
                    record.len(),
                    headers.len()
                ),
            ));
        }
        let get = |col: &str| {
            columns
                .get(col)
                .and_then(|&i| record.get(i))
                .map_or("", str::trim)
        };
        let id = get("id");
        if id.is_empty() {
            problems.push(problem(line, "empty `id`".into()));
            continue;
        }
        let statement = get("statement");
        if statement.is_empty() {
            problems.push(problem(line, format!("empty `statement` for reference `{id}`")));
        }
        let rating = match get("rating").to_ascii_lowercase().as_str() {
            "" | "true" | "supported" | "yes" | "1" => Some(true),
            "false" | "contradicted" | "no" | "0" => Some(false),
            other => {
                problems.push(problem(
                    line,
                    format!("unknown rating `{other}` for reference `{id}` (expected true or false)"),
                ));
                None
            }
        };
        if has_source && get("source").is_empty() {
            problems.push(problem(line, format!("reference `{id}` has no source")));
        }
        if !statement.is_empty() {
            rows.push(Row {
                table,
                line,
                id: id.to_string(),
                statement: statement.to_string(),
                // A row whose rating is unreadable is compared as the loader's
                // default, true: its other problems still deserve a look.
                rating: rating.unwrap_or(true),
            });
        }
    }
    if !any {
        problems.push(problem(1, "no rows after the header".into()));
    }
}

/// The 1-based line of a quoted field still open at the end of the text.
fn unclosed_quote(text: &str) -> Option<u64> {
    let mut at_field_start = true;
    let mut quoted = false;
    let mut after_quote = false;
    let mut line = 1;
    let mut open = 0;
    for b in text.bytes() {
        if quoted {
            if after_quote {
                after_quote = false;
                if b != b'"' {
                    quoted = false;
                }
            } else if b == b'"' {
                after_quote = true;
            }
        }
        if !quoted {
            if at_field_start && b == b'"' {
                quoted = true;
                open = line;
                at_field_start = false;
            } else {
                at_field_start = matches!(b, b',' | b'\n' | b'\r');
            }
        }
        if b == b'\n' {
            line += 1;
        }
    }
    (quoted && !after_quote).then_some(open)
}

/// A statement for comparison: folded words joined by single spaces.
fn normalised(statement: &str) -> String {
    text::tokenize(statement)
        .into_iter()
        .map(|t| t.norm)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Pairs of rows (earlier, later) whose statements repeat each other, with
/// their similarity (1.0 when equal once normalised). Rows rated
/// differently are left out: the same statement rated true and false is a
/// contradiction, and a false variant of a true statement is usual.
fn repeats(rows: &[Row]) -> Vec<(usize, usize, f64)> {
    let norms: Vec<String> = rows.iter().map(|r| normalised(&r.statement)).collect();
    let mut buckets: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    for (i, r) in rows.iter().enumerate() {
        let stems = text::content_stems(&r.statement);
        let key = (
            stems.first().cloned().unwrap_or_default(),
            stems.get(1).cloned().unwrap_or_default(),
        );
        buckets.entry(key).or_default().push(i);
    }
    let mut out = Vec::new();
    for members in buckets.values() {
        // By length: a pair whose lengths differ by more than a tenth can
        // never reach the threshold, so each row is compared only with the
        // rows of nearly its length.
        let mut by_len: Vec<(usize, usize)> =
            members.iter().map(|&i| (norms[i].chars().count(), i)).collect();
        by_len.sort_unstable();
        for (k, &(len_a, a)) in by_len.iter().enumerate() {
            for &(len_b, b) in &by_len[k + 1..] {
                if (len_b - len_a) as f64 > (1.0 - NEAR_DUPLICATE) * len_b as f64 {
                    break;
                }
                if rows[a].rating != rows[b].rating {
                    continue;
                }
                let similarity = if norms[a] == norms[b] {
                    1.0
                } else {
                    strsim::normalized_levenshtein(&norms[a], &norms[b])
                };
                if similarity >= NEAR_DUPLICATE {
                    out.push((a.min(b), a.max(b), similarity.min(1.0)));
                }
            }
        }
    }
    out.sort_by_key(|x| (x.0, x.1));
    out
}

/// Pairs of rows (earlier, later) that contradict each other, with why.
///
/// Two true statements contradict each other when each, read as a claim,
/// finds the other's subject ([`Alignment::subject`](crate::matching::Alignment)),
/// covers at least [`CONTRADICTION_COVERAGE`] of it, lines up with it but
/// for the conflicting details ([`SAME_BUT_DETAILS`] of the words aligned)
/// and conflicts with it. Requiring this both ways is what separates "the
/// same statement with another date" from two statements about related
/// events (the 2023 and the 2024 council), which a claim checker must
/// compare but a table may well hold. Conflicts of ordinals are left out:
/// "the second council" and "the third council" name two councils.
///
/// Only pairs that retrieval proposes are examined (each row's
/// [`CANDIDATES`] best hits for its own query, whichever row found the
/// other), and a pair sharing less than half of its content stems is
/// dropped before any alignment: the cost is one search per row plus a few
/// alignments, never a comparison of every pair.
fn contradictions(rows: &[Row]) -> Vec<(usize, usize, String)> {
    let refs: Vec<Reference> = rows
        .iter()
        .map(|r| Reference {
            id: r.id.clone(),
            statement: r.statement.clone(),
            source: String::new(),
            rating: r.rating,
            aliases: Vec::new(),
            origin: (PathBuf::from(r.table.to_string()), r.line),
        })
        .collect();
    let norms: Vec<String> = rows.iter().map(|r| normalised(&r.statement)).collect();
    let index = Index::build(refs);
    let analysed: Vec<Analysed> = rows
        .par_iter()
        .map(|r| Analysed::new(&r.statement, &index))
        .collect();
    let conflicting = |i: usize, j: usize, retrieval: f64| -> Option<Conflict> {
        let a = align(&analysed[i], &index, j, retrieval);
        let close = a.subject && a.coverage >= CONTRADICTION_COVERAGE && a.aligned >= SAME_BUT_DETAILS;
        close
            .then(|| {
                a.conflicts
                    .into_iter()
                    .find(|c| c.kind != ConflictKind::Category("ordinal"))
            })
            .flatten()
    };
    // Candidate pairs: each row's best hits, as (earlier, later), once.
    let hits: Vec<Vec<(usize, f64)>> = analysed
        .par_iter()
        .map(|a| {
            index
                .search(&a.query(), CANDIDATES)
                .into_iter()
                .map(|h| (h.doc, h.score))
                .collect()
        })
        .collect();
    let mut pairs: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    for (i, list) in hits.iter().enumerate() {
        for &(j, score) in list {
            if j != i {
                let best = pairs.entry((i.min(j), i.max(j))).or_insert(score);
                *best = best.max(score);
            }
        }
    }
    // Content stems of each row: a pair that shares less than half of them
    // cannot line up "but for the details", and is never aligned.
    let stems: Vec<HashSet<&str>> = analysed
        .iter()
        .map(|a| {
            a.toks
                .iter()
                .filter(|t| t.is_content())
                .map(|t| t.stem.as_str())
                .collect()
        })
        .collect();
    let pairs: Vec<((usize, usize), f64)> = pairs.into_iter().collect();
    let mut out: Vec<(usize, usize, String)> = pairs
        .par_iter()
        .filter_map(|&((i, j), score)| {
            if norms[i] == norms[j] {
                return (rows[i].rating != rows[j].rating).then(|| {
                    let why = format!(
                        "the same statement is rated {} here and {} there",
                        rows[j].rating, rows[i].rating
                    );
                    (i, j, why)
                });
            }
            if !(rows[i].rating && rows[j].rating) {
                return None;
            }
            let shared = stems[i].intersection(&stems[j]).count();
            if 2 * shared < stems[i].len().max(stems[j].len()) {
                return None;
            }
            conflicting(i, j, score)?;
            // Worded from the later row's side.
            let c = conflicting(j, i, score)?;
            Some((i, j, describe(&c)))
        })
        .collect();
    out.sort_by_key(|x| (x.0, x.1));
    out
}

/// A conflict found by aligning the later row ("here") with the earlier
/// one ("there"), in words.
fn describe(c: &Conflict) -> String {
    let (here, there) = (&c.claim, &c.reference);
    match c.kind {
        ConflictKind::Negation => {
            if here.is_empty() {
                format!("negation: the other row says \"{there}\", this one does not")
            } else {
                format!("negation: this row says \"{here}\", the other does not")
            }
        }
        ConflictKind::Date => format!("date differs: {here} here, {there} there"),
        ConflictKind::Number => format!("number differs: {here} here, {there} there"),
        ConflictKind::Name | ConflictKind::Role | ConflictKind::Unknown => {
            format!("name differs: \"{here}\" here, \"{there}\" there")
        }
        ConflictKind::Detail => format!("detail differs: \"{here}\" here, \"{there}\" there"),
        ConflictKind::Antonym => format!("opposite meaning: \"{here}\" here, \"{there}\" there"),
        ConflictKind::Category(class) => format!("{class} differs: \"{here}\" here, \"{there}\" there"),
    }
}

/// What `refs lint` prints: one problem a line, then how many were found.
pub fn summary_text(problems: &[Problem]) -> String {
    let mut out: String = problems.iter().map(|p| format!("{p}\n")).collect();
    out.push_str(&match problems.len() {
        0 => "no problems found\n".to_string(),
        1 => "1 problem found\n".to_string(),
        n => format!("{n} problems found\n"),
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lint_lines(text: &str) -> Vec<String> {
        lint_text(Path::new("t.csv"), text)
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn a_clean_table_has_no_problem() {
        let lines = lint_lines(
            "id,statement,rating,source\nR1,The Eiffel Tower was completed in 1889.,true,https://a\nR2,NASA was founded in 1958.,true,https://b\n",
        );
        assert!(lines.is_empty(), "{lines:?}");
    }

    #[test]
    fn row_problems_are_all_listed() {
        let lines = lint_lines(
            "id,statement,rating,source\n\
             R1,The Louvre is in Paris.,maybe,https://a\n\
             ,No id here.,true,https://b\n\
             R3,,true,https://c\n\
             R4,Rome is in Italy.,true\n\
             R5,Madrid is in Spain.,true,\n",
        );
        assert_eq!(
            lines,
            [
                "t.csv:2: unknown rating `maybe` for reference `R1` (expected true or false)",
                "t.csv:3: empty `id`",
                "t.csv:4: empty `statement` for reference `R3`",
                "t.csv:5: row has 3 fields, the header has 4",
                "t.csv:5: reference `R4` has no source",
                "t.csv:6: reference `R5` has no source",
            ]
        );
    }

    #[test]
    fn header_problems() {
        assert_eq!(
            lint_lines("id,text\nR1,x\n"),
            ["t.csv:1: missing required column `statement`"]
        );
        assert_eq!(
            lint_lines("id,statement\nR1,The Louvre is in Paris.\n"),
            ["t.csv:1: no `source` column: no reference has a source"]
        );
        assert_eq!(
            lint_lines("id,statement,source\n\n"),
            ["t.csv:1: no rows after the header"]
        );
    }

    #[test]
    fn unclosed_quote_names_its_line() {
        let lines = lint_lines(
            "id,statement,source\nR1,The Louvre is in Paris.,https://a\nR2,\"Open quote,x\nR3,y,z\n",
        );
        assert_eq!(
            lines[0],
            "t.csv:3: unclosed quote: the quoted field that starts on this line runs to the end of the file"
        );
        assert_eq!(unclosed_quote("a,\"b \"\"c\"\" d\",e\n"), None);
        assert_eq!(unclosed_quote("a\n\"x\"\"\n"), Some(2));
    }

    #[test]
    fn repeats_are_bucketed_by_first_two_content_words() {
        let lines = lint_lines(
            "id,statement,source\n\
             R1,The Louvre museum is the most visited museum in the world.,a\n\
             R2,\"The Louvre museum is the most visited museum in the world!\",b\n\
             R3,The Louvre museum is the most visited museums in the world.,c\n\
             R4,Paris has the most visited museum in the world.,d\n",
        );
        assert_eq!(
            lines,
            [
                "t.csv:3: reference `R2` repeats `R1` (line 2)",
                "t.csv:4: reference `R3` nearly repeats `R1` (line 2, similarity 0.98)",
                "t.csv:4: reference `R3` nearly repeats `R2` (line 3, similarity 0.98)",
            ]
        );
    }

    #[test]
    fn contradicting_rows_are_found_by_the_matching_engine() {
        let lines = lint_lines(
            "id,statement,rating,source\n\
             R1,The Eiffel Tower was completed in 1889.,true,a\n\
             R2,NASA was founded in 1958.,true,b\n\
             R3,The Eiffel Tower was completed in 1899.,true,c\n\
             R4,The Great Wall of China is visible from the Moon.,false,d\n\
             R5,The Great Wall of China is visible from the Moon.,true,e\n\
             R6,NASA was founded in 1959.,false,f\n",
        );
        assert_eq!(
            lines,
            [
                "t.csv:4: reference `R3` contradicts `R1` (line 2): date differs: 1899 here, 1889 there",
                "t.csv:6: reference `R5` contradicts `R4` (line 5): the same statement is rated true here and false there",
            ]
        );
    }

    #[test]
    fn duplicate_ids_across_tables_name_the_first_table() {
        let problems = lint_tables(&[
            (
                Path::new("a.csv"),
                "id,statement,source\nR1,The Louvre is in Paris.,x\n",
            ),
            (
                Path::new("b.csv"),
                "id,statement,source\nR2,Rome is in Italy.,y\nR1,Madrid is in Spain.,z\n",
            ),
        ]);
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(lines, ["b.csv:3: duplicate reference id `R1` (first at a.csv:2)"]);
    }

    #[test]
    fn problems_stay_on_one_line() {
        let lines = lint_lines("id,statement,source\n\"R\n1\",x,\n");
        assert_eq!(lines, ["t.csv:2: reference `R\\n1` has no source"]);
    }
}
