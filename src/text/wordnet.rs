//! Lexical knowledge from WordNet: base forms, synonyms, hypernyms ("a dog is
//! an animal"), exclusive alternatives ("jazz" vs "rock") and antonyms.
//!
//! The data is WordNet 3.0 (Princeton University, WordNet licence), shipped
//! in `src/data/wordnet.txt` and embedded in the binary; nothing is fetched at
//! run time. `tools/gen_wordnet.py` regenerates the file and documents its
//! format. The file is parsed once, at build time (`build.rs`), and its tables
//! are read back on first use.
//!
//! Every function takes lowercase, already folded words or multiword phrases
//! with single spaces, and answers `false`, `None` or an empty list for words
//! WordNet does not know.
//!
//! Words are ambiguous; unless said otherwise a word stands for its first
//! [`FIRST_SENSES`] senses in WordNet's order (most frequent first), so that
//! rare senses ("rock" as a candy) do not create false relations.

use std::rc::Rc;
use std::sync::OnceLock;

use super::wordnet_tables as tables;

/// How many of a word's senses (in WordNet order) count as its meaning.
pub const FIRST_SENSES: usize = 3;

/// A WordNet part of speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pos {
    /// Noun.
    Noun,
    /// Verb.
    Verb,
    /// Adjective (head and satellite adjectives alike).
    Adj,
    /// Adverb.
    Adv,
}

const ALL_POS: [Pos; 4] = [Pos::Noun, Pos::Verb, Pos::Adj, Pos::Adv];

impl Pos {
    fn index(self) -> usize {
        match self {
            Pos::Noun => 0,
            Pos::Verb => 1,
            Pos::Adj => 2,
            Pos::Adv => 3,
        }
    }

    fn from_letter(letter: u8) -> Option<Pos> {
        match letter {
            b'n' => Some(Pos::Noun),
            b'v' => Some(Pos::Verb),
            b'a' => Some(Pos::Adj),
            b'r' => Some(Pos::Adv),
            _ => None,
        }
    }

    /// WordNet's detachment rules (suffix, replacement), as in `morphy`.
    fn rules(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Pos::Noun => &[
                ("s", ""),
                ("ses", "s"),
                ("xes", "x"),
                ("zes", "z"),
                ("ches", "ch"),
                ("shes", "sh"),
                ("men", "man"),
                ("ies", "y"),
            ],
            Pos::Verb => &[
                ("s", ""),
                ("ies", "y"),
                ("es", "e"),
                ("es", ""),
                ("ed", "e"),
                ("ed", ""),
                ("ing", "e"),
                ("ing", ""),
            ],
            Pos::Adj => &[("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
            Pos::Adv => &[],
        }
    }
}

/// Steps within which neither word of a co-hyponym pair may be a hypernym of the other.
const EXCLUSIVE_HYPERNYM_STEPS: usize = 6;
/// Shallowest noun synset (steps below "entity") that may be a shared parent.
const MIN_NOUN_PARENT_DEPTH: u8 = 4;
/// Shallowest verb synset that may be a shared parent (verb roots are too general).
const MIN_VERB_PARENT_DEPTH: u8 = 1;
/// When a rarer sense (beyond the first few) makes the pair, the shared parent
/// must be at least this deep ...
const MIN_RARE_PARENT_DEPTH: u8 = 5;
/// ... and a small, specific class (a genre, not "geographic area").
const MAX_RARE_PARENT_CHILDREN: u32 = 40;

/// One lemma: its senses are `senses[start..]`, `len[pos]` of them per part
/// of speech, nouns first.
struct Lemma {
    name: &'static str,
    start: u32,
    len: [u8; 4],
}

/// The parsed database. Synset ids are 0..N: nouns, then verbs, adjectives, adverbs.
struct WordNet {
    /// Sorted by name (byte order), as in the file.
    lemmas: Vec<Lemma>,
    senses: Vec<u32>,
    /// Parents of noun and verb synset `s` are `parents[parent_start[s]..parent_start[s + 1]]`.
    parent_start: Vec<u32>,
    parents: Vec<u32>,
    /// Fewest hypernym steps from a noun or verb synset to a root.
    depth: Vec<u8>,
    /// Number of direct hyponyms of each noun and verb synset.
    children: Vec<u32>,
    /// Head word of each noun and verb synset.
    names: Vec<&'static str>,
    /// (satellite, head) adjective pairs, sorted.
    similar: Vec<(u32, u32)>,
    /// Antonymous adjective synsets (a < b), sorted.
    synset_antonyms: Vec<(u32, u32)>,
    /// Antonymous lemmas (a < b), sorted.
    antonyms: Vec<(&'static str, &'static str)>,
    /// (inflected form, part of speech, tab-separated base forms), sorted.
    exceptions: Vec<(&'static str, Pos, &'static str)>,
}

/// The embedded database text.
const DATA: &str = include_str!("../data/wordnet.txt");

/// `DATA` parsed at build time (`build.rs`): flat tables whose strings are
/// byte ranges of `DATA`, read back without parsing the text.
const TABLES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/wordnet.bin"));

fn wordnet() -> &'static WordNet {
    static WORDNET: OnceLock<WordNet> = OnceLock::new();
    WORDNET.get_or_init(|| WordNet::from_tables(tables::decode(DATA, TABLES)))
}

