//! Claim detection: article blocks -> sentences -> atomic clauses -> claims
//! that are worth checking.
//!
//! Check-worthiness is scored from cues (names, numbers, dates and factual
//! verbs for; questions, imperatives, hedges, opinion words, first or second
//! person and rhetoric against). Boilerplate (comment forms, bylines,
//! footers) is skipped in any script: by known phrases, and by leaving out
//! blocks written mostly in a script other than the article's own.

use crate::article::Article;
use crate::claim::{self, Claim};
use crate::lexicon;
use crate::text::{self, Shape};

/// Default threshold of check-worthiness.
pub const DEFAULT_MIN_SCORE: f64 = 0.5;

/// Extracts the claims of an article whose score reaches `min_score`.
///
/// Ids number every clause of the article's text, kept or not, so a claim
/// keeps its id whatever the threshold (`check` and `compare` use different
/// ones, and baselines and ignores name claims by id).
///
/// Each claim carries its whole sentence and its span in it, and, when its
/// subject is a pronoun, a definite description or missing, the subject
/// resolved from the article so far (see `Context`).
pub fn extract(article: &Article, min_score: f64) -> Vec<Claim> {
    let main_script = dominant_script(article.blocks.iter().map(|b| b.text.as_str()));
    let topic = topic_of(article);
    let mut context = Context::default();
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
            let sentence_raw = &block.text[sentence.clone()];
            // A "sentence" too long to be one (no stops for pages) is not
            // copied into each of its claims: that would be quadratic.
            let long = sentence_raw.len() > MAX_SENTENCE_BYTES;
            let sentence_text = if long {
                String::new()
            } else {
                collapse(sentence_raw)
            };
            let cased = is_cased(sentence_raw);
            // The subject of the previous clause of this sentence, for a
            // clause that has none of its own.
            let mut left_subject: Option<String> = None;
            let mut first_clause = true;
            for clause in clauses_of(&block.text, sentence.clone()) {
                let raw = &block.text[clause.range.clone()];
                let clause_text = match &clause.composed {
                    Some(t) => clean(t, true),
                    None => clean(raw, !clause.missing_subject),
                };
                // A clause without a word (";", "—") is no claim, even at
                // --min-score 0 (found by fuzzing: it became an empty claim).
                // Tokenised once; the window bounds what entities and
                // shared subjects read of a very long clause.
                let toks = text::tokenize(&clause_text);
                if toks.is_empty() {
                    continue;
                }
                let head = entity_window(&toks);
                let phrase = claim::subject_phrase_of(&clause_text, &toks);
                let subject =
                    context.subject_of(&clause_text, phrase, topic.as_deref(), left_subject.clone());
                let own_subject = match phrase {
                    None => subject_words(&clause_text, head),
                    Some((claim::SubjectPhrase::Description, (start, end))) => {
                        Some(clause_text[start..end].to_string())
                    }
                    Some(_) => None,
                };
                left_subject = subject.clone().or(own_subject);
                let score = score_clause(&clause_text, &toks, cased);
                context.observe(
                    &clause_text,
                    head,
                    cased,
                    subject.as_deref(),
                    phrase.map(|p| p.0),
                    !first_clause,
                );
                first_clause = false;
                number += 1;
                if score < min_score {
                    continue;
                }
                let (line, column) = article.line_col(block.source_offset(clause.range.start));
                let (sentence_text, span) = if long {
                    (String::new(), (0, 0))
                } else {
                    let span = span_of(
                        &sentence_text,
                        sentence_raw,
                        clause.range.start - sentence.start,
                        &clause_text,
                        &clause,
                    );
                    (sentence_text.clone(), span)
                };
                claims.push(Claim {
                    id: format!("{}-{}", article.stem, number),
                    article: article.name.clone(),
                    line,
                    column,
                    text: clause_text,
                    score: (score * 100.0).round() / 100.0,
                    sentence: sentence_text,
                    subject: subject.unwrap_or_default(),
                    span,
                });
            }
        }
    }
    claims
}

/// Resolves the subjects of claims read from a claims CSV whose rows come
/// from one text: rows that give their place in the article (`line` > 0)
/// are read in that order, per article, the way [`extract`] reads the
/// article's own clauses, so "The bank sits in Frankfurt" after a row naming
/// the European Central Bank is judged about that bank. A row's own
/// `subject` is kept; rows without a place are independent and left alone.
pub fn resolve_subjects(mut claims: Vec<Claim>) -> Vec<Claim> {
    let mut order: Vec<usize> = (0..claims.len()).filter(|&i| claims[i].line > 0).collect();
    // Stable: rows at one place keep their order in the file.
    order.sort_by(|&a, &b| {
        let (x, y) = (&claims[a], &claims[b]);
        (&x.article, x.line, x.column).cmp(&(&y.article, y.line, y.column))
    });
    let mut context = Context::default();
    let mut article: Option<String> = None;
    for i in order {
        let claim = &mut claims[i];
        if article.as_deref() != Some(claim.article.as_str()) {
            context = Context::default();
            article = Some(claim.article.clone());
        }
        let toks = text::tokenize(&claim.text);
        let phrase = claim::subject_phrase_of(&claim.text, &toks);
        let resolved = match claim.subject.as_str() {
            "" => context.subject_of(&claim.text, phrase, None, None),
            given => Some(given.to_string()),
        };
        let cased = is_cased(&claim.text);
        context.observe(
            &claim.text,
            entity_window(&toks),
            cased,
            resolved.as_deref(),
            phrase.map(|p| p.0),
            false,
        );
        if claim.subject.is_empty() {
            claim.subject = resolved.unwrap_or_default();
        }
    }
    claims
}

/// Bytes above which a sentence is not copied into its claims (their
/// `sentence` is then empty, as unknown).
const MAX_SENTENCE_BYTES: usize = 4096;

/// Whitespace collapsed to single spaces.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True when a text writes names with capitals: it has both upper- and
/// lower-case letters. Lower-case text (model summaries) and all-caps text
/// are not cased.
fn is_cased(text: &str) -> bool {
    let mut letters = text.chars().filter(|c| c.is_alphabetic());
    let (mut upper, mut lower) = (false, false);
    for c in letters.by_ref() {
        upper |= c.is_uppercase();
        lower |= c.is_lowercase();
        if upper && lower {
            return true;
        }
    }
    false
}

/// Character span of a claim in its collapsed sentence: from where its
/// clause starts to where the clause ends (a peeled fact spans its wrapper).
fn span_of(
    collapsed: &str,
    sentence: &str,
    clause_start: usize,
    text: &str,
    clause: &Clause,
) -> (usize, usize) {
    let before = collapse(&sentence[..clause_start]);
    // The clause's words start after the collapsed prefix (and its space).
    let from = before.len().min(collapsed.len());
    let start_byte = collapsed
        .get(from..)
        .and_then(|rest| {
            let first: String = text.chars().skip(1).take(20).collect();
            rest.find(&first)
                .map(|j| from + j.saturating_sub(text.chars().next().map_or(0, char::len_utf8)))
        })
        .unwrap_or(from);
    let start = collapsed.get(..start_byte).map_or(0, |p| p.chars().count());
    let end = match &clause.composed {
        Some(_) => {
            let to = clause.range.end - clause.range.start + clause_start;
            collapse(sentence.get(..to).unwrap_or(sentence)).chars().count()
        }
        None => start + text.chars().count(),
    };
    (start, end.min(collapsed.chars().count()).max(start))
}

