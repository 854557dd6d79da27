/* ra-run-outcome.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-run-outcome"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-error.h"
#include "ra-format.h"
#include "ra-plain-text.h"
#include "ra-run-outcome.h"

struct _RaRunOutcome
{
  AdwBin     parent_instance;

  GtkWidget *error_group;
  GtkWidget *error_row;
  GtkWidget *error_icon;
  GtkWidget *dismiss_error_button;
  GtkWidget *result_group;
  GtkWidget *request_id_row;
  GtkWidget *copy_request_id_button;
  GtkWidget *result_devices_row;
  GtkWidget *result_expiry_row;
  GtkWidget *device_results_row;

  char      *request_id;
};

G_DEFINE_FINAL_TYPE (RaRunOutcome, ra_run_outcome, ADW_TYPE_BIN)

static void
scroll_into_view (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content;
  GtkAdjustment *adjustment;
  graphene_point_t point;
  double top, bottom, page;

  if (scroller == NULL)
    return;

  content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  if (GTK_IS_VIEWPORT (content))
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  if (content == NULL ||
      !gtk_widget_compute_point (widget, content, &GRAPHENE_POINT_INIT (0, 0), &point))
    return;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  page = gtk_adjustment_get_page_size (adjustment);
  top = point.y;
  bottom = top + gtk_widget_get_allocated_height (widget);

  if (bottom > gtk_adjustment_get_value (adjustment) + page)
    gtk_adjustment_set_value (adjustment, MIN (top, bottom - page + 24));
  else if (top < gtk_adjustment_get_value (adjustment))
    gtk_adjustment_set_value (adjustment, top);
}

static gboolean
focus_outcome_tick_cb (GtkWidget     *widget,
                       GdkFrameClock *frame_clock,
                       gpointer       user_data)
{
  GtkWidget *target = user_data;

  /* Only once it has a place on the page can the view scroll to it. */
  if (!gtk_widget_get_mapped (widget) || gtk_widget_get_allocated_height (widget) == 0)
    return G_SOURCE_CONTINUE;

  scroll_into_view (widget);
  gtk_widget_grab_focus (target);

  return G_SOURCE_REMOVE;
}

/* The outcome sits under the form, out of view after a long one: it is
 * scrolled in, and the focus moves there so that screen readers read it. */
static void
focus_outcome (GtkWidget *group,
               GtkWidget *target)
{
  gtk_widget_add_tick_callback (group, focus_outcome_tick_cb, target, NULL);
}

static void
dismiss_error_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gtk_widget_set_visible (RA_RUN_OUTCOME (widget)->error_group, FALSE);
}

static void
copy_request_id_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RaRunOutcome *self = RA_RUN_OUTCOME (widget);
  GtkWidget *overlay;

  if (self->request_id == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->request_id);

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay),
                                 ra_plain_toast_new (_("Request ID copied")));
}

static void
ra_run_outcome_finalize (GObject *object)
{
  RaRunOutcome *self = RA_RUN_OUTCOME (object);

  g_free (self->request_id);

  G_OBJECT_CLASS (ra_run_outcome_parent_class)->finalize (object);
}

static void
ra_run_outcome_class_init (RaRunOutcomeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ra_run_outcome_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/ra-run-outcome.ui");
  gtk_widget_class_bind_template_child (widget_class, RaRunOutcome, error_group);
  gtk_widget_class_bind_template_child (widget_class, RaRunOutcome, error_row);
  gtk_widget_class_bind_template_child (widget_class, RaRunOutcome, error_icon);
  gtk_widget_class_bind_template_child (widget_class, RaRunOutcome, dismiss_error_button);
  gtk_widget_class_bind_template_child (widget_class, RaRunOutcome, result_group);
  gtk_widget_class_bind_template_child (widget_class, RaRunOutcome, request_id_row);
  gtk_widget_class_bind_template_child (widget_class, RaRunOutcome, copy_request_id_button);
  gtk_widget_class_bind_template_child (widget_class, RaRunOutcome, result_devices_row);
  gtk_widget_class_bind_template_child (widget_class, RaRunOutcome, result_expiry_row);
  gtk_widget_class_bind_template_child (widget_class, RaRunOutcome, device_results_row);

  gtk_widget_class_install_action (widget_class, "outcome.dismiss-error", NULL, dismiss_error_cb);
  gtk_widget_class_install_action (widget_class, "outcome.copy-request-id", NULL, copy_request_id_cb);
}

