//! Rendering a [`Comparison`] of two articles: a terminal table, JSON, CSV
//! or a Markdown table.
//!
//! The relation of two claims (consistent, conflicting, related) and each
//! claim's own verdict against reference tables stay in separate columns:
//! two articles can agree with each other and both be wrong.

use comfy_table::{presets::UTF8_FULL_CONDENSED, Cell, Color, ContentArrangement, Table};
use serde::Serialize;

use super::{safe_cell, strip_controls};
use crate::check::Report;
use crate::compare::{ClaimRef, Comparison, Relation};
use crate::verdict::Verdict;

/// True when some claim of the comparison carries a verdict (`--refs`).
fn has_verdicts(c: &Comparison) -> bool {
    c.pairs
        .iter()
        .flat_map(|p| [&p.a, &p.b])
        .chain(&c.only_a)
        .chain(&c.only_b)
        .any(|r| r.verdict.is_some())
}

fn verdict_str(r: &ClaimRef) -> &'static str {
    r.verdict.map_or("", Verdict::as_str)
}

fn summary(c: &Comparison) -> String {
    format!(
        "pairs: {} ({} consistent, {} conflicting, {} related); only in A: {}; only in B: {}\n",
        c.pairs.len(),
        c.count(Relation::Consistent),
        c.count(Relation::Conflicting),
        c.count(Relation::Related),
        c.only_a.len(),
        c.only_b.len()
    )
}

/// A claim as a table cell: `line: text`.
fn located(r: &ClaimRef) -> String {
    let text = strip_controls(&r.text);
    if r.line > 0 {
        format!("{}: {text}", r.line)
    } else {
        format!("{} ({})", text, strip_controls(&r.id))
    }
}

/// Renders a comparison as tables for a terminal: the pairs, then the claims
/// found in one article only, then a summary line. `color` only for a
/// terminal without NO_COLOR.
pub fn comparison_table(c: &Comparison, color: bool, width: Option<u16>) -> String {
    let verdicts = has_verdicts(c);
    let paint = |cell: Cell, colour: Color| if color { cell.fg(colour) } else { cell };
    let verdict_cell = |r: &ClaimRef| {
        let cell = Cell::new(r.verdict.map_or("-", Verdict::as_str));
        match r.verdict {
            Some(Verdict::Supported) => paint(cell, Color::Green),
            Some(Verdict::Contradicted) => paint(cell, Color::Red),
            Some(Verdict::Unsupported) => paint(cell, Color::Yellow),
            None => cell,
        }
    };
    let new_table = |header: Vec<&str>| {
        let mut t = Table::new();
        t.load_preset(UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(width.unwrap_or(160))
            .set_header(header);
        t
    };

    let mut out = String::new();
    if c.pairs.is_empty() {
        out.push_str("no claim of A lines up with a claim of B\n");
    } else {
        let mut header = vec!["A", "relation", "B", "score", "reason"];
        if verdicts {
            header = vec!["A", "A verdict", "relation", "B", "B verdict", "score", "reason"];
        }
        let mut pairs = new_table(header);
        for p in &c.pairs {
            let relation = Cell::new(p.relation.as_str());
            let relation = match p.relation {
                Relation::Consistent => paint(relation, Color::Green),
                Relation::Conflicting => paint(relation, Color::Red),
                Relation::Related => relation,
            };
            let mut row = vec![Cell::new(located(&p.a))];
            if verdicts {
                row.push(verdict_cell(&p.a));
            }
            row.push(relation);
            row.push(Cell::new(located(&p.b)));
            if verdicts {
                row.push(verdict_cell(&p.b));
            }
            row.push(Cell::new(format!("{:.3}", p.score)));
            row.push(Cell::new(strip_controls(&p.reason)));
            pairs.add_row(row);
        }
        out.push_str(&format!("{pairs}\n"));
    }
    for (title, claims) in [("only in A", &c.only_a), ("only in B", &c.only_b)] {
        if claims.is_empty() {
            continue;
        }
        let mut header = vec![title];
        if verdicts {
            header.push("verdict");
        }
        let mut t = new_table(header);
        for r in claims {
            let mut row = vec![Cell::new(located(r))];
            if verdicts {
                row.push(verdict_cell(r));
            }
            t.add_row(row);
        }
        out.push_str(&format!("{t}\n"));
    }
    out.push_str(&summary(c));
    out
}

/// Renders a comparison as JSON (`{"pairs":[...],"only_a":[...],"only_b":[...]}`),
/// newline-terminated.
pub fn comparison_json(c: &Comparison) -> String {
    let mut out = serde_json::to_string_pretty(c).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    out.push('\n');
    out
}

/// Renders a check report with a `comparison` key after its own keys; the
/// report's keys and their content are exactly those of
/// [`report_json`](super::report_json).
pub fn report_json_with_comparison(report: &Report, comparison: &Comparison) -> String {
    #[derive(Serialize)]
    struct WithComparison<'a> {
        #[serde(flatten)]
        report: &'a Report,
        comparison: &'a Comparison,
    }
    let both = WithComparison { report, comparison };
    let mut out = serde_json::to_string_pretty(&both).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    out.push('\n');
    out
}

