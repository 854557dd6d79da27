#!/usr/bin/env python3
"""Every translation must compile with msgfmt --check (format strings
match, plural forms declared) and cover the current template: a string
left untranslated shows up in English in the middle of a translated UI."""

import os
import pathlib
import re
import subprocess
import sys
import tempfile

# The same keywords as meson's 'glib' gettext preset.
XGETTEXT_ARGS = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format',
]


def main():
    root = pathlib.Path(sys.argv[1])
    require_complete = len(sys.argv) > 2 and sys.argv[2] == '--complete'
    po_dir = root / 'po'
    linguas = [l for l in (po_dir / 'LINGUAS').read_text().split() if not l.startswith('#')]
    env = dict(os.environ, LC_ALL='C')
    failures = []
    with tempfile.TemporaryDirectory(prefix='ra-po-') as tmp:
        pot = pathlib.Path(tmp) / 'template.pot'
        subprocess.run(['xgettext', '--package-name=remote-actions', '-o', str(pot),
                        '-D', str(root), '-f', str(po_dir / 'POTFILES.in')] + XGETTEXT_ARGS,
                       check=True, env=env)
        for lang in linguas:
            po = po_dir / f'{lang}.po'
            check = subprocess.run(['msgfmt', '--check', '--statistics', '-o', os.devnull, str(po)],
                                   capture_output=True, text=True, env=env)
            if check.returncode != 0:
                failures.append(f'{lang}: msgfmt --check failed:\n{check.stderr}')
                continue
            if 'Plural-Forms:' not in po.read_text(encoding='utf-8'):
                failures.append(f'{lang}: no Plural-Forms header')
            merged = pathlib.Path(tmp) / f'{lang}.po'
            subprocess.run(['msgmerge', '--quiet', '--no-fuzzy-matching', '-o', str(merged), str(po), str(pot)],
                           check=True, env=env)
            stats = subprocess.run(['msgfmt', '--statistics', '-o', os.devnull, str(merged)],
                                   capture_output=True, text=True, env=env).stderr.strip()
            print(f'{lang}: {stats} (against the current sources)')
            if re.search(r'untranslated|fuzzy', stats):
                untranslated = subprocess.run(['msgattrib', '--untranslated', '--no-obsolete', str(merged)],
                                              capture_output=True, text=True, env=env).stdout
                ids = re.findall(r'^msgid "(.+)"$', untranslated, flags=re.M)
                for msgid in ids[:20]:
                    print(f'  untranslated: {msgid}')
                if require_complete:
                    failures.append(f'{lang}: incomplete: {stats}')
    for failure in failures:
        print(failure)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
