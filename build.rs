//! Parses the embedded WordNet text (`src/data/wordnet.txt`) once at build time
//! into flat tables (`$OUT_DIR/wordnet.bin`), so that a run reads them back
//! instead of parsing 265,000 lines at start-up.

#[allow(dead_code)]
#[path = "src/text/wordnet_tables.rs"]
mod wordnet_tables;

fn main() {
    println!("cargo:rerun-if-changed=src/data/wordnet.txt");
    println!("cargo:rerun-if-changed=src/text/wordnet_tables.rs");
    let text = std::fs::read_to_string("src/data/wordnet.txt").expect("read src/data/wordnet.txt");
    let blob = wordnet_tables::encode(&text, &wordnet_tables::parse(&text));
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("wordnet.bin");
    std::fs::write(out, blob).expect("write wordnet.bin");
}
