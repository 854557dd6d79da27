/* ra-query-setup-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-query-setup-group"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-accessible.h"
#include "ra-nql-queries.h"
#include "ra-query-setup-group.h"

/* How long the Copy button says it copied. */
#define COPIED_FEEDBACK_MS 2000

struct _RaQuerySetupGroup
{
  AdwPreferencesGroup  parent_instance;

  AdwEntryRow         *id_row;
  AdwActionRow        *error_row;
  AdwExpanderRow      *setup_row;
  GtkLabel            *steps_label;
  GtkLabel            *nql_label;
  GtkButton           *copy_button;
  GtkLabel            *returns_label;
  GtkLabel            *parameter_label;
  GtkLabel            *permissions_label;

  RaQuerySetupKind     kind;
  char                *query_id;
  guint                copied_id;
};

G_DEFINE_FINAL_TYPE (RaQuerySetupGroup, ra_query_setup_group, ADW_TYPE_PREFERENCES_GROUP)

/* clang-format off */
G_DEFINE_ENUM_TYPE (RaQuerySetupKind, ra_query_setup_kind,
  G_DEFINE_ENUM_VALUE (RA_QUERY_SETUP_RESULTS, "results"),
  G_DEFINE_ENUM_VALUE (RA_QUERY_SETUP_LOOKUP, "lookup"))
/* clang-format on */

enum {
  PROP_0,
  PROP_KIND,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* What each query is: the texts the group shows for it. */
typedef struct
{
  const char *title;
  const char *description;
  const char *id_title;
  const char *example_id;
  const char *nql;
  const char *returns;
  const char *parameter;
  const char *copy_description;
  const char *setup_description;
} QueryTexts;

/* clang-format off */
static const QueryTexts query_texts[] = {
  [RA_QUERY_SETUP_RESULTS] = {
    N_("Device Results"),
    N_("Nexthink tells what happened on each device of a run only through an NQL query defined in its admin."),
    N_("Results Query ID"),
    RA_DEMO_EXECUTIONS_QUERY,
    RA_NQL_RESULTS_QUERY_TEXT,
    N_("It returns one row per device of the run: its name, collector ID, status, status details, time and outputs."),
    N_("Parameter: $request_id, the request ID Nexthink gave the run. The app fills it in."),
    N_("Puts the NQL of the execution results query on the clipboard"),
    N_("How to create the execution results query in Nexthink"),
  },
  [RA_QUERY_SETUP_LOOKUP] = {
    N_("Devices by Name"),
    N_("With a device lookup query, devices can be named as they are known instead of by their collector IDs."),
    N_("Lookup Query ID"),
    RA_DEMO_LOOKUP_QUERY,
    RA_NQL_LOOKUP_QUERY_TEXT,
    N_("It returns the name and collector ID of each device of that name: none, one or several."),
    N_("Parameter: $device_name, a device name as entered in the list of devices."),
    N_("Puts the NQL of the device lookup query on the clipboard"),
    N_("How to create the device lookup query in Nexthink"),
  },
};
/* clang-format on */

static void
show_problem (RaQuerySetupGroup *self)
{
  g_autoptr(GError) error = NULL;
  gboolean valid = self->query_id[0] == '\0' || ra_nql_query_id_check (self->query_id, &error);

  if (valid)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->id_row), "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->id_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->id_row), GTK_ACCESSIBLE_STATE_INVALID);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->id_row), "error");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->error_row), error->message);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->id_row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message,
                                      -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->id_row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->error_row), !valid);
}

static void
id_changed_cb (RaQuerySetupGroup *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->id_row))));

  if (g_str_equal (text, self->query_id))
    return;

  g_free (self->query_id);
  self->query_id = g_steal_pointer (&text);
  show_problem (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
copied_done_cb (gpointer user_data)
{
  RaQuerySetupGroup *self = user_data;

  self->copied_id = 0;
  gtk_button_set_label (self->copy_button, _("_Copy NQL"));

  return G_SOURCE_REMOVE;
}

static void
copy_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  RaQuerySetupGroup *self = RA_QUERY_SETUP_GROUP (widget);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), query_texts[self->kind].nql);

  /* Said where the user looks, for a moment. */
  gtk_button_set_label (self->copy_button, _("Copied"));
  g_clear_handle_id (&self->copied_id, g_source_remove);
  self->copied_id = g_timeout_add (COPIED_FEEDBACK_MS, copied_done_cb, self);
}

