from hypothesis import given, strategies as st

from govdocs.archive import query
from govdocs.archive.query import Term


def test_words_phrases_prefixes():
    q = query.parse('"risk management" counc* budget')
    assert q.groups == (
        (Term(("risk", "management"), quoted=True),),
        (Term(("counc",), prefix=True),),
        (Term(("budget",)),),
    )


def test_or_and_exclusion():
    q = query.parse("sewer OR drainage -lighting NOT parks")
    assert q.groups == ((Term(("sewer",)), Term(("drainage",))),)
    assert q.excluded == (Term(("lighting",)), Term(("parks",)))


def test_unbalanced_quote_reads_words():
    q = query.parse('"city council approved')
    assert [t.words for t in q.terms()] == [("city",), ("council",), ("approved",)]


def test_stray_operators_are_dropped_or_words():
    assert query.parse("((( *** AND").is_empty
    assert str(query.parse("title:budget")) == '"title budget"'
    assert query.parse("OR council").words() == ["or", "council"]


def test_exclusion_alone_is_read_as_words():
    q = query.parse("-council")
    assert q.words() == ["council"] and q.excluded == ()


def test_numbers_with_punctuation_are_phrases():
    assert query.parse("79-91").groups == ((Term(("79", "91")),),)
    assert query.parse("7.110(a)(2)").terms()[0].words == ("7", "110", "a", "2")


def test_a_one_letter_prefix_is_a_word():
    assert query.parse("a*").terms() == [Term(("a",))]


@given(st.text(max_size=200))
def test_parse_never_fails_and_is_stable(text):
    q = query.parse(text)
    assert len(q.terms()) <= query.MAX_TERMS
    again = query.parse(str(q))
    assert again.words() == q.words()


def test_highlight_pattern_finds_stems_and_phrases():
    pattern = query.highlight_pattern([(("approv",), False), (("risk", "manag"), False)])
    text = "The board approved the Risk  Management plan; approval follows."
    assert [text[a:b] for a, b in query.highlight_spans(text, pattern)] == [
        "approved", "Risk  Management", "approval",
    ]
    assert query.highlight_pattern([]) is None
