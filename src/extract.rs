//! Claim detection: article blocks -> sentences -> atomic clauses -> claims
//! that are worth checking.
//!
//! Check-worthiness is scored from cues (names, numbers, dates and factual
//! verbs for; questions, imperatives, hedges, opinion words, first or second
//! person and rhetoric against). Boilerplate (comment forms, bylines,
//! footers) is skipped in any script: by known phrases, and by leaving out
//! blocks written mostly in a script other than the article's own.

use crate::article::Article;
use crate::claim::Claim;
use crate::lexicon;
use crate::text::{self, Shape};

/// Default threshold of check-worthiness.
pub const DEFAULT_MIN_SCORE: f64 = 0.5;

/// Extracts the claims of an article whose score reaches `min_score`.
///
/// Ids number every clause of the article's text, kept or not, so a claim
/// keeps its id whatever the threshold (`check` and `compare` use different
/// ones, and baselines and ignores name claims by id).
pub fn extract(article: &Article, min_score: f64) -> Vec<Claim> {
    let main_script = dominant_script(article.blocks.iter().map(|b| b.text.as_str()));
    let mut claims = Vec::new();
    let mut number = 0;
    let mut footer = false;
    for block in &article.blocks {
        let folded = text::fold(&block.text);
        if lexicon::is_boilerplate(&folded) && block.text.chars().count() < 200 {
            // Comment forms and footers close an article: what follows is footer too.
            footer = true;
        }
        if footer || block.heading || dominant_script(std::iter::once(block.text.as_str())) != main_script {
            continue;
        }
        for sentence in text::split_sentences(&block.text) {
            for clause in split_clauses(&block.text, sentence) {
                let clause_text = clean(&block.text[clause.clone()]);
                let score = check_worthiness(&clause_text);
                // A clause without a word (";", "—") is no claim, even at
                // --min-score 0 (found by fuzzing: it became an empty claim).
                if text::tokens(&clause_text).next().is_none() {
                    continue;
                }
                number += 1;
                if score < min_score {
                    continue;
                }
                let (line, column) = article.line_col(block.source_offset(clause.start));
                claims.push(Claim {
                    id: format!("{}-{}", article.stem, number),
                    article: article.name.clone(),
                    line,
                    column,
                    text: clause_text,
                    score: (score * 100.0).round() / 100.0,
                });
            }
        }
    }
    claims
}

