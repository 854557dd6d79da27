/* test-accounts.c — first run, the account editor, the keyring, a restart
 *
 * The real window and account editor against the simulator and the real
 * gnome-keyring-daemon of the test session.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-accounts"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ra-account.h"
#include "ra-account-controller.h"
#include "ra-account-dialog.h"
#include "ra-account-manager.h"
#include "ra-account-switcher.h"
#include "ra-action-list.h"
#include "ra-application.h"
#include "ra-client.h"
#include "ra-secret-store.h"
#include "ra-simulator.h"
#include "ra-window.h"

#include "ra-test-utils.h"

/* The login service's token endpoint, which the app asks first. */
#define TOKEN_PATH "/oauth2/default/v1/token"
#define TIMEOUT_SECONDS 20

static AdwMessageDialog *find_message_dialog (void);

typedef struct
{
  RaSimulator         *simulator;
  char                *dir;
  char                *accounts_path;
  GSettings           *settings;

  RaAccountManager    *manager;
  RaSecretStore       *store;
  RaSession           *session;
  RaWindow            *window;
  RaAccountController *controller;
} Fixture;

static void
app_start (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->manager = ra_account_manager_new (fixture->accounts_path);
  ra_account_manager_load (fixture->manager, &error);
  g_assert_no_error (error);
  fixture->store = ra_secret_store_new ();
  fixture->session = ra_session_new (fixture->manager, fixture->store, fixture->settings);
  fixture->window = g_object_ref_sink (ra_window_new (NULL, fixture->session));
  fixture->controller = ra_account_controller_new (fixture->window);
  ra_account_controller_start (fixture->controller, FALSE);
  gtk_window_present (GTK_WINDOW (fixture->window));
  ra_test_settle ();
}

/* Everything the app holds goes away; only disk, settings and keyring stay. */
static void
app_quit (Fixture *fixture)
{
  g_clear_object (&fixture->controller);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  ra_test_settle ();
  g_assert_finalize_object (g_steal_pointer (&fixture->window));
  g_assert_finalize_object (g_steal_pointer (&fixture->session));
  g_clear_object (&fixture->store);
  g_assert_finalize_object (g_steal_pointer (&fixture->manager));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->simulator = ra_simulator_new ();
  ra_simulator_start (fixture->simulator, 0, &error);
  g_assert_no_error (error);

  fixture->dir = g_dir_make_tmp ("ra-ui-accounts-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->accounts_path = g_build_filename (fixture->dir, "accounts.ini", NULL);

  fixture->settings = g_settings_new (APP_ID);
  g_settings_reset (fixture->settings, "last-account");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    app_quit (fixture);

  g_clear_object (&fixture->settings);
  ra_simulator_stop (fixture->simulator);
  g_clear_object (&fixture->simulator);

  g_remove (fixture->accounts_path);
  g_rmdir (fixture->dir);
  g_free (fixture->accounts_path);
  g_free (fixture->dir);
}

static gpointer
dialog_child (GtkWidget  *dialog,
              const char *name)
{
  GObject *child = gtk_widget_get_template_child (dialog, RA_TYPE_ACCOUNT_DIALOG, name);

  g_assert_nonnull (child);
  return child;
}

static void
type_into (GtkWidget  *dialog,
           const char *row,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, row)), text);
  ra_test_settle ();
}

/* What choosing an item of the region's menu does. */
static void
choose_region (GtkWidget  *dialog,
               const char *code)
{
  g_assert_true (gtk_widget_activate_action (dialog, "account.region", "s", code));
  ra_test_settle ();
}

/* The code of the region chosen is expected ("": none is). */
static void
assert_region (GtkWidget  *dialog,
               const char *expected)
{
  g_autofree char *region = NULL;

  g_object_get (dialog, "region", &region, NULL);
  g_assert_cmpstr (region, ==, expected);
}

static gboolean
shows_error (GtkWidget  *dialog,
             const char *row,
             const char *error_row)
{
  return gtk_widget_has_css_class (dialog_child (dialog, row), "error") &&
         gtk_widget_get_visible (dialog_child (dialog, error_row));
}

static gboolean
test_done (gpointer data)
{
  GtkWidget *row = dialog_child (data, "result_row");

  return gtk_widget_has_css_class (row, "success") || gtk_widget_has_css_class (row, "error");
}

static const char *
test_title (GtkWidget *dialog)
{
  return adw_preferences_row_get_title (dialog_child (dialog, "result_row"));
}

static void
run_connection_test (GtkWidget *dialog)
{
  g_assert_true (gtk_widget_activate_action (dialog, "account.test", NULL));
  RA_TEST_WAIT_UNTIL_FOR (test_done (dialog), TIMEOUT_SECONDS);
  g_test_message ("Test connection: %s — %s", test_title (dialog),
                  adw_action_row_get_subtitle (dialog_child (dialog, "result_row")));
}

static gboolean
session_has_client (gpointer data)
{
  return ra_session_get_client (data) != NULL;
}

static gboolean
list_loaded (gpointer data)
{
  RaActionList *list = ra_window_get_action_list (data);

  return ra_action_list_get_state (list) == RA_ACTION_LIST_STATE_LOADED;
}

