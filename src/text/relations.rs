//! Word relations for matching, memoised.
//!
//! WordNet lookups cost tens of microseconds (base forms, senses, walks up
//! the hypernym tree), and matching asks the same questions about the same
//! word pairs over and over. This module answers each distinct question once
//! per thread and remembers the answer; the answers are the ones `wordnet`
//! gives, so results do not depend on the order of questions or threads.

use rustc_hash::FxHashMap;
use std::cell::RefCell;

use crate::wordnet::{self, Pos};

#[derive(Clone, Copy)]
enum Ask {
    Synonyms,
    Broader,
    Antonyms,
    Siblings,
    Noun,
    Lemma,
    InflectedVerb,
}

#[derive(Default)]
struct Memo {
    /// Words seen so far, numbered.
    words: FxHashMap<String, u32>,
    /// (question, word, word) -> answer.
    answers: FxHashMap<(u8, u32, u32), bool>,
}

impl Memo {
    fn id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.words.get(word) {
            return id;
        }
        let id = self.words.len() as u32;
        self.words.insert(word.to_string(), id);
        id
    }
}

fn memo(ask: Ask, a: &str, b: &str, compute: impl FnOnce() -> bool) -> bool {
    thread_local! {
        static MEMO: RefCell<Memo> = RefCell::new(Memo::default());
    }
    let key = MEMO.with(|m| {
        let mut m = m.borrow_mut();
        // Bound the memory: a long run over huge vocabularies starts afresh.
        if m.answers.len() > 2_000_000 || m.words.len() > 1_000_000 {
            *m = Memo::default();
        }
        (ask as u8, m.id(a), m.id(b))
    });
    if let Some(v) = MEMO.with(|m| m.borrow().answers.get(&key).copied()) {
        return v;
    }
    let v = compute();
    MEMO.with(|m| m.borrow_mut().answers.insert(key, v));
    v
}

/// Same meaning (WordNet synonyms among the first senses).
pub fn synonyms(a: &str, b: &str) -> bool {
    memo(Ask::Synonyms, a, b, || wordnet::synonyms(a, b))
}

/// `broad` is a more general word than `narrow` (at most 4 steps up).
pub fn broader(broad: &str, narrow: &str) -> bool {
    memo(Ask::Broader, broad, narrow, || {
        wordnet::is_hypernym_of(broad, narrow, 4)
    })
}

/// Neither word is a hypernym of the other within 6 steps, nor a synonym.
pub fn unrelated_nouns(a: &str, b: &str) -> bool {
    is_noun(a)
        && is_noun(b)
        && !synonyms(a, b)
        && !memo(Ask::Broader, a, b, || wordnet::is_hypernym_of(a, b, 6))
        && !memo(Ask::Broader, b, a, || wordnet::is_hypernym_of(b, a, 6))
}

/// WordNet antonyms.
pub fn antonyms(a: &str, b: &str) -> bool {
    is_lemma(a) && is_lemma(b) && memo(Ask::Antonyms, a, b, || wordnet::antonyms(a, b))
}

/// Exclusive alternatives under one WordNet parent (jazz / rock).
pub fn siblings(a: &str, b: &str) -> bool {
    memo(Ask::Siblings, a, b, || wordnet::co_hyponyms(a, b).is_some())
}

/// A WordNet noun (or a form of one).
pub fn is_noun(word: &str) -> bool {
    memo(Ask::Noun, word, "", || wordnet::is_lemma(word, Pos::Noun))
}

/// A WordNet noun, verb or adjective (or a form of one).
pub fn is_lemma(word: &str) -> bool {
    memo(Ask::Lemma, word, "", || {
        [Pos::Noun, Pos::Verb, Pos::Adj]
            .into_iter()
            .any(|p| wordnet::is_lemma(word, p))
    })
}

/// An inflected verb form that is not also a noun ("brought", "held", "ran").
pub fn is_inflected_verb(word: &str) -> bool {
    memo(Ask::InflectedVerb, word, "", || {
        !wordnet::is_lemma(word, Pos::Noun) && wordnet::base_forms(word, Pos::Verb).iter().any(|b| b != word)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_match_wordnet_and_repeat() {
        for _ in 0..2 {
            assert!(synonyms("film", "movie"));
            assert!(broader("animal", "dog"));
            assert!(!broader("dog", "animal"));
            assert!(antonyms("increase", "decrease"));
            assert!(siblings("jazz", "rock"));
            assert!(is_inflected_verb("brought"));
            assert!(!is_inflected_verb("meeting"));
            assert!(unrelated_nouns("golfer", "actress"));
            assert!(!unrelated_nouns("dog", "animal"));
        }
    }
}