/// The words of a clause's own subject, lent to a next clause that has
/// none: the noun phrase before its last verb group, back to the clause's
/// start or to "that", "which", "who" or a comma ("Supplies were so scarce
/// that the team recovered" -> "the team").
fn subject_words(text: &str, toks: &[text::Token]) -> Option<String> {
    // A capitalised "May" or "Will" is a name, not a verb.
    let finite = |t: &text::Token| t.shape != text::Shape::Name && claim::is_finite_verb(&t.norm);
    let mut verb = toks.iter().rposition(finite)?;
    while verb > 0 && finite(&toks[verb - 1]) {
        verb -= 1;
    }
    let mut start = verb;
    while start > 0 {
        let t = &toks[start - 1];
        let comma = text[t.span.end..toks[start].span.start].contains(',');
        if comma
            || matches!(t.norm.as_str(), "that" | "which" | "who" | "when" | "where")
            || lexicon::is_personal(&t.norm)
        {
            break;
        }
        start -= 1;
    }
    if start == verb || verb - start > MAX_SUBJECT_WORDS {
        return None;
    }
    Some(text[toks[start].span.start..toks[verb - 1].span.end].to_string())
}

/// Words a clause's own subject may have to be lent to the next clause.
const MAX_SUBJECT_WORDS: usize = 8;

/// What a referent is, as far as capitals and a few head words tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A person's name ("Alexander Fleming").
    Person,
    /// Two names joined by "and" ("Hillary and Tenzing").
    Pair,
    /// An organisation (an acronym or a name with "Agency", "Bank"...).
    Organisation,
    /// Anything else named (a rocket, a ship, a place).
    Thing,
}

/// A named entity the article has mentioned.
#[derive(Debug, Clone, PartialEq)]
struct Referent {
    words: String,
    kind: Kind,
}

/// Words that make a name an organisation's.
const ORGANISATION_WORDS: &[&str] = &[
    "academy",
    "agency",
    "association",
    "authority",
    "bank",
    "board",
    "bureau",
    "club",
    "college",
    "commission",
    "committee",
    "company",
    "corporation",
    "council",
    "court",
    "department",
    "federation",
    "foundation",
    "fund",
    "government",
    "group",
    "hospital",
    "infirmary",
    "institute",
    "institution",
    "laboratory",
    "league",
    "ministry",
    "organisation",
    "organization",
    "parliament",
    "party",
    "school",
    "service",
    "society",
    "trust",
    "union",
    "university",
];

/// Words that make a capitalised name a place's or a thing's, not a person's.
const PLACE_WORDS: &[&str] = &[
    "airport",
    "bay",
    "bridge",
    "cape",
    "castle",
    "cathedral",
    "centre",
    "church",
    "city",
    "clinic",
    "col",
    "county",
    "east",
    "face",
    "fort",
    "gulf",
    "island",
    "islands",
    "kingdom",
    "lake",
    "market",
    "mount",
    "mountain",
    "museum",
    "new",
    "north",
    "ocean",
    "palace",
    "park",
    "port",
    "republic",
    "ridge",
    "river",
    "road",
    "saint",
    "sea",
    "south",
    "square",
    "station",
    "states",
    "street",
    "tower",
    "united",
    "valley",
    "west",
];

/// Heads of definite descriptions that stand for a person.
const PERSON_HEADS: &[&str] = &[
    "actor",
    "author",
    "biochemist",
    "captain",
    "chemist",
    "climber",
    "constable",
    "director",
    "doctor",
    "engineer",
    "explorer",
    "leader",
    "man",
    "minister",
    "officer",
    "patient",
    "physician",
    "pilot",
    "player",
    "president",
    "researcher",
    "scientist",
    "singer",
    "striker",
    "surgeon",
    "surveyor",
    "woman",
    "writer",
];

/// The running state of subject resolution: the entities seen so far, by
/// kind, and the subject of the last clause. Updating and looking up cost
/// a bounded amount per clause, so extraction stays linear.
#[derive(Debug, Default)]
struct Context {
    last_person: Option<Referent>,
    last_pair: Option<Referent>,
    last_organisation: Option<Referent>,
    last_thing: Option<Referent>,
    /// The person named before `last_person`, for "the pair" and "they".
    person_before: Option<Referent>,
    /// The subject of the previous clause, when it is a named entity.
    previous_subject: Option<Referent>,
    /// Folded head word -> the latest entity it ends ("bank" -> "European Central Bank").
    by_word: std::collections::HashMap<String, Referent>,
    /// Folded last words of the people named so far ("fleming").
    surnames: std::collections::HashSet<String>,
}

impl Context {
    /// The last pair named, else the last two people named ("Florey took
    /// Chain with him ... the pair").
    fn pair(&self) -> Option<Referent> {
        self.last_pair.clone().or_else(|| {
            let (a, b) = (self.person_before.as_ref()?, self.last_person.as_ref()?);
            Some(Referent {
                words: format!("{} and {}", a.words, b.words),
                kind: Kind::Pair,
            })
        })
    }

    /// The subject of a clause by its subject phrase (`phrase`, from
    /// [`claim::subject_phrase_of`]): what its pronoun or description stands
    /// for, or `left` (the subject of the clause before it in its sentence)
    /// when its subject is missing.
    fn subject_of(
        &self,
        text: &str,
        phrase: Option<(claim::SubjectPhrase, (usize, usize))>,
        topic: Option<&str>,
        left: Option<String>,
    ) -> Option<String> {
        match phrase {
            Some((claim::SubjectPhrase::Missing, _)) => left,
            Some((kind, (_, end))) => self.resolve(text, kind, end, topic),
            None => None,
        }
    }

