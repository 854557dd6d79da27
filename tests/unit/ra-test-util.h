/* ra-test-util.h — helpers shared by the unit tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef gboolean (*RaTestCondition) (gpointer user_data);

/* Iterates the thread-default main context until condition returns TRUE
 * or timeout_ms have passed. Returns whether the condition was met. */
gboolean      ra_test_wait_until        (RaTestCondition  condition,
                                         gpointer         user_data,
                                         guint            timeout_ms);

/* A GAsyncReadyCallback that stores a reference to the result in the
 * GAsyncResult * that user_data points to. */
void          ra_test_store_result_cb   (GObject         *source_object,
                                         GAsyncResult    *result,
                                         gpointer         user_data);
/* Waits (bounded) for *slot to be set by ra_test_store_result_cb and
 * returns it, transferring ownership; fails the test on timeout. */
GAsyncResult *ra_test_wait_for_result   (GAsyncResult   **slot,
                                         guint            timeout_ms);

/* Iterates the main context for about ms, for things that must *not*
 * happen (a request that must not be sent). */
void          ra_test_iterate_for       (guint            ms);

/* Drops the caller's reference and waits (bounded) for object to be
 * finalized: libsoup lets go of a session an idle or two after a
 * message completes. Fails the test if it never is. */
void          ra_test_assert_finalize_soon (gpointer     object,
                                            guint        timeout_ms);

#define RA_TEST_TIMEOUT_MS 10000

G_END_DECLS
