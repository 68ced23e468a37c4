"""The `kansrijk` console script: Django's management entry point.

Without DJANGO_SETTINGS_MODULE it uses the development settings only when it runs from a source
checkout (the repository, as `make run` and `make test` do); an installed package uses the production
settings, so that a forgotten variable on a server never means DEBUG on and a published secret key.
"""

import os
import sys
from pathlib import Path

DEVELOPMENT = "kansrijk.config.settings.dev"
PRODUCTION = "kansrijk.config.settings.production"
PACKAGE_DIR = Path(__file__).resolve().parent


def source_checkout(package_dir: Path = PACKAGE_DIR) -> bool:
    """Whether the package is `src/kansrijk` of the repository (the same test as `config.env`'s home)."""
    if len(package_dir.parents) < 2:
        return False
    checkout = package_dir.parents[1]
    return (
        package_dir.parent.name == "src"
        and (checkout / "pyproject.toml").is_file()
        and (checkout / "src" / "kansrijk").resolve() == package_dir
    )


def default_settings_module(package_dir: Path = PACKAGE_DIR) -> str:
    return DEVELOPMENT if source_checkout(package_dir) else PRODUCTION


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", default_settings_module())
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
