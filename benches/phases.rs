//! Times the phases of a check separately: loading the tables, building the
//! index, and judging the claims (per-claim mean), on one thread pool.
//! Usage: phases REFS.csv CLAIMS.csv [SAVE_INDEX.fcidx]
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: phases REFS.csv CLAIMS.csv");
        std::process::exit(2);
    }
    let t0 = Instant::now();
    let refs = factcheck::input::reference::read_tables(&[args[1].clone().into()]).expect("refs");
    let n = refs.len();
    let t1 = Instant::now();
    let index = factcheck::retrieval::index::Index::build(refs);
    let t2 = Instant::now();
    let claims = factcheck::input::claim::read_claims(args[2].as_ref()).expect("claims");
    let m = claims.len();
    let options = factcheck::project::config::Config::default()
        .options(true, false)
        .expect("the shipped model parses");
    let t3 = Instant::now();
    let report = factcheck::check::check_claims(claims, &index, &options);
    let t4 = Instant::now();
    println!("references {n}, claims {m}");
    println!("load tables   {:>8.3} s", (t1 - t0).as_secs_f64());
    println!("build index   {:>8.3} s", (t2 - t1).as_secs_f64());
    println!("load claims   {:>8.3} s", (t3 - t2).as_secs_f64());
    println!(
        "judge claims  {:>8.3} s  ({:.3} ms per claim)",
        (t4 - t3).as_secs_f64(),
        (t4 - t3).as_secs_f64() * 1e3 / m.max(1) as f64
    );
    println!("verdicts: {:?}", report.summary);
    // With a third argument: save the index there and time loading it back.
    if let Some(file) = args.get(3) {
        let file = std::path::Path::new(file);
        factcheck::retrieval::store::save(&index, file, &factcheck::report::output::Inputs::new())
            .expect("save");
        let t5 = Instant::now();
        let loaded = factcheck::retrieval::store::load(file).expect("load");
        let t6 = Instant::now();
        println!(
            "load saved index {:>8.3} s ({} MB)",
            (t6 - t5).as_secs_f64(),
            std::fs::metadata(file).map_or(0, |m| m.len() >> 20)
        );
        drop(loaded);
    }
}
