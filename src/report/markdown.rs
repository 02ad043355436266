//! Markdown output: a pull-request comment with a heading, the counts and a
//! table of the contradicted and unsupported claims (contradicted first).
//!
//! Cell text is escaped so it cannot break the table or inject markup: `|`,
//! backslash and Markdown punctuation are backslash-escaped, line breaks
//! become spaces, `&`, `<` and `>` become entities, and `@` is followed by a
//! word joiner so that article text never mentions (pings) anyone.

use std::fmt::Write as _;

use super::escape;
use super::html::{clean_url, is_web_url};
use crate::check::{Checked, Report};
use crate::verdict::Verdict;

/// A link target for `[text](url)`: the URL with spaces, angle brackets and
/// parentheses percent-encoded.
fn link_target(url: &str) -> String {
    clean_url(url).replace('(', "%28").replace(')', "%29")
}

fn badge(v: Verdict) -> &'static str {
    match v {
        Verdict::Contradicted => "\u{274C} contradicted",
        Verdict::Unsupported => "\u{26A0}\u{FE0F} unsupported",
        Verdict::Supported => "\u{2705} supported",
    }
}

/// Renders a report as a Markdown pull-request comment.
pub fn report_markdown(report: &Report) -> String {
    let s = &report.summary;
    let mut articles: Vec<&str> = report.claims.iter().map(|c| c.article.as_str()).collect();
    articles.sort_unstable();
    articles.dedup();
    let mut out = String::from("## factcheck report\n\n");
    let _ =
        writeln!(
        out,
        "**{}** contradicted \u{b7} **{}** unsupported \u{b7} **{}** supported \u{2014} {} claims in {} {}\n",
        s.contradicted,
        s.unsupported,
        s.supported,
        report.claims.len(),
        articles.len(),
        if articles.len() == 1 { "article" } else { "articles" }
    );
    let findings: Vec<&Checked> = [Verdict::Contradicted, Verdict::Unsupported]
        .into_iter()
        .flat_map(|v| report.claims.iter().filter(move |c| c.verdict == v))
        .collect();
    if findings.is_empty() {
        out.push_str("No contradicted or unsupported claims.\n");
        return out;
    }
    out.push_str("| Location | Claim | Verdict | Reference | Reason |\n");
    out.push_str("| --- | --- | --- | --- | --- |\n");
    for c in findings {
        let mut location = c.article.clone();
        if c.line > 0 {
            let _ = write!(location, ":{}", c.line);
            if c.column > 0 {
                let _ = write!(location, ":{}", c.column);
            }
        }
        let reference = match &c.reference {
            None => "\u{2014}".to_string(),
            Some(r) if is_web_url(&r.source) => {
                format!("[{}]({})", escape::markdown(&r.id), link_target(&r.source))
            }
            Some(r) if !r.source.trim().is_empty() => {
                format!("{} ({})", escape::markdown(&r.id), escape::markdown(&r.source))
            }
            Some(r) => escape::markdown(&r.id),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            escape::markdown(&location),
            escape::markdown(&c.shown_text()),
            badge(c.verdict),
            reference,
            escape::markdown(&c.reason)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::html::tests::sample;
    use super::*;

    #[test]
    fn heading_counts_and_findings_table() {
        let md = report_markdown(&sample());
        let lines: Vec<&str> = md.lines().collect();
        assert_eq!(lines[0], "## factcheck report");
        assert_eq!(
            lines[2],
            "**2** contradicted \u{b7} **1** unsupported \u{b7} **1** supported \u{2014} 4 claims in 2 articles"
        );
        let rows: Vec<&str> = lines.iter().copied().filter(|l| l.starts_with("| ")).collect();
        assert_eq!(rows.len(), 2 + 3, "header, rule and three findings: {md}");
        assert!(rows[2].starts_with(
            "| a.md:3:45 | It is located in Rome. | \u{274C} contradicted | L2 (Guide, p. 3) |"
        ));
        assert!(rows[4].contains("\u{26A0}\u{FE0F} unsupported | \u{2014} |"));
        assert!(
            !md.contains("supported | [L1]"),
            "supported claims are not listed"
        );
    }

    #[test]
    fn cells_cannot_break_the_table_or_inject_markup() {
        let md = report_markdown(&sample());
        let row = md
            .lines()
            .find(|l| l.contains("x-1") || l.contains("50%"))
            .unwrap();
        assert_eq!(row.matches(" | ").count(), 4, "{row}");
        assert!(row.contains("50% say \"a\\|b\" &lt;b&gt;: new, line"));
        assert!(row.contains("R,9 (javascript:alert(1))"));
        assert_eq!(escape::markdown("@team <script>"), "@\u{2060}team &lt;script&gt;");
        assert_eq!(escape::markdown("*x* [y](z) `c`"), "\\*x\\* \\[y\\](z) \\`c\\`");
    }

    #[test]
    fn web_sources_become_links() {
        let mut r = sample();
        r.claims[1].reference.as_mut().unwrap().source = "https://x.org/a (b)".into();
        let md = report_markdown(&r);
        assert!(md.contains("| [L2](https://x.org/a%20%28b%29) |"), "{md}");
    }

    #[test]
    fn clean_report_says_so() {
        let mut r = sample();
        r.claims.retain(|c| c.verdict == Verdict::Supported);
        assert!(report_markdown(&r).ends_with("No contradicted or unsupported claims.\n"));
    }
}