static void
apply_kind (RaQuerySetupGroup *self)
{
  const QueryTexts *texts = &query_texts[self->kind];
  g_autofree char *steps = NULL;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _(texts->title));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), _(texts->description));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->id_row), _(texts->id_title));

  /* Translators: %s is an example of a query ID, such as #device_lookup */
  steps = g_strdup_printf (_("In Nexthink, open Administration → NQL API queries and add a query "
                             "with the NQL below. Give it a query ID of your choice, such as %s, "
                             "and enter that ID above."),
                           texts->example_id);
  gtk_label_set_label (self->steps_label, steps);
  gtk_label_set_label (self->nql_label, texts->nql);
  gtk_label_set_label (self->returns_label, _(texts->returns));
  gtk_label_set_label (self->parameter_label, _(texts->parameter));

  /* Two of each in one window: their descriptions tell them apart. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->copy_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _(texts->copy_description),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->setup_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _(texts->setup_description),
                                  -1);
}

static void
ra_query_setup_group_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RaQuerySetupGroup *self = RA_QUERY_SETUP_GROUP (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_query_setup_group_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RaQuerySetupGroup *self = RA_QUERY_SETUP_GROUP (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      apply_kind (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_query_setup_group_dispose (GObject *object)
{
  RaQuerySetupGroup *self = RA_QUERY_SETUP_GROUP (object);

  g_clear_handle_id (&self->copied_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), RA_TYPE_QUERY_SETUP_GROUP);

  G_OBJECT_CLASS (ra_query_setup_group_parent_class)->dispose (object);
}

static void
ra_query_setup_group_finalize (GObject *object)
{
  RaQuerySetupGroup *self = RA_QUERY_SETUP_GROUP (object);

  g_free (self->query_id);

  G_OBJECT_CLASS (ra_query_setup_group_parent_class)->finalize (object);
}

static void
ra_query_setup_group_class_init (RaQuerySetupGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  ra_accessible_fix_mnemonic_names ();

  object_class->dispose = ra_query_setup_group_dispose;
  object_class->finalize = ra_query_setup_group_finalize;
  object_class->get_property = ra_query_setup_group_get_property;
  object_class->set_property = ra_query_setup_group_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       RA_TYPE_QUERY_SETUP_KIND, RA_QUERY_SETUP_RESULTS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/ra-query-setup-group.ui");
  gtk_widget_class_bind_template_child (widget_class, RaQuerySetupGroup, id_row);
  gtk_widget_class_bind_template_child (widget_class, RaQuerySetupGroup, error_row);
  gtk_widget_class_bind_template_child (widget_class, RaQuerySetupGroup, setup_row);
  gtk_widget_class_bind_template_child (widget_class, RaQuerySetupGroup, steps_label);
  gtk_widget_class_bind_template_child (widget_class, RaQuerySetupGroup, nql_label);
  gtk_widget_class_bind_template_child (widget_class, RaQuerySetupGroup, copy_button);
  gtk_widget_class_bind_template_child (widget_class, RaQuerySetupGroup, returns_label);
  gtk_widget_class_bind_template_child (widget_class, RaQuerySetupGroup, parameter_label);
  gtk_widget_class_bind_template_child (widget_class, RaQuerySetupGroup, permissions_label);
  gtk_widget_class_bind_template_callback (widget_class, id_changed_cb);

  gtk_widget_class_install_action (widget_class, "query.copy", NULL, copy_cb);
}

static void
ra_query_setup_group_init (RaQuerySetupGroup *self)
{
  self->query_id = g_strdup ("");

  gtk_widget_init_template (GTK_WIDGET (self));

  adw_expander_row_set_expanded (self->setup_row, TRUE);
  apply_kind (self);
}

GtkWidget *
ra_query_setup_group_new (RaQuerySetupKind kind)
{
  g_return_val_if_fail (kind <= RA_QUERY_SETUP_LOOKUP, NULL);

  return g_object_new (RA_TYPE_QUERY_SETUP_GROUP, "kind", kind, NULL);
}

RaQuerySetupKind
ra_query_setup_group_get_kind (RaQuerySetupGroup *self)
{
  g_return_val_if_fail (RA_IS_QUERY_SETUP_GROUP (self), RA_QUERY_SETUP_RESULTS);

  return self->kind;
}

const char *
ra_query_setup_group_get_query_id (RaQuerySetupGroup *self)
{
  g_return_val_if_fail (RA_IS_QUERY_SETUP_GROUP (self), NULL);

  return self->query_id;
}

void
ra_query_setup_group_set_query_id (RaQuerySetupGroup *self,
                                   const char        *query_id)
{
  g_return_if_fail (RA_IS_QUERY_SETUP_GROUP (self));

  if (query_id == NULL)
    query_id = "";

  gtk_editable_set_text (GTK_EDITABLE (self->id_row), query_id);
  /* Set up already: the explanation would only lengthen the window. */
  adw_expander_row_set_expanded (self->setup_row, self->query_id[0] == '\0');
}

gboolean
ra_query_setup_group_is_valid (RaQuerySetupGroup *self)
{
  g_return_val_if_fail (RA_IS_QUERY_SETUP_GROUP (self), FALSE);

  return self->query_id[0] == '\0' || ra_nql_query_id_is_valid (self->query_id);
}

const char *
ra_query_setup_group_get_nql_text (RaQuerySetupGroup *self)
{
  g_return_val_if_fail (RA_IS_QUERY_SETUP_GROUP (self), NULL);

  return query_texts[self->kind].nql;
}
