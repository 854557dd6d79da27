/* ra-sim-auth.c — credentials, tokens and the redacted request log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-simulator"

#include "config.h"

#include <string.h>

#include "ra-sim-private.h"

#define SCOPE    "service:integration"
#define REDACTED "<redacted>"

/* Credentials and tokens */

gboolean
ra_sim_check_basic (RaSimulator        *self,
                    SoupMessageHeaders *headers)
{
  const char *auth = soup_message_headers_get_one (headers, "Authorization");
  g_autofree guchar *decoded = NULL;
  g_autofree char *pair = NULL;
  gsize len = 0;
  char *colon;

  if (auth == NULL || g_ascii_strncasecmp (auth, "Basic ", 6) != 0)
    return FALSE;

  auth += 6;
  while (*auth == ' ')
    auth++;

  decoded = g_base64_decode (auth, &len);
  if (decoded == NULL || len == 0)
    return FALSE;

  pair = g_strndup ((const char *) decoded, len);
  if (strlen (pair) != len)
    return FALSE;

  colon = strchr (pair, ':');
  if (colon == NULL)
    return FALSE;
  *colon = '\0';

  return g_str_equal (pair, self->client_id) &&
         g_str_equal (colon + 1, self->client_secret);
}

gboolean
ra_sim_check_bearer (RaSimulator        *self,
                     SoupMessageHeaders *headers)
{
  const char *auth = soup_message_headers_get_one (headers, "Authorization");
  gint64 *expiry;

  if (auth == NULL || g_ascii_strncasecmp (auth, "Bearer ", 7) != 0)
    return FALSE;

  auth += 7;
  while (*auth == ' ')
    auth++;

  expiry = g_hash_table_lookup (self->tokens, auth);

  return expiry != NULL && ra_sim_state_now_usec (&self->state) < *expiry;
}

static char *
new_token (void)
{
  guint8 raw[32];

  for (guint i = 0; i < G_N_ELEMENTS (raw); i++)
    raw[i] = (guint8) g_random_int_range (0, 256);

  /* URL-safe and without padding, like the opaque tokens of real
   * identity providers. */
  return g_strdelimit (g_strdelimit (g_strdelimit (g_base64_encode (raw, sizeof raw),
                                                   "+", '-'),
                                     "/", '_'),
                       "=", '\0');
}

void
ra_sim_answer_token (RaSimulator   *self,
                     RaSimResponse *response)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  char *token = new_token ();
  gint64 *expiry = g_new (gint64, 1);

  *expiry = ra_sim_state_now_usec (&self->state) + (gint64) self->token_lifetime * G_USEC_PER_SEC;
  g_hash_table_insert (self->tokens, g_strdup (token), expiry);
  g_ptr_array_add (self->issued_tokens, token);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "token_type");
  json_builder_add_string_value (builder, "Bearer");
  json_builder_set_member_name (builder, "expires_in");
  json_builder_add_int_value (builder, self->token_lifetime);
  json_builder_set_member_name (builder, "access_token");
  json_builder_add_string_value (builder, token);
  json_builder_set_member_name (builder, "scope");
  json_builder_add_string_value (builder, SCOPE);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  ra_sim_response_set_json (response, SOUP_STATUS_OK, root);
  response->no_store = TRUE;
}

static void
oauth_error (RaSimResponse *response,
             guint          status,
             const char    *error,
             const char    *description)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_add_string_value (builder, error);
  json_builder_set_member_name (builder, "error_description");
  json_builder_add_string_value (builder, description);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  ra_sim_response_set_json (response, status, root);
  response->no_store = TRUE;
}

static gboolean
scope_contains (const char *scope,
                const char *wanted)
{
  g_auto(GStrv) scopes = g_strsplit (scope, " ", -1);

  return g_strv_contains ((const char * const *) scopes, wanted);
}

