//! Development aid: times retrieval alone (both queries of each claim).
//! Usage: search_probe REFS.csv CLAIMS.csv
use std::time::Instant;
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let index = factcheck::retrieval::index::Index::build(
        factcheck::input::reference::read_tables(&[args[1].clone().into()]).unwrap(),
    );
    let claims = factcheck::input::claim::read_claims(args[2].as_ref()).unwrap();
    let analysed: Vec<_> = claims
        .iter()
        .map(|c| factcheck::judge::matching::Analysed::new(&c.text, &index))
        .collect();
    for a in analysed.iter().take(6) {
        let q: Vec<_> = a
            .query()
            .iter()
            .map(|(t, b)| format!("{t}:{}:{:.1}", index.doc_freq(t), index.idf(t) * b))
            .collect();
        println!("{} | {:?}", a.text, q);
    }
    let t = Instant::now();
    let mut n = 0;
    for a in &analysed {
        n += index.search(&a.query(), 5).len();
        n += index.search(&a.subject_query(), 2).len();
    }
    println!(
        "{} searches in {:.3} s ({} hits)",
        2 * analysed.len(),
        t.elapsed().as_secs_f64(),
        n
    );
    let hits: Vec<_> = analysed.iter().map(|a| index.search(&a.query(), 5)).collect();
    let t = Instant::now();
    let mut m = 0;
    for (a, hs) in analysed.iter().zip(&hits) {
        for h in hs {
            m += factcheck::judge::matching::align(a, &index, h.doc, h.score)
                .matched
                .len();
        }
    }
    println!(
        "{} aligns in {:.3} s ({m})",
        hits.iter().map(Vec::len).sum::<usize>(),
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let s = factcheck::judge::verdict::Settings::balanced().expect("the shipped model parses");
    for c in &claims {
        std::hint::black_box(factcheck::judge::verdict::judge(&c.text, &index, &s));
    }
    println!("{} judges in {:.3} s", claims.len(), t.elapsed().as_secs_f64());
}