static gboolean
secret_filled (gpointer data)
{
  return *gtk_editable_get_text (dialog_child (data, "secret_row")) != '\0';
}

static gboolean
message_dialog_shown (gpointer data)
{
  return find_message_dialog () != NULL;
}

typedef struct
{
  gboolean  done;
  char     *secret;
  GError   *error;
} Lookup;

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Lookup *lookup = user_data;

  lookup->secret = ra_secret_store_lookup_finish (RA_SECRET_STORE (object), result, &lookup->error);
  lookup->done = TRUE;
}

static gboolean
lookup_done (gpointer data)
{
  return ((Lookup *)data)->done;
}

static char *
keyring_secret (RaAccount *account)
{
  g_autoptr(RaSecretStore) store = ra_secret_store_new ();
  Lookup lookup = { 0 };

  ra_secret_store_lookup_async (store, account, NULL, lookup_cb, &lookup);
  RA_TEST_WAIT_UNTIL_FOR (lookup_done (&lookup), TIMEOUT_SECONDS);
  g_assert_no_error (lookup.error);

  return lookup.secret;
}

static gboolean
keyring_secret_cleared (RaAccount *account)
{
  char *secret = keyring_secret (account);
  gboolean cleared = secret == NULL;

  g_clear_pointer (&secret, ra_secret_free);
  return cleared;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static gboolean
focus_in (GtkWidget *dialog,
          GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (dialog));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* GTK 4.8 names a button with a mnemonic "_Save Save": its raw label,
 * then the label that labels it. Each is named by that label alone. */
static void
assert_named_once (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)) &&
      gtk_button_get_label (GTK_BUTTON (widget)) != NULL &&
      gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    g_error ("The button “%s” is named with its mnemonic", gtk_button_get_label (GTK_BUTTON (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_named_once (child);
}

static gboolean
has_tooltip (GtkWidget     *widget,
             gconstpointer  tooltip)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* A new account's editor starts where typing begins, presumes no region,
 * and says which field may stay empty where it can be read. */
static void
test_add_starts_empty (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *dialog;

  app_start (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "accounts.add", NULL));
  ra_test_settle ();
  dialog = ra_account_controller_get_dialog (fixture->controller);
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);

  /* Not on Cancel: on the instance, the first field a new account needs. */
  RA_TEST_WAIT_UNTIL (gtk_widget_get_mapped (dialog));
  g_assert_true (focus_in (dialog, dialog_child (dialog, "instance_row")));
  g_assert_false (focus_in (dialog, GTK_WIDGET (ra_test_find_button (dialog, "_Cancel"))));

  /* One name for each control, as a screen reader says it. */
  assert_named_once (dialog);
  assert_named_once (GTK_WIDGET (fixture->window));
  g_assert_false (gtk_test_accessible_has_relation (dialog_child (dialog, "region_button"),
                                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY));
  gtk_test_accessible_assert_property (dialog_child (dialog, "region_button"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Region");
  gtk_test_accessible_assert_property (ra_test_find_widget (dialog_child (dialog, "secret_row"),
                                                            GTK_TYPE_BUTTON, has_tooltip, "Show Text"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Show Text");

  /* "Optional" is in the name's title, not only in its tooltip. */
  g_assert_nonnull (strstr (adw_preferences_row_get_title (dialog_child (dialog, "name_row")),
                            "(optional)"));

  /* No region until one is chosen; without it nothing is saved or tried. */
  assert_region (dialog, "");
  g_assert_cmpstr (gtk_label_get_text (dialog_child (dialog, "region_label")), ==, "Choose…");
  type_into (dialog, "instance_row", "acme");
  type_into (dialog, "client_id_row", RA_SIM_DEFAULT_CLIENT_ID);
  type_into (dialog, "secret_row", RA_SIM_DEFAULT_CLIENT_SECRET);
  assert_region (dialog, "");
  g_assert_false (gtk_widget_get_sensitive (dialog_child (dialog, "save_button")));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (ra_test_find_button (dialog, "_Test Connection"))));
  choose_region (dialog, "eu");
  assert_region (dialog, "eu");
  g_assert_cmpstr (gtk_label_get_text (dialog_child (dialog, "region_label")), ==, "European Union (eu)");
  g_assert_true (gtk_widget_get_sensitive (dialog_child (dialog, "save_button")));

  gtk_window_close (GTK_WINDOW (dialog));
  RA_TEST_WAIT_UNTIL (dialog == NULL);
}

static void
test_first_run_add_restart (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *welcome;
  GtkWidget *dialog;
  RaAccount *account;
  g_autoptr(RaAccount) saved = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *secret = NULL;
  AdwMessageDialog *confirm;
  guint n_accounts;

  if (!ra_test_in_private_keyring ())
    return;

  /* First run: nothing configured, the welcome page says what to do. */
  app_start (fixture);
  welcome = ra_account_controller_get_welcome_page (fixture->controller);
  g_assert_true (gtk_widget_get_mapped (welcome));
  g_assert_null (ra_session_get_client (fixture->session));
  g_assert_null (ra_account_switcher_get_title (RA_ACCOUNT_SWITCHER (
                   ra_account_controller_get_switcher (fixture->controller))));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "accounts.add", NULL));
  ra_test_settle ();
  dialog = ra_account_controller_get_dialog (fixture->controller);
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);

  /* Nothing typed yet: nothing to complain about, nothing to save. */
  g_assert_false (shows_error (dialog, "instance_row", "instance_error"));
  g_assert_false (gtk_widget_get_sensitive (dialog_child (dialog, "save_button")));

  /* Validated as the user types, with the reason on the row. */
  type_into (dialog, "instance_row", "acme.example.com");
  g_assert_true (shows_error (dialog, "instance_row", "instance_error"));
  g_test_message ("Instance error: %s",
                  adw_preferences_row_get_title (dialog_child (dialog, "instance_error")));
  type_into (dialog, "instance_row", "acme");
  g_assert_false (shows_error (dialog, "instance_row", "instance_error"));

  /* A pasted Nexthink address fills in the instance and the region. */
  assert_region (dialog, "");
  type_into (dialog, "instance_row", "https://acme-corp.api.pac.nexthink.cloud/api/v1/act/remote-action");
  g_assert_cmpstr (gtk_editable_get_text (dialog_child (dialog, "instance_row")), ==, "acme-corp");
  g_assert_false (shows_error (dialog, "instance_row", "instance_error"));
  assert_region (dialog, "pac");
  g_assert_cmpstr (gtk_label_get_text (dialog_child (dialog, "region_label")), ==, "Asia-Pacific (pac)");

  /* Typed key by key, an address is not cut short where its start
   * already reads as one; Enter takes it whole. */
  {
    const char *address = "https://acme.eu.nexthink.cloud/api/v1";
    GtkEditable *row = dialog_child (dialog, "instance_row");
    int position = 0;

    type_into (dialog, "instance_row", "");
    for (const char *c = address; *c != '\0'; c++)
      gtk_editable_insert_text (row, c, 1, &position);
    ra_test_settle ();
    g_assert_cmpstr (gtk_editable_get_text (row), ==, address);
    g_signal_emit_by_name (row, "entry-activated");
    ra_test_settle ();
    g_assert_cmpstr (gtk_editable_get_text (row), ==, "acme");
    assert_region (dialog, "eu");
  }

  /* Inserted at once, as a paste or an assistive technology puts it in,
   * it is taken at once. */
  {
    GtkEditable *row = dialog_child (dialog, "instance_row");
    const char *address = "https://acme2.us.nexthink.cloud/";
    int position = 0;

    type_into (dialog, "instance_row", "");
    gtk_editable_insert_text (row, address, -1, &position);
    ra_test_settle ();
    g_assert_cmpstr (gtk_editable_get_text (row), ==, "acme2");
    assert_region (dialog, "us");
  }

  choose_region (dialog, "us");
  type_into (dialog, "instance_row", "acme");

  type_into (dialog, "base_url_row", "http://proxy.example.com");
  g_assert_true (shows_error (dialog, "base_url_row", "base_url_error"));
  g_assert_true (adw_expander_row_get_expanded (dialog_child (dialog, "advanced_row")));
  type_into (dialog, "base_url_row", ra_simulator_get_base_url (fixture->simulator));
  g_assert_false (shows_error (dialog, "base_url_row", "base_url_error"));
  type_into (dialog, "login_url_row", "http://login.example.com");
  g_assert_true (shows_error (dialog, "login_url_row", "login_url_error"));
  type_into (dialog, "login_url_row", ra_simulator_get_login_base_url (fixture->simulator));
  g_assert_false (shows_error (dialog, "login_url_row", "login_url_error"));

  type_into (dialog, "name_row", "Simulator");
  type_into (dialog, "client_id_row", RA_SIM_DEFAULT_CLIENT_ID);
  g_assert_false (gtk_widget_get_sensitive (dialog_child (dialog, "save_button")));

  /* A wrong secret is named as such. */
  type_into (dialog, "secret_row", "not-the-secret");
  g_assert_true (gtk_widget_get_sensitive (dialog_child (dialog, "save_button")));
  run_connection_test (dialog);
  g_assert_true (gtk_widget_has_css_class (dialog_child (dialog, "result_row"), "error"));
  g_assert_cmpstr (test_title (dialog), ==, "Credentials rejected");

  /* The right one finds the catalogue. */
  type_into (dialog, "secret_row", RA_SIM_DEFAULT_CLIENT_SECRET);
  run_connection_test (dialog);
  g_assert_true (gtk_widget_has_css_class (dialog_child (dialog, "result_row"), "success"));
  g_assert_true (g_str_has_prefix (test_title (dialog), "Connected: "));
  g_assert_true (g_str_has_suffix (test_title (dialog), " remote actions found"));
  /* …and says where the token came from. */
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (dialog_child (dialog, "result_row")),
                            "Nexthink login service"));

  /* Missing permission (403) and rate limiting (429) are told apart. */
  ra_simulator_fail_next (fixture->simulator, 1, 403, 0);
  run_connection_test (dialog);
  g_assert_cmpstr (test_title (dialog), ==, "Missing Remote Actions API permission");
  ra_simulator_fail_next (fixture->simulator, 1, 429, 30);
  run_connection_test (dialog);
  g_assert_cmpstr (test_title (dialog), ==, "Rate limited");

  g_assert_true (gtk_widget_activate_action (dialog, "account.save", NULL));
  RA_TEST_WAIT_UNTIL_FOR (dialog == NULL, TIMEOUT_SECONDS);
  RA_TEST_WAIT_UNTIL_FOR (session_has_client (fixture->session), TIMEOUT_SECONDS);
  RA_TEST_WAIT_UNTIL_FOR (list_loaded (fixture->window), TIMEOUT_SECONDS);
  g_assert_false (gtk_widget_get_mapped (welcome));

  account = ra_session_get_account (fixture->session);
  g_assert_nonnull (account);
  saved = g_object_ref (account);
  g_assert_cmpstr (ra_account_switcher_get_title (RA_ACCOUNT_SWITCHER (
                     ra_account_controller_get_switcher (fixture->controller))), ==, "Simulator");

  /* On disk: the account, never the secret. In the keyring: the secret. */
  g_assert_true (g_file_get_contents (fixture->accounts_path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Instance=acme"));
  g_assert_null (strstr (contents, RA_SIM_DEFAULT_CLIENT_SECRET));
  secret = keyring_secret (saved);
  g_assert_cmpstr (secret, ==, RA_SIM_DEFAULT_CLIENT_SECRET);
  g_clear_pointer (&secret, ra_secret_free);

  g_test_message ("Saved; quitting");
  /* Quit and start again: the account comes back, no typing. */
  app_quit (fixture);
  app_start (fixture);
  RA_TEST_WAIT_UNTIL_FOR (session_has_client (fixture->session), TIMEOUT_SECONDS);
  RA_TEST_WAIT_UNTIL_FOR (list_loaded (fixture->window), TIMEOUT_SECONDS);
  account = ra_session_get_account (fixture->session);
  g_assert_cmpstr (ra_account_get_id (account), ==, ra_account_get_id (saved));
  g_assert_cmpstr (ra_account_get_display_name (account), ==, "Simulator");
  g_assert_null (ra_account_controller_get_dialog (fixture->controller));

  /* Edit: the fields and the secret come back filled in. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "accounts.edit", NULL));
  ra_test_settle ();
  dialog = ra_account_controller_get_dialog (fixture->controller);
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  g_assert_cmpstr (gtk_editable_get_text (dialog_child (dialog, "instance_row")), ==, "acme");
  g_assert_cmpstr (gtk_editable_get_text (dialog_child (dialog, "base_url_row")), ==,
                   ra_simulator_get_base_url (fixture->simulator));
  g_assert_cmpstr (gtk_editable_get_text (dialog_child (dialog, "login_url_row")), ==,
                   ra_simulator_get_login_base_url (fixture->simulator));
  RA_TEST_WAIT_UNTIL_FOR (secret_filled (dialog), TIMEOUT_SECONDS);
  g_assert_cmpstr (gtk_editable_get_text (dialog_child (dialog, "secret_row")), ==,
                   RA_SIM_DEFAULT_CLIENT_SECRET);
  type_into (dialog, "name_row", "Simulator (renamed)");
  g_assert_true (gtk_widget_activate_action (dialog, "account.save", NULL));
  RA_TEST_WAIT_UNTIL_FOR (dialog == NULL, TIMEOUT_SECONDS);
  RA_TEST_WAIT_UNTIL_FOR (session_has_client (fixture->session), TIMEOUT_SECONDS);
  g_assert_cmpstr (ra_account_switcher_get_title (RA_ACCOUNT_SWITCHER (
                     ra_account_controller_get_switcher (fixture->controller))), ==,
                   "Simulator (renamed)");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->manager)), ==, 1);

  g_test_message ("Restarted; removing");
  /* Remove asks first, then takes the keyring item with it. */
  n_accounts = g_list_model_get_n_items (G_LIST_MODEL (fixture->manager));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "accounts.remove", NULL));
  ra_test_settle ();
  confirm = find_message_dialog ();
  g_assert_nonnull (confirm);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->manager)), ==, n_accounts);
  adw_message_dialog_response (confirm, "remove");
  ra_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->manager)), ==, n_accounts - 1);
  g_assert_null (ra_session_get_client (fixture->session));
  g_assert_true (gtk_widget_get_mapped (welcome = ra_account_controller_get_welcome_page (fixture->controller)));

  /* The keyring item goes asynchronously: ask again until it is gone. */
  RA_TEST_WAIT_UNTIL_FOR (keyring_secret_cleared (saved), TIMEOUT_SECONDS);
}

