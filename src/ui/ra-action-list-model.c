/* ra-action-list-model.c
 *
 * The chain is store (RaActionItem, made and sorted once in a worker
 * thread) → filter model → this model, which passes the filter model's
 * items on and adds the state around them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-action-list"

#include "config.h"

#include "ra-action-item.h"
#include "ra-action-list-model.h"

struct _RaActionListModel
{
  GObject             parent_instance;

  RaClient           *client;
  GCancellable       *cancellable;   /* the load under way, or NULL */

  GListModel         *store;
  RaActionFilter     *filter;
  GtkFilterListModel *filter_model;

  RaCatalogue        *catalogue;
  char               *error_message;
  RaActionListState   state;
};

static void ra_action_list_model_list_model_init (GListModelInterface *iface);

/* clang-format off */
G_DEFINE_FINAL_TYPE_WITH_CODE (RaActionListModel, ra_action_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ra_action_list_model_list_model_init))

G_DEFINE_ENUM_TYPE (RaActionListState, ra_action_list_state,
  G_DEFINE_ENUM_VALUE (RA_ACTION_LIST_STATE_NO_CLIENT, "no-client"),
  G_DEFINE_ENUM_VALUE (RA_ACTION_LIST_STATE_LOADING, "loading"),
  G_DEFINE_ENUM_VALUE (RA_ACTION_LIST_STATE_LOADED, "loaded"),
  G_DEFINE_ENUM_VALUE (RA_ACTION_LIST_STATE_EMPTY, "empty"),
  G_DEFINE_ENUM_VALUE (RA_ACTION_LIST_STATE_NO_MATCH, "no-match"),
  G_DEFINE_ENUM_VALUE (RA_ACTION_LIST_STATE_ERROR, "error"))
/* clang-format on */

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_STATE,
  PROP_LOADING,
  PROP_ACTIONS,
  PROP_N_TOTAL,
  PROP_CATALOGUE,
  PROP_ERROR_MESSAGE,
  N_PROPS
};

enum {
  ACTIONS_CHANGING,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* GListModel */

static GType
ra_action_list_model_get_item_type (GListModel *model)
{
  return RA_TYPE_ACTION_ITEM;
}

static guint
ra_action_list_model_get_n_items (GListModel *model)
{
  RaActionListModel *self = RA_ACTION_LIST_MODEL (model);

  return g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
}

static gpointer
ra_action_list_model_get_item (GListModel *model,
                               guint       position)
{
  RaActionListModel *self = RA_ACTION_LIST_MODEL (model);

  return g_list_model_get_item (G_LIST_MODEL (self->filter_model), position);
}

static void
ra_action_list_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ra_action_list_model_get_item_type;
  iface->get_n_items = ra_action_list_model_get_n_items;
  iface->get_item = ra_action_list_model_get_item;
}

/* State */

static void
ra_action_list_model_update_state (RaActionListModel *self)
{
  guint n_total = ra_action_list_model_get_n_total (self);
  RaActionListState state;

  if (self->client == NULL)
    state = RA_ACTION_LIST_STATE_NO_CLIENT;
  else if (self->error_message != NULL)
    state = RA_ACTION_LIST_STATE_ERROR;
  else if (self->cancellable != NULL)
    state = RA_ACTION_LIST_STATE_LOADING;
  else if (n_total == 0)
    state = RA_ACTION_LIST_STATE_EMPTY;
  else if (g_list_model_get_n_items (G_LIST_MODEL (self)) == 0)
    state = RA_ACTION_LIST_STATE_NO_MATCH;
  else
    state = RA_ACTION_LIST_STATE_LOADED;

  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
filter_items_changed_cb (RaActionListModel *self,
                         guint              position,
                         guint              removed,
                         guint              added,
                         GListModel        *filter_model)
{
  /* The views hear of the rows first, then of the state they make. */
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  ra_action_list_model_update_state (self);
}

static void
ra_action_list_model_set_loading (RaActionListModel *self,
                                  GCancellable      *cancellable)
{
  gboolean was_loading = self->cancellable != NULL;

  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, cancellable);

  if (was_loading != (cancellable != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
ra_action_list_model_set_error_message (RaActionListModel *self,
                                        const char        *message)
{
  if (g_strcmp0 (self->error_message, message) == 0)
    return;

  g_free (self->error_message);
  self->error_message = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
}

static void
ra_action_list_model_set_catalogue (RaActionListModel *self,
                                    RaCatalogue       *catalogue)
{
  if (g_set_object (&self->catalogue, catalogue))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOGUE]);
}

static void
ra_action_list_model_set_store (RaActionListModel *self,
                                GListModel        *store)
{
  guint old_total = ra_action_list_model_get_n_total (self);

  if (self->store == store)
    return;

  /* A view that grows its rows in, or keeps a pick across the swap,
   * gets ready here. */
  g_signal_emit (self, signals[ACTIONS_CHANGING], 0,
                 store != NULL ? g_list_model_get_n_items (store) : 0);

  g_set_object (&self->store, store);
  gtk_filter_list_model_set_model (self->filter_model, store);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIONS]);
  if (old_total != ra_action_list_model_get_n_total (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
}

/* Loading */

/* One load, so that an answer to a request that was replaced since is
 * recognized even if it arrives as a success. */
typedef struct
{
  RaActionListModel *self;
  GCancellable      *cancellable;
  RaCatalogue       *catalogue;
} Load;

static void
load_free (Load *load)
{
  g_object_unref (load->self);
  g_object_unref (load->cancellable);
  g_clear_object (&load->catalogue);
  g_free (load);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Load, load_free)

static gboolean
load_is_current (Load *load)
{
  return load->cancellable == load->self->cancellable &&
         !g_cancellable_is_cancelled (load->cancellable);
}

static void
prepare_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Load) load = user_data;
  RaActionListModel *self = load->self;
  g_autoptr(GListModel) store = NULL;

  store = ra_action_item_list_new_finish (result, NULL);
  if (store == NULL || !load_is_current (load))
    return;

  g_object_freeze_notify (G_OBJECT (self));
  ra_action_list_model_set_loading (self, NULL);
  ra_action_list_model_set_store (self, store);
  ra_action_list_model_set_catalogue (self, load->catalogue);
  ra_action_list_model_update_state (self);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
