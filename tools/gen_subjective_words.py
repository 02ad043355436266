"""Regenerates src/data/subjective_words.txt: English adjectives that are
mostly used subjectively (opinion, evaluation, rhetoric).

Source: the subjectivity lexicon of Pattern / TextBlob (en-sentiment.xml,
Tom De Smedt and Walter Daelemans, licence PDDL), shipped in the `textblob`
package on PyPI. A word is kept when the mean subjectivity of its senses is
at least 0.6. factcheck lowers the check-worthiness of sentences using them.
Run: python3 -m pip install textblob && python3 tools/gen_subjective_words.py
"""
import collections
import os
import xml.etree.ElementTree as ET

import textblob

path = os.path.join(os.path.dirname(textblob.__file__), "en", "en-sentiment.xml")
senses = collections.defaultdict(list)
for w in ET.parse(path).getroot().iter("word"):
    form = w.get("form", "").lower()
    if form.isalpha():
        senses[form].append(float(w.get("subjectivity", "0")))
words = sorted(f for f, s in senses.items() if sum(s) / len(s) >= 0.6)
with open("src/data/subjective_words.txt", "w", encoding="utf-8") as f:
    f.write("# Subjective English adjectives (mean subjectivity >= 0.6), from Pattern/TextBlob en-sentiment.xml (PDDL); see tools/gen_subjective_words.py\n")
    for w in words:
        f.write(w + "\n")
