"""Legal text: numbering schemes, citations, amendments in time, redlines."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings, strategies as st

from govdocs import legaltext as lt
from govdocs.errors import InvalidInput, NotFound, RecordError, Refused

# Fixtures written for govdocs in the style of a 1979 JPA agreement and its
# by-laws: ARTICLE n. / (a) / (i), and Sec. n.nnn / (a) / (1) / (i).
AGREEMENT_TEXT = """\
JOINT POWERS AGREEMENT CREATING THE
HARBOR VALLEY CITIES RISK MANAGEMENT AUTHORITY

WHEREAS, each city that signs this Agreement may pool its
self-insured losses with other cities; and

WHEREAS, the cities wish to share the cost of excess coverage;

NOW, THEREFORE, the parties agree as follows:

ARTICLE 1. DEFINITIONS
The words below have these meanings in this Agreement and
in the By-Laws:
(a) "Authority" means the agency this Agreement creates.
(b) "Board" means the governing board of the Authority.
(c) "Member" means a city that is a party to this Agreement.
(d) "Fund" means a pooled account kept by the Treasurer.
(e) "Claim" means a demand for money made against a member.
(f) "Taking part" means that a member does all of these
through the Authority:
    (i) buys administrative services;
    (ii) pays into the pooled funds; and
    (iii) pays its share of the costs of claims.
(g) "Risk area" means one field of exposure, such as workers'
compensation or general liability.
(h) "Treasurer" means the officer named under the By-Laws.
(i) "Year" means the fiscal year that starts on July 1.

ARTICLE 2. SEPARATE ENTITY
The Authority is a public entity separate from its members.

ARTICLE 5. MEMBERS
(a) Each city that is a party to this Agreement is a member.
(b) A new member may join when the Board admits it by a
two-thirds vote and the city accepts the terms set by the Board.

ARTICLE 13. AMENDMENTS
No amendment to this Agreement or the By-Laws takes effect
until the governing bodies of six of the eight members approve
it in writing.

ARTICLE 16. DATE AGREEMENT EFFECTIVE
This Agreement takes effect when five cities have signed it.
"""

BYLAWS_TEXT = """\
# By-Laws of the Harbor Valley Cities Risk Management Authority

PREAMBLE

The Authority runs a shared program of self-insurance for its members.

## Sec. 1.100 PURPOSES

(a) The Authority exists:
   (1) To run a pooled program that gives its members:
      (i) lower premiums through common buying; and
      (ii) fewer losses through shared safety work.
   (2) To hire the staff and buy the services the program needs.

## Sec. 2.130 QUORUM; VOTING

(a) A majority of the directors is a quorum.
(b) A matter that needs a two-thirds vote is decided by two-thirds of all
directors, as provided in Sec. 6.110.

## Sec. 7.110 CLAIMS

(a) A member files a claim with the claims administrator:
   (1) within ten days after the loss;
   (2) on the form the Board adopts; and
   (3) with the papers that support it.
