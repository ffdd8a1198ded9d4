"""How a roll-call vote is counted.

A vote is a set of *casts*, one per member: ``aye``, ``no``, ``abstain``,
``absent`` or ``recused``. Whether it carried depends on three settings of the
body and one rule of the matter:

* the **rule** of the matter, named ``FRACTION-of-BASE``. FRACTION is
  ``majority`` (more than half), ``two-thirds``, ``three-fourths``,
  ``four-fifths``, ``unanimous`` or ``N/M`` (at least N/M); a fraction of a
  count is rounded up, so two-thirds of 5 is 4. BASE is what the fraction is
  taken of:

  - ``cast``: the ayes and noes (Robert's Rules: a majority of the votes cast);
  - ``present``: the members present and not recused;
  - ``members``: the whole membership, every seat vacant or not (a California
    general-law council passes a resolution by a majority of its members,
    Gov. Code 36936: 3 of 5 whatever the attendance);
  - ``seated``: the seats that are filled;
  - ``eligible``: the members entitled to vote on this matter (on a JPA board,
    the representatives of the members that take part in the risk area the
    matter concerns).

* the **quorum** rule, by default a majority of the whole membership
  (Gov. Code 36810 for a general-law council). Recused members do not count
  toward a quorum; members present who abstain do. Without a quorum the
  outcome is ``no-quorum``, whatever the casts.

* the **abstentions** setting: ``not-counted`` (the default: an abstention is
  neither aye nor no), ``with-majority`` (abstainers are taken to go along with
  the side that got more votes, the common-law rule in California) or ``as-no``.

A tie fails: a matter carries only with at least the required ayes *and* more
ayes than noes. The outcome never depends on the order of the casts.

Everything here is plain data and arithmetic: no database, no files.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass

from govdocs.errors import InvalidInput

OPTIONS = ("aye", "no", "abstain", "absent", "recused")
OUTCOMES = ("carried", "failed", "no-quorum")
BASES = ("cast", "present", "members", "seated", "eligible")
QUORUM_BASES = ("members", "seated", "eligible")
ABSTENTION_RULES = ("not-counted", "with-majority", "as-no")

# Named fractions, as (numerator, denominator) of an "at least" rule.
_NAMED_FRACTIONS = {
    "two-thirds": (2, 3),
    "three-fourths": (3, 4),
    "three-quarters": (3, 4),
    "four-fifths": (4, 5),
    "unanimous": (1, 1),
}
_NAME_OF_FRACTION = {
    (2, 3): "two-thirds",
    (3, 4): "three-fourths",
    (4, 5): "four-fifths",
    (1, 1): "unanimous",
}
_RULE_FORMS = (
    "FRACTION-of-BASE, where FRACTION is majority, two-thirds, three-fourths, "
    "four-fifths, unanimous or N/M, and BASE is one of " + ", ".join(BASES)
)


# --------------------------------------------------------------------------
# Casts and tallies


def _count(name: str, value) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(f"{name} must be a whole number, got {value!r}")
    if value < 0:
        raise InvalidInput(f"{name} cannot be negative, got {value}")
    return value


@dataclass(frozen=True)
class Tally:
    """How many members chose each option."""

    ayes: int = 0
    noes: int = 0
    abstentions: int = 0
    absent: int = 0
    recused: int = 0

    def __post_init__(self):
        for field in ("ayes", "noes", "abstentions", "absent", "recused"):
            _count(field, getattr(self, field))

    @property
    def total(self) -> int:
        """Every member accounted for, whatever the option."""
        return self.ayes + self.noes + self.abstentions + self.absent + self.recused

    @property
    def present(self) -> int:
        """Members present and not recused: the ones who count toward a quorum."""
        return self.ayes + self.noes + self.abstentions

    def to_dict(self) -> dict:
        return asdict(self)


_TALLY_FIELD = {
    "aye": "ayes",
    "no": "noes",
    "abstain": "abstentions",
    "absent": "absent",
    "recused": "recused",
}


def normalize_option(option) -> str:
    """The option in the vocabulary's own spelling; anything else is refused."""
    text = str(option).strip().lower() if option is not None else ""
    if text not in OPTIONS:
        raise InvalidInput(
            f"unknown vote option {option!r}: expected one of {', '.join(OPTIONS)}"
        )
    return text


def tally(casts: Mapping | Iterable) -> Tally:
    """Count casts: a mapping of person to option, or an iterable of options."""
    options = casts.values() if isinstance(casts, Mapping) else casts
    if isinstance(options, str):
        raise InvalidInput("casts must be a mapping of person to option or a list of options")
    counts = dict.fromkeys(OPTIONS, 0)
    for option in options:
        counts[normalize_option(option)] += 1
    return Tally(**{_TALLY_FIELD[o]: n for o, n in counts.items()})


