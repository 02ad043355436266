//! Development aid: times loading a saved index. Usage: load_probe FILE.fcidx
fn main() {
    let path = std::env::args().nth(1).expect("path");
    let t = std::time::Instant::now();
    let index = factcheck::retrieval::store::load(path.as_ref()).expect("load");
    println!(
        "{} refs loaded in {:.3} s",
        index.refs().len(),
        t.elapsed().as_secs_f64()
    );
    std::mem::forget(index);
}
