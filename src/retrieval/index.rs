//! An inverted index over reference statements, queried with BM25.
//!
//! Claims are never compared with every reference: the index returns the
//! few candidates that share the most informative words, and only those are
//! aligned word by word (see `matching`). Alias groups widen both sides: a
//! statement that names "APPI" is also found by "Act on the Protection of
//! Personal Information" when the table says they are the same thing.

use std::cell::RefCell;
use std::sync::{Arc, Mutex};

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::matching::Analysed;
use crate::reference::{row_alias_groups, Reference};
use crate::text;

/// Rows a thread reads at a time while building, and chunks read in
/// parallel before they are merged. Neither changes the index, only the
/// work's grain and the memory of the chunks not merged yet.
const CHUNK_ROWS: usize = 4096;
const WINDOW_CHUNKS: usize = 32;
/// Fewest windows a table is cut into (down to a window of one chunk per
/// thread), so that a small table's merge overlaps its reading too.
const MIN_WINDOWS: usize = 4;
/// No id: a stem outside the alias groups' words, a term not numbered yet.
const NONE: u32 = u32::MAX;

const K1: f64 = 1.2;
/// Most references a query probes in its common terms' posting lists: the
/// common terms (pruned by MaxScore) only reorder references that the rare
/// terms already put near the top. 200 leaves every figure of
/// `benches/accuracy.sh` unchanged and saves a third of the judging time on
/// a million references.
const PROBE_LIMIT: usize = 200;
const B: f64 = 0.75;

/// The searchable form of a reference table.
#[derive(Debug)]
pub struct Index {
    refs: Vec<Reference>,
    terms: FxHashMap<String, u32>,
    /// Postings per term: (reference, impact), by reference. The impact is
    /// the BM25 term-frequency part `tf (K1 + 1) / (tf + K1 (1 - B + B len / avg))`,
    /// computed once when building, so a query only multiplies by idf.
    postings: Vec<Vec<(u32, f32)>>,
    /// Per term: the largest impact in its postings (MaxScore's bound).
    max_impact: Vec<f32>,
    /// Alias groups as stem sequences, as the table gives them (what
    /// `store` saves).
    groups: Vec<Vec<Vec<String>>>,
    /// The same groups compiled for matching.
    aliases: Aliases,
    /// Per reference: content stems added by alias groups it mentions and
    /// by its source (a title or URL names the statement's topic).
    expansions: Vec<Vec<String>>,
    /// Statements analysed for matching ([`Index::analysed`]), kept for
    /// the next claim that has the same candidate.
    analysed: Mutex<FxHashMap<usize, Arc<Analysed>>>,
}

/// Most analysed statements an index keeps: enough for the candidates that
/// many claims share, few enough that the memory stays small (each holds
/// its words, a few kilobytes).
const ANALYSED_KEPT: usize = 16384;

/// Borrowed parts of an index, in term-id order.
pub(crate) struct IndexParts<'a> {
    pub refs: &'a [Reference],
    pub names: Vec<&'a str>,
    pub postings: &'a [Vec<(u32, f32)>],
    pub max_impact: &'a [f32],
    pub groups: &'a [Vec<Vec<String>>],
    pub expansions: &'a [Vec<String>],
}

/// One retrieved candidate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    /// Position of the reference in the index.
    pub doc: usize,
    /// BM25 score.
    pub score: f64,
}

impl Index {
    /// Builds the index of a list of references.
    ///
    /// Alias and acronym groups are collected first and compiled once
    /// (`Aliases`). The rows are then read in chunks, in parallel: each
    /// thread tokenises, stems and expands its chunks' statements with its
    /// own term numbers and a memo from each raw word to its term, kept
    /// from chunk to chunk (a word is folded and stemmed once per thread,
    /// with no allocation per word). The chunks are merged in row order,
    /// giving every term its id at its first use in the table, so term
    /// ids, postings and the saved index are the same on every run and for
    /// every number of threads, as if built row by row.
    pub fn build(refs: Vec<Reference>) -> Index {
        let chunks = refs.len().div_ceil(CHUNK_ROWS);
        let threads = rayon::current_num_threads().max(1);
        let window = (chunks / MIN_WINDOWS).clamp(threads.min(WINDOW_CHUNKS), WINDOW_CHUNKS);
        Index::build_in(refs, CHUNK_ROWS, window)
    }

