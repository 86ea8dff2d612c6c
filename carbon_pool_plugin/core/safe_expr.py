"""Whitelist expression parser for allometric equations (vectorized with numpy).

The text is parsed with :func:`ast.parse` in expression mode and the tree is checked node by node
against a whitelist; nothing in the text is ever executed by Python. The checked tree is compiled
once into nested closures that evaluate numpy arrays (no per-element Python loop).

Grammar accepted:
- numbers (int/float literals), names from the caller's allowed set;
- binary ``+ - * / **`` and ``^`` (power, rewritten to ``**`` before parsing), unary ``-``/``+``;
- parentheses;
- calls ``exp, log (natural), ln, log10, sqrt, abs, min, max (elementwise), pow``.

Anything else (attributes, subscripts, dunder names, other calls, lambdas, comprehensions,
strings, keyword arguments, comparisons, boolean operators...) raises :class:`ExpressionError`
with the offending construct and its column.
"""

from __future__ import annotations

import ast
from typing import Callable, Dict, FrozenSet, Iterable, List, Mapping, Tuple, Union

import numpy as np

MAX_LENGTH = 1000
MAX_DEPTH = 50
MAX_CONST_EXPONENT = 100.0

#: Predictor names understood by the equation library.
PREDICTORS: Tuple[str, ...] = ("D", "H", "WD", "E", "Hs", "D0")
#: Coefficient symbols usable in form templates.
COEFFICIENTS: Tuple[str, ...] = ("a", "b", "c", "d", "e", "f")

ArrayLike = Union[np.ndarray, float, int]
_Fn = Callable[[Mapping[str, ArrayLike]], np.ndarray]


class ExpressionError(ValueError):
    """Raised for an expression that is not allowed or cannot be evaluated."""

    def __init__(self, message: str, col: int | None = None, text: str | None = None):
        self.col = col
        self.text = text
        self.message = message
        full = message
        if col is not None:
            full = f"{message} (at column {col + 1})"
            if text is not None:
                full += "\n  {}\n  {}^".format(text, " " * col)
        super().__init__(full)


def _ln(x: np.ndarray) -> np.ndarray:
    return np.log(x)


def _min(*args: np.ndarray) -> np.ndarray:
    out = args[0]
    for a in args[1:]:
        out = np.minimum(out, a)
    return out


def _max(*args: np.ndarray) -> np.ndarray:
    out = args[0]
    for a in args[1:]:
        out = np.maximum(out, a)
    return out


# name -> (callable, min args, max args or None)
_FUNCTIONS: Dict[str, Tuple[Callable[..., np.ndarray], int, int | None]] = {
    "exp": (np.exp, 1, 1),
    "log": (_ln, 1, 1),
    "ln": (_ln, 1, 1),
    "log10": (np.log10, 1, 1),
    "sqrt": (np.sqrt, 1, 1),
    "abs": (np.abs, 1, 1),
    "min": (_min, 2, None),
    "max": (_max, 2, None),
    "pow": (np.power, 2, 2),
}

FUNCTION_NAMES: FrozenSet[str] = frozenset(_FUNCTIONS)

_BINOPS: Dict[type, Callable[[np.ndarray, np.ndarray], np.ndarray]] = {
    ast.Add: np.add,
    ast.Sub: np.subtract,
    ast.Mult: np.multiply,
    ast.Div: np.true_divide,
    ast.Pow: np.power,
}

_NODE_LABELS = {
    "Attribute": "attribute access",
    "Subscript": "subscript/indexing",
    "Lambda": "lambda",
    "ListComp": "list comprehension",
    "SetComp": "set comprehension",
    "DictComp": "dict comprehension",
    "GeneratorExp": "generator expression",
    "List": "list literal",
    "Tuple": "tuple literal",
    "Set": "set literal",
    "Dict": "dict literal",
    "Compare": "comparison",
    "BoolOp": "boolean operator",
    "IfExp": "conditional expression",
    "NamedExpr": "assignment expression",
    "JoinedStr": "f-string",
    "Starred": "starred argument",
    "Await": "await",
    "Yield": "yield",
    "YieldFrom": "yield",
}


def _preprocess(text: str) -> Tuple[str, List[int]]:
    """Replace ``^`` by ``**``; return new text and original positions of each ``^``."""
    carets = [i for i, ch in enumerate(text) if ch == "^"]
    return text.replace("^", "**"), carets


