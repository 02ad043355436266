"""Regenerates src/data/wordnet.txt: the lexical knowledge factcheck takes from WordNet 3.0.

Source: WordNet 3.0 (Princeton University), as packaged by Debian in
`wordnet-base`. factcheck ships the generated file and never fetches anything
at run time; `src/wordnet.rs` embeds it with `include_str!`.

Run (stdlib only, Python 3):

    apt-get download wordnet-base
    dpkg-deb -x wordnet-base_*.deb /tmp/wn
    python3 tools/gen_wordnet.py /tmp/wn/usr/share/wordnet

The argument is the WordNet database directory (the one holding data.noun,
index.noun, noun.exc, ...); it defaults to /usr/share/wordnet. The output is
deterministic: the same database always gives the same bytes.

Output format (UTF-8, one record per line, fields separated by TAB; lines
starting with `#` are comments; `[name]` starts a section):

    # comments (licence, this description)
    [counts] <TAB> nouns <TAB> verbs <TAB> adjectives <TAB> adverbs
        Synsets are renumbered 0..N: the nouns first, then the verbs, the
        adjectives and the adverbs, each in WordNet's own (offset) order, so
        the id ranges give every synset's part of speech.
    [lemmas]
        lemma <TAB> P ids [<TAB> P ids ...]
        P is one letter (n, v, a, r) written straight before a comma-separated
        list of synset ids, in WordNet sense order (most frequent sense first);
        all senses are kept, readers take the first few. An id followed by `*`
        marks the synset's head word (the first word WordNet lists for it),
        which names the synset (e.g. in "popular music differs"). Lemmas are lowercase,
        multiword lemmas have single spaces instead of underscores, lemmas of
        more than 4 words are left out. Sorted by lemma (byte order).
    [hypernyms]
        One line per noun and verb synset, line k giving the parents of synset
        k: a comma-separated list of ids (hypernyms `@` and, for nouns,
        instance hypernyms `@i`), or an empty line for a root.
    [similar]
        satellite <TAB> head: adjective satellites and the head synsets they are
        "similar to" (`&`). Sorted.
    [synset-antonyms]
        a <TAB> b with a < b: adjective synsets joined by an antonym pointer
        (`!`), for indirect antonymy through [similar]. Sorted.
    [antonyms]
        a <TAB> b with a < b (byte order): lemmas joined by an antonym pointer
        (`!`) in any part of speech. Sorted.
    [exceptions]
        inflected <TAB> P <TAB> base [<TAB> base ...]: WordNet's morphological
        exception lists (noun.exc, verb.exc, adj.exc, adv.exc). Sorted.
"""
import os
import sys

LICENCE = """\
WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved.

This software and database is being provided to you, the LICENSEE, by
Princeton University under the following license.  By obtaining, using
and/or copying this software and database, you agree that you have
read, understood, and will comply with these terms and conditions.:

Permission to use, copy, modify and distribute this software and
database and its documentation for any purpose and without fee or
royalty is hereby granted, provided that you agree to comply with
the following copyright notice and statements, including the disclaimer,
and that the same appear on ALL copies of the software, database and
documentation, including modifications that you make for internal
use or for distribution.

WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved.

THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON
UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR
IMPLIED.  BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON
UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANT-
ABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE
OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT
INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR
OTHER RIGHTS.

The name of Princeton University or Princeton may not be used in
advertising or publicity pertaining to distribution of the software
and/or database.  Title to copyright in this software, database and
any associated documentation shall at all times remain with
Princeton University and LICENSEE agrees to preserve same.
"""

# WordNet file suffix, letter used in the output.
POS = [("noun", "n"), ("verb", "v"), ("adj", "a"), ("adv", "r")]
MAX_WORDS = 4


def lemma_text(word):
    """A WordNet word as factcheck folds it: lowercase, spaces, no adjective marker."""
    if word.endswith(")") and "(" in word:  # adjective markers (a), (p), (ip)
        word = word[: word.rindex("(")]
    return word.replace("_", " ").lower()


def too_long(lemma):
    return len(lemma.split(" ")) > MAX_WORDS


