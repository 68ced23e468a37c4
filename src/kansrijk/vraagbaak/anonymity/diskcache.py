"""Derived structures of the guard kept on disk, so that a process does not build them again on start-up
(the `kansrijk vraagbaak check-anonymity` command, a worker, a test run).

A cache file is named after a hash of everything it is built from (a format number, the installed
package's version and its data files), so that a new version of the inputs never reads an old file: it
is built once, offline, from what is installed (no downloads) and written next to the database under
`var/cache/vraagbaak-guard/`. Files are written atomically; when the folder cannot be written, the
structure is built in memory as before. `marshal` keeps it fast (a dictionary of 300,000 words loads in
tens of milliseconds) and safe to read: it holds only strings, numbers and containers of them.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Final

logger = logging.getLogger(__name__)

FORMAT: Final = 1  # raise when the layout of a cached structure changes


def folder() -> Path:
    """`var/cache/vraagbaak-guard` under Kansrijk's home (the checkout, or `KANSRIJK_HOME`)."""
    from kansrijk.config.env import VAR_DIR  # not at import time: the guard reads no settings then

    return VAR_DIR / "cache" / "vraagbaak-guard"


def key(*inputs: bytes | str | Path) -> str:
    """A short hash of the inputs: bytes and strings as they are, a path by its content."""
    digest = hashlib.sha256(str(FORMAT).encode())
    for item in inputs:
        data = item.read_bytes() if isinstance(item, Path) else item.encode() if isinstance(item, str) else item
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()[:20]


def cached(name: str, inputs: Iterable[bytes | str | Path], build: Callable[[], Any]) -> Any:
    """The structure `build()` returns, read from the cache file for `name` and `inputs` when there is one
    (and written there when there is not)."""
    try:
        path = folder() / f"{name}-{key(*inputs)}.marshal"
    except OSError:
        return build()
    try:
        return marshal.loads(path.read_bytes())  # noqa: S302  # our own file, only plain data
    except FileNotFoundError:
        pass
    except (OSError, EOFError, ValueError, TypeError):
        logger.warning("vraagbaak.anonymity: cache file %s unreadable, building it again", path.name)
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{name}-", suffix=".tmp")
        with os.fdopen(handle, "wb") as file:
            marshal.dump(value, file)
        os.replace(temporary, path)
        for old in path.parent.glob(f"{name}-*.marshal"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as error:
        logger.info("vraagbaak.anonymity: cannot write the cache file %s (%s)", path, error)
    return value
