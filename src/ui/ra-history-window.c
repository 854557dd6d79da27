/* ra-history-window.c
 *
 * The list is what the history answered for the search and filters, in a
 * GListStore; each change of them asks again (in the history's worker
 * thread), and an answer to a question replaced since is dropped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-history"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-account.h"
#include "ra-account-manager.h"
#include "ra-csv-export.h"
#include "ra-format.h"
#include "ra-history-csv.h"
#include "ra-history-detail.h"
#include "ra-history-window.h"
#include "ra-list-fill.h"
#include "ra-plain-text.h"

struct _RaHistoryWindow
{
  AdwWindow             parent_instance;

  /* template */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *account_dropdown;
  GtkDropDown          *outcome_dropdown;
  GtkStack             *stack;
  GtkSpinner           *spinner;
  AdwStatusPage        *error_page;
  GtkListView          *list_view;
  GtkLabel             *count_label;
  AdwWindowTitle       *detail_title;
  RaHistoryDetail      *detail;

  RaSession            *session;
  RaHistory            *history;
  GListStore           *runs;
  /* Puts a long list in a screenful at a time. */
  RaListFill           *fill;
  /* The account IDs of the account menu's entries after "All Accounts";
   * "" is the demo instance. */
  GPtrArray            *account_ids;
  GCancellable         *cancellable;
  RaHistoryWindowState  state;
};

G_DEFINE_FINAL_TYPE (RaHistoryWindow, ra_history_window, ADW_TYPE_WINDOW)

enum {
  RUN_AGAIN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* clang-format off */
G_DEFINE_ENUM_TYPE (RaHistoryWindowState, ra_history_window_state,
  G_DEFINE_ENUM_VALUE (RA_HISTORY_WINDOW_STATE_LOADING, "loading"),
  G_DEFINE_ENUM_VALUE (RA_HISTORY_WINDOW_STATE_EMPTY, "empty"),
  G_DEFINE_ENUM_VALUE (RA_HISTORY_WINDOW_STATE_NO_MATCH, "no-match"),
  G_DEFINE_ENUM_VALUE (RA_HISTORY_WINDOW_STATE_LIST, "list"),
  G_DEFINE_ENUM_VALUE (RA_HISTORY_WINDOW_STATE_ERROR, "error"))
/* clang-format on */

static const char * const state_pages[] = { "loading", "empty", "no-match", "list", "error" };

static void
set_state (RaHistoryWindow      *self,
           RaHistoryWindowState  state)
{
  self->state = state;
  gtk_stack_set_visible_child_name (self->stack, state_pages[state]);
  /* What is listed is what is exported: nothing listed, nothing to export. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.export",
                                 state == RA_HISTORY_WINDOW_STATE_LIST);
  gtk_spinner_set_spinning (self->spinner, state == RA_HISTORY_WINDOW_STATE_LOADING);
}

/* The outcome menu's entries after "All Outcomes", in its order. */
static const RaExecutionOutcome outcome_entries[] = {
  RA_EXECUTION_OUTCOME_STARTED,
  RA_EXECUTION_OUTCOME_NOT_SENT,
  RA_EXECUTION_OUTCOME_UNKNOWN,
};

static int
selected_outcome (RaHistoryWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->outcome_dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > G_N_ELEMENTS (outcome_entries))
    return -1;

  return outcome_entries[selected - 1];
}

static const char *
selected_account (RaHistoryWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->account_dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > self->account_ids->len)
    return NULL;

  return g_ptr_array_index (self->account_ids, selected - 1);
}

/* Loading */

typedef struct
{
  RaHistoryWindow *self;
  GCancellable    *cancellable;
  gboolean         filtered;
} Query;

