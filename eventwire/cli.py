"""eventwire's command line: thin wrappers over the pipeline, the store and the scorer.

Stdout carries only the output contract (ARCHITECTURE.md); progress, skips and logs go to stderr.
Errors print one line and exit non-zero; a bad document is a recorded skip, not a failure.
"""

from __future__ import annotations

import errno
import logging
import os
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TextIO

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from eventwire.errors import EventwireError

if TYPE_CHECKING:
    from eventwire.models import Skip


class _OneLineErrors(typer.Typer):
    """The CLI as a program (`eventwire …`, `python -m eventwire.cli`): a usage error, an
    EventwireError or an OS error (unwritable output, a --db under a regular file) is one line on
    stderr and an exit code (2 usage, 1 failure), never a traceback; a closed stdout pipe
    (`| head`) ends quietly. CliRunner tests call the command itself and keep typer's behaviour."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if "standalone_mode" in kwargs:
            return super().__call__(*args, **kwargs)
        try:
            code = super().__call__(*args, standalone_mode=False, **kwargs)
        except typer.Abort:
            code = _one_line("interrupted", 130)
        except EventwireError as e:
            code = _one_line(str(e), 1)
        except OSError as e:
            if e.errno == errno.EPIPE:  # the reader of stdout went away: stop without noise
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                code = 1
            else:
                where = f"{e.filename}: " if e.filename else ""
                code = _one_line(f"{where}{e.strerror or e}", 1)
        except Exception as e:
            # click's (or typer's vendored click's) usage errors: bad option, bad value, no command
            if not hasattr(e, "format_message") or not hasattr(e, "exit_code"):
                raise
            if type(e).__name__ == "NoArgsIsHelpError":
                e.show()  # type: ignore[attr-defined]
                code = e.exit_code
            else:
                ctx = getattr(e, "ctx", None)
                hint = f" (see `{ctx.command_path} --help`)" if ctx is not None else ""
                code = _one_line(f"{e.format_message()}{hint}", e.exit_code)
        sys.exit(code if isinstance(code, int) else 0)


def _one_line(message: str, code: int) -> int:
    # one line whatever the terminal width; brackets in the message ("eventwire[ray]") are text
    err.print(f"[red]eventwire:[/red] {escape(' '.join(message.split()))}", highlight=False, soft_wrap=True)
    return code


app = _OneLineErrors(
    add_completion=False,
    no_args_is_help=True,
    help="Turn news reports of armed conflict and political violence into ACLED-style events.",
)
err = Console(stderr=True)

DEFAULT_DB = "eventwire.sqlite"
# Every command's --db: an SQLite file or a PostgreSQL URL (issue 19), EVENTWIRE_DB when absent.
_DB_HELP = "Event store: an SQLite file, or postgresql://user@host:5432/db for a shared server (env EVENTWIRE_DB)."
StoreOption = Annotated[str, typer.Option("--db", envvar="EVENTWIRE_DB", help=_DB_HELP)]
_PUBLISHED_HELP = "Date of inputs that carry none, as JSONL 'published': 2016-12-13, RFC 822, 13 décembre 2016."
PublishedOption = Annotated[str | None, typer.Option(help=_PUBLISHED_HELP)]
SAMPLE = Path(__file__).parent / "sample" / "afp_2023-10-18_drones_iraq.txt"


class Format(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    geojson = "geojson"
    table = "table"


class Engine(str, Enum):
    local = "local"
    ray = "ray"


_ENGINE_HELP = "local: this process, or a pool of --workers processes; ray: Ray actors (pip install 'eventwire[ray]')."
_ADDRESS_HELP = "Ray cluster to join (auto: the one `ray start` runs here); default: a private local Ray."


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    acled_csv = "acled-csv"
    csv = "csv"
    geojson = "geojson"
    parquet = "parquet"


def _parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    from eventwire.ingest.dates import ACCEPTED_FORMS, parse_published  # as JSONL `published`

    if (parsed := parse_published(value)) is None:
        raise typer.BadParameter(f"{value!r} is not a date; expected {ACCEPTED_FORMS}", param_hint=option)
    return parsed


def _existing_store(db: str) -> str | Path:
    """Return the location of a store that must exist already (an SQLite file is checked here;
    a database server answers for itself)."""
    from eventwire.store.locations import store_location

    location = store_location(db)
    if isinstance(location, Path) and not location.exists():
        _fail(f"no event store at {db}; run `eventwire ingest` first")
    return location


def _check_inputs(inputs: list[str]) -> None:
    """Refuse, before anything is read, an input path that does not exist or cannot be read
    (stdin and URLs are read as they come: a URL that fails is a recorded skip)."""
    from eventwire.ingest.feeds import is_url

    for path in inputs:
        if path == "-" or is_url(path):
            continue
        if not os.path.exists(path):
            raise typer.BadParameter(f"no such file or folder: {path}", param_hint="INPUTS")
        if not os.access(path, os.R_OK | (os.X_OK if os.path.isdir(path) else 0)):
            raise typer.BadParameter(f"cannot read {path} (permission denied)", param_hint="INPUTS")


def _setup_logging(verbose: int) -> None:
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")


def _fail(message: str, code: int = 1) -> NoReturn:
    raise typer.Exit(_one_line(message, code))


def _write(events: list[dict], fmt: str, out: TextIO | None = None) -> None:
    from eventwire.export import render_table, write_csv, write_geojson, write_jsonl

    out = out or sys.stdout
    if fmt == "jsonl":
        write_jsonl(events, out)
    elif fmt in {"csv", "acled-csv"}:
        # "csv" adds the reporting documents' ids, the inputs' own ids and URLs to ACLED's columns
        write_csv(events, out, sources=fmt == "csv")
    elif fmt == "geojson":
        write_geojson(events, out)
    else:
        Console(file=out, width=200 if not out.isatty() else None).print(render_table(events))
    out.flush()


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )


def _report_skip(skip: Skip) -> None:
    err.print(
        f"[yellow]skipped[/yellow] {skip.origin}: {skip.reason}: {skip.detail}",
        highlight=False,
        soft_wrap=True,
    )


@app.command()
def extract(
    inputs: Annotated[list[str], typer.Argument(help="Text/HTML files, folders, JSONL batches, or - for stdin.")],
    published: PublishedOption = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.jsonl,
    include_context: Annotated[
        bool, typer.Option(help="Also output context mentions (claim status 'context').")
    ] = False,
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True)] = 0,
) -> None:
    """Extract events from INPUTS and write them to stdout (nothing is stored)."""
    _setup_logging(verbose)
    from eventwire.models import Skip
    from eventwire.pipeline import process_inputs

    ref = _parse_date(published, "--published")
    _check_inputs(inputs)
    events: list[dict] = []
    try:
        with _progress() as progress:
            task = progress.add_task("extracting", total=None)
            for item in process_inputs(inputs, published=ref):
                progress.advance(task)
                if isinstance(item, Skip):
                    _report_skip(item)
                    continue
                batch = list(item.events) + (list(item.context_mentions) if include_context else [])
                if format == Format.jsonl:
                    _write([e.as_dict() for e in batch], "jsonl")  # stream as we go
                else:
                    events.extend(e.as_dict() for e in batch)
    except EventwireError as e:
        _fail(str(e))
    if format != Format.jsonl:
        _write(events, format.value)


@app.command()
def ingest(
    inputs: Annotated[
        list[str], typer.Argument(help="Text/HTML files, folders, JSONL batches, http(s) URLs, or - for stdin.")
    ],
    published: PublishedOption = None,
    db: StoreOption = DEFAULT_DB,
    resolve: Annotated[
        bool,
        typer.Option(help="Resolve events across documents (join the stored event reporting the same incident)."),
    ] = True,
    allow_private: Annotated[bool, typer.Option("--allow-private", help=_ALLOW_PRIVATE_HELP)] = False,
    ignore_robots: Annotated[bool, typer.Option("--ignore-robots", help=_IGNORE_ROBOTS_HELP)] = False,
    engine: Annotated[Engine, typer.Option(help=_ENGINE_HELP)] = Engine.local,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes (local) or actors (ray) coding documents.")] = 1,
    address: Annotated[str | None, typer.Option(help=_ADDRESS_HELP)] = None,
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True)] = 0,
) -> None:
    """Process INPUTS and store documents, events and skips in the event store."""
    _setup_logging(verbose)
    from eventwire.batch import BatchOptions, batch_with_progress
    from eventwire.ingest.fetch import FetchPolicy, SafeFetcher
    from eventwire.models import Skip
    from eventwire.service import IngestTally, ingest_inputs
    from eventwire.store import open_store
    from eventwire.store.locations import describe_location, store_location

    ref = _parse_date(published, "--published")
    _check_inputs(inputs)
    tally = IngestTally()
    try:
        with (
            open_store(store_location(db)) as store,
            SafeFetcher(FetchPolicy(allow_private=allow_private, obey_robots=not ignore_robots)) as fetcher,
            _progress() as progress,
        ):
            task = progress.add_task("ingesting", total=None)
            # one transaction per document: its events join the stored events that report the
            # same incident, or create new ones (cross-document resolution, issue 6)
            if engine is Engine.local and workers == 1 and address is None:
                outcomes = ingest_inputs(inputs, store, published=ref, resolve=resolve, fetcher=fetcher)
            else:  # coded by a pool of workers, stored here; resumable (eventwire/batch.py)
                options = BatchOptions(engine.value, workers, address, resolve=resolve, published=ref)
                outcomes = batch_with_progress(
                    inputs, store, options, fetcher, progress, task, say=lambda line: err.print(line, highlight=False)
                )
            for outcome in outcomes:
                progress.advance(task)
                tally.add(outcome)
                if isinstance(outcome, Skip):
                    _report_skip(outcome)
                elif (summary := outcome.summary).duplicate_of is not None:
                    err.print(
                        f"[yellow]duplicate[/yellow] {outcome.document.origin}: id "
                        f"{outcome.document.external_id!r} is a duplicate of {summary.duplicate_of!r} "
                        "(same text; kept as an alias)",
                        highlight=False,
                        soft_wrap=True,
                    )
            counts = store.counts()
    except EventwireError as e:
        _fail(str(e))
    line = f"{tally.describe()}; store {describe_location(db)}: {counts['documents']} documents, {counts['events']}"
    err.print(f"{line} events", highlight=False)


_ALLOW_PRIVATE_HELP = "Also fetch URLs on private, loopback and link-local addresses (refused by default)."
_IGNORE_ROBOTS_HELP = "Fetch article pages even where the site's robots.txt disallows them (obeyed by default)."


@app.command()
def watch(
    feeds: Annotated[list[str], typer.Argument(help="RSS or Atom feed URLs.")],
    every: Annotated[str, typer.Option(help="Time between two readings of the feeds: 90s, 10m, 1h.")] = "10m",
    once: Annotated[bool, typer.Option("--once", help="Read the feeds once and exit.")] = False,
    db: StoreOption = DEFAULT_DB,
    published: PublishedOption = None,
    resolve: Annotated[bool, typer.Option(help="Resolve events across documents.")] = True,
    delay: Annotated[float, typer.Option(help="Seconds between two requests to one host.", min=0)] = 1.0,
    allow_private: Annotated[bool, typer.Option("--allow-private", help=_ALLOW_PRIVATE_HELP)] = False,
    ignore_robots: Annotated[bool, typer.Option("--ignore-robots", help=_IGNORE_ROBOTS_HELP)] = False,
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True)] = 0,
) -> None:
    """Read RSS/Atom FEEDS every so often and ingest each new entry's article page once."""
    from eventwire.ingest.fetch import FetchPolicy, SafeFetcher
    from eventwire.models import Skip
    from eventwire.service import FeedPass, parse_period, watch
    from eventwire.store import open_store
    from eventwire.store.locations import store_location

    _setup_logging(verbose)
    ref = _parse_date(published, "--published")
    try:
        period = parse_period(every)
    except EventwireError as e:
        raise typer.BadParameter(str(e), param_hint="--every") from None
    policy = FetchPolicy(allow_private=allow_private, host_delay=delay, obey_robots=not ignore_robots)
    try:
        with open_store(store_location(db)) as store, SafeFetcher(policy) as fetcher:
            for item in watch(feeds, store, fetcher, every=None if once else period, published=ref, resolve=resolve):
                if isinstance(item, FeedPass):
                    err.print(item.describe(), highlight=False, soft_wrap=True)
                elif isinstance(item, Skip):
                    _report_skip(item)
    except KeyboardInterrupt:
        err.print("eventwire: stopped watching", highlight=False)
    except EventwireError as e:
        _fail(str(e))


