/* ra-list-fill.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-list-fill"

#include "config.h"

#include "ra-list-fill.h"

/* A screenful of rows a step, a step a frame, until the list view has
 * the rows it keeps (a few hundred); then the rest at once. */
#define STEP_ITEMS    10
#define STEPPED_ITEMS 280
#define STEP_MS       16

struct _RaListFill
{
  GListStore         *store;
  RaListFillDoneFunc  done;
  gpointer            user_data;

  GPtrArray          *items;
  guint               position;
  guint               source;
};

RaListFill *
ra_list_fill_new (GListStore         *store,
                  RaListFillDoneFunc  done,
                  gpointer            user_data)
{
  RaListFill *self;

  g_return_val_if_fail (G_IS_LIST_STORE (store), NULL);

  self = g_new0 (RaListFill, 1);
  self->store = store;
  self->done = done;
  self->user_data = user_data;

  return self;
}

void
ra_list_fill_stop (RaListFill *self)
{
  g_return_if_fail (self != NULL);

  g_clear_handle_id (&self->source, g_source_remove);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->position = 0;
}

void
ra_list_fill_free (RaListFill *self)
{
  if (self == NULL)
    return;

  ra_list_fill_stop (self);
  g_free (self);
}

/* Puts the next step's items in; TRUE when they were the last. */
static gboolean
step (RaListFill *self)
{
  guint n = self->items->len - self->position;

  if (self->position < STEPPED_ITEMS)
    n = MIN (n, STEP_ITEMS);
  g_list_store_splice (self->store, self->position, 0, self->items->pdata + self->position, n);
  self->position += n;

  return self->position >= self->items->len;
}

/* Once the last item is in. */
static void
finish (RaListFill *self)
{
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->position = 0;
  if (self->done != NULL)
    self->done (self->user_data);
}

static gboolean
step_cb (gpointer user_data)
{
  RaListFill *self = user_data;

  if (!step (self))
    return G_SOURCE_CONTINUE;

  self->source = 0;
  finish (self);

  return G_SOURCE_REMOVE;
}

void
ra_list_fill_replace (RaListFill *self,
                      GPtrArray  *items)
{
  guint n_first;

  g_return_if_fail (self != NULL);
  g_return_if_fail (items != NULL);

  ra_list_fill_stop (self);

  /* The old items go with the first step, in one change of the store. */
  n_first = items->len <= STEP_ITEMS * 2 ? items->len : STEP_ITEMS;
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, n_first);
  if (n_first == items->len)
    {
      finish (self);
      return;
    }

  self->items = g_ptr_array_ref (items);
  self->position = n_first;
  /* Below the priority of drawing: each step's rows are drawn before
   * the next step. */
  self->source = g_timeout_add_full (G_PRIORITY_DEFAULT_IDLE, STEP_MS, step_cb, self, NULL);
}

void
ra_list_fill_complete (RaListFill *self)
{
  g_return_if_fail (self != NULL);

  if (self->items == NULL)
    return;

  g_clear_handle_id (&self->source, g_source_remove);
  g_list_store_splice (self->store, self->position, 0, self->items->pdata + self->position,
                       self->items->len - self->position);
  finish (self);
}

gboolean
ra_list_fill_get_busy (RaListFill *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->items != NULL;
}
