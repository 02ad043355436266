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
        // Refuses the first cell over MAX_CELL_BYTES while reading, and
        // finds record boundaries on the way.
        let (bytes, scan) = crate::capped::read_csv_scanned(path)?;
        // Without a byte-order mark, decoding keeps the bytes where they
        // are (the boundaries hold) and the scan's end state is that of
        // `unclosed_quote`: no quoted field left open, no need to look again.
        let plain = !bytes.starts_with(BOM);
        let text = decode(path, bytes)?;
        if plain && !scan.ends_quoted {
            return CsvTable::parse_rows_split(path, &text, required, &scan.splits);
        }
        CsvTable::parse(path, &text, required)
    }

    /// Parses CSV text, requiring the given columns.
    pub fn parse(path: &Path, text: &str, required: &[&str]) -> Result<CsvTable> {
        let parsed = CsvTable::parse_rows(path, text, required);
        // A quoted field left open swallows the rest of the file, which the
        // CSV reader accepts; name the line of its opening quote unless an
        // error came before it.
        let Some(open) = unclosed_quote(text) else {
            return parsed;
        };
        match parsed {
            Err(e @ Error::Invalid { line, .. }) if line < open => Err(e),
            _ => Err(Error::invalid(
                path,
                open,
                "unclosed quote: the quoted field that starts on this line runs to the end of the file",
            )),
        }
    }

    fn parse_rows(path: &Path, text: &str, required: &[&str]) -> Result<CsvTable> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(false)
            .from_reader(text.as_bytes());
        let columns = header(path, text, &mut reader, required)?;
        let mut rows = Vec::new();
        let mut lines = LineCounter::new(text);
        for record in reader.records() {
            let record = record.map_err(|e| csv_error(path, text, &e))?;
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
        CsvTable::new(path, columns, rows)
    }

    /// [`CsvTable::parse_rows`] of a text without an unclosed quote, in
    /// parts read in parallel: `splits` are byte offsets where a record
    /// starts (each just after an LF that ends one). The rows and their
    /// lines are those of the serial read; on any problem in any part, the
    /// serial read runs instead and reports it as always.
    fn parse_rows_split(path: &Path, text: &str, required: &[&str], splits: &[usize]) -> Result<CsvTable> {
        use rayon::prelude::*;
        let bytes = text.as_bytes();
        let (starts, ends) = part_bounds(splits, bytes.len());
        // A reader strips a byte-order mark at its start, which the reader
        // of the whole text only does at the start of the file.
        if splits.is_empty()
            || starts
                .iter()
                .zip(&ends)
                .any(|(&a, &b)| a >= b || !text.is_char_boundary(a))
            || splits.iter().any(|&a| bytes[a..].starts_with(BOM))
        {
            return CsvTable::parse_rows(path, text, required);
        }
        // The header is in the first part: it ends at the first record break.
        let mut head = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(false)
            .from_reader(&bytes[..ends[0]]);
        let columns = header(path, text, &mut head, required)?;
        let width = head.byte_headers().map_err(|e| csv_error(path, text, &e))?.len();
        let parts: Vec<Option<Part>> = starts
            .par_iter()
            .zip(ends.par_iter())
            .enumerate()
            .map(|(i, (&a, &b))| part_rows(&text[a..b], i == 0, width))
            .collect();
        let mut rows = Vec::new();
        let mut before = 0u64;
        for part in parts {
            let Some((part_rows, breaks)) = part else {
                return CsvTable::parse_rows(path, text, required);
            };
            rows.extend(part_rows.into_iter().map(|(line, r)| (line + before, r)));
            before += breaks;
        }
        CsvTable::new(path, columns, rows)
    }

    /// [`CsvTable::read`], each row then turned into a `T` by `row` (with
    /// what `prepare` takes from the table's header, the row's line and its
    /// record), in row order: the same rows, or the same first error, as
    /// calling `row` on every row of the table read, without keeping the
    /// table's records. A large file is read in parts in parallel, each
    /// part's records parsed into one reused record.
    pub fn read_rows<C: Sync, T: Send>(
        path: &Path,
        required: &[&str],
        prepare: impl Fn(&CsvTable) -> C,
        row: impl Fn(&C, u64, &csv::StringRecord) -> Result<T> + Sync,
    ) -> Result<Vec<T>> {
        CsvTable::read_rows_every(path, required, prepare, row, crate::capped::SPLIT_BYTES)
    }

    /// [`CsvTable::read_rows`] in parts of about `split` bytes.
    fn read_rows_every<C: Sync, T: Send>(
        path: &Path,
        required: &[&str],
        prepare: impl Fn(&CsvTable) -> C,
        row: impl Fn(&C, u64, &csv::StringRecord) -> Result<T> + Sync,
        split: usize,
    ) -> Result<Vec<T>> {
        use rayon::prelude::*;
        let serial = |text: &str| -> Result<Vec<T>> {
            let table = CsvTable::parse(path, text, required)?;
            let c = prepare(&table);
            table.rows.iter().map(|(line, r)| row(&c, *line, r)).collect()
        };
        let (bytes, scan) = crate::capped::read_csv_split(path, split)?;
        // As in `read`: without a byte-order mark the boundaries hold and no
        // quoted field is left open unless the scan ends in one.
        let plain = !bytes.starts_with(BOM);
        let text = decode(path, bytes)?;
        let splits = &scan.splits;
        let bytes = text.as_bytes();
        let (starts, ends) = part_bounds(splits, bytes.len());
        if !plain
            || scan.ends_quoted
            || splits.is_empty()
            || starts
                .iter()
                .zip(&ends)
                .any(|(&a, &b)| a >= b || !text.is_char_boundary(a))
            || splits.iter().any(|&a| bytes[a..].starts_with(BOM))
        {
            return serial(&text);
        }
        let mut head = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(false)
            .from_reader(&bytes[..ends[0]]);
        let columns = header(path, &text, &mut head, required)?;
        let width = head.byte_headers().map_err(|e| csv_error(path, &text, &e))?.len();
        // The line each part starts on.
        let breaks: Vec<u64> = starts
            .par_iter()
            .zip(ends.par_iter())
            .map(|(&a, &b)| line_breaks(&bytes[a..b]))
            .collect();
        let before: Vec<u64> = breaks
            .iter()
            .scan(0u64, |sum, &n| {
                let at = *sum;
                *sum += n;
                Some(at)
            })
            .collect();
        let table = CsvTable {
            path: path.to_path_buf(),
            columns,
            rows: Vec::new(),
        };
        let c = prepare(&table);
        let parts: Vec<Option<(usize, Result<Vec<T>>)>> = starts
            .par_iter()
            .zip(ends.par_iter())
            .zip(before.par_iter())
            .enumerate()
            .map(|(i, ((&a, &b), &before))| {
                let part = &text[a..b];
                let mut reader = csv::ReaderBuilder::new()
                    .has_headers(i == 0)
                    .flexible(true)
                    .from_reader(part.as_bytes());
                let mut lines = LineCounter::new(part);
                let mut record = csv::StringRecord::new();
                let mut rows = 0usize;
                let mut out: Result<Vec<T>> = Ok(Vec::new());
                // Every record is read, after an error of `row` too: a CSV
                // problem anywhere is reported before it.
                while reader.read_record(&mut record).ok()? {
                    if record.len() != width || record.iter().any(|c| c.len() > MAX_CELL_BYTES) {
                        return None;
                    }
                    if record.iter().all(|c| c.trim().is_empty()) {
                        continue;
                    }
                    rows += 1;
                    if let Ok(done) = &mut out {
                        let line = record.position().map_or(0, |p| lines.line_at(p.byte() as usize));
                        match row(&c, line + before, &record) {
                            Ok(t) => done.push(t),
                            Err(e) => out = Err(e),
                        }
                    }
                }
                Some((rows, out))
            })
            .collect();
        if parts.iter().any(Option::is_none) {
            return serial(&text);
        }
        let parts: Vec<(usize, Result<Vec<T>>)> = parts.into_iter().flatten().collect();
        if parts.iter().all(|(rows, _)| *rows == 0) {
            return Err(Error::invalid(path, 1, "no rows after the header"));
        }
        let mut all = Vec::new();
        for (_, part) in parts {
            all.extend(part?);
        }
        Ok(all)
    }

    fn new(
        path: &Path,
        columns: HashMap<String, usize>,
        rows: Vec<(u64, csv::StringRecord)>,
    ) -> Result<CsvTable> {
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

    /// Position of a column by name, for [`CsvTable::cell`]: looked up once
    /// per table instead of once per row.
    pub fn column(&self, column: &str) -> Option<usize> {
        self.columns.get(column).copied()
    }

    /// Cell of a row by column position ([`CsvTable::column`]), trimmed;
    /// empty when the column is absent. The same as [`CsvTable::get`].
    pub fn cell(record: &csv::StringRecord, column: Option<usize>) -> &str {
        column.and_then(|i| record.get(i)).map_or("", str::trim)
    }

    /// True when the header has this column.
    pub fn has(&self, column: &str) -> bool {
        self.columns.contains_key(column)
    }
}