static void
test_sign_out (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(RaAccount) account = ra_account_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL;
  guint token_requests;

  if (!ra_test_in_private_keyring ())
    return;

  /* An account set up earlier, as if by a previous session. */
  {
    g_autoptr(RaAccountManager) manager = ra_account_manager_new (fixture->accounts_path);

    ra_account_set_display_name (account, "Earlier");
    ra_account_set_instance (account, "earlier");
    ra_account_set_region (account, "us");
    ra_account_set_client_id (account, RA_SIM_DEFAULT_CLIENT_ID);
    ra_account_set_base_url_override (account, ra_simulator_get_base_url (fixture->simulator));
    ra_account_set_login_url_override (account, ra_simulator_get_login_base_url (fixture->simulator));
    ra_account_manager_add (manager, account, &error);
    g_assert_no_error (error);
  }

  g_settings_set_string (fixture->settings, "last-account", ra_account_get_id (account));
  app_start (fixture);

  /* No secret in the keyring: the user is asked, nothing crashes. */
  ra_test_settle ();
  {
    AdwMessageDialog *ask = NULL;

    /* Within the two seconds the loop this replaces allowed. */
    RA_TEST_WAIT_UNTIL_FOR ((ask = find_message_dialog ()) != NULL, 2);
    g_assert_nonnull (ask);
    adw_message_dialog_response (ask, "cancel");
    ra_test_settle ();
  }
  g_assert_null (ra_session_get_client (fixture->session));

  /* A session-only secret works like a stored one. */
  ra_secret_store_set_session_secret (fixture->store, ra_account_get_id (account),
                                      RA_SIM_DEFAULT_CLIENT_SECRET);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "accounts.switch", "s",
                              ra_account_get_id (account));
  RA_TEST_WAIT_UNTIL_FOR (session_has_client (fixture->session), TIMEOUT_SECONDS);
  RA_TEST_WAIT_UNTIL_FOR (list_loaded (fixture->window), TIMEOUT_SECONDS);

  /* Signing out drops the token: a new connection must ask for another. */
  token_requests = ra_simulator_count_requests (fixture->simulator, "POST", TOKEN_PATH);
  g_assert_cmpuint (token_requests, >=, 1);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "accounts.sign-out", NULL);
  ra_test_settle ();
  g_assert_null (ra_session_get_client (fixture->session));
  g_assert_true (gtk_widget_get_mapped (ra_account_controller_get_welcome_page (fixture->controller)));
  last = g_settings_get_string (fixture->settings, "last-account");
  g_assert_cmpstr (last, ==, "");

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "accounts.switch", "s",
                              ra_account_get_id (account));
  RA_TEST_WAIT_UNTIL_FOR (session_has_client (fixture->session), TIMEOUT_SECONDS);
  RA_TEST_WAIT_UNTIL_FOR (list_loaded (fixture->window), TIMEOUT_SECONDS);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->simulator, "POST", TOKEN_PATH),
                    ==, token_requests + 1);
}