def casts_from_lists(**names_by_option: Iterable[str]) -> dict[str, str]:
    """Build ``{person: option}`` from lists of people per option.

    ``casts_from_lists(aye=["kim", "lee"], no=["ortiz"])``. A person named under
    two options (or twice under one) is refused: each member has exactly one.
    """
    casts: dict[str, str] = {}
    for option, names in names_by_option.items():
        option = normalize_option(option)
        for name in names or ():
            name = str(name).strip()
            if not name:
                raise InvalidInput(f"an empty name was given for {option}")
            if name in casts:
                raise InvalidInput(
                    f"{name} is listed more than once ({casts[name]} and {option}): "
                    "expected exactly one option per member"
                )
            casts[name] = option
    return casts


@dataclass(frozen=True)
class RollCallProblems:
    """What is wrong with a roll call against the members seated that day."""

    missing: tuple[str, ...] = ()
    strangers: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.missing or self.strangers)

    def message(self) -> str:
        parts = []
        if self.missing:
            parts.append("no vote recorded for seated member(s) " + ", ".join(self.missing))
        if self.strangers:
            parts.append("not seated on the body that day: " + ", ".join(self.strangers))
        return "; ".join(parts)


def check_roll_call(seated: Iterable[str], casts: Mapping[str, str]) -> RollCallProblems:
    """Compare a roll call with the members seated on the meeting date.

    Every seated member must have exactly one option (a mapping gives at most
    one) and nobody else may appear. Returns the problems found, empty if none.
    """
    seated_set = set(seated)
    for option in casts.values():
        normalize_option(option)
    missing = tuple(sorted(seated_set - set(casts)))
    strangers = tuple(sorted(set(casts) - seated_set))
    return RollCallProblems(missing, strangers)


# --------------------------------------------------------------------------
# Rules