    /// The subject a clause's pronoun or description stands for.
    fn resolve(
        &self,
        text: &str,
        kind: claim::SubjectPhrase,
        end: usize,
        topic: Option<&str>,
    ) -> Option<String> {
        use claim::SubjectPhrase::*;
        let toks: Vec<text::Token> = text::tokens(&text[..end])
            .skip_while(|t| claim::is_leading_connective(&t.norm))
            .collect();
        let first = toks.first()?.norm.clone();
        let person = || self.last_person.clone();
        let found = match (kind, first.as_str()) {
            (Pronoun | Possessive, "he" | "she" | "his" | "her") => match &self.previous_subject {
                Some(r) if r.kind == Kind::Person => Some(r.clone()),
                _ => person(),
            },
            (Pronoun | Possessive, "they" | "their") => match &self.previous_subject {
                Some(r) if matches!(r.kind, Kind::Pair | Kind::Organisation) => Some(r.clone()),
                _ => self.pair(),
            },
            (Pronoun | Possessive, _) => match &self.previous_subject {
                Some(r) if matches!(r.kind, Kind::Thing | Kind::Organisation) => Some(r.clone()),
                _ => None,
            },
            (Description, _) => {
                let head = toks.last()?.norm.clone();
                let singular = head
                    .strip_suffix('s')
                    .filter(|h| h.len() > 2)
                    .unwrap_or(&head)
                    .to_string();
                // "The first patient", "the largest bank": a description that
                // ranks introduces its referent rather than pointing back.
                if toks.iter().any(|t| is_ranking(&t.norm)) {
                    return None;
                }
                let plural = head != singular
                    || toks.iter().any(|t| {
                        text::spelled_number(&t.norm).is_some() || t.norm == "pair" || t.norm == "both"
                    });
                if let Some(r) = self.by_word.get(&singular).or_else(|| self.by_word.get(&head)) {
                    Some(r.clone())
                } else if plural && (PERSON_HEADS.contains(&singular.as_str()) || head == "pair") {
                    self.pair()
                } else if PERSON_HEADS.contains(&singular.as_str()) {
                    person()
                } else if ORGANISATION_WORDS.contains(&singular.as_str()) {
                    self.last_organisation.clone()
                } else {
                    return None;
                }
            }
            (Missing, _) => None,
        };
        match found {
            Some(r) => Some(r.words),
            // A pronoun with nothing to stand for in the text before it
            // stands for the article's topic.
            None if matches!(kind, Pronoun | Possessive) && matches!(first.as_str(), "it" | "its") => {
                topic.map(str::to_string)
            }
            None => None,
        }
    }

    /// Records the entities of a clause and its subject.
    ///
    /// A clause without a named subject keeps the previous one when it
    /// continues the same sentence (`continues`), and clears it otherwise.
    fn observe(
        &mut self,
        text: &str,
        toks: &[text::Token],
        cased: bool,
        resolved: Option<&str>,
        phrase: Option<claim::SubjectPhrase>,
        continues: bool,
    ) {
        let verb = toks
            .iter()
            .position(|t| claim::is_finite_verb(&t.norm))
            .unwrap_or(toks.len());
        let mut subject = None;
        if cased {
            for (start, end, referent) in entities(text, toks, &self.surnames) {
                if referent.kind == Kind::Person {
                    if let Some(last) = referent.words.split_whitespace().last() {
                        self.surnames.insert(text::fold(last));
                    }
                }
                // A name is found by its head, its last word ("the bank" ->
                // "European Central Bank", not "the partnership" -> "Digital
                // Partnership Council"); a pair is found by "the pair".
                if referent.kind != Kind::Pair {
                    if let Some(w) = referent.words.split_whitespace().last().map(text::fold) {
                        if !lexicon::is_stop_word(&w) {
                            self.by_word.insert(w, referent.clone());
                        }
                    }
                }
                if referent.kind == Kind::Person
                    && self.last_person.as_ref().is_some_and(|p| {
                        !p.words.contains(&referent.words) && !referent.words.contains(&p.words)
                    })
                {
                    self.person_before = self.last_person.clone();
                }
                let slot = match referent.kind {
                    Kind::Person => &mut self.last_person,
                    Kind::Pair => &mut self.last_pair,
                    Kind::Organisation => &mut self.last_organisation,
                    Kind::Thing => &mut self.last_thing,
                };
                *slot = Some(referent.clone());
                // The subject is a name before the verb that opens the
                // clause ("The European Central Bank was", "ESA's director")
                // or follows a comma ("In 1928, Alexander Fleming came").
                let opens = start == 0
                    || (start == 1 && matches!(toks[0].norm.as_str(), "the" | "a" | "an"))
                    || (start > 0 && text[toks[start - 1].span.end..toks[start].span.start].contains(','));
                if opens && end <= verb {
                    subject = Some(referent);
                }
            }
        }
        self.previous_subject = match (resolved, phrase) {
            (Some(words), Some(_)) => Some(Referent {
                words: words.to_string(),
                kind: self.previous_kind_of(words).unwrap_or(Kind::Thing),
            }),
            _ if subject.is_none() && continues => self.previous_subject.take(),
            _ => subject,
        };
    }

    /// The kind of a referent seen before, by its words.
    fn previous_kind_of(&self, words: &str) -> Option<Kind> {
        [
            &self.last_pair,
            &self.last_person,
            &self.last_organisation,
            &self.last_thing,
            &self.previous_subject,
        ]
        .into_iter()
        .flatten()
        .find(|r| r.words == words)
        .map(|r| r.kind)
    }
}

/// True for an ordinal or a superlative ("first", "third", "largest", "most").
fn is_ranking(folded: &str) -> bool {
    (lexicon::is_count_word(folded) && text::spelled_number(folded).is_none())
        || matches!(folded, "last" | "most" | "least" | "next" | "final")
        || (folded.len() > 5 && folded.ends_with("est") && !folded.ends_with("uest"))
}

/// Bytes of a clause looked at for entities (a longer clause is cut).
const ENTITY_WINDOW: usize = 4096;

/// The tokens of a clause read for its entities and subject: those within
/// [`ENTITY_WINDOW`] bytes, at most [`MAX_CLAUSE_TOKENS`].
fn entity_window(toks: &[text::Token]) -> &[text::Token] {
    &toks[..toks
        .partition_point(|t| t.span.end <= ENTITY_WINDOW)
        .min(MAX_CLAUSE_TOKENS)]
}

/// Tokens of a clause looked at for entities (a longer clause is cut).
const MAX_CLAUSE_TOKENS: usize = 200;

