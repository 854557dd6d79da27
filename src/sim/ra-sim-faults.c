/* ra-sim-faults.c — what injected faults answer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-simulator"

#include "config.h"

#include <string.h>

#include "ra-sim-private.h"

void
ra_sim_answer_failure (RaSimulator   *self,
                       RaSimResponse *response)
{
  guint status = self->fail_status;

  if (status == SOUP_STATUS_BAD_REQUEST)
    ra_sim_response_set_error (response, status, "BAD_REQUEST", "The request was rejected.");
  else if (status == SOUP_STATUS_FORBIDDEN)
    ra_sim_response_set_error (response, status, "FORBIDDEN", "Not authorized to do this.");
  else if (status == SOUP_STATUS_NOT_FOUND)
    ra_sim_response_set_error (response, status, "NOT_FOUND", "Nothing is associated with that ID.");
  else if (status >= 500)
    ra_sim_response_set_error (response, status, "INTERNAL_ERROR", "The service failed to answer.");
  else
    ra_sim_response_set_status (response, status);

  response->retry_after = self->fail_retry_after;
}

static JsonObject *
first_object (JsonNode *root)
{
  if (JSON_NODE_HOLDS_OBJECT (root))
    return json_node_get_object (root);

  if (JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      if (json_array_get_length (array) > 0 &&
          JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, 0)))
        return json_array_get_object_element (array, 0);
    }

  return NULL;
}

/* Gives the first string member a client must read a number instead, so
 * its parser has to name the field it rejects. */
static void
break_types (RaSimResponse *response)
{
  static const char * const preferred[] = { "name", "requestId", "access_token", "queryId" };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (response->body, NULL),
                                   g_bytes_get_size (response->body), NULL) ||
      json_parser_get_root (parser) == NULL)
    return;

  object = first_object (json_parser_get_root (parser));
  if (object != NULL)
    {
      const char *victim = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (preferred) && victim == NULL; i++)
        if (json_object_has_member (object, preferred[i]))
          victim = preferred[i];

      if (victim == NULL)
        {
          g_autoptr(GList) members = json_object_get_members (object);

          for (GList *l = members; l != NULL && victim == NULL; l = l->next)
            if (JSON_NODE_HOLDS_VALUE (json_object_get_member (object, l->data)))
              victim = l->data;
        }

      if (victim != NULL)
        json_object_set_int_member (object, victim, 42);
    }
  else
    {
      json_node_init_int (json_parser_get_root (parser), 42);
    }

  ra_sim_response_set_json (response, response->status, json_parser_get_root (parser));
}

void
ra_sim_apply_body_fault (RaSimulator   *self,
                         RaSimResponse *response)
{
  static const char html[] =
    "<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>";

  switch (self->body_fault)
    {
    case RA_SIM_BODY_MALFORMED:
      g_clear_pointer (&response->body, g_bytes_unref);
      response->body = g_bytes_new_static (html, sizeof html - 1);
      response->content_type = "application/json";
      break;

    case RA_SIM_BODY_TRUNCATED:
      if (response->body != NULL)
        {
          gsize size = g_bytes_get_size (response->body);
          GBytes *cut = g_bytes_new_from_bytes (response->body, 0, MAX (size / 2, 1) - 1);

          g_bytes_unref (response->body);
          response->body = cut;
        }
      break;

    case RA_SIM_BODY_WRONG_TYPE:
      if (response->body != NULL)
        break_types (response);
      break;

    case RA_SIM_BODY_OVERSIZED:
      {
        g_autoptr(JsonBuilder) builder = json_builder_new ();
        g_autoptr(JsonNode) root = NULL;
        gsize size = MAX (self->oversized_bytes, 64);
        g_autofree char *padding = g_malloc (size - 32 + 1);

        memset (padding, 'x', size - 32);
        padding[size - 32] = '\0';

        json_builder_begin_object (builder);
        json_builder_set_member_name (builder, "padding");
        json_builder_add_string_value (builder, padding);
        json_builder_end_object (builder);
        root = json_builder_get_root (builder);
        ra_sim_response_set_json (response, response->status, root);
      }
      break;

    case RA_SIM_BODY_NORMAL:
    default:
      break;
    }
}

