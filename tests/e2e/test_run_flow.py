#!/usr/bin/python3
# The built program on its demo instance, driven only through the
# accessibility tree, the way a screen reader user would: choose an
# option of a fixed-choice input with the keyboard alone; search for an
# action, fill its input, paste two devices, run, confirm, and read the
# request ID from the window; then run on twelve devices, which needs
# their number typed into the confirmation, by keyboard; then add an
# account with the keyboard alone.
#
# Usage: test_run_flow.py PATH-TO-remote-actions
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import shutil
import signal
import subprocess
import sys
import time

SKIP = 77
# The program under test fails on any critical warning; this driver does
# not: libatspi warns critically when the registry is not answering yet,
# which the driver waits out. Taken out before anything loads GLib.
APP_G_DEBUG = os.environ.pop('G_DEBUG', None)
# Stretched like the C tests' waits (RA_TEST_WAIT_SCALE) in the slower
# sanitizer build.
TIMEOUT = 30 * int(os.environ.get('RA_TEST_WAIT_SCALE', '1'))
UUID_RE = re.compile(r'^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$')
# Devices the demo instance knows (the simulator's #demo_devices): only
# they report back, as on a real instance.
DEVICES = ['6513270e-269e-4d37-b2a7-4de452e6b438',
           'd23f0824-128b-4f33-8c5c-7fd0a6a3a450']
LAUNCHER = '/usr/libexec/at-spi-bus-launcher'
# Key symbols for Registry.generateKeyboardEvent, whose key presses reach
# GTK 4.8 under Xvfb where XTest's may not.
KEY_TAB = 0xff09
KEY_RETURN = 0xff0d
KEY_DOWN = 0xff54
KEY_SPACE = 0x20
# What a screen reader user moves to and operates.
CONTROL_ROLES = {'push button', 'toggle button', 'check box', 'radio button', 'text',
                 'password text', 'entry', 'combo box', 'menu item', 'radio menu item',
                 'check menu item', 'spin button', 'slider', 'switch', 'link', 'page tab'}


def log(*args):
    print(*args, flush=True)


def wait_for(what, predicate, timeout=TIMEOUT):
    """Polls predicate until it returns something true, or fails."""
    deadline = time.monotonic() + timeout
    while True:
        result = predicate()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError('timed out waiting for ' + what)
        time.sleep(0.1)


def children(acc):
    # Rows come and go while the list filters: an object that vanished
    # between listing and reading it has no children any more.
    try:
        count = acc.childCount
    except Exception:
        return
    for i in range(count):
        try:
            child = acc.getChildAtIndex(i)
        except Exception:
            continue
        if child is not None:
            yield child


def walk(acc):
    stack = [acc]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(list(children(node))))


def visible(acc):
    # GTK 4.8 sets VISIBLE but never SHOWING.
    import pyatspi
    try:
        return acc.getState().contains(pyatspi.STATE_VISIBLE)
    except Exception:
        return False


def find(root, role=None, name=None, name_re=None, text_re=None, only_visible=True):
    for acc in walk(root):
        try:
            if role is not None and acc.getRoleName() != role:
                continue
            if name is not None and acc.name != name:
                continue
            if name_re is not None and not re.search(name_re, acc.name or ''):
                continue
            if text_re is not None:
                text = acc.queryText()
                if not re.search(text_re, text.getText(0, text.characterCount)):
                    continue
            if only_visible and not visible(acc):
                continue
            return acc
        except Exception:
            continue
    return None


def set_text(acc, text):
    editable = acc.queryEditableText()
    editable.setTextContents('')
    editable.insertText(0, text, len(text))


def press(button):
    action = button.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ('click', 'activate', 'press'):
            action.doAction(i)
            return
    action.doAction(0)


