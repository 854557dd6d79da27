/* ra-history.c
 *
 * Every call is a GTask run in a worker thread; one mutex keeps them from
 * using the connection at the same time. The connection is opened by the
 * first call (ra-history-file.c), in WAL mode with a busy timeout, so that
 * another connection to the same file (another window, another process)
 * can write too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-history"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ra-history.h"
#include "ra-history-private.h"

struct _RaHistory
{
  GObject   parent_instance;

  char     *path;

  GMutex    mutex;        /* guards what follows */
  sqlite3  *db;
  gboolean  opened;
  GError   *open_error;   /* why it could not be opened, for every call */
  char     *moved_aside;
  gboolean  moved_aside_told;
};

G_DEFINE_FINAL_TYPE (RaHistory, ra_history, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

const char *
ra_history_outcome_to_string (RaExecutionOutcome outcome)
{
  switch (outcome)
    {
    case RA_EXECUTION_OUTCOME_NOT_SENT:
      return "not-sent";
    case RA_EXECUTION_OUTCOME_STARTED:
      return "started";
    case RA_EXECUTION_OUTCOME_UNKNOWN:
    default:
      return "unknown";
    }
}

static RaExecutionOutcome
outcome_from_string (const char *text)
{
  if (g_strcmp0 (text, "not-sent") == 0)
    return RA_EXECUTION_OUTCOME_NOT_SENT;
  if (g_strcmp0 (text, "started") == 0)
    return RA_EXECUTION_OUTCOME_STARTED;

  /* What cannot be read is what it says when nothing more is known. */
  return RA_EXECUTION_OUTCOME_UNKNOWN;
}

/* With the mutex held. */
static gboolean
ensure_open (RaHistory  *self,
             GError    **error)
{
  if (!self->opened)
    {
      self->opened = TRUE;
      self->db = ra_history_open_file (self->path, &self->moved_aside, &self->open_error);
    }

  if (self->open_error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->open_error));
      return FALSE;
    }

  return TRUE;
}

/* Tasks */

typedef struct
{
  RaHistoryJob   job;
  gpointer       data;
  GDestroyNotify data_free;
  GDestroyNotify result_free;
} Call;

static void
call_free (Call *call)
{
  if (call->data_free != NULL)
    call->data_free (call->data);
  g_free (call);
}

static void
run_call (GTask        *task,
          gpointer      source_object,
          gpointer      task_data,
          GCancellable *cancellable)
{
  RaHistory *self = source_object;
  Call *call = task_data;
  GError *error = NULL;
  gpointer result = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  g_mutex_lock (&self->mutex);
  if (ensure_open (self, &error))
    result = call->job (self, call->data, &error);
  g_mutex_unlock (&self->mutex);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, call->result_free);
}

void
ra_history_start_call (RaHistory           *self,
                       gpointer             tag,
                       RaHistoryJob         job,
                       gpointer             data,
                       GDestroyNotify       data_free,
                       GDestroyNotify       result_free,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Call *call = g_new0 (Call, 1);

  call->job = job;
  call->data = data;
  call->data_free = data_free;
  call->result_free = result_free;

  g_task_set_source_tag (task, tag);
  g_task_set_task_data (task, call, (GDestroyNotify) call_free);
  g_task_run_in_thread (task, run_call);
}

gpointer
ra_history_finish_call (RaHistory     *self,
                        GAsyncResult  *result,
                        gpointer       tag,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

sqlite3 *
ra_history_get_db (RaHistory *self)
{
  return self->db;
}

/* Open */

static gpointer
open_job (RaHistory  *self,
          gpointer    data,
          GError    **error)
{
  /* ensure_open () did it. */
  return GINT_TO_POINTER (TRUE);
}

void
ra_history_open_async (RaHistory           *self,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_return_if_fail (RA_IS_HISTORY (self));

  ra_history_start_call (self, ra_history_open_async, open_job, NULL, NULL, NULL,
                         cancellable, callback, user_data);
}

gboolean
ra_history_open_finish (RaHistory     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  return ra_history_finish_call (self, result, ra_history_open_async, error) != NULL;
}

/* Add and update */

static char *
parameters_to_json (GHashTable *parameters)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) keys = g_hash_table_get_keys (parameters);

  /* In a stable order, so that the same values give the same text. */
  keys = g_list_sort (keys, (GCompareFunc) g_strcmp0);
  json_builder_begin_object (builder);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      json_builder_set_member_name (builder, l->data);
      json_builder_add_string_value (builder, g_hash_table_lookup (parameters, l->data));
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

