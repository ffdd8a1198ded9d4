"""At a joint meeting each body votes on its own resolutions with its own seats."""

from __future__ import annotations

import pytest

from govdocs.errors import Refused
from govdocs.store import resolutions, votes

JOINT = "cvcrma-board-2027-01-14-joint"
HARBOR_MESA = ["cole-nathan", "reyes-sofia", "quinn-arthur", "morrow-linda", "bauer-isaac"]


def test_guest_body_adopts_its_own_resolution_at_a_joint_meeting(loaded_store):
    draft = resolutions.draft(loaded_store, "harbor-mesa-council", "Flood study acceptance", id="hm-flood")
    result = resolutions.adopt(loaded_store, draft["id"], JOINT, {"aye": HARBOR_MESA})
    assert result["outcome"].outcome == "carried"
    assert result["resolution"]["number"].startswith("2027-")
    assert result["outcome"].required == 3  # majority of the council's five, not the board's eight


def test_guest_body_vote_record_uses_its_own_seats(loaded_store):
    resolutions.draft(loaded_store, "harbor-mesa-council", "Second flood item", id="hm-flood-2")
    shown = votes.record_vote(loaded_store, "resolution:hm-flood-2", {"aye": HARBOR_MESA[:3], "absent": HARBOR_MESA[3:]},
                              meeting=JOINT)
    assert shown["outcome"] == "carried" and shown["body"] == "harbor-mesa-council"


def test_a_body_not_at_the_meeting_is_refused(loaded_store):
    resolutions.draft(loaded_store, "arbor-vista-council", "Not here", id="av-x")
    with pytest.raises(Refused, match="is a meeting of cvcrma-board and harbor-mesa-council"):
        resolutions.adopt(loaded_store, "av-x", JOINT, {"aye": ["munoz-rosa"]})
