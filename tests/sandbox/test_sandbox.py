#!/usr/bin/python3
# The Flatpak, built from the shipped manifest and run in a real sandbox.
#
# Builds a stand-in runtime and SDK from Debian 12 (build-runtime.sh), then
# the app with flatpak-builder from a manifest generated from the shipped
# one with only runtime, SDK and runtime-version replaced and a libsecret
# with the Secret portal fix bundled (see the README). Runs the sandboxed
# app under Xvfb in a private D-Bus session with an unlocked gnome-keyring
# and xdg-desktop-portal, and checks it through the accessibility tree:
# its permissions, the demo, adding an account against the simulator on
# the host's loopback, where the secret goes, a restart, and two controls
# that prove the checks can fail.
#
# Usage: test_sandbox.py SOURCE-DIR BUILD-DIR SIMULATOR
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time

SKIP = 77
APP_ID = 'io.github.nxra.RemoteActions'
PLATFORM = 'io.github.nxra.DebianPlatform'
SDK = 'io.github.nxra.DebianSdk'
BRANCH = '12'
# The first libsecret whose file backend subscribes to the portal's
# signal before calling it (libsecret issue #58).
LIBSECRET_MIN = (0, 21, 4)
HOST_PACKAGES = ['flatpak', 'flatpak-builder', 'bubblewrap', 'xdg-desktop-portal',
                 'mmdebstrap', 'elfutils', 'debugedit', 'gnome-keyring',
                 'xvfb', 'xauth', 'dbus', 'at-spi2-core', 'python3-pyatspi', 'python3-gi']
TIMEOUT = 60
LAUNCHER = '/usr/libexec/at-spi-bus-launcher'
ACTION = 'Get installed software version'


