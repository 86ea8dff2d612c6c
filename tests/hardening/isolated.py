"""Run one corpus case in a fresh QGIS process: ``python -m tests.hardening.isolated CASE ALG DIR``.

Exit 0 when the documented outcome holds, 1 when it does not; a crash (abort, segfault) shows as a
negative exit code in the parent test. Used for inputs that can take the interpreter down.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path


def main(case_id: str, alg: str, folder: str) -> int:
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append(QgsApplication.pkgDataPath() + "/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    from qgis import processing

    import carbon_pool_plugin

    plugin = carbon_pool_plugin.classFactory(None)  # keep a reference: it owns the provider
    plugin.initProcessing()
    from tests.hardening.test_corpus import CASES, check_case

    case = next(c for c in CASES if c.id == case_id)
    try:
        check_case(processing, case, alg, Path(folder))
        # the interpreter must still work after the run (a C++ exception thrown through Python
        # frames leaves it corrupted: "SystemError: unknown opcode" on the next statements)
        for i in range(3):
            (Path(folder) / f"alive_{i}.txt").write_text("ok", encoding="utf-8")
    except AssertionError:
        traceback.print_exc()
        return 1
    print("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
