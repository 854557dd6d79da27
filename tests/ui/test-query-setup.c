/* test-query-setup.c — the account editor's NQL queries: the ID of each,
 * the NQL text to create in Nexthink and its Copy button
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-query-setup"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ra-account.h"
#include "ra-account-dialog.h"
#include "ra-account-manager.h"
#include "ra-nql-queries.h"
#include "ra-query-setup-group.h"
#include "ra-secret-store.h"

#include "ra-test-utils.h"

#define WAIT_SECONDS 20

static gpointer
group_child (RaQuerySetupGroup *group,
             const char        *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (group), RA_TYPE_QUERY_SETUP_GROUP, name);

  g_assert_nonnull (child);
  return child;
}

static void
count_cb (gpointer user_data)
{
  guint *count = user_data;

  (*count)++;
}

/* The text to create, selectable and in a fixed-width font, what it
 * takes and needs, and Copy puts exactly that text on the clipboard. */
static void
assert_shows_setup (RaQuerySetupGroup *group,
                    const char        *nql,
                    const char        *parameter)
{
  GtkLabel *nql_label = group_child (group, "nql_label");
  GtkButton *copy = group_child (group, "copy_button");
  GtkLabel *parameter_label = group_child (group, "parameter_label");
  GtkLabel *permissions = group_child (group, "permissions_label");
  g_autofree char *copied = NULL;

  g_assert_cmpstr (ra_query_setup_group_get_nql_text (group), ==, nql);
  g_assert_cmpstr (gtk_label_get_label (nql_label), ==, nql);
  g_assert_true (gtk_label_get_selectable (nql_label));
  g_assert_false (gtk_label_get_use_markup (nql_label));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (nql_label), "monospace"));
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (nql_label)));
  g_assert_nonnull (strstr (gtk_label_get_label (parameter_label), parameter));
  g_assert_nonnull (strstr (gtk_label_get_label (permissions), "NQL API"));
  g_assert_nonnull (strstr (gtk_label_get_label (permissions), "Manage all NQL API queries"));

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (group)), "something else");
  ra_test_click (copy);
  copied = ra_test_read_clipboard (GTK_WIDGET (group));
  g_assert_cmpstr (copied, ==, nql);
  g_assert_cmpstr (gtk_button_get_label (copy), ==, "Copied");
}

static void
test_group (void)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  RaQuerySetupGroup *results = RA_QUERY_SETUP_GROUP (ra_query_setup_group_new (RA_QUERY_SETUP_RESULTS));
  RaQuerySetupGroup *lookup = RA_QUERY_SETUP_GROUP (ra_query_setup_group_new (RA_QUERY_SETUP_LOOKUP));
  AdwEntryRow *id_row = group_child (lookup, "id_row");
  GtkWidget *error_row = group_child (lookup, "error_row");
  guint changed = 0;

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (results));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (lookup));
  adw_window_set_content (ADW_WINDOW (window), gtk_scrolled_window_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (adw_window_get_content (ADW_WINDOW (window))), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 2000);
  gtk_window_present (GTK_WINDOW (window));
  ra_test_settle ();

  g_assert_cmpint (ra_query_setup_group_get_kind (results), ==, RA_QUERY_SETUP_RESULTS);
  assert_shows_setup (results, RA_NQL_RESULTS_QUERY_TEXT, "$request_id");
  assert_shows_setup (lookup, RA_NQL_LOOKUP_QUERY_TEXT, "$device_name");

  /* Each control has a name of its own, though the two groups look alike. */
  g_assert_cmpstr (adw_preferences_row_get_title (group_child (results, "id_row")), ==, "Results Query ID");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (id_row)), ==, "Lookup Query ID");

  /* What the NQL API would refuse is said, and the group is not valid. */
  g_signal_connect_swapped (lookup, "changed", G_CALLBACK (count_cb), &changed);
  g_assert_true (ra_query_setup_group_is_valid (lookup));
  gtk_editable_set_text (GTK_EDITABLE (id_row), "device lookup");
  g_assert_cmpuint (changed, ==, 1);
  g_assert_false (ra_query_setup_group_is_valid (lookup));
  g_assert_true (gtk_widget_get_visible (error_row));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (id_row), "error"));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (error_row)), "starts with #"));

  /* Blanks around an ID are no change of it. */
  gtk_editable_set_text (GTK_EDITABLE (id_row), " #device_lookup");
  g_assert_cmpstr (ra_query_setup_group_get_query_id (lookup), ==, "#device_lookup");
  changed = 0;
  {
    int position = -1;

    gtk_editable_insert_text (GTK_EDITABLE (id_row), "  ", -1, &position);
  }
  g_assert_cmpuint (changed, ==, 0);
  g_assert_cmpstr (ra_query_setup_group_get_query_id (lookup), ==, "#device_lookup");
  g_assert_true (ra_query_setup_group_is_valid (lookup));
  g_assert_false (gtk_widget_get_visible (error_row));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (id_row), "error"));

  gtk_window_destroy (GTK_WINDOW (window));
  ra_test_settle ();
}