char *
ra_history_counts_to_json (GHashTable *counts)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) keys = NULL;

  if (counts == NULL)
    return NULL;

  builder = json_builder_new ();
  keys = g_list_sort (g_hash_table_get_keys (counts), (GCompareFunc) g_strcmp0);
  json_builder_begin_object (builder);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      json_builder_set_member_name (builder, l->data);
      json_builder_add_int_value (builder, GPOINTER_TO_UINT (g_hash_table_lookup (counts, l->data)));
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

/* Reads back what the two functions above wrote; anything else in the
 * column is left out rather than trusted. */
static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;

  if (text == NULL)
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text, -1, NULL))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  return json_object_ref (json_node_get_object (root));
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
write_devices (sqlite3       *db,
               gint64         run_id,
               RaHistoryRun  *run,
               GError       **error)
{
  const char * const *devices = ra_history_run_get_devices (run);
  GHashTable *names = ra_history_run_get_device_names (run);
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  if (sqlite3_prepare_v2 (db,
                          "INSERT INTO run_devices (run_id, position, device_id, name)"
                          " VALUES (?, ?, ?, ?)",
                          -1, &stmt, NULL) != SQLITE_OK)
    return ra_history_set_error (error, db, RA_HISTORY_WRITING);

  for (guint i = 0; devices != NULL && devices[i] != NULL && ok; i++)
    {
      sqlite3_bind_int64 (stmt, 1, run_id);
      sqlite3_bind_int (stmt, 2, (int) i);
      sqlite3_bind_text (stmt, 3, devices[i], -1, SQLITE_STATIC);
      bind_text (stmt, 4, names != NULL ? g_hash_table_lookup (names, devices[i]) : NULL);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        ok = ra_history_set_error (error, db, RA_HISTORY_WRITING);
      sqlite3_reset (stmt);
    }

  sqlite3_finalize (stmt);
  return ok;
}

static gpointer
add_job (RaHistory  *self,
         gpointer    data,
         GError    **error)
{
  RaHistoryRun *run = data;
  g_autofree char *parameters = parameters_to_json (ra_history_run_get_parameters (run));
  g_autofree char *counts = ra_history_counts_to_json (ra_history_run_get_status_counts (run));
  const char *account_id = ra_history_run_get_account_id (run);
  sqlite3_stmt *stmt = NULL;
  gint64 id;

  if (!ra_history_exec (self->db, "BEGIN IMMEDIATE", error))
    return NULL;

  if (sqlite3_prepare_v2 (self->db,
                          "INSERT INTO runs (time, account_id, account_name, instance, region,"
                          " action_id, action_name, parameters, expires_in_minutes, reason,"
                          " external_reference, outcome, request_id, n_devices, status_counts)"
                          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      ra_history_set_error (error, self->db, RA_HISTORY_WRITING);
      ra_history_exec (self->db, "ROLLBACK", NULL);
      return NULL;
    }

  sqlite3_bind_int64 (stmt, 1, ra_history_run_get_time (run));
  bind_text (stmt, 2, account_id != NULL ? account_id : "");
  bind_text (stmt, 3, ra_history_run_get_account_name (run));
  bind_text (stmt, 4, ra_history_run_get_instance (run));
  bind_text (stmt, 5, ra_history_run_get_region (run));
  bind_text (stmt, 6, ra_history_run_get_action_id (run));
  bind_text (stmt, 7, ra_history_run_get_action_name (run));
  bind_text (stmt, 8, parameters);
  sqlite3_bind_int64 (stmt, 9, ra_history_run_get_expires_in_minutes (run));
  bind_text (stmt, 10, ra_history_run_get_reason (run));
  bind_text (stmt, 11, ra_history_run_get_external_reference (run));
  bind_text (stmt, 12, ra_history_outcome_to_string (ra_history_run_get_outcome (run)));
  bind_text (stmt, 13, ra_history_run_get_request_id (run));
  sqlite3_bind_int64 (stmt, 14, ra_history_run_get_n_devices (run));
  bind_text (stmt, 15, counts);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      ra_history_set_error (error, self->db, RA_HISTORY_WRITING);
      sqlite3_finalize (stmt);
      ra_history_exec (self->db, "ROLLBACK", NULL);
      return NULL;
    }
  sqlite3_finalize (stmt);
  id = sqlite3_last_insert_rowid (self->db);

  if (!write_devices (self->db, id, run, error) ||
      !ra_history_exec (self->db, "COMMIT", error))
    {
      ra_history_exec (self->db, "ROLLBACK", NULL);
      return NULL;
    }

  return g_memdup2 (&id, sizeof id);
}

