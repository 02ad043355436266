//! Rendering a [`Comparison`] of two articles: a terminal table, JSON, CSV,
//! a Markdown table or a self-contained HTML page with the two articles
//! side by side.
//!
//! The relation of two claims (consistent, conflicting, related) and each
//! claim's own verdict against reference tables stay in separate columns:
//! two articles can agree with each other and both be wrong.

use comfy_table::{presets::UTF8_FULL_CONDENSED, Cell, Color, ContentArrangement, Table};
use serde::Serialize;

use super::escape;
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
    let text = escape::terminal(&r.text);
    if r.line > 0 {
        format!("{}: {text}", r.line)
    } else {
        format!("{} ({})", text, escape::terminal(&r.id))
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
            row.push(Cell::new(escape::terminal(&Comparison::reason_with_backing(p))));
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
        "backing",
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
    let backing = |p: &crate::compare::Pair| p.backing.clone().unwrap_or_default();
    let rows = c
        .pairs
        .iter()
        .map(|p| {
            let mut cells = row(
                p.relation.as_str(),
                format!("{:.3}", p.score),
                &p.reason,
                Some(&p.a),
                Some(&p.b),
            );
            cells.push(backing(p));
            cells
        })
        .chain(
            c.only_a
                .iter()
                .map(|r| row("only_a", String::new(), "", Some(r), None))
                .map(|mut cells| {
                    cells.push(String::new());
                    cells
                }),
        )
        .chain(
            c.only_b
                .iter()
                .map(|r| row("only_b", String::new(), "", None, Some(r)))
                .map(|mut cells| {
                    cells.push(String::new());
                    cells
                }),
        );
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    // Writing to a Vec cannot fail.
    let _ = w.write_record(header);
    for r in rows {
        let _ = w.write_record(r.iter().map(|cell| escape::spreadsheet(cell)));
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

fn md_claim(r: &ClaimRef) -> String {
    if r.line > 0 {
        format!("{}: {}", r.line, escape::markdown(&r.text))
    } else {
        format!("{} ({})", escape::markdown(&r.text), escape::markdown(&r.id))
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
            row.push(escape::markdown(&Comparison::reason_with_backing(p)));
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

/// Styles of the comparison page: two columns, conflicts in red, agreement
/// in green, a linked claim outlined when reached from the other column.
const COMPARE_STYLE: &str = "body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222}\
h1{font-size:1.4rem}h2{font-size:1.1rem;word-break:break-all}\
.columns{display:grid;grid-template-columns:1fr 1fr;gap:1.5rem}\
ol{list-style:none;padding:0}li.claim{margin:.4rem 0;padding:.4rem .6rem;border-left:4px solid #ccc;background:#fafafa}\
li.conflicting{border-color:#c62828;background:#fdecea}li.consistent{border-color:#2e7d32;background:#edf7ed}\
li.related{border-color:#9e9e9e}li.only{border-color:#e0e0e0;color:#555}\
li:target{outline:3px solid #1565c0}.line{color:#777;font-size:.85em;margin-right:.4em}\
.links{margin:.3rem 0 0 1rem;padding:0;font-size:.9em}.links li{list-style:disc;margin:.1rem 0}\
.rel-conflicting{color:#c62828;font-weight:600}.rel-consistent{color:#2e7d32;font-weight:600}\
.verdict{font-size:.8em;padding:0 .3em;border:1px solid #bbb;border-radius:3px;margin-left:.3em}";

/// Renders a comparison as one self-contained HTML page: article A on the
/// left, B on the right, each claim in line order, coloured by the
/// strongest relation it takes part in, with links to its counterparts in
/// the other column and the reason of each pair. Every text is escaped; the
/// page has no script and loads nothing.
pub fn comparison_html(c: &Comparison, a_name: &str, b_name: &str) -> String {
    use super::escape::html as esc;
    use std::collections::BTreeMap;
    use std::fmt::Write as _;
    // Each side's claims by (line, id), with an anchor and their links.
    struct Entry<'c> {
        claim: &'c ClaimRef,
        links: Vec<(&'c crate::compare::Pair, &'c ClaimRef)>,
    }
    let mut sides: [BTreeMap<(usize, &str), Entry>; 2] = [BTreeMap::new(), BTreeMap::new()];
    for p in &c.pairs {
        for (k, own, other) in [(0, &p.a, &p.b), (1, &p.b, &p.a)] {
            sides[k]
                .entry((own.line, own.id.as_str()))
                .or_insert_with(|| Entry {
                    claim: own,
                    links: Vec::new(),
                })
                .links
                .push((p, other));
        }
    }
    for (k, only) in [(0, &c.only_a), (1, &c.only_b)] {
        for r in only {
            sides[k].entry((r.line, r.id.as_str())).or_insert_with(|| Entry {
                claim: r,
                links: Vec::new(),
            });
        }
    }
    let anchors: [BTreeMap<&str, String>; 2] = [0, 1].map(|k| {
        sides[k]
            .values()
            .enumerate()
            .map(|(n, e)| (e.claim.id.as_str(), format!("{}{}", ["a", "b"][k], n + 1)))
            .collect()
    });
    let strongest = |e: &Entry| {
        let rank = |r: Relation| match r {
            Relation::Conflicting => 3,
            Relation::Consistent => 2,
            Relation::Related => 1,
        };
        e.links
            .iter()
            .map(|(p, _)| p.relation)
            .max_by_key(|r| rank(*r))
            .map_or("only", Relation::as_str)
    };
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>factcheck compare: {} / {}</title>\n<style>{COMPARE_STYLE}</style>\n</head>\n<body>\n\
         <h1>Comparison of two articles</h1>\n<p class=\"summary\">{}</p>\n<div class=\"columns\">\n",
        esc(&escape::terminal(a_name)),
        esc(&escape::terminal(b_name)),
        esc(summary(c).trim_end())
    );
    for (k, name) in [(0, a_name), (1, b_name)] {
        let (this, other) = (["A", "B"][k], ["B", "A"][k]);
        let _ = write!(
            out,
            "<section aria-label=\"Article {this}\">\n<h2>{this}: {}</h2>\n<ol>\n",
            esc(&escape::terminal(name))
        );
        for e in sides[k].values() {
            let anchor = &anchors[k][e.claim.id.as_str()];
            let _ = write!(out, "<li class=\"claim {}\" id=\"{anchor}\">", strongest(e));
            if e.claim.line > 0 {
                let _ = write!(out, "<span class=\"line\">L{}</span>", e.claim.line);
            }
            out.push_str(&esc(&escape::terminal(&e.claim.text)));
            if let Some(v) = e.claim.verdict {
                let _ = write!(out, "<span class=\"verdict\">{}</span>", v.as_str());
            }
            if !e.links.is_empty() {
                out.push_str("<ul class=\"links\">");
                for (p, counterpart) in &e.links {
                    let target = &anchors[1 - k][counterpart.id.as_str()];
                    let _ = write!(
                        out,
                        "<li><span class=\"rel-{rel}\">{rel}</span> with <a href=\"#{target}\">{other} L{line}</a>: {reason}</li>",
                        rel = p.relation.as_str(),
                        line = counterpart.line,
                        reason = esc(&escape::terminal(&Comparison::reason_with_backing(p)))
                    );
                }
                out.push_str("</ul>");
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ol>\n</section>\n");
    }
    out.push_str("</div>\n</body>\n</html>\n");
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
            reference: None,
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
                backing: None,
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
        assert!(first.ends_with(",contradicted,"), "{csv}");
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
            "relation,score,reason,a_id,a_line,a_text,a_verdict,b_id,b_line,b_text,b_verdict,backing"
        );
        assert!(lines[1].contains(",'=The line opened in 2024.,"), "{csv}");
        assert!(lines[1].starts_with("conflicting,0.812,"), "{csv}");
        assert_eq!(lines[2], "only_a,,,a-2,7,Trams run <every> six minutes.,,,,,,");
        assert_eq!(lines[3], "only_b,,,,,,,b-2,0,Cafés report more customers.,,");
    }

    #[test]
    fn markdown_escapes_pipes_and_html() {
        let md = comparison_markdown(&dummy());
        assert!(md.contains("3: The line opened in 2023 \\| early."), "{md}");
        assert!(md.contains("Trams run &lt;every&gt; six minutes."), "{md}");
        assert_eq!(
            super::escape::markdown("*and* [x] a_b \\"),
            "\\*and\\* \\[x\\] a\\_b \\\\"
        );
        // Found in issue 16: a claim quoting @octocat pinged them in a PR comment.
        assert_eq!(super::escape::markdown("ask @octocat"), "ask @\u{2060}octocat");
        for line in md.lines().filter(|l| l.starts_with('|')) {
            let cells = line.replace("\\|", "").matches('|').count();
            assert!(cells == 6 || cells == 2, "{line}");
        }
    }

    #[test]
    fn html_puts_the_articles_side_by_side_escaped_and_linked() {
        let mut c = dummy();
        c.pairs[0].a.text = "The <b>line</b> & \"depot\" opened in 2023.".into();
        let html = comparison_html(&c, "a<1>.md", "b.md");
        assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
        assert!(
            html.contains("The &lt;b&gt;line&lt;/b&gt; &amp; &quot;depot&quot;"),
            "{html}"
        );
        assert!(html.contains("a&lt;1&gt;.md") && !html.contains("a<1>"), "{html}");
        assert!(
            !html.contains("<script") && !html.contains("http"),
            "self-contained: {html}"
        );
        // The conflicting claims link to each other across the columns.
        assert!(
            html.contains("<li class=\"claim conflicting\" id=\"a1\">"),
            "{html}"
        );
        assert!(html.contains("href=\"#b2\">B L5</a>"), "{html}");
        assert!(
            html.contains("<li class=\"claim conflicting\" id=\"b2\">"),
            "{html}"
        );
        assert!(html.contains("href=\"#a1\">A L3</a>"), "{html}");
        assert!(html.contains("<li class=\"claim only\" id=\"a2\">"), "{html}");
        assert_eq!(html, comparison_html(&c, "a<1>.md", "b.md"), "deterministic");
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
