#!/usr/bin/env python3
"""Every source file with translatable strings must be listed in
po/POTFILES.in, and every listed file must exist; otherwise its strings
silently never reach translators (or xgettext fails)."""

import pathlib
import re
import sys

MARKERS = re.compile(
    r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|Q_)\s*\('
    r'|(?<![A-Za-z0-9_])(?:ngettext|g_dngettext|g_dpgettext2?)\s*\('
    r'|translatable\s*=\s*"(?:yes|true|1)"'
)
EXTENSIONS = {'.c', '.h', '.ui', '.blp'}


def main():
    root = pathlib.Path(sys.argv[1]).resolve()
    potfiles = root / 'po' / 'POTFILES.in'
    listed = set()
    for line in potfiles.read_text(encoding='utf-8').splitlines():
        line = line.strip()
        if line and not line.startswith('#'):
            listed.add(line)

    failures = []
    for entry in sorted(listed):
        if not (root / entry).is_file():
            failures.append(f'po/POTFILES.in lists {entry}, which does not exist')

    found = 0
    for path in sorted((root / 'src').rglob('*')):
        if path.suffix not in EXTENSIONS or not path.is_file():
            continue
        text = path.read_text(encoding='utf-8', errors='replace')
        # Comments may quote the markers without meaning them.
        if path.suffix in ('.c', '.h'):
            text = re.sub(r'/\*.*?\*/', '', text, flags=re.S)
            text = re.sub(r'//[^\n]*', '', text)
        if MARKERS.search(text):
            found += 1
            rel = path.relative_to(root).as_posix()
            if rel not in listed:
                failures.append(f'{rel} has translatable strings but is not in po/POTFILES.in')

    for failure in failures:
        print(failure)
    print(f'{found} source files with translatable strings, {len(listed)} files listed')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