void
ra_history_add_async (RaHistory           *self,
                      RaHistoryRun        *run,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_return_if_fail (RA_IS_HISTORY (self));
  g_return_if_fail (RA_IS_HISTORY_RUN (run));
  g_return_if_fail (ra_history_run_get_id (run) == 0);
  g_return_if_fail (ra_history_run_get_action_id (run) != NULL);

  ra_history_start_call (self, ra_history_add_async, add_job, g_object_ref (run), g_object_unref, g_free,
                         cancellable, callback, user_data);
}

gboolean
ra_history_add_finish (RaHistory     *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_autofree gint64 *id = ra_history_finish_call (self, result, ra_history_add_async, error);

  if (id == NULL)
    return FALSE;

  ra_history_run_set_id (((Call *) g_task_get_task_data (G_TASK (result)))->data, *id);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static gpointer
update_job (RaHistory  *self,
            gpointer    data,
            GError    **error)
{
  RaHistoryRun *run = data;
  g_autofree char *counts = ra_history_counts_to_json (ra_history_run_get_status_counts (run));
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db,
                          "UPDATE runs SET outcome = ?, request_id = ?, status_counts = ? WHERE id = ?",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      ra_history_set_error (error, self->db, RA_HISTORY_WRITING);
      return NULL;
    }

  bind_text (stmt, 1, ra_history_outcome_to_string (ra_history_run_get_outcome (run)));
  bind_text (stmt, 2, ra_history_run_get_request_id (run));
  bind_text (stmt, 3, counts);
  sqlite3_bind_int64 (stmt, 4, ra_history_run_get_id (run));
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      ra_history_set_error (error, self->db, RA_HISTORY_WRITING);
      return NULL;
    }
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The run is no longer in the history"));
      return NULL;
    }

  return GINT_TO_POINTER (TRUE);
}

void
ra_history_update_async (RaHistory           *self,
                         RaHistoryRun        *run,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (RA_IS_HISTORY (self));
  g_return_if_fail (RA_IS_HISTORY_RUN (run));
  g_return_if_fail (ra_history_run_get_id (run) > 0);

  ra_history_start_call (self, ra_history_update_async, update_job, g_object_ref (run), g_object_unref, NULL,
                         cancellable, callback, user_data);
}

