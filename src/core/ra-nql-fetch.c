/* ra-nql-fetch.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-nql-fetch"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "ra-client-private.h"
#include "ra-endpoint-private.h"
#include "ra-error.h"
#include "ra-http-private.h"
#include "ra-json-private.h"
#include "ra-nql-fetch.h"
#include "ra-nql-result-private.h"

#define EXPORT_PATH        "/api/v1/nql/export"
#define STATUS_PATH        "/api/v1/nql/status/"
/* The status is read after a second, then less and less often: an
 * export is "for large queries at a low frequency". */
#define FIRST_POLL_MS      1000
#define MAX_POLL_MS        15000
/* An export still running after this long is given up on. */
#define EXPORT_TIMEOUT_SEC (30 * 60)
/* A results file may be large and the link is valid for 15 minutes: the
 * download gets as long, where an API exchange gets 90 seconds. */
#define DOWNLOAD_DEADLINE_MS (15 * 60 * 1000)

struct _RaNqlFetch
{
  GObject          parent_instance;

  RaClient        *client;
  char            *query_id;
  GHashTable      *parameters;   /* string → string, or NULL */
  gsize            max_file_size;
  gboolean         started;

  RaNqlFetchStage  stage;
  guint64          bytes_received;
  guint64          bytes_total;
};

G_DEFINE_FINAL_TYPE (RaNqlFetch, ra_nql_fetch, G_TYPE_OBJECT)

/* clang-format off */
G_DEFINE_ENUM_TYPE (RaNqlFetchStage, ra_nql_fetch_stage,
  G_DEFINE_ENUM_VALUE (RA_NQL_FETCH_STAGE_IDLE, "idle"),
  G_DEFINE_ENUM_VALUE (RA_NQL_FETCH_STAGE_QUERYING, "querying"),
  G_DEFINE_ENUM_VALUE (RA_NQL_FETCH_STAGE_EXPORTING, "exporting"),
  G_DEFINE_ENUM_VALUE (RA_NQL_FETCH_STAGE_DOWNLOADING, "downloading"),
  G_DEFINE_ENUM_VALUE (RA_NQL_FETCH_STAGE_READING, "reading"),
  G_DEFINE_ENUM_VALUE (RA_NQL_FETCH_STAGE_DONE, "done"))
/* clang-format on */

enum {
  PROP_0,
  PROP_STAGE,
  PROP_BYTES_RECEIVED,
  PROP_BYTES_TOTAL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* One run, across its execute, export, polls, download and parsing. */
typedef struct
{
  char        *export_id;
  guint        poll_ms;
  gint64       export_started_usec;   /* monotonic, on the client's clock */
  gboolean     truncated;             /* the status answered 206 */
  SoupSession *session;
  SoupMessage *message;
  GBytes      *file;
} Run;

static void
run_free (Run *run)
{
  g_free (run->export_id);
  g_clear_object (&run->message);
  g_clear_object (&run->session);
  g_clear_pointer (&run->file, g_bytes_unref);
  g_free (run);
}

static void
set_stage (RaNqlFetch      *self,
           RaNqlFetchStage  stage)
{
  if (self->stage == stage)
    return;

  self->stage = stage;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STAGE]);
}

static void
set_bytes (RaNqlFetch *self,
           guint64     received,
           guint64     total)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->bytes_received != received)
    {
      self->bytes_received = received;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BYTES_RECEIVED]);
    }
  if (self->bytes_total != total)
    {
      self->bytes_total = total;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BYTES_TOTAL]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static void
return_error (GTask  *task,
              GError *error)
{
  set_stage (g_task_get_source_object (task), RA_NQL_FETCH_STAGE_DONE);
  g_task_return_error (task, error);
}

static void
return_result (GTask       *task,
               RaNqlResult *result)
{
  set_stage (g_task_get_source_object (task), RA_NQL_FETCH_STAGE_DONE);
  g_task_return_pointer (task, result, g_object_unref);
}