/// A UTF-8 byte-order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads the header of a table: the position of each named column,
/// requiring the given ones.
fn header(
    path: &Path,
    text: &str,
    reader: &mut csv::Reader<&[u8]>,
    required: &[&str],
) -> Result<HashMap<String, usize>> {
    let headers = reader.headers().map_err(|e| csv_error(path, text, &e))?.clone();
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
    Ok(columns)
}

/// The rows of a part of a table, with their lines, and its line breaks.
type Part = (Vec<(u64, csv::StringRecord)>, u64);

/// The rows of one part of a table (the first with the header), with
/// lines counted from 1 at the part's start, and the line breaks in it;
/// none on any problem, for the serial read to report.
fn part_rows(part: &str, first: bool, width: usize) -> Option<Part> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(first)
        .flexible(true)
        .from_reader(part.as_bytes());
    let mut rows = Vec::new();
    let mut lines = LineCounter::new(part);
    for record in reader.records() {
        let record = record.ok()?;
        if record.len() != width || record.iter().any(|c| c.len() > MAX_CELL_BYTES) {
            return None;
        }
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let line = record.position().map_or(0, |p| lines.line_at(p.byte() as usize));
        rows.push((line, record));
    }
    Some((rows, line_breaks(part.as_bytes())))
}

/// Line breaks in a text, as [`LineCounter`] counts them: LF, CRLF and a
/// lone CR.
fn line_breaks(bytes: &[u8]) -> u64 {
    // Counting one byte value (or pair) is a loop the compiler vectorises.
    let lf = bytes.iter().filter(|&&b| b == b'\n').count();
    let cr = bytes.iter().filter(|&&b| b == b'\r').count();
    if cr == 0 {
        return lf as u64;
    }
    // A CR is a break of its own unless an LF follows it.
    let crlf = bytes
        .iter()
        .zip(&bytes[1..])
        .filter(|&(&a, &b)| a == b'\r' && b == b'\n')
        .count();
    (lf + cr - crlf) as u64
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
            // `end` is at a byte that is not a line break (or at the end),
            // so a CR just before it is never half of a CRLF split here.
            self.line += line_breaks(&self.text[self.pos..end]);
            self.pos = end;
        }
        self.line
    }
}

