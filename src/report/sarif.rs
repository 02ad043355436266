//! SARIF 2.1.0 output, for code-scanning dashboards (GitHub code scanning,
//! Azure DevOps, VS Code's SARIF viewer).
//!
//! One rule per verdict kind (`contradicted` is an error, `unsupported` a
//! warning, `supported` a note that never produces a result); one result per
//! contradicted or unsupported claim, located at the claim in its article,
//! with the deciding reference as a related location. Columns count Unicode
//! code points (`columnKind`). Built from typed structs through serde, so the
//! key order is fixed and the output byte-identical for the same report.

use serde::Serialize;

use super::html::{clean_url, is_web_url, Sources};
use super::locate::locate;
use crate::check::{Checked, Report};
use crate::config::{Severities, Severity};
use crate::verdict::Verdict;

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'a str,
    version: &'a str,
    runs: Vec<Run<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    column_kind: &'a str,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'a str,
    version: &'a str,
    semantic_version: &'a str,
    rules: Vec<Rule<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule<'a> {
    id: &'a str,
    name: &'a str,
    short_description: Text,
    full_description: Text,
    default_configuration: Configuration<'a>,
}

#[derive(Serialize)]
struct Configuration<'a> {
    level: &'a str,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    properties: Properties,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Properties {
    claim_id: String,
    score: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    reference_id: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    physical_location: Option<PhysicalLocation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<usize>,
}

/// The rules, in `ruleIndex` order.
const RULES: [(Verdict, &str, &str, &str); 3] = [
    (
        Verdict::Contradicted,
        "ContradictedClaim",
        "A reference contradicts the claim.",
        "A trusted reference states something incompatible with the claim (a different date, number, place or name, a negation, or a statement rated false).",
    ),
    (
        Verdict::Unsupported,
        "UnsupportedClaim",
        "No reference decides the claim.",
        "The reference table holds nothing that supports or contradicts the claim; it needs a source or a new reference.",
    ),
    (
        Verdict::Supported,
        "SupportedClaim",
        "A reference supports the claim.",
        "A trusted reference states the claim. Supported claims produce no results.",
    ),
];

/// The SARIF level of a verdict: its severity's, `note` for supported claims.
fn level(v: Verdict, severities: &Severities) -> &'static str {
    match severities.of(v) {
        Some(Severity::Error) => "error",
        Some(Severity::Warning) => "warning",
        Some(Severity::Note) | None => "note",
        Some(Severity::Off) => "none",
    }
}

/// Renders a report as a SARIF 2.1.0 log (pretty JSON, newline-terminated).
///
/// `sources` (article name to text) gives exact regions: with the article's
/// text the region ends where the claim ends (`endLine` when it spans
/// lines); without it, only the start is given.
pub fn report_sarif(report: &Report, sources: &Sources, severities: &Severities) -> String {
    let rules = RULES
        .iter()
        .map(|(v, name, short, full)| Rule {
            id: v.as_str(),
            name,
            short_description: Text {
                text: (*short).into(),
            },
            full_description: Text { text: (*full).into() },
            default_configuration: Configuration {
                level: level(*v, severities),
            },
        })
        .collect();
    let results = report
        .claims
        .iter()
        .filter(|c| c.verdict != Verdict::Supported)
        .map(|c| result(c, sources, severities))
        .collect();
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "factcheck",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    rules,
                },
            },
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    let mut out = serde_json::to_string_pretty(&log).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    out.push('\n');
    out
}

fn result(c: &Checked, sources: &Sources, severities: &Severities) -> SarifResult {
    let rule_index = RULES.iter().position(|(v, ..)| *v == c.verdict).unwrap_or(0);
    let mut locations = Vec::new();
    if !c.article.is_empty() {
        locations.push(Location {
            id: None,
            physical_location: Some(PhysicalLocation {
                artifact_location: ArtifactLocation {
                    uri: path_uri(&c.article),
                },
                region: region(c, sources.get(&c.article).map(String::as_str)),
            }),
            message: None,
        });
    }
    let related_locations = c
        .reference
        .iter()
        .map(|r| {
            let mut text = format!("Reference {}: {}", r.id, r.statement);
            if !r.source.trim().is_empty() {
                text.push_str(&format!(" (source: {})", r.source.trim()));
            }
            Location {
                id: Some(1),
                physical_location: is_web_url(&r.source).then(|| PhysicalLocation {
                    artifact_location: ArtifactLocation {
                        uri: clean_url(&r.source),
                    },
                    region: None,
                }),
                message: Some(Text { text }),
            }
        })
        .collect();
    SarifResult {
        rule_id: c.verdict.as_str(),
        rule_index,
        level: level(c.verdict, severities),
        message: Text {
            text: format!("{} \u{2014} {}", c.text, c.reason),
        },
        locations,
        related_locations,
        properties: Properties {
            claim_id: c.id.clone(),
            score: (c.score * 1000.0).round() / 1000.0,
            reference_id: c.reference.as_ref().map(|r| r.id.clone()),
        },
    }
}

