/* ra-account-controller.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-account-controller"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-account.h"
#include "ra-account-controller-private.h"
#include "ra-account-dialog.h"
#include "ra-account-manager.h"
#include "ra-account-prompts.h"
#include "ra-account-switcher.h"
#include "ra-application.h"
#include "ra-client.h"
#include "ra-connecting-page.h"
#include "ra-endpoint.h"
#include "ra-plain-text.h"
#include "ra-secret-store.h"
#include "ra-settings.h"
#include "ra-token-provider.h"
#include "ra-welcome-page.h"

struct _RaAccountController
{
  GObject              parent_instance;

  RaWindow            *window;       /* weak */
  RaAccountManager    *manager;
  RaSecretStore       *store;
  GSettings           *settings;

  GSimpleActionGroup  *actions;
  GMenu               *menu;
  GMenu               *accounts_section;
  GtkWidget           *switcher;
  GtkWidget           *welcome_page;
  GtkWidget           *connecting_page;
  GtkWidget           *dialog;       /* weak */

  RaAccount           *account;
  RaClient            *client;
  gboolean             is_demo;

  /* The secret lookup of the account being connected, if any. */
  GCancellable        *connecting;
  RaAccount           *connecting_account;
  /* A keyring (or Secret portal) may never answer: after this long the
   * connecting page offers a way forward. */
  guint                stall_timeout_ms;
  guint                stall_id;
};

/* Long enough for a keyring that asks to be unlocked to be answered. */
#define STALL_TIMEOUT_MS (15 * 1000)

G_DEFINE_FINAL_TYPE (RaAccountController, ra_account_controller, G_TYPE_OBJECT)

static void connect_account (RaAccountController *self,
                             RaAccount           *account);

static void
toast (RaAccountController *self,
       const char          *message)
{
  AdwToast *t;

  if (self->window == NULL)
    return;

  t = ra_plain_toast_new (message);
  adw_toast_set_timeout (t, 0);
  ra_window_add_toast (self->window, t);
}

static void
show_message (RaAccountController *self,
              const char          *heading,
              const char          *body)
{
  GtkWidget *dialog;

  if (self->window == NULL)
    return;

  dialog = ra_notice_dialog_new (GTK_WINDOW (self->window), heading, body);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_actions (RaAccountController *self)
{
  const char *id = self->account != NULL ? ra_account_get_id (self->account) : "";
  GAction *action;

  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "switch");
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (id));

  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "edit");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->account != NULL);
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "remove");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->account != NULL);
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "sign-out");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->account != NULL);

  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "retry");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->connecting_account != NULL);
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "enter-secret");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->connecting_account != NULL);
}

static void
rebuild_accounts_menu (RaAccountController *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->manager));

  g_menu_remove_all (self->accounts_section);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RaAccount) account = g_list_model_get_item (G_LIST_MODEL (self->manager), i);
      g_autofree char *title = ra_account_dup_title (account);
      g_autofree char *label = ra_plain_menu_label (title);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "accounts.switch",
                                               g_variant_new_string (ra_account_get_id (account)));
      g_menu_append_item (self->accounts_section, item);
    }
}

static void
update_header (RaAccountController *self)
{
  g_autofree char *title = NULL;

  if (self->account != NULL)
    title = ra_account_dup_title (self->account);
  else if (self->is_demo)
    title = g_strdup (_("Demo Instance"));

  ra_account_switcher_set_title (RA_ACCOUNT_SWITCHER (self->switcher), title);
  if (self->welcome_page != NULL)
    ra_welcome_page_set_has_accounts (RA_WELCOME_PAGE (self->welcome_page),
                                      g_list_model_get_n_items (G_LIST_MODEL (self->manager)) > 0);
  update_actions (self);
}

/* Built on first need: a launch straight into an account or the demo
 * never shows it, and making it looks up the icon theme. */
static GtkWidget *
ensure_welcome_page (RaAccountController *self)
{
  if (self->welcome_page == NULL)
    {
      self->welcome_page = g_object_ref_sink (ra_welcome_page_new ());
      ra_welcome_page_set_has_accounts (RA_WELCOME_PAGE (self->welcome_page),
                                        g_list_model_get_n_items (G_LIST_MODEL (self->manager)) > 0);
    }

  return self->welcome_page;
}

static GtkWidget *
ensure_connecting_page (RaAccountController *self)
{
  if (self->connecting_page == NULL)
    self->connecting_page = g_object_ref_sink (ra_connecting_page_new ());

  return self->connecting_page;
}

