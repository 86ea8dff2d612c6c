"""The user-equation parser refuses every code-injection attempt with a clear ExpressionError
(issue 11). Complements tests/unit/test_safe_expr.py.

Each attempt must be refused *quickly* (no hang on huge exponents or deep nesting), with an
:class:`ExpressionError` (never another exception type), and the message must say what is wrong.
Nothing may run: a canary checks no attempt had a side effect.
"""

from __future__ import annotations

import builtins
import time

import numpy as np
import pytest

from carbon_pool_plugin.core.equations import EquationLibrary
from carbon_pool_plugin.core.safe_expr import (
    MAX_DEPTH,
    MAX_LENGTH,
    ExpressionError,
    compile_expression,
)

NAMES = {"D", "H", "WD", "E", "Hs", "D0", "a", "b"}

ATTEMPTS = [
    # attribute access / dunder walks
    ("().__class__.__bases__[0].__subclasses__()", "plain function names"),
    ("D.__class__", "attribute access"),
    ("exp.__globals__", "attribute access"),
    ("(1).__add__(2)", "plain function names"),
    ("exp((1).__add__)", "attribute access"),
    ("__builtins__", "underscore"),
    ("__import__('os').system('touch /tmp/pwned')", "plain function names"),
    ("__import__('os')", "not allowed"),
    ("_", "underscore"),
    ("D.real", "attribute access"),
    # names that are not predictors or functions
    ("os", "Unknown name 'os'"),
    ("open('/etc/passwd')", "Function 'open' is not allowed"),
    ("eval('1')", "Function 'eval' is not allowed"),
    ("exec('import os')", "Function 'exec' is not allowed"),
    ("getattr(D, 'real')", "Function 'getattr' is not allowed"),
    ("globals()", "Function 'globals' is not allowed"),
    ("breakpoint()", "Function 'breakpoint' is not allowed"),
    ("exp(D)(1)", "plain function names"),
    # statements and imports (expression mode: a syntax error)
    ("import os", "Syntax error"),
    ("from os import system", "Syntax error"),
    ("D; import os", "Syntax error"),
    ("D\nimport os", "Syntax error"),
    ("x = 1", "Syntax error"),
    ("del D", "Syntax error"),
    # lambdas, comprehensions, generators, containers
    ("lambda: 1", "lambda"),
    ("(lambda x: x)(D)", "plain function names"),
    ("[x for x in (1, 2)]", "list comprehension"),
    ("{x for x in (1, 2)}", "set comprehension"),
    ("{x: 1 for x in (1, 2)}", "dict comprehension"),
    ("max(x for x in (1, 2))", "max() takes"),
    ("max(D, (x for x in (1, 2)))", "generator expression"),
    ("[1, 2]", "list literal"),
    ("(1, 2)", "tuple literal"),
    ("{1: 2}", "dict literal"),
    ("D[0]", "subscript"),
    # f-strings, strings, bytes
    ("f'{D}'", "f-string"),
    ("f'{__import__(\"os\")}'", "f-string"),
    ("'abc'", "string"),
    ("b'abc'", "string"),
    # walrus, starred, keywords, conditionals, comparisons, boolean ops, await/yield
    ("(x := 1)", "assignment expression"),
    ("max(*D)", "Starred"),
    ("max(D, **{'a': 1})", "Keyword"),
    ("exp(x=1)", "Keyword"),
    ("D if D else H", "conditional"),
    ("D < H", "comparison"),
    ("D and H", "boolean operator"),
    ("not D", "Operator Not"),
    ("~D", "Operator Invert"),
    ("D @ H", "MatMult"),
    ("D % 2", "Mod"),
    ("D << 2", "LShift"),
    ("D // 2", "FloorDiv"),
    ("await D", "await"),
    ("(yield D)", "yield"),
    ("...", "Ellipsis"),
    ("None", "NoneType"),
    ("True", "bool"),
    ("1j", "complex"),
    # huge exponents that would hang or blow up an interpreter that folded constants
    ("9**9**9", "exponent"),
    ("9^9^9", "exponent"),
    ("(D**2)**999999", "exponent"),
    ("D**1e6", "exponent"),
    ("pow(D, 10**10)", "exponent"),
    ("pow(D, 9**9**9)", "exponent"),
    ("D**-1000", "exponent"),
    ("2**(10**100)", "exponent"),
    ("1" + "0" * 400, "too large"),
    ("1e999", "too large"),
    # deep nesting and very long input
    ("(" * 499 + "D" + ")" * 499, "nest"),  # 999 characters: under the length limit
    ("-" * 300 + "D", "nest"),
    ("exp(" * 120 + "D" + ")" * 120, "nest"),
    ("+".join(["D"] * 200), "nest"),
    ("D+" * 600 + "D", "long"),
    ("D" * (MAX_LENGTH + 1), "long"),
    ("1" * 100_000, "long"),
    # odd characters
    ("D\x00", "not"),
    ("", "empty"),
    ("   ", "empty"),
]


@pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::SyntaxWarning")
@pytest.mark.parametrize(("text", "reason"), ATTEMPTS, ids=[repr(t)[:40] for t, _ in ATTEMPTS])
def test_injection_refused(text, reason, tmp_path):
    canary = tmp_path / "pwned"
    start = time.perf_counter()
    with pytest.raises(ExpressionError) as info:
        compile_expression(text.replace("/tmp/pwned", str(canary)), NAMES)
    assert time.perf_counter() - start < 1.0, "took too long to refuse"
    message = str(info.value)
    assert reason.lower() in message.lower(), message
    assert "Traceback" not in message
    assert not canary.exists()


@pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::SyntaxWarning")
def test_nothing_is_evaluated_by_python(monkeypatch):
    """The parser never reaches Python's own evaluation, whatever the text: ``eval``/``exec`` are
    never called and ``compile`` only ever builds an AST (that is what ``ast.parse`` does)."""
    import ast

    real_compile = builtins.compile

    def forbidden(*args, **kwargs):  # pragma: no cover - would be the bug
        raise AssertionError("eval/exec called")

    def ast_only(source, filename, mode, flags=0, *args, **kwargs):
        assert flags & ast.PyCF_ONLY_AST, "compile() to bytecode"
        return real_compile(source, filename, mode, flags, *args, **kwargs)

    monkeypatch.setattr(builtins, "eval", forbidden)
    monkeypatch.setattr(builtins, "exec", forbidden)
    monkeypatch.setattr(builtins, "compile", ast_only)
    for text, _reason in ATTEMPTS:
        with pytest.raises(ExpressionError):
            compile_expression(text, NAMES)
    out = compile_expression("0.0396*(D^2*H)^0.933", NAMES).evaluate({"D": 30.0, "H": 20.0})
    assert float(out) == pytest.approx(369.71, abs=0.01)


def test_allowed_names_cannot_smuggle_dunders():
    with pytest.raises(ExpressionError, match="Invalid allowed name"):
        compile_expression("__class__", {"__class__"})
    with pytest.raises(ExpressionError, match="Invalid allowed name"):
        compile_expression("a.b", {"a.b"})


def test_limits_are_what_the_messages_say():
    ok = "(" * (MAX_DEPTH // 2) + "D" + ")" * (MAX_DEPTH // 2)
    assert compile_expression(ok, NAMES).evaluate({"D": 2.0}) == 2.0
    assert compile_expression("D^100", NAMES).evaluate({"D": 2.0}) == 2.0**100


def test_user_equation_pack_with_injection_is_refused(tmp_path):
    """A user CSV pack carrying an injection is rejected when loaded, naming the equation."""
    pack = tmp_path / "pack.csv"
    pack.write_text(
        "equation_id,component,form,expression,predictors,status\n"
        "evil,agb,expr,\"__import__('os').system('touch {}')\",D,active\n".format(
            tmp_path / "pwned"
        ),
        encoding="utf-8",
    )
    library = EquationLibrary.load()
    with pytest.raises(ValueError) as info:
        library.load_pack(str(pack))
    assert "pack.csv line 2" in str(info.value)  # names the file and row
    assert "plain function names" in str(info.value)
    assert not (tmp_path / "pwned").exists()
    assert "evil" not in library
    assert np.isfinite(library.evaluate("chave2014_eq4", D=30.0, H=20.0, WD=0.6).agb)
