//! Reading input files with a bound on what one CSV cell or one article
//! line may hold, checked while reading: a file whose first cell (or line)
//! over the limit comes early is refused after reading just past it, never
//! after buffering the rest (a 1 GB unclosed quote used to take 12 s and
//! 4.2 GB of memory before its error).

use std::io::{BufRead, BufReader};
use std::path::Path;

use crate::csv_input::MAX_CELL_BYTES;
use crate::error::{Error, Result};

/// Longest line of an article, in bytes (16 MiB). A longer line is refused
/// as soon as it is read; a 10 MB paragraph on one line is still read.
pub const MAX_ARTICLE_LINE_BYTES: usize = 16 << 20;

/// Bytes read from a file at a time.
const CHUNK_BYTES: usize = 1 << 16;

/// Reads a whole file, giving each chunk to `scan` first, which may refuse it.
fn read_scanned(path: &Path, mut scan: impl FnMut(&[u8]) -> Result<()>) -> Result<Vec<u8>> {
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, &e))?;
    let size = file.metadata().map_or(0, |m| m.len() as usize);
    let mut reader = BufReader::with_capacity(CHUNK_BYTES, file);
    // Room for small files at once; large ones grow as they are read.
    let mut out = Vec::with_capacity(size.min(64 << 20));
    loop {
        let chunk = match reader.fill_buf() {
            Ok([]) => break,
            Ok(chunk) => chunk,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Error::io(path, &e)),
        };
        scan(chunk)?;
        out.extend_from_slice(chunk);
        let n = chunk.len();
        reader.consume(n);
    }
    Ok(out)
}

/// Reads an article's bytes, refusing the first line longer than
/// [`MAX_ARTICLE_LINE_BYTES`] (`PATH:LINE: line is longer than ...`).
pub fn read_article(path: &Path) -> Result<Vec<u8>> {
    read_article_with(path, MAX_ARTICLE_LINE_BYTES)
}

fn read_article_with(path: &Path, max: usize) -> Result<Vec<u8>> {
    let mut line: u64 = 1;
    let mut len = 0usize;
    read_scanned(path, |chunk| {
        for &b in chunk {
            if b == b'\n' {
                line += 1;
                len = 0;
            } else {
                len += 1;
                if len > max {
                    return Err(Error::invalid(
                        path,
                        line,
                        format!("line is longer than {max} bytes; break it into lines or paragraphs"),
                    ));
                }
            }
        }
        Ok(())
    })
}

/// True for the bytes that move the CSV scanners' states: quote, comma,
/// CR and LF. Any other byte only lengthens the field it is in.
pub(crate) fn is_csv_special(b: u8) -> bool {
    matches!(b, b'"' | b',' | b'\n' | b'\r')
}