static void
query_free (Query *query)
{
  g_object_unref (query->self);
  g_object_unref (query->cancellable);
  g_free (query);
}

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Query *query = user_data;
  RaHistoryWindow *self = query->self;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;

  runs = ra_history_list_finish (RA_HISTORY (object), result, &error);
  if (g_cancellable_is_cancelled (query->cancellable) || query->cancellable != self->cancellable)
    {
      query_free (query);
      return;
    }

  g_clear_object (&self->cancellable);

  if (runs == NULL)
    {
      ra_plain_status_page_set_description (self->error_page, error->message);
      ra_list_fill_stop (self->fill);
      g_list_store_remove_all (self->runs);
      gtk_widget_set_visible (GTK_WIDGET (self->count_label), FALSE);
      set_state (self, RA_HISTORY_WINDOW_STATE_ERROR);
      query_free (query);
      return;
    }

  ra_list_fill_replace (self->fill, runs);

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u run", "%'u runs", runs->len),
                           runs->len);
  gtk_label_set_label (self->count_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), runs->len > 0);

  if (runs->len > 0)
    set_state (self, RA_HISTORY_WINDOW_STATE_LIST);
  else
    set_state (self, query->filtered ? RA_HISTORY_WINDOW_STATE_NO_MATCH
                                     : RA_HISTORY_WINDOW_STATE_EMPTY);
  query_free (query);
}

static void
reload (RaHistoryWindow *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *account = selected_account (self);
  int outcome = selected_outcome (self);
  g_autofree char *stripped = g_strstrip (g_strdup (search));
  Query *query;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  /* The old rows stay in sight until the answer replaces them. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->runs)) == 0)
    set_state (self, RA_HISTORY_WINDOW_STATE_LOADING);

  query = g_new0 (Query, 1);
  query->self = g_object_ref (self);
  query->cancellable = g_object_ref (self->cancellable);
  query->filtered = stripped[0] != '\0' || account != NULL || outcome >= 0;

  ra_history_list_async (self->history, search, account, outcome, 0, self->cancellable,
                         list_cb, query);
}

static void
search_changed_cb (RaHistoryWindow *self)
{
  reload (self);
}

static void
filter_changed_cb (RaHistoryWindow *self)
{
  if (self->history != NULL)
    reload (self);
}

static void
history_changed_cb (RaHistoryWindow *self)
{
  reload (self);
}

/* The account menu: every saved account and the demo instance. */
static void
fill_accounts (RaHistoryWindow *self)
{
  RaAccountManager *manager = ra_session_get_account_manager (self->session);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (manager));

  gtk_string_list_append (names, _("All Accounts"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RaAccount) account = g_list_model_get_item (G_LIST_MODEL (manager), i);

      g_autofree char *title = ra_account_dup_title (account);

      gtk_string_list_append (names, title);
      g_ptr_array_add (self->account_ids, g_strdup (ra_account_get_id (account)));
    }
  gtk_string_list_append (names, _("Demo Instance"));
  g_ptr_array_add (self->account_ids, g_strdup (""));

  gtk_drop_down_set_model (self->account_dropdown, G_LIST_MODEL (names));
}

/* Rows */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box, *text, *title, *subtitle, *outcome;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_hexpand (text, TRUE);
  title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  subtitle = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (subtitle), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (subtitle, "caption");
  outcome = gtk_label_new (NULL);
  gtk_widget_set_valign (outcome, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (outcome, "caption-heading");

  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), subtitle);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), outcome);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  RaHistoryRun *run = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *text = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_first_child (text);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  GtkWidget *outcome = gtk_widget_get_next_sibling (text);
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (ra_history_run_get_time (run));
  g_autofree char *when = time != NULL ? ra_format_date_time (time) : g_strdup ("");
  g_autofree char *line = NULL;
  const char *account = ra_history_run_get_account_name (run);
  const char *reference = ra_history_run_get_external_reference (run);
  guint n = ra_history_run_get_n_devices (run);
  RaExecutionOutcome value = ra_history_run_get_outcome (run);
  const char *name = ra_history_run_get_action_name (run);

  /* Translators: when a run was made, on which account, on how many
   * devices: "2 Dec 2026, 16:30:05 · Acme · 3 devices" */
  line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %s · %'u device", "%s · %s · %'u devices", n),
                          when, account != NULL ? account : "", n);
  if (reference != NULL && reference[0] != '\0')
    {
      char *with_reference = g_strconcat (line, " · ", reference, NULL);

      g_free (line);
      line = with_reference;
    }

  gtk_label_set_label (GTK_LABEL (title), name != NULL ? name : ra_history_run_get_action_id (run));
  gtk_label_set_label (GTK_LABEL (subtitle), line);
  gtk_label_set_label (GTK_LABEL (outcome), ra_format_outcome (value));
  gtk_widget_remove_css_class (outcome, "success");
  gtk_widget_remove_css_class (outcome, "warning");
  gtk_widget_remove_css_class (outcome, "dim-label");
  gtk_widget_add_css_class (outcome, value == RA_EXECUTION_OUTCOME_STARTED    ? "success"
                                     : value == RA_EXECUTION_OUTCOME_UNKNOWN ? "warning"
                                                                             : "dim-label");
}

