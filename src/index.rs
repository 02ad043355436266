//! An inverted index over reference statements, queried with BM25.
//!
//! Claims are never compared with every reference: the index returns the
//! few candidates that share the most informative words, and only those are
//! aligned word by word (see `matching`). Alias groups widen both sides: a
//! statement that names "APPI" is also found by "Act on the Protection of
//! Personal Information" when the table says they are the same thing.

use std::collections::{HashMap, HashSet};

use crate::reference::{alias_groups, Reference};
use crate::text::{self, Shape};

const K1: f64 = 1.2;
const B: f64 = 0.75;

/// The searchable form of a reference table.
#[derive(Debug)]
pub struct Index {
    refs: Vec<Reference>,
    terms: HashMap<String, u32>,
    postings: Vec<Vec<(u32, u32)>>,
    doc_len: Vec<u32>,
    avg_len: f64,
    /// Alias groups as stem sequences.
    groups: Vec<Vec<Vec<String>>>,
    /// Per reference: content stems added by alias groups it mentions and
    /// by its source (a title or URL names the statement's topic).
    expansions: Vec<Vec<String>>,
    /// Folded words written as names inside statements.
    names: HashSet<String>,
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
    pub fn build(refs: Vec<Reference>) -> Index {
        let groups: Vec<Vec<Vec<String>>> = alias_groups(&refs)
            .into_iter()
            .map(|g| g.iter().map(|m| all_stems(m)).filter(|s| !s.is_empty()).collect())
            .collect();
        let mut index = Index {
            refs: Vec::new(),
            terms: HashMap::new(),
            postings: Vec::new(),
            doc_len: Vec::with_capacity(refs.len()),
            avg_len: 0.0,
            groups,
            expansions: Vec::with_capacity(refs.len()),
            names: HashSet::new(),
        };
        let mut total = 0u64;
        for (doc, r) in refs.iter().enumerate() {
            let toks = text::tokenize(&r.statement);
            for t in toks.iter().skip(1).filter(|t| t.shape == Shape::Name) {
                index.names.insert(t.norm.clone());
            }
            let stems: Vec<String> = toks.iter().map(|t| t.stem.clone()).collect();
            let mut expansion = index.expand(&stems);
            for s in source_stems(&r.source) {
                if !stems.contains(&s) && !expansion.contains(&s) {
                    expansion.push(s);
                }
            }
            let mut tf: HashMap<&str, u32> = HashMap::new();
            for t in toks.iter().filter(|t| t.is_content()) {
                *tf.entry(t.stem.as_str()).or_default() += 1;
            }
            for s in &expansion {
                tf.entry(s.as_str()).or_insert(1);
            }
            let len: u32 = tf.values().sum();
            total += u64::from(len);
            index.doc_len.push(len);
            let mut entries: Vec<(&str, u32)> = tf.into_iter().collect();
            entries.sort_unstable();
            for (term, n) in entries {
                let id = index.term_id(term);
                index.postings[id as usize].push((doc as u32, n));
            }
            index.expansions.push(expansion);
        }
        index.avg_len = if refs.is_empty() {
            0.0
        } else {
            total as f64 / refs.len() as f64
        };
        index.refs = refs;
        index
    }

    fn term_id(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.terms.get(term) {
            return id;
        }
        let id = self.postings.len() as u32;
        self.terms.insert(term.to_string(), id);
        self.postings.push(Vec::new());
        id
    }

    /// Content stems that alias groups add to a text with these stems
    /// (all words, in order): every other member of each group it mentions.
    pub fn expand(&self, stems: &[String]) -> Vec<String> {
        let mut out = Vec::new();
        for group in &self.groups {
            if group.iter().any(|member| contains_run(stems, member)) {
                for member in group {
                    for s in member {
                        if !crate::lexicon::is_stop_word(s) && !stems.contains(s) && !out.contains(s) {
                            out.push(s.clone());
                        }
                    }
                }
            }
        }
        out
    }

    /// The references, in index order.
    pub fn refs(&self) -> &[Reference] {
        &self.refs
    }

    /// Context of reference `doc`: alias expansion and source words.
    pub fn expansion(&self, doc: usize) -> &[String] {
        &self.expansions[doc]
    }

    /// True when a folded word is written as a name somewhere in the table.
    pub fn is_known_name(&self, norm: &str) -> bool {
        self.names.contains(norm)
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
    pub fn search(&self, query: &[(String, f64)], k: usize) -> Vec<Hit> {
        let mut seen = HashSet::new();
        let mut scores: HashMap<u32, f64> = HashMap::new();
        for (term, boost) in query {
            if !seen.insert(term.as_str()) {
                continue;
            }
            let Some(&id) = self.terms.get(term) else { continue };
            let idf = self.idf(term) * boost;
            for &(doc, tf) in &self.postings[id as usize] {
                let tf = f64::from(tf);
                let norm = 1.0 - B + B * f64::from(self.doc_len[doc as usize]) / self.avg_len.max(1.0);
                *scores.entry(doc).or_default() += idf * tf * (K1 + 1.0) / (tf + K1 * norm);
            }
        }
        let mut hits: Vec<Hit> = scores
            .into_iter()
            .map(|(doc, score)| Hit {
                doc: doc as usize,
                score,
            })
            .collect();
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
        hits.truncate(k);
        hits
    }
}

/// Content stems of a source (a title, a citation or a URL). A statement
/// often refers to its topic as "it" or "the film"; the source names it.
pub fn source_stems(source: &str) -> Vec<String> {
    const URL_NOISE: &[&str] = &[
        "com", "en", "gov", "html", "htm", "http", "https", "index", "net", "news", "org", "pdf", "php",
        "www",
    ];
    let text = match source.find("://") {
        // Only a URL's path says what the page is about.
        Some(i) => source[i + 3..].split_once('/').map_or("", |(_, path)| path),
        None => source,
    };
    let mut out: Vec<String> = Vec::new();
    for t in text::tokenize(&text.replace(['-', '_', '/'], " ")) {
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

fn contains_run(haystack: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

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