static void
store_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Lookup *lookup = user_data;

  ra_secret_store_store_finish (RA_SECRET_STORE (object), result, &lookup->error);
  lookup->done = TRUE;
}

/* Another instance, region or server for an account: the stored secret
 * does not go along, the user is asked for it again. */
static void
test_host_change_asks_secret (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(RaAccount) account = ra_account_new ();
  g_autoptr(RaSecretStore) store = ra_secret_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(RaSecret) secret = NULL;
  Lookup stored = { 0 };
  GtkWidget *dialog;

  if (!ra_test_in_private_keyring ())
    return;

  {
    g_autoptr(RaAccountManager) manager = ra_account_manager_new (fixture->accounts_path);

    ra_account_set_instance (account, "acme");
    ra_account_set_region (account, "eu");
    ra_account_set_client_id (account, RA_SIM_DEFAULT_CLIENT_ID);
    ra_account_set_base_url_override (account, ra_simulator_get_base_url (fixture->simulator));
    ra_account_set_login_url_override (account, ra_simulator_get_login_base_url (fixture->simulator));
    ra_account_manager_add (manager, account, &error);
    g_assert_no_error (error);
  }
  ra_secret_store_store_async (store, account, RA_SIM_DEFAULT_CLIENT_SECRET, NULL,
                               store_done_cb, &stored);
  RA_TEST_WAIT_UNTIL_FOR (lookup_done (&stored), TIMEOUT_SECONDS);
  g_assert_no_error (stored.error);

  g_settings_set_string (fixture->settings, "last-account", ra_account_get_id (account));
  app_start (fixture);
  RA_TEST_WAIT_UNTIL_FOR (session_has_client (fixture->session), TIMEOUT_SECONDS);
  RA_TEST_WAIT_UNTIL_FOR (list_loaded (fixture->window), TIMEOUT_SECONDS);

  /* The endpoint that worked is kept with the account for next time. */
  g_assert_true (g_file_get_contents (fixture->accounts_path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "TokenEndpointUsed=oauth"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "accounts.edit", NULL));
  ra_test_settle ();
  dialog = ra_account_controller_get_dialog (fixture->controller);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  RA_TEST_WAIT_UNTIL_FOR (secret_filled (dialog), TIMEOUT_SECONDS);
  g_assert_true (gtk_widget_get_sensitive (dialog_child (dialog, "save_button")));

  /* Another login service: the secret leaves the form and is asked for. */
  type_into (dialog, "login_url_row", "https://login.example.com");
  g_assert_cmpstr (gtk_editable_get_text (dialog_child (dialog, "secret_row")), ==, "");
  g_assert_true (shows_error (dialog, "secret_row", "secret_error"));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (dialog_child (dialog, "secret_error")),
                            "again"));
  g_assert_false (gtk_widget_get_sensitive (dialog_child (dialog, "save_button")));

  /* Back to the old address, the secret is still not filled in by itself. */
  type_into (dialog, "login_url_row", ra_simulator_get_login_base_url (fixture->simulator));
  type_into (dialog, "instance_row", "acme-moved");
  g_assert_cmpstr (gtk_editable_get_text (dialog_child (dialog, "secret_row")), ==, "");
  g_assert_false (gtk_widget_get_sensitive (dialog_child (dialog, "save_button")));

  /* Typed again, it is saved for the new hosts only. */
  type_into (dialog, "secret_row", RA_SIM_DEFAULT_CLIENT_SECRET);
  g_assert_true (gtk_widget_activate_action (dialog, "account.save", NULL));
  RA_TEST_WAIT_UNTIL_FOR (dialog == NULL, TIMEOUT_SECONDS);
  RA_TEST_WAIT_UNTIL_FOR (session_has_client (fixture->session), TIMEOUT_SECONDS);
  secret = keyring_secret (account);
  g_assert_null (secret);
  secret = keyring_secret (ra_session_get_account (fixture->session));
  g_assert_cmpstr (secret, ==, RA_SIM_DEFAULT_CLIENT_SECRET);

  app_quit (fixture);
}

