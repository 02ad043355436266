//! Deterministic synthetic corpus for the performance benchmark.
//!
//! Writes a reference table of N rows and a labelled claims CSV of M rows:
//! statements are built from templates over invented names (syllable
//! compounds), places, years and numbers, with filler words drawn from the
//! 5,000 most frequent English words by a Zipf law, so word frequencies look
//! like real text. Claims are a third supported paraphrases, a third
//! contradicted variants (another year, number or place, or a negation) and a
//! third unsupported (a name no statement uses).
//!
//! Usage: gen_corpus REFS_OUT N CLAIMS_OUT M [SEED]

use std::io::{BufWriter, Write};

struct Rng(u64);

impl Rng {
    // splitmix64: tiny, fast, deterministic across platforms.
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "ri", "mo", "len", "dar", "vi", "sto", "pel", "an", "ur", "bel", "gor", "ta", "ni", "ves", "lo",
    "mar", "tin", "el", "ros", "ha", "ven", "qui", "do", "ber", "sal", "ko", "ne", "fa", "mir",
];
const KINDS: &[&str] = &[
    "company",
    "river",
    "festival",
    "treaty",
    "university",
    "album",
    "film",
    "bridge",
    "party",
    "council",
    "museum",
    "novel",
    "agency",
    "orchestra",
    "satellite",
    "vaccine",
    "stadium",
    "railway",
    "journal",
    "reactor",
];
const VERBS: &[(&str, &str)] = &[
    ("founded", "was founded in"),
    ("opened", "opened in"),
    ("signed", "was signed in"),
    ("released", "was released in"),
    ("built", "was built in"),
    ("launched", "was launched in"),
];

fn name(rng: &mut Rng) -> String {
    let parts = 2 + rng.below(2);
    let mut s = String::new();
    for _ in 0..parts {
        s.push_str(SYLLABLES[rng.below(SYLLABLES.len())]);
    }
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => s,
    }
}

struct Zipf {
    words: Vec<&'static str>,
    cumulative: Vec<f64>,
}

impl Zipf {
    fn new(rng: &mut Rng) -> Zipf {
        let mut words: Vec<&'static str> = include_str!("../src/data/common_words.txt")
            .lines()
            .filter(|l| !l.starts_with('#') && l.len() > 3)
            .collect();
        // A fixed shuffle decides which word gets which rank.
        for i in (1..words.len()).rev() {
            words.swap(i, rng.below(i + 1));
        }
        let mut total = 0.0;
        let cumulative = (1..=words.len())
            .map(|r| {
                total += 1.0 / r as f64;
                total
            })
            .collect();
        Zipf { words, cumulative }
    }
    fn word(&self, rng: &mut Rng) -> &'static str {
        let x = rng.unit() * self.cumulative[self.cumulative.len() - 1];
        let i = self.cumulative.partition_point(|&c| c < x);
        self.words[i.min(self.words.len() - 1)]
    }
}

struct Fact {
    name: String,
    kind: &'static str,
    verb: usize,
    place: String,
    year: u32,
    number: u32,
    filler: Vec<&'static str>,
}

impl Fact {
    fn statement(&self) -> String {
        format!(
            "{} is a {} that {} {} in {} and counts {} {}.",
            self.name,
            self.kind,
            VERBS[self.verb].1,
            self.place,
            self.year,
            self.number,
            self.filler.join(" ")
        )
    }
}

fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 5 {
        eprintln!("usage: gen_corpus REFS_OUT N CLAIMS_OUT M [SEED]");
        std::process::exit(2);
    }
    let n: usize = args[2].parse().expect("N");
    let m: usize = args[4].parse().expect("M");
    let seed: u64 = args.get(5).and_then(|s| s.parse().ok()).unwrap_or(20261125);
    let mut rng = Rng(seed);
    let zipf = Zipf::new(&mut rng);
    let places: Vec<String> = (0..2000).map(|_| name(&mut rng)).collect();

    let mut refs = BufWriter::new(std::fs::File::create(&args[1])?);
    writeln!(refs, "id,statement,source")?;
    let mut facts = Vec::with_capacity(n);
    for i in 0..n {
        let fact = Fact {
            name: format!("{} {}", name(&mut rng), name(&mut rng)),
            kind: KINDS[rng.below(KINDS.len())],
            verb: rng.below(VERBS.len()),
            place: places[rng.below(places.len())].clone(),
            year: 1800 + rng.below(225) as u32,
            number: 2 + rng.below(5000) as u32,
            filler: (0..3 + rng.below(6)).map(|_| zipf.word(&mut rng)).collect(),
        };
        writeln!(
            refs,
            "R{i},{},synthetic {}",
            csv_cell(&fact.statement()),
            fact.kind
        )?;
        facts.push(fact);
    }
    refs.flush()?;

    let mut claims = BufWriter::new(std::fs::File::create(&args[3])?);
    writeln!(claims, "id,text,label")?;
    for j in 0..m {
        let f = &facts[rng.below(facts.len())];
        let (text, label) = match j % 3 {
            0 => (
                format!("{} {} {} in {}.", f.name, VERBS[f.verb].1, f.place, f.year),
                "supported",
            ),
            1 => match rng.below(3) {
                0 => (
                    format!(
                        "{} {} {} in {}.",
                        f.name,
                        VERBS[f.verb].1,
                        f.place,
                        f.year + 1 + rng.below(20) as u32
                    ),
                    "contradicted",
                ),
                1 => (
                    format!(
                        "{} {} {}.",
                        f.name,
                        VERBS[f.verb].1,
                        places[rng.below(places.len())]
                    ),
                    "contradicted",
                ),
                _ => (format!("{} is not a {}.", f.name, f.kind), "contradicted"),
            },
            _ => (
                format!(
                    "{} {} {} in {}.",
                    format_args!("{} {}", name(&mut rng), name(&mut rng)),
                    VERBS[rng.below(VERBS.len())].1,
                    places[rng.below(places.len())],
                    1800 + rng.below(225)
                ),
                "unsupported",
            ),
        };
        writeln!(claims, "C{j},{},{label}", csv_cell(&text))?;
    }
    claims.flush()
}
