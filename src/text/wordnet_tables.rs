//! The flat tables of `src/data/wordnet.txt` and their binary form.
//!
//! This file is compiled twice: by `build.rs`, which parses the text once at
//! build time and writes the tables as little-endian `u32`s, and by the library
//! (`text::wordnet`), which reads them back at start-up instead of parsing
//! 265,000 lines. Strings are kept as byte ranges of the text, so both sides
//! need the same text; a unit test checks that the decoded tables equal a fresh
//! parse. It uses nothing but `std`, for the build script's sake.

/// The tables, strings borrowed from the text.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Tables<'a> {
    /// (lemma, first sense in `senses`, senses per part of speech), in file order.
    pub lemmas: Vec<(&'a str, u32, [u8; 4])>,
    /// Synset ids of every lemma's senses, lemma after lemma.
    pub senses: Vec<u32>,
    /// Parents of noun and verb synset `s` are `parents[parent_start[s]..parent_start[s + 1]]`.
    pub parent_start: Vec<u32>,
    /// Hypernym synset ids.
    pub parents: Vec<u32>,
    /// Number of direct hyponyms of each noun and verb synset.
    pub children: Vec<u32>,
    /// Head word of each noun and verb synset.
    pub names: Vec<&'a str>,
    /// (satellite, head) adjective pairs.
    pub similar: Vec<(u32, u32)>,
    /// Antonymous adjective synsets.
    pub synset_antonyms: Vec<(u32, u32)>,
    /// Antonymous lemmas.
    pub antonyms: Vec<(&'a str, &'a str)>,
    /// (inflected form, part-of-speech letter, tab-separated base forms).
    pub exceptions: Vec<(&'a str, u8, &'a str)>,
}

/// A part-of-speech letter of the file: noun, verb, adjective, adverb.
pub fn pos_index(letter: u8) -> Option<usize> {
    match letter {
        b'n' => Some(0),
        b'v' => Some(1),
        b'a' => Some(2),
        b'r' => Some(3),
        _ => None,
    }
}

/// A decimal id; the generator writes only digits.
fn number(s: &str) -> u32 {
    s.bytes()
        .filter(u8::is_ascii_digit)
        .fold(0u32, |n, b| n.wrapping_mul(10).wrapping_add(u32::from(b - b'0')))
}

fn pair(line: &str) -> (&str, &str) {
    line.split_once('\t').unwrap_or((line, ""))
}

/// Parses the text (the format is documented in `tools/gen_wordnet.py`).
pub fn parse(text: &str) -> Tables<'_> {
    let mut t = Tables {
        lemmas: Vec::with_capacity(150_000),
        senses: Vec::with_capacity(210_000),
        parent_start: Vec::with_capacity(100_000),
        parents: Vec::with_capacity(100_000),
        ..Tables::default()
    };
    let mut noun_verb = 0usize;
    let mut section = "";
    for line in text.lines() {
        if line.starts_with('#') {
            continue;
        }
        if let Some(rest) = line.strip_prefix('[') {
            let (name, fields) = rest.split_once(']').unwrap_or((rest, ""));
            section = name;
            if name == "counts" {
                let counts: Vec<u32> = fields.split('\t').filter(|f| !f.is_empty()).map(number).collect();
                noun_verb = counts.iter().take(2).sum::<u32>() as usize;
                t.names = vec![""; noun_verb];
            }
            continue;
        }
        match section {
            "lemmas" => add_lemma(&mut t, line),
            "hypernyms" => {
                t.parent_start.push(t.parents.len() as u32);
                t.parents
                    .extend(line.split(',').filter(|f| !f.is_empty()).map(number));
            }
            "similar" => {
                let (a, b) = pair(line);
                t.similar.push((number(a), number(b)));
            }
            "synset-antonyms" => {
                let (a, b) = pair(line);
                t.synset_antonyms.push((number(a), number(b)));
            }
            "antonyms" => t.antonyms.push(pair(line)),
            "exceptions" => {
                let (word, rest) = pair(line);
                let (letter, bases) = pair(rest);
                let letter = letter.bytes().next().unwrap_or(0);
                if pos_index(letter).is_some() {
                    t.exceptions.push((word, letter, bases));
                }
            }
            _ => {}
        }
    }
    // Pad or trim the hypernym table to exactly the noun and verb synsets.
    t.parent_start.truncate(noun_verb);
    while t.parent_start.len() < noun_verb {
        t.parent_start.push(t.parents.len() as u32);
    }
    t.parent_start.push(t.parents.len() as u32);
    t.names.resize(noun_verb, "");
    t.children = vec![0; noun_verb];
    for &p in &t.parents {
        if let Some(c) = t.children.get_mut(p as usize) {
            *c += 1;
        }
    }
    t
}

