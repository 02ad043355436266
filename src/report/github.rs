//! GitHub Actions workflow commands: one line per finding, which GitHub
//! shows as annotations on the article in the pull request: by default
//! `::error` for a contradicted claim and `::warning` for an unsupported
//! one; the configured severities pick `::error`, `::warning` or
//! `::notice`. Supported claims print nothing, so a clean run prints
//! nothing.
//!
//! Escaping follows GitHub's runner: in the message `%`, `\r` and `\n`
//! become `%25`, `%0D` and `%0A`; property values also escape `:` and `,`
//! (`%3A`, `%2C`).

use super::escape;
use crate::check::{Checked, Report};
use crate::config::{Severities, Severity};
use crate::verdict::Verdict;

/// Renders a report as GitHub workflow commands, one line per finding,
/// whose command follows the verdict's severity.
///
/// The claims of one sentence give one annotation, at the first one's
/// place, with the sentence's worst verdict and the messages of the claims
/// that have it.
pub fn report_github(report: &Report, severities: &Severities) -> String {
    let mut out = String::new();
    for group in crate::check::sentence_groups(&report.claims) {
        let worst = crate::check::worst_verdict(group);
        let command = match severities.of(worst) {
            Some(Severity::Error) => "error",
            Some(Severity::Warning) => "warning",
            Some(Severity::Note | Severity::Off) => "notice",
            None => continue,
        };
        let messages: Vec<String> = group.iter().filter(|c| c.verdict == worst).map(message).collect();
        out.push_str(&annotation(command, &group[0], worst, &messages.join(" | ")));
        out.push('\n');
    }
    out
}

/// A claim's message: its text (with a resolved subject), why, and the reference.
fn message(c: &Checked) -> String {
    let mut message = format!("{} \u{2014} {}", c.shown_text(), c.reason);
    if let Some(r) = &c.reference {
        if !mentions(&c.reason, &r.id) {
            message.push_str(&format!(" (ref {})", r.id));
        }
    }
    message
}

fn annotation(command: &str, c: &Checked, verdict: Verdict, message: &str) -> String {
    let mut props = Vec::new();
    if !c.article.is_empty() {
        props.push(format!(
            "file={}",
            escape::github_property(&c.article.replace('\\', "/"))
        ));
    }
    if c.line > 0 {
        props.push(format!("line={}", c.line));
        if c.column > 0 {
            props.push(format!("col={}", c.column));
        }
    }
    props.push(format!(
        "title={}",
        escape::github_property(&format!("factcheck {verdict}"))
    ));
    format!(
        "::{command} {}::{}",
        props.join(","),
        escape::github_data(message)
    )
}

/// True when `text` names `id` as a whole word.
fn mentions(text: &str, id: &str) -> bool {
    let is_word = |c: char| c.is_alphanumeric() || c == '_' || c == '-';
    text.match_indices(id).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + id.len()..].chars().next();
        !before.is_some_and(is_word) && !after.is_some_and(is_word)
    })
}

#[cfg(test)]
mod tests {
    use super::super::html::tests::sample;
    use super::*;

    #[test]
    fn one_line_per_finding_with_locations() {
        let out = report_github(&sample(), &Severities::default());
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 3, "{out}");
        assert_eq!(
            lines[0],
            "::error file=a.md,line=3,col=45,title=factcheck contradicted::It is located in Rome. \u{2014} reason for a-2 (ref L2)"
        );
        assert_eq!(
            lines[1],
            "::warning file=a.md,line=5,col=3,title=factcheck unsupported::The moon is made of cheese. \u{2014} reason for a-3"
        );
    }

    #[test]
    fn properties_and_messages_are_escaped() {
        let out = report_github(&sample(), &Severities::default());
        let last = out.lines().nth(2).unwrap();
        assert_eq!(
            last,
            "::error file=dir/x%2C y.csv,title=factcheck contradicted::50%25 say \"a|b\" <b>:%0Anew, line \u{2014} reason for x-1 (ref R,9)"
        );
    }

    #[test]
    fn reference_named_in_reason_is_not_repeated() {
        let mut r = sample();
        r.claims[1].reason = "place differs (ref L2)".into();
        let out = report_github(&r, &Severities::default());
        assert!(out.lines().next().unwrap().ends_with("place differs (ref L2)"));
        assert!(!mentions("refs L20", "L2"));
    }

    #[test]
    fn supported_only_prints_nothing() {
        let mut r = sample();
        r.claims.retain(|c| c.verdict == Verdict::Supported);
        assert_eq!(report_github(&r, &Severities::default()), "");
    }

    #[test]
    fn claims_of_one_sentence_give_one_annotation_with_its_worst_verdict() {
        let mut r = sample();
        r.claims.truncate(2);
        for (i, c) in r.claims.iter_mut().enumerate() {
            c.article = "a.md".into();
            c.line = 3;
            c.column = 1 + 20 * i;
            c.sentence = "Tower A opened in 1900 and cost 5 francs.".into();
        }
        r.claims[0].verdict = Verdict::Unsupported;
        r.claims[1].verdict = Verdict::Contradicted;
        let out = report_github(&r, &Severities::default());
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 1, "{out}");
        assert!(
            lines[0].starts_with("::error file=a.md,line=3,col=1,title=factcheck contradicted::"),
            "{out}"
        );
        assert!(lines[0].contains(&r.claims[1].reason), "{out}");
        assert!(!lines[0].contains(&r.claims[0].reason), "{out}");
        // Other sentences keep their own annotation.
        r.claims[1].sentence = "Another sentence.".into();
        assert_eq!(report_github(&r, &Severities::default()).lines().count(), 2);
    }
}
