//! The claim model and the claims CSV (`id,text` plus optional
//! `article,line,column,score`; other columns such as `label` are kept aside
//! for `eval`).

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use serde::Serialize;

use crate::csv_input::CsvTable;
use crate::error::{Error, Result};

/// One factual claim, from an article or a claims CSV.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    /// Stable id (`<article-stem>-<n>` when extracted).
    pub id: String,
    /// The article it came from (path as given), or empty.
    pub article: String,
    /// 1-based line in the article, 0 when unknown.
    pub line: usize,
    /// 1-based column (in characters) in the article, 0 when unknown.
    pub column: usize,
    /// The claim text, markup removed.
    pub text: String,
    /// Check-worthiness score in [0, 1].
    pub score: f64,
}

/// Reads a claims CSV. Ids must be unique and texts non-empty.
pub fn read_claims(path: &Path) -> Result<Vec<Claim>> {
    claims_of(CsvTable::read(path, &["id", "text"])?)
}

/// Parses the text of a claims CSV; `path` names it in errors and is the
/// default `article` of its claims.
///
/// # Example
///
/// ```
/// use std::path::Path;
/// let claims = factcheck::claim::parse_claims(Path::new("c.csv"), "id,text\nc1,The sky is blue.\n").unwrap();
/// assert_eq!(claims[0].article, "c.csv");
/// ```
pub fn parse_claims(path: &Path, text: &str) -> Result<Vec<Claim>> {
    claims_of(CsvTable::parse(path, text, &["id", "text"])?)
}

fn claims_of(table: CsvTable) -> Result<Vec<Claim>> {
    let path = table.path.as_path();
    let mut seen: BTreeMap<String, u64> = BTreeMap::new();
    let mut claims = Vec::with_capacity(table.rows.len());
    for (line, record) in &table.rows {
        let id = table.get(record, "id");
        let text = table.get(record, "text");
        if id.is_empty() {
            return Err(Error::invalid(path, *line, "empty `id`"));
        }
        if text.is_empty() {
            return Err(Error::invalid(
                path,
                *line,
                format!("empty `text` for claim `{id}`"),
            ));
        }
        if let Some(first) = seen.insert(id.to_string(), *line) {
            return Err(Error::invalid(
                path,
                *line,
                format!("duplicate id `{id}` (first on line {first})"),
            ));
        }
        let number = |col: &str| -> Result<usize> {
            let cell = table.get(record, col);
            if cell.is_empty() {
                return Ok(0);
            }
            cell.parse()
                .map_err(|_| Error::invalid(path, *line, format!("`{col}` is not a whole number: `{cell}`")))
        };
        let score = match table.get(record, "score") {
            "" => 1.0,
            s => s
                .parse::<f64>()
                .ok()
                .filter(|v| (0.0..=1.0).contains(v))
                .ok_or_else(|| {
                    Error::invalid(path, *line, format!("`score` must be a number in [0, 1]: `{s}`"))
                })?,
        };
        let article = match table.get(record, "article") {
            "" => path.display().to_string(),
            a => a.to_string(),
        };
        claims.push(Claim {
            id: id.to_string(),
            article,
            line: number("line")?,
            column: number("column")?,
            text: text.to_string(),
            score,
        });
    }
    Ok(claims)
}

/// Reads the `label` column of a labelled claims CSV: id -> label.
pub fn read_labels(path: &Path) -> Result<BTreeMap<String, String>> {
    let table = CsvTable::read(path, &["id", "text", "label"])?;
    let allowed: HashSet<&str> = ["supported", "contradicted", "unsupported"].into();
    let mut labels = BTreeMap::new();
    for (line, record) in &table.rows {
        let label = table.get(record, "label").to_ascii_lowercase();
        if !allowed.contains(label.as_str()) {
            return Err(Error::invalid(
                path,
                *line,
                format!("unknown label `{label}` (expected supported, contradicted or unsupported)"),
            ));
        }
        labels.insert(table.get(record, "id").to_string(), label);
    }
    Ok(labels)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn write(content: &str) -> tempfile::NamedTempFile {
        let mut f = tempfile::Builder::new().suffix(".csv").tempfile().unwrap();
        f.write_all(content.as_bytes()).unwrap();
        f
    }

    #[test]
    fn reads_optional_columns() {
        let f =
            write("id,text,line,column,label\nc1,The sky is blue.,3,5,supported\nc2,Grass is green.,,,x\n");
        let claims = read_claims(f.path()).unwrap();
        assert_eq!(claims.len(), 2);
        assert_eq!((claims[0].line, claims[0].column), (3, 5));
        assert_eq!((claims[1].line, claims[1].column), (0, 0));
    }

    #[test]
    fn rejects_duplicates_and_bad_numbers() {
        let f = write("id,text\nc1,a\nc1,b\n");
        let msg = read_claims(f.path()).unwrap_err().to_string();
        assert!(msg.ends_with(":3: duplicate id `c1` (first on line 2)"), "{msg}");
        let f = write("id,text,line\nc1,a,x\n");
        assert!(read_claims(f.path())
            .unwrap_err()
            .to_string()
            .contains("`line` is not a whole number"));
    }

    #[test]
    fn parse_claims_reads_text_like_read_claims() {
        let text = "id,text\nc1,The sky is blue.\n";
        let f = write(text);
        assert_eq!(
            parse_claims(f.path(), text).unwrap(),
            read_claims(f.path()).unwrap()
        );
        assert_eq!(
            parse_claims(Path::new("c.csv"), "id,text\nc1,\n")
                .unwrap_err()
                .to_string(),
            "c.csv:2: empty `text` for claim `c1`"
        );
    }

    #[test]
    fn labels_are_validated() {
        let f = write("id,text,label\nc1,a,Supported\nc2,b,maybe\n");
        let msg = read_labels(f.path()).unwrap_err().to_string();
        assert!(msg.contains(":3: unknown label `maybe`"), "{msg}");
    }
}
