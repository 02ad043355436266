//! The claim model and the claims CSV (`id,text` plus optional
//! `article,line,column,score,sentence,subject`; other columns such as
//! `label` are kept aside for `eval`).

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use serde::Serialize;

use crate::csv_input::CsvTable;
use crate::error::{Error, Result};

/// One factual claim, from an article or a claims CSV.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Claim {
    /// Stable id (`<article-stem>-<n>` when extracted).
    pub id: String,
    /// The article it came from (path as given), or empty.
    pub article: String,
    /// 1-based line in the article, 0 when unknown.
    pub line: usize,
    /// 1-based column (in characters) in the article, 0 when unknown.
    pub column: usize,
    /// The claim text, markup removed.
    pub text: String,
    /// Check-worthiness score in [0, 1].
    pub score: f64,
    /// The whole sentence the claim comes from, markup removed; empty when unknown.
    pub sentence: String,
    /// The resolved subject's words ("Titanic") when the claim's own subject
    /// is a pronoun, a description or missing; empty when none was resolved.
    pub subject: String,
    /// Character start and end of the claim inside `sentence` ((0, 0) when unknown).
    pub span: (usize, usize),
}

/// How a claim's text names its subject, when it needs one from context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubjectPhrase {
    /// A personal pronoun ("It", "he", "They"), replaced by the subject.
    Pronoun,
    /// A possessive ("Its", "their"), replaced by the subject's possessive.
    Possessive,
    /// A definite description ("The agency", "The two climbers"), replaced by the subject.
    Description,
    /// No subject: the text starts with its verb ("cost £4.65 billion").
    Missing,
}

/// Words that may open a clause before its subject ("Yet he ...", "But the agency ...").
const LEADING_CONNECTIVES: &[&str] = &[
    "and",
    "but",
    "finally",
    "however",
    "later",
    "meanwhile",
    "so",
    "still",
    "then",
    "yet",
];

/// Adverbs that may stand between a subject and its verb.
const ADVERBS: &[&str] = &[
    "already",
    "also",
    "always",
    "finally",
    "later",
    "never",
    "nevertheless",
    "now",
    "often",
    "once",
    "only",
    "soon",
    "still",
    "then",
];

/// True for an adverb: a listed one or a word in "-ly".
pub fn is_adverb_word(folded: &str) -> bool {
    is_adverb(folded)
}

fn is_adverb(folded: &str) -> bool {
    ADVERBS.contains(&folded) || (folded.len() > 4 && folded.ends_with("ly"))
}

/// True for a word (folded) that reads as a present participle ("setting",
/// "becoming"): longer than five letters, ending in "-ing".
pub fn is_participle(folded: &str) -> bool {
    folded.len() > 5 && folded.ends_with("ing")
}

/// True for a word that may open a clause before its subject ("yet", "but").
pub fn is_leading_connective(folded: &str) -> bool {
    LEADING_CONNECTIVES.contains(&folded)
}

/// Characters at the start of a claim read for its subject phrase.
const PHRASE_WINDOW_CHARS: usize = 200;

/// Words after "the" that a definite description may hold before its verb.
const MAX_DESCRIPTION_WORDS: usize = 3;

/// Verbs in the past tense that do not end in "-ed" (sorted: binary search).
const IRREGULAR_PAST: &[&str] = &[
    "became", "began", "bought", "brought", "built", "came", "caught", "chose", "cost", "did", "drew",
    "drove", "fell", "felt", "flew", "fought", "found", "gave", "got", "grew", "had", "held", "hit", "kept",
    "knew", "laid", "led", "left", "lost", "made", "meant", "met", "paid", "put", "ran", "rose", "said",
    "sank", "sat", "saw", "sent", "set", "shot", "shut", "sold", "spent", "split", "spoke", "stood",
    "struck", "swam", "taught", "thought", "threw", "told", "took", "went", "won", "wore", "wrote",
];

/// True for a word (folded) that reads as a finite verb: an auxiliary, a
/// factual verb, a past form in "-ed" or an irregular past.
pub fn is_finite_verb(folded: &str) -> bool {
    crate::lexicon::is_verb_like(folded) || IRREGULAR_PAST.binary_search(&folded).is_ok()
}

