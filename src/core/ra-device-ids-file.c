/* ra-device-ids-file.c — reading a file of collector IDs, with bounds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-device-ids"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-device-ids.h"
#include "ra-error.h"

/* Read in pieces, so that a file that grows while it is read is stopped
 * at the limit, not when memory runs out. */
#define READ_CHUNK_BYTES (64 * 1024)

static char *
file_display_name (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    return g_filename_display_basename (path);

  return g_file_get_parse_name (file);
}

static void
read_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GFile *file = task_data;
  gsize max_bytes = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (task), "max-bytes"));
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = file_display_name (file);
  g_autofree char *text = NULL;
  g_autofree char *column = NULL;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (info == NULL)
    goto failed;

  /* A device or a pipe has no end to wait for (/dev/zero never stops). */
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_task_return_new_error (task, RA_ERROR, RA_ERROR_INVALID_INPUT,
                               /* Translators: %s is a file name */
                               _("“%s” is not a file that can be imported."), name);
      return;
    }

  if ((guint64) g_file_info_get_size (info) > max_bytes)
    goto too_large;

  stream = g_file_read (file, cancellable, &error);
  if (stream == NULL)
    goto failed;

  data = g_byte_array_sized_new (MIN ((gsize) g_file_info_get_size (info), max_bytes) + 1);
  for (;;)
    {
      guint8 chunk[READ_CHUNK_BYTES];
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), chunk, sizeof chunk,
                                      cancellable, &error);

      if (n < 0)
        goto failed;
      if (n == 0)
        break;

      /* The size said otherwise, yet the file grew (or is a file of
       * /proc that does not know its size). */
      if (data->len + n > max_bytes)
        goto too_large;
      g_byte_array_append (data, chunk, n);
    }

  text = ra_device_ids_decode_file ((const char *) data->data, data->len, NULL);
  if (text == NULL)
    {
      g_task_return_new_error (task, RA_ERROR, RA_ERROR_INVALID_INPUT,
                               /* Translators: %s is a file name */
                               _("“%s” is not a text or CSV file."), name);
      return;
    }

  /* Of a table, such as a device export, the IDs alone: the header and
   * the other columns would be mistakes once added to other devices. */
  column = ra_device_ids_extract_column (text);
  if (column != NULL)
    g_task_return_pointer (task, g_steal_pointer (&column), g_free);
  else
    g_task_return_pointer (task, g_steal_pointer (&text), g_free);
  return;

too_large:
  g_task_return_new_error (task, RA_ERROR, RA_ERROR_INVALID_INPUT,
                           /* Translators: %s is a file name */
                           _("“%s” is too large for a list of devices."), name);
  return;

failed:
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_new_error (task, RA_ERROR, RA_ERROR_INVALID_INPUT,
                           /* Translators: the first %s is a file name, the second why it failed */
                           _("Could not read “%s”: %s"), name, error->message);
}

void
ra_device_ids_read_file_async (GFile               *file,
                               gsize                max_bytes,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ra_device_ids_read_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_object_set_data (G_OBJECT (task), "max-bytes", GSIZE_TO_POINTER (max_bytes));
  g_task_run_in_thread (task, read_file_thread);
}

char *
ra_device_ids_read_file_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

char *
ra_device_ids_decode_file (const char  *data,
                           gsize        length,
                           GError     **error)
{
  const char *charset = NULL;
  gsize bom = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    bom = 3;
  else if (length >= 2 && memcmp (data, "\xFF\xFE", 2) == 0)
    charset = "UTF-16LE", bom = 2;
  else if (length >= 2 && memcmp (data, "\xFE\xFF", 2) == 0)
    charset = "UTF-16BE", bom = 2;

  data += bom;
  length -= bom;

  if (charset != NULL)
    {
      g_autofree char *text = NULL;
      gsize written = 0;

      text = g_convert (data, length, "UTF-8", charset, NULL, &written, NULL);
      if (text != NULL && memchr (text, '\0', written) == NULL)
        return g_steal_pointer (&text);
    }
  else if (memchr (data, '\0', length) == NULL &&
           g_utf8_validate (data, length, NULL))
    {
      return g_strndup (data, length);
    }

  g_set_error_literal (error, RA_ERROR, RA_ERROR_INVALID_INPUT,
                       _("The file is not a text file that can be read: save it as CSV or text, in UTF-8 or UTF-16."));
  return NULL;
}
