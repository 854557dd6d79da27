/* ra-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-accessible.h"
#include "ra-action-page.h"
#include "ra-history-window.h"
#include "ra-plain-text.h"
#include "ra-run-again.h"
#include "ra-session.h"
#include "ra-settings.h"
#include "ra-window.h"

struct _RaWindow
{
  AdwApplicationWindow  parent_instance;

  /* template */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *content;
  GtkWidget            *content_separator;
  AdwBin               *account_slot;
  AdwWindowTitle       *account_title;
  GtkWidget            *demo_badge;
  RaActionList         *action_list;
  AdwWindowTitle       *content_title;
  GtkStack             *content_stack;
  RaActionPage         *action_page;
  /* The welcome page (accounts) */
  GtkStack             *main_stack;
  AdwHeaderBar         *sidebar_header;
  AdwHeaderBar         *welcome_header;
  AdwBin               *welcome_slot;
  GtkWidget            *account_box;
  AdwBin               *account_bar;

  /* Kept while an account widget takes its place. */
  GtkWidget            *default_account_title;

  GSettings            *settings;
  RaSession            *session;
  /* What the window shows of the session. */
  RaClient             *client;
  RaRemoteAction       *shown_action;
  gboolean              is_demo;
  /* The last action of the previous session is picked again once, on the
   * first list a client brings. */
  gboolean              restore_pending;
  /* A run from the history on its way into the form. */
  RaRunAgain           *run_again;
};

G_DEFINE_FINAL_TYPE (RaWindow, ra_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The detail pane is the largest part of the window and shows nothing
 * before an action is picked: it is built then, not at launch. */
static RaActionPage *
ra_window_ensure_action_page (RaWindow *self)
{
  if (self->action_page == NULL)
    {
      self->action_page = RA_ACTION_PAGE (ra_action_page_new (self->session));
      gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->action_page), "action");
    }

  return self->action_page;
}

static void
ra_window_show_action (RaWindow       *self,
                       RaRemoteAction *action)
{
  if (!g_set_object (&self->shown_action, action))
    return;

  if (action != NULL)
    ra_action_page_set_action (ra_window_ensure_action_page (self), action);
  else if (self->action_page != NULL)
    ra_action_page_set_action (self->action_page, NULL);

  if (action == NULL)
    {
      adw_window_title_set_title (self->content_title, "");
      gtk_stack_set_visible_child_name (self->content_stack, "none");
      return;
    }

  adw_window_title_set_title (self->content_title, ra_remote_action_get_name (action));
  gtk_stack_set_visible_child_name (self->content_stack, "action");

  g_settings_set_string (self->settings, RA_SETTINGS_LAST_ACTION, ra_remote_action_get_id (action));
}

static void
selected_action_changed_cb (RaWindow     *self,
                            GParamSpec   *pspec,
                            RaActionList *list)
{
  ra_window_show_action (self, ra_action_list_get_selected_action (list));
}

static void
action_activated_cb (RaWindow       *self,
                     RaRemoteAction *action,
                     RaActionList   *list)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *search = GTK_WIDGET (ra_action_list_get_search_entry (list));
  gboolean from_search = focus != NULL && (focus == search || gtk_widget_is_ancestor (focus, search));

  ra_window_show_action (self, action);
  /* Enter in the search, or a pick that leaves the list behind (folded),
   * goes on to filling the action in; a pick beside the list leaves the
   * focus in it, to go on browsing. */
  if (from_search || adw_leaflet_get_folded (self->leaflet))
    ra_action_page_focus_form (ra_window_ensure_action_page (self));
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* An empty detail pane beside an error says nothing: the error and its
 * way out take the whole window, and the sidebar's header gets the title
 * buttons the pane's would have had. */
static void
ra_window_update_panes (RaWindow *self)
{
  gboolean failed;

  if (self->action_list == NULL)
    return;

  failed = ra_action_list_get_state (self->action_list) == RA_ACTION_LIST_STATE_ERROR;
  gtk_widget_set_visible (GTK_WIDGET (self->content), !failed);
  gtk_widget_set_visible (GTK_WIDGET (self->content_separator), !failed);
  gtk_widget_set_hexpand (GTK_WIDGET (self->sidebar), failed);
  adw_header_bar_set_show_end_title_buttons (self->sidebar_header,
                                             failed || adw_leaflet_get_folded (self->leaflet));
}

