//! Words: which claim words a reference has (the same stem, an alias, an
//! acronym spelled out, a spelling variant, a WordNet synonym or a word for
//! a kind of it), and how much each claim word weighs.

// Sets of stems only asked `contains`: the fast hash, never iterated.
use rustc_hash::FxHashSet as HashSet;

use strsim::normalized_damerau_levenshtein;

use super::names::is_name;
use super::params::{KEY_WORD_WEIGHT, SAME_NAME, SAME_WORD_JARO_WINKLER, UNSEEN_COMMON_WEIGHT};
use super::{Analysed, Pair, Status};
use crate::index::Index;
use crate::lexicon;
use crate::relations;
use crate::text::{self, Shape, Token};

/// Marks each claim word the reference has as matched, the rest as missing.
pub(super) fn match_words(pair: &mut Pair) {
    let (claim, reference, index, doc) = (pair.claim, &pair.reference, pair.index, pair.doc);
    let status = &mut pair.status;
    let ref_stems: HashSet<&str> = reference
        .toks
        .iter()
        .map(|t| t.stem.as_str())
        .chain(index.expansion(doc).iter().map(String::as_str))
        .collect();
    for (i, t) in claim.toks.iter().enumerate() {
        // A name matches a name: "Right" in "Hot Right Now" is not the
        // word "right", "The Gifted" is not "The Gift".
        let stem_found = if is_name(t) {
            index.expansion(doc).contains(&t.stem)
                || reference.toks.iter().any(|r| {
                    r.stem == t.stem
                        && (is_name(r) || r.shape == Shape::Number)
                        && same_name_form(&t.norm, &r.norm)
                })
        } else {
            ref_stems.contains(t.stem.as_str())
        };
        // A name spelled like another name of the reference is a near miss
        // (a conflict, below), not the same name: "Heatly" is not "Heatley".
        let found = !t.is_content()
            || stem_found
            || reference
                .toks
                .iter()
                .any(|r| r.is_content() && !(is_name(t) && is_name(r)) && spelled_alike(&t.norm, &r.norm))
            || (is_acronym(claim, t) && acronym_in(&t.norm, reference))
            // A number word or an ordinal means one value: WordNet's other
            // senses ("second" = "back") do not match it.
            || (t.shape == Shape::Word && !lexicon::is_count_word(&t.norm) && entailed_by_word(&t.norm, reference));
        status[i] = if found { Status::Matched } else { Status::Missing };
    }
    // A phrase of the claim spelled out by an acronym of the reference.
    for r in reference.toks.iter().filter(|r| is_acronym(reference, r)) {
        if let Some(run) = acronym_run(&r.norm, &claim.toks) {
            for k in run {
                status[k] = Status::Matched;
            }
        }
    }
}

/// Two spellings of one name: equal, or one the plural of the other.
fn same_name_form(a: &str, b: &str) -> bool {
    a == b || a.strip_suffix('s') == Some(b) || b.strip_suffix('s') == Some(a)
}

/// Byte ranges of parenthesised (or bracketed) parts of a text.
pub(super) fn parenthesised(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut open = None;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' if open.is_none() => open = Some(i),
            ')' | ']' => {
                if let Some(o) = open.take() {
                    out.push(o..i);
                }
            }
            _ => {}
        }
    }
    out
}

/// The word a token spans in its text.
pub(super) fn word(text: &str, t: &Token) -> String {
    text.get(t.span.clone())
        .map_or_else(|| t.norm.clone(), str::to_string)
}

/// How much a claim word matters: its rarity in the table; a common English
/// word that no reference uses is mostly filler ("brought", "pivotal") and
/// weighs little, while a rare one ("APTIA", "heist") stays heavy.
pub(super) fn weight(index: &Index, t: &Token, name: bool) -> f64 {
    let unseen_common = index.doc_freq(&t.stem) == 0 && lexicon::is_common_word(&t.norm);
    if name || t.shape == Shape::Number {
        KEY_WORD_WEIGHT
    } else if unseen_common {
        UNSEEN_COMMON_WEIGHT
    } else {
        1.0
    }
}

