"""One translation context and one ``tr()`` for the whole plugin.

Translate first, then ``.format(...)``: ``tr("{n} trees").format(n=5)``. Never put an f-string
inside ``tr()`` — ``pylupdate5`` cannot extract it.
"""

from __future__ import annotations

CONTEXT = "CarbonPool"
_translator = None


def tr(text: str) -> str:
    from qgis.PyQt.QtCore import QCoreApplication

    return QCoreApplication.translate(CONTEXT, text)


def localize(text: str) -> str:
    """A core message (:class:`core.messages.Message`) in the user's language; other text as is.

    A translation whose placeholders do not fit the values falls back to the English text."""
    from .core.messages import Message

    if not isinstance(text, Message):
        return text
    try:
        return tr(text.template).format(**text.params)
    except (KeyError, IndexError, ValueError):
        return str(text)


def user_locale() -> str:
    """Two-letter UI locale from QGIS settings (``locale/userLocale``), e.g. ``th`` or ``en``."""
    from qgis.PyQt.QtCore import QSettings

    value = QSettings().value("locale/userLocale", "", type=str)
    if not value:
        from qgis.PyQt.QtCore import QLocale

        value = QLocale.system().name()
    return (value or "en")[:2]


def install_translator() -> bool:
    """Install the plugin's ``.qm`` for the user's locale (idempotent). Returns True if loaded."""
    global _translator
    if _translator is not None:
        return True
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    from .paths import I18N_DIR

    qm = I18N_DIR / "carbonpool_{}.qm".format(user_locale())
    if not qm.exists():
        return False
    translator = QTranslator()
    if translator.load(str(qm)):
        QCoreApplication.installTranslator(translator)
        _translator = translator
        return True
    return False