/* The endpoint that gave the last token is asked first at the next start,
 * without trying the login service again. */
static void
test_remembered_endpoint (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(RaAccount) account = ra_account_new ();
  g_autoptr(RaSecretStore) store = ra_secret_store_new ();
  g_autoptr(GError) error = NULL;
  Lookup stored = { 0 };

  if (!ra_test_in_private_keyring ())
    return;

  ra_simulator_set_legacy_token (fixture->simulator, RA_SIM_LEGACY_TOKEN_ON);
  {
    g_autoptr(RaAccountManager) manager = ra_account_manager_new (fixture->accounts_path);

    ra_account_set_instance (account, "acme");
    ra_account_set_region (account, "eu");
    ra_account_set_client_id (account, RA_SIM_DEFAULT_CLIENT_ID);
    ra_account_set_base_url_override (account, ra_simulator_get_base_url (fixture->simulator));
    ra_account_set_login_url_override (account, ra_simulator_get_login_base_url (fixture->simulator));
    ra_account_set_token_endpoint_used (account, RA_TOKEN_ENDPOINT_LEGACY);
    ra_account_manager_add (manager, account, &error);
    g_assert_no_error (error);
  }
  ra_secret_store_store_async (store, account, RA_SIM_DEFAULT_CLIENT_SECRET, NULL,
                               store_done_cb, &stored);
  RA_TEST_WAIT_UNTIL_FOR (lookup_done (&stored), TIMEOUT_SECONDS);
  g_assert_no_error (stored.error);

  g_settings_set_string (fixture->settings, "last-account", ra_account_get_id (account));
  app_start (fixture);
  RA_TEST_WAIT_UNTIL_FOR (session_has_client (fixture->session), TIMEOUT_SECONDS);
  RA_TEST_WAIT_UNTIL_FOR (list_loaded (fixture->window), TIMEOUT_SECONDS);

  g_assert_cmpuint (ra_simulator_count_requests (fixture->simulator, "POST", "/api/v1/token"), ==, 1);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->simulator, "POST", TOKEN_PATH), ==, 0);

  app_quit (fixture);
}

