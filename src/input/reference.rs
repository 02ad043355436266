//! Reference tables: loading and validating CSV rows of trusted statements
//! (`id,statement` plus optional `rating,source,aliases`), and collecting
//! the alias groups they define, in the `aliases` column or in the statement
//! itself ("Act on the Protection of Personal Information (APPI)").

use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::csv_input::CsvTable;
use crate::error::{Error, Result};
use crate::text;

/// One trusted statement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reference {
    /// Unique id across all loaded tables.
    pub id: String,
    /// The statement.
    pub statement: String,
    /// Where it comes from (URL or citation), possibly empty.
    pub source: String,
    /// False for a statement known to be false.
    #[serde(skip)]
    pub rating: bool,
    /// Other names for things the statement names: one group per thing,
    /// each group a list of names (`a|b; c|d` in the CSV).
    #[serde(skip)]
    pub aliases: Vec<Vec<String>>,
    /// Table file and line, for messages.
    #[serde(skip)]
    pub origin: (PathBuf, u64),
}

/// Reads one reference table.
pub fn read_table(path: &Path) -> Result<Vec<Reference>> {
    // Row by row as the file is parsed: the same references and errors as
    // `references` of the table read.
    CsvTable::read_rows(
        path,
        &["id", "statement"],
        |table| {
            let columns = ["id", "statement", "rating", "aliases", "source"].map(|c| table.column(c));
            (table.path.clone(), columns)
        },
        |(path, columns), line, record| reference(path, columns, line, record),
    )
}

/// Parses the text of one reference table; `path` only names it in errors.
///
/// # Example
///
/// ```
/// use std::path::Path;
/// let refs = factcheck::input::reference::parse_table(Path::new("r.csv"), "id,statement\nR1,The sky is blue.\n").unwrap();
/// assert_eq!(refs[0].origin.1, 2);
/// ```
pub fn parse_table(path: &Path, text: &str) -> Result<Vec<Reference>> {
    references(CsvTable::parse(path, text, &["id", "statement"])?)
}

fn references(table: CsvTable) -> Result<Vec<Reference>> {
    use rayon::prelude::*;
    /// Rows turned into references by one task.
    const PART_ROWS: usize = 8192;
    let path = table.path.as_path();
    let columns = ["id", "statement", "rating", "aliases", "source"].map(|c| table.column(c));
    // In parts, in parallel; the first error of the first part that has
    // one is the first error in row order.
    let parts: Vec<Result<Vec<Reference>>> = table
        .rows
        .par_chunks(PART_ROWS)
        .map(|rows| {
            rows.iter()
                .map(|(line, record)| reference(path, &columns, *line, record))
                .collect()
        })
        .collect();
    let mut out = Vec::with_capacity(table.rows.len());
    for part in parts {
        out.extend(part?);
    }
    Ok(out)
}

/// One row of a table as a reference; `columns` are the positions of
/// `id`, `statement`, `rating`, `aliases` and `source`.
fn reference(
    path: &Path,
    columns: &[Option<usize>; 5],
    line: u64,
    record: &csv::StringRecord,
) -> Result<Reference> {
    let [id_at, statement_at, rating_at, aliases_at, source_at] = *columns;
    let id = CsvTable::cell(record, id_at);
    let statement = CsvTable::cell(record, statement_at);
    if id.is_empty() {
        return Err(Error::invalid(path, line, "empty `id`"));
    }
    if statement.is_empty() {
        return Err(Error::invalid(
            path,
            line,
            format!("empty `statement` for reference `{id}`"),
        ));
    }
    let rating = match CsvTable::cell(record, rating_at).to_ascii_lowercase().as_str() {
        "" | "true" | "supported" | "yes" | "1" => true,
        "false" | "contradicted" | "no" | "0" => false,
        other => {
            return Err(Error::invalid(
                path,
                line,
                format!("unknown rating `{other}` for reference `{id}` (expected true or false)"),
            ))
        }
    };
    let aliases = parse_aliases(CsvTable::cell(record, aliases_at));
    Ok(Reference {
        id: id.to_string(),
        statement: statement.to_string(),
        source: CsvTable::cell(record, source_at).to_string(),
        rating,
        aliases,
        origin: (path.to_path_buf(), line),
    })
}

