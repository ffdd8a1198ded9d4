"""Meetings, agendas and notices: agenda items, notices and their deliveries
and publications, cancellations with their reason, adjournments to a stated
time and place, and the bodies of a joint meeting.

The meetings table itself (migration 0001) is not changed: what a meeting
needs beyond kind, start, place and status lives in these tables, keyed by
the meeting.
"""

from __future__ import annotations

import sqlite_utils


def migrate(db: sqlite_utils.Database) -> None:
    db["agenda_items"].create(
        {"id": str, "meeting": str, "number": str, "title": str, "description": str,
         "section": str, "action": int},
        pk="id", not_null={"meeting", "number", "title"}, defaults={"action": 0},
        foreign_keys=[("meeting", "meetings", "id")],
    )
    db["agenda_items"].create_index(["meeting"])
    db["notices"].create(
        {"id": str, "meeting": str, "kind": str, "posted_at": str, "posted_where": str,
         "posted_by": str, "subject": str, "newspaper": str, "published_on": str,
         "days_before": int, "dire_emergency": int, "period_days": int, "business_days": int,
         "citation": str, "required_content": str, "content_stated": str},
        pk="id", not_null={"meeting", "kind"},
        defaults={"posted_where": "[]", "published_on": "[]", "dire_emergency": 0,
                  "business_days": 0, "required_content": "[]", "content_stated": "[]"},
        foreign_keys=[("meeting", "meetings", "id"), ("posted_by", "people", "id")],
    )
    db["notices"].create_index(["meeting"])
    db["notice_deliveries"].create(
        {"id": str, "notice": str, "recipient": str, "role": str, "person": str,
         "received_at": str, "method": str, "waived": int, "present": int},
        pk="id", not_null={"notice", "recipient", "role"}, defaults={"waived": 0, "present": 0},
        foreign_keys=[("notice", "notices", "id"), ("person", "people", "id")],
    )
    db["notice_deliveries"].create_index(["notice"])
    db["cancellations"].create(
        {"meeting": str, "reason": str, "decided_at": str},
        pk="meeting", not_null={"reason"}, foreign_keys=[("meeting", "meetings", "id")],
    )
    db["adjournments"].create(
        {"meeting": str, "adjourned_from": str, "adjourned_at": str, "ordered_by": str},
        pk="meeting", not_null={"adjourned_from", "adjourned_at"},
        foreign_keys=[("meeting", "meetings", "id"), ("adjourned_from", "meetings", "id")],
    )
    db["joint_meetings"].create(
        {"meeting": str, "bodies": str, "called_as": str},
        pk="meeting", defaults={"bodies": "[]", "called_as": "special"},
        foreign_keys=[("meeting", "meetings", "id")],
    )
