/* ra-action-list-rows.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-action-list-rows"

#include "config.h"

#include "ra-action-item.h"
#include "ra-action-list-rows.h"
#include "ra-action-row.h"
#include "ra-remote-action.h"

struct _RaActionListRows
{
  GObject             parent_instance;

  GtkListItemFactory *factory;
  GPtrArray          *spare_rows;

  GtkSliceListModel  *slice;
  guint               grow_id;
};

G_DEFINE_FINAL_TYPE (RaActionListRows, ra_action_list_rows, G_TYPE_OBJECT)

enum {
  ROW_PICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
row_released_cb (GtkGestureClick  *gesture,
                 int               n_press,
                 double            x,
                 double            y,
                 RaActionListRows *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  RaRemoteAction *action = ra_action_row_get_action (RA_ACTION_ROW (row));

  if (action == NULL || n_press != 1)
    return;

  g_signal_emit (self, signals[ROW_PICKED], 0, action);
}

/* Rows */

/* Rows outlive their list items: a keystroke that changes the result
 * replaces a screenful of list items at once, and taking a row from here
 * is much cheaper than building one. */
#define MAX_SPARE_ROWS 256

static void
factory_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  RaActionListRows         *self)
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
                     RaActionListRows         *self)
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
                 RaActionListRows         *self)
{
  ra_action_row_set_action (RA_ACTION_ROW (gtk_list_item_get_child (item)),
                            ra_action_item_get_action (gtk_list_item_get_item (item)));
}

static void
factory_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   RaActionListRows         *self)
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
ra_action_list_rows_finish_growing (RaActionListRows *self)
{
  g_return_if_fail (RA_IS_ACTION_LIST_ROWS (self));

  g_clear_handle_id (&self->grow_id, g_source_remove);
  gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
}

static gboolean
grow_cb (gpointer data)
{
  RaActionListRows *self = data;
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
ra_action_list_rows_start_growing (RaActionListRows *self,
                                   int               height)
{
  guint first = ROWS_PER_STEP;

  g_return_if_fail (RA_IS_ACTION_LIST_ROWS (self));

  /* The first frame with rows shows only those that fit; the others can
   * wait for the next step instead of delaying it. */
  if (height > 0)
    first = CLAMP ((guint) height / MIN_ROW_HEIGHT + 1, 8, ROWS_PER_STEP);

  g_clear_handle_id (&self->grow_id, g_source_remove);
  gtk_slice_list_model_set_size (self->slice, first);
  self->grow_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, grow_cb, self, NULL);
}

GtkListItemFactory *
ra_action_list_rows_get_factory (RaActionListRows *self)
{
  g_return_val_if_fail (RA_IS_ACTION_LIST_ROWS (self), NULL);

  return self->factory;
}

static void
ra_action_list_rows_dispose (GObject *object)
{
  RaActionListRows *self = RA_ACTION_LIST_ROWS (object);

  g_clear_handle_id (&self->grow_id, g_source_remove);
  g_clear_pointer (&self->spare_rows, g_ptr_array_unref);
  g_clear_object (&self->factory);
  g_clear_object (&self->slice);

  G_OBJECT_CLASS (ra_action_list_rows_parent_class)->dispose (object);
}

static void
ra_action_list_rows_class_init (RaActionListRowsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ra_action_list_rows_dispose;

  /* A row was clicked once: the user picked its action, even when the
   * row is already selected. */
  signals[ROW_PICKED] =
    g_signal_new ("row-picked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, RA_TYPE_REMOTE_ACTION);
}

static void
ra_action_list_rows_init (RaActionListRows *self)
{
  self->spare_rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (self->factory, "setup", G_CALLBACK (factory_setup_cb), self, 0);
  g_signal_connect_object (self->factory, "bind", G_CALLBACK (factory_bind_cb), self, 0);
  g_signal_connect_object (self->factory, "unbind", G_CALLBACK (factory_unbind_cb), self, 0);
  g_signal_connect_object (self->factory, "teardown", G_CALLBACK (factory_teardown_cb), self, 0);
}

RaActionListRows *
ra_action_list_rows_new (GtkSliceListModel *slice)
{
  RaActionListRows *self;

  g_return_val_if_fail (GTK_IS_SLICE_LIST_MODEL (slice), NULL);

  self = g_object_new (RA_TYPE_ACTION_LIST_ROWS, NULL);
  self->slice = g_object_ref (slice);

  return self;
}
