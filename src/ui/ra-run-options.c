/* ra-run-options.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-run-options"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-execution-request.h"
#include "ra-format.h"
#include "ra-run-options.h"
#include "ra-settings.h"

struct _RaRunOptions
{
  AdwBin     parent_instance;

  GtkWidget *expiry_row;
  GtkWidget *expiry_value_row;
  GtkWidget *expiry_spin;
  GtkWidget *reason_row;
  GtkWidget *reason_counter;
  GtkWidget *reference_row;

  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (RaRunOptions, ra_run_options, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
get_reason_length (RaRunOptions *self)
{
  return g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (self->reason_row)), -1);
}

static void
update_reason_counter (RaRunOptions *self)
{
  guint length = get_reason_length (self);
  g_autofree char *text = NULL;

  /* Translators: characters typed / characters allowed */
  text = g_strdup_printf (_("%u / %u"), length, (guint) RA_EXECUTION_MAX_REASON_LENGTH);
  gtk_label_set_text (GTK_LABEL (self->reason_counter), text);

  if (length > RA_EXECUTION_MAX_REASON_LENGTH)
    {
      gtk_widget_add_css_class (self->reason_row, "error");
      gtk_widget_add_css_class (self->reason_counter, "error");
      gtk_widget_remove_css_class (self->reason_counter, "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (self->reason_row, "error");
      gtk_widget_remove_css_class (self->reason_counter, "error");
      gtk_widget_add_css_class (self->reason_counter, "dim-label");
    }
}

static void
update_expiry_subtitle (RaRunOptions *self)
{
  guint minutes = ra_run_options_get_expires_in_minutes (self);
  guint spin_minutes = (guint) gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->expiry_spin));
  g_autofree char *spin_text = ra_format_minutes (spin_minutes);
  g_autofree char *subtitle = NULL;

  if (minutes == 0)
    subtitle = g_strdup (_("Off: the server’s default applies"));
  else
    /* Translators: %s is a duration such as "2 days 3 hours" */
    subtitle = g_strdup_printf (_("Devices that stay offline for %s are skipped"), spin_text);

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self->expiry_row), subtitle);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->expiry_value_row), spin_text);
}

static void
changed_cb (RaRunOptions *self)
{
  update_reason_counter (self);
  update_expiry_subtitle (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
apply_default_expiry (RaRunOptions *self)
{
  guint minutes = g_settings_get_uint (self->settings, RA_SETTINGS_DEFAULT_EXPIRY_MINUTES);

  /* The schema allows 1–59 for "unset" mistakes; the API does not. */
  if (minutes != 0)
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->expiry_spin),
                               CLAMP (minutes,
                                      RA_EXECUTION_MIN_EXPIRY_MINUTES,
                                      RA_EXECUTION_MAX_EXPIRY_MINUTES));
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (self->expiry_row), minutes != 0);
}

static void
label_entry_row (GtkWidget  *row,
                 const char *label)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (row));

  /* The text inside an entry row is what assistive technologies focus. */
  if (delegate != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (delegate),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    -1);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }

  return NULL;
}

static void
ra_run_options_dispose (GObject *object)
{
  RaRunOptions *self = RA_RUN_OPTIONS (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ra_run_options_parent_class)->dispose (object);
}

static void
ra_run_options_class_init (RaRunOptionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ra_run_options_dispose;

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/ra-run-options.ui");
  gtk_widget_class_bind_template_child (widget_class, RaRunOptions, expiry_row);
  gtk_widget_class_bind_template_child (widget_class, RaRunOptions, expiry_value_row);
  gtk_widget_class_bind_template_child (widget_class, RaRunOptions, expiry_spin);
  gtk_widget_class_bind_template_child (widget_class, RaRunOptions, reason_row);
  gtk_widget_class_bind_template_child (widget_class, RaRunOptions, reason_counter);
  gtk_widget_class_bind_template_child (widget_class, RaRunOptions, reference_row);
}

static void
ra_run_options_init (RaRunOptions *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  apply_default_expiry (self);
  g_signal_connect_object (self->settings, "changed::" RA_SETTINGS_DEFAULT_EXPIRY_MINUTES,
                           G_CALLBACK (apply_default_expiry), self,
                           G_CONNECT_SWAPPED);

  /* The expander row's switch has no name of its own in libadwaita 1.2. */
  {
    GtkWidget *expiry_switch = find_descendant (self->expiry_row, GTK_TYPE_SWITCH);

    if (expiry_switch != NULL)
      gtk_accessible_update_property (GTK_ACCESSIBLE (expiry_switch),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Custom Expiry"),
                                      -1);
  }

  label_entry_row (self->reason_row, _("Reason"));
  label_entry_row (self->reference_row, _("Ticket Reference"));

  g_signal_connect_swapped (self->reason_row, "changed",
                            G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->reference_row, "changed",
                            G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->expiry_row, "notify::enable-expansion",
                            G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->expiry_spin, "value-changed",
                            G_CALLBACK (changed_cb), self);

  update_reason_counter (self);
  update_expiry_subtitle (self);
}

GtkWidget *
ra_run_options_new (void)
{
  return g_object_new (RA_TYPE_RUN_OPTIONS, NULL);
}

guint
ra_run_options_get_expires_in_minutes (RaRunOptions *self)
{
  g_return_val_if_fail (RA_IS_RUN_OPTIONS (self), 0);

  if (!adw_expander_row_get_enable_expansion (ADW_EXPANDER_ROW (self->expiry_row)))
    return 0;

  return (guint) gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->expiry_spin));
}

const char *
ra_run_options_get_reason (RaRunOptions *self)
{
  g_return_val_if_fail (RA_IS_RUN_OPTIONS (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->reason_row));
}

const char *
ra_run_options_get_reference (RaRunOptions *self)
{
  g_return_val_if_fail (RA_IS_RUN_OPTIONS (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->reference_row));
}

void
ra_run_options_set (RaRunOptions *self,
                    guint         expires_in_minutes,
                    const char   *reason,
                    const char   *reference)
{
  g_return_if_fail (RA_IS_RUN_OPTIONS (self));

  if (expires_in_minutes != 0)
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->expiry_spin), expires_in_minutes);
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (self->expiry_row),
                                         expires_in_minutes != 0);
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), reason ? reason : "");
  gtk_editable_set_text (GTK_EDITABLE (self->reference_row), reference ? reference : "");
}

char *
ra_run_options_dup_problem (RaRunOptions *self)
{
  g_return_val_if_fail (RA_IS_RUN_OPTIONS (self), NULL);

  if (get_reason_length (self) > RA_EXECUTION_MAX_REASON_LENGTH)
    return g_strdup_printf (_("Shorten the reason to %u characters"),
                            (guint) RA_EXECUTION_MAX_REASON_LENGTH);

  return NULL;
}

GtkEditable *
ra_run_options_get_reason_editable (RaRunOptions *self)
{
  g_return_val_if_fail (RA_IS_RUN_OPTIONS (self), NULL);

  return GTK_EDITABLE (self->reason_row);
}