/// The named entities of a clause: runs of capitalised words (with a number
/// after them, "Ariane 6"), as token index ranges, with their kind; two
/// people joined by "and" also give a pair.
fn entities(
    text: &str,
    toks: &[text::Token],
    surnames: &std::collections::HashSet<String>,
) -> Vec<(usize, usize, Referent)> {
    let mut out: Vec<(usize, usize, Referent)> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let is_name = |t: &text::Token| t.shape == Shape::Name && !lexicon::is_month(&t.norm);
        // A capitalised first word before a name is part of it ("George
        // Mallory"): the tokenizer cannot tell it from a sentence's capital.
        let first_of_name = i == 0
            && toks.len() > 1
            && !toks[0].stop
            && !lexicon::is_imperative(&toks[0].norm)
            && !lexicon::is_hedge(&toks[0].norm)
            && !claim::is_finite_verb(&toks[0].norm)
            && text[toks[0].span.clone()].starts_with(char::is_uppercase)
            && is_name(&toks[1])
            && text[toks[0].span.end..toks[1].span.start] == *" ";
        if !is_name(&toks[i]) && !first_of_name {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < toks.len() {
            let gap = &text[toks[end - 1].span.end..toks[end].span.start];
            let joined = gap.chars().all(|c| c == ' ' || c == '-');
            if joined && (is_name(&toks[end]) || (toks[end].shape == Shape::Number && end == start + 1)) {
                end += 1;
            } else {
                break;
            }
        }
        let words = text[toks[start].span.start..toks[end - 1].span.end].to_string();
        let folded: Vec<&str> = toks[start..end].iter().map(|t| t.norm.as_str()).collect();
        let titled = start > 0 && lexicon::is_person_title(&toks[start - 1].norm);
        let acronym = end - start == 1 && {
            let w = &text[toks[start].span.clone()];
            w.chars().filter(|c| c.is_uppercase()).count() >= 2 && !w.chars().any(char::is_lowercase)
        };
        let kind = if folded.iter().any(|w| ORGANISATION_WORDS.contains(w)) || acronym {
            Kind::Organisation
        } else if titled
            || (end - start >= 2
                && end - start <= 3
                && !folded.iter().any(|w| PLACE_WORDS.contains(w))
                && toks[start..end].iter().all(|t| {
                    let w = &text[t.span.clone()];
                    w.chars().skip(1).all(char::is_lowercase)
                }))
            || (end - start == 1 && surnames.contains(folded[0]))
        {
            Kind::Person
        } else {
            Kind::Thing
        };
        // "A and B": two people (or two names of one kind) make a pair.
        if let Some((pstart, pend, prev)) = out.last() {
            let between = &text[toks[*pend - 1].span.end..toks[start].span.start];
            if between.trim() == "and" && prev.kind == kind && kind == Kind::Person {
                let pair = Referent {
                    words: format!("{} and {}", prev.words, words),
                    kind: Kind::Pair,
                };
                let pstart = *pstart;
                out.push((start, end, Referent { words, kind }));
                out.push((pstart, end, pair));
                i = end;
                continue;
            }
        }
        out.push((start, end, Referent { words, kind }));
        i = end;
    }
    out
}

/// The article's topic, from its title: the title's content word (with a
/// number after it, "Ariane 6") that the body uses most often.
fn topic_of(article: &Article) -> Option<String> {
    let title = article.blocks.iter().find(|b| b.heading)?;
    let title_toks = text::tokenize(&title.text);
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for t in &title_toks {
        if !lexicon::is_stop_word(&t.norm) && t.shape != Shape::Number {
            counts.insert(t.norm.as_str(), 0);
        }
    }
    for block in article.blocks.iter().filter(|b| !b.heading) {
        for t in text::tokens(&block.text) {
            if let Some(n) = counts.get_mut(t.norm.as_str()) {
                *n += if t.shape == Shape::Name {
                    TOPIC_NAME_WEIGHT
                } else {
                    1
                };
            }
        }
    }
    let (_, i) = title_toks
        .iter()
        .enumerate()
        .filter_map(|(i, t)| counts.get(t.norm.as_str()).map(|&n| (n, i)))
        .filter(|&(n, _)| n >= MIN_TOPIC_MENTIONS)
        .max_by_key(|&(n, i)| (n, usize::MAX - i))?;
    let t = &title_toks[i];
    let end = match title_toks.get(i + 1) {
        Some(next)
            if next.shape == Shape::Number && title.text[t.span.end..next.span.start].trim().is_empty() =>
        {
            next.span.end
        }
        _ => t.span.end,
    };
    let words = &title.text[t.span.start..end];
    let mut chars = words.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect())
}

/// A mention written as a name counts this many times for the topic.
const TOPIC_NAME_WEIGHT: usize = 3;

/// Mentions in the body a title word needs to be the article's topic.
const MIN_TOPIC_MENTIONS: usize = 3;

/// Collapses whitespace, strips a leading or trailing connector or dash,
/// and capitalises a clause split off a longer sentence when `capitalise`
/// (not one whose subject is missing: "cost £4.65 billion").
fn clean(text: &str, capitalise: bool) -> String {
    let collapsed = collapse(text);
    let trimmed = collapsed.trim_matches(|c: char| {
        c == '—' || c == '–' || c == '-' || c == ',' || c == ';' || c.is_whitespace()
    });
    let mut chars = trimmed.chars();
    match chars.next() {
        Some(first) if capitalise => first.to_uppercase().chain(chars).collect(),
        Some(_) => trimmed.to_string(),
        None => String::new(),
    }
}

/// One clause of a sentence.
#[derive(Debug, Clone, PartialEq)]
struct Clause {
    /// Byte range in the block's text (for a peeled fact, from its subject
    /// to the end of the fact).
    range: std::ops::Range<usize>,
    /// The clause shares the subject of the one before ("... in 1994 and
    /// cost £4.65 billion").
    missing_subject: bool,
    /// The text of a fact peeled from its opinion wrapper, when it is not
    /// one piece of the source ("X is a stroke of genius: a shorter path" ->
    /// "X is a shorter path").
    composed: Option<String>,
}

/// The clauses of a sentence: [`split_clauses`], then verb phrases joined
/// by "and" ([`split_verb_phrases`]), then an opinion wrapper peeled off a
/// fact ([`peel_opinion`]).
fn clauses_of(text: &str, sentence: std::ops::Range<usize>) -> Vec<Clause> {
    let mut out = Vec::new();
    for (range, participial) in split_clauses(text, sentence) {
        if let Some(clause) = peel_opinion(text, range.clone()) {
            out.push(clause);
            continue;
        }
        let mut parts: Vec<Clause> = split_verb_phrases(text, range)
            .into_iter()
            .flat_map(|c| split_appositive(text, c))
            .collect();
        // ", becoming the second woman to win it": the phrase says
        // something of the sentence's subject.
        if participial {
            if let Some(first) = parts.first_mut() {
                first.missing_subject = true;
            }
        }
        out.extend(parts);
    }
    out
}

/// Splits "X opened in 1994 and cost £4.65 billion" into "X opened in 1994"
/// and "cost £4.65 billion" (whose subject is X): at " and " followed by a
/// finite verb, when the part before has a verb of its own and each part
/// has at least [`MIN_VERB_PHRASE_WORDS`] words.
fn split_verb_phrases(text: &str, range: std::ops::Range<usize>) -> Vec<Clause> {
    let s = &text[range.clone()];
    let quotes: Vec<usize> = s.match_indices(['"', '“', '”']).map(|(i, _)| i).collect();
    let inside_quote = |i: usize| quotes.partition_point(|&q| q < i) % 2 == 1;
    let mut cuts = Vec::new();
    let mut left_start = 0;
    for (i, conn) in s.match_indices(" and ") {
        if inside_quote(i) {
            continue;
        }
        let left = &s[left_start..i];
        let right = &s[i + conn.len()..];
        let left_toks: Vec<text::Token> = text::tokens(window(left, CLAUSE_WINDOW)).take(40).collect();
        let right_toks: Vec<text::Token> = text::tokens(window(right, CLAUSE_WINDOW))
            .take(MIN_VERB_PHRASE_WORDS)
            .collect();
        let verb_first = right_toks.first().is_some_and(|t| {
            t.shape == Shape::Word
                && claim::is_finite_verb(&t.norm)
                && right.starts_with(|c: char| c.is_lowercase())
        });
        // The part before needs a verb with words after it: "was organised
        // and paid for by" is one passive verb, not two facts.
        let left_verb = left_toks
            .iter()
            .skip(1)
            .position(|t| claim::is_finite_verb(&t.norm))
            .is_some_and(|v| left_toks.len() >= v + 1 + 3);
        if verb_first
            && left_verb
            && left_toks.len() >= MIN_VERB_PHRASE_WORDS
            && right_toks.len() >= MIN_VERB_PHRASE_WORDS
        {
            cuts.push((i, i + conn.len()));
            left_start = i + conn.len();
        }
    }
    let mut out = Vec::new();
    let mut start = 0;
    for (end, next) in cuts {
        out.push(Clause {
            range: range.start + start..range.start + end,
            missing_subject: start > 0,
            composed: None,
        });
        start = next;
    }
    out.push(Clause {
        range: range.start + start..range.end,
        missing_subject: start > 0,
        composed: None,
    });
    out
}

