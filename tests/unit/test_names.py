"""File and folder names from municipality codes (core/names.py)."""

from __future__ import annotations

import pytest

from carbon_pool_plugin.core.names import safe_file_name, short_hash, unique_folder_names


@pytest.mark.parametrize(
    "text, expected",
    [
        ("TH-SAMPLE-01", "TH-SAMPLE-01"),  # ASCII codes unchanged (resume keeps its folders)
        ("บางพลี", "บางพลี"),  # Thai letters and combining vowels/tone marks kept
        ("เทศบาลนคร ขอนแก่น", "เทศบาลนคร_ขอนแก่น"),
        ("A/1", "A_1"),
        ("a:b*c?", "a_b_c"),
        ("..", "municipality"),
        (".hidden", "hidden"),
        ("", "municipality"),
        ("CON", "municipality_CON"),  # a Windows device name
        ("nul.txt", "municipality_nul.txt"),
    ],
)
def test_safe_file_name(text, expected):
    assert safe_file_name(text) == expected


def test_unique_folder_names_never_collide():
    codes = ["บางพลี", "บางบ่อ", "A/1", "A 1", "a", "A", "B"]
    names = unique_folder_names(codes)
    assert names["บางพลี"] == "บางพลี" and names["บางบ่อ"] == "บางบ่อ" and names["B"] == "B"
    # clashes (ignoring case, as on Windows) keep the readable part plus a stable hash
    assert names["A/1"] == "A_1_" + short_hash("A/1") and names["A 1"] == "A_1_" + short_hash("A 1")
    assert names["a"] == "a_" + short_hash("a") and names["A"] == "A_" + short_hash("A")
    assert len({n.lower() for n in names.values()}) == len(codes)
    assert short_hash("A/1") == "22e44c46"  # sha1("A/1")[:8], fixed so folder names are stable
