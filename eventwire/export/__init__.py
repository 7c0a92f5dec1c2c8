"""export stage: events (output-contract dicts, as Event.as_dict() makes) to files and tables.

`write_jsonl`, `write_csv` (ACLED columns; `write_csv_with_sources` adds the reporting
documents' ids, the inputs' own ids and URLs), `write_geojson` (FeatureCollection) and
`render_table` (a rich Table for terminals). Each takes any iterable of event dicts, so events
straight from the pipeline and events read back from the store export the same way.
"""

from eventwire.export.files import SOURCE_COLUMNS, write_csv, write_csv_with_sources, write_geojson, write_jsonl
from eventwire.export.table import render_table

__all__ = ["SOURCE_COLUMNS", "render_table", "write_csv", "write_csv_with_sources", "write_geojson", "write_jsonl"]