def with_demo_program(binary, *drives):
    """Starts the accessibility bus, then for each drive a new start of
    the program on its demo instance, driven by drive(app); each start has
    the keyboard: without a window manager nothing gives it back to the
    main window when a dialog closes. Returns what the test exits with."""
    if not os.environ.get('DISPLAY') and not os.environ.get('WAYLAND_DISPLAY'):
        log('SKIP: no display')
        return SKIP
    if not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
        log('SKIP: no D-Bus session bus')
        return SKIP
    if not os.access(LAUNCHER, os.X_OK):
        log('SKIP: ' + LAUNCHER + ' is missing')
        return SKIP
    try:
        import pyatspi  # noqa: F401
    except ImportError:
        log('SKIP: pyatspi is missing')
        return SKIP

    env = dict(os.environ)
    env.pop('NO_AT_BRIDGE', None)
    if APP_G_DEBUG:
        env['G_DEBUG'] = APP_G_DEBUG
    env.setdefault('GSETTINGS_BACKEND', 'memory')

    # The launcher starts the accessibility bus, which starts the registry
    # daemon; give them a process group of their own so that all three go
    # when the test ends, and keep them off the test's output, which the
    # test runner reads until every writer has closed it.
    launcher = subprocess.Popen([LAUNCHER, '--launch-immediately'], env=env,
                                stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL,
                                start_new_session=True)
    app = None
    try:
        gdbus = shutil.which('gdbus')
        if gdbus:
            # Ask the bus whether the launcher owns its name yet; calling
            # the launcher itself would have D-Bus start a second one.
            wait_for('the accessibility bus', lambda: 'true' in subprocess.run(
                [gdbus, 'call', '--session', '--dest', 'org.freedesktop.DBus',
                 '--object-path', '/org/freedesktop/DBus',
                 '--method', 'org.freedesktop.DBus.NameHasOwner', 'org.a11y.Bus'],
                env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                text=True).stdout)

        # Connect to the registry before the program starts: libatspi's
        # first connection, made while GTK opens the display, can make
        # that fail ("cannot open display").
        import pyatspi

        def registry_answers():
            try:
                return pyatspi.Registry.getDesktop(0) is not None
            except Exception:  # the registry daemon is still starting
                return False
        wait_for('the accessibility registry', registry_answers)

        for drive_app in drives:
            if app is not None:
                stop(app)
            app = subprocess.Popen([binary, '--demo'], env=env)
            result = drive_app(app)
            if result != 0:
                return result
        return 0
    finally:
        for proc in (app, launcher):
            if proc is not None:
                stop(proc)
        try:
            os.killpg(launcher.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass


def main():
    if len(sys.argv) != 2:
        print('usage: test_run_flow.py PATH-TO-remote-actions', file=sys.stderr)
        return 2

    def add_account(app):
        root, window = wait_for_window(app)
        add_account_by_keyboard(root, window)
        return 0

    return with_demo_program(sys.argv[1], drive, add_account)


def stop(proc):
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def wait_for_window(app):
    """The program's node on the accessibility bus and its main window."""
    import pyatspi

    def find_app():
        if app.poll() is not None:
            raise AssertionError('the program exited with %d' % app.returncode)
        desktop = pyatspi.Registry.getDesktop(0)
        for candidate in children(desktop):
            try:
                if candidate.get_process_id() == app.pid:
                    return candidate
            except Exception:
                continue
        return None

    root = wait_for('the program on the accessibility bus', find_app)
    window = wait_for('the main window',
                      lambda: find(root, role='frame', name='Remote Actions'))
    return root, window


def show_action(window, name, input_name, input_role='text'):
    """Picks the action's row in the list until its page shows input_name."""
    def shown_or_pick():
        heading = find(window, role='label', text_re='^' + re.escape(name) + '$')
        if heading is not None and find(window, role=input_role, name=input_name):
            return True
        row = heading
        while row is not None and row.getRoleName() != 'list item':
            row = row.parent
        if row is not None:
            log('picking the row')
            try:
                row.parent.querySelection().selectChild(row.getIndexInParent())
            except Exception:
                press(row)
        return False

    wait_for('the page of ' + name, shown_or_pick)


def press_key(keysym):
    import pyatspi
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
    time.sleep(0.2)


def focused(root, role, name=None):
    """The object of role (and name) that has the keyboard focus."""
    import pyatspi
    for acc in walk(root):
        try:
            if acc.getRoleName() != role or (name is not None and acc.name != name):
                continue
            if acc.getState().contains(pyatspi.STATE_FOCUSED):
                return acc
        except Exception:
            continue
    return None


def choice_value(root, name):
    """What the choice button called name shows: the first line of its
    description, which the input's own description follows."""
    button = find(root, role='push button', name=name)
    return (button.description or '').split('\n')[0] if button is not None else None


def choose_by_keyboard(root, window, name):
    """Tabs to the choice called name, then chooses with Space and Enter
    the option that has the focus, and then, opened again on that one,
    the one after it."""
    for _ in range(80):
        if focused(window, 'push button', name):
            break
        press_key(KEY_TAB)
    assert focused(window, 'push button', name), 'Tab never reaches the choice ' + name
    assert choice_value(window, name) == 'Choose…', 'the choice does not say that none is made'
    log('the choice has the focus')

    chosen = None
    for move in ([], [KEY_DOWN]):
        press_key(KEY_SPACE)
        if chosen is not None:
            wait_for('the options to start from ' + chosen,
                     lambda: focused(root, 'menu item', chosen)
                     or focused(root, 'radio menu item', chosen))
        for key in move:
            press_key(key)
        option = wait_for('an option with the focus',
                          lambda: focused(root, 'menu item') or focused(root, 'radio menu item'))
        assert option.name != chosen, 'the arrow key did not move to another option'
        chosen = option.name
        press_key(KEY_RETURN)
        wait_for('the choice to show ' + chosen,
                 lambda: choice_value(window, name) == chosen)
        log('chose ' + chosen)


def type_text(text):
    """Types text through the accessibility registry, as a keyboard would."""
    import pyatspi
    pyatspi.Registry.generateKeyboardEvent(0, text, pyatspi.KEY_STRING)
    time.sleep(0.3)


def text_of(acc):
    text = acc.queryText()
    return text.getText(0, text.characterCount)


def focused_within(root, role, name):
    """The object of role and name if it or an object inside it has the
    keyboard focus."""
    import pyatspi
    acc = find(root, role=role, name=name)
    if acc is None:
        return None
    for inner in walk(acc):
        try:
            if inner.getState().contains(pyatspi.STATE_FOCUSED):
                return acc
        except Exception:
            continue
    return None


def tab_to(root, role, name, what):
    """Presses Tab until the object of role and name has the focus."""
    seen = []
    for _ in range(40):
        acc = focused_within(root, role, name)
        if acc is not None:
            return acc
        press_key(KEY_TAB)
        seen.append(focus_description(root))
    raise AssertionError('Tab never reaches %s; it went through %s' % (what, ', '.join(seen)))


def focus_description(root):
    import pyatspi
    found = []
    for acc in walk(root):
        try:
            if acc.getState().contains(pyatspi.STATE_FOCUSED):
                found.append('%s “%s”' % (acc.getRoleName(), acc.name))
        except Exception:
            continue
    return ' + '.join(found) or 'nothing'



def assert_names_plain(root, what):
    """Every control has one name, as the screen reader says it: without
    the mnemonic's underscore and not said twice."""
    for acc in walk(root):
        try:
            if acc.getRoleName() not in CONTROL_ROLES or not visible(acc):
                continue
            name = acc.name or ''
        except Exception:
            continue
        if name.startswith('#'):
            # An NQL ID, as the server writes it.
            continue
        words = name.split()
        half = len(words) // 2
        assert '_' not in name, \
            '%s: the %s “%s” is named with its mnemonic' % (what, acc.getRoleName(), name)
        assert not (half and len(words) % 2 == 0 and words[:half] == words[half:]), \
            '%s: the %s “%s” is named twice' % (what, acc.getRoleName(), name)


def type_into_focus(dialog, name, text):
    """Types text and checks that it landed in the entry called name:
    GTK 4.8 does not report the focus of an entry row's text, so where
    the keys go tells where the focus is."""
    entry = find(dialog, role='text', name=name)
    assert entry is not None, 'no entry ' + name
    type_text(text)
    wait_for('“%s” typed into %s' % (text, name), lambda: text_of(entry) == text)


def add_account_by_keyboard(root, window):
    """Adds an account with the keyboard alone: the switcher's menu, the
    fields in the order Tab visits them, the region's menu, Save. Its
    server is a loopback address where nothing answers, so that nothing
    leaves the machine."""
    import pyatspi
    tab_to(window, 'push button', 'Account: Demo Instance', 'the account switcher')
    press_key(KEY_SPACE)
    for _ in range(20):
        if focused(root, 'menu item', 'Add Account…'):
            break
        press_key(KEY_DOWN)
    assert focused(root, 'menu item', 'Add Account…'), 'the arrow keys never reach Add Account…'
    press_key(KEY_RETURN)

    dialog = wait_for('the Add Account window',
                      lambda: find(root, role='filler', name='Add Account'))
    assert_names_plain(dialog, 'Add Account')
    # It opens in the first field to fill, not on Cancel.
    type_into_focus(dialog, 'Instance Name', 'acme')
    log('Add Account opened in the instance name')

    region = tab_to(dialog, 'push button', 'Region', 'the region')
    assert region.description == 'Choose…', 'a region is chosen for the user'
    press_key(KEY_SPACE)
    option = wait_for('a region with the focus', lambda: focused(root, 'radio menu item')
                      or focused(root, 'menu item'))
    chosen = option.name
    press_key(KEY_RETURN)
    wait_for('the region to show ' + chosen, lambda: region.description == chosen)
    log('chose the region ' + chosen)

    press_key(KEY_TAB)
    type_into_focus(dialog, 'Client ID', 'keyboard-client')
    press_key(KEY_TAB)
    type_text('keyboard-secret')

    tab_to(dialog, 'list item', 'Advanced', 'the advanced settings')
    press_key(KEY_SPACE)
    tab_to(dialog, 'combo box', 'Token Endpoint', 'the token endpoint')
    press_key(KEY_TAB)
    type_into_focus(dialog, 'Base URL Override', 'http://127.0.0.1:9')

    save = find(dialog, role='push button', name='Save')
    wait_for('Save to be enabled', lambda: save.getState().contains(pyatspi.STATE_SENSITIVE))
    tab_to(dialog, 'push button', 'Save', 'Save')
    press_key(KEY_RETURN)
    wait_for('the Add Account window to close',
             lambda: find(root, role='filler', name='Add Account') is None)
    wait_for('the new account in the switcher',
             lambda: find(window, role='push button', name_re='^Account: acme \\('))
    log('added the account by keyboard')


def confirm_count_by_keyboard(dialog):
    """Types the number of devices where the confirmation puts the focus,
    and confirms with Enter."""
    import pyatspi
    count = wait_for('the focus in the device count',
                     lambda: focused_within(dialog, 'text', 'Number of devices'))
    confirm = find(dialog, role='push button', name_re='Run on 12 Devices')
    assert not confirm.getState().contains(pyatspi.STATE_SENSITIVE), \
        'the run can be confirmed without typing the number of devices'
    type_text('12')
    wait_for('the count typed', lambda: text_of(count) == '12')
    wait_for('the confirm button to be enabled',
             lambda: confirm.getState().contains(pyatspi.STATE_SENSITIVE))
    press_key(KEY_RETURN)


def drive(app):
    import pyatspi

    root, window = wait_for_window(app)
    log('found the window')

    search = wait_for('the search entry',
                      lambda: find(window, name_re='^Search'))

    # A fixed choice starts with nothing chosen; the keyboard alone makes
    # one. Its button has one name, the input's, said once.
    set_text(search, 'browser cache')
    show_action(window, 'Clear browser cache', 'Browser', input_role='push button')
    wait_for('the run bar to ask for a choice',
             lambda: find(window, role='label', text_re='^Choose a value for “Browser”$'))
    choose_by_keyboard(root, window, 'Browser')
    wait_for('the run bar to stop asking for a choice',
             lambda: find(window, role='label', text_re='^Choose a value for “Browser”$') is None)

    set_text(search, 'installed software')
    log('searched')

    name = 'Get installed software version'

    show_action(window, name, 'Application')
    log('the action is shown')

    application = find(window, role='text', name='Application')
    set_text(application, 'Zoom')

    # The demo instance has a device-lookup query: names are taken too.
    devices = wait_for('the devices editor',
                       lambda: find(window, name='Device names or collector IDs'))
    set_text(devices, '%s, %s\n' % (DEVICES[0], DEVICES[1].upper()))
    log('pasted two devices')

    run = wait_for('the Run on 2 Devices button',
                   lambda: find(window, role='push button', name_re='Run on 2 Devices'))
    wait_for('Run to be enabled',
             lambda: run.getState().contains(pyatspi.STATE_SENSITIVE))
    press(run)
    log('pressed Run')

    def find_dialog():
        for acc in children(root):
            if acc is window:
                continue
            if find(acc, role='label', text_re='^Run “' + name + '”'):
                return acc
        return None

    dialog = wait_for('the confirmation', find_dialog)
    summary = find(dialog, role='label', text_re='^Zoom$')
    assert summary is not None, 'the confirmation does not repeat the value'
    confirm = wait_for('the confirm button',
                       lambda: find(dialog, role='push button', name_re='Run on 2 Devices'))
    press(confirm)
    log('confirmed')

    def request_id():
        row = find(window, role='list item', name='Request ID')
        if row is None:
            return None
        for acc in walk(row):
            try:
                if acc.getRoleName() != 'label':
                    continue
                text = acc.queryText()
                value = text.getText(0, text.characterCount)
                if UUID_RE.match(value):
                    return value
            except Exception:
                continue
        return None

    value = wait_for('the request ID', request_id)
    log('request ID: ' + value)

    history = wait_for('the run in the session list',
                       lambda: find(window, role='label', text_re=re.escape(value) + '$',
                                    only_visible=False))
    assert history is not None

    # Above ten devices the number has to be typed before Run is possible.
    many = ['%08x-0000-4000-8000-%012x' % (i, i) for i in range(1, 13)]
    set_text(devices, '\n'.join(many))
    run = wait_for('the Run on 12 Devices button',
                   lambda: find(window, role='push button', name_re='Run on 12 Devices'))
    wait_for('Run to be enabled',
             lambda: run.getState().contains(pyatspi.STATE_SENSITIVE))
    press(run)
    dialog = wait_for('the second confirmation', find_dialog)
    confirm_count_by_keyboard(dialog)
    log('confirmed with the device count, by keyboard')

    second = wait_for('a second request ID',
                      lambda: (lambda v: v if v and v != value else None)(request_id()))
    log('request ID: ' + second)

    assert_names_plain(window, 'the main window')
    return 0


if __name__ == '__main__':
    try:
        sys.exit(main())
    except AssertionError as error:
        print('FAIL: %s' % error, file=sys.stderr, flush=True)
        sys.exit(1)
