#!/usr/bin/env python3
"""Every screenshot the metainfo names must be a file in data/screenshots,
published at the raw URL of the project's repository."""

import pathlib
import sys
import xml.etree.ElementTree as ET

URL_PREFIX = 'https://raw.githubusercontent.com/nxra/remote-actions/main/data/screenshots/'
MAX_BYTES = 300 * 1024


def main():
    metainfo = pathlib.Path(sys.argv[1])
    shots_dir = pathlib.Path(sys.argv[2])
    minimum = int(sys.argv[3]) if len(sys.argv) > 3 else 0

    tree = ET.parse(metainfo)
    images = tree.getroot().findall('./screenshots/screenshot/image')
    failures = []
    if len(images) < minimum:
        failures.append(f'{len(images)} screenshots in the metainfo, expected at least {minimum}')
    defaults = tree.getroot().findall("./screenshots/screenshot[@type='default']")
    if images and len(defaults) != 1:
        failures.append(f'{len(defaults)} default screenshots, expected exactly 1')

    for image in images:
        url = (image.text or '').strip()
        if not url.startswith(URL_PREFIX):
            failures.append(f'{url}: not under {URL_PREFIX}')
            continue
        name = url[len(URL_PREFIX):]
        path = shots_dir / name
        if '/' in name or not path.is_file():
            failures.append(f'{url}: {path} does not exist')
            continue
        if path.stat().st_size > MAX_BYTES:
            failures.append(f'{path}: {path.stat().st_size} bytes, more than {MAX_BYTES}')
        with open(path, 'rb') as f:
            if f.read(8) != b'\x89PNG\r\n\x1a\n':
                failures.append(f'{path}: not a PNG file')
        print(f'ok {name}')

    for failure in failures:
        print(failure)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
