//! Numbers as quantities: a value with its bounds ("more than", "about"),
//! scale words ("2.3 million"), units converted to one base per dimension
//! ("142,000 kg" is "142 tonnes", "330 feet" is about "100 m"), the noun a
//! count counts ("two boosters", "6.55957 French francs"), dates written in
//! any order and precision ("July 9, 2024", "9 July 2024", "February 1993")
//! and clock times ("4 p.m." is "16:00").
//!
//! Two quantities are compared only when they are of one kind (a year with
//! a year, a mass with a mass, a count of boosters with a count of boosters);
//! then the claim's holds the reference's (a match), the two exclude each
//! other (a conflict), or neither is known.

use super::params::{ABOUT_TOLERANCE, NOUN_WINDOW};
use super::Analysed;
use crate::lexicon;
use crate::relations;
use crate::text::{self, Shape, Token};

/// What a quantity measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dim {
    /// A plain number: a count, a rate, a ratio.
    Plain,
    /// Mass, in grams.
    Mass,
    /// Length, in metres.
    Length,
    /// Area, in square metres.
    Area,
    /// Volume, in litres.
    Volume,
    /// Duration, in seconds.
    Duration,
    /// Money in one currency.
    Currency(&'static str),
    /// A percentage.
    Percent,
}

/// What kind of number it is: only numbers of one kind stand against each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A year (1000-2100, or a decade).
    Year,
    /// A day of a month.
    Day,
    /// A time of day, in minutes.
    Time,
    /// Anything else.
    Count,
}

/// A number of a text read as a quantity.
#[derive(Debug, Clone)]
pub(crate) struct Amount {
    /// Token positions it covers (bound words excluded; unit and scale words included).
    pub toks: Vec<usize>,
    /// Token positions of its bound words ("more than", "roughly").
    pub bound: Vec<usize>,
    /// Least value it allows, in base units.
    pub low: f64,
    /// Greatest value it allows, in base units.
    pub high: f64,
    /// Least value it states when it is the reference's ("since 1979" is 1979).
    pub ref_low: f64,
    /// Greatest value it states when it is the reference's.
    pub ref_high: f64,
    /// Kind of number.
    pub kind: Kind,
    /// Dimension.
    pub dim: Dim,
    /// Stem of the noun it counts, for plain numbers ("boost" of "two boosters").
    pub noun: Option<String>,
    /// How it is written, bound and unit included ("fewer than 500", "200 grams").
    pub text: String,
}

/// How a claim's quantity relates to a reference's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Relation {
    /// The reference's value lies within what the claim allows.
    Holds,
    /// The two exclude each other.
    Excludes,
    /// Neither follows.
    Open,
}

