//! An inverted index over reference statements, queried with BM25.
//!
//! Claims are never compared with every reference: the index returns the
//! few candidates that share the most informative words, and only those are
//! aligned word by word (see `matching`). Alias groups widen both sides: a
//! statement that names "APPI" is also found by "Act on the Protection of
//! Personal Information" when the table says they are the same thing.

use std::cell::RefCell;
use std::collections::HashMap;

use rustc_hash::FxHashMap;
use unicode_segmentation::UnicodeSegmentation;

use crate::reference::{alias_groups, Reference};
use crate::text;

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
    terms: HashMap<String, u32>,
    /// Postings per term: (reference, impact), by reference. The impact is
    /// the BM25 term-frequency part `tf (K1 + 1) / (tf + K1 (1 - B + B len / avg))`,
    /// computed once when building, so a query only multiplies by idf.
    postings: Vec<Vec<(u32, f32)>>,
    /// Per term: the largest impact in its postings (MaxScore's bound).
    max_impact: Vec<f32>,
    /// Alias groups as stem sequences.
    groups: Vec<Vec<Vec<String>>>,
    /// First stem of an alias -> (group, member) that start with it.
    group_starts: HashMap<String, Vec<(u32, u32)>>,
    /// Per reference: content stems added by alias groups it mentions and
    /// by its source (a title or URL names the statement's topic).
    expansions: Vec<Vec<String>>,
}

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
    /// One pass over the statements, in order, so term ids and postings are
    /// the same on every run. Each distinct spelling of a word is folded,
    /// checked against the stop words and stemmed once (a memo from the raw
    /// word to its term id): a large table repeats its words millions of
    /// times, and this keeps building linear with no allocation per word.
    pub fn build(refs: Vec<Reference>) -> Index {
        let groups: Vec<Vec<Vec<String>>> = alias_groups(&refs)
            .into_iter()
            .map(|g| g.iter().map(|m| all_stems(m)).filter(|s| !s.is_empty()).collect())
            .collect();
        let group_starts = group_starts(&groups);
        let mut index = Index {
            refs: Vec::new(),
            terms: HashMap::new(),
            postings: Vec::new(),
            max_impact: Vec::new(),
            groups,
            group_starts,
            expansions: Vec::with_capacity(refs.len()),
        };
        let mut memo: FxHashMap<String, Option<u32>> = FxHashMap::default();
        let mut names: Vec<String> = Vec::new();
        let mut lengths = Vec::with_capacity(refs.len());
        let mut tf: Vec<(u32, u32)> = Vec::new();
        for (doc, r) in refs.iter().enumerate() {
            tf.clear();
            let mut expansion = Vec::new();
            if index.groups.is_empty() {
                for word in r.statement.unicode_words() {
                    if let Some(id) = index.word_term(&mut memo, &mut names, word) {
                        add_tf(&mut tf, id);
                    }
                }
            } else {
                // Alias groups match runs of stems, so take the long road.
                let toks = text::tokenize(&r.statement);
                let stems: Vec<String> = toks.iter().map(|t| t.stem.clone()).collect();
                expansion = index.expand(&stems);
                for t in toks.into_iter().filter(|t| t.is_content()) {
                    let id = index.term_id_named(&mut names, t.stem);
                    add_tf(&mut tf, id);
                }
                for s in &expansion {
                    let id = index.term_id_named(&mut names, s.clone());
                    if !tf.iter().any(|&(t, _)| t == id) {
                        tf.push((id, 1));
                    }
                }
            }
            for word in source_text(&r.source).unicode_words() {
                if is_url_noise(word) {
                    continue;
                }
                let Some(id) = index.word_term(&mut memo, &mut names, word) else {
                    continue;
                };
                if tf.iter().any(|&(t, _)| t == id) {
                    continue;
                }
                tf.push((id, 1));
                expansion.push(names[id as usize].clone());
            }
            lengths.push(tf.iter().map(|&(_, n)| n).sum::<u32>());
            tf.sort_unstable();
            for &(id, n) in &tf {
                // The term frequency for now; turned into the impact below.
                index.postings[id as usize].push((doc as u32, n as f32));
            }
            index.expansions.push(expansion);
        }
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
        for list in &mut index.postings {
            let mut max = 0.0f32;
            for (doc, tf) in list.iter_mut() {
                *tf = *tf * (k1 + 1.0) / (*tf + norms[*doc as usize]);
                max = max.max(*tf);
            }
            index.max_impact.push(max);
        }
        index.refs = refs;
        index
    }

    /// Term id of a raw word, `None` for a stop word (memoised).
    fn word_term(
        &mut self,
        memo: &mut FxHashMap<String, Option<u32>>,
        names: &mut Vec<String>,
        word: &str,
    ) -> Option<u32> {
        if let Some(&v) = memo.get(word) {
            return v;
        }
        let norm = text::fold(word);
        // A capitalised stop word is mostly a sentence start ("The"); a stop
        // word in capitals or mixed case is a name ("WHO").
        let upper = word.chars().filter(|c| c.is_uppercase()).count();
        let v = if norm.is_empty() || (upper <= 1 && crate::lexicon::is_stop_word(&norm)) {
            None
        } else {
            Some(self.term_id_named(names, text::stem(&norm)))
        };
        memo.insert(word.to_string(), v);
        v
    }

    /// `term_id` that also records each new term's name by id.
    fn term_id_named(&mut self, names: &mut Vec<String>, term: String) -> u32 {
        let id = self.term_id(term.clone());
        if id as usize == names.len() {
            names.push(term);
        }
        id
    }

    fn term_id(&mut self, term: String) -> u32 {
        if let Some(&id) = self.terms.get(&term) {
            return id;
        }
        let id = self.postings.len() as u32;
        self.terms.insert(term, id);
        self.postings.push(Vec::new());
        id
    }

    /// Content stems that alias groups add to a text with these stems
    /// (all words, in order): every other member of each group it mentions.
    pub fn expand(&self, stems: &[String]) -> Vec<String> {
        let mut out = Vec::new();
        if self.groups.is_empty() {
            return out;
        }
        let mut hit_groups: Vec<u32> = Vec::new();
        for (i, s) in stems.iter().enumerate() {
            for &(g, m) in self.group_starts.get(s).map_or(&[][..], Vec::as_slice) {
                let member = &self.groups[g as usize][m as usize];
                if stems[i..].starts_with(member) && !hit_groups.contains(&g) {
                    hit_groups.push(g);
                }
            }
        }
        hit_groups.sort_unstable();
        for g in hit_groups {
            for member in &self.groups[g as usize] {
                for s in member {
                    if !crate::lexicon::is_stop_word(s) && !stems.contains(s) && !out.contains(s) {
                        out.push(s.clone());
                    }
                }
            }
        }
        out
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
        let group_starts = group_starts(&groups);
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
            group_starts,
            expansions,
        }
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
    /// Scores accumulate in a small per-thread hash map (it stays in cache,
    /// unlike an array over the whole table). Terms are taken rarest first (MaxScore): once the k-th best
    /// score beats what all remaining terms could add to a reference not yet
    /// seen, the remaining (long, common) posting lists are only probed for
    /// the references already in play, by binary search, instead of being
    /// read whole. The best `k` are kept by insertion, never by sorting
    /// every scored reference.
    pub fn search(&self, query: &[(String, f64)], k: usize) -> Vec<Hit> {
        thread_local! {
            static SCRATCH: RefCell<(FxHashMap<u32, f32>, Vec<u32>)> = RefCell::new((FxHashMap::default(), Vec::new()));
        }
        let mut terms: Vec<(u32, f32)> = Vec::new();
        for (term, boost) in query {
            if let Some(&id) = self.terms.get(term) {
                if !terms.iter().any(|(t, _)| *t == id) {
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
            let (scores, touched) = &mut *cell.borrow_mut();
            scores.clear();
            touched.clear();
            let mut probe_from = terms.len();
            for (i, &(id, weight)) in terms.iter().enumerate() {
                if i > 0 && touched.len() >= k && kth_score(scores, touched, k) > rest[i] {
                    probe_from = i;
                    break;
                }
                for &(doc, impact) in &self.postings[id as usize] {
                    match scores.entry(doc) {
                        std::collections::hash_map::Entry::Occupied(mut e) => *e.get_mut() += weight * impact,
                        std::collections::hash_map::Entry::Vacant(e) => {
                            e.insert(weight * impact);
                            touched.push(doc);
                        }
                    }
                }
            }
            if probe_from < terms.len() {
                // Only references that could still reach the top k are
                // probed, and at most the PROBE_LIMIT best of them so far.
                let kth = kth_score(scores, touched, k);
                let mut hopeful: Vec<(f32, u32)> = touched
                    .iter()
                    .filter(|d| scores[d] + rest[probe_from] >= kth)
                    .map(|&d| (scores[&d], d))
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
                            if let Some(s) = scores.get_mut(&doc) {
                                *s += weight * list[p].1;
                            }
                        }
                    }
                }
            }
            let mut best: Vec<Hit> = Vec::with_capacity(k + 1);
            for &doc in touched.iter() {
                let hit = Hit {
                    doc: doc as usize,
                    score: f64::from(scores[&doc]),
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

/// The k-th highest score among the touched references.
fn kth_score(scores: &FxHashMap<u32, f32>, touched: &[u32], k: usize) -> f32 {
    let mut top: Vec<f32> = Vec::with_capacity(k + 1);
    for doc in touched {
        let s = scores[doc];
        if top.len() < k || s > top[k - 1] {
            let at = top.partition_point(|&x| x >= s);
            top.insert(at, s);
            top.truncate(k);
        }
    }
    top.get(k - 1).copied().unwrap_or(0.0)
}

/// First stem of each alias -> the (group, member) pairs that start with it.
fn group_starts(groups: &[Vec<Vec<String>>]) -> HashMap<String, Vec<(u32, u32)>> {
    let mut starts: HashMap<String, Vec<(u32, u32)>> = HashMap::new();
    for (g, group) in groups.iter().enumerate() {
        for (m, member) in group.iter().enumerate() {
            starts
                .entry(member[0].clone())
                .or_default()
                .push((g as u32, m as u32));
        }
    }
    starts
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

fn add_tf(tf: &mut Vec<(u32, u32)>, id: u32) {
    match tf.iter_mut().find(|(t, _)| *t == id) {
        Some(e) => e.1 += 1,
        None => tf.push((id, 1)),
    }
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

    #[test]
    fn no_shared_word_no_hit() {
        let idx = Index::build(vec![r("A", "Paris is the capital of France.", &[])]);
        assert!(idx.search(&query("Quantum sensors"), 5).is_empty());
    }
}
