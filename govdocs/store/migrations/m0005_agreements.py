"""Agreements and by-laws, their provisions in time, amendments and ratification.

* ``agreements``: a JPA's agreement or its by-laws (numbering scheme, title,
  preamble, the day it was adopted).
* ``provisions``: one row per version of one unit (article, section,
  subdivision, paragraph). ``uid`` is the unit's identity for life (it
  survives renumbering); a version is in force from ``valid_from`` until the
  day before ``valid_to`` (NULL: still in force). ``amendment`` is the
  amendment that made the version (NULL: the text as adopted).
* ``amendments``: a proposed amendment of one authority: its rule of
  ratification, which members count, what it says about its effective date,
  and once ratified the day it took effect (``effective_on``).
* ``amendment_changes``: the typed changes (substitute, insert, repeal,
  renumber), in order, each naming the agreement it changes.
* ``ratifications``: one action per member agency: approved or rejected, the
  day, the council's resolution (number, and the record when it is in the
  store), the day the certified copy was received.
"""

from __future__ import annotations

import sqlite_utils


def migrate(db: sqlite_utils.Database) -> None:
    db["agreements"].create(
        {"id": str, "organization": str, "kind": str, "scheme": str, "title": str,
         "short_title": str, "preamble": str, "adopted_on": str},
        pk="id", not_null={"organization", "scheme", "title"},
        foreign_keys=[("organization", "organizations", "id")],
    )
    db["provisions"].create(
        {"id": str, "agreement": str, "uid": str, "parent": str, "position": str,
         "kind": str, "label": str, "heading": str, "text": str, "valid_from": str,
         "valid_to": str, "amendment": str},
        pk="id", not_null={"agreement", "uid", "position", "kind", "label"},
        defaults={"heading": "", "text": ""},
        foreign_keys=[("agreement", "agreements", "id")],
    )
    db["provisions"].create_index(["agreement", "uid"])
    db["amendments"].create(
        {"id": str, "organization": str, "body": str, "title": str, "summary": str,
         "proposed_on": str, "rule": str, "counting": str, "effective": str,
         "effective_on": str, "board_resolution": str},
        pk="id", not_null={"organization", "body", "title", "proposed_on", "rule", "counting"},
        defaults={"counting": "proposal", "effective": "on ratification"},
        foreign_keys=[("organization", "organizations", "id"), ("body", "bodies", "id")],
    )
    db["amendment_changes"].create(
        {"id": str, "amendment": str, "seq": int, "agreement": str, "action": str,
         "target": str, "text": str, "heading": str, "label": str, "place": str},
        pk="id", not_null={"amendment", "seq", "agreement", "action", "target"},
        defaults={"text": "", "place": "after"},
        foreign_keys=[("amendment", "amendments", "id"), ("agreement", "agreements", "id")],
    )
    db["amendment_changes"].create_index(["amendment", "seq"], unique=True)
    db["ratifications"].create(
        {"id": str, "amendment": str, "member": str, "action": str, "acted_on": str,
         "resolution_number": str, "resolution": str, "copy_received_on": str, "note": str},
        pk="id", not_null={"amendment", "member", "action", "acted_on"},
        foreign_keys=[("amendment", "amendments", "id"), ("member", "organizations", "id"),
                      ("resolution", "resolutions", "id")],
    )
    db["ratifications"].create_index(["amendment", "member"], unique=True)
