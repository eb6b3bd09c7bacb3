"""The table objects every figure output renders from.

A protected table carries, per cell, either the value or a suppression
marker; the hidden values are not in it at all, so no template, export or
API can leak them. Labels are kept in every language (a released snapshot
must read the same later), notes as codes with parameters so they are
translated when shown. Everything round-trips through ``to_dict`` /
``from_dict`` for the frozen snapshot of a release."""

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils.translation import get_language

from .suppression import HIDDEN, Mark

Labels = dict[str, str]


def localized(labels: Labels) -> str:
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return labels.get(language) or labels.get(settings.LANGUAGE_CODE) or next(iter(labels.values()), "")


@dataclass(frozen=True)
class Cell:
    value: int | None
    mark: Mark = Mark.SHOWN
    threshold: int = 5
    # Share in percent of the table's base, only where the base allows.
    share: float | None = None

    @property
    def is_hidden(self) -> bool:
        return self.mark in HIDDEN

    @property
    def is_small(self) -> bool:
        return self.mark == Mark.PRIMARY

    @property
    def display(self) -> str:
        """The text shown for the cell, in HTML and in every export."""
        if self.mark == Mark.PRIMARY:
            return f"< {self.threshold}"
        if self.mark in HIDDEN:
            return "x"
        return str(self.value)

    @property
    def share_display(self) -> str:
        return "" if self.share is None else f"{self.share:.0f}%"

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"value": self.value, "mark": str(self.mark), "display": self.display}
        if self.mark == Mark.PRIMARY:
            data["threshold"] = self.threshold
        if self.share is not None:
            data["share"] = round(self.share, 1)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any], threshold: int) -> "Cell":
        return cls(
            value=data["value"],
            mark=Mark(data["mark"]),
            threshold=data.get("threshold", threshold),
            share=data.get("share"),
        )


def shown(value: int) -> Cell:
    return Cell(value=value)


@dataclass(frozen=True)
class Column:
    key: str
    labels: Labels

    @property
    def label(self) -> str:
        return localized(self.labels)


@dataclass(frozen=True)
class Row:
    key: str
    labels: Labels
    cells: tuple[Cell, ...]
    total: Cell | None = None
    # 1 for a sub-category shown under its main category.
    level: int = 0

    @property
    def label(self) -> str:
        return localized(self.labels)

    @property
    def main_cell(self) -> Cell:
        """The cell that stands for the whole row: its total, or its only cell."""
        return self.total if self.total is not None else self.cells[0]

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "key": self.key,
            "labels": self.labels,
            "cells": [cell.to_dict() for cell in self.cells],
        }
        if self.total is not None:
            data["total"] = self.total.to_dict()
        if self.level:
            data["level"] = self.level
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any], threshold: int) -> "Row":
        return cls(
            key=data["key"],
            labels=data["labels"],
            cells=tuple(Cell.from_dict(cell, threshold) for cell in data["cells"]),
            total=Cell.from_dict(data["total"], threshold) if "total" in data else None,
            level=data.get("level", 0),
        )


@dataclass(frozen=True)
class Note:
    """One plain-language explanation, as a code and its parameters; the
    text is made in ``explain.py`` when the note is shown."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        from .explain import note_text

        return note_text(self)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "params": self.params}


@dataclass(frozen=True)
class Table:
    key: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    totals: Row | None = None
    threshold: int = 5
    protected: bool = True
    # The whole table is not shown; ``notes`` say why.
    withheld: bool = False
    notes: tuple[Note, ...] = ()
    # "reports" or "incidents".
    unit: str = "reports"
    # A report can fall in more than one row (grounds, handlings).
    multi_valued: bool = False
    # The column charts and summaries use; default the row total.
    main_column: str = ""

    def main_of(self, row: Row) -> Cell:
        if self.main_column:
            keys = [column.key for column in self.columns]
            return row.cells[keys.index(self.main_column)]
        return row.main_cell

    @property
    def title(self) -> str:
        from .explain import table_title

        return table_title(self.key)

    @property
    def description(self) -> str:
        from .explain import table_description

        return table_description(self.key)

    @property
    def has_row_totals(self) -> bool:
        return any(row.total is not None for row in self.rows)

    @property
    def has_shares(self) -> bool:
        return any(row.main_cell.share is not None for row in self.rows)

    @property
    def hidden_count(self) -> int:
        return sum(
            1
            for row in (*self.rows, *((self.totals,) if self.totals else ()))
            for cell in (*row.cells, *((row.total,) if row.total else ()))
            if cell.is_hidden
        )

    def row(self, key: str) -> Row | None:
        return next((row for row in self.rows if row.key == key), None)

    def row_of(self, key: str) -> Row:
        found = self.row(key)
        if found is None:
            raise KeyError(f"{self.key} has no row {key}")
        return found

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "columns": [{"key": column.key, "labels": column.labels} for column in self.columns],
            "rows": [row.to_dict() for row in self.rows],
            "totals": self.totals.to_dict() if self.totals else None,
            "threshold": self.threshold,
            "protected": self.protected,
            "withheld": self.withheld,
            "notes": [note.to_dict() for note in self.notes],
            "unit": self.unit,
            "multi_valued": self.multi_valued,
            **({"main_column": self.main_column} if self.main_column else {}),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Table":
        threshold = data["threshold"]
        return cls(
            key=data["key"],
            columns=tuple(Column(column["key"], column["labels"]) for column in data["columns"]),
            rows=tuple(Row.from_dict(row, threshold) for row in data["rows"]),
            totals=Row.from_dict(data["totals"], threshold) if data.get("totals") else None,
            threshold=threshold,
            protected=data["protected"],
            withheld=data["withheld"],
            notes=tuple(Note(note["code"], note.get("params", {})) for note in data["notes"]),
            unit=data.get("unit", "reports"),
            multi_valued=data.get("multi_valued", False),
            main_column=data.get("main_column", ""),
        )


@dataclass(frozen=True)
class FigureSet:
    """All tables for one municipality and one year, protected or not."""

    municipality_slug: str
    municipality_name: str
    year: int
    tables: dict[str, Table]
    protected: bool
    thresholds: dict[str, int]
    notes: tuple[Note, ...] = ()

    def __getitem__(self, key: str) -> Table:
        return self.tables[key]

    def get(self, key: str) -> Table | None:
        return self.tables.get(key)

    def to_dict(self) -> dict[str, Any]:
        return {
            "municipality": {"slug": self.municipality_slug, "name": self.municipality_name},
            "year": self.year,
            "protected": self.protected,
            "thresholds": self.thresholds,
            "notes": [note.to_dict() for note in self.notes],
            "tables": {key: table.to_dict() for key, table in self.tables.items()},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "FigureSet":
        return cls(
            municipality_slug=data["municipality"]["slug"],
            municipality_name=data["municipality"]["name"],
            year=data["year"],
            tables={key: Table.from_dict(table) for key, table in data["tables"].items()},
            protected=data["protected"],
            thresholds=data["thresholds"],
            notes=tuple(Note(note["code"], note.get("params", {})) for note in data.get("notes", [])),
        )
