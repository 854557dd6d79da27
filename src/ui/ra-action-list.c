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
  ra_action_filter_set_search (ra_action_list_model_get_filter (self->model),
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

  first = g_list_model_get_item (G_LIST_MODEL (self->model), 0);
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
      g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
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

      if (gtk_filter_match (GTK_FILTER (ra_action_list_model_get_filter (self->model)), probe))
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
ra_action_list_update_no_match (RaActionList *self)
{
  RaActionFilter *filter = ra_action_list_model_get_filter (self->model);
  gboolean searching = !ra_action_filter_get_search_is_empty (filter);
  guint n_hidden = ra_action_list_model_get_n_hidden_by_filters (self->model);
  g_autofree char *description = NULL;

  if (n_hidden > 0)
    /* Translators: the search matches actions, but the filter menu's
     * boxes hide all of them. */
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%'u matching action is hidden by filters.",
                                                "%'u matching actions are hidden by filters.",
                                                n_hidden),
                                   n_hidden);
  else if (searching)
    description = g_strdup_printf (_("No action’s name, NQL ID or description contains “%s”."),
                                   gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  else
    description = g_strdup (_("The filters hide every action."));

  ra_plain_status_page_set_description (self->no_match_page, description);
  gtk_widget_set_visible (self->show_all_button, n_hidden > 0);
  gtk_widget_set_visible (self->clear_search_button, searching && n_hidden == 0);
  gtk_widget_set_visible (self->reset_filters_button,
                          n_hidden == 0 && !ra_action_filter_get_is_default (filter));
}

static void
ra_action_list_update_state (RaActionList *self)
{
  RaActionListState state = ra_action_list_model_get_state (self->model);
  guint n_total = ra_action_list_model_get_n_total (self->model);
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  gboolean refreshing = ra_action_list_model_get_loading (self->model) && n_total > 0;
  const char *page = "list";

  switch (state)
    {
    case RA_ACTION_LIST_STATE_NO_CLIENT:
      page = "no-client";
      break;

    case RA_ACTION_LIST_STATE_ERROR:
      page = "error";
      break;

    case RA_ACTION_LIST_STATE_LOADING:
      /* A refresh keeps the old rows in sight until the new ones are in. */
      page = n_total > 0 ? "list" : "loading";
      break;

    case RA_ACTION_LIST_STATE_EMPTY:
      page = "empty";
      break;

    case RA_ACTION_LIST_STATE_NO_MATCH:
      page = "no-match";
      ra_action_list_update_no_match (self);
      break;

    case RA_ACTION_LIST_STATE_LOADED:
    default:
      break;
    }

  gtk_stack_set_visible_child_name (self->stack, page);

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

  gtk_widget_set_visible (GTK_WIDGET (self->refresh_spinner), refreshing);
  gtk_spinner_set_spinning (self->refresh_spinner, refreshing);
}

/* The model */

static void
actions_changing_cb (RaActionList      *self,
                     guint              n_new,
                     RaActionListModel *model)
{
  /* A first list grows its rows in; a refresh replaces them at once. */
  if (n_new > 0 && ra_action_list_model_get_n_total (model) == 0)
    ra_action_list_rows_start_growing (self->rows,
                                       gtk_widget_get_height (GTK_WIDGET (self->stack)));
  else
    ra_action_list_rows_finish_growing (self->rows);
}

static void
actions_changed_cb (RaActionList      *self,
                    GParamSpec        *pspec,
                    RaActionListModel *model)
{
  /* The same action, as the new list has it; gone if the list lost it.
   * The pick still holds the old list's action, which knows its ID. */
  if (self->selected_action != NULL &&
      !ra_action_list_select_action_id (self, ra_remote_action_get_id (self->selected_action)))
    ra_action_list_set_selected_action (self, NULL);
}

