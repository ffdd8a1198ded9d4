"""govdocs vote: record, show, check (the calculator) and read."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from govdocs.errors import Refused
from govdocs.store import votes as store_votes

_spec = importlib.util.spec_from_file_location(
    "vote_cases_table", Path(__file__).with_name("test_vote_cases.py")
)
_cases = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_cases)
CASES = _cases.CASES


# --------------------------------------------------------------------------
# A small council of our own: five seats, one vacant on the meeting day,
# one member whose term ended before it and one whose term starts after it.


@pytest.fixture
def council(store):
    people = {
        "abara-june": "June Abara", "bishop-leo": "Leo Bishop", "castro-ana": "Ana Castro",
        "diaz-omar": "Omar Diaz", "ellison-may": "May Ellison", "fenn-carl": "Carl Fenn",
        "stranger-sam": "Sam Stranger",
    }
    with store.transaction():
        store.insert("organizations", {"id": "willow-creek", "name": "City of Willow Creek",
                                       "kind": "city", "state": "California"})
        for pid, name in people.items():
            store.insert("people", {"id": pid, "name": name})
        store.insert("bodies", {"id": "willow-council", "organization": "willow-creek",
                                "name": "City Council of the City of Willow Creek",
                                "kind": "council", "seats": 5})
        seats = [
            ("abara-june", "mayor", "2024-12-03", None),
            ("bishop-leo", "member", "2024-12-03", None),
            ("castro-ana", "member", "2022-12-06", None),
            ("diaz-omar", "member", "2022-12-06", None),
            ("ellison-may", "member", "2020-12-01", "2024-12-02"),  # term over
            ("fenn-carl", "member", "2026-12-01", None),  # not yet seated
        ]
        for i, (person, role, start, end) in enumerate(seats):
            store.insert("seats", {"id": f"willow-seat-{i}", "body": "willow-council",
                                   "person": person, "role": role, "term_start": start,
                                   "term_end": end})
        store.insert("meetings", {"id": "willow-2026-03-10", "body": "willow-council",
                                  "kind": "regular", "start": "2026-03-10T18:30:00-07:00",
                                  "status": "held"})
        store.insert("resolutions", {"id": "willow-2026-07", "body": "willow-council",
                                     "number": "2026-07", "title": "Approving a contract",
                                     "status": "draft", "meeting": "willow-2026-03-10"})
        store.insert("resolutions", {"id": "willow-2026-08", "body": "willow-council",
                                     "title": "Declaring an urgency", "status": "draft"})
    return store


def counts(store):
    return {t: store.db[t].count for t in ("votes", "vote_casts", "audit")}


FULL = ["--aye", "abara-june,bishop-leo", "--aye", "castro-ana", "--no", "diaz-omar"]


def test_record_computes_the_outcome_with_the_body_rule(council, invoke):
    result = invoke(["vote", "record", "resolution:willow-2026-07", *FULL])
    assert result.output == (
        "Recorded vote willow-2026-07-vote-1: Carried: 3 ayes; majority of the whole "
        "membership of 5 requires 3.\n"
    )
    row = council.get("votes", "willow-2026-07-vote-1")
    assert row["rule"] == "majority-of-members"
    assert row["outcome"] == "carried"
    assert row["meeting"] == "willow-2026-03-10"
    casts = {r["person"]: r["option"] for r in council.rows("vote_casts")}
    assert casts == {"abara-june": "aye", "bishop-leo": "aye", "castro-ana": "aye",
                     "diaz-omar": "no"}
    assert council.verify_audit().ok


def test_a_vacancy_still_counts_in_the_whole_membership(council, invoke):
    invoke(["vote", "record", "resolution:willow-2026-07", "--aye", "abara-june,bishop-leo",
            "--no", "diaz-omar", "--abstain", "castro-ana"])
    row = council.get("votes", "willow-2026-07-vote-1")
    assert row["outcome"] == "failed"
    assert row["explanation"] == "Failed: 2 ayes; majority of the whole membership of 5 requires 3."


def test_record_with_a_rule_and_names_as_the_clerk_types_them(council, invoke):
    result = invoke(["vote", "record", "willow-2026-08", "--meeting", "willow-2026-03-10",
                     "--aye", "June Abara", "--aye", "Bishop", "--aye", "castro", "--no", "Diaz",
                     "--rule", "4/5-of-members", "--motion", "Adopt as urgency", "--json"])
    shown = json.loads(result.output)
    assert shown["rule"] == "four-fifths-of-members"
    assert shown["outcome"] == "failed"
    assert shown["required"] == 4
    assert shown["motion"] == "Adopt as urgency"
    assert shown["casts"]["aye"] == ["abara-june", "bishop-leo", "castro-ana"]
    assert shown["names"]["no"] == ["Omar Diaz"]


def test_record_with_a_recusal_keeps_the_quorum_rule(council, invoke):
    invoke(["vote", "record", "resolution:willow-2026-07", "--aye", "abara-june,bishop-leo",
            "--recused", "castro-ana", "--absent", "diaz-omar"])
    row = council.get("votes", "willow-2026-07-vote-1")
    assert row["outcome"] == "no-quorum"
    assert row["quorum_met"] == 0


@pytest.mark.parametrize(
    "args, message",
    [
        (["--aye", "abara-june,bishop-leo,castro-ana"],
         "the roll call does not account for diaz-omar, who held a seat on 2026-03-10"),
        ([*FULL, "--absent", "stranger-sam"],
         "stranger-sam does not hold a seat on this body on 2026-03-10"),
        ([*FULL, "--absent", "ellison-may"], "ellison-may does not hold a seat"),
        ([*FULL, "--absent", "fenn-carl"], "fenn-carl does not hold a seat"),
        ([*FULL, "--absent", "Nobody Known"], "Nobody Known does not hold a seat"),
        ([*FULL, "--abstain", "diaz-omar"], "diaz-omar is named under more than one option"),
    ],
)
def test_record_refuses_a_roll_call_that_does_not_fit_and_changes_nothing(
        council, invoke, args, message):
    before = counts(council)
    result = invoke(["vote", "record", "resolution:willow-2026-07", *args], expect=3)
    assert message in result.stderr
    assert result.stderr.startswith("Error: the roll call does not match the seats held: ")
    assert counts(council) == before


def test_record_library_refuses_too(council):
    before = counts(council)
    with pytest.raises(Refused):
        store_votes.record_vote(council, "resolution:willow-2026-07", {"aye": ["abara-june"]})
    assert counts(council) == before


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["resolution:no-such", *FULL], 4, "no resolution with id 'no-such'"),
        (["ordinance:willow-2026-07", *FULL], 2, "unknown subject"),
        (["resolution:willow-2026-08", *FULL], 2, "which meeting?"),
        (["resolution:willow-2026-07", "--meeting", "nope", *FULL], 4, "no meeting"),
        (["resolution:willow-2026-07", "--rule", "most-of-members", *FULL], 2, "unknown fraction"),
    ],
)
def test_record_bad_input(council, invoke, args, code, message):
    before = counts(council)
    result = invoke(["vote", "record", *args], expect=code)
    assert message in result.stderr
    assert counts(council) == before


def test_record_refuses_an_id_already_used(council, invoke):
    invoke(["vote", "record", "resolution:willow-2026-07", "--id", "v1", *FULL])
    before = counts(council)
    result = invoke(["vote", "record", "resolution:willow-2026-07", "--id", "v1", *FULL],
                    expect=3)
    assert "already recorded" in result.stderr
    assert counts(council) == before


def test_show_prints_the_roll_call_and_the_outcome(council, invoke):
    invoke(["vote", "record", "resolution:willow-2026-07", "--motion", "Adopt", *FULL])
    result = invoke(["vote", "show", "resolution:willow-2026-07"])
    assert result.output == (
        "Vote willow-2026-07-vote-1 on resolution:willow-2026-07\n"
        "Meeting: willow-2026-03-10 (2026-03-10), City Council of the City of Willow Creek\n"
        "Motion: Adopt\n"
        "Rule: majority-of-members\n"
        "AYES:    June Abara, Leo Bishop, Ana Castro\n"
        "NOES:    Omar Diaz\n"
        "ABSTAIN: None\n"
        "ABSENT:  None\n"
        "RECUSED: None\n"
        "Outcome: carried. Carried: 3 ayes; majority of the whole membership of 5 requires 3.\n"
    )


def test_show_json_lists_every_vote_on_the_subject(council, invoke):
    invoke(["vote", "record", "resolution:willow-2026-07", *FULL])
    invoke(["vote", "record", "willow-2026-07", "--aye", "abara-june", "--no",
            "bishop-leo,castro-ana,diaz-omar"])
    shown = json.loads(invoke(["vote", "show", "resolution:willow-2026-07", "--json"]).output)
    assert [v["id"] for v in shown] == ["willow-2026-07-vote-1", "willow-2026-07-vote-2"]
    assert [v["outcome"] for v in shown] == ["carried", "failed"]
    assert shown[1]["noes"] == 3
    one = json.loads(invoke(["vote", "show", "willow-2026-07-vote-2", "--json"]).output)
    assert one == [shown[1]]


def test_show_a_corrected_vote_names_its_correction(council, invoke):
    invoke(["vote", "record", "resolution:willow-2026-07", *FULL])
    invoke(["correct", "vote", "willow-2026-07-vote-1", "--aye", "abara-june", "--aye",
            "bishop-leo", "--aye", "castro-ana", "--aye", "diaz-omar", "--reason",
            "Diaz voted aye"])
    shown = json.loads(invoke(["vote", "show", "resolution:willow-2026-07", "--json"]).output)
    assert shown[0]["corrected_by"] == ["willow-2026-07-vote-1-c1"]
    assert shown[1]["corrects"] == "willow-2026-07-vote-1"
    assert store_votes.standing_vote(shown)["id"] == "willow-2026-07-vote-1-c1"
    text = invoke(["vote", "show", "resolution:willow-2026-07"]).output
    assert "Corrected by: willow-2026-07-vote-1-c1" in text


def test_show_nothing_recorded_is_not_found(council, invoke):
    result = invoke(["vote", "show", "resolution:willow-2026-07"], expect=4)
    assert "no vote has been recorded" in result.stderr


def test_the_example_records_vote_shows(loaded_store, invoke):
    shown = json.loads(invoke(["vote", "show", "resolution:arbor-vista-2026-41", "--json"]).output)
    assert shown[0]["outcome"] == "carried"
    assert shown[0]["absent"] == 1


# --------------------------------------------------------------------------
# the calculator


def _check_args(c: dict) -> list[str]:
    args = ["vote", "check", "--seats", c["seats"], "--vacant", c["vacant"], "--rule", c["rule"],
            "--aye", c["aye"], "--no", c["no"], "--abstain", c["abstain"], "--absent", c["absent"],
            "--recused", c["recused"], "--quorum", c["quorum"], "--abstentions", c["abstentions"],
            "--json"]
    if c["eligible"] is not None:
        args += ["--eligible", c["eligible"]]
    if c["present"] is not None:
        args += ["--present", c["present"]]
    return args


@pytest.mark.parametrize("c", CASES)
def test_check_answers_every_worked_case(invoke, c):
    data = json.loads(invoke(_check_args(c)).output)
    assert data["outcome"] == c["outcome"]
    assert data["required"] == c["required"]
    assert data["quorum_met"] == (c["outcome"] != "no-quorum")
    assert (data["ayes"], data["noes"], data["abstentions"], data["recused"]) == (
        c["aye"], c["no"], c["abstain"], c["recused"])
    if c["explanation"]:
        assert data["explanation"] == c["explanation"]


def test_check_json_has_the_keys_the_issue_lists(invoke):
    data = json.loads(invoke(["vote", "check", "--seats", "5", "--rule", "majority-of-members",
                              "--aye", "3", "--json"]).output)
    for key in ("outcome", "required", "ayes", "noes", "abstentions", "absent", "recused",
                "quorum_met", "explanation"):
        assert key in data
    assert data["absent"] == 2


def test_check_prints_the_explanation(invoke):
    result = invoke(["vote", "check", "--seats", "7", "--rule", "four-fifths-of-members",
                     "--aye", "4", "--no", "1"])
    assert result.output == (
        "Failed: 4 ayes; four-fifths of the whole membership of 7 requires 6.\n"
        "ayes 4, noes 1, abstentions 0, absent 2, recused 0; quorum met (5 present, 4 required)\n"
    )


@pytest.mark.parametrize(
    "args, message",
    [
        (["--seats", "5", "--rule", "majority-of-members", "--aye", "4", "--no", "2"],
         "6 members accounted for"),
        (["--seats", "5", "--rule", "majority-of-members", "--aye", "-1"], "cannot be negative"),
        (["--seats", "-5", "--rule", "majority-of-members"], "cannot be negative"),
        (["--seats", "5", "--rule", "most-of-members"], "unknown fraction"),
        (["--seats", "5", "--rule", "majority-of-everyone"], "unknown base"),
        (["--seats", "5", "--rule", "majority-of-members", "--abstentions", "as-yes"],
         "unknown abstentions setting"),
        (["--seats", "5", "--rule", "majority-of-members", "--quorum", "majority-of-cast"],
         "cannot be one"),
        (["--seats", "5", "--rule", "majority-of-eligible"], "eligible"),
        (["--seats", "5", "--vacant", "6", "--rule", "majority-of-members"], "vacant"),
        (["--seats", "5", "--rule", "majority-of-members", "--aye", "three"], "three"),
        (["--rule", "majority-of-members"], "--seats"),
    ],
)
def test_check_impossible_input_exits_2(invoke, args, message):
    result = invoke(["vote", "check", *args, "--json"], expect=2)
    assert message in result.stderr
    assert result.stdout == ""


# --------------------------------------------------------------------------
# reading roll calls from text


def test_read_prints_each_roll_call(invoke, tmp_path):
    path = tmp_path / "minutes.txt"
    path.write_text(
        "It was moved to adopt the resolution by the following vote:\n"
        "AYES: Councilmembers Abara, Bishop and Mayor Castro - 3\n"
        "NOES: None\n"
        "ABSENT: Diaz\n"
        "RECUSED: Ellison, ~~#@1\n",
        encoding="utf-8",
    )
    result = invoke(["vote", "read", path])
    assert result.output == (
        "Roll call at line 2:\n"
        "  AYES:    Abara, Bishop, Castro (stated: 3)\n"
        "  NOES:    None (stated: 0)\n"
        "  ABSENT:  Diaz\n"
        "  RECUSED: Ellison\n"
        "  could not read: ~~#@1\n"
    )
    data = json.loads(invoke(["vote", "read", path, "--json"]).output)
    assert data[0]["aye"] == ["Abara", "Bishop", "Castro"]


def test_read_text_without_a_roll_call(invoke, tmp_path):
    path = tmp_path / "letter.txt"
    path.write_text("Dear Council,\nThank you.\n", encoding="utf-8")
    assert "no roll call found" in invoke(["vote", "read", path], expect=4).stderr
    assert json.loads(invoke(["vote", "read", path, "--json"]).output) == []


def test_every_vote_command_has_an_example(invoke):
    for command in ("record", "show", "check", "read"):
        assert "Example:" in invoke(["vote", command, "--help"]).output
    assert "Example:" in invoke(["vote", "--help"]).output
