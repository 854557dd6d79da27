/* bench-names.c — resolving 500 device names against the simulator
 *
 * The simulator serves from a thread of its own and holds each answer
 * back for LATENCY_MS, as an instance takes its time to run a query. The
 * same 500 names are resolved with one lookup in flight at a time and
 * with the resolver's bound; for each, the time, the requests the
 * simulator received, the most it held at once, and what the names
 * came to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-names"

#include "config.h"

#include "ra-client.h"
#include "ra-device-resolver-private.h"
#include "ra-endpoint.h"
#include "ra-simulator.h"
#include "ra-test-common.h"

#define N_NAMES    RA_DEVICE_RESOLVER_MAX_NAMES
#define LATENCY_MS 50

/* The demo inventory's names (one of them on two devices), then names
 * no device has. */
static GStrv
make_names (void)
{
  static const char * const known[] = {
    "LAPTOP-JDOE-01", "LAPTOP-ASMITH", "DESKTOP-FIN-014", "DESKTOP-FIN-022", "MBP-MARTIN-L",
    "MBA-SALES-07", "LAPTOP-HR-003", "DESKTOP-RECEPTION", "MBP-DESIGN-02", "LAPTOP-ENG-117",
    "LAPTOP-ENG-121", "DESKTOP-LAB-05", "MBP-CEO", "LAPTOP-SUPPORT-09", "PC-042",
    "LAPTOP-TRAINING", "LAPTOP-SPARE-OFF",
  };
  GStrv names = g_new0 (char *, N_NAMES + 1);

  for (guint i = 0; i < N_NAMES; i++)
    names[i] = i < G_N_ELEMENTS (known) ? g_strdup (known[i]) : g_strdup_printf ("PC-%05u", i);

  return names;
}

static void
run (RaSimulator        *sim,
     RaClient           *client,
     const char * const *names,
     guint               concurrency)
{
  g_autoptr(RaDeviceResolver) resolver = ra_device_resolver_new (client, "#device_lookup");
  g_autoptr(GAsyncResult) slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *items = ra_device_resolver_get_names (resolver);
  guint counts[RA_DEVICE_NAME_ERROR + 1] = { 0, };
  gint64 start;
  gint64 elapsed;

  ra_device_resolver_set_concurrency (resolver, concurrency);
  ra_simulator_clear_requests (sim);

  start = g_get_monotonic_time ();
  ra_device_resolver_resolve_async (resolver, names, NULL, ra_test_store_result_cb, &slot);
  result = ra_test_wait_for_result (&slot, 600 * 1000);
  elapsed = g_get_monotonic_time () - start;

  if (!ra_device_resolver_resolve_finish (resolver, result, &error))
    g_error ("Resolving failed: %s", error->message);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RaDeviceName) item = g_list_model_get_item (items, i);

      counts[ra_device_name_get_status (item)]++;
    }

  g_print ("bound %u: %u names in %.2f s, %u requests, at most %u in flight "
           "(resolver %u); %u resolved, %u no match, %u several, %u errors\n",
           concurrency, g_list_model_get_n_items (items), elapsed / (double) G_USEC_PER_SEC,
           ra_simulator_count_requests (sim, "POST", "/api/v2/nql/execute"),
           ra_simulator_get_max_in_flight (sim), ra_device_resolver_get_max_in_flight (resolver),
           counts[RA_DEVICE_NAME_RESOLVED], counts[RA_DEVICE_NAME_NO_MATCH],
           counts[RA_DEVICE_NAME_SEVERAL], counts[RA_DEVICE_NAME_ERROR]);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RaSimulator) sim = ra_simulator_new ();
  g_autoptr(RaEndpoint) endpoint = NULL;
  g_autoptr(RaClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = make_names ();

  if (!ra_simulator_start_in_thread (sim, 0, &error))
    g_error ("The simulator did not start: %s", error->message);

  endpoint = ra_endpoint_new_full ("demo", "eu", ra_simulator_get_base_url (sim),
                                   ra_simulator_get_login_base_url (sim), &error);
  if (endpoint == NULL)
    g_error ("No endpoint: %s", error->message);
  client = ra_client_new (endpoint, RA_SIM_DEFAULT_CLIENT_ID, RA_SIM_DEFAULT_CLIENT_SECRET,
                          RA_TOKEN_ENDPOINT_AUTO);

  ra_simulator_set_latency (sim, LATENCY_MS);
  g_print ("Resolving %u device names, each lookup answered after %u ms\n", N_NAMES, LATENCY_MS);

  run (sim, client, (const char * const *) names, 1);
  run (sim, client, (const char * const *) names, RA_DEVICE_RESOLVER_DEFAULT_CONCURRENCY);

  g_clear_object (&client);
  ra_simulator_stop (sim);

  return 0;
}
