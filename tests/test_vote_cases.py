"""Worked cases: real voting rules, each with the source it comes from.

The same table is run through the ``govdocs vote check --json`` calculator in
tests/test_vote_cli.py, so the library and the command answer alike.

Each case gives the body (seats, vacant seats, quorum and abstention settings,
and for a JPA board the members eligible on a risk-area matter), the rule of
the matter, the counts per option, and the expected outcome and ayes required.
"""

from __future__ import annotations

import pytest

from govdocs.votes import Tally, decide

# Where the rules come from.
GC_36936 = "Cal. Gov. Code 36936: resolutions, orders for the payment of money and ordinances need a majority of the total membership of the council"
GC_36810 = "Cal. Gov. Code 36810: a majority of the council is a quorum"
GC_36937 = "Cal. Gov. Code 36937(b): an urgency ordinance needs four-fifths of the council"
GC_65858 = "Cal. Gov. Code 65858(a): an interim (moratorium) ordinance needs four-fifths of the legislative body"
GC_25005 = "Cal. Gov. Code 25005: a board of supervisors acts only when a majority of all its members concur"
GC_549542 = "Cal. Gov. Code 54954.2(b)(2): an item not on the agenda needs two-thirds of the members present, or all of them if fewer than two-thirds are present"
GC_1090 = "Cal. Gov. Code 1090: a member with a financial interest in a contract takes no part in making it"
GC_87100 = "Cal. Gov. Code 87100 and 87105: a member with a disqualifying financial interest recuses and leaves the room"
CCP_1245240 = "Cal. Code Civ. Proc. 1245.240: a resolution of necessity needs two-thirds of all the members of the governing body"
ED_35164 = "Cal. Educ. Code 35164: a school board acts by a majority of all its membership"
RONR_MAJ = "Robert's Rules of Order Newly Revised (12th ed.) sec. 44: a majority of the votes cast, abstentions not counted"
RONR_TWO_THIRDS = "Robert's Rules of Order Newly Revised (12th ed.) sec. 44: a two-thirds vote is two-thirds of the votes cast"
RONR_PRESENT = "Robert's Rules of Order Newly Revised (12th ed.) sec. 44: a majority of the members present, where a rule asks for it"
RONR_ENTIRE = "Robert's Rules of Order Newly Revised (12th ed.) sec. 44: the entire membership is the members there are, vacancies not counted"
RONR_TIE = "Robert's Rules of Order Newly Revised (12th ed.) sec. 44: a tie vote is lost"
MARTIN = "Martin v. Ballinger (1938) 25 Cal.App.2d 435: members present who decline to vote go along with the majority"
LOCAL_AS_NO = "a council's own rules of procedure that count an abstention as a no vote"
BYLAWS_QUORUM = "sample JPA By-Laws Sec. 2.130(a): a quorum is a majority of the representatives of the members"
BYLAWS_MAJORITY = "sample JPA By-Laws Sec. 2.130(b): matters are decided by a majority vote of a quorum"
BYLAWS_TWO_THIRDS = "sample JPA By-Laws Sec. 2.130(b): a two-thirds matter needs two-thirds of all members of the Board"
BYLAWS_ADMISSION = "sample JPA Agreement art. 5(b): new members are admitted by a two-thirds vote of the Board (all members, By-Laws 2.130(b))"
BYLAWS_RISK_AREA = "sample JPA By-Laws Sec. 2.130(c): on a risk-area matter only representatives of members participating in that area vote"
AGREEMENT_AMEND = "sample JPA Agreement: amendment by two-thirds of all member agencies (6 of the 8 councils)"


def case(id, source, *, seats, rule, aye=0, no=0, abstain=0, absent=0, recused=0,
         vacant=0, quorum="majority-of-members", abstentions="not-counted",
         eligible=None, present=None, outcome, required, explanation=None):
    return pytest.param(
        dict(
            source=source, seats=seats, vacant=vacant, rule=rule, aye=aye, no=no,
            abstain=abstain, absent=absent, recused=recused, quorum=quorum,
            abstentions=abstentions, eligible=eligible, present=present,
            outcome=outcome, required=required, explanation=explanation,
        ),
        id=id,
    )