/// Finds how `text` names its subject when that needs context: the phrase
/// kind and its byte start and end in `text` (empty, at the start, for a
/// missing subject). A leading connective ("Yet he") stays before it.
pub fn subject_phrase(text: &str) -> Option<(SubjectPhrase, (usize, usize))> {
    // The first words are all that count: a huge first word is not read whole.
    let head = match text.char_indices().nth(PHRASE_WINDOW_CHARS) {
        Some((i, _)) => &text[..i],
        None => text,
    };
    let toks: Vec<crate::text::Token> = crate::text::tokens(head).take(PHRASE_TOKENS).collect();
    subject_phrase_of(text, &toks)
}

/// Tokens at the start of a claim read for its subject phrase.
const PHRASE_TOKENS: usize = MAX_DESCRIPTION_WORDS + 3;

/// [`subject_phrase`] of a text already tokenised (`toks` are its tokens,
/// or at least its first ones).
pub fn subject_phrase_of(text: &str, toks: &[crate::text::Token]) -> Option<(SubjectPhrase, (usize, usize))> {
    let mut toks: Vec<&crate::text::Token> = toks.iter().take(PHRASE_TOKENS).collect();
    // A leading connective ("Yet he never...") is kept before the subject.
    if toks.len() > 2 && LEADING_CONNECTIVES.contains(&toks[0].norm.as_str()) {
        toks.remove(0);
    }
    let first = toks.first()?;
    // Only the first word counts (a leading quote, bracket or connective does not).
    let before = &text[..first.span.start];
    if before.chars().any(char::is_alphanumeric)
        && !LEADING_CONNECTIVES.contains(&crate::text::fold(before.trim().trim_end_matches(',')).as_str())
    {
        return None;
    }
    match first.norm.as_str() {
        "it" | "he" | "she" | "they" => {
            return Some((SubjectPhrase::Pronoun, (first.span.start, first.span.end)))
        }
        "its" | "his" | "her" | "their" => {
            // "Her" and "their" must be followed by a noun, not end the text.
            return (toks.len() > 1)
                .then_some((SubjectPhrase::Possessive, (first.span.start, first.span.end)));
        }
        "the" => {
            let mut end = None;
            // Adverbs between the description and its verb ("The stage
            // nevertheless performed") end the description.
            let mut adverb_end = None;
            for (i, t) in toks.iter().enumerate().skip(1) {
                let after_count = i > 1 && crate::lexicon::is_count_word(&toks[i - 1].norm);
                // A verb in "-s" after a singular noun: "The bank sits".
                let present = t.norm.len() > 3
                    && t.norm.ends_with('s')
                    && !t.norm.ends_with("ss")
                    && !toks[i - 1].norm.ends_with('s');
                if i > 1 && !after_count && (is_finite_verb(&t.norm) || present) {
                    end = Some(adverb_end.unwrap_or(toks[i - 1].span.end));
                    break;
                }
                if i > 1 && is_adverb(&t.norm) {
                    adverb_end.get_or_insert(toks[i - 1].span.end);
                    continue;
                }
                if adverb_end.is_some()
                    || t.shape != crate::text::Shape::Word
                    || (t.stop && !crate::lexicon::is_count_word(&t.norm))
                {
                    return None;
                }
            }
            return end.map(|e| (SubjectPhrase::Description, (first.span.start, e)));
        }
        _ => {}
    }
    let starts_lower = text.trim_start().starts_with(|c: char| c.is_lowercase());
    // A participle opens a phrase about the sentence's subject ("becoming
    // the second woman to win it").
    (starts_lower
        && first.shape == crate::text::Shape::Word
        && (is_finite_verb(&first.norm) || is_participle(&first.norm)))
    .then_some((SubjectPhrase::Missing, (first.span.start, first.span.start)))
}

impl Claim {
    /// The text the verdict engine should judge: the claim with its pronoun
    /// or description replaced by the resolved subject ("It was built in
    /// Belfast" + "Titanic" -> "Titanic was built in Belfast"; "Its sign" ->
    /// "Titanic's sign"), or the subject put before a claim that has none.
    /// Unchanged when no subject was resolved.
    pub fn judged_text(&self) -> String {
        self.with_subject(|subject, _, kind| match kind {
            SubjectPhrase::Possessive => format!("{subject}'s"),
            SubjectPhrase::Missing => format!("{subject} "),
            SubjectPhrase::Pronoun | SubjectPhrase::Description => subject.to_string(),
        })
    }

    /// The text shown to an editor: the subject in brackets after the words
    /// it resolves ("It \[Titanic\] was built in Belfast", "\[Titanic\] cost £7.5
    /// million"). Unchanged when no subject was resolved.
    pub fn shown_text(&self) -> String {
        self.with_subject(|subject, phrase, kind| match kind {
            SubjectPhrase::Missing => format!("[{subject}] "),
            _ => format!("{phrase} [{subject}]"),
        })
    }

