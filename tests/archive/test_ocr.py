from hypothesis import given, strategies as st

from govdocs.archive import ocr

DAMAGED = (
    "referred to as OCCIUMA and WHEREAS, OCCRr4A now exists; the Board of 0CCR'`1A "
    "endorsed it; 6 of the 8 OCCR1-!A councils; the OCCR 4-A agreement; OCCRUA staff; "
    "the formal plan of the firm"
)


def test_finds_every_damaged_spelling():
    found = [DAMAGED[a:b] for a, b in ocr.find_approximate("OCCRMA", DAMAGED)]
    assert found == ["OCCIUMA", "OCCRr4A", "0CCR'`1A", "OCCR1-!A", "OCCR 4-A", "OCCRUA"]


def test_substrings_match():
    assert ocr.find_approximate("CCRMA", "the OCCRMA board") == [(5, 10)]


def test_short_words_must_be_exact():
    assert ocr.find_approximate("tax", "the tux and the tax") == [(16, 19)]


def test_fold_and_tokens():
    assert ocr.fold("0CCR1A") == "occrla"
    tokens = ocr.ocr_tokens("the OCCR 4-A agreement and 0CCR'`1A").split()
    assert "occr4a" in tokens and "occrla" in tokens
    assert "andoccrla" not in tokens  # "and" is a word, not a fragment


def test_allowed_edits():
    assert [ocr.allowed_edits(w) for w in ("tax", "fund", "budget", "occrma")] == [0, 1, 2, 2]


@given(st.text(alphabet="abcdefghijklmnop ", min_size=4, max_size=40), st.data())
def test_an_exact_substring_is_always_found(text, data):
    word = "".join(text.split())
    if len(word) < 4:
        return
    start = data.draw(st.integers(0, len(word) - 4))
    piece = word[start : start + data.draw(st.integers(4, min(8, len(word) - start)))]
    spans = ocr.find_approximate(piece, text)
    assert spans


@given(st.text(alphabet="abc", max_size=8), st.text(alphabet="abc", max_size=8))
def test_edit_distance_is_symmetric_and_bounded(a, b):
    d = ocr.edit_distance(a, b)
    assert d == ocr.edit_distance(b, a)
    assert abs(len(a) - len(b)) <= d <= max(len(a), len(b))
    assert ocr.edit_distance(a, b, limit=1) == min(d, 2)
