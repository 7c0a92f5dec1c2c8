"""A name that is no key of the index is answered without a query once `load_tables` has read
the keys' hashes; every answer is the one the queries give (issue 16, throughput)."""

from __future__ import annotations

from eventwire.gazetteer.key_hashes import KeyHashes


def test_key_hashes_hold_their_keys_only() -> None:
    hashes = KeyHashes(["kolo", "tamba", "kolo", "bera nord"])
    assert len(hashes) == 3
    assert "kolo" in hashes and "bera nord" in hashes and "tamba" in hashes
    assert "kol" not in hashes and "" not in hashes and "kolo " not in hashes
    assert "x" not in KeyHashes([])


def _recording(gazetteer, queries: list[str]):
    class Recording:
        def __init__(self, con):
            self.con = con

        def execute(self, sql, *args):
            queries.append(sql)
            return self.con.execute(sql, *args)

    gazetteer._con = Recording(gazetteer._con)


def test_answers_with_and_without_the_hashes_agree(gazetteer) -> None:
    from eventwire.gazetteer.query import Gazetteer

    plain, hashed = Gazetteer(gazetteer.path), Gazetteer(gazetteer.path)
    hashed.load_tables()
    # places, a name written joined ("Tinabaro" / "Tin Abaro" kind), an Arabic article written
    # joined, demonyms (plain and derived), and invented strings that are no name at all
    names = ["Bamako", "Mopti", "Kidal", "Niger", "Gao", "Elwak", "Alqaim", "Malian", "European"]
    names += ["Kerouvalle", "Zorbistan Nord", "Tinkerouaba", "Elzorb", "Qqqqqq", "soldats"]
    for name in names:
        assert hashed.candidates(name) == plain.candidates(name), name
        assert hashed.demonym_place(name) == plain.demonym_place(name), name
        assert hashed.demonym_place(name, derived=False) == plain.demonym_place(name, derived=False), name


def test_a_string_that_is_no_key_costs_no_query(gazetteer) -> None:
    from eventwire.gazetteer.query import Gazetteer

    fresh = Gazetteer(gazetteer.path)
    fresh.load_tables()
    queries: list[str] = []
    _recording(fresh, queries)
    assert fresh.candidates("Qqqqqq Zorbistan") == []
    assert fresh.demonym_place("zorbistanais") is None
    assert queries == []
    assert fresh.candidates("Bamako") and queries
