"""Messages from the core that the adapters show in the user's language.

The core has no Qt and no translator; a :class:`Message` is an ordinary ``str`` (the English text,
so logs, tests and data files are unchanged) that also keeps its template and values. The
adapters pass it through :func:`carbon_pool_plugin.i18n.localize`, which formats the translated
template (``scripts/i18n_extract.py`` collects ``Message("…")`` templates like ``tr("…")``).
"""

from __future__ import annotations

from typing import Any


class Message(str):
    """``Message("Median DBH is {med:.1f} cm", med=172.4)`` == ``"Median DBH is 172.4 cm"``."""

    template: str
    params: dict

    def __new__(cls, template: str, **params: Any) -> Message:
        obj = super().__new__(cls, template.format(**params))
        obj.template = template
        obj.params = params
        return obj

    def __reduce__(self):
        # copy/pickle: rebuild from the finished text (formatting again would choke on braces
        # in the values, e.g. an error message quoting "{x}")
        return (_restore, (str(self), self.template, dict(self.params)))


def _restore(text: str, template: str, params: dict) -> Message:
    obj = str.__new__(Message, text)
    obj.template = template
    obj.params = params
    return obj
