#!/usr/bin/env python3
# Checks the layering that HACKING.md describes:
#
#  - every #include in src/ and tests/ stays within what its directory may
#    use (core never reaches GTK, the simulator never reaches core, …), and
#    a -private.h header is used only by its own directory and by tests;
#  - in src/, only the secret store includes libsecret: the rest of the
#    code holds secrets as RaSecret (ra-secret.h);
#  - no two files in src/ include each other in a loop;
#  - no two .c files in src/ call each other in a loop. The calls come from
#    the object files' symbol tables (nm): what each object defines against
#    what it leaves undefined, which is exact where a reading of the source
#    would have to guess.
#
# Circles that exist today are listed in layers-allowlist.txt, one edge of
# the circle per line. A circle not on the list fails, and so does an entry
# that is no longer part of a circle: the list only shrinks.
#
# Usage: check-layers.py [--allowlist FILE] [--nm NM] ROOT [ARCHIVE|OBJECT…]
# With no archive or object, the call graph is not checked.

import argparse
import collections
import os
import re
import subprocess
import sys

# What each directory may include, by the directory of the header. The
# most specific pattern wins (longest prefix, then the file name patterns).
ALLOWED = [
    # (path prefix or glob, directories it may include from)
    ("src/core/", {"src/core"}),
    ("src/sim/", {"src/sim"}),
    ("src/ui/", {"src/ui", "src/core", "src/sim"}),
    ("src/main.c", {"src/ui"}),
    ("tests/common/", {"tests/common", "src/core", "src/sim"}),
    # GLib and GIO only: the simulator's tests link it.
    ("tests/common/ra-test-common", {"tests/common"}),
    # The simulator's tests and their helper never see core.
    ("tests/unit/test-sim", {"tests/unit", "tests/common", "src/sim"}),
    ("tests/unit/ra-sim-test", {"tests/unit", "tests/common", "src/sim"}),
    ("tests/unit/", {"tests/unit", "tests/common", "src/core", "src/sim"}),
    ("tests/fuzz/", {"tests/fuzz", "tests/common", "src/core", "src/sim"}),
    ("tests/ui/", {"tests/ui", "tests/common", "src/ui", "src/core", "src/sim"}),
    ("tests/bench/", {"tests/bench", "tests/ui", "tests/common", "src/ui", "src/core", "src/sim"}),
]

# The toolkit: nothing below src/ui (and its tests) may see it.
GTK_HEADER = re.compile(r"^(gtk|gdk|gsk|adwaita|graphene)[/.-]")
NO_GTK = ("src/core/", "src/sim/", "tests/common/", "tests/unit/", "tests/fuzz/")

# The keyring's library: in src/, only the secret store sees it.
KEYRING_HEADER = re.compile(r"^libsecret/")
KEYRING_OWNER = re.compile(r"^src/core/ra-secret-store(-private\.h|\.c)$")

# Headers that the build generates, by the directory that owns them.
GENERATED = {
    "ra-enum-types.h": "src/core",
    "ra-resources.h": "src/ui",
    "ra-sim-resources.h": "src/sim",
}

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)


def rule_for(path):
    best = None
    for prefix, allowed in ALLOWED:
        if path.startswith(prefix) and (best is None or len(prefix) > len(best[0])):
            best = (prefix, allowed)
    return best


def source_files(root):
    for top in ("src", "tests"):
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames[:] = sorted(d for d in dirnames if d not in ("data", "corpus"))
            for name in sorted(filenames):
                if name.endswith((".c", ".h")):
                    full = os.path.join(dirpath, name)
                    yield os.path.relpath(full, root).replace(os.sep, "/")