gboolean
ra_history_update_finish (RaHistory     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  if (ra_history_finish_call (self, result, ra_history_update_async, error) == NULL)
    return FALSE;

  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/* List */

typedef struct
{
  char  *pattern;      /* for LIKE, or NULL */
  char  *account_id;
  int    outcome;
  guint  limit;
} ListQuery;

static void
list_query_free (ListQuery *query)
{
  g_free (query->pattern);
  g_free (query->account_id);
  g_free (query);
}

/* "%text%" with LIKE's own characters escaped. */
static char *
like_pattern (const char *search)
{
  g_autofree char *stripped = g_strstrip (g_strdup (search ? search : ""));
  GString *pattern;

  if (stripped[0] == '\0')
    return NULL;

  pattern = g_string_new ("%");
  for (const char *p = stripped; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  return g_string_free (pattern, FALSE);
}

static RaHistoryRun *
run_from_row (sqlite3_stmt *stmt)
{
  RaHistoryRun *run = ra_history_run_new ();
  g_autoptr(JsonObject) parameters = NULL;
  g_autoptr(JsonObject) counts = NULL;
  const char *account_id = (const char *) sqlite3_column_text (stmt, 2);

#define COLUMN_TEXT(i) ((const char *) sqlite3_column_text (stmt, (i)))
  ra_history_run_set_id (run, sqlite3_column_int64 (stmt, 0));
  ra_history_run_set_time (run, sqlite3_column_int64 (stmt, 1));
  ra_history_run_set_account (run, account_id != NULL && account_id[0] != '\0' ? account_id : NULL,
                              COLUMN_TEXT (3), COLUMN_TEXT (4), COLUMN_TEXT (5));
  ra_history_run_set_action (run, COLUMN_TEXT (6), COLUMN_TEXT (7));

  parameters = parse_object (COLUMN_TEXT (8));
  if (parameters != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      json_object_iter_init (&iter, parameters);
      while (json_object_iter_next (&iter, &name, &value))
        if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
          ra_history_run_set_parameter (run, name, json_node_get_string (value));
    }

  ra_history_run_set_n_devices (run, (guint) MAX (0, sqlite3_column_int64 (stmt, 9)));
  ra_history_run_set_expires_in_minutes (run, (guint) MAX (0, sqlite3_column_int64 (stmt, 10)));
  ra_history_run_set_reason (run, COLUMN_TEXT (11));
  ra_history_run_set_external_reference (run, COLUMN_TEXT (12));
  ra_history_run_set_outcome (run, outcome_from_string (COLUMN_TEXT (13)), COLUMN_TEXT (14));

  counts = parse_object (COLUMN_TEXT (15));
  if (counts != NULL)
    {
      JsonObjectIter iter;
      const char *status;
      JsonNode *value;

      json_object_iter_init (&iter, counts);
      while (json_object_iter_next (&iter, &status, &value))
        if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_INT64 &&
            json_node_get_int (value) >= 0 && json_node_get_int (value) <= G_MAXUINT)
          ra_history_run_set_status_count (run, status, (guint) json_node_get_int (value));
    }
#undef COLUMN_TEXT

  return run;
}

static gpointer
list_job (RaHistory  *self,
          gpointer    data,
          GError    **error)
{
  ListQuery *query = data;
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT id, time, account_id, account_name, instance, region,"
                          " action_id, action_name, parameters, n_devices, expires_in_minutes,"
                          " reason, external_reference, outcome, request_id, status_counts"
                          " FROM runs"
                          " WHERE (?1 IS NULL OR account_id = ?1)"
                          " AND (?2 IS NULL OR outcome = ?2)"
                          " AND (?3 IS NULL"
                          "  OR action_name LIKE ?3 ESCAPE '\\'"
                          "  OR action_id LIKE ?3 ESCAPE '\\'"
                          "  OR request_id LIKE ?3 ESCAPE '\\'"
                          "  OR external_reference LIKE ?3 ESCAPE '\\'"
                          "  OR EXISTS (SELECT 1 FROM run_devices"
                          "             WHERE run_id = runs.id"
                          "             AND (device_id LIKE ?3 ESCAPE '\\' OR name LIKE ?3 ESCAPE '\\')))"
                          " ORDER BY time DESC, id DESC"
                          " LIMIT ?4",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      ra_history_set_error (error, self->db, RA_HISTORY_READING);
      return NULL;
    }

  bind_text (stmt, 1, query->account_id);
  bind_text (stmt, 2, query->outcome >= 0 ? ra_history_outcome_to_string (query->outcome) : NULL);
  bind_text (stmt, 3, query->pattern);
  sqlite3_bind_int64 (stmt, 4, query->limit > 0 ? (gint64) query->limit : -1);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (runs, run_from_row (stmt));
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      ra_history_set_error (error, self->db, RA_HISTORY_READING);
      return NULL;
    }

  return g_steal_pointer (&runs);
}

