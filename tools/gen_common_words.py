"""Regenerates src/data/common_words.txt: the 5,000 most frequent English words.

Source: the `wordfreq` package (PyPI), data CC BY-SA 4.0 (see its README).
factcheck uses the list only to tell whether a capitalised word that starts a
sentence is an ordinary word ("Then", "Discussions") or probably a name.
Run: python3 -m pip install wordfreq && python3 tools/gen_common_words.py
"""
from wordfreq import top_n_list

words = [w for w in top_n_list("en", 5000) if w.isalpha()]
with open("src/data/common_words.txt", "w", encoding="utf-8") as f:
    f.write("# 5,000 most frequent English words, from wordfreq (CC BY-SA 4.0); see tools/gen_common_words.py\n")
    for w in sorted(set(words)):
        f.write(w + "\n")