    /// [`Index::build`] with chunks of `chunk_rows` rows, merged
    /// `window_chunks` chunks at a time (the same index whatever the two are).
    fn build_in(refs: Vec<Reference>, chunk_rows: usize, window_chunks: usize) -> Index {
        let groups: Vec<Vec<Vec<String>>> = refs
            .par_iter()
            .map(|r| {
                row_alias_groups(r)
                    .map(|g| {
                        g.iter()
                            .map(|m| all_stems(m))
                            .filter(|s| !s.is_empty())
                            .collect::<Vec<_>>()
                    })
                    .collect::<Vec<_>>()
            })
            .collect::<Vec<_>>()
            .into_iter()
            .flatten()
            .collect();
        let aliases = Aliases::new(&groups);
        let mut terms: FxHashMap<String, u32> = FxHashMap::default();
        let mut postings: Vec<Vec<(u32, f32)>> = Vec::new();
        let mut expansions: Vec<Vec<String>> = Vec::with_capacity(refs.len());
        let mut lengths: Vec<u32> = Vec::with_capacity(refs.len());
        let threads = rayon::current_num_threads().max(1);
        let readers: Vec<Mutex<Reader>> = (0..threads).map(|_| Mutex::new(Reader::new(&aliases))).collect();
        // Per reader: its terms' names and global ids, as far as merged.
        let mut names: Vec<Vec<String>> = vec![Vec::new(); threads];
        let mut global: Vec<Vec<u32>> = vec![Vec::new(); threads];
        let mut sorted: Vec<(u32, u32)> = Vec::new();
        // A window of chunks at a time, read in parallel and then merged in
        // row order; chunk results never hold more than a window's terms.
        // A window is merged while the next one is read: merging is serial,
        // and reading only touches the readers.
        let mut merge = |mut done: Vec<Chunk>| {
            let mut order: Vec<usize> = (0..done.len()).collect();
            order.sort_by_key(|&i| (done[i].reader, done[i].first_new));
            for i in order {
                let c = &mut done[i];
                debug_assert_eq!(c.first_new as usize, names[c.reader].len());
                names[c.reader].append(&mut c.new_names);
                global[c.reader].resize(names[c.reader].len(), NONE);
            }
            for mut c in done {
                let (names, global) = (&mut names[c.reader], &mut global[c.reader]);
                let mut start = 0;
                for &end in &c.ends {
                    sorted.clear();
                    let mut len = 0u32;
                    for &(local, n) in &c.tf[start..end] {
                        let mut id = global[local as usize];
                        if id == NONE {
                            let name = std::mem::take(&mut names[local as usize]);
                            id = match terms.get(&name) {
                                Some(&id) => id,
                                None => {
                                    let id = postings.len() as u32;
                                    terms.insert(name, id);
                                    postings.push(Vec::new());
                                    id
                                }
                            };
                            global[local as usize] = id;
                        }
                        sorted.push((id, n));
                        len += n;
                    }
                    start = end;
                    sorted.sort_unstable();
                    let doc = lengths.len() as u32;
                    for &(id, n) in &sorted {
                        // The term frequency for now; turned into the impact below.
                        postings[id as usize].push((doc, n as f32));
                    }
                    lengths.push(len);
                }
                expansions.append(&mut c.expansions);
            }
        };
        let mut pending: Option<Vec<Chunk>> = None;
        for (w, window) in refs.chunks(chunk_rows * window_chunks).enumerate() {
            let base = w * chunk_rows * window_chunks;
            let readers = &readers;
            let (done, ()) = rayon::join(
                || {
                    window
                        .par_chunks(chunk_rows)
                        .enumerate()
                        .map(|(i, rows)| {
                            let at = rayon::current_thread_index().unwrap_or(0) % threads;
                            let mut reader = readers[at].lock().unwrap_or_else(|e| e.into_inner());
                            reader.read(at, base + i * chunk_rows, rows)
                        })
                        .collect::<Vec<Chunk>>()
                },
                || {
                    if let Some(p) = pending.take() {
                        merge(p);
                    }
                },
            );
            pending = Some(done);
        }
        if let Some(p) = pending {
            merge(p);
        }
        drop(readers);
        let avg = if lengths.is_empty() {
            1.0
        } else {
            (lengths.iter().map(|&l| u64::from(l)).sum::<u64>() as f64 / lengths.len() as f64).max(1.0)
        };
        let norms: Vec<f32> = lengths
            .iter()
            .map(|&l| (K1 * (1.0 - B + B * f64::from(l) / avg)) as f32)
            .collect();
        let k1 = K1 as f32;
        let max_impact: Vec<f32> = postings
            .par_iter_mut()
            .map(|list| {
                let mut max = 0.0f32;
                for (doc, tf) in list.iter_mut() {
                    *tf = *tf * (k1 + 1.0) / (*tf + norms[*doc as usize]);
                    max = max.max(*tf);
                }
                max
            })
            .collect();
        Index {
            refs,
            terms,
            postings,
            max_impact,
            groups,
            aliases,
            expansions,
            analysed: Mutex::default(),
        }
    }

    /// Content stems that alias groups add to a text with these stems
    /// (all words, in order): every other member of each group it mentions.
    pub fn expand(&self, stems: &[String]) -> Vec<String> {
        if self.aliases.is_empty() {
            return Vec::new();
        }
        let ids: Vec<u32> = stems.iter().map(|s| self.aliases.id(s)).collect();
        self.aliases
            .expand(&ids)
            .into_iter()
            .map(|a| self.aliases.names[a as usize].clone())
            .collect()
    }