/* "Try the Demo" on the welcome page: the demo instance, clearly marked. */
static void
test_welcome_demo (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GtkApplication) app = GTK_APPLICATION (ra_application_new ());
  g_autoptr(GError) error = NULL;
  GtkWidget *switcher;

  /* A second instance of the app ID must not hand over to a first one. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  fixture->manager = ra_account_manager_new (fixture->accounts_path);
  fixture->store = ra_secret_store_new ();
  fixture->session = ra_session_new (fixture->manager, fixture->store, fixture->settings);
  fixture->window = g_object_ref_sink (ra_window_new (app, fixture->session));
  fixture->controller = ra_account_controller_new (fixture->window);
  ra_account_controller_start (fixture->controller, FALSE);
  gtk_window_present (GTK_WINDOW (fixture->window));
  ra_test_settle ();
  g_assert_true (ra_window_get_welcome_page_shown (fixture->window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "accounts.demo", NULL));
  RA_TEST_WAIT_UNTIL_FOR (session_has_client (fixture->session), TIMEOUT_SECONDS);
  RA_TEST_WAIT_UNTIL_FOR (list_loaded (fixture->window), TIMEOUT_SECONDS);
  g_assert_false (ra_window_get_welcome_page_shown (fixture->window));
  g_assert_true (ra_session_get_demo (fixture->session));
  g_assert_true (ra_window_get_is_demo (fixture->window));
  g_assert_null (ra_session_get_account (fixture->session));
  switcher = ra_account_controller_get_switcher (fixture->controller);
  g_assert_cmpstr (ra_account_switcher_get_title (RA_ACCOUNT_SWITCHER (switcher)), ==, "Demo Instance");

  /* Nothing about an account applies to the demo. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "accounts.remove", NULL);
  ra_test_settle ();
  g_assert_null (find_message_dialog ());

  /* The demo is not an account: the next start does not come back to it. */
  {
    g_autofree char *last = g_settings_get_string (fixture->settings, "last-account");

    g_assert_cmpstr (last, ==, "");
  }

  app_quit (fixture);
}

