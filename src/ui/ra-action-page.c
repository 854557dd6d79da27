/* ra-action-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-action-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-accessible.h"
#include "ra-action-details.h"
#include "ra-action-page-private.h"
#include "ra-device-results-window.h"
#include "ra-format.h"
#include "ra-plain-text.h"
#include "ra-scroll.h"
#include "ra-run-form.h"
#include "ra-session.h"
#include "ra-session-run.h"
#include "ra-session-run-row.h"

struct _RaActionPage
{
  AdwBin          parent_instance;

  GtkWidget      *toast_overlay;
  GtkWidget      *stack;
  GtkWidget      *loading_page;
  GtkWidget      *loading_spinner;
  GtkWidget      *error_page;
  GtkWidget      *scroller;
  GtkWidget      *name_label;
  GtkWidget      *summary_label;
  GtkWidget      *description_label;
  GtkWidget      *api_notice;
  GtkWidget      *run_form;
  GtkWidget      *details_view;
  GtkWidget      *history_group;
  GtkWidget      *history_list;
  GtkWidget      *run_bar;
  GtkWidget      *run_hint;
  GtkWidget      *run_button;

  RaSession      *session;
  /* The session's, followed. */
  RaClient       *client;
  RaRemoteAction *action;
  RaRemoteAction *details;
  /* NQL ID → CacheEntry, for this client. */
  GHashTable     *cache;
  GCancellable   *load_cancellable;
  GListStore     *runs;
  char           *load_error;
  RaActionPageState state;
  /* ra_action_page_focus_form() asked for the form of the next details. */
  gboolean        focus_pending;
  guint           focus_tick_id;
  gint64          focus_frame;
};

G_DEFINE_FINAL_TYPE (RaActionPage, ra_action_page, ADW_TYPE_BIN)

/* clang-format off */
G_DEFINE_ENUM_TYPE (RaActionPageState, ra_action_page_state,
  G_DEFINE_ENUM_VALUE (RA_ACTION_PAGE_STATE_EMPTY, "empty"),
  G_DEFINE_ENUM_VALUE (RA_ACTION_PAGE_STATE_LOADING, "loading"),
  G_DEFINE_ENUM_VALUE (RA_ACTION_PAGE_STATE_ERROR, "error"),
  G_DEFINE_ENUM_VALUE (RA_ACTION_PAGE_STATE_ACTION, "action"))
/* clang-format on */

enum {
  PROP_0,
  PROP_SESSION,
  PROP_CLIENT,
  PROP_ACTION,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Details are kept for the session, but only as long as the list shows
 * the same object: a refreshed list brings new objects, and with them the
 * chance that the action was changed in Nexthink (say, API access turned
 * on as the page suggests). */
typedef struct
{
  RaRemoteAction *listed;
  RaRemoteAction *details;
} CacheEntry;

static void
cache_entry_free (CacheEntry *entry)
{
  g_clear_object (&entry->listed);
  g_clear_object (&entry->details);
  g_free (entry);
}

typedef struct
{
  RaActionPage   *self;
  RaRemoteAction *listed;
  char           *nql_id;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->listed);
  g_free (data->nql_id);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadData, load_data_free)

static void
add_toast (RaActionPage *self,
           const char   *title)
{
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toast_overlay),
                               ra_plain_toast_new (title));
}

static gboolean
can_run_here (RaActionPage *self)
{
  /* Not known is not "no": the server's answer decides. */
  return self->state == RA_ACTION_PAGE_STATE_ACTION &&
         self->details != NULL &&
         ra_remote_action_get_api_enabled (self->details) != RA_TRISTATE_NO;
}

static void
update_run_bar (RaActionPage *self)
{
  RaRunForm *form = RA_RUN_FORM (self->run_form);
  const char *blocker = ra_run_form_get_blocker (form);
  gboolean runnable = can_run_here (self);

  gtk_widget_set_visible (self->run_bar, runnable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.run", runnable && blocker == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.request-run", runnable);

  gtk_button_set_label (GTK_BUTTON (self->run_button), ra_run_form_get_run_label (form));
  gtk_label_set_text (GTK_LABEL (self->run_hint), blocker ? blocker : "");

  /* The button is insensitive then; its description says why. */
  if (blocker != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->run_button),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, blocker,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->run_button),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
