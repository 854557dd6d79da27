/* test-catalogue-reader.c — the one-pass catalogue reader against the
 * json-glib tree path
 *
 * Every body here goes through both. Where the one-pass reader gives a
 * list, the tree path must give the same list, model by model; where it
 * gives up, the combined reader must give the tree path's verdict and
 * error. Bodies come from the demo catalogue, generated catalogues,
 * the fuzz corpus, hand-written corner cases, and byte-level changes to
 * all of these.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-catalogue-reader"

#include "config.h"

#include <string.h>

#include "ra-catalogue-reader-private.h"
#include "ra-error.h"
#include "ra-json-private.h"
#include "ra-models-private.h"
#include "ra-sim-private.h"

static guint n_fast;
static guint n_tree_ok;
static guint n_refused;

static void
assert_same_strv (const char * const *a,
                  const char * const *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpuint (g_strv_length ((char **) a), ==, g_strv_length ((char **) b));
  for (guint i = 0; a[i] != NULL; i++)
    g_assert_cmpstr (a[i], ==, b[i]);
}

static void
assert_same_input (RaActionInput *a,
                   RaActionInput *b)
{
  g_assert_cmpstr (ra_action_input_get_id (a), ==, ra_action_input_get_id (b));
  g_assert_cmpstr (ra_action_input_get_name (a), ==, ra_action_input_get_name (b));
  g_assert_cmpstr (ra_action_input_get_description (a), ==, ra_action_input_get_description (b));
  g_assert_cmpint (ra_action_input_get_used_by_windows (a), ==, ra_action_input_get_used_by_windows (b));
  g_assert_cmpint (ra_action_input_get_used_by_macos (a), ==, ra_action_input_get_used_by_macos (b));
  g_assert_cmpint (ra_action_input_get_allow_custom_value (a), ==, ra_action_input_get_allow_custom_value (b));
  assert_same_strv (ra_action_input_get_options (a), ra_action_input_get_options (b));
}

static void
assert_same_output (RaActionOutput *a,
                    RaActionOutput *b)
{
  g_assert_cmpstr (ra_action_output_get_id (a), ==, ra_action_output_get_id (b));
  g_assert_cmpstr (ra_action_output_get_name (a), ==, ra_action_output_get_name (b));
  g_assert_cmpstr (ra_action_output_get_output_type (a), ==, ra_action_output_get_output_type (b));
  g_assert_cmpstr (ra_action_output_get_description (a), ==, ra_action_output_get_description (b));
  g_assert_cmpint (ra_action_output_get_used_by_windows (a), ==, ra_action_output_get_used_by_windows (b));
  g_assert_cmpint (ra_action_output_get_used_by_macos (a), ==, ra_action_output_get_used_by_macos (b));
}

static void
assert_same_action (RaRemoteAction *a,
                    RaRemoteAction *b)
{
  GListModel *ia = ra_remote_action_get_inputs (a);
  GListModel *ib = ra_remote_action_get_inputs (b);
  GListModel *oa = ra_remote_action_get_outputs (a);
  GListModel *ob = ra_remote_action_get_outputs (b);

  g_assert_cmpstr (ra_remote_action_get_id (a), ==, ra_remote_action_get_id (b));
  g_assert_cmpstr (ra_remote_action_get_uuid (a), ==, ra_remote_action_get_uuid (b));
  g_assert_cmpstr (ra_remote_action_get_name (a), ==, ra_remote_action_get_name (b));
  g_assert_cmpstr (ra_remote_action_get_description (a), ==, ra_remote_action_get_description (b));
  g_assert_cmpstr (ra_remote_action_get_origin (a), ==, ra_remote_action_get_origin (b));
  g_assert_cmpstr (ra_remote_action_get_built_in_content_version (a), ==,
                   ra_remote_action_get_built_in_content_version (b));
  g_assert_cmpstr (ra_remote_action_get_execution_service_delegate (a), ==,
                   ra_remote_action_get_execution_service_delegate (b));
  g_assert_cmpint (ra_remote_action_get_purpose (a), ==, ra_remote_action_get_purpose (b));
  g_assert_cmpint (ra_remote_action_get_run_as (a), ==, ra_remote_action_get_run_as (b));
  g_assert_cmpint (ra_remote_action_get_timeout_seconds (a), ==, ra_remote_action_get_timeout_seconds (b));
  g_assert_cmpint (ra_remote_action_get_api_enabled (a), ==, ra_remote_action_get_api_enabled (b));
  g_assert_cmpint (ra_remote_action_get_manual_enabled (a), ==, ra_remote_action_get_manual_enabled (b));
  g_assert_cmpint (ra_remote_action_get_workflow_enabled (a), ==, ra_remote_action_get_workflow_enabled (b));
  g_assert_cmpint (ra_remote_action_get_manual_allow_multiple_devices (a), ==,
                   ra_remote_action_get_manual_allow_multiple_devices (b));
  g_assert_cmpint (ra_remote_action_get_has_script_windows (a), ==, ra_remote_action_get_has_script_windows (b));
  g_assert_cmpint (ra_remote_action_get_has_script_macos (a), ==, ra_remote_action_get_has_script_macos (b));

  g_assert_cmpuint (g_list_model_get_n_items (ia), ==, g_list_model_get_n_items (ib));
  for (guint i = 0; i < g_list_model_get_n_items (ia); i++)
    {
      g_autoptr(RaActionInput) x = g_list_model_get_item (ia, i);
      g_autoptr(RaActionInput) y = g_list_model_get_item (ib, i);

      assert_same_input (x, y);
    }

  g_assert_cmpuint (g_list_model_get_n_items (oa), ==, g_list_model_get_n_items (ob));
  for (guint i = 0; i < g_list_model_get_n_items (oa); i++)
    {
      g_autoptr(RaActionOutput) x = g_list_model_get_item (oa, i);
      g_autoptr(RaActionOutput) y = g_list_model_get_item (ob, i);

      assert_same_output (x, y);
    }
}

static void
assert_same_list (GListModel *a,
                  GListModel *b)
{
  g_assert_cmpuint (g_list_model_get_n_items (a), ==, g_list_model_get_n_items (b));
  for (guint i = 0; i < g_list_model_get_n_items (a); i++)
    {
      g_autoptr(RaRemoteAction) x = g_list_model_get_item (a, i);
      g_autoptr(RaRemoteAction) y = g_list_model_get_item (b, i);

      assert_same_action (x, y);
    }
}

/* Returns whether the one-pass reader took the body. */
static gboolean
check_body (const char *data,
            gsize       length)
{
  g_autoptr(GError) tree_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) tree = _ra_catalogue_read_tree (data, length, &tree_error);
  g_autoptr(GListStore) fast = _ra_catalogue_read_fast (data, length);
  g_autoptr(GListStore) combined = _ra_catalogue_read (data, length, &error);

  g_assert_true ((tree == NULL) != (tree_error == NULL));
  g_assert_true ((combined == NULL) != (error == NULL));

  if (fast != NULL)
    {
      /* The reader never accepts what the tree path refuses. */
      g_assert_no_error (tree_error);
      assert_same_list (G_LIST_MODEL (fast), G_LIST_MODEL (tree));
      n_fast++;
    }

  if (tree != NULL)
    {
      g_assert_no_error (error);
      assert_same_list (G_LIST_MODEL (combined), G_LIST_MODEL (tree));
      n_tree_ok++;
    }
  else
    {
      g_assert_error (error, tree_error->domain, tree_error->code);
      g_assert_cmpstr (error->message, ==, tree_error->message);
      n_refused++;
    }

  return fast != NULL;
}