/// The value of a number, in digits or spelled out ("zero", "three").
pub(super) fn quantity(t: &Token) -> Option<f64> {
    match t.shape {
        Shape::Number => text::number_value(&t.norm),
        Shape::Word => text::spelled_number(&t.norm).or_else(|| text::decade_start(&t.norm)),
        _ => None,
    }
}

/// True when a word of the reference means the claim's word or is a kind of
/// it (WordNet): "movie" for "film", "dog" for "animal".
fn entailed_by_word(claim_word: &str, reference: &Analysed) -> bool {
    if claim_word.chars().count() < 3 || !relations::is_lemma(claim_word) {
        return false;
    }
    reference
        .toks
        .iter()
        .filter(|r| r.is_content() && r.shape == Shape::Word)
        .any(|r| relations::synonyms(claim_word, &r.norm) || relations::broader(claim_word, &r.norm))
}

/// Same word spelled differently: "Kōno"/"Kono" fold alike already; this
/// catches "Hickman"/"Hickam" and small typos in longer words.
fn spelled_alike(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    // Spelling variants share their first letter and about their length.
    if la < 4 || lb < 4 || a.chars().next() != b.chars().next() || la.abs_diff(lb) * 4 > la.max(lb) {
        return false;
    }
    normalized_damerau_levenshtein(a, b) >= SAME_NAME
        || (la.min(lb) >= 5 && strsim::jaro_winkler(a, b) >= SAME_WORD_JARO_WINKLER)
}

/// True when a token is written as an acronym ("US", "U.S", "NASA").
pub(super) fn is_acronym(text: &Analysed, t: &Token) -> bool {
    let original = &text.text[t.span.clone()];
    let letters = original.chars().filter(|c| c.is_alphabetic()).count();
    (2..=8).contains(&letters)
        && original
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
}

/// Positions of a run of capitalised words whose initials spell `acronym`
/// (folded); "of", "the", "and", "for" may sit inside the run.
pub(super) fn acronym_run(acronym: &str, toks: &[Token]) -> Option<Vec<usize>> {
    let letters: Vec<char> = acronym.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2 {
        return None;
    }
    'start: for s in 0..toks.len() {
        let mut run = Vec::new();
        let mut k = s;
        for &l in &letters {
            while k < toks.len()
                && !run.is_empty()
                && matches!(toks[k].norm.as_str(), "of" | "the" | "and" | "for")
            {
                k += 1;
            }
            match toks.get(k) {
                Some(t) if t.norm.starts_with(l) && t.shape != Shape::Number => run.push(k),
                _ => continue 'start,
            }
            k += 1;
        }
        return Some(run);
    }
    None
}

fn acronym_in(acronym: &str, text: &Analysed) -> bool {
    acronym_run(acronym, &text.toks).is_some_and(|run| {
        run.iter()
            .all(|&k| text.toks[k].shape == Shape::Name || k == run[0])
    })
}

#[cfg(test)]
mod tests {
    use super::super::test_support::alignment;
    use super::*;

    #[test]
    fn synonyms_acronyms_and_spelling_variants_are_found() {
        // A WordNet synonym.
        let a = alignment("The movie premiered in Cannes.", "The film premiered in Cannes.");
        assert!(a.coverage > 0.99, "{a:?}");
        // An acronym spelled out by the reference.
        let a = alignment(
            "NASA launched the probe.",
            "The National Aeronautics and Space Administration launched the probe.",
        );
        assert!(a.coverage > 0.99, "{a:?}");
        // A word the reference does not have is missing.
        let a = alignment("The movie premiered in Cannes.", "The film was shown in Cannes.");
        assert!(a.missing.contains(&"premiered".to_string()), "{a:?}");
        assert!(spelled_alike("hickman", "hickam"));
    }

    #[test]
    fn names_and_numbers_weigh_more_than_filler() {
        let index = crate::index::Index::build(Vec::new());
        let t = |s: &str| crate::text::tokenize(s).remove(0);
        assert!(weight(&index, &t("Tokyo"), true) > weight(&index, &t("pivotal"), false));
    }
}
