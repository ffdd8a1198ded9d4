"""govdocs.rollcall: roll calls read from certifications and minutes.

The fixtures are written for this project, in the forms real records take:
typed certifications with "COUNCILMEMBERS:" columns, minutes with the vote in
a sentence, and OCR of old scans with damaged labels.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govdocs.rollcall import RollCall, parse_roll_call, parse_roll_calls
from govdocs.votes import Tally, decide

TYPED_CERTIFICATION = """\
STATE OF CALIFORNIA    )
COUNTY OF ORANGE       )  ss.
CITY OF LAGUNA VISTA   )

I, MARGARET OYELARAN, City Clerk of the City of Laguna Vista, do hereby
certify that the whole number of members of the City Council is five; that
the foregoing Resolution No. 24-31 was passed and adopted at a regular meeting
of the City Council held on the 9th day of April, 2024, by the following vote:

AYES:      COUNCILMEMBERS:  Abernathy, Delgado, Fitzgerald,
                            Okafor
NOES:      COUNCILMEMBERS:  None
ABSTAIN:   COUNCILMEMBERS:  None
ABSENT:    COUNCILMEMBERS:  Whitcombe

                                   ________________________
                                   MARGARET OYELARAN, City Clerk
"""

OCR_CERTIFICATION = """\
5;T��E OF CALIFORNIA } .
C0UNTY OF ORANGE ) SS -
the whole number of ;;ambers of the City Counci1 is five; . that the
held on the 2nd day of J une , 1981, by the following
AYE5: C0UNCILMEN: Hargrove, Lindqvist, Moreau
N0E.S : CpUNClLMEN : Tanaka
ABSEN T : C0UNCILMI7,N: Vasquez
ATTEST:.' 11AY0R
rI C1ty Clerk of the City of Laguna Vista
"""

DAMAGED_LABELS = """\
introduced, passed and adopted at a regular meeting held on the
A.....5: CpjjNNCIWIEN: Hargrove, Lindqvist, Moreau, Tanaka
S : C0UNCILMI7,N: None
BISEN- T : CO - `:C112.1 'N : Vasquez
"""

MINUTES = """\
ROLL CALL
Present: Councilmembers Bell, Ford, Hale, Imai and Mayor Ng
Absent: None

7. RESOLUTION NO. 2023-88 APPROVING THE FIRST AMENDMENT TO THE JOINT POWERS
AGREEMENT
It was moved by Councilmember Ford, seconded by Councilmember Hale, to adopt
Resolution No. 2023-88 by the following vote: AYES: Ford, Hale, Imai, Ng;
NOES: Bell; ABSENT: None. Motion carried.

8. CONTRACT WITH PACIFIC PAVING, INC.
Councilmember Imai disclosed a financial interest in the contractor and left
the room.
AYES: Councilmembers Bell, Ford, Hale and Mayor Ng - 4
NOES: None - 0
RECUSED: Councilmember Imai - 1
"""


def test_typed_certification_with_names_across_lines():
    call = parse_roll_call(TYPED_CERTIFICATION)
    assert call.aye == ["Abernathy", "Delgado", "Fitzgerald", "Okafor"]
    assert call.no == []
    assert call.abstain == []
    assert call.absent == ["Whitcombe"]
    assert call.labels == ["aye", "no", "abstain", "absent"]
    assert call.unread == []
    assert call.line == 10
    assert call.found


def test_typed_certification_feeds_the_vote_rules():
    call = parse_roll_call(TYPED_CERTIFICATION)
    assert call.tally() == Tally(ayes=4, absent=1)
    assert decide(call.tally(), "majority-of-members", seats=5).outcome == "carried"
    assert call.casts()["Whitcombe"] == "absent"


def test_ocr_certification_with_digits_for_letters():
    call = parse_roll_call(OCR_CERTIFICATION)
    assert call.aye == ["Hargrove", "Lindqvist", "Moreau"]
    assert call.no == ["Tanaka"]
    assert call.absent == ["Vasquez"]
    assert call.unread == []


def test_labels_damaged_beyond_recognition_are_read_from_their_neighbours():
    # Modelled on the 1979 certification in the samples: "A.....5" is AYES,
    # "S" alone is what is left of NOES, "BISEN- T" is ABSENT.
    call = parse_roll_call(DAMAGED_LABELS)
    assert call.aye == ["Hargrove", "Lindqvist", "Moreau", "Tanaka"]
    assert call.no == []
    assert call.absent == ["Vasquez"]
    assert call.labels == ["aye", "no", "absent"]
    assert call.line == 2


def test_minutes_give_each_vote_and_skip_the_attendance_roll_call():
    calls = parse_roll_calls(MINUTES)
    assert len(calls) == 2
    first, second = calls
    assert first.aye == ["Ford", "Hale", "Imai", "Ng"]
    assert first.no == ["Bell"]
    assert first.absent == []
    assert second.aye == ["Bell", "Ford", "Hale", "Ng"]
    assert second.recused == ["Imai"]
    assert second.stated == {"aye": 4, "no": 0, "recused": 1}
    assert parse_roll_call(MINUTES) == first


def test_mayor_joined_with_and_and_a_stated_count():
    call = parse_roll_call(
        "AYES: Councilmembers Bernal, Chu, Ortiz and Mayor Pro Tem Reyes and Mayor Kim - 5\n"
        "NOES: None - 0\n"
    )
    assert call.aye == ["Bernal", "Chu", "Ortiz", "Reyes", "Kim"]
    assert call.stated == {"aye": 5, "no": 0}


def test_nayes_and_councilmen_of_an_older_certification():
    call = parse_roll_call(
        "AYES: COUNCILMEN: Pruitt, Sandoval, Yee\n"
        "NAYES: COUNCILMEN: Dunbar\n"
        "ABSENT: COUNCILMEN: Kowalski\n"
    )
    assert call.aye == ["Pruitt", "Sandoval", "Yee"]
    assert call.no == ["Dunbar"]
    assert call.absent == ["Kowalski"]


def test_names_on_the_line_after_the_label():
    call = parse_roll_call(
        "AYES:\n"
        "    Directors Ford, Hale, Imai, Vice Chair Lund and Chair Quon\n"
        "NOES:\n"
        "    None\n"
        "ABSTAINED: Director Bell\n"
    )
    assert call.aye == ["Ford", "Hale", "Imai", "Lund", "Quon"]
    assert call.no == []
    assert call.abstain == ["Bell"]


def test_a_name_broken_across_lines_by_a_hyphen():
    call = parse_roll_call("AYES: Ford, Hale, Salta-\nrelli, Wu\nNOES: None\n")
    assert call.aye == ["Ford", "Hale", "Saltarelli", "Wu"]


def test_a_two_word_name_is_kept_whole():
    call = parse_roll_call("AYES: Councilmembers Mary Ann Ruiz, Van Dyke\nNOES: None\n")
    assert call.aye == ["Mary Ann Ruiz", "Van Dyke"]


def test_garbage_in_a_name_list_is_reported_not_kept():
    call = parse_roll_call("AYES: Bell, Ford, ~~#@1, Hale\nNOES: None\n")
    assert call.aye == ["Bell", "Ford", "Hale"]
    assert call.unread == ["~~#@1"]


def test_counts_only():
    call = parse_roll_call("AYES: 4\nNOES: 1\nABSENT: (0)\n")
    assert call.aye == []
    assert call.stated == {"aye": 4, "no": 1, "absent": 0}


def test_absent_and_excused_and_recusal_labels():
    call = parse_roll_call(
        "AYES: Bell, Ford\nNOES: Hale\nABSENT AND EXCUSED: Imai\nRECUSAL: Ng\n"
    )
    assert call.absent == ["Imai"]
    assert call.recused == ["Ng"]


def test_lowercase_labels_in_minutes():
    call = parse_roll_call("Ayes: Bell, Ford, Hale\nNoes: none\nAbstain: Imai\nAbsent: Ng\n")
    assert call.aye == ["Bell", "Ford", "Hale"]
    assert call.abstain == ["Imai"]
    assert call.absent == ["Ng"]


def test_prose_that_mentions_absence_is_not_a_roll_call():
    text = "Councilmember Ng was absent. The Council recessed at 8:15 p.m.\n"
    call = parse_roll_call(text)
    assert call == RollCall()
    assert not call.found
    assert call.line is None


def test_attendance_alone_is_not_a_vote():
    assert parse_roll_calls("Present: Bell, Ford, Hale\nAbsent: Ng\n") == []


def test_an_attest_line_after_the_roll_call_is_not_read_as_an_option():
    call = parse_roll_call(
        "AYES: Bell, Ford, Hale\nNOES: None\nABSENT: Ng\nATTEST: Imai\n"
    )
    assert call.labels == ["aye", "no", "absent"]
    assert call.unread == []
    assert "Imai" not in call.casts()


def test_a_repeated_option_starts_the_next_roll_call():
    calls = parse_roll_calls("AYES: Bell\nNOES: Ford\nAYES: Ford\nNOES: Bell\n")
    assert [c.aye for c in calls] == [["Bell"], ["Ford"]]
    assert [c.line for c in calls] == [1, 3]


def test_to_dict_and_names():
    call = parse_roll_call("AYES: Bell\nNOES: None\n")
    assert call.to_dict()["aye"] == ["Bell"]
    assert call.names("aye") == ["Bell"]
    with pytest.raises(ValueError):
        call.names("yes")


SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "samples" / (
    "resolution-tustin-79-91-jpa-bylaws-amendment-ocr.txt"
)


@pytest.mark.skipif(not SAMPLE.exists(), reason="the shared samples are not beside the checkout")
def test_the_real_1979_certification_reads_as_one_roll_call():
    calls = parse_roll_calls(SAMPLE.read_text(encoding="utf-8", errors="replace"))
    assert len(calls) == 1
    call = calls[0]
    # OCR ate one comma ("Shan Kennedy"): four fragments for five names.
    assert call.aye[:2] == ["Schuster", "Saltarelli"]
    assert call.aye[-1] == "Welsh"
    assert call.no == [] and call.absent == []
    assert call.labels == ["aye", "no", "absent"]

_LINES = st.sampled_from([
    "AYES: Bell, Ford", "NOES: None", "ABSENT: Ng", "A.....5: C0UNCILMEN: Hale",
    "S : None", "ATTEST:", "Present: Bell", "Motion carried.", "", "   and Mayor Quon",
    "~~#@1: ::", "RECUSED: Imai - 1", "Salta-", "relli, Wu",
])


@settings(max_examples=200)
@given(st.lists(st.one_of(_LINES, st.text(max_size=40)), max_size=12))
def test_any_text_reads_without_error_and_keeps_only_names(lines):
    for call in parse_roll_calls("\n".join(lines)):
        assert {"aye", "no"} & set(call.labels)
        for option in ("aye", "no", "abstain", "absent", "recused"):
            for name in call.names(option):
                assert name.strip() == name and name
                assert not any(ch.isdigit() for ch in name)
