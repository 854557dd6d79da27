/* ra-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-application"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-account-controller.h"
#include "ra-account-manager.h"
#include "ra-application.h"
#include "ra-preferences-window.h"
#include "ra-secret-store.h"
#include "ra-session.h"
#include "ra-window.h"

struct _RaApplication
{
  AdwApplication  parent_instance;

  gboolean        demo;

  /* Accounts: one window, one account in use at a time. */
  RaAccountManager    *account_manager;
  RaSecretStore       *secret_store;
  RaSession           *session;
  RaAccountController *accounts;
};

G_DEFINE_FINAL_TYPE (RaApplication, ra_application, ADW_TYPE_APPLICATION)

static void
ra_application_show_error (RaApplication *self,
                           GtkWindow     *parent,
                           const char    *heading,
                           const char    *body)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The accounts and the session that connects to one of them. */
static void
ra_application_ensure_session (RaApplication *self)
{
  g_autoptr(GSettings) settings = NULL;

  if (self->session != NULL)
    return;

  settings = g_settings_new (APP_ID);
  self->account_manager = ra_account_manager_new (NULL);
  self->secret_store = ra_secret_store_new ();
  self->session = ra_session_new (self->account_manager, self->secret_store, settings);
}

/* An older version's one execution results query for every account. */
static void
migrate_results_query (RaApplication *self,
                       RaWindow      *window)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;

  if (!ra_account_manager_migrate_results_query (self->account_manager, settings, &error))
    ra_application_show_error (self, GTK_WINDOW (window),
                               _("The Execution Results Query Could Not Be Moved"),
                               error->message);
}

/* --demo connects to the demo instance; otherwise the last used account
 * comes back, and with none the window welcomes. */
static void
ra_application_start_accounts (RaApplication *self,
                               RaWindow      *window,
                               gboolean       load)
{
  g_autoptr(GError) error = NULL;

  /* When the file is out of reach rather than damaged, no account
   * can be saved until that is fixed: the heading says so. */
  if (load && !ra_account_manager_load (self->account_manager, &error))
    ra_application_show_error (self, GTK_WINDOW (window),
                               ra_account_manager_is_writable (self->account_manager)
                                 ? _("Some Accounts Could Not Be Read")
                                 : _("Accounts Cannot Be Saved"),
                               error->message);
  else if (load)
    migrate_results_query (self, window);

  g_clear_object (&self->accounts);
  self->accounts = ra_account_controller_new (window);
  ra_account_controller_start (self->accounts, self->demo);
}

static void
ra_application_activate (GApplication *app)
{
  RaApplication *self = RA_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    {
      gboolean first = self->session == NULL;

      ra_application_ensure_session (self);
      window = GTK_WINDOW (ra_window_new (GTK_APPLICATION (app), self->session));
      ra_application_start_accounts (self, RA_WINDOW (window), first);
    }

  gtk_window_present (window);
}

static int
ra_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  RaApplication *self = RA_APPLICATION (app);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("remote-actions %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_contains (options, "demo"))
    self->demo = TRUE;

  return -1;
}

static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GApplication *app = user_data;
  g_autolist(GtkWindow) windows = NULL;

  /* Closing rather than destroying lets each window save its state. */
  windows = g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (app)),
                              (GCopyFunc) g_object_ref, NULL);
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  for (GList *l = windows; l != NULL; l = l->next)
    if (g_list_find (gtk_application_get_windows (GTK_APPLICATION (app)), l->data) != NULL)
      gtk_window_destroy (l->data);

  /* Not g_application_quit (): with the windows gone the application ends
   * by itself, unless a run in flight holds it until its answer. */
}

static void
about_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkApplication *app = user_data;
  const char *developers[] = {
    "The Remote Actions authors",
    NULL
  };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Remote Actions"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Remote Actions authors"),
                        "version", PACKAGE_VERSION,
                        "website", "https://github.com/nxra/remote-actions",
                        "issue-url", "https://github.com/nxra/remote-actions/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", _("© The Remote Actions authors"),
                        "developers", developers,
                        /* Translators: put your names here, one per line. */
                        "translator-credits", _("translator-credits"),
                        "comments", _("Trigger Nexthink remote actions on your devices"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
shortcuts_activated_cb (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (user_data);

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static void
preferences_activated_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (user_data);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  RaPreferencesWindow *preferences;

  preferences = ra_preferences_window_new (parent, settings);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
ra_application_startup (GApplication *app)
{
  static const GActionEntry entries[] = {
    { "quit", quit_activated_cb },
    { "about", about_activated_cb },
    { "shortcuts", shortcuts_activated_cb },
    { "preferences", preferences_activated_cb },
  };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  /* What GtkApplication sets when it finds gtk/help-overlay.ui, which
   * the window now builds on demand instead. */
  static const char *help_overlay_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (ra_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), entries,
                                   G_N_ELEMENTS (entries), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay", help_overlay_accels);

  gtk_window_set_default_icon_name (APP_ID);
}

static void
ra_application_shutdown (GApplication *app)
{
  RaApplication *self = RA_APPLICATION (app);

  /* Session-only secrets end with the session, and so does the demo
   * instance. */
  g_clear_object (&self->accounts);
  g_clear_object (&self->session);
  g_clear_object (&self->secret_store);

  G_APPLICATION_CLASS (ra_application_parent_class)->shutdown (app);
}

static void
ra_application_dispose (GObject *object)
{
  RaApplication *self = RA_APPLICATION (object);

  g_clear_object (&self->accounts);
  g_clear_object (&self->session);
  g_clear_object (&self->secret_store);
  g_clear_object (&self->account_manager);

  G_OBJECT_CLASS (ra_application_parent_class)->dispose (object);
}

static void
ra_application_class_init (RaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = ra_application_dispose;
  app_class->activate = ra_application_activate;
  app_class->startup = ra_application_startup;
  app_class->shutdown = ra_application_shutdown;
  app_class->handle_local_options = ra_application_handle_local_options;
}

static void
ra_application_init (RaApplication *self)
{
  static const GOptionEntry options[] = {
    { "demo", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
      N_("Connect to the built-in demo instance"), NULL },
    { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
      N_("Print the version and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

RaApplication *
ra_application_new (void)
{
  /* The development profile has its own ID but shares the resources. */
  return g_object_new (RA_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}
