/* ra-device-resolver.c — device names to collector IDs, through NQL
 *
 * One NQL execute per name, a few in flight at once: enough to resolve
 * a few hundred names in seconds, few enough not to be the reason an
 * instance starts answering 429. The names become RaDeviceName items in
 * a list model that a view can follow while they resolve.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-device-resolver"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ra-client.h"
#include "ra-device-name-private.h"
#include "ra-device-resolver-private.h"
#include "ra-error.h"
#include "ra-nql-queries.h"
#include "ra-nql-result.h"

/* Longer names are not device names (Nexthink keeps 255 characters). */
#define MAX_NAME_BYTES 255
/* How often one name is tried again after the client gave up on a 429. */
#define MAX_RATE_LIMITED_ROUNDS 2
/* The longest pause after a 429. */
#define MAX_PAUSE_SECONDS 240

typedef struct
{
  RaDeviceName *item;
  guint         n_rate_limited;
} Lookup;

struct _RaDeviceResolver
{
  GObject parent_instance;

  RaClient *client;
  char *query_id;
  guint concurrency;
  RaClock *clock;

  GListStore *names;
  guint n_done;

  /* The resolution under way, if any. */
  GTask *task;
  GCancellable *cancellable;      /* ours: cancels the lookups in flight */
  gulong cancelled_id;            /* on the caller's cancellable */
  GQueue queue;                   /* of Lookup*, still to send */
  guint in_flight;
  guint max_in_flight;
  GSource *pause;                 /* no lookup starts until it fires */
  guint n_pauses;
  GError *fatal;
};

G_DEFINE_FINAL_TYPE (RaDeviceResolver, ra_device_resolver, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_DONE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
lookup_free (Lookup *lookup)
{
  g_object_unref (lookup->item);
  g_free (lookup);
}

static void
clear_pause (RaDeviceResolver *self)
{
  if (self->pause != NULL)
    {
      g_source_destroy (self->pause);
      g_clear_pointer (&self->pause, g_source_unref);
    }
}

static void
ra_device_resolver_dispose (GObject *object)
{
  RaDeviceResolver *self = (RaDeviceResolver *)object;

  /* A resolution holds a reference: nothing is under way here. */
  clear_pause (self);
  g_queue_clear_full (&self->queue, (GDestroyNotify) lookup_free);

  G_OBJECT_CLASS (ra_device_resolver_parent_class)->dispose (object);
}

static void
ra_device_resolver_finalize (GObject *object)
{
  RaDeviceResolver *self = (RaDeviceResolver *)object;

  g_clear_object (&self->client);
  g_clear_object (&self->clock);
  g_clear_object (&self->names);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->fatal);
  g_free (self->query_id);

  G_OBJECT_CLASS (ra_device_resolver_parent_class)->finalize (object);
}

static void
ra_device_resolver_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RaDeviceResolver *self = RA_DEVICE_RESOLVER (object);

  switch (prop_id)
    {
    case PROP_N_DONE:
      g_value_set_uint (value, self->n_done);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->task != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_device_resolver_class_init (RaDeviceResolverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ra_device_resolver_dispose;
  object_class->finalize = ra_device_resolver_finalize;
  object_class->get_property = ra_device_resolver_get_property;

  properties [PROP_N_DONE] =
    g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ra_device_resolver_init (RaDeviceResolver *self)
{
  self->concurrency = RA_DEVICE_RESOLVER_DEFAULT_CONCURRENCY;
  self->clock = ra_clock_new_system ();
  self->names = g_list_store_new (RA_TYPE_DEVICE_NAME);
  g_queue_init (&self->queue);
}

RaDeviceResolver *
ra_device_resolver_new (RaClient   *client,
                        const char *query_id)
{
  RaDeviceResolver *self;

  g_return_val_if_fail (RA_IS_CLIENT (client), NULL);
  g_return_val_if_fail (query_id != NULL, NULL);

  self = g_object_new (RA_TYPE_DEVICE_RESOLVER, NULL);
  self->client = g_object_ref (client);
  self->query_id = g_strdup (query_id);

  return self;
}

RaClient *
ra_device_resolver_get_client (RaDeviceResolver *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_RESOLVER (self), NULL);

  return self->client;
}

const char *
ra_device_resolver_get_query_id (RaDeviceResolver *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_RESOLVER (self), NULL);

  return self->query_id;
}