static gboolean
return_if_cancelled (GTask *task)
{
  GError *error = NULL;

  if (!g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    return FALSE;

  return_error (task, error);
  return TRUE;
}

/* Reading the results file */

static void
read_file_in_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  RaNqlFetch *self = source_object;
  Run *run = g_task_get_task_data (task_data);
  GError *error = NULL;
  RaNqlResult *result;
  const char *data;
  gsize size;

  if (g_task_return_error_if_cancelled (task))
    return;

  data = g_bytes_get_data (run->file, &size);
  result = _ra_nql_result_new_from_csv (self->query_id, data, size, run->truncated, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, g_object_unref);
}

static void
file_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  RaNqlResult *rows;

  rows = g_task_propagate_pointer (G_TASK (result), &error);
  if (rows == NULL)
    return_error (task, error);
  else
    return_result (task, rows);
}

/* Downloading it */

static void
download_progress_cb (guint64  received,
                      guint64  total,
                      gpointer user_data)
{
  set_bytes (user_data, received, total);
}

static GError *
download_status_error (SoupMessage *message)
{
  guint status = soup_message_get_status (message);
  const char *host = g_uri_get_host (soup_message_get_uri (message));

  if (SOUP_STATUS_IS_REDIRECTION (status))
    return g_error_new (RA_ERROR, RA_ERROR_SERVER,
                        _("The export’s results file on %s is sent on to another address, "
                          "which this app does not follow."),
                        host);

  /* What S3 answers once the link has expired (15 minutes). */
  if (status == SOUP_STATUS_FORBIDDEN || status == SOUP_STATUS_NOT_FOUND ||
      status == SOUP_STATUS_GONE)
    return g_error_new (RA_ERROR, RA_ERROR_SERVER,
                        _("The export’s results file could not be downloaded from %s "
                          "(HTTP %u): its link may have expired. Refresh to export again."),
                        host, status);

  return g_error_new (RA_ERROR, RA_ERROR_SERVER,
                      _("The export’s results file could not be downloaded from %s "
                        "(HTTP %u). Try again later."),
                      host, status);
}

static void
downloaded_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RaNqlFetch *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autoptr(GTask) reading = NULL;
  g_autoptr(GError) error = NULL;

  run->file = ra_http_send_finish (result, &error);
  if (run->file == NULL)
    {
      if (g_error_matches (error, RA_ERROR, RA_ERROR_RESPONSE_TOO_LARGE))
        {
          g_autofree char *size = g_format_size (self->max_file_size);

          return_error (task, g_error_new (RA_ERROR, RA_ERROR_RESPONSE_TOO_LARGE,
                                           _("The export’s results file is larger than %s, "
                                             "the most this app downloads."),
                                           size));
          return;
        }

      return_error (task, ra_http_map_transport_error (error, run->message, FALSE));
      return;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (run->message)))
    {
      return_error (task, download_status_error (run->message));
      return;
    }

  set_bytes (self, g_bytes_get_size (run->file), MAX (self->bytes_total, g_bytes_get_size (run->file)));
  set_stage (self, RA_NQL_FETCH_STAGE_READING);

  /* Ten thousand devices make a file of megabytes: parsed away from the
   * main loop, handed back whole. */
  reading = g_task_new (self, g_task_get_cancellable (task), file_read_cb, g_object_ref (task));
  g_task_set_source_tag (reading, read_file_in_thread);
  g_task_set_task_data (reading, g_object_ref (task), g_object_unref);
  g_task_run_in_thread (reading, read_file_in_thread);
}

/* The URL comes from the server: it must be safe to fetch as it is. */
static GUri *
parse_file_url (const char  *url,
                GError     **error)
{
  g_autoptr(GUri) uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  const char *scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;

  if (uri == NULL || host == NULL || host[0] == '\0' ||
      (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0) ||
      g_uri_get_userinfo (uri) != NULL)
    {
      g_set_error_literal (error, RA_ERROR, RA_ERROR_MALFORMED_RESPONSE,
                           _("The export finished, but the address of its results file is not "
                             "a valid web address."));
      return NULL;
    }

  /* No certificate checks over http://: the file could come from anyone. */
  if (g_ascii_strcasecmp (scheme, "http") == 0 && !ra_endpoint_host_is_loopback (host))
    {
      g_set_error (error, RA_ERROR, RA_ERROR_INVALID_ENDPOINT,
                   _("The export’s results file is on %s over unencrypted http://. This app "
                     "downloads results over https:// only."),
                   host);
      return NULL;
    }

  return g_steal_pointer (&uri);
}

