//! Text normalisation, tokenising and sentence splitting.
//!
//! Everything here works on plain text (markup already removed) and keeps
//! byte spans into that text, so that callers can map a claim back to the
//! line and column of the original file. Nothing here knows about claims,
//! references or verdicts.

pub(crate) mod lexicon;
pub(crate) mod relations;
pub(crate) mod wordnet;
// Shared with build.rs, which uses the parser; the library reads its output.
#[allow(dead_code)]
mod wordnet_tables;

use std::ops::Range;
use std::sync::{OnceLock, PoisonError, RwLock};

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

/// What kind of word a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// An ordinary word.
    Word,
    /// A word written with a capital letter (not only because it starts a sentence).
    Name,
    /// A number, possibly with separators or decimals ("1,000", "3.5", "2019").
    Number,
}

/// One word of a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// Byte span in the text it came from.
    pub span: Range<usize>,
    /// Case-folded form without diacritics ("Kōno" -> "kono").
    pub norm: String,
    /// Stem of `norm` (English Snowball), used for matching.
    pub stem: String,
    /// Word, name or number.
    pub shape: Shape,
    /// True when the word is a stop word (carries no content).
    pub stop: bool,
}

impl Token {
    /// True for tokens that carry content (not stop words).
    pub fn is_content(&self) -> bool {
        !self.stop
    }
}

/// Most words the stem memo holds before it starts afresh.
const STEM_MEMO_MAX: usize = 200_000;

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// Case-folds a word and strips diacritics: "Kōno" -> "kono", "É" -> "e".
pub fn fold(word: &str) -> String {
    if word.is_ascii() {
        // Fast path: nothing to decompose.
        return word
            .bytes()
            .filter(|&b| b != b'\'')
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect();
    }
    word.nfkd()
        .filter(|c| !is_combining_mark(*c) && !is_invisible(*c))
        .flat_map(char::to_lowercase)
        .filter(|c| *c != '\'' && *c != '’')
        .collect()
}

/// True for characters that take no room and carry no meaning for the
/// checker: zero-width spaces and joiners, the byte-order mark, bidi marks,
/// embeddings, overrides and isolates. Folding drops them, and sentence and
/// title detection look through them.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}' | '\u{AD}'
    )
}

/// Stems a folded word.
///
/// Stems are memoised once for all threads: words repeat (Zipf), and the Snowball
/// stemmer costs more than a hash lookup.
pub fn stem(folded: &str) -> String {
    if folded.chars().any(|c| c.is_ascii_digit()) {
        return folded.to_string();
    }
    // One memo for all threads: the index's readers and the claims share
    // most of their words, so each word is stemmed once per process.
    static STEMS: OnceLock<RwLock<rustc_hash::FxHashMap<String, String>>> = OnceLock::new();
    let memo = STEMS.get_or_init(RwLock::default);
    if let Some(s) = memo.read().unwrap_or_else(PoisonError::into_inner).get(folded) {
        return s.clone();
    }
    let s = stemmer().stem(folded).into_owned();
    let mut m = memo.write().unwrap_or_else(PoisonError::into_inner);
    // Bounded: a huge vocabulary starts the memo afresh.
    if m.len() > STEM_MEMO_MAX {
        m.clear();
    }
    m.insert(folded.to_string(), s.clone());
    drop(m);
    s
}

/// Parses a number token ("1,000", "3.5", "2019") into a value.
pub fn number_value(word: &str) -> Option<f64> {
    // A decade ("1960s") stands for its first year.
    let word = match word.strip_suffix('s') {
        Some(d) if d.len() == 4 && d.chars().all(|c| c.is_ascii_digit()) => d,
        _ => word,
    };
    let cleaned: String = word.chars().filter(|c| *c != ',').collect();
    if cleaned.is_empty() || !cleaned.chars().next()?.is_ascii_digit() {
        return None;
    }
    cleaned.parse::<f64>().ok()
}

