/* test-device-ids.c — collector IDs from messy pasted text and CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-device-ids"

#include "config.h"

#include <string.h>
#include <sys/resource.h>

#include "ra-device-ids.h"
#include "ra-error.h"

#define A "2b2f7a41-bbb3-4e50-ba45-7ba09c3a7f16"
#define B "8ebe8051-401b-4617-8148-df7a56c307b3"
#define C "31bc219c-fb90-47ba-8fc1-18cdf66b5e5a"
#define D "5f5158f0-cd00-46be-9bfb-a9283ba800b0"
#define BOM "\xEF\xBB\xBF"

typedef struct {
  const char *entry;
  guint line;
} Expected;

/* ids: NULL-terminated; invalid: terminated by an entry of NULL. */
static void
check (const char           *text,
       const char * const   *ids,
       guint                 n_duplicates,
       const Expected       *invalid)
{
  RaDeviceIds *result = ra_device_ids_parse (text);
  const char * const *got = ra_device_ids_get_ids (result);
  guint n_invalid = 0;

  g_assert_nonnull (got);
  if (!g_strv_equal (got, ids))
    {
      g_autofree char *want = g_strjoinv (" ", (char **) ids);
      g_autofree char *have = g_strjoinv (" ", (char **) got);

      g_error ("IDs of %s:\n want: %s\n have: %s", text, want, have);
    }
  g_assert_cmpuint (ra_device_ids_get_n_ids (result), ==, g_strv_length ((char **) ids));
  g_assert_cmpuint (ra_device_ids_get_n_duplicates (result), ==, n_duplicates);

  while (invalid != NULL && invalid[n_invalid].entry != NULL)
    n_invalid++;

  if (ra_device_ids_get_n_invalid (result) != n_invalid)
    {
      for (guint i = 0; i < ra_device_ids_get_n_invalid (result); i++)
        {
          guint line;
          const char *entry = ra_device_ids_get_invalid_entry (result, i, &line);

          g_printerr ("invalid: %u “%s”\n", line, entry);
        }
      g_error ("%u invalid entries in %s, expected %u",
               ra_device_ids_get_n_invalid (result), text, n_invalid);
    }

  for (guint i = 0; i < n_invalid; i++)
    {
      guint line = 0;
      const char *entry = ra_device_ids_get_invalid_entry (result, i, &line);

      g_assert_cmpstr (entry, ==, invalid[i].entry);
      g_assert_cmpuint (line, ==, invalid[i].line);
    }

  g_assert_finalize_object (result);
}

static const char * const none[] = { NULL };
static const char * const abc[] = { A, B, C, NULL };

static void
test_empty (void)
{
  check (NULL, none, 0, NULL);
  check ("", none, 0, NULL);
  check ("\n\n  \t \r\n", none, 0, NULL);
  check ("\xEF\xBB\xBF", none, 0, NULL);
  check (" , ; ,,;\t", none, 0, NULL);
}

static void
test_one_per_line (void)
{
  check (A "\n" B "\n" C, abc, 0, NULL);
  check (A "\n" B "\n" C "\n", abc, 0, NULL);
  check ("\n\n   " A "  \n\n\t" B "\n" C "\n\n", abc, 0, NULL);
}

static void
test_separators (void)
{
  check (A "," B "," C, abc, 0, NULL);
  check (A ";" B ";" C, abc, 0, NULL);
  check (A "\t" B "\t" C, abc, 0, NULL);
  check (A " " B " " C, abc, 0, NULL);
  check (A ", " B " ;\t" C, abc, 0, NULL);
  check (A ",\n" B ";\n\n" C ",", abc, 0, NULL);
  check ("  " A ",,,;;  \t" B "\n;" C, abc, 0, NULL);
}

