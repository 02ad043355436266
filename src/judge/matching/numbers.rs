//! Numbers and dates: the claim's dates and amounts against the
//! reference's, as values (`quantity` reads them: bounds, scales, units,
//! counted nouns, any date format and precision).

use super::quantity::{self, Kind, Relation};
use super::{Conflict, ConflictKind, Pair, Status};
use crate::text::{self, Shape};

/// Compares the dates and the quantities of a claim with a reference's:
/// each claim date or amount the reference holds is matched; one that a
/// reference value of the same kind excludes is a conflict (a date, or a
/// number); the rest is left missing.
pub(super) fn compare(pair: &mut Pair) {
    let (claim, reference) = (pair.claim, &pair.reference);
    let (status, conflicts) = (&mut pair.status, &mut pair.conflicts);
    let claim_dates = quantity::dates(claim);
    let ref_dates = quantity::dates(reference);
    let mut in_dates: Vec<usize> = Vec::new();
    for d in &claim_dates {
        in_dates.extend(&d.toks);
        if ref_dates.iter().any(|r| d.agrees(r)) {
            for &k in &d.toks {
                status[k] = Status::Matched;
            }
            continue;
        }
        // The reference's date that stands against it: one of the same
        // month or year, else the first.
        // A reference date the claim states elsewhere ("the first day of
        // 2001 ... 1 January 2002" against "1 January 2001") is another
        // fact's date, not this one's counterpart.
        let claim_years: Vec<i64> = claim
            .toks
            .iter()
            .enumerate()
            .filter(|(k, _)| !d.toks.contains(k))
            .filter_map(|(_, t)| quantity::value(t))
            .filter(|v| v.fract() == 0.0)
            .map(|v| v as i64)
            .collect();
        let candidates: Vec<&quantity::Date> = ref_dates
            .iter()
            .filter(|r| {
                r.year
                    .is_none_or(|y| !claim_years.contains(&y) || Some(y) == d.year)
            })
            .collect();
        let counterpart = candidates
            .iter()
            .find(|r| r.month == d.month || (r.year.is_some() && r.year == d.year))
            .or(candidates.first())
            .copied();
        if let Some(r) = counterpart {
            // The parts both dates give alike stay matched ("14 March" of
            // "14 March 2023" against "14 March 2024").
            let ref_parts: Vec<String> = text::tokenize(&r.text).into_iter().map(|t| t.norm).collect();
            for &k in &d.toks {
                status[k] = if ref_parts.contains(&claim.toks[k].norm) {
                    Status::Matched
                } else {
                    Status::Substituted
                };
            }
            conflicts.push(Conflict {
                kind: ConflictKind::Date,
                claim: d.text.clone(),
                reference: r.text.clone(),
            });
        } else {
            // No date in the reference: its year and day are checked as numbers.
            in_dates.retain(|k| !d.toks.contains(k));
        }
    }
    let ref_amounts = quantity::amounts(reference, &[]);
    // The values the claim writes down (a bound's own number, not its range).
    let claim_values: Vec<f64> = quantity::amounts(claim, &[])
        .iter()
        .map(|a| {
            if a.ref_high.is_finite() {
                (a.ref_low + a.ref_high) / 2.0
            } else {
                a.ref_low
            }
        })
        .collect();
    for c in quantity::amounts(claim, &in_dates) {
        // Values of the same kind that count the same thing stand against
        // the claim's ("6.55957 Deutsche Marks" against "1.95583 Deutsche
        // Mark", not against "6.55957 French francs"). When the reference
        // counts nothing the claim counts, its values of the same kind may
        // still hold the claim's ("308 million people" / "inhabitants").
        let same_kind: Vec<&quantity::Amount> = ref_amounts
            .iter()
            .filter(|r| quantity::same_kind(&c, r))
            .collect();
        let comparable: Vec<&quantity::Amount> = same_kind
            .iter()
            .copied()
            .filter(|r| quantity::same_noun(&c, r))
            .collect();
        let counts_same = comparable.iter().any(|r| r.noun.is_some() && c.noun.is_some());
        let holders = if counts_same { &comparable } else { &same_kind };
        if holders
            .iter()
            .any(|r| quantity::relation(&c, r) == Relation::Holds)
        {
            // "roughly 330 feet" held by "about 100 m": the bound is accounted for too.
            for &k in c.toks.iter().chain(&c.bound) {
                status[k] = Status::Matched;
            }
            continue;
        }
        for &k in &c.toks {
            if status[k] != Status::Matched || claim.toks[k].shape == Shape::Number || k == c.toks[0] {
                status[k] = Status::Missing;
            }
        }
        // A reference value the claim repeats elsewhere is not this one's counterpart.
        let counterpart = comparable.iter().find(|r| {
            quantity::relation(&c, r) == Relation::Excludes
                && !claim_values.iter().any(|v| *v >= r.ref_low && *v <= r.ref_high)
        });
        if let Some(r) = counterpart {
            // The unit or counted noun belongs to the amount in conflict
            // ("four years" / "27 years"): it tells nothing on its own.
            for &k in &c.toks {
                if k == c.toks[0] || status[k] == Status::Matched {
                    status[k] = Status::Substituted;
                }
            }
            conflicts.push(Conflict {
                kind: if c.kind == Kind::Year {
                    ConflictKind::Date
                } else {
                    ConflictKind::Number
                },
                claim: c.text.clone(),
                reference: r.text.clone(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{alignment, conflicts};
    use super::*;

    #[test]
    fn bounds_that_exclude_each_other_conflict() {
        let found = conflicts(
            "Fewer than 500 people died in the sinking.",
            "More than 1,500 people died in the sinking.",
        );
        assert!(found.iter().any(|c| c.kind == ConflictKind::Number), "{found:?}");
        // A bound that holds the reference's value is support.
        let a = alignment(
            "More than 1,000 people died in the sinking.",
            "More than 1,500 people died in the sinking.",
        );
        assert!(a.conflicts.is_empty() && a.coverage > 0.99, "{a:?}");
    }

    #[test]
    fn a_number_with_a_unit_is_not_the_same_digits_with_another() {
        let a = alignment(
            "The patient received a dose of 200 grams.",
            "The patient received a dose of 200 mg.",
        );
        assert!(a.coverage < 0.99 || !a.conflicts.is_empty(), "{a:?}");
        // Converted units hold each other.
        let a = alignment("The payload weighed 142 t.", "The payload weighed 142,000 kg.");
        assert!(a.conflicts.is_empty() && a.coverage > 0.99, "{a:?}");
    }

    #[test]
    fn dates_compare_in_any_format() {
        let reference = "The ship sank on 15 April 1912.";
        assert!(conflicts("The ship sank on April 15, 1912.", reference).is_empty());
        let found = conflicts("The ship sank on 14 April 1912.", reference);
        assert!(found.iter().any(|c| c.kind == ConflictKind::Date), "{found:?}");
    }
}
