#!/usr/bin/env python3
# Shows check-layers.py failing: runs it on the small tree in
# data/layers, where every kind of violation it knows is made once, and
# checks that each is reported — and that the tree's own allowlist lets
# exactly the listed circle through and reports its stale entry.
#
# Usage: test-check-layers.py CHECKER NM CC…

import os
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
fixture = os.path.join(here, "data", "layers")
checker, nm, cc = sys.argv[1], sys.argv[2], sys.argv[3:]

failures = []


def run(*args):
    result = subprocess.run([sys.executable, checker, "--nm", nm, *args],
                            capture_output=True, text=True)
    return result.returncode, result.stdout + result.stderr


def expect(output, needle, why):
    if needle not in output:
        failures.append(f"not reported: {why} (looked for “{needle}”)")


with tempfile.TemporaryDirectory() as tmp:
    objects = []
    for name in ("ra-ping.c", "ra-pong.c", "ra-leaf.c"):
        obj = os.path.join(tmp, name + ".o")
        subprocess.run([*cc, "-c", "-o", obj, os.path.join(fixture, "src", "core", name)],
                       check=True)
        objects.append(obj)

    rc, out = run(fixture, *objects)
    print(out)
    if rc == 0:
        failures.append("the checker passed a tree full of violations")
    expect(out, "src/core/ra-thing.c:2: includes <gtk/gtk.h>", "core including GTK")
    expect(out, "src/core/ra-thing.c:3: includes ra-widget.h from src/ui", "core including a ui header")
    expect(out, "src/core/ra-http-thing.c:2: includes <libsecret/secret.h>",
           "core outside the secret store including libsecret")
    expect(out, "src/sim/ra-sim-bad.c:2: includes ra-thing.h from src/core", "the simulator including core")
    expect(out, "src/ui/ra-widget.c:4: includes ra-thing-private.h, private to src/core",
           "ui including core's private header")
    expect(out, "tests/unit/test-thing.c:3: includes ra-widget.h from src/ui", "a unit test including ui")
    expect(out, "tests/common/ra-test-helper.c:2: includes <adwaita.h>", "the shared test helpers using GTK")
    expect(out, "tests/unit/test-sim-thing.c:2: includes ra-thing.h from src/core",
           "a simulator test including core")
    expect(out, "tests/common/ra-test-common.c:2: includes ra-thing.h from src/core",
           "the GLib-only test helpers including core")
    if "tests/common/ra-test-helper.c:3" in out:
        failures.append("reported what the layers allow: tests/common/ra-test-helper.c:3")
    expect(out, "ra-widget.h includes ra-widget-types.h, which leads back", "an include loop")
    expect(out, "ra-ping.c calls ra-pong.c, which leads back", "two files calling each other")
    expect(out, "ra-pong.c calls ra-ping.c, which leads back", "two files calling each other")
    for allowed in ("src/core/ra-secret-store.c:", "src/ui/ra-widget.c:2:", "src/ui/ra-widget.c:3:", "src/ui/ra-widget.c:5:",
                    "tests/unit/test-thing.c:2:", "ra-leaf.c calls"):
        if allowed in out:
            failures.append(f"reported what the layers allow: {allowed}")

    allowlist = os.path.join(fixture, "allowlist.txt")
    rc, out = run("--allowlist", allowlist, fixture, *objects)
    print(out)
    if "ra-ping.c calls ra-pong.c" in out or "ra-pong.c calls ra-ping.c" in out:
        failures.append("reported a circle that the allowlist names")
    expect(out, "allowlist.txt:4: call ra-leaf.c -> ra-ping.c is no longer part of a circle",
           "a stale allowlist entry")
    if rc == 0:
        failures.append("the checker passed with a stale allowlist entry")

for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
