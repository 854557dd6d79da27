/* ra-sim-response.c — what a handler answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-simulator"

#include "config.h"

#include <string.h>

#include "ra-sim-private.h"

void
ra_sim_response_clear (RaSimResponse *response)
{
  g_clear_pointer (&response->body, g_bytes_unref);
  memset (response, 0, sizeof *response);
}

void
ra_sim_response_set_json (RaSimResponse *response,
                          guint          status,
                          JsonNode      *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  gsize length;
  char *text;

  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, &length);

  g_clear_pointer (&response->body, g_bytes_unref);
  response->status = status;
  response->body = g_bytes_new_take (text, length);
  response->content_type = "application/json";
}

void
ra_sim_response_set_error (RaSimResponse *response,
                           guint          status,
                           const char    *code,
                           const char    *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  ra_sim_response_set_json (response, status, root);
}

void
ra_sim_response_set_status (RaSimResponse *response,
                            guint          status)
{
  g_clear_pointer (&response->body, g_bytes_unref);
  response->status = status;
  response->content_type = NULL;
}