static void
test_quotes (void)
{
  check ("\"" A "\",\"" B "\"\n\"" C "\"", abc, 0, NULL);
  check ("  \"" A "\"  ; \"" B "\" " C, abc, 0, NULL);
  {
    static const Expected invalid[] = { { "x,y", 1 }, { "say \"hi\"", 2 }, { NULL, 0 } };

    check (A ",\"x,y\"\n\"say \"\"hi\"\"\"," B, (const char *[]) { A, B, NULL }, 0, invalid);
  }
  {
    /* A stray quote does not swallow the following lines. */
    static const Expected invalid[] = { { A ",", 1 }, { NULL, 0 } };

    check ("\"" A ",\n" B "\n" C, (const char *[]) { B, C, NULL }, 0, invalid);
  }
}

static void
test_case_and_duplicates (void)
{
  g_autofree char *upper_a = g_ascii_strup (A, -1);
  g_autofree char *mixed_b = g_strdup (B);
  g_autofree char *text = NULL;

  mixed_b[1] = 'E';
  mixed_b[3] = 'E';
  text = g_strdup_printf ("%s\n%s\n%s\n%s\n%s\n%s", upper_a, B, A, mixed_b, C, upper_a);

  /* First-seen order, lower case, each ID once. */
  check (text, abc, 3, NULL);
  check (C "\n" C "\n" A, (const char *[]) { C, A, NULL }, 1, NULL);
}

static void
test_invalid_entries (void)
{
  static const Expected invalid[] = {
    { "PC-001", 2 },
    { "2b2f7a41-bbb3-4e50-ba45-7ba09c3a7f1", 4 },   /* one digit short */
    { "2b2frs41-bbb3-4e50-ba45-7ba09c3a7f16", 4 },  /* not hexadecimal */
    { "{" B "}", 6 },
    { "hello", 7 },
    { "world", 7 },
    { NULL, 0 }
  };

  check (A "\n"
         "PC-001\n"
         "\n"
         "2b2f7a41-bbb3-4e50-ba45-7ba09c3a7f1, 2b2frs41-bbb3-4e50-ba45-7ba09c3a7f16\n"
         C "\n"
         "{" B "}\n"
         "hello world\n",
         (const char *[]) { A, C, NULL }, 0, invalid);
}

static void
test_line_endings (void)
{
  static const Expected invalid[] = { { "bad", 3 }, { "worse", 5 }, { NULL, 0 } };

  check (A "\r\n" B "\r\nbad\r\n" C "\r\nworse\r\n", abc, 0, invalid);
  /* Old Mac line ends, and a mix. */
  check (A "\r" B "\rbad\r\n" C "\nworse", abc, 0, invalid);
  /* Blank CRLF lines still count. */
  {
    static const Expected late[] = { { "x", 4 }, { NULL, 0 } };

    check ("\r\n\r\n" A "\r\nx", (const char *[]) { A, NULL }, 0, late);
  }
}

static void
test_bom (void)
{
  static const Expected invalid[] = { { "nope", 2 }, { NULL, 0 } };

  check ("\xEF\xBB\xBF" A "\nnope\n" B "\n" C, abc, 0, invalid);
  check ("\xEF\xBB\xBF" "device.collector.id\r\n" A "\r\n" B "\r\n" C "\r\n", abc, 0, NULL);
}

static void
test_csv_named_column (void)
{
  static const Expected missing[] = { { "Total: 3", 6 }, { NULL, 0 } };

  /* Nexthink's export: the ID column found by name; the other columns,
   * even when they hold UUIDs, are left alone. */
  check ("device.name,device.uid,device.collector.id,device.os\n"
         "PC-001," D "," A ",Windows 11\n"
         "\"Doe, Jane's Mac\"," D ",\"" B "\",macOS 14\n"
         "\n"
         "\"PC \"\"3\"\"\"," D "," C ",\n"
         "Total: 3\n",
         abc, 0, missing);

  check ("Name;Collector ID;Site\n"
         "PC-001;" A ";Geneva\n"
         "PC-002;" B ";Lausanne\n"
         "PC-003;" C ";\n",
         abc, 0, NULL);

  check ("name\tcollector.uid\n"
         "PC 001\t" A "\n"
         "PC 002\t" B "\n"
         "PC 003\t" C "\n",
         abc, 0, NULL);

  {
    static const Expected invalid[] = { { "n/a", 3 }, { NULL, 0 } };

    check ("\"id\",\"name\"\n"
           "\"" A "\",\"PC-001\"\n"
           "\"n/a\",\"PC-002\"\n"
           "\"" A "\",\"PC-001 again\"\n"
           "\"" B "\",\"PC-003\"\n"
           "\"" C "\",\"PC-004\"\n",
           abc, 1, invalid);
  }

  /* A one-column export is a list under a title. */
  check ("device.collector.id\n" A "\n" B ", " C "\n", abc, 0, NULL);
  check ("\n\nCollector ID\n\n" A "\n" B "\n" C, abc, 0, NULL);
}

