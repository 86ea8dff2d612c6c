"""Whitelist expression parser (plugin design: ast walker, never Python's own evaluation)."""

from __future__ import annotations

import time

import numpy as np
import pytest

from carbon_pool_plugin.core.safe_expr import (
    MAX_LENGTH,
    ExpressionError,
    compile_expression,
    evaluate_expression,
)

NAMES = {"D", "H", "WD", "E", "Hs", "D0", "a", "b"}


def test_ogawa_stem_vectorized() -> None:
    # TGO T-VER-S-TOOL-01-01 Table 1 general species stem: 0.0396 (D^2 H)^0.933; D30/H20 -> 369.71
    expr = compile_expression("0.0396*(D^2*H)^0.933", NAMES)
    assert expr.names == frozenset({"D", "H"})
    out = expr.evaluate({"D": np.array([30.0, 10.0]), "H": np.array([20.0, 8.0])})
    assert out == pytest.approx([369.71, 20.24], abs=0.01)


def test_caret_is_power_and_precedence() -> None:
    assert evaluate_expression("2^3 + 1", {}) == pytest.approx(9.0)
    assert evaluate_expression("-D^2", {"D": 3.0}) == pytest.approx(-9.0)
    assert evaluate_expression("2^-1", {}) == pytest.approx(0.5)


def test_functions() -> None:
    env = {"D": np.array([1.0, 5.0]), "H": 4.0}
    out = evaluate_expression(
        "min(D, H, 3) + ln(D) + log(D) + log10(H) + pow(D, 2) + abs(-D) + sqrt(H) + max(D, H)"
        " + exp(0)",
        env,
    )
    d = env["D"]
    expected = np.minimum(np.minimum(d, 4.0), 3.0) + 2 * np.log(d) + np.log10(4.0) + d**2 + d
    expected = expected + 2.0 + np.maximum(d, 4.0) + 1.0
    assert out == pytest.approx(expected)


def test_overflow_gives_inf_not_error() -> None:
    out = evaluate_expression("exp(D*1000) + 1/(D-D)", {"D": np.array([1.0])})
    assert not np.isfinite(out[0])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("__import__('os')", "not allowed"),
        ("().__class__", "attribute access"),
        ("D.real", "attribute access"),
        ("[x for x in D]", "list comprehension"),
        ("lambda: 1", "lambda"),
        ("2**10**10", "exponent"),
        ("D^200", "exponent"),
        ("'a'", "string"),
        ("open('f')", "Function 'open' is not allowed"),
        ("D[0]", "subscript"),
        ("exp(D, x=1)", "Keyword"),
        ("D if H else 1", "conditional"),
        ("D < H", "comparison"),
        ("x + 1", "Unknown name 'x'"),
        ("_secret", "underscore"),
        ("exp", "must be called"),
        ("max(D)", "max() takes"),
        ("D +* 2", "Syntax error"),
        ("1e400", "too large"),
        ("D // 2", "FloorDiv"),
        ("", "empty"),
    ],
)
def test_rejections(text: str, message: str) -> None:
    with pytest.raises(ExpressionError) as info:
        compile_expression(text, NAMES)
    assert message in str(info.value)


def test_error_reports_column() -> None:
    with pytest.raises(ExpressionError) as info:
        compile_expression("D + H.real", NAMES)
    assert info.value.col == 4
    assert "column 5" in str(info.value)
    # '^' is rewritten to '**' before parsing; the column still refers to the original text
    with pytest.raises(ExpressionError) as info:
        compile_expression("D^2 + q", NAMES)
    assert info.value.col == 6


def test_limits() -> None:
    with pytest.raises(ExpressionError, match="characters long"):
        compile_expression("D+" * (MAX_LENGTH // 2) + "D", NAMES)
    with pytest.raises(ExpressionError, match="deeper"):
        compile_expression("-" * 80 + "D", NAMES)
    start = time.monotonic()
    with pytest.raises(ExpressionError):
        compile_expression("9**9**9**9", NAMES)
    assert time.monotonic() - start < 1.0


def test_missing_env_value() -> None:
    expr = compile_expression("a*D^b", NAMES)
    with pytest.raises(ExpressionError, match="No value supplied for b"):
        expr.evaluate({"D": 1.0, "a": 2.0})
