/* test-connecting.c — a keyring that never answers
 *
 * In a sandbox libsecret asks the Secret portal, and a portal or keyring
 * that is stuck never answers. The window must not claim that no account
 * is set up meanwhile: it says it is connecting, and after a bounded wait
 * offers to try again or to enter the client secret for this session.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-connecting"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ra-account.h"
#include "ra-account-controller-private.h"
#include "ra-account-manager.h"
#include "ra-account-switcher.h"
#include "ra-action-list.h"
#include "ra-connecting-page.h"
#include "ra-secret-store.h"
#include "ra-simulator.h"
#include "ra-window.h"

#include "ra-test-utils.h"

#define TIMEOUT_SECONDS 20
#define STALL_MS 300

/* Swallows every call to the names this connection owns: the caller waits
 * for an answer that never comes (until D-Bus's own 25 s timeout). */
static GDBusMessage *
drop_calls_cb (GDBusConnection *connection,
               GDBusMessage    *message,
               gboolean         incoming,
               gpointer         user_data)
{
  if (incoming && g_dbus_message_get_message_type (message) == G_DBUS_MESSAGE_TYPE_METHOD_CALL)
    {
      g_object_unref (message);
      return NULL;
    }

  return message;
}

static GDBusConnection *
own_silent_name (const char *address,
                 const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  GDBusConnection *connection;

  connection = g_dbus_connection_new_for_address_sync (address,
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                       G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, &error);
  g_assert_no_error (error);
  g_dbus_connection_add_filter (connection, drop_calls_cb, NULL, NULL);
  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", name, 0), G_VARIANT_TYPE ("(u)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);

  return connection;
}

static gboolean
stalled (RaAccountController *controller)
{
  GtkWidget *page = ra_account_controller_get_connecting_page (controller);

  return page != NULL && ra_connecting_page_get_stalled (RA_CONNECTING_PAGE (page));
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

/* A button of the page, shown and usable: its action is enabled. */
static gboolean
offers (GtkWidget  *page,
        const char *button)
{
  GtkWidget *widget = GTK_WIDGET (gtk_widget_get_template_child (page, RA_TYPE_CONNECTING_PAGE,
                                                                 button));

  return gtk_widget_get_mapped (widget) && gtk_widget_is_sensitive (widget);
}

static void
check_never_answers (void)
{
  g_autoptr(RaSimulator) simulator = ra_simulator_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RaAccountManager) manager = NULL;
  g_autoptr(RaAccount) account = ra_account_new ();
  g_autoptr(RaSecretStore) store = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(RaSession) session = NULL;
  g_autoptr(RaAccountController) controller = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *title = NULL;
  RaWindow *window;
  GtkWidget *page;
  AdwMessageDialog *prompt;
  GtkEditable *entry;

  ra_simulator_start (simulator, 0, &error);
  g_assert_no_error (error);

  dir = g_dir_make_tmp ("ra-ui-connecting-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "accounts.ini", NULL);
  manager = ra_account_manager_new (path);
  ra_account_set_instance (account, "acme");
  ra_account_set_region (account, "eu");
  ra_account_set_client_id (account, RA_SIM_DEFAULT_CLIENT_ID);
  ra_account_set_base_url_override (account, ra_simulator_get_base_url (simulator));
  ra_account_set_login_url_override (account, ra_simulator_get_login_base_url (simulator));
  g_assert_true (ra_account_manager_add (manager, account, &error));
  g_assert_no_error (error);
  title = ra_account_dup_title (account);

  settings = g_settings_new (APP_ID);
  g_settings_set_string (settings, "last-account", ra_account_get_id (account));

  store = ra_secret_store_new ();
  session = ra_session_new (manager, store, settings);
  ra_session_set_stall_timeout (session, STALL_MS);
  window = g_object_ref_sink (ra_window_new (NULL, session));
  controller = ra_account_controller_new (window);
  ra_account_controller_start (controller, FALSE);
  gtk_window_present (GTK_WINDOW (window));

  /* Connecting, under a header that names the account: not "No Account". */
  page = ra_account_controller_get_connecting_page (controller);
  g_assert_nonnull (page);
  RA_TEST_WAIT_UNTIL_FOR (gtk_widget_get_mapped (page), TIMEOUT_SECONDS);
  g_assert_false (ra_connecting_page_get_stalled (RA_CONNECTING_PAGE (page)));
  g_assert_false (offers (page, "retry_button"));
  g_assert_cmpstr (ra_account_switcher_get_title (RA_ACCOUNT_SWITCHER (ra_account_controller_get_switcher (controller))),
                   ==, title);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (ra_window_get_action_list (window))));
  g_assert_null (ra_session_get_client (session));

  /* The keyring does not answer: after the bounded wait, a way forward. */
  RA_TEST_WAIT_UNTIL_FOR (stalled (controller), TIMEOUT_SECONDS);
  g_assert_true (gtk_widget_get_mapped (page));
  RA_TEST_WAIT_UNTIL_FOR (offers (page, "retry_button"), TIMEOUT_SECONDS);
  g_assert_true (offers (page, "enter_secret_button"));
  g_assert_null (ra_session_get_client (session));

  /* Try again: connecting again, and again no answer. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "accounts.retry", NULL));
  g_assert_false (stalled (controller));
  g_assert_false (offers (page, "retry_button"));
  RA_TEST_WAIT_UNTIL_FOR (stalled (controller), TIMEOUT_SECONDS);

  /* Enter the secret for this session: connected, the list loads. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "accounts.enter-secret", NULL));
  RA_TEST_WAIT_UNTIL_FOR ((prompt = find_message_dialog ()) != NULL, TIMEOUT_SECONDS);
  g_assert_true (adw_message_dialog_has_response (prompt, "connect"));
  entry = GTK_EDITABLE (ra_test_find_widget (GTK_WIDGET (prompt), ADW_TYPE_PASSWORD_ENTRY_ROW,
                                             NULL, NULL));
  g_assert_nonnull (entry);
  gtk_editable_set_text (entry, RA_SIM_DEFAULT_CLIENT_SECRET);
  adw_message_dialog_response (prompt, "connect");

  RA_TEST_WAIT_UNTIL_FOR (ra_session_get_client (session) != NULL, TIMEOUT_SECONDS);
  RA_TEST_WAIT_UNTIL_FOR (ra_action_list_get_state (ra_window_get_action_list (window)) ==
                          RA_ACTION_LIST_STATE_LOADED, TIMEOUT_SECONDS);
  g_assert_false (ra_window_get_welcome_page_shown (window));
  g_assert_true (ra_secret_store_has_session_secret (store, ra_account_get_id (account)));

  g_clear_object (&controller);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  ra_simulator_stop (simulator);
  g_remove (path);
  g_rmdir (dir);
}

/* The child's bus, up until this process ends. */
static GTestDBus *volatile test_bus;

