/* ra-action-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-action-list"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-action-item.h"
#include "ra-action-list-private.h"
#include "ra-action-row.h"
#include "ra-plain-text.h"
#include "ra-settings.h"


G_DEFINE_FINAL_TYPE (RaActionList, ra_action_list, GTK_TYPE_WIDGET)

G_DEFINE_ENUM_TYPE (RaActionListState, ra_action_list_state,
  G_DEFINE_ENUM_VALUE (RA_ACTION_LIST_STATE_NO_CLIENT, "no-client"),
  G_DEFINE_ENUM_VALUE (RA_ACTION_LIST_STATE_LOADING, "loading"),
  G_DEFINE_ENUM_VALUE (RA_ACTION_LIST_STATE_LOADED, "loaded"),
  G_DEFINE_ENUM_VALUE (RA_ACTION_LIST_STATE_EMPTY, "empty"),
  G_DEFINE_ENUM_VALUE (RA_ACTION_LIST_STATE_NO_MATCH, "no-match"),
  G_DEFINE_ENUM_VALUE (RA_ACTION_LIST_STATE_ERROR, "error"))

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_STATE,
  PROP_SELECTED_ACTION,
  N_PROPS
};

enum {
  ACTION_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void ra_action_list_update_state   (RaActionList *self);

/* Searching and filtering */

static void
search_changed_cb (RaActionList   *self,
                   GtkSearchEntry *entry)
{
  ra_action_filter_set_search (self->filter,
                               gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
search_activate_cb (RaActionList   *self,
                    GtkSearchEntry *entry)
{
  g_autoptr(RaActionItem) first = NULL;
  RaRemoteAction *action;

  /* Enter acts on what was typed even before the typing delay ran out. */
  search_changed_cb (self, entry);

  first = g_list_model_get_item (G_LIST_MODEL (self->filter_model), 0);
  if (first == NULL)
    return;

  action = ra_action_item_get_action (first);
  ra_action_list_select_action_id (self, ra_remote_action_get_id (action));
  g_signal_emit (self, signals[ACTION_ACTIVATED], 0, action);
}

static gboolean
search_key_pressed_cb (RaActionList          *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  /* Down leaves the search for the results, as in other GNOME lists. */
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) &&
      (state & gtk_accelerator_get_default_mod_mask ()) == 0 &&
      g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0)
    return gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_TAB_FORWARD);

  return GDK_EVENT_PROPAGATE;
}

static void
stop_search_cb (RaActionList   *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* Selection */

static guint
find_position (GListModel     *model,
               RaRemoteAction *action)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RaActionItem) item = g_list_model_get_item (model, i);

      if (ra_action_item_get_action (item) == action)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
ra_action_list_set_selected_action (RaActionList   *self,
                                    RaRemoteAction *action)
{
  if (g_set_object (&self->selected_action, action))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ACTION]);
}

/* Selects the action and tells that it was picked. */
static void
ra_action_list_pick (RaActionList   *self,
                     RaRemoteAction *action)
{
  ra_action_list_set_selected_action (self, action);
  g_signal_emit (self, signals[ACTION_ACTIVATED], 0, action);
}

static void
row_picked_cb (RaActionList     *self,
               RaRemoteAction   *action,
               RaActionListRows *rows)
{
  ra_action_list_pick (self, action);
}

static void
selection_changed_cb (RaActionList       *self,
                      GParamSpec         *pspec,
                      GtkSingleSelection *selection)
{
  RaActionItem *item = gtk_single_selection_get_selected_item (selection);

  /* A row hidden by a search leaves the pick as it was. */
  if (item != NULL)
    ra_action_list_set_selected_action (self, ra_action_item_get_action (item));
}

static void
filter_items_changed_cb (RaActionList *self,
                         guint         position,
                         guint         removed,
                         guint         added,
                         GListModel   *model)
{
  /* Bring the pick back when a looser search shows its row again; the
   * filter answers for it first, faster than a walk through the rows. */
  if (self->selected_action != NULL &&
      gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(RaActionItem) probe = ra_action_item_new (self->selected_action);
      guint pos = GTK_INVALID_LIST_POSITION;

      if (gtk_filter_match (GTK_FILTER (self->filter), probe))
        pos = find_position (model, self->selected_action);

      if (pos != GTK_INVALID_LIST_POSITION)
        {
          ra_action_list_rows_finish_growing (self->rows);
          gtk_single_selection_set_selected (self->selection, pos);
        }
    }

  ra_action_list_update_state (self);
}

