//! Saving an [`Index`] to a file and loading it back, so that a large
//! reference table is indexed once and each check starts in a fraction of a
//! second (`factcheck refs index`, then `--refs FILE.fcidx`).
//!
//! The format is private to this version of factcheck: a magic line with the
//! format version, then lengths and little-endian numbers. A file of another
//! version, or a damaged one, is refused with a clear error; rebuild it from
//! the tables. The file does not know whether its tables changed since.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::index::Index;
use crate::reference::Reference;

/// Format 2: flat sections with offsets, so that a million references load
/// in parallel and the postings are read as one block (see [`to_bytes`]).
const MAGIC: &[u8] = b"factcheck-index 2\n";
/// What every factcheck index starts with, whatever its format.
const FAMILY: &[u8] = b"factcheck-index ";

/// File extension of saved indexes.
pub const EXTENSION: &str = "fcidx";

/// References decoded by one parallel task.
const REF_CHUNK: usize = 8192;

/// True when a path names a saved index (by its extension).
pub fn is_index_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(EXTENSION))
}

/// Writes an index to bytes.
///
/// Layout (numbers little-endian, a string is a u32 length and UTF-8):
/// the magic line; a u64 count of the bytes that follow it (a truncated
/// file is told at once); the references: their count `n`, the distinct
/// table paths (count, strings), `n + 1` u64 offsets into the records
/// block, its length in bytes and the records (id, statement, source,
/// rating byte, alias groups, path number u32, line u64, expansion
/// stems); the terms: count `t`, names, `t` f32 largest impacts, `t + 1`
/// u64 offsets into the postings, and all postings as (u32 reference, f32
/// impact) pairs; the alias groups.
pub fn to_bytes(index: &Index) -> Vec<u8> {
    let p = index.parts();
    let mut w = Writer(Vec::with_capacity(64 << 20));
    w.0.extend_from_slice(MAGIC);
    let body_at = w.0.len();
    w.u64(0);
    w.u32(p.refs.len() as u32);
    let mut origins: Vec<String> = Vec::new();
    let mut origin_ids: rustc_hash::FxHashMap<String, u32> = Default::default();
    let origin_of: Vec<u32> = p
        .refs
        .iter()
        .map(|r| {
            let name = r.origin.0.to_string_lossy().into_owned();
            *origin_ids.entry(name).or_insert_with_key(|name| {
                origins.push(name.clone());
                origins.len() as u32 - 1
            })
        })
        .collect();
    w.strs(&origins);
    let mut records = Writer(Vec::new());
    let mut offsets = Vec::with_capacity(p.refs.len() + 1);
    for ((r, &origin), expansion) in p.refs.iter().zip(&origin_of).zip(p.expansions) {
        offsets.push(records.0.len() as u64);
        records.str(&r.id);
        records.str(&r.statement);
        records.str(&r.source);
        records.0.push(u8::from(r.rating));
        records.nested(&r.aliases);
        records.u32(origin);
        records.u64(r.origin.1);
        records.strs(expansion);
    }
    offsets.push(records.0.len() as u64);
    for o in offsets {
        w.u64(o);
    }
    w.u64(records.0.len() as u64);
    w.0.extend_from_slice(&records.0);
    drop(records);
    w.u32(p.names.len() as u32);
    for name in &p.names {
        w.str(name);
    }
    for &max in p.max_impact {
        w.f32(max);
    }
    let mut at = 0u64;
    w.u64(at);
    for list in p.postings {
        at += list.len() as u64;
        w.u64(at);
    }
    for list in p.postings {
        for &(doc, impact) in list {
            w.u32(doc);
            w.f32(impact);
        }
    }
    w.u32(p.groups.len() as u32);
    for g in p.groups {
        w.nested(g);
    }
    let body = (w.0.len() - body_at - 8) as u64;
    w.0[body_at..body_at + 8].copy_from_slice(&body.to_le_bytes());
    w.0
}