/// Words each part of a verb-phrase split needs.
const MIN_VERB_PHRASE_WORDS: usize = 3;

/// Splits a name and its appositive into two claims, each judged alone:
/// "Hillary, a beekeeper from Australia, later built schools" -> "Hillary
/// was a beekeeper from Australia" and "Hillary later built schools";
/// "ESA's director general, Jan Wörner, hailed the launch" -> "Jan Wörner
/// was ESA's director general" and "Jan Wörner hailed the launch". The
/// name must be capitalised, the description short and without a verb, and
/// the text after it must go on with the verb.
fn split_appositive(text: &str, clause: Clause) -> Vec<Clause> {
    if clause.composed.is_some() {
        return vec![clause];
    }
    let range = clause.range.clone();
    let s = &text[range.clone()];
    let toks: Vec<text::Token> = text::tokens(window(s, CLAUSE_WINDOW))
        .take(MAX_APPOSITIVE_SCAN)
        .collect();
    let commas: Vec<usize> = s
        .match_indices(", ")
        .map(|(i, _)| i)
        .take_while(|&i| toks.last().is_some_and(|t| i < t.span.end))
        .collect();
    // Tokens wholly inside a byte range of `s`.
    let inside = |from: usize, to: usize| -> Vec<&text::Token> {
        toks.iter()
            .filter(|t| t.span.start >= from && t.span.end <= to)
            .collect()
    };
    let no_verb = |ts: &[&text::Token]| !ts.iter().any(|t| claim::is_finite_verb(&t.norm));
    // A name, or the capitalised word that opens the clause, unless an
    // adverb or a connective ("Hillary, a beekeeper"; not "Later, the ...").
    let name_like = |t: &text::Token| {
        t.shape == Shape::Name
            || (t.span.start == toks.first().map_or(usize::MAX, |f| f.span.start)
                && s[t.span.clone()].starts_with(char::is_uppercase)
                && !claim::is_adverb_word(&t.norm)
                && !claim::is_leading_connective(&t.norm)
                && !t.stop)
    };
    let is_name_run = |ts: &[&text::Token]| {
        !ts.is_empty()
            && ts.first().is_some_and(|t| name_like(t))
            && ts.last().is_some_and(|t| name_like(t))
            && ts.iter().all(|t| name_like(t) || t.norm == "and")
    };
    let description = |ts: &[&text::Token], from: usize| {
        (1..=MAX_APPOSITIVE_WORDS).contains(&ts.len())
            && no_verb(ts)
            && (ts
                .first()
                .is_some_and(|t| matches!(t.norm.as_str(), "a" | "an" | "the"))
                || s[from..]
                    .split_whitespace()
                    .take(2)
                    .any(|w| w.ends_with("'s") || w.ends_with("’s")))
            && ts.iter().any(|t| t.shape == Shape::Word && !t.stop)
    };
    // The text after the second comma goes on with the verb ("later spent").
    let verb_follows = |after: usize| {
        let rest = inside(after, s.len());
        let lower = s[after..].starts_with(|c: char| c.is_lowercase());
        // The verb, or one word (an adverb: "later", "also") and the verb.
        lower
            && rest
                .iter()
                .take(2)
                .any(|t| t.shape == Shape::Word && claim::is_finite_verb(&t.norm))
    };
    for pair in commas.windows(2) {
        let (c1, c2) = (pair[0], pair[1]);
        let (mid_from, after) = (c1 + 2, c2 + 2);
        if !verb_follows(after) {
            continue;
        }
        let mid = inside(mid_from, c2);
        let before = inside(0, c1);
        let past = inside(after, s.len())
            .iter()
            .take(2)
            .any(|t| t.norm.ends_with("ed") || (claim::is_finite_verb(&t.norm) && !t.norm.ends_with('s')));
        // "NAME, a description, verb ...": the name ends right before the comma.
        // Back over names (and "and") up to a comma or another word.
        let mut name_start = before.len();
        while name_start > 0 {
            let t = before[name_start - 1];
            let joined = before
                .get(name_start)
                .is_none_or(|next| !s[t.span.end..next.span.start].contains(','));
            if !(name_like(t) || t.norm == "and") || !joined {
                break;
            }
            name_start -= 1;
        }
        let name = &before[name_start..];
        let names_joined = |ts: &[&text::Token]| ts.iter().any(|t| t.norm == "and");
        let (subject, described, apposition, plural) = if is_name_run(name) && description(&mid, mid_from) {
            let from = name[0].span.start;
            (&s[from..c1], &s[mid_from..c2], from..c2, names_joined(name))
        } else if description(&before, 0) && is_name_run(&mid) {
            // "A description, NAME, verb ...".
            (&s[mid_from..c2], &s[..c1], 0..c2, names_joined(&mid))
        } else {
            continue;
        };
        let copula = match (past, plural) {
            (true, false) => "was",
            (true, true) => "were",
            (false, false) => "is",
            (false, true) => "are",
        };
        let main = if apposition.start == 0 {
            format!("{subject} {}", &s[after..])
        } else {
            format!("{} {}", &s[..c1], &s[after..])
        };
        return vec![
            Clause {
                range: range.start + apposition.start..range.start + apposition.end,
                missing_subject: false,
                composed: Some(format!("{subject} {copula} {described}")),
            },
            Clause {
                range,
                missing_subject: clause.missing_subject,
                composed: Some(main),
            },
        ];
    }
    vec![clause]
}

/// The fact an appositive states about a name, when a text has one
/// ("ESA's director general, Jan Wörner, hailed the launch" -> "Jan Wörner
/// was ESA's director general"): for claims given ready-made, whose
/// appositives extraction never split.
pub fn appositive_fact(text: &str) -> Option<String> {
    let whole = Clause {
        range: 0..text.len(),
        missing_subject: false,
        composed: None,
    };
    let mut parts = split_appositive(text, whole);
    (parts.len() == 2)
        .then(|| parts.swap_remove(0).composed)
        .flatten()
}

/// Tokens of a clause read for an appositive.
const MAX_APPOSITIVE_SCAN: usize = 60;
/// Words an appositive description may have.
const MAX_APPOSITIVE_WORDS: usize = 12;