def read_data(path):
    """Yields (offset, ss_type, words, pointers) for every synset of a data.* file."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith(" "):  # licence header
                continue
            fields = line.split(" | ", 1)[0].split()
            offset, ss_type = fields[0], fields[2]
            n_words = int(fields[3], 16)
            words = [fields[4 + 2 * i] for i in range(n_words)]
            i = 4 + 2 * n_words
            n_ptrs = int(fields[i])
            i += 1
            pointers = []
            for _ in range(n_ptrs):
                symbol, target, pos, source_target = fields[i : i + 4]
                pointers.append((symbol, target, pos, int(source_target[:2], 16), int(source_target[2:], 16)))
                i += 4
            yield offset, ss_type, words, pointers


def main():
    wn_dir = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
    out_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "data", "wordnet.txt")

    # Pass 1: synsets, renumbered nouns, verbs, adjectives, adverbs in offset order.
    synsets = {}  # (letter, offset) -> (id, words, pointers, ss_type)
    counts = []
    for name, letter in POS:
        n = 0
        for offset, ss_type, words, pointers in read_data(os.path.join(wn_dir, "data." + name)):
            synsets[(letter, offset)] = (len(synsets), words, pointers, ss_type)
            n += 1
        counts.append(n)

    def target_key(pos, offset):
        return ("a" if pos == "s" else pos, offset)

    # Lemmas, senses in index order (the index lists a lemma's synsets by sense number).
    lemmas = {}  # lemma -> {letter: [ids]}
    for name, letter in POS:
        with open(os.path.join(wn_dir, "index." + name), encoding="utf-8") as f:
            for line in f:
                if line.startswith(" "):
                    continue
                fields = line.split()
                lemma = lemma_text(fields[0])
                if too_long(lemma):
                    continue
                synset_cnt = int(fields[2])
                offsets = fields[len(fields) - synset_cnt :]
                ids = []
                for o in offsets:
                    sid, words = synsets[(letter, o)][:2]
                    ids.append(str(sid) + ("*" if lemma_text(words[0]) == lemma else ""))
                lemmas.setdefault(lemma, {})[letter] = ids

    # Hypernyms of nouns and verbs; line k = parents of synset k.
    n_nv = counts[0] + counts[1]
    parents = [[] for _ in range(n_nv)]
    similar = set()
    synset_antonyms = set()
    antonyms = set()
    for (letter, _), (sid, words, pointers, ss_type) in synsets.items():
        for symbol, target, tpos, src, tgt in pointers:
            tid = synsets[target_key(tpos, target)][0]
            if letter in "nv" and symbol in ("@", "@i"):
                parents[sid].append(tid)
            elif letter == "a" and symbol == "&" and ss_type == "s":
                similar.add((sid, tid))
            elif symbol == "!":
                if letter == "a":
                    synset_antonyms.add((min(sid, tid), max(sid, tid)))
                if src and tgt:
                    a = lemma_text(words[src - 1])
                    b = lemma_text(synsets[target_key(tpos, target)][1][tgt - 1])
                    if a != b and not too_long(a) and not too_long(b):
                        antonyms.add((min(a, b), max(a, b)))

    exceptions = []
    for name, letter in POS:
        with open(os.path.join(wn_dir, name + ".exc"), encoding="utf-8") as f:
            for line in f:
                fields = [lemma_text(w) for w in line.split()]
                if len(fields) >= 2:
                    exceptions.append((fields[0], letter, fields[1:]))
    exceptions.sort()

    out = []
    for line in LICENCE.splitlines():
        out.append(("# " + line).rstrip())
    out.append("# Derived from the WordNet 3.0 database (wordnet-base); format and regeneration: see tools/gen_wordnet.py")
    out.append("[counts]\t" + "\t".join(str(c) for c in counts))
    out.append("[lemmas]")
    for lemma in sorted(lemmas, key=lambda s: s.encode("utf-8")):
        senses = lemmas[lemma]
        fields = [letter + ",".join(senses[letter]) for _, letter in POS if letter in senses]
        out.append(lemma + "\t" + "\t".join(fields))
    out.append("[hypernyms]")
    for ps in parents:
        out.append(",".join(map(str, sorted(set(ps)))))
    out.append("[similar]")
    for a, b in sorted(similar):
        out.append(f"{a}\t{b}")
    out.append("[synset-antonyms]")
    for a, b in sorted(synset_antonyms):
        out.append(f"{a}\t{b}")
    out.append("[antonyms]")
    for a, b in sorted(antonyms, key=lambda p: (p[0].encode("utf-8"), p[1].encode("utf-8"))):
        out.append(f"{a}\t{b}")
    out.append("[exceptions]")
    for word, letter, bases in exceptions:
        out.append(word + "\t" + letter + "\t" + "\t".join(bases))
    with open(out_path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