/// Reads an index from bytes; `path` names the file in errors.
pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<Index> {
    if !bytes.starts_with(MAGIC) {
        let message = match stale_format(bytes) {
            Some(v) => format!(
                "an index of format {v}, written by another version of factcheck (this one reads format 2); rebuild it with `factcheck refs index`"
            ),
            None => "not a factcheck index of this version; rebuild it with `factcheck refs index`".to_string(),
        };
        return Err(Error::invalid(path, 1, message));
    }
    let mut r = Reader {
        bytes,
        pos: MAGIC.len(),
        path,
    };
    let body = r.u64()?;
    let have = (bytes.len() - r.pos) as u64;
    if body != have {
        let what = if have < body { "truncated" } else { "damaged" };
        return Err(Error::invalid(
            path,
            1,
            format!(
                "{what} index ({} bytes, the file says {}); rebuild it with `factcheck refs index`",
                bytes.len(),
                body + r.pos as u64
            ),
        ));
    }
    let n = r.u32()? as usize;
    let origins: Vec<String> = r.strs()?;
    let offsets_at = r.pos;
    let offsets = r.take(
        n.checked_add(1)
            .and_then(|k| k.checked_mul(8))
            .ok_or_else(|| r.damaged())?,
    )?;
    let records_len = r.u64()?;
    let records_at = r.pos;
    let records = r.take(usize::try_from(records_len).map_err(|_| r.damaged())?)?;
    let offset = |i: usize| u64_at(offsets, i);
    // Offsets ascend from 0 to the block's end: each record is its own slice.
    if offset(0) != 0 || offset(n) != records_len || (0..n).any(|i| offset(i) > offset(i + 1)) {
        return Err(Error::invalid(
            path,
            1,
            format!("damaged index at byte {offsets_at}; rebuild it with `factcheck refs index`"),
        ));
    }
    let failure: Mutex<Option<(usize, Error)>> = Mutex::new(None);
    let fail = |at: usize, e: Error| {
        let mut f = failure.lock().unwrap_or_else(|e| e.into_inner());
        if f.as_ref().is_none_or(|(first, _)| at < *first) {
            *f = Some((at, e));
        }
    };
    let mut refs: Vec<Reference> = Vec::with_capacity(n);
    let mut expansions: Vec<Vec<String>> = Vec::with_capacity(n);
    (0..n)
        .into_par_iter()
        .with_min_len(REF_CHUNK)
        .map(|i| {
            let (start, end) = (offset(i) as usize, offset(i + 1) as usize);
            let mut rec = Reader {
                bytes: &records[..end],
                pos: start,
                path,
            };
            match read_record(&mut rec, &origins) {
                Ok(v) if rec.pos == end => v,
                _ => {
                    fail(i, damaged_at(path, records_at + rec.pos));
                    blank()
                }
            }
        })
        .unzip_into_vecs(&mut refs, &mut expansions);
    if let Some((_, e)) = failure.into_inner().unwrap_or_else(|e| e.into_inner()) {
        return Err(e);
    }
    let terms = r.u32()? as usize;
    let mut names = Vec::with_capacity(terms.min(bytes.len()));
    for _ in 0..terms {
        names.push(r.string()?);
    }
    let max_impact: Vec<f32> = r
        .take(terms * 4)?
        .chunks_exact(4)
        .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect();
    let post_offsets_at = r.pos;
    let post_offsets = r.take((terms + 1) * 8)?;
    let total = u64_at(post_offsets, terms);
    let flat_at = r.pos;
    let flat = r.take(
        usize::try_from(total)
            .ok()
            .and_then(|t| t.checked_mul(8))
            .ok_or_else(|| r.damaged())?,
    )?;
    if u64_at(post_offsets, 0) != 0
        || (0..terms).any(|t| u64_at(post_offsets, t) > u64_at(post_offsets, t + 1))
    {
        return Err(damaged_at(path, post_offsets_at));
    }
    let postings: Vec<Vec<(u32, f32)>> = (0..terms)
        .into_par_iter()
        .map(|t| {
            let (a, b) = (
                u64_at(post_offsets, t) as usize,
                u64_at(post_offsets, t + 1) as usize,
            );
            let list: Vec<(u32, f32)> = flat[a * 8..b * 8]
                .chunks_exact(8)
                .map(|e| {
                    (
                        u32::from_le_bytes([e[0], e[1], e[2], e[3]]),
                        f32::from_le_bytes([e[4], e[5], e[6], e[7]]),
                    )
                })
                .collect();
            match list.iter().position(|&(doc, _)| doc as usize >= n) {
                Some(k) => Err(damaged_at(path, flat_at + (a + k) * 8)),
                None => Ok(list),
            }
        })
        .collect::<Result<_>>()?;
    let g = r.u32()? as usize;
    let mut groups = Vec::with_capacity(g.min(bytes.len()));
    for _ in 0..g {
        groups.push(r.nested()?);
    }
    if r.pos != bytes.len() {
        return Err(r.damaged());
    }
    Ok(Index::from_parts(
        refs, names, postings, max_impact, groups, expansions,
    ))
}

