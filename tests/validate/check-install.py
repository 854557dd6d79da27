#!/usr/bin/env python3
"""`meson install` into a fresh directory must install everything a
desktop needs, and the installed app must start from there."""

import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

GETTEXT_PACKAGE = 'remote-actions'


def introspect(meson, builddir, what):
    out = subprocess.run([meson, 'introspect', what, str(builddir)],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def wait_for(predicate, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return predicate()


def bus_name_owned(name):
    result = subprocess.run(
        ['gdbus', 'call', '--session', '--dest', 'org.freedesktop.DBus',
         '--object-path', '/org/freedesktop/DBus',
         '--method', 'org.freedesktop.DBus.NameHasOwner', name],
        capture_output=True, text=True)
    return result.returncode == 0 and 'true' in result.stdout


def run_app(binary, app_id, env, failures):
    version = subprocess.run([str(binary), '--version'], env=env,
                             capture_output=True, text=True, timeout=30)
    if version.returncode != 0 or not version.stdout.strip():
        failures.append(f'--version: exit {version.returncode}: {version.stdout}{version.stderr}')
    else:
        print(f'--version: {version.stdout.strip()}')

    # A real start needs a display and a session bus (the test session has both).
    if not (env.get('DISPLAY') or env.get('WAYLAND_DISPLAY')) or not env.get('DBUS_SESSION_BUS_ADDRESS'):
        print('no display or session bus: not starting the window')
        return
    if bus_name_owned(app_id):
        failures.append(f'{app_id} already runs on this session bus')
        return
    proc = subprocess.Popen([str(binary), '--demo'], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        if not wait_for(lambda: proc.poll() is not None or bus_name_owned(app_id), 30):
            failures.append('the installed app did not register on the session bus within 30 s')
        elif proc.poll() is not None:
            failures.append(f'the installed app exited with {proc.returncode}: {proc.stdout.read()}')
        else:
            # Still running once the main loop has had time to show the window.
            if wait_for(lambda: proc.poll() is not None, 2):
                failures.append(f'the installed app exited with {proc.returncode}: {proc.stdout.read()}')
            else:
                print('the installed app started')
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def main():
    meson, builddir, app_id = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3]
    source_root = pathlib.Path(sys.argv[4])
    failures = []

    options = {o['name']: o['value'] for o in introspect(meson, builddir, '--buildoptions')}
    prefix = pathlib.PurePath(options['prefix'])
    targets = introspect(meson, builddir, '--targets')
    has_binary = any(t['name'] == 'remote-actions' and t['type'] == 'executable' and t['installed']
                     for t in targets)
    linguas = [l for l in (source_root / 'po' / 'LINGUAS').read_text().split()
               if not l.startswith('#')]

    with tempfile.TemporaryDirectory(prefix='ra-install-') as destdir:
        env = dict(os.environ, DESTDIR=destdir)
        result = subprocess.run([meson, 'install', '-C', str(builddir), '--no-rebuild',
                                 '--destdir', destdir, '--quiet'],
                                env=env, capture_output=True, text=True)
        if result.returncode != 0:
            print(result.stdout, result.stderr)
            return 1
        root = pathlib.Path(destdir + str(prefix))
        share = root / options['datadir']
        expected = [
            share / 'applications' / f'{app_id}.desktop',
            share / 'metainfo' / f'{app_id}.metainfo.xml',
            share / 'glib-2.0' / 'schemas' / f'{app_id}.gschema.xml',
            share / 'icons' / 'hicolor' / 'scalable' / 'apps' / f'{app_id}.svg',
            share / 'icons' / 'hicolor' / 'symbolic' / 'apps' / f'{app_id}-symbolic.svg',
        ]
        expected += [root / options['localedir'] / lang / 'LC_MESSAGES' / f'{GETTEXT_PACKAGE}.mo'
                     for lang in linguas]
        binary = root / options['bindir'] / 'remote-actions'
        if has_binary:
            expected.append(binary)
        else:
            print('the build defines no remote-actions executable yet: checking data only')
        for path in expected:
            if path.is_file():
                print(f'ok {path.relative_to(destdir)}')
            else:
                failures.append(f'not installed: {path.relative_to(destdir)}')

        if has_binary and binary.is_file():
            schemas = pathlib.Path(destdir) / 'compiled-schemas'
            schemas.mkdir()
            subprocess.run(['glib-compile-schemas', '--strict', '--targetdir', str(schemas),
                            str(share / 'glib-2.0' / 'schemas')], check=True)
            env = dict(os.environ)
            env.pop('DESTDIR', None)
            env['GSETTINGS_SCHEMA_DIR'] = str(schemas)
            env['XDG_DATA_DIRS'] = f'{share}:' + env.get('XDG_DATA_DIRS', '/usr/local/share:/usr/share')
            run_app(binary, app_id, env, failures)

    for failure in failures:
        print(failure)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