void
ra_device_resolver_set_concurrency (RaDeviceResolver *self,
                                    guint             concurrency)
{
  g_return_if_fail (RA_IS_DEVICE_RESOLVER (self));
  g_return_if_fail (concurrency >= 1 && concurrency <= RA_DEVICE_RESOLVER_MAX_CONCURRENCY);

  self->concurrency = concurrency;
}

guint
ra_device_resolver_get_concurrency (RaDeviceResolver *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_RESOLVER (self), 0);

  return self->concurrency;
}

void
ra_device_resolver_set_clock (RaDeviceResolver *self,
                              RaClock          *clock)
{
  g_return_if_fail (RA_IS_DEVICE_RESOLVER (self));
  g_return_if_fail (RA_IS_CLOCK (clock));

  g_set_object (&self->clock, clock);
}

guint
ra_device_resolver_get_max_in_flight (RaDeviceResolver *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_RESOLVER (self), 0);

  return self->max_in_flight;
}

GListModel *
ra_device_resolver_get_names (RaDeviceResolver *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_RESOLVER (self), NULL);

  return G_LIST_MODEL (self->names);
}

guint
ra_device_resolver_get_n_done (RaDeviceResolver *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_RESOLVER (self), 0);

  return self->n_done;
}

gboolean
ra_device_resolver_get_busy (RaDeviceResolver *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_RESOLVER (self), FALSE);

  return self->task != NULL;
}

static void
count_done (RaDeviceResolver *self)
{
  self->n_done++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_DONE]);
}

/* Why a name cannot be looked up as it is, or NULL. */
static char *
check_name (const char *name)
{
  if (strlen (name) > MAX_NAME_BYTES)
    return g_strdup (_("This is too long for a device name."));

  /* NQL's == would take them as wildcards and match other devices. */
  if (strpbrk (name, "*?") != NULL)
    return g_strdup (_("Device names with * or ? are not looked up: type the whole name."));

  for (const char *p = name; *p != '\0'; p++)
    if (g_ascii_iscntrl (*p))
      return g_strdup (_("This is not a device name."));

  return NULL;
}

/* Ends the resolution once nothing is in flight any more. */
static void
maybe_finish (RaDeviceResolver *self)
{
  g_autoptr(GTask) task = NULL;
  GCancellable *cancellable;

  if (self->task == NULL || self->in_flight > 0)
    return;

  if (self->fatal == NULL && !g_cancellable_is_cancelled (self->cancellable) &&
      (self->pause != NULL || !g_queue_is_empty (&self->queue)))
    return;

  task = g_steal_pointer (&self->task);
  cancellable = g_task_get_cancellable (task);
  if (self->cancelled_id != 0)
    g_cancellable_disconnect (cancellable, self->cancelled_id);
  self->cancelled_id = 0;
  clear_pause (self);
  g_queue_clear_full (&self->queue, (GDestroyNotify) lookup_free);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);

  if (self->fatal != NULL)
    g_task_return_error (task, g_steal_pointer (&self->fatal));
  else if (!g_task_return_error_if_cancelled (task))
    g_task_return_boolean (task, TRUE);
}

static void send_lookups (RaDeviceResolver *self);

static gboolean
pause_over_cb (gpointer user_data)
{
  RaDeviceResolver *self = user_data;

  g_clear_pointer (&self->pause, g_source_unref);
  send_lookups (self);
  maybe_finish (self);

  return G_SOURCE_REMOVE;
}

/* No lookup starts for a while: the client has waited for what the
 * server asked, or was asked to wait longer than it does by itself, and
 * the server still answers 429. The pause is as long as the server
 * asked, and at least a back-off that grows each time. */
static void
start_pause (RaDeviceResolver *self)
{
  guint seconds;

  if (self->pause != NULL)
    return;

  seconds = MIN ((guint) RA_DEVICE_RESOLVER_PAUSE_SECONDS << MIN (self->n_pauses, 8),
                 MAX_PAUSE_SECONDS);
  seconds = MAX (seconds, ra_client_get_retry_after_seconds (self->client));
  self->n_pauses++;
  g_debug ("Lookups throttled, pausing for %u s", seconds);

  self->pause = ra_clock_timeout_source_new (self->clock, seconds * 1000);
  g_source_set_callback (self->pause, pause_over_cb, self, NULL);
  g_source_set_static_name (self->pause, "[ra] device resolver pause");
  g_source_attach (self->pause, g_task_get_context (self->task));
}