/// A unit word: its dimension and its size in the dimension's base unit.
fn unit(word: &str) -> Option<(Dim, f64)> {
    Some(match word {
        "mg" | "milligram" | "milligrams" | "milligramme" | "milligrammes" => (Dim::Mass, 0.001),
        "g" | "gram" | "grams" | "gramme" | "grammes" => (Dim::Mass, 1.0),
        "kg" | "kilo" | "kilos" | "kilogram" | "kilograms" | "kilogramme" | "kilogrammes" => (Dim::Mass, 1e3),
        "t" | "tonne" | "tonnes" | "ton" | "tons" => (Dim::Mass, 1e6),
        "lb" | "lbs" => (Dim::Mass, 453.592),
        "oz" | "ounce" | "ounces" => (Dim::Mass, 28.3495),
        "mm" | "millimetre" | "millimetres" | "millimeter" | "millimeters" => (Dim::Length, 0.001),
        "cm" | "centimetre" | "centimetres" | "centimeter" | "centimeters" => (Dim::Length, 0.01),
        "m" | "metre" | "metres" | "meter" | "meters" => (Dim::Length, 1.0),
        "km" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => (Dim::Length, 1e3),
        "inch" | "inches" => (Dim::Length, 0.0254),
        "ft" | "foot" | "feet" => (Dim::Length, 0.3048),
        "yd" | "yard" | "yards" => (Dim::Length, 0.9144),
        "mi" | "mile" | "miles" => (Dim::Length, 1609.344),
        "km2" | "sq km" => (Dim::Area, 1e6),
        "hectare" | "hectares" | "ha" => (Dim::Area, 1e4),
        "acre" | "acres" => (Dim::Area, 4046.86),
        "ml" | "millilitre" | "millilitres" | "milliliter" | "milliliters" => (Dim::Volume, 0.001),
        "l" | "litre" | "litres" | "liter" | "liters" => (Dim::Volume, 1.0),
        "gallon" | "gallons" => (Dim::Volume, 3.78541),
        "second" | "seconds" | "sec" | "secs" | "s" => (Dim::Duration, 1.0),
        "minute" | "minutes" | "min" | "mins" => (Dim::Duration, 60.0),
        "hour" | "hours" | "hr" | "hrs" | "h" => (Dim::Duration, 3600.0),
        "day" | "days" => (Dim::Duration, 86_400.0),
        "week" | "weeks" => (Dim::Duration, 604_800.0),
        "month" | "months" => (Dim::Duration, 2_629_800.0),
        "year" | "years" => (Dim::Duration, 31_557_600.0),
        "decade" | "decades" => (Dim::Duration, 315_576_000.0),
        "century" | "centuries" => (Dim::Duration, 3_155_760_000.0),
        "percent" | "per cent" => (Dim::Percent, 1.0),
        "dollar" | "dollars" | "usd" => (Dim::Currency("USD"), 1.0),
        "euro" | "euros" | "eur" => (Dim::Currency("EUR"), 1.0),
        // "pounds" alone may be mass or money: left unread.
        "sterling" | "gbp" => (Dim::Currency("GBP"), 1.0),
        "yen" | "jpy" => (Dim::Currency("JPY"), 1.0),
        _ => return None,
    })
}

/// A currency symbol written just before a number.
fn currency_symbol(c: char) -> Option<&'static str> {
    match c {
        '$' => Some("USD"),
        '€' => Some("EUR"),
        '£' | '#' => Some("GBP"),
        '¥' => Some("JPY"),
        _ => None,
    }
}

/// A scale word after a number ("2.3 million").
fn scale(word: &str) -> Option<f64> {
    match word {
        "hundred" => Some(1e2),
        "thousand" => Some(1e3),
        "million" | "millions" | "mn" => Some(1e6),
        "billion" | "billions" | "bn" => Some(1e9),
        "trillion" | "trillions" => Some(1e12),
        _ => None,
    }
}

/// The value of a number token, digits or spelled.
pub(crate) fn value(t: &Token) -> Option<f64> {
    match t.shape {
        Shape::Number => text::number_value(&t.norm),
        Shape::Word => text::spelled_number(&t.norm).or_else(|| text::decade_start(&t.norm)),
        Shape::Name => None,
    }
}

/// Half the step of the last digit written: "2.2" is 2.2 ± 0.05, "8,849" is ± 0.5.
fn precision(t: &Token) -> f64 {
    if t.shape != Shape::Number {
        return 0.0;
    }
    let decimals = t
        .norm
        .split_once('.')
        .map_or(0, |(_, d)| d.chars().filter(char::is_ascii_digit).count());
    // Just under half a step, so that 2023 and 2024 do not touch.
    0.49 * 10f64.powi(-(decimals as i32))
}

/// A bound written before the number at `i`: the bound, and where its words start.
fn bound_before(toks: &[Token], i: usize) -> (Bound, usize) {
    // "since the 1970s" bounds like "since 1970".
    let j = if i > 0 && toks[i - 1].norm == "the" {
        i - 1
    } else {
        i
    };
    let prev = |k: usize| j.checked_sub(k).map(|x| toks[x].norm.as_str());
    let two = j.saturating_sub(2);
    let one = j.saturating_sub(1);
    match (prev(2), prev(1)) {
        (_, Some("since" | "after")) => (Bound::Since, one),
        (_, Some("before" | "until")) => (Bound::Until, one),
        (_, Some("over" | "above" | "exceeding")) => (Bound::Above, one),
        (Some("more" | "greater"), Some("than")) | (Some("at"), Some("least")) => (Bound::Above, two),
        (_, Some("under" | "below")) => (Bound::Below, one),
        (Some("less" | "fewer"), Some("than")) | (Some("at"), Some("most")) => (Bound::Below, two),
        (_, Some("nearly" | "almost")) => (Bound::Nearly, one),
        (_, Some("about" | "around" | "approximately" | "roughly" | "some" | "circa" | "c")) => {
            (Bound::About, one)
        }
        _ => (Bound::Exact, i),
    }
}

