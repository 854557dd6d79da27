/* ra-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-accessible.h"
#include "ra-preferences-window.h"
#include "ra-settings.h"

/* The schema allows 0 (the server decides) or any value up to a week; the
 * API refuses 1 to 59, so the spin button never offers them. */
#define EXPIRY_SERVER_DEFAULT 0
#define EXPIRY_MIN            60

struct _RaPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  GtkSwitch            *server_expiry_switch;
  GtkSpinButton        *expiry_spin;
  GtkSpinButton        *threshold_spin;
  AdwEntryRow          *external_source_row;
};

G_DEFINE_FINAL_TYPE (RaPreferencesWindow, ra_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static gboolean
server_expiry_get_mapping (GValue   *value,
                           GVariant *variant,
                           gpointer  user_data)
{
  g_value_set_boolean (value, g_variant_get_uint32 (variant) == EXPIRY_SERVER_DEFAULT);
  return TRUE;
}

static GVariant *
server_expiry_set_mapping (const GValue       *value,
                           const GVariantType *expected_type,
                           gpointer            user_data)
{
  RaPreferencesWindow *self = user_data;
  guint minutes;

  if (g_value_get_boolean (value))
    return g_variant_new_uint32 (EXPIRY_SERVER_DEFAULT);

  minutes = (guint) gtk_spin_button_get_value_as_int (self->expiry_spin);
  return g_variant_new_uint32 (MAX (minutes, EXPIRY_MIN));
}

static gboolean
expiry_get_mapping (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  guint minutes = g_variant_get_uint32 (variant);

  /* With the server's default the spin button is insensitive; it keeps
   * showing the lowest value the user could pick instead of an invalid 0. */
  g_value_set_double (value, minutes == EXPIRY_SERVER_DEFAULT ? EXPIRY_MIN : MAX (minutes, EXPIRY_MIN));
  return TRUE;
}

static GVariant *
expiry_set_mapping (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  RaPreferencesWindow *self = user_data;

  /* A NULL variant writes nothing: the server's default must survive the
   * spin button settling on its lowest value. */
  if (gtk_switch_get_active (self->server_expiry_switch))
    return NULL;

  return g_variant_new_uint32 ((guint) g_value_get_double (value));
}

static void
ra_preferences_window_constructed (GObject *object)
{
  RaPreferencesWindow *self = RA_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (ra_preferences_window_parent_class)->constructed (object);

  if (self->settings == NULL)
    self->settings = g_settings_new (APP_ID);

  g_settings_bind_with_mapping (self->settings, RA_SETTINGS_DEFAULT_EXPIRY_MINUTES,
                                self->expiry_spin, "value",
                                G_SETTINGS_BIND_DEFAULT,
                                expiry_get_mapping, expiry_set_mapping,
                                self, NULL);
  g_settings_bind_with_mapping (self->settings, RA_SETTINGS_DEFAULT_EXPIRY_MINUTES,
                                self->server_expiry_switch, "active",
                                G_SETTINGS_BIND_DEFAULT,
                                server_expiry_get_mapping, server_expiry_set_mapping,
                                self, NULL);
  g_object_bind_property (self->server_expiry_switch, "active",
                          self->expiry_spin, "sensitive",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);

  g_settings_bind (self->settings, RA_SETTINGS_CONFIRMATION_THRESHOLD,
                   self->threshold_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, RA_SETTINGS_EXTERNAL_SOURCE,
                   self->external_source_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
ra_preferences_window_dispose (GObject *object)
{
  RaPreferencesWindow *self = RA_PREFERENCES_WINDOW (object);

  /* Bindings hold the widgets; drop them before the template goes. */
  if (self->settings != NULL)
    {
      g_settings_unbind (self->expiry_spin, "value");
      g_settings_unbind (self->server_expiry_switch, "active");
      g_settings_unbind (self->threshold_spin, "value");
      g_settings_unbind (self->external_source_row, "text");
      g_signal_handlers_disconnect_by_data (self->settings, self);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), RA_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (ra_preferences_window_parent_class)->dispose (object);
}

static void
ra_preferences_window_finalize (GObject *object)
{
  RaPreferencesWindow *self = RA_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ra_preferences_window_parent_class)->finalize (object);
}

static void
ra_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RaPreferencesWindow *self = RA_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RaPreferencesWindow *self = RA_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_preferences_window_class_init (RaPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  ra_accessible_fix_mnemonic_names ();

  object_class->constructed = ra_preferences_window_constructed;
  object_class->dispose = ra_preferences_window_dispose;
  object_class->finalize = ra_preferences_window_finalize;
  object_class->get_property = ra_preferences_window_get_property;
  object_class->set_property = ra_preferences_window_set_property;

  /**
   * RaPreferencesWindow:settings:
   *
   * The application's settings; %NULL at construction opens the schema
   * named after the application ID.
   */
  properties [PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/ra-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RaPreferencesWindow, server_expiry_switch);
  gtk_widget_class_bind_template_child (widget_class, RaPreferencesWindow, expiry_spin);
  gtk_widget_class_bind_template_child (widget_class, RaPreferencesWindow, threshold_spin);
  gtk_widget_class_bind_template_child (widget_class, RaPreferencesWindow, external_source_row);
}

static void
ra_preferences_window_init (RaPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ra_preferences_window_new:
 * @parent: (nullable): the window to stay above
 * @settings: (nullable): the application's settings
 *
 * Returns: (transfer full): a new preferences window
 */
RaPreferencesWindow *
ra_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (RA_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "settings", settings,
                       NULL);
}

GSettings *
ra_preferences_window_get_settings (RaPreferencesWindow *self)
{
  g_return_val_if_fail (RA_IS_PREFERENCES_WINDOW (self), NULL);

  return self->settings;
}