/// Parses an `aliases` cell: `|` separates names of one thing, `;` separates
/// things ("APPI|Act on the Protection of Personal Information; GDPR|General
/// Data Protection Regulation"). Groups of fewer than two names are dropped.
pub fn parse_aliases(cell: &str) -> Vec<Vec<String>> {
    cell.split(';')
        .map(|group| {
            group
                .split('|')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .filter(|g| g.len() >= 2)
        .collect()
}

/// The reference tables of a run: [`table_files`] of the paths given, or
/// of `references/` ([`crate::config::DEFAULT_REFS`]) when none is.
pub fn tables_or_default(refs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    if refs.is_empty() {
        table_files(&[PathBuf::from(crate::config::DEFAULT_REFS)])
    } else {
        table_files(refs)
    }
}

/// Expands reference paths into table files: a file stays as given; a
/// directory gives every `.csv` file in it and in its sub-folders, in
/// sorted order (by name, a folder's tables where its name sorts). Names
/// starting with `.` (`.git`, editor files) are skipped. A dangling
/// symbolic link, a link that leads back to a folder being walked, and a
/// folder whose tree holds no table are errors naming the path.
pub fn table_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk_tables(p, &mut Vec::new(), &mut out)?;
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

fn walk_tables(dir: &Path, walking: &mut Vec<PathBuf>, out: &mut Vec<PathBuf>) -> Result<()> {
    let real = std::fs::canonicalize(dir).map_err(|e| Error::io(dir, &e))?;
    if let Some(i) = walking.iter().position(|w| *w == real) {
        return Err(Error::Io {
            path: dir.to_path_buf(),
            message: format!(
                "symbolic link loop: leads back to {}, which is being read",
                walking[i].display()
            ),
        });
    }
    let mut entries: Vec<PathBuf> = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| Error::io(dir, &e))? {
        let entry = entry.map_err(|e| Error::io(dir, &e))?;
        if !entry.file_name().to_string_lossy().starts_with('.') {
            entries.push(entry.path());
        }
    }
    entries.sort();
    walking.push(real);
    let before = out.len();
    for path in entries {
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(Error::Io {
                    path,
                    message: "dangling symbolic link (its target does not exist)".into(),
                })
            }
            Err(e) => return Err(Error::io(&path, &e)),
        };
        if meta.is_dir() {
            walk_tables(&path, walking, out)?;
        } else if meta.is_file() && path.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv")) {
            out.push(path);
        }
    }
    walking.pop();
    if out.len() == before {
        return Err(Error::Io {
            path: dir.to_path_buf(),
            message: "directory holds no .csv reference table".into(),
        });
    }
    Ok(())
}

/// Reads several tables; ids must be unique across all of them.
pub fn read_tables(paths: &[PathBuf]) -> Result<Vec<Reference>> {
    let mut tables: Vec<Vec<Reference>> = Vec::with_capacity(paths.len());
    for path in paths {
        match read_table(path) {
            Ok(rows) => tables.push(rows),
            // A repeated id in the tables before this one is reported first,
            // as if each table were checked as soon as it was read.
            Err(e) => return Err(first_duplicate(&tables).unwrap_or(e)),
        }
    }
    if let Some(e) = first_duplicate(&tables) {
        return Err(e);
    }
    // In (table path, line) order whatever the order of `--refs`: equally
    // good candidates are ranked by their position in the index, so the
    // order of the tables must not decide between them. Each table is in
    // line order already, so sorting the tables by path is enough, unless
    // two of them have the same path.
    tables.sort_by(|a, b| table_path(a).cmp(&table_path(b)));
    let same_path = tables.windows(2).any(|w| table_path(&w[0]) == table_path(&w[1]));
    let mut all: Vec<Reference> = Vec::with_capacity(tables.iter().map(Vec::len).sum());
    for t in tables {
        all.extend(t);
    }
    if all.is_empty() {
        return Err(Error::Usage("no reference table given".into()));
    }
    if same_path {
        all.sort_by(|a, b| a.origin.cmp(&b.origin));
    }
    Ok(all)
}