/* A real restart: two processes, sharing only what a user's session
 * keeps — the config directory (account list and settings in key files)
 * and the keyring. The first adds the account by typing, the second must
 * connect to it without any typing. */
static void
restart_child (gboolean first)
{
  const char *base_url = g_getenv ("RA_TEST_SIMULATOR_URL");
  const char *login_url = g_getenv ("RA_TEST_SIMULATOR_LOGIN_URL");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(RaAccountManager) manager = ra_account_manager_new (NULL);
  g_autoptr(RaSecretStore) store = ra_secret_store_new ();
  g_autoptr(RaSession) session = NULL;
  g_autoptr(RaAccountController) controller = NULL;
  g_autoptr(GError) error = NULL;
  RaWindow *window;

  g_assert_nonnull (base_url);
  g_assert_true (ra_account_manager_load (manager, &error));
  session = ra_session_new (manager, store, settings);
  window = ra_window_new (NULL, session);
  controller = ra_account_controller_new (window);
  ra_account_controller_start (controller, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  ra_test_settle ();

  if (first)
    {
      GtkWidget *dialog;

      g_assert_true (ra_window_get_welcome_page_shown (window));
      gtk_widget_activate_action (GTK_WIDGET (window), "accounts.add", NULL);
      ra_test_settle ();
      dialog = ra_account_controller_get_dialog (controller);
      g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
      type_into (dialog, "name_row", "Across Restarts");
      type_into (dialog, "instance_row", "restart");
      choose_region (dialog, "eu");
      type_into (dialog, "base_url_row", base_url);
      type_into (dialog, "login_url_row", login_url);
      type_into (dialog, "client_id_row", RA_SIM_DEFAULT_CLIENT_ID);
      type_into (dialog, "secret_row", RA_SIM_DEFAULT_CLIENT_SECRET);
      gtk_widget_activate_action (dialog, "account.save", NULL);
      RA_TEST_WAIT_UNTIL_FOR (dialog == NULL, TIMEOUT_SECONDS);
    }
  else
    {
      g_assert_null (ra_account_controller_get_dialog (controller));
    }

  RA_TEST_WAIT_UNTIL_FOR (session_has_client (session), TIMEOUT_SECONDS);
  RA_TEST_WAIT_UNTIL_FOR (list_loaded (window), TIMEOUT_SECONDS);
  g_assert_cmpstr (ra_account_get_display_name (ra_session_get_account (session)),
                   ==, "Across Restarts");
  g_assert_false (ra_window_get_welcome_page_shown (window));

  g_clear_object (&controller);
  gtk_window_destroy (GTK_WINDOW (window));
  ra_test_settle ();
  g_settings_sync ();
}

static void
test_restart_first (void)
{
  if (g_test_subprocess ())
    restart_child (TRUE);
  else
    g_test_skip ("Only runs as part of /accounts/restart-process");
}

static void
test_restart_second (void)
{
  if (g_test_subprocess ())
    restart_child (FALSE);
  else
    g_test_skip ("Only runs as part of /accounts/restart-process");
}

static void
test_restart_process (void)
{
  g_autoptr(RaSimulator) simulator = ra_simulator_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *config = NULL;
  g_autofree char *old_config = g_strdup (g_getenv ("XDG_CONFIG_HOME"));
  g_autofree char *old_backend = g_strdup (g_getenv ("GSETTINGS_BACKEND"));
  g_autofree char *accounts = NULL;

  if (!ra_test_in_private_keyring ())
    return;

  ra_simulator_start_in_thread (simulator, 0, &error);
  g_assert_no_error (error);
  config = g_dir_make_tmp ("ra-restart-XXXXXX", &error);
  g_assert_no_error (error);

  g_setenv ("RA_TEST_SIMULATOR_URL", ra_simulator_get_base_url (simulator), TRUE);
  g_setenv ("RA_TEST_SIMULATOR_LOGIN_URL", ra_simulator_get_login_base_url (simulator), TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  /* Settings that outlive the process, as on a desktop. */
  g_setenv ("GSETTINGS_BACKEND", "keyfile", TRUE);

  g_test_trap_subprocess ("/accounts/restart-process/first", 120 * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_subprocess ("/accounts/restart-process/second", 120 * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();

  /* The second start asked for a token with the stored secret. */
  g_assert_cmpuint (ra_simulator_count_requests (simulator, "POST", TOKEN_PATH), >=, 2);

  accounts = g_build_filename (config, "remote-actions", "accounts.ini", NULL);
  g_assert_true (g_file_test (accounts, G_FILE_TEST_EXISTS));

  if (old_config != NULL)
    g_setenv ("XDG_CONFIG_HOME", old_config, TRUE);
  else
    g_unsetenv ("XDG_CONFIG_HOME");
  if (old_backend != NULL)
    g_setenv ("GSETTINGS_BACKEND", old_backend, TRUE);
  else
    g_unsetenv ("GSETTINGS_BACKEND");

  ra_simulator_stop (simulator);
  {
    g_autofree char *settings_file = g_build_filename (config, "glib-2.0", "settings", "keyfile", NULL);
    g_autofree char *settings_dir = g_build_filename (config, "glib-2.0", "settings", NULL);
    g_autofree char *glib_dir = g_build_filename (config, "glib-2.0", NULL);
    g_autofree char *accounts_dir = g_build_filename (config, "remote-actions", NULL);

    g_remove (settings_file);
    g_rmdir (settings_dir);
    g_rmdir (glib_dir);
    g_remove (accounts);
    g_rmdir (accounts_dir);
    g_rmdir (config);
  }
}

/* No Secret Service at all (here: no session bus to find one on; the
 * secret store's unit test covers a bus without the service): the user is
 * told so and may keep the secret for this session only; it never reaches
 * the disk. */
static void
test_no_keyring_session_only (Fixture       *fixture,
                              gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autofree char *contents = NULL;
      AdwMessageDialog *offer;
      GtkWidget *dialog;

      app_start (fixture);

      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "accounts.add", NULL);
      ra_test_settle ();
      dialog = ra_account_controller_get_dialog (fixture->controller);
      g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
      type_into (dialog, "instance_row", "acme");
      choose_region (dialog, "eu");
      type_into (dialog, "base_url_row", ra_simulator_get_base_url (fixture->simulator));
      type_into (dialog, "login_url_row", ra_simulator_get_login_base_url (fixture->simulator));
      type_into (dialog, "client_id_row", RA_SIM_DEFAULT_CLIENT_ID);
      type_into (dialog, "secret_row", RA_SIM_DEFAULT_CLIENT_SECRET);
      gtk_widget_activate_action (dialog, "account.save", NULL);

      RA_TEST_WAIT_UNTIL_FOR (message_dialog_shown (NULL), TIMEOUT_SECONDS);
      offer = find_message_dialog ();
      g_assert_true (adw_message_dialog_has_response (offer, "session"));
      g_assert_nonnull (strstr (adw_message_dialog_get_body (offer), "No keyring service"));
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->manager)), ==, 0);
      adw_message_dialog_response (offer, "session");

      RA_TEST_WAIT_UNTIL_FOR (dialog == NULL, TIMEOUT_SECONDS);
      RA_TEST_WAIT_UNTIL_FOR (session_has_client (fixture->session), TIMEOUT_SECONDS);
      RA_TEST_WAIT_UNTIL_FOR (list_loaded (fixture->window), TIMEOUT_SECONDS);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->manager)), ==, 1);

      g_assert_true (g_file_get_contents (fixture->accounts_path, &contents, NULL, NULL));
      g_assert_null (strstr (contents, RA_SIM_DEFAULT_CLIENT_SECRET));

      app_quit (fixture);
      return;
    }

  {
    g_autofree char *saved_address = g_strdup (g_getenv ("DBUS_SESSION_BUS_ADDRESS"));

    /* Set before the child starts, so that nothing in it, GTK included,
     * ever reaches a bus. */
    g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/ra-test-no-bus", TRUE);
    /* The accessibility bus is on the session bus too. */
    g_setenv ("GTK_A11Y", "none", TRUE);
    g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
    if (saved_address != NULL)
      g_setenv ("DBUS_SESSION_BUS_ADDRESS", saved_address, TRUE);
    else
      g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");
    g_unsetenv ("GTK_A11Y");
  }
  g_test_trap_assert_passed ();
}

