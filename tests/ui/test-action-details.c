/* test-action-details.c — what an action is, in words a person reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-action-details"

#include "config.h"

#include "ra-action-details.h"
#include "ra-format.h"

#include "page-fixture.h"
#include "ra-test-utils.h"

static gboolean
row_has_title (GtkWidget     *widget,
               gconstpointer  title)
{
  return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static GtkWidget *
details_of (Fixture *fixture)
{
  GtkWidget *details = ra_test_find_widget (GTK_WIDGET (fixture->page), RA_TYPE_ACTION_DETAILS,
                                            NULL, NULL);

  g_assert_nonnull (details);
  return details;
}

static AdwActionRow *
find_row (Fixture    *fixture,
          const char *title)
{
  GtkWidget *row = ra_test_find_widget (details_of (fixture), ADW_TYPE_ACTION_ROW,
                                        row_has_title, title);

  if (row == NULL)
    g_error ("No row “%s” in the details", title);
  return ADW_ACTION_ROW (row);
}

static gboolean
label_is (GtkWidget     *widget,
          gconstpointer  text)
{
  return g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

/* The server's words for origins and types are turned into the user's. */
static void
test_words (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *output, *type_label;

  select_action (fixture, fixture->form_action);
  g_assert_cmpstr (adw_action_row_get_subtitle (find_row (fixture, "Origin")), ==, "Custom");
  g_assert_cmpstr (adw_action_row_get_subtitle (find_row (fixture, "Runs As")), ==, "Local system");
  g_assert_cmpstr (adw_action_row_get_subtitle (find_row (fixture, "Timeout")), ==, "2 minutes");

  output = GTK_WIDGET (find_row (fixture, "Service status"));
  type_label = ra_test_find_widget (output, GTK_TYPE_LABEL, label_is, "Text");
  g_assert_nonnull (type_label);
  g_assert_null (ra_test_find_widget (output, GTK_TYPE_LABEL, label_is, "string"));
  /* A value to read, not a code: in full contrast and the body font. */
  g_assert_false (gtk_widget_has_css_class (type_label, "dim-label"));
  g_assert_false (gtk_widget_has_css_class (type_label, "monospace"));

  select_action (fixture, fixture->collect_action);
  g_assert_cmpstr (adw_action_row_get_subtitle (find_row (fixture, "Origin")), ==,
                   "Nexthink, version 1.0.0");
}

static void
test_format_words (void)
{
  static const struct { const char *type; const char *words; } types[] = {
    { "string", "Text" },
    { "STRING", "Text" },
    { "list_of_strings", "List of texts" },
    { "int", "Whole number" },
    { "float", "Decimal number" },
    { "bool", "Yes or no" },
    { "datetime", "Date and time" },
    { "millis", "Duration in milliseconds" },
    { "bytes", "Size in bytes" },
    { "version", "Version number" },
    /* Not documented: as the server wrote it. */
    { "table", "table" },
    { NULL, "Type not known" },
  };
  static const struct { const char *origin; const char *version; const char *words; } origins[] = {
    { "custom", NULL, "Custom" },
    { "library", "2.1.0", "Nexthink Library, version 2.1.0" },
    { "NEXTHINK", "", "Nexthink" },
    { "partner", NULL, "partner" },
    { "", NULL, "Not known" },
    { NULL, NULL, "Not known" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autofree char *words = ra_format_output_type (types[i].type);

      g_assert_cmpstr (words, ==, types[i].words);
    }

  for (guint i = 0; i < G_N_ELEMENTS (origins); i++)
    {
      g_autofree char *words = ra_format_origin (origins[i].origin, origins[i].version);

      g_assert_cmpstr (words, ==, origins[i].words);
    }
}

/* Each detail is a value under its name: the value is not dimmed like a
 * subtitle, the name is. */
static void
test_values_readable (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char * const titles[] = {
    "NQL ID", "UUID", "Purpose", "Platforms", "Runs As", "Timeout", "Can Be Triggered", "Origin",
  };

  select_action (fixture, fixture->form_action);

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      AdwActionRow *row = find_row (fixture, titles[i]);

      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "property"));
      g_assert_nonnull (adw_action_row_get_subtitle (row));
      g_assert_cmpstr (adw_action_row_get_subtitle (row), !=, "");
    }
}

static void
add_tests (void)
{
  RA_TEST_ADD ("/action-details/words", test_words);
  RA_TEST_ADD ("/action-details/values-readable", test_values_readable);
  g_test_add_func ("/action-details/format-words", test_format_words);
}

int
main (int   argc,
      char *argv[])
{
  return page_fixture_main (argc, argv, add_tests);
}