typedef struct
{
  char             *dir;
  char             *path;
  RaAccountManager *manager;
  RaSecretStore    *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("ra-ui-query-setup-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "accounts.ini", NULL);
  fixture->manager = ra_account_manager_new (fixture->path);
  fixture->store = ra_secret_store_new ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->manager);
  ra_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static gpointer
dialog_child (RaAccountDialog *dialog,
              const char      *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (dialog), RA_TYPE_ACCOUNT_DIALOG, name);

  g_assert_nonnull (child);
  return child;
}

static gboolean
can_save (RaAccountDialog *dialog)
{
  return gtk_widget_is_sensitive (dialog_child (dialog, "save_button"));
}

static void
saved_cb (RaAccountDialog *dialog,
          RaAccount       *account,
          gpointer         user_data)
{
  gboolean *saved = user_data;

  *saved = TRUE;
}

/* The editor shows the account's IDs, explains the query not yet set up,
 * refuses a wrong ID, and saves them with the account. */
static void
test_account_dialog (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(RaAccount) account = ra_account_new ();
  g_autoptr(RaAccountManager) reloaded = NULL;
  g_autoptr(RaAccount) stored = NULL;
  g_autoptr(GError) error = NULL;
  RaAccountDialog *dialog;
  RaQuerySetupGroup *results, *lookup;
  gboolean saved = FALSE;
  gpointer weak;

  if (!ra_test_in_private_keyring ())
    return;

  ra_account_set_instance (account, "acme");
  ra_account_set_region (account, "eu");
  ra_account_set_client_id (account, "client");
  ra_account_set_results_query_id (account, "#ra_results");
  g_assert_true (ra_account_manager_add (fixture->manager, account, &error));
  g_assert_no_error (error);

  dialog = ra_account_dialog_new (NULL, fixture->manager, fixture->store, account);
  gtk_window_present (GTK_WINDOW (dialog));
  ra_test_settle ();
  results = dialog_child (dialog, "results_query_group");
  lookup = dialog_child (dialog, "lookup_query_group");

  g_assert_cmpstr (ra_query_setup_group_get_query_id (results), ==, "#ra_results");
  g_assert_cmpstr (ra_query_setup_group_get_query_id (lookup), ==, "");
  /* Set up: the explanation folds away; not set up: it is open. */
  g_assert_false (adw_expander_row_get_expanded (group_child (results, "setup_row")));
  g_assert_true (adw_expander_row_get_expanded (group_child (lookup, "setup_row")));
  assert_shows_setup (lookup, RA_NQL_LOOKUP_QUERY_TEXT, "$device_name");

  gtk_editable_set_text (dialog_child (dialog, "secret_row"), "secret");
  ra_test_settle ();
  g_assert_true (can_save (dialog));

  /* A wrong ID keeps the account from being saved. */
  gtk_editable_set_text (GTK_EDITABLE (group_child (lookup, "id_row")), "#Device Lookup");
  ra_test_settle ();
  g_assert_false (can_save (dialog));

  gtk_editable_set_text (GTK_EDITABLE (group_child (lookup, "id_row")), "#device_lookup");
  gtk_editable_set_text (GTK_EDITABLE (group_child (results, "id_row")), "");
  ra_test_settle ();
  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), &saved);
  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "account.save", NULL));
  RA_TEST_WAIT_UNTIL_FOR (saved, WAIT_SECONDS);
  /* Saved, the editor closes. */
  RA_TEST_WAIT_UNTIL_FOR (weak == NULL, WAIT_SECONDS);

  g_assert_cmpstr (ra_account_get_results_query_id (account), ==, "");
  g_assert_cmpstr (ra_account_get_lookup_query_id (account), ==, "#device_lookup");
  reloaded = ra_account_manager_new (fixture->path);
  g_assert_true (ra_account_manager_load (reloaded, &error));
  g_assert_no_error (error);
  stored = g_list_model_get_item (G_LIST_MODEL (reloaded), 0);
  g_assert_cmpstr (ra_account_get_results_query_id (stored), ==, "");
  g_assert_cmpstr (ra_account_get_lookup_query_id (stored), ==, "#device_lookup");

  {
    GAsyncResult *slot = NULL;
    g_autoptr(GAsyncResult) cleared = NULL;

    ra_secret_store_clear_async (fixture->store, account, NULL, ra_test_store_result_cb, &slot);
    cleared = ra_test_wait_for_result (&slot, WAIT_SECONDS * 1000);
    g_assert_true (ra_secret_store_clear_finish (fixture->store, cleared, &error));
    g_assert_no_error (error);
  }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/query-setup/group", test_group);
  RA_TEST_ADD ("/query-setup/account-dialog", test_account_dialog);

  return g_test_run ();
}
