/* test-list-fill.c — a long list put in a list store a screenful at a
 * time: the first step at once, the rest from the main loop, in order,
 * and stopped, completed or replaced on demand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-list-fill"

#include "config.h"

#include <gio/gio.h>

#include "ra-list-fill.h"
#include "ra-test-common.h"

#define WAIT_SECONDS 10

typedef struct
{
  guint n_done;
  guint n_changes;
  guint max_added;
} Counts;

static void
done_cb (gpointer user_data)
{
  Counts *counts = user_data;

  counts->n_done++;
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Counts     *counts)
{
  counts->n_changes++;
  counts->max_added = MAX (counts->max_added, added);
}

/* n objects, each with its number. */
static GPtrArray *
make_items (guint n,
            guint first)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      GSimpleAction *item = g_simple_action_new ("item", NULL);

      g_object_set_data (G_OBJECT (item), "number", GUINT_TO_POINTER (first + i + 1));
      g_ptr_array_add (items, item);
    }

  return items;
}

static guint
number_at (GListStore *store,
           guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), position);

  return GPOINTER_TO_UINT (g_object_get_data (item, "number"));
}

static void
assert_in_order (GListStore *store,
                 guint       n,
                 guint       first)
{
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (number_at (store, i), ==, first + i + 1);
}

static void
test_steps (void)
{
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_SIMPLE_ACTION);
  g_autoptr(GPtrArray) old = make_items (5, 100);
  g_autoptr(GPtrArray) items = make_items (1000, 0);
  g_autoptr(RaListFill) fill = NULL;
  Counts counts = { 0, };

  g_list_store_splice (store, 0, 0, old->pdata, old->len);
  fill = ra_list_fill_new (store, done_cb, &counts);
  g_signal_connect (store, "items-changed", G_CALLBACK (items_changed_cb), &counts);

  /* The old items go with the first step, in one change. */
  ra_list_fill_replace (fill, items);
  g_assert_true (ra_list_fill_get_busy (fill));
  g_assert_cmpuint (counts.n_changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), <, 50);
  g_assert_cmpuint (number_at (store, 0), ==, 1);
  g_assert_cmpuint (counts.n_done, ==, 0);

  /* The rest from the main loop, a few at a time, then at once. */
  RA_TEST_WAIT_UNTIL_FOR (counts.n_done == 1, WAIT_SECONDS);
  g_assert_false (ra_list_fill_get_busy (fill));
  assert_in_order (store, 1000, 0);
  g_assert_cmpuint (counts.n_changes, >, 10);
  g_assert_cmpuint (counts.max_added, >, 500);
}

static void
test_short (void)
{
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_SIMPLE_ACTION);
  g_autoptr(GPtrArray) items = make_items (12, 0);
  g_autoptr(GPtrArray) none = make_items (0, 0);
  g_autoptr(RaListFill) fill = ra_list_fill_new (store, done_cb, NULL);
  Counts counts = { 0, };

  ra_list_fill_free (g_steal_pointer (&fill));
  fill = ra_list_fill_new (store, done_cb, &counts);

  /* A few items go in at once, and the fill is done. */
  ra_list_fill_replace (fill, items);
  g_assert_false (ra_list_fill_get_busy (fill));
  g_assert_cmpuint (counts.n_done, ==, 1);
  assert_in_order (store, 12, 0);

  ra_list_fill_replace (fill, none);
  g_assert_cmpuint (counts.n_done, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
}

static void
test_replace_stop_complete (void)
{
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_SIMPLE_ACTION);
  g_autoptr(GPtrArray) first = make_items (500, 0);
  g_autoptr(GPtrArray) second = make_items (300, 1000);
  g_autoptr(RaListFill) fill = NULL;
  Counts counts = { 0, };
  guint n;

  fill = ra_list_fill_new (store, done_cb, &counts);

  /* A new list while the first is still coming: only the new one. */
  ra_list_fill_replace (fill, first);
  ra_test_spin (40);
  ra_list_fill_replace (fill, second);
  RA_TEST_WAIT_UNTIL_FOR (counts.n_done == 1, WAIT_SECONDS);
  assert_in_order (store, 300, 1000);

  /* Stopped: what is in stays, and nothing more comes. */
  ra_list_fill_replace (fill, first);
  ra_test_spin (40);
  ra_list_fill_stop (fill);
  g_assert_false (ra_list_fill_get_busy (fill));
  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_assert_cmpuint (n, <, 500);
  ra_test_spin (200);
  assert_in_order (store, n, 0);
  g_assert_cmpuint (counts.n_done, ==, 1);

  /* Completed: all of it now, and done. */
  ra_list_fill_replace (fill, first);
  g_assert_true (ra_list_fill_get_busy (fill));
  ra_list_fill_complete (fill);
  g_assert_false (ra_list_fill_get_busy (fill));
  g_assert_cmpuint (counts.n_done, ==, 2);
  assert_in_order (store, 500, 0);
  ra_test_spin (100);
  assert_in_order (store, 500, 0);

  /* Freed while filling: nothing comes after. */
  ra_list_fill_replace (fill, second);
  g_clear_pointer (&fill, ra_list_fill_free);
  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  ra_test_spin (100);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n);
  g_assert_cmpuint (counts.n_done, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/list-fill/steps", test_steps);
  g_test_add_func ("/list-fill/short", test_short);
  g_test_add_func ("/list-fill/replace-stop-complete", test_replace_stop_complete);

  return g_test_run ();
}