/// A bound on a number.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Bound {
    Exact,
    /// "since", "after": a start, read as a point in a reference.
    Since,
    /// "before", "until": an end, read as a point in a reference.
    Until,
    Above,
    Below,
    About,
    Nearly,
}

/// A day of a month: a number up to 31 next to a month name ("June 26", "26 June").
fn is_day(toks: &[Token], i: usize, v: f64) -> bool {
    let month = |k: usize| toks.get(k).is_some_and(|t| lexicon::is_month(&t.norm));
    (1.0..=31.0).contains(&v) && v.fract() == 0.0 && (month(i + 1) || i.checked_sub(1).is_some_and(month))
}

fn is_year(v: f64) -> bool {
    v.fract() == 0.0 && (1000.0..=2100.0).contains(&v)
}

/// The quantities of a text, in token order. Tokens of dates (`skip`) are left out.
pub(crate) fn amounts(a: &Analysed, skip: &[usize]) -> Vec<Amount> {
    let toks = &a.toks;
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        // "one", more often a pronoun, is the number 1 before a unit ("one euro").
        let one_unit = || t.norm == "one" && toks.get(i + 1).is_some_and(|n| unit(&n.norm).is_some());
        let fraction = fraction_of_unit(toks, i);
        let Some(mut v) = value(t)
            .or_else(|| one_unit().then_some(1.0))
            .or(fraction.map(|(f, _)| f))
        else {
            i += 1;
            continue;
        };
        // A number written as part of a name ("Ariane 62", "CSO-3") names
        // a thing; it is matched as a word, not compared as a quantity.
        // A month or a year is no part of a name ("April 2024").
        let in_name = i > 0
            && toks[i - 1].shape == Shape::Name
            && !lexicon::is_month(&toks[i - 1].norm)
            && t.shape == Shape::Number
            && !value(t).is_some_and(is_year)
            && !t.norm.contains([',', '.'])
            && a.text
                .get(toks[i - 1].span.end..t.span.start)
                .is_some_and(|g| g == " " || g == "-");
        if skip.contains(&i) || in_name || in_score(a, i) {
            i += 1;
            continue;
        }
        let (bound, from) = bound_before(toks, i);
        let mut covered = vec![i];
        let mut step = precision(t);
        let mut k = i + 1;
        // "a quarter of an hour": the unit comes after "of an".
        if let Some((_, u)) = fraction {
            covered.extend(i + 1..u);
            k = u;
        }
        // A time of day: "4 p.m.", "16:00".
        let gap = |x: usize, y: usize| a.text.get(toks[x].span.end..toks[y].span.start).unwrap_or(" ");
        if let Some(next) = toks.get(k) {
            let meridian = matches!(next.norm.as_str(), "p.m" | "pm" | "a.m" | "am");
            let clock = next.shape == Shape::Number && gap(i, k) == ":" && next.norm.len() == 2;
            if (meridian && (1.0..=12.0).contains(&v)) || (clock && (0.0..24.0).contains(&v)) {
                let minutes = if clock {
                    text::number_value(&next.norm).unwrap_or(0.0)
                } else {
                    0.0
                };
                let hour = match next.norm.as_str() {
                    "p.m" | "pm" if v < 12.0 => v + 12.0,
                    "a.m" | "am" if v == 12.0 => 0.0,
                    _ => v,
                };
                let m = hour * 60.0 + minutes;
                let mut toks_covered = vec![i, k];
                // "16:00" may be followed by "local time" or "UTC": not part of it.
                if clock
                    && toks
                        .get(k + 1)
                        .is_some_and(|x| matches!(x.norm.as_str(), "p.m" | "pm"))
                {
                    toks_covered.push(k + 1);
                }
                out.push(Amount {
                    bound: (from..i).collect(),
                    text: a.text[toks[from].span.start..toks[*toks_covered.last().unwrap_or(&k)].span.end]
                        .to_string(),
                    toks: toks_covered,
                    low: m,
                    high: m,
                    ref_low: m,
                    ref_high: m,
                    kind: Kind::Time,
                    dim: Dim::Plain,
                    noun: None,
                });
                i = k + 1;
                continue;
            }
        }
        // A spelled compound, "twenty-eight"; a half, "three and a half".
        if t.shape == Shape::Word && (20.0..100.0).contains(&v) && v % 10.0 == 0.0 {
            let unit_word = toks
                .get(k)
                .filter(|u| u.shape == Shape::Word && gap(k - 1, k) == "-")
                .and_then(|u| text::spelled_number(&u.norm))
                .filter(|u| (1.0..10.0).contains(u));
            if let Some(u) = unit_word {
                v += u;
                covered.push(k);
                k += 1;
            }
        }
        if toks.get(k).is_some_and(|x| x.norm == "and")
            && toks.get(k + 1).is_some_and(|x| x.norm == "a")
            && toks.get(k + 2).is_some_and(|x| x.norm == "half")
        {
            v += 0.5;
            covered.extend([k, k + 1, k + 2]);
            k += 3;
        }
        // Scale words: "2.3 million", "two hundred".
        while let Some(s) = toks.get(k).and_then(|x| scale(&x.norm)) {
            v *= s;
            step *= s;
            covered.push(k);
            k += 1;
        }
        let decade = text::decade_start(&t.norm);
        // "1,500" is a count: a year is written without a separator.
        let year_form = !t.norm.contains([',', '.']);
        let kind = if decade.is_some() || (is_year(v) && covered.len() == 1 && year_form) {
            Kind::Year
        } else if is_day(toks, i, v) {
            Kind::Day
        } else {
            Kind::Count
        };
        // The unit: a symbol before, or a unit word after ("per cent" too).
        let symbol = a.text[..t.span.start]
            .chars()
            .next_back()
            .and_then(currency_symbol)
            .filter(|_| t.shape == Shape::Number);
        let mut dim = symbol.map_or(Dim::Plain, Dim::Currency);
        let mut factor = 1.0;
        if kind == Kind::Count && symbol.is_none() {
            if let Some(u) = toks.get(k).filter(|_| !gap(k - 1, k).contains(['(', ';', ':'])) {
                let two_words = toks.get(k + 1).map(|x| format!("{} {}", u.norm, x.norm));
                if let Some((d, f)) = two_words.as_deref().and_then(unit) {
                    dim = d;
                    factor = f;
                    covered.extend([k, k + 1]);
                    k += 2;
                } else if let Some((d, f)) = unit(&u.norm).filter(|(d, _)| {
                    // "14.89 billion euro banknotes": a currency word before
                    // a noun is what the banknotes are of, not the unit.
                    !matches!(d, Dim::Currency(_))
                        || !toks.get(k + 1).is_some_and(|x| {
                            x.is_content() && gap(k, k + 1) == " " && relations::is_noun(&x.norm)
                        })
                }) {
                    dim = d;
                    factor = f;
                    covered.push(k);
                    k += 1;
                }
            }
        }
        if dim == Dim::Plain && a.text[t.span.end..].starts_with('%') {
            dim = Dim::Percent;
        }
        // The noun a plain count counts: the last word of the phrase after it.
        let noun = if kind == Kind::Count && dim == Dim::Plain {
            counted_noun(a, k)
        } else {
            None
        };
        let centre = v * factor;
        let step = step * factor;
        let (base_low, base_high) = match decade {
            Some(d) => (d, d + 9.0),
            None => (centre - step, centre + step),
        };
        let (low, high) = match bound {
            Bound::Exact => (base_low, base_high),
            Bound::Above | Bound::Since => (base_low, f64::INFINITY),
            Bound::Below | Bound::Until => (f64::NEG_INFINITY, base_high),
            Bound::About => (centre * (1.0 - ABOUT_TOLERANCE), centre * (1.0 + ABOUT_TOLERANCE)),
            Bound::Nearly => (centre * (1.0 - ABOUT_TOLERANCE), centre),
        };
        // In a reference, "since 1979" dates a start: the point itself.
        let (ref_low, ref_high) = if matches!(bound, Bound::Since | Bound::Until) {
            (base_low, base_high)
        } else {
            (low, high)
        };
        let last = *covered.last().unwrap_or(&i);
        out.push(Amount {
            bound: (from..i).collect(),
            text: a.text[toks[from].span.start..toks[last].span.end].to_string(),
            toks: covered,
            low: low.min(high),
            high: high.max(low),
            ref_low,
            ref_high,
            kind,
            dim,
            noun,
        });
        i = k.max(i + 1);
    }
    out
}