static void
list_activate_cb (RaActionList *self,
                  guint         position,
                  GtkListView  *list_view)
{
  g_autoptr(RaActionItem) item = NULL;

  item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  if (item == NULL)
    return;

  ra_action_list_pick (self, ra_action_item_get_action (item));
}

/* State */

static void
ra_action_list_set_state (RaActionList      *self,
                          RaActionListState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
ra_action_list_update_state (RaActionList *self)
{
  guint n_total = self->store ? g_list_model_get_n_items (self->store) : 0;
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  gboolean loading = self->cancellable != NULL;
  RaActionListState state;
  const char *page;

  if (self->client == NULL)
    {
      state = RA_ACTION_LIST_STATE_NO_CLIENT;
      page = "no-client";
    }
  else if (self->error_message != NULL)
    {
      state = RA_ACTION_LIST_STATE_ERROR;
      page = "error";
    }
  else if (loading)
    {
      state = RA_ACTION_LIST_STATE_LOADING;
      /* A refresh keeps the old rows in sight until the new ones are in. */
      page = n_total > 0 ? "list" : "loading";
    }
  else if (n_total == 0)
    {
      state = RA_ACTION_LIST_STATE_EMPTY;
      page = "empty";
    }
  else if (n_shown == 0)
    {
      state = RA_ACTION_LIST_STATE_NO_MATCH;
      page = "no-match";
    }
  else
    {
      state = RA_ACTION_LIST_STATE_LOADED;
      page = "list";
    }

  gtk_stack_set_visible_child_name (self->stack, page);

  if (state == RA_ACTION_LIST_STATE_NO_MATCH)
    {
      g_autofree char *description = NULL;

      if (!ra_action_filter_get_search_is_empty (self->filter))
        description = g_strdup_printf (_("No action’s name, NQL ID or description contains “%s”."),
                                       gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      else
        description = g_strdup (_("The filters hide every action."));

      ra_plain_status_page_set_description (self->no_match_page, description);
      gtk_widget_set_visible (self->clear_search_button,
                              !ra_action_filter_get_search_is_empty (self->filter));
      gtk_widget_set_visible (self->reset_filters_button,
                              !ra_action_filter_get_is_default (self->filter));
    }

  if (n_total > 0 && state != RA_ACTION_LIST_STATE_ERROR)
    {
      g_autofree char *count = NULL;

      /* Translators: the first number is how many actions the search and
       * filters show, the second how many were loaded. */
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Showing %'u of %'u action",
                                            "Showing %'u of %'u actions",
                                            n_total),
                               n_shown, n_total);
      gtk_label_set_label (self->count_label, count);
      gtk_widget_show (GTK_WIDGET (self->count_label));
    }
  else
    {
      gtk_widget_hide (GTK_WIDGET (self->count_label));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->refresh_spinner), loading && n_total > 0);
  gtk_spinner_set_spinning (self->refresh_spinner, loading && n_total > 0);

  ra_action_list_set_state (self, state);
}

/* Loading */

static void
ra_action_list_set_store (RaActionList *self,
                          GListModel   *store)
{
  g_autofree char *selected_id = NULL;

  if (self->selected_action != NULL)
    selected_id = g_strdup (ra_remote_action_get_id (self->selected_action));

  if (store != NULL && ra_action_list_get_n_total (self) == 0)
    ra_action_list_rows_start_growing (self->rows,
                                       gtk_widget_get_height (GTK_WIDGET (self->stack)));
  else
    ra_action_list_rows_finish_growing (self->rows);

  g_set_object (&self->store, store);

  gtk_filter_list_model_set_model (self->filter_model, store);

  /* The same action, as the new list has it; gone if the list lost it. */
  if (selected_id != NULL && !ra_action_list_select_action_id (self, selected_id))
    ra_action_list_set_selected_action (self, NULL);
}

/* One load, so that an answer to a request that was replaced since is
 * recognized even if it arrives as a success. */
typedef struct
{
  RaActionList *self;
  GCancellable *cancellable;
  RaCatalogue  *catalogue;
} Load;

