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

#[test]
fn eit_digital_claim_is_flagged_with_a_reason() {
    let v = demo();
    let c = find(&v, "EIT Digital");
    assert_ne!(c["verdict"], "supported", "{c}");
    assert!(!c["reason"].as_str().unwrap().is_empty());
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
