//! Prints the alignment of one claim with its candidates (development aid).
//! Usage: cargo run --release --example debug_align -- REFS.csv "claim text"
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let refs = factcheck::input::reference::read_tables(&[args[1].clone().into()]).expect("refs");
    let index = factcheck::retrieval::index::Index::build(refs);
    let claim = factcheck::judge::matching::Analysed::new(&args[2], &index);
    for t in &claim.toks {
        print!("{}[{:?}{}] ", t.norm, t.shape, if t.stop { ",stop" } else { "" });
    }
    println!();
    for h in index.search(&claim.query(), 5) {
        let a = factcheck::judge::matching::align(&claim, &index, h.doc, h.score);
        println!(
            "{} cov {:.2} aligned {:.2} pred {:.2} subject {} conflicts {:?}\n   matched {:?}\n   missing {:?}",
            index.refs()[h.doc].id, a.coverage, a.aligned, a.predicate, a.subject, a.conflicts, a.matched, a.missing
        );
    }
}
