/* bench-parse.c — how long the core library's parsers take on large input
 *
 * Prints figures; passes whatever the clock says.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-parse"

#include "config.h"

#include <string.h>

#include "ra-device-ids.h"
#include "ra-catalogue.h"
#include "ra-catalogue-reader-private.h"
#include "ra-json-private.h"
#include "ra-nql-result.h"
#include "ra-remote-action.h"

#define RUNS 5

/* Adds a string member, or in a sparse catalogue leaves it out (even
 * actions, as the documentation's only real example does) or sends null
 * for it (odd actions). */
static void
add_optional_string (JsonBuilder *builder,
                     gboolean     sparse,
                     guint        i,
                     const char  *member,
                     const char  *value)
{
  if (sparse && i % 2 == 0)
    return;

  json_builder_set_member_name (builder, member);
  if (sparse)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

/* A catalogue shaped like a real one: a few inputs and outputs per
 * action, descriptions of a sentence or two, compact JSON. Full, with
 * every member the schema lists, or sparse, as real servers answer. */
static char *
generate_catalogue (guint    n,
                    gboolean sparse)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("#action_%05u", i);
      g_autofree char *uuid = g_strdup_printf ("5f5158f0-cd00-46be-9bfb-%012x", i);
      g_autofree char *name = g_strdup_printf ("Remote action number %u", i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, id);
      json_builder_set_member_name (builder, "uuid");
      json_builder_add_string_value (builder, uuid);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, name);
      add_optional_string (builder, sparse, i, "description",
                           "Collects the state of a service and restarts it when it "
                           "has stopped, then reports what it found and did.");
      add_optional_string (builder, sparse, i, "origin", i % 3 ? "CUSTOM" : "NEXTHINK");
      add_optional_string (builder, sparse, i, "builtInContentVersion", "1.4.2");
      json_builder_set_member_name (builder, "purpose");
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, "DATA_COLLECTION");
      if (i % 2)
        json_builder_add_string_value (builder, "REMEDIATION");
      json_builder_end_array (builder);

      json_builder_set_member_name (builder, "targeting");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "apiEnabled");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_set_member_name (builder, "manualEnabled");
      json_builder_add_boolean_value (builder, TRUE);
      if (!sparse)
        {
          json_builder_set_member_name (builder, "workflowEnabled");
          json_builder_add_boolean_value (builder, FALSE);
        }
      json_builder_set_member_name (builder, "manualAllowMultipleDevices");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_end_object (builder);

      json_builder_set_member_name (builder, "scriptInfo");
      json_builder_begin_object (builder);
      add_optional_string (builder, sparse, i, "executionServiceDelegate", "");
      json_builder_set_member_name (builder, "runAs");
      json_builder_add_string_value (builder, "LOCAL_SYSTEM");
      json_builder_set_member_name (builder, "timeoutSeconds");
      json_builder_add_int_value (builder, 120);
      json_builder_set_member_name (builder, "hasScriptWindows");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_set_member_name (builder, "hasScriptMacOs");
      json_builder_add_boolean_value (builder, i % 2);
      json_builder_set_member_name (builder, "inputs");
      json_builder_begin_array (builder);
      for (guint j = 0; j < 3; j++)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, "ServiceName");
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, "Service name");
          add_optional_string (builder, sparse, i, "description", "The service to look at");
          json_builder_set_member_name (builder, "usedByWindows");
          json_builder_add_boolean_value (builder, TRUE);
          json_builder_set_member_name (builder, "usedByMacOs");
          json_builder_add_boolean_value (builder, FALSE);
          json_builder_set_member_name (builder, "options");
          json_builder_begin_array (builder);
          json_builder_add_string_value (builder, "Spooler");
          json_builder_add_string_value (builder, "wuauserv");
          json_builder_end_array (builder);
          json_builder_set_member_name (builder, "allowCustomValue");
          json_builder_add_boolean_value (builder, j == 0);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "outputs");
      json_builder_begin_array (builder);
      for (guint j = 0; j < 2; j++)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, "Status");
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, "Status");
          json_builder_set_member_name (builder, "type");
          json_builder_add_string_value (builder, "string");
          add_optional_string (builder, sparse, i, "description", "What the service does now");
          json_builder_set_member_name (builder, "usedByWindows");
          json_builder_add_boolean_value (builder, TRUE);
          json_builder_set_member_name (builder, "usedByMacOs");
          json_builder_add_boolean_value (builder, TRUE);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static double
best_of (double *times)
{
  double best = times[0];

  for (guint i = 1; i < RUNS; i++)
    best = MIN (best, times[i]);
  return best;
}

typedef struct
{
  gsize  length;
  double json_ms;
  double model_ms;
  double one_pass_ms;
  guint  n_slow;
} CatalogueFigures;

