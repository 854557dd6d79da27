/* ra-sim-catalogue.c — the simulator's remote actions and devices
 *
 * The demo catalogue is a JSON resource written to look like a real
 * instance's; the generated one exists to measure clients on large
 * catalogues. Both hold every member the schema lists (the tidy
 * profile); the realistic profile then makes some actions as sparse as
 * the only real answer on record, the list example of the page the
 * product started from.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-simulator"

#include "config.h"

#include "ra-sim-private.h"
#include "ra-sim-resources.h"

#define CATALOGUE_RESOURCE "/io/github/nxra/RemoteActions/sim/ra-sim-catalogue.json"

static const RaSimDevice demo_devices[] = {
  { "6513270e-269e-4d37-b2a7-4de452e6b438", "LAPTOP-JDOE-01", "Windows" },
  { "d23f0824-128b-4f33-8c5c-7fd0a6a3a450", "LAPTOP-ASMITH", "Windows" },
  { "9531985d-5d9d-49f8-9818-e811892f902b", "DESKTOP-FIN-014", "Windows" },
  { "36f675cc-81e7-4ef5-a8e2-5d940ed90475", "DESKTOP-FIN-022", "Windows" },
  { "6b0d549b-6f03-475a-9600-a35a099950d8", "MBP-MARTIN-L", "macOS" },
  { "8d116ece-1738-47d9-bd9c-172411e20b8f", "MBA-SALES-07", "macOS" },
  { "90c192cf-d3ac-44af-8f21-ddb66cad4a26", "LAPTOP-HR-003", "Windows" },
  { "a170b338-3926-4059-b28c-105d1fb17c23", "DESKTOP-RECEPTION", "Windows" },
  { "0fd630f1-f29d-4da9-953f-48f1a09f76b5", "MBP-DESIGN-02", "macOS" },
  { "0cb1e29c-658c-4a14-95e6-0af593bd04cf", "LAPTOP-ENG-117", "Windows" },
  { "8e81973e-0bec-47b0-b898-d190f9ebdacc", "LAPTOP-ENG-121", "Windows" },
  { "6b4cb242-4a23-4596-a217-beaddbc496cb", "DESKTOP-LAB-05", "Windows" },
  { "92276658-1e27-41c0-8a6a-63ec24ede6a4", "MBP-CEO", "macOS" },
  { "ae97ba94-d0ed-482f-8f6d-05584ef8aa38", "LAPTOP-SUPPORT-09", "Windows" },
  { "923a7369-94e3-4f91-9a61-dbe22e44158b", "DESKTOP-WAREHOUSE-1", "Windows" },
  { "18f135d2-5f55-4203-b018-50c5a38fd547", "MBA-INTERN-03", "macOS" },
  { "907a70c3-1012-4037-b64c-e4228c38fb29", "LAPTOP-LEGAL-02", "Windows" },
  { "7f150524-34b9-45df-9e77-69b10f4205b4", "DESKTOP-CALLCTR-31", "Windows" },
  { "c6f87718-6d76-407e-881e-d162ae2eb154", "DESKTOP-CALLCTR-32", "Windows" },
  { "ec66a787-95e7-41d1-b731-af10506bf2ef", "MBP-DEV-ANNA", "macOS" },
  { "3f98e277-4cbd-47ad-9c90-a9587403e430", "LAPTOP-TRAVEL-LOAN-4", "Windows" },
  { "c7a2ea20-b2f1-4c94-ae05-319acb5c7427", "DESKTOP-KIOSK-LOBBY", "Windows" },
  { "4cdd2055-930d-4eaf-94f4-733f3e7d1bfb", "LAPTOP-MKTG-11", "Windows" },
  { "57ee05cd-e009-42c7-bebf-f20686734721", "MBP-QA-06", "macOS" },
  { "1b2c6d0e-8f3a-4c5b-9d7e-2a4f6b8c0d12", "PC-042", "Windows" },
  /* Two devices of one name, as after a reinstall that kept the name:
   * a lookup by name must let the user choose. */
  { "07c43442-6f02-4e48-9cbe-ca6f4016fe09", "LAPTOP-TRAINING", "Windows" },
  { "aafb85db-f64b-4e37-a2b9-866d7e44521a", "LAPTOP-TRAINING", "Windows" },
  /* Switched off in a drawer: never reports until a request expires. */
  { "120b3ac1-21ae-4555-ab5f-ae7a2f4a460e", "LAPTOP-SPARE-OFF", "Windows", TRUE },
};

const RaSimDevice *
ra_sim_catalogue_get_devices (guint *n_devices)
{
  *n_devices = G_N_ELEMENTS (demo_devices);
  return demo_devices;
}

GStrv
ra_simulator_dup_example_device_names (void)
{
  static const char * const names[] = {
    "PC-042", "LAPTOP-TRAINING", "LAPTOP-SPARE-OFF", "MBP-CEO", NULL
  };

  return g_strdupv ((char **) names);
}

/* Realism */