static void
load_free (Load *load)
{
  g_object_unref (load->self);
  g_object_unref (load->cancellable);
  g_clear_object (&load->catalogue);
  g_free (load);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Load, load_free)

static gboolean
load_is_current (Load *load)
{
  return load->cancellable == load->self->cancellable &&
         !g_cancellable_is_cancelled (load->cancellable);
}

static void
prepare_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Load) load = user_data;
  RaActionList *self = load->self;
  g_autoptr(GListModel) store = NULL;

  store = ra_action_item_list_new_finish (result, NULL);
  if (store == NULL || !load_is_current (load))
    return;

  g_clear_object (&self->cancellable);
  ra_action_list_set_store (self, store);
  ra_action_list_show_skipped (self, load->catalogue);
  ra_action_list_update_state (self);
}

static void
list_actions_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Load) load = user_data;
  RaActionList *self = load->self;
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable;

  actions = ra_client_list_actions_finish (RA_CLIENT (object), result, &error);

  if (!load_is_current (load))
    return;

  if (error != NULL)
    {
      g_clear_object (&self->cancellable);
      g_free (self->error_message);
      self->error_message = g_strdup (error->message);
      ra_plain_status_page_set_description (self->error_page, error->message);
      ra_action_list_show_skipped (self, NULL);
      ra_action_list_update_state (self);
      return;
    }

  /* The client's list is a catalogue, which knows what it left out. */
  if (RA_IS_CATALOGUE (actions))
    load->catalogue = g_object_ref (RA_CATALOGUE (actions));

  cancellable = load->cancellable;
  ra_action_item_list_new_async (actions, cancellable,
                                 prepare_done_cb, g_steal_pointer (&load));
}