/* Detail */

static void
list_activate_cb (RaHistoryWindow *self,
                  guint            position)
{
  ra_history_window_show_run (self, position);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RaHistoryWindow *self = RA_HISTORY_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* The detail asks for the run to be run again: the window that owns the
 * form takes it from here. */
static void
detail_run_again_cb (RaHistoryWindow  *self,
                     char            **devices,
                     gboolean          failed_only)
{
  RaHistoryRun *run = ra_history_detail_get_run (self->detail);

  if (run != NULL)
    g_signal_emit (self, signals[RUN_AGAIN], 0, run, devices, failed_only);
}

/* Export */

static void
export_chosen_cb (GFile    *file,
                  gpointer  user_data)
{
  RaHistoryWindow *self = user_data;

  ra_history_window_export_runs_async (self, file, NULL, NULL, NULL);
}

static void
export_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  RaHistoryWindow *self = RA_HISTORY_WINDOW (widget);
  g_autofree char *name = ra_csv_export_file_name ("remote-actions-runs");

  ra_csv_export_choose (GTK_WINDOW (self), _("Export Runs"), name,
                        export_chosen_cb, g_object_ref (self), g_object_unref);
}

/* Class */

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RaHistoryWindow *self = RA_HISTORY_WINDOW (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}


static void
ra_history_window_dispose (GObject *object)
{
  RaHistoryWindow *self = RA_HISTORY_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), RA_TYPE_HISTORY_WINDOW);

  g_clear_pointer (&self->fill, ra_list_fill_free);
  g_clear_object (&self->runs);
  g_clear_object (&self->history);
  g_clear_object (&self->session);
  g_clear_pointer (&self->account_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (ra_history_window_parent_class)->dispose (object);
}

static void
ra_history_window_class_init (RaHistoryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ra_history_window_dispose;

  g_type_ensure (RA_TYPE_HISTORY_DETAIL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/ra-history-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RaHistoryWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RaHistoryWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RaHistoryWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RaHistoryWindow, account_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RaHistoryWindow, outcome_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RaHistoryWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RaHistoryWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, RaHistoryWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, RaHistoryWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, RaHistoryWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, RaHistoryWindow, detail_title);
  gtk_widget_class_bind_template_child (widget_class, RaHistoryWindow, detail);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, detail_run_again_cb);

  /* ::run-again (RaHistoryRun *run, GStrv devices, gboolean failed_only) */
  signals[RUN_AGAIN] =
    g_signal_new ("run-again", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                  RA_TYPE_HISTORY_RUN, G_TYPE_STRV, G_TYPE_BOOLEAN);

  gtk_widget_class_install_action (widget_class, "history.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "history.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "history.export", NULL, export_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "history.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "history.export", NULL);
}

static void
ra_history_window_init (RaHistoryWindow *self)
{
  GtkListItemFactory *factory;
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->account_ids = g_ptr_array_new_with_free_func (g_free);
  self->runs = g_list_store_new (RA_TYPE_HISTORY_RUN);
  self->fill = ra_list_fill_new (self->runs, NULL, NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->runs)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  set_state (self, RA_HISTORY_WINDOW_STATE_LOADING);
}