/// Collapses whitespace, strips a trailing connector or dash, and
/// capitalises a clause split off a longer sentence.
fn clean(text: &str) -> String {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let trimmed = collapsed.trim_matches(|c: char| {
        c == '—' || c == '–' || c == '-' || c == ',' || c == ';' || c.is_whitespace()
    });
    let mut chars = trimmed.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Words that open a new independent clause after a connector.
///
/// Looks at most at the first [`CLAUSE_WINDOW`] bytes and ten tokens of
/// `rest`, so that a sentence with many connectors stays linear.
fn opens_clause(rest: &str) -> bool {
    let toks: Vec<text::Token> = text::tokens(window(rest, CLAUSE_WINDOW)).take(10).collect();
    let Some(first) = toks.first() else { return false };
    if toks.len() < 4 {
        return false;
    }
    const SUBJECTS: &[&str] = &[
        "a", "an", "he", "it", "its", "she", "that", "the", "their", "these", "they", "this", "those", "we",
    ];
    let has_verb = toks
        .iter()
        .take(10)
        .skip(1)
        .any(|t| t.shape == Shape::Word && lexicon::is_verb_like(&t.norm));
    has_verb
        && (first.shape == Shape::Name
            || first.shape == Shape::Number
            || SUBJECTS.contains(&first.norm.as_str())
            || rest.trim_start().starts_with(|c: char| c.is_uppercase()))
}

/// Bytes after a connector in which a new clause must show its subject and verb.
const CLAUSE_WINDOW: usize = 512;

/// The longest prefix of `s` of at most `max` bytes that ends on a char boundary.
fn window(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Splits one sentence (a byte range of `text`) into independent clauses at
/// ";", ", and", ", but", ", while", ", whereas" and spaced dashes, when the
/// part after the connector opens a clause of its own.
fn split_clauses(text: &str, sentence: std::ops::Range<usize>) -> Vec<std::ops::Range<usize>> {
    const CONNECTORS: &[&str] = &[
        "; ",
        ", and ",
        ", but ",
        ", while ",
        ", whereas ",
        " — ",
        " – ",
        "—",
        " - ",
    ];
    let s = &text[sentence.clone()];
    // Computed once rather than per connector, which was quadratic on a
    // long sentence: where quotes are (the parity of those before a
    // connector says whether it is quoted) and where the fourth word starts
    // (the left part needs four words).
    let quotes: Vec<usize> = s.match_indices(['"', '“', '”']).map(|(i, _)| i).collect();
    let inside_quote = |i: usize| quotes.partition_point(|&q| q < i) % 2 == 1;
    let fourth_word = s
        .split_whitespace()
        .nth(3)
        .map_or(usize::MAX, |w| w.as_ptr() as usize - s.as_ptr() as usize);
    let four_words_before = |i: usize| fourth_word < i;
    let mut cuts: Vec<(usize, usize)> = Vec::new(); // (end of left part, start of right part)
    for conn in CONNECTORS {
        for (i, _) in s.match_indices(conn) {
            let right = i + conn.len();
            let rest = &s[right..];
            if !inside_quote(i) && four_words_before(i) && opens_clause(rest) {
                cuts.push((i, right));
            }
        }
    }
    // ", creating ..." / ", making ...": a participial phrase adds a separate,
    // usually vaguer assertion; it becomes its own clause and is scored alone.
    for (i, sep) in s.match_indices(", ").chain(s.match_indices('—')) {
        let rest = s[i + sep.len()..].trim_start();
        // The first word, when it is all lower case: scanning stops at the
        // first other character, so a long run of "x—x—x" stays linear.
        let lower = rest
            .char_indices()
            .find(|(_, c)| !c.is_lowercase())
            .map_or(rest.len(), |(j, _)| j);
        if !rest[lower..].chars().next().is_none_or(char::is_whitespace) {
            continue;
        }
        let first = &rest[..lower];
        let folded = text::fold(first);
        if folded.len() > 5 && folded.ends_with("ing") && four_words_before(i) {
            cuts.push((i, i + sep.len()));
        }
    }
    // "Take data privacy: Japan's law ...": a short lead-in before a colon.
    if let Some(i) = s.find(": ") {
        if s[..i].split_whitespace().count() <= 4 && opens_clause(&s[i + 2..]) {
            cuts.push((i, i + 2));
        }
    }
    cuts.sort_unstable();
    cuts.dedup_by_key(|c| c.0);
    let mut out = Vec::new();
    let mut start = 0;
    for (end, next) in cuts {
        if end > start {
            out.push(sentence.start + start..sentence.start + end);
        }
        start = next.max(start);
    }
    out.push(sentence.start + start..sentence.end);
    out.retain(|r| !text[r.clone()].trim().is_empty());
    out
}

/// Scores how check-worthy a sentence is, in [0, 1].
pub fn check_worthiness(sentence: &str) -> f64 {
    let toks = text::tokenize(sentence);
    let words = toks.len();
    if words == 0 {
        return 0.0;
    }
    let mut score: f64 = 0.35;
    let names = toks.iter().filter(|t| t.shape == Shape::Name).count();
    const NUMBER_WORDS: &[&str] = &[
        "billion", "eight", "five", "four", "hundred", "million", "nine", "seven", "six", "ten", "thousand",
        "three", "trillion", "twelve", "two",
    ];
    let numbers = toks
        .iter()
        .filter(|t| {
            t.shape == Shape::Number
                || t.norm
                    .split('-')
                    .next()
                    .is_some_and(|w| NUMBER_WORDS.contains(&w))
        })
        .count();
    if names > 0 {
        score += 0.2;
    }
    if names > 2 {
        score += 0.1;
    }
    if numbers > 0 {
        score += 0.15;
    }
    if toks.iter().any(|t| lexicon::is_fact_verb(&t.norm)) {
        score += 0.1;
    }
    let trimmed = sentence.trim_end();
    if trimmed.ends_with('?') {
        score -= 0.5;
    }
    if trimmed.ends_with('!') {
        score -= 0.2;
    }
    if lexicon::is_imperative(&toks[0].norm) {
        score -= 0.5;
    }
    let hedges = toks.iter().filter(|t| lexicon::is_hedge(&t.norm)).count();
    score -= 0.15 * hedges.min(3) as f64;
    let subjective = toks.iter().filter(|t| lexicon::is_subjective(&t.norm)).count();
    score -= 0.1 * subjective.min(2) as f64;
    // A pronoun subject ("It's...", "This is...") cannot be checked on its own.
    if matches!(
        toks[0].norm.as_str(),
        "it" | "its" | "this" | "these" | "they" | "their" | "those" | "he" | "she"
    ) {
        score -= 0.1;
    }
    if toks.iter().any(|t| lexicon::is_personal(&t.norm)) {
        score -= 0.25;
    }
    // Rhetoric: "not just ... but", "isn't just", similes.
    let lower = sentence.to_lowercase();
    if [
        "not just",
        "isn't just",
        "wasn't just",
        "not only",
        "like a ",
        "as if",
    ]
    .iter()
    .any(|p| lower.contains(p))
    {
        score -= 0.15;
    }
    if words < 4 {
        score -= 0.3;
    }
    if words > 60 {
        score -= 0.2;
    }
    score.clamp(0.0, 1.0)
}

/// The Unicode script family most of the letters belong to.
fn dominant_script<'a>(texts: impl Iterator<Item = &'a str>) -> Script {
    let mut counts = [0usize; 5];
    for t in texts {
        for c in t.chars().filter(|c| c.is_alphabetic()) {
            counts[script_of(c) as usize] += 1;
        }
    }
    let best = counts
        .iter()
        .enumerate()
        .max_by_key(|&(i, n)| (*n, usize::MAX - i));
    match best.map(|(i, _)| i) {
        Some(1) => Script::Cjk,
        Some(2) => Script::Cyrillic,
        Some(3) => Script::Arabic,
        Some(4) => Script::Other,
        _ => Script::Latin,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin = 0,
    Cjk = 1,
    Cyrillic = 2,
    Arabic = 3,
    Other = 4,
}

fn script_of(c: char) -> Script {
    match c as u32 {
        0x0000..=0x024F | 0x1E00..=0x1EFF => Script::Latin,
        0x0400..=0x052F => Script::Cyrillic,
        0x0590..=0x06FF | 0x0750..=0x077F => Script::Arabic,
        0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF => Script::Cjk,
        _ => Script::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims_of(src: &str) -> Vec<String> {
        let a = Article::parse("t.txt", src.to_string(), false);
        extract(&a, DEFAULT_MIN_SCORE)
            .into_iter()
            .map(|c| c.text)
            .collect()
    }

    #[test]
    fn facts_score_above_opinions_questions_and_imperatives() {
        let fact = check_worthiness("The council was held in Brussels on 30 April 2024.");
        assert!(fact >= 0.7, "{fact}");
        assert!(check_worthiness("Imagine a future where robots cook dinner.") < DEFAULT_MIN_SCORE);
        assert!(check_worthiness("Is this the end of the Internet?") < DEFAULT_MIN_SCORE);
        assert!(check_worthiness("We think this could perhaps change everything.") < DEFAULT_MIN_SCORE);
    }

    #[test]
    fn compound_sentences_split_into_atomic_claims() {
        let got = claims_of("The summit was held in Tokyo in 2022; the council met in Brussels in 2024.");
        assert_eq!(
            got,
            vec![
                "The summit was held in Tokyo in 2022",
                "The council met in Brussels in 2024."
            ]
        );
        let got = claims_of("Paris is the capital of France, and Berlin is the capital of Germany.");
        assert_eq!(got.len(), 2);
        // A list joined by "and" is one claim.
        let got = claims_of("The council discussed AI, chips, and Quantum computing in 2024.");
        assert_eq!(got.len(), 1);
    }

    #[test]
    fn skips_footer_in_another_script_and_headings() {
        let src = "Big News Today\n\nThe council met in Brussels in 2024.\n\n评论\n\n发表回复\n\n您的邮箱地址不会被公开。 必填项已用 * 标注\n";
        assert_eq!(claims_of(src), vec!["The council met in Brussels in 2024."]);
    }

    #[test]
    fn many_connectors_in_one_sentence_stay_linear() {
        // Each "; " used to tokenise the whole rest of the sentence and
        // count the quotes and words before it.
        let s = format!(
            "The council met in Brussels{}.",
            "; \"the council met in Brussels\"".repeat(20_000)
        );
        let t = std::time::Instant::now();
        let cuts = split_clauses(&s, 0..s.len());
        assert!(t.elapsed().as_secs() < 10, "{:?}", t.elapsed());
        // Quotes come in pairs, so every connector is outside them and opens a clause.
        assert_eq!(cuts.len(), 20_001);
        let x = format!("{}x end.", "x—".repeat(100_000));
        let t = std::time::Instant::now();
        assert_eq!(split_clauses(&x, 0..x.len()), vec![0..x.len()]);
        assert!(t.elapsed().as_secs() < 10, "{:?}", t.elapsed());
    }

    #[test]
    fn clause_rules_unchanged_by_the_linear_rewrite() {
        let s = "He said \"we met; they left\" and the council agreed; the council met in Brussels in 2024.";
        let got: Vec<&str> = split_clauses(s, 0..s.len()).into_iter().map(|r| &s[r]).collect();
        assert_eq!(
            got,
            vec![
                "He said \"we met; they left\" and the council agreed",
                "the council met in Brussels in 2024."
            ]
        );
        let s = "The council met in Brussels, creating a new pact.";
        let got: Vec<&str> = split_clauses(s, 0..s.len()).into_iter().map(|r| &s[r]).collect();
        assert_eq!(got, vec!["The council met in Brussels", "creating a new pact."]);
        let s = "The council met in Brussels, Creating a new pact.";
        assert_eq!(split_clauses(s, 0..s.len()).len(), 1);
    }

    #[test]
    fn clauses_without_words_are_no_claims_even_at_score_zero() {
        // Fuzz crasher tests/fixtures/fuzz/article/crash-6ebc72ca...: a ";"
        // paragraph became a claim with empty text.
        let a = Article::parse(
            "t.md",
            "# Title\n;\n\nA --- ...\n\nParis is big.\n".to_string(),
            true,
        );
        let texts: Vec<String> = extract(&a, 0.0).into_iter().map(|c| c.text).collect();
        assert_eq!(texts, vec!["A --- ...", "Paris is big."]);
    }

    #[test]
    fn ids_and_locations_are_stable() {
        let src = "Title\n\nThe council met in Brussels in 2024. Japan signed the pact in 2019.\n";
        let a = Article::parse("dir/news.txt", src.to_string(), false);
        let claims = extract(&a, DEFAULT_MIN_SCORE);
        assert_eq!(claims[0].id, "news-1");
        assert_eq!(claims[1].id, "news-2");
        assert_eq!((claims[1].line, claims[1].column), (3, 38));
    }
}