static void
start_download (GTask      *task,
                const char *url)
{
  RaNqlFetch *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autoptr(GUri) uri = NULL;
  GError *error = NULL;

  uri = parse_file_url (url, &error);
  if (uri == NULL)
    {
      return_error (task, error);
      return;
    }

  /* A session of its own: the file's host gets no token, no cookie and
   * no connection of the API's, and no credentials if it asks for some. */
  run->session = ra_http_session_new ();
  soup_session_remove_feature_by_type (run->session, SOUP_TYPE_AUTH_MANAGER);
  soup_session_remove_feature_by_type (run->session, SOUP_TYPE_COOKIE_JAR);
  ra_http_session_set_deadline (run->session, DOWNLOAD_DEADLINE_MS);
  ra_http_session_set_clock (run->session, ra_client_get_clock (self->client));

  run->message = soup_message_new_from_uri (SOUP_METHOD_GET, uri);
  soup_message_add_flags (run->message, SOUP_MESSAGE_NO_REDIRECT);
  soup_message_headers_replace (soup_message_get_request_headers (run->message),
                                "Accept", "text/csv, */*");

  set_bytes (self, 0, 0);
  set_stage (self, RA_NQL_FETCH_STAGE_DOWNLOADING);

  ra_http_send_with_progress_async (run->session, run->message, self->max_file_size,
                                    download_progress_cb, self,
                                    g_task_get_cancellable (task),
                                    downloaded_cb, g_object_ref (task));
}

/* Polling the export's status */

static void poll_status (GTask *task);

static gboolean
poll_timeout_cb (gpointer user_data)
{
  GTask *task = user_data;

  if (!return_if_cancelled (task))
    poll_status (task);

  return G_SOURCE_REMOVE;
}

static void
schedule_poll (GTask *task)
{
  RaNqlFetch *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autoptr(GSource) source = NULL;

  source = ra_clock_wait_source_new (ra_client_get_clock (self->client), run->poll_ms,
                                     g_task_get_cancellable (task));
  g_source_set_callback (source, poll_timeout_cb, g_object_ref (task), g_object_unref);
  g_source_set_static_name (source, "[ra] export status poll");
  g_source_attach (source, g_task_get_context (task));

  run->poll_ms = MIN (run->poll_ms * 2, MAX_POLL_MS);
}

static GError *
export_failed_error (const char *description)
{
  g_autofree char *clean = ra_http_clean_server_text (description);

  if (clean != NULL)
    return g_error_new (RA_ERROR, RA_ERROR_SERVER,
                        _("Nexthink could not export the query’s results: %s."), clean);

  return g_error_new_literal (RA_ERROR, RA_ERROR_SERVER,
                              _("Nexthink could not export the query’s results. Try again "
                                "later."));
}

