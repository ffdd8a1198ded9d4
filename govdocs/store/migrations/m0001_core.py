"""Migration 0001: the core records of a clerk's office.

Organizations, bodies and their seats, people, meetings, resolutions, votes
and their casts, the audit log and the register of issued documents; and the
triggers that make adopted resolutions, cast votes, issued documents and the
audit log impossible to change in place, even by raw SQL.
"""

from __future__ import annotations

import sqlite3

import sqlite_utils

SCHEMA = """
create table organizations (
    id text primary key,
    name text not null,
    kind text not null,
    short_name text,
    state text,
    county text,
    time_zone text,
    website text
);
create table people (
    id text primary key,
    name text not null,
    honorific text,
    email text,
    phone text,
    address text
);
create table bodies (
    id text primary key,
    organization text not null references organizations(id),
    name text not null,
    kind text not null,
    seats integer not null check (seats > 0),
    quorum text not null default 'majority-of-members',
    abstentions text not null default 'not-counted',
    vote_rule text not null default 'majority-of-members',
    numbering text not null default '{yyyy}-{seq:03}',
    numbering_reset text not null default 'calendar-year',
    fiscal_year_start text not null default '07-01',
    clerk text references people(id),
    clerk_title text,
    member_title text,
    city text,
    county text,
    state text,
    time_zone text not null default 'America/Los_Angeles'
);
create table seats (
    id text primary key,
    body text not null references bodies(id),
    person text not null references people(id),
    role text not null default 'member',
    term_start text not null,
    term_end text,
    represents text references organizations(id)
);
create index seats_body on seats(body);
create table meetings (
    id text primary key,
    body text not null references bodies(id),
    kind text not null,
    start text not null,
    place text,
    status text not null default 'scheduled'
);
create index meetings_body on meetings(body);
create table resolutions (
    id text primary key,
    body text not null references bodies(id),
    number text,
    title text not null,
    status text not null default 'draft',
    meeting text references meetings(id),
    adopted_on text,
    recitals text not null default '[]',
    clauses text not null default '[]',
    supersedes text references resolutions(id),
    rescinds text references resolutions(id),
    corrects text references resolutions(id),
    exhibits text not null default '[]'
);
create unique index resolutions_body_number on resolutions(body, number)
    where number is not null and corrects is null;
create table votes (
    id text primary key,
    meeting text not null references meetings(id),
    subject text not null,
    motion text,
    rule text not null,
    outcome text not null,
    required integer,
    quorum_met integer,
    explanation text,
    corrects text references votes(id)
);
create index votes_subject on votes(subject);
create table vote_casts (
    vote text not null references votes(id),
    person text not null references people(id),
    option text not null check (option in ('aye', 'no', 'abstain', 'absent', 'recused')),
    primary key (vote, person)
);
create table audit (
    id integer primary key,
    at text not null,
    actor text not null,
    action text not null,
    table_name text not null,
    key text not null,
    before text,
    after text,
    prev_hash text not null,
    hash text not null
);
create table issued (
    id integer primary key,
    sha256 text not null,
    path text,
    kind text not null,
    template text,
    title text,
    sources text not null default '[]',
    issued_at text not null,
    actor text not null
);
create index issued_sha256 on issued(sha256);
create table corrections (
    id integer primary key,
    table_name text not null,
    corrected text not null,
    correction text not null,
    reason text not null,
    at text not null,
    actor text not null
);

create trigger resolutions_adopted_no_update before update on resolutions
when old.status = 'adopted'
begin
    select raise(abort, 'an adopted resolution cannot be changed; adopt a new resolution that supersedes, rescinds or corrects it');
end;
create trigger resolutions_adopted_no_delete before delete on resolutions
when old.status = 'adopted'
begin
    select raise(abort, 'an adopted resolution cannot be deleted');
end;
create trigger votes_no_update before update on votes
begin
    select raise(abort, 'a recorded vote cannot be changed; record a correcting vote');
end;
create trigger votes_no_delete before delete on votes
begin
    select raise(abort, 'a recorded vote cannot be deleted');
end;
create trigger vote_casts_no_update before update on vote_casts
begin
    select raise(abort, 'a cast vote cannot be changed; record a correcting vote');
end;
create trigger vote_casts_no_delete before delete on vote_casts
begin
    select raise(abort, 'a cast vote cannot be deleted');
end;
create trigger issued_no_update before update on issued
begin
    select raise(abort, 'the register of issued documents is append-only');
end;
create trigger issued_no_delete before delete on issued
begin
    select raise(abort, 'the register of issued documents is append-only');
end;
create trigger audit_no_delete before delete on audit
begin
    select raise(abort, 'the audit log is append-only');
end;
"""


def migrate(db: sqlite_utils.Database) -> None:
    for statement in split_statements(SCHEMA):
        db.conn.execute(statement)


def split_statements(script: str) -> list[str]:
    """Split an SQL script into statements (trigger bodies stay whole).

    ``executescript`` would commit the migration's transaction, so each
    statement is executed on its own inside it.
    """
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
