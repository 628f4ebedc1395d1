"""The shared layout pass: the page-break rule both document exporters follow."""

from __future__ import annotations

from communique._layout import MIN_TABLE_ROWS, TABLE_START_MIN, table_starts_page


def test_the_section_starts_a_new_page_below_45_mm() -> None:
    assert round(TABLE_START_MIN / 72 * 25.4) == 45
    assert table_starts_page(TABLE_START_MIN - 1, 38, 18.5, [18.5, 18.5, 18.5])
    assert not table_starts_page(TABLE_START_MIN + 1, 38, 18.5, [18.5, 18.5, 18.5])


def test_or_when_its_heading_header_row_and_first_rows_do_not_fit() -> None:
    rows = [51.5, 51.5, 18.5]  # rows of four lines
    start = 38 + 18.5 + sum(rows[:MIN_TABLE_ROWS])
    assert start > TABLE_START_MIN
    assert table_starts_page(start - 1, 38, 18.5, rows)
    assert not table_starts_page(start, 38, 18.5, rows)
    # A one-row table needs its one row only.
    assert not table_starts_page(TABLE_START_MIN, 38, 18.5, [51.5])


def test_the_pdf_exporter_uses_the_same_threshold() -> None:
    from communique.exporters import pdf

    assert abs(pdf._MIN_TABLE_START - TABLE_START_MIN) < 1e-9
