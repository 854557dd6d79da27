/* ra-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-test"

#include "config.h"

#include "ra-test-util.h"

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
ra_test_wait_until (RaTestCondition condition,
                    gpointer        user_data,
                    guint           timeout_ms)
{
  GMainContext *context = g_main_context_ref_thread_default ();
  GSource *source;
  gboolean timed_out = FALSE;
  gboolean met;

  source = g_timeout_source_new (timeout_ms);
  g_source_set_callback (source, timeout_cb, &timed_out, NULL);
  g_source_attach (source, context);

  while (!(met = condition (user_data)) && !timed_out)
    g_main_context_iteration (context, TRUE);

  g_source_destroy (source);
  g_source_unref (source);
  g_main_context_unref (context);

  return met;
}

void
ra_test_store_result_cb (GObject      *source_object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

static gboolean
slot_is_set (gpointer user_data)
{
  GAsyncResult **slot = user_data;

  return *slot != NULL;
}

GAsyncResult *
ra_test_wait_for_result (GAsyncResult **slot,
                         guint          timeout_ms)
{
  if (!ra_test_wait_until (slot_is_set, slot, timeout_ms))
    g_error ("No result arrived within %u ms", timeout_ms);

  return g_steal_pointer (slot);
}

static gboolean
never (gpointer user_data)
{
  return FALSE;
}

void
ra_test_iterate_for (guint ms)
{
  ra_test_wait_until (never, NULL, ms);
}

static gboolean
pointer_is_null (gpointer user_data)
{
  gpointer *pointer = user_data;

  return *pointer == NULL;
}

void
ra_test_assert_finalize_soon (gpointer object,
                              guint    timeout_ms)
{
  gpointer weak = object;

  g_assert_true (G_IS_OBJECT (object));
  g_object_add_weak_pointer (object, &weak);
  g_object_unref (object);

  if (!ra_test_wait_until (pointer_is_null, &weak, timeout_ms))
    {
      g_object_remove_weak_pointer (weak, &weak);
      g_error ("A %s was not finalized within %u ms", G_OBJECT_TYPE_NAME (weak), timeout_ms);
    }
}