/// The path of a table's rows (none for a table without rows).
fn table_path(rows: &[Reference]) -> Option<&Path> {
    rows.first().map(|r| r.origin.0.as_path())
}

/// The first reference, in reading order, whose id an earlier one has.
fn first_duplicate(tables: &[Vec<Reference>]) -> Option<Error> {
    let mut seen: FxHashMap<&str, &(PathBuf, u64)> = FxHashMap::default();
    for r in tables.iter().flatten() {
        if let Some((p, l)) = seen.get(r.id.as_str()) {
            let first = if p == &r.origin.0 {
                format!("line {l}")
            } else {
                format!("{}:{l}", p.display())
            };
            return Some(Error::invalid(
                &r.origin.0,
                r.origin.1,
                format!("duplicate reference id `{}` (first at {first})", r.id),
            ));
        }
        seen.insert(&r.id, &r.origin);
    }
    None
}

/// Alias groups of a table: each group is a list of names for one thing.
///
/// Groups come from the `aliases` column (the row's aliases form a group)
/// and from definitions in statements: "Long Name (LN)" where the capitals
/// of the long name spell the acronym.
pub fn alias_groups(refs: &[Reference]) -> Vec<Vec<String>> {
    refs.iter().flat_map(row_alias_groups).collect()
}

/// The alias groups of one row, in the order of [`alias_groups`].
pub fn row_alias_groups(r: &Reference) -> impl Iterator<Item = Vec<String>> + '_ {
    r.aliases.iter().cloned().chain(
        defined_acronyms(&r.statement)
            .into_iter()
            .map(|(long, short)| vec![long, short]),
    )
}

/// Finds "Long Name (ACRONYM)" definitions in a text.
pub fn defined_acronyms(statement: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = statement;
    let mut base = 0;
    while let Some(open) = rest.find('(') {
        let Some(close_rel) = rest[open..].find(')') else {
            break;
        };
        let inner = rest[open + 1..open + close_rel].trim();
        let is_acronym = inner.len() >= 2
            && inner.len() <= 10
            && inner.chars().all(|c| c.is_alphanumeric() || c == '-')
            && inner.chars().filter(|c| c.is_uppercase()).count() >= 2;
        if is_acronym {
            let before = &statement[..base + open];
            if let Some(long) = expansion(before.trim_end(), inner) {
                out.push((long, inner.to_string()));
            }
        }
        base += open + close_rel + 1;
        rest = &statement[base..];
    }
    out
}

