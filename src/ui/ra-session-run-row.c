/* ra-session-run-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-session-run-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-session-run-row.h"

struct _RaSessionRunRow
{
  AdwActionRow  parent_instance;

  RaSessionRun *run;
};

G_DEFINE_FINAL_TYPE (RaSessionRunRow, ra_session_run_row, ADW_TYPE_ACTION_ROW)

static GtkWidget *
add_button (RaSessionRunRow *self,
            const char      *icon_name,
            const char      *tooltip,
            const char      *accessible_label,
            const char      *action_name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  /* The target first: the action takes the request ID. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s",
                                    ra_session_run_get_request_id (self->run));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), button);

  return button;
}

static void
ra_session_run_row_finalize (GObject *object)
{
  RaSessionRunRow *self = RA_SESSION_RUN_ROW (object);

  g_clear_object (&self->run);

  G_OBJECT_CLASS (ra_session_run_row_parent_class)->finalize (object);
}

static void
ra_session_run_row_class_init (RaSessionRunRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ra_session_run_row_finalize;
}

static void
ra_session_run_row_init (RaSessionRunRow *self)
{
}

GtkWidget *
ra_session_run_row_new (RaSessionRun *run)
{
  RaSessionRunRow *self;
  g_autofree char *time = NULL;
  g_autofree char *devices = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *copy_label = NULL;
  g_autofree char *results_label = NULL;
  const char *name;
  guint n;

  g_return_val_if_fail (RA_IS_SESSION_RUN (run), NULL);

  self = g_object_new (RA_TYPE_SESSION_RUN_ROW, NULL);
  self->run = g_object_ref (run);
  name = ra_session_run_get_action_name (run);
  n = ra_session_run_get_n_devices (run);

  time = g_date_time_format (ra_session_run_get_started (run), "%X");
  devices = g_strdup_printf (ngettext ("%'u device", "%'u devices", n), n);
  if (ra_session_run_get_outcome (run) == RA_EXECUTION_OUTCOME_STARTED)
    /* Translators: time · number of devices, then the request ID */
    subtitle = g_strdup_printf (_("%s · %s\n%s"), time, devices,
                                ra_session_run_get_request_id (run));
  else
    /* Translators: time · number of devices */
    subtitle = g_strdup_printf (_("%s · %s\nOutcome unknown: check its executions in Nexthink "
                                  "before running it again"),
                                time, devices);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), name);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 0);

  /* Without a request ID there is nothing to copy or to look up. */
  if (ra_session_run_get_outcome (run) != RA_EXECUTION_OUTCOME_STARTED)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Outcome unknown"),
                                      -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (self), icon);
      return GTK_WIDGET (self);
    }

  copy_label = g_strdup_printf (_("Copy the request ID of “%s”"), name);
  add_button (self, "edit-copy-symbolic", _("Copy Request ID"), copy_label,
              "page.copy-request-id");

  results_label = g_strdup_printf (_("Device results of “%s”"), name);
  add_button (self, "view-list-bullet-symbolic", _("Device Results"), results_label,
              "page.device-results");

  return GTK_WIDGET (self);
}

RaSessionRun *
ra_session_run_row_get_run (RaSessionRunRow *self)
{
  g_return_val_if_fail (RA_IS_SESSION_RUN_ROW (self), NULL);

  return self->run;
}