/* The query cannot work for any name: the whole resolution stops. */
static gboolean
is_fatal (const GError *error)
{
  return g_error_matches (error, RA_ERROR, RA_ERROR_NOT_FOUND) ||
         g_error_matches (error, RA_ERROR, RA_ERROR_FORBIDDEN) ||
         g_error_matches (error, RA_ERROR, RA_ERROR_UNAUTHORIZED) ||
         g_error_matches (error, RA_ERROR, RA_ERROR_INVALID_INPUT) ||
         g_error_matches (error, RA_ERROR, RA_ERROR_INVALID_ENDPOINT);
}

static void
fail (RaDeviceResolver *self,
      GError           *error)
{
  if (self->fatal == NULL)
    self->fatal = error;
  else
    g_error_free (error);

  g_cancellable_cancel (self->cancellable);
}

static const char *
uid_column (RaNqlResult *result)
{
  static const char * const names[] = {
    RA_DEVICE_RESOLVER_UID_COLUMN, "collector.uid", "device.collector.id", NULL
  };
  const char * const *columns = ra_nql_result_get_columns (result);

  for (guint i = 0; names[i] != NULL; i++)
    if (g_strv_contains (columns, names[i]))
      return names[i];

  return NULL;
}

/* The devices of the answer, each once; FALSE when the answer has rows
 * but no collector IDs, which the query's fault is. */
static gboolean
apply_answer (RaDeviceResolver *self,
              RaDeviceName     *item,
              RaNqlResult      *result)
{
  g_autoptr(GPtrArray) uids = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *column = uid_column (result);
  guint n_rows = ra_nql_result_get_n_rows (result);

  if (n_rows > 0 && column == NULL)
    return FALSE;

  for (guint row = 0; row < n_rows; row++)
    {
      const char *uid = ra_nql_result_get_value (result, row, column);
      const char *name = ra_nql_result_get_value (result, row, RA_DEVICE_RESOLVER_NAME_COLUMN);
      gboolean seen = FALSE;

      /* A row without a usable ID names no device that could be sent. */
      if (uid == NULL || !g_uuid_string_is_valid (uid))
        continue;

      for (guint i = 0; i < uids->len && !seen; i++)
        seen = g_ascii_strcasecmp (g_ptr_array_index (uids, i), uid) == 0;
      if (seen)
        continue;

      g_ptr_array_add (uids, (gpointer) uid);
      g_ptr_array_add (names, (gpointer) (name != NULL ? name : ra_device_name_get_name (item)));
    }

  _ra_device_name_set_matches (item, (const char * const *) uids->pdata,
                               (const char * const *) names->pdata, uids->len);
  return TRUE;
}

typedef struct
{
  RaDeviceResolver *self;
  Lookup           *lookup;
} Call;

static void
lookup_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Call *call = user_data;
  g_autoptr(RaDeviceResolver) self = call->self;
  Lookup *lookup = call->lookup;
  g_autoptr(RaNqlResult) answer = NULL;
  g_autoptr(GError) error = NULL;

  g_free (call);
  self->in_flight--;

  answer = ra_client_nql_execute_finish (RA_CLIENT (object), result, &error);

  if (answer != NULL)
    {
      if (apply_answer (self, lookup->item, answer))
        count_done (self);
      else
        fail (self, g_error_new (RA_ERROR, RA_ERROR_MALFORMED_RESPONSE,
                                 _("The device lookup query %s answers no collector IDs. In "
                                   "Nexthink, make it list device.name and "
                                   "device.collector.uid."),
                                 self->query_id));
      lookup_free (lookup);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      lookup_free (lookup);
    }
  else if (g_error_matches (error, RA_ERROR, RA_ERROR_RATE_LIMITED) &&
           lookup->n_rate_limited < MAX_RATE_LIMITED_ROUNDS &&
           !g_cancellable_is_cancelled (self->cancellable))
    {
      lookup->n_rate_limited++;
      g_queue_push_head (&self->queue, lookup);
      start_pause (self);
    }
  else if (is_fatal (error))
    {
      g_prefix_error (&error, _("The device lookup query %s did not run. "), self->query_id);
      fail (self, g_steal_pointer (&error));
      lookup_free (lookup);
    }
  else
    {
      _ra_device_name_set_error (lookup->item, error->message);
      count_done (self);
      lookup_free (lookup);
    }

  send_lookups (self);
  maybe_finish (self);
}

