"""Synthetic council documents for benchmarks and the demo archive.

Deterministic for a given seed: the same seed always gives the same corpus, so
benchmark runs are comparable. Each document is about 2 KB of council
vocabulary with a few rare words; a share of them carry the kind of damage OCR
leaves on scanned paper ("OCCRMA" read as "OCCR4A", split words, stray marks).
Pure: no files, no database.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

COMMON = (
    "council city whereas resolution resolved approve approved public meeting "
    "agreement authority member members board clerk mayor adopted regular "
    "county hereby shall section by-laws amendment vote ayes noes absent "
    "budget fiscal year contract services insurance risk management program "
    "director manager staff report hearing notice agenda item motion second "
    "certify certified ordinance policy payment fund funds account general "
    "water street park police fire plan planning zoning permit property"
).split()
MID = (
    "liability claims workers compensation pooled deductible actuarial "
    "premium excess coverage underwriting reserves dividend assessment "
    "withdrawal admission allocation treasurer auditor quorum ratification "
    "two-thirds majority unanimous rescind supersede exhibit recital "
    "appropriation encumbrance easement annexation abatement franchise "
    "sewer drainage landscaping lighting assessment district bond refunding "
    "election canvass precinct proclamation commendation appointment vacancy"
).split()
NAMES = "Schuster Saltarelli Kennedy Welsh Sharp Hoesterey Edgar Greinke Kawashima Ortiz".split()
BODIES = ("tustin-council", "occrma-board", "irvine-council", "orange-council")
KINDS = ("resolution", "minutes", "agreement", "notice", "ordinance", "report")
MONTHS = (
    "January February March April May June July August September October "
    "November December"
).split()
DAMAGED_OCCRMA = ("OCCR4A", "OCCR`'1A", "0CCR'`1A", "OCCRUA", "OCCIUMA", "OCCR 4-A", "OCCRr4A")


@dataclass(frozen=True)
class SyntheticDocument:
    id: str
    kind: str
    title: str
    number: str | None
    date: str  # ISO 8601
    body: str  # body id
    text: str
    damaged: bool


def _rare_word(rng: random.Random) -> str:
    letters = "bcdfghklmnprstvz"
    vowels = "aeiou"
    return "".join(rng.choice(letters) + rng.choice(vowels) for _ in range(rng.randint(3, 5)))


def _sentence(rng: random.Random, rare: list[str]) -> str:
    words = []
    for _ in range(rng.randint(8, 18)):
        roll = rng.random()
        if roll < 0.70:
            # Zipf-like: early common words are much more frequent
            words.append(COMMON[min(int(rng.paretovariate(0.9)) - 1, len(COMMON) - 1)])
        elif roll < 0.95:
            words.append(rng.choice(MID))
        else:
            words.append(rng.choice(rare))
    return " ".join(words).capitalize() + "."


def _damage(text: str, rng: random.Random) -> str:
    """Imitate OCR: swapped letters, split words, stray marks, line numbers."""
    out = []
    for word in text.split(" "):
        roll = rng.random()
        if roll < 0.03 and len(word) > 3:
            i = rng.randrange(1, len(word) - 1)
            word = word[:i] + rng.choice("1l!4r0") + word[i + 1 :]
        elif roll < 0.04 and len(word) > 5:
            i = rng.randrange(2, len(word) - 2)
            word = word[:i] + " " + word[i:]
        elif roll < 0.05:
            word = word + rng.choice(("'", "`", ".,", " ;"))
        out.append(word)
    return " ".join(out)


def generate(count: int, seed: int = 1979, rare_vocabulary: int = 20000) -> list[SyntheticDocument]:
    """Return ``count`` synthetic documents (about 2 KB of text each)."""
    return list(iter_documents(count, seed, rare_vocabulary))


def rare_words(seed: int = 1979, rare_vocabulary: int = 20000) -> list[str]:
    rng = random.Random(seed * 7 + 1)
    return [_rare_word(rng) for _ in range(rare_vocabulary)]


def iter_documents(count: int, seed: int = 1979, rare_vocabulary: int = 20000):
    rare = rare_words(seed, rare_vocabulary)
    rng = random.Random(seed)
    seq_by_year: dict[int, int] = {}
    for n in range(count):
        kind = KINDS[min(int(rng.paretovariate(1.2)) - 1, len(KINDS) - 1)]
        year = rng.randint(1965, 2026)
        month = rng.randint(1, 12)
        day = rng.randint(1, 28)
        seq_by_year[year] = seq_by_year.get(year, 0) + 1
        number = f"{year % 100:02d}-{seq_by_year[year]}" if kind in ("resolution", "ordinance") else None
        body = rng.choice(BODIES)
        subject = " ".join(rng.choice(MID) for _ in range(3))
        title = f"{kind.capitalize()} of the {body.split('-')[0].capitalize()} {body.split('-')[1]} on {subject}"
        parts = []
        if number:
            parts.append(f"{kind.upper()} NO. {number}")
        parts.append(title.upper())
        if rng.random() < 0.08:
            parts.append(f"WHEREAS, the Orange County Cities Risk Management Authority (OCCRMA) {rng.choice(MID)}.")
        size = 0
        while size < 1900:
            s = _sentence(rng, rare)
            parts.append(s)
            size += len(s) + 1
        parts.append(
            f"PASSED, APPROVED AND ADOPTED this {day} day of {MONTHS[month - 1]}, {year}."
        )
        ayes = rng.sample(NAMES, 4)
        parts.append(f"AYES: {', '.join(ayes[:3])} NOES: {ayes[3]} ABSENT: None")
        text = "\n".join(parts)
        damaged = rng.random() < 0.25
        if damaged:
            text = _damage(text, rng)
            if "OCCRMA" in text:
                text = text.replace("OCCRMA", rng.choice(DAMAGED_OCCRMA), 1)
        yield SyntheticDocument(
            id=f"synthetic-{n + 1:07d}",
            kind=kind,
            title=title,
            number=number,
            date=f"{year:04d}-{month:02d}-{day:02d}",
            body=body,
            text=text,
            damaged=damaged,
        )
