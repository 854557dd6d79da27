/* ra-action-filter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-action-filter"

#include "config.h"

#include "ra-action-filter.h"
#include "ra-action-item.h"

struct _RaActionFilter
{
  GtkFilter      parent_instance;

  RaActionQuery *query;
};

G_DEFINE_FINAL_TYPE (RaActionFilter, ra_action_filter, GTK_TYPE_FILTER)

enum {
  PROP_0,
  PROP_SEARCH,
  PROP_API_ENABLED_ONLY,
  PROP_WINDOWS,
  PROP_MACOS,
  PROP_DATA_COLLECTION,
  PROP_REMEDIATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Matching */

static gboolean
ra_action_filter_match (GtkFilter *filter,
                        gpointer   item)
{
  RaActionFilter *self = RA_ACTION_FILTER (filter);

  return ra_action_item_matches (item, self->query);
}

static GtkFilterMatch
ra_action_filter_get_strictness (GtkFilter *filter)
{
  return GTK_FILTER_MATCH_SOME;
}

/* Tells the filter models how the matches changed, so that they look
 * only at the rows that can. */
static void
ra_action_filter_changed (RaActionFilter      *self,
                          RaActionQueryChange  change)
{
  switch (change)
    {
    case RA_ACTION_QUERY_SAME:
      break;
    case RA_ACTION_QUERY_NARROWER:
      gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_MORE_STRICT);
      break;
    case RA_ACTION_QUERY_WIDER:
      gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_LESS_STRICT);
      break;
    case RA_ACTION_QUERY_DIFFERENT:
    default:
      gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
      break;
    }
}

/* Properties */

static RaActionQueryFlag
flag_for_prop (guint prop_id)
{
  switch (prop_id)
    {
    case PROP_API_ENABLED_ONLY:
      return RA_ACTION_QUERY_API_ENABLED_ONLY;
    case PROP_WINDOWS:
      return RA_ACTION_QUERY_WINDOWS;
    case PROP_MACOS:
      return RA_ACTION_QUERY_MACOS;
    case PROP_DATA_COLLECTION:
      return RA_ACTION_QUERY_DATA_COLLECTION;
    case PROP_REMEDIATION:
      return RA_ACTION_QUERY_REMEDIATION;
    default:
      g_assert_not_reached ();
    }
}

static void
ra_action_filter_set_flag (RaActionFilter *self,
                           guint           prop_id,
                           gboolean        value)
{
  RaActionQueryChange change = ra_action_query_set_flag (self->query, flag_for_prop (prop_id), value);

  if (change == RA_ACTION_QUERY_SAME)
    return;

  ra_action_filter_changed (self, change);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
ra_action_filter_finalize (GObject *object)
{
  RaActionFilter *self = RA_ACTION_FILTER (object);

  ra_action_query_free (self->query);

  G_OBJECT_CLASS (ra_action_filter_parent_class)->finalize (object);
}

static void
ra_action_filter_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RaActionFilter *self = RA_ACTION_FILTER (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      g_value_set_string (value, ra_action_query_get_search (self->query));
      break;

    case PROP_API_ENABLED_ONLY:
    case PROP_WINDOWS:
    case PROP_MACOS:
    case PROP_DATA_COLLECTION:
    case PROP_REMEDIATION:
      g_value_set_boolean (value, ra_action_query_get_flag (self->query, flag_for_prop (prop_id)));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_action_filter_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RaActionFilter *self = RA_ACTION_FILTER (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      ra_action_filter_set_search (self, g_value_get_string (value));
      break;

    case PROP_API_ENABLED_ONLY:
    case PROP_WINDOWS:
    case PROP_MACOS:
    case PROP_DATA_COLLECTION:
    case PROP_REMEDIATION:
      ra_action_filter_set_flag (self, prop_id, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_action_filter_class_init (RaActionFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->finalize = ra_action_filter_finalize;
  object_class->get_property = ra_action_filter_get_property;
  object_class->set_property = ra_action_filter_set_property;

  filter_class->match = ra_action_filter_match;
  filter_class->get_strictness = ra_action_filter_get_strictness;

  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_API_ENABLED_ONLY] =
    g_param_spec_boolean ("api-enabled-only", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WINDOWS] =
    g_param_spec_boolean ("windows", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MACOS] =
    g_param_spec_boolean ("macos", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATA_COLLECTION] =
    g_param_spec_boolean ("data-collection", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REMEDIATION] =
    g_param_spec_boolean ("remediation", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ra_action_filter_init (RaActionFilter *self)
{
  self->query = ra_action_query_new ();
}

RaActionFilter *
ra_action_filter_new (void)
{
  return g_object_new (RA_TYPE_ACTION_FILTER, NULL);
}

const char *
ra_action_filter_get_search (RaActionFilter *self)
{
  g_return_val_if_fail (RA_IS_ACTION_FILTER (self), NULL);

  return ra_action_query_get_search (self->query);
}

void
ra_action_filter_set_search (RaActionFilter *self,
                             const char     *search)
{
  RaActionQueryChange change;

  g_return_if_fail (RA_IS_ACTION_FILTER (self));

  if (g_strcmp0 (ra_action_query_get_search (self->query), search) == 0)
    return;

  change = ra_action_query_set_search (self->query, search);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
  ra_action_filter_changed (self, change);
}

/* clang-format off */
#define FLAG_ACCESSORS(name, PROP)                                         \
gboolean                                                                   \
ra_action_filter_get_##name (RaActionFilter *self)                         \
{                                                                          \
  g_return_val_if_fail (RA_IS_ACTION_FILTER (self), FALSE);                \
  return ra_action_query_get_flag (self->query, flag_for_prop (PROP));     \
}                                                                          \
                                                                           \
void                                                                       \
ra_action_filter_set_##name (RaActionFilter *self,                         \
                             gboolean        value)                        \
{                                                                          \
  g_return_if_fail (RA_IS_ACTION_FILTER (self));                           \
  ra_action_filter_set_flag (self, PROP, value);                           \
}

FLAG_ACCESSORS (api_enabled_only, PROP_API_ENABLED_ONLY)
FLAG_ACCESSORS (windows, PROP_WINDOWS)
FLAG_ACCESSORS (macos, PROP_MACOS)
FLAG_ACCESSORS (data_collection, PROP_DATA_COLLECTION)
FLAG_ACCESSORS (remediation, PROP_REMEDIATION)
/* clang-format on */

gboolean
ra_action_filter_get_search_is_empty (RaActionFilter *self)
{
  g_return_val_if_fail (RA_IS_ACTION_FILTER (self), TRUE);

  return ra_action_query_get_search_is_empty (self->query);
}

gboolean
ra_action_filter_get_is_default (RaActionFilter *self)
{
  g_return_val_if_fail (RA_IS_ACTION_FILTER (self), TRUE);

  return ra_action_query_get_flags_are_default (self->query);
}