    fn with_subject(&self, replace: impl Fn(&str, &str, SubjectPhrase) -> String) -> String {
        let subject = self.subject.trim();
        if subject.is_empty() {
            return self.text.clone();
        }
        match subject_phrase(&self.text) {
            Some((kind, (start, end))) => {
                let phrase = &self.text[start..end];
                format!(
                    "{}{}{}",
                    &self.text[..start],
                    replace(subject, phrase, kind),
                    &self.text[end..]
                )
            }
            None => self.text.clone(),
        }
    }
}

/// Reads a claims CSV. Ids must be unique and texts non-empty.
pub fn read_claims(path: &Path) -> Result<Vec<Claim>> {
    claims_of(CsvTable::read(path, &["id", "text"])?)
}

/// Parses the text of a claims CSV; `path` names it in errors and is the
/// default `article` of its claims.
///
/// # Example
///
/// ```
/// use std::path::Path;
/// let claims = factcheck::input::claim::parse_claims(Path::new("c.csv"), "id,text\nc1,The sky is blue.\n").unwrap();
/// assert_eq!(claims[0].article, "c.csv");
/// ```
pub fn parse_claims(path: &Path, text: &str) -> Result<Vec<Claim>> {
    claims_of(CsvTable::parse(path, text, &["id", "text"])?)
}

fn claims_of(table: CsvTable) -> Result<Vec<Claim>> {
    let path = table.path.as_path();
    let mut seen: BTreeMap<String, u64> = BTreeMap::new();
    let mut claims = Vec::with_capacity(table.rows.len());
    for (line, record) in &table.rows {
        let id = table.get(record, "id");
        let text = table.get(record, "text");
        if id.is_empty() {
            return Err(Error::invalid(path, *line, "empty `id`"));
        }
        if text.is_empty() {
            return Err(Error::invalid(
                path,
                *line,
                format!("empty `text` for claim `{id}`"),
            ));
        }
        if let Some(first) = seen.insert(id.to_string(), *line) {
            return Err(Error::invalid(
                path,
                *line,
                format!("duplicate id `{id}` (first on line {first})"),
            ));
        }
        let number = |col: &str| -> Result<usize> {
            let cell = table.get(record, col);
            if cell.is_empty() {
                return Ok(0);
            }
            cell.parse()
                .map_err(|_| Error::invalid(path, *line, format!("`{col}` is not a whole number: `{cell}`")))
        };
        let score = match table.get(record, "score") {
            "" => 1.0,
            s => s
                .parse::<f64>()
                .ok()
                .filter(|v| (0.0..=1.0).contains(v))
                .ok_or_else(|| {
                    Error::invalid(path, *line, format!("`score` must be a number in [0, 1]: `{s}`"))
                })?,
        };
        let article = match table.get(record, "article") {
            "" => path.display().to_string(),
            a => a.to_string(),
        };
        let sentence = table.get(record, "sentence").to_string();
        let span = span_in(&sentence, text);
        claims.push(Claim {
            id: id.to_string(),
            article,
            line: number("line")?,
            column: number("column")?,
            text: text.to_string(),
            score,
            sentence,
            subject: table.get(record, "subject").to_string(),
            span,
        });
    }
    Ok(claims)
}

/// Character start and end of `text` inside `sentence`, (0, 0) when it is not there.
pub fn span_in(sentence: &str, text: &str) -> (usize, usize) {
    // A clause split off a sentence may have had its first letter capitalised.
    let mut chars = text.chars();
    let uncapitalised: String = chars
        .next()
        .map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect());
    match sentence.find(text).or_else(|| sentence.find(&uncapitalised)) {
        Some(at) if !text.is_empty() => {
            let start = sentence[..at].chars().count();
            (start, start + text.chars().count())
        }
        _ => (0, 0),
    }
}

