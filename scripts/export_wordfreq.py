#!/usr/bin/env python3
"""Writes the word lists behind crates/talign-lang-words/words.bin as lang<TAB>word<TAB>q lines (q = -10*log10 of
the word's frequency, 0-60), from the "small" lists of the wordfreq package (Robyn Speer et al.,
data CC BY-SA 4.0; `pip download wordfreq --no-deps` and unzip the wheel: its wordfreq/data
folder). Needs the msgpack package. Only the languages of talign's n-gram model with a list are
written (wordfreq's fil is tl); words with a character that is neither a letter nor a combining
mark are left out, since talign reads words as runs of letters (build_word_table drops the words
Rust's char::is_alphabetic would split).

usage: export_wordfreq.py WORDFREQ_DATA_DIR TOP_N > words.tsv   (talign ships TOP_N = 40000)
"""
import gzip
import os
import sys
import unicodedata

import msgpack

MODEL = ("en ru es de fr uk it pt pl bg af sq ar az eu be nb bs ca hr cs da nl eo et fi lg hi hu is"
         " id ga kk la lv lt mk ms mi mr mn nn fa ro sr sn sk sl so st sw sv tl ts tn tr ur vi"
         " cy xh yo zu").split()
SOURCE = {"tl": "fil"}
# Lists left out, with the reason. Malay: wordfreq's Malay list does not tell Malay from
# Indonesian (its sources mix them); with it, Malay dev sentences were taken for Indonesian more
# often (0.271 -> 0.190 right), without it Indonesian's list counts for both (siblings).
LEFT_OUT = {"ms"}


def is_word(word):
    return word.lower() == word and all(unicodedata.category(c)[0] in "LM" for c in word)


def main():
    data_dir, top_n = sys.argv[1], int(sys.argv[2])
    for lang in MODEL:
        if lang in LEFT_OUT:
            continue
        path = os.path.join(data_dir, f"small_{SOURCE.get(lang, lang)}.msgpack.gz")
        if not os.path.exists(path):
            continue
        with gzip.open(path) as f:
            buckets = msgpack.unpackb(f.read(), raw=False)[1:]
        n = 0
        for centibels, words in enumerate(buckets):
            for word in sorted(words):
                if n >= top_n:
                    break
                if is_word(word):
                    sys.stdout.write(f"{lang}\t{word}\t{centibels // 10}\n")
                    n += 1


if __name__ == "__main__":
    main()
