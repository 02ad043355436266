//! The details two claims state, read symmetrically.
//!
//! The matching engine compares a claim with a trusted reference; between
//! two articles neither side is the reference, so here every test runs both
//! ways and a detail counts as "different" only when it has no compatible
//! counterpart on the other side: dates (day, month, year, weekday),
//! quantities (units converted, hedges and bounds widened), names in the
//! same slot, and a thing one side denies outright ("no test", "not a
//! single worker") that the other states.

use crate::lexicon;
use crate::matching::quantity::{self, Amount, Dim, Kind};
use crate::matching::Analysed;
use crate::relations;
use crate::text::{Shape, Token};
use crate::wordnet;

/// Relative slack either way of a number in the scope of a hedge ("about",
/// "roughly", "some", "nearly"): a value rounded to two significant figures
/// ("roughly $500" for $499, "$600" for $599) stays within it.
pub(super) const APPROX_TOLERANCE: f64 = 0.1;
/// Tokens between a name and a word both claims share for the name to fill
/// that word's slot ("the Folkestone terminal", "a plant in Finland").
const NAME_SLOT_WINDOW: usize = 2;
/// Tokens after a denying determiner ("no", "not a single") in which the
/// denied noun is looked for.
const DENIAL_WINDOW: usize = 3;
/// WordNet depth within which a shared word names a person ("prime
/// minister" is a kind of person), making two names there two people.
const PERSON_DEPTH: usize = 8;

/// A date as a claim gives it: any of day, month and year.
#[derive(Debug, Clone, PartialEq)]
struct Day {
    day: Option<u32>,
    month: Option<u32>,
    year: Option<i64>,
    text: String,
    /// Read from the article's last date ("that evening"), not written:
    /// evidence of one fact, never a clash.
    inherited: bool,
}

impl Day {
    fn agrees(&self, other: &Day) -> bool {
        let same = |x: Option<i64>, y: Option<i64>| x.zip(y).is_none_or(|(x, y)| x == y);
        same(self.day.map(i64::from), other.day.map(i64::from))
            && same(self.month.map(i64::from), other.month.map(i64::from))
            && same(self.year, other.year)
    }

    /// True when the two say something about one and the same field: a
    /// year against a year, a month against a month.
    fn comparable(&self, other: &Day) -> bool {
        (self.year.is_some() && other.year.is_some()) || (self.month.is_some() && other.month.is_some())
    }
}

/// The details of one claim that can be compared with another claim's.
pub(super) struct Facts {
    days: Vec<Day>,
    amounts: Vec<Amount>,
    /// A weekday named outside any date ("that same Saturday"): 0 = Monday.
    weekday: Option<(u32, String)>,
    /// The year the claim's article last named, at or before this claim.
    context_year: Option<i64>,
}

/// What an article said last, for the claims after it: the year, and the
/// day (with its month) that "that evening" or "the same day" refers to.
#[derive(Debug, Clone, Default)]
pub(super) struct Context {
    year: Option<i64>,
    day: Option<Day>,
}

impl Context {
    /// The context after a claim: its own year and day if it names them.
    pub(super) fn after(&self, f: &Facts) -> Context {
        let own = f
            .days
            .iter()
            .rev()
            .find(|d| !d.inherited && d.day.is_some() && d.month.is_some());
        Context {
            year: f
                .days
                .iter()
                .rev()
                .filter(|d| !d.inherited)
                .find_map(|d| d.year)
                .or(self.year),
            day: own.cloned().or_else(|| self.day.clone()),
        }
    }
}

