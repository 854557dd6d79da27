#!/usr/bin/env python3
# Checks that changed C code is formatted as .clang-format says.
#
# What is checked: the lines of .c files under src/ and tests/ that changed
# since the commit that added .clang-format (committed, staged, unstaged or
# untracked alike). Code older than that was written by hand in the same
# style, but clang-format does not agree with it everywhere; it is checked
# when its lines change. Headers are left out:
# their prototypes are aligned in columns, which clang-format cannot do.
#
# What clang-format cannot express of the house style is left out of the
# comparison (HACKING.md, "Formatting"): the widths of runs of spaces inside
# a line (aligned parameters, declarations and comments), the space after a
# cast, the space before [, and no space before the parenthesis of _(),
# N_(), g_autoptr() and g_auto(); the operator argument of
# g_assert_cmpint() and its kin; a comma before a closing brace, and a
# table's element type declared inline as `struct { … }` on one line.
# Indentation, line breaks, brace placement, and whether there is a space
# at all elsewhere are compared.
#
# Usage: check-format.py [--clang-format PROG] ROOT          changed lines
#        check-format.py [--clang-format PROG] ROOT FILE…    whole files
# Exits 77 (skipped) when ROOT is not a git checkout. In a shallow clone
# the oldest commit it holds seems to add every file, .clang-format too:
# only what is newer than that commit is checked.

import argparse
import difflib
import os
import re
import subprocess
import sys

SKIP = 77
EXCLUDE = ("tests/validate/data/",)


def hide(text):
    """Rewrites what clang-format cannot express so that it sees through it,
    keeping every line and column where it was."""
    text = re.sub(r"\bg_auto(ptr|list|slist|queue)?\((\w+)\)",
                  lambda m: "g_auto%s$%s$" % (m.group(1) or "", m.group(2)), text)
    text = re.sub(r"\bN_\(", "~~(", text)
    text = re.sub(r"\b_\(", "~(", text)
    # A trailing comma makes clang-format put every element on a line.
    text = re.sub(r",([ \t]*\n?[ \t]*)\}", r" \1}", text)
    # The operator argument of g_assert_cmpint () and its kin.
    text = re.sub(r",([ \t]*)(==|!=|<=|>=|<|>)([ \t]*),", lambda m: ",%s%s%s," % (m.group(1), "X" * len(m.group(2)), m.group(3)), text)
    # A struct declared inline, on one line, as a table's element type.
    text = re.sub(r"\bstruct \{[^{}\n]*\}", lambda m: "T" * len(m.group(0)), text)
    return text


CAST = re.compile(r"(\((?:const )?[A-Za-z_]\w*(?: const)?(?: ?\*+(?: ?const)?)*\)) (?=[\w&(*!~-])")


def normalize(line):
    line = line.rstrip()
    lead = line[:len(line) - len(line.lstrip(" \t"))]
    body = re.sub(r"[ \t]+", " ", line[len(lead):])
    body = CAST.sub(r"\1", body)
    body = re.sub(r"(\w) \[", r"\1[", body)
    body = body.replace("* const", "*const")
    return lead + body


def misformatted(clang_format, path, text):
    """Line numbers (1-based) of `text` that clang-format would change.
    `path` is absolute: clang-format looks for .clang-format from there,
    wherever the test runs."""
    hidden = hide(text)
    formatted = subprocess.run([clang_format, "--assume-filename=" + path],
                               input=hidden, capture_output=True, text=True,
                               check=True).stdout
    before = [normalize(l) for l in hidden.splitlines()]
    after = [normalize(l) for l in formatted.splitlines()]
    bad = set()
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if i1 == i2:
            # Lines only added (a brace moved to a line of its own): blame
            # the line before, which clang-format would split.
            bad.add(max(i1, 1))
        bad.update(range(i1 + 1, i2 + 1))
    return bad, formatted


def git(root, *args):
    return subprocess.run(["git", "-C", root, *args], capture_output=True, text=True)


def changed_lines(root, base):
    """{path: set of line numbers, or None for a whole new file}"""
    changed = {}
    diff = git(root, "diff", "-U0", "--no-color", "--no-renames", base, "--",
               "src/*.c", "tests/*.c")
    if diff.returncode != 0:
        sys.exit(diff.stderr)
    path = None
    for line in diff.stdout.splitlines():
        if line.startswith("+++ "):
            path = line[6:] if line != "+++ /dev/null" else None
            if path:
                changed.setdefault(path, set())
        m = re.match(r"@@ -\S+ \+(\d+)(?:,(\d+))? @@", line)
        if m and path:
            start, count = int(m.group(1)), int(m.group(2) or 1)
            changed[path].update(range(start, start + count))
    untracked = git(root, "ls-files", "--others", "--exclude-standard", "--",
                    "src/*.c", "tests/*.c")
    for path in untracked.stdout.splitlines():
        changed[path] = None
    return {p: l for p, l in changed.items()
            if not p.startswith(EXCLUDE) and os.path.isfile(os.path.join(root, p))}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clang-format", default="clang-format")
    parser.add_argument("--base", help="compare with this commit instead")
    parser.add_argument("root")
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    root = os.path.abspath(args.root)

    if args.files:
        targets = {os.path.relpath(os.path.abspath(f), root): None for f in args.files}
    else:
        if git(root, "rev-parse", "--is-inside-work-tree").stdout.strip() != "true":
            print("not a git checkout: nothing tells which lines changed")
            return SKIP
        base = args.base
        if base is None:
            # The commit that brought .clang-format, and with it this check.
            base = git(root, "log", "-1", "--diff-filter=A", "--format=%H",
                       "--", ".clang-format").stdout.strip()
        if not base:
            print(".clang-format is not committed yet: nothing to compare with")
            return SKIP
        if git(root, "cat-file", "-e", base + "^{commit}").returncode != 0:
            print(f"the base commit {base} is not in this clone")
            return SKIP
        targets = changed_lines(root, base)

    problems = 0
    for path, lines in sorted(targets.items()):
        with open(os.path.join(root, path), encoding="utf-8") as fh:
            text = fh.read()
        bad, formatted = misformatted(args.clang_format, os.path.join(root, path), text)
        if lines is not None:
            bad &= lines
        if not bad:
            continue
        source = text.splitlines()
        for number in sorted(bad):
            problems += 1
            shown = source[number - 1] if number <= len(source) else ""
            print(f"{path}:{number}: not formatted: {shown.strip()}")
    checked = "whole files" if args.files else "changed lines"
    print(f"{len(targets)} files ({checked}) checked, {problems} lines not formatted")
    if problems:
        print("See HACKING.md, “Formatting”: clang-format-14 FILE shows the expected layout.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