/// The value of a number written as a word ("zero", "three", "forty").
/// "One" is left out: it is more often a pronoun ("one of the ...") than a count.
pub fn spelled_number(word: &str) -> Option<f64> {
    if word == "one" {
        return None;
    }
    crate::lexicon::NUMBER_WORDS
        .iter()
        .find(|(w, _)| *w == word)
        .map(|&(_, v)| v)
}

/// The first year of a decade: "1950s" -> 1950, "fifties" -> 1950 (the
/// spelled decades are read as the twentieth century's).
pub fn decade_start(word: &str) -> Option<f64> {
    const SPELLED: &[(&str, f64)] = &[
        ("twenties", 1920.0),
        ("thirties", 1930.0),
        ("forties", 1940.0),
        ("fifties", 1950.0),
        ("sixties", 1960.0),
        ("seventies", 1970.0),
        ("eighties", 1980.0),
        ("nineties", 1990.0),
    ];
    if let Some(&(_, v)) = SPELLED.iter().find(|(w, _)| *w == word) {
        return Some(v);
    }
    let digits = word.strip_suffix('s')?;
    decade_digits(digits).then(|| digits.parse().ok()).flatten()
}

/// Four digits ending in 0: the year a decade is named by ("1940").
fn decade_digits(word: &str) -> bool {
    word.len() == 4 && word.ends_with('0') && word.chars().all(|c| c.is_ascii_digit())
}

/// Splits a text into tokens with byte spans.
///
/// A word is a "name" when it starts with a capital letter and is not the
/// first word of the text, or when it is an acronym (two or more capitals),
/// or when it mixes letters and digits ("5G").
pub fn tokenize(text: &str) -> Vec<Token> {
    tokens(text).collect()
}

/// The tokens of [`tokenize`], lazily: a caller that needs only the first
/// few (`tokens(t).take(10)`) does not pay for the rest of a long text.
pub fn tokens(text: &str) -> impl Iterator<Item = Token> + '_ {
    let mut first = true;
    joined_words(text).filter_map(move |(start, whole)| {
        let token = word_token(start, whole, first)?;
        first = false;
        Some(token)
    })
}

/// The token of one word of [`joined_words`] that starts at byte `start`;
/// `first` is true until a text's first token. `None` for a word that
/// folds to nothing. A pure function of its arguments, so that a caller
/// reading many texts (the index) can memoise it per word.
pub(crate) fn word_token(start: usize, whole: &str, first: bool) -> Option<Token> {
    // A possessive is the name itself: "Jones's" is "Jones".
    // A decade written "1940's" keeps its "s".
    let word = ["'s", "’s"]
        .iter()
        .find_map(|p| whole.strip_suffix(p))
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .unwrap_or(whole);
    let norm = fold(word);
    if norm.is_empty() {
        return None;
    }
    let shape = shape_of(word, first);
    let stop = shape == Shape::Word && (lexicon::is_stop_word(&norm) || lexicon::is_negated_auxiliary(&norm));
    let stem = stem(&norm);
    Some(Token {
        span: start..start + whole.len(),
        norm,
        stem,
        shape,
        stop,
    })
}