/// True when number `i` is part of a score or a season written with a dash
/// ("won 40 - 13", "beat them 2-1", "the 2010 - 11 season"): two numbers that
/// name one result, not two amounts. A year's own number stays ("2010").
fn in_score(a: &Analysed, i: usize) -> bool {
    let toks = &a.toks;
    let num = |k: usize| {
        toks.get(k)
            .filter(|t| t.shape == Shape::Number && !t.norm.contains([',', '.']))
            .and_then(|t| text::number_value(&t.norm))
    };
    let dash = |x: usize, y: usize| {
        a.text
            .get(toks[x].span.end..toks[y].span.start)
            .is_some_and(|g| matches!(g.trim(), "-" | "–"))
    };
    let Some(v) = num(i) else { return false };
    let small = |x: f64| x < 1000.0;
    let after = num(i + 1).filter(|_| dash(i, i + 1));
    let before = i
        .checked_sub(1)
        .and_then(|k| num(k).filter(|_| dash(k, i)).map(|b| (k, b)));
    match (before, after) {
        // The second of a pair: a score's other side, or a season's end year.
        (Some((_, b)), _) => small(v) && (small(b) || is_year(b)),
        (None, Some(w)) => small(v) && small(w),
        (None, None) => false,
    }
}

/// A fraction word before a unit ("half an hour", "a quarter of an hour",
/// "half a century"): its value and the position of the unit word.
fn fraction_of_unit(toks: &[Token], i: usize) -> Option<(f64, usize)> {
    let f = match toks[i].norm.as_str() {
        "half" => 0.5,
        "quarter" => 0.25,
        _ => return None,
    };
    let mut k = i + 1;
    while toks
        .get(k)
        .is_some_and(|t| matches!(t.norm.as_str(), "of" | "a" | "an"))
        && k < i + 3
    {
        k += 1;
    }
    (k > i + 1 && toks.get(k).is_some_and(|u| unit(&u.norm).is_some())).then_some((f, k))
}

