"""Build factcheck/lexicon/synonyms.txt from a WordNet 3.0 database directory.

    python tools/build_synonyms.py PATH/TO/wordnet-3.0 > factcheck/lexicon/synonyms.txt

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
HEADER = """# Synonyms: one WordNet synset per line, its words separated by "|"; written by
# tools/build_synonyms.py from WordNet 3.0 (two words join a line only through a synset among
# the {senses} most frequent senses of each; a word never seen in WordNet's sense-tagged
# corpus keeps only its first sense, and a synset joins words only when one of them was seen
# there). Multiword forms are phrases ("set up").
#
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


def main(directory: str) -> int:
    root = Path(directory)
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
    sys.stdout.write(HEADER.format(senses=SENSES) + "\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