static void
send_lookups (RaDeviceResolver *self)
{
  while (self->task != NULL && self->pause == NULL && self->in_flight < self->concurrency &&
         !g_queue_is_empty (&self->queue) && !g_cancellable_is_cancelled (self->cancellable))
    {
      g_autoptr(GHashTable) parameters = g_hash_table_new (g_str_hash, g_str_equal);
      Call *call = g_new0 (Call, 1);

      call->self = g_object_ref (self);
      call->lookup = g_queue_pop_head (&self->queue);
      g_hash_table_insert (parameters, (gpointer) RA_NQL_LOOKUP_PARAMETER,
                           (gpointer) ra_device_name_get_name (call->lookup->item));

      self->in_flight++;
      self->max_in_flight = MAX (self->max_in_flight, self->in_flight);
      ra_client_nql_execute_async (self->client, self->query_id, parameters, self->cancellable,
                                   lookup_done_cb, call);
    }
}

static void
cancelled_cb (GCancellable *cancellable,
              gpointer      user_data)
{
  RaDeviceResolver *self = user_data;

  g_cancellable_cancel (self->cancellable);
}

static gboolean
finish_cancelled_cb (gpointer user_data)
{
  RaDeviceResolver *self = user_data;

  /* The lookups in flight end by themselves; a pause does not. */
  clear_pause (self);
  maybe_finish (self);

  return G_SOURCE_REMOVE;
}

static void
our_cancelled_cb (GCancellable *cancellable,
                  gpointer      user_data)
{
  RaDeviceResolver *self = user_data;

  g_autoptr(GSource) idle = NULL;

  /* Possibly from another thread, and within the caller's cancellable's
   * signal, which cannot be disconnected from there: the rest happens
   * later, where we run. */
  if (self->task == NULL)
    return;

  idle = g_idle_source_new ();
  g_source_set_callback (idle, finish_cancelled_cb, g_object_ref (self), g_object_unref);
  g_source_set_static_name (idle, "[ra] device resolver cancelled");
  g_source_attach (idle, g_task_get_context (self->task));
}

void
ra_device_resolver_resolve_async (RaDeviceResolver    *self,
                                  const char * const  *names,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (RA_IS_DEVICE_RESOLVER (self));
  g_return_if_fail (names != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (self->task == NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ra_device_resolver_resolve_async);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (names[i]));
      g_autofree char *key = NULL;

      if (name[0] == '\0' || !g_utf8_validate (name, -1, NULL))
        continue;

      key = g_utf8_casefold (name, -1);
      if (!g_hash_table_add (seen, g_steal_pointer (&key)))
        continue;

      if (items->len == RA_DEVICE_RESOLVER_MAX_NAMES)
        {
          g_task_return_new_error (task, RA_ERROR, RA_ERROR_INVALID_INPUT,
                                   _("More than %u device names cannot be looked up at once. For "
                                     "more devices, export them from Nexthink as a CSV file "
                                     "with their collector IDs, and import that file into the "
                                     "list."),
                                   RA_DEVICE_RESOLVER_MAX_NAMES);
          return;
        }

      g_ptr_array_add (items, ra_device_name_new (name));
    }

  self->task = g_steal_pointer (&task);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_signal_connect (self->cancellable, "cancelled", G_CALLBACK (our_cancelled_cb), self);
  g_clear_error (&self->fatal);
  self->in_flight = 0;
  self->max_in_flight = 0;
  self->n_pauses = 0;
  self->n_done = 0;

  g_list_store_splice (self->names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->names)),
                       items->pdata, items->len);

  for (guint i = 0; i < items->len; i++)
    {
      RaDeviceName *item = g_ptr_array_index (items, i);
      g_autofree char *problem = check_name (ra_device_name_get_name (item));

      if (problem != NULL)
        {
          _ra_device_name_set_error (item, problem);
          self->n_done++;
        }
      else
        {
          Lookup *lookup = g_new0 (Lookup, 1);

          lookup->item = g_object_ref (item);
          g_queue_push_tail (&self->queue, lookup);
        }
    }

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_DONE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
  g_object_thaw_notify (G_OBJECT (self));

  if (cancellable != NULL)
    self->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (cancelled_cb),
                                                self, NULL);

  send_lookups (self);
  maybe_finish (self);
}

gboolean
ra_device_resolver_resolve_finish (RaDeviceResolver  *self,
                                   GAsyncResult      *result,
                                   GError           **error)
{
  g_return_val_if_fail (RA_IS_DEVICE_RESOLVER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ra_device_resolver_resolve_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
