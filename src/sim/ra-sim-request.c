/* ra-sim-request.c — the request log's entries, and the paths they name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-simulator"

#include "config.h"

#include <string.h>

#include "ra-sim-private.h"

RaSimRequest *
ra_sim_request_copy (const RaSimRequest *request)
{
  RaSimRequest *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (request != NULL, NULL);

  copy = g_new0 (RaSimRequest, 1);
  copy->method = g_strdup (request->method);
  copy->path = g_strdup (request->path);
  copy->query = g_strdup (request->query);
  copy->body = g_strdup (request->body);
  copy->status = request->status;
  copy->headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_iter_init (&iter, request->headers);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->headers, g_strdup (key), g_strdup (value));

  return copy;
}

void
ra_sim_request_free (RaSimRequest *request)
{
  if (request == NULL)
    return;

  g_free (request->method);
  g_free (request->path);
  g_free (request->query);
  g_free (request->body);
  g_clear_pointer (&request->headers, g_hash_table_unref);
  g_free (request);
}

char *
ra_sim_normalize_path (const char *path)
{
  gsize len = strlen (path);

  if (len > 1 && path[len - 1] == '/')
    return g_strndup (path, len - 1);

  return g_strdup (path);
}