/* The demo actions that answer as the documentation's example does, with
 * null for empty values, and with a purpose the specification does not
 * list. None of them is one the tests pick by name. */
static const char * const seed_shaped_ids[] = {
  "#get_startup_impact", "#update_group_policy", "#get_installed_software_version",
  "#collect_event_log_errors", "#renew_ip_address", "#collect_vpn_client_logs",
};

static const char * const null_valued_ids[] = {
  "#collect_wifi_diagnostics", "#empty_recycle_bin", "#clear_browser_cache",
  "#get_bitlocker_status", "#sync_system_clock", "#configure_proxy_settings",
};

#define UNLISTED_PURPOSE_ID "#repair_office_installation"
#define UNLISTED_PURPOSE "SELF_HEALING"

static void
remove_member (JsonObject *object,
               const char *member)
{
  if (object != NULL && json_object_has_member (object, member))
    json_object_remove_member (object, member);
}

static void
remove_from_each (JsonObject *script_info,
                  const char *list,
                  const char *member)
{
  JsonNode *node = script_info != NULL ? json_object_get_member (script_info, list) : NULL;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_OBJECT (item))
        remove_member (json_node_get_object (item), member);
    }
}

/* Only the members that the documentation's list example shows. */
static void
make_seed_shaped (JsonObject *action)
{
  JsonObject *script_info = ra_sim_json_object (action, "scriptInfo");

  remove_member (action, "description");
  remove_member (action, "origin");
  remove_member (action, "builtInContentVersion");
  remove_member (ra_sim_json_object (action, "targeting"), "workflowEnabled");
  remove_member (script_info, "executionServiceDelegate");
  remove_from_each (script_info, "inputs", "description");
  remove_from_each (script_info, "outputs", "description");
}

/* null where a tidy answer has an empty string or an empty list. */
static void
make_null_valued (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) names = json_object_get_members (object);
      /* Copies: replacing a member may free the name json-glib holds. */
      GList *members = g_list_copy_deep (names, (GCopyFunc) (void (*) (void)) g_strdup, NULL);

      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *member = json_object_get_member (object, l->data);

          if ((JSON_NODE_HOLDS_VALUE (member) &&
               json_node_get_value_type (member) == G_TYPE_STRING &&
               json_node_get_string (member)[0] == '\0') ||
              (JSON_NODE_HOLDS_ARRAY (member) &&
               json_array_get_length (json_node_get_array (member)) == 0))
            json_object_set_null_member (object, l->data);
          else
            make_null_valued (member);
        }

      g_list_free_full (members, g_free);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        make_null_valued (json_array_get_element (array, i));
    }
}

static gboolean
strv_has (const char * const *strv,
          guint               n,
          const char         *value)
{
  for (guint i = 0; i < n; i++)
    {
      if (g_strcmp0 (strv[i], value) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
make_demo_realistic (GPtrArray *actions)
{
  for (guint i = 0; i < actions->len; i++)
    {
      JsonNode *node = g_ptr_array_index (actions, i);
      JsonObject *action = json_node_get_object (node);
      const char *id = ra_sim_json_string (action, "id");

      if (strv_has (seed_shaped_ids, G_N_ELEMENTS (seed_shaped_ids), id))
        make_seed_shaped (action);
      else if (strv_has (null_valued_ids, G_N_ELEMENTS (null_valued_ids), id))
        make_null_valued (node);

      if (g_strcmp0 (id, UNLISTED_PURPOSE_ID) == 0)
        {
          JsonNode *purpose = json_object_get_member (action, "purpose");

          if (purpose != NULL && JSON_NODE_HOLDS_ARRAY (purpose))
            json_array_add_string_element (json_node_get_array (purpose), UNLISTED_PURPOSE);
        }
    }
}

GPtrArray *
ra_sim_catalogue_new_demo (RaSimProfile profile)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;
  GPtrArray *actions;

  /* Looked up through our own GResource rather than the global table,
   * which also keeps the linker from dropping it out of the static
   * library. */
  bytes = g_resource_lookup_data (ra_sim_get_resource (), CATALOGUE_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   g_bytes_get_size (bytes), &error))
    g_error ("The built-in catalogue is broken: %s", error->message);

  array = json_node_get_array (json_parser_get_root (parser));
  actions = g_ptr_array_new_full (json_array_get_length (array),
                                  (GDestroyNotify) json_node_unref);
  /* Copies: the realistic profile changes them. */
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_ptr_array_add (actions, json_node_copy (json_array_get_element (array, i)));

  if (profile == RA_SIM_PROFILE_REALISTIC)
    make_demo_realistic (actions);

  return actions;
}

static const char * const verbs[] = {
  "Restart", "Collect", "Reset", "Repair", "Check", "Clear", "Update", "Measure",
};

static const char * const objects[] = {
  "print queue", "browser profile", "VPN tunnel", "audio driver", "disk quota",
  "certificate store", "update agent", "display settings", "mail profile",
  "Bluetooth stack", "local firewall", "time zone",
};

static const char * const output_types[] = {
  "string", "int", "bool", "list_of_strings", "datetime", "bytes", "float", "millis", "version",
};

static void
add_input (JsonBuilder *builder,
           guint        index,
           guint        kind,
           gboolean     windows,
           gboolean     macos)
{
  char id[32];

  g_snprintf (id, sizeof id, "Input%u", index + 1);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, kind == 0 ? "Mode" : kind == 1 ? "Target" : "Note");
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, "A generated input.");
  json_builder_set_member_name (builder, "usedByWindows");
  json_builder_add_boolean_value (builder, windows);
  json_builder_set_member_name (builder, "usedByMacOs");
  json_builder_add_boolean_value (builder, macos);
  json_builder_set_member_name (builder, "options");
  json_builder_begin_array (builder);
  if (kind < 2)
    {
      json_builder_add_string_value (builder, "Low");
      json_builder_add_string_value (builder, "Medium");
      json_builder_add_string_value (builder, "High");
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "allowCustomValue");
  json_builder_add_boolean_value (builder, kind != 0);
  json_builder_end_object (builder);
}