    /// The parts of the index, for `store` to write.
    pub(crate) fn parts(&self) -> IndexParts<'_> {
        let mut names = vec![""; self.postings.len()];
        for (name, &id) in &self.terms {
            names[id as usize] = name;
        }
        IndexParts {
            refs: &self.refs,
            names,
            postings: &self.postings,
            max_impact: &self.max_impact,
            groups: &self.groups,
            expansions: &self.expansions,
        }
    }

    /// Rebuilds an index from parts that `store` read back.
    pub(crate) fn from_parts(
        refs: Vec<Reference>,
        names: Vec<String>,
        postings: Vec<Vec<(u32, f32)>>,
        max_impact: Vec<f32>,
        groups: Vec<Vec<Vec<String>>>,
        expansions: Vec<Vec<String>>,
    ) -> Index {
        let aliases = Aliases::new(&groups);
        let terms = names
            .into_iter()
            .enumerate()
            .map(|(i, n)| (n, i as u32))
            .collect();
        Index {
            refs,
            terms,
            postings,
            max_impact,
            groups,
            aliases,
            expansions,
            analysed: Mutex::default(),
        }
    }

    /// Reference `doc`'s statement analysed for matching: the same as
    /// `Analysed::new(statement, index)`, which depends on nothing else,
    /// made once for all the claims it is a candidate of (up to
    /// `ANALYSED_KEPT` statements).
    pub fn analysed(&self, doc: usize) -> Arc<Analysed> {
        let kept = |m: &Mutex<FxHashMap<usize, Arc<Analysed>>>| {
            m.lock().unwrap_or_else(|e| e.into_inner()).get(&doc).cloned()
        };
        if let Some(a) = kept(&self.analysed) {
            return a;
        }
        let a = Arc::new(Analysed::new(&self.refs[doc].statement, self));
        let mut kept = self.analysed.lock().unwrap_or_else(|e| e.into_inner());
        if kept.len() < ANALYSED_KEPT {
            kept.insert(doc, Arc::clone(&a));
        }
        a
    }

    /// The references, in index order.
    pub fn refs(&self) -> &[Reference] {
        &self.refs
    }

    /// Context of reference `doc`: alias expansion and source words.
    pub fn expansion(&self, doc: usize) -> &[String] {
        &self.expansions[doc]
    }

    /// Number of references holding a stem.
    pub fn doc_freq(&self, stem: &str) -> usize {
        self.terms
            .get(stem)
            .map_or(0, |&id| self.postings[id as usize].len())
    }

    /// Inverse document frequency of a stem (BM25 form, never negative).
    pub fn idf(&self, stem: &str) -> f64 {
        let n = self.refs.len() as f64;
        let df = self.doc_freq(stem) as f64;
        ((n - df + 0.5) / (df + 0.5) + 1.0).ln()
    }

    /// The `k` best references for a query of (stem, boost) words,
    /// best first; ties go to the earlier reference.
    ///
    /// Scores accumulate in per-thread scratch: the references touched, in
    /// order of first touch, their scores side by side, and a table from
    /// reference to its place among them (valid for this query only, by a
    /// generation stamp, so it is never cleared). Terms are taken rarest first (MaxScore): once the k-th best
    /// score beats what all remaining terms could add to a reference not yet
    /// seen, the remaining (long, common) posting lists are only probed for
    /// the references already in play, by binary search, instead of being
    /// read whole. The k-th best score is only looked for once the best
    /// score so far could beat that bound. The best `k` are kept by
    /// insertion, never by sorting every scored reference.
    pub fn search(&self, query: &[(String, f64)], k: usize) -> Vec<Hit> {
        thread_local! {
            static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
        }
        // Each term once, at its first boost. A query widened by a large
        // alias group has as many terms as the group has words: no scan of
        // the terms kept so far.
        let mut terms: Vec<(u32, f32)> = Vec::new();
        let mut seen: FxHashSet<u32> = FxHashSet::default();
        for (term, boost) in query {
            if let Some(&id) = self.terms.get(term) {
                if seen.insert(id) {
                    terms.push((id, (self.idf(term) * boost) as f32));
                }
            }
        }
        if k == 0 || terms.is_empty() {
            return Vec::new();
        }
        // Heaviest first; the term id breaks ties so the order is fixed.
        terms.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        // What terms i.. could add at most to one reference.
        let mut rest = vec![0.0f32; terms.len() + 1];
        for i in (0..terms.len()).rev() {
            rest[i] = rest[i + 1] + terms[i].1 * self.max_impact[terms[i].0 as usize];
        }
        SCRATCH.with(|cell| {
            let scratch = &mut *cell.borrow_mut();
            scratch.start(self.refs.len());
            let Scratch {
                slots,
                generation,
                touched,
                scores,
            } = scratch;
            let generation = *generation;
            let mut probe_from = terms.len();
            // The best score so far: the k-th best is never above it (scores
            // only grow), so while it is not above the bound, neither is the k-th.
            let mut best_so_far = 0.0f32;
            for (i, &(id, weight)) in terms.iter().enumerate() {
                if i > 0 && touched.len() >= k && best_so_far > rest[i] && kth_score(scores, k) > rest[i] {
                    probe_from = i;
                    break;
                }
                for &(doc, impact) in &self.postings[id as usize] {
                    let slot = &mut slots[doc as usize];
                    let s = if slot.0 == generation {
                        let s = &mut scores[slot.1 as usize];
                        *s += weight * impact;
                        *s
                    } else {
                        *slot = (generation, touched.len() as u32);
                        touched.push(doc);
                        scores.push(weight * impact);
                        weight * impact
                    };
                    best_so_far = best_so_far.max(s);
                }
            }
            if probe_from < terms.len() {
                // Only references that could still reach the top k are
                // probed, and at most the PROBE_LIMIT best of them so far.
                let kth = kth_score(scores, k);
                let mut hopeful: Vec<(f32, u32)> = touched
                    .iter()
                    .zip(scores.iter())
                    .filter(|&(_, &s)| s + rest[probe_from] >= kth)
                    .map(|(&d, &s)| (s, d))
                    .collect();
                if hopeful.len() > PROBE_LIMIT {
                    // Best partial scores first; the reference breaks ties, so
                    // the choice is the same on every run.
                    hopeful
                        .select_nth_unstable_by(PROBE_LIMIT, |a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
                    hopeful.truncate(PROBE_LIMIT);
                }
                let hopeful: Vec<u32> = hopeful.into_iter().map(|(_, d)| d).collect();
                for &(id, weight) in &terms[probe_from..] {
                    let list = &self.postings[id as usize];
                    for &doc in &hopeful {
                        if let Ok(p) = list.binary_search_by(|&(d, _)| d.cmp(&doc)) {
                            scores[slots[doc as usize].1 as usize] += weight * list[p].1;
                        }
                    }
                }
            }
            let mut best: Vec<Hit> = Vec::with_capacity(k + 1);
            for (&doc, &score) in touched.iter().zip(scores.iter()) {
                let hit = Hit {
                    doc: doc as usize,
                    score: f64::from(score),
                };
                if best.len() == k && !better(&hit, &best[k - 1]) {
                    continue;
                }
                let at = best.partition_point(|h| better(h, &hit));
                best.insert(at, hit);
                best.truncate(k);
            }
            best
        })
    }
}

