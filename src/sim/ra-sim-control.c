/* ra-sim-control.c — the simulator's own controls, on loopback
 *
 * POST /_sim/clock {"advanceSeconds": N} moves the simulated instance's
 * clock on by N seconds, and answers {"now": "<UTC time>"}: runs progress,
 * devices report back and requests expire as if that time had passed. A
 * program that drives the app from outside (the e2e tests, a demo) uses
 * it, since the simulator inside the app is out of its reach otherwise.
 * No credentials: the simulator serves loopback only, and the path is
 * none of Nexthink's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-simulator"

#include "config.h"

#include "ra-sim-private.h"

/* A year: enough to pass any run's expiry (a week at the most). */
#define MAX_ADVANCE_SECONDS (366 * 24 * 3600)

void
ra_sim_control_clock (RaSimulator   *self,
                      GBytes        *body,
                      RaSimResponse *response)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *text = NULL;
  JsonObject *request;
  JsonNode *node;
  gint64 seconds;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                   g_bytes_get_size (body), NULL) ||
      json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      ra_sim_response_set_error (response, SOUP_STATUS_BAD_REQUEST, "INVALID_BODY",
                                 "The request body must be a JSON object.");
      return;
    }

  request = json_node_get_object (json_parser_get_root (parser));
  node = json_object_get_member (request, "advanceSeconds");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 0 || json_node_get_int (node) > MAX_ADVANCE_SECONDS)
    {
      ra_sim_response_set_error (response, SOUP_STATUS_BAD_REQUEST, "INVALID_ADVANCE",
                                 "advanceSeconds must be a whole number of seconds, "
                                 "at most a year.");
      return;
    }
  seconds = json_node_get_int (node);

  ra_sim_state_advance (&self->state, seconds);

  now = g_date_time_new_from_unix_utc (ra_sim_state_now_usec (&self->state) / G_USEC_PER_SEC);
  text = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "now");
  json_builder_add_string_value (builder, text);
  json_builder_end_object (builder);
  answer = json_builder_get_root (builder);

  ra_sim_response_set_json (response, SOUP_STATUS_OK, answer);
}
