/* ra-test-utils.h — helpers for tests that drive real widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RA_TEST_WAIT_SECONDS 30

static gboolean
ra_test_tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* A steady tick so that an iteration of the main context never blocks for
 * longer than 10 ms, whatever the condition waits for. */
static inline void
ra_test_install_tick (void)
{
  static guint tick;

  if (tick == 0)
    tick = g_timeout_add (10, ra_test_tick_cb, NULL);
}

/* Iterates the main context until cond holds, or fails the test after
 * seconds. Never a bare sleep. */
#define RA_TEST_WAIT_UNTIL_FOR(cond, seconds)                                      \
  G_STMT_START {                                                                   \
    gint64 ra_test_deadline_ = g_get_monotonic_time () + (seconds) * G_USEC_PER_SEC; \
    ra_test_install_tick ();                                                       \
    while (!(cond))                                                                \
      {                                                                            \
        if (g_get_monotonic_time () > ra_test_deadline_)                           \
          g_error ("%s:%d: still not true after %d s: %s",                         \
                   __FILE__, __LINE__, (int) (seconds), #cond);                    \
        g_main_context_iteration (NULL, TRUE);                                     \
      }                                                                            \
  } G_STMT_END

#define RA_TEST_WAIT_UNTIL(cond) RA_TEST_WAIT_UNTIL_FOR (cond, RA_TEST_WAIT_SECONDS)

/* Runs the main context for about ms milliseconds: for letting idle work
 * happen, never for waiting on a result. */
static inline void
ra_test_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  ra_test_install_tick ();
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
}

/* The first descendant of root (depth first) of type, for which match
 * (if given) says yes. */
static inline GtkWidget *
ra_test_find_widget (GtkWidget *root,
                     GType      type,
                     gboolean (*match) (GtkWidget *widget, gconstpointer data),
                     gconstpointer data)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && (match == NULL || match (root, data)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ra_test_find_widget (child, type, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static inline gboolean
ra_test_button_has_label (GtkWidget     *widget,
                          gconstpointer  label)
{
  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* A button by its label (with its mnemonic underscore), shown or not. */
static inline GtkButton *
ra_test_find_button (GtkWidget  *root,
                     const char *label)
{
  return GTK_BUTTON (ra_test_find_widget (root, GTK_TYPE_BUTTON,
                                          ra_test_button_has_label, label));
}

/* Drops the last reference to object and fails unless it is finalized
 * within a few seconds: idle work (a list view letting go of its rows, a
 * cancelled request returning) may hold it for a few main-loop turns. */
#define ra_test_assert_finalize(object)                                    \
  G_STMT_START {                                                           \
    gpointer ra_test_weak_ = (object);                                     \
    g_object_add_weak_pointer (G_OBJECT (ra_test_weak_), &ra_test_weak_);  \
    g_object_unref (ra_test_weak_);                                        \
    RA_TEST_WAIT_UNTIL_FOR (ra_test_weak_ == NULL, 10);                    \
  } G_STMT_END

/* What a click does, without the pointer. */
static inline void
ra_test_click (GtkButton *button)
{
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
}

G_END_DECLS
