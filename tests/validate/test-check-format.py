#!/usr/bin/env python3
# Shows check-format.py failing: it must pass data/format/good.c (the house
# style), report exactly the lines of data/format/bad.c marked BAD, and in a
# git checkout report a badly formatted changed line while leaving alone
# the badly formatted lines older than the base.
#
# Usage: test-check-format.py CHECKER CLANG-FORMAT [GIT]

import os
import re
import shutil
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
data = os.path.join(here, "data", "format")
checker, clang_format = sys.argv[1], sys.argv[2]
git = sys.argv[3] if len(sys.argv) > 3 else None
failures = []


def check(root, *args):
    result = subprocess.run([sys.executable, checker, "--clang-format", clang_format, root, *args],
                            capture_output=True, text=True)
    print(result.stdout + result.stderr)
    return result.returncode, result.stdout


def reported(out, name):
    return {int(m.group(1)) for m in re.finditer(re.escape(name) + r":(\d+): not formatted", out)}


rc, out = check(data, os.path.join(data, "good.c"))
if rc != 0:
    failures.append("good.c, in the house style, was reported")

rc, out = check(data, os.path.join(data, "bad.c"))
with open(os.path.join(data, "bad.c"), encoding="utf-8") as fh:
    marked = {n for n, line in enumerate(fh, 1) if "BAD:" in line}
if rc != 1:
    failures.append(f"bad.c was not reported (exit {rc})")
if reported(out, "bad.c") != marked:
    failures.append(f"bad.c: reported lines {sorted(reported(out, 'bad.c'))}, "
                    f"marked lines {sorted(marked)}")

if git:
    with tempfile.TemporaryDirectory() as root:
        def g(*args):
            return subprocess.run([git, "-C", root, "-c", "user.name=Test", "-c", "user.email=test@localhost",
                                   *args], check=True, capture_output=True, text=True).stdout.strip()
        g("init", "-q")
        os.makedirs(os.path.join(root, "src", "core"))
        old = os.path.join(root, "src", "core", "old.c")
        shutil.copy(os.path.join(data, "bad.c"), old)
        g("add", "-A")
        g("commit", "-q", "-m", "old code")
        # The check starts with the commit that adds .clang-format.
        shutil.copy(os.path.join(here, "..", "..", ".clang-format"), root)
        g("add", "-A")
        g("commit", "-q", "-m", "the formatter's configuration")

        rc, out = check(root)
        if rc != 0:
            failures.append("lines older than the base were reported")

        # A changed line, committed, and a new file, untracked: both count.
        with open(old, "a", encoding="utf-8") as fh:
            fh.write("\nstatic int\nthree (void)\n{\n  return 3;\n}\n")
        g("commit", "-q", "-am", "a new function in the house style")
        with open(old, "a", encoding="utf-8") as fh:
            fh.write("\nstatic int\nfour (void)\n{\n      return 4;\n}\n")
        shutil.copy(os.path.join(data, "bad.c"), os.path.join(root, "src", "core", "new.c"))
        rc, out = check(root)
        if rc != 1:
            failures.append(f"changed lines were not reported (exit {rc})")
        if reported(out, "src/core/old.c") != {32}:
            failures.append(f"old.c: reported {sorted(reported(out, 'src/core/old.c'))}, "
                            f"expected only the changed line 32")
        if reported(out, "src/core/new.c") != marked:
            failures.append("an untracked new file was not checked whole")

for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