/* Nothing connected: the welcome page, or the connecting page while a
 * connection is on its way. */
static void
show_client (RaAccountController *self)
{
  g_autofree char *title = NULL;
  GtkWidget *page = NULL;

  if (self->window == NULL)
    return;

  if (self->account != NULL)
    title = ra_account_dup_title (self->account);
  else if (self->is_demo)
    title = g_strdup (_("Demo Instance"));

  if (self->client == NULL && self->connecting != NULL)
    page = ensure_connecting_page (self);
  else if (self->client == NULL)
    page = ensure_welcome_page (self);

  ra_window_set_client (self->window, self->client, title, self->is_demo);
  ra_window_set_welcome_page (self->window, page);
  update_header (self);
}

static void
stop_connecting (RaAccountController *self)
{
  g_cancellable_cancel (self->connecting);
  g_clear_object (&self->connecting);
  g_clear_object (&self->connecting_account);
  g_clear_handle_id (&self->stall_id, g_source_remove);
}

/* Drops the connection in use: its token goes with it. The demo client
 * belongs to the application and stays alive for the next visit. */
static void resolved_kind_cb (RaTokenProvider     *provider,
                              GParamSpec          *pspec,
                              RaAccountController *self);

static void
disconnect (RaAccountController *self)
{
  stop_connecting (self);

  if (self->client != NULL)
    g_signal_handlers_disconnect_by_func (ra_client_get_token_provider (self->client),
                                          resolved_kind_cb, self);

  if (self->client != NULL && !self->is_demo)
    ra_client_sign_out (self->client);

  g_clear_object (&self->client);
  g_clear_object (&self->account);
  self->is_demo = FALSE;
}

static void
open_dialog (RaAccountController *self,
             RaAccount           *account);

static void
missing_secret_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            gpointer          user_data)
{
  g_autoptr(RaAccountController) self = user_data;
  RaAccount *account = g_object_get_data (G_OBJECT (dialog), "account");

  if (g_strcmp0 (response, "edit") == 0 && account != NULL)
    open_dialog (self, account);
}

static void
ask_for_secret (RaAccountController *self,
                RaAccount           *account,
                const char          *body)
{
  g_autofree char *title = ra_account_dup_title (account);
  GtkWidget *dialog;

  if (self->window == NULL)
    return;

  dialog = ra_missing_secret_dialog_new (GTK_WINDOW (self->window), title, body);
  g_object_set_data_full (G_OBJECT (dialog), "account", g_object_ref (account), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (missing_secret_response_cb), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The account keeps which token endpoint worked, so the next start goes
 * straight there. */
static void
resolved_kind_cb (RaTokenProvider     *provider,
                  GParamSpec          *pspec,
                  RaAccountController *self)
{
  g_autoptr(GError) error = NULL;
  RaTokenEndpointKind kind = ra_token_provider_get_resolved_kind (provider);

  if (self->account == NULL || ra_account_get_token_endpoint_used (self->account) == kind)
    return;

  ra_account_set_token_endpoint_used (self->account, kind);
  if (!ra_account_manager_update (self->manager, self->account, &error))
    g_warning ("Could not remember the token endpoint: %s", error->message);
}

typedef struct
{
  RaAccountController *self;
  RaAccount           *account;
} ConnectData;

static void
connect_data_free (ConnectData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->account);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConnectData, connect_data_free)

static void
secret_found_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ConnectData) data = user_data;
  RaAccountController *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(RaSecret) secret = NULL;
  g_autoptr(RaEndpoint) endpoint = NULL;

  secret = ra_secret_store_lookup_finish (RA_SECRET_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  stop_connecting (self);

  if (error != NULL)
    {
      ask_for_secret (self, data->account, error->message);
      show_client (self);
      return;
    }

  if (secret == NULL)
    {
      ask_for_secret (self, data->account,
                      _("No client secret for this account is in the keyring. Enter it "
                        "again to connect."));
      show_client (self);
      return;
    }

  endpoint = ra_account_create_endpoint (data->account, &error);
  if (endpoint == NULL)
    {
      show_message (self, _("Cannot Connect"), error->message);
      show_client (self);
      return;
    }

  self->account = g_object_ref (data->account);
  self->client = ra_client_new (endpoint,
                                ra_account_get_client_id (data->account),
                                secret,
                                ra_account_get_token_endpoint_kind (data->account));
  if (ra_account_get_token_endpoint_kind (data->account) == RA_TOKEN_ENDPOINT_AUTO)
    ra_token_provider_set_resolved_kind (ra_client_get_token_provider (self->client),
                                         ra_account_get_token_endpoint_used (data->account));
  g_signal_connect (ra_client_get_token_provider (self->client), "notify::resolved-kind",
                    G_CALLBACK (resolved_kind_cb), self);
  g_settings_set_string (self->settings, RA_SETTINGS_LAST_ACCOUNT, ra_account_get_id (data->account));
  show_client (self);
}

