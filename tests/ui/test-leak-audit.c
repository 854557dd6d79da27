/* test-leak-audit.c — the secret and the tokens appear nowhere but memory
 *
 * A full session (add an account, list, details, run, all through the
 * window) runs in a child
 * process with G_MESSAGES_DEBUG=all, fresh XDG directories and the
 * key-file GSettings backend. The simulator runs here, in the parent, so
 * that afterwards it can say which tokens it issued; then the child's
 * stdout and stderr and every file under its XDG directories (settings
 * included) are searched for the secret and for each token.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-leak-audit"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ra-account.h"
#include "ra-account-controller.h"
#include "ra-account-dialog.h"
#include "ra-account-manager.h"
#include "ra-action-list.h"
#include "ra-client.h"
#include "ra-action-page-private.h"
#include "ra-confirm-dialog.h"
#include "ra-device-editor.h"
#include "ra-remote-action.h"
#include "ra-secret-store.h"
#include "ra-simulator.h"
#include "ra-window.h"

#include "ra-test-utils.h"

#define TIMEOUT_SECONDS 30
/* Not the simulator's default, so that nothing can pass by chance. */
#define AUDIT_SECRET "Audit-Secret-7f3c9b1e-do-not-leak"
#define DEVICE_ID "5c1a4b3e-2d6f-4a8b-9c0d-1e2f3a4b5c6d"

static const char * const xdg_vars[] = {
  "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
};

static gboolean
session_has_client (gpointer data)
{
  return ra_session_get_client (data) != NULL;
}

static gboolean
list_loaded (gpointer data)
{
  return ra_action_list_get_state (ra_window_get_action_list (data)) == RA_ACTION_LIST_STATE_LOADED;
}

static gboolean
details_shown (gpointer data)
{
  return ra_action_page_get_state (data) == RA_ACTION_PAGE_STATE_ACTION;
}

static gboolean
run_finished (gpointer data)
{
  return !ra_run_form_get_running (data) &&
         (ra_run_form_get_request_id (data) != NULL || ra_run_form_get_error_message (data) != NULL);
}

static void
type_into (GtkWidget  *dialog,
           const char *row,
           const char *text)
{
  GObject *child = gtk_widget_get_template_child (dialog, RA_TYPE_ACCOUNT_DIALOG, row);

  g_assert_nonnull (child);
  gtk_editable_set_text (GTK_EDITABLE (child), text);
  ra_test_settle ();
}

static gboolean
connection_tested (gpointer data)
{
  GtkWidget *row = GTK_WIDGET (gtk_widget_get_template_child (data, RA_TYPE_ACCOUNT_DIALOG, "result_row"));

  return gtk_widget_has_css_class (row, "success");
}

static RaRemoteAction *
pick_runnable_action (GListModel *actions)
{
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(RaRemoteAction) action = ra_test_action_at (actions, i);

      if (ra_remote_action_get_api_enabled (action) &&
          g_list_model_get_n_items (ra_remote_action_get_inputs (action)) == 0)
        return g_steal_pointer (&action);
    }

  return NULL;
}

/* The session, as a user would have it, in the child process. */
static void
run_session (void)
{
  const char *base_url = g_getenv ("RA_AUDIT_SIMULATOR_URL");
  const char *login_url = g_getenv ("RA_AUDIT_SIMULATOR_LOGIN_URL");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(RaAccountManager) manager = ra_account_manager_new (NULL);
  g_autoptr(RaSecretStore) store = ra_secret_store_new ();
  g_autoptr(RaSession) session = NULL;
  g_autoptr(RaAccountController) controller = NULL;
  g_autoptr(RaRemoteAction) action = NULL;
  g_autoptr(GError) error = NULL;
  RaConfirmDialog *confirm;
  RaActionPage *page;
  RaRunForm *form;
  RaWindow *window;
  GtkWidget *dialog;

  g_assert_nonnull (base_url);
  g_assert_true (ra_account_manager_load (manager, &error));

  session = ra_session_new (manager, store, settings);
  window = ra_window_new (NULL, session);
  controller = ra_account_controller_new (window);
  ra_account_controller_start (controller, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  ra_test_settle ();

  /* Add the account by typing it, test it, save it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "accounts.add", NULL);
  ra_test_settle ();
  dialog = ra_account_controller_get_dialog (controller);
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  type_into (dialog, "name_row", "Audit");
  type_into (dialog, "instance_row", "audit");
  g_assert_true (gtk_widget_activate_action (dialog, "account.region", "s", "eu"));
  type_into (dialog, "base_url_row", base_url);
  type_into (dialog, "login_url_row", login_url);
  type_into (dialog, "client_id_row", "audit-client");
  type_into (dialog, "secret_row", AUDIT_SECRET);
  g_assert_true (gtk_widget_activate_action (dialog, "account.test", NULL));
  RA_TEST_WAIT_UNTIL_FOR (connection_tested (dialog), TIMEOUT_SECONDS);
  g_assert_true (gtk_widget_activate_action (dialog, "account.save", NULL));
  RA_TEST_WAIT_UNTIL_FOR (dialog == NULL, TIMEOUT_SECONDS);
  RA_TEST_WAIT_UNTIL_FOR (session_has_client (session), TIMEOUT_SECONDS);
  RA_TEST_WAIT_UNTIL_FOR (list_loaded (window), TIMEOUT_SECONDS);

  /* Details, then a run, as the user does them: pick the action in the
   * list, fill the form, run, confirm. */
  action = pick_runnable_action (ra_action_list_get_model (ra_window_get_action_list (window)));
  g_assert_nonnull (action);
  g_assert_true (ra_action_list_select_action_id (ra_window_get_action_list (window),
                                                  ra_remote_action_get_id (action)));
  page = ra_window_get_action_page (window);
  g_assert_nonnull (page);
  RA_TEST_WAIT_UNTIL_FOR (details_shown (page), TIMEOUT_SECONDS);

  form = ra_action_page_get_form (page);
  ra_device_editor_set_text (ra_run_form_get_device_editor (form), DEVICE_ID);
  ra_device_editor_flush (ra_run_form_get_device_editor (form));
  ra_test_settle ();
  ra_action_page_activate_run (page);
  confirm = ra_action_page_get_confirm_dialog (page);
  g_assert_nonnull (confirm);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), RA_CONFIRM_RESPONSE_RUN);
  RA_TEST_WAIT_UNTIL_FOR (run_finished (form), TIMEOUT_SECONDS);
  g_assert_nonnull (ra_run_form_get_request_id (form));
  g_assert_null (ra_run_form_get_error_message (form));

  g_assert_cmpuint (g_list_model_get_n_items (ra_action_page_get_runs (page)), ==, 1);

  /* Something was logged, or the audit of the log would prove nothing. */
  g_debug ("Leak audit session finished");

  g_clear_object (&controller);
  gtk_window_destroy (GTK_WINDOW (window));
  ra_test_settle ();
  g_settings_sync ();
}