static void
test_csv_by_content (void)
{
  /* No header names the column, but only one column holds UUIDs. */
  check ("Computer,Identifier,Owner\n"
         "PC-001," A ",jane\n"
         "PC-002," B ",joe\n"
         "PC-003,broken,ann\n"
         "PC-004," C ",bob\n",
         abc, 0, (const Expected[]) { { "broken", 4 }, { NULL, 0 } });

  /* Two columns hold UUIDs and none is named: no guessing, everything is
   * read as a list and the rest is shown as invalid. */
  check ("first,second\n" A "," B "\n" C "," D "\n",
         (const char *[]) { A, B, C, D, NULL }, 0,
         (const Expected[]) { { "first", 1 }, { "second", 1 }, { NULL, 0 } });

  /* A first line without UUIDs and nothing below: plain data. */
  check ("hello, world", none, 0,
         (const Expected[]) { { "hello", 1 }, { "world", 1 }, { NULL, 0 } });
}

static void
test_long_and_binary_entries (void)
{
  g_autofree char *long_entry = g_strnfill (5000, 'x');
  g_autofree char *text = g_strdup_printf ("%s\n" A "\n\xff\xfe\x01junk\n", long_entry);
  RaDeviceIds *result = ra_device_ids_parse (text);
  const char *entry;
  guint line;

  g_assert_cmpuint (ra_device_ids_get_n_ids (result), ==, 1);
  g_assert_cmpuint (ra_device_ids_get_n_invalid (result), ==, 2);

  entry = ra_device_ids_get_invalid_entry (result, 0, &line);
  g_assert_cmpuint (line, ==, 1);
  g_assert_true (g_str_has_prefix (entry, "xxxx"));
  g_assert_true (g_str_has_suffix (entry, "…"));
  g_assert_cmpuint (strlen (entry), <=, 200 + strlen ("…"));

  entry = ra_device_ids_get_invalid_entry (result, 1, &line);
  g_assert_cmpuint (line, ==, 3);
  g_assert_true (g_utf8_validate (entry, -1, NULL));

  g_assert_finalize_object (result);
}

static void
test_large (void)
{
  GString *text = g_string_new ("device.name,device.collector.id\r\n");
  g_autoptr(RaDeviceIds) result = NULL;
  gint64 start, end;
  guint n = 100000;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "\"PC-%06u\",%08X-0000-4000-8000-%012x\r\n", i, i % 50000, i);

  start = g_get_monotonic_time ();
  result = ra_device_ids_parse (text->str);
  end = g_get_monotonic_time ();

  g_assert_cmpuint (ra_device_ids_get_n_ids (result), ==, n);
  g_assert_cmpuint (ra_device_ids_get_n_invalid (result), ==, 0);
  g_assert_cmpstr (ra_device_ids_get_ids (result)[0], ==, "00000000-0000-4000-8000-000000000000");

  g_test_message ("%u CSV rows, %zu bytes: %.1f ms", n, text->len, (end - start) / 1000.0);
  if (g_test_verbose ())
    g_printerr ("%u CSV rows, %zu bytes: %.1f ms\n", n, text->len, (end - start) / 1000.0);

  g_string_free (text, TRUE);
}