/// One thread's working memory for [`Index::search`].
#[derive(Default)]
struct Scratch {
    /// Per reference: (generation, place in `touched`); the place holds for
    /// the current query only when the generation is the current one.
    slots: Vec<(u32, u32)>,
    /// The current query's generation (never 0, which unused slots hold).
    generation: u32,
    /// References scored by the current query, in order of first touch.
    touched: Vec<u32>,
    /// Their scores, side by side with `touched`.
    scores: Vec<f32>,
}

impl Scratch {
    /// Readies the scratch for a query over `refs` references.
    fn start(&mut self, refs: usize) {
        if self.slots.len() < refs {
            self.slots.resize(refs, (0, 0));
        }
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 {
            // Wrapped: old stamps could read as current.
            self.slots.fill((0, 0));
            self.generation = 1;
        }
        self.touched.clear();
        self.scores.clear();
    }
}

/// The k-th highest of the touched references' scores.
fn kth_score(scores: &[f32], k: usize) -> f32 {
    let mut top: Vec<f32> = Vec::with_capacity(k + 1);
    for &s in scores {
        if top.len() < k || s > top[k - 1] {
            let at = top.partition_point(|&x| x >= s);
            top.insert(at, s);
            top.truncate(k);
        }
    }
    top.get(k - 1).copied().unwrap_or(0.0)
}

/// Alias groups compiled for matching. Each stem of the groups is
/// numbered once; identical groups (a table defines "UK" in many rows) are
/// kept once, since a repeat adds nothing to an expansion; and every member
/// sits in a trie of stems, so a text is matched against all members that
/// start at a word by following the words that come next, never by scanning
/// a list of members.
#[derive(Debug, Default)]
struct Aliases {
    /// Stem -> id.
    ids: FxHashMap<String, u32>,
    /// Stem by id.
    names: Vec<String>,
    /// Trie edges (node, stem id) -> node; node 0 is the root.
    edges: FxHashMap<(u32, u32), u32>,
    /// Per trie node: the distinct groups that have a member ending there,
    /// ascending.
    ends: Vec<Vec<u32>>,
    /// Per distinct group, in order of first appearance: the stems it adds,
    /// its members' stems that are not stop words, each once, in order.
    adds: Vec<Vec<u32>>,
}