/// The format number of an index of another format, if it is one.
fn stale_format(bytes: &[u8]) -> Option<&str> {
    let rest = bytes.strip_prefix(FAMILY)?;
    let line = &rest[..rest.iter().position(|&b| b == b'\n')?];
    std::str::from_utf8(line)
        .ok()
        .filter(|v| !v.is_empty() && v.len() <= 8 && v.bytes().all(|b| b.is_ascii_digit()))
}

/// One reference record and its expansion stems.
fn read_record(r: &mut Reader<'_>, origins: &[String]) -> Result<(Reference, Vec<String>)> {
    let id = r.string()?;
    let statement = r.string()?;
    let source = r.string()?;
    let rating = r.byte()? != 0;
    let aliases = r.nested()?;
    let origin = origins.get(r.u32()? as usize).ok_or_else(|| r.damaged())?;
    let line = r.u64()?;
    let expansion = r.strs()?;
    Ok((
        Reference {
            id,
            statement,
            source,
            rating,
            aliases,
            origin: (PathBuf::from(origin), line),
        },
        expansion,
    ))
}

/// A reference with nothing in it (no allocation), in place of a damaged one.
fn blank() -> (Reference, Vec<String>) {
    (
        Reference {
            id: String::new(),
            statement: String::new(),
            source: String::new(),
            rating: false,
            aliases: Vec::new(),
            origin: (PathBuf::new(), 0),
        },
        Vec::new(),
    )
}

/// The little-endian u64 at position `i` of a block of them.
fn u64_at(block: &[u8], i: usize) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&block[i * 8..i * 8 + 8]);
    u64::from_le_bytes(a)
}

fn damaged_at(path: &Path, at: usize) -> Error {
    Error::invalid(
        path,
        1,
        format!("damaged index at byte {at}; rebuild it with `factcheck refs index`"),
    )
}

/// Saves an index to a file through [`crate::output::write`]: atomically,
/// and never over one of `inputs`.
pub fn save(index: &Index, path: &Path, inputs: &crate::output::Inputs) -> Result<()> {
    crate::output::write(path, &to_bytes(index), inputs)
}

/// Loads an index saved by [`save`].
///
/// The file is mapped into memory rather than copied: its pages come
/// straight from the page cache, so a large index costs no copy and no
/// zeroed buffer of its size. A file that cannot be mapped (empty, a pipe)
/// is read whole instead.
pub fn load(path: &Path) -> Result<Index> {
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, &e))?;
    // SAFETY: the map is read only and dropped before `load` returns; every
    // byte is checked while decoding and nothing borrowed from it outlives
    // it. `refs index` replaces an index by renaming a new file over it, so
    // a check running meanwhile keeps the old file's pages; only another
    // program truncating the file in place during the load could fault.
    match unsafe { memmap2::MmapOptions::new().populate().map(&file) } {
        Ok(map) if !map.is_empty() => from_bytes(path, &map),
        _ => {
            let bytes = std::fs::read(path).map_err(|e| Error::io(path, &e))?;
            from_bytes(path, &bytes)
        }
    }
}

struct Writer(Vec<u8>);