impl Facts {
    /// Reads the facts of a claim; `context_year` is the year its article
    /// last gave (a date without a year, "on 27 April", is in that year).
    pub(super) fn new(a: &Analysed, context: &Context) -> Facts {
        let context_year = context.year;
        let dates = quantity::dates(a);
        let in_dates: Vec<usize> = dates.iter().flat_map(|d| d.toks.iter().copied()).collect();
        let mut days: Vec<Day> = dates
            .iter()
            .map(|d| Day {
                day: d.day,
                month: Some(d.month),
                year: d.year,
                text: d.text.clone(),
                inherited: false,
            })
            .collect();
        let mut amounts = quantity::amounts(a, &in_dates);
        widen_hedged(a, &mut amounts);
        for x in amounts
            .iter()
            .filter(|x| x.kind == Kind::Year && x.low.is_finite())
        {
            let year = ((x.ref_low + x.ref_high) / 2.0).round() as i64;
            days.push(Day {
                day: None,
                month: None,
                year: Some(year),
                text: x.text.clone(),
                inherited: false,
            });
        }
        let dated_day = dates.iter().any(|d| d.day.is_some());
        // "that evening", "the same day": the day the article gave last.
        let deictic = a.toks.windows(2).any(|w| {
            matches!(w[0].norm.as_str(), "that" | "same")
                && matches!(
                    w[1].norm.as_str(),
                    "day" | "morning" | "afternoon" | "evening" | "night"
                )
        });
        if deictic && days.is_empty() {
            if let Some(d) = &context.day {
                days.push(Day {
                    inherited: true,
                    ..d.clone()
                });
            }
        }
        let weekday = if dated_day {
            None
        } else {
            a.toks
                .iter()
                .find_map(|t| weekday_number(&t.norm).map(|w| (w, a.text[t.span.clone()].to_string())))
        };
        Facts {
            days,
            amounts: amounts.into_iter().filter(|x| x.kind != Kind::Year).collect(),
            weekday,
            context_year,
        }
    }

    /// Number of quantities of this claim that a quantity of the other holds
    /// (same kind and dimension, overlapping ranges): evidence that two
    /// claims state one fact, whatever the units ("30 km", "about 19 miles").
    pub(super) fn agreeing_quantities(&self, other: &Facts) -> usize {
        let amounts = self
            .amounts
            .iter()
            .filter(|x| other.amounts.iter().any(|y| compatible(x, y)))
            .count();
        let days = self
            .days
            .iter()
            .filter(|d| other.days.iter().any(|e| e.comparable(d) && e.agrees(d)))
            .count();
        amounts + days
    }

    /// True when the amount written `text` has a counterpart on the other
    /// side that it is compatible with: then the engine's one-way "number
    /// differs" does not stand between two articles.
    pub(super) fn number_has_partner(&self, text: &str, other: &Facts) -> bool {
        self.amounts
            .iter()
            .filter(|x| x.text == text || x.text.ends_with(text) || text.ends_with(x.text.as_str()))
            .any(|x| other.amounts.iter().any(|y| compatible(x, y)))
    }

    /// Date clashes between two claims, worded with A and B: a date of A
    /// that no date of B agrees with, against a date of B that no date of A
    /// agrees with; or a weekday one side names against the weekday of the
    /// other's date.
    pub(super) fn date_clashes(a: &Facts, b: &Facts) -> Vec<String> {
        let mut out = Vec::new();
        let lonely = |x: &Facts, y: &Facts| -> Vec<Day> {
            x.days
                .iter()
                .filter(|d| !d.inherited && !y.days.iter().any(|e| e.comparable(d) && e.agrees(d)))
                .cloned()
                .collect()
        };
        let (la, lb) = (lonely(a, b), lonely(b, a));
        if let Some((x, y)) = la.iter().find_map(|x| {
            lb.iter()
                .find(|y| x.comparable(y) && !x.agrees(y))
                .map(|y| (x, y))
        }) {
            out.push(format!("date differs: A \"{}\", B \"{}\"", x.text, y.text));
        }
        for (dated, named, swapped) in [(a, b, false), (b, a, true)] {
            let Some((weekday, word)) = &named.weekday else {
                continue;
            };
            let clash = dated.days.iter().filter(|d| !d.inherited).find_map(|d| {
                let year = d.year.or(dated.context_year)?;
                let wd = weekday_of(year, d.month?, d.day?)?;
                (wd != *weekday).then(|| (d.text.clone(), year, wd))
            });
            if let Some((text, year, wd)) = clash {
                let dated_text = format!("\"{text}\" (a {} in {year})", WEEKDAYS[wd as usize]);
                let named_text = format!("\"{word}\"");
                let (x, y) = if swapped {
                    (named_text, dated_text)
                } else {
                    (dated_text, named_text)
                };
                out.push(format!("date differs: A {x}, B {y}"));
            }
        }
        out
    }
}