/// The stem of the noun a count at the tokens from `k` counts: the last of up
/// to `NOUN_WINDOW` content words before a stop word or punctuation.
fn counted_noun(a: &Analysed, k: usize) -> Option<String> {
    let toks = &a.toks;
    let mut last: Option<&Token> = None;
    for (n, x) in toks.iter().enumerate().skip(k).take(NOUN_WINDOW) {
        let gap = a.text.get(toks[n - 1].span.end..x.span.start).unwrap_or(" ");
        // A compound adjective counts the word it is hyphenated to: the
        // "two-booster" version has two boosters, not two versions.
        if n == k && gap == "-" && x.is_content() && x.shape != Shape::Number {
            return Some(x.stem.clone());
        }
        if !x.is_content()
            || x.shape == Shape::Number
            || lexicon::is_verb_like(&x.norm)
            || (n > k && gap.contains([',', ';', ':', '(', ')', '.']))
            || (n == k && gap.contains([',', ';', ':', '(', ')']))
        {
            break;
        }
        last = Some(x);
    }
    last.filter(|x| {
        x.shape == Shape::Name || (relations::is_noun(&x.norm) && !relations::is_inflected_verb(&x.norm))
    })
    .map(|x| x.stem.clone())
}

/// True when the two are of one kind and dimension.
pub(crate) fn same_kind(c: &Amount, r: &Amount) -> bool {
    c.kind == r.kind && c.dim == r.dim
}

