//! JUnit XML output, for CI systems that chart test results (GitLab,
//! Jenkins, Azure Pipelines, CircleCI).
//!
//! One `<testsuite>` per article and one `<testcase>` per claim
//! (`name` = claim id, `classname` = article):
//!
//! * contradicted: `<failure message="REASON" type="contradicted">`, whose
//!   body holds the claim and the reference;
//! * unsupported: `<skipped message="REASON">`: the table cannot decide, which
//!   is neither a pass nor a failure, and CI tools show skipped tests
//!   without failing the build;
//! * supported: a passing test case, with the claim and reference in
//!   `<system-out>`.
//!
//! No `time` attributes, so the output is byte-identical for the same report.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::escape;
use crate::check::{Checked, Report, Summary};
use crate::verdict::Verdict;

/// The counts of a suite, as JUnit attributes: contradicted claims are
/// failures, unsupported ones skipped.
fn attributes(n: &Summary) -> String {
    format!(
        "tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\"",
        n.total(),
        n.contradicted,
        n.unsupported
    )
}

/// Renders a report as JUnit XML.
pub fn report_junit(report: &Report) -> String {
    let mut by_article: BTreeMap<&str, Vec<&Checked>> = BTreeMap::new();
    for c in &report.claims {
        by_article.entry(c.article.as_str()).or_default().push(c);
    }
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"factcheck\" {}>",
        attributes(&Summary::of(&report.claims))
    );
    for (article, claims) in &by_article {
        let name = escape::xml(if article.is_empty() { "claims" } else { article });
        let _ = writeln!(
            out,
            "  <testsuite name=\"{name}\" {}>",
            attributes(&Summary::of(claims.iter().copied()))
        );
        for c in claims {
            testcase(&mut out, &name, c);
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

fn testcase(out: &mut String, classname: &str, c: &Checked) {
    let _ = write!(
        out,
        "    <testcase name=\"{}\" classname=\"{classname}\"",
        escape::xml(&c.id)
    );
    if !c.article.is_empty() {
        let _ = write!(out, " file=\"{}\"", escape::xml(&c.article));
    }
    if c.line > 0 {
        let _ = write!(out, " line=\"{}\"", c.line);
    }
    out.push_str(">\n");
    let mut body = format!("claim: {}", c.text);
    if c.line > 0 {
        let _ = write!(body, "\nlocation: {}:{}:{}", c.article, c.line, c.column);
    }
    if let Some(r) = &c.reference {
        let _ = write!(body, "\nreference {}: {}", r.id, r.statement);
        if !r.source.trim().is_empty() {
            let _ = write!(body, "\nsource: {}", r.source.trim());
        }
    }
    let _ = write!(body, "\nreason: {}", c.reason);
    let body = escape::xml(&body).replace("&#10;", "\n");
    match c.verdict {
        Verdict::Contradicted => {
            let _ = writeln!(
                out,
                "      <failure message=\"{}\" type=\"contradicted\">{body}</failure>",
                escape::xml(&c.reason)
            );
        }
        Verdict::Unsupported => {
            let _ = writeln!(
                out,
                "      <skipped message=\"{}\">{body}</skipped>",
                escape::xml(&c.reason)
            );
        }
        Verdict::Supported => {
            let _ = writeln!(out, "      <system-out>{body}</system-out>");
        }
    }
    out.push_str("    </testcase>\n");
}

#[cfg(test)]
mod tests {
    use super::super::html::tests::sample;
    use super::*;

    #[test]
    fn suites_cases_and_counts() {
        let xml = report_junit(&sample());
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "testsuites");
        assert_eq!(root.attribute("tests"), Some("4"));
        assert_eq!(root.attribute("failures"), Some("2"));
        assert_eq!(root.attribute("skipped"), Some("1"));
        let suites: Vec<_> = root.children().filter(|n| n.has_tag_name("testsuite")).collect();
        assert_eq!(suites.len(), 2);
        assert_eq!(suites[0].attribute("name"), Some("a.md"));
        assert_eq!(suites[0].attribute("tests"), Some("3"));
        let cases: Vec<_> = suites[0]
            .children()
            .filter(|n| n.has_tag_name("testcase"))
            .collect();
        assert_eq!(cases[1].attribute("name"), Some("a-2"));
        assert_eq!(cases[1].attribute("classname"), Some("a.md"));
        let failure = cases[1].first_element_child().unwrap();
        assert_eq!(failure.tag_name().name(), "failure");
        assert_eq!(failure.attribute("type"), Some("contradicted"));
        assert_eq!(failure.attribute("message"), Some("reason for a-2"));
        assert_eq!(
            cases[2].first_element_child().unwrap().tag_name().name(),
            "skipped"
        );
        assert_eq!(
            cases[0].first_element_child().unwrap().tag_name().name(),
            "system-out"
        );
    }

    #[test]
    fn awkward_text_round_trips() {
        let mut r = sample();
        r.claims[3].reason = "bad \"<&>'\n\u{1}".into();
        let xml = report_junit(&r);
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let case = doc
            .descendants()
            .find(|n| n.attribute("name") == Some("x-1"))
            .unwrap();
        assert_eq!(case.attribute("classname"), Some("dir\\x, y.csv"));
        let failure = case.first_element_child().unwrap();
        assert_eq!(failure.attribute("message"), Some("bad \"<&>'\n"));
        let body = failure.text().unwrap();
        assert!(body.contains("claim: 50% say \"a|b\" <b>:\nnew, line"));
        assert!(body.contains("reference R,9: A <script>alert(1)</script> statement."));
    }
}