/// The words before an acronym whose initials spell it (stop words may be skipped).
fn expansion(before: &str, acronym: &str) -> Option<String> {
    let letters: Vec<char> = acronym
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    // Only the last 2n + 3 words can be part of the expansion (see the
    // limit below); splitting the whole prefix at every acronym was
    // quadratic on a long statement.
    let mut words: Vec<&str> = before
        .split_whitespace()
        .rev()
        .take(letters.len() * 2 + 3)
        .collect();
    words.reverse();
    let mut need = letters.len();
    let mut start = words.len();
    while start > 0 && need > 0 {
        start -= 1;
        let w = words[start].trim_matches(|c: char| !c.is_alphanumeric());
        let first = w.chars().next().map(|c| c.to_lowercase().next().unwrap_or(c));
        if first == Some(letters[need - 1]) {
            need -= 1;
        } else if !crate::lexicon::is_stop_word(&text::fold(w)) {
            return None;
        }
        if words.len() - start > letters.len() * 2 + 2 {
            return None;
        }
    }
    (need == 0).then(|| {
        words[start..]
            .iter()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
            .collect::<Vec<_>>()
            .join(" ")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn table(content: &str) -> tempfile::NamedTempFile {
        let mut f = tempfile::Builder::new().suffix(".csv").tempfile().unwrap();
        f.write_all(content.as_bytes()).unwrap();
        f
    }

    #[test]
    fn reads_rating_source_aliases() {
        let f = table("id,statement,rating,source,aliases\nR1,The sky is blue.,,https://x,sky|heavens\nR2,The moon is cheese.,false,,\n");
        let refs = read_table(f.path()).unwrap();
        assert!(refs[0].rating);
        assert!(!refs[1].rating);
        assert_eq!(refs[0].aliases, vec![vec!["sky", "heavens"]]);
        assert_eq!(
            parse_aliases("APPI|Act on APPI; GDPR|General Data Protection Regulation;lonely"),
            vec![
                vec!["APPI", "Act on APPI"],
                vec!["GDPR", "General Data Protection Regulation"]
            ]
        );
        assert_eq!(refs[0].source, "https://x");
    }

    #[test]
    fn rejects_unknown_rating_and_duplicates_across_tables() {
        let f = table("id,statement,rating\nR1,x,maybe\n");
        assert!(read_table(f.path())
            .unwrap_err()
            .to_string()
            .contains(":2: unknown rating `maybe`"));
        let a = table("id,statement\nR1,x\n");
        let b = table("id,statement\nR2,y\nR1,z\n");
        let msg = read_tables(&[a.path().into(), b.path().into()])
            .unwrap_err()
            .to_string();
        assert!(
            msg.contains(":3: duplicate reference id `R1` (first at "),
            "{msg}"
        );
    }

    #[test]
    fn parse_table_reads_text_like_read_table() {
        let text = "id,statement\nR1,The sky is blue.\n";
        let f = table(text);
        let from_text = parse_table(f.path(), text).unwrap();
        let from_file = read_table(f.path()).unwrap();
        assert_eq!(from_text, from_file);
        assert_eq!(
            parse_table(Path::new("r.csv"), "id,statement\nR1,\n")
                .unwrap_err()
                .to_string(),
            "r.csv:2: empty `statement` for reference `R1`"
        );
    }

    #[test]
    fn tables_load_in_the_same_order_whatever_the_order_given() {
        let a = table("id,statement\nA2,x\nA1,y\n");
        let b = table("id,statement\nB1,z\n");
        let ids = |paths: &[PathBuf]| -> Vec<String> {
            read_tables(paths).unwrap().into_iter().map(|r| r.id).collect()
        };
        let ab = ids(&[a.path().into(), b.path().into()]);
        assert_eq!(ab, ids(&[b.path().into(), a.path().into()]));
        // Rows of one table keep their file order.
        let pos = |id: &str| ab.iter().position(|x| x == id).unwrap();
        assert!(pos("A2") < pos("A1"));
    }

    #[test]
    fn finds_acronym_definitions() {
        let got =
            defined_acronyms("Japan's Act on the Protection of Personal Information (APPI) took effect.");
        assert_eq!(
            got,
            vec![(
                "Act on the Protection of Personal Information".to_string(),
                "APPI".to_string()
            )]
        );
        assert!(defined_acronyms("It rained (a lot) in the UK (mostly).").is_empty());
    }

    #[test]
    fn many_acronyms_in_a_long_statement_stay_linear() {
        // Each acronym used to split the whole statement before it.
        let statement = "the General Data Protection (GDP) ".repeat(20_000);
        let got = defined_acronyms(&statement);
        assert_eq!(got.len(), 20_000);
        assert_eq!(
            got[19_999],
            ("General Data Protection".to_string(), "GDP".to_string())
        );
        // Too many words between the initials: no expansion, as before.
        assert!(defined_acronyms("Gross a b c d e f g h i j k Product (GP)").is_empty());
    }
}