/// True when the two count the same thing, or either counts nothing named.
pub(crate) fn same_noun(c: &Amount, r: &Amount) -> bool {
    match (&c.noun, &r.noun) {
        (Some(a), Some(b)) => a == b || relations::synonyms(a, b),
        _ => true,
    }
}

/// How the claim's amount relates to the reference's.
pub(crate) fn relation(c: &Amount, r: &Amount) -> Relation {
    let (r_low, r_high) = (r.ref_low, r.ref_high);
    let finite_max = [c.low, c.high, r_low, r_high]
        .into_iter()
        .filter(|v| v.is_finite())
        .fold(1.0, |m: f64, v| m.max(v.abs()));
    let slack = 1e-9 * finite_max;
    if r_low >= c.low - slack && r_high <= c.high + slack {
        return Relation::Holds;
    }
    // Two bounded values: the reference's centre within the claim's range
    // ("roughly 330 feet" and "about 100 m").
    let finite = r_low.is_finite() && r_high.is_finite();
    if finite && r_low < r_high {
        let centre = (r_low + r_high) / 2.0;
        if centre >= c.low - slack && centre <= c.high + slack {
            return Relation::Holds;
        }
    }
    if r_high < c.low - slack || r_low > c.high + slack {
        Relation::Excludes
    } else {
        Relation::Open
    }
}

/// A date of a text: a month with its day and year, or a season of a year.
#[derive(Debug, Clone)]
pub(crate) struct Date {
    /// Token positions it covers.
    pub toks: Vec<usize>,
    /// Day of the month.
    pub day: Option<u32>,
    /// Month, 1-12.
    pub month: u32,
    /// Year.
    pub year: Option<i64>,
    /// As written.
    pub text: String,
}

impl Date {
    /// True when nothing the two both give differs.
    pub fn agrees(&self, other: &Date) -> bool {
        self.month == other.month
            && self.day.zip(other.day).is_none_or(|(a, b)| a == b)
            && self.year.zip(other.year).is_none_or(|(a, b)| a == b)
    }
}

fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    // A full name, or an abbreviation of three or four letters ("Sept",
    // "Feb"); "mar" is left out, as the verb is far more common.
    lexicon::months()
        .iter()
        .position(|m| *m == w || ((3..=4).contains(&w.len()) && w != "mar" && m.starts_with(w)))
        .map(|p| p as u32 + 1)
}