/* The no-keyring child runs without any session bus, which GTK mentions. */
static gboolean
ignore_missing_bus (const char     *log_domain,
                    GLogLevelFlags  log_level,
                    const char     *message,
                    gpointer        user_data)
{
  return strstr (message, "Unable to acquire session bus") == NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_test_log_set_fatal_handler (ignore_missing_bus, NULL);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/accounts/add-starts-empty", Fixture, NULL,
              fixture_set_up, test_add_starts_empty, fixture_tear_down);
  g_test_add ("/accounts/first-run-add-restart", Fixture, NULL,
              fixture_set_up, test_first_run_add_restart, fixture_tear_down);
  g_test_add ("/accounts/host-change-asks-secret", Fixture, NULL,
              fixture_set_up, test_host_change_asks_secret, fixture_tear_down);
  g_test_add ("/accounts/remembered-endpoint", Fixture, NULL,
              fixture_set_up, test_remembered_endpoint, fixture_tear_down);
  g_test_add ("/accounts/sign-out", Fixture, NULL,
              fixture_set_up, test_sign_out, fixture_tear_down);
  g_test_add_func ("/accounts/restart-process", test_restart_process);
  g_test_add_func ("/accounts/restart-process/first", test_restart_first);
  g_test_add_func ("/accounts/restart-process/second", test_restart_second);
  g_test_add ("/accounts/welcome-demo", Fixture, NULL,
              fixture_set_up, test_welcome_demo, fixture_tear_down);
  g_test_add ("/accounts/no-keyring-session-only", Fixture, NULL,
              fixture_set_up, test_no_keyring_session_only, fixture_tear_down);

  return g_test_run ();
}