def log(*args):
    print('sandbox:', *args, flush=True)


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def wait_for(what, predicate, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    while True:
        result = predicate()
        if result:
            return result
        if time.monotonic() > deadline:
            raise Failure('timed out waiting for ' + what)
        time.sleep(0.2)


# The whole suite ends well within its meson timeout, so that a step that
# hangs (a download, a build, a daemon) is named in the failure rather
# than cut off without a word.
BUDGET = 28 * 60
SUITE_DEADLINE = time.monotonic() + BUDGET


def run(args, **kwargs):
    kwargs.setdefault('check', True)
    kwargs.setdefault('timeout', max(1.0, SUITE_DEADLINE - time.monotonic()))
    try:
        return subprocess.run(args, **kwargs)
    except subprocess.TimeoutExpired:
        raise Failure('%s did not finish within the suite\'s %d minutes'
                      % (' '.join(str(a) for a in args[:3]), BUDGET // 60))


# --- the host -------------------------------------------------------------

def ensure_host_packages():
    missing = [p for p in HOST_PACKAGES
               if 'install ok installed' not in subprocess.run(
                   ['dpkg-query', '-W', '-f=${Status}', p],
                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout]
    if not missing:
        return True
    if os.getuid() != 0:
        log('missing packages: ' + ' '.join(missing) + ' (run as root to install them)')
        return False
    log('installing ' + ' '.join(missing))
    env = dict(os.environ, DEBIAN_FRONTEND='noninteractive')
    run(['apt-get', 'update', '-q'], env=env, stdout=subprocess.DEVNULL)
    run(['apt-get', 'install', '-y', '-q'] + missing, env=env, stdout=subprocess.DEVNULL)
    return True


def debian_mirror():
    """The machine's own Debian mirror, as its apt is configured."""
    uris = []
    for directory, names in (('/etc/apt/sources.list.d', None), ('/etc/apt', ['sources.list'])):
        try:
            files = names or sorted(os.listdir(directory))
        except FileNotFoundError:
            continue
        for name in files:
            path = os.path.join(directory, name)
            if not os.path.isfile(path):
                continue
            text = open(path, encoding='utf-8', errors='replace').read()
            if name.endswith('.sources'):
                for stanza in re.split(r'\n\s*\n', text):
                    fields = dict(re.findall(r'^(\w[\w-]*):\s*(.*)$', stanza, re.M))
                    if 'bookworm' in fields.get('Suites', '').split():
                        uris += fields.get('URIs', '').split()
            elif name.endswith('.list'):
                for line in text.splitlines():
                    parts = line.split()
                    if len(parts) >= 3 and parts[0] == 'deb' and 'bookworm' in parts:
                        uris += [p for p in parts if '://' in p][:1]
    check(uris, 'no Debian 12 (bookworm) source in the apt configuration')
    return uris[0]


def version_key(version):
    upstream = version.split(':')[-1].split('-')[0]
    return tuple(int(x) for x in re.findall(r'\d+', upstream)[:3])


def fetch_libsecret(cache):
    """A libsecret source with the portal fix, from Debian's archive.

    Debian 12 and its backports have only 0.20.5, so the oldest newer
    Debian source apt can reach is taken: Debian 13's. apt checks the file
    against the archive's signed index; flatpak-builder checks it again
    against the checksum written into the manifest."""
    mirror = debian_mirror()
    apt = os.path.join(cache, 'apt')
    os.makedirs(os.path.join(apt, 'lists', 'partial'), exist_ok=True)
    os.makedirs(os.path.join(apt, 'cache', 'archives', 'partial'), exist_ok=True)
    sources = os.path.join(apt, 'sources.list')
    with open(sources, 'w', encoding='utf-8') as f:
        for suite in ('bookworm', 'bookworm-backports', 'trixie'):
            f.write(f'deb-src {mirror} {suite} main\n')
    opts = ['-o', 'Dir::Etc::SourceList=' + sources, '-o', 'Dir::Etc::SourceParts=/dev/null',
            '-o', 'Dir::State::Lists=' + os.path.join(apt, 'lists'),
            '-o', 'Dir::Cache=' + os.path.join(apt, 'cache'),
            '-o', 'APT::Sandbox::User=root']
    if not os.listdir(os.path.join(apt, 'lists')) or len(os.listdir(os.path.join(apt, 'lists'))) <= 2:
        run(['apt-get'] + opts + ['update', '-q'], stdout=subprocess.DEVNULL)
    text = run(['apt-cache'] + opts + ['showsrc', 'libsecret'],
               stdout=subprocess.PIPE, text=True).stdout
    candidates = []
    for stanza in re.split(r'\n\s*\n', text):
        version = re.search(r'^Version:\s*(\S+)', stanza, re.M)
        sums = re.search(r'^Checksums-Sha256:\n((?: .*\n?)+)', stanza, re.M)
        if not version or not sums:
            continue
        files = {m[2]: m[0] for m in (line.split() for line in sums.group(1).splitlines())
                 if len(m) == 3}
        orig = [name for name in files if '.orig.tar.' in name]
        if orig and version_key(version.group(1)) >= LIBSECRET_MIN:
            candidates.append((version_key(version.group(1)), version.group(1), orig[0],
                               files[orig[0]]))
    check(candidates, 'no libsecret source >= %d.%d.%d in reach of apt' % LIBSECRET_MIN)
    _, version, name, sha256 = min(candidates)
    src = os.path.join(cache, 'libsecret')
    os.makedirs(src, exist_ok=True)
    path = os.path.join(src, name)
    if not os.path.exists(path):
        run(['apt-get'] + opts + ['source', '--tar-only', '--download-only',
                                  'libsecret=' + version], cwd=src, stdout=subprocess.DEVNULL)
    digest = run(['sha256sum', path], stdout=subprocess.PIPE, text=True).stdout.split()[0]
    check(digest == sha256, f'{name}: checksum {digest} is not the archive\'s {sha256}')
    log(f'libsecret {version} from Debian\'s archive, sha256 {sha256}')
    return version, path, sha256


# --- the manifest ---------------------------------------------------------

REPLACED = {'runtime': PLATFORM, 'sdk': SDK, 'runtime-version': BRANCH}


def generate_manifest(shipped, libsecret_path, libsecret_sha256):
    manifest = json.loads(json.dumps(shipped))
    manifest.update(REPLACED)
    # A stand-in detail: the GNOME 50 runtime's own libsecret has the fix.
    manifest['modules'].insert(0, {
        'name': 'libsecret',
        'buildsystem': 'meson',
        'config-opts': ['-Dmanpage=false', '-Dvapi=false', '-Dgtk_doc=false',
                        '-Dintrospection=false', '-Dbash_completion=disabled',
                        '-Dcrypto=libgcrypt'],
        'cleanup': ['/bin', '/share/locale'],
        'sources': [{'type': 'archive', 'path': libsecret_path, 'sha256': libsecret_sha256}],
    })
    return manifest


def check_generated(shipped, generated):
    """Everything but the three replaced keys and the bundled library is
    the shipped manifest's, finish-args and test step included."""
    rest = json.loads(json.dumps(generated))
    for key, value in REPLACED.items():
        check(rest.pop(key) == value, key + ' not replaced')
    check(rest['modules'][0]['name'] == 'libsecret', 'libsecret is not the first module')
    rest['modules'].pop(0)
    original = {k: v for k, v in shipped.items() if k not in REPLACED}
    check(rest == original, 'the generated manifest differs from the shipped one')


def stage_tree(srcdir, builddir, stage):
    """The tree the manifest's dir source copies, as a fresh clone has it."""
    if os.path.exists(stage):
        shutil.rmtree(stage)
    listing = subprocess.run(['git', '-C', srcdir, 'ls-files', '-z', '--cached', '--others',
                              '--exclude-standard'],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    if listing.returncode == 0 and listing.stdout:
        for rel in listing.stdout.decode().split('\0'):
            src = os.path.join(srcdir, rel)
            if not rel or not os.path.isfile(src):
                continue
            if os.path.realpath(src).startswith(os.path.realpath(builddir) + os.sep):
                continue
            dst = os.path.join(stage, rel)
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            shutil.copy2(src, dst)
    else:
        build = os.path.realpath(builddir)
        shutil.copytree(srcdir, stage, symlinks=True, ignore=lambda d, names: [
            n for n in names if n in ('.git', '.flatpak-builder')
            or os.path.realpath(os.path.join(d, n)) == build])


# --- the session ----------------------------------------------------------

class Session:
    def __init__(self, work):
        self.work = work
        self.procs = []
        self.home = os.path.join(work, 'home')
        self.env = dict(os.environ)
        for key in ('GSETTINGS_BACKEND', 'GSETTINGS_SCHEMA_DIR', 'NO_AT_BRIDGE',
                    'G_DEBUG', 'MALLOC_CHECK_', 'GTK_A11Y'):
            self.env.pop(key, None)
        self.env.update(HOME=self.home,
                        XDG_CONFIG_HOME=os.path.join(self.home, '.config'),
                        XDG_DATA_HOME=os.path.join(self.home, '.local/share'),
                        XDG_CACHE_HOME=os.path.join(self.home, '.cache'),
                        XDG_STATE_HOME=os.path.join(self.home, '.local/state'),
                        XDG_RUNTIME_DIR=os.path.join(work, 'run'),
                        # The portal backends are chosen by desktop; GNOME's
                        # keyring serves the Secret portal for GNOME.
                        XDG_CURRENT_DESKTOP='GNOME',
                        GTK_A11Y='atspi')
        for key in ('XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'XDG_STATE_HOME'):
            os.makedirs(self.env[key], exist_ok=True)
        os.makedirs(os.path.join(self.env['XDG_DATA_HOME'], 'keyrings'), exist_ok=True)
        os.makedirs(self.env['XDG_RUNTIME_DIR'], mode=0o700, exist_ok=True)

    def start(self, args, **kwargs):
        kwargs.setdefault('env', self.env)
        kwargs.setdefault('stdin', subprocess.DEVNULL)
        proc = subprocess.Popen(args, start_new_session=True, **kwargs)
        self.procs.append(proc)
        return proc

    def stop(self, proc):
        if proc.poll() is None:
            try:
                os.killpg(proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()

    def close(self):
        for proc in reversed(self.procs):
            self.stop(proc)

    def flatpak(self, *args, **kwargs):
        kwargs.setdefault('env', self.env)
        return run(['flatpak'] + list(args), **kwargs)

    def unlock_keyring(self):
        out = run(['gnome-keyring-daemon', '--unlock', '--components=secrets'],
                  input='\n', stdout=subprocess.PIPE, text=True, env=self.env).stdout
        for line in out.splitlines():
            key, _, value = line.partition('=')
            if key in ('GNOME_KEYRING_CONTROL', 'SSH_AUTH_SOCK'):
                self.env[key] = value


def session_bus(env):
    from gi.repository import Gio
    return Gio.DBusConnection.new_for_address_sync(
        env['DBUS_SESSION_BUS_ADDRESS'],
        Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT |
        Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION, None, None)


def bus_call(bus, dest, path, iface, method, args=None, reply=None):
    from gi.repository import Gio, GLib
    return bus.call_sync(dest, path, iface, method, args,
                         GLib.VariantType(reply) if reply else None,
                         Gio.DBusCallFlags.NONE, 20000, None).unpack()


def name_has_owner(env, name):
    from gi.repository import GLib
    bus = session_bus(env)
    try:
        return bus_call(bus, 'org.freedesktop.DBus', '/org/freedesktop/DBus',
                        'org.freedesktop.DBus', 'NameHasOwner', GLib.Variant('(s)', (name,)),
                        '(b)')[0]
    finally:
        bus.close_sync(None)


def keyring_items(env, attributes):
    """The gnome-keyring items that match attributes ({} for all), each with
    its secret, read from the host. Through the service alone: gnome-keyring
    does not answer for the objects of items the Secret portal made. A
    Secret Service session belongs to the connection that opened it."""
    from gi.repository import GLib
    bus = session_bus(env)
    try:
        service = (bus, 'org.freedesktop.secrets', '/org/freedesktop/secrets',
                   'org.freedesktop.Secret.Service')
        _, session = bus_call(*service, 'OpenSession',
                              GLib.Variant('(sv)', ('plain', GLib.Variant('s', ''))), '(vo)')
        unlocked, locked = bus_call(*service, 'SearchItems',
                                    GLib.Variant('(a{ss})', (attributes,)), '(aoao)')
        check(not locked, 'locked items in the unlocked keyring: %s' % locked)
        secrets, = bus_call(*service, 'GetSecrets', GLib.Variant('(aoo)', (unlocked, session)),
                            '(a{o(oayays)})')
        return {path: bytes(secrets[path][2]) for path in unlocked}
    finally:
        bus.close_sync(None)


# --- the accessibility tree -----------------------------------------------

def children(acc):
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
    import pyatspi
    try:
        return acc.getState().contains(pyatspi.STATE_VISIBLE)
    except Exception:
        return False


def find(root, role=None, name=None, name_re=None, text_re=None):
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
            if not visible(acc):
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


def app_roots():
    import pyatspi
    desktop = pyatspi.Registry.getDesktop(0)
    return [a for a in children(desktop)
            if (a.name or '') in ('remote-actions', 'Remote Actions')]


def dump_tree():
    """What the app showed when a check failed."""
    try:
        for root in app_roots():
            for acc in walk(root):
                depth, parent = 0, acc
                while parent is not None and parent != root and depth < 40:
                    parent, depth = parent.parent, depth + 1
                print('  ' * depth + '%s “%s”%s' % (acc.getRoleName(), acc.name,
                                                    '' if visible(acc) else ' (hidden)'))
    except Exception as error:
        print('(the accessibility tree could not be read: %s)' % error)


def main_window():
    for root in app_roots():
        window = find(root, role='frame', name_re='Remote Actions')
        if window is not None:
            return root, window
    return None


# --- the simulator --------------------------------------------------------

class Simulator:
    def __init__(self, session, binary):
        self.log = open(os.path.join(session.work, 'simulator.log'), 'w+', encoding='utf-8')
        self.proc = session.start([binary], stdout=subprocess.PIPE, stderr=self.log, text=True)
        first = self.proc.stdout.readline()
        match = re.match(r'Listening on (http://127\.0\.0\.1:\d+)', first)
        check(match, 'the simulator did not start: ' + first)
        self.url = match.group(1)
        # Where its login service (the OAuth token endpoint) listens, when
        # it has one of its own; then the credentials.
        self.login_url = None
        line = self.proc.stdout.readline()
        login = re.match(r'Login service on (http://127\.0\.0\.1:\d+)', line)
        if login:
            self.login_url = login.group(1)
            line = self.proc.stdout.readline()
        creds = re.match(r'Credentials: client ID (\S+), client secret (\S+)', line)
        check(creds, 'the simulator did not name its credentials')
        self.client_id, self.client_secret = creds.group(1), creds.group(2)

    def requests(self):
        self.log.flush()
        with open(self.log.name, encoding='utf-8') as f:
            return [line.split()[1:3] for line in f
                    if re.match(r'^\d\d:\d\d:\d\d (GET|POST) ', line)]


# --- the checks -----------------------------------------------------------

def expected_permissions(finish_args):
    """flatpak info --show-permissions, as the finish-args should make it."""
    keys = {'--share': 'shared', '--socket': 'sockets', '--device': 'devices',
            '--filesystem': 'filesystems', '--allow': 'features'}
    context = {}
    for arg in finish_args:
        option, _, value = arg.partition('=')
        check(option in keys, 'finish-arg the suite does not know how to check: ' + arg)
        context.setdefault(keys[option], set()).add(value)
        # Flatpak records the X11 fallback as X11 plus the condition.
        if arg == '--socket=fallback-x11':
            context[keys[option]].add('x11')
    return {'Context': context}


def shown_permissions(text):
    sections = {}
    current = None
    for line in text.splitlines():
        line = line.strip()
        if line.startswith('[') and line.endswith(']'):
            current = sections.setdefault(line[1:-1], {})
        elif '=' in line and current is not None:
            key, _, value = line.partition('=')
            current[key] = {v for v in value.split(';') if v}
    return sections


def run_app(session, *args):
    return session.start(['flatpak', 'run'] + list(args) + [APP_ID],
                         stdout=open(os.path.join(session.work, 'app.log'), 'a'),
                         stderr=subprocess.STDOUT)


def quit_app(session, app):
    run(['flatpak', 'kill', APP_ID], env=session.env, check=False,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    session.stop(app)
    wait_for('the app to leave the accessibility tree', lambda: not app_roots(), timeout=30)


def list_shows_action(window):
    return find(window, role='label', text_re='^' + re.escape(ACTION) + '$')


def check_demo(session):
    app = session.start(['flatpak', 'run', APP_ID, '--demo'],
                        stdout=open(os.path.join(session.work, 'app.log'), 'a'),
                        stderr=subprocess.STDOUT)
    root, window = wait_for('the main window of --demo', main_window, timeout=120)
    wait_for('the demo\'s actions', lambda: list_shows_action(window))
    log('--demo shows the main window with its actions')
    quit_app(session, app)


def add_account(session, simulator):
    import pyatspi

    app = run_app(session)
    root, window = wait_for('the main window', main_window, timeout=120)
    add = wait_for('the Add Account button',
                   lambda: find(window, role='push button', name_re='Add Account$'))
    press(add)

    def dialog():
        for acc in children(root):
            if find(acc, role='label', text_re='^Nexthink Instance$'):
                return acc
        return None

    editor = wait_for('the account editor', dialog)
    # No region is presumed: a pasted Nexthink address gives both the
    # instance and the region, as an admin copies it from the browser.
    set_text(wait_for('Instance Name', lambda: find(editor, role='text', name='Instance Name')),
             'https://acme.eu.nexthink.cloud/')
    # The base URL row is in a collapsed expander row; typing into it needs
    # no expanding.
    set_text(wait_for('Base URL Override',
                      lambda: find(editor, role='text', name='Base URL Override')),
             simulator.url)
    if simulator.login_url is not None:
        set_text(wait_for('Login Service URL Override',
                          lambda: find(editor, role='text', name='Login Service URL Override')),
                 simulator.login_url)
    set_text(find(editor, role='text', name='Client ID'), simulator.client_id)
    set_text(find(editor, role='password text', name='Client Secret') or
             find(editor, role='text', name='Client Secret'), simulator.client_secret)
    before = len(simulator.requests())
    save = wait_for('Save', lambda: find(editor, role='push button', name_re='Save$'))
    # Save waits for every field a new account needs, the region too,
    # which only the pasted address gave.
    wait_for('Save to be enabled',
             lambda: save.getState().contains(pyatspi.STATE_SENSITIVE))
    press(save)
    wait_for('the list of the new account', lambda: list_shows_action(window), timeout=90)
    requests = simulator.requests()[before:]
    log('requests: ' + ', '.join(' '.join(r) for r in requests))
    check(any('token' in path for _, path in requests), 'no token request arrived')
    check(any(path.startswith('/api/v1/act/remote-action') for _, path in requests),
          'no list request arrived')
    log('Add Account: token and list requests arrived, the list shows')
    return app


def check_secret_storage(session, simulator):
    keyrings = os.path.join(session.home, '.var', 'app', APP_ID, 'data', 'keyrings')
    files = os.listdir(keyrings) if os.path.isdir(keyrings) else []
    check(files, 'no keyring file in the sandbox\'s ' + keyrings)
    items = keyring_items(session.env, {})
    portal = keyring_items(session.env, {'app_id': APP_ID})
    own = keyring_items(session.env, {'xdg:schema': APP_ID + '.ClientSecret'})
    log('gnome-keyring items: %s; the portal\'s for the app: %s' % (list(items), list(portal)))
    check(len(items) == 1 and list(items) == list(portal),
          'gnome-keyring holds %d items, expected only the portal\'s master item for the app'
          % len(items))
    check(not own, 'an item of the app\'s own schema is in gnome-keyring')
    check(all(simulator.client_secret.encode() not in secret for secret in items.values()),
          'the client secret itself is in gnome-keyring')
    for name in files:
        with open(os.path.join(keyrings, name), 'rb') as f:
            check(simulator.client_secret.encode() not in f.read(),
                  'the client secret is readable in ' + name)
    log('the secret is stored through the portal: %s, one master item in gnome-keyring'
        % ', '.join(files))


def check_restart(session, simulator):
    before = len(simulator.requests())
    app = run_app(session)
    root, window = wait_for('the main window after a restart', main_window, timeout=120)
    wait_for('the list after a restart', lambda: list_shows_action(window), timeout=90)
    check(not find(root, role='label', text_re='^Cannot Connect'),
          'the restart asked for the secret')
    check(not find(root, role='label', text_re='^Nexthink Instance$'),
          'the restart opened the account editor')
    requests = simulator.requests()[before:]
    check(any('token' in path for _, path in requests), 'no token request after the restart')
    log('a restart reconnects with the stored secret without asking')
    quit_app(session, app)


def check_no_network(session, simulator):
    before = len(simulator.requests())
    app = run_app(session, '--unshare=network')
    root, window = wait_for('the main window without network', main_window, timeout=120)
    # It would have connected within this time with a network (see above).
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        check(not list_shows_action(window), 'the list shows without a network')
        time.sleep(0.5)
    check(len(simulator.requests()) == before, 'a request arrived from a sandbox without network')
    log('control: with --unshare=network no request arrives')
    quit_app(session, app)


def check_secrets_unreachable(session):
    def call(dest):
        return run(['flatpak', 'run', '--devel', '--command=gdbus', APP_ID, 'call', '--session',
                    '--dest', dest, '--object-path', '/',
                    '--method', 'org.freedesktop.DBus.Peer.Ping'],
                   env=session.env, check=False, stdout=subprocess.PIPE,
                   stderr=subprocess.STDOUT, text=True)

    portal = call('org.freedesktop.portal.Desktop')
    check(portal.returncode == 0, 'the portal is not reachable from the sandbox either: '
          + portal.stdout.strip())
    secrets = call('org.freedesktop.secrets')
    check(secrets.returncode != 0, 'org.freedesktop.secrets answers inside the sandbox')
    log('control: org.freedesktop.secrets is unreachable from the sandbox (%s), '
        'while the portal answers' % (secrets.stdout.strip().splitlines() or [''])[-1])


def inner(srcdir, builddir, simulator_binary):
    cache = os.path.join(builddir, 'sandbox-cache')
    work = os.path.join(builddir, 'sandbox-work')
    if os.path.exists(work):
        shutil.rmtree(work)
    os.makedirs(work)
    started = time.monotonic()
    session = Session(work)
    try:
        log('building the stand-in runtime (cached in %s)' % cache)
        run([os.path.join(srcdir, 'tests', 'sandbox', 'build-runtime.sh'), cache])
        log('runtime ready after %.0f s' % (time.monotonic() - started))

        version, tarball, sha256 = fetch_libsecret(cache)
        with open(os.path.join(srcdir, 'flatpak', APP_ID + '.json'), encoding='utf-8') as f:
            shipped = json.load(f)
        manifest = generate_manifest(shipped, tarball, sha256)
        check_generated(shipped, manifest)

        stage = os.path.join(work, 'stage')
        stage_tree(srcdir, builddir, stage)
        # Beside the tree, not in flatpak/, where the validate suite checks
        # that every manifest is the GNOME one; ".." still names the tree.
        os.makedirs(os.path.join(stage, '_sandbox'))
        manifest_path = os.path.join(stage, '_sandbox', APP_ID + '.json')
        with open(manifest_path, 'w', encoding='utf-8') as f:
            json.dump(manifest, f, indent=2)

        session.flatpak('--user', 'remote-add', '--no-gpg-verify', 'standin',
                        os.path.join(cache, 'repo'))
        session.flatpak('--user', 'install', '-y', '--noninteractive', 'standin',
                        f'{PLATFORM}//{BRANCH}', f'{SDK}//{BRANCH}', stdout=subprocess.DEVNULL)

        log('building the app from the generated manifest')
        built = time.monotonic()
        run(['flatpak-builder', '--user', '--install', '--force-clean',
             '--disable-rofiles-fuse', '--disable-updates',
             '--state-dir=' + os.path.join(cache, 'flatpak-builder'),
             os.path.join(work, 'app'), manifest_path],
            env=session.env, stdout=open(os.path.join(work, 'flatpak-builder.log'), 'w'),
            stderr=subprocess.STDOUT)
        log('built, its tests passed and installed in %.0f s' % (time.monotonic() - built))

        shown = shown_permissions(session.flatpak('info', '--show-permissions', APP_ID,
                                                  stdout=subprocess.PIPE, text=True).stdout)
        expected = expected_permissions(shipped['finish-args'])
        check(shown == expected, 'permissions %s are not the manifest\'s %s' % (shown, expected))
        log('permissions are exactly the finish-args: %s' % shipped['finish-args'])

        session.unlock_keyring()
        session.start([LAUNCHER, '--launch-immediately'],
                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for('the accessibility bus', lambda: name_has_owner(session.env, 'org.a11y.Bus'))
        os.environ.update({k: v for k, v in session.env.items()
                           if k.startswith('XDG_') or k == 'HOME'})
        import pyatspi
        pyatspi.Registry.getDesktop(0)

        simulator = Simulator(session, simulator_binary)
        log('simulator on ' + simulator.url)

        check_demo(session)
        app = add_account(session, simulator)
        check_secret_storage(session, simulator)
        quit_app(session, app)
        check_restart(session, simulator)
        check_no_network(session, simulator)
        check_secrets_unreachable(session)
        log('passed in %.0f s' % (time.monotonic() - started))
        return 0
    except (Failure, subprocess.CalledProcessError) as error:
        log('FAIL: %s' % error)
        dump_tree()
        for name in ('flatpak-builder.log', 'app.log', 'simulator.log'):
            path = os.path.join(work, name)
            if os.path.exists(path):
                log('--- last lines of ' + name)
                with open(path, encoding='utf-8', errors='replace') as f:
                    print(''.join(f.readlines()[-40:]), flush=True)
        return 1
    finally:
        session.close()
        # Its own throwaway HOME (with the installed runtimes and app) and
        # the app's repository; the runtime repository stays as the cache.
        shutil.rmtree(work, ignore_errors=True)


def main():
    if len(sys.argv) != 4:
        print('usage: test_sandbox.py SOURCE-DIR BUILD-DIR SIMULATOR', file=sys.stderr)
        return 2
    srcdir, builddir, simulator = (os.path.abspath(a) for a in sys.argv[1:])
    if os.environ.get('RA_SANDBOX_SESSION') == '1':
        return inner(srcdir, builddir, simulator)
    try:
        if not ensure_host_packages():
            return SKIP
    except (Failure, subprocess.CalledProcessError) as error:
        log('FAIL: installing the host packages: %s' % error)
        return 1
    # A display and a session bus of its own, whoever runs it.
    env = dict(os.environ, RA_SANDBOX_SESSION='1')
    return subprocess.run(['xvfb-run', '-a', '-s', '-screen 0 1280x900x24',
                           'dbus-run-session', '--', sys.executable] + sys.argv,
                          env=env).returncode


if __name__ == '__main__':
    sys.exit(main())