static void
model_state_changed_cb (RaActionList      *self,
                        GParamSpec        *pspec,
                        RaActionListModel *model)
{
  ra_action_list_update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
catalogue_changed_cb (RaActionList      *self,
                      GParamSpec        *pspec,
                      RaActionListModel *model)
{
  ra_action_list_show_skipped (self, ra_action_list_model_get_catalogue (model));
}

static void
error_message_changed_cb (RaActionList      *self,
                          GParamSpec        *pspec,
                          RaActionListModel *model)
{
  const char *message = ra_action_list_model_get_error_message (model);

  if (message != NULL)
    ra_plain_status_page_set_description (self->error_page, message);
}

void
ra_action_list_reload (RaActionList *self)
{
  g_return_if_fail (RA_IS_ACTION_LIST (self));

  ra_action_list_model_reload (self->model);
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
show_all_clicked_cb (RaActionList *self)
{
  /* Every box ticked and "API-enabled only" off: the search alone decides. */
  ra_action_list_reset_filters (self);
  g_settings_set_boolean (self->settings, RA_SETTINGS_FILTER_API_ENABLED_ONLY, FALSE);
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

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), RA_TYPE_ACTION_LIST);
  /* The template's unnamed boxes are ours to unparent too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->rows);
  g_clear_object (&self->selection);
  g_clear_object (&self->slice);
  g_clear_object (&self->model);
  g_clear_object (&self->selected_action);
  g_clear_object (&self->skipped_from);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ra_action_list_parent_class)->dispose (object);
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
      g_value_set_object (value, ra_action_list_model_get_client (self->model));
      break;

    case PROP_STATE:
      g_value_set_enum (value, ra_action_list_model_get_state (self->model));
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
  gtk_widget_class_bind_template_child (widget_class, RaActionList, show_all_button);
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
  gtk_widget_class_bind_template_callback (widget_class, show_all_clicked_cb);
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

  self->model = ra_action_list_model_new ();
  self->settings = g_settings_new (APP_ID);
  for (guint i = 0; i < G_N_ELEMENTS (binds); i++)
    {
      g_settings_bind (self->settings, binds[i].key, binds[i].check, "active",
                       G_SETTINGS_BIND_DEFAULT);
      g_object_bind_property (binds[i].check, "active",
                              ra_action_list_model_get_filter (self->model), binds[i].property,
                              G_BINDING_SYNC_CREATE);
    }

  self->slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->model)),
                                          0, G_MAXUINT);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->slice)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "items-changed",
                           G_CALLBACK (filter_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* A search that changes nothing in the rows still changes what the
   * empty state says. */
  g_signal_connect_object (ra_action_list_model_get_filter (self->model), "changed",
                           G_CALLBACK (ra_action_list_update_state), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "actions-changing",
                           G_CALLBACK (actions_changing_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::actions",
                           G_CALLBACK (actions_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::state",
                           G_CALLBACK (model_state_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::loading",
                           G_CALLBACK (ra_action_list_update_state), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::catalogue",
                           G_CALLBACK (catalogue_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::error-message",
                           G_CALLBACK (error_message_changed_cb), self,
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

  return ra_action_list_model_get_client (self->model);
}

void
ra_action_list_set_client (RaActionList *self,
                           RaClient     *client)
{
  g_return_if_fail (RA_IS_ACTION_LIST (self));
  g_return_if_fail (client == NULL || RA_IS_CLIENT (client));

  if (ra_action_list_model_get_client (self->model) == client)
    return;

  /* Another account's actions: the pick does not carry over. */
  ra_action_list_set_selected_action (self, NULL);
  ra_action_list_model_set_client (self->model, client);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

RaActionListState
ra_action_list_get_state (RaActionList *self)
{
  g_return_val_if_fail (RA_IS_ACTION_LIST (self), RA_ACTION_LIST_STATE_NO_CLIENT);

  return ra_action_list_model_get_state (self->model);
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

  model = G_LIST_MODEL (self->model);
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

  return G_LIST_MODEL (self->model);
}

GListModel *
ra_action_list_get_actions (RaActionList *self)
{
  g_return_val_if_fail (RA_IS_ACTION_LIST (self), NULL);

  return ra_action_list_model_get_actions (self->model);
}

guint
ra_action_list_get_n_total (RaActionList *self)
{
  g_return_val_if_fail (RA_IS_ACTION_LIST (self), 0);

  return ra_action_list_model_get_n_total (self->model);
}

const char *
ra_action_list_get_error_message (RaActionList *self)
{
  g_return_val_if_fail (RA_IS_ACTION_LIST (self), NULL);

  return ra_action_list_model_get_error_message (self->model);
}

guint
ra_action_list_get_n_skipped (RaActionList *self)
{
  g_return_val_if_fail (RA_IS_ACTION_LIST (self), 0);

  return ra_action_list_model_get_n_skipped (self->model);
}