set_state (RaActionPage      *self,
           RaActionPageState  state)
{
  g_autoptr(GEnumClass) states = g_type_class_ref (RA_TYPE_ACTION_PAGE_STATE);

  /* The stack only follows the state: its pages are named after the
   * values' nicks. */
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack),
                                    g_enum_get_value (states, state)->value_nick);
  gtk_spinner_set_spinning (GTK_SPINNER (self->loading_spinner),
                            state == RA_ACTION_PAGE_STATE_LOADING);

  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }

  update_run_bar (self);
}

static gboolean
focus_form_tick_cb (GtkWidget     *widget,
                    GdkFrameClock *frame_clock,
                    gpointer       user_data)
{
  RaActionPage *self = RA_ACTION_PAGE (widget);
  GtkWidget *target = NULL;

  /* The rows of the new details get their places in the frame after
   * the one they were made in. */
  if (gdk_frame_clock_get_frame_counter (frame_clock) <= self->focus_frame)
    return G_SOURCE_CONTINUE;

  if (gtk_widget_get_visible (self->run_form))
    target = ra_run_form_get_first_needed (RA_RUN_FORM (self->run_form));
  if (target != NULL && (!gtk_widget_get_mapped (target) || gtk_widget_get_height (target) == 0))
    return G_SOURCE_CONTINUE;

  self->focus_tick_id = 0;
  if (target != NULL)
    {
      /* A row takes the focus into its first control. */
      if (!gtk_widget_grab_focus (target))
        gtk_widget_child_focus (target, GTK_DIR_TAB_FORWARD);
      /* The viewport scrolls to the focus as it likes; from the top,
       * scrolling as little as shows the input keeps the title too. */
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);
      ra_scroll_to_reveal (target, 12);
    }

  return G_SOURCE_REMOVE;
}

static void
cancel_focus (RaActionPage *self)
{
  self->focus_pending = FALSE;
  if (self->focus_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->focus_tick_id);
  self->focus_tick_id = 0;
}

static void
focus_form_when_shown (RaActionPage *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  self->focus_pending = FALSE;
  if (self->focus_tick_id != 0 || clock == NULL)
    return;

  self->focus_frame = gdk_frame_clock_get_frame_counter (clock);
  self->focus_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_form_tick_cb,
                                                      NULL, NULL);
}

static void
show_details (RaActionPage   *self,
              RaRemoteAction *details)
{
  g_autofree char *purpose = NULL;
  g_autofree char *platforms = NULL;
  g_autofree char *summary = NULL;
  const char *description;
  gboolean api_enabled;

  g_set_object (&self->details, details);

  purpose = ra_format_action_purpose (details);
  platforms = ra_format_platforms (ra_remote_action_get_has_script_windows (details),
                                   ra_remote_action_get_has_script_macos (details));
  summary = g_strdup_printf ("%s · %s", purpose, platforms);
  description = ra_remote_action_get_description (details);
  /* Not known: shown, and may be tried; the server's answer decides. */
  api_enabled = ra_remote_action_get_api_enabled (details) != RA_TRISTATE_NO;

  gtk_label_set_text (GTK_LABEL (self->name_label), ra_remote_action_get_name (details));
  gtk_label_set_text (GTK_LABEL (self->summary_label), summary);
  gtk_label_set_text (GTK_LABEL (self->description_label), description ? description : "");
  gtk_widget_set_visible (self->description_label, description != NULL && description[0] != '\0');

  ra_action_details_set_action (RA_ACTION_DETAILS (self->details_view), details);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.copy-uuid",
                                 ra_remote_action_get_uuid (details) != NULL);

  gtk_widget_set_visible (self->api_notice, !api_enabled);
  gtk_widget_set_visible (self->run_form, api_enabled);
  ra_run_form_set_action (RA_RUN_FORM (self->run_form), api_enabled ? details : NULL);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);
  set_state (self, RA_ACTION_PAGE_STATE_ACTION);

  if (self->focus_pending)
    focus_form_when_shown (self);
}

static void load_details (RaActionPage *self);

