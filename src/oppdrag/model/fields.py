"""What the models say about a data path: its field, allowed keys and choices."""

from __future__ import annotations

import types
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from oppdrag.diagnostics import DataPath


@dataclass(frozen=True, slots=True)
class FieldAt:
    """What the schema knows about the place a data path points to."""

    name: str | None
    info: FieldInfo | None
    # The keys allowed in the mapping that holds this path's last part.
    sibling_keys: tuple[str, ...]
    # The allowed values, when the place holds a choice from a fixed list.
    choices: tuple[str, ...]


def field_at(root: type[BaseModel], path: DataPath) -> FieldAt:
    """Follow ``path`` through the model classes, as far as they go."""
    current: Any = root
    holder: type[BaseModel] | None = root
    name: str | None = None
    info: FieldInfo | None = None
    for part in path:
        model = _model_of(current)
        if isinstance(part, str) and model is not None and part in model.model_fields:
            holder, name, info = model, part, model.model_fields[part]
            current = info.annotation
        elif isinstance(part, int):
            current = _item_type(current)
        else:
            holder = model
            name, info, current = part, None, None
            break
    keys = tuple(holder.model_fields) if holder is not None else ()
    return FieldAt(name, info, keys, _choices(current))


def _unwrap(annotation: Any) -> list[Any]:
    """The member types of an annotation, without Annotated, Optional and unions."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _unwrap(get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        return [t for arg in get_args(annotation) for t in _unwrap(arg)]
    return [annotation]


def _model_of(annotation: Any) -> type[BaseModel] | None:
    for member in _unwrap(annotation):
        if isinstance(member, type) and issubclass(member, BaseModel):
            return member
    return None


def _item_type(annotation: Any) -> Any:
    for member in _unwrap(annotation):
        if get_origin(member) is list:
            return get_args(member)[0]
    return None


def _choices(annotation: Any) -> tuple[str, ...]:
    values: list[str] = []
    for member in _unwrap(annotation):
        if get_origin(member) is Literal:
            values.extend(str(v) for v in get_args(member))
    return tuple(values)
