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
#include "ra-connecting-page.h"
#include "ra-plain-text.h"
#include "ra-secret-store.h"
#include "ra-session.h"
#include "ra-welcome-page.h"

struct _RaAccountController
{
  GObject              parent_instance;

  RaWindow            *window;       /* weak */
  RaSession           *session;
  RaAccountManager    *manager;
  RaSecretStore       *store;

  GSimpleActionGroup  *actions;
  GMenu               *menu;
  GMenu               *accounts_section;
  GtkWidget           *switcher;
  GtkWidget           *welcome_page;
  GtkWidget           *connecting_page;
  GtkWidget           *dialog;       /* weak */
};

G_DEFINE_FINAL_TYPE (RaAccountController, ra_account_controller, G_TYPE_OBJECT)

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
  RaAccount *account = ra_session_get_account (self->session);
  gboolean connecting = ra_session_get_connecting_account (self->session) != NULL;
  const char *id = account != NULL ? ra_account_get_id (account) : "";
  GAction *action;

  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "switch");
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (id));

  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "edit");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), account != NULL);
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "remove");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), account != NULL);
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "sign-out");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), account != NULL);

  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "retry");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), connecting);
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "enter-secret");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), connecting);
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
  /* While connecting, the header already names the account. */
  ra_account_switcher_set_title (RA_ACCOUNT_SWITCHER (self->switcher),
                                 ra_session_get_title (self->session));
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
  RaAccount *connecting = ra_session_get_connecting_account (self->session);
  GtkWidget *page = NULL;

  if (self->window == NULL)
    return;

  if (connecting != NULL)
    {
      g_autofree char *title = ra_account_dup_title (connecting);

      page = ensure_connecting_page (self);
      ra_connecting_page_set_account (RA_CONNECTING_PAGE (page), title);
      ra_connecting_page_set_stalled (RA_CONNECTING_PAGE (page),
                                      ra_session_get_stalled (self->session));
    }
  else if (ra_session_get_client (self->session) == NULL)
    {
      page = ensure_welcome_page (self);
    }

  ra_window_set_welcome_page (self->window, page);
  update_header (self);
}

static void
session_changed_cb (RaAccountController *self)
{
  show_client (self);
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

static void
session_failed_cb (RaAccountController *self,
                   RaAccount           *account,
                   GError              *error)
{
  if (g_error_matches (error, RA_SESSION_ERROR, RA_SESSION_ERROR_SECRET) && account != NULL)
    ask_for_secret (self, account, error->message);
  else if (g_error_matches (error, RA_SESSION_ERROR, RA_SESSION_ERROR_DEMO))
    show_message (self, _("Could Not Start the Demo"), error->message);
  else
    show_message (self, _("Cannot Connect"), error->message);
}

static void
dialog_saved_cb (RaAccountDialog     *dialog,
                 RaAccount           *account,
                 RaAccountController *self)
{
  RaAccount *current = ra_session_get_account (self->session);

  /* A new account, or changed settings of the one in use: (re)connect. */
  if (ra_account_dialog_get_account (dialog) == NULL ||
      (current != NULL && g_str_equal (ra_account_get_id (current), ra_account_get_id (account))) ||
      ra_session_get_client (self->session) == NULL)
    ra_session_connect_account (self->session, account);
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
  RaAccount *account = ra_session_get_account (self->session);

  if (account != NULL)
    open_dialog (self, account);
}

static void
demo_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  RaAccountController *self = user_data;

  ra_session_connect_demo (self->session);
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

  if (ra_session_get_account (self->session) == account && ra_session_get_client (self->session) != NULL)
    return;

  ra_session_connect_account (self->session, account);
}

static void
retry_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  RaAccountController *self = user_data;
  RaAccount *account = ra_session_get_connecting_account (self->session);

  if (account != NULL)
    ra_session_connect_account (self->session, account);
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
  ra_session_connect_account (self->session, account);
}

static void
enter_secret_activated_cb (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  RaAccountController *self = user_data;
  RaAccount *account = ra_session_get_connecting_account (self->session);
  g_autofree char *title = NULL;
  GtkWidget *dialog;
  GtkEditable *entry;

  if (account == NULL || self->window == NULL)
    return;

  title = ra_account_dup_title (account);
  dialog = ra_session_secret_dialog_new (GTK_WINDOW (self->window), title, &entry);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_object_set_data_full (G_OBJECT (dialog), "account",
                          g_object_ref (account), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (session_secret_response_cb),
                    g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sign_out_activated_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  RaAccountController *self = user_data;

  ra_session_sign_out (self->session);
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

  if (g_strcmp0 (response, "remove") != 0 || account == NULL)
    return;

  keep = g_object_ref (account);
  ra_session_forget_account (self->session, keep);

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
  RaAccount *account = ra_session_get_account (self->session);
  g_autofree char *title = NULL;
  GtkWidget *dialog;

  if (account == NULL || self->window == NULL)
    return;

  title = ra_account_dup_title (account);
  dialog = ra_remove_account_dialog_new (GTK_WINDOW (self->window), title);
  g_object_set_data_full (G_OBJECT (dialog), "account", g_object_ref (account), g_object_unref);
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

  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->session, session_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->session, session_failed_cb, self);
    }

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

  g_clear_object (&self->session);
  g_clear_object (&self->manager);
  g_clear_object (&self->store);
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
ra_account_controller_new (RaWindow *window)
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

  self = g_object_new (RA_TYPE_ACCOUNT_CONTROLLER, NULL);
  self->window = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&self->window);
  self->session = g_object_ref (ra_window_get_session (window));
  self->manager = g_object_ref (ra_session_get_account_manager (self->session));
  self->store = g_object_ref (ra_session_get_secret_store (self->session));

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries,
                                   G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "accounts", G_ACTION_GROUP (self->actions));

  self->menu = build_menu (self);
  self->switcher = g_object_ref_sink (ra_account_switcher_new (G_MENU_MODEL (self->menu)));
  ra_window_set_account_widget (window, self->switcher);

  g_signal_connect (self->manager, "items-changed", G_CALLBACK (accounts_changed_cb), self);
  g_signal_connect_swapped (self->session, "notify", G_CALLBACK (session_changed_cb), self);
  g_signal_connect_swapped (self->session, "failed", G_CALLBACK (session_failed_cb), self);
  rebuild_accounts_menu (self);
  update_header (self);

  return self;
}

void
ra_account_controller_start (RaAccountController *self,
                             gboolean             demo)
{
  g_return_if_fail (RA_IS_ACCOUNT_CONTROLLER (self));

  ra_session_start (self->session, demo);
  /* Nothing to connect to: the welcome page. */
  show_client (self);
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