static void
ra_run_outcome_init (RaRunOutcome *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ra_run_outcome_new (void)
{
  return g_object_new (RA_TYPE_RUN_OUTCOME, NULL);
}

void
ra_run_outcome_clear (RaRunOutcome *self)
{
  g_return_if_fail (RA_IS_RUN_OUTCOME (self));

  gtk_widget_set_visible (self->error_group, FALSE);
  gtk_widget_set_visible (self->result_group, FALSE);
  g_clear_pointer (&self->request_id, g_free);
}

/* The server answered, and said no: nothing ran. */
static gboolean
is_refusal (const GError *error)
{
  return g_error_matches (error, RA_ERROR, RA_ERROR_UNAUTHORIZED) ||
         g_error_matches (error, RA_ERROR, RA_ERROR_FORBIDDEN) ||
         g_error_matches (error, RA_ERROR, RA_ERROR_NOT_FOUND) ||
         g_error_matches (error, RA_ERROR, RA_ERROR_INVALID_REQUEST) ||
         g_error_matches (error, RA_ERROR, RA_ERROR_RATE_LIMITED);
}

void
ra_run_outcome_show_failure (RaRunOutcome       *self,
                             RaExecutionOutcome  outcome,
                             const GError       *error)
{
  g_autofree char *text = NULL;
  const char *title, *advice;
  gboolean unknown;

  g_return_if_fail (RA_IS_RUN_OUTCOME (self));
  g_return_if_fail (outcome != RA_EXECUTION_OUTCOME_STARTED);
  g_return_if_fail (error != NULL);

  unknown = outcome == RA_EXECUTION_OUTCOME_UNKNOWN;
  if (unknown)
    {
      title = _("Outcome Unknown");
      advice = _("The request may have reached Nexthink and started the action. Check its "
                 "executions in Nexthink before running it again.");
    }
  else
    {
      title = is_refusal (error) ? _("Refused by Nexthink") : _("Not Sent");
      advice = _("Nothing was started on any device: it is safe to run the action again.");
    }

  ra_run_outcome_clear (self);
  text = g_strdup_printf ("%s\n%s", error->message, advice);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->error_row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->error_row), text);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->error_icon),
                                unknown ? "dialog-warning-symbolic" : "dialog-error-symbolic");
  gtk_widget_remove_css_class (self->error_icon, unknown ? "error" : "warning");
  gtk_widget_add_css_class (self->error_icon, unknown ? "warning" : "error");
  gtk_widget_set_visible (self->error_group, TRUE);
  focus_outcome (self->error_group, self->dismiss_error_button);
}

void
ra_run_outcome_show_result (RaRunOutcome *self,
                            const char   *request_id,
                            guint         n_devices,
                            guint         expires_in_minutes,
                            guint         asked_minutes)
{
  g_autofree char *devices = NULL;
  g_autofree char *expiry = NULL;

  g_return_if_fail (RA_IS_RUN_OUTCOME (self));
  g_return_if_fail (request_id != NULL);

  ra_run_outcome_clear (self);
  self->request_id = g_strdup (request_id);
  devices = g_strdup_printf ("%'u", n_devices);

  if (expires_in_minutes == 0)
    expiry = g_strdup (_("Not stated by the server"));
  else if (asked_minutes == 0)
    {
      g_autofree char *duration = ra_format_minutes (expires_in_minutes);
      /* Translators: %s is a duration; the server chose it */
      expiry = g_strdup_printf (_("%s (the server’s default)"), duration);
    }
  else
    expiry = ra_format_minutes (expires_in_minutes);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->request_id_row), self->request_id);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->result_devices_row), devices);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->result_expiry_row), expiry);
  /* The target first: the action takes the request ID. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->device_results_row), "s", self->request_id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->device_results_row), "page.device-results");

  gtk_widget_set_visible (self->result_group, TRUE);
  focus_outcome (self->result_group, self->copy_request_id_button);
}

const char *
ra_run_outcome_get_error_message (RaRunOutcome *self)
{
  g_return_val_if_fail (RA_IS_RUN_OUTCOME (self), NULL);

  if (!gtk_widget_get_visible (self->error_group))
    return NULL;

  return adw_action_row_get_subtitle (ADW_ACTION_ROW (self->error_row));
}

const char *
ra_run_outcome_get_title (RaRunOutcome *self)
{
  g_return_val_if_fail (RA_IS_RUN_OUTCOME (self), NULL);

  if (gtk_widget_get_visible (self->error_group))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->error_row));
  if (gtk_widget_get_visible (self->result_group))
    return adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (self->result_group));

  return NULL;
}

const char *
ra_run_outcome_get_request_id (RaRunOutcome *self)
{
  g_return_val_if_fail (RA_IS_RUN_OUTCOME (self), NULL);

  if (!gtk_widget_get_visible (self->result_group))
    return NULL;

  return self->request_id;
}

const char *
ra_run_outcome_get_expiry_text (RaRunOutcome *self)
{
  g_return_val_if_fail (RA_IS_RUN_OUTCOME (self), NULL);

  return adw_action_row_get_subtitle (ADW_ACTION_ROW (self->result_expiry_row));
}

char *
ra_run_outcome_describe (RaExecutionOutcome  outcome,
                         const char         *action_name,
                         guint               n_devices)
{
  switch (outcome)
    {
    case RA_EXECUTION_OUTCOME_STARTED:
      return g_strdup_printf (ngettext ("“%s” started on %'u device",
                                        "“%s” started on %'u devices",
                                        n_devices),
                              action_name, n_devices);

    case RA_EXECUTION_OUTCOME_UNKNOWN:
      /* Translators: %s is the name of a remote action */
      return g_strdup_printf (_("“%s” may have started"), action_name);

    case RA_EXECUTION_OUTCOME_NOT_SENT:
    default:
      /* Translators: %s is the name of a remote action */
      return g_strdup_printf (_("“%s” did not start"), action_name);
    }
}

GNotification *
ra_run_outcome_new_notification (RaExecutionOutcome  outcome,
                                 const char         *action_name,
                                 guint               n_devices,
                                 const char         *request_id,
                                 const GError       *error)
{
  g_autofree char *title = ra_run_outcome_describe (outcome, action_name, n_devices);
  g_autofree char *body = NULL;
  GNotification *notification;

  if (outcome == RA_EXECUTION_OUTCOME_STARTED)
    /* Translators: %s is the request ID of a run */
    body = g_strdup_printf (_("Request ID: %s"), request_id);
  else
    body = g_strdup (error->message);

  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  if (outcome != RA_EXECUTION_OUTCOME_STARTED)
    g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);

  return notification;
}
