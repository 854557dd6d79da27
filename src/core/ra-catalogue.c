/* ra-catalogue.c — the actions of a list answer, and those left out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-catalogue"

#include "config.h"

#include "ra-error.h"
#include "ra-models-private.h"

typedef struct
{
  guint  index;
  char  *id;
  char  *path;
  char  *reason;
} Skipped;

struct _RaCatalogue
{
  GObject parent_instance;

  GPtrArray *actions;
  GArray    *skipped;     /* the first RA_CATALOGUE_MAX_SKIPPED_LISTED */
  guint      n_skipped;   /* all of them */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RaCatalogue, ra_catalogue, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
ra_catalogue_get_item_type (GListModel *model)
{
  return RA_TYPE_REMOTE_ACTION;
}

static guint
ra_catalogue_get_n_items (GListModel *model)
{
  return RA_CATALOGUE (model)->actions->len;
}

static gpointer
ra_catalogue_get_item (GListModel *model,
                       guint       position)
{
  RaCatalogue *self = RA_CATALOGUE (model);

  if (position >= self->actions->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->actions, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = ra_catalogue_get_item_type;
  iface->get_n_items = ra_catalogue_get_n_items;
  iface->get_item = ra_catalogue_get_item;
}

static void
skipped_clear (gpointer data)
{
  Skipped *skipped = data;

  g_free (skipped->id);
  g_free (skipped->path);
  g_free (skipped->reason);
}

static void
ra_catalogue_finalize (GObject *object)
{
  RaCatalogue *self = (RaCatalogue *)object;

  g_clear_pointer (&self->actions, g_ptr_array_unref);
  g_clear_pointer (&self->skipped, g_array_unref);

  G_OBJECT_CLASS (ra_catalogue_parent_class)->finalize (object);
}

static void
ra_catalogue_class_init (RaCatalogueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ra_catalogue_finalize;
}

static void
ra_catalogue_init (RaCatalogue *self)
{
  self->skipped = g_array_new (FALSE, FALSE, sizeof (Skipped));
  g_array_set_clear_func (self->skipped, skipped_clear);
}

RaCatalogue *
_ra_catalogue_new (GPtrArray *actions)
{
  RaCatalogue *self = g_object_new (RA_TYPE_CATALOGUE, NULL);

  self->actions = actions != NULL ? actions : g_ptr_array_new_with_free_func (g_object_unref);

  return self;
}

gboolean
_ra_catalogue_lists_more_skipped (RaCatalogue *self)
{
  return self->skipped->len < RA_CATALOGUE_MAX_SKIPPED_LISTED;
}

void
_ra_catalogue_count_skipped (RaCatalogue *self)
{
  g_assert (RA_IS_CATALOGUE (self));

  self->n_skipped++;
}

void
_ra_catalogue_take_skipped (RaCatalogue *self,
                            guint        index,
                            char        *id,
                            char        *path,
                            char        *reason)
{
  Skipped skipped = { index, id, path, reason };

  _ra_catalogue_count_skipped (self);

  if (!_ra_catalogue_lists_more_skipped (self))
    {
      skipped_clear (&skipped);
      return;
    }

  g_array_append_val (self->skipped, skipped);
}

/* The ID of an action that could not be read, if it has a readable one,
 * so that the admin can find it on the server. */
static char *
dup_readable_id (JsonNode *node)
{
  JsonNode *id;
  const char *value;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  id = json_object_get_member (json_node_get_object (node), "id");
  if (id == NULL || !JSON_NODE_HOLDS_VALUE (id) ||
      json_node_get_value_type (id) != G_TYPE_STRING)
    return NULL;

  value = json_node_get_string (id);
  if (value == NULL || value[0] == '\0' || !g_utf8_validate (value, -1, NULL))
    return NULL;

  return g_strdup (value);
}

RaCatalogue *
ra_catalogue_new_from_json (JsonNode  *node,
                            GError   **error)
{
  g_autofree char *problem_path = NULL;
  RaJsonPath root = RA_JSON_PATH_INIT (NULL);
  RaCatalogue *self;
  JsonArray *array = NULL;
  guint n;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!ra_json_node_array (node, &root, RA_JSON_REQUIRED, &array, error))
    return NULL;

  n = json_array_get_length (array);
  self = _ra_catalogue_new (g_ptr_array_new_full (n, g_object_unref));

  root.problem_path = &problem_path;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) local_error = NULL;
      RaJsonPath element = ra_json_path_element (&root, i);
      JsonNode *item = json_array_get_element (array, i);
      RaRemoteAction *action;

      action = _ra_remote_action_parse (item, &element, &local_error);
      if (action != NULL)
        {
          g_ptr_array_add (self->actions, action);
          continue;
        }

      if (!_ra_catalogue_lists_more_skipped (self))
        {
          _ra_catalogue_count_skipped (self);
          continue;
        }
      if (problem_path == NULL)
        problem_path = ra_json_path_to_string (&element);
      _ra_catalogue_take_skipped (self, i, dup_readable_id (item),
                                  g_steal_pointer (&problem_path),
                                  g_strdup (local_error->message));
    }

  return self;
}

guint
ra_catalogue_get_n_skipped (RaCatalogue *self)
{
  g_return_val_if_fail (RA_IS_CATALOGUE (self), 0);

  return self->n_skipped;
}

guint
ra_catalogue_get_n_skipped_listed (RaCatalogue *self)
{
  g_return_val_if_fail (RA_IS_CATALOGUE (self), 0);

  return self->skipped->len;
}

guint
ra_catalogue_get_skipped_index (RaCatalogue *self,
                                guint        i)
{
  g_return_val_if_fail (RA_IS_CATALOGUE (self), 0);
  g_return_val_if_fail (i < self->skipped->len, 0);

  return g_array_index (self->skipped, Skipped, i).index;
}

const char *
ra_catalogue_get_skipped_id (RaCatalogue *self,
                             guint        i)
{
  g_return_val_if_fail (RA_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (i < self->skipped->len, NULL);

  return g_array_index (self->skipped, Skipped, i).id;
}

const char *
ra_catalogue_get_skipped_path (RaCatalogue *self,
                               guint        i)
{
  g_return_val_if_fail (RA_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (i < self->skipped->len, NULL);

  return g_array_index (self->skipped, Skipped, i).path;
}

const char *
ra_catalogue_get_skipped_reason (RaCatalogue *self,
                                 guint        i)
{
  g_return_val_if_fail (RA_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (i < self->skipped->len, NULL);

  return g_array_index (self->skipped, Skipped, i).reason;
}