void
ra_action_list_reload (RaActionList *self)
{
  g_return_if_fail (RA_IS_ACTION_LIST (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->error_message, g_free);

  if (self->client != NULL)
    {
      Load *load = g_new0 (Load, 1);

      self->cancellable = g_cancellable_new ();
      load->self = g_object_ref (self);
      load->cancellable = g_object_ref (self->cancellable);
      ra_client_list_actions_async (self->client, RA_FILTER_ANY, RA_FILTER_ANY,
                                    self->cancellable, list_actions_cb, load);
    }

  ra_action_list_update_state (self);
}

/* Class */

static void
clear_search_clicked_cb (RaActionList *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
reset_filters_clicked_cb (RaActionList *self)
{
  ra_action_list_reset_filters (self);
}

static void
retry_clicked_cb (RaActionList *self)
{
  ra_action_list_reload (self);
}

static void
ra_action_list_dispose (GObject *object)
{
  GtkWidget *child;
  RaActionList *self = RA_ACTION_LIST (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), RA_TYPE_ACTION_LIST);
  /* The template's unnamed boxes are ours to unparent too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->rows);
  g_clear_object (&self->selection);
  g_clear_object (&self->slice);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_object (&self->client);
  g_clear_object (&self->selected_action);
  g_clear_object (&self->skipped_from);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ra_action_list_parent_class)->dispose (object);
}

static void
ra_action_list_finalize (GObject *object)
{
  RaActionList *self = RA_ACTION_LIST (object);

  g_free (self->error_message);

  G_OBJECT_CLASS (ra_action_list_parent_class)->finalize (object);
}

static void
ra_action_list_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RaActionList *self = RA_ACTION_LIST (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_SELECTED_ACTION:
      g_value_set_object (value, self->selected_action);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_action_list_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RaActionList *self = RA_ACTION_LIST (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      ra_action_list_set_client (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_action_list_class_init (RaActionListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ra_action_list_dispose;
  object_class->finalize = ra_action_list_finalize;
  object_class->get_property = ra_action_list_get_property;
  object_class->set_property = ra_action_list_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         RA_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       RA_TYPE_ACTION_LIST_STATE,
                       RA_ACTION_LIST_STATE_NO_CLIENT,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_ACTION] =
    g_param_spec_object ("selected-action", NULL, NULL,
                         RA_TYPE_REMOTE_ACTION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The user picked an action with a click or Enter (as opposed to moving
   * the selection with the arrow keys). */
  signals[ACTION_ACTIVATED] =
    g_signal_new ("action-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, RA_TYPE_REMOTE_ACTION);

  g_type_ensure (RA_TYPE_ACTION_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/ra-action-list.ui");
  gtk_widget_class_bind_template_child (widget_class, RaActionList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RaActionList, filter_button);
  gtk_widget_class_bind_template_child (widget_class, RaActionList, api_enabled_check);
  gtk_widget_class_bind_template_child (widget_class, RaActionList, windows_check);
  gtk_widget_class_bind_template_child (widget_class, RaActionList, macos_check);
  gtk_widget_class_bind_template_child (widget_class, RaActionList, data_collection_check);
  gtk_widget_class_bind_template_child (widget_class, RaActionList, remediation_check);
  gtk_widget_class_bind_template_child (widget_class, RaActionList, stack);
  gtk_widget_class_bind_template_child (widget_class, RaActionList, list_view);
  gtk_widget_class_bind_template_child (widget_class, RaActionList, no_match_page);
  gtk_widget_class_bind_template_child (widget_class, RaActionList, clear_search_button);
  gtk_widget_class_bind_template_child (widget_class, RaActionList, reset_filters_button);
  gtk_widget_class_bind_template_child (widget_class, RaActionList, error_page);
  gtk_widget_class_bind_template_child (widget_class, RaActionList, count_label);
  gtk_widget_class_bind_template_child (widget_class, RaActionList, refresh_spinner);
  gtk_widget_class_bind_template_child (widget_class, RaActionList, skipped_button);
  gtk_widget_class_bind_template_child (widget_class, RaActionList, skipped_label);
  gtk_widget_class_bind_template_child (widget_class, RaActionList, skipped_heading);
  gtk_widget_class_bind_template_child (widget_class, RaActionList, skipped_list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_search_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, reset_filters_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ra-action-list");
}

static void
ra_action_list_init (RaActionList *self)
{
  struct {
    GtkCheckButton *check;
    const char     *key;
    const char     *property;
  } binds[5];

  gtk_widget_init_template (GTK_WIDGET (self));

  binds[0].check = self->api_enabled_check;
  binds[0].key = RA_SETTINGS_FILTER_API_ENABLED_ONLY;
  binds[0].property = "api-enabled-only";
  binds[1].check = self->windows_check;
  binds[1].key = RA_SETTINGS_FILTER_WINDOWS;
  binds[1].property = "windows";
  binds[2].check = self->macos_check;
  binds[2].key = RA_SETTINGS_FILTER_MACOS;
  binds[2].property = "macos";
  binds[3].check = self->data_collection_check;
  binds[3].key = RA_SETTINGS_FILTER_DATA_COLLECTION;
  binds[3].property = "data-collection";
  binds[4].check = self->remediation_check;
  binds[4].key = RA_SETTINGS_FILTER_REMEDIATION;
  binds[4].property = "remediation";

  self->filter = ra_action_filter_new ();
  self->settings = g_settings_new (APP_ID);
  for (guint i = 0; i < G_N_ELEMENTS (binds); i++)
    {
      g_settings_bind (self->settings, binds[i].key, binds[i].check, "active",
                       G_SETTINGS_BIND_DEFAULT);
      g_object_bind_property (binds[i].check, "active",
                              self->filter, binds[i].property,
                              G_BINDING_SYNC_CREATE);
    }

  /* The store comes sorted from the worker thread, and stays so. */
  self->filter_model = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  self->slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                          0, G_MAXUINT);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->slice)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (filter_items_changed_cb), self,
                           G_CONNECT_SWAPPED);

  self->rows = ra_action_list_rows_new (self->slice);
  g_signal_connect_object (self->rows, "row-picked", G_CALLBACK (row_picked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_list_view_set_factory (self->list_view, ra_action_list_rows_get_factory (self->rows));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb),
                             self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  }

  /* Typing while the list has the focus searches. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  ra_action_list_update_state (self);
}

GtkWidget *
ra_action_list_new (void)
{
  return g_object_new (RA_TYPE_ACTION_LIST, NULL);
}

RaClient *
ra_action_list_get_client (RaActionList *self)
{
  g_return_val_if_fail (RA_IS_ACTION_LIST (self), NULL);

  return self->client;
}

void
ra_action_list_set_client (RaActionList *self,
                           RaClient     *client)
{
  g_return_if_fail (RA_IS_ACTION_LIST (self));
  g_return_if_fail (client == NULL || RA_IS_CLIENT (client));

  if (self->client == client)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  g_set_object (&self->client, client);

  /* Another account's actions: nothing of the old list stays. */
  ra_action_list_set_selected_action (self, NULL);
  ra_action_list_set_store (self, NULL);
  ra_action_list_show_skipped (self, NULL);

  ra_action_list_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

RaActionListState
ra_action_list_get_state (RaActionList *self)
{
  g_return_val_if_fail (RA_IS_ACTION_LIST (self), RA_ACTION_LIST_STATE_NO_CLIENT);

  return self->state;
}

RaRemoteAction *
ra_action_list_get_selected_action (RaActionList *self)
{
  g_return_val_if_fail (RA_IS_ACTION_LIST (self), NULL);

  return self->selected_action;
}

gboolean
ra_action_list_select_action_id (RaActionList *self,
                                 const char   *nql_id)
{
  GListModel *model;
  guint n;

  g_return_val_if_fail (RA_IS_ACTION_LIST (self), FALSE);

  if (nql_id == NULL || nql_id[0] == '\0')
    return FALSE;

  model = G_LIST_MODEL (self->filter_model);
  n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RaActionItem) item = g_list_model_get_item (model, i);
      RaRemoteAction *action = ra_action_item_get_action (item);

      if (g_strcmp0 (ra_remote_action_get_id (action), nql_id) == 0)
        {
          ra_action_list_rows_finish_growing (self->rows);
          gtk_single_selection_set_selected (self->selection, i);
          ra_action_list_set_selected_action (self, action);
          gtk_widget_activate_action (GTK_WIDGET (self->list_view),
                                      "list.scroll-to-item", "u", i);
          return TRUE;
        }
    }

  return FALSE;
}

