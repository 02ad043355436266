//! The main README command on the bundled demo data.
use crate::util::{factcheck, run};

fn demo() -> serde_json::Value {
    let (code, out, err) = run(factcheck().args(["check", "--format", "json"]));
    assert_eq!(code, 1, "the demo has contradicted claims: {err}");
    serde_json::from_str(&out).unwrap()
}

fn find<'a>(v: &'a serde_json::Value, needle: &str) -> &'a serde_json::Value {
    v["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["text"].as_str().unwrap().contains(needle))
        .unwrap_or_else(|| panic!("no claim containing {needle:?}"))
}

#[test]
fn aptia_claim_is_contradicted_by_way_of_the_appi() {
    let v = demo();
    let c = find(&v, "APTIA");
    assert_eq!(c["verdict"], "contradicted", "{c}");
    assert!(
        c["reason"]
            .as_str()
            .unwrap()
            .contains("name differs: claim \"APTIA\", reference \"APPI\""),
        "{c}"
    );
}

#[test]
fn council_venues_are_supported() {
    let v = demo();
    let c = find(&v, "Brussels meeting");
    assert_eq!(c["verdict"], "supported", "{c}");
    let c = find(&v, "hosted in Tokyo");
    assert_eq!(c["verdict"], "supported", "{c}");
}

/// "EIT Digital initiative is essentially a talent heist": the table knows
/// EIT Digital but not the verdict, so the claim is unsupported, and the
/// reason names the closest reference about EIT Digital, its coverage, and
/// claim words that reference lacks.
#[test]
fn eit_digital_opinion_is_unsupported_and_the_reason_says_what_is_missing() {
    let v = demo();
    let c = find(&v, "EIT Digital");
    assert_eq!(c["verdict"], "unsupported", "{c}");
    assert!(c["reference"].is_null(), "{c}");
    let reason = c["reason"].as_str().unwrap();
    // "closest reference ID covers N% of the claim; it does not mention "a", "b""
    let rest = reason
        .strip_prefix("closest reference ")
        .unwrap_or_else(|| panic!("not a closest-reference reason: {reason}"));
    let (id, rest) = rest.split_once(" covers ").expect(reason);
    let (percent, missing) = rest
        .split_once("% of the claim; it does not mention ")
        .expect(reason);
    let tables = factcheck::input::reference::table_files(&["references".into()]).unwrap();
    let refs = factcheck::input::reference::read_tables(&tables).unwrap();
    let closest = refs
        .iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("{id} is not in references/"));
    assert!(closest.statement.contains("EIT Digital"), "{}", closest.statement);
    // An unsupported claim's score is 1 - the closest coverage.
    let coverage = 1.0 - c["score"].as_f64().unwrap();
    assert_eq!(percent, format!("{:.0}", coverage * 100.0), "{reason}");
    let text = c["text"].as_str().unwrap().to_lowercase();
    let statement = closest.statement.to_lowercase();
    let words: Vec<&str> = missing.split(", ").map(|w| w.trim_matches('"')).collect();
    assert!(!words.is_empty(), "{reason}");
    for w in words {
        let w = w.to_lowercase();
        assert!(text.contains(&w), "{w:?} is not in the claim: {reason}");
        assert!(!statement.contains(&w), "{w:?} is in {id}: {reason}");
    }
}

#[test]
fn opinions_are_not_extracted_or_left_unsupported() {
    let v = demo();
    for c in v["claims"].as_array().unwrap() {
        let text = c["text"].as_str().unwrap();
        if text.contains("masterclass") || text.contains("Imagine") {
            assert_eq!(c["verdict"], "unsupported", "{c}");
        }
    }
    assert!(v["claims"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| !c["text"].as_str().unwrap().starts_with("Imagine")));
}