/// A day written as "9", "9th", "1st".
fn day_number(t: &Token) -> Option<u32> {
    let digits = t.norm.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &t.norm[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// The dates of a text: a month name (capitalised, or "may" only when
/// capitalised) with a day before or after it and a year after it.
pub(crate) fn dates(a: &Analysed) -> Vec<Date> {
    let toks = &a.toks;
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let written = &a.text[t.span.clone()];
        if !written.starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        let Some(month) = month_number(&t.norm) else {
            continue;
        };
        let mut covered = vec![i];
        let mut day = None;
        if let Some(d) = i.checked_sub(1).and_then(|k| day_number(&toks[k])) {
            day = Some(d);
            covered.insert(0, i - 1);
        }
        let mut k = i + 1;
        if day.is_none() {
            if let Some(d) = toks.get(k).and_then(day_number) {
                day = Some(d);
                covered.push(k);
                k += 1;
            }
        }
        let year = toks
            .get(k)
            .filter(|y| y.shape == Shape::Number)
            .and_then(|y| text::number_value(&y.norm))
            .filter(|v| is_year(*v))
            .map(|v| v as i64);
        if year.is_some() {
            covered.push(k);
        }
        // A bare month ("in May") is a word, not a date.
        if day.is_none() && year.is_none() {
            continue;
        }
        // "May" alone capitalised at a sentence start is too often the verb.
        if t.norm == "may" && day.is_none() && i == 0 {
            continue;
        }
        let first = covered[0];
        let last = *covered.last().unwrap_or(&i);
        out.push(Date {
            text: a.text[toks[first].span.start..toks[last].span.end].to_string(),
            toks: covered,
            day,
            month,
            year,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::Index;

    fn analysed(text: &str) -> Analysed {
        Analysed::new(text, &Index::build(Vec::new()))
    }

    fn one(text: &str) -> Amount {
        let mut all = amounts(&analysed(text), &[]);
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        all.remove(0)
    }

    #[test]
    fn units_convert_within_a_dimension() {
        let (kg, t) = (
            one("It held 142,000 kg of fuel."),
            one("It held 142 tonnes of fuel."),
        );
        assert_eq!((kg.dim, t.dim), (Dim::Mass, Dim::Mass));
        assert_eq!(relation(&kg, &t), Relation::Holds);
        let (grams, mg) = (
            one("The dose was 200 grams."),
            one("The dose was roughly 200 mg."),
        );
        assert_eq!(relation(&grams, &mg), Relation::Excludes);
        let (feet, metres) = (
            one("It stood roughly 330 feet high."),
            one("It stood about 100 m high."),
        );
        assert_eq!(relation(&feet, &metres), Relation::Holds);
    }

    #[test]
    fn bounds_scales_and_counted_nouns() {
        let c = one("More than two million doses were ready.");
        let r = one("About 2.3 million doses were ready.");
        assert_eq!(relation(&c, &r), Relation::Holds);
        assert_eq!(c.noun.as_deref(), Some("dose"));
        // A hyphenated count counts the word it is joined to, not the noun
        // the compound describes.
        let compound = one("The first flight used the two-booster Ariane 62 configuration.");
        assert_eq!(compound.noun.as_deref(), Some("booster"));
        // "one" before a unit is the number 1; elsewhere it is a pronoun.
        assert_eq!(
            relation(&one("It cost one euro."), &one("It cost 1 euro.")),
            Relation::Holds
        );
        assert!(amounts(&analysed("One of them left."), &[]).is_empty());
        // A fraction of a unit.
        let quarter = one("They stayed about a quarter of an hour.");
        assert_eq!(
            relation(&quarter, &one("They stayed about 15 minutes.")),
            Relation::Holds
        );
        assert_eq!(
            relation(&quarter, &one("They stayed for 40 minutes.")),
            Relation::Excludes
        );
        assert_eq!(
            relation(&one("It took half an hour."), &one("It took 30 minutes.")),
            Relation::Holds
        );
        assert!(amounts(&analysed("Half of them left."), &[]).is_empty());
        // A score names one result; a season keeps its first year.
        assert!(amounts(&analysed("Wasps beat London Welsh 40 - 13 on Sunday."), &[]).is_empty());
        assert!(amounts(&analysed("United won 2-1."), &[]).is_empty());
        let season = amounts(&analysed("He played for Derby in 2010 - 11."), &[]);
        assert!(season.len() == 1 && season[0].text == "2010", "{season:?}");
        assert!(same_noun(
            &compound,
            &one("The maiden flight used four boosters.")
        ));
        // Adjacent whole numbers exclude each other.
        assert_eq!(
            relation(&one("It opened in 2023."), &one("It opened in 2024.")),
            Relation::Excludes
        );
        // "1,500" is a count, a year has no separator.
        assert_eq!(one("More than 1,500 died.").kind, Kind::Count);
        // Spelled compounds and halves.
        assert_eq!(one("Twenty-eight people died.").low, 28.0);
        let half = one("It measured three and a half inches.");
        assert_eq!((half.dim, half.low), (Dim::Length, 3.5 * 0.0254));
        // A number inside a name is not a quantity.
        assert!(amounts(&analysed("Ariane 62 flew."), &[]).is_empty());
    }

    #[test]
    fn clock_times_and_dates_in_any_order() {
        let (pm, clock) = (
            one("It left at 4 p.m. local time."),
            one("It left at 16:00 local time."),
        );
        assert_eq!((pm.kind, pm.low), (Kind::Time, 960.0));
        assert_eq!(relation(&pm, &clock), Relation::Holds);
        let us = dates(&analysed("It lifted off on July 9, 2024."));
        let uk = dates(&analysed("It lifted off on 9 July 2024."));
        assert!(us[0].agrees(&uk[0]), "{us:?} {uk:?}");
        let month = dates(&analysed("It was signed in February 1993."));
        let full = dates(&analysed("It was signed on 7 February 1992."));
        assert!(!month[0].agrees(&full[0]));
        assert_eq!(month[0].text, "February 1993");
    }
}