/// The claim's region: its start, and its end when the article text shows
/// where the claim ends.
fn region(c: &Checked, source: Option<&str>) -> Option<Region> {
    if c.line == 0 {
        return None;
    }
    let mut region = Region {
        start_line: c.line,
        start_column: (c.column > 0).then_some(c.column),
        end_line: None,
        end_column: None,
    };
    if let (Some(src), Some(col)) = (source, region.start_column) {
        if let Some(span) = locate(src, c.line, col, &c.text) {
            let inside = &src[span];
            let newlines = inside.matches('\n').count();
            if newlines == 0 {
                region.end_column = Some(col + inside.chars().count());
            } else {
                let last = inside.rsplit('\n').next().unwrap_or("");
                region.end_line = Some(c.line + newlines);
                region.end_column = Some(last.chars().count() + 1);
            }
        }
    }
    Some(region)
}

/// A relative URI reference for a path as given: forward slashes, and
/// percent-encoding for anything outside the unreserved set (a `:` too, so
/// that `C:` never reads as a scheme).
fn path_uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.replace('\\', "/").chars() {
        if c.is_ascii_alphanumeric() || "-._~/!$&'()*+,;=@".contains(c) {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::html::tests::{sample, sample_sources};
    use super::*;

    fn parsed(sources: &Sources) -> serde_json::Value {
        serde_json::from_str(&report_sarif(&sample(), sources, &Severities::default())).unwrap()
    }

    #[test]
    fn results_only_for_findings_with_rules_and_levels() {
        let v = parsed(&sample_sources());
        let run = &v["runs"][0];
        assert_eq!(v["version"], "2.1.0");
        assert_eq!(run["tool"]["driver"]["name"], "factcheck");
        assert_eq!(run["tool"]["driver"]["version"], env!("CARGO_PKG_VERSION"));
        let rules: Vec<&str> = run["tool"]["driver"]["rules"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap())
            .collect();
        assert_eq!(rules, ["contradicted", "unsupported", "supported"]);
        let results = run["results"].as_array().unwrap();
        assert_eq!(results.len(), 3, "the supported claim gives no result");
        assert_eq!(results[0]["ruleId"], "contradicted");
        assert_eq!(results[0]["level"], "error");
        assert_eq!(results[1]["ruleId"], "unsupported");
        assert_eq!(results[1]["level"], "warning");
        assert_eq!(results[1]["ruleIndex"], 1);
        assert_eq!(
            results[0]["message"]["text"],
            "It is located in Rome. \u{2014} reason for a-2"
        );
    }

    #[test]
    fn regions_use_the_source_when_known() {
        let v = parsed(&sample_sources());
        let loc = &v["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], "a.md");
        assert_eq!(loc["region"]["startLine"], 3);
        assert_eq!(loc["region"]["startColumn"], 45);
        // "It is located in [Rome](https://x.org/r)." is 41 characters.
        assert_eq!(loc["region"]["endColumn"], 45 + 41);
        let without = parsed(&Sources::new());
        let loc = &without["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
        assert!(loc["region"].get("endColumn").is_none());
        // A claim without a position has no region; its path is a URI reference.
        let csv = &without["runs"][0]["results"][2]["locations"][0]["physicalLocation"];
        assert!(csv.get("region").is_none());
        assert_eq!(csv["artifactLocation"]["uri"], "dir/x,%20y.csv");
    }

    #[test]
    fn multi_line_claims_get_an_end_line() {
        let mut r = sample();
        r.claims[1].line = 1;
        r.claims[1].column = 1;
        r.claims[1].text = "Alpha beta gamma".into();
        let mut s = Sources::new();
        s.insert("a.md".into(), "Alpha beta\ngamma delta.".into());
        let c = &r.claims[1];
        assert_eq!(
            region(c, s.get("a.md").map(String::as_str)),
            Some(Region {
                start_line: 1,
                start_column: Some(1),
                end_line: Some(2),
                end_column: Some(6)
            })
        );
    }

    #[test]
    fn related_location_names_reference_and_links_only_urls() {
        let v = parsed(&Sources::new());
        let results = &v["runs"][0]["results"];
        let rel = &results[0]["relatedLocations"][0];
        assert_eq!(
            rel["message"]["text"],
            "Reference L2: The Eiffel Tower is located in Paris. (source: Guide, p. 3)"
        );
        assert!(rel.get("physicalLocation").is_none());
        let rel = &results[2]["relatedLocations"][0];
        assert!(rel.get("physicalLocation").is_none(), "javascript: is not a link");
        assert!(results[1].get("relatedLocations").is_none());
    }

    #[test]
    fn output_is_deterministic() {
        assert_eq!(
            report_sarif(&sample(), &sample_sources(), &Severities::default()),
            report_sarif(&sample(), &sample_sources(), &Severities::default())
        );
    }
}