/// The 1-based line of a quoted field that is still open at the end of the
/// text, following the reader's rules: a quote opens a field only at its
/// start, `""` inside is an escaped quote.
fn unclosed_quote(text: &str) -> Option<u64> {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let mut state = State::FieldStart;
    let mut line = 1;
    let mut open = 0;
    // The reader skips a byte-order mark before the first field.
    let bytes = text.strip_prefix('\u{feff}').unwrap_or(text).as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // A run of bytes that move no state but into or within a field's
        // text, taken at once.
        let run = crate::capped::plain_run(&bytes[i..]);
        if run > 0 {
            if state != State::Quoted {
                state = State::Unquoted;
            }
            i += run;
            continue;
        }
        let b = bytes[i];
        let is_break = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
        i += 1;
        state = match (state, b) {
            (State::FieldStart, b'"') => {
                open = line;
                State::Quoted
            }
            (State::Quoted, b'"') => State::QuoteInQuoted,
            (State::Quoted, _) => State::Quoted,
            (State::QuoteInQuoted, b'"') => State::Quoted,
            (_, b',' | b'\n' | b'\r') => State::FieldStart,
            _ => State::Unquoted,
        };
        if is_break {
            line += 1;
        }
    }
    (state == State::Quoted).then_some(open)
}

fn csv_error(path: &Path, text: &str, e: &csv::Error) -> Error {
    // Counted like row lines (blank lines skipped, a lone CR is a line
    // break, as it ends a record for the reader).
    let line = e
        .position()
        .map_or(1, |p| LineCounter::new(text).line_at(p.byte() as usize));
    let message = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            let fields = if *len == 1 { "field" } else { "fields" };
            format!("row has {len} {fields}, the header has {expected_len}")
        }
        csv::ErrorKind::Utf8 { .. } => "invalid UTF-8".to_string(),
        _ => e.to_string(),
    };
    Error::invalid(path, line, message)
}