fn add_lemma<'a>(t: &mut Tables<'a>, line: &'a str) {
    let mut fields = line.split('\t');
    let name = fields.next().unwrap_or("");
    let start = t.senses.len() as u32;
    let mut len = [0u8; 4];
    for field in fields {
        let Some(pos) = pos_index(field.bytes().next().unwrap_or(0)) else {
            continue;
        };
        for id in field[1..].split(',').filter(|f| !f.is_empty()) {
            let synset = number(id);
            t.senses.push(synset);
            len[pos] = len[pos].saturating_add(1);
            if let Some(slot) = t.names.get_mut(synset as usize) {
                // The head word wins; otherwise the first lemma seen names the synset.
                if id.ends_with('*') || slot.is_empty() {
                    *slot = name;
                }
            }
        }
    }
    t.lemmas.push((name, start, len));
}

/// The tables as little-endian `u32`s: each section is its length, then its
/// items; a string is its byte offset in `text` and its length.
pub fn encode(text: &str, t: &Tables<'_>) -> Vec<u8> {
    let base = text.as_ptr() as usize;
    let mut out: Vec<u32> = Vec::new();
    let s = |out: &mut Vec<u32>, s: &str| {
        // The empty name of an unnamed synset is no slice of the text.
        let off = if s.is_empty() {
            0
        } else {
            s.as_ptr() as usize - base
        };
        out.push(off as u32);
        out.push(s.len() as u32);
    };
    out.push(t.lemmas.len() as u32);
    for &(name, start, len) in &t.lemmas {
        s(&mut out, name);
        out.push(start);
        out.push(u32::from_le_bytes(len));
    }
    for v in [&t.senses, &t.parent_start, &t.parents, &t.children] {
        out.push(v.len() as u32);
        out.extend_from_slice(v);
    }
    out.push(t.names.len() as u32);
    for name in &t.names {
        s(&mut out, name);
    }
    for v in [&t.similar, &t.synset_antonyms] {
        out.push(v.len() as u32);
        for &(a, b) in v {
            out.extend([a, b]);
        }
    }
    out.push(t.antonyms.len() as u32);
    for &(a, b) in &t.antonyms {
        s(&mut out, a);
        s(&mut out, b);
    }
    out.push(t.exceptions.len() as u32);
    for &(word, letter, bases) in &t.exceptions {
        s(&mut out, word);
        out.push(u32::from(letter));
        s(&mut out, bases);
    }
    out.iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// Reads back what `encode` wrote for the same `text`. Panics on a blob
/// that does not fit the text.
pub fn decode<'a>(text: &'a str, blob: &[u8]) -> Tables<'a> {
    let mut words = blob
        .chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]));
    let mut next = move || words.next().expect("wordnet tables: truncated");
    let mut t = Tables::default();
    let n = next() as usize;
    t.lemmas.reserve_exact(n);
    for _ in 0..n {
        let name = string(text, next(), next());
        let start = next();
        t.lemmas.push((name, start, next().to_le_bytes()));
    }
    for v in [
        &mut t.senses,
        &mut t.parent_start,
        &mut t.parents,
        &mut t.children,
    ] {
        let n = next() as usize;
        v.reserve_exact(n);
        v.extend((0..n).map(|_| next()));
    }
    let n = next() as usize;
    t.names.reserve_exact(n);
    t.names.extend((0..n).map(|_| string(text, next(), next())));
    for v in [&mut t.similar, &mut t.synset_antonyms] {
        let n = next() as usize;
        v.reserve_exact(n);
        v.extend((0..n).map(|_| (next(), next())));
    }
    let n = next() as usize;
    t.antonyms.reserve_exact(n);
    t.antonyms
        .extend((0..n).map(|_| (string(text, next(), next()), string(text, next(), next()))));
    let n = next() as usize;
    t.exceptions.reserve_exact(n);
    for _ in 0..n {
        let word = string(text, next(), next());
        let letter = next() as u8;
        t.exceptions.push((word, letter, string(text, next(), next())));
    }
    t
}

fn string(text: &str, off: u32, len: u32) -> &str {
    &text[off as usize..off as usize + len as usize]
}
