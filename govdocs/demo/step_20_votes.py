"""Roll calls: the outcome computed from the casts, and a roll call refused."""

from ..errors import Refused
from ..store import votes


def run(demo):
    folder = demo.out / "votes"
    folder.mkdir(exist_ok=True)
    for row in demo.store.rows("votes", order_by="id"):
        shown = votes.show_vote(demo.store, row["id"])
        path = folder / f"{row['id']}.txt"
        path.write_text(votes.format_vote(shown) + "\n", encoding="utf-8")
        demo.made(path, f"roll call of {row['subject']} ({shown['outcome']})")
    # A roll call that leaves out a seated member is refused and changes nothing.
    before = demo.store.row_counts()
    try:
        votes.record_vote(
            demo.store, "resolution:arbor-vista-2026-41",
            {"aye": ["munoz-rosa", "okafor-daniel", "brandt-helen"], "absent": ["lee-marcus"]},
        )
    except Refused as refusal:
        demo.note(f"refused as it should be: {refusal}")
    assert demo.store.row_counts() == before
