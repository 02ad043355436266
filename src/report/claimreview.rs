//! schema.org [ClaimReview](https://schema.org/ClaimReview) JSON-LD: a JSON
//! array with one `ClaimReview` per checked claim, for publishing fact
//! checks in a form search engines and fact-check aggregators read.
//!
//! The rating runs from 1 (contradicted) through 2 (unsupported) to 3
//! (supported), with the verdict word as `alternateName`. The review's `url`
//! is the deciding reference's source when that is a web address.

use serde::Serialize;

use super::html::{clean_url, is_web_url};
use crate::check::{Checked, Report};
use crate::verdict::Verdict;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ClaimReview<'a> {
    #[serde(rename = "@context")]
    context: &'a str,
    #[serde(rename = "@type")]
    kind: &'a str,
    identifier: &'a str,
    claim_reviewed: &'a str,
    review_rating: Rating<'a>,
    item_reviewed: Claim<'a>,
    review_body: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    author: Organization<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rating<'a> {
    #[serde(rename = "@type")]
    kind: &'a str,
    rating_value: u8,
    best_rating: u8,
    worst_rating: u8,
    alternate_name: &'a str,
}

#[derive(Serialize)]
struct Claim<'a> {
    #[serde(rename = "@type")]
    kind: &'a str,
    appearance: CreativeWork<'a>,
}

#[derive(Serialize)]
struct CreativeWork<'a> {
    #[serde(rename = "@type")]
    kind: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct Organization<'a> {
    #[serde(rename = "@type")]
    kind: &'a str,
    name: &'a str,
}

/// The rating of a verdict: 1 contradicted, 2 unsupported, 3 supported.
fn rating_value(v: Verdict) -> u8 {
    match v {
        Verdict::Contradicted => 1,
        Verdict::Unsupported => 2,
        Verdict::Supported => 3,
    }
}

fn review(c: &Checked) -> ClaimReview<'_> {
    ClaimReview {
        context: "https://schema.org",
        kind: "ClaimReview",
        identifier: &c.id,
        claim_reviewed: &c.text,
        review_rating: Rating {
            kind: "Rating",
            rating_value: rating_value(c.verdict),
            best_rating: 3,
            worst_rating: 1,
            alternate_name: c.verdict.as_str(),
        },
        item_reviewed: Claim {
            kind: "Claim",
            appearance: CreativeWork {
                kind: "CreativeWork",
                name: &c.article,
            },
        },
        review_body: &c.reason,
        url: c
            .reference
            .as_ref()
            .filter(|r| is_web_url(&r.source))
            .map(|r| clean_url(&r.source)),
        author: Organization {
            kind: "Organization",
            name: "factcheck",
        },
    }
}

/// Renders a report as a JSON-LD array of schema.org `ClaimReview` objects,
/// one per claim in report order (pretty JSON, newline-terminated).
pub fn report_claimreview(report: &Report) -> String {
    let reviews: Vec<ClaimReview> = report.claims.iter().map(review).collect();
    let mut out = serde_json::to_string_pretty(&reviews).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::super::html::tests::sample;
    use super::*;

    #[test]
    fn one_review_per_claim_with_rating() {
        let v: serde_json::Value = serde_json::from_str(&report_claimreview(&sample())).unwrap();
        let all = v.as_array().unwrap();
        assert_eq!(all.len(), 4);
        let first = &all[0];
        assert_eq!(first["@context"], "https://schema.org");
        assert_eq!(first["@type"], "ClaimReview");
        assert_eq!(first["claimReviewed"], "The Eiffel Tower was completed in 1889.");
        assert_eq!(first["reviewRating"]["ratingValue"], 3);
        assert_eq!(first["reviewRating"]["alternateName"], "supported");
        assert_eq!(first["itemReviewed"]["appearance"]["name"], "a.md");
        assert_eq!(first["url"], "https://example.org/eiffel");
        assert_eq!(first["author"]["name"], "factcheck");
        assert_eq!(all[1]["reviewRating"]["ratingValue"], 1);
        assert!(all[1].get("url").is_none(), "a non-URL source is no url");
        assert_eq!(all[2]["reviewRating"]["ratingValue"], 2);
        assert!(all[3].get("url").is_none(), "javascript: is no url");
    }
}