/// Reads the `label` column of a labelled claims CSV: id -> label.
pub fn read_labels(path: &Path) -> Result<BTreeMap<String, String>> {
    let table = CsvTable::read(path, &["id", "text", "label"])?;
    let allowed: HashSet<&str> = ["supported", "contradicted", "unsupported"].into();
    let mut labels = BTreeMap::new();
    for (line, record) in &table.rows {
        let label = table.get(record, "label").to_ascii_lowercase();
        if !allowed.contains(label.as_str()) {
            return Err(Error::invalid(
                path,
                *line,
                format!("unknown label `{label}` (expected supported, contradicted or unsupported)"),
            ));
        }
        labels.insert(table.get(record, "id").to_string(), label);
    }
    Ok(labels)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn write(content: &str) -> tempfile::NamedTempFile {
        let mut f = tempfile::Builder::new().suffix(".csv").tempfile().unwrap();
        f.write_all(content.as_bytes()).unwrap();
        f
    }

    #[test]
    fn reads_optional_columns() {
        let f =
            write("id,text,line,column,label\nc1,The sky is blue.,3,5,supported\nc2,Grass is green.,,,x\n");
        let claims = read_claims(f.path()).unwrap();
        assert_eq!(claims.len(), 2);
        assert_eq!((claims[0].line, claims[0].column), (3, 5));
        assert_eq!((claims[1].line, claims[1].column), (0, 0));
    }

    #[test]
    fn rejects_duplicates_and_bad_numbers() {
        let f = write("id,text\nc1,a\nc1,b\n");
        let msg = read_claims(f.path()).unwrap_err().to_string();
        assert!(msg.ends_with(":3: duplicate id `c1` (first on line 2)"), "{msg}");
        let f = write("id,text,line\nc1,a,x\n");
        assert!(read_claims(f.path())
            .unwrap_err()
            .to_string()
            .contains("`line` is not a whole number"));
    }

    #[test]
    fn parse_claims_reads_text_like_read_claims() {
        let text = "id,text\nc1,The sky is blue.\n";
        let f = write(text);
        assert_eq!(
            parse_claims(f.path(), text).unwrap(),
            read_claims(f.path()).unwrap()
        );
        assert_eq!(
            parse_claims(Path::new("c.csv"), "id,text\nc1,\n")
                .unwrap_err()
                .to_string(),
            "c.csv:2: empty `text` for claim `c1`"
        );
    }

    #[test]
    fn labels_are_validated() {
        let f = write("id,text,label\nc1,a,Supported\nc2,b,maybe\n");
        let msg = read_labels(f.path()).unwrap_err().to_string();
        assert!(msg.contains(":3: unknown label `maybe`"), "{msg}");
    }

    fn with_subject(text: &str, subject: &str) -> Claim {
        Claim {
            text: text.into(),
            subject: subject.into(),
            ..Claim::default()
        }
    }

    #[test]
    fn judged_text_puts_the_subject_in_place_of_its_stand_in() {
        assert_eq!(
            with_subject("It was built in Belfast", "Titanic").judged_text(),
            "Titanic was built in Belfast"
        );
        assert_eq!(
            with_subject("Its sign is a bird", "Titanic").judged_text(),
            "Titanic's sign is a bird"
        );
        assert_eq!(
            with_subject("The agency hoped to fly in 2020", "ESA").judged_text(),
            "ESA hoped to fly in 2020"
        );
        assert_eq!(
            with_subject("The two climbers stayed an hour", "Hillary and Tenzing").judged_text(),
            "Hillary and Tenzing stayed an hour"
        );
        assert_eq!(
            with_subject("cost £4 million", "The bridge").judged_text(),
            "The bridge cost £4 million"
        );
        assert_eq!(
            with_subject("Yet he never came back", "Fleming").judged_text(),
            "Yet Fleming never came back"
        );
        assert_eq!(
            with_subject("It was built in Belfast", "").judged_text(),
            "It was built in Belfast"
        );
        assert_eq!(
            with_subject("It was built in Belfast", "Titanic").shown_text(),
            "It [Titanic] was built in Belfast"
        );
        assert_eq!(
            with_subject("cost £4 million", "The bridge").shown_text(),
            "[The bridge] cost £4 million"
        );
    }

    #[test]
    fn sentence_and_subject_columns_are_read() {
        let f = write(
            "id,text,sentence,subject\nc1,It was built in 1909.,\"Big, it was built in 1909.\",Titanic\n",
        );
        let c = &read_claims(f.path()).unwrap()[0];
        assert_eq!(c.subject, "Titanic");
        assert_eq!(c.span, (5, 26));
        assert_eq!(c.judged_text(), "Titanic was built in 1909.");
    }

    #[test]
    fn irregular_past_is_sorted_for_binary_search() {
        let mut sorted = IRREGULAR_PAST.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, IRREGULAR_PAST);
        assert!(is_finite_verb("cost") && is_finite_verb("won") && !is_finite_verb("bridge"));
    }
}