list_actions_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Load) load = user_data;
  RaActionListModel *self = load->self;
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable;

  actions = ra_client_list_actions_finish (RA_CLIENT (object), result, &error);

  if (!load_is_current (load))
    return;

  if (error != NULL)
    {
      g_object_freeze_notify (G_OBJECT (self));
      ra_action_list_model_set_loading (self, NULL);
      ra_action_list_model_set_error_message (self, error->message);
      ra_action_list_model_set_catalogue (self, NULL);
      ra_action_list_model_update_state (self);
      g_object_thaw_notify (G_OBJECT (self));
      return;
    }

  /* The client's list is a catalogue, which knows what it left out. */
  if (RA_IS_CATALOGUE (actions))
    load->catalogue = g_object_ref (RA_CATALOGUE (actions));

  cancellable = load->cancellable;
  ra_action_item_list_new_async (actions, cancellable,
                                 prepare_done_cb, g_steal_pointer (&load));
}

void
ra_action_list_model_reload (RaActionListModel *self)
{
  g_autoptr(GCancellable) cancellable = NULL;

  g_return_if_fail (RA_IS_ACTION_LIST_MODEL (self));

  g_object_freeze_notify (G_OBJECT (self));

  if (self->client != NULL)
    cancellable = g_cancellable_new ();
  ra_action_list_model_set_loading (self, cancellable);
  ra_action_list_model_set_error_message (self, NULL);

  if (self->client != NULL)
    {
      Load *load = g_new0 (Load, 1);

      load->self = g_object_ref (self);
      load->cancellable = g_object_ref (cancellable);
      ra_client_list_actions_async (self->client, RA_FILTER_ANY, RA_FILTER_ANY,
                                    cancellable, list_actions_cb, load);
    }

  ra_action_list_model_update_state (self);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Class */

static void
ra_action_list_model_dispose (GObject *object)
{
  RaActionListModel *self = RA_ACTION_LIST_MODEL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->filter_model != NULL)
    g_signal_handlers_disconnect_by_data (self->filter_model, self);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_object (&self->client);
  g_clear_object (&self->catalogue);

  G_OBJECT_CLASS (ra_action_list_model_parent_class)->dispose (object);
}

static void
ra_action_list_model_finalize (GObject *object)
{
  RaActionListModel *self = RA_ACTION_LIST_MODEL (object);

  g_free (self->error_message);

  G_OBJECT_CLASS (ra_action_list_model_parent_class)->finalize (object);
}

