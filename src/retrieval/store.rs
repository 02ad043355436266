//! Saving an [`Index`] to a file and loading it back, so that a large
//! reference table is indexed once and each check starts in a fraction of a
//! second (`factcheck refs index`, then `--refs FILE.fcidx`).
//!
//! The format is private to this version of factcheck: a magic line with the
//! format version, then lengths and little-endian numbers. A file of another
//! version, or a damaged one, is refused with a clear error; rebuild it from
//! the tables. The file does not know whether its tables changed since.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::index::Index;
use crate::reference::Reference;

const MAGIC: &[u8] = b"factcheck-index 1\n";

/// File extension of saved indexes.
pub const EXTENSION: &str = "fcidx";

/// True when a path names a saved index (by its extension).
pub fn is_index_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(EXTENSION))
}

/// Writes an index to bytes.
pub fn to_bytes(index: &Index) -> Vec<u8> {
    let p = index.parts();
    let mut w = Writer(Vec::with_capacity(64 << 20));
    w.0.extend_from_slice(MAGIC);
    w.u32(p.refs.len() as u32);
    for r in p.refs {
        w.str(&r.id);
        w.str(&r.statement);
        w.str(&r.source);
        w.0.push(u8::from(r.rating));
        w.nested(&r.aliases);
        w.str(&r.origin.0.to_string_lossy());
        w.u64(r.origin.1);
    }
    w.u32(p.names.len() as u32);
    for ((name, list), max) in p.names.iter().zip(p.postings).zip(p.max_impact) {
        w.str(name);
        w.f32(*max);
        w.u32(list.len() as u32);
        for &(doc, impact) in list {
            w.u32(doc);
            w.f32(impact);
        }
    }
    w.u32(p.groups.len() as u32);
    for g in p.groups {
        w.nested(g);
    }
    for e in p.expansions {
        w.strs(e);
    }
    w.0
}

/// Reads an index from bytes; `path` names the file in errors.
pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<Index> {
    if !bytes.starts_with(MAGIC) {
        return Err(Error::invalid(
            path,
            1,
            "not a factcheck index of this version; rebuild it with `factcheck refs index`",
        ));
    }
    let mut r = Reader {
        bytes,
        pos: MAGIC.len(),
        path,
    };
    let n = r.u32()? as usize;
    let mut refs = Vec::with_capacity(n.min(bytes.len()));
    for _ in 0..n {
        let id = r.string()?;
        let statement = r.string()?;
        let source = r.string()?;
        let rating = r.byte()? != 0;
        let aliases = r.nested()?;
        let origin = (PathBuf::from(r.string()?), r.u64()?);
        refs.push(Reference {
            id,
            statement,
            source,
            rating,
            aliases,
            origin,
        });
    }
    let terms = r.u32()? as usize;
    let mut names = Vec::with_capacity(terms.min(bytes.len()));
    let mut postings = Vec::with_capacity(terms.min(bytes.len()));
    let mut max_impact = Vec::with_capacity(terms.min(bytes.len()));
    for _ in 0..terms {
        names.push(r.string()?);
        max_impact.push(r.f32()?);
        let len = r.u32()? as usize;
        let mut list = Vec::with_capacity(len.min(bytes.len() / 8));
        for _ in 0..len {
            let doc = r.u32()?;
            if doc as usize >= n {
                return Err(r.damaged());
            }
            list.push((doc, r.f32()?));
        }
        postings.push(list);
    }
    let g = r.u32()? as usize;
    let mut groups = Vec::with_capacity(g.min(bytes.len()));
    for _ in 0..g {
        groups.push(r.nested()?);
    }
    let mut expansions = Vec::with_capacity(n);
    for _ in 0..n {
        expansions.push(r.strs()?);
    }
    if r.pos != bytes.len() {
        return Err(r.damaged());
    }
    Ok(Index::from_parts(
        refs, names, postings, max_impact, groups, expansions,
    ))
}

/// Saves an index to a file through [`crate::output::write`]: atomically,
/// and never over one of `inputs`.
pub fn save(index: &Index, path: &Path, inputs: &crate::output::Inputs) -> Result<()> {
    crate::output::write(path, &to_bytes(index), inputs)
}

/// Loads an index saved by [`save`].
pub fn load(path: &Path) -> Result<Index> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, &e))?;
    from_bytes(path, &bytes)
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

impl Reader<'_> {
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
    fn take(&mut self, n: usize) -> Result<&[u8]> {
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
    fn f32(&mut self) -> Result<f32> {
        Ok(f32::from_bits(self.u32()?))
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
        assert!(cut.starts_with("x.fcidx:1: damaged index at byte"), "{cut}");
        let foreign = from_bytes(p, b"id,statement\n").unwrap_err().to_string();
        assert_eq!(
            foreign,
            "x.fcidx:1: not a factcheck index of this version; rebuild it with `factcheck refs index`"
        );
        assert!(is_index_file(Path::new("refs.FCIDX")) && !is_index_file(Path::new("refs.csv")));
    }
}