void
ra_history_list_async (RaHistory           *self,
                       const char          *search,
                       const char          *account_id,
                       int                  outcome,
                       guint                limit,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  ListQuery *query;

  g_return_if_fail (RA_IS_HISTORY (self));
  g_return_if_fail (outcome >= -1 && outcome <= RA_EXECUTION_OUTCOME_UNKNOWN);

  query = g_new0 (ListQuery, 1);
  query->pattern = like_pattern (search);
  query->account_id = g_strdup (account_id);
  query->outcome = outcome;
  query->limit = limit;

  ra_history_start_call (self, ra_history_list_async, list_job, query, (GDestroyNotify) list_query_free,
                         (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

GPtrArray *
ra_history_list_finish (RaHistory     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  return ra_history_finish_call (self, result, ra_history_list_async, error);
}

/* Devices */

static gpointer
devices_job (RaHistory  *self,
             gpointer    data,
             GError    **error)
{
  gint64 run_id = *(gint64 *) data;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT device_id FROM run_devices WHERE run_id = ? ORDER BY position",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      ra_history_set_error (error, self->db, RA_HISTORY_READING);
      return NULL;
    }

  sqlite3_bind_int64 (stmt, 1, run_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      ra_history_set_error (error, self->db, RA_HISTORY_READING);
      return NULL;
    }

  return g_strv_builder_end (builder);
}

void
ra_history_get_devices_async (RaHistory           *self,
                              gint64               run_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (RA_IS_HISTORY (self));

  ra_history_start_call (self, ra_history_get_devices_async, devices_job,
                         g_memdup2 (&run_id, sizeof run_id), g_free, (GDestroyNotify) g_strfreev,
                         cancellable, callback, user_data);
}

GStrv
ra_history_get_devices_finish (RaHistory     *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return ra_history_finish_call (self, result, ra_history_get_devices_async, error);
}

/* Class */

static void
ra_history_finalize (GObject *object)
{
  RaHistory *self = RA_HISTORY (object);

  /* Every call holds the history: none is left to use the connection. */
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_clear_error (&self->open_error);
  g_free (self->moved_aside);
  g_free (self->path);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (ra_history_parent_class)->finalize (object);
}

static void
ra_history_class_init (RaHistoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ra_history_finalize;

  /* A run was added or updated through this history, told when the
   * caller finishes the call (on its main context). */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
ra_history_init (RaHistory *self)
{
  g_mutex_init (&self->mutex);
}

RaHistory *
ra_history_new (const char *path)
{
  RaHistory *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (RA_TYPE_HISTORY, NULL);
  self->path = g_strdup (path);

  return self;
}

char *
ra_history_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "remote-actions", "history.sqlite3", NULL);
}

RaHistory *
ra_history_new_default (void)
{
  g_autofree char *path = ra_history_get_default_path ();

  return ra_history_new (path);
}

const char *
ra_history_get_path (RaHistory *self)
{
  g_return_val_if_fail (RA_IS_HISTORY (self), NULL);

  return self->path;
}

const char *
ra_history_get_moved_aside (RaHistory *self)
{
  const char *moved;

  g_return_val_if_fail (RA_IS_HISTORY (self), NULL);

  g_mutex_lock (&self->mutex);
  moved = self->moved_aside;
  g_mutex_unlock (&self->mutex);

  return moved;
}

char *
ra_history_take_moved_aside_notice (RaHistory *self)
{
  char *notice = NULL;

  g_return_val_if_fail (RA_IS_HISTORY (self), NULL);

  g_mutex_lock (&self->mutex);
  if (self->moved_aside != NULL && !self->moved_aside_told)
    {
      self->moved_aside_told = TRUE;
      notice = g_strdup (self->moved_aside);
    }
  g_mutex_unlock (&self->mutex);

  return notice;
}