static void
status_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RaNqlFetch *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autoptr(JsonNode) root = NULL;
  RaJsonPath path = RA_JSON_PATH_INIT (NULL);
  JsonObject *answer = NULL;
  const char *status = NULL;
  const char *url = NULL;
  const char *description = NULL;
  GError *error = NULL;
  guint http_status = 0;

  root = ra_client_call_json_finish (RA_CLIENT (object), result, &http_status, &error);
  if (root == NULL)
    {
      return_error (task, error);
      return;
    }

  if (!ra_json_node_object (root, &path, RA_JSON_REQUIRED, &answer, &error) ||
      !ra_json_member_string (answer, &path, "status", RA_JSON_REQUIRED | RA_JSON_NON_EMPTY,
                              &status, &error) ||
      !ra_json_member_string (answer, &path, "resultsFileUrl", RA_JSON_OPTIONAL, &url, &error) ||
      !ra_json_member_string (answer, &path, "errorDescription", RA_JSON_OPTIONAL,
                              &description, &error))
    {
      return_error (task, error);
      return;
    }

  /* The results are cut at what the licence allows. */
  if (http_status == SOUP_STATUS_PARTIAL_CONTENT)
    run->truncated = TRUE;

  if (g_str_equal (status, "SUBMITTED") || g_str_equal (status, "IN_PROGRESS"))
    {
      RaClock *clock = ra_client_get_clock (self->client);

      if (ra_clock_get_monotonic_usec (clock) - run->export_started_usec >=
          (gint64) EXPORT_TIMEOUT_SEC * G_USEC_PER_SEC)
        {
          return_error (task, g_error_new (RA_ERROR, RA_ERROR_TIMED_OUT,
                                           _("Nexthink has not finished exporting the query’s "
                                             "results after %u minutes. Try again later."),
                                           EXPORT_TIMEOUT_SEC / 60));
          return;
        }

      schedule_poll (task);
      return;
    }

  if (g_str_equal (status, "ERROR"))
    {
      return_error (task, export_failed_error (description));
      return;
    }

  if (!g_str_equal (status, "COMPLETED"))
    {
      g_autofree char *clean = ra_http_clean_server_text (status);

      return_error (task, g_error_new (RA_ERROR, RA_ERROR_MALFORMED_RESPONSE,
                                       _("The export of the query’s results has the status "
                                         "“%s”, which this app does not know."),
                                       clean != NULL ? clean : "?"));
      return;
    }

  if (url == NULL || url[0] == '\0')
    {
      g_autoptr(GError) missing = NULL;
      RaJsonPath url_path = ra_json_path_member (&path, "resultsFileUrl");

      ra_json_set_missing (&missing, &url_path);
      return_error (task, g_steal_pointer (&missing));
      return;
    }

  start_download (task, url);
}

static void
poll_status (GTask *task)
{
  RaNqlFetch *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autofree char *escaped = g_uri_escape_string (run->export_id, NULL, FALSE);
  g_autofree char *path = g_strconcat (STATUS_PATH, escaped, NULL);

  ra_client_call_json_async (self->client, SOUP_METHOD_GET, path, NULL, TRUE,
                             g_task_get_cancellable (task), status_cb, g_object_ref (task));
}

static void
export_started_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RaNqlFetch *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autoptr(JsonNode) root = NULL;
  RaJsonPath path = RA_JSON_PATH_INIT (NULL);
  JsonObject *answer = NULL;
  GError *error = NULL;

  root = ra_client_call_json_finish (RA_CLIENT (object), result, NULL, &error);
  if (root == NULL ||
      !ra_json_node_object (root, &path, RA_JSON_REQUIRED, &answer, &error) ||
      !ra_json_member_dup_string (answer, &path, "exportId", RA_JSON_REQUIRED | RA_JSON_NON_EMPTY,
                                  &run->export_id, &error))
    {
      return_error (task, error);
      return;
    }

  g_debug ("Export %s started", run->export_id);
  run->export_started_usec = ra_clock_get_monotonic_usec (ra_client_get_clock (self->client));
  run->poll_ms = FIRST_POLL_MS;
  schedule_poll (task);
}

static void
executed_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RaNqlFetch *self = g_task_get_source_object (task);
  g_autoptr(RaNqlResult) answer = NULL;
  g_autoptr(JsonNode) body = NULL;
  GError *error = NULL;

  answer = ra_client_nql_execute_finish (RA_CLIENT (object), result, &error);
  if (answer == NULL)
    {
      return_error (task, error);
      return;
    }

  if (!ra_nql_result_get_may_be_incomplete (answer))
    {
      return_result (task, g_steal_pointer (&answer));
      return;
    }

  /* As many rows as execute ever answers, or fewer than it said: the
   * export has them all. */
  g_debug ("NQL execute answered %u rows, exporting", ra_nql_result_get_n_rows (answer));
  set_stage (self, RA_NQL_FETCH_STAGE_EXPORTING);
  body = ra_client_build_nql_body (self->query_id, self->parameters);
  ra_client_call_json_async (self->client, SOUP_METHOD_POST, EXPORT_PATH, body, TRUE,
                             g_task_get_cancellable (task), export_started_cb,
                             g_object_ref (task));
}

