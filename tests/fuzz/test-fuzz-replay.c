/* test-fuzz-replay.c — feeds a corpus of hostile inputs to every parser
 *
 * Each file in corpus/json is parsed as a response body and handed to
 * every model parser; each file in either corpus directory is also read as
 * pasted device IDs. Every file is replayed whole, cut at eight points, and
 * with a fixed series of byte changes. A parser must come back with either
 * a result that holds together or an RA_ERROR with a readable message.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-fuzz-replay"

#include "config.h"

#include <string.h>

#include "ra-action-input.h"
#include "ra-action-output.h"
#include "ra-catalogue.h"
#include "ra-catalogue-reader-private.h"
#include "ra-device-ids.h"
#include "ra-error.h"
#include "ra-execution-result.h"
#include "ra-http-private.h"
#include "ra-json-private.h"
#include "ra-nql-result.h"
#include "ra-remote-action.h"

#define N_CUTS       8
#define N_MUTATIONS  48

static const char *corpus_dir;
static guint n_inputs;
static guint n_results;
static guint n_errors;

static void
assert_text (const char *text)
{
  g_assert_nonnull (text);
  g_assert_true (g_utf8_validate (text, -1, NULL));
}

static void
assert_proper_error (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_true (error->domain == RA_ERROR);
  g_assert_cmpint (error->code, ==, RA_ERROR_MALFORMED_RESPONSE);
  assert_text (error->message);
  g_assert_cmpuint (strlen (error->message), >, 0);
  n_errors++;
}

static void
check_input (RaActionInput *input)
{
  const char * const *options = ra_action_input_get_options (input);

  assert_text (ra_action_input_get_id (input));
  assert_text (ra_action_input_get_name (input));
  assert_text (ra_action_input_get_description (input));
  g_assert_nonnull (options);
  for (guint i = 0; options[i] != NULL; i++)
    assert_text (options[i]);
  ra_action_input_validate_value (input, options[0], NULL);
}

/* Text that a server may leave out: NULL, or text. */
static void
assert_optional_text (const char *text)
{
  if (text != NULL)
    assert_text (text);
}

static void
assert_tristate (RaTristate value)
{
  g_assert_true (value == RA_TRISTATE_NO || value == RA_TRISTATE_YES ||
                 value == RA_TRISTATE_UNKNOWN);
}

static void
check_output (RaActionOutput *output)
{
  assert_text (ra_action_output_get_id (output));
  assert_text (ra_action_output_get_name (output));
  assert_optional_text (ra_action_output_get_output_type (output));
  assert_text (ra_action_output_get_description (output));
  assert_tristate (ra_action_output_get_used_by_windows (output));
  assert_tristate (ra_action_output_get_used_by_macos (output));
}

static void
check_action (RaRemoteAction *action)
{
  GListModel *inputs = ra_remote_action_get_inputs (action);
  GListModel *outputs = ra_remote_action_get_outputs (action);

  const char * const *purposes = ra_remote_action_get_purpose_texts (action);

  assert_text (ra_remote_action_get_id (action));
  g_assert_cmpuint (strlen (ra_remote_action_get_id (action)), >, 0);
  assert_optional_text (ra_remote_action_get_uuid (action));
  assert_text (ra_remote_action_get_name (action));
  assert_text (ra_remote_action_get_description (action));
  assert_optional_text (ra_remote_action_get_origin (action));
  assert_optional_text (ra_remote_action_get_built_in_content_version (action));
  assert_optional_text (ra_remote_action_get_execution_service_delegate (action));
  for (guint i = 0; purposes != NULL && purposes[i] != NULL; i++)
    assert_text (purposes[i]);
  /* A run-as outside the documented ones is kept as written. */
  if (ra_remote_action_get_run_as (action) == RA_RUN_AS_OTHER)
    assert_text (ra_remote_action_get_run_as_text (action));
  else if (ra_remote_action_get_run_as (action) != RA_RUN_AS_UNKNOWN)
    g_assert_cmpstr (ra_run_as_to_string (ra_remote_action_get_run_as (action)), ==,
                     ra_remote_action_get_run_as_text (action));
  assert_tristate (ra_remote_action_get_api_enabled (action));
  assert_tristate (ra_remote_action_get_has_script_windows (action));
  g_assert_cmpint (ra_remote_action_get_timeout_seconds (action), >=, 0);
  g_assert_cmpint (ra_remote_action_get_timeout_seconds (action), <=, G_MAXINT32);

  for (guint i = 0; i < g_list_model_get_n_items (inputs); i++)
    {
      g_autoptr(RaActionInput) input = g_list_model_get_item (inputs, i);
      check_input (input);
    }

  for (guint i = 0; i < g_list_model_get_n_items (outputs); i++)
    {
      g_autoptr(RaActionOutput) output = g_list_model_get_item (outputs, i);
      check_output (output);
    }
}