static void
get_action_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  RaActionPage *self = data->self;
  g_autoptr(RaRemoteAction) details = NULL;
  g_autoptr(GError) error = NULL;
  CacheEntry *entry;

  details = ra_client_get_action_finish (RA_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* An answer for an action that is no longer shown, or from a client
   * that was replaced, must not land on the page. */
  if (self->action == NULL || (RaClient *) object != self->client ||
      g_strcmp0 (ra_remote_action_get_id (self->action), data->nql_id) != 0)
    return;

  g_clear_object (&self->load_cancellable);

  if (details == NULL)
    {
      g_free (self->load_error);
      self->load_error = g_strdup (error->message);
      ra_plain_status_page_set_description (ADW_STATUS_PAGE (self->error_page), error->message);
      cancel_focus (self);
      set_state (self, RA_ACTION_PAGE_STATE_ERROR);
      return;
    }

  entry = g_new0 (CacheEntry, 1);
  entry->listed = g_object_ref (data->listed);
  entry->details = g_object_ref (details);
  g_hash_table_replace (self->cache, g_strdup (data->nql_id), entry);
  show_details (self, details);
}

static void
load_details (RaActionPage *self)
{
  CacheEntry *cached;
  LoadData *data;
  const char *nql_id;

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);

  if (self->action == NULL)
    {
      cancel_focus (self);
      g_clear_object (&self->details);
      ra_run_form_set_action (RA_RUN_FORM (self->run_form), NULL);
      set_state (self, RA_ACTION_PAGE_STATE_EMPTY);
      return;
    }

  /* Without a connection the list's copy is all there is to show. */
  if (self->client == NULL)
    {
      show_details (self, self->action);
      return;
    }

  nql_id = ra_remote_action_get_id (self->action);
  cached = g_hash_table_lookup (self->cache, nql_id);
  if (cached != NULL && cached->listed == self->action)
    {
      show_details (self, cached->details);
      return;
    }

  g_clear_object (&self->details);
  adw_status_page_set_title (ADW_STATUS_PAGE (self->loading_page),
                             ra_remote_action_get_name (self->action));
  set_state (self, RA_ACTION_PAGE_STATE_LOADING);

  data = g_new0 (LoadData, 1);
  data->self = g_object_ref (self);
  data->listed = g_object_ref (self->action);
  data->nql_id = g_strdup (nql_id);

  self->load_cancellable = g_cancellable_new ();
  ra_client_get_action_async (self->client, nql_id, self->load_cancellable,
                              get_action_cb, data);
}

static void
copy_text (RaActionPage *self,
           const char   *text,
           const char   *toast)
{
  if (text == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  add_toast (self, toast);
}

static void
copy_nql_id_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RaActionPage *self = RA_ACTION_PAGE (widget);

  if (self->details != NULL)
    copy_text (self, ra_remote_action_get_id (self->details), _("NQL ID copied"));
}

static void
copy_uuid_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RaActionPage *self = RA_ACTION_PAGE (widget);

  if (self->details != NULL)
    copy_text (self, ra_remote_action_get_uuid (self->details), _("UUID copied"));
}

static void
retry_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  load_details (RA_ACTION_PAGE (widget));
}

static void
run_cb (GtkWidget  *widget,
        const char *action_name,
        GVariant   *parameter)
{
  ra_action_page_activate_run (RA_ACTION_PAGE (widget));
}

static void
copy_request_id_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  copy_text (RA_ACTION_PAGE (widget), g_variant_get_string (parameter, NULL),
             _("Request ID copied"));
}

static GtkWidget *
create_run_row (gpointer item,
                gpointer user_data)
{
  return ra_session_run_row_new (item);
}

/* Only shows what Nexthink reports: nothing here runs the action again. */
static void
device_results_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RaActionPage *self = RA_ACTION_PAGE (widget);
  const char *request_id = g_variant_get_string (parameter, NULL);

  for (guint i = 0; self->client != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->runs)); i++)
    {
      g_autoptr(RaSessionRun) run = g_list_model_get_item (G_LIST_MODEL (self->runs), i);

      if (g_strcmp0 (ra_session_run_get_request_id (run), request_id) == 0)
        {
          CacheEntry *cached = g_hash_table_lookup (self->cache, ra_session_run_get_action_id (run));
          RaDeviceResultsWindow *window;

          window = ra_device_results_window_present_for (widget, self->session, request_id,
                                                         ra_session_run_get_action_name (run),
                                                         ra_session_run_get_n_devices (run));
          /* The outputs' names and types, from the details already read. */
          ra_device_results_window_set_run (window, ra_session_run_get_started (run),
                                            ra_session_run_get_expires_in_minutes (run),
                                            ra_session_run_get_devices (run),
                                            cached != NULL ? ra_remote_action_get_outputs (cached->details)
                                                           : NULL);
          if (cached == NULL)
            ra_device_results_window_read_outputs (window, ra_session_run_get_action_id (run));
          return;
        }
    }
}