void
ra_nql_fetch_run_async (RaNqlFetch          *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RA_IS_NQL_FETCH (self));
  g_return_if_fail (!self->started);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  self->started = TRUE;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ra_nql_fetch_run_async);
  g_task_set_task_data (task, g_new0 (Run, 1), (GDestroyNotify) run_free);
  /* The stages tell where it is; the task is over when they say DONE. */
  g_task_set_check_cancellable (task, FALSE);

  set_stage (self, RA_NQL_FETCH_STAGE_QUERYING);
  ra_client_nql_execute_async (self->client, self->query_id, self->parameters, cancellable,
                               executed_cb, g_steal_pointer (&task));
}

RaNqlResult *
ra_nql_fetch_run_finish (RaNqlFetch    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (RA_IS_NQL_FETCH (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ra_nql_fetch_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* GObject */

static void
ra_nql_fetch_finalize (GObject *object)
{
  RaNqlFetch *self = RA_NQL_FETCH (object);

  g_clear_object (&self->client);
  g_free (self->query_id);
  g_clear_pointer (&self->parameters, g_hash_table_unref);

  G_OBJECT_CLASS (ra_nql_fetch_parent_class)->finalize (object);
}

static void
ra_nql_fetch_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RaNqlFetch *self = RA_NQL_FETCH (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      g_value_set_enum (value, self->stage);
      break;
    case PROP_BYTES_RECEIVED:
      g_value_set_uint64 (value, self->bytes_received);
      break;
    case PROP_BYTES_TOTAL:
      g_value_set_uint64 (value, self->bytes_total);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_nql_fetch_class_init (RaNqlFetchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ra_nql_fetch_finalize;
  object_class->get_property = ra_nql_fetch_get_property;

  properties [PROP_STAGE] =
    g_param_spec_enum ("stage", NULL, NULL,
                       RA_TYPE_NQL_FETCH_STAGE, RA_NQL_FETCH_STAGE_IDLE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_BYTES_RECEIVED] =
    g_param_spec_uint64 ("bytes-received", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_BYTES_TOTAL] =
    g_param_spec_uint64 ("bytes-total", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ra_nql_fetch_init (RaNqlFetch *self)
{
  self->max_file_size = RA_NQL_FETCH_DEFAULT_MAX_FILE_SIZE;
}

RaNqlFetch *
ra_nql_fetch_new (RaClient   *client,
                  const char *query_id,
                  GHashTable *parameters)
{
  RaNqlFetch *self;

  g_return_val_if_fail (RA_IS_CLIENT (client), NULL);
  g_return_val_if_fail (query_id != NULL, NULL);

  self = g_object_new (RA_TYPE_NQL_FETCH, NULL);
  self->client = g_object_ref (client);
  self->query_id = g_strdup (query_id);

  if (parameters != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      self->parameters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_iter_init (&iter, parameters);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (self->parameters, g_strdup (key), g_strdup (value));
    }

  return self;
}

void
ra_nql_fetch_set_max_file_size (RaNqlFetch *self,
                                gsize       max_size)
{
  g_return_if_fail (RA_IS_NQL_FETCH (self));
  g_return_if_fail (max_size > 0);

  self->max_file_size = max_size;
}

RaNqlFetchStage
ra_nql_fetch_get_stage (RaNqlFetch *self)
{
  g_return_val_if_fail (RA_IS_NQL_FETCH (self), RA_NQL_FETCH_STAGE_IDLE);

  return self->stage;
}

guint64
ra_nql_fetch_get_bytes_received (RaNqlFetch *self)
{
  g_return_val_if_fail (RA_IS_NQL_FETCH (self), 0);

  return self->bytes_received;
}

guint64
ra_nql_fetch_get_bytes_total (RaNqlFetch *self)
{
  g_return_val_if_fail (RA_IS_NQL_FETCH (self), 0);

  return self->bytes_total;
}