/* What the list says about the actions it left out reaches the admin. */
static void
check_skipped (RaCatalogue *catalogue)
{
  g_assert_cmpuint (ra_catalogue_get_n_skipped_listed (catalogue), <=,
                    ra_catalogue_get_n_skipped (catalogue));
  for (guint i = 0; i < ra_catalogue_get_n_skipped_listed (catalogue); i++)
    {
      assert_optional_text (ra_catalogue_get_skipped_id (catalogue, i));
      assert_text (ra_catalogue_get_skipped_path (catalogue, i));
      assert_text (ra_catalogue_get_skipped_reason (catalogue, i));
    }
}

static void
replay_node (JsonNode *node)
{
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(RaCatalogue) list = ra_catalogue_new_from_json (node, &error);

    if (list != NULL)
      {
        g_assert_no_error (error);
        for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
          {
            g_autoptr(RaRemoteAction) action = g_list_model_get_item (G_LIST_MODEL (list), i);
            check_action (action);
          }
        check_skipped (list);
        n_results++;
      }
    else
      assert_proper_error (error);
    g_clear_error (&error);
  }

  {
    g_autoptr(RaRemoteAction) action = ra_remote_action_new_from_json (node, &error);

    if (action != NULL)
      {
        g_assert_no_error (error);
        check_action (action);
        n_results++;
      }
    else
      assert_proper_error (error);
    g_clear_error (&error);
  }

  {
    g_autoptr(RaActionInput) input = ra_action_input_new_from_json (node, "inputs[0]", &error);

    if (input != NULL)
      check_input (input);
    else
      assert_proper_error (error);
    g_clear_error (&error);
  }

  {
    g_autoptr(RaActionOutput) output = ra_action_output_new_from_json (node, "outputs[0]", &error);

    if (output != NULL)
      check_output (output);
    else
      assert_proper_error (error);
    g_clear_error (&error);
  }

  {
    g_autoptr(RaExecutionResult) result = ra_execution_result_new_from_json (node, &error);

    if (result != NULL)
      {
        g_assert_no_error (error);
        assert_text (ra_execution_result_get_request_id (result));
        g_assert_cmpuint (strlen (ra_execution_result_get_request_id (result)), >, 0);
        n_results++;
      }
    else
      assert_proper_error (error);
    g_clear_error (&error);
  }

  {
    g_autoptr(RaNqlResult) result = ra_nql_result_new_from_json (node, &error);

    if (result != NULL)
      {
        const char * const *columns = ra_nql_result_get_columns (result);

        g_assert_no_error (error);
        g_assert_nonnull (columns);
        for (guint c = 0; columns[c] != NULL; c++)
          {
            assert_text (columns[c]);
            for (guint r = 0; r < ra_nql_result_get_n_rows (result); r++)
              {
                const char *value = ra_nql_result_get_value (result, r, columns[c]);

                if (value != NULL)
                  assert_text (value);
              }
          }
        n_results++;
      }
    else
      assert_proper_error (error);
  }
}