@app.command()
def events(
    db: StoreOption = DEFAULT_DB,
    date_from: Annotated[str | None, typer.Option("--from", help="Earliest event date YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Latest event date YYYY-MM-DD.")] = None,
    country: Annotated[str | None, typer.Option(help="Country name or ISO code.")] = None,
    admin1: Annotated[str | None, typer.Option(help="First-level division.")] = None,
    event_type: Annotated[str | None, typer.Option(help="ACLED event type.")] = None,
    sub_event_type: Annotated[str | None, typer.Option(help="ACLED sub-event type.")] = None,
    actor: Annotated[str | None, typer.Option(help="Substring of any actor.")] = None,
    min_fatalities: Annotated[int | None, typer.Option(help="Minimum fatalities.")] = None,
    claim_status: Annotated[
        str | None, typer.Option(help="reported, claimed, alleged, denied, disputed, context.")
    ] = None,
    text: Annotated[str | None, typer.Option(help="Full-text search over evidence sentences.")] = None,
    bbox: Annotated[str | None, typer.Option(help="min_lon,min_lat,max_lon,max_lat")] = None,
    near: Annotated[str | None, typer.Option(help="lat,lon,radius_km")] = None,
    document_id: Annotated[
        str | None, typer.Option(help="Events a document reports: its stored id or the id its input gave it.")
    ] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many events.")] = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """List stored events, filtered."""
    from eventwire.store import FilterError, open_store, parse_event_filters

    location = _existing_store(db)
    try:
        # read as GET /api/events reads its query string (store.filters.parse_event_filters)
        filters = parse_event_filters(
            date_from=_parse_date(date_from, "--from"),
            date_to=_parse_date(date_to, "--to"),
            country=country,
            admin1=admin1,
            event_type=event_type,
            sub_event_type=sub_event_type,
            actor=actor,
            min_fatalities=min_fatalities,
            claim_status=claim_status,
            text=text,
            bbox=bbox,
            near=near,
            document_id=document_id,
            limit=limit,
        )
        with open_store(location) as store:
            rows = store.events(filters)
    except FilterError as e:
        raise typer.BadParameter(e.detail, param_hint=f"--{e.option}") from None
    except EventwireError as e:
        _fail(str(e))
    _write(rows, format.value)


@app.command()
def export(
    db: StoreOption = DEFAULT_DB,
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="Export format.")] = ExportFormat.acled_csv,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file (required for parquet) instead of stdout."),
    ] = None,
) -> None:
    """Export every stored event (ACLED CSV, GeoJSON, JSONL or Parquet)."""
    from eventwire.store import EventFilters, open_store

    location = _existing_store(db)
    if format == ExportFormat.parquet and output is None:
        _fail("--format parquet needs --output FILE (Parquet is binary)")
    try:
        with open_store(location) as store:
            rows = store.events(EventFilters(order_by="event_date"))
    except EventwireError as e:
        _fail(str(e))
    if format == ExportFormat.parquet:
        from eventwire.export.parquet import write_parquet

        write_parquet(rows, output)  # type: ignore[arg-type]
    elif output is not None:
        with open(output, "w", encoding="utf-8", newline="") as out:
            _write(rows, format.value, out)
    else:
        _write(rows, format.value)
    err.print(f"{len(rows)} event(s) exported", highlight=False)


@app.command()
def history(
    event_id: Annotated[str, typer.Argument(help="Event id.")],
    db: StoreOption = DEFAULT_DB,
) -> None:
    """Show the revision log of one event."""
    import json

    from eventwire.store import open_store

    with open_store(_existing_store(db)) as store:
        rows = store.history(event_id)
    if not rows:
        _fail(f"no event {event_id!r} in {store.where}")
    for row in rows:
        sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")


@app.command()
def demo(
    db: StoreOption = DEFAULT_DB,
) -> None:
    """Ingest the bundled sample dispatch (AFP, 18 Oct 2023) and print its events table."""
    from eventwire.export import render_table
    from eventwire.models import Skip
    from eventwire.pipeline import process_inputs
    from eventwire.store import EventFilters, open_store
    from eventwire.store.locations import store_location

    with open_store(store_location(db)) as store:
        for item in process_inputs([str(SAMPLE)], published=date(2023, 10, 18)):
            if isinstance(item, Skip):
                _fail(f"the bundled sample was skipped: {item.reason}: {item.detail}")
            store.write_result(item)
        rows = store.events(EventFilters(order_by="event_date"))
        counts = store.counts()
    shown = store.where
    Console(width=200 if not sys.stdout.isatty() else None).print(render_table(rows, title=f"Events in {shown}"))
    err.print(f"{counts['documents']} document(s), {counts['events']} event(s) in {shown}", highlight=False)


@app.command("eval")
def eval_(
    gold: Annotated[Path, typer.Argument(help="Gold records (JSONL, docs/GOLD_FORMAT.md).")],
    per_document: Annotated[bool, typer.Option("--per-document", help="Per-article misses and false events.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="End with one JSON line of the figures.")] = False,
    show_breakdown: Annotated[
        bool,
        typer.Option(
            "--breakdown",
            help="Misses and false events by reason, and the sub-event type confusion.",
        ),
    ] = False,
    limit: Annotated[int | None, typer.Option(min=1, help="Score the file's first N articles only.")] = None,
) -> None:
    """Score the pipeline against gold records (precision, recall of gold events matched, F1,
    field accuracy)."""
    from eventwire.evaluate.cli_eval import eval_command

    raise typer.Exit(eval_command(gold, per_document, as_json, show_breakdown=show_breakdown, limit=limit))


@app.command()
def geoparse(
    inputs: Annotated[list[str], typer.Argument(help="Text/HTML files, folders or JSONL batches.")],
    published: PublishedOption = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="jsonl or table.")] = Format.jsonl,
    toponyms: Annotated[
        bool,
        typer.Option(
            "--toponyms",
            help="Every toponym, as geoparsing gold standards count them: also demonyms, "
            "places inside organisations' names and unknown buildings placed at the main town (see `relation`).",
        ),
    ] = False,
    geo_profile: Annotated[
        str,
        typer.Option(
            "--geo-profile",
            help="Detector profile: 'conflict' (default) or 'us-local' (also the "
            "detectors written for US local news: counties, sheriffs, 'D-Monongalia').",
        ),
    ] = "conflict",
) -> None:
    """Print each place mention with its span and the place it resolves to."""
    import json

    from eventwire.export.places import place_row, render_place_table
    from eventwire.gazetteer import load_gazetteer
    from eventwire.geoparse import GEO_PROFILES, find_place_mentions, find_toponyms
    from eventwire.ingest import read_inputs
    from eventwire.models import Skip
    from eventwire.nlp.pipelines import analyze

    if geo_profile not in GEO_PROFILES:
        raise typer.BadParameter(f"expected one of {', '.join(GEO_PROFILES)}", param_hint="--geo-profile")
    _check_inputs(inputs)
    rows = []
    for item in read_inputs(inputs, published=_parse_date(published, "--published")):
        if isinstance(item, Skip):
            _report_skip(item)
            continue
        analyzed = analyze(item)
        find = find_toponyms if toponyms else find_place_mentions
        for pm in find(item.text, analyzed.doc, lang=item.lang, gazetteer=load_gazetteer(), profile=geo_profile):
            row = place_row(item.id, pm)
            rows.append(row)
            if format == Format.jsonl:
                sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    if format != Format.jsonl:
        Console().print(render_place_table(rows))


@app.command()
def serve(
    db: StoreOption = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            help="Bearer token for writes (or env EVENTWIRE_TOKEN); a random one is made and printed when absent."
        ),
    ] = None,
    private: Annotated[
        bool | None,
        typer.Option(
            "--private/--public",
            help="Require the token for reads too (or env EVENTWIRE_PRIVATE=1).",
        ),
    ] = None,
    allowed_host: Annotated[
        list[str] | None,
        typer.Option(
            help="Host name the server answers to (repeat; '*' for any; or env EVENTWIRE_ALLOWED_HOSTS); "
            "default: localhost and --host."
        ),
    ] = None,
    max_body_bytes: Annotated[
        int | None,
        typer.Option(min=1, help="Largest request body (413 beyond; or env EVENTWIRE_MAX_BODY_BYTES)."),
    ] = None,
    workers: Annotated[int, typer.Option(min=1, help="Server processes (one per core serves more clients).")] = 1,
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True)] = 0,
) -> None:
    """Serve the web app (map, timeline, event pages) and the HTTP API over the event store."""
    from eventwire.api import ApiSettings
    from eventwire.api.serve import serve as serve_api

    _setup_logging(verbose)
    settings = ApiSettings.from_env(
        db=db,
        token=token,
        private=private,
        bind_host=host,
        allowed_hosts=tuple(allowed_host or ()),
        max_body_bytes=max_body_bytes,
    )
    try:
        serve_api(
            settings,
            host=host,
            port=port,
            verbose=verbose,
            workers=workers,
            say=lambda line: err.print(line, highlight=False),
        )
    except EventwireError as e:
        _fail(str(e))


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    app()
