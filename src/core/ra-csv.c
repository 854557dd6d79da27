/* ra-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-csv"

#include "config.h"

#include <string.h>

#include "ra-csv.h"

struct _RaCsvWriter
{
  GString  *text;
  /* Fields in the current row so far. */
  guint     n_fields;
};

RaCsvWriter *
ra_csv_writer_new (void)
{
  RaCsvWriter *self = g_new0 (RaCsvWriter, 1);

  self->text = g_string_new (NULL);
  return self;
}

void
ra_csv_writer_free (RaCsvWriter *self)
{
  if (self == NULL)
    return;

  g_string_free (self->text, TRUE);
  g_free (self);
}

/* What a spreadsheet would take for the start of a formula. */
static gboolean
needs_guard (const char *text)
{
  return text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL;
}

static void
append_field (GString    *out,
              const char *text)
{
  g_autofree char *valid = NULL;
  gboolean guard, quote;

  if (text == NULL || text[0] == '\0')
    return;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  guard = needs_guard (text);
  quote = strpbrk (text, ",\"\r\n") != NULL;

  if (quote)
    g_string_append_c (out, '"');
  if (guard)
    g_string_append_c (out, '\'');

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }

  if (quote)
    g_string_append_c (out, '"');
}

char *
ra_csv_escape_field (const char *text)
{
  GString *out = g_string_new (NULL);

  append_field (out, text);
  return g_string_free (out, FALSE);
}

static void
start_field (RaCsvWriter *self)
{
  if (self->n_fields > 0)
    g_string_append_c (self->text, ',');
  self->n_fields++;
}

void
ra_csv_writer_add_field (RaCsvWriter *self,
                         const char  *text)
{
  g_return_if_fail (self != NULL);

  start_field (self);
  append_field (self->text, text);
}

void
ra_csv_writer_add_uint (RaCsvWriter *self,
                        guint64      value)
{
  g_return_if_fail (self != NULL);

  start_field (self);
  g_string_append_printf (self->text, "%" G_GUINT64_FORMAT, value);
}

void
ra_csv_writer_end_row (RaCsvWriter *self)
{
  g_return_if_fail (self != NULL);

  g_string_append (self->text, "\r\n");
  self->n_fields = 0;
}

void
ra_csv_writer_add_row (RaCsvWriter        *self,
                       const char * const *fields)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    ra_csv_writer_add_field (self, fields[i]);
  ra_csv_writer_end_row (self);
}

GBytes *
ra_csv_writer_free_to_bytes (RaCsvWriter *self)
{
  GString *text;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->n_fields > 0)
    ra_csv_writer_end_row (self);

  text = self->text;
  g_free (self);

  return g_string_free_to_bytes (text);
}