/// Start and end offsets of the parts a text of `len` bytes is split into
/// at `splits` (each the start of a record).
fn part_bounds(splits: &[usize], len: usize) -> (Vec<usize>, Vec<usize>) {
    let starts = std::iter::once(0).chain(splits.iter().copied()).collect();
    let ends = splits.iter().copied().chain(std::iter::once(len)).collect();
    (starts, ends)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<CsvTable> {
        CsvTable::parse(Path::new("t.csv"), text, &["id", "text"])
    }

    /// Every text read in parts split at every record boundary the scan
    /// finds gives the rows, lines and errors of the serial read.
    #[test]
    fn parts_read_like_the_whole() {
        let texts = [
            "id,text\nA,hello\n\nB,\"multi\nline\"\nC,x\n",
            "id,text\r\nA,b\r\n\r\nB,\"c\r\nd\"\r\n\r\nC,e\r\n",
            "id,text\rA,b\r\rB,c\r",
            "id,text\nA,\"x\ny\"\"\n\"\nB,5\" screen\n\n\nC,\"a\"b\nD,\"\n\"\n",
            "id,text\nA,b\n\u{feff}B,c\nC,d\n",
            "id,text\nA,b\n , \nB,c\n\n",
            "id,text\nA,b\nB,c,d\nC,e\nD\n",
            "id,text\nA,b\nB,\"open\nC,d\n",
            "id,text\nA,b\nB,c",
            "id,text\n\n\n",
            "id,text\nA,b\r\nB,c\n\rC,d\r\r\nE,f\n",
            "id,text\nA,b\nE,c\nC,\"d\ne\"\nE,f\n",
            "id,text\nA,b\nE,c\nC,d,x\n",
        ];
        let dir = tempfile::tempdir().unwrap();
        for (n, text) in texts.iter().enumerate() {
            let p = dir.path().join(format!("t{n}.csv"));
            std::fs::write(&p, text).unwrap();
            let serial = CsvTable::parse(&p, text, &["id", "text"]);
            for every in [1, 3, 7, 16] {
                let (_, scan) = crate::capped::read_csv_split(&p, every).unwrap();
                let split = if scan.ends_quoted {
                    CsvTable::parse(&p, text, &["id", "text"])
                } else {
                    CsvTable::parse_rows_split(&p, text, &["id", "text"], &scan.splits)
                };
                let show = |t: &Result<CsvTable>| match t {
                    Ok(t) => format!("{:?}", t.rows),
                    Err(e) => e.to_string(),
                };
                assert_eq!(
                    show(&split),
                    show(&serial),
                    "text {n} split every {every} at {:?}",
                    scan.splits
                );
            }
            // Row by row, in parts (rows made of the id and the line, an
            // error for an id "E").
            let rows = |t: &Result<CsvTable>| -> std::result::Result<Vec<(u64, String)>, String> {
                let t = t.as_ref().map_err(|e| e.to_string())?;
                let mut out = Vec::new();
                for (line, r) in &t.rows {
                    if t.get(r, "id") == "E" {
                        return Err(format!("E at {line}"));
                    }
                    out.push((*line, t.get(r, "id").to_string()));
                }
                Ok(out)
            };
            for every in [1, 3, 7, 16, 1 << 21] {
                let got = CsvTable::read_rows_every(
                    &p,
                    &["id", "text"],
                    |t| t.column("id"),
                    |id, line, r| {
                        let id = CsvTable::cell(r, *id);
                        if id == "E" {
                            return Err(Error::invalid(Path::new("x"), line, "E"));
                        }
                        Ok((line, id.to_string()))
                    },
                    every,
                )
                .map_err(|e| match e {
                    Error::Invalid { line, message, .. } if message == "E" => format!("E at {line}"),
                    e => e.to_string(),
                });
                assert_eq!(got, rows(&serial), "text {n} read row by row every {every}");
            }
            // And through the file.
            let read = CsvTable::read(&p, &["id", "text"]);
            assert_eq!(
                read.map(|t| format!("{:?}", t.rows)).map_err(|e| e.to_string()),
                serial.map(|t| format!("{:?}", t.rows)).map_err(|e| e.to_string())
            );
        }
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
    fn unclosed_quote_names_the_line_of_its_opening_quote() {
        // The reader alone would take the rest of the file as one cell.
        assert_eq!(
            parse("id,text\nA,b\nB,\"open\nC,d\n").unwrap_err().to_string(),
            "t.csv:3: unclosed quote: the quoted field that starts on this line runs to the end of the file"
        );
        // An earlier error is reported first.
        assert_eq!(
            parse("id,text\nA,b,c\nB,\"open\n").unwrap_err().to_string(),
            "t.csv:2: row has 3 fields, the header has 2"
        );
        // Escaped quotes and quotes inside unquoted cells are fine.
        let t = parse("\u{feff}\"id\",text\nA,\"say \"\"hi\"\"\"\nB,5\" screen\n").unwrap();
        assert_eq!(t.get(&t.rows[0].1, "text"), "say \"hi\"");
        assert_eq!(t.get(&t.rows[1].1, "text"), "5\" screen");
    }

    #[test]
    fn lone_carriage_returns_count_as_line_breaks() {
        let t = parse("id,text\rA,b\r\rB,c\r").unwrap();
        let lines: Vec<u64> = t.rows.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, vec![2, 4]);
        assert_eq!(
            parse("id,text\r\nA,b\r\n\r\nB\r\n").unwrap_err().to_string(),
            "t.csv:4: row has 1 field, the header has 2"
        );
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
        assert_eq!(
            parse("id,text\nA\n").unwrap_err().to_string(),
            "t.csv:2: row has 1 field, the header has 2"
        );
        assert!(parse("id;text\nA;b\n")
            .unwrap_err()
            .to_string()
            .contains("semicolon"));
    }
}