static void
runs_changed_cb (RaActionPage *self)
{
  gtk_widget_set_visible (self->history_group,
                          g_list_model_get_n_items (G_LIST_MODEL (self->runs)) > 0);
}

static void session_client_changed_cb (RaActionPage *self);

static void
ra_action_page_constructed (GObject *object)
{
  RaActionPage *self = RA_ACTION_PAGE (object);

  G_OBJECT_CLASS (ra_action_page_parent_class)->constructed (object);

  g_assert (RA_IS_SESSION (self->session));
  ra_run_form_set_session (RA_RUN_FORM (self->run_form), self->session);
  g_signal_connect_object (self->session, "notify::client",
                           G_CALLBACK (session_client_changed_cb), self, G_CONNECT_SWAPPED);
  session_client_changed_cb (self);
}

static void
ra_action_page_dispose (GObject *object)
{
  RaActionPage *self = RA_ACTION_PAGE (object);

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  cancel_focus (self);

  g_clear_object (&self->session);
  g_clear_object (&self->client);
  g_clear_object (&self->action);
  g_clear_object (&self->details);
  g_clear_object (&self->runs);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->load_error, g_free);

  G_OBJECT_CLASS (ra_action_page_parent_class)->dispose (object);
}

static void
ra_action_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RaActionPage *self = RA_ACTION_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_ACTION:
      g_value_set_object (value, self->action);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_action_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RaActionPage *self = RA_ACTION_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_ACTION:
      ra_action_page_set_action (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_action_page_class_init (RaActionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  ra_accessible_fix_mnemonic_names ();

  object_class->constructed = ra_action_page_constructed;
  object_class->dispose = ra_action_page_dispose;
  object_class->get_property = ra_action_page_get_property;
  object_class->set_property = ra_action_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         RA_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         RA_TYPE_CLIENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTION] =
    g_param_spec_object ("action", NULL, NULL,
                         RA_TYPE_REMOTE_ACTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       RA_TYPE_ACTION_PAGE_STATE,
                       RA_ACTION_PAGE_STATE_EMPTY,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RA_TYPE_ACTION_DETAILS);
  g_type_ensure (RA_TYPE_RUN_FORM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/ra-action-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RaActionPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RaActionPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RaActionPage, loading_page);
  gtk_widget_class_bind_template_child (widget_class, RaActionPage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, RaActionPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, RaActionPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, RaActionPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, RaActionPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RaActionPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, RaActionPage, api_notice);
  gtk_widget_class_bind_template_child (widget_class, RaActionPage, run_form);
  gtk_widget_class_bind_template_child (widget_class, RaActionPage, details_view);
  gtk_widget_class_bind_template_child (widget_class, RaActionPage, history_group);
  gtk_widget_class_bind_template_child (widget_class, RaActionPage, history_list);
  gtk_widget_class_bind_template_child (widget_class, RaActionPage, run_bar);
  gtk_widget_class_bind_template_child (widget_class, RaActionPage, run_hint);
  gtk_widget_class_bind_template_child (widget_class, RaActionPage, run_button);

  gtk_widget_class_install_action (widget_class, "page.run", NULL, run_cb);
  /* The keyboard shortcut: like page.run, but when the action cannot
   * run it says why in a toast instead of doing nothing. */
  gtk_widget_class_install_action (widget_class, "page.request-run", NULL, run_cb);
  gtk_widget_class_install_action (widget_class, "page.retry", NULL, retry_cb);
  gtk_widget_class_install_action (widget_class, "page.copy-nql-id", NULL, copy_nql_id_cb);
  gtk_widget_class_install_action (widget_class, "page.copy-uuid", NULL, copy_uuid_cb);
  gtk_widget_class_install_action (widget_class, "page.copy-request-id", "s", copy_request_id_cb);
  gtk_widget_class_install_action (widget_class, "page.device-results", "s", device_results_cb);

  gtk_widget_class_set_css_name (widget_class, "raactionpage");
}