fn ordered<T: Ord>(a: T, b: T) -> (T, T) {
    if a <= b {
        (a, b)
    } else {
        (b, a)
    }
}

impl WordNet {
    fn from_tables(t: tables::Tables<'static>) -> WordNet {
        let mut wn = WordNet {
            lemmas: t
                .lemmas
                .into_iter()
                .map(|(name, start, len)| Lemma { name, start, len })
                .collect(),
            senses: t.senses,
            parent_start: t.parent_start,
            parents: t.parents,
            depth: Vec::new(),
            children: t.children,
            names: t.names,
            similar: t.similar,
            synset_antonyms: t.synset_antonyms,
            antonyms: t.antonyms,
            exceptions: t
                .exceptions
                .into_iter()
                .filter_map(|(word, letter, bases)| Some((word, Pos::from_letter(letter)?, bases)))
                .collect(),
        };
        wn.depth = wn.compute_depths();
        wn
    }

    fn parents_of(&self, synset: u32) -> &[u32] {
        let s = synset as usize;
        match (self.parent_start.get(s), self.parent_start.get(s + 1)) {
            (Some(&from), Some(&to)) => &self.parents[from as usize..to as usize],
            _ => &[],
        }
    }

    /// Fewest steps to a root for every noun and verb synset (iterative, cycle-safe).
    fn compute_depths(&self) -> Vec<u8> {
        const UNKNOWN: u8 = u8::MAX;
        const VISITING: u8 = u8::MAX - 1;
        let n = self.parent_start.len().saturating_sub(1);
        let mut depth = vec![UNKNOWN; n];
        let mut stack: Vec<u32> = Vec::new();
        for root in 0..n as u32 {
            if depth[root as usize] != UNKNOWN {
                continue;
            }
            stack.push(root);
            while let Some(&s) = stack.last() {
                let parents = self.parents_of(s);
                if depth[s as usize] == UNKNOWN {
                    depth[s as usize] = VISITING;
                    stack.extend(parents.iter().filter(|&&p| depth[p as usize] == UNKNOWN));
                    continue;
                }
                stack.pop();
                if depth[s as usize] == VISITING {
                    let best = parents
                        .iter()
                        .map(|&p| depth[p as usize])
                        .filter(|&d| d < VISITING)
                        .min();
                    depth[s as usize] = best.map_or(0, |d| d.saturating_add(1).min(VISITING - 1));
                }
            }
        }
        depth
    }

    fn lemma(&self, name: &str) -> Option<&Lemma> {
        self.lemmas
            .binary_search_by(|l| l.name.cmp(name))
            .ok()
            .map(|i| &self.lemmas[i])
    }

    /// All senses of an exact lemma for a part of speech, in WordNet order.
    fn lemma_senses(&self, name: &str, pos: Pos) -> &[u32] {
        let Some(lemma) = self.lemma(name) else {
            return &[];
        };
        let offset: usize = lemma.len[..pos.index()].iter().map(|&l| l as usize).sum();
        let from = lemma.start as usize + offset;
        &self.senses[from..from + lemma.len[pos.index()] as usize]
    }

