//! Reading a CSV file with a header row into rows of named cells, with every
//! problem reported as `PATH:LINE: what is wrong`.
//!
//! Shared by the claims and reference loaders; knows nothing of either.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::article::decode;
use crate::error::{Error, Result};

/// Largest cell accepted, in bytes. Larger cells are almost always a broken
/// quote that swallowed the rest of the file.
pub const MAX_CELL_BYTES: usize = 1 << 20;

/// A parsed CSV file: header positions and rows with their line numbers.
#[derive(Debug)]
pub struct CsvTable {
    /// The file it came from.
    pub path: PathBuf,
    columns: HashMap<String, usize>,
    /// Rows with the 1-based line where each starts.
    pub rows: Vec<(u64, csv::StringRecord)>,
}

impl CsvTable {
    /// Reads and parses a CSV file, requiring the given columns.
    pub fn read(path: &Path, required: &[&str]) -> Result<CsvTable> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, &e))?;
        let text = decode(path, bytes)?;
        CsvTable::parse(path, &text, required)
    }

    /// Parses CSV text, requiring the given columns.
    pub fn parse(path: &Path, text: &str, required: &[&str]) -> Result<CsvTable> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(false)
            .from_reader(text.as_bytes());
        let headers = reader.headers().map_err(|e| csv_error(path, &e))?.clone();
        let mut columns = HashMap::new();
        for (i, name) in headers.iter().enumerate() {
            let key = name.trim().to_ascii_lowercase();
            if key.is_empty() {
                continue;
            }
            if columns.insert(key.clone(), i).is_some() {
                return Err(Error::invalid(
                    path,
                    1,
                    format!("duplicated column `{key}` in header"),
                ));
            }
        }
        for col in required {
            if !columns.contains_key(*col) {
                let hint = if headers.len() == 1 && headers.get(0).is_some_and(|h| h.contains(';')) {
                    " (the file looks semicolon-separated; factcheck reads comma-separated CSV)"
                } else {
                    ""
                };
                return Err(Error::invalid(
                    path,
                    1,
                    format!("missing required column `{col}`{hint}"),
                ));
            }
        }
        let mut rows = Vec::new();
        let mut lines = LineCounter::new(text);
        for record in reader.records() {
            let record = record.map_err(|e| csv_error(path, &e))?;
            // The reader's own line may point at a skipped blank line before
            // the record; count to the record's first byte instead.
            let line = record.position().map_or(0, |p| lines.line_at(p.byte() as usize));
            if let Some(big) = record.iter().position(|c| c.len() > MAX_CELL_BYTES) {
                return Err(Error::invalid(
                    path,
                    line,
                    format!(
                        "cell {} is larger than {} bytes (unbalanced quote?)",
                        big + 1,
                        MAX_CELL_BYTES
                    ),
                ));
            }
            if record.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            rows.push((line, record));
        }
        if rows.is_empty() {
            return Err(Error::invalid(path, 1, "no rows after the header"));
        }
        Ok(CsvTable {
            path: path.to_path_buf(),
            columns,
            rows,
        })
    }

    /// Cell of a row by column name, trimmed; empty when the column is absent.
    pub fn get<'a>(&self, record: &'a csv::StringRecord, column: &str) -> &'a str {
        self.columns
            .get(column)
            .and_then(|&i| record.get(i))
            .map_or("", str::trim)
    }

    /// True when the header has this column.
    pub fn has(&self, column: &str) -> bool {
        self.columns.contains_key(column)
    }
}

/// Counts lines up to increasing byte offsets, skipping blank lines.
struct LineCounter<'a> {
    text: &'a [u8],
    pos: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        LineCounter {
            text: text.as_bytes(),
            pos: 0,
            line: 1,
        }
    }

    fn line_at(&mut self, mut byte: usize) -> u64 {
        while byte < self.text.len() && matches!(self.text[byte], b'\n' | b'\r') {
            byte += 1;
        }
        let end = byte.min(self.text.len());
        if end > self.pos {
            self.line += self.text[self.pos..end].iter().filter(|&&b| b == b'\n').count() as u64;
            self.pos = end;
        }
        self.line
    }
}

fn csv_error(path: &Path, e: &csv::Error) -> Error {
    let line = e.position().map_or(1, |p| p.line().max(1));
    let message = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            format!("row has {len} fields, the header has {expected_len}")
        }
        csv::ErrorKind::Utf8 { .. } => "invalid UTF-8".to_string(),
        _ => e.to_string(),
    };
    Error::invalid(path, line, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<CsvTable> {
        CsvTable::parse(Path::new("t.csv"), text, &["id", "text"])
    }

    #[test]
    fn reads_rows_with_lines() {
        let t = parse("id,text\nA,hello\n\nB,\"multi\nline\"\nC,x\n").unwrap();
        let lines: Vec<u64> = t.rows.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, vec![2, 4, 6]);
        assert_eq!(t.get(&t.rows[1].1, "text"), "multi\nline");
        assert_eq!(t.get(&t.rows[0].1, "absent"), "");
    }

    #[test]
    fn errors_name_the_line() {
        assert_eq!(
            parse("id\nA\n").unwrap_err().to_string(),
            "t.csv:1: missing required column `text`"
        );
        assert_eq!(
            parse("id,text\nA,b\nC,d,e\n").unwrap_err().to_string(),
            "t.csv:3: row has 3 fields, the header has 2"
        );
        assert_eq!(
            parse("id,text\n").unwrap_err().to_string(),
            "t.csv:1: no rows after the header"
        );
        assert_eq!(
            parse("id,text,id\nA,b,c\n").unwrap_err().to_string(),
            "t.csv:1: duplicated column `id` in header"
        );
        assert!(parse("id;text\nA;b\n")
            .unwrap_err()
            .to_string()
            .contains("semicolon"));
    }
}