/// `text.unicode_word_indices()`, with the all-ASCII stretches of a text
/// that is not all ASCII read by the segmenter's ASCII fast path. The text
/// is cut where a run of spaces starts: UAX #29 always breaks there, and no
/// rule looks back across a space, so each piece splits as it does inside
/// the whole text.
pub(crate) fn word_indices(text: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    let mut next_piece = 0;
    let mut piece: Option<(usize, unicode_segmentation::UnicodeWordIndices<'_>)> = None;
    std::iter::from_fn(move || loop {
        if let Some((base, words)) = &mut piece {
            if let Some((start, word)) = words.next() {
                return Some((*base + start, word));
            }
            piece = None;
        }
        if next_piece >= text.len() {
            return None;
        }
        let end = if next_piece == 0 && text.is_ascii() {
            text.len()
        } else {
            piece_end(text.as_bytes(), next_piece)
        };
        piece = Some((next_piece, text[next_piece..end].unicode_word_indices()));
        next_piece = end;
    })
}

/// End of the piece of [`word_indices`] that starts at `start`: the
/// stretches between space-run starts that follow it and are, like its
/// first, all ASCII or not.
fn piece_end(b: &[u8], start: usize) -> usize {
    let mut ascii: Option<bool> = None;
    let mut stretch = start;
    loop {
        let mut end = stretch + 1;
        while end < b.len() && !(b[end] == b' ' && b[end - 1] != b' ') {
            end += 1;
        }
        let here = b[stretch..end].is_ascii();
        match ascii {
            None => ascii = Some(here),
            Some(a) if a != here => return stretch,
            Some(_) => {}
        }
        if end >= b.len() {
            return b.len();
        }
        stretch = end;
    }
}

/// Unicode words, with names joined by "&" kept whole ("A&E", "AT&T", "R&B").
pub(crate) fn joined_words(text: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let mut words = word_indices(text).peekable();
    std::iter::from_fn(move || {
        let (start, mut end) = words.next().map(|(s, w)| (s, s + w.len()))?;
        // A decade written with an apostrophe: "1940's".
        if decade_digits(&text[start..end]) {
            for apostrophe in ["'s", "’s"] {
                if text[end..].starts_with(apostrophe)
                    && words
                        .peek()
                        .is_some_and(|&(s, w)| s == end + apostrophe.len() - 1 && w == "s")
                {
                    end += apostrophe.len();
                    words.next();
                    break;
                }
            }
        }
        while text[end..].starts_with('&') && capital(&text[start..end]) {
            match words.peek() {
                Some(&(s, w)) if s == end + 1 && w.len() <= 4 && end - start <= 4 && capital(w) => {
                    end = s + w.len();
                    words.next();
                }
                _ => break,
            }
        }
        Some((start, &text[start..end]))
    })
}

fn shape_of(word: &str, first: bool) -> Shape {
    let word_digits = word.trim_end_matches("'s").trim_end_matches("’s");
    let digits_only = word_digits
        .trim_end_matches('s')
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.');
    let numeric = if word_digits.len() < word.len() {
        number_value(&format!("{word_digits}s"))
    } else {
        number_value(word)
    };
    if numeric.is_some() && digits_only {
        return Shape::Number;
    }
    // "I'm", "I've": the first person, not a name.
    if word.starts_with("I'") || word.starts_with("I’") {
        return Shape::Word;
    }
    let upper = word.chars().filter(|c| c.is_uppercase()).count();
    let digits = word.chars().any(|c| c.is_ascii_digit());
    let starts_upper = word.chars().next().is_some_and(char::is_uppercase);
    if upper >= 2 || digits || (starts_upper && !first) {
        return Shape::Name;
    }
    let folded = fold(word);
    let derived = [
        "ing", "ed", "ly", "ion", "ions", "ness", "ment", "ments", "ity", "ies",
    ]
    .iter()
    .any(|s| folded.len() > s.len() + 3 && folded.ends_with(s))
        // An -ing or -ed word is a verb form only when WordNet knows the verb
        // or the adjective: "Fleming", "Beijing" are not ("Building" is).
        && (!(folded.ends_with("ing") || folded.ends_with("ed"))
            || wordnet::is_lemma(&folded, wordnet::Pos::Verb)
            || wordnet::is_lemma(&folded, wordnet::Pos::Adj));
    if starts_upper
        && first
        && !lexicon::is_stop_word(&folded)
        && !lexicon::is_common_word(&folded)
        && !derived
    {
        // A sentence-initial capital on a word that is not a common English word
        // ("Daggering is ...") is most likely a name.
        return Shape::Name;
    }
    Shape::Word
}

/// Case-folded content stems of a text, in order (duplicates kept).
pub fn content_stems(text: &str) -> Vec<String> {
    tokenize(text)
        .into_iter()
        .filter(Token::is_content)
        .map(|t| t.stem)
        .collect()
}

/// Splits plain text into sentences, returning their byte ranges (trimmed).
///
/// Survives abbreviations ("U.S.", "e.g.", "Dr.", "No. 5"), initials,
/// decimals and closing quotes after the final mark.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'.' || b == b'!' || b == b'?' {
            // Extend over repeated marks and closing quotes/brackets.
            let mut end = i + 1;
            while end < bytes.len() {
                let rest = &text[end..];
                let c = rest.chars().next().unwrap_or(' ');
                if matches!(c, '.' | '!' | '?' | '"' | '\'' | ')' | ']' | '”' | '’' | '»') || is_invisible(c)
                {
                    end += c.len_utf8();
                } else {
                    break;
                }
            }
            // trim_start, not trim: trim would also scan back over trailing
            // whitespace at every mark.
            let at_end = text[end..].trim_start().is_empty();
            let followed_by_space = text[end..].starts_with(char::is_whitespace);
            if at_end
                || (followed_by_space && next_starts_sentence(&text[end..]) && !is_abbreviation(text, i, b))
            {
                push_trimmed(text, start..end, &mut out);
                start = end;
            }
            i = end;
        } else {
            i += 1;
        }
    }
    if start < text.len() {
        push_trimmed(text, start..text.len(), &mut out);
    }
    out
}

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(r.start + lead..r.end - trail);
    }
}

