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


def test_message_survives_copy_and_pickle():
    """A core Message whose values contain braces (an error text) copies and pickles intact."""
    import copy
    import pickle

    from carbon_pool_plugin.core.messages import Message

    msg = Message("{label}: could not refit ({error})", label="x", error="bad {x}")
    assert msg == "x: could not refit (bad {x})"
    for clone in (copy.copy(msg), copy.deepcopy(msg), pickle.loads(pickle.dumps(msg))):
        assert clone == msg and isinstance(clone, Message)
        assert clone.template == msg.template and clone.params == msg.params


def test_long_codes_are_cut_with_a_hash():
    """90 Thai letters are 270 UTF-8 bytes, more than a file system allows for one name."""
    from carbon_pool_plugin.core.names import MAX_NAME_BYTES

    long_code = "ก" * 90
    name = safe_file_name(long_code)
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES
    assert name.endswith("_" + short_hash(long_code)) and name.startswith("ก" * 30)
    assert safe_file_name("ก" * 91) != name  # distinct codes stay distinct
