"""Write the precomputed lexicon tables of factcheck/lexicon/tables/ (see factcheck/tables.py).

    python tools/build_lexicon_tables.py

Run after changing lexicon/synonyms.txt, derivations.txt, antonyms_wordnet.txt, senses.txt,
countries.txt, acronyms.txt, aliases.txt, irregular_verbs.txt or inflections.txt (and after
tools/build_wordnet_lexicons.py): until then factcheck builds those tables from the
lexicons at run time, as slowly as before, and tests/test_tables.py fails.
"""

from __future__ import annotations

import sys
from pathlib import Path

from factcheck.analysis import PRECOMPUTED_TABLES
from factcheck.tables import table_text

TABLES = Path(__file__).resolve().parent.parent / "factcheck" / "lexicon" / "tables"


def main() -> int:
    TABLES.mkdir(exist_ok=True)
    for name, build in PRECOMPUTED_TABLES.items():
        table = build()
        (TABLES / f"{name}.tsv").write_text(table_text(name, table), encoding="utf-8")
        print(f"{name}: {len(table):,} keys")
    return 0


if __name__ == "__main__":
    sys.exit(main())