static gboolean
stall_timeout_cb (gpointer user_data)
{
  RaAccountController *self = user_data;

  self->stall_id = 0;
  /* The lookup goes on: should the keyring answer late, it connects. */
  if (self->connecting_page != NULL)
    ra_connecting_page_set_stalled (RA_CONNECTING_PAGE (self->connecting_page), TRUE);

  return G_SOURCE_REMOVE;
}

static void
connect_account (RaAccountController *self,
                 RaAccount           *account)
{
  ConnectData *data;
  g_autoptr(RaAccount) keep = g_object_ref (account);
  g_autofree char *title = ra_account_dup_title (account);

  disconnect (self);
  self->connecting = g_cancellable_new ();
  self->connecting_account = g_object_ref (keep);
  ensure_connecting_page (self);
  ra_connecting_page_set_account (RA_CONNECTING_PAGE (self->connecting_page), title);
  ra_connecting_page_set_stalled (RA_CONNECTING_PAGE (self->connecting_page), FALSE);
  self->stall_id = g_timeout_add (self->stall_timeout_ms, stall_timeout_cb, self);
  show_client (self);
  /* Until the secret is there, the header already names the account. */
  ra_account_switcher_set_title (RA_ACCOUNT_SWITCHER (self->switcher), title);

  data = g_new0 (ConnectData, 1);
  data->self = g_object_ref (self);
  data->account = g_object_ref (account);
  ra_secret_store_lookup_async (self->store, account, self->connecting, secret_found_cb, data);
}

static void
connect_demo (RaAccountController *self)
{
  g_autoptr(GError) error = NULL;
  GtkApplication *app;
  RaClient *client = NULL;

  disconnect (self);

  app = self->window != NULL ? gtk_window_get_application (GTK_WINDOW (self->window)) : NULL;
  if (app != NULL && RA_IS_APPLICATION (app))
    client = ra_application_get_demo_client (RA_APPLICATION (app), &error);

  if (client == NULL)
    {
      show_message (self, _("Could Not Start the Demo"),
                    error != NULL ? error->message : _("The demo instance is not available."));
      show_client (self);
      return;
    }

  self->client = g_object_ref (client);
  self->is_demo = TRUE;
  show_client (self);
}

static void
dialog_saved_cb (RaAccountDialog     *dialog,
                 RaAccount           *account,
                 RaAccountController *self)
{
  /* A new account, or changed settings of the one in use: (re)connect. */
  if (ra_account_dialog_get_account (dialog) == NULL ||
      (self->account != NULL &&
       g_str_equal (ra_account_get_id (self->account), ra_account_get_id (account))) ||
      self->client == NULL)
    connect_account (self, account);
}

static void
open_dialog (RaAccountController *self,
             RaAccount           *account)
{
  RaAccountDialog *dialog;

  if (self->dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->dialog));
      return;
    }

  dialog = ra_account_dialog_new (self->window ? GTK_WINDOW (self->window) : NULL,
                                  self->manager, self->store, account);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved_cb), self, 0);
  self->dialog = GTK_WIDGET (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&self->dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_activated_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  open_dialog (user_data, NULL);
}

static void
edit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  RaAccountController *self = user_data;

  if (self->account != NULL)
    open_dialog (self, self->account);
}

static void
demo_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  connect_demo (user_data);
}

static void
switch_activated_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  RaAccountController *self = user_data;
  RaAccount *account = ra_account_manager_lookup (self->manager,
                                                  g_variant_get_string (parameter, NULL));

  if (account == NULL)
    return;

  if (self->account == account && self->client != NULL)
    return;

  connect_account (self, account);
}

static void
retry_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  RaAccountController *self = user_data;

  if (self->connecting_account != NULL)
    connect_account (self, self->connecting_account);
}

static void
session_secret_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            gpointer          user_data)
{
  g_autoptr(RaAccountController) self = user_data;
  RaAccount *account = g_object_get_data (G_OBJECT (dialog), "account");
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  const char *secret = gtk_editable_get_text (entry);

  /* GTK 4.8's text widget watches the caps lock while it has the focus
   * and stops only when it loses it: take the focus before the dialog
   * goes, or the watch outlives the widget. */
  gtk_window_set_focus (GTK_WINDOW (dialog), NULL);

  if (g_strcmp0 (response, "connect") != 0 || account == NULL || *secret == '\0')
    return;

  /* Only in memory: the keyring that did not answer is not asked again
   * to store it. */
  ra_secret_store_set_session_secret (self->store, ra_account_get_id (account), secret);
  gtk_editable_set_text (entry, "");
  connect_account (self, account);
}

