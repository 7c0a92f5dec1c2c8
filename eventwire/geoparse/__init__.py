"""The geoparser: place mentions in French and English news, resolved against the offline
gazetteer (`eventwire.gazetteer`).

  detect     the place-mention detectors, each a small registered function (`detect.DETECTORS`;
             the entities' one in `detect_ner`, US local news' in `detect_us`, run with the
             "us-local" profile, see `profiles`);
  context    the document's countries, divisions and anchors, and the resolution of every name
             first alone then with the context of the document's other names;
  rank       the scoring of a name's candidates, weights in data/geoparse/rank_weights.yaml;
  relations  the words before a name that change its point or precision ("40 km north of");
  mentions   `find_place_mentions` (event places) and `find_toponyms` (every toponym).
"""

from eventwire.geoparse.mentions import find_place_mentions, find_toponyms
from eventwire.geoparse.profiles import DEFAULT_PROFILE, GEO_PROFILES
from eventwire.geoparse.rank import candidate_place, geocode_place

__all__ = [
    "DEFAULT_PROFILE",
    "GEO_PROFILES",
    "candidate_place",
    "find_place_mentions",
    "find_toponyms",
    "geocode_place",
]