fn next_starts_sentence(rest: &str) -> bool {
    let next = rest
        .trim_start_matches(|c: char| c.is_whitespace() || is_invisible(c))
        .chars()
        .next();
    match next {
        Some(c) => {
            c.is_uppercase()
                || c.is_ascii_digit()
                || matches!(c, '"' | '“' | '\'' | '‘' | '(' | '[' | '*' | '_')
                || !c.is_alphabetic()
                // Scripts without case (CJK, Arabic, Hebrew) start sentences too.
                || !c.is_lowercase()
        }
        None => true,
    }
}

/// True when the period at byte `dot` ends an abbreviation or an initial.
fn is_abbreviation(text: &str, dot: usize, mark: u8) -> bool {
    if mark != b'.' {
        return false;
    }
    let before = &text[..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .map_or(0, |p| p + before[p..].chars().next().map_or(1, char::len_utf8));
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    let folded = fold(word);
    // Single capital letter: an initial ("J. Smith").
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true;
    }
    if lexicon::is_abbreviation(&folded) {
        // "No. 5" is an abbreviation only before a number; at a sentence end
        // ("the answer is no.") it is a word.
        if folded == "no" {
            return text[dot + 1..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit());
        }
        return true;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn word_indices_equal_the_segmenters(s in "[ a-zA-Z0-9.,:;'_\"\t\n()&\u{e9}\u{301}\u{200d}\u{2019}\u{3000}\u{a0}\u{1f1e6}\u{1f1e8}\u{1f600}\u{4e2d}\u{30a2}\u{5d0}-]{0,40}") {
            let got: Vec<(usize, &str)> = word_indices(&s).collect();
            let want: Vec<(usize, &str)> = s.unicode_word_indices().collect();
            proptest::prop_assert_eq!(got, want);
        }
    }

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn fold_strips_diacritics_and_case() {
        assert_eq!(fold("Kōno"), "kono");
        assert_eq!(fold("ÉCOLE"), "ecole");
    }

    #[test]
    fn ampersand_names_stay_whole() {
        let words: Vec<String> = tokenize("A&E and AT&T, R & D, rock&roll")
            .into_iter()
            .map(|t| t.norm)
            .collect();
        assert_eq!(words, ["a&e", "and", "at&t", "r", "d", "rock", "roll"]);
    }

    #[test]
    fn decades_with_an_apostrophe_stay_whole() {
        let toks = tokenize("born in the 1940's, not in Smith's 1950");
        let words: Vec<&str> = toks.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(
            words,
            ["born", "in", "the", "1940s", "not", "in", "smith", "1950"]
        );
        assert_eq!(toks[3].shape, Shape::Number);
        assert_eq!(number_value(&toks[3].norm), Some(1940.0));
    }

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(
            sentences("One fact. Two facts! Three?"),
            vec!["One fact.", "Two facts!", "Three?"]
        );
    }

    #[test]
    fn survives_abbreviations_initials_and_decimals() {
        let text = "The U.S. and Japan met. Dr. Smith spoke, e.g. about No. 5 and 3.5 percent. J. Doe left.";
        assert_eq!(
            sentences(text),
            vec![
                "The U.S. and Japan met.",
                "Dr. Smith spoke, e.g. about No. 5 and 3.5 percent.",
                "J. Doe left."
            ]
        );
    }

    #[test]
    fn keeps_closing_quote_with_sentence() {
        assert_eq!(
            sentences("He said \"it works.\" Then he left."),
            vec!["He said \"it works.\"", "Then he left."]
        );
    }

    #[test]
    fn title_without_period_is_one_sentence() {
        assert_eq!(
            sentences("A Title Without Period"),
            vec!["A Title Without Period"]
        );
    }

    #[test]
    fn tokens_have_shapes_and_spans() {
        let text = "The council met Kōno in 2019 about 5G.";
        let toks = tokenize(text);
        let kono = toks.iter().find(|t| t.norm == "kono").unwrap();
        assert_eq!(kono.shape, Shape::Name);
        assert_eq!(&text[kono.span.clone()], "Kōno");
        let year = toks.iter().find(|t| t.norm == "2019").unwrap();
        assert_eq!(year.shape, Shape::Number);
        assert_eq!(toks.iter().find(|t| t.norm == "5g").unwrap().shape, Shape::Name);
        assert!(toks.iter().find(|t| t.norm == "the").unwrap().stop);
    }

    #[test]
    fn a_capitalised_first_word_is_a_name_unless_english() {
        let first = |text: &str| tokenize(text).remove(0).shape;
        // "-ing" words that are no verb form are names; verb forms are not.
        assert_eq!(first("Beijing hosted the games."), Shape::Name);
        assert_eq!(first("Kipling wrote it."), Shape::Name);
        assert_eq!(first("Building started in 2019."), Shape::Word);
        assert_eq!(first("Reading is fun."), Shape::Word);
        // The first person is never a name.
        let toks = tokenize("Then I'm sure and I've said so.");
        assert!(toks.iter().all(|t| t.shape == Shape::Word), "{toks:?}");
    }

    #[test]
    fn lazy_tokens_match_tokenize() {
        let text = "Kōno's 5G plan, met in 2019 — the U.S. said \"no\".";
        assert_eq!(tokens(text).collect::<Vec<_>>(), tokenize(text));
        assert_eq!(tokens(text).take(2).count(), 2);
    }

    #[test]
    fn long_trailing_whitespace_is_not_rescanned_at_every_mark() {
        // Every "a." used to trim the whole rest, trailing spaces included.
        let text = format!("{}{}", "a. ".repeat(50_000), " ".repeat(200_000));
        assert_eq!(split_sentences(&text).len(), 1);
    }

    #[test]
    fn invisible_characters_do_not_hide_sentence_ends_or_words() {
        assert_eq!(
            sentences("It was built in 1889.\u{202E} Mount\u{2067} Everest is high.\u{2069}\u{200D}"),
            vec![
                "It was built in 1889.\u{202E}",
                "Mount\u{2067} Everest is high.\u{2069}\u{200D}"
            ]
        );
        assert_eq!(fold("Mount\u{2067}"), "mount");
        assert_eq!(fold("\u{FEFF}Ka\u{200D}no"), "kano");
    }

    #[test]
    fn sentences_in_scripts_without_case_start_after_a_period() {
        assert_eq!(
            sentences("Tokyo Tower opened in 1958. 東京タワーは1958年に完成した。 Then it rained."),
            vec![
                "Tokyo Tower opened in 1958.",
                "東京タワーは1958年に完成した。 Then it rained."
            ]
        );
        assert_eq!(
            sentences("It was 5 p.m. and late."),
            vec!["It was 5 p.m. and late."]
        );
        assert_eq!(sentences("Tel Aviv. שלום עולם."), vec!["Tel Aviv.", "שלום עולם."]);
    }

    #[test]
    fn number_values_parse() {
        assert_eq!(number_value("1,000"), Some(1000.0));
        assert_eq!(number_value("3.5"), Some(3.5));
        assert_eq!(number_value("abc"), None);
        assert_eq!(number_value("1960s"), Some(1960.0));
        assert_eq!(spelled_number("eighteen"), Some(18.0));
    }
}
