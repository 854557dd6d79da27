/* ra-test-common.h — waiting, settling and finalize checks for every suite
 *
 * GLib and GIO only, so that the simulator's tests, which must not need
 * the core library, use the same helpers as the unit and UI tests.
 *
 * Nothing here sleeps: every wait iterates the thread-default main
 * context until a condition holds, and fails the test after a bound.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The bound of a wait that names none. */
#define RA_TEST_TIMEOUT_MS   10000
#define RA_TEST_WAIT_SECONDS 30

/* The factor, from RA_TEST_WAIT_SCALE (default 1), by which every bound
 * of a wait below is stretched: the sanitizer build sets it, as it runs
 * several times slower. ra_test_spin () is not stretched. */
guint         ra_test_wait_scale        (void);

typedef gboolean (*RaTestCondition) (gpointer user_data);

/* Iterates the thread-default main context until condition returns TRUE
 * or timeout_ms (stretched as above) have passed. Returns whether the condition was met. A
 * steady 10 ms tick wakes the loop, so a condition that no main-context
 * event announces (a flag set by the simulator's thread) is seen soon. */
gboolean      ra_test_wait_until        (RaTestCondition  condition,
                                         gpointer         user_data,
                                         guint            timeout_ms);

/* The same for an expression: fails the test with the expression's text
 * if cond still does not hold after seconds. */
typedef struct
{
  GMainContext *context;
  GSource      *tick;
  gint64        deadline;
} RaTestWait;

void          ra_test_wait_begin        (RaTestWait      *wait,
                                         guint            timeout_ms);
/* One iteration; FALSE once the deadline has passed. */
gboolean      ra_test_wait_iterate      (RaTestWait      *wait);
void          ra_test_wait_end          (RaTestWait      *wait);

#define RA_TEST_WAIT_UNTIL_FOR(cond, seconds)                                  \
  G_STMT_START {                                                               \
    RaTestWait ra_test_wait_;                                                  \
    ra_test_wait_begin (&ra_test_wait_, (seconds) * 1000);                     \
    while (!(cond))                                                            \
      {                                                                        \
        if (!ra_test_wait_iterate (&ra_test_wait_))                            \
          g_error ("%s:%d: still not true after %d s: %s",                     \
                   __FILE__, __LINE__,                                         \
                   (int) ((seconds) * ra_test_wait_scale ()), #cond);          \
      }                                                                        \
    ra_test_wait_end (&ra_test_wait_);                                         \
  } G_STMT_END

#define RA_TEST_WAIT_UNTIL(cond) RA_TEST_WAIT_UNTIL_FOR (cond, RA_TEST_WAIT_SECONDS)

/* Runs the main context for about ms: for things that must *not* happen
 * (a request that must not be sent), never for waiting on a result. */
void          ra_test_spin              (guint            ms);

/* Runs whatever work is pending (idles, dispatched sources) without
 * waiting for more. */
void          ra_test_settle            (void);

/* A GAsyncReadyCallback that stores a reference to the result in the
 * GAsyncResult * that user_data points to. */
void          ra_test_store_result_cb   (GObject         *source_object,
                                         GAsyncResult    *result,
                                         gpointer         user_data);
/* Waits (bounded) for *slot to be set by ra_test_store_result_cb and
 * returns it, transferring ownership; fails the test on timeout. */
GAsyncResult *ra_test_wait_for_result   (GAsyncResult   **slot,
                                         guint            timeout_ms);

/* Drops the caller's reference and waits (bounded) for object to be
 * finalized: idle work (libsoup letting go of a session, a list view of
 * its rows, a cancelled request returning) may hold it for a few turns
 * of the main loop. Fails the test if it never is. */
void          ra_test_assert_finalize_soon (gpointer     object,
                                            guint        timeout_ms);

#define ra_test_assert_finalize(object) \
  ra_test_assert_finalize_soon ((object), RA_TEST_TIMEOUT_MS)

/* Whether the test runs inside the private D-Bus session with its own
 * unlocked gnome-keyring-daemon that build-aux/test-session starts; if
 * not, marks the test skipped, so that no test touches a developer's own
 * keyring. */
gboolean      ra_test_in_private_keyring (void);

/* Removes path and, when it is a folder, everything below it; what
 * cannot be removed is left. For the temporary folders tests make. */
void          ra_test_remove_tree        (const char *path);

/* Sets LC_NUMERIC to German (de_DE.UTF-8), whose numbers group their
 * digits ("1.234"), so that a test can tell a grouped count from a bare
 * one. Where the system has not generated that locale, builds it with
 * localedef into a temporary directory. If neither works, marks the test
 * skipped and returns FALSE. Put it back with setlocale (LC_NUMERIC, "C"). */
gboolean      ra_test_use_grouping_locale (void);

/* Waits (at most 10 s) until the workers of GLib's thread pools have
 * ended, before the process exits: at exit, the leak checker of the
 * sanitizer build (gcc 12) crashes on the thread-local storage of a live
 * thread that has done a TLS handshake (GnuTLS's module). For tests that
 * do handshakes; nothing else waits here. */
void          ra_test_end_pool_workers   (void);

/* The registration most test files repeat: a Fixture set up by
 * fixture_set_up () and torn down by fixture_tear_down (), as the file
 * defines them. */
#define RA_TEST_ADD(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)

G_END_DECLS
