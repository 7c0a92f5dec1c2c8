"""The first reading of a text records what it asked its (empty) support, so that the second
reading, with the areas the document is about, runs only when one answer would change."""

from types import SimpleNamespace

from eventwire.geoparse.profiles import DEFAULT_PROFILE
from eventwire.geoparse.state import Detection


def _reading() -> Detection:
    return Detection(text="Riots in Oakvale.", doc=None, lang="en", gazetteer=None, profile=DEFAULT_PROFILE)  # type: ignore[arg-type]


def test_a_town_asked_about_makes_its_area_matter() -> None:
    st = _reading()
    town = SimpleNamespace(primary=True, feature="city", iso="XA", admin1="North")
    assert not st.supported([town])  # no support yet: "no"
    assert st.support_matters(frozenset({("XA", "North")}))
    assert not st.support_matters(frozenset({("XA", "South"), ("XB", "North")}))


def test_a_country_asked_about_makes_any_of_its_areas_matter() -> None:
    st = _reading()
    assert "XA" not in st.support_isos
    assert st.support_matters(frozenset({("XA", "South")}))
    assert not st.support_matters(frozenset({("XB", "South")}))


def test_nothing_asked_nothing_matters() -> None:
    st = _reading()
    assert not st.supported([SimpleNamespace(primary=False, feature="city", iso="XA", admin1="North")])
    assert not st.support_matters(frozenset({("XA", "North")}))