RaHistoryWindow *
ra_history_window_present_for (GtkWindow *parent,
                               RaSession *session)
{
  g_autoptr(GListModel) toplevels = NULL;
  RaHistoryWindow *self = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RA_IS_SESSION (session), NULL);

  toplevels = g_object_ref (gtk_window_get_toplevels ());
  for (guint i = 0; self == NULL && i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (RA_IS_HISTORY_WINDOW (item) && RA_HISTORY_WINDOW (item)->session == session)
        self = RA_HISTORY_WINDOW (item);
    }

  if (self == NULL)
    {
      self = g_object_new (RA_TYPE_HISTORY_WINDOW,
                           "transient-for", parent,
                           "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                           NULL);
      self->session = g_object_ref (session);
      self->history = g_object_ref (ra_session_get_history (session));
      ra_history_detail_set_session (self->detail, session);
      g_signal_connect_object (self->history, "changed", G_CALLBACK (history_changed_cb), self,
                               G_CONNECT_SWAPPED);
      fill_accounts (self);
      reload (self);
    }

  gtk_window_present (GTK_WINDOW (self));
  return self;
}

RaHistoryWindowState
ra_history_window_get_state (RaHistoryWindow *self)
{
  g_return_val_if_fail (RA_IS_HISTORY_WINDOW (self), RA_HISTORY_WINDOW_STATE_LOADING);

  return self->state;
}

GListModel *
ra_history_window_get_runs (RaHistoryWindow *self)
{
  g_return_val_if_fail (RA_IS_HISTORY_WINDOW (self), NULL);

  return G_LIST_MODEL (self->runs);
}

GtkSearchEntry *
ra_history_window_get_search_entry (RaHistoryWindow *self)
{
  g_return_val_if_fail (RA_IS_HISTORY_WINDOW (self), NULL);

  return self->search_entry;
}

void
ra_history_window_set_outcome_filter (RaHistoryWindow *self,
                                      int              outcome)
{
  g_return_if_fail (RA_IS_HISTORY_WINDOW (self));

  for (guint i = 0; i < G_N_ELEMENTS (outcome_entries); i++)
    if ((int) outcome_entries[i] == outcome)
      {
        gtk_drop_down_set_selected (self->outcome_dropdown, i + 1);
        return;
      }

  gtk_drop_down_set_selected (self->outcome_dropdown, 0);
}

void
ra_history_window_set_account_filter (RaHistoryWindow *self,
                                      const char      *account_id)
{
  g_return_if_fail (RA_IS_HISTORY_WINDOW (self));

  for (guint i = 0; account_id != NULL && i < self->account_ids->len; i++)
    if (g_str_equal (g_ptr_array_index (self->account_ids, i), account_id))
      {
        gtk_drop_down_set_selected (self->account_dropdown, i + 1);
        return;
      }

  gtk_drop_down_set_selected (self->account_dropdown, 0);
}

void
ra_history_window_show_run (RaHistoryWindow *self,
                            guint            position)
{
  g_autoptr(RaHistoryRun) run = NULL;

  g_return_if_fail (RA_IS_HISTORY_WINDOW (self));

  run = g_list_model_get_item (G_LIST_MODEL (self->runs), position);
  if (run == NULL)
    return;

  ra_history_detail_set_run (self->detail, self->history, run);
  adw_window_title_set_title (self->detail_title, ra_history_run_get_action_name (run));
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}

RaHistoryRun *
ra_history_window_get_shown_run (RaHistoryWindow *self)
{
  g_return_val_if_fail (RA_IS_HISTORY_WINDOW (self), NULL);

  if (g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "detail") != 0)
    return NULL;

  return ra_history_detail_get_run (self->detail);
}

void
ra_history_window_export_runs_async (RaHistoryWindow     *self,
                                     GFile               *file,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GBytes) contents = NULL;

  g_return_if_fail (RA_IS_HISTORY_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* The runs listed, as the search and the filters leave them: all of
   * them, even while the list is still being filled. */
  ra_list_fill_complete (self->fill);
  contents = ra_history_runs_to_csv (G_LIST_MODEL (self->runs));
  ra_csv_export_write_async (self, file, contents, GTK_WINDOW (self), self->toast_overlay,
                             cancellable, callback, user_data);
}

gboolean
ra_history_window_export_runs_finish (RaHistoryWindow  *self,
                                      GAsyncResult     *result,
                                      GError          **error)
{
  g_return_val_if_fail (RA_IS_HISTORY_WINDOW (self), FALSE);

  return ra_csv_export_write_finish (result, error);
}
