"""What a batch of writes (a batch runner's chunk of documents, `Store.batch`) locks up front.

Several processes may write one PostgreSQL store. A document's ingest locks its document and
the areas where its events could link (`candidates.area_lock_names`); a batch holds its
transaction across many documents, so were each document to take its locks as it comes, two
batches could each hold what the other waits for. A batch therefore takes the locks of all its
documents (and skips) first, in one sorted order (`Dialect.lock`), and adds the actor names its
events bring in the same way: names are unique rows, and two transactions inserting the same
new names in different orders would wait on each other too.

    names = batch_lock_names(items)        # every document:, country:, cell:, skip: name
    names_in = batch_actor_names(items)    # what the actor index will be given, sorted
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from eventwire.models import Event, Skip
from eventwire.store.actors import search_names
from eventwire.store.candidates import area_lock_names
from eventwire.store.filters import actor_search_key

if TYPE_CHECKING:  # pipeline imports the stages; importing it at run time could cycle
    from eventwire.pipeline import DocumentResult


def skip_lock_name(skip: Skip) -> str:
    """Return the lock name of a recorded skip (its origin, reason, detail and document)."""
    return "skip:" + "\n".join((skip.origin, skip.reason, skip.detail, skip.document_id or ""))


def document_lock_names(result: DocumentResult) -> set[str]:
    """Return the lock names an ingest of `result` takes: its document and its events' areas."""
    names = {f"document:{result.document.id}"}
    for event in _events(result):
        names |= area_lock_names(event.country, event.latitude, event.longitude)
    return names


def batch_lock_names(items: Iterable[DocumentResult | Skip]) -> set[str]:
    """Return the lock names of every document result and skip of a batch."""
    names: set[str] = set()
    for item in items:
        if isinstance(item, Skip):
            names.add(skip_lock_name(item))
        else:
            names |= document_lock_names(item)
    return names


def batch_actor_names(items: Iterable[DocumentResult | Skip]) -> list[str]:
    """Return, sorted, the actor names (as the actor index keeps them) of the batch's events."""
    names: set[str] = set()
    for item in items:
        if not isinstance(item, Skip):
            for e in _events(item):
                names.update(search_names(actor_search_key(e.actor1, e.actor2, e.assoc_actor_1, e.assoc_actor_2)))
    return sorted(names)


def _events(result: DocumentResult) -> tuple[Event, ...]:
    return (*result.events, *result.context_mentions)
