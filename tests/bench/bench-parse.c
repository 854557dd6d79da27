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
#include "ra-test-catalogue.h"

#define RUNS 5

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
  /* The simulator's generated catalogue: full in the tidy profile,
   * sparse (members left out or null) in the realistic one. */
  g_autofree char *text = ra_test_catalogue_generate (n, sparse ? RA_SIM_PROFILE_REALISTIC
                                                                : RA_SIM_PROFILE_TIDY);
  gsize length = strlen (text);
  double json_ms[RUNS], model_ms[RUNS], fast_ms[RUNS];

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(RaCatalogue) list = NULL;
      gint64 t0, t1, t2;

      /* The tree path as the client takes it, with its bound. */
      t0 = g_get_monotonic_time ();
      node = ra_json_parse_bounded (text, length, RA_CATALOGUE_TREE_MAX_VALUES, &error);
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
  /* The most rows an NQL answer holds (the API's row limit); the client
   * refuses a larger body. */
  bench_nql (100);
  bench_nql (1000);
  bench_device_ids (10000, FALSE);
  bench_device_ids (10000, TRUE);
  bench_device_ids (100000, TRUE);

  return 0;
}