static guint
count_lines (const char *text)
{
  guint lines = 1;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\n' || (*p == '\r' && p[1] != '\n'))
        lines++;
    }

  return lines;
}

static void check_device_ids (const char *text);

static void
replay_device_ids (const char *data,
                   gsize       length)
{
  /* Pasted text is a C string: whatever follows a NUL is not seen. */
  g_autofree char *text = g_strndup (data, length);
  g_autoptr(GError) error = NULL;
  g_autofree char *decoded = NULL;

  check_device_ids (text);

  /* The same bytes as an imported file. */
  decoded = ra_device_ids_decode_file (data, length, &error);
  if (decoded != NULL)
    {
      g_assert_no_error (error);
      assert_text (decoded);
      check_device_ids (decoded);
    }
  else
    {
      g_assert_error (error, RA_ERROR, RA_ERROR_INVALID_INPUT);
      assert_text (error->message);
    }
}

static void
check_device_ids (const char *text)
{
  g_autoptr(RaDeviceIds) ids = ra_device_ids_parse (text);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char * const *list = ra_device_ids_get_ids (ids);
  guint max_line = count_lines (text);

  g_assert_nonnull (list);
  g_assert_cmpuint (g_strv_length ((char **) list), ==, ra_device_ids_get_n_ids (ids));

  for (guint i = 0; list[i] != NULL; i++)
    {
      g_autofree char *lower = g_ascii_strdown (list[i], -1);

      g_assert_true (g_uuid_string_is_valid (list[i]));
      g_assert_cmpstr (lower, ==, list[i]);
      g_assert_true (g_hash_table_add (seen, (gpointer) list[i]));
    }

  /* Only the first invalid entries are kept; the rest are counted. */
  if (ra_device_ids_get_n_invalid (ids) > RA_DEVICE_IDS_MAX_KEPT_INVALID)
    g_assert_null (ra_device_ids_get_invalid_entry (ids, RA_DEVICE_IDS_MAX_KEPT_INVALID, NULL));

  for (guint i = 0; i < MIN (ra_device_ids_get_n_invalid (ids), RA_DEVICE_IDS_MAX_KEPT_INVALID); i++)
    {
      guint line = 0;
      const char *entry = ra_device_ids_get_invalid_entry (ids, i, &line);

      assert_text (entry);
      g_assert_cmpuint (strlen (entry), >, 0);
      g_assert_cmpuint (strlen (entry), <=, 200 + strlen ("…"));
      g_assert_cmpuint (line, >=, 1);
      g_assert_cmpuint (line, <=, max_line);
    }
}

static void
replay_json (const char *data,
             gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = ra_json_parse (data, length, &error);

  n_inputs++;

  if (node == NULL)
    assert_proper_error (error);
  else
    replay_node (node);

  /* The list path's own reader, which takes valid catalogues in one
   * pass and leaves everything else to the tree. */
  {
    g_autoptr(GError) list_error = NULL;
    g_autoptr(RaCatalogue) fast = _ra_catalogue_read_fast (data, length, NULL);
    g_autoptr(RaCatalogue) list = _ra_catalogue_read (data, length, &list_error);

    if (list != NULL)
      {
        g_assert_no_error (list_error);
        for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
          {
            g_autoptr(RaRemoteAction) action = g_list_model_get_item (G_LIST_MODEL (list), i);
            check_action (action);
          }
        check_skipped (list);
      }
    else
      assert_proper_error (list_error);

    if (fast != NULL)
      {
        g_assert_nonnull (list);
        for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (fast)); i++)
          {
            g_autoptr(RaRemoteAction) action = g_list_model_get_item (G_LIST_MODEL (fast), i);
            check_action (action);
          }
      }
  }

  /* The same body as an error response: the server's words end up in a
   * message shown to the admin. */
  {
    g_autoptr(GBytes) body = g_bytes_new (data, length);
    g_autofree char *message = ra_http_dup_server_message (body);

    if (message != NULL)
      assert_text (message);
  }

  replay_device_ids (data, length);
}