static void
add_output (JsonBuilder *builder,
            guint        index,
            const char  *type,
            gboolean     windows,
            gboolean     macos)
{
  char id[32];

  g_snprintf (id, sizeof id, "Output%u", index + 1);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, type);
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, "A generated output.");
  json_builder_set_member_name (builder, "usedByWindows");
  json_builder_add_boolean_value (builder, windows);
  json_builder_set_member_name (builder, "usedByMacOs");
  json_builder_add_boolean_value (builder, macos);
  json_builder_end_object (builder);
}

static JsonNode *
generate_action (guint i)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gboolean windows = i % 3 != 1;
  gboolean macos = i % 3 != 0;
  char id[48], uuid[40];
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;

  g_snprintf (id, sizeof id, "#generated_action_%05u", i + 1);
  g_snprintf (uuid, sizeof uuid, "%08x-%04x-4%03x-8%03x-%012x",
              i * 2654435761u, (i >> 16) & 0xffff, i & 0xfff, (i * 7) & 0xfff, i);
  name = g_strdup_printf ("%s %s %u", verbs[i % G_N_ELEMENTS (verbs)],
                          objects[(i / G_N_ELEMENTS (verbs)) % G_N_ELEMENTS (objects)], i + 1);
  description = g_strdup_printf ("Generated remote action number %u, for measuring large catalogues.",
                                 i + 1);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "uuid");
  json_builder_add_string_value (builder, uuid);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, description);
  json_builder_set_member_name (builder, "origin");
  json_builder_add_string_value (builder, "custom");
  json_builder_set_member_name (builder, "builtInContentVersion");
  json_builder_add_string_value (builder, "");
  json_builder_set_member_name (builder, "purpose");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, i % 2 == 0 ? "REMEDIATION" : "DATA_COLLECTION");
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "targeting");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "apiEnabled");
  json_builder_add_boolean_value (builder, i % 10 != 9);
  json_builder_set_member_name (builder, "manualEnabled");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "workflowEnabled");
  json_builder_add_boolean_value (builder, i % 4 != 0);
  json_builder_set_member_name (builder, "manualAllowMultipleDevices");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "scriptInfo");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "executionServiceDelegate");
  json_builder_add_string_value (builder, "");
  json_builder_set_member_name (builder, "runAs");
  json_builder_add_string_value (builder, i % 5 == 0 ? "INTERACTIVE_USER" : "LOCAL_SYSTEM");
  json_builder_set_member_name (builder, "timeoutSeconds");
  json_builder_add_int_value (builder, 60 + (i % 10) * 30);
  json_builder_set_member_name (builder, "hasScriptWindows");
  json_builder_add_boolean_value (builder, windows);
  json_builder_set_member_name (builder, "hasScriptMacOs");
  json_builder_add_boolean_value (builder, macos);
  json_builder_set_member_name (builder, "inputs");
  json_builder_begin_array (builder);
  for (guint k = 0; k < i % 4; k++)
    add_input (builder, k, (i + k) % 3, windows, macos);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "outputs");
  json_builder_begin_array (builder);
  for (guint k = 0; k < 1 + i % 3; k++)
    add_output (builder, k, output_types[(i + k) % G_N_ELEMENTS (output_types)], windows, macos);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Realistic: one action in four answers as the documentation's example,
 * one in four with null for its empty values. */
GPtrArray *
ra_sim_catalogue_new_generated (guint        n,
                                RaSimProfile profile)
{
  GPtrArray *actions = g_ptr_array_new_full (n, (GDestroyNotify) json_node_unref);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *action = generate_action (i);

      if (profile == RA_SIM_PROFILE_REALISTIC && i % 4 == 1)
        make_seed_shaped (json_node_get_object (action));
      else if (profile == RA_SIM_PROFILE_REALISTIC && i % 4 == 2)
        make_null_valued (action);

      g_ptr_array_add (actions, action);
    }

  return actions;
}