static void
enter_secret_activated_cb (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  RaAccountController *self = user_data;
  g_autofree char *title = NULL;
  GtkWidget *dialog;
  GtkEditable *entry;

  if (self->connecting_account == NULL || self->window == NULL)
    return;

  title = ra_account_dup_title (self->connecting_account);
  dialog = ra_session_secret_dialog_new (GTK_WINDOW (self->window), title, &entry);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_object_set_data_full (G_OBJECT (dialog), "account",
                          g_object_ref (self->connecting_account), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (session_secret_response_cb),
                    g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sign_out (RaAccountController *self)
{
  disconnect (self);
  /* Signed out means it should not connect by itself next time either. */
  g_settings_set_string (self->settings, RA_SETTINGS_LAST_ACCOUNT, "");
  show_client (self);
}

static void
sign_out_activated_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  sign_out (user_data);
}

static void
secret_cleared_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(RaAccountController) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ra_secret_store_clear_finish (RA_SECRET_STORE (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    toast (self, error->message);
}

static void
remove_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  g_autoptr(RaAccountController) self = user_data;
  RaAccount *account = g_object_get_data (G_OBJECT (dialog), "account");
  g_autoptr(RaAccount) keep = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL;

  if (g_strcmp0 (response, "remove") != 0 || account == NULL)
    return;

  keep = g_object_ref (account);

  if (self->account != NULL &&
      g_str_equal (ra_account_get_id (self->account), ra_account_get_id (keep)))
    sign_out (self);

  last = g_settings_get_string (self->settings, RA_SETTINGS_LAST_ACCOUNT);
  if (g_str_equal (last, ra_account_get_id (keep)))
    g_settings_set_string (self->settings, RA_SETTINGS_LAST_ACCOUNT, "");

  if (!ra_account_manager_remove (self->manager, ra_account_get_id (keep), &error))
    {
      toast (self, error->message);
      return;
    }

  ra_secret_store_clear_async (self->store, keep, NULL, secret_cleared_cb, g_object_ref (self));
}

static void
remove_activated_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  RaAccountController *self = user_data;
  g_autofree char *title = NULL;
  GtkWidget *dialog;

  if (self->account == NULL || self->window == NULL)
    return;

  title = ra_account_dup_title (self->account);
  dialog = ra_remove_account_dialog_new (GTK_WINDOW (self->window), title);
  g_object_set_data_full (G_OBJECT (dialog), "account", g_object_ref (self->account), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (remove_response_cb), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
accounts_changed_cb (GListModel          *model,
                     guint                position,
                     guint                removed,
                     guint                added,
                     RaAccountController *self)
{
  rebuild_accounts_menu (self);
  update_header (self);
}

static void
ra_account_controller_dispose (GObject *object)
{
  RaAccountController *self = (RaAccountController *)object;

  disconnect (self);

  if (self->dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->dialog), (gpointer *)&self->dialog);
      self->dialog = NULL;
    }

  if (self->window != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->window), (gpointer *)&self->window);
      self->window = NULL;
    }

  if (self->manager != NULL)
    g_signal_handlers_disconnect_by_func (self->manager, accounts_changed_cb, self);

  g_clear_object (&self->manager);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->actions);
  g_clear_object (&self->menu);
  g_clear_object (&self->accounts_section);
  g_clear_object (&self->switcher);
  g_clear_object (&self->welcome_page);
  g_clear_object (&self->connecting_page);

  G_OBJECT_CLASS (ra_account_controller_parent_class)->dispose (object);
}

static void
ra_account_controller_class_init (RaAccountControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ra_account_controller_dispose;
}

static void
ra_account_controller_init (RaAccountController *self)
{
  self->stall_timeout_ms = STALL_TIMEOUT_MS;
}

static GMenu *
build_menu (RaAccountController *self)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) demo = g_menu_new ();
  g_autoptr(GMenu) manage = g_menu_new ();

  self->accounts_section = g_menu_new ();
  g_menu_append_section (menu, NULL, G_MENU_MODEL (self->accounts_section));

  g_menu_append (demo, _("_Demo Instance"), "accounts.demo");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (demo));

  g_menu_append (manage, _("_Add Account…"), "accounts.add");
  g_menu_append (manage, _("_Edit Account…"), "accounts.edit");
  g_menu_append (manage, _("_Remove Account…"), "accounts.remove");
  g_menu_append (manage, _("_Sign Out"), "accounts.sign-out");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (manage));

  return menu;
}

