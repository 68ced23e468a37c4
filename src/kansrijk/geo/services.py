"""Services that change the geography: loading the versioned gebiedsindeling file."""

from __future__ import annotations

from pathlib import Path

from kansrijk.geo.loader import AreaCounts, GeoLoadResult, GeoModels, apply_fixture, read_fixture
from kansrijk.geo.models import Gebied, GeoDataVersion, PostcodeArea, Stadsdeel, Wijk

__all__ = ["AreaCounts", "GeoLoadResult", "geo_load_fixture"]


def geo_load_fixture(*, path: Path | None = None) -> GeoLoadResult:
    """Load the gebiedsindeling file (the packaged one unless `path` is given).

    Idempotent and atomic: the whole file is validated first, and any problem raises ValueError
    listing all problems without changing anything. Otherwise stadsdelen, gebieden, wijken and
    postcodes are upserted by code in one transaction; rows no longer in the file are deleted when
    nothing refers to them (and counted as kept when something does).
    """
    return apply_fixture(
        read_fixture(path),
        GeoModels(
            version=GeoDataVersion,
            stadsdeel=Stadsdeel,
            gebied=Gebied,
            wijk=Wijk,
            postcode=PostcodeArea,
        ),
    )
