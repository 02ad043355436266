//! The naive baseline: compare a claim with every reference using strsim
//! (normalised Levenshtein over the whole text) and keep the best. This is
//! what a direct port of the design's crates does without an index.
//! Usage: naive_allpairs REFS.csv CLAIMS.csv [MAX_CLAIMS]
//! Prints: claims, seconds, seconds per claim, and the top-1 reference ids.
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: naive_allpairs REFS.csv CLAIMS.csv [MAX_CLAIMS]");
        std::process::exit(2);
    }
    let refs = factcheck::input::reference::read_tables(&[args[1].clone().into()]).expect("refs");
    let mut claims = factcheck::input::claim::read_claims(args[2].as_ref()).expect("claims");
    if let Some(max) = args.get(3).and_then(|m| m.parse().ok()) {
        claims.truncate(max);
    }
    let t = Instant::now();
    let mut top = Vec::with_capacity(claims.len());
    for c in &claims {
        let claim = c.text.to_lowercase();
        let best = refs
            .iter()
            .map(|r| {
                (
                    strsim::normalized_levenshtein(&claim, &r.statement.to_lowercase()),
                    &r.id,
                )
            })
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(a.1)));
        top.push((c.id.clone(), best.map(|b| b.1.clone()).unwrap_or_default()));
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "claims {} seconds {:.3} per_claim {:.4}",
        claims.len(),
        secs,
        secs / claims.len().max(1) as f64
    );
    for (c, r) in top {
        println!("top1 {c} {r}");
    }
}
