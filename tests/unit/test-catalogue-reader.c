/* test-catalogue-reader.c — the one-pass catalogue reader against the
 * json-glib tree path
 *
 * Every body here goes through both. Where the one-pass reader gives a
 * list, the tree path must give the same list, model by model, and the
 * same skipped actions, with the same paths and reasons; where it gives
 * up, the combined reader must give the tree path's verdict and error.
 * Bodies come from the demo catalogue, generated catalogues (full and
 * sparse), the fuzz corpus, hand-written corner cases (absent and null
 * members, broken single actions), and byte-level changes to all of
 * these.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-catalogue-reader"

#include "config.h"

#include <string.h>

#include "ra-catalogue-compare.h"
#include "ra-catalogue-reader-private.h"
#include "ra-error.h"
#include "ra-json-private.h"
#include "ra-models-private.h"
#include "ra-sim-private.h"
#include "ra-test-catalogue.h"

static guint n_fast;
static guint n_tree_ok;
static guint n_refused;

/* What check_body() saw the one-pass reader do. */
#define WHOLE_BODY_TO_TREE (-1)  /* it gave up: the tree path read it all */
#define ALL_FAST 0               /* every action in one pass */
/* n > 0: n actions were read again by the tree path, alone */

/* Returns what the one-pass reader did with the body: WHOLE_BODY_TO_TREE,
 * ALL_FAST, or how many actions it handed to the tree path. */
static int
check_body (const char *data,
            gsize       length)
{
  g_autoptr(GError) tree_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RaCatalogue) tree = _ra_catalogue_read_tree (data, length, &tree_error);
  guint n_slow = 0;
  g_autoptr(RaCatalogue) fast = _ra_catalogue_read_fast (data, length, &n_slow);
  g_autoptr(RaCatalogue) combined = _ra_catalogue_read (data, length, &error);

  g_assert_true ((tree == NULL) != (tree_error == NULL));
  g_assert_true ((combined == NULL) != (error == NULL));

  if (fast != NULL)
    {
      /* The reader never accepts what the tree path refuses. */
      g_assert_no_error (tree_error);
      ra_test_assert_same_catalogue (fast, tree);
      n_fast++;
    }

  if (tree != NULL)
    {
      g_assert_no_error (error);
      ra_test_assert_same_catalogue (combined, tree);
      n_tree_ok++;
    }
  else
    {
      g_assert_error (error, tree_error->domain, tree_error->code);
      g_assert_cmpstr (error->message, ==, tree_error->message);
      n_refused++;
    }

  return fast != NULL ? (int) n_slow : WHOLE_BODY_TO_TREE;
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

static void
test_demo_catalogue (void)
{
  g_autoptr(GPtrArray) actions = ra_sim_catalogue_new_demo (RA_SIM_PROFILE_TIDY);
  g_autofree char *compact = ra_test_catalogue_to_json (actions, FALSE);
  g_autofree char *pretty = ra_test_catalogue_to_json (actions, TRUE);
  g_autofree char *verbatim = NULL;
  gsize length;

  g_assert_cmpuint (actions->len, >, 0);
  g_assert_cmpint (check_body (compact, strlen (compact)), ==, ALL_FAST);
  g_assert_cmpint (check_body (pretty, strlen (pretty)), ==, ALL_FAST);

  /* The file as written, with its own layout. */
  g_assert_true (g_file_get_contents (DEMO_CATALOGUE, &verbatim, &length, NULL));
  g_assert_cmpint (check_body (verbatim, length), ==, ALL_FAST);

  check_variants (compact, strlen (compact), 150);
}