RaAccountController *
ra_account_controller_new (RaWindow         *window,
                           RaAccountManager *manager,
                           RaSecretStore    *store,
                           GSettings        *settings)
{
  static const GActionEntry entries[] = {
    { "switch", switch_activated_cb, "s", "''" },
    { "add", add_activated_cb },
    { "edit", edit_activated_cb },
    { "remove", remove_activated_cb },
    { "sign-out", sign_out_activated_cb },
    { "demo", demo_activated_cb },
    { "retry", retry_activated_cb },
    { "enter-secret", enter_secret_activated_cb },
  };
  RaAccountController *self;

  g_return_val_if_fail (RA_IS_WINDOW (window), NULL);
  g_return_val_if_fail (RA_IS_ACCOUNT_MANAGER (manager), NULL);
  g_return_val_if_fail (RA_IS_SECRET_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (RA_TYPE_ACCOUNT_CONTROLLER, NULL);
  self->window = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&self->window);
  self->manager = g_object_ref (manager);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries,
                                   G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "accounts", G_ACTION_GROUP (self->actions));

  self->menu = build_menu (self);
  self->switcher = g_object_ref_sink (ra_account_switcher_new (G_MENU_MODEL (self->menu)));
  ra_window_set_account_widget (window, self->switcher);

  g_signal_connect (manager, "items-changed", G_CALLBACK (accounts_changed_cb), self);
  rebuild_accounts_menu (self);
  update_header (self);

  return self;
}

void
ra_account_controller_start (RaAccountController *self,
                             gboolean             demo)
{
  g_autofree char *last = NULL;
  RaAccount *account;

  g_return_if_fail (RA_IS_ACCOUNT_CONTROLLER (self));

  if (demo)
    {
      connect_demo (self);
      return;
    }

  last = g_settings_get_string (self->settings, RA_SETTINGS_LAST_ACCOUNT);
  account = ra_account_manager_lookup (self->manager, last);

  if (account != NULL)
    connect_account (self, account);
  else
    show_client (self);
}

RaAccountManager *
ra_account_controller_get_manager (RaAccountController *self)
{
  g_return_val_if_fail (RA_IS_ACCOUNT_CONTROLLER (self), NULL);

  return self->manager;
}

RaSecretStore *
ra_account_controller_get_secret_store (RaAccountController *self)
{
  g_return_val_if_fail (RA_IS_ACCOUNT_CONTROLLER (self), NULL);

  return self->store;
}

RaAccount *
ra_account_controller_get_account (RaAccountController *self)
{
  g_return_val_if_fail (RA_IS_ACCOUNT_CONTROLLER (self), NULL);

  return self->account;
}

RaClient *
ra_account_controller_get_client (RaAccountController *self)
{
  g_return_val_if_fail (RA_IS_ACCOUNT_CONTROLLER (self), NULL);

  return self->client;
}

gboolean
ra_account_controller_get_is_demo (RaAccountController *self)
{
  g_return_val_if_fail (RA_IS_ACCOUNT_CONTROLLER (self), FALSE);

  return self->is_demo;
}

GtkWidget *
ra_account_controller_get_switcher (RaAccountController *self)
{
  g_return_val_if_fail (RA_IS_ACCOUNT_CONTROLLER (self), NULL);

  return self->switcher;
}

GtkWidget *
ra_account_controller_get_welcome_page (RaAccountController *self)
{
  g_return_val_if_fail (RA_IS_ACCOUNT_CONTROLLER (self), NULL);

  return ensure_welcome_page (self);
}

GtkWidget *
ra_account_controller_get_dialog (RaAccountController *self)
{
  g_return_val_if_fail (RA_IS_ACCOUNT_CONTROLLER (self), NULL);

  return self->dialog;
}

GtkWidget *
ra_account_controller_get_connecting_page (RaAccountController *self)
{
  g_return_val_if_fail (RA_IS_ACCOUNT_CONTROLLER (self), NULL);

  return self->connecting_page;
}

void
ra_account_controller_set_stall_timeout (RaAccountController *self,
                                         guint                milliseconds)
{
  g_return_if_fail (RA_IS_ACCOUNT_CONTROLLER (self));

  self->stall_timeout_ms = milliseconds;
}
