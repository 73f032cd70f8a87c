#!/usr/bin/env python3
"""How well a light-stemming table joins the forms of a word and keeps words apart.

Takes the commonest words of a language (wordfreq's list), lemmatises them with a real
morphological analyser (pymorphy3 for uk/ru, morfeusz2 for pl), stems them with talign
(`examples/stem_words.rs`), and prints pairwise precision and recall of the stem classes against
the lemma classes: recall = share of word pairs with a common lemma that get one stem, precision =
share of word pairs with one stem that have a common lemma. Words of even rank and of odd rank are
scored apart (tune on one half, check on the other).

Development only, nothing is shipped: pip install wordfreq pymorphy3 pymorphy3-dicts-uk
pymorphy3-dicts-ru morfeusz2 (in a virtualenv), build the example, then
    scripts/stem_check.py uk [N]
"""
import subprocess
import sys
from collections import defaultdict
from itertools import combinations

from wordfreq import top_n_list


def lemmatiser(lang):
    if lang in ("uk", "ru"):
        import pymorphy3

        m = pymorphy3.MorphAnalyzer(lang=lang)
        return lambda w: {p.normal_form for p in m.parse(w) if p.score > 0.05} or {w}
    if lang == "pl":
        import morfeusz2

        m = morfeusz2.Morfeusz()
        # only the first segment's lemma: `chciałbym` is chcieć + by + m (być), `coś` co + ś
        return lambda w: {
            a[2][1].split(":")[0].lower() for a in m.analyse(w) if a[0] == 0
        } or {w}
    raise SystemExit(f"no lemmatiser for {lang}")


def pairs_score(words, stem, lemmas):
    by_stem = defaultdict(list)
    for w in words:
        by_stem[stem[w]].append(w)
    by_lemma = defaultdict(list)
    for w in words:
        for l in lemmas[w]:
            by_lemma[l].append(w)
    same_stem = sum(len(v) * (len(v) - 1) // 2 for v in by_stem.values())
    good = sum(1 for v in by_stem.values() for a, b in combinations(v, 2) if lemmas[a] & lemmas[b])
    lemma_pairs = set()
    for v in by_lemma.values():
        for a, b in combinations(sorted(v), 2):
            lemma_pairs.add((a, b))
    joined = sum(1 for a, b in lemma_pairs if stem[a] == stem[b])
    p = good / same_stem if same_stem else 1.0
    r = joined / len(lemma_pairs) if lemma_pairs else 1.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def main():
    lang = sys.argv[1] if len(sys.argv) > 1 else "uk"
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
    words = [w for w in top_n_list(lang, n) if w.isalpha() and len(w) > 1]
    out = subprocess.run(
        ["./target/release/examples/stem_words", lang],
        input="\n".join(words),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    stem = dict(line.split("\t") for line in out.splitlines())
    lem = lemmatiser(lang)
    lemmas = {w: lem(w) for w in words}
    for name, half in (("even", words[0::2]), ("odd", words[1::2])):
        p, r, f = pairs_score(half, stem, lemmas)
        print(f"{lang} {name} ranks ({len(half)} words): P {p:.3f} R {r:.3f} F1 {f:.3f}")
    if "--misses" in sys.argv:
        by_lemma = defaultdict(list)
        for w in words[0::2]:
            for l in lemmas[w]:
                by_lemma[l].append(w)
        for l, v in sorted(by_lemma.items(), key=lambda kv: -len(kv[1]))[:80]:
            stems = defaultdict(list)
            for w in v:
                stems[stem[w]].append(w)
            if len(stems) > 1:
                print(l, dict(stems))


if __name__ == "__main__":
    main()