/// Renders a comparison as CSV: one row per pair, then one per claim found
/// in one article only (`relation` is `only_a` or `only_b`, the other side
/// empty). Cells that would start a spreadsheet formula are neutralised.
pub fn comparison_csv(c: &Comparison) -> String {
    let header = [
        "relation",
        "score",
        "reason",
        "a_id",
        "a_line",
        "a_text",
        "a_verdict",
        "b_id",
        "b_line",
        "b_text",
        "b_verdict",
    ];
    let side = |r: Option<&ClaimRef>| -> [String; 4] {
        r.map_or_else(Default::default, |r| {
            [
                r.id.clone(),
                r.line.to_string(),
                r.text.clone(),
                verdict_str(r).to_string(),
            ]
        })
    };
    let row = |relation: &str, score: String, reason: &str, a: Option<&ClaimRef>, b: Option<&ClaimRef>| {
        let mut cells = vec![relation.to_string(), score, reason.to_string()];
        cells.extend(side(a));
        cells.extend(side(b));
        cells
    };
    let rows = c
        .pairs
        .iter()
        .map(|p| {
            row(
                p.relation.as_str(),
                format!("{:.3}", p.score),
                &p.reason,
                Some(&p.a),
                Some(&p.b),
            )
        })
        .chain(
            c.only_a
                .iter()
                .map(|r| row("only_a", String::new(), "", Some(r), None)),
        )
        .chain(
            c.only_b
                .iter()
                .map(|r| row("only_b", String::new(), "", None, Some(r))),
        );
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    // Writing to a Vec cannot fail.
    let _ = w.write_record(header);
    for r in rows {
        let _ = w.write_record(r.iter().map(|cell| safe_cell(cell)));
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// Escapes text for a Markdown table cell, as `check --format markdown`
/// does ([`super::markdown::cell`]): `|` would end the cell, a line break the
/// row, `<`, `>` and `&` would be read as HTML, Markdown punctuation as
/// emphasis, code or links, and `@name` would ping a GitHub user.
fn md(text: &str) -> String {
    super::markdown::cell(text)
}

fn md_claim(r: &ClaimRef) -> String {
    if r.line > 0 {
        format!("{}: {}", r.line, md(&r.text))
    } else {
        format!("{} ({})", md(&r.text), md(&r.id))
    }
}

/// Renders a comparison as Markdown: a table of pairs, then a table of the
/// claims of each article that pair with nothing, then a summary line.
pub fn comparison_markdown(c: &Comparison) -> String {
    let verdicts = has_verdicts(c);
    let table = |header: &[&str], rows: Vec<Vec<String>>| {
        let mut out = format!("| {} |\n|{}\n", header.join(" | "), "---|".repeat(header.len()));
        for r in rows {
            out.push_str(&format!("| {} |\n", r.join(" | ")));
        }
        out
    };
    let mut out = String::new();
    let header: &[&str] = if verdicts {
        &["A", "A verdict", "relation", "B", "B verdict", "score", "reason"]
    } else {
        &["A", "relation", "B", "score", "reason"]
    };
    let rows = c
        .pairs
        .iter()
        .map(|p| {
            let mut row = vec![md_claim(&p.a)];
            if verdicts {
                row.push(verdict_str(&p.a).to_string());
            }
            row.push(p.relation.as_str().to_string());
            row.push(md_claim(&p.b));
            if verdicts {
                row.push(verdict_str(&p.b).to_string());
            }
            row.push(format!("{:.3}", p.score));
            row.push(md(&p.reason));
            row
        })
        .collect();
    out.push_str(&table(header, rows));
    for (title, claims) in [("Only in A", &c.only_a), ("Only in B", &c.only_b)] {
        if claims.is_empty() {
            continue;
        }
        let header: &[&str] = if verdicts { &[title, "verdict"] } else { &[title] };
        let rows = claims
            .iter()
            .map(|r| {
                let mut row = vec![md_claim(r)];
                if verdicts {
                    row.push(verdict_str(r).to_string());
                }
                row
            })
            .collect();
        out.push('\n');
        out.push_str(&table(header, rows));
    }
    out.push('\n');
    out.push_str(&summary(c));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::Pair;

    fn claim(id: &str, text: &str, line: usize) -> ClaimRef {
        ClaimRef {
            id: id.into(),
            text: text.into(),
            line,
            verdict: None,
        }
    }

    fn dummy() -> Comparison {
        Comparison {
            pairs: vec![Pair {
                a: claim("a-1", "The line opened in 2023 | early.", 3),
                b: claim("b-1", "=The line opened in 2024.", 5),
                relation: Relation::Conflicting,
                score: 0.812,
                reason: "date differs: A 2023, B 2024".into(),
            }],
            only_a: vec![claim("a-2", "Trams run <every> six minutes.", 7)],
            only_b: vec![claim("b-2", "Cafés report more customers.", 0)],
        }
    }

    #[test]
    fn table_shows_pairs_one_sided_claims_and_summary() {
        let out = comparison_table(&dummy(), false, Some(200));
        assert!(out.contains("conflicting"), "{out}");
        assert!(out.contains("3: The line opened in 2023 | early."), "{out}");
        assert!(out.contains("date differs: A 2023, B 2024"), "{out}");
        assert!(out.contains("only in A") && out.contains("only in B"), "{out}");
        assert!(out.contains("Cafés report more customers. (b-2)"), "{out}");
        assert!(
            !out.contains("verdict"),
            "no verdict column without --refs: {out}"
        );
        assert!(
            out.ends_with("pairs: 1 (0 consistent, 1 conflicting, 0 related); only in A: 1; only in B: 1\n")
        );
    }

    #[test]
    fn verdicts_get_their_own_columns() {
        let mut c = dummy();
        c.pairs[0].b.verdict = Some(Verdict::Contradicted);
        let out = comparison_table(&c, false, Some(220));
        assert!(out.contains("A verdict") && out.contains("B verdict"), "{out}");
        assert!(out.contains("contradicted"), "{out}");
        let csv = comparison_csv(&c);
        let first = csv.lines().nth(1).unwrap();
        assert!(first.ends_with(",contradicted"), "{csv}");
        let md = comparison_markdown(&c);
        assert!(
            md.starts_with("| A | A verdict | relation | B | B verdict | score | reason |"),
            "{md}"
        );
    }

    #[test]
    fn csv_neutralises_formulas_and_lists_one_sided_claims() {
        let csv = comparison_csv(&dummy());
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(
            lines[0],
            "relation,score,reason,a_id,a_line,a_text,a_verdict,b_id,b_line,b_text,b_verdict"
        );
        assert!(lines[1].contains(",'=The line opened in 2024.,"), "{csv}");
        assert!(lines[1].starts_with("conflicting,0.812,"), "{csv}");
        assert_eq!(lines[2], "only_a,,,a-2,7,Trams run <every> six minutes.,,,,,");
        assert_eq!(lines[3], "only_b,,,,,,,b-2,0,Cafés report more customers.,");
    }

    #[test]
    fn markdown_escapes_pipes_and_html() {
        let md = comparison_markdown(&dummy());
        assert!(md.contains("3: The line opened in 2023 \\| early."), "{md}");
        assert!(md.contains("Trams run &lt;every&gt; six minutes."), "{md}");
        assert_eq!(super::md("*and* [x] a_b \\"), "\\*and\\* \\[x\\] a\\_b \\\\");
        // Found in issue 16: a claim quoting @octocat pinged them in a PR comment.
        assert_eq!(super::md("ask @octocat"), "ask @\u{2060}octocat");
        for line in md.lines().filter(|l| l.starts_with('|')) {
            let cells = line.replace("\\|", "").matches('|').count();
            assert!(cells == 6 || cells == 2, "{line}");
        }
    }

    #[test]
    fn json_has_the_documented_shape() {
        let v: serde_json::Value = serde_json::from_str(&comparison_json(&dummy())).unwrap();
        assert_eq!(v["pairs"][0]["relation"], "conflicting");
        assert_eq!(v["pairs"][0]["a"]["line"], 3);
        assert!(v["pairs"][0]["a"].get("verdict").is_none());
        assert_eq!(v["only_b"][0]["id"], "b-2");
    }
}