/* Not strstr: a file may hold NUL bytes before a leak. */
static gboolean
contains_bytes (const char *haystack,
                gsize       length,
                const char *needle)
{
  gsize needle_length = strlen (needle);

  for (gsize i = 0; needle_length <= length && i <= length - needle_length; i++)
    {
      if (memcmp (haystack + i, needle, needle_length) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
scan_tree (const char         *path,
           const char * const *needles,
           guint              *n_files)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (!g_file_get_contents (path, &contents, &length, NULL))
        return;

      (*n_files)++;
      g_test_message ("Scanned %s (%" G_GSIZE_FORMAT " bytes)", path, length);
      for (guint i = 0; needles[i] != NULL; i++)
        {
          if (contains_bytes (contents, length, needles[i]))
            g_error ("%s contains a secret or a token (#%u)", path, i);
        }
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      scan_tree (child, needles, n_files);
    }
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }

  g_remove (path);
}

static void
test_full_session (void)
{
  g_autoptr(RaSimulator) simulator = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) needles = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *root = NULL;
  g_autofree char *settings_file = NULL;
  g_auto(GStrv) tokens = NULL;
  guint n_files = 0;

  if (g_test_subprocess ())
    {
      run_session ();
      return;
    }

  if (!ra_test_in_private_keyring ())
    return;

  simulator = ra_simulator_new ();
  ra_simulator_set_credentials (simulator, "audit-client", AUDIT_SECRET);
  ra_simulator_start_in_thread (simulator, 0, &error);
  g_assert_no_error (error);

  root = g_dir_make_tmp ("ra-leak-audit-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (xdg_vars); i++)
    {
      g_autofree char *dir = g_build_filename (root, xdg_vars[i], NULL);

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      g_setenv (xdg_vars[i], dir, TRUE);
    }

  /* What the child inherits. */
  g_setenv ("RA_AUDIT_SIMULATOR_URL", ra_simulator_get_base_url (simulator), TRUE);
  g_setenv ("RA_AUDIT_SIMULATOR_LOGIN_URL", ra_simulator_get_login_base_url (simulator), TRUE);
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "keyfile", TRUE);

  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  /* The debug log was on and captured. */
  g_test_trap_assert_stdout ("*Leak audit session finished*");

  /* The session really listed, read details and ran. */
  g_assert_cmpuint (ra_simulator_count_requests (simulator, "GET", "/api/v1/act/remote-action"), >=, 1);
  g_assert_cmpuint (ra_simulator_count_requests (simulator, "GET", "/api/v1/act/remote-action/details"), >=, 1);
  g_assert_cmpuint (ra_simulator_count_requests (simulator, "POST", "/api/v1/act/execute"), ==, 1);

  tokens = ra_simulator_dup_issued_tokens (simulator);
  g_assert_nonnull (tokens);
  g_assert_cmpuint (g_strv_length (tokens), >=, 1);
  g_test_message ("The simulator issued %u tokens", g_strv_length (tokens));
  g_ptr_array_add (needles, g_strdup (AUDIT_SECRET));
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      g_assert_cmpuint (strlen (tokens[i]), >=, 16);
      g_ptr_array_add (needles, g_strdup (tokens[i]));
    }
  g_ptr_array_add (needles, NULL);

  for (guint i = 0; i < needles->len - 1; i++)
    {
      g_autofree char *pattern = g_strdup_printf ("*%s*", (char *)needles->pdata[i]);

      g_test_trap_assert_stdout_unmatched (pattern);
      g_test_trap_assert_stderr_unmatched (pattern);
    }

  /* The settings really were a file here, and the account list too. */
  settings_file = g_build_filename (root, "XDG_CONFIG_HOME", "glib-2.0", "settings", "keyfile", NULL);
  g_assert_true (g_file_test (settings_file, G_FILE_TEST_EXISTS));
  scan_tree (root, (const char * const *)needles->pdata, &n_files);
  g_assert_cmpuint (n_files, >=, 2);

  ra_simulator_stop (simulator);
  remove_tree (root);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/leak-audit/full-session", test_full_session);

  return g_test_run ();
}