/// Peels an opinion wrapper off a fact: "X is a stroke of genius: a shorter,
/// more secure path bypassing Y (and its risks)." -> "X is a shorter, more
/// secure path bypassing Y". The part before the colon must be a subject,
/// a copula and words of opinion; the part after, a noun phrase (no verb of
/// its own) with a name or a number.
fn peel_opinion(text: &str, range: std::ops::Range<usize>) -> Option<Clause> {
    let s = &text[range.clone()];
    let colon = s.find(": ")?;
    let left = &s[..colon];
    let toks: Vec<text::Token> = text::tokens(window(left, CLAUSE_WINDOW)).take(30).collect();
    let copula = toks
        .iter()
        .position(|t| matches!(t.norm.as_str(), "is" | "are" | "was" | "were"))?;
    if copula == 0 || copula > MAX_SUBJECT_WORDS {
        return None;
    }
    let opinion = toks[copula + 1..]
        .iter()
        .any(|t| lexicon::is_hedge(&t.norm) || lexicon::is_subjective(&t.norm));
    let right = &s[colon + 2..];
    let right_end = right.find(" (").unwrap_or(right.len());
    let right = right[..right_end].trim_end_matches(['.', ',', ';']);
    let right_toks: Vec<text::Token> = text::tokens(window(right, CLAUSE_WINDOW)).take(40).collect();
    let noun_phrase = right_toks
        .first()
        .is_some_and(|t| matches!(t.norm.as_str(), "a" | "an" | "the"))
        && !right_toks.iter().any(|t| claim::is_finite_verb(&t.norm));
    let checkable = right_toks
        .iter()
        .skip(1)
        .any(|t| t.shape == Shape::Name || t.shape == Shape::Number);
    if !(opinion && noun_phrase && checkable) {
        return None;
    }
    let composed = format!("{} {}", &left[..toks[copula].span.end], right);
    Some(Clause {
        range: range.start..range.start + colon + 2 + right.len(),
        missing_subject: false,
        composed: Some(composed),
    })
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
        .any(|t| t.shape == Shape::Word && claim::is_finite_verb(&t.norm));
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
/// part after the connector opens a clause of its own, and before a
/// participial phrase (", creating ..."). Each clause comes with whether it
/// is such a phrase (it has no subject of its own).
fn split_clauses(text: &str, sentence: std::ops::Range<usize>) -> Vec<(std::ops::Range<usize>, bool)> {
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
    let mut cuts: Vec<(usize, usize, bool)> = Vec::new(); // (end of left part, start of right part, participial)
    for conn in CONNECTORS {
        for (i, _) in s.match_indices(conn) {
            let right = i + conn.len();
            let rest = &s[right..];
            if !inside_quote(i) && four_words_before(i) && opens_clause(rest) {
                cuts.push((i, right, false));
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
        if claim::is_participle(&folded) && four_words_before(i) {
            cuts.push((i, i + sep.len(), true));
        }
    }
    // "Take data privacy: Japan's law ...": a short lead-in before a colon.
    if let Some(i) = s.find(": ") {
        if s[..i].split_whitespace().count() <= 4 && opens_clause(&s[i + 2..]) {
            cuts.push((i, i + 2, false));
        }
    }
    cuts.sort_unstable();
    cuts.dedup_by_key(|c| c.0);
    let mut out = Vec::new();
    let mut start = 0;
    let mut participial = false;
    for (end, next, next_participial) in cuts {
        if end > start {
            out.push((sentence.start + start..sentence.start + end, participial));
        }
        start = next.max(start);
        participial = next_participial;
    }
    out.push((sentence.start + start..sentence.end, participial));
    out.retain(|(r, _)| !text[r.clone()].trim().is_empty());
    out
}

/// Scores how check-worthy a sentence is, in [0, 1].
pub fn check_worthiness(sentence: &str) -> f64 {
    score_clause(sentence, &text::tokenize(sentence), is_cased(sentence))
}

/// Score a checkable sentence starts from.
const BASE_SCORE: f64 = 0.35;
/// Added for a name (or, in text without capitals, a rare word).
const NAME_BONUS: f64 = 0.2;
/// Added for more than two names.
const MANY_NAMES_BONUS: f64 = 0.1;
/// Added for a number or a number word.
const NUMBER_BONUS: f64 = 0.15;
/// Added for a finite verb after the first word: a sentence that asserts.
const VERB_BONUS: f64 = 0.15;
/// Words of time that date a fact as a number does ("the day before").
const TIME_WORDS: &[&str] = &[
    "century",
    "day",
    "decade",
    "month",
    "morning",
    "night",
    "today",
    "week",
    "year",
    "yesterday",
];
/// Taken off for a demonstrative subject ("This is...", "These cables are..."),
/// which points at the writer's argument more often than at a fact.
const DEMONSTRATIVE_PENALTY: f64 = 0.1;

/// Scores a clause in [0, 1]: cues for (names, numbers, a finite verb) and
/// against (questions, imperatives, hedges, opinion words, first or second
/// person, rhetoric, too short or too long). In text without capitals
/// (`cased` false) words outside the common vocabulary stand for names.
fn score_clause(sentence: &str, toks: &[text::Token], cased: bool) -> f64 {
    let words = toks.len();
    if words == 0 {
        return 0.0;
    }
    let mut score: f64 = BASE_SCORE;
    let names = if cased {
        toks.iter().filter(|t| t.shape == Shape::Name).count()
    } else {
        toks.iter()
            .filter(|t| {
                !t.stop
                    && t.shape != Shape::Number
                    && t.norm.chars().count() > 2
                    && t.norm.chars().all(char::is_alphabetic)
                    && !lexicon::is_common_word(&t.norm)
                    && !lexicon::is_subjective(&t.norm)
                    && !lexicon::is_hedge(&t.norm)
            })
            .count()
    };
    // Number words: those of `lexicon::NUMBER_WORDS` read as numbers, and scales.
    const SCALE_WORDS: &[&str] = &["billion", "million", "thousand", "trillion"];
    let numbers = toks
        .iter()
        .filter(|t| {
            t.shape == Shape::Number
                || t.norm
                    .split('-')
                    .next()
                    .is_some_and(|w| text::spelled_number(w).is_some() || SCALE_WORDS.contains(&w))
        })
        .count();
    if names > 0 {
        score += NAME_BONUS;
    }
    if names > 2 {
        score += MANY_NAMES_BONUS;
    }
    // A rank ("the second woman") is as checkable as a number.
    let ranks = toks.iter().any(|t| lexicon::is_count_word(&t.norm));
    if numbers > 0 || ranks || toks.iter().any(|t| TIME_WORDS.contains(&t.norm.as_str())) {
        score += NUMBER_BONUS;
    }
    // A participial phrase asserts when it has a detail to check (",
    // becoming the second woman to win it"), not otherwise (", setting the
    // tone for ...").
    let participle = sentence.starts_with(|c: char| c.is_lowercase())
        && claim::is_participle(&toks[0].norm)
        && (names > 0 || numbers > 0 || ranks);
    if toks.iter().any(|t| claim::is_finite_verb(&t.norm)) || has_present_verb(toks) || participle {
        score += VERB_BONUS;
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
    // "could not" states an inability, not a possibility.
    // Opinion words count as words, not as part of a name ("Fresh & Easy").
    let hedges = toks
        .iter()
        .enumerate()
        .filter(|(i, t)| {
            t.shape == Shape::Word
                && lexicon::is_hedge(&t.norm)
                && !(t.norm == "could" && toks.get(i + 1).is_some_and(|n| lexicon::is_negation(&n.norm)))
        })
        .count();
    score -= 0.15 * hedges.min(3) as f64;
    let subjective = toks
        .iter()
        .filter(|t| t.shape == Shape::Word && lexicon::is_subjective(&t.norm))
        .count();
    score -= 0.1 * subjective.min(2) as f64;
    // A personal pronoun is no cue either way: resolved or not, "She won
    // the prize in 1903" states a fact.
    if matches!(toks[0].norm.as_str(), "this" | "these" | "those") {
        score -= DEMONSTRATIVE_PENALTY;
    }
    // "us" is the country when written "US", after an article ("the us
    // state") or in text without capitals.
    let personal = toks.iter().enumerate().any(|(i, t)| {
        lexicon::is_personal(&t.norm)
            && !(t.norm == "us"
                && (!cased
                    || sentence[t.span.clone()].starts_with('U')
                    || (i > 0 && matches!(toks[i - 1].norm.as_str(), "the" | "a" | "an"))))
    });
    if personal {
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

/// True when a word in "-s" reads as a verb in the present tense: right
/// after a subject pronoun, a name, "that", "which" or "who", past adverbs
/// ("It also mints", "Tesco sells", "the country that issues it").
fn has_present_verb(toks: &[text::Token]) -> bool {
    let verb_form = |t: &text::Token| {
        t.shape == Shape::Word
            && t.norm.len() > 3
            && t.norm.ends_with('s')
            && !["ss", "us", "is", "ous"].iter().any(|e| t.norm.ends_with(e))
            && !t.stop
    };
    let mut after_subject = false;
    for t in toks {
        if after_subject && claim::is_adverb_word(&t.norm) {
            continue;
        }
        if after_subject && verb_form(t) {
            return true;
        }
        after_subject = t.shape == Shape::Name
            || matches!(t.norm.as_str(), "it" | "he" | "she" | "that" | "which" | "who");
    }
    false
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

    #[test]
    fn a_month_named_may_is_no_verb_of_the_subject() {
        let text = "Curie herself ran the test in May 1931";
        let toks = text::tokenize(text);
        assert_eq!(subject_words(text, &toks).as_deref(), Some("Curie herself"));
    }

    fn claims_of(src: &str) -> Vec<String> {
        let a = Article::parse("t.txt", src.to_string(), false);
        extract(&a, DEFAULT_MIN_SCORE)
            .into_iter()
            .map(|c| c.text)
            .collect()
    }

    #[test]
    fn claims_csv_rows_with_places_are_read_in_article_order() {
        let row = |id: &str, text: &str, line: usize, subject: &str| Claim {
            id: id.into(),
            article: "a.csv".into(),
            line,
            column: 1,
            text: text.into(),
            subject: subject.into(),
            ..Claim::default()
        };
        // Out of order in the file, in order by line.
        let claims = resolve_subjects(vec![
            row("c2", "The bank sits in Frankfurt.", 4, ""),
            row("c1", "The European Central Bank was founded in 1998.", 2, ""),
            row("c3", "The bank sets interest rates.", 0, ""),
            row("c4", "The bank opened in 1998.", 5, "Bundesbank"),
        ]);
        assert_eq!(claims[0].subject, "European Central Bank");
        assert_eq!(claims[1].subject, "");
        // A row without a place stands alone; a given subject is kept.
        assert_eq!(claims[2].subject, "");
        assert_eq!(claims[3].subject, "Bundesbank");
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
        let cuts = split_clauses(&s, 0..s.len());
        // Quotes come in pairs, so every connector is outside them and opens a clause.
        assert_eq!(cuts.len(), 20_001);
        let x = format!("{}x end.", "x—".repeat(100_000));
        assert_eq!(split_clauses(&x, 0..x.len()), vec![(0..x.len(), false)]);
    }

    #[test]
    fn clause_rules_unchanged_by_the_linear_rewrite() {
        let s = "He said \"we met; they left\" and the council agreed; the council met in Brussels in 2024.";
        let got: Vec<&str> = split_clauses(s, 0..s.len())
            .into_iter()
            .map(|(r, _)| &s[r])
            .collect();
        assert_eq!(
            got,
            vec![
                "He said \"we met; they left\" and the council agreed",
                "the council met in Brussels in 2024."
            ]
        );
        let s = "The council met in Brussels, creating a new pact.";
        let got: Vec<&str> = split_clauses(s, 0..s.len())
            .into_iter()
            .map(|(r, _)| &s[r])
            .collect();
        assert_eq!(got, vec!["The council met in Brussels", "creating a new pact."]);
        // The participial phrase is marked as having no subject of its own.
        let flags: Vec<bool> = split_clauses(s, 0..s.len()).into_iter().map(|(_, p)| p).collect();
        assert_eq!(flags, vec![false, true]);
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

    fn claims_full(name: &str, src: &str) -> Vec<Claim> {
        let a = Article::parse(name, src.to_string(), name.ends_with(".md"));
        extract(&a, DEFAULT_MIN_SCORE)
    }

    #[test]
    fn a_sentence_of_two_facts_gives_two_claims_sharing_the_subject() {
        let src = "Bridges\n\nThe Oresund Bridge opened in 2000 and cost 30 billion kronor to build.\n";
        let got = claims_full("b.txt", src);
        assert_eq!(got.len(), 2, "{got:#?}");
        assert_eq!(got[0].text, "The Oresund Bridge opened in 2000");
        assert_eq!(got[1].text, "cost 30 billion kronor to build.");
        assert_eq!(got[1].subject, "The Oresund Bridge");
        assert_eq!(
            got[1].judged_text(),
            "The Oresund Bridge cost 30 billion kronor to build."
        );
        assert_ne!(got[0].id, got[1].id);
        // Where the second claim's text starts in the file, and in its sentence.
        assert_eq!((got[1].line, got[1].column), (3, 39));
        let sentence: Vec<char> = got[1].sentence.chars().collect();
        let (a, b) = got[1].span;
        assert_eq!(sentence[a..b].iter().collect::<String>(), got[1].text);
        assert_eq!(got[0].span.0, 0);
        // A passive verb joined by "and" is one fact.
        let got = claims_full(
            "b.txt",
            "The 1990 survey was planned and paid for by the Royal Society.\n",
        );
        assert_eq!(got.len(), 1, "{got:#?}");
    }

    #[test]
    fn a_participial_phrase_is_a_claim_about_the_sentence_subject() {
        let src = "Bridges\n\nThe Rhine bridge was opened in 1994, making it the longest in Europe.\n";
        let got = claims_full("r.txt", src);
        let phrase = got
            .iter()
            .find(|c| c.text.starts_with("making"))
            .unwrap_or_else(|| panic!("{got:#?}"));
        assert_eq!(phrase.subject, "The Rhine bridge", "{got:#?}");
        assert_eq!(
            phrase.judged_text(),
            "The Rhine bridge making it the longest in Europe."
        );
        // At the default score a participial phrase is a claim when it has a
        // detail to check, not when it only sets a tone.
        let kept = claims_of(
            "Bridges\n\nThe Rhine bridge was opened in 1994, becoming the second bridge in Basel.\n",
        );
        assert!(kept.iter().any(|c| c.starts_with("becoming")), "{kept:?}");
        let vague =
            claims_of("Bridges\n\nThe Rhine bridge was opened in 1994, setting the tone for the talks.\n");
        assert!(!vague.iter().any(|c| c.starts_with("setting")), "{vague:?}");
    }

    #[test]
    fn an_appositive_is_a_claim_of_its_own() {
        let texts =
            |src: &str| -> Vec<String> { claims_full("a.txt", src).into_iter().map(|c| c.text).collect() };
        assert_eq!(
            texts("Ships\n\nSmith, a captain from Hanley, later commanded the Olympic.\n"),
            vec![
                "Smith was a captain from Hanley",
                "Smith later commanded the Olympic."
            ]
        );
        assert_eq!(
            texts("Ships\n\nThe line's chairman, Bruce Ismay, survived the sinking.\n"),
            vec![
                "Bruce Ismay was The line's chairman",
                "Bruce Ismay survived the sinking."
            ]
        );
        assert_eq!(
            texts("Ships\n\nIn April, Ismay and Andrews, the ship's two guests, toured the decks.\n"),
            vec![
                "Ismay and Andrews were the ship's two guests",
                "In April, Ismay and Andrews toured the decks."
            ]
        );
        // A list or an adverb is no apposition.
        assert_eq!(
            texts("Ports\n\nSouthampton, Cherbourg, and Queenstown were the ports of call.\n").len(),
            1
        );
        assert_eq!(
            texts("Ships\n\nLater, the new owners, sold the ship for scrap.\n").len(),
            1
        );
    }

    #[test]
    fn pronouns_and_descriptions_get_a_subject_of_a_compatible_kind() {
        let src = "Ships\n\nRMS Olympic was launched at Belfast in 1910. It sailed for the White Star Line \
                   until 1935. Marie Curie moved to Paris in 1891. She won the Nobel Prize in 1903. \
                   The European Space Agency was founded in 1975. The agency opened a centre in Darmstadt in 1967. \
                   In 1911 Roald Amundsen and Olav Bjaaland reached the South Pole. The pair returned to Norway in 1912. \
                   They were honoured in Oslo in 1912.\n";
        let got = claims_full("s.txt", src);
        let subject = |start: &str| {
            got.iter()
                .find(|c| c.text.starts_with(start))
                .map(|c| c.subject.clone())
                .unwrap_or_else(|| panic!("no claim {start}: {got:#?}"))
        };
        assert_eq!(subject("It sailed"), "RMS Olympic");
        assert_eq!(subject("She won"), "Marie Curie");
        assert_eq!(subject("The agency"), "European Space Agency");
        assert_eq!(subject("The pair"), "Roald Amundsen and Olav Bjaaland");
        assert_eq!(subject("They were"), "Roald Amundsen and Olav Bjaaland");
        assert_eq!(subject("RMS Olympic"), "");
        let she = got.iter().find(|c| c.text.starts_with("She won")).unwrap();
        assert_eq!(she.judged_text(), "Marie Curie won the Nobel Prize in 1903.");
        assert_eq!(she.shown_text(), "She [Marie Curie] won the Nobel Prize in 1903.");
    }

    #[test]
    fn a_pronoun_with_no_earlier_name_falls_back_to_the_title_topic() {
        let src = "Titanic: the liner and its legend\n\nNothing about the Titanic was ordinary. \
                   The Titanic was a liner. The Titanic sank. It was built in Belfast in 1911.\n";
        let got = claims_full("t.txt", src);
        let it = got
            .iter()
            .find(|c| c.text.starts_with("It was built"))
            .expect("claim");
        assert_eq!(it.subject, "Titanic");
        assert_eq!(it.shown_text(), "It [Titanic] was built in Belfast in 1911.");
    }

    #[test]
    fn an_opinion_wrapper_is_peeled_off_the_fact() {
        let src = "Rail\n\nThe new rail link is a stroke of genius: a faster route bypassing the Alps \
                   (and its awful tunnels).\n";
        let got = claims_full("r.txt", src);
        assert_eq!(got.len(), 1, "{got:#?}");
        assert_eq!(
            got[0].text,
            "The new rail link is a faster route bypassing the Alps"
        );
        assert!(got[0]
            .sentence
            .starts_with("The new rail link is a stroke of genius:"));
        // Pure opinion stays out.
        assert!(claims_full(
            "r.txt",
            "Rail\n\nThe new rail link is a stroke of sheer genius.\n"
        )
        .is_empty());
    }

    #[test]
    fn lower_case_text_is_read_by_its_structure() {
        let src = "declan smith scored twice as the rovers beat alloa athletic in the cup.\n\n\
                   is this the end of football?\n\nwe think it could perhaps be wonderful.\n";
        let got: Vec<String> = claims_full("x.txt", src).into_iter().map(|c| c.text).collect();
        assert_eq!(
            got,
            vec!["Declan smith scored twice as the rovers beat alloa athletic in the cup."]
        );
        // All caps: every word is capitalised, so capitals count for nothing.
        assert!(check_worthiness("THIS IS SIMPLY THE BEST IDEA EVER") < DEFAULT_MIN_SCORE);
    }

    #[test]
    fn plain_facts_without_names_or_numbers_are_kept() {
        // A verb and a time word, no capital or digit.
        assert!(check_worthiness("The conversion rates had been fixed the day before.") >= DEFAULT_MIN_SCORE);
        // "could not" is no hedge.
        assert!(check_worthiness("The main engine could not fire a second time.") >= DEFAULT_MIN_SCORE);
        assert!(check_worthiness("The engine could perhaps fire a second time.") < DEFAULT_MIN_SCORE);
    }

    #[test]
    fn very_long_sentences_do_not_copy_themselves_into_every_claim() {
        let s = "The council met in Brussels in 2024; ".repeat(5_000);
        let got = claims_full("l.txt", &s);
        assert_eq!(got.len(), 5_000);
        assert!(got.iter().all(|c| c.sentence.is_empty() && c.span == (0, 0)));
    }

    #[test]
    fn us_the_country_is_not_first_person() {
        let ours = check_worthiness("The council gave us the keys in 2020.");
        let country = check_worthiness("The council gave the US the keys in 2020.");
        assert!(country > ours, "{country} {ours}");
        assert!(
            check_worthiness("a police officer in the us state of ohio has been charged with murder.")
                >= DEFAULT_MIN_SCORE
        );
    }
}
