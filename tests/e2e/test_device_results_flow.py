#!/usr/bin/python3
# The built program on its demo instance, driven only through the
# accessibility tree: fill an action's form, pick three of the demo
# instance's devices, run and confirm, open the run's device results,
# move the demo instance's clock past the run's expiry, and read the
# settled counts from the results' filters once they refresh by
# themselves.
#
# Usage: test_device_results_flow.py PATH-TO-remote-actions
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import sys
import urllib.request

# The helpers of the run flow, imported without leaving bytecode beside them.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_run_flow as flow  # noqa: E402

# Devices the demo instance knows: only they report back. The last one
# is switched off: it stays pending until the run expires, so the results
# still have something to wait for when they first show, however slowly
# this build runs.
OFFLINE_DEVICE = '120b3ac1-21ae-4555-ab5f-ae7a2f4a460e'
DEVICES = flow.DEVICES + [OFFLINE_DEVICE]
ACTION = 'Get installed software version'
FILTERS = ('All', 'Succeeded', 'Failed', 'Pending', 'No Report')
# Longer than the longest expiry a run may have (a week): every device
# of the run has reached a final state after it.
ADVANCE_SECONDS = 8 * 24 * 3600


def listening_ports(pid):
    """The TCP ports the process listens on, from /proc."""
    inodes = set()
    fd_dir = '/proc/%d/fd' % pid
    for fd in os.listdir(fd_dir):
        try:
            link = os.readlink(os.path.join(fd_dir, fd))
        except OSError:
            continue
        if link.startswith('socket:['):
            inodes.add(link[len('socket:['):-1])
    ports = []
    for table in ('/proc/net/tcp', '/proc/net/tcp6'):
        try:
            lines = open(table).read().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            # 0A: LISTEN
            if fields[3] == '0A' and fields[9] in inodes:
                ports.append(int(fields[1].rsplit(':', 1)[1], 16))
    return ports


def advance_demo_clock(app, seconds):
    """Moves the clock of the demo instance, which runs inside the
    program, through the simulator's control endpoint on loopback."""
    body = json.dumps({'advanceSeconds': seconds}).encode()
    for port in listening_ports(app.pid):
        request = urllib.request.Request('http://127.0.0.1:%d/_sim/clock' % port, data=body,
                                         headers={'Content-Type': 'application/json'},
                                         method='POST')
        try:
            with urllib.request.urlopen(request, timeout=5) as answer:
                if answer.status == 200:
                    return json.load(answer)
        except Exception:
            continue
    raise AssertionError('no listener of the program moved the demo clock')


def filter_counts(results):
    """What the filters say: {'Succeeded': 2, …}."""
    counts = {}
    for acc in flow.walk(results):
        try:
            # GTK 4.8 gives toggle buttons the role of push buttons.
            if acc.getRoleName() not in ('toggle button', 'push button'):
                continue
            match = re.match(r'^(.+) \((\d+)\)$', acc.name or '')
        except Exception:
            continue
        if match and match.group(1) in FILTERS:
            counts[match.group(1)] = int(match.group(2))
    return counts if len(counts) == len(FILTERS) else None


def label_text(root, pattern):
    acc = flow.find(root, role='label', text_re=pattern)
    return flow.text_of(acc) if acc is not None else None


def drive(app):
    import pyatspi

    root, window = flow.wait_for_window(app)
    flow.log('found the window')

    search = flow.wait_for('the search entry', lambda: flow.find(window, name_re='^Search'))
    flow.set_text(search, 'installed software')
    flow.show_action(window, ACTION, 'Application')
    flow.set_text(flow.find(window, role='text', name='Application'), 'Zoom')

    devices = flow.wait_for('the devices editor',
                            lambda: flow.find(window, name='Device names or collector IDs'))
    flow.set_text(devices, '\n'.join(DEVICES) + '\n')
    flow.log('picked %d devices' % len(DEVICES))

    run = flow.wait_for('the Run on 3 Devices button',
                        lambda: flow.find(window, role='push button', name_re='Run on 3 Devices'))
    flow.wait_for('Run to be enabled', lambda: run.getState().contains(pyatspi.STATE_SENSITIVE))
    flow.press(run)

    def find_dialog():
        for acc in flow.children(root):
            if acc is not window and flow.find(acc, role='label', text_re='^Run “' + ACTION + '”'):
                return acc
        return None

    dialog = flow.wait_for('the confirmation', find_dialog)
    flow.press(flow.wait_for('the confirm button',
                             lambda: flow.find(dialog, role='push button',
                                               name_re='Run on 3 Devices')))
    flow.log('confirmed')

    # The run's line in the runs of this session opens its results.
    button = flow.wait_for('the run’s Device Results button',
                           lambda: flow.find(window, role='push button',
                                             name='Device results of “%s”' % ACTION))
    flow.press(button)

    def find_results():
        for acc in flow.children(root):
            if acc is not window and acc.name == 'Device Results':
                return acc
        return None

    results = flow.wait_for('the device results window', find_results)
    flow.wait_for('the first answer', lambda: filter_counts(results))
    first = filter_counts(results)
    flow.log('first answer: %s' % first)
    assert first['All'] == len(DEVICES), 'the results do not list the run’s devices: %s' % first
    assert first['Pending'] >= 1, 'the switched-off device is not pending: %s' % first
    assert label_text(results, 'next update in'), 'the results do not refresh by themselves'

    # Well past the expiry of the run, every device has reported or
    # never will; the next refresh, which comes by itself, shows it.
    now = advance_demo_clock(app, ADVANCE_SECONDS)
    flow.log('moved the demo clock: %s' % now)

    # The status line and the filter buttons are separate objects of the
    # accessibility tree, whose names reach this process one event at a
    # time: read until both tell of the same answer.
    def settled():
        counts = filter_counts(results)
        if (counts and label_text(results, 'every device has finished') and
                counts['Pending'] == 0 and
                counts['Succeeded'] + counts['Failed'] + counts['No Report'] == len(DEVICES)):
            return counts
        return None

    counts = flow.wait_for('the results to settle by themselves', settled, timeout=flow.TIMEOUT * 2)
    flow.log('settled: %s' % counts)
    assert counts['All'] == len(DEVICES), counts
    assert counts['Pending'] == 0, counts
    assert counts['Succeeded'] + counts['Failed'] + counts['No Report'] == len(DEVICES), counts
    assert counts['No Report'] >= 1, 'the switched-off device is not without a report: %s' % counts
    summary = label_text(results, r'devices succeeded')
    assert summary is not None and summary.startswith('%d of %d devices succeeded'
                                                      % (counts['Succeeded'], len(DEVICES))), summary
    assert label_text(results, 'next update in') is None, 'a settled run still refreshes'
    flow.assert_names_plain(results, 'the device results')
    return 0


def main():
    if len(sys.argv) != 2:
        print('usage: test_device_results_flow.py PATH-TO-remote-actions', file=sys.stderr)
        return 2
    return flow.with_demo_program(sys.argv[1], drive)


if __name__ == '__main__':
    try:
        sys.exit(main())
    except AssertionError as error:
        print('FAIL: %s' % error, file=sys.stderr, flush=True)
        sys.exit(1)