/// The length of the run of bytes at the start of `bytes` that are not
/// [`is_csv_special`], looked at eight bytes at a time.
pub(crate) fn plain_run(bytes: &[u8]) -> usize {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    // The high bit of each byte of `v` that is zero (and maybe of bytes
    // after one that is: only the lowest marked byte is sure).
    let zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    let mut i = 0;
    while let Some(word) = bytes.get(i..i + 8) {
        let w = u64::from_le_bytes(word.try_into().unwrap_or([0; 8]));
        let hits = zero(w ^ (ONES * u64::from(b'"')))
            | zero(w ^ (ONES * u64::from(b',')))
            | zero(w ^ (ONES * u64::from(b'\n')))
            | zero(w ^ (ONES * u64::from(b'\r')));
        if hits != 0 {
            return i + (hits.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i + bytes[i..]
        .iter()
        .position(|&b| is_csv_special(b))
        .unwrap_or(bytes.len() - i)
}

/// Reads a CSV file's bytes, refusing the first cell over
/// [`MAX_CELL_BYTES`] (`PATH:LINE: cell N is larger than ...`, LINE being
/// where its record starts), as the CSV reader would split it: a quote
/// opens a field only at its start, `""` inside is an escaped quote, CR,
/// LF and CRLF end a record outside quotes.
pub fn read_csv(path: &Path) -> Result<Vec<u8>> {
    read_csv_with(path, MAX_CELL_BYTES, SPLIT_BYTES).map(|(bytes, _)| bytes)
}

/// Bytes between two [`CsvScan::splits`], about: parts small enough to
/// share out between threads, large enough that each costs little.
pub(crate) const SPLIT_BYTES: usize = 1 << 21;

/// What the scan of [`read_csv_scanned`] learnt of the file on the way.
#[derive(Debug, Default)]
pub(crate) struct CsvScan {
    /// Byte offsets, increasing, each just after an LF that ends a record
    /// (outside quotes), about [`SPLIT_BYTES`] apart: a reader started
    /// there starts at a record, as the reader of the whole file does.
    pub splits: Vec<usize>,
    /// True when a quoted field is still open at the end of the file.
    pub ends_quoted: bool,
}

/// [`read_csv`], with the record boundaries found on the way
/// ([`CsvScan`]), for reading the rows in parallel.
pub(crate) fn read_csv_scanned(path: &Path) -> Result<(Vec<u8>, CsvScan)> {
    read_csv_with(path, MAX_CELL_BYTES, SPLIT_BYTES)
}

/// [`read_csv_scanned`] with splits about `split` bytes apart.
pub(crate) fn read_csv_split(path: &Path, split: usize) -> Result<(Vec<u8>, CsvScan)> {
    read_csv_with(path, MAX_CELL_BYTES, split)
}

fn read_csv_with(path: &Path, max: usize, split: usize) -> Result<(Vec<u8>, CsvScan)> {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let mut state = State::FieldStart;
    let mut line: u64 = 1;
    let mut prev = 0u8;
    let mut record_line: u64 = 1;
    let mut record_started = false;
    let mut field = 0usize;
    let mut len = 0usize;
    let too_big = |record_line: u64, field: usize| {
        Error::invalid(
            path,
            record_line,
            format!(
                "cell {} is larger than {max} bytes (unbalanced quote?)",
                field + 1
            ),
        )
    };
    let mut scan = CsvScan::default();
    let mut base = 0usize;
    let mut next_split = split;
    let bytes = read_scanned(path, |chunk| {
        let mut i = 0;
        while i < chunk.len() {
            // A run of bytes that are none of `"`, `,`, CR, LF, taken at
            // once: each starts or continues a field's text and counts
            // towards its length, whatever the state.
            let run = plain_run(&chunk[i..]);
            if run > 0 {
                if !record_started {
                    record_started = true;
                    record_line = line;
                }
                if state != State::Quoted {
                    state = State::Unquoted;
                }
                prev = chunk[i + run - 1];
                i += run;
                len += run;
                if len > max {
                    return Err(too_big(record_line, field));
                }
                continue;
            }
            let b = chunk[i];
            i += 1;
            if !record_started && !matches!(b, b'\n' | b'\r') {
                record_started = true;
                record_line = line;
            }
            let (next, counts) = match (state, b) {
                (State::FieldStart, b'"') => (State::Quoted, false),
                (State::Quoted, b'"') => (State::QuoteInQuoted, false),
                (State::Quoted, _) => (State::Quoted, true),
                (State::QuoteInQuoted, b'"') => (State::Quoted, true),
                (_, b',') => {
                    field += 1;
                    len = 0;
                    (State::FieldStart, false)
                }
                (_, b'\n' | b'\r') => {
                    field = 0;
                    len = 0;
                    record_started = false;
                    if b == b'\n' && base + i >= next_split {
                        scan.splits.push(base + i);
                        next_split = base + i + split;
                    }
                    (State::FieldStart, false)
                }
                _ => (State::Unquoted, true),
            };
            state = next;
            if b == b'\r' || (b == b'\n' && prev != b'\r') {
                line += 1;
            }
            prev = b;
            if counts {
                len += 1;
                if len > max {
                    return Err(too_big(record_line, field));
                }
            }
        }
        base += chunk.len();
        Ok(())
    })?;
    scan.ends_quoted = state == State::Quoted;
    Ok((bytes, scan))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(bytes: &[u8]) -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("t.csv");
        std::fs::write(&p, bytes).unwrap();
        (dir, p)
    }

    #[test]
    fn csv_cells_over_the_limit_are_refused_at_their_record() {
        let err = |text: &str| {
            let (_d, p) = file(text.as_bytes());
            read_csv_with(&p, 4, SPLIT_BYTES)
                .map(|_| ())
                .map_err(|e| e.to_string().trim_start_matches(p.to_str().unwrap()).to_string())
        };
        assert_eq!(
            err("id,text\nA,abcd\nB,\"ab\"\"c\"\n"),
            Ok(()),
            "4 bytes, escaped quote counts once"
        );
        assert_eq!(
            err("id,text\nA,abcde\n"),
            Err(":2: cell 2 is larger than 4 bytes (unbalanced quote?)".into())
        );
        assert_eq!(
            err("id,text\r\n\r\nA,\"ab\nc\r\nd\"\n"),
            Err(":3: cell 2 is larger than 4 bytes (unbalanced quote?)".into()),
            "the line where the record starts, blank lines and CRLF counted once"
        );
        assert_eq!(
            err("id,text\rA,b\rB,\"open"),
            Ok(()),
            "the parser reports unclosed quotes"
        );
        assert_eq!(
            err("id,text\rA,b\rB,\"open\rmore"),
            Err(":3: cell 2 is larger than 4 bytes (unbalanced quote?)".into())
        );
    }

    #[test]
    fn plain_runs_end_at_the_first_special_byte() {
        let text = b"abcdefghijklmnopqrstuvwxyz0123456789";
        for len in 0..text.len() {
            for special in [b'"', b',', b'\n', b'\r'] {
                for at in 0..=len {
                    let mut bytes = text[..len].to_vec();
                    if at < len {
                        bytes[at] = special;
                        // A special byte after the first one, and bytes with
                        // the high bit set or one less than a special byte.
                        if at + 2 < len {
                            bytes[at + 2] = b'"';
                        }
                    }
                    if at > 1 {
                        bytes[at - 1] = special - 1;
                        bytes[0] = 0xE9;
                    }
                    let want = bytes.iter().position(|&b| is_csv_special(b)).unwrap_or(len);
                    assert_eq!(plain_run(&bytes), want, "{bytes:?}");
                }
            }
        }
    }

    #[test]
    fn article_lines_over_the_limit_are_refused() {
        let (_d, p) = file(b"short\nabcdef\n");
        let e = read_article_with(&p, 5).unwrap_err().to_string();
        assert!(
            e.ends_with(":2: line is longer than 5 bytes; break it into lines or paragraphs"),
            "{e}"
        );
        assert_eq!(read_article_with(&p, 6).unwrap(), b"short\nabcdef\n");
    }
}
