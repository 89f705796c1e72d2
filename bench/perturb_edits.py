"""One-edit perturbations of true sentences, each kind by one general rule (bench/perturb.py).

Every generator takes a claim (a true source sentence), what the article names, and a seeded
random generator, and returns the edits it can make and the candidates it refused, with why.
A candidate is refused when the edit would not change the fact for a reader: a name swapped
for another name of the same thing ("Tokyo" for "Japan"), an edit inside a quotation (then it
misquotes rather than changes a fact), a symmetric relation swapped ("A and B"), a phrase the
article itself states somewhere. No edit is chosen per sentence by hand.

This module is independent of factcheck: it measures factcheck, so it must not share its
analysis.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import perturb_words as words

# ---------------------------------------------------------------- tokens, quotes, names

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9\u2019'\-.&]*")
_POSSESSIVE = re.compile(r"(?:[\u2019']s|[\u2019'])$")
_INITIALS = re.compile(r"^(?:[A-Z]\.)+$")
_ACRONYM = re.compile(r"^(?:[A-Z]{2,6}|(?:[A-Z]\.){2,4})$")
_NAME_WORD = re.compile(r"^(?:[A-Z][a-z]+(?:[\u2019'\-][A-Z]?[a-z]+)*|[A-Z]\.|Mc[A-Z][a-z]+)$")
ABBREVIATIONS = frozenset(
    """Sen. Rep. Gov. Mr. Mrs. Ms. Dr. Gen. Jr. Sr. St. Lt. Col. Sgt. Capt. Adm. Rev. Prof.
Inc. Corp. Co. Ft. Mt. Sens. Reps. Govs. Jan. Feb. Mar. Apr. Aug. Sept. Sep. Oct. Nov. Dec.
vs. No.""".split()
)
SPACES = frozenset({" ", "\u00a0"})  # what may stand between two words of one name
CONNECTORS = frozenset({"of", "for", "the", "de", "on"})
SUFFIXES = frozenset({"Jr.", "Sr.", "II", "III", "IV"})
_QUOTE_PAIR = re.compile(r"\u201c[^\u201c\u201d]*\u201d|\"[^\"]*\"")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    possessive: bool


def tokens(text: str) -> list[Token]:
    """Word tokens with a possessive ending and a sentence-final period cut off (abbreviations
    and initials keep theirs: "U.S." stays whole)."""
    found = []
    for match in _TOKEN.finditer(text):
        start, end, word = match.start(), match.end(), match.group()
        possessive = bool(_POSSESSIVE.search(word)) and len(word) > 2
        if possessive:
            cut = _POSSESSIVE.search(word).start()
            word, end = word[:cut], start + cut
        while word.endswith((".", "-", "&")) and not (
            word in ABBREVIATIONS or _INITIALS.match(word)
        ):
            word, end = word[:-1], end - 1
        if word:
            found.append(Token(start, end, word, possessive))
    return found


def quote_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTE_PAIR.finditer(text)]


def balanced_quotes(text: str) -> bool:
    return text.count("\u201c") == text.count("\u201d") and text.count('"') % 2 == 0


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


@dataclass(frozen=True)
class Mention:
    """A name in a sentence: what kind of thing it names, and which one."""

    start: int
    end: int
    text: str
    kind: str  # person, place, org
    subtype: str  # person: full/surname; place: country/capital/demonym/state/city/region
    key: str  # the same key names the same thing
    groups: frozenset[str] = frozenset()  # alias groups (a country, its capital, its demonym)


def _gazetteer() -> dict[str, tuple[str, frozenset[str]]]:
    table: dict[str, tuple[str, frozenset[str]]] = {}

    def add(surface: str, subtype: str, group: str) -> None:
        previous = table.get(surface)
        groups = (previous[1] if previous else frozenset()) | {group}
        table[surface] = (previous[0] if previous else subtype, groups)

    for row in words.COUNTRIES.strip().splitlines():
        name, capital, demonyms, *aliases = row.split("|")
        group = f"country:{name}"
        add(name, "country", group)
        add(capital, "capital", group)
        for demonym in demonyms.split(","):
            add(demonym, "demonym", group)
            if not demonym.endswith(("ese", "ish", "ch", "ss", "sh")):
                add(demonym + "s", "people", group)  # "Americans", "Britons": not surnames
        for alias in aliases[0].split(",") if aliases else []:
            add(alias, "country", group)
    for state in words.US_STATES:
        table[state] = ("state", frozenset({f"state:{state}"}))
    for city in words.CITIES:
        table.setdefault(city, ("city", frozenset({f"city:{city}"})))
    for region in words.REGIONS:
        table.setdefault(region, ("region", frozenset({f"region:{region}"})))
    return table


GAZETTEER = _gazetteer()
_TITLES_LOWER = frozenset(t.lower() for t in words.TITLE_WORDS)


@dataclass(frozen=True)
class Run:
    """Capitalised words in a row (a name with its titles), as tokens."""

    tokens: tuple[Token, ...]
    after_role: bool  # a lower-case role word stands just before ("candidate Martin O'Malley")


def capitalised_runs(text: str, common: frozenset[str] = frozenset()) -> list[Run]:
    """Runs of capitalised words; a sentence's first word is left out when `common` (words the
    article also writes in lower case) holds it ("Unlike U.S. Forces Korea")."""
    toks = tokens(text)
    runs: list[Run] = []
    current: list[Token] = []

    def close() -> None:
        while current and current[-1].text in CONNECTORS:
            current.pop()
        if current:
            first = toks.index(current[0])
            before = toks[first - 1].text.lower() if first else ""
            runs.append(Run(tuple(current), before in _TITLES_LOWER))
        current.clear()

    for i, tok in enumerate(toks):
        capital = tok.text[0].isupper() and not (i == 0 and tok.text.lower() in common)
        joined = bool(current) and text[current[-1].end : tok.start] in SPACES
        joined = joined and not current[-1].possessive
        if capital and (joined or not current):
            current.append(tok)
        elif capital:
            close()
            current.append(tok)
        elif (
            tok.text in CONNECTORS
            and joined
            and i + 1 < len(toks)
            and toks[i + 1].text[:1].isupper()
            and text[tok.end : toks[i + 1].start] in SPACES
        ):
            current.append(tok)
        else:
            close()
        if current and current[-1].possessive:
            close()
    close()
    return runs


def _core(run: Run) -> tuple[list[Token], bool]:
    """The run without leading function words and titles; whether a title was cut."""
    toks = list(run.tokens)
    titled = run.after_role
    while toks and (toks[0].text in words.NOT_NAMES or toks[0].text in CONNECTORS):
        toks.pop(0)
    while toks and (toks[0].text in words.TITLE_WORDS or toks[0].text in CONNECTORS):
        titled = True
        toks.pop(0)
    while toks and (
        toks[-1].text in words.TITLE_WORDS
        or toks[-1].text in CONNECTORS
        or toks[-1].text in words.NOT_NAMES
    ):
        toks.pop()
    return toks, titled


def _surface(text: str, toks: list[Token]) -> str:
    return text[toks[0].start : toks[-1].end]


@dataclass
class Inventory:
    """What an article names: people (full names and surnames), places, organisations."""

    people: dict[str, str] = field(default_factory=dict)  # full name -> surname
    surnames: set[str] = field(default_factory=set)
    orgs: dict[str, str] = field(default_factory=dict)  # surface -> subtype (name/acronym)
    places: dict[str, tuple[str, frozenset[str]]] = field(default_factory=dict)
    common: frozenset[str] = frozenset()  # words the article writes in lower case

    def mentions(self, text: str) -> list[Mention]:
        runs = capitalised_runs(text, self.common)
        return [m for run in runs if (m := self._classify(text, run))]

    def _classify(self, text: str, run: Run) -> Mention | None:
        full = [t.text for t in run.tokens]
        if any(word in words.ORG_HEADS for word in full) and len(full) > 1:
            toks = list(run.tokens)
            while toks and toks[0].text in words.NOT_NAMES:
                toks.pop(0)
            if len(toks) > 1:
                surface = _surface(text, toks)
                return Mention(toks[0].start, toks[-1].end, surface, "org", "name", surface)
        toks, _ = _core(run)
        if not toks:
            return None
        surface = _surface(text, toks)
        start, end = toks[0].start, toks[-1].end
        if surface in GAZETTEER:
            subtype, groups = GAZETTEER[surface]
            if subtype == "country" and _ACRONYM.match(surface) and _modifies_next(text, end):
                subtype = "demonym"  # "U.S. forces": stands where "Japanese" would
            return Mention(start, end, surface, "place", subtype, surface, groups)
        if surface in self.people:
            return Mention(start, end, surface, "person", "full", surface)
        if surface in self.surnames:
            return Mention(start, end, surface, "person", "surname", surface)
        if surface in self.orgs:
            return Mention(start, end, surface, "org", self.orgs[surface], surface)
        return None


_NOT_A_NOUN_AFTER = frozenset(
    """and or is was are were has have had will would to in on at for with said says could can