(b) The administrator reports each claim to the Board.
"""


@pytest.fixture
def agreement():
    return lt.parse(AGREEMENT_TEXT, "agreement")


@pytest.fixture
def bylaws():
    return lt.parse(BYLAWS_TEXT, "by-laws")


def paths(doc):
    return [p for p, _, _, _ in doc.walk()]


# ---------------------------------------------------------------- numbering

def test_agreement_articles_subdivisions_paragraphs(agreement):
    assert [u.label for u in agreement.units] == ["1", "2", "5", "13", "16"]
    assert [u.heading for u in agreement.units][:2] == ["DEFINITIONS", "SEPARATE ENTITY"]
    art1 = agreement.units[0]
    assert [u.label for u in art1.children] == list("abcdefghi")
    assert [u.kind for u in art1.children] == ["subdivision"] * 9
    f = art1.children[5]
    assert [(u.kind, u.label) for u in f.children] == [
        ("paragraph", "i"), ("paragraph", "ii"), ("paragraph", "iii")]
    assert f.text == '"Taking part" means that a member does all of these through the Authority:'
    # "(i)" after "(h)" is the ninth subdivision, not a paragraph of (h)
    assert art1.children[8].kind == "subdivision"
    assert art1.children[7].children == ()


def test_agreement_title_preamble_and_wrapped_text(agreement):
    assert agreement.title == ("JOINT POWERS AGREEMENT CREATING THE HARBOR VALLEY CITIES "
                               "RISK MANAGEMENT AUTHORITY")
    assert agreement.preamble.split("\n\n") == [
        "WHEREAS, each city that signs this Agreement may pool its self-insured losses "
        "with other cities; and",
        "WHEREAS, the cities wish to share the cost of excess coverage;",
        "NOW, THEREFORE, the parties agree as follows:"]
    art13 = agreement.unit("Art. 13")
    assert art13.text == ("No amendment to this Agreement or the By-Laws takes effect until the "
                          "governing bodies of six of the eight members approve it in writing.")
    assert art13.uid == "art-13"


def test_bylaws_sections_four_levels(bylaws):
    assert bylaws.title == "By-Laws of the Harbor Valley Cities Risk Management Authority"
    assert bylaws.preamble == ("PREAMBLE\n\nThe Authority runs a shared program of "
                               "self-insurance for its members.")
    assert [u.label for u in bylaws.units] == ["1.100", "2.130", "7.110"]
    assert bylaws.units[2].heading == "CLAIMS"
    kinds = {p: u.kind for p, _, u, _ in bylaws.walk()}
    assert kinds[("1.100", "a", "1", "ii")] == "subparagraph"
    assert kinds[("7.110", "a", "3")] == "paragraph"
    assert kinds[("7.110", "b")] == "subdivision"
    assert bylaws.unit("Sec. 7.110(a)(2)").text == "on the form the Board adopts; and"
    # "Sec. 6.110." inside a sentence is a reference, not a heading
    assert bylaws.unit("Sec. 2.130(b)").text.endswith("as provided in Sec. 6.110.")


def test_plain_text_bylaws_headings_need_a_caption():
    text = BYLAWS_TEXT.replace("## ", "").replace("# By-Laws", "BY-LAWS\n\nBy-Laws")
    text = text.replace("as provided in Sec. 6.110.", "as provided in\nSec. 6.110.")
    doc = lt.parse(text, "by-laws")
    assert [u.label for u in doc.units] == ["1.100", "2.130", "7.110"]
    assert doc.unit("Sec. 2.130(b)").text.endswith("as provided in Sec. 6.110.")
    assert doc.title == "BY-LAWS"


def test_markdown_and_plain_text_give_the_same_tree(agreement):
    md = AGREEMENT_TEXT.replace("ARTICLE", "## ARTICLE")
    md = md.replace("(a)", "- (a)").replace("(b)", "- (b)")
    again = lt.parse(md, "agreement")
    assert again.units == agreement.units


def test_round_trip_through_markdown_and_text(agreement, bylaws):
    for doc in (agreement, bylaws):
        assert lt.parse(lt.to_markdown(doc), doc.scheme) == doc
        assert lt.parse(lt.to_text(doc), doc.scheme) == doc


def test_to_text_prints_headings_as_in_the_document(agreement, bylaws):
    text = lt.to_text(agreement)
    assert "\nARTICLE 13. AMENDMENTS\n\nNo amendment" in text
    assert "\n    (ii) pays into the pooled funds; and\n" in text
    assert "\nSec. 7.110 CLAIMS\n" in lt.to_text(bylaws)


def test_label_out_of_order_names_the_line():
    text = "ARTICLE 1. X\n(a) one\n(c) three\n(b) two\n"
    with pytest.raises(RecordError) as e:
        lt.parse(text, "agreement", file="agreement.md")
    assert e.value.line == 4
    assert str(e.value).startswith("agreement.md:4: field 'label': '(b)' does not fit")


def test_label_of_the_wrong_style_is_refused():
    with pytest.raises(RecordError) as e:
        lt.parse("ARTICLE 1. X\n(a) one\n(3) three\n", "agreement")
    assert e.value.line == 3


def test_article_numbers_must_increase():
    with pytest.raises(RecordError) as e:
        lt.parse("ARTICLE 4. A\ntext\nARTICLE 4. B\ntext\n", "agreement")
    assert e.value.line == 3
    assert "Article 4 comes after Article 4" in str(e.value)


def test_no_articles_is_an_error():
    with pytest.raises(RecordError, match="no articles found"):
        lt.parse("Just a letter.\n", "agreement")


def test_unknown_scheme():
    with pytest.raises(InvalidInput, match="unknown numbering scheme 'charter'"):
        lt.parse("x", "charter")


@pytest.mark.parametrize("style,label,nxt", [
    ("lower", "h", "i"), ("lower", "z", "aa"), ("roman", "iv", "v"), ("roman", "ix", "x"),
    ("arabic", "9", "10"), ("decimal", "7.110", "7.120"), ("upper", "B", "C")])
def test_next_label(style, label, nxt):
    assert lt.next_label(style, label) == nxt


def test_roman_numerals():
    assert [lt.to_roman(n) for n in (1, 4, 9, 14, 40, 1979)] == [
        "i", "iv", "ix", "xiv", "xl", "mcmlxxix"]
    assert lt.from_roman("xiv") == 14
    with pytest.raises(InvalidInput):
        lt.from_roman("iiii")


# ---------------------------------------------------------------- citations

@pytest.mark.parametrize("text,kind,path", [
    ("Art. 13", "article", ("13",)),
    ("Article 5(b)", "article", ("5", "b")),
    ("Art. 1(f)(ii)", "article", ("1", "f", "ii")),
    ("Sec. 7.110(a)(2)", "section", ("7.110", "a", "2")),
    ("Section 1.100(a)(1)(i)", "section", ("1.100", "a", "1", "i")),
])
def test_citations_round_trip(text, kind, path):
    cit = lt.parse_citation(text)
    assert (cit.kind, cit.path) == (kind, path)
    assert str(cit) == text
    assert lt.parse_citation(str(cit)) == cit


def test_citation_spellings_normalise():
    assert str(lt.parse_citation("ARTICLE 5 (b)")) == "Article 5(b)"
    assert lt.format_citation(lt.parse_citation("Article 5(b)"), "short") == "Art. 5(b)"
    assert str(lt.parse_citation("§ 7.110(a)")) == "Sec. 7.110(a)"


@pytest.mark.parametrize("bad", ["", "13", "Art.", "Chapter 3", "Art. 13(b", "Sec. 7.110(a)x"])
def test_not_a_citation(bad):
    with pytest.raises(InvalidInput, match="is not a citation"):
        lt.parse_citation(bad)


def test_resolve(agreement, bylaws):
    depth, unit = lt.resolve(agreement, "Article 5(b)")
    assert depth == 1 and unit.uid == "art-5-b"
    assert lt.resolve(bylaws, "Sec. 7.110(a)(2)")[1].uid == "sec-7.110-a-2"
    assert str(agreement.cite("art-1-f-ii")) == "Art. 1(f)(ii)"
    assert agreement.cite("art-5-b", "long").__str__() == "Article 5(b)"


def test_citation_that_does_not_exist(agreement, bylaws):
    with pytest.raises(NotFound) as e:
        lt.resolve(agreement, "Art. 3")
    assert str(e.value) == ("Art. 3 does not exist: the agreement has no article 3 "
                            "(articles: 1, 2, 5, 13, 16)")
    with pytest.raises(NotFound) as e:
        lt.resolve(bylaws, "Sec. 7.110(a)(9)")
    assert str(e.value) == ("Sec. 7.110(a)(9) does not exist: Sec. 7.110(a) has no paragraph 9 "
                            "(paragraphs: (1), (2), (3))")
    with pytest.raises(NotFound, match="cites a section, but the agreement is divided into articles"):
        lt.resolve(agreement, "Sec. 7.110")
    with pytest.raises(NotFound):
        agreement.cite("art-99")


# ---------------------------------------------------------------- amendments

SUBSTITUTE_13 = lt.Change("substitute", "Art. 13", (
    "No amendment to this Agreement or the By-Laws takes effect until the governing "
    "bodies of two-thirds of the members approve it in writing."))


def test_substitute_changes_only_the_words(agreement):
    after = lt.apply_changes(agreement, [SUBSTITUTE_13])
    assert "two-thirds of the members" in after.unit("Art. 13").text
    assert after.unit("Art. 13").heading == "AMENDMENTS"
    assert agreement.unit("Art. 13").text.count("six of the eight") == 1  # original untouched


def test_substitute_with_heading_and_subunits(agreement):
    after = lt.apply_changes(agreement, [lt.Change("substitute", "Art. 5", (
        "ARTICLE 5. MEMBER AGENCIES\n\n"
        "(a) Each city that is a party to this Agreement is a member agency.\n"
        "(b) A new member may join when the Board admits it by a two-thirds vote."))])
    art5 = after.unit("Art. 5")
    assert art5.heading == "MEMBER AGENCIES"
    assert [c.uid for c in art5.children] == ["art-5-a", "art-5-b"]   # same identity
    assert art5.children[0].text.endswith("is a member agency.")
    with pytest.raises(InvalidInput, match="headed Article 6, not 5"):
        lt.apply_changes(agreement, [lt.Change("substitute", "Art. 5", "ARTICLE 6. X\n\ny")])


def test_insert_after_before_and_in(agreement, bylaws):
    after = lt.apply_changes(agreement, [
        lt.Change("insert", "Art. 5(b)", "(c) A member may leave as the By-Laws provide."),
        lt.Change("insert", "Art. 13", "ARTICLE 14. NOTICES\n\nNotices go to the Clerk.\n\n"
                                       "(a) by mail; or\n(b) by hand."),
        lt.Change("insert", "Art. 1(a)", '(aa) "Act" means the Joint Exercise of Powers Act.',
                  where="before"),
        lt.Change("insert", "Art. 2", "(a) It may sue and be sued.", where="in"),
    ])
    assert [u.label for u in after.unit("Art. 5").children] == ["a", "b", "c"]
    assert [u.label for u in after.units] == ["1", "2", "5", "13", "14", "16"]
    assert [u.label for u in after.unit("Art. 14").children] == ["a", "b"]
    assert after.unit("Art. 14").text == "Notices go to the Clerk."
    assert after.unit("Art. 1").children[0].label == "aa"
    assert after.unit("Art. 2(a)").uid == "art-2-a"
    t = lt.to_markdown(after)
    assert t.index("## ARTICLE 13.") < t.index("## ARTICLE 14.") < t.index("## ARTICLE 16.")
    sec = lt.apply_changes(bylaws, [lt.Change("insert", "Sec. 7.110(a)(3)",
                                              "(4) signed by the member's risk manager.")])
    assert sec.unit("Sec. 7.110(a)(4)").kind == "paragraph"


def test_insert_errors(agreement):
    with pytest.raises(Refused, match="already a subdivision b"):
        lt.apply_changes(agreement, [lt.Change("insert", "Art. 5(a)", "(b) twice")])
    with pytest.raises(InvalidInput, match="must start with the new unit's heading or label"):
        lt.apply_changes(agreement, [lt.Change("insert", "Art. 5(a)", "words without a label")])
    with pytest.raises(InvalidInput, match="needs the text"):
        lt.Change("insert", "Art. 5(a)")
    with pytest.raises(InvalidInput, match="cannot have units under it"):
        lt.apply_changes(agreement, [lt.Change("insert", "Art. 1(f)(i)", "(a) x", where="in")])


def test_repeal_and_renumber(agreement):
    after = lt.apply_changes(agreement, [lt.Change("repeal", "Art. 1(f)(ii)"),
                                         lt.Change("renumber", "Art. 1(f)(iii)", label="ii"),
                                         lt.Change("renumber", "Art. 16", label="17")])
    f = after.unit("Art. 1(f)")
    assert [(c.uid, c.label) for c in f.children] == [("art-1-f-i", "i"), ("art-1-f-iii", "ii")]
    assert after.unit("Art. 17").uid == "art-16"
    with pytest.raises(NotFound):
        after.unit("Art. 16")
    with pytest.raises(Refused, match="already a article 13"):
        lt.apply_changes(agreement, [lt.Change("renumber", "Art. 16", label="13")])
    with pytest.raises(InvalidInput, match="not a subdivision number"):
        lt.apply_changes(agreement, [lt.Change("renumber", "Art. 5(a)", label="7")])


def test_change_that_cites_nothing(agreement):
    with pytest.raises(NotFound, match="Art. 5.c. does not exist|Art. 5\\(c\\) does not exist"):
        lt.apply_changes(agreement, [lt.Change("repeal", "Art. 5(c)")])
    with pytest.raises(InvalidInput, match="unknown amendment action"):
        lt.Change("rewrite", "Art. 5")
    with pytest.raises(InvalidInput, match="is not a citation"):
        lt.Change("repeal", "the fifth article")


def test_change_describes_itself():
    assert lt.Change("renumber", "Art. 16", label="17").describe() == "Art. 16 is renumbered Art. 17"
    assert lt.Change("repeal", "Sec. 7.110(b)").describe() == "Sec. 7.110(b) is repealed"
    assert SUBSTITUTE_13.describe() == "Art. 13 is amended to read as follows"


# ---------------------------------------------------------------- versions in time

EFFECTIVE = date(2027, 3, 1)
ALL_FOUR = [SUBSTITUTE_13,
            lt.Change("insert", "Art. 5(b)", "(c) A member may leave as the By-Laws provide."),
            lt.Change("repeal", "Art. 1(f)(ii)"),
            lt.Change("renumber", "Art. 16", label="17")]


def test_as_of_before_on_and_after_the_effective_date(agreement):
    h = lt.apply_amendment(lt.history_of(agreement, date(1979, 12, 3)), ALL_FOUR, EFFECTIVE, "a-1")
    assert lt.consolidate(h, EFFECTIVE - timedelta(days=1)) == agreement
    on = lt.consolidate(h, EFFECTIVE)
    assert on == lt.apply_changes(agreement, ALL_FOUR)
    assert lt.consolidate(h, date(2030, 1, 1)) == on
    assert lt.consolidate(h) == on
    # before the agreement was adopted there is no text at all
    assert lt.consolidate(h, date(1979, 1, 1)).units == ()


def test_only_touched_units_get_new_versions_and_old_ones_stay(agreement):
    h0 = lt.history_of(agreement)
    h = lt.apply_amendment(h0, ALL_FOUR, EFFECTIVE, "a-1")
    new = sorted((v.uid, v.label) for v in h.versions if v.valid_from == EFFECTIVE)
    assert new == [("art-13", "13"), ("art-16", "17"), ("art-5-c", "c")]
    assert all(v.amendment == "a-1" for v in h.versions if v.valid_from == EFFECTIVE)
    closed = sorted(v.uid for v in h.versions if v.valid_to == EFFECTIVE)
    assert closed == ["art-1-f-ii", "art-13", "art-16"]
    assert len(h.versions) == len(h0.versions) + 3
    assert {v.uid: v.text for v in h0.versions}["art-13"] in {v.text for v in h.versions}


def test_two_amendments_and_out_of_order(agreement):
    h = lt.apply_amendment(lt.history_of(agreement), [SUBSTITUTE_13], EFFECTIVE, "a-1")
    later = date(2028, 7, 1)
    h2 = lt.apply_amendment(h, [lt.Change("repeal", "Art. 13")], later, "a-2")
    assert "two-thirds" in lt.consolidate(h2, later - timedelta(days=1)).unit("Art. 13").text
    with pytest.raises(NotFound):
        lt.consolidate(h2, later).unit("Art. 13")
    assert lt.consolidate(h2, EFFECTIVE - timedelta(days=1)) == agreement
    with pytest.raises(Refused, match="already has changes effective 2028-07-01"):
        lt.apply_amendment(h2, [lt.Change("repeal", "Art. 2")], date(2027, 6, 1))
    # a unit repealed earlier does not lend its identity to a new one
    h3 = lt.apply_amendment(h2, [lt.Change("insert", "Art. 5", "ARTICLE 13. AMENDMENTS\n\nBy all.")],
                            date(2029, 1, 1))
    assert lt.consolidate(h3).unit("Art. 13").uid == "art-13'"


# ---------------------------------------------------------------- redline

def changed(blocks, kind):
    return [s.text for b in blocks for s in b.head + b.body if s.kind == kind]


def test_word_diff_marks_exactly_the_changed_words():
    segs = lt.word_diff("until six of the eight members approve",
                        "until two-thirds of the members approve")
    assert [(s.kind, s.text.strip()) for s in segs if s.kind != "same"] == [
        ("del", "six"), ("ins", "two-thirds"), ("del", "eight")]
    segs = lt.word_diff("the quick brown fox", "the slow red fox")
    assert [(s.kind, s.text) for s in segs] == [
        ("same", "the "), ("del", "quick brown"), ("ins", "slow red"), ("same", " fox")]


def test_redline_of_substitute(agreement):
    blocks = lt.redline(agreement, lt.apply_changes(agreement, [SUBSTITUTE_13]))
    assert [(b.uid, b.change) for b in blocks] == [("art-13", "changed")]
    assert [s.strip() for s in changed(blocks, "del")] == ["six", "eight"]
    assert changed(blocks, "ins") == ["two-thirds"]


def test_redline_of_insert(agreement):
    blocks = lt.redline(agreement, lt.apply_changes(agreement, [ALL_FOUR[1]]))
    assert [(b.uid, b.change) for b in blocks] == [
        ("art-5", "unchanged"), ("art-5-a", "unchanged"), ("art-5-b", "unchanged"),
        ("art-5-c", "inserted")]
    assert changed(blocks, "ins") == ["(c)", "A member may leave as the By-Laws provide."]
    assert changed(blocks, "del") == []


def test_redline_of_repeal(agreement):
    blocks = lt.redline(agreement, lt.apply_changes(agreement, [ALL_FOUR[2]]))
    repealed = [b for b in blocks if b.changed]
    assert [(b.uid, b.change) for b in repealed] == [("art-1-f-ii", "repealed")]
    assert changed(blocks, "del") == ["(ii)", "pays into the pooled funds; and"]
    assert blocks[0].uid == "art-1" and len(blocks) == 13   # the whole article, in order


def test_redline_of_renumber(agreement):
    blocks = lt.redline(agreement, lt.apply_changes(agreement, [ALL_FOUR[3]]))
    assert [(b.uid, b.change) for b in blocks] == [("art-16", "renumbered")]
    assert changed(blocks, "del") == ["16"] and changed(blocks, "ins") == ["17"]
    text = lt.redline_text(blocks)
    assert text == ("ARTICLE [-16-]{+17+}. DATE AGREEMENT EFFECTIVE This Agreement takes "
                    "effect when five cities have signed it.\n")


def test_redline_whole_document_and_between_dates(agreement):
    h = lt.apply_amendment(lt.history_of(agreement), ALL_FOUR, EFFECTIVE)
    blocks = lt.redline(lt.consolidate(h, EFFECTIVE - timedelta(days=1)),
                        lt.consolidate(h, EFFECTIVE), whole=True)
    assert len(blocks) == sum(1 for _ in agreement.walk()) + 1
    assert {b.change for b in blocks} == {"unchanged", "changed", "inserted", "repealed",
                                          "renumbered"}
    assert lt.redline(agreement, agreement) == ()


# ---------------------------------------------------------------- positions

def test_positions_sort_as_strings():
    keys = lt.initial_keys(12)
    assert keys == sorted(keys) and len(set(keys)) == 12
    assert lt.key_between("1", "2") == "15"
    assert lt.key_between(None, "1") == "05"
    assert lt.key_between("9", None) == "95"
    with pytest.raises(InvalidInput):
        lt.key_between("2", "1")


@given(st.lists(st.booleans(), max_size=60))
def test_repeated_inserts_keep_order(sides):
    keys = ["5"]
    for left in sides:
        i = 0 if left else len(keys)
        lo = keys[i - 1] if i > 0 else None
        hi = keys[i] if i < len(keys) else None
        keys.insert(i, lt.key_between(lo, hi))
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    assert all(not k.endswith("0") for k in keys)


# ---------------------------------------------------------------- properties

WORD = st.sampled_from(["the", "Board", "member", "shall", "may", "fund", "claim", "city",
                        "notice", "two-thirds", "of", "and", "pay", "30", "days;", "Clerk."])
TEXT = st.lists(WORD, min_size=1, max_size=12).map(" ".join)


@st.composite
def documents(draw):
    n_articles = draw(st.integers(1, 5))
    numbers = sorted(draw(st.sets(st.integers(1, 30), min_size=n_articles, max_size=n_articles)))
    units = []
    for n in numbers:
        subs = []
        for letter in "abcdef"[:draw(st.integers(0, 4))]:
            paras = tuple(lt.Unit(f"art-{n}-{letter}-{r}", "paragraph", r, "", draw(TEXT))
                          for r in ["i", "ii", "iii"][:draw(st.integers(0, 3))])
            subs.append(lt.Unit(f"art-{n}-{letter}", "subdivision", letter, "", draw(TEXT), paras))
        units.append(lt.Unit(f"art-{n}", "article", str(n), draw(TEXT).upper(),
                             draw(st.one_of(st.just(""), TEXT)), tuple(subs)))

    def keyed(us):
        return tuple(lt.Unit(u.uid, u.kind, u.label, u.heading, u.text, keyed(u.children), k)
                     for u, k in zip(us, lt.initial_keys(len(us))))
    return lt.Document("agreement", draw(TEXT), draw(TEXT), keyed(units))


@st.composite
def doc_and_change(draw):
    doc = draw(documents())
    targets = [(p, d, u) for p, d, u, _ in doc.walk()]
    path, depth, unit = draw(st.sampled_from(targets))
    cite = str(lt.Citation("article", path))
    action = draw(st.sampled_from(lt.ACTIONS))
    if action == "repeal":
        return doc, lt.Change("repeal", cite)
    if action == "substitute":
        return doc, lt.Change("substitute", cite, draw(TEXT))
    if action == "renumber":
        label = str(int(unit.label) + 100) if depth == 0 else (
            unit.label * 2 if depth == 1 else lt.to_roman(lt.from_roman(unit.label) + 20))
        return doc, lt.Change("renumber", cite, label=label)
    head = (f"ARTICLE {int(unit.label) + 50}. NEW" if depth == 0 else
            "(zz)" if depth == 1 else "(xl)")
    return doc, lt.Change("insert", cite, f"{head} {draw(TEXT)}")


@settings(max_examples=150, deadline=None)
@given(doc_and_change(), st.dates(min_value=date(1980, 1, 2), max_value=date(2100, 1, 1)))
def test_property_day_before_gives_back_the_original(dc, effective):
    doc, change = dc
    h = lt.apply_amendment(lt.history_of(doc), [change], effective)
    assert lt.consolidate(h, effective - timedelta(days=1)) == doc
    assert lt.consolidate(h, effective) == lt.apply_changes(doc, [change])


@settings(max_examples=100, deadline=None)
@given(documents())
def test_property_markdown_round_trip(doc):
    assert lt.parse(lt.to_markdown(doc), "agreement") == doc


@given(TEXT, TEXT)
def test_property_word_diff_rebuilds_both_texts(a, b):
    segs = lt.word_diff(a, b)
    assert "".join(s.text for s in segs if s.kind != "ins") == a
    assert "".join(s.text for s in segs if s.kind != "del") == b
    assert all(s.text for s in segs)
    assert all(x.kind != y.kind for x, y in zip(segs, segs[1:]))
