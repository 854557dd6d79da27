/* ra-history-detail.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-history"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-format.h"
#include "ra-history-detail.h"

/* A run's detail lists this many device IDs; the rest are counted. */
#define MAX_DEVICES_LISTED 200

struct _RaHistoryDetail
{
  AdwBin          parent_instance;

  RaHistoryRun   *run;
  char          **devices;
  GCancellable   *cancellable;
  GtkWidget      *devices_group;
};

G_DEFINE_FINAL_TYPE (RaHistoryDetail, ra_history_detail, ADW_TYPE_BIN)

/* A row whose value is plain text that can be selected and copied:
 * values from the history are never markup. */
static GtkWidget *
new_value_row (const char *title,
               const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value != NULL && value[0] != '\0' ? value : _("None"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_widget_set_hexpand (label, TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL,
                                  -1);

  return row;
}

static char *
describe_account (RaHistoryRun *run)
{
  const char *name = ra_history_run_get_account_name (run);
  const char *instance = ra_history_run_get_instance (run);
  const char *region = ra_history_run_get_region (run);

  if (instance != NULL && region != NULL)
    /* Translators: an account's name, then its instance and region, e.g. "Acme (acme, eu)" */
    return g_strdup_printf (_("%s (%s, %s)"), name != NULL ? name : instance, instance, region);

  return g_strdup (name);
}

static void
show_devices (RaHistoryDetail *self)
{
  guint n = self->devices != NULL ? g_strv_length (self->devices) : 0;
  guint listed = MIN (n, MAX_DEVICES_LISTED);

  for (guint i = 0; i < listed; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *label = gtk_label_new (self->devices[i]);

      /* Selectable, to copy an ID into a ticket or a query. */
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_add_css_class (label, "monospace");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), label);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->devices_group), row);
    }

  if (n > listed)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "And %'u more device",
                                                            "And %'u more devices",
                                                            n - listed),
                                               n - listed);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->devices_group), row);
    }
}

static void
devices_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(RaHistoryDetail) self = user_data;
  g_autoptr(GError) error = NULL;
  GStrv devices;

  devices = ra_history_get_devices_finish (RA_HISTORY (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (devices == NULL)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->devices_group),
                                             error->message);
      return;
    }

  g_strfreev (self->devices);
  self->devices = devices;
  show_devices (self);
}

static GtkWidget *
new_group (GtkWidget  *page,
           const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  return group;
}

static void
build (RaHistoryDetail *self,
       RaHistory       *history)
{
  RaHistoryRun *run = self->run;
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group;
  GHashTable *parameters;
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (ra_history_run_get_time (run));
  g_autofree char *when = time != NULL ? ra_format_date_time (time) : NULL;
  g_autofree char *account = describe_account (run);
  g_autofree char *expiry = ra_format_minutes (ra_history_run_get_expires_in_minutes (run));
  g_autofree char *n_devices = NULL;
  guint n = ra_history_run_get_n_devices (run);

  group = new_group (page, NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             new_value_row (_("Action"), ra_history_run_get_action_name (run)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             new_value_row (_("NQL ID"), ra_history_run_get_action_id (run)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), new_value_row (_("Time"), when));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), new_value_row (_("Account"), account));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             new_value_row (_("Outcome"),
                                            ra_format_outcome (ra_history_run_get_outcome (run))));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             new_value_row (_("Request ID"), ra_history_run_get_request_id (run)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), new_value_row (_("Expires After"), expiry));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             new_value_row (_("Reason"), ra_history_run_get_reason (run)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             new_value_row (_("Ticket Reference"),
                                            ra_history_run_get_external_reference (run)));

  parameters = ra_history_run_get_parameters (run);
  if (g_hash_table_size (parameters) > 0)
    {
      g_autoptr(GList) keys = g_list_sort (g_hash_table_get_keys (parameters),
                                           (GCompareFunc) g_strcmp0);

      group = new_group (page, _("Values"));
      for (GList *l = keys; l != NULL; l = l->next)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                   new_value_row (l->data, g_hash_table_lookup (parameters, l->data)));
    }

  n_devices = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u Device", "%'u Devices", n), n);
  self->devices_group = new_group (page, n_devices);

  adw_bin_set_child (ADW_BIN (self), page);

  self->cancellable = g_cancellable_new ();
  ra_history_get_devices_async (history, ra_history_run_get_id (run), self->cancellable,
                                devices_cb, g_object_ref (self));
}

static void
ra_history_detail_dispose (GObject *object)
{
  RaHistoryDetail *self = RA_HISTORY_DETAIL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->run);
  g_clear_pointer (&self->devices, g_strfreev);

  G_OBJECT_CLASS (ra_history_detail_parent_class)->dispose (object);
}

static void
ra_history_detail_class_init (RaHistoryDetailClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ra_history_detail_dispose;
}

static void
ra_history_detail_init (RaHistoryDetail *self)
{
}

void
ra_history_detail_set_run (RaHistoryDetail *self,
                           RaHistory       *history,
                           RaHistoryRun    *run)
{
  g_return_if_fail (RA_IS_HISTORY_DETAIL (self));
  g_return_if_fail (RA_IS_HISTORY (history));
  g_return_if_fail (run == NULL || RA_IS_HISTORY_RUN (run));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->devices, g_strfreev);
  self->devices_group = NULL;
  adw_bin_set_child (ADW_BIN (self), NULL);

  g_set_object (&self->run, run);
  if (run != NULL)
    build (self, history);
}

RaHistoryRun *
ra_history_detail_get_run (RaHistoryDetail *self)
{
  g_return_val_if_fail (RA_IS_HISTORY_DETAIL (self), NULL);

  return self->run;
}

const char * const *
ra_history_detail_get_devices (RaHistoryDetail *self)
{
  g_return_val_if_fail (RA_IS_HISTORY_DETAIL (self), NULL);

  return (const char * const *) self->devices;
}
