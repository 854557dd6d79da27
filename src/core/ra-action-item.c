/* ra-action-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-action-item"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ra-action-item.h"

struct _RaActionItem
{
  GObject         parent_instance;

  RaRemoteAction *action;
  char           *sort_key;   /* collation key of the folded name */
  char           *haystack;
};

G_DEFINE_FINAL_TYPE (RaActionItem, ra_action_item, G_TYPE_OBJECT)

static void
ra_action_item_finalize (GObject *object)
{
  RaActionItem *self = RA_ACTION_ITEM (object);

  g_clear_object (&self->action);
  g_free (self->sort_key);
  g_free (self->haystack);

  G_OBJECT_CLASS (ra_action_item_parent_class)->finalize (object);
}

static void
ra_action_item_class_init (RaActionItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ra_action_item_finalize;
}

static void
ra_action_item_init (RaActionItem *self)
{
}

RaActionItem *
ra_action_item_new (RaRemoteAction *action)
{
  RaActionItem *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (RA_IS_REMOTE_ACTION (action), NULL);

  self = g_object_new (RA_TYPE_ACTION_ITEM, NULL);
  self->action = g_object_ref (action);

  /* Folded first, so that even a locale without real collation rules
   * (C.UTF-8) does not put every capital before every small letter; the
   * filename variant orders "Step 9" before "Step 10". */
  name = ra_action_query_fold (ra_remote_action_get_name (action));
  self->sort_key = g_utf8_collate_key_for_filename (name, -1);
  self->haystack = ra_action_query_make_haystack (action);

  return self;
}

RaRemoteAction *
ra_action_item_get_action (RaActionItem *self)
{
  g_return_val_if_fail (RA_IS_ACTION_ITEM (self), NULL);

  return self->action;
}

const char *
ra_action_item_get_haystack (RaActionItem *self)
{
  g_return_val_if_fail (RA_IS_ACTION_ITEM (self), NULL);

  return self->haystack;
}

gboolean
ra_action_item_matches (RaActionItem  *self,
                        RaActionQuery *query)
{
  return ra_action_query_matches (query, self->action, self->haystack);
}

int
ra_action_item_compare (RaActionItem *a,
                        RaActionItem *b)
{
  int res = strcmp (a->sort_key, b->sort_key);

  if (res == 0)
    res = g_strcmp0 (ra_remote_action_get_id (a->action), ra_remote_action_get_id (b->action));

  return res;
}

static int
compare_item_pointers (gconstpointer a,
                       gconstpointer b)
{
  return ra_action_item_compare (*(RaActionItem **) a, *(RaActionItem **) b);
}

void
ra_action_item_sort (GPtrArray *items)
{
  g_return_if_fail (items != NULL);

  /* qsort () must not be handed NULL, even for no elements: an empty
   * array's pdata may be NULL. */
  if (items->len < 2)
    return;

  qsort (items->pdata, items->len, sizeof (gpointer), compare_item_pointers);
}

static void
list_new_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GPtrArray *actions = task_data;
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (actions->len, g_object_unref);

  for (guint i = 0; i < actions->len; i++)
    {
      if ((i & 0xff) == 0 && g_cancellable_is_cancelled (cancellable))
        break;

      g_ptr_array_add (items, ra_action_item_new (g_ptr_array_index (actions, i)));
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  ra_action_item_sort (items);
  g_task_return_pointer (task, g_steal_pointer (&items), (GDestroyNotify) g_ptr_array_unref);
}

void
ra_action_item_list_new_async (GListModel          *actions,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) array = NULL;
  guint n;

  g_return_if_fail (G_IS_LIST_MODEL (actions));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  /* The worker gets an array of its own, never the model. */
  n = g_list_model_get_n_items (actions);
  array = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, g_list_model_get_item (actions, i));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ra_action_item_list_new_async);
  g_task_set_task_data (task, g_steal_pointer (&array), (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, list_new_thread);
}

GListModel *
ra_action_item_list_new_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_autoptr(GPtrArray) items = NULL;
  GListStore *store;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  items = g_task_propagate_pointer (G_TASK (result), error);
  if (items == NULL)
    return NULL;

  /* GListStore is fast at a walk front to back, which is what a filter
   * over it does. */
  store = g_list_store_new (RA_TYPE_ACTION_ITEM);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);

  return G_LIST_MODEL (store);
}