/* Cuts and byte changes at a spread of places, as the fuzz replay does. */
static void
check_variants (const char *data,
                gsize       length,
                guint       n_places)
{
  static const char bytes[] = { '"', '\\', '{', '}', '[', ']', ',', ':', '0', 't', ' ', '\x80', '\0' };
  g_autofree char *copy = g_memdup2 (data, length);

  if (length == 0)
    return;

  for (guint k = 0; k < n_places; k++)
    {
      gsize at = (gsize) ((guint64) length * k / n_places);

      check_body (data, at);

      for (guint b = 0; b < G_N_ELEMENTS (bytes); b++)
        {
          char saved = copy[at];

          copy[at] = bytes[b];
          check_body (copy, length);
          copy[at] = saved;
        }
    }
}

static char *
catalogue_to_json (GPtrArray *actions,
                   gboolean   pretty)
{
  g_autoptr(JsonArray) array = json_array_sized_new (actions->len);
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  for (guint i = 0; i < actions->len; i++)
    json_array_add_element (array, json_node_copy (actions->pdata[i]));
  json_node_set_array (root, array);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, pretty);

  return json_generator_to_data (generator, NULL);
}

static void
test_demo_catalogue (void)
{
  g_autoptr(GPtrArray) actions = ra_sim_catalogue_new_demo ();
  g_autofree char *compact = catalogue_to_json (actions, FALSE);
  g_autofree char *pretty = catalogue_to_json (actions, TRUE);
  g_autofree char *verbatim = NULL;
  gsize length;

  g_assert_cmpuint (actions->len, >, 0);
  g_assert_true (check_body (compact, strlen (compact)));
  g_assert_true (check_body (pretty, strlen (pretty)));

  /* The file as written, with its own layout. */
  g_assert_true (g_file_get_contents (DEMO_CATALOGUE, &verbatim, &length, NULL));
  g_assert_true (check_body (verbatim, length));

  check_variants (compact, strlen (compact), 150);
}