static void
test_never_answers (void)
{
  if (g_test_subprocess ())
    {
      check_never_answers ();
      return;
    }

  {
    g_autoptr(GTestDBus) bus = g_test_dbus_new (G_TEST_DBUS_NONE);
    g_autoptr(GDBusConnection) keyring = NULL;
    g_autofree char *saved_address = g_strdup (g_getenv ("DBUS_SESSION_BUS_ADDRESS"));
    g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));

    /* The child's session bus, from its start: GTK connects to it at
     * init, and libsecret shares that connection. On it, this process
     * owns the keyring's name and never answers. */
    g_test_dbus_up (bus);
    /* Which GTestDBus unsets, against X11's bus autolaunch. */
    if (display != NULL)
      g_setenv ("DISPLAY", display, TRUE);
    keyring = own_silent_name (g_test_dbus_get_bus_address (bus), "org.freedesktop.secrets");
    /* The accessibility bus is on the session bus too. */
    g_setenv ("GTK_A11Y", "none", TRUE);
    g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
    g_unsetenv ("GTK_A11Y");

    g_dbus_connection_close_sync (keyring, NULL, NULL);
    /* No g_test_dbus_down (): GTK's connection to the bus would be waited
     * for in vain; the bus daemon's watcher ends it with this process.
     * Kept where the leak checker sees it held, not lost. */
    test_bus = g_steal_pointer (&bus);
    if (saved_address != NULL)
      g_setenv ("DBUS_SESSION_BUS_ADDRESS", saved_address, TRUE);

    g_test_trap_assert_passed ();
    g_test_trap_assert_stderr_unmatched ("*" RA_SIM_DEFAULT_CLIENT_SECRET "*");
  }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/connecting/never-answers", test_never_answers);

  return g_test_run ();
}
