from govdocs.archive import clean

SCAN = """HomeMy WebLinkAboutCC RES 82-0412
1
2
3
:La
5
RESOLUTION NO. 82-14
A RESOLUTION OF THE CITY COUNCIL OF THE CITY OF SEABROOK
WHEREAS, the Council finds that the admin-
istrative costs of the pooled program are to be shared, and
WHEREAS, the by-
laws of the authority require a two-
thirds vote, and
WHEREAS, the program is re--
lated to the annual budget
Page 1 of 3"""


def test_portal_chrome_goes():
    out = clean.clean_text(SCAN)
    assert "WebLink" not in out
    assert "Page 1 of 3" not in out


def test_margin_numbers_go_but_text_stays():
    out = clean.clean_text(SCAN)
    assert out.startswith("RESOLUTION NO. 82-14")
    assert ":La" not in out


def test_hyphenation_joined_and_compounds_kept():
    out = clean.clean_text(SCAN)
    assert "administrative costs" in out
    assert "by-laws" in out
    assert "two-thirds" in out
    assert "related to" in out


def test_leading_line_numbers_counting_up_are_stripped():
    text = "9 WHEREAS, the board met\n10 and considered the report\n11 of the treasurer."
    assert clean.strip_line_numbers(text) == "WHEREAS, the board met\nand considered the report\nof the treasurer."


def test_numbers_that_are_text_stay():
    text = "The vote was\n5\nto nothing."
    assert clean.strip_line_numbers(text) == text


def test_pages_are_kept_apart():
    out = clean.clean_text("first page\n1\n2\n3\n\fsecond page")
    assert out == "first page\fsecond page"


def test_inline_chrome():
    assert clean.strip_portal_chrome("Claims Technician Close Window : Print Page") == "Claims Technician "


def test_capitals_broken_at_line_end_are_joined():
    assert clean.join_hyphenated("STREET LIGHTING ASSESS-\nMENT DISTRICT") == "STREET LIGHTING ASSESSMENT DISTRICT"
    assert clean.join_hyphenated("BY-\nLAWS") == "BY-LAWS"