static void
test_generated_catalogues (void)
{
  const guint sizes[] = { 0, 1, 7, 500 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(GPtrArray) actions = ra_sim_catalogue_new_generated (sizes[i]);
      g_autofree char *compact = catalogue_to_json (actions, FALSE);
      g_autofree char *pretty = catalogue_to_json (actions, TRUE);

      g_assert_true (check_body (compact, strlen (compact)));
      g_assert_true (check_body (pretty, strlen (pretty)));
    }

  {
    g_autoptr(GPtrArray) actions = ra_sim_catalogue_new_generated (20);
    g_autofree char *compact = catalogue_to_json (actions, FALSE);

    check_variants (compact, strlen (compact), 150);
  }
}

static void
test_fuzz_corpus (void)
{
  const char *dir_path = FUZZ_JSON_CORPUS;
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n_files = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      check_body (contents, length);
      check_variants (contents, length, MIN (length, 24));
      n_files++;
    }

  g_assert_cmpuint (n_files, >, 10);
}

/* One valid action, with member text that the cases below change. */
#define ACTION(id_json, extra, inputs) \
  "{" extra "\"id\":" id_json ",\"uuid\":\"u\",\"name\":\"N\",\"description\":\"D\"," \
  "\"origin\":\"custom\",\"builtInContentVersion\":\"\",\"purpose\":[\"REMEDIATION\",\"DATA_COLLECTION\"]," \
  "\"targeting\":{\"apiEnabled\":true,\"manualEnabled\":false,\"workflowEnabled\":true,\"manualAllowMultipleDevices\":false}," \
  "\"scriptInfo\":{\"executionServiceDelegate\":\"\",\"runAs\":\"INTERACTIVE_USER\",\"timeoutSeconds\":120," \
  "\"hasScriptWindows\":true,\"hasScriptMacOs\":false,\"inputs\":" inputs ",\"outputs\":[" \
  "{\"id\":\"o\",\"name\":\"O\",\"type\":\"string\",\"description\":\"\",\"usedByWindows\":true,\"usedByMacOs\":true}]}}"

#define INPUT "{\"id\":\"i\",\"name\":\"I\",\"description\":\"d\",\"usedByWindows\":true,\"usedByMacOs\":false," \
  "\"options\":[\"a\",\"b\\\"c\"],\"allowCustomValue\":true}"

