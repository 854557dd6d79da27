/* ra-action-details.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-action-details"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-action-details.h"
#include "ra-action-output.h"
#include "ra-format.h"

struct _RaActionDetails
{
  AdwBin     parent_instance;

  GtkWidget *nql_id_row;
  GtkWidget *uuid_row;
  GtkWidget *purpose_row;
  GtkWidget *platforms_row;
  GtkWidget *run_as_row;
  GtkWidget *timeout_row;
  GtkWidget *targeting_row;
  GtkWidget *origin_row;
  GtkWidget *outputs_group;

  GPtrArray *output_rows;
};

G_DEFINE_FINAL_TYPE (RaActionDetails, ra_action_details, ADW_TYPE_BIN)

/* The rows carry the "property" style: the value, not the name of the
 * field, is what is read, so it is not dimmed as a subtitle would be
 * (style.css gives libadwaita 1.2 the look later versions have). */
static void
set_row_value (GtkWidget  *row,
               const char *value)
{
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
}

/* What the server said, and only that: a way it did not mention is
 * "not known", never "no". */
static char *
describe_targeting (RaRemoteAction *action)
{
  g_autoptr(GPtrArray) ways = g_ptr_array_new ();
  RaTristate api = ra_remote_action_get_api_enabled (action);
  RaTristate manual = ra_remote_action_get_manual_enabled (action);
  RaTristate multiple = ra_remote_action_get_manual_allow_multiple_devices (action);
  RaTristate workflow = ra_remote_action_get_workflow_enabled (action);
  gboolean any_unknown = FALSE;

  if (api == RA_TRISTATE_YES)
    g_ptr_array_add (ways, _("Through the API"));
  else if (api == RA_TRISTATE_UNKNOWN)
    g_ptr_array_add (ways, _("Through the API: not known"));

  if (manual == RA_TRISTATE_YES)
    {
      if (multiple == RA_TRISTATE_YES)
        g_ptr_array_add (ways, _("Manually, on several devices at once"));
      else if (multiple == RA_TRISTATE_NO)
        g_ptr_array_add (ways, _("Manually, one device at a time"));
      else
        g_ptr_array_add (ways, _("Manually"));
    }
  else if (manual == RA_TRISTATE_UNKNOWN)
    g_ptr_array_add (ways, _("Manually: not known"));

  if (workflow == RA_TRISTATE_YES)
    g_ptr_array_add (ways, _("From workflows"));
  else if (workflow == RA_TRISTATE_UNKNOWN)
    g_ptr_array_add (ways, _("From workflows: not known"));

  any_unknown = api == RA_TRISTATE_UNKNOWN || manual == RA_TRISTATE_UNKNOWN ||
                workflow == RA_TRISTATE_UNKNOWN;

  if (ways->len == 0 && !any_unknown)
    return g_strdup (_("Not at all"));

  g_ptr_array_add (ways, NULL);

  return g_strjoinv ("\n", (char **) ways->pdata);
}

static void
clear_outputs (RaActionDetails *self)
{
  for (guint i = 0; i < self->output_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->outputs_group),
                                  g_ptr_array_index (self->output_rows, i));
  g_ptr_array_set_size (self->output_rows, 0);
}

static GtkWidget *
create_output_row (RaActionOutput *output)
{
  g_autofree char *platforms = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *kind = NULL;
  const char *description = ra_action_output_get_description (output);
  GtkWidget *row, *type_label;

  platforms = ra_format_platforms (ra_action_output_get_used_by_windows (output),
                                   ra_action_output_get_used_by_macos (output));
  if (description != NULL && description[0] != '\0')
    subtitle = g_strdup_printf ("%s\n%s", description, platforms);
  else
    subtitle = g_strdup (platforms);

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 ra_action_output_get_name (output));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  /* The type in words; one the app does not know, as the server wrote it. */
  kind = ra_format_output_type (ra_action_output_get_output_type (output));
  type_label = gtk_label_new (kind);
  gtk_label_set_xalign (GTK_LABEL (type_label), 1);
  gtk_widget_set_valign (type_label, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (type_label, _("Type of the value"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), type_label);

  return row;
}