/// Claims of A and claims of B that state one measured quantity alike (a
/// length, a mass, a sum, a duration, a time of day: a number with a unit),
/// at most `per_amount` claims of B for each amount of A: candidates that
/// share no word ("a radius of 30 km" / "within about 19 miles").
pub(super) fn measured_pairs(a: &[Facts], b: &[Facts], per_amount: usize) -> Vec<(usize, usize)> {
    let measured =
        |x: &Amount| (x.dim != Dim::Plain || x.kind == Kind::Time) && x.low.is_finite() && x.high.is_finite();
    // B's measured amounts by kind and dimension, by least value.
    // (least value, greatest value, claim of B)
    type Span = (f64, f64, usize);
    let mut buckets: Vec<((Dim, Kind), Vec<Span>)> = Vec::new();
    for (j, f) in b.iter().enumerate() {
        for y in f.amounts.iter().filter(|y| measured(y)) {
            let key = (y.dim, y.kind);
            match buckets.iter_mut().find(|(k, _)| *k == key) {
                Some((_, list)) => list.push((y.low, y.high, j)),
                None => buckets.push((key, vec![(y.low, y.high, j)])),
            }
        }
    }
    for (_, list) in &mut buckets {
        list.sort_by(|p, q| p.0.total_cmp(&q.0).then(p.2.cmp(&q.2)));
    }
    let mut out = Vec::new();
    for (i, f) in a.iter().enumerate() {
        for x in f.amounts.iter().filter(|x| measured(x)) {
            let Some((_, list)) = buckets.iter().find(|(k, _)| *k == (x.dim, x.kind)) else {
                continue;
            };
            // Those starting at or below x's greatest value, nearest first.
            let end = list.partition_point(|p| p.0 <= x.high);
            let hits = list[..end]
                .iter()
                .rev()
                .filter(|p| p.1 >= x.low)
                .take(per_amount)
                .map(|p| (i, p.2));
            out.extend(hits);
        }
    }
    out
}

/// Gives the numbers after a hedged one in the same clause and dimension
/// the hedge's slack: "roughly $500 with four gigabytes, or $600 with
/// eight" rounds both prices.
fn widen_hedged(a: &Analysed, amounts: &mut [Amount]) {
    let hedged = |x: &Amount| {
        x.bound.first().is_some_and(|&k| {
            matches!(
                a.toks[k].norm.as_str(),
                "about" | "around" | "approximately" | "roughly" | "some" | "circa" | "nearly" | "almost"
            )
        })
    };
    let mut scope: Option<(Dim, Kind, usize)> = None;
    for x in amounts.iter_mut() {
        let start = x.toks[0];
        if let Some((dim, kind, end)) = scope {
            let gap = &a.text[a.toks[end].span.end..a.toks[start].span.start];
            if gap.contains([';', '.', ':']) {
                scope = None;
            } else if x.dim == dim && x.kind == kind && x.bound.is_empty() && x.low.is_finite() {
                let centre = (x.low + x.high) / 2.0;
                let (lo, hi) = (
                    centre * (1.0 - APPROX_TOLERANCE),
                    centre * (1.0 + APPROX_TOLERANCE),
                );
                (x.low, x.high) = (lo.min(hi), lo.max(hi));
                (x.ref_low, x.ref_high) = (x.low, x.high);
            }
        }
        if hedged(x) {
            scope = Some((x.dim, x.kind, *x.toks.last().unwrap_or(&start)));
        }
    }
}

/// True when two amounts may be one value: same kind and dimension, and
/// ranges that overlap once bounds and hedges are read ("more than two
/// weeks" holds "eighteen days"; "about 100 km" holds "roughly 60 miles").
fn compatible(x: &Amount, y: &Amount) -> bool {
    if !(x.kind == y.kind && x.dim == y.dim) {
        return false;
    }
    let scale = [x.low, x.high, y.low, y.high]
        .into_iter()
        .filter(|v| v.is_finite())
        .fold(1.0, |m: f64, v| m.max(v.abs()));
    let slack = 1e-9 * scale;
    x.low <= y.high + slack && y.low <= x.high + slack
}

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

fn weekday_number(folded: &str) -> Option<u32> {
    let w = folded
        .strip_suffix('s')
        .filter(|w| w.ends_with("day"))
        .unwrap_or(folded);
    WEEKDAYS
        .iter()
        .position(|d| d.eq_ignore_ascii_case(w))
        .map(|p| p as u32)
}

