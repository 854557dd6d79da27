#!/usr/bin/env python3
"""The app started from the build tree (build-aux/dev run) speaks German.

Runs the built remote-actions --help with LANGUAGE=de and
REMOTE_ACTIONS_LOCALEDIR at the build tree's compiled catalogues, and
looks for the German of the --demo option, as po/de.po has it. As a
control, the same with the variable at an empty directory stays English.
"""

import os
import re
import subprocess
import sys
import tempfile

SOURCE = 'Connect to the built-in demo instance'


def german(po_path):
    with open(po_path, encoding='utf-8') as f:
        text = f.read()
    m = re.search(r'^msgid "%s"\nmsgstr "(.+)"$' % re.escape(SOURCE), text, re.M)
    if not m:
        sys.exit('%s has no translation of “%s”' % (po_path, SOURCE))
    return m.group(1)


def help_text(binary, localedir, schemas):
    env = dict(os.environ, LANGUAGE='de', LANG='C.UTF-8', LC_ALL='C.UTF-8',
               REMOTE_ACTIONS_LOCALEDIR=localedir, GSETTINGS_SCHEMA_DIR=schemas)
    result = subprocess.run([binary, '--help'], env=env, capture_output=True,
                            text=True, timeout=60, check=True)
    return result.stdout


def main():
    binary, builddir, srcdir = sys.argv[1:4]
    expected = german(os.path.join(srcdir, 'po', 'de.po'))
    schemas = os.path.join(builddir, 'data')

    shown = help_text(binary, os.path.join(builddir, 'po'), schemas)
    if expected not in shown:
        sys.exit('The build tree\'s German is not shown:\n' + shown)

    with tempfile.TemporaryDirectory() as empty:
        shown = help_text(binary, empty, schemas)
    if SOURCE not in shown or expected in shown:
        sys.exit('Without the build tree\'s catalogues the help should be English:\n' + shown)

    print('German from the build tree: “%s”' % expected)


if __name__ == '__main__':
    main()
