/* ra-action-list-rows.c — the rows of the action list and how they grow in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-action-list"

#include "config.h"

#include "ra-action-list-private.h"
#include "ra-action-row.h"

static void
row_released_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 RaActionList    *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  RaRemoteAction *action = ra_action_row_get_action (RA_ACTION_ROW (row));

  if (action == NULL || n_press != 1)
    return;

  ra_action_list_pick (self, action);
}

/* Rows */

/* Rows outlive their list items: a keystroke that changes the result
 * replaces a screenful of list items at once, and taking a row from here
 * is much cheaper than building one. */
#define MAX_SPARE_ROWS 256

static void
factory_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  RaActionList             *self)
{
  GtkWidget *row;

  if (self->spare_rows->len > 0)
    {
      row = g_ptr_array_steal_index_fast (self->spare_rows, self->spare_rows->len - 1);
      gtk_list_item_set_child (item, row);
      g_object_unref (row);
      return;
    }

  row = ra_action_row_new ();
  {
    GtkGesture *click = gtk_gesture_click_new ();

    /* A click on a row is a pick even when the row is already selected:
     * it is how a folded window moves on to the details. */
    g_signal_connect_object (click, "released", G_CALLBACK (row_released_cb), self, 0);
    gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));
  }

  gtk_list_item_set_child (item, row);
}

static void
factory_teardown_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     RaActionList             *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);

  if (row == NULL || self->spare_rows == NULL || self->spare_rows->len >= MAX_SPARE_ROWS)
    return;

  g_ptr_array_add (self->spare_rows, g_object_ref (row));
  gtk_list_item_set_child (item, NULL);
}

static void
factory_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 RaActionList             *self)
{
  ra_action_row_set_action (RA_ACTION_ROW (gtk_list_item_get_child (item)),
                            gtk_list_item_get_item (item));
}

static void
factory_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   RaActionList             *self)
{
  ra_action_row_set_action (RA_ACTION_ROW (gtk_list_item_get_child (item)), NULL);
}

/* Growing */

/* GtkListView keeps up to 200 rows alive whatever its height, and makes
 * them all at once when a model arrives: a stall of a tenth of a second.
 * A fresh list is therefore handed over a few rows per main-loop turn,
 * with frames drawn in between, until those rows exist. */
#define ROWS_PER_STEP 32
#define ROWS_GROWN    256

void
ra_action_list_finish_growing (RaActionList *self)
{
  g_clear_handle_id (&self->grow_id, g_source_remove);
  gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
}

static gboolean
grow_cb (gpointer data)
{
  RaActionList *self = data;
  guint size = gtk_slice_list_model_get_size (self->slice) + ROWS_PER_STEP;

  if (size < ROWS_GROWN)
    {
      gtk_slice_list_model_set_size (self->slice, size);
      return G_SOURCE_CONTINUE;
    }

  self->grow_id = 0;
  gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
  return G_SOURCE_REMOVE;
}

/* No row is shorter than this, whatever the action says. */
#define MIN_ROW_HEIGHT 40

void
ra_action_list_start_growing (RaActionList *self)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self->stack));
  guint first = ROWS_PER_STEP;

  /* The first frame with rows shows only those that fit; the others can
   * wait for the next step instead of delaying it. */
  if (height > 0)
    first = CLAMP ((guint) height / MIN_ROW_HEIGHT + 1, 8, ROWS_PER_STEP);

  g_clear_handle_id (&self->grow_id, g_source_remove);
  gtk_slice_list_model_set_size (self->slice, first);
  self->grow_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, grow_cb, self, NULL);
}

void
ra_action_list_set_up_rows (RaActionList *self)
{
  GtkListItemFactory *factory;

  self->spare_rows = g_ptr_array_new_with_free_func (g_object_unref);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (factory_setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (factory_bind_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (factory_unbind_cb), self, 0);
  g_signal_connect_object (factory, "teardown", G_CALLBACK (factory_teardown_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
}
