"""The Ray engine of the batch runner (`batch.py`, `--engine ray`): one `CodingActor` per
worker, each holding the pipeline, in a private local Ray of `workers` CPUs or a cluster joined
at `address`. Imported only when that engine runs (it imports Ray); `batch.open_pool` tells a
Ray that cannot start (`RayStartError`) as a BatchError.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from eventwire.batch_worker import ChunkCoder, CodedChunk, warm_up
from eventwire.models import Document

logger = logging.getLogger(__name__)

# Object store of a private local Ray: results are small, and the default (30% of memory)
# would take shared memory the workers' models need.
LOCAL_RAY_OBJECT_STORE_BYTES = 256 * 1024**2
# A private local Ray shares the machine's cores with its workers: its daemons keep no metrics
# and no event statistics, report resources and dump debug state rarely (issue 19: idle Ray of 2
# actors 52 -> 34 CPU ms/s); the log monitor (logs are not streamed here) and the autoscaler's
# monitor (a fixed local cluster) are stopped once it is up (`_quiet_local_ray`).
LOCAL_RAY_SYSTEM_CONFIG: dict[str, Any] = {
    "enable_metrics_collection": False,
    "event_stats": False,
    "metrics_report_interval_ms": 600_000,
    "debug_dump_period_milliseconds": 600_000,
    "raylet_report_resources_period_milliseconds": 1_000,
    "memory_monitor_refresh_ms": 1_000,
}


class RayStartError(Exception):
    """Ray cannot start here, or the cluster to join cannot be reached."""


class CodingActor:
    """A Ray actor holding the pipeline: models loaded and warmed up once, in `__init__`."""

    def __init__(self, coder: ChunkCoder) -> None:
        self._coder = coder
        warm_up(coder)

    def ready(self) -> bool:
        return True

    def code(self, documents: list[Document]) -> CodedChunk:
        return self._coder(documents)


class RayPool:
    """One `CodingActor` per worker, each given chunks while it has fewer than
    CHUNKS_PER_WORKER queued."""

    def __init__(self, workers: int, address: str | None, coder: ChunkCoder) -> None:
        import ray

        self._ray = ray
        self._own = not ray.is_initialized()
        if self._own:
            init_ray(ray, workers, address)
        try:
            # no task events: a chunk's state changes are not reported to Ray's control store (Ray
            # accepts the option for actors; its typed overloads list it for tasks only)
            actor = ray.remote(num_cpus=1, enable_task_events=False)(CodingActor)  # type: ignore[call-overload]
            self._actors: list[Any] = [actor.remote(coder) for _ in range(workers)]
            ray.get([a.ready.remote() for a in self._actors])
        except BaseException:
            self.close()
            raise
        self._load = [0] * len(self._actors)
        self._refs: dict[Any, tuple[int, int]] = {}  # object ref -> (key, actor index)

    def submit(self, key: int, documents: list[Document]) -> None:
        index = min(range(len(self._actors)), key=self._load.__getitem__)
        self._load[index] += 1
        self._refs[self._actors[index].code.remote(documents)] = (key, index)

    def finished(self, *, block: bool = True) -> list[tuple[int, CodedChunk]]:
        if not self._refs:
            return []
        ready, _ = self._ray.wait(list(self._refs), num_returns=1, timeout=None if block else 0)
        others = [ref for ref in self._refs if ref not in ready]
        if ready and others:  # and every other one already done
            ready += self._ray.wait(others, num_returns=len(others), timeout=0)[0]
        done = []
        for ref in ready:
            key, index = self._refs.pop(ref)
            self._load[index] -= 1
            done.append((key, self._ray.get(ref)))
        return done

    def close(self) -> None:
        for actor in getattr(self, "_actors", ()):
            self._ray.kill(actor)
        if self._own:
            self._ray.shutdown()


def init_ray(ray: Any, workers: int, address: str | None) -> None:
    """Start a private local Ray of `workers` CPUs, or join the cluster at `address`; offline:
    no dashboard, no usage statistics. Raises RayStartError."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    # Ray warns on every start that token authentication is on (the README says so once)
    logging.getLogger("ray._private.authentication.authentication_token_setup").setLevel(logging.ERROR)
    settings: dict[str, Any] = {
        "include_dashboard": False,
        "logging_level": logging.WARNING,
        "configure_logging": True,
        # the workers' log lines are not streamed to this process (the writer's CPU is the
        # batch's bottleneck); a document a worker fails on is a recorded skip all the same
        "log_to_driver": False,
    }
    try:
        if address:
            ray.init(address=address, **settings)
        else:
            settings |= {"object_store_memory": LOCAL_RAY_OBJECT_STORE_BYTES, "_system_config": LOCAL_RAY_SYSTEM_CONFIG}
            ray.init(num_cpus=workers, **settings)
            _quiet_local_ray(ray)
    except (ConnectionError, RuntimeError, ValueError) as e:
        raise RayStartError(f"cannot start Ray ({address or 'a local Ray'}): {e}") from None


def _quiet_local_ray(ray: Any) -> None:
    """Stop the log monitor and the autoscaler's monitor of the private local Ray just started:
    they only take CPU from the workers here. Ray's internals: if they change, both stay."""
    try:
        node = ray._private.worker._global_node
        node.kill_log_monitor(check_alive=False)
        node.kill_monitor(check_alive=False)
    except Exception:  # an optimisation only
        logger.debug("Ray's log monitor and autoscaler monitor left running", exc_info=True)