should may might must did does of as by from that which who""".split()
)


def _modifies_next(text: str, end: int) -> bool:
    following = re.match(r" ([A-Za-z][\w\-]*)", text[end:])
    return bool(following) and following.group(1).lower() not in _NOT_A_NOUN_AFTER


def _person_surface(toks: list[Token]) -> list[Token]:
    while toks and toks[-1].text in SUFFIXES:
        toks = toks[:-1]
    return toks


def build_inventory(sentences: list[str]) -> Inventory:
    """People, places and organisations named in an article. A person is a two- or three-word
    name that comes after a title or role, or whose surname the article also uses alone (as
    news style does after the first mention)."""
    article = "\n".join(sentences)
    inventory = Inventory(common=frozenset(re.findall(r"(?<![\w\u2019'])[a-z]+\b", article)))
    for sentence in sentences:
        for run in capitalised_runs(sentence, inventory.common):
            full = [t.text for t in run.tokens]
            if len(full) > 1 and any(word in words.ORG_HEADS for word in full):
                toks = [t for t in run.tokens]
                while toks and toks[0].text in words.NOT_NAMES:
                    toks.pop(0)
                if len(toks) > 1:
                    inventory.orgs[_surface(sentence, toks)] = "name"
                continue
            toks, titled = _core(run)
            toks = _person_surface(toks)
            if not toks:
                continue
            surface = _surface(sentence, toks)
            if surface in GAZETTEER:
                inventory.places[surface] = GAZETTEER[surface]
                continue
            if surface in words.STATE_ABBREVIATIONS:
                continue
            if len(toks) == 1 and _ACRONYM.match(surface):
                inventory.orgs[surface] = "acronym"
                continue
            names = [t.text for t in toks]
            if not all(_NAME_WORD.match(w) for w in names) or any(
                w in words.NOT_NAMES
                or w in GAZETTEER
                or w in words.MONTHS
                or w in words.ORG_HEADS
                or w in words.TITLE_WORDS
                or w.lower() in inventory.common  # "National Convention", "Will": words
                for w in names
            ):
                continue
            surname = names[-1]
            if len(names) == 1:
                if titled:
                    inventory.surnames.add(surname)
                continue
            if len(names) > 3 or surname.endswith("."):
                continue
            alone = len(re.findall(rf"(?<![\w.]){re.escape(surname)}(?!\w)", article))
            as_full = article.count(surface)
            if titled or alone > as_full:
                inventory.people[surface] = surname
                inventory.surnames.add(surname)
    return inventory


def _same_thing(a: str, b: str) -> bool:
    """Two surfaces that may name the same thing: one holds the other ("Clinton" in "Hillary
    Clinton", "Department of Defense" in "U.S. Department of Defense"), or they are one name
    in its two orders ("Justice Department" / "Department of Justice")."""
    return a == b or a in b or b in a or _of_order(a) == _of_order(b)


def _of_order(name: str) -> str:
    """ "Department of Justice" written as "Justice Department"."""
    head, of, rest = name.partition(" of ")
    return f"{rest} {head}" if of and rest and " " not in head else name


# Place names that take "the" ("the United States"); a swap adds or drops it.
THE_NAMES = frozenset(
    {
        "United States",
        "U.S.",
        "US",
        "United Kingdom",
        "U.K.",
        "UK",
        "Philippines",
        "Netherlands",
        "United Arab Emirates",
        "UAE",
        "Czech Republic",
        "Western Pacific",
        "Pacific",
        "Atlantic",
        "Middle East",
        "Balkans",
        "Midwest",
        "Caribbean",
        "Gulf",
        "Arctic",
        "Indo-Pacific",
        "Russian Federation",
    }
)


def with_article(place: str) -> str:
    return f"the {place}" if place in THE_NAMES else place


def put_name(text: str, mention: Mention, new: str) -> str:
    """`text` with `mention` replaced by `new`, the article "the" added or dropped as a place
    name needs it ("in the United States" -> "in Japan", "in Japan" -> "in the Philippines")."""
    start = mention.start
    if mention.kind == "place" and mention.subtype in {"country", "region"}:
        has_the = re.search(r"\b[Tt]he\s+$", text[:start])
        if has_the and new not in THE_NAMES:
            start = has_the.start()
        elif not has_the and new in THE_NAMES:
            new = "The " + new if start == 0 else "the " + new
    return text[:start] + new + text[mention.end :]


def replacements(mention: Mention, inventory: Inventory, sentence: str) -> list[str]:
    """Names of the same kind from the same article that name something else, and nothing
    the sentence already names ("U.S. and Japanese officials" never becomes "U.S. and
    American officials")."""
    present = frozenset().union(
        *(m.groups for m in inventory.mentions(sentence) if m.kind == "place")
    )
    if mention.kind == "person" and mention.subtype == "full":
        pool = [
            name
            for name, surname in inventory.people.items()
            if surname != inventory.people.get(mention.text, mention.text.split()[-1])
        ]
    elif mention.kind == "person":
        pool = list(inventory.surnames)
    elif mention.kind == "place":
        pool = [
            name
            for name, (subtype, groups) in inventory.places.items()
            if subtype == mention.subtype and not groups & (mention.groups | present)
        ]
    else:
        pool = [name for name, sub in inventory.orgs.items() if sub == mention.subtype]
    return sorted(
        name
        for name in set(pool)
        if not _same_thing(name, mention.text)
        and not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", sentence)
    )


# ---------------------------------------------------------------- edits


@dataclass(frozen=True)
class Edit:
    kind: str
    rule: str  # which form of the kind ("negation added", "x2", "for the first time")
    claim: str
    detail: str  # what changed, for --show


@dataclass(frozen=True)
class Skip:
    kind: str
    reason: str


Outcome = Edit | Skip


@dataclass
class Context:
    inventory: Inventory
    article: str  # the whole article, to refuse edits the article itself states
    rng: random.Random
    # words the corpus uses in lower case, for edits that make another word (`change_letter`)
    vocabulary: frozenset[str] = frozenset()


def _replace(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def replaced(kind: str, rule: str, claim: str, start: int, end: int, new: str) -> Edit:
    """The edit that puts `new` where `claim[start:end]` stood."""
    return Edit(kind, rule, _replace(claim, start, end, new), f"{claim[start:end]} -> {new}")


def _case_like(model: str, word: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


def swap_name(claim: str, ctx: Context) -> list[Outcome]:
    """A name replaced by another name of the same kind (person, place, organisation) from the
    same article."""
    out: list[Outcome] = []
    quotes = quote_spans(claim)
    for mention in ctx.inventory.mentions(claim):
        if inside(quotes, mention.start, mention.end):
            out.append(Skip("name", "inside a quote"))
            continue
        pool = replacements(mention, ctx.inventory, claim)
        if not pool:
            out.append(Skip("name", f"no other {mention.kind} of its type in the article"))
            continue
        new = ctx.rng.choice(pool)
        out.append(
            Edit("name", mention.kind, put_name(claim, mention, new), f"{mention.text} -> {new}")
        )
    return out


# a figure standing alone: not inside a word, a date, a ratio or a fraction ("1\u20444" is what
# NFKC makes of a mojibake "\u00bc" inside a garbled name)
_NUMBER = re.compile(
    r"(?<![\w\-/.,:$#\u2044])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w\-/:\u2044]|[.,]\d)"
)
_MONEY_OR_NUMBER_BEFORE = re.compile(r"\$$")
_YEAR_BEFORE = frozenset(
    "in since by until from of before after during through to the early late mid summer "
    "spring fall winter autumn year".split()
)
_YEAR_AFTER = frozenset(
    "election elections campaign race presidential cycle census season budget midterm "
    "midterms primary primaries olympics convention".split()
)


def _word_before(text: str, start: int) -> str:
    found = re.search(r"([A-Za-z.]+)[\s,]*$", text[:start])
    return found.group(1) if found else ""


def _word_after(text: str, end: int) -> str:
    found = re.match(r"[\s,]*([A-Za-z]+)", text[end:])
    return found.group(1).lower() if found else ""


_VAGUE_BEFORE = re.compile(
    r"\b(?:about|around|roughly|nearly|almost|over|more than|less than|fewer than|some|up to|"
    r"at least|approximately|an estimated|close to|under)\s+\$?$",
    re.IGNORECASE,
)


def _is_year(text: str, match: re.Match[str]) -> bool | None:
    """True for a year, False for a count, None where a reader could not tell."""
    digits = match.group(0)
    if not re.fullmatch(r"(?:19|20)\d\d", digits):
        return False
    before = _word_before(text, match.start())
    if (
        before.lower() in _YEAR_BEFORE
        or before in words.MONTHS
        or before.rstrip(".") in {m.rstrip(".") for m in words.MONTHS}
    ):
        return True
    if re.search(r"\d,\s*$", text[: match.start()]) or _word_after(text, match.end()) in (
        _YEAR_AFTER
    ):
        return True
    return None


def _format_number(value: float, model: str) -> str:
    decimals = len(model.split(".")[1]) if "." in model else 0
    if decimals:
        return f"{value:,.{decimals}f}" if "," in model else f"{value:.{decimals}f}"
    value = round(value)
    return f"{value:,}" if "," in model or value >= 10000 else str(value)


def _changed_numbers(value: float, model: str) -> list[tuple[str, str]]:
    """(rule, new text) for x2, +1, x10 and one digit changed."""
    digits = model.replace(",", "")
    options = [("x2", value * 2), ("x10", value * 10)]
    if "." not in model:
        options.append(("+1", value + 1))
    out = [(rule, _format_number(v, model)) for rule, v in options]
    last = max(i for i, c in enumerate(digits) if c.isdigit())
    first_digit = (
        next(i for i, c in enumerate(digits) if c.isdigit() and c != "0")
        if (any(c in "123456789" for c in digits))
        else last
    )
    other = str((int(digits[first_digit]) + 3) % 10 or 4)
    changed = digits[:first_digit] + other + digits[first_digit + 1 :]
    if "," in model:
        changed = _format_number(float(changed), model)
    out.append(("other digit", changed))
    return [(rule, new) for rule, new in out if new != model]


def _number_class(word: str) -> str:
    """Number words are exchanged within their class, so the edit reads as a plausible
    figure ("four in 10" -> "seven in 10", never "thirty in 10")."""
    value = words.NUMBER_WORDS[word.lower()]
    if word.lower().endswith("s"):
        return "plural"
    return "small" if value <= 12 else "tens"


_NUMBER_WORD_CLASS: dict[str, list[str]] = {}
for _word in words.NUMBER_WORDS:
    if _word not in {"dozen", "hundred"}:
        _NUMBER_WORD_CLASS.setdefault(_number_class(_word), []).append(_word)


def change_number(claim: str, ctx: Context) -> list[Outcome]:
    """A count, amount or percentage changed (x2, +1, x10, or another leading digit); a
    number word ("three", "dozens") replaced by another."""
    out: list[Outcome] = []
    quotes = quote_spans(claim)
    for match in _NUMBER.finditer(claim):
        if inside(quotes, match.start(), match.end()):
            out.append(Skip("number", "inside a quote"))
            continue
        year = _is_year(claim, match)
        if year is not False:
            if year is None:
                out.append(Skip("number", "could be a year or a count"))
            continue
        before = _word_before(claim, match.start())
        if before[:1].isupper() and before not in words.MONTHS and before not in words.NOT_NAMES:
            out.append(Skip("number", "part of a name or label"))
            continue
        value = float(match.group(0).replace(",", ""))
        options = _changed_numbers(value, match.group(0))
        if _VAGUE_BEFORE.search(claim[: match.start()]):
            # "over 1,000" -> "over 1,001" changes no fact a reader would see: scale it instead
            options = [(rule, new) for rule, new in options if rule in {"x2", "x10"}]
        if not options:
            out.append(Skip("number", "no different value"))
            continue
        rule, new = ctx.rng.choice(options)
        out.append(replaced("number", rule, claim, match.start(), match.end(), new))
    for match in re.finditer(r"\b(" + "|".join(words.NUMBER_WORDS) + r")\b", claim):
        if inside(quotes, match.start(), match.end()):
            out.append(Skip("number", "inside a quote"))
            continue
        word = match.group(1)
        if _word_before(claim, match.start()).lower() == "or":
            out.append(Skip("number", f"'or {word}' is an idiom ('a stumble or two')"))
            continue
        if word in {"dozen", "hundred"} and _word_before(claim, match.start()).lower() in {
            "a",
            "one",
        }:
            others = ["three"] if word == "dozen" else ["two"]
            new = f"{others[0]} {word}"
            start = claim.rfind(" ", 0, match.start() - 1) + 1
            out.append(replaced("number", "number word", claim, start, match.end(), new))
            continue
        pool = [w for w in _NUMBER_WORD_CLASS[_number_class(word)] if w != word.lower()]
        new = _case_like(word, ctx.rng.choice(pool))
        out.append(replaced("number", "number word", claim, match.start(), match.end(), new))
    return out


def change_year(claim: str, ctx: Context) -> list[Outcome]:
    """A year moved by one or two."""
    out: list[Outcome] = []
    quotes = quote_spans(claim)
    for match in _NUMBER.finditer(claim):
        year = _is_year(claim, match)
        if year is False:
            continue
        if inside(quotes, match.start(), match.end()):
            out.append(Skip("year", "inside a quote"))
            continue
        if year is None:
            out.append(Skip("year", "could be a year or a count"))
            continue
        shift = ctx.rng.choice([-2, -1, 1, 2])
        new = str(int(match.group(0)) + shift)
        out.append(replaced("year", f"{shift:+d}", claim, match.start(), match.end(), new))
    return out


_AUX = re.compile(r"\b(" + "|".join(sorted(words.BE_AND_MODALS | words.HAVE_FORMS)) + r")\b")
_NEGATED = re.compile(
    r"\b("
    + "|".join(sorted(words.BE_AND_MODALS | words.HAVE_FORMS | {"do", "does", "did"}))
    + r")\s+(not)\b(\s+(?:yet|only|just)\b)?"
)
_CONTRACTED = re.compile(
    r"\b("
    + "|".join(re.escape(w).replace("'", "['\u2019]") for w in words.NEGATION_REMOVALS)
    + r")",
    re.IGNORECASE,
)
_NEVER = re.compile(r"\b(never|no longer)\s+(?=[a-z])")


def _participle_follows(claim: str, end: int) -> bool:
    following = re.match(
        r"\s+(?:(?:already|also|just|recently|since|long|now)\s+)?([a-z]+)", claim[end:]
    )
    if not following:
        return False
    word = following.group(1)
    return word.endswith("ed") or word in words.IRREGULAR_PARTICIPLES


_NEGATOR = re.compile(
    r"\b(?:not|never|no|none|nobody|nothing|neither|nor|cannot)\b|n[\u2019']t\b", re.IGNORECASE
)


def _outside_quotes(text: str, quotes: list[tuple[int, int]]) -> str:
    for start, end in quotes:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _still_negated(claim: str, outcome: Outcome) -> Outcome:
    """A removal that leaves the same negator standing ("was never meant never meant") is no
    removal."""
    if isinstance(outcome, Skip):
        return outcome
    removed = outcome.detail.split(" -> ")[0].split()
    word = next((w for w in removed if _NEGATOR.fullmatch(w)), None)
    if word and re.search(rf"\b{re.escape(word)}\b", outcome.claim, re.IGNORECASE):
        return Skip("negation", "the same negation stands twice")
    return outcome


def negate(claim: str, ctx: Context) -> list[Outcome]:
    """A negation removed where the sentence has one ("has not yet been made" -> "has already
    been made", "didn't" -> "did", "never" dropped), otherwise added after the first
    auxiliary ("will announce" -> "will not announce"; "has" only before a participle)."""
    quotes = quote_spans(claim)
    removals: list[Outcome] = []
    for match in _NEGATED.finditer(claim):
        if inside(quotes, match.start(), match.end()):
            removals.append(Skip("negation", "inside a quote"))
        elif match.group(3) and match.group(3).strip() in {"only", "just"}:
            removals.append(Skip("negation", "'not only' is not a negation"))
        else:
            tail = " already" if match.group(3) else ""
            new = match.group(1) + tail
            removals.append(replaced("negation", "removed", claim, match.start(), match.end(), new))
    for match in list(_CONTRACTED.finditer(claim)) + list(_NEVER.finditer(claim)):
        if inside(quotes, match.start(), match.end()):
            removals.append(Skip("negation", "inside a quote"))
            continue
        word = match.group(1).lower().replace("\u2019", "'")
        new = words.NEGATION_REMOVALS.get(word, "")
        new = _case_like(match.group(1), new) if new else ""
        removals.append(
            Edit(
                "negation",
                "removed",
                re.sub(r"\s{2,}", " ", _replace(claim, match.start(), match.end(), new)),
                f"{match.group(0).strip()} -> {new or '(dropped)'}",
            )
        )
    removals = [_still_negated(claim, outcome) for outcome in removals]
    if removals:
        return removals
    if _NEGATOR.search(_outside_quotes(claim, quotes)):
        # "seems not to have found", "none will be easy": adding a "not" makes a double negative
        return [Skip("negation", "negated in a form no rule removes")]
    additions: list[Outcome] = []
    for match in _AUX.finditer(claim):
        if inside(quotes, match.start(), match.end()):
            additions.append(Skip("negation", "inside a quote"))
            continue
        following = _word_after(claim, match.end())
        if following in {"not", "never", "no", "of", "n't"} or not following:
            continue
        if match.group(1) in words.HAVE_FORMS and not _participle_follows(claim, match.end()):
            additions.append(Skip("negation", f"'{match.group(1)}' is not an auxiliary here"))
            continue
        additions.append(
            replaced(
                "negation", "added", claim, match.start(), match.end(), f"{match.group(1)} not"
            )
        )
        break  # the first auxiliary outside quotes: the main clause in most news sentences
    if not additions:
        additions.append(Skip("negation", "no auxiliary to negate"))
    return additions


# A closing attribution: ", officials said.", ", said Jane Doe, a spokeswoman." or ", according
# to the Times." -- a speaker of a few words and a verb, with no clause of its own after it.
_SPEECH = r"(?:said|says|told|added|reported|wrote|announced|noted|explained|argued)"
_TAIL = re.compile(
    rf",\s+(?:(?:[\w.\u2019'\-]+\s+){{1,6}}{_SPEECH}(?:\s+[\w.\u2019'\-]+){{0,4}}"
    rf"|{_SPEECH}(?:\s+[\w.\u2019'\-,]+){{1,8}}|according\s+to(?:\s+[\w.\u2019'\-]+){{1,6}})"
    r"\.$"
)


def _insertion_point(claim: str) -> int | None:
    """Where appended words still belong to the claim's main clause: before a closing
    ", officials said." or the final period; None where the sentence ends in a quote."""
    stripped = claim.rstrip()
    if stripped.endswith(("\u201d", '"', "\u2019")):
        return None
    tail = _TAIL.search(stripped)
    if tail:
        return tail.start()
    return len(stripped) - 1 if stripped.endswith(".") else len(stripped)


def append_fact(claim: str, ctx: Context) -> list[Outcome]:
    """A fact-bearing phrase appended to the main clause ("for the first time", "by 2030",
    ", and with <a place from the article>", "as part of a secret deal", "since 2010")."""
    point = _insertion_point(claim)
    if point is None or inside(quote_spans(claim), point - 1, point):
        return [Skip("appended", "the sentence ends in a quote")]
    if claim.startswith(("\u201c", '"')):
        return [Skip("appended", "the main clause is a quote: the phrase would go to the speaker")]
    article, lowered = ctx.article.lower(), claim.lower()
    out: list[Outcome] = []
    options: list[tuple[str, str]] = []  # (rule, words appended)
    for phrase, (in_claim, in_article) in words.APPENDED_PHRASES.items():
        if re.search(rf"\b{in_claim}\b", lowered) or re.search(rf"\b{in_article}\b", article):
            out.append(Skip("appended", f"'{phrase}': the article says something like it"))
        else:
            options.append((phrase, " " + phrase))
    present = frozenset().union(
        *(m.groups for m in ctx.inventory.mentions(claim) if m.kind == "place")
    )
    places = sorted(
        name
        for name, (subtype, groups) in ctx.inventory.places.items()
        if subtype in {"country", "state", "city"}
        and not groups & present
        and not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", claim)
    )
    if places:
        place = ctx.rng.choice(places)
        # ", and with X" extends a "with" relation the sentence has; otherwise X joins as a party
        link = ", and with" if re.search(r"\bwith\b", claim[:point]) else ", along with"
        options.append(("with <place>", f"{link} {with_article(place)}"))
    else:
        out.append(Skip("appended", "no other place in the article"))
    if options:
        rule, addition = ctx.rng.choice(options)
        edited = claim[:point] + addition + claim[point:]
        out.append(Edit("appended", rule, edited, f"+ '{addition.strip()}'"))
    return out


def _word_pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(
        r"(?<![\w\-])" + re.escape(phrase).replace(r"\ ", r"\s+") + r"(?![\w\-])", re.IGNORECASE
    )


Match = tuple[int, int, str, list[str]]  # start, end, text, what it may become


def _longest_matches(claim: str, table: list[tuple[str, list[str]]]) -> list[Match]:
    """Non-overlapping matches of the table's phrases, longest first."""
    found = []
    for phrase, others in table:
        for match in _word_pattern(phrase).finditer(claim):
            found.append((match.start(), match.end(), match.group(0), others))
    found.sort(key=lambda m: (-(m[1] - m[0]), m[0]))
    chosen: list[Match] = []
    for match in found:
        if not any(match[0] < c[1] and c[0] < match[1] for c in chosen):
            chosen.append(match)
    return sorted(chosen)


def change_role(claim: str, ctx: Context) -> list[Outcome]:
    """A title or role exchanged for another of its group ("defense minister" -> "foreign
    minister", "Democratic" -> "Republican"), where a role word or a name stands beside it."""
    table = [(w, [o for o in group if o != w]) for group in words.ROLE_GROUPS for w in group]
    quotes = quote_spans(claim)
    names = ctx.inventory.mentions(claim)
    out: list[Outcome] = []
    for start, end, text, others in _longest_matches(claim, table):
        if inside(quotes, start, end):
            out.append(Skip("role", "inside a quote"))
            continue
        before = _word_before(claim, start).lower()
        after = _word_after(claim, end)
        next_is_name = any(m.start > end and claim[end : m.start].strip() == "" for m in names)
        if text.lower() == "president" and before == "vice":
            continue
        if not (before in words.ROLE_CONTEXT or after in words.ROLE_CONTEXT or next_is_name):
            out.append(Skip("role", "not beside a role word or a name"))
            continue
        new = _case_like(text, ctx.rng.choice(others))
        if " " in new and text[:1].isupper():
            new = " ".join(_case_like(text, part) for part in new.split())
        out.append(replaced("role", text.lower(), claim, start, end, new))
    return out


_ANTONYMS = {a: b for a, b in words.ANTONYMS} | {}
for _a, _b in words.ANTONYMS:
    _ANTONYMS.setdefault(_b, _a)


def flip_antonym(claim: str, ctx: Context) -> list[Outcome]:
    """A comparative or directional word flipped ("more" -> "less", "increase" ->
    "decrease", "greater" -> "smaller", "before" -> "after")."""
    quotes = quote_spans(claim)
    out: list[Outcome] = []
    for match in re.finditer(r"\b[A-Za-z]+\b", claim):
        word = match.group(0)
        if word.lower() not in _ANTONYMS or (word[:1].isupper() and match.start() > 0):
            continue
        if inside(quotes, match.start(), match.end()):
            out.append(Skip("antonym", "inside a quote"))
            continue
        before = _word_before(claim, match.start()).lower()
        after = _word_after(claim, match.end())
        if before in words.ANTONYM_BLOCKED_BEFORE or after in words.ANTONYM_BLOCKED_AFTER:
            out.append(
                Skip("antonym", "part of an idiom or phrasal verb ('no more', 'pushed ahead')")
            )
            continue
        if word.lower() == "more" and before in {"the", "a"} and after == "than":
            continue
        new = _case_like(word, _ANTONYMS[word.lower()])
        out.append(replaced("antonym", f"{word.lower()}->{new.lower()}", claim, *match.span(), new))
    return out


# "only one factor among many", "only a part": "also" there keeps the meaning.
_ONLY_NOT_RESTRICTING = frozenset(
    "one a an part partly partially because when if after to that now just".split()
)


# "things only get worse": "also get worse" says the same.
_ONLY_INTENSIFIES = frozenset(
    "get gets got getting grow grows grew growing become becomes became make makes made "
    "serve serves served add adds added fuel fuels fueled deepen deepens worsen worsens".split()
)


def change_quantifier(claim: str, ctx: Context) -> list[Outcome]:
    """A quantifier exchanged ("only" -> "also", "some" -> "all", "many" <-> "few", "at least"
    <-> "at most", "both A and B" -> "neither A nor B"); never toward a weaker claim the
    original entails ("all" -> "some")."""
    quotes = quote_spans(claim)
    out: list[Outcome] = []
    table = [(a, [b]) for a, b in words.QUANTIFIERS]
    for start, end, text, others in _longest_matches(claim, table):
        if inside(quotes, start, end):
            out.append(Skip("quantifier", "inside a quote"))
            continue
        before = _word_before(claim, start).lower()
        after = _word_after(claim, end)
        lowered = text.lower()
        new = others[0]
        number_follows = bool(re.match(r"\s+\$?\d", claim[end:]))
        if lowered == "only":
            if before in {"the", "an", "not", "if", "one"}:
                out.append(Skip("quantifier", f"'{before} only' is not a restriction"))
                continue
            if after in _ONLY_NOT_RESTRICTING:
                out.append(Skip("quantifier", f"'only {after}' means 'merely', not a restriction"))
                continue
            if after in _ONLY_INTENSIFIES:
                out.append(Skip("quantifier", f"'only {after}' intensifies, it does not restrict"))
                continue
            if number_follows:
                new = "more than"
        elif lowered == "most of" and not re.match(
            r"\s+(?:the|their|his|her|its|these|those|our)\s+\w+s\b", claim[end:]
        ):
            out.append(Skip("quantifier", "'most of' before a mass noun: 'few of' is not English"))
            continue
        elif lowered == "some" and (number_follows or before in {"for", "at", "in"}):
            out.append(Skip("quantifier", "'some' is approximate or idiomatic here"))
            continue
        elif lowered in {"many", "few"} and (
            before in {"a", "how", "so", "too", "as", "among"}
            or not re.match(r"\s+[a-z]", claim[end:])
        ):
            out.append(Skip("quantifier", f"'{before} {lowered}' is not a bare quantifier"))
            continue
        elif lowered in {"at least", "at most", "fewer than"} and not number_follows:
            out.append(Skip("quantifier", f"'{lowered}' not before a number"))
            continue
        elif lowered == "every" and after in {"other", "single", "time"}:
            out.append(Skip("quantifier", f"'every {after}' is idiomatic"))
            continue
        new = _case_like(text, new)
        out.append(replaced("quantifier", lowered, claim, start, end, new))
    for match in re.finditer(r"\b([Bb]oth)\s+((?:\S+\s+){1,5}?)and\b", claim):
        if inside(quotes, match.start(), match.end()):
            out.append(Skip("quantifier", "inside a quote"))
            continue
        new = f"{_case_like(match.group(1), 'neither')} {match.group(2)}nor"
        out.append(replaced("quantifier", "both->neither", claim, match.start(), match.end(), new))
    return out


_FIXED_BEFORE_TO = frozenset(
    "according due close next thanks compared similar addition prior related owing "
    "respect regard access".split()
)


_PREPOSITION_BEFORE = re.compile(r"\b(" + "|".join(words.RELATIONS) + r")\s+(?:the\s+)?$")


def change_relation(claim: str, ctx: Context) -> list[Outcome]:
    """The preposition before a name flipped ("to Iowa" -> "from Iowa", "with Japan" ->
    "without Japan", "for X" -> "against X", "in Iowa" -> "outside Iowa"; to, from and in
    only before places)."""
    quotes = quote_spans(claim)
    out: list[Outcome] = []
    for mention in ctx.inventory.mentions(claim):
        found = re.search(
            r"\b(" + "|".join(words.RELATIONS) + r")\s+(?:the\s+)?$", claim[: mention.start]
        )
        if not found:
            continue
        prep = found.group(1)
        start, end = found.start(1), found.end(1)
        if inside(quotes, start, mention.end):
            out.append(Skip("relation", "inside a quote"))
            continue
        if prep in {"in", "to", "from"} and mention.kind != "place":
            continue  # "spoke to X" -> "spoke from X" garbles; movement is between places
        if prep in {"in", "to", "from"} and _modifies_next(claim, mention.end):
            out.append(Skip("relation", "the place modifies a noun ('in Iowa politics')"))
            continue
        if re.match(r"[\u2019']s?\b", claim[mention.end :]):
            out.append(
                Skip("relation", "the name is a possessive: the preposition governs its noun")
            )
            continue
        before = _word_before(claim, start).lower()
        if prep == "to" and before in _FIXED_BEFORE_TO:
            out.append(Skip("relation", f"'{before} to' is a fixed phrase"))
            continue
        window_after = claim[mention.end : mention.end + 40]
        window_before = claim[max(0, start - 40) : start]
        if (prep == "from" and re.search(r"\bto\b", window_after)) or (
            prep == "to" and re.search(r"\bfrom\b", window_before)
        ):
            out.append(Skip("relation", "'from A to B': a swap of roles, not of relation"))
            continue
        new = words.RELATIONS[prep]
        out.append(
            replaced(
                "relation",
                f"{prep}->{new}",
                claim,
                start,
                mention.end,
                f"{new}{claim[end : mention.end]}",
            )
        )
    return out


def swap_roles(claim: str, ctx: Context) -> list[Outcome]:
    """Two names of the same kind in one sentence exchange places ("A's designs and B's
    technology" -> "B's designs and A's technology"); symmetric links ("A and B", "A met B")
    are refused, since the swap leaves the fact as it was."""
    quotes = quote_spans(claim)
    mentions = [m for m in ctx.inventory.mentions(claim) if not inside(quotes, m.start, m.end)]
    out: list[Outcome] = []
    pairs = []
    for i, first in enumerate(mentions):
        for second in mentions[i + 1 :]:
            if (first.kind, first.subtype) != (second.kind, second.subtype):
                continue
            if _same_thing(first.text, second.text) or first.groups & second.groups:
                continue
            if sum(m.key in {first.key, second.key} for m in mentions) > 2:
                out.append(Skip("roles", "a name stands twice: the swap would be ambiguous"))
                continue
            gap = list(claim[first.end : second.start])
            for other in mentions:
                if first.end <= other.start and other.end <= second.start:
                    gap[other.start - first.end : other.end - first.end] = " " * len(other.text)
            # a capitalised word the inventory missed is one more item of a list of names
            # ("Algeria, Belgium, Chad, Kuwait"): swapping two items leaves the fact as it was
            between = [
                w.lower() for w in re.findall(r"[\w.]+|,|&", "".join(gap)) if not w[0].isupper()
            ]
            between = [
                w
                for w in between
                if w not in {"the", "s", "\u2019s"}
                and w not in _TITLES_LOWER
                and w.capitalize() not in ABBREVIATIONS
            ]
            if all(w in words.SYMMETRIC_LINKS for w in between) or "between" in between:
                out.append(Skip("roles", "symmetric link between the two names"))
                continue
            pairs.append((first, second))
    if pairs:
        first, second = ctx.rng.choice(pairs)
        swapped = put_name(put_name(claim, second, first.text), first, second.text)
        out.append(Edit("roles", first.kind, swapped, f"{first.text} <-> {second.text}"))
    return out


_PERCENT_AFTER = re.compile(r"\s*(?:%|percent\b|per cent\b)")


def swap_figures(claim: str, ctx: Context) -> list[Outcome]:
    """Two figures of one sentence, both percentages or both counts, trade places ("peaked
    at 12.8 percent ... now stands at 7.4 percent" -> 7.4 and 12.8 swapped; "from 11 to 26"
    -> "from 26 to 11"). Every pair is offered (the caller chooses). Figures only "and",
    "or" or a comma apart, or after "between", are refused: the swap leaves the fact as it
    was ("10 and 20 percent")."""
    quotes = quote_spans(claim)
    found = [
        m
        for m in _NUMBER.finditer(claim)
        if not inside(quotes, m.start(), m.end()) and _is_year(claim, m) is False
    ]
    out: list[Outcome] = []
    for i, first in enumerate(found):
        for second in found[i + 1 :]:
            values = {float(m.group(0).replace(",", "")) for m in (first, second)}
            if len(values) == 1:
                out.append(Skip("figures", "the same value twice"))
                continue
            kinds = {bool(_PERCENT_AFTER.match(claim, m.end())) for m in (first, second)}
            if len(kinds) > 1:
                out.append(Skip("figures", "a percentage and a count"))
                continue
            between = set(re.findall(r"[a-z]+", claim[first.end() : second.start()].lower()))
            opening = claim[max(0, first.start() - 9) : first.start()].lower()
            if between - {"and", "or", "percent", "per", "cent"} == set() or "between" in opening:
                out.append(Skip("figures", "figures in a list or a range: a symmetric link"))
                continue
            a, b = first.group(0), second.group(0)
            swapped = (
                claim[: first.start()]
                + b
                + claim[first.end() : second.start()]
                + a
                + claim[second.end() :]
            )
            out.append(Edit("figures", "swap", swapped, f"{a} <-> {b}"))
    return out


# The word a particle follows when it is no verb's particle: a noun phrase's end ("ups and
# downs", "the way up") or a fixed phrase ("upside down"). A figure ("5 up") never comes
# before one: the pattern below takes a word of letters.
_NOT_A_PARTICLE_AFTER = frozenset("and or the way upside all".split())


def flip_particle(claim: str, ctx: Context) -> list[Outcome]:
    """A verb's direction particle flipped ("went up" -> "went down", "played down" ->
    "played up", "stepped up" -> "stepped down"): the same verb, the opposite direction.
    Never "up to" or "down to" before a figure (a bound, not a direction)."""
    quotes = quote_spans(claim)
    out: list[Outcome] = []
    for match in re.finditer(r"\b([A-Za-z]+)\s+(up|down|Up|Down)\b", claim):
        before, particle = match.group(1), match.group(2)
        start, end = match.span(2)
        if inside(quotes, start, end):
            out.append(Skip("particle", "inside a quote"))
            continue
        if before.lower() in _NOT_A_PARTICLE_AFTER:
            continue
        if re.match(r"\s+to\s+[$\d]", claim[end:]):
            out.append(Skip("particle", "a bound before a figure ('up to 50')"))
            continue
        new = _case_like(particle, "down" if particle.lower() == "up" else "up")
        rule = f"{particle.lower()}->{new.lower()}"
        out.append(replaced("particle", rule, claim, start, end, new))
    return out


_VOWELS = frozenset("aeiou")
# Words after "will" that are no verb: a negation or an adverb ("will not", "will soon"), or
# what follows the noun "will" ("the will of the voters", "will the days").
_NOT_A_VERB_AFTER_WILL = frozenset(
    "not never also soon still then again now first just even only ever always most more "
    "the a an of to and or in on for with that this his her their its".split()
)


def _past(verb: str) -> str | None:
    """The past tense of a verb's base form: the irregular table, else the regular spelling
    ("visit" -> "visited", "agree" -> "agreed", "rely" -> "relied", "stop" -> "stopped");
    None for "be" and "have", whose past depends on the subject."""
    if verb in ("be", "have") or len(verb) < 2:
        return None
    if verb in words.IRREGULAR_PAST:
        return words.IRREGULAR_PAST[verb]
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and verb[-2] not in _VOWELS:
        return verb[:-1] + "ied"
    if (
        len(verb) <= 4
        and verb[-1] not in _VOWELS | {"w", "x", "y"}
        and verb[-2] in _VOWELS
        and verb[-3:-2] not in _VOWELS
    ):
        return verb + verb[-1] + "ed"  # "stop" -> "stopped", not "visit" -> "visitted"
    return verb + "ed"


def future_to_past(claim: str, ctx: Context) -> list[Outcome]:
    """A future stated as done: "will" and the verb after it made the verb's past tense
    ("will visit" -> "visited", "will meet" -> "met"). Never a negated "will" (a double
    change), "will be" or "will have" (their past depends on the subject), nor a quotation."""
    quotes = quote_spans(claim)
    out: list[Outcome] = []
    for match in re.finditer(r"\b(will)\s+([a-z]+)\b", claim):  # "Will" may be a name
        verb = match.group(2)
        if inside(quotes, match.start(), match.end()):
            out.append(Skip("tense", "inside a quote"))
            continue
        if verb.endswith("ly") or verb in _NOT_A_VERB_AFTER_WILL:
            out.append(Skip("tense", "an adverb or a negation after 'will'"))
            continue
        past = _past(verb)
        if past is None:
            out.append(Skip("tense", "'will be' or 'will have'"))
            continue
        out.append(replaced("tense", "will->past", claim, match.start(), match.end(), past))
    return out


_REPLACEMENTS = {w: [o for o in group if o != w] for group in words.REPLACEABLE for w in group}


def replace_word(claim: str, ctx: Context) -> list[Outcome]:
    """A content word put in place of another of its group in `perturb_words.REPLACEABLE`
    ("delay" -> "cancel", "employer" -> "landowner"): same part of speech and inflection,
    a different fact. Never inside a quotation, nor a capitalised word (a name's part)."""
    quotes = quote_spans(claim)
    out: list[Outcome] = []
    for match in re.finditer(r"\b[a-z]+\b", claim):
        word = match.group()
        if word not in _REPLACEMENTS:
            continue
        if inside(quotes, match.start(), match.end()):
            out.append(Skip("word", "inside a quote"))
            continue
        # its own draw, by claim and place: the shared generator's sequence stays the other
        # kinds' (an added kind must not change the sample every earlier kind draws)
        new = random.Random(f"word:{claim}:{match.start()}").choice(_REPLACEMENTS[word])
        if re.search(rf"\b{new}\b", claim):
            out.append(Skip("word", "the sentence has the other word too"))
            continue
        out.append(replaced("word", f"{word}->{new}", claim, *match.span(), new))
    return out


# A word the corpus writes in lower case this many times is a word, not a typing slip (a slip
# seldom recurs); five of the 840 PolNeAR train articles' tokens.
VOCABULARY_MIN = 5
# From this length factcheck reads two words one edit apart as one word spelt two ways; a
# shorter word is never so read, so an edit of it asks nothing new.
LETTER_MIN_LENGTH = 5
# Letters by which British and American spellings of one word differ (organise / organize,
# defence / defense): an exchange of these is a spelling, not another word.
SPELLING_PAIRS = frozenset({frozenset("sz"), frozenset("cs")})
# The agent-noun ending spelt two ways ("adviser" / "advisor", "protesters" / "protestors"):
# "e" for "o" before a final "r" is a spelling of one word too.
AGENT_ENDINGS = ("r", "rs")


# A lower-case word standing alone (not part of a hyphenated or contracted one).
_LOWER_WORD = re.compile(r"(?<![\w'\u2019-])[a-z]+(?![\w'\u2019-])")


def corpus_vocabulary(texts: list[str]) -> frozenset[str]:
    """Lower-case words of `texts` seen at least `VOCABULARY_MIN` times."""
    counts: dict[str, int] = {}
    for text in texts:
        for word in _LOWER_WORD.findall(text):
            counts[word] = counts.get(word, 0) + 1
    return frozenset(word for word, n in counts.items() if n >= VOCABULARY_MIN)


# Each irregular verb's base and past (the participles are read by their stem below).
_IRREGULAR_FORMS = [{base, past} for base, past in words.IRREGULAR_PAST.items()]


def _same_word(a: str, b: str) -> bool:
    """Two forms of one word ("began" / "begin", "began" / "begun", "woman" / "women"): a
    verb's base and past of the irregular table, a participle of it and a form with the same
    first three letters, a "-man" noun and its plural, or a Greek noun in "-is" and its plural
    in "-es" ("crisis" / "crises", "basis" / "bases")."""
    if any(a in forms and b in forms for forms in _IRREGULAR_FORMS):
        return True
    if a[:-2] == b[:-2] and {a[-2:], b[-2:]} == {"is", "es"}:
        return True
    if a in words.IRREGULAR_PARTICIPLES or b in words.IRREGULAR_PARTICIPLES:
        return a[:3] == b[:3]
    return {a[-3:], b[-3:]} == {"man", "men"}


def letter_neighbours(word: str, vocabulary: frozenset[str]) -> list[str]:
    """Content words of `vocabulary` that `word` becomes by one letter exchanged, other than
    its last (an ending is an inflection: "rises" / "risen"), other than a spelling pair or
    the agent-noun ending's two spellings, and not another form of the same word."""
    found = []
    for at in range(len(word) - 1):
        for letter in "abcdefghijklmnopqrstuvwxyz":
            if letter == word[at] or frozenset((letter, word[at])) in SPELLING_PAIRS:
                continue
            if {letter, word[at]} == {"e", "o"} and word[at + 1 :] in AGENT_ENDINGS:
                continue
            other = word[:at] + letter + word[at + 1 :]
            if (
                other in vocabulary
                and other not in words.FUNCTION_WORDS
                and not _same_word(word, other)
            ):
                found.append(other)
    return found


def change_letter(claim: str, ctx: Context) -> list[Outcome]:
    """A lower-case word turned into another word by one letter ("hired" -> "fired", "sales"
    -> "tales", "cause" -> "pause"): a word of the corpus vocabulary, of `LETTER_MIN_LENGTH`
    letters or more; never inside a quotation."""
    quotes = quote_spans(claim)
    out: list[Outcome] = []
    for match in _LOWER_WORD.finditer(claim):
        word = match.group()
        if len(word) < LETTER_MIN_LENGTH or word in words.FUNCTION_WORDS:
            continue
        others = letter_neighbours(word, ctx.vocabulary)
        if not others:
            continue
        if inside(quotes, match.start(), match.end()):
            out.append(Skip("letter", "inside a quote"))
            continue
        new = random.Random(f"letter:{claim}:{match.start()}").choice(others)
        out.append(replaced("letter", f"{word}->{new}", claim, *match.span(), new))
    return out


# A determiner and the lower-case word after it: where an adjective may go before a noun.
_DETERMINED = re.compile(
    r"(?<![\w'\u2019-])(?P<det>[Tt]he|[Aa]n?) (?P<noun>[a-z]+)(?![\w'\u2019-])"
)


def insert_modifier(claim: str, ctx: Context) -> list[Outcome]:
    """An adjective of `perturb_words.MODIFIERS` put after a determiner ("the plan" -> "the
    secret plan", "a deal" -> "an illegal deal"), the article made to agree. Never before a
    function word or an adverb, inside a quotation, or where the article itself says the
    modifier."""
    quotes = quote_spans(claim)
    article = ctx.article.lower()
    out: list[Outcome] = []
    for match in _DETERMINED.finditer(claim):
        det, noun = match.group("det"), match.group("noun")
        if noun in words.FUNCTION_WORDS or noun.endswith("ly") or noun in words.MODIFIERS:
            continue
        if inside(quotes, match.start(), match.end()):
            out.append(Skip("modifier", "inside a quote"))
            continue
        draw = random.Random(f"modifier:{claim}:{match.start()}")
        modifier = draw.choice(words.MODIFIERS)
        if re.search(rf"\b{modifier}\b", article):
            out.append(Skip("modifier", "the article says the modifier"))
            continue
        if det.lower() != "the":
            article_word = "an" if modifier[0] in "aeiou" else "a"
            det = article_word.capitalize() if det[0].isupper() else article_word
        new = f"{det} {modifier} {noun}"
        out.append(replaced("modifier", modifier, claim, *match.span(), new))
    return out


GENERATORS: dict[str, Callable[[str, Context], list[Outcome]]] = {
    "name": swap_name,
    "number": change_number,
    "year": change_year,
    "negation": negate,
    "appended": append_fact,
    "role": change_role,
    "antonym": flip_antonym,
    "quantifier": change_quantifier,
    "relation": change_relation,
    "roles": swap_roles,
    "figures": swap_figures,
    "particle": flip_particle,
    "tense": future_to_past,
    "word": replace_word,
    "letter": change_letter,
    "modifier": insert_modifier,
}
# Kinds added after the first published measurements choose their edit with a generator of
# their own (seeded by the claim), so that every earlier kind draws the same sample as before.
OWN_DRAW = frozenset({"figures", "particle", "tense", "word", "letter", "modifier"})
