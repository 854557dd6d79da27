/* test-execution-request.c — the execute body: local checks and JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-execution-request"

#include "config.h"

#include <string.h>

#include "ra-error.h"
#include "ra-execution-request.h"

static const char * const one_device[] = { "2b2f7a41-bbb3-4e50-ba45-7ba09c3a7f16", NULL };

static RaExecutionRequest *
valid_request (void)
{
  RaExecutionRequest *request = ra_execution_request_new ("#restart_service");

  ra_execution_request_set_devices (request, one_device);
  return request;
}

static void
assert_invalid (RaExecutionRequest *request)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (ra_execution_request_validate (request, &error));
  g_assert_error (error, RA_ERROR, RA_ERROR_INVALID_INPUT);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static void
assert_valid (RaExecutionRequest *request)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ra_execution_request_validate (request, &error));
  g_assert_no_error (error);
}

static char **
make_devices (guint n)
{
  char **devices = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    devices[i] = g_strdup_printf ("00000000-0000-4000-8000-%012x", i);

  return devices;
}

static void
test_action_id (void)
{
  g_autoptr(RaExecutionRequest) missing = ra_execution_request_new (NULL);
  g_autoptr(RaExecutionRequest) empty = ra_execution_request_new ("");
  g_autoptr(RaExecutionRequest) blank = ra_execution_request_new ("  ");

  ra_execution_request_set_devices (missing, one_device);
  ra_execution_request_set_devices (empty, one_device);
  ra_execution_request_set_devices (blank, one_device);
  assert_invalid (missing);
  assert_invalid (empty);
  assert_invalid (blank);
}

static void
test_devices (void)
{
  g_autoptr(RaExecutionRequest) request = ra_execution_request_new ("#a");
  g_auto(GStrv) max = make_devices (RA_EXECUTION_MAX_DEVICES);
  g_auto(GStrv) too_many = make_devices (RA_EXECUTION_MAX_DEVICES + 1);
  static const char * const with_empty[] = { "a", "", NULL };

  g_assert_cmpuint (ra_execution_request_get_n_devices (request), ==, 0);
  assert_invalid (request);

  ra_execution_request_set_devices (request, NULL);
  assert_invalid (request);

  ra_execution_request_set_devices (request, one_device);
  g_assert_cmpuint (ra_execution_request_get_n_devices (request), ==, 1);
  assert_valid (request);

  ra_execution_request_set_devices (request, (const char * const *) max);
  g_assert_cmpuint (ra_execution_request_get_n_devices (request), ==, 10000);
  assert_valid (request);

  ra_execution_request_set_devices (request, (const char * const *) too_many);
  g_assert_cmpuint (ra_execution_request_get_n_devices (request), ==, 10001);
  assert_invalid (request);

  ra_execution_request_set_devices (request, with_empty);
  assert_invalid (request);

  /* The request holds a copy. */
  {
    char *mine[] = { g_strdup ("x"), NULL };

    ra_execution_request_set_devices (request, (const char * const *) mine);
    g_free (mine[0]);
    g_assert_cmpstr (ra_execution_request_get_devices (request)[0], ==, "x");
  }
}

static void
test_expiry (void)
{
  g_autoptr(RaExecutionRequest) request = valid_request ();
  static const struct { guint minutes; gboolean valid; } cases[] = {
    { 0, TRUE }, { 1, FALSE }, { 59, FALSE }, { 60, TRUE }, { 61, TRUE },
    { 1440, TRUE }, { 10079, TRUE }, { 10080, TRUE }, { 10081, FALSE },
    { G_MAXUINT, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ra_execution_request_set_expires_in_minutes (request, cases[i].minutes);
      g_assert_cmpuint (ra_execution_request_get_expires_in_minutes (request), ==, cases[i].minutes);
      if (cases[i].valid)
        assert_valid (request);
      else
        assert_invalid (request);
    }
}

static char *
repeat (const char *unit,
        guint       n)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (str, unit);

  return g_string_free (str, FALSE);
}

