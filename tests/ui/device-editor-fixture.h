/* device-editor-fixture.h — the devices editor in a window of its own,
 * for the tests of the editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ra-device-editor.h"
#include "ra-test-utils.h"

#define A "2b2f7a41-bbb3-4e50-ba45-7ba09c3a7f16"
#define B "8ebe8051-401b-4617-8148-df7a56c307b3"

typedef struct
{
  GtkWidget      *window;
  GtkWidget      *overlay;
  RaDeviceEditor *editor;
  char           *dir;
} Fixture;

/* In a toast overlay, as in the window; with a directory for files to
 * import. */
static inline void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("ra-device-editor-XXXXXX", &error);
  g_assert_no_error (error);

  fixture->window = gtk_window_new ();
  fixture->overlay = adw_toast_overlay_new ();
  fixture->editor = RA_DEVICE_EDITOR (ra_device_editor_new ());
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (fixture->overlay), GTK_WIDGET (fixture->editor));
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->overlay);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 700, 600);
  gtk_window_present (GTK_WINDOW (fixture->window));
  RA_TEST_WAIT_UNTIL (gtk_widget_get_mapped (fixture->window));
}

static inline void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  ra_test_spin (20);

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static inline GtkTextBuffer *
get_buffer (Fixture *fixture)
{
  return gtk_text_view_get_buffer (ra_device_editor_get_text_view (fixture->editor));
}

static inline GFile *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

/* Where a and b first differ: strlen (a) when they are equal. A failed
 * comparison of megabytes of text says where, not the whole text. */
static inline gsize
first_difference (const char *a,
                  const char *b)
{
  gsize i = 0;

  while (a[i] != '\0' && a[i] == b[i])
    i++;

  return i;
}

static inline void
assert_text (Fixture    *fixture,
             const char *expected)
{
  g_autofree char *text = ra_device_editor_dup_text (fixture->editor);

  g_assert_cmpuint (first_difference (text, expected), ==, strlen (expected));
  g_assert_cmpuint (strlen (text), ==, strlen (expected));
}
