import pytest

from govdocs.archive import metadata

RESOLUTION = """RESOLUTION NO. 81 -07
A RESOLUTION OF THE CITY COUNCIL OF THE CITY OF SEABROOK, CALIFORNIA,
APPROVING A CONTRACT FOR STREET LIGHTING
WHEREAS, the Council received the report on 2/9/81; and
NOW, THEREFORE, BE IT RESOLVED that the contract is approved.
PASSED, APPROVED AND ADOPTED at an adjourned regular meeting of the City
Council of the City of Seabrook held on this 17th day of February , 1981 .
I, MARA VOSS, City Clerk, certify that the foregoing was adopted by the following vote:
AYES: COUNCILMEMBERS: Alder, Brandt, Cole
NOES: COUNCILMEMBERS: Dunn
ABSENT: COUNCILMEMBERS: None
"""


def test_resolution_metadata():
    meta = metadata.extract(RESOLUTION)
    assert meta.kind == "resolution"
    assert meta.number == "81-07"
    assert meta.label == "RESOLUTION NO. 81-07"
    assert meta.date == "1981-02-17"
    assert meta.dates == ["1981-02-09", "1981-02-17"]
    assert meta.body == "City Council of the City of Seabrook"
    assert meta.meeting_kind == "adjourned"
    assert meta.roll_call == {"aye": ["Alder", "Brandt", "Cole"], "no": ["Dunn"]}


@pytest.mark.parametrize(
    "text, iso",
    [
        ("this 3rd day of December, 1979", "1979-12-03"),
        ("on the 1st day of March 2004", "2004-03-01"),
        ("December 3, 1979", "1979-12-03"),
        ("Dec. 3, 1979", "1979-12-03"),
        ("Sept. 19, 1979", "1979-09-19"),
        ("12/3/79", "1979-12-03"),
        ("12/03/1979", "1979-12-03"),
        ("3/14/24", "2024-03-14"),
        ("1979-12-03", "1979-12-03"),
        ("3 December 1979", "1979-12-03"),
    ],
)
def test_date_forms(text, iso):
    assert [d.date for d in metadata.find_dates(text)] == [iso]


def test_impossible_dates_are_not_dates():
    assert metadata.find_dates("2/30/81 and 13/1/80") == []


def test_two_digit_years_pivot():
    assert metadata.full_year(79) == 1979
    assert metadata.full_year(26) == 2026
    assert metadata.full_year(27) == 1927
    assert metadata.full_year(27, pivot=2040) == 2027


@pytest.mark.parametrize(
    "text, kind",
    [
        ("ORDINANCE NO. 1204\nAN ORDINANCE OF THE CITY", "ordinance"),
        ("MINUTES OF THE REGULAR MEETING", "minutes"),
        ("NOTICE OF PUBLIC HEARING", "notice"),
        ("CLASS SPECIFICATION\nClaims Technician", "job-class"),
        ("JOINT EXERCISE OF POWERS AGREEMENT", "agreement"),
        ("A letter about nothing in particular", None),
    ],
)
def test_kinds(text, kind):
    assert metadata.find_kind(text) == kind


def test_no_roll_call_is_empty():
    assert metadata.extract("NOTICE OF PUBLIC HEARING on the budget").roll_call == {}


def test_ocr_damaged_body_prefers_readable_city():
    text = "the City Council of the Ci ter o.-F- Seabrook and the City Council of the City of Seabrook"
    assert metadata.find_body(text) == "City Council of the City of Seabrook"