impl Writer {
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn f32(&mut self, v: f32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.0.extend_from_slice(s.as_bytes());
    }
    fn strs(&mut self, v: &[String]) {
        self.u32(v.len() as u32);
        for s in v {
            self.str(s);
        }
    }
    fn nested(&mut self, v: &[Vec<String>]) {
        self.u32(v.len() as u32);
        for inner in v {
            self.strs(inner);
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    path: &'a Path,
}

impl<'a> Reader<'a> {
    fn damaged(&self) -> Error {
        Error::invalid(
            self.path,
            1,
            format!(
                "damaged index at byte {}; rebuild it with `factcheck refs index`",
                self.pos
            ),
        )
    }
    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| self.damaged())?;
        let out = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(out)
    }
    fn byte(&mut self) -> Result<u8> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn u64(&mut self) -> Result<u64> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }
    fn string(&mut self) -> Result<String> {
        let len = self.u32()? as usize;
        let at = self.pos;
        let b = self.take(len)?;
        String::from_utf8(b.to_vec()).map_err(|_| {
            Error::invalid(
                self.path,
                1,
                format!("damaged index at byte {at}; rebuild it with `factcheck refs index`"),
            )
        })
    }
    fn strs(&mut self) -> Result<Vec<String>> {
        let n = self.u32()? as usize;
        let mut out = Vec::with_capacity(n.min(1024));
        for _ in 0..n {
            out.push(self.string()?);
        }
        Ok(out)
    }
    fn nested(&mut self) -> Result<Vec<Vec<String>>> {
        let n = self.u32()? as usize;
        let mut out = Vec::with_capacity(n.min(1024));
        for _ in 0..n {
            out.push(self.strs()?);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verdict::{judge, Settings};

    fn r(id: &str, statement: &str, aliases: &[&[&str]]) -> Reference {
        Reference {
            id: id.into(),
            statement: statement.into(),
            source: "https://example.org/eiffel-tower".into(),
            rating: id != "F",
            aliases: aliases
                .iter()
                .map(|g| g.iter().map(|s| s.to_string()).collect())
                .collect(),
            origin: ("t.csv".into(), 2),
        }
    }

    #[test]
    fn saved_index_gives_the_same_verdicts() {
        let refs = vec![
            r("A", "The Eiffel Tower was completed in 1889.", &[]),
            r(
                "B",
                "The Act on the Protection of Personal Information (APPI) is Japan's law.",
                &[&["APPI", "Act on the Protection of Personal Information"]],
            ),
            r("F", "The Moon is made of cheese.", &[]),
        ];
        let index = Index::build(refs);
        let again = from_bytes(Path::new("x.fcidx"), &to_bytes(&index)).unwrap();
        assert_eq!(to_bytes(&again), to_bytes(&index), "round trip is exact");
        for claim in [
            "The Eiffel Tower was completed in 1899.",
            "The APTIA is Japan's law.",
            "The Moon is made of cheese.",
        ] {
            let (a, b) = (
                judge(claim, &index, &Settings::balanced().unwrap()),
                judge(claim, &again, &Settings::balanced().unwrap()),
            );
            assert_eq!(
                (a.verdict, a.reason, a.reference),
                (b.verdict, b.reason, b.reference)
            );
        }
    }

    #[test]
    fn damaged_or_foreign_files_are_refused() {
        let index = Index::build(vec![r("A", "The Eiffel Tower was completed in 1889.", &[])]);
        let bytes = to_bytes(&index);
        let p = Path::new("x.fcidx");
        let cut = from_bytes(p, &bytes[..bytes.len() - 3]).unwrap_err().to_string();
        assert_eq!(
            cut,
            format!(
                "x.fcidx:1: truncated index ({} bytes, the file says {}); rebuild it with `factcheck refs index`",
                bytes.len() - 3,
                bytes.len()
            )
        );
        // Cut anywhere, or one byte changed anywhere: an error, never a panic.
        for at in 0..bytes.len() {
            assert!(from_bytes(p, &bytes[..at]).is_err(), "cut at {at}");
            let mut bad = bytes.clone();
            bad[at] ^= 0xff;
            let _ = from_bytes(p, &bad);
        }
        let stale = from_bytes(p, b"factcheck-index 1\n\0\0\0\0")
            .unwrap_err()
            .to_string();
        assert_eq!(
            stale,
            "x.fcidx:1: an index of format 1, written by another version of factcheck (this one reads format 2); rebuild it with `factcheck refs index`"
        );
        let foreign = from_bytes(p, b"id,statement\n").unwrap_err().to_string();
        assert_eq!(
            foreign,
            "x.fcidx:1: not a factcheck index of this version; rebuild it with `factcheck refs index`"
        );
        assert!(is_index_file(Path::new("refs.FCIDX")) && !is_index_file(Path::new("refs.csv")));
    }
}