    fn lemma_text(&self, name: &str, pos: Pos) -> Option<&'static str> {
        self.lemma(name)
            .filter(|l| l.len[pos.index()] > 0)
            .map(|l| l.name)
    }

    /// Exception-list bases of an inflected single word.
    fn exception_bases(&self, word: &str, pos: Pos) -> Vec<&'static str> {
        let from = self.exceptions.partition_point(|&(w, _, _)| w < word);
        self.exceptions[from..]
            .iter()
            .take_while(|&&(w, _, _)| w == word)
            .filter(|&&(_, p, _)| p == pos)
            .flat_map(|&(_, _, bases)| bases.split('\t'))
            .collect()
    }

    /// Candidate base forms of a single word, lemma or not: exceptions, then rules.
    fn candidates(&self, word: &str, pos: Pos) -> Vec<String> {
        let mut out: Vec<String> = self
            .exception_bases(word, pos)
            .into_iter()
            .map(str::to_string)
            .collect();
        for &(suffix, replacement) in pos.rules() {
            if let Some(stem) = word.strip_suffix(suffix) {
                if !stem.is_empty() {
                    out.push(format!("{stem}{replacement}"));
                }
            }
        }
        out
    }

    /// [`WordNet::base_forms_uncached`], memoised per thread and part of
    /// speech: matching asks for the same words' base forms again and again,
    /// and each answer costs several binary searches over the lemmas.
    fn base_forms(&self, word: &str, pos: Pos) -> Rc<[&'static str]> {
        thread_local! {
            static MEMO: std::cell::RefCell<[BaseMemo; 4]> = std::cell::RefCell::new(Default::default());
        }
        if let Some(v) = MEMO.with(|m| m.borrow()[pos.index()].get(word).cloned()) {
            return v;
        }
        let v: Rc<[&'static str]> = self.base_forms_uncached(word, pos).into();
        MEMO.with(|m| {
            let memo = &mut m.borrow_mut()[pos.index()];
            if memo.len() > 500_000 {
                memo.clear();
            }
            memo.insert(word.to_string(), Rc::clone(&v));
        });
        v
    }

    fn base_forms_uncached(&self, word: &str, pos: Pos) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = Vec::new();
        self.add_lemma_form(&mut out, word, pos);
        for form in self.candidates(word, pos) {
            self.add_lemma_form(&mut out, &form, pos);
        }
        // Collocations: inflect the head word ("prime ministers", "looked up").
        if out.is_empty() && word.contains(' ') {
            let forms: Vec<String> = match pos {
                Pos::Noun => word.rsplit_once(' ').map_or(Vec::new(), |(head, last)| {
                    self.candidates(last, pos)
                        .iter()
                        .map(|f| format!("{head} {f}"))
                        .collect()
                }),
                Pos::Verb => word.split_once(' ').map_or(Vec::new(), |(first, tail)| {
                    self.candidates(first, pos)
                        .iter()
                        .map(|f| format!("{f} {tail}"))
                        .collect()
                }),
                Pos::Adj | Pos::Adv => Vec::new(),
            };
            for form in forms {
                self.add_lemma_form(&mut out, &form, pos);
            }
        }
        out
    }

    /// Adds `form` to `out` if it is a lemma for `pos` and not there yet.
    fn add_lemma_form(&self, out: &mut Vec<&'static str>, form: &str, pos: Pos) {
        if let Some(name) = self.lemma_text(form, pos) {
            if !out.contains(&name) {
                out.push(name);
            }
        }
    }

    /// Senses of a word (via its base forms) with their rank in their lemma,
    /// the first `limit` of each lemma, without repeats.
    ///
    /// Memoised per thread: matching asks about the same few thousand words
    /// again and again, and base forms plus lemma lookups are the costly part
    /// of every relation below.
    /// A repeated question allocates nothing: the memo is looked up by the
    /// word as given and shares its answer.
    fn senses(&self, word: &str, pos: Pos, limit: usize) -> Rc<[(u32, usize)]> {
        thread_local! {
            static MEMO: std::cell::RefCell<SenseMemo> = std::cell::RefCell::new(SenseMemo::default());
        }
        let key = (pos.index(), limit);
        let hit = MEMO.with(|m| {
            m.borrow()
                .get(word)
                .and_then(|l| l.iter().find(|(k, _)| *k == key).map(|(_, v)| Rc::clone(v)))
        });
        if let Some(v) = hit {
            return v;
        }
        let v: Rc<[(u32, usize)]> = self.senses_uncached(word, pos, limit).into();
        MEMO.with(|m| {
            let mut m = m.borrow_mut();
            if m.len() > 500_000 {
                m.clear();
            }
            match m.get_mut(word) {
                Some(l) => l.push((key, Rc::clone(&v))),
                None => {
                    m.insert(word.to_string(), vec![(key, Rc::clone(&v))]);
                }
            }
        });
        v
    }

    fn senses_uncached(&self, word: &str, pos: Pos, limit: usize) -> Vec<(u32, usize)> {
        let mut out: Vec<(u32, usize)> = Vec::new();
        for &base in self.base_forms(word, pos).iter() {
            for (rank, &s) in self.lemma_senses(base, pos).iter().take(limit).enumerate() {
                if !out.iter().any(|&(t, _)| t == s) {
                    out.push((s, rank));
                }
            }
        }
        out
    }

    fn share_synset(&self, a: &str, b: &str, limit: usize) -> bool {
        ALL_POS.iter().any(|&pos| {
            let sa = self.senses(a, pos, limit);
            !sa.is_empty()
                && self
                    .senses(b, pos, limit)
                    .iter()
                    .any(|&(s, _)| sa.iter().any(|&(t, _)| t == s))
        })
    }

    /// Ancestors of a synset within `max_steps` hypernym steps, with the
    /// fewest steps to each (the synset itself at 0).
    fn ancestors(&self, synset: u32, max_steps: usize) -> Vec<(u32, usize)> {
        let mut seen = vec![(synset, 0)];
        let mut frontier = 0;
        for step in 1..=max_steps {
            let end = seen.len();
            if frontier == end {
                break;
            }
            for i in frontier..end {
                for &p in self.parents_of(seen[i].0) {
                    if !seen.iter().any(|&(q, _)| q == p) {
                        seen.push((p, step));
                    }
                }
            }
            frontier = end;
        }
        seen
    }

    /// `a` is a kind of `b` (strictly, within `max_steps`), judged on the given senses.
    fn is_hypernym(&self, b: &str, a: &str, max_steps: usize, limit: usize) -> bool {
        [Pos::Noun, Pos::Verb].iter().any(|&pos| {
            let general = self.senses(b, pos, limit);
            if general.is_empty() {
                return false;
            }
            self.senses(a, pos, limit).iter().any(|&(s, _)| {
                self.ancestors(s, max_steps)
                    .iter()
                    .any(|&(x, d)| d > 0 && general.iter().any(|&(g, _)| g == x))
            })
        })
    }

    fn co_hyponyms(&self, a: &str, b: &str) -> Option<&'static str> {
        if a == b
            || self.share_synset(a, b, usize::MAX)
            || self.is_hypernym(a, b, EXCLUSIVE_HYPERNYM_STEPS, usize::MAX)
            || self.is_hypernym(b, a, EXCLUSIVE_HYPERNYM_STEPS, usize::MAX)
        {
            return None;
        }
        // Best pair: first senses on both sides, then lowest ranks, then nearest parent.
        let mut best: Option<((bool, usize, usize), u32)> = None;
        for pos in [Pos::Noun, Pos::Verb] {
            let up_a: Vec<_> = self
                .senses(a, pos, usize::MAX)
                .iter()
                .map(|&(s, r)| (r, self.ancestors(s, 2)))
                .collect();
            let up_b: Vec<_> = self
                .senses(b, pos, usize::MAX)
                .iter()
                .map(|&(s, r)| (r, self.ancestors(s, 2)))
                .collect();
            for (rank_a, anc_a) in &up_a {
                for (rank_b, anc_b) in &up_b {
                    // A rarer sense may pair only with a first sense, and only for nouns.
                    let rare = *rank_a >= FIRST_SENSES || *rank_b >= FIRST_SENSES;
                    if rare && (pos == Pos::Verb || (*rank_a >= FIRST_SENSES && *rank_b >= FIRST_SENSES)) {
                        continue;
                    }
                    for &(x, steps) in anc_a.iter().filter(|&&(_, d)| d > 0) {
                        if !anc_b.iter().any(|&(y, d)| y == x && d == steps) {
                            continue;
                        }
                        let depth = self.depth.get(x as usize).copied().unwrap_or(0);
                        let children = self.children.get(x as usize).copied().unwrap_or(0);
                        let ok = match pos {
                            Pos::Noun => depth >= MIN_NOUN_PARENT_DEPTH,
                            _ => depth >= MIN_VERB_PARENT_DEPTH,
                        } && (!rare
                            || (steps == 1
                                && depth >= MIN_RARE_PARENT_DEPTH
                                && children <= MAX_RARE_PARENT_CHILDREN));
                        let key = (rare, rank_a + rank_b, steps);
                        if ok && best.is_none_or(|(k, _)| key < k) {
                            best = Some((key, x));
                        }
                    }
                }
            }
        }
        best.and_then(|(_, x)| self.names.get(x as usize).copied())
            .filter(|n| !n.is_empty())
    }

    fn antonyms(&self, a: &str, b: &str) -> bool {
        if a == b {
            return false;
        }
        let (pa, pb) = (self.antonym_profile(a), self.antonym_profile(b));
        let direct = pa.bases.iter().any(|&x| {
            pb.bases
                .iter()
                .any(|&y| x != y && self.antonyms.binary_search_by(|p| p.cmp(&ordered(x, y))).is_ok())
        });
        if direct {
            return true;
        }
        // Indirect antonymy of adjectives: "huge" is similar to "large", whose antonym is "small".
        pa.heads.iter().any(|&x| {
            pb.heads.iter().any(|&y| {
                x != y
                    && self
                        .synset_antonyms
                        .binary_search_by(|p| p.cmp(&ordered(x, y)))
                        .is_ok()
            })
        })
    }

    /// What [`WordNet::antonyms`] compares of a word, memoised per thread:
    /// its base forms in every part of speech, and the adjective synsets it
    /// heads or is similar to.
    fn antonym_profile(&self, w: &str) -> Rc<AntonymProfile> {
        thread_local! {
            static MEMO: std::cell::RefCell<rustc_hash::FxHashMap<String, Rc<AntonymProfile>>> =
                std::cell::RefCell::new(Default::default());
        }
        if let Some(p) = MEMO.with(|m| m.borrow().get(w).cloned()) {
            return p;
        }
        let mut bases: Vec<&'static str> = Vec::new();
        for pos in ALL_POS {
            for &base in self.base_forms(w, pos).iter() {
                if !bases.contains(&base) {
                    bases.push(base);
                }
            }
        }
        let mut heads: Vec<u32> = Vec::new();
        for &(s, _) in self.senses(w, Pos::Adj, FIRST_SENSES).iter() {
            heads.push(s);
            let from = self.similar.partition_point(|&(sat, _)| sat < s);
            heads.extend(
                self.similar[from..]
                    .iter()
                    .take_while(|&&(sat, _)| sat == s)
                    .map(|&(_, h)| h),
            );
        }
        let p = Rc::new(AntonymProfile { bases, heads });
        MEMO.with(|m| {
            let mut m = m.borrow_mut();
            if m.len() > 500_000 {
                m.clear();
            }
            m.insert(w.to_string(), Rc::clone(&p));
        });
        p
    }
}

