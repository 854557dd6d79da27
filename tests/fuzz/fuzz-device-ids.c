/* fuzz-device-ids.c — pasted and imported device IDs
 *
 * Any bytes, decoded as an imported file and parsed as a paste: what comes
 * out is lower-case UUIDs without duplicates, and invalid entries are
 * short, valid UTF-8 and on a line that exists.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-device-ids"

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "ra-device-ids.h"
#include "ra-error.h"

static void
check (const char *text)
{
  g_autoptr(RaDeviceIds) ids = ra_device_ids_parse (text);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char * const *list = ra_device_ids_get_ids (ids);
  guint max_line = 1;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n' || (*p == '\r' && p[1] != '\n'))
      max_line++;

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

      g_assert_nonnull (entry);
      g_assert_true (g_utf8_validate (entry, -1, NULL));
      g_assert_cmpuint (strlen (entry), >, 0);
      g_assert_cmpuint (strlen (entry), <=, 200 + strlen ("…"));
      g_assert_cmpuint (line, >=, 1);
      g_assert_cmpuint (line, <=, max_line);
    }
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *decoded = ra_device_ids_decode_file ((const char *) data, size, &error);

  if (decoded != NULL)
    {
      g_assert_no_error (error);
      g_assert_true (g_utf8_validate (decoded, -1, NULL));
      check (decoded);
    }
  else
    {
      g_assert_error (error, RA_ERROR, RA_ERROR_INVALID_INPUT);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }

  /* A paste is text already, NUL-terminated where the input has one. */
  if (g_utf8_validate ((const char *) data, size, NULL))
    {
      g_autofree char *text = g_strndup ((const char *) data, size);

      check (text);
    }

  return 0;
}