impl Aliases {
    fn new(groups: &[Vec<Vec<String>>]) -> Aliases {
        let mut a = Aliases {
            ends: vec![Vec::new()],
            ..Aliases::default()
        };
        let mut seen: FxHashMap<Vec<Vec<u32>>, u32> = FxHashMap::default();
        for group in groups {
            let members: Vec<Vec<u32>> = group
                .iter()
                .map(|m| m.iter().map(|s| a.intern(s)).collect())
                .collect();
            if seen.contains_key(&members) {
                continue;
            }
            let g = a.adds.len() as u32;
            let mut adds = Vec::new();
            let mut added = FxHashSet::default();
            for member in &members {
                let mut node = 0u32;
                for &s in member {
                    let next = a.ends.len() as u32;
                    node = *a.edges.entry((node, s)).or_insert(next);
                    if node == next {
                        a.ends.push(Vec::new());
                    }
                    if !crate::lexicon::is_stop_word(&a.names[s as usize]) && added.insert(s) {
                        adds.push(s);
                    }
                }
                let ends = &mut a.ends[node as usize];
                if ends.last() != Some(&g) {
                    ends.push(g);
                }
            }
            a.adds.push(adds);
            seen.insert(members, g);
        }
        a
    }

    fn intern(&mut self, stem: &str) -> u32 {
        if let Some(&id) = self.ids.get(stem) {
            return id;
        }
        let id = self.names.len() as u32;
        self.ids.insert(stem.to_string(), id);
        self.names.push(stem.to_string());
        id
    }

    fn is_empty(&self) -> bool {
        self.adds.is_empty()
    }

    /// Id of a stem, `NONE` when no group has it.
    fn id(&self, stem: &str) -> u32 {
        self.ids.get(stem).copied().unwrap_or(NONE)
    }

    /// The stems (ids) that the groups add to a text whose stems have these
    /// ids (`NONE` for others): the stems of every group a member of which
    /// is a run of the text's stems, in group order, each once and none
    /// that the text has. Without a match, nothing is allocated.
    fn expand(&self, text: &[u32]) -> Vec<u32> {
        let mut hits: Vec<u32> = Vec::new();
        for (i, &first) in text.iter().enumerate() {
            // A stem that no group has starts no run (most stems of a text).
            if first == NONE {
                continue;
            }
            let mut node = 0u32;
            for &s in &text[i..] {
                match self.edges.get(&(node, s)) {
                    Some(&next) => node = next,
                    None => break,
                }
                hits.extend_from_slice(&self.ends[node as usize]);
            }
        }
        if hits.is_empty() {
            return Vec::new();
        }
        hits.sort_unstable();
        hits.dedup();
        let mut have: FxHashSet<u32> = text.iter().copied().filter(|&s| s != NONE).collect();
        let mut out = Vec::new();
        for g in hits {
            for &s in &self.adds[g as usize] {
                if have.insert(s) {
                    out.push(s);
                }
            }
        }
        out
    }
}

/// One chunk of rows read for the index by one [`Reader`], with that
/// reader's term numbers.
struct Chunk {
    /// The reader (a thread of the pool).
    reader: usize,
    /// The reader's terms numbered while reading this chunk, from `first_new` on.
    first_new: u32,
    new_names: Vec<String>,
    /// Per row, in order of first use: (reader's term, frequency), one run
    /// per row ...
    tf: Vec<(u32, u32)>,
    /// ... ending at these positions of `tf`.
    ends: Vec<usize>,
    /// Per row: stems added by alias groups and the source.
    expansions: Vec<Vec<String>>,
}

/// The token of a word, memoised: the reader's term and whether it is a
/// stop word.
#[derive(Clone, Copy)]
enum Tok {
    Skip,
    Term(u32, bool),
}

/// What one thread keeps from chunk to chunk while the index is built: its
/// own numbering of terms and its memos from raw words to terms, so that
/// each distinct word is folded and stemmed once per thread, not once per
/// chunk.
struct Reader<'a> {
    aliases: &'a Aliases,
    /// Term by the reader's number.
    names: Vec<String>,
    numbers: FxHashMap<String, u32>,
    /// Per term: its alias stem id (or `NONE`).
    alias_of: Vec<u32>,
    /// Per term: the row that last used it, and where in `tf`.
    stamp: Vec<u32>,
    slot: Vec<u32>,
    /// Per alias stem id: the reader's term (or `NONE`).
    of_alias: Vec<u32>,
    /// Raw statement word -> token, for a text's first word and for the others.
    first_tokens: FxHashMap<&'a str, Tok>,
    tokens: FxHashMap<&'a str, Tok>,
    /// Raw word -> term by the rule of plain words (`None`: a stop word).
    words: FxHashMap<String, Option<u32>>,
    /// Raw source word -> term, `None` for a stop word or URL noise.
    source_words: FxHashMap<String, Option<u32>>,
    /// The chunk being read.
    tf: Vec<(u32, u32)>,
    row: u32,
}