void
ra_sim_handle_oauth_token (RaSimulator        *self,
                           SoupMessageHeaders *headers,
                           GBytes             *body,
                           RaSimResponse      *response)
{
  g_autoptr(GHashTable) form = NULL;
  g_autofree char *text = NULL;
  const char *content_type;
  const char *grant_type;
  const char *scope;

  if (!ra_sim_check_basic (self, headers))
    {
      oauth_error (response, SOUP_STATUS_UNAUTHORIZED, "invalid_client",
                   "Client authentication failed.");
      response->challenge = "Basic";
      return;
    }

  content_type = soup_message_headers_get_content_type (headers, NULL);
  if (g_strcmp0 (content_type, "application/x-www-form-urlencoded") != 0)
    {
      oauth_error (response, SOUP_STATUS_BAD_REQUEST, "invalid_request",
                   "The body must be application/x-www-form-urlencoded.");
      return;
    }

  text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  form = soup_form_decode (text);
  grant_type = g_hash_table_lookup (form, "grant_type");
  scope = g_hash_table_lookup (form, "scope");

  if (grant_type == NULL)
    oauth_error (response, SOUP_STATUS_BAD_REQUEST, "invalid_request",
                 "The grant_type parameter is missing.");
  else if (!g_str_equal (grant_type, "client_credentials"))
    oauth_error (response, SOUP_STATUS_BAD_REQUEST, "unsupported_grant_type",
                 "Only the client_credentials grant type is supported.");
  else if (scope == NULL || !scope_contains (scope, SCOPE))
    oauth_error (response, SOUP_STATUS_BAD_REQUEST, "invalid_scope",
                 "The scope must be service:integration.");
  else
    ra_sim_answer_token (self, response);
}

/* Redaction: the log must be safe to print in a failing test. */

static char *
replace_all (const char *text,
             const char *needle)
{
  g_auto(GStrv) parts = NULL;

  if (needle == NULL || *needle == '\0' || strstr (text, needle) == NULL)
    return g_strdup (text);

  parts = g_strsplit (text, needle, -1);
  return g_strjoinv (REDACTED, parts);
}

static char *
redact_locked (RaSimulator *self,
               const char  *text)
{
  g_autofree char *pair = NULL;
  g_autofree char *basic = NULL;
  char *next_secret;
  char *result;

  if (text == NULL)
    return NULL;

  pair = g_strdup_printf ("%s:%s", self->client_id, self->client_secret);
  basic = g_base64_encode ((const guchar *) pair, strlen (pair));

  result = replace_all (text, basic);
  next_secret = replace_all (result, self->client_secret);
  g_free (result);
  result = next_secret;

  for (guint i = 0; i < self->issued_tokens->len; i++)
    {
      char *next = replace_all (result, g_ptr_array_index (self->issued_tokens, i));

      g_free (result);
      result = next;
    }

  return result;
}

static char *
redact_authorization (const char *value)
{
  const char *space = strchr (value, ' ');

  if (space == NULL)
    return g_strdup (REDACTED);

  return g_strdup_printf ("%.*s " REDACTED, (int) (space - value), value);
}

RaSimRequest *
ra_sim_record_request (RaSimulator       *self,
                       SoupServerMessage *msg,
                       GBytes            *body)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  GUri *uri = soup_server_message_get_uri (msg);
  SoupMessageHeadersIter iter;
  const char *name, *value;
  g_autofree char *text = NULL;
  RaSimRequest *request;

  request = g_new0 (RaSimRequest, 1);
  request->method = g_strdup (soup_server_message_get_method (msg));
  request->path = g_strdup (g_uri_get_path (uri));
  request->query = redact_locked (self, g_uri_get_query (uri));
  request->headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  soup_message_headers_iter_init (&iter, headers);
  while (soup_message_headers_iter_next (&iter, &name, &value))
    {
      char *key = g_ascii_strdown (name, -1);
      const char *previous = g_hash_table_lookup (request->headers, key);
      g_autofree char *clean = NULL;

      if (g_str_equal (key, "authorization") || g_str_equal (key, "proxy-authorization"))
        clean = redact_authorization (value);
      else
        clean = redact_locked (self, value);

      if (previous != NULL)
        g_hash_table_insert (request->headers, key,
                             g_strdup_printf ("%s, %s", previous, clean));
      else
        g_hash_table_insert (request->headers, key, g_steal_pointer (&clean));
    }

  text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  request->body = redact_locked (self, text);

  return request;
}

RaSimLegacyToken
ra_sim_auth_get_legacy_token_locked (RaSimulator *self)
{
  if (self->legacy_token_set)
    return self->legacy_token;

  /* Current instances have retired it; the tidy profile keeps the
   * seed page's endpoint working. */
  return self->profile == RA_SIM_PROFILE_TIDY ? RA_SIM_LEGACY_TOKEN_ON : RA_SIM_LEGACY_TOKEN_OFF;
}
