#!/usr/bin/env python3
"""Every button in a .ui file that shows only an icon must say what it
does: a tooltip for sighted users and an accessible name for screen
readers (an accessible label or a labelled-by relation).

Every libadwaita row turns markup off: libadwaita 1.2 reads a row's title
and subtitle as Pango markup by default, and rows show text from the
server, where "&" blanks the row and "<a href>" makes a link."""

import pathlib
import sys
import xml.etree.ElementTree as ET

BUTTONS = {'GtkButton', 'GtkMenuButton', 'GtkToggleButton', 'GtkLinkButton'}
ROWS = {'AdwActionRow', 'AdwExpanderRow', 'AdwComboRow', 'AdwEntryRow',
        'AdwPasswordEntryRow'}


def main():
    root = pathlib.Path(sys.argv[1])
    failures = []
    checked = 0
    rows = 0
    for path in sorted((root / 'src').rglob('*.ui')):
        rel = path.relative_to(root)
        try:
            tree = ET.parse(path)
        except ET.ParseError as e:
            failures.append(f'{rel}: {e}')
            continue
        for obj in tree.getroot().iter('object'):
            if obj.get('class') in ROWS:
                rows += 1
                markup = obj.find("property[@name='use-markup']")
                if markup is None or markup.text.strip().lower() not in ('false', '0', 'no'):
                    name = obj.get('id') or f'an {obj.get("class")}'
                    failures.append(f'{rel}: {name} does not set use-markup to False')
            if obj.get('class') not in BUTTONS:
                continue
            props = {p.get('name'): p for p in obj.findall('property')}
            has_child = obj.find('child') is not None
            if 'icon-name' not in props or 'label' in props or has_child:
                continue
            checked += 1
            name = obj.get('id') or f'a {obj.get("class")} with icon {props["icon-name"].text}'
            accessibility = obj.find('accessibility')
            has_name = accessibility is not None and (
                accessibility.find("property[@name='label']") is not None
                or accessibility.find("relation[@name='labelled-by']") is not None)
            if 'tooltip-text' not in props and 'tooltip-markup' not in props:
                failures.append(f'{rel}: {name} shows only an icon but has no tooltip')
            if not has_name:
                failures.append(f'{rel}: {name} shows only an icon but has no accessible name')
    for failure in failures:
        print(failure)
    print(f'{checked} icon-only buttons and {rows} rows checked')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