class CompiledExpression:
    """A checked, compiled expression. Evaluate with :meth:`evaluate`."""

    def __init__(self, text: str, names: FrozenSet[str], functions: FrozenSet[str], fn: _Fn):
        self.text = text
        self.names = names
        self.functions = functions
        self._fn = fn

    def evaluate(self, env: Mapping[str, ArrayLike]) -> np.ndarray:
        """Evaluate on numpy arrays / scalars (broadcast). Overflow gives inf/NaN, not an error."""
        missing = sorted(n for n in self.names if n not in env)
        if missing:
            raise ExpressionError(
                "No value supplied for {} in expression {!r}".format(", ".join(missing), self.text)
            )
        arrays = {n: np.asarray(env[n], dtype=float) for n in self.names}
        with np.errstate(all="ignore"):
            out = self._fn(arrays)
        return np.asarray(out, dtype=float)

    def __repr__(self) -> str:
        return f"CompiledExpression({self.text!r})"


class _Compiler:
    def __init__(
        self, text: str, pre: str, carets: List[int], allowed: FrozenSet[str], lead: int = 0
    ):
        self.lead = lead
        self.text = text
        self.pre = pre
        self.carets = carets
        self.allowed = allowed
        self.names: set = set()
        self.functions: set = set()

    # -- error helpers ---------------------------------------------------------------------
    def _orig_col(self, col: int | None) -> int | None:
        if col is None:
            return None
        # each '^' became two characters; map the column back to the original text
        shift = 0
        for i, pos in enumerate(self.carets):
            if pos + i < col:  # position of this caret in the preprocessed text
                shift += 1
        return max(col - shift, 0)

    def error(self, message: str, node: ast.AST | None = None) -> ExpressionError:
        col = getattr(node, "col_offset", None) if node is not None else None
        if col is not None:
            col += self.lead
        return ExpressionError(message, self._orig_col(col), self.text)

    # -- constant folding for exponent guard -------------------------------------------------
    def const_value(self, node: ast.AST) -> float | None:
        """Float value of a name-free subtree, or None when it contains names/calls."""
        if isinstance(node, ast.Constant):
            value = node.value
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                return None
            try:
                return float(value)
            except OverflowError:
                return float("inf")
        if isinstance(node, ast.UnaryOp):
            if not isinstance(node.op, (ast.USub, ast.UAdd)):
                return None
            v = self.const_value(node.operand)
            if v is None:
                return None
            return -v if isinstance(node.op, ast.USub) else v
        if isinstance(node, ast.BinOp):
            if type(node.op) not in _BINOPS:
                return None
            left = self.const_value(node.left)
            right = self.const_value(node.right)
            if left is None or right is None:
                return None
            with np.errstate(all="ignore"):
                return float(_BINOPS[type(node.op)](np.float64(left), np.float64(right)))
        return None

    # -- compile -----------------------------------------------------------------------------
    def compile(self, node: ast.AST, depth: int) -> _Fn:
        if depth > MAX_DEPTH:
            raise self.error(f"Expression nests deeper than {MAX_DEPTH} levels", node)

        if isinstance(node, ast.Constant):
            value = node.value
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                kind = "string" if isinstance(value, (str, bytes)) else type(value).__name__
                raise self.error(f"{kind} literal {value!r} is not allowed", node)
            try:
                fval = float(value)
            except OverflowError:
                raise self.error("Number is too large", node) from None
            if not np.isfinite(fval):
                raise self.error("Number is too large", node)
            const = np.float64(fval)
            return lambda env: const  # type: ignore[return-value]

        if isinstance(node, ast.Name):
            name = node.id
            if name.startswith("_"):
                raise self.error(f"Name {name!r} is not allowed (underscore names)", node)
            if name in FUNCTION_NAMES:
                raise self.error(f"Function {name!r} must be called with arguments", node)
            if name not in self.allowed:
                raise self.error(
                    "Unknown name {!r}; allowed: {}".format(name, ", ".join(sorted(self.allowed))),
                    node,
                )
            self.names.add(name)
            return lambda env: env[name]  # type: ignore[return-value]

        if isinstance(node, ast.UnaryOp):
            if isinstance(node.op, ast.USub):
                inner = self.compile(node.operand, depth + 1)
                return lambda env: np.negative(inner(env))
            if isinstance(node.op, ast.UAdd):
                return self.compile(node.operand, depth + 1)
            raise self.error(f"Operator {type(node.op).__name__} is not allowed", node)

        if isinstance(node, ast.BinOp):
            op = _BINOPS.get(type(node.op))
            if op is None:
                raise self.error(
                    f"Operator {type(node.op).__name__} is not allowed (use + - * / ** ^)",
                    node,
                )
            if isinstance(node.op, ast.Pow):
                self._check_exponent(node.right, node)
            left = self.compile(node.left, depth + 1)
            right = self.compile(node.right, depth + 1)
            return lambda env: op(left(env), right(env))

        if isinstance(node, ast.Call):
            return self._compile_call(node, depth)

        label = _NODE_LABELS.get(type(node).__name__, type(node).__name__)
        raise self.error(f"{label} is not allowed", node)

    def _check_exponent(self, exponent: ast.AST, where: ast.AST) -> None:
        value = self.const_value(exponent)
        if value is not None and (not np.isfinite(value) or abs(value) > MAX_CONST_EXPONENT):
            raise self.error(
                f"Constant exponent {value:g} exceeds the limit of {MAX_CONST_EXPONENT:g}",
                exponent if hasattr(exponent, "col_offset") else where,
            )

    def _compile_call(self, node: ast.Call, depth: int) -> _Fn:
        if not isinstance(node.func, ast.Name):
            raise self.error("Only calls to plain function names are allowed", node)
        fname = node.func.id
        if fname not in _FUNCTIONS:
            raise self.error(
                "Function {!r} is not allowed; allowed: {}".format(
                    fname, ", ".join(sorted(FUNCTION_NAMES))
                ),
                node,
            )
        if node.keywords:
            raise self.error(f"Keyword arguments are not allowed in {fname}()", node)
        for arg in node.args:
            if isinstance(arg, ast.Starred):
                raise self.error("Starred arguments are not allowed", arg)
        func, nmin, nmax = _FUNCTIONS[fname]
        n = len(node.args)
        if n < nmin or (nmax is not None and n > nmax):
            want = str(nmin) if nmin == nmax else (f"at least {nmin}")
            raise self.error(f"{fname}() takes {want} argument(s), got {n}", node)
        if fname == "pow":
            self._check_exponent(node.args[1], node)
        self.functions.add(fname)
        args = [self.compile(a, depth + 1) for a in node.args]
        if len(args) == 1:
            only = args[0]
            return lambda env: func(only(env))
        return lambda env: func(*[a(env) for a in args])