@dataclass(frozen=True)
class Rule:
    """A voting rule: a fraction of a base.

    ``numerator``/``denominator`` describe an "at least" fraction; a simple
    majority ("more than half") has ``majority=True`` and no fraction.
    """

    base: str
    majority: bool = False
    numerator: int = 1
    denominator: int = 1

    def __post_init__(self):
        if self.base not in BASES:
            raise InvalidInput(f"unknown base {self.base!r}: expected one of {', '.join(BASES)}")
        if not self.majority:
            if not (0 < self.numerator <= self.denominator):
                raise InvalidInput(
                    f"fraction {self.numerator}/{self.denominator} must be more than "
                    "nothing and at most the whole (expected N/M with 0 < N <= M)"
                )
            g = math.gcd(self.numerator, self.denominator)
            object.__setattr__(self, "numerator", self.numerator // g)
            object.__setattr__(self, "denominator", self.denominator // g)
        else:
            object.__setattr__(self, "numerator", 1)
            object.__setattr__(self, "denominator", 2)

    @property
    def fraction(self) -> str:
        if self.majority:
            return "majority"
        key = (self.numerator, self.denominator)
        return _NAME_OF_FRACTION.get(key, f"{self.numerator}/{self.denominator}")

    @property
    def unanimous(self) -> bool:
        return not self.majority and self.numerator == self.denominator

    def __str__(self) -> str:
        return f"{self.fraction}-of-{self.base}"

    def required(self, count: int) -> int:
        """The least number that satisfies the fraction of ``count``.

        A majority is more than half (3 of 5, 3 of 4); any other fraction is
        at least that share, rounded up (two-thirds of 5 is 4). Never more
        than ``count`` itself, so a base of nobody requires nobody (and such a
        vote still fails, since it needs more ayes than noes).
        """
        count = _count("base", count)
        if self.majority:
            need = count // 2 + 1
        else:
            need = -(-count * self.numerator // self.denominator)  # ceiling
        return min(need, count)

    def describe(self, count: int) -> str:
        """The rule in words over a count, e.g. 'majority of the whole membership of 5'."""
        lead = "a unanimous vote" if self.unanimous else self.fraction
        return f"{lead} {_base_phrase(self.base, count, of=True)}"


def _base_phrase(base: str, count: int, *, of: bool) -> str:
    prefix = "of " if of else ""
    if base == "members":
        return f"{prefix}the whole membership of {count}"
    if base == "seated":
        noun = "seated member" if count == 1 else "seated members"
        return f"{prefix}the {count} {noun}"
    if base == "present":
        noun = "member present" if count == 1 else "members present"
        return f"{prefix}the {count} {noun} and not recused"
    if base == "cast":
        noun = "vote cast" if count == 1 else "votes cast"
        return f"{prefix}the {count} {noun}"
    noun = "member eligible" if count == 1 else "members eligible"
    return f"{prefix}the {count} {noun} to vote on the matter"


def parse_rule(text) -> Rule:
    """Read ``majority-of-members``, ``2/3-of-present``, ``unanimous-of-present``.

    Case, spaces and underscores are forgiven (``Two Thirds of Members``).
    ``str()`` of the result is the canonical spelling, and parsing it again
    gives an equal rule.
    """
    if isinstance(text, Rule):
        return text
    if not isinstance(text, str) or not text.strip():
        raise InvalidInput(f"a vote rule is required: expected {_RULE_FORMS}")
    clean = re.sub(r"[\s_]+", "-", text.strip().lower())
    match = re.fullmatch(r"(.+?)-of-(?:the-)?([a-z]+)", clean)
    if not match:
        raise InvalidInput(f"unknown vote rule {text!r}: expected {_RULE_FORMS}")
    fraction, base = match.groups()
    if base not in BASES:
        raise InvalidInput(
            f"unknown base {base!r} in vote rule {text!r}: expected one of {', '.join(BASES)}"
        )
    if fraction in ("majority", "simple-majority"):
        return Rule(base=base, majority=True)
    if fraction in _NAMED_FRACTIONS:
        num, den = _NAMED_FRACTIONS[fraction]
        return Rule(base=base, numerator=num, denominator=den)
    frac = re.fullmatch(r"(\d+)/(\d+)", fraction)
    if frac:
        num, den = int(frac.group(1)), int(frac.group(2))
        if den == 0 or not (0 < num <= den):
            raise InvalidInput(
                f"fraction {fraction!r} in vote rule {text!r}: expected N/M with 0 < N <= M"
            )
        return Rule(base=base, numerator=num, denominator=den)
    raise InvalidInput(f"unknown fraction {fraction!r} in vote rule {text!r}: expected {_RULE_FORMS}")


def parse_quorum(text) -> Rule:
    """A quorum rule is a rule whose base is a number of members, not of votes."""
    rule = parse_rule(text)
    if rule.base not in QUORUM_BASES:
        raise InvalidInput(
            f"a quorum rule counts members, so {str(rule)!r} cannot be one: "
            f"expected a base of {', '.join(QUORUM_BASES)}"
        )
    return rule


def normalize_abstentions(text) -> str:
    clean = re.sub(r"[\s_]+", "-", str(text or "").strip().lower())
    if clean not in ABSTENTION_RULES:
        raise InvalidInput(
            f"unknown abstentions setting {text!r}: expected one of {', '.join(ABSTENTION_RULES)}"
        )
    return clean


# --------------------------------------------------------------------------
# Outcomes


@dataclass(frozen=True)
class Outcome:
    """The computed result of a roll call, with the reasoning in one sentence."""

    outcome: str
    required: int
    ayes: int
    noes: int
    abstentions: int
    absent: int
    recused: int
    quorum_met: bool
    quorum_required: int
    base: int
    rule: str
    explanation: str
    quorum: str = "majority-of-members"
    abstention_rule: str = "not-counted"
    present: int = 0
    seats: int = 0
    vacant: int = 0
    eligible: int | None = None
    counted_ayes: int = 0
    counted_noes: int = 0

    @property
    def carried(self) -> bool:
        return self.outcome == "carried"

    def to_dict(self) -> dict:
        return asdict(self)


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def decide(
    tally: Tally,
    rule: str | Rule,
    *,
    seats: int,
    vacant: int = 0,
    quorum: str | Rule = "majority-of-members",
    abstentions: str = "not-counted",
    eligible: int | None = None,
    present: int | None = None,
) -> Outcome:
    """Decide a roll call.

    ``seats`` is the whole membership, ``vacant`` the seats nobody holds.
    ``eligible``, when given, is how many members may vote on this matter;
    the tally then counts those members only. ``present`` is how many members
    are present for the quorum (not counting the recused); by default the
    members present in the tally. Seated members the tally does not mention
    are taken to be absent.
    """
    if not isinstance(tally, Tally):
        raise InvalidInput("decide() needs a Tally (see votes.tally)")
    rule = parse_rule(rule)
    quorum_rule = parse_quorum(quorum)
    abstentions = normalize_abstentions(abstentions)
    seats = _count("seats", seats)
    vacant = _count("vacant", vacant)
    if seats == 0:
        raise InvalidInput("a body needs at least one seat")
    if vacant > seats:
        raise InvalidInput(f"{vacant} vacant seats is more than the {seats} seats of the body")
    seated = seats - vacant
    if tally.total > seated:
        raise InvalidInput(
            f"{tally.total} members accounted for, but only {seated} of the {seats} seats "
            "are filled: expected at most one cast per seated member"
        )
    if eligible is not None:
        eligible = _count("eligible", eligible)
        if eligible > seated:
            raise InvalidInput(
                f"{eligible} eligible members is more than the {seated} seated members"
            )
        if tally.total > eligible:
            raise InvalidInput(
                f"{tally.total} casts for a matter only {eligible} members may vote on: "
                "expected the casts of eligible members only"
            )
    needs_eligible = "eligible" in (rule.base, quorum_rule.base)
    if needs_eligible and eligible is None:
        raise InvalidInput(
            "the rule counts eligible members: expected the number of members eligible "
            "to vote on the matter"
        )
    unaccounted = (eligible if eligible is not None else seated) - tally.total
    absent = tally.absent + unaccounted
    if present is None:
        present = tally.present
    else:
        present = _count("present", present)
        if present < tally.present or present > seated - tally.recused:
            raise InvalidInput(
                f"{present} members present cannot be: the roll call has {tally.present} "
                f"present and {tally.recused} recused of {seated} seated"
            )

    sizes = {"members": seats, "seated": seated, "eligible": eligible}
    quorum_base = sizes[quorum_rule.base]
    quorum_required = quorum_rule.required(quorum_base)
    quorum_met = present >= quorum_required and present > 0

    ayes, noes = tally.ayes, tally.noes
    if abstentions == "as-no":
        noes += tally.abstentions
    elif abstentions == "with-majority":
        if ayes > noes:
            ayes += tally.abstentions
        elif noes > ayes:
            noes += tally.abstentions

    sizes["cast"] = ayes + noes
    sizes["present"] = tally.present
    base = sizes[rule.base]
    required = rule.required(base)

    if not quorum_met:
        result = "no-quorum"
    elif ayes >= required and ayes > noes:
        result = "carried"
    else:
        result = "failed"

    explanation = _explain(
        result, rule, base, required, tally, ayes, noes, abstentions,
        quorum_rule, quorum_base, quorum_required, present,
    )
    return Outcome(
        outcome=result,
        required=required,
        ayes=tally.ayes,
        noes=tally.noes,
        abstentions=tally.abstentions,
        absent=absent,
        recused=tally.recused,
        quorum_met=quorum_met,
        quorum_required=quorum_required,
        base=base,
        rule=str(rule),
        explanation=explanation,
        quorum=str(quorum_rule),
        abstention_rule=abstentions,
        present=present,
        seats=seats,
        vacant=vacant,
        eligible=eligible,
        counted_ayes=ayes,
        counted_noes=noes,
    )


def _explain(result, rule, base, required, tally, ayes, noes, abstentions,
             quorum_rule, quorum_base, quorum_required, present) -> str:
    if result == "no-quorum":
        members = _plural(present, "member", "members")
        recused = f" ({tally.recused} recused)" if tally.recused else ""
        article = "a " if quorum_rule.majority else ""
        return (
            f"No quorum: {members} present{recused}; a quorum is "
            f"{article}{quorum_rule.describe(quorum_base)}, which is {quorum_required}."
        )
    lead = "Carried" if result == "carried" else "Failed"
    counted = _plural(ayes, "aye", "ayes")
    moved = tally.abstentions
    if moved and abstentions == "with-majority" and ayes != noes:
        if noes > ayes:
            counted += f" and {_plural(noes, 'no', 'noes')}"
        counted += f", counting {_plural(moved, 'abstention', 'abstentions')} with the majority"
    rule_text = rule.describe(base)
    if moved and abstentions == "as-no":
        as_what = "as a no" if moved == 1 else "as noes"
        rule_text += f", counting {_plural(moved, 'abstention', 'abstentions')} {as_what},"
    sentence = f"{lead}: {counted}; {rule_text} requires {required}"
    if base == 0:
        sentence += ", and nobody voted"
    elif ayes >= required and ayes <= noes:
        sentence += f", but with {_plural(noes, 'no', 'noes')} it is a tie, and a tie fails"
    return sentence + "."


def decide_casts(casts: Mapping[str, str], rule: str | Rule, **settings) -> Outcome:
    """``decide(tally(casts), rule, ...)`` for a mapping of person to option."""
    return decide(tally(casts), rule, **settings)