GtkSearchEntry *
ra_action_list_get_search_entry (RaActionList *self)
{
  g_return_val_if_fail (RA_IS_ACTION_LIST (self), NULL);

  return self->search_entry;
}

void
ra_action_list_focus_search (RaActionList *self)
{
  g_return_if_fail (RA_IS_ACTION_LIST (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
ra_action_list_set_search_text (RaActionList *self,
                                const char   *text)
{
  g_return_if_fail (RA_IS_ACTION_LIST (self));

  /* Replacing the text passes through an empty entry, which would show
   * every row for a moment; the filter only hears the final text, now
   * rather than after the typing delay. */
  g_signal_handlers_block_by_func (self->search_entry, search_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  g_signal_handlers_unblock_by_func (self->search_entry, search_changed_cb, self);
  search_changed_cb (self, self->search_entry);
}

void
ra_action_list_reset_filters (RaActionList *self)
{
  g_return_if_fail (RA_IS_ACTION_LIST (self));

  /* The check buttons follow their settings. */
  g_settings_reset (self->settings, RA_SETTINGS_FILTER_API_ENABLED_ONLY);
  g_settings_reset (self->settings, RA_SETTINGS_FILTER_WINDOWS);
  g_settings_reset (self->settings, RA_SETTINGS_FILTER_MACOS);
  g_settings_reset (self->settings, RA_SETTINGS_FILTER_DATA_COLLECTION);
  g_settings_reset (self->settings, RA_SETTINGS_FILTER_REMEDIATION);
}

GListModel *
ra_action_list_get_model (RaActionList *self)
{
  g_return_val_if_fail (RA_IS_ACTION_LIST (self), NULL);

  return G_LIST_MODEL (self->filter_model);
}

GListModel *
ra_action_list_get_actions (RaActionList *self)
{
  g_return_val_if_fail (RA_IS_ACTION_LIST (self), NULL);

  return self->store;
}

guint
ra_action_list_get_n_total (RaActionList *self)
{
  g_return_val_if_fail (RA_IS_ACTION_LIST (self), 0);

  return self->store ? g_list_model_get_n_items (self->store) : 0;
}

const char *
ra_action_list_get_error_message (RaActionList *self)
{
  g_return_val_if_fail (RA_IS_ACTION_LIST (self), NULL);

  return self->error_message;
}

guint
ra_action_list_get_n_skipped (RaActionList *self)
{
  g_return_val_if_fail (RA_IS_ACTION_LIST (self), 0);

  return self->skipped_from != NULL ? ra_catalogue_get_n_skipped (self->skipped_from) : 0;
}
