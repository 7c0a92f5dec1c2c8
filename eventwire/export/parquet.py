"""Parquet export: ACLED's columns with ACLED's types, then the extra output fields.

write_parquet(store.events(), Path("events.parquet"))
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from eventwire.models import ACLED_COLUMNS

# Parquet column types: ACLED's columns as ACLED publishes them (event_date a date, precisions,
# fatalities and coordinates numeric), plus the extra output fields; reports and provenance as
# JSON text.
_PARQUET_INT_COLUMNS = (
    "time_precision",
    "geo_precision",
    "fatalities",
    "fatalities_low",
    "fatalities_high",
    "injuries",
)


def write_parquet(events: list[dict], path: Path) -> None:
    """Write events to a Parquet file: ACLED's columns with ACLED's types, then the extras."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    ints = set(_PARQUET_INT_COLUMNS)
    fields = []
    for col in ACLED_COLUMNS:
        if col == "event_date":
            fields.append(pa.field(col, pa.date32()))
        elif col in ints:
            fields.append(pa.field(col, pa.int32()))
        elif col in {"latitude", "longitude"}:
            fields.append(pa.field(col, pa.float64()))
        else:
            fields.append(pa.field(col, pa.string()))
    fields += [
        pa.field("fatalities_low", pa.int32()),
        pa.field("fatalities_high", pa.int32()),
        pa.field("injuries", pa.int32()),
        pa.field("claimed_by", pa.list_(pa.string())),
        pa.field("disputed", pa.bool_()),
        pa.field("confidence", pa.float64()),
        pa.field("reports", pa.string()),
        pa.field("provenance", pa.string()),
    ]
    schema = pa.schema(fields)
    columns: dict[str, list] = {f.name: [] for f in fields}
    for event in events:
        for name, column in columns.items():
            value = event.get(name)
            if name == "event_date" and isinstance(value, str):
                value = date.fromisoformat(value[:10])
            elif name in {"reports", "provenance"}:
                value = json.dumps(value, ensure_ascii=False)
            column.append(value)
    pq.write_table(pa.Table.from_pydict(columns, schema=schema), path)
