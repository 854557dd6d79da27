/* ra-sim-main.c — remote-actions-simulator, the simulator as a program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "remote-actions-simulator"

#include "config.h"

#include <glib-unix.h>
#include <locale.h>
#include <stdio.h>

#include "ra-simulator.h"

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_CONTINUE;
}

static void
request_handled_cb (RaSimulator *simulator,
                    const char  *method,
                    const char  *path,
                    guint        status,
                    gpointer     user_data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = g_date_time_format (now, "%H:%M:%S");

  /* Only the method and path: queries and bodies could carry anything. */
  if (status == 0)
    g_printerr ("%s %s %s → connection dropped\n", time, method, path);
  else
    g_printerr ("%s %s %s → %u\n", time, method, path, status);
}

static const char *
legacy_token_description (RaSimLegacyToken mode)
{
  switch (mode)
    {
    case RA_SIM_LEGACY_TOKEN_ON:
      return "on";
    case RA_SIM_LEGACY_TOKEN_UNAUTHORIZED:
      return "answering 401";
    case RA_SIM_LEGACY_TOKEN_OFF:
    default:
      return "off (404)";
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RaSimulator) simulator = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *client_id = NULL;
  g_autofree char *client_secret = NULL;
  int port = 0;
  int login_port = 0;
  int token_lifetime = 900;
  int n_actions = 0;
  g_autofree char *profile = NULL;
  g_autofree char *legacy_token = NULL;
  GOptionEntry entries[] = {
    { "port", 'p', 0, G_OPTION_ARG_INT, &port,
      "Port to listen on, on 127.0.0.1 (default: a free one)", "N" },
    { "login-port", 0, 0, G_OPTION_ARG_INT, &login_port,
      "Port of the login service (the OAuth token endpoint) in the realistic profile (default: a free one)", "N" },
    { "client-id", 0, 0, G_OPTION_ARG_STRING, &client_id,
      "Client ID to accept (default: " RA_SIM_DEFAULT_CLIENT_ID ")", "ID" },
    { "client-secret", 0, 0, G_OPTION_ARG_STRING, &client_secret,
      "Client secret to accept (default: " RA_SIM_DEFAULT_CLIENT_SECRET ")", "SECRET" },
    { "token-lifetime", 0, 0, G_OPTION_ARG_INT, &token_lifetime,
      "Lifetime of access tokens in seconds (default: 900)", "SECONDS" },
    { "profile", 0, 0, G_OPTION_ARG_STRING, &profile,
      "realistic (default): as imperfect as a real instance; tidy: every documented member, one host", "PROFILE" },
    { "legacy-token", 0, 0, G_OPTION_ARG_STRING, &legacy_token,
      "The legacy POST /api/v1/token: off (404; realistic default), on (tidy default) or 401", "off|on|401" },
    { "actions", 0, 0, G_OPTION_ARG_INT, &n_actions,
      "Serve N generated remote actions instead of the demo catalogue", "N" },
    { NULL }
  };

  setlocale (LC_ALL, "");

  context = g_option_context_new ("— a Nexthink API simulator on loopback");
  g_option_context_set_summary (context,
    "Serves the Nexthink remote action, token and NQL APIs on 127.0.0.1 for\n"
    "demos and tests. Stop it with Ctrl+C.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (port < 0 || port > 65535 || login_port < 0 || login_port > 65535 ||
      token_lifetime < 0 || n_actions < 0)
    {
      g_printerr ("Ports, lifetimes and counts cannot be negative, and ports end at 65535.\n");
      return 2;
    }

  if (profile != NULL && g_strcmp0 (profile, "realistic") != 0 && g_strcmp0 (profile, "tidy") != 0)
    {
      g_printerr ("--profile takes realistic or tidy, not “%s”.\n", profile);
      return 2;
    }

  if (legacy_token != NULL && g_strcmp0 (legacy_token, "off") != 0 &&
      g_strcmp0 (legacy_token, "on") != 0 && g_strcmp0 (legacy_token, "401") != 0)
    {
      g_printerr ("--legacy-token takes off, on or 401, not “%s”.\n", legacy_token);
      return 2;
    }

  simulator = ra_simulator_new ();
  ra_simulator_set_profile (simulator,
                            g_strcmp0 (profile, "tidy") == 0 ? RA_SIM_PROFILE_TIDY
                                                             : RA_SIM_PROFILE_REALISTIC);
  if (g_strcmp0 (legacy_token, "off") == 0)
    ra_simulator_set_legacy_token (simulator, RA_SIM_LEGACY_TOKEN_OFF);
  else if (g_strcmp0 (legacy_token, "on") == 0)
    ra_simulator_set_legacy_token (simulator, RA_SIM_LEGACY_TOKEN_ON);
  else if (g_strcmp0 (legacy_token, "401") == 0)
    ra_simulator_set_legacy_token (simulator, RA_SIM_LEGACY_TOKEN_UNAUTHORIZED);
  ra_simulator_set_credentials (simulator,
                                client_id != NULL ? client_id : RA_SIM_DEFAULT_CLIENT_ID,
                                client_secret != NULL ? client_secret : RA_SIM_DEFAULT_CLIENT_SECRET);
  ra_simulator_set_token_lifetime (simulator, token_lifetime);
  ra_simulator_set_login_port (simulator, login_port);
  if (n_actions > 0)
    ra_simulator_set_generated_actions (simulator, n_actions);
  g_signal_connect (simulator, "request-handled", G_CALLBACK (request_handled_cb), NULL);

  if (!ra_simulator_start (simulator, port, &error))
    {
      g_printerr ("Cannot listen on 127.0.0.1:%d: %s\n", port, error->message);
      return 1;
    }

  /* Other programs wait for this exact first line to learn the port, and
   * for the second to learn the login service's; the profile goes to
   * stderr so these lines stay first on stdout. */
  g_printerr ("Profile: %s, legacy token endpoint %s\n",
              ra_simulator_get_profile (simulator) == RA_SIM_PROFILE_TIDY ? "tidy" : "realistic",
              legacy_token_description (ra_simulator_get_legacy_token (simulator)));
  g_print ("Listening on %s\n", ra_simulator_get_base_url (simulator));
  if (ra_simulator_has_login_listener (simulator))
    g_print ("Login service on %s\n", ra_simulator_get_login_base_url (simulator));
  if (client_id == NULL && client_secret == NULL)
    g_print ("Credentials: client ID %s, client secret %s\n",
             RA_SIM_DEFAULT_CLIENT_ID, RA_SIM_DEFAULT_CLIENT_SECRET);
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_main_loop_run (loop);

  ra_simulator_stop (simulator);

  return 0;
}