static void
list_state_changed_cb (RaWindow     *self,
                       GParamSpec   *pspec,
                       RaActionList *list)
{
  RaActionListState state = ra_action_list_get_state (list);
  g_autofree char *last = NULL;

  ra_window_update_panes (self);

  if (!self->restore_pending)
    return;

  if (state != RA_ACTION_LIST_STATE_LOADED && state != RA_ACTION_LIST_STATE_NO_MATCH)
    return;

  self->restore_pending = FALSE;
  last = g_settings_get_string (self->settings, RA_SETTINGS_LAST_ACTION);
  /* Side by side, the restored action's details are the page in use:
   * folding the window later keeps them. Folded, the list stays first. */
  if (ra_action_list_select_action_id (list, last) && !adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* The account is always in sight, and never cut short: in the header
 * of the sidebar, or of the welcome page; in a narrow window, where the
 * window buttons leave the header little room, in a bar below it, and
 * under the action's name on the details page. */
static void
ra_window_place_account (RaWindow *self)
{
  g_autoptr(GtkWidget) account_box = g_object_ref (self->account_box);
  gboolean welcome = ra_window_get_welcome_page_shown (self);
  gboolean narrow = !welcome && adw_leaflet_get_folded (self->leaflet);
  const char *title = ra_session_get_title (self->session);
  GtkWidget *wanted;

  if (welcome)
    wanted = GTK_WIDGET (self->welcome_header);
  else if (narrow)
    wanted = GTK_WIDGET (self->account_bar);
  else
    wanted = GTK_WIDGET (self->sidebar_header);

  if (!gtk_widget_is_ancestor (account_box, wanted))
    {
      if (gtk_widget_is_ancestor (account_box, GTK_WIDGET (self->welcome_header)))
        adw_header_bar_set_title_widget (self->welcome_header, NULL);
      else if (gtk_widget_is_ancestor (account_box, GTK_WIDGET (self->sidebar_header)))
        adw_header_bar_set_title_widget (self->sidebar_header, NULL);
      else
        adw_bin_set_child (self->account_bar, NULL);

      if (narrow)
        adw_bin_set_child (self->account_bar, account_box);
      else
        adw_header_bar_set_title_widget (ADW_HEADER_BAR (wanted), account_box);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->account_bar), narrow);
  adw_window_title_set_subtitle (self->content_title,
                                 narrow && ra_session_get_client (self->session) != NULL ? title : NULL);
}

static void
folded_changed_cb (RaWindow   *self,
                   GParamSpec *pspec,
                   AdwLeaflet *leaflet)
{
  ra_window_update_panes (self);
  ra_window_place_account (self);

  /* Folding must land on the page the user was working in. */
  if (adw_leaflet_get_folded (leaflet) && self->shown_action == NULL)
    adw_leaflet_set_visible_child (leaflet, self->sidebar);
}

/* Actions */

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RaWindow *self = RA_WINDOW (widget);

  ra_action_list_reload (self->action_list);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RaWindow *self = RA_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  ra_action_list_focus_search (self->action_list);
  /* What is typed next replaces the last search, as in other GNOME apps. */
  gtk_editable_select_region (GTK_EDITABLE (ra_action_list_get_search_entry (self->action_list)), 0, -1);
}

/* Run Again, from the history */