static void
ra_action_page_init (RaActionPage *self)
{
  GtkEventController *shortcuts;
  GtkShortcut *shortcut;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) cache_entry_free);
  self->runs = g_list_store_new (RA_TYPE_SESSION_RUN);

  ra_run_form_set_history (RA_RUN_FORM (self->run_form), self->runs);
  gtk_list_box_bind_model (GTK_LIST_BOX (self->history_list), G_LIST_MODEL (self->runs),
                           create_run_row, NULL, NULL);
  g_signal_connect_object (self->runs, "items-changed",
                           G_CALLBACK (runs_changed_cb), self,
                           G_CONNECT_SWAPPED);

  /* Handled by the window wherever the focus is (the list, the search),
   * and in the capture phase so that the text views and entries of the
   * form do not take Ctrl+Return for themselves. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  shortcut = gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                                            gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK)),
                               gtk_named_action_new ("page.request-run"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  g_signal_connect_object (self->run_form, "notify::blocker",
                           G_CALLBACK (update_run_bar), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->run_form, "notify::run-label",
                           G_CALLBACK (update_run_bar), self,
                           G_CONNECT_SWAPPED);

  set_state (self, RA_ACTION_PAGE_STATE_EMPTY);
}

GtkWidget *
ra_action_page_new (RaSession *session)
{
  g_return_val_if_fail (RA_IS_SESSION (session), NULL);

  return g_object_new (RA_TYPE_ACTION_PAGE,
                       "session", session,
                       NULL);
}

RaClient *
ra_action_page_get_client (RaActionPage *self)
{
  g_return_val_if_fail (RA_IS_ACTION_PAGE (self), NULL);

  return self->client;
}

/* Forgets the cached details; the values typed stay. The results
 * windows of the old client close by themselves. */
static void
session_client_changed_cb (RaActionPage *self)
{
  RaClient *client = ra_session_get_client (self->session);

  if (!g_set_object (&self->client, client))
    return;

  /* Details belong to an instance; another client may be another one. */
  g_hash_table_remove_all (self->cache);
  ra_run_form_set_client (RA_RUN_FORM (self->run_form), client);
  load_details (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

RaRemoteAction *
ra_action_page_get_action (RaActionPage *self)
{
  g_return_val_if_fail (RA_IS_ACTION_PAGE (self), NULL);

  return self->action;
}

void
ra_action_page_set_action (RaActionPage   *self,
                           RaRemoteAction *action)
{
  g_return_if_fail (RA_IS_ACTION_PAGE (self));
  g_return_if_fail (action == NULL || RA_IS_REMOTE_ACTION (action));

  if (!g_set_object (&self->action, action))
    return;

  load_details (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTION]);
}

void
ra_action_page_activate_run (RaActionPage *self)
{
  g_return_if_fail (RA_IS_ACTION_PAGE (self));

  if (self->details == NULL)
    return;

  if (ra_remote_action_get_api_enabled (self->details) == RA_TRISTATE_NO)
    {
      add_toast (self, _("This action is not enabled for the API"));
      return;
    }

  ra_run_form_activate_run (RA_RUN_FORM (self->run_form));
}

void
ra_action_page_focus_form (RaActionPage *self)
{
  g_return_if_fail (RA_IS_ACTION_PAGE (self));

  if (self->state == RA_ACTION_PAGE_STATE_ACTION)
    focus_form_when_shown (self);
  else
    self->focus_pending = TRUE;
}

GListModel *
ra_action_page_get_runs (RaActionPage *self)
{
  g_return_val_if_fail (RA_IS_ACTION_PAGE (self), NULL);

  return G_LIST_MODEL (self->runs);
}

RaRunForm *
ra_action_page_get_form (RaActionPage *self)
{
  return RA_RUN_FORM (self->run_form);
}

RaActionPageState
ra_action_page_get_state (RaActionPage *self)
{
  g_return_val_if_fail (RA_IS_ACTION_PAGE (self), RA_ACTION_PAGE_STATE_EMPTY);

  return self->state;
}

const char *
ra_action_page_get_load_error (RaActionPage *self)
{
  return self->load_error;
}

RaRemoteAction *
ra_action_page_get_details (RaActionPage *self)
{
  return self->details;
}

RaConfirmDialog *
ra_action_page_get_confirm_dialog (RaActionPage *self)
{
  return ra_run_form_get_confirm_dialog (RA_RUN_FORM (self->run_form));
}

GtkWidget *
ra_action_page_get_run_button (RaActionPage *self)
{
  return self->run_button;
}

const char *
ra_action_page_get_run_hint (RaActionPage *self)
{
  return gtk_label_get_text (GTK_LABEL (self->run_hint));
}

gboolean
ra_action_page_get_api_notice_visible (RaActionPage *self)
{
  return gtk_widget_get_visible (self->api_notice);
}
