"""``oppdrag config``: the settings in effect, and the file each came from."""

from __future__ import annotations

import json

import typer

from oppdrag.cli.options import ConfigOption


def config(config_file: ConfigOption = None) -> None:
    """Show the effective settings and the file each came from."""
    from oppdrag.cli.run import settings  # noqa: PLC0415
    from oppdrag.visible import json_escaped  # noqa: PLC0415

    loaded = settings(config_file)
    source = (
        str(loaded.source) if loaded.source else "(defaults: no settings file found)"
    )
    check = loaded.check_settings().model_dump(mode="json", by_alias=True)
    explicitly = loaded.check.model_fields_set if loaded.check is not None else set()
    document = {
        "source": source,
        "settings": {
            key: {
                "value": value,
                "from": source if key.replace("-", "_") in explicitly else "default",
            }
            for key, value in check.items()
        },
        "classify": {
            "value": loaded.classify.model_dump(mode="json") if loaded.classify else {},
            "from": source if loaded.changes_rulebook else "default",
        },
    }
    typer.echo(json_escaped(json.dumps(document, ensure_ascii=False, indent=2)))