/* Cuts and byte changes, the same on every run. */
static void
replay_variants (const char *data,
                 gsize       length,
                 gboolean    is_json,
                 guint32     seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  static const char interesting[] = "[]{}\",:\\ \n\r\t0e-.9tfn\x00\xff\xc3\xa0u";

  for (guint i = 1; i < N_CUTS && length > 1; i++)
    {
      gsize cut = length * i / N_CUTS;

      if (is_json)
        replay_json (data, cut);
      else
        {
          n_inputs++;
          replay_device_ids (data, cut);
        }
    }

  if (length == 0)
    return;

  for (guint i = 0; i < N_MUTATIONS; i++)
    {
      g_autofree char *copy = g_memdup2 (data, length + 1);
      guint changes = g_rand_int_range (rand, 1, 4);

      for (guint c = 0; c < changes; c++)
        {
          gsize at = g_rand_int_range (rand, 0, (gint32) MIN (length, G_MAXINT32));

          if (g_rand_boolean (rand))
            copy[at] = interesting[g_rand_int_range (rand, 0, sizeof interesting - 1)];
          else
            copy[at] = (char) g_rand_int_range (rand, 0, 256);
        }

      if (is_json)
        replay_json (copy, length);
      else
        {
          n_inputs++;
          replay_device_ids (copy, length);
        }
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
replay_directory (const char *name,
                  gboolean    is_json)
{
  g_autofree char *path = g_build_filename (corpus_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  const char *file;

  g_assert_no_error (error);

  while ((file = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (files, g_strdup (file));
  g_ptr_array_sort (files, compare_names);

  g_assert_cmpuint (files->len, >, 0);

  for (guint i = 0; i < files->len; i++)
    {
      const char *base = g_ptr_array_index (files, i);
      g_autofree char *file_path = g_build_filename (path, base, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_test_message ("%s/%s", name, base);
      g_file_get_contents (file_path, &contents, &length, &error);
      g_assert_no_error (error);

      if (is_json)
        replay_json (contents, length);
      else
        {
          n_inputs++;
          replay_device_ids (contents, length);
        }

      replay_variants (contents, length, is_json, g_str_hash (base));
    }
}

static void
test_json_corpus (void)
{
  n_inputs = n_results = n_errors = 0;
  replay_directory ("json", TRUE);
  g_test_message ("%u inputs: %u parsed, %u refused with an error",
                  n_inputs, n_results, n_errors);
  g_assert_cmpuint (n_results, >, 0);
  g_assert_cmpuint (n_errors, >, 0);
}

static void
test_device_ids_corpus (void)
{
  n_inputs = 0;
  replay_directory ("device-ids", FALSE);
  g_test_message ("%u device-ID inputs", n_inputs);
}

/* Inputs too large to keep in the repository. */
static void
test_generated (void)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (str, '[');
  replay_json (str->str, str->len);

  g_string_truncate (str, 0);
  for (guint i = 0; i < 200000; i++)
    g_string_append (str, "{\"a\":");
  replay_json (str->str, str->len);

  g_string_assign (str, "{\"requestId\": \"");
  for (guint i = 0; i < 1 << 20; i++)
    g_string_append_c (str, 'a' + (i % 26));
  g_string_append (str, "\"}");
  replay_json (str->str, str->len);

  g_string_truncate (str, 0);
  for (guint i = 0; i < 100000; i++)
    g_string_append (str, "\"x\" , ;\t\r\n");
  replay_device_ids (str->str, str->len);

  g_string_free (str, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    {
      g_printerr ("Usage: %s CORPUS-DIRECTORY\n", argv[0]);
      return 1;
    }
  corpus_dir = argv[1];

  g_test_add_func ("/fuzz/replay/json", test_json_corpus);
  g_test_add_func ("/fuzz/replay/device-ids", test_device_ids_corpus);
  g_test_add_func ("/fuzz/replay/generated", test_generated);

  return g_test_run ();
}
