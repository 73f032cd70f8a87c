#!/usr/bin/env python3
"""A stand-in for a MUSE en-uk lexicon, to measure `talign mine` on Ukrainian with a large list.

No English-Ukrainian MUSE list is shared with the project, and the held-back Tatoeba test mines
Ukrainian with one. This composes the shared MUSE en-ru list with Apertium's Russian-Ukrainian
dictionary: each Russian word is analysed (every reading), each reading translated through the
bilingual dictionary (every translation) and generated in Ukrainian, so `money деньги` gives
`money гроші` and `was было` gives `was було`. Apertium knows about a third of MUSE's Russian
words (common vocabulary; most names and rare words are left out), so the list is smaller than
a real MUSE en-uk list.

It also writes the en-ru pairs whose Russian word Apertium knows: mining Russian with that list
shows what the smaller coverage alone costs.

Dev only, not shipped (Apertium data is GPL). Needs Debian's `apertium-rus-ukr` package
(`apt-get install apertium-rus-ukr`; its tagger is not used).

Usage: scripts/proxy_lexicon_uk.py MUSE_EN_RU OUT_EN_UK [OUT_EN_RU]
"""
import re
import subprocess
import sys

DATA = '/usr/share/apertium/apertium-rus-ukr'
RUSSIAN_WORD = re.compile(r'[а-яё]+(-[а-яё]+)*')
LEXICAL_UNIT = re.compile(r'\^([^/$]*)((?:/[^/$]*)*)\$')


def run(tool, lines):
    """Runs an lttoolbox command over one lexical unit or word a line; its output lines."""
    done = subprocess.run(tool, input='\n'.join(lines) + '\n', capture_output=True, text=True,
                          shell=True, check=True)
    return done.stdout.split('\n')


def readings(line):
    """The readings of one analysed or translated unit (`^form/r1/r2$` -> [r1, r2])."""
    m = LEXICAL_UNIT.match(line)
    if not m:
        return []
    return [r for r in m.group(2).split('/') if r and r[0] not in '*@#']


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    pairs = []
    for line in open(sys.argv[1], encoding='utf-8'):
        cols = line.rstrip('\n').split('\t')
        if not line.startswith('#') and len(cols) == 2:
            pairs.append((cols[0], cols[1]))
    russian = sorted({r for _, r in pairs if RUSSIAN_WORD.fullmatch(r)})
    analysed = run(f'lt-proc -w {DATA}/rus-ukr.automorf.bin', russian)
    units = [(w, a) for w, line in zip(russian, analysed) for a in readings(line)]
    translated = run(f'lt-proc -b {DATA}/rus-ukr.autobil.bin', [f'^{a}$' for _, a in units])
    wanted, owners = [], []
    for (w, _), line in zip(units, translated):
        for t in readings(line):
            wanted.append(f'^{t}$')
            owners.append(w)
    generated = run(f'lt-proc -g {DATA}/rus-ukr.autogen.bin', wanted)
    ukrainian = {}
    for w, g in zip(owners, generated):
        g = g.strip().strip('-')
        if g and not any(c in g for c in '#@*^$<>/ '):
            ukrainian.setdefault(w, set()).add(g.lower())
    out = sorted({(e, u) for e, r in pairs for u in ukrainian.get(r, ())})
    with open(sys.argv[2], 'w', encoding='utf-8') as f:
        f.writelines(f'{e}\t{u}\n' for e, u in out)
    if len(sys.argv) > 3:
        with open(sys.argv[3], 'w', encoding='utf-8') as f:
            f.writelines(f'{e}\t{r}\n' for e, r in sorted(set(pairs)) if r in ukrainian)
    print(f'{len(russian)} Russian words, {len(ukrainian)} translated, {len(out)} en-uk pairs',
          file=sys.stderr)


if __name__ == '__main__':
    main()
