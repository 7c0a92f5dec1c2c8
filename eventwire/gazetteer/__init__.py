"""The offline gazetteer: a SQLite name index built once from installed packages (`build`), then
queried for the candidate places of a name (`query`). It knows names, not texts: finding place
mentions in a text and choosing among candidates is `eventwire.geoparse`'s job."""

from eventwire.gazetteer.build import build_gazetteer_index
from eventwire.gazetteer.index_file import INDEX_VERSION, default_index_path, index_fingerprint
from eventwire.gazetteer.names import fold_name, name_key
from eventwire.gazetteer.query import Candidate, Gazetteer, load_gazetteer
from eventwire.gazetteer.supplement import SupplementEntry, load_places_supplement, supplement_path

__all__ = [
    "INDEX_VERSION",
    "Candidate",
    "Gazetteer",
    "SupplementEntry",
    "build_gazetteer_index",
    "default_index_path",
    "fold_name",
    "index_fingerprint",
    "load_gazetteer",
    "load_places_supplement",
    "name_key",
    "supplement_path",
]
