/* ra-test-utils.h — helpers for tests that drive real widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ra-account-manager.h"
#include "ra-action-item.h"
#include "ra-secret-store.h"
#include "ra-session-private.h"
#include "ra-test-common.h"

G_BEGIN_DECLS

/* The action of the list item at position i of a model of RaActionItem
 * (the action list's), a new reference. */
static inline RaRemoteAction *
ra_test_action_at (GListModel *items,
                   guint       i)
{
  g_autoptr(RaActionItem) item = g_list_model_get_item (items, i);

  return item != NULL ? g_object_ref (ra_action_item_get_action (item)) : NULL;
}

/* The first descendant of root (depth first) of type, for which match
 * (if given) says yes. */
static inline GtkWidget *
ra_test_find_widget (GtkWidget *root,
                     GType      type,
                     gboolean (*match) (GtkWidget *widget, gconstpointer data),
                     gconstpointer data)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && (match == NULL || match (root, data)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ra_test_find_widget (child, type, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static inline gboolean
ra_test_button_has_label (GtkWidget     *widget,
                          gconstpointer  label)
{
  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* A button by its label (with its mnemonic underscore), shown or not. */
static inline GtkButton *
ra_test_find_button (GtkWidget  *root,
                     const char *label)
{
  return GTK_BUTTON (ra_test_find_widget (root, GTK_TYPE_BUTTON,
                                          ra_test_button_has_label, label));
}

/* The first toplevel window of type that is shown, or NULL. */
static inline GtkWindow *
ra_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

/* What a click does, without the pointer. */
static inline void
ra_test_click (GtkButton *button)
{
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
}

/* Answers the message dialog that is shown with its button labelled
 * label (mnemonic underscore included), and waits until it is gone. */
static inline void
ra_test_answer_message_dialog (const char *label)
{
  GtkWindow *dialog = ra_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  g_assert_nonnull (dialog);
  ra_test_click (ra_test_find_button (GTK_WIDGET (dialog), label));
  RA_TEST_WAIT_UNTIL (ra_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
}

static inline void
ra_test_clipboard_read_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

/* The text on the clipboard of widget's display ("" when none), read
 * the way a paste reads it. */
static inline char *
ra_test_read_clipboard (GtkWidget *widget)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL,
                                 ra_test_clipboard_read_cb, &text);
  RA_TEST_WAIT_UNTIL (text != NULL);

  return text;
}

/* Destroys window and waits (bounded) until it is gone: what it started
 * (a request in flight) may hold it for a few turns of the main loop. */
static inline void
ra_test_destroy_window (GtkWindow *window)
{
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (window);
  RA_TEST_WAIT_UNTIL (weak == NULL);
}

/* Puts every key of the app's settings back to its default, so that a
 * test starts from what a new user has. */
static inline void
ra_test_reset_settings (GSettings *settings)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

/* A session connected to client (NULL: none), as to the demo instance
 * when demo, for account (NULL: none). Its account list is never read
 * and its keyring never asked. */
static inline RaSession *
ra_test_session_new (RaAccount *account,
                     RaClient  *client,
                     gboolean   demo)
{
  g_autoptr(RaAccountManager) manager = ra_account_manager_new (NULL);
  g_autoptr(RaSecretStore) store = ra_secret_store_new ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  RaSession *session = ra_session_new (manager, store, settings);

  ra_session_set_connection (session, account, client, demo);

  return session;
}

G_END_DECLS