def check_includes(root, files):
    """Returns (problems, include graph of src/ files)."""
    headers = {}
    for f in files:
        if f.endswith(".h"):
            headers.setdefault(os.path.basename(f), []).append(f)
    problems = []
    graph = collections.defaultdict(set)
    for f in files:
        rule = rule_for(f)
        with open(os.path.join(root, f), encoding="utf-8", errors="replace") as fh:
            text = fh.read()
        for m in INCLUDE.finditer(text):
            kind, name = m.group(1), m.group(2)
            line = text.count("\n", 0, m.start()) + 1
            where = f"{f}:{line}"
            if GTK_HEADER.match(name):
                if f.startswith(NO_GTK):
                    problems.append(f"{where}: includes <{name}>: {os.path.dirname(f)} never uses GTK")
                continue
            if KEYRING_HEADER.match(name):
                if f.startswith("src/") and not KEYRING_OWNER.match(f):
                    problems.append(f"{where}: includes <{name}>: only the secret store "
                                    f"uses libsecret (secrets in memory are RaSecret, ra-secret.h)")
                continue
            if kind == "<" or name == "config.h":
                continue
            base = os.path.basename(name)
            if base in GENERATED:
                target_dir, target = GENERATED[base], None
            elif base in headers:
                # The including file's own directory first, as the compiler does.
                same = [h for h in headers[base] if os.path.dirname(h) == os.path.dirname(f)]
                target = (same or headers[base])[0]
                target_dir = os.path.dirname(target)
            else:
                continue
            if rule is None:
                continue
            if target_dir not in rule[1]:
                problems.append(f"{where}: includes {name} from {target_dir}: "
                                f"{rule[0].rstrip('/')} may include only from {', '.join(sorted(rule[1]))}")
            elif (base.endswith("-private.h") and f.startswith("src/")
                  and target_dir != os.path.dirname(f)):
                problems.append(f"{where}: includes {name}, private to {target_dir}")
            if target and f.startswith("src/") and target.startswith("src/"):
                graph[f].add(target)
    return problems, graph


def strongly_connected(graph):
    """Tarjan's algorithm, without recursion. Returns a node → component map."""
    index, low, comp = {}, {}, {}
    stack, on_stack = [], set()
    counter = 0
    nodes = set(graph) | {v for vs in graph.values() for v in vs}
    for start in sorted(nodes):
        if start in index:
            continue
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    comp[member] = node
                    if member == node:
                        break
    return comp


def edges_on_circles(graph):
    """The edges u → v that lie on a circle: u and v in one component."""
    comp = strongly_connected(graph)
    return {(u, v) for u, vs in graph.items() for v in vs if u != v and comp[u] == comp[v]}


MEMBER = re.compile(r"^(?P<archive>[^\[:]+)(?:\[(?P<member>[^\]]+)\])?:\s+(?P<name>\S+)\s+(?P<type>\S)")


def object_source(path):
    """ra-client.c.o, or meson-generated_.._ra-enum-types.c.o → the .c file."""
    base = os.path.basename(path)
    base = re.sub(r"^meson-generated_(\.\._)*", "", base)
    return base[:-2] if base.endswith(".o") else base


def call_graph(nm, objects):
    defined = {}
    undefined = collections.defaultdict(set)
    out = subprocess.run([nm, "-P", "-A", *objects], check=True,
                         capture_output=True, text=True).stdout
    for line in out.splitlines():
        m = MEMBER.match(line)
        if not m:
            continue
        source = object_source(m.group("member") or m.group("archive"))
        kind = m.group("type")
        if kind == "U":
            undefined[source].add(m.group("name"))
        elif kind.isupper():  # lower case: static to its file
            defined.setdefault(m.group("name"), source)
    graph = collections.defaultdict(set)
    for source, names in undefined.items():
        for name in names:
            target = defined.get(name)
            if target and target != source:
                graph[source].add(target)
    return graph


def read_allowlist(path):
    entries = {}
    if not path:
        return entries
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            m = re.fullmatch(r"(include|call)\s+(\S+)\s*->\s*(\S+)", line)
            if not m:
                sys.exit(f"{path}:{number}: expected 'include|call A -> B'")
            entries[(m.group(1), m.group(2), m.group(3))] = number
    return entries


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--allowlist")
    parser.add_argument("--nm", default="nm")
    parser.add_argument("root")
    parser.add_argument("objects", nargs="*")
    args = parser.parse_args()

    files = list(source_files(args.root))
    problems, include_graph = check_includes(args.root, files)

    found = set()
    for u, v in edges_on_circles(include_graph):
        found.add(("include", os.path.basename(u), os.path.basename(v)))
    if args.objects:
        for u, v in edges_on_circles(call_graph(args.nm, args.objects)):
            found.add(("call", u, v))

    allowed = read_allowlist(args.allowlist)
    for kind, u, v in sorted(found - set(allowed)):
        verb = "includes" if kind == "include" else "calls"
        problems.append(f"{u} {verb} {v}, which leads back to {u}: a new circle "
                        f"(break it; see HACKING.md, “Layers”)")
    for entry in sorted(set(allowed) - found):
        kind, u, v = entry
        if kind == "call" and not args.objects:
            continue
        problems.append(f"{args.allowlist}:{allowed[entry]}: {kind} {u} -> {v} is no "
                        f"longer part of a circle: remove it from the list")

    for p in problems:
        print(p)
    checked = "includes" + (" and calls" if args.objects else "")
    print(f"{len(files)} files, {checked} checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