static void
show_outputs (RaActionDetails *self,
              RaRemoteAction  *action)
{
  GListModel *outputs = ra_remote_action_get_outputs (action);
  guint n = g_list_model_get_n_items (outputs);

  clear_outputs (self);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RaActionOutput) output = g_list_model_get_item (outputs, i);
      GtkWidget *row = create_output_row (output);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->outputs_group), row);
      g_ptr_array_add (self->output_rows, row);
    }

  gtk_widget_set_visible (self->outputs_group, n > 0);
}

static void
ra_action_details_dispose (GObject *object)
{
  RaActionDetails *self = RA_ACTION_DETAILS (object);

  g_clear_pointer (&self->output_rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), RA_TYPE_ACTION_DETAILS);

  G_OBJECT_CLASS (ra_action_details_parent_class)->dispose (object);
}

static void
ra_action_details_class_init (RaActionDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ra_action_details_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/ra-action-details.ui");
  gtk_widget_class_bind_template_child (widget_class, RaActionDetails, nql_id_row);
  gtk_widget_class_bind_template_child (widget_class, RaActionDetails, uuid_row);
  gtk_widget_class_bind_template_child (widget_class, RaActionDetails, purpose_row);
  gtk_widget_class_bind_template_child (widget_class, RaActionDetails, platforms_row);
  gtk_widget_class_bind_template_child (widget_class, RaActionDetails, run_as_row);
  gtk_widget_class_bind_template_child (widget_class, RaActionDetails, timeout_row);
  gtk_widget_class_bind_template_child (widget_class, RaActionDetails, targeting_row);
  gtk_widget_class_bind_template_child (widget_class, RaActionDetails, origin_row);
  gtk_widget_class_bind_template_child (widget_class, RaActionDetails, outputs_group);
}

static void
ra_action_details_init (RaActionDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->output_rows = g_ptr_array_new ();
  gtk_widget_set_visible (self->outputs_group, FALSE);
}

GtkWidget *
ra_action_details_new (void)
{
  return g_object_new (RA_TYPE_ACTION_DETAILS, NULL);
}

void
ra_action_details_set_action (RaActionDetails *self,
                              RaRemoteAction  *action)
{
  g_autofree char *purpose = NULL;
  g_autofree char *platforms = NULL;
  g_autofree char *timeout = NULL;
  g_autofree char *targeting = NULL;
  g_autofree char *origin = NULL;
  const char *uuid;
  const char *run_as;

  g_return_if_fail (RA_IS_ACTION_DETAILS (self));
  g_return_if_fail (RA_IS_REMOTE_ACTION (action));

  purpose = ra_format_action_purpose (action);
  platforms = ra_format_platforms (ra_remote_action_get_has_script_windows (action),
                                   ra_remote_action_get_has_script_macos (action));
  timeout = ra_format_seconds (ra_remote_action_get_timeout_seconds (action));
  targeting = describe_targeting (action);
  origin = ra_format_origin (ra_remote_action_get_origin (action),
                             ra_remote_action_get_built_in_content_version (action));
  uuid = ra_remote_action_get_uuid (action);
  /* A way to run the documentation does not list, as the server wrote it. */
  if (ra_remote_action_get_run_as (action) == RA_RUN_AS_OTHER)
    run_as = ra_remote_action_get_run_as_text (action);
  else
    run_as = ra_run_as_to_label (ra_remote_action_get_run_as (action));

  set_row_value (self->nql_id_row, ra_remote_action_get_id (action));
  set_row_value (self->uuid_row, uuid != NULL ? uuid : _("Not known"));
  set_row_value (self->purpose_row, purpose);
  set_row_value (self->platforms_row, platforms);
  set_row_value (self->run_as_row, run_as);
  set_row_value (self->timeout_row, timeout);
  set_row_value (self->targeting_row, targeting);
  set_row_value (self->origin_row, origin);

  show_outputs (self, action);
}
