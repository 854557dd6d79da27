#!/usr/bin/env python3
"""A development build must carry the .Devel application ID in every data
file and install under names that do not clash with the stable build, so
both can be installed side by side."""

import json
import pathlib
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

BASE = 'io.github.nxra.RemoteActions'
DEVEL = BASE + '.Devel'


def installed(meson, builddir):
    out = subprocess.run([meson, 'introspect', '--installed', str(builddir)],
                         check=True, capture_output=True, text=True).stdout
    return set(json.loads(out).values())


def main():
    meson, srcdir, stable_builddir = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3]
    failures = []
    with tempfile.TemporaryDirectory(prefix='ra-devel-') as tmp:
        build = pathlib.Path(tmp) / 'build'
        subprocess.run([meson, 'setup', str(build), str(srcdir), '-Dprofile=development'],
                       check=True, stdout=subprocess.DEVNULL)
        data = build / 'data'
        targets = [f'data/{DEVEL}.desktop', f'data/{DEVEL}.metainfo.xml', 'data/gschemas.compiled']
        subprocess.run(['ninja', '-C', str(build)] + targets, check=True, stdout=subprocess.DEVNULL)

        config_h = (build / 'config.h').read_text()
        if f'#define APP_ID "{DEVEL}"' not in config_h:
            failures.append('config.h: APP_ID is not the .Devel ID')
        if '#define PROFILE "development"' not in config_h:
            failures.append('config.h: PROFILE is not "development"')

        desktop = (data / f'{DEVEL}.desktop').read_text()
        if f'Icon={DEVEL}\n' not in desktop:
            failures.append('desktop file: Icon is not the .Devel icon')

        component = ET.parse(data / f'{DEVEL}.metainfo.xml').getroot()
        if component.findtext('id') != DEVEL:
            failures.append(f'metainfo: id is {component.findtext("id")!r}')
        if component.findtext('launchable') != f'{DEVEL}.desktop':
            failures.append(f'metainfo: launchable is {component.findtext("launchable")!r}')

        schema = ET.parse(data / f'{DEVEL}.gschema.xml').getroot().find('schema')
        if schema.get('id') != DEVEL or schema.get('path') != '/io/github/nxra/RemoteActions/Devel/':
            failures.append(f'schema: id {schema.get("id")!r}, path {schema.get("path")!r}')

        devel_files = installed(meson, build)
        stable_files = installed(meson, stable_builddir)
        for path in sorted(devel_files):
            name = pathlib.PurePath(path).name
            if ('/share/' in path and '/locale/' not in path and DEVEL not in name):
                failures.append(f'installs {path}, not named after {DEVEL}')
        for path in sorted(devel_files & stable_files):
            if '/bin/' not in path and '/locale/' not in path:
                failures.append(f'both profiles install {path}')
        for tool, args in (('desktop-file-validate', [str(data / f'{DEVEL}.desktop')]),
                           ('appstreamcli', ['validate', '--no-net', str(data / f'{DEVEL}.metainfo.xml')])):
            if shutil.which(tool):
                result = subprocess.run([tool] + args, capture_output=True, text=True)
                if result.returncode != 0:
                    failures.append(f'{tool}: {result.stdout}{result.stderr}')
        print(f'{len(devel_files)} files installed by the development profile')

    for failure in failures:
        print(failure)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