static void
test_corner_cases (void)
{
  static const struct {
    const char *body;
    gboolean    fast;  /* whether the one-pass reader should take it */
  } cases[] = {
    { "[" ACTION ("\"x\"", "", "[" INPUT "]") "]", TRUE },
    { " \r\n\t[ " ACTION ("\"x\"", "", "[]") " , " ACTION ("\"y\"", "", "[" INPUT "," INPUT "]") " ]\n", TRUE },
    /* Escapes of every kind, and characters beyond the BMP. */
    { "[" ACTION ("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\u20AC\\ud83d\\ude00 \xc3\xa9\"", "", "[]") "]", TRUE },
    /* Members the schema does not know, nested, anywhere. */
    { "[" ACTION ("\"x\"", "\"extra\":{\"a\":[1,-2,0,{\"b\":null}],\"c\":\"\\u0041\"},\"n\":null,\"t\":true,",
                  "[]") "]", TRUE },
    /* Left to the tree path, which takes or refuses them. */
    { "[" ACTION ("\"x\"", "\"id\":\"dup\",", "[]") "]", FALSE },
    { "[" ACTION ("\"a\\u0000b\"", "", "[]") "]", FALSE },
    { "[" ACTION ("\"\\ud800\"", "", "[]") "]", FALSE },
    { "[" ACTION ("\"\\udc00\\ud800\"", "", "[]") "]", FALSE },
    { "[" ACTION ("\"\xed\xa0\x80\"", "", "[]") "]", FALSE },
    { "[" ACTION ("\"\xff\"", "", "[]") "]", FALSE },
    { "[" ACTION ("\"x\"", "\"f\":1.5,", "[]") "]", FALSE },
    { "[" ACTION ("\"x\"", "\"f\":1e3,", "[]") "]", FALSE },
    { "[" ACTION ("\"x\"", "\"f\":012,", "[]") "]", FALSE },
    { "[" ACTION ("\"x\"", "\"f\":123456789012345678901234567890,", "[]") "]", FALSE },
    { "[" ACTION ("\"x\"", "\"\\u0069d2\":1,", "[]") "]", FALSE },
    { "[" ACTION ("null", "", "[]") "]", FALSE },
    { "[" ACTION ("1", "", "[]") "]", FALSE },
    { "[" ACTION ("\"x\"", "", "null") "]", FALSE },
    { "[" ACTION ("\"x\"", "", "[]") ",]", FALSE },
    { "[" ACTION ("\"x\"", "", "[]") "] x", FALSE },
    { "[" ACTION ("\"x\"", "", "[]") "", FALSE },
    { "[" ACTION ("\"x\"", "", "[1]") "]", FALSE },
    { "[{}]", FALSE },
    { "[null]", FALSE },
    { "[]", TRUE },
    { "{}", FALSE },
    { "", FALSE },
    { "   ", FALSE },
    { "\xef\xbb\xbf[]", FALSE },
    { "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u", i);
      g_assert_cmpint (check_body (cases[i].body, strlen (cases[i].body)), ==, cases[i].fast);
    }

  /* A schema error deep in a catalogue keeps its path. */
  {
    g_autoptr(GPtrArray) actions = ra_sim_catalogue_new_generated (30);
    g_autoptr(GError) error = NULL;
    g_autoptr(GListStore) store = NULL;
    g_autofree char *body = NULL;
    JsonObject *targeting;

    targeting = json_object_get_object_member (json_node_get_object (actions->pdata[17]), "targeting");
    json_object_remove_member (targeting, "apiEnabled");
    body = catalogue_to_json (actions, FALSE);
    g_assert_false (check_body (body, strlen (body)));
    store = _ra_catalogue_read (body, strlen (body), &error);
    g_assert_null (store);
    g_assert_error (error, RA_ERROR, RA_ERROR_MALFORMED_RESPONSE);
    g_assert_nonnull (strstr (error->message, "[17].targeting.apiEnabled is missing"));
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalogue-reader/demo", test_demo_catalogue);
  g_test_add_func ("/catalogue-reader/generated", test_generated_catalogues);
  g_test_add_func ("/catalogue-reader/fuzz-corpus", test_fuzz_corpus);
  g_test_add_func ("/catalogue-reader/corner-cases", test_corner_cases);

  status = g_test_run ();
  g_test_message ("%u bodies taken by the one-pass reader, %u by the tree path, %u refused",
                  n_fast, n_tree_ok, n_refused);
  return status;
}
