"""The plugin makes no network calls (issue 11), checked at run time.

tests/unit/test_source_safety.py scans the source; here treebiomass and stratifiedestimate run with
Python's ``socket`` made unusable (any attempt raises, and is recorded even if the plugin swallowed
the error) and with QGIS's own network manager watched (C++ requests do not go through Python's
``socket``).
"""

from __future__ import annotations

import socket

import pytest

from . import corpus as C
from .runners import CapturingFeedback, run_stratifiedestimate, run_treebiomass


@pytest.fixture
def no_network(monkeypatch):
    attempts = []

    class NoSocket(socket.socket):
        def __init__(self, *args, **kwargs):
            attempts.append(("socket", args))
            raise OSError("network access attempted during a Carbon Pool run")

    def refuse(name):
        def call(*args, **kwargs):
            attempts.append((name, args))
            raise OSError("network access attempted: " + name)

        return call

    monkeypatch.setattr(socket, "socket", NoSocket)
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setattr(socket, "gethostbyname", refuse("gethostbyname"))

    from qgis.core import QgsNetworkAccessManager

    manager = QgsNetworkAccessManager.instance()
    requests = []

    def record(request):
        requests.append(request.request().url().toString())

    manager.requestAboutToBeCreated.connect(record)
    yield attempts, requests
    manager.requestAboutToBeCreated.disconnect(record)


def test_socket_is_really_blocked(no_network):
    attempts, _requests = no_network
    with pytest.raises(OSError):
        socket.create_connection(("example.org", 80))
    assert attempts


def test_treebiomass_and_stratifiedestimate_offline(processing, tmp_path, no_network):
    attempts, requests = no_network
    world = C.base_world(tmp_path / "world")
    feedback = CapturingFeedback()
    result, _outs = run_treebiomass(processing, world, tmp_path, feedback)
    assert result["N_TREES"] == 12
    result, _outs = run_stratifiedestimate(processing, world, tmp_path, feedback)
    assert result["N_PLOTS"] == 6
    assert attempts == [], attempts
    assert requests == [], requests