impl<'a> Reader<'a> {
    fn new(aliases: &'a Aliases) -> Reader<'a> {
        Reader {
            aliases,
            names: Vec::new(),
            numbers: FxHashMap::default(),
            alias_of: Vec::new(),
            stamp: Vec::new(),
            slot: Vec::new(),
            of_alias: vec![NONE; aliases.names.len()],
            first_tokens: FxHashMap::default(),
            tokens: FxHashMap::default(),
            words: FxHashMap::default(),
            source_words: FxHashMap::default(),
            tf: Vec::new(),
            row: 0,
        }
    }

    fn term(&mut self, stem: &str) -> u32 {
        if let Some(&id) = self.numbers.get(stem) {
            return id;
        }
        let id = self.names.len() as u32;
        self.numbers.insert(stem.to_string(), id);
        self.names.push(stem.to_string());
        self.alias_of.push(self.aliases.id(stem));
        self.stamp.push(NONE);
        self.slot.push(0);
        id
    }

    /// Counts one use of a term in the current row.
    fn add(&mut self, id: u32) {
        let i = id as usize;
        if self.stamp[i] == self.row {
            self.tf[self.slot[i] as usize].1 += 1;
        } else {
            self.stamp[i] = self.row;
            self.slot[i] = self.tf.len() as u32;
            self.tf.push((id, 1));
        }
    }

    /// Adds a term to the current row once; false if the row has it.
    fn add_once(&mut self, id: u32) -> bool {
        if self.stamp[id as usize] == self.row {
            return false;
        }
        self.add(id);
        true
    }

    /// The token of a statement word; `first` until the text's first token.
    fn token(&mut self, whole: &'a str, first: bool) -> Tok {
        let memo = if first { &self.first_tokens } else { &self.tokens };
        if let Some(&t) = memo.get(whole) {
            return t;
        }
        // The span is not kept: only the stem and the stop flag are.
        let t = match text::word_token(0, whole, first) {
            Some(t) => Tok::Term(self.term(&t.stem), t.stop),
            None => Tok::Skip,
        };
        if first {
            self.first_tokens.insert(whole, t);
        } else {
            self.tokens.insert(whole, t);
        }
        t
    }

    /// Term of a raw word, `None` for a stop word (memoised): a capitalised
    /// stop word is mostly a sentence start ("The"); a stop word in
    /// capitals or mixed case is a name ("WHO").
    fn word_term(&mut self, word: &str) -> Option<u32> {
        if let Some(&v) = self.words.get(word) {
            return v;
        }
        let norm = text::fold(word);
        let upper = word.chars().filter(|c| c.is_uppercase()).count();
        let v = if norm.is_empty() || (upper <= 1 && crate::lexicon::is_stop_word(&norm)) {
            None
        } else {
            Some(self.term(&text::stem(&norm)))
        };
        self.words.insert(word.to_string(), v);
        v
    }

    fn source_term(&mut self, word: &str) -> Option<u32> {
        if let Some(&v) = self.source_words.get(word) {
            return v;
        }
        let v = if is_url_noise(word) {
            None
        } else {
            self.word_term(word)
        };
        self.source_words.insert(word.to_string(), v);
        v
    }

    /// Reads rows `first..` of the table: the same terms, frequencies and
    /// expansions, in the same order of first use, as reading them one by
    /// one into the index.
    fn read(&mut self, reader: usize, first: usize, rows: &'a [Reference]) -> Chunk {
        let first_new = self.names.len();
        self.tf = Vec::new();
        let mut ends = Vec::with_capacity(rows.len());
        let mut expansions = Vec::with_capacity(rows.len());
        let mut stems: Vec<u32> = Vec::new();
        for (row, reference) in rows.iter().enumerate() {
            self.row = (first + row) as u32;
            let mut expansion = Vec::new();
            if self.aliases.is_empty() {
                for word in text::word_indices(&reference.statement).map(|(_, w)| w) {
                    if let Some(id) = self.word_term(word) {
                        self.add(id);
                    }
                }
            } else {
                // Alias groups match runs of stems, stop words included.
                stems.clear();
                let mut first_word = true;
                for (_, whole) in text::joined_words(&reference.statement) {
                    let Tok::Term(id, stop) = self.token(whole, first_word) else {
                        continue;
                    };
                    first_word = false;
                    stems.push(self.alias_of[id as usize]);
                    if !stop {
                        self.add(id);
                    }
                }
                let aliases = self.aliases;
                for a in aliases.expand(&stems) {
                    let name = &aliases.names[a as usize];
                    let mut id = self.of_alias[a as usize];
                    if id == NONE {
                        id = self.term(name);
                        self.of_alias[a as usize] = id;
                    }
                    self.add_once(id);
                    expansion.push(name.clone());
                }
            }
            for word in text::word_indices(&source_text(&reference.source)).map(|(_, w)| w) {
                let Some(id) = self.source_term(word) else {
                    continue;
                };
                if self.add_once(id) {
                    expansion.push(self.names[id as usize].clone());
                }
            }
            ends.push(self.tf.len());
            expansions.push(expansion);
        }
        Chunk {
            reader,
            first_new: first_new as u32,
            new_names: self.names[first_new..].to_vec(),
            tf: std::mem::take(&mut self.tf),
            ends,
            expansions,
        }
    }
}

/// Higher score first, then the earlier reference.
fn better(a: &Hit, b: &Hit) -> bool {
    a.score > b.score || (a.score == b.score && a.doc < b.doc)
}

/// Words a URL's host and scheme add to a source: not about the topic.
const URL_NOISE: &[&str] = &[
    "com", "en", "gov", "html", "htm", "http", "https", "index", "net", "news", "org", "pdf", "php", "www",
];

fn is_url_noise(word: &str) -> bool {
    URL_NOISE.contains(&text::fold(word).as_str())
}

/// The part of a source that names its topic: a title or citation as it is,
/// or the path of a URL, with `-`, `_` and `/` as spaces.
fn source_text(source: &str) -> String {
    let text = match source.find("://") {
        // Only a URL's path says what the page is about.
        Some(i) => source[i + 3..].split_once('/').map_or("", |(_, path)| path),
        None => source,
    };
    text.replace(['-', '_', '/'], " ")
}

/// Content stems of a source (a title, a citation or a URL). A statement
/// often refers to its topic as "it" or "the film"; the source names it.
pub fn source_stems(source: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in text::tokenize(&source_text(source)) {
        if t.is_content() && !URL_NOISE.contains(&t.norm.as_str()) && !out.contains(&t.stem) {
            out.push(t.stem);
        }
    }
    out
}

/// Stems of every word of a text, stop words included (for phrase matching).
pub fn all_stems(text: &str) -> Vec<String> {
    text::tokenize(text).into_iter().map(|t| t.stem).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Shape;

    pub(crate) fn r(id: &str, statement: &str, aliases: &[&str]) -> Reference {
        Reference {
            id: id.into(),
            statement: statement.into(),
            source: String::new(),
            rating: true,
            aliases: vec![aliases.iter().map(|s| s.to_string()).collect()],
            origin: ("t.csv".into(), 2),
        }
    }

    fn query(text: &str) -> Vec<(String, f64)> {
        text::tokenize(text)
            .into_iter()
            .filter(|t| t.is_content())
            .map(|t| (t.stem, if t.shape == Shape::Word { 1.0 } else { 1.5 }))
            .collect()
    }

    #[test]
    fn bm25_ranks_the_matching_statement_first() {
        let idx = Index::build(vec![
            r("A", "Paris is the capital of France.", &[]),
            r("B", "Berlin is the capital of Germany.", &[]),
            r("C", "The Rhine flows through Germany.", &[]),
        ]);
        let hits = idx.search(&query("Berlin is Germany's capital city"), 2);
        assert_eq!(idx.refs()[hits[0].doc].id, "B");
        assert!(hits[0].score > hits[1].score);
    }

    #[test]
    fn aliases_and_defined_acronyms_find_the_statement() {
        let idx = Index::build(vec![
            r(
                "A",
                "The Act on the Protection of Personal Information (APPI) is enforced by the PPC.",
                &[],
            ),
            r(
                "B",
                "The GDPR applies in the EU.",
                &["GDPR", "General Data Protection Regulation"],
            ),
        ]);
        let hits = idx.search(&query("General Data Protection Regulation"), 1);
        assert_eq!(idx.refs()[hits[0].doc].id, "B");
        let expanded = idx.expand(&all_stems("the APPI law"));
        assert!(expanded.contains(&"person".to_string()), "{expanded:?}");
    }

    /// `expand` as it was first written: every member of every group
    /// compared at every word, and lists searched for repeats.
    fn expand_by_scanning(groups: &[Vec<Vec<String>>], stems: &[String]) -> Vec<String> {
        let mut hit: Vec<usize> = Vec::new();
        for i in 0..stems.len() {
            for (g, group) in groups.iter().enumerate() {
                if group.iter().any(|m| stems[i..].starts_with(m)) && !hit.contains(&g) {
                    hit.push(g);
                }
            }
        }
        hit.sort_unstable();
        let mut out: Vec<String> = Vec::new();
        for g in hit {
            for s in groups[g].iter().flatten() {
                if !crate::lexicon::is_stop_word(s) && !stems.contains(s) && !out.contains(s) {
                    out.push(s.clone());
                }
            }
        }
        out
    }

    fn stem_groups(groups: &[&[&str]]) -> Vec<Vec<Vec<String>>> {
        groups
            .iter()
            .map(|g| g.iter().map(|m| all_stems(m)).collect())
            .collect()
    }

    #[test]
    fn alias_groups_expand_as_by_scanning_every_member() {
        // Overlapping members, a member inside another, shared words, a
        // repeated group, stop words inside members, a one-member group.
        let groups = stem_groups(&[
            &["UK", "United Kingdom", "Britain"],
            &["United Nations", "UN"],
            &["United Kingdom of Great Britain", "Great Britain", "GB"],
            &["UK", "United Kingdom", "Britain"],
            &["Act on the Protection of Personal Information", "APPI"],
            &["the Protection", "safeguard"],
            &["lonely"],
        ]);
        let a = Aliases::new(&groups);
        assert_eq!(a.adds.len(), 6, "the repeated group is kept once");
        for text in [
            "The UK left.",
            "The United Kingdom of Great Britain and the UN met in Britain.",
            "Japan's Act on the Protection of Personal Information (APPI) applies.",
            "The protection of data.",
            "United we stand, kingdom of none.",
            "A lonely GB.",
            "",
        ] {
            let stems = all_stems(text);
            let ids: Vec<u32> = stems.iter().map(|s| a.id(s)).collect();
            let got: Vec<String> = a
                .expand(&ids)
                .into_iter()
                .map(|i| a.names[i as usize].clone())
                .collect();
            assert_eq!(got, expand_by_scanning(&groups, &stems), "{text}");
        }
    }

    #[test]
    fn a_group_of_many_names_expands_every_other_name_once() {
        let names: Vec<String> = (0..5000).map(|i| format!("Name{i} Alias{}", i % 7)).collect();
        let mut refs = vec![Reference {
            aliases: vec![names.clone()],
            ..r("A", "Name17 Alias3 opened the bridge.", &[])
        }];
        refs.push(r("B", "Alias3 is not a name of its own.", &[]));
        let idx = Index::build(refs);
        let expansion = idx.expansion(0);
        // Every name but the statement's own words, each once.
        assert_eq!(expansion.len(), 5000 - 1 + 7 - 1);
        assert!(expansion.contains(&"name4999".to_string()));
        assert!(!expansion.contains(&"name17".to_string()));
        assert!(idx.expansion(1).is_empty(), "a word of a name is not the name");
        // A claim naming any other name of the group finds the row.
        let hits = idx.search(&query("Name4242 opened the bridge"), 1);
        assert_eq!(idx.refs()[hits[0].doc].id, "A");
        assert_eq!(
            idx.expand(&all_stems("Name4999 Alias1 again")).len(),
            5000 - 1 + 7 - 1
        );
    }

    #[test]
    fn an_acronym_defined_in_many_rows_is_one_group() {
        let rows: Vec<Reference> = (0..50)
            .map(|i| Reference {
                aliases: Vec::new(),
                ..r(
                    &format!("R{i}"),
                    &format!("The World Health Organization (WHO) said {i}."),
                    &[],
                )
            })
            .collect();
        let idx = Index::build(rows);
        assert_eq!(idx.groups.len(), 50, "saved as the table gives them");
        assert_eq!(idx.aliases.adds.len(), 1);
        assert_eq!(
            idx.expand(&all_stems("the WHO")),
            all_stems("World Health Organization")
        );
        assert!(idx.expansion(3).is_empty(), "the row has every word of the group");
    }

    #[test]
    fn the_index_is_the_same_whatever_the_chunks_and_threads() {
        let mut rows = Vec::new();
        for i in 0..40 {
            let mut row = r(
                &format!("R{i}"),
                &format!(
                    "Row {i} of the Very Large Table (VLT) names Paris, France and word{}.",
                    i % 5
                ),
                if i % 3 == 0 {
                    &["Paris", "City of Light"]
                } else {
                    &[]
                },
            );
            row.source = format!("https://example.org/topic-{}/page", i % 4);
            rows.push(row);
        }
        let plain: Vec<Reference> = rows
            .iter()
            .map(|x| Reference {
                aliases: Vec::new(),
                statement: x.statement.replace('(', ""),
                ..x.clone()
            })
            .collect();
        for table in [rows, plain] {
            let one = rayon::ThreadPoolBuilder::new()
                .num_threads(1)
                .build()
                .unwrap()
                .install(|| Index::build_in(table.clone(), 1, 1));
            let want = crate::store::to_bytes(&one);
            for (chunk, window) in [(1, 3), (3, 2), (7, 1), (1000, 1)] {
                let got = Index::build_in(table.clone(), chunk, window);
                assert!(
                    crate::store::to_bytes(&got) == want,
                    "chunks of {chunk}, windows of {window}"
                );
            }
        }
    }

    #[test]
    fn no_shared_word_no_hit() {
        let idx = Index::build(vec![r("A", "Paris is the capital of France.", &[])]);
        assert!(idx.search(&query("Quantum sensors"), 5).is_empty());
    }
}