def compile_expression(text: str, allowed_names: Iterable[str]) -> CompiledExpression:
    """Parse and check ``text``; return a :class:`CompiledExpression`.

    ``allowed_names`` are the variable names the expression may use (e.g. predictors
    ``D, H, WD, E, Hs, D0``, earlier component names such as ``stem``, coefficients ``a..f``).
    """
    if not isinstance(text, str):
        raise ExpressionError(f"Expression must be a string, got {type(text).__name__}")
    if len(text) > MAX_LENGTH:
        raise ExpressionError(f"Expression is {len(text)} characters long (limit {MAX_LENGTH})")
    if not text.strip():
        raise ExpressionError("Expression is empty")
    allowed = frozenset(str(n) for n in allowed_names)
    bad = sorted(n for n in allowed if not n.isidentifier() or n.startswith("_"))
    if bad:
        raise ExpressionError("Invalid allowed name(s): {}".format(", ".join(bad)))
    # newlines/tabs -> spaces keeps every column offset valid on a single line
    pre, carets = _preprocess(text.replace("\r", " ").replace("\n", " ").replace("\t", " "))
    lead = len(pre) - len(pre.lstrip())
    comp = _Compiler(text, pre, carets, allowed, lead)
    try:
        tree = ast.parse(pre.strip(), mode="eval")
    except SyntaxError as exc:
        col = (exc.offset - 1 + lead) if exc.offset else None
        raise ExpressionError(f"Syntax error: {exc.msg}", comp._orig_col(col), text) from None
    except (RecursionError, MemoryError, ValueError) as exc:
        raise ExpressionError(f"Expression cannot be parsed: {exc}") from None
    try:
        fn = comp.compile(tree.body, 1)
    except RecursionError:
        raise ExpressionError(f"Expression nests deeper than {MAX_DEPTH} levels") from None
    return CompiledExpression(text, frozenset(comp.names), frozenset(comp.functions), fn)


def evaluate_expression(
    text: str, env: Mapping[str, ArrayLike], allowed_names: Iterable[str] | None = None
) -> np.ndarray:
    """Convenience: compile ``text`` (allowed names default to ``env`` keys) and evaluate it."""
    names = env.keys() if allowed_names is None else allowed_names
    return compile_expression(text, names).evaluate(env)