static void
test_reason (void)
{
  g_autoptr(RaExecutionRequest) request = valid_request ();
  g_autofree char *ascii_500 = repeat ("a", 500);
  g_autofree char *ascii_501 = repeat ("a", 501);
  /* "é" is 2 bytes and "€" 3: 500 characters, 1000 or 1500 bytes. */
  g_autofree char *accented_500 = repeat ("é", 500);
  g_autofree char *euro_500 = repeat ("€", 500);
  g_autofree char *euro_501 = repeat ("€", 501);

  g_assert_cmpuint (strlen (euro_500), ==, 1500);

  ra_execution_request_set_reason (request, ascii_500);
  assert_valid (request);
  ra_execution_request_set_reason (request, ascii_501);
  assert_invalid (request);
  ra_execution_request_set_reason (request, accented_500);
  assert_valid (request);
  ra_execution_request_set_reason (request, euro_500);
  assert_valid (request);
  ra_execution_request_set_reason (request, euro_501);
  assert_invalid (request);
  ra_execution_request_set_reason (request, "bad \xff bytes");
  assert_invalid (request);
  ra_execution_request_set_reason (request, NULL);
  assert_valid (request);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_notify (void)
{
  g_autoptr(RaExecutionRequest) request = valid_request ();
  guint count = 0;

  g_signal_connect (request, "notify::reason", G_CALLBACK (notify_cb), &count);
  ra_execution_request_set_reason (request, "Ticket");
  ra_execution_request_set_reason (request, "Ticket");
  g_assert_cmpuint (count, ==, 1);
  ra_execution_request_set_reason (request, NULL);
  g_assert_cmpuint (count, ==, 2);
}

static void
test_seed_example (void)
{
  g_autoptr(RaExecutionRequest) request = ra_execution_request_new ("#ExampleRA");
  g_autoptr(JsonNode) built = NULL;
  g_autoptr(JsonNode) documented = NULL;
  g_autoptr(GError) error = NULL;
  /* As printed on the documented page (its collector IDs are not even
   * hexadecimal; the request does not judge them). */
  static const char * const devices[] = {
    "2b2frs41-bbb3-4e50-ba45-7ba09c3a7f16",
    "8ebe8051-4g1b-4617-8148-df7a56c307b3",
    "31bc219c-fb9g-47ba-8fc1-18cdf66b5e5a",
    NULL
  };

  ra_execution_request_set_param (request, "StartType", "Automatic");
  ra_execution_request_set_param (request, "StatusChange", "On");
  ra_execution_request_set_param (request, "SetStartTypeTo", "Manual");
  ra_execution_request_set_devices (request, devices);
  assert_valid (request);

  built = ra_execution_request_to_json (request);
  documented = json_from_string ("{\n"
                                 " \"remoteActionId\": \"#ExampleRA\",\n"
                                 " \"params\": {\"StartType\": \"Automatic\", \"StatusChange\": \"On\", \"SetStartTypeTo\": \"Manual\"},\n"
                                 " \"devices\": [\n"
                                 " \"2b2frs41-bbb3-4e50-ba45-7ba09c3a7f16\",\"8ebe8051-4g1b-4617-8148-df7a56c307b3\",\"31bc219c-fb9g-47ba-8fc1-18cdf66b5e5a\"\n"
                                 "    ]\n"
                                 "}", &error);
  g_assert_no_error (error);
  g_assert_true (json_node_equal (built, documented));
}

static void
test_json_shape (void)
{
  g_autoptr(RaExecutionRequest) request = valid_request ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  JsonObject *object;

  /* No parameters: "params" is still there, empty. No expiry, no trigger
   * info: left out, so the server applies its defaults. */
  node = ra_execution_request_to_json (request);
  text = json_to_string (node, FALSE);
  g_assert_cmpstr (text, ==,
                   "{\"remoteActionId\":\"#restart_service\",\"params\":{},"
                   "\"devices\":[\"2b2f7a41-bbb3-4e50-ba45-7ba09c3a7f16\"]}");
  g_clear_pointer (&node, json_node_unref);
  g_clear_pointer (&text, g_free);

  ra_execution_request_set_expires_in_minutes (request, 60);
  ra_execution_request_set_reason (request, "Printer queue stuck");
  ra_execution_request_set_external_source (request, "");
  ra_execution_request_set_external_reference (request, "INC0012345");
  ra_execution_request_set_param (request, "b", "2");
  ra_execution_request_set_param (request, "a", "1");
  ra_execution_request_set_param (request, "c", "3");
  ra_execution_request_set_param (request, "c", NULL);
  node = ra_execution_request_to_json (request);
  text = json_to_string (node, FALSE);
  g_assert_cmpstr (text, ==,
                   "{\"remoteActionId\":\"#restart_service\",\"params\":{\"a\":\"1\",\"b\":\"2\"},"
                   "\"devices\":[\"2b2f7a41-bbb3-4e50-ba45-7ba09c3a7f16\"],"
                   "\"expiresInMinutes\":60,"
                   "\"triggerInfo\":{\"reason\":\"Printer queue stuck\",\"externalReference\":\"INC0012345\"}}");

  object = json_node_get_object (node);
  g_assert_cmpint (json_object_get_int_member (object, "expiresInMinutes"), ==, 60);
  g_assert_cmpuint (g_hash_table_size (ra_execution_request_get_params (request)), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/execution-request/action-id", test_action_id);
  g_test_add_func ("/execution-request/devices", test_devices);
  g_test_add_func ("/execution-request/expiry", test_expiry);
  g_test_add_func ("/execution-request/reason", test_reason);
  g_test_add_func ("/execution-request/notify", test_notify);
  g_test_add_func ("/execution-request/seed-example", test_seed_example);
  g_test_add_func ("/execution-request/json-shape", test_json_shape);

  return g_test_run ();
}