static void
measure_catalogue (guint             n,
                   gboolean          sparse,
                   CatalogueFigures *figures)
{
  g_autofree char *text = generate_catalogue (n, sparse);
  gsize length = strlen (text);
  double json_ms[RUNS], model_ms[RUNS], fast_ms[RUNS];

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(RaCatalogue) list = NULL;
      gint64 t0, t1, t2;

      t0 = g_get_monotonic_time ();
      node = ra_json_parse (text, length, &error);
      t1 = g_get_monotonic_time ();
      g_assert_no_error (error);
      list = ra_catalogue_new_from_json (node, &error);
      t2 = g_get_monotonic_time ();
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);

      json_ms[run] = (t1 - t0) / 1000.0;
      model_ms[run] = (t2 - t1) / 1000.0;
    }

  /* What the client runs for a list: the one-pass reader. */
  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RaCatalogue) list = NULL;
      gint64 t0;

      t0 = g_get_monotonic_time ();
      list = _ra_catalogue_read (text, length, &error);
      fast_ms[run] = (g_get_monotonic_time () - t0) / 1000.0;
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
    }

  /* Whether it stayed on the fast path, action by action. */
  {
    g_autoptr(RaCatalogue) list = _ra_catalogue_read_fast (text, length, &figures->n_slow);

    g_assert_nonnull (list);
  }

  figures->length = length;
  figures->json_ms = best_of (json_ms);
  figures->model_ms = best_of (model_ms);
  figures->one_pass_ms = best_of (fast_ms);
}

/* Full and sparse catalogues side by side: a sparse one must not cost
 * more per byte, which it would if absent or null members sent actions
 * to the tree path. */
static void
bench_catalogue (guint n)
{
  CatalogueFigures full, sparse;

  measure_catalogue (n, FALSE, &full);
  measure_catalogue (n, TRUE, &sparse);

  g_print ("catalogue of %5u actions, full:   %8zu bytes: JSON %7.1f ms, models %6.1f ms; "
           "one-pass reader %6.1f ms, %4.1f× faster, %u actions by the tree (best of %d)\n",
           n, full.length, full.json_ms, full.model_ms, full.one_pass_ms,
           (full.json_ms + full.model_ms) / MAX (full.one_pass_ms, 0.001), full.n_slow, RUNS);
  g_print ("catalogue of %5u actions, sparse: %8zu bytes: JSON %7.1f ms, models %6.1f ms; "
           "one-pass reader %6.1f ms, %4.1f× faster, %u actions by the tree (best of %d)\n",
           n, sparse.length, sparse.json_ms, sparse.model_ms, sparse.one_pass_ms,
           (sparse.json_ms + sparse.model_ms) / MAX (sparse.one_pass_ms, 0.001), sparse.n_slow, RUNS);
  g_print ("catalogue of %5u actions, sparse/full: one-pass reader %.2f× the time for %.2f× the bytes\n",
           n, sparse.one_pass_ms / MAX (full.one_pass_ms, 0.001),
           (double) sparse.length / full.length);
}

static void
bench_nql (guint rows)
{
  GString *text = g_string_new ("{\"queryId\":\"#q\",\"rows\":0,\"data\":[");
  double ms[RUNS];

  for (guint i = 0; i < rows; i++)
    g_string_append_printf (text,
                            "%s{\"device.name\":\"PC-%06u\",\"device.collector.uid\":\"5f5158f0-cd00-46be-9bfb-%012x\","
                            "\"remote_action.execution.status\":\"success\",\"remote_action.execution.time\":%u.5,"
                            "\"remote_action.execution.outputs\":{\"Status\":\"Running\"}}",
                            i ? "," : "", i, i, i);
  g_string_append (text, "]}");

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(RaNqlResult) result = NULL;
      gint64 t0 = g_get_monotonic_time ();

      node = ra_json_parse (text->str, text->len, &error);
      g_assert_no_error (error);
      result = ra_nql_result_new_from_json (node, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (ra_nql_result_get_n_rows (result), ==, rows);
      ms[run] = (g_get_monotonic_time () - t0) / 1000.0;
    }

  g_print ("NQL result of %6u rows, %8zu bytes: %7.1f ms (best of %d)\n",
           rows, text->len, best_of (ms), RUNS);
  g_string_free (text, TRUE);
}

static void
bench_device_ids (guint lines,
                  gboolean csv)
{
  GString *text = g_string_new (csv ? "device.name,device.collector.id\r\n" : NULL);
  double ms[RUNS];

  for (guint i = 0; i < lines; i++)
    {
      if (csv)
        g_string_append_printf (text, "\"PC-%06u\",%08X-0000-4000-8000-%012x\r\n", i, i, i);
      else
        g_string_append_printf (text, "%08x-0000-4000-8000-%012x\n", i, i);
    }

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(RaDeviceIds) ids = NULL;
      gint64 t0 = g_get_monotonic_time ();

      ids = ra_device_ids_parse (text->str);
      g_assert_cmpuint (ra_device_ids_get_n_ids (ids), ==, lines);
      ms[run] = (g_get_monotonic_time () - t0) / 1000.0;
    }

  g_print ("device IDs, %6u %s, %8zu bytes: %7.1f ms (best of %d)\n",
           lines, csv ? "CSV rows " : "lines    ", text->len, best_of (ms), RUNS);
  g_string_free (text, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  bench_catalogue (100);
  bench_catalogue (1000);
  bench_catalogue (10000);
  bench_nql (1000);
  bench_nql (100000);
  bench_device_ids (10000, FALSE);
  bench_device_ids (10000, TRUE);
  bench_device_ids (100000, TRUE);

  return 0;
}
