"""govdocs.votes: options, tallies, rules, quorum and outcomes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govdocs.errors import InvalidInput
from govdocs.votes import (
    ABSTENTION_RULES,
    BASES,
    OPTIONS,
    Outcome,
    Rule,
    Tally,
    casts_from_lists,
    check_roll_call,
    decide,
    decide_casts,
    parse_quorum,
    parse_rule,
    tally,
)

# --------------------------------------------------------------------------
# tally


def test_options_are_the_five_of_the_issue():
    assert OPTIONS == ("aye", "no", "abstain", "absent", "recused")


def test_tally_of_a_mapping_counts_each_option():
    casts = {"kim": "aye", "lee": "aye", "ortiz": "no", "poe": "absent", "ruiz": "recused",
             "shaw": "abstain"}
    assert tally(casts) == Tally(ayes=2, noes=1, abstentions=1, absent=1, recused=1)


def test_tally_of_a_list_of_options_forgives_case_and_spaces():
    assert tally(["aye", " AYE", "No"]) == Tally(ayes=2, noes=1)


def test_tally_refuses_an_unknown_option_and_says_what_is_expected():
    with pytest.raises(InvalidInput, match="expected one of aye, no, abstain, absent, recused"):
        tally({"kim": "yes"})


def test_tally_refuses_a_bare_string():
    with pytest.raises(InvalidInput):
        tally("aye")


def test_tally_totals_and_present():
    t = Tally(ayes=3, noes=1, abstentions=1, absent=1, recused=1)
    assert t.total == 7
    assert t.present == 5


@pytest.mark.parametrize("field", ["ayes", "noes", "abstentions", "absent", "recused"])
def test_tally_refuses_negative_counts(field):
    with pytest.raises(InvalidInput, match="cannot be negative"):
        Tally(**{field: -1})


def test_tally_refuses_non_whole_counts():
    with pytest.raises(InvalidInput, match="whole number"):
        Tally(ayes=2.5)
    with pytest.raises(InvalidInput, match="whole number"):
        Tally(ayes=True)


# --------------------------------------------------------------------------
# casts_from_lists and check_roll_call


def test_casts_from_lists_builds_one_option_per_member():
    casts = casts_from_lists(aye=["kim", "lee"], no=["ortiz"], recused=["poe"])
    assert casts == {"kim": "aye", "lee": "aye", "ortiz": "no", "poe": "recused"}


def test_casts_from_lists_refuses_a_member_under_two_options():
    with pytest.raises(InvalidInput, match="kim is listed more than once \\(aye and no\\)"):
        casts_from_lists(aye=["kim"], no=["kim"])


def test_casts_from_lists_refuses_an_unknown_option():
    with pytest.raises(InvalidInput, match="unknown vote option"):
        casts_from_lists(yes=["kim"])


def test_check_roll_call_finds_missing_members_and_strangers():
    problems = check_roll_call(
        ["kim", "lee", "ortiz"], {"kim": "aye", "lee": "no", "zed": "aye"}
    )
    assert problems.missing == ("ortiz",)
    assert problems.strangers == ("zed",)
    assert bool(problems)
    assert problems.message() == (
        "no vote recorded for seated member(s) ortiz; not seated on the body that day: zed"
    )


def test_check_roll_call_of_a_complete_roll_call_is_empty():
    problems = check_roll_call(["kim", "lee"], {"lee": "absent", "kim": "aye"})
    assert not problems
    assert problems.message() == ""


# --------------------------------------------------------------------------
# rules


@pytest.mark.parametrize(
    "text, canonical",
    [
        ("majority-of-members", "majority-of-members"),
        ("majority-of-cast", "majority-of-cast"),
        ("two-thirds-of-members", "two-thirds-of-members"),
        ("2/3-of-present", "two-thirds-of-present"),
        ("4/6-of-members", "two-thirds-of-members"),
        ("four-fifths-of-members", "four-fifths-of-members"),
        ("three-quarters-of-seated", "three-fourths-of-seated"),
        ("unanimous-of-present", "unanimous-of-present"),
        ("1/1-of-present", "unanimous-of-present"),
        ("3/5-of-eligible", "3/5-of-eligible"),
        ("Two Thirds of the Members", "two-thirds-of-members"),
        ("MAJORITY_OF_CAST", "majority-of-cast"),
    ],
)
def test_parse_rule_reads_the_forms_and_prints_the_canonical_one(text, canonical):
    rule = parse_rule(text)
    assert str(rule) == canonical
    assert parse_rule(str(rule)) == rule


@pytest.mark.parametrize(
    "text, message",
    [
        ("most-of-members", "unknown fraction 'most'"),
        ("majority-of-everyone", "unknown base 'everyone'"),
        ("majority", "unknown vote rule"),
        ("", "a vote rule is required"),
        ("3/2-of-members", "expected N/M with 0 < N <= M"),
        ("0/3-of-members", "expected N/M with 0 < N <= M"),
        ("1/0-of-members", "expected N/M with 0 < N <= M"),
    ],
)
def test_parse_rule_refuses_unknown_rules_and_says_what_is_expected(text, message):
    with pytest.raises(InvalidInput, match=message):
        parse_rule(text)


def test_majority_is_more_than_half_and_a_fraction_is_rounded_up():
    majority = parse_rule("majority-of-members")
    assert [majority.required(n) for n in range(1, 9)] == [1, 2, 2, 3, 3, 4, 4, 5]
    two_thirds = parse_rule("two-thirds-of-members")
    assert two_thirds.required(5) == 4  # the issue's example
    assert two_thirds.required(8) == 6  # 6 of the 8 member cities
    assert two_thirds.required(6) == 4
    assert parse_rule("four-fifths-of-members").required(7) == 6
    assert parse_rule("three-fourths-of-members").required(5) == 4
    assert parse_rule("unanimous-of-present").required(4) == 4


def test_at_least_half_differs_from_majority():
    assert parse_rule("1/2-of-cast") != parse_rule("majority-of-cast")
    assert parse_rule("1/2-of-cast").required(4) == 2
    assert parse_rule("majority-of-cast").required(4) == 3


def test_a_quorum_rule_must_count_members():
    assert str(parse_quorum("majority-of-seated")) == "majority-of-seated"
    with pytest.raises(InvalidInput, match="cannot be one"):
        parse_quorum("majority-of-cast")
    with pytest.raises(InvalidInput, match="cannot be one"):
        parse_quorum("majority-of-present")


def test_rule_object_refuses_a_bad_base():
    with pytest.raises(InvalidInput, match="unknown base"):
        Rule(base="voters", majority=True)


# --------------------------------------------------------------------------
# decide: outcomes and explanations


def test_decide_reports_every_field_the_calculator_prints():
    result = decide(Tally(ayes=3, absent=2), "majority-of-members", seats=5)
    data = result.to_dict()
    for key in ("outcome", "required", "ayes", "noes", "abstentions", "absent", "recused",
                "quorum_met", "quorum_required", "base", "rule", "explanation"):
        assert key in data
    assert data["outcome"] == "carried"
    assert data["quorum_met"] is True
    assert data["quorum_required"] == 3
    assert data["base"] == 5
    assert result.carried


def test_decide_accepts_a_rule_object():
    rule = parse_rule("two-thirds-of-members")
    assert decide(Tally(ayes=4, noes=1), rule, seats=5).outcome == "carried"


def test_seated_members_missing_from_the_tally_are_taken_as_absent():
    result = decide(Tally(ayes=3), "majority-of-members", seats=5)
    assert result.absent == 2
    assert result.outcome == "carried"


def test_a_tie_fails_even_when_the_fraction_is_met():
    result = decide(Tally(ayes=3, noes=3), "1/2-of-cast", seats=6)
    assert result.outcome == "failed"
    assert result.required == 3
    assert result.explanation == (
        "Failed: 3 ayes; 1/2 of the 6 votes cast requires 3, "
        "but with 3 noes it is a tie, and a tie fails."
    )


def test_nobody_voting_fails():
    result = decide(Tally(abstentions=3), "majority-of-cast", seats=3)
    assert result.outcome == "failed"
    assert result.required == 0
    assert result.explanation == (
        "Failed: 0 ayes; majority of the 0 votes cast requires 0, and nobody voted."
    )


def test_no_quorum_whatever_the_casts_and_the_recused_are_named():
    result = decide(Tally(ayes=2, recused=2, absent=1), "majority-of-cast", seats=5)
    assert result.outcome == "no-quorum"
    assert not result.quorum_met
    assert result.explanation == (
        "No quorum: 2 members present (2 recused); a quorum is a majority of the "
        "whole membership of 5, which is 3."
    )


def test_a_two_thirds_quorum():
    result = decide(Tally(ayes=4, absent=3), "majority-of-cast", seats=7,
                    quorum="two-thirds-of-members")
    assert result.outcome == "no-quorum"
    assert result.quorum_required == 5
    assert "a quorum is two-thirds of the whole membership of 7, which is 5" in result.explanation


def test_abstentions_with_the_majority_of_noes():
    result = decide(Tally(ayes=1, noes=2, abstentions=2), "majority-of-members", seats=5,
                    abstentions="with-majority")
    assert (result.counted_ayes, result.counted_noes) == (1, 4)
    assert result.explanation == (
        "Failed: 1 aye and 4 noes, counting 2 abstentions with the majority; majority of "
        "the whole membership of 5 requires 3."
    )


def test_seated_rule_explains_itself():
    result = decide(Tally(ayes=2, noes=1), "majority-of-seated", seats=5, vacant=2,
                    quorum="majority-of-seated")
    assert result.outcome == "carried"
    assert result.explanation == "Carried: 2 ayes; majority of the 3 seated members requires 2."


def test_unanimous_explains_itself():
    result = decide(Tally(ayes=3, noes=1), "unanimous-of-present", seats=5)
    assert result.explanation == (
        "Failed: 3 ayes; a unanimous vote of the 4 members present and not recused requires 4."
    )


def test_decide_casts_takes_a_mapping():
    result = decide_casts({"a": "aye", "b": "aye", "c": "aye", "d": "no", "e": "absent"},
                          "majority-of-members", seats=5)
    assert isinstance(result, Outcome)
    assert result.outcome == "carried"


# --------------------------------------------------------------------------
# decide: impossible input


@pytest.mark.parametrize(
    "kwargs, message",
    [
        (dict(tally=Tally(ayes=6), seats=5), "6 members accounted for"),
        (dict(tally=Tally(ayes=5), seats=5, vacant=1), "only 4 of the 5 seats"),
        (dict(tally=Tally(ayes=1), seats=0), "at least one seat"),
        (dict(tally=Tally(ayes=1), seats=-5), "cannot be negative"),
        (dict(tally=Tally(ayes=1), seats=5, vacant=6), "more than the 5 seats"),
        (dict(tally=Tally(ayes=1), seats=5, vacant=-1), "cannot be negative"),
        (dict(tally=Tally(ayes=1), seats=5, abstentions="as-yes"), "expected one of not-counted"),
        (dict(tally=Tally(ayes=1), seats=5, quorum="majority-of-cast"), "cannot be one"),
        (dict(tally=Tally(ayes=1), seats=5, rule="two-thirds-of-everyone"), "unknown base"),
        (dict(tally=Tally(ayes=1), seats=5, rule="majority-of-eligible"), "eligible"),
        (dict(tally=Tally(ayes=3), seats=5, eligible=2), "only 2 members may vote"),
        (dict(tally=Tally(ayes=3), seats=5, eligible=6), "more than the 5 seated"),
        (dict(tally=Tally(ayes=3), seats=5, present=2), "members present cannot be"),
        (dict(tally=Tally(ayes=3, recused=1), seats=5, present=5), "members present cannot be"),
        (dict(tally=(3, 0), seats=5), "needs a Tally"),
    ],
)
def test_impossible_input_is_refused(kwargs, message):
    kwargs.setdefault("rule", "majority-of-members")
    t = kwargs.pop("tally")
    rule = kwargs.pop("rule")
    with pytest.raises(InvalidInput, match=message):
        decide(t, rule, **kwargs)


# --------------------------------------------------------------------------
# properties

RULE_TEXTS = [
    f"{fraction}-of-{base}"
    for fraction in ("majority", "two-thirds", "three-fourths", "four-fifths", "unanimous",
                     "1/2", "3/5", "1/3")
    for base in BASES
]
QUORUMS = ["majority-of-members", "majority-of-seated", "two-thirds-of-members",
           "1/3-of-members"]


@st.composite
def votes(draw):
    seats = draw(st.integers(min_value=1, max_value=15))
    vacant = draw(st.integers(min_value=0, max_value=seats - 1))
    seated = seats - vacant
    options = draw(st.lists(st.sampled_from(OPTIONS), max_size=seated))
    eligible = draw(st.one_of(st.none(), st.integers(min_value=len(options), max_value=seated)))
    rule = draw(st.sampled_from(RULE_TEXTS))
    quorum = draw(st.sampled_from(QUORUMS))
    if eligible is None and "eligible" in rule:
        eligible = seated
    settings_ = dict(seats=seats, vacant=vacant, quorum=quorum,
                     abstentions=draw(st.sampled_from(ABSTENTION_RULES)), eligible=eligible)
    return options, rule, settings_


@settings(max_examples=400)
@given(votes())
def test_moving_one_cast_from_no_to_aye_never_turns_carried_into_failed(vote):
    options, rule, settings_ = vote
    if "no" not in options:
        options = options[:-1] + ["no"] if options else ["no"]
        if len(options) > settings_["seats"] - settings_["vacant"]:
            return
        if settings_["eligible"] is not None and len(options) > settings_["eligible"]:
            settings_["eligible"] = len(options)
    before = decide(tally(options), rule, **settings_)
    moved = list(options)
    moved[moved.index("no")] = "aye"
    after = decide(tally(moved), rule, **settings_)
    if before.outcome == "carried":
        assert after.outcome == "carried", (before.explanation, after.explanation)
    assert after.quorum_met == before.quorum_met


@settings(max_examples=300)
@given(votes(), st.randoms(use_true_random=False))
def test_the_outcome_ignores_the_order_of_the_casts(vote, rnd):
    options, rule, settings_ = vote
    people = [f"member-{i}" for i in range(len(options))]
    casts = dict(zip(people, options))
    shuffled = list(casts.items())
    rnd.shuffle(shuffled)
    assert decide_casts(dict(shuffled), rule, **settings_) == decide_casts(casts, rule, **settings_)


@settings(max_examples=400)
@given(votes())
def test_required_ayes_never_exceed_the_base(vote):
    options, rule, settings_ = vote
    result = decide(tally(options), rule, **settings_)
    assert 0 <= result.required <= result.base
    assert result.quorum_required <= settings_["seats"]


@settings(max_examples=400)
@given(votes())
def test_outcome_is_consistent_with_its_numbers(vote):
    options, rule, settings_ = vote
    result = decide(tally(options), rule, **settings_)
    assert result.outcome in ("carried", "failed", "no-quorum")
    assert (result.outcome == "no-quorum") == (not result.quorum_met)
    if result.outcome == "carried":
        assert result.counted_ayes >= result.required
        assert result.counted_ayes > result.counted_noes
    assert result.ayes + result.noes + result.abstentions + result.absent + result.recused == (
        settings_["eligible"] if settings_["eligible"] is not None
        else settings_["seats"] - settings_["vacant"]
    )
    assert result.explanation.endswith(".")
    assert str(result.required) in result.explanation or not result.quorum_met


@given(st.sampled_from(RULE_TEXTS))
def test_rules_round_trip(text):
    rule = parse_rule(text)
    assert parse_rule(str(rule)) == rule
    assert str(parse_rule(str(rule))) == str(rule)


@given(st.integers(min_value=1, max_value=50))
def test_majority_of_members_never_needs_fewer_than_a_majority_of_cast(n):
    members = parse_rule("majority-of-members").required(n)
    for cast in range(0, n + 1):
        assert parse_rule("majority-of-cast").required(cast) <= members


def test_reversing_the_roll_call_changes_nothing():
    casts = {"a": "aye", "b": "no", "c": "aye", "d": "abstain", "e": "aye"}
    reversed_casts = dict(reversed(list(casts.items())))
    assert decide_casts(casts, "majority-of-members", seats=5) == decide_casts(
        reversed_casts, "majority-of-members", seats=5
    )