/// A word's base forms (all parts of speech) and the adjective synsets it
/// heads or is similar to, for [`WordNet::antonyms`].
struct AntonymProfile {
    bases: Vec<&'static str>,
    heads: Vec<u32>,
}

/// Word -> its base forms (for one part of speech).
type BaseMemo = rustc_hash::FxHashMap<String, Rc<[&'static str]>>;

/// Word -> (part of speech, sense limit) -> senses with their ranks.
type SenseMemo = rustc_hash::FxHashMap<String, Vec<((usize, usize), Rc<[(u32, usize)]>)>>;

/// Base forms of a word for a part of speech, like WordNet's `morphy`: the
/// word itself, then its entries in the exception lists ("geese" → "goose",
/// "ran" → "run", "better" → "good"), then WordNet's suffix rules ("cities" →
/// "city", "making" → "make"), keeping only forms that are WordNet lemmas
/// for that part of speech, without repeats. A multiword phrase that is not a
/// lemma is tried with its last word (nouns) or first word (verbs) inflected.
pub fn base_forms(word: &str, pos: Pos) -> Vec<String> {
    wordnet()
        .base_forms(word, pos)
        .iter()
        .map(|s| s.to_string())
        .collect()
}

/// True if the word, or one of its [`base_forms`], is a WordNet lemma for that part of speech.
pub fn is_lemma(word: &str, pos: Pos) -> bool {
    !wordnet().base_forms(word, pos).is_empty()
}

/// Same meaning: the two words (via their base forms) share a synset among
/// their first [`FIRST_SENSES`] senses, in any part of speech
/// ("film"/"movie", "author"/"writer").
pub fn synonyms(a: &str, b: &str) -> bool {
    wordnet().share_synset(a, b, FIRST_SENSES)
}

/// Same meaning in some sense, however rare ("sits"/"lies": both "be
/// located"): used to veto an opposition that holds in another sense.
pub fn synonyms_in_any_sense(a: &str, b: &str) -> bool {
    wordnet().share_synset(a, b, usize::MAX)
}

/// `b` is more general than `a` ("a is a kind of b"): one of `a`'s first
/// senses reaches one of `b`'s first senses by following hypernym and
/// instance-hypernym links, in 1 to `max_depth` steps. Nouns and verbs only.
/// Example: `is_hypernym_of("animal", "dog", 6)`.
pub fn is_hypernym_of(b: &str, a: &str, max_depth: usize) -> bool {
    wordnet().is_hypernym(b, a, max_depth, FIRST_SENSES)
}

/// Exclusive alternatives ("jazz"/"rock", "dog"/"cat", "france"/"germany"):
/// the words share no synset in any sense, neither is a hypernym of the other
/// within 6 steps, and a first sense of each has the same parent, or the same
/// grandparent two steps up from both. Returns the head word of that shared
/// class ("popular music", "carnivore", "european country") for a reason.
///
/// Very general classes do not count: a noun parent must be at least 4 steps
/// below "entity", a verb parent must not be a root. A rarer sense (beyond the
/// first [`FIRST_SENSES`]) may pair with the other word's first senses only as
/// a direct sibling under a specific class (at least 5 deep, at most 40
/// members), which lets "rock" (music, its 6th sense) pair with "jazz".
pub fn co_hyponyms(a: &str, b: &str) -> Option<String> {
    wordnet().co_hyponyms(a, b).map(str::to_string)
}

/// Antonyms: after base forms (any part of speech), WordNet links the two
/// lemmas as antonyms ("increase"/"decrease", "began"/"ended", "younger"/"older",
/// "win"/"lose"), or, for adjectives, the words are similar to two antonymous
/// adjectives ("huge" is similar to "large", the antonym of "small").
pub fn antonyms(a: &str, b: &str) -> bool {
    wordnet().antonyms(a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn build_time_tables_equal_a_fresh_parse() {
        assert!(tables::decode(DATA, TABLES) == tables::parse(DATA));
    }

    #[test]
    fn loads_the_whole_file() {
        let wn = wordnet();
        assert!(wn.lemmas.len() > 140_000, "{}", wn.lemmas.len());
        assert_eq!(wn.parent_start.len(), 82_115 + 13_767 + 1);
        assert_eq!(wn.names.len(), 82_115 + 13_767);
        // Only a few dozen synsets have no lemma of at most 4 words to name them.
        assert!(wn.names.iter().filter(|n| n.is_empty()).count() < 100);
        assert!(wn.antonyms.len() > 3_000 && wn.exceptions.len() > 5_000 && wn.similar.len() > 10_000);
        // Binary searches need byte-order sorted sections.
        assert!(wn.lemmas.windows(2).all(|w| w[0].name < w[1].name));
        assert!(wn.antonyms.windows(2).all(|w| w[0] < w[1]));
        assert!(wn.synset_antonyms.windows(2).all(|w| w[0] < w[1]));
        assert!(wn.similar.windows(2).all(|w| w[0] <= w[1]));
        assert!(wn.exceptions.windows(2).all(|w| w[0].0 <= w[1].0));
        // Every noun reaches "entity"; the deepest nouns are under 20 steps down.
        let entity = wn.lemma_senses("entity", Pos::Noun)[0];
        assert_eq!(wn.depth[entity as usize], 0);
        assert!(wn.depth[..82_115].iter().all(|&d| d < 20));
    }

    #[test]
    fn base_forms_follow_morphy() {
        assert_eq!(base_forms("geese", Pos::Noun), ["goose"]);
        assert!(base_forms("ran", Pos::Verb).contains(&"run".to_string()));
        assert!(base_forms("better", Pos::Adj).contains(&"good".to_string()));
        assert_eq!(base_forms("cities", Pos::Noun), ["city"]);
        assert_eq!(base_forms("making", Pos::Verb), ["make"]);
        assert_eq!(base_forms("began", Pos::Verb), ["begin"]);
        assert_eq!(base_forms("film", Pos::Noun), ["film"]);
        assert_eq!(base_forms("prime ministers", Pos::Noun), ["prime minister"]);
        assert_eq!(base_forms("looked up", Pos::Verb), ["look up"]);
        assert!(is_lemma("movies", Pos::Noun));
        assert!(is_lemma("heavy metal", Pos::Noun));
        assert!(!is_lemma("movie", Pos::Verb));
    }

    #[test]
    fn synonyms_share_a_first_sense() {
        assert!(synonyms("film", "movie"));
        assert!(synonyms("films", "movies"));
        assert!(synonyms("author", "writer"));
        assert!(synonyms("doctor", "physician"));
        assert!(!synonyms("dog", "cat"));
        assert!(!synonyms("film", "painting"));
    }

    #[test]
    fn hypernyms() {
        assert!(is_hypernym_of("animal", "dog", 6));
        assert!(is_hypernym_of("location", "country", 6));
        assert!(is_hypernym_of("city", "paris", 6));
        assert!(is_hypernym_of("country", "france", 6));
        assert!(is_hypernym_of("musician", "singer", 6));
        assert!(is_hypernym_of("move", "run", 6));
        assert!(!is_hypernym_of("dog", "animal", 6));
        assert!(!is_hypernym_of("animal", "dog", 1));
        assert!(!is_hypernym_of("dog", "dog", 6));
        // WordNet does not file any sense of "country" under "place".
        assert!(!is_hypernym_of("place", "country", 10));
    }

    #[test]
    fn co_hyponyms_are_exclusive_alternatives() {
        assert_eq!(co_hyponyms("jazz", "rock").as_deref(), Some("popular music"));
        assert_eq!(co_hyponyms("dog", "cat").as_deref(), Some("carnivore"));
        assert_eq!(
            co_hyponyms("france", "germany").as_deref(),
            Some("european country")
        );
        assert!(co_hyponyms("painting", "sculpture").is_some());
        assert!(co_hyponyms("monday", "tuesday").is_some());
        assert!(co_hyponyms("red", "blue").is_some());
        assert_eq!(co_hyponyms("dog", "animal"), None);
        assert_eq!(co_hyponyms("animal", "dog"), None);
        assert_eq!(co_hyponyms("country", "place"), None);
        assert_eq!(co_hyponyms("dog", "idea"), None);
        assert_eq!(co_hyponyms("film", "movie"), None);
        assert_eq!(co_hyponyms("dog", "dog"), None);
        assert_eq!(co_hyponyms("company", "firm"), None);
    }

    #[test]
    fn antonym_pairs() {
        assert!(antonyms("increase", "decrease"));
        assert!(antonyms("began", "ended"));
        assert!(antonyms("younger", "older"));
        assert!(antonyms("win", "lose"));
        assert!(antonyms("won", "lost"));
        assert!(antonyms("alive", "dead"));
        assert!(antonyms("north", "south"));
        assert!(antonyms("huge", "small"));
        assert!(!antonyms("hot", "warm"));
        assert!(!antonyms("dog", "cat"));
        assert!(!antonyms("dead", "dead"));
    }

    #[test]
    fn unknown_words_are_harmless() {
        for w in [
            "",
            " ",
            "qzxv",
            "dancehall",
            "ü",
            "a b c d e f",
            "zzzies",
            "  dog",
        ] {
            assert!(base_forms(w, Pos::Noun).is_empty(), "{w}");
            assert!(!is_lemma(w, Pos::Verb));
            assert!(!synonyms(w, "dog"));
            assert!(!is_hypernym_of(w, "dog", 6) && !is_hypernym_of("dog", w, 6));
            assert_eq!(co_hyponyms(w, "dog"), None);
            assert!(!antonyms(w, "dead"));
        }
    }
}