static void
show_message (GtkWindow  *parent,
              const char *heading,
              const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
run_again_selected_cb (RaWindow   *self,
                       RaRunAgain *run_again)
{
  ra_run_again_fill (run_again, ra_window_ensure_action_page (self));
}

static void
run_again_done_cb (RaWindow   *self,
                   char      **notes,
                   RaRunAgain *run_again)
{
  guint n = ra_run_again_get_n_devices (run_again);
  g_autofree char *text = NULL;

  /* The form, in front, to check and then run: nothing has run. */
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  gtk_window_present (GTK_WINDOW (self));
  ra_action_page_focus_form (ra_window_ensure_action_page (self));

  if (ra_run_again_get_failed_only (run_again))
    text = g_strdup_printf (ngettext ("Filled in with the %'u device that failed or never reported",
                                      "Filled in with the %'u devices that failed or never reported", n),
                            n);
  else
    text = g_strdup (_("Filled in as the run from the history"));
  adw_toast_overlay_add_toast (self->toast_overlay, ra_plain_toast_new (text));

  if (notes != NULL && notes[0] != NULL)
    {
      g_autofree char *body = g_strjoinv ("\n", notes);

      show_message (GTK_WINDOW (self), _("Check the Values"), body);
    }

  g_clear_object (&self->run_again);
}

static void
run_again_failed_cb (RaWindow   *self,
                     const char *message,
                     RaRunAgain *run_again)
{
  gtk_window_present (GTK_WINDOW (self));
  show_message (GTK_WINDOW (self), _("Could Not Run Again"), message);
  g_clear_object (&self->run_again);
}

static void
history_run_again_cb (RaWindow         *self,
                      RaHistoryRun     *run,
                      char            **devices,
                      gboolean          failed_only,
                      RaHistoryWindow  *history_window)
{
  g_autoptr(GError) error = NULL;

  if (self->run_again != NULL)
    ra_run_again_cancel (self->run_again);
  g_clear_object (&self->run_again);

  self->run_again = ra_run_again_new (self->session, self->action_list, run,
                                      (const char * const *) devices, failed_only);
  g_signal_connect_object (self->run_again, "selected", G_CALLBACK (run_again_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->run_again, "done", G_CALLBACK (run_again_done_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->run_again, "failed", G_CALLBACK (run_again_failed_cb), self,
                           G_CONNECT_SWAPPED);

  if (!ra_run_again_start (self->run_again, &error))
    {
      g_clear_object (&self->run_again);
      show_message (GTK_WINDOW (history_window), _("Could Not Run Again"), error->message);
    }
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RaWindow *self = RA_WINDOW (widget);
  RaHistoryWindow *history_window;

  history_window = ra_history_window_present_for (GTK_WINDOW (self), self->session);
  g_signal_handlers_disconnect_by_func (history_window, history_run_again_cb, self);
  g_signal_connect_object (history_window, "run-again", G_CALLBACK (history_run_again_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RaWindow *self = RA_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* The shortcuts window takes a while to build and is rarely opened: it
 * is built on first use rather than with every window. */
static void
show_help_overlay_activated_cb (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (user_data);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/ui/help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }

  gtk_window_present (GTK_WINDOW (overlay));
}

/* Size */

static void
ra_window_restore_size (RaWindow *self)
{
  int width = g_settings_get_int (self->settings, RA_SETTINGS_WINDOW_WIDTH);
  int height = g_settings_get_int (self->settings, RA_SETTINGS_WINDOW_HEIGHT);

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, RA_SETTINGS_WINDOW_MAXIMIZED))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
ra_window_save_size (RaWindow *self)
{
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  int width, height;

  /* The default size holds the size before maximizing. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, RA_SETTINGS_WINDOW_WIDTH, width);
      g_settings_set_int (self->settings, RA_SETTINGS_WINDOW_HEIGHT, height);
    }
  g_settings_set_boolean (self->settings, RA_SETTINGS_WINDOW_MAXIMIZED, maximized);
  g_settings_apply (self->settings);
}

static gboolean
ra_window_close_request (GtkWindow *window)
{
  RaWindow *self = RA_WINDOW (window);

  ra_window_save_size (self);

  return GTK_WINDOW_CLASS (ra_window_parent_class)->close_request (window);
}

/* The session */

static void
session_changed_cb (RaWindow *self)
{
  RaClient *client = ra_session_get_client (self->session);
  const char *title = ra_session_get_title (self->session);

  /* The account, not the app, is what the header has room to name in a
   * narrow window; the window title keeps the app's name. */
  adw_window_title_set_title (self->account_title,
                              client != NULL && title != NULL ? title : _("Remote Actions"));
  self->is_demo = ra_session_get_demo (self->session);
  gtk_widget_set_visible (self->demo_badge, client != NULL && self->is_demo);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.refresh", client != NULL);
  ra_window_place_account (self);

  if (self->client == client)
    return;

  g_set_object (&self->client, client);

  /* Before the page, which follows the session too, takes the client. */
  ra_window_show_action (self, NULL);
  self->restore_pending = client != NULL;
  ra_action_list_set_client (self->action_list, client);
}

/* Class */

static void
ra_window_constructed (GObject *object)
{
  RaWindow *self = RA_WINDOW (object);

  G_OBJECT_CLASS (ra_window_parent_class)->constructed (object);

  g_assert (RA_IS_SESSION (self->session));
  g_signal_connect_object (self->session, "notify::client",
                           G_CALLBACK (session_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::demo",
                           G_CALLBACK (session_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::title",
                           G_CALLBACK (session_changed_cb), self, G_CONNECT_SWAPPED);
  session_changed_cb (self);
}

static void
ra_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RaWindow *self = RA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  RaWindow *self = RA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_window_dispose (GObject *object)
{
  RaWindow *self = RA_WINDOW (object);

  if (self->run_again != NULL)
    ra_run_again_cancel (self->run_again);
  g_clear_object (&self->run_again);

  gtk_widget_dispose_template (GTK_WIDGET (self), RA_TYPE_WINDOW);
  /* The content stack owned it. */
  self->action_page = NULL;

  g_clear_object (&self->session);
  g_clear_object (&self->client);
  g_clear_object (&self->shown_action);
  g_clear_object (&self->settings);
  g_clear_object (&self->default_account_title);

  G_OBJECT_CLASS (ra_window_parent_class)->dispose (object);
}

static void
ra_window_class_init (RaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  ra_accessible_fix_mnemonic_names ();

  object_class->constructed = ra_window_constructed;
  object_class->dispose = ra_window_dispose;
  object_class->get_property = ra_window_get_property;
  object_class->set_property = ra_window_set_property;
  window_class->close_request = ra_window_close_request;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         RA_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RA_TYPE_ACTION_LIST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/ra-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RaWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RaWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, RaWindow, content);
  gtk_widget_class_bind_template_child (widget_class, RaWindow, content_separator);
  gtk_widget_class_bind_template_child (widget_class, RaWindow, account_slot);
  gtk_widget_class_bind_template_child (widget_class, RaWindow, account_title);
  gtk_widget_class_bind_template_child (widget_class, RaWindow, demo_badge);
  gtk_widget_class_bind_template_child (widget_class, RaWindow, action_list);
  gtk_widget_class_bind_template_child (widget_class, RaWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, RaWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, RaWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, RaWindow, sidebar_header);
  gtk_widget_class_bind_template_child (widget_class, RaWindow, welcome_header);
  gtk_widget_class_bind_template_child (widget_class, RaWindow, welcome_slot);
  gtk_widget_class_bind_template_child (widget_class, RaWindow, account_box);
  gtk_widget_class_bind_template_child (widget_class, RaWindow, account_bar);
  gtk_widget_class_bind_template_callback (widget_class, selected_action_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, action_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_state_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.history", NULL, history_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK, "win.history", NULL);
}

static void
ra_window_init (RaWindow *self)
{
  static const GActionEntry entries[] = {
    { "show-help-overlay", show_help_overlay_activated_cb },
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);

  self->default_account_title = g_object_ref (GTK_WIDGET (self->account_title));

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->settings = g_settings_new (APP_ID);
  ra_window_restore_size (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.refresh", FALSE);
}

RaWindow *
ra_window_new (GtkApplication *application,
               RaSession      *session)
{
  g_return_val_if_fail (RA_IS_SESSION (session), NULL);

  return g_object_new (RA_TYPE_WINDOW,
                       "application", application,
                       "session", session,
                       NULL);
}

RaSession *
ra_window_get_session (RaWindow *self)
{
  g_return_val_if_fail (RA_IS_WINDOW (self), NULL);

  return self->session;
}

RaClient *
ra_window_get_client (RaWindow *self)
{
  g_return_val_if_fail (RA_IS_WINDOW (self), NULL);

  return self->client;
}

gboolean
ra_window_get_is_demo (RaWindow *self)
{
  g_return_val_if_fail (RA_IS_WINDOW (self), FALSE);

  return self->is_demo;
}

void
ra_window_set_account_widget (RaWindow  *self,
                              GtkWidget *widget)
{
  g_return_if_fail (RA_IS_WINDOW (self));
  g_return_if_fail (widget == NULL || GTK_IS_WIDGET (widget));

  adw_bin_set_child (self->account_slot,
                     widget != NULL ? widget : self->default_account_title);
}

RaActionList *
ra_window_get_action_list (RaWindow *self)
{
  g_return_val_if_fail (RA_IS_WINDOW (self), NULL);

  return self->action_list;
}

RaActionPage *
ra_window_get_action_page (RaWindow *self)
{
  g_return_val_if_fail (RA_IS_WINDOW (self), NULL);

  return self->action_page;
}

RaRemoteAction *
ra_window_get_shown_action (RaWindow *self)
{
  g_return_val_if_fail (RA_IS_WINDOW (self), NULL);

  return self->shown_action;
}

void
ra_window_add_toast (RaWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (RA_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Accounts: the welcome page */

void
ra_window_set_welcome_page (RaWindow  *self,
                            GtkWidget *page)
{
  gboolean welcome;

  g_return_if_fail (RA_IS_WINDOW (self));
  g_return_if_fail (page == NULL || GTK_IS_WIDGET (page));

  welcome = page != NULL;
  if (welcome)
    adw_bin_set_child (self->welcome_slot, page);

  gtk_stack_set_visible_child_name (self->main_stack, welcome ? "welcome" : "main");
  /* The account switcher goes along, so the accounts stay one click away. */
  ra_window_place_account (self);

  if (!welcome)
    adw_bin_set_child (self->welcome_slot, NULL);
}

gboolean
ra_window_get_welcome_page_shown (RaWindow *self)
{
  g_return_val_if_fail (RA_IS_WINDOW (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "welcome") == 0;
}