/// Day of the week of a Gregorian date, 0 = Monday (Sakamoto's method).
fn weekday_of(year: i64, month: u32, day: u32) -> Option<u32> {
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    const T: [i64; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if month < 3 { year - 1 } else { year };
    let sunday_first = (y + y.div_euclid(4) - y.div_euclid(100)
        + y.div_euclid(400)
        + T[month as usize - 1]
        + i64::from(day))
    .rem_euclid(7);
    Some(((sunday_first + 6) % 7) as u32)
}

/// A run of name tokens that names something the other claim does not
/// mention: two or more capitalised words, or one that is not an everyday
/// word ("Coquelles", "Verizon"; not "President", "Queen", "Moscow"), or a
/// country or nationality ("Sweden", "French"). Months,
/// weekdays and numbers are dates, not names.
#[derive(Debug, Clone)]
pub(super) struct NameRun {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// The names of a claim its counterpart lacks (`found[k]` false for every word).
pub(super) fn unmatched_names(a: &Analysed, found: &[bool]) -> Vec<NameRun> {
    let toks = &a.toks;
    let is_name = |t: &Token| {
        t.shape == Shape::Name && !lexicon::is_month(&t.norm) && weekday_number(&t.norm).is_none()
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !is_name(&toks[i]) {
            i += 1;
            continue;
        }
        let start = i;
        // A possessive ends a name: "Ethiopia's Tigist Alemu" is two.
        let possessive = |t: &Token| {
            let w = &a.text[t.span.clone()];
            w.ends_with("'s") || w.ends_with("’s")
        };
        while i + 1 < toks.len()
            && is_name(&toks[i + 1])
            && !possessive(&toks[i])
            && a.text
                .get(toks[i].span.end..toks[i + 1].span.start)
                .is_some_and(|g| g == " " || g == "-")
        {
            i += 1;
        }
        let end = i + 1;
        i += 1;
        if (start..end).any(|k| found[k]) {
            continue;
        }
        // A country or a nationality is a name even when it is an everyday word.
        let single_everyday = end - start == 1 && {
            let w = &toks[start].norm;
            let class = matches!(lexicon::class_of(w), Some("country" | "nationality"));
            lexicon::is_stop_word(w) || (lexicon::is_common_word(w) && !class)
        };
        if single_everyday {
            continue;
        }
        let text = &a.text[toks[start].span.start..toks[end - 1].span.end];
        let text = text
            .strip_suffix("'s")
            .or_else(|| text.strip_suffix("’s"))
            .unwrap_or(text);
        out.push(NameRun {
            start,
            end,
            text: text.to_string(),
        });
    }
    out
}

/// Positions of the words a claim shares with its counterpart that can
/// frame a slot: found there, content words or names ("Ethiopia's Tigist
/// Alemu" / "Tigist Alemu of Kenya"), neither numbers nor dates.
fn anchors(a: &Analysed, found: &[bool]) -> Vec<usize> {
    (0..a.toks.len())
        .filter(|&k| {
            let t = &a.toks[k];
            found[k]
                && t.is_content()
                && t.shape != Shape::Number
                && quantity::value(t).is_none()
                && !lexicon::is_month(&t.norm)
                && weekday_number(&t.norm).is_none()
        })
        .collect()
}

fn near(run: &NameRun, k: usize) -> bool {
    let dist = if k < run.start {
        run.start - k
    } else if k >= run.end {
        k + 1 - run.end
    } else {
        0
    };
    (1..=NAME_SLOT_WINDOW).contains(&dist)
}

/// Two names in one slot: a name of A the other claim lacks, next to a
/// word both share, and a name of B the first lacks, next to the same
/// word ("the French terminal at Coquelles" / "the Folkestone terminal";
/// "prime minister, John Major" / "Margaret Thatcher, then prime
/// minister"). Also two subjects that are both names, each followed by
/// its verb ("AT&T was ..." / "Verizon Wireless held ...").
pub(super) fn name_clash(
    (a, found_a): (&Analysed, &[bool]),
    (b, found_b): (&Analysed, &[bool]),
) -> Option<String> {
    let (names_a, names_b) = (unmatched_names(a, found_a), unmatched_names(b, found_b));
    if names_a.is_empty() || names_b.is_empty() {
        return None;
    }
    let (anchors_a, anchors_b) = (anchors(a, found_a), anchors(b, found_b));
    for &ka in &anchors_a {
        let stem = &a.toks[ka].stem;
        let Some(x) = names_a.iter().find(|n| near(n, ka)) else {
            continue;
        };
        let slot_b = anchors_b
            .iter()
            .filter(|&&kb| b.toks[kb].stem == *stem)
            .find_map(|&kb| names_b.iter().find(|n| near(n, kb)));
        if let Some(y) = slot_b {
            // The words both share around the two names ("prime minister").
            let shared: Vec<&str> = anchors_a
                .iter()
                .filter(|&&k| near(x, k))
                .map(|&k| a.toks[k].norm.as_str())
                .collect();
            let kind = name_kind(a, x, b, y, &shared);
            return Some(format!("{kind} differs: A \"{}\", B \"{}\"", x.text, y.text));
        }
    }
    let subject = |c: &Analysed, names: &[NameRun]| -> Option<NameRun> {
        let first = names.first()?;
        let lead = c.toks[..first.start].iter().all(|t| t.norm == "the");
        let verb = c
            .toks
            .get(first.end)
            .is_some_and(|t| lexicon::is_verb_like(&t.norm) || relations::is_inflected_verb(&t.norm));
        (lead && verb).then(|| first.clone())
    };
    let (x, y) = (subject(a, &names_a)?, subject(b, &names_b)?);
    Some(format!("name differs: A \"{}\", B \"{}\"", x.text, y.text))
}

/// What two names in one slot name: a place after a preposition of place
/// or in the class of countries, a person when the shared word is a kind
/// of person ("minister"), else a name.
fn name_kind(a: &Analysed, x: &NameRun, b: &Analysed, y: &NameRun, shared: &[&str]) -> &'static str {
    let locative = |c: &Analysed, n: &NameRun| {
        n.start > 0
            && matches!(
                c.toks[n.start - 1].norm.as_str(),
                "at" | "in" | "near" | "from" | "outside" | "beside"
            )
    };
    let country = |c: &Analysed, n: &NameRun| {
        (n.start..n.end).any(|k| {
            matches!(
                lexicon::class_of(&c.toks[k].norm),
                Some("country" | "nationality")
            )
        })
    };
    if country(a, x) && country(b, y) {
        "country"
    } else if locative(a, x) || locative(b, y) || country(a, x) || country(b, y) {
        "place"
    } else if shared
        .iter()
        .any(|w| wordnet::is_hypernym_of("person", w, PERSON_DEPTH))
    {
        "person"
    } else {
        "name"
    }
}

/// A thing one claim denies outright ("No experiment was under way", "not
/// a single worker lost his life") that the other states without negation
/// (a word of the same stem, or a WordNet synonym: "test" / "experiment").
/// Returns the denial as written and whether it is B's.
pub(super) fn denial(a: &Analysed, b: &Analysed) -> Option<(String, bool)> {
    for (x, y, is_b) in [(a, b, false), (b, a, true)] {
        for (k, t) in x.toks.iter().enumerate() {
            let start = match t.norm.as_str() {
                "no" if x.toks.get(k + 1).is_none_or(|n| n.shape != Shape::Number) => k + 1,
                "not" | "none"
                    if x.toks
                        .get(k + 1)
                        .is_some_and(|n| matches!(n.norm.as_str(), "a" | "one" | "single" | "of")) =>
                {
                    k + 1
                }
                _ => continue,
            };
            // The denied noun: the last content word before the verb or
            // the end of the phrase ("no hardware keyboard, only ...").
            let mut nouns: Vec<&Token> = Vec::new();
            for n in start..x.toks.len().min(start + DENIAL_WINDOW + 1) {
                let w = &x.toks[n];
                let gap = &x.text[x.toks[n - 1].span.end..w.span.start];
                if (n > start && gap.contains([',', ';', ':', '.', '(']))
                    || lexicon::is_verb_like(&w.norm)
                    || relations::is_inflected_verb(&w.norm)
                {
                    break;
                }
                if w.is_content()
                    && quantity::value(w).is_none()
                    && !matches!(w.norm.as_str(), "single" | "one")
                {
                    nouns.push(w);
                }
            }
            // A name is stated only as a name ("no App Store" is not
            // "outside stores").
            let stated = |noun: &Token| {
                y.toks.iter().enumerate().any(|(j, w)| {
                    w.is_content()
                        && (w.shape == Shape::Name) == (noun.shape == Shape::Name)
                        && (w.stem == noun.stem || wordnet::synonyms_in_any_sense(&w.norm, &noun.norm))
                        && !negated_before(y, j)
                })
            };
            if let Some(noun) = nouns.into_iter().find(|n| stated(n)) {
                let end = x.toks.iter().position(|n| std::ptr::eq(n, noun)).unwrap_or(k);
                return Some((x.text[t.span.start..x.toks[end].span.end].to_string(), is_b));
            }
        }
    }
    None
}

/// True when a negation cue stands before token `j` in its clause.
fn negated_before(c: &Analysed, j: usize) -> bool {
    for k in (0..j).rev() {
        let gap = &c.text[c.toks[k].span.end..c.toks[k + 1].span.start];
        if gap.contains([',', ';', ':', '.']) {
            return false;
        }
        if lexicon::is_negation(&c.toks[k].norm) {
            return true;
        }
    }
    false
}

/// True when the negation cue `word` of a claim negates what follows. Not
/// so for "not ... until" ("did not address the nation until 14 May" says
/// that it happened on 14 May), for "No." before a number ("Reactor No. 4")
/// and for "failed" or "refused" without "to" ("when it failed").
pub(super) fn real_negation(c: &Analysed, word: &str) -> bool {
    let Some(k) = c
        .toks
        .iter()
        .position(|t| c.text[t.span.clone()].eq_ignore_ascii_case(word))
    else {
        return true;
    };
    let next = c.toks.get(k + 1);
    let norm = c.toks[k].norm.as_str();
    if norm == "no" && next.is_some_and(|t| t.shape == Shape::Number) {
        return false;
    }
    if (norm.starts_with("fail") || norm.starts_with("refus")) && next.is_none_or(|t| t.norm != "to") {
        return false;
    }
    for j in k + 1..c.toks.len() {
        let gap = &c.text[c.toks[j - 1].span.end..c.toks[j].span.start];
        if gap.contains([';', '.', ':']) {
            return true;
        }
        if matches!(c.toks[j].norm.as_str(), "until" | "till") {
            return false;
        }
    }
    true
}

/// True when a claim negates by contrast ("rather than 3G", "instead of a
/// keypad"): against a claim that negates with a cue, both deny.
pub(super) fn negates_by_contrast(c: &Analysed) -> bool {
    c.toks.windows(2).any(|w| {
        matches!(
            (w[0].norm.as_str(), w[1].norm.as_str()),
            ("rather", "than") | ("instead", "of")
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::Index;

    fn analysed(text: &str) -> Analysed {
        Analysed::new(text, &Index::build(Vec::new()))
    }

    fn facts(text: &str) -> Facts {
        Facts::new(&analysed(text), &Context::default())
    }

    #[test]
    fn a_denied_thing_the_other_states_is_a_negation() {
        let a = analysed("Four divers were injured during the salvage.");
        let b = analysed("Remarkably, not a single diver was hurt in the salvage.");
        assert_eq!(denial(&a, &b), Some(("not a single diver".to_string(), true)));
        let c = analysed("No inspection took place before the launch.");
        let d = analysed("The launch followed a brief inspection of the hull.");
        assert_eq!(denial(&c, &d), Some(("No inspection".to_string(), false)));
        // Both deny, or the other never mentions it: no clash.
        let e = analysed("There was no inspection of the hull.");
        assert_eq!(denial(&c, &e), None);
        assert_eq!(denial(&c, &analysed("The launch was on time.")), None);
        // A name is not the common noun it contains.
        let f = analysed("There was no Harbour Store at the opening.");
        assert_eq!(denial(&f, &analysed("Crowds filled the harbour stores.")), None);
    }

    #[test]
    fn that_evening_is_the_day_the_article_gave_last() {
        let first = facts("The strike began on 9 June 2015.");
        let context = Context::default().after(&first);
        let evening = Facts::new(&analysed("That evening the union met the owners."), &context);
        let other = facts("The union met the owners on 9 June.");
        assert_eq!(evening.agreeing_quantities(&other), 1);
        // Read, not written: never a clash.
        let later = facts("The union met the owners on 12 June.");
        assert!(Facts::date_clashes(&evening, &later).is_empty());
    }

    #[test]
    fn claims_with_one_measure_are_candidates() {
        let a = [
            facts("The exclusion zone has a radius of 30 km."),
            facts("It rained."),
        ];
        let b = [
            facts("Nobody may enter within about 19 miles."),
            facts("The fence is 30 m long."),
        ];
        assert_eq!(measured_pairs(&a, &b, 2), [(0, 0)]);
    }

    #[test]
    fn names_in_one_slot_clash_and_a_possessive_ends_a_name() {
        let found = |x: &Analysed, y: &Analysed| -> Vec<bool> {
            let other: Vec<&str> = y.toks.iter().map(|t| t.stem.as_str()).collect();
            x.toks.iter().map(|t| other.contains(&t.stem.as_str())).collect()
        };
        let a = analysed("The relay was won by Norway's Ingrid Falk in the final.");
        let b = analysed("In the final, Ingrid Falk of Sweden won the relay.");
        let (fa, fb) = (found(&a, &b), found(&b, &a));
        let clash = name_clash((&a, &fa), (&b, &fb)).expect("a clash");
        assert!(
            clash.contains("\"Norway\"") && clash.contains("\"Sweden\""),
            "{clash}"
        );
        // The same name said twice is no clash.
        let c = analysed("In the final, Ingrid Falk of Norway won the relay.");
        let fc = found(&c, &a);
        assert_eq!(name_clash((&a, &found(&a, &c)), (&c, &fc)), None);
    }

    #[test]
    fn weekdays_are_computed() {
        // 1 January 2000 was a Saturday; 29 February 2024 a Thursday.
        assert_eq!(weekday_of(2000, 1, 1), Some(5));
        assert_eq!(weekday_of(2024, 2, 29), Some(3));
        assert_eq!(weekday_number("sundays"), Some(6));
        assert_eq!(weekday_number("someday"), None);
    }

    #[test]
    fn a_hedge_rounds_the_numbers_after_it_in_its_clause() {
        let a = facts("Tickets cost roughly $40 for adults, or $70 for families.");
        let b = facts("Tickets cost $39 for adults and $69 for families.");
        assert_eq!(b.agreeing_quantities(&a), 2);
        assert!(b.number_has_partner("69", &a));
        let c = facts("Tickets cost $40 for adults; $70 for two.");
        assert!(!b.number_has_partner("69", &c), "no hedge, no rounding");
    }

    #[test]
    fn units_and_bounds_are_read_both_ways() {
        let km = facts("The ferry route is about 80 km long.");
        let miles = facts("The ferry route is roughly 50 miles long.");
        assert_eq!(km.agreeing_quantities(&miles), 1);
        assert_eq!(miles.agreeing_quantities(&km), 1);
        let days = facts("The strike lasted nineteen days.");
        let weeks = facts("The strike lasted more than two weeks.");
        assert!(days.number_has_partner("nineteen days", &weeks) || days.agreeing_quantities(&weeks) == 1);
    }

    #[test]
    fn a_less_precise_date_agrees_and_another_month_clashes() {
        let full = facts("The bridge opened on 4 March 2011.");
        let month = facts("The bridge opened in March 2011.");
        let other = facts("The bridge opened on 4 May 2011.");
        assert!(Facts::date_clashes(&full, &month).is_empty());
        assert_eq!(
            Facts::date_clashes(&full, &other),
            ["date differs: A \"4 March 2011\", B \"4 May 2011\""]
        );
        let year = facts("The bridge opened in 2011.");
        assert!(Facts::date_clashes(&full, &year).is_empty());
    }

    #[test]
    fn a_weekday_clashes_with_the_weekday_of_a_date() {
        // 4 March 2011 was a Friday.
        let year = Context {
            year: Some(2011),
            day: None,
        };
        let dated = Facts::new(&analysed("The bridge opened on 4 March."), &year);
        let sunday = facts("The bridge opened that Sunday.");
        let friday = facts("The bridge opened that Friday.");
        assert_eq!(
            Facts::date_clashes(&dated, &sunday),
            ["date differs: A \"4 March\" (a Friday in 2011), B \"Sunday\""]
        );
        assert!(Facts::date_clashes(&dated, &friday).is_empty());
    }

    #[test]
    fn not_until_no_before_a_number_and_failed_alone_are_no_negation() {
        assert!(!real_negation(
            &analysed("The minister did not speak until 3 May."),
            "not"
        ));
        assert!(real_negation(
            &analysed("The minister did not speak; the vote was on 3 May."),
            "not"
        ));
        assert!(!real_negation(&analysed("Pump No. 7 was replaced."), "No"));
        assert!(real_negation(&analysed("No pump was replaced."), "No"));
        assert!(!real_negation(
            &analysed("The pump stopped when it failed."),
            "failed"
        ));
        assert!(real_negation(&analysed("The pump failed to start."), "failed"));
        assert!(negates_by_contrast(&analysed(
            "It used diesel rather than petrol."
        )));
    }
}