static void
test_generated_catalogues (void)
{
  const guint sizes[] = { 0, 1, 7, 500 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(GPtrArray) actions = ra_sim_catalogue_new_generated (sizes[i], RA_SIM_PROFILE_REALISTIC);
      g_autofree char *compact = ra_test_catalogue_to_json (actions, FALSE);
      g_autofree char *pretty = ra_test_catalogue_to_json (actions, TRUE);

      g_assert_cmpint (check_body (compact, strlen (compact)), ==, ALL_FAST);
      g_assert_cmpint (check_body (pretty, strlen (pretty)), ==, ALL_FAST);
    }

  {
    g_autoptr(GPtrArray) actions = ra_sim_catalogue_new_generated (20, RA_SIM_PROFILE_REALISTIC);
    g_autofree char *compact = ra_test_catalogue_to_json (actions, FALSE);

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

/* Sparse actions as real servers send them: the seed page's example
 * (no description, origin, builtInContentVersion, workflowEnabled,
 * executionServiceDelegate, input or output description), the bare
 * minimum, and null for every optional member. */
#define SEED_ACTION(id_json) \
  "{\"id\":" id_json ",\"uuid\":\"5g5158g0\",\"name\":\"Example Remote Action\"," \
  "\"purpose\":[\"DATA_COLLECTION\"]," \
  "\"targeting\":{\"apiEnabled\":false,\"manualEnabled\":true,\"manualAllowMultipleDevices\":true}," \
  "\"scriptInfo\":{\"runAs\":\"LOCAL_SYSTEM\",\"timeoutSeconds\":120,\"hasScriptWindows\":true," \
  "\"hasScriptMacOs\":false,\"inputs\":[{\"id\":\"name\",\"name\":\"Name\",\"usedByWindows\":true," \
  "\"usedByMacOs\":false,\"options\":[\"X\"],\"allowCustomValue\":true}]," \
  "\"outputs\":[{\"id\":\"Status\",\"name\":\"Status\",\"type\":\"list_of_strings\"," \
  "\"usedByWindows\":true,\"usedByMacOs\":false}]}}"

#define NULL_ACTION \
  "{\"id\":\"#n\",\"uuid\":null,\"name\":\"N\",\"description\":null,\"origin\":null," \
  "\"builtInContentVersion\":null,\"purpose\":null," \
  "\"targeting\":{\"apiEnabled\":null,\"manualEnabled\":null,\"workflowEnabled\":null," \
  "\"manualAllowMultipleDevices\":null}," \
  "\"scriptInfo\":{\"executionServiceDelegate\":null,\"runAs\":null,\"timeoutSeconds\":null," \
  "\"hasScriptWindows\":null,\"hasScriptMacOs\":null,\"inputs\":[{\"id\":\"i\",\"name\":null," \
  "\"description\":null,\"usedByWindows\":null,\"usedByMacOs\":null,\"options\":null," \
  "\"allowCustomValue\":null}],\"outputs\":[{\"id\":\"o\",\"name\":null,\"type\":null," \
  "\"description\":null,\"usedByWindows\":null,\"usedByMacOs\":null}]}}"

static void
test_corner_cases (void)
{
  static const struct {
    const char *body;
    int         expected;  /* what the one-pass reader should do */
  } cases[] = {
    { "[" ACTION ("\"x\"", "", "[" INPUT "]") "]", ALL_FAST },
    { " \r\n\t[ " ACTION ("\"x\"", "", "[]") " , " ACTION ("\"y\"", "", "[" INPUT "," INPUT "]") " ]\n", ALL_FAST },
    /* Escapes of every kind, and characters beyond the BMP. */
    { "[" ACTION ("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\u20AC\\ud83d\\ude00 \xc3\xa9\"", "", "[]") "]", ALL_FAST },
    /* Members the schema does not know, nested, anywhere. */
    { "[" ACTION ("\"x\"", "\"extra\":{\"a\":[1,-2,0,{\"b\":null}],\"c\":\"\\u0041\"},\"n\":null,\"t\":true,",
                  "[]") "]", ALL_FAST },
    /* Sparse and null-valued members stay on the fast path. */
    { "[" SEED_ACTION ("\"#ExampleRA\"") "]", ALL_FAST },
    { "[" NULL_ACTION "]", ALL_FAST },
    { "[{\"id\":\"#bare\",\"name\":\"Bare\"}]", ALL_FAST },
    { "[{\"name\":\"Bare\",\"id\":\"#bare\",\"targeting\":null,\"scriptInfo\":null}]", ALL_FAST },
    { "[{\"id\":\"#e\",\"name\":\"E\",\"targeting\":{},\"scriptInfo\":{\"inputs\":[{\"id\":\"i\"}],"
      "\"outputs\":[{\"id\":\"o\"}]}}]", ALL_FAST },
    { "[" ACTION ("\"x\"", "", "null") "]", ALL_FAST },
    /* Values outside the documented enums are kept, on the fast path too. */
    { "[{\"id\":\"#u\",\"name\":\"U\",\"purpose\":[\"SELF_HEALING\",\"REMEDIATION\",\"\\u0041\"],"
      "\"scriptInfo\":{\"runAs\":\"ROOT\",\"outputs\":[{\"id\":\"o\",\"type\":\"table\"}]}}]", ALL_FAST },
    { "[" SEED_ACTION ("\"#a\"") "," NULL_ACTION "," SEED_ACTION ("\"#b\"") "]", ALL_FAST },
    /* One action the fast path is unsure of goes to the tree path alone,
     * which takes it or leaves it out; the rest stay fast. */
    { "[" ACTION ("\"x\"", "\"id\":\"dup\",", "[]") "]", 1 },
    { "[" ACTION ("\"x\"", "\"\\u0069d2\":1,", "[]") "]", 1 },
    { "[" ACTION ("null", "", "[]") "]", 1 },
    { "[" ACTION ("1", "", "[]") "]", 1 },
    { "[" ACTION ("\"\"", "", "[]") "]", 1 },
    { "[" ACTION ("\"x\"", "", "[1]") "]", 1 },
    { "[{}]", 1 },
    { "[null]", 1 },
    { "[{\"id\":\"#n\",\"name\":null}]", 1 },
    { "[{\"id\":\"#n\",\"name\":\"N\",\"scriptInfo\":{\"inputs\":[{\"id\":null}]}}]", 1 },
    { "[{\"id\":\"#n\",\"name\":\"N\",\"targeting\":{\"apiEnabled\":\"yes\"}}]", 1 },
    { "[" SEED_ACTION ("\"#a\"") ",{\"id\":\"#broken\",\"name\":\"B\",\"targeting\":[]}," SEED_ACTION ("\"#b\"") "]", 1 },
    { "[" SEED_ACTION ("\"#a\"") ",42,{\"name\":\"B\"}," SEED_ACTION ("\"#b\"") "]", 2 },
    /* Left to the tree path whole, which takes or refuses them. */
    { "[" ACTION ("\"a\\u0000b\"", "", "[]") "]", WHOLE_BODY_TO_TREE },
    { "[" ACTION ("\"\\ud800\"", "", "[]") "]", WHOLE_BODY_TO_TREE },
    { "[" ACTION ("\"\\udc00\\ud800\"", "", "[]") "]", WHOLE_BODY_TO_TREE },
    { "[" ACTION ("\"\xed\xa0\x80\"", "", "[]") "]", WHOLE_BODY_TO_TREE },
    { "[" ACTION ("\"\xff\"", "", "[]") "]", WHOLE_BODY_TO_TREE },
    { "[" ACTION ("\"x\"", "\"f\":1.5,", "[]") "]", WHOLE_BODY_TO_TREE },
    { "[" ACTION ("\"x\"", "\"f\":1e3,", "[]") "]", WHOLE_BODY_TO_TREE },
    { "[" ACTION ("\"x\"", "\"f\":012,", "[]") "]", WHOLE_BODY_TO_TREE },
    { "[" ACTION ("\"x\"", "\"f\":123456789012345678901234567890,", "[]") "]", WHOLE_BODY_TO_TREE },
    { "[" ACTION ("\"x\"", "", "[]") ",]", WHOLE_BODY_TO_TREE },
    { "[" ACTION ("\"x\"", "", "[]") "] x", WHOLE_BODY_TO_TREE },
    { "[" ACTION ("\"x\"", "", "[]") "", WHOLE_BODY_TO_TREE },
    { "[]", ALL_FAST },
    { "{}", WHOLE_BODY_TO_TREE },
    { "", WHOLE_BODY_TO_TREE },
    { "   ", WHOLE_BODY_TO_TREE },
    { "\xef\xbb\xbf[]", WHOLE_BODY_TO_TREE },
    { "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", WHOLE_BODY_TO_TREE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u", i);
      g_assert_cmpint (check_body (cases[i].body, strlen (cases[i].body)), ==, cases[i].expected);
      if (g_test_verbose ())
        check_variants (cases[i].body, strlen (cases[i].body), 40);
    }

  /* A schema error deep in a catalogue leaves that one action out, with
   * its ID and path, and the fast path reads the others. */
  {
    g_autoptr(GPtrArray) actions = ra_sim_catalogue_new_generated (30, RA_SIM_PROFILE_TIDY);
    g_autoptr(GError) error = NULL;
    g_autoptr(RaCatalogue) catalogue = NULL;
    g_autofree char *body = NULL;
    JsonObject *action;
    JsonObject *targeting;

    action = json_node_get_object (actions->pdata[17]);
    targeting = json_object_get_object_member (action, "targeting");
    json_object_set_string_member (targeting, "apiEnabled", "true");
    body = ra_test_catalogue_to_json (actions, FALSE);
    g_assert_cmpint (check_body (body, strlen (body)), ==, 1);
    catalogue = _ra_catalogue_read (body, strlen (body), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalogue)), ==, 29);
    g_assert_cmpuint (ra_catalogue_get_n_skipped (catalogue), ==, 1);
    g_assert_cmpuint (ra_catalogue_get_skipped_index (catalogue, 0), ==, 17);
    g_assert_cmpstr (ra_catalogue_get_skipped_id (catalogue, 0), ==,
                     json_object_get_string_member (action, "id"));
    g_assert_cmpstr (ra_catalogue_get_skipped_path (catalogue, 0), ==, "[17].targeting.apiEnabled");
    g_assert_nonnull (strstr (ra_catalogue_get_skipped_reason (catalogue, 0),
                              "[17].targeting.apiEnabled should be true or false"));
  }
}

/* Every member the schema lists, then only the required ones, then
 * null wherever allowed: all read in one pass. */
static void
test_sparse_catalogues (void)
{
  g_autoptr(GPtrArray) tidy = ra_sim_catalogue_new_generated (200, RA_SIM_PROFILE_TIDY);
  g_autoptr(GPtrArray) realistic = ra_sim_catalogue_new_generated (200, RA_SIM_PROFILE_REALISTIC);
  g_autoptr(GPtrArray) demo = ra_sim_catalogue_new_demo (RA_SIM_PROFILE_REALISTIC);
  g_autofree char *tidy_body = ra_test_catalogue_to_json (tidy, FALSE);
  g_autofree char *realistic_body = ra_test_catalogue_to_json (realistic, FALSE);
  g_autofree char *demo_body = ra_test_catalogue_to_json (demo, TRUE);

  /* The realistic catalogues are sparse indeed. */
  g_assert_cmpuint (strlen (realistic_body), <, strlen (tidy_body));
  g_assert_nonnull (strstr (realistic_body, "null"));
  g_assert_nonnull (strstr (demo_body, "null"));

  g_assert_cmpint (check_body (tidy_body, strlen (tidy_body)), ==, ALL_FAST);
  g_assert_cmpint (check_body (realistic_body, strlen (realistic_body)), ==, ALL_FAST);
  g_assert_cmpint (check_body (demo_body, strlen (demo_body)), ==, ALL_FAST);

  check_variants (realistic_body, MIN (strlen (realistic_body), 20000), 100);
}

/* A list where most entries are broken: all are counted, the first
 * RA_CATALOGUE_MAX_SKIPPED_LISTED listed with where and why, the same by
 * both paths, and the good actions among them all read. */
static void
test_many_skipped (void)
{
  const guint n_broken = RA_CATALOGUE_MAX_SKIPPED_LISTED + 100;
  g_autoptr(GString) body = g_string_new ("[");
  g_autoptr(RaCatalogue) catalogue = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_broken; i++)
    {
      /* Every tenth one with an ID, so that the IDs are checked too; a
       * good action after every hundredth. */
      if (i % 10 == 0)
        g_string_append_printf (body, "{\"id\": \"#broken_%u\"},", i);
      else
        g_string_append (body, "7,");
      if (i % 100 == 99)
        g_string_append_printf (body, "{\"id\": \"#good_%u\", \"name\": \"Good\"},", i);
    }
  g_string_truncate (body, body->len - 1);
  g_string_append_c (body, ']');

  g_assert_cmpint (check_body (body->str, body->len), >, ALL_FAST);
  catalogue = _ra_catalogue_read (body->str, body->len, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalogue)), ==, n_broken / 100);
  g_assert_cmpuint (ra_catalogue_get_n_skipped (catalogue), ==, n_broken);
  g_assert_cmpuint (ra_catalogue_get_n_skipped_listed (catalogue), ==,
                    RA_CATALOGUE_MAX_SKIPPED_LISTED);
  for (guint i = 0; i < RA_CATALOGUE_MAX_SKIPPED_LISTED; i++)
    {
      /* The index in the server's list counts the good ones before. */
      g_assert_cmpuint (ra_catalogue_get_skipped_index (catalogue, i), ==, i + i / 100);
      if (i % 10 == 0)
        {
          g_autofree char *id = g_strdup_printf ("#broken_%u", i);

          g_assert_cmpstr (ra_catalogue_get_skipped_id (catalogue, i), ==, id);
        }
      else
        g_assert_null (ra_catalogue_get_skipped_id (catalogue, i));
      g_assert_nonnull (ra_catalogue_get_skipped_path (catalogue, i));
      g_assert_nonnull (ra_catalogue_get_skipped_reason (catalogue, i));
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
  g_test_add_func ("/catalogue-reader/sparse", test_sparse_catalogues);
  g_test_add_func ("/catalogue-reader/many-skipped", test_many_skipped);

  status = g_test_run ();
  g_test_message ("%u bodies taken by the one-pass reader, %u by the tree path, %u refused",
                  n_fast, n_tree_ok, n_refused);
  return status;
}