static void
test_large_list (void)
{
  GString *text = g_string_new (NULL);
  g_autoptr(RaDeviceIds) result = NULL;
  gint64 start, end;
  guint n = 20000;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%08x-0000-4000-8000-%012X\n", i, i);
  /* Everything again, upper case: all duplicates. */
  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%08X-0000-4000-8000-%012x\n", i, i);
  g_string_append (text, "last-one-is-bad\n");

  start = g_get_monotonic_time ();
  result = ra_device_ids_parse (text->str);
  end = g_get_monotonic_time ();

  g_assert_cmpuint (ra_device_ids_get_n_ids (result), ==, n);
  g_assert_cmpuint (ra_device_ids_get_n_duplicates (result), ==, n);
  g_assert_cmpuint (ra_device_ids_get_n_invalid (result), ==, 1);
  {
    guint line;

    ra_device_ids_get_invalid_entry (result, 0, &line);
    g_assert_cmpuint (line, ==, 2 * n + 1);
  }

  g_test_message ("%u lines: %.1f ms", 2 * n + 1, (end - start) / 1000.0);
  if (g_test_verbose ())
    g_printerr ("%u lines: %.1f ms\n", 2 * n + 1, (end - start) / 1000.0);

  g_string_free (text, TRUE);
}

static void
test_decode_file (void)
{
  static const char utf16le[] = "\xFF\xFE" "a\0,\0\xE9\0\r\0\n\0";
  static const char utf16be[] = "\xFE\xFF" "\0a\0,\0\xE9\0\n";
  g_autoptr(GError) error = NULL;
  char *text;

  text = ra_device_ids_decode_file ("\xEF\xBB\xBF" A "\n", strlen (A) + 4, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, A "\n");
  g_free (text);

  text = ra_device_ids_decode_file (utf16le, sizeof utf16le - 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "a,é\r\n");
  g_free (text);

  text = ra_device_ids_decode_file (utf16be, sizeof utf16be - 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "a,é\n");
  g_free (text);

  text = ra_device_ids_decode_file ("", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "");
  g_free (text);

  /* UTF-16 without a mark, Latin-1, binary: refused, not guessed. */
  text = ra_device_ids_decode_file ("a\0b\0", 4, &error);
  g_assert_null (text);
  g_assert_error (error, RA_ERROR, RA_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  text = ra_device_ids_decode_file ("caf\xE9", 4, &error);
  g_assert_null (text);
  g_assert_error (error, RA_ERROR, RA_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  /* An odd number of UTF-16 bytes. */
  text = ra_device_ids_decode_file ("\xFF\xFE" "a\0b", 5, &error);
  g_assert_null (text);
  g_assert_error (error, RA_ERROR, RA_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  /* A UTF-16 export of a CSV, all the way through. */
  {
    g_autoptr(GError) convert_error = NULL;
    g_autofree char *utf8 = g_strdup ("device.name\tdevice.collector.id\r\nPC\t" A "\r\n");
    gsize n = 0;
    g_autofree char *body = g_convert (utf8, -1, "UTF-16LE", "UTF-8", NULL, &n, &convert_error);
    g_autofree char *file = g_malloc (n + 2);
    g_autoptr(RaDeviceIds) ids = NULL;

    g_assert_no_error (convert_error);
    memcpy (file, "\xFF\xFE", 2);
    memcpy (file + 2, body, n);
    text = ra_device_ids_decode_file (file, n + 2, &error);
    g_assert_no_error (error);
    ids = ra_device_ids_parse (text);
    g_assert_cmpuint (ra_device_ids_get_n_ids (ids), ==, 1);
    g_assert_cmpstr (ra_device_ids_get_ids (ids)[0], ==, A);
    g_free (text);
  }
}

static glong
peak_rss_kib (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return usage.ru_maxrss;
}

/* "a,a,a…": two million invalid entries are counted, the first few kept,
 * and memory stays in proportion to the text. */
static void
test_many_invalid_bounded (void)
{
  guint n = 2000000;
  g_autofree char *text = g_malloc (2 * n + 1);
  g_autoptr(RaDeviceIds) result = NULL;
  glong before;
  guint line = 0;

  /* In a fresh process, so that the peak is this test's own. */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      text[2 * i] = 'a';
      text[2 * i + 1] = ',';
    }
  text[2 * n] = '\0';

  before = peak_rss_kib ();
  result = ra_device_ids_parse (text);
  g_test_message ("peak memory grew by %ld KiB for %u bytes of text",
                  peak_rss_kib () - before, 2 * n);

  g_assert_cmpuint (ra_device_ids_get_n_invalid (result), ==, n);
  g_assert_cmpuint (ra_device_ids_get_n_ids (result), ==, 0);
  g_assert_cmpstr (ra_device_ids_get_invalid_entry (result, 0, &line), ==, "a");
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpstr (ra_device_ids_get_invalid_entry (result, RA_DEVICE_IDS_MAX_KEPT_INVALID - 1, NULL), ==, "a");
  g_assert_null (ra_device_ids_get_invalid_entry (result, RA_DEVICE_IDS_MAX_KEPT_INVALID, &line));
  g_assert_cmpuint (line, ==, 0);
  /* 4 MB of text: far less than a copy per entry would take. */
  g_assert_cmpint (peak_rss_kib () - before, <, 48 * 1024);
}

/* A header-like first line of a million cells is read as data. */
static void
test_huge_first_line (void)
{
  GString *text = g_string_new (NULL);
  g_autoptr(RaDeviceIds) result = NULL;

  for (guint i = 0; i < 1000000; i++)
    g_string_append (text, "x;");
  g_string_append (text, "\n" A "\n");

  result = ra_device_ids_parse (text->str);
  g_assert_cmpuint (ra_device_ids_get_n_ids (result), ==, 1);
  g_assert_cmpuint (ra_device_ids_get_n_invalid (result), ==, 1000000);

  g_string_free (text, TRUE);
}

static void
test_cancel (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(RaDeviceIds) result = NULL;
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < 50000; i++)
    g_string_append (text, A "\nbad\n");

  result = ra_device_ids_parse_full (text->str, cancellable);
  g_assert_nonnull (result);
  g_assert_cmpuint (ra_device_ids_get_n_ids (result), ==, 1);
  g_assert_cmpuint (ra_device_ids_get_n_duplicates (result), ==, 49999);
  g_clear_object (&result);

  g_cancellable_cancel (cancellable);
  g_assert_null (ra_device_ids_parse_full (text->str, cancellable));

  g_string_free (text, TRUE);
}

/* Where each invalid entry is, for marking it in the text. */
static void
test_invalid_spans (void)
{
  static const struct { const char *text; guint line; guint start; guint end; } cases[] = {
    { "abc", 1, 0, 3 },
    { A ",  bad , " B, 1, 39, 42 },
    { A "\r\n\"x y\"\n", 2, 0, 5 },
    { BOM "bad", 1, 3, 6 },
    { "name,device.collector.id\nPC-1,nope\n", 2, 5, 9 },
    { "name,device.collector.id\nPC-1," A "\n  total 3 \n", 3, 2, 9 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RaDeviceIds) ids = ra_device_ids_parse (cases[i].text);
      guint line = 0, start = 0, end = 0;

      g_test_message ("case %u", i);
      g_assert_cmpuint (ra_device_ids_get_n_invalid (ids), ==, 1);
      g_assert_nonnull (ra_device_ids_get_invalid_entry (ids, 0, &line));
      g_assert_true (ra_device_ids_get_invalid_span (ids, 0, &start, &end));
      g_assert_cmpuint (line, ==, cases[i].line);
      g_assert_cmpuint (start, ==, cases[i].start);
      g_assert_cmpuint (end, ==, cases[i].end);
    }
}

static void
test_remove_invalid (void)
{
  static const struct { const char *text; const char *expected; } cases[] = {
    { "", "" },
    { A "\n" B "\n", A "\n" B "\n" },
    { A "\nabc\n" B "\n", A "\n" B "\n" },
    { "abc\n" A, A },
    { A "\nabc", A "\n" },
    { A "\r\nabc\r\n" B, A "\r\n" B },
    { "abc, " A ", def", A },
    { A ", abc, " B, A ", " B },
    { A " abc def\n" B, A "\n" B },
    { "abc def ghi\n\n" A, "\n" A },
    { "x,y;z\t" A "\t w", A },
    { A ",\"not, an id\"," B, A "," B },
    /* Duplicates are not mistakes: they stay. */
    { A "\n" A "\nabc", A "\n" A "\n" },
    /* In a table, the row with a wrong ID goes, the header stays. */
    { "name,device.collector.id\nPC-1," A "\nPC-2,nope\nPC-3," B "\n",
      "name,device.collector.id\nPC-1," A "\nPC-3," B "\n" },
    { "name,device.collector.id\nPC-1," A "\ntotal\n", "name,device.collector.id\nPC-1," A "\n" },
    /* A list under a title. */
    { "device.collector.id\n" A "\nabc\n", "device.collector.id\n" A "\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *kept = ra_device_ids_remove_invalid (cases[i].text);
      g_autoptr(RaDeviceIds) before = ra_device_ids_parse (cases[i].text);
      g_autoptr(RaDeviceIds) after = ra_device_ids_parse (kept);

      g_test_message ("case %u", i);
      g_assert_cmpstr (kept, ==, cases[i].expected);
      g_assert_cmpuint (ra_device_ids_get_n_invalid (after), ==, 0);
      g_assert_true (g_strv_equal ((const char * const *) ra_device_ids_get_ids (before),
                                   (const char * const *) ra_device_ids_get_ids (after)));
    }
}

/* Every invalid entry goes, also past those kept to be shown. */
static void
test_remove_many_invalid (void)
{
  g_autoptr(GString) text = g_string_new (A "\n");
  g_autofree char *kept = NULL;

  for (guint i = 0; i < 3 * RA_DEVICE_IDS_MAX_KEPT_INVALID; i++)
    g_string_append (text, "bad, worse\n");
  g_string_append (text, B);

  kept = ra_device_ids_remove_invalid (text->str);
  g_assert_cmpstr (kept, ==, A "\n" B);
}

/* A device export from Nexthink, as it is downloaded: the device UID is
 * the one column holding IDs, found by its content; the other columns,
 * spaces and all, are not devices. */
static void
test_extract_column (void)
{
  static const char export[] =
    "device.name,device.uid,operating_system.name,device.last_seen\r\n"
    "PC-0001," A ",Windows 11,2026-12-01T10:00:00Z\r\n"
    "\"Mac, Jane's\"," B ",\"macOS 14 Sonoma\",2026-12-02T08:30:00Z\r\n"
    "PC-0003,,Windows 10,\r\n"
    "\r\n";
  /* As spreadsheet programs save it: with a byte-order mark. */
  g_autofree char *saved = g_strconcat (BOM, export, NULL);
  g_autofree char *column = ra_device_ids_extract_column (saved);
  g_autofree char *joined = NULL;
  g_autofree char *titled = NULL;
  g_autoptr(RaDeviceIds) ids = NULL;

  g_assert_cmpstr (column, ==, A "\n" B "\n");

  /* Put after other devices, the column still reads without a mistake,
   * where the whole export would not. */
  joined = g_strconcat (C "\n", column, NULL);
  ids = ra_device_ids_parse (joined);
  g_assert_cmpuint (ra_device_ids_get_n_ids (ids), ==, 3);
  g_assert_cmpuint (ra_device_ids_get_n_invalid (ids), ==, 0);

  /* Named columns, wrong cells and rows without the column stay, to be
   * shown. */
  g_clear_pointer (&column, g_free);
  column = ra_device_ids_extract_column ("name;collector.uid;os\nPC-1;" A ";Windows 11\nPC-2;n/a;Windows 11\ntotal\n");
  g_assert_cmpstr (column, ==, A "\nn/a\ntotal\n");

  /* A list under a title: the rows. */
  titled = ra_device_ids_extract_column ("device.collector.id\n" A "\n" B "\n");
  g_assert_cmpstr (titled, ==, A "\n" B "\n");

  /* Not a table: nothing to take out. */
  g_assert_null (ra_device_ids_extract_column (A "\n" B));
  g_assert_null (ra_device_ids_extract_column ("abc def"));
  g_assert_null (ra_device_ids_extract_column (""));
}

/* With names accepted, what could be a device name is one, each once
 * whatever its case; the rest is still a mistake. */
static void
test_names (void)
{
  g_autoptr(RaDeviceIds) without = NULL;
  g_autoptr(RaDeviceIds) ids = NULL;
  g_autofree char *long_name = g_strnfill (RA_DEVICE_IDS_MAX_NAME_BYTES + 1, 'x');
  g_autofree char *text = g_strdup_printf ("PC-042, 2b2f7a41-bbb3-4e50-ba45-7ba09c3a7f16\n"
                                           "pc-042; Ä-Gerät\n---\n%s\nLAPTOP-TRAINING",
                                           long_name);
  g_autofree char *kept = NULL;
  const char * const *names;

  without = ra_device_ids_parse (text);
  g_assert_cmpuint (ra_device_ids_get_n_names (without), ==, 0);
  g_assert_cmpuint (ra_device_ids_get_n_invalid (without), ==, 6);

  ids = ra_device_ids_parse_with_names (text, NULL);
  names = ra_device_ids_get_names (ids);
  g_assert_cmpuint (ra_device_ids_get_n_names (ids), ==, 3);
  g_assert_cmpstr (names[0], ==, "PC-042");
  g_assert_cmpstr (names[1], ==, "Ä-Gerät");
  g_assert_cmpstr (names[2], ==, "LAPTOP-TRAINING");
  g_assert_null (names[3]);
  g_assert_cmpuint (ra_device_ids_get_n_ids (ids), ==, 1);
  g_assert_cmpuint (ra_device_ids_get_n_duplicates (ids), ==, 1);
  /* No letter or digit, or too long for a name. */
  g_assert_cmpuint (ra_device_ids_get_n_invalid (ids), ==, 2);

  kept = ra_device_ids_remove_invalid_full (text, TRUE);
  g_assert_cmpstr (kept, ==, "PC-042, 2b2f7a41-bbb3-4e50-ba45-7ba09c3a7f16\n"
                             "pc-042; Ä-Gerät\nLAPTOP-TRAINING");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/device-ids/empty", test_empty);
  g_test_add_func ("/device-ids/one-per-line", test_one_per_line);
  g_test_add_func ("/device-ids/separators", test_separators);
  g_test_add_func ("/device-ids/quotes", test_quotes);
  g_test_add_func ("/device-ids/case-and-duplicates", test_case_and_duplicates);
  g_test_add_func ("/device-ids/invalid-entries", test_invalid_entries);
  g_test_add_func ("/device-ids/line-endings", test_line_endings);
  g_test_add_func ("/device-ids/bom", test_bom);
  g_test_add_func ("/device-ids/csv-named-column", test_csv_named_column);
  g_test_add_func ("/device-ids/csv-by-content", test_csv_by_content);
  g_test_add_func ("/device-ids/long-and-binary", test_long_and_binary_entries);
  g_test_add_func ("/device-ids/decode-file", test_decode_file);
  g_test_add_func ("/device-ids/large", test_large);
  g_test_add_func ("/device-ids/large-list", test_large_list);
  g_test_add_func ("/device-ids/many-invalid-bounded", test_many_invalid_bounded);
  g_test_add_func ("/device-ids/huge-first-line", test_huge_first_line);
  g_test_add_func ("/device-ids/cancel", test_cancel);
  g_test_add_func ("/device-ids/invalid-spans", test_invalid_spans);
  g_test_add_func ("/device-ids/remove-invalid", test_remove_invalid);
  g_test_add_func ("/device-ids/remove-many-invalid", test_remove_many_invalid);
  g_test_add_func ("/device-ids/extract-column", test_extract_column);
  g_test_add_func ("/device-ids/names", test_names);

  return g_test_run ();
}
