/* ra-test-common.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-test-common"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "ra-test-common.h"

/* How often a waiting loop wakes up at the least. */
#define TICK_MS 10

static gboolean
tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* RA_TEST_WAIT_SCALE stretches the waits that end a hung test (the
 * sanitizer build runs several times slower); never the spins, which
 * measure or let a fixed time pass. */
guint
ra_test_wait_scale (void)
{
  static guint scale;

  if (scale == 0)
    {
      const char *value = g_getenv ("RA_TEST_WAIT_SCALE");
      guint64 parsed = 1;

      if (value != NULL &&
          (!g_ascii_string_to_unsigned (value, 10, 1, 100, &parsed, NULL)))
        g_error ("RA_TEST_WAIT_SCALE must be a number from 1 to 100, not “%s”", value);
      scale = (guint) parsed;
    }

  return scale;
}

static void
wait_begin (RaTestWait *wait,
            guint       timeout_ms)
{
  wait->context = g_main_context_ref_thread_default ();
  wait->deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  wait->tick = g_timeout_source_new (TICK_MS);
  g_source_set_callback (wait->tick, tick_cb, NULL, NULL);
  g_source_set_static_name (wait->tick, "[ra-test] wait tick");
  g_source_attach (wait->tick, wait->context);
}

gboolean
ra_test_wait_iterate (RaTestWait *wait)
{
  if (g_get_monotonic_time () > wait->deadline)
    return FALSE;

  g_main_context_iteration (wait->context, TRUE);
  return TRUE;
}

void
ra_test_wait_begin (RaTestWait *wait,
                    guint       timeout_ms)
{
  wait_begin (wait, timeout_ms * ra_test_wait_scale ());
}

void
ra_test_wait_end (RaTestWait *wait)
{
  g_source_destroy (wait->tick);
  g_clear_pointer (&wait->tick, g_source_unref);
  g_clear_pointer (&wait->context, g_main_context_unref);
}

gboolean
ra_test_wait_until (RaTestCondition condition,
                    gpointer        user_data,
                    guint           timeout_ms)
{
  RaTestWait wait;
  gboolean met;

  ra_test_wait_begin (&wait, timeout_ms);
  while (!(met = condition (user_data)) && ra_test_wait_iterate (&wait))
    ;
  ra_test_wait_end (&wait);

  return met;
}

void
ra_test_spin (guint ms)
{
  RaTestWait wait;

  wait_begin (&wait, ms);
  while (ra_test_wait_iterate (&wait))
    ;
  ra_test_wait_end (&wait);
}

void
ra_test_settle (void)
{
  g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();

  while (g_main_context_iteration (context, FALSE))
    ;
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
    g_error ("No result arrived within %u ms", timeout_ms * ra_test_wait_scale ());

  return g_steal_pointer (slot);
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
  const char *type_name;

  g_assert_true (G_IS_OBJECT (object));
  type_name = G_OBJECT_TYPE_NAME (object);
  g_object_add_weak_pointer (object, &weak);
  g_object_unref (object);

  if (!ra_test_wait_until (pointer_is_null, &weak, timeout_ms))
    {
      g_object_remove_weak_pointer (weak, &weak);
      g_error ("A %s was not finalized within %u ms", type_name,
               timeout_ms * ra_test_wait_scale ());
    }
}

gboolean
ra_test_in_private_keyring (void)
{
  if (g_getenv ("RA_TEST_SESSION") == NULL)
    {
      g_test_skip ("Not inside the test runner's private keyring session (build-aux/dev test)");
      return FALSE;
    }

  return TRUE;
}

#define GROUPING_LOCALE "de_DE.UTF-8"

gboolean
ra_test_use_grouping_locale (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *target = NULL;
  g_autofree char *numeric = NULL;
  g_autofree char *saved_path = NULL;
  g_autoptr(GError) error = NULL;
  const char *localedef_argv[] = { "localedef", "-i", "de_DE", "-f", "UTF-8", NULL, NULL };
  int status = 0;
  gboolean set;

  if (setlocale (LC_NUMERIC, GROUPING_LOCALE) != NULL)
    return TRUE;

  /* Not generated on this system: make it where only this test looks. */
  dir = g_build_filename (g_get_tmp_dir (), "ra-test-locales", NULL);
  target = g_build_filename (dir, GROUPING_LOCALE, NULL);
  numeric = g_build_filename (target, "LC_NUMERIC", NULL);
  if (!g_file_test (numeric, G_FILE_TEST_EXISTS))
    {
      g_mkdir_with_parents (dir, 0700);
      localedef_argv[5] = target;
      if (!g_spawn_sync (NULL, (char **) localedef_argv, NULL,
                         G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                         NULL, NULL, NULL, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, NULL))
        {
          g_test_message ("localedef failed: %s", error != NULL ? error->message : "exit status");
          g_test_skip ("The locale " GROUPING_LOCALE " is neither installed nor can be built");
          return FALSE;
        }
    }

  /* glibc reads LOCPATH as setlocale () runs; the locale, once loaded,
   * stays after LOCPATH is put back. */
  saved_path = g_strdup (g_getenv ("LOCPATH"));
  g_setenv ("LOCPATH", dir, TRUE);
  set = setlocale (LC_NUMERIC, GROUPING_LOCALE) != NULL;
  if (saved_path != NULL)
    g_setenv ("LOCPATH", saved_path, TRUE);
  else
    g_unsetenv ("LOCPATH");

  if (!set)
    g_test_skip ("The locale " GROUPING_LOCALE " could not be set");

  return set;
}

/* TRUE while a worker of one of GLib's thread pools (named "pool-" and the
 * program's name; not the pool spawner) is alive. */
static gboolean
pool_workers_alive (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/task", 0, NULL);
  const char *tid;

  if (dir == NULL)
    return FALSE;

  while ((tid = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename ("/proc/self/task", tid, "comm", NULL);
      g_autofree char *name = NULL;

      if (g_file_get_contents (path, &name, NULL, NULL) &&
          g_str_has_prefix (name, "pool-") && !g_str_has_prefix (name, "pool-spawner"))
        return TRUE;
    }

  return FALSE;
}

void
ra_test_end_pool_workers (void)
{
  /* A worker leaves its pool half a second after its last task, and then
   * ends instead of waiting as an unused thread. */
  g_thread_pool_set_max_unused_threads (0);
  for (guint i = 0; i < 1000 && pool_workers_alive (); i++)
    {
      g_thread_pool_stop_unused_threads ();
      g_usleep (10 * 1000);
    }
}

void
ra_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          ra_test_remove_tree (child);
        }
    }

  g_remove (path);
}
