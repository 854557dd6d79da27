/* ra-sim-export.c — the NQL export API in the simulator
 *
 * POST /api/v1/nql/export takes the same {queryId, parameters} as execute
 * and answers {exportId}; GET /api/v1/nql/status/{exportId} reads
 * SUBMITTED for the first second, IN_PROGRESS until the export's time is
 * up, then COMPLETED with a resultsFileUrl (or ERROR with an
 * errorDescription), on the simulator's clock. The results file, every
 * row the query matches as CSV, is served by a listener of its own, as a
 * real instance's files are by S3 on another host: through a signed URL
 * that is valid for 15 minutes, and refused (400, as S3 does) to a
 * request that carries an Authorization header besides the signature.
 * With a row limit set (a licence's), the file holds that many rows and
 * the status of an export that was cut answers 206 Partial Content.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-simulator"

#include "config.h"

#include <string.h>

#include "ra-sim-private.h"

#define FILES_PREFIX     "/exports/"
#define FILES_SUFFIX     ".csv"
#define SIGNATURE_PARAM  "X-Amz-Signature"
/* The documented lifetime of a results file's URL. */
#define LINK_SECONDS     (15 * 60)
#define SUBMITTED_USEC   G_USEC_PER_SEC

static gint64
done_usec (RaSimExport *export)
{
  return export->created_usec + (gint64) export->seconds * G_USEC_PER_SEC;
}

/* Finished exports whose link has expired are of no more use. */
static void
forget_expired_locked (RaSimulator *self,
                       gint64       now)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->state.exports);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (now > done_usec (value) + (gint64) LINK_SECONDS * G_USEC_PER_SEC)
      g_hash_table_iter_remove (&iter);
}

void
ra_sim_export_start (RaSimulator        *self,
                     SoupMessageHeaders *headers,
                     GBytes             *body,
                     RaSimResponse      *response)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *parameters = NULL;
  const char *query_id = NULL;
  RaSimNqlQuery *query;
  RaSimExport *export;
  gint64 now = ra_sim_state_now_usec (&self->state);
  guint n_rows = 0;

  query = ra_sim_nql_read_request (self, parser, body, &query_id, &parameters, response);
  if (query == NULL)
    return;

  forget_expired_locked (self, now);

  export = g_new0 (RaSimExport, 1);
  export->id = g_uuid_string_random ();
  export->created_usec = now;
  export->seconds = self->state.export_seconds;
  export->error = g_strdup (self->state.export_error);
  export->signature = g_uuid_string_random ();
  /* The rows as they are now: an export is a snapshot. */
  export->csv = ra_sim_nql_export_csv (self, query, parameters, headers,
                                       self->state.export_row_limit, &n_rows, &export->truncated);
  g_debug ("Export %s of %s: %u rows", export->id, query_id, n_rows);
  g_hash_table_replace (self->state.exports, g_strdup (export->id), export);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "exportId");
  json_builder_add_string_value (builder, export->id);
  json_builder_end_object (builder);
  answer = json_builder_get_root (builder);

  ra_sim_response_set_json (response, SOUP_STATUS_OK, answer);
}

static void
add_nullable (JsonBuilder *builder,
              gboolean     tidy,
              const char  *member,
              const char  *value)
{
  /* A real instance leaves out what it has not got; the tidy profile
   * writes every member the schema lists. */
  if (value == NULL && !tidy)
    return;

  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
ra_sim_export_status (RaSimulator   *self,
                      const char    *export_id,
                      RaSimResponse *response)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *url = NULL;
  gboolean tidy = self->profile == RA_SIM_PROFILE_TIDY;
  gint64 now = ra_sim_state_now_usec (&self->state);
  RaSimExport *export;
  const char *status;
  const char *error = NULL;

  export = g_hash_table_lookup (self->state.exports, export_id);
  if (export == NULL)
    {
      /* Documented without a body. */
      ra_sim_response_set_status (response, SOUP_STATUS_NOT_FOUND);
      return;
    }

  if (now < done_usec (export) && now - export->created_usec < SUBMITTED_USEC)
    status = "SUBMITTED";
  else if (now < done_usec (export))
    status = "IN_PROGRESS";
  else if (export->error != NULL)
    {
      status = "ERROR";
      error = export->error;
    }
  else
    {
      const char *base = self->state.export_url_base != NULL ? self->state.export_url_base
                                                             : self->files_base_url;

      status = "COMPLETED";
      url = g_strdup_printf ("%s" FILES_PREFIX "%s" FILES_SUFFIX "?X-Amz-Expires=%u&" SIGNATURE_PARAM "=%s",
                             base, export->id, LINK_SECONDS, export->signature);
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, status);
  add_nullable (builder, tidy, "resultsFileUrl", url);
  add_nullable (builder, tidy, "errorDescription", error);
  json_builder_end_object (builder);
  answer = json_builder_get_root (builder);

  ra_sim_response_set_json (response,
                            url != NULL && export->truncated ? SOUP_STATUS_PARTIAL_CONTENT
                                                             : SOUP_STATUS_OK,
                            answer);
}

static void
s3_error (RaSimResponse *response,
          guint          status,
          const char    *code,
          const char    *message)
{
  char *xml = g_markup_printf_escaped ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                       "<Error><Code>%s</Code><Message>%s</Message></Error>",
                                       code, message);

  ra_sim_response_set_status (response, status);
  response->body = g_bytes_new_take (xml, strlen (xml));
  response->content_type = "application/xml";
}

void
ra_sim_export_serve_file (RaSimulator        *self,
                          const char         *method,
                          SoupMessageHeaders *headers,
                          const char         *path,
                          GHashTable         *query,
                          RaSimResponse      *response)
{
  g_autofree char *id = NULL;
  gint64 now = ra_sim_state_now_usec (&self->state);
  RaSimExport *export = NULL;
  const char *signature;

  if (g_str_has_prefix (path, FILES_PREFIX) && g_str_has_suffix (path, FILES_SUFFIX) &&
      strlen (path) > strlen (FILES_PREFIX FILES_SUFFIX))
    {
      id = g_strndup (path + strlen (FILES_PREFIX),
                      strlen (path) - strlen (FILES_PREFIX FILES_SUFFIX));
      export = g_hash_table_lookup (self->state.exports, id);
    }

  signature = g_hash_table_lookup (query, SIGNATURE_PARAM);
  if (export == NULL || now < done_usec (export) || export->error != NULL ||
      g_strcmp0 (signature, export->signature) != 0)
    {
      s3_error (response, SOUP_STATUS_FORBIDDEN, "AccessDenied", "Access Denied");
      return;
    }

  if (!g_str_equal (method, "GET"))
    {
      ra_sim_response_set_status (response, SOUP_STATUS_METHOD_NOT_ALLOWED);
      response->allow = "GET";
      return;
    }

  /* The URL carries its own credentials; S3 refuses a second kind. */
  if (soup_message_headers_get_one (headers, "Authorization") != NULL)
    {
      s3_error (response, SOUP_STATUS_BAD_REQUEST, "InvalidArgument",
                "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, "
                "Signature query string parameter or the Authorization header should be "
                "specified");
      return;
    }

  if (now > done_usec (export) + (gint64) LINK_SECONDS * G_USEC_PER_SEC)
    {
      s3_error (response, SOUP_STATUS_FORBIDDEN, "AccessDenied", "Request has expired");
      return;
    }

  ra_sim_response_set_status (response, SOUP_STATUS_OK);
  response->body = g_bytes_ref (export->csv);
  response->content_type = "text/csv";
}