CASES = [
    # A general-law council of five: three ayes whatever the attendance.
    case("council-unanimous-5-0", GC_36936, seats=5, rule="majority-of-members",
         aye=5, outcome="carried", required=3),
    case("council-minimum-majority-3-of-5-two-absent", GC_36936, seats=5,
         rule="majority-of-members", aye=3, absent=2, outcome="carried", required=3,
         explanation="Carried: 3 ayes; majority of the whole membership of 5 requires 3."),
    case("council-majority-of-quorum-not-enough-2-1", GC_36936, seats=5,
         rule="majority-of-members", aye=2, no=1, absent=2, outcome="failed", required=3,
         explanation="Failed: 2 ayes; majority of the whole membership of 5 requires 3."),
    case("council-vacancy-still-counts-3-1", GC_36936, seats=5, vacant=1,
         rule="majority-of-members", aye=3, no=1, outcome="carried", required=3),
    case("council-vacancy-2-2-fails", GC_36936, seats=5, vacant=1,
         rule="majority-of-members", aye=2, no=2, outcome="failed", required=3),
    case("council-one-recused-3-1", GC_87100, seats=5, rule="majority-of-members",
         aye=3, no=1, recused=1, outcome="carried", required=3),
    case("council-two-recused-2-1", GC_1090, seats=5, rule="majority-of-members",
         aye=2, no=1, recused=2, outcome="failed", required=3),
    case("council-no-quorum-two-present", GC_36810, seats=5, rule="majority-of-members",
         aye=2, absent=3, outcome="no-quorum", required=3,
         explanation="No quorum: 2 members present; a quorum is a majority of the "
                     "whole membership of 5, which is 3."),
    case("council-recusal-breaks-quorum", GC_87100, seats=5, rule="majority-of-members",
         aye=2, recused=2, absent=1, outcome="no-quorum", required=3),
    case("council-abstainer-makes-quorum-but-not-majority", GC_36810, seats=5,
         rule="majority-of-members", aye=2, abstain=1, absent=2, outcome="failed",
         required=3),
    case("council-even-six-tie-3-3", RONR_TIE, seats=6, rule="majority-of-members",
         aye=3, no=3, outcome="failed", required=4),
    # Supermajorities of the whole membership.
    case("urgency-ordinance-4-1-of-5", GC_36937, seats=5, rule="four-fifths-of-members",
         aye=4, no=1, outcome="carried", required=4),
    case("urgency-ordinance-3-2-of-5", GC_36937, seats=5, rule="four-fifths-of-members",
         aye=3, no=2, outcome="failed", required=4),
    case("moratorium-4-1-on-seven-seats", GC_65858, seats=7, rule="four-fifths-of-members",
         aye=4, no=1, absent=2, outcome="failed", required=6,
         explanation="Failed: 4 ayes; four-fifths of the whole membership of 7 requires 6."),
    case("resolution-of-necessity-4-1-of-5", CCP_1245240, seats=5,
         rule="two-thirds-of-members", aye=4, no=1, outcome="carried", required=4),
    case("resolution-of-necessity-vacancy-3-1", CCP_1245240, seats=5, vacant=1,
         rule="two-thirds-of-members", aye=3, no=1, outcome="failed", required=4),
    case("resolution-of-necessity-4-1-on-seven", CCP_1245240, seats=7,
         rule="two-thirds-of-members", aye=4, no=1, absent=2, outcome="failed", required=5),
    # Counties and school boards.
    case("supervisors-3-1-one-absent", GC_25005, seats=5, rule="majority-of-members",
         aye=3, no=1, absent=1, outcome="carried", required=3),
    case("supervisors-2-1-two-absent", GC_25005, seats=5, rule="majority-of-members",
         aye=2, no=1, absent=2, outcome="failed", required=3),
    case("school-board-2-0-one-abstains", ED_35164, seats=5, rule="majority-of-members",
         aye=2, abstain=1, absent=2, outcome="failed", required=3),
    # Robert's Rules: votes cast.
    case("rules-of-order-3-2-two-abstain", RONR_MAJ, seats=7, rule="majority-of-cast",
         aye=3, no=2, abstain=2, outcome="carried", required=3),
    case("rules-of-order-tie-2-2", RONR_TIE, seats=5, rule="majority-of-cast",
         aye=2, no=2, abstain=1, outcome="failed", required=3),
    case("rules-of-order-two-thirds-4-2", RONR_TWO_THIRDS, seats=7,
         rule="two-thirds-of-cast", aye=4, no=2, absent=1, outcome="carried", required=4),
    case("rules-of-order-two-thirds-3-2", RONR_TWO_THIRDS, seats=7,
         rule="two-thirds-of-cast", aye=3, no=2, absent=2, outcome="failed", required=4),
    case("rules-of-order-majority-of-present", RONR_PRESENT, seats=7,
         rule="majority-of-present", aye=3, no=2, abstain=1, absent=1, outcome="failed",
         required=4),
    case("rules-of-order-entire-membership-vacancies", RONR_ENTIRE, seats=7, vacant=2,
         rule="majority-of-seated", quorum="majority-of-seated", aye=3, no=1, absent=1,
         outcome="carried", required=3),
    # Abstention settings.
    case("abstainers-go-with-majority", MARTIN, seats=5, vacant=1,
         rule="majority-of-present", abstentions="with-majority", aye=2, abstain=2,
         outcome="carried", required=3,
         explanation="Carried: 4 ayes, counting 2 abstentions with the majority; majority "
                     "of the 4 members present and not recused requires 3."),
    case("abstainers-not-counted-same-votes", RONR_PRESENT, seats=5, vacant=1,
         rule="majority-of-present", aye=2, abstain=2, outcome="failed", required=3),
    case("abstainers-join-majority-of-noes", MARTIN, seats=5, rule="majority-of-cast",
         abstentions="with-majority", aye=1, no=2, abstain=2, outcome="failed", required=3),
    case("abstainers-with-majority-on-a-tie", MARTIN, seats=5, rule="majority-of-cast",
         abstentions="with-majority", aye=2, no=2, abstain=1, outcome="failed", required=3),
    case("abstention-as-no", LOCAL_AS_NO, seats=7, rule="majority-of-cast",
         abstentions="as-no", aye=3, no=2, abstain=1, absent=1, outcome="failed", required=4,
         explanation="Failed: 3 ayes; majority of the 6 votes cast, counting 1 abstention "
                     "as a no, requires 4."),
    # Brown Act: adding an item to the agenda.
    case("brown-act-added-item-two-thirds-of-present", GC_549542, seats=5,
         rule="two-thirds-of-present", aye=3, no=1, absent=1, outcome="carried", required=3),
    case("brown-act-added-item-unanimous-fails", GC_549542, seats=5,
         rule="unanimous-of-present", aye=2, no=1, absent=2, outcome="failed", required=3),
    case("brown-act-added-item-unanimous-3-0", GC_549542, seats=5,
         rule="unanimous-of-present", aye=3, absent=2, outcome="carried", required=3),
    case("brown-act-unanimous-broken-by-abstention", GC_549542, seats=5,
         rule="unanimous-of-present", aye=4, abstain=1, outcome="failed", required=5),
    # The JPA board of the sample by-laws (eight member cities).
    case("jpa-two-thirds-of-all-members-5-1", BYLAWS_TWO_THIRDS, seats=8,
         rule="two-thirds-of-members", aye=5, no=1, absent=2, outcome="failed", required=6),
    case("jpa-two-thirds-of-all-members-6-2", BYLAWS_TWO_THIRDS, seats=8,
         rule="two-thirds-of-members", aye=6, no=2, outcome="carried", required=6),
    case("jpa-admit-new-member-6-0", BYLAWS_ADMISSION, seats=8,
         rule="two-thirds-of-members", aye=6, absent=2, outcome="carried", required=6),
    case("jpa-amend-agreement-6-of-8", AGREEMENT_AMEND, seats=8,
         rule="two-thirds-of-members", aye=6, no=1, absent=1, outcome="carried", required=6),
    case("jpa-no-quorum-four-of-eight", BYLAWS_QUORUM, seats=8, rule="majority-of-cast",
         aye=4, absent=4, outcome="no-quorum", required=3),
    case("jpa-majority-of-a-quorum-3-2", BYLAWS_MAJORITY, seats=8, rule="majority-of-cast",
         aye=3, no=2, absent=3, outcome="carried", required=3),
    case("jpa-risk-area-majority-of-eligible", BYLAWS_RISK_AREA, seats=8, eligible=5,
         present=7, rule="majority-of-eligible", aye=3, no=1, absent=1, outcome="carried",
         required=3),
    case("jpa-risk-area-two-thirds-of-eligible", BYLAWS_RISK_AREA, seats=8, eligible=5,
         present=8, rule="two-thirds-of-eligible", aye=3, no=2, outcome="failed", required=4,
         explanation="Failed: 3 ayes; two-thirds of the 5 members eligible to vote on the "
                     "matter requires 4."),
    case("jpa-risk-area-majority-of-cast-among-eligible", BYLAWS_RISK_AREA, seats=8,
         eligible=4, present=6, rule="majority-of-cast", aye=2, no=1, recused=1,
         outcome="carried", required=2),
]


def run(c: dict):
    return decide(
        Tally(c["aye"], c["no"], c["abstain"], c["absent"], c["recused"]),
        c["rule"],
        seats=c["seats"],
        vacant=c["vacant"],
        quorum=c["quorum"],
        abstentions=c["abstentions"],
        eligible=c["eligible"],
        present=c["present"],
    )


def test_the_table_is_big_enough_and_every_case_cites_a_source():
    assert len(CASES) >= 30
    for param in CASES:
        assert len(param.values[0]["source"]) > 20, param.id


@pytest.mark.parametrize("c", CASES)
def test_worked_case(c):
    result = run(c)
    assert result.outcome == c["outcome"], result.explanation
    assert result.required == c["required"], result.explanation
    assert result.quorum_met == (c["outcome"] != "no-quorum")
    assert (result.ayes, result.noes, result.abstentions, result.recused) == (
        c["aye"], c["no"], c["abstain"], c["recused"]
    )
    assert result.explanation.startswith(
        {"carried": "Carried:", "failed": "Failed:", "no-quorum": "No quorum:"}[c["outcome"]]
    )
    if c["explanation"]:
        assert result.explanation == c["explanation"]
