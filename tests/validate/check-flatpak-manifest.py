#!/usr/bin/env python3
"""The Flatpak manifests must parse and grant exactly the permissions the
app needs: network for the API, a display, the GPU. No keyring talk-name:
libsecret reaches the keyring through the Secret portal."""

import json
import pathlib
import sys

FINISH_ARGS = [
    '--share=network',
    '--share=ipc',
    '--socket=wayland',
    '--socket=fallback-x11',
    '--device=dri',
]


def check(path, app_id, profile):
    failures = []
    try:
        manifest = json.loads(pathlib.Path(path).read_text(encoding='utf-8'))
    except (OSError, ValueError) as e:
        return [f'{path}: {e}']

    def expect(key, value):
        if manifest.get(key) != value:
            failures.append(f'{path}: {key} is {manifest.get(key)!r}, expected {value!r}')

    ids = [manifest[k] for k in ('id', 'app-id') if k in manifest]
    if ids != [app_id]:
        failures.append(f'{path}: application ID is {ids!r}, expected [{app_id!r}]')
    expect('runtime', 'org.gnome.Platform')
    expect('runtime-version', '50')
    expect('sdk', 'org.gnome.Sdk')
    expect('command', 'remote-actions')
    expect('finish-args', FINISH_ARGS)

    modules = manifest.get('modules', [])
    app = modules[-1] if modules and isinstance(modules[-1], dict) else {}
    if app.get('name') != 'remote-actions' or app.get('buildsystem') != 'meson':
        failures.append(f'{path}: the last module must build remote-actions with meson')
    sources = app.get('sources') or [{}]
    if sources[0].get('type') != 'dir' or sources[0].get('path') != '..':
        failures.append(f'{path}: the app module must build the local tree (a dir source with path "..")')
    if f'-Dprofile={profile}' not in app.get('config-opts', []):
        failures.append(f'{path}: config-opts must select -Dprofile={profile}')
    return failures


def main():
    flatpak_dir = pathlib.Path(sys.argv[1])
    base = 'io.github.nxra.RemoteActions'
    failures = check(flatpak_dir / f'{base}.json', base, 'default')
    failures += check(flatpak_dir / f'{base}.Devel.json', f'{base}.Devel', 'development')
    for failure in failures:
        print(failure)
    if not failures:
        print('both manifests ok')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