static void
ra_action_list_model_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RaActionListModel *self = RA_ACTION_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->cancellable != NULL);
      break;

    case PROP_ACTIONS:
      g_value_set_object (value, self->store);
      break;

    case PROP_N_TOTAL:
      g_value_set_uint (value, ra_action_list_model_get_n_total (self));
      break;

    case PROP_CATALOGUE:
      g_value_set_object (value, self->catalogue);
      break;

    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_action_list_model_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RaActionListModel *self = RA_ACTION_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      ra_action_list_model_set_client (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_action_list_model_class_init (RaActionListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ra_action_list_model_dispose;
  object_class->finalize = ra_action_list_model_finalize;
  object_class->get_property = ra_action_list_model_get_property;
  object_class->set_property = ra_action_list_model_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         RA_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       RA_TYPE_ACTION_LIST_STATE,
                       RA_ACTION_LIST_STATE_NO_CLIENT,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIONS] =
    g_param_spec_object ("actions", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_TOTAL] =
    g_param_spec_uint ("n-total", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATALOGUE] =
    g_param_spec_object ("catalogue", NULL, NULL,
                         RA_TYPE_CATALOGUE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Comes just before the list of actions is replaced, with the number of
   * actions the new one holds (0 when it is dropped). */
  signals[ACTIONS_CHANGING] =
    g_signal_new ("actions-changing",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
ra_action_list_model_init (RaActionListModel *self)
{
  self->filter = ra_action_filter_new ();
  /* The store comes sorted from the worker thread, and stays so. */
  self->filter_model = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (filter_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

RaActionListModel *
ra_action_list_model_new (void)
{
  return g_object_new (RA_TYPE_ACTION_LIST_MODEL, NULL);
}

RaClient *
ra_action_list_model_get_client (RaActionListModel *self)
{
  g_return_val_if_fail (RA_IS_ACTION_LIST_MODEL (self), NULL);

  return self->client;
}

void
ra_action_list_model_set_client (RaActionListModel *self,
                                 RaClient          *client)
{
  g_return_if_fail (RA_IS_ACTION_LIST_MODEL (self));
  g_return_if_fail (client == NULL || RA_IS_CLIENT (client));

  if (self->client == client)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  ra_action_list_model_set_loading (self, NULL);
  g_set_object (&self->client, client);

  /* Another account's actions: nothing of the old list stays. */
  ra_action_list_model_set_store (self, NULL);
  ra_action_list_model_set_catalogue (self, NULL);

  ra_action_list_model_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);

  g_object_thaw_notify (G_OBJECT (self));
}

RaActionListState
ra_action_list_model_get_state (RaActionListModel *self)
{
  g_return_val_if_fail (RA_IS_ACTION_LIST_MODEL (self), RA_ACTION_LIST_STATE_NO_CLIENT);

  return self->state;
}

gboolean
ra_action_list_model_get_loading (RaActionListModel *self)
{
  g_return_val_if_fail (RA_IS_ACTION_LIST_MODEL (self), FALSE);

  return self->cancellable != NULL;
}

RaActionFilter *
ra_action_list_model_get_filter (RaActionListModel *self)
{
  g_return_val_if_fail (RA_IS_ACTION_LIST_MODEL (self), NULL);

  return self->filter;
}

GListModel *
ra_action_list_model_get_actions (RaActionListModel *self)
{
  g_return_val_if_fail (RA_IS_ACTION_LIST_MODEL (self), NULL);

  return self->store;
}

guint
ra_action_list_model_get_n_total (RaActionListModel *self)
{
  g_return_val_if_fail (RA_IS_ACTION_LIST_MODEL (self), 0);

  return self->store != NULL ? g_list_model_get_n_items (self->store) : 0;
}

guint
ra_action_list_model_get_n_hidden_by_filters (RaActionListModel *self)
{
  g_autoptr(RaActionQuery) search_only = NULL;
  guint n_total, n_matching = 0;

  g_return_val_if_fail (RA_IS_ACTION_LIST_MODEL (self), 0);

  if (ra_action_filter_get_search_is_empty (self->filter))
    return 0;

  /* The same search with no box of the filter menu narrowing it. */
  search_only = ra_action_query_new ();
  ra_action_query_set_search (search_only, ra_action_filter_get_search (self->filter));
  for (guint flag = 0; flag < RA_ACTION_QUERY_N_FLAGS; flag++)
    ra_action_query_set_flag (search_only, flag, flag != RA_ACTION_QUERY_API_ENABLED_ONLY);

  n_total = ra_action_list_model_get_n_total (self);
  for (guint i = 0; i < n_total; i++)
    {
      g_autoptr(RaActionItem) item = g_list_model_get_item (self->store, i);

      if (ra_action_item_matches (item, search_only))
        n_matching++;
    }

  return n_matching - MIN (n_matching, g_list_model_get_n_items (G_LIST_MODEL (self)));
}

RaCatalogue *
ra_action_list_model_get_catalogue (RaActionListModel *self)
{
  g_return_val_if_fail (RA_IS_ACTION_LIST_MODEL (self), NULL);

  return self->catalogue;
}

guint
ra_action_list_model_get_n_skipped (RaActionListModel *self)
{
  g_return_val_if_fail (RA_IS_ACTION_LIST_MODEL (self), 0);

  return self->catalogue != NULL ? ra_catalogue_get_n_skipped (self->catalogue) : 0;
}

const char *
ra_action_list_model_get_error_message (RaActionListModel *self)
{
  g_return_val_if_fail (RA_IS_ACTION_LIST_MODEL (self), NULL);

  return self->error_message;
}
